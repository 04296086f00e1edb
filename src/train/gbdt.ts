import { gbdtThreads, HistogramHelper } from "./gbdt-threads.js";

/**
 * Histogram-based gradient-boosted decision trees, grown depth-wise, in the manner of LightGBM and
 * scikit-learn's HistGradientBoosting: features are bucketed once into at most 255 bins, each node
 * sums gradients per bin, and a sibling's histogram is its parent's minus the other child's.
 *
 * Thresholds are float32 values seen in training (the largest value of a bin), so the binned
 * decision `bin <= b` made while growing equals `x <= threshold` on the raw float32 feature for
 * every training row: an ONNX TreeEnsemble (BRANCH_LEQ, float32) takes the same branches.
 */

export interface GbdtOptions {
  objective: "regression" | "classification";
  nTrees: number;
  maxDepth: number;
  learningRate: number;
  /** At most 255. */
  maxBins: number;
  minSamplesLeaf: number;
  l2Regularization: number;
  /** Recorded for reproducibility; training uses no randomness (no row or feature sampling). */
  seed: number;
  /**
   * Threads for histograms (1 or 2); by default MLOPS_THREADS, else two on a multi-core machine for
   * large data. The trees are the same bit for bit whatever the number.
   */
  threads?: number;
}

/** One tree in flat arrays; node 0 is the root. */
export interface Tree {
  /** Feature of the split, -1 for a leaf. */
  feature: Int32Array;
  /** Rows with `x <= threshold` go left; the threshold is a float32 value seen in training. */
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf values, learning rate already applied; 0 for internal nodes. */
  value: Float64Array;
  /** The output (class) this tree adds to. */
  target: number;
}

/**
 * Regression has one output. Classification always has one output per class (K outputs, K trees
 * per round, softmax on top), binary included: probabilities are `softmaxRows(raw, K)`.
 */
export interface GbdtModel {
  objective: "regression" | "classification";
  nFeatures: number;
  nOutputs: number;
  baseScores: number[];
  trees: Tree[];
}

export interface Binned {
  /** Column-major: bins[f * n + i]. */
  bins: Uint8Array;
  /** upper[f][b]: the largest training value in bin b of feature f (float32). */
  upper: Float32Array[];
}

/** First index whose value is >= `value`; `sorted` ends with the largest value so it always exists. */
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

/**
 * Distinct values become bins while they fit; beyond that, bins hold roughly equal row counts. Each
 * bin's upper edge is a training value, so `bin(x) <= b` iff `x <= upper[b]` for every training x.
 */
export function binFeatures(X: Float32Array, n: number, p: number, maxBins: number): Binned {
  const limit = Math.max(2, Math.min(255, Math.floor(maxBins)));
  const bins = new Uint8Array(n * p);
  const upper: Float32Array[] = [];
  const column = new Float32Array(n);
  const sorted = new Float32Array(n);
  for (let f = 0; f < p; f++) {
    for (let i = 0; i < n; i++) column[i] = X[i * p + f] as number;
    sorted.set(column);
    sorted.sort();
    // -0 and +0 compare equal, so they share a bin, as they do under `x <= threshold`.
    let nDistinct = n > 0 ? 1 : 0;
    for (let i = 1; i < n; i++) if ((sorted[i] as number) !== (sorted[i - 1] as number)) nDistinct++;
    const edges: number[] = [];
    const perBin = nDistinct <= limit ? 0 : n / limit;
    let nextCut = perBin;
    for (let i = 0; i < n; i++) {
      const v = sorted[i] as number;
      const last = i === n - 1;
      if (!last && v === (sorted[i + 1] as number)) continue;
      // i ends a run of equal values: i + 1 rows are at or below v.
      const seen = i + 1;
      if (perBin === 0 || last || (seen >= nextCut && edges.length < limit - 1)) {
        edges.push(v);
        while (perBin > 0 && nextCut <= seen) nextCut += perBin;
      }
    }
    const ub = Float32Array.from(edges);
    upper.push(ub);
    const base = f * n;
    for (let i = 0; i < n; i++) bins[base + i] = upperBound(ub, column[i] as number);
  }
  return { bins, upper };
}

/** What the histogram loops read: the same fields in the main thread and in the helper. */
export interface HistogramInputs {
  n: number;
  bins: Uint8Array;
  offset: Int32Array;
  stride: 2 | 3;
  rows: Uint32Array;
  /** Gradients (and hessians) gathered in `rows` order, so histogram loops read them sequentially. */
  orderedGrad: Float64Array;
  orderedHess: Float64Array;
}

/**
 * Everything one tree needs while it grows. Histograms are flat Float64Arrays, feature f's bin b at
 * `(offset[f] + b) * stride`, holding [gradient, count] when every hessian is 1 (squared error) and
 * [gradient, count, hessian] otherwise.
 */
interface Grower extends HistogramInputs {
  p: number;
  upper: Float32Array[];
  nBins: Int32Array;
  histSize: number;
  grad: Float64Array;
  hess: Float64Array;
  scratch: Uint32Array;
  pool: Float64Array[];
  /** Histogram memory the helper thread can also write, and the helper; absent on one thread. */
  helper: HistogramHelper | undefined;
  lambda: number;
  minLeaf: number;
  maxDepth: number;
  learningRate: number;
}

function takeHistogram(g: Grower): Float64Array {
  const h = g.pool.pop();
  if (h) {
    h.fill(0);
    return h;
  }
  return g.helper?.allocate() ?? new Float64Array(g.histSize);
}

/**
 * Sums gradients per bin over rows[start, end). With a helper thread (gbdt-threads.ts) and enough
 * rows, the features are split between the two threads: each feature's bins still add their rows
 * in the same order, so the histogram is bit for bit what one thread makes.
 */
function buildHistogram(g: Grower, start: number, end: number, hist: Float64Array): void {
  const { p, rows, grad, hess, orderedGrad, orderedHess } = g;
  if (g.stride === 2) {
    for (let k = start; k < end; k++) orderedGrad[k] = grad[rows[k] as number] as number;
  } else {
    for (let k = start; k < end; k++) {
      const i = rows[k] as number;
      orderedGrad[k] = grad[i] as number;
      orderedHess[k] = hess[i] as number;
    }
  }
  const helper = g.helper;
  if (helper && end - start >= parallelMinRows && helper.holds(hist)) {
    // The helper takes the later half; the main thread's half includes the gather above.
    const split = Math.floor(p / 2);
    helper.start(hist, split, p, start, end);
    sumFeatures(g, 0, split, start, end, hist);
    helper.finish();
    return;
  }
  sumFeatures(g, 0, p, start, end, hist);
}

/**
 * Below this many rows a node's histogram is built on one thread: handing work over costs a few
 * microseconds, which small nodes do not repay.
 */
const parallelMinRows = 4096;

/**
 * Histograms of features [from, to) over rows[start, end). The loops take two features and two rows
 * at a time: V8 runs the unrolled form about twice as fast as one update per iteration. Runs in the
 * helper thread too, as source text: it and the functions it calls use only their arguments.
 */
export function sumFeatures(
  g: HistogramInputs,
  from: number,
  to: number,
  start: number,
  end: number,
  hist: Float64Array,
): void {
  if (g.stride === 2) {
    let f = from;
    for (; f + 1 < to; f += 2) sumTwoFeatures(g, f, start, end, hist);
    if (f < to) sumOneFeature(g, f, start, end, hist);
    return;
  }
  for (let f = from; f < to; f++) sumFeatureWithHessian(g, f, start, end, hist);
}

/** [gradient, count, hessian] histogram of feature f (stride 3). */
export function sumFeatureWithHessian(
  g: HistogramInputs,
  f: number,
  start: number,
  end: number,
  hist: Float64Array,
): void {
  const { n, bins, offset, rows, orderedGrad, orderedHess } = g;
  const base = f * n;
  const off = offset[f] as number;
  for (let k = start; k < end; k++) {
    const j = (off + (bins[base + (rows[k] as number)] as number)) * 3;
    hist[j] = (hist[j] as number) + (orderedGrad[k] as number);
    hist[j + 1] = (hist[j + 1] as number) + 1;
    hist[j + 2] = (hist[j + 2] as number) + (orderedHess[k] as number);
  }
}

/** [gradient, count] histogram of features f and f + 1 (stride 2). */
export function sumTwoFeatures(
  g: HistogramInputs,
  f: number,
  start: number,
  end: number,
  hist: Float64Array,
): void {
  const { n, bins, offset, rows, orderedGrad } = g;
  const b0 = f * n;
  const b1 = b0 + n;
  const o0 = offset[f] as number;
  const o1 = offset[f + 1] as number;
  let k = start;
  for (; k + 1 < end; k += 2) {
    const i0 = rows[k] as number;
    const i1 = rows[k + 1] as number;
    const g0 = orderedGrad[k] as number;
    const g1 = orderedGrad[k + 1] as number;
    const a = (o0 + (bins[b0 + i0] as number)) << 1;
    const b = (o1 + (bins[b1 + i0] as number)) << 1;
    const c = (o0 + (bins[b0 + i1] as number)) << 1;
    const d = (o1 + (bins[b1 + i1] as number)) << 1;
    hist[a] = (hist[a] as number) + g0;
    hist[a + 1] = (hist[a + 1] as number) + 1;
    hist[b] = (hist[b] as number) + g0;
    hist[b + 1] = (hist[b + 1] as number) + 1;
    hist[c] = (hist[c] as number) + g1;
    hist[c + 1] = (hist[c + 1] as number) + 1;
    hist[d] = (hist[d] as number) + g1;
    hist[d + 1] = (hist[d + 1] as number) + 1;
  }
  if (k < end) {
    const i = rows[k] as number;
    const gk = orderedGrad[k] as number;
    const a = (o0 + (bins[b0 + i] as number)) << 1;
    const b = (o1 + (bins[b1 + i] as number)) << 1;
    hist[a] = (hist[a] as number) + gk;
    hist[a + 1] = (hist[a + 1] as number) + 1;
    hist[b] = (hist[b] as number) + gk;
    hist[b + 1] = (hist[b + 1] as number) + 1;
  }
}

/** [gradient, count] histogram of feature f (stride 2). */
export function sumOneFeature(
  g: HistogramInputs,
  f: number,
  start: number,
  end: number,
  hist: Float64Array,
): void {
  const { n, bins, offset, rows, orderedGrad } = g;
  const base = f * n;
  const off = offset[f] as number;
  for (let k = start; k < end; k++) {
    const j = (off + (bins[base + (rows[k] as number)] as number)) << 1;
    hist[j] = (hist[j] as number) + (orderedGrad[k] as number);
    hist[j + 1] = (hist[j + 1] as number) + 1;
  }
}

/** parent -= child, in place: the parent's buffer becomes the sibling's histogram. */
function subtractInto(parent: Float64Array, child: Float64Array): void {
  for (let k = 0; k < parent.length; k++) parent[k] = (parent[k] as number) - (child[k] as number);
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
  leftG: number;
  leftH: number;
  leftCount: number;
}

/**
 * The split with the largest positive gain `GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ)` (the constant ½ and
 * γ of XGBoost dropped) leaving at least minSamplesLeaf rows on each side. Ties keep the first
 * feature and bin, which makes the choice deterministic.
 */
function bestSplit(g: Grower, hist: Float64Array, G: number, H: number, count: number): Split | undefined {
  const { p, nBins, offset, stride, lambda, minLeaf } = g;
  const parentScore = (G * G) / (H + lambda);
  let best: Split | undefined;
  let bestGain = 1e-12;
  for (let f = 0; f < p; f++) {
    const nb = nBins[f] as number;
    const off = offset[f] as number;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b < nb - 1; b++) {
      const j = (off + b) * stride;
      gl += hist[j] as number;
      const c = hist[j + 1] as number;
      cl += c;
      hl += stride === 2 ? c : (hist[j + 2] as number);
      if (cl < minLeaf) continue;
      const cr = count - cl;
      if (cr < minLeaf) break;
      const hr = H - hl;
      // As scikit-learn does (min_hessian_to_split): nearly pure children would get huge leaf values.
      if (hl < 1e-3 || hr < 1e-3) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature: f, bin: b, gain, leftG: gl, leftH: hl, leftCount: cl };
      }
    }
  }
  return best;
}

/**
 * Moves the rows going left to the front of [start, end), keeping their order; returns the split
 * point. Branch-free: each row is written to both sides and only the matching cursor advances,
 * because a split sends rows left or right about as unpredictably as a coin.
 */
function partition(g: Grower, start: number, end: number, feature: number, bin: number): number {
  const { rows, scratch, bins, n } = g;
  const base = feature * n;
  let l = start;
  let r = 0;
  for (let k = start; k < end; k++) {
    const i = rows[k] as number;
    // 1 when the row's bin is above the split bin (goes right), else 0.
    const right = (bin - (bins[base + i] as number)) >>> 31;
    rows[l] = i;
    scratch[r] = i;
    l += right ^ 1;
    r += right;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

/** Adds `leftValue` or `rightValue` to the raw score of each row in [start, end), by its side of the split. */
function scoreSplit(
  g: Grower,
  start: number,
  end: number,
  feature: number,
  bin: number,
  leftValue: number,
  rightValue: number,
  raw: Float64Array,
  nOutputs: number,
  target: number,
): void {
  const { rows, bins, n } = g;
  const base = feature * n;
  for (let k = start; k < end; k++) {
    const i = rows[k] as number;
    const j = i * nOutputs + target;
    raw[j] = (raw[j] as number) + ((bins[base + i] as number) <= bin ? leftValue : rightValue);
  }
}

interface NodeWork {
  id: number;
  start: number;
  end: number;
  depth: number;
  /** Undefined when the node cannot split (too deep or too few rows): no histogram is built for it. */
  hist: Float64Array | undefined;
  G: number;
  H: number;
}

/** Grows one tree on the current gradients and adds its leaf values to `raw[i * nOutputs + target]`. */
function growTree(g: Grower, target: number, raw: Float64Array, nOutputs: number): Tree {
  const { n, lambda, minLeaf, maxDepth, learningRate } = g;
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
  const canSplit = (depth: number, count: number) => depth < maxDepth && count >= 2 * minLeaf;
  const leafValue = (G: number, H: number) => {
    const v = (-G / (H + lambda)) * learningRate;
    // No -0 leaves: a leaf that adds nothing reads as plain 0 in the model and its ONNX file.
    return Number.isFinite(v) && v !== 0 ? v : 0;
  };
  const makeLeaf = (w: NodeWork) => {
    const v = leafValue(w.G, w.H);
    value[w.id] = v;
    for (let k = w.start; k < w.end; k++) {
      const j = (g.rows[k] as number) * nOutputs + target;
      raw[j] = (raw[j] as number) + v;
    }
  };

  for (let i = 0; i < n; i++) g.rows[i] = i;
  let G = 0;
  let H = 0;
  for (let i = 0; i < n; i++) {
    G += g.grad[i] as number;
    H += g.hess[i] as number;
  }
  let rootHist: Float64Array | undefined;
  if (canSplit(0, n)) {
    rootHist = takeHistogram(g);
    buildHistogram(g, 0, n, rootHist);
  }
  let level: NodeWork[] = [{ id: addNode(), start: 0, end: n, depth: 0, hist: rootHist, G, H }];
  while (level.length > 0) {
    const next: NodeWork[] = [];
    for (const w of level) {
      const count = w.end - w.start;
      const split = w.hist ? bestSplit(g, w.hist, w.G, w.H, count) : undefined;
      if (!split) {
        if (w.hist) g.pool.push(w.hist);
        makeLeaf(w);
        continue;
      }
      const parentHist = w.hist as Float64Array;
      feature[w.id] = split.feature;
      threshold[w.id] = (g.upper[split.feature] as Float32Array)[split.bin] as number;
      const l = addNode();
      const r = addNode();
      left[w.id] = l;
      right[w.id] = r;
      const depth = w.depth + 1;
      const leftCount = split.leftCount;
      const rightCount = count - leftCount;
      const splitLeft = canSplit(depth, leftCount);
      const splitRight = canSplit(depth, rightCount);
      if (!splitLeft && !splitRight) {
        // Both children are leaves: score their rows straight away, no partition needed.
        g.pool.push(parentHist);
        const lv = leafValue(split.leftG, split.leftH);
        const rv = leafValue(w.G - split.leftG, w.H - split.leftH);
        value[l] = lv;
        value[r] = rv;
        scoreSplit(g, w.start, w.end, split.feature, split.bin, lv, rv, raw, nOutputs, target);
        continue;
      }
      const mid = partition(g, w.start, w.end, split.feature, split.bin);
      let leftHist: Float64Array | undefined;
      let rightHist: Float64Array | undefined;
      if (splitLeft && splitRight) {
        // Build the smaller child; the parent minus it is the larger one.
        const small = takeHistogram(g);
        if (leftCount <= rightCount) {
          buildHistogram(g, w.start, mid, small);
          subtractInto(parentHist, small);
          leftHist = small;
          rightHist = parentHist;
        } else {
          buildHistogram(g, mid, w.end, small);
          subtractInto(parentHist, small);
          leftHist = parentHist;
          rightHist = small;
        }
      } else {
        // Only one child can split: its histogram is the parent's minus the other's when that is cheaper.
        const [s, e] = splitLeft ? [w.start, mid] : [mid, w.end];
        const other = splitLeft ? rightCount : leftCount;
        if (e - s <= other) {
          parentHist.fill(0);
          buildHistogram(g, s, e, parentHist);
        } else {
          const otherHist = takeHistogram(g);
          if (splitLeft) buildHistogram(g, mid, w.end, otherHist);
          else buildHistogram(g, w.start, mid, otherHist);
          subtractInto(parentHist, otherHist);
          g.pool.push(otherHist);
        }
        if (splitLeft) leftHist = parentHist;
        else rightHist = parentHist;
      }
      next.push({ id: l, start: w.start, end: mid, depth, hist: leftHist, G: split.leftG, H: split.leftH });
      next.push({
        id: r,
        start: mid,
        end: w.end,
        depth,
        hist: rightHist,
        G: w.G - split.leftG,
        H: w.H - split.leftH,
      });
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

/** A trained model and the raw scores training accumulated for its own rows, from the bins. */
export interface GbdtFit {
  model: GbdtModel;
  /** n × nOutputs, row-major: what `predictRaw(model, X, n)` must reproduce exactly. */
  trainScores: Float64Array;
}

/**
 * Trains the ensemble and also returns the training rows' raw scores as the binned trees routed
 * them. `y` holds targets (regression) or class indices 0..nClasses-1. Deterministic: the same
 * inputs give the same trees, bit for bit.
 */
export function fitGbdt(
  X: Float32Array,
  n: number,
  p: number,
  y: Float64Array,
  nClasses: number,
  options: GbdtOptions,
  onProgress?: (round: number) => void,
): GbdtFit {
  const classification = options.objective === "classification";
  const nOutputs = classification ? nClasses : 1;
  const { bins, upper } = binFeatures(X, n, p, options.maxBins);
  const nBins = Int32Array.from(upper, (u) => u.length);
  const offset = new Int32Array(p);
  let totalBins = 0;
  for (let f = 0; f < p; f++) {
    offset[f] = totalBins;
    totalBins += nBins[f] as number;
  }
  const stride = classification ? 3 : 2;

  const baseScores: number[] = [];
  if (!classification) {
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

  const grower: Grower = {
    n,
    p,
    bins,
    upper,
    nBins,
    offset,
    histSize: totalBins * stride,
    stride,
    grad: new Float64Array(n),
    hess: new Float64Array(n).fill(1),
    orderedGrad: new Float64Array(n),
    orderedHess: new Float64Array(classification ? n : 0),
    rows: new Uint32Array(n),
    scratch: new Uint32Array(n),
    pool: [],
    helper: undefined,
    lambda: options.l2Regularization,
    minLeaf: Math.max(1, options.minSamplesLeaf),
    maxDepth: options.maxDepth,
    learningRate: options.learningRate,
  };
  const threaded = HistogramHelper.forFit(grower, {
    threads: options.threads ?? gbdtThreads(n * p),
    histSize: grower.histSize,
    maxDepth: options.maxDepth,
    loops: histogramLoops,
  });
  if (threaded) Object.assign(grower, threaded.memory, { helper: threaded.helper });
  try {
    return growEnsemble(grower, y, nOutputs, options, baseScores, raw, onProgress);
  } finally {
    threaded?.helper.close();
  }
}

/** The histogram loops as source text, for the helper thread to run the very same code. */
const histogramLoops = [sumFeatures, sumTwoFeatures, sumOneFeature, sumFeatureWithHessian]
  .map(String)
  .join("\n");

function growEnsemble(
  grower: Grower,
  y: Float64Array,
  nOutputs: number,
  options: GbdtOptions,
  baseScores: number[],
  raw: Float64Array,
  onProgress: ((round: number) => void) | undefined,
): GbdtFit {
  const { n, p, grad, hess } = grower;
  const classification = options.objective === "classification";
  const trees: Tree[] = [];
  const prob = new Float64Array(n * nOutputs);
  for (let round = 0; round < options.nTrees; round++) {
    if (!classification) {
      for (let i = 0; i < n; i++) grad[i] = (raw[i] as number) - (y[i] as number);
      trees.push(growTree(grower, 0, raw, 1));
    } else {
      // Every class's gradients come from the scores before this round's trees.
      prob.set(raw);
      softmaxRows(prob, nOutputs);
      for (let k = 0; k < nOutputs; k++) {
        for (let i = 0; i < n; i++) {
          const pk = prob[i * nOutputs + k] as number;
          grad[i] = pk - (y[i] === k ? 1 : 0);
          hess[i] = Math.max(pk * (1 - pk), 1e-16);
        }
        trees.push(growTree(grower, k, raw, nOutputs));
      }
    }
    onProgress?.(round + 1);
  }
  return {
    model: { objective: options.objective, nFeatures: p, nOutputs, baseScores, trees },
    trainScores: raw,
  };
}

/**
 * Trains the ensemble. `y` holds targets (regression) or class indices 0..nClasses-1; `onProgress`
 * gets the number of rounds done. Deterministic: the same inputs give the same trees, bit for bit.
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
  return fitGbdt(X, n, p, y, nClasses, options, onProgress).model;
}

/** Raw scores (base plus the sum of leaves), row-major n × nOutputs, walking the float32 thresholds. */
export function predictRaw(model: GbdtModel, X: Float32Array, n: number): Float64Array {
  const k = model.nOutputs;
  const p = model.nFeatures;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) out[i * k + c] = model.baseScores[c] as number;
  for (const tree of model.trees) {
    const { feature, threshold, left, right, value, target } = tree;
    for (let i = 0; i < n; i++) {
      let node = 0;
      let f = feature[0] as number;
      while (f >= 0) {
        node =
          (X[i * p + f] as number) <= (threshold[node] as number)
            ? (left[node] as number)
            : (right[node] as number);
        f = feature[node] as number;
      }
      out[i * k + target] = (out[i * k + target] as number) + (value[node] as number);
    }
  }
  return out;
}

/** Turns each row of k raw scores into probabilities, in place; returns `scores`. */
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
