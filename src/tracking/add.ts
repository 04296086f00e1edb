import { existsSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { MlopsError } from "../errors/index.js";
import { tempPathFor } from "../files/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { nameSlug } from "../manifest/common.js";
import { type DataManifest, type DataOut, type DataSource, dataManifest } from "../manifest/data-manifest.js";
import { readYamlFile } from "../manifest/yaml-file.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, HashIndex } from "../store/index.js";
import { ensureStateIgnored, ignoreInGit, saveManifest, toRepoPath } from "./manifests.js";
import {
  describeSource,
  fetchFromSource,
  type PackageSpec,
  parseImportSpec,
  resolvePackageVersion,
} from "./source.js";

export interface AddResult {
  name: string;
  manifest: string;
  path: string;
  sha256: string;
  size: number;
  nfiles?: number;
  /** Files read because the hash index could not vouch for them. */
  hashed: number;
}

function defaultName(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return (ext && ext !== base ? base.slice(0, -ext.length) : base).toLowerCase();
}

/** Hashes a file or directory into the cache and writes its manifest next to it; git ignores the bytes. */
export async function addData(
  layout: RepoLayout,
  path: string,
  options: { name?: string; source?: DataSource; logger?: Logger; cwd?: string } = {},
): Promise<AddResult> {
  const abs = resolve(options.cwd ?? process.cwd(), path);
  const shown = toRepoPath(layout, abs);
  if (shown.startsWith("..") || abs === layout.root) {
    throw new MlopsError("usage", `${path} is not inside the repository ${layout.root}`);
  }
  if (shown === ".mlops" || shown.startsWith(".mlops/") || shown.split("/").includes(".git")) {
    throw new MlopsError("usage", `${shown} is the repository's own state and cannot be tracked`);
  }
  if (!existsSync(abs)) throw new MlopsError("not-found", `${shown} does not exist`, { file: shown });
  const name = options.name ?? defaultName(abs);
  if (!nameSlug.safeParse(name).success) {
    throw new MlopsError("usage", `'${name}' is not a valid dataset name`, {
      expected: "lowercase letters, digits, '.', '_' or '-'",
      hint: "pass --name NAME",
    });
  }
  const manifestPath = join(dirname(abs), `${name}.dvc`);
  const manifestShown = toRepoPath(layout, manifestPath);
  let previous: DataManifest | undefined;
  if (existsSync(manifestPath)) {
    previous = await readYamlFile(manifestPath, dataManifest, manifestShown);
    const tracked = previous.outs[0]?.path;
    if (tracked !== undefined && resolve(dirname(manifestPath), tracked) !== abs) {
      throw new MlopsError("conflict", `${manifestShown} already tracks ${tracked}, not ${basename(abs)}`, {
        file: manifestShown,
        hint: "pick another --name",
      });
    }
  }
  await ensureStateIgnored(layout);
  const cache = new Cache(layout.cacheDir);
  const index = await HashIndex.open(layout.stateDir);
  const logger = options.logger ?? silentLogger;
  let out: DataOut;
  let hashed: number;
  const outPath = relative(dirname(manifestPath), abs).split("\\").join("/");
  if (statSync(abs).isDirectory()) {
    const tree = await cache.addDirectory(abs, index, logger);
    out = { path: outPath, hash: "sha256", sha256: tree.oid, size: tree.size, nfiles: tree.nfiles };
    hashed = tree.hashed;
  } else {
    const file = await cache.addFile(abs, index);
    out = { path: outPath, hash: "sha256", sha256: file.sha256, size: file.size };
    hashed = file.hashed ? 1 : 0;
  }
  await index.save();
  const source = options.source ?? previous?.source;
  const manifest: DataManifest = {
    outs: [out],
    ...(source ? { source } : {}),
    ...(previous?.schema ? { schema: previous.schema } : {}),
    ...(previous?.desc ? { desc: previous.desc } : {}),
    ...(previous?.meta ? { meta: previous.meta } : {}),
  };
  await saveManifest(manifestPath, manifest);
  await ignoreInGit(abs);
  return {
    name,
    manifest: manifestShown,
    path: shown,
    sha256: out.sha256,
    size: out.size,
    ...(out.nfiles === undefined ? {} : { nfiles: out.nfiles }),
    hashed,
  };
}

/**
 * Copies a dataset from an npm package or a URL into the workspace and tracks it with its source
 * recorded, so a clone that has neither cache nor remote can fetch the same bytes again.
 */
export async function importData(
  layout: RepoLayout,
  spec: string,
  path: string | undefined,
  options: {
    name?: string;
    force?: boolean;
    logger?: Logger;
    cwd?: string;
    /** s3:// sources: how to reach the store; by default what the manifest already records for the same URL. */
    s3?: { endpoint?: string; region?: string; pathStyle?: boolean };
  } = {},
): Promise<AddResult & { source: DataSource }> {
  const parsed = parseImportSpec(spec);
  let source: DataSource;
  if ("url" in parsed) {
    source = { url: parsed.url };
  } else if ("s3" in parsed) {
    source = { s3: parsed.s3 };
  } else {
    const pkg = parsed as PackageSpec;
    source = { package: pkg.package, version: await resolvePackageVersion(layout, pkg), path: pkg.path };
  }
  const defaultDest = join(
    layout.dataDir,
    basename(
      "url" in source
        ? new URL(source.url).pathname
        : "s3" in source
          ? source.s3.replace(/\/+$/, "")
          : source.path,
    ),
  );
  const dest = path === undefined ? defaultDest : resolve(options.cwd ?? process.cwd(), path);
  if ("s3" in source) {
    const manifest = join(dirname(dest), `${options.name ?? defaultName(dest)}.dvc`);
    source = { ...source, ...(options.s3 ?? (await recordedS3Settings(manifest, source.s3))) };
  }
  if (existsSync(dest) && !options.force) {
    throw new MlopsError("conflict", `${toRepoPath(layout, dest)} already exists`, {
      hint: "pass --force to replace it",
    });
  }
  await mkdir(dirname(dest), { recursive: true });
  const temp = tempPathFor(dest);
  options.logger?.info(`fetching ${describeSource(source)}`);
  try {
    await fetchFromSource(layout, source, temp);
    await rm(dest, { recursive: true, force: true });
    await rename(temp, dest);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
  const added = await addData(layout, dest, { ...options, source });
  return { ...added, source };
}

/** The endpoint settings a manifest already records for this S3 URL: a refresh reaches the same store. */
async function recordedS3Settings(
  manifestPath: string,
  url: string,
): Promise<{ endpoint?: string; region?: string; pathStyle?: boolean }> {
  if (!existsSync(manifestPath)) return {};
  const recorded = (await readYamlFile(manifestPath, dataManifest, manifestPath)).source;
  if (!recorded || !("s3" in recorded) || recorded.s3 !== url) return {};
  const { s3: _url, ...settings } = recorded;
  return settings;
}
