import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { isTempName, tempPathFor } from "../files/index.js";
import { isObjectId, type ObjectId, objectPathIn } from "./object-id.js";
import { checkRecordPath } from "./record-path.js";

/**
 * Where objects go when they leave this machine. Every kind of remote (a directory, an objects
 * branch of a git repository) is used only through this interface, so push, pull, verify and gc
 * never learn which one they talk to.
 */
export interface Remote {
  readonly name: string;
  readonly url: string;
  /** Which of `oids` the remote holds. */
  has(oids: readonly ObjectId[]): Promise<Set<ObjectId>>;
  list(): Promise<ObjectId[]>;
  /** Must be atomic on the remote: a reader never sees a partial object under its final name. */
  upload(oid: ObjectId, srcPath: string): Promise<void>;
  /**
   * `upload` that hashes the bytes as it reads them and makes nothing visible unless they hash to
   * `oid` (optional; a mismatch is `corruptInCache`'s error). A remote that reads every byte anyway
   * (S3's parts) spares the caller a separate verifying read of each object.
   */
  uploadChecked?(oid: ObjectId, srcPath: string): Promise<void>;
  /** Writes the object's bytes to `destPath` (a scratch file); the caller verifies them. */
  download(oid: ObjectId, destPath: string): Promise<void>;
  /**
   * Small objects in memory (optional): a push reads, verifies and sends an object with one read,
   * a pull hashes what it received before writing it once. Same atomicity as `upload`/`download`.
   */
  uploadBytes?(oid: ObjectId, bytes: Uint8Array): Promise<void>;
  downloadBytes?(oid: ObjectId): Promise<Buffer>;
  /**
   * Many objects at once where one call serves them all (the objects branch hashes them with one
   * git process); staged or placed with the same atomicity as `upload`. The caller verified them.
   */
  uploadMany?(items: readonly { oid: ObjectId; srcPath: string }[]): Promise<void>;
  /** Many small objects' bytes in one call (the objects branch: one `git cat-file --batch`); the caller verifies each. */
  downloadManyBytes?(oids: readonly ObjectId[]): Promise<Map<ObjectId, Buffer>>;
  remove(oid: ObjectId): Promise<void>;
  /** Removes many at once where the remote can (S3 deletes 1,000 keys a request); `onRemoved` counts progress. */
  removeMany?(oids: readonly ObjectId[], onRemoved?: (n: number) => void): Promise<void>;
  /**
   * For a remote that is a directory on this machine: the file an object is read from, so a pull of
   * many small objects copies them straight into the cache on a few threads, hashing each on the way.
   */
  localReadPath?(oid: ObjectId): string;
  /**
   * The same for writing: a push copies many small objects straight from the cache, verified on
   * the way and each renamed into place from a temp name (the atomicity `upload` promises). A
   * read-only wrapper leaves it out, so writes still go through `upload`, which refuses.
   */
  localWritePath?(oid: ObjectId): string;
  /** Aborts multipart uploads a killed push left unfinished (S3); returns how many. */
  abortUnfinishedUploads?(): Promise<number>;
  /** A small named record beside the objects (a run-cache entry: `runs/ab/<key>.json`); undefined when absent. */
  readRecord(relPath: string): Promise<Buffer | undefined>;
  /** Writes a record atomically. */
  writeRecord(relPath: string, bytes: Uint8Array): Promise<void>;
  /**
   * Makes staged writes visible. A remote that batches (the objects branch writes one commit per
   * push) stages in upload/writeRecord/remove and publishes here; every caller that writes calls it.
   */
  flush?(): Promise<void>;
}

/** From this many objects on, `has` lists prefix directories instead of looking each object up. */
const listingThreshold = 64;

/** A directory on a local or mounted file system, laid out like the cache. */
export class LocalRemote implements Remote {
  private readonly objectsDir: string;

  constructor(
    readonly name: string,
    readonly url: string,
    readonly root: string,
  ) {
    this.objectsDir = join(root, "sha256");
  }

  private pathOf(oid: ObjectId): string {
    return objectPathIn(this.objectsDir, oid);
  }

  localReadPath(oid: ObjectId): string {
    return this.pathOf(oid);
  }

  localWritePath(oid: ObjectId): string {
    return this.pathOf(oid);
  }

  private recordPath(relPath: string): string {
    return join(this.root, checkRecordPath(relPath));
  }

  async readRecord(relPath: string): Promise<Buffer | undefined> {
    const path = this.recordPath(relPath);
    return existsSync(path) ? readFile(path) : undefined;
  }

  async writeRecord(relPath: string, bytes: Uint8Array): Promise<void> {
    const target = this.recordPath(relPath);
    await mkdir(dirname(target), { recursive: true });
    const temp = tempPathFor(target);
    try {
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw new MlopsError("remote", `could not write ${relPath} to remote '${this.name}' (${this.url})`, {
        cause: err,
      });
    }
  }

  /**
   * Asks the file system once per object for a few, and reads each prefix directory once for many:
   * 10,000 objects spread over at most 256 directories, so a listing costs a fraction of the lookups.
   */
  async has(oids: readonly ObjectId[]): Promise<Set<ObjectId>> {
    if (oids.length < listingThreshold) return new Set(oids.filter((oid) => existsSync(this.pathOf(oid))));
    const byPrefix = new Map<string, ObjectId[]>();
    for (const oid of oids) {
      const prefix = oid.slice(0, 2);
      const group = byPrefix.get(prefix);
      if (group) group.push(oid);
      else byPrefix.set(prefix, [oid]);
    }
    const present = new Set<ObjectId>();
    try {
      // Which prefix directories exist, first: a fresh remote answers with one call, not 256
      // that each fail. Synchronous: a few hundred small listings cost less than their promises.
      const base = this.objectsDir;
      const prefixes = new Set(existsSync(base) ? readdirSync(base) : []);
      for (const [prefix, group] of byPrefix) {
        if (!prefixes.has(prefix)) continue;
        const names = new Set(readdirSync(join(base, prefix)));
        for (const oid of group) if (names.has(oid.slice(2))) present.add(oid);
      }
    } catch (err) {
      // Removed meanwhile (a gc): asked again one at a time.
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        return new Set(oids.filter((oid) => existsSync(this.pathOf(oid))));
      throw new MlopsError("remote", `could not list remote '${this.name}' (${this.url})`, { cause: err });
    }
    return present;
  }

  async list(): Promise<ObjectId[]> {
    const base = join(this.root, "sha256");
    if (!existsSync(base)) return [];
    const out: ObjectId[] = [];
    for (const prefix of readdirSync(base)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const rest of readdirSync(join(base, prefix))) {
        if (!isTempName(rest) && isObjectId(prefix + rest)) out.push(prefix + rest);
      }
    }
    return out.sort();
  }

  private readonly madeDirs = new Set<string>();

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  async uploadBytes(oid: ObjectId, bytes: Uint8Array): Promise<void> {
    await this.place(oid, (temp) => writeFile(temp, bytes, { flag: "wx" }));
  }

  /** Writes an object under a temporary name and renames it into place, so it appears whole or not at all. */
  private async place(oid: ObjectId, write: (temp: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(oid);
    await this.ensureDir(dirname(target));
    const temp = tempPathFor(target);
    try {
      await write(temp);
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw new MlopsError("remote", `could not upload ${oid} to remote '${this.name}' (${this.url})`, {
        cause: err,
        field: oid,
      });
    }
  }

  async downloadBytes(oid: ObjectId): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(oid));
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
      throw new MlopsError(
        missing ? "not-found" : "remote",
        `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`,
        { cause: err, field: oid },
      );
    }
  }

  async upload(oid: ObjectId, srcPath: string): Promise<void> {
    await this.place(oid, (temp) => copyFile(srcPath, temp));
  }

  async download(oid: ObjectId, destPath: string): Promise<void> {
    try {
      await copyFile(this.pathOf(oid), destPath);
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
      throw new MlopsError(
        missing ? "not-found" : "remote",
        `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`,
        {
          cause: err,
          field: oid,
        },
      );
    }
  }

  async remove(oid: ObjectId): Promise<void> {
    await rm(this.pathOf(oid), { force: true });
  }
}

export interface RemoteSpec {
  name: string;
  url: string;
  /** S3 remotes only: an S3-compatible endpoint URL (MinIO, R2, …); AWS itself when absent. */
  endpoint?: string;
  /** S3 remotes only: the bucket's region; else the SDK's (AWS_REGION, the profile), else us-east-1 with an endpoint. */
  region?: string;
  /** S3 remotes only: path-style addressing (`endpoint/bucket/key`), which most self-hosted stores need. */
  pathStyle?: boolean;
  /** Concurrent transfers; S3 remotes size their connection pool by it. */
  jobs?: number;
}
