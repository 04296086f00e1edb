// The baseline for profile + checks: DuckDB's own SUMMARIZE of the same file, in a fresh process.
//   node scripts/bench/duckdb-summarize.mjs FILE
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2];
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
const source = file.endsWith(".csv") ? `read_csv('${file}')` : `read_parquet('${file}')`;
const rows = (await c.runAndReadAll(`SUMMARIZE SELECT * FROM ${source}`)).getRowObjectsJson();
console.log(JSON.stringify({ columns: rows.length }));
