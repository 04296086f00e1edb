import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { gitIn, tempDir, tempRepo } from "./support/repo.js";

function objectFile(root: string, oid: string): string {
  return join(root, "sha256", oid.slice(0, 2), oid.slice(2));
}

describe("gc keeps what any branch, tag or the run cache references", () => {
  let repo: { dir: string; cleanup: () => void };
  let remote: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    remote = tempDir("mlops-remote-");
    mkdirSync(join(repo.dir, "data"));
  });
  afterEach(() => {
    repo.cleanup();
    remote.cleanup();
  });

  function addVersion(text: string): string {
    writeFileSync(join(repo.dir, "data/labels.csv"), text);
    const result = runCli(["data", "add", "data/labels.csv", "--json"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    if (existsSync(join(repo.dir, ".mlops/config.yaml"))) {
      expect(runCli(["data", "push"], { cwd: repo.dir }).code).toBe(0);
    }
    return (result.json() as { sha256: string }).sha256;
  }

  it("dry-runs by default, then deletes only unreferenced objects, in the cache and on the remote", () => {
    const cwd = repo.dir;
    const cache = join(cwd, ".mlops/cache");
    expect(runCli(["remote", "add", "store", remote.dir, "--default"], { cwd }).code).toBe(0);
    const onBranch = addVersion("v1\n");
    gitIn(cwd, "add", "-A");
    gitIn(cwd, "commit", "-qm", "v1");
    // the cache, state and workspace copy stay out of git; manifests and config go in
    expect(gitIn(cwd, "ls-files").split("\n").filter(Boolean).sort()).toEqual([
      ".mlops/.gitignore",
      ".mlops/config.yaml",
      "data/.gitignore",
      "data/labels.dvc",
    ]);
    gitIn(cwd, "branch", "experiment");
    const onTag = addVersion("v2\n");
    gitIn(cwd, "commit", "-qam", "v2");
    gitIn(cwd, "tag", "-a", "data-v2", "-m", "second labels");
    const orphan = addVersion("v3, never committed anywhere but replaced\n");
    const current = addVersion("v4\n");
    gitIn(cwd, "commit", "-qam", "v4");
    gitIn(cwd, "checkout", "-q", "-b", "moved-on");
    gitIn(cwd, "checkout", "-q", "main");
    gitIn(cwd, "reset", "-q", "--hard", "HEAD~1");
    gitIn(cwd, "tag", "-d", "data-v2");
    gitIn(cwd, "tag", "-a", "data-v2", "-m", "again", "HEAD");
    // v4 now lives only on branch `moved-on`; v2 on main and its tag; v1 on `experiment`.
    const runsDir = join(cache, "runs/ab");
    mkdirSync(runsDir, { recursive: true });
    rmSync(join(cwd, ".mlops/config.yaml"));
    const runOnly = addVersion("v5 only the run cache remembers\n");
    gitIn(cwd, "checkout", "-q", "--", ".mlops/config.yaml");
    writeFileSync(join(runsDir, "run.yaml"), `outs:\n  - path: labels.csv\n    sha256: ${runOnly}\n`);
    gitIn(cwd, "checkout", "-q", "--", "data/labels.dvc");

    const dry = runCli(["gc", "--remote", "--json"], { cwd });
    expect(dry.code, dry.stderr).toBe(0);
    const plan = dry.json() as { dryRun: boolean; plans: { where: string; unreferenced: string[] }[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.plans[0]).toMatchObject({ where: "cache", unreferenced: [orphan] });
    expect(plan.plans[1]).toMatchObject({ where: "remote:store", unreferenced: [orphan] });
    expect(existsSync(objectFile(cache, orphan))).toBe(true);
    expect(runCli(["gc", "--remote"], { cwd }).stdout).toContain(`  ${orphan}`);

    const done = runCli(["gc", "--remote", "--yes", "--json"], { cwd });
    expect(done.code, done.stderr).toBe(0);
    expect(existsSync(objectFile(cache, orphan))).toBe(false);
    expect(existsSync(objectFile(remote.dir, orphan))).toBe(false);
    for (const kept of [onBranch, onTag, current, runOnly]) {
      expect(existsSync(objectFile(cache, kept)), kept).toBe(true);
    }
    for (const kept of [onBranch, onTag, current]) {
      expect(existsSync(objectFile(remote.dir, kept)), kept).toBe(true);
    }
    // deleting the branch that alone held v1 makes it collectable
    gitIn(cwd, "branch", "-D", "experiment");
    const after = runCli(["gc", "--json"], { cwd }).json() as { plans: { unreferenced: string[] }[] };
    expect(after.plans[0]?.unreferenced).toEqual([onBranch]);
  });

  it("keeps every file of a tracked directory referenced only from another branch", () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, "data/shards"));
    writeFileSync(join(cwd, "data/shards/a.txt"), "a\n");
    writeFileSync(join(cwd, "data/shards/b.txt"), "b\n");
    const v1 = runCli(["data", "add", "data/shards", "--json"], { cwd }).json() as { sha256: string };
    gitIn(cwd, "add", "-A");
    gitIn(cwd, "commit", "-qm", "shards v1");
    gitIn(cwd, "branch", "keep");
    writeFileSync(join(cwd, "data/shards/b.txt"), "b changed\n");
    runCli(["data", "add", "data/shards"], { cwd });
    gitIn(cwd, "commit", "-qam", "shards v2");
    const plan = runCli(["gc", "--json"], { cwd }).json() as { plans: { unreferenced: string[] }[] };
    expect(plan.plans[0]?.unreferenced).toEqual([]);
    gitIn(cwd, "branch", "-D", "keep");
    const later = runCli(["gc", "--json"], { cwd }).json() as { plans: { unreferenced: string[] }[] };
    expect(later.plans[0]?.unreferenced.sort()).toEqual(
      [v1.sha256, createHash("sha256").update("b\n").digest("hex")].sort(),
    );
  });
});

describe("remotes", () => {
  let repo: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.cleanup());

  it("adds, lists, defaults, keeps machine-local ones out of the tracked config, removes", () => {
    const cwd = repo.dir;
    expect(runCli(["remote", "list", "--json"], { cwd }).json()).toEqual({ ok: true, remotes: [] });
    expect(runCli(["remote", "add", "shared", "../objects"], { cwd }).code).toBe(0);
    expect(runCli(["remote", "add", "mine", "/srv/objects", "--local", "--default"], { cwd }).code).toBe(0);
    expect(runCli(["remote", "list", "--json"], { cwd }).json()).toEqual({
      ok: true,
      remotes: [
        { name: "mine", url: "/srv/objects", scope: "local", default: true },
        { name: "shared", url: "../objects", scope: "repo", default: false },
      ],
    });
    const tracked = readFileSync(join(cwd, ".mlops/config.yaml"), "utf8");
    expect(tracked).toContain("shared");
    expect(tracked).not.toContain("mine");
    const duplicate = runCli(["remote", "add", "shared", "/elsewhere"], { cwd });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const badName = runCli(["remote", "add", "Bad Name", "/x"], { cwd });
    expect(badName.code).toBe(2);
    const badScheme = runCli(["remote", "add", "cloud", "gs://bucket/prefix"], { cwd });
    expect(badScheme.code).toBe(2);
    expect(badScheme.stderr).toMatch(/gs:\/\/' is not supported yet/);
    expect(runCli(["remote", "remove", "mine"], { cwd }).code).toBe(0);
    expect(runCli(["remote", "remove", "mine"], { cwd }).code).toBe(1);
    expect(runCli(["remote", "list", "--json"], { cwd }).json()).toMatchObject({
      remotes: [{ name: "shared" }],
    });
  });

  it("reports a malformed config with its file, line and field", () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, ".mlops"));
    writeFileSync(join(cwd, ".mlops/config.yaml"), "remotes:\n  store:\n    url: /x\n    jobs: 0\n");
    const result = runCli(["remote", "list"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(".mlops/config.yaml:4: remotes.store.jobs:");
  });
});

describe("materialising from the recorded source", () => {
  let repo: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.cleanup());

  it("a clone with no cache and no remote gets the demo data back from npm, verified", () => {
    const cwd = repo.dir;
    mkdirSync(join(cwd, "data"));
    const cars = readFileSync(new URL("../data/cars.dvc", import.meta.url), "utf8");
    writeFileSync(join(cwd, "data/cars.dvc"), cars);
    const pull = runCli(["data", "pull", "--json"], { cwd });
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json()).toMatchObject({ fromSource: ["cars"] });
    expect(runCli(["data", "status"], { cwd }).code).toBe(0);
    const rows = JSON.parse(readFileSync(join(cwd, "data/cars.json"), "utf8")) as { Name: string }[];
    expect(rows.length).toBe(406);

    // a source that no longer matches is refused, and nothing lands in the workspace
    rmSync(join(cwd, ".mlops"), { recursive: true });
    rmSync(join(cwd, "data/cars.json"));
    writeFileSync(join(cwd, "data/cars.dvc"), cars.replace("data/cars.json", "data/penguins.json"));
    const refused = runCli(["data", "pull"], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/data\/cars\.dvc.*recorded source of cars no longer matches/);
    expect(existsSync(join(cwd, "data/cars.json"))).toBe(false);
  });
});
