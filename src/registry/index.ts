export { checkGates, evaluateOnCurrentData, type GateResult, modelObjectPath } from "./gates.js";
export { declaredModels, loadModelCard, loadModelCards, readVersionManifests } from "./model-files.js";
export { modelState, versionManifest } from "./model-state.js";
export { type AssignOptions, type PromoteResult, promoteModel, rollbackModel } from "./promote.js";
export { fetchModelTags, resolveTagRemote, type Tagger, type TagRemote } from "./publish.js";
export {
  diffVersions,
  type HistoryEvent,
  listModels,
  type ModelSummary,
  parseSelector,
  registryHistory,
  type ShowResult,
  showRegistry,
  type VersionDiff,
} from "./query.js";
export { type RegistryRef, readRegistryRefs } from "./refs.js";
export {
  buildVersionManifest,
  type RegisterOptions,
  type RegisterResult,
  readMetrics,
  readSignature,
  readValidation,
  registerModel,
  requiredBump,
} from "./register.js";
export { buildState, type ModelState, type RegistryState } from "./state.js";
export {
  compareSemver,
  parseRegistryTag,
  type RegistryTagName,
  stageTagName,
  versionTagName,
} from "./tag-names.js";
export { type RegistryVerifyReport, verifyRegistry } from "./verify.js";
