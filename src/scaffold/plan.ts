import { Document, isScalar, visit } from "yaml";
import { MlopsError } from "../errors/index.js";
import type { DatasetSchema } from "../manifest/index.js";
import { type PreparedColumn, prepareScript } from "./prepare-script.js";
import type { TableProfile } from "./profile.js";
import { pythonTrainScript } from "./train-script.js";

export type Task = "regression" | "classification";
export type Trainer = "gbdt" | "linear" | "python";

export interface PipelinePlanInput {
  /** The pipeline's and the model's name. */
  name: string;
  /** The tracked dataset's name (data/<dataset>.dvc). */
  dataset: string;
  /** The data file, relative to data/. */
  dataPath: string;
  target: string;
  task?: Task;
  trainer: Trainer;
  profile: TableProfile;
  /** The dataset schema, relative to data/ (data/<dataset>.schema.yaml unless the manifest names one). */
  schemaPath: string;
  /** The dataset schema exists already: it is kept, not drafted. */
  schemaExists: boolean;
  /** The pinned, hashed requirements of the scikit-learn pipelines (python trainer only). */
  pythonRequirements?: string;
}

export interface PlannedFile {
  /** Repo-relative, `/`-separated. */
  path: string;
  text: string;
}

export interface PipelinePlan {
  name: string;
  task: Task;
  /** binary or multiclass for a classifier, as the model card names it. */
  cardTask: "regression" | "binary-classification" | "multiclass-classification";
  target: string;
  features: { numeric: string[]; categorical: string[] };
  /** Columns left out of the features, with why. */
  skipped: { column: string; reason: string }[];
  files: PlannedFile[];
}

/** A column name as a model input: lowercase letters, digits and underscores, not starting with a digit. */
export function snakeName(name: string): string {
  const snake = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (snake === "") return "column";
  return /^[0-9]/.test(snake) ? `c_${snake}` : snake;
}

/** snake_case names for every column, made unique by a numeric suffix where two collide. */
function inputNames(columns: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const column of columns) {
    const base = snakeName(column);
    let candidate = base;
    for (let k = 2; taken.has(candidate); k++) candidate = `${base}_${k}`;
    taken.add(candidate);
    names.set(column, candidate);
  }
  return names;
}

/** YAML as the repository's own files are written: lists of plain values on one line, `[a, b]`. */
function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * What `mlops new pipeline` writes, as text, from the dataset's profile: pure, so `--dry-run` shows
 * exactly what a run would write and tests can throw any table at it.
 */
export function planPipeline(input: PipelinePlanInput): PipelinePlan {
  const { profile, name, target } = input;
  const columns = profile.schema.columns;
  const targetSpec = columns[target];
  if (!targetSpec) {
    throw new MlopsError("usage", `the dataset has no column '${target}'`, {
      field: "--target",
      file: profile.file,
      expected: `one of: ${Object.keys(columns).join(", ")}`,
    });
  }
  if (profile.format !== "csv" && profile.format !== "json") {
    throw new MlopsError(
      "usage",
      `the scaffolded prepare step reads CSV and JSON, and this table is ${profile.format}`,
      {
        file: profile.file,
        hint: "convert the table to CSV or JSON, or write the prepare stage yourself",
      },
    );
  }
  const numericTarget = targetSpec.type === "integer" || targetSpec.type === "number";
  const task: Task = input.task ?? (numericTarget ? "regression" : "classification");
  if (task === "regression" && !numericTarget) {
    throw new MlopsError(
      "usage",
      `a regression needs a numeric target, and '${target}' is ${targetSpec.type}`,
      {
        field: "--task",
        hint: "use --task classification, or pick a numeric --target",
      },
    );
  }
  const targetStats = profile.stats[target] ?? { distinct: 0, majorityShare: 0 };
  if (task === "classification" && targetStats.distinct < 2) {
    throw new MlopsError(
      "usage",
      `a classifier needs at least two classes, and '${target}' has ${targetStats.distinct}`,
      {
        field: "--target",
        file: profile.file,
      },
    );
  }
  if (task === "regression" && targetStats.distinct < 2) {
    throw new MlopsError("usage", `'${target}' holds a single value: there is nothing to predict`, {
      field: "--target",
      file: profile.file,
    });
  }

  const names = inputNames(Object.keys(columns));
  const numeric: string[] = [];
  const categorical: string[] = [];
  const skipped: PipelinePlan["skipped"] = [];
  const prepared: PreparedColumn[] = [];
  for (const [column, spec] of Object.entries(columns)) {
    const to = names.get(column) ?? snakeName(column);
    if (column === target) {
      prepared.push({ from: column, to, kind: task === "regression" ? "number" : "string" });
      continue;
    }
    const distinct = profile.stats[column]?.distinct ?? 0;
    if (distinct < 2) skipped.push({ column, reason: "holds a single value (or none)" });
    else if (spec.type === "integer" || spec.type === "number") {
      numeric.push(to);
      prepared.push({ from: column, to, kind: "number" });
    } else if (spec.type === "string" && spec.allowed) {
      categorical.push(to);
      prepared.push({ from: column, to, kind: "string" });
    } else if (spec.type === "string")
      skipped.push({ column, reason: `text with ${distinct} distinct values (an id or free text)` });
    else skipped.push({ column, reason: `a ${spec.type} column (derive features from it in prepare.mjs)` });
  }
  if (numeric.length + categorical.length === 0) {
    throw new MlopsError("usage", "no column besides the target can be a feature", {
      file: profile.file,
      expected: "numeric columns or text columns with at most 20 distinct values",
    });
  }
  const targetName = names.get(target) ?? snakeName(target);
  const binary = targetStats.distinct === 2;
  const cardTask: PipelinePlan["cardTask"] =
    task === "regression" ? "regression" : binary ? "binary-classification" : "multiclass-classification";
  const dir = `pipelines/${name}`;
  const dataRel = `../../data/${input.dataPath}`;
  const schemaRel = `../../data/${input.schemaPath}`;
  const python = input.trainer === "python";
  const files: PlannedFile[] = [];

  if (!input.schemaExists) {
    const schema: DatasetSchema = structuredClone(profile.schema);
    const spec = schema.columns[target];
    if (spec) spec.role = "target";
    files.push({
      path: `data/${input.schemaPath}`,
      text: `# Drafted by \`mlops new pipeline\` from data/${input.dataPath} (${profile.rows} rows): the ranges and
# categories are what the data held; tighten or widen them, and add drift rules, before committing.
${yamlText(schema)}`,
    });
  }

  const trainStage = python
    ? {
        cmd: "sh ../../scripts/python/venv-run.sh requirements.txt python train.py --train data/train.json --params params.yaml --out model.onnx",
        deps: ["train.py", "requirements.txt", "../../scripts/python/venv-run.sh", "data/train.json"],
        params: ["train"],
        outs: ["model.onnx"],
      }
    : {
        cmd: "mlops train --section train --data data/train.json --out model.onnx",
        deps: ["data/train.json"],
        params: ["train"],
        outs: ["model.onnx"],
      };
  const pipeline = {
    stages: {
      validate: {
        desc: "the data gate; an error-level finding stops the run here",
        cmd: `mlops validate ${input.dataset} --json > validation.json`,
        deps: [dataRel, schemaRel],
        metrics: ["validation.json"],
      },
      prepare: {
        desc: `snake_case columns, rows without ${target} dropped, a seeded train/test split${task === "classification" ? " stratified by class" : ""}`,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: DVC-style templating of params.yaml, expanded by mlops run
        cmd: "node prepare.mjs ${prepare.test_fraction} ${prepare.seed}",
        deps: ["prepare.mjs", dataRel, "validation.json"],
        params: ["prepare"],
        outs: ["data/train.json", "data/test.json"],
      },
      train: trainStage,
      evaluate: {
        cmd: "mlops evaluate model.onnx --data data/test.json --metrics metrics.json --plots plots",
        deps: ["model.onnx", "data/test.json"],
        metrics: ["metrics.json"],
        plots: ["plots"],
      },
    },
  };
  files.push({
    path: `${dir}/pipeline.yaml`,
    text: `# ${name}: ${task === "regression" ? "predicts" : "classifies"} ${target} from data/${input.dataset}.dvc. Scaffolded by
# \`mlops new pipeline\`; \`mlops run ${name}\` reproduces it, skipping stages whose inputs did not change.
${yamlText(pipeline)}`,
  });

  const features = { numeric, categorical };
  const train = python
    ? task === "classification"
      ? { target: targetName, task, features, C: 1.0, max_iter: 1000, seed: 7 }
      : { target: targetName, task, features, alpha: 1.0, seed: 7 }
    : input.trainer === "linear"
      ? {
          target: targetName,
          task,
          features,
          model: task === "regression" ? "ridge" : "logistic",
          alpha: 1,
          seed: 7,
        }
      : {
          target: targetName,
          task,
          features,
          model: "gbdt",
          gbdt: { trees: 100, max_depth: 4, learning_rate: 0.1, max_bins: 255, min_samples_leaf: 5, l2: 1 },
          seed: 7,
        };
  files.push({
    path: `${dir}/params.yaml`,
    text: `${yamlText({ prepare: { test_fraction: 0.2, seed: 7 } })}\n${yamlText({ train })}`,
  });
  files.push({
    path: `${dir}/prepare.mjs`,
    text: prepareScript({
      dataFile: dataRel,
      format: profile.format,
      columns: prepared,
      target: targetName,
      stratify: task === "classification",
    }),
  });
  const featureColumns: DatasetSchema["columns"] = {};
  for (const p of prepared) {
    const spec = columns[p.from];
    if (!spec) continue;
    featureColumns[p.to] =
      p.to === targetName
        ? { type: p.kind === "number" ? "number" : "string", nullable: false, role: "target" }
        : {
            type: p.kind === "number" ? "number" : "string",
            nullable: spec.nullable ?? false,
            ...(p.kind === "string" && spec.allowed ? { allowed: spec.allowed } : {}),
          };
  }
  files.push({
    path: `${dir}/features.schema.yaml`,
    text: `# The rows the ${name} model is trained on and serves, as prepare.mjs writes them: \`mlops serve\`
# and the serving image check every request's records against these columns.
${yamlText({ format: "json", columns: featureColumns })}`,
  });
  files.push({ path: `${dir}/.gitignore`, text: "/data/\n/model.onnx\n" });
  if (python) {
    files.push({ path: `${dir}/train.py`, text: pythonTrainScript });
    if (input.pythonRequirements === undefined) {
      throw new MlopsError("internal", "the pinned scikit-learn requirements were not found");
    }
    files.push({ path: `${dir}/requirements.txt`, text: input.pythonRequirements });
  }
  files.push({
    path: `models/${name}/model.yaml`,
    text: modelCardText(name, input.dataset, target, task, cardTask, targetStats.majorityShare),
  });
  return { name, task, cardTask, target: targetName, features, skipped, files };
}

/** Floors to 4 decimals: a gate value a person reads, never above the figure it stands for. */
const floor4 = (x: number) => Math.floor(x * 10_000) / 10_000;

function modelCardText(
  name: string,
  dataset: string,
  target: string,
  task: Task,
  cardTask: PipelinePlan["cardTask"],
  majorityShare: number,
): string {
  const classify = task === "classification";
  const baseline = floor4(majorityShare);
  const gates = classify
    ? `gates:
  # staging: valid data, and more accurate than always answering the most frequent class
  # (${(baseline * 100).toFixed(2)}% of the rows). Raise the bar once you know what the model reaches.
  staging:
    - validation: passed
    - metric: accuracy
      op: ">"
      value: ${baseline}
  # prod: at most one point of accuracy below the version prod holds, on the same test rows.
  prod:
    - metric: accuracy
      max_regression: 0.01`
    : `gates:
  # staging: valid data, and better than predicting the mean (r2 > 0). Raise the bar once you know
  # what the model reaches.
  staging:
    - validation: passed
    - metric: r2
      op: ">"
      value: 0
  # prod: r2 at most 0.02 below the version prod holds, on the same test rows.
  prod:
    - metric: r2
      max_regression: 0.02`;
  const decay = classify ? "metric: accuracy\n    absolute: 0.05" : "metric: r2\n    absolute: 0.1";
  return `# The ${name} model. Scaffolded by \`mlops new pipeline\`: review the description, the owner and the gates.
name: ${name}
description: Predicts ${JSON.stringify(target)} from the other columns of data/${dataset}.dvc
owner: "@ml-team"
task: ${cardTask}
pipeline: ${name}
output: model.onnx
metrics: metrics.json
validation: validation.json
serving:
  schema: features.schema.yaml
evaluation:
  data: data/test.json
stages: [dev, staging, prod]
${gates}
# \`mlops monitor ${name}#prod --current SNAPSHOT\`: SNAPSHOT is rows shaped like data/train.json. It
# fires when more than a quarter of the columns drift, the ${classify ? "accuracy drops by 5 points" : "r2 drops by 0.1"}, or the version is 180 days old.
monitoring:
  schedule: "0 6 * * 1"
  reference: data/train.json
  drift:
    max_drifted_share: 0.25
  max_metric_decay:
    ${decay}
  max_age_days: 180
labels: [tabular, ${classify ? "classification" : "regression"}]
`;
}
