// Baseline "ceiling-infer": the least any batching inference server on this HTTP stack must do.
// ceiling-http's bare node:http (body read, fixed pre-serialised answer) plus the model's real work:
// the requests whose bodies ended while the model was busy share one `session.run`, on tensors built
// once at start (no JSON parsing, no checks, no encoding). One intra-op thread, on the event loop, as
// our server runs it. What separates ceiling-http from this is the inference alone; no server that
// runs the model on this machine's event loop can pass it.
//   node scripts/bench/serve/ceiling-infer.mjs --port PORT [--host 127.0.0.1]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import ort from "onnxruntime-node";
import { benchRows, modelName, modelPath, numericInputs, readyPath, stringInputs } from "./infer-bodies.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
const host = values.host ?? "127.0.0.1";

const session = await ort.InferenceSession.create(modelPath, {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: "sequential",
  graphOptimizationLevel: "all",
});

// Feeds for every batch size up to the largest the benchmark's concurrency can make, built once.
const maxRows = 1024;
const rows = benchRows(16);
const feedsBySize = [];
function feedsFor(count) {
  feedsBySize[count] ??= Object.fromEntries([
    ...numericInputs.map((name) => [
      name,
      new ort.Tensor(
        "float32",
        Float32Array.from({ length: count }, (_, i) => rows[i % rows.length][name]),
        [count, 1],
      ),
    ]),
    ...stringInputs.map((name) => [
      name,
      new ort.Tensor(
        "string",
        Array.from({ length: count }, (_, i) => String(rows[i % rows.length][name])),
        [count, 1],
      ),
    ]),
  ]);
  return feedsBySize[count];
}
for (let n = 1; n <= 64; n++) feedsFor(n);

const answer = Buffer.from(
  JSON.stringify({
    model_name: modelName,
    model_version: "ceiling-infer",
    outputs: [{ name: "prediction", shape: [1, 1], datatype: "FP32", data: [20.5] }],
  }),
);
const ready = Buffer.from(JSON.stringify({ ready: true }));

function reply(res, body) {
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

let waiting = [];
let running = false;

// Started on the check phase after the poll that read the bodies, so that a batch holds every request
// that arrived together, as a batching server's would.
async function runBatches() {
  while (waiting.length > 0) {
    const batch = waiting.length > maxRows ? waiting.splice(0, maxRows) : waiting;
    if (batch === waiting) waiting = [];
    await session.run(feedsFor(batch.length));
    for (const res of batch) reply(res, answer);
  }
  running = false;
}

const server = createServer((req, res) => {
  const isReady = req.method === "GET" && req.url === readyPath;
  req.on("data", () => {});
  req.on("end", () => {
    if (isReady) return reply(res, ready);
    waiting.push(res);
    if (!running) {
      running = true;
      setImmediate(runBatches);
    }
  });
});
server.listen(Number(values.port), host, () => console.log(`ceiling-infer on http://${host}:${values.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
