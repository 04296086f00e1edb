import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { type SweepBlock, sweepPointCount } from "../manifest/sweep.js";
import { lineInYaml } from "../manifest/yaml-file.js";
import { loadPipelines } from "../pipeline/index.js";
import type { RepoLayout } from "../repo/index.js";
import { missingParamKeys } from "./params-edit.js";
import { runExperiments, type SweepOptions, type SweepResult } from "./run-sweep.js";
import type { ParamSweep } from "./set-spec.js";

/** A `sweep:` block of one pipeline.yaml, checked against its params.yaml. */
export interface DeclaredSweep {
  pipeline: string;
  /** pipeline.yaml, relative to the repository root. */
  file: string;
  block: SweepBlock;
  sweeps: ParamSweep[];
  /** How many points it runs (the grid, or the random sample). */
  points: number;
  /** Its points are named PREFIX-1, PREFIX-2, … in grid order. */
  prefix: string;
}

/** The names a declared sweep's points get, which the report finds them by. */
export function declaredSweepPrefix(pipeline: string): string {
  return `sweep-${pipeline}`;
}

/** True when `name` is a point of the declared sweep of `pipeline`. */
export function isDeclaredSweepPoint(pipeline: string, name: string): boolean {
  const prefix = `${declaredSweepPrefix(pipeline)}-`;
  return name.startsWith(prefix) && /^[1-9][0-9]*$/.test(name.slice(prefix.length));
}

/**
 * The sweeps the pipelines declare. pipeline.yaml's schema already bounds each (keys, values,
 * max_points); here every key must also exist in the pipeline's params.yaml, since a sweep varies
 * params the stages read and a misspelt key would otherwise sweep nothing.
 */
export async function declaredSweeps(
  layout: RepoLayout,
  pipelines?: readonly string[],
): Promise<DeclaredSweep[]> {
  const out: DeclaredSweep[] = [];
  for (const spec of await loadPipelines(layout, pipelines)) {
    const block = spec.sweep;
    if (!block) continue;
    const paramsDisplay = spec.file.replace(/pipeline\.yaml$/, "params.yaml");
    const [missing] = await missingParamKeys(layout.pipelinesDir, spec.name, Object.keys(block.params));
    if (missing !== undefined) {
      const line = lineInYaml(await readFile(join(spec.dir, "pipeline.yaml"), "utf8"), [
        "sweep",
        "params",
        missing,
      ]);
      throw new MlopsError(
        "invalid-file",
        `the sweep varies '${missing}', which ${paramsDisplay} does not have`,
        {
          file: spec.file,
          ...(line === undefined ? {} : { line }),
          field: `sweep.params.${missing}`,
          expected: `a key of ${paramsDisplay}`,
          got: missing,
          hint: "a sweep varies params the stages already read; check the spelling against params.yaml",
        },
      );
    }
    out.push({
      pipeline: spec.name,
      file: spec.file,
      block,
      sweeps: Object.entries(block.params).map(([key, list]) => ({
        pipeline: spec.name,
        key,
        values: [...list],
      })),
      points: sweepPointCount(block),
      prefix: declaredSweepPrefix(spec.name),
    });
  }
  return out;
}

export type DeclaredSweepOptions = Omit<
  SweepOptions,
  "sets" | "sweeps" | "random" | "seed" | "name" | "pipelines"
> & {
  /** Only these pipelines' sweeps (default every pipeline's). */
  pipelines?: readonly string[];
};

/**
 * Runs every declared sweep, one pipeline after the other, each point an experiment named
 * `sweep-<pipeline>-N` on HEAD. Nothing is pushed: refs stay in this repository, and the data
 * remote is opened through the write guard, so in a pull-request run it is only read.
 */
export async function runDeclaredSweeps(
  layout: RepoLayout,
  options: DeclaredSweepOptions = {},
): Promise<{ sweeps: (SweepResult & { pipeline: string; file: string })[] }> {
  const declared = await declaredSweeps(layout, options.pipelines);
  const sweeps: (SweepResult & { pipeline: string; file: string })[] = [];
  const { pipelines: _, ...rest } = options;
  for (const d of declared) {
    const result = await runExperiments(layout, {
      ...rest,
      pipelines: [d.pipeline],
      sets: [],
      sweeps: d.sweeps,
      name: d.prefix,
      ...(d.block.random ? { random: d.block.random.points, seed: d.block.random.seed ?? 0 } : {}),
    });
    sweeps.push({ ...result, pipeline: d.pipeline, file: d.file });
    if (options.signal?.aborted) break;
  }
  return { sweeps };
}
