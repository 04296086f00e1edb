import type { Logger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, type Remote, type TransferResult } from "../store/index.js";
import { pushDatasets, type TrackedDataset } from "../tracking/index.js";
import { pushRunCache } from "./run-cache.js";

/**
 * What a trusted run sends to the data remote: the datasets' objects, then every pipeline run with
 * its outputs, so a teammate, CI or a pull request restores outputs instead of rerunning stages.
 */
export async function pushDatasetsAndRuns(
  layout: RepoLayout,
  datasets: readonly TrackedDataset[],
  remote: Remote,
  options: { jobs?: number; logger?: Logger } = {},
): Promise<TransferResult & { runs: { entries: number; transferred: number; bytes: number } }> {
  const result = await pushDatasets(layout, datasets, remote, options);
  const runs = await pushRunCache(layout.cacheDir, new Cache(layout.cacheDir), remote, options);
  return { ...result, runs };
}
