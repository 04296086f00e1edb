export { type IngestOptions, type IngestResult, ingestFeedback, type LiveMetrics } from "./ingest.js";
export { type JoinCounts, type JoinResult, joinOutcomes, type SkipReason, skipReasons } from "./join.js";
export { type OutcomeText, readOutcomeSource } from "./outcome-source.js";
export { type Outcome, type OutcomeFormat, outcomeFormatOf, parseOutcomes } from "./outcomes.js";
export { type LoggedPrediction, parsePredictionLog } from "./prediction-rows.js";
export { type ShadowReport, type ShadowSummary, shadowReport } from "./shadow-report.js";
export { parseWindow } from "./window.js";
