import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DoctorReport, githubRepositoryOfUrl, refPatternMatches } from "../src/github/doctor.js";
import { repoRoot, runCliAsync } from "./support/cli.js";
import { type GitHubDouble, startGitHubDouble } from "./support/github-double/index.js";
import { setUpForEveryFlow } from "./support/github-double/repo-settings.js";
import { gitIn, tempDir } from "./support/repo.js";

const OWNER = "acme";
const MODELS = readdirSync(join(repoRoot, "models")).sort();

/** The settings the doctor names, each of which a repository made from the template lacks. */
const EVERY_SETTING = [
  "Workflow permissions (default GITHUB_TOKEN permissions)",
  'Workflow permissions: "Allow GitHub Actions to create and approve pull requests"',
  "Actions secret MLOPS_RETRAIN_TOKEN",
  "Environment staging",
  "Environment production",
  "Tag ruleset for v*",
  `Tag ruleset for ${MODELS.map((m) => `${m}@v*, ${m}#*`).join(", ")}`,
  "Branch protection of main requiring the CI checks",
];

let work: { dir: string; cleanup: () => void };
let double: GitHubDouble;

/** A clone of a bare origin holding what the template ships: workflows, config and models. */
function templateClone(name: string, omit: string[] = []): string {
  const origin = join(work.dir, `${name}.git`);
  gitIn(work.dir, "init", "-q", "--bare", "-b", "main", origin);
  const seed = join(work.dir, `${name}-seed`);
  gitIn(work.dir, "clone", "-q", origin, seed);
  for (const path of [".github/workflows", ".mlops/config.yaml", ".mlops/.gitignore", "models"]) {
    cpSync(join(repoRoot, path), join(seed, path), { recursive: true });
  }
  for (const path of omit) rmSync(join(seed, path), { recursive: true, force: true });
  gitIn(seed, "add", "-A");
  gitIn(seed, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "template");
  gitIn(seed, "push", "-q", "origin", "main");
  const clone = join(work.dir, name);
  gitIn(work.dir, "clone", "-q", origin, clone);
  return clone;
}

/** A repository on the double with every setting docs/flows.md's "Getting started on GitHub" asks for. */
function setUpAsTheReadmeSays(name: string) {
  const repo = double.addRepo(OWNER, name);
  setUpForEveryFlow(double.state, repo, {
    models: MODELS,
    requiredChecks: [
      "Unit tests, lint and typecheck",
      "Lifecycle scenario (every workflow, end to end)",
      "Bundles and workflows",
    ],
    reviewer: double.accounts.user,
  });
  return repo;
}

async function doctor(clone: string, repo: string | undefined, token?: string) {
  const result = await runCliAsync(
    ["doctor", "--json", ...(repo ? ["--repository", `${OWNER}/${repo}`] : [])],
    {
      cwd: clone,
      env: {
        GITHUB_API_URL: double.url,
        GITHUB_TOKEN: token ?? "",
        GH_TOKEN: "",
        GITHUB_REPOSITORY: "",
      },
    },
  );
  return { ...result, report: JSON.parse(result.stdout) as DoctorReport };
}

beforeAll(async () => {
  work = tempDir("mlops-doctor-");
  mkdirSync(work.dir, { recursive: true });
  double = await startGitHubDouble();
});

afterAll(async () => {
  await double?.close();
  work?.cleanup();
});

describe("mlops doctor against GitHub", () => {
  it("names every missing setting of a repository fresh from the template, with where to set it, and exits 1", async () => {
    const repo = double.addRepo(OWNER, "fresh");
    // Repositories from before 2023 still default to a read-write workflow token.
    repo.actions.defaultWorkflowPermissions = "write";
    const clone = templateClone("fresh");
    const { code, report } = await doctor(clone, "fresh", double.tokens.user);
    expect(code).toBe(1);
    expect(report.api).toBe(true);
    const notOk = report.checks.filter((c) => c.status !== "ok");
    expect(notOk.map((c) => c.setting).sort()).toEqual([...EVERY_SETTING].sort());
    for (const check of notOk) expect(check.where, check.setting).toMatch(/\/acme\/fresh\/settings\//);
    expect(report.flows.find((f) => f.flow === "retrain")?.status).toBe("fail");
    expect(report.checks.find((c) => c.id === "retrain-token")?.message).toMatch(
      /cannot open its pull request/,
    );
    expect(report.flows.filter((f) => f.status === "fail").map((f) => f.flow)).toEqual(["retrain"]);
    expect(double.takeViolations()).toEqual([]);

    const text = await runCliAsync(["doctor", "--repository", `${OWNER}/fresh`], {
      cwd: clone,
      env: { GITHUB_API_URL: double.url, GITHUB_TOKEN: double.tokens.user },
    });
    expect(text.code).toBe(1);
    for (const setting of EVERY_SETTING) expect(text.stdout).toContain(setting);
    expect(text.stdout).toContain("cannot work: retrain");
  });

  it("reports every flow green for a repository set up as docs/flows.md says, and exits 0", async () => {
    setUpAsTheReadmeSays("ready");
    const clone = templateClone("ready");
    const { code, report, stderr } = await doctor(clone, "ready", double.tokens.user);
    expect(stderr).toBe("");
    expect(report.checks.filter((c) => c.status !== "ok")).toEqual([]);
    expect(report.flows.map((f) => `${f.flow}:${f.status}`)).toEqual([
      "pr:ok",
      "comment:ok",
      "merge:ok",
      "release:ok",
      "retrain:ok",
    ]);
    expect(code).toBe(0);
    expect(double.takeViolations()).toEqual([]);
  });

  it("fails the release flow when production deploys from protected branches only (the job runs on a tag)", async () => {
    const repo = setUpAsTheReadmeSays("branches-only");
    const production = double.state.environment(repo, "production");
    production.deploymentBranchPolicy = { protectedBranches: true, customBranchPolicies: false };
    const { code, report } = await doctor(
      templateClone("branches-only"),
      "branches-only",
      double.tokens.user,
    );
    expect(code).toBe(1);
    const check = report.checks.find((c) => c.id === "environment-production");
    expect(check?.status).toBe("fail");
    expect(check?.message).toMatch(/protected branches only.*v\* tag/);
    expect(report.flows.filter((f) => f.status === "fail").map((f) => f.flow)).toEqual(["release"]);
  });

  it("fails the merge flow when an image's package exists but is linked to another repository", async () => {
    const repo = setUpAsTheReadmeSays("taken");
    const other = double.addRepo(OWNER, "older-project");
    double.state.packages.push({
      id: double.state.newId(),
      owner: repo.owner,
      name: `taken/${MODELS[0]}`,
      repo: other,
      visibility: "public",
      createdAt: "2026-01-01T00:00:00Z",
    });
    const { code, report } = await doctor(templateClone("taken"), "taken", double.tokens.user);
    expect(code).toBe(1);
    const check = report.checks.find((c) => c.id === "package-access");
    expect(check?.status).toBe("fail");
    expect(check?.message).toContain(`taken/${MODELS[0]} (linked to acme/older-project)`);
    expect(check?.where).toContain("Manage Actions access");
    expect(report.flows.filter((f) => f.status === "fail").map((f) => f.flow)).toEqual(["merge"]);
    expect(double.takeViolations()).toEqual([]);
  });

  it("with a workflow's own token says which settings it could not read instead of guessing", async () => {
    double.addRepo(OWNER, "bot-view");
    const { code, report } = await doctor(templateClone("bot-view"), "bot-view", double.tokens.bot);
    const unread = report.checks.filter((c) => /could not be read \(HTTP 403/.test(c.message));
    expect(unread.map((c) => c.id).sort()).toEqual([
      "actions-enabled",
      "main-protection",
      "retrain-token",
      "workflow-permissions",
    ]);
    expect(code).toBe(0);
    expect(double.takeViolations()).toEqual([]);
  });
});

describe("mlops doctor from the clone alone", () => {
  it("without a token checks the clone, skips GitHub's settings, and passes a clone as committed", async () => {
    const clone = templateClone("offline");
    const { code, report } = await doctor(clone, undefined);
    expect(report.api).toBe(false);
    expect(report.checks.find((c) => c.id === "api")?.status).toBe("skip");
    expect(report.checks.find((c) => c.id === "remote-reachable")?.status).toBe("ok");
    expect(code).toBe(0);
  });

  it("fails the flows whose workflow or configuration is missing, naming the file", async () => {
    const clone = templateClone("broken", [".github/workflows/promote.yml", ".mlops/config.yaml"]);
    const { code, report } = await doctor(clone, undefined);
    expect(code).toBe(1);
    expect(report.checks.find((c) => c.id === "workflow-merge")?.message).toContain(
      ".github/workflows/promote.yml missing",
    );
    expect(report.checks.find((c) => c.id === "default-remote")?.where).toContain(".mlops/config.yaml");
    expect(report.checks.find((c) => c.id === "base-image")?.status).toBe("fail");
    expect(report.flows.filter((f) => f.status === "fail").map((f) => f.flow)).toEqual(["merge", "retrain"]);
  });
});

describe("the doctor's parsers", () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);

  it("reads owner/repo from every form of a GitHub URL, and nothing from other hosts", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,20}$/), segment, (owner, repo) => {
        fc.pre(!repo.endsWith(".git") && repo !== "." && repo !== "..");
        for (const url of [
          `https://github.com/${owner}/${repo}`,
          `https://github.com/${owner}/${repo}.git`,
          `https://x-access-token:t@github.com/${owner}/${repo}.git`,
          `git@github.com:${owner}/${repo}.git`,
          `ssh://git@github.com/${owner}/${repo}`,
        ]) {
          expect(githubRepositoryOfUrl(url), url).toBe(`${owner}/${repo}`);
        }
        expect(githubRepositoryOfUrl(`https://gitlab.com/${owner}/${repo}`)).toBeUndefined();
        expect(githubRepositoryOfUrl(`/srv/git/${owner}/${repo}.git`)).toBeUndefined();
      }),
      { seed: 25, numRuns: 300 },
    );
  });

  it("matches ruleset patterns as GitHub does: * within a segment, ** across, ~DEFAULT_BRANCH, ~ALL", () => {
    expect(refPatternMatches("refs/tags/v*", "refs/tags/v1.2.3", "main")).toBe(true);
    expect(refPatternMatches("refs/tags/v*", "refs/tags/release/v1", "main")).toBe(false);
    expect(refPatternMatches("refs/tags/m#*", "refs/tags/m#staging#3", "main")).toBe(true);
    expect(refPatternMatches("refs/tags/m@v*", "refs/tags/mx@v1.0.0", "main")).toBe(false);
    expect(refPatternMatches("~DEFAULT_BRANCH", "refs/heads/trunk", "trunk")).toBe(true);
    expect(refPatternMatches("~DEFAULT_BRANCH", "refs/heads/main", "trunk")).toBe(false);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 12 }),
        (parts, junk) => {
          const ref = `refs/tags/${parts.join("/")}`;
          expect(refPatternMatches(ref, ref, "main"), "a name matches itself").toBe(true);
          expect(refPatternMatches("refs/tags/**", ref, "main")).toBe(true);
          expect(refPatternMatches("~ALL", ref, "main")).toBe(true);
          expect(refPatternMatches(`${ref}*`, `${ref}${junk.replaceAll("/", "")}`, "main")).toBe(true);
          // Regex metacharacters in a pattern are literal.
          expect(refPatternMatches(`${ref}.+`, `${ref}xx`, "main")).toBe(false);
        },
      ),
      { seed: 25, numRuns: 300 },
    );
  });
});
