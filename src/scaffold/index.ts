export { type NewPipelineOptions, type NewPipelineResult, newPipeline } from "./new-pipeline.js";
export {
  type PipelinePlan,
  type PipelinePlanInput,
  planPipeline,
  snakeName,
  type Task,
  type Trainer,
} from "./plan.js";
export { profileTable, type TableProfile } from "./profile.js";
