import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Evaluation } from "../evaluate/index.js";
import { gitRaw } from "../git/index.js";
import type { Logger } from "../log/index.js";
import { type ModelCard, pipelineLock } from "../manifest/index.js";
import { parseYaml } from "../manifest/yaml-file.js";
import type { PipelineSpec } from "../pipeline/index.js";
import { buildState, modelObjectPath, readRegistryRefs } from "../registry/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import type { Table } from "../table/index.js";
import { stageManifest } from "./candidate.js";
import { type CurveSeries, type CurveSet, maxCurvePoints, maxScatterPoints } from "./document.js";

/** A model to draw: its label in the legend and where its ONNX file is (found lazily, it may need a fetch). */
interface Contender {
  label: string;
  locate: () => Promise<string>;
}

/** The sha256 the base revision's lock records for `output`, or undefined when it has none. */
async function baseOutputHash(
  layout: RepoLayout,
  spec: PipelineSpec,
  output: string,
  baseRev: string,
): Promise<string | undefined> {
  const lockPath = toRepoPath(layout, spec.lockFile);
  const r = await gitRaw(["show", `${baseRev}:${lockPath}`], { cwd: layout.root, okCodes: [128] });
  if (r.code !== 0) return undefined;
  const lock = parseYaml(r.stdout.toString("utf8"), pipelineLock, `${baseRev}:${lockPath}`);
  for (const stage of Object.values(lock.stages)) {
    const out = stage.outs.find((o) => o.path === output);
    if (out) return out.sha256;
  }
  return undefined;
}

/** Rows of the table that have a target, as the evaluator keeps them. */
function classIndices(table: Table, target: string, classes: readonly string[]): number[] {
  const position = new Map(classes.map((c, i) => [c, i]));
  const actual: number[] = [];
  for (const row of table.rows) {
    const v = row[target];
    if (v === null || v === undefined) continue;
    actual.push(position.get(String(v)) ?? -1);
  }
  return actual;
}

/** One model's series for the report from its evaluation on the shared table (the rows with a target). */
export async function curveSeriesOf(label: string, e: Evaluation, table: Table): Promise<CurveSeries> {
  const { classificationCurves, regressionPlots } = await import("../evaluate/index.js");
  const { numericColumn } = await import("../table/index.js");
  if (e.task === "regression") {
    const all = numericColumn(table, e.target);
    const values = e.predictions.values ?? [];
    const actual: number[] = [];
    const predicted: number[] = [];
    all.forEach((a, i) => {
      if (Number.isNaN(a)) return;
      actual.push(a);
      predicted.push(values[i] as number);
    });
    const plots = regressionPlots(actual, predicted, { maxPoints: maxScatterPoints });
    return { label, points: plots.predicted_vs_actual.map((p): [number, number] => [p.actual, p.predicted]) };
  }
  const classes = (e.predictions.classes ?? []).slice(0, 20);
  const k = e.predictions.classes?.length ?? 0;
  const rows = e.predictions.probabilities ?? [];
  const proba: number[] = [];
  table.rows.forEach((row, i) => {
    const v = row[e.target];
    if (v !== null && v !== undefined) proba.push(...(rows[i] ?? []));
  });
  const actual = classIndices(table, e.target, e.predictions.classes ?? []);
  // Many classes share the report's size budget: fewer points per curve, still both ends.
  const maxPoints = k > 5 ? 30 : maxCurvePoints;
  const curves = classificationCurves(actual, proba, e.predictions.classes ?? [], { maxPoints });
  return {
    label,
    classes: classes.map((name) => {
      const c = curves[name];
      return {
        class: name,
        roc: (c?.roc ?? []).map((p): [number, number] => [p.fpr, p.tpr]),
        precision_recall: (c?.precision_recall ?? []).map((p): [number, number] => [p.recall, p.precision]),
        calibration: (c?.calibration ?? []).map((b): [number, number, number] => [
          b.mean_predicted,
          b.fraction_positive,
          b.count,
        ]),
      };
    }),
  };
}

const short = (message: string) => (message.length > 280 ? `${message.slice(0, 279)}…` : message);

/** A model to draw by where it comes from: the working tree (no `rev`) or a git revision's lock. */
export interface CurveSource {
  label: string;
  rev?: string;
}

/**
 * Curves of the models a card compares, all evaluated on the card's evaluation data in the working
 * tree so the curves compare like with like: each source's model (the working tree's file, or the
 * one a revision's lock records, from the store) and, with `stages`, the models staging and prod
 * hold. A model that cannot be found or evaluated is left out with a note; undefined when the card
 * names no evaluation data or the data is not in the workspace.
 */
export async function curvesFor(
  layout: RepoLayout,
  spec: PipelineSpec,
  card: ModelCard,
  options: { sources: CurveSource[]; stages: boolean; logger?: Logger },
): Promise<CurveSet | undefined> {
  if (!card.evaluation) return undefined;
  const dataFile = join(spec.dir, card.evaluation.data);
  if (!existsSync(dataFile)) return undefined;
  const { readTable } = await import("../table/index.js");
  const { evaluateModel } = await import("../evaluate/index.js");
  const display = toRepoPath(layout, dataFile);
  const table = await readTable(dataFile, display);

  const { storedObject } = await import("../tracking/index.js");
  const contenders: Contender[] = options.sources.map(({ label, rev }) => ({
    label,
    locate: async () => {
      if (rev === undefined) {
        const file = join(spec.dir, card.output);
        if (!existsSync(file)) throw new Error(`no ${toRepoPath(layout, file)} in the working tree`);
        return file;
      }
      const oid = await baseOutputHash(layout, spec, card.output, rev);
      if (!oid) throw new Error(`the lock at ${rev} records no ${card.output}`);
      return storedObject(layout, oid, {
        what: `${card.output} at ${rev}`,
        referencedBy: `${rev}:${toRepoPath(layout, spec.lockFile)}`,
      });
    },
  }));
  if (options.stages) {
    const refs = await readRegistryRefs(layout.root, { model: card.name });
    const state = buildState(refs).models.get(card.name);
    for (const stage of ["staging", "prod"] as const) {
      const held = state?.current.get(stage);
      if (!held || !state) continue;
      contenders.push({
        label: `${stage} ${held}`,
        locate: async () => {
          const version = await stageManifest(layout, state, held);
          if (!version) throw new Error(`no manifest for ${card.name}@${held}`);
          return modelObjectPath(layout, version);
        },
      });
    }
  }

  const evaluated = new Map<string, Evaluation>();
  const series: CurveSeries[] = [];
  const notes: string[] = [];
  let task: CurveSet["task"] = card.task === "regression" ? "regression" : "classification";
  for (const c of contenders) {
    try {
      const path = await c.locate();
      let e = evaluated.get(path);
      if (!e) {
        e = await evaluateModel(path, table, {
          modelLabel: c.label,
          maxPlotPoints: 2,
          ...(card.evaluation.target ? { target: card.evaluation.target } : {}),
        });
        evaluated.set(path, e);
      }
      task = e.task;
      series.push(await curveSeriesOf(c.label, e, table));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      options.logger?.warn(`curves: ${c.label} of ${card.name} left out: ${message}`);
      notes.push(short(`${c.label}: ${message}`));
    }
  }
  if (series.length === 0 && notes.length === 0) return undefined;
  return { model: card.name, task, data: display, rows: table.rows.length, series, notes };
}
