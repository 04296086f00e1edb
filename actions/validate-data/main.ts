// The `validate-data` action's door: inputs in, one call into src/ per dataset, annotations,
// outputs and summary out.
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { repoLayout } from "../../src/repo/index.js";
import { selectDatasets } from "../../src/tracking/index.js";
import {
  annotationLines,
  resolveTarget,
  validateTarget,
  validationMarkdown,
} from "../../src/validate/index.js";

export async function run(): Promise<void> {
  try {
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const layout = repoLayout(root);
    let names = core.getInput("datasets").split(/\s+/).filter(Boolean);
    if (names.length === 0) {
      names = (await selectDatasets(layout))
        .map((d) => d.name)
        .filter((n) => existsSync(join(layout.dataDir, `${n}.schema.yaml`)));
    }
    let ok = true;
    let findings = 0;
    for (const name of names) {
      const report = await validateTarget(layout, await resolveTarget(layout, root, name));
      // Workflow commands: the runner turns each into an annotation on the schema line.
      for (const line of annotationLines(report)) process.stdout.write(`${line}\n`);
      await core.summary.addRaw(validationMarkdown(report)).addEOL().write();
      ok &&= report.ok;
      findings += report.findings.length;
      core.info(`${name}: ${report.ok ? "passed" : "FAILED"} (${report.findings.length} findings)`);
    }
    core.setOutput("ok", String(ok));
    core.setOutput("findings", String(findings));
    if (!ok)
      core.setFailed(`data validation failed for ${names.length === 1 ? names[0] : "one or more datasets"}`);
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

await run();
