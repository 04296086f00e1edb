export {
  changesMarkdown,
  diffMetrics,
  diffParams,
  flatten,
  type MetricChange,
  type MetricsFile,
  metricsMarkdown,
  workspaceMetrics,
} from "./compare.js";
export { metricDirection } from "./direction.js";
