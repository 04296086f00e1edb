/**
 * Evaluation metrics as pure functions of arrays, with scikit-learn's definitions so a figure here
 * can be checked against `sklearn.metrics`. Nothing is rounded: callers round for display.
 */
import { MlopsError } from "../errors/index.js";

export interface RegressionMetrics {
  n: number;
  rmse: number;
  mae: number;
  /** 1 − SS_res / SS_tot; for a constant target, 1 when predicted exactly and 0 otherwise (as scikit-learn). */
  r2: number;
  /**
   * Mean of |actual − predicted| / |actual| over the rows whose actual value is not 0, as a fraction
   * (0.05 is 5 %). NaN when every actual value is 0. scikit-learn instead keeps those rows and divides
   * by machine epsilon, which turns one zero target into an enormous figure.
   */
  mape: number;
}

export interface PerClass {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  /** One-vs-rest; null when the class has no positives or no negatives in the data. */
  roc_auc: number | null;
}

export interface ClassificationMetrics {
  n: number;
  accuracy: number;
  /** Unweighted mean of the per-class F1 over every class given, including any with no support. */
  macro_f1: number;
  log_loss: number;
  /** Macro average of the one-vs-rest AUCs over the classes that have both positives and negatives. */
  roc_auc_ovr: number | null;
  per_class: Record<string, PerClass>;
  /** matrix[actual][predicted], rows and columns in `labels` order. */
  confusion_matrix: { labels: string[]; matrix: number[][] };
}

/** scikit-learn's long-standing `log_loss` clip (newer releases clip at the dtype's epsilon instead). */
const LOG_LOSS_EPS = 1e-15;

/** Throws unless `got` (the length of `field`) equals `expected` (the row count) and there is a row. */
export function requireRows(what: string, expected: number, got: number, field: string): void {
  if (got !== expected) {
    throw new MlopsError("usage", `${what}: expected ${expected} ${field}, one per row, got ${got}`, {
      field,
      expected: String(expected),
      got: String(got),
    });
  }
  if (expected === 0) {
    throw new MlopsError("usage", `${what}: expected at least one row, got none`, {
      expected: "at least one row",
      got: "0",
    });
  }
}

/** Throws at the first NaN or ±Infinity, naming the row: one bad prediction would otherwise poison every figure. */
export function requireFinite(what: string, values: ArrayLike<number>, field: string, width = 1): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      const where = width === 1 ? `row ${i}` : `row ${Math.floor(i / width)}, column ${i % width}`;
      throw new MlopsError("usage", `${what}: expected finite ${field}, got ${v} at ${where}`, {
        field,
        expected: "a finite number",
        got: String(v),
      });
    }
  }
}

/** Throws unless every entry is an integer class index in 0..k−1. */
export function requireClassIndices(what: string, values: ArrayLike<number>, k: number, field: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isInteger(v) || v < 0 || v >= k) {
      throw new MlopsError(
        "usage",
        `${what}: expected ${field} to be a class index 0..${k - 1}, got ${v} at row ${i}`,
        {
          field,
          expected: `an integer in 0..${k - 1}`,
          got: String(v),
        },
      );
    }
  }
}

/** Throws unless `proba` holds n rows of k values and there are at least two classes. */
export function requireProbabilityRows(what: string, n: number, proba: ArrayLike<number>, k: number): void {
  if (k < 2) {
    throw new MlopsError("usage", `${what}: expected at least 2 classes, got ${k}`, {
      field: "classes",
      expected: "at least 2 classes",
      got: String(k),
    });
  }
  if (n === 0) requireRows(what, 0, 0, "actual values");
  if (proba.length !== n * k) {
    const rows = proba.length / k;
    const got = Number.isInteger(rows)
      ? `${rows} rows`
      : `${proba.length} values, not a whole number of rows`;
    throw new MlopsError(
      "usage",
      `${what}: expected ${n} rows of ${k} probabilities (${n * k} values, row-major), got ${got}`,
      { field: "proba", expected: `${n * k} values`, got: String(proba.length) },
    );
  }
  requireFinite(what, proba, "probabilities", k);
}

export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): RegressionMetrics {
  const what = "regression metrics";
  requireRows(what, actual.length, predicted.length, "predictions");
  requireFinite(what, actual, "actual values");
  requireFinite(what, predicted, "predictions");
  const n = actual.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] as number;
  mean /= n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  let ape = 0;
  let apeRows = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const e = a - (predicted[i] as number);
    sse += e * e;
    sae += Math.abs(e);
    // Two passes (mean first) so SS_tot does not lose precision to cancellation on large targets.
    sst += (a - mean) ** 2;
    if (a !== 0) {
      ape += Math.abs(e) / Math.abs(a);
      apeRows++;
    }
  }
  const r2 = sst === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / sst;
  return { n, rmse: Math.sqrt(sse / n), mae: sae / n, r2, mape: apeRows > 0 ? ape / apeRows : Number.NaN };
}

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the chance that a random positive scores
 * above a random negative, a tie counting one half (each tied group gets its average rank). Null when
 * there are no positives or no negatives, where the area is undefined.
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number | null {
  const what = "ROC AUC";
  requireRows(what, scores.length, positive.length, "labels");
  requireFinite(what, scores, "scores");
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    const score = scores[order[start] as number] as number;
    let end = start;
    while (end + 1 < n && scores[order[end + 1] as number] === score) end++;
    // Ranks are 1-based; the group start..end shares the mean of ranks start+1..end+1.
    const averageRank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) {
      if (positive[order[j] as number]) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Index of the largest value in each row of k; the first column wins a tie, as numpy's argmax. */
export function argmaxRows(proba: ArrayLike<number>, k: number): Int32Array {
  const n = Math.floor(proba.length / k);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if ((proba[i * k + c] as number) > (proba[i * k + best] as number)) best = c;
    out[i] = best;
  }
  return out;
}

/** Column c of a row-major n × k matrix. */
export function probabilityColumn(proba: ArrayLike<number>, k: number, c: number): Float64Array {
  const n = Math.floor(proba.length / k);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = proba[i * k + c] as number;
  return out;
}

/**
 * `actual` and `predicted` hold a class index per row (positions in `classes`); `proba` is n × k
 * row-major with columns in `classes` order. `predicted` defaults to the argmax of each row; pass the
 * model's own labels when it has them, since a model may threshold differently from argmax.
 */
export function classificationMetrics(
  actual: ArrayLike<number>,
  proba: ArrayLike<number>,
  classes: readonly string[],
  predicted?: ArrayLike<number>,
): ClassificationMetrics {
  const what = "classification metrics";
  const k = classes.length;
  const n = actual.length;
  requireProbabilityRows(what, n, proba, k);
  requireClassIndices(what, actual, k, "actual");
  const pred = predicted ?? argmaxRows(proba, k);
  if (predicted !== undefined) {
    requireRows(what, n, predicted.length, "predicted labels");
    requireClassIndices(what, predicted, k, "predicted");
  }

  const matrix = classes.map(() => new Array<number>(k).fill(0));
  let correct = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const p = pred[i] as number;
    const row = matrix[a] as number[];
    row[p] = (row[p] as number) + 1;
    if (a === p) correct++;
    const q = Math.min(Math.max(proba[i * k + a] as number, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    logLoss -= Math.log(q);
  }

  const perClass: Record<string, PerClass> = {};
  let f1Sum = 0;
  const aucs: number[] = [];
  classes.forEach((name, c) => {
    const tp = (matrix[c] as number[])[c] as number;
    const support = (matrix[c] as number[]).reduce((s, v) => s + v, 0);
    const predictedCount = matrix.reduce((s, row) => s + (row[c] as number), 0);
    // scikit-learn's zero_division=0: a ratio with an empty denominator counts as 0.
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    const positive = Array.from({ length: n }, (_, i) => actual[i] === c);
    const auc = rocAuc(probabilityColumn(proba, k, c), positive);
    if (auc !== null) aucs.push(auc);
    perClass[name] = { precision, recall, f1, support, roc_auc: auc };
    f1Sum += f1;
  });

  return {
    n,
    accuracy: correct / n,
    macro_f1: f1Sum / k,
    log_loss: logLoss / n,
    roc_auc_ovr: aucs.length > 0 ? aucs.reduce((s, v) => s + v, 0) / aucs.length : null,
    per_class: perClass,
    confusion_matrix: { labels: [...classes], matrix },
  };
}
