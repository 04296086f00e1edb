export { type CommittedStage, commitStages } from "./commit.js";
export { buildGraph, type StageGraph, withUpstream } from "./graph.js";
export {
  listPipelines,
  loadPipeline,
  loadPipelines,
  type PipelineSpec,
  type StageOutput,
  type StageSpec,
  selectParam,
} from "./load.js";
export { readLock, serializeLock, writeLock } from "./lock.js";
export { pushDatasetsAndRuns } from "./publish-outputs.js";
export { type ReproduceOptions, reproduce } from "./reproduce.js";
export { listRunCache, pushRunCache, runCacheRelPath } from "./run-cache.js";
export {
  type RunOptions,
  runKeyOf,
  runPipelines,
  runsTrainer,
  type StageResult,
  type StageStatus,
} from "./runner.js";
export { stableJson } from "./stable-json.js";
export { type ExpandedStage, expandStages } from "./templating.js";
