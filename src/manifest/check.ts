import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { isMlopsError, MlopsError } from "../errors/index.js";
import { isDvcOwnFile } from "./data-manifest.js";
import { kindForPath, type ManifestKindName, manifestKind } from "./kinds.js";
import { readYamlFile } from "./yaml-file.js";

export interface CheckedFile {
  path: string;
  kind: ManifestKindName | null;
  ok: boolean;
  /** `file:line: field: message`, as printed. */
  error?: string;
  details?: Record<string, unknown>;
}

async function entries(dir: string): Promise<{ name: string; dir: boolean }[]> {
  try {
    const list = await readdir(dir, { withFileTypes: true });
    return list
      .map((e) => ({ name: e.name, dir: e.isDirectory() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

/** Every manifest of the repository, as sorted repository-relative `/` paths. */
export async function findManifests(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of await entries(join(root, "data"))) {
    if (e.dir || !(e.name.endsWith(".dvc") || e.name.endsWith(".schema.yaml"))) continue;
    if (e.name.endsWith(".dvc") && isDvcOwnFile(await readFile(join(root, "data", e.name), "utf8"))) continue;
    found.push(`data/${e.name}`);
  }
  for (const e of await entries(join(root, "pipelines"))) {
    if (!e.dir) continue;
    const files = new Set((await entries(join(root, "pipelines", e.name))).map((f) => f.name));
    for (const name of ["pipeline.yaml", "params.yaml", "pipeline.lock"])
      if (files.has(name)) found.push(`pipelines/${e.name}/${name}`);
  }
  for (const e of await entries(join(root, "models"))) {
    if (!e.dir) continue;
    const files = new Set((await entries(join(root, "models", e.name))).map((f) => f.name));
    if (files.has("model.yaml")) found.push(`models/${e.name}/model.yaml`);
  }
  const mlops = new Set((await entries(join(root, ".mlops"))).map((f) => f.name));
  for (const name of ["config.yaml", "config.local.yaml"]) if (mlops.has(name)) found.push(`.mlops/${name}`);
  return found;
}

/** Validates one file against its kind's schema (from its name unless `kind` is given). */
export async function checkManifestFile(
  absolutePath: string,
  displayPath: string,
  kind?: ManifestKindName,
): Promise<CheckedFile> {
  const chosen = kind ?? kindForPath(displayPath.split(sep).join("/"));
  const entry = chosen ? manifestKind(chosen) : undefined;
  if (!chosen || !entry) {
    const err = new MlopsError("usage", "cannot tell which kind of manifest this is from its name", {
      file: displayPath,
      hint: "name it like the files `mlops schema --list` shows, or pass --kind KIND",
    });
    return { path: displayPath, kind: null, ok: false, error: err.toUserString(), details: err.toJSON() };
  }
  try {
    await readYamlFile(absolutePath, entry.schema, displayPath);
    return { path: displayPath, kind: chosen, ok: true };
  } catch (err) {
    if (!isMlopsError(err)) throw err;
    return { path: displayPath, kind: chosen, ok: false, error: err.toUserString(), details: err.toJSON() };
  }
}

/**
 * Checks the given paths (relative to `cwd`) or, with none, every manifest under `root`. Paths are
 * shown as given; discovered files as repository-relative paths.
 */
export async function checkManifests(
  root: string,
  cwd: string,
  paths: readonly string[],
  kind?: ManifestKindName,
): Promise<CheckedFile[]> {
  const targets =
    paths.length > 0
      ? paths.map((p) => ({ abs: resolve(cwd, p), display: p }))
      : (await findManifests(root)).map((p) => ({ abs: join(root, p), display: p }));
  const results: CheckedFile[] = [];
  for (const t of targets) {
    // A given path is classified by where it sits in the repository when it is inside one.
    const rel = relative(root, t.abs).split(sep).join("/");
    const byName = kind ?? kindForPath(rel.startsWith("..") ? t.display : rel) ?? kindForPath(t.display);
    results.push(await checkManifestFile(t.abs, t.display, byName));
  }
  return results;
}
