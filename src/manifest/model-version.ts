import { z } from "zod";
import { nameSlug, sha256Hex } from "./common.js";

/** `v1.4.0`, optionally with a pre-release or build suffix. */
export const semverTag = z
  .string({ error: "expected a version like 'v1.4.0'" })
  .regex(
    /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/,
    "expected a version like 'v1.4.0'",
  );

export const isoDateTime = z.iso.datetime({
  offset: true,
  error: "expected an ISO 8601 date and time, like '2024-05-01T12:00:00Z'",
});

export const gitCommit = z
  .string()
  .regex(/^[0-9a-f]{40}$/, "expected a full git commit id (40 lowercase hex)");

export const tensorSpec = z.strictObject({
  name: z.string().min(1, "expected a tensor name"),
  dtype: z.string().min(1, "expected a dtype such as 'float32'"),
  shape: z
    .array(
      z.union([z.number().int(), z.string(), z.null()], {
        error: "expected an integer, a symbolic dimension name, or null",
      }),
    )
    .describe("dimensions; a string or null is a dynamic dimension"),
});

/** Another registry tag by name and tag object id: a tag deleted and re-created gets a new id. */
export const tagReference = z.strictObject({
  tag: z.string().min(1, "expected a tag name"),
  object: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id"),
});

/** The annotation of tag `<model>@vX.Y.Z`: everything needed to trust and reproduce the version. */
export const modelVersion = z.strictObject({
  version: semverTag,
  model: nameSlug,
  created: isoDateTime,
  commit: gitCommit.describe("the commit the version was built from"),
  pipeline: z.strictObject({
    name: nameSlug,
    lock_sha256: sha256Hex.describe("hash of pipeline.lock at that commit"),
  }),
  data: z
    .array(
      z.strictObject({
        name: nameSlug,
        sha256: sha256Hex.describe("hash of the data manifest"),
        path: z.string().min(1).optional().describe("the data manifest, relative to the repository"),
        data_sha256: z
          .string()
          .regex(/^[0-9a-f]{64}(\.dir)?$/, "expected a sha256, suffixed '.dir' for a directory")
          .optional()
          .describe("hash of the data itself, as the manifest records it"),
      }),
    )
    .default([]),
  params: z.record(z.string(), z.unknown()).default({}),
  metrics: z.record(z.string(), z.number({ error: "expected a number" })).default({}),
  validation: z
    .strictObject({
      ok: z.boolean({ error: "expected true or false" }),
      summary: z.string().optional(),
    })
    .optional(),
  signature: z.strictObject({
    inputs: z.array(tensorSpec),
    outputs: z.array(tensorSpec),
  }),
  artifact: z.strictObject({
    sha256: sha256Hex,
    size: z.number().int().nonnegative("expected a size in bytes (>= 0)"),
    uri: z.string().min(1, "expected where the artifact is stored"),
  }),
  parent: tagReference
    .optional()
    .describe(
      "the model's previous registration, so a re-created tag breaks the chain and `registry verify` sees it",
    ),
  provenance: z
    .strictObject({
      run_id: z.union([z.string(), z.number().int()]).optional(),
      run_url: z.url({ error: "expected a URL" }).optional(),
      actor: z.string().optional(),
      workflow: z.string().optional(),
    })
    .optional(),
});

export type TagReference = z.infer<typeof tagReference>;
export type TensorSpec = z.infer<typeof tensorSpec>;
export type ModelVersion = z.infer<typeof modelVersion>;
