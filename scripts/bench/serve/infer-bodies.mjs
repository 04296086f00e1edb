// The requests every serving target gets: Open Inference Protocol (KServe v2) infer requests of one
// row each, for the fuel-efficiency model. Sixteen different rows, sent in turn, so no server can
// answer from a cache.
// Protocol: https://github.com/kserve/open-inference-protocol/blob/main/specification/protocol/inference_rest.md
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
/**
 * The repository whose fuel-efficiency pipeline has been run: MLOPS_BENCH_REPO when the benchmark
 * runner made one (a clone where the model is registered and promoted, for `mlops serve`), else this
 * checkout (run `mlops run fuel-efficiency` first).
 */
export const benchRepo = process.env.MLOPS_BENCH_REPO || root;
export const modelName = "fuel-efficiency";
export const modelPath = join(benchRepo, "pipelines/fuel-efficiency/model.onnx");
export const rowsPath = join(benchRepo, "pipelines/fuel-efficiency/data/test.json");
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

/**
 * The session the in-process baselines run: one intra-op thread, sequential, as our server runs it.
 * `ort` is passed in so that importing this module does not load onnxruntime.
 */
export function openBenchSession(ort) {
  return ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
}

/** onnxruntime feeds for `count` rows taken from `rows` in turn, starting at `offset`. */
export function benchFeeds(ort, rows, count, offset = 0) {
  const picked = Array.from({ length: count }, (_, i) => rows[(offset + i) % rows.length]);
  const feeds = {};
  for (const name of numericInputs) {
    feeds[name] = new ort.Tensor(
      "float32",
      Float32Array.from(picked, (r) => r[name]),
      [count, 1],
    );
  }
  for (const name of stringInputs) {
    feeds[name] = new ort.Tensor(
      "string",
      picked.map((r) => r[name]),
      [count, 1],
    );
  }
  return feeds;
}

/** The canned baselines' fixed v2 answer, serialised once. */
export function cannedAnswer(version) {
  return Buffer.from(
    JSON.stringify({
      model_name: modelName,
      model_version: version,
      outputs: [{ name: "prediction", shape: [1, 1], datatype: "FP32", data: [20.5] }],
    }),
  );
}

export const cannedReady = Buffer.from(JSON.stringify({ ready: true }));

/** Answers 200 with a pre-serialised JSON body. */
export function sendCanned(res, body) {
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}
