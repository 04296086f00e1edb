import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, runCli } from "./cli.js";

export interface TrainedPipelines {
  /** A clone of this repository with the named pipelines reproduced in it. */
  dir: string;
  /** A path inside the clone. */
  path: (relative: string) => string;
  cleanup: () => void;
}

/**
 * Reproduces pipelines in a throwaway clone of this repository's HEAD, so a test can use real trained
 * models and their test splits on a fresh checkout (where they are not materialised) without racing
 * the main-job test, which reproduces them in the working tree itself. About a second per pipeline.
 */
export function trainPipelines(names: string[]): TrainedPipelines {
  const dir = mkdtempSync(join(tmpdir(), "mlops-trained-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const clone = spawnSync("git", ["clone", "-q", "--no-hardlinks", repoRoot, dir], { encoding: "utf8" });
  if (clone.status !== 0) {
    cleanup();
    throw new Error(`git clone of ${repoRoot} failed: ${clone.stderr}`);
  }
  // Dataset sources (vega-datasets) resolve from the project's node_modules.
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  const run = runCli(["run", ...names, "--json"], { cwd: dir });
  if (run.code !== 0) {
    cleanup();
    throw new Error(`mlops run ${names.join(" ")} failed in a clone:\n${run.stderr}`);
  }
  return { dir, path: (relative) => join(dir, relative), cleanup };
}

/** The fuel-efficiency model's inputs, as its serving schema lists them: what a client sends it. */
export const fuelEfficiencyFeatures: readonly string[] = [
  "cylinders",
  "displacement",
  "horsepower",
  "weight",
  "acceleration",
  "model_year",
  "origin",
];
