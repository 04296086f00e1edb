import { MlopsError } from "../errors/index.js";
import type { Logger } from "../log/index.js";
import type { TagRemote } from "../registry/index.js";
import type { RepoLayout } from "../repo/index.js";
import {
  diffEnvironment,
  type EnvironmentCommit,
  type EnvironmentDiff,
  environmentsBranch,
  publishEnvironment,
} from "./branch.js";
import { deployConfig, renderEnvironment } from "./environment.js";

export interface CommitEnvironmentOptions {
  tagRemote?: TagRemote;
  /** For an HTTPS environments repository (default: the tag remote's token). */
  token?: string;
  reason?: string;
  logger?: Logger;
  beforePush?: (attempt: number) => Promise<void>;
  /** Where the flow pushed the images when the config names no repository. */
  imageRepository?: string;
}

/**
 * What the flows call after changing a stage: commits the stage's environment, rendered from the
 * registry, to the environments branch. Undefined when the repo config has no `deploy:` (the repo
 * does not keep manifests). Each attempt renders from the registry as the tag remote has it then.
 */
export async function commitEnvironment(
  layout: RepoLayout,
  stage: string,
  options: CommitEnvironmentOptions = {},
): Promise<EnvironmentCommit | undefined> {
  const config = await deployConfig(layout, options.imageRepository);
  if (!config.enabled) return undefined;
  const target = await environmentsBranch(layout, config, options.token ?? options.tagRemote?.token);
  return publishEnvironment(
    target,
    () =>
      renderEnvironment(layout, stage, {
        ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
        ...(options.imageRepository ? { imageRepository: options.imageRepository } : {}),
      }),
    {
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.beforePush ? { beforePush: options.beforePush } : {}),
    },
  );
}

/** `mlops deploy diff`: what committing the stage's environment now would change. */
export async function stageDiff(
  layout: RepoLayout,
  stage: string,
  options: { tagRemote?: TagRemote; token?: string } = {},
): Promise<EnvironmentDiff> {
  const config = await deployConfig(layout);
  const target = await environmentsBranch(layout, config, options.token ?? options.tagRemote?.token);
  const rendered = await renderEnvironment(
    layout,
    stage,
    options.tagRemote ? { tagRemote: options.tagRemote } : {},
  );
  return diffEnvironment(target, rendered);
}

/**
 * A flow about to change a stage checks first that the environment's manifests can follow: with
 * `deploy:` configured, the stage's versions need image digests, which a merge gets only from an
 * image repository. Refusing here leaves the registry and the branch as they were.
 */
export async function requireDeployable(
  layout: RepoLayout,
  what: { stage: string; imagesConfigured: boolean; imageRepository?: string },
): Promise<void> {
  const config = await deployConfig(layout, what.imageRepository);
  if (!config.enabled) return;
  if (!what.imagesConfigured || !config.imageRepository) {
    throw new MlopsError(
      "usage",
      `${what.stage}'s manifests pin the serving image by digest, and no image repository is set: nothing was registered, promoted or committed`,
      {
        file: ".mlops/config.yaml",
        field: "images.repository",
        expected:
          "host/path like ghcr.io/owner/repo (deploy: is set, so every stage change commits manifests)",
      },
    );
  }
}
