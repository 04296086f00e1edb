import { isDeclaredSweepPoint, listExperiments, readRows } from "../experiments/index.js";
import { type ModelCard, sweepPointCount } from "../manifest/index.js";
import { metricDirection } from "../metrics/index.js";
import type { PipelineSpec } from "../pipeline/index.js";
import type { RepoLayout } from "../repo/index.js";
import type { SweepSection } from "./document.js";

type Scalar = string | number | boolean | null;

/** A cell the report's schema accepts: scalars as they are (strings bounded), anything else as JSON. */
function scalarCell(value: unknown): Scalar {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/**
 * The metric that ranks the points: the one the sweep names, else the first metric of the model
 * card's metrics file (or of any file) whose direction mlops knows, so the best can be marked.
 */
function chooseMetric(
  named: string | undefined,
  columns: readonly string[],
  card: ModelCard | undefined,
): string | null {
  if (named) return named;
  const stem =
    card?.metrics
      ?.split("/")
      .pop()
      ?.replace(/\.(json|ya?ml)$/, "") ?? "metrics";
  const known = columns.filter((c) => metricDirection(c) !== undefined);
  return known.find((c) => c.startsWith(`${stem}.`)) ?? known[0] ?? null;
}

/**
 * The declared sweep of a pipeline as this checkout ran it (`mlops exp run --declared`): its
 * points are the experiments `sweep-<pipeline>-N` on `head`. A declared sweep that did not run
 * gives a section with no points, which says so rather than hiding the declaration.
 */
export async function sweepSectionFor(
  layout: RepoLayout,
  spec: PipelineSpec,
  head: string | null,
  card: ModelCard | undefined,
): Promise<SweepSection | undefined> {
  const block = spec.sweep;
  if (!block) return undefined;
  const keys = Object.keys(block.params);
  const exps = head
    ? (await listExperiments(layout.root, head))
        .filter(
          (e) =>
            isDeclaredSweepPoint(spec.name, e.name) &&
            e.pipelines.length === 1 &&
            e.pipelines[0] === spec.name,
        )
        .sort(
          (a, b) =>
            Number(a.name.slice(a.name.lastIndexOf("-") + 1)) -
            Number(b.name.slice(b.name.lastIndexOf("-") + 1)),
        )
    : [];
  const rows = await readRows(layout.root, exps);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
  const metric = chooseMetric(block.metric, columns, card);
  const direction = metric ? (metricDirection(metric) ?? null) : null;
  return {
    file: spec.file,
    keys,
    metric,
    direction,
    declared: sweepPointCount(block),
    points: rows.slice(0, 100).map((r) => {
      const value = metric ? r.metrics[metric] : undefined;
      return {
        name: r.name,
        values: keys.map((k) => scalarCell(r.params[`${spec.name}:${k}`] ?? r.params[k])),
        metric: typeof value === "number" && Number.isFinite(value) ? value : null,
      };
    }),
  };
}
