export { isTempName, tempPathFor, writeFileAtomic } from "./atomic-write.js";
