import { statSync } from "node:fs";
import type { LockEntry } from "../manifest/pipeline-lock.js";
import type { Cache, HashIndex } from "../store/index.js";

/** What a path hashes to now, as a lock entry; undefined when nothing is there. */
export async function digestPath(
  cache: Cache,
  index: HashIndex,
  abs: string,
  path: string,
  options: { store: boolean },
): Promise<LockEntry | undefined> {
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    return undefined;
  }
  if (isDir) {
    const tree = options.store
      ? await cache.addDirectory(abs, index)
      : await cache.statusOfDirectory(abs, index);
    return { path, sha256: tree.oid, size: tree.size, nfiles: tree.nfiles };
  }
  const file = options.store ? await cache.addFile(abs, index) : await cache.statusOfFile(abs, index);
  return { path, sha256: file.sha256, size: file.size };
}
