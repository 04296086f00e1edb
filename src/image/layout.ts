import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { isTempName, writeFileAtomic } from "../files/index.js";
import { blobPath, isDigest, sha256Digest } from "./digest.js";
import {
  annotationKeys,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  mediaTypes,
} from "./media-types.js";

/**
 * An OCI image layout directory (image-spec image-layout.md): `oci-layout`, `index.json` and
 * `blobs/sha256/<hex>`. Ours holds one image. Its base layers are referenced, not copied: they
 * stay in the base's registry until a push mounts or copies them, so `skopeo inspect oci:DIR`
 * works and a `skopeo copy` of the directory alone would not.
 */
export const layoutVersionFile = { imageLayoutVersion: "1.0.0" };

/** JSON with no whitespace: the bytes (and so the digest) depend only on the object's key order. */
export function canonicalJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "utf8");
}

export async function writeBlob(layoutDir: string, bytes: Uint8Array): Promise<Descriptor["digest"]> {
  const digest = sha256Digest(bytes);
  const path = blobPath(layoutDir, digest);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.size !== bytes.length) await writeFileAtomic(path, bytes);
  return digest;
}

export async function writeLayoutIndex(
  layoutDir: string,
  manifest: Descriptor,
  refName?: string,
): Promise<void> {
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: mediaTypes.ociIndex,
    manifests: [
      {
        mediaType: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.size,
        ...(refName ? { annotations: { [annotationKeys.refName]: refName } } : {}),
      },
    ],
  };
  await writeFileAtomic(join(layoutDir, "oci-layout"), canonicalJson(layoutVersionFile));
  await writeFileAtomic(join(layoutDir, "index.json"), canonicalJson(index));
}

export interface LayoutImage {
  descriptor: Descriptor;
  manifest: ImageManifest;
  manifestBytes: Buffer;
  config: ImageConfig;
  configBytes: Buffer;
}

function invalidLayout(layoutDir: string, message: string, cause?: unknown): MlopsError {
  return new MlopsError("invalid-file", `${layoutDir} is not an image layout we can read: ${message}`, {
    file: join(layoutDir, "index.json"),
    hint: "build the image into this directory first (buildImage / `mlops image build`)",
    cause,
  });
}

/** The one image of a layout, with its manifest and config checked against their digests. */
export async function readLayoutImage(layoutDir: string): Promise<LayoutImage> {
  let index: ImageIndex;
  try {
    index = JSON.parse(await readFile(join(layoutDir, "index.json"), "utf8")) as ImageIndex;
  } catch (err) {
    throw invalidLayout(layoutDir, "index.json is missing or not JSON", err);
  }
  const descriptor = index.manifests?.[0];
  if (!descriptor || index.manifests.length !== 1 || !isDigest(descriptor.digest)) {
    throw invalidLayout(layoutDir, "index.json must list exactly one manifest");
  }
  const manifestBytes = await readBlob(layoutDir, descriptor.digest);
  const manifest = JSON.parse(manifestBytes.toString("utf8")) as ImageManifest;
  const configBytes = await readBlob(layoutDir, manifest.config.digest);
  const config = JSON.parse(configBytes.toString("utf8")) as ImageConfig;
  return { descriptor, manifest, manifestBytes, config, configBytes };
}

export async function readBlob(layoutDir: string, digest: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(blobPath(layoutDir, digest));
  } catch (err) {
    throw invalidLayout(layoutDir, `blob ${digest} is missing`, err);
  }
  if (sha256Digest(bytes) !== digest) {
    throw new MlopsError("hash-mismatch", `blob ${digest} in ${layoutDir} does not match its digest`, {
      file: blobPath(layoutDir, digest),
      expected: digest,
      got: sha256Digest(bytes),
    });
  }
  return bytes;
}

/**
 * The layers a layout built before, by diff_id, so a rebuild recompresses only what changed.
 * An unreadable or absent layout simply knows nothing.
 */
export async function knownLayers(layoutDir: string): Promise<Map<string, { digest: string; size: number }>> {
  const known = new Map<string, { digest: string; size: number }>();
  try {
    const image = await readLayoutImage(layoutDir);
    image.manifest.layers.forEach((layer, i) => {
      const diffId = image.config.rootfs.diff_ids[i];
      if (diffId) known.set(diffId, { digest: layer.digest, size: layer.size });
    });
  } catch {
    // Nothing built here yet (or a layout from elsewhere): every layer is new.
  }
  return known;
}

/** Removes blobs the current image does not reference, so a layout rebuilt often stays one image big. */
export async function pruneBlobs(layoutDir: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = join(layoutDir, "blobs", "sha256");
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (isTempName(name) || keep.has(`sha256:${name}`)) continue;
    await rm(join(dir, name), { force: true });
  }
}
