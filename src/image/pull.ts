import { MlopsError } from "../errors/index.js";
import { sha256Digest } from "./digest.js";
import {
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  isImageManifestMediaType,
  isIndexMediaType,
  manifestAcceptHeader,
  type Platform,
} from "./media-types.js";
import { formatImageReference, type ImageReference, parseImageReference } from "./reference.js";
import { RegistryClient, type RegistryOptions, repositoryScope } from "./registry-client.js";

/** Manifests are small documents; a bigger answer is not one (distribution caps them at 4 MiB). */
const maxManifestBytes = 4 << 20;
const maxConfigBytes = 8 << 20;

export const linuxAmd64: Platform = { os: "linux", architecture: "amd64" };

export interface PulledManifest {
  reference: ImageReference;
  /** The digest the reference resolves to: an index or manifest list for a multi-platform image. */
  digest: string;
  mediaType: string;
  /** The single-platform image manifest (the same document when the reference names no index). */
  manifest: ImageManifest;
  manifestDigest: string;
  manifestMediaType: string;
  manifestSize: number;
}

async function readLimited(res: Response, limit: number, what: string): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > limit) {
    throw new MlopsError("remote", `${what} is ${declared} bytes, more than the ${limit} allowed`);
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > limit) throw new MlopsError("remote", `${what} is more than the ${limit} bytes allowed`);
  return bytes;
}

function verifyDigest(bytes: Uint8Array, expected: string, what: string): string {
  const actual = sha256Digest(bytes);
  if (actual !== expected) {
    throw new MlopsError("hash-mismatch", `${what} does not match its digest`, {
      expected,
      got: actual,
      hint: "the registry served other bytes than the digest names: a broken mirror or a tampered image",
    });
  }
  return actual;
}

/** GETs one manifest by tag or digest; a digest is checked against the bytes received. */
async function getManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
): Promise<{ bytes: Buffer; digest: string; mediaType: string }> {
  const what = `pull manifest ${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
  const res = await client.request({
    method: "GET",
    url: `/v2/${repository}/manifests/${reference}`,
    scopes: [repositoryScope(repository, ["pull"])],
    headers: { accept: manifestAcceptHeader },
    ok: [200],
    what,
  });
  const bytes = await readLimited(res, maxManifestBytes, what);
  const digest = reference.startsWith("sha256:")
    ? verifyDigest(bytes, reference, `the manifest of ${client.registry}/${repository}`)
    : sha256Digest(bytes);
  let parsed: { mediaType?: string; schemaVersion?: number };
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new MlopsError("remote", `${what}: the registry answered with something that is not JSON`);
  }
  const headerType = (res.headers.get("content-type") ?? "").split(";")[0]?.trim();
  const mediaType = parsed.mediaType ?? headerType ?? "";
  return { bytes, digest, mediaType };
}

function platformName(p: Platform | undefined): string {
  return p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ""}` : "unknown";
}

export function choosePlatform(index: ImageIndex, platform: Platform, what: string): Descriptor {
  const candidates = index.manifests.filter(
    (m) =>
      m.platform?.os === platform.os &&
      m.platform?.architecture === platform.architecture &&
      (platform.variant === undefined || m.platform?.variant === platform.variant),
  );
  const chosen = candidates[0];
  if (!chosen) {
    throw new MlopsError("not-found", `${what} has no image for ${platformName(platform)}`, {
      expected: platformName(platform),
      got: index.manifests.map((m) => platformName(m.platform)).join(", ") || "no manifests",
    });
  }
  return chosen;
}

/**
 * Resolves a reference to one single-platform image manifest: an OCI index or a Docker manifest
 * list is narrowed to `platform` (linux/amd64 unless told), and every document fetched by digest
 * is checked against that digest.
 */
export async function pullImageManifest(
  client: RegistryClient,
  ref: ImageReference,
  platform: Platform = linuxAmd64,
): Promise<PulledManifest> {
  const top = await getManifest(client, ref.repository, ref.digest ?? ref.tag ?? "latest");
  const name = formatImageReference(ref);
  if (isIndexMediaType(top.mediaType)) {
    const index = JSON.parse(top.bytes.toString("utf8")) as ImageIndex;
    const chosen = choosePlatform(index, platform, name);
    const child = await getManifest(client, ref.repository, chosen.digest);
    if (!isImageManifestMediaType(child.mediaType)) {
      throw new MlopsError(
        "remote",
        `${name}: the ${platformName(platform)} entry is not an image manifest`,
        {
          got: child.mediaType,
        },
      );
    }
    return {
      reference: ref,
      digest: top.digest,
      mediaType: top.mediaType,
      manifest: JSON.parse(child.bytes.toString("utf8")) as ImageManifest,
      manifestDigest: child.digest,
      manifestMediaType: child.mediaType,
      manifestSize: child.bytes.length,
    };
  }
  if (!isImageManifestMediaType(top.mediaType)) {
    throw new MlopsError("remote", `${name} is not an image (media type ${top.mediaType || "missing"})`, {
      expected: "an OCI image manifest or index, or a Docker v2 schema 2 manifest or manifest list",
      got: top.mediaType,
    });
  }
  return {
    reference: ref,
    digest: top.digest,
    mediaType: top.mediaType,
    manifest: JSON.parse(top.bytes.toString("utf8")) as ImageManifest,
    manifestDigest: top.digest,
    manifestMediaType: top.mediaType,
    manifestSize: top.bytes.length,
  };
}

/** Fetches a small blob (an image config) whole and checks it against its digest. */
export async function fetchSmallBlob(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<Buffer> {
  const what = `pull blob ${digest} from ${repository}`;
  const res = await client.request({
    method: "GET",
    url: `/v2/${repository}/blobs/${digest}`,
    scopes: [repositoryScope(repository, ["pull"])],
    ok: [200],
    what,
  });
  const bytes = await readLimited(res, maxConfigBytes, what);
  verifyDigest(bytes, digest, `blob ${digest} of ${client.registry}/${repository}`);
  return bytes;
}

export async function fetchImageConfig(
  client: RegistryClient,
  repository: string,
  descriptor: Descriptor,
): Promise<ImageConfig> {
  const bytes = await fetchSmallBlob(client, repository, descriptor.digest);
  return JSON.parse(bytes.toString("utf8")) as ImageConfig;
}

export interface PullOptions extends RegistryOptions {
  platform?: Platform;
}

/** The manifest a reference names, narrowed to one platform; see `pullImageManifest`. */
export function pullManifest(reference: string, options: PullOptions = {}): Promise<PulledManifest> {
  const ref = parseImageReference(reference);
  return pullImageManifest(new RegistryClient(ref.registry, options), ref, options.platform);
}

/**
 * The digest a tag points at now (what to pin a base image to). A HEAD is enough where the
 * registry sends `Docker-Content-Digest`; otherwise the manifest is fetched and hashed.
 */
export async function resolveDigest(reference: string, options: RegistryOptions = {}): Promise<string> {
  const ref = parseImageReference(reference);
  if (ref.digest) return ref.digest;
  const client = new RegistryClient(ref.registry, options);
  const res = await client.request({
    method: "HEAD",
    url: `/v2/${ref.repository}/manifests/${ref.tag ?? "latest"}`,
    scopes: [repositoryScope(ref.repository, ["pull"])],
    headers: { accept: manifestAcceptHeader },
    ok: [200],
    what: `resolve ${formatImageReference(ref)}`,
  });
  const header = res.headers.get("docker-content-digest");
  if (header && /^sha256:[0-9a-f]{64}$/.test(header)) return header;
  return (await getManifest(client, ref.repository, ref.tag ?? "latest")).digest;
}
