export { type AddResult, addData, importData } from "./add.js";
export {
  addRemote,
  type ConfigScope,
  effectiveConfig,
  listRemotes,
  type RemoteListing,
  removeRemote,
  resolveRemote,
} from "./config.js";
export { collectGarbage, type GcPlan, gcRoots } from "./gc.js";
export {
  datasetsCovering,
  findManifestFiles,
  loadDataset,
  selectDatasets,
  type TrackedDataset,
} from "./manifests.js";
export { describeSource, parseImportSpec } from "./source.js";
export { type DatasetStatus, datasetStatus, type StatusReport } from "./status.js";
export { storedObject } from "./stored-object.js";
export {
  type CheckoutReport,
  checkoutDatasets,
  materialiseFromSource,
  type PullReport,
  pullDatasets,
  pushDatasets,
} from "./sync.js";
export { type ObjectProblem, type VerifyReport, verifyDatasets } from "./verify.js";
