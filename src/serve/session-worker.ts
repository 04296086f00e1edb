import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { MlopsError } from "../errors/index.js";

/** One model input's values for some rows, row-major, in the type onnxruntime takes for it. */
export type Column = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array | string[];

/** An input or output as onnxruntime describes it (its `InferenceSession.ValueMetadata`). */
export interface ValueMetadata {
  name: string;
  isTensor: boolean;
  type?: string;
  shape?: (number | string)[];
}

/** One output of a run: every row's values, row-major, and the tensor's dimensions. */
export interface RunOutput {
  data: Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array | string[];
  dims: number[];
}

export interface SessionOptions {
  intraOpThreads: number;
  /** onnxruntime logs only fatal errors: a shadow's failures are counted, not printed per run. */
  quiet?: boolean;
}

/** Where a batch runs: the worker's session, or the event loop's own for a request alone. */
export interface ModelSession {
  /** Runs `rows` rows, one column per input in input order; outputs are the tensor outputs, in order. */
  run(columns: Column[], rows: number): Promise<RunOutput[]>;
  release(): Promise<void>;
}

/** A session living in the worker thread. */
export interface WorkerSession extends ModelSession {
  readonly inputMetadata: ValueMetadata[];
  readonly outputMetadata: ValueMetadata[];
}

type Reply =
  | { op: "loaded"; id: number; inputs: ValueMetadata[]; outputs: ValueMetadata[] }
  | { op: "result"; id: number; outputs: RunOutput[] }
  | { op: "failed"; id: number; message: string };

/**
 * The worker thread's program. It is sent as source text (`String(sessionWorkerMain)`, run with
 * `eval`), so it must be self-contained: no imports, no closures over module scope. Source text
 * works the same from `src/` under vitest, from `lib/` and from a bundle, where a separate worker file
 * would need a build step of its own (hence `module.require` below). Messages are handled in order, so a session is released only
 * after the runs sent before the release.
 */
function sessionWorkerMain(): void {
  // The eval'd worker is a CommonJS module. Its require is reached through `module`: an ES module
  // bundler (esbuild, lib/bundle/) rewrites a bare `require(…)` into a helper that the worker lacks.
  const load = module.require.bind(module) as NodeJS.Require;
  const { parentPort, workerData } = load("node:worker_threads");
  const ort = load(workerData.ortPath);
  interface Loaded {
    session: {
      run(
        feeds: Record<string, unknown>,
        fetches: string[],
      ): Promise<Record<string, { data: unknown; dims: number[] }>>;
      release(): Promise<void>;
    };
    names: string[];
    types: string[];
    tails: number[][];
    fetches: string[];
  }
  const sessions = new Map<number, Loaded>();
  const fail = (id: number, err: unknown) =>
    parentPort.postMessage({ op: "failed", id, message: String((err as Error)?.message ?? err) });
  parentPort.on("message", (m: { op: string; id: number; session: number; [key: string]: unknown }) => {
    if (m.op === "load") {
      ort.InferenceSession.create(m.bytes, m.options).then(
        (
          session: Loaded["session"] & { inputMetadata: ValueMetadata[]; outputMetadata: ValueMetadata[] },
        ) => {
          const inputs = session.inputMetadata;
          const outputs = session.outputMetadata;
          sessions.set(m.id, {
            session,
            names: inputs.map((i) => i.name),
            types: inputs.map((i) => i.type as string),
            tails: inputs.map((i) => (i.shape ?? []).slice(1) as number[]),
            fetches: outputs.filter((o) => o.isTensor).map((o) => o.name),
          });
          parentPort.postMessage({ op: "loaded", id: m.id, inputs, outputs });
        },
        (err: unknown) => fail(m.id, err),
      );
    } else if (m.op === "run") {
      const loaded = sessions.get(m.session);
      if (!loaded) return fail(m.id, new Error("the model is not loaded in the worker"));
      const columns = m.columns as unknown[];
      const rows = m.rows as number;
      const feeds: Record<string, unknown> = {};
      try {
        for (let k = 0; k < loaded.names.length; k++) {
          feeds[loaded.names[k] as string] = new ort.Tensor(loaded.types[k], columns[k], [
            rows,
            ...(loaded.tails[k] as number[]),
          ]);
        }
      } catch (err) {
        return fail(m.id, err);
      }
      loaded.session.run(feeds, loaded.fetches).then(
        (result) => {
          const outputs = loaded.fetches.map((name) => ({
            data: result[name]?.data,
            dims: result[name]?.dims,
          }));
          parentPort.postMessage({ op: "result", id: m.id, outputs });
        },
        (err: unknown) => fail(m.id, err),
      );
    } else if (m.op === "release") {
      const loaded = sessions.get(m.session);
      sessions.delete(m.session);
      const done = () => parentPort.postMessage({ op: "result", id: m.id, outputs: [] });
      if (loaded) loaded.session.release().then(done, (err: unknown) => fail(m.id, err));
      else done();
    }
  });
}

interface Pending {
  resolve(reply: Reply): void;
  reject(err: Error): void;
}

/**
 * onnxruntime-node runs a session synchronously on the calling thread. On the event loop's thread
 * every run would stall the HTTP work (parsing, answering) for its whole duration, so sessions live
 * in one worker thread instead: the event loop decodes and answers requests while the worker runs
 * the previous batch, and the two use both cores of a small machine. One worker per server, one run
 * at a time (the batcher never sends a second before the first returns).
 */
export class SessionWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | undefined;
  private readonly stopListeners: ((reason: Error) => void)[] = [];

  private constructor(ortPath: string) {
    this.worker = new Worker(`(${String(sessionWorkerMain)})()`, { eval: true, workerData: { ortPath } });
    // The HTTP server keeps the process alive while it serves; the worker alone never should.
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => {
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (reply.op === "failed") call.reject(new Error(reply.message));
      else call.resolve(reply);
    });
    this.worker.on("error", (err) => this.stop(err));
    this.worker.on("exit", (code) => this.stop(new Error(`the inference worker exited with code ${code}`)));
  }

  /** Starts the worker; onnxruntime is resolved from this package, the way `loadOrt` imports it. */
  static start(): SessionWorker {
    let ortPath: string;
    try {
      ortPath = createRequire(import.meta.url).resolve("onnxruntime-node");
    } catch (err) {
      throw new MlopsError("not-found", "onnxruntime-node is not installed", {
        hint: "run npm ci in the repository",
        cause: err,
      });
    }
    return new SessionWorker(ortPath);
  }

  /** Why the worker stopped, once it has. */
  get failure(): Error | undefined {
    return this.stopped;
  }

  onStop(listener: (reason: Error) => void): void {
    this.stopListeners.push(listener);
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = new Error(`the inference worker stopped: ${reason.message}`);
    for (const call of this.pending.values()) call.reject(this.stopped);
    this.pending.clear();
    for (const listener of this.stopListeners) listener(this.stopped);
  }

  private call(message: Record<string, unknown>): Promise<Reply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Creates a session from the model's bytes (copied to the worker; the caller keeps its buffer). */
  async load(bytes: Uint8Array, options: SessionOptions): Promise<WorkerSession> {
    const reply = await this.call({
      op: "load",
      bytes,
      options: {
        intraOpNumThreads: options.intraOpThreads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
        ...(options.quiet ? { logSeverityLevel: 4 } : {}),
      },
    });
    if (reply.op !== "loaded") throw new Error("unexpected reply from the inference worker");
    const session = reply.id;
    const worker = this;
    return {
      inputMetadata: reply.inputs,
      outputMetadata: reply.outputs,
      async run(columns, rows) {
        const result = await worker.call({ op: "run", session, columns, rows });
        return (result as Extract<Reply, { op: "result" }>).outputs;
      },
      async release() {
        if (!worker.stopped) await worker.call({ op: "release", session });
      },
    };
  }

  async close(): Promise<void> {
    this.stop(new Error("closed"));
    await this.worker.terminate();
  }
}
