import { z } from "zod";
import { sha256Hex, stageName } from "./common.js";
import { command, pipelinePath } from "./pipeline.js";

export const lockEntry = z
  .strictObject({
    path: pipelinePath,
    sha256: z
      .string()
      .regex(
        /^[0-9a-f]{64}(\.dir)?$/,
        "expected a sha256 (64 lowercase hex), suffixed '.dir' for a directory",
      ),
    size: z.number().int().nonnegative("expected a size in bytes (>= 0)"),
    nfiles: z.number().int().nonnegative().optional().describe("directories only: number of files"),
  })
  .refine((o) => (o.sha256.endsWith(".dir") ? o.nfiles !== undefined : o.nfiles === undefined), {
    message: "expected 'nfiles' exactly when the hash is a directory hash ending in '.dir'",
    path: ["nfiles"],
  });

export const lockStage = z.strictObject({
  cmd: command,
  deps: z.array(lockEntry).default([]).describe("every dependency with its hash when the stage ran"),
  params: z
    .record(pipelinePath, z.record(z.string(), z.unknown()))
    .default({})
    .describe("params file → key → the value the stage ran with"),
  outs: z.array(lockEntry).default([]).describe("every output (outs, metrics, plots) with its hash"),
  run_key: sha256Hex.optional().describe("hash of cmd, deps and params: the run-cache key"),
  duration_ms: z.number().nonnegative("expected a duration in milliseconds (>= 0)").optional(),
});

/** `pipelines/<name>/pipeline.lock`: what each stage last ran with and produced. */
export const pipelineLock = z.strictObject({
  schema: z.literal("1", { error: "expected '1' (a quoted string)" }).describe("lock file format version"),
  stages: z.record(stageName, lockStage).default({}),
});

export type LockEntry = z.infer<typeof lockEntry>;
export type LockStage = z.infer<typeof lockStage>;
export type PipelineLock = z.infer<typeof pipelineLock>;
