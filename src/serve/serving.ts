// What the doors start: one inference server in this process, or `workers` processes sharing the
// port (cluster.ts). Both look the same to the caller.
import { MlopsError } from "../errors/index.js";
import { type ServingCluster, startServingCluster } from "./cluster.js";
import type { ServeOptions } from "./options.js";
import { startInferenceServer } from "./server.js";

export interface ServingOptions extends ServeOptions {
  /** Server processes (default 1: this one). */
  workers?: number;
  /** With workers > 1, the module each worker runs (one that calls `runClusterWorker()`). */
  workerScript?: string;
}

/** A running server of one or more processes. */
export interface RunningServer extends ServingCluster {
  readonly workers: number;
}

/** Starts the server `options` describe; rejects (MlopsError) when it cannot serve. */
export async function startServing(options: ServingOptions): Promise<RunningServer> {
  const { workers = 1, workerScript, ...serve } = options;
  if (workers > 1) {
    if (serve.shadow) {
      throw new MlopsError(
        "usage",
        "--shadow runs in one server process: its agreement and latency are counted where the answers are, and a cluster's workers would each sample and count apart",
        { hint: "serve with --shadow and --workers 1, or run the shadow on one replica of the deployment" },
      );
    }
    if (!workerScript) {
      throw new MlopsError("internal", "more than one worker needs the worker's script (workerScript)");
    }
    return { ...(await startServingCluster({ ...serve, workers, workerScript })), workers };
  }
  const server = await startInferenceServer(serve);
  return {
    url: server.url,
    port: server.port,
    workers: 1,
    pids: () => [process.pid],
    // One process does not give up on itself: it serves until it is closed.
    failed: new Promise(() => {}),
    swap: (model) => server.swap(model),
    close: () => server.close(),
  };
}
