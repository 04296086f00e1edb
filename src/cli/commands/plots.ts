import type { Command } from "commander";
import { commandContext } from "../context.js";

interface DiffFlags {
  out: string;
  pipeline?: string[];
  stages?: boolean;
}

/** `mlops plots diff`: the curves of several revisions' models, overlaid, as one HTML file. */
export function register(program: Command): void {
  const plots = program.command("plots").description("draw models' curves across revisions");
  plots
    .command("diff")
    .description("overlay the curves of each revision's models on the same data, as HTML")
    .argument(
      "[revisions...]",
      "git revisions, or 'workspace' for the working tree (default: workspace and HEAD)",
    )
    .option("--out <file>", "the HTML file to write", "plots.html")
    .option("--pipeline <name>", "only this pipeline (repeatable)", (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option("--stages", "also draw the models staging and prod hold")
    .addHelpText(
      "after",
      `
Every model is evaluated with onnxruntime on its card's evaluation data in the working tree, so
the curves differ only by model: ROC, precision-recall and calibration per class for a classifier,
predicted vs actual and residuals for a regressor. A revision's model is the one its pipeline.lock
records, from the store (fetched from the data remote when not cached).`,
    )
    .action(async (revisions: string[], flags: DiffFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { plotsDiff, renderPlotsHtml } = await import("../../report/index.js");
      const { writeFileAtomic } = await import("../../files/index.js");
      const diff = await plotsDiff(repoLayout(ctx.root), {
        revisions,
        ...(flags.pipeline ? { pipelines: flags.pipeline } : {}),
        stages: flags.stages === true,
        logger: ctx.logger,
      });
      await writeFileAtomic(flags.out, renderPlotsHtml(diff.pipelines, diff.labels));
      ctx.output({ out: flags.out, ...diff }, () =>
        [
          `wrote ${flags.out}: ${diff.labels.join(" vs ")}`,
          ...diff.pipelines.flatMap((p) =>
            p.curves.map(
              (c) =>
                `  ${p.pipeline}/${c.model}: ${c.series.map((s) => s.label).join(", ") || "no model"} on ${c.rows} rows of ${c.data}${c.notes.map((n) => `\n    not drawn: ${n}`).join("")}`,
            ),
          ),
        ].join("\n"),
      );
    });
}
