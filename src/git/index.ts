export { type GitOptions, type GitResult, git, gitCapture, gitRaw, isGitRepo, readBlobs } from "./git.js";
