import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { git, isGitRepo, readBlobs } from "../git/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, isDirId, type ObjectId, parseListing, type Remote } from "../store/index.js";
import { findManifestFiles } from "./manifests.js";

const objectIdInText = /\b[0-9a-f]{64}(?:\.dir)?\b/g;

/** Files whose text names objects: data manifests and pipeline locks (and later, anything like them). */
function namesObjects(path: string): boolean {
  return path.endsWith(".dvc") || path.endsWith("pipeline.lock");
}

function collectIds(text: string, into: Set<ObjectId>): void {
  for (const match of text.matchAll(objectIdInText)) into.add(match[0]);
}

export interface GcRoots {
  /** Commits whose trees were read: every branch, tag and remote-tracking branch tip, and HEAD. */
  commits: number;
  ids: Set<ObjectId>;
}

/**
 * Everything that must survive a gc: objects named by the working tree's manifests, by manifests
 * and locks at the tip of every branch and tag (or in every commit with `allCommits`), by tag
 * annotations (registered model versions), and by the run cache.
 */
export async function gcRoots(layout: RepoLayout, options: { allCommits?: boolean } = {}): Promise<GcRoots> {
  const ids = new Set<ObjectId>();
  for (const file of findManifestFiles(layout)) collectIds(readFileSync(file, "utf8"), ids);
  const pipelines = layout.pipelinesDir;
  if (existsSync(pipelines)) {
    for (const name of readdirSync(pipelines)) {
      const lock = join(pipelines, name, "pipeline.lock");
      if (existsSync(lock)) collectIds(readFileSync(lock, "utf8"), ids);
    }
  }
  const runs = join(layout.cacheDir, "runs");
  if (existsSync(runs)) {
    const visit = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else collectIds(readFileSync(path, "utf8"), ids);
      }
    };
    visit(runs);
  }
  let commits = 0;
  if (await isGitRepo(layout.root)) {
    const cwd = layout.root;
    const refs = (await git(["for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname)"], { cwd }))
      .split("\n")
      .filter(Boolean);
    const tips = new Set<string>();
    for (const line of refs) {
      const [name, type, peeled] = line.split(" ");
      if (type === "commit" && name) tips.add(name);
      if (type === "tag" && peeled) tips.add(peeled);
    }
    const head = (await git(["rev-parse", "--verify", "--quiet", "HEAD"], { cwd, okCodes: [1] })).trim();
    if (head) tips.add(head);
    let commitList = [...tips];
    if (options.allCommits && commitList.length > 0) {
      commitList = (await git(["rev-list", ...commitList], { cwd })).split("\n").filter(Boolean);
    }
    commits = commitList.length;
    const blobs = new Set<string>();
    for (const commit of commitList) {
      const tree = await git(["ls-tree", "-r", "-z", commit], { cwd });
      for (const record of tree.split("\0")) {
        const tab = record.indexOf("\t");
        if (tab < 0) continue;
        const [, type, blob] = record.slice(0, tab).split(" ");
        if (type === "blob" && blob && namesObjects(record.slice(tab + 1))) blobs.add(blob);
      }
    }
    for (const content of (await readBlobs(cwd, [...blobs])).values())
      collectIds(content.toString("utf8"), ids);
    // Annotated tags carry registered versions and stage assignments, which name model artifacts.
    collectIds(await git(["for-each-ref", "refs/tags", "--format=%(contents)"], { cwd }), ids);
  }
  return { commits, ids };
}

async function expandDirs(
  ids: Set<ObjectId>,
  readListing: (oid: ObjectId) => Promise<Buffer | undefined>,
): Promise<void> {
  for (const oid of [...ids]) {
    if (!isDirId(oid)) continue;
    const bytes = await readListing(oid);
    if (!bytes) continue;
    for (const entry of parseListing(bytes, oid)) ids.add(entry.sha256);
  }
}

export interface GcPlan {
  where: "cache" | `remote:${string}`;
  unreferenced: ObjectId[];
  kept: number;
  removed: boolean;
}

/**
 * Lists (and with `yes`, removes) objects nothing references. Without `yes` it is a dry run: the
 * same list, nothing deleted.
 */
export async function collectGarbage(
  layout: RepoLayout,
  options: { remote?: Remote; yes?: boolean; allCommits?: boolean; logger?: Logger } = {},
): Promise<{ roots: number; commits: number; plans: GcPlan[] }> {
  const logger = options.logger ?? silentLogger;
  const roots = await gcRoots(layout, options);
  const cache = new Cache(layout.cacheDir);
  const keep = new Set(roots.ids);
  await expandDirs(keep, async (oid) => (cache.has(oid) ? cache.readVerified(oid) : undefined));
  const plans: GcPlan[] = [];
  const cacheObjects = cache.listObjects();
  const unreferenced = cacheObjects.filter((oid) => !keep.has(oid));
  if (options.yes) {
    for (const oid of unreferenced) await cache.remove(oid);
    await cache.removeLeftovers();
  }
  plans.push({
    where: "cache",
    unreferenced,
    kept: cacheObjects.length - unreferenced.length,
    removed: options.yes === true,
  });
  if (options.remote) {
    const remote = options.remote;
    const remoteKeep = new Set(keep);
    await expandDirs(remoteKeep, async (oid) => {
      if (cache.has(oid)) return cache.readVerified(oid);
      const temp = await cache.scratchPath(oid);
      try {
        await remote.download(oid, temp);
        return readFileSync(temp);
      } catch {
        return undefined;
      } finally {
        await rm(temp, { force: true });
      }
    });
    const listed = await remote.list();
    const gone = listed.filter((oid) => !remoteKeep.has(oid));
    if (options.yes) {
      const progress = logger.progress(`removing from ${remote.name}`, gone.length);
      try {
        if (remote.removeMany) {
          await remote.removeMany(gone, (n) => progress.tick(n));
        } else {
          for (const oid of gone) {
            await remote.remove(oid);
            progress.tick();
          }
        }
        // A remote that batches writes (a git branch) publishes the removals here.
        await remote.flush?.();
      } finally {
        progress.done();
      }
      // Parts of uploads a killed push never finished are invisible garbage too.
      const aborted = (await remote.abortUnfinishedUploads?.()) ?? 0;
      if (aborted > 0) logger.info(`aborted ${aborted} unfinished upload(s) on ${remote.name}`);
    }
    plans.push({
      where: `remote:${remote.name}`,
      unreferenced: gone,
      kept: listed.length - gone.length,
      removed: options.yes === true,
    });
  }
  return { roots: roots.ids.size, commits: roots.commits, plans };
}
