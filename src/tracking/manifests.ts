import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
// Only the schemas this module needs: loading every kind's schema would cost each quick verb ~0.1 s.
import { type DataManifest, dataManifest, isDvcOwnFile } from "../manifest/data-manifest.js";
import { readYamlFile, writeYamlFile } from "../manifest/yaml-file.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";

/** A data manifest as found in the working tree. */
export interface TrackedDataset {
  /** Manifest path relative to the repo root, `/`-separated: what messages show. */
  file: string;
  /** Dataset name: the manifest's file name without `.dvc`. */
  name: string;
  manifest: DataManifest;
  /** Absolute path of the manifest's first output (the workspace copy). */
  outPath: string;
}

const skippedDirs = new Set(["node_modules", ".git", ".mlops", "lib", "dist", "coverage"]);

export { toRepoPath };

/** Every `*.dvc` manifest under the repository, skipping dependency and build folders. */
/** Names a `.gitignore` excludes with a rooted `/name` line: workspace copies that `data add` wrote there. */
function ignoredHere(dir: string): Set<string> {
  const file = join(dir, ".gitignore");
  if (!existsSync(file)) return new Set();
  const names = readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^\/[^/*?[\]!]+\/?$/.test(line))
    .map((line) => line.replace(/^\//, "").replace(/\/$/, ""));
  return new Set(names);
}

/**
 * Directories listed in `.mlopsignore` at the repository root (one repo-relative path per line, `#`
 * comments): manifests under them are not the repository's datasets, e.g. test fixtures.
 */
function excludedDirs(layout: RepoLayout): Set<string> {
  const file = join(layout.root, ".mlopsignore");
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .map((line) => line.trim().replace(/^\/+/, "").replace(/\/+$/, ""))
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
}

/**
 * Every `*.dvc` manifest under the repository, skipping dependency and build folders and the
 * workspace copies of tracked directories (which can hold 100k files and never hold manifests).
 */
export function findManifestFiles(layout: RepoLayout): string[] {
  const out: string[] = [];
  const excluded = excludedDirs(layout);
  const visit = (dir: string): void => {
    const ignored = ignoredHere(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (skippedDirs.has(entry.name) || entry.name.startsWith(".venv") || ignored.has(entry.name))
          continue;
        if (excluded.has(toRepoPath(layout, join(dir, entry.name)))) continue;
        visit(join(dir, entry.name));
      } else if (entry.isFile() && entry.name.endsWith(".dvc")) {
        if (isDvcOwnFile(readFileSync(join(dir, entry.name), "utf8"))) continue;
        out.push(join(dir, entry.name));
      }
    }
  };
  visit(layout.root);
  return out.sort();
}

export async function loadDataset(layout: RepoLayout, manifestPath: string): Promise<TrackedDataset> {
  const abs = resolve(layout.root, manifestPath);
  const file = toRepoPath(layout, abs);
  const manifest = await readYamlFile(abs, dataManifest, file);
  const out = manifest.outs[0];
  if (!out) throw new MlopsError("invalid-file", "expected at least one output", { file, field: "outs" });
  return { file, name: basename(abs, ".dvc"), manifest, outPath: resolve(dirname(abs), out.path) };
}

/**
 * The datasets named by `targets` (a manifest path, a workspace path, or a dataset name), or every
 * dataset when none is given.
 */
export async function selectDatasets(
  layout: RepoLayout,
  targets: readonly string[] = [],
  cwd = process.cwd(),
): Promise<TrackedDataset[]> {
  const all = await Promise.all(findManifestFiles(layout).map((f) => loadDataset(layout, f)));
  if (targets.length === 0) return all;
  return targets.map((target) => {
    const abs = resolve(cwd, target);
    const found = all.find(
      (d) =>
        d.name === target ||
        resolve(layout.root, d.file) === abs ||
        d.outPath === abs ||
        resolve(layout.root, d.file) === `${abs}.dvc`,
    );
    if (!found) {
      throw new MlopsError("not-found", `'${target}' is not a tracked dataset`, {
        hint: "name a dataset, its .dvc manifest or its workspace path; `mlops data status` lists them",
      });
    }
    return found;
  });
}

/** The tracked datasets whose workspace copy is, or holds, one of these repo-relative paths. */
export async function datasetsCovering(
  layout: RepoLayout,
  repoPaths: readonly string[],
): Promise<TrackedDataset[]> {
  return (await selectDatasets(layout)).filter((d) => {
    const out = toRepoPath(layout, d.outPath);
    return repoPaths.some((p) => p === out || p.startsWith(`${out}/`));
  });
}

export async function saveManifest(absPath: string, manifest: DataManifest): Promise<void> {
  await writeYamlFile(absPath, dataManifest, manifest);
}

/**
 * Adds `/<name>` to the `.gitignore` next to a workspace copy, as DVC does, so the bytes never get
 * committed while the manifest does.
 */
export async function ignoreInGit(workspacePath: string): Promise<void> {
  const ignoreFile = join(dirname(workspacePath), ".gitignore");
  const line = `/${basename(workspacePath)}`;
  const text = existsSync(ignoreFile) ? await readFile(ignoreFile, "utf8") : "";
  if (text.split("\n").includes(line)) return;
  await writeFileAtomic(ignoreFile, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${line}\n`);
}

const mlopsIgnore = `# Written by mlops: machine-local state never belongs in git.
/cache/
/state/
/tmp/
/venvs/
/config.local.yaml
`;

/** Makes sure `.mlops/.gitignore` keeps the cache, state and local config out of commits. */
export async function ensureStateIgnored(layout: RepoLayout): Promise<void> {
  const file = join(layout.mlopsDir, ".gitignore");
  if (!existsSync(file)) await writeFileAtomic(file, mlopsIgnore);
}
