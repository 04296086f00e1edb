import { readFile, rm } from "node:fs/promises";
import { type Logger, silentLogger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import {
  Cache,
  digestOf,
  hashFile,
  isDirId,
  type ObjectId,
  parseListing,
  type Remote,
} from "../store/index.js";
import type { TrackedDataset } from "./manifests.js";

export interface ObjectProblem {
  oid: ObjectId;
  /** The manifest that references the object. */
  manifest: string;
  where: "cache" | `remote:${string}`;
  problem: "corrupt" | "missing";
  actual?: string;
  repaired?: boolean;
}

export interface VerifyReport {
  checked: number;
  problems: ObjectProblem[];
  /** Only corruption fails verification; a missing object is reported so it can be pulled or pushed. */
  ok: boolean;
}

/**
 * Hashes every object the manifests reference, in the cache and optionally on a remote, and names
 * each bad one with the manifest that needs it. `repair` drops corrupt cache objects so the next
 * pull fetches good copies.
 */
export async function verifyDatasets(
  layout: RepoLayout,
  datasets: readonly TrackedDataset[],
  options: { remote?: Remote; repair?: boolean; logger?: Logger } = {},
): Promise<VerifyReport> {
  const logger = options.logger ?? silentLogger;
  const cache = new Cache(layout.cacheDir);
  const wanted = new Map<ObjectId, string>();
  const problems: ObjectProblem[] = [];
  for (const dataset of datasets) {
    const oid = dataset.manifest.outs[0]?.sha256 ?? "";
    wanted.set(oid, dataset.file);
    if (isDirId(oid) && cache.has(oid)) {
      try {
        for (const entry of await cache.readDirListing(oid))
          if (!wanted.has(entry.sha256)) wanted.set(entry.sha256, dataset.file);
      } catch {
        // Reported below when the listing itself is hashed.
      }
    }
  }
  const progress = logger.progress("verifying cache", wanted.size);
  try {
    for (const [oid, manifest] of wanted) {
      const result = await cache.verify(oid);
      if (result.missing) problems.push({ oid, manifest, where: "cache", problem: "missing" });
      else if (!result.ok) {
        const problem: ObjectProblem = {
          oid,
          manifest,
          where: "cache",
          problem: "corrupt",
          ...(result.actual ? { actual: result.actual } : {}),
        };
        if (options.repair) {
          await cache.remove(oid);
          problem.repaired = true;
        }
        problems.push(problem);
      }
      progress.tick();
    }
  } finally {
    progress.done();
  }
  let checked = wanted.size;
  const remote = options.remote;
  if (remote) {
    const remoteWanted = new Map<ObjectId, string>();
    for (const dataset of datasets) remoteWanted.set(dataset.manifest.outs[0]?.sha256 ?? "", dataset.file);
    const where = `remote:${remote.name}` as const;
    const check = async (oid: ObjectId, manifest: string): Promise<Buffer | undefined> => {
      const present = await remote.has([oid]);
      if (!present.has(oid)) {
        problems.push({ oid, manifest, where, problem: "missing" });
        return undefined;
      }
      const temp = await cache.scratchPath(oid);
      try {
        await remote.download(oid, temp);
        const { sha256 } = await hashFile(temp);
        if (sha256 !== digestOf(oid)) {
          problems.push({ oid, manifest, where, problem: "corrupt", actual: sha256 });
          return undefined;
        }
        return isDirId(oid) ? await readFile(temp) : undefined;
      } finally {
        await rm(temp, { force: true });
      }
    };
    for (const [oid, manifest] of [...remoteWanted]) {
      const listing = await check(oid, manifest);
      checked += 1;
      if (listing) {
        for (const entry of parseListing(listing, oid)) {
          await check(entry.sha256, manifest);
          checked += 1;
        }
      }
    }
  }
  return { checked, problems, ok: problems.every((p) => p.problem !== "corrupt") };
}
