import type { LockEntry } from "../manifest/pipeline-lock.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, HashIndex } from "../store/index.js";
import { ensureStateIgnored, ignoreInGit } from "../tracking/manifests.js";
import { trainerVersion } from "../train/version.js";
import { digestPath } from "./digest.js";
import { buildGraph } from "./graph.js";
import { loadPipelines } from "./load.js";
import { readLock, writeLock } from "./lock.js";
import { writeRunCache } from "./run-cache.js";
import { lockedCommand, paramsRecord, runKeyOf } from "./runner.js";

export interface CommittedStage {
  stage: string;
  run_key: string;
  /** Deps or outs not in the workspace: the stage cannot be recorded. */
  missing: string[];
}

/**
 * Records stages as if they had just run, from what the workspace holds now (DVC's `dvc commit`):
 * their outputs go into the cache, a run-cache record and a lock entry are written. For outputs made
 * elsewhere, say by another tool, whose bytes were checked before this is called.
 */
export async function commitStages(
  layout: RepoLayout,
  pipelineName: string,
  stageNames: readonly string[],
): Promise<CommittedStage[]> {
  const all = await loadPipelines(layout);
  const pipeline = all.find((p) => p.name === pipelineName);
  if (!pipeline) return [];
  const graph = buildGraph(all);
  await ensureStateIgnored(layout);
  const cache = new Cache(layout.cacheDir);
  const index = await HashIndex.open(layout.stateDir);
  const lock = await readLock(layout, pipeline);
  const results: CommittedStage[] = [];
  try {
    for (const stage of graph.order.filter(
      (s) => s.pipeline === pipelineName && stageNames.includes(s.name),
    )) {
      const deps: LockEntry[] = [];
      const outs: LockEntry[] = [];
      const missing: string[] = [];
      for (const dep of stage.deps) {
        const d = await digestPath(cache, index, dep.abs, dep.path, { store: false });
        if (d) deps.push(d);
        else missing.push(dep.path);
      }
      for (const out of stage.outs) {
        const d = await digestPath(cache, index, out.abs, out.path, { store: out.cache });
        if (d) outs.push(d);
        else missing.push(out.path);
      }
      const runKey = runKeyOf(stage, deps, trainerVersion);
      results.push({ stage: stage.name, run_key: runKey, missing });
      if (missing.length > 0) continue;
      for (const out of stage.outs) if (out.kind === "outs" && out.cache) await ignoreInGit(out.abs);
      if (stage.outs.every((o) => o.cache))
        await writeRunCache(layout.cacheDir, { schema: "1", run_key: runKey, stage: stage.id, outs });
      lock.stages[stage.name] = {
        cmd: lockedCommand(stage),
        deps,
        params: paramsRecord(stage),
        outs,
        run_key: runKey,
      };
    }
    await writeLock(pipeline, lock);
  } finally {
    await index.save();
  }
  return results;
}
