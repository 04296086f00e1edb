import { createHash, randomUUID } from "node:crypto";

/** What the double knows about GitHub: plain records, seeded by tests and changed by requests. */

export interface Account {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
  name: string | null;
  email: string | null;
  createdAt: string;
}

export interface Repository {
  id: number;
  owner: Account;
  name: string;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  createdAt: string;
  pushedAt: string;
  /** Branch name → head commit sha; the double has no git objects, only these pointers. */
  branches: Map<string, string>;
  /** Tag name → commit sha, like `branches`; creating a release for a new tag adds one, as GitHub does. */
  tags: Map<string, string>;
  /** GitHub environments by name; deploying to an unknown one creates it, as GitHub does. */
  environments: Map<string, Environment>;
  /** Pull requests and issues share one number sequence, as on GitHub. */
  nextNumber: number;
  /** Settings → Actions → General, as a new repository has them until someone changes them. */
  actions: RepoActionsSettings;
  /** Actions secrets by name: the API shows names and dates, never values. */
  secrets: Map<string, { createdAt: string; updatedAt: string }>;
  /** Repository rulesets (Settings → Rules). */
  rulesets: Ruleset[];
  /** Classic branch protection (Settings → Branches): branch → the status checks it requires. */
  branchProtection: Map<string, { requiredChecks: string[] }>;
}

export interface ContainerPackage {
  id: number;
  owner: Account;
  /** `repo/model` for a serving image `ghcr.io/owner/repo/model`. */
  name: string;
  repo: Repository | null;
  visibility: "public" | "private";
  createdAt: string;
}

export interface RepoActionsSettings {
  enabled: boolean;
  allowedActions: "all" | "local_only" | "selected";
  defaultWorkflowPermissions: "read" | "write";
  /** "Allow GitHub Actions to create and approve pull requests". */
  canApprovePullRequestReviews: boolean;
}

/** The rule kinds the double keeps; GitHub has more, each with its own parameters. */
export type RulesetRule =
  | { type: "creation" | "deletion" | "non_fast_forward" | "required_linear_history" }
  | { type: "update" }
  | { type: "required_status_checks"; contexts: string[] };

export interface Ruleset {
  id: number;
  name: string;
  target: "branch" | "tag";
  enforcement: "disabled" | "active" | "evaluate";
  include: string[];
  exclude: string[];
  rules: RulesetRule[];
  createdAt: string;
  updatedAt: string;
}

export interface PullRequest {
  repo: Repository;
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  user: Account;
  head: { repo: Repository; ref: string; sha: string };
  base: { repo: Repository; ref: string; sha: string };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
}

export interface Issue {
  repo: Repository;
  id: number;
  number: number;
  title: string;
  user: Account;
  createdAt: string;
}

export interface IssueComment {
  id: number;
  repo: Repository;
  issueNumber: number;
  isPullRequest: boolean;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowRun {
  id: number;
  /** The results service's name for the run (a UUID), carried in ACTIONS_RUNTIME_TOKEN. */
  backendId: string;
  repo: Repository;
  /** Where the commit came from: differs from `repo` for pull requests from forks. */
  headRepo: Repository;
  name: string;
  workflowId: number;
  path: string;
  event: string;
  headBranch: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: string | null;
  runNumber: number;
  runAttempt: number;
  actor: Account;
  createdAt: string;
  updatedAt: string;
}

export interface Artifact {
  id: number;
  run: WorkflowRun;
  jobBackendId: string;
  name: string;
  mimeType: string;
  /** Set by FinalizeArtifact; until then the artifact is invisible to listings. */
  finalized: boolean;
  size: number;
  digest: string | null;
  /** Blocks staged through the blob API, by block id, until the block list is committed. */
  stagedBlocks: Map<string, Buffer>;
  content: Buffer | null;
  /** What the uploader declared for the blob (x-ms-blob-content-type); served back on download. */
  blobContentType: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface DeploymentStatus {
  id: number;
  state: string;
  creator: Account;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface Deployment {
  id: number;
  repo: Repository;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  creator: Account;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatus[];
}

export interface Release {
  id: number;
  repo: Repository;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: Account;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** In upload order; GitHub lists assets oldest first. */
  assets: ReleaseAsset[];
}

export interface ReleaseAsset {
  id: number;
  release: Release;
  /** The stored name: GitHub renames some characters of the `name` a client asks for. */
  name: string;
  label: string | null;
  contentType: string;
  size: number;
  /** `sha256:<hex>` of the bytes, which GitHub reports on assets uploaded since mid-2025. */
  digest: string;
  /** The uploaded bytes, for tests to compare with the files they came from. */
  content: Buffer;
  uploader: Account;
  downloadCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnvironmentReviewer {
  type: "User";
  account: Account;
}

export interface Environment {
  id: number;
  name: string;
  waitTimer: number;
  preventSelfReview: boolean;
  reviewers: EnvironmentReviewer[];
  deploymentBranchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  /** With custom policies: the branch and tag name patterns allowed to deploy. */
  branchPolicies: { id: number; name: string; type: "branch" | "tag" }[];
  /** Ids of the wait-timer, reviewers and branch-policy rules, which GitHub numbers apart from the environment. */
  ruleIds: { waitTimer: number; reviewers: number; branchPolicy: number };
  createdAt: string;
  updatedAt: string;
}

/** GitHub prints timestamps to the second. */
export function githubTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A stable, realistic-looking 40-hex commit sha for a label, so tests can name commits. */
export function fakeSha(label: string): string {
  return createHash("sha1").update(label).digest("hex");
}

export const GITHUB_ACTIONS_BOT_ID = 41898282;

export class GitHubState {
  readonly accounts = new Map<string, Account>();
  readonly repos = new Map<string, Repository>();
  readonly pullRequests: PullRequest[] = [];
  readonly issues: Issue[] = [];
  readonly comments = new Map<number, IssueComment>();
  readonly runs = new Map<number, WorkflowRun>();
  readonly artifacts = new Map<number, Artifact>();
  readonly deployments = new Map<number, Deployment>();
  readonly releases: Release[] = [];
  /** Container packages on GitHub's registry, each linked to the repository it inherits access from. */
  readonly packages: ContainerPackage[] = [];
  private nextId = 1_000;

  /** IDs are unique across kinds, which GitHub does not promise but which makes mix-ups fail loudly. */
  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  addAccount(
    login: string,
    options: { type?: Account["type"]; id?: number; name?: string | null } = {},
  ): Account {
    const existing = this.accounts.get(login.toLowerCase());
    if (existing) return existing;
    const account: Account = {
      login,
      id: options.id ?? this.newId(),
      type: options.type ?? "User",
      name: options.name ?? null,
      email: null,
      createdAt: "2020-01-01T00:00:00Z",
    };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  account(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  addRepo(
    owner: string,
    name: string,
    options: {
      defaultBranch?: string;
      private?: boolean;
      description?: string | null;
      branches?: Record<string, string>;
      tags?: Record<string, string>;
    } = {},
  ): Repository {
    const key = `${owner}/${name}`.toLowerCase();
    if (this.repos.has(key)) throw new Error(`repository ${owner}/${name} is already seeded`);
    const defaultBranch = options.defaultBranch ?? "main";
    const branches = new Map(Object.entries(options.branches ?? {}));
    if (!branches.has(defaultBranch)) branches.set(defaultBranch, fakeSha(`${key}@${defaultBranch}`));
    const now = githubTimestamp();
    const repo: Repository = {
      id: this.newId(),
      owner: this.addAccount(owner),
      name,
      defaultBranch,
      private: options.private ?? false,
      description: options.description ?? null,
      createdAt: now,
      pushedAt: now,
      branches,
      tags: new Map(Object.entries(options.tags ?? {})),
      environments: new Map(),
      nextNumber: 1,
      // A repository created today: Actions on, the workflow token read-only, no pull requests by Actions.
      actions: {
        enabled: true,
        allowedActions: "all",
        defaultWorkflowPermissions: "read",
        canApprovePullRequestReviews: false,
      },
      secrets: new Map(),
      rulesets: [],
      branchProtection: new Map(),
    };
    this.repos.set(key, repo);
    return repo;
  }

  repo(owner: string, name: string): Repository | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  requireRepo(owner: string, name: string): Repository {
    const repo = this.repo(owner, name);
    if (!repo) throw new Error(`repository ${owner}/${name} is not seeded; call addRepo first`);
    return repo;
  }

  addPullRequest(
    repo: Repository,
    options: {
      title?: string;
      body?: string | null;
      author: Account;
      headRef: string;
      headSha?: string;
      headRepo?: Repository;
      baseRef?: string;
      draft?: boolean;
      state?: "open" | "closed";
      number?: number;
    },
  ): PullRequest {
    const headRepo = options.headRepo ?? repo;
    const headSha =
      options.headSha ?? headRepo.branches.get(options.headRef) ?? fakeSha(`${options.headRef}`);
    headRepo.branches.set(options.headRef, headSha);
    const baseRef = options.baseRef ?? repo.defaultBranch;
    const baseSha = repo.branches.get(baseRef) ?? fakeSha(`${repo.name}@${baseRef}`);
    repo.branches.set(baseRef, baseSha);
    const number = options.number ?? repo.nextNumber;
    repo.nextNumber = Math.max(repo.nextNumber, number + 1);
    const now = githubTimestamp();
    const state = options.state ?? "open";
    const pull: PullRequest = {
      repo,
      id: this.newId(),
      number,
      title: options.title ?? `Change ${options.headRef}`,
      body: options.body ?? null,
      state,
      draft: options.draft ?? false,
      user: options.author,
      head: { repo: headRepo, ref: options.headRef, sha: headSha },
      base: { repo, ref: baseRef, sha: baseSha },
      createdAt: now,
      updatedAt: now,
      closedAt: state === "closed" ? now : null,
      mergedAt: null,
      mergeCommitSha: null,
    };
    this.pullRequests.push(pull);
    return pull;
  }

  /** The repository's environment of that name (case-insensitive, as on GitHub), created if absent. */
  environment(repo: Repository, name: string): Environment {
    const key = name.toLowerCase();
    let environment = repo.environments.get(key);
    if (!environment) {
      const now = githubTimestamp();
      environment = {
        id: this.newId(),
        name,
        waitTimer: 0,
        preventSelfReview: false,
        reviewers: [],
        deploymentBranchPolicy: null,
        branchPolicies: [],
        ruleIds: { waitTimer: this.newId(), reviewers: this.newId(), branchPolicy: this.newId() },
        createdAt: now,
        updatedAt: now,
      };
      repo.environments.set(key, environment);
    }
    return environment;
  }

  pullRequest(repo: Repository, number: number): PullRequest | undefined {
    return this.pullRequests.find((pull) => pull.repo === repo && pull.number === number);
  }

  addIssue(repo: Repository, options: { title: string; author: Account }): Issue {
    const issue: Issue = {
      repo,
      id: this.newId(),
      number: repo.nextNumber,
      title: options.title,
      user: options.author,
      createdAt: githubTimestamp(),
    };
    repo.nextNumber += 1;
    this.issues.push(issue);
    return issue;
  }

  /** Whether `number` names a pull request or issue in `repo`, and which. */
  issueKind(repo: Repository, number: number): "pull" | "issue" | undefined {
    if (this.pullRequest(repo, number)) return "pull";
    if (this.issues.some((issue) => issue.repo === repo && issue.number === number)) return "issue";
    return undefined;
  }

  addWorkflowRun(
    repo: Repository,
    options: {
      name?: string;
      path?: string;
      event: string;
      headBranch: string;
      headSha: string;
      headRepo?: Repository;
      actor: Account;
      status?: WorkflowRun["status"];
      conclusion?: string | null;
      backendId?: string;
    },
  ): WorkflowRun {
    const now = githubTimestamp();
    const path = options.path ?? ".github/workflows/ci.yml";
    const sameWorkflow = [...this.runs.values()].filter((run) => run.repo === repo && run.path === path);
    const run: WorkflowRun = {
      id: this.newId(),
      backendId: options.backendId ?? randomUUID(),
      repo,
      headRepo: options.headRepo ?? repo,
      name: options.name ?? "CI",
      workflowId: sameWorkflow[0]?.workflowId ?? this.newId(),
      path,
      event: options.event,
      headBranch: options.headBranch,
      headSha: options.headSha,
      status: options.status ?? "in_progress",
      conclusion: options.conclusion ?? null,
      runNumber: sameWorkflow.length + 1,
      runAttempt: 1,
      actor: options.actor,
      createdAt: now,
      updatedAt: now,
    };
    this.runs.set(run.id, run);
    return run;
  }

  runByBackendId(backendId: string): WorkflowRun | undefined {
    return [...this.runs.values()].find((run) => run.backendId === backendId);
  }

  /** Finalized artifacts of a run, oldest first. */
  runArtifacts(run: WorkflowRun): Artifact[] {
    return [...this.artifacts.values()].filter((artifact) => artifact.run === run && artifact.finalized);
  }

  /**
   * The pull requests GitHub lists on a run: open ones whose head is this run's branch and commit in
   * the run's own repository. Runs for pull requests from forks therefore list none, as on GitHub.
   */
  runPullRequests(run: WorkflowRun): PullRequest[] {
    return this.pullRequests.filter(
      (pull) =>
        pull.state === "open" &&
        pull.base.repo === run.repo &&
        pull.head.repo === run.repo &&
        pull.head.ref === run.headBranch &&
        pull.head.sha === run.headSha,
    );
  }
}
