import { MlopsError } from "../errors/index.js";
import type { GitHubClient } from "./client.js";

/** The fields of a `workflow_run` event's run that say which PR it ran for. */
export interface WorkflowRunHead {
  head_branch: string | null;
  head_sha: string;
  head_repository: { full_name: string; owner: { login: string } } | null;
  repository: { full_name: string };
}

/**
 * The open PR a `workflow_run` ran for, found from the run's head repository and branch and
 * confirmed by its head sha. `workflow_run.pull_requests` is empty for PRs from forks, and a number
 * inside an artifact is PR-controlled, so neither is trusted.
 */
export async function findPullRequestForRun(
  client: GitHubClient,
  run: WorkflowRunHead,
): Promise<{ number: number; headSha: string } | undefined> {
  const [owner = "", repo = ""] = run.repository.full_name.split("/");
  if (!run.head_branch || !run.head_repository) return undefined;
  const head = `${run.head_repository.owner.login}:${run.head_branch}`;
  const pulls = await client.paginate(client.rest.pulls.list, {
    owner,
    repo,
    head,
    state: "open",
    per_page: 100,
  });
  const match = pulls.find(
    (p) => p.head.sha === run.head_sha && p.head.repo?.full_name === run.head_repository?.full_name,
  );
  if (!match) return undefined;
  return { number: match.number, headSha: match.head.sha };
}

export function requirePullRequest<T>(found: T | undefined, run: WorkflowRunHead): T {
  if (found) return found;
  throw new MlopsError(
    "not-found",
    `no open pull request has head ${run.head_repository?.full_name ?? "?"}:${run.head_branch ?? "?"} at ${run.head_sha.slice(0, 12)}`,
    { hint: "the PR was closed or received new commits since the run; the next run will comment" },
  );
}

function fullName(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const name = (value as { full_name?: unknown }).full_name;
  return typeof name === "string" ? name : undefined;
}

/**
 * The repository a pull request's code came from when it is not the base repository (a fork), read
 * from the event that started the run: `workflow_run.head_repository` against the run's repository,
 * or `pull_request.head.repo` against `pull_request.base.repo`. Undefined for a branch of the same
 * repository. A head repository GitHub no longer knows (a deleted fork) counts as a fork.
 */
export function forkOfEvent(eventName: string, event: Record<string, unknown>): string | undefined {
  let head: unknown;
  let base: unknown;
  if (eventName === "workflow_run") {
    const run = (event.workflow_run ?? {}) as Record<string, unknown>;
    head = run.head_repository;
    base = run.repository ?? event.repository;
  } else if (eventName === "pull_request" || eventName === "pull_request_target") {
    const pull = (event.pull_request ?? {}) as { head?: { repo?: unknown }; base?: { repo?: unknown } };
    head = pull.head?.repo;
    base = pull.base?.repo;
  } else return undefined;
  const baseName = fullName(base);
  const headName = fullName(head);
  if (!baseName) return undefined;
  if (!headName) return "a fork that no longer exists";
  return headName.toLowerCase() === baseName.toLowerCase() ? undefined : headName;
}
