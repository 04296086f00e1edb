import { attr, GraphBuilder } from "../onnx/builder.js";
import { featureCount, type Preprocessing } from "./features.js";
import type { GbdtModel } from "./gbdt.js";
import type { LinearModel } from "./linear.js";

export type ModelKind = "linear" | "ridge" | "logistic" | "gbdt";

/** A trained model with everything the exported graph needs. */
export interface TrainedModel {
  kind: ModelKind;
  task: "regression" | "classification";
  target: string;
  pre: Preprocessing;
  /** Class names in probability-column order (classification). */
  classes: string[];
  linear?: LinearModel;
  gbdt?: GbdtModel;
  seed: number;
  producerVersion: string;
}

/** What callers feed for a missing categorical value: unknown to every one-hot encoder, so all zeros. */
export const nullCategory = "";

function preprocessing(g: GraphBuilder, pre: Preprocessing): string {
  const parts: string[] = [];
  if (pre.numeric.length > 0) {
    const inputs = pre.numeric.map((f) => g.input(f.name, "float", ["N", 1]));
    const joined =
      inputs.length === 1 ? (inputs[0] as string) : g.op("Concat", inputs, { axis: attr.int(1) });
    let numeric = g.op(
      "Imputer",
      [joined],
      {
        imputed_value_floats: attr.floats(pre.numeric.map((f) => f.median)),
        replaced_value_float: attr.float(Number.NaN),
      },
      "ai.onnx.ml",
    );
    if (pre.standardise) {
      numeric = g.op(
        "Scaler",
        [numeric],
        {
          offset: attr.floats(pre.numeric.map((f) => f.mean)),
          scale: attr.floats(pre.numeric.map((f) => f.scale)),
        },
        "ai.onnx.ml",
      );
    }
    parts.push(numeric);
  }
  for (const c of pre.categorical) {
    const input = g.input(c.name, "string", ["N", 1]);
    const encoded = g.op(
      "OneHotEncoder",
      [input],
      { cats_strings: attr.strings(c.categories), zeros: attr.int(1) },
      "ai.onnx.ml",
    );
    const shape = g.int64Constant("shape", [-1, c.categories.length], [2]);
    parts.push(g.op("Reshape", [encoded, shape]));
  }
  return parts.length === 1 ? (parts[0] as string) : g.op("Concat", parts, { axis: attr.int(1) });
}

function linearScores(g: GraphBuilder, features: string, model: LinearModel, p: number): string {
  const k = model.weights.length;
  const w: number[] = [];
  for (let j = 0; j < p; j++) for (let c = 0; c < k; c++) w.push(model.weights[c]?.[j] ?? 0);
  const weights = g.floatConstant("weights", w, [p, k]);
  const bias = g.floatConstant("bias", model.intercepts, [k]);
  return g.op("Gemm", [features, weights, bias]);
}

function treeScores(g: GraphBuilder, features: string, model: GbdtModel): string {
  const nodeTree: number[] = [];
  const nodeId: number[] = [];
  const nodeFeature: number[] = [];
  const nodeMode: string[] = [];
  const nodeValue: number[] = [];
  const nodeTrue: number[] = [];
  const nodeFalse: number[] = [];
  const targetTree: number[] = [];
  const targetNode: number[] = [];
  const targetId: number[] = [];
  const targetWeight: number[] = [];
  model.trees.forEach((tree, t) => {
    for (let n = 0; n < tree.feature.length; n++) {
      const leaf = (tree.feature[n] as number) < 0;
      nodeTree.push(t);
      nodeId.push(n);
      nodeFeature.push(leaf ? 0 : (tree.feature[n] as number));
      nodeMode.push(leaf ? "LEAF" : "BRANCH_LEQ");
      nodeValue.push(leaf ? 0 : (tree.threshold[n] as number));
      nodeTrue.push(leaf ? 0 : (tree.left[n] as number));
      nodeFalse.push(leaf ? 0 : (tree.right[n] as number));
      if (leaf) {
        targetTree.push(t);
        targetNode.push(n);
        targetId.push(tree.target);
        targetWeight.push(tree.value[n] as number);
      }
    }
  });
  return g.op(
    "TreeEnsembleRegressor",
    [features],
    {
      n_targets: attr.int(model.nOutputs),
      aggregate_function: attr.string("SUM"),
      post_transform: attr.string("NONE"),
      base_values: attr.floats(model.baseScores),
      nodes_treeids: attr.ints(nodeTree),
      nodes_nodeids: attr.ints(nodeId),
      nodes_featureids: attr.ints(nodeFeature),
      nodes_modes: attr.strings(nodeMode),
      nodes_values: attr.floats(nodeValue),
      nodes_truenodeids: attr.ints(nodeTrue),
      nodes_falsenodeids: attr.ints(nodeFalse),
      nodes_missing_value_tracks_true: attr.ints(nodeTree.map(() => 0)),
      target_treeids: attr.ints(targetTree),
      target_nodeids: attr.ints(targetNode),
      target_ids: attr.ints(targetId),
      target_weights: attr.floats(targetWeight),
    },
    "ai.onnx.ml",
  );
}

/**
 * The ONNX graph: one input per raw feature column (numbers as float [N,1], categories as string
 * [N,1]), preprocessing, the model, and `prediction` [N,1] (regression) or `label` [N] plus
 * `probabilities` [N,K] (classification). Standard and ai.onnx.ml operators only.
 */
export function exportOnnx(model: TrainedModel): Uint8Array {
  const g = new GraphBuilder(`${model.kind}_${model.target}`);
  const features = preprocessing(g, model.pre);
  const p = featureCount(model.pre);
  let scores: string;
  if (model.gbdt) scores = treeScores(g, features, model.gbdt);
  else if (model.linear) scores = linearScores(g, features, model.linear, p);
  else throw new Error("a trained model has either trees or linear weights");
  if (model.task === "regression") {
    g.op("Identity", [scores], {}, "", "prediction");
    g.output("prediction", "float", ["N", 1]);
  } else {
    const k = model.classes.length;
    let logits = scores;
    if (model.gbdt && model.gbdt.nOutputs === 1 && k === 2) {
      // One score z per row means P(class 1) = sigmoid(z) = softmax([0, z]).
      const zero = g.op("Mul", [scores, g.floatConstant("zero", [0], [1])]);
      logits = g.op("Concat", [zero, scores], { axis: attr.int(1) });
    }
    g.op("Softmax", [logits], { axis: attr.int(1) }, "", "probabilities");
    const index = g.op("ArgMax", ["probabilities"], { axis: attr.int(1), keepdims: attr.int(0) });
    g.op(
      "Gather",
      [g.stringConstant("classes", model.classes, [k]), index],
      { axis: attr.int(0) },
      "",
      "label",
    );
    g.output("label", "string", ["N"]);
    g.output("probabilities", "float", ["N", k]);
  }
  return g.toBytes({
    producerVersion: model.producerVersion,
    docString: `${model.kind} ${model.task} of '${model.target}'`,
    opsets: { "": 17, "ai.onnx.ml": 3 },
    metadata: {
      "mlops.task": model.task,
      "mlops.target": model.target,
      "mlops.model": model.kind,
      "mlops.seed": String(model.seed),
      "mlops.null_string": nullCategory,
      "mlops.features": JSON.stringify({
        numeric: model.pre.numeric.map((f) => f.name),
        categorical: model.pre.categorical.map((c) => c.name),
      }),
      ...(model.task === "classification" ? { "mlops.classes": JSON.stringify(model.classes) } : {}),
    },
  });
}
