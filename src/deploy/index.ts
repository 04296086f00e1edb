export {
  diffEnvironment,
  type EnvironmentCommit,
  type EnvironmentDiff,
  type EnvironmentsBranch,
  environmentsBranch,
  type PublishOptions,
  publishEnvironment,
} from "./branch.js";
export {
  type DeployConfig,
  deployConfig,
  environmentOf,
  type RenderedEnvironment,
  type RenderOptions,
  renderEnvironment,
  type StageHolding,
} from "./environment.js";
export {
  type AlertName,
  type AlertTiming,
  alertNames,
  alertRuleGroups,
  dashboardQueries,
  defaultAlertTiming,
  driftPsiThreshold,
  grafanaDashboard,
  recordNames,
  renderObservability,
  rulesFile,
  targetLabels,
} from "./observability.js";
export { type CommitEnvironmentOptions, commitEnvironment, requireDeployable, stageDiff } from "./publish.js";
export {
  containerResources,
  type ModelDeployment,
  manifestYaml,
  type RenderedFile,
  renderModel,
  servingUser,
} from "./render.js";
export { type WrittenEnvironment, writeEnvironment } from "./write.js";
