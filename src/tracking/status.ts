import { existsSync, statSync } from "node:fs";
import type { Logger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, HashIndex, type Remote } from "../store/index.js";
import type { TrackedDataset } from "./manifests.js";
import { describeSource } from "./source.js";

export type WorkspaceState = "ok" | "modified" | "missing";

export interface DatasetStatus {
  name: string;
  manifest: string;
  path: string;
  sha256: string;
  workspace: WorkspaceState;
  /** The workspace's current hash when it differs from the manifest's. */
  actual?: string;
  inCache: boolean;
  /** Only when a remote was asked. */
  onRemote?: boolean;
  /** Where a missing copy would come from on `data pull`. */
  source?: string;
}

export interface StatusReport {
  datasets: DatasetStatus[];
  /** Files read because the hash index could not vouch for them. */
  hashed: number;
  clean: boolean;
}

/**
 * Compares each workspace copy with its manifest. The hash index makes this cost one stat per
 * unchanged file; a directory counts as cached when its listing object is stored (which the store
 * writes only after every file it names).
 */
export async function datasetStatus(
  layout: RepoLayout,
  datasets: readonly TrackedDataset[],
  options: { remote?: Remote; logger?: Logger } = {},
): Promise<StatusReport> {
  const cache = new Cache(layout.cacheDir);
  const index = await HashIndex.open(layout.stateDir);
  let hashed = 0;
  const out: DatasetStatus[] = [];
  const remoteHas = options.remote
    ? await options.remote.has(datasets.map((d) => d.manifest.outs[0]?.sha256 ?? ""))
    : undefined;
  for (const dataset of datasets) {
    const expected = dataset.manifest.outs[0]?.sha256 ?? "";
    let workspace: WorkspaceState = "missing";
    let actual: string | undefined;
    if (existsSync(dataset.outPath)) {
      const isDir = statSync(dataset.outPath).isDirectory();
      if (isDir !== expected.endsWith(".dir")) {
        workspace = "modified";
      } else if (isDir) {
        const tree = await cache.statusOfDirectory(dataset.outPath, index, options.logger);
        hashed += tree.hashed;
        actual = tree.oid;
      } else {
        const file = await cache.statusOfFile(dataset.outPath, index);
        hashed += file.hashed ? 1 : 0;
        actual = file.sha256;
      }
      if (actual !== undefined) workspace = actual === expected ? "ok" : "modified";
    }
    const source = dataset.manifest.source;
    out.push({
      name: dataset.name,
      manifest: dataset.file,
      path: dataset.manifest.outs[0]?.path ?? "",
      sha256: expected,
      workspace,
      ...(workspace === "modified" && actual ? { actual } : {}),
      inCache: cache.has(expected),
      ...(remoteHas ? { onRemote: remoteHas.has(expected) } : {}),
      ...(source ? { source: describeSource(source) } : {}),
    });
  }
  await index.save();
  return {
    datasets: out,
    hashed,
    clean: out.every((d) => d.workspace === "ok" && d.inCache && d.onRemote !== false),
  };
}
