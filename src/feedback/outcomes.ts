import { MlopsError } from "../errors/index.js";
import type { Cell } from "../table/index.js";

/** One observed outcome: the true value for one row of one answered request. */
export interface Outcome {
  /** The X-Request-Id the server answered with (and logged). */
  request_id: string;
  /** Which row of the request (0 for a one-row request). */
  row: number;
  /** The true value of the model's target. */
  value: Exclude<Cell, null>;
  /** When the outcome was observed, epoch milliseconds; absent when the source does not say. */
  time?: number;
  /** 1-based line of the source, for messages. */
  line: number;
}

export type OutcomeFormat = "jsonl" | "csv";

export interface OutcomeSource {
  /** What messages call the source: a path, or "standard input". */
  display: string;
  format: OutcomeFormat;
  /** The name of the value field: the model's target column (like `mpg`); `outcome` is accepted too. */
  target: string;
}

/** Field names every format shares. `outcome` stands in for the target's own name. */
const idField = "request_id";
const rowField = "row";
const timeField = "time";
const outcomeAlias = "outcome";

function fail(source: OutcomeSource, line: number, field: string | undefined, message: string, extra = {}) {
  return new MlopsError("invalid-file", message, {
    file: source.display,
    line,
    ...(field ? { field } : {}),
    ...extra,
  });
}

function parseTime(text: string, source: OutcomeSource, line: number): number {
  // ISO 8601 with a date and an explicit zone (Z or ±hh:mm): a zone-less time would be read in the
  // machine's zone, and the late-window check would depend on where it runs.
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const ms = iso.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw fail(source, line, timeField, `expected an ISO 8601 time with a zone, like 2026-01-31T12:00:00Z`, {
      expected: "an ISO 8601 time with a zone (Z or ±hh:mm)",
      got: text.slice(0, 60),
    });
  }
  return ms;
}

function parseRow(value: unknown, source: OutcomeSource, line: number): number {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw fail(source, line, rowField, "expected the row's index in its request, an integer >= 0", {
      expected: "an integer >= 0",
      got: String(JSON.stringify(value)).slice(0, 60),
    });
  }
  return n;
}

function parseId(value: unknown, source: OutcomeSource, line: number): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 200) {
    throw fail(source, line, idField, "expected the request id the server answered with (X-Request-Id)", {
      expected: "a string of 1 to 200 characters",
      got: value === undefined ? "nothing" : String(JSON.stringify(value)).slice(0, 60),
    });
  }
  return value;
}

/** A JSON value as an outcome: a finite number, a string label, or a boolean. */
function parseValue(value: unknown, field: string, source: OutcomeSource, line: number): Exclude<Cell, null> {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "boolean") return value;
  throw fail(
    source,
    line,
    field,
    `expected the observed ${source.target}: a finite number or a class label`,
    {
      expected: "a finite number, a non-empty string or a boolean",
      got: value === undefined ? "nothing" : String(JSON.stringify(value)).slice(0, 60),
    },
  );
}

function valueField(keys: readonly string[], source: OutcomeSource, line: number): string {
  const has = (k: string) => keys.includes(k);
  if (has(source.target) && has(outcomeAlias) && source.target !== outcomeAlias) {
    throw fail(source, line, outcomeAlias, `give the outcome once: as '${source.target}' or as 'outcome'`);
  }
  if (has(source.target)) return source.target;
  if (has(outcomeAlias)) return outcomeAlias;
  throw fail(
    source,
    line,
    source.target,
    `expected a field '${source.target}' (or 'outcome') with the observed value`,
    {
      expected: `fields request_id, ${source.target} (or outcome), and optionally row, time`,
      got: keys.length ? `fields ${keys.join(", ")}` : "no fields",
    },
  );
}

function fromJsonLines(text: string, source: OutcomeSource): Outcome[] {
  const out: Outcome[] = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      throw fail(source, line, undefined, `not valid JSON: ${(err as Error).message}`, {
        expected: "one JSON object per line",
      });
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw fail(source, line, undefined, "expected a JSON object per line", {
        expected: `{"request_id": "...", "${source.target}": ...}`,
        got: String(JSON.stringify(parsed)).slice(0, 60),
      });
    }
    const record = parsed as Record<string, unknown>;
    const keys = Object.keys(record);
    const field = valueField(keys, source, line);
    const outcome: Outcome = {
      request_id: parseId(record[idField], source, line),
      row: record[rowField] === undefined ? 0 : parseRow(record[rowField], source, line),
      value: parseValue(record[field], field, source, line),
      line,
    };
    const time = record[timeField];
    if (time !== undefined) {
      if (typeof time !== "string") {
        throw fail(source, line, timeField, "expected an ISO 8601 time string", {
          got: String(JSON.stringify(time)).slice(0, 60),
        });
      }
      outcome.time = parseTime(time, source, line);
    }
    out.push(outcome);
  });
  return out;
}

/** One CSV line's cells (RFC 4180 quoting within the line); an unclosed quote is an error. */
export function csvCells(text: string): string[] | undefined {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (wasQuoted) return undefined;
    else cell += ch;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

/** A CSV cell as an outcome: a number when it reads as one, else the label itself. */
function csvValue(text: string, field: string, source: OutcomeSource, line: number): Exclude<Cell, null> {
  if (text === "") return parseValue(undefined, field, source, line);
  const n = Number(text);
  return Number.isFinite(n) && /^\s*[-+]?(\d|\.\d)/.test(text) ? n : text;
}

function fromCsv(text: string, source: OutcomeSource): Outcome[] {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) return [];
  const header = csvCells(lines[headerIndex] as string);
  if (!header)
    throw fail(source, headerIndex + 1, undefined, "the header has an unclosed or misplaced quote");
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw fail(source, headerIndex + 1, dup, `the header names '${dup}' twice`);
  if (!header.includes(idField)) {
    throw fail(source, headerIndex + 1, idField, "the header has no request_id column", {
      expected: `a header like request_id,${source.target}[,row][,time]`,
      got: header.join(",").slice(0, 80),
    });
  }
  const field = valueField(header, source, headerIndex + 1);
  const at = (name: string) => header.indexOf(name);
  const out: Outcome[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i] as string;
    if (raw.trim() === "") continue;
    const cells = csvCells(raw);
    if (!cells) throw fail(source, line, undefined, "unclosed or misplaced quote");
    if (cells.length !== header.length) {
      throw fail(
        source,
        line,
        undefined,
        `expected ${header.length} cells, like the header, got ${cells.length}`,
      );
    }
    const cell = (name: string) => (at(name) < 0 ? undefined : cells[at(name)]);
    const outcome: Outcome = {
      request_id: parseId(cell(idField), source, line),
      row: cell(rowField) === undefined || cell(rowField) === "" ? 0 : parseRow(cell(rowField), source, line),
      value: csvValue(cell(field) as string, field, source, line),
      line,
    };
    const time = cell(timeField);
    if (time !== undefined && time !== "") outcome.time = parseTime(time, source, line);
    out.push(outcome);
  }
  return out;
}

/**
 * Outcomes keyed by request id, from JSON lines (`{"request_id": "…", "mpg": 21.5, "time": "…"}`)
 * or CSV with a header (`request_id,mpg,time`). The value is named like the model's target, or
 * `outcome`; `row` (default 0) picks a row of a multi-row request; `time` (ISO 8601 with a zone)
 * is when the outcome was observed. Every malformed line is an error naming its line and field.
 */
export function parseOutcomes(text: string, source: OutcomeSource): Outcome[] {
  return source.format === "csv" ? fromCsv(text, source) : fromJsonLines(text, source);
}

/** The format a path's extension says; standard input and anything unknown need `--format`. */
export function outcomeFormatOf(path: string): OutcomeFormat | undefined {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  return undefined;
}
