import { z } from "zod";
import { nameSlug } from "./common.js";

export const remoteConfig = z.strictObject({
  url: z.string().min(1, "expected a remote URL or directory path"),
  /** Concurrent transfers for this remote. */
  jobs: z.number().int().min(1).max(64).optional(),
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
});

export type RemoteConfig = z.infer<typeof remoteConfig>;
export type RepoConfig = z.infer<typeof repoConfig>;
