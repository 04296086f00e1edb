import { describe, expect, it } from "vitest";
import {
  binFeatures,
  fitGbdt,
  type GbdtModel,
  type GbdtOptions,
  predictRaw,
  softmaxRows,
  type Tree,
  trainGbdt,
} from "../src/train/gbdt.js";

/** A small seeded generator so the synthetic data is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const regression: GbdtOptions = {
  objective: "regression",
  nTrees: 60,
  maxDepth: 5,
  learningRate: 0.2,
  maxBins: 255,
  minSamplesLeaf: 10,
  l2Regularization: 1,
  seed: 0,
};

/** n rows of p >= 4 uniform features in [-1, 1] and a nonlinear target with a little noise. */
function nonlinearData(n: number, p: number, seed: number) {
  expect(p).toBeGreaterThanOrEqual(4);
  const random = mulberry32(seed);
  const X = new Float32Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < p; f++) X[i * p + f] = random() * 2 - 1;
    const x = (f: number) => X[i * p + f] as number;
    y[i] = Math.sin(3 * x(0)) + x(1) * x(1) + 2 * x(2) * x(3) + 0.05 * (random() - 0.5);
  }
  return { X, y };
}

/** Three Gaussian blobs in 2-D, far enough apart to separate. */
function blobs(n: number, seed: number) {
  const random = mulberry32(seed);
  const centres = [
    [0, 0],
    [3, 3],
    [-3, 3],
  ];
  const X = new Float32Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    const c = centres[k] as number[];
    X[i * 2] = (c[0] as number) + (random() - 0.5) * 2;
    X[i * 2 + 1] = (c[1] as number) + (random() - 0.5) * 2;
    y[i] = k;
  }
  return { X, y };
}

function leafOf(tree: Tree, X: Float32Array, p: number, i: number): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const x = X[i * p + (tree.feature[node] as number)] as number;
    node = x <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
  }
  return node;
}

function splitFeatures(model: GbdtModel): Set<number> {
  const used = new Set<number>();
  for (const tree of model.trees) for (const f of tree.feature) if (f >= 0) used.add(f);
  return used;
}

describe("trainGbdt", () => {
  it("fits a nonlinear regression function far better than the mean", () => {
    const n = 4000;
    const p = 5;
    const { X, y } = nonlinearData(n, p, 1);
    const model = trainGbdt(X, n, p, y, 0, regression);
    const pred = predictRaw(model, X, n);
    let mean = 0;
    for (const v of y) mean += v / n;
    let variance = 0;
    let squaredError = 0;
    for (let i = 0; i < n; i++) {
      variance += ((y[i] as number) - mean) ** 2 / n;
      squaredError += ((y[i] as number) - (pred[i] as number)) ** 2 / n;
    }
    expect(model.nOutputs).toBe(1);
    expect(model.baseScores[0]).toBeCloseTo(mean, 12);
    expect(model.trees).toHaveLength(regression.nTrees);
    expect(Math.sqrt(squaredError)).toBeLessThan(0.3 * Math.sqrt(variance));
  });

  it("separates three classes with one tree per class and round, and softmax probabilities", () => {
    const n = 900;
    const { X, y } = blobs(n, 2);
    const options: GbdtOptions = { ...regression, objective: "classification", nTrees: 20, maxDepth: 3 };
    const model = trainGbdt(X, n, 2, y, 3, options);
    expect(model.nOutputs).toBe(3);
    expect(model.trees).toHaveLength(3 * options.nTrees);
    expect(model.trees.map((t) => t.target).slice(0, 6)).toEqual([0, 1, 2, 0, 1, 2]);
    const prob = softmaxRows(predictRaw(model, X, n), 3);
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const row = [prob[i * 3], prob[i * 3 + 1], prob[i * 3 + 2]] as number[];
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      if (row.indexOf(Math.max(...row)) === y[i]) correct++;
    }
    expect(correct / n).toBeGreaterThan(0.95);
  });

  it("binary classification keeps two outputs whose softmax is the class probability", () => {
    // Fewer distinct values than bins, so the class boundary falls between two bins.
    const n = 240;
    const random = mulberry32(3);
    const X = new Float32Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X[i] = random();
      y[i] = (X[i] as number) > 0.5 ? 1 : 0;
    }
    const model = trainGbdt(X, n, 1, y, 2, { ...regression, objective: "classification", nTrees: 10 });
    expect(model.nOutputs).toBe(2);
    expect(model.baseScores[0]).toBeCloseTo(Math.log(y.filter((v) => v === 0).length / n), 12);
    const prob = softmaxRows(predictRaw(model, X, n), 2);
    for (let i = 0; i < n; i++) expect((prob[i * 2 + 1] as number) > 0.5).toBe(y[i] === 1);
  });

  it("routes every training row by its float32 thresholds exactly as the binned trees did", () => {
    // Ties, a heavy value, values one float32 ulp apart and more distinct values than bins: the
    // cases where a threshold between bins could disagree with the bins.
    const n = 3000;
    const p = 4;
    const random = mulberry32(4);
    const X = new Float32Array(n * p);
    const y = new Float64Array(n);
    const ulp = Math.fround(1 + 2 ** -23);
    for (let i = 0; i < n; i++) {
      X[i * p] = random() * 1e6 - 5e5;
      X[i * p + 1] = i % 7 === 0 ? 0.1 : Math.round(random() * 40) / 8;
      X[i * p + 2] = random() < 0.5 ? 1 : ulp;
      X[i * p + 3] = i % 2 === 0 ? -0 : random() - 0.5;
      y[i] =
        Math.sin((X[i * p] as number) / 1e5) +
        (X[i * p + 1] as number) +
        ((X[i * p + 2] as number) > 1 ? 3 : 0);
    }
    for (const maxBins of [255, 16, 2]) {
      const { model, trainScores } = fitGbdt(X, n, p, y, 0, { ...regression, maxBins, minSamplesLeaf: 1 });
      const pred = predictRaw(model, X, n);
      for (let i = 0; i < n; i++) expect(pred[i]).toBe(trainScores[i]);
    }
    const { model, trainScores } = fitGbdt(
      X,
      n,
      p,
      Float64Array.from(y, (v) => (v > 2 ? 1 : 0)),
      2,
      {
        ...regression,
        objective: "classification",
        minSamplesLeaf: 1,
      },
    );
    const pred = predictRaw(model, X, n);
    for (let i = 0; i < 2 * n; i++) expect(pred[i]).toBe(trainScores[i]);
  });

  it("bins so that bin <= b exactly when x <= the bin's upper edge", () => {
    const n = 2000;
    const p = 2;
    const random = mulberry32(5);
    const X = Float32Array.from({ length: n * p }, (_, k) =>
      k % 2 === 0 ? random() : Math.floor(random() * 5),
    );
    const { bins, upper } = binFeatures(X, n, p, 32);
    expect(upper[0]).toHaveLength(32);
    expect(upper[1]).toHaveLength(5);
    for (let f = 0; f < p; f++) {
      const edges = upper[f] as Float32Array;
      for (let i = 0; i < n; i++) {
        const b = bins[f * n + i] as number;
        const x = X[i * p + f] as number;
        expect(x <= (edges[b] as number)).toBe(true);
        if (b > 0) expect(x > (edges[b - 1] as number)).toBe(true);
      }
    }
  });

  it("gives the same model, bit for bit, for the same inputs", () => {
    const n = 2000;
    const p = 4;
    const { X, y } = nonlinearData(n, p, 6);
    const a = trainGbdt(X, n, p, y, 0, regression);
    const b = trainGbdt(X, n, p, y, 0, regression);
    expect(b).toEqual(a);
    const labels = Float64Array.from(y, (v) => (v < 0 ? 0 : v < 1 ? 1 : 2));
    const options: GbdtOptions = { ...regression, objective: "classification", nTrees: 5 };
    expect(trainGbdt(X, n, p, labels, 3, options)).toEqual(trainGbdt(X, n, p, labels, 3, options));
  });

  it("leaves at least minSamplesLeaf training rows in every leaf", () => {
    const n = 1500;
    const p = 4;
    const { X, y } = nonlinearData(n, p, 7);
    const minSamplesLeaf = 40;
    const model = trainGbdt(X, n, p, y, 0, { ...regression, nTrees: 10, maxDepth: 8, minSamplesLeaf });
    for (const tree of model.trees) {
      const counts = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const leaf = leafOf(tree, X, p, i);
        counts.set(leaf, (counts.get(leaf) ?? 0) + 1);
      }
      const leaves = [...tree.feature.keys()].filter((node) => (tree.feature[node] as number) < 0);
      expect(tree.feature.length).toBeGreaterThan(1);
      for (const leaf of leaves) expect(counts.get(leaf) ?? 0).toBeGreaterThanOrEqual(minSamplesLeaf);
    }
  });

  it("never splits on a feature with a single value", () => {
    const n = 1000;
    const p = 4;
    const { X, y } = nonlinearData(n, p, 8);
    for (let i = 0; i < n; i++) X[i * p + 1] = 2.5;
    const model = trainGbdt(X, n, p, y, 0, { ...regression, minSamplesLeaf: 1 });
    const used = splitFeatures(model);
    expect(used.has(1)).toBe(false);
    expect(used.has(0)).toBe(true);
  });

  it("stops at a leaf when no split has positive gain, and reports each round", () => {
    const n = 100;
    const X = Float32Array.from({ length: n }, (_, i) => i);
    const y = new Float64Array(n).fill(4);
    const rounds: number[] = [];
    const model = trainGbdt(X, n, 1, y, 0, { ...regression, nTrees: 3 }, (round) => rounds.push(round));
    expect(rounds).toEqual([1, 2, 3]);
    for (const tree of model.trees) {
      expect(Array.from(tree.feature)).toEqual([-1]);
      expect(tree.value[0]).toBe(0);
    }
    expect(Array.from(predictRaw(model, X, n))).toEqual(Array.from(y));
  });

  it("respects maxDepth", () => {
    const n = 2000;
    const p = 4;
    const { X, y } = nonlinearData(n, p, 9);
    const model = trainGbdt(X, n, p, y, 0, { ...regression, nTrees: 5, maxDepth: 2, minSamplesLeaf: 1 });
    for (const tree of model.trees) {
      const depthOf = new Int32Array(tree.feature.length);
      for (let node = 0; node < tree.feature.length; node++) {
        if ((tree.feature[node] as number) < 0) continue;
        depthOf[tree.left[node] as number] = (depthOf[node] as number) + 1;
        depthOf[tree.right[node] as number] = (depthOf[node] as number) + 1;
      }
      expect(Math.max(...depthOf)).toBe(2);
    }
  });
});
