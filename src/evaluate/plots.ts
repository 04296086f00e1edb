/** Plot data as JSON series: what the report draws, small enough to commit and to diff. */
import { MlopsError } from "../errors/index.js";
import { probabilityColumn, requireClassIndices, requireProbabilityRows, requireRows } from "./metrics.js";

function requireCount(what: string, name: string, value: number | undefined, min: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min) {
    throw new MlopsError("usage", `${what}: expected ${name} to be an integer >= ${min}, got ${value}`, {
      field: name,
      expected: `an integer >= ${min}`,
      got: String(value),
    });
  }
}

/** Evenly spaced row indices, never random, so the same data gives the same plot file. */
function sampleIndices(n: number, maxPoints: number | undefined): number[] {
  if (maxPoints === undefined || n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: maxPoints }, (_, j) => Math.floor((j * n) / maxPoints));
}

export interface RegressionPlots {
  predicted_vs_actual: { actual: number; predicted: number }[];
  /** residual = actual − predicted, so a positive residual is an under-prediction. */
  residuals: { predicted: number; residual: number }[];
}

/** With `maxPoints` and more rows than that, keeps evenly spaced rows (the same rows in both series). */
export function regressionPlots(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: { maxPoints?: number } = {},
): RegressionPlots {
  const what = "regression plots";
  requireRows(what, actual.length, predicted.length, "predictions");
  requireCount(what, "maxPoints", options.maxPoints, 1);
  const rows = sampleIndices(actual.length, options.maxPoints);
  return {
    predicted_vs_actual: rows.map((i) => ({
      actual: actual[i] as number,
      predicted: predicted[i] as number,
    })),
    residuals: rows.map((i) => ({
      predicted: predicted[i] as number,
      residual: (actual[i] as number) - (predicted[i] as number),
    })),
  };
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  /**
   * Rows scoring at least this are called positive. Null for the (0, 0) start, which calls none:
   * scikit-learn puts +inf there, which JSON cannot hold.
   */
  threshold: number | null;
}

export interface CalibrationBin {
  mean_predicted: number;
  fraction_positive: number;
  count: number;
}

export interface ClassificationPlots {
  /** One-vs-rest per class; empty for a class with no positives or no negatives, whose curve is undefined. */
  roc: Record<string, RocPoint[]>;
  /** Equal-width bins over [0, 1] per class, in ascending order; empty bins omitted. */
  calibration: Record<string, CalibrationBin[]>;
}

/**
 * scikit-learn's `roc_curve(drop_intermediate=False)`: one point per distinct score, highest first,
 * from (0, 0) to (1, 1). Rows that tie move together, so a tie is a diagonal step.
 */
export function rocCurve(scores: ArrayLike<number>, positive: ArrayLike<boolean>): RocPoint[] {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return [];
  const order = byScoreDescending(scores);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: null }];
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    if (positive[i]) tp++;
    else fp++;
    const next = order[j + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: scores[i] as number });
    }
  }
  return points;
}

/** At most `maxPoints` points, evenly spaced along the curve, always keeping the first and the last. */
export function thinCurve<T>(curve: T[], maxPoints: number | undefined): T[] {
  if (maxPoints === undefined || curve.length <= maxPoints) return curve;
  const last = curve.length - 1;
  const kept = new Set<number>();
  for (let j = 0; j < maxPoints; j++) kept.add(Math.round((j * last) / (maxPoints - 1)));
  return [...kept].map((i) => curve[i] as T);
}

/**
 * Bin of probability `s` among `bins` equal-width bins. A value exactly on an interior edge goes to the
 * lower bin and the edges are `j * (1 / bins)`, as scikit-learn's `calibration_curve` (numpy's
 * `linspace` then `searchsorted`), so 0.3 with 10 bins lands in bin 2 as it does there.
 */
function binOf(s: number, bins: number): number {
  const width = 1 / bins;
  let b = Math.min(bins - 1, Math.max(0, Math.ceil(s * bins) - 1));
  while (b > 0 && !(b * width < s)) b--;
  while (b < bins - 1 && (b + 1) * width < s) b++;
  return b;
}

export interface PrPoint {
  recall: number;
  precision: number;
  /** Rows scoring at least this are called positive. Null for the (recall 0, precision 1) end, which calls none. */
  threshold: number | null;
}

/** Row indices ordered by score, highest first; a comparison, not a subtraction, so extreme scores cannot overflow. */
function byScoreDescending(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => {
    const x = scores[a] as number;
    const y = scores[b] as number;
    return x > y ? -1 : x < y ? 1 : 0;
  });
}

/**
 * scikit-learn's `precision_recall_curve` (drop_intermediate=False), read from its end: the
 * (recall 0, precision 1) point that calls nothing positive, then one point per distinct score,
 * highest first. Precision counts as 0 where nothing is called positive (it never is here, since each
 * point calls at least one row). Empty when there are no positives, where recall is undefined.
 */
export function precisionRecallCurve(scores: ArrayLike<number>, positive: ArrayLike<boolean>): PrPoint[] {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives++;
  if (positives === 0) return [];
  const order = byScoreDescending(scores);
  const points: PrPoint[] = [{ recall: 0, precision: 1, threshold: null }];
  let tp = 0;
  let called = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    if (positive[i]) tp++;
    called++;
    const next = order[j + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({ recall: tp / positives, precision: tp / called, threshold: scores[i] as number });
    }
  }
  return points;
}

/**
 * scikit-learn's `calibration_curve(strategy="uniform")` for one class: `bins` equal-width bins over
 * [0, 1], in ascending order, empty bins omitted. Scores must lie in [0, 1].
 */
export function calibrationCurve(
  scores: ArrayLike<number>,
  positive: ArrayLike<boolean>,
  bins = 10,
): CalibrationBin[] {
  const sums = new Float64Array(bins);
  const hits = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    const b = binOf(s, bins);
    sums[b] = (sums[b] as number) + s;
    hits[b] = (hits[b] as number) + (positive[i] ? 1 : 0);
    counts[b] = (counts[b] as number) + 1;
  }
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const count = counts[b] as number;
    if (count === 0) continue;
    table.push({
      mean_predicted: (sums[b] as number) / count,
      fraction_positive: (hits[b] as number) / count,
      count,
    });
  }
  return table;
}

/**
 * ROC curves and calibration tables, one-vs-rest for each class. `actual` holds class indices,
 * `proba` is n × k row-major in `classes` order. `bins` (default 10) sets the calibration bins;
 * `maxPoints` caps the points of each ROC curve.
 */
export function classificationPlots(
  actual: ArrayLike<number>,
  proba: ArrayLike<number>,
  classes: readonly string[],
  options: { bins?: number; maxPoints?: number } = {},
): ClassificationPlots {
  const what = "classification plots";
  const k = classes.length;
  const n = actual.length;
  requireProbabilityRows(what, n, proba, k);
  requireClassIndices(what, actual, k, "actual");
  requireCount(what, "bins", options.bins, 1);
  requireCount(what, "maxPoints", options.maxPoints, 2);
  for (let i = 0; i < proba.length; i++) {
    const v = proba[i] as number;
    if (v < 0 || v > 1) {
      throw new MlopsError(
        "usage",
        `${what}: expected probabilities in [0, 1], got ${v} at row ${Math.floor(i / k)}, column ${i % k}`,
        { field: "proba", expected: "a number in [0, 1]", got: String(v) },
      );
    }
  }
  const bins = options.bins ?? 10;

  const roc: Record<string, RocPoint[]> = {};
  const calibration: Record<string, CalibrationBin[]> = {};
  classes.forEach((name, c) => {
    const scores = probabilityColumn(proba, k, c);
    const positive = Array.from({ length: n }, (_, i) => actual[i] === c);
    roc[name] = thinCurve(rocCurve(scores, positive), options.maxPoints);

    calibration[name] = calibrationCurve(scores, positive, bins);
  });
  return { roc, calibration };
}

export interface ClassCurves {
  roc: RocPoint[];
  precision_recall: PrPoint[];
  calibration: CalibrationBin[];
}

/**
 * ROC, precision-recall and calibration curves one-vs-rest for each class, with the inputs
 * `classificationPlots` takes: what the report overlays for several models on the same rows.
 */
export function classificationCurves(
  actual: ArrayLike<number>,
  proba: ArrayLike<number>,
  classes: readonly string[],
  options: { bins?: number; maxPoints?: number } = {},
): Record<string, ClassCurves> {
  const plots = classificationPlots(actual, proba, classes, options);
  const k = classes.length;
  const out: Record<string, ClassCurves> = {};
  classes.forEach((name, c) => {
    const scores = probabilityColumn(proba, k, c);
    const positive = Array.from({ length: actual.length }, (_, i) => actual[i] === c);
    out[name] = {
      roc: plots.roc[name] ?? [],
      precision_recall: thinCurve(precisionRecallCurve(scores, positive), options.maxPoints),
      calibration: plots.calibration[name] ?? [],
    };
  });
  return out;
}
