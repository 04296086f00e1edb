import { MlopsError } from "../errors/index.js";
import { type GitRemoteTarget, git, gitCapture, gitRaw, gitStderrTail, remoteEnv } from "../git/index.js";

/** Where registry tags are pushed: a git remote name or URL, with a token for HTTPS remotes like GitHub. */
export type TagRemote = GitRemoteTarget;

export interface Tagger {
  name: string;
  email: string;
}

/**
 * Creates an annotated tag whose tagger time is `time` (seconds): GTO orders events by that time,
 * so callers keep it strictly increasing along a stage's assignments.
 */
export async function createAnnotatedTag(
  cwd: string,
  options: { tag: string; commit: string; message: string; time: number; tagger?: Tagger },
): Promise<string> {
  const env: Record<string, string> = { GIT_COMMITTER_DATE: `${options.time} +0000` };
  const tagger = options.tagger ?? (await defaultTagger(cwd));
  if (tagger) {
    env.GIT_COMMITTER_NAME = tagger.name;
    env.GIT_COMMITTER_EMAIL = tagger.email;
  }
  const result = await gitCapture(
    ["tag", "-a", "--cleanup=verbatim", "-F", "-", options.tag, options.commit],
    { cwd, input: options.message, env },
  );
  if (result.code !== 0) {
    if (result.stderr.includes("already exists")) {
      throw new MlopsError("conflict", `tag '${options.tag}' already exists in this repository`);
    }
    throw new MlopsError("command-failed", `git tag failed: ${result.stderr.trim()}`);
  }
  return (await git(["rev-parse", `refs/tags/${options.tag}`], { cwd })).trim();
}

/** The configured identity, else a fixed one: a CI checkout often has no user.name. */
async function defaultTagger(cwd: string): Promise<Tagger | undefined> {
  const ident = await gitRaw(["var", "GIT_COMMITTER_IDENT"], { cwd, okCodes: [128] });
  if (ident.code === 0) return undefined;
  return { name: "mlops", email: "mlops@localhost" };
}

export async function deleteLocalTag(cwd: string, tag: string): Promise<void> {
  await gitRaw(["tag", "-d", tag], { cwd, okCodes: [1] });
}

/**
 * Pushes one tag. Creating a ref on a remote is atomic, so when two writers race for the same tag
 * exactly one wins; the loser gets "exists" and retries with fresh state.
 */
export async function pushTag(cwd: string, target: TagRemote, tag: string): Promise<"pushed" | "exists"> {
  const ref = `refs/tags/${tag}`;
  const env = remoteEnv(target);
  const result = await gitCapture(["push", "--porcelain", target.remote, `${ref}:${ref}`], {
    cwd,
    env,
  });
  if (result.code === 0) return "pushed";
  const rejected = result.stdout
    .split("\n")
    .some(
      (line) =>
        line.startsWith("!") && line.includes(ref) && /already exists|rejected|fetch first/.test(line),
    );
  if (rejected) return "exists";
  throw new MlopsError(
    "remote",
    `could not push ${tag} to ${target.remote}: ${gitStderrTail(result.stderr)}`,
    {
      hint: target.token
        ? undefined
        : "for an HTTPS remote, pass a token (GITHUB_TOKEN) or configure credentials",
    },
  );
}

/** Brings the remote's tags of one model into the local repository, replacing any that differ. */
export async function fetchModelTags(cwd: string, target: TagRemote, model: string): Promise<void> {
  const env = remoteEnv(target);
  const specs = [`+refs/tags/${model}@*:refs/tags/${model}@*`, `+refs/tags/${model}#*:refs/tags/${model}#*`];
  const result = await gitCapture(["fetch", "--quiet", "--no-tags", target.remote, ...specs], {
    cwd,
    env,
  });
  if (result.code !== 0) {
    throw new MlopsError(
      "remote",
      `could not fetch tags from ${target.remote}: ${gitStderrTail(result.stderr)}`,
    );
  }
}

/** Tag name → tag object id on the remote, for the registry tags of one model. */
export async function remoteModelTags(
  cwd: string,
  target: TagRemote,
  model: string,
): Promise<Map<string, string>> {
  const env = remoteEnv(target);
  const result = await gitCapture(
    ["ls-remote", "--tags", target.remote, `refs/tags/${model}@*`, `refs/tags/${model}#*`],
    { cwd, env },
  );
  if (result.code !== 0) {
    throw new MlopsError(
      "remote",
      `could not list tags on ${target.remote}: ${gitStderrTail(result.stderr)}`,
    );
  }
  const tags = new Map<string, string>();
  for (const line of result.stdout.split("\n")) {
    const [object, ref] = line.split("\t");
    if (!object || !ref || ref.endsWith("^{}")) continue;
    tags.set(ref.replace(/^refs\/tags\//, ""), object);
  }
  return tags;
}

/** The remote to push to: the one named, else `origin` when the repository has it, else none. */
export async function resolveTagRemote(
  cwd: string,
  requested: string | false | undefined,
  token: string | undefined,
): Promise<TagRemote | undefined> {
  if (requested === false) return undefined;
  if (requested) return { remote: requested, ...(token ? { token } : {}) };
  const remotes = (await git(["remote"], { cwd })).split("\n").filter(Boolean);
  return remotes.includes("origin") ? { remote: "origin", ...(token ? { token } : {}) } : undefined;
}
