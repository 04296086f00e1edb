export { type Finding, runChecks } from "./checks.js";
export {
  type ColumnDrift,
  type DriftReport,
  driftExact,
  driftFromProfiles,
  ksAgainstSketch,
} from "./drift.js";
export { annotationLines, appendStepSummary } from "./github.js";
export { inferSchema } from "./infer.js";
export { type Profile, profileTable, serializeProfile, sketchSize } from "./profile.js";
export { readProfileFile } from "./profile-file.js";
export { driftMarkdown, driftText, validationMarkdown, validationText } from "./report.js";
export {
  type DataTarget,
  driftTargets,
  inferSchemaFor,
  loadSchema,
  resolveTarget,
  saveReferenceProfile,
  type ValidationReport,
  validateDatasets,
  validateTarget,
} from "./run.js";
export { dropTable, ident, loadTable, query } from "./source.js";
export * from "./stats.js";
