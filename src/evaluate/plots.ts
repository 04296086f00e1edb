/** Plot data as JSON series: what the report draws, small enough to commit and to diff. */

/** Evenly spaced row indices, never random, so the same data gives the same plot file. */
function sampleIndices(n: number, maxPoints: number | undefined): number[] {
  if (maxPoints === undefined || n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: maxPoints }, (_, k) => Math.floor((k * n) / maxPoints));
}

export interface RegressionPlots {
  predicted_vs_actual: { actual: number; predicted: number }[];
  residuals: { predicted: number; residual: number }[];
}

export function regressionPlots(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: { maxPoints?: number } = {},
): RegressionPlots {
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
  /** Rows scoring at least this are called positive; null for the (0, 0) start, which calls none. */
  threshold: number | null;
}

export interface CalibrationBin {
  mean_predicted: number;
  fraction_positive: number;
  count: number;
}

export interface ClassificationPlots {
  roc: Record<string, RocPoint[]>;
  calibration: Record<string, CalibrationBin[]>;
}

function rocCurve(scores: Float64Array, positive: boolean[]): RocPoint[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  const p = positive.filter(Boolean).length;
  const negatives = positive.length - p;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: null }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (positive[i]) tp++;
    else fp++;
    const next = order[k + 1];
    // One point per distinct threshold: rows that tie move together.
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({
        fpr: negatives > 0 ? fp / negatives : 0,
        tpr: p > 0 ? tp / p : 0,
        threshold: scores[i] as number,
      });
    }
  }
  return points;
}

export function classificationPlots(
  actual: ArrayLike<number>,
  proba: ArrayLike<number>,
  classes: readonly string[],
  options: { bins?: number; maxPoints?: number } = {},
): ClassificationPlots {
  const k = classes.length;
  const n = actual.length;
  const bins = options.bins ?? 10;
  const roc: Record<string, RocPoint[]> = {};
  const calibration: Record<string, CalibrationBin[]> = {};
  classes.forEach((name, c) => {
    const scores = new Float64Array(n);
    const positive: boolean[] = [];
    for (let i = 0; i < n; i++) {
      scores[i] = proba[i * k + c] as number;
      positive.push(actual[i] === c);
    }
    let curve = rocCurve(scores, positive);
    if (options.maxPoints !== undefined && curve.length > options.maxPoints) {
      const keep = sampleIndices(curve.length - 1, options.maxPoints - 1);
      curve = [...keep.map((j) => curve[j] as RocPoint), curve[curve.length - 1] as RocPoint];
    }
    roc[name] = curve;
    const sums = new Float64Array(bins);
    const hits = new Float64Array(bins);
    const counts = new Float64Array(bins);
    for (let i = 0; i < n; i++) {
      const s = scores[i] as number;
      const b = Math.min(bins - 1, Math.floor(s * bins));
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
    calibration[name] = table;
  });
  return { roc, calibration };
}
