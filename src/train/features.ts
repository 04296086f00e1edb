import { MlopsError } from "../errors/index.js";
import { numericColumn, stringColumn, type Table } from "../table/index.js";
import type { TrainSpec } from "./spec.js";

/**
 * What preprocessing learned from the training rows: medians that fill missing numbers, means and
 * spreads that scale them, and the categories one-hot encoding knows. The same numbers go into the
 * exported graph, so the ONNX model takes the raw columns.
 */
export interface Preprocessing {
  numeric: { name: string; median: number; mean: number; scale: number }[];
  categorical: { name: string; categories: string[] }[];
  /** Whether numeric features are standardised (linear models) or left as they are (trees). */
  standardise: boolean;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function fitPreprocessing(table: Table, spec: TrainSpec, standardise: boolean): Preprocessing {
  if (spec.features.numeric.length + spec.features.categorical.length === 0) {
    throw new MlopsError("invalid-file", "no features to train on", {
      field: "features",
      expected: "at least one column under features.numeric or features.categorical",
    });
  }
  const numeric = spec.features.numeric.map((name) => {
    const column = numericColumn(table, name);
    const present = Array.from(column).filter((v) => !Number.isNaN(v));
    // float32 is what the graph computes in, so the fill value is rounded to it once, here.
    const fill = Math.fround(median(present));
    const filled = Array.from(column, (v) => Math.fround(Number.isNaN(v) ? fill : v));
    const mean = filled.reduce((a, b) => a + b, 0) / Math.max(1, filled.length);
    const variance = filled.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, filled.length);
    const std = Math.sqrt(variance);
    return { name, median: fill, mean: Math.fround(mean), scale: Math.fround(std > 0 ? 1 / std : 1) };
  });
  const categorical = spec.features.categorical.map((name) => {
    const values = new Set(stringColumn(table, name).filter((v): v is string => v !== null));
    return { name, categories: [...values].sort() };
  });
  return { numeric, categorical, standardise };
}

export function featureCount(pre: Preprocessing): number {
  return pre.numeric.length + pre.categorical.reduce((n, c) => n + c.categories.length, 0);
}

export function featureNames(pre: Preprocessing): string[] {
  return [
    ...pre.numeric.map((n) => n.name),
    ...pre.categorical.flatMap((c) => c.categories.map((v) => `${c.name}=${v}`)),
  ];
}

/**
 * The feature matrix (row-major float32) exactly as the exported graph computes it: Imputer, then
 * Scaler `(x - offset) * scale` in float32, then one-hot columns (unknown or missing → all zeros).
 */
export function transform(pre: Preprocessing, table: Table): Float32Array {
  const n = table.rows.length;
  const width = featureCount(pre);
  const out = new Float32Array(n * width);
  pre.numeric.forEach((f, j) => {
    const column = numericColumn(table, f.name);
    for (let i = 0; i < n; i++) {
      const raw = Math.fround(column[i] as number);
      const filled = Number.isNaN(raw) ? f.median : raw;
      out[i * width + j] = pre.standardise ? Math.fround(Math.fround(filled - f.mean) * f.scale) : filled;
    }
  });
  let offset = pre.numeric.length;
  for (const c of pre.categorical) {
    const column = stringColumn(table, c.name);
    const position = new Map(c.categories.map((v, k) => [v, k]));
    for (let i = 0; i < n; i++) {
      const k = column[i] === null ? undefined : position.get(column[i] as string);
      if (k !== undefined) out[i * width + offset + k] = 1;
    }
    offset += c.categories.length;
  }
  return out;
}
