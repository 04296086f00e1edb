import { z } from "zod";

/**
 * The report as data: built by `mlops report` (and the PR workflow's unprivileged job), uploaded as
 * an artifact, and rendered by whoever shows it. The privileged comment job treats it as untrusted
 * input from PR code, so every string and list here is bounded: a report that does not fit is
 * refused, never truncated into something else.
 */
const text = (max: number) => z.string().max(max, `expected at most ${max} characters`);
const name = text(200);
const scalar = z.union([z.number(), z.string().max(500), z.boolean(), z.null()]);
const sha = z.string().regex(/^[0-9a-f]{7,64}(\.dir)?$/, "expected a hex hash");

export const metricRow = z.strictObject({
  file: name,
  metric: name,
  head: scalar,
  base: scalar.optional(),
  /** What the stages' models score, evaluated on the same data as the candidate when a model card says so. */
  staging: z.number().nullable().optional(),
  prod: z.number().nullable().optional(),
  direction: z.enum(["higher", "lower"]).nullable().optional(),
});

export const gateRow = z.strictObject({
  model: name,
  stage: name,
  gate: text(300),
  passed: z.boolean(),
  detail: text(1000),
});

export const paramRow = z.strictObject({
  file: name,
  key: name,
  base: scalar.optional(),
  head: scalar.optional(),
});

export const dataRow = z.strictObject({
  dataset: name,
  path: name,
  base: sha.nullable(),
  head: sha.nullable(),
  base_size: z.number().int().nonnegative().nullable().optional(),
  head_size: z.number().int().nonnegative().nullable().optional(),
  base_rows: z.number().int().nonnegative().nullable().optional(),
  head_rows: z.number().int().nonnegative().nullable().optional(),
  /** Why a figure is missing: new data, base data not fetchable, no schema for a drift test. */
  note: text(300).optional(),
});

export const driftColumn = z.strictObject({
  column: name,
  method: z.enum(["ks", "psi", "chi2"]),
  statistic: z.number(),
  threshold: z.number(),
  pvalue: z.number().nullable(),
  drifted: z.boolean(),
});

/** The head's data against the base's, for each dataset the change touched that has a schema. */
export const driftSection = z.strictObject({
  dataset: name,
  reference: name,
  drifted: z.boolean(),
  alpha: z.number(),
  columns: z.array(driftColumn).max(100, "expected at most 100 columns per dataset"),
});

export const validationRow = z.strictObject({
  pipeline: name,
  file: name,
  dataset: name,
  ok: z.boolean(),
  rows: z.number().int().nonnegative().nullable(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  findings: z
    .array(
      z.strictObject({
        severity: z.enum(["error", "warn"]),
        check: name,
        column: name.nullable(),
        message: text(1000),
      }),
    )
    .max(50, "expected at most 50 findings per dataset"),
});

export const confusion = z.strictObject({
  file: name,
  labels: z.array(name).max(100, "expected at most 100 classes"),
  matrix: z.array(z.array(z.number().int().nonnegative()).max(100)).max(100),
});

export const residuals = z.strictObject({
  file: name,
  count: z.number().int().nonnegative(),
  mean: z.number(),
  /** Histogram of residuals: `edges` has one more entry than `counts`. */
  edges: z.array(z.number()).max(101),
  counts: z.array(z.number().int().nonnegative()).max(100),
});

/** The most points a curve keeps in the report; curves are thinned to this, keeping both ends. */
export const maxCurvePoints = 100;
/** The most (actual, predicted) rows a regression series keeps, evenly spaced over the data. */
export const maxScatterPoints = 300;

const pair = z.tuple([z.number(), z.number()]);

/** One class's curves, one-vs-rest, for one model. */
export const classCurves = z.strictObject({
  class: name,
  /** [false positive rate, true positive rate], from (0, 0) to (1, 1); empty when the class has one side only. */
  roc: z.array(pair).max(maxCurvePoints),
  /** [recall, precision], from (0, 1) to recall 1; empty when the class has no positives. */
  precision_recall: z.array(pair).max(maxCurvePoints),
  /** [mean predicted probability, fraction positive, rows] per non-empty bin, ascending. */
  calibration: z.array(z.tuple([z.number(), z.number(), z.number().int().nonnegative()])).max(100),
});

/** One model's curves on the shared data: "this PR", "base", "staging v1.2.0", … */
export const curveSeries = z.strictObject({
  label: name,
  classes: z.array(classCurves).max(20).optional(),
  /** Regression: [actual, predicted] rows; residuals are actual − predicted of the same rows. */
  points: z.array(pair).max(maxScatterPoints).optional(),
});

/** Curves of every model a pipeline's model card compares, all evaluated on the card's evaluation data. */
export const curveSet = z.strictObject({
  model: name,
  task: z.enum(["classification", "regression"]),
  data: name,
  rows: z.number().int().nonnegative(),
  series: z.array(curveSeries).max(6),
  /** Why a model has no series (not in the store, failed to evaluate). */
  notes: z.array(text(300)).max(10),
});

/** One point of a declared sweep: the values of the swept keys (in `keys` order) and its metric. */
export const sweepPoint = z.strictObject({
  name,
  values: z.array(scalar).max(20),
  /** The sweep's metric for this point; null when the point has none (no such metric, not a number). */
  metric: z.number().nullable(),
});

/**
 * The sweep a pipeline declares, as this run ran it. The best point is not stored: whoever renders
 * it picks it from the numbers and the direction, so an artifact cannot claim a best it lacks.
 */
export const sweepSection = z.strictObject({
  /** pipeline.yaml, where the sweep is declared. */
  file: name,
  keys: z.array(name).max(20),
  metric: name.nullable(),
  direction: z.enum(["higher", "lower"]).nullable(),
  /** Points the sweep declares; fewer in `points` means some failed (the job log says why). */
  declared: z.number().int().nonnegative().max(1000),
  points: z.array(sweepPoint).max(100),
});

export const pipelineSection = z.strictObject({
  pipeline: name,
  metrics: z.array(metricRow).max(500),
  params: z.array(paramRow).max(500),
  gates: z.array(gateRow).max(200),
  validation: z.array(validationRow).max(50),
  confusion: z.array(confusion).max(10),
  residuals: z.array(residuals).max(10),
  /** Absent in reports made before curves were drawn. */
  curves: z.array(curveSet).max(10).optional(),
  /** Absent when the pipeline declares no sweep (and in reports made before sweeps ran in PRs). */
  sweep: sweepSection.optional(),
});

export const reportDocument = z.strictObject({
  schema: z.literal("mlops-report/1", { error: "expected schema 'mlops-report/1'" }),
  head: z.strictObject({ ref: name, sha: sha.nullable() }),
  base: z.strictObject({ ref: name, sha: sha.nullable() }),
  data: z.array(dataRow).max(200),
  drift: z.array(driftSection).max(50).default([]),
  pipelines: z.array(pipelineSection).max(50),
});

export type ReportDocument = z.infer<typeof reportDocument>;
export type PipelineSection = z.infer<typeof pipelineSection>;
export type MetricRow = z.infer<typeof metricRow>;
export type DriftSection = z.infer<typeof driftSection>;
export type CurveSet = z.infer<typeof curveSet>;
export type CurveSeries = z.infer<typeof curveSeries>;
export type SweepSection = z.infer<typeof sweepSection>;
export type SweepPointRow = z.infer<typeof sweepPoint>;

/** The largest report artifact the comment job accepts, in bytes. */
export const maxReportBytes = 1_000_000;
