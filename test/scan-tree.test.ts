import { mkdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HashIndex, walkFiles } from "../src/store/index.js";
import { type ScannedTree, scanTree, startScanWorkers, statAt } from "../src/store/scan-tree.js";
import { tempDir } from "./support/repo.js";

/** One big directory (nested three deep), many tiny ones, loose files at the top, and what is skipped. */
function lopsidedTree(root: string): void {
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 5; b++) {
      const dir = join(root, "big", `a${a}`, `b${b}`);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < 150; i++) writeFileSync(join(dir, `f${i}.csv`), `${a},${b},${i}\n`);
    }
  }
  for (let d = 0; d < 40; d++) {
    mkdirSync(join(root, `small-${d}`));
    for (let i = 0; i <= d % 3; i++) writeFileSync(join(root, `small-${d}`, `s${i}.txt`), "x".repeat(d + i));
  }
  mkdirSync(join(root, "empty"));
  for (let i = 0; i < 5; i++) writeFileSync(join(root, `top-${i}.txt`), `top ${i}\n`);
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, ".git", "HEAD"), "ref: refs/heads/main\n");
  writeFileSync(join(root, "small-3", ".partial.tmp"), "being written");
}

function byPath(tree: ScannedTree): Map<string, ReturnType<typeof statAt>> {
  return new Map(tree.relpaths.map((p, i) => [p, statAt(tree, i)]));
}

describe("scanning a tree on several threads", () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeEach(() => {
    tmp = tempDir("mlops-scan-");
  });
  afterEach(() => tmp.cleanup());

  it("gives the same paths, stats, order and fingerprint as one thread on a lopsided tree", async () => {
    lopsidedTree(tmp.dir);
    const one = await scanTree(tmp.dir, { threads: 1 });
    const shared = await scanTree(tmp.dir, { threads: 3, holdMainThread: true });
    expect(one.threadsUsed).toBe(1);
    expect(shared.threadsUsed).toBe(3);
    expect(shared.relpaths).toEqual(one.relpaths);
    expect(Array.from(shared.numbers)).toEqual(Array.from(one.numbers));
    expect(shared.fingerprint).toBe(one.fingerprint);
    // the same files walkFiles lists (no .git, no temp files), each with its own stat
    expect([...one.relpaths].sort()).toEqual(walkFiles(tmp.dir).sort());
    // 3,000 in big/, 14×1 + 13×2 + 13×3 in small-*/, 5 at the top
    expect(one.relpaths).toHaveLength(3000 + 79 + 5);
    const stats = byPath(shared);
    for (const relpath of ["big/a3/b4/f149.csv", "small-39/s0.txt", "top-0.txt"]) {
      const st = statSync(join(tmp.dir, relpath));
      expect(stats.get(relpath), relpath).toEqual({ size: st.size, mtimeMs: st.mtimeMs, ino: st.ino });
    }
  });

  it("shares a flat directory of many files in batches, with the same result as one thread", async () => {
    for (let i = 0; i < 5000; i++) writeFileSync(join(tmp.dir, `row-${i}.csv`), `${i}\n`);
    const one = await scanTree(tmp.dir, { threads: 1 });
    const shared = await scanTree(tmp.dir, { threads: 2, holdMainThread: true });
    expect(shared.threadsUsed).toBe(2);
    expect(shared.relpaths).toHaveLength(5000);
    expect(shared.relpaths).toEqual(one.relpaths);
    expect(Array.from(shared.numbers)).toEqual(Array.from(one.numbers));
  });

  it("finds a change of size or of mtime alone in the last directory scanned", async () => {
    lopsidedTree(tmp.dir);
    const before = await scanTree(tmp.dir, { threads: 2, holdMainThread: true });
    const last = before.relpaths.at(-1) as string;
    const beforeStat = byPath(before).get(last);
    writeFileSync(join(tmp.dir, last), "longer than it was before\n");
    const grown = await scanTree(tmp.dir, { threads: 2, holdMainThread: true });
    expect(grown.fingerprint).not.toBe(before.fingerprint);
    expect(byPath(grown).get(last)?.size).toBe(26);

    // same size, only the mtime moves: still a different fingerprint
    const touched = join(tmp.dir, before.relpaths.at(-2) as string);
    const size = statSync(touched).size;
    utimesSync(touched, new Date(1_000_000), new Date(1_000_000));
    const retimed = await scanTree(tmp.dir, { threads: 2, holdMainThread: true });
    expect(byPath(retimed).get(before.relpaths.at(-2) as string)).toMatchObject({ size, mtimeMs: 1_000_000 });
    expect(retimed.fingerprint).not.toBe(grown.fingerprint);
    expect(beforeStat).toBeDefined();
  });

  it("uses workers started ahead of the scan, once the index remembers a tree worth sharing", async () => {
    lopsidedTree(join(tmp.dir, "tree"));
    const state = join(tmp.dir, "state");
    const index = await HashIndex.open(state);
    index.recordTree(join(tmp.dir, "tree"), {
      fingerprint: "f",
      oid: `${"0".repeat(64)}.dir`,
      size: 1,
      nfiles: 3084,
    });
    await index.save();
    expect(HashIndex.largestTree(state)).toBe(3084);
    startScanWorkers(state); // below the threshold: nothing is started, nothing to clean up
    index.recordTree(join(tmp.dir, "tree"), {
      fingerprint: "g",
      oid: `${"0".repeat(64)}.dir`,
      size: 1,
      nfiles: 100_000,
    });
    await index.save();
    expect(HashIndex.largestTree(state)).toBe(100_000);
    startScanWorkers(state);
    const warm = await scanTree(join(tmp.dir, "tree"), { threads: 2, holdMainThread: true });
    const one = await scanTree(join(tmp.dir, "tree"), { threads: 1 });
    expect(warm.threadsUsed).toBe(2);
    expect(warm.relpaths).toEqual(one.relpaths);
    expect(Array.from(warm.numbers)).toEqual(Array.from(one.numbers));
    expect(warm.fingerprint).toBe(one.fingerprint);
  });
});
