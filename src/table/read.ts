import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { MlopsError } from "../errors/index.js";

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Rows as read from a file: what trainers and evaluation take as input. */
export interface Table {
  file: string;
  columns: string[];
  rows: Row[];
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function csvCell(text: string): Cell {
  if (text === "" || text === "NA" || text === "null") return null;
  const n = Number(text);
  return Number.isFinite(n) && /^\s*[-+]?(\d|\.\d)/.test(text) ? n : text;
}

function fromCsv(file: string, text: string): Table {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const header = lines[0];
  if (header === undefined)
    throw new MlopsError("invalid-file", "empty CSV file", { file, expected: "a header line" });
  const columns = parseCsvLine(header);
  const rows = lines.slice(1).map((line, i) => {
    const cells = parseCsvLine(line);
    if (cells.length !== columns.length) {
      throw new MlopsError("invalid-file", `expected ${columns.length} cells, got ${cells.length}`, {
        file,
        line: i + 2,
      });
    }
    const row: Row = {};
    columns.forEach((c, j) => {
      row[c] = csvCell(cells[j] ?? "");
    });
    return row;
  });
  return { file, columns, rows };
}

function fromRecords(file: string, records: unknown[]): Table {
  const columns: string[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new MlopsError("invalid-file", "expected every row to be an object of column values", {
        file,
        field: `[${i}]`,
        got: JSON.stringify(record)?.slice(0, 60),
      });
    }
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  });
  return { file, columns, rows: records as Row[] };
}

/** Reads a JSON array of row objects, JSON lines (`.jsonl`, `.ndjson`) or CSV with a header. */
export async function readTable(path: string, display = path): Promise<Table> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new MlopsError("not-found", "data file not found", { file: display });
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return fromCsv(display, text);
  if (ext === ".jsonl" || ext === ".ndjson") {
    const records = text
      .split("\n")
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.trim() !== "")
      .map(({ l, i }) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new MlopsError("invalid-file", "not valid JSON", { file: display, line: i + 1 });
        }
      });
    return fromRecords(display, records);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new MlopsError("invalid-file", `not valid JSON: ${(err as Error).message}`, {
      file: display,
      expected: "a JSON array of row objects, JSON lines (.jsonl) or CSV (.csv)",
    });
  }
  if (!Array.isArray(parsed)) {
    throw new MlopsError("invalid-file", "expected a JSON array of row objects", { file: display });
  }
  return fromRecords(display, parsed);
}

/** A column as numbers, NaN for missing; anything else that is not a number is an error. */
export function numericColumn(table: Table, column: string): Float64Array {
  if (!table.columns.includes(column)) {
    throw new MlopsError("invalid-file", `no column '${column}'`, {
      file: table.file,
      expected: `one of: ${table.columns.join(", ")}`,
    });
  }
  const rows = table.rows;
  const out = new Float64Array(rows.length);
  // A plain loop: this runs once per column per evaluation, over every row.
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Row)[column];
    if (typeof v === "number") out[i] = v;
    else if (v === null || v === undefined) out[i] = Number.NaN;
    else if (typeof v === "boolean") out[i] = v ? 1 : 0;
    else {
      throw new MlopsError("invalid-file", `column '${column}' holds a non-number`, {
        file: table.file,
        field: `[${i}].${column}`,
        expected: "a number or null",
        got: JSON.stringify(v),
      });
    }
  }
  return out;
}

/** A column as strings, null for missing (numbers become their text). */
export function stringColumn(table: Table, column: string): (string | null)[] {
  if (!table.columns.includes(column)) {
    throw new MlopsError("invalid-file", `no column '${column}'`, {
      file: table.file,
      expected: `one of: ${table.columns.join(", ")}`,
    });
  }
  return table.rows.map((row) => {
    const v = row[column];
    return v === null || v === undefined ? null : String(v);
  });
}
