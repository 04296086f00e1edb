import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { type BuildImageOptions, type BuildImageResult, buildImage } from "./build.js";
import { fileDigest } from "./digest.js";
import type { LayerInput, LayerSpec } from "./layer.js";
import { annotationKeys, type Platform } from "./media-types.js";
import { linuxAmd64 } from "./pull.js";
import type { RegistryOptions } from "./registry-client.js";

/** Where things live in the serving image; the server finds the model through the environment. */
export const servingPaths = {
  app: "/app",
  server: "/app/server",
  nodeModules: "/app/node_modules",
  model: "/app/model/model.onnx",
  versionManifest: "/app/model/version.yaml",
  /** What the server checks and serves: name, version, sha256 and the feature columns (JSON). */
  servingDescriptor: "/app/model/serving.json",
} as const;

export const modelLabels = {
  name: "io.mlops.model.name",
  version: "io.mlops.model.version",
  sha256: "io.mlops.model.sha256",
} as const;

export interface ServingImageOptions {
  /** The base image with node, pinned by digest: `registry/repository@sha256:…`. */
  base: string;
  layoutDir: string;
  /** The commit time of the model version's commit, in seconds: every timestamp in the image. */
  sourceDateEpoch: number;
  /** The inference server: a directory copied to /app/server, and the file in it node runs. */
  server: { bundleDir: string; entry: string };
  /** The node_modules holding onnxruntime-node and onnxruntime-common. */
  nodeModulesDir: string;
  model: {
    name: string;
    version: string;
    /** The ONNX file. */
    file: string;
    /** The version manifest (the annotation of `<model>@<version>`), copied next to the model. */
    versionManifest?: string;
    /** The server's description of the model (`serving.json`), copied next to the model. */
    servingDescriptor?: string;
  };
  /** For the OCI labels: the repository's URL and the commit the version was built from. */
  source?: { url?: string; revision?: string };
  port?: number;
  /** Default `10001:10001`: a non-root id that needs no passwd entry. */
  user?: string;
  env?: Record<string, string>;
  tag?: string;
  platform?: Platform;
  registry?: RegistryOptions;
  compressionLevel?: number;
  logger?: Logger;
}

/** onnxruntime-node's name for a platform's native binaries: `linux/x64`. */
function onnxruntimePlatform(platform: Platform): string {
  const arch = platform.architecture === "amd64" ? "x64" : platform.architecture;
  return `${platform.os}/${arch}`;
}

/**
 * onnxruntime-node and onnxruntime-common as layer inputs, with the native binaries of every other
 * platform left out (they are most of the package: 288 MB, of which linux/x64 is 46 MB).
 */
export async function onnxruntimeInputs(
  nodeModulesDir: string,
  platform: Platform = linuxAmd64,
): Promise<LayerInput[]> {
  const nodeDir = join(nodeModulesDir, "onnxruntime-node");
  const wanted = onnxruntimePlatform(platform);
  const exclude: string[] = [];
  const binDir = join(nodeDir, "bin");
  let found = false;
  for (const napi of await readdir(binDir).catch(() => [] as string[])) {
    for (const os of await readdir(join(binDir, napi)).catch(() => [] as string[])) {
      for (const arch of await readdir(join(binDir, napi, os)).catch(() => [] as string[])) {
        if (`${os}/${arch}` === wanted) found = true;
        else exclude.push(posix.join("bin", napi, os, arch));
      }
    }
  }
  if (!found) {
    throw new MlopsError("not-found", `onnxruntime-node in ${nodeModulesDir} has no ${wanted} binaries`, {
      file: binDir,
      hint: "run `npm ci` so onnxruntime-node's install step fetches its binaries",
    });
  }
  return [
    { from: nodeDir, to: posix.join(servingPaths.nodeModules, "onnxruntime-node"), exclude: exclude.sort() },
    {
      from: join(nodeModulesDir, "onnxruntime-common"),
      to: posix.join(servingPaths.nodeModules, "onnxruntime-common"),
    },
  ];
}

async function packageVersion(dir: string): Promise<string> {
  try {
    return (
      (JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { version?: string }).version ?? "?"
    );
  } catch {
    return "?";
  }
}

function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.000Z$/, "Z");
}

/**
 * The build of a model-serving image: onnxruntime (changes on a dependency bump), then the server
 * bundle (changes with the server's code), then the model and its version manifest (changes with
 * every version), so a new model version is one new layer on top of layers every node has cached.
 */
export async function servingImageBuild(options: ServingImageOptions): Promise<BuildImageOptions> {
  const platform = options.platform ?? linuxAmd64;
  const ort = await onnxruntimeInputs(options.nodeModulesDir, platform);
  const model = await fileDigest(options.model.file).catch((err: unknown) => {
    throw new MlopsError("not-found", `the model file ${options.model.file} does not exist`, {
      file: options.model.file,
      field: "model.file",
      hint: "run the pipeline (mlops run) or fetch the version's artifact first",
      cause: err,
    });
  });
  const modelSha256 = model.digest.slice("sha256:".length);
  const port = options.port ?? 8080;
  const layers: LayerSpec[] = [
    {
      comment: `onnxruntime-node ${await packageVersion(join(options.nodeModulesDir, "onnxruntime-node"))} (${onnxruntimePlatform(platform)})`,
      files: ort,
    },
    { comment: "server bundle", files: [{ from: options.server.bundleDir, to: servingPaths.server }] },
    {
      comment: `model ${options.model.name} ${options.model.version}`,
      files: [
        { from: options.model.file, to: servingPaths.model },
        ...(options.model.versionManifest
          ? [{ from: options.model.versionManifest, to: servingPaths.versionManifest }]
          : []),
        ...(options.model.servingDescriptor
          ? [{ from: options.model.servingDescriptor, to: servingPaths.servingDescriptor }]
          : []),
      ],
    },
  ];
  const labels: Record<string, string> = {
    [annotationKeys.created]: isoTime(options.sourceDateEpoch),
    [annotationKeys.version]: options.model.version,
    ...(options.source?.url ? { [annotationKeys.source]: options.source.url } : {}),
    ...(options.source?.revision ? { [annotationKeys.revision]: options.source.revision } : {}),
    [modelLabels.name]: options.model.name,
    [modelLabels.version]: options.model.version,
    [modelLabels.sha256]: modelSha256,
  };
  return {
    base: options.base,
    layoutDir: options.layoutDir,
    sourceDateEpoch: options.sourceDateEpoch,
    layers,
    labels,
    config: {
      entrypoint: ["node", posix.join(servingPaths.server, options.server.entry)],
      env: {
        NODE_ENV: "production",
        PORT: String(port),
        MODEL_NAME: options.model.name,
        MODEL_VERSION: options.model.version,
        MODEL_PATH: servingPaths.model,
        ...(options.model.versionManifest ? { MODEL_MANIFEST: servingPaths.versionManifest } : {}),
        ...(options.model.servingDescriptor ? { MLOPS_SERVING: servingPaths.servingDescriptor } : {}),
        ...options.env,
      },
      workingDir: servingPaths.app,
      exposedPorts: [port],
      user: options.user ?? "10001:10001",
    },
    tag: options.tag,
    platform,
    registry: options.registry,
    compressionLevel: options.compressionLevel,
    logger: options.logger ?? silentLogger,
  };
}

/** Builds the model-serving image into an OCI layout; see `servingImageBuild` for its shape. */
export async function buildServingImage(options: ServingImageOptions): Promise<BuildImageResult> {
  return buildImage(await servingImageBuild(options));
}
