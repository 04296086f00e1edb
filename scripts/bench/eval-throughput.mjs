// Evaluation throughput: `evaluateModel` (feeds built from the table's columns, batched runs,
// outputs gathered, metrics and plots computed) against bare `session.run` on the same prebuilt
// batches — the limit. Both on the same model and rows, best of --reps. Prints one JSON object.
//   node scripts/bench/eval-throughput.mjs MODEL.onnx DATA.json TARGET BATCH REPS
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { readTable, numericColumn } = await import(join(root, "lib/table/index.js"));
const { evaluateModel, loadOrt } = await import(join(root, "lib/evaluate/index.js"));
const [modelFile, dataFile, target, batchText, repsText] = process.argv.slice(2);
const batch = Number(batchText);
const reps = Number(repsText);
const table = await readTable(dataFile);
const ort = await loadOrt();
const n = table.rows.length;

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
let raw = Number.POSITIVE_INFINITY;
let ours = Number.POSITIVE_INFINITY;
for (let r = 0; r < reps; r++) {
  // Alternate, so neither side always runs on a warmer machine.
  let t = performance.now();
  for (const feeds of batches) await session.run(feeds);
  raw = Math.min(raw, (performance.now() - t) / 1000);
  t = performance.now();
  await evaluateModel(modelFile, table, { target, batchSize: batch });
  ours = Math.min(ours, (performance.now() - t) / 1000);
}
console.log(
  JSON.stringify({
    rows: n,
    batch,
    ours_seconds: ours,
    raw_seconds: raw,
    ours_rows_per_s: n / ours,
    raw_rows_per_s: n / raw,
  }),
);
