import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot, runCli } from "./support/cli.js";
import { gitIn } from "./support/repo.js";

interface StageLine {
  pipeline: string;
  stage: string;
  status: string;
}

function lines(stdout: string): StageLine[] {
  return stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as StageLine);
}

const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8"));

/**
 * The main job on this repository: materialise the datasets, reproduce all three pipelines (the
 * scikit-learn one builds its own venv on first use), and meet the figures the pipelines promise.
 */
describe("the main job (npm start)", () => {
  it("runs every pipeline end to end, then has nothing left to do", { timeout: 600_000 }, () => {
    const lockPaths = ["pipelines/fuel-efficiency/pipeline.lock", "pipelines/penguins/pipeline.lock"];
    const cleanBefore = gitIn(repoRoot, "status", "--porcelain", "--", "pipelines").trim() === "";

    const first = runCli(["run", "--json"], { cwd: repoRoot });
    expect(first.code, first.stderr).toBe(0);
    const ran = lines(first.stdout);
    expect(new Set(ran.map((r) => r.pipeline))).toEqual(
      new Set(["fuel-efficiency", "penguins", "penguins-sklearn"]),
    );
    for (const r of ran) expect(["ran", "skipped", "restored"]).toContain(r.status);

    const status = runCli(["data", "status", "--json"], { cwd: repoRoot });
    expect(status.code, status.stdout).toBe(0);
    expect(status.json()).toMatchObject({ clean: true });

    // Trees beat the linear baseline on the held-out cars; the penguins are classified well.
    const gbdt = readJson("pipelines/fuel-efficiency/metrics.json");
    const linear = readJson("pipelines/fuel-efficiency/baseline-metrics.json");
    expect(gbdt.rmse).toBeLessThan(linear.rmse);
    // ...and are within 5 % of scikit-learn's HistGradientBoosting on the same split and features.
    const train = parse(readFileSync(join(repoRoot, "pipelines/fuel-efficiency/params.yaml"), "utf8")).train;
    const g = train.gbdt;
    const compare = spawnSync(
      "sh",
      [
        "../../scripts/python/venv-run.sh",
        "../../scripts/compare/requirements.txt",
        "python",
        "../../scripts/compare/sklearn-hgb.py",
        ...[
          "--train",
          "data/train.json",
          "--test",
          "data/test.json",
          "--target",
          train.target,
          "--impute-median",
        ],
        ...[
          "--numeric",
          train.features.numeric.join(","),
          "--categorical",
          train.features.categorical.join(","),
        ],
        ...["--trees", g.trees, "--max-depth", g.max_depth, "--learning-rate", g.learning_rate].map(String),
        ...["--min-samples-leaf", g.min_samples_leaf, "--l2", g.l2].map(String),
      ],
      { cwd: join(repoRoot, "pipelines/fuel-efficiency"), encoding: "utf8" },
    );
    expect(compare.status, compare.stderr).toBe(0);
    const sklearn = JSON.parse(compare.stdout) as { test_rmse: number };
    expect(gbdt.rmse).toBeLessThanOrEqual(1.05 * sklearn.test_rmse);
    expect(readJson("pipelines/penguins/metrics.json").accuracy).toBeGreaterThanOrEqual(0.95);
    expect(readJson("pipelines/penguins-sklearn/metrics.json").accuracy).toBeGreaterThanOrEqual(0.95);

    // Our evaluation of the skl2onnx model against scikit-learn's own predict_proba.
    const ours = readJson("pipelines/penguins-sklearn/predictions.json");
    const theirs = readJson("pipelines/penguins-sklearn/sklearn-predictions.json");
    expect(ours.classes).toEqual(theirs.classes);
    expect(ours.labels).toEqual(theirs.labels);
    let worst = 0;
    (theirs.probabilities as number[][]).forEach((row, i) => {
      row.forEach((p, c) => {
        worst = Math.max(worst, Math.abs(ours.probabilities[i][c] - p) - (1e-5 * Math.abs(p) + 1e-6));
      });
    });
    expect(worst).toBeLessThanOrEqual(0);

    // Second run: every stage skipped, and the committed locks are reproduced byte for byte.
    const locks = lockPaths.map((p) => readFileSync(join(repoRoot, p), "utf8"));
    const second = runCli(["run", "--json"], { cwd: repoRoot });
    expect(second.code, second.stderr).toBe(0);
    expect(lines(second.stdout).every((r) => r.status === "skipped")).toBe(true);
    expect(second.stderr).not.toContain("running ");
    expect(lockPaths.map((p) => readFileSync(join(repoRoot, p), "utf8"))).toEqual(locks);
    if (cleanBefore) {
      // Seeded trainers and stable serialisation: a fresh clone reproduces what was committed.
      expect(gitIn(repoRoot, "status", "--porcelain", "--", "pipelines").trim()).toBe("");
    }
  });
});
