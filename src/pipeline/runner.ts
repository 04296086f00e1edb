import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import type { LockEntry, LockStage, PipelineLock } from "../manifest/pipeline-lock.js";
import type { RepoLayout } from "../repo/index.js";
import { assertWriteInside, Cache, HashIndex, isDirId, pull, type Remote } from "../store/index.js";
import { ensureStateIgnored, ignoreInGit } from "../tracking/manifests.js";
import { trainerVersion } from "../train/version.js";
import { digestPath } from "./digest.js";
import { type OutputSink, runShell } from "./execute.js";
import { buildGraph, type StageGraph, withUpstream } from "./graph.js";
import { listPipelines, loadPipelines, type PipelineSpec, type StageSpec } from "./load.js";
import { readLock, writeLock } from "./lock.js";
import {
  fetchRunCache,
  parseRunCacheEntry,
  readRunCache,
  runCacheRelPath,
  writeRunCache,
} from "./run-cache.js";
import { stableJson } from "./stable-json.js";
import { stageEnvironment } from "./stage-env.js";

export type StageStatus = "ran" | "skipped" | "restored" | "would-run" | "would-restore";

export interface StageResult {
  pipeline: string;
  stage: string;
  status: StageStatus;
  /** Why the stage ran or would run (or "unchanged"). */
  reason: string;
  duration_ms: number;
  run_key: string;
}

export interface RunOptions {
  /** Pipeline names; none means every pipeline. */
  pipelines?: readonly string[];
  /** `stage` or `pipeline/stage`: run these (and what they need) only. */
  stages?: readonly string[];
  force?: boolean;
  dry?: boolean;
  jobs?: number;
  logger?: Logger;
  /** Every line a stage's command prints. */
  onOutput?: (stage: StageSpec, line: string, stream: "stdout" | "stderr") => void;
  /** Called as each stage finishes (or is planned, in a dry run). */
  onResult?: (result: StageResult) => void;
  /** Makes dependency paths that no stage writes present (tracked datasets); returns what it could not. */
  materialise?: (repoPaths: string[]) => Promise<void>;
  /** Where run-cache objects missing locally may be fetched from. */
  remote?: Remote;
  /** The CLI script stages reach as `mlops` (default: this package's bin/mlops.js). */
  cliEntry?: string;
  /**
   * The environment stage commands are derived from (default this process's). Only its
   * allow-listed variables and those the pipeline passes by name reach a stage (stage-env.ts).
   */
  env?: NodeJS.ProcessEnv;
  /**
   * Repository paths of outputs a trusted flow registers (model files). Every stage that writes one,
   * and every stage upstream of it, runs here: none is skipped or restored from a run-cache record,
   * which anyone able to push to the data remote could have written. What the run computes is then
   * compared with the committed lock and with the remote's record, and a disagreement is reported.
   */
  recompute?: readonly string[];
  /** The trainer's version folded into the run key of stages that run `mlops train` (default: the trainer's own). */
  trainerVersion?: number;
}

/** The command as the lock records it: a string for one command, the list for several. */
export function lockedCommand(stage: StageSpec): string | string[] {
  return stage.cmds.length === 1 ? (stage.cmds[0] as string) : stage.cmds;
}

export function paramsRecord(stage: StageSpec): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const p of stage.params) {
    out[p.file] ??= {};
    (out[p.file] as Record<string, unknown>)[p.key] = p.value;
  }
  return out;
}

/** `mlops train …` or `node …/bin/mlops.js train …`, global flags allowed in between. */
const trainerCommand = /(?:^|[\s;&|(/])mlops(?:\.js)?(?:\s+-\S+)*\s+train(?:\s|$)/;

/** True when one of the stage's commands runs this project's own trainer. */
export function runsTrainer(stage: Pick<StageSpec, "cmds">): boolean {
  return stage.cmds.some((cmd) => trainerCommand.test(cmd));
}

/**
 * Everything that decides what a stage produces: the run-cache key. A stage that runs the project's
 * own trainer also depends on the trainer's code, which is not one of its deps: the trainer's
 * version stands for it. Version 1 is the trainer as it was before keys carried a version, so it
 * adds nothing and the locks written then stay valid; every later version changes the key.
 */
export function runKeyOf(
  stage: StageSpec,
  deps: readonly LockEntry[],
  trainer: number = trainerVersion,
): string {
  const material = {
    cmd: stage.cmds,
    wdir: stage.wdirPath,
    deps: deps.map((d, i) => ({ path: stage.deps[i]?.repoPath ?? d.path, sha256: d.sha256 })),
    params: paramsRecord(stage),
    outs: stage.outs.map((o) => o.repoPath),
    env: stage.env,
    seed: stage.seed,
    ...(runsTrainer(stage) && trainer !== 1 ? { trainer } : {}),
  };
  return createHash("sha256").update(stableJson(material)).digest("hex");
}

function describeChange(
  stage: StageSpec,
  locked: LockStage | undefined,
  deps: readonly LockEntry[],
  runKey: string,
): string {
  if (!locked) return "never ran";
  const changedDeps = deps
    .filter((d) => {
      const before = locked.deps.find((l) => l.path === d.path);
      return !before || before.sha256 !== d.sha256;
    })
    .map((d) => d.path);
  if (changedDeps.length > 0) return `deps changed: ${changedDeps.join(", ")}`;
  const now = paramsRecord(stage);
  const changedParams: string[] = [];
  for (const [file, values] of Object.entries(now)) {
    for (const [key, value] of Object.entries(values)) {
      if (stableJson(locked.params[file]?.[key]) !== stableJson(value)) changedParams.push(key);
    }
  }
  if (changedParams.length > 0) return `params changed: ${changedParams.join(", ")}`;
  if (stableJson(locked.cmd) !== stableJson(lockedCommand(stage))) return "command changed";
  if (locked.run_key !== runKey)
    return runsTrainer(stage)
      ? "the trainer's version or the stage definition changed"
      : "stage definition changed";
  return "outputs changed or missing";
}

function defaultCliEntry(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "mlops.js");
}

/** A `mlops` on PATH for stage commands, pointing at the CLI that is running them. */
function shimDir(layout: RepoLayout, cliEntry: string): string {
  const dir = join(layout.tmpDir, "bin");
  mkdirSync(dir, { recursive: true });
  const script = `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliEntry)} "$@"\n`;
  writeFileSync(join(dir, "mlops"), script, { mode: 0o755 });
  return dir;
}

interface Backup {
  abs: string;
  saved: string | undefined;
}

/** Moves (or, for persistent outputs, copies) the current outputs aside so a failure can put them back. */
async function backUpOutputs(layout: RepoLayout, stage: StageSpec): Promise<Backup[]> {
  const dir = join(layout.tmpDir, `stage-backup-${randomBytes(6).toString("hex")}`);
  const backups: Backup[] = [];
  for (const [i, out] of stage.outs.entries()) {
    if (!existsSync(out.abs)) {
      backups.push({ abs: out.abs, saved: undefined });
      continue;
    }
    await mkdir(dir, { recursive: true });
    const saved = join(dir, String(i));
    if (out.persist) await cp(out.abs, saved, { recursive: true });
    else await rename(out.abs, saved);
    backups.push({ abs: out.abs, saved });
  }
  for (const out of stage.outs) await mkdir(dirname(out.abs), { recursive: true });
  return backups;
}

async function restoreBackups(backups: readonly Backup[]): Promise<void> {
  for (const b of backups) {
    await rm(b.abs, { recursive: true, force: true });
    if (b.saved) await rename(b.saved, b.abs);
  }
}

async function dropBackups(backups: readonly Backup[]): Promise<void> {
  for (const b of backups) if (b.saved) await rm(dirname(b.saved), { recursive: true, force: true });
}

function findStage(graph: StageGraph, pipelines: readonly PipelineSpec[], spec: string): StageSpec {
  const matches = spec.includes("/")
    ? graph.order.filter((s) => s.id === spec)
    : graph.order.filter((s) => s.name === spec && pipelines.some((p) => p.name === s.pipeline));
  if (matches.length === 1 && matches[0]) return matches[0];
  const all = graph.order.map((s) => s.id).join(", ");
  if (matches.length > 1) {
    throw new MlopsError("usage", `stage name '${spec}' is ambiguous`, {
      expected: `one of: ${matches.map((s) => s.id).join(", ")}`,
    });
  }
  throw new MlopsError("usage", `no stage named '${spec}'`, { expected: `one of: ${all}`, got: spec });
}

/**
 * Reproduces pipelines the way `dvc repro` does: every selected stage whose inputs or outputs
 * differ from its lock entry is restored from the run cache when the same inputs ran before, else
 * run; independent stages run side by side. A failing stage puts its previous outputs back and
 * leaves its lock entry untouched.
 */
export async function runPipelines(layout: RepoLayout, options: RunOptions = {}): Promise<StageResult[]> {
  const logger = options.logger ?? silentLogger;
  const named = options.pipelines ?? [];
  const names = listPipelines(layout);
  for (const name of named) {
    if (!names.includes(name)) {
      throw new MlopsError("usage", `no pipeline named '${name}'`, {
        expected: `one of: ${names.join(", ") || "(no pipelines under pipelines/)"}`,
        got: name,
      });
    }
  }
  const all = await loadPipelines(layout);
  const selected = named.length > 0 ? all.filter((p) => named.includes(p.name)) : all;
  const graph = buildGraph(all);
  const targets =
    options.stages && options.stages.length > 0
      ? options.stages.map((s) => findStage(graph, selected, s))
      : graph.order.filter((s) => selected.some((p) => p.name === s.pipeline));
  const plan = withUpstream(graph, targets);
  // The stages a registered model depends on, which a trusted run computes itself.
  const producers = (options.recompute ?? [])
    .map((path) => graph.producerOf(path))
    .filter((s): s is StageSpec => s !== undefined && plan.includes(s));
  const recomputed = new Set(withUpstream(graph, producers).map((s) => s.id));

  // Inputs nobody writes must exist before anything runs (tracked datasets may be pulled for that).
  const external = plan.flatMap((s) =>
    s.deps.filter((d) => !graph.producerOf(d.repoPath)).map((d) => ({ stage: s, dep: d })),
  );
  const absent = external.filter((e) => !existsSync(e.dep.abs));
  if (absent.length > 0 && options.materialise) {
    await options.materialise([...new Set(absent.map((e) => e.dep.repoPath))]);
  }
  const stillAbsent = absent.find((e) => !existsSync(e.dep.abs));
  if (stillAbsent) {
    const { stage, dep } = stillAbsent;
    throw new MlopsError(
      "not-found",
      `stage '${stage.name}' depends on '${dep.path}', which does not exist`,
      {
        file: stage.file,
        line: stage.line,
        field: `stages.${stage.name}.deps[${stage.deps.indexOf(dep)}]`,
        expected: "a file or directory in the repository, a tracked dataset, or the output of another stage",
        got: dep.repoPath,
      },
    );
  }

  await ensureStateIgnored(layout);
  const cache = new Cache(layout.cacheDir);
  const index = await HashIndex.open(layout.stateDir);
  const pipelinesByName = new Map(all.map((p) => [p.name, p]));
  const locks = new Map<string, PipelineLock>();
  for (const name of new Set(plan.map((s) => s.pipeline))) {
    const p = pipelinesByName.get(name);
    if (p) locks.set(name, await readLock(layout, p));
  }
  const lockWrites = new Map<string, Promise<void>>();
  const saveLockEntry = (stage: StageSpec, entry: LockStage): Promise<void> => {
    const pipeline = pipelinesByName.get(stage.pipeline);
    const lock = locks.get(stage.pipeline);
    if (!pipeline || !lock) return Promise.resolve();
    lock.stages[stage.name] = entry;
    const previous = lockWrites.get(stage.pipeline) ?? Promise.resolve();
    const next = previous.then(() => writeLock(pipeline, lock));
    lockWrites.set(stage.pipeline, next);
    return next;
  };

  const bin = shimDir(layout, options.cliEntry ?? defaultCliEntry());
  const parentEnv = options.env ?? process.env;
  const pathVar = [bin, join(layout.root, "node_modules", ".bin"), parentEnv.PATH ?? ""].join(":");
  const results: StageResult[] = [];
  const dryChanged = new Set<string>();

  // No timings in the lock: it is committed, and a rerun that changes nothing must leave it byte-identical.
  const lockEntryFor = (
    stage: StageSpec,
    deps: LockEntry[],
    outs: LockEntry[],
    runKey: string,
  ): LockStage => ({
    cmd: lockedCommand(stage),
    deps,
    params: paramsRecord(stage),
    outs,
    run_key: runKey,
  });

  const processStage = async (stage: StageSpec): Promise<StageResult> => {
    const started = performance.now();
    const deps: LockEntry[] = [];
    for (const dep of stage.deps) {
      const digest = await digestPath(cache, index, dep.abs, dep.path, { store: false });
      if (!digest) {
        if (options.dry && graph.producerOf(dep.repoPath)) {
          deps.push({ path: dep.path, sha256: "0".repeat(64), size: 0 });
          continue;
        }
        throw new MlopsError(
          "not-found",
          `stage '${stage.name}' depends on '${dep.path}', which does not exist`,
          {
            file: stage.file,
            line: stage.line,
            field: `stages.${stage.name}.deps`,
            hint: "the stage that should write it did not",
          },
        );
      }
      deps.push(digest);
    }
    const runKey = runKeyOf(stage, deps, options.trainerVersion ?? trainerVersion);
    const mustRun = recomputed.has(stage.id);
    const locked = locks.get(stage.pipeline)?.stages[stage.name];
    const upstreamChanged = (graph.upstream.get(stage.id) ?? []).some((u) => dryChanged.has(u.id));
    const result = (status: StageStatus, reason: string): StageResult => ({
      pipeline: stage.pipeline,
      stage: stage.name,
      status,
      reason,
      duration_ms: Math.round(performance.now() - started),
      run_key: runKey,
    });

    // The run key covers the command, deps, params and outputs: equal keys mean the same definition.
    const sameDefinition = locked !== undefined && locked.run_key === runKey;
    if (!options.force && !mustRun && sameDefinition && !upstreamChanged) {
      let outsMatch = true;
      for (const out of stage.outs) {
        const now = await digestPath(cache, index, out.abs, out.path, { store: false });
        const before = locked.outs.find((o) => o.path === out.path);
        if (!now || !before || now.sha256 !== before.sha256) {
          outsMatch = false;
          break;
        }
      }
      if (outsMatch) return result("skipped", "unchanged");
    }
    const reason = options.force
      ? "forced"
      : mustRun
        ? "a trusted run computes what it registers"
        : upstreamChanged
          ? "an upstream stage would change"
          : describeChange(stage, locked, deps, runKey);

    if (!options.force && !mustRun && !upstreamChanged) {
      const remembered =
        (await readRunCache(layout.cacheDir, runKey)) ??
        (options.remote ? await fetchRunCache(layout.cacheDir, options.remote, runKey) : undefined);
      if (remembered && stage.outs.every((o) => o.cache)) {
        const restorable = await ensureObjects(cache, remembered.outs, options.remote, logger);
        if (restorable) {
          if (options.dry) return result("would-restore", reason);
          for (const out of stage.outs) {
            const entry = remembered.outs.find((o) => o.path === out.path);
            if (!entry) continue;
            assertWriteInside(layout.root, out.abs, out.repoPath);
            if (isDirId(entry.sha256))
              await cache.checkoutDirectory(entry.sha256, out.abs, index, silentLogger, layout.root);
            else {
              await rm(out.abs, { recursive: true, force: true });
              await cache.checkoutFile(entry.sha256, out.abs, index, layout.root);
            }
          }
          await ignoreOutputs(stage);
          await saveLockEntry(stage, lockEntryFor(stage, deps, remembered.outs, runKey));
          return result("restored", reason);
        }
      }
    }
    if (options.dry) {
      dryChanged.add(stage.id);
      return result("would-run", reason);
    }

    logger.info(`running ${stage.id} (${reason})`);
    const backups = await backUpOutputs(layout, stage);
    // No token, no INPUT_*, no ACTIONS_*: an allow-list of the parent's variables (stage-env.ts).
    const env = stageEnvironment(parentEnv, stage, {
      PATH: pathVar,
      MLOPS_REPO_ROOT: layout.root,
      MLOPS_PIPELINE: stage.pipeline,
      MLOPS_STAGE: stage.name,
      ...(stage.seed === undefined ? {} : { MLOPS_SEED: String(stage.seed) }),
    });
    const sink: OutputSink = (line, stream) => options.onOutput?.(stage, line, stream);
    let outs: LockEntry[];
    try {
      for (const cmd of stage.cmds) {
        await runShell(cmd, {
          cwd: stage.wdir,
          env,
          onOutput: sink,
          label: `${stage.file}: stage '${stage.name}'`,
        });
      }
      outs = [];
      for (const out of stage.outs) {
        const digest = await digestPath(cache, index, out.abs, out.path, { store: out.cache });
        if (!digest) {
          throw new MlopsError(
            "command-failed",
            `stage '${stage.name}' did not write its output '${out.path}'`,
            {
              file: stage.file,
              line: stage.line,
              field: `stages.${stage.name}.${out.kind}`,
              hint: "the previous outputs and pipeline.lock were left as they were",
            },
          );
        }
        outs.push(digest);
      }
    } catch (err) {
      await restoreBackups(backups);
      throw err;
    }
    await dropBackups(backups);
    const duration = performance.now() - started;
    if (stage.outs.every((o) => o.cache)) {
      await writeRunCache(layout.cacheDir, {
        schema: "1",
        run_key: runKey,
        stage: stage.id,
        outs,
        duration_ms: Math.round(duration),
      });
    }
    if (mustRun) await reportDisagreements(stage, runKey, outs, locked, options.remote, logger);
    await ignoreOutputs(stage);
    await saveLockEntry(stage, lockEntryFor(stage, deps, outs, runKey));
    return result("ran", reason);
  };

  const jobs = Math.max(1, options.jobs ?? Math.min(2, availableParallelism()));
  const pending = [...plan];
  const done = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let failure: unknown;
  try {
    while ((pending.length > 0 || running.size > 0) && failure === undefined) {
      while (running.size < jobs && failure === undefined) {
        const readyIndex = pending.findIndex((s) =>
          (graph.upstream.get(s.id) ?? []).every((u) => done.has(u.id) || !plan.includes(u)),
        );
        if (readyIndex < 0) break;
        const [stage] = pending.splice(readyIndex, 1);
        if (!stage) break;
        const task = processStage(stage).then(
          (r) => {
            results.push(r);
            done.add(stage.id);
            options.onResult?.(r);
          },
          (err: unknown) => {
            failure ??= err;
          },
        );
        running.set(
          stage.id,
          task.finally(() => running.delete(stage.id)),
        );
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    await Promise.all(running.values());
  } finally {
    await Promise.all(lockWrites.values()).catch(() => undefined);
    await index.save();
  }
  if (failure !== undefined) throw failure;
  return results;
}

function differences(expected: readonly LockEntry[], computed: readonly LockEntry[]): string[] {
  const out: string[] = [];
  for (const c of computed) {
    const e = expected.find((o) => o.path === c.path);
    if (e && e.sha256 !== c.sha256)
      out.push(`${c.path}: recorded ${e.sha256.slice(0, 12)}, computed ${c.sha256.slice(0, 12)}`);
  }
  return out;
}

/**
 * After a trusted run computed a stage, says where others claimed different bytes for the same
 * inputs: the committed lock (what the pull request reported) and the data remote's run-cache
 * record (which anyone able to push there may have forged). Neither was used; the record is
 * replaced when the run cache is pushed.
 */
async function reportDisagreements(
  stage: StageSpec,
  runKey: string,
  outs: readonly LockEntry[],
  locked: LockStage | undefined,
  remote: Remote | undefined,
  logger: Logger,
): Promise<void> {
  if (locked && locked.run_key === runKey) {
    const diff = differences(locked.outs, outs);
    if (diff.length > 0)
      logger.warn(
        `${stage.id}: this trusted run computed other outputs than ${stage.file.replace(/pipeline\.yaml$/, "pipeline.lock")} records for the same inputs (${diff.join("; ")}); the computed ones are used`,
      );
  }
  if (!remote) return;
  const bytes = await remote.readRecord(runCacheRelPath(runKey)).catch(() => undefined);
  if (!bytes) return;
  const record = parseRunCacheEntry(bytes.toString("utf8"), runKey);
  const diff = record ? differences(record.outs, outs) : ["the record is not a valid run-cache entry"];
  if (diff.length > 0)
    logger.warn(
      `${stage.id}: run-cache record ${runKey.slice(0, 12)} on ${remote.name} disagrees with this trusted run (${diff.join("; ")}); it was not used, and pushing the run cache replaces it`,
    );
}

/** Cached outputs stay out of git, as tracked datasets do; metrics and plots are meant to be committed. */
async function ignoreOutputs(stage: StageSpec): Promise<void> {
  for (const out of stage.outs) if (out.kind === "outs" && out.cache) await ignoreInGit(out.abs);
}

/** True when every object the outputs need is in the cache, pulling what is missing from the remote. */
async function ensureObjects(
  cache: Cache,
  outs: readonly LockEntry[],
  remote: Remote | undefined,
  logger: Logger,
): Promise<boolean> {
  const missing = outs.filter((o) => !cache.has(o.sha256));
  if (missing.length > 0) {
    if (!remote) return false;
    const present = await remote.has(missing.map((o) => o.sha256));
    if (missing.some((o) => !present.has(o.sha256))) return false;
    await pull(
      cache,
      remote,
      missing.map((o) => ({ oid: o.sha256, referencedBy: o.path })),
      { logger },
    );
  }
  for (const out of outs) {
    if (!isDirId(out.sha256)) continue;
    const entries = await cache.readDirListing(out.sha256);
    if (entries.some((e) => !cache.has(e.sha256))) return remote !== undefined && missing.length > 0;
  }
  return true;
}
