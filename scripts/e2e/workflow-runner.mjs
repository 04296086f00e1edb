// A small stand-in for the GitHub Actions runner, for end-to-end scenarios on a machine with no
// runner: it reads a workflow file, checks that the event would start it, and runs a job's steps in
// order the way the runner does — `run:` steps in bash, our own actions (`uses: ./actions/x`) with
// node and the INPUT_*/GITHUB_* environment, third-party actions through the local equivalents of
// local-equivalents.mjs — collecting outcomes, outputs, summaries, annotations and masked logs.
// What it deliberately lacks: matrices, containers and services, reusable workflows, composite and
// Docker actions; each is refused with a message rather than run differently from GitHub.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { MlopsError } from "../../lib/errors/index.js";
import {
  ExpressionError,
  evaluateCondition,
  interpolate,
  interpolateText,
  isTruthy,
} from "./expressions.mjs";
import { EquivalentFailure, findEquivalent, LOCAL_EQUIVALENTS } from "./local-equivalents.mjs";
import { parseFileCommand, runProcess, StepOutputReader } from "./step-io.mjs";
import { eventTriggers, normaliseOn } from "./triggers.mjs";

export { evaluateCondition, evaluateExpression, interpolate } from "./expressions.mjs";
export { LOCAL_EQUIVALENTS } from "./local-equivalents.mjs";
export { eventTriggers } from "./triggers.mjs";

/** Every scope a GITHUB_TOKEN can be given (`metadata: read` comes with any token). */
export const PERMISSION_SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
];

// A step's log is kept in the result up to this size; `npm ci` and pipelines can print a lot.
const LOG_LIMIT = 1_000_000;
const DEFAULT_JOB_TIMEOUT_MINUTES = 360;

// The variables of this machine a step may need (tools on PATH, a home for git and npm, proxies and
// registry settings); the rest of this process's environment stays out, as on a fresh runner.
const PASSED_THROUGH =
  /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LC_[A-Z]+|TZ|TMPDIR|TERM|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|(HTTPS?|NO|ALL)_PROXY|(https?|no|all)_proxy|npm_config_(registry|cache|userconfig|offline|prefer_offline)|NPM_CONFIG_[A-Z_]+)$/;

/**
 * @typedef {object} WorkflowFile
 * @property {string} file     the path as given, for messages
 * @property {Record<string, any>} data
 * @property {(path: (string | number)[]) => number | undefined} lineOf
 */

/**
 * @param {string} workflowPath
 * @returns {WorkflowFile}
 */
export function loadWorkflow(workflowPath) {
  let text;
  try {
    text = readFileSync(workflowPath, "utf8");
  } catch (err) {
    throw new MlopsError("not-found", `cannot read the workflow: ${/** @type {Error} */ (err).message}`, {
      file: workflowPath,
    });
  }
  const lineCounter = new LineCounter();
  // Every scalar stays text, as the runner reads them: `node-version: 20.10` must not become 20.1.
  const doc = parseDocument(text, { schema: "failsafe", lineCounter, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    throw new MlopsError("invalid-file", first.message.split("\n")[0] ?? "invalid YAML", {
      file: workflowPath,
      line: lineCounter.linePos(first.pos[0]).line,
    });
  }
  const data = doc.toJS();
  /** @param {(string | number)[]} path */
  const lineOf = (path) => {
    for (let n = path.length; n > 0; n--) {
      const node = /** @type {{range?: [number, number, number]} | undefined} */ (
        doc.getIn(path.slice(0, n), true)
      );
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const wf = { file: workflowPath, data, lineOf };
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw invalid(wf, [], "expected a mapping");
  if (data.on === undefined) throw invalid(wf, [], "on: missing (the events that start the workflow)");
  if (data.jobs === null || typeof data.jobs !== "object" || Object.keys(data.jobs).length === 0) {
    throw invalid(wf, ["jobs"], "jobs: expected at least one job");
  }
  return wf;
}

/** @param {WorkflowFile} wf @param {(string | number)[]} path @param {string} message @param {"invalid-file" | "not-found" | "refused"} [code] */
function invalid(wf, path, message, code = "invalid-file") {
  return new MlopsError(code, message, { file: wf.file, line: wf.lineOf(path) });
}

/**
 * Runs `fn`, turning an expression error into an error on the file and line of `path`.
 * @template T @param {WorkflowFile} wf @param {(string | number)[]} path @param {() => T} fn @returns {T}
 */
function located(wf, path, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ExpressionError) throw invalid(wf, path, err.message);
    throw err;
  }
}

/** A YAML flag (text under the failsafe schema) or an expression's value as a boolean. @param {unknown} v */
function toBool(v) {
  if (typeof v === "string") return v.trim().toLowerCase() === "true";
  return isTruthy(v);
}

/** @param {unknown} v @returns {string[]} */
function asList(v) {
  if (v === undefined || v === null || v === "") return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** @param {unknown} v @returns {Record<string, any>} */
function asMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? /** @type {Record<string, any>} */ (v)
    : {};
}

/**
 * The token's permissions for a job: the job's `permissions:`, else the workflow's, else the
 * repository default; every scope listed, absent ones `none`, as GitHub applies them.
 * @param {WorkflowFile} wf @param {string} jobId @param {"restricted" | "permissive"} fallback
 * @returns {Record<string, "read" | "write" | "none">}
 */
export function effectivePermissions(wf, jobId, fallback = "restricted") {
  const jobSpec = wf.data.jobs[jobId]?.permissions;
  const spec = jobSpec !== undefined ? jobSpec : wf.data.permissions;
  const path = jobSpec !== undefined ? ["jobs", jobId, "permissions"] : ["permissions"];
  /** @type {Record<string, "read" | "write" | "none">} */
  const out = {};
  /** @param {"read" | "write" | "none"} level */
  const all = (level) => {
    for (const s of PERMISSION_SCOPES) out[s] = s === "id-token" && level === "read" ? "none" : level;
  };
  if (spec === undefined) {
    // https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
    if (fallback === "permissive") all("write");
    else {
      all("none");
      out.contents = "read";
      out.packages = "read";
    }
  } else if (spec === "read-all") all("read");
  else if (spec === "write-all") all("write");
  else if (spec === "" || (typeof spec === "object" && !Array.isArray(spec))) {
    all("none");
    for (const [scope, level] of Object.entries(asMap(spec))) {
      if (!PERMISSION_SCOPES.includes(scope)) {
        throw invalid(
          wf,
          [...path, scope],
          `${path.join(".")}: unknown scope '${scope}' (expected one of ${PERMISSION_SCOPES.join(", ")})`,
        );
      }
      const allowed =
        scope === "id-token"
          ? ["write", "none"]
          : scope === "models"
            ? ["read", "none"]
            : ["read", "write", "none"];
      if (!allowed.includes(String(level))) {
        throw invalid(
          wf,
          [...path, scope],
          `${path.join(".")}.${scope}: expected ${allowed.join(" or ")}, got '${level}'`,
        );
      }
      out[scope] = /** @type {"read" | "write" | "none"} */ (level);
    }
  } else throw invalid(wf, path, `${path.join(".")}: expected read-all, write-all or a map of scopes`);
  out.metadata = "read";
  return out;
}

/**
 * @typedef {object} RunOptions
 * @property {string} workflowPath
 * @property {{name: string, payload?: Record<string, any>}} event
 * @property {string} workspace                 GITHUB_WORKSPACE; created when missing
 * @property {string} [repository]              owner/name; default the payload's repository.full_name
 * @property {string} [sha]                     default from the payload (push: after; pull_request: head sha)
 * @property {string} [ref]                     default from the payload (push: ref; pull_request: refs/pull/N/merge)
 * @property {string | number} [runId]
 * @property {string | number} [runNumber]
 * @property {string | number} [runAttempt]
 * @property {string} [actor]                   default the payload's sender.login
 * @property {string | ((job: {job: string, permissions: Record<string, string>}) => string | Promise<string>)} [token]
 *   github.token / secrets.GITHUB_TOKEN; a function receives the job's effective permissions, so a
 *   scenario can mint a token with exactly that scope
 * @property {Record<string, string>} [secrets]
 * @property {Record<string, string>} [vars]
 * @property {Record<string, unknown>} [inputs] workflow_dispatch inputs (else the payload's)
 * @property {Record<string, {secrets?: Record<string, string>, vars?: Record<string, string>}>} [environments]
 * @property {Record<string, string>} [env]     extra variables every step gets (ACTIONS_RUNTIME_TOKEN, …)
 * @property {Record<string, string>} [baseEnv] replaces the variables taken from this process (PATH, HOME, proxies)
 * @property {string} [githubApiUrl]
 * @property {string} [serverUrl]
 * @property {string | ((repository: string) => string | undefined)} [checkoutRemote] what actions/checkout clones
 * @property {string} [artifactsDir]            where upload-artifact stores and download-artifact reads, by name
 * @property {string} [runnerTemp]              default a fresh temp directory
 * @property {string[]} [changedFiles]          for `paths:` filters
 * @property {"restricted" | "permissive"} [defaultPermissions] the repository's default token permissions
 * @property {(line: string) => void} [log]     every masked log line, prefixed with job and step
 */

/**
 * @typedef {object} StepResult
 * @property {number} index
 * @property {string | null} id
 * @property {string} name
 * @property {string} [uses]
 * @property {boolean} [post]
 * @property {string} [equivalent]              the local equivalent that ran instead of `uses`
 * @property {"success" | "failure" | "cancelled" | "skipped"} outcome
 * @property {"success" | "failure" | "cancelled" | "skipped"} conclusion
 * @property {Record<string, string>} outputs
 * @property {number} duration_ms
 * @property {string} summary
 * @property {import("./step-io.mjs").Annotation[]} annotations
 * @property {string} log
 * @property {number | null} exitCode
 * @property {string} [error]
 */

/**
 * @typedef {object} JobResult
 * @property {string} workflow
 * @property {string} job
 * @property {string} name
 * @property {"success" | "failure" | "cancelled" | "skipped"} conclusion
 * @property {StepResult[]} steps
 * @property {Record<string, string>} outputs
 * @property {Record<string, string>} permissions
 * @property {{name: string, url: string} | null} environment
 * @property {{workflow: {group: string, cancelInProgress: boolean} | null, job: {group: string, cancelInProgress: boolean} | null}} concurrency
 * @property {number} timeoutMinutes
 * @property {boolean} continueOnError
 * @property {string} runsOn
 * @property {{step: string, uses: string, equivalent: string}[]} equivalents
 * @property {string} summary
 * @property {import("./step-io.mjs").Annotation[]} annotations
 * @property {string} token                     the token the job was given (masked in logs)
 * @property {number} duration_ms
 */

/**
 * @typedef {object} PreparedRun
 * @property {WorkflowFile} wf
 * @property {RunOptions} options
 * @property {Record<string, any>} github      without token and job
 * @property {Record<string, unknown>} inputs
 * @property {string} runnerTemp
 * @property {string} eventPath
 * @property {string} workspace
 */

/** @param {string} ref */
function refName(ref) {
  const m = /^refs\/(?:heads|tags)\/(.+)$/.exec(ref);
  if (m?.[1]) return m[1];
  const pull = /^refs\/pull\/(\d+)\/merge$/.exec(ref);
  return pull ? `${pull[1]}/merge` : ref;
}

/**
 * Event checks and the github context shared by all jobs of the run.
 * @param {RunOptions} options @returns {PreparedRun}
 */
function prepareRun(options) {
  const wf = loadWorkflow(options.workflowPath);
  const name = options.event.name;
  const payload = options.event.payload ?? {};
  const repository = options.repository ?? payload.repository?.full_name;
  if (!repository) {
    throw new MlopsError(
      "usage",
      "no repository: pass repository (owner/name) or a payload with repository.full_name",
    );
  }
  const defaultBranch = String(payload.repository?.default_branch ?? "main");
  let ref = options.ref;
  let sha = options.sha;
  let baseRef = "";
  let headRef = "";
  if (name === "push") {
    ref ??= payload.ref;
    sha ??= payload.after;
  } else if (name === "pull_request" || name === "pull_request_target") {
    baseRef = String(payload.pull_request?.base?.ref ?? "");
    headRef = String(payload.pull_request?.head?.ref ?? "");
    if (name === "pull_request") {
      ref ??= `refs/pull/${payload.pull_request?.number ?? payload.number}/merge`;
      sha ??= payload.pull_request?.head?.sha;
    } else {
      ref ??= `refs/heads/${baseRef}`;
      sha ??= payload.pull_request?.base?.sha;
    }
  } else if (name === "release") {
    ref ??= `refs/tags/${payload.release?.tag_name}`;
  } else ref ??= `refs/heads/${defaultBranch}`;
  const triggered = eventTriggers(
    wf.data.on,
    { name, payload },
    { ref, ...(options.changedFiles ? { changedFiles: options.changedFiles } : {}) },
  );
  if (!triggered.triggered) {
    throw invalid(
      wf,
      ["on"],
      `the ${name} event${name === "push" ? ` on ${ref}` : ""} does not start this workflow: ${triggered.reason}`,
      "refused",
    );
  }
  if (!ref || !sha) {
    throw new MlopsError(
      "usage",
      `the ${name} event needs ${!sha ? "sha" : "ref"}: pass it (the payload does not say)`,
    );
  }
  const inputs = dispatchInputs(wf, name, payload, options.inputs);
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), "mlops-runner-"));
  mkdirSync(join(runnerTemp, "_github_workflow"), { recursive: true });
  const eventPath = join(runnerTemp, "_github_workflow", "event.json");
  writeFileSync(eventPath, JSON.stringify(payload, null, 2));
  const workspace = resolve(options.workspace);
  mkdirSync(workspace, { recursive: true });
  const serverUrl = options.serverUrl ?? "https://github.com";
  const apiUrl = options.githubApiUrl ?? "https://api.github.com";
  const actor = options.actor ?? String(payload.sender?.login ?? "github-actions");
  const github = {
    event_name: name,
    event: payload,
    event_path: eventPath,
    sha,
    ref,
    ref_name: refName(ref),
    ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
    ref_protected: false,
    base_ref: baseRef,
    head_ref: headRef,
    repository,
    repository_owner: repository.split("/")[0],
    repository_id: String(payload.repository?.id ?? ""),
    repositoryUrl: `${serverUrl.replace(/^https?:/, "git:")}/${repository}.git`,
    run_id: String(options.runId ?? 1),
    run_number: String(options.runNumber ?? 1),
    run_attempt: String(options.runAttempt ?? 1),
    retention_days: "90",
    server_url: serverUrl,
    api_url: apiUrl,
    graphql_url: `${apiUrl.replace(/\/$/, "")}/graphql`,
    workspace,
    actor,
    triggering_actor: actor,
    workflow: String(wf.data.name ?? options.workflowPath),
    workflow_ref: `${repository}/${options.workflowPath}@${ref}`,
    secret_source: "Actions",
  };
  return { wf, options, github, inputs, runnerTemp, eventPath, workspace };
}

/**
 * The inputs context of a workflow_dispatch run: declared defaults, then what the event carries,
 * with booleans and numbers typed as GitHub types them.
 * @param {WorkflowFile} wf @param {string} eventName @param {Record<string, any>} payload
 * @param {Record<string, unknown> | undefined} given
 */
function dispatchInputs(wf, eventName, payload, given) {
  if (eventName !== "workflow_dispatch") return { ...(given ?? {}) };
  const declared = asMap(asMap(normaliseOn(wf.data.on).workflow_dispatch).inputs);
  const values = { ...asMap(payload.inputs), ...(given ?? {}) };
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [name, spec] of Object.entries(declared)) {
    const s = asMap(spec);
    const raw = values[name] ?? s.default;
    if (raw === undefined && toBool(s.required)) {
      throw invalid(
        wf,
        ["on", "workflow_dispatch", "inputs", name],
        `workflow_dispatch input '${name}' is required`,
      );
    }
    if (s.type === "boolean") out[name] = raw === true || String(raw).toLowerCase() === "true";
    else if (s.type === "number") out[name] = raw === undefined ? null : Number(raw);
    else out[name] = raw === undefined ? "" : String(raw);
  }
  for (const [name, v] of Object.entries(values)) if (!(name in out)) out[name] = v;
  return out;
}

/** @param {Record<string, string> | undefined} base */
function machineEnv(base) {
  if (base) return { ...base };
  /** @type {Record<string, string>} */
  const out = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && PASSED_THROUGH.test(k)) out[k] = v;
  // `node` in a step is the node running this harness, as setup-node would put one on PATH.
  out.PATH = [dirname(process.execPath), out.PATH ?? "/usr/local/bin:/usr/bin:/bin"].join(":");
  return out;
}

/**
 * Evaluates an `env:` map in order; later keys may not see earlier ones (GitHub evaluates a level
 * against the levels above it only).
 * @param {WorkflowFile} wf @param {(string | number)[]} path @param {unknown} env
 * @param {Record<string, unknown>} contexts @param {string} where
 */
function evaluateEnv(wf, path, env, contexts, where) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [k, v] of Object.entries(asMap(env))) {
    out[k] = located(wf, [...path, k], () => interpolateText(v, { contexts, where: `${where} env.${k}` }));
  }
  return out;
}

/**
 * A step's result before it runs: skipped until its `if:` lets it run.
 * @param {Pick<StepResult, "index" | "id" | "name"> & Partial<Pick<StepResult, "uses" | "post">>} identity
 * @returns {StepResult}
 */
function skippedStep(identity) {
  return {
    ...identity,
    outcome: "skipped",
    conclusion: "skipped",
    outputs: {},
    duration_ms: 0,
    summary: "",
    annotations: [],
    log: "",
    exitCode: null,
  };
}

/**
 * Runs one job of a workflow. Its `needs` must be given (`options.needs`) or be absent; to run a
 * job together with what it needs, use runWorkflow.
 * @param {RunOptions & {job: string, needs?: Record<string, {result: string, outputs: Record<string, string>}>}} options
 * @returns {Promise<JobResult>}
 */
export async function runWorkflowJob(options) {
  const run = prepareRun(options);
  const jobs = run.wf.data.jobs;
  if (!Object.hasOwn(jobs, options.job)) {
    throw new MlopsError("not-found", `no job '${options.job}' (jobs: ${Object.keys(jobs).join(", ")})`, {
      file: run.wf.file,
      line: run.wf.lineOf(["jobs"]),
    });
  }
  return runJob(run, options.job, options.needs ?? {});
}

/**
 * @typedef {object} WorkflowResult
 * @property {string} workflow
 * @property {string} event
 * @property {"success" | "failure" | "cancelled"} conclusion
 * @property {string[]} order
 * @property {Record<string, JobResult>} jobs
 */

/**
 * Runs every job of a workflow in an order that respects `needs:` (one at a time, in the one
 * workspace; each job's checkout starts it afresh).
 * @param {RunOptions} options @returns {Promise<WorkflowResult>}
 */
export async function runWorkflow(options) {
  const run = prepareRun(options);
  const jobs = run.wf.data.jobs;
  /** @type {string[]} */
  const order = [];
  /** @type {Map<string, "visiting" | "done">} */
  const marks = new Map();
  /** @param {string} id @param {string[]} trail */
  const visit = (id, trail) => {
    if (marks.get(id) === "done") return;
    if (marks.get(id) === "visiting") {
      throw invalid(run.wf, ["jobs", id, "needs"], `jobs: needs form a cycle: ${[...trail, id].join(" → ")}`);
    }
    marks.set(id, "visiting");
    for (const need of asList(jobs[id]?.needs)) {
      if (!Object.hasOwn(jobs, need)) {
        throw invalid(
          run.wf,
          ["jobs", id, "needs"],
          `jobs.${id}.needs: no job '${need}' (jobs: ${Object.keys(jobs).join(", ")})`,
        );
      }
      visit(need, [...trail, id]);
    }
    marks.set(id, "done");
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  /** @type {Record<string, JobResult>} */
  const results = {};
  for (const id of order) {
    /** @type {Record<string, {result: string, outputs: Record<string, string>}>} */
    const needs = {};
    for (const need of asList(jobs[id]?.needs)) {
      const r = /** @type {JobResult} */ (results[need]);
      needs[need] = { result: r.conclusion, outputs: r.outputs };
    }
    results[id] = await runJob(run, id, needs);
  }
  const all = Object.values(results);
  const conclusion = all.some((r) => r.conclusion === "failure" && !r.continueOnError)
    ? "failure"
    : all.some((r) => r.conclusion === "cancelled")
      ? "cancelled"
      : "success";
  return { workflow: run.wf.file, event: options.event.name, conclusion, order, jobs: results };
}

/**
 * @typedef {object} PostStep
 * @property {number} index
 * @property {string} name
 * @property {string} uses
 * @property {string} file
 * @property {string} condition
 * @property {Record<string, string>} inputEnv
 * @property {string} stateFile
 * @property {Record<string, string>} stepEnv
 */

/**
 * @param {PreparedRun} run @param {string} jobId
 * @param {Record<string, {result: string, outputs: Record<string, string>}>} needs
 * @returns {Promise<JobResult>}
 */
async function runJob(run, jobId, needs) {
  const started = Date.now();
  const { wf, options } = run;
  const job = asMap(wf.data.jobs[jobId]);
  const jobPath = ["jobs", jobId];
  for (const [key, why] of /** @type {const} */ ([
    ["uses", "reusable workflows"],
    ["container", "job containers"],
    ["services", "service containers"],
  ])) {
    if (job[key] !== undefined)
      throw invalid(
        wf,
        [...jobPath, key],
        `jobs.${jobId}.${key}: ${why} are not supported by the local runner`,
      );
  }
  if (asMap(job.strategy).matrix !== undefined) {
    throw invalid(
      wf,
      [...jobPath, "strategy"],
      `jobs.${jobId}.strategy.matrix: matrices are not supported by the local runner`,
    );
  }
  for (const need of asList(job.needs)) {
    if (!Object.hasOwn(needs, need)) {
      throw invalid(
        wf,
        [...jobPath, "needs"],
        `jobs.${jobId} needs '${need}': run the whole workflow (runWorkflow) or pass its result in needs`,
      );
    }
  }
  const steps = Array.isArray(job.steps) ? job.steps.map(asMap) : [];
  if (steps.length === 0)
    throw invalid(wf, [...jobPath, "steps"], `jobs.${jobId}.steps: expected at least one step`);
  // Like the runner, resolve every repository action before the first step runs.
  /** @type {{step: string, uses: string, equivalent: string}[]} */
  const equivalents = [];
  steps.forEach((step, i) => {
    const uses = step.uses === undefined ? "" : String(step.uses);
    if (uses === "") {
      if (step.run === undefined)
        throw invalid(wf, [...jobPath, "steps", i], `jobs.${jobId}.steps[${i}]: expected run or uses`);
      return;
    }
    if (uses.startsWith("./") || uses.startsWith("../")) return;
    if (uses.startsWith("docker://"))
      throw invalid(
        wf,
        [...jobPath, "steps", i, "uses"],
        `${uses}: Docker actions are not supported by the local runner`,
      );
    const { key, equivalent } = findEquivalent(uses);
    if (!equivalent) {
      throw invalid(
        wf,
        [...jobPath, "steps", i, "uses"],
        `jobs.${jobId}.steps[${i}]: no local equivalent for ${key} (${uses}); the runner replaces only ${Object.keys(LOCAL_EQUIVALENTS).join(", ")}`,
      );
    }
    equivalents.push({ step: String(step.name ?? `Run ${uses}`), uses, equivalent: equivalent.description });
  });

  const permissions = effectivePermissions(wf, jobId, options.defaultPermissions ?? "restricted");
  const token =
    typeof options.token === "function"
      ? await options.token({ job: jobId, permissions })
      : (options.token ?? "");
  /** @type {Record<string, any>} */
  const github = { ...run.github, job: jobId, token };
  const vars = { ...(options.vars ?? {}) };
  const runner = {
    os: process.platform === "darwin" ? "macOS" : process.platform === "win32" ? "Windows" : "Linux",
    arch: process.arch === "arm64" ? "ARM64" : "X64",
    name: "local",
    environment: "self-hosted",
    temp: join(run.runnerTemp, `${jobId}-temp`),
    tool_cache: join(run.runnerTemp, "tool-cache"),
    debug: "",
  };
  rmSync(runner.temp, { recursive: true, force: true });
  mkdirSync(runner.temp, { recursive: true });
  const needsContext = Object.fromEntries(
    Object.entries(needs).map(([k, v]) => [k, { result: v.result, outputs: v.outputs }]),
  );
  const jobWhere = `jobs.${jobId}`;
  const jobScope = (/** @type {string} */ field) => ({
    contexts: { github, needs: needsContext, vars, inputs: run.inputs },
    where: `${jobWhere}.${field}`,
  });
  const name = located(wf, [...jobPath, "name"], () => interpolateText(job.name ?? jobId, jobScope("name")));
  const concurrencyOf = (
    /** @type {unknown} */ spec,
    /** @type {(string | number)[]} */ path,
    /** @type {Record<string, unknown>} */ contexts,
  ) => {
    if (spec === undefined) return null;
    const m = typeof spec === "string" ? { group: spec } : asMap(spec);
    return located(wf, path, () => ({
      group: interpolateText(m.group, { contexts, where: `${path.join(".")}.group` }),
      cancelInProgress: toBool(
        interpolate(m["cancel-in-progress"] ?? "false", {
          contexts,
          where: `${path.join(".")}.cancel-in-progress`,
        }),
      ),
    }));
  };
  const concurrency = {
    workflow: concurrencyOf(wf.data.concurrency, ["concurrency"], { github, inputs: run.inputs, vars }),
    job: concurrencyOf(job.concurrency, [...jobPath, "concurrency"], jobScope("concurrency").contexts),
  };
  const timeoutMinutes = Number(
    located(wf, [...jobPath, "timeout-minutes"], () =>
      interpolateText(
        job["timeout-minutes"] ?? String(DEFAULT_JOB_TIMEOUT_MINUTES),
        jobScope("timeout-minutes"),
      ),
    ),
  );
  if (!Number.isFinite(timeoutMinutes) || timeoutMinutes <= 0) {
    throw invalid(
      wf,
      [...jobPath, "timeout-minutes"],
      `${jobWhere}.timeout-minutes: expected a positive number`,
    );
  }
  const continueOnError = toBool(
    located(wf, [...jobPath, "continue-on-error"], () =>
      interpolate(job["continue-on-error"] ?? "false", jobScope("continue-on-error")),
    ),
  );

  /** @type {JobResult} */
  const result = {
    workflow: wf.file,
    job: jobId,
    name,
    conclusion: "success",
    steps: [],
    outputs: {},
    permissions,
    environment: null,
    concurrency,
    timeoutMinutes,
    continueOnError,
    runsOn: asList(job["runs-on"]).join(", "),
    equivalents,
    summary: "",
    annotations: [],
    token,
    duration_ms: 0,
  };

  const needResults = Object.values(needs).map((n) => n.result);
  const runIf = located(wf, [...jobPath, "if"], () =>
    evaluateCondition(job.if === undefined ? undefined : String(job.if), {
      ...jobScope("if"),
      status: {
        success: () => needResults.every((r) => r === "success"),
        failure: () => needResults.some((r) => r === "failure"),
        cancelled: () => false,
      },
    }),
  );
  if (!runIf) {
    result.conclusion = "skipped";
    result.duration_ms = Date.now() - started;
    return result;
  }

  const envSpec = job.environment;
  /** @type {{name: string, url: string} | null} */
  let environment = null;
  if (envSpec !== undefined) {
    const m = typeof envSpec === "string" ? { name: envSpec } : asMap(envSpec);
    environment = {
      name: located(wf, [...jobPath, "environment"], () =>
        interpolateText(m.name, jobScope("environment.name")),
      ),
      url: "",
    };
  }
  const envConfig = environment ? (options.environments?.[environment.name] ?? {}) : {};
  Object.assign(vars, envConfig.vars ?? {});
  const secrets = { ...(options.secrets ?? {}), ...(envConfig.secrets ?? {}), GITHUB_TOKEN: token };
  /** @type {Set<string>} */
  const masks = new Set();
  for (const value of Object.values(secrets)) {
    if (value) for (const part of [value, ...value.split(/\r?\n/)]) if (part.trim() !== "") masks.add(part);
  }

  const workflowEnv = evaluateEnv(
    wf,
    ["env"],
    wf.data.env,
    { github, secrets, inputs: run.inputs, vars },
    "workflow",
  );
  const jobEnv = evaluateEnv(
    wf,
    [...jobPath, "env"],
    job.env,
    { github, secrets, inputs: run.inputs, vars, needs: needsContext, env: workflowEnv, runner },
    jobWhere,
  );
  const defaults = { ...asMap(asMap(wf.data.defaults).run), ...asMap(asMap(job.defaults).run) };

  // The state that flows from step to step.
  /** @type {Record<string, {outputs: Record<string, string>, outcome: string, conclusion: string}>} */
  const stepsContext = {};
  /** @type {Record<string, string>} */
  const githubEnv = {};
  /** @type {string[]} */
  const pathAdds = [];
  /** @type {"success" | "failure" | "cancelled"} */
  let jobStatus = "success";
  const deadline = started + timeoutMinutes * 60_000;
  /** @type {PostStep[]} */
  const posts = [];
  const fileCommandDir = join(run.runnerTemp, "_runner_file_commands", jobId);
  mkdirSync(fileCommandDir, { recursive: true });
  const baseEnv = machineEnv(options.baseEnv);

  const runnerEnv = {
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTOR: github.actor,
    GITHUB_TRIGGERING_ACTOR: github.triggering_actor,
    GITHUB_API_URL: github.api_url,
    GITHUB_GRAPHQL_URL: github.graphql_url,
    GITHUB_SERVER_URL: github.server_url,
    GITHUB_BASE_REF: github.base_ref,
    GITHUB_HEAD_REF: github.head_ref,
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_EVENT_PATH: run.eventPath,
    GITHUB_JOB: jobId,
    GITHUB_REF: github.ref,
    GITHUB_REF_NAME: github.ref_name,
    GITHUB_REF_TYPE: github.ref_type,
    GITHUB_REF_PROTECTED: "false",
    GITHUB_REPOSITORY: github.repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner,
    GITHUB_REPOSITORY_ID: github.repository_id,
    GITHUB_RETENTION_DAYS: github.retention_days,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_NUMBER: github.run_number,
    GITHUB_RUN_ATTEMPT: github.run_attempt,
    GITHUB_SHA: github.sha,
    GITHUB_WORKFLOW: github.workflow,
    GITHUB_WORKFLOW_REF: github.workflow_ref,
    GITHUB_WORKSPACE: run.workspace,
    RUNNER_OS: runner.os,
    RUNNER_ARCH: runner.arch,
    RUNNER_NAME: runner.name,
    RUNNER_ENVIRONMENT: runner.environment,
    RUNNER_TEMP: runner.temp,
    RUNNER_TOOL_CACHE: runner.tool_cache,
  };

  const log = options.log ?? (() => {});

  // The env context as the workflow's expressions see it, and a step process's environment: the
  // machine, the runner's variables, the caller's, then the workflow's, the job's and GITHUB_ENV's,
  // then the step's own layer on top. One place for the order, which decides who wins.
  const envContext = () => ({ ...workflowEnv, ...jobEnv, ...githubEnv });
  /** @param {Record<string, string>} stepLayer */
  const processEnv = (stepLayer) => ({
    ...baseEnv,
    ...runnerEnv,
    ...(options.env ?? {}),
    ...envContext(),
    ...stepLayer,
  });

  /**
   * One process step (a `run:` script or a node action): fresh file-command files, the composed
   * environment, the output read through the workflow-command reader; then the files are read back.
   * @param {object} p
   * @param {StepResult} p.step
   * @param {string} p.command @param {string[]} p.args @param {string} p.cwd
   * @param {Record<string, string>} p.env   step env and INPUT_* / STATE_* on top of the job's
   * @param {number} p.timeoutMs
   * @param {string} [p.stateFile]          kept for the post step
   * @param {string} p.actionId
   */
  const runStepProcess = async (p) => {
    const id = randomUUID();
    const files = {
      GITHUB_OUTPUT: join(fileCommandDir, `set_output_${id}`),
      GITHUB_ENV: join(fileCommandDir, `set_env_${id}`),
      GITHUB_PATH: join(fileCommandDir, `add_path_${id}`),
      GITHUB_STEP_SUMMARY: join(fileCommandDir, `step_summary_${id}`),
      GITHUB_STATE: p.stateFile ?? join(fileCommandDir, `save_state_${id}`),
    };
    for (const f of Object.values(files)) writeFileSync(f, "");
    const env = processEnv({
      ...p.env,
      ...files,
      GITHUB_ACTION: p.actionId,
      PATH: [...pathAdds, baseEnv.PATH ?? ""].join(":"),
    });
    const reader = new StepOutputReader(masks);
    let logSize = 0;
    /** @type {string[]} */
    const lines = [];
    const outcome = await runProcess({
      command: p.command,
      args: p.args,
      cwd: p.cwd,
      env,
      timeoutMs: p.timeoutMs,
      onLine: (raw) => {
        const line = reader.read(raw);
        log(`[${jobId}#${p.step.index}${p.step.post ? " post" : ""}] ${line}`);
        lines.push(line);
        logSize += line.length + 1;
        while (logSize > LOG_LIMIT && lines.length > 1) logSize -= (lines.shift() ?? "").length + 1;
      },
    });
    p.step.log = lines.join("\n");
    p.step.annotations = reader.annotations;
    p.step.exitCode = outcome.exitCode;
    if (reader.ignored.length > 0) {
      p.step.annotations.push({
        level: "warning",
        message: `ignored the disabled workflow command(s) ${[...new Set(reader.ignored)].map((c) => `::${c}::`).join(", ")}; use the GITHUB_OUTPUT/GITHUB_ENV/GITHUB_STATE files`,
      });
    }
    const label = `${jobWhere}.steps[${p.step.index}]`;
    try {
      p.step.outputs = parseFileCommand(readFileSync(files.GITHUB_OUTPUT, "utf8"), `${label} GITHUB_OUTPUT`);
      for (const [k, v] of Object.entries(
        parseFileCommand(readFileSync(files.GITHUB_ENV, "utf8"), `${label} GITHUB_ENV`),
      )) {
        // The runner refuses NODE_OPTIONS from GITHUB_ENV: it would change every later node action.
        if (k === "NODE_OPTIONS")
          p.step.annotations.push({
            level: "warning",
            message: "GITHUB_ENV: NODE_OPTIONS is not allowed and was ignored",
          });
        else githubEnv[k] = v;
      }
      for (const entry of readFileSync(files.GITHUB_PATH, "utf8").split(/\r?\n/))
        if (entry.trim() !== "") pathAdds.unshift(entry.trim());
    } catch (err) {
      p.step.error = /** @type {Error} */ (err).message;
      return { ok: false, timedOut: false };
    }
    p.step.summary = reader.mask(readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"));
    if (outcome.timedOut) p.step.error = `timed out after ${Math.round(p.timeoutMs / 1000)} s`;
    else if (outcome.exitCode !== 0) {
      p.step.error =
        outcome.exitCode === null ? `killed by ${outcome.signal}` : `exit code ${outcome.exitCode}`;
    }
    return {
      ok: outcome.exitCode === 0 && !outcome.timedOut,
      timedOut: outcome.timedOut,
      stateFile: files.GITHUB_STATE,
    };
  };

  const statusFunctions = {
    success: () => jobStatus === "success",
    failure: () => jobStatus === "failure",
    cancelled: () => jobStatus === "cancelled",
  };

  for (let index = 0; index < steps.length; index++) {
    const spec = /** @type {Record<string, any>} */ (steps[index]);
    const stepPath = [...jobPath, "steps", index];
    const id = spec.id === undefined ? null : String(spec.id);
    const uses = spec.uses === undefined ? undefined : String(spec.uses);
    const defaultName = uses !== undefined ? `Run ${uses}` : `Run ${String(spec.run).trim().split("\n")[0]}`;
    const where = `${jobWhere}.steps[${index}]${spec.name !== undefined ? ` "${spec.name}"` : id ? ` (${id})` : ""}`;
    const stepEnvContext = envContext();
    /** @type {Record<string, unknown>} */
    const contexts = {
      github: { ...github, action: id ?? `__run_${index}` },
      env: stepEnvContext,
      secrets,
      inputs: run.inputs,
      vars,
      needs: needsContext,
      steps: stepsContext,
      job: { status: jobStatus, container: {}, services: {} },
      runner,
      strategy: {},
      matrix: {},
    };
    const stepName = located(wf, [...stepPath, "name"], () =>
      spec.name === undefined ? defaultName : interpolateText(spec.name, { contexts, where }),
    );
    const step = skippedStep({ index, id, name: stepName, ...(uses !== undefined ? { uses } : {}) });
    result.steps.push(step);
    const stepStart = Date.now();
    if (Date.now() >= deadline && jobStatus !== "cancelled") jobStatus = "cancelled";
    const runs = located(wf, [...stepPath, "if"], () =>
      evaluateCondition(spec.if === undefined ? undefined : String(spec.if), {
        contexts: { ...contexts, job: { status: jobStatus, container: {}, services: {} } },
        status: statusFunctions,
        where: `${where} if`,
      }),
    );
    if (!runs) {
      log(`[${jobId}#${index}] skipped: ${stepName}`);
      if (id) stepsContext[id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
      continue;
    }
    log(`[${jobId}#${index}] ▶ ${stepName}`);
    const stepEnv = evaluateEnv(wf, [...stepPath, "env"], spec.env, contexts, where);
    const scope = { contexts: { ...contexts, env: { ...stepEnvContext, ...stepEnv } }, where };
    const continueStep = toBool(
      located(wf, [...stepPath, "continue-on-error"], () =>
        interpolate(spec["continue-on-error"] ?? "false", { ...scope, where: `${where} continue-on-error` }),
      ),
    );
    const stepTimeoutMinutes =
      spec["timeout-minutes"] === undefined
        ? Number.POSITIVE_INFINITY
        : Number(
            located(wf, [...stepPath, "timeout-minutes"], () =>
              interpolateText(spec["timeout-minutes"], { ...scope, where: `${where} timeout-minutes` }),
            ),
          );
    const timeoutMs = Math.max(0, Math.min(stepTimeoutMinutes * 60_000, deadline - Date.now()));
    const jobTimedOut = () => Date.now() >= deadline;
    /** @type {Record<string, string>} */
    const withInputs = {};
    for (const [k, v] of Object.entries(asMap(spec.with))) {
      withInputs[k] = located(wf, [...stepPath, "with", k], () =>
        interpolateText(v, { ...scope, where: `${where} with.${k}` }),
      );
    }

    let ok = false;
    let timedOut = false;
    if (uses === undefined) {
      const script = located(wf, [...stepPath, "run"], () =>
        interpolateText(spec.run, { ...scope, where: `${where} run` }),
      );
      const shell = String(spec.shell ?? defaults.shell ?? "bash");
      const workingDirectory = located(wf, [...stepPath, "working-directory"], () =>
        interpolateText(spec["working-directory"] ?? defaults["working-directory"] ?? ".", {
          ...scope,
          where: `${where} working-directory`,
        }),
      );
      const cwd = resolve(run.workspace, workingDirectory);
      if (!existsSync(cwd)) {
        step.error = `working-directory ${workingDirectory} does not exist`;
      } else {
        const scriptFile = join(runner.temp, `${randomUUID()}.sh`);
        writeFileSync(scriptFile, script);
        const [command, ...args] = shellCommand(shell, scriptFile, wf, [...stepPath, "shell"]);
        const r = await runStepProcess({
          step,
          command: /** @type {string} */ (command),
          args,
          cwd,
          env: stepEnv,
          timeoutMs,
          actionId: id ?? `__run_${index}`,
        });
        ok = r.ok;
        timedOut = r.timedOut;
      }
    } else if (uses.startsWith("./") || uses.startsWith("../")) {
      const action = readLocalAction(wf, stepPath, resolve(run.workspace, uses), uses);
      /** @type {Record<string, string>} */
      const inputEnv = {};
      const defaultScope = {
        contexts: {
          github: contexts.github,
          env: scope.contexts.env,
          runner,
          job: contexts.job,
          strategy: {},
          matrix: {},
        },
        where: `${uses} (action.yml)`,
      };
      // The runner matches `with:` keys to the action's inputs ignoring case.
      const declared = new Map(Object.keys(action.inputs).map((k) => [k.toLowerCase(), k]));
      for (const [inputName, inputSpec] of Object.entries(action.inputs)) {
        const givenKey = Object.keys(withInputs).find((k) => k.toLowerCase() === inputName.toLowerCase());
        const value =
          givenKey !== undefined
            ? /** @type {string} */ (withInputs[givenKey])
            : located(wf, stepPath, () =>
                interpolateText(asMap(inputSpec).default ?? "", {
                  ...defaultScope,
                  where: `${uses} (action.yml) inputs.${inputName}.default`,
                }),
              );
        inputEnv[inputEnvName(inputName)] = value;
      }
      const unexpected = Object.keys(withInputs).filter((k) => !declared.has(k.toLowerCase()));
      for (const k of unexpected) inputEnv[inputEnvName(k)] = /** @type {string} */ (withInputs[k]);
      if (unexpected.length > 0) {
        step.annotations.push({
          level: "warning",
          message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(action.inputs).join("', '")}']`,
        });
      }
      const early = step.annotations;
      const r = await runStepProcess({
        step,
        command: process.execPath,
        args: [action.main],
        cwd: run.workspace,
        env: { ...stepEnv, ...inputEnv },
        timeoutMs,
        actionId: id ?? `__${uses.replace(/[^A-Za-z0-9]+/g, "_")}`,
      });
      step.annotations = [...early, ...step.annotations];
      ok = r.ok;
      timedOut = r.timedOut;
      if (action.post) {
        posts.push({
          index,
          name: stepName,
          uses,
          file: action.post,
          condition: action.postIf,
          inputEnv,
          stateFile: r.stateFile ?? "",
          stepEnv,
        });
      }
    } else {
      const { key, equivalent } = findEquivalent(uses);
      const local = /** @type {import("./local-equivalents.mjs").LocalEquivalent} */ (equivalent);
      step.equivalent = local.description;
      const inputs = { ...withInputs };
      if (key === "actions/checkout") inputs.token ??= token;
      const env = processEnv(stepEnv);
      const reader = new StepOutputReader(masks);
      /** @type {string[]} */
      const lines = [];
      const note = (/** @type {string} */ raw) => {
        const line = reader.read(raw);
        lines.push(line);
        log(`[${jobId}#${index}] ${line}`);
      };
      try {
        const done = await local.run({
          uses,
          inputs,
          workspace: run.workspace,
          env,
          log: note,
          runner: {
            repository: github.repository,
            sha: github.sha,
            ref: github.ref,
            checkoutRemote: options.checkoutRemote,
            artifactsDir: options.artifactsDir,
          },
        });
        note(`local equivalent of ${key}: ${done.note}`);
        step.outputs = done.outputs;
        ok = true;
      } catch (err) {
        if (!(err instanceof EquivalentFailure)) throw err;
        note(`::error::${key}: ${err.message}`);
        step.error = `${key}: ${err.message}`;
      }
      step.log = lines.join("\n");
      step.annotations = reader.annotations;
    }

    step.duration_ms = Date.now() - stepStart;
    step.outcome = ok ? "success" : timedOut && jobTimedOut() ? "cancelled" : "failure";
    step.conclusion = step.outcome === "failure" && continueStep ? "success" : step.outcome;
    if (step.outcome === "cancelled") jobStatus = "cancelled";
    else if (step.conclusion === "failure" && jobStatus === "success") jobStatus = "failure";
    if (step.error) log(`[${jobId}#${index}] ${step.outcome}: ${step.error}`);
    if (id) stepsContext[id] = { outputs: step.outputs, outcome: step.outcome, conclusion: step.conclusion };
  }

  // Post steps run last, in reverse order of their main steps, by default whatever happened.
  for (const post of posts.reverse()) {
    const step = skippedStep({
      index: post.index,
      id: null,
      name: `Post ${post.name}`,
      uses: post.uses,
      post: true,
    });
    result.steps.push(step);
    const start = Date.now();
    const runs = located(wf, ["jobs", jobId, "steps", post.index], () =>
      evaluateCondition(post.condition, {
        contexts: {
          github,
          env: envContext(),
          steps: stepsContext,
          job: { status: jobStatus },
          runner,
          needs: needsContext,
          inputs: run.inputs,
          vars,
          secrets,
        },
        status: statusFunctions,
        where: `${post.uses} (action.yml) runs.post-if`,
      }),
    );
    if (!runs) continue;
    /** @type {Record<string, string>} */
    const stateEnv = {};
    if (post.stateFile && existsSync(post.stateFile)) {
      for (const [k, v] of Object.entries(
        parseFileCommand(readFileSync(post.stateFile, "utf8"), `${post.uses} GITHUB_STATE`),
      )) {
        stateEnv[`STATE_${k}`] = v;
      }
    }
    const r = await runStepProcess({
      step,
      command: process.execPath,
      args: [post.file],
      cwd: run.workspace,
      env: { ...post.stepEnv, ...post.inputEnv, ...stateEnv },
      timeoutMs: Math.max(0, deadline - Date.now()),
      actionId: `__post_${post.index}`,
    });
    step.duration_ms = Date.now() - start;
    step.outcome = r.ok ? "success" : "failure";
    step.conclusion = step.outcome;
    if (!r.ok && jobStatus === "success") jobStatus = "failure";
  }

  const endContexts = {
    github,
    env: envContext(),
    steps: stepsContext,
    needs: needsContext,
    job: { status: jobStatus },
    runner,
    secrets,
    inputs: run.inputs,
    vars,
    strategy: {},
    matrix: {},
  };
  for (const [k, v] of Object.entries(asMap(job.outputs))) {
    result.outputs[k] = located(wf, [...jobPath, "outputs", k], () =>
      interpolateText(v, { contexts: endContexts, where: `${jobWhere}.outputs.${k}` }),
    );
  }
  if (environment && typeof envSpec === "object" && asMap(envSpec).url !== undefined) {
    environment.url = located(wf, [...jobPath, "environment", "url"], () =>
      interpolateText(asMap(envSpec).url, { contexts: endContexts, where: `${jobWhere}.environment.url` }),
    );
  }
  result.environment = environment;
  result.conclusion = jobStatus;
  result.summary = result.steps
    .map((s) => s.summary)
    .filter((s) => s.trim() !== "")
    .join("\n");
  result.annotations = result.steps.flatMap((s) => s.annotations);
  result.duration_ms = Date.now() - started;
  return result;
}

/** INPUT_ variable of an action input, as @actions/core's getInput reads it. @param {string} name */
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

/**
 * The runner's command line for a `shell:`.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsshell
 * @param {string} shell @param {string} file @param {WorkflowFile} wf @param {(string | number)[]} path
 */
function shellCommand(shell, file, wf, path) {
  if (shell === "bash") return ["bash", "--noprofile", "--norc", "-eo", "pipefail", file];
  if (shell === "sh") return ["sh", "-e", file];
  if (shell === "python") return ["python3", file];
  if (shell.includes("{0}"))
    return shell
      .trim()
      .split(/\s+/)
      .map((part) => part.replace("{0}", file));
  throw invalid(wf, path, `shell '${shell}' is not supported here (bash, sh, python, or a command with {0})`);
}

/**
 * A local action's metadata: inputs, and the node entry files.
 * @param {WorkflowFile} wf @param {(string | number)[]} stepPath @param {string} dir @param {string} uses
 */
function readLocalAction(wf, stepPath, dir, uses) {
  const metadata = ["action.yml", "action.yaml"].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!metadata) {
    throw invalid(
      wf,
      [...stepPath, "uses"],
      `${uses}: no action.yml in ${dir} (is the repository checked out first?)`,
      "not-found",
    );
  }
  const doc = parseDocument(readFileSync(metadata, "utf8"), { schema: "failsafe" });
  if (doc.errors[0])
    throw new MlopsError("invalid-file", doc.errors[0].message.split("\n")[0] ?? "invalid YAML", {
      file: metadata,
    });
  const data = asMap(doc.toJS());
  const runs = asMap(data.runs);
  const using = String(runs.using ?? "");
  if (!/^node\d+$/.test(using)) {
    throw new MlopsError(
      "invalid-file",
      `runs.using '${using}': only node actions (node20, node24) run here`,
      { file: metadata },
    );
  }
  /** @param {string} key */
  const entry = (key) => {
    if (runs[key] === undefined) return undefined;
    const file = join(dir, String(runs[key]));
    if (!existsSync(file)) {
      throw new MlopsError("not-found", `runs.${key}: ${runs[key]} does not exist (is the action built?)`, {
        file: metadata,
      });
    }
    return file;
  };
  const main = entry("main");
  if (!main) throw new MlopsError("invalid-file", "runs.main: missing", { file: metadata });
  return {
    inputs: asMap(data.inputs),
    main,
    post: entry("post"),
    postIf: String(runs["post-if"] ?? "always()"),
    using,
  };
}
