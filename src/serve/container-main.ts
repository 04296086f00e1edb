// The serving image's door: the container runs `node /app/server/index.js`, a bundle of this file.
// It serves the one model baked into the image, described by the JSON file MLOPS_SERVING names
// (/app/model/serving.json), and stops gracefully on SIGTERM (what `podman stop` and Kubernetes send).
// MLOPS_WORKERS=N runs N server processes on the port: this same file, forked, is each worker.
// MLOPS_PREDICTION_LOG names the prediction log: a file, or - for standard output (JSON lines).
// MLOPS_DRIFT_REFERENCE names a reference profile for live input drift (MLOPS_DRIFT_WINDOW rows).
import cluster from "node:cluster";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { userMessage } from "../errors/index.js";
import { readProfileFile } from "../validate/profile-file.js";
import { runClusterWorker } from "./cluster-worker.js";
import { serveDefaults } from "./defaults.js";
import type { ServableModel } from "./model.js";
import { startServing } from "./serving.js";

/** What the image build writes next to the model: the servable model without host paths. */
export interface ServingDescriptor extends Omit<ServableModel, "onnxPath"> {
  /** The ONNX file, relative to the model directory. */
  file: string;
}

/** A number from the environment; unset leaves the server's default (serveDefaults). */
function envNumber(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}: expected a number >= 0, got '${text}'`);
  return value;
}

/** `{ [key]: value }` when the environment sets it, else nothing. */
function fromEnv<K extends string>(key: K, name: string): { [P in K]?: number } {
  const value = envNumber(name);
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

async function main(): Promise<void> {
  const descriptorFile = process.env.MLOPS_SERVING ?? "/app/model/serving.json";
  const modelDir = dirname(descriptorFile);
  const descriptor = JSON.parse(await readFile(descriptorFile, "utf8")) as ServingDescriptor;
  const { file, ...rest } = descriptor;
  const log = (level: string) => (msg: string) =>
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg })}\n`);
  const logPath = process.env.MLOPS_PREDICTION_LOG;
  const workers = envNumber("MLOPS_WORKERS") ?? 1;
  if (!Number.isInteger(workers) || workers < 1) {
    throw new Error(`MLOPS_WORKERS: expected a whole number >= 1, got '${process.env.MLOPS_WORKERS}'`);
  }
  // A reference profile mounted into the pod (a ConfigMap of `mlops profile`'s output) turns on
  // live input drift in /metrics.
  const driftReference = process.env.MLOPS_DRIFT_REFERENCE;
  const driftWindow = envNumber("MLOPS_DRIFT_WINDOW");
  const server = await startServing({
    model: { ...rest, onnxPath: join(modelDir, file) },
    host: process.env.HOST ?? "0.0.0.0",
    port: envNumber("PORT") ?? 8080,
    ...fromEnv("maxBatchRows", "MLOPS_MAX_BATCH"),
    ...fromEnv("maxBatchDelayMs", "MLOPS_MAX_DELAY_MS"),
    ...fromEnv("intraOpThreads", "MLOPS_THREADS"),
    ...fromEnv("headersTimeoutMs", "MLOPS_HEADERS_TIMEOUT_MS"),
    ...fromEnv("receiveTimeoutMs", "MLOPS_RECEIVE_TIMEOUT_MS"),
    ...fromEnv("keepAliveTimeoutMs", "MLOPS_KEEP_ALIVE_TIMEOUT_MS"),
    ...fromEnv("maxConnections", "MLOPS_MAX_CONNECTIONS"),
    ...(logPath
      ? {
          predictionLog: {
            path: logPath,
            sampleRate: envNumber("MLOPS_SAMPLE_RATE") ?? serveDefaults.sampleRate,
          },
        }
      : {}),
    ...(driftReference
      ? {
          liveDrift: {
            reference: await readProfileFile(driftReference),
            ...(driftWindow === undefined ? {} : { windowRows: driftWindow }),
          },
        }
      : {}),
    logger: { info: log("info"), warn: log("warn") },
    workers,
    // This file is each worker's program too (it checks cluster.isWorker below).
    workerScript: process.argv[1] as string,
  });
  log("info")(
    `serving ${descriptor.name} ${descriptor.version} at ${server.url}${workers > 1 ? ` with ${workers} workers` : ""}`,
  );
  // Workers that keep dying: the container exits and its orchestrator decides what comes next.
  void server.failed.then(() => process.exit(1));
  const stop = (signal: string) => {
    log("info")(`${signal}: finishing requests in flight`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

if (cluster.isWorker) runClusterWorker();
else {
  main().catch((err: unknown) => {
    process.stderr.write(`mlops serve: ${userMessage(err)}\n`);
    process.exit(1);
  });
}
