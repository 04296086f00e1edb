import { readFile } from "node:fs/promises";
import type { InferenceSession, Tensor as OrtTensor } from "onnxruntime-node";
import { MlopsError } from "../errors/index.js";
import { metadataList, readModelInfo } from "../onnx/builder.js";
import { hashBytes } from "../store/index.js";
import { type Cell, numericColumn, type Table } from "../table/index.js";
import {
  argmaxRows,
  type ClassificationMetrics,
  classificationMetrics,
  type RegressionMetrics,
  regressionMetrics,
} from "./metrics.js";
import {
  type ClassificationPlots,
  classificationPlots,
  type RegressionPlots,
  regressionPlots,
} from "./plots.js";

export interface ValueSignature {
  name: string;
  type: string;
  shape: (number | string)[];
}

export interface ModelSignature {
  inputs: ValueSignature[];
  outputs: ValueSignature[];
  metadata: Record<string, string>;
}

export interface EvaluateOptions {
  /** Target column (default: the model's `mlops.target` metadata). */
  target?: string;
  /** Rows per `session.run` (default 1024). */
  batchSize?: number;
  /** Columns that make up a single matrix input [N, F], in order (models exported from PyTorch and the like). */
  features?: string[];
  /** regression or classification (default: the model's metadata, else its outputs). */
  task?: "regression" | "classification";
  /** Points kept per plot series (default 1000). */
  maxPlotPoints?: number;
  /** Shown in errors instead of the model's path. */
  modelLabel?: string;
}

export interface Evaluation {
  task: "regression" | "classification";
  target: string;
  model: { file: string; sha256: string; size_bytes: number; signature: ModelSignature };
  data: { file: string; rows: number; rows_with_target: number };
  metrics: RegressionMetrics | ClassificationMetrics;
  latency: { batch_size: number; batches: number; ms_per_row: number; rows_per_second: number };
  plots: RegressionPlots | ClassificationPlots;
  predictions: { values?: number[]; labels?: string[]; probabilities?: number[][]; classes?: string[] };
}

type Ort = typeof import("onnxruntime-node");

let ortModule: Promise<Ort> | undefined;
/** onnxruntime is loaded on first use: verbs that never evaluate do not pay for the native library. */
export function loadOrt(): Promise<Ort> {
  // webpackIgnore: bundled actions load the native package from the repo's node_modules, on first use.
  ortModule ??= import(/* webpackIgnore: true */ "onnxruntime-node");
  return ortModule;
}

export function signatureOf(session: InferenceSession, metadata: Record<string, string>): ModelSignature {
  const describe = (m: InferenceSession.ValueMetadata): ValueSignature =>
    m.isTensor
      ? { name: m.name, type: m.type, shape: [...m.shape] }
      : { name: m.name, type: "non-tensor", shape: [] };
  return {
    inputs: session.inputMetadata.map(describe),
    outputs: session.outputMetadata.map(describe),
    metadata,
  };
}

type Column = Float32Array | Float64Array | BigInt64Array | string[];

export interface Feed {
  name: string;
  type: "float32" | "float64" | "int64" | "string";
  /** Values per row: 1 for a column input, F for a matrix input. */
  width: number;
  rank: number;
  data: Column;
}

function describeInput(s: ValueSignature): string {
  return `${s.name} (${s.type} [${s.shape.join(", ")}])`;
}

function columnFeed(table: Table, input: ValueSignature, nullString: string, label: string): Feed {
  const type = input.type;
  const rank = input.shape.length;
  if (type === "string") {
    const data = table.rows.map((r) => {
      const v: Cell | undefined = r[input.name];
      return v === null || v === undefined ? nullString : String(v);
    });
    return { name: input.name, type: "string", width: 1, rank, data };
  }
  if (type !== "float32" && type !== "float64" && type !== "int64") {
    throw new MlopsError(
      "invalid-file",
      `model input ${describeInput(input)} has a type this evaluator cannot feed`,
      {
        file: label,
        expected: "float, double, int64 or string inputs",
      },
    );
  }
  const values = numericColumn(table, input.name);
  const data =
    type === "float32"
      ? Float32Array.from(values)
      : type === "float64"
        ? values
        : BigInt64Array.from(values, (v) => BigInt(Number.isNaN(v) ? 0 : Math.round(v)));
  return { name: input.name, type, width: 1, rank, data };
}

/** Matches every model input to the data: a column of the same name, or one matrix of feature columns. */
function buildFeeds(
  table: Table,
  signature: ModelSignature,
  options: EvaluateOptions,
  label: string,
): Feed[] {
  const nullString = signature.metadata["mlops.null_string"] ?? "";
  const missing = signature.inputs.filter((i) => !table.columns.includes(i.name));
  if (missing.length === 0) return signature.inputs.map((i) => columnFeed(table, i, nullString, label));
  const only = signature.inputs[0];
  const declared = options.features ?? metadataList(signature.metadata, "mlops.feature_columns");
  if (signature.inputs.length === 1 && only && only.shape.length === 2 && declared) {
    const width = declared.length;
    const fixed = only.shape[1];
    if (typeof fixed === "number" && fixed !== width) {
      throw new MlopsError(
        "invalid-file",
        `model input ${describeInput(only)} takes ${fixed} features, got ${width}`,
        {
          file: label,
          expected: `${fixed} feature columns`,
          got: declared.join(", "),
        },
      );
    }
    if (only.type !== "float32" && only.type !== "float64") {
      throw new MlopsError("invalid-file", `model input ${describeInput(only)} is not a numeric matrix`, {
        file: label,
      });
    }
    const n = table.rows.length;
    const data = only.type === "float32" ? new Float32Array(n * width) : new Float64Array(n * width);
    declared.forEach((column, j) => {
      const values = numericColumn(table, column);
      for (let i = 0; i < n; i++) data[i * width + j] = values[i] as number;
    });
    return [{ name: only.name, type: only.type, width, rank: 2, data }];
  }
  const first = missing[0] as ValueSignature;
  throw new MlopsError("invalid-file", `the data has no column for model input ${describeInput(first)}`, {
    file: table.file,
    expected: `columns named like the model's inputs: ${signature.inputs.map((i) => i.name).join(", ")}`,
    got: `columns ${table.columns.join(", ")}`,
    hint:
      signature.inputs.length === 1
        ? "for a model with one matrix input, pass the feature columns in order with --features"
        : "rename the columns in the data, or export the model with inputs named after them",
  });
}

function sliceFeed(ort: Ort, feed: Feed, start: number, end: number): OrtTensor {
  const rows = end - start;
  const shape = feed.rank === 1 ? [rows] : [rows, feed.width];
  // Typed columns are viewed, not copied; strings have no view.
  const data = (
    Array.isArray(feed.data)
      ? feed.data.slice(start * feed.width, end * feed.width)
      : feed.data.subarray(start * feed.width, end * feed.width)
  ) as Column;
  return new ort.Tensor(feed.type, data as never, shape);
}

function pickOutputs(signature: ModelSignature): { scores?: string; probabilities?: string; label?: string } {
  const outs = signature.outputs.filter((o) => o.type !== "non-tensor");
  const probabilities =
    outs.find((o) => /prob/i.test(o.name) && o.shape.length === 2) ??
    outs.find(
      (o) =>
        o.type.startsWith("float") &&
        o.shape.length === 2 &&
        typeof o.shape[1] === "number" &&
        (o.shape[1] as number) > 1,
    );
  const label = outs.find((o) => /label/i.test(o.name) && o !== probabilities);
  const scores = outs.find((o) => o !== probabilities && o !== label && o.type.startsWith("float"));
  return { scores: scores?.name, probabilities: probabilities?.name, label: label?.name };
}

/** A model read and loaded into onnxruntime, ready to evaluate on any number of tables. */
export interface LoadedModel {
  label: string;
  bytes: Buffer;
  metadata: Record<string, string>;
  session: InferenceSession;
  signature: ModelSignature;
}

export async function openModel(modelPath: string, label = modelPath): Promise<LoadedModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(modelPath);
  } catch {
    throw new MlopsError("not-found", "model file not found", { file: label });
  }
  let metadata: Record<string, string>;
  try {
    metadata = readModelInfo(bytes).metadata;
  } catch (err) {
    throw new MlopsError("invalid-file", "not an ONNX model", { file: label, cause: err });
  }
  const ort = await loadOrt();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: "all" });
  } catch (err) {
    throw new MlopsError(
      "invalid-file",
      `onnxruntime cannot load the model: ${(err as Error).message.split("\n")[0]}`,
      {
        file: label,
      },
    );
  }
  return { label, bytes, metadata, session, signature: signatureOf(session, metadata) };
}

/** The model's inputs as columns of the table: the data preparation part of an evaluation. */
export function prepareFeeds(model: LoadedModel, table: Table, options: EvaluateOptions = {}): Feed[] {
  return buildFeeds(table, model.signature, options, model.label);
}

/**
 * Evaluates any ONNX model on a table: runs it in batches with onnxruntime, then computes the task's
 * metrics, plot series and latency per row. The model's inputs are matched to columns by name.
 */
export async function evaluateModel(
  modelPath: string,
  table: Table,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const model = await openModel(modelPath, options.modelLabel ?? modelPath);
  try {
    return await evaluateLoaded(model, table, options);
  } finally {
    await model.session.release();
  }
}

/** `evaluateModel` on a model already loaded, optionally with its feeds already prepared. */
export async function evaluateLoaded(
  model: LoadedModel,
  table: Table,
  options: EvaluateOptions = {},
  prepared?: Feed[],
): Promise<Evaluation> {
  const { label, bytes, metadata, session } = model;
  const ort = await loadOrt();
  const signature = model.signature;
  const outputs = pickOutputs(signature);
  const task =
    options.task ??
    (metadata["mlops.task"] as Evaluation["task"] | undefined) ??
    (outputs.probabilities ? "classification" : "regression");
  const target = options.target ?? metadata["mlops.target"];
  if (!target) {
    throw new MlopsError("usage", "which column is the target?", {
      file: label,
      hint: "pass --target COLUMN (the model records none in its metadata)",
    });
  }
  if (!table.columns.includes(target)) {
    throw new MlopsError("invalid-file", `the data has no target column '${target}'`, {
      file: table.file,
      expected: `one of: ${table.columns.join(", ")}`,
    });
  }
  const feeds = prepared ?? buildFeeds(table, signature, options, label);
  const n = table.rows.length;
  const batchSize = Math.max(1, options.batchSize ?? 1024);
  const wanted =
    task === "regression"
      ? [outputs.scores ?? outputs.probabilities]
      : [outputs.probabilities, outputs.label];
  const fetch = wanted.filter((w): w is string => w !== undefined);
  if (task === "classification" && !outputs.probabilities) {
    throw new MlopsError("invalid-file", "a classification model needs a probabilities output [N, K]", {
      file: label,
      got: signature.outputs.map(describeInput).join(", "),
    });
  }
  if (fetch.length === 0) {
    throw new MlopsError("invalid-file", "the model has no numeric output to evaluate", { file: label });
  }
  const collected: Record<string, { data: ArrayLike<unknown>; width: number }[]> = {};
  let runMs = 0;
  let batches = 0;
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const input: Record<string, OrtTensor> = {};
    for (const feed of feeds) input[feed.name] = sliceFeed(ort, feed, start, end);
    const t0 = performance.now();
    let result: InferenceSession.ReturnType;
    try {
      result = await session.run(input, fetch);
    } catch (err) {
      throw new MlopsError(
        "invalid-file",
        `the model failed on rows ${start}–${end - 1}: ${(err as Error).message.split("\n")[0]}`,
        {
          file: label,
        },
      );
    }
    runMs += performance.now() - t0;
    batches++;
    for (const name of fetch) {
      const tensor = result[name] as OrtTensor;
      const width = tensor.dims.length >= 2 ? Number(tensor.dims[tensor.dims.length - 1]) : 1;
      collected[name] ??= [];
      collected[name].push({ data: tensor.data as ArrayLike<unknown>, width });
    }
  }
  /** One output's batches joined: numbers into a Float64Array, anything else (labels) into an array. */
  const flatten = (name: string): { values: ArrayLike<unknown>; width: number } => {
    const parts = collected[name] ?? [];
    const total = parts.reduce((sum, part) => sum + part.data.length, 0);
    const numeric = parts.every(
      (part) => ArrayBuffer.isView(part.data) && !(part.data instanceof BigInt64Array),
    );
    if (numeric) {
      const values = new Float64Array(total);
      let offset = 0;
      for (const part of parts) {
        values.set(part.data as ArrayLike<number>, offset);
        offset += part.data.length;
      }
      return { values, width: parts[0]?.width ?? 1 };
    }
    const values: unknown[] = [];
    for (const part of parts) for (let i = 0; i < part.data.length; i++) values.push(part.data[i]);
    return { values, width: parts[0]?.width ?? 1 };
  };

  const base = {
    task,
    target,
    model: { file: label, sha256: hashBytes(bytes), size_bytes: bytes.byteLength, signature },
    latency: {
      batch_size: batchSize,
      batches,
      ms_per_row: n > 0 ? runMs / n : 0,
      rows_per_second: runMs > 0 ? (n * 1000) / runMs : 0,
    },
  };
  const maxPoints = options.maxPlotPoints ?? 1000;

  if (task === "regression") {
    const { values, width } = flatten(fetch[0] as string);
    const predicted = new Float64Array(n);
    for (let i = 0; i < n; i++) predicted[i] = Number(values[i * width]);
    const actualAll = numericColumn(table, target);
    const actual = new Float64Array(n);
    const kept = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = actualAll[i] as number;
      if (Number.isNaN(a)) continue;
      actual[m] = a;
      kept[m] = predicted[i] as number;
      m++;
    }
    const keep = { length: m };
    return {
      ...base,
      data: { file: table.file, rows: n, rows_with_target: keep.length },
      metrics: regressionMetrics(actual.subarray(0, m), kept.subarray(0, m)),
      plots: regressionPlots(actual.subarray(0, m), kept.subarray(0, m), { maxPoints }),
      predictions: { values: Array.from(predicted) },
    };
  }

  const probs = flatten(outputs.probabilities as string);
  const k = probs.width;
  const labels = outputs.label ? Array.from(flatten(outputs.label).values, String) : undefined;
  const classes = classesOf(metadata, labels, probs.values as number[], k, label);
  const position = new Map(classes.map((c, i) => [c, i]));
  const keep: number[] = [];
  const actual: number[] = [];
  table.rows.forEach((row, i) => {
    const v = row[target];
    if (v === null || v === undefined) return;
    const index = position.get(String(v));
    if (index === undefined) {
      throw new MlopsError("invalid-file", `target value '${String(v)}' is not one of the model's classes`, {
        file: table.file,
        field: `[${i}].${target}`,
        expected: classes.join(", "),
      });
    }
    keep.push(i);
    actual.push(index);
  });
  const proba = new Float64Array(keep.length * k);
  keep.forEach((row, j) => {
    for (let c = 0; c < k; c++) proba[j * k + c] = Number(probs.values[row * k + c]);
  });
  const predicted = labels
    ? Int32Array.from(keep, (row) => position.get(labels[row] as string) ?? 0)
    : undefined;
  const probabilities: number[][] = [];
  for (let i = 0; i < n; i++)
    probabilities.push(Array.from({ length: k }, (_, c) => Number(probs.values[i * k + c])));
  return {
    ...base,
    data: { file: table.file, rows: n, rows_with_target: keep.length },
    metrics: classificationMetrics(actual, proba, classes, predicted),
    plots: classificationPlots(actual, proba, classes, { maxPoints }),
    predictions: { classes, probabilities, labels },
  };
}

/** Class names in probability-column order: the model's metadata, else what its label output says. */
function classesOf(
  metadata: Record<string, string>,
  labels: string[] | undefined,
  proba: number[],
  k: number,
  file: string,
): string[] {
  const recorded = metadataList(metadata, "mlops.classes");
  if (recorded?.length === k) return recorded;
  if (labels) {
    const best = argmaxRows(proba, k);
    const byColumn = new Map(labels.map((l, i) => [best[i] as number, l]));
    if (byColumn.size === k) return Array.from({ length: k }, (_, c) => byColumn.get(c) as string);
  }
  throw new MlopsError("invalid-file", "cannot tell which class each probability column is", {
    file,
    hint: "add metadata_props 'mlops.classes' (a JSON list of class names in column order) to the model",
  });
}
