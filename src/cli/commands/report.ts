import type { Command } from "commander";
import { commandContext } from "../context.js";

interface ReportFlags {
  base: string;
  html?: string;
  out?: string;
  markdown?: string;
  stages?: boolean;
}

/** `mlops report`: the pull-request report, made locally. */
export function register(program: Command): void {
  program
    .command("report")
    .description("the pull-request report of the working tree against a base revision")
    .option("--base <rev>", "revision to compare with", "main")
    .option("--html <file>", "also write the report as a self-contained HTML file with SVG charts")
    .option("--out <file>", "also write the report document (JSON, what the PR workflow uploads)")
    .option("--markdown <file>", "write the markdown to this file instead of stdout")
    .option("--no-stages", "skip comparing with the models staging and prod hold")
    .addHelpText(
      "after",
      `
Per pipeline: metrics of the working tree against the base revision and against what staging and
prod score on the same data (models evaluated with onnxruntime), the gates a registration would
meet, changed params, validation results, the confusion matrix or residuals (as a Mermaid chart),
and in the HTML the ROC, precision-recall and calibration curves (classifiers) or predicted vs actual
and residuals (regressors) of this PR's, the base's and the stages' models on the same data;
per dataset its hash and row count on both sides and, when it changed and has a schema, the drift of
the new data against the base's (fetched from the data remote when not cached). Run \`mlops run\`
first so the outputs are current.`,
    )
    .action(async (flags: ReportFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { buildReport, renderHtml, renderMarkdown } = await import("../../report/index.js");
      const { writeFileAtomic } = await import("../../files/index.js");
      const doc = await buildReport(repoLayout(ctx.root), {
        base: flags.base,
        stages: flags.stages !== false,
        logger: ctx.logger,
      });
      if (flags.out) await writeFileAtomic(flags.out, `${JSON.stringify(doc, null, 2)}\n`);
      if (flags.html) await writeFileAtomic(flags.html, renderHtml(doc));
      const markdown = renderMarkdown(doc);
      if (flags.markdown) await writeFileAtomic(flags.markdown, markdown);
      ctx.output(doc, () => (flags.markdown ? "" : markdown));
    });
}
