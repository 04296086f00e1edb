#!/usr/bin/env node
// Runs a workflow (or one job of it) on this machine as the GitHub runner would; see
// workflow-runner.mjs. Exit 0 when the run succeeded, 1 when a job failed or was cancelled, 2 when
// the workflow or the arguments are wrong or the event does not start the workflow.
import { readFileSync } from "node:fs";
import { isMlopsError } from "../../lib/errors/index.js";
import { LOCAL_EQUIVALENTS, runWorkflow, runWorkflowJob } from "./workflow-runner.mjs";

const usage = `usage: node scripts/e2e/run-workflow.mjs --workflow FILE --event NAME --workspace DIR [options]

  --workflow FILE         the workflow (.github/workflows/x.yml)
  --event NAME            the event (push, pull_request, workflow_run, schedule, workflow_dispatch, …)
  --payload FILE          the event's webhook payload as JSON (default {})
  --workspace DIR         GITHUB_WORKSPACE (created when missing)
  --job ID                run this job only (default: every job, in the order of their needs)
  --repository OWNER/NAME default the payload's repository.full_name
  --sha SHA / --ref REF   default from the payload (push: after and ref)
  --run-id N              github.run_id (default 1)
  --token TOKEN           github.token and secrets.GITHUB_TOKEN
  --secret NAME=VALUE     a secret (repeatable); --var, --env and --input alike
  --api-url URL           GITHUB_API_URL (for example the GitHub double's)
  --server-url URL        GITHUB_SERVER_URL
  --checkout-remote PATH  the bare repository or git URL actions/checkout clones
  --artifacts DIR         where upload-artifact stores and download-artifact reads
  --runner-temp DIR       RUNNER_TEMP's parent (default a fresh temp directory)
  --json                  print the result as JSON (the token shown as ***)
  --quiet                 do not stream the steps' output to stderr
  -h, --help              this text

Third-party actions are replaced by local equivalents:
${Object.entries(LOCAL_EQUIVALENTS)
  .map(([name, e]) => `  ${name.padEnd(26)}${e.description}`)
  .join("\n")}
Any other one is refused.`;

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const single = {};
  /** @type {Record<string, Record<string, string>>} */
  const pairs = { secret: {}, var: {}, env: {}, input: {} };
  let json = false;
  let quiet = false;
  const valued = [
    "workflow",
    "event",
    "payload",
    "workspace",
    "job",
    "repository",
    "sha",
    "ref",
    "run-id",
    "token",
    "api-url",
    "server-url",
    "checkout-remote",
    "artifacts",
    "runner-temp",
  ];
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const name = arg.replace(/^--/, "");
    if (arg === "-h" || arg === "--help") {
      console.log(usage);
      process.exit(0);
    } else if (arg === "--json") json = true;
    else if (arg === "--quiet") quiet = true;
    else if (arg.startsWith("--") && valued.includes(name)) {
      const value = argv[++i];
      if (value === undefined) fail(`${arg} expects a value`);
      single[name] = /** @type {string} */ (value);
    } else if (arg.startsWith("--") && Object.hasOwn(pairs, name)) {
      const value = argv[++i] ?? "";
      const eq = value.indexOf("=");
      if (eq <= 0) fail(`${arg} expects NAME=VALUE, got '${value}'`);
      /** @type {Record<string, string>} */ (pairs[name])[value.slice(0, eq)] = value.slice(eq + 1);
    } else fail(`unknown argument ${arg}`);
  }
  for (const required of ["workflow", "event", "workspace"])
    if (!single[required]) fail(`--${required} is required`);
  return { single, pairs, json, quiet };
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`run-workflow: ${message}\n\n${usage}`);
  process.exit(2);
}

const { single, pairs, json, quiet } = parseArgs(process.argv.slice(2));
/** @type {Record<string, any>} */
let payload = {};
if (single.payload) {
  try {
    payload = JSON.parse(readFileSync(single.payload, "utf8"));
  } catch (err) {
    fail(`--payload ${single.payload}: ${/** @type {Error} */ (err).message}`);
  }
}
const options = {
  workflowPath: /** @type {string} */ (single.workflow),
  event: { name: /** @type {string} */ (single.event), payload },
  workspace: /** @type {string} */ (single.workspace),
  ...(single.repository ? { repository: single.repository } : {}),
  ...(single.sha ? { sha: single.sha } : {}),
  ...(single.ref ? { ref: single.ref } : {}),
  ...(single["run-id"] ? { runId: single["run-id"] } : {}),
  ...(single.token ? { token: single.token } : {}),
  ...(single["api-url"] ? { githubApiUrl: single["api-url"] } : {}),
  ...(single["server-url"] ? { serverUrl: single["server-url"] } : {}),
  ...(single["checkout-remote"] ? { checkoutRemote: single["checkout-remote"] } : {}),
  ...(single.artifacts ? { artifactsDir: single.artifacts } : {}),
  ...(single["runner-temp"] ? { runnerTemp: single["runner-temp"] } : {}),
  secrets: pairs.secret,
  vars: pairs.var,
  env: pairs.env,
  inputs: pairs.input,
  ...(quiet ? {} : { log: (/** @type {string} */ line) => process.stderr.write(`${line}\n`) }),
};

/** @param {import("./workflow-runner.mjs").JobResult} job */
function printJob(job) {
  console.log(`${job.job} (${job.name}): ${job.conclusion}, ${job.duration_ms} ms`);
  for (const s of job.steps) {
    const error = s.error ? ` — ${s.error}` : "";
    console.log(`  ${s.conclusion.padEnd(9)} ${String(s.duration_ms).padStart(7)} ms  ${s.name}${error}`);
  }
  for (const e of job.equivalents) console.log(`  replaced ${e.uses}: ${e.equivalent}`);
  const outputs = Object.entries(job.outputs);
  if (outputs.length > 0) console.log(`  outputs: ${outputs.map(([k, v]) => `${k}=${v}`).join(", ")}`);
}

try {
  const hideToken = (/** @type {import("./workflow-runner.mjs").JobResult} */ job) => ({
    ...job,
    token: job.token ? "***" : "",
  });
  if (single.job) {
    const result = await runWorkflowJob({ ...options, job: single.job });
    if (json) console.log(JSON.stringify(hideToken(result), null, 2));
    else printJob(result);
    process.exit(result.conclusion === "success" || result.conclusion === "skipped" ? 0 : 1);
  } else {
    const result = await runWorkflow(options);
    if (json) {
      const jobs = Object.fromEntries(Object.entries(result.jobs).map(([k, v]) => [k, hideToken(v)]));
      console.log(JSON.stringify({ ...result, jobs }, null, 2));
    } else
      for (const id of result.order)
        printJob(/** @type {import("./workflow-runner.mjs").JobResult} */ (result.jobs[id]));
    process.exit(result.conclusion === "success" ? 0 : 1);
  }
} catch (err) {
  if (isMlopsError(err)) {
    console.error(`run-workflow: ${/** @type {{toUserString(): string}} */ (err).toUserString()}`);
    process.exit(2);
  }
  throw err;
}
