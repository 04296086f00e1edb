import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "./cli.js";
import { gitIn, tempDir } from "./repo.js";

/**
 * A small but complete repository for registry tests: a tracked dataset with a schema, a pipeline
 * (validate → train ridge → evaluate) whose `alpha` param the tests turn to make better or worse
 * models, a model card with gates on every stage, a data remote on disk and a bare git remote.
 */
export interface ToyRepo {
  root: string;
  /** The working clone. */
  dir: string;
  /** The bare git remote every clone pushes tags to. */
  remote: string;
  store: string;
  cleanup: () => void;
}

function rows(n: number, seed: number): { x1: number; x2: number; y: number }[] {
  // A fixed linear congruential sequence: the same rows on every machine.
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, () => {
    const x1 = Math.round(next() * 1000) / 100;
    const x2 = Math.round(next() * 1000) / 100;
    const y = Math.round((3 * x1 - 2 * x2 + 5 + (next() - 0.5) * 2) * 1000) / 1000;
    return { x1, x2, y };
  });
}

export const toyModelCard = `name: toy
description: Predicts y from x1 and x2
owner: "@tests"
task: regression
pipeline: toy
output: model.onnx
metrics: metrics.json
validation: validation.json
evaluation:
  data: test.json
stages: [dev, staging, prod]
gates:
  staging:
    - validation: passed
    - metric: rmse
      op: "<="
      value: 100
  prod:
    - metric: rmse
      max_regression: 0.01
`;

export function setParam(dir: string, alpha: number): void {
  writeFileSync(
    join(dir, "pipelines/toy/params.yaml"),
    `train:\n  target: y\n  task: regression\n  features:\n    numeric: [x1, x2]\n  model: ridge\n  alpha: ${alpha}\n`,
  );
}

export function cli(dir: string, ...args: string[]) {
  const result = runCli(args, { cwd: dir, env: { GITHUB_ACTIONS: "", CI: process.env.CI ?? "" } });
  return result;
}

/** Runs the pipeline and commits what changed, as a merge to main would. */
export function runAndCommit(dir: string, message: string): void {
  const run = cli(dir, "run", "toy", "--json");
  if (run.code !== 0) throw new Error(`mlops run failed: ${run.stderr}`);
  gitIn(dir, "add", "-A");
  gitIn(dir, "commit", "-q", "-m", message);
}

export function createToyRepo(): ToyRepo {
  const { dir: root, cleanup } = tempDir("mlops-registry-");
  const remote = join(root, "remote.git");
  const store = join(root, "store");
  const dir = join(root, "work");
  gitIn(root, "init", "-q", "--bare", "-b", "main", remote);
  gitIn(root, "clone", "-q", remote, dir);
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  mkdirSync(join(dir, "data"));
  mkdirSync(join(dir, "pipelines/toy"), { recursive: true });
  mkdirSync(join(dir, "models/toy"), { recursive: true });
  writeFileSync(join(dir, "data/points.json"), `${JSON.stringify(rows(200, 7))}\n`);
  writeFileSync(join(dir, "pipelines/toy/test.json"), `${JSON.stringify(rows(60, 99))}\n`);
  writeFileSync(
    join(dir, "data/points.schema.yaml"),
    "format: json\ncolumns:\n  x1: { type: number, nullable: false }\n  x2: { type: number, nullable: false }\n  y: { type: number, nullable: false, role: target }\n",
  );
  writeFileSync(
    join(dir, "pipelines/toy/pipeline.yaml"),
    [
      "stages:",
      "  validate:",
      "    cmd: mlops validate points --json > validation.json",
      "    deps: [../../data/points.json, ../../data/points.schema.yaml]",
      "    metrics: [validation.json]",
      "  train:",
      "    cmd: mlops train --section train --data ../../data/points.json --out model.onnx",
      "    deps: [../../data/points.json, validation.json]",
      "    params: [train]",
      "    outs: [model.onnx]",
      "  evaluate:",
      "    cmd: mlops evaluate model.onnx --data test.json --metrics metrics.json --plots plots",
      "    deps: [model.onnx, test.json]",
      "    metrics: [metrics.json]",
      "    plots: [plots]",
      "",
    ].join("\n"),
  );
  setParam(dir, 1);
  writeFileSync(join(dir, "models/toy/model.yaml"), toyModelCard);
  for (const args of [
    ["remote", "add", "store", store, "--default"],
    ["data", "add", "data/points.json"],
  ]) {
    const r = cli(dir, ...args);
    if (r.code !== 0) throw new Error(`mlops ${args.join(" ")} failed: ${r.stderr}`);
  }
  runAndCommit(dir, "toy pipeline");
  gitIn(dir, "push", "-q", "origin", "main");
  return { root, dir, remote, store, cleanup };
}

/** Gives the toy model a serving schema (`schemaYaml`, the dataset-schema text) and commits it. */
export function addServingSchema(dir: string, schemaYaml: string): void {
  writeFileSync(join(dir, "pipelines/toy/features.schema.yaml"), schemaYaml);
  const card = join(dir, "models/toy/model.yaml");
  writeFileSync(
    card,
    readFileSync(card, "utf8").replace(
      "evaluation:",
      "serving:\n  schema: features.schema.yaml\nevaluation:",
    ),
  );
  gitIn(dir, "add", "-A");
  gitIn(dir, "commit", "-q", "-m", "serving schema");
}

/** The tags the toy repo's bare remote holds, sorted. */
export function remoteTags(dir: string): string[] {
  return gitIn(dir, "ls-remote", "--tags", "origin")
    .split("\n")
    .filter((l) => l && !l.endsWith("^{}"))
    .map((l) => l.split("refs/tags/")[1] ?? "")
    .sort();
}
