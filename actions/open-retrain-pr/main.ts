// The `open-retrain-pr` action's door: inputs in, one call into src/flows (retrain on drift, then
// open or update the pull request), outputs and the job summary out.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { lineLogger } from "../../src/log/index.js";

// Loaded after the first log line (below): a job shows the step started before the bundle is parsed.
let core: typeof Core;

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const { retrainAndOpenPullRequest } = await import("../../src/flows/retrain-pull-request.js");
    const { clientOf, repositoryOf } = await import("../../src/github/index.js");
    const token = core.getInput("token");
    if (token) core.setSecret(token);
    const model = core.getInput("model", { required: true });
    const stage = core.getInput("stage") || "prod";
    const base = core.getInput("base") || "main";
    const source = core.getInput("snapshot-source").replaceAll("{model}", model);
    const { owner, repo } = repositoryOf();
    if (!token)
      throw new Error(
        "input 'token' is empty: a token is needed to push the branch and open the pull request",
      );
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const layout = repoLayout(root);
    const logger = lineLogger(core);
    const outcome = await retrainAndOpenPullRequest(layout, clientOf(token), {
      owner,
      repo,
      model,
      stage,
      baseBranch: base,
      token,
      ...(source ? { snapshotSource: source } : {}),
      logger,
      // Stages call `mlops`: the repository's own CLI (bin/ and lib/ are there after `npm ci`).
      // (A path, not `new URL(…, import.meta.url)`, which the bundler would copy in as an asset.)
      cliEntry: resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "bin", "mlops.js"),
    });
    core.setOutput("fired", String(outcome.fired));
    core.setOutput("branch", outcome.branch ?? "");
    core.setOutput("pull-request", outcome.pullRequest ? String(outcome.pullRequest.number) : "");
    core.setOutput("action", outcome.action);
    const dir = process.env.RUNNER_TEMP ?? layout.tmpDir;
    await mkdir(dir, { recursive: true });
    const summary = join(dir, `mlops-retrain-${model}.md`);
    await writeFile(summary, outcome.summary);
    core.setOutput("summary", summary);
    await core.summary.addRaw(outcome.summary).write();
    if (outcome.pullRequest)
      core.notice(`${outcome.pullRequest.url} ${outcome.action}`, { title: `Retrain ${model}` });
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops open-retrain-pr\n");
core = await import("@actions/core");
await run();
