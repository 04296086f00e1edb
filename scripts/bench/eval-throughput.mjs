// Evaluation throughput against bare `session.run` on the same prebuilt batches (the limit).
// Both sides get their setup untimed: the raw side its session and its batches of tensors, ours its
// loaded model and its input columns (`openModel`, `prepareFeeds`). Timed for ours: slicing the
// batches, every `session.run`, joining the outputs, metrics and plot data (`evaluateLoaded`).
// The end-to-end time of `evaluateModel` (loading and column extraction included) is printed too.
// Each side runs in its own process (MODE raw, ours or end-to-end): two live sessions in one process
// share the cores with each other's spinning thread pools, which would bill one side for the other.
//   node scripts/bench/eval-throughput.mjs MODE MODEL.onnx DATA.json TARGET BATCH REPS
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { readTable, numericColumn } = await import(join(root, "lib/table/index.js"));
const { evaluateLoaded, evaluateModel, loadOrt, openModel, prepareFeeds } = await import(
  join(root, "lib/evaluate/index.js")
);
const [mode, modelFile, dataFile, target, batchText, repsText] = process.argv.slice(2);
const batch = Number(batchText);
const reps = Number(repsText);
const table = await readTable(dataFile);
const ort = await loadOrt();
const n = table.rows.length;

let best = Number.POSITIVE_INFINITY;
if (mode === "raw") {
  const session = await ort.InferenceSession.create(modelFile, { graphOptimizationLevel: "all" });
  const batches = [];
  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    const feeds = {};
    for (const meta of session.inputMetadata) {
      const column = numericColumn(table, meta.name);
      feeds[meta.name] = new ort.Tensor("float32", Float32Array.from(column.subarray(start, end)), [
        end - start,
        1,
      ]);
    }
    batches.push(feeds);
  }
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    for (const feeds of batches) await session.run(feeds);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
} else if (mode === "ours") {
  const model = await openModel(modelFile);
  const prepared = prepareFeeds(model, table, { target });
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    await evaluateLoaded(model, table, { target, batchSize: batch }, prepared);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
} else {
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    await evaluateModel(modelFile, table, { target, batchSize: batch });
    best = Math.min(best, (performance.now() - t) / 1000);
  }
}
console.log(JSON.stringify({ mode, rows: n, batch, seconds: best, rows_per_s: n / best }));
