import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { MlopsError, userMessage } from "../errors/index.js";
import { Batcher, type BatchJob, type BatchResult } from "./batcher.js";
import { maxJsonDepth, nestsDeeperThan } from "./json-depth.js";
import { LiveDrift } from "./live-drift.js";
import { createServeMetrics, type Route, type ServeMetrics } from "./metrics.js";
import {
  type LoadedModel,
  loadServableModel,
  releaseModel,
  type ServableModel,
  type TensorSpec,
} from "./model.js";
import {
  checkServableModel,
  type ResolvedServeOptions,
  resolveServeOptions,
  type ServeOptions,
} from "./options.js";
import { PredictionLog } from "./prediction-log.js";
import { buildResponseEncoder, type ResponseEncoder } from "./responses.js";
import { buildRequestDecoder, type Column, Rejection, type RequestDecoder } from "./schema.js";
import { SessionWorker } from "./session-worker.js";
import { ShadowRunner } from "./shadow.js";

export interface InferenceServer {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  port: number;
  /**
   * Loads and verifies another model version completely, then switches to it at once. Requests
   * already queued or batched finish on the model they were decoded for; none fails.
   */
  swap(model: ServableModel): Promise<void>;
  /**
   * The first half of `swap`: loads and verifies the version and holds it until `commit` switches to
   * it or `abort` lets it go, so several servers (a cluster's workers) can switch together. The next
   * swap waits for one of the two.
   */
  prepareSwap(model: ServableModel): Promise<PreparedSwap>;
  /** Stops accepting connections, lets every request under way finish, then closes. */
  close(): Promise<void>;
}

export interface PreparedSwap {
  /** Switches to the prepared version; every request decoded from now on uses it. */
  commit(): void;
  /** Releases the prepared version; the current one keeps serving. */
  abort(): Promise<void>;
}

/** What a page of metrics holds; a cluster worker's page holds every worker's. */
export type MetricsPage = () => Promise<{ text: string; contentType: string }>;

/** Parts a cluster worker supplies instead of the server's own. */
export interface ServerParts {
  /** The metrics the request path records into (default: a registry of the server's own). */
  metrics?: ServeMetrics;
  /** What GET /metrics answers (default: `metrics` alone). */
  metricsPage?: MetricsPage;
}

/** A loaded model with everything the request path needs built once: decoder, encoder, routes. */
interface ServedModel {
  loaded: LoadedModel;
  decoder: RequestDecoder;
  encoder: ResponseEncoder;
  inferPath: string;
  versionInferPath: string;
  /** `GET /v2/models/{name}`, serialised. */
  metadataBody: string;
  readyBody: string;
  /** Requests decoded for this model and not yet answered; a retired model is released at 0. */
  pending: number;
  retired: boolean;
}

const jsonType = "application/json";

/** A response decided from the method and path alone. */
interface Answer {
  route: Route;
  status: number;
  body: string;
  allow?: string;
}

function serve(loaded: LoadedModel): ServedModel {
  const name = encodeURIComponent(loaded.name);
  const describe = (s: TensorSpec) => ({ name: s.name, datatype: s.datatype, shape: s.shape });
  return {
    loaded,
    decoder: buildRequestDecoder(loaded),
    encoder: buildResponseEncoder(loaded),
    inferPath: `/v2/models/${name}/infer`,
    versionInferPath: `/v2/models/${name}/versions/${encodeURIComponent(loaded.version)}/infer`,
    metadataBody: JSON.stringify({
      name: loaded.name,
      versions: [loaded.version],
      platform: "onnxruntime",
      inputs: loaded.inputs.map(describe),
      outputs: loaded.outputs.map(describe),
    }),
    readyBody: JSON.stringify({ name: loaded.name, ready: true }),
    pending: 0,
    retired: false,
  };
}

function errorBody(message: string): string {
  return `{"error":${JSON.stringify(message)}}`;
}

function errorKind(status: number): string {
  if (status === 400) return "validation";
  if (status === 404) return "not-found";
  if (status === 405) return "method";
  if (status === 408) return "timeout";
  if (status === 413) return "too-large";
  if (status === 499) return "aborted";
  if (status === 503) return "unavailable";
  return "internal";
}

/** The package's version for `GET /v2`; a bundle that moved the file says "unknown". */
async function serverVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
      name?: string;
      version?: string;
    };
    return pkg.name === "gitops-mlops" && pkg.version ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

/** One decoded request waiting for its rows' outputs: the batch job and what its response needs. */
class PendingRequest implements BatchJob {
  readonly model: LoadedModel;
  readonly queuedAt = performance.now();
  constructor(
    private readonly server: InferenceHttpServer,
    readonly served: ServedModel,
    readonly res: ServerResponse,
    readonly route: "infer" | "predict",
    readonly requestId: string,
    readonly started: number,
    readonly rows: number,
    readonly columns: Column[],
    readonly id: string | undefined,
    readonly wanted: boolean[] | undefined,
  ) {
    this.model = served.loaded;
  }

  done(result: BatchResult | undefined, offset: number, failure: Rejection | undefined): void {
    this.server.complete(this, result, offset, failure);
  }
}

class InferenceHttpServer {
  private current: ServedModel;
  private readonly batcher: Batcher;
  private readonly http;
  private closing = false;
  private closed: Promise<void> | undefined;
  private swapping: Promise<void> = Promise.resolve();
  /** A prepared swap not yet committed or aborted; closing aborts it. */
  private prepared: PreparedSwap | undefined;
  /** Requests received and not answered yet. */
  private active = 0;
  private readonly idPrefix = randomBytes(4).toString("hex");
  /** Connections answered by `clientError` and closing: later parse errors on them are ignored. */
  private readonly cutOff = new WeakSet<Socket>();
  private nextId = 0;

  constructor(
    private readonly options: ResolvedServeOptions,
    private readonly worker: SessionWorker,
    first: LoadedModel,
    private readonly metrics: ServeMetrics,
    private readonly metricsPage: MetricsPage,
    private readonly predictionLog: PredictionLog | undefined,
    private readonly serverBody: string,
    private readonly drift: LiveDrift | undefined,
    private readonly shadow: ShadowRunner | undefined,
  ) {
    this.http = createServer(
      {
        headersTimeout: options.headersTimeoutMs,
        requestTimeout: options.receiveTimeoutMs,
        // Node checks both timeouts on this interval (30 s by default), so they fire within one.
        connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(options.headersTimeoutMs / 4))),
      },
      (req, res) => this.handle(req, res),
    );
    this.http.keepAliveTimeout = options.keepAliveTimeoutMs;
    this.http.maxConnections = options.maxConnections;
    this.http.on("drop", () => metrics.dropped());
    this.http.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) =>
      this.clientError(err, socket),
    );
    this.current = serve(first);
    metrics.model(first.name, first.version);
    if (drift) {
      const tracked = drift.use(first);
      if (tracked.length > 0) options.logger.info(`live drift: tracking ${tracked.join(", ")}`);
      else options.logger.warn("live drift: no input of the model is a column of the reference profile");
    }
    this.batcher = new Batcher({
      maxBatchRows: options.maxBatchRows,
      maxBatchDelayMs: options.maxBatchDelayMs,
      queueTimeoutMs: options.requestTimeoutMs,
      alone: (jobs) => this.active <= jobs,
      onBatch: (rows, seconds) => metrics.batch(rows, seconds),
      onError: (err) => options.logger.warn(`serve: ${userMessage(err)}`),
    });
    worker.onStop((reason) => {
      if (!this.closing) options.logger.warn(`serve: ${reason.message}; the server is no longer live`);
    });
  }

  listen(): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off("error", reject);
        resolve(this.http.address() as AddressInfo);
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    this.active++;
    try {
      this.dispatch(req, res, started);
    } catch (err) {
      this.unexpected(res, "unknown", err, "", started);
    }
  }

  /**
   * The last resort: something threw that no request should make throw. The request is answered 500
   * (if it was not answered yet), counted, and logged; the server keeps serving the others.
   */
  private unexpected(
    res: ServerResponse,
    route: Route,
    err: unknown,
    requestId: string,
    started: number,
  ): void {
    try {
      this.metrics.unexpected(route);
      this.options.logger.warn(
        `serve: unexpected error answering a ${route} request${requestId ? ` (${requestId})` : ""}: ${
          err instanceof Error ? (err.stack ?? err.message) : String(err)
        }`,
      );
      if (!res.headersSent && !res.destroyed) {
        res.shouldKeepAlive = false;
        this.send(
          res,
          route,
          500,
          errorBody("internal error; the request was not processed"),
          requestId,
          started,
        );
      } else res.destroy();
    } catch {
      res.destroy();
    }
  }

  /**
   * What Node reports before a request reaches `handle`: a request that is not HTTP, headers too large,
   * a request (headers or body) slower than its timeout. Answered like everything else, with a JSON
   * error, unless a response on the connection has begun; the connection closes either way.
   */
  private clientError(err: NodeJS.ErrnoException, socket: Socket): void {
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (this.cutOff.has(socket)) return;
    if (err.code !== "ECONNRESET" && socket.writable && !inFlight?.headersSent) {
      const status =
        err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : err.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
      const message =
        status === 408
          ? "the request did not arrive in time"
          : status === 431
            ? "the request's headers are too large"
            : `the request is not valid HTTP (${err.code ?? "parse error"})`;
      const body = errorBody(message);
      // A request already handed to `handle` is counted when its connection closes.
      if (!inFlight) {
        this.metrics.request("unknown", status, 0);
        this.metrics.error("unknown", errorKind(status));
      }
      // Read no more of it, send the answer and a FIN. Destroying the socket at once (as Node does)
      // while the client's bytes wait unread makes the kernel reset the connection, and the client
      // may lose the answer; one that never closes its side is cut off a second later.
      this.cutOff.add(socket);
      socket.pause();
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${jsonType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    socket.destroy();
  }

  private dispatch(req: IncomingMessage, res: ServerResponse, started: number): void {
    // rawHeaders, not headers: Node builds the headers object on first use, a cost per request.
    const raw = req.rawHeaders;
    let given: string | undefined;
    let declared: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i] as string;
      if (key.length === 12 && key.toLowerCase() === "x-request-id") given = raw[i + 1];
      else if (key.length === 14 && key.toLowerCase() === "content-length") declared = raw[i + 1];
    }
    const requestId =
      given !== undefined && given.length > 0 && given.length <= 200
        ? given
        : `${this.idPrefix}-${(this.nextId++).toString(36)}`;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    const served = this.current;
    if (req.method === "POST") {
      if (path === served.inferPath || path === served.versionInferPath) {
        this.readBody(req, res, "infer", path, requestId, started, declared);
        return;
      }
      if (path === "/predict") {
        this.readBody(req, res, "predict", path, requestId, started, declared);
        return;
      }
    }
    this.route(req, res, path, requestId, started, served);
  }

  /** Everything but the two inference routes: health, metadata, metrics, and what is not found. */
  private route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    requestId: string,
    started: number,
    served: ServedModel,
  ): void {
    if (path === "/metrics" && (req.method === "GET" || req.method === "HEAD")) {
      this.metricsPage().then(
        (page) => this.send(res, "metrics", 200, page.text, requestId, started, page.contentType),
        (err: unknown) => this.send(res, "metrics", 500, errorBody(userMessage(err)), requestId, started),
      );
      return;
    }
    const answer = this.answer(req.method ?? "GET", path, served);
    if (answer.allow) res.setHeader("allow", answer.allow);
    this.send(res, answer.route, answer.status, answer.body, requestId, started);
  }

  /** The response of a GET-style endpoint, from the method and path alone. */
  private answer(method: string, path: string, served: ServedModel): Answer {
    const get = method === "GET" || method === "HEAD";
    const useGet = (route: Route): Answer => ({
      route,
      status: 405,
      body: errorBody("use GET"),
      allow: "GET",
    });
    const broken = this.worker.failure !== undefined;
    if (path === "/v2/health/live") {
      if (!get) return useGet("health");
      // A stopped inference worker does not come back: an orchestrator should restart the server.
      return broken
        ? { route: "health", status: 503, body: `{"live":false}` }
        : { route: "health", status: 200, body: `{"live":true}` };
    }
    if (path === "/v2/health/ready") {
      if (!get) return useGet("health");
      return this.closing || broken
        ? { route: "health", status: 503, body: `{"ready":false}` }
        : { route: "health", status: 200, body: `{"ready":true}` };
    }
    if (path === "/v2" || path === "/v2/") {
      return get ? { route: "metadata", status: 200, body: this.serverBody } : useGet("metadata");
    }
    if (path === "/metrics") return useGet("metrics");
    if (path === "/predict")
      return { route: "predict", status: 405, body: errorBody("use POST"), allow: "POST" };
    if (path.startsWith("/v2/models/")) return this.answerModel(method, path, served);
    return { route: "unknown", status: 404, body: errorBody(`no such endpoint: ${method} ${path}`) };
  }

  /** `/v2/models/{name}[/versions/{v}][/ready]`, or an infer path of another model or version. */
  private answerModel(method: string, path: string, served: ServedModel): Answer {
    let parts: string[];
    try {
      parts = path.slice("/v2/models/".length).split("/").map(decodeURIComponent);
    } catch {
      return { route: "unknown", status: 400, body: errorBody(`cannot decode the path ${path}`) };
    }
    const [name, ...rest] = parts;
    let version: string | undefined;
    if (rest[0] === "versions" && rest.length >= 2) {
      version = rest[1];
      rest.splice(0, 2);
    }
    const action = rest.length === 0 ? "metadata" : rest.length === 1 ? rest[0] : undefined;
    if (action !== "metadata" && action !== "ready" && action !== "infer") {
      return { route: "unknown", status: 404, body: errorBody(`no such endpoint: ${method} ${path}`) };
    }
    const route: Route = action === "infer" ? "infer" : action === "ready" ? "health" : "metadata";
    const model = served.loaded;
    if (name !== model.name) {
      return {
        route,
        status: 404,
        body: errorBody(`unknown model "${name}"; this server serves "${model.name}"`),
      };
    }
    if (version !== undefined && version !== model.version) {
      return {
        route,
        status: 404,
        body: errorBody(
          `model "${name}" has no version "${version}" here; it serves version "${model.version}"`,
        ),
      };
    }
    // The infer paths of the served model were matched before; only a wrong method comes here.
    if (action === "infer") return { route, status: 405, body: errorBody("use POST"), allow: "POST" };
    if (method !== "GET" && method !== "HEAD") {
      return { route, status: 405, body: errorBody("use GET"), allow: "GET" };
    }
    return { route, status: 200, body: action === "ready" ? served.readyBody : served.metadataBody };
  }

  /**
   * Reads the body up to the limit: a declared length over it is refused before reading, and a body
   * that grows over it is cut off; either way the connection closes so the rest is never read.
   */
  private readBody(
    req: IncomingMessage,
    res: ServerResponse,
    route: "infer" | "predict",
    path: string,
    requestId: string,
    started: number,
    declared: string | undefined,
  ): void {
    const limit = this.options.bodyLimitBytes;
    const tooLarge = () => {
      res.shouldKeepAlive = false;
      this.send(
        res,
        route,
        413,
        errorBody(`the request body is larger than the limit of ${limit} bytes`),
        requestId,
        started,
      );
    };
    if (declared !== undefined && Number(declared) > limit) {
      tooLarge();
      return;
    }
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let size = 0;
    let over = false;
    let ended = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        first = undefined;
        chunks = undefined;
        tooLarge();
        return;
      }
      if (first === undefined) first = chunk;
      else {
        chunks ??= [first];
        chunks.push(chunk);
      }
    });
    req.on("end", () => {
      ended = true;
      if (over) return;
      try {
        const body = chunks ? Buffer.concat(chunks, size) : (first ?? Buffer.alloc(0));
        this.decode(res, route, path, requestId, started, body);
      } catch (err) {
        this.unexpected(res, route, err, requestId, started);
      }
    });
    // The client left, or was too slow (a receive timeout), before its body was complete.
    req.on("close", () => {
      if (!ended && !over) this.finished(route, 499, started);
    });
  }

  private decode(
    res: ServerResponse,
    route: "infer" | "predict",
    path: string,
    requestId: string,
    started: number,
    body: Buffer,
  ): void {
    // The model served when the body is complete: a swap while it arrived must not fail it (the
    // previous model may be released already), unless it names a version no longer served.
    const served = this.current;
    if (route === "infer" && path !== served.inferPath && path !== served.versionInferPath) {
      const answer = this.answerModel("POST", path, served);
      this.send(res, answer.route, answer.status, answer.body, requestId, started);
      return;
    }
    // Before parsing: JSON.parse takes tens of thousands of levels, but walking such a value (an
    // error message's JSON.stringify of it) would overflow the stack.
    if (nestsDeeperThan(body, maxJsonDepth)) {
      this.send(
        res,
        route,
        400,
        errorBody(`the body nests arrays and objects more than ${maxJsonDepth} levels deep`),
        requestId,
        started,
      );
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch (err) {
      this.send(
        res,
        route,
        400,
        errorBody(`the body is not valid JSON: ${(err as Error).message}`),
        requestId,
        started,
      );
      return;
    }
    const max = this.options.maxRequestRows;
    const decoded =
      route === "infer" ? served.decoder.decodeInfer(json, max) : served.decoder.decodeRecords(json, max);
    if (decoded instanceof Rejection) {
      this.send(res, route, decoded.status, errorBody(decoded.message), requestId, started);
      return;
    }
    this.drift?.observe(served.loaded, decoded.columns, decoded.rows);
    served.pending++;
    const id = route === "infer" ? ((decoded as { id?: string }).id ?? requestId) : undefined;
    const wanted = route === "infer" ? (decoded as { wanted?: boolean[] }).wanted : undefined;
    this.batcher.submit(
      new PendingRequest(
        this,
        served,
        res,
        route,
        requestId,
        started,
        decoded.rows,
        decoded.columns,
        id,
        wanted,
      ),
    );
  }

  /** A batch answered a request (or could not): write its response and let a retired model go. */
  complete(
    job: PendingRequest,
    result: BatchResult | undefined,
    offset: number,
    failure: Rejection | undefined,
  ): void {
    try {
      this.answerJob(job, result, offset, failure);
    } catch (err) {
      this.unexpected(job.res, job.route, err, job.requestId, job.started);
    }
  }

  private answerJob(
    job: PendingRequest,
    result: BatchResult | undefined,
    offset: number,
    failure: Rejection | undefined,
  ): void {
    const served = job.served;
    served.pending--;
    if (served.retired && served.pending === 0) this.release(served);
    if (failure !== undefined || result === undefined) {
      const status = failure?.status ?? 500;
      this.send(
        job.res,
        job.route,
        status,
        errorBody(failure?.message ?? "no result"),
        job.requestId,
        job.started,
      );
      return;
    }
    const encoder = served.encoder;
    const body =
      job.route === "infer"
        ? encoder.infer(result.outputs, offset, job.rows, job.id as string, job.wanted)
        : encoder.predict(result.outputs, offset, job.rows);
    this.send(job.res, job.route, 200, body, job.requestId, job.started);
    const log = this.predictionLog;
    let records: string | undefined;
    if (log?.sample()) {
      const model = served.loaded;
      records = encoder.records(job.columns, job.rows);
      log.append(
        `{"time":"${new Date().toISOString()}","request_id":${JSON.stringify(job.requestId)},"model":${JSON.stringify(model.name)},"version":${JSON.stringify(model.version)},"inputs":${records},"outputs":${encoder.predictions(result.outputs, offset, job.rows)}}`,
      );
    }
    // After the answer is sent; the shadow runs later, elsewhere, and never throws here.
    this.shadow?.offer({
      requestId: job.requestId,
      columns: job.columns,
      rows: job.rows,
      served: () => encoder.predictions(result.outputs, offset, job.rows),
      records: () => records,
    });
  }

  private send(
    res: ServerResponse,
    route: Route,
    status: number,
    body: string,
    requestId: string,
    started: number,
    contentType = jsonType,
  ): void {
    if (!res.destroyed && !res.headersSent) {
      if (this.closing) res.shouldKeepAlive = false;
      res.writeHead(status, {
        "content-type": contentType,
        "content-length": Buffer.byteLength(body),
        "x-request-id": requestId,
      });
      res.end(body);
    }
    this.finished(route, status, started);
  }

  private finished(route: Route, status: number, started: number): void {
    this.metrics.request(route, status, (performance.now() - started) / 1000);
    if (status >= 400) this.metrics.error(route, errorKind(status));
    this.active--;
  }

  private release(served: ServedModel): void {
    releaseModel(served.loaded).catch((err: unknown) => {
      this.options.logger.warn(
        `serve: releasing ${served.loaded.name} ${served.loaded.version}: ${userMessage(err)}`,
      );
    });
  }

  swap(model: ServableModel): Promise<void> {
    return this.prepareSwap(model).then((prepared) => prepared.commit());
  }

  prepareSwap(model: ServableModel): Promise<PreparedSwap> {
    const refused = () =>
      new MlopsError("refused", "the server is shutting down; no model can be swapped in");
    const loading = this.swapping.then(async () => {
      checkServableModel(model);
      if (this.closing) throw refused();
      const loaded = await loadServableModel(model, this.worker, {
        intraOpThreads: this.options.intraOpThreads,
      });
      if (this.closing) {
        await releaseModel(loaded);
        throw refused();
      }
      return loaded;
    });
    let settle = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    // The next swap waits for this one to be committed or aborted; a failed load does not block it.
    this.swapping = loading.then(
      () => settled,
      () => {},
    );
    return loading.then((loaded) => {
      let open = true;
      const prepared: PreparedSwap = {
        commit: () => {
          if (!open) throw new MlopsError("internal", "this swap was committed or aborted already");
          open = false;
          this.prepared = undefined;
          settle();
          if (this.closing) {
            void releaseModel(loaded).catch(() => {});
            throw refused();
          }
          const previous = this.current;
          // One assignment: every request decoded from now on uses the new model.
          this.current = serve(loaded);
          this.metrics.model(loaded.name, loaded.version);
          this.drift?.use(loaded);
          previous.retired = true;
          if (previous.pending === 0) this.release(previous);
          this.options.logger.info(
            `serving ${loaded.name} ${loaded.version} (was ${previous.loaded.name} ${previous.loaded.version})`,
          );
        },
        abort: async () => {
          if (!open) return;
          open = false;
          this.prepared = undefined;
          try {
            await releaseModel(loaded);
          } finally {
            settle();
          }
        },
      };
      this.prepared = prepared;
      return prepared;
    });
  }

  /** It never listened: the caller releases the model and the worker, and that is no news. */
  abandon(): void {
    this.closing = true;
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing = true;
      await this.prepared?.abort().catch(() => {});
      await this.swapping;
      // No new connections; idle keep-alive ones close now, busy ones after their response (every
      // response says Connection: close from now on), which is when the server's close completes.
      const stopped = new Promise<void>((resolve) => this.http.close(() => resolve()));
      this.http.closeIdleConnections();
      const deadline = setTimeout(
        () => this.http.closeAllConnections(),
        this.options.requestTimeoutMs + 1000,
      );
      await stopped;
      clearTimeout(deadline);
      // Requests whose client left are still in the batcher: let them run before the worker goes.
      await this.batcher.idle();
      await this.shadow?.close(this.options.requestTimeoutMs);
      await this.predictionLog?.close();
      const served = this.current;
      served.retired = true;
      if (served.pending === 0) {
        await releaseModel(served.loaded).catch(() => {});
      }
      await this.worker.close();
      this.options.logger.info("inference server closed");
    })();
    return this.closed;
  }
}

/**
 * Serves one ONNX model over HTTP: the Open Inference Protocol (KServe v2) under /v2, a records
 * endpoint at /predict, and Prometheus metrics at /metrics. Concurrent requests are batched into one
 * onnxruntime run. Rejects (MlopsError) when the model cannot be loaded or verified.
 */
export async function startInferenceServer(
  options: ServeOptions,
  parts: ServerParts = {},
): Promise<InferenceServer> {
  const resolved = resolveServeOptions(options);
  const worker = SessionWorker.start();
  let loaded: LoadedModel | undefined;
  let predictionLog: PredictionLog | undefined;
  let shadow: ShadowRunner | undefined;
  try {
    const [metrics, model, version] = await Promise.all([
      parts.metrics ?? createServeMetrics(),
      loadServableModel(resolved.model, worker, { intraOpThreads: resolved.intraOpThreads }),
      serverVersion(),
    ]);
    loaded = model;
    predictionLog = resolved.predictionLog
      ? await PredictionLog.open(resolved.predictionLog, (m) => resolved.logger.warn(m))
      : undefined;
    const serverBody = JSON.stringify({ name: "mlops", version, extensions: [] });
    const drift = resolved.liveDrift ? new LiveDrift(resolved.liveDrift) : undefined;
    if (drift) metrics.add(drift.metrics());
    shadow = resolved.shadow
      ? await ShadowRunner.start(
          resolved.shadow,
          model,
          predictionLog,
          resolved.logger,
          resolved.intraOpThreads,
        )
      : undefined;
    const shadowMetrics = shadow?.metrics;
    const metricsPage: MetricsPage =
      parts.metricsPage ??
      (async () => ({
        text: `${await metrics.text()}${shadowMetrics ? await shadowMetrics.text() : ""}`,
        contentType: metrics.contentType,
      }));
    const server = new InferenceHttpServer(
      resolved,
      worker,
      model,
      metrics,
      metricsPage,
      predictionLog,
      serverBody,
      drift,
      shadow,
    );
    let address: AddressInfo;
    try {
      address = await server.listen();
    } catch (err) {
      server.abandon();
      throw new MlopsError(
        "io",
        `cannot listen on ${resolved.host}:${resolved.port}: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    resolved.logger.info(`serving ${model.name} ${model.version} on ${url}`);
    return {
      url,
      port: address.port,
      swap: (next) => server.swap(next),
      prepareSwap: (next) => server.prepareSwap(next),
      close: () => server.close(),
    };
  } catch (err) {
    await shadow?.close(0);
    await predictionLog?.close();
    if (loaded) await releaseModel(loaded).catch(() => {});
    await worker.close();
    throw err;
  }
}
