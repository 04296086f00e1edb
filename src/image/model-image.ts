import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../files/index.js";
import { git } from "../git/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { stableJson } from "../pipeline/stable-json.js";
import type { RepoLayout } from "../repo/index.js";
import type { BuildImageResult } from "./build.js";
import type { RegistryOptions } from "./registry-client.js";
import { buildServingImage } from "./serving-image.js";

export interface ModelImageOptions {
  /** `name`, `name@vX.Y.Z` or `name#stage`. */
  selector: string;
  /** The base image with node, pinned by digest. */
  base: string;
  /** The serving bundle (actions/build-image/server) and the file in it node runs. */
  serverBundleDir: string;
  serverEntry?: string;
  /** The node_modules holding onnxruntime-node and onnxruntime-common. */
  nodeModulesDir: string;
  /** Where the OCI layout goes (default `.mlops/images/<model>/<version>`). */
  layoutDir?: string;
  /** The repository's URL, for the `org.opencontainers.image.source` label. */
  sourceUrl?: string;
  tag?: string;
  port?: number;
  registry?: RegistryOptions;
  logger?: Logger;
}

export interface ModelImage {
  model: string;
  version: string;
  /** The commit the version was built from; its commit time is every timestamp in the image. */
  commit: string;
  sourceDateEpoch: number;
  build: BuildImageResult;
}

/**
 * The serving image of a registered version: its model file (checked against the manifest's hash
 * when the store hands it out), the version manifest and the server's model description, on the
 * server bundle and onnxruntime. Every input is fixed by the version, so the same version, base and
 * server give the same digest on any machine with the same Node release.
 */
export async function buildModelImage(layout: RepoLayout, options: ModelImageOptions): Promise<ModelImage> {
  const logger = options.logger ?? silentLogger;
  const { resolveServableModel } = await import("../serve/resolve.js");
  const resolved = await resolveServableModel(layout, options.selector);
  const { manifest, model } = resolved;
  const epoch = Number(
    (await git(["log", "-1", "--format=%ct", manifest.commit], { cwd: layout.root })).trim(),
  );
  const annotation = await git(
    ["tag", "-l", "--format=%(contents)", `${manifest.model}@${manifest.version}`],
    { cwd: layout.root },
  );
  const staging = join(layout.mlopsDir, "tmp", `image-${manifest.model}-${manifest.version}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const versionFile = join(staging, "version.yaml");
    const servingFile = join(staging, "serving.json");
    await writeFileAtomic(versionFile, annotation.endsWith("\n") ? annotation : `${annotation}\n`);
    const { onnxPath: _hostPath, ...describe } = model;
    await writeFileAtomic(servingFile, `${stableJson({ ...describe, file: "model.onnx" })}\n`);
    const layoutDir = options.layoutDir ?? join(layout.mlopsDir, "images", manifest.model, manifest.version);
    logger.info(`building the image of ${manifest.model} ${manifest.version} on ${options.base}`);
    const build = await buildServingImage({
      base: options.base,
      layoutDir,
      sourceDateEpoch: epoch,
      server: { bundleDir: options.serverBundleDir, entry: options.serverEntry ?? "index.js" },
      nodeModulesDir: options.nodeModulesDir,
      model: {
        name: manifest.model,
        version: manifest.version,
        file: model.onnxPath,
        versionManifest: versionFile,
        servingDescriptor: servingFile,
      },
      source: { ...(options.sourceUrl ? { url: options.sourceUrl } : {}), revision: manifest.commit },
      ...(options.port ? { port: options.port } : {}),
      ...(options.tag ? { tag: options.tag } : {}),
      ...(options.registry ? { registry: options.registry } : {}),
      logger,
    });
    return {
      model: manifest.model,
      version: manifest.version,
      commit: manifest.commit,
      sourceDateEpoch: epoch,
      build,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
