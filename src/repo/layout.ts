import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { MlopsError } from "../errors/index.js";

/** Where everything lives inside a repository checkout; the one place that knows these paths. */
export interface RepoLayout {
  root: string;
  /** `.mlops/`: config (tracked) and machine-local state (ignored). */
  mlopsDir: string;
  configFile: string;
  /** Per-machine overrides (credentials, a personal remote); git-ignored. */
  localConfigFile: string;
  /** `.mlops/cache`: the content-addressed store; objects under `sha256/ab/cdef…`. */
  cacheDir: string;
  /** `.mlops/state`: the hash index and other rebuildable state. */
  stateDir: string;
  /** `.mlops/tmp`: scratch space on the same file system as the cache. */
  tmpDir: string;
  dataDir: string;
  pipelinesDir: string;
  modelsDir: string;
}

export function repoLayout(root: string): RepoLayout {
  const abs = resolve(root);
  const mlopsDir = join(abs, ".mlops");
  return {
    root: abs,
    mlopsDir,
    configFile: join(mlopsDir, "config.yaml"),
    localConfigFile: join(mlopsDir, "config.local.yaml"),
    cacheDir: join(mlopsDir, "cache"),
    stateDir: join(mlopsDir, "state"),
    tmpDir: join(mlopsDir, "tmp"),
    dataDir: join(abs, "data"),
    pipelinesDir: join(abs, "pipelines"),
    modelsDir: join(abs, "models"),
  };
}

/** The nearest directory at or above `start` holding `.mlops/` or `.git`. */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, ".mlops")) || existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new MlopsError("not-found", `no repository found at or above ${start}`, {
        hint: "run inside a git checkout, or pass --repo DIR",
      });
    }
    dir = parent;
  }
}

/** A path as messages and manifests show it: relative to the repository root, `/`-separated. */
export function toRepoPath(layout: RepoLayout, abs: string): string {
  return relative(layout.root, abs).split(sep).join("/");
}

/** The repository holding `start`, or `start` itself: data files need no repository. */
export function findRepoRootOr(start: string): string {
  try {
    return findRepoRoot(start);
  } catch {
    return resolve(start);
  }
}
