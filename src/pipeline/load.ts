import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { MlopsError } from "../errors/index.js";
import type { ParamValue } from "../manifest/params.js";
import { paramsFile } from "../manifest/params.js";
import {
  expandedPipeline,
  normalisePath as normalise,
  outPath,
  type Pipeline,
  pipeline as pipelineSchema,
  type StageOut,
} from "../manifest/pipeline.js";
import type { SweepBlock } from "../manifest/sweep.js";
import { lineInYaml, parseYaml } from "../manifest/yaml-file.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { type ExpandedStage, expandStages } from "./templating.js";

/** A path a stage names, resolved three ways: as written, absolute, and relative to the repo root. */
export interface StagePath {
  /** As written in pipeline.yaml, normalised (relative to the stage's working directory). */
  path: string;
  abs: string;
  /** Relative to the repository root, `/`-separated: what messages and the DAG use. */
  repoPath: string;
}

export type OutKind = "outs" | "metrics" | "plots";

export interface StageOutput extends StagePath {
  kind: OutKind;
  /** Stored in the cache (and so restorable from the run cache). */
  cache: boolean;
  /** Left in place while the stage reruns. */
  persist: boolean;
}

export interface StageParam {
  /** Params file as written (relative to the working directory), e.g. `params.yaml`. */
  file: string;
  key: string;
  value: ParamValue;
}

/** One stage, with every path resolved and every param value read. */
export interface StageSpec {
  pipeline: string;
  name: string;
  /** `pipeline/stage`: unique across the repository. */
  id: string;
  /** The pipeline.yaml, relative to the repo root. */
  file: string;
  line: number | undefined;
  wdir: string;
  /** The working directory relative to the repo root. */
  wdirPath: string;
  cmds: string[];
  deps: StagePath[];
  params: StageParam[];
  outs: StageOutput[];
  env: Record<string, string>;
  /** Variables of the runner's environment passed by name (the pipeline's and the stage's `pass_env`). */
  passEnv: string[];
  seed: number | undefined;
}

export interface PipelineSpec {
  name: string;
  dir: string;
  file: string;
  lockFile: string;
  stages: StageSpec[];
  /** The sweep pipeline.yaml declares, validated with its bounds. */
  sweep?: SweepBlock;
}

/** Pipeline names under `pipelines/`, sorted: each directory holding a pipeline.yaml. */
export function listPipelines(layout: RepoLayout): string[] {
  if (!existsSync(layout.pipelinesDir)) return [];
  return readdirSync(layout.pipelinesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(layout.pipelinesDir, e.name, "pipeline.yaml")))
    .map((e) => e.name)
    .sort();
}

/** Selects `a.b.c` from a params mapping; undefined when any part is missing. */
export function selectParam(params: Record<string, ParamValue>, key: string): ParamValue | undefined {
  let value: ParamValue | undefined = params;
  for (const part of key.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, ParamValue>)[part];
  }
  return value;
}

class ParamsFiles {
  private readonly loaded = new Map<string, Record<string, ParamValue>>();
  constructor(private readonly layout: RepoLayout) {}

  async read(abs: string): Promise<Record<string, ParamValue>> {
    const hit = this.loaded.get(abs);
    if (hit) return hit;
    const display = toRepoPath(this.layout, abs);
    let text: string;
    try {
      text = await readFile(abs, "utf8");
    } catch {
      throw new MlopsError("not-found", "params file not found", {
        file: display,
        hint: "create it, or remove the `params` entries that name it",
      });
    }
    const values = parseYaml(text, paramsFile, display);
    this.loaded.set(abs, values);
    return values;
  }
}

function describeKeys(values: Record<string, ParamValue>, key: string): string {
  const parent = key.includes(".") ? key.slice(0, key.lastIndexOf(".")) : "";
  const scope = parent ? selectParam(values, parent) : values;
  if (scope && typeof scope === "object" && !Array.isArray(scope)) {
    const keys = Object.keys(scope);
    if (keys.length > 0) return keys.map((k) => (parent ? `${parent}.${k}` : k)).join(", ");
  }
  return "(none)";
}

/** Reads and resolves one pipeline: paths, params (every named key must exist) and commands. */
export async function loadPipeline(layout: RepoLayout, name: string): Promise<PipelineSpec> {
  const dir = join(layout.pipelinesDir, name);
  const fileAbs = join(dir, "pipeline.yaml");
  const file = toRepoPath(layout, fileAbs);
  let text: string;
  try {
    text = await readFile(fileAbs, "utf8");
  } catch {
    throw new MlopsError("not-found", `no pipeline named '${name}'`, {
      file,
      expected: `one of: ${listPipelines(layout).join(", ") || "(no pipelines)"}`,
    });
  }
  // The file as written (shape, with its templating), then each stage as expanded.
  const written = parseYaml(text, pipelineSchema, file);
  const expanded = expandStages({ file, text, dir, display: (abs) => toRepoPath(layout, abs) });
  const parsed = validateExpanded(written.pass_env, expanded, file, text);
  const yamlPaths = new Map(expanded.map((e) => [e.name, e.yamlPath]));
  const params = new ParamsFiles(layout);
  const stages: StageSpec[] = [];
  for (const [stageName, stage] of Object.entries(parsed.stages)) {
    const at = (...path: PropertyKey[]) =>
      lineInYaml(text, [...(yamlPaths.get(stageName) ?? ["stages", stageName]), ...path]);
    const wdir = resolve(dir, stage.wdir ?? ".");
    const resolvePath = (p: string): StagePath => {
      const abs = resolve(wdir, p);
      return { path: normalise(p), abs, repoPath: toRepoPath(layout, abs) };
    };
    const stageParams: StageParam[] = [];
    for (const [i, entry] of (stage.params ?? []).entries()) {
      const groups: [string, string[]][] =
        typeof entry === "string" ? [["params.yaml", [entry]]] : Object.entries(entry);
      for (const [paramsPath, keys] of groups) {
        const abs = resolve(wdir, paramsPath);
        const values = await params.read(abs);
        for (const key of keys) {
          const value = selectParam(values, key);
          if (value === undefined) {
            throw new MlopsError("invalid-file", `stage '${stageName}' names unknown parameter '${key}'`, {
              file,
              line: at("params", i),
              field: `stages.${stageName}.params[${i}]`,
              expected: `a key of ${toRepoPath(layout, abs)}: ${describeKeys(values, key)}`,
              got: key,
            });
          }
          stageParams.push({ file: normalise(paramsPath), key, value });
        }
      }
    }
    // `${…}` was replaced by expandStages, from params.yaml and `vars` as DVC does.
    const cmds = typeof stage.cmd === "string" ? [stage.cmd] : stage.cmd;
    const outs: StageOutput[] = [];
    for (const kind of ["outs", "metrics", "plots"] as const) {
      for (const out of stage[kind] ?? ([] as StageOut[])) {
        const options = typeof out === "string" ? {} : (Object.values(out)[0] ?? {});
        outs.push({
          ...resolvePath(outPath(out)),
          kind,
          cache: options.cache ?? true,
          persist: options.persist ?? false,
        });
      }
    }
    stages.push({
      pipeline: name,
      name: stageName,
      id: `${name}/${stageName}`,
      file,
      line: at(),
      wdir,
      wdirPath: toRepoPath(layout, wdir),
      cmds,
      deps: (stage.deps ?? []).map(resolvePath),
      params: stageParams,
      outs,
      env: stage.env ?? {},
      passEnv: [...new Set([...(parsed.pass_env ?? []), ...(stage.pass_env ?? [])])],
      seed: stage.seed,
    });
  }
  return {
    name,
    dir,
    file,
    lockFile: join(dir, "pipeline.lock"),
    stages,
    ...(written.sweep ? { sweep: written.sweep } : {}),
  };
}

/**
 * The expanded stages against the stage schema; an issue in a generated stage is reported on the
 * line of the template it came from.
 */
function validateExpanded(passEnv: unknown, expanded: ExpandedStage[], file: string, text: string): Pipeline {
  const candidate = {
    ...(passEnv === undefined ? {} : { pass_env: passEnv }),
    stages: Object.fromEntries(expanded.map((e) => [e.name, e.definition])),
  };
  const result = expandedPipeline.safeParse(candidate);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []) as (string | number)[];
  const stage =
    path[0] === "stages" && path.length > 1 ? expanded.find((e) => e.name === path[1]) : undefined;
  const yamlPath = stage ? [...stage.yamlPath, ...path.slice(2)] : path;
  const line = lineInYaml(text, yamlPath) ?? (stage ? lineInYaml(text, stage.yamlPath) : undefined);
  throw new MlopsError("invalid-file", issue?.message ?? "invalid pipeline", {
    file,
    ...(line === undefined ? {} : { line }),
    field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join(""),
  });
}

export async function loadPipelines(layout: RepoLayout, names?: readonly string[]): Promise<PipelineSpec[]> {
  const all = listPipelines(layout);
  const wanted = names && names.length > 0 ? names : all;
  const out: PipelineSpec[] = [];
  for (const name of wanted) out.push(await loadPipeline(layout, name));
  return out;
}
