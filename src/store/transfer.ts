import { readFile, rm, stat } from "node:fs/promises";
import pLimit from "p-limit";
import { MlopsError } from "../errors/index.js";
import { type Logger, type Progress, silentLogger } from "../log/index.js";
import { type Cache, corruptObject } from "./cache.js";
import { corruptInCache, notInCache } from "./cache-errors.js";
import { type CopyFailure, type CopyJob, copyVerifiedMany, startCopyWorkers } from "./copy-many.js";
import { parseListing } from "./dir-listing.js";
import { digestOf, isDirId, type ObjectId } from "./object-id.js";
import type { Remote } from "./remote.js";

/** An object to move, with the file that asked for it, so an error can name both. */
export interface TransferItem {
  oid: ObjectId;
  referencedBy: string;
}

export interface TransferOptions {
  jobs?: number;
  logger?: Logger;
}

export interface TransferResult {
  transferred: number;
  skipped: number;
  bytes: number;
}

const defaultJobs = 8;

/** Objects up to this size move through memory (one read, one write) when the remote can. */
const smallObjectBytes = 1024 * 1024;
/** Objects the listing says are this small are read without leaving the thread (see readSmallForPush). */
const syncReadBytes = 64 * 1024;

/** Who asked for an object: what an error names besides the object. */
type Owner = Pick<TransferItem, "referencedBy">;

function withOwner(err: unknown, item: Owner): unknown {
  if (err instanceof MlopsError && !err.file) {
    return new MlopsError(err.code, `${err.message} (referenced by ${item.referencedBy})`, {
      file: item.referencedBy,
      field: err.field,
      expected: err.expected,
      got: err.got,
      hint: err.hint,
      cause: err.cause,
    });
  }
  return err;
}

/** From this many small objects on, a remote on this machine's file system is copied to or from in bulk. */
const bulkThreshold = 256;

/** The error a bulk copy to a remote stopped on, worded as the one-object path words it. */
function pushFailure(oid: ObjectId, failure: CopyFailure, remote: Remote): MlopsError {
  if (failure.kind === "missing") return notInCache(oid);
  if (failure.kind === "corrupt") return corruptInCache(oid, failure.actual ?? "");
  return new MlopsError("remote", `could not upload ${oid} to remote '${remote.name}' (${remote.url})`, {
    field: oid,
    cause: failure.message,
  });
}

/** The error a bulk copy from a remote stopped on, worded as the one-object path words it. */
function pullFailure(oid: ObjectId, failure: CopyFailure, remote: Remote): MlopsError {
  if (failure.kind === "corrupt") return corruptObject(oid, failure.actual ?? "", `remote '${remote.name}'`);
  const missing = failure.kind === "missing";
  return new MlopsError(
    missing ? "not-found" : "remote",
    `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${remote.name}' (${remote.url})`,
    { field: oid, cause: failure.message },
  );
}

/**
 * Copies the small ones among `missing` in bulk between the cache and a remote directory on this
 * machine (each verified on the way and placed atomically), counting them into `result` and
 * `progress`; returns the ones left for the other paths (too large, or too few to be worth it).
 * The first failure is thrown, worded by `failure` as the one-object path words it.
 */
async function copySmallInBulk<T>(
  missing: readonly T[],
  how: {
    size: (item: T) => number | undefined;
    job: (item: T) => CopyJob;
    failure: (item: T, failure: CopyFailure) => unknown;
    threads: number;
    result: TransferResult;
    progress: Progress;
  },
): Promise<T[]> {
  const small = missing.filter((item) => (how.size(item) ?? Number.POSITIVE_INFINITY) <= smallObjectBytes);
  if (small.length < bulkThreshold) return [...missing];
  const outcome = await copyVerifiedMany(small.map(how.job), { atomic: true, threads: how.threads });
  how.result.bytes += outcome.bytes;
  const failed = outcome.failure;
  const done = failed ? failed.index : small.length;
  how.result.transferred += done;
  how.progress.tick(done);
  if (failed) throw how.failure(small[failed.index] as T, failed);
  const copied = new Set(small);
  return missing.filter((item) => !copied.has(item));
}

/** From this many objects on, a remote that takes many in one call (the objects branch) gets them so. */
const batchThreshold = 16;

/** Bytes held in memory at once by a batched download. */
const batchBytes = 64 * 1024 * 1024;

function* batchesBySize(
  items: readonly TransferItem[],
  sizes: ReadonlyMap<ObjectId, number>,
): Generator<TransferItem[]> {
  let batch: TransferItem[] = [];
  let held = 0;
  for (const item of items) {
    const size = sizes.get(item.oid) ?? 0;
    if (batch.length > 0 && held + size > batchBytes) {
      yield batch;
      batch = [];
      held = 0;
    }
    batch.push(item);
    held += size;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Uploads what the remote lacks. A directory's files go first and its listing last, so a remote
 * that has a listing has everything it names (pull and status rely on that).
 */
export async function push(
  cache: Cache,
  remote: Remote,
  items: readonly TransferItem[],
  options: TransferOptions = {},
): Promise<TransferResult> {
  const logger = options.logger ?? silentLogger;
  // A directory's files to a directory remote go in bulk, on threads started now so that they are
  // ready once the listings are read and the remote has said what it lacks.
  if (remote.localWritePath && items.some((item) => isDirId(item.oid))) startCopyWorkers();
  // A directory's files share its listing's owner: one object for 10,000 files, not one each.
  const files = new Map<ObjectId, Owner>();
  const listings = new Map<ObjectId, Owner>();
  const sizes = new Map<ObjectId, number>();
  for (const item of items) {
    if (isDirId(item.oid)) {
      listings.set(item.oid, item);
      for (const entry of await cache
        .readDirListing(item.oid)
        .catch((err) => Promise.reject(withOwner(err, item)))) {
        sizes.set(entry.sha256, entry.size);
        if (!files.has(entry.sha256)) files.set(entry.sha256, item);
      }
    } else {
      files.set(item.oid, item);
    }
  }
  const result: TransferResult = { transferred: 0, skipped: 0, bytes: 0 };
  const upload = async (group: Map<ObjectId, Owner>): Promise<void> => {
    const oids = [...group.keys()];
    const present = await remote.has(oids);
    let missing = oids.filter((oid) => !present.has(oid));
    result.skipped += oids.length - missing.length;
    if (missing.length === 0) return;
    const progress = logger.progress(`pushing to ${remote.name}`, missing.length);
    const limit = pLimit(options.jobs ?? defaultJobs);
    try {
      const writePath = remote.localWritePath?.bind(remote);
      if (writePath) {
        missing = await copySmallInBulk(missing, {
          size: (oid) => sizes.get(oid),
          job: (oid) => ({
            src: cache.pathOf(oid),
            dest: writePath(oid),
            sha256: digestOf(oid),
            size: sizes.get(oid),
          }),
          failure: (oid, failed) => withOwner(pushFailure(oid, failed, remote), group.get(oid) as Owner),
          threads: options.jobs ?? defaultJobs,
          result,
          progress,
        });
      }
      if (remote.uploadMany && missing.length >= batchThreshold) {
        // Verified before they leave, as one at a time would be; then one call sends them all.
        let bytes = 0;
        await Promise.all(
          missing.map((oid) =>
            limit(async () => {
              try {
                const check = await cache.verify(oid);
                if (check.missing) throw notInCache(oid);
                if (!check.ok) throw corruptInCache(oid, check.actual ?? "");
                // Read first, added after: `bytes += await …` would lose what other checks added meanwhile.
                const size = (await stat(cache.pathOf(oid))).size;
                bytes += size;
              } catch (err) {
                throw withOwner(err, group.get(oid) as Owner);
              }
            }),
          ),
        );
        await remote.uploadMany(missing.map((oid) => ({ oid, srcPath: cache.pathOf(oid) })));
        result.bytes += bytes;
        result.transferred += missing.length;
        progress.tick(missing.length);
        return;
      }
      await Promise.all(
        missing.map((oid) =>
          limit(async () => {
            const item = group.get(oid) as Owner;
            try {
              // A directory's listing already says how big its files are.
              const size =
                sizes.get(oid) ??
                (await stat(cache.pathOf(oid)).then(
                  (st) => st.size,
                  () => undefined,
                ));
              if (size !== undefined && size <= smallObjectBytes && remote.uploadBytes) {
                // One read serves both the check and the upload.
                const bytes =
                  size <= syncReadBytes && sizes.has(oid)
                    ? cache.readSmallForPush(oid)
                    : await cache.readForPush(oid);
                if (bytes) {
                  await remote.uploadBytes(oid, bytes);
                  result.bytes += bytes.byteLength;
                  result.transferred += 1;
                  progress.tick();
                  return;
                }
              }
              // Verified before it leaves: a corrupt cache object must not become a corrupt remote one.
              if (remote.uploadChecked) {
                // The remote hashes what it reads as it sends, and publishes nothing that differs.
                await remote.uploadChecked(oid, cache.pathOf(oid)).catch((err: unknown) => {
                  throw (err as NodeJS.ErrnoException)?.code === "ENOENT" ? notInCache(oid) : err;
                });
              } else {
                const check = await cache.verify(oid);
                if (check.missing) throw notInCache(oid);
                if (!check.ok) throw corruptInCache(oid, check.actual ?? "");
                await remote.upload(oid, cache.pathOf(oid));
              }
              // Measured before it is added: `result.bytes += await …` would read the total before
              // the await and write it back after, losing what the other uploads added meanwhile.
              const sent = (await stat(cache.pathOf(oid))).size;
              result.bytes += sent;
              result.transferred += 1;
              progress.tick();
            } catch (err) {
              throw withOwner(err, item);
            }
          }),
        ),
      );
    } finally {
      progress.done();
    }
  };
  await upload(files);
  await upload(listings);
  // A batching remote (the objects branch) publishes here; nothing pushed is visible before.
  await remote.flush?.();
  return result;
}

/**
 * Downloads what the cache lacks; every object is hashed before it becomes visible in the cache,
 * and a directory's listing is adopted only after all its files are in.
 */
export async function pull(
  cache: Cache,
  remote: Remote,
  items: readonly TransferItem[],
  options: TransferOptions = {},
): Promise<TransferResult> {
  const logger = options.logger ?? silentLogger;
  if (remote.localReadPath && items.some((item) => isDirId(item.oid) && !cache.has(item.oid)))
    startCopyWorkers();
  const result: TransferResult = { transferred: 0, skipped: 0, bytes: 0 };
  const limit = pLimit(options.jobs ?? defaultJobs);
  const fetchOne = async (item: TransferItem): Promise<string> => {
    const temp = await cache.scratchPath(item.oid);
    try {
      await remote.download(item.oid, temp);
      return temp;
    } catch (err) {
      await rm(temp, { force: true });
      throw withOwner(err, item);
    }
  };
  const files = new Map<ObjectId, TransferItem>();
  const sizes = new Map<ObjectId, number>();
  const pendingListings: { item: TransferItem; temp: string }[] = [];
  for (const item of items) {
    if (isDirId(item.oid)) {
      if (cache.has(item.oid)) {
        result.skipped += 1;
        continue;
      }
      const temp = await fetchOne(item);
      const bytes = await readFile(temp);
      const entries = parseListing(bytes, item.oid);
      pendingListings.push({ item, temp });
      for (const entry of entries) {
        sizes.set(entry.sha256, entry.size);
        if (!files.has(entry.sha256))
          files.set(entry.sha256, { oid: entry.sha256, referencedBy: item.referencedBy });
      }
    } else if (!files.has(item.oid)) {
      files.set(item.oid, item);
    }
  }
  try {
    let missing = [...files.values()].filter((item) => !cache.has(item.oid));
    result.skipped += files.size - missing.length;
    const progress = logger.progress(`pulling from ${remote.name}`, missing.length);
    try {
      const readPath = remote.localReadPath?.bind(remote);
      if (readPath) {
        // Each object is hashed as it is read and enters the cache whole or not at all: the same
        // promise as `adoptVerifiedBytes`, without a promise per file.
        missing = await copySmallInBulk(missing, {
          size: (item) => sizes.get(item.oid),
          job: (item) => ({
            src: readPath(item.oid),
            dest: cache.pathOf(item.oid),
            sha256: item.oid,
            size: sizes.get(item.oid),
          }),
          failure: (item, failed) => withOwner(pullFailure(item.oid, failed, remote), item),
          threads: options.jobs ?? defaultJobs,
          result,
          progress,
        });
      }
      if (remote.downloadManyBytes) {
        const small = missing.filter(
          (item) => (sizes.get(item.oid) ?? Number.POSITIVE_INFINITY) <= smallObjectBytes,
        );
        if (small.length >= batchThreshold) {
          // In batches of a bounded size: the bytes are held in memory until each is verified and stored.
          for (const batch of batchesBySize(small, sizes)) {
            const got = await remote.downloadManyBytes(batch.map((item) => item.oid));
            for (const item of batch) {
              try {
                const bytes = got.get(item.oid);
                if (bytes === undefined) throw pullFailure(item.oid, { index: 0, kind: "missing" }, remote);
                await cache.adoptVerifiedBytes(item.oid, bytes, `remote '${remote.name}'`);
                result.bytes += bytes.byteLength;
              } catch (err) {
                throw withOwner(err, item);
              }
              result.transferred += 1;
              progress.tick();
            }
          }
          const fetched = new Set(small);
          missing = missing.filter((item) => !fetched.has(item));
        }
      }
      await Promise.all(
        missing.map((item) =>
          limit(async () => {
            const known = sizes.get(item.oid);
            if (known !== undefined && known <= smallObjectBytes && remote.downloadBytes) {
              try {
                const bytes = await remote.downloadBytes(item.oid);
                await cache.adoptVerifiedBytes(item.oid, bytes, `remote '${remote.name}'`);
                result.bytes += bytes.byteLength;
              } catch (err) {
                throw withOwner(err, item);
              }
              result.transferred += 1;
              progress.tick();
              return;
            }
            const temp = await fetchOne(item);
            const size = (await stat(temp)).size;
            try {
              await cache.adoptVerified(item.oid, temp, `remote '${remote.name}'`);
            } catch (err) {
              throw withOwner(err, item);
            }
            result.transferred += 1;
            result.bytes += size;
            progress.tick();
          }),
        ),
      );
    } finally {
      progress.done();
    }
    for (const { item, temp } of pendingListings) {
      try {
        await cache.adoptVerified(item.oid, temp, `remote '${remote.name}'`);
      } catch (err) {
        throw withOwner(err, item);
      }
      result.transferred += 1;
    }
  } finally {
    for (const { temp } of pendingListings) await rm(temp, { force: true });
  }
  return result;
}
