import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { isTempName } from "../files/index.js";
import { walkFiles } from "./dir-listing.js";
import { type FileStat, statMany } from "./stat-many.js";

export interface ScannedTree {
  /** `/`-separated paths relative to the root, in no particular order. */
  relpaths: string[];
  /** Parallel to `relpaths`; `undefined` for a file that vanished between listing and stat. */
  stats: (FileStat | undefined)[];
}

/** Below this many top-level directories the tree is walked on one thread and only stats are spread. */
const minDirsForWorkers = 2;
const minFilesForWorkers = 30_000;

// Runs in a worker: walks its share of top-level directories, stats each file, and returns the
// paths plus one transferable buffer of numbers. Mirrors walkFiles: skips .git and our temp files.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { readdirSync, statSync } = require("node:fs");
const relpaths = [];
const numbers = [];
const visit = (dir, prefix) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith(".") && name.endsWith(".tmp")) continue;
    if (entry.isDirectory()) {
      if (name !== ".git") visit(dir + "/" + name, prefix + name + "/");
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const st = statSync(dir + "/" + name, { throwIfNoEntry: false });
      relpaths.push(prefix + name);
      if (st) numbers.push(st.size, st.mtimeMs, st.ino); else numbers.push(-1, 0, 0);
    }
  }
};
for (const name of workerData.dirs) visit(workerData.root + "/" + name, name + "/");
const packed = Float64Array.from(numbers);
parentPort.postMessage({ relpaths, numbers: packed }, [packed.buffer]);
`;

function scanHere(root: string, names: readonly string[], into: ScannedTree): void {
  for (const name of names) {
    for (const relpath of walkFiles(`${root}/${name}`)) {
      const full = `${name}/${relpath}`;
      const st = statSync(`${root}/${full}`, { throwIfNoEntry: false });
      into.relpaths.push(full);
      into.stats.push(st ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined);
    }
  }
}

/**
 * Lists every file under `root` with its size, mtime and inode. A tree of many directories is split
 * between threads (walking and stat-ing are kernel work that runs in parallel); for 100k files this
 * is most of what `data status` costs.
 */
export async function scanTree(root: string, options: { expectedFiles?: number } = {}): Promise<ScannedTree> {
  const top = readdirSync(root, { withFileTypes: true }).filter((e) => !isTempName(e.name));
  const dirs = top.filter((e) => e.isDirectory() && e.name !== ".git").map((e) => e.name);
  const threads = Math.min(availableParallelism(), 4);
  // Starting a thread costs ~50 ms: only worth it when the last scan of this tree found many files.
  const worthThreads = (options.expectedFiles ?? 0) >= minFilesForWorkers;
  if (dirs.length < minDirsForWorkers || threads < 2 || !worthThreads) {
    const relpaths = walkFiles(root);
    return { relpaths, stats: await statMany(relpaths.map((r) => `${root}/${r}`)) };
  }
  const shares: string[][] = Array.from({ length: threads }, () => []);
  for (const [i, name] of dirs.entries()) shares[i % threads]?.push(name);
  const jobs = shares.slice(1).map(
    (share) =>
      new Promise<ScannedTree>((resolve, reject) => {
        const worker = new Worker(workerSource, { eval: true, workerData: { root, dirs: share } });
        worker.once("message", (result: { relpaths: string[]; numbers: Float64Array }) => {
          const { relpaths, numbers } = result;
          const stats = relpaths.map((_, i): FileStat | undefined => {
            const size = numbers[i * 3] as number;
            return size < 0
              ? undefined
              : { size, mtimeMs: numbers[i * 3 + 1] as number, ino: numbers[i * 3 + 2] as number };
          });
          void worker.terminate();
          resolve({ relpaths, stats });
        });
        worker.once("error", reject);
      }),
  );
  const here: ScannedTree = { relpaths: [], stats: [] };
  for (const entry of top) {
    if (entry.isFile() || entry.isSymbolicLink()) {
      const st = statSync(`${root}/${entry.name}`, { throwIfNoEntry: false });
      here.relpaths.push(entry.name);
      here.stats.push(st ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined);
    }
  }
  scanHere(root, shares[0] ?? [], here);
  for (const part of await Promise.all(jobs)) {
    for (let i = 0; i < part.relpaths.length; i++) {
      here.relpaths.push(part.relpaths[i] as string);
      here.stats.push(part.stats[i]);
    }
  }
  return here;
}

/**
 * One hash over every path and its size, mtime and inode, in scan order. Equal fingerprints mean
 * nothing in the tree changed since it was hashed (a different scan order only costs a fallback to
 * the per-file index, never a wrong answer).
 */
export function treeFingerprint(
  relpaths: readonly string[],
  stats: readonly (FileStat | undefined)[],
): string {
  const numbers = new Float64Array(relpaths.length * 3);
  for (let i = 0; i < stats.length; i++) {
    const st = stats[i];
    // A vanished file gets a size no real file has, so it can never match a recorded fingerprint.
    numbers[i * 3] = st ? st.size : -1;
    numbers[i * 3 + 1] = st ? st.mtimeMs : 0;
    numbers[i * 3 + 2] = st ? st.ino : 0;
  }
  return createHash("sha256")
    .update(relpaths.join("\0"))
    .update(new Uint8Array(numbers.buffer))
    .digest("hex");
}
