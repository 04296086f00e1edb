import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { userMessage } from "../errors/index.js";
import { gitCapture } from "../git/index.js";
import type { GitHubClient } from "./client.js";

/**
 * `mlops doctor`: what GitHub itself must be set to for each flow of the repository to work, and
 * what the clone alone can show. Every finding names the setting and the exact place to change it.
 */

export const doctorFlows = ["pr", "comment", "merge", "release", "retrain"] as const;
export type DoctorFlow = (typeof doctorFlows)[number];

/** ok: set as the flow needs; warn: the flow works but is exposed; fail: the flow cannot work; skip: not checked. */
export type CheckStatus = "ok" | "warn" | "fail" | "skip";

export interface DoctorCheck {
  /** Stable id for scripts: `workflow-permissions`, `ruleset-model-tags`, … */
  id: string;
  /** The setting, as GitHub's settings pages name it. */
  setting: string;
  flows: DoctorFlow[];
  status: CheckStatus;
  message: string;
  /** Where to change it: a settings page, or a file of the repository. */
  where?: string;
}

export interface DoctorFlowSummary {
  flow: DoctorFlow;
  status: CheckStatus;
  /** Ids of the checks that are not ok. */
  problems: string[];
}

export interface DoctorReport {
  ok: boolean;
  repository: string | null;
  /** Whether the repository's settings were read through the API (a token was given). */
  api: boolean;
  flows: DoctorFlowSummary[];
  checks: DoctorCheck[];
}

export interface DoctorOptions {
  root: string;
  /** `owner/repo`; default: read from the `origin` remote's URL when it is a GitHub URL. */
  repository?: string;
  /** With a client the repository's settings are read through the REST API. */
  client?: GitHubClient;
  /** The web host for the "where" links (GITHUB_SERVER_URL); default https://github.com. */
  serverUrl?: string;
}

/** The workflow each flow runs on, as the repository ships them. */
const flowWorkflows: Record<DoctorFlow, string[]> = {
  pr: ["pr.yml", "ci.yml"],
  comment: ["pr-comment.yml"],
  merge: ["promote.yml"],
  release: ["release.yml"],
  retrain: ["retrain.yml"],
};

/** The secret retrain.yml opens its pull request with (falling back to the workflow token). */
export const retrainTokenSecret = "MLOPS_RETRAIN_TOKEN";

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  const repository = options.repository || (await repositoryFromOrigin(options.root));
  const web = `${(options.serverUrl ?? "https://github.com").replace(/\/+$/, "")}/${repository ?? "OWNER/REPO"}`;
  checks.push(...workflowChecks(options.root));
  checks.push(...(await configChecks(options.root)));
  const models = modelNames(options.root);
  if (!options.client || !repository) {
    checks.push({
      id: "api",
      setting: "the repository's settings on GitHub",
      flows: [...doctorFlows],
      status: "skip",
      message: repository
        ? "not read: give a token (GITHUB_TOKEN or GH_TOKEN, or --token) to check them"
        : "not read: the repository is unknown (origin is not a GitHub URL); pass --repository OWNER/REPO",
    });
  } else {
    const [owner = "", repo = ""] = repository.split("/");
    checks.push(...(await apiChecks(options.client, { owner, repo }, web, options.root, models)));
  }
  const flows = doctorFlows.map((flow): DoctorFlowSummary => {
    const mine = checks.filter((c) => c.flows.includes(flow));
    const status: CheckStatus = mine.some((c) => c.status === "fail")
      ? "fail"
      : mine.some((c) => c.status === "warn")
        ? "warn"
        : mine.some((c) => c.status === "ok")
          ? "ok"
          : "skip";
    return { flow, status, problems: mine.filter((c) => c.status !== "ok").map((c) => c.id) };
  });
  return {
    ok: !flows.some((f) => f.status === "fail"),
    repository: repository ?? null,
    api: Boolean(options.client && repository),
    flows,
    checks,
  };
}

// ---- what the clone shows ---------------------------------------------------------------------

/** `owner/repo` of a GitHub `origin` (https, ssh or scp-like URL), else undefined. */
export function githubRepositoryOfUrl(url: string): string | undefined {
  const match =
    /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)github\.com[/:]([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  return match ? `${match[1]}/${match[2]}` : undefined;
}

async function repositoryFromOrigin(root: string): Promise<string | undefined> {
  const result = await gitCapture(["config", "--get", "remote.origin.url"], { cwd: root });
  return result.code === 0 ? githubRepositoryOfUrl(result.stdout) : undefined;
}

function modelNames(root: string): string[] {
  const dir = join(root, "models");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "model.yaml")))
    .map((e) => e.name)
    .sort();
}

function workflowChecks(root: string): DoctorCheck[] {
  return doctorFlows.map((flow): DoctorCheck => {
    const missing = flowWorkflows[flow].filter((f) => !existsSync(join(root, ".github/workflows", f)));
    return {
      id: `workflow-${flow}`,
      setting: `workflow ${flowWorkflows[flow].join(", ")}`,
      flows: [flow],
      status: missing.length ? "fail" : "ok",
      message: missing.length
        ? `.github/workflows/${missing.join(", .github/workflows/")} missing: nothing runs this flow`
        : "present",
      ...(missing.length ? { where: ".github/workflows/ (restore them from the template)" } : {}),
    };
  });
}

async function configChecks(root: string): Promise<DoctorCheck[]> {
  const { repoLayout } = await import("../repo/index.js");
  const { effectiveConfig } = await import("../tracking/config.js");
  const where = ".mlops/config.yaml";
  let config: Awaited<ReturnType<typeof effectiveConfig>>;
  try {
    config = await effectiveConfig(repoLayout(root));
  } catch (err) {
    return [
      {
        id: "config",
        setting: "the repository's configuration",
        flows: ["pr", "merge", "release", "retrain"],
        status: "fail",
        message: userMessage(err),
        where,
      },
    ];
  }
  const checks: DoctorCheck[] = [];
  const name = config.defaults.remote;
  const remote = name ? config.remotes[name] : undefined;
  checks.push({
    id: "default-remote",
    setting: "defaults.remote (where data, models and the run cache go)",
    flows: ["merge", "retrain"],
    status: remote ? "ok" : "fail",
    message: remote
      ? `${name}: ${remote.url}`
      : name
        ? `defaults.remote names '${name}', which remotes: does not define`
        : "no default remote: a merge's `mlops data push` has nowhere to send the objects",
    ...(remote ? {} : { where: `${where} (defaults.remote, remotes.<name>.url: git-branch:mlops-objects)` }),
  });
  if (remote) checks.push(await remoteReachable(root, name as string, remote.url));
  checks.push({
    id: "base-image",
    setting: "images.base (the serving images' base, pinned by digest)",
    flows: ["merge"],
    status: config.images?.base ? "ok" : "fail",
    message: config.images?.base ?? "not set: a merge cannot build the serving images",
    ...(config.images?.base ? {} : { where: `${where} (images.base: registry/repository@sha256:…)` }),
  });
  return checks;
}

/** A `git-branch:` remote answers `git ls-remote`; other kinds are not probed from here. */
async function remoteReachable(root: string, name: string, url: string): Promise<DoctorCheck> {
  const check = {
    id: "remote-reachable",
    setting: `remote '${name}' reachable`,
    flows: ["pr", "merge", "retrain"] as DoctorFlow[],
  };
  if (!url.startsWith("git-branch:")) {
    return { ...check, status: "skip", message: `${url}: only git-branch remotes are probed` };
  }
  const { parseGitBranchUrl } = await import("../store/git-branch-remote.js");
  let location: string;
  try {
    location = parseGitBranchUrl(name, url, root).gitUrl ?? "origin";
  } catch (err) {
    return { ...check, status: "fail", message: userMessage(err), where: ".mlops/config.yaml" };
  }
  const result = await gitCapture(["ls-remote", "--heads", location], {
    cwd: root,
    env: { GIT_TERMINAL_PROMPT: "0" },
  });
  return result.code === 0
    ? { ...check, status: "ok", message: `${url}: ${location} answers` }
    : {
        ...check,
        status: "fail",
        message: `${url}: git ls-remote ${location} failed: ${gitSaid(result.stderr)}`,
        where: location === "origin" ? "git remote -v (the clone's origin)" : ".mlops/config.yaml",
      };
}

/** git's reason, from the `fatal:` line on (git may add advice lines after it). */
function gitSaid(stderr: string): string {
  const lines = stderr.trim().split("\n");
  const fatal = lines.findIndex((l) => l.startsWith("fatal:"));
  return (fatal >= 0 ? lines.slice(fatal) : lines).join(" ").trim();
}

/** The check names CI's jobs report (a job's `name`, else its id): what `main` should require. */
export function ciCheckNames(root: string): string[] {
  const file = join(root, ".github/workflows/ci.yml");
  if (!existsSync(file)) return [];
  try {
    const doc = parseYaml(readFileSync(file, "utf8")) as { jobs?: Record<string, { name?: unknown }> };
    return Object.entries(doc.jobs ?? {})
      .map(([id, job]) => (typeof job?.name === "string" ? job.name : id))
      .sort();
  } catch {
    return [];
  }
}

// ---- what the API shows -------------------------------------------------------------------------

type Repo = { owner: string; repo: string };

type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

async function read<T>(call: () => Promise<{ data: T }>): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: (await call()).data };
  } catch (err) {
    // HTTP errors carry their status; a network failure has none and is reported the same way.
    const status = (err as { status?: number }).status ?? 0;
    return { ok: false, status, message: userMessage(err) };
  }
}

/** A check whose endpoint could not be read: the token's scope is the usual reason. */
function unreadable(
  base: Omit<DoctorCheck, "status" | "message">,
  result: { status: number; message: string },
  needs: string,
): DoctorCheck {
  return {
    ...base,
    status: "warn",
    message: `could not be read (HTTP ${result.status}: ${result.message}); the token needs ${needs}`,
  };
}

/** GitHub's ruleset ref patterns (fnmatch): `*` stays within a path segment, `**` crosses them. */
export function refPatternMatches(pattern: string, ref: string, defaultBranch: string): boolean {
  if (pattern === "~ALL") return true;
  if (pattern === "~DEFAULT_BRANCH") return ref === `refs/heads/${defaultBranch}`;
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`).test(ref);
}

interface RulesetDetail {
  id: number;
  name: string;
  target?: string | undefined;
  enforcement: string;
  conditions?: { ref_name?: { include?: string[]; exclude?: string[] } } | null | undefined;
  rules?: { type: string; parameters?: unknown }[] | undefined;
}

function rulesetCovers(ruleset: RulesetDetail, ref: string, defaultBranch: string): boolean {
  const include = ruleset.conditions?.ref_name?.include ?? [];
  const exclude = ruleset.conditions?.ref_name?.exclude ?? [];
  return (
    include.some((p) => refPatternMatches(p, ref, defaultBranch)) &&
    !exclude.some((p) => refPatternMatches(p, ref, defaultBranch))
  );
}

/** Tags are immutable when an active tag ruleset covering them forbids moving and deleting them. */
function protectingTagRuleset(
  rulesets: RulesetDetail[],
  ref: string,
  defaultBranch: string,
): RulesetDetail | undefined {
  return rulesets.find(
    (r) =>
      r.target === "tag" &&
      r.enforcement === "active" &&
      rulesetCovers(r, ref, defaultBranch) &&
      ["update", "deletion"].every((t) => r.rules?.some((rule) => rule.type === t)),
  );
}

async function apiChecks(
  client: GitHubClient,
  repo: Repo,
  web: string,
  root: string,
  models: string[],
): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const settingsActions = `${web}/settings/actions`;

  const repoInfo = await read(() => client.rest.repos.get(repo));
  if (!repoInfo.ok) {
    return [
      {
        id: "repository",
        setting: "the repository",
        flows: [...doctorFlows],
        status: "fail",
        message: `GET /repos/${repo.owner}/${repo.repo} answered HTTP ${repoInfo.status}: ${repoInfo.message}`,
        where: "--repository OWNER/REPO, and a token that can read it",
      },
    ];
  }
  const defaultBranch = repoInfo.data.default_branch;

  // Actions enabled, and which actions may run.
  const actions = await read(() => client.rest.actions.getGithubActionsPermissionsRepository(repo));
  const actionsBase = {
    id: "actions-enabled",
    setting: "Actions permissions",
    flows: [...doctorFlows],
    where: `${settingsActions} (Actions permissions)`,
  };
  if (!actions.ok) checks.push(unreadable(actionsBase, actions, "Administration: read"));
  else if (!actions.data.enabled)
    checks.push({
      ...actionsBase,
      status: "fail",
      message: "GitHub Actions are disabled for this repository",
    });
  else if (actions.data.allowed_actions && actions.data.allowed_actions !== "all")
    checks.push({
      ...actionsBase,
      status: "warn",
      message: `only ${actions.data.allowed_actions} actions may run: allow actions/checkout, actions/setup-node, actions/upload-artifact and actions/download-artifact`,
    });
  else checks.push({ ...actionsBase, status: "ok", message: "enabled, all actions allowed" });

  // Workflow token defaults, and whether the workflow token may open pull requests.
  const workflow = await read(() =>
    client.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository(repo),
  );
  const permsBase = {
    id: "workflow-permissions",
    setting: "Workflow permissions (default GITHUB_TOKEN permissions)",
    flows: [...doctorFlows],
    where: `${settingsActions} (Workflow permissions: "Read repository contents and packages permissions")`,
  };
  const prsBase = {
    id: "actions-create-pull-requests",
    setting: 'Workflow permissions: "Allow GitHub Actions to create and approve pull requests"',
    flows: ["retrain"] as DoctorFlow[],
    where: `${settingsActions} (Workflow permissions)`,
  };
  let actionsMayOpenPrs: boolean | undefined;
  if (!workflow.ok) {
    checks.push(unreadable(permsBase, workflow, "Administration: read"));
  } else {
    actionsMayOpenPrs = workflow.data.can_approve_pull_request_reviews;
    checks.push(
      workflow.data.default_workflow_permissions === "write"
        ? {
            ...permsBase,
            status: "warn",
            message:
              "the default is read and write: a workflow that names no permissions gets write access to everything; our workflows name their own, so read is enough",
          }
        : { ...permsBase, status: "ok", message: "read (each workflow asks for what it needs)" },
    );
  }

  // The retrain flow's pull request token.
  const secrets = await read(() => client.rest.actions.listRepoSecrets({ ...repo, per_page: 100 }));
  const secretBase = {
    id: "retrain-token",
    setting: `Actions secret ${retrainTokenSecret}`,
    flows: ["retrain"] as DoctorFlow[],
    where: `${web}/settings/secrets/actions (New repository secret: ${retrainTokenSecret}, a GitHub App installation token or fine-grained token with contents and pull requests write)`,
  };
  const hasSecret = secrets.ok ? secrets.data.secrets.some((s) => s.name === retrainTokenSecret) : undefined;
  if (!secrets.ok) checks.push(unreadable(secretBase, secrets, "Secrets: read"));
  else if (hasSecret)
    checks.push({ ...secretBase, status: "ok", message: "set: retrain pull requests start their checks" });
  else
    checks.push({
      ...secretBase,
      status: actionsMayOpenPrs === false ? "fail" : "warn",
      message:
        actionsMayOpenPrs === false
          ? "not set, and the workflow token may not open pull requests: the retrain flow cannot open its pull request"
          : "not set: the retrain pull request is opened with the workflow token, so no workflow runs on it (no report, no checks)",
    });
  if (workflow.ok) {
    checks.push(
      actionsMayOpenPrs || hasSecret
        ? {
            ...prsBase,
            status: "ok",
            message: actionsMayOpenPrs
              ? "allowed"
              : `not needed: ${retrainTokenSecret} opens the pull request`,
          }
        : {
            ...prsBase,
            status: "fail",
            message: "not allowed: the retrain flow's fallback token cannot open a pull request",
          },
    );
  }

  // The serving images' packages, when they go to GitHub's registry under this repository's name.
  if (!(await configuredImageRepository(root))) {
    checks.push(await packageAccessCheck(client, repo, repoInfo.data.owner.type, models));
  }

  // Environments.
  checks.push(await environmentCheck(client, repo, web, "staging", "merge", defaultBranch));
  checks.push(await environmentCheck(client, repo, web, "production", "release", defaultBranch));

  // Rulesets: tags and the default branch.
  const listed = await read(() =>
    client.rest.repos.getRepoRulesets({ ...repo, per_page: 100, includes_parents: true }),
  );
  const rulesetsWhere = `${web}/settings/rules`;
  const releaseBase = {
    id: "ruleset-release-tags",
    setting: "Tag ruleset for v*",
    flows: ["release"] as DoctorFlow[],
    where: `${rulesetsWhere} (New tag ruleset: target refs/tags/v*, restrict updates and deletions, active)`,
  };
  const modelBase = {
    id: "ruleset-model-tags",
    setting: `Tag ruleset for ${models.length ? models.map((m) => `${m}@v*, ${m}#*`).join(", ") : "<model>@v*, <model>#*"}`,
    flows: ["merge", "release"] as DoctorFlow[],
    where: `${rulesetsWhere} (New tag ruleset: target ${models.map((m) => `refs/tags/${m}@v*, refs/tags/${m}#*`).join(", ") || "refs/tags/<model>@v*, refs/tags/<model>#*"}, restrict updates and deletions, active)`,
  };
  const mainBase = {
    id: "main-protection",
    setting: `Branch protection of ${defaultBranch} requiring the CI checks`,
    flows: ["pr"] as DoctorFlow[],
    where: `${rulesetsWhere} (New branch ruleset for ${defaultBranch}: require status checks ${ciCheckNames(root).join(", ")}) or ${web}/settings/branches`,
  };
  if (!listed.ok) {
    checks.push(unreadable(releaseBase, listed, "Metadata: read"));
    checks.push(unreadable(modelBase, listed, "Metadata: read"));
  } else {
    const details: RulesetDetail[] = [];
    for (const summary of listed.data) {
      const one = await read(() => client.rest.repos.getRepoRuleset({ ...repo, ruleset_id: summary.id }));
      if (one.ok) details.push(one.data as RulesetDetail);
    }
    const release = protectingTagRuleset(details, "refs/tags/v1.0.0", defaultBranch);
    checks.push(
      release
        ? { ...releaseBase, status: "ok", message: `ruleset '${release.name}' keeps release tags immutable` }
        : {
            ...releaseBase,
            status: "warn",
            message: "no active tag ruleset keeps v* tags from being moved or deleted",
          },
    );
    const unprotected: string[] = [];
    for (const m of models) {
      for (const [label, ref] of [
        [`${m}@v*`, `refs/tags/${m}@v1.0.0`],
        [`${m}#*`, `refs/tags/${m}#staging#1`],
      ] as const) {
        if (!protectingTagRuleset(details, ref, defaultBranch)) unprotected.push(label);
      }
    }
    checks.push(
      unprotected.length === 0
        ? { ...modelBase, status: "ok", message: "the registry's tags cannot be moved or deleted" }
        : {
            ...modelBase,
            status: "warn",
            message: `no active tag ruleset keeps ${unprotected.join(", ")} from being moved or deleted: the registry's history could be rewritten`,
          },
    );
    checks.push(
      await mainProtectionCheck(client, repo, mainBase, details, defaultBranch, ciCheckNames(root)),
    );
  }
  return checks;
}

async function configuredImageRepository(root: string): Promise<string | undefined> {
  const { repoLayout } = await import("../repo/index.js");
  const { effectiveConfig } = await import("../tracking/config.js");
  try {
    return (await effectiveConfig(repoLayout(root))).images?.repository;
  } catch {
    return undefined;
  }
}

/**
 * A workflow's token may push to a container package only when the package is linked to the
 * repository (its first push from the workflow links it); one linked elsewhere, or to nothing,
 * refuses the push until the repository is given write access in the package's settings.
 */
async function packageAccessCheck(
  client: GitHubClient,
  repo: Repo,
  ownerType: string,
  models: string[],
): Promise<DoctorCheck> {
  const kind = ownerType === "Organization" ? "orgs" : "users";
  const base = {
    id: "package-access",
    setting: `Package write access for ghcr.io/${repo.owner}/${repo.repo}/<model>`.toLowerCase(),
    flows: ["merge"] as DoctorFlow[],
  };
  const blocked: string[] = [];
  for (const model of models) {
    const name = `${repo.repo}/${model}`.toLowerCase();
    const got = await read(() =>
      kind === "orgs"
        ? client.rest.packages.getPackageForOrganization({
            org: repo.owner,
            package_type: "container",
            package_name: name,
          })
        : client.rest.packages.getPackageForUser({
            username: repo.owner,
            package_type: "container",
            package_name: name,
          }),
    );
    if (!got.ok) {
      if (got.status === 404) continue; // the first push creates it, linked to this repository
      return unreadable(
        base,
        got,
        "a classic token with read:packages (packages take no fine-grained token)",
      );
    }
    const linked = got.data.repository?.full_name?.toLowerCase();
    if (linked !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
      blocked.push(`${name} (linked to ${linked ?? "no repository"})`);
    }
  }
  if (blocked.length === 0) {
    return {
      ...base,
      status: "ok",
      message: "each package is this repository's or is created by the first push",
    };
  }
  return {
    ...base,
    status: "fail",
    message: `the workflow token cannot push to ${blocked.join(", ")}`,
    where: `https://github.com/${kind}/${repo.owner}/packages (each package → Package settings → Manage Actions access: add ${repo.owner}/${repo.repo} with the Write role)`,
  };
}

async function environmentCheck(
  client: GitHubClient,
  repo: Repo,
  web: string,
  name: string,
  flow: DoctorFlow,
  defaultBranch: string,
): Promise<DoctorCheck> {
  const base = {
    id: `environment-${name}`,
    setting: `Environment ${name}`,
    flows: [flow],
    where: `${web}/settings/environments (${name})`,
  };
  const env = await read(() => client.rest.repos.getEnvironment({ ...repo, environment_name: name }));
  if (!env.ok) {
    if (env.status !== 404) return unreadable(base, env, "Environments: read");
    return {
      ...base,
      status: "warn",
      message:
        name === "production"
          ? "missing: the first release creates it with no required reviewers, so any tag pushed goes to prod unreviewed"
          : "missing: the first deployment creates it, unprotected",
    };
  }
  const reviewers = (env.data.protection_rules ?? []).some((r) => r.type === "required_reviewers");
  const policy = env.data.deployment_branch_policy;
  // The release job runs on the tag; the merge's deployments are made from the default branch.
  const ref = flow === "release" ? { type: "tag", name: "v1.0.0" } : { type: "branch", name: defaultBranch };
  if (policy?.protected_branches && flow === "release") {
    return {
      ...base,
      status: "fail",
      message:
        "deployment branches: protected branches only, so the release job, which runs on a v* tag, is refused",
      where: `${base.where}: Deployment branches and tags → Selected branches and tags, add tag rule v*`,
    };
  }
  if (policy?.custom_branch_policies) {
    const policies = await read(() =>
      client.rest.repos.listDeploymentBranchPolicies({ ...repo, environment_name: name, per_page: 100 }),
    );
    if (!policies.ok) return unreadable(base, policies, "Environments: read");
    const allowed = policies.data.branch_policies.some(
      (p) => (p.type ?? "branch") === ref.type && refPatternMatches(p.name ?? "", ref.name, defaultBranch),
    );
    if (!allowed) {
      return {
        ...base,
        status: "fail",
        message: `deployment branches and tags: no ${ref.type} rule matches ${ref.name}, so the ${flow} flow is refused`,
        where: `${base.where}: Deployment branches and tags → add ${ref.type} rule ${flow === "release" ? "v*" : defaultBranch}`,
      };
    }
  }
  if (name === "production" && !reviewers) {
    return {
      ...base,
      status: "warn",
      message: "no required reviewers: a pushed tag goes to prod with nobody's approval",
      where: `${base.where}: Required reviewers`,
    };
  }
  return {
    ...base,
    status: "ok",
    message: reviewers ? "present, with required reviewers" : "present",
  };
}

async function mainProtectionCheck(
  client: GitHubClient,
  repo: Repo,
  base: Omit<DoctorCheck, "status" | "message">,
  rulesets: RulesetDetail[],
  defaultBranch: string,
  wanted: string[],
): Promise<DoctorCheck> {
  const required = new Set<string>();
  const ref = `refs/heads/${defaultBranch}`;
  for (const r of rulesets) {
    if (r.target !== "branch" || r.enforcement !== "active" || !rulesetCovers(r, ref, defaultBranch))
      continue;
    for (const rule of r.rules ?? []) {
      if (rule.type !== "required_status_checks") continue;
      const params = rule.parameters as { required_status_checks?: { context: string }[] } | undefined;
      for (const c of params?.required_status_checks ?? []) required.add(c.context);
    }
  }
  const classic = await read(() => client.rest.repos.getBranchProtection({ ...repo, branch: defaultBranch }));
  if (classic.ok) {
    for (const c of classic.data.required_status_checks?.contexts ?? []) required.add(c);
    for (const c of classic.data.required_status_checks?.checks ?? []) required.add(c.context);
  } else if (classic.status !== 404 && required.size === 0) {
    return unreadable(base, classic, "Administration: read");
  }
  const missing = wanted.filter((c) => !required.has(c));
  if (missing.length === 0 && wanted.length > 0) {
    return { ...base, status: "ok", message: `requires ${wanted.join(", ")}` };
  }
  return {
    ...base,
    status: "warn",
    message: `${defaultBranch} does not require ${missing.join(", ")}: a pull request can merge with CI red`,
  };
}
