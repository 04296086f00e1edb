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

export const nameSlug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "expected lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
  );
