import { posix } from "node:path";
import type { RepoLayout } from "../repo/index.js";
import type { Remote } from "../store/index.js";
import { datasetsCovering, pullDatasets, resolveRemote, selectDatasets } from "../tracking/index.js";
import { type RunOptions, runPipelines, type StageResult } from "./runner.js";

export interface ReproduceOptions extends Omit<RunOptions, "materialise" | "remote" | "recompute"> {
  /**
   * A trusted run (the merge, release and retrain flows): every stage a declared model's file
   * depends on is computed here, never taken from a run-cache record (see README, "Run-cache trust").
   */
  trusted?: boolean;
  /** Data remote by name (default: the configured default). */
  remoteName?: string;
  /** Fetch missing datasets and run-cache objects (default true). */
  pull?: boolean;
  /**
   * A remote already opened by the caller, used instead of resolving `remoteName` here: an
   * experiment's checkout uses the workspace's, whose relative paths name the workspace's root.
   */
  remote?: Remote;
}

/**
 * The main job, for the CLI and the run-pipeline action alike: makes the tracked datasets present
 * (every one when the whole repository runs, else those the stages read), then reproduces the
 * pipelines, skipping stages whose lock matches and restoring those whose inputs ran before.
 */
export async function reproduce(layout: RepoLayout, options: ReproduceOptions = {}): Promise<StageResult[]> {
  const { remoteName, pull = true, trusted = false, remote, ...run } = options;
  const resolved = remote ? { remote } : await resolveRemote(layout, remoteName);
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
  const recompute = trusted ? await registeredOutputs(layout) : [];
  if (recompute.length > 0)
    logger?.info(`trusted run: computing what ${recompute.join(", ")} depend on, without the run cache`);
  return runPipelines(layout, {
    ...run,
    ...(resolved ? { remote: resolved.remote } : {}),
    ...(recompute.length > 0 ? { recompute } : {}),
    materialise,
  });
}

/** The model files the registry registers: each card's pipeline output, as a repository path. */
async function registeredOutputs(layout: RepoLayout): Promise<string[]> {
  const { loadModelCards } = await import("../registry/index.js");
  const cards = await loadModelCards(layout);
  return cards.map((card) => posix.join("pipelines", card.pipeline, card.output));
}
