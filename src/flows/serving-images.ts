import { MlopsError } from "../errors/index.js";
import type { RegistryOptions } from "../image/registry-client.js";
import type { Logger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import { imageSettings } from "./targets.js";

/** Where a merge's serving images go, and how one is made. */
export interface ImagePublisher {
  /** `host/path`: a version's image is `<repository>/<model>:<version>`. */
  repository: string;
  /** Builds and pushes the version's serving image; answers its manifest digest. */
  publish(model: string, version: string): Promise<string>;
}

export interface ImagePublisherOptions {
  /** Default: `images.repository` in .mlops/config.yaml. */
  repository?: string;
  /** Default: `images.base`. */
  base?: string;
  /**
   * `owner/repo` of the GitHub repository the run belongs to (a workflow's `GITHUB_REPOSITORY`).
   * With no image repository given or configured, images go to that repository's own name on the
   * GitHub container registry, so a repository made from the template publishes with no setting.
   */
  githubRepository?: string;
  /** The host standing in for ghcr.io (a test seam: a local registry); default ghcr.io. */
  containerRegistryHost?: string;
  /** The serving bundle and the node_modules holding onnxruntime: what the door ships. */
  serverBundleDir: string;
  nodeModulesDir: string;
  sourceUrl?: string;
  registry?: RegistryOptions;
  logger?: Logger;
}

/** The reference a version's image is pushed under, with its digest: the same whoever built it. */
export function imageReference(repository: string, model: string, version: string, digest: string): string {
  return `${repository}/${model}:${version}@${digest}`;
}

export const githubContainerRegistry = "ghcr.io";

/**
 * `ghcr.io/<owner>/<repo>`, lower-cased because the registry only takes lower-case repository
 * names (https://docs.github.com/en/packages/working-with-a-github-packages-registry/working-with-the-container-registry).
 */
export function defaultImageRepository(githubRepository: string, host = githubContainerRegistry): string {
  const [owner, repo, ...more] = githubRepository.split("/");
  if (!owner || !repo || more.length > 0 || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(repo)) {
    throw new MlopsError("usage", `'${githubRepository}' is not a GitHub repository name`, {
      expected: "owner/repo, as GITHUB_REPOSITORY gives it",
      got: githubRepository,
    });
  }
  return `${host}/${owner}/${repo}`.toLowerCase();
}

/**
 * The image publisher the given settings and the repo config describe; undefined when no image
 * repository is given, configured, or implied by a GitHub repository (a merge then assigns stages
 * without images).
 */
export async function imagePublisher(
  layout: RepoLayout,
  options: ImagePublisherOptions,
): Promise<ImagePublisher | undefined> {
  const config = await imageSettings(layout);
  const repository =
    options.repository ||
    config.repository ||
    (options.githubRepository
      ? defaultImageRepository(options.githubRepository, options.containerRegistryHost || undefined)
      : undefined);
  const base = options.base || config.base;
  if (!repository) return undefined;
  if (!base) {
    throw new MlopsError("usage", `images go to ${repository} but no base image is set`, {
      expected: "a base image pinned by digest (…@sha256:<64 hex>): images.base in .mlops/config.yaml",
    });
  }
  return {
    repository,
    async publish(model, version) {
      const { publishModelImage } = await import("../image/index.js");
      const { image } = await publishModelImage(layout, {
        selector: `${model}@${version}`,
        base,
        serverBundleDir: options.serverBundleDir,
        nodeModulesDir: options.nodeModulesDir,
        ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
        pushTo: `${repository}/${model}:${version}`,
        ...(options.registry ? { registry: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
      return image.build.manifestDigest;
    },
  };
}
