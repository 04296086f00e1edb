import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalRemote } from "../src/store/index.js";
import { runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/repo.js";

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

function objectPath(root: string, oid: string): string {
  return join(root, "sha256", oid.slice(0, 2), oid.slice(2));
}

/** Every name under `root/sha256/*` that is neither an object nor a temp file would be a bug; returns objects. */
function visibleObjects(root: string): string[] {
  const base = join(root, "sha256");
  if (!existsSync(base)) return [];
  const out: string[] = [];
  for (const prefix of readdirSync(base)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const rest of readdirSync(join(base, prefix))) {
      if (rest.startsWith(".") && rest.endsWith(".tmp")) continue;
      const path = join(base, prefix, rest);
      expect(sha(readFileSync(path)), `${prefix}${rest} is visible but corrupt`).toBe(
        (prefix + rest).slice(0, 64),
      );
      out.push(prefix + rest);
    }
  }
  return out;
}

const content = (i: number) => `file ${i}\n`.repeat(3 + (i % 7));

/** `count` small files under data/set, in ten subdirectories. */
function writeSet(cwd: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = join(cwd, "data/set", `part-${i % 10}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f-${i}.txt`), content(i));
  }
}

describe("LocalRemote.has", () => {
  let root: { dir: string; cleanup: () => void };
  beforeEach(() => {
    root = tempDir("mlops-has-");
  });
  afterEach(() => root.cleanup());

  it("answers exactly when it lists prefix directories instead of looking each object up", async () => {
    const remote = new LocalRemote("here", root.dir, root.dir);
    const stored: string[] = [];
    for (let i = 0; i < 120; i++) {
      const bytes = Buffer.from(`object ${i}`);
      stored.push(sha(bytes));
      await remote.uploadBytes(sha(bytes), bytes);
    }
    const absent = Array.from({ length: 200 }, (_, i) => sha(`absent ${i}`));
    // A killed upload's temp file beside an object is not that object.
    const ghost = absent.find((oid) => existsSync(join(root.dir, "sha256", oid.slice(0, 2)))) as string;
    writeFileSync(join(root.dir, "sha256", ghost.slice(0, 2), `.${ghost.slice(2)}.1.abc1.tmp`), "partial");
    const asked = [...stored, ...absent].sort();
    expect(asked.length).toBeGreaterThan(64);
    const one = async (oid: string) => (await remote.has([oid])).has(oid);
    const present = await remote.has(asked);
    expect([...present].sort()).toEqual([...stored].sort());
    // the same answers, one object at a time (the lookup path)
    for (const oid of [stored[0], stored[119], ghost, absent[7]] as string[])
      await expect(one(oid)).resolves.toBe(present.has(oid));
    expect((await new LocalRemote("none", "x", join(root.dir, "missing")).has(asked)).size).toBe(0);
  });
});

describe("directory remote, many small files", () => {
  let repo: { dir: string; cleanup: () => void };
  let remote: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    remote = tempDir("mlops-remote-");
    mkdirSync(join(repo.dir, "data"), { recursive: true });
    expect(runCli(["remote", "add", "origin", remote.dir, "--default"], { cwd: repo.dir }).code).toBe(0);
  });
  afterEach(() => {
    repo.cleanup();
    remote.cleanup();
  });

  it("pulls thousands in bulk on two threads, refusing a flipped byte or a missing object by name", () => {
    const cwd = repo.dir;
    const count = 2500;
    writeSet(cwd, count);
    expect(runCli(["data", "add", "data/set"], { cwd }).code).toBe(0);
    const push = runCli(["data", "push", "--json"], { cwd });
    expect(push.code, push.stderr).toBe(0);
    expect(visibleObjects(remote.dir)).toHaveLength(count + 1);

    const victim = sha(content(1234));
    const good = readFileSync(objectPath(remote.dir, victim));
    const flipped = Buffer.from(good);
    flipped[2] = (flipped[2] ?? 0) ^ 0xff;
    writeFileSync(objectPath(remote.dir, victim), flipped);
    const emptyWorkspace = () => {
      rmSync(join(cwd, ".mlops/cache"), { recursive: true, force: true });
      rmSync(join(cwd, "data/set"), { recursive: true, force: true });
    };
    const refusedCleanly = (pull: ReturnType<typeof runCli>) => {
      expect(pull.code).toBe(1);
      expect(pull.stderr).toContain(victim);
      expect(pull.stderr).toContain("data/set.dvc");
      expect(pull.stderr).toContain("remote 'origin'");
      // every object that became visible is whole and right; no listing claims the tree; no checkout
      const cached = visibleObjects(join(cwd, ".mlops/cache"));
      expect(cached).not.toContain(victim);
      expect(cached.some((oid) => oid.endsWith(".dir"))).toBe(false);
      expect(existsSync(join(cwd, "data/set"))).toBe(false);
    };

    emptyWorkspace();
    const corrupt = runCli(["data", "pull", "-j", "8"], { cwd });
    refusedCleanly(corrupt);
    expect(corrupt.stderr).toMatch(/corrupt/);
    expect(corrupt.stderr).toContain(sha(flipped));

    rmSync(objectPath(remote.dir, victim));
    emptyWorkspace();
    const missing = runCli(["data", "pull", "-j", "8"], { cwd });
    refusedCleanly(missing);
    expect(missing.stderr).toMatch(/is not on remote 'origin'/);

    writeFileSync(objectPath(remote.dir, victim), good);
    const pull = runCli(["data", "pull", "-j", "8", "--json"], { cwd });
    expect(pull.code, pull.stderr).toBe(0);
    for (const i of [0, 1234, count - 1])
      expect(readFileSync(join(cwd, `data/set/part-${i % 10}/f-${i}.txt`), "utf8")).toBe(content(i));
    expect(readdirSync(join(cwd, "data")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    // the bulk checkout recorded what the hash index needs: nothing is read again
    const status = runCli(["data", "status", "--json"], { cwd });
    expect(status.code, status.stdout).toBe(0);
    expect(status.json()).toMatchObject({ hashed: 0 });
  }, 120_000);

  it("refuses to push a corrupt cache object in a bulk push, and to check one out into a new tree", () => {
    const cwd = repo.dir;
    writeSet(cwd, 300);
    expect(runCli(["data", "add", "data/set"], { cwd }).code).toBe(0);
    const victim = sha(content(77));
    const path = objectPath(join(cwd, ".mlops/cache"), victim);
    const bytes = readFileSync(path);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);

    const push = runCli(["data", "push"], { cwd });
    expect(push.code).toBe(1);
    expect(push.stderr).toContain(victim);
    expect(push.stderr).toMatch(/in the cache is corrupt/);
    const onRemote = visibleObjects(remote.dir);
    expect(onRemote).not.toContain(victim);
    expect(onRemote.some((oid) => oid.endsWith(".dir"))).toBe(false);

    rmSync(join(cwd, "data/set"), { recursive: true });
    const checkout = runCli(["data", "checkout"], { cwd });
    expect(checkout.code).toBe(1);
    expect(checkout.stderr).toContain(victim);
    expect(checkout.stderr).toContain("data/set.dvc");
    expect(checkout.stderr).toMatch(/corrupt/);
    // the tree appears whole or not at all, and its temp directory is gone
    expect(existsSync(join(cwd, "data/set"))).toBe(false);
    expect(readdirSync(join(cwd, "data")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
