export { findRepoRoot, type RepoLayout, repoLayout } from "./layout.js";
