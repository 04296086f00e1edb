// The `monitor` action's door: inputs in, one call into src/monitor, outputs, files and summary out.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { lineLogger } from "../../src/log/index.js";

// Loaded after the first log line (below): a job shows the step started before the bundle is parsed.
let core: typeof Core;

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const { monitorMarkdown, monitorModel } = await import("../../src/monitor/index.js");
    const model = core.getInput("model", { required: true });
    const stage = core.getInput("stage") || "prod";
    const current = core.getInput("current");
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const layout = repoLayout(root);
    const logger = lineLogger(core);
    const result = await monitorModel(layout, {
      selector: `${model}#${stage}`,
      ...(current ? { current } : {}),
      logger,
    });
    const markdown = monitorMarkdown(result);
    const dir = process.env.RUNNER_TEMP ?? layout.tmpDir;
    await mkdir(dir, { recursive: true });
    const report = join(dir, `mlops-monitor-${model}-${stage}.md`);
    const json = join(dir, `mlops-monitor-${model}-${stage}.json`);
    await writeFile(report, markdown);
    await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
    core.setOutput("fires", String(result.fires));
    core.setOutput("reasons", JSON.stringify(result.reasons));
    core.setOutput("report", report);
    core.setOutput("json", json);
    await core.summary.addRaw(markdown).write();
    if (result.fires) {
      for (const reason of result.reasons)
        core.warning(reason, { title: `${model}#${stage} should be retrained` });
      if (core.getBooleanInput("fail-on-fire")) {
        core.setFailed(`the monitoring rule of ${model} fired: ${result.reasons.join(" ")}`);
      }
    }
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops monitor\n");
core = await import("@actions/core");
await run();
