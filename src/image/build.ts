import { mkdir } from "node:fs/promises";
import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { type BuiltLayer, collectLayerEntries, type LayerSpec, writeLayer } from "./layer.js";
import { canonicalJson, knownLayers, pruneBlobs, writeBlob, writeLayoutIndex } from "./layout.js";
import {
  annotationKeys,
  type ContainerConfig,
  type Descriptor,
  type HistoryEntry,
  type ImageConfig,
  type ImageManifest,
  mediaTypes,
  ociLayerMediaType,
  type Platform,
} from "./media-types.js";
import { fetchImageConfig, linuxAmd64, pullImageManifest } from "./pull.js";
import { formatImageReference, parseImageReference, requireDigest } from "./reference.js";
import { RegistryClient, type RegistryOptions } from "./registry-client.js";

/** What a runtime does when it starts the image; unset fields keep the base image's values. */
export interface ImageRuntimeConfig {
  entrypoint?: string[];
  cmd?: string[];
  /** Added to the base's environment; a name the base sets is replaced in place. */
  env?: Record<string, string>;
  workingDir?: string;
  /** Ports as numbers (TCP) or `8080/udp`. */
  exposedPorts?: (number | string)[];
  user?: string;
  stopSignal?: string;
}

export interface BuildImageOptions {
  /**
   * The base image pinned by digest, `registry/repository[:tag]@sha256:…` (a multi-platform index
   * is narrowed to `platform`), or `scratch` for an image with no base.
   */
  base: string;
  /** In order; the last should be what changes most often (the model), so the others stay cached. */
  layers: LayerSpec[];
  /** The OCI image layout directory to write; a layout built before lends its unchanged layers. */
  layoutDir: string;
  /** Seconds since the epoch for every file mtime, `created` and history: the commit time of the source. */
  sourceDateEpoch: number;
  config?: ImageRuntimeConfig;
  /** Config labels, over the base's labels. */
  labels?: Record<string, string>;
  /** The tag recorded in the layout's index.json (`org.opencontainers.image.ref.name`). */
  tag?: string;
  platform?: Platform;
  /** Credentials and transport for pulling the base's manifest and config. */
  registry?: RegistryOptions;
  compressionLevel?: number;
  logger?: Logger;
}

export interface ImageLayer {
  digest: string;
  diffId: string;
  size: number;
  mediaType: string;
  /** `base` layers are only referenced (the blob stays in the base's registry); `built` ones are in the layout. */
  origin: "base" | "built";
  comment?: string;
  /** A built layer the layout already held, so nothing was compressed. */
  reused?: boolean;
  urls?: string[];
}

export interface BuildImageResult {
  layoutDir: string;
  manifestDigest: string;
  manifestSize: number;
  configDigest: string;
  layers: ImageLayer[];
  /** Bytes of manifest, config and every layer blob: what a registry stores for the image. */
  size: number;
  /** The base as pulled: the digest written in the reference, and the platform manifest chosen. */
  base?: { reference: string; digest: string; manifestDigest: string };
}

interface BaseImage {
  reference: string;
  digest: string;
  manifestDigest: string;
  layers: ImageLayer[];
  config: ImageConfig;
}

/** Config fields docker writes that describe the build container, not the image: dropped. */
const dockerBuildOnlyFields = ["container", "container_config", "docker_version", "id", "parent", "Size"];

function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.000Z$/, "Z");
}

async function loadBase(options: BuildImageOptions, platform: Platform): Promise<BaseImage | undefined> {
  if (options.base === "scratch") return undefined;
  const ref = parseImageReference(options.base, "base");
  const digest = requireDigest(ref, options.base, "base");
  const client = new RegistryClient(ref.registry, { ...options.registry, logger: options.logger });
  const pulled = await pullImageManifest(client, ref, platform);
  const config = await fetchImageConfig(client, ref.repository, pulled.manifest.config);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== pulled.manifest.layers.length) {
    throw new MlopsError("remote", `the base image ${options.base} is inconsistent`, {
      expected: `${pulled.manifest.layers.length} diff_ids, one per layer`,
      got: `${diffIds.length}`,
    });
  }
  if (config.os !== platform.os || config.architecture !== platform.architecture) {
    throw new MlopsError(
      "refused",
      `the base image ${options.base} is for ${config.os}/${config.architecture}`,
      {
        field: "base",
        expected: `${platform.os}/${platform.architecture}`,
        got: `${config.os}/${config.architecture}`,
      },
    );
  }
  return {
    reference: formatImageReference({ ...ref, digest: undefined }),
    digest,
    manifestDigest: pulled.manifestDigest,
    config,
    layers: pulled.manifest.layers.map((layer, i) => ({
      digest: layer.digest,
      diffId: diffIds[i] as string,
      size: layer.size,
      mediaType: ociLayerMediaType(layer.mediaType),
      origin: "base" as const,
      ...(layer.urls ? { urls: layer.urls } : {}),
    })),
  };
}

function mergeEnv(base: readonly string[], extra: Record<string, string>): string[] {
  const out = [...base];
  for (const [name, value] of Object.entries(extra)) {
    const at = out.findIndex((e) => e.split("=", 1)[0] === name);
    if (at >= 0) out[at] = `${name}=${value}`;
    else out.push(`${name}=${value}`);
  }
  return out;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function containerConfig(
  base: ContainerConfig | undefined,
  runtime: ImageRuntimeConfig,
  labels: Record<string, string>,
): ContainerConfig {
  const out: ContainerConfig = { ...(base ?? {}) };
  delete out.Image;
  if (runtime.user !== undefined) out.User = runtime.user;
  if (runtime.exposedPorts) {
    const ports: Record<string, Record<string, never>> = { ...(out.ExposedPorts ?? {}) };
    for (const p of runtime.exposedPorts) ports[typeof p === "number" ? `${p}/tcp` : p] = {};
    out.ExposedPorts = sortedRecord(ports);
  }
  if (runtime.env) out.Env = mergeEnv(out.Env ?? [], runtime.env);
  if (runtime.entrypoint) {
    out.Entrypoint = runtime.entrypoint;
    // As in a Dockerfile: a new ENTRYPOINT drops the base's CMD unless a CMD is given too.
    if (!runtime.cmd) delete out.Cmd;
  }
  if (runtime.cmd) out.Cmd = runtime.cmd;
  if (runtime.workingDir !== undefined) out.WorkingDir = runtime.workingDir;
  if (runtime.stopSignal !== undefined) out.StopSignal = runtime.stopSignal;
  const merged = sortedRecord({ ...(out.Labels ?? {}), ...labels });
  if (Object.keys(merged).length > 0) out.Labels = merged;
  return out;
}

function describeInputs(spec: LayerSpec): string {
  const files = (spec.files ?? []).map((f) => f.to);
  return files.length > 0 ? `COPY ${files.join(" ")}` : "ADD rootfs";
}

/**
 * Builds an image without a daemon: pulls only the base's manifest and config, writes each layer
 * as a reproducible tar.gz (same inputs and epoch → same digests), and writes an OCI image layout.
 * Base layers are referenced by digest and never downloaded.
 */
export async function buildImage(options: BuildImageOptions): Promise<BuildImageResult> {
  const logger = options.logger ?? silentLogger;
  const platform = options.platform ?? linuxAmd64;
  if (!Number.isInteger(options.sourceDateEpoch) || options.sourceDateEpoch < 0) {
    throw new MlopsError("usage", "sourceDateEpoch must be whole seconds since 1970", {
      field: "sourceDateEpoch",
      expected: "a non-negative integer (the commit time: git show -s --format=%ct)",
      got: String(options.sourceDateEpoch),
    });
  }
  const created = isoTime(options.sourceDateEpoch);
  // Read every input before any network call, so a missing file fails fast and by name.
  const entries = await Promise.all(
    options.layers.map((spec, i) => collectLayerEntries(spec, `layers[${i}]`)),
  );
  const base = await loadBase(options, platform);
  await mkdir(options.layoutDir, { recursive: true });
  const known = await knownLayers(options.layoutDir);

  const progress = logger.progress("layers", options.layers.length);
  let built: BuiltLayer[];
  try {
    // Layers compress in parallel: zlib runs on libuv's thread pool, one layer per thread.
    built = await Promise.all(
      entries.map(async (layerEntries, i) => {
        const spec = options.layers[i] as LayerSpec;
        const layer = await writeLayer(layerEntries, spec.comment, {
          layoutDir: options.layoutDir,
          sourceDateEpoch: options.sourceDateEpoch,
          compressionLevel: options.compressionLevel,
          known,
        });
        progress.tick();
        logger.debug(`layer ${spec.comment}: ${layer.digest} (${layer.reused ? "unchanged" : "written"})`);
        return layer;
      }),
    );
  } finally {
    progress.done();
  }

  const layers: ImageLayer[] = [
    ...(base?.layers ?? []),
    ...built.map((l) => ({
      digest: l.digest,
      diffId: l.diffId,
      size: l.size,
      mediaType: l.mediaType,
      origin: "built" as const,
      comment: l.comment,
      reused: l.reused,
    })),
  ];

  const baseConfig = base?.config;
  const passThrough: Record<string, unknown> = { ...(baseConfig ?? {}) };
  for (const field of dockerBuildOnlyFields) delete passThrough[field];
  const history: HistoryEntry[] = [
    ...(baseConfig?.history ?? []),
    ...options.layers.map((spec) => ({
      created,
      created_by: `mlops image build: ${describeInputs(spec)}`,
      comment: spec.comment,
    })),
  ];
  const config: ImageConfig = {
    ...passThrough,
    created,
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: containerConfig(baseConfig?.config, options.config ?? {}, options.labels ?? {}),
    rootfs: { type: "layers", diff_ids: layers.map((l) => l.diffId) },
    history,
  };
  const configBytes = canonicalJson(config);
  const configDigest = await writeBlob(options.layoutDir, configBytes);

  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: mediaTypes.ociManifest,
    config: { mediaType: mediaTypes.ociConfig, digest: configDigest, size: configBytes.length },
    layers: layers.map(
      (l): Descriptor => ({
        mediaType: l.mediaType,
        digest: l.digest,
        size: l.size,
        ...(l.urls ? { urls: l.urls } : {}),
      }),
    ),
    ...(base
      ? {
          annotations: {
            [annotationKeys.baseDigest]: base.digest,
            [annotationKeys.baseName]: base.reference,
          },
        }
      : {}),
  };
  const manifestBytes = canonicalJson(manifest);
  const manifestDigest = await writeBlob(options.layoutDir, manifestBytes);
  await writeLayoutIndex(
    options.layoutDir,
    { mediaType: mediaTypes.ociManifest, digest: manifestDigest, size: manifestBytes.length },
    options.tag,
  );
  await pruneBlobs(options.layoutDir, new Set([manifestDigest, configDigest, ...built.map((l) => l.digest)]));
  logger.info(
    `built ${manifestDigest} (${layers.length} layers, ${built.filter((l) => !l.reused).length} new)`,
  );
  return {
    layoutDir: options.layoutDir,
    manifestDigest,
    manifestSize: manifestBytes.length,
    configDigest,
    layers,
    size: manifestBytes.length + configBytes.length + layers.reduce((sum, l) => sum + l.size, 0),
    ...(base
      ? { base: { reference: base.reference, digest: base.digest, manifestDigest: base.manifestDigest } }
      : {}),
  };
}
