import type {
  Account,
  Artifact,
  ContainerPackage,
  Deployment,
  DeploymentStatus,
  Environment,
  GitHubState,
  IssueComment,
  PullRequest,
  Release,
  ReleaseAsset,
  Repository,
  Ruleset,
  WorkflowRun,
} from "./state.js";

/**
 * The JSON GitHub returns for each kind of record, field for field, with every URL pointing at the
 * double. Shapes follow api.github.com responses; the OpenAPI check on every response keeps them honest.
 */

type JsonRecord = Record<string, unknown>;

export interface DoubleUrls {
  /** REST base, what GITHUB_API_URL holds. */
  api: string;
  /** Where html_url links point (GitHub's web UI); nothing is served there. */
  html: string;
}

/** GitHub's legacy global node id: base64 of "<len(type)>:<Type><id>". */
function nodeId(type: string, id: number): string {
  return Buffer.from(`${String(type.length).padStart(2, "0")}:${type}${id}`).toString("base64");
}

/** The GitHub Actions app, which GitHub names as `performed_via_github_app` on what GITHUB_TOKEN does. */
function githubActionsApp(urls: DoubleUrls): JsonRecord {
  const owner: Account = {
    login: "github",
    id: 9919,
    type: "Organization",
    name: "GitHub",
    email: null,
    createdAt: "2008-05-11T04:37:31Z",
  };
  return {
    id: 15368,
    slug: "github-actions",
    node_id: "MDM6QXBwMTUzNjg=",
    owner: simpleUserJson(owner, urls),
    name: "GitHub Actions",
    description: "Automate your workflow from idea to production",
    external_url: "https://help.github.com/en/actions",
    html_url: `${urls.html}/apps/github-actions`,
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2024-04-10T20:33:16Z",
    permissions: {
      actions: "write",
      contents: "write",
      deployments: "write",
      issues: "write",
      metadata: "read",
      pull_requests: "write",
      statuses: "write",
    },
    events: ["check_run", "check_suite", "pull_request", "push", "workflow_run"],
  };
}

export function simpleUserJson(account: Account, urls: DoubleUrls): JsonRecord {
  const login = encodeURIComponent(account.login);
  const url = `${urls.api}/users/${login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type, account.id),
    avatar_url:
      account.type === "Bot"
        ? `${urls.html}/avatars/in/15368?v=4`
        : `${urls.html}/avatars/u/${account.id}?v=4`,
    gravatar_id: "",
    url,
    html_url:
      account.type === "Bot"
        ? `${urls.html}/apps/${login.replace(/%5Bbot%5D$/, "")}`
        : `${urls.html}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** GET /user for a person: the private profile GitHub shows the account itself. */
export function privateUserJson(account: Account, urls: DoubleUrls): JsonRecord {
  return {
    ...simpleUserJson(account, urls),
    user_view_type: "private",
    name: account.name,
    company: null,
    blog: "",
    location: null,
    email: account.email,
    notification_email: account.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: account.createdAt,
    updated_at: account.createdAt,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

function repoApiUrl(repo: Repository, urls: DoubleUrls): string {
  return `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
}

function repoHtmlUrl(repo: Repository, urls: DoubleUrls): string {
  return `${urls.html}/${repo.owner.login}/${repo.name}`;
}

/** The fields every repository representation (minimal, full, nested in pulls) shares. */
function repositoryCoreJson(repo: Repository, urls: DoubleUrls): JsonRecord {
  const url = repoApiUrl(repo, urls);
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
    owner: simpleUserJson(repo.owner, urls),
    html_url: repoHtmlUrl(repo, urls),
    description: repo.description,
    fork: false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
  };
}

/** The repository object nested in pull requests (OpenAPI "repository"). */
export function repositoryJson(repo: Repository, urls: DoubleUrls): JsonRecord {
  const host = new URL(urls.html).host;
  const openIssues = 0;
  return {
    ...repositoryCoreJson(repo, urls),
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    pushed_at: repo.pushedAt,
    git_url: `git://${host}/${repo.owner.login}/${repo.name}.git`,
    ssh_url: `git@${host}:${repo.owner.login}/${repo.name}.git`,
    clone_url: `${repoHtmlUrl(repo, urls)}.git`,
    svn_url: repoHtmlUrl(repo, urls),
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
  };
}

/** GET /repos/{owner}/{repo} (OpenAPI "full-repository"), as seen by a token with write access. */
export function fullRepositoryJson(repo: Repository, urls: DoubleUrls): JsonRecord {
  return {
    ...repositoryJson(repo, urls),
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: "COMMIT_MESSAGES",
    merge_commit_title: "MERGE_MESSAGE",
    merge_commit_message: "PR_TITLE",
    network_count: 0,
    subscribers_count: 0,
  };
}

/** The repository object on workflow runs (OpenAPI "minimal-repository"). */
export function minimalRepositoryJson(repo: Repository, urls: DoubleUrls): JsonRecord {
  return repositoryCoreJson(repo, urls);
}

function authorAssociation(repo: Repository, account: Account): string {
  if (account.id === repo.owner.id) return "OWNER";
  return account.type === "Bot" ? "NONE" : "CONTRIBUTOR";
}

/** GET /repos/{owner}/{repo}/pulls (OpenAPI "pull-request-simple"). */
export function pullRequestSimpleJson(pull: PullRequest, urls: DoubleUrls): JsonRecord {
  const repoUrl = repoApiUrl(pull.repo, urls);
  const url = `${repoUrl}/pulls/${pull.number}`;
  const htmlUrl = `${repoHtmlUrl(pull.repo, urls)}/pull/${pull.number}`;
  const issueUrl = `${repoUrl}/issues/${pull.number}`;
  const side = (end: PullRequest["head"]) => ({
    label: `${end.repo.owner.login}:${end.ref}`,
    ref: end.ref,
    sha: end.sha,
    user: simpleUserJson(end.repo.owner, urls),
    repo: repositoryJson(end.repo, urls),
  });
  return {
    url,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    issue_url: issueUrl,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: simpleUserJson(pull.user, urls),
    body: pull.body,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: pull.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.head.sha}`,
    head: side(pull.head),
    base: side(pull.base),
    _links: {
      self: { href: url },
      html: { href: htmlUrl },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoUrl}/statuses/${pull.head.sha}` },
    },
    author_association: authorAssociation(pull.repo, pull.user),
    auto_merge: null,
    active_lock_reason: null,
  };
}

/** GET /repos/{owner}/{repo}/pulls/{pull_number} (OpenAPI "pull-request"). */
export function pullRequestJson(pull: PullRequest, state: GitHubState, urls: DoubleUrls): JsonRecord {
  const comments = [...state.comments.values()].filter(
    (comment) => comment.repo === pull.repo && comment.issueNumber === pull.number,
  ).length;
  return {
    ...pullRequestSimpleJson(pull, urls),
    merged: pull.mergedAt !== null,
    // GitHub computes mergeability in the background; a fresh pull request reports it unknown.
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function issueCommentJson(comment: IssueComment, urls: DoubleUrls): JsonRecord {
  const repoUrl = repoApiUrl(comment.repo, urls);
  const url = `${repoUrl}/issues/comments/${comment.id}`;
  const page = comment.isPullRequest ? "pull" : "issues";
  return {
    url,
    html_url: `${repoHtmlUrl(comment.repo, urls)}/${page}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    user: simpleUserJson(comment.user, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(comment.repo, comment.user),
    body: comment.body,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: comment.user.type === "Bot" ? githubActionsApp(urls) : null,
  };
}

export function workflowRunJson(run: WorkflowRun, state: GitHubState, urls: DoubleUrls): JsonRecord {
  const repoUrl = repoApiUrl(run.repo, urls);
  const url = `${repoUrl}/actions/runs/${run.id}`;
  const actor = simpleUserJson(run.actor, urls);
  const committer = {
    name: run.actor.name ?? run.actor.login,
    email: `${run.actor.id}+${run.actor.login}@users.noreply.github.com`,
  };
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId("WorkflowRun", run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.name,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId("CheckSuite", run.id + 1),
    url,
    html_url: `${repoHtmlUrl(run.repo, urls)}/actions/runs/${run.id}`,
    pull_requests: state.runPullRequests(run).map((pull) => {
      const end = (side: PullRequest["head"]) => ({
        ref: side.ref,
        sha: side.sha,
        repo: { id: side.repo.id, url: repoApiUrl(side.repo, urls), name: side.repo.name },
      });
      return {
        url: `${repoUrl}/pulls/${pull.number}`,
        id: pull.id,
        number: pull.number,
        head: end(pull.head),
        base: end(pull.base),
      };
    }),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor,
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: run.createdAt,
    triggering_actor: actor,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoUrl}/check-suites/${run.id + 1}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${repoUrl}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha.split("").reverse().join(""),
      message: run.name,
      timestamp: run.createdAt,
      author: committer,
      committer,
    },
    repository: minimalRepositoryJson(run.repo, urls),
    head_repository: minimalRepositoryJson(run.headRepo, urls),
    head_repository_id: run.headRepo.id,
  };
}

export function artifactJson(artifact: Artifact, urls: DoubleUrls): JsonRecord {
  const url = `${repoApiUrl(artifact.run.repo, urls)}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId("Artifact", artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: Date.parse(artifact.expiresAt) < Date.now(),
    created_at: artifact.createdAt,
    updated_at: artifact.updatedAt,
    expires_at: artifact.expiresAt,
    digest: artifact.digest,
    workflow_run: {
      id: artifact.run.id,
      repository_id: artifact.run.repo.id,
      head_repository_id: artifact.run.headRepo.id,
      head_branch: artifact.run.headBranch,
      head_sha: artifact.run.headSha,
    },
  };
}

export function deploymentJson(deployment: Deployment, urls: DoubleUrls): JsonRecord {
  const repoUrl = repoApiUrl(deployment.repo, urls);
  const url = `${repoUrl}/deployments/${deployment.id}`;
  return {
    url,
    id: deployment.id,
    node_id: nodeId("Deployment", deployment.id),
    task: deployment.task,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: repoUrl,
    creator: simpleUserJson(deployment.creator, urls),
    sha: deployment.sha,
    ref: deployment.ref,
    payload: deployment.payload,
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: deployment.creator.type === "Bot" ? githubActionsApp(urls) : null,
  };
}

export function deploymentStatusJson(
  deployment: Deployment,
  status: DeploymentStatus,
  urls: DoubleUrls,
): JsonRecord {
  const repoUrl = repoApiUrl(deployment.repo, urls);
  const deploymentUrl = `${repoUrl}/deployments/${deployment.id}`;
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId("DeploymentStatus", status.id),
    state: status.state,
    description: status.description,
    environment: status.environment,
    target_url: status.targetUrl,
    log_url: status.logUrl,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
    deployment_url: deploymentUrl,
    repository_url: repoUrl,
    environment_url: status.environmentUrl,
    creator: simpleUserJson(status.creator, urls),
    performed_via_github_app: status.creator.type === "Bot" ? githubActionsApp(urls) : null,
  };
}

/** Where a release asset is downloaded from in a browser; the double serves these bytes too. */
export function releaseAssetDownloadUrl(asset: ReleaseAsset, urls: DoubleUrls): string {
  const { repo } = asset.release;
  const tag = encodeURIComponent(asset.release.tagName);
  return `${repoHtmlUrl(repo, urls)}/releases/download/${tag}/${encodeURIComponent(asset.name)}`;
}

export function releaseAssetJson(asset: ReleaseAsset, urls: DoubleUrls): JsonRecord {
  return {
    url: `${repoApiUrl(asset.release.repo, urls)}/releases/assets/${asset.id}`,
    browser_download_url: releaseAssetDownloadUrl(asset, urls),
    id: asset.id,
    node_id: nodeId("ReleaseAsset", asset.id),
    name: asset.name,
    label: asset.label,
    state: "uploaded",
    content_type: asset.contentType,
    size: asset.size,
    digest: asset.digest,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    uploader: simpleUserJson(asset.uploader, urls),
  };
}

export function releaseJson(release: Release, urls: DoubleUrls): JsonRecord {
  const repoUrl = repoApiUrl(release.repo, urls);
  const url = `${repoUrl}/releases/${release.id}`;
  return {
    url,
    assets_url: `${url}/assets`,
    // GitHub sends uploads to uploads.github.com; the double serves them on its one host, at the same path.
    upload_url: `${urls.api}/repos/${release.repo.owner.login}/${release.repo.name}/releases/${release.id}/assets{?name,label}`,
    html_url: `${repoHtmlUrl(release.repo, urls)}/releases/tag/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    author: simpleUserJson(release.author, urls),
    node_id: nodeId("Release", release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    draft: release.draft,
    immutable: false,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    updated_at: release.updatedAt,
    published_at: release.publishedAt,
    assets: release.assets.map((asset) => releaseAssetJson(asset, urls)),
    tarball_url: `${repoUrl}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: `${repoUrl}/zipball/${encodeURIComponent(release.tagName)}`,
    body: release.body,
  };
}

/** GET /repos/{owner}/{repo}/git/ref/{ref}, for a branch (`heads/…`) or a lightweight tag (`tags/…`). */
export function gitRefJson(repo: Repository, ref: string, sha: string, urls: DoubleUrls): JsonRecord {
  const repoUrl = repoApiUrl(repo, urls);
  return {
    ref: `refs/${ref}`,
    node_id: Buffer.from(`04:Ref${repo.id}:refs/${ref}`).toString("base64"),
    url: `${repoUrl}/git/refs/${ref}`,
    object: { type: "commit", sha, url: `${repoUrl}/git/commits/${sha}` },
  };
}

export function environmentJson(repo: Repository, environment: Environment, urls: DoubleUrls): JsonRecord {
  const name = encodeURIComponent(environment.name);
  const rules: JsonRecord[] = [];
  // GitHub lists only the rules that are set, each with its own id.
  if (environment.waitTimer > 0) {
    rules.push({
      id: environment.ruleIds.waitTimer,
      node_id: nodeId("EnvironmentProtectionRule", environment.ruleIds.waitTimer),
      type: "wait_timer",
      wait_timer: environment.waitTimer,
    });
  }
  if (environment.reviewers.length > 0) {
    rules.push({
      id: environment.ruleIds.reviewers,
      node_id: nodeId("EnvironmentProtectionRule", environment.ruleIds.reviewers),
      type: "required_reviewers",
      prevent_self_review: environment.preventSelfReview,
      reviewers: environment.reviewers.map((reviewer) => ({
        type: reviewer.type,
        reviewer: simpleUserJson(reviewer.account, urls),
      })),
    });
  }
  if (environment.deploymentBranchPolicy) {
    rules.push({
      id: environment.ruleIds.branchPolicy,
      node_id: nodeId("EnvironmentProtectionRule", environment.ruleIds.branchPolicy),
      type: "branch_policy",
    });
  }
  return {
    id: environment.id,
    node_id: nodeId("Environment", environment.id),
    name: environment.name,
    url: `${repoApiUrl(repo, urls)}/environments/${name}`,
    html_url: `${repoHtmlUrl(repo, urls)}/deployments/activity_log?environments_filter=${name}`,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
    protection_rules: rules,
    deployment_branch_policy: environment.deploymentBranchPolicy
      ? {
          protected_branches: environment.deploymentBranchPolicy.protectedBranches,
          custom_branch_policies: environment.deploymentBranchPolicy.customBranchPolicies,
        }
      : null,
  };
}

export function rulesetJson(repo: Repository, ruleset: Ruleset, urls: DoubleUrls): JsonRecord {
  return {
    id: ruleset.id,
    name: ruleset.name,
    target: ruleset.target,
    source_type: "Repository",
    source: `${repo.owner.login}/${repo.name}`,
    enforcement: ruleset.enforcement,
    bypass_actors: [],
    current_user_can_bypass: "never",
    node_id: nodeId("RepositoryRuleset", ruleset.id),
    _links: {
      self: { href: `${repoApiUrl(repo, urls)}/rulesets/${ruleset.id}` },
      html: { href: `${repoHtmlUrl(repo, urls)}/rules/${ruleset.id}` },
    },
    conditions: { ref_name: { include: ruleset.include, exclude: ruleset.exclude } },
    rules: ruleset.rules.map((rule) =>
      rule.type === "required_status_checks"
        ? {
            type: rule.type,
            parameters: {
              required_status_checks: rule.contexts.map((context) => ({ context })),
              strict_required_status_checks_policy: false,
            },
          }
        : rule.type === "update"
          ? { type: rule.type, parameters: { update_allows_fetch_and_merge: false } }
          : { type: rule.type },
    ),
    created_at: ruleset.createdAt,
    updated_at: ruleset.updatedAt,
  };
}

/** A ruleset as the list shows it: without its conditions and rules. */
export function rulesetSummaryJson(repo: Repository, ruleset: Ruleset, urls: DoubleUrls): JsonRecord {
  const { conditions: _conditions, rules: _rules, ...summary } = rulesetJson(repo, ruleset, urls);
  return summary;
}

export function branchProtectionJson(
  repo: Repository,
  branch: string,
  requiredChecks: string[],
  urls: DoubleUrls,
): JsonRecord {
  const url = `${repoApiUrl(repo, urls)}/branches/${encodeURIComponent(branch)}/protection`;
  return {
    url,
    required_status_checks: {
      url: `${url}/required_status_checks`,
      strict: false,
      contexts: requiredChecks,
      contexts_url: `${url}/required_status_checks/contexts`,
      checks: requiredChecks.map((context) => ({ context, app_id: null })),
    },
  };
}

export function containerPackageJson(pkg: ContainerPackage, urls: DoubleUrls): JsonRecord {
  const name = encodeURIComponent(pkg.name);
  const kind = pkg.owner.type === "Organization" ? "orgs" : "users";
  return {
    id: pkg.id,
    name: pkg.name,
    package_type: "container",
    url: `${urls.api}/${kind}/${pkg.owner.login}/packages/container/${name}`,
    html_url: `${urls.html}/${kind}/${pkg.owner.login}/packages/container/package/${name}`,
    version_count: 1,
    visibility: pkg.visibility,
    owner: simpleUserJson(pkg.owner, urls),
    ...(pkg.repo ? { repository: minimalRepositoryJson(pkg.repo, urls) } : {}),
    created_at: pkg.createdAt,
    updated_at: pkg.createdAt,
  };
}
