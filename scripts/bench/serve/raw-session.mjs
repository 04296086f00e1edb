// The inference ceiling: bare `session.run` on prebuilt tensors, in process, one intra-op thread, for
// one row (16 different rows in turn, as the servers get) and for batches of 16 and 64 rows. Prints
// one JSON object: µs per call and rows/s for each batch size (best of the rounds), and the model's
// answer for each of the 16 bench rows, which the harness compares the servers' answers with. Also
// times JSON.parse of the request bodies: the least a server that reads JSON pays per request.
//   node scripts/bench/serve/raw-session.mjs [--seconds S] [--expected-only]
import { parseArgs } from "node:util";
import ort from "onnxruntime-node";
import { benchFeeds, benchRows, inferBodies, openBenchSession } from "./infer-bodies.mjs";

const { values } = parseArgs({
  options: { seconds: { type: "string" }, "expected-only": { type: "boolean" } },
});
const secondsPerBatchSize = Number(values.seconds ?? 2);
const rounds = 5;

const session = await openBenchSession(ort);
const rows = benchRows(16);
const feedsFor = (count, offset = 0) => benchFeeds(ort, rows, count, offset);

const expected = [];
for (let i = 0; i < rows.length; i++) {
  const out = await session.run(feedsFor(1, i));
  expected.push(out.prediction.data[0]);
}

if (values["expected-only"]) {
  console.log(JSON.stringify({ onnxruntime: ort.env.versions?.common ?? null, batches: [], expected }));
  process.exit(0);
}

const results = [];
for (const batch of [1, 16, 64]) {
  const feeds = batch === 1 ? rows.map((_, i) => feedsFor(1, i)) : [feedsFor(batch)];
  // Warm up, then size the rounds so each takes about secondsPerBatchSize / rounds.
  let calls = 0;
  const warmStart = performance.now();
  while (performance.now() - warmStart < 200) await session.run(feeds[calls++ % feeds.length]);
  const perCallMs = 200 / calls;
  const callsPerRound = Math.max(50, Math.round((secondsPerBatchSize * 1000) / rounds / perCallMs));
  let bestUs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < callsPerRound; i++) await session.run(feeds[i % feeds.length]);
    bestUs = Math.min(bestUs, ((performance.now() - start) * 1000) / callsPerRound);
  }
  results.push({
    batch,
    us_per_call: bestUs,
    rows_per_s: (batch * 1e6) / bestUs,
    calls_per_round: callsPerRound,
  });
}

// The bodies as they arrive: bytes, decoded and parsed (best of the rounds, like the runs).
const bodies = inferBodies(rows).map((body) => Buffer.from(body));
let parsed = 0;
let bestParseUs = Number.POSITIVE_INFINITY;
for (let r = 0; r < rounds + 1; r++) {
  const calls = 200_000;
  const start = performance.now();
  for (let i = 0; i < calls; i++) parsed += JSON.parse(bodies[i & 15].toString("utf8")).inputs.length;
  // The first round warms up.
  if (r > 0) bestParseUs = Math.min(bestParseUs, ((performance.now() - start) * 1000) / calls);
}
const jsonParse = { us_per_body: bestParseUs, body_bytes: bodies[0].length, inputs_seen: parsed };

console.log(
  JSON.stringify({
    onnxruntime: ort.env.versions?.common ?? null,
    batches: results,
    json_parse: jsonParse,
    expected,
  }),
);
