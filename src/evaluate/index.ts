export {
  type EvaluateOptions,
  type Evaluation,
  evaluateModel,
  loadOrt,
  type ModelSignature,
  signatureOf,
} from "./evaluate.js";
export * from "./metrics.js";
export * from "./plots.js";
