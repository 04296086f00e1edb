import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../src/onnx/builder.js";
import { runCli } from "./support/cli.js";
import { gitIn, tempDir, tempRepo } from "./support/repo.js";

/** Rows with a known linear relation, so the fitted model and its metrics are checkable. */
function rows(n: number, offset: number): Record<string, number | string | null>[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    const a = (i * 7) % 13;
    const b = (i * 5) % 11;
    return {
      a,
      b: i % 17 === 0 ? null : b,
      colour: ["red", "blue", "green"][i % 3] as string,
      y: 2 * a - b + (i % 3),
    };
  });
}

describe("mlops train and mlops evaluate", () => {
  let work: { dir: string; cleanup: () => void };
  const cli = (...args: string[]) => runCli(args, { cwd: work.dir });

  beforeAll(() => {
    work = tempDir();
    writeFileSync(join(work.dir, "train.json"), JSON.stringify(rows(300, 0)));
    writeFileSync(join(work.dir, "test.json"), JSON.stringify(rows(100, 300)));
    writeFileSync(
      join(work.dir, "params.yaml"),
      "model_a:\n  target: y\n  features:\n    numeric: [a, b]\n    categorical: [colour]\n  model: ridge\n  alpha: 0.001\n",
    );
  });
  afterAll(() => work.cleanup());

  it("trains, evaluates by column name, and writes metrics, plots and predictions", () => {
    const trained = cli("train", "--section", "model_a", "--data", "train.json", "--out", "m.onnx", "--json");
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.json()).toMatchObject({ model: "ridge", task: "regression", rows: 300, features: 5 });
    const evaluated = cli(
      "evaluate",
      "m.onnx",
      "--data",
      "test.json",
      "--metrics",
      "metrics.json",
      "--plots",
      "plots",
      "--json",
    );
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const report = evaluated.json() as {
      metrics: { rmse: number; r2: number };
      model: { signature: { inputs: { name: string; type: string }[] } };
      latency: { rows_per_second: number };
    };
    // Rows with a missing b are imputed with the median, so the fit is close but not exact.
    expect(report.metrics.r2).toBeGreaterThan(0.9);
    expect(report.model.signature.inputs.map((i) => `${i.name}:${i.type}`)).toEqual([
      "a:float32",
      "b:float32",
      "colour:string",
    ]);
    expect(report.latency.rows_per_second).toBeGreaterThan(0);
    const metrics = JSON.parse(readFileSync(join(work.dir, "metrics.json"), "utf8"));
    expect(metrics.rmse).toBe(report.metrics.rmse);
    expect(JSON.parse(readFileSync(join(work.dir, "plots", "residuals.json"), "utf8"))).toHaveLength(100);
  });

  it("names the model input the data cannot feed", () => {
    writeFileSync(
      join(work.dir, "renamed.json"),
      JSON.stringify(rows(10, 0).map(({ a, ...r }) => ({ ...r, alpha: a }))),
    );
    cli("train", "--section", "model_a", "--data", "train.json", "--out", "m.onnx");
    const result = cli("evaluate", "m.onnx", "--data", "renamed.json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "renamed.json: the data has no column for model input a (float32 [N, 1])",
    );
  });

  it("feeds a single matrix input from --features, and refuses the wrong count", () => {
    const g = new GraphBuilder("matrix");
    g.input("x", "float", ["N", 2]);
    const w = g.floatConstant("w", [2, -1], [2, 1]);
    g.op("MatMul", ["x", w], {}, "", "y_hat");
    g.output("y_hat", "float", ["N", 1]);
    writeFileSync(join(work.dir, "matrix.onnx"), g.toBytes({ producerVersion: "test", opsets: { "": 17 } }));
    const ok = cli(
      "evaluate",
      "matrix.onnx",
      "--data",
      "train.json",
      "--target",
      "y",
      "--features",
      "a,a",
      "--json",
    );
    expect(ok.code, ok.stderr).toBe(0);
    const wrong = cli(
      "evaluate",
      "matrix.onnx",
      "--data",
      "train.json",
      "--target",
      "y",
      "--features",
      "a,b,a",
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("takes 2 features, got 3");
    const none = cli("evaluate", "matrix.onnx", "--data", "train.json", "--target", "y");
    expect(none.stderr).toContain("pass the feature columns in order with --features");
  });

  it("reports bad params by file, line and field", () => {
    writeFileSync(
      join(work.dir, "bad.yaml"),
      "train:\n  target: y\n  features:\n    numeric: [a]\n  model: forest\n",
    );
    const result = cli("train", "--params", "bad.yaml", "--data", "train.json", "--out", "x.onnx");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /bad\.yaml:5: train\.model: expected one of 'linear', 'ridge', 'logistic', 'gbdt'/,
    );
    const missing = cli("train", "--section", "model_a", "--data", "nope.json", "--out", "x.onnx");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.json: data file not found");
  });
});

describe("mlops metrics and params", () => {
  let repo: { dir: string; cleanup: () => void };
  beforeAll(() => {
    repo = tempRepo();
    const dir = join(repo.dir, "pipelines", "p");
    gitIn(repo.dir, "commit", "--allow-empty", "-qm", "start");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "pipeline.yaml"),
      'stages:\n  score:\n    cmd: printf \'{"acc":%s,"n":10}\' ${train.acc} > m.json\n    params: [train]\n    metrics: [m.json]\n',
    );
    writeFileSync(join(dir, "params.yaml"), "train:\n  acc: 0.5\n  features: [a, b]\n");
    expect(runCli(["run"], { cwd: repo.dir }).code).toBe(0);
    gitIn(repo.dir, "add", "-A");
    gitIn(repo.dir, "commit", "-qm", "first run");
    writeFileSync(join(dir, "params.yaml"), "train:\n  acc: 0.75\n  features: [a, b, c]\n");
    expect(runCli(["run"], { cwd: repo.dir }).code).toBe(0);
  });
  afterAll(() => repo.cleanup());

  it("shows and diffs metrics and params against HEAD", () => {
    const show = runCli(["metrics", "show", "--json"], { cwd: repo.dir });
    expect(show.json()).toEqual({
      files: [{ pipeline: "p", path: "pipelines/p/m.json", values: { acc: 0.75, n: 10 } }],
    });
    const diff = runCli(["metrics", "diff", "--json"], { cwd: repo.dir });
    expect(diff.json()).toEqual({
      base: "HEAD",
      changes: [{ path: "pipelines/p/m.json", key: "acc", base: 0.5, current: 0.75, change: 0.25 }],
    });
    const md = runCli(["metrics", "diff"], { cwd: repo.dir });
    expect(md.stdout).toContain("| pipelines/p/m.json | acc | 0.5 | 0.75 | +0.25 (+50 %) |");
    const params = runCli(["params", "diff", "--json"], { cwd: repo.dir });
    // A list param is a param too: a changed feature list shows up, as the list's JSON text.
    expect(params.json()).toMatchObject({
      changes: [
        { path: "pipelines/p/params.yaml", key: "train.acc", base: 0.5, current: 0.75 },
        {
          path: "pipelines/p/params.yaml",
          key: "train.features",
          base: '["a","b"]',
          current: '["a","b","c"]',
        },
      ],
    });
  });
});
