import { MlopsError } from "../errors/index.js";
import type { RepoLayout } from "../repo/index.js";
import { predictionsAgree } from "../serve/index.js";
import { joinOutcomes } from "./join.js";
import { type OutcomeFormat, outcomeFormatOf, parseOutcomes } from "./outcomes.js";
import { type LoggedPrediction, parsePredictionLog } from "./prediction-rows.js";

export interface ShadowSummary {
  /** The candidate run in the shadow. */
  model: string;
  version: string;
  /** The version(s) that answered the same requests. */
  served: { model: string; version: string }[];
  /** Shadow lines paired with the answer line of the same request id. */
  requests: number;
  rows: number;
  /** Share of rows whose shadow prediction agreed with the answer (see `tolerance`). */
  agreement: number;
  tolerance: number;
  /** Shadow lines whose request has no answer line in the log (or more than one). */
  unpaired: number;
  /** The shadow's run time per request, in seconds. */
  latency_seconds: { p50: number; p90: number; p99: number; max: number };
  /** With outcomes: both versions evaluated on the shadowed rows that have an outcome. */
  outcomes: {
    source: string;
    rows: number;
    served: Record<string, number>;
    shadow: Record<string, number>;
  } | null;
}

export interface ShadowReport {
  log: string;
  /** One per shadow version in the log. */
  candidates: ShadowSummary[];
}

export interface ShadowReportOptions {
  log: { text: string; display: string };
  /** Agreement of numbers, relative (default 0.05, as `mlops serve`). */
  tolerance?: number;
  /** Outcomes to evaluate both versions on (as `mlops feedback ingest` takes them). */
  outcomes?: { text: string; display: string; format?: OutcomeFormat };
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/**
 * `mlops report --shadow LOG`: how a shadow candidate would have done on the requests it saw, from
 * the prediction log alone — agreement with the answers given, its run time — and, with outcomes,
 * `mlops evaluate`'s metrics of both versions on the same shadowed rows.
 */
export async function shadowReport(layout: RepoLayout, options: ShadowReportOptions): Promise<ShadowReport> {
  const tolerance = options.tolerance ?? 0.05;
  const { rows } = parsePredictionLog(options.log.text, options.log.display);
  const answers = new Map<string, LoggedPrediction | null>();
  for (const r of rows) if (!r.shadow) answers.set(r.request_id, answers.has(r.request_id) ? null : r);
  const byCandidate = new Map<string, LoggedPrediction[]>();
  for (const r of rows) {
    if (!r.shadow) continue;
    const key = `${r.model}@${r.version}`;
    byCandidate.set(key, [...(byCandidate.get(key) ?? []), r]);
  }
  if (byCandidate.size === 0) {
    throw new MlopsError("not-found", `${options.log.display} has no shadow lines`, {
      file: options.log.display,
      hint: "serve with --shadow NAME@vX.Y.Z --prediction-log FILE --sample-rate 1",
    });
  }
  const candidates: ShadowSummary[] = [];
  for (const [, lines] of [...byCandidate].sort(([a], [b]) => a.localeCompare(b))) {
    const first = lines[0] as LoggedPrediction;
    const paired = lines.flatMap((s) => {
      const a = answers.get(s.request_id);
      return a ? [{ shadow: s, answer: a }] : [];
    });
    let agree = 0;
    let total = 0;
    for (const { shadow, answer } of paired) {
      for (let i = 0; i < shadow.outputs.length; i++) {
        total++;
        if (predictionsAgree(answer.outputs[i], shadow.outputs[i], tolerance)) agree++;
      }
    }
    const latencies = paired.map((p) => p.shadow.latency_seconds ?? 0).sort((a, b) => a - b);
    const servedKeys = [...new Set(paired.map((p) => `${p.answer.model}@${p.answer.version}`))].sort();
    candidates.push({
      model: first.model,
      version: first.version,
      served: servedKeys.map((k) => {
        const [model, version] = k.split("@") as [string, string];
        return { model, version };
      }),
      requests: paired.length,
      rows: total,
      agreement: total > 0 ? agree / total : 0,
      tolerance,
      unpaired: lines.length - paired.length,
      latency_seconds: {
        p50: percentile(latencies, 0.5),
        p90: percentile(latencies, 0.9),
        p99: percentile(latencies, 0.99),
        max: latencies[latencies.length - 1] ?? 0,
      },
      outcomes: options.outcomes ? await bothOnOutcomes(layout, options.outcomes, rows, paired) : null,
    });
  }
  return { log: options.log.display, candidates };
}

/** The served and the shadow version evaluated on the same shadowed rows that have an outcome. */
async function bothOnOutcomes(
  layout: RepoLayout,
  source: NonNullable<ShadowReportOptions["outcomes"]>,
  all: readonly LoggedPrediction[],
  paired: { shadow: LoggedPrediction; answer: LoggedPrediction }[],
): Promise<ShadowSummary["outcomes"]> {
  const { openVersions, metricsOn } = await import("./ingest.js");
  const format = source.format ?? outcomeFormatOf(source.display);
  if (!format) {
    throw new MlopsError("usage", `cannot tell the format of ${source.display}`, {
      expected: "a .jsonl or .csv file",
    });
  }
  const shadowKey = paired[0] ? `${paired[0].shadow.model}@${paired[0].shadow.version}` : undefined;
  const servedKeys = [...new Set(paired.map((p) => `${p.answer.model}@${p.answer.version}`))];
  if (!shadowKey || servedKeys.length !== 1) return null;
  const opened = await openVersions(layout, [paired[0]?.shadow, paired[0]?.answer] as LoggedPrediction[]);
  try {
    const served = opened.find((o) => o.key === servedKeys[0]);
    const shadow = opened.find((o) => o.key === shadowKey);
    if (!served || !shadow) return null;
    const outcomes = parseOutcomes(source.text, { display: source.display, format, target: served.target });
    const shadowed = new Set(paired.map((p) => p.shadow.request_id));
    const joined = joinOutcomes(all, outcomes, { target: served.target }).rows.filter((r) =>
      shadowed.has(r.request_id),
    );
    if (joined.length === 0) return { source: source.display, rows: 0, served: {}, shadow: {} };
    const labelled = joined.map((r) => r.row);
    return {
      source: source.display,
      rows: joined.length,
      served: (await metricsOn(served, labelled, `${source.display} (${served.key})`)).metrics,
      shadow: (await metricsOn(shadow, labelled, `${source.display} (${shadow.key})`)).metrics,
    };
  } finally {
    await Promise.all(opened.map((o) => o.model.session.release()));
  }
}
