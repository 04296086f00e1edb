import type { InferenceSession, Tensor } from "onnxruntime-node";
import { loadOrt } from "../evaluate/index.js";
import type { Column, ModelSession, RunOutput, SessionOptions } from "./session-worker.js";

/**
 * A session on the event loop's own thread, for a request that arrives alone. Handing it to the
 * worker costs two thread hops (about 70 µs here, more than the run of a small model); with no other
 * request waiting, running it in place delays nobody. Under concurrent load the worker runs batches
 * instead, so these runs never stall the HTTP work.
 */
export async function openInlineSession(bytes: Uint8Array, options: SessionOptions): Promise<ModelSession> {
  const ort = await loadOrt();
  const session: InferenceSession = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: options.intraOpThreads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    ...(options.quiet ? { logSeverityLevel: 4 as const } : {}),
  });
  const inputs = session.inputMetadata;
  const names = inputs.map((i) => i.name);
  const types = inputs.map((i) => (i.isTensor ? i.type : "float32"));
  const tails = inputs.map((i) => (i.isTensor ? (i.shape.slice(1) as number[]) : []));
  const fetches = session.outputMetadata.filter((o) => o.isTensor).map((o) => o.name);
  return {
    async run(columns: Column[], rows: number): Promise<RunOutput[]> {
      const feeds: Record<string, Tensor> = {};
      for (let k = 0; k < names.length; k++) {
        const dims = [rows, ...(tails[k] as number[])];
        feeds[names[k] as string] = new ort.Tensor(types[k] as Tensor.Type, columns[k] as never, dims);
      }
      const result = await session.run(feeds, fetches);
      return fetches.map((name) => {
        const tensor = result[name] as Tensor;
        return { data: tensor.data as RunOutput["data"], dims: tensor.dims as number[] };
      });
    },
    release: () => session.release(),
  };
}
