import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { dataManifest, readYamlFile } from "../manifest/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { type PipelinePlan, planPipeline, type Task, type Trainer } from "./plan.js";
import { profileTable } from "./profile.js";

export interface NewPipelineOptions {
  name: string;
  /** The dataset's manifest, absolute (the door resolves what the user typed). */
  manifest: string;
  target: string;
  task?: Task;
  trainer?: Trainer;
  dryRun?: boolean;
}

export interface NewPipelineResult extends Omit<PipelinePlan, "files"> {
  dryRun: boolean;
  /** Repo-relative paths of the files written (or, with dry-run, that would be). */
  written: string[];
  /** Files used as they are (an existing dataset schema). */
  kept: string[];
  files: { path: string; text: string }[];
}

const registryName = /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/;

/** The scikit-learn pins the repository's own Python pipelines use, so every one shares a venv. */
const requirementsUrl = new URL("../../pipelines/penguins-sklearn/requirements.txt", import.meta.url);

/**
 * `mlops new pipeline`: drafts a dataset schema from the data, then writes a pipeline, its params,
 * its prepare (and train) code and a model card. Writes nothing when any of those files exists.
 */
export async function newPipeline(
  layout: RepoLayout,
  options: NewPipelineOptions,
): Promise<NewPipelineResult> {
  if (!registryName.test(options.name)) {
    throw new MlopsError("usage", `'${options.name}' cannot name a pipeline and a model`, {
      field: "NAME",
      expected: "lowercase letters, digits, '-' or '_', starting and ending with a letter or digit",
    });
  }
  const manifestShown = toRepoPath(layout, options.manifest);
  if (!options.manifest.endsWith(".dvc") || dirname(options.manifest) !== layout.dataDir) {
    throw new MlopsError("usage", `expected a dataset manifest data/<name>.dvc, got ${manifestShown}`, {
      field: "--data",
      hint: "track the table first: `mlops data add data/<file>` writes data/<name>.dvc",
    });
  }
  if (!existsSync(options.manifest)) {
    throw new MlopsError("not-found", "no such dataset manifest", {
      file: manifestShown,
      hint: "track the table first: `mlops data add data/<file>`",
    });
  }
  const dataset = basename(options.manifest, ".dvc");
  const manifest = await readYamlFile(options.manifest, dataManifest, manifestShown);
  const out = manifest.outs[0];
  if (!out || manifest.outs.length !== 1 || out.sha256.endsWith(".dir")) {
    throw new MlopsError(
      "usage",
      "a pipeline is scaffolded from one table, and this manifest tracks something else",
      {
        file: manifestShown,
        field: "outs",
        expected: "a single file",
      },
    );
  }
  const dataFile = resolve(layout.dataDir, out.path);
  const dataShown = toRepoPath(layout, dataFile);
  if (!existsSync(dataFile)) {
    throw new MlopsError("not-found", `dataset '${dataset}' is tracked but its data is not here`, {
      file: dataShown,
      hint: `run \`mlops data pull ${dataset}\` to fetch and verify it`,
    });
  }
  const schemaFile = manifest.schema
    ? resolve(layout.dataDir, manifest.schema)
    : join(layout.dataDir, `${dataset}.schema.yaml`);
  const profile = await profileTable(dataFile, dataShown);
  const pythonRequirements =
    options.trainer === "python" ? await readFile(requirementsUrl, "utf8") : undefined;
  const plan = planPipeline({
    name: options.name,
    dataset,
    dataPath: relative(layout.dataDir, dataFile).split(sep).join("/"),
    target: options.target,
    ...(options.task ? { task: options.task } : {}),
    trainer: options.trainer ?? "gbdt",
    profile,
    schemaPath: relative(layout.dataDir, schemaFile).split(sep).join("/"),
    schemaExists: existsSync(schemaFile),
    ...(pythonRequirements === undefined ? {} : { pythonRequirements }),
  });
  const kept = existsSync(schemaFile) ? [toRepoPath(layout, schemaFile)] : [];
  const existing = plan.files.filter((f) => existsSync(join(layout.root, f.path))).map((f) => f.path);
  if (existing.length > 0) {
    throw new MlopsError("conflict", `refusing to overwrite ${existing.join(", ")}`, {
      file: existing[0],
      hint: "pick another NAME, or move the existing files away first; nothing was written",
    });
  }
  if (!options.dryRun) {
    for (const file of plan.files) await writeFileAtomic(join(layout.root, file.path), file.text);
  }
  return { ...plan, dryRun: options.dryRun === true, written: plan.files.map((f) => f.path), kept };
}
