import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { readBlobs } from "../git/index.js";
import type { Logger } from "../log/index.js";
import { type DataManifest, dataManifest, parseYaml } from "../manifest/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { findManifestFiles } from "../tracking/index.js";
import type { ReportDocument } from "./document.js";

type DataRow = ReportDocument["data"][number];
type DriftSection = ReportDocument["drift"][number];
type Out = DataManifest["outs"][number];

/** Columns shown per drifted dataset: the report is bounded, and the worst columns come first. */
const maxDriftColumns = 100;

/**
 * Per tracked dataset: its hash, size and row count on both sides and, where it changed and a
 * schema says how, the drift of the new data against the old. The base side's data is read from the
 * local store (fetched from the data remote when missing); when it cannot be had, the row count and
 * drift say so instead of failing the whole report.
 */
export async function diffData(
  layout: RepoLayout,
  baseRev: string,
  logger?: Logger,
  baseLabel = baseRev,
): Promise<{ data: DataRow[]; drift: DriftSection[] }> {
  const files = findManifestFiles(layout).map((f) => toRepoPath(layout, resolve(layout.root, f)));
  const before = await readBlobs(
    layout.root,
    files.map((f) => `${baseRev}:${f}`),
  );
  const data: DataRow[] = [];
  const drift: DriftSection[] = [];
  for (const file of files) {
    const manifest = parseYaml(await readFile(join(layout.root, file), "utf8"), dataManifest, file);
    const now = manifest.outs[0];
    const thenText = before.get(`${baseRev}:${file}`);
    const then = thenText
      ? parseYaml(thenText.toString("utf8"), dataManifest, `${baseRev}:${file}`).outs[0]
      : undefined;
    const dataset = basename(file).replace(/\.dvc$/, "");
    const compared = await compareTables(layout, file, manifest, now, then, baseRev, baseLabel, logger);
    data.push({
      dataset,
      path: file,
      base: then?.sha256 ?? null,
      head: now?.sha256 ?? null,
      base_size: then?.size ?? null,
      head_size: now?.size ?? null,
      base_rows: compared.baseRows,
      head_rows: compared.headRows,
      ...(compared.note ? { note: compared.note } : {}),
    });
    if (compared.drift) drift.push({ dataset, ...compared.drift });
  }
  return { data, drift };
}

interface Compared {
  baseRows: number | null;
  headRows: number | null;
  note?: string;
  drift?: Omit<DriftSection, "dataset">;
}

async function compareTables(
  layout: RepoLayout,
  manifestFile: string,
  manifest: DataManifest,
  now: Out | undefined,
  then: Out | undefined,
  baseRev: string,
  baseLabel: string,
  logger?: Logger,
): Promise<Compared> {
  if (!now || now.sha256.endsWith(".dir")) return { baseRows: null, headRows: null };
  const { dropTable, loadTable, loadSchema, profileTable, driftExact } = await import("../validate/index.js");
  const dir = dirname(resolve(layout.root, manifestFile));
  const headFile = resolve(dir, now.path);
  const schemaFile = manifest.schema
    ? resolve(dir, manifest.schema)
    : join(dir, `${basename(manifestFile).replace(/\.dvc$/, "")}.schema.yaml`);
  const schema = existsSync(schemaFile) ? (await loadSchema(layout, schemaFile)).schema : undefined;
  const format = schema?.format as "csv" | "json" | "parquet" | "arrow" | undefined;
  if (!existsSync(headFile)) {
    return { baseRows: null, headRows: null, note: "the data is not in the working tree" };
  }
  const head = await loadTable(headFile, {
    display: toRepoPath(layout, headFile),
    format: format ?? formatFromPath(now.path),
    view: true,
  });
  try {
    if (!then) return { baseRows: null, headRows: head.rows, note: "new in this change" };
    if (then.sha256 === now.sha256) return { baseRows: head.rows, headRows: head.rows };
    if (then.sha256.endsWith(".dir")) return { baseRows: null, headRows: head.rows };
    const basePath = await baseObject(layout, then.sha256, `${baseRev}:${manifestFile}`, logger);
    if (typeof basePath !== "string") return { baseRows: null, headRows: head.rows, note: basePath.note };
    const base = await loadTable(basePath, {
      display: `${baseRev}:${then.path}`,
      format: format ?? formatFromPath(then.path),
      view: true,
    });
    try {
      if (!schema) return { baseRows: base.rows, headRows: head.rows, note: "no schema, so no drift test" };
      const baseProfile = await profileTable(base, { depth: "lean" });
      const headProfile = await profileTable(head, { reference: baseProfile, depth: "lean" });
      const report = await driftExact(base, head, baseProfile, headProfile, { schema });
      const columns = [...report.columns]
        .sort(
          (a, b) =>
            Number(b.drifted) - Number(a.drifted) || b.statistic / b.threshold - a.statistic / a.threshold,
        )
        .slice(0, maxDriftColumns)
        .map((c) => ({
          column: c.column,
          method: c.method,
          statistic: c.statistic,
          threshold: c.threshold,
          pvalue: c.pvalue,
          drifted: c.drifted,
        }));
      return {
        baseRows: base.rows,
        headRows: head.rows,
        drift: {
          reference: `${toRepoPath(layout, resolve(dir, then.path))} at ${baseLabel}`.slice(0, 200),
          drifted: report.drifted,
          alpha: report.alpha,
          columns,
        },
      };
    } finally {
      await dropTable(base);
    }
  } finally {
    await dropTable(head);
  }
}

function formatFromPath(path: string): "csv" | "json" | "parquet" | "arrow" | undefined {
  const ext = path.toLowerCase().replace(/^.*\./, "");
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "json" || ext === "jsonl" || ext === "ndjson") return "json";
  if (ext === "parquet") return "parquet";
  if (ext === "arrow" || ext === "feather") return "arrow";
  return undefined;
}

/** The base side's data file in the local store, pulled from the data remote if it is missing there. */
async function baseObject(
  layout: RepoLayout,
  oid: string,
  referencedBy: string,
  logger?: Logger,
): Promise<string | { note: string }> {
  const { storedObject } = await import("../tracking/index.js");
  try {
    return await storedObject(layout, oid, { what: `the base data of ${referencedBy}`, referencedBy });
  } catch (err) {
    // The report still renders without the base side; it says why in the dataset's note.
    const reason = (err as Error).message;
    logger?.warn(`could not read the base data of ${referencedBy}: ${reason}`);
    return { note: `the base data could not be read: ${reason}`.slice(0, 300) };
  }
}
