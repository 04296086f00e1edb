import type { ColumnSpec, DatasetSchema } from "../manifest/dataset-schema.js";
import { ident, isIntegerType, isNumericType, type LoadedTable, query, sqlString } from "./source.js";

export interface Finding {
  /** What was checked: `type`, `nullable`, `range`, `allowed`, `pattern`, `unique`, … */
  check: string;
  column?: string;
  severity: "error" | "warn";
  /** Rows that break the check (0 for table-level findings such as a missing column). */
  count: number;
  /** 1-based row numbers of the first offending rows. */
  rows: number[];
  /** Offending values, as text, for the first rows. */
  values?: string[];
  message: string;
  /** The schema file the rule is written in. */
  file?: string;
  /** Where in the schema the rule is written: `columns.mpg.nullable`. */
  field?: string;
  line?: number;
  /** Non-nullable columns with `on_null: drop`: the rows are reported as dropped, not failed. */
  action?: "dropped";
}

const exampleCount = 5;

function describeRows(count: number, rows: number[]): string {
  const shown = rows.join(", ");
  return count > rows.length ? `rows ${shown}, …` : count === 1 ? `row ${shown}` : `rows ${shown}`;
}

async function offending(
  table: LoadedTable,
  condition: string,
  valueExpr?: string,
): Promise<{ count: number; rows: number[]; values?: string[] }> {
  const [summary] = await query(`SELECT count(*) AS n FROM ${table.name} WHERE ${condition}`);
  const count = Number(summary?.n ?? 0);
  if (count === 0) return { count, rows: [] };
  const examples = await query(
    `SELECT rowid + 1 AS __row${valueExpr ? `, CAST(${valueExpr} AS VARCHAR) AS v` : ""} FROM ${table.name} WHERE ${condition} ORDER BY rowid LIMIT ${exampleCount}`,
  );
  return {
    count,
    rows: examples.map((r) => Number(r.__row)),
    // Mixed-type JSON columns come back as JSON text: show "abc", not "\"abc\"".
    ...(valueExpr ? { values: examples.map((r) => String(r.v).replace(/^"(.*)"$/, "$1")) } : {}),
  };
}

function typeCondition(spec: ColumnSpec, col: string, duckType: string): string | undefined {
  const c = ident(col);
  switch (spec.type) {
    case "integer":
      if (isIntegerType(duckType)) return undefined;
      if (isNumericType(duckType)) return `${c} IS NOT NULL AND ${c} <> floor(${c})`;
      return `${c} IS NOT NULL AND TRY_CAST(${c} AS BIGINT) IS NULL`;
    case "number":
      if (isNumericType(duckType)) return undefined;
      return `${c} IS NOT NULL AND TRY_CAST(${c} AS DOUBLE) IS NULL`;
    case "boolean":
      if (duckType === "BOOLEAN") return undefined;
      return `${c} IS NOT NULL AND TRY_CAST(${c} AS BOOLEAN) IS NULL`;
    case "date":
      if (duckType === "DATE") return undefined;
      return `${c} IS NOT NULL AND TRY_CAST(${c} AS DATE) IS NULL`;
    case "timestamp":
      if (duckType.startsWith("TIMESTAMP")) return undefined;
      return `${c} IS NOT NULL AND TRY_CAST(${c} AS TIMESTAMP) IS NULL`;
    case "string":
      return undefined;
  }
}

/** The value expression range checks compare: numbers as DOUBLE, dates as DATE, text as text. */
function comparable(spec: ColumnSpec, col: string): string {
  const c = ident(col);
  if (spec.type === "integer" || spec.type === "number") return `TRY_CAST(${c} AS DOUBLE)`;
  if (spec.type === "date") return `TRY_CAST(${c} AS DATE)`;
  if (spec.type === "timestamp") return `TRY_CAST(${c} AS TIMESTAMP)`;
  return `CAST(${c} AS VARCHAR)`;
}

function literal(spec: ColumnSpec, value: string | number): string {
  if (typeof value === "number") return String(value);
  if (spec.type === "date") return `DATE ${sqlString(value)}`;
  if (spec.type === "timestamp") return `TIMESTAMP ${sqlString(value)}`;
  return sqlString(value);
}

/**
 * Every rule of the schema, run as SQL over the loaded table. Each finding says how many rows
 * break the rule, which ones (row numbers), and where the rule is written in the schema.
 */
export async function runChecks(
  table: LoadedTable,
  schema: DatasetSchema,
  lineOf: (path: (string | number)[]) => number | undefined,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const present = new Map(table.columns.map((c) => [c.name, c.type]));
  const add = (f: Omit<Finding, "line"> & { path: (string | number)[] }) => {
    const { path, ...rest } = f;
    findings.push({ ...rest, field: path.join("."), line: lineOf(path) });
  };

  if (table.rows === 0) {
    add({
      check: "row_count",
      severity: "error",
      count: 0,
      rows: [],
      message: "the table has no rows",
      path: [],
    });
  }
  const bounds = schema.row_count;
  if (bounds?.min !== undefined && table.rows < bounds.min) {
    add({
      check: "row_count",
      severity: "error",
      count: 0,
      rows: [],
      message: `${table.rows} rows, expected at least ${bounds.min}`,
      path: ["row_count", "min"],
    });
  }
  if (bounds?.max !== undefined && table.rows > bounds.max) {
    add({
      check: "row_count",
      severity: "error",
      count: 0,
      rows: [],
      message: `${table.rows} rows, expected at most ${bounds.max}`,
      path: ["row_count", "max"],
    });
  }
  const extraPolicy = schema.extra_columns ?? "error";
  if (extraPolicy !== "allow") {
    for (const name of present.keys()) {
      if (!Object.hasOwn(schema.columns, name)) {
        add({
          check: "columns",
          column: name,
          severity: extraPolicy,
          count: 0,
          rows: [],
          message: `column '${name}' is not in the schema`,
          path: ["columns"],
        });
      }
    }
  }

  for (const [name, spec] of Object.entries(schema.columns)) {
    const severity = spec.severity ?? "error";
    const at = (...rest: string[]) => ["columns", name, ...rest];
    const duckType = present.get(name);
    if (duckType === undefined) {
      add({
        check: "columns",
        column: name,
        severity: "error",
        count: 0,
        rows: [],
        message: `column '${name}' is missing (the table has ${[...present.keys()].join(", ") || "no columns"})`,
        path: at(),
      });
      continue;
    }
    const c = ident(name);
    const typeCheck = typeCondition(spec, name, duckType);
    if (typeCheck) {
      const bad = await offending(table, typeCheck, c);
      if (bad.count > 0) {
        add({
          check: "type",
          column: name,
          severity,
          ...bad,
          message: `${bad.count} values of '${name}' are not ${spec.type === "integer" ? "integers" : `${spec.type}s`}: ${bad.values?.map((v) => JSON.stringify(v)).join(", ")} (${describeRows(bad.count, bad.rows)})`,
          path: at("type"),
        });
        continue;
      }
    }
    if (spec.nullable === false) {
      const nulls = await offending(table, `${c} IS NULL`);
      if (nulls.count > 0) {
        const drop = spec.on_null === "drop";
        add({
          check: "nullable",
          column: name,
          severity: drop ? "warn" : severity,
          ...nulls,
          ...(drop ? { action: "dropped" as const } : {}),
          message: drop
            ? `${nulls.count} rows have no '${name}' and are dropped (${describeRows(nulls.count, nulls.rows)})`
            : `${nulls.count} rows have no '${name}' (${describeRows(nulls.count, nulls.rows)}), and the column may not be null`,
          path: at(drop ? "on_null" : "nullable"),
        });
      }
    }
    if (spec.max_null_fraction !== undefined && table.rows > 0) {
      const [r] = await query(`SELECT count(*) FILTER (WHERE ${c} IS NULL) AS n FROM ${table.name}`);
      const fraction = Number(r?.n ?? 0) / table.rows;
      if (fraction > spec.max_null_fraction) {
        add({
          check: "max_null_fraction",
          column: name,
          severity,
          count: Number(r?.n ?? 0),
          rows: [],
          message: `${(fraction * 100).toFixed(1)} % of '${name}' is null, more than the ${(spec.max_null_fraction * 100).toFixed(1)} % allowed`,
          path: at("max_null_fraction"),
        });
      }
    }
    const value = comparable(spec, name);
    for (const side of ["min", "max"] as const) {
      const bound = spec[side];
      if (bound === undefined) continue;
      const condition = `${value} ${side === "min" ? "<" : ">"} ${literal(spec, bound)}`;
      const bad = await offending(table, condition, c);
      if (bad.count > 0) {
        add({
          check: "range",
          column: name,
          severity,
          ...bad,
          message: `${bad.count} values of '${name}' are ${side === "min" ? "below the minimum" : "above the maximum"} ${bound}: ${bad.values?.join(", ")} (${describeRows(bad.count, bad.rows)})`,
          path: at(side),
        });
      }
    }
    if (spec.allowed) {
      const list = spec.allowed.map((v) => sqlString(String(v))).join(", ");
      const bad = await offending(table, `${c} IS NOT NULL AND CAST(${c} AS VARCHAR) NOT IN (${list})`, c);
      if (bad.count > 0) {
        const distinct = [...new Set(bad.values)].map((v) => JSON.stringify(v)).join(", ");
        add({
          check: "allowed",
          column: name,
          severity,
          ...bad,
          message: `${bad.count} values of '${name}' are not among the allowed ones: ${distinct} (${describeRows(bad.count, bad.rows)})`,
          path: at("allowed"),
        });
      }
    }
    if (spec.pattern) {
      const bad = await offending(
        table,
        `${c} IS NOT NULL AND NOT regexp_full_match(CAST(${c} AS VARCHAR), ${sqlString(spec.pattern)})`,
        c,
      );
      if (bad.count > 0) {
        add({
          check: "pattern",
          column: name,
          severity,
          ...bad,
          message: `${bad.count} values of '${name}' do not match /${spec.pattern}/: ${bad.values?.map((v) => JSON.stringify(v)).join(", ")} (${describeRows(bad.count, bad.rows)})`,
          path: at("pattern"),
        });
      }
    }
    if (spec.unique) {
      const bad = await offending(
        table,
        `${c} IS NOT NULL AND ${c} IN (SELECT ${c} FROM ${table.name} GROUP BY ${c} HAVING count(*) > 1)`,
        c,
      );
      if (bad.count > 0) {
        add({
          check: "unique",
          column: name,
          severity,
          ...bad,
          message: `${bad.count} rows repeat a value of '${name}': ${[...new Set(bad.values)].join(", ")} (${describeRows(bad.count, bad.rows)})`,
          path: at("unique"),
        });
      }
    }
  }

  if (schema.primary_key?.every((k) => present.has(k))) {
    const cols = schema.primary_key.map(ident).join(", ");
    const bad = await offending(
      table,
      `(${cols}) IN (SELECT (${cols}) FROM ${table.name} GROUP BY ${cols} HAVING count(*) > 1)`,
    );
    if (bad.count > 0) {
      add({
        check: "primary_key",
        severity: "error",
        ...bad,
        message: `${bad.count} rows share a primary key (${schema.primary_key.join(", ")}) with another row (${describeRows(bad.count, bad.rows)})`,
        path: ["primary_key"],
      });
    }
  }

  for (const [i, check] of (schema.checks ?? []).entries()) {
    let bad: Awaited<ReturnType<typeof offending>>;
    try {
      bad = await offending(table, `NOT coalesce((${check.expr}), true)`);
    } catch (err) {
      // After a type error the expression may fail on the very values already reported.
      const typeErrors = findings.some((f) => f.check === "type");
      add({
        check: "expression",
        severity: typeErrors ? "warn" : "error",
        count: 0,
        rows: [],
        message: typeErrors
          ? `check '${check.name}' was not run: it needs the type errors above fixed first`
          : `check '${check.name}' is not valid SQL here: ${(err as Error).message.split("\n")[0]}`,
        path: ["checks", i, "expr"] as unknown as string[],
      });
      continue;
    }
    if (bad.count > 0) {
      add({
        check: "expression",
        severity: check.severity ?? "error",
        ...bad,
        message: `${bad.count} rows break '${check.name}' (${check.expr}) (${describeRows(bad.count, bad.rows)})`,
        path: ["checks", i] as unknown as string[],
      });
    }
  }
  return findings;
}
