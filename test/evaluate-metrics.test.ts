import { describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import {
  classificationMetrics,
  classificationPlots,
  type RocPoint,
  regressionMetrics,
  regressionPlots,
  rocAuc,
} from "../src/evaluate/index.js";

/** Runs `fn`, expects an MlopsError and returns it so the test can check its message. */
function thrown(fn: () => unknown): MlopsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MlopsError);
    return err as MlopsError;
  }
  throw new Error("expected an MlopsError, nothing was thrown");
}

/** Trapezoid area under a ROC curve; must equal the Mann–Whitney AUC, ties included. */
function trapezoid(curve: RocPoint[]): number {
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as RocPoint;
    const b = curve[i] as RocPoint;
    area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
  }
  return area;
}

// Three classes, five rows, worked by hand below and reused by several tests.
//   row  actual  proba (a, b, c)     argmax
//   0    a       0.7  0.2  0.1       a  ✓
//   1    a       0.3  0.6  0.1       b  ✗
//   2    b       0.2  0.7  0.1       b  ✓
//   3    c       0.1  0.3  0.6       c  ✓
//   4    c       0.5  0.1  0.4       a  ✗
const classes = ["a", "b", "c"];
const actual = [0, 0, 1, 2, 2];
const proba = [0.7, 0.2, 0.1, 0.3, 0.6, 0.1, 0.2, 0.7, 0.1, 0.1, 0.3, 0.6, 0.5, 0.1, 0.4];

describe("regressionMetrics", () => {
  it("matches a hand-worked example", () => {
    // errors a − p: −0.5, 0, 1, −1
    // SSE = 0.25 + 0 + 1 + 1 = 2.25 → rmse = √(2.25 / 4) = 0.75; mae = (0.5 + 0 + 1 + 1) / 4 = 0.625
    // mean = 2.5, SST = 2.25 + 0.25 + 0.25 + 2.25 = 5 → r2 = 1 − 2.25 / 5 = 0.55
    // mape = (0.5/1 + 0/2 + 1/3 + 1/4) / 4 = (24 + 0 + 16 + 12) / 48 / 4 = 13/48
    const m = regressionMetrics([1, 2, 3, 4], Float64Array.from([1.5, 2, 2, 5]));
    expect(m.n).toBe(4);
    expect(m.rmse).toBeCloseTo(0.75, 12);
    expect(m.mae).toBeCloseTo(0.625, 12);
    expect(m.r2).toBeCloseTo(0.55, 12);
    expect(m.mape).toBeCloseTo(13 / 48, 12);
  });

  it("leaves rows whose actual value is 0 out of mape, and gives NaN when every actual value is 0", () => {
    // only row 1 counts: |2 − 3| / 2 = 0.5
    expect(regressionMetrics([0, 2], [1, 3]).mape).toBe(0.5);
    expect(regressionMetrics([0, 0], [1, 3]).mape).toBeNaN();
  });

  it("scores a constant target as scikit-learn does: r2 1 when predicted exactly, else 0", () => {
    expect(regressionMetrics([3, 3, 3], [3, 3, 3]).r2).toBe(1);
    expect(regressionMetrics([3, 3, 3], [3, 3, 4]).r2).toBe(0);
  });

  it("gives a negative r2 when worse than predicting the mean", () => {
    // SST = 2 (mean 2 over 1, 2, 3); SSE = 4 + 0 + 4 = 8 → r2 = 1 − 8/2 = −3
    expect(regressionMetrics([1, 2, 3], [3, 2, 1]).r2).toBe(-3);
  });

  it("refuses mismatched lengths, empty input and a non-finite prediction, saying what it expected", () => {
    expect(thrown(() => regressionMetrics([1, 2, 3], [1, 2])).message).toBe(
      "regression metrics: expected 3 predictions, one per row, got 2",
    );
    const empty = thrown(() => regressionMetrics([], []));
    expect(empty.code).toBe("usage");
    expect(empty.message).toBe("regression metrics: expected at least one row, got none");
    expect(thrown(() => regressionMetrics([1, 2], [1, Number.NaN])).message).toBe(
      "regression metrics: expected finite predictions, got NaN at row 1",
    );
  });
});

describe("rocAuc", () => {
  it("matches scikit-learn's roc_auc_score example", () => {
    // positives 0.35, 0.8; negatives 0.1, 0.4. Pairs won: 0.35>0.1, 0.8>0.1, 0.8>0.4 → 3 of 4
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });

  it("counts a tie between a positive and a negative as half a win", () => {
    // positives 0.4, 0.8; negatives 0.1, 0.4. 0.4>0.1 (1), 0.4=0.4 (½), 0.8>0.1 (1), 0.8>0.4 (1) → 3.5/4
    expect(rocAuc([0.1, 0.4, 0.4, 0.8], [false, false, true, true])).toBe(0.875);
  });

  it("gives 0.5 for a constant score and 1 or 0 for a perfect or perfectly wrong ranking", () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    expect(rocAuc([0.9, 0.1, 0.8, 0.2], [true, false, true, false])).toBe(1);
    expect(rocAuc([0.1, 0.9, 0.2, 0.8], [true, false, true, false])).toBe(0);
  });

  it("is null when there are no positives or no negatives", () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNull();
    expect(rocAuc([0.1, 0.2], [false, false])).toBeNull();
  });
});

describe("classificationMetrics", () => {
  it("matches a hand-worked three-class example", () => {
    const m = classificationMetrics(actual, proba, classes);
    expect(m.n).toBe(5);
    expect(m.accuracy).toBe(3 / 5);
    // matrix[actual][predicted]: a → a, b; b → b; c → c, a
    expect(m.confusion_matrix).toEqual({
      labels: ["a", "b", "c"],
      matrix: [
        [1, 1, 0],
        [0, 1, 0],
        [1, 0, 1],
      ],
    });
    // a: tp 1, predicted 2, support 2 → p ½, r ½, f1 ½
    // b: tp 1, predicted 2, support 1 → p ½, r 1, f1 2·½·1/1.5 = ⅔
    // c: tp 1, predicted 1, support 2 → p 1, r ½, f1 ⅔
    expect(m.per_class.a).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(m.per_class.b?.precision).toBe(0.5);
    expect(m.per_class.b?.recall).toBe(1);
    expect(m.per_class.b?.f1).toBeCloseTo(2 / 3, 12);
    expect(m.per_class.c?.precision).toBe(1);
    expect(m.per_class.c?.recall).toBe(0.5);
    expect(m.per_class.c?.f1).toBeCloseTo(2 / 3, 12);
    // macro F1 = (½ + ⅔ + ⅔) / 3 = 11/18
    expect(m.macro_f1).toBeCloseTo(11 / 18, 12);
    // log loss = −(ln 0.7 + ln 0.3 + ln 0.7 + ln 0.6 + ln 0.4) / 5, the true class's probability per row
    const expected = -(Math.log(0.7) + Math.log(0.3) + Math.log(0.7) + Math.log(0.6) + Math.log(0.4)) / 5;
    expect(m.log_loss).toBeCloseTo(expected, 12);
    // AUC a: positives 0.7, 0.3 vs negatives 0.2, 0.1, 0.5 → 0.7 wins 3, 0.3 wins 2 → 5/6
    // AUC b: positive 0.7 beats 0.2, 0.6, 0.3, 0.1 → 1;  c: 0.6, 0.4 beat 0.1 ×3 → 1
    expect(m.per_class.a?.roc_auc).toBeCloseTo(5 / 6, 12);
    expect(m.per_class.b?.roc_auc).toBe(1);
    expect(m.per_class.c?.roc_auc).toBe(1);
    expect(m.roc_auc_ovr).toBeCloseTo((5 / 6 + 1 + 1) / 3, 12);
  });

  it("puts actual classes in rows and predicted classes in columns", () => {
    // every row is class 0 and every prediction class 1: the count lands at matrix[0][1]
    const m = classificationMetrics(
      Int32Array.from([0, 0, 0]),
      [0.2, 0.8, 0.3, 0.7, 0.4, 0.6],
      ["no", "yes"],
    );
    expect(m.confusion_matrix.matrix).toEqual([
      [0, 3],
      [0, 0],
    ]);
  });

  it("uses the predicted labels given instead of the argmax", () => {
    // argmax would say a, a, b, c, a; the labels say all a → only rows 0, 1 are right
    const m = classificationMetrics(actual, proba, classes, [0, 0, 0, 0, 0]);
    expect(m.accuracy).toBe(2 / 5);
    expect(m.confusion_matrix.matrix).toEqual([
      [2, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
    ]);
  });

  it("scores precision 0 for a class never predicted, and averages AUC only over classes that have one", () => {
    // class c is never predicted and never actual: p = r = f1 = 0, AUC undefined and left out of the mean
    const m = classificationMetrics([0, 1], [0.9, 0.1, 0, 0.2, 0.8, 0], classes);
    expect(m.per_class.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 0, roc_auc: null });
    expect(m.macro_f1).toBeCloseTo(2 / 3, 12);
    expect(m.roc_auc_ovr).toBe(1);
  });

  it("gives a perfect classifier accuracy 1, AUC 1 and a log loss of about 0", () => {
    const m = classificationMetrics([0, 1, 1, 0], [1, 0, 0, 1, 0, 1, 1, 0], ["x", "y"]);
    expect(m.accuracy).toBe(1);
    expect(m.roc_auc_ovr).toBe(1);
    expect(m.macro_f1).toBe(1);
    // probabilities are clipped to 1 − 1e-15, so the loss is −ln(1 − 1e-15) ≈ 1e-15, not exactly 0
    expect(m.log_loss).toBeGreaterThan(0);
    expect(m.log_loss).toBeLessThan(1e-14);
  });

  it("clips a zero probability for the true class to 1e-15 rather than returning Infinity", () => {
    const m = classificationMetrics([0, 1], [0, 1, 0, 1], ["x", "y"]);
    // row 0 contributes −ln(1e-15) ≈ 34.54, row 1 about 0
    expect(m.log_loss).toBeCloseTo(-Math.log(1e-15) / 2, 6);
  });

  it("gives a constant predictor AUC 0.5", () => {
    const m = classificationMetrics([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], ["x", "y"]);
    expect(m.roc_auc_ovr).toBe(0.5);
    expect(m.per_class.x?.roc_auc).toBe(0.5);
  });

  it("refuses a probability count that is not one row of k per actual value", () => {
    // three rows of actual values, two rows of probabilities
    const short = thrown(() => classificationMetrics([0, 1, 2], [0.5, 0.5, 0, 0, 0, 1], ["x", "y", "z"]));
    expect(short.code).toBe("usage");
    expect(short.message).toBe(
      "classification metrics: expected 3 rows of 3 probabilities (9 values, row-major), got 2 rows",
    );
    expect(thrown(() => classificationMetrics([0, 1], [0.5, 0.5, 0.5], ["x", "y"])).message).toBe(
      "classification metrics: expected 2 rows of 2 probabilities (4 values, row-major), got 3 values, not a whole number of rows",
    );
  });

  it("refuses a class index out of range in actual or predicted, naming the row", () => {
    expect(thrown(() => classificationMetrics([0, 3], [1, 0, 0, 1], ["x", "y"])).message).toBe(
      "classification metrics: expected actual to be a class index 0..1, got 3 at row 1",
    );
    expect(thrown(() => classificationMetrics([0, 1], [1, 0, 0, 1], ["x", "y"], [-1, 1])).message).toBe(
      "classification metrics: expected predicted to be a class index 0..1, got -1 at row 0",
    );
    expect(thrown(() => classificationMetrics([0.5, 1], [1, 0, 0, 1], ["x", "y"])).field).toBe("actual");
  });

  it("refuses empty input, a single class, a short predicted list and a NaN probability", () => {
    expect(thrown(() => classificationMetrics([], [], ["x", "y"])).message).toBe(
      "classification metrics: expected at least one row, got none",
    );
    expect(thrown(() => classificationMetrics([0], [1], ["x"])).message).toBe(
      "classification metrics: expected at least 2 classes, got 1",
    );
    expect(thrown(() => classificationMetrics([0, 1], [1, 0, 0, 1], ["x", "y"], [0])).message).toBe(
      "classification metrics: expected 2 predicted labels, one per row, got 1",
    );
    expect(thrown(() => classificationMetrics([0, 1], [1, 0, Number.NaN, 1], ["x", "y"])).message).toBe(
      "classification metrics: expected finite probabilities, got NaN at row 1, column 0",
    );
  });
});

describe("regressionPlots", () => {
  it("pairs every row and takes residual = actual − predicted", () => {
    const p = regressionPlots([1, 2], [1.5, 1]);
    expect(p.predicted_vs_actual).toEqual([
      { actual: 1, predicted: 1.5 },
      { actual: 2, predicted: 1 },
    ]);
    expect(p.residuals).toEqual([
      { predicted: 1.5, residual: -0.5 },
      { predicted: 1, residual: 1 },
    ]);
  });

  it("keeps evenly spaced rows when there are more than maxPoints, the same on every call", () => {
    const values = Array.from({ length: 10 }, (_, i) => i);
    // rows ⌊j·10/4⌋ for j = 0..3 → 0, 2, 5, 7
    const p = regressionPlots(values, values, { maxPoints: 4 });
    expect(p.predicted_vs_actual.map((r) => r.actual)).toEqual([0, 2, 5, 7]);
    expect(regressionPlots(values, values, { maxPoints: 4 })).toEqual(p);
    expect(regressionPlots(values, values, { maxPoints: 10 }).residuals).toHaveLength(10);
  });

  it("refuses mismatched lengths and a maxPoints that is not a positive integer", () => {
    expect(thrown(() => regressionPlots([1], [1, 2])).message).toBe(
      "regression plots: expected 1 predictions, one per row, got 2",
    );
    expect(thrown(() => regressionPlots([1], [1], { maxPoints: 0 })).message).toBe(
      "regression plots: expected maxPoints to be an integer >= 1, got 0",
    );
  });
});

describe("classificationPlots", () => {
  it("draws a one-vs-rest ROC curve with a point per distinct threshold, from (0, 0) to (1, 1)", () => {
    const { roc } = classificationPlots(actual, proba, classes);
    // class a, scores high to low: 0.7 P, 0.5 N, 0.3 P, 0.2 N, 0.1 N (2 positives, 3 negatives)
    expect(roc.a).toEqual([
      { fpr: 0, tpr: 0, threshold: null },
      { fpr: 0, tpr: 0.5, threshold: 0.7 },
      { fpr: 1 / 3, tpr: 0.5, threshold: 0.5 },
      { fpr: 1 / 3, tpr: 1, threshold: 0.3 },
      { fpr: 2 / 3, tpr: 1, threshold: 0.2 },
      { fpr: 1, tpr: 1, threshold: 0.1 },
    ]);
    // class c: the three rows tied at 0.1 make one point, not three
    expect(roc.c?.map((p) => p.threshold)).toEqual([null, 0.6, 0.4, 0.1]);
  });

  it("keeps every ROC curve non-decreasing and its area equal to the AUC, ties included", () => {
    // 40 rows, two classes, scores on a coarse grid so many rows tie
    const n = 40;
    const labels = Array.from({ length: n }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
    const p1 = labels.map((y, i) => Math.min(1, Math.round(((i % 5) / 5 + y * 0.3) * 10) / 10));
    const probs = p1.flatMap((p) => [1 - p, p]);
    const { roc } = classificationPlots(labels, probs, ["neg", "pos"]);
    const metrics = classificationMetrics(labels, probs, ["neg", "pos"]);
    for (const name of ["neg", "pos"]) {
      const curve = roc[name] as RocPoint[];
      expect(curve[0]).toEqual({ fpr: 0, tpr: 0, threshold: null });
      expect(curve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
      for (let i = 1; i < curve.length; i++) {
        const prev = curve[i - 1] as RocPoint;
        const cur = curve[i] as RocPoint;
        expect(cur.fpr).toBeGreaterThanOrEqual(prev.fpr);
        expect(cur.tpr).toBeGreaterThanOrEqual(prev.tpr);
        if (i > 1) expect(cur.threshold as number).toBeLessThan(prev.threshold as number);
      }
      expect(trapezoid(curve)).toBeCloseTo(metrics.per_class[name]?.roc_auc as number, 12);
    }
  });

  it("thins a long ROC curve to maxPoints, keeping its two ends", () => {
    const n = 50;
    const labels = Array.from({ length: n }, (_, i) => i % 2);
    const probs = Array.from({ length: n }, (_, i) => [1 - i / n, i / n]).flat();
    const curve = classificationPlots(labels, probs, ["x", "y"], { maxPoints: 5 }).roc.y as RocPoint[];
    expect(curve).toHaveLength(5);
    expect(curve[0]).toEqual({ fpr: 0, tpr: 0, threshold: null });
    expect(curve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });

  it("leaves the ROC curve empty for a class with no positives", () => {
    const { roc } = classificationPlots([0, 1], [0.9, 0.1, 0, 0.2, 0.8, 0], classes);
    expect(roc.c).toEqual([]);
    expect(roc.a?.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });

  it("bins calibration in equal widths, omits empty bins and puts a value on an edge in the lower bin", () => {
    const { calibration } = classificationPlots(actual, proba, classes, { bins: 2 });
    // class a scores by row: 0.7 P, 0.3 P, 0.2 N, 0.1 N, 0.5 N. Bins [0, 0.5] and (0.5, 1]; 0.5 goes low
    // as in scikit-learn's calibration_curve. Low: 0.3, 0.2, 0.1, 0.5 → mean 1.1/4, 1 positive of 4
    expect(calibration.a).toHaveLength(2);
    expect(calibration.a?.[0]?.mean_predicted).toBeCloseTo(1.1 / 4, 12);
    expect(calibration.a?.[0]).toMatchObject({ fraction_positive: 0.25, count: 4 });
    expect(calibration.a?.[1]).toEqual({ mean_predicted: 0.7, fraction_positive: 1, count: 1 });
    // class b scores 0.2, 0.6, 0.7, 0.3, 0.1; with the default 10 bins each lands alone
    const tenBins = classificationPlots(actual, proba, classes).calibration;
    expect(tenBins.b?.map((bin) => bin.count)).toEqual([1, 1, 1, 1, 1]);
    expect(tenBins.b?.map((bin) => bin.mean_predicted)).toEqual([0.1, 0.2, 0.3, 0.6, 0.7]);
    // class c has three rows at 0.1 in one bin, none positive
    expect(tenBins.c?.[0]).toMatchObject({ fraction_positive: 0, count: 3 });
    expect(tenBins.c?.[0]?.mean_predicted).toBeCloseTo(0.1, 12);
  });

  it("puts probabilities of exactly 0 and 1 in the first and last bins", () => {
    const { calibration } = classificationPlots([0, 1], [1, 0, 0, 1], ["x", "y"], { bins: 4 });
    expect(calibration.y).toEqual([
      { mean_predicted: 0, fraction_positive: 0, count: 1 },
      { mean_predicted: 1, fraction_positive: 1, count: 1 },
    ]);
  });

  it("refuses probabilities outside [0, 1], a bad bin count and mismatched rows", () => {
    expect(thrown(() => classificationPlots([0, 1], [1.2, -0.2, 0, 1], ["x", "y"])).message).toBe(
      "classification plots: expected probabilities in [0, 1], got 1.2 at row 0, column 0",
    );
    expect(thrown(() => classificationPlots([0, 1], [1, 0, 0, 1], ["x", "y"], { bins: 0 })).message).toBe(
      "classification plots: expected bins to be an integer >= 1, got 0",
    );
    expect(thrown(() => classificationPlots([0, 1, 1], [1, 0, 0, 1], ["x", "y"])).message).toBe(
      "classification plots: expected 3 rows of 2 probabilities (6 values, row-major), got 2 rows",
    );
  });
});
