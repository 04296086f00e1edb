import { createHash } from "node:crypto";
import { MlopsError, userMessage } from "../errors/index.js";
import type { Logger } from "../log/index.js";
import { silentLogger } from "../log/index.js";
import type { ParamValue } from "../manifest/params.js";
import { workspaceMetrics } from "../metrics/index.js";
import { listPipelines, reproduce, type StageResult } from "../pipeline/index.js";
import type { RepoLayout } from "../repo/index.js";
import { resolveRemote } from "../tracking/index.js";
import { commitPoint } from "./commit-point.js";
import {
  checkExperimentName,
  experimentRef,
  headCommit,
  uncommittedPipelineChanges,
  writeExperimentRef,
} from "./exp-refs.js";
import { resolveSweeps, writePointParams } from "./params-edit.js";
import { createPointCheckout, pruneCheckouts } from "./point-checkout.js";
import { describePoint, gridPoints, randomPoints, type SweepPoint } from "./points.js";
import { type ParamSweep, parseSetSpecs } from "./set-spec.js";

export interface SweepOptions {
  /** Pipelines to reproduce; none means every pipeline. */
  pipelines?: readonly string[];
  /** `-S [pipeline:]key=v1,v2` options. */
  sets: readonly string[];
  /** Keys and values already parsed (a sweep declared in pipeline.yaml); used instead of `sets`. */
  sweeps?: readonly ParamSweep[];
  /** Draw this many points of the grid instead of running all of them. */
  random?: number;
  seed?: number;
  /** Points run side by side (default 1). */
  jobs?: number;
  /** Names become PREFIX-1, PREFIX-2, … in grid order (default: exp- and a hash of the point). */
  name?: string;
  remoteName?: string;
  cliEntry?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Stops starting new points once aborted (Ctrl-C); points already running finish or fail. */
  signal?: AbortSignal;
  /** One line per point as it starts and ends. */
  onProgress?: (line: string) => void;
}

export interface PointResult {
  name: string;
  params: Record<string, ParamValue>;
  status: "succeeded" | "failed" | "cancelled";
  ref?: string;
  commit?: string;
  /** How many stages ran, were restored from the run cache, or were unchanged. */
  stages?: { ran: number; restored: number; skipped: number };
  /** The stages that ran here (a rerun of the same sweep lists none). */
  ran?: string[];
  metrics?: Record<string, number | string | boolean | null>;
  error?: string;
  duration_ms: number;
}

export interface SweepResult {
  base: string;
  pipelines: string[];
  points: PointResult[];
}

function paramsOf(point: SweepPoint): Record<string, ParamValue> {
  return Object.fromEntries(point.map((p) => [`${p.pipeline ? `${p.pipeline}:` : ""}${p.key}`, p.value]));
}

/** A name that only depends on the pipelines and the values: the same point keeps its name across reruns. */
function defaultName(pipelines: readonly string[], point: SweepPoint): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([pipelines, paramsOf(point)]))
    .digest("hex");
  return `exp-${digest.slice(0, 7)}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Metrics as `exp show` keys them: `<file stem>.<key>`, the pipeline in front when several ran. */
export function metricKey(pipeline: string, path: string, key: string, several: boolean): string {
  const stem =
    path
      .split("/")
      .pop()
      ?.replace(/\.(json|ya?ml)$/, "") ?? path;
  return `${several ? `${pipeline}/` : ""}${stem}.${key}`;
}

/**
 * Runs a parameter sweep: every point (a grid, or a seeded sample of it) is a full reproduction
 * in its own checkout of HEAD with its params written in, sharing the workspace's cache, then is
 * kept as a commit named by `refs/exps/<HEAD>/<name>`. A failing point is reported and the
 * others go on; no ref is written for a point that did not finish.
 */
export async function runExperiments(layout: RepoLayout, options: SweepOptions): Promise<SweepResult> {
  const logger = options.logger ?? silentLogger;
  if (options.sets.length === 0 && !options.sweeps?.length)
    throw new MlopsError("usage", "no parameter to sweep", {
      field: "-S",
      expected: "at least one -S KEY=V1,V2",
    });
  const sweeps = options.sweeps?.length ? [...options.sweeps] : parseSetSpecs(options.sets);
  const known = listPipelines(layout);
  for (const name of options.pipelines ?? [])
    if (!known.includes(name))
      throw new MlopsError("usage", `no pipeline named '${name}'`, {
        expected: `one of: ${known.join(", ") || "(no pipelines under pipelines/)"}`,
        got: name,
      });
  const pipelines = options.pipelines && options.pipelines.length > 0 ? [...options.pipelines] : known;
  if (pipelines.length === 0)
    throw new MlopsError("not-found", "no pipelines to sweep: pipelines/ holds no pipeline.yaml", {
      hint: "write pipelines/<name>/pipeline.yaml and params.yaml first",
    });
  const resolved = await resolveSweeps(layout.pipelinesDir, pipelines, sweeps);
  if (options.name !== undefined) checkExperimentName(options.name);
  if (options.random !== undefined && (!Number.isInteger(options.random) || options.random < 1))
    throw new MlopsError("usage", "--random expects a whole number of at least 1", {
      got: String(options.random),
    });
  const points =
    options.random !== undefined
      ? randomPoints(sweeps, options.random, options.seed ?? 0)
      : gridPoints(sweeps);
  const base = await headCommit(layout.root);
  const dirty = await uncommittedPipelineChanges(
    layout.root,
    pipelines.map((p) => `pipelines/${p}`),
  );
  if (dirty.length > 0)
    logger.warn(
      `the sweep runs the committed files of ${base.slice(0, 7)}; uncommitted changes to ${dirty.join(", ")} are not part of it`,
    );
  // Opened here, against the workspace: a relative remote path names the workspace's directory.
  const remote = (await resolveRemote(layout, options.remoteName))?.remote;
  await pruneCheckouts(layout);
  const several = pipelines.length > 1;
  const names = points.map((p, i) => (options.name ? `${options.name}-${i + 1}` : defaultName(pipelines, p)));
  const results: PointResult[] = new Array(points.length);
  const progress = options.onProgress ?? (() => {});
  let finished = 0;

  const runPoint = async (index: number): Promise<PointResult> => {
    const point = points[index] as SweepPoint;
    const name = names[index] as string;
    const params = paramsOf(point);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (options.signal?.aborted) return { name, params, status: "cancelled", duration_ms: 0 };
    progress(`[${name}] started: ${describePoint(point)}`);
    const checkout = await createPointCheckout(layout, base, name);
    const pointLogger: Logger = {
      info: (m) => logger.info(`[${name}] ${m}`),
      warn: (m) => logger.warn(`[${name}] ${m}`),
      debug: (m) => logger.debug(`[${name}] ${m}`),
      progress: (label, total) => logger.progress(`[${name}] ${label}`, total),
    };
    try {
      await writePointParams(checkout.layout.pipelinesDir, resolved, point);
      const stageResults: StageResult[] = await reproduce(checkout.layout, {
        pipelines,
        jobs: 1,
        logger: pointLogger,
        ...(remote ? { remote } : {}),
        ...(options.cliEntry ? { cliEntry: options.cliEntry } : {}),
        ...(options.env ? { env: options.env } : {}),
      });
      const files = await workspaceMetrics(checkout.layout, pipelines);
      const metrics: PointResult["metrics"] = {};
      for (const f of files)
        for (const [key, value] of Object.entries(f.values))
          metrics[metricKey(f.pipeline, f.path, key, several)] = value;
      const count = (s: string) => stageResults.filter((r) => r.status === s).length;
      const commit = await commitPoint(
        checkout.dir,
        base,
        pipelines.map((p) => `pipelines/${p}`),
        {
          name,
          pipelines,
          params,
          metrics_files: files.map((f) => f.path),
          created: new Date().toISOString(),
        },
        describePoint(point),
      );
      const ref = experimentRef(base, name);
      await writeExperimentRef(layout.root, ref, commit);
      const stages = { ran: count("ran"), restored: count("restored"), skipped: count("skipped") };
      return {
        name,
        params,
        status: "succeeded",
        ref,
        commit,
        stages,
        ran: stageResults.filter((r) => r.status === "ran").map((r) => `${r.pipeline}/${r.stage}`),
        metrics,
        duration_ms: elapsed(),
      };
    } catch (err) {
      const got = err instanceof MlopsError && err.got ? `\n  ${err.got.split("\n").join("\n  ")}` : "";
      return { name, params, status: "failed", error: `${userMessage(err)}${got}`, duration_ms: elapsed() };
    } finally {
      await checkout
        .remove()
        .catch((err: unknown) => logger.warn(`could not remove ${checkout.dir}: ${userMessage(err)}`));
    }
  };

  const jobs = Math.max(1, options.jobs ?? 1);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= points.length) return;
      const result = await runPoint(index);
      results[index] = result;
      if (result.status === "cancelled") continue;
      finished++;
      const where = `[${finished}/${points.length}] ${result.name}`;
      if (result.status === "succeeded") {
        const s = result.stages ?? { ran: 0, restored: 0, skipped: 0 };
        progress(
          `${where} done in ${seconds(result.duration_ms)}: ${s.ran} ran, ${s.restored} restored, ${s.skipped} unchanged`,
        );
      } else progress(`${where} FAILED: ${result.error ?? "unknown error"}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, points.length) }, worker));
  return { base, pipelines, points: results };
}
