import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadWorkflow, runWorkflow, type WorkflowResult } from "../../scripts/e2e/workflow-runner.mjs";
import { repoRoot, runCliAsync, runProcessAsync } from "../support/cli.js";
import { startGitHttpServer } from "../support/git-http-server.js";
import {
  type GitHubDouble,
  type PullRequest,
  startGitHubDouble,
  type WorkflowRun,
} from "../support/github-double/index.js";
import { type RunningRegistry, startRegistry } from "../support/oci-registry.js";
import { tempDir } from "../support/repo.js";
import { requireTool } from "../support/tools.js";
import { fuelEfficiencyFeatures } from "../support/trained-pipelines.js";
import { JobTokens, type ScopedApi, startScopedApi } from "./support/job-tokens.js";

/**
 * The lifecycle of issue 9, end to end, on this machine: a pull request gets its one comment, its
 * merge registers and promotes to staging with an image, a release tag promotes to prod and publishes
 * a release, and the cron opens a retrain pull request only when the production snapshot drifts.
 * Each workflow runs through scripts/e2e/workflow-runner.mjs (no GitHub runner here) against a bare
 * repository served over git's smart HTTP, the REST double and Debian's docker-registry. Everything is
 * asserted from their state; nothing here imports src/.
 */

const OWNER = "acme";
const REPO = "mlops";
const MODELS = ["fuel-efficiency", "penguins"] as const;
const OCI_MANIFEST_TYPES = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
].join(", ");

// Every step needs these: a missing one fails the scenario by name instead of skipping it.
requireTool("docker-registry (the local OCI registry)", "docker-registry");
requireTool("git", "git");
requireTool("python3 (the scikit-learn pipeline's venv)", "python3");

// ---- timings ---------------------------------------------------------------------------------

const timings: { step: string; seconds: number }[] = [];
let failedStep: string | undefined;

/** One step of the scenario: timed, and skipped with a clear reason once an earlier step failed. */
function step(name: string, body: () => Promise<void>): void {
  // The table names a step by its letter and first words; the test's name says the whole claim.
  const label = name.length > 48 ? `${name.slice(0, 47).trimEnd()}…` : name;
  it(name, async () => {
    if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
    const started = Date.now();
    try {
      await body();
    } catch (error) {
      failedStep = name;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`step "${name}" failed: ${message}`, { cause: error });
    } finally {
      timings.push({ step: label, seconds: Math.round((Date.now() - started) / 100) / 10 });
    }
  });
}

function writeTimings(): void {
  if (timings.length === 0) return;
  const total = Math.round(timings.reduce((sum, t) => sum + t.seconds, 0) * 10) / 10;
  const dir = join(repoRoot, "mlops-report");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "e2e-timings.json"),
    `${JSON.stringify({ node: process.version, complete: !failedStep, steps: timings, total_seconds: total }, null, 2)}\n`,
  );
  const width = Math.max(...timings.map((t) => t.step.length), 5);
  const rows = [
    `${"step".padEnd(width)}  seconds`,
    `${"-".repeat(width)}  -------`,
    ...timings.map((t) => `${t.step.padEnd(width)}  ${t.seconds.toFixed(1).padStart(7)}`),
    `${"total".padEnd(width)}  ${total.toFixed(1).padStart(7)}`,
  ];
  process.stdout.write(`\nend-to-end timings (mlops-report/e2e-timings.json)\n${rows.join("\n")}\n`);
}

// ---- processes ---------------------------------------------------------------------------------

/** git, synchronously: only for repositories on disk, never for the servers this process runs. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} (in ${cwd}) failed: ${result.stderr}`);
  return result.stdout;
}

async function cli(cwd: string, args: string[], what: string): Promise<string> {
  const result = await runCliAsync(args, { cwd });
  if (result.code !== 0)
    throw new Error(`${what}: mlops ${args.join(" ")} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

// ---- the world the workflows run in -------------------------------------------------------------

let work: { dir: string; cleanup: () => void };
let double: GitHubDouble;
let api: ScopedApi;
let gitServer: Awaited<ReturnType<typeof startGitHttpServer>>;
let registry: RunningRegistry;
let snapshotServer: Server;
const tokens = new JobTokens();
/** What the snapshot URL serves (data/cars-recent's recorded source). */
let snapshotBody = "[]\n";
let snapshotUrl = "";
let baseImage = "";
/** The bare repository the jobs clone and push to ("GitHub's" copy). */
let origin = "";
/** A maintainer's and author's clone, where people commit, merge and tag. */
let dev = "";
let jobHome = "";
let runCount = 0;

/** refname → object for every ref of the origin. */
function originRefs(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of git(origin, "for-each-ref", "--format=%(refname) %(objectname)").split("\n")) {
    const [ref, sha] = line.split(" ");
    if (ref && sha) out.set(ref, sha);
  }
  return out;
}

function refsDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n) !== after.get(n))
    .map(
      (n) => `${n}: ${before.get(n)?.slice(0, 12) ?? "(none)"} → ${after.get(n)?.slice(0, 12) ?? "(none)"}`,
    )
    .sort();
}

/** GitHub's view of the refs follows every push: branches and tags (peeled to commits) into the double. */
function syncDoubleRefs(): void {
  const repo = double.state.requireRepo(OWNER, REPO);
  repo.branches.clear();
  repo.tags.clear();
  const format = "--format=%(refname) %(objectname) %(*objectname)";
  for (const line of git(origin, "for-each-ref", format, "refs/heads", "refs/tags").split("\n")) {
    const [ref, object, peeled] = line.split(" ");
    if (!ref || !object) continue;
    if (ref.startsWith("refs/heads/")) repo.branches.set(ref.slice(11), object);
    else repo.tags.set(ref.slice(10), peeled || object);
  }
}

function pushFromDev(...refspecs: string[]): void {
  git(dev, "push", "-q", "origin", ...refspecs);
  syncDoubleRefs();
}

function mainHead(): string {
  return git(origin, "rev-parse", "refs/heads/main").trim();
}

/** The YAML of an annotated tag's message, as the registry writes it. */
function annotation(tag: string): Record<string, unknown> {
  const text = git(origin, "cat-file", "-p", `refs/tags/${tag}`);
  const start = text.indexOf("\n\n");
  if (start < 0) throw new Error(`tag ${tag} has no annotation`);
  return parseYaml(text.slice(start + 2)) as Record<string, unknown>;
}

/** The newest assignment tag of a stage, `<model>#<stage>#<N>` with the largest N. */
function latestStageTag(model: string, stage: string): string | undefined {
  const prefix = `refs/tags/${model}#${stage}#`;
  const numbers = [...originRefs().keys()]
    .filter((r) => r.startsWith(prefix))
    .map((r) => Number(r.slice(prefix.length)))
    .filter(Number.isInteger)
    .sort((a, b) => a - b);
  const last = numbers.at(-1);
  return last === undefined ? undefined : `${model}#${stage}#${last}`;
}

async function manifestDigest(repository: string, tag: string): Promise<string | undefined> {
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, {
    method: "HEAD",
    headers: { accept: OCI_MANIFEST_TYPES },
  });
  return res.status === 200 ? (res.headers.get("docker-content-digest") ?? undefined) : undefined;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();
}

/** Every repository, tag and digest of the registry, and every blob stored: what a push would change. */
async function registryState(): Promise<{ tags: Record<string, string>; blobs: string[] }> {
  const catalog = (await (await fetch(`${registry.url}/v2/_catalog`)).json()) as { repositories?: string[] };
  const tags: Record<string, string> = {};
  for (const repository of catalog.repositories ?? []) {
    const listed = (await (await fetch(`${registry.url}/v2/${repository}/tags/list`)).json()) as {
      tags?: string[] | null;
    };
    for (const tag of listed.tags ?? [])
      tags[`${repository}:${tag}`] = (await manifestDigest(repository, tag)) ?? "?";
  }
  return { tags, blobs: filesUnder(join(registry.storageDir, "docker/registry/v2/blobs")) };
}

// ---- events ------------------------------------------------------------------------------------

let officialPush: Record<string, unknown> | undefined;

/** A push payload made from the official example, for the seeded repository. */
function pushPayload(ref: string, before: string, after: string): Record<string, unknown> {
  if (!officialPush) {
    const require = createRequire(import.meta.url);
    const defs = JSON.parse(
      readFileSync(require.resolve("@octokit/webhooks-examples/api.github.com/index.json"), "utf8"),
    ) as { name: string; examples: Record<string, unknown>[] }[];
    const example = defs.find((d) => d.name === "push")?.examples[0];
    if (!example) throw new Error("@octokit/webhooks-examples has no push example");
    officialPush = example;
  }
  const text = JSON.stringify(officialPush)
    .split("Codertocat/Hello-World")
    .join(`${OWNER}/${REPO}`)
    .split("https://api.github.com")
    .join(double.url);
  type Json = Record<string, unknown>;
  const payload = JSON.parse(text) as Json & {
    head_commit: Json;
    repository: Json & { owner: Json };
    sender: Json;
  };
  const repo = double.state.requireRepo(OWNER, REPO);
  Object.assign(payload, {
    ref,
    before,
    after,
    created: /^0+$/.test(before),
    compare: `${double.url}/${OWNER}/${REPO}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: [],
  });
  Object.assign(payload.head_commit, {
    id: after,
    message: git(origin, "log", "-1", "--format=%s", after).trim(),
  });
  Object.assign(payload.repository, {
    id: repo.id,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    default_branch: "main",
    master_branch: "main",
  });
  payload.repository.owner.login = OWNER;
  payload.repository.owner.name = OWNER;
  payload.sender.login = double.accounts.user.login;
  payload.sender.id = double.accounts.user.id;
  payload.pusher = { name: double.accounts.user.login, email: "octocat@example.invalid" };
  return payload;
}

// ---- running a workflow ------------------------------------------------------------------------

interface FlowRun {
  result: WorkflowResult;
  workspace: string;
  ghRun: WorkflowRun;
  log: string;
}

const workspaces: string[] = [];

/** The failing steps of a run with their error, annotations and the end of their log. */
function explain(flow: FlowRun): string {
  const lines: string[] = [`${flow.result.workflow}: ${flow.result.conclusion} (full log: ${flow.log})`];
  for (const job of Object.values(flow.result.jobs)) {
    lines.push(`job ${job.job}: ${job.conclusion}`);
    for (const s of job.steps.filter((s) => s.outcome === "failure")) {
      lines.push(`  step "${s.name}": ${s.error ?? "failed"}`);
      for (const a of s.annotations) lines.push(`    ${a.level}: ${a.message}`);
      lines.push(
        ...s.log
          .split("\n")
          .slice(-60)
          .map((l) => `    | ${l}`),
      );
    }
  }
  return lines.join("\n");
}

function expectConclusion(flow: FlowRun, conclusion: "success" | "failure"): void {
  if (flow.result.conclusion !== conclusion) {
    throw new Error(`expected ${conclusion}, got ${flow.result.conclusion}\n${explain(flow)}`);
  }
}

/** Reads the workflow as GitHub does: from the commit the event names. */
function workflowAt(sha: string, file: string, dir: string): string {
  const path = join(dir, file);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, git(origin, "show", `${sha}:.github/workflows/${file}`));
  return path;
}

async function runFlow(
  file: string,
  event: { name: string; payload: Record<string, unknown> },
  options: { sha: string; ref?: string; headBranch?: string; pullRequest?: number },
): Promise<FlowRun> {
  runCount += 1;
  const runDir = join(work.dir, "runs", `${String(runCount).padStart(2, "0")}-${file.replace(/\.yml$/, "")}`);
  const workflowPath = workflowAt(options.sha, file, join(runDir, "workflow"));
  const name = String(loadWorkflow(workflowPath).data.name ?? file);
  const ghRun = double.addWorkflowRun(OWNER, REPO, {
    event: event.name,
    name,
    path: `.github/workflows/${file}`,
    headSha: options.sha,
    ...(options.headBranch ? { headBranch: options.headBranch } : {}),
    ...(options.pullRequest !== undefined ? { pullRequest: options.pullRequest } : {}),
    status: "in_progress",
  });
  const log = join(runDir, "run.log");
  const workspace = join(runDir, "workspace");
  workspaces.push(workspace);
  const started = Date.now();
  const result = await runWorkflow({
    workflowPath,
    event,
    workspace,
    repository: `${OWNER}/${REPO}`,
    sha: options.sha,
    ...(options.ref ? { ref: options.ref } : {}),
    runId: ghRun.id,
    runNumber: ghRun.runNumber,
    actor: double.accounts.user.login,
    token: ({ job, permissions }) => tokens.mint(`${file}/${job}#${runCount}`, permissions),
    githubApiUrl: api.url,
    checkoutRemote: `${gitServer.url}/${OWNER}/${REPO}.git`,
    artifactsDir: join(runDir, "artifacts"),
    runnerTemp: join(runDir, "runner"),
    env: {
      // A runner's fresh home (no git identity), with this machine's package caches.
      HOME: jobHome,
      npm_config_cache: process.env.npm_config_cache ?? join(homedir(), ".npm"),
      PIP_CACHE_DIR: join(homedir(), ".cache", "pip"),
      ACTIONS_RESULTS_URL: double.resultsUrl,
      ACTIONS_RUNTIME_TOKEN: double.runtimeToken(ghRun.backendId, `job-${runCount}`),
      // The test seams (docs/development.md, "Test seams"): the local registry stands in for ghcr.io, and the
      // base image made from this machine for the pinned one on Docker Hub, which it cannot reach.
      MLOPS_GHCR_HOST_OVERRIDE: registry.host,
      MLOPS_BASE_IMAGE_OVERRIDE: baseImage,
    },
    log: (line) => appendFileSync(log, `${line}\n`),
  });
  ghRun.status = "completed";
  ghRun.conclusion = result.conclusion;
  process.stdout.write(
    `  ${file} (${event.name}) → ${result.conclusion} in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  return { result, workspace, ghRun, log };
}

/** Frees the disk of finished runs' workspaces (each has its own node_modules). */
function dropWorkspaces(): void {
  for (const w of workspaces.splice(0)) rmSync(w, { recursive: true, force: true });
}

// ---- the author's side -------------------------------------------------------------------------

function editFile(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain '${from}'`);
  writeFileSync(path, text.replace(from, to));
}

/** What a person does: change, reproduce with `mlops run`, commit everything the run rewrote. */
async function commitChange(message: string, pipelines: string[], change: () => void): Promise<string> {
  change();
  await cli(dev, ["run", ...pipelines], `reproducing ${pipelines.join(", ")} for "${message}"`);
  git(dev, "add", "-A");
  git(dev, "commit", "-q", "-m", message);
  return git(dev, "rev-parse", "HEAD").trim();
}

// ---- setup -------------------------------------------------------------------------------------

/**
 * The origin: this repository's HEAD and, on top of it when the working tree has uncommitted work,
 * one commit with the tree as it is on disk (tracked and new files, git's ignore rules applied), so
 * the scenario tests what is about to be committed.
 */
function seedFromWorkingTree(seed: string): void {
  git(work.dir, "clone", "-q", "--no-hardlinks", "--no-tags", repoRoot, seed);
  git(seed, "checkout", "-q", "-B", "main");
  git(seed, "config", "user.name", "Mona Maintainer");
  git(seed, "config", "user.email", "mona@example.invalid");
  const listed = git(repoRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    .split("\0")
    .filter(Boolean);
  for (const file of git(seed, "ls-files", "-z").split("\0").filter(Boolean))
    rmSync(join(seed, file), { force: true });
  for (const file of listed) {
    const from = join(repoRoot, file);
    if (!existsSync(from) && !lstatSync(from, { throwIfNoEntry: false })) continue;
    mkdirSync(dirname(join(seed, file)), { recursive: true });
    cpSync(from, join(seed, file), { verbatimSymlinks: true });
  }
  git(seed, "add", "-A");
  if (git(seed, "status", "--porcelain").trim() !== "") {
    git(seed, "commit", "-q", "-m", "The working tree as it is on disk (uncommitted work under test)");
  }
}

function cloneAsDev(path: string): void {
  git(work.dir, "clone", "-q", origin, path);
  git(path, "config", "user.name", "Ada Author");
  git(path, "config", "user.email", "ada@example.invalid");
  linkNodeModules(path);
}

/** Dataset sources (vega-datasets) resolve from the project's node_modules, as after `npm ci`. */
function linkNodeModules(clone: string): void {
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"), "dir");
  // `node_modules/` in .gitignore matches a directory, not this symlink; keep it out of commits.
  appendFileSync(join(clone, ".git/info/exclude"), "/node_modules\n");
}

describe("the lifecycle: pull request → staging → prod → retrain", () => {
  beforeAll(async () => {
    work = tempDir("mlops-e2e-");
    jobHome = join(work.dir, "home");
    mkdirSync(jobHome, { recursive: true });
  });

  afterAll(async () => {
    writeTimings();
    await gitServer?.close();
    await api?.close();
    await double?.close();
    await registry?.stop();
    await new Promise<void>((resolve) =>
      snapshotServer ? snapshotServer.close(() => resolve()) : resolve(),
    );
    // A failed run keeps its directory for a look; a passing one leaves nothing behind.
    if (failedStep) process.stdout.write(`the scenario's files are kept in ${work?.dir}\n`);
    else work?.cleanup();
  });

  step("a. setup: origin, data source, GitHub double, registry and base image", async () => {
    snapshotServer = createServer((req, res) => {
      if (req.url === "/cars-recent.json") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(snapshotBody);
      } else {
        res.writeHead(404);
        res.end("not here");
      }
    });
    await new Promise<void>((resolve) => snapshotServer.listen(0, "127.0.0.1", resolve));
    snapshotUrl = `http://127.0.0.1:${(snapshotServer.address() as AddressInfo).port}/cars-recent.json`;

    registry = await startRegistry();
    const made = await runProcessAsync(
      process.execPath,
      ["scripts/image/make-base-image.mjs", "--registry", registry.host, "--repo", "base/node"],
      { cwd: repoRoot },
    );
    if (made.code !== 0) throw new Error(`make-base-image failed:\n${made.stderr}`);
    baseImage = made.stdout.trim().split("\n").at(-1) ?? "";
    expect(baseImage).toMatch(/@sha256:[0-9a-f]{64}$/);

    // The origin is the repository exactly as committed: its own .mlops/config.yaml (objects on the
    // mlops-objects branch, images to the GitHub container registry under the repository's name).
    const seed = join(work.dir, "seed");
    seedFromWorkingTree(seed);

    const gitRoot = join(work.dir, "github");
    origin = join(gitRoot, OWNER, `${REPO}.git`);
    mkdirSync(dirname(origin), { recursive: true });
    git(work.dir, "clone", "-q", "--bare", "--single-branch", "--branch", "main", "--no-tags", seed, origin);
    git(origin, "remote", "remove", "origin");

    double = await startGitHubDouble();
    double.addRepo(OWNER, REPO, { defaultBranch: "main" });
    syncDoubleRefs();
    api = await startScopedApi(double.url, double.tokens.bot, tokens);
    gitServer = await startGitHttpServer(gitRoot, double.tokens.bot, {
      // A public repository: anyone reads; a push needs a token with contents: write.
      authorize: ({ token, service }) => service === "git-upload-pack" || tokens.mayPush(token),
      onPush: () => syncDoubleRefs(),
    });
    dev = join(work.dir, "dev");
    cloneAsDev(dev);

    // What a team does first: point the production snapshot at where their rows are served.
    const recordedHash = /sha256: ([0-9a-f]{64})/.exec(
      readFileSync(join(dev, "data/cars-recent.dvc"), "utf8"),
    )?.[1];
    await cli(
      dev,
      ["data", "import", snapshotUrl, "data/cars-recent.json", "--force"],
      "re-importing data/cars-recent",
    );
    const manifest = readFileSync(join(dev, "data/cars-recent.dvc"), "utf8");
    expect(manifest).toContain(`url: ${snapshotUrl}`);
    expect(manifest, "serving [] keeps the snapshot's hash, so no pipeline's lock changes").toContain(
      `sha256: ${recordedHash}`,
    );
    git(dev, "commit", "-q", "-am", "data/cars-recent: our production snapshot");
    pushFromDev("main");
    expect([...originRefs().keys()]).toEqual(["refs/heads/main"]);
  });

  step("b. a release tag while staging holds nothing fails and changes nothing", async () => {
    git(dev, "tag", "v0.0.1", "origin/main");
    pushFromDev("refs/tags/v0.0.1");
    const before = originRefs();
    const sha = mainHead();
    const flow = await runFlow(
      "release.yml",
      { name: "push", payload: pushPayload("refs/tags/v0.0.1", "0".repeat(40), sha) },
      { sha },
    );
    expectConclusion(flow, "failure");
    const promote = flow.result.jobs.prod?.steps.find((s) => s.id === "promote");
    expect(promote?.outcome, explain(flow)).toBe("failure");
    expect(`${promote?.log}\n${promote?.annotations.map((a) => a.message).join("\n")}`).toMatch(
      /staging holds nothing/,
    );
    expect(refsDiff(before, originRefs())).toEqual([]);
    expect(double.releases(OWNER, REPO)).toEqual([]);
    expect(double.deployments(OWNER, REPO)).toEqual([]);
    dropWorkspaces();
  });

  let pr: PullRequest;
  let prLock = "";

  step("c. a pull request gets one comment; its run cannot write", async () => {
    git(dev, "checkout", "-q", "-b", "tune-learning-rate", "origin/main");
    const first = await commitChange("fuel-efficiency: learning rate 0.08", ["fuel-efficiency"], () => {
      editFile(
        join(dev, "pipelines/fuel-efficiency/params.yaml"),
        "learning_rate: 0.05",
        "learning_rate: 0.08",
      );
      // The PR carries a sweep: two small points, so the PR run trains two more models only.
      appendFileSync(
        join(dev, "pipelines/fuel-efficiency/pipeline.yaml"),
        "sweep:\n  params:\n    train.gbdt.trees: [40, 80]\n  max_points: 2\n",
      );
    });
    prLock = readFileSync(join(dev, "pipelines/fuel-efficiency/pipeline.lock"), "utf8");
    pushFromDev("tune-learning-rate");
    pr = double.addPullRequest(OWNER, REPO, {
      headRef: "tune-learning-rate",
      headSha: first,
      baseRef: "main",
      title: "fuel-efficiency: a higher learning rate",
    });

    for (const [round, action] of [
      [1, "opened"],
      [2, "synchronize"],
    ] as const) {
      let before: string | undefined;
      if (round === 2) {
        before = pr.head.sha;
        writeFileSync(join(dev, "pipelines/fuel-efficiency/NOTES.md"), "Tuned on the 1970-79 cars.\n");
        git(dev, "add", "-A");
        git(dev, "commit", "-q", "-m", "Notes on the tuning");
        pushFromDev("tune-learning-rate");
        pr.head.sha = git(dev, "rev-parse", "HEAD").trim();
      }
      const refsBefore = originRefs();
      const imagesBefore = await registryState();
      const payload = double.webhookPayload("pull_request", action, {
        owner: OWNER,
        repo: REPO,
        pullRequest: pr.number,
        ...(before ? { before } : {}),
      });
      const prRun = await runFlow(
        "pr.yml",
        { name: "pull_request", payload },
        { sha: pr.head.sha, headBranch: pr.head.ref, pullRequest: pr.number },
      );
      expectConclusion(prRun, "success");
      const report = prRun.result.jobs.report;
      expect(report?.permissions.contents).toBe("read");
      expect(double.artifacts(prRun.ghRun.id).map((a) => [a.name, a.finalized])).toEqual([
        ["mlops-report", true],
      ]);
      expect(refsDiff(refsBefore, originRefs()), "a pull-request run pushed to origin").toEqual([]);
      expect(await registryState(), "a pull-request run pushed an image").toEqual(imagesBefore);

      if (round === 1) {
        // The token: a push with the PR job's own token is refused by "GitHub".
        const probe = await runProcessAsync(
          "git",
          [
            "-c",
            `http.extraHeader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${report?.token}`).toString("base64")}`,
            "push",
            `${gitServer.url}/${OWNER}/${REPO}.git`,
            "HEAD:refs/heads/mlops-objects-probe",
          ],
          { cwd: prRun.workspace, env: { GIT_TERMINAL_PROMPT: "0" } },
        );
        expect(probe.code, "the PR job's token could push").not.toBe(0);
        expect(probe.stderr).toMatch(/403/);
        // The code path: even with a token that may write, a pull_request run refuses to push.
        const writer = tokens.mint("probe (contents: write)", { contents: "write" });
        const push = await runProcessAsync(process.execPath, ["bin/mlops.js", "data", "push"], {
          cwd: prRun.workspace,
          env: { GITHUB_EVENT_NAME: "pull_request", MLOPS_GIT_TOKEN: writer, HOME: jobHome },
        });
        expect(push.code, push.stdout + push.stderr).not.toBe(0);
        expect(push.stderr).toMatch(/read-only in pull-request runs/);
        expect(refsDiff(refsBefore, originRefs())).toEqual([]);
        // The sweep ran in the job, and wrote nowhere but the job's own clone: no refs/exps and no
        // objects (the mlops-objects branch) on origin, and exp push refuses even with that token.
        const swept = git(prRun.workspace, "for-each-ref", "--format=%(refname)", "refs/exps/")
          .split("\n")
          .filter(Boolean);
        expect(swept.map((r) => r.split("/").at(-1))).toEqual([
          "sweep-fuel-efficiency-1",
          "sweep-fuel-efficiency-2",
        ]);
        expect([...originRefs().keys()].filter((r) => r.startsWith("refs/exps/"))).toEqual([]);
        expect(originRefs().get("refs/heads/mlops-objects")).toBe(refsBefore.get("refs/heads/mlops-objects"));
        const expPush = await runProcessAsync(process.execPath, ["bin/mlops.js", "exp", "push", "origin"], {
          cwd: prRun.workspace,
          env: { GITHUB_EVENT_NAME: "pull_request", MLOPS_GIT_TOKEN: writer, HOME: jobHome },
        });
        expect(expPush.code, expPush.stdout + expPush.stderr).not.toBe(0);
        expect(expPush.stderr).toMatch(/exp push is refused: remotes are read-only in pull-request runs/);
        expect(refsDiff(refsBefore, originRefs())).toEqual([]);
      }

      const commentRun = await runFlow(
        "pr-comment.yml",
        {
          name: "workflow_run",
          payload: double.webhookPayload("workflow_run", "completed", {
            owner: OWNER,
            repo: REPO,
            runId: prRun.ghRun.id,
          }),
        },
        { sha: mainHead() },
      );
      expectConclusion(commentRun, "success");
      const commented = commentRun.result.jobs.comment?.steps.find((s) => s.uses === "./actions/comment")
        ?.outputs.action;
      expect(commented).toEqual(round === 1 ? "created" : expect.stringMatching(/^(updated|unchanged)$/));
      dropWorkspaces();
    }
    const comments = double.comments(OWNER, REPO, pr.number);
    expect(comments.map((c) => c.user.login)).toEqual(["github-actions[bot]"]);
    const body = comments[0]?.body ?? "";
    expect(body).toContain("fuel-efficiency");
    expect(body).toMatch(/rmse/);
    const rmse = (
      JSON.parse(readFileSync(join(dev, "pipelines/fuel-efficiency/metrics.json"), "utf8")) as {
        rmse: number;
      }
    ).rmse;
    expect(body, `the comment shows the candidate's rmse ${rmse}`).toContain(rmse.toFixed(3).slice(0, 4));
    // The sweep's table: both points with their trees, their rmse, and the lower one marked best.
    expect(body).toContain("#### Sweep");
    expect(body).toContain("2 of 2 points finished (declared in pipelines/fuel-efficiency/pipeline.yaml)");
    const points = [
      ...body.matchAll(/^\| (sweep-fuel-efficiency-\d) \| (\d+) \| ([0-9.e+-]+) \| (⭐ best)? \|$/gm),
    ];
    expect(points.map((m) => [m[1], m[2]])).toEqual([
      ["sweep-fuel-efficiency-1", "40"],
      ["sweep-fuel-efficiency-2", "80"],
    ]);
    const scores = points.map((m) => Number(m[3]));
    const lowest = scores.indexOf(Math.min(...scores));
    expect(points.map((m) => m[4] !== undefined)).toEqual(points.map((_, i) => i === lowest));
  });

  const stagingOf = new Map<string, { version: string; digest: string; tag: string }>();

  // ---- the environments branch (issue 20): each environment's manifests, one commit per change ----

  function environmentsTip(): string {
    return git(origin, "rev-parse", "refs/heads/environments").trim();
  }

  /** The environments branch holds the environment's Deployment of `model`, pinned to `digest`. */
  function expectManifests(environment: string, model: string, version: string, digest: string): void {
    const text = git(
      origin,
      "show",
      `refs/heads/environments:deploy/${environment}/${model}/deployment.yaml`,
    );
    const deployment = parseYaml(text) as {
      spec: {
        template: { metadata: { labels: Record<string, string> }; spec: { containers: { image: string }[] } };
      };
    };
    expect(deployment.spec.template.spec.containers[0]?.image).toBe(
      `${registry.host}/${OWNER}/${REPO}/${model}@${digest}`,
    );
    expect(deployment.spec.template.metadata.labels["app.kubernetes.io/version"]).toBe(version);
    const kustomization = parseYaml(
      git(origin, "show", `refs/heads/environments:deploy/${environment}/kustomization.yaml`),
    ) as { resources: string[] };
    expect(kustomization.resources).toEqual([...MODELS]);
  }

  async function assertStaging(model: string, version: string, fromCommit: string): Promise<void> {
    const refs = originRefs();
    expect(refs.has(`refs/tags/${model}@${version}`), `${model}@${version} is registered on origin`).toBe(
      true,
    );
    const tag = latestStageTag(model, "staging");
    expect(tag, `${model} has a staging tag`).toBeDefined();
    const assignment = annotation(tag as string);
    expect(assignment.version).toBe(version);
    const digest = String(assignment.image_digest ?? "");
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      await manifestDigest(`${OWNER}/${REPO}/${model}`, version),
      `${model}:${version} in the registry`,
    ).toBe(digest);
    expect(annotation(`${model}@${version}`).commit).toBe(fromCommit);
    const deployment = double
      .deployments(OWNER, REPO)
      .filter((d) => d.environment === "staging" && JSON.stringify(d.payload).includes(digest));
    expect(deployment, `one staging deployment of ${model} with ${digest}`).toHaveLength(1);
    expect(deployment[0]?.statuses.map((s) => s.state)).toContain("success");
    expectManifests("staging", model, version, digest);
    expect(JSON.stringify(deployment[0]?.payload)).toContain(environmentsTip());
    stagingOf.set(model, { version, digest, tag: tag as string });
  }

  step(
    "d. the merge registers v1.0.0, assigns staging with the pushed image, records deployments; a rerun changes nothing",
    async () => {
      const before = mainHead();
      git(dev, "checkout", "-q", "main");
      git(dev, "pull", "-q", "--ff-only");
      git(
        dev,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        `Merge pull request #${pr.number} from tune-learning-rate`,
        "tune-learning-rate",
      );
      pushFromDev("main");
      const merged = mainHead();
      Object.assign(pr, {
        state: "closed",
        closedAt: new Date().toISOString(),
        mergedAt: new Date().toISOString(),
        mergeCommitSha: merged,
      });

      const flow = await runFlow(
        "promote.yml",
        { name: "push", payload: pushPayload("refs/heads/main", before, merged) },
        { sha: merged },
      );
      expectConclusion(flow, "success");
      const refs = originRefs();
      expect(
        refs.has("refs/heads/mlops-objects"),
        "data push put the objects on the mlops-objects branch",
      ).toBe(true);
      for (const model of MODELS) await assertStaging(model, "v1.0.0", merged);
      expect(git(origin, "show", `${merged}:pipelines/fuel-efficiency/pipeline.lock`)).toBe(prLock);
      dropWorkspaces();

      const refsBefore = originRefs();
      const imagesBefore = await registryState();
      const deploymentsBefore = double.deployments(OWNER, REPO).length;
      const again = await runFlow(
        "promote.yml",
        { name: "push", payload: pushPayload("refs/heads/main", before, merged) },
        { sha: merged },
      );
      expectConclusion(again, "success");
      const results = JSON.parse(
        again.result.jobs.staging?.steps.find((s) => s.id === "promote")?.outputs.results ?? "[]",
      ) as { model: string; status: string }[];
      expect(results.map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
      expect(refsDiff(refsBefore, originRefs()), "the rerun changed the origin").toEqual([]);
      expect(await registryState(), "the rerun pushed to the registry").toEqual(imagesBefore);
      expect(double.deployments(OWNER, REPO)).toHaveLength(deploymentsBefore);
      dropWorkspaces();
    },
  );

  step("d2. a pull request from a fork runs its sweep and writes nowhere", async () => {
    // A contributor's fork tries other tree counts; GitHub keeps the head as refs/pull/N/head.
    git(dev, "checkout", "-q", "-b", "fork-sweep", "origin/main");
    editFile(
      join(dev, "pipelines/fuel-efficiency/pipeline.yaml"),
      "train.gbdt.trees: [40, 80]",
      "train.gbdt.trees: [60, 120]",
    );
    git(
      dev,
      "commit",
      "-q",
      "-m",
      "fuel-efficiency: sweep other tree counts",
      "--",
      "pipelines/fuel-efficiency/pipeline.yaml",
    );
    const head = git(dev, "rev-parse", "HEAD").trim();
    const forkPr = double.addPullRequest(OWNER, REPO, {
      headRef: "fork-sweep",
      headSha: head,
      baseRef: "main",
      title: "fuel-efficiency: other tree counts",
      fromFork: "mallory",
    });
    pushFromDev(`HEAD:refs/pull/${forkPr.number}/head`);
    git(dev, "checkout", "-q", "main");
    const refsBefore = originRefs();
    const imagesBefore = await registryState();
    const payload = double.webhookPayload("pull_request", "opened", {
      owner: OWNER,
      repo: REPO,
      pullRequest: forkPr.number,
    });
    expect(JSON.stringify(payload), "the event comes from the fork").toContain(
      `"full_name":"mallory/${REPO}"`,
    );
    const prRun = await runFlow(
      "pr.yml",
      { name: "pull_request", payload },
      { sha: head, headBranch: "fork-sweep", pullRequest: forkPr.number },
    );
    expectConclusion(prRun, "success");
    expect(prRun.result.jobs.report?.permissions.contents).toBe("read");
    // The sweep ran: its two points are refs of the job's own clone, and its report has their table.
    const swept = git(prRun.workspace, "for-each-ref", "--format=%(refname)", "refs/exps/")
      .split("\n")
      .filter(Boolean);
    expect(swept).toEqual([
      `refs/exps/${head}/sweep-fuel-efficiency-1`,
      `refs/exps/${head}/sweep-fuel-efficiency-2`,
    ]);
    const report = JSON.parse(readFileSync(join(prRun.workspace, "mlops-report/report.json"), "utf8")) as {
      pipelines: { pipeline: string; sweep?: { points: { values: unknown[]; metric: number | null }[] } }[];
    };
    const sweep = report.pipelines.find((p) => p.pipeline === "fuel-efficiency")?.sweep;
    expect(sweep?.points.map((p) => p.values)).toEqual([[60], [120]]);
    expect(sweep?.points.every((p) => typeof p.metric === "number")).toBe(true);
    // And wrote nowhere: no ref on origin moved (no refs/exps, the mlops-objects branch of the data
    // remote as it was), no image was pushed.
    expect(refsDiff(refsBefore, originRefs()), "a fork's pull-request run pushed to origin").toEqual([]);
    expect([...originRefs().keys()].filter((r) => r.startsWith("refs/exps/"))).toEqual([]);
    expect(await registryState(), "a fork's pull-request run pushed an image").toEqual(imagesBefore);
    dropWorkspaces();
  });

  /**
   * An attacker who can push to the objects branch (not to main) maps the inputs of the commit about
   * to merge to another valid model object: the baseline's. They write the record into a clone's
   * run cache and `data push` it, as any writer of the branch could.
   */
  async function forgeRunCacheRecord(): Promise<{ runKey: string; honest: string; mapped: string }> {
    const lock = parseYaml(readFileSync(join(dev, "pipelines/fuel-efficiency/pipeline.lock"), "utf8")) as {
      stages: Record<string, { run_key: string; outs: { path: string; sha256: string; size: number }[] }>;
    };
    const train = lock.stages.train;
    const baseline = lock.stages.train_baseline?.outs[0];
    if (!train || !baseline) throw new Error("the fuel-efficiency lock has no train or train_baseline stage");
    const honest = train.outs[0]?.sha256 ?? "";
    const record = {
      schema: "1",
      run_key: train.run_key,
      stage: "fuel-efficiency/train",
      outs: [{ path: "model.onnx", sha256: baseline.sha256, size: baseline.size }],
    };
    writeFileSync(
      join(dev, ".mlops/cache/runs", train.run_key.slice(0, 2), `${train.run_key}.json`),
      `${JSON.stringify(record, null, 1)}\n`,
    );
    await cli(dev, ["data", "push"], "pushing a forged run-cache record to the objects branch");
    return { runKey: train.run_key, honest, mapped: baseline.sha256 };
  }

  step(
    "e. two quick merges, the first run cancelled: both models promoted from the second commit; a forged run-cache record is not registered",
    async () => {
      const before = mainHead();
      await commitChange("penguins: 120 trees", ["penguins"], () =>
        editFile(join(dev, "pipelines/penguins/params.yaml"), "trees: 100", "trees: 120"),
      );
      pushFromDev("main");
      const second = await commitChange("fuel-efficiency: 320 trees", ["fuel-efficiency"], () =>
        editFile(join(dev, "pipelines/fuel-efficiency/params.yaml"), "trees: 300", "trees: 320"),
      );
      const forged = await forgeRunCacheRecord();
      pushFromDev("main");
      // GitHub keeps one pending run per concurrency group: the first push's run is cancelled while
      // queued, so only the second one runs.
      const flow = await runFlow(
        "promote.yml",
        { name: "push", payload: pushPayload("refs/heads/main", before, second) },
        { sha: second },
      );
      expectConclusion(flow, "success");
      for (const model of MODELS) {
        const held = stagingOf.get(model);
        await assertStaging(model, "v1.1.0", second);
        expect(annotation(stagingOf.get(model)?.tag as string).previous).toBe(held?.version);
      }
      // The forged record did not reach staging: the merge computed the model itself and said why.
      const registered = annotation("fuel-efficiency@v1.1.0") as { artifact: { sha256: string } };
      expect(registered.artifact.sha256).toBe(forged.honest);
      expect(registered.artifact.sha256).not.toBe(forged.mapped);
      const reproduced = flow.result.jobs.staging?.steps.find((s) => s.uses === "./actions/run-pipeline");
      const said = `${reproduced?.log}\n${reproduced?.annotations.map((a) => a.message).join("\n")}`;
      expect(said).toContain(
        `fuel-efficiency/train: run-cache record ${forged.runKey.slice(0, 12)} on github disagrees with this trusted run (model.onnx: recorded ${forged.mapped.slice(0, 12)}, computed ${forged.honest.slice(0, 12)}); it was not used`,
      );
      expect(said).toMatch(/ran\s+fuel-efficiency\/train\s+a trusted run computes what it registers/);
      dropWorkspaces();
    },
  );

  step(
    "f. tag v1.0.0 promotes staging's versions and digests to prod and publishes the release; a tag off main changes nothing",
    async () => {
      const sha = mainHead();
      git(dev, "tag", "v1.0.0", sha);
      pushFromDev("refs/tags/v1.0.0");
      const flow = await runFlow(
        "release.yml",
        { name: "push", payload: pushPayload("refs/tags/v1.0.0", "0".repeat(40), sha) },
        { sha },
      );
      expectConclusion(flow, "success");
      const release = double.releases(OWNER, REPO).find((r) => r.tagName === "v1.0.0");
      expect(release, "a release for v1.0.0").toBeDefined();
      for (const model of MODELS) {
        const staging = stagingOf.get(model);
        if (!staging) throw new Error(`no staging assignment recorded for ${model}`);
        const tag = latestStageTag(model, "prod");
        expect(tag, `${model} has a prod tag`).toBeDefined();
        const assignment = annotation(tag as string);
        expect(assignment.version).toBe(staging.version);
        expect(assignment.image_digest, `${model} prod runs the image staging ran`).toBe(staging.digest);
        const manifest = annotation(`${model}@${staging.version}`) as { artifact: { sha256: string } };
        const onnx = double.releaseAsset(OWNER, REPO, "v1.0.0", `${model}-${staging.version}.onnx`);
        expect(onnx, `${model}'s ONNX file is a release asset`).toBeDefined();
        expect(
          createHash("sha256")
            .update(onnx?.content ?? Buffer.alloc(0))
            .digest("hex"),
        ).toBe(manifest.artifact.sha256);
        const versionFile = double.releaseAsset(OWNER, REPO, "v1.0.0", `${model}-${staging.version}.yaml`);
        expect(
          parseYaml(versionFile?.content.toString("utf8") ?? ""),
          `${model}'s version manifest is a release asset`,
        ).toEqual(manifest);
        const card = parseYaml(git(origin, "show", `${sha}:models/${model}/model.yaml`)) as {
          description: string;
        };
        expect(release?.body ?? "", `the release body holds ${model}'s card`).toContain(card.description);
        const production = double
          .deployments(OWNER, REPO)
          .filter(
            (d) => d.environment === "production" && JSON.stringify(d.payload).includes(staging.digest),
          );
        expect(production, `one production deployment of ${model}`).toHaveLength(1);
        expect(production[0]?.statuses.map((s) => s.state)).toContain("success");
        expectManifests("production", model, staging.version, staging.digest);
      }
      dropWorkspaces();

      git(dev, "checkout", "-q", "-b", "experiment", "main");
      writeFileSync(join(dev, "EXPERIMENT.md"), "not merged\n");
      git(dev, "add", "-A");
      git(dev, "commit", "-q", "-m", "An experiment that never reached main");
      git(dev, "tag", "v9.9.9");
      pushFromDev("refs/tags/v9.9.9");
      git(dev, "checkout", "-q", "main");
      const off = git(origin, "rev-parse", "v9.9.9^{commit}").trim();
      const refsBefore = originRefs();
      const releasesBefore = double.releases(OWNER, REPO).length;
      const deploymentsBefore = double.deployments(OWNER, REPO).length;
      const refused = await runFlow(
        "release.yml",
        { name: "push", payload: pushPayload("refs/tags/v9.9.9", "0".repeat(40), off) },
        { sha: off },
      );
      expectConclusion(refused, "failure");
      const promote = refused.result.jobs.prod?.steps.find((s) => s.id === "promote");
      expect(`${promote?.log}\n${promote?.annotations.map((a) => a.message).join("\n")}`).toMatch(
        /not on .*main/,
      );
      expect(refsDiff(refsBefore, originRefs())).toEqual([]);
      expect(double.releases(OWNER, REPO)).toHaveLength(releasesBefore);
      expect(double.deployments(OWNER, REPO)).toHaveLength(deploymentsBefore);
      dropWorkspaces();
    },
  );

  /** Rows of the trained clone's split files (the dev clone reproduced fuel-efficiency). */
  function splitRows(file: string): Record<string, unknown>[] {
    return JSON.parse(readFileSync(join(dev, "pipelines/fuel-efficiency/data", file), "utf8")) as Record<
      string,
      unknown
    >[];
  }

  async function runCron(): Promise<FlowRun> {
    const sha = mainHead();
    const path = workflowAt(sha, "retrain.yml", join(work.dir, "probe"));
    const on = loadWorkflow(path).data.on as { schedule?: { cron: string }[] };
    const cron = on.schedule?.[0]?.cron;
    if (!cron) throw new Error("retrain.yml has no on.schedule cron");
    const repo = double.state.requireRepo(OWNER, REPO);
    return runFlow(
      "retrain.yml",
      {
        name: "schedule",
        payload: {
          schedule: cron,
          repository: {
            id: repo.id,
            full_name: `${OWNER}/${REPO}`,
            name: REPO,
            default_branch: "main",
            owner: { login: OWNER },
          },
        },
      },
      { sha },
    );
  }

  function retrainOutputs(flow: FlowRun): Record<string, string> {
    const job = Object.values(flow.result.jobs)[0];
    return job?.steps.find((s) => s.uses === "./actions/open-retrain-pr")?.outputs ?? {};
  }

  function retrainBranches(): string[] {
    return [...originRefs().keys()].filter((r) => r.startsWith("refs/heads/retrain/"));
  }

  step("g. the cron with a fresh sample of the training years opens nothing", async () => {
    if (!git(origin, "ls-tree", "--name-only", "main", ".github/workflows/").includes("retrain.yml")) {
      throw new Error(".github/workflows/retrain.yml is not in the repository under test");
    }
    const train = splitRows("train.json");
    // Every third row: a sample spread over the training years, shaped like the training split.
    snapshotBody = `${JSON.stringify(train.filter((_, i) => i % 3 === 0))}\n`;
    const refsBefore = originRefs();
    const pullsBefore = double.pullRequests(OWNER, REPO).length;
    const flow = await runCron();
    expectConclusion(flow, "success");
    expect(retrainOutputs(flow).fired, "the rule fired on a sample of the training years").toBe("false");
    expect(retrainBranches()).toEqual([]);
    expect(double.pullRequests(OWNER, REPO)).toHaveLength(pullsBefore);
    expect(refsDiff(refsBefore, originRefs()), "a cron that does not fire pushes nothing").toEqual([]);
    dropWorkspaces();
  });

  /**
   * What prod's server saw and what came back later: every car of `cars` sent alone to `mlops serve
   * NAME#prod` (run from the dev clone, the model fetched from the data remote) with a request id and
   * a prediction log, then `mlops feedback ingest` of their measured mpg keyed by those ids. Returns
   * the labelled snapshot's text and the live metrics ingest printed.
   */
  async function servedAndLabelled(
    cars: Record<string, unknown>[],
  ): Promise<{ snapshot: string; version: string; rmse: number }> {
    const features = fuelEfficiencyFeatures;
    git(dev, "checkout", "-q", "main");
    git(dev, "pull", "-q", "--ff-only");
    git(dev, "fetch", "-q", "--tags", "origin");
    const dir = join(work.dir, "feedback");
    mkdirSync(dir, { recursive: true });
    const log = join(dir, "predictions.jsonl");
    const server = spawn(
      process.execPath,
      [
        join(repoRoot, "bin/mlops.js"),
        "serve",
        `${MODELS[0]}#prod`,
        "--prediction-log",
        log,
        "--sample-rate",
        "1",
        "--port",
        "0",
        "--json",
      ],
      { cwd: dev, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    server.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        server.stdout.on("data", (c: Buffer) => {
          out += c.toString("utf8");
          const line = out.split("\n")[0];
          if (out.includes("\n") && line) resolve((JSON.parse(line) as { url: string }).url);
        });
        server.on("exit", (code) => reject(new Error(`mlops serve exited ${code}: ${stderr}`)));
      });
      for (const [i, car] of cars.entries()) {
        const res = await fetch(`${url}/predict`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": `car-${i}` },
          body: JSON.stringify({ records: [Object.fromEntries(features.map((f) => [f, car[f] ?? null]))] }),
        });
        expect(res.status, `prod answers car ${i}`).toBe(200);
        await res.arrayBuffer();
      }
    } finally {
      server.kill("SIGTERM");
    }
    expect(await exited, `mlops serve stops cleanly: ${stderr}`).toBe(0);
    const outcomes = join(dir, "outcomes.jsonl");
    writeFileSync(
      outcomes,
      cars.map((car, i) => `${JSON.stringify({ request_id: `car-${i}`, mpg: car.mpg })}\n`).join(""),
    );
    const out = "data/cars-live.json";
    const ingested = JSON.parse(
      await cli(
        dev,
        ["feedback", "ingest", outcomes, "--log", log, "--out", out, "--window", "7d", "--json"],
        "ingesting outcomes",
      ),
    ) as { counts: Record<string, number>; live: { version: string; metrics: { rmse: number } }[] };
    const snapshot = readFileSync(join(dev, out), "utf8");
    rmSync(join(dev, out));
    expect(ingested.live, "one version answered").toHaveLength(1);
    const [live] = ingested.live;
    if (!live) throw new Error("feedback ingest printed no live metrics");
    expect((JSON.parse(snapshot) as unknown[]).length, "every car joined with its outcome").toBe(cars.length);
    return { snapshot, version: live.version, rmse: live.metrics.rmse };
  }

  step(
    "h. the 1980-82 cars' outcomes come back through feedback ingest; the cron on that labelled snapshot fires on metric decay and drift, opens one retrain pull request, and updates it on the next run",
    async () => {
      const labelled = await servedAndLabelled(splitRows("future.json"));
      // The team publishes the labelled snapshot where data/cars-recent's recorded source points.
      snapshotBody = labelled.snapshot;
      const flow = await runCron();
      expectConclusion(flow, "success");
      expect(retrainOutputs(flow)).toMatchObject({ fired: "true", action: "created" });
      // The monitor measured prod's rmse on the outcomes, the number feedback ingest printed (3
      // significant digits in the report; the body escapes @), and its metric-decay rule fired on it.
      const rmse = String(Number(labelled.rmse.toPrecision(3)));
      const decayed = new RegExp(
        `rmse of ${MODELS[0]}(?:@|&#64;)${labelled.version.replace(/\./g, "\\.")} on cars-recent is ${rmse.replace(".", "\\.")} against`,
      );
      expect(retrainBranches()).toEqual(["refs/heads/retrain/fuel-efficiency"]);
      const open = () =>
        double
          .pullRequests(OWNER, REPO)
          .filter((p) => p.state === "open" && p.head.ref.startsWith("retrain/"));
      expect(open().map((p) => p.head.ref)).toEqual(["retrain/fuel-efficiency"]);
      expect(open()[0]?.body ?? "").toMatch(/drift/i);
      expect(open()[0]?.body ?? "", "the retrain pull request names the decayed metric").toMatch(decayed);
      const commits = () =>
        Number(git(origin, "rev-list", "--count", "main..retrain/fuel-efficiency").trim());
      const first = commits();
      expect(first).toBeGreaterThanOrEqual(1);
      const changed = git(origin, "diff", "--name-only", "main", "retrain/fuel-efficiency");
      expect(changed).toContain("data/cars-recent.dvc");
      expect(changed).toContain("pipelines/fuel-efficiency/pipeline.lock");
      dropWorkspaces();

      const again = await runCron();
      expectConclusion(again, "success");
      expect(retrainOutputs(again).action).toMatch(/^(updated|unchanged)$/);
      expect(
        open().map((p) => p.head.ref),
        "still one retrain pull request",
      ).toEqual(["retrain/fuel-efficiency"]);
      expect(commits() - first).toBeLessThanOrEqual(1);
      dropWorkspaces();
    },
  );

  step(
    "h2. mlops rollback of staging commits the previous digest to the environments branch over a racing writer's commit; a rerun commits nothing",
    async () => {
      const model = MODELS[0];
      const held = stagingOf.get(model);
      if (!held) throw new Error(`no staging assignment recorded for ${model}`);
      const previousTag = (annotation(held.tag).previous_tag as { tag: string }).tag;
      const previous = annotation(previousTag) as { version: string; image_digest: string };
      expect(previous.version).not.toBe(held.version);
      const tipBefore = environmentsTip();
      git(dev, "checkout", "-q", "main");
      git(dev, "pull", "-q", "--ff-only");
      // A racing writer, made certain rather than hoped for: origin's pre-receive hook moves the
      // environments branch once, after the rollback read its tip and before its push lands, as a
      // promote run finishing at that moment would. The push is refused ("failed to update ref");
      // the rollback must render again on the new tip, keeping the other commit.
      const hook = join(origin, "hooks", "pre-receive");
      writeFileSync(
        hook,
        [
          "#!/bin/sh",
          "while read -r old new ref; do",
          '  if [ "$ref" = refs/heads/environments ] && [ ! -e "$GIT_DIR/mlops-raced" ]; then',
          '    : > "$GIT_DIR/mlops-raced"',
          "    unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES",
          '    racing=$(echo "racing writer" | GIT_AUTHOR_NAME=racer GIT_AUTHOR_EMAIL=racer@localhost GIT_COMMITTER_NAME=racer GIT_COMMITTER_EMAIL=racer@localhost git commit-tree "$old^{tree}" -p "$old") || exit 1',
          '    git update-ref refs/heads/environments "$racing" "$old" || exit 1',
          "  fi",
          "done",
          "",
        ].join("\n"),
        { mode: 0o755 },
      );
      let rolled: { version: string; manifests: { commit: string; created: boolean } };
      try {
        rolled = JSON.parse(
          await cli(dev, ["rollback", model, "--stage", "staging", "--json"], "rolling staging back"),
        );
      } finally {
        rmSync(hook, { force: true });
      }
      syncDoubleRefs();
      expect(existsSync(join(origin, "mlops-raced")), "the racing writer moved the branch").toBe(true);
      expect(rolled.version).toBe(previous.version);
      expect(rolled.manifests.created).toBe(true);
      expect(environmentsTip()).toBe(rolled.manifests.commit);
      const racing = git(origin, "rev-parse", `${rolled.manifests.commit}^`).trim();
      expect(git(origin, "log", "-1", "--format=%s", racing).trim(), "the racing commit is kept").toBe(
        "racing writer",
      );
      expect(git(origin, "rev-parse", `${racing}^`).trim()).toBe(tipBefore);
      expectManifests("staging", model, previous.version, previous.image_digest);
      expect(annotation(latestStageTag(model, "staging") as string).image_digest).toBe(previous.image_digest);
      const other = MODELS[1];
      // The image and version lines, and the version the alerts and the dashboard expect.
      expect(git(origin, "diff", "--name-only", racing, rolled.manifests.commit).trim().split("\n")).toEqual(
        [
          "deployment.yaml",
          "observability/dashboard.yaml",
          "observability/prometheusrule.yaml",
          "observability/rules.yaml",
        ].map((f) => `deploy/staging/${model}/${f}`),
      );
      expect(other).toBeDefined();
      const diff = JSON.parse(
        await cli(dev, ["deploy", "diff", "--stage", "staging", "--json"], "deploy diff"),
      ) as {
        changed: boolean;
      };
      expect(diff.changed, "nothing left to commit after the rollback").toBe(false);
      expect(environmentsTip()).toBe(rolled.manifests.commit);
    },
  );

  step("i. GitHub saw no contract breach and no call beyond a job's permissions", async () => {
    expect(double.takeViolations()).toEqual([]);
    expect(api.refused).toEqual([]);
  });
});
