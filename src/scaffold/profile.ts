import { parse } from "yaml";
import type { DatasetSchema } from "../manifest/index.js";
import { dropTable, ident, inferSchema, loadTable, query } from "../validate/index.js";

/** What the scaffold needs to know about a table: the drafted schema and the target's shape. */
export interface TableProfile {
  /** Repo-relative path of the data file, as messages show it. */
  file: string;
  format: DatasetSchema["format"];
  rows: number;
  /** `mlops schema infer`'s draft, as text (comments included) and parsed. */
  schemaText: string;
  schema: DatasetSchema;
  /** Per column: distinct non-null values and the most frequent value's share of non-null rows. */
  stats: Record<string, { distinct: number; majorityShare: number }>;
}

/** Reads the table once with DuckDB: the schema draft plus the counts the task and gates come from. */
export async function profileTable(file: string, display: string): Promise<TableProfile> {
  const table = await loadTable(file, { display });
  try {
    const schemaText = await inferSchema(table, file);
    const schema = parse(schemaText) as DatasetSchema;
    const stats: TableProfile["stats"] = {};
    for (const column of table.columns) {
      const c = ident(column.name);
      const [row] = await query(
        `SELECT count(DISTINCT ${c}) AS distinct, count(${c}) AS count,
                (SELECT count(*) FROM ${table.name} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY 1 DESC LIMIT 1) AS top
         FROM ${table.name}`,
      );
      const count = Number(row?.count ?? 0);
      stats[column.name] = {
        distinct: Number(row?.distinct ?? 0),
        majorityShare: count === 0 ? 0 : Number(row?.top ?? 0) / count,
      };
    }
    return { file: display, format: schema.format, rows: table.rows, schemaText, schema, stats };
  } finally {
    await dropTable(table);
  }
}
