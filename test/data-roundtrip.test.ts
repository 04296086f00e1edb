import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bytesFor, sha } from "./support/bytes.js";
import { runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/repo.js";

describe("data add → push → lose everything local → pull", () => {
  let repo: { dir: string; cleanup: () => void };
  let remote: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    remote = tempDir("mlops-remote-");
  });
  afterEach(() => {
    repo.cleanup();
    remote.cleanup();
  });

  it("restores byte-identical files and directories", () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, "data/images/nested"), { recursive: true });
    const file = bytesFor(1, 300_000);
    writeFileSync(join(cwd, "data/table.csv"), file);
    const tree: Record<string, Buffer> = {};
    for (let i = 0; i < 40; i++) {
      const rel = i % 3 === 0 ? `nested/f${i}.bin` : `f${i}.bin`;
      tree[rel] = bytesFor(100 + i, 50 + i * 37);
      writeFileSync(join(cwd, "data/images", rel), tree[rel]);
    }
    expect(runCli(["remote", "add", "store", remote.dir, "--default"], { cwd }).code).toBe(0);
    const addFile = runCli(["data", "add", "data/table.csv", "--json"], { cwd });
    expect(addFile.code, addFile.stderr).toBe(0);
    expect(addFile.json()).toMatchObject({
      manifest: "data/table.dvc",
      sha256: sha(file),
      size: file.length,
    });
    const addDir = runCli(["data", "add", "data/images", "--json"], { cwd });
    expect(addDir.code, addDir.stderr).toBe(0);
    expect(addDir.json()).toMatchObject({ manifest: "data/images.dvc", nfiles: 40 });
    expect(readFileSync(join(cwd, "data/.gitignore"), "utf8").split("\n")).toEqual(
      expect.arrayContaining(["/table.csv", "/images"]),
    );

    const push = runCli(["data", "push", "--json"], { cwd });
    expect(push.code, push.stderr).toBe(0);
    // 40 files + the listing + the table, minus any duplicate contents (none here).
    expect(push.json()).toMatchObject({ transferred: 42, skipped: 0 });
    expect(runCli(["data", "push", "--json"], { cwd }).json()).toMatchObject({ transferred: 0, skipped: 42 });

    rmSync(join(cwd, ".mlops/cache"), { recursive: true });
    rmSync(join(cwd, ".mlops/state"), { recursive: true });
    rmSync(join(cwd, "data/table.csv"));
    rmSync(join(cwd, "data/images"), { recursive: true });
    const status = runCli(["data", "status", "--json"], { cwd });
    expect(status.code).toBe(1);
    expect(status.json()).toMatchObject({
      clean: false,
      datasets: [
        { workspace: "missing", inCache: false },
        { workspace: "missing", inCache: false },
      ],
    });

    const pull = runCli(["data", "pull", "--json"], { cwd });
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json()).toMatchObject({ fromRemote: { transferred: 42 }, fromSource: [] });
    expect(sha(readFileSync(join(cwd, "data/table.csv")))).toBe(sha(file));
    for (const [rel, bytes] of Object.entries(tree)) {
      expect(readFileSync(join(cwd, "data/images", rel)).equals(bytes), rel).toBe(true);
    }
    expect(runCli(["data", "status"], { cwd }).code).toBe(0);

    // checkout alone restores from the cache after the workspace copy goes
    rmSync(join(cwd, "data/images/nested"), { recursive: true });
    writeFileSync(join(cwd, "data/images/extra.bin"), "not tracked");
    const refused = runCli(["data", "checkout"], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refusing to overwrite changed workspace copies: images/);
    const forced = runCli(["data", "checkout", "--force"], { cwd });
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(join(cwd, "data/images/extra.bin"))).toBe(false);
    for (const [rel, bytes] of Object.entries(tree)) {
      expect(readFileSync(join(cwd, "data/images", rel)).equals(bytes), rel).toBe(true);
    }
  });

  it("re-hashes exactly the one file that changed", () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, "data/many"), { recursive: true });
    for (let i = 0; i < 500; i++) writeFileSync(join(cwd, `data/many/${i}.txt`), `row ${i}\n`);
    expect(runCli(["data", "add", "data/many", "--json"], { cwd }).json()).toMatchObject({
      hashed: 500,
      nfiles: 500,
    });
    expect(runCli(["data", "status", "--json"], { cwd }).json()).toMatchObject({ hashed: 0, clean: true });
    writeFileSync(join(cwd, "data/many/17.txt"), "row 17, edited\n");
    const status = runCli(["data", "status", "--json"], { cwd });
    expect(status.code).toBe(1);
    expect(status.json()).toMatchObject({ hashed: 1, datasets: [{ name: "many", workspace: "modified" }] });
    expect(runCli(["data", "add", "data/many", "--json"], { cwd }).json()).toMatchObject({ hashed: 0 });
    expect(runCli(["data", "status", "--json"], { cwd }).json()).toMatchObject({ hashed: 0, clean: true });
  });

  it("stores thousands of files in bulk (two threads) with the same ids as one-by-one hashing", () => {
    const cwd = repo.dir;
    for (let shard = 0; shard < 6; shard++) {
      mkdirSync(join(cwd, `data/bulk/part-${shard}`), { recursive: true });
      for (let i = 0; i < 1000; i++) {
        // a few duplicates on purpose: equal contents share one object
        writeFileSync(join(cwd, `data/bulk/part-${shard}/${i}.csv`), `row,${i % 997},${shard}\n`);
      }
    }
    const added = runCli(["data", "add", "data/bulk", "--json"], { cwd });
    expect(added.code, added.stderr).toBe(0);
    const first = added.json() as { sha256: string; nfiles: number; hashed: number };
    expect(first).toMatchObject({ nfiles: 6000, hashed: 6000 });
    // forget every hash: status re-reads all files one by one and must arrive at the same id
    rmSync(join(cwd, ".mlops/state"), { recursive: true });
    const status = runCli(["data", "status", "--json"], { cwd });
    expect(status.code, status.stderr).toBe(0);
    expect(status.json()).toMatchObject({ hashed: 6000, clean: true, datasets: [{ sha256: first.sha256 }] });
    const verify = runCli(["data", "verify", "--json"], { cwd });
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true, problems: [] });
    const expectedObjects = new Set<string>();
    for (let shard = 0; shard < 6; shard++)
      for (let i = 0; i < 1000; i++) expectedObjects.add(`row,${i % 997},${shard}\n`);
    expect((verify.json() as { checked: number }).checked).toBe(expectedObjects.size + 1);
  });
});
