import type { Row } from "../table/index.js";
import type { Outcome } from "./outcomes.js";
import type { LoggedPrediction } from "./prediction-rows.js";

/** Why an outcome was not joined; each is counted, and the first few ids are listed. */
export type SkipReason =
  /** The same request id and row appeared earlier in the outcomes: the first one is kept. */
  | "duplicate"
  /** No answered request in the log has this id (or the request has no such row). */
  | "unknown"
  /** The log has this id on more than one request (a client reused X-Request-Id): which one is meant is unknowable. */
  | "ambiguous"
  /** Observed after the prediction by more than the window. */
  | "late"
  /** Observed before the prediction was made: a clock or an id is wrong. */
  | "before_prediction";

export const skipReasons: readonly SkipReason[] = [
  "duplicate",
  "unknown",
  "ambiguous",
  "late",
  "before_prediction",
];

export interface JoinedRow {
  /** The logged inputs with the outcome under the target's name. */
  row: Row;
  model: string;
  version: string;
  request_id: string;
  /** The prediction the client got. */
  served: unknown;
}

export interface JoinCounts {
  outcomes: number;
  joined: number;
  duplicate: number;
  unknown: number;
  ambiguous: number;
  late: number;
  before_prediction: number;
  /** Logged rows (answers, not shadow runs) no outcome was joined to. */
  unlabelled: number;
}

export interface JoinResult {
  rows: JoinedRow[];
  counts: JoinCounts;
  /** The first few request ids of each skip reason, for a person to look up. */
  examples: Record<SkipReason, string[]>;
}

export interface JoinOptions {
  target: string;
  /** An outcome observed more than this long after its prediction is late (default: no window). */
  windowMs?: number;
  /** Request ids listed per skip reason (default 20). */
  maxExamples?: number;
}

/**
 * Outcomes joined with the answers the server logged, by request id and row. Shadow lines are never
 * joined (they are not what the client got). Joined rows come in outcome order, so the snapshot
 * follows the outcome source. An outcome without a `time` is never late nor early.
 */
export function joinOutcomes(
  predictions: readonly LoggedPrediction[],
  outcomes: readonly Outcome[],
  options: JoinOptions,
): JoinResult {
  const byId = new Map<string, LoggedPrediction | "ambiguous">();
  let answeredRows = 0;
  for (const p of predictions) {
    if (p.shadow) continue;
    answeredRows += p.inputs.length;
    byId.set(p.request_id, byId.has(p.request_id) ? "ambiguous" : p);
  }
  const max = options.maxExamples ?? 20;
  const counts: JoinCounts = {
    outcomes: outcomes.length,
    joined: 0,
    duplicate: 0,
    unknown: 0,
    ambiguous: 0,
    late: 0,
    before_prediction: 0,
    unlabelled: 0,
  };
  const examples = Object.fromEntries(skipReasons.map((r) => [r, [] as string[]])) as Record<
    SkipReason,
    string[]
  >;
  const skip = (reason: SkipReason, id: string) => {
    counts[reason]++;
    if (examples[reason].length < max) examples[reason].push(id);
  };
  const seen = new Set<string>();
  const rows: JoinedRow[] = [];
  for (const o of outcomes) {
    const key = `${o.row}\u0000${o.request_id}`;
    if (seen.has(key)) {
      skip("duplicate", o.request_id);
      continue;
    }
    seen.add(key);
    const logged = byId.get(o.request_id);
    if (logged === "ambiguous") {
      skip("ambiguous", o.request_id);
      continue;
    }
    const input = logged?.inputs[o.row];
    if (logged === undefined || input === undefined) {
      skip("unknown", o.row === 0 ? o.request_id : `${o.request_id} row ${o.row}`);
      continue;
    }
    if (o.time !== undefined && o.time < logged.time) {
      skip("before_prediction", o.request_id);
      continue;
    }
    if (o.time !== undefined && options.windowMs !== undefined && o.time - logged.time > options.windowMs) {
      skip("late", o.request_id);
      continue;
    }
    counts.joined++;
    rows.push({
      row: { ...input, [options.target]: o.value },
      model: logged.model,
      version: logged.version,
      request_id: o.request_id,
      served: logged.outputs[o.row],
    });
  }
  counts.unlabelled = answeredRows - counts.joined;
  return { rows, counts, examples };
}
