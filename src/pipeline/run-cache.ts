import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../files/index.js";
import { lockEntry } from "../manifest/pipeline-lock.js";

/**
 * One remembered run: the outputs a stage produced from inputs whose hash is `run_key`. Entries live
 * at `.mlops/cache/runs/ab/<run_key>.json`; gc keeps every object they name.
 */
export const runCacheEntry = z.strictObject({
  schema: z.literal("1"),
  run_key: z.string().regex(/^[0-9a-f]{64}$/),
  stage: z.string(),
  outs: z.array(lockEntry),
  duration_ms: z.number().nonnegative().optional(),
});
export type RunCacheEntry = z.infer<typeof runCacheEntry>;

export function runCachePath(cacheDir: string, runKey: string): string {
  return join(cacheDir, "runs", runKey.slice(0, 2), `${runKey}.json`);
}

export async function readRunCache(cacheDir: string, runKey: string): Promise<RunCacheEntry | undefined> {
  const path = runCachePath(cacheDir, runKey);
  if (!existsSync(path)) return undefined;
  const parsed = runCacheEntry.safeParse(JSON.parse(await readFile(path, "utf8")));
  // A damaged entry only costs a rerun, so it is ignored rather than fatal.
  return parsed.success && parsed.data.run_key === runKey ? parsed.data : undefined;
}

export async function writeRunCache(cacheDir: string, entry: RunCacheEntry): Promise<void> {
  await writeFileAtomic(runCachePath(cacheDir, entry.run_key), `${JSON.stringify(entry, null, 1)}\n`);
}
