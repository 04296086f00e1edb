// Baseline "ceiling-http": a bare node:http server that reads each request body to its end and answers
// a fixed, pre-serialised v2 infer response. No parsing, no inference: the most any Node HTTP server
// can answer on this machine, which an inference server can approach but not pass.
//   node scripts/bench/serve/ceiling-http.mjs --port PORT [--host 127.0.0.1]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { cannedAnswer, cannedReady, readyPath, sendCanned } from "./infer-bodies.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
const host = values.host ?? "127.0.0.1";

const answer = cannedAnswer("ceiling");

const server = createServer((req, res) => {
  const body = req.method === "GET" && req.url === readyPath ? cannedReady : answer;
  req.on("data", () => {});
  req.on("end", () => sendCanned(res, body));
});
server.listen(Number(values.port), host, () => console.log(`ceiling-http on http://${host}:${values.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
