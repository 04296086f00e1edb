export { type RecordedPromotion, recordPromotionDeployments } from "./deployments.js";
export {
  type ManifestsCommit,
  type MergeFlowOptions,
  type ModelPromotion,
  type PromotionStatus,
  promoteMerged,
} from "./promote-merged.js";
export {
  type PromotionLine,
  parsePromotionLines,
  promotionLine,
  promotionSummary,
} from "./promotion-lines.js";
export { assignOptions, runProvenance } from "./provenance.js";
export { commitOf, currentAssignment, isAncestor, modelState, versionManifest } from "./registry-view.js";
export { type ReleaseOptions, type ReleasePromotion, releaseToProd } from "./release.js";
export { publishReleasePage } from "./release-page.js";
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
export { type RollbackFlowResult, rollbackStage } from "./rollback.js";
export {
  defaultImageRepository,
  githubContainerRegistry,
  type ImagePublisher,
  type ImagePublisherOptions,
  imagePublisher,
  imageReference,
} from "./serving-images.js";
export {
  describeShadowSources,
  parseShadowSummary,
  readShadowSummaries,
  type ShadowSummaries,
  type ShadowSummaryFile,
  shadowGateProblem,
} from "./shadow-gate.js";
export { imageSettings, stageTarget } from "./targets.js";
