import { z } from "zod";

export const columnType = z
  .enum(["integer", "number", "string", "boolean", "date", "timestamp"], {
    error: "expected one of: integer, number, string, boolean, date, timestamp",
  })
  .describe("the column's logical type");

export const driftMethod = z
  .enum(["psi", "ks", "chi2"], { error: "expected one of: psi, ks, chi2" })
  .describe("drift statistic: psi or ks for numeric columns, chi2 for categorical ones");

export const severity = z
  .enum(["error", "warn"], { error: "expected error or warn" })
  .describe("error fails validation (and stops the pipeline); warn is reported only");

export const driftRule = z
  .strictObject({
    method: driftMethod
      .optional()
      .describe("default per column type: ks for integer/number/date/timestamp, chi2 otherwise"),
    threshold: z.number({ error: "expected a number" }).positive("expected a threshold > 0").optional(),
    alpha: z
      .number({ error: "expected a significance level" })
      .gt(0, "expected a level between 0 and 1")
      .lt(1, "expected a level between 0 and 1")
      .optional()
      .describe(
        "family-wise significance level of the drift tests (default 0.05, split over the columns tested)",
      ),
  })
  .describe("how drift against the reference data is measured and when it alarms");

const bound = z.union([z.number(), z.string()], {
  error: "expected a number (or an ISO date for date/timestamp columns)",
});

export const columnSpec = z
  .strictObject({
    type: columnType,
    nullable: z.boolean({ error: "expected true or false" }).optional().describe("may the column hold nulls"),
    min: bound.optional().describe("smallest allowed value"),
    max: bound.optional().describe("largest allowed value"),
    allowed: z
      .union([z.array(z.string()), z.array(z.number())], {
        error: "expected a list of strings or a list of numbers",
      })
      .optional()
      .describe("the only values the column may hold"),
    unique: z.boolean({ error: "expected true or false" }).optional().describe("values must not repeat"),
    pattern: z
      .string({ error: "expected a regular expression string" })
      .refine((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, "expected a valid regular expression")
      .optional()
      .describe("regular expression every string value must match"),
    max_null_fraction: z
      .number({ error: "expected a fraction between 0 and 1" })
      .min(0, "expected a fraction between 0 and 1")
      .max(1, "expected a fraction between 0 and 1")
      .optional()
      .describe("largest allowed share of nulls"),
    drift: driftRule.optional().describe("per-column override of the dataset's drift rule"),
    severity: severity.optional().describe("severity of this column's checks (default error)"),
    role: z
      .enum(["feature", "target", "time", "id", "ignore"], {
        error: "expected feature, target, time, id or ignore",
      })
      .optional()
      .describe("what the column is for; id and ignore columns are not tested for drift"),
    on_null: z
      .enum(["fail", "drop"], { error: "expected fail or drop" })
      .optional()
      .describe("for a non-nullable column: fail validation (default), or report the rows as dropped"),
    desc: z.string().optional().describe("what the column means"),
  })
  .refine((c) => !(typeof c.min === "number" && typeof c.max === "number" && c.min > c.max), {
    message: "expected min <= max",
    path: ["max"],
  });

/** `data/<dataset>.schema.yaml`: the contract a dataset is validated against. */
export const datasetSchema = z
  .strictObject({
    format: z
      .enum(["json", "csv", "parquet", "arrow"], { error: "expected one of: json, csv, parquet, arrow" })
      .describe("the table's file format"),
    columns: z
      .record(
        z.string().min(1, "expected a non-empty column name"),
        columnSpec.describe("the column's contract"),
      )
      .describe("every column of the table, by name"),
    row_count: z
      .strictObject({
        min: z.number().int().nonnegative("expected a row count >= 0").optional(),
        max: z.number().int().nonnegative("expected a row count >= 0").optional(),
      })
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
        message: "expected min <= max",
        path: ["max"],
      })
      .optional()
      .describe("bounds on the number of rows"),
    primary_key: z
      .array(z.string().min(1))
      .min(1, "expected at least one column")
      .optional()
      .describe("columns whose values together identify a row"),
    target: z.string().min(1).optional().describe("the column a model predicts"),
    drift: driftRule.optional(),
    checks: z
      .array(
        z.strictObject({
          name: z.string().min(1, "expected a name for the check"),
          expr: z.string().min(1, "expected a SQL expression that holds on every row"),
          severity: severity.optional(),
        }),
      )
      .optional()
      .describe("cross-column checks: SQL boolean expressions every row must satisfy"),
    extra_columns: z
      .enum(["error", "warn", "allow"], { error: "expected error, warn or allow" })
      .optional()
      .describe("what a column the schema does not declare is (default error)"),
    desc: z.string().optional().describe("what the dataset holds"),
  })
  .superRefine((s, ctx) => {
    const names = new Set(Object.keys(s.columns));
    s.primary_key?.forEach((col, i) => {
      if (!names.has(col))
        ctx.addIssue({
          code: "custom",
          message: "expected one of the declared columns",
          path: ["primary_key", i],
        });
    });
    if (s.target !== undefined && !names.has(s.target))
      ctx.addIssue({
        code: "custom",
        message: "expected one of the declared columns",
        path: ["target"],
      });
  });

export type ColumnSpec = z.infer<typeof columnSpec>;
export type DatasetSchema = z.infer<typeof datasetSchema>;
