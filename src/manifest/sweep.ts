import { z } from "zod";

/**
 * The hard ceiling of a declared sweep: every point is a full reproduction inside the pull-request
 * run, and the comment shows one row per point, so no `max_points` may go above this.
 */
export const maxSweepPoints = 64;
/** The bound when a sweep does not set `max_points`: enough for a small grid, cheap in a PR run. */
export const defaultSweepMaxPoints = 8;
/** Keys one sweep may vary (each is a column of the comment's table). */
export const maxSweepKeys = 8;

const keyPart = "[A-Za-z_][A-Za-z0-9_-]*";
const sweepKey = new RegExp(`^${keyPart}(\\.${keyPart})*$`);

const sweepValue = z.union(
  [z.number(), z.string().max(200, "expected at most 200 characters"), z.boolean()],
  {
    error: "expected a scalar value: a number, a string or true/false",
  },
);

const valueList = z
  .array(sweepValue, { error: "expected a list of values, e.g. [100, 300]" })
  .min(1, "expected at least one value")
  .max(100, "expected at most 100 values for one key")
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const id = JSON.stringify(v);
      if (seen.has(id))
        ctx.addIssue({ code: "custom", message: `expected each value once, but ${id} repeats`, path: [i] });
      seen.add(id);
    });
  });

/** Grid size, stopping once past `limit` (a product of many long lists must not overflow). */
export function sweepGridSize(
  params: Record<string, readonly unknown[]>,
  limit = Number.MAX_SAFE_INTEGER,
): number {
  let size = 1;
  for (const values of Object.values(params)) {
    size *= values.length;
    if (size > limit) return size;
  }
  return size;
}

/** How many points a sweep runs: the grid, or the sample of it `random` draws. */
export function sweepPointCount(block: {
  params: Record<string, readonly unknown[]>;
  random?: { points: number } | undefined;
}): number {
  const grid = sweepGridSize(block.params, maxSweepPoints * 1000);
  return block.random ? Math.min(block.random.points, grid) : grid;
}

/**
 * A pipeline's declared sweep (`sweep:` in pipeline.yaml): params.yaml keys with the values to try,
 * as a grid or a seeded random sample of it, run by the pull-request workflow within `max_points`.
 */
export const sweepBlock = z
  .strictObject({
    params: z
      .record(
        z.string().regex(sweepKey, "expected a dotted params.yaml key such as train.gbdt.trees"),
        valueList,
        { error: "expected a mapping of params.yaml keys to lists of values" },
      )
      .refine((p) => Object.keys(p).length > 0, "expected at least one key to vary")
      .refine(
        (p) => Object.keys(p).length <= maxSweepKeys,
        `expected at most ${maxSweepKeys} keys to vary in one sweep`,
      )
      .describe("params.yaml keys (dotted, e.g. train.gbdt.trees) → the values to try"),
    random: z
      .strictObject({
        points: z
          .number({ error: "expected a whole number of points" })
          .int("expected a whole number of points")
          .min(1, "expected at least 1 point"),
        seed: z
          .number({ error: "expected a whole number seed" })
          .int("expected a whole number seed")
          .min(0, "expected a seed >= 0")
          .max(2 ** 32 - 1, "expected a seed below 2^32")
          .optional(),
      })
      .optional()
      .describe("run `points` distinct points of the grid drawn with `seed` (default 0) instead of all"),
    max_points: z
      .number({ error: "expected a whole number" })
      .int("expected a whole number")
      .min(1, "expected at least 1")
      .max(maxSweepPoints, `expected at most ${maxSweepPoints} (the ceiling of a pull-request sweep)`)
      .optional()
      .describe(
        `the most points the sweep may run (default ${defaultSweepMaxPoints}, at most ${maxSweepPoints})`,
      ),
    metric: z
      .string({ error: "expected a metric name" })
      .regex(/^[^\s]{1,200}$/, "expected a metric as `exp show` names it, e.g. metrics.rmse")
      .optional()
      .describe(
        "the metric that picks the best point, e.g. metrics.rmse (default the model's first metric with a known direction)",
      ),
  })
  .superRefine((block, ctx) => {
    const max = block.max_points ?? defaultSweepMaxPoints;
    const count = sweepPointCount(block);
    if (count <= max) return;
    const grid = Object.values(block.params)
      .map((v) => v.length)
      .join(" × ");
    ctx.addIssue({
      code: "custom",
      message: block.random
        ? `expected at most ${max} points (max_points), but random.points asks for ${count}`
        : `expected at most ${max} points (max_points), but the grid has ${count > maxSweepPoints * 1000 ? `more than ${maxSweepPoints * 1000}` : count} (${grid}); raise max_points (at most ${maxSweepPoints}) or sample it with random: { points: N }`,
      path: block.random ? ["random", "points"] : ["params"],
    });
  });

export type SweepBlock = z.infer<typeof sweepBlock>;
