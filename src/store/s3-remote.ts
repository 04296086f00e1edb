import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type FileHandle, open, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type {
  CompletedPart,
  GetObjectCommandOutput,
  ListMultipartUploadsCommandOutput,
  ListObjectsV2CommandOutput,
  S3Client,
} from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { MlopsError } from "../errors/index.js";
import { corruptInCache } from "./cache-errors.js";
import { digestOf, isObjectId, type ObjectId } from "./object-id.js";
import { checkRecordPath } from "./record-path.js";
import type { Remote } from "./remote.js";
import {
  createS3Client,
  isS3NotFound,
  type S3Location,
  s3ErrorCode,
  s3Failure,
  s3Status,
} from "./s3-client.js";

/**
 * Objects at or below this size go up in one PutObject carrying their sha256 (already known: it is
 * the object's name), which S3 checks before the object exists. Larger ones go up in parts.
 */
export const multipartThreshold = 16 * 1024 * 1024;
/** 16 MiB parts: a 1 GiB object is 64 parts, far below S3's 10,000, and each part is retried alone. */
const partSize = 16 * 1024 * 1024;
/**
 * Parts in flight at once, across every large object this remote is sending: memory stays at
 * `partsInFlight × partSize` (128 MiB) however many large objects `-j` sends side by side.
 */
const partsInFlight = 8;

/** One listing request covers up to 1,000 keys; one HEAD covers one. */
const keysPerListing = 1000;

/** Fills `into` from `file` at `position`; a file that ends early changed under us. */
async function readFully(file: FileHandle, into: Buffer, position: number, path: string): Promise<void> {
  let filled = 0;
  while (filled < into.byteLength) {
    const { bytesRead } = await file.read(into, filled, into.byteLength - filled, position + filled);
    if (bytesRead === 0) {
      throw new MlopsError("io", `${path} became shorter while it was being uploaded`, {
        hint: "something changed the cache object mid-push: run `mlops data verify --repair`",
      });
    }
    filled += bytesRead;
  }
}

/** Writes a response body into `file` from `position` on, chunk by chunk as it arrives. */
async function writeBodyAt(file: FileHandle, body: unknown, position: number): Promise<void> {
  let at = position;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    let written = 0;
    while (written < chunk.byteLength) {
      const { bytesWritten } = await file.write(chunk, written, chunk.byteLength - written, at + written);
      written += bytesWritten;
    }
    at += chunk.byteLength;
  }
}

function base64OfHex(hex: string): string {
  return Buffer.from(hex, "hex").toString("base64");
}

/**
 * A bucket (and prefix) of S3 or of any store that speaks its protocol, laid out like the cache:
 * `PREFIX/sha256/ab/cdef…[.dir]` and run-cache records at `PREFIX/runs/ab/<key>.json`.
 *
 * Every upload carries its SHA-256, which the server checks before the object exists; a PUT and a
 * completed multipart upload are atomic on S3, so a reader sees an object whole or not at all.
 */
export class S3Remote implements Remote {
  private clientPromise: Promise<S3Client> | undefined;
  private readonly where: string;
  private readonly limit: ReturnType<typeof pLimit>;

  private readonly journalDir: string | undefined;
  private readonly partSlots = pLimit(partsInFlight);
  /** Part buffers not in use, kept for the next part rather than allocated and collected each time. */
  private readonly partBuffers: Buffer[] = [];
  private cleanupPromise: Promise<void> | undefined;

  constructor(
    readonly name: string,
    readonly url: string,
    readonly location: S3Location,
    options: { jobs?: number; journalDir?: string } = {},
  ) {
    this.journalDir = options.journalDir;
    this.where = `remote '${name}' (${url}${location.endpoint ? ` at ${location.endpoint}` : ""})`;
    // Existence checks fan out through here; transfers are limited by their caller's -j.
    this.limit = pLimit(options.jobs ?? 16);
  }

  /**
   * The client, after one listing request that proves the bucket exists and the credentials work:
   * a wrong secret or a missing bucket is then one clear error before any transfer starts, rather
   * than one per object.
   */
  private client(): Promise<S3Client> {
    this.clientPromise ??= (async () => {
      const client = await createS3Client(this.location);
      // Every multipart upload is journaled before its first part is sent, so a push killed midway
      // leaves a note the next push uses to abort it (stores without ListMultipartUploads included).
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const result = await next(args);
          if (context.commandName === "CreateMultipartUploadCommand") {
            const input = args.input as { Key?: string };
            const uploadId = (result.output as { UploadId?: string }).UploadId;
            if (input.Key && uploadId) this.journal(input.Key, uploadId);
          }
          return result;
        },
        { step: "initialize", name: "mlopsJournalMultipart" },
      );
      const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
      try {
        await client.send(
          new ListObjectsV2Command({
            Bucket: this.location.bucket,
            Prefix: this.location.prefix,
            MaxKeys: 1,
          }),
        );
      } catch (err) {
        client.destroy();
        throw s3Failure(err, "checking the bucket", this.where, this.location.bucket);
      }
      return client;
    })();
    // A failed check is not cached: the next call (after the person fixed the cause) tries again.
    this.clientPromise.catch(() => {
      this.clientPromise = undefined;
    });
    return this.clientPromise;
  }

  private journalPath(uploadId: string): string | undefined {
    return this.journalDir
      ? join(this.journalDir, `${uploadId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`)
      : undefined;
  }

  private journal(key: string, uploadId: string): void {
    const path = this.journalPath(uploadId);
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ bucket: this.location.bucket, key, uploadId }));
  }

  private unjournal(uploadId: string | undefined): void {
    const path = uploadId ? this.journalPath(uploadId) : undefined;
    if (path) rmSync(path, { force: true });
  }

  /** Once per process before the first write: abort the uploads earlier pushes journaled and never finished. */
  private cleanUpInterrupted(): Promise<void> {
    this.cleanupPromise ??= (async () => {
      if (!this.journalDir || !existsSync(this.journalDir)) return;
      const client = await this.client();
      const { AbortMultipartUploadCommand } = await import("@aws-sdk/client-s3");
      for (const name of readdirSync(this.journalDir)) {
        if (!name.endsWith(".json")) continue;
        const path = join(this.journalDir, name);
        let note: { bucket?: string; key?: string; uploadId?: string };
        try {
          note = JSON.parse(readFileSync(path, "utf8"));
        } catch {
          rmSync(path, { force: true });
          continue;
        }
        if (note.bucket !== this.location.bucket || !note.key || !note.uploadId) continue;
        try {
          await client.send(
            new AbortMultipartUploadCommand({ Bucket: note.bucket, Key: note.key, UploadId: note.uploadId }),
          );
        } catch (err) {
          // Already completed or aborted: nothing is left to clean.
          if (!isS3NotFound(err) && s3ErrorCode(err) !== "NoSuchUpload")
            throw this.fail(err, `aborting an unfinished upload of ${note.key}`);
        }
        rmSync(path, { force: true });
      }
    })();
    return this.cleanupPromise;
  }

  private keyOf(oid: ObjectId): string {
    return `${this.location.prefix}sha256/${oid.slice(0, 2)}/${oid.slice(2)}`;
  }

  private oidOfKey(key: string): ObjectId | undefined {
    const rest = key.slice(this.location.prefix.length);
    const match = /^sha256\/([0-9a-f]{2})\/([^/]+)$/.exec(rest);
    if (!match) return undefined;
    const oid = `${match[1]}${match[2]}`;
    return isObjectId(oid) ? oid : undefined;
  }

  private fail(err: unknown, what: string, oid?: ObjectId): MlopsError {
    const failure = s3Failure(err, what, this.where, this.location.bucket);
    return oid && !failure.field
      ? new MlopsError(failure.code, failure.message, {
          field: oid,
          ...(failure.hint ? { hint: failure.hint } : {}),
          cause: failure.cause,
        })
      : failure;
  }

  /**
   * Keys under one `sha256/ab/` prefix come back sorted, so the ones asked about are found by listing
   * from just before the first to past the last: one request per 1,000 keys in that range instead of
   * one per object. A sparse question about a crowded prefix is answered by HEAD instead.
   */
  async has(oids: readonly ObjectId[]): Promise<Set<ObjectId>> {
    const client = await this.client();
    const { HeadObjectCommand, ListObjectsV2Command } = await import("@aws-sdk/client-s3");
    const groups = new Map<string, string[]>();
    for (const oid of new Set(oids)) {
      const key = this.keyOf(oid);
      const dir = key.slice(0, key.lastIndexOf("/") + 1);
      const group = groups.get(dir);
      if (group) group.push(key);
      else groups.set(dir, [key]);
    }
    const found = new Set<ObjectId>();
    const head = async (key: string): Promise<void> => {
      try {
        await client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
        const oid = this.oidOfKey(key);
        if (oid) found.add(oid);
      } catch (err) {
        if (!isS3NotFound(err)) throw this.fail(err, `checking ${key}`);
      }
    };
    const listRange = async (dir: string, keys: string[]): Promise<void> => {
      keys.sort();
      const wanted = new Set(keys);
      const last = keys[keys.length - 1] as string;
      let token: string | undefined;
      let pages = 0;
      let unseen = keys.length;
      let lastListed = "";
      do {
        // Cheaper to ask about the rest one by one than to keep paging through a crowded prefix.
        if (pages > 0 && pages * 2 >= unseen) {
          const rest = keys.filter((k) => k > lastListed);
          const one = pLimit(4);
          await Promise.all(rest.map((k) => one(() => head(k))));
          return;
        }
        let page: ListObjectsV2CommandOutput;
        try {
          page = await client.send(
            new ListObjectsV2Command({
              Bucket: this.location.bucket,
              Prefix: dir,
              // A strict prefix of the first key sorts just before it.
              ...(token ? { ContinuationToken: token } : { StartAfter: (keys[0] as string).slice(0, -1) }),
              MaxKeys: keysPerListing,
            }),
          );
        } catch (err) {
          throw this.fail(err, `listing ${dir}`);
        }
        pages += 1;
        let pastLast = false;
        for (const entry of page.Contents ?? []) {
          const key = entry.Key ?? "";
          if (wanted.has(key)) {
            const oid = this.oidOfKey(key);
            if (oid) found.add(oid);
            unseen -= 1;
          }
          if (key >= last) pastLast = true;
          lastListed = key;
        }
        if (pastLast || !page.IsTruncated) return;
        token = page.NextContinuationToken;
      } while (token);
    };
    await Promise.all(
      [...groups].map(([dir, keys]) =>
        keys.length <= 2
          ? Promise.all(keys.map((key) => this.limit(() => head(key))))
          : this.limit(() => listRange(dir, keys)),
      ),
    );
    return found;
  }

  async list(): Promise<ObjectId[]> {
    const client = await this.client();
    const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
    // The 256 `sha256/ab/` prefixes are listed side by side: a big remote lists in 1/16 of the time.
    const hex = [..."0123456789abcdef"];
    const dirs = hex.flatMap((a) => hex.map((b) => `${this.location.prefix}sha256/${a}${b}/`));
    const out: ObjectId[] = [];
    await Promise.all(
      dirs.map((dir) =>
        this.limit(async () => {
          let token: string | undefined;
          do {
            let page: {
              Contents?: { Key?: string }[];
              NextContinuationToken?: string;
              IsTruncated?: boolean;
            };
            try {
              page = await client.send(
                new ListObjectsV2Command({
                  Bucket: this.location.bucket,
                  Prefix: dir,
                  ...(token ? { ContinuationToken: token } : {}),
                }),
              );
            } catch (err) {
              throw this.fail(err, `listing ${dir}`);
            }
            for (const entry of page.Contents ?? []) {
              const oid = this.oidOfKey(entry.Key ?? "");
              if (oid) out.push(oid);
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
          } while (token);
        }),
      ),
    );
    return out.sort();
  }

  /** Every upload here checks what it sends (see `uploadChecked`): it reads every byte anyway. */
  upload(oid: ObjectId, srcPath: string): Promise<void> {
    return this.uploadChecked(oid, srcPath);
  }

  async uploadChecked(oid: ObjectId, srcPath: string): Promise<void> {
    const client = await this.client();
    await this.cleanUpInterrupted();
    const key = this.keyOf(oid);
    const { size } = await stat(srcPath);
    if (size > multipartThreshold) return this.uploadInParts(client, oid, key, srcPath, size);
    const bytes = await readFile(srcPath);
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (digest !== digestOf(oid)) throw corruptInCache(oid, digest);
    await this.uploadBytes(oid, bytes);
  }

  /**
   * Parts go up side by side, each read straight from the file into a part buffer. They are read
   * in order, one at a time (quick, next to sending them), so the object's SHA-256 follows the very
   * bytes that leave; the upload completes, and the object appears, only if that matches its name.
   * Each part carries its own SHA-256, which the server checks (and which signs the part, see
   * createS3Client). Afterwards any other unfinished upload of the same key (one a killed push left behind)
   * is aborted, so its parts stop costing storage: the key now holds the whole object.
   *
   * The SDK's commands are used directly rather than lib-storage's `Upload`: that helper copies
   * each part out of a stream into a fresh buffer and hashes it again through the SDK's checksum
   * path, which made a 1 GiB push cost 2.5 s more CPU here (scripts/bench, s3-push-1gib), and it
   * could not check the whole object's hash before completing.
   */
  private async uploadInParts(
    client: S3Client,
    oid: ObjectId,
    key: string,
    srcPath: string,
    size: number,
  ): Promise<void> {
    const {
      AbortMultipartUploadCommand,
      CompleteMultipartUploadCommand,
      CreateMultipartUploadCommand,
      UploadPartCommand,
    } = await import("@aws-sdk/client-s3");
    const Bucket = this.location.bucket;
    const file = await open(srcPath, "r");
    let uploadId: string | undefined;
    try {
      try {
        const created = await client.send(
          new CreateMultipartUploadCommand({ Bucket, Key: key, ChecksumAlgorithm: "SHA256" }),
        );
        uploadId = created.UploadId;
      } catch (err) {
        throw this.fail(err, `uploading ${oid}`, oid);
      }
      if (!uploadId) {
        throw new MlopsError("remote", `${this.where} started no multipart upload for ${oid} (no UploadId)`, {
          field: oid,
        });
      }
      const UploadId = uploadId;
      const count = Math.ceil(size / partSize);
      const parts: CompletedPart[] = new Array(count);
      const whole = createHash("sha256");
      let reading: Promise<void> = Promise.resolve();
      const sendPart = async (index: number): Promise<void> => {
        const buffer = this.partBuffers.pop() ?? Buffer.allocUnsafe(partSize);
        try {
          const start = index * partSize;
          const body = buffer.subarray(0, Math.min(partSize, size - start));
          // Slots start parts in index order, so chaining the reads keeps them in file order.
          reading = reading.then(async () => {
            await readFully(file, body, start, srcPath);
            whole.update(body);
          });
          await reading;
          const checksum = createHash("sha256").update(body).digest("base64");
          const answer = await client.send(
            new UploadPartCommand({
              Bucket,
              Key: key,
              UploadId,
              PartNumber: index + 1,
              Body: body,
              ContentLength: body.byteLength,
              ChecksumSHA256: checksum,
            }),
          );
          parts[index] = { PartNumber: index + 1, ETag: answer.ETag, ChecksumSHA256: checksum };
        } finally {
          this.partBuffers.push(buffer);
        }
      };
      try {
        await this.inPartSlots(count, sendPart);
        const digest = whole.digest("hex");
        if (digest !== digestOf(oid)) throw corruptInCache(oid, digest);
        await client.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key: key,
            UploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      } catch (err) {
        // Our parts stop costing storage now; if even that fails, the journal lets the next push try.
        const aborted = await client
          .send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId }))
          .then(
            () => true,
            (abortErr: unknown) => s3ErrorCode(abortErr) === "NoSuchUpload",
          );
        if (aborted) this.unjournal(UploadId);
        // A racing push of the same object may have completed it and aborted ours: the key is whole.
        if (!(err instanceof MlopsError) && (await this.exists(client, key))) return;
        throw this.fail(err, `uploading ${oid}`, oid);
      }
    } finally {
      await file.close();
    }
    this.unjournal(uploadId);
    await this.abortUnfinishedUploads(key);
  }

  /**
   * Runs `task(0 … count-1)` through the part slots (uploads' parts and downloads' ranges share
   * them). After the first failure no further task starts; the ones running are waited for, so
   * none still writes when the caller cleans up, and the first failure is thrown.
   */
  private async inPartSlots(count: number, task: (index: number) => Promise<void>): Promise<void> {
    let failed = false;
    const settled = await Promise.allSettled(
      Array.from({ length: count }, (_, index) =>
        this.partSlots(async () => {
          if (failed) return;
          try {
            await task(index);
          } catch (err) {
            failed = true;
            throw err;
          }
        }),
      ),
    );
    const rejected = settled.find((outcome) => outcome.status === "rejected");
    if (rejected) throw rejected.reason;
  }

  private async exists(client: S3Client, key: string): Promise<boolean> {
    const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
    try {
      await client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Aborts unfinished multipart uploads under `keyPrefix` (one key, or the whole remote for gc);
   * returns how many. An upload started by a push that is still running is aborted too when it is
   * the same key: that push then finds the key whole and succeeds (S3 objects here are immutable).
   */
  async abortUnfinishedUploads(keyPrefix: string = this.location.prefix): Promise<number> {
    const client = await this.client();
    await this.cleanUpInterrupted();
    const { AbortMultipartUploadCommand, ListMultipartUploadsCommand } = await import("@aws-sdk/client-s3");
    let aborted = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      let page: ListMultipartUploadsCommandOutput;
      try {
        page = await client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.location.bucket,
            Prefix: keyPrefix,
            ...(keyMarker ? { KeyMarker: keyMarker } : {}),
            ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
          }),
        );
      } catch (err) {
        // Some stores (s3s-fs among them) cannot list uploads; the journal still cleans ours.
        if (s3ErrorCode(err) === "NotImplemented" || s3Status(err) === 501) return aborted;
        throw this.fail(err, "listing unfinished uploads");
      }
      for (const item of page.Uploads ?? []) {
        if (!item.Key || !item.UploadId) continue;
        try {
          await client.send(
            new AbortMultipartUploadCommand({
              Bucket: this.location.bucket,
              Key: item.Key,
              UploadId: item.UploadId,
            }),
          );
          aborted += 1;
        } catch (err) {
          // Finished or aborted by someone else meanwhile: either way it is gone.
          if (!isS3NotFound(err) && (err as { name?: string }).name !== "NoSuchUpload") throw err;
        }
      }
      if (!page.IsTruncated) return aborted;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }

  async uploadBytes(oid: ObjectId, bytes: Uint8Array): Promise<void> {
    const client = await this.client();
    await this.cleanUpInterrupted();
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: this.location.bucket,
          Key: this.keyOf(oid),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ChecksumSHA256: base64OfHex(digestOf(oid)),
        }),
      );
    } catch (err) {
      throw this.fail(err, `uploading ${oid}`, oid);
    }
  }

  async downloadBytes(oid: ObjectId): Promise<Buffer> {
    return this.readObject(oid, async (body) =>
      Buffer.from(await (body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()),
    );
  }

  /**
   * The first `partSize` bytes come with the object's size; the rest, if any, come down in ranges
   * of that size, `partsInFlight` at once (shared with uploads' parts), each written at its place
   * in the scratch file. Objects are immutable here, so ranges cannot mix two versions.
   */
  async download(oid: ObjectId, destPath: string): Promise<void> {
    const file = await open(destPath, "w");
    try {
      const first = await this.readObject(
        oid,
        async (body, total) => {
          await writeBodyAt(file, body, 0);
          return total;
        },
        { start: 0, end: partSize - 1 },
      );
      const rest = Math.max(0, Math.ceil(first / partSize) - 1);
      await this.inPartSlots(rest, (index) => {
        const start = (index + 1) * partSize;
        return this.readObject(oid, (body) => writeBodyAt(file, body, start), {
          start,
          end: Math.min(start + partSize, first) - 1,
        });
      });
    } finally {
      await file.close();
    }
  }

  /**
   * Gets the object (or a range of it) and hands its body and the whole object's size to
   * `consume`; a missing object is a not-found error. An empty object has no first byte to ask
   * for, so a refused range (416) is asked again whole.
   */
  private async readObject<T>(
    oid: ObjectId,
    consume: (body: unknown, total: number) => Promise<T>,
    range?: { start: number; end: number },
  ): Promise<T> {
    const client = await this.client();
    const { GetObjectCommand } = await import("@aws-sdk/client-s3");
    try {
      let response: GetObjectCommandOutput;
      try {
        response = await client.send(
          new GetObjectCommand({
            Bucket: this.location.bucket,
            Key: this.keyOf(oid),
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
      } catch (err) {
        if (range?.start !== 0 || s3Status(err) !== 416) throw err;
        response = await client.send(
          new GetObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(oid) }),
        );
      }
      // "bytes 0-15/1024": the size after the slash; a whole-object answer has its length.
      const total = Number(/\/(\d+)$/.exec(response.ContentRange ?? "")?.[1] ?? response.ContentLength ?? 0);
      return await consume(response.Body, total);
    } catch (err) {
      if (isS3NotFound(err)) {
        throw new MlopsError("not-found", `object ${oid} is not on ${this.where}`, {
          cause: err,
          field: oid,
        });
      }
      throw this.fail(err, `downloading ${oid}`, oid);
    }
  }

  async remove(oid: ObjectId): Promise<void> {
    await this.removeMany([oid]);
  }

  /** DeleteObjects takes up to 1,000 keys a request. */
  async removeMany(oids: readonly ObjectId[], onRemoved?: (n: number) => void): Promise<void> {
    if (oids.length === 0) return;
    const client = await this.client();
    const { DeleteObjectsCommand } = await import("@aws-sdk/client-s3");
    for (let i = 0; i < oids.length; i += 1000) {
      const batch = oids.slice(i, i + 1000);
      let failed: { Key?: string; Code?: string; Message?: string }[] = [];
      try {
        const response = await client.send(
          new DeleteObjectsCommand({
            Bucket: this.location.bucket,
            Delete: { Objects: batch.map((oid) => ({ Key: this.keyOf(oid) })), Quiet: true },
          }),
        );
        failed = response.Errors ?? [];
      } catch (err) {
        throw this.fail(err, `removing ${batch.length} objects`);
      }
      if (failed.length > 0) {
        const first = failed[0];
        throw new MlopsError(
          "remote",
          `${this.where}: ${failed.length} of ${batch.length} objects could not be removed (first: ${first?.Key}: ${first?.Code} ${first?.Message ?? ""})`.trim(),
        );
      }
      onRemoved?.(batch.length);
    }
  }

  async readRecord(relPath: string): Promise<Buffer | undefined> {
    const client = await this.client();
    const { GetObjectCommand } = await import("@aws-sdk/client-s3");
    try {
      const response = await client.send(
        new GetObjectCommand({
          Bucket: this.location.bucket,
          Key: this.location.prefix + checkRecordPath(relPath),
        }),
      );
      return Buffer.from(
        await (response.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      );
    } catch (err) {
      if (isS3NotFound(err)) return undefined;
      throw this.fail(err, `reading ${relPath}`);
    }
  }

  async writeRecord(relPath: string, bytes: Uint8Array): Promise<void> {
    const client = await this.client();
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const { createHash } = await import("node:crypto");
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: this.location.bucket,
          Key: this.location.prefix + checkRecordPath(relPath),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ChecksumSHA256: createHash("sha256").update(bytes).digest("base64"),
        }),
      );
    } catch (err) {
      throw this.fail(err, `writing ${relPath}`);
    }
  }
}
