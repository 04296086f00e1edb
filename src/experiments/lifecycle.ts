import { MlopsError } from "../errors/index.js";
import { git, gitRaw } from "../git/index.js";
import type { ParamValue } from "../manifest/params.js";
import { type ReproduceOptions, reproduce, type StageResult } from "../pipeline/index.js";
import type { RepoLayout } from "../repo/index.js";
import {
  deleteExperimentRefs,
  type Experiment,
  findExperiment,
  headCommit,
  listExperiments,
} from "./exp-refs.js";
import { readRows } from "./show.js";

export interface ApplyResult {
  name: string;
  commit: string;
  files: string[];
  stages: StageResult[];
}

/**
 * Brings an experiment into the workspace: its params, locks, metrics and plots from its commit,
 * then its outputs through a normal reproduction, which finds every stage in the run cache (the
 * sweep ran them) and restores it. Afterwards `mlops run` has nothing to do.
 */
export async function applyExperiment(
  layout: RepoLayout,
  name: string,
  options: Omit<ReproduceOptions, "pipelines" | "stages"> = {},
): Promise<ApplyResult> {
  const exp = await findExperiment(layout.root, name, await headCommit(layout.root));
  const dirs = exp.pipelines.map((p) => `pipelines/${p}`);
  const files = (
    await git(["diff", "--name-only", exp.base, exp.commit, "--", ...dirs], { cwd: layout.root })
  )
    .split("\n")
    .filter(Boolean);
  const present = (
    await git(["ls-tree", "-r", "--name-only", exp.commit, "--", ...files], { cwd: layout.root })
  )
    .split("\n")
    .filter(Boolean);
  // Only the working tree: the index stays as it was, so `git diff` shows what the experiment changed.
  if (present.length > 0)
    await gitRaw(["restore", `--source=${exp.commit}`, "--worktree", "--", ...present], { cwd: layout.root });
  const stages = await reproduce(layout, { ...options, pipelines: exp.pipelines });
  return { name: exp.name, commit: exp.commit, files: present, stages };
}

/** A branch at the experiment's commit: its parent is the base, so it is ready for a pull request. */
export async function branchExperiment(
  root: string,
  name: string,
  branch: string,
): Promise<{ branch: string; commit: string }> {
  const check = await gitRaw(["check-ref-format", "--branch", branch], { cwd: root, okCodes: [1, 128] });
  if (check.code !== 0)
    throw new MlopsError("usage", `${JSON.stringify(branch)} is not a valid branch name`, {
      field: "BRANCH",
      got: branch,
    });
  const exp = await findExperiment(root, name, await headCommit(root));
  const exists = await gitRaw(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`], {
    cwd: root,
    okCodes: [1],
  });
  if (exists.code === 0)
    throw new MlopsError("conflict", `branch '${branch}' already exists`, { hint: "pick another name" });
  await gitRaw(["branch", branch, exp.commit], { cwd: root });
  return { branch, commit: exp.commit };
}

/** Deletes experiments by name (on HEAD's base first) or every one, in one ref transaction. */
export async function removeExperiments(
  root: string,
  names: readonly string[],
  options: { all?: boolean } = {},
): Promise<string[]> {
  if (!options.all && names.length === 0)
    throw new MlopsError("usage", "name the experiments to remove, or pass --all", { field: "NAME" });
  const head = await headCommit(root);
  const exps = options.all
    ? await listExperiments(root)
    : await Promise.all(names.map((n) => findExperiment(root, n, head)));
  const refs = [...new Set(exps.map((e) => e.ref))];
  await deleteExperimentRefs(root, refs);
  return refs;
}

/** True when a branch or tag contains the commit: the base is still part of the project's history. */
async function reachable(root: string, commit: string): Promise<boolean> {
  const out = await git(
    ["for-each-ref", "--count=1", "--contains", commit, "--format=%(refname)", "refs/heads/", "refs/tags/"],
    {
      cwd: root,
    },
  );
  return out.trim() !== "";
}

/**
 * Drops experiments whose base commit no branch or tag reaches any more (a rebased or deleted
 * branch), or, with `keepCurrentOnly`, every experiment not based on HEAD.
 */
export async function gcExperiments(
  root: string,
  options: { dryRun?: boolean; keepCurrentOnly?: boolean } = {},
): Promise<{ removed: string[]; kept: number; dry_run: boolean }> {
  const exps = await listExperiments(root);
  const head = await headCommit(root);
  const verdict = new Map<string, boolean>();
  const removed: Experiment[] = [];
  for (const e of exps) {
    if (!verdict.has(e.base))
      verdict.set(e.base, options.keepCurrentOnly ? e.base === head : await reachable(root, e.base));
    if (!verdict.get(e.base)) removed.push(e);
  }
  if (!options.dryRun)
    await deleteExperimentRefs(
      root,
      removed.map((e) => e.ref),
    );
  return {
    removed: removed.map((e) => e.ref),
    kept: exps.length - removed.length,
    dry_run: options.dryRun === true,
  };
}

export interface ExperimentDiff {
  a: string;
  b: string;
  params: { key: string; a: ParamValue | undefined; b: ParamValue | undefined }[];
  metrics: { key: string; a: unknown; b: unknown; change?: number }[];
}

/** Params and metrics of two experiments side by side; params listed only where they differ. */
export async function diffExperiments(root: string, nameA: string, nameB: string): Promise<ExperimentDiff> {
  const head = await headCommit(root);
  const [a, b] = await Promise.all([findExperiment(root, nameA, head), findExperiment(root, nameB, head)]);
  const [ra, rb] = await readRows(root, [a, b]);
  if (!ra || !rb) throw new MlopsError("internal", "could not read the experiments");
  const paramKeys = [...new Set([...Object.keys(ra.params), ...Object.keys(rb.params)])];
  const params = paramKeys
    .filter((k) => JSON.stringify(ra.params[k]) !== JSON.stringify(rb.params[k]))
    .map((key) => ({ key, a: ra.params[key], b: rb.params[key] }));
  const metricKeys = [...new Set([...Object.keys(ra.metrics), ...Object.keys(rb.metrics)])].sort();
  const metrics = metricKeys.map((key) => {
    const x = ra.metrics[key];
    const y = rb.metrics[key];
    return { key, a: x, b: y, ...(typeof x === "number" && typeof y === "number" ? { change: y - x } : {}) };
  });
  return { a: a.name, b: b.name, params, metrics };
}
