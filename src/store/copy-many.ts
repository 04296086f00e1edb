import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { availableParallelism } from "node:os";
import { type EvalWorker, startEvalWorker } from "../files/index.js";

/** One small file to copy: its bytes must hash (sha256, hex) to `sha256` or nothing is written. */
export interface CopyJob {
  src: string;
  dest: string;
  sha256: string;
  /**
   * The size the bytes should have, when known (a directory listing records it): one read then
   * suffices. The hash still decides: a file of another size is read whole and refused.
   */
  size?: number;
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
  /** How many threads copied something (1 when this one did it all). */
  threadsUsed: number;
}

export interface CopyManyOptions {
  /**
   * Each file appears under its final name whole or not at all: a file going into a directory that
   * exists goes in under a temp name and is renamed into place; a directory that does not exist yet
   * (a fresh remote's or cache's fan-out directories) is filled under a temp name and renamed into
   * place once, with all its files. Without `atomic` files are written in place: for a tree built
   * inside a temp directory that is itself renamed into place once every file is in.
   */
  atomic: boolean;
  /** Report each written file's size, mtime and inode (what the hash index keys on). */
  stats?: boolean;
  /** Threads to spread the work over (this one included); fewer when there is little work. */
  threads?: number;
  /**
   * For tests: the first units are reserved one for each thread and this thread starts only once
   * every worker has claimed its own, so the work is certainly shared however threads are scheduled.
   */
  holdMainThread?: boolean;
}

/** Below this many files a second thread costs more to start than it saves (unless one is running already). */
const parallelThreshold = 2000;
/** With a worker started ahead of time (startCopyWorkers), sharing pays from this many files. */
const warmThreshold = 256;
/** Files per unit when files are not grouped by directory (or their directory exists). */
const filesPerUnit = 128;

function maxThreads(): number {
  return Math.min(availableParallelism(), 4);
}

/**
 * The work every thread sees. Units are runs of `order` (job indices) between consecutive `starts`;
 * a thread claims a unit by swapping its slot in `owners` from 0 to the thread's number, so each
 * unit is done exactly once and a thread that starts late just finds fewer left. The slot after the
 * units is raised on the first failure, so no thread claims anything after it; the next one counts
 * the threads that claimed something. Unit k < `reserved` belongs to thread k + 1 (tests only).
 */
interface CopyWork {
  jobs: readonly CopyJob[];
  order: Int32Array;
  starts: Int32Array;
  /** 1 where the unit is a whole directory that did not exist: it is filled under a temp name. */
  staged: Uint8Array;
  atomic: boolean;
  owners: Int32Array;
  stats: Float64Array | undefined;
  reserved: number;
}

interface ThreadResult {
  bytes: number;
  failure?: CopyFailure;
}

// Runs on this thread and, stringified, in workers: it must use only its parameters (no imports,
// no bare `require`). Synchronous calls on a few threads beat thousands of promises through libuv's
// pool for files of a few KiB: each costs an open, a read, a write, a close, and the rename that
// makes it visible (one per directory for a directory filled under a temp name).
function claimAndCopy(
  work: CopyWork,
  me: number,
  tag: string,
  fsm: typeof fs,
  cryptom: typeof crypto,
): ThreadResult {
  const { jobs, order, starts, staged, atomic, owners, stats, reserved } = work;
  const units = starts.length - 1;
  const made = new Set<string>();
  let buffer = Buffer.allocUnsafe(64 * 1024);
  // crypto.hash (Node ≥ 20.12) skips a Hash object per file: a third less time and garbage for 1 KiB.
  const oneShot = (cryptom as { hash?: (algorithm: string, data: Uint8Array) => string }).hash;
  let bytes = 0;
  let counter = 0;
  // Reading a file just written would otherwise update its access time: an inode write per file.
  let noAtime = fsm.constants.O_NOATIME ?? 0;
  const ensureDir = (dir: string): void => {
    if (made.has(dir)) return;
    fsm.mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  const failed = (failure: CopyFailure): ThreadResult => {
    Atomics.store(owners, units, 1);
    return { bytes, failure };
  };
  /** Reads a whole file into `buffer`; returns how many bytes it holds. */
  const readWhole = (path: string, expected: number): number => {
    let fd: number;
    try {
      fd = fsm.openSync(path, fsm.constants.O_RDONLY | noAtime);
    } catch (err) {
      // O_NOATIME is refused (EPERM) on files another user owns: a shared remote directory.
      if (noAtime === 0 || (err as NodeJS.ErrnoException).code !== "EPERM") throw err;
      noAtime = 0;
      fd = fsm.openSync(path, fsm.constants.O_RDONLY);
    }
    try {
      if (buffer.length <= expected) buffer = Buffer.allocUnsafe(expected + 1);
      let filled = 0;
      for (;;) {
        if (filled === buffer.length) {
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger, 0, 0, filled);
          buffer = bigger;
        }
        const n = fsm.readSync(fd, buffer, filled, buffer.length - filled, null);
        if (n === 0) break;
        filled += n;
        // Exactly the size expected: the hash decides whether these are the right bytes, and only
        // bytes that hash right are ever written, so nothing is lost by not reading on to the end.
        if (filled === expected) break;
      }
      return filled;
    } finally {
      fsm.closeSync(fd);
    }
  };
  let claimed = false;
  for (let u = 0; u < units; u++) {
    if (Atomics.load(owners, units) !== 0) break;
    if (u < reserved && u !== me - 1) continue;
    if (Atomics.compareExchange(owners, u, 0, me) !== 0) continue;
    if (!claimed) {
      claimed = true;
      Atomics.add(owners, units + 1, 1);
      if (reserved > 0) Atomics.notify(owners, units + 1);
    }
    const first = starts[u] as number;
    const end = starts[u + 1] as number;
    // A directory that did not exist is filled as `.name.<tag>.tmp` beside it and renamed into place.
    let stage: string | undefined;
    let stageDir = "";
    let stagedFiles = 0;
    if (staged[u] === 1) {
      const dest = (jobs[order[first] as number] as CopyJob).dest;
      stageDir = dest.slice(0, Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\")));
      const cut = Math.max(stageDir.lastIndexOf("/"), stageDir.lastIndexOf("\\"));
      counter += 1;
      stage = `${stageDir.slice(0, cut)}/.${stageDir.slice(cut + 1)}.${tag}${counter}.tmp`;
      try {
        ensureDir(stageDir.slice(0, cut));
        fsm.mkdirSync(stage);
      } catch (err) {
        return failed({ index: order[first] as number, kind: "error", message: String(err) });
      }
    }
    let failure: CopyFailure | undefined;
    for (let k = first; k < end && !failure; k++) {
      const i = order[k] as number;
      const job = jobs[i] as CopyJob;
      let filled: number;
      try {
        filled = readWhole(job.src, job.size ?? -1);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        failure = { index: i, kind: code === "ENOENT" ? "missing" : "error", message: String(err) };
        break;
      }
      const data = buffer.subarray(0, filled);
      const actual = oneShot
        ? oneShot("sha256", data)
        : cryptom.createHash("sha256").update(data).digest("hex");
      if (actual !== job.sha256) {
        failure = { index: i, kind: "corrupt", actual };
        break;
      }
      const dest = job.dest;
      const slash = Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\"));
      const dir = dest.slice(0, slash);
      let target = dest;
      if (stage) target = `${stage}/${dest.slice(slash + 1)}`;
      else if (atomic) {
        counter += 1;
        target = `${dir}/.${dest.slice(slash + 1)}.${tag}${counter}.tmp`;
      }
      try {
        if (!stage) ensureDir(dir);
        const fd = fsm.openSync(target, "wx");
        try {
          let written = 0;
          while (written < filled) written += fsm.writeSync(fd, data, written, filled - written);
          if (stats) {
            const st = fsm.fstatSync(fd);
            stats[i * 3] = st.size;
            stats[i * 3 + 1] = st.mtimeMs;
            stats[i * 3 + 2] = st.ino;
          }
        } finally {
          fsm.closeSync(fd);
        }
        if (atomic && !stage) fsm.renameSync(target, dest);
      } catch (err) {
        if (atomic) fsm.rmSync(target, { force: true });
        if (stats) stats.fill(Number.NaN, i * 3, i * 3 + 3);
        failure = { index: i, kind: "error", message: String(err) };
        break;
      }
      if (stage) stagedFiles += 1;
      bytes += filled;
    }
    if (stage) {
      // Whatever the staged directory holds is whole and verified: it goes into place even when a
      // later file failed, as files copied one by one before a failure stay.
      try {
        if (stagedFiles === 0) fsm.rmdirSync(stage);
        else publishStaged(stage, stageDir);
      } catch (err) {
        failure ??= { index: order[first] as number, kind: "error", message: String(err) };
      }
    }
    if (failure) return failed(failure);
  }
  return { bytes };

  // The directory appeared meanwhile (another push, or a directory another unit of this one placed):
  // its files are moved in one by one, each rename atomic, then the temp directory goes.
  function publishStaged(from: string, to: string): void {
    try {
      fsm.renameSync(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTEMPTY/EEXIST on POSIX; Windows refuses to rename a directory over one with EPERM.
      if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM") throw err;
    }
    for (const name of fsm.readdirSync(from)) fsm.renameSync(`${from}/${name}`, `${to}/${name}`);
    fsm.rmdirSync(from);
  }
}

// A worker waits for its work (it may be started ahead of time, see startCopyWorkers), copies what
// it can claim and answers.
const workerSource = `
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const claimAndCopy = ${String(claimAndCopy)};
parentPort.once("message", ({ work, packed, me, tag }) => {
  const srcs = packed.srcs.split("\\0");
  const dests = packed.dests.split("\\0");
  const shas = packed.shas.split("\\0");
  const jobs = srcs.map((src, i) => ({ src, dest: dests[i], sha256: shas[i], size: Number.isNaN(packed.sizes[i]) ? undefined : packed.sizes[i] }));
  parentPort.postMessage(claimAndCopy({ ...work, jobs }, me, tag, load("node:fs"), load("node:crypto")));
});
`;

/** Workers started ahead of time, taken by the next copy that shares its work. */
const warm: EvalWorker<ThreadResult>[] = [];

/**
 * Starts the workers a bulk copy would use, so that their start-up (~40 ms of a core, more on a
 * busy machine) overlaps what the caller does before copying (reading listings, asking the remote
 * what it has) instead of the copy. An unused worker costs a few ms of another core and does not
 * keep the process alive.
 */
export function startCopyWorkers(): void {
  for (let k = warm.length; k < maxThreads() - 1; k++) {
    const started = startEvalWorker<ThreadResult>(workerSource);
    started.worker.unref();
    warm.push(started);
  }
}

/**
 * Units: with `atomic`, the jobs grouped by destination directory, a directory that does not exist
 * yet being one unit filled under a temp name; otherwise (and in directories that exist) runs of
 * `filesPerUnit` jobs.
 */
function planUnits(
  jobs: readonly CopyJob[],
  atomic: boolean,
): { order: Int32Array; starts: Int32Array; staged: Uint8Array } {
  const order = new Int32Array(jobs.length);
  const starts: number[] = [];
  const staged: number[] = [];
  if (!atomic) {
    for (let i = 0; i < jobs.length; i++) order[i] = i;
    for (let at = 0; at < jobs.length; at += filesPerUnit) {
      starts.push(at);
      staged.push(0);
    }
  } else {
    const byDir = new Map<string, number[]>();
    for (let i = 0; i < jobs.length; i++) {
      const dest = (jobs[i] as CopyJob).dest;
      const dir = dest.slice(0, Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\")));
      const group = byDir.get(dir);
      if (group) group.push(i);
      else byDir.set(dir, [i]);
    }
    let at = 0;
    for (const [dir, group] of byDir) {
      const fresh = !fs.existsSync(dir);
      for (let from = 0; from < group.length; from += fresh ? group.length : filesPerUnit) {
        starts.push(at);
        staged.push(fresh ? 1 : 0);
        for (const i of group.slice(from, fresh ? group.length : from + filesPerUnit)) order[at++] = i;
      }
    }
  }
  starts.push(jobs.length);
  return { order, starts: Int32Array.from(starts), staged: Uint8Array.from(staged) };
}

/**
 * Copies many small files, checking each one's sha256 on the way (one read, hashed in memory,
 * written once), shared between this thread and a few workers unit by unit: the cost for thousands
 * of files is the kernel's work creating them, which runs in parallel on separate cores. Stops at
 * the first failure (the other threads finish the unit they hold) and reports the failure with the
 * lowest index among those found; files copied before it stay (each is whole and verified).
 */
export async function copyVerifiedMany(
  jobs: readonly CopyJob[],
  options: CopyManyOptions,
): Promise<CopyOutcome> {
  const { order, starts, staged } = planUnits(jobs, options.atomic);
  const units = starts.length - 1;
  const cap = options.holdMainThread ? 4 : maxThreads();
  const wanted = Math.max(1, Math.min(options.threads ?? 4, cap, units));
  const threads =
    jobs.length >= parallelThreshold || (warm.length > 0 && jobs.length >= warmThreshold) ? wanted : 1;
  const shared = threads > 1;
  const slots = Int32Array.BYTES_PER_ELEMENT * (units + 2);
  const owners = new Int32Array(shared ? new SharedArrayBuffer(slots) : new ArrayBuffer(slots));
  let stats: Float64Array | undefined;
  if (options.stats) {
    const size = Float64Array.BYTES_PER_ELEMENT * jobs.length * 3;
    stats = new Float64Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size)).fill(Number.NaN);
  }
  const work: CopyWork = {
    jobs,
    order,
    starts,
    staged,
    atomic: options.atomic,
    owners,
    stats,
    reserved: shared && options.holdMainThread ? threads : 0,
  };
  const tag = `${process.pid}.${crypto.randomBytes(3).toString("hex")}`;
  const workers: EvalWorker<ThreadResult>[] = [];
  if (shared) {
    // Strings cross threads far faster joined than as thousands of objects.
    const packed = {
      srcs: jobs.map((j) => j.src).join("\0"),
      dests: jobs.map((j) => j.dest).join("\0"),
      shas: jobs.map((j) => j.sha256).join("\0"),
      sizes: Float64Array.from(jobs, (j) => j.size ?? Number.NaN),
    };
    const { jobs: _, ...rest } = work;
    for (let me = 2; me <= threads; me++) {
      const taken = warm.shift() ?? startEvalWorker<ThreadResult>(workerSource);
      taken.worker.ref();
      taken.worker.postMessage({ work: rest, packed, me, tag: `${tag}w${me}x` });
      workers.push(taken);
    }
  }
  try {
    if (work.reserved > 0) {
      for (let seen = 0; seen < workers.length; seen = Atomics.load(owners, units + 1))
        if (Atomics.wait(owners, units + 1, seen, 10_000) === "timed-out") break;
    }
    // This thread honours no reservation: a worker that never claimed its unit leaves it to this one.
    const results = [claimAndCopy({ ...work, reserved: 0 }, 1, `${tag}m`, fs, crypto)];
    // This thread tried every unit, so each has an owner now and a worker that owns none (still
    // starting, or it found nothing left) is not waited for. After a failure stopped the claiming,
    // units may be left that a worker is just claiming: then every worker is waited for.
    const stopped = Atomics.load(owners, units) !== 0;
    const waited: Promise<ThreadResult>[] = [];
    for (const [k, { worker, reply }] of workers.entries()) {
      if (stopped || owners.subarray(0, units).includes(k + 2)) waited.push(reply);
      else void worker.terminate();
    }
    results.push(...(await Promise.all(waited)));
    const outcome: CopyOutcome = { bytes: 0, threadsUsed: Math.max(1, Atomics.load(owners, units + 1)) };
    if (stats) outcome.stats = stats;
    for (const result of results) {
      outcome.bytes += result.bytes;
      if (result.failure && (!outcome.failure || result.failure.index < outcome.failure.index))
        outcome.failure = result.failure;
    }
    return outcome;
  } finally {
    for (const { worker } of workers) void worker.terminate();
  }
}
