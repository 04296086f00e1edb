import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** The three numbers the hash index keys on; a `fs.Stats` has them too. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Below this many files a second thread costs more to start than it saves. */
const parallelThreshold = 20_000;

// Runs in a worker: stats its share of the paths and sends the numbers back in one transferable buffer.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const paths = workerData;
const out = new Float64Array(paths.length * 3);
for (let i = 0; i < paths.length; i++) {
  const st = statSync(paths[i], { throwIfNoEntry: false });
  if (st) { out[i * 3] = st.size; out[i * 3 + 1] = st.mtimeMs; out[i * 3 + 2] = st.ino; }
  else { out[i * 3] = -1; }
}
parentPort.postMessage(out, [out.buffer]);
`;

function statRange(paths: readonly string[], from: number, to: number, out: (FileStat | undefined)[]): void {
  for (let i = from; i < to; i++) {
    const st = statSync(paths[i] as string, { throwIfNoEntry: false });
    out[i] = st ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined;
  }
}

/**
 * Stats many files, spreading the work over the cores: for 100k files the kernel's stat calls are
 * most of `data status`, and they run in parallel on separate threads. `undefined` marks a file that
 * vanished since it was listed.
 */
export async function statMany(paths: readonly string[]): Promise<(FileStat | undefined)[]> {
  const out: (FileStat | undefined)[] = new Array(paths.length);
  const threads = Math.min(availableParallelism(), 4);
  if (paths.length < parallelThreshold || threads < 2) {
    statRange(paths, 0, paths.length, out);
    return out;
  }
  const share = Math.ceil(paths.length / threads);
  const jobs: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const from = t * share;
    const to = Math.min(paths.length, from + share);
    if (from >= to) break;
    const worker = new Worker(workerSource, { eval: true, workerData: paths.slice(from, to) });
    jobs.push(
      new Promise<void>((resolve, reject) => {
        worker.once("message", (numbers: Float64Array) => {
          for (let i = 0; i < to - from; i++) {
            const size = numbers[i * 3] as number;
            out[from + i] =
              size < 0
                ? undefined
                : { size, mtimeMs: numbers[i * 3 + 1] as number, ino: numbers[i * 3 + 2] as number };
          }
          void worker.terminate();
          resolve();
        });
        worker.once("error", reject);
      }),
    );
  }
  statRange(paths, 0, Math.min(share, paths.length), out);
  await Promise.all(jobs);
  return out;
}
