import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { MlopsError } from "../errors/index.js";
import { git, gitCapture, gitRaw, gitStderrTail, readBlobs, remoteEnv } from "../git/index.js";
import { repoLayout } from "../repo/index.js";
import { isObjectId, type ObjectId } from "./object-id.js";
import { checkRecordPath } from "./record-path.js";
import type { Remote, RemoteSpec } from "./remote.js";
import type { RemoteEnv } from "./write-guard.js";

export const gitBranchScheme = "git-branch:";

/**
 * GitHub refuses a push holding a file over 100 MiB
 * (https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github),
 * so such an object is refused before anything is sent. `MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES` lowers
 * (or, for a git server without that rule, raises) it.
 */
export const defaultMaxObjectBytes = 100 * 1024 * 1024;

/** GitHub refuses a push over 2 GiB; objects are split across commits well below that. */
const maxBatchBytes = 1024 * 1024 * 1024;

/** A racing writer makes our push non-fast-forward; each retry starts from the tip it pushed. */
const maxPushAttempts = 6;

const tipRef = "refs/mlops/tip";
const emptyBlobLine = "0 0000000000000000000000000000000000000000";
const identity = {
  GIT_AUTHOR_NAME: "mlops",
  GIT_AUTHOR_EMAIL: "mlops@localhost",
  GIT_COMMITTER_NAME: "mlops",
  GIT_COMMITTER_EMAIL: "mlops@localhost",
};

export interface GitBranchSettings {
  /** The branch holding the objects; created by the first push. */
  branch: string;
  /** Where that branch lives: a URL or an absolute path; undefined means the repository's `origin`. */
  gitUrl: string | undefined;
  repoRoot: string;
  /** The private bare repository that fetches only this branch (under `.mlops/state/`, git-ignored). */
  mirrorDir: string;
  /** Sent as GitHub expects (`x-access-token` basic auth) to http(s) URLs only. */
  token?: string;
  maxObjectBytes: number;
}

interface Snapshot {
  commit: string | undefined;
  tree: string | undefined;
  /** Path in the branch → blob id. */
  files: Map<string, string>;
}

/** A staged addition (blob id) or removal (null) at a path. */
type Change = { blob: string; size: number } | null;

/**
 * `git-branch:BRANCH` (a branch of the repository's `origin`) or `git-branch:BRANCH@GIT-URL` (a
 * branch of any git URL or path; a relative path is taken from the repository root). BRANCH cannot
 * contain `@`, so the first `@` always ends it.
 */
export function parseGitBranchUrl(
  name: string,
  url: string,
  repoRoot: string,
): { branch: string; gitUrl: string | undefined } {
  const rest = url.slice(gitBranchScheme.length);
  const at = rest.indexOf("@");
  const branch = at < 0 ? rest : rest.slice(0, at);
  const location = at < 0 ? undefined : rest.slice(at + 1);
  if (!isPlainBranchName(branch) || location === "") {
    const expected =
      "git-branch:BRANCH or git-branch:BRANCH@GIT-URL, BRANCH made of letters, digits, '.', '_', '-' and '/'";
    throw new MlopsError(
      "usage",
      `remote '${name}': '${url}' is not a git-branch remote: expected ${expected}`,
      {
        field: `remotes.${name}.url`,
        expected,
        got: url,
      },
    );
  }
  return { branch, gitUrl: location === undefined ? undefined : absoluteGitUrl(location, repoRoot) };
}

/** A safe subset of git's ref-name rules: enough for an objects branch, and never an option. */
function isPlainBranchName(branch: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) &&
    !branch.includes("..") &&
    !branch.includes("//") &&
    !branch.endsWith("/") &&
    !branch.endsWith(".") &&
    !branch.endsWith(".lock")
  );
}

/** URLs (`scheme://`, scp-like `user@host:path`) pass unchanged; a path is made absolute. */
function absoluteGitUrl(location: string, base: string): string {
  if (location.includes("://") || /^[^/]+:/.test(location)) return location;
  return isAbsolute(location) ? location : resolve(base, location);
}

export function openGitBranchRemote(spec: RemoteSpec, repoRoot: string, env: RemoteEnv): GitBranchRemote {
  const { branch, gitUrl } = parseGitBranchUrl(spec.name, spec.url, repoRoot);
  const limitText = env.MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES?.trim();
  const maxObjectBytes = limitText ? Number(limitText) : defaultMaxObjectBytes;
  if (!Number.isSafeInteger(maxObjectBytes) || maxObjectBytes < 1) {
    throw new MlopsError(
      "usage",
      "MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES must be a positive whole number of bytes",
      {
        got: limitText,
      },
    );
  }
  const token = env.MLOPS_GIT_TOKEN || env.GITHUB_TOKEN || undefined;
  return new GitBranchRemote(spec.name, spec.url, {
    branch,
    gitUrl,
    repoRoot,
    mirrorDir: join(repoLayout(repoRoot).stateDir, "git-branch", `${spec.name}.git`),
    maxObjectBytes,
    ...(token ? { token } : {}),
  });
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The cache's layout with git's separators, whatever the platform's. */
function objectPath(oid: ObjectId): string {
  return `sha256/${oid.slice(0, 2)}/${oid.slice(2)}`;
}

/**
 * Objects kept as files on a dedicated orphan branch of a git repository, laid out like the cache,
 * run-cache records at their record paths. Reachable with nothing but a workflow token that may push
 * (contents: write), and `actions/checkout` fetches only the ref it checks out, so clones of the
 * project never download it.
 *
 * Writes are staged in a private bare mirror and published by `flush()` as one commit on top of the
 * fetched tip; a racing writer makes that push non-fast-forward, and the loser fetches, re-applies
 * its changes to the new tip and pushes again.
 */
export class GitBranchRemote implements Remote {
  private snapshotPromise: Promise<Snapshot> | undefined;
  private mirrorPromise: Promise<string> | undefined;
  private targetPromise: Promise<{ url: string; env: Record<string, string> }> | undefined;
  private readonly staged = new Map<string, Change>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly url: string,
    readonly settings: GitBranchSettings,
  ) {}

  async has(oids: readonly ObjectId[]): Promise<Set<ObjectId>> {
    const snapshot = await this.snapshot();
    return new Set(oids.filter((oid) => this.blobAt(snapshot, objectPath(oid)) !== undefined));
  }

  async list(): Promise<ObjectId[]> {
    const snapshot = await this.snapshot();
    const paths = new Set([...snapshot.files.keys(), ...this.staged.keys()]);
    const out: ObjectId[] = [];
    for (const path of paths) {
      const match = /^sha256\/([0-9a-f]{2})\/([^/]+)$/.exec(path);
      if (!match) continue;
      const oid = `${match[1]}${match[2]}`;
      if (isObjectId(oid) && this.blobAt(snapshot, path) !== undefined) out.push(oid);
    }
    return out.sort();
  }

  async upload(oid: ObjectId, srcPath: string): Promise<void> {
    const { size } = await stat(srcPath);
    if (size > this.settings.maxObjectBytes) {
      throw new MlopsError(
        "refused",
        `object ${oid} is ${formatSize(size)}, over the ${formatSize(this.settings.maxObjectBytes)} a file may have on the git-branch remote '${this.name}' (GitHub refuses pushes of files over 100 MiB)`,
        {
          field: oid,
          hint: "keep large data on a directory remote (`mlops remote add NAME PATH --default`); MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES sets this limit for other git servers",
        },
      );
    }
    const mirror = await this.mirror();
    const blob = (
      await git(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--", srcPath], { cwd: mirror })
    ).trim();
    this.staged.set(objectPath(oid), { blob, size });
  }

  /**
   * Hashes many objects into the mirror with one `git hash-object --stdin-paths` instead of a
   * process each; staged like `upload`, so nothing is visible before `flush`.
   */
  async uploadMany(items: readonly { oid: ObjectId; srcPath: string }[]): Promise<void> {
    const batch: { oid: ObjectId; srcPath: string; size: number }[] = [];
    for (const { oid, srcPath } of items) {
      const { size } = await stat(srcPath);
      // The one-object path refuses an object over the limit, saying why; and a path holding a
      // newline cannot go on a line of --stdin-paths.
      if (size > this.settings.maxObjectBytes || srcPath.includes("\n")) await this.upload(oid, srcPath);
      else batch.push({ oid, srcPath, size });
    }
    if (batch.length === 0) return;
    const mirror = await this.mirror();
    const out = await git(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--stdin-paths"], {
      cwd: mirror,
      input: Buffer.from(`${batch.map((i) => i.srcPath).join("\n")}\n`),
    });
    const blobs = out.split("\n").filter((line) => line !== "");
    if (blobs.length !== batch.length) {
      throw new MlopsError(
        "remote",
        `git hash-object answered ${blobs.length} ids for ${batch.length} objects on remote '${this.name}'`,
      );
    }
    for (const [i, { oid, size }] of batch.entries()) {
      this.staged.set(objectPath(oid), { blob: blobs[i] as string, size });
    }
  }

  /** Many small objects' bytes through one `git cat-file --batch`; the caller verifies each. */
  async downloadManyBytes(oids: readonly ObjectId[]): Promise<Map<ObjectId, Buffer>> {
    const snapshot = await this.snapshot();
    const blobs = oids.map((oid) => {
      const blob = this.blobAt(snapshot, objectPath(oid));
      if (blob === undefined) {
        throw new MlopsError("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
          field: oid,
        });
      }
      return blob;
    });
    const mirror = await this.mirror();
    const contents = await readBlobs(mirror, blobs);
    const out = new Map<ObjectId, Buffer>();
    for (const [i, oid] of oids.entries()) {
      const bytes = contents.get(blobs[i] as string);
      if (bytes === undefined) {
        throw new MlopsError(
          "remote",
          `object ${oid} could not be read from remote '${this.name}' (${this.url})`,
          {
            field: oid,
          },
        );
      }
      out.set(oid, bytes);
    }
    return out;
  }

  async download(oid: ObjectId, destPath: string): Promise<void> {
    const blob = this.blobAt(await this.snapshot(), objectPath(oid));
    if (blob === undefined) {
      throw new MlopsError("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
        field: oid,
      });
    }
    await this.catBlobToFile(blob, destPath, oid);
  }

  async remove(oid: ObjectId): Promise<void> {
    const path = objectPath(oid);
    const snapshot = await this.snapshot();
    if (snapshot.files.has(path)) this.staged.set(path, null);
    else this.staged.delete(path);
  }

  async readRecord(relPath: string): Promise<Buffer | undefined> {
    const blob = this.blobAt(await this.snapshot(), checkRecordPath(relPath));
    if (blob === undefined) return undefined;
    const mirror = await this.mirror();
    return (await gitRaw(["--git-dir", mirror, "cat-file", "blob", blob], { cwd: mirror })).stdout;
  }

  async writeRecord(relPath: string, bytes: Uint8Array): Promise<void> {
    const path = checkRecordPath(relPath);
    const snapshot = await this.snapshot();
    const mirror = await this.mirror();
    const blob = (
      await git(["--git-dir", mirror, "hash-object", "-w", "--stdin"], {
        cwd: mirror,
        input: Buffer.from(bytes),
      })
    ).trim();
    // An unchanged record stages nothing, so pushing the same runs again makes no commit.
    if (this.blobAt(snapshot, path) === blob) return;
    this.staged.set(path, { blob, size: bytes.byteLength });
  }

  /** Publishes everything staged: one commit per batch (usually one in all), none when nothing changed. */
  flush(): Promise<void> {
    const next = this.flushing.then(() => this.flushStaged());
    this.flushing = next.catch(() => {});
    return next;
  }

  private async flushStaged(): Promise<void> {
    for (const batch of this.batches()) await this.publish(batch);
  }

  /**
   * Removals first, then objects in the order they were staged, records last: a run-cache record
   * never lands in a commit before the outputs it names.
   */
  private batches(): [string, Change][][] {
    const changes = [...this.staged.entries()];
    const ordered = [
      ...changes.filter(([, change]) => change === null),
      ...changes.filter(([path, change]) => change !== null && path.startsWith("sha256/")),
      ...changes.filter(([path, change]) => change !== null && !path.startsWith("sha256/")),
    ];
    const out: [string, Change][][] = [];
    let current: [string, Change][] = [];
    let bytes = 0;
    for (const entry of ordered) {
      const size = entry[1]?.size ?? 0;
      if (current.length > 0 && bytes + size > maxBatchBytes) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(entry);
      bytes += size;
    }
    if (current.length > 0) out.push(current);
    return out;
  }

  private async publish(changes: [string, Change][]): Promise<void> {
    const mirror = await this.mirror();
    const { url, env } = await this.target();
    let lastRefusal = "";
    for (let attempt = 1; attempt <= maxPushAttempts; attempt++) {
      const base = await this.snapshot();
      const tree = await this.buildTree(base, changes);
      if (tree === base.tree) {
        // Everything is already there (someone pushed the same objects): nothing to commit.
        this.settle(changes, base, base.commit, tree);
        return;
      }
      const commit = (
        await git(["--git-dir", mirror, "commit-tree", tree, ...(base.commit ? ["-p", base.commit] : [])], {
          cwd: mirror,
          input: commitMessage(changes),
          env: identity,
        })
      ).trim();
      const result = await gitCapture(
        ["--git-dir", mirror, "push", "--porcelain", url, `${commit}:refs/heads/${this.settings.branch}`],
        { cwd: mirror, env },
      );
      if (result.code === 0) {
        await git(["--git-dir", mirror, "update-ref", tipRef, commit], { cwd: mirror });
        this.settle(changes, base, commit, tree);
        return;
      }
      const refusal = result.stdout.split("\n").find((line) => line.startsWith("!"));
      if (
        !refusal ||
        !/fetch first|non-fast-forward|stale info|failed to (update|lock)|cannot lock|expected/.test(refusal)
      ) {
        throw new MlopsError(
          "remote",
          `could not push to branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${gitStderrTail(refusal ?? result.stderr)}`,
          {
            hint: this.settings.token
              ? "check that the token may push (a workflow needs `permissions: contents: write`)"
              : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
          },
        );
      }
      lastRefusal = refusal;
      // Someone else moved the branch: take their tip and re-apply our changes on top of it.
      this.snapshotPromise = this.fetchSnapshot();
      await sleep(50 * attempt + Math.floor(Math.random() * 100));
    }
    throw new MlopsError(
      "conflict",
      `could not push to branch '${this.settings.branch}' for remote '${this.name}': it kept moving (${maxPushAttempts} attempts; last: ${lastRefusal.trim()})`,
      { hint: "run the push again" },
    );
  }

  /** After a publish: the branch now holds these changes, so they are no longer staged. */
  private settle(
    changes: [string, Change][],
    base: Snapshot,
    commit: string | undefined,
    tree: string,
  ): void {
    const files = new Map(base.files);
    for (const [path, change] of changes) {
      if (change === null) files.delete(path);
      else files.set(path, change.blob);
      if (this.staged.get(path) === change) this.staged.delete(path);
    }
    this.snapshotPromise = Promise.resolve({ commit, tree, files });
  }

  /** Applies `changes` to `base`'s tree in a private index, so the staging never touches a work tree. */
  private async buildTree(base: Snapshot, changes: [string, Change][]): Promise<string> {
    const mirror = await this.mirror();
    const index = join(mirror, `mlops-index-${process.pid}-${randomBytes(4).toString("hex")}`);
    const env = { GIT_INDEX_FILE: index };
    try {
      await git(["--git-dir", mirror, "read-tree", ...(base.tree ? [base.tree] : ["--empty"])], {
        cwd: mirror,
        env,
      });
      const lines = changes.map(([path, change]) =>
        change === null ? `${emptyBlobLine}\t${path}` : `100644 blob ${change.blob}\t${path}`,
      );
      await git(["--git-dir", mirror, "update-index", "--index-info"], {
        cwd: mirror,
        env,
        input: `${lines.join("\n")}\n`,
      });
      return (await git(["--git-dir", mirror, "write-tree"], { cwd: mirror, env })).trim();
    } finally {
      await rm(index, { force: true });
    }
  }

  private blobAt(snapshot: Snapshot, path: string): string | undefined {
    if (this.staged.has(path)) return this.staged.get(path)?.blob;
    return snapshot.files.get(path);
  }

  private snapshot(): Promise<Snapshot> {
    this.snapshotPromise ??= this.fetchSnapshot();
    return this.snapshotPromise;
  }

  /** Fetches only the branch's tip (depth 1: old commits hold nothing the tip lacks but removed objects). */
  private async fetchSnapshot(): Promise<Snapshot> {
    // The committed config names origin's branch; a clone with no origin (a scratch copy, a git
    // worktree) has had nothing pushed, so it reads as empty, and pull falls back to each dataset's
    // recorded source. Writing still needs the origin (publish asks for its URL and says so).
    if (this.settings.gitUrl === undefined && !(await this.hasOrigin())) {
      return { commit: undefined, tree: undefined, files: new Map() };
    }
    const mirror = await this.mirror();
    const { url, env } = await this.target();
    const fetched = await gitCapture(
      [
        "--git-dir",
        mirror,
        "fetch",
        "--quiet",
        "--no-tags",
        "--depth=1",
        url,
        `+refs/heads/${this.settings.branch}:${tipRef}`,
      ],
      { cwd: mirror, env },
    );
    if (fetched.code !== 0) {
      if (/couldn't find remote ref/i.test(fetched.stderr)) {
        // No branch yet: the first flush creates it as an orphan.
        await gitRaw(["--git-dir", mirror, "update-ref", "-d", tipRef], { cwd: mirror, okCodes: [1] });
        return { commit: undefined, tree: undefined, files: new Map() };
      }
      throw new MlopsError(
        "remote",
        `could not fetch branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${gitStderrTail(fetched.stderr)}`,
        {
          hint: this.settings.token
            ? "check the token and the repository URL"
            : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
        },
      );
    }
    const commit = (
      await git(["--git-dir", mirror, "rev-parse", `${tipRef}^{commit}`], { cwd: mirror })
    ).trim();
    const tree = (await git(["--git-dir", mirror, "rev-parse", `${commit}^{tree}`], { cwd: mirror })).trim();
    const listing = await git(["--git-dir", mirror, "ls-tree", "-r", "-z", "--full-tree", tree], {
      cwd: mirror,
    });
    const files = new Map<string, string>();
    for (const record of listing.split("\0")) {
      const tab = record.indexOf("\t");
      if (tab < 0) continue;
      const [, type, blob] = record.slice(0, tab).split(" ");
      if (type === "blob" && blob) files.set(record.slice(tab + 1), blob);
    }
    return { commit, tree, files };
  }

  private mirror(): Promise<string> {
    this.mirrorPromise ??= (async () => {
      const dir = this.settings.mirrorDir;
      if (!existsSync(join(dir, "HEAD"))) {
        await mkdir(dir, { recursive: true });
        await git(["init", "--quiet", "--bare", dir], { cwd: dir });
      }
      return dir;
    })();
    return this.mirrorPromise;
  }

  /**
   * The URL and the environment to reach it with. A token (MLOPS_GIT_TOKEN / GITHUB_TOKEN) goes the
   * registry's way; without one, the mirror borrows the work tree's `http.*.extraheader` settings,
   * which is where `actions/checkout` keeps the workflow token, since the mirror has no config of its own.
   */
  private target(): Promise<{ url: string; env: Record<string, string> }> {
    this.targetPromise ??= (async () => {
      const url = this.settings.gitUrl ?? (await this.originUrl());
      const isHttp = /^https?:\/\//i.test(url);
      if (this.settings.token && isHttp)
        return { url, env: remoteEnv({ remote: url, token: this.settings.token }) };
      const env = { ...remoteEnv({ remote: url }), ...(await this.borrowedHeaders()) };
      return { url, env };
    })();
    return this.targetPromise;
  }

  private async hasOrigin(): Promise<boolean> {
    const result = await gitCapture(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
    return result.code === 0 && result.stdout.trim() !== "";
  }

  private async originUrl(): Promise<string> {
    const result = await gitCapture(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
    const url = result.stdout.trim();
    if (result.code !== 0 || !url) {
      throw new MlopsError(
        "not-found",
        `remote '${this.name}' (${this.url}) uses the repository's 'origin', and ${this.settings.repoRoot} has none`,
        { hint: `name the repository: git-branch:${this.settings.branch}@URL` },
      );
    }
    return absoluteGitUrl(url, this.settings.repoRoot);
  }

  private async borrowedHeaders(): Promise<Record<string, string>> {
    const result = await gitRaw(
      ["config", "--local", "--includes", "--null", "--get-regexp", "^http\\..*extraheader$"],
      { cwd: this.settings.repoRoot, okCodes: [1, 128] },
    );
    if (result.code !== 0) return {};
    const env: Record<string, string> = {};
    let count = 0;
    for (const item of result.stdout.toString("utf8").split("\0")) {
      const newline = item.indexOf("\n");
      if (newline < 0) continue;
      env[`GIT_CONFIG_KEY_${count}`] = item.slice(0, newline);
      env[`GIT_CONFIG_VALUE_${count}`] = item.slice(newline + 1);
      count++;
    }
    if (count > 0) env.GIT_CONFIG_COUNT = String(count);
    return env;
  }

  /** Credentials never belong in a message: strip any `user:pass@` from a URL before showing it. */
  private describeTarget(url: string): string {
    return url.replace(/\/\/[^/@]*@/, "//");
  }

  /**
   * Streams the blob into `destPath`: objects run to 100 MiB and several download at once, so they
   * are not held in memory as the git wrapper's captured output would be.
   */
  private async catBlobToFile(blob: string, destPath: string, oid: ObjectId): Promise<void> {
    const mirror = await this.mirror();
    const child = spawn("git", ["--git-dir", mirror, "cat-file", "blob", blob], {
      cwd: mirror,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const exited = new Promise<number>((resolveExit, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolveExit(code ?? 1));
    });
    try {
      const [, code] = await Promise.all([pipeline(child.stdout, createWriteStream(destPath)), exited]);
      if (code !== 0) throw new Error(gitStderrTail(stderr));
    } catch (err) {
      throw new MlopsError(
        "remote",
        `object ${oid} could not be read from remote '${this.name}' (${this.url})`,
        {
          cause: err,
          field: oid,
        },
      );
    }
  }
}

function commitMessage(changes: [string, Change][]): string {
  const objects = changes.filter(([path, change]) => change !== null && path.startsWith("sha256/")).length;
  const records = changes.filter(([path, change]) => change !== null && !path.startsWith("sha256/")).length;
  const removed = changes.filter(([, change]) => change === null).length;
  const parts = [
    objects ? `${objects} object(s)` : "",
    records ? `${records} record(s)` : "",
    removed ? `${removed} removal(s)` : "",
  ].filter(Boolean);
  return `mlops: ${parts.join(", ")}\n`;
}
