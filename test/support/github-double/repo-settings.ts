import type { Account, GitHubState, Repository } from "./state.js";
import { githubTimestamp } from "./state.js";

/**
 * The two states of a repository's settings that `mlops doctor` is tested on. A repository as
 * `addRepo` makes it has every setting missing (what "Use this template" gives); this sets up what
 * docs/flows.md's "Getting started on GitHub" asks for.
 */
export function setUpForEveryFlow(
  state: GitHubState,
  repo: Repository,
  options: { models: string[]; requiredChecks: string[]; reviewer: Account },
): void {
  const now = githubTimestamp();
  repo.actions.defaultWorkflowPermissions = "read";
  repo.actions.canApprovePullRequestReviews = true;
  repo.secrets.set("MLOPS_RETRAIN_TOKEN", { createdAt: now, updatedAt: now });

  state.environment(repo, "staging");
  const production = state.environment(repo, "production");
  production.reviewers = [{ type: "User", account: options.reviewer }];
  production.deploymentBranchPolicy = { protectedBranches: false, customBranchPolicies: true };
  production.branchPolicies = [{ id: state.newId(), name: "v*", type: "tag" }];

  const ruleset = (
    name: string,
    target: "branch" | "tag",
    include: string[],
    rules: Repository["rulesets"][number]["rules"],
  ) =>
    repo.rulesets.push({
      id: state.newId(),
      name,
      target,
      enforcement: "active",
      include,
      exclude: [],
      rules,
      createdAt: now,
      updatedAt: now,
    });
  const immutable = [{ type: "update" as const }, { type: "deletion" as const }];
  ruleset("release tags", "tag", ["refs/tags/v*"], immutable);
  ruleset(
    "model registry tags",
    "tag",
    options.models.flatMap((m) => [`refs/tags/${m}@v*`, `refs/tags/${m}#*`]),
    immutable,
  );
  ruleset(
    "main",
    "branch",
    ["~DEFAULT_BRANCH"],
    [
      { type: "deletion" },
      { type: "non_fast_forward" },
      { type: "required_status_checks", contexts: options.requiredChecks },
    ],
  );
}
