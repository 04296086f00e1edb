export {
  changesMarkdown,
  diffMetrics,
  diffParams,
  type MetricChange,
  type MetricsFile,
  metricsMarkdown,
  workspaceMetrics,
} from "./compare.js";
export { metricDirection } from "./direction.js";
export { flatten } from "./flatten.js";
