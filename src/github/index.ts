export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from "./client.js";
export { findPullRequestForRun, requirePullRequest, type WorkflowRunHead } from "./pull-request.js";
export { downloadReportArtifact, type ReportArtifactSource } from "./report-artifact.js";
export { commentReport, type ReportCommentOptions } from "./report-comment.js";
export {
  actionsBotLogin,
  findStickyComment,
  type StickyResult,
  type StickyTarget,
  stickyMarker,
  tokenLogin,
  upsertStickyComment,
} from "./sticky-comment.js";
export { auditWorkflow, type WorkflowFinding } from "./workflow-audit.js";
