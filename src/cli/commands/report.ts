import type { Command } from "commander";
import type { ShadowReport } from "../../feedback/index.js";
import { commandContext } from "../context.js";
import { numberText } from "../number-text.js";

interface ReportFlags {
  base: string;
  html?: string;
  out?: string;
  markdown?: string;
  stages?: boolean;
  shadow?: string;
  outcomes?: string;
  tolerance: string;
}

function shadowText(report: ShadowReport): string {
  return report.candidates
    .map((c) => {
      const served = c.served.map((s) => `${s.model} ${s.version}`).join(", ") || "no answer";
      const lines = [
        `shadow ${c.model} ${c.version} against ${served}: ${c.requests} requests, ${c.rows} rows`,
        `  agreement ${numberText(c.agreement * 100)}% (numbers within ${numberText(c.tolerance * 100)}%, labels equal)`,
        `  latency p50 ${numberText(c.latency_seconds.p50 * 1000)} ms, p99 ${numberText(c.latency_seconds.p99 * 1000)} ms, max ${numberText(c.latency_seconds.max * 1000)} ms`,
      ];
      if (c.unpaired) lines.push(`  ${c.unpaired} shadow lines without their answer in the log`);
      if (c.outcomes) {
        const keys = Object.keys(c.outcomes.served).filter((k) => !k.includes(".") && k !== "n");
        lines.push(`  on ${c.outcomes.rows} rows with outcomes (${c.outcomes.source}):`);
        for (const k of keys)
          lines.push(
            `    ${k}: served ${numberText(c.outcomes.served[k] as number)}, shadow ${numberText(c.outcomes.shadow[k] as number)}`,
          );
      }
      return lines.join("\n");
    })
    .join("\n");
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
    .option(
      "--shadow <log>",
      "instead: sum up the shadow versions of this prediction log (mlops serve --shadow): agreement, latency",
    )
    .option(
      "--outcomes <file>",
      "with --shadow: outcomes keyed by request id (.jsonl or .csv, as mlops feedback ingest takes), to evaluate both versions on",
    )
    .option(
      "--tolerance <fraction>",
      "with --shadow: numbers agree when within this share of the answer",
      "0.05",
    )
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
first so the outputs are current.

--shadow LOG reads a prediction log written with \`mlops serve --shadow\` instead, and reports per
shadow version: the requests it ran on that have their answer in the log, the share of rows whose
shadow prediction agreed with the answer, its run time (p50, p90, p99, max), and with --outcomes
the served and the shadow version evaluated (as \`mlops evaluate\` does) on the same shadowed rows.
With --json: {log, candidates: [{model, version, served, requests, rows, agreement, tolerance,
unpaired, latency_seconds, outcomes}]}, what \`mlops flow release --shadow-summary\` checks.`,
    )
    .action(async (flags: ReportFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (flags.shadow !== undefined) {
        const { readFile } = await import("node:fs/promises");
        const { MlopsError } = await import("../../errors/index.js");
        const tolerance = Number(flags.tolerance);
        if (!Number.isFinite(tolerance) || tolerance < 0) {
          throw new MlopsError("usage", "--tolerance: expected a share >= 0, like 0.05", {
            got: flags.tolerance,
          });
        }
        const read = (file: string) =>
          readFile(file, "utf8").catch((err: Error) => {
            throw new MlopsError("not-found", `cannot read ${file}: ${err.message}`, { file });
          });
        const { repoLayout } = await import("../../repo/index.js");
        const { shadowReport } = await import("../../feedback/index.js");
        const report = await shadowReport(repoLayout(ctx.root), {
          log: { text: await read(flags.shadow), display: flags.shadow },
          tolerance,
          ...(flags.outcomes
            ? { outcomes: { text: await read(flags.outcomes), display: flags.outcomes } }
            : {}),
        });
        ctx.output(report, () => shadowText(report));
        return;
      }
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
