import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { isTempName, tempPathFor } from "../files/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { corruptInCache } from "./cache-errors.js";
import { assertWriteInside } from "./confine.js";
import { copyHashing } from "./copy-hashing.js";
import { copyVerifiedMany } from "./copy-many.js";
import { type DirEntry, listingId, parseListing, sortEntries, walkFiles } from "./dir-listing.js";
import { type FileDigest, hashBytes, hashFile, hashStats } from "./hash.js";
import type { HashIndex } from "./hash-index.js";
import { digestOf, isDirId, isObjectId, type ObjectId, objectPathIn } from "./object-id.js";
import { scanTree, statAt } from "./scan-tree.js";
import { storeManySmallFiles } from "./store-many.js";

/** From this many files on, a directory checked out where nothing exists yet is built in bulk. */
const bulkCheckoutThreshold = 256;

/** Files up to this size are read whole: one read beats a streamed copy for the many-small-files case. */
const smallFileLimit = 4 * 1024 * 1024;

export interface TreeDigest {
  oid: ObjectId;
  size: number;
  nfiles: number;
  /** How many files had to be read because the index did not vouch for them. */
  hashed: number;
}

export interface CheckoutResult {
  written: number;
  unchanged: number;
  removed: number;
}

function statOf(path: string): Stats {
  return statSync(path);
}

/** Names a corrupt object, where it was found, and what its bytes hash to. */
export function corruptObject(oid: ObjectId, actual: string, where: string): MlopsError {
  return new MlopsError(
    "hash-mismatch",
    `object ${oid} in ${where} is corrupt: its content hashes to ${actual}`,
    {
      field: oid,
      expected: digestOf(oid),
      got: actual,
      hint: "run `mlops data verify --repair` to drop corrupt objects, then `mlops data pull` to fetch good copies",
    },
  );
}

/**
 * The content-addressed store under `.mlops/cache`: every object lives at `sha256/ab/cdef…`, is
 * written through a temp file and a rename, and is hashed again whenever it is read back out.
 */
export class Cache {
  private readonly madeDirs = new Set<string>();

  private readonly objectsDir: string;

  constructor(readonly root: string) {
    this.objectsDir = join(root, "sha256");
  }

  pathOf(oid: ObjectId): string {
    return objectPathIn(this.objectsDir, oid);
  }

  has(oid: ObjectId): boolean {
    return existsSync(this.pathOf(oid));
  }

  private ensureDirSync(dir: string): void {
    if (this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  /** Writes bytes already known to hash to `oid`; a no-op when the object exists. */
  putBytesSync(oid: ObjectId, bytes: Uint8Array): void {
    const target = this.pathOf(oid);
    if (existsSync(target)) return;
    this.ensureDirSync(dirname(target));
    const temp = tempPathFor(target);
    try {
      writeFileSync(temp, bytes, { flag: "wx" });
      renameSync(temp, target);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }

  addBytes(bytes: Uint8Array): FileDigest {
    const sha256 = hashBytes(bytes);
    this.putBytesSync(sha256, bytes);
    return { sha256, size: bytes.byteLength };
  }

  /**
   * Stores one file. The index is asked first, so an unchanged file that is already stored costs
   * one stat; a new file is copied and hashed in a single pass.
   */
  async addFile(path: string, index?: HashIndex): Promise<FileDigest & { hashed: boolean }> {
    const before = statOf(path);
    const known = index?.lookup(path, before);
    if (known && this.has(known)) return { sha256: known, size: Number(before.size), hashed: false };
    let digest: FileDigest;
    if (before.size <= smallFileLimit) {
      const bytes = readFileSync(path);
      digest = { sha256: hashBytes(bytes), size: bytes.byteLength };
      this.putBytesSync(digest.sha256, bytes);
    } else {
      digest = await this.copyInHashing(path);
    }
    index?.record(path, before, digest.sha256);
    return { ...digest, hashed: true };
  }

  private async copyInHashing(path: string, expected?: string): Promise<FileDigest> {
    const scratch = join(this.root, "sha256", ".incoming");
    await mkdir(scratch, { recursive: true });
    const temp = tempPathFor(join(scratch, "object"));
    try {
      const digest = await copyHashing(path, temp);
      if (expected !== undefined && digest.sha256 !== expected) {
        throw corruptObject(expected, digest.sha256, path);
      }
      const target = this.pathOf(digest.sha256);
      if (existsSync(target)) {
        await rm(temp, { force: true });
      } else {
        await mkdir(dirname(target), { recursive: true });
        await rename(temp, target);
      }
      return digest;
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /**
   * Moves a file that was written elsewhere (a download) into the store after checking its bytes
   * hash to `oid`; a mismatch deletes it and names the object and where it came from.
   */
  async adoptVerified(oid: ObjectId, tempFile: string, origin: string): Promise<void> {
    const digest = (await hashFile(tempFile)).sha256;
    const actual = isDirId(oid) ? `${digest}.dir` : digest;
    if (actual !== oid) {
      await rm(tempFile, { force: true });
      throw corruptObject(oid, actual.replace(/\.dir$/, ""), origin);
    }
    const target = this.pathOf(oid);
    await mkdir(dirname(target), { recursive: true });
    await rename(tempFile, target);
  }

  /**
   * Stores downloaded bytes after checking they hash to `oid` (temp file + rename, so the object
   * appears whole or not at all); a mismatch stores nothing and names the object and its origin.
   */
  async adoptVerifiedBytes(oid: ObjectId, bytes: Uint8Array, origin: string): Promise<void> {
    const digest = hashBytes(bytes);
    if (digest !== digestOf(oid)) throw corruptObject(oid, digest, origin);
    const target = this.pathOf(oid);
    const dir = dirname(target);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const temp = tempPathFor(target);
    try {
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /** Reads a small object once and checks it, for a push that sends the same bytes it verified. */
  async readForPush(oid: ObjectId): Promise<Buffer | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(oid));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
    return this.checkedForPush(oid, bytes);
  }

  /**
   * `readForPush` for an object known to be small: a blocking read of a few KiB costs a few
   * microseconds, the promise and thread-pool round trips of four async calls cost more than that.
   */
  readSmallForPush(oid: ObjectId): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(oid));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
    return this.checkedForPush(oid, bytes);
  }

  private checkedForPush(oid: ObjectId, bytes: Buffer): Buffer {
    const digest = hashBytes(bytes);
    if (digest !== digestOf(oid)) throw corruptInCache(oid, digest);
    return bytes;
  }

  private scratchReady = false;

  /** A scratch file name inside the store's file system, for downloads. */
  async scratchPath(oid: ObjectId): Promise<string> {
    const scratch = join(this.root, "sha256", ".incoming");
    if (!this.scratchReady) {
      await mkdir(scratch, { recursive: true });
      this.scratchReady = true;
    }
    return tempPathFor(join(scratch, oid));
  }

  /** Hashes (where the index cannot vouch) and stores every file of a tree, then its listing. */
  async addDirectory(dir: string, index: HashIndex, logger: Logger = silentLogger): Promise<TreeDigest> {
    return this.digestTree(dir, index, logger, true);
  }

  /** The tree's id as `addDirectory` would compute it, without writing to the store. */
  async statusOfDirectory(dir: string, index: HashIndex, logger: Logger = silentLogger): Promise<TreeDigest> {
    return this.digestTree(dir, index, logger, false);
  }

  private async digestTree(
    dir: string,
    index: HashIndex,
    logger: Logger,
    store: boolean,
  ): Promise<TreeDigest> {
    const known = index.knownFileCount(dir);
    const tree = await scanTree(dir, known === undefined ? {} : { expectedFiles: known });
    const { fingerprint } = tree;
    const memo = index.lookupTree(dir, fingerprint);
    // Same paths, sizes, mtimes and inodes as when the tree was last hashed: same id, nothing to read.
    if (memo && (!store || this.has(memo.oid))) {
      return { oid: memo.oid, size: memo.size, nfiles: memo.nfiles, hashed: 0 };
    }
    const { relpaths } = tree;
    const entries: DirEntry[] = [];
    let hashed = 0;
    let size = 0;
    const progress = logger.progress(store ? `adding ${dir}` : `checking ${dir}`, relpaths.length);
    // New small files are stored in bulk first (on two threads when there are many); the loop below
    // then only assembles the listing.
    const stored = new Map<number, string>();
    if (store) {
      const fresh: number[] = [];
      for (const [i, relpath] of relpaths.entries()) {
        const st = statAt(tree, i);
        if (st && st.size <= smallFileLimit && index.lookup(`${dir}/${relpath}`, st) === undefined)
          fresh.push(i);
      }
      const result = await storeManySmallFiles(
        this.root,
        fresh.map((i) => `${dir}/${relpaths[i]}`),
        (path) => {
          const bytes = readFileSync(path);
          const sha256 = hashBytes(bytes);
          this.putBytesSync(sha256, bytes);
          return sha256;
        },
      );
      hashStats.filesHashed += result.filesElsewhere;
      hashStats.bytesHashed += result.bytesElsewhere;
      for (const [k, i] of fresh.entries()) stored.set(i, result.shas[k] as string);
    }
    try {
      for (const [i, relpath] of relpaths.entries()) {
        const abs = `${dir}/${relpath}`;
        const st = statAt(tree, i);
        if (st === undefined) {
          throw new MlopsError("conflict", `${abs} disappeared while ${dir} was being read`, {
            hint: "run again once nothing else is writing to it",
          });
        }
        const storedNow = stored.get(i);
        let sha256 = storedNow ?? index.lookup(abs, st);
        if (storedNow !== undefined) {
          hashed += 1;
          index.record(abs, st, storedNow);
        } else if (sha256 === undefined) {
          hashed += 1;
          if (st.size <= smallFileLimit) {
            const bytes = readFileSync(abs);
            sha256 = hashBytes(bytes);
            if (store) this.putBytesSync(sha256, bytes);
          } else {
            sha256 = store ? (await this.copyInHashing(abs)).sha256 : (await hashFile(abs)).sha256;
          }
          index.record(abs, st, sha256);
        } else if (store && !this.has(sha256)) {
          await this.addFile(abs);
        }
        if (sha256 === undefined) throw new MlopsError("internal", `no hash for ${abs}`);
        entries.push({ relpath, sha256, size: Number(st.size) });
        size += Number(st.size);
        progress.tick();
      }
    } finally {
      progress.done();
    }
    // Entries were built with keys in listing order, so sorting them is all canonical form needs.
    sortEntries(entries);
    const listing = Buffer.from(JSON.stringify(entries));
    const oid = listingId(listing);
    // The listing goes in last: its presence promises that every file it names is stored too.
    if (store) this.putBytesSync(oid, listing);
    index.recordTree(dir, { fingerprint, oid, size, nfiles: entries.length });
    return { oid, size, nfiles: entries.length, hashed };
  }

  /** A single file's digest, read only when the index cannot vouch for it. */
  async statusOfFile(path: string, index: HashIndex): Promise<FileDigest & { hashed: boolean }> {
    const st = statOf(path);
    const known = index.lookup(path, st);
    if (known) return { sha256: known, size: Number(st.size), hashed: false };
    const digest = await hashFile(path);
    index.record(path, st, digest.sha256);
    return { ...digest, hashed: true };
  }

  /** The object's bytes, refused unless they hash to its id. */
  async readVerified(oid: ObjectId): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(oid)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT")
        throw new MlopsError("not-found", `object ${oid} is not in the cache`, { field: oid });
      throw err;
    });
    const actual = hashBytes(bytes);
    if (actual !== digestOf(oid)) throw corruptObject(oid, actual, "the cache");
    return bytes;
  }

  async readDirListing(oid: ObjectId): Promise<DirEntry[]> {
    return parseListing(await this.readVerified(oid), oid);
  }

  /** Hashes the stored object again. */
  async verify(oid: ObjectId): Promise<{ ok: boolean; actual?: string; missing?: boolean }> {
    const path = this.pathOf(oid);
    if (!existsSync(path)) return { ok: false, missing: true };
    const { sha256 } = await hashFile(path);
    return sha256 === digestOf(oid) ? { ok: true } : { ok: false, actual: sha256 };
  }

  /**
   * Copies an object out to `dest`, verifying the bytes on the way; `dest` appears whole or not at all.
   * With `within` (the repository root), a destination whose real path leaves it is refused first.
   */
  async checkoutFile(oid: ObjectId, dest: string, index?: HashIndex, within?: string): Promise<void> {
    if (within !== undefined) assertWriteInside(within, dest);
    const source = this.pathOf(oid);
    if (!existsSync(source)) {
      throw new MlopsError("not-found", `object ${oid} is not in the cache`, {
        field: oid,
        hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
      });
    }
    await mkdir(dirname(dest), { recursive: true });
    const temp = tempPathFor(dest);
    try {
      const size = (await stat(source)).size;
      let actual: string;
      if (size <= smallFileLimit) {
        const bytes = readFileSync(source);
        actual = hashBytes(bytes);
        if (actual === oid) writeFileSync(temp, bytes, { flag: "wx" });
      } else {
        actual = (await copyHashing(source, temp)).sha256;
      }
      if (actual !== oid) throw corruptObject(oid, actual, "the cache");
      await rename(temp, dest);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    index?.record(dest, statOf(dest), oid);
  }

  /**
   * Makes `destDir` hold exactly the tree `oid` names: files already matching (by the index or by
   * hash) stay, others are written verified, and files not in the listing are removed.
   */
  async checkoutDirectory(
    oid: ObjectId,
    destDir: string,
    index: HashIndex,
    logger: Logger = silentLogger,
    within?: string,
  ): Promise<CheckoutResult> {
    const entries = await this.readDirListing(oid);
    // The directory itself first: a symlink to elsewhere would have its files removed and replaced.
    if (within !== undefined) assertWriteInside(within, destDir);
    if (entries.length >= bulkCheckoutThreshold && !existsSync(destDir)) {
      return this.checkoutFreshDirectory(entries, destDir, index, logger);
    }
    const wanted = new Set(entries.map((e) => e.relpath));
    const result: CheckoutResult = { written: 0, unchanged: 0, removed: 0 };
    const present = existsSync(destDir) ? walkFiles(destDir) : [];
    for (const relpath of present) {
      if (!wanted.has(relpath)) {
        await rm(join(destDir, relpath), { force: true });
        result.removed += 1;
      }
    }
    const progress = logger.progress(`checking out ${destDir}`, entries.length);
    try {
      for (const entry of entries) {
        const dest = join(destDir, entry.relpath);
        if (existsSync(dest) && index.lookup(dest, statOf(dest)) === entry.sha256) {
          result.unchanged += 1;
        } else {
          await this.checkoutFile(entry.sha256, dest, index, within);
          result.written += 1;
        }
        progress.tick();
      }
    } finally {
      progress.done();
    }
    return result;
  }

  /**
   * Builds a tree that does not exist yet inside a temp directory beside it and renames that into
   * place once every file is in and verified: the tree appears whole or not at all, so its files need
   * no temp name and rename each, and nothing inside it can be a symbolic link leading elsewhere.
   */
  private async checkoutFreshDirectory(
    entries: readonly DirEntry[],
    destDir: string,
    index: HashIndex,
    logger: Logger,
  ): Promise<CheckoutResult> {
    const temp = tempPathFor(destDir);
    const progress = logger.progress(`checking out ${destDir}`, entries.length);
    const small = entries.filter((e) => e.size <= smallFileLimit);
    const large = entries.filter((e) => e.size > smallFileLimit);
    let stats: Float64Array | undefined;
    try {
      await mkdir(temp, { recursive: true });
      const outcome = await copyVerifiedMany(
        small.map((e) => ({ src: this.pathOf(e.sha256), dest: join(temp, e.relpath), sha256: e.sha256 })),
        { atomic: false, stats: true },
      );
      const failed = outcome.failure;
      if (failed) {
        const oid = (small[failed.index] as DirEntry).sha256;
        if (failed.kind === "corrupt") throw corruptObject(oid, failed.actual ?? "", "the cache");
        if (failed.kind === "missing") {
          throw new MlopsError("not-found", `object ${oid} is not in the cache`, {
            field: oid,
            hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
          });
        }
        throw new MlopsError("internal", `could not check ${oid} out into ${destDir}: ${failed.message}`, {
          field: oid,
        });
      }
      stats = outcome.stats;
      progress.tick(small.length);
      for (const entry of large) {
        await this.checkoutFile(entry.sha256, join(temp, entry.relpath));
        progress.tick();
      }
      await rename(temp, destDir);
    } catch (err) {
      await rm(temp, { recursive: true, force: true });
      throw err;
    } finally {
      progress.done();
    }
    // The rename kept every file's inode and mtime, so what the copy measured is what the index keys on.
    for (const [i, entry] of small.entries()) {
      const at = i * 3;
      const st = { size: stats?.[at] ?? 0, mtimeMs: stats?.[at + 1] ?? 0, ino: stats?.[at + 2] ?? 0 };
      index.record(join(destDir, entry.relpath), st, entry.sha256);
    }
    for (const entry of large) {
      const dest = join(destDir, entry.relpath);
      index.record(dest, statOf(dest), entry.sha256);
    }
    return { written: entries.length, unchanged: 0, removed: 0 };
  }

  /** Every object in the store (temp files and scratch space are not objects). */
  listObjects(): ObjectId[] {
    const base = join(this.root, "sha256");
    if (!existsSync(base)) return [];
    const out: ObjectId[] = [];
    for (const prefix of readdirSync(base)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const rest of readdirSync(join(base, prefix))) {
        if (isTempName(rest)) continue;
        const oid = prefix + rest;
        if (isObjectId(oid)) out.push(oid);
      }
    }
    return out.sort();
  }

  async remove(oid: ObjectId): Promise<void> {
    await rm(this.pathOf(oid), { force: true });
  }

  /** Leftovers of killed writes: temp files are never objects, so removing them is always safe. */
  async removeLeftovers(): Promise<number> {
    const base = join(this.root, "sha256");
    if (!existsSync(base)) return 0;
    let removed = 0;
    for (const sub of readdirSync(base)) {
      const dir = join(base, sub);
      // A fan-out directory a killed bulk copy was filling under a temp name (copy-many.ts).
      if (isTempName(sub)) {
        await rm(dir, { recursive: true, force: true });
        removed += 1;
        continue;
      }
      for (const name of readdirSync(dir)) {
        if (isTempName(name)) {
          await rm(join(dir, name), { force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }
}
