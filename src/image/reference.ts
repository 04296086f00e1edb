import { MlopsError } from "../errors/index.js";

/**
 * An image reference the way docker and podman read one (the grammar of distribution's
 * `reference` package): `[registry/]repository[:tag][@sha256:…]`. A first component with a dot, a
 * colon or named `localhost` is a registry; otherwise the registry is Docker Hub and a one-part
 * name lives under `library/`.
 */
export interface ImageReference {
  /** Host and optional port: `ghcr.io`, `127.0.0.1:5000`, `docker.io`. */
  registry: string;
  /** The repository path inside the registry: `acme/fuel-efficiency`, `library/node`. */
  repository: string;
  tag?: string;
  digest?: string;
}

const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const domainComponent = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^sha256:[0-9a-f]{64}$/;

export const dockerHub = "docker.io";

function invalid(text: string, field: string, expected: string, got: string): MlopsError {
  return new MlopsError("usage", `invalid image reference ${JSON.stringify(text)}: ${expected}`, {
    field,
    expected,
    got,
    hint: "write it as registry/repository:tag or registry/repository@sha256:<digest>",
  });
}

export function parseImageReference(text: string, field = "reference"): ImageReference {
  let rest = text.trim();
  if (rest === "") throw invalid(text, field, "a non-empty reference", "an empty string");
  let digest: string | undefined;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) {
      throw invalid(text, field, "a digest like sha256:<64 lowercase hex>", digest);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) throw invalid(text, field, "a tag of letters, digits, '_', '.', '-'", tag);
  }
  const parts = rest.split("/");
  let registry = dockerHub;
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    parts.shift();
    const [host, port, ...more] = registry.split(":");
    const hostOk = (host ?? "").split(".").every((c) => domainComponent.test(c));
    if (!hostOk || more.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port))) {
      throw invalid(text, field, "a registry host like ghcr.io or 127.0.0.1:5000", registry);
    }
  }
  if (registry === dockerHub && parts.length === 1) parts.unshift("library");
  for (const part of parts) {
    if (!pathComponent.test(part)) {
      throw invalid(text, field, "repository path components of lowercase letters and digits", part);
    }
  }
  const repository = parts.join("/");
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

export function formatImageReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}

/** The host that answers the registry API: Docker Hub's name and its API host differ. */
export function registryApiHost(registry: string): string {
  return registry === dockerHub ? "registry-1.docker.io" : registry;
}

/** A base image must be pinned: a tag can move, and then the same commit builds a different image. */
export function requireDigest(ref: ImageReference, text: string, field: string): string {
  if (!ref.digest) {
    throw new MlopsError("usage", `the base image ${JSON.stringify(text)} is not pinned to a digest`, {
      field,
      expected: "registry/repository@sha256:<digest>",
      got: text,
      hint: "resolve the tag once (e.g. `skopeo inspect docker://…` shows the Digest) and write it after an @",
    });
  }
  return ref.digest;
}
