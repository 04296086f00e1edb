import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import type { Gate, ModelCard, ModelVersion } from "../manifest/index.js";
import { metricDirection } from "../metrics/direction.js";
import type { RepoLayout } from "../repo/index.js";
import { signatureChanges } from "./signature.js";

export interface GateResult {
  gate: string;
  passed: boolean;
  /** The numbers behind the verdict, for people: "rmse 2.41 <= 3". */
  detail: string;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

function describeGate(g: Gate): string {
  if ("validation" in g) return "validation passed";
  if ("op" in g) return `${g.metric} ${g.op} ${g.value}`;
  return `${g.metric} no worse than the stage's model by more than ${g.max_regression}`;
}

export interface GateContext {
  layout: RepoLayout;
  card: ModelCard;
  candidate: ModelVersion;
  /** The version the stage holds now, if any. */
  current: ModelVersion | undefined;
  allowSignatureChange?: boolean;
  /** Evaluations already made, by artifact hash: retries after a lost race reuse them. */
  evaluations?: Map<string, Record<string, number>>;
}

/** Checks every gate of a stage plus signature compatibility with what the stage runs now. */
export async function checkGates(stage: string, ctx: GateContext): Promise<GateResult[]> {
  const results: GateResult[] = [];
  const { candidate, current } = ctx;
  for (const g of ctx.card.gates[stage] ?? []) {
    const name = describeGate(g);
    if ("validation" in g) {
      const v = candidate.validation;
      results.push({
        gate: name,
        passed: v?.ok === true,
        detail: v
          ? `validation ${v.summary ?? (v.ok ? "passed" : "failed")}`
          : "no validation result was recorded",
      });
    } else if ("op" in g) {
      const value = candidate.metrics[g.metric];
      if (value === undefined) {
        results.push({
          gate: name,
          passed: false,
          detail: `${candidate.version} has no metric '${g.metric}'`,
        });
        continue;
      }
      const passed =
        g.op === ">="
          ? value >= g.value
          : g.op === "<="
            ? value <= g.value
            : g.op === ">"
              ? value > g.value
              : value < g.value;
      results.push({
        gate: name,
        passed,
        detail: `${g.metric} ${fmt(value)} ${passed ? "" : "not "}${g.op} ${g.value}`.replace("  ", " "),
      });
    } else {
      const known = metricDirection(g.metric);
      const higher = g.higher_is_better ?? (known === undefined ? undefined : known === "higher");
      if (higher === undefined) {
        throw new MlopsError("invalid-file", `mlops does not know whether a higher '${g.metric}' is better`, {
          file: `models/${ctx.card.name}/model.yaml`,
          field: `gates.${stage}`,
          hint: "add `higher_is_better: true` or `false` to the gate",
        });
      }
      if (!current) {
        results.push({
          gate: name,
          passed: true,
          detail: `the stage holds no version yet; nothing to compare`,
        });
        continue;
      }
      const [cand, cur] = await Promise.all([
        evaluateOnCurrentData(ctx, candidate),
        evaluateOnCurrentData(ctx, current),
      ]);
      const a = cand[g.metric];
      const b = cur[g.metric];
      if (a === undefined || b === undefined) {
        results.push({ gate: name, passed: false, detail: `the evaluation gives no metric '${g.metric}'` });
        continue;
      }
      const worse = higher ? b - a : a - b;
      const passed = worse <= g.max_regression;
      results.push({
        gate: name,
        passed,
        detail:
          `${g.metric} ${fmt(a)} (${candidate.version}) vs ${fmt(b)} (${current.version}) on ${ctx.card.evaluation?.data}: ` +
          (worse > 0 ? `${fmt(worse)} worse` : `${fmt(-worse)} better`) +
          (passed ? `, within ${g.max_regression}` : `, more than the ${g.max_regression} allowed`),
      });
    }
  }
  if (current && !ctx.allowSignatureChange) {
    const changes = signatureChanges(current.signature, candidate.signature);
    results.push({
      gate: "signature compatible with the stage's model",
      passed: changes.length === 0,
      detail: changes.length
        ? `${candidate.version} vs ${current.version}: ${changes.join("; ")} (pass --allow-signature-change to accept)`
        : `same inputs and outputs as ${current.version}`,
    });
  }
  return results;
}

/** The version's model evaluated on the card's evaluation data (cached by artifact hash). */
export async function evaluateOnCurrentData(
  ctx: Pick<GateContext, "layout" | "card" | "evaluations">,
  version: ModelVersion,
): Promise<Record<string, number>> {
  const cached = ctx.evaluations?.get(version.artifact.sha256);
  if (cached) return cached;
  const evaluation = ctx.card.evaluation;
  if (!evaluation) throw new MlopsError("internal", "a regression gate without evaluation data");
  const modelPath = await modelObjectPath(ctx.layout, version);
  const { readTable } = await import("../table/index.js");
  const { evaluateModel } = await import("../evaluate/index.js");
  const dataFile = join(ctx.layout.pipelinesDir, ctx.card.pipeline, evaluation.data);
  const display = `pipelines/${ctx.card.pipeline}/${evaluation.data}`;
  const table = await readTable(dataFile, display).catch((err) => {
    throw new MlopsError("not-found", "the evaluation data is not in the workspace", {
      file: display,
      hint: `run \`mlops run ${ctx.card.pipeline}\` first`,
      cause: err,
    });
  });
  const result = await evaluateModel(modelPath, table, {
    modelLabel: `${version.model}@${version.version}`,
    ...(evaluation.target ? { target: evaluation.target } : {}),
  });
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(result.metrics)) if (typeof v === "number") metrics[k] = v;
  ctx.evaluations?.set(version.artifact.sha256, metrics);
  return metrics;
}

/** The version's model file in the local store, fetched from the data remote when missing. */
export async function modelObjectPath(layout: RepoLayout, version: ModelVersion): Promise<string> {
  const { storedObject } = await import("../tracking/index.js");
  const name = `${version.model}@${version.version}`;
  return storedObject(layout, version.artifact.sha256, { what: `the model of ${name}`, referencedBy: name });
}
