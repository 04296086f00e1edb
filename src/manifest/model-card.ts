import { z } from "zod";
import { nameSlug, repoRelativePath } from "./common.js";
import { driftRule } from "./dataset-schema.js";
import { modelDeploySettings } from "./deploy-settings.js";
import { semverTag } from "./model-version.js";
import { pipelinePath } from "./pipeline.js";

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
    higher_is_better: z
      .boolean({ error: "expected true or false" })
      .optional()
      .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
  })
  .describe(
    "the metric may be at most this much worse than the version the stage holds now, both evaluated on the model's evaluation data",
  );

export const validationGate = z
  .strictObject({
    validation: z.literal("passed", { error: "expected 'passed'" }),
  })
  .describe("the data validation recorded with the version must have passed");

export const gate = z.union([thresholdGate, regressionGate, validationGate], {
  error: "expected {metric, op, value}, {metric, max_regression} or {validation: passed}",
});

/** A model or stage name GTO can read back from a tag: no dots, no trailing '-' or '_'. */
export const registryName = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/,
    "expected lowercase letters, digits, '-' or '_', starting and ending with a letter or digit",
  );

const bumpLevel = z.enum(["patch", "minor", "major"], { error: "expected one of: patch, minor, major" });

const cron = z
  .string()
  .regex(
    /^(@(yearly|annually|monthly|weekly|daily|hourly)|(\S+\s+){4}\S+)$/,
    "expected a cron expression with five fields, like '0 6 * * 1'",
  );

/**
 * Drift of a production snapshot from the training data: every monitored column is tested as
 * `mlops drift` tests it (a column drifts when its test is significant after splitting `alpha` over
 * the columns and its statistic reaches `threshold`), and the rule fires when the share of columns
 * that drifted is above `max_drifted_share`.
 */
export const monitoringDrift = driftRule
  .extend({
    max_drifted_share: z
      .number({ error: "expected a share between 0 and 1" })
      .min(0, "expected a share between 0 and 1")
      .max(1, "expected a share between 0 and 1")
      .default(0)
      .describe(
        "fire when more than this share of the monitored columns drifted: 0 (default) fires on any drifted column, 1 never fires (report only)",
      ),
    columns: z
      .array(z.string().min(1, "expected a column name"))
      .min(1, "expected at least one column")
      .optional()
      .describe("the columns to test (default: the model's input features and its target)"),
  })
  .describe("how drift is measured and how much of it fires the rule");

/** How much worse a metric may get on production data than the version's recorded figure. */
export const metricDecayRule = z
  .strictObject({
    metric: z.string().min(1, "expected a metric name, like rmse or accuracy"),
    absolute: z
      .number({ error: "expected a number" })
      .nonnegative("expected a decay >= 0")
      .optional()
      .describe("fire when the metric is worse than the recorded one by more than this, in its own units"),
    relative: z
      .number({ error: "expected a number" })
      .nonnegative("expected a decay >= 0")
      .optional()
      .describe("fire when the metric is worse by more than this share of the recorded one (0.1 = 10%)"),
    higher_is_better: z
      .boolean({ error: "expected true or false" })
      .optional()
      .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
  })
  .refine((d) => d.absolute !== undefined || d.relative !== undefined, {
    message: "expected 'absolute', 'relative' or both",
  })
  .describe(
    "compares the metric measured on a labelled production snapshot with the one recorded in the version's manifest",
  );

export const monitoringRule = z.strictObject({
  schedule: cron.optional().describe("when the monitoring workflow runs"),
  current: nameSlug
    .optional()
    .describe(
      "the tracked dataset (data/<name>.dvc) of recent production rows monitored by default, shaped like the training data",
    ),
  reference: pipelinePath
    .optional()
    .describe(
      "the training data drift is measured against, relative to the pipeline, read at the version's commit (default: the table the stage writing the model reads)",
    ),
  drift: monitoringDrift.prefault({}),
  max_metric_decay: metricDecayRule.optional(),
  max_age_days: z
    .number({ error: "expected a number of days" })
    .positive("expected a number of days > 0")
    .optional()
    .describe("fire when the version was registered longer ago than this"),
});

/** `models/<name>/model.yaml`: what the model is, how it is built, and what a version must meet per stage. */
export const modelCard = z
  .strictObject({
    name: registryName.describe("the model's name; tags are `<name>@vX.Y.Z` and `<name>#<stage>#<n>`"),
    description: z.string().min(1, "expected a description").describe("what the model predicts, for people"),
    owner: z.string().min(1, "expected an owner (a GitHub user or team)").describe("who answers for it"),
    task: z
      .enum(["regression", "binary-classification", "multiclass-classification"], {
        error: "expected one of: regression, binary-classification, multiclass-classification",
      })
      .describe("the kind of prediction, which picks the metrics and the validation"),
    pipeline: nameSlug.describe("the pipeline under pipelines/ that builds the model"),
    output: repoRelativePath.describe(
      "the ONNX file the pipeline writes, relative to the pipeline directory",
    ),
    metrics: repoRelativePath
      .optional()
      .describe(
        "the pipeline's metrics file for this model (relative to the pipeline), recorded with each version",
      ),
    validation: repoRelativePath
      .optional()
      .describe("the pipeline's validation result (`mlops validate --json`), recorded with each version"),
    evaluation: z
      .strictObject({
        data: repoRelativePath.describe("rows both models are evaluated on, relative to the pipeline"),
        target: z.string().min(1).optional().describe("target column (default: the model's metadata)"),
      })
      .optional()
      .describe("the current test data on which a candidate and the stage's model are compared"),
    serving: z
      .strictObject({
        schema: repoRelativePath.describe(
          "a dataset schema (relative to the pipeline) whose columns are the model's input features: their types, which may be null, and their allowed values",
        ),
      })
      .optional()
      .describe(
        "how `mlops serve` and the serving image check requests; without it every input is required and non-null",
      ),
    stages: z
      .array(registryName)
      .min(1, "expected at least one stage")
      .default(["dev", "staging", "prod"])
      .describe("the stage order: a version enters a stage only after it has been in the one before"),
    gates: z
      .record(
        registryName.describe("a stage: staging, prod, or any other name"),
        z.array(gate).describe("every gate must pass for a version to enter the stage"),
      )
      .default({})
      .describe("per stage, the conditions a version must meet to be assigned to it"),
    version_policy: z
      .strictObject({
        initial: semverTag.default("v1.0.0").describe("the first version registered"),
        signature: bumpLevel.default("major").describe("the bump when the ONNX inputs or outputs change"),
        data: bumpLevel.default("minor").describe("the bump when a training dataset changes"),
        params: bumpLevel.default("minor").describe("the bump when a parameter changes"),
        bump: bumpLevel
          .default("patch")
          .describe("the bump when only the artifact changes (code, a dependency)"),
      })
      .prefault({})
      .describe("how the next version number follows from what changed since the latest version"),
    monitoring: monitoringRule
      .optional()
      .describe(
        "when `mlops monitor` says the model needs retraining: drift of a production snapshot from the training data, decay of a metric, age",
      ),
    shadow: z
      .strictObject({
        min_requests: z
          .number({ error: "expected a number of requests" })
          .int("expected a whole number of requests")
          .positive("expected at least 1 request")
          .describe("shadowed requests, with their answer in the log, the candidate must have run on"),
        min_agreement: z
          .number({ error: "expected a share 0–1" })
          .min(0, "expected a share 0–1")
          .max(1, "expected a share 0–1")
          .describe("share of rows on which the candidate must have agreed with prod's answer (0.95 = 95%)"),
      })
      .optional()
      .describe(
        "a shadow period a release requires: the staging version must have run in the shadow of prod (`mlops serve NAME#prod --shadow NAME@vX.Y.Z`), summed up by `mlops report --shadow LOG --json` and given to the release flow",
      ),
    deploy: modelDeploySettings
      .optional()
      .describe(
        "how the model runs in Kubernetes (`mlops deploy render`): replicas, resources, server settings, the prediction log",
      ),
    labels: z.array(z.string().min(1)).optional(),
  })
  .superRefine((card, ctx) => {
    for (const [stage, gates] of Object.entries(card.gates)) {
      if (!card.stages.includes(stage)) {
        ctx.addIssue({
          code: "custom",
          path: ["gates", stage],
          message: `expected a stage listed in 'stages' (${card.stages.join(", ")})`,
        });
      }
      gates.forEach((g, i) => {
        if ("max_regression" in g && !card.evaluation) {
          ctx.addIssue({
            code: "custom",
            path: ["gates", stage, i],
            message: "expected an 'evaluation' section: a regression gate compares both models on its data",
          });
        }
      });
    }
  });

export type Gate = z.infer<typeof gate>;
export type VersionPolicy = z.infer<typeof modelCard>["version_policy"];
export type ModelCard = z.infer<typeof modelCard>;
export type MonitoringRule = z.infer<typeof monitoringRule>;
