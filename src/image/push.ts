import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { blobPath } from "./digest.js";
import { readLayoutImage } from "./layout.js";
import { annotationKeys, type Descriptor, mediaTypes } from "./media-types.js";
import { formatImageReference, type ImageReference, parseImageReference } from "./reference.js";
import { discardBody, RegistryClient, type RegistryOptions, repositoryScope } from "./registry-client.js";

export interface PushImageOptions extends RegistryOptions {
  layoutDir: string;
  /** `host[:port]/repository:tag`; a reference with only a digest pushes the manifest untagged. */
  reference: string;
  /** Bytes per PATCH of a chunked upload (default 16 MiB). */
  chunkSize?: number;
  /** Blobs uploaded at once (default 3). */
  concurrency?: number;
  /**
   * Credentials and transport for the base image's registry, when it is not the target: base
   * layers are then streamed from there into the target, never stored on disk.
   */
  baseRegistry?: RegistryOptions;
  logger?: Logger;
}

export interface PushImageResult {
  /** The reference pushed, with its digest: `host/repo:tag@sha256:…`. */
  reference: string;
  /** The manifest digest, as the registry confirmed it. */
  digest: string;
  /** Blobs sent (from the layout, or streamed from the base's registry). */
  uploaded: string[];
  /** Base layers the registry linked from the base's repository (cross-repository mount). */
  mounted: string[];
  /** Blobs the repository already had. */
  skipped: string[];
  bytesUploaded: number;
}

export const defaultChunkSize = 16 << 20;

interface BlobSource {
  size: number;
  /** The blob's bytes from `offset` on. */
  open(offset: number): AsyncIterable<Buffer>;
}

/** Regroups a stream into chunks of exactly `size` bytes (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let rest = piece;
    while (length + rest.length >= size) {
      const take = size - length;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts);
      parts = [];
      length = 0;
      rest = rest.subarray(take);
    }
    if (rest.length > 0) {
      parts.push(rest);
      length += rest.length;
    }
  }
  if (length > 0) yield Buffer.concat(parts);
}

function withDigestParam(location: string, base: string, digest: string): string {
  const url = new URL(location, base);
  url.searchParams.set("digest", digest);
  return url.toString();
}

function requireLocation(res: Response, what: string): string {
  const location = res.headers.get("location");
  if (!location) throw new MlopsError("remote", `${what}: the registry answered without a Location header`);
  return location;
}

/** Statuses that mean the upload session is broken and the blob must be sent again from its start. */
const restartStatuses = new Set(["400", "404", "416"]);

class BlobPusher {
  bytesUploaded = 0;
  private readonly scopes: string[];

  constructor(
    private readonly target: RegistryClient,
    private readonly repository: string,
    private readonly chunkSize: number,
    private readonly onBytes: (n: number) => void,
  ) {
    this.scopes = [repositoryScope(repository, ["pull", "push"])];
  }

  async exists(descriptor: Descriptor): Promise<boolean> {
    const res = await this.target.request({
      method: "HEAD",
      url: `/v2/${this.repository}/blobs/${descriptor.digest}`,
      scopes: this.scopes,
      ok: [200, 404],
      what: `check blob ${descriptor.digest} in ${this.repository}`,
    });
    await discardBody(res);
    return res.status === 200;
  }

  /** Asks the registry to link a blob from another of its repositories; else returns the upload session it opened. */
  async mount(
    digest: string,
    from: string,
  ): Promise<{ mounted: true } | { mounted: false; location: string }> {
    const what = `mount blob ${digest} from ${from} into ${this.repository}`;
    const res = await this.target.request({
      method: "POST",
      url: `/v2/${this.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`,
      scopes: [...this.scopes, repositoryScope(from, ["pull"])],
      ok: [201, 202],
      what,
    });
    await discardBody(res);
    return res.status === 201 ? { mounted: true } : { mounted: false, location: requireLocation(res, what) };
  }

  /** POST, PATCH per chunk with Content-Range, PUT ?digest= (distribution spec, "Pushing a blob in chunks"). */
  async upload(descriptor: Descriptor, source: BlobSource, session?: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.uploadOnce(descriptor, source, attempt === 1 ? session : undefined);
        return;
      } catch (err) {
        // Retries of single requests live in the client; this restarts a session the registry lost
        // or a blob that arrived damaged (a PATCH replayed after a connection cut).
        const status = err instanceof MlopsError ? err.got : undefined;
        if (attempt >= 2 || !status || !restartStatuses.has(status)) throw err;
      }
    }
  }

  private async uploadOnce(descriptor: Descriptor, source: BlobSource, session?: string): Promise<void> {
    const what = `push blob ${descriptor.digest} to ${this.repository}`;
    let location = session;
    if (!location) {
      const started = await this.target.request({
        method: "POST",
        url: `/v2/${this.repository}/blobs/uploads/`,
        scopes: this.scopes,
        ok: [202],
        what,
      });
      await discardBody(started);
      location = requireLocation(started, what);
    }
    let offset = 0;
    for await (const chunk of rechunk(source.open(0), this.chunkSize)) {
      const res = await this.target.request({
        method: "PATCH",
        url: location,
        scopes: this.scopes,
        headers: {
          "content-type": "application/octet-stream",
          "content-range": `${offset}-${offset + chunk.length - 1}`,
          "content-length": String(chunk.length),
        },
        body: chunk,
        ok: [202],
        what,
      });
      await discardBody(res);
      location = requireLocation(res, what);
      offset += chunk.length;
      this.bytesUploaded += chunk.length;
      this.onBytes(chunk.length);
    }
    if (offset !== source.size) {
      throw new MlopsError("io", `${what}: sent ${offset} bytes, but the blob has ${source.size}`);
    }
    const done = await this.target.request({
      method: "PUT",
      url: withDigestParam(location, this.target.origin, descriptor.digest),
      scopes: this.scopes,
      headers: { "content-length": "0" },
      ok: [201],
      what,
    });
    await discardBody(done);
  }
}

function fileSource(path: string, size: number): BlobSource {
  return { size, open: (offset) => createReadStream(path, { start: offset, highWaterMark: 1 << 20 }) };
}

/** A base layer read straight from the base's registry, for a push to another registry. */
function registrySource(client: RegistryClient, repository: string, descriptor: Descriptor): BlobSource {
  return {
    size: descriptor.size,
    async *open(offset) {
      const res = await client.request({
        method: "GET",
        url: `/v2/${repository}/blobs/${descriptor.digest}`,
        scopes: [repositoryScope(repository, ["pull"])],
        headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        ok: [200, 206],
        what: `pull base layer ${descriptor.digest} from ${client.registry}/${repository}`,
      });
      if (!res.body) return;
      for await (const chunk of res.body) yield Buffer.from(chunk as Uint8Array);
    },
  };
}

async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

function baseOf(annotations: Record<string, string> | undefined): ImageReference | undefined {
  const name = annotations?.[annotationKeys.baseName];
  if (!name) return undefined;
  try {
    return parseImageReference(name);
  } catch {
    return undefined;
  }
}

/**
 * Pushes the image of an OCI layout with the distribution API: blobs the repository has are
 * skipped (HEAD), base layers are mounted from the base's repository on the same registry or
 * streamed from the base's registry, the rest is uploaded in chunks, then the manifest is put
 * by tag. Pushing the same image again sends no blob.
 */
export async function pushImage(options: PushImageOptions): Promise<PushImageResult> {
  const logger = options.logger ?? silentLogger;
  const target = parseImageReference(options.reference, "reference");
  const image = await readLayoutImage(options.layoutDir);
  if (target.digest && target.digest !== image.descriptor.digest) {
    throw new MlopsError(
      "usage",
      `the reference names ${target.digest}, but the layout holds another image`,
      {
        field: "reference",
        expected: image.descriptor.digest,
        got: target.digest,
      },
    );
  }
  const client = new RegistryClient(target.registry, { ...options, logger });
  const base = baseOf(image.manifest.annotations);
  const sameRegistry = base?.registry === target.registry;
  const baseClient =
    base && !sameRegistry
      ? new RegistryClient(base.registry, { ...options.baseRegistry, logger })
      : undefined;

  // By digest: an image may hold the same layer twice (two empty layers), and it is sent once.
  const blobs = [
    ...new Map([...image.manifest.layers, image.manifest.config].map((b) => [b.digest, b])).values(),
  ];
  const progress = logger.progress(
    "push",
    blobs.reduce((sum, b) => sum + b.size, 0),
  );
  const pusher = new BlobPusher(client, target.repository, options.chunkSize ?? defaultChunkSize, (n) =>
    progress.tick(n),
  );
  const result: Record<string, "uploaded" | "mounted" | "skipped"> = {};
  try {
    const missing: Descriptor[] = [];
    // HEADs one by one: the first fetches the token that all the others then share.
    for (const blob of blobs) {
      if (await pusher.exists(blob)) {
        result[blob.digest] = "skipped";
        progress.tick(blob.size);
      } else {
        missing.push(blob);
      }
    }
    await runPool(missing, options.concurrency ?? 3, async (blob) => {
      const local = blobPath(options.layoutDir, blob.digest);
      const onDisk = await stat(local).catch(() => undefined);
      if (onDisk) {
        if (onDisk.size !== blob.size) {
          throw new MlopsError("hash-mismatch", `blob ${blob.digest} in the layout has the wrong size`, {
            file: local,
            expected: String(blob.size),
            got: String(onDisk.size),
          });
        }
        await pusher.upload(blob, fileSource(local, blob.size));
        result[blob.digest] = "uploaded";
        return;
      }
      if (!base) {
        throw new MlopsError(
          "invalid-file",
          `blob ${blob.digest} is neither in the layout nor in a base image`,
          {
            file: local,
          },
        );
      }
      let session: string | undefined;
      if (sameRegistry && base.repository !== target.repository) {
        const mount = await pusher.mount(blob.digest, base.repository);
        if (mount.mounted) {
          result[blob.digest] = "mounted";
          progress.tick(blob.size);
          return;
        }
        session = mount.location;
      }
      const source = sameRegistry
        ? registrySource(client, base.repository, blob)
        : registrySource(baseClient as RegistryClient, base.repository, blob);
      await pusher.upload(blob, source, session);
      result[blob.digest] = "uploaded";
    });

    const what = `push manifest ${formatImageReference(target)}`;
    const res = await client.request({
      method: "PUT",
      url: `/v2/${target.repository}/manifests/${target.tag ?? image.descriptor.digest}`,
      scopes: [repositoryScope(target.repository, ["pull", "push"])],
      headers: { "content-type": mediaTypes.ociManifest },
      body: image.manifestBytes,
      ok: [201],
      what,
    });
    await discardBody(res);
    const confirmed = res.headers.get("docker-content-digest");
    if (confirmed && confirmed !== image.descriptor.digest) {
      throw new MlopsError("hash-mismatch", `${what}: the registry stored another digest`, {
        expected: image.descriptor.digest,
        got: confirmed,
      });
    }
  } finally {
    progress.done();
  }
  const pick = (state: string) => blobs.map((b) => b.digest).filter((d) => result[d] === state);
  const pushed = formatImageReference({ ...target, digest: image.descriptor.digest });
  logger.info(`pushed ${pushed}`);
  return {
    reference: pushed,
    digest: image.descriptor.digest,
    uploaded: pick("uploaded"),
    mounted: pick("mounted"),
    skipped: pick("skipped"),
    bytesUploaded: pusher.bytesUploaded,
  };
}
