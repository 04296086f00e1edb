/**
 * Histogram-based gradient-boosted decision trees, grown depth-wise, in the manner of LightGBM and
 * scikit-learn's HistGradientBoosting: features are bucketed once into at most 255 bins, each node
 * sums gradients per bin, and a sibling's histogram is its parent's minus the other child's.
 */

export interface GbdtOptions {
  objective: "regression" | "classification";
  nTrees: number;
  maxDepth: number;
  learningRate: number;
  maxBins: number;
  minSamplesLeaf: number;
  l2Regularization: number;
  /** Recorded for reproducibility; training uses no randomness (no row or feature sampling). */
  seed: number;
}

/** One tree in flat arrays; node 0 is the root. */
export interface Tree {
  /** Feature of the split, -1 for a leaf. */
  feature: Int32Array;
  /** Rows with `x <= threshold` go left; the threshold is a float32 value seen in training. */
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf values, learning rate already applied. */
  value: Float64Array;
  /** The output (class) this tree adds to. */
  target: number;
}

/** Classification always has one output (and one tree per round) per class, softmax on top. */
export interface GbdtModel {
  objective: "regression" | "classification";
  nFeatures: number;
  nOutputs: number;
  baseScores: number[];
  trees: Tree[];
}

interface Binned {
  /** Column-major: bins[f * n + i]. */
  bins: Uint8Array;
  /** upper[f][b]: the largest training value in bin b of feature f (float32). */
  upper: Float32Array[];
}

function upperBound(sorted: Float32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= (sorted[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Distinct values become bins while they fit; beyond that, bins hold roughly equal row counts. */
export function binFeatures(X: Float32Array, n: number, p: number, maxBins: number): Binned {
  const bins = new Uint8Array(n * p);
  const upper: Float32Array[] = [];
  const column = new Float32Array(n);
  for (let f = 0; f < p; f++) {
    for (let i = 0; i < n; i++) column[i] = X[i * p + f] as number;
    const sorted = Float32Array.from(column).sort();
    const distinct: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = sorted[i] as number;
      if (distinct.length === 0 || v !== distinct[distinct.length - 1]) {
        distinct.push(v);
        counts.push(1);
      } else counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    }
    let edges: number[];
    if (distinct.length <= maxBins) edges = distinct;
    else {
      edges = [];
      const perBin = n / maxBins;
      let seen = 0;
      let nextCut = perBin;
      for (let d = 0; d < distinct.length; d++) {
        seen += counts[d] as number;
        const last = d === distinct.length - 1;
        if (last || (seen >= nextCut && edges.length < maxBins - 1)) {
          edges.push(distinct[d] as number);
          while (nextCut <= seen) nextCut += perBin;
        }
      }
    }
    const ub = Float32Array.from(edges);
    upper.push(ub);
    for (let i = 0; i < n; i++) bins[f * n + i] = upperBound(ub, column[i] as number);
  }
  return { bins, upper };
}

const BINS = 256;

interface GrowContext {
  n: number;
  p: number;
  binned: Binned;
  grad: Float64Array;
  hess: Float64Array;
  rows: Uint32Array;
  scratch: Uint32Array;
  options: GbdtOptions;
}

interface Histogram {
  g: Float64Array;
  h: Float64Array;
  c: Float64Array;
}

function newHistogram(p: number): Histogram {
  return { g: new Float64Array(p * BINS), h: new Float64Array(p * BINS), c: new Float64Array(p * BINS) };
}

function buildHistogram(ctx: GrowContext, start: number, end: number, hist: Histogram): void {
  const { n, p, binned, grad, hess, rows } = ctx;
  const { g, h, c } = hist;
  g.fill(0);
  h.fill(0);
  c.fill(0);
  for (let f = 0; f < p; f++) {
    const base = f * n;
    const off = f * BINS;
    for (let r = start; r < end; r++) {
      const i = rows[r] as number;
      const b = off + (binned.bins[base + i] as number);
      g[b] = (g[b] as number) + (grad[i] as number);
      h[b] = (h[b] as number) + (hess[i] as number);
      c[b] = (c[b] as number) + 1;
    }
  }
}

function subtract(parent: Histogram, child: Histogram, out: Histogram): void {
  for (let k = 0; k < parent.g.length; k++) {
    out.g[k] = (parent.g[k] as number) - (child.g[k] as number);
    out.h[k] = (parent.h[k] as number) - (child.h[k] as number);
    out.c[k] = (parent.c[k] as number) - (child.c[k] as number);
  }
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
}

function bestSplit(
  ctx: GrowContext,
  hist: Histogram,
  G: number,
  H: number,
  count: number,
): Split | undefined {
  const { p, binned, options } = ctx;
  const lambda = options.l2Regularization;
  const minLeaf = options.minSamplesLeaf;
  const parentScore = (G * G) / (H + lambda);
  let best: Split | undefined;
  for (let f = 0; f < p; f++) {
    const nb = (binned.upper[f] as Float32Array).length;
    if (nb < 2) continue;
    const off = f * BINS;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += hist.g[off + b] as number;
      hl += hist.h[off + b] as number;
      cl += hist.c[off + b] as number;
      if (cl < minLeaf) continue;
      const cr = count - cl;
      if (cr < minLeaf) break;
      const gr = G - gl;
      const hr = H - hl;
      if (hl <= 1e-12 || hr <= 1e-12) continue;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
      if (gain > 1e-12 && (best === undefined || gain > best.gain)) best = { feature: f, bin: b, gain };
    }
  }
  return best;
}

/** Moves the rows going left to the front of [start, end), keeping their order; returns the split point. */
function partition(ctx: GrowContext, start: number, end: number, feature: number, bin: number): number {
  const { rows, scratch, binned, n } = ctx;
  const base = feature * n;
  let l = start;
  let r = 0;
  for (let k = start; k < end; k++) {
    const i = rows[k] as number;
    if ((binned.bins[base + i] as number) <= bin) rows[l++] = i;
    else scratch[r++] = i;
  }
  for (let k = 0; k < r; k++) rows[l + k] = scratch[k] as number;
  return l;
}

interface NodeWork {
  id: number;
  start: number;
  end: number;
  depth: number;
  hist: Histogram;
  G: number;
  H: number;
}

function growTree(ctx: GrowContext, target: number, raw: Float64Array, nOutputs: number): Tree {
  const { n, p, options } = ctx;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const addNode = () => {
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(0);
    return feature.length - 1;
  };
  for (let i = 0; i < n; i++) ctx.rows[i] = i;
  const rootHist = newHistogram(p);
  buildHistogram(ctx, 0, n, rootHist);
  let G = 0;
  let H = 0;
  for (let i = 0; i < n; i++) {
    G += ctx.grad[i] as number;
    H += ctx.hess[i] as number;
  }
  const lambda = options.l2Regularization;
  const makeLeaf = (w: NodeWork) => {
    const v = (-w.G / (w.H + lambda)) * options.learningRate;
    value[w.id] = Number.isFinite(v) ? v : 0;
    for (let k = w.start; k < w.end; k++) {
      const i = ctx.rows[k] as number;
      raw[i * nOutputs + target] = (raw[i * nOutputs + target] as number) + (value[w.id] as number);
    }
  };
  let level: NodeWork[] = [{ id: addNode(), start: 0, end: n, depth: 0, hist: rootHist, G, H }];
  while (level.length > 0) {
    const next: NodeWork[] = [];
    for (const w of level) {
      const count = w.end - w.start;
      const split =
        w.depth < options.maxDepth && count >= 2 * options.minSamplesLeaf
          ? bestSplit(ctx, w.hist, w.G, w.H, count)
          : undefined;
      if (!split) {
        makeLeaf(w);
        continue;
      }
      const mid = partition(ctx, w.start, w.end, split.feature, split.bin);
      feature[w.id] = split.feature;
      threshold[w.id] = (ctx.binned.upper[split.feature] as Float32Array)[split.bin] as number;
      const l = addNode();
      const r = addNode();
      left[w.id] = l;
      right[w.id] = r;
      const leftCount = mid - w.start;
      const rightCount = w.end - mid;
      const small = newHistogram(p);
      const large = newHistogram(p);
      const leftSmaller = leftCount <= rightCount;
      if (leftSmaller) buildHistogram(ctx, w.start, mid, small);
      else buildHistogram(ctx, mid, w.end, small);
      subtract(w.hist, small, large);
      const lh = leftSmaller ? small : large;
      const rh = leftSmaller ? large : small;
      let gl = 0;
      let hl = 0;
      for (let k = w.start; k < mid; k++) {
        const i = ctx.rows[k] as number;
        gl += ctx.grad[i] as number;
        hl += ctx.hess[i] as number;
      }
      next.push({ id: l, start: w.start, end: mid, depth: w.depth + 1, hist: lh, G: gl, H: hl });
      next.push({ id: r, start: mid, end: w.end, depth: w.depth + 1, hist: rh, G: w.G - gl, H: w.H - hl });
    }
    level = next;
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float32Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    target,
  };
}

/**
 * Trains the ensemble. `y` holds targets (regression) or class indices 0..nClasses-1. Everything is
 * deterministic: the same inputs give the same trees, bit for bit.
 */
export function trainGbdt(
  X: Float32Array,
  n: number,
  p: number,
  y: Float64Array,
  nClasses: number,
  options: GbdtOptions,
  onProgress?: (round: number) => void,
): GbdtModel {
  const binned = binFeatures(X, n, p, Math.min(255, options.maxBins));
  const nOutputs = options.objective === "regression" ? 1 : nClasses;
  const baseScores: number[] = [];
  if (options.objective === "regression") {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += y[i] as number;
    baseScores.push(n > 0 ? sum / n : 0);
  } else {
    const counts = new Float64Array(nClasses);
    for (let i = 0; i < n; i++) counts[y[i] as number] = (counts[y[i] as number] as number) + 1;
    for (let k = 0; k < nClasses; k++)
      baseScores.push(Math.log(Math.max(counts[k] as number, 1) / Math.max(n, 1)));
  }
  const raw = new Float64Array(n * nOutputs);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < nOutputs; k++) raw[i * nOutputs + k] = baseScores[k] as number;
  const ctx: GrowContext = {
    n,
    p,
    binned,
    grad: new Float64Array(n),
    hess: new Float64Array(n),
    rows: new Uint32Array(n),
    scratch: new Uint32Array(n),
    options,
  };
  const trees: Tree[] = [];
  const prob = new Float64Array(n * nOutputs);
  for (let round = 0; round < options.nTrees; round++) {
    if (options.objective === "regression") {
      for (let i = 0; i < n; i++) {
        ctx.grad[i] = (raw[i] as number) - (y[i] as number);
        ctx.hess[i] = 1;
      }
      trees.push(growTree(ctx, 0, raw, 1));
    } else {
      prob.set(raw);
      softmaxRows(prob, nOutputs);
      for (let k = 0; k < nOutputs; k++) {
        for (let i = 0; i < n; i++) {
          const pk = prob[i * nOutputs + k] as number;
          ctx.grad[i] = pk - (y[i] === k ? 1 : 0);
          ctx.hess[i] = Math.max(pk * (1 - pk), 1e-16);
        }
        trees.push(growTree(ctx, k, raw, nOutputs));
      }
    }
    onProgress?.(round + 1);
  }
  return { objective: options.objective, nFeatures: p, nOutputs, baseScores, trees };
}

/** Raw scores (base plus the sum of leaves), row-major n × nOutputs, walking the float32 thresholds. */
export function predictRaw(model: GbdtModel, X: Float32Array, n: number): Float64Array {
  const k = model.nOutputs;
  const p = model.nFeatures;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) out[i * k + c] = model.baseScores[c] as number;
  for (const tree of model.trees) {
    for (let i = 0; i < n; i++) {
      let node = 0;
      while ((tree.feature[node] as number) >= 0) {
        const x = X[i * p + (tree.feature[node] as number)] as number;
        node =
          x <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
      }
      out[i * k + tree.target] = (out[i * k + tree.target] as number) + (tree.value[node] as number);
    }
  }
  return out;
}

export function softmaxRows(scores: Float64Array, k: number): Float64Array {
  for (let i = 0; i < scores.length; i += k) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, scores[i + c] as number);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp((scores[i + c] as number) - max);
      scores[i + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) scores[i + c] = (scores[i + c] as number) / sum;
  }
  return scores;
}
