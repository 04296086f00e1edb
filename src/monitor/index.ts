export { monitorMarkdown } from "./markdown.js";
export {
  type DecayCheck,
  type DriftCheck,
  type MonitorOptions,
  type MonitorResult,
  monitorModel,
} from "./monitor.js";
