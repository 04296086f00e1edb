export { type BuildReportOptions, buildReport } from "./build.js";
export {
  type MetricRow,
  maxReportBytes,
  type PipelineSection,
  type ReportDocument,
  reportDocument,
} from "./document.js";
export { escapeHtml, renderHtml } from "./html.js";
export {
  escapeMarkdown,
  formatNumber,
  markdownTable,
  maxCommentChars,
  renderMarkdown,
  reportBlocks,
} from "./markdown.js";
export { parseUntrustedReport } from "./untrusted.js";
