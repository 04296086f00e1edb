import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gitRaw } from "../git/index.js";
import type { Logger } from "../log/index.js";
import type { ModelCard } from "../manifest/index.js";
import { diffMetrics, diffParams, metricDirection } from "../metrics/index.js";
import { loadPipelines, type PipelineSpec } from "../pipeline/index.js";
import { buildState, checkGates, loadModelCards, readRegistryRefs } from "../registry/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { diffData } from "./data-diff.js";
import type { PipelineSection, ReportDocument } from "./document.js";

export interface BuildReportOptions {
  /** The revision to compare with (default `main`). */
  base?: string;
  /** Compare with what staging and prod hold, evaluating their models on the same data (default true). */
  stages?: boolean;
  logger?: Logger;
}

async function revParse(layout: RepoLayout, rev: string): Promise<string | null> {
  const r = await gitRaw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
    cwd: layout.root,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.toString("utf8").trim() : null;
}

async function headRef(layout: RepoLayout): Promise<string> {
  const r = await gitRaw(["rev-parse", "--abbrev-ref", "HEAD"], { cwd: layout.root, okCodes: [128] });
  return r.code === 0 ? r.stdout.toString("utf8").trim() : "HEAD";
}

/** A validation result written by `mlops validate --json`, told apart from ordinary metrics by shape. */
function asValidation(
  value: unknown,
): { ok: boolean; dataset?: string; rows?: number; findings?: unknown[] } | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  return typeof v.ok === "boolean" && Array.isArray(v.findings) ? (v as never) : undefined;
}

/** A param value bounded the way the report's schema bounds strings (a long list param is cut). */
function clip<T>(value: T): T | string {
  return typeof value === "string" && value.length > 500 ? `${value.slice(0, 499)}…` : value;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

function histogram(values: number[], bins = 20): { edges: number[]; counts: number[] } {
  if (values.length === 0) return { edges: [], counts: [] };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const i = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { edges, counts };
}

/**
 * The pull-request report of the working tree against `base`: per pipeline the metrics (head,
 * base, and what staging and prod score on the same data), gate results for the candidate, changed
 * params, validation results, and the confusion matrix or residuals; per dataset its hash on both sides.
 */
export async function buildReport(
  layout: RepoLayout,
  options: BuildReportOptions = {},
): Promise<ReportDocument> {
  const base = options.base ?? "main";
  const baseSha = await revParse(layout, base);
  const baseRev = baseSha ?? "HEAD";
  const headSha = await revParse(layout, "HEAD");
  const specs = await loadPipelines(layout);
  const pipelines: PipelineSection[] = [];
  // Every model card read once; each pipeline's section takes the cards that name it. The curves
  // need the cards (their evaluation data) even when the stages are not compared.
  const cards = await loadModelCards(layout);
  const baseLabel = baseSha ? `base ${base}` : "base HEAD";
  for (const spec of specs) {
    const mine = cards.filter((c) => c.pipeline === spec.name);
    const section = await pipelineSection(
      layout,
      spec,
      baseRev,
      options.stages === false ? [] : mine,
      options,
    );
    const { curvesFor } = await import("./curves.js");
    const curves = [];
    for (const card of mine) {
      const set = await curvesFor(layout, spec, card, {
        sources: [{ label: "this PR" }, { label: baseLabel, rev: baseRev }],
        stages: options.stages !== false,
        ...(options.logger ? { logger: options.logger } : {}),
      });
      if (set) curves.push(set);
    }
    if (curves.length) section.curves = curves;
    const { sweepSectionFor } = await import("./sweep-section.js");
    const sweep = await sweepSectionFor(layout, spec, headSha, mine[0]);
    if (sweep) section.sweep = sweep;
    pipelines.push(section);
  }
  return {
    schema: "mlops-report/1",
    head: { ref: await headRef(layout), sha: headSha },
    base: { ref: base, sha: baseSha },
    ...(await diffData(
      layout,
      baseRev,
      options.logger,
      baseSha ? `${base} (${baseSha.slice(0, 10)})` : base,
    )),
    pipelines,
  };
}

async function pipelineSection(
  layout: RepoLayout,
  spec: PipelineSpec,
  baseRev: string,
  cards: readonly ModelCard[],
  _options: BuildReportOptions,
): Promise<PipelineSection> {
  const section: PipelineSection = {
    pipeline: spec.name,
    metrics: [],
    params: [],
    gates: [],
    validation: [],
    confusion: [],
    residuals: [],
  };
  const metricOuts = spec.stages.flatMap((s) => s.outs.filter((o) => o.kind === "metrics"));
  const validationFiles = new Set<string>();
  for (const out of metricOuts) {
    const v = asValidation(await readJson(out.abs));
    if (!v) continue;
    validationFiles.add(out.repoPath);
    const findings = (v.findings ?? []) as {
      severity?: string;
      check?: string;
      column?: string;
      message?: string;
    }[];
    section.validation.push({
      pipeline: spec.name,
      file: out.repoPath,
      dataset: String(v.dataset ?? out.repoPath),
      ok: v.ok,
      rows: typeof v.rows === "number" ? v.rows : null,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warn").length,
      findings: findings.slice(0, 50).map((f) => ({
        severity: f.severity === "error" ? "error" : "warn",
        check: String(f.check ?? "check").slice(0, 200),
        column: f.column ? String(f.column).slice(0, 200) : null,
        message: String(f.message ?? "").slice(0, 1000),
      })),
    });
  }
  const changes = await diffMetrics(layout, { base: baseRev, all: true, pipelines: [spec.name] });
  for (const c of changes) {
    if (validationFiles.has(c.path)) continue;
    if (c.current === undefined) continue;
    section.metrics.push({
      file: c.path,
      metric: c.key,
      head: c.current ?? null,
      ...(c.base !== undefined ? { base: c.base } : {}),
      direction: metricDirection(c.key) ?? null,
    });
  }
  for (const p of await diffParams(layout, { base: baseRev, pipelines: [spec.name] })) {
    section.params.push({
      file: p.path,
      key: p.key,
      ...(p.base !== undefined ? { base: clip(p.base) } : {}),
      ...(p.current !== undefined ? { head: clip(p.current) } : {}),
    });
  }
  for (const stage of spec.stages) {
    for (const out of stage.outs.filter((o) => o.kind === "plots")) {
      for (const [file, kind] of [
        [join(out.abs, "confusion_matrix.json"), "confusion"],
        [join(out.abs, "residuals.json"), "residuals"],
      ] as const) {
        const value = await readJson(file);
        if (!value) continue;
        const display = toRepoPath(layout, file);
        if (kind === "confusion") {
          const c = value as { labels?: unknown; matrix?: unknown };
          if (Array.isArray(c.labels) && Array.isArray(c.matrix)) {
            section.confusion.push({
              file: display,
              labels: c.labels.map(String),
              matrix: c.matrix as number[][],
            });
          }
        } else if (Array.isArray(value)) {
          const r = (value as { residual?: number }[]).map((x) => Number(x.residual)).filter(Number.isFinite);
          const h = histogram(r);
          section.residuals.push({
            file: display,
            count: r.length,
            mean: r.length ? r.reduce((a, b) => a + b, 0) / r.length : 0,
            ...h,
          });
        }
      }
    }
  }
  if (cards.length) await compareWithStages(layout, spec, section, cards);
  return section;
}

/** Staging and prod columns, and the gates the candidate would meet, for each model of the pipeline. */
async function compareWithStages(
  layout: RepoLayout,
  spec: PipelineSpec,
  section: PipelineSection,
  cards: readonly ModelCard[],
): Promise<void> {
  const { candidateManifest, stageManifest, evaluateOnData } = await import("./candidate.js");
  for (const card of cards) {
    const modelFile = join(spec.dir, card.output);
    if (!existsSync(modelFile)) continue;
    const refs = await readRegistryRefs(layout.root, { model: card.name });
    const state = buildState(refs).models.get(card.name);
    const candidate = await candidateManifest(layout, card, spec.dir, modelFile);
    const evaluations = new Map<string, Record<string, number>>();
    const metricsFile = card.metrics ? toRepoPath(layout, join(spec.dir, card.metrics)) : undefined;
    for (const stage of ["staging", "prod"] as const) {
      const held = state?.current.get(stage);
      const current = held && state ? await stageManifest(layout, state, held) : undefined;
      if (current && metricsFile) {
        const scores = card.evaluation
          ? await evaluateOnData(layout, card, current, evaluations)
          : current.metrics;
        for (const row of section.metrics)
          if (row.file === metricsFile) row[stage] = scores[row.metric] ?? null;
      }
      if (!card.gates[stage]) continue;
      const results = await checkGates(stage, { layout, card, candidate, current, evaluations });
      for (const r of results) section.gates.push({ model: card.name, stage, ...r });
    }
  }
}
