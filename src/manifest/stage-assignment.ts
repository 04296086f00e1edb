import { z } from "zod";
import { imageRepositoryName, nameSlug } from "./common.js";
import { isoDateTime, semverTag, tagReference } from "./model-version.js";

/** The annotation of tag `<model>#<stage>#<N>`: one assignment of a version to a stage. */
export const stageAssignment = z.strictObject({
  model: nameSlug,
  stage: nameSlug.describe("staging, prod, or another stage named in the model's gates"),
  version: semverTag,
  previous: semverTag.nullable().optional().describe("the version the stage held before; null if none"),
  actor: z.string().min(1, "expected who made the assignment"),
  time: isoDateTime,
  run: z
    .strictObject({
      id: z.union([z.string().min(1), z.number().int()], { error: "expected a run id" }),
      url: z.url({ error: "expected a URL" }),
    })
    .optional(),
  version_tag: tagReference.optional().describe("the version's tag as it was when assigned"),
  previous_tag: tagReference
    .optional()
    .describe("the stage's previous assignment tag; null-free chain that `registry verify` walks"),
  reason: z.string().min(1).optional().describe("why, for a rollback or a manual promotion"),
  environment: z.string().min(1).optional().describe("the GitHub environment deployed to"),
  image_digest: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, "expected an image digest like 'sha256:<64 hex>'")
    .optional(),
  image_repository: imageRepositoryName
    .optional()
    .describe(
      "where the image was pushed (the model name follows): a rollback or a release names it from here",
    ),
});

export type StageAssignment = z.infer<typeof stageAssignment>;
