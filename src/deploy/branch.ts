import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { MlopsError } from "../errors/index.js";
import { git, gitCapture, gitRaw, gitStderrTail, remoteEnv } from "../git/index.js";
import type { Logger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import type { DeployConfig, RenderedEnvironment } from "./environment.js";

/** Where an environments branch lives and how to reach it. */
export interface EnvironmentsBranch {
  branch: string;
  /** The directory inside the branch holding `<environment>/`. */
  path: string;
  url: string;
  env: Record<string, string>;
  /** A private bare repository that fetches only the branch's tip (under `.mlops/state/`). */
  mirrorDir: string;
}

/** A racing writer makes our push non-fast-forward; each retry renders again on the new tip. */
const maxPushAttempts = 8;

const identity = {
  GIT_AUTHOR_NAME: "mlops",
  GIT_AUTHOR_EMAIL: "mlops@localhost",
  GIT_COMMITTER_NAME: "mlops",
  GIT_COMMITTER_EMAIL: "mlops@localhost",
};

/** URLs (`scheme://`, scp-like `user@host:path`) pass unchanged; a path is made absolute. */
function absoluteGitUrl(location: string, base: string): string {
  if (location.includes("://") || /^[^/]+:/.test(location)) return location;
  return isAbsolute(location) ? location : resolve(base, location);
}

/** The environments branch the config names: in `deploy.repository`, else in the repository's origin. */
export async function environmentsBranch(
  layout: RepoLayout,
  config: DeployConfig,
  token: string | undefined,
): Promise<EnvironmentsBranch> {
  let url: string;
  if (config.settings.repository) url = absoluteGitUrl(config.settings.repository, layout.root);
  else {
    const origin = await gitCapture(["remote", "get-url", "origin"], { cwd: layout.root });
    if (origin.code !== 0 || !origin.stdout.trim()) {
      throw new MlopsError(
        "not-found",
        `the environments branch '${config.settings.branch}' lives in the repository's origin, and ${layout.root} has none`,
        {
          file: ".mlops/config.yaml",
          field: "deploy.repository",
          hint: "name the repository in deploy.repository",
        },
      );
    }
    url = absoluteGitUrl(origin.stdout.trim(), layout.root);
  }
  const isHttp = /^https?:\/\//i.test(url);
  const key = createHash("sha256").update(`${url}\n${config.settings.branch}`).digest("hex").slice(0, 16);
  return {
    branch: config.settings.branch,
    path: config.settings.path,
    url,
    env: remoteEnv({ remote: url, ...(token && isHttp ? { token } : {}) }),
    mirrorDir: join(layout.stateDir, "environments", `${key}.git`),
  };
}

interface Tip {
  commit: string | undefined;
  tree: string | undefined;
}

async function mirror(target: EnvironmentsBranch): Promise<string> {
  const dir = target.mirrorDir;
  if (!existsSync(join(dir, "HEAD"))) {
    await mkdir(dir, { recursive: true });
    await git(["init", "--quiet", "--bare", dir], { cwd: dir });
  }
  return dir;
}

function describe(url: string): string {
  return url.replace(/\/\/[^/@]*@/, "//");
}

/** Fetches the branch's tip into a ref of its own (several writers may share the mirror). */
async function fetchTip(target: EnvironmentsBranch, dir: string): Promise<Tip> {
  const ref = `refs/mlops/env-${process.pid}-${randomBytes(4).toString("hex")}`;
  const fetched = await gitCapture(
    [
      "--git-dir",
      dir,
      "fetch",
      "--quiet",
      "--no-tags",
      "--depth=1",
      target.url,
      `+refs/heads/${target.branch}:${ref}`,
    ],
    { cwd: dir, env: target.env },
  );
  if (fetched.code !== 0) {
    if (/couldn't find remote ref/i.test(fetched.stderr)) return { commit: undefined, tree: undefined };
    throw new MlopsError(
      "remote",
      `could not fetch the environments branch '${target.branch}' of ${describe(target.url)}: ${gitStderrTail(fetched.stderr)}`,
      { hint: "check the repository URL and that the token may read it (MLOPS_GIT_TOKEN)" },
    );
  }
  try {
    const commit = (await git(["--git-dir", dir, "rev-parse", `${ref}^{commit}`], { cwd: dir })).trim();
    const tree = (await git(["--git-dir", dir, "rev-parse", `${commit}^{tree}`], { cwd: dir })).trim();
    return { commit, tree };
  } finally {
    await gitRaw(["--git-dir", dir, "update-ref", "-d", ref], { cwd: dir, okCodes: [1] });
  }
}

/** The tip's tree with `<path>/<environment>/` replaced by the rendering, built in a private index. */
async function stageTree(
  target: EnvironmentsBranch,
  dir: string,
  base: Tip,
  rendered: RenderedEnvironment,
): Promise<string> {
  const prefix = `${target.path}/${rendered.environment}/`;
  const index = join(dir, `mlops-index-${process.pid}-${randomBytes(4).toString("hex")}`);
  const env = { GIT_INDEX_FILE: index };
  try {
    await git(["--git-dir", dir, "read-tree", ...(base.tree ? [base.tree] : ["--empty"])], { cwd: dir, env });
    const lines: string[] = [];
    if (base.tree) {
      const listing = await git(
        ["--git-dir", dir, "ls-tree", "-r", "-z", "--name-only", base.tree, "--", prefix],
        {
          cwd: dir,
        },
      );
      for (const path of listing.split("\0").filter(Boolean)) {
        lines.push(`0 0000000000000000000000000000000000000000\t${path}`);
      }
    }
    for (const file of rendered.files) {
      const blob = (
        await git(["--git-dir", dir, "hash-object", "-w", "--stdin"], { cwd: dir, input: file.text })
      ).trim();
      lines.push(`100644 blob ${blob}\t${prefix}${file.path}`);
    }
    await git(["--git-dir", dir, "update-index", "--index-info"], {
      cwd: dir,
      env,
      input: `${lines.join("\n")}\n`,
    });
    return (await git(["--git-dir", dir, "write-tree"], { cwd: dir, env })).trim();
  } finally {
    await rm(index, { force: true });
  }
}

function commitMessage(rendered: RenderedEnvironment, reason: string | undefined): string {
  const models = rendered.models.map((m) => `${m.model} ${m.version}`).join(", ") || "no models";
  const body = rendered.models.map((m) => `- ${m.model} ${m.version}: ${m.image} (${m.tag})`);
  return [
    `${rendered.environment}: ${models}`,
    "",
    `Rendered by mlops from the registry (stage ${rendered.stage})${reason ? `: ${reason}` : ""}.`,
    ...(body.length ? ["", ...body] : []),
    "",
  ].join("\n");
}

export interface EnvironmentCommit {
  environment: string;
  stage: string;
  branch: string;
  /** The directory in the branch: `<path>/<environment>`. */
  directory: string;
  /** The branch's tip after this call: the new commit, or the one already holding this state. */
  commit: string | undefined;
  /** False when the branch already held exactly these manifests: nothing was committed. */
  created: boolean;
  attempts: number;
  models: RenderedEnvironment["models"];
}

export interface PublishOptions {
  /** Why, for the commit message (a merge, a release tag, a rollback). */
  reason?: string;
  logger?: Logger;
  /** Called before each push, with the attempt number (tests use it to race another writer). */
  beforePush?: (attempt: number) => Promise<void>;
}

/**
 * Commits an environment's manifests to the environments branch as one commit on top of its tip,
 * without a work tree: `render` gives the desired state, which replaces `<path>/<environment>/`
 * wholly; the same state as the tip commits nothing. A racing writer makes the push
 * non-fast-forward (pushing a ref is atomic, so exactly one wins); the loser fetches the new tip,
 * renders again from the registry as it is now, and pushes again, so neither write is lost and a
 * stale rendering never overwrites a newer one.
 */
export async function publishEnvironment(
  target: EnvironmentsBranch,
  render: () => Promise<RenderedEnvironment>,
  options: PublishOptions = {},
): Promise<EnvironmentCommit> {
  const dir = await mirror(target);
  let lastRefusal = "";
  for (let attempt = 1; attempt <= maxPushAttempts; attempt++) {
    const rendered = await render();
    const base = await fetchTip(target, dir);
    const tree = await stageTree(target, dir, base, rendered);
    const result = {
      environment: rendered.environment,
      stage: rendered.stage,
      branch: target.branch,
      directory: `${target.path}/${rendered.environment}`,
      attempts: attempt,
      models: rendered.models,
    };
    if (tree === base.tree) return { ...result, commit: base.commit, created: false };
    const commit = (
      await git(["--git-dir", dir, "commit-tree", tree, ...(base.commit ? ["-p", base.commit] : [])], {
        cwd: dir,
        input: commitMessage(rendered, options.reason),
        env: identity,
      })
    ).trim();
    await options.beforePush?.(attempt);
    // Not forced: the commit's parent is the tip we read, so the push fails unless that is still the tip.
    const pushed = await gitCapture(
      ["--git-dir", dir, "push", "--porcelain", target.url, `${commit}:refs/heads/${target.branch}`],
      { cwd: dir, env: target.env },
    );
    if (pushed.code === 0) {
      options.logger?.info(`${result.directory}: committed ${commit.slice(0, 12)} to ${target.branch}`);
      return { ...result, commit, created: true };
    }
    const refusal = pushed.stdout.split("\n").find((line) => line.startsWith("!"));
    if (
      !refusal ||
      !/fetch first|non-fast-forward|stale info|failed to (update|lock)|cannot lock|expected/.test(refusal)
    ) {
      throw new MlopsError(
        "remote",
        `could not push the environments branch '${target.branch}' to ${describe(target.url)}: ${gitStderrTail(refusal ?? pushed.stderr)}`,
        { hint: "check that the token may push (a workflow needs `permissions: contents: write`)" },
      );
    }
    lastRefusal = refusal;
    options.logger?.info(
      `${target.branch} moved while committing ${result.directory}; rendering again on its tip`,
    );
    await sleep(25 * attempt + Math.floor(Math.random() * 50));
  }
  throw new MlopsError(
    "conflict",
    `could not commit to the environments branch '${target.branch}': it kept moving (${maxPushAttempts} attempts; last: ${lastRefusal.trim()})`,
    { hint: "run the flow again: it renders from the registry, so a rerun completes the work" },
  );
}

export interface EnvironmentDiff {
  environment: string;
  stage: string;
  branch: string;
  directory: string;
  /** The tip the diff is against (undefined: the branch does not exist yet). */
  base: string | undefined;
  changed: boolean;
  files: { path: string; status: "added" | "modified" | "deleted" }[];
  /** `git diff` of the next commit, limited to the environment's directory. */
  patch: string;
}

/** What the next commit for this environment would change on the branch; nothing is pushed. */
export async function diffEnvironment(
  target: EnvironmentsBranch,
  rendered: RenderedEnvironment,
): Promise<EnvironmentDiff> {
  const dir = await mirror(target);
  const base = await fetchTip(target, dir);
  const tree = await stageTree(target, dir, base, rendered);
  const directory = `${target.path}/${rendered.environment}`;
  const from = base.tree ?? (await git(["--git-dir", dir, "mktree"], { cwd: dir, input: "" })).trim();
  const names = await git(
    ["--git-dir", dir, "diff-tree", "-r", "--name-status", "-z", from, tree, "--", `${directory}/`],
    {
      cwd: dir,
    },
  );
  const parts = names.split("\0").filter(Boolean);
  const files: EnvironmentDiff["files"] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const status = parts[i] === "A" ? "added" : parts[i] === "D" ? "deleted" : "modified";
    files.push({ path: parts[i + 1] as string, status });
  }
  const patch = await git(
    ["--git-dir", dir, "diff-tree", "-p", "--no-color", from, tree, "--", `${directory}/`],
    {
      cwd: dir,
    },
  );
  return {
    environment: rendered.environment,
    stage: rendered.stage,
    branch: target.branch,
    directory,
    base: base.commit,
    changed: files.length > 0,
    files,
    patch,
  };
}
