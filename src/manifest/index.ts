export { type CheckedFile, checkManifestFile, checkManifests, findManifests } from "./check.js";
export { nameSlug, repoRelativePath, sha256Hex } from "./common.js";
export {
  type DataManifest,
  type DataOut,
  type DataSource,
  dataManifest,
  dataOut,
  dataSource,
  isDvcOwnFile,
} from "./data-manifest.js";
export {
  type ColumnSpec,
  columnSpec,
  columnType,
  type DatasetSchema,
  datasetSchema,
  driftMethod,
  driftRule,
} from "./dataset-schema.js";
export {
  cpuMillicores,
  type ModelDeploySettings,
  memoryBytes,
  modelDeploySettings,
  type RepoDeploySettings,
  repoDeploySettings,
} from "./deploy-settings.js";
export { jsonSchemaFor } from "./json-schema.js";
export {
  kindForPath,
  type ManifestKind,
  type ManifestKindName,
  manifestKind,
  manifestKindNames,
  manifestKinds,
} from "./kinds.js";
export { type Gate, gate, type ModelCard, modelCard, regressionGate, thresholdGate } from "./model-card.js";
export {
  gitCommit,
  isoDateTime,
  type ModelVersion,
  modelVersion,
  semverTag,
  type TensorSpec,
  tensorSpec,
} from "./model-version.js";
export { type ParamsFile, type ParamValue, paramsFile, paramValue } from "./params.js";
export {
  command,
  outOptions,
  outPath,
  type Pipeline,
  pipeline,
  pipelinePath,
  type Stage,
  type StageOut,
  stage,
  stageOut,
  stageParam,
} from "./pipeline.js";
export {
  type LockEntry,
  type LockStage,
  lockEntry,
  lockStage,
  type PipelineLock,
  pipelineLock,
} from "./pipeline-lock.js";
export { type RemoteConfig, type RepoConfig, remoteConfig, repoConfig } from "./repo-config.js";
export { type StageAssignment, stageAssignment } from "./stage-assignment.js";
export {
  defaultSweepMaxPoints,
  maxSweepKeys,
  maxSweepPoints,
  type SweepBlock,
  sweepBlock,
  sweepGridSize,
  sweepPointCount,
} from "./sweep.js";
export { formatFieldPath, parseYaml, readYamlFile, stringifyYaml, writeYamlFile } from "./yaml-file.js";
