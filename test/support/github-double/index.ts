import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadOpenApiContract, takesRawBody } from "./openapi-contract.js";
import { errorBody, handleRest, SERVED_OPERATIONS } from "./rest-api.js";
import type { DoubleUrls } from "./rest-objects.js";
import {
  BLOB_PREFIX,
  handleBlob,
  handleTwirp,
  type RawResponse,
  type ResultsContext,
  signedBlobUrl,
  TWIRP_PREFIX,
} from "./results-service.js";
import { mintRuntimeToken } from "./runtime-token.js";
import {
  type Account,
  type Artifact,
  type Deployment,
  type Environment,
  GITHUB_ACTIONS_BOT_ID,
  GitHubState,
  githubTimestamp,
  type Issue,
  type IssueComment,
  type PullRequest,
  type Release,
  type ReleaseAsset,
  type Repository,
  type WorkflowRun,
} from "./state.js";
import {
  type WebhookEvent,
  type WebhookPayload,
  type WebhookRepository,
  webhookPayload,
} from "./webhook-payloads.js";

/**
 * A local stand-in for GitHub on 127.0.0.1: the REST operations our actions call, checked in both
 * directions against GitHub's OpenAPI description, plus the Actions results service and blob storage
 * that `@actions/artifact` uploads to and downloads from. Every contract breach lands in `violations`
 * (tests assert it stays empty) and is answered with an error naming the operation.
 */

export { fakeSha } from "./state.js";
export { type WebhookOverrides, type WebhookPayload, webhookPayload } from "./webhook-payloads.js";
export type {
  Account,
  Artifact,
  Deployment,
  Environment,
  IssueComment,
  PullRequest,
  Release,
  ReleaseAsset,
  Repository,
  WorkflowRun,
};

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  /** GitHub's operationId for REST; `ArtifactService.<Rpc>` or `blob.<Op>` for the results service. */
  operationId: string;
  status: number;
}

export interface PullRequestSeed {
  headRef: string;
  headSha?: string;
  baseRef?: string;
  title?: string;
  body?: string | null;
  /** Login of the author; the double's user when absent. */
  author?: string;
  draft?: boolean;
  state?: "open" | "closed";
  /** Owner of a fork the change comes from; the fork repository is seeded on demand. */
  fromFork?: string;
}

export interface WorkflowRunSeed {
  event: string;
  name?: string;
  path?: string;
  /** Take head branch, sha and repository from this pull request. */
  pullRequest?: number;
  headBranch?: string;
  headSha?: string;
  /** Login of the actor; the double's user when absent. */
  actor?: string;
  status?: WorkflowRun["status"];
  conclusion?: string | null;
  backendId?: string;
}

export interface GitHubDouble {
  /** REST base URL (GITHUB_API_URL). */
  url: string;
  /** Results service URL (ACTIONS_RESULTS_URL). */
  resultsUrl: string;
  /** `bot` acts as github-actions[bot], like a workflow's GITHUB_TOKEN; `user` as a person. */
  tokens: { bot: string; user: string };
  accounts: { bot: Account; user: Account };
  violations: string[];
  requests: RecordedRequest[];
  state: GitHubState;
  /** ACTIONS_RUNTIME_TOKEN for a job of a run (see `WorkflowRun.backendId`). */
  runtimeToken(runBackendId: string, jobBackendId: string): string;
  addUser(login: string, options?: { name?: string }): { account: Account; token: string };
  addRepo(
    owner: string,
    name: string,
    options?: {
      defaultBranch?: string;
      private?: boolean;
      description?: string;
      branches?: Record<string, string>;
      /** Tag name → commit sha, for flows that look up or release a tag. */
      tags?: Record<string, string>;
    },
  ): Repository;
  addPullRequest(owner: string, repo: string, seed: PullRequestSeed): PullRequest;
  addIssue(owner: string, repo: string, seed: { title: string; author?: string }): Issue;
  addComment(
    owner: string,
    repo: string,
    issueNumber: number,
    seed: { body: string; author?: string },
  ): IssueComment;
  addWorkflowRun(owner: string, repo: string, seed: WorkflowRunSeed): WorkflowRun;
  comments(owner: string, repo: string, issueNumber: number): IssueComment[];
  artifacts(runId: number): Artifact[];
  deployments(owner: string, repo: string): Deployment[];
  releases(owner: string, repo: string): Release[];
  /** An asset of the release of `tag` by its stored name; its `content` holds the uploaded bytes. */
  releaseAsset(owner: string, repo: string, tag: string, name: string): ReleaseAsset | undefined;
  /** A repository's environment, if a deployment or a request created it. */
  environment(owner: string, repo: string, name: string): Environment | undefined;
  pullRequests(owner: string, repo: string): PullRequest[];
  /** An official example payload rewritten to the seeded repository and pull request or run. */
  webhookPayload(
    event: WebhookEvent,
    action: string,
    target: {
      owner: string;
      repo: string;
      pullRequest?: number;
      runId?: number;
      sender?: string;
      before?: string;
    },
  ): WebhookPayload;
  /** Test hook: let the next response of `operationId` be altered before it is checked and sent. */
  corruptNextResponse(operationId: string, mutate: (body: Record<string, unknown>) => void): void;
  /** The violations so far, clearing them (for tests that provoke violations on purpose). */
  takeViolations(): string[];
  close(): Promise<void>;
}

/** Web paths, not REST: no REST route has `releases/download` as its third and fourth segments. */
const RELEASE_DOWNLOAD_PATH = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/;

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A request's (or a response's) whole body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startGitHubDouble(): Promise<GitHubDouble> {
  const contract = loadOpenApiContract(SERVED_OPERATIONS);
  const state = new GitHubState();
  const violations: string[] = [];
  const requests: RecordedRequest[] = [];
  const secret = randomBytes(32);
  const corruptions = new Map<string, (body: Record<string, unknown>) => void>();
  const tokens = new Map<string, Account>();
  let rateLimitUsed = 0;

  const bot = state.addAccount("github-actions[bot]", { type: "Bot", id: GITHUB_ACTIONS_BOT_ID });
  const user = state.addAccount("octocat", { type: "User", id: 583231, name: "The Octocat" });
  const botToken = `ghs_${randomBytes(18).toString("hex")}`;
  const userToken = `ghp_${randomBytes(18).toString("hex")}`;
  tokens.set(botToken, bot);
  tokens.set(userToken, user);

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls: DoubleUrls = { api: baseUrl, html: baseUrl };
  const resultsContext: ResultsContext = {
    state,
    baseUrl,
    secret,
    violation: (message) => violations.push(message),
  };
  const restContext = {
    state,
    urls,
    artifactDownloadUrl: (artifact: Artifact) => signedBlobUrl(resultsContext, artifact, "r"),
  };

  const restResponse = (
    status: number,
    body: unknown,
    operationId: string,
    headers: Record<string, string> = {},
  ): RawResponse => {
    rateLimitUsed += 1;
    const common: Record<string, string> = {
      "x-github-request-id": randomUUID().toUpperCase(),
      "x-github-api-version-selected": "2022-11-28",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(Math.max(5000 - rateLimitUsed, 0)),
      "x-ratelimit-used": String(rateLimitUsed),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": "core",
      ...headers,
    };
    if (body === undefined) return { status, headers: common, body: "", operationId };
    return {
      status,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "x-github-media-type": "github.v3; format=json",
        ...common,
      },
      body: JSON.stringify(body),
      operationId,
    };
  };

  const serveRest = (method: string, url: URL, headers: IncomingHttpHeaders, raw: Buffer): RawResponse => {
    const match = contract.match(method, url.pathname);
    if (match.kind !== "served") {
      const message =
        match.kind === "not-served"
          ? `${match.route.operationId} (${method} ${match.route.path}) is in GitHub's API but not in the double`
          : `${method} ${url.pathname} is not a route of GitHub's REST API`;
      violations.push(message);
      return restResponse(
        404,
        errorBody(404, `Not Found (GitHub double: ${message})`, "https://docs.github.com/rest"),
        match.kind === "not-served" ? match.route.operationId : "unknown",
      );
    }
    const { operation, pathParams } = match;
    const authorization = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? "");
    const caller = authorization?.[1] ? tokens.get(authorization[1]) : undefined;
    if (!caller) {
      const message = headers.authorization ? "Bad credentials" : "Requires authentication";
      return restResponse(
        401,
        errorBody(401, message, "https://docs.github.com/rest"),
        operation.operationId,
      );
    }

    let body: Parameters<typeof contract.checkRequest>[3] = { present: false };
    if (raw.length > 0 && takesRawBody(operation)) {
      body = { present: true, contentType: headers["content-type"] ?? "", raw };
    } else if (raw.length > 0) {
      const contentType = headers["content-type"] ?? "";
      try {
        body = { present: true, contentType, value: JSON.parse(raw.toString("utf8")) };
      } catch (error) {
        body = { present: true, contentType, value: undefined, parseError: (error as Error).message };
      }
    }
    const where = `${operation.operationId} (${operation.method} ${operation.path})`;
    const requestProblems = contract.checkRequest(operation, pathParams, url.searchParams, body);
    if (requestProblems.length > 0) {
      const message = `${where}: request violates GitHub's OpenAPI description: ${requestProblems.join("; ")}`;
      violations.push(message);
      return restResponse(
        400,
        errorBody(400, `GitHub double: ${message}`, operation.documentationUrl),
        operation.operationId,
      );
    }

    const result = handleRest(
      {
        operation,
        pathParams,
        query: url.searchParams,
        body: body.present && "value" in body && isJsonObject(body.value) ? body.value : {},
        raw,
        headers,
        caller,
        url,
      },
      restContext,
    );
    const corrupt = corruptions.get(operation.operationId);
    if (corrupt && typeof result.body === "object" && result.body !== null) {
      corruptions.delete(operation.operationId);
      corrupt(result.body as Record<string, unknown>);
    }
    const responseProblems = contract.checkResponse(
      operation,
      result.status,
      result.body,
      result.body !== undefined,
    );
    if (responseProblems.length > 0) {
      const message = `${where}: response violates GitHub's OpenAPI description: ${responseProblems.join("; ")}`;
      violations.push(message);
      return restResponse(
        500,
        errorBody(500, `GitHub double: ${message}`, operation.documentationUrl),
        operation.operationId,
      );
    }
    return restResponse(result.status, result.body, operation.operationId, result.headers);
  };

  /**
   * A release asset's `browser_download_url` (github.com/<owner>/<repo>/releases/download/<tag>/<name>),
   * where `get-release-asset` with Accept: application/octet-stream redirects. Anyone may download from
   * a public repository; a private one needs a token, as on GitHub.
   */
  const serveReleaseDownload = (url: URL, headers: IncomingHttpHeaders): RawResponse | undefined => {
    const found = RELEASE_DOWNLOAD_PATH.exec(url.pathname);
    if (!found) return undefined;
    const [owner, repoName, tag, name] = found.slice(1).map((part) => decodeURIComponent(part ?? ""));
    const repo = state.repo(owner ?? "", repoName ?? "");
    const authorization = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? "");
    const allowed = repo && (!repo.private || (authorization?.[1] && tokens.has(authorization[1])));
    const release = allowed
      ? state.releases.find((candidate) => candidate.repo === repo && candidate.tagName === tag)
      : undefined;
    const asset = release?.assets.find((candidate) => candidate.name === name);
    if (!asset) {
      return {
        status: 404,
        headers: { "content-type": "text/plain" },
        body: "Not Found",
        operationId: "release.download",
      };
    }
    asset.downloadCount += 1;
    return {
      status: 200,
      headers: {
        "content-type": asset.contentType,
        "content-disposition": `attachment; filename=${asset.name}`,
        "content-length": String(asset.size),
      },
      body: asset.content,
      operationId: "release.download",
    };
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", baseUrl);
    let response: RawResponse;
    try {
      const raw = await readBody(req);
      if (url.pathname.startsWith(TWIRP_PREFIX))
        response = handleTwirp(resultsContext, method, url.pathname, req.headers, raw);
      else if (url.pathname.startsWith(BLOB_PREFIX))
        response = handleBlob(resultsContext, method, url, req.headers, raw);
      else
        response =
          (method === "GET" ? serveReleaseDownload(url, req.headers) : undefined) ??
          serveRest(method, url, req.headers, raw);
    } catch (error) {
      const message = `${method} ${url.pathname}: the double failed: ${(error as Error).stack ?? String(error)}`;
      violations.push(message);
      response = {
        status: 500,
        headers: { "content-type": "text/plain" },
        body: message,
        operationId: "crash",
      };
    }
    requests.push({
      method,
      path: url.pathname + url.search,
      operationId: response.operationId,
      status: response.status,
    });
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void serve(req, res);
  });

  const accountFor = (login: string | undefined): Account => (login ? state.addAccount(login) : user);
  const toWebhookRepository = (repo: Repository): WebhookRepository => ({
    owner: { login: repo.owner.login, id: repo.owner.id, type: repo.owner.type },
    name: repo.name,
    id: repo.id,
    defaultBranch: repo.defaultBranch,
    private: repo.private,
  });

  return {
    url: baseUrl,
    resultsUrl: `${baseUrl}/`,
    tokens: { bot: botToken, user: userToken },
    accounts: { bot, user },
    violations,
    requests,
    state,
    runtimeToken: (runBackendId, jobBackendId) => mintRuntimeToken(secret, runBackendId, jobBackendId),
    addUser(login, options = {}) {
      const account = state.addAccount(login, { name: options.name ?? null });
      const token = `ghp_${randomBytes(18).toString("hex")}`;
      tokens.set(token, account);
      return { account, token };
    },
    addRepo: (owner, name, options) => state.addRepo(owner, name, options),
    addPullRequest(owner, repoName, seed) {
      const repo = state.requireRepo(owner, repoName);
      const headRepo = seed.fromFork
        ? (state.repo(seed.fromFork, repo.name) ?? state.addRepo(seed.fromFork, repo.name))
        : repo;
      return state.addPullRequest(repo, {
        ...seed,
        author: accountFor(seed.author ?? (seed.fromFork ? seed.fromFork : undefined)),
        headRepo,
      });
    },
    addIssue: (owner, repoName, seed) =>
      state.addIssue(state.requireRepo(owner, repoName), {
        title: seed.title,
        author: accountFor(seed.author),
      }),
    addComment(owner, repoName, issueNumber, seed) {
      const repo = state.requireRepo(owner, repoName);
      const kind = state.issueKind(repo, issueNumber);
      if (!kind) throw new Error(`${owner}/${repoName}#${issueNumber} is not seeded`);
      const now = githubTimestamp();
      const comment: IssueComment = {
        id: state.newId(),
        repo,
        issueNumber,
        isPullRequest: kind === "pull",
        body: seed.body,
        user: accountFor(seed.author),
        createdAt: now,
        updatedAt: now,
      };
      state.comments.set(comment.id, comment);
      return comment;
    },
    addWorkflowRun(owner, repoName, seed) {
      const repo = state.requireRepo(owner, repoName);
      const pull = seed.pullRequest === undefined ? undefined : state.pullRequest(repo, seed.pullRequest);
      if (seed.pullRequest !== undefined && !pull)
        throw new Error(`${owner}/${repoName}#${seed.pullRequest} is not seeded`);
      const headBranch = seed.headBranch ?? pull?.head.ref ?? repo.defaultBranch;
      return state.addWorkflowRun(repo, {
        event: seed.event,
        headBranch,
        headSha:
          seed.headSha ??
          pull?.head.sha ??
          repo.branches.get(headBranch) ??
          repo.branches.get(repo.defaultBranch) ??
          "",
        headRepo: pull?.head.repo ?? repo,
        actor: accountFor(seed.actor),
        ...(seed.name === undefined ? {} : { name: seed.name }),
        ...(seed.path === undefined ? {} : { path: seed.path }),
        ...(seed.status === undefined ? {} : { status: seed.status }),
        ...(seed.conclusion === undefined ? {} : { conclusion: seed.conclusion }),
        ...(seed.backendId === undefined ? {} : { backendId: seed.backendId }),
      });
    },
    comments(owner, repoName, issueNumber) {
      const repo = state.requireRepo(owner, repoName);
      return [...state.comments.values()]
        .filter((comment) => comment.repo === repo && comment.issueNumber === issueNumber)
        .sort((a, b) => a.id - b.id);
    },
    artifacts(runId) {
      const run = state.runs.get(runId);
      return run ? state.runArtifacts(run) : [];
    },
    deployments(owner, repoName) {
      const repo = state.requireRepo(owner, repoName);
      return [...state.deployments.values()].filter((deployment) => deployment.repo === repo);
    },
    releases(owner, repoName) {
      const repo = state.requireRepo(owner, repoName);
      return state.releases.filter((release) => release.repo === repo);
    },
    releaseAsset(owner, repoName, tag, name) {
      const repo = state.requireRepo(owner, repoName);
      const release = state.releases.find(
        (candidate) => candidate.repo === repo && candidate.tagName === tag,
      );
      return release?.assets.find((asset) => asset.name === name);
    },
    environment(owner, repoName, name) {
      return state.requireRepo(owner, repoName).environments.get(name.toLowerCase());
    },
    pullRequests(owner, repoName) {
      const repo = state.requireRepo(owner, repoName);
      return state.pullRequests.filter((pull) => pull.repo === repo);
    },
    webhookPayload(event, action, target) {
      const repo = state.requireRepo(target.owner, target.repo);
      const sender = target.sender ? state.account(target.sender) : undefined;
      const pull = target.pullRequest === undefined ? undefined : state.pullRequest(repo, target.pullRequest);
      if (target.pullRequest !== undefined && !pull) throw new Error(`#${target.pullRequest} is not seeded`);
      const run = target.runId === undefined ? undefined : state.runs.get(target.runId);
      if (target.runId !== undefined && !run) throw new Error(`run ${target.runId} is not seeded`);
      return webhookPayload(event, action, {
        apiUrl: urls.api,
        htmlUrl: urls.html,
        repository: toWebhookRepository(repo),
        ...(sender ? { sender: { login: sender.login, id: sender.id, type: sender.type } } : {}),
        ...(target.before === undefined ? {} : { before: target.before }),
        ...(pull
          ? {
              pullRequest: {
                number: pull.number,
                id: pull.id,
                title: pull.title,
                body: pull.body,
                state: pull.state,
                draft: pull.draft,
                user: { login: pull.user.login, id: pull.user.id, type: pull.user.type },
                headRef: pull.head.ref,
                headSha: pull.head.sha,
                headRepository: toWebhookRepository(pull.head.repo),
                baseRef: pull.base.ref,
                baseSha: pull.base.sha,
              },
            }
          : {}),
        ...(run
          ? {
              workflowRun: {
                id: run.id,
                name: run.name,
                event: run.event,
                status: run.status,
                conclusion: run.conclusion,
                headBranch: run.headBranch,
                headSha: run.headSha,
                runNumber: run.runNumber,
                runAttempt: run.runAttempt,
                workflowId: run.workflowId,
                path: run.path,
                headRepository: toWebhookRepository(run.headRepo),
                pullRequests: state.runPullRequests(run).map((p) => ({
                  id: p.id,
                  number: p.number,
                  headRef: p.head.ref,
                  headSha: p.head.sha,
                  baseRef: p.base.ref,
                  baseSha: p.base.sha,
                })),
              },
            }
          : {}),
      });
    },
    corruptNextResponse(operationId, mutate) {
      contract.operation(operationId);
      corruptions.set(operationId, mutate);
    },
    takeViolations() {
      return violations.splice(0, violations.length);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients (the Azure SDK, undici) keep connections alive; without this close() would wait on them.
        server.closeAllConnections();
      });
    },
  };
}
