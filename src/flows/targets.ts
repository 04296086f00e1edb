import { defaultStageEnvironments, type StageTarget } from "../manifest/repo-config.js";
import type { RepoLayout } from "../repo/index.js";
import { effectiveConfig } from "../tracking/config.js";

/**
 * The deployment target of a stage: the GitHub environment named for it in `.mlops/config.yaml`
 * (`stages.<stage>.environment`), else GitHub's usual name (`staging`, `production`), else the
 * stage's own name.
 */
export async function stageTarget(layout: RepoLayout, stage: string): Promise<StageTarget> {
  const config = await effectiveConfig(layout);
  const configured = config.stages?.[stage];
  if (configured) return configured;
  return { environment: defaultStageEnvironments[stage] ?? stage };
}

/** The image repository and base image the config names (either may be missing). */
export async function imageSettings(layout: RepoLayout): Promise<{ repository?: string; base?: string }> {
  return (await effectiveConfig(layout)).images ?? {};
}
