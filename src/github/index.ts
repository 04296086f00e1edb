export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from "./client.js";
export { findPullRequestForRun, requirePullRequest, type WorkflowRunHead } from "./pull-request.js";
export {
  actionsBotLogin,
  findStickyComment,
  type StickyResult,
  type StickyTarget,
  stickyMarker,
  tokenLogin,
  upsertStickyComment,
} from "./sticky-comment.js";
