export {
  type GitOptions,
  type GitResult,
  git,
  gitCapture,
  gitRaw,
  gitStderrTail,
  isGitRepo,
  readBlobs,
} from "./git.js";
export { type GitRemoteTarget, remoteEnv } from "./remote-env.js";
