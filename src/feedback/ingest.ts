import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import type { Row, Table } from "../table/index.js";
import { type JoinCounts, joinOutcomes, type SkipReason } from "./join.js";
import { type OutcomeFormat, outcomeFormatOf, parseOutcomes } from "./outcomes.js";
import { type LoggedPrediction, parsePredictionLog } from "./prediction-rows.js";

export interface IngestOptions {
  /** The outcomes' text, already read (a file or standard input). */
  outcomes: { text: string; display: string; format?: OutcomeFormat };
  /** The server's prediction log (JSON lines). */
  log: { text: string; display: string };
  /** Where the labelled snapshot goes (a JSON array of rows); written atomically. */
  out: { file: string; display: string };
  /** Outcomes observed more than this long after their prediction are counted late and left out. */
  windowMs?: number;
  logger?: Logger;
}

export interface LiveMetrics {
  model: string;
  version: string;
  target: string;
  /** Joined rows of this version with a target value. */
  rows: number;
  /** The task's metrics as `mlops evaluate` computes them, flattened (rmse, r2, accuracy, …). */
  metrics: Record<string, number>;
}

export interface IngestResult {
  outcomes: { source: string; format: OutcomeFormat; records: number };
  log: { file: string; lines: number; shadow_lines: number; truncated_lines: number };
  window_seconds: number | null;
  counts: JoinCounts;
  /** The first few request ids skipped for each reason. */
  examples: Record<SkipReason, string[]>;
  snapshot: { file: string; rows: number; sha256: string };
  /** One entry per model version that answered a joined request. */
  live: LiveMetrics[];
}

export type OpenedVersion = Awaited<ReturnType<typeof openVersions>>[number];

/** The versions that answered, each with its model opened from the registry (onnx file by hash). */
export async function openVersions(
  layout: RepoLayout,
  answers: readonly Pick<LoggedPrediction, "model" | "version">[],
) {
  const { resolveServableModel } = await import("../serve/index.js");
  const { openModel } = await import("../evaluate/index.js");
  const { loadModelCard } = await import("../registry/index.js");
  const keys = [...new Set(answers.map((p) => `${p.model}@${p.version}`))].sort();
  const opened: { key: string; model: Awaited<ReturnType<typeof openModel>>; target: string }[] = [];
  try {
    for (const key of keys) {
      const resolved = await resolveServableModel(layout, key);
      const model = await openModel(resolved.model.onnxPath, key);
      opened.push({ key, model, target: "" });
      const card = await loadModelCard(layout, resolved.manifest.model).catch(() => undefined);
      const target = card?.evaluation?.target ?? model.metadata["mlops.target"];
      if (!target) {
        throw new MlopsError("usage", `${key} names no target column, so outcomes have nothing to label`, {
          file: `models/${resolved.manifest.model}/model.yaml`,
          field: "evaluation.target",
          hint: "set evaluation.target in the model card",
        });
      }
      (opened[opened.length - 1] as { target: string }).target = target;
    }
  } catch (err) {
    await Promise.all(opened.map((o) => o.model.session.release()));
    throw err;
  }
  return opened;
}

/** `mlops evaluate`'s metrics of an opened version on labelled rows, flattened to numbers. */
export async function metricsOn(
  version: OpenedVersion,
  rows: Row[],
  display: string,
): Promise<{ target: string; rows: number; metrics: Record<string, number> }> {
  const { evaluateLoaded } = await import("../evaluate/index.js");
  const { flatten } = await import("../metrics/flatten.js");
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const table: Table = { file: display, columns, rows };
  const evaluation = await evaluateLoaded(version.model, table, { target: version.target });
  const metrics: Record<string, number> = {};
  for (const [k, x] of Object.entries(flatten(evaluation.metrics)))
    if (typeof x === "number" && Number.isFinite(x)) metrics[k] = x;
  return { target: version.target, rows: evaluation.data.rows_with_target, metrics };
}

/** A JSON array with one row per line: readable in a diff, and what `mlops data add` tracks. */
function snapshotText(rows: readonly Row[]): string {
  return rows.length === 0 ? "[]\n" : `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
}

/**
 * `mlops feedback ingest`: outcomes joined by request id with the answers the server logged, written
 * as a labelled snapshot (the logged inputs plus the target: rows shaped like the training data, which
 * `mlops monitor --current` and the retrain flow's snapshot read), with the live metrics of each
 * version that answered — `mlops evaluate`'s own code run on the joined rows, so they are the figures
 * the monitor's metric-decay rule will see. Nothing is written when anything fails.
 */
export async function ingestFeedback(layout: RepoLayout, options: IngestOptions): Promise<IngestResult> {
  const logger = options.logger ?? silentLogger;
  const format = options.outcomes.format ?? outcomeFormatOf(options.outcomes.display);
  if (!format) {
    throw new MlopsError("usage", `cannot tell the format of ${options.outcomes.display}`, {
      expected: "a .jsonl or .csv file, or --format jsonl|csv",
    });
  }
  const parsedLog = parsePredictionLog(options.log.text, options.log.display);
  const answers = parsedLog.rows.filter((p) => !p.shadow);
  if (answers.length === 0) {
    throw new MlopsError(
      "refused",
      `${options.log.display} holds no answered requests to join outcomes with`,
      {
        file: options.log.display,
        hint: "serve with --prediction-log FILE --sample-rate 1 so every answer is logged",
      },
    );
  }
  const versions = await openVersions(layout, answers);
  try {
    const targets = [...new Set(versions.map((v) => v.target))];
    if (targets.length > 1) {
      throw new MlopsError("usage", `the logged versions have different targets (${targets.join(", ")})`, {
        file: options.log.display,
        hint: "ingest each model's log separately",
      });
    }
    const target = targets[0] as string;
    const outcomes = parseOutcomes(options.outcomes.text, {
      display: options.outcomes.display,
      format,
      target,
    });
    const joined = joinOutcomes(parsedLog.rows, outcomes, {
      target,
      ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
    });
    if (joined.rows.length === 0) {
      throw new MlopsError(
        "refused",
        `no outcome of ${options.outcomes.display} matches an answer in ${options.log.display} (${joined.counts.unknown} unknown, ${joined.counts.duplicate} duplicate, ${joined.counts.late} late, ${joined.counts.before_prediction} before their prediction, ${joined.counts.ambiguous} ambiguous)`,
        { hint: "outcomes are keyed by the X-Request-Id the server answered with" },
      );
    }
    const live: LiveMetrics[] = [];
    for (const v of versions) {
      const mine = joined.rows.filter((r) => `${r.model}@${r.version}` === v.key);
      if (mine.length === 0) continue;
      const first = mine[0] as (typeof mine)[number];
      live.push({
        model: first.model,
        version: first.version,
        ...(await metricsOn(
          v,
          mine.map((r) => r.row),
          `${options.out.display} (${v.key})`,
        )),
      });
    }
    const text = snapshotText(joined.rows.map((r) => r.row));
    const { writeFileAtomic } = await import("../files/index.js");
    const { hashBytes } = await import("../store/index.js");
    await writeFileAtomic(options.out.file, text);
    logger.info(
      `feedback: ${joined.counts.joined} of ${outcomes.length} outcomes joined into ${options.out.display}`,
    );
    return {
      outcomes: { source: options.outcomes.display, format, records: outcomes.length },
      log: {
        file: options.log.display,
        lines: parsedLog.rows.length,
        shadow_lines: parsedLog.rows.length - answers.length,
        truncated_lines: parsedLog.truncated,
      },
      window_seconds: options.windowMs === undefined ? null : options.windowMs / 1000,
      counts: joined.counts,
      examples: joined.examples,
      snapshot: { file: options.out.display, rows: joined.rows.length, sha256: hashBytes(Buffer.from(text)) },
      live,
    };
  } finally {
    await Promise.all(versions.map((v) => v.model.session.release()));
  }
}
