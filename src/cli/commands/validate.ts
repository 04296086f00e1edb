import type { Command } from "commander";
import { commandContext } from "../context.js";
import { EXIT_FAILURE } from "../exit-codes.js";

interface ValidateFlags {
  schema?: string;
  md?: boolean;
  profile?: string;
}

interface DriftFlags {
  schema?: string;
  md?: boolean;
  profile?: boolean;
  failOnDrift?: boolean;
}

/** `mlops validate`, `mlops drift` and `mlops profile`: the data gate, on DuckDB. */
export function register(program: Command): void {
  program
    .command("validate")
    .description(
      "check a dataset against its schema (types, nulls, ranges, categories, uniqueness, SQL checks)",
    )
    .argument("<dataset>", "a tracked dataset (name of data/<name>.dvc) or a data file (CSV, JSON, Parquet)")
    .option(
      "-s, --schema <file>",
      "schema to check against (default: the manifest's, or <name>.schema.yaml beside the file)",
    )
    .option("--md", "print a markdown section (for a pull-request report) instead of text")
    .option("--profile <file>", "also profile the table (one read for both) and save the profile there")
    .addHelpText(
      "after",
      `
Exit code 1 when an error-level check fails (warnings only report). Each finding names the rows that
break it and the schema line of the rule. With --json: {ok, failed: [...], findings: [...], rows, ...}.
In GitHub Actions (GITHUB_ACTIONS=true) each finding also becomes an annotation on its schema line,
and the markdown report is appended to the job summary.`,
    )
    .action(async (dataset: string, flags: ValidateFlags, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: false });
      const root = (await import("../../repo/index.js")).findRepoRootOr(ctx.root);
      const { repoLayout } = await import("../../repo/index.js");
      const { resolveTarget, validateTarget, validationMarkdown, validationText } = await import(
        "../../validate/index.js"
      );
      const layout = repoLayout(root);
      const target = await resolveTarget(layout, process.cwd(), dataset, flags.schema);
      const { resolve } = await import("node:path");
      const report = await validateTarget(layout, target, {
        profileOut: flags.profile ? resolve(process.cwd(), flags.profile) : undefined,
      });
      ctx.output(report, () => (flags.md ? validationMarkdown(report) : validationText(report)));
      if (process.env.GITHUB_ACTIONS === "true") {
        // In Actions: an annotation on the schema line of each finding, and the report in the job
        // summary. Workflow commands go to stdout, unless stdout carries JSON.
        const { annotationLines, appendStepSummary } = await import("../../validate/index.js");
        const lines = annotationLines(report);
        if (lines.length > 0) (ctx.json ? process.stderr : process.stdout).write(`${lines.join("\n")}\n`);
        await appendStepSummary(validationMarkdown(report));
      }
      if (!report.ok) process.exitCode = EXIT_FAILURE;
    });

  program
    .command("drift")
    .description("compare data with a reference: KS and PSI for numbers, chi-square and PSI for categories")
    .argument("<reference>", "tracked dataset, data file, or saved profile (*.profile.json)")
    .argument("<current>", "tracked dataset or data file to test")
    .option("-s, --schema <file>", "schema with drift rules and column roles (default: the current data's)")
    .option("-p, --profile", "use the reference's saved profile instead of reading its data")
    .option("--fail-on-drift", "exit 1 when drift is found")
    .option("--md", "print a markdown section instead of text")
    .addHelpText(
      "after",
      `
A column drifts when its test is significant after splitting alpha (default 0.05) over the columns
tested, and its statistic (KS D, PSI, or Cramér's V for chi-square) is over the threshold. With both
data sets the tests are exact; from a saved profile KS comes from quantile sketches (error < 0.002).
With --json: {drifted, drifted_columns, columns: [{column, method, statistic, pvalue, psi, drifted}, ...]}.`,
    )
    .action(async (reference: string, current: string, flags: DriftFlags, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: false });
      const root = (await import("../../repo/index.js")).findRepoRootOr(ctx.root);
      const { repoLayout } = await import("../../repo/index.js");
      const { driftTargets, driftMarkdown, driftText } = await import("../../validate/index.js");
      const report = await driftTargets(repoLayout(root), process.cwd(), reference, current, {
        schema: flags.schema,
        useProfile: flags.profile,
      });
      ctx.output(report, () => (flags.md ? driftMarkdown(report) : driftText(report)));
      if (process.env.GITHUB_ACTIONS === "true") {
        const { appendStepSummary } = await import("../../validate/index.js");
        await appendStepSummary(driftMarkdown(report));
      }
      if (report.drifted && flags.failOnDrift) process.exitCode = EXIT_FAILURE;
    });

  program
    .command("profile")
    .description(
      "profile a dataset and save it as its reference profile (stable JSON, keyed by the data hash)",
    )
    .argument("<dataset>", "a tracked dataset or a data file")
    .option("-o, --out <file>", "where to write it (default data/<name>.profile.json, or beside the file)")
    .action(async (dataset: string, flags: { out?: string }, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: false });
      const root = (await import("../../repo/index.js")).findRepoRootOr(ctx.root);
      const { resolve } = await import("node:path");
      const { repoLayout } = await import("../../repo/index.js");
      const { resolveTarget, saveReferenceProfile } = await import("../../validate/index.js");
      const layout = repoLayout(root);
      const target = await resolveTarget(layout, process.cwd(), dataset);
      const { file, profile } = await saveReferenceProfile(
        layout,
        target,
        flags.out ? resolve(flags.out) : undefined,
      );
      ctx.output(
        { file, data: profile.data, columns: Object.keys(profile.columns) },
        () =>
          `profiled ${profile.data.rows} rows × ${Object.keys(profile.columns).length} columns of ${target.display} → ${file}`,
      );
    });
}
