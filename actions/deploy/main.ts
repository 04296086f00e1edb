// The `deploy` action's door: the promote action's results in, one GitHub Deployment per model out.
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";

// Loaded after the first log line (below): a job shows the step started before the bundle is parsed.
let core: typeof Core;

export async function run(): Promise<void> {
  try {
    const { parsePromotionLines, recordPromotionDeployments } = await import("../../src/flows/index.js");
    const { clientOf, repositoryOf, runUrlOf } = await import("../../src/github/index.js");
    const token = core.getInput("token", { required: true });
    core.setSecret(token);
    const lines = parsePromotionLines(core.getInput("results", { required: true }), "input 'results'");
    const ref = core.getInput("ref");
    const runUrl = runUrlOf();
    const recorded = await recordPromotionDeployments(clientOf(token), {
      ...repositoryOf(),
      ...(ref ? { ref } : {}),
      ...(runUrl ? { runUrl } : {}),
      lines,
    });
    core.setOutput("deployments", JSON.stringify(recorded));
    const rows = recorded.map(
      (d) =>
        `| ${d.model} | ${d.version} | ${d.environment} | ${d.deployment_id} | ${d.created ? "recorded" : "already recorded"} |`,
    );
    await core.summary
      .addRaw(
        [
          "### Deployments",
          "",
          "| model | version | environment | deployment | |",
          "|---|---|---|---|---|",
          ...rows,
          "",
        ].join("\n"),
      )
      .write();
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops deploy\n");
core = await import("@actions/core");
await run();
