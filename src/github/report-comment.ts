import type { ReportDocument } from "../report/document.js";
import { escapeMarkdown, renderMarkdown } from "../report/markdown.js";
import type { GitHubClient } from "./client.js";
import { type StickyResult, stickyMarker, upsertStickyComment } from "./sticky-comment.js";

export interface ReportCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Where people find the whole report when the comment is cut (e.g. the run's URL). */
  fullReport?: string;
  author?: string;
  /** The fork the pull request's code came from (forkOfEvent), when it is not this repository. */
  fork?: string;
}

/**
 * What a reader of a fork's PR must know before any figure: the pull-request run executed the PR's
 * own code (pipelines, stage commands, even the report's builder), so every number is that code's
 * claim. The privileged comment job only validated and rendered it.
 */
export function forkNotice(fork: string): string {
  return `> [!WARNING]\n> This pull request comes from the fork ${escapeMarkdown(fork)}: the figures below were computed by the pull request's own code, in a run with a read-only token and no secrets, and are shown as that run reported them. Nothing here is verified until the merge reproduces it on \`main\`.\n\n`;
}

/**
 * Renders the report ourselves (every string escaped, within GitHub's comment limit) and keeps it
 * in the PR's one sticky comment. The marker takes its share of the limit.
 */
export async function commentReport(
  client: GitHubClient,
  doc: ReportDocument,
  options: ReportCommentOptions,
): Promise<StickyResult> {
  const marker = stickyMarker();
  const body = renderMarkdown(doc, {
    maxChars: 65_536 - marker.length - 1,
    ...(options.fullReport ? { fullReport: options.fullReport } : {}),
    ...(options.fork ? { prefix: forkNotice(options.fork) } : {}),
  });
  return upsertStickyComment(
    client,
    {
      owner: options.owner,
      repo: options.repo,
      issueNumber: options.issueNumber,
      marker,
      ...(options.author ? { author: options.author } : {}),
    },
    body,
  );
}
