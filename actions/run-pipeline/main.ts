// The `run-pipeline` action's door: inputs in, one call into src/, outputs and summary out.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { lineLogger } from "../../src/log/index.js";
import { remoteWritesAllowed } from "../../src/store/write-guard.js";

// Loaded after the first log line (below): a job shows the step started before ~1 MB of bundle is parsed.
let core: typeof Core;

/**
 * `auto`: trusted exactly where the data remote may be written (not a pull-request or merge-queue
 * run), since those are the runs whose outputs are registered and whose run cache others restore.
 */
function trustedInput(value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  if (value === "auto") return remoteWritesAllowed(process.env);
  throw new Error(`input 'trusted' expects auto, true or false, got '${value}'`);
}

export async function run(): Promise<void> {
  try {
    const { reproduce } = await import("../../src/pipeline/index.js");
    const { repoLayout } = await import("../../src/repo/index.js");
    const pipelines = core.getInput("pipelines").split(/\s+/).filter(Boolean);
    const jobs = Number(core.getInput("jobs") || "2");
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new Error(`input 'jobs' expects a whole number >= 1, got '${core.getInput("jobs")}'`);
    const remote = core.getInput("remote");
    const trusted = trustedInput(core.getInput("trusted") || "auto");
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    // Progress of long work shows as log lines in Actions, where a bar cannot redraw.
    const logger = lineLogger(core);
    const results = await reproduce(repoLayout(root), {
      pipelines,
      force: core.getBooleanInput("force"),
      jobs,
      logger,
      ...(remote ? { remoteName: remote } : {}),
      trusted,
      // Stages call `mlops`: the repository's own CLI (bin/ and lib/ are there after `npm ci`).
      // (A path, not `new URL(…, import.meta.url)`, which the bundler would copy in as an asset.)
      cliEntry: resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "bin", "mlops.js"),
      onOutput: (stage, line) => core.info(`[${stage.id}] ${line}`),
      onResult: (r) => core.info(`${r.status.padEnd(10)} ${r.pipeline}/${r.stage}  ${r.reason}`),
    });
    core.setOutput("results", JSON.stringify(results));
    core.setOutput("ran", String(results.filter((r) => r.status === "ran").length));
    await core.summary
      .addHeading("mlops run", 3)
      .addTable([
        [
          { data: "stage", header: true },
          { data: "status", header: true },
          { data: "why", header: true },
        ],
        ...results.map((r) => [`${r.pipeline}/${r.stage}`, r.status, r.reason]),
      ])
      .write();
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops run-pipeline\n");
core = await import("@actions/core");
await run();
