import { readFile } from "node:fs/promises";
import { MlopsError } from "../errors/index.js";
import { metadataList, readModelInfo } from "../onnx/builder.js";
import { hashBytes } from "../store/index.js";
import { openInlineSession } from "./inline-session.js";
import type { ModelSession, SessionWorker, ValueMetadata, WorkerSession } from "./session-worker.js";

export type ColumnType = "integer" | "number" | "string" | "boolean" | "date" | "timestamp";

/** What the dataset schema says about one feature: the serving contract beyond the ONNX signature. */
export interface ColumnInfo {
  type: ColumnType;
  nullable?: boolean;
  allowed?: (string | number)[];
}

/** One registered model version, as the registry describes it. */
export interface ServableModel {
  /** e.g. "fuel-efficiency" */
  name: string;
  /** e.g. "v1.2.0" */
  version: string;
  /** The .onnx file. */
  onnxPath: string;
  /** Expected sha256 (hex) of that file, from the version manifest; the model is refused on mismatch. */
  sha256: string;
  /** The dataset schema's columns, keyed by feature name, when known. */
  columns?: Record<string, ColumnInfo>;
}

/** The element types the server can feed; anything else is refused at load. */
export type FeedType = "float32" | "float64" | "int32" | "int64" | "bool" | "string";

/** One input or output as the Open Inference Protocol describes it. */
export interface TensorSpec {
  name: string;
  /** onnxruntime's element type ("float32", "string", …). */
  type: string;
  /** The protocol's datatype ("FP32", "BYTES", …). */
  datatype: string;
  /** -1 for a dynamic dimension. */
  shape: number[];
  /** Values per row: the product of every dimension after the first. */
  width: number;
}

export interface InputSpec extends TensorSpec {
  type: FeedType;
}

/** A model read, verified against its manifest hash and loaded into onnxruntime, ready to serve. */
export interface LoadedModel {
  name: string;
  version: string;
  file: string;
  sha256: string;
  /** The session in the worker thread, for batches. */
  session: WorkerSession;
  /** The same model on the event loop's thread, for a request that comes alone. */
  inline: ModelSession;
  inputs: InputSpec[];
  /** Tensor outputs only; non-tensor outputs (sequences, maps) are never fetched. */
  outputs: TensorSpec[];
  metadata: Record<string, string>;
  /** What a null string feature is fed as (the model's `mlops.null_string`, as evaluate does). */
  nullString: string;
  task: "regression" | "classification" | undefined;
  /** Class names in probability-column order, when the model records them. */
  classes: string[] | undefined;
  /**
   * Rows of several requests can share one run only when every input and output has a dynamic first
   * dimension; a model with a fixed batch size runs each request alone.
   */
  batchable: boolean;
  columns: Record<string, ColumnInfo> | undefined;
}

export interface LoadOptions {
  /** onnxruntime intra-op threads (default 1). */
  intraOpThreads?: number;
  /** Only fatal errors from onnxruntime's own log (a shadow's failures are counted instead). */
  quiet?: boolean;
}

const datatypes: Record<string, string> = {
  float32: "FP32",
  float64: "FP64",
  float16: "FP16",
  int8: "INT8",
  int16: "INT16",
  int32: "INT32",
  int64: "INT64",
  uint8: "UINT8",
  uint16: "UINT16",
  uint32: "UINT32",
  uint64: "UINT64",
  bool: "BOOL",
  string: "BYTES",
};

const feedTypes = new Set<string>(["float32", "float64", "int32", "int64", "bool", "string"]);

function describeValue(m: ValueMetadata): string {
  return m.isTensor ? `${m.name} (${m.type} [${(m.shape ?? []).join(", ")}])` : `${m.name} (not a tensor)`;
}

function tensorSpec(m: ValueMetadata, file: string): TensorSpec {
  const type = m.type ?? "unknown";
  const shape = (m.shape ?? []).map((d) => (typeof d === "number" ? d : -1));
  if (shape.length === 0) {
    throw new MlopsError("invalid-file", `model value ${describeValue(m)} is a scalar; serving needs rows`, {
      file,
      expected: "tensors whose first dimension is the batch",
    });
  }
  let width = 1;
  for (let i = 1; i < shape.length; i++) {
    const d = shape[i] as number;
    if (d < 0) {
      throw new MlopsError(
        "invalid-file",
        `model value ${describeValue(m)} has a dynamic dimension after the first; serving cannot tell the row size`,
        { file, expected: "every dimension but the first fixed" },
      );
    }
    width *= d;
  }
  return { name: m.name, type, datatype: datatypes[type] ?? type.toUpperCase(), shape, width };
}

/**
 * Reads the model file once, checks its sha256 against the manifest's, and loads those same bytes
 * (never a second read, so what runs is what was verified) twice: into the worker, for batches, and on
 * the event loop's thread, for a request alone. A session runs one batch at a time with one thread
 * and sequential execution: more threads would only compete with the HTTP work for the same cores.
 */
export async function loadServableModel(
  model: ServableModel,
  worker: SessionWorker,
  options: LoadOptions = {},
): Promise<LoadedModel> {
  const file = model.onnxPath;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new MlopsError("not-found", "model file not found", { file, cause: err });
  }
  const expected = model.sha256.trim().toLowerCase();
  const got = hashBytes(bytes);
  if (got !== expected) {
    throw new MlopsError(
      "hash-mismatch",
      `the model file does not match the version manifest of ${model.name}@${model.version}`,
      {
        file,
        field: "sha256",
        expected,
        got,
        hint: "the file changed after it was registered; restore it from the store (mlops pull) or register it again",
      },
    );
  }
  let metadata: Record<string, string>;
  try {
    metadata = readModelInfo(bytes).metadata;
  } catch (err) {
    throw new MlopsError("invalid-file", "not an ONNX model", { file, cause: err });
  }
  const sessionOptions = { intraOpThreads: options.intraOpThreads ?? 1, quiet: options.quiet === true };
  const [inWorker, inline] = await Promise.allSettled([
    worker.load(bytes, sessionOptions),
    openInlineSession(bytes, sessionOptions),
  ]);
  if (inWorker.status === "rejected" || inline.status === "rejected") {
    if (inWorker.status === "fulfilled") await inWorker.value.release().catch(() => {});
    if (inline.status === "fulfilled") await inline.value.release().catch(() => {});
    const err = (
      inWorker.status === "rejected" ? inWorker.reason : (inline as PromiseRejectedResult).reason
    ) as Error;
    throw new MlopsError("invalid-file", `onnxruntime cannot load the model: ${err.message.split("\n")[0]}`, {
      file,
      cause: err,
    });
  }
  const session = inWorker.value;
  try {
    const inputs = session.inputMetadata.map((m): InputSpec => {
      if (!m.isTensor || !feedTypes.has(m.type ?? "")) {
        throw new MlopsError(
          "invalid-file",
          `model input ${describeValue(m)} has a type the server cannot feed`,
          {
            file,
            expected: "float, double, int32, int64, bool or string tensors",
          },
        );
      }
      return tensorSpec(m, file) as InputSpec;
    });
    const outputs = session.outputMetadata.flatMap((m) => (m.isTensor ? [tensorSpec(m, file)] : []));
    if (outputs.length === 0) {
      throw new MlopsError("invalid-file", "the model has no tensor output to serve", { file });
    }
    const batchable = [...inputs, ...outputs].every((s) => s.shape[0] === -1);
    const task = metadata["mlops.task"];
    return {
      name: model.name,
      version: model.version,
      file,
      sha256: got,
      session,
      inline: inline.value,
      inputs,
      outputs,
      metadata,
      nullString: metadata["mlops.null_string"] ?? "",
      task: task === "regression" || task === "classification" ? task : undefined,
      classes: metadataList(metadata, "mlops.classes"),
      batchable,
      columns: model.columns,
    };
  } catch (err) {
    await Promise.all([session.release(), inline.value.release()]).catch(() => {});
    throw err;
  }
}

/** Releases both sessions of a model. */
export async function releaseModel(model: LoadedModel): Promise<void> {
  await Promise.all([model.session.release(), model.inline.release()]);
}

/** The model's `mlops.feature_columns`: names for the columns of a single matrix input, in order. */
export function featureColumnsOf(metadata: Record<string, string>): string[] | undefined {
  return metadataList(metadata, "mlops.feature_columns");
}
