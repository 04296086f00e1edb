import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Event payloads for actions under test (what `GITHUB_EVENT_PATH` points at), made from the official
 * examples in `@octokit/webhooks-examples` so they keep GitHub's full shape, with the identifying
 * fields (repository, pull request, run, commits) rewritten to match what a test seeded.
 */

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonRecord = { [key: string]: JsonValue };
export type WebhookPayload = JsonRecord;

export type WebhookEvent = "pull_request" | "workflow_run";

export interface WebhookAccount {
  login: string;
  id: number;
  type?: "User" | "Bot" | "Organization";
}

export interface WebhookRepository {
  owner: WebhookAccount;
  name: string;
  id: number;
  defaultBranch?: string;
  private?: boolean;
}

export interface WebhookPullRequest {
  number: number;
  id?: number;
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  draft?: boolean;
  user?: WebhookAccount;
  headRef?: string;
  headSha?: string;
  /** The fork the change comes from; the base repository when absent. */
  headRepository?: WebhookRepository;
  baseRef?: string;
  baseSha?: string;
}

export interface WebhookWorkflowRun {
  id: number;
  name?: string;
  event?: string;
  status?: string;
  conclusion?: string | null;
  headBranch?: string;
  headSha?: string;
  runNumber?: number;
  runAttempt?: number;
  workflowId?: number;
  path?: string;
  headRepository?: WebhookRepository;
  pullRequests?: {
    id: number;
    number: number;
    headRef: string;
    headSha: string;
    baseRef: string;
    baseSha: string;
  }[];
}

export interface WebhookOverrides {
  /** REST base the payload's API URLs should use (e.g. the double's); api.github.com when absent. */
  apiUrl?: string;
  /** Web base for html_url fields; github.com when absent. */
  htmlUrl?: string;
  repository?: WebhookRepository;
  sender?: WebhookAccount;
  pullRequest?: WebhookPullRequest;
  workflowRun?: WebhookWorkflowRun;
  /** For `synchronize`: the head commit before the push. */
  before?: string;
}

interface WebhookDefinition {
  name: string;
  examples: JsonRecord[];
}

let definitions: WebhookDefinition[] | undefined;

function examplesFor(event: WebhookEvent): JsonRecord[] {
  if (!definitions) {
    const require = createRequire(import.meta.url);
    const path = require.resolve("@octokit/webhooks-examples/api.github.com/index.json");
    definitions = JSON.parse(readFileSync(path, "utf8")) as WebhookDefinition[];
  }
  return definitions.find((definition) => definition.name === event)?.examples ?? [];
}

function isRecord(value: JsonValue | undefined): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(parent: JsonRecord, key: string): JsonRecord {
  const value = parent[key];
  if (!isRecord(value)) throw new Error(`official example has no object at "${key}"`);
  return value;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Rewrites every string in one pass, so a replacement is never itself rewritten again. */
function rewriteStrings(value: JsonValue, replacements: Map<string, string>): JsonValue {
  const olds = [...replacements.keys()].filter((old) => old.length > 0).sort((a, b) => b.length - a.length);
  if (olds.length === 0) return value;
  const pattern = new RegExp(olds.map(escapeRegex).join("|"), "g");
  const walk = (node: JsonValue): JsonValue => {
    if (typeof node === "string") return node.replace(pattern, (match) => replacements.get(match) ?? match);
    if (Array.isArray(node)) return node.map(walk);
    if (isRecord(node)) {
      const out: JsonRecord = {};
      for (const [key, child] of Object.entries(node)) out[key] = walk(child);
      return out;
    }
    return node;
  };
  return walk(value);
}

/** Numbers inside URL paths (`/pulls/2`, `/actions/runs/30433642`) are rewritten segment-exactly. */
function rewritePathNumbers(value: JsonValue, segment: string, from: number, to: number): JsonValue {
  const pattern = new RegExp(`(/${escapeRegex(segment)}/)${from}(?=$|[/#.?])`, "g");
  const walk = (node: JsonValue): JsonValue => {
    if (typeof node === "string") return node.replace(pattern, `$1${to}`);
    if (Array.isArray(node)) return node.map(walk);
    if (isRecord(node)) {
      const out: JsonRecord = {};
      for (const [key, child] of Object.entries(node)) out[key] = walk(child);
      return out;
    }
    return node;
  };
  return walk(value);
}

function applyAccount(target: JsonRecord, account: WebhookAccount): void {
  target.login = account.login;
  target.id = account.id;
  if (account.type) target.type = account.type;
}

function applyRepository(target: JsonRecord, repo: WebhookRepository): void {
  target.id = repo.id;
  target.name = repo.name;
  target.full_name = `${repo.owner.login}/${repo.name}`;
  if (repo.private !== undefined) target.private = repo.private;
  if (repo.defaultBranch !== undefined) target.default_branch = repo.defaultBranch;
  if (isRecord(target.owner)) applyAccount(target.owner, repo.owner);
}

/** The rename table for one repository the example names, old → new. */
function repositoryReplacements(
  replacements: Map<string, string>,
  example: JsonRecord | undefined,
  repo: WebhookRepository | undefined,
  urls: { api: string; html: string },
): void {
  if (!example || !repo || typeof example.full_name !== "string") return;
  const [oldOwner = "", oldName = ""] = example.full_name.split("/");
  const newOwner = repo.owner.login;
  const newFull = `${newOwner}/${repo.name}`;
  replacements.set(`https://api.github.com/repos/${oldOwner}/${oldName}`, `${urls.api}/repos/${newFull}`);
  replacements.set(`https://github.com/${oldOwner}/${oldName}`, `${urls.html}/${newFull}`);
  replacements.set(`https://api.github.com/users/${oldOwner}`, `${urls.api}/users/${newOwner}`);
  replacements.set(`https://github.com/${oldOwner}`, `${urls.html}/${newOwner}`);
  replacements.set(`${oldOwner}/${oldName}`, newFull);
}

/**
 * A deep copy of the first official example for `event`/`action`, with `overrides` applied. Without
 * overrides it is the example verbatim (URLs on api.github.com and github.com).
 */
export function webhookPayload(
  event: WebhookEvent,
  action: string,
  overrides: WebhookOverrides = {},
): JsonRecord {
  const example = examplesFor(event).find((candidate) => candidate.action === action);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
  const urls = {
    api: (overrides.apiUrl ?? "https://api.github.com").replace(/\/$/, ""),
    html: (overrides.htmlUrl ?? "https://github.com").replace(/\/$/, ""),
  };
  const original = structuredClone(example);
  const replacements = new Map<string, string>();
  const baseRepo = overrides.repository;
  repositoryReplacements(
    replacements,
    isRecord(original.repository) ? original.repository : undefined,
    baseRepo,
    urls,
  );

  const pullOverride = overrides.pullRequest;
  const runOverride = overrides.workflowRun;
  const originalPull = isRecord(original.pull_request) ? original.pull_request : undefined;
  const originalRun = isRecord(original.workflow_run) ? original.workflow_run : undefined;
  if (originalPull && pullOverride) {
    const head = record(originalPull, "head");
    const base = record(originalPull, "base");
    const headRepo = isRecord(head.repo) ? head.repo : undefined;
    const baseRepoJson = isRecord(base.repo) ? base.repo : undefined;
    if (headRepo && baseRepoJson && headRepo.full_name !== baseRepoJson.full_name) {
      repositoryReplacements(replacements, headRepo, pullOverride.headRepository ?? baseRepo, urls);
    }
    if (pullOverride.headSha && typeof head.sha === "string")
      replacements.set(head.sha, pullOverride.headSha);
    if (pullOverride.baseSha && typeof base.sha === "string")
      replacements.set(base.sha, pullOverride.baseSha);
  }
  if (originalRun && runOverride) {
    // The official example's run lives in another repository than its top-level `repository`.
    const mapped = new Set([isRecord(original.repository) ? original.repository.full_name : undefined]);
    for (const key of ["repository", "head_repository"] as const) {
      const nested = originalRun[key];
      if (!isRecord(nested) || mapped.has(nested.full_name)) continue;
      const target = key === "head_repository" ? (runOverride.headRepository ?? baseRepo) : baseRepo;
      repositoryReplacements(replacements, nested, target, urls);
      mapped.add(nested.full_name);
    }
    if (runOverride.headSha && typeof originalRun.head_sha === "string") {
      replacements.set(originalRun.head_sha, runOverride.headSha);
    }
  }
  if (urls.api !== "https://api.github.com") replacements.set("https://api.github.com", urls.api);
  if (urls.html !== "https://github.com") replacements.set("https://github.com", urls.html);

  let payload = rewriteStrings(original, replacements) as JsonRecord;

  if (baseRepo && isRecord(payload.repository)) applyRepository(payload.repository, baseRepo);
  if (overrides.sender && isRecord(payload.sender)) applyAccount(payload.sender, overrides.sender);

  if (originalPull && pullOverride) {
    const oldNumber = Number(originalPull.number);
    payload = rewritePathNumbers(payload, "pulls", oldNumber, pullOverride.number) as JsonRecord;
    payload = rewritePathNumbers(payload, "pull", oldNumber, pullOverride.number) as JsonRecord;
    payload = rewritePathNumbers(payload, "issues", oldNumber, pullOverride.number) as JsonRecord;
    const pull = record(payload, "pull_request");
    payload.number = pullOverride.number;
    pull.number = pullOverride.number;
    if (pullOverride.id !== undefined) pull.id = pullOverride.id;
    if (pullOverride.title !== undefined) pull.title = pullOverride.title;
    if (pullOverride.body !== undefined) pull.body = pullOverride.body;
    if (pullOverride.state !== undefined) pull.state = pullOverride.state;
    if (pullOverride.draft !== undefined) pull.draft = pullOverride.draft;
    if (pullOverride.user && isRecord(pull.user)) applyAccount(pull.user, pullOverride.user);
    const head = record(pull, "head");
    const base = record(pull, "base");
    const headRepository = pullOverride.headRepository ?? baseRepo;
    if (pullOverride.headRef !== undefined) head.ref = pullOverride.headRef;
    if (pullOverride.headSha !== undefined) head.sha = pullOverride.headSha;
    if (pullOverride.baseRef !== undefined) base.ref = pullOverride.baseRef;
    if (pullOverride.baseSha !== undefined) base.sha = pullOverride.baseSha;
    if (headRepository) {
      if (isRecord(head.repo)) applyRepository(head.repo, headRepository);
      if (isRecord(head.user)) applyAccount(head.user, headRepository.owner);
      head.label = `${headRepository.owner.login}:${String(head.ref)}`;
    }
    if (baseRepo) {
      if (isRecord(base.repo)) applyRepository(base.repo, baseRepo);
      if (isRecord(base.user)) applyAccount(base.user, baseRepo.owner);
      base.label = `${baseRepo.owner.login}:${String(base.ref)}`;
    }
    if (action === "synchronize") {
      payload.after = String(head.sha);
      if (overrides.before !== undefined) payload.before = overrides.before;
    }
  }

  if (originalRun && runOverride) {
    payload = rewritePathNumbers(payload, "runs", Number(originalRun.id), runOverride.id) as JsonRecord;
    if (runOverride.workflowId !== undefined && typeof originalRun.workflow_id === "number") {
      payload = rewritePathNumbers(
        payload,
        "workflows",
        originalRun.workflow_id,
        runOverride.workflowId,
      ) as JsonRecord;
    }
    const run = record(payload, "workflow_run");
    run.id = runOverride.id;
    const assign = (key: string, value: JsonValue | undefined): void => {
      if (value !== undefined) run[key] = value;
    };
    assign("name", runOverride.name);
    assign("event", runOverride.event);
    assign("status", runOverride.status);
    assign("conclusion", runOverride.conclusion);
    assign("head_branch", runOverride.headBranch);
    assign("head_sha", runOverride.headSha);
    assign("run_number", runOverride.runNumber);
    assign("run_attempt", runOverride.runAttempt);
    assign("workflow_id", runOverride.workflowId);
    assign("path", runOverride.path);
    if (runOverride.headSha !== undefined && isRecord(run.head_commit))
      run.head_commit.id = runOverride.headSha;
    if (baseRepo && isRecord(run.repository)) applyRepository(run.repository, baseRepo);
    const headRepository = runOverride.headRepository ?? baseRepo;
    if (headRepository && isRecord(run.head_repository)) applyRepository(run.head_repository, headRepository);
    if (runOverride.pullRequests && baseRepo) {
      const repoApi = (repo: WebhookRepository) => `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
      run.pull_requests = runOverride.pullRequests.map((pull) => ({
        url: `${repoApi(baseRepo)}/pulls/${pull.number}`,
        id: pull.id,
        number: pull.number,
        head: {
          ref: pull.headRef,
          sha: pull.headSha,
          repo: { id: baseRepo.id, url: repoApi(baseRepo), name: baseRepo.name },
        },
        base: {
          ref: pull.baseRef,
          sha: pull.baseSha,
          repo: { id: baseRepo.id, url: repoApi(baseRepo), name: baseRepo.name },
        },
      }));
    }
    if (isRecord(payload.workflow)) {
      if (runOverride.workflowId !== undefined) payload.workflow.id = runOverride.workflowId;
      if (runOverride.name !== undefined) payload.workflow.name = runOverride.name;
      if (runOverride.path !== undefined) payload.workflow.path = runOverride.path;
    }
  }
  return payload;
}
