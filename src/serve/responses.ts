import type { OutputValues } from "./batcher.js";
import { featureColumnsOf, type LoadedModel, type TensorSpec } from "./model.js";
import type { Column } from "./schema.js";

/**
 * Writes response bodies straight from a batch's output arrays, for one request's rows: every
 * constant part (names, datatypes, shapes, class keys) is serialised once, at load.
 */
export interface ResponseEncoder {
  /** The Open Inference Protocol response; `wanted` picks outputs (undefined: all). */
  infer(
    outputs: OutputValues[],
    offset: number,
    rows: number,
    id: string,
    wanted: boolean[] | undefined,
  ): string;
  /** The `/predict` response: `{"model", "version", "predictions": [...]}`. */
  predict(outputs: OutputValues[], offset: number, rows: number): string;
  /** The predictions alone, as `/predict` shows them: a JSON array, one item per row. */
  predictions(outputs: OutputValues[], offset: number, rows: number): string;
  /** The fed rows as JSON records (NaN as null, float32 as written), for the prediction log. */
  records(columns: Column[], rows: number): string;
}

type ValueWriter = (values: OutputValues, i: number) => string;

const writeNumber: ValueWriter = (values, i) => {
  const v = (values as Float32Array)[i] as number;
  // JSON has no NaN or Infinity.
  return v - v === 0 ? `${v}` : "null";
};
/**
 * A float32 the way a person wrote it: the shortest decimal that reads back as the same float32
 * (12.2, not 12.199999809265137). Costs a few conversions per value; only the log uses it.
 */
const writeFloat32Short: ValueWriter = (values, i) => {
  const v = (values as Float32Array)[i] as number;
  if (v - v !== 0) return "null";
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(v.toPrecision(digits));
    if (Math.fround(shorter) === v) return `${shorter}`;
  }
  return `${v}`;
};
const writeBigInt: ValueWriter = (values, i) => `${(values as BigInt64Array)[i]}`;
const writeBool: ValueWriter = (values, i) => ((values as Uint8Array)[i] ? "true" : "false");
const writeString: ValueWriter = (values, i) => JSON.stringify((values as string[])[i]);

function writerFor(type: string): ValueWriter {
  if (type === "string") return writeString;
  if (type === "bool") return writeBool;
  if (type === "int64" || type === "uint64") return writeBigInt;
  return writeNumber;
}

/** Values [from, to) as a JSON array body, without the brackets. */
function writeRange(write: ValueWriter, values: OutputValues, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += i === from ? write(values, i) : `,${write(values, i)}`;
  return s;
}

/** One row's value: a scalar when the output has one value per row, else an array. */
function writeRow(write: ValueWriter, values: OutputValues, width: number, row: number): string {
  if (width === 1) return write(values, row);
  return `[${writeRange(write, values, row * width, (row + 1) * width)}]`;
}

/** Which outputs make a prediction, read from names and shapes the way evaluate reads them. */
function predictionOutputs(model: LoadedModel): {
  probabilities: number;
  label: number;
  score: number;
} {
  const outs = model.outputs;
  const isFloat = (o: TensorSpec) => o.type === "float32" || o.type === "float64";
  let probabilities = outs.findIndex((o) => /prob/i.test(o.name) && o.shape.length === 2 && isFloat(o));
  if (probabilities < 0 && model.task === "classification") {
    probabilities = outs.findIndex((o) => isFloat(o) && o.shape.length === 2 && o.width > 1);
  }
  const label = outs.findIndex((o, k) => /label/i.test(o.name) && k !== probabilities && o.width === 1);
  const score = outs.findIndex((o, k) => k !== probabilities && k !== label && isFloat(o));
  return { probabilities, label, score };
}

export function buildResponseEncoder(model: LoadedModel): ResponseEncoder {
  const { outputs: specs } = model;
  const writers = specs.map((s) => writerFor(s.type));
  const inferHead = `{"model_name":${JSON.stringify(model.name)},"model_version":${JSON.stringify(model.version)},"id":`;
  const outputHeads = specs.map(
    (s) => `{"name":${JSON.stringify(s.name)},"datatype":${JSON.stringify(s.datatype)},"shape":[`,
  );
  const outputShapeTails = specs.map(
    (s) =>
      `${s.shape
        .slice(1)
        .map((d) => `,${d}`)
        .join("")}],"data":[`,
  );
  const predictHead = `{"model":${JSON.stringify(model.name)},"version":${JSON.stringify(model.version)},"predictions":`;

  function infer(
    outputs: OutputValues[],
    offset: number,
    rows: number,
    id: string,
    wanted: boolean[] | undefined,
  ): string {
    let s = `${inferHead}${JSON.stringify(id)},"outputs":[`;
    let first = true;
    for (let k = 0; k < specs.length; k++) {
      if (wanted !== undefined && !wanted[k]) continue;
      const width = (specs[k] as TensorSpec).width;
      s += first ? outputHeads[k] : `,${outputHeads[k]}`;
      s += `${rows}${outputShapeTails[k]}`;
      s += writeRange(
        writers[k] as ValueWriter,
        outputs[k] as OutputValues,
        offset * width,
        (offset + rows) * width,
      );
      s += "]}";
      first = false;
    }
    return `${s}]}`;
  }

  const picked = predictionOutputs(model);
  const classes = model.classes;
  const probabilitiesSpec = specs[picked.probabilities];
  const classKeys =
    classes && probabilitiesSpec && classes.length === probabilitiesSpec.width
      ? classes.map((c) => `${JSON.stringify(c)}:`)
      : undefined;

  let predictions: (outputs: OutputValues[], offset: number, rows: number) => string;
  if (probabilitiesSpec && (picked.label >= 0 || classKeys)) {
    // A classifier: the label, and the probability of each class by name when the classes are known.
    const k = probabilitiesSpec.width;
    const writeLabel = picked.label >= 0 ? (writers[picked.label] as ValueWriter) : undefined;
    predictions = (outputs, offset, rows) => {
      const proba = outputs[picked.probabilities] as Float32Array;
      const labels = picked.label >= 0 ? (outputs[picked.label] as OutputValues) : undefined;
      let s = "[";
      for (let r = offset; r < offset + rows; r++) {
        let label: string;
        if (writeLabel && labels) label = writeLabel(labels, r);
        else {
          let best = 0;
          for (let c = 1; c < k; c++)
            if ((proba[r * k + c] as number) > (proba[r * k + best] as number)) best = c;
          label = JSON.stringify(classes?.[best] ?? best);
        }
        s += `${r === offset ? "" : ","}{"label":${label},"probabilities":`;
        if (classKeys) {
          s += "{";
          for (let c = 0; c < k; c++)
            s += `${c === 0 ? "" : ","}${classKeys[c]}${writeNumber(proba, r * k + c)}`;
          s += "}}";
        } else {
          s += `[${writeRange(writeNumber, proba, r * k, (r + 1) * k)}]}`;
        }
      }
      return `${s}]`;
    };
  } else if (picked.score >= 0 && specs.length === 1) {
    // A regressor: the number (or the numbers, for several targets) per row.
    const width = (specs[picked.score] as TensorSpec).width;
    const write = writers[picked.score] as ValueWriter;
    predictions = (outputs, offset, rows) =>
      width === 1
        ? `[${writeRange(write, outputs[picked.score] as OutputValues, offset, offset + rows)}]`
        : rowsOf(rows, (r) => writeRow(write, outputs[picked.score] as OutputValues, width, offset + r));
  } else {
    // Anything else: every output by name, per row.
    const keys = specs.map((s) => `${JSON.stringify(s.name)}:`);
    predictions = (outputs, offset, rows) =>
      rowsOf(rows, (r) => {
        let s = "{";
        for (let k = 0; k < specs.length; k++) {
          const width = (specs[k] as TensorSpec).width;
          s += `${k === 0 ? "" : ","}${keys[k]}${writeRow(writers[k] as ValueWriter, outputs[k] as OutputValues, width, offset + r)}`;
        }
        return `${s}}`;
      });
  }

  // The log shows rows as features, like /predict takes them.
  const inputWriters = model.inputs.map((s) =>
    s.type === "float32" ? writeFloat32Short : writerFor(s.type),
  );
  const matrixFeatures = featureColumnsOf(model.metadata);
  const only = model.inputs[0];
  const recordKeys: string[][] = model.inputs.map((input) =>
    model.inputs.length === 1 && only && matrixFeatures?.length === only.width && only.width > 1
      ? matrixFeatures.map((f) => `${JSON.stringify(f)}:`)
      : [`${JSON.stringify(input.name)}:`],
  );
  function records(columns: Column[], rows: number): string {
    return rowsOf(rows, (r) => {
      let s = "{";
      let first = true;
      for (let k = 0; k < model.inputs.length; k++) {
        const input = model.inputs[k] as (typeof model.inputs)[number];
        const keys = recordKeys[k] as string[];
        const write = inputWriters[k] as ValueWriter;
        const column = columns[k] as Column;
        if (keys.length === input.width) {
          for (let j = 0; j < keys.length; j++) {
            s += `${first ? "" : ","}${keys[j]}${write(column, r * input.width + j)}`;
            first = false;
          }
        } else {
          s += `${first ? "" : ","}${keys[0]}${writeRow(write, column, input.width, r)}`;
          first = false;
        }
      }
      return `${s}}`;
    });
  }

  return {
    infer,
    predict: (outputs, offset, rows) => `${predictHead}${predictions(outputs, offset, rows)}}`,
    predictions,
    records,
  };
}

function rowsOf(rows: number, row: (r: number) => string): string {
  let s = "[";
  for (let r = 0; r < rows; r++) s += r === 0 ? row(r) : `,${row(r)}`;
  return `${s}]`;
}
