import { parse as parseYamlText } from "yaml";
import { MlopsError } from "../errors/index.js";
import { readBlobs } from "../git/index.js";
import type { ParamValue } from "../manifest/params.js";
import { flatten, metricDirection } from "../metrics/index.js";
import { type Experiment, listExperiments } from "./exp-refs.js";
import { metricKey } from "./run-sweep.js";

type Value = number | string | boolean | null;

export interface ExperimentRow {
  name: string;
  base: string;
  commit: string;
  created: string;
  params: Record<string, ParamValue>;
  metrics: Record<string, Value>;
}

export interface ExperimentTable {
  /** The base commit shown, or undefined with --all. */
  base: string | undefined;
  /** Param keys whose value differs between rows (all of them when one row). */
  params: string[];
  metrics: string[];
  rows: ExperimentRow[];
  /** For each metric whose direction is known: the name of the best row. */
  best: Record<string, string>;
  /** The base commit's own committed params and metrics, for reference (not with --all). */
  baseline?: ExperimentRow;
  sorted_by?: string;
}

export interface ShowOptions {
  all?: boolean;
  sortBy?: string;
  /** Keep only rows whose metric or param matches, e.g. `metrics.rmse<3` or `train.gbdt.trees=100`. */
  filters?: readonly string[];
}

/** Reads each experiment's metrics files from its commit (one git process for all of them). */
export async function readRows(cwd: string, exps: readonly Experiment[]): Promise<ExperimentRow[]> {
  const names = exps.flatMap((e) => e.metrics_files.map((f) => `${e.commit}:${f}`));
  const blobs = await readBlobs(cwd, names);
  return exps.map((e) => {
    const metrics: Record<string, Value> = {};
    const several = e.pipelines.length > 1;
    for (const file of e.metrics_files) {
      const bytes = blobs.get(`${e.commit}:${file}`);
      if (!bytes) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString("utf8"));
      } catch {
        continue;
      }
      const pipeline = e.pipelines.find((p) => file.startsWith(`pipelines/${p}/`)) ?? "";
      const rel = file.slice(`pipelines/${pipeline}/`.length);
      for (const [key, value] of Object.entries(flatten(parsed)))
        if (
          typeof value === "number" ||
          typeof value === "boolean" ||
          value === null ||
          typeof value === "string"
        )
          metrics[metricKey(pipeline, rel, key, several)] = value;
    }
    return { name: e.name, base: e.base, commit: e.commit, created: e.created, params: e.params, metrics };
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function varies(rows: readonly ExperimentRow[], metric: string): boolean {
  return rows.some((r) => !sameValue(r.metrics[metric], rows[0]?.metrics[metric]));
}

function compareFor(metric: string): (a: ExperimentRow, b: ExperimentRow) => number {
  const direction = metricDirection(metric) ?? "higher";
  return (a, b) => {
    const x = a.metrics[metric];
    const y = b.metrics[metric];
    const xn = typeof x === "number" && Number.isFinite(x);
    const yn = typeof y === "number" && Number.isFinite(y);
    if (!xn || !yn) return xn ? -1 : yn ? 1 : 0;
    return direction === "higher" ? y - x : x - y;
  };
}

/**
 * The base commit as one more row: the params the sweep varied as they are committed there, and
 * the metrics its own files record, so a sweep can be read against what the branch has now.
 */
async function baselineRow(
  cwd: string,
  base: string,
  exps: readonly Experiment[],
): Promise<ExperimentRow | undefined> {
  const first = exps[0];
  if (!first) return undefined;
  const pipelines = [...new Set(exps.flatMap((e) => e.pipelines))];
  const files = [...new Set(exps.flatMap((e) => e.metrics_files))];
  const paramBlobs = await readBlobs(
    cwd,
    pipelines.map((p) => `${base}:pipelines/${p}/params.yaml`),
  );
  const committed = new Map<string, unknown>();
  for (const p of pipelines) {
    const bytes = paramBlobs.get(`${base}:pipelines/${p}/params.yaml`);
    if (!bytes) continue;
    try {
      committed.set(p, parseYamlText(bytes.toString("utf8")));
    } catch {
      // An unreadable params file only leaves the baseline's params blank.
    }
  }
  const params: Record<string, ParamValue> = {};
  for (const key of new Set(exps.flatMap((e) => Object.keys(e.params)))) {
    const colon = key.indexOf(":");
    const owners = colon >= 0 ? [key.slice(0, colon)] : pipelines;
    const path = (colon >= 0 ? key.slice(colon + 1) : key).split(".");
    for (const owner of owners) {
      let value: unknown = committed.get(owner);
      for (const part of path)
        value =
          value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
      if (value !== undefined) {
        params[key] = value as ParamValue;
        break;
      }
    }
  }
  const [row] = await readRows(cwd, [{ ...first, pipelines, metrics_files: files, commit: base, params }]);
  return row ? { ...row, name: "HEAD", base, created: "" } : undefined;
}

/** The column a `--sort-by` names: exact, else the one column ending in `.NAME`. */
function findMetric(metrics: readonly string[], name: string): string {
  if (metrics.includes(name)) return name;
  const ends = metrics.filter((m) => m.endsWith(`.${name}`));
  if (ends.length === 1 && ends[0]) return ends[0];
  throw new MlopsError(
    "usage",
    ends.length > 1 ? `'${name}' names ${ends.length} metric columns` : `no metric column named '${name}'`,
    {
      field: "--sort-by",
      expected:
        ends.length > 1
          ? `one of: ${ends.join(", ")}`
          : metrics.length > 0
            ? `one of: ${metrics.join(", ")}`
            : "a metric (no experiment has any)",
      got: name,
    },
  );
}

/**
 * One table of experiments: the params that vary between them, every numeric metric, and for each
 * metric whose direction the project knows (rmse lower, accuracy higher…) the best experiment.
 */
export async function experimentTable(
  cwd: string,
  base: string,
  options: ShowOptions = {},
): Promise<ExperimentTable> {
  const exps = await listExperiments(cwd, options.all ? undefined : base);
  const rows = await readRows(cwd, exps);
  const baseline = options.all ? undefined : await baselineRow(cwd, base, exps);
  const paramKeys = [...new Set(rows.flatMap((r) => Object.keys(r.params)))];
  const varying =
    rows.length <= 1
      ? paramKeys
      : paramKeys.filter((k) => rows.some((r) => !sameValue(r.params[k], rows[0]?.params[k])));
  const metrics = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].filter((m) =>
    rows.some((r) => typeof r.metrics[m] === "number"),
  );
  const best: Record<string, string> = {};
  for (const m of metrics) {
    // A metric every experiment shares (the baseline's, the data's) has no best one.
    if (!metricDirection(m) || !varies(rows, m)) continue;
    const ranked = rows.filter((r) => typeof r.metrics[m] === "number").sort(compareFor(m));
    if (ranked[0]) best[m] = ranked[0].name;
  }
  let shown = rows;
  for (const filter of options.filters ?? []) shown = shown.filter(parseFilter(filter));
  let sortedBy: string | undefined;
  if (options.sortBy) {
    sortedBy = findMetric(metrics, options.sortBy);
    shown = [...shown].sort(compareFor(sortedBy));
  }
  return {
    base: options.all ? undefined : base,
    params: varying,
    metrics,
    rows: shown,
    ...(baseline ? { baseline } : {}),
    best,
    ...(sortedBy ? { sorted_by: sortedBy } : {}),
  };
}

/** `KEY<3`, `KEY>=0.9`, `KEY=100`: KEY a metric or param column. */
function parseFilter(filter: string): (row: ExperimentRow) => boolean {
  const match = /^([^<>=!]+)(<=|>=|!=|=|<|>)(.+)$/.exec(filter);
  if (!match)
    throw new MlopsError("usage", `cannot read the filter ${JSON.stringify(filter)}`, {
      field: "--filter",
      expected: "KEY<N, KEY<=N, KEY>N, KEY>=N, KEY=V or KEY!=V",
      got: filter,
    });
  const [, key = "", op, text = ""] = match;
  const wanted = Number(text);
  return (row) => {
    const value = key in row.metrics ? row.metrics[key] : row.params[key];
    if (op === "=" || op === "!=") {
      const equal = String(value) === text || (typeof value === "number" && value === wanted);
      return op === "=" ? equal : !equal;
    }
    if (typeof value !== "number" || !Number.isFinite(wanted)) return false;
    return op === "<"
      ? value < wanted
      : op === "<="
        ? value <= wanted
        : op === ">"
          ? value > wanted
          : value >= wanted;
  };
}

/** A value as the tables print it: numbers to five significant digits, `-` when absent. */
export function cell(value: unknown): string {
  if (value === undefined) return "-";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : value.toPrecision(5).replace(/\.?0+$/, "");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The table as text: one line per experiment, `*` after the best value of each metric. */
export function renderTable(table: ExperimentTable): string {
  if (table.rows.length === 0)
    return table.base
      ? `no experiments on ${table.base.slice(0, 7)} (mlops exp run … or --all)`
      : "no experiments";
  // The text keeps the columns that tell experiments apart; --json and --csv keep every metric.
  const metrics = table.rows.length > 1 ? table.metrics.filter((m) => varies(table.rows, m)) : table.metrics;
  const hidden = table.metrics.length - metrics.length;
  const header = ["experiment", ...(table.base ? [] : ["base"]), ...table.params, ...metrics];
  const all = table.baseline ? [table.baseline, ...table.rows] : table.rows;
  const lines = all.map((r) => [
    r.name,
    ...(table.base ? [] : [r.base.slice(0, 7)]),
    ...table.params.map((p) => cell(r.params[p])),
    ...metrics.map((m) => `${cell(r.metrics[m])}${table.best[m] === r.name ? "*" : ""}`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const note =
    Object.keys(table.best).length > 0
      ? "\n* best by the metric's direction (lower error, higher score)"
      : "";
  const same =
    hidden > 0 ? `\n${hidden} metric(s) equal in every experiment not shown (see --json or --csv)` : "";
  const head = table.baseline ? "\nHEAD: what the base commit itself records, for reference" : "";
  return `${[fmt(header), ...lines.map(fmt)].join("\n")}${note}${head}${same}`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(table: ExperimentTable): string {
  const header = ["experiment", "base", ...table.params, ...table.metrics];
  const all = table.baseline ? [table.baseline, ...table.rows] : table.rows;
  const lines = all.map((r) => [
    r.name,
    r.base,
    ...table.params.map((p) => (r.params[p] === undefined ? "" : cell(r.params[p]))),
    ...table.metrics.map((m) => (r.metrics[m] === undefined ? "" : String(r.metrics[m]))),
  ]);
  return [header, ...lines].map((l) => l.map(csvField).join(",")).join("\n");
}
