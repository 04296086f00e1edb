// Writes the GBDT benchmark data: 125,000 flights from vega-datasets' flights-3m.parquet (every
// 24th row, so the sample is the same on every machine), with 10 numeric features — distance,
// month, day of month, day of week, hour, minute, and the coordinates of both airports — and the
// delay in minutes as the target. 100,000 rows train, 25,000 test.
//   node scripts/bench/flights-features.mjs OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const root = fileURLToPath(new URL("../..", import.meta.url));
const data = join(root, "node_modules/vega-datasets/data");
const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/bench/flights-features.mjs OUT_DIR");
  process.exit(2);
}
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
const sql = `
  WITH f AS (SELECT *, row_number() OVER () AS rn FROM read_parquet('${data}/flights-3m.parquet')),
       a AS (SELECT iata, latitude, longitude FROM read_csv_auto('${data}/airports.csv'))
  SELECT f.delay::DOUBLE AS delay, f.distance::DOUBLE AS distance,
         month(f.date)::DOUBLE AS month, day(f.date)::DOUBLE AS day, dayofweek(f.date)::DOUBLE AS weekday,
         hour(f.date)::DOUBLE AS hour, minute(f.date)::DOUBLE AS minute,
         o.latitude AS origin_lat, o.longitude AS origin_lon, d.latitude AS dest_lat, d.longitude AS dest_lon
  FROM f JOIN a o ON o.iata = f.origin JOIN a d ON d.iata = f.destination
  WHERE f.rn % 24 = 0
  ORDER BY f.rn
  LIMIT 125000`;
const reader = await c.runAndReadAll(sql);
const columns = reader.columnNames();
const rows = reader
  .getRows()
  .map((r) => Object.fromEntries(columns.map((name, i) => [name, r[i] === null ? null : Number(r[i])])));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "train.json"), JSON.stringify(rows.slice(0, 100_000)));
writeFileSync(join(out, "test.json"), JSON.stringify(rows.slice(100_000)));
console.log(JSON.stringify({ rows: rows.length, features: columns.filter((c) => c !== "delay") }));
