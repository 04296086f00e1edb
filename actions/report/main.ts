// The `report` action's door: inputs in, one call into src/, files, outputs and summary out.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { repoLayout } from "../../src/repo/index.js";
import { buildReport, renderHtml, renderMarkdown } from "../../src/report/index.js";

export async function run(): Promise<void> {
  try {
    const base = core.getInput("base") || "main";
    const outputDir = resolve(core.getInput("output-dir") || "mlops-report");
    const stages = (core.getInput("stages") || "true") !== "false";
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
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

await run();
