import type { DatasetSchema } from "../manifest/dataset-schema.js";
import { type CategoricalProfile, type NumericProfile, type Profile, valueExpr } from "./profile.js";
import { ident, type LoadedTable, query } from "./source.js";
import { chi2TwoSample, ksPValue, psi } from "./stats.js";

export type DriftMethod = "ks" | "psi" | "chi2";

export interface ColumnDrift {
  column: string;
  kind: "numeric" | "categorical";
  method: DriftMethod;
  /** The statistic the verdict uses: KS D, PSI, or Cramér's V for chi-square. */
  statistic: number;
  threshold: number;
  pvalue: number | null;
  /** The per-column significance level after splitting alpha over the columns tested. */
  alpha: number;
  psi: number;
  ks?: { statistic: number; pvalue: number; method: "exact" | "asymptotic" | "sketch"; max_error: number };
  chi2?: { statistic: number; pvalue: number; dof: number; cramers_v: number };
  reference_rows: number;
  current_rows: number;
  drifted: boolean;
}

export interface DriftReport {
  drifted: boolean;
  /** "exact" when both data sets were read; "profile" when the reference came from its saved profile. */
  mode: "exact" | "profile";
  alpha: number;
  columns: ColumnDrift[];
  drifted_columns: string[];
}

const defaultThreshold: Record<DriftMethod, number> = { ks: 0.1, psi: 0.2, chi2: 0.1 };

/**
 * KS D between the current data (its CDF at the reference's sketch points, from `against`) and the
 * reference's step CDF rebuilt from its sketch, with the bound on its distance from the exact
 * two-sample statistic: 1/Q, plus — when only at-or-below counts were taken — the largest share
 * of current rows between two neighbouring points (D is then the upper estimate).
 */
export function ksAgainstSketch(
  reference: NumericProfile,
  current: NumericProfile,
): { statistic: number; maxError: number } {
  const against = current.against;
  const q = reference.sketch;
  if (!against || current.count === 0 || q.length === 0) return { statistic: 0, maxError: 0 };
  const n = current.count;
  let d = 0;
  let widest = 0;
  let k = 0;
  let previous = 0;
  against.points.forEach((v, i) => {
    const before = k / q.length;
    while (k < q.length && (q[k] as number) <= v) k++;
    const at = k / q.length;
    const here = (against.at_or_below[i] as number) / n;
    if (against.below) {
      d = Math.max(d, Math.abs((against.below[i] as number) / n - before), Math.abs(here - at));
    } else {
      // Just below v the current CDF lies between its values at the previous point and at v.
      d = Math.max(d, Math.abs(previous - before), Math.abs(here - before), Math.abs(here - at));
      widest = Math.max(widest, here - previous);
    }
    previous = here;
  });
  return { statistic: d, maxError: 1 / q.length + widest };
}

interface Rule {
  method: DriftMethod;
  threshold: number;
}

function ruleFor(schema: DatasetSchema | undefined, column: string, kind: "numeric" | "categorical"): Rule {
  const spec = schema?.columns[column]?.drift;
  const method = spec?.method ?? schema?.drift?.method ?? (kind === "numeric" ? "ks" : "chi2");
  const usable =
    kind === "categorical" && method === "ks"
      ? "chi2"
      : kind === "numeric" && method === "chi2"
        ? "ks"
        : method;
  return {
    method: usable,
    threshold: spec?.threshold ?? schema?.drift?.threshold ?? defaultThreshold[usable],
  };
}

/** Columns drift is tested on: shared by both sides and not an id, a time stamp or ignored. */
function testedColumns(reference: Profile, current: Profile, schema?: DatasetSchema): string[] {
  return Object.keys(reference.columns).filter((c) => {
    const role = schema?.columns[c]?.role;
    return current.columns[c] !== undefined && role !== "id" && role !== "ignore" && role !== "time";
  });
}

function verdict(
  column: string,
  kind: "numeric" | "categorical",
  rule: Rule,
  alpha: number,
  parts: Omit<
    ColumnDrift,
    "column" | "kind" | "method" | "statistic" | "threshold" | "pvalue" | "alpha" | "drifted"
  >,
): ColumnDrift {
  const statistic =
    rule.method === "psi"
      ? parts.psi
      : rule.method === "ks"
        ? (parts.ks?.statistic ?? 0)
        : (parts.chi2?.cramers_v ?? 0);
  const pvalue = kind === "numeric" ? (parts.ks?.pvalue ?? null) : (parts.chi2?.pvalue ?? null);
  // Both must hold: a difference too big to be chance at this sample size (p below the split
  // alpha), and large enough to matter (the statistic over its threshold). The first keeps small
  // samples from alarming on noise; the second keeps huge samples from alarming on trivia.
  const significant = pvalue === null ? true : pvalue < alpha;
  return {
    column,
    kind,
    method: rule.method,
    statistic,
    threshold: rule.threshold,
    pvalue,
    alpha,
    ...parts,
    drifted: significant && statistic >= rule.threshold,
  };
}

function categoricalCounts(ref: CategoricalProfile, cur: CategoricalProfile): { r: number[]; c: number[] } {
  const r = [...ref.top.map((t) => t.count), ref.other];
  const byValue = new Map(cur.top.map((t) => [t.value, t.count]));
  const c = [...ref.top.map((t) => byValue.get(t.value) ?? 0), cur.other];
  return { r, c };
}

function chi2Part(r: number[], c: number[]) {
  const result = chi2TwoSample(r, c);
  const n = r.reduce((a, b) => a + b, 0) + c.reduce((a, b) => a + b, 0);
  return { ...result, cramers_v: n > 0 ? Math.sqrt(result.statistic / n) : 0 };
}

type KsPart = NonNullable<ColumnDrift["ks"]>;

/** How a drift mode measures one column: the KS part for numbers, the count table for categories. */
interface Measures {
  ks(name: string, ref: NumericProfile, cur: NumericProfile): Promise<KsPart>;
  counts(
    name: string,
    ref: CategoricalProfile,
    cur: CategoricalProfile,
  ): Promise<{ r: number[]; c: number[] }>;
}

/** The verdict per column and overall, whichever way the statistics were measured. */
async function assess(
  reference: Profile,
  current: Profile,
  schema: DatasetSchema | undefined,
  mode: DriftReport["mode"],
  measures: Measures,
): Promise<DriftReport> {
  const columns = testedColumns(reference, current, schema);
  const alphaTotal = schema?.drift?.alpha ?? 0.05;
  const alpha = alphaTotal / Math.max(1, columns.length);
  const out: ColumnDrift[] = [];
  for (const name of columns) {
    const ref = reference.columns[name];
    const cur = current.columns[name];
    if (ref?.kind === "numeric" && cur?.kind === "numeric") {
      out.push(
        verdict(name, "numeric", ruleFor(schema, name, "numeric"), alpha, {
          psi: psi(ref.histogram.counts, cur.histogram.counts),
          ks: await measures.ks(name, ref, cur),
          reference_rows: ref.count,
          current_rows: cur.count,
        }),
      );
    } else if (ref?.kind === "categorical" && cur?.kind === "categorical") {
      const { r, c } = await measures.counts(name, ref, cur);
      out.push(
        verdict(name, "categorical", ruleFor(schema, name, "categorical"), alpha, {
          psi: psi(r, c),
          chi2: chi2Part(r, c),
          reference_rows: ref.count,
          current_rows: cur.count,
        }),
      );
    }
  }
  const drifted = out.filter((c) => c.drifted).map((c) => c.column);
  return { drifted: drifted.length > 0, mode, alpha: alphaTotal, columns: out, drifted_columns: drifted };
}

/**
 * Drift of the current data against a saved reference profile, without reading the reference data.
 * KS compares the current data with the reference's sketch (error below 1/Q); the current profile
 * must have been taken against the reference (`profileTable(…, { reference })`) so bins and
 * categories match.
 */
export function driftFromProfiles(
  reference: Profile,
  current: Profile,
  options: { schema?: DatasetSchema } = {},
): Promise<DriftReport> {
  return assess(reference, current, options.schema, "profile", {
    async ks(_, ref, cur) {
      const { statistic, maxError } = ksAgainstSketch(ref, cur);
      const pvalue = ref.count > 0 && cur.count > 0 ? ksPValue(ref.count, cur.count, statistic).pvalue : 1;
      return { statistic, pvalue, method: "sketch", max_error: maxError };
    },
    async counts(_, ref, cur) {
      return categoricalCounts(ref, cur);
    },
  });
}

/** The exact two-sample KS statistic, computed in DuckDB over both tables' values. */
async function exactKs(ref: LoadedTable, cur: LoadedTable, expr: string): Promise<number> {
  const [row] = await query(`
    WITH u AS (
      SELECT ${expr} AS x, 1 AS a, 0 AS b FROM ${ref.name} WHERE ${expr} IS NOT NULL
      UNION ALL
      SELECT ${expr} AS x, 0 AS a, 1 AS b FROM ${cur.name} WHERE ${expr} IS NOT NULL),
    g AS (SELECT x, sum(a) AS a, sum(b) AS b FROM u GROUP BY x),
    c AS (SELECT sum(a) OVER (ORDER BY x) AS ca, sum(b) OVER (ORDER BY x) AS cb FROM g),
    t AS (SELECT sum(a) AS na, sum(b) AS nb FROM g)
    SELECT max(abs(ca / na - cb / nb)) AS d FROM c, t`);
  return Number(row?.d ?? 0);
}

/**
 * Drift with both data sets at hand: KS with the exact statistic and p-value, chi-square over
 * every category. PSI uses bins from the reference's deciles.
 */
export function driftExact(
  reference: LoadedTable,
  current: LoadedTable,
  referenceProfile: Profile,
  currentProfile: Profile,
  options: { schema?: DatasetSchema } = {},
): Promise<DriftReport> {
  const types = new Map(reference.columns.map((c) => [c.name, c.type]));
  return assess(referenceProfile, currentProfile, options.schema, "exact", {
    async ks(name, ref, cur) {
      const statistic = await exactKs(reference, current, valueExpr(name, types.get(name) ?? "DOUBLE").expr);
      const p = ksPValue(ref.count, cur.count, statistic);
      return { statistic, pvalue: p.pvalue, method: p.method, max_error: 0 };
    },
    async counts(name) {
      const v = `CAST(${ident(name)} AS VARCHAR)`;
      const rows = await query(`
        SELECT v, sum(a) AS a, sum(b) AS b FROM (
          SELECT ${v} AS v, 1 AS a, 0 AS b FROM ${reference.name} WHERE ${ident(name)} IS NOT NULL
          UNION ALL
          SELECT ${v} AS v, 0 AS a, 1 AS b FROM ${current.name} WHERE ${ident(name)} IS NOT NULL)
        GROUP BY v ORDER BY v`);
      return { r: rows.map((x) => Number(x.a)), c: rows.map((x) => Number(x.b)) };
    },
  });
}
