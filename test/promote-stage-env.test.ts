import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JobResult, runWorkflowJob } from "../scripts/e2e/workflow-runner.mjs";
import { repoRoot } from "./support/cli.js";
import { startGitHttpServer } from "./support/git-http-server.js";
import { type GitHubDouble, startGitHubDouble } from "./support/github-double/index.js";
import { gitIn, tempDir } from "./support/repo.js";

// The merge flow's real job (.github/workflows/promote.yml) run by the repository's workflow runner
// on a small repository whose only stage writes its environment to a file: the stage sees no token,
// no INPUT_* and no ACTIONS_*, npm ci sees no token either, and the data push that follows, the one
// step holding the token, still reaches the "GitHub" git server, which accepts pushes with the job's
// token only. The one change to the workflow: `npm ci` links this checkout's node_modules, lib/, bin/
// and actions/ instead of installing (the bundles and the CLI are this repository's).

const OWNER = "octo";
const REPO = "models";

interface Env {
  [name: string]: string;
}

function parseEnv(text: string): Env {
  const out: Env = {};
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

describe("promote.yml's job, with a stage that prints its environment", () => {
  let work: { dir: string; cleanup: () => void };
  let double: GitHubDouble;
  let server: Awaited<ReturnType<typeof startGitHttpServer>>;
  let bare: string;
  let job: JobResult;
  let workspace: string;
  const jobToken = "ghs_promote_job_token_0123456789";
  const appToken = "ghs_app_installation_token_98765";
  const runtimeToken = "actions-runtime-token-abcdef";

  beforeAll(async () => {
    work = tempDir("mlops-promote-env-");
    const seed = join(work.dir, "seed");
    mkdirSync(join(seed, "pipelines/probe"), { recursive: true });
    mkdirSync(join(seed, ".mlops"), { recursive: true });
    gitIn(work.dir, "init", "-q", "-b", "main", seed);
    gitIn(seed, "config", "user.name", "Mona");
    gitIn(seed, "config", "user.email", "mona@example.invalid");
    writeFileSync(
      join(seed, "pipelines/probe/pipeline.yaml"),
      ["stages:", "  probe:", "    cmd: env > seen-env.txt", "    outs: [seen-env.txt]", ""].join("\n"),
    );
    writeFileSync(
      join(seed, ".mlops/config.yaml"),
      [
        "remotes:",
        "  objects:",
        "    url: git-branch:mlops-objects",
        "defaults:",
        "  remote: objects",
        // As the committed config has it: on GitHub, images go to ghcr.io under the repository's
        // name, built on this base (this repository has no model, so none is built).
        "images:",
        `  base: docker.io/library/node:24-bookworm-slim@sha256:${"0".repeat(64)}`,
        "",
      ].join("\n"),
    );
    writeFileSync(join(seed, ".gitignore"), "node_modules\nlib\nbin\nactions\n");
    gitIn(seed, "add", "-A");
    gitIn(seed, "commit", "-q", "-m", "A pipeline that prints its environment");
    const sha = gitIn(seed, "rev-parse", "HEAD").trim();
    const gitRoot = join(work.dir, "github");
    bare = join(gitRoot, OWNER, `${REPO}.git`);
    mkdirSync(join(gitRoot, OWNER), { recursive: true });
    gitIn(work.dir, "clone", "-q", "--bare", seed, bare);

    double = await startGitHubDouble();
    double.addRepo(OWNER, REPO, { defaultBranch: "main" });
    // A public repository on "GitHub": anyone reads, a push needs this job's token.
    server = await startGitHttpServer(gitRoot, jobToken, {
      authorize: ({ token, service }) => service === "git-upload-pack" || token === jobToken,
    });

    const real = readFileSync(join(repoRoot, ".github/workflows/promote.yml"), "utf8");
    const link = ["node_modules", "lib", "bin", "actions"]
      .map((d) => `ln -s ${JSON.stringify(join(repoRoot, d))} ${d}`)
      .join(" && ");
    expect(real).toMatch(/^ {6}- run: npm ci$/m);
    const derived = real.replace(/^ {6}- run: npm ci$/m, `      - run: env > npm-ci-env.txt && ${link}`);
    const workflowPath = join(work.dir, "promote.yml");
    writeFileSync(workflowPath, derived);
    workspace = join(work.dir, "workspace");
    const payload = {
      ref: "refs/heads/main",
      before: "0".repeat(40),
      after: sha,
      repository: {
        full_name: `${OWNER}/${REPO}`,
        name: REPO,
        default_branch: "main",
        id: 7,
        owner: { login: OWNER },
      },
      sender: { login: "mona" },
      commits: [],
    };
    job = await runWorkflowJob({
      workflowPath,
      job: "staging",
      event: { name: "push", payload },
      workspace,
      repository: `${OWNER}/${REPO}`,
      sha,
      token: jobToken,
      secrets: { MLOPS_RETRAIN_TOKEN: appToken },
      githubApiUrl: double.url,
      checkoutRemote: `${server.url}/${OWNER}/${REPO}.git`,
      runnerTemp: join(work.dir, "runner"),
      env: {
        ACTIONS_RUNTIME_TOKEN: runtimeToken,
        ACTIONS_RESULTS_URL: double.resultsUrl,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${double.url}/oidc`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc-request-token-123",
      },
    });
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    await double?.close();
    work?.cleanup();
  });

  const explain = () =>
    job.steps
      .map((s) => `${s.name}: ${s.outcome}${s.outcome === "failure" ? `\n${s.log.slice(-3000)}` : ""}`)
      .join("\n");

  it("runs the whole job", () => {
    expect(job.conclusion, explain()).toBe("success");
  });

  it("gives the stage command no token, no INPUT_* and no ACTIONS_*", () => {
    const text = readFileSync(join(workspace, "pipelines/probe/seen-env.txt"), "utf8");
    const seen = parseEnv(text);
    for (const secret of [jobToken, appToken, runtimeToken, "oidc-request-token-123"])
      expect(text, "a credential reached the stage").not.toContain(secret);
    const names = Object.keys(seen);
    expect(names.filter((n) => /^(INPUT_|ACTIONS_)/.test(n))).toEqual([]);
    expect(names.filter((n) => /TOKEN|PASSWORD|SECRET/.test(n))).toEqual([]);
    expect(names).not.toContain("GITHUB_ENV");
    expect(names).not.toContain("GITHUB_OUTPUT");
    // What it does see: the run's public facts, to tell where it runs.
    expect(seen).toMatchObject({ GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "push", MLOPS_STAGE: "probe" });
    const runPipeline = job.steps.find((s) => s.uses === "./actions/run-pipeline");
    expect(runPipeline?.outcome).toBe("success");
  });

  it("gives npm ci no token", () => {
    const text = readFileSync(join(workspace, "npm-ci-env.txt"), "utf8");
    expect(text).not.toContain(jobToken);
    expect(Object.keys(parseEnv(text))).not.toContain("MLOPS_GIT_TOKEN");
  });

  it("still pushes, with the job's token, from the step that holds it", () => {
    const push = job.steps.find((s) => s.name.startsWith("Send outputs and the run cache"));
    expect(push?.outcome, explain()).toBe("success");
    const objects = gitIn(bare, "ls-tree", "-r", "--name-only", "refs/heads/mlops-objects");
    const stageOutput = readFileSync(join(workspace, "pipelines/probe/seen-env.txt"));
    const sha = createHash("sha256").update(stageOutput).digest("hex");
    expect(objects, "the stage's output is on the objects branch").toContain(sha.slice(2));
    expect(push?.log ?? "").not.toContain(jobToken);
    expect(server.requests.some((r) => r.service === "git-receive-pack" && r.authorized)).toBe(true);
  });
});
