export { type BuildReportOptions, buildReport } from "./build.js";
export { curveSeriesOf, curvesFor } from "./curves.js";
export {
  type CurveSeries,
  type CurveSet,
  type MetricRow,
  maxCurvePoints,
  maxReportBytes,
  maxScatterPoints,
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
