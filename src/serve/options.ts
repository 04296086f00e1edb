import { z } from "zod";
import { MlopsError } from "../errors/index.js";
import { columnType } from "../manifest/index.js";
import { serveDefaults } from "./defaults.js";
import type { LiveDriftOptions } from "./live-drift.js";
import type { ServableModel } from "./model.js";
import type { PredictionLogOptions } from "./prediction-log.js";
import type { ShadowOptions } from "./shadow.js";

export interface ServeLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface ServeOptions {
  model: ServableModel;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Rows per onnxruntime run when requests are batched (default 64). */
  maxBatchRows?: number;
  /** Under concurrent load, how long queued rows may wait for more to join their batch (default 1). */
  maxBatchDelayMs?: number;
  /** Rows one request may carry (default 1024); more is answered 413. */
  maxRequestRows?: number;
  /** Request body size limit (default 1 MiB); more is answered 413 without reading the rest. */
  bodyLimitBytes?: number;
  /** A request still waiting for the model after this long is answered 503 (default 10 s). */
  requestTimeoutMs?: number;
  /** onnxruntime intra-op threads (default 1). */
  intraOpThreads?: number;
  /** A request's headers must arrive within this long, or it is answered 408 (default 10 s). */
  headersTimeoutMs?: number;
  /**
   * The whole request, headers and body, must arrive within this long, or it is answered 408 (default
   * 30 s). At least `headersTimeoutMs`.
   */
  receiveTimeoutMs?: number;
  /** An idle kept-alive connection is closed after this long (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** Open connections per server process (default 512); one more is closed at once. */
  maxConnections?: number;
  /** A JSONL log of a sampled fraction of requests. */
  predictionLog?: PredictionLogOptions;
  /** Live input drift against the training reference, exported in /metrics (live-drift.ts). */
  liveDrift?: LiveDriftOptions;
  /** A candidate version run off the request path on a sample of requests (shadow.ts). */
  shadow?: ShadowOptions;
  logger?: ServeLogger;
}

export type ResolvedServeOptions = Required<Omit<ServeOptions, "predictionLog" | "liveDrift" | "shadow">> &
  Pick<ServeOptions, "predictionLog" | "liveDrift" | "shadow">;

const positiveInt = (what: string) =>
  z
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);

// Extra keys are let through: a dataset schema's column (with min, max, role, …) can be passed as is.
const servableModelSchema = z.object({
  name: z.string().min(1, "expected the model's name"),
  version: z.string().min(1, "expected the model's version"),
  onnxPath: z.string().min(1, "expected the path of the .onnx file"),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, "expected 64 hex characters (a sha256)"),
  columns: z
    .record(
      z.string(),
      z.object({
        type: columnType,
        nullable: z.boolean({ error: "expected true or false" }).optional(),
        allowed: z.array(z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});

const serveOptionsSchema = z.object({
  model: servableModelSchema,
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535, "expected a port number 0–65535").optional(),
  maxBatchRows: positiveInt("a positive number of rows").optional(),
  maxBatchDelayMs: z.number().min(0, "expected a delay of 0 ms or more").optional(),
  maxRequestRows: positiveInt("a positive number of rows").optional(),
  bodyLimitBytes: positiveInt("a positive number of bytes").optional(),
  requestTimeoutMs: positiveInt("a positive number of milliseconds").optional(),
  intraOpThreads: positiveInt("a positive number of threads").optional(),
  headersTimeoutMs: positiveInt("a positive number of milliseconds").optional(),
  receiveTimeoutMs: positiveInt("a positive number of milliseconds").optional(),
  keepAliveTimeoutMs: positiveInt("a positive number of milliseconds").optional(),
  maxConnections: positiveInt("a positive number of connections").optional(),
  predictionLog: z
    .object({
      path: z.string().min(1, "expected the path of the log file"),
      sampleRate: z.number().min(0, "expected a fraction 0–1").max(1, "expected a fraction 0–1"),
    })
    .optional(),
  liveDrift: z
    .object({
      reference: z.object(
        { schema: z.literal("1"), columns: z.record(z.string(), z.unknown()) },
        { error: "expected a reference profile (written by `mlops profile`)" },
      ),
      windowRows: positiveInt("a positive number of rows").optional(),
    })
    .optional(),
});

/** Checks a model description (also what `swap` takes). */
export function checkServableModel(model: ServableModel): void {
  const parsed = servableModelSchema.safeParse(model);
  if (!parsed.success) throw usageError(parsed.error, "model");
}

function usageError(error: z.ZodError, prefix?: string): MlopsError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join(".");
  return new MlopsError("usage", `serve option ${path || "(options)"}: ${issue?.message ?? "invalid"}`, {
    field: path,
  });
}

const silent: ServeLogger = { info() {}, warn() {} };

/** The options with every default filled in; a bad value is a usage error naming the option. */
export function resolveServeOptions(options: ServeOptions): ResolvedServeOptions {
  const { logger, ...rest } = options;
  const parsed = serveOptionsSchema.safeParse(rest);
  if (!parsed.success) throw usageError(parsed.error);
  const headersTimeoutMs = options.headersTimeoutMs ?? serveDefaults.headersTimeoutMs;
  // Node refuses a headers timeout longer than the whole request's; one given alone stretches the other.
  const receiveTimeoutMs =
    options.receiveTimeoutMs ?? Math.max(serveDefaults.receiveTimeoutMs, headersTimeoutMs);
  if (receiveTimeoutMs < headersTimeoutMs) {
    throw new MlopsError(
      "usage",
      `serve option receiveTimeoutMs: expected at least headersTimeoutMs (${headersTimeoutMs} ms), got ${receiveTimeoutMs} ms`,
      { field: "receiveTimeoutMs" },
    );
  }
  return {
    model: options.model,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    maxBatchRows: options.maxBatchRows ?? serveDefaults.maxBatchRows,
    maxBatchDelayMs: options.maxBatchDelayMs ?? serveDefaults.maxBatchDelayMs,
    maxRequestRows: options.maxRequestRows ?? serveDefaults.maxRequestRows,
    bodyLimitBytes: options.bodyLimitBytes ?? serveDefaults.bodyLimitBytes,
    requestTimeoutMs: options.requestTimeoutMs ?? serveDefaults.requestTimeoutMs,
    intraOpThreads: options.intraOpThreads ?? serveDefaults.intraOpThreads,
    headersTimeoutMs,
    receiveTimeoutMs,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? serveDefaults.keepAliveTimeoutMs,
    maxConnections: options.maxConnections ?? serveDefaults.maxConnections,
    predictionLog: options.predictionLog,
    liveDrift: options.liveDrift,
    shadow: options.shadow,
    logger: logger ?? silent,
  };
}
