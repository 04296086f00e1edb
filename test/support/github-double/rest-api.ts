import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { ContractOperation } from "./openapi-contract.js";
import {
  artifactJson,
  branchProtectionJson,
  containerPackageJson,
  type DoubleUrls,
  deploymentJson,
  deploymentStatusJson,
  environmentJson,
  fullRepositoryJson,
  gitRefJson,
  issueCommentJson,
  privateUserJson,
  pullRequestJson,
  pullRequestSimpleJson,
  releaseAssetDownloadUrl,
  releaseAssetJson,
  releaseJson,
  rulesetJson,
  rulesetSummaryJson,
  workflowRunJson,
} from "./rest-objects.js";
import type {
  Account,
  Artifact,
  Deployment,
  GitHubState,
  PullRequest,
  Release,
  ReleaseAsset,
  Repository,
} from "./state.js";
import { githubTimestamp } from "./state.js";

/** The behaviour behind each REST operation the double serves, keyed by GitHub's operationId. */

export interface RestRequest {
  operation: ContractOperation;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; the contract check has already vetted it against the operation's schema. */
  body: Record<string, unknown>;
  /** The bytes as sent, for the one operation that takes raw data (uploading a release asset). */
  raw: Buffer;
  headers: IncomingHttpHeaders;
  caller: Account;
  /** The request URL as the client sent it, on the double's origin (for Link headers). */
  url: URL;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  state: GitHubState;
  urls: DoubleUrls;
  artifactDownloadUrl(artifact: Artifact): string;
}

/** GitHub's error body: `{ message, documentation_url, status }`. */
export function errorBody(status: number, message: string, documentationUrl: string): Record<string, string> {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

class RestFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function notFound(): never {
  throw new RestFailure(404, "Not Found");
}

function validationFailed(errors: Record<string, unknown>[]): never {
  throw new RestFailure(422, "Validation Failed", { errors });
}

function repoOf(ctx: RestContext, request: RestRequest): Repository {
  const { owner = "", repo = "" } = request.pathParams;
  return ctx.state.repo(owner, repo) ?? notFound();
}

/** A container package of an account, by its (URL-decoded) name; other package types are not kept. */
function packageFor(ctx: RestContext, request: RestRequest, owner = ""): RestResponse {
  const name = request.pathParams.package_name ?? "";
  const pkg =
    request.pathParams.package_type === "container"
      ? ctx.state.packages.find((p) => p.owner.login.toLowerCase() === owner.toLowerCase() && p.name === name)
      : undefined;
  return { status: 200, body: containerPackageJson(pkg ?? notFound(), ctx.urls) };
}

/** The request's repository, for operations that need the administration permission. */
function adminRepoOf(ctx: RestContext, request: RestRequest): Repository {
  const repo = repoOf(ctx, request);
  if (request.caller.type === "Bot") throw new RestFailure(403, "Resource not accessible by integration");
  return repo;
}

/** The artifact named by `artifact_id` in the request's repository; unfinished uploads do not exist yet. */
function finalizedArtifactOf(ctx: RestContext, request: RestRequest): Artifact {
  const repo = repoOf(ctx, request);
  const artifact = ctx.state.artifacts.get(integerParam(request, "artifact_id"));
  return artifact?.finalized && artifact.run.repo === repo ? artifact : notFound();
}

function integerParam(request: RestRequest, name: string): number {
  return Number(request.pathParams[name]);
}

/** GitHub's page-based pagination: per_page (default 30, capped at 100), page, and a Link header. */
function paginate<T>(items: T[], request: RestRequest): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(request.query.get("per_page") ?? 30), 1), 100);
  const page = Math.max(Number(request.query.get("page") ?? 1), 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (target: number, rel: string) => {
    const url = new URL(request.url);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) links.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) links.push(link(1, "first"));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}

/** A ref as GitHub resolves it for deployments and releases: a branch, a tag or a full commit sha. */
function resolveRef(repo: Repository, ref: string): string | undefined {
  if (/^[0-9a-f]{40}$/.test(ref)) return ref;
  if (ref.startsWith("refs/tags/")) return repo.tags.get(ref.slice("refs/tags/".length));
  const branch = ref.replace(/^refs\/heads\//, "");
  return repo.branches.get(branch) ?? repo.tags.get(branch);
}

function releaseOf(ctx: RestContext, request: RestRequest): Release {
  const repo = repoOf(ctx, request);
  const id = integerParam(request, "release_id");
  return ctx.state.releases.find((release) => release.repo === repo && release.id === id) ?? notFound();
}

function releaseAssetOf(ctx: RestContext, request: RestRequest): { release: Release; asset: ReleaseAsset } {
  const repo = repoOf(ctx, request);
  const id = integerParam(request, "asset_id");
  for (const release of ctx.state.releases) {
    if (release.repo !== repo) continue;
    const asset = release.assets.find((candidate) => candidate.id === id);
    if (asset) return { release, asset };
  }
  notFound();
}

/**
 * GitHub renames asset files with characters outside a safe set, and strips leading and trailing
 * periods (https://docs.github.com/rest/releases/assets#upload-a-release-asset). It does not document
 * the exact mapping; the double turns each such character into a period, which is what it does to spaces.
 */
function storedAssetName(requested: string): string {
  return requested.replace(/[^A-Za-z0-9._-]/g, ".").replace(/^\.+|\.+$/g, "");
}

/** A tag becomes real when a published release names one that does not exist yet. */
function createTagForRelease(repo: Repository, release: Release): void {
  if (release.draft || repo.tags.has(release.tagName)) return;
  const sha = resolveRef(repo, release.targetCommitish);
  if (!sha) validationFailed([{ resource: "Release", code: "invalid", field: "target_commitish" }]);
  repo.tags.set(release.tagName, sha);
}

type Handler = (request: RestRequest, ctx: RestContext) => RestResponse;

const handlers: Record<string, Handler> = {
  "users/get-authenticated": (request, ctx) => {
    // GITHUB_TOKEN is an installation token: GitHub refuses to say who "the user" is.
    if (request.caller.type === "Bot") throw new RestFailure(403, "Resource not accessible by integration");
    return { status: 200, body: privateUserJson(request.caller, ctx.urls) };
  },

  "repos/get": (request, ctx) => ({ status: 200, body: fullRepositoryJson(repoOf(ctx, request), ctx.urls) }),

  "pulls/get": (request, ctx) => {
    const pull =
      ctx.state.pullRequest(repoOf(ctx, request), integerParam(request, "pull_number")) ?? notFound();
    return { status: 200, body: pullRequestJson(pull, ctx.state, ctx.urls) };
  },

  "pulls/list": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const state = request.query.get("state") ?? "open";
    const head = request.query.get("head");
    const base = request.query.get("base");
    const sort = request.query.get("sort") ?? "created";
    const direction = request.query.get("direction") ?? (sort === "created" ? "desc" : "asc");
    const matches = ctx.state.pullRequests
      .filter((pull) => pull.repo === repo)
      .filter((pull) => state === "all" || pull.state === state)
      .filter((pull) => {
        if (!head) return true;
        // GitHub expects "owner:branch"; a bare branch is read against the base repository's owner.
        const [owner, ref] = head.includes(":") ? head.split(":", 2) : [repo.owner.login, head];
        return pull.head.repo.owner.login.toLowerCase() === owner?.toLowerCase() && pull.head.ref === ref;
      })
      .filter((pull) => !base || pull.base.ref === base)
      .sort((a, b) => {
        const key = (pull: PullRequest) => (sort === "updated" ? pull.updatedAt : pull.createdAt);
        const order = key(a).localeCompare(key(b)) || a.number - b.number;
        return direction === "asc" ? order : -order;
      });
    const { page, headers } = paginate(matches, request);
    return { status: 200, body: page.map((pull) => pullRequestSimpleJson(pull, ctx.urls)), headers };
  },

  "pulls/create": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const headSpec = optionalString(request.body, "head") ?? "";
    const baseRef = optionalString(request.body, "base") ?? "";
    const title = optionalString(request.body, "title");
    if (title === undefined)
      validationFailed([{ resource: "PullRequest", field: "title", code: "missing_field" }]);
    const [headOwner, headRef] = headSpec.includes(":")
      ? headSpec.split(":", 2)
      : [repo.owner.login, headSpec];
    const headRepo =
      headOwner?.toLowerCase() === repo.owner.login.toLowerCase()
        ? repo
        : ctx.state.repo(headOwner ?? "", repo.name);
    if (!headRepo || !headRef || !headRepo.branches.has(headRef)) {
      validationFailed([{ resource: "PullRequest", field: "head", code: "invalid" }]);
    }
    if (!repo.branches.has(baseRef))
      validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
    const duplicate = ctx.state.pullRequests.find(
      (pull) =>
        pull.repo === repo &&
        pull.state === "open" &&
        pull.head.repo === headRepo &&
        pull.head.ref === headRef &&
        pull.base.ref === baseRef,
    );
    if (duplicate) {
      validationFailed([
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${headRepo.owner.login}:${headRef}.`,
        },
      ]);
    }
    const pull = ctx.state.addPullRequest(repo, {
      title,
      body: optionalString(request.body, "body") ?? null,
      author: request.caller,
      headRef,
      headRepo,
      baseRef,
      draft: request.body.draft === true,
    });
    const body = pullRequestJson(pull, ctx.state, ctx.urls);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  "issues/list-comments": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const number = integerParam(request, "issue_number");
    if (!ctx.state.issueKind(repo, number)) notFound();
    const since = request.query.get("since");
    const comments = [...ctx.state.comments.values()]
      .filter((comment) => comment.repo === repo && comment.issueNumber === number)
      .filter((comment) => !since || Date.parse(comment.updatedAt) >= Date.parse(since))
      .sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(comments, request);
    return { status: 200, body: page.map((comment) => issueCommentJson(comment, ctx.urls)), headers };
  },

  "issues/create-comment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const number = integerParam(request, "issue_number");
    const kind = ctx.state.issueKind(repo, number) ?? notFound();
    const now = githubTimestamp();
    const comment = {
      id: ctx.state.newId(),
      repo,
      issueNumber: number,
      isPullRequest: kind === "pull",
      body: String(request.body.body),
      user: request.caller,
      createdAt: now,
      updatedAt: now,
    };
    ctx.state.comments.set(comment.id, comment);
    const body = issueCommentJson(comment, ctx.urls);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  "issues/get-comment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const comment = ctx.state.comments.get(integerParam(request, "comment_id"));
    if (!comment || comment.repo !== repo) notFound();
    return { status: 200, body: issueCommentJson(comment, ctx.urls) };
  },

  "issues/update-comment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const comment = ctx.state.comments.get(integerParam(request, "comment_id"));
    if (!comment || comment.repo !== repo) notFound();
    comment.body = String(request.body.body);
    comment.updatedAt = githubTimestamp();
    return { status: 200, body: issueCommentJson(comment, ctx.urls) };
  },

  "issues/delete-comment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const comment = ctx.state.comments.get(integerParam(request, "comment_id"));
    if (!comment || comment.repo !== repo) notFound();
    ctx.state.comments.delete(comment.id);
    return { status: 204 };
  },

  "actions/get-workflow-run": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const run = ctx.state.runs.get(integerParam(request, "run_id"));
    if (!run || run.repo !== repo) notFound();
    const body = workflowRunJson(run, ctx.state, ctx.urls);
    if (request.query.get("exclude_pull_requests") === "true") body.pull_requests = [];
    return { status: 200, body };
  },

  "actions/list-workflow-run-artifacts": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const run = ctx.state.runs.get(integerParam(request, "run_id"));
    if (!run || run.repo !== repo) notFound();
    const name = request.query.get("name");
    const direction = request.query.get("direction") ?? "desc";
    const artifacts = ctx.state
      .runArtifacts(run)
      .filter((artifact) => !name || artifact.name === name)
      .sort((a, b) => (direction === "asc" ? a.id - b.id : b.id - a.id));
    const { page, headers } = paginate(artifacts, request);
    return {
      status: 200,
      body: {
        total_count: artifacts.length,
        artifacts: page.map((artifact) => artifactJson(artifact, ctx.urls)),
      },
      headers,
    };
  },

  "actions/get-artifact": (request, ctx) => {
    const artifact = finalizedArtifactOf(ctx, request);
    return { status: 200, body: artifactJson(artifact, ctx.urls) };
  },

  "actions/delete-artifact": (request, ctx) => {
    const artifact = finalizedArtifactOf(ctx, request);
    ctx.state.artifacts.delete(artifact.id);
    return { status: 204 };
  },

  "actions/download-artifact": (request, ctx) => {
    const artifact = finalizedArtifactOf(ctx, request);
    // Only zip archives exist; GitHub answers any other format with 404.
    if (request.pathParams.archive_format !== "zip") notFound();
    if (Date.parse(artifact.expiresAt) < Date.now()) throw new RestFailure(410, "Artifact has expired");
    return { status: 302, headers: { location: ctx.artifactDownloadUrl(artifact) } };
  },

  "repos/create-deployment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const ref = String(request.body.ref);
    const sha = resolveRef(repo, ref);
    if (!sha) throw new RestFailure(422, `No ref found for: ${ref}`);
    const environment = optionalString(request.body, "environment") ?? "production";
    ctx.state.environment(repo, environment);
    const now = githubTimestamp();
    const payload = request.body.payload;
    const deployment: Deployment = {
      id: ctx.state.newId(),
      repo,
      sha,
      ref,
      task: optionalString(request.body, "task") ?? "deploy",
      payload:
        typeof payload === "string" ? payload : ((payload as Record<string, unknown> | undefined) ?? {}),
      environment,
      originalEnvironment: environment,
      description: optionalString(request.body, "description") ?? null,
      creator: request.caller,
      transientEnvironment: request.body.transient_environment === true,
      productionEnvironment:
        typeof request.body.production_environment === "boolean"
          ? request.body.production_environment
          : environment === "production",
      createdAt: now,
      updatedAt: now,
      statuses: [],
    };
    ctx.state.deployments.set(deployment.id, deployment);
    const body = deploymentJson(deployment, ctx.urls);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  "repos/list-deployments": (request, ctx) => {
    const repo = repoOf(ctx, request);
    // The documented default for each filter is the literal "none", meaning no filter.
    const filter = (name: string) => {
      const value = request.query.get(name);
      return value === null || value === "none" ? undefined : value;
    };
    const [sha, ref, task, environment] = ["sha", "ref", "task", "environment"].map(filter);
    const deployments = [...ctx.state.deployments.values()]
      .filter((deployment) => deployment.repo === repo)
      .filter((deployment) => !sha || deployment.sha === sha)
      .filter((deployment) => !ref || deployment.ref === ref)
      .filter((deployment) => !task || deployment.task === task)
      .filter((deployment) => !environment || deployment.environment === environment)
      .sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(deployments, request);
    return { status: 200, body: page.map((deployment) => deploymentJson(deployment, ctx.urls)), headers };
  },

  "repos/create-deployment-status": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const deployment = ctx.state.deployments.get(integerParam(request, "deployment_id"));
    if (!deployment || deployment.repo !== repo) notFound();
    const now = githubTimestamp();
    const state = String(request.body.state);
    // log_url supersedes target_url; GitHub fills each from the other.
    const logUrl =
      optionalString(request.body, "log_url") ?? optionalString(request.body, "target_url") ?? "";
    const status = {
      id: ctx.state.newId(),
      state,
      creator: request.caller,
      description: optionalString(request.body, "description") ?? "",
      environment: optionalString(request.body, "environment") ?? deployment.environment,
      targetUrl: optionalString(request.body, "target_url") ?? logUrl,
      logUrl,
      environmentUrl: optionalString(request.body, "environment_url") ?? "",
      createdAt: now,
      updatedAt: now,
    };
    deployment.statuses.push(status);
    deployment.environment = status.environment;
    deployment.updatedAt = now;
    // auto_inactive (default true): a success retires earlier successful deployments to the same environment.
    if (state === "success" && request.body.auto_inactive !== false) {
      for (const other of ctx.state.deployments.values()) {
        if (other === deployment || other.repo !== repo || other.environment !== deployment.environment)
          continue;
        if (other.transientEnvironment || other.statuses.at(-1)?.state !== "success") continue;
        other.statuses.push({ ...status, id: ctx.state.newId(), state: "inactive", description: "" });
      }
    }
    return { status: 201, body: deploymentStatusJson(deployment, status, ctx.urls) };
  },

  "repos/get-deployment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const deployment = ctx.state.deployments.get(integerParam(request, "deployment_id"));
    if (!deployment || deployment.repo !== repo) notFound();
    return { status: 200, body: deploymentJson(deployment, ctx.urls) };
  },

  "repos/list-deployment-statuses": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const deployment = ctx.state.deployments.get(integerParam(request, "deployment_id"));
    if (!deployment || deployment.repo !== repo) notFound();
    // Newest first, as GitHub lists them.
    const statuses = [...deployment.statuses].reverse();
    const { page, headers } = paginate(statuses, request);
    return {
      status: 200,
      body: page.map((status) => deploymentStatusJson(deployment, status, ctx.urls)),
      headers,
    };
  },

  "repos/get-environment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const name = request.pathParams.environment_name ?? "";
    const environment = repo.environments.get(name.toLowerCase()) ?? notFound();
    return { status: 200, body: environmentJson(repo, environment, ctx.urls) };
  },

  "repos/create-or-update-environment": (request, ctx) => {
    const repo = repoOf(ctx, request);
    // Environments need the administration permission, which no GITHUB_TOKEN can be granted.
    if (request.caller.type === "Bot") throw new RestFailure(403, "Resource not accessible by integration");
    const reviewers = Array.isArray(request.body.reviewers) ? request.body.reviewers : [];
    const accounts = reviewers.map((reviewer: { type?: string; id?: number }) => {
      const account =
        reviewer.type === "User"
          ? [...ctx.state.accounts.values()].find((candidate) => candidate.id === reviewer.id)
          : undefined;
      // The double knows no teams; a team or an unknown user is refused as GitHub refuses unknown ids.
      return account ?? validationFailed([{ resource: "Environment", field: "reviewers", code: "invalid" }]);
    });
    const environment = ctx.state.environment(repo, request.pathParams.environment_name ?? "");
    if (typeof request.body.wait_timer === "number") environment.waitTimer = request.body.wait_timer;
    if (typeof request.body.prevent_self_review === "boolean")
      environment.preventSelfReview = request.body.prevent_self_review;
    if ("reviewers" in request.body)
      environment.reviewers = accounts.map((account) => ({ type: "User", account }));
    if ("deployment_branch_policy" in request.body) {
      const policy = request.body.deployment_branch_policy as {
        protected_branches: boolean;
        custom_branch_policies: boolean;
      } | null;
      if (policy && policy.protected_branches === policy.custom_branch_policies) {
        throw new RestFailure(
          422,
          "Only one of `protected_branches` and `custom_branch_policies` can be set to true",
        );
      }
      environment.deploymentBranchPolicy = policy
        ? {
            protectedBranches: policy.protected_branches,
            customBranchPolicies: policy.custom_branch_policies,
          }
        : null;
    }
    environment.updatedAt = githubTimestamp();
    return { status: 200, body: environmentJson(repo, environment, ctx.urls) };
  },

  "repos/create-release": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const tagName = String(request.body.tag_name);
    if (ctx.state.releases.some((release) => release.repo === repo && release.tagName === tagName)) {
      validationFailed([{ resource: "Release", code: "already_exists", field: "tag_name" }]);
    }
    const draft = request.body.draft === true;
    const now = githubTimestamp();
    const release: Release = {
      id: ctx.state.newId(),
      repo,
      tagName,
      targetCommitish: optionalString(request.body, "target_commitish") ?? repo.defaultBranch,
      name: optionalString(request.body, "name") ?? null,
      body: optionalString(request.body, "body") ?? null,
      draft,
      prerelease: request.body.prerelease === true,
      author: request.caller,
      createdAt: now,
      updatedAt: now,
      publishedAt: draft ? null : now,
      assets: [],
    };
    createTagForRelease(repo, release);
    ctx.state.releases.push(release);
    const body = releaseJson(release, ctx.urls);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  "repos/get-release": (request, ctx) => ({
    status: 200,
    body: releaseJson(releaseOf(ctx, request), ctx.urls),
  }),

  "repos/get-release-by-tag": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const tag = request.pathParams.tag ?? "";
    // Drafts have no tag yet; GitHub finds only published releases by tag.
    const release =
      ctx.state.releases.find(
        (candidate) => candidate.repo === repo && candidate.tagName === tag && !candidate.draft,
      ) ?? notFound();
    return { status: 200, body: releaseJson(release, ctx.urls) };
  },

  "repos/list-releases": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const releases = ctx.state.releases
      .filter((release) => release.repo === repo)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const { page, headers } = paginate(releases, request);
    return { status: 200, body: page.map((release) => releaseJson(release, ctx.urls)), headers };
  },

  "repos/update-release": (request, ctx) => {
    const release = releaseOf(ctx, request);
    const tagName = optionalString(request.body, "tag_name");
    if (
      tagName !== undefined &&
      tagName !== release.tagName &&
      ctx.state.releases.some((other) => other.repo === release.repo && other.tagName === tagName)
    ) {
      validationFailed([{ resource: "Release", code: "already_exists", field: "tag_name" }]);
    }
    const now = githubTimestamp();
    release.tagName = tagName ?? release.tagName;
    release.targetCommitish = optionalString(request.body, "target_commitish") ?? release.targetCommitish;
    release.name = optionalString(request.body, "name") ?? release.name;
    release.body = optionalString(request.body, "body") ?? release.body;
    if (typeof request.body.prerelease === "boolean") release.prerelease = request.body.prerelease;
    if (typeof request.body.draft === "boolean") {
      release.draft = request.body.draft;
      if (!release.draft) release.publishedAt ??= now;
    }
    createTagForRelease(release.repo, release);
    release.updatedAt = now;
    return { status: 200, body: releaseJson(release, ctx.urls) };
  },

  "repos/upload-release-asset": (request, ctx) => {
    const release = releaseOf(ctx, request);
    const name = storedAssetName(request.query.get("name") ?? "");
    if (!name) validationFailed([{ resource: "ReleaseAsset", code: "missing_field", field: "name" }]);
    if (release.assets.some((asset) => asset.name === name)) {
      validationFailed([{ resource: "ReleaseAsset", code: "already_exists", field: "name" }]);
    }
    const now = githubTimestamp();
    const asset: ReleaseAsset = {
      id: ctx.state.newId(),
      release,
      name,
      label: request.query.get("label") ?? null,
      // GitHub keeps the media type the uploader declared and serves the asset with it.
      contentType: request.headers["content-type"] ?? "application/octet-stream",
      size: request.raw.length,
      digest: `sha256:${createHash("sha256").update(request.raw).digest("hex")}`,
      content: Buffer.from(request.raw),
      uploader: request.caller,
      downloadCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    release.assets.push(asset);
    return { status: 201, body: releaseAssetJson(asset, ctx.urls) };
  },

  "repos/list-release-assets": (request, ctx) => {
    const release = releaseOf(ctx, request);
    const { page, headers } = paginate(release.assets, request);
    return { status: 200, body: page.map((asset) => releaseAssetJson(asset, ctx.urls)), headers };
  },

  "repos/get-release-asset": (request, ctx) => {
    const { asset } = releaseAssetOf(ctx, request);
    // Asking for the bytes (Accept: application/octet-stream) is answered with a redirect to them.
    if ((request.headers.accept ?? "").includes("application/octet-stream")) {
      return { status: 302, headers: { location: releaseAssetDownloadUrl(asset, ctx.urls) } };
    }
    return { status: 200, body: releaseAssetJson(asset, ctx.urls) };
  },

  "repos/delete-release-asset": (request, ctx) => {
    const { release, asset } = releaseAssetOf(ctx, request);
    release.assets.splice(release.assets.indexOf(asset), 1);
    return { status: 204 };
  },

  "pulls/update": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const pull = ctx.state.pullRequest(repo, integerParam(request, "pull_number")) ?? notFound();
    const base = optionalString(request.body, "base");
    if (base !== undefined && !repo.branches.has(base))
      validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
    const state = optionalString(request.body, "state");
    if (state === "open" && pull.state === "closed") {
      const duplicate = ctx.state.pullRequests.find(
        (other) =>
          other !== pull &&
          other.repo === repo &&
          other.state === "open" &&
          other.head.repo === pull.head.repo &&
          other.head.ref === pull.head.ref &&
          other.base.ref === (base ?? pull.base.ref),
      );
      if (duplicate) {
        validationFailed([
          {
            resource: "PullRequest",
            code: "custom",
            message: `A pull request already exists for ${pull.head.repo.owner.login}:${pull.head.ref}.`,
          },
        ]);
      }
    }
    const now = githubTimestamp();
    pull.title = optionalString(request.body, "title") ?? pull.title;
    if (typeof request.body.body === "string") pull.body = request.body.body;
    if (base !== undefined) pull.base = { repo, ref: base, sha: repo.branches.get(base) ?? pull.base.sha };
    if (state === "open" || state === "closed") {
      if (state !== pull.state) pull.closedAt = state === "closed" ? now : null;
      pull.state = state;
    }
    pull.updatedAt = now;
    return { status: 200, body: pullRequestJson(pull, ctx.state, ctx.urls) };
  },

  // Repository settings: reading them takes the administration permission, which no GITHUB_TOKEN
  // can be granted, so a workflow's token is refused as GitHub refuses it.
  "actions/get-github-actions-permissions-repository": (request, ctx) => {
    const repo = adminRepoOf(ctx, request);
    return {
      status: 200,
      body: {
        enabled: repo.actions.enabled,
        ...(repo.actions.enabled ? { allowed_actions: repo.actions.allowedActions } : {}),
      },
    };
  },

  "actions/get-github-actions-default-workflow-permissions-repository": (request, ctx) => {
    const repo = adminRepoOf(ctx, request);
    return {
      status: 200,
      body: {
        default_workflow_permissions: repo.actions.defaultWorkflowPermissions,
        can_approve_pull_request_reviews: repo.actions.canApprovePullRequestReviews,
      },
    };
  },

  "actions/list-repo-secrets": (request, ctx) => {
    const repo = adminRepoOf(ctx, request);
    const secrets = [...repo.secrets.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, dates]) => ({ name, created_at: dates.createdAt, updated_at: dates.updatedAt }));
    const { page, headers } = paginate(secrets, request);
    return { status: 200, body: { total_count: secrets.length, secrets: page }, headers };
  },

  "repos/get-repo-rulesets": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const targets = (request.query.get("targets") ?? "").split(",").filter(Boolean);
    const rulesets = repo.rulesets.filter((r) => targets.length === 0 || targets.includes(r.target));
    const { page, headers } = paginate(rulesets, request);
    return { status: 200, body: page.map((r) => rulesetSummaryJson(repo, r, ctx.urls)), headers };
  },

  "repos/get-repo-ruleset": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const ruleset = repo.rulesets.find((r) => r.id === integerParam(request, "ruleset_id")) ?? notFound();
    return { status: 200, body: rulesetJson(repo, ruleset, ctx.urls) };
  },

  "repos/get-branch-protection": (request, ctx) => {
    const repo = adminRepoOf(ctx, request);
    const branch = request.pathParams.branch ?? "";
    if (!repo.branches.has(branch)) throw new RestFailure(404, "Branch not found");
    const protection = repo.branchProtection.get(branch);
    if (!protection) throw new RestFailure(404, "Branch not protected");
    return {
      status: 200,
      body: branchProtectionJson(repo, branch, protection.requiredChecks, ctx.urls),
    };
  },

  "repos/list-deployment-branch-policies": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const name = request.pathParams.environment_name ?? "";
    const environment = repo.environments.get(name.toLowerCase()) ?? notFound();
    const policies = environment.branchPolicies.map((p) => ({
      id: p.id,
      node_id: Buffer.from(`DeploymentBranchPolicy:${p.id}`).toString("base64"),
      name: p.name,
      type: p.type,
    }));
    const { page, headers } = paginate(policies, request);
    return { status: 200, body: { total_count: policies.length, branch_policies: page }, headers };
  },

  "packages/get-package-for-user": (request, ctx) => packageFor(ctx, request, request.pathParams.username),

  "packages/get-package-for-organization": (request, ctx) => packageFor(ctx, request, request.pathParams.org),

  "git/get-ref": (request, ctx) => {
    const repo = repoOf(ctx, request);
    const ref = (request.pathParams.ref ?? "").replace(/^refs\//, "");
    const [kind, ...rest] = ref.split("/");
    const name = rest.join("/");
    const sha =
      kind === "heads" ? repo.branches.get(name) : kind === "tags" ? repo.tags.get(name) : undefined;
    if (!sha) notFound();
    return { status: 200, body: gitRefJson(repo, ref, sha, ctx.urls) };
  },
};

export const SERVED_OPERATIONS = Object.keys(handlers);

export function handleRest(request: RestRequest, ctx: RestContext): RestResponse {
  const handler = handlers[request.operation.operationId];
  if (!handler) throw new Error(`no handler for ${request.operation.operationId}`);
  try {
    return handler(request, ctx);
  } catch (error) {
    if (!(error instanceof RestFailure)) throw error;
    return {
      status: error.status,
      body: { ...errorBody(error.status, error.message, request.operation.documentationUrl), ...error.extra },
    };
  }
}
