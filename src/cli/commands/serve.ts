import { join } from "node:path";
import type { Command } from "commander";
import { MlopsError } from "../../errors/index.js";
import { packageRoot } from "../../files/index.js";
import { serveDefaults } from "../../serve/defaults.js";
import { commandContext } from "../context.js";

interface ServeFlags {
  host: string;
  port: string;
  maxBatch: string;
  maxDelayMs: string;
  maxRequestRows: string;
  bodyLimit: string;
  timeoutMs: string;
  threads: string;
  headersTimeoutMs: string;
  receiveTimeoutMs?: string;
  keepAliveTimeoutMs: string;
  maxConnections: string;
  predictionLog?: string;
  sampleRate: string;
  poll?: string;
  workers: string;
  driftReference?: string;
  driftWindow: string;
  shadow?: string;
  shadowFraction: string;
  shadowTolerance: string;
}

function number(text: string, flag: string, options: { integer?: boolean; min?: number } = {}): number {
  const value = Number(text);
  const min = options.min ?? 0;
  if (!Number.isFinite(value) || value < min || (options.integer && !Number.isInteger(value))) {
    throw new MlopsError(
      "usage",
      `${flag}: expected ${options.integer ? "an integer" : "a number"} >= ${min}`,
      {
        got: text,
      },
    );
  }
  return value;
}

/** `mlops serve`: a registered model version over HTTP (Open Inference Protocol and /predict). */
export function register(program: Command): void {
  program
    .command("serve")
    .description("serve a registered model over HTTP: name, name@vX.Y.Z or name#stage")
    .argument("<model>", "name (latest version), name@vX.Y.Z, or name#stage such as fuel-efficiency#staging")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option(
      "--max-batch <rows>",
      "rows per onnxruntime run when concurrent requests are batched",
      String(serveDefaults.maxBatchRows),
    )
    .option(
      "--max-delay-ms <ms>",
      "how long queued rows may wait for more to join their batch",
      String(serveDefaults.maxBatchDelayMs),
    )
    .option("--max-request-rows <rows>", "rows one request may carry", String(serveDefaults.maxRequestRows))
    .option("--body-limit <bytes>", "largest request body accepted", String(serveDefaults.bodyLimitBytes))
    .option(
      "--timeout-ms <ms>",
      "answer 503 when a request waited this long for the model",
      String(serveDefaults.requestTimeoutMs),
    )
    .option("--threads <n>", "onnxruntime intra-op threads per run", String(serveDefaults.intraOpThreads))
    .option(
      "--headers-timeout-ms <ms>",
      "answer 408 and close when a request's headers take longer than this to arrive",
      String(serveDefaults.headersTimeoutMs),
    )
    .option(
      "--receive-timeout-ms <ms>",
      `answer 408 and close when a whole request (headers and body) takes longer than this to arrive (default: ${serveDefaults.receiveTimeoutMs}, at least --headers-timeout-ms)`,
    )
    .option(
      "--keep-alive-timeout-ms <ms>",
      "close an idle kept-alive connection after this long",
      String(serveDefaults.keepAliveTimeoutMs),
    )
    .option(
      "--max-connections <n>",
      "open connections per server process; one more is closed at once",
      String(serveDefaults.maxConnections),
    )
    .option(
      "--prediction-log <file>",
      "append a sample of requests and predictions to this JSONL file (- for standard output)",
    )
    .option(
      "--sample-rate <fraction>",
      "share of requests written to the prediction log",
      String(serveDefaults.sampleRate),
    )
    .option("--poll <seconds>", "re-read the registry this often and switch to a new version of a stage")
    .option("--workers <n>", "server processes sharing the port, each with its own model session", "1")
    .option(
      "--drift-reference <profile>",
      "export live input drift in /metrics against this reference profile (mlops profile of the training data)",
    )
    .option("--drift-window <rows>", "rows per process the live drift PSI is computed over", "1000")
    .option(
      "--shadow <model@version>",
      "also run this version, off the request path, on a sample of requests: its predictions go to the log marked shadow, agreement and latency to /metrics",
    )
    .option(
      "--shadow-fraction <fraction>",
      "share of requests the shadow runs on, picked by a hash of the request id",
      "1",
    )
    .option(
      "--shadow-tolerance <fraction>",
      "a shadow's number agrees with the answer when within this share of it (labels must be equal)",
      "0.05",
    )
    .addHelpText(
      "after",
      `
Endpoints: GET /v2/health/live, /v2/health/ready, /v2/models/<name>; POST /v2/models/<name>/infer
(Open Inference Protocol, KServe v2); POST /predict with {"records": [{feature: value, ...}]};
GET /metrics (Prometheus). Requests are checked against the model's ONNX signature and the model
card's serving schema (400 naming the record and field). The model file's sha256 is checked
against its version manifest before it is loaded.

SIGHUP (or --poll) re-reads the registry: when the stage now holds another version, the server
loads and checks it and switches without failing a request. SIGTERM or SIGINT stop accepting
connections, finish the requests in flight, and exit.

--workers N runs N server processes on one port (node's cluster module hands them connections in
turn): one process uses about one core. They switch versions together (every worker loads and
checks the new one before any switches), GET /metrics sums all of them, and a worker that dies is
replaced; when workers exit or fail to start 5 times in a minute, the server stops with exit
code 1. MLOPS_WORKERS=N does the same in the serving image.

Slow and idle clients: a request whose headers (--headers-timeout-ms) or whole request
(--receive-timeout-ms) arrive too slowly is answered 408 and its connection closed; an idle
kept-alive connection closes after --keep-alive-timeout-ms; a process keeps at most
--max-connections open and closes any more at once (counted in
mlops_serve_dropped_connections_total), so bodies being received hold at most about
max-connections x body-limit bytes. A body nesting arrays and objects more than 64 levels deep is
answered 400 before it is parsed. An unexpected failure while answering one request is answered
500, counted in mlops_serve_unexpected_errors_total, and logged; the server keeps serving. The
image reads MLOPS_HEADERS_TIMEOUT_MS, MLOPS_RECEIVE_TIMEOUT_MS, MLOPS_KEEP_ALIVE_TIMEOUT_MS and
MLOPS_MAX_CONNECTIONS.

--drift-reference FILE (a profile from \`mlops profile\` of the training data) counts every
request's features in the profile's bins and exports, per feature, the PSI of the last
--drift-window rows against the reference (mlops_serve_input_drift_psi, the same PSI as
\`mlops drift\`), the window's bin counts and the counts since start.

--shadow NAME@vX.Y.Z runs a candidate version on the requests whose X-Request-Id hashes into
--shadow-fraction, after their answer is sent, in a thread of its own, one request at a time from a
queue of 64: a full queue drops the request (counted), a shadow that fails is counted, and neither
changes an answer. Both predictions go to --prediction-log (the shadow's line, with "shadow": true
and its run time, only when the answer's line was sampled); /metrics has mlops_serve_shadow_requests_total{outcome=ran|failed|dropped},
mlops_serve_shadow_rows_total{agreement=agree|disagree}, mlops_serve_shadow_duration_seconds,
mlops_serve_shadow_queue_depth and mlops_serve_shadow_info. \`mlops report --shadow LOG\` sums it
up. The shadow needs the served model's inputs, and one server process (no --workers).

With --json: one line {url, model, version, workers, pids, shadow} on stdout once the server listens.`,
    )
    .action(async (selector: string, flags: ServeFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { registryFollower, resolveServableModel, startServing } = await import("../../serve/index.js");
      const layout = repoLayout(ctx.root);
      const pollSeconds = flags.poll === undefined ? undefined : number(flags.poll, "--poll", { min: 1 });
      const workers = number(flags.workers, "--workers", { integer: true, min: 1 });
      const liveDrift = flags.driftReference
        ? {
            reference: await (await import("../../validate/profile-file.js")).readProfileFile(
              flags.driftReference,
            ),
            windowRows: number(flags.driftWindow, "--drift-window", { integer: true, min: 1 }),
          }
        : undefined;
      const resolved = await resolveServableModel(layout, selector);
      if (flags.shadow !== undefined && !/^[^@#]+@[^@#]+$/.test(flags.shadow)) {
        throw new MlopsError(
          "usage",
          `--shadow: expected a registered version, like ${resolved.model.name}@v1.2.0`,
          {
            got: flags.shadow,
          },
        );
      }
      const shadow =
        flags.shadow === undefined ? undefined : await resolveServableModel(layout, flags.shadow);
      const shadowFraction = number(flags.shadowFraction, "--shadow-fraction");
      if (shadowFraction > 1) {
        throw new MlopsError("usage", "--shadow-fraction: expected a fraction 0–1", {
          got: flags.shadowFraction,
        });
      }
      const server = await startServing({
        model: resolved.model,
        host: flags.host,
        port: number(flags.port, "--port", { integer: true }),
        maxBatchRows: number(flags.maxBatch, "--max-batch", { integer: true, min: 1 }),
        maxBatchDelayMs: number(flags.maxDelayMs, "--max-delay-ms"),
        maxRequestRows: number(flags.maxRequestRows, "--max-request-rows", { integer: true, min: 1 }),
        bodyLimitBytes: number(flags.bodyLimit, "--body-limit", { integer: true, min: 1 }),
        requestTimeoutMs: number(flags.timeoutMs, "--timeout-ms", { integer: true, min: 1 }),
        intraOpThreads: number(flags.threads, "--threads", { integer: true, min: 1 }),
        headersTimeoutMs: number(flags.headersTimeoutMs, "--headers-timeout-ms", { integer: true, min: 1 }),
        ...(flags.receiveTimeoutMs === undefined
          ? {}
          : {
              receiveTimeoutMs: number(flags.receiveTimeoutMs, "--receive-timeout-ms", {
                integer: true,
                min: 1,
              }),
            }),
        keepAliveTimeoutMs: number(flags.keepAliveTimeoutMs, "--keep-alive-timeout-ms", {
          integer: true,
          min: 1,
        }),
        maxConnections: number(flags.maxConnections, "--max-connections", { integer: true, min: 1 }),
        ...(flags.predictionLog
          ? {
              predictionLog: {
                path: flags.predictionLog,
                sampleRate: number(flags.sampleRate, "--sample-rate"),
              },
            }
          : {}),
        ...(liveDrift ? { liveDrift } : {}),
        ...(shadow
          ? {
              shadow: {
                model: shadow.model,
                fraction: shadowFraction,
                tolerance: number(flags.shadowTolerance, "--shadow-tolerance"),
              },
            }
          : {}),
        logger: ctx.logger,
        workers,
        workerScript: join(packageRoot, "lib/serve/cluster-worker-main.js"),
      });
      const info = {
        url: server.url,
        model: resolved.model.name,
        version: resolved.model.version,
        workers,
        pids: server.pids(),
        shadow: shadow ? shadow.model.version : null,
      };
      if (ctx.json) process.stdout.write(`${JSON.stringify(info)}\n`);
      else {
        ctx.logger.info(
          `serving ${info.model} ${info.version} at ${server.url} (POST /v2/models/${info.model}/infer, POST /predict, GET /metrics)`,
        );
      }

      const refresh = registryFollower(layout, selector, server, resolved.model, ctx.logger);
      const timer = pollSeconds ? setInterval(refresh, pollSeconds * 1000) : undefined;
      process.on("SIGHUP", refresh);
      const stopFollowing = () => {
        if (timer) clearInterval(timer);
        process.off("SIGHUP", refresh);
      };
      // Ends on SIGTERM or SIGINT once drained, or with the error of workers that kept dying.
      const failure = await new Promise<Error | undefined>((done) => {
        void server.failed.then(done);
        const stop = (signal: string) => {
          ctx.logger.info(`${signal}: finishing requests in flight, then stopping`);
          stopFollowing();
          server.close().then(
            () => done(undefined),
            (err: unknown) => {
              ctx.logger.warn(`shutdown: ${(err as Error).message}`);
              done(undefined);
            },
          );
        };
        process.once("SIGTERM", () => stop("SIGTERM"));
        process.once("SIGINT", () => stop("SIGINT"));
      });
      stopFollowing();
      if (failure) throw failure;
    });
}
