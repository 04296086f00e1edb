import { commitEnvironment, deployConfig } from "../deploy/index.js";
import { type AssignOptions, type PromoteResult, rollbackModel } from "../registry/index.js";
import type { RepoLayout } from "../repo/index.js";
import { type ManifestsCommit, manifestsOf } from "./promote-merged.js";

export interface RollbackFlowResult extends PromoteResult {
  imageDigest?: string;
  manifests?: ManifestsCommit;
}

/**
 * `mlops rollback`: the stage's previous version again (a new tag carrying the image digest that
 * version ran with), then, when the repo keeps manifests, the environment's commit with that digest
 * back in it. With manifests kept, a version that recorded no image is refused before any tag.
 */
export async function rollbackStage(
  layout: RepoLayout,
  model: string,
  stage: string,
  options: AssignOptions & { gitToken?: string } = {},
): Promise<RollbackFlowResult> {
  const { gitToken, ...assign } = options;
  const config = await deployConfig(layout);
  const result = await rollbackModel(layout, model, stage, {
    ...assign,
    requireImageDigest: config.enabled,
    ...(config.imageRepository && !assign.imageRepository ? { imageRepository: config.imageRepository } : {}),
  });
  const manifests = manifestsOf(
    await commitEnvironment(layout, stage, {
      ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
      ...(gitToken ? { token: gitToken } : {}),
      reason: `rollback of ${model} to ${result.version}`,
      ...(options.logger ? { logger: options.logger } : {}),
    }),
  );
  return { ...result, ...manifests };
}
