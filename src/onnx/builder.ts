import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

export type ElementType = "float" | "double" | "int64" | "string";

const elementCodes: Record<ElementType, number> = {
  float: onnx.TensorProto.DataType.FLOAT,
  double: onnx.TensorProto.DataType.DOUBLE,
  int64: onnx.TensorProto.DataType.INT64,
  string: onnx.TensorProto.DataType.STRING,
};

/** A dimension: a fixed size, or a name for a size chosen at run time (the batch). */
export type Dim = number | string;

export type AttributeValue =
  | { kind: "float"; value: number }
  | { kind: "int"; value: number }
  | { kind: "string"; value: string }
  | { kind: "floats"; value: readonly number[] }
  | { kind: "ints"; value: readonly number[] }
  | { kind: "strings"; value: readonly string[] };

/** Typed attribute constructors: ONNX tells a float 1 from an int 1, JavaScript does not. */
export const attr = {
  float: (value: number): AttributeValue => ({ kind: "float", value }),
  int: (value: number): AttributeValue => ({ kind: "int", value }),
  string: (value: string): AttributeValue => ({ kind: "string", value }),
  floats: (value: readonly number[]): AttributeValue => ({ kind: "floats", value }),
  ints: (value: readonly number[]): AttributeValue => ({ kind: "ints", value }),
  strings: (value: readonly string[]): AttributeValue => ({ kind: "strings", value }),
};

const utf8 = new TextEncoder();

function toAttribute(name: string, a: AttributeValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.kind) {
    case "float":
      return { name, type: T.FLOAT, f: a.value };
    case "int":
      return { name, type: T.INT, i: a.value };
    case "string":
      return { name, type: T.STRING, s: utf8.encode(a.value) };
    case "floats":
      return { name, type: T.FLOATS, floats: [...a.value] };
    case "ints":
      return { name, type: T.INTS, ints: [...a.value] };
    case "strings":
      return { name, type: T.STRINGS, strings: a.value.map((s) => utf8.encode(s)) };
  }
}

function valueInfo(name: string, type: ElementType, shape: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: elementCodes[type],
        shape: { dim: shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export interface ModelOptions {
  producerVersion: string;
  docString?: string;
  /** Key/value pairs stored in the file (class names, target column, feature roles). */
  metadata?: Record<string, string>;
  /** Operator set versions by domain: "" is ai.onnx. */
  opsets: Record<string, number>;
}

/**
 * Builds one ONNX graph node by node. Names are generated in a fixed order and nothing depends on
 * time or randomness, so the same model always serialises to the same bytes.
 */
export class GraphBuilder {
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private counter = 0;

  constructor(private readonly graphName: string) {}

  fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  input(name: string, type: ElementType, shape: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  output(name: string, type: ElementType, shape: readonly Dim[]): void {
    this.outputs.push(valueInfo(name, type, shape));
  }

  /** Adds a node and returns the names of its outputs (fresh names unless given). */
  node(
    opType: string,
    inputs: readonly string[],
    options: {
      outputs?: readonly string[];
      attributes?: Record<string, AttributeValue>;
      domain?: string;
    } = {},
  ): string[] {
    const outputs = options.outputs ? [...options.outputs] : [this.fresh(opType.toLowerCase())];
    this.nodes.push({
      opType,
      domain: options.domain ?? "",
      name: this.fresh(`n_${opType}`),
      input: [...inputs],
      output: outputs,
      attribute: Object.entries(options.attributes ?? {}).map(([k, v]) => toAttribute(k, v)),
    });
    return outputs;
  }

  /** One-output convenience for `node`. */
  op(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, AttributeValue> = {},
    domain = "",
    output?: string,
  ): string {
    const [out] = this.node(opType, inputs, { attributes, domain, outputs: output ? [output] : undefined });
    return out as string;
  }

  floatConstant(prefix: string, values: readonly number[], dims: readonly number[]): string {
    const name = this.fresh(prefix);
    this.initializers.push({ name, dataType: elementCodes.float, dims: [...dims], floatData: [...values] });
    return name;
  }

  int64Constant(prefix: string, values: readonly number[], dims: readonly number[]): string {
    const name = this.fresh(prefix);
    this.initializers.push({ name, dataType: elementCodes.int64, dims: [...dims], int64Data: [...values] });
    return name;
  }

  stringConstant(prefix: string, values: readonly string[], dims: readonly number[]): string {
    const name = this.fresh(prefix);
    this.initializers.push({
      name,
      dataType: elementCodes.string,
      dims: [...dims],
      stringData: values.map((v) => utf8.encode(v)),
    });
    return name;
  }

  toBytes(options: ModelOptions): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: "gitops-mlops",
      producerVersion: options.producerVersion,
      docString: options.docString ?? "",
      opsetImport: Object.entries(options.opsets).map(([domain, version]) => ({ domain, version })),
      metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
      graph: {
        name: this.graphName,
        node: this.nodes,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

/**
 * A list our exporters record in a model's metadata as JSON (`mlops.classes`, `mlops.feature_columns`):
 * its entries as strings, or undefined when the key is absent or not a JSON list.
 */
export function metadataList(metadata: Record<string, string>, key: string): string[] | undefined {
  const raw = metadata[key];
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the metadata and the declared inputs and outputs of a model file, without running it. */
export function readModelInfo(bytes: Uint8Array): {
  metadata: Record<string, string>;
  producer: string;
  opsets: Record<string, number>;
} {
  const model = onnx.ModelProto.decode(bytes);
  const metadata: Record<string, string> = {};
  for (const p of model.metadataProps) metadata[p.key ?? ""] = p.value ?? "";
  const opsets: Record<string, number> = {};
  for (const o of model.opsetImport) opsets[o.domain || "ai.onnx"] = Number(o.version);
  return { metadata, producer: `${model.producerName} ${model.producerVersion}`.trim(), opsets };
}
