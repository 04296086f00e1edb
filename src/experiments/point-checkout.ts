import { randomBytes } from "node:crypto";
import { existsSync, symlinkSync } from "node:fs";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { git, gitRaw } from "../git/index.js";
import { type RepoLayout, repoLayout } from "../repo/index.js";

/** A throwaway checkout of the base commit where one point of a sweep runs. */
export interface PointCheckout {
  dir: string;
  /** The checkout's layout, sharing the workspace's cache (objects and run cache). */
  layout: RepoLayout;
  remove(): Promise<void>;
}

/**
 * Worktree bookkeeping (add, remove, prune) one at a time: git keeps it in files under
 * .git/worktrees, and a prune or remove while another add is half-way read that add's entry before
 * its files were written ("failed to read …/commondir"), failing the sweep.
 */
let worktreeAdmin: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(step: () => Promise<T>): Promise<T> {
  const next = worktreeAdmin.then(step, step);
  worktreeAdmin = next.catch(() => undefined);
  return next;
}

/** Where checkouts live: under .mlops/tmp (git-ignored, same file system as the cache). */
export function checkoutsDir(layout: RepoLayout): string {
  return join(layout.tmpDir, "exps");
}

/**
 * A detached git worktree of `base` under .mlops/tmp/exps: the point's params and outputs never
 * touch the workspace or another point. Its layout points at the workspace's cache, so objects and
 * run-cache records are shared: a stage another point (or `mlops run`) ran is restored, not rerun.
 */
export async function createPointCheckout(
  layout: RepoLayout,
  base: string,
  label: string,
): Promise<PointCheckout> {
  const parent = checkoutsDir(layout);
  await mkdir(parent, { recursive: true });
  const dir = join(parent, `${label}-${randomBytes(4).toString("hex")}`);
  await oneAtATime(() => gitRaw(["worktree", "add", "--detach", "--quiet", dir, base], { cwd: layout.root }));
  // Stage commands and dataset sources resolve packages from the project's node_modules.
  const modules = join(layout.root, "node_modules");
  if (existsSync(modules) && !existsSync(join(dir, "node_modules")))
    symlinkSync(modules, join(dir, "node_modules"), "dir");
  // Machine-local settings (a personal remote, credentials) are git-ignored, so copied over.
  if (existsSync(layout.localConfigFile)) {
    await mkdir(join(dir, ".mlops"), { recursive: true });
    await copyFile(layout.localConfigFile, join(dir, ".mlops", "config.local.yaml"));
  }
  const own = repoLayout(dir);
  return {
    dir,
    layout: { ...own, cacheDir: layout.cacheDir },
    remove: async () => {
      await oneAtATime(async () => {
        await gitRaw(["worktree", "remove", "--force", dir], { cwd: layout.root, okCodes: [128] });
        await rm(dir, { recursive: true, force: true });
      });
    },
  };
}

/** Forgets checkouts a killed sweep left behind (git's own records of missing worktrees). */
export async function pruneCheckouts(layout: RepoLayout): Promise<void> {
  await oneAtATime(() => git(["worktree", "prune"], { cwd: layout.root }));
}
