import { MlopsError } from "../errors/index.js";
import { numericColumn, stringColumn, type Table } from "../table/index.js";
import type { TrainedModel } from "./export.js";
import { featureCount, fitPreprocessing, transform } from "./features.js";
import { type GbdtOptions, predictRaw, softmaxRows, trainGbdt } from "./gbdt.js";
import { fitLinearRegression, fitSoftmaxRegression, predictLinear } from "./linear.js";
import type { TrainSpec } from "./spec.js";

export { exportOnnx, nullCategory, type TrainedModel } from "./export.js";
export { type GbdtModel, type GbdtOptions, predictRaw, softmaxRows, trainGbdt } from "./gbdt.js";
export { type GbdtParams, gbdtParams, type TrainSpec, trainSpec } from "./spec.js";

/** What the trainer predicts itself: the figures ONNX parity is checked against. */
export interface Predictions {
  /** Regression: one value per row. */
  values?: Float64Array;
  /** Classification: n × K probabilities, row-major, in `classes` order. */
  probabilities?: Float64Array;
}

function taskOf(spec: TrainSpec): "regression" | "classification" {
  if (spec.task) return spec.task;
  return spec.model === "logistic" ? "classification" : "regression";
}

/** The params section's `gbdt:` settings, as the trainer takes them. */
function fitTrees(
  X: Float32Array,
  n: number,
  p: number,
  y: Float64Array,
  nClasses: number,
  spec: TrainSpec,
  objective: GbdtOptions["objective"],
  onProgress?: (done: number, total: number) => void,
) {
  const g = spec.gbdt;
  const options: GbdtOptions = {
    objective,
    nTrees: g.trees,
    maxDepth: g.max_depth,
    learningRate: g.learning_rate,
    maxBins: g.max_bins,
    minSamplesLeaf: g.min_samples_leaf,
    l2Regularization: g.l2,
    seed: spec.seed,
  };
  return trainGbdt(X, n, p, y, nClasses, options, (round) => onProgress?.(round, g.trees));
}

/** Drops rows whose target is missing: they cannot be learnt from. */
function labelledRows(table: Table, target: string): Table {
  if (!table.columns.includes(target)) {
    throw new MlopsError("invalid-file", `no target column '${target}'`, {
      file: table.file,
      expected: `one of: ${table.columns.join(", ")}`,
    });
  }
  return { ...table, rows: table.rows.filter((r) => r[target] !== null && r[target] !== undefined) };
}

/**
 * Fits preprocessing and the model named by the spec. Deterministic: the same table and spec give
 * the same model and therefore the same ONNX bytes.
 */
export function trainModel(
  input: Table,
  spec: TrainSpec,
  options: { producerVersion: string; onProgress?: (done: number, total: number) => void },
): TrainedModel {
  const task = taskOf(spec);
  if (task === "regression" && spec.model === "logistic") {
    throw new MlopsError("invalid-file", "a logistic model needs a classification task", {
      field: "task",
      expected: "classification (or model: linear, ridge or gbdt)",
    });
  }
  if (task === "classification" && (spec.model === "linear" || spec.model === "ridge")) {
    throw new MlopsError("invalid-file", `model '${spec.model}' cannot classify`, {
      field: "model",
      expected: "logistic or gbdt for a classification task",
    });
  }
  const table = labelledRows(input, spec.target);
  const n = table.rows.length;
  if (n < 2) {
    throw new MlopsError("invalid-file", `only ${n} rows with a target value`, {
      file: table.file,
      expected: "at least 2 rows to train on",
    });
  }
  const pre = fitPreprocessing(table, spec, spec.model !== "gbdt");
  const X = transform(pre, table);
  const p = featureCount(pre);
  const base = { task, target: spec.target, pre, seed: spec.seed, producerVersion: options.producerVersion };

  if (task === "regression") {
    const y = numericColumn(table, spec.target);
    if (spec.model === "gbdt") {
      const gbdt = fitTrees(X, n, p, y, 0, spec, "regression", options.onProgress);
      return { ...base, kind: "gbdt", classes: [], gbdt };
    }
    const linear = fitLinearRegression(X, n, p, y, spec.model === "ridge" ? spec.alpha : 0);
    return { ...base, kind: spec.model, classes: [], linear };
  }

  const labels = stringColumn(table, spec.target) as string[];
  const classes = [...new Set(labels)].sort();
  if (classes.length < 2) {
    throw new MlopsError("invalid-file", `the target '${spec.target}' has only one class`, {
      file: table.file,
      expected: "at least two classes",
      got: classes[0],
    });
  }
  const position = new Map(classes.map((c, i) => [c, i]));
  const yIndex = Int32Array.from(labels, (l) => position.get(l) as number);
  if (spec.model === "gbdt") {
    const gbdt = fitTrees(
      X,
      n,
      p,
      Float64Array.from(yIndex),
      classes.length,
      spec,
      "classification",
      options.onProgress,
    );
    return { ...base, kind: "gbdt", classes, gbdt };
  }
  const linear = fitSoftmaxRegression(X, n, p, yIndex, classes.length, spec.alpha, spec.max_iter);
  return { ...base, kind: "logistic", classes, linear };
}

/** The trainer's own predictions on any table with the feature columns. */
export function predict(model: TrainedModel, table: Table): Predictions {
  const X = transform(model.pre, table);
  const n = table.rows.length;
  const p = featureCount(model.pre);
  const scores = model.gbdt
    ? predictRaw(model.gbdt, X, n)
    : predictLinear(model.linear ?? { weights: [], intercepts: [] }, X, n, p);
  if (model.task === "regression") return { values: scores };
  let k = model.classes.length;
  let logits = scores;
  if (model.gbdt && model.gbdt.nOutputs === 1) {
    logits = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) logits[i * 2 + 1] = scores[i] as number;
    k = 2;
  }
  return { probabilities: softmaxRows(logits, k) };
}
export { trainerVersion } from "./version.js";
