import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import type { ParamValue } from "../manifest/params.js";
import type { SweepPoint } from "./points.js";
import type { ParamSweep } from "./set-spec.js";

/** A swept key bound to the pipelines whose params.yaml holds it. */
export interface ResolvedSweep extends ParamSweep {
  pipelines: string[];
}

function paramsPath(pipelinesDir: string, pipeline: string): string {
  return join(pipelinesDir, pipeline, "params.yaml");
}

async function readParamsDocument(file: string) {
  const doc = parseDocument(await readFile(file, "utf8"));
  if (doc.errors.length > 0)
    throw new MlopsError("invalid-file", `cannot read params: ${doc.errors[0]?.message ?? "bad YAML"}`, {
      file,
    });
  return doc;
}

/** The dotted keys that the pipeline's params.yaml does not have (all of them when it has none). */
export async function missingParamKeys(
  pipelinesDir: string,
  pipeline: string,
  keys: readonly string[],
): Promise<string[]> {
  const file = paramsPath(pipelinesDir, pipeline);
  if (!existsSync(file)) return [...keys];
  const doc = await readParamsDocument(file);
  return keys.filter((k) => !doc.hasIn(k.split(".")));
}

/**
 * Finds, for each swept key, the selected pipelines whose params.yaml already has it: a sweep
 * changes existing params, so a misspelt key is refused before anything runs.
 */
export async function resolveSweeps(
  pipelinesDir: string,
  pipelines: readonly string[],
  sweeps: readonly ParamSweep[],
): Promise<ResolvedSweep[]> {
  const docs = new Map<string, Awaited<ReturnType<typeof readParamsDocument>>>();
  for (const p of pipelines) {
    const file = paramsPath(pipelinesDir, p);
    if (existsSync(file)) docs.set(p, await readParamsDocument(file));
  }
  return sweeps.map((s) => {
    if (s.pipeline !== undefined && !pipelines.includes(s.pipeline))
      throw new MlopsError("usage", `-S ${s.pipeline}:${s.key}: '${s.pipeline}' is not a selected pipeline`, {
        expected: `one of: ${pipelines.join(", ")}`,
        got: s.pipeline,
      });
    const candidates = s.pipeline !== undefined ? [s.pipeline] : pipelines;
    const holders = candidates.filter((p) => docs.get(p)?.hasIn(s.key.split(".")) === true);
    if (holders.length === 0)
      throw new MlopsError(
        "usage",
        `-S ${s.pipeline ? `${s.pipeline}:` : ""}${s.key}: no params.yaml of ${candidates.join(", ")} has this key`,
        {
          field: "-S",
          hint: "a sweep varies params the pipeline already reads; check the spelling against params.yaml",
        },
      );
    return { ...s, pipelines: holders };
  });
}

/** Writes a point's values into the params.yaml files under `pipelinesDir`, keeping comments and order. */
export async function writePointParams(
  pipelinesDir: string,
  sweeps: readonly ResolvedSweep[],
  point: SweepPoint,
): Promise<void> {
  const byPipeline = new Map<string, { key: string; value: ParamValue }[]>();
  point.forEach((assignment, i) => {
    for (const p of sweeps[i]?.pipelines ?? []) {
      const list = byPipeline.get(p) ?? [];
      list.push({ key: assignment.key, value: assignment.value });
      byPipeline.set(p, list);
    }
  });
  for (const [pipeline, assignments] of byPipeline) {
    const file = paramsPath(pipelinesDir, pipeline);
    const doc = await readParamsDocument(file);
    for (const a of assignments) doc.setIn(a.key.split("."), a.value);
    await writeFileAtomic(file, doc.toString());
  }
}
