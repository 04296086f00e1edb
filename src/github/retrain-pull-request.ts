import { MlopsError } from "../errors/index.js";
import type { GitHubClient } from "./client.js";

/** The one branch a model's retraining goes to: a later run adds a commit to it. */
export function retrainBranch(model: string): string {
  return `retrain/${model}`;
}

export interface RetrainPullRequestOptions {
  owner: string;
  repo: string;
  /** The branch in this repository holding the retrained files, `retrain/<model>`; already pushed. */
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface RetrainPullRequest {
  action: "created" | "updated" | "unchanged";
  number: number;
  url: string;
}

/** GitHub's limit on a pull request body. */
const maxBody = 65_536;

async function openPullFromHead(client: GitHubClient, options: RetrainPullRequestOptions) {
  const pulls = await client.paginate(client.rest.pulls.list, {
    owner: options.owner,
    repo: options.repo,
    head: `${options.owner}:${options.head}`,
    state: "open",
    per_page: 100,
  });
  // The head filter already names the branch; the repository check keeps a fork's same-named branch out.
  return pulls.find(
    (p) =>
      p.head.ref === options.head &&
      p.head.repo?.full_name.toLowerCase() === `${options.owner}/${options.repo}`.toLowerCase(),
  );
}

/**
 * Keeps at most one open retrain pull request per model: the open one from `head` gets the new title
 * and body (the latest monitoring report), otherwise one is opened. The branch itself is pushed by git
 * before this is called. A PR opened with the workflow's GITHUB_TOKEN starts no workflows, so its
 * checks run only when the client holds a GitHub App or personal token.
 */
export async function openOrUpdateRetrainPullRequest(
  client: GitHubClient,
  options: RetrainPullRequestOptions,
): Promise<RetrainPullRequest> {
  if (options.body.length > maxBody) {
    throw new MlopsError("usage", `the retrain pull request body has ${options.body.length} characters`, {
      field: "body",
      expected: `at most ${maxBody} characters (GitHub's limit)`,
    });
  }
  const update = async (number: number, title: string, body: string | null, url: string) => {
    if (title === options.title && (body ?? "") === options.body) {
      return { action: "unchanged" as const, number, url };
    }
    const { data } = await client.rest.pulls.update({
      owner: options.owner,
      repo: options.repo,
      pull_number: number,
      title: options.title,
      body: options.body,
    });
    return { action: "updated" as const, number: data.number, url: data.html_url };
  };

  const open = await openPullFromHead(client, options);
  if (open) return update(open.number, open.title, open.body, open.html_url);
  try {
    const { data } = await client.rest.pulls.create({
      owner: options.owner,
      repo: options.repo,
      head: options.head,
      base: options.base,
      title: options.title,
      body: options.body,
    });
    return { action: "created", number: data.number, url: data.html_url };
  } catch (err) {
    if ((err as { status?: number }).status !== 422) throw err;
    // Another run opened it between our look and our create: update that one instead.
    const raced = await openPullFromHead(client, options);
    if (raced) return update(raced.number, raced.title, raced.body, raced.html_url);
    throw new MlopsError(
      "remote",
      `GitHub refused to open a pull request from ${options.head} into ${options.base}`,
      {
        hint: `push the branch ${options.head} first, and check that ${options.base} exists and differs from it`,
        cause: err,
      },
    );
  }
}
