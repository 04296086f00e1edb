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
  /**
   * Profiled against a reference: counts of values below and at-or-below each distinct point of
   * the reference's sketch (the current data's exact CDF where the reference's jumps).
   */
  against?: { points: number[]; below?: number[]; at_or_below: number[] };
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
export function valueExpr(name: string, type: string): { expr: string; numeric: boolean } {
  const c = ident(name);
  if (isNumericType(type)) return { expr: `CAST(${c} AS DOUBLE)`, numeric: true };
  if (type === "DATE") return { expr: `CAST(epoch(${c}) / 86400 AS DOUBLE)`, numeric: true };
  if (type.startsWith("TIMESTAMP")) return { expr: `CAST(epoch(${c}) AS DOUBLE)`, numeric: true };
  return { expr: `CAST(${c} AS VARCHAR)`, numeric: false };
}

const percentileNames: [string, number][] = [
  ["p01", 0.01],
  ["p05", 0.05],
  ["p25", 0.25],
  ["p50", 0.5],
  ["p75", 0.75],
  ["p95", 0.95],
  ["p99", 0.99],
];

/** The largest double below v: counts of `x <= nextDown(v)` are counts of `x < v`. */
export function nextDown(v: number): number {
  if (Number.isNaN(v) || v === Number.NEGATIVE_INFINITY) return v;
  if (v === 0) return -Number.MIN_VALUE;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, v);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, v > 0 ? bits - 1n : bits + 1n);
  return buffer.getFloat64(0);
}

/** Exponent notation: DuckDB reads a plain decimal literal as DECIMAL first, which can round it. */
function sqlDouble(v: number): string {
  return Number.isFinite(v)
    ? `${v.toExponential()}::DOUBLE`
    : v > 0
      ? "'Infinity'::DOUBLE"
      : "'-Infinity'::DOUBLE";
}

/** Counts of values in (previous bound, bound] for each bound, plus a last bin above them all. */
function histogramSql(expr: string, bounds: readonly number[]): string {
  return `histogram(${expr}, [${[...bounds, Number.POSITIVE_INFINITY].map(sqlDouble).join(", ")}])`;
}

/** DuckDB leaves empty bins out of the map, so counts are matched to their bounds by key. */
function binCounts(map: unknown, bounds: readonly number[]): number[] {
  const byKey = new Map<number, number>();
  const entries = Array.isArray(map) ? map : ((map as { entries?: unknown[] } | null)?.entries ?? []);
  for (const e of entries as { key: unknown; value: unknown }[]) byKey.set(Number(e.key), num(e.value) ?? 0);
  return [...bounds, Number.POSITIVE_INFINITY].map((b) => byKey.get(b) ?? 0);
}

function cumulative(counts: readonly number[]): number[] {
  let sum = 0;
  return counts.map((c) => {
    sum += c;
    return sum;
  });
}

/**
 * The quantile sketch by one pass over the column's distinct values: cumulative counts, then an
 * ASOF join finds, for each k, the smallest value whose count reaches ceil(k·n/Q).
 */
async function sketchOf(table: LoadedTable, expr: string): Promise<number[]> {
  const rows = await query(`
    WITH g AS (SELECT ${expr} AS __v, count(*) AS c FROM ${table.name} WHERE ${expr} IS NOT NULL GROUP BY __v),
         cum AS (SELECT __v, sum(c) OVER (ORDER BY __v) AS cc FROM g),
         tot AS (SELECT sum(c) AS n FROM g),
         ks AS (SELECT k, CAST(ceil(k * n / ${sketchSize}.0) AS HUGEINT) AS pos FROM range(1, ${sketchSize + 1}) r(k), tot)
    SELECT ks.k, cum.__v AS x FROM ks ASOF JOIN cum ON ks.pos <= cum.cc ORDER BY ks.k`);
  return rows.map((r) => num(r.x) ?? 0);
}

/**
 * Up to this many distinct sketch points, the current data is also counted just below each point,
 * which makes its CDF exact at both sides of every jump of the reference's (KS error < 1/Q). Above
 * it (continuous columns), counting at the points alone halves the work; the error bound then adds
 * the largest share of current rows between two neighbouring points, reported per column.
 */
const exactPointLimit = 400;

/** At most this many points are counted for a continuous column: the cost of binning grows with them. */
const countedPointLimit = 250;

/** The reference's sketch points the current data is counted at (every one, or evenly thinned). */
function countedPoints(reference: NumericProfile): number[] {
  const points = [...new Set(reference.sketch)];
  if (points.length <= exactPointLimit) return points;
  const stride = Math.ceil(points.length / countedPointLimit);
  // The decile edges stay in, so PSI bins are counted exactly.
  const edges = new Set(reference.histogram.edges);
  return points.filter((v, k) => k % stride === stride - 1 || k === points.length - 1 || edges.has(v));
}

function boundsFor(reference: NumericProfile): number[] {
  const points = countedPoints(reference);
  return points.length <= exactPointLimit && new Set(reference.sketch).size <= exactPointLimit
    ? points.flatMap((v) => [nextDown(v), v])
    : points;
}

interface NumericColumn {
  name: string;
  expr: string;
  reference?: NumericProfile;
}

/**
 * What an exact drift test (driftExact) reads of a profile: row counts, and for numeric columns the
 * decile edges and the counts in those bins. It computes KS and chi-square on the values themselves,
 * so a lean profile leaves out moments, distinct counts, categorical top values and, against a
 * reference, the counts at every sketch point: a third of `mlops drift REF.csv CUR.csv`.
 */
export type ProfileDepth = "full" | "lean";

/** Every numeric column's summary in one scan of the table. */
async function numericProfiles(
  table: LoadedTable,
  columns: NumericColumn[],
  depth: ProfileDepth,
): Promise<Map<string, NumericProfile>> {
  const out = new Map<string, NumericProfile>();
  if (columns.length === 0) return out;
  const lean = depth === "lean";
  const parts = columns.map((c, i) => {
    const e = c.expr;
    // Against a reference only counts are needed: drift uses nothing else, and each aggregate costs a pass.
    const stats =
      c.reference || lean
        ? `count(${e}) AS c${i}, count(*) - count(${e}) AS n${i}`
        : `count(${e}) AS c${i}, count(*) - count(${e}) AS n${i}, approx_count_distinct(${e}) AS d${i},
      min(${e}) AS lo${i}, max(${e}) AS hi${i}, avg(${e}) AS m${i}, stddev_samp(${e}) AS s${i}`;
    if (!c.reference) return stats;
    // Against a reference: counts below and at each of its sketch points give the current CDF
    // exactly where the reference's step CDF jumps; a lean profile counts at the decile edges only.
    const bounds = lean ? c.reference.histogram.edges : boundsFor(c.reference);
    return `${stats}, ${histogramSql(e, bounds)} AS h${i}`;
  });
  const [row] = await query(`SELECT ${parts.join(",\n")} FROM ${table.name}`);
  for (const [i, c] of columns.entries()) {
    const count = num(row?.[`c${i}`]) ?? 0;
    const base = {
      kind: "numeric" as const,
      count,
      nulls: num(row?.[`n${i}`]) ?? 0,
      distinct: num(row?.[`d${i}`]) ?? 0,
      min: num(row?.[`lo${i}`]),
      max: num(row?.[`hi${i}`]),
      mean: num(row?.[`m${i}`]),
      std: num(row?.[`s${i}`]),
    };
    if (c.reference && lean) {
      const edges = c.reference.histogram.edges;
      const edgeCum = cumulative(binCounts(row?.[`h${i}`], edges)).slice(0, edges.length);
      // The same differences as below, so values outside every finite bin land in the last one alike.
      const counts = [...edgeCum, count].map((v, k) => v - (k > 0 ? (edgeCum[k - 1] as number) : 0));
      out.set(c.name, { ...base, percentiles: {}, sketch: [], histogram: { edges, counts } });
      continue;
    }
    if (c.reference) {
      const points = countedPoints(c.reference);
      const exact = new Set(c.reference.sketch).size <= exactPointLimit;
      const cum = cumulative(binCounts(row?.[`h${i}`], boundsFor(c.reference)));
      const below = exact ? points.map((_, k) => cum[2 * k] ?? 0) : undefined;
      const atOrBelow = points.map((_, k) => cum[exact ? 2 * k + 1 : k] ?? 0);
      const edges = c.reference.histogram.edges;
      const at = (edge: number) => atOrBelow[points.indexOf(edge)] ?? 0;
      const edgeCum = edges.map(at);
      const counts = [...edgeCum, count].map((v, k) => v - (k > 0 ? (edgeCum[k - 1] as number) : 0));
      out.set(c.name, {
        ...base,
        percentiles: {},
        sketch: [],
        histogram: { edges, counts },
        against: { points, ...(below ? { below } : {}), at_or_below: atOrBelow },
      });
      continue;
    }
    const sketch = count > 0 ? await sketchOf(table, c.expr) : [];
    const percentiles: Record<string, number> = {};
    for (const [name, p] of percentileNames)
      if (sketch.length > 0) percentiles[name] = sketch[Math.round(p * sketchSize) - 1] as number;
    const edges = [
      ...new Set(
        Array.from(
          { length: histogramBins - 1 },
          (_, k) => sketch[Math.round(((k + 1) * sketchSize) / histogramBins) - 1],
        ),
      ),
    ]
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    out.set(c.name, { ...base, percentiles, sketch, histogram: { edges, counts: [] } });
  }
  // Bin counts of a reference profile: one more scan for all columns together.
  const needCounts = columns.filter((c) => !c.reference && (out.get(c.name)?.count ?? 0) > 0);
  if (needCounts.length > 0) {
    const [h] = await query(
      `SELECT ${needCounts.map((c, i) => `${histogramSql(c.expr, out.get(c.name)?.histogram.edges ?? [])} AS h${i}`).join(", ")} FROM ${table.name}`,
    );
    needCounts.forEach((c, i) => {
      const p = out.get(c.name);
      if (p) p.histogram.counts = binCounts(h?.[`h${i}`], p.histogram.edges);
    });
  }
  return out;
}

/** Row counts of categorical columns, all in one scan: what a lean profile keeps of them. */
async function categoricalCounts(
  table: LoadedTable,
  names: readonly string[],
): Promise<Map<string, CategoricalProfile>> {
  const out = new Map<string, CategoricalProfile>();
  if (names.length === 0) return out;
  const parts = names.map((name, i) => {
    const e = `CAST(${ident(name)} AS VARCHAR)`;
    return `count(${e}) AS c${i}, count(*) - count(${e}) AS n${i}`;
  });
  const [row] = await query(`SELECT ${parts.join(", ")} FROM ${table.name}`);
  for (const [i, name] of names.entries()) {
    const count = num(row?.[`c${i}`]) ?? 0;
    out.set(name, {
      kind: "categorical",
      count,
      nulls: num(row?.[`n${i}`]) ?? 0,
      distinct: 0,
      top: [],
      other: count,
    });
  }
  return out;
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
 * `depth: "lean"` computes only what an exact drift test reads (see ProfileDepth).
 */
export async function profileTable(
  table: LoadedTable,
  options: { reference?: Profile; sha256?: string; columns?: string[]; depth?: ProfileDepth } = {},
): Promise<Profile> {
  const depth = options.depth ?? "full";
  const columns: Record<string, ColumnProfile> = {};
  const numeric: NumericColumn[] = [];
  const categorical: string[] = [];
  const order: string[] = [];
  for (const col of table.columns) {
    if (options.columns && !options.columns.includes(col.name)) continue;
    order.push(col.name);
    const { expr, numeric: isNumeric } = valueExpr(col.name, col.type);
    const ref = options.reference?.columns[col.name];
    if (isNumeric && (!ref || ref.kind === "numeric")) {
      numeric.push({ name: col.name, expr, ...(ref?.kind === "numeric" ? { reference: ref } : {}) });
    } else if (depth === "lean") {
      categorical.push(col.name);
    } else {
      columns[col.name] = await categoricalProfile(
        table,
        `CAST(${ident(col.name)} AS VARCHAR)`,
        ref?.kind === "categorical" ? ref : undefined,
      );
    }
  }
  for (const [name, p] of await categoricalCounts(table, categorical)) columns[name] = p;
  const numericResults = await numericProfiles(table, numeric, depth);
  for (const [name, p] of numericResults) columns[name] = p;
  const ordered: Record<string, ColumnProfile> = {};
  for (const name of order) if (columns[name]) ordered[name] = columns[name] as ColumnProfile;
  return {
    schema: "1",
    data: { file: table.file, ...(options.sha256 ? { sha256: options.sha256 } : {}), rows: table.rows },
    columns: ordered,
  };
}

/** Stable JSON: keys in a fixed order, one column per block, so profiles diff well in git. */
export function serializeProfile(profile: Profile): string {
  return `${JSON.stringify(profile, null, 1)}\n`;
}
