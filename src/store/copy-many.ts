import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** One small file to copy: its bytes must hash (sha256, hex) to `sha256` or nothing is written. */
export interface CopyJob {
  src: string;
  dest: string;
  sha256: string;
}

/** Why a copy stopped: the first job that failed, by its index in the caller's list. */
export interface CopyFailure {
  index: number;
  kind: "missing" | "corrupt" | "error";
  /** What the bytes hashed to, for `corrupt`. */
  actual?: string;
  message?: string;
}

export interface CopyOutcome {
  bytes: number;
  /** With `stats`: size, mtimeMs and ino of each written file, three numbers per job (NaN where not written). */
  stats?: Float64Array;
  failure?: CopyFailure;
}

export interface CopyManyOptions {
  /**
   * Each file goes in under a temp name and is renamed into place, so it appears whole or not at
   * all. Without it the file is written in place: for a tree built inside a temp directory that
   * is itself renamed into place once every file is in.
   */
  atomic: boolean;
  /** Report each written file's size, mtime and inode (what the hash index keys on). */
  stats?: boolean;
  /** Threads to spread the work over (this one included); fewer when there is little work. */
  threads?: number;
}

/** Below this many files a second thread costs more to start than it saves. */
const parallelThreshold = 2000;

interface RangeResult {
  bytes: number;
  stats?: Float64Array;
  failure?: CopyFailure;
}

// Runs on this thread and, stringified, in workers: it must use only its parameters (no imports,
// no bare `require`). Synchronous calls on a few threads beat thousands of promises through libuv's
// pool for files of a few KiB: each costs an open, a read, a write and a rename, nothing else.
function copyRange(
  jobs: readonly CopyJob[],
  atomic: boolean,
  wantStats: boolean,
  tag: string,
  fsm: typeof fs,
  cryptom: typeof crypto,
): RangeResult {
  const made = new Set<string>();
  const stats = wantStats ? new Float64Array(jobs.length * 3).fill(Number.NaN) : undefined;
  let bytes = 0;
  let counter = 0;
  // Reading a file just written would otherwise update its access time: an inode write per file.
  let noAtime = fsm.constants.O_NOATIME ?? 0;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i] as CopyJob;
    let data: Buffer;
    try {
      let fd: number;
      try {
        fd = fsm.openSync(job.src, fsm.constants.O_RDONLY | noAtime);
      } catch (err) {
        // O_NOATIME is refused (EPERM) on files another user owns: a shared remote directory.
        if (noAtime === 0 || (err as NodeJS.ErrnoException).code !== "EPERM") throw err;
        noAtime = 0;
        fd = fsm.openSync(job.src, fsm.constants.O_RDONLY);
      }
      try {
        const size = fsm.fstatSync(fd).size;
        data = Buffer.allocUnsafe(size);
        let filled = 0;
        while (filled < size) {
          const n = fsm.readSync(fd, data, filled, size - filled, filled);
          if (n === 0) break;
          filled += n;
        }
        // A file that shrank meanwhile hashes to something else and is refused below.
        if (filled < size) data = data.subarray(0, filled);
      } finally {
        fsm.closeSync(fd);
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return {
        bytes,
        stats,
        failure: { index: i, kind: code === "ENOENT" ? "missing" : "error", message: String(err) },
      };
    }
    const actual = cryptom.createHash("sha256").update(data).digest("hex");
    if (actual !== job.sha256) return { bytes, stats, failure: { index: i, kind: "corrupt", actual } };
    const slash = Math.max(job.dest.lastIndexOf("/"), job.dest.lastIndexOf("\\"));
    const dir = job.dest.slice(0, slash);
    let target = job.dest;
    if (atomic) {
      counter += 1;
      target = `${dir}/.${job.dest.slice(slash + 1)}.${tag}${counter}.tmp`;
    }
    try {
      if (!made.has(dir)) {
        fsm.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const fd = fsm.openSync(target, "wx");
      try {
        fsm.writeFileSync(fd, data);
        if (stats) {
          const st = fsm.fstatSync(fd);
          stats[i * 3] = st.size;
          stats[i * 3 + 1] = st.mtimeMs;
          stats[i * 3 + 2] = st.ino;
        }
      } finally {
        fsm.closeSync(fd);
      }
      if (atomic) fsm.renameSync(target, job.dest);
    } catch (err) {
      if (atomic) fsm.rmSync(target, { force: true });
      return { bytes, stats, failure: { index: i, kind: "error", message: String(err) } };
    }
    bytes += data.byteLength;
  }
  return { bytes, stats };
}

const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const copyRange = ${copyRange.toString()};
const { jobs, atomic, wantStats, tag } = workerData;
const result = copyRange(jobs, atomic, wantStats, tag, require("node:fs"), require("node:crypto"));
parentPort.postMessage(result, result.stats ? [result.stats.buffer] : []);
`;

/**
 * Copies many small files, checking each one's sha256 on the way (one read, hashed in memory,
 * written once), spread over a few threads: the cost for thousands of files is the kernel's work
 * creating them, which runs in parallel on separate cores. Stops a thread's share at its first
 * failure and reports the earliest failure overall; files copied before it stay (each is whole and
 * verified).
 */
export async function copyVerifiedMany(
  jobs: readonly CopyJob[],
  options: CopyManyOptions,
): Promise<CopyOutcome> {
  const wantStats = options.stats ?? false;
  const tag = `${process.pid}.${crypto.randomBytes(3).toString("hex")}`;
  const threads =
    jobs.length < parallelThreshold
      ? 1
      : Math.max(1, Math.min(options.threads ?? 4, availableParallelism(), 4));
  const share = Math.ceil(jobs.length / threads);
  const pending: Promise<RangeResult>[] = [];
  for (let t = 1; t < threads; t++) {
    const part = jobs.slice(t * share, (t + 1) * share);
    if (part.length === 0) break;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { jobs: part, atomic: options.atomic, wantStats, tag: `${tag}w${t}x` },
    });
    pending.push(
      new Promise<RangeResult>((resolve, reject) => {
        worker.once("message", (result: RangeResult) => {
          void worker.terminate();
          resolve(result);
        });
        worker.once("error", reject);
      }),
    );
  }
  const mine = copyRange(jobs.slice(0, share), options.atomic, wantStats, `${tag}m`, fs, crypto);
  const results = [mine, ...(await Promise.all(pending))];
  const outcome: CopyOutcome = { bytes: 0 };
  if (wantStats) outcome.stats = new Float64Array(jobs.length * 3);
  for (const [t, result] of results.entries()) {
    outcome.bytes += result.bytes;
    if (outcome.stats && result.stats) outcome.stats.set(result.stats, t * share * 3);
    if (result.failure && !outcome.failure) {
      outcome.failure = { ...result.failure, index: result.failure.index + t * share };
    }
  }
  return outcome;
}
