import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CopyJob, copyVerifiedMany, startCopyWorkers } from "../src/store/copy-many.js";
import { Cache } from "../src/store/index.js";
import { tempDir } from "./support/repo.js";

const sha = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Every file under `dir`, relative, sorted; temp names included, so a leftover shows. */
function tree(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [prefix + e.name]))
    .sort();
}

describe("copyVerifiedMany", () => {
  let work: { dir: string; cleanup: () => void };
  let src: string;
  let dest: string;
  beforeEach(() => {
    work = tempDir("mlops-copy-many-");
    src = join(work.dir, "src");
    dest = join(work.dir, "dest");
    mkdirSync(src);
  });
  afterEach(() => work.cleanup());

  /** `count` distinct small files, laid out like a store's fan-out: dest/sha256/ab/cdef…. */
  function objects(count: number): CopyJob[] {
    return Array.from({ length: count }, (_, i) => {
      const bytes = `object ${i}\n`.repeat(1 + (i % 5));
      const oid = sha(bytes);
      writeFileSync(join(src, oid), bytes);
      return {
        src: join(src, oid),
        dest: join(dest, "sha256", oid.slice(0, 2), oid.slice(2)),
        sha256: oid,
        size: Buffer.byteLength(bytes),
      };
    });
  }

  const expectCopied = (jobs: readonly CopyJob[]) => {
    for (const job of jobs) expect(sha(readFileSync(job.dest)), job.dest).toBe(job.sha256);
  };

  it("fills fresh fan-out directories on several threads and leaves no temp name behind", async () => {
    const jobs = objects(2500);
    startCopyWorkers();
    const outcome = await copyVerifiedMany(jobs, { atomic: true, threads: 2, holdMainThread: true });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.threadsUsed).toBe(2);
    expect(outcome.bytes).toBe(jobs.reduce((n, j) => n + (j.size ?? 0), 0));
    expectCopied(jobs);
    expect(tree(dest).filter((p) => p.includes(".tmp"))).toEqual([]);
    expect(readdirSync(join(dest, "sha256")).every((name) => /^[0-9a-f]{2}$/.test(name))).toBe(true);
  });

  it("adds to directories that exist one file at a time, beside what they hold", async () => {
    const jobs = objects(600);
    const first = jobs.slice(0, 300);
    expect((await copyVerifiedMany(first, { atomic: true })).failure).toBeUndefined();
    const before = tree(dest);
    const outcome = await copyVerifiedMany(jobs.slice(300), { atomic: true });
    expect(outcome.failure).toBeUndefined();
    expectCopied(jobs);
    expect(tree(dest)).toEqual(
      [...before, ...jobs.slice(300).map((j) => j.dest.slice(dest.length + 1))].sort(),
    );
  });

  it("moves a staged directory's files in one by one when the directory appeared meanwhile", async () => {
    // The first unit creates x/ (as the parent of x/sub); the second, planned when x/ did not
    // exist, was filled as .x.*.tmp and cannot be renamed over it.
    const a = "in sub";
    const b = "in x";
    writeFileSync(join(src, "a"), a);
    writeFileSync(join(src, "b"), b);
    const jobs: CopyJob[] = [
      { src: join(src, "a"), dest: join(dest, "x", "sub", "a"), sha256: sha(a) },
      { src: join(src, "b"), dest: join(dest, "x", "b"), sha256: sha(b) },
    ];
    const outcome = await copyVerifiedMany(jobs, { atomic: true, threads: 1 });
    expect(outcome.failure).toBeUndefined();
    expect(tree(dest)).toEqual(["x/b", "x/sub/a"]);
    expectCopied(jobs);
  });

  it("stops at a corrupt object: what went before is visible and whole, the object and temp names are not", async () => {
    const jobs = objects(400);
    const victim = 123;
    const job = jobs[victim] as CopyJob;
    const flipped = readFileSync(job.src);
    flipped[0] = (flipped[0] ?? 0) ^ 0xff;
    writeFileSync(job.src, flipped);
    const outcome = await copyVerifiedMany(jobs, { atomic: true, threads: 1 });
    expect(outcome.failure).toEqual({ index: victim, kind: "corrupt", actual: sha(flipped) });
    expect(existsSync(job.dest)).toBe(false);
    const visible = tree(dest);
    expect(visible.filter((p) => p.includes(".tmp"))).toEqual([]);
    expect(visible.length).toBeGreaterThan(0);
    for (const path of visible)
      expect(sha(readFileSync(join(dest, path)))).toBe(path.replace(/[/\\]/g, "").slice(6));
  });

  it("reports a corrupt object a worker found by its index, and stops the other threads", async () => {
    // Written in place in runs of 128: the worker's reserved unit is the second run.
    const jobs = objects(2100).map((j, i) => ({ ...j, dest: join(dest, `f-${i}`) }));
    const victim = 130;
    writeFileSync((jobs[victim] as CopyJob).src, "not what it was");
    const outcome = await copyVerifiedMany(jobs, { atomic: false, threads: 2, holdMainThread: true });
    // Only the worker could find it (the main thread may even stop before claiming anything).
    expect(outcome.failure).toEqual({ index: victim, kind: "corrupt", actual: sha("not what it was") });
    expect(existsSync((jobs[victim] as CopyJob).dest)).toBe(false);
    expect(tree(dest).length).toBeLessThan(jobs.length);
  });

  it("reads a file longer than its expected size whole, and refuses it by what it hashes to", async () => {
    const bytes = "twelve bytes";
    writeFileSync(join(src, "long"), `${bytes} and more`);
    const outcome = await copyVerifiedMany(
      [{ src: join(src, "long"), dest: join(dest, "d", "long"), sha256: sha(bytes), size: bytes.length }],
      { atomic: true },
    );
    expect(outcome.failure).toEqual({ index: 0, kind: "corrupt", actual: sha(`${bytes} and more`) });
    expect(tree(dest)).toEqual([]);
  });

  it("names a missing source by its index", async () => {
    const jobs = objects(3);
    const gone = { ...(jobs[1] as CopyJob), src: join(src, "nothing-here") };
    const outcome = await copyVerifiedMany([jobs[0] as CopyJob, gone, jobs[2] as CopyJob], { atomic: true });
    expect(outcome.failure).toMatchObject({ index: 1, kind: "missing" });
  });

  it("reports each file's stats at its own index when writing in place on several threads", async () => {
    const jobs = objects(2100).map((j, i) => ({ ...j, dest: join(dest, `part-${i % 7}`, `f-${i}`) }));
    const outcome = await copyVerifiedMany(jobs, {
      atomic: false,
      stats: true,
      threads: 2,
      holdMainThread: true,
    });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.threadsUsed).toBe(2);
    const stats = outcome.stats as Float64Array;
    for (const i of [0, 1, 777, 2099]) {
      const job = jobs[i] as CopyJob;
      expect(stats[i * 3]).toBe(job.size);
      expect(stats[i * 3 + 2]).toBeGreaterThan(0);
    }
    expectCopied(jobs);
  });
});

describe("Cache.removeLeftovers", () => {
  let work: { dir: string; cleanup: () => void };
  beforeEach(() => {
    work = tempDir("mlops-leftovers-");
  });
  afterEach(() => work.cleanup());

  it("removes a fan-out directory a killed bulk copy was filling, and keeps the objects", async () => {
    const cache = new Cache(work.dir);
    const kept = "kept";
    cache.putBytesSync(sha(kept), Buffer.from(kept));
    const staged = join(work.dir, "sha256", ".ab.123.abcdefm1.tmp");
    mkdirSync(staged);
    writeFileSync(join(staged, "c".repeat(62)), "whole but never placed");
    expect(await cache.removeLeftovers()).toBe(1);
    expect(existsSync(staged)).toBe(false);
    expect(cache.listObjects()).toEqual([sha(kept)]);
  });
});
