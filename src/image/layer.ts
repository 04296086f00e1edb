import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { lstat, mkdir, readdir, readlink, rename, rm, stat } from "node:fs/promises";
import { join, posix } from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { MlopsError } from "../errors/index.js";
import { tempPathFor } from "../files/index.js";
import { blobPath } from "./digest.js";
import { mediaTypes } from "./media-types.js";
import { completeEntries, type TarEntry, tarChunks } from "./tar.js";

/** One host file or directory copied into a layer, like a Dockerfile `COPY from to`. */
export interface LayerInput {
  /** A host path. A symlink named here is followed; symlinks inside a directory are kept as links. */
  from: string;
  /** The absolute path in the image. */
  to: string;
  /** Paths relative to `from` to leave out, with everything under them (`bin/napi-v6/win32`). */
  exclude?: string[];
}

export interface LayerSpec {
  /** What the layer holds, for the image history: "server bundle", "model fuel-efficiency v1.2.0". */
  comment: string;
  files?: LayerInput[];
  /** Entries made in memory rather than copied: /etc/passwd of a base image, /tmp with mode 1777. */
  entries?: TarEntry[];
}

export interface BuiltLayer {
  /** Digest of the compressed blob: the manifest's layer descriptor. */
  digest: string;
  /** Digest of the uncompressed tar: the config's rootfs.diff_ids entry. */
  diffId: string;
  /** Size of the compressed blob in bytes. */
  size: number;
  mediaType: string;
  comment: string;
  /** True when the layout already held this layer (same diff_id) and nothing was compressed. */
  reused: boolean;
}

/**
 * gzip's default, and what docker and podman use: a fixed level is part of a reproducible digest.
 * The compressed bytes also depend on the zlib that compresses them (Node bundles its own), so the
 * digest is reproducible for a given Node release; the diff_id, the tar's own hash, is everywhere.
 */
export const defaultCompressionLevel = 6;

/**
 * Turns `to` into a layer path: absolute, normalised, never above the root.
 * `/app/model/` → `app/model`; `/` → `` (the layer root).
 */
export function containerPath(to: string, field: string): string {
  if (!to.startsWith("/")) {
    throw new MlopsError("usage", `container path ${JSON.stringify(to)} is not absolute`, {
      field,
      expected: "an absolute path such as /app/model",
      got: to,
    });
  }
  if (to.split("/").includes("..")) {
    throw new MlopsError("usage", `container path ${JSON.stringify(to)} must not contain '..'`, {
      field,
      got: to,
    });
  }
  return posix.normalize(to).replace(/^\/+/, "").replace(/\/+$/, "");
}

function normalisedMode(mode: number): number {
  return mode & 0o111 ? 0o755 : 0o644;
}

function joinLayerPath(base: string, rel: string): string {
  return base === "" ? rel : rel === "" ? base : `${base}/${rel}`;
}

/** Reads the host inputs of a layer into tar entries with normalised modes; missing inputs fail by name. */
export async function collectLayerEntries(spec: LayerSpec, field: string): Promise<TarEntry[]> {
  const entries: TarEntry[] = [...(spec.entries ?? [])];
  for (const [i, input] of (spec.files ?? []).entries()) {
    const inputField = `${field}.files[${i}]`;
    const root = containerPath(input.to, `${inputField}.to`);
    let top: Awaited<ReturnType<typeof stat>>;
    try {
      top = await stat(input.from);
    } catch (err) {
      throw new MlopsError("not-found", `image input ${input.from} does not exist`, {
        file: input.from,
        field: `${inputField}.from`,
        hint: "build or fetch it first, or correct the path",
        cause: err,
      });
    }
    const excluded = new Set(
      (input.exclude ?? []).map((e) => posix.normalize(e).replace(/^\.?\/+|\/+$/g, "")),
    );
    const isExcluded = (rel: string) => {
      for (const e of excluded) if (rel === e || rel.startsWith(`${e}/`)) return true;
      return false;
    };
    if (top.isFile()) {
      if (root === "")
        throw new MlopsError("usage", "a file cannot be copied to /", { field: `${inputField}.to` });
      entries.push({
        path: root,
        type: "file",
        mode: normalisedMode(top.mode),
        size: top.size,
        hostPath: input.from,
      });
      continue;
    }
    if (!top.isDirectory()) {
      throw new MlopsError("refused", `${input.from} is neither a file nor a directory`, {
        file: input.from,
        field: `${inputField}.from`,
      });
    }
    if (root !== "") entries.push({ path: root, type: "directory", mode: 0o755 });
    const walk = async (dir: string, rel: string): Promise<void> => {
      for (const dirent of await readdir(dir, { withFileTypes: true })) {
        const childRel = rel === "" ? dirent.name : `${rel}/${dirent.name}`;
        if (isExcluded(childRel)) continue;
        const hostPath = join(dir, dirent.name);
        const path = joinLayerPath(root, childRel);
        const st = await lstat(hostPath);
        if (st.isDirectory()) {
          entries.push({ path, type: "directory", mode: 0o755 });
          await walk(hostPath, childRel);
        } else if (st.isFile()) {
          entries.push({ path, type: "file", mode: normalisedMode(st.mode), size: st.size, hostPath });
        } else if (st.isSymbolicLink()) {
          entries.push({ path, type: "symlink", mode: 0o777, linkTarget: await readlink(hostPath) });
        } else {
          throw new MlopsError(
            "refused",
            `${hostPath} is a socket, fifo or device, which a layer cannot hold`,
            {
              file: hostPath,
              field: `${inputField}.from`,
              hint: `exclude it with ${inputField}.exclude`,
            },
          );
        }
      }
    };
    await walk(input.from, "");
  }
  return completeEntries(entries);
}

/** Counts and hashes whatever flows through. */
class DigestTap extends Transform {
  private readonly hash = createHash("sha256");
  size = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
  digest(): string {
    return `sha256:${this.hash.digest("hex")}`;
  }
}

/**
 * zlib already writes MTIME 0 and no file name; the OS byte, though, is the build machine's (3 on
 * Linux, 19 on macOS), so it is pinned to 3 (Unix) for the same bytes everywhere (RFC 1952 §2.3).
 */
class PinGzipHeader extends Transform {
  private offset = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.offset < 10) {
      const copy = Buffer.from(chunk);
      for (let i = 0; i < copy.length && this.offset + i < 10; i++) {
        const at = this.offset + i;
        if (at >= 4 && at <= 7) copy[i] = 0;
        if (at === 9) copy[i] = 3;
      }
      this.offset += chunk.length;
      done(null, copy);
      return;
    }
    this.offset += chunk.length;
    done(null, chunk);
  }
}

/** The uncompressed digest of a layer, reading its inputs once without compressing. */
export async function layerDiffId(entries: readonly TarEntry[], sourceDateEpoch: number): Promise<string> {
  const tap = new DigestTap();
  await pipeline(Readable.from(tarChunks(entries, sourceDateEpoch)), tap, async (source) => {
    for await (const _ of source);
  });
  return tap.digest();
}

export interface WriteLayerOptions {
  layoutDir: string;
  sourceDateEpoch: number;
  compressionLevel?: number;
  /** Layers the layout already holds, by diff_id: a match is reused instead of compressed again. */
  known?: ReadonlyMap<string, { digest: string; size: number }>;
}

/**
 * Writes one layer blob into the layout (temp file, then rename to its digest) and returns both
 * digests. With `known` layers, the tar is hashed first and compressed only when it is new.
 */
export async function writeLayer(
  entries: readonly TarEntry[],
  comment: string,
  options: WriteLayerOptions,
): Promise<BuiltLayer> {
  const mediaType = mediaTypes.ociLayerGzip;
  let expectedDiffId: string | undefined;
  if (options.known && options.known.size > 0) {
    expectedDiffId = await layerDiffId(entries, options.sourceDateEpoch);
    const hit = options.known.get(expectedDiffId);
    if (
      hit &&
      (await stat(blobPath(options.layoutDir, hit.digest)).catch(() => undefined))?.size === hit.size
    ) {
      return { ...hit, diffId: expectedDiffId, mediaType, comment, reused: true };
    }
  }
  const blobsDir = join(options.layoutDir, "blobs", "sha256");
  await mkdir(blobsDir, { recursive: true });
  const temp = tempPathFor(join(blobsDir, "layer"));
  const uncompressed = new DigestTap();
  const compressed = new DigestTap();
  try {
    await pipeline(
      Readable.from(tarChunks(entries, options.sourceDateEpoch)),
      uncompressed,
      createGzip({ level: options.compressionLevel ?? defaultCompressionLevel }),
      new PinGzipHeader(),
      compressed,
      createWriteStream(temp),
    );
    const digest = compressed.digest();
    const diffId = uncompressed.digest();
    if (expectedDiffId && diffId !== expectedDiffId) {
      throw new MlopsError("io", `the inputs of layer "${comment}" changed while it was being built`, {
        hint: "build again once nothing is writing to the inputs",
      });
    }
    await rename(temp, blobPath(options.layoutDir, digest));
    return { digest, diffId, size: compressed.size, mediaType, comment, reused: false };
  } finally {
    await rm(temp, { force: true });
  }
}
