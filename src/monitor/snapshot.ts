import { existsSync } from "node:fs";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { basename, join, posix } from "node:path";
import { MlopsError } from "../errors/index.js";
import { readBlobs } from "../git/index.js";
import type { ModelCard } from "../manifest/model-card.js";
import type { ModelVersion } from "../manifest/model-version.js";
import type { RepoLayout } from "../repo/index.js";

/** A table file found by its hash, under a name whose extension tells its format. */
export interface TableFile {
  /** What messages show: a repo path, with the commit for the reference. */
  display: string;
  /** The repo-relative path the table has (or had) in the working tree. */
  path: string;
  sha256: string;
  /** Where the bytes were found. */
  source: "workspace" | "cache" | "remote";
  /** A readable file with the table's own extension. */
  file: string;
}

/** A scratch directory for views of cached objects under their own names; removed by `release`. */
export interface Scratch {
  dir: string;
  release(): Promise<void>;
}

export async function openScratch(layout: RepoLayout): Promise<Scratch> {
  const { mkdir } = await import("node:fs/promises");
  await mkdir(layout.tmpDir, { recursive: true });
  const dir = await mkdtemp(join(layout.tmpDir, "monitor-"));
  return { dir, release: () => rm(dir, { recursive: true, force: true }) };
}

const tableExtension = /\.(csv|tsv|json|jsonl|ndjson|parquet|arrow|feather|ipc)$/i;

/**
 * The bytes of `sha256` as a file named like `path`: the working-tree copy when it still has that
 * hash, else the local store's object (fetched from the data remote when missing), each verified.
 * Store objects have no extension, and the table readers tell a format by it, so a cached object is
 * linked into the scratch directory under the table's own name.
 */
export async function materialise(
  layout: RepoLayout,
  scratch: Scratch,
  wanted: { path: string; sha256: string; display: string; referencedBy: string },
): Promise<TableFile> {
  const { hashFile } = await import("../store/index.js");
  const { path, sha256, display } = wanted;
  if (sha256.endsWith(".dir")) {
    throw new MlopsError("invalid-file", `${display} is a directory; monitoring compares one table file`, {
      expected: "a CSV, JSON or Parquet file",
    });
  }
  const workspace = join(layout.root, path);
  if (existsSync(workspace) && (await hashFile(workspace)).sha256 === sha256) {
    return { display, path, sha256, source: "workspace", file: workspace };
  }
  const { Cache } = await import("../store/index.js");
  const { storedObject } = await import("../tracking/index.js");
  const source: TableFile["source"] = new Cache(layout.cacheDir).has(sha256) ? "cache" : "remote";
  const stored = await storedObject(layout, sha256, { what: display, referencedBy: wanted.referencedBy });
  const file = join(scratch.dir, `${sha256.slice(0, 12)}-${basename(path)}`);
  if (!existsSync(file)) await symlink(stored, file);
  return { display, path, sha256, source, file };
}

/** The current snapshot: a tracked dataset, `data/<name>.dvc`, read at the hash its manifest records. */
export async function currentSnapshot(
  layout: RepoLayout,
  scratch: Scratch,
  dataset: string,
): Promise<TableFile & { dataset: string; manifest: string; format?: string }> {
  const manifestFile = join(layout.dataDir, `${dataset}.dvc`);
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(dataset) || !existsSync(manifestFile)) {
    throw new MlopsError(
      "not-found",
      `no tracked dataset named '${dataset}': expected data/${dataset}.dvc, a snapshot of recent production rows shaped like the training data`,
      {
        file: `data/${dataset}.dvc`,
        expected: "the name of a dataset tracked by data/<name>.dvc (a snapshot of recent production rows)",
        hint: "track a snapshot with `mlops data add data/<name>.json` and commit its manifest",
      },
    );
  }
  const { loadDataset } = await import("../tracking/index.js");
  const { toRepoPath } = await import("../repo/index.js");
  const tracked = await loadDataset(layout, manifestFile);
  const out = tracked.manifest.outs[0];
  if (!out) throw new MlopsError("invalid-file", "the manifest has no output", { file: tracked.file });
  const path = toRepoPath(layout, tracked.outPath);
  const format = await declaredFormat(layout, tracked.manifest.schema, dataset);
  if (!format && !tableExtension.test(path)) {
    throw new MlopsError("invalid-file", `cannot tell the format of ${path}`, {
      file: tracked.file,
      expected: "a .csv, .json, .jsonl or .parquet file (or `format:` in the dataset's schema)",
    });
  }
  const table = await materialise(layout, scratch, {
    path,
    sha256: out.sha256,
    display: path,
    referencedBy: tracked.file,
  });
  return { ...table, dataset, manifest: tracked.file, ...(format ? { format } : {}) };
}

async function declaredFormat(
  layout: RepoLayout,
  schema: string | undefined,
  dataset: string,
): Promise<string | undefined> {
  const file = schema ? join(layout.dataDir, schema) : join(layout.dataDir, `${dataset}.schema.yaml`);
  if (!existsSync(file)) return undefined;
  const { loadSchema } = await import("../validate/index.js");
  return (await loadSchema(layout, file)).schema.format;
}

const tabular = /\.(csv|tsv|json|jsonl|ndjson|parquet|arrow)$/i;

/**
 * What the version was trained on: the pipeline's lock at the version's commit (checked against the
 * lock hash the manifest records) names the stage writing the model and the hash of every file that
 * stage read. The reference is the card's `monitoring.reference` or, by default, the one table among
 * those inputs that is not the pipeline's validation or metrics file — for a pipeline that splits
 * its data, the training split exactly as the model saw it.
 */
export async function trainingReference(
  layout: RepoLayout,
  scratch: Scratch,
  card: ModelCard,
  version: ModelVersion,
): Promise<TableFile> {
  const { hashBytes } = await import("../store/index.js");
  const { parseYaml } = await import("../manifest/yaml-file.js");
  const { pipelineLock } = await import("../manifest/pipeline-lock.js");
  const pipeline = version.pipeline.name;
  const lockPath = `pipelines/${pipeline}/pipeline.lock`;
  const at = `${version.commit}:${lockPath}`;
  const tag = `${version.model}@${version.version}`;
  const bytes = (await readBlobs(layout.root, [at])).get(at);
  if (!bytes) {
    throw new MlopsError(
      "not-found",
      `${lockPath} is not in commit ${version.commit.slice(0, 10)} of ${tag}`,
      {
        hint: "fetch the full history (`git fetch --unshallow`): the reference is read at the version's commit",
      },
    );
  }
  if (hashBytes(bytes) !== version.pipeline.lock_sha256) {
    throw new MlopsError(
      "hash-mismatch",
      `${lockPath} at ${version.commit.slice(0, 10)} is not the lock ${tag} records`,
      {
        expected: version.pipeline.lock_sha256,
        got: hashBytes(bytes),
      },
    );
  }
  const lock = parseYaml(bytes.toString("utf8"), pipelineLock, at);
  const output = posix.normalize(card.output);
  const producing = Object.entries(lock.stages).find(([, s]) =>
    s.outs.some((o) => posix.normalize(o.path) === output),
  );
  const entries = Object.values(lock.stages).flatMap((s) => [...s.deps, ...s.outs]);
  const hashOf = (path: string) => entries.find((e) => posix.normalize(e.path) === path)?.sha256;
  let chosen: string;
  const explicit = card.monitoring?.reference;
  if (explicit) {
    chosen = posix.normalize(explicit);
    if (!hashOf(chosen)) {
      throw new MlopsError(
        "not-found",
        `the lock of ${tag} records no file '${explicit}': expected a file a stage reads or writes, relative to the pipeline`,
        {
          file: `models/${card.name}/model.yaml`,
          field: "monitoring.reference",
          expected: "a dependency or output of a stage, relative to the pipeline (like data/train.json)",
          got: [...new Set(entries.map((e) => e.path))].filter((p) => tabular.test(p)).join(", "),
        },
      );
    }
  } else {
    if (!producing) {
      throw new MlopsError("not-found", `no stage of ${lockPath} at ${tag} writes ${card.output}`, {
        file: `models/${card.name}/model.yaml`,
        field: "monitoring.reference",
        hint: "name the training data with `monitoring.reference`",
      });
    }
    const skip = new Set([card.validation, card.metrics].filter((p) => p !== undefined).map(posix.normalize));
    const candidates = producing[1].deps
      .map((d) => posix.normalize(d.path))
      .filter((p) => tabular.test(p) && !skip.has(p));
    if (candidates.length !== 1) {
      throw new MlopsError(
        "usage",
        `cannot tell which input of stage '${producing[0]}' is the training data (${candidates.join(", ") || "none is a table"}): expected \`monitoring.reference\` naming it`,
        {
          file: `models/${card.name}/model.yaml`,
          field: "monitoring.reference",
          expected: "the training table, relative to the pipeline (like data/train.json)",
        },
      );
    }
    chosen = candidates[0] as string;
  }
  const path = posix.normalize(posix.join("pipelines", pipeline, chosen));
  return materialise(layout, scratch, {
    path,
    sha256: hashOf(chosen) as string,
    display: `${path} at ${tag}`,
    referencedBy: `the training data of ${tag}`,
  });
}
