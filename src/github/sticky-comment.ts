import type { GitHubClient } from "./client.js";

/** The login the workflow's GITHUB_TOKEN writes as. */
export const actionsBotLogin = "github-actions[bot]";

/** A hidden line that marks our comment; only a comment by our own author counts (anyone can type it). */
export function stickyMarker(key = "mlops-report"): string {
  return `<!-- ${key.replace(/[^A-Za-z0-9_.-]/g, "-")} -->`;
}

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Whose comment we edit: default the token's own user, or the Actions bot for an app token. */
  author?: string;
  marker?: string;
}

export interface StickyResult {
  action: "created" | "updated" | "unchanged";
  id: number;
  url: string;
}

/** Who the token acts as. An installation token (GITHUB_TOKEN) may not read /user: that is the bot. */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (err) {
    if ((err as { status?: number }).status === 403) return actionsBotLogin;
    throw err;
  }
}

/** Our comment on the issue or PR: the first one holding the marker whose author is us. */
export async function findStickyComment(
  client: GitHubClient,
  target: StickyTarget & { author: string; marker: string },
): Promise<{ id: number; body: string; url: string } | undefined> {
  const comments = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  for await (const page of comments) {
    for (const c of page.data) {
      if (c.user?.login === target.author && (c.body ?? "").startsWith(target.marker)) {
        return { id: c.id, body: c.body ?? "", url: c.html_url };
      }
    }
  }
  return undefined;
}

/**
 * Keeps ONE comment per PR up to date: creates it the first time, edits it in place after, and
 * writes nothing when the body would not change (so re-runs do not notify anyone).
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: StickyTarget,
  content: string,
): Promise<StickyResult> {
  const marker = target.marker ?? stickyMarker();
  const author = target.author ?? (await tokenLogin(client));
  const body = `${marker}\n${content}`;
  const existing = await findStickyComment(client, { ...target, author, marker });
  if (existing && existing.body === body) return { action: "unchanged", id: existing.id, url: existing.url };
  if (existing) {
    const { data } = await client.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
    });
    return { action: "updated", id: data.id, url: data.html_url };
  }
  const { data } = await client.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  });
  return { action: "created", id: data.id, url: data.html_url };
}
