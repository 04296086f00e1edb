import { stringify } from "yaml";
import type { DatasetSchema } from "../manifest/dataset-schema.js";
import {
  type ColumnInfo,
  formatOf,
  ident,
  isIntegerType,
  isNumericType,
  type LoadedTable,
  query,
} from "./source.js";

function logicalType(c: ColumnInfo): DatasetSchema["columns"][string]["type"] {
  if (isIntegerType(c.type)) return "integer";
  if (isNumericType(c.type)) return "number";
  if (c.type === "BOOLEAN") return "boolean";
  if (c.type === "DATE") return "date";
  if (c.type.startsWith("TIMESTAMP")) return "timestamp";
  return "string";
}

/**
 * A first draft of a dataset schema from the data itself: types, nullability, observed ranges,
 * small category sets. Meant to be reviewed and tightened, then committed.
 */
export async function inferSchema(table: LoadedTable, path: string): Promise<string> {
  const columns: DatasetSchema["columns"] = {};
  for (const col of table.columns) {
    const c = ident(col.name);
    const type = logicalType(col);
    const [s] = await query(
      `SELECT count(*) - count(${c}) AS nulls, count(DISTINCT ${c}) AS distinct, count(${c}) AS count,
              ${type === "integer" || type === "number" ? `min(${c}) AS min, max(${c}) AS max` : "NULL AS min, NULL AS max"}
       FROM ${table.name}`,
    );
    const spec: DatasetSchema["columns"][string] = { type, nullable: Number(s?.nulls ?? 0) > 0 };
    if (s?.min !== null && s?.min !== undefined) spec.min = Number(s.min);
    if (s?.max !== null && s?.max !== undefined) spec.max = Number(s.max);
    const distinct = Number(s?.distinct ?? 0);
    if (type === "string" && distinct > 0 && distinct <= 20) {
      const values = await query(
        `SELECT DISTINCT CAST(${c} AS VARCHAR) AS v FROM ${table.name} WHERE ${c} IS NOT NULL ORDER BY v`,
      );
      spec.allowed = values.map((v) => String(v.v));
    }
    if (type === "string" && distinct === Number(s?.count ?? -1) && distinct > 20) spec.unique = true;
    columns[col.name] = spec;
  }
  const draft: DatasetSchema = {
    format: formatOf(path),
    columns,
    row_count: { min: 1 },
  };
  return `# Drafted by \`mlops schema infer\` from ${table.file} (${table.rows} rows): review the ranges and
# categories, add roles (target, time, id) and drift rules, then commit.
${stringify(draft, { lineWidth: 0, flowCollectionPadding: false })}`;
}
