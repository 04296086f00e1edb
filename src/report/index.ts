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
  type SweepSection,
} from "./document.js";
export { escapeHtml, renderHtml, renderPlotsHtml } from "./html.js";
export {
  bestSweepPoint,
  escapeMarkdown,
  formatNumber,
  markdownTable,
  maxCommentChars,
  renderMarkdown,
  reportBlocks,
  sweepTable,
} from "./markdown.js";
export { type MetricHistory, type MetricHistoryRow, metricHistory } from "./metric-history.js";
export { type PlotsDiff, plotsDiff, workspaceRevision } from "./plots-diff.js";
export { parseUntrustedReport } from "./untrusted.js";
