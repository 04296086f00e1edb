import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calibrationCurve,
  classificationCurves,
  precisionRecallCurve,
  rocCurve,
  thinCurve,
} from "../src/evaluate/index.js";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

interface Case {
  y: number[];
  s: number[];
  bins?: number;
}

interface Reference {
  roc?: { fpr: number[]; tpr: number[]; thresholds: (number | null)[] };
  pr?: { precision: number[]; recall: number[]; thresholds: number[] };
  calibration?: { prob_true: number[]; prob_pred: number[] };
}

/** scikit-learn's curves for each case, from the pinned scikit-learn of the comparison venv. */
function sklearnCurves(cases: Case[]): Reference[] {
  const out = execFileSync(
    "sh",
    [
      "scripts/python/venv-run.sh",
      "scripts/compare/requirements.txt",
      "python3",
      "scripts/compare/sklearn-curves.py",
    ],
    // The first run builds the venv (numpy, scipy, scikit-learn from pinned wheels).
    { cwd: repoRoot, input: JSON.stringify(cases), encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 },
  );
  return JSON.parse(out) as Reference[];
}

/** A small seeded generator, so the cases are the same on every run and every machine. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function cases(): Case[] {
  const rand = lcg(21);
  const out: Case[] = [];
  for (const n of [1, 2, 3, 10, 57, 400]) {
    for (const rounding of [0, 1, 2]) {
      // Scores loosely follow the label; rounding to one or two decimals makes many ties.
      const y = Array.from({ length: n }, () => (rand() < 0.4 ? 1 : 0));
      const s = y.map((v) => {
        const raw = Math.min(1, Math.max(0, 0.3 * v + 0.7 * rand()));
        return rounding === 0 ? raw : Number(raw.toFixed(rounding));
      });
      out.push({ y, s, bins: [10, 5, 7][rounding] as number });
    }
  }
  // Scores exactly on the bin edges of 10 bins (0.3 is a known float trap), and the ends 0 and 1.
  const edges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  out.push({ y: edges.map((_, i) => i % 2), s: edges, bins: 10 });
  out.push({ y: edges.map((_, i) => (i < 6 ? 0 : 1)), s: edges, bins: 3 });
  // One class only: ROC is undefined, precision-recall only with positives, calibration always.
  out.push({ y: [1, 1, 1, 1], s: [0.2, 0.9, 0.9, 0.5], bins: 10 });
  out.push({ y: [0, 0, 0], s: [0.1, 0.1, 0.7], bins: 4 });
  // Every score tied.
  out.push({ y: [0, 1, 0, 1, 1], s: [0.5, 0.5, 0.5, 0.5, 0.5], bins: 10 });
  // Extreme but finite scores (ROC and precision-recall take any score; calibration takes [0, 1]).
  out.push({ y: [1, 0, 1, 0, 1, 0], s: [1e308, -1e308, 5e-324, 0, -5e-324, 1.7976931348623157e308] });
  out.push({ y: [0, 1, 1, 0], s: [1e-300, 2e-300, 1e-300, 3e-300] });
  return out;
}

const close = (got: number[], want: number[], what: string) => {
  expect(got.length, `${what}: length`).toBe(want.length);
  got.forEach((g, i) => {
    expect(Math.abs(g - (want[i] as number)), `${what}[${i}]`).toBeLessThanOrEqual(1e-9);
  });
};

describe("curves against scikit-learn", () => {
  it("ROC, precision-recall and calibration equal roc_curve, precision_recall_curve and calibration_curve to 1e-9", {
    timeout: 600_000,
  }, () => {
    const all = cases();
    const refs = sklearnCurves(all);
    expect(refs.length).toBe(all.length);
    let compared = 0;
    all.forEach((c, k) => {
      const ref = refs[k] as Reference;
      const positive = c.y.map((v) => v === 1);
      const roc = rocCurve(c.s, positive);
      if (ref.roc) {
        close(
          roc.map((p) => p.fpr),
          ref.roc.fpr,
          `case ${k} fpr`,
        );
        close(
          roc.map((p) => p.tpr),
          ref.roc.tpr,
          `case ${k} tpr`,
        );
        expect(roc.map((p) => p.threshold)).toEqual(ref.roc.thresholds);
        compared++;
      } else {
        expect(roc, `case ${k}: one class, no ROC`).toEqual([]);
      }
      const pr = precisionRecallCurve(c.s, positive);
      if (ref.pr) {
        // scikit-learn lists the curve from the lowest threshold up and ends at (recall 0, precision 1).
        const reversed = [...pr].reverse();
        close(
          reversed.map((p) => p.precision),
          ref.pr.precision,
          `case ${k} precision`,
        );
        close(
          reversed.map((p) => p.recall),
          ref.pr.recall,
          `case ${k} recall`,
        );
        expect(reversed.slice(0, -1).map((p) => p.threshold)).toEqual(ref.pr.thresholds);
        compared++;
      } else {
        expect(pr, `case ${k}: no positives, no precision-recall`).toEqual([]);
      }
      if (ref.calibration && c.bins !== undefined) {
        const cal = calibrationCurve(c.s, positive, c.bins);
        close(
          cal.map((b) => b.fraction_positive),
          ref.calibration.prob_true,
          `case ${k} prob_true`,
        );
        close(
          cal.map((b) => b.mean_predicted),
          ref.calibration.prob_pred,
          `case ${k} prob_pred`,
        );
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(50);
  });
});

/** Scores with many ties and extreme magnitudes, and labels that are sometimes all one class. */
const scored = fc
  .array(
    fc.record({
      s: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, 0.5, 1, -0, 5e-324, 1e308, -1e308),
        fc.integer({ min: 0, max: 4 }).map((v) => v / 4),
      ),
      y: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .chain((rows) =>
    fc.constantFrom("mixed", "all positive", "all negative").map((labels) => ({
      s: rows.map((r) => r.s),
      positive: rows.map((r) => (labels === "mixed" ? r.y : labels === "all positive")),
    })),
  );

const fuzz = { seed: 21, numRuns: 2000, interruptAfterTimeLimit: 30_000 };

describe("curves under generated scores", () => {
  it("ROC starts at (0, 0), ends at (1, 1), never steps back, and thresholds fall", () => {
    fc.assert(
      fc.property(scored, ({ s, positive }) => {
        const roc = rocCurve(s, positive);
        const p = positive.filter(Boolean).length;
        if (p === 0 || p === s.length) {
          expect(roc).toEqual([]);
          return;
        }
        expect(roc[0]).toEqual({ fpr: 0, tpr: 0, threshold: null });
        expect(roc.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
        expect(roc.length).toBe(new Set(s.map((v) => (Object.is(v, -0) ? 0 : v))).size + 1);
        for (let i = 1; i < roc.length; i++) {
          const [a, b] = [roc[i - 1], roc[i]] as [(typeof roc)[0], (typeof roc)[0]];
          expect(b.fpr).toBeGreaterThanOrEqual(a.fpr);
          expect(b.tpr).toBeGreaterThanOrEqual(a.tpr);
          if (a.threshold !== null) expect(b.threshold as number).toBeLessThan(a.threshold);
        }
      }),
      fuzz,
    );
  });

  it("precision-recall: recall rises from 0 to 1, precision stays in [0, 1] and ends at the positive share", () => {
    fc.assert(
      fc.property(scored, ({ s, positive }) => {
        const pr = precisionRecallCurve(s, positive);
        const p = positive.filter(Boolean).length;
        if (p === 0) {
          expect(pr).toEqual([]);
          return;
        }
        expect(pr[0]).toEqual({ recall: 0, precision: 1, threshold: null });
        const last = pr.at(-1);
        expect(last?.recall).toBe(1);
        expect(last?.precision).toBeCloseTo(p / s.length, 12);
        for (let i = 1; i < pr.length; i++) {
          const point = pr[i] as (typeof pr)[0];
          expect(point.recall).toBeGreaterThanOrEqual((pr[i - 1] as (typeof pr)[0]).recall);
          expect(point.precision).toBeGreaterThanOrEqual(0);
          expect(point.precision).toBeLessThanOrEqual(1);
        }
      }),
      fuzz,
    );
  });

  it("calibration bins hold every row once, in ascending bins, each mean inside its bin", () => {
    const probability = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0, 1, 0.1, 0.3, 0.7, 5e-324, 1 - 2 ** -53),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(probability, fc.boolean()), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        (rows, bins) => {
          const s = rows.map((r) => r[0]);
          const positive = rows.map((r) => r[1]);
          const cal = calibrationCurve(s, positive, bins);
          expect(cal.reduce((sum, b) => sum + b.count, 0)).toBe(rows.length);
          for (let i = 0; i < cal.length; i++) {
            const b = cal[i] as (typeof cal)[0];
            expect(b.fraction_positive).toBeGreaterThanOrEqual(0);
            expect(b.fraction_positive).toBeLessThanOrEqual(1);
            expect(b.mean_predicted).toBeGreaterThanOrEqual(0);
            expect(b.mean_predicted).toBeLessThanOrEqual(1);
            if (i > 0)
              expect(b.mean_predicted).toBeGreaterThanOrEqual((cal[i - 1] as (typeof cal)[0]).mean_predicted);
          }
        },
      ),
      fuzz,
    );
  });

  it("per-class curves of any probability table: one set per class, thinned to the cap with both ends kept", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((k) =>
          fc.record({
            k: fc.constant(k),
            rows: fc.array(
              fc.tuple(
                fc.integer({ min: 0, max: k - 1 }),
                fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }),
              ),
              { minLength: 1, maxLength: 80 },
            ),
            maxPoints: fc.integer({ min: 2, max: 30 }),
          }),
        ),
        ({ k, rows, maxPoints }) => {
          const classes = Array.from({ length: k }, (_, c) => `c${c}`);
          const curves = classificationCurves(
            rows.map((r) => r[0]),
            rows.flatMap((r) => r[1]),
            classes,
            { maxPoints },
          );
          expect(Object.keys(curves)).toEqual(classes);
          for (const c of Object.values(curves)) {
            expect(c.roc.length).toBeLessThanOrEqual(maxPoints);
            expect(c.precision_recall.length).toBeLessThanOrEqual(maxPoints);
            if (c.precision_recall.length) expect(c.precision_recall.at(-1)?.recall).toBe(1);
            if (c.roc.length) expect(c.roc.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
          }
        },
      ),
      fuzz,
    );
    expect(thinCurve([1, 2, 3, 4, 5], 2)).toEqual([1, 5]);
  });
});
