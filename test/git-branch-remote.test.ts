import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pushRunCache } from "../src/pipeline/index.js";
import { Cache, openRemote } from "../src/store/index.js";
import { bytesFor, sha } from "./support/bytes.js";
import { runCli, runCliAsync } from "./support/cli.js";
import { startGitHttpServer } from "./support/git-http-server.js";
import { gitIn, tempDir } from "./support/repo.js";

/** Blanks what a CI job's environment would otherwise leak into the CLI (this suite runs in PR jobs too). */
const trusted = {
  GITHUB_EVENT_NAME: "",
  MLOPS_REMOTE_READ_ONLY: "",
  GITHUB_TOKEN: "",
  MLOPS_GIT_TOKEN: "",
  MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES: "",
};
const pullRequest = { ...trusted, GITHUB_EVENT_NAME: "pull_request" };
const branch = "mlops-objects";

function mlops(cwd: string, args: string[], env: NodeJS.ProcessEnv = trusted) {
  return runCli(args, { cwd, env: { ...trusted, ...env } });
}

/** The objects branch's tip in the bare origin, or undefined while it does not exist. */
function tipOf(origin: string): string | undefined {
  const result = spawnSync(
    "git",
    ["--git-dir", origin, "rev-parse", "--verify", "-q", `refs/heads/${branch}`],
    {
      encoding: "utf8",
    },
  );
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function blobOnBranch(origin: string, path: string): Buffer {
  const result = spawnSync("git", ["--git-dir", origin, "cat-file", "blob", `${branch}:${path}`]);
  if (result.status !== 0) throw new Error(`${path} is not on ${branch}: ${result.stderr}`);
  return result.stdout;
}

function objectPathOf(bytes: Buffer): string {
  const digest = sha(bytes);
  return `sha256/${digest.slice(0, 2)}/${digest.slice(2)}`;
}

function cloneOf(origin: string, dir: string): string {
  gitIn(join(dir, ".."), "clone", "-q", origin, dir);
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  return dir;
}

describe("git-branch remote", () => {
  let root: { dir: string; cleanup: () => void };
  let origin: string;
  let a: string;
  const table = bytesFor(1, 30_000);
  const images: Record<string, Buffer> = {};
  for (let i = 0; i < 5; i++) images[`f${i}.bin`] = bytesFor(10 + i, 200 + i * 31);

  beforeEach(() => {
    root = tempDir("mlops-git-branch-");
    origin = join(root.dir, "origin.git");
    gitIn(root.dir, "init", "-q", "--bare", "-b", "main", origin);
    a = cloneOf(origin, join(root.dir, "a"));
    mkdirSync(join(a, "data/images"), { recursive: true });
    writeFileSync(join(a, "data/table.csv"), table);
    for (const [name, bytes] of Object.entries(images)) writeFileSync(join(a, "data/images", name), bytes);
    expect(mlops(a, ["remote", "add", "gh", `git-branch:${branch}`, "--default"]).code).toBe(0);
    expect(mlops(a, ["data", "add", "data/table.csv"]).code).toBe(0);
    expect(mlops(a, ["data", "add", "data/images"]).code).toBe(0);
    gitIn(a, "add", "-A");
    gitIn(a, "commit", "-q", "-m", "track data");
    gitIn(a, "push", "-q", "origin", "main");
  });
  afterEach(() => root.cleanup());

  it("pushes objects as one commit on an orphan branch, pushes nothing twice, and a fresh clone pulls identical bytes", () => {
    const push = mlops(a, ["data", "push", "--json"]);
    expect(push.code, push.stderr).toBe(0);
    // the table, five files and the directory's listing
    expect(push.json()).toMatchObject({ transferred: 7, skipped: 0 });
    const tip = tipOf(origin);
    expect(tip).toBeDefined();
    expect(gitIn(a, "--git-dir", origin, "rev-list", "--count", branch).trim()).toBe("1");
    expect(gitIn(a, "--git-dir", origin, "ls-tree", "--name-only", branch).trim()).toBe("sha256");
    expect(blobOnBranch(origin, objectPathOf(table)).equals(table)).toBe(true);
    expect(existsSync(join(a, ".mlops/state/git-branch/gh.git"))).toBe(true);
    expect(gitIn(a, "status", "--porcelain")).toBe("");

    const again = mlops(a, ["data", "push", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ transferred: 0, skipped: 7 });
    expect(tipOf(origin)).toBe(tip);

    const b = cloneOf(origin, join(root.dir, "b"));
    const pull = mlops(b, ["data", "pull", "--json"]);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json()).toMatchObject({ fromRemote: { transferred: 7 } });
    expect(readFileSync(join(b, "data/table.csv")).equals(table)).toBe(true);
    for (const [name, bytes] of Object.entries(images)) {
      expect(readFileSync(join(b, "data/images", name)).equals(bytes), name).toBe(true);
    }
  });

  it("pushes and pulls a directory of many small files (the batched path), bytes identical", () => {
    const many: Record<string, Buffer> = {};
    for (let i = 0; i < 60; i++) many[`m${i}.bin`] = bytesFor(1000 + i, 100 + i);
    mkdirSync(join(a, "data/many"));
    for (const [name, bytes] of Object.entries(many)) writeFileSync(join(a, "data/many", name), bytes);
    expect(mlops(a, ["data", "add", "data/many"]).code).toBe(0);
    gitIn(a, "add", "-A");
    gitIn(a, "commit", "-q", "-m", "track many");
    gitIn(a, "push", "-q", "origin", "main");
    const push = mlops(a, ["data", "push", "--json"]);
    expect(push.code, push.stderr).toBe(0);
    // 60 files and a listing, besides the table, five images and their listing
    expect(push.json()).toMatchObject({ transferred: 68, skipped: 0 });
    expect(gitIn(a, "--git-dir", origin, "rev-list", "--count", branch).trim()).toBe("1");
    expect(
      blobOnBranch(origin, objectPathOf(many["m59.bin"] as Buffer)).equals(many["m59.bin"] as Buffer),
    ).toBe(true);

    const b = cloneOf(origin, join(root.dir, "b"));
    const pull = mlops(b, ["data", "pull", "--json"]);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json()).toMatchObject({ fromRemote: { transferred: 68 } });
    for (const [name, bytes] of Object.entries(many)) {
      expect(readFileSync(join(b, "data/many", name)).equals(bytes), name).toBe(true);
    }
    expect(mlops(b, ["data", "verify"]).code).toBe(0);
  });

  it("lands two racing pushes from two clones, the later one on top of the earlier", async () => {
    expect(mlops(a, ["data", "push"]).code).toBe(0);
    const clones = ["b", "c"].map((name, i) => {
      const dir = cloneOf(origin, join(root.dir, name));
      writeFileSync(join(dir, "data", `${name}.csv`), bytesFor(100 + i, 5000));
      expect(mlops(dir, ["data", "add", `data/${name}.csv`]).code).toBe(0);
      return dir;
    });
    const results = await Promise.all(
      ["b", "c"].map((name, i) =>
        runCliAsync(["data", "push", `data/${name}.dvc`], { cwd: clones[i] as string, env: trusted }),
      ),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    for (const [i, name] of ["b", "c"].entries()) {
      expect(blobOnBranch(origin, objectPathOf(bytesFor(100 + i, 5000))).length, name).toBe(5000);
    }
    expect(blobOnBranch(origin, objectPathOf(table)).equals(table)).toBe(true);
    expect(gitIn(a, "--git-dir", origin, "rev-list", "--count", branch).trim()).toBe("3");

    // The same race made certain: both writers have read the same tip before either pushes.
    const url = `git-branch:${branch}@${origin}`;
    const first = openRemote({ name: "first", url }, a, { env: {} });
    const second = openRemote({ name: "second", url }, a, { env: {} });
    await first.has([]);
    await second.has([]);
    const x = join(root.dir, "x.bin");
    const y = join(root.dir, "y.bin");
    writeFileSync(x, "x\n");
    writeFileSync(y, "y\n");
    await first.upload(sha(Buffer.from("x\n")), x);
    await first.flush?.();
    const afterFirst = tipOf(origin);
    await second.upload(sha(Buffer.from("y\n")), y);
    await second.flush?.();
    expect(gitIn(a, "--git-dir", origin, "rev-parse", `${branch}^`).trim()).toBe(afterFirst);
    expect(blobOnBranch(origin, objectPathOf(Buffer.from("x\n"))).toString()).toBe("x\n");
    expect(blobOnBranch(origin, objectPathOf(Buffer.from("y\n"))).toString()).toBe("y\n");
  });

  it("refuses an object over the size limit before pushing anything, naming it", () => {
    const refused = mlops(a, ["data", "push"], { MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES: "10000" });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(sha(table));
    expect(refused.stderr).toMatch(
      /29\.3 KiB, over the 9\.8 KiB a file may have on the git-branch remote 'gh'/,
    );
    expect(refused.stderr).toMatch(/keep large data on a directory remote/);
    expect(tipOf(origin)).toBeUndefined();
  });

  it("keeps every remote read-only in a pull-request run: push fails and changes nothing, pull works", () => {
    expect(mlops(a, ["data", "push"]).code).toBe(0);
    const tip = tipOf(origin);
    writeFileSync(join(a, "data/new.csv"), "a,b\n1,2\n");
    expect(mlops(a, ["data", "add", "data/new.csv"]).code).toBe(0);

    const refused = mlops(a, ["data", "push"], pullRequest);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(
      /remote 'gh' is read-only in pull-request runs \(GITHUB_EVENT_NAME=pull_request\): uploading [0-9a-f]{64} is refused/,
    );
    expect(tipOf(origin)).toBe(tip);
    const forced = mlops(a, ["data", "push"], { MLOPS_REMOTE_READ_ONLY: "1" });
    expect(forced.stderr).toMatch(/remote 'gh' is read-only \(MLOPS_REMOTE_READ_ONLY is set\)/);
    expect(tipOf(origin)).toBe(tip);

    // The same rule for a directory remote: the guard sits in openRemote, above every kind.
    const store = join(root.dir, "store");
    expect(mlops(a, ["remote", "add", "dir", store]).code).toBe(0);
    const toDir = mlops(a, ["data", "push", "--remote", "dir"], { GITHUB_EVENT_NAME: "pull_request_target" });
    expect(toDir.stderr).toMatch(/remote 'dir' is read-only in pull-request runs/);
    expect(existsSync(join(store, "sha256"))).toBe(false);

    const b = cloneOf(origin, join(root.dir, "b"));
    const pull = mlops(b, ["data", "pull", "data/table.dvc", "data/images.dvc"], pullRequest);
    expect(pull.code, pull.stderr).toBe(0);
    expect(readFileSync(join(b, "data/table.csv")).equals(table)).toBe(true);
  });

  it("restores a pull-request pipeline run from the remote run cache and writes nothing back", async () => {
    const pipeline = join(a, "pipelines/demo");
    mkdirSync(pipeline, { recursive: true });
    writeFileSync(
      join(pipeline, "pipeline.yaml"),
      `stages:
  prep:
    cmd: mkdir -p out && echo "\${prep.n}" > out/a.txt
    params: [prep.n]
    outs: [out/a.txt]
  double:
    cmd: cat out/a.txt out/a.txt > b.txt
    deps: [out/a.txt]
    outs: [b.txt]
`,
    );
    writeFileSync(join(pipeline, "params.yaml"), "prep:\n  n: 3\n");
    const ran = mlops(a, ["run", "--json"]);
    expect(ran.code, ran.stderr).toBe(0);
    gitIn(a, "add", "-A");
    gitIn(a, "commit", "-q", "-m", "pipeline");
    gitIn(a, "push", "-q", "origin", "main");
    const pushed = mlops(a, ["data", "push", "--json"]);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.json()).toMatchObject({ runs: { entries: 2 } });
    const tip = tipOf(origin);
    expect(gitIn(a, "--git-dir", origin, "ls-tree", "--name-only", branch).split("\n")).toContain("runs");
    // A second push finds every record unchanged: no new commit.
    expect(mlops(a, ["data", "push"]).code).toBe(0);
    expect(tipOf(origin)).toBe(tip);

    const b = cloneOf(origin, join(root.dir, "b"));
    const restored = mlops(b, ["run", "--json"], pullRequest);
    expect(restored.code, restored.stderr).toBe(0);
    const statuses = restored.stdout
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { status: string }).status);
    expect(statuses).toEqual(["restored", "restored"]);
    expect(readFileSync(join(b, "pipelines/demo/b.txt"), "utf8")).toBe("3\n3\n");

    // A changed param runs for real and is remembered locally, but the PR run cache never leaves.
    writeFileSync(join(b, "pipelines/demo/params.yaml"), "prep:\n  n: 4\n");
    expect(mlops(b, ["run"], pullRequest).code).toBe(0);
    const remote = openRemote({ name: "gh", url: `git-branch:${branch}` }, b, { env: pullRequest });
    const cacheDir = join(b, ".mlops/cache");
    expect(await pushRunCache(cacheDir, new Cache(cacheDir), remote)).toEqual({
      entries: 0,
      transferred: 0,
      bytes: 0,
    });
    expect(tipOf(origin)).toBe(tip);
  });

  it("pushes over HTTP with a token, and pulls with the header actions/checkout leaves in the clone", async () => {
    const token = "ghs_objectsbranchtoken";
    const server = await startGitHttpServer(root.dir, token);
    try {
      const httpOrigin = `${server.url}/origin.git`;
      gitIn(a, "remote", "set-url", "origin", httpOrigin);
      const push = await runCliAsync(["data", "push", "--json"], {
        cwd: a,
        env: { ...trusted, GITHUB_TOKEN: token },
      });
      expect(push.code, push.stderr).toBe(0);
      expect(push.json()).toMatchObject({ transferred: 7 });
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests.every((r) => r.authorized)).toBe(true);
      expect(blobOnBranch(origin, objectPathOf(table)).equals(table)).toBe(true);

      const b = cloneOf(origin, join(root.dir, "b"));
      gitIn(b, "remote", "set-url", "origin", httpOrigin);
      const noCredentials = await runCliAsync(["data", "pull"], { cwd: b, env: trusted });
      expect(noCredentials.code).not.toBe(0);
      expect(noCredentials.stderr).toMatch(
        /could not fetch branch 'mlops-objects' of http:\/\/127\.0\.0\.1:\d+\/origin\.git/,
      );
      expect(noCredentials.stderr).toMatch(/MLOPS_GIT_TOKEN or GITHUB_TOKEN/);

      const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
      gitIn(b, "config", "--local", `http.${server.url}/.extraheader`, `AUTHORIZATION: basic ${basic}`);
      const pull = await runCliAsync(["data", "pull", "--json"], { cwd: b, env: trusted });
      expect(pull.code, pull.stderr).toBe(0);
      expect(pull.json()).toMatchObject({ fromRemote: { transferred: 7 } });
      expect(readFileSync(join(b, "data/table.csv")).equals(table)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("rejects a malformed git-branch URL when the remote is added", () => {
    const bad = mlops(a, ["remote", "add", "bad", "git-branch:../up"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/'git-branch:\.\.\/up' is not a git-branch remote/);
    expect(bad.stderr).toMatch(/git-branch:BRANCH or git-branch:BRANCH@GIT-URL/);
  });
});
