export { isTempName, tempPathFor, writeFileAtomic } from "./atomic-write.js";
export { packageRoot } from "./package-root.js";
export {
  type EvalWorker,
  type Share,
  splitAcrossWorkers,
  splitIntoShares,
  startEvalWorker,
} from "./worker-threads.js";
