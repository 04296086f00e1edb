import type { InputSpec, LoadedModel } from "./model.js";
import { type Column, Rejection } from "./schema.js";
import type { RunOutput } from "./session-worker.js";

/** One output of a batch run: every row's values, row-major. */
export type OutputValues = RunOutput["data"];

export interface BatchResult {
  /** The model that computed it: after a swap, jobs queued for the old model still run on it. */
  model: LoadedModel;
  /** One per `model.outputs`, in that order. */
  outputs: OutputValues[];
}

export interface BatchJob {
  model: LoadedModel;
  rows: number;
  /** One per model input, in input order (from the request decoder). */
  columns: Column[];
  /** `performance.now()` when the job was submitted. */
  queuedAt: number;
  /**
   * Called exactly once: with the batch's result and this job's first row in it, or with why it did
   * not run (503 when it waited too long, 500 when the run failed).
   */
  done(result: BatchResult | undefined, offset: number, failure: Rejection | undefined): void;
}

export interface BatcherOptions {
  /** Rows per run; a single request bigger than this still runs, alone. */
  maxBatchRows: number;
  /**
   * Under concurrent load, how long a queued request may wait for more rows to join its batch once
   * the model is free. 0: run whatever is queued as soon as the previous run ends.
   */
  maxBatchDelayMs: number;
  /** A job still queued after this long is answered 503 instead of being run. */
  queueTimeoutMs: number;
  /**
   * Whether a batch of this many requests is all the server has in flight: then it runs on the
   * event loop's thread (`model.inline`), sparing the hop to the worker, since nobody waits behind it.
   */
  alone?(jobs: number): boolean;
  /** After every run: its rows and how long it took from sending the batch to its outputs. */
  onBatch?(rows: number, seconds: number): void;
  /** A failed run or a throwing callback, for the log. */
  onError?(err: unknown): void;
}

function concatColumn(batch: BatchJob[], k: number, input: InputSpec, size: number): Column {
  if (input.type === "string") {
    const out = new Array<string>(size);
    let o = 0;
    for (const job of batch) {
      const part = job.columns[k] as string[];
      for (let i = 0; i < part.length; i++) out[o++] = part[i] as string;
    }
    return out;
  }
  let out: Exclude<Column, string[]>;
  switch (input.type) {
    case "float32":
      out = new Float32Array(size);
      break;
    case "float64":
      out = new Float64Array(size);
      break;
    case "int32":
      out = new Int32Array(size);
      break;
    case "int64":
      out = new BigInt64Array(size);
      break;
    default:
      out = new Uint8Array(size);
  }
  let o = 0;
  for (const job of batch) {
    const part = job.columns[k] as typeof out;
    (out as Float32Array).set(part as Float32Array, o);
    o += part.length;
  }
  return out;
}

/**
 * Micro-batching in front of a model. One run at a time: a request arriving when the model is idle
 * runs at once, alone (no added latency at low load); requests arriving while a run is under way
 * queue, and run together, up to `maxBatchRows` rows, when it ends. Each run has a fixed cost (the
 * tensors and onnxruntime's own call, about 80 µs for the fuel-efficiency trees here, plus 70 µs of
 * thread hops in the worker) that a batch shares: 32 rows cost about three times one row, not 32.
 * A batch that is all the server has in flight runs on the event loop's thread; otherwise it goes to
 * the worker, and the event loop reads and decodes the next requests meanwhile.
 */
export class Batcher {
  private queue: BatchJob[] = [];
  private queuedRows = 0;
  private running = false;
  private lingering: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  /** Requests in the last run: more than one means requests are arriving concurrently. */
  private lastBatchJobs = 0;
  private readonly options: BatcherOptions;

  constructor(options: BatcherOptions) {
    this.options = options;
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0 && this.lingering === undefined) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  submit(job: BatchJob): void {
    this.queue.push(job);
    this.queuedRows += job.rows;
    if (this.running) return;
    if (this.lingering !== undefined) {
      if (this.queuedRows < this.options.maxBatchRows) return;
      clearTimeout(this.lingering);
      this.lingering = undefined;
    }
    this.dispatch();
  }

  /** Takes the longest prefix of the queue that can share a run, and starts it. */
  private dispatch(): void {
    const queue = this.queue;
    const { maxBatchRows, queueTimeoutMs } = this.options;
    const now = performance.now();
    const batch: BatchJob[] = [];
    let rows = 0;
    let model: LoadedModel | undefined;
    let i = 0;
    for (; i < queue.length; i++) {
      const job = queue[i] as BatchJob;
      if (now - job.queuedAt > queueTimeoutMs) {
        this.settle(
          job,
          undefined,
          0,
          new Rejection(503, `timed out after ${queueTimeoutMs} ms waiting for the model`),
        );
        this.queuedRows -= job.rows;
        continue;
      }
      if (model === undefined) model = job.model;
      else if (job.model !== model || !model.batchable || rows + job.rows > maxBatchRows) break;
      batch.push(job);
      rows += job.rows;
    }
    if (i === queue.length) this.queue = [];
    else queue.splice(0, i);
    this.queuedRows -= rows;
    if (model === undefined) {
      // Everything queued had timed out.
      if (this.idleWaiters.length > 0) this.notifyIdle();
      return;
    }
    this.run(model, batch, rows);
  }

  private run(model: LoadedModel, batch: BatchJob[], rows: number): void {
    const single = batch.length === 1 ? (batch[0] as BatchJob) : undefined;
    const inputs = model.inputs;
    const columns = single
      ? single.columns
      : inputs.map((input, k) => concatColumn(batch, k, input, rows * input.width));
    this.running = true;
    this.lastBatchJobs = batch.length;
    const started = performance.now();
    const session = this.options.alone?.(batch.length) ? model.inline : model.session;
    session.run(columns, rows).then(
      (outputs) => {
        this.options.onBatch?.(rows, (performance.now() - started) / 1000);
        this.finish(model, batch, rows, outputs);
      },
      (err: unknown) => {
        this.options.onError?.(err);
        const message = `inference failed: ${String((err as Error)?.message ?? err).split("\n")[0]}`;
        for (const job of batch) this.settle(job, undefined, 0, new Rejection(500, message));
        this.next();
      },
    );
  }

  private finish(model: LoadedModel, batch: BatchJob[], rows: number, outputs: RunOutput[]): void {
    let failure: Rejection | undefined;
    const values: OutputValues[] = [];
    for (let k = 0; k < model.outputs.length; k++) {
      const output = outputs[k] as RunOutput;
      // Splitting rows back per request needs every output to be per row.
      if (batch.length > 1 && output.dims[0] !== rows) {
        const name = (model.outputs[k] as { name: string }).name;
        failure = new Rejection(500, `output ${name} has ${output.dims[0]} rows for a batch of ${rows}`);
      }
      values.push(output.data);
    }
    const done: BatchResult = { model, outputs: values };
    let offset = 0;
    for (const job of batch) {
      if (failure) this.settle(job, undefined, 0, failure);
      else this.settle(job, done, offset, undefined);
      offset += job.rows;
    }
    this.next();
  }

  private settle(
    job: BatchJob,
    result: BatchResult | undefined,
    offset: number,
    failure: Rejection | undefined,
  ): void {
    try {
      job.done(result, offset, failure);
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  private next(): void {
    this.running = false;
    if (this.queue.length === 0) {
      if (this.idleWaiters.length > 0) this.notifyIdle();
      return;
    }
    const { maxBatchDelayMs, maxBatchRows } = this.options;
    // Under concurrent load a short wait fills the next batch, and fewer, fuller runs leave the event
    // loop more time for HTTP; a request that came alone (low load) never waits.
    if (maxBatchDelayMs > 0 && this.lastBatchJobs > 1 && this.queuedRows < maxBatchRows) {
      const wait = maxBatchDelayMs - (performance.now() - (this.queue[0] as BatchJob).queuedAt);
      if (wait >= 1) {
        this.lingering = setTimeout(() => {
          this.lingering = undefined;
          this.dispatch();
        }, wait);
        return;
      }
    }
    this.dispatch();
  }
}
