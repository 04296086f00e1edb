import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "./support/github-double/index.js";
import { cli, createToyRepo, remoteTags, type ToyRepo } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";
import { runBundleAsync } from "./support/run-action.js";

/**
 * The release workflow's promote step on a card that asks for a shadow period: the action bundle run
 * as the runner runs it (INPUT_*, a push event shaped like GitHub's official example, the REST
 * double as GITHUB_API_URL), on a toy repository whose staging holds v1.0.0. Its `shadow-summary`
 * input names `mlops report --shadow --json` outputs; without one that covers the version, the
 * release is refused before anything is written.
 */
const owner = "acme";
const repo = "models";
let toy: ToyRepo;
let double: GitHubDouble;

function must(...args: string[]): void {
  const r = cli(toy.dir, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")} failed: ${r.stderr}`);
}

/** A push of `tag`, from @octokit/webhooks-examples' push example. */
function pushEvent(tag: string, sha: string): string {
  const require = createRequire(import.meta.url);
  const defs = JSON.parse(
    readFileSync(require.resolve("@octokit/webhooks-examples/api.github.com/index.json"), "utf8"),
  ) as { name: string; examples: Record<string, unknown>[] }[];
  const example = defs.find((d) => d.name === "push")?.examples[0];
  if (!example) throw new Error("@octokit/webhooks-examples has no push example");
  const payload = JSON.parse(
    JSON.stringify(example).split("Codertocat/Hello-World").join(`${owner}/${repo}`),
  ) as Record<string, unknown>;
  Object.assign(payload, { ref: `refs/tags/${tag}`, after: sha, base_ref: "refs/heads/main", commits: [] });
  const file = join(toy.root, `event-${tag}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

/** A run's output as a person reads it: workflow commands escape %, CR and LF (actions/toolkit). */
function shown(stdout: string): string {
  return stdout.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

/** The promote step of release.yml for `tag`, with `shadowSummary` as its shadow-summary input. */
async function release(tag: string, shadowSummary: string) {
  const sha = gitIn(toy.dir, "rev-parse", `${tag}^{commit}`).trim();
  double.state.requireRepo(owner, repo).tags.set(tag, sha);
  const run = await runBundleAsync(
    "promote",
    toy.dir,
    {
      stage: "prod",
      "release-tag": tag,
      "from-stage": "staging",
      "shadow-summary": shadowSummary,
      "publish-release": "true",
      "fail-on-refusal": "false",
      token: double.tokens.bot,
      models: "",
      "image-repository": "",
    },
    {
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: pushEvent(tag, sha),
      GITHUB_REF: `refs/tags/${tag}`,
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_API_URL: double.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ID: "4242",
      GITHUB_ACTOR: "octocat",
      RUNNER_TEMP: toy.root,
    },
  );
  return { ...run, stdout: shown(run.stdout) };
}

/** What `mlops report --shadow LOG --json` prints for one candidate (the fields the gate reads, and more). */
function summary(version: string, requests: number, agreement: number): string {
  return `${JSON.stringify(
    {
      log: "predictions.jsonl",
      candidates: [
        {
          model: "toy",
          version,
          served: [{ model: "toy", version: "v0.9.0" }],
          requests,
          rows: requests,
          unpaired: 0,
          agreement,
          latency_seconds: { p50: 0.001, p90: 0.002, p99: 0.004 },
        },
      ],
    },
    null,
    2,
  )}\n`;
}

const prodTags = () => remoteTags(toy.dir).filter((t) => t.includes("#prod#"));

beforeAll(async () => {
  toy = createToyRepo();
  must("register", "toy");
  for (const stage of ["dev", "staging"]) must("promote", "toy", "v1.0.0", "--to", stage);
  const card = join(toy.dir, "models/toy/model.yaml");
  writeFileSync(card, `${readFileSync(card, "utf8")}shadow:\n  min_requests: 100\n  min_agreement: 0.9\n`);
  gitIn(toy.dir, "commit", "-q", "-am", "a shadow period before prod");
  gitIn(toy.dir, "push", "-q", "origin", "main");
  gitIn(toy.dir, "tag", "v1.0.0");
  double = await startGitHubDouble();
  double.addRepo(owner, repo, { defaultBranch: "main" });
}, 120_000);

afterAll(async () => {
  await double?.close();
  toy?.cleanup();
});

describe("the promote action's shadow-summary input on a release tag", () => {
  it("refuses the release when the card asks for a shadow period and the input is empty, saying which input to set", async () => {
    const run = await release("v1.0.0", "");
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain(
      "::error::release v1.0.0 refused, nothing was promoted: toy: the card asks for a shadow period and no shadow summary covers v1.0.0 (the shadow-summary input is empty)",
    );
    expect(run.stdout).toContain("or the promote action's shadow-summary input");
    expect(run.stdout).toContain("hint: run the staging version in prod's shadow");
    expect(prodTags()).toEqual([]);
    expect(double.releases(owner, repo)).toEqual([]);
  });

  it("names the paths it looked at when release.yml's shadow/ does not exist", async () => {
    const run = await release("v1.0.0", "shadow");
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain(
      "no shadow summary covers v1.0.0 (no summary file read; shadow does not exist)",
    );
    expect(prodTags()).toEqual([]);
  });

  it("refuses a summary whose candidate ran on too few requests, or agreed too little, naming both numbers", async () => {
    mkdirSync(join(toy.dir, "shadow"), { recursive: true });
    writeFileSync(join(toy.dir, "shadow/toy-v1.0.0.json"), summary("v1.0.0", 40, 0.99));
    const few = await release("v1.0.0", "shadow");
    expect(few.code, few.stdout).toBe(1);
    expect(few.stdout).toContain("shadow summaries: shadow/toy-v1.0.0.json");
    expect(few.stdout).toContain(
      "toy: v1.0.0 ran in the shadow on 40 requests, fewer than the 100 the card asks for",
    );
    writeFileSync(join(toy.dir, "shadow/toy-v1.0.0.json"), summary("v1.0.0", 500, 0.5));
    const disagreeing = await release("v1.0.0", "shadow");
    expect(disagreeing.code).toBe(1);
    expect(disagreeing.stdout).toContain(
      "toy: v1.0.0 agreed with prod on 50.0% of shadowed rows, less than the 90.0% the card asks for",
    );
    expect(prodTags()).toEqual([]);
    expect(double.releases(owner, repo)).toEqual([]);
  });

  it("refuses a file that is not a shadow summary with its name and field", async () => {
    writeFileSync(join(toy.root, "downloaded.json"), '{"log": "x", "candidates": [{"model": "toy"}]}\n');
    const run = await release("v1.0.0", `shadow\n${join(toy.root, "downloaded.json")}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error.*downloaded\.json.*candidates\.0\.version.*not a shadow summary/);
    expect(prodTags()).toEqual([]);
  });

  it("promotes and publishes the release when a summary committed under shadow/ covers the version", async () => {
    // Another summary in the directory, for an older candidate: only the released version's counts.
    writeFileSync(join(toy.dir, "shadow/toy-v0.9.0.json"), summary("v0.9.0", 10, 0.1));
    writeFileSync(join(toy.dir, "shadow/toy-v1.0.0.json"), summary("v1.0.0", 250, 0.97));
    gitIn(toy.dir, "add", "shadow");
    gitIn(toy.dir, "commit", "-q", "-m", "toy v1.0.0 ran 250 requests in prod's shadow");
    gitIn(toy.dir, "push", "-q", "origin", "main");
    gitIn(toy.dir, "tag", "v1.0.1");
    const run = await release("v1.0.1", "shadow");
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("shadow summaries: shadow/toy-v0.9.0.json, shadow/toy-v1.0.0.json");
    expect(run.outputs.promoted).toBe("1");
    expect(JSON.parse(run.outputs.results ?? "[]")).toMatchObject([
      { model: "toy", version: "v1.0.0", stage: "prod", status: "promoted" },
    ]);
    expect(prodTags()).toEqual(["toy#prod#1"]);
    const releases = double.releases(owner, repo);
    expect(releases.map((r) => r.tagName)).toEqual(["v1.0.1"]);
    expect(double.releaseAsset(owner, repo, "v1.0.1", "toy-v1.0.0.onnx")).toBeDefined();
    expect(double.takeViolations()).toEqual([]);
  });
});
