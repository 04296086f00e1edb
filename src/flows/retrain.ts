import { existsSync, statSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MlopsError } from "../errors/index.js";
import { git, gitCapture, gitRaw, gitStderrTail, remoteEnv } from "../git/index.js";
import { retrainBranch } from "../github/retrain-pull-request.js";
import { type Logger, silentLogger } from "../log/index.js";
import type { DataSource } from "../manifest/data-manifest.js";
import type { ModelCard } from "../manifest/model-card.js";
import { type MonitorResult, monitorMarkdown, monitorModel } from "../monitor/index.js";
import type { StageResult } from "../pipeline/index.js";
import { loadModelCard } from "../registry/index.js";
import { type RepoLayout, repoLayout, toRepoPath } from "../repo/index.js";
import { isAncestor } from "./registry-view.js";

export interface RetrainOptions {
  model: string;
  /** The stage whose model is monitored (default `prod`). */
  stage?: string;
  /**
   * Where the new snapshot comes from: an http(s) or data: URL, an npm spec
   * (`PACKAGE[@VERSION]/PATH`), or a local file (absolute, `file://`, or relative to the
   * repository root). A path that exists on disk is taken as a file before it is read as an npm spec.
   * `recorded` fetches again from the source the snapshot's manifest records (the cron's default).
   */
  snapshotSource?: string;
  /** The git remote the branch is read from and pushed to: a name or URL (default `origin`). */
  gitRemote?: string;
  /** For an HTTPS git remote (GitHub): sent as git config in the environment, never in argv. */
  token?: string;
  /** The branch a new retrain branch starts from (default `main`). */
  baseBranch?: string;
  now?: Date;
  logger?: Logger;
  /** The CLI script pipeline stages reach as `mlops` (default: this package's bin/mlops.js). */
  cliEntry?: string;
}

/** What refreshing the snapshot changed: the dataset's manifest now records these bytes. */
export interface SnapshotRefresh {
  dataset: string;
  manifest: string;
  path: string;
  previous: string | null;
  sha256: string;
  size: number;
  /** Where the bytes came from: the recorded source, or the local file they were copied from. */
  source: DataSource | { file: string };
}

export interface RetrainNotFired {
  fired: false;
  monitor: MonitorResult;
  snapshot?: SnapshotRefresh;
}

export interface RetrainFired {
  fired: true;
  monitor: MonitorResult;
  snapshot?: SnapshotRefresh;
  branch: string;
  base: string;
  /** The branch's tip after this run (this run's commit, or the tip it found when nothing changed). */
  commit: string;
  /** A commit was made and pushed. */
  created: boolean;
  /** The branch exists on the git remote: false only when nothing differs from the base branch. */
  pushed: boolean;
  /** Files the commit changes, repository-relative; empty without a commit. */
  changed: string[];
  stages: StageResult[];
  title: string;
  body: string;
}

export type RetrainResult = RetrainNotFired | RetrainFired;

const identityEnv = {
  GIT_AUTHOR_NAME: "mlops",
  GIT_AUTHOR_EMAIL: "mlops@localhost",
  GIT_COMMITTER_NAME: "mlops",
  GIT_COMMITTER_EMAIL: "mlops@localhost",
};

function snapshotDataset(card: ModelCard): string {
  const current = card.monitoring?.current;
  if (!current) {
    throw new MlopsError("invalid-file", `${card.name} names no snapshot of production data to retrain on`, {
      file: `models/${card.name}/model.yaml`,
      field: "monitoring.current",
      expected: "the name of a tracked dataset (data/<name>.dvc) holding recent production rows",
    });
  }
  return current;
}

/**
 * The caller's files the refresh touches, put aside so they can be put back byte for byte: the
 * manifest, its folder's .gitignore, and the workspace copy (moved, not copied: it may be large).
 */
interface SavedSnapshot {
  manifestFile: string;
  workspaceFile: string;
  ignoreFile: string;
  manifest: Buffer;
  ignore: Buffer | null;
  restore(): Promise<void>;
}

async function saveSnapshot(
  layout: RepoLayout,
  dataset: string,
  options: { moveAside: boolean },
): Promise<SavedSnapshot> {
  const { loadDataset } = await import("../tracking/index.js");
  const manifestFile = join(layout.dataDir, `${dataset}.dvc`);
  if (!existsSync(manifestFile)) {
    throw new MlopsError("not-found", `no tracked dataset named '${dataset}' to refresh`, {
      file: `data/${dataset}.dvc`,
      expected: "the snapshot the card's monitoring.current names, tracked by data/<name>.dvc",
      hint: "track a first snapshot with `mlops data import <url> data/<name>.json` and commit its manifest",
    });
  }
  const tracked = await loadDataset(layout, manifestFile);
  const workspaceFile = tracked.outPath;
  if (existsSync(workspaceFile) && statSync(workspaceFile).isDirectory()) {
    throw new MlopsError("invalid-file", `${toRepoPath(layout, workspaceFile)} is a directory`, {
      file: tracked.file,
      expected: "a snapshot that is one table file (CSV, JSON or Parquet)",
    });
  }
  const ignoreFile = join(dirname(manifestFile), ".gitignore");
  const manifest = await readFile(manifestFile);
  const ignore = existsSync(ignoreFile) ? await readFile(ignoreFile) : null;
  let aside: string | undefined;
  if (options.moveAside && existsSync(workspaceFile)) {
    await mkdir(layout.tmpDir, { recursive: true });
    aside = join(await mkdtemp(join(layout.tmpDir, "snapshot-")), basename(workspaceFile));
    await rename(workspaceFile, aside);
  }
  return {
    manifestFile,
    workspaceFile,
    ignoreFile,
    manifest,
    ignore,
    restore: async () => {
      if (!options.moveAside) return;
      await writeFile(manifestFile, manifest);
      if (ignore === null) await rm(ignoreFile, { force: true });
      else await writeFile(ignoreFile, ignore);
      await rm(workspaceFile, { force: true });
      if (aside) {
        await rename(aside, workspaceFile);
        await rm(dirname(aside), { recursive: true, force: true });
      }
    },
  };
}

/** A local file the source names, or undefined when it is a URL or an npm spec. */
function localFile(layout: RepoLayout, source: string): string | undefined {
  if (/^(https?|data):/i.test(source)) return undefined;
  const url = source.startsWith("file://");
  const path = url ? fileURLToPath(source) : isAbsolute(source) ? source : resolve(layout.root, source);
  if (existsSync(path)) return path;
  // Spelled as a path, it is not an npm spec whatever it matches: say the file is missing.
  if (url || /^(\.{1,2}\/|\/)/.test(source)) {
    throw new MlopsError("not-found", `the snapshot source ${source} does not exist`, {
      expected:
        "a file (relative to the repository root), an https:// or data: URL, or PACKAGE[@VERSION]/PATH",
    });
  }
  return undefined;
}

/**
 * Replaces the snapshot's bytes: a URL or npm spec is imported (the manifest records it as the
 * source, so a clone can fetch the same bytes again); a local file is copied in and added, and the
 * manifest drops the earlier source, which no longer gives these bytes.
 */
async function refreshSnapshot(
  layout: RepoLayout,
  saved: SavedSnapshot,
  dataset: string,
  source: string,
  logger: Logger,
): Promise<SnapshotRefresh> {
  const { addData, importData } = await import("../tracking/index.js");
  const { readYamlFile, writeYamlFile } = await import("../manifest/yaml-file.js");
  const { dataManifest } = await import("../manifest/data-manifest.js");
  const shown = toRepoPath(layout, saved.manifestFile);
  const before = await readYamlFile(saved.manifestFile, dataManifest, shown);
  const previous = before.outs[0]?.sha256 ?? null;
  const file = localFile(layout, source);
  if (file) {
    if (!statSync(file).isFile()) {
      throw new MlopsError("usage", `the snapshot source ${source} is not a file`, {
        expected: "a table file (CSV, JSON or Parquet), a URL or an npm spec",
      });
    }
    logger.info(`refreshing ${dataset} from ${file}`);
    await copyFile(file, saved.workspaceFile);
    const { source: _stale, ...rest } = before;
    await writeYamlFile(saved.manifestFile, dataManifest, rest);
    const added = await addData(layout, saved.workspaceFile, { name: dataset, logger });
    return {
      dataset,
      manifest: added.manifest,
      path: added.path,
      previous,
      sha256: added.sha256,
      size: added.size,
      source: { file },
    };
  }
  logger.info(`refreshing ${dataset} from ${source.length > 120 ? `${source.slice(0, 120)}…` : source}`);
  const imported = await importData(layout, source, saved.workspaceFile, {
    name: dataset,
    force: true,
    logger,
  });
  return {
    dataset,
    manifest: imported.manifest,
    path: imported.path,
    previous,
    sha256: imported.sha256,
    size: imported.size,
    source: imported.source,
  };
}

/** `snapshotSource` value that re-fetches the snapshot from the source its manifest records. */
export const recordedSource = "recorded";

/** The source a dataset manifest records, as an import spec: where the cron fetches production rows. */
async function recordedSnapshotSource(manifestFile: string, shown: string): Promise<string> {
  const { readYamlFile } = await import("../manifest/yaml-file.js");
  const { dataManifest } = await import("../manifest/data-manifest.js");
  const manifest = await readYamlFile(manifestFile, dataManifest, shown);
  const source = manifest.source;
  if (!source) {
    throw new MlopsError("usage", `${shown} records no source to refresh the snapshot from`, {
      file: shown,
      field: "source",
      expected: "a source (mlops data import <url> …) or an explicit snapshot source",
    });
  }
  return "s3" in source
    ? source.s3
    : "url" in source
      ? source.url
      : `${source.package}@${source.version}/${source.path}`;
}

/** Lines `after` has that `before` had not: what the refresh added to a .gitignore. */
function addedLines(before: Buffer | null, after: Buffer | null): string[] {
  const had = new Set((before?.toString("utf8") ?? "").split("\n"));
  return (after?.toString("utf8") ?? "").split("\n").filter((l) => l.trim() !== "" && !had.has(l));
}

function describeSource(source: SnapshotRefresh["source"]): string {
  if ("file" in source) return `the file ${basename(source.file)}`;
  if ("url" in source) {
    if (source.url.startsWith("data:")) return "an inline data: URL";
    return source.url;
  }
  if ("s3" in source) return source.s3;
  return `${source.package}@${source.version}/${source.path}`;
}

function firedParts(m: MonitorResult): string[] {
  return [
    // Columns in the report's order: the most drifted first.
    ...(m.drift.fires
      ? [
          `drift in ${m.drift.columns
            .filter((c) => c.drifted)
            .slice(0, 3)
            .map((c) => c.column)
            .join(", ")}`,
        ]
      : []),
    ...(m.decay?.fires ? [`${m.decay.metric} decay`] : []),
    ...(m.age.fires ? ["age"] : []),
  ];
}

export function retrainTitle(m: MonitorResult): string {
  const parts = firedParts(m);
  const why = parts.length ? `: ${parts.join(", ")}` : "";
  return `Retrain ${m.model}${why} on ${m.current.dataset}`;
}

function retrainBody(
  m: MonitorResult,
  card: ModelCard,
  snapshot: SnapshotRefresh | undefined,
  branch: string,
  base: string,
): string {
  const subject = `${m.model}${m.stage ? `#${m.stage}` : ""} (${m.version})`;
  const data = snapshot
    ? `This branch refreshes the snapshot \`${snapshot.dataset}\` (\`${snapshot.manifest}\`, ${m.current.rows} rows, sha256 \`${snapshot.sha256.slice(0, 12)}\`, from ${describeSource(snapshot.source)}) and reproduces the \`${card.pipeline}\` pipeline on it.`
    : `This branch reproduces the \`${card.pipeline}\` pipeline on the snapshot \`${m.current.dataset}\` (${m.current.rows} rows, sha256 \`${m.current.sha256.slice(0, 12)}\`).`;
  const header = [
    `# Retraining ${m.model}`,
    `The monitoring rule in \`models/${m.model}/model.yaml\` fired for ${subject}: ${firedParts(m).join(", ") || "see below"}. ${data}`,
    `**How to review.** This pull request's checks reproduce the pipeline from \`${branch}\` and post the usual report: the retrained model's metrics against the models staging and prod hold, on the same data. Merging into \`${base}\` registers it and promotes it to staging when its gates pass; a release tag takes it to prod. A later monitoring run that fires again adds a commit to this branch.`,
  ].join("\n\n");
  return `${header}\n\n${monitorMarkdown(m)}`;
}

function commitMessage(m: MonitorResult, snapshot: SnapshotRefresh | undefined): string {
  const lines = [retrainTitle(m), "", ...m.reasons.map((r) => `- ${r}`)];
  if (snapshot) {
    lines.push(
      "",
      `Snapshot ${snapshot.dataset}: sha256 ${snapshot.sha256} (${snapshot.size} bytes) from ${describeSource(snapshot.source)}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function lsRemoteHeads(
  root: string,
  remote: string,
  env: Record<string, string>,
  branches: string[],
): Promise<Map<string, string>> {
  const result = await gitCapture(
    ["ls-remote", "--heads", remote, ...branches.map((b) => `refs/heads/${b}`)],
    {
      cwd: root,
      env,
    },
  );
  if (result.code !== 0) {
    throw new MlopsError("remote", `could not list branches of ${remote}: ${gitStderrTail(result.stderr)}`);
  }
  const heads = new Map<string, string>();
  for (const line of result.stdout.split("\n")) {
    const [sha, ref] = line.split("\t");
    if (sha && ref) heads.set(ref.replace(/^refs\/heads\//, ""), sha);
  }
  return heads;
}

/** A committer for machines without one (a CI checkout has no user.name). */
async function identity(root: string): Promise<Record<string, string>> {
  const ident = await gitRaw(["var", "GIT_COMMITTER_IDENT"], { cwd: root, okCodes: [128] });
  return ident.code === 0 ? {} : identityEnv;
}

/**
 * The worktree reads and writes the caller's content store, hash index and machine-local config, so
 * objects already fetched are not fetched again and the data remote configured for this machine
 * applies. It lives under the caller's `.mlops/tmp`, so stage code resolves packages from the
 * caller's node_modules by walking up, as it does in the checkout itself.
 */
async function shareState(layout: RepoLayout, worktree: RepoLayout): Promise<void> {
  await mkdir(worktree.mlopsDir, { recursive: true });
  await mkdir(layout.cacheDir, { recursive: true });
  await mkdir(layout.stateDir, { recursive: true });
  const links: [string, string][] = [
    [layout.cacheDir, worktree.cacheDir],
    [layout.stateDir, worktree.stateDir],
    ...(existsSync(layout.localConfigFile)
      ? [[layout.localConfigFile, worktree.localConfigFile] as [string, string]]
      : []),
  ];
  for (const [target, path] of links) {
    await rm(path, { recursive: true, force: true });
    await symlink(target, path);
  }
}

interface Proposal {
  card: ModelCard;
  monitor: MonitorResult;
  snapshot: SnapshotRefresh | undefined;
  dataset: string;
  /** The refreshed manifest's bytes, and lines the refresh added to its folder's .gitignore. */
  manifest: Buffer;
  ignoreLines: string[];
}

/**
 * The fired half: on a worktree of `retrain/<model>` (its remote tip, or the base branch's when the
 * branch is new or already merged), the refreshed manifest is applied, the pipeline reproduced, and
 * the manifest, lock and the pipeline's changed tracked files committed; the data and run cache go to
 * the data remote before the branch is pushed, so the pull request's run finds them.
 *
 * A worktree rather than switching the caller's checkout: the caller's files (tracked, and the
 * git-ignored workspace copies that match its own lock) are never touched, and a failure halfway
 * leaves nothing to undo there.
 */
async function proposeRetrain(
  layout: RepoLayout,
  options: RetrainOptions,
  proposal: Proposal,
): Promise<RetrainFired> {
  const logger = options.logger ?? silentLogger;
  const { card, monitor, snapshot, dataset } = proposal;
  const root = layout.root;
  const remote = options.gitRemote ?? "origin";
  const env = remoteEnv({ remote, ...(options.token ? { token: options.token } : {}) });
  const branch = retrainBranch(card.name);
  const base = options.baseBranch ?? "main";

  const { resolveRemote, loadDataset } = await import("../tracking/index.js");
  const { isReadOnlyRemote } = await import("../store/index.js");
  const data = await resolveRemote(layout);
  if (data && isReadOnlyRemote(data.remote)) {
    throw new MlopsError("refused", `the data remote '${data.remote.name}' is read-only here`, {
      hint: "retraining pushes the snapshot and the pipeline's outputs; run it from a trusted workflow (schedule or workflow_dispatch), not a pull request",
    });
  }

  const heads = await lsRemoteHeads(root, remote, env, [base, branch]);
  const baseTip = heads.get(base);
  if (!baseTip) {
    throw new MlopsError(
      "not-found",
      `the git remote ${remote} has no branch '${base}' to start ${branch} from`,
      {
        expected: "the repository's default branch",
      },
    );
  }
  const branchTip = heads.get(branch);
  const privateRefs = {
    base: `refs/mlops/retrain/${card.name}/base`,
    head: `refs/mlops/retrain/${card.name}/head`,
  };
  const fetched = await gitCapture(
    [
      "fetch",
      "--quiet",
      "--no-tags",
      remote,
      `+refs/heads/${base}:${privateRefs.base}`,
      ...(branchTip ? [`+refs/heads/${branch}:${privateRefs.head}`] : []),
    ],
    { cwd: root, env },
  );
  if (fetched.code !== 0) {
    throw new MlopsError(
      "remote",
      `could not fetch ${base} from ${remote}: ${gitStderrTail(fetched.stderr)}`,
    );
  }
  // A branch whose pull request was merged (and not deleted) is behind base: start afresh from base,
  // which is still a fast-forward of the branch.
  const start = branchTip && !(await isAncestor(root, branchTip, baseTip)) ? branchTip : baseTip;
  // The pipeline is always reproduced from base's definitions (pipeline.yaml, params, stage code):
  // this trusted run holds a write token and pushes run-cache entries, and the branch's tip is
  // writable by anyone who can push a branch, unreviewed. Its commits only carry the history.
  logger.info(
    `${branch}: reproducing ${base} ${baseTip.slice(0, 10)}${start === branchTip ? `, committing on the branch's tip ${start.slice(0, 10)}` : ""}`,
  );

  await mkdir(layout.tmpDir, { recursive: true });
  const dir = await mkdtemp(join(layout.tmpDir, "retrain-"));
  try {
    await git(["worktree", "add", "--quiet", "--detach", dir, baseTip], { cwd: root });
    const worktree = repoLayout(dir);
    await shareState(layout, worktree);

    const manifestRel = `data/${dataset}.dvc`;
    await writeFile(join(dir, manifestRel), proposal.manifest);
    const ignoreRel = "data/.gitignore";
    let ignoreChanged = false;
    if (proposal.ignoreLines.length) {
      const file = join(dir, ignoreRel);
      const text = existsSync(file) ? await readFile(file, "utf8") : "";
      const have = new Set(text.split("\n"));
      const missing = proposal.ignoreLines.filter((l) => !have.has(l));
      if (missing.length) {
        await writeFile(
          file,
          `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${missing.join("\n")}\n`,
        );
        ignoreChanged = true;
      }
    }

    const { reproduce } = await import("../pipeline/index.js");
    const stages = await reproduce(worktree, {
      pipelines: [card.pipeline],
      // It pushes its run-cache entries and its model goes to review: computed here, not restored.
      trusted: true,
      logger,
      ...(options.cliEntry ? { cliEntry: options.cliEntry } : {}),
      onResult: (r) => logger.info(`${r.status.padEnd(9)} ${r.pipeline}/${r.stage}  ${r.reason}`),
    });

    // The pipeline's tracked files (lock, metrics, validation, plots) as the run left them; outputs
    // git ignores stay out. The lock is named too: a pipeline's first run creates it.
    const pipelineDir = `pipelines/${card.pipeline}`;
    await git(
      ["add", "--", manifestRel, `${pipelineDir}/pipeline.lock`, ...(ignoreChanged ? [ignoreRel] : [])],
      { cwd: dir },
    );
    await git(["add", "--update", "--", pipelineDir], { cwd: dir });
    // The new tree is base's plus this run's files; it is committed on the branch's tip (keeping the
    // branch a fast-forward), with base as a second parent when the tip does not contain it yet, so
    // the pull request's diff against base is exactly this run's files.
    const tree = (await git(["write-tree"], { cwd: dir })).trim();
    const staged = (await git(["diff-tree", "-r", "--name-only", "-z", start, tree], { cwd: dir }))
      .split("\0")
      .filter(Boolean);
    const parents =
      start === baseTip || (await isAncestor(root, baseTip, start)) ? [start] : [start, baseTip];
    const title = retrainTitle(monitor);
    const body = retrainBody(monitor, card, snapshot, branch, base);
    const result = {
      fired: true as const,
      monitor,
      ...(snapshot ? { snapshot } : {}),
      branch,
      base,
      stages,
      title,
      body,
    };
    if (staged.length === 0) {
      logger.info(`${branch} already holds this retraining: no commit`);
      return { ...result, commit: start, created: false, pushed: start === branchTip, changed: [] };
    }
    const commit = (
      await git(["commit-tree", tree, ...parents.flatMap((p) => ["-p", p]), "-F", "-"], {
        cwd: dir,
        input: commitMessage(monitor, snapshot),
        env: await identity(dir),
      })
    ).trim();

    // Objects before the branch: the pull request's run restores the snapshot and the stages' outputs
    // from the data remote as soon as the branch exists.
    if (data) {
      const tracked = await loadDataset(worktree, join(dir, manifestRel));
      const { pushDatasetsAndRuns } = await import("../pipeline/index.js");
      const pushed = await pushDatasetsAndRuns(layout, [tracked], data.remote, {
        logger,
        ...(data.jobs ? { jobs: data.jobs } : {}),
      });
      logger.info(
        `pushed ${pushed.transferred} data object(s) and ${pushed.runs.entries} pipeline run(s) to ${data.remote.name}`,
      );
    } else {
      logger.warn(
        "no data remote is configured: the pull request's run can only fetch the snapshot from its recorded source, and reruns every stage",
      );
    }

    const push = await gitCapture(["push", "--porcelain", remote, `${commit}:refs/heads/${branch}`], {
      cwd: root,
      env,
    });
    if (push.code !== 0) {
      const rejected = /\[rejected\]|non-fast-forward|fetch first/.test(push.stdout + push.stderr);
      throw new MlopsError(
        rejected ? "conflict" : "remote",
        rejected
          ? `${branch} moved on ${remote} while this run retrained; nothing was pushed`
          : `could not push ${branch} to ${remote}: ${gitStderrTail(push.stderr)}`,
        {
          hint: rejected
            ? "run the retraining again: it continues from the branch's new tip"
            : options.token
              ? "check that the token may push branches (contents: write)"
              : "for an HTTPS remote, pass a token or configure git credentials",
        },
      );
    }
    logger.info(`pushed ${branch} at ${commit.slice(0, 10)} (${staged.join(", ")})`);
    return { ...result, commit, created: true, pushed: true, changed: staged };
  } finally {
    await gitRaw(["worktree", "remove", "--force", dir], { cwd: root, okCodes: [128] });
    await rm(dir, { recursive: true, force: true });
    await gitRaw(["worktree", "prune"], { cwd: root, okCodes: [128] });
    for (const ref of Object.values(privateRefs))
      await gitRaw(["update-ref", "-d", ref], { cwd: root, okCodes: [1] });
  }
}

/**
 * The scheduled retraining: refresh the card's snapshot of production data, monitor the stage's
 * model on it, and when the rule fires, commit the refreshed manifest with the retrained pipeline's
 * lock to `retrain/<model>` and push it, for a pull request to propose. The caller's checkout ends
 * exactly as it began either way (the refreshed manifest lives on the branch); when the rule does not
 * fire, nothing is written to git or to the data remote.
 */
export async function retrainOnDrift(layout: RepoLayout, options: RetrainOptions): Promise<RetrainResult> {
  const logger = options.logger ?? silentLogger;
  const stage = options.stage ?? "prod";
  const card = await loadModelCard(layout, options.model);
  const dataset = snapshotDataset(card);
  const saved = await saveSnapshot(layout, dataset, { moveAside: options.snapshotSource !== undefined });
  try {
    const source =
      options.snapshotSource === recordedSource
        ? await recordedSnapshotSource(saved.manifestFile, toRepoPath(layout, saved.manifestFile))
        : options.snapshotSource;
    const snapshot =
      source === undefined ? undefined : await refreshSnapshot(layout, saved, dataset, source, logger);
    const monitor = await monitorModel(layout, {
      selector: `${card.name}#${stage}`,
      current: dataset,
      ...(options.now ? { now: options.now } : {}),
      logger,
    });
    if (!monitor.fires) {
      logger.info(`${card.name}#${stage}: the monitoring rule did not fire; nothing is written`);
      return { fired: false, monitor, ...(snapshot ? { snapshot } : {}) };
    }
    const manifest = await readFile(saved.manifestFile);
    const ignore = existsSync(saved.ignoreFile) ? await readFile(saved.ignoreFile) : null;
    return await proposeRetrain(layout, options, {
      card,
      monitor,
      snapshot,
      dataset,
      manifest,
      ignoreLines: addedLines(saved.ignore, ignore),
    });
  } finally {
    await saved.restore();
  }
}
