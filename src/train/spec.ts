import { z } from "zod";

const columnList = z.array(z.string().min(1, "expected a column name"), {
  error: "expected a list of column names",
});

export const gbdtParams = z.strictObject({
  trees: z.number().int().positive("expected a number of trees (>= 1)").default(100),
  max_depth: z
    .number()
    .int()
    .min(1, "expected a depth of at least 1")
    .max(16, "expected a depth of at most 16")
    .default(6),
  learning_rate: z
    .number()
    .positive("expected a learning rate > 0")
    .max(1, "expected a learning rate <= 1")
    .default(0.1),
  max_bins: z
    .number()
    .int()
    .min(2, "expected at least 2 bins")
    .max(255, "expected at most 255 bins")
    .default(255),
  min_samples_leaf: z.number().int().min(1, "expected at least 1").default(20),
  l2: z.number().nonnegative("expected an L2 penalty >= 0").default(0),
});

/** The `train:` section a stage passes to `mlops train`: what to predict, from what, with which model. */
export const trainSpec = z.strictObject({
  target: z.string().min(1, "expected the target column"),
  task: z
    .enum(["regression", "classification"], { error: "expected 'regression' or 'classification'" })
    .optional(),
  features: z.strictObject({
    numeric: columnList.default([]),
    categorical: columnList.default([]),
  }),
  model: z.enum(["linear", "ridge", "logistic", "gbdt"], {
    error: "expected one of 'linear', 'ridge', 'logistic', 'gbdt'",
  }),
  alpha: z
    .number()
    .nonnegative("expected an L2 penalty >= 0")
    .default(1)
    .describe("ridge and logistic: L2 penalty"),
  max_iter: z.number().int().positive().default(100).describe("logistic: Newton iterations at most"),
  gbdt: gbdtParams.default(gbdtParams.parse({})),
  seed: z.number().int("expected an integer seed").default(0),
});

export type TrainSpec = z.infer<typeof trainSpec>;
export type GbdtParams = z.infer<typeof gbdtParams>;
