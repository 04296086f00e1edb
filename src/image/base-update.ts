import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { manifestAcceptHeader } from "./media-types.js";
import { formatImageReference, parseImageReference } from "./reference.js";
import { RegistryClient, type RegistryOptions, repositoryScope } from "./registry-client.js";

export interface BaseImageCheck {
  /** The configured reference, `registry/repository:tag@sha256:…`. */
  base: string;
  tag: string;
  pinned: string;
  /** The digest the registry serves for the tag now (a multi-platform index's, when it is one). */
  latest: string;
  outdated: boolean;
  /** The reference to pin instead: the same tag at the newest digest. */
  proposed: string;
}

/**
 * Asks the base image's registry which digest its tag points at now. The base must name its tag
 * beside the digest (`node:24-bookworm-slim@sha256:…`): the tag is what is followed, the digest
 * what is built on.
 */
export async function checkBaseImage(base: string, options: RegistryOptions = {}): Promise<BaseImageCheck> {
  const ref = parseImageReference(base, "images.base");
  if (!ref.tag || !ref.digest) {
    throw new MlopsError("usage", `images.base '${base}' must name a tag and a digest to be followed`, {
      field: "images.base",
      expected: "registry/repository:tag@sha256:<64 hex>",
      got: base,
    });
  }
  const client = new RegistryClient(ref.registry, options);
  const res = await client.request({
    method: "HEAD",
    url: `/v2/${ref.repository}/manifests/${ref.tag}`,
    scopes: [repositoryScope(ref.repository, ["pull"])],
    headers: { accept: manifestAcceptHeader },
    ok: [200],
    what: `look up ${ref.repository}:${ref.tag}`,
  });
  const latest = res.headers.get("docker-content-digest") ?? "";
  if (!/^sha256:[0-9a-f]{64}$/.test(latest)) {
    throw new MlopsError("remote", `${ref.registry} answered no digest for ${ref.repository}:${ref.tag}`, {
      got: latest || "(no Docker-Content-Digest header)",
    });
  }
  return {
    base,
    tag: ref.tag,
    pinned: ref.digest,
    latest,
    outdated: latest !== ref.digest,
    proposed: formatImageReference({ ...ref, digest: latest }),
  };
}

/** The config's text with the base reference replaced where it stands; comments and order kept. */
export function repinBaseImage(configText: string, check: BaseImageCheck): string {
  if (!configText.includes(check.base)) {
    throw new MlopsError("not-found", `.mlops/config.yaml does not contain '${check.base}'`, {
      file: ".mlops/config.yaml",
      field: "images.base",
    });
  }
  return configText.split(check.base).join(check.proposed);
}

export interface BaseImagePin extends BaseImageCheck {
  /** Whether .mlops/config.yaml was rewritten to the newer digest. */
  written: boolean;
}

/**
 * Checks `images.base` of `.mlops/config.yaml` against its registry and, with `write`, pins the
 * newer digest there (temp file + rename). What the scheduled base-image workflow runs before it
 * proposes the change as a pull request.
 */
export async function followBaseImage(
  configFile: string,
  options: { write: boolean; registry?: RegistryOptions },
): Promise<BaseImagePin> {
  const text = await readFile(configFile, "utf8").catch((cause: unknown) => {
    throw new MlopsError("not-found", `${configFile} could not be read`, { file: configFile, cause });
  });
  const base = (parse(text) as { images?: { base?: unknown } } | null)?.images?.base;
  if (typeof base !== "string") {
    throw new MlopsError("usage", `${configFile} sets no images.base to follow`, {
      file: configFile,
      field: "images.base",
      expected: "registry/repository:tag@sha256:<64 hex>",
    });
  }
  const check = await checkBaseImage(base, options.registry);
  const written = options.write && check.outdated;
  if (written) await writeFileAtomic(configFile, repinBaseImage(text, check));
  return { ...check, written };
}
