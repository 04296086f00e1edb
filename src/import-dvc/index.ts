export { convertDvcYaml, type NotCarried } from "./convert.js";
export { defaultRemote, dvcFile, dvcLock, parseDvcConfig } from "./dvc-files.js";
export { type ImportDvcOptions, type ImportDvcResult, importDvc } from "./import.js";
