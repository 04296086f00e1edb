// `mlops serve --workers N`: N server processes sharing one port through node:cluster (the primary
// accepts connections and hands them to the workers in turn). One process runs its requests' JSON,
// checks and onnxruntime runs on one core; more cores need more processes. The primary serves
// nothing itself: it starts and replaces workers, switches them to a new version together, and
// answers a worker's GET /metrics with every worker's metrics summed.
import cluster, { type Worker } from "node:cluster";
import { MlopsError, userMessage } from "../errors/index.js";
import { serveDefaults } from "./defaults.js";
import { exposition, type MetricValues } from "./metrics.js";
import type { ServableModel } from "./model.js";
import { checkServableModel, type ServeLogger, type ServeOptions } from "./options.js";
import type { InferenceServer } from "./server.js";

export interface ClusterOptions extends ServeOptions {
  /** Server processes (2 or more makes sense; 1 still runs one worker under a primary). */
  workers: number;
  /** The module a worker runs: one that calls `runClusterWorker()` (lib/serve/cluster-worker.js). */
  workerScript: string;
}

export interface ServingCluster extends Omit<InferenceServer, "prepareSwap"> {
  /** The workers' process ids, by slot. */
  pids(): number[];
  /**
   * Settles when the cluster gave up: a replacement worker could not start, or workers kept
   * exiting. The cluster has closed by then; the error says why.
   */
  readonly failed: Promise<MlopsError>;
}

/** Everything but the logger, which stays in the primary: workers send it their lines. */
type WorkerServeOptions = Omit<ServeOptions, "logger">;

/** What the primary sends a worker. */
export type ToWorker =
  | { mlops: "serve"; op: "start"; options: WorkerServeOptions }
  | { mlops: "serve"; op: "prepare"; id: number; model: ServableModel }
  /** Switch to the version prepared under the id `swap`; answered under `id`. */
  | { mlops: "serve"; op: "commit"; id: number; swap: number }
  | { mlops: "serve"; op: "abort"; swap: number }
  | { mlops: "serve"; op: "collect"; id: number }
  | { mlops: "serve"; op: "page"; id: number; text: string; contentType: string }
  | { mlops: "serve"; op: "page-failed"; id: number; message: string }
  | { mlops: "serve"; op: "close" };

/** What a worker sends the primary. */
export type FromWorker =
  /** The worker listens for messages (`online` comes before its program has loaded). */
  | { mlops: "serve"; op: "hello" }
  | { mlops: "serve"; op: "listening"; url: string; port: number; version: string }
  | { mlops: "serve"; op: "log"; level: "info" | "warn"; message: string }
  | { mlops: "serve"; op: "done"; id: number }
  | { mlops: "serve"; op: "failed"; id?: number; code: string; message: string }
  | { mlops: "serve"; op: "values"; id: number; values: MetricValues[] }
  | { mlops: "serve"; op: "metrics"; id: number };

/** Workers that exit on their own this many times within `crashWindowMs` stop the cluster. */
const crashLimit = 5;
const crashWindowMs = 60_000;
/** How long the primary waits for a worker's answer to a swap step or a metrics collection. */
const answerTimeoutMs = 30_000;

function isFromWorker(message: unknown): message is FromWorker {
  return (
    typeof message === "object" && message !== null && (message as { mlops?: unknown }).mlops === "serve"
  );
}

function errorFrom(message: { code: string; message: string }): MlopsError {
  return new MlopsError(message.code as MlopsError["code"], message.message);
}

/** One worker slot: the process now in it, and the answers it owes the primary. */
interface Slot {
  index: number;
  worker: Worker;
  /** Its program has loaded and takes messages; one sent before is lost. */
  hello: boolean;
  /** Listening and serving: swaps and metrics collections include it. */
  ready: boolean;
  /** The version the process was started with or last switched to. */
  version: string;
  owed: Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>;
}

class ClusterPrimary {
  private readonly slots: Slot[] = [];
  private model: ServableModel;
  private nextId = 0;
  private closing: Promise<void> | undefined;
  private crashes: number[] = [];
  private swapping: Promise<void> = Promise.resolve();
  private giveUp: (err: MlopsError) => void = () => {};
  readonly failed = new Promise<MlopsError>((resolve) => {
    this.giveUp = resolve;
  });
  url = "";
  port = 0;
  private readonly drainLimitMs: number;
  /** What every worker is started with, but the model: that is the one served when it starts. */
  private readonly serve: WorkerServeOptions;

  constructor(
    options: ClusterOptions,
    private readonly logger: ServeLogger,
  ) {
    const { workers: _workers, workerScript: _script, logger: _logger, ...serve } = options;
    this.serve = serve;
    this.model = options.model;
    this.drainLimitMs = (options.requestTimeoutMs ?? serveDefaults.requestTimeoutMs) + 5000;
  }

  private send(slot: Slot, message: ToWorker): void {
    if (slot.worker.isConnected()) slot.worker.send(message);
  }

  /** Sends a request that the worker answers with `done`, `values` or `failed` under the same id. */
  private ask(slot: Slot, make: (id: number) => ToWorker): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        slot.owed.delete(id);
        reject(
          new MlopsError("io", `worker ${slot.index + 1} did not answer in ${answerTimeoutMs / 1000} s`),
        );
      }, answerTimeoutMs);
      slot.owed.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send(slot, make(id));
    });
  }

  /** Starts a worker in slot `index` on the current model; resolves once it listens. */
  start(index: number): Promise<Slot> {
    const version = this.model.version;
    const worker = cluster.fork();
    const slot: Slot = {
      index,
      worker,
      hello: false,
      ready: false,
      version,
      owed: new Map(),
    };
    this.slots[index] = slot;
    return new Promise<Slot>((resolve, reject) => {
      let started = false;
      worker.on("message", (message: unknown) => {
        if (!isFromWorker(message)) return;
        if (message.op === "hello") {
          slot.hello = true;
          // Closing began while it loaded: the close it could not take then is sent now.
          if (this.closing) this.send(slot, { mlops: "serve", op: "close" });
          else
            this.send(slot, { mlops: "serve", op: "start", options: { ...this.serve, model: this.model } });
          return;
        }
        if (message.op === "listening" && !started) {
          started = true;
          slot.ready = true;
          this.url = message.url;
          this.port = message.port;
          this.logger.info(
            `worker ${index + 1} (pid ${worker.process.pid}) ready, serving ${message.version}`,
          );
          resolve(slot);
          // It started on a version the others have left meanwhile: bring it along.
          if (version !== this.model.version) void this.swapAll(this.model, [slot]).catch(() => {});
          return;
        }
        if (message.op === "failed" && message.id === undefined && !started) {
          started = true;
          reject(errorFrom(message));
          return;
        }
        this.onMessage(slot, message);
      });
      worker.once("exit", (code, signal) => {
        slot.ready = false;
        for (const owed of slot.owed.values()) {
          owed.reject(new MlopsError("io", `worker ${index + 1} exited while the primary waited for it`));
        }
        slot.owed.clear();
        if (!started) {
          started = true;
          reject(
            new MlopsError(
              "io",
              `worker ${index + 1} exited (${signal ?? `code ${code}`}) before it listened`,
            ),
          );
          return;
        }
        if (this.slots[index] === slot && !this.closing) {
          this.restart(index, `(pid ${worker.process.pid}) exited (${signal ?? `code ${code}`})`);
        }
      });
    });
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    switch (message.op) {
      case "log": {
        const line = `worker ${slot.index + 1}: ${message.message}`;
        if (message.level === "warn") this.logger.warn(line);
        else this.logger.info(line);
        return;
      }
      case "metrics":
        this.page().then(
          (page) => this.send(slot, { mlops: "serve", op: "page", id: message.id, ...page }),
          (err: unknown) =>
            this.send(slot, { mlops: "serve", op: "page-failed", id: message.id, message: userMessage(err) }),
        );
        return;
      case "done":
      case "values":
      case "failed": {
        if (message.id === undefined) return;
        const owed = slot.owed.get(message.id);
        slot.owed.delete(message.id);
        if (!owed) return;
        if (message.op === "failed") owed.reject(errorFrom(message));
        else owed.resolve(message);
        return;
      }
      default:
        return;
    }
  }

  /**
   * A worker exited on its own, or its replacement could not start: start another in its place,
   * unless that happened `crashLimit` times within `crashWindowMs`.
   */
  private restart(index: number, what: string): void {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < crashWindowMs);
    this.crashes.push(now);
    if (this.crashes.length >= crashLimit) {
      this.fail(
        new MlopsError(
          "io",
          `workers exited or failed to start ${this.crashes.length} times in ${crashWindowMs / 1000} s (last: worker ${index + 1} ${what}); stopping`,
        ),
      );
      return;
    }
    this.logger.warn(`worker ${index + 1} ${what}; starting another`);
    this.start(index).catch((err: unknown) => {
      if (!this.closing) this.restart(index, `could not start: ${userMessage(err)}`);
    });
  }

  private fail(err: MlopsError): void {
    if (this.closing) return;
    this.logger.warn(err.message);
    void this.close().finally(() => this.giveUp(err));
  }

  /** Every ready worker's metrics, summed into one exposition. */
  private async page(): Promise<{ text: string; contentType: string }> {
    const ready = this.slots.filter((s) => s.ready);
    const answers = await Promise.all(
      ready.map((s) => this.ask(s, (id) => ({ mlops: "serve", op: "collect", id }))),
    );
    return exposition(answers.map((a) => (a.op === "values" ? a.values : [])));
  }

  /**
   * Switches `targets` (every ready worker by default) to `model`: all load and verify it first, and
   * only when all have does any switch, so the workers never serve two versions for long.
   */
  swapAll(model: ServableModel, targets?: Slot[]): Promise<void> {
    const run = this.swapping.then(async () => {
      checkServableModel(model);
      if (this.closing)
        throw new MlopsError("refused", "the server is shutting down; no model can be swapped in");
      const slots = targets ?? this.slots.filter((s) => s.ready);
      const prepared = await Promise.allSettled(
        slots.map((s) => this.ask(s, (id) => ({ mlops: "serve", op: "prepare", id, model }))),
      );
      const refusal = prepared.find((p): p is PromiseRejectedResult => p.status === "rejected");
      const ids = prepared.map((p) => (p.status === "fulfilled" && p.value.op === "done" ? p.value.id : -1));
      if (refusal) {
        slots.forEach((s, i) => {
          if ((ids[i] as number) >= 0) this.send(s, { mlops: "serve", op: "abort", swap: ids[i] as number });
        });
        throw refusal.reason;
      }
      // From here a worker that starts (or restarts) does so on the new version.
      if (targets === undefined) this.model = model;
      await Promise.all(
        slots.map(async (s, i) => {
          await this.ask(s, (id) => ({ mlops: "serve", op: "commit", id, swap: ids[i] as number }));
          s.version = model.version;
        }),
      );
    });
    this.swapping = run.catch(() => {});
    return run;
  }

  pids(): number[] {
    return this.slots.map((s) => s.worker.process.pid ?? 0);
  }

  /** Every worker drains its requests in flight and exits; resolves when all have. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.swapping;
      await Promise.all(
        this.slots.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.worker.isDead()) {
                resolve();
                return;
              }
              // One that has not loaded yet is sent its close when it says hello.
              if (s.hello) this.send(s, { mlops: "serve", op: "close" });
              // Draining ends when the requests in flight time out; one still there after is stuck.
              const stuck = setTimeout(() => {
                this.logger.warn(
                  `worker ${s.index + 1} (pid ${s.worker.process.pid}) did not stop; killing it`,
                );
                s.worker.process.kill("SIGKILL");
              }, this.drainLimitMs);
              s.worker.once("exit", () => {
                clearTimeout(stuck);
                resolve();
              });
            }),
        ),
      );
    })();
    return this.closing;
  }
}

/**
 * Starts `options.workers` server processes that share one port, each a complete server
 * (startInferenceServer) with its own onnxruntime session. Rejects (MlopsError) when a worker
 * cannot start, after stopping the others.
 */
export async function startServingCluster(options: ClusterOptions): Promise<ServingCluster> {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new MlopsError("usage", "workers: expected a whole number of processes >= 1", {
      got: String(options.workers),
    });
  }
  checkServableModel(options.model);
  const logger = options.logger ?? { info: () => {}, warn: () => {} };
  cluster.setupPrimary({ exec: options.workerScript, args: [], serialization: "json" });
  const primary = new ClusterPrimary(options, logger);
  // The first worker picks the port (when 0 asks for any) and the others share it.
  try {
    await primary.start(0);
    await Promise.all(Array.from({ length: options.workers - 1 }, (_, i) => primary.start(i + 1)));
  } catch (err) {
    await primary.close();
    throw err;
  }
  return {
    url: primary.url,
    port: primary.port,
    pids: () => primary.pids(),
    failed: primary.failed,
    swap: (model) => primary.swapAll(model),
    close: () => primary.close(),
  };
}
