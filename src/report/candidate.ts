import { readFile } from "node:fs/promises";
import type { ModelCard, ModelVersion } from "../manifest/index.js";
import {
  evaluateOnCurrentData,
  type ModelState,
  readMetrics,
  readSignature,
  readValidation,
  readVersionManifests,
} from "../registry/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { Cache, hashBytes } from "../store/index.js";

/**
 * What the working tree would register, without registering it: enough of a version manifest for
 * the gates (metrics, validation, signature, and the artifact put into the local store so the
 * regression gates can evaluate it).
 */
export async function candidateManifest(
  layout: RepoLayout,
  card: ModelCard,
  pipelineDir: string,
  modelFile: string,
): Promise<ModelVersion> {
  const bytes = await readFile(modelFile);
  const sha256 = hashBytes(bytes);
  const cache = new Cache(layout.cacheDir);
  if (!cache.has(sha256)) await cache.addFile(modelFile);
  const validation = card.validation ? await readValidation(layout, pipelineDir, card.validation) : undefined;
  return {
    version: "this PR",
    model: card.name,
    created: new Date(0).toISOString(),
    commit: "0".repeat(40),
    pipeline: { name: card.pipeline, lock_sha256: "0".repeat(64) },
    data: [],
    params: {},
    metrics: card.metrics ? await readMetrics(layout, pipelineDir, card.metrics) : {},
    ...(validation ? { validation } : {}),
    signature: await readSignature(modelFile, toRepoPath(layout, modelFile)),
    artifact: { sha256, size: bytes.length, uri: "workspace" },
  };
}

export async function stageManifest(
  layout: RepoLayout,
  state: ModelState,
  version: string,
): Promise<ModelVersion | undefined> {
  const record = state.versions.find((v) => v.version === version);
  if (!record) return undefined;
  return (await readVersionManifests(layout.root, [record.ref])).get(record.ref.tag);
}

export function evaluateOnData(
  layout: RepoLayout,
  card: ModelCard,
  version: ModelVersion,
  evaluations: Map<string, Record<string, number>>,
): Promise<Record<string, number>> {
  return evaluateOnCurrentData({ layout, card, evaluations }, version);
}
