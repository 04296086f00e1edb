import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type EvalWorker, startEvalWorker } from "../files/index.js";
import { HashIndex } from "./hash-index.js";

/** The three numbers the hash index keys on; a `fs.Stats` has them too. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface ScannedTree {
  /**
   * `/`-separated paths relative to the root, in scan order (the same for the same tree every time).
   * Built on first use: an unchanged tree is recognised by its fingerprint without them.
   */
  readonly relpaths: string[];
  /** Three numbers per path: size, mtimeMs, inode. A size of -1 marks a file that vanished between listing and stat. */
  numbers: Float64Array;
  /**
   * One hash over every path and its numbers, unit by unit in scan order (each unit hashed by the
   * thread that scanned it). Equal fingerprints mean nothing in the tree changed since it was hashed;
   * a scan that cut the tree differently only costs a fallback to the per-file index, never a wrong answer.
   */
  fingerprint: string;
  /** How many threads scanned part of the tree (1 when the main thread did it all). */
  threadsUsed: number;
}

/** The stat of the tree's `i`th file, or `undefined` when it vanished between listing and stat. */
export function statAt(tree: ScannedTree, i: number): FileStat | undefined {
  const size = tree.numbers[i * 3] as number;
  if (size < 0) return undefined;
  return { size, mtimeMs: tree.numbers[i * 3 + 1] as number, ino: tree.numbers[i * 3 + 2] as number };
}

/**
 * A piece of the tree one thread scans whole: a directory walked recursively, or (`names` given) a
 * batch of files directly in `dir`, only stat-ed.
 */
interface Unit {
  /** `/`-terminated prefix relative to the root ("" for the root itself). */
  dir: string;
  names?: string[];
}

interface UnitResult {
  unit: number;
  /** The unit's relative paths joined by NUL: one string crosses threads far faster than thousands. */
  paths: string;
  numbers: Float64Array;
  /** sha256 (hex) of the unit's paths and numbers, hashed by the thread that scanned it. */
  digest: string;
}

/** Files directly in one directory are stat-ed in batches of this many, so a flat tree is shared too. */
const namesPerUnit = 2048;
/** Directories are opened up into their contents until there are this many units (or no directory is left). */
const wantedUnits = 32;
/** Starting a thread costs ~40 ms of a core: only worth it when the last scan of this tree found many files. */
const minFilesForWorkers = 30_000;

/**
 * Claims units one at a time and scans them. It runs on the main thread and, as source text, in the
 * workers, so it is self-contained: no imports, no module scope, fs and crypto passed in. A unit is claimed by
 * swapping its owner slot from 0 to this thread's number, so every unit is scanned exactly once,
 * threads that start late simply find fewer units left (no fixed share leaves the main thread
 * waiting for a worker still booting), and once the main thread has tried every slot the owners say
 * which workers hold results. Mirrors walkFiles: skips `.git` and our temp files (`.*.tmp`).
 */
function claimAndScan(
  root: string,
  units: readonly Unit[],
  owners: Int32Array,
  me: number,
  io: { readdirSync: typeof readdirSync; statSync: typeof statSync; createHash: typeof createHash },
  reserved = 0,
): UnitResult[] {
  const statOptions = { throwIfNoEntry: false } as const;
  const results: UnitResult[] = [];
  let relpaths: string[] = [];
  let numbers: number[] = [];
  const add = (abs: string, relpath: string): void => {
    const st = io.statSync(abs, statOptions);
    relpaths.push(relpath);
    if (st) numbers.push(st.size, st.mtimeMs, st.ino);
    else numbers.push(-1, 0, 0);
  };
  const walk = (abs: string, prefix: string): void => {
    for (const entry of io.readdirSync(abs, { withFileTypes: true })) {
      const name = entry.name;
      if (name.startsWith(".") && name.endsWith(".tmp")) continue;
      if (entry.isDirectory()) {
        if (name !== ".git") walk(`${abs}/${name}`, `${prefix}${name}/`);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        add(`${abs}/${name}`, prefix + name);
      }
    }
  };
  for (let i = 0; i < units.length; i++) {
    // Unit k < reserved belongs to thread k + 1 (tests only): whoever starts first cannot take it.
    if (i < reserved && i !== me - 1) continue;
    if (Atomics.compareExchange(owners, i, 0, me) !== 0) continue;
    if (results.length === 0) {
      // The slot after the units counts threads that have claimed something (see holdMainThread).
      Atomics.add(owners, units.length, 1);
      Atomics.notify(owners, units.length);
    }
    const unit = units[i] as Unit;
    const abs = unit.dir === "" ? root : `${root}/${unit.dir.slice(0, -1)}`;
    if (unit.names) for (const name of unit.names) add(`${abs}/${name}`, unit.dir + name);
    else walk(abs, unit.dir);
    const packed = Float64Array.from(numbers);
    const paths = relpaths.join("\0");
    const digest = io.createHash("sha256").update(paths).update(new Uint8Array(packed.buffer)).digest("hex");
    results.push({ unit: i, paths, numbers: packed, digest });
    relpaths = [];
    numbers = [];
  }
  return results;
}

// The worker: waits for one job, scans what it can claim and sends the results back, the numbers as
// transferred buffers. The eval'd worker is a CommonJS module; its require is reached through
// `module` because a bundler rewrites a bare `require(…)` into a helper the worker lacks.
const workerSource = `
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const { readdirSync, statSync } = load("node:fs");
const { createHash } = load("node:crypto");
parentPort.once("message", ({ root, units, owners, me, reserved }) => {
  const io = { readdirSync, statSync, createHash };
  const results = (${String(claimAndScan)})(root, units, new Int32Array(owners), me, io, reserved);
  parentPort.postMessage(results, results.map((r) => r.numbers.buffer));
});
`;

type ScanWorker = EvalWorker<UnitResult[]>;

function spawnScanWorker(): ScanWorker {
  return startEvalWorker<UnitResult[]>(workerSource);
}

/** Workers started ahead of time by startScanWorkers, taken by the next scan that shares its work. */
const warm: ScanWorker[] = [];

function defaultThreads(): number {
  return Math.min(availableParallelism(), 4);
}

/**
 * Starts the workers a large scan would use, so that their ~40 ms (more on a busy machine) of
 * start-up overlaps whatever the caller does before scanning (the CLI: loading modules and reading
 * manifests) instead of the scan itself. Only when the hash index in `stateDir` remembers a tree
 * large enough to be shared: an unused worker costs ~10 ms. Unused workers do not keep the process alive.
 */
export function startScanWorkers(stateDir: string): void {
  if (HashIndex.largestTree(stateDir) < minFilesForWorkers) return;
  for (let k = warm.length; k < defaultThreads() - 1; k++) {
    const started = spawnScanWorker();
    started.worker.unref();
    warm.push(started);
  }
}

/**
 * Cuts the tree into units in an order that depends only on the tree: the root's own files (in
 * batches) first, then its directories; while there are fewer units than `wanted`, directories are
 * opened up in place into their own file batches and subdirectories.
 */
function planUnits(root: string, wanted: number): Unit[] {
  const list = (prefix: string): Unit[] => {
    const abs = prefix === "" ? root : `${root}/${prefix.slice(0, -1)}`;
    const files: string[] = [];
    const dirs: Unit[] = [];
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const name = entry.name;
      if (name.startsWith(".") && name.endsWith(".tmp")) continue;
      if (entry.isDirectory()) {
        if (name !== ".git") dirs.push({ dir: `${prefix}${name}/` });
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(name);
      }
    }
    const batches: Unit[] = [];
    for (let i = 0; i < files.length; i += namesPerUnit)
      batches.push({ dir: prefix, names: files.slice(i, i + namesPerUnit) });
    return [...batches, ...dirs];
  };
  let units = list("");
  // Open up directories breadth first while the work is in too few pieces to share; each opened
  // directory is read once, here, and its contents take its place.
  for (let opened = true; opened && units.length < wanted; ) {
    opened = false;
    const next: Unit[] = [];
    for (const [i, unit] of units.entries()) {
      // next.length + what is left of this pass is the count if nothing more were opened.
      if (!unit.names && next.length + units.length - i < wanted) {
        next.push(...list(unit.dir));
        opened = true;
      } else next.push(unit);
    }
    units = next;
  }
  return units;
}

/**
 * Lists every file under `root` with its size, mtime and inode, in an order that depends only on the
 * tree. For 100k files the stat calls are most of what `data status` costs; they are kernel work that
 * runs in parallel, so a large tree is shared between the main thread and workers, unit by unit.
 * `threads` (default: the cores, at most 4) is fixed in tests; workers are started only when the last
 * scan found at least `expectedFiles` ≥ 30,000 (or when `threads` is given). `holdMainThread` (for
 * tests) reserves one of the first units for each thread and starts the main thread only once every
 * worker has claimed its own, so the work is certainly shared however the threads are scheduled.
 */
export async function scanTree(
  root: string,
  options: { expectedFiles?: number; threads?: number; holdMainThread?: boolean } = {},
): Promise<ScannedTree> {
  const threads =
    options.threads ?? ((options.expectedFiles ?? 0) >= minFilesForWorkers ? defaultThreads() : 1);
  // The units depend on the tree only (never on `threads`), so the scan order, and with it the
  // fingerprint, is the same however many threads share the work.
  const units = planUnits(root, wantedUnits);
  const owners = new Int32Array(new SharedArrayBuffer(4 * (units.length + 1)));
  const workers: ScanWorker[] = [];
  const used = Math.max(1, Math.min(threads, units.length));
  const reserved = options.holdMainThread ? used : 0;
  for (let me = 2; me <= used; me++) {
    const taken = warm.shift() ?? spawnScanWorker();
    taken.worker.ref();
    taken.worker.postMessage({ root, units, owners: owners.buffer, me, reserved });
    workers.push(taken);
  }
  try {
    const parts: (UnitResult | undefined)[] = new Array(units.length);
    if (options.holdMainThread) {
      for (let seen = 0; seen < workers.length; seen = Atomics.load(owners, units.length))
        if (Atomics.wait(owners, units.length, seen, 10_000) === "timed-out") break;
    }
    for (const r of claimAndScan(root, units, owners, 1, { readdirSync, statSync, createHash }, reserved))
      parts[r.unit] = r;
    // Every slot has an owner now (this thread tried them all); wait only for workers that own some.
    const waited: Promise<UnitResult[]>[] = [];
    for (const [k, { worker, reply }] of workers.entries()) {
      if (ownsAny(owners, k + 2)) waited.push(reply);
      else void worker.terminate();
    }
    for (const results of await Promise.all(waited)) for (const r of results) parts[r.unit] = r;
    return mergeInUnitOrder(parts, Atomics.load(owners, units.length));
  } finally {
    for (const { worker } of workers) void worker.terminate();
  }
}

function ownsAny(owners: Int32Array, me: number): boolean {
  for (let i = 0; i < owners.length - 1; i++) if (Atomics.load(owners, i) === me) return true;
  return false;
}

function mergeInUnitOrder(parts: readonly (UnitResult | undefined)[], threadsUsed: number): ScannedTree {
  const done = parts.filter((p): p is UnitResult => p !== undefined);
  if (done.length !== parts.length) throw new Error("internal: a scan unit has no result");
  let count = 0;
  for (const p of done) count += p.numbers.length / 3;
  const numbers = new Float64Array(count * 3);
  const fingerprint = createHash("sha256");
  let at = 0;
  for (const p of done) {
    numbers.set(p.numbers, at);
    at += p.numbers.length;
    fingerprint.update(p.digest);
  }
  let relpaths: string[] | undefined;
  return {
    numbers,
    fingerprint: fingerprint.digest("hex"),
    threadsUsed,
    get relpaths(): string[] {
      relpaths ??= splitPaths(done, count);
      return relpaths;
    },
  };
}

function splitPaths(parts: readonly UnitResult[], count: number): string[] {
  const relpaths: string[] = new Array(count);
  let at = 0;
  for (const p of parts) {
    if (p.numbers.length === 0) continue;
    for (const relpath of p.paths.split("\0")) relpaths[at++] = relpath;
  }
  return relpaths;
}
