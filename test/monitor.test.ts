import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type MonitorResult, monitorMarkdown, monitorModel } from "../src/monitor/index.js";
import { repoLayout } from "../src/repo/index.js";
import { type CliResult, repoRoot, runCli } from "./support/cli.js";
import { gitIn, tempDir } from "./support/repo.js";
import { type TrainedPipelines, trainPipelines } from "./support/trained-pipelines.js";

/**
 * fuel-efficiency trained once in a clone of this repository, with the project's own model card
 * (its monitoring rule included), registered and promoted to prod with tags pushed to a bare remote
 * and data pushed to a store on disk, as the merge and release flows leave it. Snapshots are tracked
 * datasets shaped like the training split: the 1980–82 cars prepare.mjs keeps apart, and the test
 * split (a held-out sample of the training years).
 */
let trained: TrainedPipelines;
let scratch: { dir: string; cleanup: () => void };
let dir: string;
let remote: string;
let store: string;
/** The first test's result on the 1980–82 cars, which the fresh clone must reproduce. */
let recent: MonitorResult | undefined;
/** `monitor …#prod` while prod held nothing yet. */
let beforeProd: CliResult;

function mlops(cwd: string, ...args: string[]): CliResult {
  return runCli(args, { cwd, env: { GITHUB_ACTIONS: "", CI: process.env.CI ?? "" } });
}

function must(cwd: string, ...args: string[]): CliResult {
  const r = mlops(cwd, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")} failed (${r.code}): ${r.stderr}`);
  return r;
}

function monitorJson(cwd: string, current: string, ...extra: string[]): MonitorResult {
  const r = mlops(cwd, "monitor", "fuel-efficiency#prod", "--current", current, "--json", ...extra);
  expect(r.code, r.stderr).toBe(0);
  return r.json() as MonitorResult;
}

beforeAll(() => {
  trained = trainPipelines(["fuel-efficiency"]);
  scratch = tempDir("mlops-monitor-");
  dir = trained.dir;
  remote = join(scratch.dir, "remote.git");
  store = join(scratch.dir, "store");
  gitIn(scratch.dir, "init", "-q", "--bare", "-b", "main", remote);
  gitIn(dir, "remote", "set-url", "origin", remote);
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  copyFileSync(
    join(repoRoot, "models/fuel-efficiency/model.yaml"),
    join(dir, "models/fuel-efficiency/model.yaml"),
  );
  must(dir, "remote", "add", "store", store, "--default", "--local");
  const split = (f: string) => join(dir, "pipelines/fuel-efficiency/data", f);
  copyFileSync(split("future.json"), join(dir, "data/cars-recent.json"));
  copyFileSync(split("test.json"), join(dir, "data/cars-fresh.json"));
  // Production rows arrive before their outcome is known: the same cars without mpg.
  const unlabelled = (
    JSON.parse(readFileSync(split("future.json"), "utf8")) as Record<string, unknown>[]
  ).map(({ mpg: _mpg, ...row }) => row);
  writeFileSync(join(dir, "data/cars-unlabelled.json"), `${JSON.stringify(unlabelled)}\n`);
  for (const name of ["cars-recent", "cars-fresh", "cars-unlabelled"])
    must(dir, "data", "add", `data/${name}.json`);
  gitIn(dir, "add", "data", "models", "pipelines");
  gitIn(dir, "commit", "-q", "-m", "monitoring rule and production snapshots");
  gitIn(dir, "push", "-q", "origin", "main");
  must(dir, "register", "fuel-efficiency");
  must(dir, "promote", "fuel-efficiency", "v1.0.0", "--to", "dev");
  must(dir, "promote", "fuel-efficiency", "v1.0.0", "--to", "staging");
  beforeProd = mlops(dir, "monitor", "fuel-efficiency#prod", "--current", "cars-recent");
  must(dir, "promote", "fuel-efficiency", "v1.0.0", "--to", "prod");
  must(dir, "data", "push", "cars", "cars-recent", "cars-fresh", "cars-unlabelled");
}, 120_000);

afterAll(() => {
  trained?.cleanup();
  scratch?.cleanup();
});

describe("mlops monitor", () => {
  it("fires on the 1980–82 cars: model_year and more drift from the training split, and rmse decays", () => {
    const out = join(scratch.dir, "recent.md");
    const r = mlops(
      dir,
      "monitor",
      "fuel-efficiency#prod",
      "--current",
      "cars-recent",
      "--json",
      "--out",
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const result = r.json() as MonitorResult;
    expect(result).toMatchObject({
      model: "fuel-efficiency",
      version: "v1.0.0",
      stage: "prod",
      fires: true,
      current: { dataset: "cars-recent", path: "data/cars-recent.json", rows: 89, labelled: true },
      reference: { path: "pipelines/fuel-efficiency/data/train.json", version_tag: "fuel-efficiency@v1.0.0" },
    });
    // The reference is exactly the split the train stage read, by the hash the version's lock records.
    const lock = parse(
      gitIn(dir, "show", "fuel-efficiency@v1.0.0:pipelines/fuel-efficiency/pipeline.lock"),
    ) as {
      stages: Record<string, { deps: { path: string; sha256: string }[] }>;
    };
    expect(result.reference.sha256).toBe(
      lock.stages.train?.deps.find((d) => d.path === "data/train.json")?.sha256,
    );
    expect(result.reference.rows).toBe(247);
    // Features and the label are tested; the car's name (an id) is not.
    expect(result.drift.columns.map((c) => c.column).sort()).toEqual(
      [
        "acceleration",
        "cylinders",
        "displacement",
        "horsepower",
        "model_year",
        "mpg",
        "origin",
        "weight",
      ].sort(),
    );
    expect(result.drift.drifted).toContain("model_year");
    expect(result.drift.columns[0]).toMatchObject({
      column: "model_year",
      method: "ks",
      statistic: 1,
      drifted: true,
    });
    expect(result.drift.fires).toBe(true);
    const recorded = JSON.parse(
      readFileSync(join(dir, "pipelines/fuel-efficiency/metrics.json"), "utf8"),
    ).rmse;
    expect(result.decay).toMatchObject({ metric: "rmse", direction: "lower", recorded, fires: true });
    expect(result.decay?.current).toBeGreaterThan(recorded * 1.2);
    expect(result.metrics?.values.rmse).toBe(result.decay?.current);
    expect(result.metrics?.rows).toBe(89);
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]).toMatch(
      /^\d of 8 monitored columns of cars-recent drifted .* model_year \(ks 1 ≥ 0\.1/,
    );
    expect(result.reasons[1]).toMatch(
      /^rmse of fuel-efficiency@v1\.0\.0 on cars-recent is [\d.]+ against the [\d.]+ its manifest records: .* more than the 20% the rule allows\.$/,
    );

    const markdown = readFileSync(out, "utf8");
    expect(markdown).toBe(monitorMarkdown(result));
    expect(markdown).toContain("## Monitoring fuel-efficiency\\#prod");
    expect(markdown).toContain("### Drift: cars-recent");
    expect(markdown).toMatch(/\| model\\_year \| ks \| 1 \| 0\.1 \| [^|]+ \| 🔴 drifted \|/);
    expect(markdown).toContain("🔴 **The monitoring rule fired**");

    // Text for people, and an exit code for scripts that ask for one.
    const text = mlops(dir, "monitor", "fuel-efficiency#prod", "--current", "cars-recent", "--fail-on-fire");
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/^ {2}drift +\d\/8 columns \(.*model_year.*\) +FIRED$/m);
    expect(text.stdout).toMatch(/^ {2}rmse +[\d.]+ vs [\d.]+ recorded +FIRED$/m);
    recent = result;
  });

  it("does not fire on a fresh sample of the training years, even with --fail-on-fire", () => {
    const result = monitorJson(dir, "cars-fresh", "--fail-on-fire");
    expect(result.fires).toBe(false);
    expect(result.reasons).toEqual([]);
    expect(result.drift).toMatchObject({ tested: 8, drifted: [], fires: false });
    // The test split is what the recorded rmse was measured on: the same figure comes back.
    expect(result.decay?.current).toBeCloseTo(result.decay?.recorded as number, 9);
    expect(result.decay?.fires).toBe(false);
    expect(result.age.fires).toBe(false);
    const markdown = monitorMarkdown(result);
    expect(markdown).toContain("🟢 **Nothing fired**");
    expect(markdown).toContain("### Drift: cars-fresh");
  });

  it("without labels, measures drift but no metric, and says so", () => {
    const result = monitorJson(dir, "cars-unlabelled");
    expect(result.current.labelled).toBe(false);
    expect(result.metrics).toBeNull();
    expect(result.decay).toMatchObject({ metric: "rmse", current: null, fires: false });
    expect(result.notes).toEqual([
      "cars-unlabelled has no 'mpg' column (no labels), so no metric was measured.",
    ]);
    expect(result.drift.columns.map((c) => c.column)).not.toContain("mpg");
    expect(result.drift.drifted).toContain("model_year");
    expect(result.fires).toBe(true);
    expect(result.reasons).toHaveLength(1);
  });

  it("fires on age alone when the version is older than max_age_days", async () => {
    const manifest = parse(gitIn(dir, "tag", "-l", "--format=%(contents)", "fuel-efficiency@v1.0.0")) as {
      created: string;
    };
    const registered = Date.parse(manifest.created);
    const result = await monitorModel(repoLayout(dir), {
      selector: "fuel-efficiency#prod",
      current: "cars-fresh",
      now: new Date(registered + 200 * 86_400_000),
    });
    expect(result.age).toMatchObject({ max_days: 180, fires: true });
    expect(Math.floor(result.age.days)).toBe(200);
    expect(result.drift.fires).toBe(false);
    expect(result.fires).toBe(true);
    expect(result.reasons).toEqual([
      `fuel-efficiency@v1.0.0 was registered 200 days ago (${result.registered}), more than the 180 days the rule allows.`,
    ]);
    const young = mlops(
      dir,
      "monitor",
      "fuel-efficiency#prod",
      "--current",
      "cars-fresh",
      "--json",
      "--now",
      new Date(registered + 179 * 86_400_000).toISOString(),
    );
    expect((young.json() as MonitorResult).age.fires).toBe(false);
  });

  it("in a fresh clone, fetches the training split and the snapshot from the data remote by hash", () => {
    const clone = join(scratch.dir, "clone");
    gitIn(scratch.dir, "clone", "-q", remote, clone);
    must(clone, "remote", "add", "store", store, "--default", "--local");
    const result = monitorJson(clone, "cars-recent");
    const original = recent ?? monitorJson(dir, "cars-recent");
    expect(result.reference.source).toBe("remote");
    expect(result.reference.sha256).toBe(original.reference.sha256);
    expect(result.drift.columns).toEqual(original.drift.columns);
    expect(result.reasons).toEqual(original.reasons);
    rmSync(clone, { recursive: true, force: true });
  });

  it("refuses what it cannot monitor, naming what was expected", () => {
    const bare = mlops(dir, "monitor", "fuel-efficiency", "--current", "cars-recent");
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(
      "'fuel-efficiency' names no stage or version: expected name#stage (what the stage holds, like fuel-efficiency#prod) or name@vX.Y.Z",
    );
    const stage = mlops(dir, "monitor", "fuel-efficiency#prdo", "--current", "cars-recent");
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain("fuel-efficiency has no stage 'prdo': expected one of dev, staging, prod");
    const model = mlops(dir, "monitor", "no-such-model#prod", "--current", "cars-recent");
    expect(model.code).toBe(1);
    expect(model.stderr).toContain("models/no-such-model/model.yaml: no model named 'no-such-model'");
    const dataset = mlops(dir, "monitor", "fuel-efficiency#prod", "--current", "no-such-data", "--json");
    expect(dataset.code).toBe(1);
    expect(dataset.json()).toMatchObject({
      ok: false,
      error: {
        code: "not-found",
        file: "data/no-such-data.dvc",
        message: expect.stringContaining(
          "no tracked dataset named 'no-such-data': expected data/no-such-data.dvc",
        ),
      },
    });
    // The raw cars are not shaped like the training split the model saw.
    const raw = mlops(dir, "monitor", "fuel-efficiency#prod", "--current", "cars");
    expect(raw.code).toBe(1);
    expect(raw.stderr).toMatch(
      /the snapshot has no column 'cylinders', .* that fuel-efficiency@v1\.0\.0 was trained on: expected rows shaped like pipelines\/fuel-efficiency\/data\/train\.json/,
    );

    expect(beforeProd.code).toBe(1);
    expect(beforeProd.stderr).toContain(
      "fuel-efficiency#prod holds no version: expected a version promoted to prod (stages held now: dev = v1.0.0, staging = v1.0.0)",
    );
  });

  it("reports a monitoring reference the version's lock does not record", () => {
    const card = join(dir, "models/fuel-efficiency/model.yaml");
    const text = readFileSync(card, "utf8");
    try {
      writeFileSync(
        card,
        text.replace('schedule: "0 6 * * 1"', 'schedule: "0 6 * * 1"\n  reference: data/nowhere.json'),
      );
      const r = mlops(dir, "monitor", "fuel-efficiency#prod", "--current", "cars-fresh");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "models/fuel-efficiency/model.yaml: monitoring.reference: the lock of fuel-efficiency@v1.0.0 records no file 'data/nowhere.json'",
      );
    } finally {
      writeFileSync(card, text);
    }
  });
});
