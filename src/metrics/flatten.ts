// No imports: the registry's read path uses this without loading the pipeline code behind compare.ts.

/**
 * `{a: {b: 1}}` → `{"a.b": 1}`. Lists are left out (a confusion matrix is not a metric) unless
 * `keepLists`, which keeps each list whole under its key (a list param such as `features`).
 */
export function flatten(
  value: unknown,
  prefix = "",
  out: Record<string, unknown> = {},
  keepLists = false,
): Record<string, number | string | boolean | null> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flatten(v, prefix ? `${prefix}.${k}` : k, out, keepLists);
  } else if ((keepLists || !Array.isArray(value)) && prefix) {
    out[prefix] = value;
  }
  return out as Record<string, number | string | boolean | null>;
}
