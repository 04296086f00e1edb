import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/repo.js";

const bin = join(repoRoot, "bin/mlops.js");

/** Every file under `root/sha256` that is not a temp file, as [objectId, absolutePath]. */
function visibleObjects(root: string): [string, string][] {
  const out: [string, string][] = [];
  const base = join(root, "sha256");
  let prefixes: string[];
  try {
    prefixes = readdirSync(base);
  } catch {
    return out;
  }
  for (const prefix of prefixes) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const rest of readdirSync(join(base, prefix))) {
      if (rest.startsWith(".") && rest.endsWith(".tmp")) continue;
      out.push([prefix + rest, join(base, prefix, rest)]);
    }
  }
  return out;
}

function expectAllObjectsIntact(root: string): number {
  const objects = visibleObjects(root);
  for (const [oid, path] of objects) {
    const digest = createHash("sha256").update(readFileSync(path)).digest("hex");
    expect(digest, `${relative(root, path)} is visible but its content does not match its name`).toBe(
      oid.slice(0, 64),
    );
  }
  return objects.length;
}

function flipByte(path: string, at = 10): void {
  const bytes = readFileSync(path);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
}

function objectPath(root: string, oid: string): string {
  return join(root, "sha256", oid.slice(0, 2), oid.slice(2));
}

describe("integrity", () => {
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

  it("a flipped byte in the cache is caught by verify and refused by checkout, naming object and manifest", () => {
    const cwd = repo.dir;
    writeFileSync(join(cwd, "data/scores.csv"), "id,score\n1,0.5\n2,0.75\n");
    const added = runCli(["data", "add", "data/scores.csv", "--json"], { cwd }).json() as { sha256: string };
    expect(runCli(["data", "verify"], { cwd }).code).toBe(0);
    flipByte(objectPath(join(cwd, ".mlops/cache"), added.sha256));

    const verify = runCli(["data", "verify", "--json"], { cwd });
    expect(verify.code).toBe(1);
    expect(verify.json()).toMatchObject({
      ok: false,
      problems: [{ oid: added.sha256, manifest: "data/scores.dvc", where: "cache", problem: "corrupt" }],
    });
    const text = runCli(["data", "verify"], { cwd });
    expect(text.stdout).toContain(`corrupt\t${added.sha256}\tin cache\treferenced by data/scores.dvc`);

    rmSync(join(cwd, "data/scores.csv"));
    const checkout = runCli(["data", "checkout"], { cwd });
    expect(checkout.code).toBe(1);
    expect(checkout.stderr).toContain(added.sha256);
    expect(checkout.stderr).toContain("data/scores.dvc");
    expect(checkout.stderr).toMatch(/corrupt/);
    expect(() => statSync(join(cwd, "data/scores.csv"))).toThrow();

    // push refuses too: a corrupt object must not spread to the remote
    const push = runCli(["data", "push"], { cwd });
    expect(push.code).toBe(1);
    expect(push.stderr).toContain(added.sha256);
    expect(visibleObjects(remote.dir)).toHaveLength(0);

    // --repair drops it; with no good copy anywhere, the error says so
    expect(runCli(["data", "verify", "--repair"], { cwd }).code).toBe(1);
    expect(runCli(["data", "verify", "--json"], { cwd }).json()).toMatchObject({
      ok: true,
      problems: [{ problem: "missing" }],
    });
  });

  it("a flipped byte in a remote object is caught by verify --remote and refused by pull", () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, "data/parts"));
    for (let i = 0; i < 5; i++) writeFileSync(join(cwd, `data/parts/p${i}.txt`), `part ${i}\n`.repeat(i + 1));
    runCli(["data", "add", "data/parts"], { cwd });
    expect(runCli(["data", "push"], { cwd }).code).toBe(0);
    expect(runCli(["data", "verify", "--remote"], { cwd }).code).toBe(0);
    const victim = createHash("sha256").update("part 3\n".repeat(4)).digest("hex");
    flipByte(objectPath(remote.dir, victim), 3);

    const verify = runCli(["data", "verify", "--remote", "--json"], { cwd });
    expect(verify.code).toBe(1);
    expect(verify.json()).toMatchObject({
      problems: [{ oid: victim, where: "remote:origin", problem: "corrupt", manifest: "data/parts.dvc" }],
    });

    rmSync(join(cwd, ".mlops/cache"), { recursive: true });
    rmSync(join(cwd, "data/parts"), { recursive: true });
    const pull = runCli(["data", "pull"], { cwd });
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain(victim);
    expect(pull.stderr).toContain("data/parts.dvc");
    expect(pull.stderr).toContain("remote 'origin'");
    // nothing corrupt became visible in the cache, and no listing claims a complete tree
    expectAllObjectsIntact(join(cwd, ".mlops/cache"));
    expect(visibleObjects(join(cwd, ".mlops/cache")).some(([oid]) => oid.endsWith(".dir"))).toBe(false);
  });

  async function killWhen(args: string[], cwd: string, ready: () => boolean): Promise<void> {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let finished = false;
    void exited.then(() => {
      finished = true;
    });
    while (!finished && !ready()) await new Promise((r) => setTimeout(r, 25));
    expect(finished, "the transfer finished before it could be killed; make the data bigger").toBe(false);
    child.kill("SIGKILL");
    await exited;
  }

  it("SIGKILL mid-push and mid-pull leaves no partial object visible, and a rerun completes", async () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, "data/shards"));
    const big = Buffer.alloc(48 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
    writeFileSync(join(cwd, "data/shards/big.bin"), big);
    for (let i = 0; i < 1500; i++)
      writeFileSync(join(cwd, `data/shards/s${i}.txt`), `shard ${i}\n`.repeat(200));
    expect(runCli(["data", "add", "data/shards"], { cwd }).code).toBe(0);

    await killWhen(["data", "push", "-j", "2"], cwd, () => visibleObjects(remote.dir).length >= 200);
    const seen = expectAllObjectsIntact(remote.dir);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1502);
    const rerun = runCli(["data", "push", "--json"], { cwd });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(expectAllObjectsIntact(remote.dir)).toBe(1502);
    expect(runCli(["data", "verify", "--remote"], { cwd }).code).toBe(0);

    const cache = join(cwd, ".mlops/cache");
    rmSync(cache, { recursive: true });
    rmSync(join(cwd, "data/shards"), { recursive: true });
    await killWhen(["data", "pull", "-j", "2"], cwd, () => visibleObjects(cache).length >= 200);
    expectAllObjectsIntact(cache);
    expect(visibleObjects(cache).some(([oid]) => oid.endsWith(".dir"))).toBe(false);
    const pull = runCli(["data", "pull", "--json"], { cwd });
    expect(pull.code, pull.stderr).toBe(0);
    expect(readFileSync(join(cwd, "data/shards/big.bin")).equals(big)).toBe(true);
    expect(readFileSync(join(cwd, "data/shards/s1499.txt"), "utf8")).toBe("shard 1499\n".repeat(200));
    expect(runCli(["data", "status"], { cwd }).code).toBe(0);
    // Eleven CLI runs over 1,502 objects: past the 60 s default on a loaded 2-core machine.
  }, 240_000);
});
