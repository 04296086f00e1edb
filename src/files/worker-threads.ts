import { Worker } from "node:worker_threads";

/** A worker thread that answers with one message. */
export interface EvalWorker<R> {
  worker: Worker;
  /**
   * Settles once: with the worker's first message (the worker is then terminated: it has nothing
   * more to do), or with why it stopped before answering.
   */
  reply: Promise<R>;
}

/**
 * Starts a worker thread on `source`, a CommonJS program given as text (run with `eval`, so the
 * bundled CLI needs no separate worker file). The program reaches modules through
 * `module.require`: a bundler rewrites a bare `require(…)` in our sources into a helper the worker
 * lacks. A worker that is never waited for (it found no work, or the caller failed first) is
 * terminated, which rejects its reply: that rejection is marked handled here.
 */
export function startEvalWorker<R>(source: string, workerData?: unknown): EvalWorker<R> {
  const worker = new Worker(source, { eval: true, workerData });
  const reply = new Promise<R>((resolve, reject) => {
    worker.once("message", (message: R) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`a worker thread stopped before answering (exit ${code})`)),
    );
  });
  reply.catch(() => {});
  return { worker, reply };
}

/** One thread's part of the work: consecutive items and where they start in the whole list. */
export interface Share<T> {
  offset: number;
  items: T[];
}

/** Cuts `items` into at most `threads` consecutive shares of nearly equal length, none empty. */
export function splitIntoShares<T>(items: readonly T[], threads: number): Share<T>[] {
  const size = Math.ceil(items.length / Math.max(1, threads));
  const shares: Share<T>[] = [];
  for (let offset = 0; offset < items.length; offset += size)
    shares.push({ offset, items: items.slice(offset, offset + size) });
  return shares;
}

/**
 * Cuts `items` into shares, one per thread: the first is done here by `here` while each other share
 * goes to a worker running `source`, which gets `workerData(share)` and answers with its result.
 * Resolves with every share's result, in the order of the shares.
 */
export async function splitAcrossWorkers<T, R>(
  items: readonly T[],
  threads: number,
  work: {
    source: string;
    workerData: (share: Share<T>, thread: number) => unknown;
    here: (share: Share<T>) => R;
  },
): Promise<{ share: Share<T>; result: R }[]> {
  const [first, ...rest] = splitIntoShares(items, threads);
  if (!first) return [];
  const workers = rest.map((share, t) => startEvalWorker<R>(work.source, work.workerData(share, t + 1)));
  try {
    const mine = work.here(first);
    const theirs = await Promise.all(workers.map((w) => w.reply));
    return [{ share: first, result: mine }, ...rest.map((share, t) => ({ share, result: theirs[t] as R }))];
  } finally {
    for (const { worker } of workers) void worker.terminate();
  }
}
