export {
  type EvaluateOptions,
  type Evaluation,
  evaluateLoaded,
  evaluateModel,
  type Feed,
  type LoadedModel,
  loadOrt,
  type ModelSignature,
  openModel,
  prepareFeeds,
  signatureOf,
} from "./evaluate.js";
export * from "./metrics.js";
export * from "./plots.js";
