import { type ColumnInfo, featureColumnsOf, type InputSpec, type LoadedModel } from "./model.js";
import type { Column } from "./session-worker.js";

// Kept with the session that consumes it, so the session modules need nothing from this one.
export type { Column } from "./session-worker.js";

/** A request the server turns down: the HTTP status and a message naming the field. Not thrown. */
export class Rejection {
  constructor(
    readonly status: number,
    readonly message: string,
  ) {}
}

/** A request's rows, one column per model input in the model's input order. */
export interface DecodedRows {
  rows: number;
  columns: Column[];
}

export interface DecodedInfer extends DecodedRows {
  /** The request's `id`, returned in the response. */
  id: string | undefined;
  /** Which of the model's outputs to return (`outputs` of the request); undefined for all. */
  wanted: boolean[] | undefined;
}

/** Turns a parsed request body into model feeds, or says exactly what is wrong with it. */
export interface RequestDecoder {
  /** The Open Inference Protocol body: `{"id"?, "inputs": [{name, shape, datatype, data}], "outputs"?}`. */
  decodeInfer(body: unknown, maxRows: number): DecodedInfer | Rejection;
  /** `{"records": [{feature: value, …}, …]}` or a bare array of records. */
  decodeRecords(body: unknown, maxRows: number): DecodedRows | Rejection;
  /** The record keys `decodeRecords` reads, in input order. */
  features: string[];
}

// Value kinds, as small integers so the per-value switch stays monomorphic.
const FLOAT = 0;
const INT32 = 1;
const INT64 = 2;
const BOOL = 3;
const STRING = 4;

/** How one feature is checked and written; built once per model, used for every value. */
interface FieldRule {
  key: string;
  kind: number;
  /** Null or absent is fed as NaN (numbers) or the model's null string (strings). */
  nullable: boolean;
  integer: boolean;
  /** The schema says boolean while the model takes numbers: true/false are fed as 1/0. */
  booleanAsNumber: boolean;
  /** The schema says date or timestamp: the string must parse as one. */
  date: boolean;
  allowed: Set<string | number> | undefined;
  nullString: string;
  /** "a number", "one of USA, Europe, Japan", … for messages. */
  expected: string;
}

/** The protocol's datatypes; a request naming anything else is told so, not "expected FP32". */
const knownDatatypes = new Set([
  "BOOL",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP16",
  "FP32",
  "FP64",
  "BYTES",
]);

const kindOf: Record<InputSpec["type"], number> = {
  float32: FLOAT,
  float64: FLOAT,
  int32: INT32,
  int64: INT64,
  bool: BOOL,
  string: STRING,
};

function fieldRule(
  key: string,
  input: InputSpec,
  info: ColumnInfo | undefined,
  nullString: string,
): FieldRule {
  const kind = kindOf[input.type];
  // Only floats (NaN) and strings (the null string) can carry a missing value into the model.
  const nullable = info?.nullable === true && (kind === FLOAT || kind === STRING);
  const integer = kind === INT32 || kind === INT64 || info?.type === "integer";
  const booleanAsNumber = kind === FLOAT && info?.type === "boolean";
  const date = kind === STRING && (info?.type === "date" || info?.type === "timestamp");
  let allowed: Set<string | number> | undefined;
  if (info?.allowed && info.allowed.length > 0) {
    allowed = new Set(info.allowed.map((v) => (kind === STRING ? String(v) : Number(v))));
  }
  let expected: string;
  if (allowed) expected = `one of ${[...allowed].map((v) => JSON.stringify(v)).join(", ")}`;
  else if (kind === STRING) expected = date ? `a ${info?.type} string` : "a string";
  else if (kind === BOOL) expected = "true or false";
  else if (booleanAsNumber) expected = "true, false or a number";
  else expected = integer ? "an integer" : "a number";
  if (nullable) expected += " or null";
  return {
    key,
    kind,
    nullable,
    integer,
    booleanAsNumber,
    date,
    allowed,
    nullString,
    expected,
  };
}

function allocate(input: InputSpec, rows: number): Column {
  const n = rows * input.width;
  switch (input.type) {
    case "float32":
      return new Float32Array(n);
    case "float64":
      return new Float64Array(n);
    case "int32":
      return new Int32Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "bool":
      return new Uint8Array(n);
    default:
      return new Array<string>(n);
  }
}

/**
 * Checks one value against its rule and writes it at `at`; false when the value is not acceptable.
 * The hot path of every request: no allocation, no exception, one switch.
 */
function put(rule: FieldRule, column: Column, at: number, v: unknown): boolean {
  switch (rule.kind) {
    case FLOAT:
      if (typeof v === "number") {
        // v - v is NaN for ±Infinity, which JSON.parse yields for 1e999.
        if (v - v !== 0) return false;
        if (rule.integer && !Number.isInteger(v)) return false;
        if (rule.allowed !== undefined && !rule.allowed.has(v)) return false;
        (column as Float64Array)[at] = v;
        return true;
      }
      if (v === null || v === undefined) {
        if (!rule.nullable) return false;
        (column as Float64Array)[at] = Number.NaN;
        return true;
      }
      if (rule.booleanAsNumber && typeof v === "boolean") {
        (column as Float64Array)[at] = v ? 1 : 0;
        return true;
      }
      return false;
    case STRING:
      if (typeof v === "string") {
        if (rule.allowed !== undefined && !rule.allowed.has(v)) return false;
        if (rule.date && Number.isNaN(Date.parse(v))) return false;
        (column as string[])[at] = v;
        return true;
      }
      if ((v === null || v === undefined) && rule.nullable) {
        (column as string[])[at] = rule.nullString;
        return true;
      }
      return false;
    case INT32:
      if (typeof v !== "number" || (v | 0) !== v) return false;
      if (rule.allowed !== undefined && !rule.allowed.has(v)) return false;
      (column as Int32Array)[at] = v;
      return true;
    case INT64:
      if (typeof v !== "number" || !Number.isSafeInteger(v)) return false;
      if (rule.allowed !== undefined && !rule.allowed.has(v)) return false;
      (column as BigInt64Array)[at] = BigInt(v);
      return true;
    default:
      if (typeof v !== "boolean") return false;
      (column as Uint8Array)[at] = v ? 1 : 0;
      return true;
  }
}

/** A value as a message shows it: JSON, cut short. */
function shown(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describeInput(input: InputSpec): string {
  return `${input.name} (${input.datatype} [${input.shape.join(", ")}])`;
}

/**
 * Builds the validators of a model once, at load: one rule per feature from the ONNX signature (the
 * value kind) and the dataset schema's columns (nullable, integer, allowed values). A feature the
 * schema does not describe is required and non-null.
 */
export function buildRequestDecoder(model: LoadedModel): RequestDecoder {
  const { inputs, columns = {}, nullString } = model;
  const inputIndex = new Map(inputs.map((input, k) => [input.name, k]));
  const outputIndex = new Map(model.outputs.map((output, k) => [output.name, k]));
  const inputNames = inputs.map((i) => i.name).join(", ");
  const outputNames = model.outputs.map((o) => o.name).join(", ");

  // Records: a width-1 input is the feature of its name; one matrix input [N, F] is F named features
  // when the model records their names (as evaluate reads them).
  const matrixFeatures = featureColumnsOf(model.metadata);
  const only = inputs[0];
  const matrix =
    inputs.length === 1 && only !== undefined && only.width > 1 && matrixFeatures?.length === only.width;
  let recordsUnsupported: string | undefined;
  const recordFields: { rule: FieldRule; input: number; offset: number; stride: number }[] = [];
  if (matrix && only && matrixFeatures) {
    matrixFeatures.forEach((key, offset) => {
      recordFields.push({
        rule: fieldRule(key, only, columns[key], nullString),
        input: 0,
        offset,
        stride: only.width,
      });
    });
  } else {
    for (const [k, input] of inputs.entries()) {
      if (input.width !== 1) {
        recordsUnsupported = `model input ${describeInput(input)} takes ${input.width} values per row, not one feature; send tensors to /v2/models/${model.name}/infer`;
        break;
      }
      recordFields.push({
        rule: fieldRule(input.name, input, columns[input.name], nullString),
        input: k,
        offset: 0,
        stride: 1,
      });
    }
  }
  // Tensors: the rule for each position of a row (the matrix's named features, or one rule repeated).
  const tensorRules: FieldRule[][] = inputs.map((input) => {
    if (matrix && matrixFeatures) return recordFields.map((f) => f.rule);
    return [fieldRule(input.name, input, columns[input.name], nullString)];
  });
  // An input whose every position may be null can be left out of a tensor request, like a record field.
  const omittable = tensorRules.map((rules) => rules.every((r) => r.nullable));

  function fillMissing(input: InputSpec, rules: FieldRule[], rows: number): Column {
    const column = allocate(input, rows);
    const n = rows * input.width;
    for (let i = 0; i < n; i++)
      put(rules[rules.length === 1 ? 0 : i % input.width] as FieldRule, column, i, null);
    return column;
  }

  function decodeInfer(body: unknown, maxRows: number): DecodedInfer | Rejection {
    if (!isObject(body)) {
      return new Rejection(400, `expected a JSON object with "inputs", got ${shown(body)}`);
    }
    const id = body.id;
    if (id !== undefined && typeof id !== "string") {
      return new Rejection(400, `id: expected a string, got ${shown(id)}`);
    }
    const tensors = body.inputs;
    if (!Array.isArray(tensors) || tensors.length === 0) {
      return new Rejection(
        400,
        `inputs: expected an array of input tensors (${inputNames}), got ${shown(tensors)}`,
      );
    }
    const fed = new Array<Column | undefined>(inputs.length);
    let rows = -1;
    for (let j = 0; j < tensors.length; j++) {
      const tensor = tensors[j] as unknown;
      if (!isObject(tensor)) {
        return new Rejection(400, `inputs[${j}]: expected an object with name, shape, datatype and data`);
      }
      const name = tensor.name;
      if (typeof name !== "string")
        return new Rejection(400, `inputs[${j}].name: expected a string, got ${shown(name)}`);
      const k = inputIndex.get(name);
      if (k === undefined) {
        return new Rejection(
          400,
          `inputs[${j}].name: the model has no input "${name}" (its inputs: ${inputNames})`,
        );
      }
      const input = inputs[k] as InputSpec;
      const where = `inputs[${j}] (${name})`;
      if (fed[k] !== undefined) return new Rejection(400, `${where}: input "${name}" is given twice`);
      const datatype = tensor.datatype;
      if (typeof datatype !== "string" || !knownDatatypes.has(datatype)) {
        return new Rejection(
          400,
          `${where}.datatype: unknown datatype ${shown(datatype)}; expected ${input.datatype} for this input`,
        );
      }
      if (datatype !== input.datatype) {
        return new Rejection(400, `${where}.datatype: expected ${input.datatype}, got ${datatype}`);
      }
      const shape = tensor.shape;
      if (!Array.isArray(shape) || shape.length !== input.shape.length) {
        return new Rejection(
          400,
          `${where}.shape: expected ${input.shape.length} dimensions like [${input.shape.join(", ")}] (-1: any size), got ${shown(shape)}`,
        );
      }
      for (let d = 0; d < shape.length; d++) {
        const size = shape[d] as unknown;
        const fixed = input.shape[d] as number;
        if (typeof size !== "number" || !Number.isInteger(size) || size < 0) {
          return new Rejection(
            400,
            `${where}.shape[${d}]: expected a non-negative integer, got ${shown(size)}`,
          );
        }
        if (fixed >= 0 && size !== fixed) {
          return new Rejection(400, `${where}.shape[${d}]: expected ${fixed}, got ${size}`);
        }
      }
      const n = shape[0] as number;
      if (n > maxRows) {
        return new Rejection(
          413,
          `${where}.shape[0]: ${n} rows is more than the limit of ${maxRows} rows per request`,
        );
      }
      if (n === 0) return new Rejection(400, `${where}.shape[0]: expected at least one row`);
      if (rows === -1) rows = n;
      else if (n !== rows) {
        return new Rejection(
          400,
          `${where}.shape[0]: every input must have the same rows; got ${n}, earlier inputs ${rows}`,
        );
      }
      const given = tensor.data;
      if (!Array.isArray(given))
        return new Rejection(400, `${where}.data: expected an array, got ${shown(given)}`);
      let data: unknown[] = given;
      // The protocol allows the data nested like the shape as well as flat (row-major).
      if (data.length > 0 && Array.isArray(data[0])) data = data.flat(shape.length);
      const size = n * input.width;
      if (data.length !== size) {
        return new Rejection(
          400,
          `${where}.data: shape [${shape.join(", ")}] holds ${size} values, data has ${data.length}`,
        );
      }
      const rules = tensorRules[k] as FieldRule[];
      const column = allocate(input, n);
      if (rules.length === 1) {
        const rule = rules[0] as FieldRule;
        for (let i = 0; i < size; i++) {
          if (!put(rule, column, i, data[i])) {
            return new Rejection(
              400,
              `${where}.data[${i}]: expected ${rule.expected}, got ${shown(data[i])}`,
            );
          }
        }
      } else {
        for (let i = 0; i < size; i++) {
          const rule = rules[i % input.width] as FieldRule;
          if (!put(rule, column, i, data[i])) {
            return new Rejection(
              400,
              `${where}.data[${i}] (${rule.key}): expected ${rule.expected}, got ${shown(data[i])}`,
            );
          }
        }
      }
      fed[k] = column;
    }
    for (let k = 0; k < inputs.length; k++) {
      if (fed[k] !== undefined) continue;
      const input = inputs[k] as InputSpec;
      if (!omittable[k]) return new Rejection(400, `inputs: missing input ${describeInput(input)}`);
      fed[k] = fillMissing(input, tensorRules[k] as FieldRule[], rows);
    }
    let wanted: boolean[] | undefined;
    const requested = body.outputs;
    if (requested !== undefined) {
      if (!Array.isArray(requested)) {
        return new Rejection(400, `outputs: expected an array of {"name": …}, got ${shown(requested)}`);
      }
      wanted = new Array<boolean>(model.outputs.length).fill(false);
      for (let j = 0; j < requested.length; j++) {
        const output = requested[j] as unknown;
        const name = isObject(output) ? output.name : undefined;
        const k = typeof name === "string" ? outputIndex.get(name) : undefined;
        if (k === undefined) {
          return new Rejection(
            400,
            `outputs[${j}].name: expected one of the model's outputs (${outputNames}), got ${shown(name)}`,
          );
        }
        wanted[k] = true;
      }
    }
    return { rows, columns: fed as Column[], id, wanted };
  }

  function decodeRecords(body: unknown, maxRows: number): DecodedRows | Rejection {
    const records = Array.isArray(body) ? body : isObject(body) ? body.records : undefined;
    if (!Array.isArray(records)) {
      return new Rejection(400, `expected {"records": [{feature: value, …}, …]} or an array of records`);
    }
    if (recordsUnsupported) return new Rejection(400, recordsUnsupported);
    const n = records.length;
    if (n === 0) return new Rejection(400, "records: expected at least one record");
    if (n > maxRows) {
      return new Rejection(
        413,
        `records: ${n} records is more than the limit of ${maxRows} rows per request`,
      );
    }
    for (const input of inputs) {
      const fixed = input.shape[0] as number;
      if (fixed >= 0 && n !== fixed) {
        return new Rejection(400, `records: this model takes exactly ${fixed} records per request, got ${n}`);
      }
    }
    const fedColumns = inputs.map((input) => allocate(input, n));
    const fields = recordFields;
    for (let r = 0; r < n; r++) {
      const record = records[r] as unknown;
      if (!isObject(record)) {
        return new Rejection(400, `records[${r}]: expected an object of features, got ${shown(record)}`);
      }
      for (let f = 0; f < fields.length; f++) {
        const field = fields[f] as (typeof fields)[number];
        const rule = field.rule;
        const v = record[rule.key];
        if (!put(rule, fedColumns[field.input] as Column, r * field.stride + field.offset, v)) {
          return new Rejection(
            400,
            v === undefined
              ? `records[${r}]: missing feature "${rule.key}" (expected ${rule.expected})`
              : `records[${r}].${rule.key}: expected ${rule.expected}, got ${shown(v)}`,
          );
        }
      }
    }
    return { rows: n, columns: fedColumns };
  }

  return { decodeInfer, decodeRecords, features: recordFields.map((f) => f.rule.key) };
}
