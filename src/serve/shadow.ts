import { MlopsError, userMessage } from "../errors/index.js";
import type { OutputValues } from "./batcher.js";
import { type LoadedModel, loadServableModel, releaseModel, type ServableModel } from "./model.js";
import type { ServeLogger } from "./options.js";
import type { PredictionLog } from "./prediction-log.js";
import { buildResponseEncoder, type ResponseEncoder } from "./responses.js";
import type { Column } from "./schema.js";
import { SessionWorker } from "./session-worker.js";
import { createShadowMetrics, type ShadowMetrics } from "./shadow-metrics.js";

/** A candidate version run on a sample of the served requests, whose answers nobody receives. */
export interface ShadowOptions {
  model: ServableModel;
  /** Share of requests the shadow runs on, 0–1, picked by a hash of the request id (default 1). */
  fraction?: number;
  /** Requests waiting for the shadow at most; one more is dropped and counted (default 64). */
  queueLimit?: number;
  /** Numbers agree when |shadow − served| ≤ tolerance × |served| (default 0.05). */
  tolerance?: number;
}

export const shadowDefaults = { fraction: 1, queueLimit: 64, tolerance: 0.05 } as const;

/**
 * Whether a request is in the shadow's sample: FNV-1a of its id against the fraction, so the same
 * ids are picked on every run and in every process (a test or a replay sees the same sample).
 */
export function inShadowSample(requestId: string, fraction: number): boolean {
  if (fraction >= 1) return true;
  if (fraction <= 0) return false;
  let h = 0x811c9dc5;
  for (let i = 0; i < requestId.length; i++) {
    h ^= requestId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000 < fraction;
}

/**
 * Whether two predictions of one row agree: numbers within the relative tolerance, classifier rows
 * ({label, probabilities}) by label, anything else by equal JSON. Shared with `mlops report --shadow`.
 */
export function predictionsAgree(served: unknown, shadow: unknown, tolerance: number): boolean {
  if (typeof served === "number" && typeof shadow === "number") {
    return Math.abs(shadow - served) <= tolerance * Math.abs(served) || shadow === served;
  }
  if (Array.isArray(served) && Array.isArray(shadow)) {
    return (
      served.length === shadow.length && served.every((s, i) => predictionsAgree(s, shadow[i], tolerance))
    );
  }
  const labelOf = (x: unknown) =>
    x !== null && typeof x === "object" && "label" in x ? (x as { label: unknown }).label : undefined;
  if (labelOf(served) !== undefined && labelOf(shadow) !== undefined)
    return labelOf(served) === labelOf(shadow);
  return JSON.stringify(served) === JSON.stringify(shadow);
}

/** What the request path hands over once the answer is sent. */
export interface ShadowJob {
  requestId: string;
  columns: Column[];
  rows: number;
  /** The served model's predictions of these rows, as `/predict` shows them (built only when sampled). */
  served: () => string;
  /** The rows as the log shows them, when the served answer was logged (the shadow's line then joins it). */
  records: string | undefined;
}

function sameInputs(a: LoadedModel, b: LoadedModel): boolean {
  return (
    a.inputs.length === b.inputs.length &&
    a.inputs.every((x, i) => {
      const y = b.inputs[i];
      return y !== undefined && x.name === y.name && x.type === y.type && x.width === y.width;
    })
  );
}

/**
 * Runs a shadow version off the request path: in a session worker of its own (a slow shadow never
 * holds the served model's thread), one request at a time, from a bounded queue that drops (and
 * counts) what does not fit. Its predictions go to the prediction log marked `"shadow": true`, its
 * agreement with the served answer and its run time to `/metrics`. Nothing it does reaches a client:
 * `offer` returns at once and never throws.
 */
export class ShadowRunner {
  private readonly queue: ShadowJob[] = [];
  private running = false;
  private closed = false;
  private warned = false;
  private idleWaiters: (() => void)[] = [];
  private readonly encoder: ResponseEncoder;
  readonly fraction: number;
  private readonly queueLimit: number;
  private readonly tolerance: number;

  private constructor(
    readonly model: LoadedModel,
    private readonly worker: SessionWorker,
    readonly metrics: ShadowMetrics,
    options: ShadowOptions,
    private readonly log: PredictionLog | undefined,
    private readonly logger: ServeLogger,
  ) {
    this.encoder = buildResponseEncoder(model);
    this.fraction = options.fraction ?? shadowDefaults.fraction;
    this.queueLimit = options.queueLimit ?? shadowDefaults.queueLimit;
    this.tolerance = options.tolerance ?? shadowDefaults.tolerance;
  }

  /** Loads and verifies the shadow version; refuses one that cannot take the served model's inputs. */
  static async start(
    options: ShadowOptions,
    served: LoadedModel,
    log: PredictionLog | undefined,
    logger: ServeLogger,
    intraOpThreads: number,
  ): Promise<ShadowRunner> {
    const fraction = options.fraction ?? shadowDefaults.fraction;
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new MlopsError("usage", "--shadow-fraction: expected a fraction 0–1", { got: String(fraction) });
    }
    const worker = SessionWorker.start();
    let model: LoadedModel | undefined;
    try {
      model = await loadServableModel(options.model, worker, { intraOpThreads, quiet: true });
      if (!sameInputs(served, model)) {
        const show = (m: LoadedModel) => m.inputs.map((i) => `${i.name} (${i.type} x${i.width})`).join(", ");
        throw new MlopsError(
          "usage",
          `the shadow ${model.name} ${model.version} takes other inputs than the served ${served.name} ${served.version}, so it cannot run on the same requests`,
          { expected: show(served), got: show(model) },
        );
      }
      const metrics = await createShadowMetrics();
      metrics.info(model.name, model.version, fraction);
      return new ShadowRunner(model, worker, metrics, options, log, logger);
    } catch (err) {
      if (model) await releaseModel(model).catch(() => {});
      await worker.close();
      throw err;
    }
  }

  /** Queues a request the served model answered; returns at once. */
  offer(job: Omit<ShadowJob, "records"> & { records?: () => string | undefined }): void {
    if (this.closed || !inShadowSample(job.requestId, this.fraction)) return;
    if (this.queue.length >= this.queueLimit) {
      this.metrics.dropped();
      return;
    }
    this.queue.push({ ...job, records: job.records?.() });
    this.metrics.queued(this.queue.length);
    if (!this.running) void this.pump();
  }

  private async pump(): Promise<void> {
    this.running = true;
    for (let job = this.queue.shift(); job !== undefined; job = this.queue.shift()) {
      this.metrics.queued(this.queue.length);
      await this.runOne(job);
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async runOne(job: ShadowJob): Promise<void> {
    const started = performance.now();
    let outputs: OutputValues[];
    try {
      outputs = (await this.model.session.run(job.columns, job.rows)).map((o) => o.data);
    } catch (err) {
      this.metrics.failed();
      if (!this.warned) {
        this.warned = true;
        this.logger.warn(
          `serve: the shadow ${this.model.name} ${this.model.version} failed (answers are not affected; later failures are only counted in mlops_serve_shadow_requests_total): ${userMessage(err).split("\n")[0]}`,
        );
      }
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    try {
      const shadowText = this.encoder.predictions(outputs, 0, job.rows);
      const shadow = JSON.parse(shadowText) as unknown[];
      const served = JSON.parse(job.served()) as unknown[];
      let agree = 0;
      for (let r = 0; r < job.rows; r++) if (predictionsAgree(served[r], shadow[r], this.tolerance)) agree++;
      this.metrics.ran(seconds, agree, job.rows - agree);
      if (this.log && job.records !== undefined) {
        this.log.append(
          `{"time":"${new Date().toISOString()}","request_id":${JSON.stringify(job.requestId)},"model":${JSON.stringify(this.model.name)},"version":${JSON.stringify(this.model.version)},"shadow":true,"latency_seconds":${seconds},"inputs":${job.records},"outputs":${shadowText}}`,
        );
      }
    } catch (err) {
      this.metrics.failed();
      this.logger.warn(`serve: comparing the shadow's prediction: ${userMessage(err)}`);
    }
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Lets the queue drain for up to `graceMs` (so a stopping server's log has the shadow lines of the
   * last answers), then drops what is left (counted), waits for the run under way, and releases the
   * shadow.
   */
  async close(graceMs: number): Promise<void> {
    if (this.closed) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    this.closed = true;
    for (const _ of this.queue.splice(0)) this.metrics.dropped();
    await this.idle();
    await releaseModel(this.model).catch(() => {});
    await this.worker.close();
  }
}
