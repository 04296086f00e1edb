import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "./support/cli.js";
import { gitIn } from "./support/repo.js";

/**
 * The main-job test reproduces every pipeline from a fresh clone and fails when a committed lock
 * moves, but only after minutes of training. This check reads the same fact in a second: every
 * dependency a committed lock records that git also tracks (a script, a requirements file, a train
 * script) still has the hash the lock says. A change to such a file without `mlops run` shows here,
 * naming the lock and the file.
 */

interface LockFile {
  stages: Record<string, { deps?: { path: string; sha256: string; size: number }[] }>;
}

/** The bytes HEAD holds at `path`: what a fresh clone checks out, whatever the working tree has. */
function committed(path: string): Buffer {
  const shown = spawnSync("git", ["cat-file", "blob", `HEAD:${path}`], { cwd: repoRoot });
  if (shown.status !== 0) throw new Error(`git cat-file HEAD:${path} failed: ${shown.stderr.toString()}`);
  return shown.stdout;
}

describe("committed pipeline locks", () => {
  const tracked = new Set(gitIn(repoRoot, "ls-files").split("\n").filter(Boolean));
  const locks = [...tracked].filter((p) => /^pipelines\/[^/]+\/pipeline\.lock$/.test(p));

  it("exist for every pipeline in the repository", () => {
    const pipelines = [...tracked].filter((p) => /^pipelines\/[^/]+\/pipeline\.yaml$/.test(p));
    expect(pipelines.length).toBeGreaterThan(0);
    expect(locks.map((l) => l.replace(/lock$/, "yaml")).sort()).toEqual(pipelines.sort());
  });

  it.each(locks)("%s records the current hash of every tracked file it depends on", (lock) => {
    const parsed = parseYaml(committed(lock).toString("utf8")) as LockFile;
    const stale: string[] = [];
    let checked = 0;
    for (const [stage, entry] of Object.entries(parsed.stages)) {
      for (const dep of entry.deps ?? []) {
        const path = posix.normalize(posix.join(posix.dirname(lock), dep.path));
        if (!tracked.has(path)) continue;
        checked++;
        const bytes = committed(path);
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        if (sha256 !== dep.sha256 || bytes.length !== dep.size)
          stale.push(
            `${lock}: stage ${stage}: ${dep.path} is ${sha256.slice(0, 12)} (${bytes.length} bytes), the lock says ${dep.sha256.slice(0, 12)} (${dep.size} bytes); run \`mlops run\` and commit the lock`,
          );
      }
    }
    expect(checked, `${lock} depends on no tracked file`).toBeGreaterThan(0);
    expect(stale).toEqual([]);
  });
});
