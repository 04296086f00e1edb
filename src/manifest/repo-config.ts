import { z } from "zod";
import { imageRepositoryName, nameSlug } from "./common.js";
import { repoDeploySettings } from "./deploy-settings.js";

export const remoteConfig = z.strictObject({
  url: z.string().min(1, "expected a remote URL or directory path"),
  /** Concurrent transfers for this remote. */
  jobs: z.number().int().min(1).max(64).optional(),
  /** s3:// remotes: an S3-compatible endpoint (MinIO, Cloudflare R2, Ceph…). Never credentials. */
  endpoint: z.url({ protocol: /^https?$/, error: "expected an http(s) endpoint URL" }).optional(),
  /** s3:// remotes: the bucket's region. */
  region: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/, "expected a region name like eu-west-1 (or auto for R2)")
    .optional(),
  /** s3:// remotes: path-style addressing (endpoint/bucket/key). */
  pathStyle: z.boolean().optional(),
});

/**
 * Where a stage deploys: the GitHub environment its deployments are recorded in (so that
 * environment's protection rules, such as required reviewers, apply to the job that promotes to it)
 * and the URL people reach it at. Targets are configuration: a team whose ladder is dev → preprod →
 * prod maps `staging` to `preprod` here, without touching a workflow.
 */
export const stageTarget = z.strictObject({
  environment: z.string().min(1, "expected a GitHub environment name").max(255),
  url: z.url({ error: "expected the environment's URL" }).optional(),
});

/** The serving images: where they are pushed (the model name is appended) and what they are built on. */
export const imagesConfig = z.strictObject({
  repository: imageRepositoryName.optional(),
  base: z
    .string()
    .regex(/@sha256:[0-9a-f]{64}$/, "expected a base image pinned by digest (…@sha256:<64 hex>)")
    .optional(),
});

/** `.mlops/config.yaml` (tracked) and `.mlops/config.local.yaml` (per machine, merged over it). */
export const repoConfig = z.strictObject({
  remotes: z.record(nameSlug, remoteConfig).default({}),
  defaults: z
    .strictObject({
      remote: nameSlug.optional(),
      jobs: z.number().int().min(1).max(64).optional(),
    })
    .default({}),
  stages: z.record(nameSlug, stageTarget).optional(),
  images: imagesConfig.optional(),
  deploy: repoDeploySettings.optional(),
});

/** Stage → GitHub environment when the config names none: the two names GitHub users expect. */
export const defaultStageEnvironments: Readonly<Record<string, string>> = {
  staging: "staging",
  prod: "production",
};

export type StageTarget = z.infer<typeof stageTarget>;
export type RemoteConfig = z.infer<typeof remoteConfig>;
export type RepoConfig = z.infer<typeof repoConfig>;
