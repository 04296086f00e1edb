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
import {
  benchFeeds,
  benchRows,
  cannedAnswer,
  cannedReady,
  openBenchSession,
  readyPath,
  sendCanned,
} from "./infer-bodies.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
const host = values.host ?? "127.0.0.1";

const session = await openBenchSession(ort);

// Feeds for every batch size the benchmark's concurrency makes, built once (larger ones on first use).
const maxRows = 1024;
const rows = benchRows(16);
const feedsBySize = [];
const feedsFor = (count) => {
  feedsBySize[count] ??= benchFeeds(ort, rows, count);
  return feedsBySize[count];
};
for (let n = 1; n <= 64; n++) feedsFor(n);

const answer = cannedAnswer("ceiling-infer");

let waiting = [];
let running = false;

// Started on the check phase after the poll that read the bodies, so that a batch holds every request
// that arrived together, as a batching server's would.
async function runBatches() {
  while (waiting.length > 0) {
    const batch = waiting.length > maxRows ? waiting.splice(0, maxRows) : waiting;
    if (batch === waiting) waiting = [];
    await session.run(feedsFor(batch.length));
    for (const res of batch) sendCanned(res, answer);
  }
  running = false;
}

const server = createServer((req, res) => {
  const isReady = req.method === "GET" && req.url === readyPath;
  req.on("data", () => {});
  req.on("end", () => {
    if (isReady) return sendCanned(res, cannedReady);
    waiting.push(res);
    if (!running) {
      running = true;
      setImmediate(runBatches);
    }
  });
});
server.listen(Number(values.port), host, () => console.log(`ceiling-infer on http://${host}:${values.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
