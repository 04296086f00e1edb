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
export { imageSettings, stageTarget } from "./targets.js";
