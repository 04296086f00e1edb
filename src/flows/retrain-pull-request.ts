import type { GitHubClient } from "../github/client.js";
import { openOrUpdateRetrainPullRequest } from "../github/retrain-pull-request.js";
import { monitorMarkdown } from "../monitor/index.js";
import type { RepoLayout } from "../repo/index.js";
import { type RetrainOptions, type RetrainResult, retrainOnDrift } from "./retrain.js";

export interface RetrainPullRequestFlowOptions extends RetrainOptions {
  /** The repository on GitHub (GITHUB_REPOSITORY's two halves). */
  owner: string;
  repo: string;
}

export interface RetrainPullRequestOutcome {
  fired: boolean;
  /** `retrain/<model>` when the rule fired. */
  branch: string | null;
  pullRequest: { number: number; url: string } | null;
  /** What happened to the pull request; `none` when the rule did not fire or nothing differs from base. */
  action: "created" | "updated" | "unchanged" | "none";
  retrain: RetrainResult;
  /** Markdown for the job summary. */
  summary: string;
}

/**
 * `retrain.yml`'s job: retrain on drift, then keep the model's one retrain pull request in step with
 * the branch: opened on the first firing, its title and body (the latest monitoring report) updated
 * on later ones. When the rule does not fire, GitHub is not called at all.
 */
export async function retrainAndOpenPullRequest(
  layout: RepoLayout,
  client: GitHubClient,
  options: RetrainPullRequestFlowOptions,
): Promise<RetrainPullRequestOutcome> {
  const { owner, repo, ...retrainOptions } = options;
  const retrain = await retrainOnDrift(layout, retrainOptions);
  if (!retrain.fired) {
    return {
      fired: false,
      branch: null,
      pullRequest: null,
      action: "none",
      retrain,
      summary: monitorMarkdown(retrain.monitor),
    };
  }
  if (!retrain.pushed) {
    return {
      fired: true,
      branch: retrain.branch,
      pullRequest: null,
      action: "none",
      retrain,
      summary: `${retrain.body}\n---\n\nThe retrained pipeline is identical to \`${retrain.base}\`: there is nothing to propose, so no pull request was opened.\n`,
    };
  }
  const pull = await openOrUpdateRetrainPullRequest(client, {
    owner,
    repo,
    head: retrain.branch,
    base: retrain.base,
    title: retrain.title,
    body: retrain.body,
  });
  const commitLine = retrain.created
    ? `Commit \`${retrain.commit.slice(0, 10)}\` on \`${retrain.branch}\` changes ${retrain.changed.map((f) => `\`${f}\``).join(", ")}.`
    : `\`${retrain.branch}\` already held this retraining (\`${retrain.commit.slice(0, 10)}\`): no new commit.`;
  return {
    fired: true,
    branch: retrain.branch,
    pullRequest: { number: pull.number, url: pull.url },
    action: pull.action,
    retrain,
    summary: `${retrain.body}\n---\n\nPull request [#${pull.number}](${pull.url}) ${pull.action}. ${commitLine}\n`,
  };
}
