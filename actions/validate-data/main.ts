// The `validate-data` action's door: inputs in, one call into src/ per dataset, annotations,
// outputs and summary out.
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";

// Loaded after the first log line (below): a job shows the step started before ~1 MB of bundle is parsed.
let core: typeof Core;

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const { annotationLines, validateDatasets, validationMarkdown } = await import(
      "../../src/validate/index.js"
    );
    const names = core.getInput("datasets").split(/\s+/).filter(Boolean);
    const reports = await validateDatasets(repoLayout(process.env.GITHUB_WORKSPACE ?? process.cwd()), names);
    let ok = true;
    let findings = 0;
    for (const report of reports) {
      // Workflow commands: the runner turns each into an annotation on the schema line.
      for (const line of annotationLines(report)) process.stdout.write(`${line}\n`);
      await core.summary.addRaw(validationMarkdown(report)).addEOL().write();
      ok &&= report.ok;
      findings += report.findings.length;
      core.info(
        `${report.dataset ?? report.file}: ${report.ok ? "passed" : "FAILED"} (${report.findings.length} findings)`,
      );
    }
    core.setOutput("ok", String(ok));
    core.setOutput("findings", String(findings));
    if (!ok)
      core.setFailed(
        `data validation failed for ${reports.length === 1 ? (reports[0]?.dataset ?? "the dataset") : "one or more datasets"}`,
      );
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops validate-data\n");
core = await import("@actions/core");
await run();
