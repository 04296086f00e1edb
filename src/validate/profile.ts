import { ident, isNumericType, type LoadedTable, query, sqlString } from "./source.js";

/** Quantiles kept per numeric column: the empirical CDF rebuilt from them is off by less than 1/Q. */
export const sketchSize = 1000;
const histogramBins = 10;
const topK = 50;

export interface NumericProfile {
  kind: "numeric";
  count: number;
  nulls: number;
  distinct: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** p01, p05, p25, p50, p75, p95, p99. */
  percentiles: Record<string, number>;
  /** q_k = the smallest value with F(q_k) ≥ k/Q, k = 1..Q (Q = `sketchSize`). */
  sketch: number[];
  /** Bins (−∞, e1], (e1, e2], …, (ek, ∞) with edges from the reference's deciles. */
  histogram: { edges: number[]; counts: number[] };
}

export interface CategoricalProfile {
  kind: "categorical";
  count: number;
  nulls: number;
  distinct: number;
  /** The most frequent values (the reference's categories, when profiled against a reference). */
  top: { value: string; count: number }[];
  /** Rows whose value is not in `top`. */
  other: number;
}

export type ColumnProfile = NumericProfile | CategoricalProfile;

export interface Profile {
  schema: "1";
  data: { file: string; sha256?: string; rows: number };
  columns: Record<string, ColumnProfile>;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === "bigint" ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Numbers for numeric and date-like columns (dates as epoch days), text for the rest. */
function valueExpr(name: string, type: string): { expr: string; numeric: boolean } {
  const c = ident(name);
  if (isNumericType(type)) return { expr: `CAST(${c} AS DOUBLE)`, numeric: true };
  if (type === "DATE") return { expr: `CAST(epoch(${c}) / 86400 AS DOUBLE)`, numeric: true };
  if (type.startsWith("TIMESTAMP")) return { expr: `CAST(epoch(${c}) AS DOUBLE)`, numeric: true };
  if (type === "BOOLEAN") return { expr: `CAST(${c} AS VARCHAR)`, numeric: false };
  return { expr: `CAST(${c} AS VARCHAR)`, numeric: false };
}

const probabilities = Array.from({ length: sketchSize }, (_, k) => (k + 1) / sketchSize);
const percentileNames: [string, number][] = [
  ["p01", 0.01],
  ["p05", 0.05],
  ["p25", 0.25],
  ["p50", 0.5],
  ["p75", 0.75],
  ["p95", 0.95],
  ["p99", 0.99],
];

async function numericProfile(
  table: LoadedTable,
  expr: string,
  reference?: NumericProfile,
): Promise<NumericProfile> {
  const [s] = await query(
    `SELECT count(${expr}) AS count, count(*) - count(${expr}) AS nulls, approx_count_distinct(${expr}) AS distinct,
            min(${expr}) AS min, max(${expr}) AS max, avg(${expr}) AS mean, stddev_samp(${expr}) AS std,
            quantile_disc(${expr}, [${probabilities.join(", ")}]) AS sketch
     FROM ${table.name}`,
  );
  const count = num(s?.count) ?? 0;
  const sketch = count > 0 ? ((s?.sketch as unknown[]) ?? []).map((v) => num(v) ?? 0) : [];
  const percentiles: Record<string, number> = {};
  if (sketch.length > 0) {
    for (const [name, p] of percentileNames)
      percentiles[name] = sketch[Math.round(p * sketchSize) - 1] as number;
  }
  const edges = reference
    ? reference.histogram.edges
    : [
        ...new Set(
          Array.from(
            { length: histogramBins - 1 },
            (_, k) => sketch[Math.round(((k + 1) * sketchSize) / histogramBins) - 1],
          ),
        ),
      ]
        .filter((v): v is number => v !== undefined)
        .sort((a, b) => a - b);
  const counts = new Array<number>(edges.length + 1).fill(0);
  if (count > 0) {
    const bin = edges.length === 0 ? "0" : edges.map((e) => `CAST(${expr} > ${e} AS INTEGER)`).join(" + ");
    const rows = await query(
      `SELECT ${bin} AS bin, count(*) AS n FROM ${table.name} WHERE ${expr} IS NOT NULL GROUP BY bin`,
    );
    for (const r of rows) counts[num(r.bin) ?? 0] = num(r.n) ?? 0;
  }
  return {
    kind: "numeric",
    count,
    nulls: num(s?.nulls) ?? 0,
    distinct: num(s?.distinct) ?? 0,
    min: num(s?.min),
    max: num(s?.max),
    mean: num(s?.mean),
    std: num(s?.std),
    percentiles,
    sketch,
    histogram: { edges, counts },
  };
}

async function categoricalProfile(
  table: LoadedTable,
  expr: string,
  reference?: CategoricalProfile,
): Promise<CategoricalProfile> {
  const [s] = await query(
    `SELECT count(${expr}) AS count, count(*) - count(${expr}) AS nulls, approx_count_distinct(${expr}) AS distinct FROM ${table.name}`,
  );
  const count = num(s?.count) ?? 0;
  let top: { value: string; count: number }[];
  if (reference) {
    const values = reference.top.map((t) => t.value);
    const rows =
      values.length === 0
        ? []
        : await query(
            `SELECT ${expr} AS value, count(*) AS n FROM ${table.name} WHERE ${expr} IN (${values.map(sqlString).join(", ")}) GROUP BY value`,
          );
    const found = new Map(rows.map((r) => [String(r.value), num(r.n) ?? 0]));
    top = values.map((value) => ({ value, count: found.get(value) ?? 0 }));
  } else {
    const rows = await query(
      `SELECT ${expr} AS value, count(*) AS n FROM ${table.name} WHERE ${expr} IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT ${topK}`,
    );
    top = rows.map((r) => ({ value: String(r.value), count: num(r.n) ?? 0 }));
  }
  const inTop = top.reduce((a, t) => a + t.count, 0);
  return {
    kind: "categorical",
    count,
    nulls: num(s?.nulls) ?? 0,
    distinct: num(s?.distinct) ?? 0,
    top,
    other: count - inTop,
  };
}

/**
 * Profiles every column in DuckDB. Against a reference profile, numeric histograms use the
 * reference's bin edges and categories are counted for the reference's values, so the two compare.
 */
export async function profileTable(
  table: LoadedTable,
  options: { reference?: Profile; sha256?: string; columns?: string[] } = {},
): Promise<Profile> {
  const columns: Record<string, ColumnProfile> = {};
  for (const col of table.columns) {
    if (options.columns && !options.columns.includes(col.name)) continue;
    const { expr, numeric } = valueExpr(col.name, col.type);
    const ref = options.reference?.columns[col.name];
    if (numeric && (!ref || ref.kind === "numeric"))
      columns[col.name] = await numericProfile(table, expr, ref);
    else {
      columns[col.name] = await categoricalProfile(
        table,
        `CAST(${ident(col.name)} AS VARCHAR)`,
        ref?.kind === "categorical" ? ref : undefined,
      );
    }
  }
  return {
    schema: "1",
    data: { file: table.file, ...(options.sha256 ? { sha256: options.sha256 } : {}), rows: table.rows },
    columns,
  };
}

/** Stable JSON: keys in a fixed order, one column per block, so profiles diff well in git. */
export function serializeProfile(profile: Profile): string {
  return `${JSON.stringify(profile, null, 1)}\n`;
}
