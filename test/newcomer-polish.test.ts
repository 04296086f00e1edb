import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bytesFor } from "./support/bytes.js";
import { repoRoot, runCli } from "./support/cli.js";
import { gitIn, tempDir, tempRepo } from "./support/repo.js";

/** What a first-day user trips over: each case here was once wrong. */

describe("mlops --version", () => {
  const version = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version as string;

  it("prints the package's version and exits 0, as --version and as -V", () => {
    for (const flag of ["--version", "-V"]) {
      const result = runCli([flag], { cwd: repoRoot });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it("leaves a verb's own --version alone", () => {
    const result = runCli(["register", "no-such-model", "--version", "v1.0.1"], { cwd: repoRoot });
    expect(result.stdout.trim()).not.toBe(version);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("no-such-model");
  });
});

describe("mlops drift of tables with nothing to compare", () => {
  let work: { dir: string; cleanup: () => void };
  beforeEach(() => {
    work = tempDir();
    writeFileSync(
      join(work.dir, "a.json"),
      JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ x: i, y: `k${i % 3}` }))),
    );
    writeFileSync(
      join(work.dir, "b.json"),
      JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ u: i * 2, v: `k${i % 4}` }))),
    );
  });
  afterEach(() => work.cleanup());

  it("fails with an error naming both files and their columns instead of 'no drift over 0 columns'", () => {
    const result = runCli(["drift", "a.json", "b.json"], { cwd: work.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/no drift/);
    expect(result.stderr).toMatch(
      /b\.json: nothing to compare: b\.json \(columns u, v\) has no column in common with a\.json \(columns x, y\)/,
    );
  });

  it("still compares tables that share a column", () => {
    writeFileSync(
      join(work.dir, "c.json"),
      JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ x: i + 1, w: i }))),
    );
    const result = runCli(["drift", "a.json", "c.json", "--json"], { cwd: work.dir });
    expect(result.code, result.stderr).toBe(0);
    expect((result.json() as { columns: { column: string }[] }).columns.map((c) => c.column)).toEqual(["x"]);
  });
});

describe("the size a push reports", () => {
  let repo: { dir: string; cleanup: () => void };
  let bare: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    bare = tempDir("mlops-bare-");
    gitIn(bare.dir, "init", "-q", "--bare");
  });
  afterEach(() => {
    repo.cleanup();
    bare.cleanup();
  });

  it("is the bytes sent, even when uploads to the objects branch run concurrently", () => {
    // The objects branch has no in-memory upload, so every object goes through the path whose
    // concurrent `+= await` once dropped most of the sum (7 objects of 255.5 KiB reported as 128.6 KiB).
    const cwd = repo.dir;
    const dir = join(cwd, "data/images");
    gitIn(cwd, "config", "core.autocrlf", "false");
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `f${i}.bin`), bytesFor(7 + i, 20_000 + i * 1_000));
    expect(
      runCli(["remote", "add", "objs", `git-branch:objects@${bare.dir}`, "--default"], { cwd }).code,
    ).toBe(0);
    const added = runCli(["data", "add", "data/images"], { cwd });
    expect(added.code, added.stderr).toBe(0);
    const push = runCli(["data", "push", "--jobs", "8", "--json"], { cwd });
    expect(push.code, push.stderr).toBe(0);
    const listed = gitIn(bare.dir, "ls-tree", "-r", "-l", "objects")
      .trim()
      .split("\n")
      .map((line) => Number(line.split(/\s+/)[3]));
    const sent = listed.reduce((a, b) => a + b, 0);
    const files = Array.from({ length: 12 }, (_, i) => statSync(join(dir, `f${i}.bin`)).size);
    expect(listed.length).toBe(13); // 12 files and the listing
    expect(sent).toBeGreaterThan(files.reduce((a, b) => a + b, 0));
    expect(push.json()).toMatchObject({ transferred: 13, skipped: 0, bytes: sent });
  });
});

describe("the report's title", () => {
  let repo: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    gitIn(repo.dir, "commit", "-q", "--allow-empty", "-m", "first");
    gitIn(repo.dir, "branch", "release-1");
    gitIn(repo.dir, "checkout", "-q", "-b", "feature");
    gitIn(repo.dir, "commit", "-q", "--allow-empty", "-m", "second");
  });
  afterEach(() => repo.cleanup());

  it("names the revision --base named, in markdown and in HTML", () => {
    const cwd = repo.dir;
    const base = gitIn(cwd, "rev-parse", "release-1").trim();
    const result = runCli(["report", "--base", "release-1", "--html", "report.html"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const title = result.stdout.split("\n")[0] ?? "";
    expect(title).toContain("feature");
    expect(title).toContain(`vs release-1 \`${base.slice(0, 10)}\``);
    expect(title).not.toMatch(/\bmain\b/);
    const html = readFileSync(join(cwd, "report.html"), "utf8");
    expect(html).toContain("<title>mlops report: feature vs release-1</title>");
    expect(html).not.toMatch(/\bmain\b/);
  });
});
