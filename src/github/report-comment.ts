import type { ReportDocument } from "../report/document.js";
import { renderMarkdown } from "../report/markdown.js";
import type { GitHubClient } from "./client.js";
import { type StickyResult, stickyMarker, upsertStickyComment } from "./sticky-comment.js";

export interface ReportCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Where people find the whole report when the comment is cut (e.g. the run's URL). */
  fullReport?: string;
  author?: string;
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
