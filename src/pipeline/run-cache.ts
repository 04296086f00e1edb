import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../files/index.js";
import type { Logger } from "../log/index.js";
import { lockEntry } from "../manifest/pipeline-lock.js";
import { type Cache, isReadOnlyRemote, push, type Remote } from "../store/index.js";
import { stableJson } from "./stable-json.js";

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

/** Where an entry lives, relative to a cache or remote root. */
export function runCacheRelPath(runKey: string): string {
  return `runs/${runKey.slice(0, 2)}/${runKey}.json`;
}

export function runCachePath(cacheDir: string, runKey: string): string {
  return join(cacheDir, runCacheRelPath(runKey));
}

/** An entry read as text, or undefined when it is damaged or filed under another key. */
export function parseRunCacheEntry(text: string, runKey: string): RunCacheEntry | undefined {
  try {
    const parsed = runCacheEntry.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.run_key === runKey ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** An entry from the remote, copied into the local run cache when it is sound. */
export async function fetchRunCache(
  cacheDir: string,
  remote: Remote,
  runKey: string,
): Promise<RunCacheEntry | undefined> {
  const bytes = await remote.readRecord(runCacheRelPath(runKey));
  const entry = bytes ? parseRunCacheEntry(bytes.toString("utf8"), runKey) : undefined;
  if (entry) await writeRunCache(cacheDir, entry);
  return entry;
}

/** Every local entry: what `data push` sends so teammates and CI can restore instead of rerun. */
export async function listRunCache(cacheDir: string): Promise<RunCacheEntry[]> {
  const base = join(cacheDir, "runs");
  if (!existsSync(base)) return [];
  const out: RunCacheEntry[] = [];
  for (const prefix of readdirSync(base).sort()) {
    for (const name of readdirSync(join(base, prefix)).sort()) {
      const key = name.replace(/\.json$/, "");
      if (!/^[0-9a-f]{64}$/.test(key)) continue;
      const entry = await readRunCache(cacheDir, key);
      if (entry) out.push(entry);
    }
  }
  return out;
}

export async function readRunCache(cacheDir: string, runKey: string): Promise<RunCacheEntry | undefined> {
  const path = runCachePath(cacheDir, runKey);
  if (!existsSync(path)) return undefined;
  // A damaged entry only costs a rerun, so it is ignored rather than fatal.
  return parseRunCacheEntry(await readFile(path, "utf8"), runKey);
}

export async function writeRunCache(cacheDir: string, entry: RunCacheEntry): Promise<void> {
  await writeFileAtomic(runCachePath(cacheDir, entry.run_key), `${JSON.stringify(entry, null, 1)}\n`);
}

/**
 * Sends every local run-cache entry whose outputs are all in the cache to the remote: the objects
 * first, the entry last, so a reader never finds an entry whose outputs are missing. A read-only
 * remote (a pull-request run) is skipped, not an error: such runs may read the run cache, never fill it.
 */
export async function pushRunCache(
  cacheDir: string,
  cache: Cache,
  remote: Remote,
  options: { jobs?: number; logger?: Logger } = {},
): Promise<{ entries: number; transferred: number; bytes: number }> {
  let entries = 0;
  let transferred = 0;
  let bytes = 0;
  if (isReadOnlyRemote(remote)) return { entries, transferred, bytes };
  for (const entry of await listRunCache(cacheDir)) {
    if (!entry.outs.every((o) => cache.has(o.sha256))) continue;
    // A record that already maps the key to the same outputs stays (a rerun differs only in its
    // timing); one that maps it elsewhere (stale or forged) is replaced by what this run computed.
    const existing = await remote.readRecord(runCacheRelPath(entry.run_key));
    const there = existing ? parseRunCacheEntry(existing.toString("utf8"), entry.run_key) : undefined;
    if (there && stableJson(there.outs) === stableJson(entry.outs)) continue;
    const result = await push(
      cache,
      remote,
      entry.outs.map((o) => ({ oid: o.sha256, referencedBy: `run cache entry of ${entry.stage}` })),
      options,
    );
    transferred += result.transferred;
    bytes += result.bytes;
    await remote.writeRecord(
      runCacheRelPath(entry.run_key),
      Buffer.from(`${JSON.stringify(entry, null, 1)}\n`),
    );
    entries++;
  }
  await remote.flush?.();
  return { entries, transferred, bytes };
}
