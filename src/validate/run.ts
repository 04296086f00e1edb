import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { dataManifest } from "../manifest/data-manifest.js";
import { type DatasetSchema, datasetSchema } from "../manifest/dataset-schema.js";
import { lineInYaml, parseYaml, readYamlFile } from "../manifest/yaml-file.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { hashFile } from "../store/index.js";
import { type Finding, runChecks } from "./checks.js";
import { type DriftReport, driftExact, driftFromProfiles } from "./drift.js";
import { inferSchema } from "./infer.js";
import { type Profile, profileTable, serializeProfile } from "./profile.js";
import { readProfileFile } from "./profile-file.js";
import { dropTable, loadTable, type TableFormat } from "./source.js";

/** A table to validate: a tracked dataset by name, or any data file. */
export interface DataTarget {
  /** Absolute path of the data file. */
  file: string;
  /** What messages show: repo-relative when inside the repository. */
  display: string;
  /** The dataset's name when it is tracked. */
  dataset?: string;
  schemaFile?: string;
  /** Where its reference profile is saved: `data/<dataset>.profile.json` (or beside the file). */
  profileFile: string;
}

/** Repo-relative inside the repository; absolute for a file outside it. */
function shown(layout: RepoLayout, abs: string): string {
  const rel = toRepoPath(layout, abs);
  return rel.startsWith("..") ? abs : rel;
}

function stem(path: string): string {
  return basename(path).replace(/\.(csv|tsv|json|jsonl|ndjson|parquet|arrow)$/i, "");
}

/** `cars` → data/cars.dvc's workspace copy and schema; anything else is taken as a file path. */
export async function resolveTarget(
  layout: RepoLayout,
  cwd: string,
  arg: string,
  schemaOverride?: string,
): Promise<DataTarget> {
  const manifestPath = join(layout.dataDir, `${arg}.dvc`);
  if (!arg.includes("/") && !arg.includes(".") && existsSync(manifestPath)) {
    const manifest = await readYamlFile(manifestPath, dataManifest, shown(layout, manifestPath));
    const out = manifest.outs[0];
    if (!out)
      throw new MlopsError("invalid-file", "the manifest has no output", {
        file: shown(layout, manifestPath),
      });
    const file = resolve(layout.dataDir, out.path);
    if (!existsSync(file)) {
      throw new MlopsError("not-found", `dataset '${arg}' is tracked but its data is not here`, {
        file: shown(layout, file),
        hint: `run \`mlops data pull ${arg}\` (or \`mlops run\`) to fetch and verify it`,
      });
    }
    const schemaFile = schemaOverride
      ? resolve(cwd, schemaOverride)
      : manifest.schema
        ? resolve(layout.dataDir, manifest.schema)
        : join(layout.dataDir, `${arg}.schema.yaml`);
    return {
      file,
      display: shown(layout, file),
      dataset: arg,
      schemaFile: existsSync(schemaFile) || schemaOverride ? schemaFile : undefined,
      profileFile: join(layout.dataDir, `${arg}.profile.json`),
    };
  }
  const file = resolve(cwd, arg);
  if (!existsSync(file)) {
    throw new MlopsError("not-found", `no tracked dataset or file named '${arg}'`, {
      hint: `tracked datasets are data/<name>.dvc; a file path is taken relative to ${cwd}`,
    });
  }
  const sibling = join(dirname(file), `${stem(file)}.schema.yaml`);
  const schemaFile = schemaOverride
    ? resolve(cwd, schemaOverride)
    : existsSync(sibling)
      ? sibling
      : undefined;
  return {
    file,
    display: shown(layout, file),
    schemaFile,
    profileFile: join(dirname(file), `${stem(file)}.profile.json`),
  };
}

export interface LoadedSchema {
  schema: DatasetSchema;
  display: string;
  lineOf: (path: (string | number)[]) => number | undefined;
}

export async function loadSchema(layout: RepoLayout, file: string): Promise<LoadedSchema> {
  const display = shown(layout, file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new MlopsError("not-found", "schema file not found", { file: display });
  }
  const schema = parseYaml(text, datasetSchema, display);
  return { schema, display, lineOf: (path) => lineInYaml(text, path) };
}

export interface ValidationReport {
  ok: boolean;
  file: string;
  dataset?: string;
  schema: string;
  rows: number;
  /** Rows a non-nullable `on_null: drop` column reports as dropped. */
  dropped_rows: number;
  findings: Finding[];
  /** The error-level findings: the reasons `ok` is false. */
  failed: Finding[];
}

/** `mlops validate`: loads the table in DuckDB and runs every rule of its schema. */
export async function validateTarget(
  layout: RepoLayout,
  target: DataTarget,
  options: { profileOut?: string } = {},
): Promise<ValidationReport> {
  if (!target.schemaFile) {
    throw new MlopsError("not-found", `no schema for ${target.display}`, {
      hint: target.dataset
        ? `draft one with \`mlops schema infer ${target.dataset} --out data/${target.dataset}.schema.yaml\`, review it, commit it`
        : "pass --schema FILE, or put <name>.schema.yaml beside the file (`mlops schema infer FILE` drafts one)",
    });
  }
  const loaded = await loadSchema(layout, target.schemaFile);
  const table = await loadTable(target.file, {
    display: target.display,
    format: loaded.schema.format as TableFormat,
  });
  try {
    const findings = (await runChecks(table, loaded.schema, loaded.lineOf)).map((f) => ({
      ...f,
      file: loaded.display,
    }));
    const failed = findings.filter((f) => f.severity === "error");
    const dropped = findings.filter((f) => f.action === "dropped").reduce((n, f) => n + f.count, 0);
    if (options.profileOut) {
      const { sha256 } = await hashFile(target.file);
      await writeFileAtomic(options.profileOut, serializeProfile(await profileTable(table, { sha256 })));
    }
    return {
      ok: failed.length === 0,
      file: target.display,
      ...(target.dataset ? { dataset: target.dataset } : {}),
      schema: loaded.display,
      rows: table.rows,
      dropped_rows: dropped,
      findings,
      failed,
    };
  } finally {
    await dropTable(table);
  }
}

/** Profiles the target and saves it as its reference profile (stable JSON keyed by the data hash). */
export async function saveReferenceProfile(
  layout: RepoLayout,
  target: DataTarget,
  out = target.profileFile,
): Promise<{ file: string; profile: Profile }> {
  const schema = target.schemaFile ? (await loadSchema(layout, target.schemaFile)).schema : undefined;
  const table = await loadTable(target.file, {
    display: target.display,
    format: schema?.format as TableFormat | undefined,
  });
  try {
    const { sha256 } = await hashFile(target.file);
    const profile = await profileTable(table, { sha256 });
    await writeFileAtomic(out, serializeProfile(profile));
    return { file: shown(layout, out), profile };
  } finally {
    await dropTable(table);
  }
}

/** `mlops schema infer`: a drafted schema for a tracked dataset or a data file, as YAML text. */
export async function inferSchemaFor(layout: RepoLayout, cwd: string, arg: string): Promise<string> {
  const target = await resolveTarget(layout, cwd, arg);
  const table = await loadTable(target.file, { display: target.display });
  try {
    return await inferSchema(table, target.file);
  } finally {
    await dropTable(table);
  }
}

/**
 * A drift test over no column at all would say "no drift" about tables that have nothing to compare
 * (a wrong file, a renamed export): that is a mistake to report, not a verdict.
 */
function requireTestedColumns(
  report: DriftReport,
  reference: Profile,
  current: Profile,
  named: { reference: string; current: string },
): void {
  if (report.columns.length > 0) return;
  const refColumns = Object.keys(reference.columns);
  const curColumns = Object.keys(current.columns);
  const shared = refColumns.filter((c) => curColumns.includes(c));
  const list = (names: string[]) => (names.length > 0 ? names.join(", ") : "none");
  throw new MlopsError(
    "invalid-file",
    shared.length === 0
      ? `nothing to compare: ${named.current} (columns ${list(curColumns)}) has no column in common with ${named.reference} (columns ${list(refColumns)})`
      : `nothing to compare: the columns ${named.current} shares with ${named.reference} (${list(shared)}) are all excluded by the schema's roles or differ in kind`,
    {
      file: named.current,
      expected: `at least one column of ${named.reference} (${list(refColumns)}) with the same kind`,
      got: list(curColumns),
      hint: "check that both arguments name the same kind of table",
    },
  );
}

/**
 * `mlops drift REFERENCE CURRENT`: a reference given as a saved profile (`*.profile.json`) is used
 * as is; a reference given as data is read too, and the test is exact.
 */
export async function driftTargets(
  layout: RepoLayout,
  cwd: string,
  referenceArg: string,
  currentArg: string,
  options: { schema?: string; useProfile?: boolean } = {},
): Promise<DriftReport & { reference: string; current: string }> {
  const current = await resolveTarget(layout, cwd, currentArg, options.schema);
  const schemaFile = current.schemaFile;
  const loadedSchema = schemaFile ? await loadSchema(layout, schemaFile) : undefined;
  const schema = loadedSchema?.schema;
  const format = schema?.format as TableFormat | undefined;
  const profilePath = referenceArg.endsWith(".profile.json") ? resolve(cwd, referenceArg) : undefined;
  const reference = profilePath ? undefined : await resolveTarget(layout, cwd, referenceArg, options.schema);
  const useSaved =
    profilePath ??
    (options.useProfile && reference && existsSync(reference.profileFile)
      ? reference.profileFile
      : undefined);

  const currentTable = await loadTable(current.file, { display: current.display, format, view: true });
  try {
    if (useSaved) {
      const referenceProfile = await readProfileFile(useSaved, shown(layout, useSaved));
      const currentProfile = await profileTable(currentTable, { reference: referenceProfile });
      const report = await driftFromProfiles(referenceProfile, currentProfile, { schema });
      const named = { reference: shown(layout, useSaved), current: current.display };
      requireTestedColumns(report, referenceProfile, currentProfile, named);
      return { ...report, ...named };
    }
    const ref = reference as DataTarget;
    const referenceTable = await loadTable(ref.file, { display: ref.display, format, view: true });
    try {
      const referenceProfile = await profileTable(referenceTable, { depth: "lean" });
      const currentProfile = await profileTable(currentTable, { reference: referenceProfile, depth: "lean" });
      const report = await driftExact(referenceTable, currentTable, referenceProfile, currentProfile, {
        schema,
      });
      const named = { reference: ref.display, current: current.display };
      requireTestedColumns(report, referenceProfile, currentProfile, named);
      return { ...report, ...named };
    } finally {
      await dropTable(referenceTable);
    }
  } finally {
    await dropTable(currentTable);
  }
}

/**
 * The datasets named (by default every tracked dataset that has a schema), each validated in turn:
 * what a CI step validates before anything trains.
 */
export async function validateDatasets(
  layout: RepoLayout,
  names: readonly string[] = [],
): Promise<ValidationReport[]> {
  let selected = [...names];
  if (selected.length === 0) {
    const { selectDatasets } = await import("../tracking/index.js");
    selected = (await selectDatasets(layout, [], layout.root))
      .map((d) => d.name)
      .filter((n) => existsSync(join(layout.dataDir, `${n}.schema.yaml`)));
  }
  const reports: ValidationReport[] = [];
  for (const name of selected)
    reports.push(await validateTarget(layout, await resolveTarget(layout, layout.root, name)));
  return reports;
}
