import type { Command } from "commander";
import type { MonitorResult } from "../../monitor/index.js";
import { commandContext } from "../context.js";
import { EXIT_FIRED } from "../exit-codes.js";
import { numberText } from "../number-text.js";

interface MonitorFlags {
  current?: string;
  out?: string;
  failOnFire?: boolean;
  now?: string;
}

function humanText(r: MonitorResult): string {
  const rows: [string, string, string][] = [
    [
      "drift",
      `${r.drift.drifted.length}/${r.drift.tested} columns${r.drift.drifted.length ? ` (${r.drift.drifted.join(", ")})` : ""}`,
      r.drift.fires ? "FIRED" : "ok",
    ],
  ];
  if (r.decay) {
    rows.push([
      r.decay.metric,
      r.decay.current === null
        ? `not measured (${numberText(r.decay.recorded)} recorded)`
        : `${numberText(r.decay.current)} vs ${numberText(r.decay.recorded)} recorded`,
      r.decay.current === null ? "-" : r.decay.fires ? "FIRED" : "ok",
    ]);
  }
  rows.push([
    "age",
    `${Math.floor(r.age.days)} days${r.age.max_days === null ? "" : ` (max ${numberText(r.age.max_days)})`}`,
    r.age.max_days === null ? "-" : r.age.fires ? "FIRED" : "ok",
  ]);
  const width = Math.max(...rows.map((x) => x[0].length));
  const middle = Math.max(...rows.map((x) => x[1].length));
  const subject = `${r.model}${r.stage ? `#${r.stage}` : ""} ${r.version}`;
  return [
    `${subject}: ${r.current.dataset} (${r.current.rows} rows) against ${r.reference.path} (${r.reference.rows} rows)`,
    ...rows.map(([a, b, c]) => `  ${a.padEnd(width)}  ${b.padEnd(middle)}  ${c}`),
    r.fires ? "fired:" : "nothing fired",
    ...r.reasons.map((x) => `  - ${x}`),
    ...r.notes.map((x) => `  note: ${x}`),
  ].join("\n");
}

/** `mlops monitor`: does the model a stage holds still fit production data? */
export function register(program: Command): void {
  program
    .command("monitor")
    .description("compare a snapshot of production data with what a stage's model was trained on")
    .argument("<model>", "name#stage (what the stage holds, like fuel-efficiency#prod) or name@vX.Y.Z")
    .option(
      "--current <dataset>",
      "tracked dataset (data/<name>.dvc) of recent production rows, shaped like the training data (default: the card's monitoring.current)",
    )
    .option("--out <file.md>", "also write the monitoring report as markdown (for a pull request body)")
    .option("--fail-on-fire", `exit ${EXIT_FIRED} when the rule fires`)
    .option("--now <time>", "measure the model's age at this ISO 8601 time instead of now")
    .addHelpText(
      "after",
      `
The reference is the version's own training data: the card's \`monitoring.reference\` (default: the
table the stage writing the model read) with the hash the pipeline's lock at the version's commit
records, fetched from the cache or the data remote. Each of the model's input columns and its target is tested for drift as \`mlops drift\` does;
where the snapshot has the target column the model is evaluated on it and compared with the metric
its manifest records; the age runs from its registration. models/<name>/model.yaml's \`monitoring\`
rule says how much of each is allowed.

Exit code 0 whether or not the rule fired (read \`fires\` and \`reasons\` from --json), 1 on an
error, 2 on a usage error; with --fail-on-fire, ${EXIT_FIRED} when the rule fired.
With --json: {model, version, stage, fires, reasons, drift: {drifted, columns}, metrics, decay, age, ...}.`,
    )
    .action(async (selector: string, flags: MonitorFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { MlopsError } = await import("../../errors/index.js");
      let now: Date | undefined;
      if (flags.now !== undefined) {
        now = new Date(flags.now);
        if (!/^\d{4}-\d{2}-\d{2}/.test(flags.now) || Number.isNaN(now.getTime())) {
          throw new MlopsError("usage", `--now: '${flags.now}' is not a time`, {
            expected: "an ISO 8601 time, like 2026-11-01T12:00:00Z",
          });
        }
      }
      const { repoLayout } = await import("../../repo/index.js");
      const { monitorModel, monitorMarkdown } = await import("../../monitor/index.js");
      const result = await monitorModel(repoLayout(ctx.root), {
        selector,
        current: flags.current,
        ...(now ? { now } : {}),
        logger: ctx.logger,
      });
      if (flags.out) {
        const { resolve } = await import("node:path");
        const { writeFileAtomic } = await import("../../files/index.js");
        await writeFileAtomic(resolve(process.cwd(), flags.out), monitorMarkdown(result));
      }
      ctx.output(result, () => humanText(result));
      if (result.fires && flags.failOnFire) process.exitCode = EXIT_FIRED;
    });
}
