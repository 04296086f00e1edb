import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Octokit } from "octokit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { RetrainFired } from "../src/flows/retrain.js";
import { retrainOnDrift } from "../src/flows/retrain.js";
import { retrainAndOpenPullRequest } from "../src/flows/retrain-pull-request.js";
import { repoLayout } from "../src/repo/index.js";
import { objectRelPath } from "../src/store/index.js";
import { type CliResult, repoRoot, runCli } from "./support/cli.js";
import { startGitHttpServer } from "./support/git-http-server.js";
import { type GitHubDouble, startGitHubDouble } from "./support/github-double/index.js";
import { gitIn, tempDir } from "./support/repo.js";

/**
 * fuel-efficiency trained once in a clone of this repository, registered and promoted to prod with
 * its tags on a bare remote and its data in a store on disk, as the merge and release flows leave it.
 * Each case refreshes the card's snapshot (cars-recent) from a source and lets the flow decide.
 */
let work: { dir: string; cleanup: () => void };
let dir: string;
let remote: string;
let store: string;
/** The 1980–82 cars prepare.mjs keeps apart, shaped like the training split. */
let future: string;
/** Only the 1981–82 cars, as a data: URL (a second, different snapshot). */
let later: string;
/** Every third row of the training split: the training years themselves. */
let fresh: string;

const model = "fuel-efficiency";
const branch = "retrain/fuel-efficiency";
const pipelineFiles =
  /^pipelines\/fuel-efficiency\/(metrics\.json|baseline-metrics\.json|validation\.json|plots\/[\w-]+\.json)$/;

/** Files the demo's retraining needs, copied over the clone of HEAD until they are committed there. */
const demoFiles = [
  "data/cars-recent.dvc",
  "data/.gitignore",
  "models/fuel-efficiency/model.yaml",
  "pipelines/fuel-efficiency/pipeline.yaml",
  "pipelines/fuel-efficiency/pipeline.lock",
  "pipelines/fuel-efficiency/prepare.mjs",
];

function must(cwd: string, ...args: string[]): CliResult {
  const r = runCli(args, { cwd, env: { GITHUB_ACTIONS: "", CI: process.env.CI ?? "" } });
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")} failed (${r.code}): ${r.stderr}`);
  return r;
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const remoteRefs = () => gitIn(remote, "for-each-ref", "--format=%(refname) %(objectname)");
const branchTip = () => gitIn(remote, "rev-parse", `refs/heads/${branch}`).trim();
const mainTip = () => gitIn(remote, "rev-parse", "refs/heads/main").trim();

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** The caller's checkout: on main, nothing modified, the snapshot as committed. */
function expectCallerUntouched(snapshotBefore: Buffer): void {
  expect(gitIn(dir, "rev-parse", "--abbrev-ref", "HEAD").trim()).toBe("main");
  expect(gitIn(dir, "status", "--porcelain")).toBe("");
  expect(readFileSync(join(dir, "data/cars-recent.json"))).toEqual(snapshotBefore);
  expect(gitIn(dir, "worktree", "list").trim().split("\n")).toHaveLength(1);
  expect(gitIn(dir, "for-each-ref", "refs/mlops")).toBe("");
}

function manifestAt(commit: string): {
  outs: { sha256: string }[];
  source?: { url?: string };
} {
  return parse(gitIn(remote, "show", `${commit}:data/cars-recent.dvc`));
}

function snapshotDepAt(commit: string): string | undefined {
  const lock = parse(gitIn(remote, "show", `${commit}:pipelines/fuel-efficiency/pipeline.lock`)) as {
    stages: Record<string, { deps: { path: string; sha256: string }[] }>;
  };
  return lock.stages.prepare?.deps.find((d) => d.path === "../../data/cars-recent.json")?.sha256;
}

beforeAll(() => {
  work = tempDir("mlops-retrain-");
  dir = join(work.dir, "checkout");
  remote = join(work.dir, "remote.git");
  store = join(work.dir, "store");
  gitIn(work.dir, "clone", "-q", "--no-hardlinks", repoRoot, dir);
  // A pull request's checkout has a detached HEAD: name the branch this test pushes.
  gitIn(dir, "checkout", "-q", "-B", "main");
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  // The ignore rule `node_modules/` matches directories only, not this link.
  writeFileSync(join(dir, ".git/info/exclude"), "/node_modules\n", { flag: "a" });
  for (const file of demoFiles) copyFileSync(join(repoRoot, file), join(dir, file));
  gitIn(work.dir, "init", "-q", "--bare", "-b", "main", remote);
  gitIn(dir, "remote", "set-url", "origin", remote);
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  must(dir, "remote", "add", "store", store, "--default", "--local");
  must(dir, "run", model);
  gitIn(dir, "add", "data", "models", "pipelines");
  gitIn(dir, "commit", "-q", "--allow-empty", "-m", "the demo's snapshot and monitoring rule");
  gitIn(dir, "push", "-q", "origin", "main");
  must(dir, "register", model);
  for (const stage of ["dev", "staging", "prod"]) must(dir, "promote", model, "v1.0.0", "--to", stage);
  must(dir, "data", "push", "cars", "cars-recent");

  const split = (f: string) => join(dir, "pipelines/fuel-efficiency/data", f);
  future = join(work.dir, "future.json");
  copyFileSync(split("future.json"), future);
  const rows = JSON.parse(readFileSync(future, "utf8")) as { model_year: number }[];
  later = `data:application/json,${encodeURIComponent(JSON.stringify(rows.filter((r) => r.model_year >= 81)))}`;
  fresh = join(work.dir, "fresh.json");
  const train = JSON.parse(readFileSync(split("train.json"), "utf8")) as unknown[];
  writeFileSync(fresh, `${JSON.stringify(train.filter((_, i) => i % 3 === 0))}\n`);
}, 120_000);

afterAll(() => work?.cleanup());

describe("retrainOnDrift", () => {
  let first: RetrainFired;

  it("fires on the 1980–82 cars: pushes retrain/<model> with the snapshot's manifest and the retrained lock, data first", async () => {
    const snapshotBefore = readFileSync(join(dir, "data/cars-recent.json"));
    const result = await retrainOnDrift(repoLayout(dir), { model, snapshotSource: future });
    expect(result.fired).toBe(true);
    if (!result.fired) return;
    first = result;
    expect(result).toMatchObject({ branch, base: "main", created: true, pushed: true });
    expect(result.monitor).toMatchObject({ model, stage: "prod", version: "v1.0.0", fires: true });
    expect(result.monitor.current).toMatchObject({ dataset: "cars-recent", rows: 89 });
    expect(branchTip()).toBe(result.commit);
    expect(gitIn(remote, "rev-parse", `${result.commit}^`).trim()).toBe(mainTip());

    const changed = gitIn(remote, "diff", "--name-only", "main", result.commit).trim().split("\n").sort();
    expect(changed).toEqual([...result.changed].sort());
    expect(changed).toContain("data/cars-recent.dvc");
    expect(changed).toContain("pipelines/fuel-efficiency/pipeline.lock");
    // More training rows change the test split and so the recorded metrics.
    expect(changed).toContain("pipelines/fuel-efficiency/metrics.json");
    const others = changed.filter(
      (f) => f !== "data/cars-recent.dvc" && f !== "pipelines/fuel-efficiency/pipeline.lock",
    );
    for (const file of others) expect(file).toMatch(pipelineFiles);

    const snapshot = sha256(readFileSync(future));
    const manifest = manifestAt(result.commit);
    expect(manifest.outs[0]?.sha256).toBe(snapshot);
    // Copied from a local file: the data: URL recorded before no longer gives these bytes.
    expect(manifest.source).toBeUndefined();
    expect(snapshotDepAt(result.commit)).toBe(snapshot);
    expect(result.snapshot).toMatchObject({
      dataset: "cars-recent",
      sha256: snapshot,
      source: { file: future },
    });

    // The pull request's run restores the snapshot and every retrained output from the data remote.
    expect(existsSync(join(store, objectRelPath(snapshot)))).toBe(true);
    const lock = parse(gitIn(remote, "show", `${result.commit}:pipelines/fuel-efficiency/pipeline.lock`)) as {
      stages: Record<string, { outs: { sha256: string }[]; run_key: string }>;
    };
    const ran = result.stages.filter((s) => s.status === "ran").map((s) => s.stage);
    expect(ran).toEqual(expect.arrayContaining(["prepare", "train", "evaluate"]));
    for (const name of ran) {
      for (const out of lock.stages[name]?.outs ?? [])
        expect(existsSync(join(store, objectRelPath(out.sha256))), JSON.stringify(out)).toBe(true);
    }
    expect(
      existsSync(
        join(
          store,
          "runs",
          lock.stages.train?.run_key.slice(0, 2) ?? "",
          `${lock.stages.train?.run_key}.json`,
        ),
      ),
    ).toBe(true);

    const message = gitIn(remote, "log", "-1", "--format=%B", result.commit);
    expect(message).toMatch(/^Retrain fuel-efficiency: drift in model_year.*rmse decay on cars-recent\n/);
    expect(message).toContain(result.monitor.reasons[0]);
    expect(result.title).toBe(message.split("\n")[0]);
    expect(result.body).toMatch(/^# Retraining fuel-efficiency\n/);
    expect(result.body).toContain("### Drift: cars-recent");
    expect(result.body).toContain("🔴 **The monitoring rule fired**");
    expect(result.body).toContain(`sha256 \`${snapshot.slice(0, 12)}\``);

    expectCallerUntouched(snapshotBefore);
  });

  it("a later firing with another snapshot adds one commit on top of the branch", async () => {
    const snapshotBefore = readFileSync(join(dir, "data/cars-recent.json"));
    const result = await retrainOnDrift(repoLayout(dir), { model, snapshotSource: later });
    expect(result.fired).toBe(true);
    if (!result.fired) return;
    expect(result).toMatchObject({ created: true, pushed: true });
    expect(branchTip()).toBe(result.commit);
    expect(gitIn(remote, "rev-parse", `${result.commit}^`).trim()).toBe(first.commit);
    const manifest = manifestAt(result.commit);
    expect(manifest.source?.url).toBe(later);
    expect(snapshotDepAt(result.commit)).toBe(manifest.outs[0]?.sha256);
    expect(result.changed).toContain("data/cars-recent.dvc");
    expectCallerUntouched(snapshotBefore);
  });

  it("the same snapshot again makes no commit and leaves the branch where it was", async () => {
    const tip = branchTip();
    const refs = remoteRefs();
    const result = await retrainOnDrift(repoLayout(dir), { model, snapshotSource: later });
    expect(result.fired).toBe(true);
    if (!result.fired) return;
    expect(result).toMatchObject({ created: false, pushed: true, commit: tip, changed: [] });
    // A retrain is a trusted run: the stages behind the registered model are computed again, never
    // restored from a run-cache record (docs/security.md, "Run-cache trust"); every other stage is unchanged.
    const ran = result.stages.filter((s) => s.status === "ran");
    expect(ran.length).toBeGreaterThan(0);
    for (const stage of ran) expect(stage.reason).toBe("a trusted run computes what it registers");
    expect(ran.map((s) => s.stage)).toContain("train");
    expect(remoteRefs()).toBe(refs);
  });

  it("does not fire on a sample of the training years, and writes nothing anywhere", async () => {
    const snapshotBefore = readFileSync(join(dir, "data/cars-recent.json"));
    const manifestBefore = readFileSync(join(dir, "data/cars-recent.dvc"));
    const refs = remoteRefs();
    const objects = listFiles(store);
    const result = await retrainOnDrift(repoLayout(dir), { model, snapshotSource: fresh });
    expect(result.fired).toBe(false);
    expect(result.monitor.fires).toBe(false);
    expect(result.monitor.current.sha256).toBe(sha256(readFileSync(fresh)));
    expect(remoteRefs()).toBe(refs);
    expect(listFiles(store)).toEqual(objects);
    expect(readFileSync(join(dir, "data/cars-recent.dvc"))).toEqual(manifestBefore);
    expectCallerUntouched(snapshotBefore);
  });

  it("says which field is missing when the card names no snapshot", async () => {
    const card = join(dir, "models/fuel-efficiency/model.yaml");
    const text = readFileSync(card, "utf8");
    try {
      writeFileSync(card, text.replace(/^ {2}current: .*$/m, ""));
      await expect(retrainOnDrift(repoLayout(dir), { model, snapshotSource: future })).rejects.toMatchObject({
        file: "models/fuel-efficiency/model.yaml",
        field: "monitoring.current",
        message: "fuel-efficiency names no snapshot of production data to retrain on",
      });
    } finally {
      writeFileSync(card, text);
    }
  });

  it("refuses a snapshot path that does not exist and leaves the checkout as it was", async () => {
    const snapshotBefore = readFileSync(join(dir, "data/cars-recent.json"));
    await expect(
      retrainOnDrift(repoLayout(dir), { model, snapshotSource: "./snapshots/missing.json" }),
    ).rejects.toMatchObject({
      code: "not-found",
      message: "the snapshot source ./snapshots/missing.json does not exist",
    });
    expectCallerUntouched(snapshotBefore);
  });
});

describe("retrainAndOpenPullRequest", () => {
  const owner = "acme";
  const repo = "models";
  let double: GitHubDouble;
  let http: Awaited<ReturnType<typeof startGitHttpServer>>;
  let client: Octokit;

  beforeAll(async () => {
    double = await startGitHubDouble();
    // The double does not receive git pushes: its branches mirror the bare remote's.
    double.addRepo(owner, repo, { branches: { main: mainTip(), [branch]: branchTip() } });
    client = new Octokit({
      auth: double.tokens.bot,
      baseUrl: double.url,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    http = await startGitHttpServer(work.dir, "ghs_retrain-token");
  });

  afterAll(async () => {
    await double?.close();
    await http?.close();
  });

  it("opens the retrain pull request with the drift section, then updates the same one; git goes over HTTPS with the token", async () => {
    const options = {
      model,
      owner,
      repo,
      gitRemote: `${http.url}/remote.git`,
      token: "ghs_retrain-token",
    };
    const before = branchTip();
    const opened = await retrainAndOpenPullRequest(repoLayout(dir), client, {
      ...options,
      snapshotSource: future,
    });
    expect(opened).toMatchObject({ fired: true, branch, action: "created" });
    expect(branchTip()).not.toBe(before);
    expect(gitIn(remote, "rev-parse", `${branchTip()}^`).trim()).toBe(before);
    const pulls = () => double.pullRequests(owner, repo).filter((p) => p.head.ref === branch);
    expect(pulls()).toHaveLength(1);
    const pull = pulls()[0];
    expect(pull?.number).toBe(opened.pullRequest?.number);
    expect(pull?.base.ref).toBe("main");
    expect(pull?.body).toContain("### Drift: cars-recent");
    expect(pull?.title).toMatch(/^Retrain fuel-efficiency: drift in model_year/);
    expect(opened.summary).toContain(`#${opened.pullRequest?.number}`);

    const updated = await retrainAndOpenPullRequest(repoLayout(dir), client, {
      ...options,
      snapshotSource: later,
    });
    expect(updated).toMatchObject({ fired: true, action: "updated", pullRequest: opened.pullRequest });
    expect(pulls()).toHaveLength(1);
    expect(pulls()[0]?.body).toBe(updated.retrain.fired ? updated.retrain.body : "");
    expect(http.requests.length).toBeGreaterThan(0);
    expect(http.requests.every((r) => r.authorized)).toBe(true);
    expect(double.takeViolations()).toEqual([]);
  });
});
