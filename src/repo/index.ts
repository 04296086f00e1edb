export { findRepoRoot, findRepoRootOr, type RepoLayout, repoLayout, toRepoPath } from "./layout.js";
