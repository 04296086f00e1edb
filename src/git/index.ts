export { type GitOptions, type GitResult, git, gitRaw, isGitRepo, readBlobs } from "./git.js";
