// Third-party actions cannot be downloaded here, so each one a workflow of ours uses is replaced by
// a local equivalent that leaves the workspace as the real action would. Anything else is refused:
// a silent no-op would let a scenario pass that fails on GitHub.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { runProcess } from "./step-io.mjs";

/**
 * @typedef {object} EquivalentRunner
 * @property {string} repository            owner/name the job runs for
 * @property {string} sha
 * @property {string} ref
 * @property {string | ((repository: string) => string | undefined) | undefined} checkoutRemote
 * @property {string | undefined} artifactsDir
 */

/**
 * @typedef {object} EquivalentContext
 * @property {string} uses                  the step's `uses:` as written
 * @property {Record<string, string>} inputs
 * @property {string} workspace
 * @property {Record<string, string | undefined>} env the step's process environment
 * @property {(line: string) => void} log
 * @property {EquivalentRunner} runner
 */

/**
 * @typedef {object} EquivalentResult
 * @property {Record<string, string>} outputs
 * @property {string} note                   what was done, for the step's log and the result
 */

/**
 * @typedef {object} LocalEquivalent
 * @property {string} description
 * @property {(ctx: EquivalentContext) => Promise<EquivalentResult>} run
 */

/** Fails the step with a message; the runner shows it as the step's error. */
export class EquivalentFailure extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "EquivalentFailure";
  }
}

/**
 * Runs git, resolving to its stdout or failing the step with git's own words.
 * @param {string[]} args @param {string} cwd @param {Record<string, string | undefined>} env
 * @param {(line: string) => void} [log]
 */
async function git(args, cwd, env, log) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const err = [];
  const result = await runProcess({
    command: "git",
    args,
    cwd,
    env: { ...env, GIT_TERMINAL_PROMPT: "0" },
    onLine: (line, stream) => {
      (stream === "stdout" ? out : err).push(line);
      if (stream === "stderr" && log) log(line);
    },
  });
  if (result.exitCode !== 0) {
    throw new EquivalentFailure(`git ${args.join(" ")} failed (exit ${result.exitCode}): ${err.join("\n")}`);
  }
  return out.join("\n");
}

/** @param {string | undefined} value @param {boolean} fallback */
function inputFlag(value, fallback) {
  if (value === undefined || value === "") return fallback;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw new EquivalentFailure(`expected true or false, got '${value}'`);
}

/**
 * actions/checkout: a clone of the remote given to the runner at the event's commit. The choices of
 * the real action that later steps can observe are kept: shallow by default, every branch and tag
 * with `fetch-depth: 0`, the branch checked out with `-B` (so `git push` names it), and the token
 * kept as `http.<origin>/.extraheader` only while `persist-credentials` is true.
 * @param {EquivalentContext} ctx
 */
async function checkout(ctx) {
  const { inputs, runner, env, log } = ctx;
  const repository = inputs.repository || runner.repository;
  const remote =
    typeof runner.checkoutRemote === "function"
      ? runner.checkoutRemote(repository)
      : repository === runner.repository
        ? runner.checkoutRemote
        : undefined;
  if (!remote) {
    throw new EquivalentFailure(
      `no git remote for ${repository}: give the runner checkoutRemote (a bare repository path or URL)`,
    );
  }
  const target = resolve(ctx.workspace, inputs.path || ".");
  if (relative(ctx.workspace, target).startsWith("..")) {
    throw new EquivalentFailure(`path '${inputs.path}' is outside the workspace`);
  }
  const depth = Number(inputs["fetch-depth"] ?? "1");
  if (!Number.isInteger(depth) || depth < 0)
    throw new EquivalentFailure(`fetch-depth: expected a whole number, got '${inputs["fetch-depth"]}'`);
  const persist = inputFlag(inputs["persist-credentials"], true);
  const fetchTags = inputFlag(inputs["fetch-tags"], false);
  for (const unsupported of ["sparse-checkout", "submodules", "lfs"]) {
    const v = inputs[unsupported];
    if (v && v !== "false" && v !== "")
      throw new EquivalentFailure(`${unsupported}: not supported by the local checkout`);
  }

  // Like the action, start from an empty directory unless it already holds a clone of the same remote.
  mkdirSync(target, { recursive: true });
  const isRepo = existsSync(join(target, ".git"));
  if (isRepo) {
    await git(["remote", "set-url", "origin", remote], target, env);
    await git(["clean", "-ffdx"], target, env);
    await git(["reset", "--hard", "--quiet"], target, env).catch(() => "");
  } else {
    for (const entry of readdirSync(target)) rmSync(join(target, entry), { recursive: true, force: true });
    await git(["init", "-q", target], target, env);
    await git(["remote", "add", "origin", remote], target, env);
  }
  /** @type {string | undefined} */
  let headerKey;
  if (/^https?:\/\//i.test(remote)) {
    headerKey = `http.${new URL(remote).origin}/.extraheader`;
    const basic = Buffer.from(`x-access-token:${inputs.token ?? ""}`).toString("base64");
    await git(["config", "--local", "--unset-all", headerKey], target, env).catch(() => "");
    await git(["config", "--local", headerKey, `AUTHORIZATION: basic ${basic}`], target, env);
  }

  // What to check out: the `ref` input (a sha, a full ref, or a branch or tag name), else the event's.
  const refInput = inputs.ref ?? "";
  let sha = refInput === "" ? runner.sha : /^[0-9a-f]{40}$/i.test(refInput) ? refInput : "";
  let ref = refInput === "" ? runner.ref : /^[0-9a-f]{40}$/i.test(refInput) ? "" : refInput;
  if (ref !== "" && !ref.startsWith("refs/")) {
    const listed = await git(["ls-remote", "origin", `refs/heads/${ref}`, `refs/tags/${ref}`], target, env);
    if (listed.includes(`refs/heads/${ref}`)) ref = `refs/heads/${ref}`;
    else if (listed.includes(`refs/tags/${ref}`)) ref = `refs/tags/${ref}`;
    else throw new EquivalentFailure(`ref '${refInput}' is neither a branch nor a tag of ${repository}`);
  }
  const localRef = ref.startsWith("refs/heads/")
    ? `refs/remotes/origin/${ref.slice("refs/heads/".length)}`
    : ref.startsWith("refs/tags/")
      ? ref
      : ref.startsWith("refs/")
        ? `refs/remotes/${ref.slice("refs/".length)}`
        : "";

  const fetch = ["-c", "protocol.version=2", "fetch", "--prune", "--no-recurse-submodules"];
  if (depth === 0) {
    const refspecs = ["+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"];
    if (localRef !== "" && !ref.startsWith("refs/heads/") && !ref.startsWith("refs/tags/") && sha === "") {
      refspecs.push(`+${ref}:${localRef}`);
    }
    await git([...fetch, "origin", ...refspecs], target, env, log);
    const present =
      sha !== "" && (await git(["cat-file", "-t", sha], target, env).catch(() => "")) === "commit";
    if (sha !== "" && !present) await git([...fetch, "origin", sha], target, env, log);
  } else {
    const source = sha !== "" ? sha : ref;
    if (source === "")
      throw new EquivalentFailure("nothing to check out: the runner has neither sha nor ref");
    const refspec = localRef !== "" ? `+${source}:${localRef}` : source;
    const args = [...fetch, ...(fetchTags ? [] : ["--no-tags"]), `--depth=${depth}`, "origin", refspec];
    if (fetchTags) args.push("+refs/tags/*:refs/tags/*");
    await git(args, target, env, log);
  }

  if (ref.startsWith("refs/heads/")) {
    const branch = ref.slice("refs/heads/".length);
    await git(["checkout", "--quiet", "--force", "-B", branch, sha !== "" ? sha : localRef], target, env);
  } else {
    await git(["checkout", "--quiet", "--force", sha !== "" ? sha : localRef], target, env);
  }
  if (!persist && headerKey) await git(["config", "--local", "--unset-all", headerKey], target, env);
  const commit = await git(["rev-parse", "HEAD"], target, env);
  sha = commit.trim();
  return {
    outputs: { ref, commit: sha },
    note: `cloned ${remote} into ${relative(ctx.workspace, target) || "."} at ${sha.slice(0, 12)}${ref ? ` (${ref})` : ""}, ${depth === 0 ? "all history and tags" : `depth ${depth}`}, credentials ${persist && headerKey ? "persisted" : "not persisted"}`,
  };
}

/**
 * actions/setup-node: this machine's node stands in for the requested one; a major below 20 (the
 * project's floor) fails the step, a different major than requested is noted.
 * @param {EquivalentContext} ctx
 */
async function setupNode(ctx) {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 20) throw new EquivalentFailure(`node ${process.version} is below 20, the project's minimum`);
  const requested = ctx.inputs["node-version"] || "(none)";
  const requestedMajor = Number(/^v?(\d+)/.exec(requested)?.[1] ?? Number.NaN);
  const differs = Number.isFinite(requestedMajor) && requestedMajor !== major;
  return {
    outputs: { "node-version": process.version, "cache-hit": "false" },
    note: `requested node ${requested}; using this machine's ${process.version}${differs ? " (a different major)" : ""}`,
  };
}

/** @param {string} text */
function hasGlob(text) {
  return /[*?[]/.test(text);
}

/**
 * The glob syntax of @actions/glob (upload-artifact paths): `*` within a segment, `**` across, `?`
 * one character, `[…]` a class. @param {string} pattern absolute, with / separators
 */
function pathGlobToRegExp(pattern) {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "*" && pattern[i + 1] === "*") {
      // `dir/**/x` also matches `dir/x`.
      if (pattern[i + 2] === "/") {
        out += "(?:.*/)?";
        i += 2;
      } else {
        out += ".*";
        i++;
      }
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += pattern.slice(i, end + 1);
        i = end;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/**
 * The files an upload-artifact `path:` names and the root they are stored relative to: the
 * directory part before the first wildcard of each line, and the least common ancestor of those.
 * @param {string} pathInput @param {string} workspace
 */
export function artifactFiles(pathInput, workspace) {
  const lines = pathInput
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const includes = lines.filter((l) => !l.startsWith("!"));
  const excludes = lines
    .filter((l) => l.startsWith("!"))
    .map((l) => pathGlobToRegExp(resolve(workspace, l.slice(1))));
  /** @type {Set<string>} */
  const files = new Set();
  /** @type {string[]} */
  const roots = [];
  for (const line of includes) {
    const absolute = resolve(workspace, line);
    if (!hasGlob(absolute)) {
      const isFile = existsSync(absolute) && statSync(absolute).isFile();
      roots.push(isFile ? dirname(absolute) : absolute);
      for (const f of filesUnder(absolute)) files.add(f);
      continue;
    }
    const segments = absolute.split("/");
    const firstGlob = segments.findIndex(hasGlob);
    const base = segments.slice(0, firstGlob).join("/") || "/";
    roots.push(base);
    const re = pathGlobToRegExp(absolute);
    for (const f of filesUnder(base)) if (re.test(f)) files.add(f);
  }
  const kept = [...files].filter((f) => !excludes.some((re) => re.test(f))).sort();
  let root = roots[0] ?? workspace;
  for (const r of roots.slice(1)) {
    while (r !== root && !r.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) root = dirname(root);
  }
  return { files: kept, root };
}

/** @param {EquivalentContext} ctx */
function artifactsDirOf(ctx) {
  const dir = ctx.runner.artifactsDir;
  if (!dir) throw new EquivalentFailure("no artifact directory: give the runner artifactsDir");
  return dir;
}

/** Whether the step's environment reaches an Actions results service (the GitHub double's). @param {EquivalentContext} ctx */
function hasResultsService(ctx) {
  return Boolean(ctx.env.ACTIONS_RUNTIME_TOKEN && ctx.env.ACTIONS_RESULTS_URL);
}

const artifactServiceScript = fileURLToPath(new URL("./artifact-service.mjs", import.meta.url));

/**
 * Runs artifact-service.mjs; `@actions/artifact` logs on stdout too, so the answer is its last line.
 * @param {EquivalentContext} ctx @param {string[]} args
 */
async function artifactService(ctx, args) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const err = [];
  const result = await runProcess({
    command: process.execPath,
    args: [artifactServiceScript, ...args],
    cwd: ctx.workspace,
    env: ctx.env,
    onLine: (line, stream) => {
      (stream === "stdout" ? out : err).push(line);
      ctx.log(line);
    },
  });
  if (result.exitCode !== 0) throw new EquivalentFailure(`results service: ${err.join("\n")}`);
  const answer = out.filter((l) => l.trim() !== "").pop() ?? "";
  try {
    return JSON.parse(answer);
  } catch {
    throw new EquivalentFailure(`results service: unexpected answer '${answer}'`);
  }
}

/**
 * actions/upload-artifact: the files are copied to `<artifactsDir>/<name>/` (relative to their
 * root, as the real action stores them) and, when the job has a results service, uploaded to it
 * with the same `@actions/artifact` client the real action uses.
 * @param {EquivalentContext} ctx
 */
async function uploadArtifact(ctx) {
  const name = ctx.inputs.name || "artifact";
  if (/[":<>|*?\r\n\\/]/.test(name))
    throw new EquivalentFailure(`name '${name}' has a character artifacts may not use`);
  const ifNone = ctx.inputs["if-no-files-found"] || "warn";
  const { files, root } = artifactFiles(ctx.inputs.path ?? "", ctx.workspace);
  if (files.length === 0) {
    const message = `no files were found with the provided path: ${ctx.inputs.path}`;
    if (ifNone === "error") throw new EquivalentFailure(message);
    if (ifNone === "warn") ctx.log(`::warning::${message}. No artifacts will be uploaded.`);
    return { outputs: {}, note: `nothing uploaded (${message})` };
  }
  const dest = join(artifactsDirOf(ctx), name);
  if (existsSync(dest)) {
    if (!inputFlag(ctx.inputs.overwrite, false)) {
      throw new EquivalentFailure(
        `an artifact named '${name}' already exists in this run (set overwrite: true)`,
      );
    }
    rmSync(dest, { recursive: true, force: true });
  }
  for (const file of files) {
    const to = join(dest, relative(root, file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
  /** @type {Record<string, string>} */
  const outputs = {};
  let service = "";
  if (hasResultsService(ctx)) {
    const uploaded = await artifactService(ctx, [
      "upload",
      name,
      root,
      ctx.inputs["retention-days"] ?? "",
      ...files,
    ]);
    outputs["artifact-id"] = String(uploaded.id);
    if (uploaded.digest) outputs["artifact-digest"] = String(uploaded.digest);
    const server = ctx.env.GITHUB_SERVER_URL ?? "";
    outputs["artifact-url"] =
      `${server}/${ctx.env.GITHUB_REPOSITORY}/actions/runs/${ctx.env.GITHUB_RUN_ID}/artifacts/${uploaded.id}`;
    service = `, uploaded to the results service as artifact ${uploaded.id}`;
  }
  return { outputs, note: `stored ${files.length} file(s) as artifact '${name}' in ${dest}${service}` };
}

/**
 * actions/download-artifact: from `<artifactsDir>/<name>/`, else (with a results service in the
 * step's environment) from the service, which is how another run's artifact arrives.
 * @param {EquivalentContext} ctx
 */
async function downloadArtifact(ctx) {
  const name = ctx.inputs.name ?? "";
  const into = resolve(ctx.workspace, ctx.inputs.path || ".");
  if (name === "") {
    const dir = artifactsDirOf(ctx);
    const names = existsSync(dir) ? readdirSync(dir) : [];
    for (const n of names) cpSync(join(dir, n), join(into, n), { recursive: true });
    return { outputs: { "download-path": into }, note: `copied ${names.length} artifact(s) into ${into}` };
  }
  const local = ctx.runner.artifactsDir ? join(ctx.runner.artifactsDir, name) : "";
  const runId = ctx.inputs["run-id"] ?? "";
  if (local !== "" && existsSync(local) && runId === "") {
    mkdirSync(into, { recursive: true });
    cpSync(local, into, { recursive: true });
    return {
      outputs: { "download-path": into },
      note: `copied artifact '${name}' from ${local} into ${into}`,
    };
  }
  if (hasResultsService(ctx)) {
    const got = await artifactService(ctx, ["download", name, into, runId, ctx.inputs["github-token"] ?? ""]);
    return {
      outputs: { "download-path": into },
      note: `downloaded artifact '${name}' (id ${got.id}) from the results service`,
    };
  }
  throw new EquivalentFailure(`artifact '${name}' not found${local ? ` in ${dirname(local)}` : ""}`);
}

/** The table of replaced actions, by `owner/name` (any ref, pinned SHAs included). @type {Record<string, LocalEquivalent>} */
export const LOCAL_EQUIVALENTS = {
  "actions/checkout": {
    description:
      "git clone of the runner's checkoutRemote at the event's commit (fetch-depth, ref, path, persist-credentials honoured)",
    run: checkout,
  },
  "actions/setup-node": {
    description: "this machine's node (major 20 or later), the requested version noted",
    run: setupNode,
  },
  "actions/upload-artifact": {
    description:
      "copy into the runner's artifactsDir/<name>, and upload to the results service when the job has one",
    run: uploadArtifact,
  },
  "actions/download-artifact": {
    description: "copy from the runner's artifactsDir/<name>, else download from the results service",
    run: downloadArtifact,
  },
};

/**
 * The equivalent of a `uses:` naming a repository action, matched on owner/name whatever the ref.
 * @param {string} uses
 * @returns {{key: string, equivalent: LocalEquivalent | undefined}}
 */
export function findEquivalent(uses) {
  const [path = ""] = uses.split("@");
  const key = path.split("/").slice(0, 2).join("/").toLowerCase();
  return { key, equivalent: Object.hasOwn(LOCAL_EQUIVALENTS, key) ? LOCAL_EQUIVALENTS[key] : undefined };
}
