import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../files/index.js";
import {
  type LockEntry,
  type LockStage,
  type PipelineLock,
  pipelineLock,
} from "../manifest/pipeline-lock.js";
import { parseYaml, stringifyYaml } from "../manifest/yaml-file.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import type { PipelineSpec } from "./load.js";

export async function readLock(layout: RepoLayout, pipeline: PipelineSpec): Promise<PipelineLock> {
  if (!existsSync(pipeline.lockFile)) return { schema: "1", stages: {} };
  const text = await readFile(pipeline.lockFile, "utf8");
  return parseYaml(text, pipelineLock, toRepoPath(layout, pipeline.lockFile));
}

function sortedEntries(entries: readonly LockEntry[]): LockEntry[] {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The lock text: stages in pipeline order, deps and params sorted, one scalar per line, so two
 * branches that touched different stages merge without conflicts.
 */
export function serializeLock(pipeline: PipelineSpec, lock: PipelineLock): string {
  const stages: Record<string, LockStage> = {};
  const names = [
    ...pipeline.stages.map((s) => s.name).filter((n) => lock.stages[n]),
    ...Object.keys(lock.stages)
      .filter((n) => !pipeline.stages.some((s) => s.name === n))
      .sort(),
  ];
  for (const name of names) {
    const entry = lock.stages[name];
    if (!entry) continue;
    stages[name] = {
      ...entry,
      deps: sortedEntries(entry.deps),
      params: sortedKeys(
        Object.fromEntries(Object.entries(entry.params).map(([f, v]) => [f, sortedKeys(v)])),
      ),
    };
  }
  return stringifyYaml({ schema: "1", stages }, pipelineLock, pipeline.lockFile);
}

/** Writes the lock atomically; stages of the lock no longer in the pipeline are dropped. */
export async function writeLock(pipeline: PipelineSpec, lock: PipelineLock): Promise<void> {
  const kept: PipelineLock = {
    schema: "1",
    stages: Object.fromEntries(
      Object.entries(lock.stages).filter(([name]) => pipeline.stages.some((s) => s.name === name)),
    ),
  };
  await writeFileAtomic(pipeline.lockFile, serializeLock(pipeline, kept));
}
