import { existsSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { MlopsError } from "../errors/index.js";

export type TableFormat = "csv" | "json" | "parquet" | "arrow";

export interface ColumnInfo {
  name: string;
  /** DuckDB's type name: BIGINT, DOUBLE, VARCHAR, DATE, … */
  type: string;
}

/**
 * A data file loaded into DuckDB as a table named `name`. Rows keep the file's order, so
 * `rowid + 1` is the 1-based row number messages show.
 */
export interface LoadedTable {
  name: string;
  file: string;
  format: TableFormat;
  rows: number;
  columns: ColumnInfo[];
}

export function formatOf(path: string, declared?: TableFormat): TableFormat {
  if (declared) return declared;
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".tsv") return "csv";
  if (ext === ".json" || ext === ".jsonl" || ext === ".ndjson") return "json";
  if (ext === ".parquet") return "parquet";
  if (ext === ".arrow" || ext === ".feather" || ext === ".ipc") return "arrow";
  throw new MlopsError("usage", `cannot tell the format of ${path} from its extension`, {
    expected: ".csv, .json, .jsonl, .parquet or .arrow (or `format:` in the schema)",
  });
}

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

let instance: Promise<DuckDBConnection> | undefined;

/** One in-memory DuckDB per process, loaded on first use (quick verbs never pay for it). */
export async function duck(): Promise<DuckDBConnection> {
  instance ??= (async () => {
    const { DuckDBInstance } = await import(/* webpackIgnore: true */ "@duckdb/node-api");
    const db = await DuckDBInstance.create(":memory:");
    return db.connect();
  })();
  return instance;
}

export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const c = await duck();
  const reader = await c.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** DuckDB's first error line, without its internal prefix: what a person can act on. */
function duckMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^LINE \d+:/.test(l) && !l.trim().startsWith("^"))
    .slice(0, 3)
    .join(" ")
    .replace(/\s+/g, " ");
}

function fieldCount(line: string): number {
  let count = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) count++;
  }
  return count;
}

/**
 * When DuckDB cannot make sense of a CSV, the usual cause is a line with too few or too many
 * fields; finding it (streaming, line by line) gives a message that names the line.
 */
async function firstRaggedLine(
  path: string,
): Promise<{ line: number; got: number; expected: number } | undefined> {
  const { createReadStream } = await import("node:fs");
  const { createInterface } = await import("node:readline");
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let expected: number | undefined;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line === "") continue;
    const got = fieldCount(line);
    if (expected === undefined) expected = got;
    else if (got !== expected) {
      lines.close();
      return { line: n, got, expected };
    }
  }
  return undefined;
}

async function arrowToJsonLines(path: string, display: string): Promise<string> {
  const { RecordBatchReader } = await import(/* webpackIgnore: true */ "apache-arrow");
  const { createReadStream, createWriteStream } = await import("node:fs");
  const out = join(tmpdir(), `mlops-arrow-${process.pid}-${Date.now()}.jsonl`);
  const sink = createWriteStream(out);
  const plain = (_: string, v: unknown) =>
    typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString() : v;
  try {
    const reader = await RecordBatchReader.from(createReadStream(path));
    for await (const batch of reader) {
      let chunk = "";
      for (let i = 0; i < batch.numRows; i++)
        chunk += `${JSON.stringify(batch.get(i)?.toJSON() ?? {}, plain)}\n`;
      if (!sink.write(chunk)) await new Promise<void>((r) => sink.once("drain", () => r()));
    }
    await new Promise<void>((resolveEnd, reject) =>
      sink.end((err?: Error | null) => (err ? reject(err) : resolveEnd())),
    );
    return out;
  } catch (err) {
    sink.destroy();
    await rm(out, { force: true });
    throw new MlopsError("invalid-file", `cannot read the Arrow IPC file: ${(err as Error).message}`, {
      file: display,
      expected: "an Arrow IPC file or stream",
    });
  }
}

let counter = 0;

/**
 * Loads a file into DuckDB (never into JavaScript): CSV, JSON (array or lines) or Parquet. A file
 * DuckDB cannot read becomes an error naming the file and DuckDB's reason.
 */
export async function loadTable(
  path: string,
  options: { display?: string; format?: TableFormat; view?: boolean } = {},
): Promise<LoadedTable> {
  const display = options.display ?? path;
  if (!existsSync(path)) throw new MlopsError("not-found", "data file not found", { file: display });
  const format = formatOf(path, options.format);
  if (statSync(path).size === 0) {
    throw new MlopsError("invalid-file", "the file is empty", {
      file: display,
      expected: `a ${format} table`,
    });
  }
  if (format === "arrow") {
    // DuckDB's core reads no Arrow IPC (its extension is a download away), so the file is streamed
    // batch by batch into JSON lines in a temp file, which DuckDB then reads: memory stays bounded.
    const lines = await arrowToJsonLines(path, display);
    try {
      const table = await loadTable(lines, { display, format: "json" });
      return { ...table, format: "arrow" };
    } finally {
      await rm(lines, { force: true });
    }
  }
  const source =
    format === "csv"
      ? `read_csv(${sqlString(path)}, header = true, delim = ${extname(path).toLowerCase() === ".tsv" ? "'\t'" : "','"}, auto_detect = true)`
      : format === "json"
        ? `read_json_auto(${sqlString(path)})`
        : `read_parquet(${sqlString(path)})`;
  counter += 1;
  const name = `t${counter}`;
  // A view reads the file on each query: right for one or two scans of a columnar file (drift,
  // profiles); validation, with many queries and row numbers, gets a table.
  const create = (from: string) =>
    query(
      options.view && format === "parquet"
        ? `CREATE OR REPLACE TEMP VIEW ${name} AS SELECT * FROM ${from}`
        : `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM ${from}`,
    );
  try {
    try {
      await create(source);
    } catch (first) {
      // CSV and JSON types are guessed from a sample; a value further on that does not fit makes the
      // read fail, so the file is read again with types guessed from every row.
      if (format === "parquet") throw first;
      await create(source.replace(/\)$/, ", sample_size = -1)"));
    }
  } catch (err) {
    const ragged = format === "csv" ? await firstRaggedLine(path) : undefined;
    if (ragged) {
      throw new MlopsError(
        "invalid-file",
        `line ${ragged.line} has ${ragged.got} fields, expected ${ragged.expected} like the header`,
        {
          file: display,
          line: ragged.line,
          expected: `${ragged.expected} comma-separated fields on every line`,
        },
      );
    }
    throw new MlopsError("invalid-file", `cannot read the ${format} table: ${duckMessage(err)}`, {
      file: display,
      expected: `a well-formed ${format} file`,
    });
  }
  const columns = (await query(`DESCRIBE ${name}`)).map((r) => ({
    name: String(r.column_name),
    type: String(r.column_type),
  }));
  const rows = Number((await query(`SELECT count(*) AS n FROM ${name}`))[0]?.n ?? 0);
  return { name, file: display, format, rows, columns };
}

export async function dropTable(table: LoadedTable): Promise<void> {
  await query(`DROP VIEW IF EXISTS ${table.name}`).catch(() => undefined);
  await query(`DROP TABLE IF EXISTS ${table.name}`).catch(() => undefined);
}

const numericTypes =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;

export function isNumericType(type: string): boolean {
  return numericTypes.test(type);
}

export function isIntegerType(type: string): boolean {
  return integerTypes.test(type);
}
