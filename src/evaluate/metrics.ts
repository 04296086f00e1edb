import { MlopsError } from "../errors/index.js";

export interface RegressionMetrics {
  n: number;
  rmse: number;
  mae: number;
  r2: number;
  /** Mean of |actual − predicted| / |actual| over rows whose actual value is not 0, as a fraction. */
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
  macro_f1: number;
  log_loss: number;
  /** Macro average of the one-vs-rest AUCs that exist. */
  roc_auc_ovr: number | null;
  per_class: Record<string, PerClass>;
  /** matrix[actual][predicted], rows and columns in `labels` order. */
  confusion_matrix: { labels: string[]; matrix: number[][] };
}

function sameLength(what: string, a: number, b: number): void {
  if (a !== b) throw new MlopsError("usage", `${what}: expected equal lengths, got ${a} and ${b}`);
  if (a === 0) throw new MlopsError("usage", `${what}: expected at least one row, got none`);
}

export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): RegressionMetrics {
  sameLength("regression metrics", actual.length, predicted.length);
  const n = actual.length;
  let sse = 0;
  let sae = 0;
  let mean = 0;
  let ape = 0;
  let apeRows = 0;
  for (let i = 0; i < n; i++) mean += actual[i] as number;
  mean /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const e = a - (predicted[i] as number);
    sse += e * e;
    sae += Math.abs(e);
    sst += (a - mean) ** 2;
    if (a !== 0) {
      ape += Math.abs(e) / Math.abs(a);
      apeRows++;
    }
  }
  // scikit-learn's convention for a constant target: 1 when predicted perfectly, else 0.
  const r2 = sst === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / sst;
  return { n, rmse: Math.sqrt(sse / n), mae: sae / n, r2, mape: apeRows > 0 ? ape / apeRows : 0 };
}

/** Area under the ROC curve by the Mann–Whitney statistic, ties counted half. */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number | null {
  sameLength("ROC AUC", scores.length, positive.length);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number])
      end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (positive[order[k] as number]) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function argmaxRows(proba: ArrayLike<number>, k: number): Int32Array {
  const n = proba.length / k;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if ((proba[i * k + c] as number) > (proba[i * k + best] as number)) best = c;
    out[i] = best;
  }
  return out;
}

export function classificationMetrics(
  actual: ArrayLike<number>,
  proba: ArrayLike<number>,
  classes: readonly string[],
  predicted?: ArrayLike<number>,
): ClassificationMetrics {
  const k = classes.length;
  const n = actual.length;
  if (k < 2) throw new MlopsError("usage", `classification metrics: expected at least 2 classes, got ${k}`);
  sameLength("classification metrics (probability rows)", n, proba.length / k);
  if (proba.length % k !== 0) {
    throw new MlopsError(
      "usage",
      `classification metrics: ${proba.length} probabilities do not split into rows of ${k}`,
    );
  }
  const pred = predicted ?? argmaxRows(proba, k);
  sameLength("classification metrics (predicted labels)", n, pred.length);
  const matrix = classes.map(() => new Array<number>(k).fill(0));
  let correct = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const p = pred[i] as number;
    if (!Number.isInteger(a) || a < 0 || a >= k || !Number.isInteger(p) || p < 0 || p >= k) {
      throw new MlopsError(
        "usage",
        `classification metrics: row ${i} has class index ${a}/${p}, expected 0..${k - 1}`,
      );
    }
    (matrix[a] as number[])[p] = ((matrix[a] as number[])[p] as number) + 1;
    if (a === p) correct++;
    const q = Math.min(Math.max(proba[i * k + a] as number, 1e-15), 1 - 1e-15);
    logLoss -= Math.log(q);
  }
  const perClass: Record<string, PerClass> = {};
  let f1Sum = 0;
  const aucs: number[] = [];
  classes.forEach((name, c) => {
    const tp = (matrix[c] as number[])[c] as number;
    const support = (matrix[c] as number[]).reduce((s, v) => s + v, 0);
    const predictedCount = matrix.reduce((s, row) => s + (row[c] as number), 0);
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    const scores = new Float64Array(n);
    const positive: boolean[] = [];
    for (let i = 0; i < n; i++) {
      scores[i] = proba[i * k + c] as number;
      positive.push(actual[i] === c);
    }
    const auc = rocAuc(scores, positive);
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
