import type { RepoLayout } from "../repo/index.js";
import { datasetsCovering, pullDatasets, resolveRemote, selectDatasets } from "../tracking/index.js";
import { type RunOptions, runPipelines, type StageResult } from "./runner.js";

export interface ReproduceOptions extends Omit<RunOptions, "materialise" | "remote"> {
  /** Data remote by name (default: the configured default). */
  remoteName?: string;
  /** Fetch missing datasets and run-cache objects (default true). */
  pull?: boolean;
}

/**
 * The main job, for the CLI and the run-pipeline action alike: makes the tracked datasets present
 * (every one when the whole repository runs, else those the stages read), then reproduces the
 * pipelines, skipping stages whose lock matches and restoring those whose inputs ran before.
 */
export async function reproduce(layout: RepoLayout, options: ReproduceOptions = {}): Promise<StageResult[]> {
  const { remoteName, pull = true, ...run } = options;
  const resolved = await resolveRemote(layout, remoteName);
  const logger = options.logger;
  const materialise = async (repoPaths: string[]) => {
    if (!pull) return;
    const datasets = await datasetsCovering(layout, repoPaths);
    if (datasets.length === 0) return;
    logger?.info(`materialising ${datasets.map((d) => d.name).join(", ")}`);
    await pullDatasets(layout, datasets, resolved?.remote, logger ? { logger } : {});
  };
  const everything = (options.pipelines ?? []).length === 0 && !(options.stages ?? []).length;
  if (everything && pull && !options.dry) {
    const datasets = await selectDatasets(layout);
    if (datasets.length > 0) {
      logger?.info(`materialising ${datasets.length} datasets`);
      await pullDatasets(layout, datasets, resolved?.remote, logger ? { logger } : {});
    }
  }
  return runPipelines(layout, { ...run, ...(resolved ? { remote: resolved.remote } : {}), materialise });
}
