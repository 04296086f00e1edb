import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { MlopsError } from "../errors/index.js";
import type { HistogramInputs } from "./gbdt.js";

/**
 * A second thread for GBDT histograms. Training stays synchronous: the main thread hands a range of
 * features to the helper through shared memory, sums the other features itself, then blocks on an
 * Atomics.wait until the helper is done. The histogram loops run in both threads from the same
 * source text (gbdt.ts passes it in), so each feature's bins add the same numbers in the same order
 * whichever thread sums them: trees are bit for bit those of one thread.
 */

/** Slots of the control block (Int32Array over shared memory). */
const SEQ = 0; // bumped by the main thread for each request
const OP = 1; // 1: sum features, 0: leave the loop (end of a fit)
const HIST = 2; // the histogram's offset in the arena, in doubles
const FROM = 3;
const TO = 4;
const START = 5;
const END = 6;
const DONE = 7; // the last request the helper finished
const FAILED = 8; // 1 when the helper threw
const HELPER_ASLEEP = 9; // 1 while the helper sleeps in Atomics.wait: a request must notify it
const MAIN_ASLEEP = 10; // 1 while the main thread sleeps waiting for DONE
const controlSlots = 11;

/**
 * Each side spins this long (ms) before it sleeps. A futex wake-up cost ~300 µs per request here
 * (the woken thread preempts the waker on a two-core machine), more than summing half the features
 * of a typical node; the gaps between requests while a tree grows are well under a millisecond.
 */
const spinMs = 2;

/** How long the main thread waits for one histogram before it calls the helper lost. */
const lostAfterMs = 60_000;

let sharedWorker: { worker: Worker; source: string } | undefined;

function helperSource(loops: string): string {
  return `
const { parentPort } = require("node:worker_threads");
${loops}
parentPort.on("message", (s) => {
  const control = new Int32Array(s.control);
  const g = {
    n: s.n,
    stride: s.stride,
    bins: new Uint8Array(s.bins),
    offset: new Int32Array(s.offset),
    rows: new Uint32Array(s.rows),
    orderedGrad: new Float64Array(s.orderedGrad),
    orderedHess: new Float64Array(s.orderedHess),
  };
  const arena = new Float64Array(s.arena);
  let seen = 0;
  for (;;) {
    let seq = Atomics.load(control, ${SEQ});
    if (seq === seen) {
      const until = performance.now() + ${spinMs};
      for (let i = 1; (seq = Atomics.load(control, ${SEQ})) === seen; i++) {
        if ((i & 1023) === 0 && performance.now() > until) {
          // Announce the sleep, then sleep only if no request came meanwhile (wait checks SEQ).
          Atomics.store(control, ${HELPER_ASLEEP}, 1);
          Atomics.wait(control, ${SEQ}, seen);
          Atomics.store(control, ${HELPER_ASLEEP}, 0);
        }
      }
    }
    seen = seq;
    if (control[${OP}] === 0) break;
    try {
      const at = control[${HIST}];
      sumFeatures(g, control[${FROM}], control[${TO}], control[${START}], control[${END}], arena.subarray(at, at + s.histSize));
    } catch {
      Atomics.store(control, ${FAILED}, 1);
    }
    Atomics.store(control, ${DONE}, seen);
    if (Atomics.load(control, ${MAIN_ASLEEP}) === 1) Atomics.notify(control, ${DONE});
  }
});
`;
}

function shareBytes<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(
  array: T,
  make: (buffer: SharedArrayBuffer) => T,
): T {
  const shared = make(new SharedArrayBuffer(array.byteLength));
  shared.set(array as never);
  return shared;
}

/**
 * One fit's use of the helper thread. Histograms it can write come from `allocate()` (a shared arena
 * sized for every histogram a depth-wise tree holds at once); others are summed on one thread.
 */
export class HistogramHelper {
  private readonly control = new Int32Array(new SharedArrayBuffer(controlSlots * 4));
  private readonly arena: Float64Array;
  private used = 0;
  private seq = 0;

  private constructor(
    private readonly histSize: number,
    slots: number,
  ) {
    this.arena = new Float64Array(new SharedArrayBuffer(histSize * slots * 8));
  }

  /**
   * A helper for one fit, or undefined when a second thread does not pay (one core, small data) or
   * cannot start. The grower's arrays are replaced by shared ones, which both threads read: the bins
   * and offsets copied, the per-node scratch (rows, gathered gradients) fresh, as each tree fills it.
   */
  static forFit(
    memory: HistogramInputs,
    options: { threads: number; histSize: number; maxDepth: number; loops: string },
  ): { helper: HistogramHelper; memory: HistogramInputs } | undefined {
    if (options.threads < 2) return undefined;
    // Histograms alive at once: at most one per node of the widest level, plus the one being built.
    const slots = 2 ** Math.min(options.maxDepth, 12) + 2;
    const source = helperSource(options.loops);
    let worker: Worker;
    try {
      if (!sharedWorker || sharedWorker.source !== source) {
        void sharedWorker?.worker.terminate();
        const w = new Worker(source, { eval: true });
        // Idle between fits, it must not keep the process alive.
        w.unref();
        sharedWorker = { worker: w, source };
      }
      worker = sharedWorker.worker;
    } catch {
      return undefined;
    }
    const shared: HistogramInputs = {
      n: memory.n,
      stride: memory.stride,
      bins: shareBytes(memory.bins, (b) => new Uint8Array(b)),
      offset: shareBytes(memory.offset, (b) => new Int32Array(b)),
      rows: new Uint32Array(new SharedArrayBuffer(memory.rows.byteLength)),
      orderedGrad: new Float64Array(new SharedArrayBuffer(memory.orderedGrad.byteLength)),
      orderedHess: new Float64Array(new SharedArrayBuffer(memory.orderedHess.byteLength)),
    };
    const helper = new HistogramHelper(options.histSize, slots);
    worker.postMessage({
      control: helper.control.buffer,
      arena: helper.arena.buffer,
      histSize: options.histSize,
      n: shared.n,
      stride: shared.stride,
      bins: shared.bins.buffer,
      offset: shared.offset.buffer,
      rows: shared.rows.buffer,
      orderedGrad: shared.orderedGrad.buffer,
      orderedHess: shared.orderedHess.buffer,
    });
    return { helper, memory: shared };
  }

  /** A zeroed histogram in shared memory, or undefined when the arena is full. */
  allocate(): Float64Array | undefined {
    if ((this.used + 1) * this.histSize > this.arena.length) return undefined;
    const h = this.arena.subarray(this.used * this.histSize, (this.used + 1) * this.histSize);
    this.used++;
    return h;
  }

  /** Whether the helper can write this histogram (it lives in the arena). */
  holds(hist: Float64Array): boolean {
    return hist.buffer === this.arena.buffer;
  }

  /** Asks the helper to sum features [from, to) over rows[start, end) into `hist`. */
  start(hist: Float64Array, from: number, to: number, start: number, end: number): void {
    const c = this.control;
    c[OP] = 1;
    c[HIST] = hist.byteOffset / 8;
    c[FROM] = from;
    c[TO] = to;
    c[START] = start;
    c[END] = end;
    Atomics.store(c, SEQ, ++this.seq);
    if (Atomics.load(c, HELPER_ASLEEP) === 1) Atomics.notify(c, SEQ);
  }

  /** Blocks until the helper has finished the last request: spinning first, then asleep. */
  finish(): void {
    const c = this.control;
    const until = performance.now() + spinMs;
    for (let i = 1; Atomics.load(c, DONE) !== this.seq; i++) {
      if ((i & 1023) !== 0 || performance.now() <= until) continue;
      Atomics.store(c, MAIN_ASLEEP, 1);
      const done = Atomics.load(c, DONE);
      const woke = done === this.seq ? "not-equal" : Atomics.wait(c, DONE, done, lostAfterMs);
      Atomics.store(c, MAIN_ASLEEP, 0);
      if (woke === "timed-out") {
        throw new MlopsError("internal", "the GBDT helper thread stopped answering", {
          hint: "train with one thread: set MLOPS_THREADS=1",
        });
      }
    }
    if (Atomics.load(c, FAILED) === 1) {
      throw new MlopsError("internal", "the GBDT helper thread failed while summing a histogram", {
        hint: "train with one thread: set MLOPS_THREADS=1",
      });
    }
  }

  /** Ends the fit: the helper leaves its loop and waits for the next fit's message. */
  close(): void {
    const c = this.control;
    c[OP] = 0;
    Atomics.store(c, SEQ, ++this.seq);
    Atomics.notify(c, SEQ);
  }
}

/**
 * Threads a fit uses: MLOPS_THREADS when set (1 turns the helper off), else two when the machine has
 * two cores and the data is large enough to repay handing work over.
 */
export function gbdtThreads(cells: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.MLOPS_THREADS;
  if (asked !== undefined && asked !== "") {
    const t = Number(asked);
    if (!Number.isInteger(t) || t < 1) {
      throw new MlopsError("usage", "MLOPS_THREADS must be a whole number of threads, 1 or more", {
        field: "MLOPS_THREADS",
        expected: "1, 2, …",
        got: asked,
      });
    }
    return Math.min(t, 2);
  }
  return availableParallelism() >= 2 && cells >= 200_000 ? 2 : 1;
}
