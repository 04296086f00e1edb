import { z } from "zod";

export const sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex characters (a sha256)");

/** A path inside the repository: relative, `/`-separated, never climbing out with `..`. */
export const repoRelativePath = z
  .string()
  .min(1, "expected a non-empty relative path")
  .refine(
    (p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p),
    "expected a relative path, not an absolute one",
  )
  .refine(
    (p) => !p.split(/[\\/]/).includes(".."),
    "expected a path that stays inside the repository (no '..')",
  );

/** Where serving images are pushed, without the model name: `host/path` like ghcr.io/owner/repo. */
export const imageRepositoryName = z
  .string()
  .regex(/^[a-z0-9.:-]+(\/[a-z0-9._-]+)+$/, "expected host/path like ghcr.io/owner/repo");

export const nameSlug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "expected lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
  );

/**
 * An npm package name as the registry accepts new ones: lowercase, URL-safe, at most 214
 * characters, optionally scoped. Anything else (a git URL, `file:`, a tarball path, an alias) would
 * make `npm pack` fetch and possibly build code from somewhere other than the registry.
 */
export const npmPackageNamePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** An exact semantic version (semver.org 2.0.0): no range, tag, URL or path. */
export const exactSemverPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export const npmPackageName = z
  .string()
  .max(214, "expected an npm package name of at most 214 characters")
  .regex(npmPackageNamePattern, "expected an npm package name (lowercase, optionally @scope/name)");

export const exactSemver = z
  .string()
  .max(256, "expected an exact version such as 3.2.1")
  .regex(exactSemverPattern, "expected an exact version such as 3.2.1 (no range, tag, git or file: spec)");

/** A stage's name once templating is expanded: `NAME`, or `NAME@KEY` for one made by `foreach`/`matrix`. */
export const stageName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*(@[A-Za-z0-9._+-]+)?$/,
    "expected lowercase letters, digits, '.', '_' or '-' (and after '@' a key of letters, digits, '.', '_', '+' or '-')",
  );
