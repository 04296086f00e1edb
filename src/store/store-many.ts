import { availableParallelism } from "node:os";
import { splitAcrossWorkers } from "../files/index.js";

/** Below this many files the second thread costs more to start than it saves. */
const parallelThreshold = 4000;

// Runs in a worker: reads, hashes and stores its share of small files exactly as Cache.putBytesSync
// does (temp file in the object's directory, then rename), and returns their sha256s in order.
const workerSource = `
const load = module.require.bind(module);
const { parentPort, workerData } = load("node:worker_threads");
const { createHash } = load("node:crypto");
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = load("node:fs");
const { cacheRoot, paths, tag } = workerData;
const made = new Set();
let counter = 0;
const shas = [];
let bytesHashed = 0;
for (const path of paths) {
  const bytes = readFileSync(path);
  const sha = createHash("sha256").update(bytes).digest("hex");
  bytesHashed += bytes.byteLength;
  const dir = cacheRoot + "/sha256/" + sha.slice(0, 2);
  const target = dir + "/" + sha.slice(2);
  if (!existsSync(target)) {
    if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
    counter += 1;
    const temp = dir + "/." + sha.slice(2) + "." + process.pid + "." + tag + counter + ".tmp";
    try {
      writeFileSync(temp, bytes, { flag: "wx" });
      renameSync(temp, target);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }
  shas.push(sha);
}
parentPort.postMessage({ shas, bytesHashed });
`;

export interface StoredFiles {
  shas: string[];
  /** Files and bytes hashed on other threads (this thread's count in `hashStats` already). */
  filesElsewhere: number;
  bytesElsewhere: number;
}

interface WorkerResult {
  shas: string[];
  bytesHashed: number;
}

/**
 * Hashes and stores many small files, part of them on a second thread: for tens of thousands of
 * files the cost is creating the cache files, kernel work that runs in parallel on separate cores.
 * `storeHere` does one file on this thread (the cache's own code path) and returns its sha256.
 */
export async function storeManySmallFiles(
  cacheRoot: string,
  paths: readonly string[],
  storeHere: (path: string) => string,
): Promise<StoredFiles> {
  const threads = Math.min(availableParallelism(), 4);
  if (paths.length < parallelThreshold || threads < 2) {
    return { shas: paths.map(storeHere), filesElsewhere: 0, bytesElsewhere: 0 };
  }
  const parts = await splitAcrossWorkers(paths, threads, {
    source: workerSource,
    workerData: (share, t) => ({
      cacheRoot,
      paths: share.items,
      tag: `w${t}x${Math.random().toString(36).slice(2, 8)}`,
    }),
    here: (share): WorkerResult => ({ shas: share.items.map(storeHere), bytesHashed: 0 }),
  });
  const theirs = parts.slice(1).map((p) => p.result);
  return {
    shas: parts.flatMap((p) => p.result.shas),
    filesElsewhere: theirs.reduce((n, r) => n + r.shas.length, 0),
    bytesElsewhere: theirs.reduce((n, r) => n + r.bytesHashed, 0),
  };
}
