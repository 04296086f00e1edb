import { z } from "zod";
import { nameSlug, repoRelativePath } from "./common.js";

export const thresholdGate = z
  .strictObject({
    metric: z.string().min(1, "expected a metric name"),
    op: z.enum([">=", "<=", ">", "<"], { error: "expected one of: '>=', '<=', '>', '<'" }),
    value: z.number({ error: "expected a number" }),
  })
  .describe("the metric compared with a fixed value");

export const regressionGate = z
  .strictObject({
    metric: z.string().min(1, "expected a metric name"),
    max_regression: z
      .number({ error: "expected a number" })
      .nonnegative("expected a regression allowance >= 0"),
  })
  .describe("the metric may be at most this much worse than the version currently in the stage");

export const gate = z.union([thresholdGate, regressionGate], {
  error: "expected {metric, op, value} or {metric, max_regression}",
});

const cron = z
  .string()
  .regex(
    /^(@(yearly|annually|monthly|weekly|daily|hourly)|(\S+\s+){4}\S+)$/,
    "expected a cron expression with five fields, like '0 6 * * 1'",
  );

/** `models/<name>/model.yaml`: what the model is, how it is built, and what a version must meet per stage. */
export const modelCard = z.strictObject({
  name: nameSlug.describe("the model's name; tags are `<name>@vX.Y.Z` and `<name>#<stage>#<n>`"),
  description: z.string().min(1, "expected a description").describe("what the model predicts, for people"),
  owner: z.string().min(1, "expected an owner (a GitHub user or team)").describe("who answers for it"),
  task: z
    .enum(["regression", "binary-classification", "multiclass-classification"], {
      error: "expected one of: regression, binary-classification, multiclass-classification",
    })
    .describe("the kind of prediction, which picks the metrics and the validation"),
  pipeline: nameSlug.describe("the pipeline under pipelines/ that builds the model"),
  output: repoRelativePath.describe("the ONNX file the pipeline writes, relative to the pipeline directory"),
  gates: z
    .record(
      nameSlug.describe("a stage: staging, prod, or any other name"),
      z.array(gate).describe("every gate must pass for a version to enter the stage"),
    )
    .default({})
    .describe("per stage, the conditions a version must meet to be assigned to it"),
  version_policy: z
    .strictObject({
      bump: z
        .enum(["patch", "minor", "major"], { error: "expected one of: patch, minor, major" })
        .default("minor")
        .describe("which part of the version a new registration increments"),
    })
    .optional(),
  monitoring: z
    .strictObject({
      schedule: cron.optional().describe("when the monitoring workflow runs"),
      drift_threshold: z.number().positive("expected a threshold > 0").optional(),
      metric_decay: z
        .strictObject({
          metric: z.string().min(1, "expected a metric name"),
          max_drop: z.number().nonnegative("expected a drop >= 0"),
        })
        .optional()
        .describe("alarm when the live metric falls more than this below the registered one"),
    })
    .optional(),
  labels: z.array(z.string().min(1)).optional(),
});

export type Gate = z.infer<typeof gate>;
export type ModelCard = z.infer<typeof modelCard>;
