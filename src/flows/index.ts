export {
  type ImageBuilder,
  type MergeFlowOptions,
  type ModelPromotion,
  type PromotionStatus,
  promoteMerged,
} from "./promote-merged.js";
export { runProvenance } from "./provenance.js";
export { commitOf, currentAssignment, isAncestor, modelState, versionManifest } from "./registry-view.js";
export { type ReleaseOptions, type ReleasePromotion, releaseToProd } from "./release.js";
export {
  type RetrainFired,
  type RetrainNotFired,
  type RetrainOptions,
  type RetrainResult,
  retrainOnDrift,
  retrainTitle,
  type SnapshotRefresh,
} from "./retrain.js";
export {
  type RetrainPullRequestFlowOptions,
  type RetrainPullRequestOutcome,
  retrainAndOpenPullRequest,
} from "./retrain-pull-request.js";
export { imageSettings, stageTarget } from "./targets.js";
