import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DefaultArtifactClient } from "@actions/artifact";
import { Octokit, RequestError } from "octokit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  fakeSha,
  type GitHubDouble,
  type PullRequest,
  startGitHubDouble,
  webhookPayload,
} from "./support/github-double/index.js";

let double: GitHubDouble;
let pull: PullRequest;
let workDir: string;

function octokitAs(token: string): Octokit {
  // Retries and throttling would turn the double's deliberate 500s into slow repeats.
  return new Octokit({
    auth: token,
    baseUrl: double.url,
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}

async function rawRequest(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${double.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${double.tokens.bot}`,
      accept: "application/vnd.github+json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  double = await startGitHubDouble();
  double.addRepo("acme", "models", { defaultBranch: "main" });
  pull = double.addPullRequest("acme", "models", {
    headRef: "feature/retrain",
    headSha: fakeSha("retrain"),
    title: "Retrain the churn model",
    body: "New features.",
  });
  workDir = await mkdtemp(join(tmpdir(), "github-double-"));
});

afterAll(async () => {
  await double?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

afterEach(() => {
  // Any request or response that broke GitHub's contract fails the test that caused it.
  expect(double.takeViolations()).toEqual([]);
});

describe("GitHub double: REST API checked against GitHub's OpenAPI description", () => {
  it("lets octokit create, page through, update and delete issue comments", async () => {
    const octokit = octokitAs(double.tokens.bot);
    const target = { owner: "acme", repo: "models", issue_number: pull.number };
    const created: number[] = [];
    for (let index = 1; index <= 5; index += 1) {
      const { status, data } = await octokit.rest.issues.createComment({
        ...target,
        body: `report ${index}`,
      });
      expect(status).toBe(201);
      expect(data.user?.login).toBe("github-actions[bot]");
      expect(data.user?.type).toBe("Bot");
      expect(data.user?.id).toBe(41898282);
      expect(data.performed_via_github_app?.slug).toBe("github-actions");
      expect(data.html_url).toBe(`${double.url}/acme/models/pull/${pull.number}#issuecomment-${data.id}`);
      created.push(data.id);
    }

    const firstPage = await octokit.rest.issues.listComments({ ...target, per_page: 3 });
    expect(firstPage.data).toHaveLength(3);
    expect(firstPage.headers.link).toContain('rel="next"');
    expect(firstPage.headers.link).toContain('rel="last"');
    const listRequestsBefore = double.requests.filter((r) => r.operationId === "issues/list-comments").length;
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 3 });
    expect(all.map((comment) => comment.id)).toEqual(created);
    const listRequests = double.requests.filter((r) => r.operationId === "issues/list-comments");
    expect(listRequests.length - listRequestsBefore).toBe(2);
    expect(listRequests.at(-1)?.path).toContain("page=2");

    const [first, second] = created as [number, number];
    const updated = await octokit.rest.issues.updateComment({
      owner: "acme",
      repo: "models",
      comment_id: first,
      body: "edited",
    });
    expect(updated.data.body).toBe("edited");
    const fetched = await octokit.rest.issues.getComment({
      owner: "acme",
      repo: "models",
      comment_id: first,
    });
    expect(fetched.data.body).toBe("edited");

    const deleted = await octokit.rest.issues.deleteComment({
      owner: "acme",
      repo: "models",
      comment_id: second,
    });
    expect(deleted.status).toBe(204);
    await expect(
      octokit.rest.issues.getComment({ owner: "acme", repo: "models", comment_id: second }),
    ).rejects.toMatchObject({ status: 404 });
    expect(double.comments("acme", "models", pull.number).map((comment) => comment.body)).toEqual([
      "edited",
      "report 3",
      "report 4",
      "report 5",
    ]);
  });

  it("serves repositories, pull requests, runs, the caller, deployments and releases", async () => {
    const bot = octokitAs(double.tokens.bot);
    const person = octokitAs(double.tokens.user);

    const repo = await bot.rest.repos.get({ owner: "acme", repo: "models" });
    expect(repo.data.full_name).toBe("acme/models");
    expect(repo.data.default_branch).toBe("main");

    const fetchedPull = await bot.rest.pulls.get({ owner: "acme", repo: "models", pull_number: pull.number });
    expect(fetchedPull.data.head.sha).toBe(pull.head.sha);
    const byHead = await bot.rest.pulls.list({ owner: "acme", repo: "models", head: "acme:feature/retrain" });
    expect(byHead.data.map((p) => p.number)).toEqual([pull.number]);
    const none = await bot.rest.pulls.list({
      owner: "acme",
      repo: "models",
      head: "acme:other",
      state: "all",
    });
    expect(none.data).toEqual([]);

    // GITHUB_TOKEN is an installation token; GitHub will not name "the user" for it.
    await expect(bot.rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Resource not accessible by integration"),
    });
    const me = await person.rest.users.getAuthenticated();
    expect(me.data.login).toBe("octocat");

    const run = double.addWorkflowRun("acme", "models", { event: "pull_request", pullRequest: pull.number });
    const fetchedRun = await bot.rest.actions.getWorkflowRun({
      owner: "acme",
      repo: "models",
      run_id: run.id,
    });
    expect(fetchedRun.data.head_sha).toBe(pull.head.sha);
    expect(fetchedRun.data.pull_requests?.map((p) => p.number)).toEqual([pull.number]);

    // Runs for pull requests from forks list no pull requests on GitHub; the double does the same.
    const forked = double.addPullRequest("acme", "models", { headRef: "patch-1", fromFork: "outsider" });
    const forkRun = double.addWorkflowRun("acme", "models", {
      event: "pull_request",
      pullRequest: forked.number,
    });
    const fetchedForkRun = await bot.rest.actions.getWorkflowRun({
      owner: "acme",
      repo: "models",
      run_id: forkRun.id,
    });
    expect(fetchedForkRun.data.pull_requests).toEqual([]);
    expect(fetchedForkRun.data.head_repository.full_name).toBe("outsider/models");

    const deployment = await bot.rest.repos.createDeployment({
      owner: "acme",
      repo: "models",
      ref: "main",
      environment: "staging",
      required_contexts: [],
      auto_merge: false,
    });
    expect(deployment.status).toBe(201);
    if (!("id" in deployment.data)) throw new Error("expected a created deployment");
    const status = await bot.rest.repos.createDeploymentStatus({
      owner: "acme",
      repo: "models",
      deployment_id: deployment.data.id,
      state: "success",
      environment_url: "https://staging.example.com",
    });
    expect(status.data.state).toBe("success");
    const listed = await bot.rest.repos.listDeployments({
      owner: "acme",
      repo: "models",
      environment: "staging",
    });
    expect(listed.data.map((d) => d.id)).toEqual([deployment.data.id]);
    await expect(
      bot.rest.repos.createDeployment({ owner: "acme", repo: "models", ref: "no-such-branch" }),
    ).rejects.toMatchObject({ status: 422 });

    const release = await bot.rest.repos.createRelease({
      owner: "acme",
      repo: "models",
      tag_name: "model-v1",
    });
    expect(release.data.tag_name).toBe("model-v1");
    expect(double.releases("acme", "models")).toHaveLength(1);

    expect(double.requests.every((request) => request.operationId !== "unknown")).toBe(true);
  });

  it("rejects an unknown token with GitHub's 401 body", async () => {
    const stranger = octokitAs("ghp_not_a_token");
    await expect(stranger.rest.repos.get({ owner: "acme", repo: "models" })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("Bad credentials"),
    });
  });
});

describe("GitHub double: contract violations are caught", () => {
  it("reports a request body that breaks the operation's schema", async () => {
    const response = await rawRequest("POST", `/repos/acme/models/issues/${pull.number}/comments`, {});
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain("issues/create-comment");
    const violations = double.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain("issues/create-comment");
    expect(violations[0]).toContain("must have required property 'body'");
  });

  it("reports a query parameter of the wrong type and an undocumented one", async () => {
    const response = await rawRequest(
      "GET",
      `/repos/acme/models/issues/${pull.number}/comments?per_page=lots&color=red`,
    );
    expect(response.status).toBe(400);
    const violations = double.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain("issues/list-comments");
    expect(violations[0]).toContain('query parameter "per_page"="lots"');
    expect(violations[0]).toContain("must be integer");
    expect(violations[0]).toContain('query parameter "color" is not documented');
  });

  it("reports GitHub routes the double lacks and paths GitHub does not have", async () => {
    expect((await rawRequest("GET", "/repos/acme/models/branches")).status).toBe(404);
    expect((await rawRequest("GET", "/repos/acme/models/no-such-thing")).status).toBe(404);
    const violations = double.takeViolations();
    expect(violations[0]).toContain("repos/list-branches");
    expect(violations[0]).toContain("not in the double");
    expect(violations[1]).toContain("not a route of GitHub's REST API");
  });

  it("reports a results-service request that does not decode as the RPC's message", async () => {
    const run = double.addWorkflowRun("acme", "models", { event: "push", headBranch: "main" });
    const response = await fetch(
      `${double.resultsUrl}twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${double.runtimeToken(run.backendId, "job")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          workflow_run_backend_id: run.backendId,
          workflow_job_run_backend_id: "job",
          name: "report",
          colour: "red",
        }),
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "malformed" });
    const violations = double.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain("ArtifactService.CreateArtifact");
    expect(violations[0]).toContain("github.actions.results.api.v1.CreateArtifactRequest");
    expect(violations[0]).toContain("colour");
  });

  it("catches a response the double would send wrongly", async () => {
    const octokit = octokitAs(double.tokens.bot);
    const { data } = await octokit.rest.issues.createComment({
      owner: "acme",
      repo: "models",
      issue_number: pull.number,
      body: "to be corrupted",
    });
    double.corruptNextResponse("issues/get-comment", (body) => {
      body.id = "not-a-number";
      delete body.user;
    });
    const failure = await octokit.rest.issues
      .getComment({ owner: "acme", repo: "models", comment_id: data.id })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).status).toBe(500);
    const violations = double.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain("issues/get-comment");
    expect(violations[0]).toContain("response");
    expect(violations[0]).toContain("body/id must be integer");
    expect(violations[0]).toContain("must have required property 'user'");
    // The hook is one-shot: the same request now passes.
    const again = await octokit.rest.issues.getComment({
      owner: "acme",
      repo: "models",
      comment_id: data.id,
    });
    expect(again.data.id).toBe(data.id);
  });
});

describe("GitHub double: results service for the real @actions/artifact client", () => {
  const savedEnv = { ...process.env };
  let client: DefaultArtifactClient;

  beforeAll(async () => {
    process.env.ACTIONS_RESULTS_URL = double.resultsUrl;
    // @actions/github reads GITHUB_API_URL once, when first imported: set it before importing the client.
    process.env.GITHUB_API_URL = double.url;
    // A non-github.com server URL makes the client refuse to run (it takes it for GHES).
    delete process.env.GITHUB_SERVER_URL;
    const { DefaultArtifactClient } = await import("@actions/artifact");
    client = new DefaultArtifactClient();
  });

  afterAll(() => {
    for (const key of [
      "ACTIONS_RESULTS_URL",
      "ACTIONS_RUNTIME_TOKEN",
      "GITHUB_API_URL",
      "GITHUB_SERVER_URL",
    ]) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
  });

  it("uploads, lists and downloads an artifact in its run and from another run by run id", async () => {
    const prRun = double.addWorkflowRun("acme", "models", {
      event: "pull_request",
      pullRequest: pull.number,
    });
    const reportRun = double.addWorkflowRun("acme", "models", {
      event: "workflow_run",
      name: "Report",
      headBranch: "main",
    });
    process.env.ACTIONS_RUNTIME_TOKEN = double.runtimeToken(prRun.backendId, "evaluate-job");

    const sourceDir = join(workDir, "source");
    await mkdir(join(sourceDir, "nested"), { recursive: true });
    const files = {
      "metrics.json": Buffer.from(JSON.stringify({ auc: 0.91, rows: 1200 })),
      "nested/scores.bin": randomBytes(64 * 1024),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(sourceDir, name), content);

    const uploaded = await client.uploadArtifact(
      "evaluation",
      Object.keys(files).map((name) => join(sourceDir, name)),
      sourceDir,
    );
    const artifactId = uploaded.id;
    if (artifactId === undefined) throw new Error("uploadArtifact returned no artifact id");
    expect(uploaded.size).toBeGreaterThan(0);
    expect(double.artifacts(prRun.id).map((artifact) => artifact.name)).toEqual(["evaluation"]);

    const listed = await client.listArtifacts();
    expect(listed.artifacts.map((artifact) => [artifact.id, artifact.name])).toEqual([
      [artifactId, "evaluation"],
    ]);
    expect(listed.artifacts[0]?.digest).toBe(`sha256:${uploaded.digest}`);

    const sameRunDir = join(workDir, "same-run");
    await client.downloadArtifact(artifactId, { path: sameRunDir });

    // The workflow_run job: another run's token, finding the artifact through the REST API by run id.
    process.env.ACTIONS_RUNTIME_TOKEN = double.runtimeToken(reportRun.backendId, "report-job");
    const findBy = {
      token: double.tokens.bot,
      repositoryOwner: "acme",
      repositoryName: "models",
      workflowRunId: prRun.id,
    };
    const publicList = await client.listArtifacts({ findBy });
    expect(publicList.artifacts.map((artifact) => artifact.id)).toEqual([artifactId]);
    const crossRunDir = join(workDir, "cross-run");
    const crossRun = await client.downloadArtifact(artifactId, {
      path: crossRunDir,
      findBy,
      expectedHash: `sha256:${uploaded.digest}`,
    });
    expect(crossRun.digestMismatch).toBe(false);

    for (const [name, content] of Object.entries(files)) {
      expect((await readFile(join(sameRunDir, name))).equals(content)).toBe(true);
      expect((await readFile(join(crossRunDir, name))).equals(content)).toBe(true);
    }

    const operations = new Set(double.requests.map((request) => request.operationId));
    for (const expected of [
      "ArtifactService.CreateArtifact",
      "blob.PutBlock",
      "blob.PutBlockList",
      "ArtifactService.FinalizeArtifact",
      "ArtifactService.ListArtifacts",
      "ArtifactService.GetSignedArtifactURL",
      "blob.GetBlob",
      "actions/list-workflow-run-artifacts",
      "actions/download-artifact",
    ]) {
      expect(operations).toContain(expected);
    }
    expect(double.requests.find((r) => r.operationId === "actions/download-artifact")?.status).toBe(302);

    // The artifact is an ordinary REST artifact of the run too.
    const viaRest = await octokitAs(double.tokens.bot).rest.actions.listWorkflowRunArtifacts({
      owner: "acme",
      repo: "models",
      run_id: prRun.id,
    });
    expect(viaRest.data.total_count).toBe(1);
    expect(viaRest.data.artifacts[0]?.digest).toBe(`sha256:${uploaded.digest}`);
    expect(viaRest.data.artifacts[0]?.workflow_run?.head_sha).toBe(pull.head.sha);
  });

  it("stores a raw file, finds it by name and deletes artifacts through both protocols", async () => {
    const run = double.addWorkflowRun("acme", "models", { event: "push", headBranch: "main" });
    process.env.ACTIONS_RUNTIME_TOKEN = double.runtimeToken(run.backendId, "notes-job");
    const notesPath = join(workDir, "notes.txt");
    await writeFile(notesPath, "trained on 1200 rows\n");
    const raw = await client.uploadArtifact("ignored", [notesPath], workDir, { skipArchive: true });
    const found = await client.getArtifact("notes.txt");
    expect(found.artifact.id).toBe(raw.id);
    const rawDir = join(workDir, "raw-download");
    await client.downloadArtifact(found.artifact.id, { path: rawDir });
    expect(await readFile(join(rawDir, "notes.txt"), "utf8")).toBe("trained on 1200 rows\n");
    expect(double.artifacts(run.id)[0]?.blobContentType).toBe("text/plain");

    await client.uploadArtifact("logs", [notesPath], workDir);
    const viaTwirp = await client.deleteArtifact("notes.txt");
    expect(viaTwirp.id).toBe(raw.id);
    const viaRest = await client.deleteArtifact("logs", {
      findBy: {
        token: double.tokens.bot,
        repositoryOwner: "acme",
        repositoryName: "models",
        workflowRunId: run.id,
      },
    });
    expect(viaRest.id).toBeGreaterThan(0);
    expect(double.artifacts(run.id)).toEqual([]);
    const operations = double.requests.map((request) => request.operationId);
    expect(operations).toContain("ArtifactService.DeleteArtifact");
    expect(operations).toContain("actions/delete-artifact");
  });
});

describe("GitHub double: webhook payloads", () => {
  it("keeps the official example's shape and applies the seeded state", () => {
    const official = webhookPayload("pull_request", "synchronize");
    const payload = double.webhookPayload("pull_request", "synchronize", {
      owner: "acme",
      repo: "models",
      pullRequest: pull.number,
      before: fakeSha("before"),
    });
    expect(Object.keys(payload).sort()).toEqual(Object.keys(official).sort());
    const pr = payload.pull_request as Record<string, Record<string, unknown>>;
    expect(Object.keys(pr).sort()).toEqual(Object.keys(official.pull_request as object).sort());
    expect(payload.action).toBe("synchronize");
    expect(payload.number).toBe(pull.number);
    expect(pr.head?.sha).toBe(pull.head.sha);
    expect(pr.head?.ref).toBe("feature/retrain");
    expect(pr.base?.ref).toBe("main");
    expect(payload.after).toBe(pull.head.sha);
    expect(payload.before).toBe(fakeSha("before"));
    expect((payload.repository as Record<string, unknown>).full_name).toBe("acme/models");
    expect((pr as Record<string, unknown>).url).toBe(`${double.url}/repos/acme/models/pulls/${pull.number}`);
    expect(JSON.stringify(payload)).not.toContain("Codertocat/Hello-World");
    expect(JSON.stringify(payload)).not.toContain("api.github.com");

    const run = double.addWorkflowRun("acme", "models", {
      event: "pull_request",
      pullRequest: pull.number,
      status: "completed",
      conclusion: "success",
    });
    const completed = double.webhookPayload("workflow_run", "completed", {
      owner: "acme",
      repo: "models",
      runId: run.id,
    });
    const workflowRun = completed.workflow_run as Record<string, unknown>;
    expect(workflowRun.id).toBe(run.id);
    expect(workflowRun.head_sha).toBe(pull.head.sha);
    expect(workflowRun.conclusion).toBe("success");
    expect((workflowRun.pull_requests as { number: number }[]).map((p) => p.number)).toEqual([pull.number]);
    expect((workflowRun.repository as Record<string, unknown>).full_name).toBe("acme/models");
    expect(String(workflowRun.url)).toBe(`${double.url}/repos/acme/models/actions/runs/${run.id}`);

    // Each call is a fresh copy: changing one payload leaves the next untouched.
    (official.pull_request as Record<string, unknown>).title = "changed";
    expect(
      (webhookPayload("pull_request", "synchronize").pull_request as Record<string, unknown>).title,
    ).not.toBe("changed");
  });
});

describe("GitHub double: releases, deployments, pull requests, refs and environments", () => {
  const owner = "acme";
  const repo = "registry";
  let mainSha: string;

  beforeAll(() => {
    const seeded = double.addRepo(owner, repo, {
      branches: { "retrain/churn": fakeSha("retrain churn") },
      tags: { "v0.9.0": fakeSha("v0.9.0") },
    });
    mainSha = seeded.branches.get("main") ?? "";
  });

  it("serves releases by id, tag and list, uploads assets to upload_url and serves their bytes back", async () => {
    const octokit = octokitAs(double.tokens.bot);
    const created = await octokit.rest.repos.createRelease({ owner, repo, tag_name: "v2.0.0", name: "v2" });
    // A release of a tag that does not exist creates the tag at target_commitish (the default branch).
    const tagRef = await octokit.rest.git.getRef({ owner, repo, ref: "tags/v2.0.0" });
    expect(tagRef.data.object.sha).toBe(mainSha);
    expect((await octokit.rest.git.getRef({ owner, repo, ref: "heads/main" })).data.ref).toBe(
      "refs/heads/main",
    );
    await expect(octokit.rest.git.getRef({ owner, repo, ref: "heads/nope" })).rejects.toMatchObject({
      status: 404,
    });

    const uploadUrl = created.data.upload_url;
    expect(uploadUrl).toBe(
      `${double.url}/repos/acme/registry/releases/${created.data.id}/assets{?name,label}`,
    );
    const bytes = randomBytes(2048);
    const uploaded = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: created.data.id,
      name: "my model.onnx",
      label: "the model",
      baseUrl: double.url,
      headers: { "content-type": "application/x-onnx", "content-length": bytes.length },
      data: bytes as unknown as string,
    });
    expect(uploaded.status).toBe(201);
    // GitHub renames characters outside its safe set.
    expect(uploaded.data).toMatchObject({
      name: "my.model.onnx",
      label: "the model",
      size: 2048,
      state: "uploaded",
      content_type: "application/x-onnx",
      digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
    });
    expect(double.releaseAsset(owner, repo, "v2.0.0", "my.model.onnx")?.content.equals(bytes)).toBe(true);

    const duplicate = await octokit.rest.repos
      .uploadReleaseAsset({
        owner,
        repo,
        release_id: created.data.id,
        name: "my.model.onnx",
        baseUrl: double.url,
        headers: { "content-type": "application/octet-stream" },
        data: "x",
      })
      .catch((error: unknown) => error);
    expect((duplicate as RequestError).status).toBe(422);
    expect(JSON.stringify((duplicate as RequestError).response?.data)).toContain("already_exists");

    const byTag = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: "v2.0.0" });
    expect(byTag.data.id).toBe(created.data.id);
    expect(byTag.data.assets.map((asset) => asset.name)).toEqual(["my.model.onnx"]);
    const listedAssets = await octokit.rest.repos.listReleaseAssets({
      owner,
      repo,
      release_id: created.data.id,
    });
    expect(listedAssets.data.map((asset) => asset.id)).toEqual([uploaded.data.id]);

    const downloaded = await octokit.rest.repos.getReleaseAsset({
      owner,
      repo,
      asset_id: uploaded.data.id,
      headers: { accept: "application/octet-stream" },
    });
    expect(Buffer.from(downloaded.data as unknown as ArrayBuffer).equals(bytes)).toBe(true);
    const metadata = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: uploaded.data.id });
    expect(metadata.data.download_count).toBe(1);

    const draft = await octokit.rest.repos.createRelease({ owner, repo, tag_name: "v3.0.0", draft: true });
    // A draft has no tag yet, and GitHub finds only published releases by tag.
    expect(double.state.repo(owner, repo)?.tags.has("v3.0.0")).toBe(false);
    await expect(octokit.rest.repos.getReleaseByTag({ owner, repo, tag: "v3.0.0" })).rejects.toMatchObject({
      status: 404,
    });
    const published = await octokit.rest.repos.updateRelease({
      owner,
      repo,
      release_id: draft.data.id,
      draft: false,
      body: "now public",
    });
    expect(published.data).toMatchObject({ draft: false, body: "now public" });
    expect(published.data.published_at).not.toBeNull();
    expect(double.state.repo(owner, repo)?.tags.get("v3.0.0")).toBe(mainSha);
    const listed = await octokit.rest.repos.listReleases({ owner, repo });
    expect(listed.data.map((release) => release.tag_name)).toEqual(["v3.0.0", "v2.0.0"]);
    const fetched = await octokit.rest.repos.getRelease({ owner, repo, release_id: draft.data.id });
    expect(fetched.data.body).toBe("now public");

    expect(
      (await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: uploaded.data.id })).status,
    ).toBe(204);
    expect(double.releaseAsset(owner, repo, "v2.0.0", "my.model.onnx")).toBeUndefined();
  });

  it("lists deployment statuses newest first and keeps the environments deployments create", async () => {
    const bot = octokitAs(double.tokens.bot);
    const person = octokitAs(double.tokens.user);
    const deployment = await bot.rest.repos.createDeployment({
      owner,
      repo,
      ref: "v0.9.0",
      environment: "preprod",
      required_contexts: [],
      auto_merge: false,
      payload: { model: "churn", image_digest: `sha256:${"a".repeat(64)}` },
    });
    if (!("id" in deployment.data)) throw new Error("expected a created deployment");
    expect(deployment.data.sha).toBe(fakeSha("v0.9.0"));
    const id = deployment.data.id;
    await bot.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state: "in_progress" });
    await bot.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state: "success" });
    const statuses = await bot.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id });
    expect(statuses.data.map((status) => status.state)).toEqual(["success", "in_progress"]);
    const fetched = await bot.rest.repos.getDeployment({ owner, repo, deployment_id: id });
    expect(fetched.data.payload).toEqual({ model: "churn", image_digest: `sha256:${"a".repeat(64)}` });
    const bySha = await bot.rest.repos.listDeployments({ owner, repo, sha: fakeSha("v0.9.0") });
    expect(bySha.data.map((d) => d.id)).toEqual([id]);

    const environment = await bot.rest.repos.getEnvironment({ owner, repo, environment_name: "preprod" });
    expect(environment.data.name).toBe("preprod");
    await expect(
      bot.rest.repos.getEnvironment({ owner, repo, environment_name: "nowhere" }),
    ).rejects.toMatchObject({ status: 404 });
    // A workflow token cannot administer environments.
    await expect(
      bot.rest.repos.createOrUpdateEnvironment({ owner, repo, environment_name: "production" }),
    ).rejects.toMatchObject({ status: 403 });
    const reviewer = double.addUser("reviewer");
    const production = await person.rest.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name: "production",
      wait_timer: 5,
      reviewers: [{ type: "User", id: reviewer.account.id }],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(production.data.protection_rules?.map((rule) => rule.type)).toEqual([
      "wait_timer",
      "required_reviewers",
      "branch_policy",
    ]);
    expect(double.environment(owner, repo, "production")?.reviewers[0]?.account.login).toBe("reviewer");
    await expect(
      person.rest.repos.createOrUpdateEnvironment({
        owner,
        repo,
        environment_name: "production",
        reviewers: [{ type: "User", id: 1 }],
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("updates a pull request's title and body, closes it and reopens it", async () => {
    const octokit = octokitAs(double.tokens.bot);
    const created = await octokit.rest.pulls.create({
      owner,
      repo,
      head: "retrain/churn",
      base: "main",
      title: "Retrain churn",
      body: "first",
    });
    const updated = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: created.data.number,
      title: "Retrain churn: drift",
      body: "second",
    });
    expect(updated.data).toMatchObject({ title: "Retrain churn: drift", body: "second", state: "open" });
    const closed = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: created.data.number,
      state: "closed",
    });
    expect(closed.data.state).toBe("closed");
    expect(closed.data.closed_at).not.toBeNull();
    const open = await octokit.rest.pulls.list({ owner, repo, head: "acme:retrain/churn" });
    expect(open.data).toEqual([]);
    const reopened = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: created.data.number,
      state: "open",
    });
    expect(reopened.data).toMatchObject({ state: "open", closed_at: null, body: "second" });
  });

  it("reports requests to the new operations that break GitHub's contract", async () => {
    const release = await octokitAs(double.tokens.bot).rest.repos.createRelease({
      owner,
      repo,
      tag_name: "v4.0.0",
    });
    const assets = `/repos/${owner}/${repo}/releases/${release.data.id}/assets`;
    const noName = await fetch(`${double.url}${assets}`, {
      method: "POST",
      headers: { authorization: `Bearer ${double.tokens.bot}`, "content-type": "application/zip" },
      body: randomBytes(16),
    });
    expect(noName.status).toBe(400);
    const noType = await fetch(`${double.url}${assets}?name=a.zip`, {
      method: "POST",
      headers: { authorization: `Bearer ${double.tokens.bot}` },
      body: randomBytes(16),
    });
    expect(noType.status).toBe(400);
    const badState = await rawRequest("PATCH", `/repos/${owner}/${repo}/pulls/${pull.number}`, {
      state: "merged",
    });
    expect(badState.status).toBe(400);
    const badEnvironment = await rawRequest("PUT", `/repos/${owner}/${repo}/environments/production`, {
      required_reviewers: 2,
    });
    expect(badEnvironment.status).toBe(400);

    const violations = double.takeViolations();
    expect(violations).toHaveLength(4);
    expect(violations[0]).toContain("repos/upload-release-asset");
    expect(violations[0]).toContain('query parameter "name" is required');
    expect(violations[1]).toContain("request Content-Type is required for raw data");
    expect(violations[2]).toContain("pulls/update");
    expect(violations[2]).toContain("body/state must be equal to one of the allowed values");
    expect(violations[3]).toContain("repos/create-or-update-environment");
    expect(violations[3]).toContain("must NOT have additional properties (required_reviewers)");
    expect(double.releases(owner, repo).find((r) => r.tagName === "v4.0.0")?.assets).toEqual([]);
  });
});
