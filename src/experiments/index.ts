export {
  type DeclaredSweep,
  type DeclaredSweepOptions,
  declaredSweepPrefix,
  declaredSweeps,
  isDeclaredSweepPoint,
  runDeclaredSweeps,
} from "./declared.js";
export {
  checkExperimentName,
  type Experiment,
  type ExperimentRecord,
  experimentRef,
  expRefPrefix,
  findExperiment,
  headCommit,
  listExperiments,
} from "./exp-refs.js";
export {
  type ApplyResult,
  applyExperiment,
  branchExperiment,
  diffExperiments,
  type ExperimentDiff,
  gcExperiments,
  removeExperiments,
} from "./lifecycle.js";
export { describePoint, gridPoints, maxPoints, randomPoints, type SweepPoint } from "./points.js";
export { type PointResult, runExperiments, type SweepOptions, type SweepResult } from "./run-sweep.js";
export { type ParamSweep, parseSetSpec, parseSetSpecs } from "./set-spec.js";
export { pullExperiments, pushExperiments, type ShareOptions } from "./share.js";
export {
  cell as formatCell,
  type ExperimentRow,
  type ExperimentTable,
  experimentTable,
  readRows,
  renderCsv,
  renderTable,
  type ShowOptions,
} from "./show.js";
