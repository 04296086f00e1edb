// The `report` action's door: inputs in, one call into src/, files, outputs and summary out.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";

// Loaded after the first log line (below): a job shows the step started before ~1 MB of bundle is parsed.
let core: typeof Core;

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const { buildReport, renderHtml, renderMarkdown } = await import("../../src/report/index.js");
    const base = core.getInput("base") || "main";

    const stages = (core.getInput("stages") || "true") !== "false";
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const outputDir = resolve(root, core.getInput("output-dir") || "mlops-report");
    core.info(`building the report against ${base}`);
    const doc = await buildReport(repoLayout(root), { base, stages });
    await mkdir(outputDir, { recursive: true });
    const markdown = renderMarkdown(doc);
    await writeFile(join(outputDir, "report.json"), `${JSON.stringify(doc, null, 2)}\n`);
    await writeFile(join(outputDir, "report.md"), markdown);
    await writeFile(join(outputDir, "report.html"), renderHtml(doc));
    await core.summary.addRaw(markdown).write();
    const failed = doc.pipelines.flatMap((p) => p.gates).filter((g) => !g.passed).length;
    core.setOutput("report", join(outputDir, "report.json"));
    core.setOutput("gates-failed", String(failed));
    core.info(`report written to ${outputDir} (${failed} gate checks fail)`);
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops report\n");
core = await import("@actions/core");
await run();
