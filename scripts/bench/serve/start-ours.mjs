// Starts our inference server (lib/serve, built from src/serve) on the fuel-efficiency model, for the
// serving benchmark. Prints the URL once listening and closes on SIGTERM. Exits 3, saying so, when
// lib/serve is not there (not written or not built yet), so the harness can skip it.
// With --workers N it runs N processes sharing the port, as `mlops serve --workers N` does.
//   node scripts/bench/serve/start-ours.mjs --port PORT [--host 127.0.0.1] [--workers N]
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { modelName, modelPath } from "./infer-bodies.mjs";

// The harness (serve-benches.mjs) reads this exit code as "not available".
const notAvailableExitCode = 3;

const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string" }, workers: { type: "string" } },
});
const host = values.host ?? "127.0.0.1";
const port = Number(values.port);
const workers = Number(values.workers ?? 1);
const entry = new URL("../../../lib/serve/index.js", import.meta.url);

let serve;
try {
  serve = await import(entry.href);
} catch (err) {
  if (err?.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("lib/serve/index.js")) {
    console.error("ours: not available (lib/serve missing; `npm run build:lib` builds it from src/serve)");
    process.exit(notAvailableExitCode);
  }
  throw err;
}
if (typeof serve.startServing !== "function") {
  console.error("ours: not available (lib/serve/index.js exports no startServing)");
  process.exit(notAvailableExitCode);
}

const sha256 = createHash("sha256").update(readFileSync(modelPath)).digest("hex");
const options = { model: { name: modelName, version: "bench", onnxPath: modelPath, sha256 }, host, port };
const server = await serve.startServing({
  ...options,
  workers,
  workerScript: new URL("../../../lib/serve/cluster-worker-main.js", import.meta.url).pathname,
  logger: { info: () => {}, warn: (m) => console.error(m) },
});
console.log(server?.url ?? `http://${host}:${port}`);

process.on("SIGTERM", async () => {
  await server?.close?.();
  process.exit(0);
});
