import type { Command } from "commander";
import type { IngestResult } from "../../feedback/index.js";
import { commandContext } from "../context.js";
import { numberText } from "../number-text.js";

interface IngestFlags {
  log: string;
  out: string;
  format?: string;
  window?: string;
}

function humanText(r: IngestResult): string {
  const c = r.counts;
  const skipped = (
    [
      ["duplicate", c.duplicate],
      ["unknown id", c.unknown],
      ["ambiguous id", c.ambiguous],
      ["late", c.late],
      ["before their prediction", c.before_prediction],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  return [
    `${c.joined} of ${c.outcomes} outcomes joined with ${r.log.file} into ${r.snapshot.file} (${r.snapshot.rows} rows)`,
    skipped.length ? `  left out: ${skipped.join(", ")}` : "  left out: none",
    `  answers without an outcome: ${c.unlabelled}`,
    ...r.live.map(
      (l) =>
        `  ${l.model} ${l.version} on ${l.rows} rows: ${Object.entries(l.metrics)
          .filter(([k]) => !k.includes("."))
          .map(([k, v]) => `${k} ${numberText(v)}`)
          .join(", ")}`,
    ),
  ].join("\n");
}

/** `mlops feedback`: outcomes joined back to the answers the server gave. */
export function register(program: Command): void {
  const feedback = program
    .command("feedback")
    .description("join observed outcomes back to the server's prediction log");
  feedback
    .command("ingest")
    .description(
      "join outcomes keyed by request id with the prediction log into a labelled snapshot with live metrics",
    )
    .argument(
      "<outcomes>",
      "outcomes as JSON lines (.jsonl) or CSV (.csv): a file, an http(s)/s3:// URL, a data manifest (*.dvc) whose recorded source is fetched, or - for standard input",
    )
    .requiredOption("--log <file>", "the prediction log `mlops serve --prediction-log` wrote")
    .requiredOption("--out <file.json>", "where the labelled snapshot goes (a JSON array of rows)")
    .option("--format <format>", "jsonl or csv (default: from the file's extension; needed for -)")
    .option(
      "--window <duration>",
      "leave out (and count as late) outcomes observed longer than this after their prediction: 90s, 30m, 12h, 7d",
    )
    .addHelpText(
      "after",
      `
Each outcome names the request it belongs to by the X-Request-Id the server answered with (the
client's own, when it sent one), and gives the observed value under the model's target name (like
mpg) or as \`outcome\`. Optional fields: \`row\`, the row of a multi-row request (default 0), and
\`time\`, when the outcome was observed (ISO 8601 with a zone).

  {"request_id": "order-17", "mpg": 21.5, "time": "2026-12-01T10:00:00Z"}
  request_id,mpg,time

Outcomes are left out, and counted, when they repeat an earlier outcome's request and row
(duplicate; the first is kept), name no logged answer (unknown), name an id the log has on more
than one request (ambiguous), were observed before their prediction was made (before_prediction),
or more than --window after it (late). Shadow lines of the log are never joined.

The snapshot is the logged inputs with the outcome as the target column: rows shaped like the
training data. Track it (\`mlops data add FILE\`) and \`mlops monitor NAME#prod --current DATASET\`
measures it against the card's max_metric_decay; or hand it to the retrain flow
(\`mlops flow retrain NAME --snapshot-source FILE\`). The live metrics printed are \`mlops evaluate\`
of each logged version on its joined rows, the figures the monitor will compute. The snapshot is
written whole (temp file and rename) or not at all.

Exit code 0 when outcomes were joined, 1 when none could be or the input is malformed (the error
names the file, line and field), 2 on a usage error.
With --json: {outcomes, log, window_seconds, counts: {outcomes, joined, duplicate, unknown,
ambiguous, late, before_prediction, unlabelled}, examples, snapshot: {file, rows, sha256}, live:
[{model, version, target, rows, metrics}]}.`,
    )
    .action(async (source: string, flags: IngestFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { MlopsError } = await import("../../errors/index.js");
      const { readFile } = await import("node:fs/promises");
      const { resolve } = await import("node:path");
      const { parseWindow, ingestFeedback, readOutcomeSource } = await import("../../feedback/index.js");
      const { repoLayout } = await import("../../repo/index.js");
      const layout = repoLayout(ctx.root);
      if (flags.format !== undefined && flags.format !== "jsonl" && flags.format !== "csv") {
        throw new MlopsError("usage", "--format expects jsonl or csv", { got: flags.format });
      }
      if (source === "-" && flags.format === undefined) {
        throw new MlopsError("usage", "standard input has no extension to tell its format", {
          expected: "--format jsonl or --format csv",
        });
      }
      const windowMs = flags.window === undefined ? undefined : parseWindow(flags.window);
      const read = async (path: string, what: string): Promise<string> => {
        try {
          return await readFile(resolve(process.cwd(), path), "utf8");
        } catch (err) {
          throw new MlopsError("not-found", `cannot read the ${what}: ${(err as Error).message}`, {
            file: path,
          });
        }
      };
      const format = flags.format as "jsonl" | "csv" | undefined;
      const outcomes =
        source === "-"
          ? {
              text: await new Promise<string>((done, fail) => {
                const chunks: Buffer[] = [];
                process.stdin.on("data", (c: Buffer) => chunks.push(c));
                process.stdin.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
                process.stdin.on("error", fail);
              }),
              display: "standard input",
              ...(format ? { format } : {}),
            }
          : await readOutcomeSource(layout, source, format ? { format } : {});
      const logText = await read(flags.log, "prediction log");
      const result = await ingestFeedback(layout, {
        outcomes,
        log: { text: logText, display: flags.log },
        out: { file: resolve(process.cwd(), flags.out), display: flags.out },
        ...(windowMs !== undefined ? { windowMs } : {}),
        logger: ctx.logger,
      });
      ctx.output(result, () => humanText(result));
    });
}
