import { describe, expect, it } from "vitest";
import { binFeatures, predictRaw, softmaxRows, trainGbdt } from "../src/train/gbdt.js";

/** A deterministic stream of numbers in [0, 1) (Park–Miller), so the data is the same every run. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

function friedman(n: number, p: number, seed: number): { X: Float32Array; y: Float64Array } {
  const next = numbers(seed);
  const X = new Float32Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) X[i * p + j] = Math.fround(next());
    const x = (j: number) => X[i * p + j] as number;
    y[i] = 10 * Math.sin(Math.PI * x(0) * x(1)) + 20 * (x(2) - 0.5) ** 2 + 10 * x(3) + 5 * x(4);
  }
  return { X, y };
}

const options = {
  objective: "regression" as const,
  nTrees: 60,
  maxDepth: 4,
  learningRate: 0.2,
  maxBins: 64,
  minSamplesLeaf: 10,
  l2Regularization: 0,
  seed: 1,
};

describe("histogram GBDT", () => {
  it("fits a nonlinear function far better than its mean, identically every time", () => {
    const { X, y } = friedman(3000, 6, 7);
    const model = trainGbdt(X, 3000, 6, y, 0, options);
    const raw = predictRaw(model, X, 3000);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    let sse = 0;
    let sst = 0;
    for (let i = 0; i < y.length; i++) {
      sse += ((y[i] as number) - (raw[i] as number)) ** 2;
      sst += ((y[i] as number) - mean) ** 2;
    }
    expect(Math.sqrt(sse / sst)).toBeLessThan(0.3);
    const again = trainGbdt(X, 3000, 6, y, 0, options);
    expect(again.trees.map((t) => Array.from(t.threshold))).toEqual(
      model.trees.map((t) => Array.from(t.threshold)),
    );
    expect(Array.from(predictRaw(again, X, 3000))).toEqual(Array.from(raw));
  });

  it("bins by training values: x <= upper[b] exactly when x falls in bins 0..b", () => {
    const { X } = friedman(2000, 3, 3);
    const { bins, upper } = binFeatures(X, 2000, 3, 32);
    for (let f = 0; f < 3; f++) {
      const edges = upper[f] as Float32Array;
      expect(edges.length).toBeLessThanOrEqual(32);
      for (let i = 0; i < 2000; i++) {
        const x = X[i * 3 + f] as number;
        const b = bins[f * 2000 + i] as number;
        expect(x <= (edges[b] as number)).toBe(true);
        if (b > 0) expect(x > (edges[b - 1] as number)).toBe(true);
      }
    }
  });

  it("never splits a constant feature and keeps min_samples_leaf rows in every leaf", () => {
    const n = 500;
    const next = numbers(5);
    const X = new Float32Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X[i * 2] = 4; // constant
      X[i * 2 + 1] = Math.fround(next());
      y[i] = (X[i * 2 + 1] as number) > 0.5 ? 1 : 0;
    }
    const model = trainGbdt(X, n, 2, y, 0, { ...options, nTrees: 5, minSamplesLeaf: 40 });
    for (const tree of model.trees) {
      for (const f of tree.feature) expect(f === -1 || f === 1).toBe(true);
      // Count the rows reaching each leaf.
      const counts = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        let node = 0;
        while ((tree.feature[node] as number) >= 0) {
          const x = X[i * 2 + (tree.feature[node] as number)] as number;
          node =
            x <= (tree.threshold[node] as number)
              ? (tree.left[node] as number)
              : (tree.right[node] as number);
        }
        counts.set(node, (counts.get(node) ?? 0) + 1);
      }
      for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(40);
    }
  });

  it("classifies three separable classes", () => {
    const n = 900;
    const next = numbers(9);
    const X = new Float32Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = i % 3;
      X[i * 2] = Math.fround(k * 2 + next());
      X[i * 2 + 1] = Math.fround(next());
      y[i] = k;
    }
    const model = trainGbdt(X, n, 2, y, 3, { ...options, objective: "classification", nTrees: 10 });
    expect(model.nOutputs).toBe(3);
    const proba = softmaxRows(predictRaw(model, X, n), 3);
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const row = [proba[i * 3], proba[i * 3 + 1], proba[i * 3 + 2]] as number[];
      if (row.indexOf(Math.max(...row)) === y[i]) correct++;
    }
    expect(correct / n).toBeGreaterThan(0.95);
  });
});
