export { clientOf, createGitHubClient, type GitHubClient, type GitHubClientOptions } from "./client.js";
export {
  type DeploymentOutcome,
  type DeploymentPayload,
  type DeploymentRecord,
  type RecordedDeployment,
  recordDeployment,
} from "./deployment.js";
export {
  findPullRequestForRun,
  forkOfEvent,
  requirePullRequest,
  type WorkflowRunHead,
} from "./pull-request.js";
export {
  type PublishedRelease,
  publishRelease,
  type ReleaseAssetFile,
  type ReleaseOptions,
  releaseAssetName,
} from "./release.js";
export { composeReleaseBody, type ReleasedModel, type ReleaseNotes } from "./release-notes.js";
export { downloadReportArtifact, type ReportArtifactSource } from "./report-artifact.js";
export { commentReport, type ReportCommentOptions } from "./report-comment.js";
export {
  openOrUpdateRetrainPullRequest,
  type RetrainPullRequest,
  type RetrainPullRequestOptions,
  retrainBranch,
} from "./retrain-pull-request.js";
export { repositoryOf, repositoryUrlOf, runUrlOf } from "./run-context.js";
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
