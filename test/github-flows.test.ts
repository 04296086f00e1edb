import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Octokit } from "octokit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import {
  composeReleaseBody,
  createGitHubClient,
  type GitHubClient,
  openOrUpdateRetrainPullRequest,
  publishRelease,
  recordDeployment,
  releaseAssetName,
  retrainBranch,
} from "../src/github/index.js";
import { fakeSha, type GitHubDouble, startGitHubDouble } from "./support/github-double/index.js";
import { tempDir } from "./support/repo.js";

const owner = "acme";
const repo = "models";
const releasedSha = fakeSha("release v1.0.0");
const digest = `sha256:${"d".repeat(64)}`;

let double: GitHubDouble;
/** The project's client, with retry and throttling: what the actions use. */
let productionClient: GitHubClient;
/**
 * The same client class without throttling, whose one-second gap between writes (GitHub's advice for
 * mutations) would make these tests slow, and without retries, which would repeat the double's 500s.
 */
let client: GitHubClient;
let work: { dir: string; cleanup: () => void };

beforeAll(async () => {
  double = await startGitHubDouble();
  double.addRepo(owner, repo, {
    branches: { "retrain/fuel-efficiency": fakeSha("retrain"), "retrain/churn": fakeSha("retrain churn") },
    tags: { "v1.0.0": releasedSha, "v1.1.0": fakeSha("release v1.1.0") },
  });
  productionClient = createGitHubClient({ token: double.tokens.bot, baseUrl: double.url });
  client = new Octokit({
    auth: double.tokens.bot,
    baseUrl: double.url,
    throttle: { enabled: false },
    retry: { enabled: false },
  });
  work = tempDir("github-flows-");
});

afterAll(async () => {
  await double?.close();
  work?.cleanup();
});

afterEach(() => {
  expect(double.takeViolations()).toEqual([]);
});

function operations(operationId: string): number {
  return double.requests.filter((request) => request.operationId === operationId).length;
}

describe("recordDeployment", () => {
  const promotion = {
    owner,
    repo,
    sha: fakeSha("merge 1"),
    ref: "main",
    environment: "staging",
    payload: { model: "fuel-efficiency", version: "v1.0.0", image_digest: digest },
    description: "fuel-efficiency v1.0.0 to staging",
    logUrl: "https://github.com/acme/models/actions/runs/1",
    environmentUrl: "https://staging.example.com",
  };

  it("records one deployment with a success status per sha and environment, however often it runs", async () => {
    const first = await recordDeployment(client, promotion);
    expect(first).toMatchObject({ state: "success", created: true, statusCreated: true });
    // Same promotion again, payload keys in another order: GitHub must not get a second deployment.
    const again = await recordDeployment(client, {
      ...promotion,
      payload: { image_digest: digest, version: "v1.0.0", model: "fuel-efficiency" },
    });
    expect(again).toEqual({ ...first, created: false, statusCreated: false });

    const deployments = double.deployments(owner, repo).filter((d) => d.environment === "staging");
    expect(deployments).toHaveLength(1);
    const [deployment] = deployments;
    expect(deployment?.sha).toBe(promotion.sha);
    expect(deployment?.payload).toEqual({ ref: "main", ...promotion.payload });
    expect(deployment?.productionEnvironment).toBe(false);
    expect(deployment?.statuses.map((s) => [s.state, s.environmentUrl, s.logUrl])).toEqual([
      ["success", promotion.environmentUrl, promotion.logUrl],
    ]);
    expect(double.environment(owner, repo, "staging")).toBeDefined();
  });

  it("adds a status to the same deployment when a re-run's outcome differs, and retires the old version", async () => {
    const sha = fakeSha("merge 2");
    const payload = { model: "fuel-efficiency", version: "v1.1.0", image_digest: `sha256:${"e".repeat(64)}` };
    const failed = await recordDeployment(client, {
      owner,
      repo,
      sha,
      environment: "staging",
      payload,
      state: "failure",
      statusDescription: `image push failed: ${"x".repeat(200)}`,
    });
    expect(failed).toMatchObject({ state: "failure", created: true });
    const retried = await recordDeployment(client, { owner, repo, sha, environment: "staging", payload });
    expect(retried).toMatchObject({ deploymentId: failed.deploymentId, created: false, statusCreated: true });

    const deployment = double.state.deployments.get(failed.deploymentId);
    expect(deployment?.statuses.map((s) => s.state)).toEqual(["failure", "success"]);
    // GitHub cuts descriptions at 140 characters; we cut first so the status says where.
    expect(deployment?.statuses[0]?.description).toHaveLength(140);
    expect(deployment?.statuses[0]?.description.endsWith("…")).toBe(true);
    // The v1.0.0 deployment to staging is no longer the live one.
    const older = double.deployments(owner, repo).find((d) => d.sha === fakeSha("merge 1"));
    expect(older?.statuses.at(-1)?.state).toBe("inactive");
  });

  it("marks a production deployment as such and refuses a sha that is not a full commit id", async () => {
    const recorded = await recordDeployment(client, {
      owner,
      repo,
      sha: releasedSha,
      ref: "v1.0.0",
      environment: "production",
      payload: { model: "fuel-efficiency", version: "v1.0.0", image_digest: digest },
      productionEnvironment: true,
    });
    expect(double.state.deployments.get(recorded.deploymentId)?.productionEnvironment).toBe(true);
    await expect(
      recordDeployment(client, { owner, repo, sha: "main", environment: "staging", payload: {} }),
    ).rejects.toThrow(/expected a full 40-hex commit sha, got 'main'/);
  });
});

describe("publishRelease", () => {
  function writeAsset(name: string, bytes: Buffer): string {
    const path = join(work.dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  it("creates the release of a tag once, uploads each asset once, and keeps the bytes intact", async () => {
    const model = randomBytes(4096);
    const modelPath = writeAsset("model.onnx", model);
    const manifestPath = writeAsset(
      "manifest.yaml",
      Buffer.from("version: v1.0.0\nmodel: fuel-efficiency\n"),
    );
    const options = {
      owner,
      repo,
      tag: "v1.0.0",
      name: "v1.0.0",
      body: "first body",
      assets: [
        { path: modelPath, name: "fuel-efficiency-v1.0.0.onnx", contentType: "application/octet-stream" },
        {
          path: manifestPath,
          name: releaseAssetName("fuel-efficiency@v1.0.0.yaml"),
          contentType: "text/yaml",
        },
      ],
    };
    // Through the actions' own client: uploads must work with its retry and throttling plugins too.
    const first = await publishRelease(productionClient, options);
    expect(first).toMatchObject({
      created: true,
      url: `${double.url}/acme/models/releases/tag/v1.0.0`,
      assets: ["fuel-efficiency-v1.0.0.onnx", "fuel-efficiency-v1.0.0.yaml"],
      uploaded: ["fuel-efficiency-v1.0.0.onnx", "fuel-efficiency-v1.0.0.yaml"],
    });
    const uploadsAfterFirst = operations("repos/upload-release-asset");

    const second = await publishRelease(client, { ...options, body: "second body" });
    expect(second).toMatchObject({ id: first.id, created: false, uploaded: [] });
    expect(operations("repos/upload-release-asset")).toBe(uploadsAfterFirst);

    const releases = double.releases(owner, repo).filter((r) => r.tagName === "v1.0.0");
    expect(releases).toHaveLength(1);
    expect(releases[0]?.body).toBe("second body");
    expect(releases[0]?.draft).toBe(false);
    expect(
      double.releaseAsset(owner, repo, "v1.0.0", "fuel-efficiency-v1.0.0.onnx")?.content.equals(model),
    ).toBe(true);
    const manifest = double.releaseAsset(owner, repo, "v1.0.0", "fuel-efficiency-v1.0.0.yaml");
    expect(manifest?.content.equals(readFileSync(manifestPath))).toBe(true);
    expect(manifest?.contentType).toBe("text/yaml");
    // The tag existed before: publishing never moves it.
    expect(double.state.repo(owner, repo)?.tags.get("v1.0.0")).toBe(releasedSha);
  });

  it("refuses to replace a released asset with other content", async () => {
    const path = writeAsset("changed.onnx", randomBytes(64));
    await publishRelease(client, {
      owner,
      repo,
      tag: "v1.1.0",
      name: "v1.1.0",
      body: "b",
      assets: [{ path, name: "model.onnx", contentType: "application/octet-stream" }],
    });
    writeFileSync(path, randomBytes(64));
    const failure = await publishRelease(client, {
      owner,
      repo,
      tag: "v1.1.0",
      name: "v1.1.0",
      body: "b",
      assets: [{ path, name: "model.onnx", contentType: "application/octet-stream" }],
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(MlopsError);
    expect((failure as MlopsError).code).toBe("conflict");
    expect((failure as MlopsError).message).toContain("release v1.1.0 already has an asset 'model.onnx'");
    expect(double.releases(owner, repo).find((r) => r.tagName === "v1.1.0")?.assets).toHaveLength(1);
  });

  it("refuses asset names GitHub would rename before calling GitHub", async () => {
    const requests = double.requests.length;
    await expect(
      publishRelease(client, {
        owner,
        repo,
        tag: "v1.0.0",
        name: "v1.0.0",
        body: "b",
        assets: [{ path: "/nonexistent", name: "model@v1.onnx", contentType: "application/octet-stream" }],
      }),
    ).rejects.toMatchObject({
      code: "usage",
      field: "assets[0].name",
      hint: expect.stringContaining("model-v1.onnx"),
    });
    expect(double.requests.length).toBe(requests);
  });
});

describe("openOrUpdateRetrainPullRequest", () => {
  const options = {
    owner,
    repo,
    head: retrainBranch("fuel-efficiency"),
    base: "main",
    title: "Retrain fuel-efficiency: drift in horsepower",
    body: "## Drift\nhorsepower: 0.41 > 0.2",
  };

  it("opens the retrain pull request once and updates its body on later runs", async () => {
    const created = await openOrUpdateRetrainPullRequest(client, options);
    expect(created.action).toBe("created");
    const updated = await openOrUpdateRetrainPullRequest(client, {
      ...options,
      body: "## Drift\nhorsepower: 0.52",
    });
    expect(updated).toEqual({ ...created, action: "updated" });
    const unchanged = await openOrUpdateRetrainPullRequest(client, {
      ...options,
      body: "## Drift\nhorsepower: 0.52",
    });
    expect(unchanged).toEqual({ ...created, action: "unchanged" });

    const open = double.pullRequests(owner, repo).filter((p) => p.head.ref === "retrain/fuel-efficiency");
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      number: created.number,
      state: "open",
      body: "## Drift\nhorsepower: 0.52",
    });
    expect(open[0]?.base.ref).toBe("main");
  });

  it("opens a new pull request when the earlier one was closed", async () => {
    const first = await openOrUpdateRetrainPullRequest(client, { ...options, head: "retrain/churn" });
    const pull = double.state.pullRequest(double.state.requireRepo(owner, repo), first.number);
    if (pull) pull.state = "closed";
    const second = await openOrUpdateRetrainPullRequest(client, { ...options, head: "retrain/churn" });
    expect(second.action).toBe("created");
    expect(second.number).not.toBe(first.number);
  });

  it("says to push the branch first when GitHub refuses a head that does not exist", async () => {
    const failure = await openOrUpdateRetrainPullRequest(client, {
      ...options,
      head: "retrain/missing",
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(MlopsError);
    expect((failure as MlopsError).hint).toContain("push the branch retrain/missing first");
  });
});

describe("composeReleaseBody", () => {
  it("writes a section per model, sorted, with card, metrics, digest and no mention of the owner", () => {
    const body = composeReleaseBody({
      tag: "v1.0.0",
      commit: releasedSha,
      models: [
        {
          name: "fuel-efficiency",
          version: "v1.0.0",
          description: "Predicts **miles per gallon** from a car's specs.",
          owner: "@acme/ml",
          task: "regression",
          metrics: { rmse: 2.91234, mae: 2.1, r2: 0.871 },
          image: `registry.example.com/acme/fuel-efficiency@${digest}`,
          imageDigest: digest,
          previousVersion: null,
          assets: ["fuel-efficiency-v1.0.0.onnx"],
        },
        {
          name: "churn",
          version: "v2.3.1",
          description: "Who leaves next month.",
          metrics: { "auc|roc": 0.9 },
          imageDigest: digest,
          previousVersion: "v2.3.0",
        },
      ],
    });
    expect(body).toBe(
      [
        `Release v1.0.0 at \`${releasedSha.slice(0, 12)}\` promotes 2 models to prod.`,
        "",
        "## churn v2.3.1",
        "",
        "Who leaves next month.",
        "",
        "- replaces: v2.3.0",
        `- image digest: \`${digest}\``,
        "",
        "| metric | value |",
        "|---|---:|",
        "| auc\\|roc | 0.9 |",
        "",
        "## fuel-efficiency v1.0.0",
        "",
        "Predicts **miles per gallon** from a car's specs.",
        "",
        "- task: regression",
        "- owner: &#64;acme/ml",
        "- replaces: nothing (first release)",
        `- image: \`registry.example.com/acme/fuel-efficiency@${digest}\``,
        "- assets: `fuel-efficiency-v1.0.0.onnx`",
        "",
        "| metric | value |",
        "|---|---:|",
        "| mae | 2.1 |",
        "| r2 | 0.871 |",
        "| rmse | 2.912 |",
        "",
      ].join("\n"),
    );
  });
});
