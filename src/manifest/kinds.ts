import type { z } from "zod";
import { dataManifest } from "./data-manifest.js";
import { datasetSchema } from "./dataset-schema.js";
import { modelCard } from "./model-card.js";
import { modelVersion } from "./model-version.js";
import { paramsFile } from "./params.js";
import { pipeline } from "./pipeline.js";
import { pipelineLock } from "./pipeline-lock.js";
import { repoConfig } from "./repo-config.js";
import { stageAssignment } from "./stage-assignment.js";

export type ManifestKindName =
  | "data"
  | "dataset-schema"
  | "pipeline"
  | "params"
  | "lock"
  | "model"
  | "version"
  | "stage"
  | "config";

export interface ManifestKind {
  kind: ManifestKindName;
  schema: z.ZodType;
  title: string;
  /** Where files of this kind live; tag annotations have no file and say so. */
  fileGlob: string;
  description: string;
}

export const manifestKinds: readonly ManifestKind[] = [
  {
    kind: "data",
    schema: dataManifest,
    title: "Data manifest",
    fileGlob: "data/*.dvc",
    description: "A tracked dataset: its workspace path, sha256, size, and where it came from.",
  },
  {
    kind: "dataset-schema",
    schema: datasetSchema,
    title: "Dataset schema",
    fileGlob: "data/*.schema.yaml",
    description: "The contract a dataset is validated against: format, columns, row count, drift rule.",
  },
  {
    kind: "pipeline",
    schema: pipeline,
    title: "Pipeline",
    fileGlob: "pipelines/*/pipeline.yaml",
    description: "The stages of a pipeline: command, dependencies, parameters and outputs of each.",
  },
  {
    kind: "params",
    schema: paramsFile,
    title: "Pipeline parameters",
    fileGlob: "pipelines/*/params.yaml",
    description: "Parameters read by a pipeline's stages: nested mappings of scalars and lists.",
  },
  {
    kind: "lock",
    schema: pipelineLock,
    title: "Pipeline lock",
    fileGlob: "pipelines/*/pipeline.lock",
    description: "What each stage last ran with and produced: hashes of its deps, params and outs.",
  },
  {
    kind: "model",
    schema: modelCard,
    title: "Model card",
    fileGlob: "models/*/model.yaml",
    description:
      "A model: its task, owner, pipeline and output, gates per stage, version and monitoring policy.",
  },
  {
    kind: "version",
    schema: modelVersion,
    title: "Model version",
    fileGlob: "(annotation of git tag <model>@vX.Y.Z)",
    description: "A registered version: commit, lock and data hashes, params, metrics, signature, artifact.",
  },
  {
    kind: "stage",
    schema: stageAssignment,
    title: "Stage assignment",
    fileGlob: "(annotation of git tag <model>#<stage>#<n>)",
    description: "One assignment of a version to a stage: previous version, actor, time, run, image digest.",
  },
  {
    kind: "config",
    schema: repoConfig,
    title: "Repository config",
    fileGlob: ".mlops/config.yaml",
    description: "Remotes and defaults; .mlops/config.local.yaml (per machine) is merged over it.",
  },
];

export const manifestKindNames: readonly ManifestKindName[] = manifestKinds.map((k) => k.kind);

export function manifestKind(kind: string): ManifestKind | undefined {
  return manifestKinds.find((k) => k.kind === kind);
}

/** The kind of a file from its repository-relative path, or undefined when it is not a manifest. */
export function kindForPath(repoRelativePath: string): ManifestKindName | undefined {
  const path = repoRelativePath.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base.endsWith(".dvc")) return "data";
  if (base.endsWith(".schema.yaml")) return "dataset-schema";
  if (base === "pipeline.yaml") return "pipeline";
  if (base === "params.yaml") return "params";
  if (base === "pipeline.lock") return "lock";
  if (base === "model.yaml") return "model";
  if (/(^|\/)\.mlops\/config(\.local)?\.yaml$/.test(path)) return "config";
  return undefined;
}
