// Baseline "plain-node": the v2 infer route written the obvious way on node:http, as a first version
// would be: JSON.parse the body, one onnxruntime-node tensor per input, one `session.run` per request
// with default session options, JSON.stringify the answer.
//   node scripts/bench/serve/plain-node.mjs --port PORT [--host 127.0.0.1]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import ort from "onnxruntime-node";
import { inferPath, modelName, modelPath, readyPath } from "./infer-bodies.mjs";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
const host = values.host ?? "127.0.0.1";
const session = await ort.InferenceSession.create(modelPath);

function send(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

async function infer(body) {
  const request = JSON.parse(body);
  const feeds = {};
  for (const input of request.inputs) {
    feeds[input.name] =
      input.datatype === "BYTES"
        ? new ort.Tensor("string", input.data, input.shape)
        : new ort.Tensor("float32", Float32Array.from(input.data), input.shape);
  }
  const results = await session.run(feeds);
  return {
    model_name: modelName,
    model_version: "plain",
    outputs: session.outputNames.map((name) => ({
      name,
      shape: results[name].dims,
      datatype: "FP32",
      data: Array.from(results[name].data),
    })),
  };
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === readyPath) return send(res, 200, { ready: true });
  if (req.method !== "POST" || req.url !== inferPath) return send(res, 404, { error: "not found" });
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    infer(Buffer.concat(chunks).toString("utf8")).then(
      (answer) => send(res, 200, answer),
      (err) => send(res, 400, { error: String(err.message ?? err) }),
    );
  });
});
server.listen(Number(values.port), host, () => console.log(`plain-node on http://${host}:${values.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
