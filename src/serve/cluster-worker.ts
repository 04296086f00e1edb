// The worker side of `mlops serve --workers N` (cluster.ts is the primary's): a complete inference
// server whose GET /metrics answers for the whole cluster, driven by the primary's messages.
import { MlopsError, userMessage } from "../errors/index.js";
import type { FromWorker, ToWorker } from "./cluster.js";
import { createServeMetrics, type MetricValues } from "./metrics.js";
import { type InferenceServer, type PreparedSwap, startInferenceServer } from "./server.js";

function tell(message: FromWorker): void {
  if (process.connected) process.send?.(message);
}

function failure(err: unknown, id?: number): FromWorker {
  const code = err instanceof MlopsError ? err.code : "internal";
  return {
    mlops: "serve",
    op: "failed",
    ...(id === undefined ? {} : { id }),
    code,
    message: userMessage(err),
  };
}

/** Tells the primary what `work` gave, or why it failed, under the primary's request id. */
function answer<T>(id: number, work: Promise<T>, reply: (value: T) => FromWorker): void {
  work.then(
    (value) => tell(reply(value)),
    (err: unknown) => tell(failure(err, id)),
  );
}

/** Serves until the primary says close (or goes away), or this process gets SIGTERM or SIGINT. */
export function runClusterWorker(): void {
  let server: InferenceServer | undefined;
  let starting: Promise<void> | undefined;
  let stopping = false;
  const prepared = new Map<number, PreparedSwap>();
  const pages = new Map<
    number,
    { resolve: (p: { text: string; contentType: string }) => void; reject: (e: Error) => void }
  >();
  let nextPage = 0;
  let collect: () => Promise<MetricValues[]> = () =>
    Promise.reject(new MlopsError("refused", "this worker is not serving yet"));
  const logger = {
    info: (message: string) => tell({ mlops: "serve", op: "log", level: "info", message }),
    warn: (message: string) => tell({ mlops: "serve", op: "log", level: "warn", message }),
  };

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await starting?.catch(() => {});
    let code = 0;
    try {
      await server?.close();
    } catch (err) {
      process.stderr.write(`mlops serve worker: ${userMessage(err)}\n`);
      code = 1;
    }
    process.exit(code);
  };

  process.on("message", (raw: unknown) => {
    const message = raw as ToWorker;
    if (typeof message !== "object" || message === null || message.mlops !== "serve") return;
    switch (message.op) {
      case "start":
        starting = (async () => {
          const metrics = await createServeMetrics();
          server = await startInferenceServer(
            { ...message.options, logger },
            {
              metrics,
              // Any worker may get the scrape; the primary gathers every worker's values for it.
              metricsPage: () =>
                new Promise((resolve, reject) => {
                  const id = nextPage++;
                  pages.set(id, { resolve, reject });
                  tell({ mlops: "serve", op: "metrics", id });
                }),
            },
          );
          collect = () => metrics.values();
          tell({
            mlops: "serve",
            op: "listening",
            url: server.url,
            port: server.port,
            version: message.options.model.version,
          });
        })().catch((err: unknown) => {
          tell(failure(err));
          // The primary reads the failure, then sees the exit.
          setTimeout(() => process.exit(1), 100);
        });
        return;
      case "collect":
        answer(message.id, collect(), (values) => ({ mlops: "serve", op: "values", id: message.id, values }));
        return;
      case "page":
      case "page-failed": {
        const page = pages.get(message.id);
        pages.delete(message.id);
        if (message.op === "page") page?.resolve({ text: message.text, contentType: message.contentType });
        else page?.reject(new MlopsError("io", message.message));
        return;
      }
      case "prepare":
        if (!server) {
          tell(failure(new MlopsError("refused", "this worker is not serving yet"), message.id));
          return;
        }
        answer(message.id, server.prepareSwap(message.model), (swap) => {
          prepared.set(message.id, swap);
          return { mlops: "serve", op: "done", id: message.id };
        });
        return;
      case "commit":
      case "abort": {
        const swap = prepared.get(message.swap);
        prepared.delete(message.swap);
        if (message.op === "abort") {
          void swap?.abort();
          return;
        }
        if (!swap) {
          tell(failure(new MlopsError("internal", `no prepared swap ${message.swap}`), message.id));
          return;
        }
        try {
          swap.commit();
          tell({ mlops: "serve", op: "done", id: message.id });
        } catch (err) {
          tell(failure(err, message.id));
        }
        return;
      }
      case "close":
        void stop();
        return;
    }
  });
  // Without its primary no one can stop or switch it: drain and go.
  process.on("disconnect", () => void stop());
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  tell({ mlops: "serve", op: "hello" });
}
