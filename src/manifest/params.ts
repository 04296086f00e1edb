import { z } from "zod";

export type ParamValue = string | number | boolean | null | ParamValue[] | { [key: string]: ParamValue };

export const paramValue: z.ZodType<ParamValue> = z.lazy(() =>
  z.union(
    [z.string(), z.number(), z.boolean(), z.null(), z.array(paramValue), z.record(z.string(), paramValue)],
    { error: "expected a scalar, a list or a mapping" },
  ),
);

/** `pipelines/<name>/params.yaml`: nested mappings of scalars and lists, read by stages. */
export const paramsFile = z
  .record(z.string(), paramValue, { error: "expected a mapping of parameter names to values" })
  .describe("parameters; stages name them as `section.key` in their `params` list");

export type ParamsFile = z.infer<typeof paramsFile>;
