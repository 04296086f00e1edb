// The requests every serving target gets: Open Inference Protocol (KServe v2) infer requests of one
// row each, for the fuel-efficiency model. Sixteen different rows, sent in turn, so no server can
// answer from a cache.
// Protocol: https://github.com/kserve/open-inference-protocol/blob/main/specification/protocol/inference_rest.md
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const modelName = "fuel-efficiency";
export const modelPath = join(root, "pipelines/fuel-efficiency/model.onnx");
export const rowsPath = join(root, "pipelines/fuel-efficiency/data/test.json");
export const inferPath = `/v2/models/${modelName}/infer`;
export const readyPath = "/v2/health/ready";

/** The model's inputs in graph order; every one has shape [N, 1]. */
export const numericInputs = [
  "cylinders",
  "displacement",
  "horsepower",
  "weight",
  "acceleration",
  "model_year",
];
export const stringInputs = ["origin"];

/** `count` rows spread evenly over the test set (it has 62). */
export function benchRows(count = 16) {
  const rows = JSON.parse(readFileSync(rowsPath, "utf8"));
  if (rows.length < count) throw new Error(`${rowsPath} has ${rows.length} rows, fewer than ${count}`);
  return Array.from({ length: count }, (_, i) => rows[Math.floor((i * rows.length) / count)]);
}

/** The v2 infer request object for one row. */
export function inferRequest(row) {
  return {
    inputs: [
      ...numericInputs.map((name) => ({ name, shape: [1, 1], datatype: "FP32", data: [row[name]] })),
      ...stringInputs.map((name) => ({ name, shape: [1, 1], datatype: "BYTES", data: [row[name]] })),
    ],
  };
}

/** The serialised request bodies, one per row. */
export function inferBodies(rows) {
  return rows.map((row) => JSON.stringify(inferRequest(row)));
}
