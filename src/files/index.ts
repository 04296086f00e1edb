export { isTempName, tempPathFor, writeFileAtomic } from "./atomic-write.js";
export { packageRoot } from "./package-root.js";
