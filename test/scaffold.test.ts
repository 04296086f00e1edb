import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMlopsError } from "../src/errors/index.js";
import { datasetSchema, modelCard, paramsFile, parseYaml, pipeline } from "../src/manifest/index.js";
import { planPipeline, profileTable } from "../src/scaffold/index.js";
import { repoRoot, runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/repo.js";

const weatherCsv = join(repoRoot, "node_modules/vega-datasets/data/seattle-weather.csv");

/** A repository with seattle-weather.csv tracked as data/seattle-weather.dvc (a table the repo does not ship). */
function weatherRepo(): { dir: string; cleanup: () => void } {
  const repo = tempRepo("mlops-scaffold-");
  mkdirSync(join(repo.dir, "data"));
  copyFileSync(weatherCsv, join(repo.dir, "data/seattle-weather.csv"));
  const add = runCli(["data", "add", "data/seattle-weather.csv"], { cwd: repo.dir });
  if (add.code !== 0) throw new Error(add.stderr);
  return repo;
}

interface NewResult {
  ok: boolean;
  task: string;
  cardTask: string;
  target: string;
  features: { numeric: string[]; categorical: string[] };
  skipped: { column: string; reason: string }[];
  written: string[];
  kept: string[];
  dryRun: boolean;
  files: { path: string; text: string }[];
}

describe("mlops new pipeline", () => {
  let repo: { dir: string; cleanup: () => void };
  beforeAll(() => {
    repo = weatherRepo();
  });
  afterAll(() => repo?.cleanup());

  it("infers a classification from a text target and writes files that `mlops check` accepts", () => {
    const r = runCli(
      ["new", "pipeline", "weather", "--data", "data/seattle-weather.dvc", "--target", "weather", "--json"],
      { cwd: repo.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as NewResult;
    expect(out.task).toBe("classification");
    expect(out.cardTask).toBe("multiclass-classification");
    expect(out.features).toEqual({
      numeric: ["precipitation", "temp_max", "temp_min", "wind"],
      categorical: [],
    });
    expect(out.skipped.map((s) => s.column)).toEqual(["date"]);
    expect(out.written).toEqual([
      "data/seattle-weather.schema.yaml",
      "pipelines/weather/pipeline.yaml",
      "pipelines/weather/params.yaml",
      "pipelines/weather/prepare.mjs",
      "pipelines/weather/features.schema.yaml",
      "pipelines/weather/.gitignore",
      "models/weather/model.yaml",
    ]);
    for (const f of out.written) expect(existsSync(join(repo.dir, f)), f).toBe(true);
    // The staging gate is "better than always answering the most frequent class" (rain: 641 of 1461 days).
    const card = readFileSync(join(repo.dir, "models/weather/model.yaml"), "utf8");
    expect(card).toContain("value: 0.4387");
    expect(card).toMatch(/monitoring:\n {2}schedule:/);
    expect(readFileSync(join(repo.dir, "data/seattle-weather.schema.yaml"), "utf8")).toMatch(
      /weather:\n\s+type: string\n\s+nullable: false\n\s+allowed: \[drizzle, fog, rain, snow, sun\]\n\s+role: target/,
    );
    const check = runCli(["check"], { cwd: repo.dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("refuses to overwrite any file, names it, and writes nothing", () => {
    mkdirSync(join(repo.dir, "pipelines/taken"), { recursive: true });
    writeFileSync(join(repo.dir, "pipelines/taken/params.yaml"), "mine: 1\n");
    const r = runCli(["new", "pipeline", "taken", "--data", "data/seattle-weather.dvc", "--target", "wind"], {
      cwd: repo.dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("refusing to overwrite pipelines/taken/params.yaml");
    expect(readFileSync(join(repo.dir, "pipelines/taken/params.yaml"), "utf8")).toBe("mine: 1\n");
    expect(existsSync(join(repo.dir, "pipelines/taken/pipeline.yaml"))).toBe(false);
    expect(existsSync(join(repo.dir, "models/taken"))).toBe(false);
  });

  it("infers a regression from a numeric target; --dry-run prints the files and writes none", () => {
    const r = runCli(
      [
        "new",
        "pipeline",
        "temperature",
        "--data",
        "data/seattle-weather.dvc",
        "--target",
        "temp_max",
        "--trainer",
        "linear",
        "--dry-run",
        "--json",
      ],
      { cwd: repo.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as NewResult;
    expect(out.dryRun).toBe(true);
    expect(out.task).toBe("regression");
    expect(out.features.categorical).toEqual(["weather"]);
    // The schema the first test wrote is kept, not drafted again.
    expect(out.kept).toEqual(["data/seattle-weather.schema.yaml"]);
    expect(out.written).not.toContain("data/seattle-weather.schema.yaml");
    expect(existsSync(join(repo.dir, "pipelines/temperature"))).toBe(false);
    expect(out.files.find((f) => f.path.endsWith("params.yaml"))?.text).toContain("model: ridge");
    expect(out.files.find((f) => f.path.endsWith("model.yaml"))?.text).toContain("metric: r2");
    const human = runCli(
      [
        "new",
        "pipeline",
        "temperature",
        "--data",
        "data/seattle-weather.dvc",
        "--target",
        "temp_max",
        "--dry-run",
      ],
      { cwd: repo.dir },
    );
    expect(human.stdout).toContain("--- would write pipelines/temperature/pipeline.yaml");
  });

  it("names a wrong target, task or manifest with what was expected", () => {
    const cases: [string[], RegExp][] = [
      [["--target", "nope"], /--target: the dataset has no column 'nope'/],
      [["--target", "weather", "--task", "regression"], /--task: a regression needs a numeric target/],
      [["--target", "weather", "--task", "guess"], /--task expects one of regression, classification/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["new", "pipeline", "bad", "--data", "data/seattle-weather.dvc", ...args], {
        cwd: repo.dir,
      });
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
    const missing = runCli(["new", "pipeline", "bad", "--data", "data/nope.dvc", "--target", "x"], {
      cwd: repo.dir,
    });
    expect(missing.stderr).toContain("data/nope.dvc: no such dataset manifest");
    const badName = runCli(
      ["new", "pipeline", "Bad.Name", "--data", "data/seattle-weather.dvc", "--target", "x"],
      {
        cwd: repo.dir,
      },
    );
    expect(badName.stderr).toContain("'Bad.Name' cannot name a pipeline and a model");
  });

  it("--trainer python writes a scikit-learn train.py with hashed pins whose ONNX export mlops runs and evaluates", () => {
    // The pinned venv is built once in this checkout (scripts/python/venv-run.sh puts it under the
    // repository of the script), not once per temporary repository.
    const r = runCli(
      [
        "new",
        "pipeline",
        "rainfall",
        "--data",
        "data/seattle-weather.dvc",
        "--target",
        "precipitation",
        "--trainer",
        "python",
        "--json",
      ],
      { cwd: repo.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const requirements = readFileSync(join(repo.dir, "pipelines/rainfall/requirements.txt"), "utf8");
    expect(requirements).toMatch(/^skl2onnx==[\d.]+ \\\n\s+--hash=sha256:[0-9a-f]{64}/m);
    expect(requirements).toMatch(/^scikit-learn==/m);
    mkdirSync(join(repo.dir, "scripts/python"), { recursive: true });
    copyFileSync(join(repoRoot, "scripts/python/venv-run.sh"), join(repo.dir, "scripts/python/venv-run.sh"));
    mkdirSync(join(repoRoot, ".mlops/venvs"), { recursive: true });
    symlinkSync(join(repoRoot, ".mlops/venvs"), join(repo.dir, ".mlops/venvs"), "dir");
    const run = runCli(["run", "rainfall", "--json"], { cwd: repo.dir });
    expect(run.code, run.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(join(repo.dir, "pipelines/rainfall/metrics.json"), "utf8"));
    expect(metrics.n).toBe(292);
    expect(Number.isFinite(metrics.rmse)).toBe(true);
    expect(metrics.r2).toBeGreaterThan(0);
  }, 600_000);
});

/** A random table: columns of numbers, small category sets, free text, booleans and nulls. */
const cell = {
  number: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer(), fc.constant(null)),
  category: fc.oneof(fc.constantFrom("a", "b", "c", "x y", "ä", ""), fc.constant(null)),
  text: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
  flag: fc.oneof(fc.boolean(), fc.constant(null)),
};
const columnName = fc.oneof(
  fc.constantFrom("x", "Y", "a b", "Beak (mm)", "1st", "_", "ünï", "class", "x-1", "X 1"),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && !s.includes("\0")),
);
const randomTable = fc
  .uniqueArray(
    fc.tuple(
      columnName,
      fc.constantFrom("number", "category", "text", "flag") as fc.Arbitrary<keyof typeof cell>,
    ),
    {
      minLength: 1,
      maxLength: 5,
      selector: ([name]) => name.toLowerCase(),
    },
  )
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.tuple(...columns.map(([, kind]) => cell[kind])), { minLength: 1, maxLength: 30 }),
      target: fc.nat(columns.length - 1),
      task: fc.constantFrom(undefined, "regression", "classification") as fc.Arbitrary<
        "regression" | "classification" | undefined
      >,
      trainer: fc.constantFrom("gbdt", "linear", "python") as fc.Arbitrary<"gbdt" | "linear" | "python">,
    }),
  );

describe("schema inference and planning on random tables", () => {
  let work: { dir: string; cleanup: () => void };
  beforeAll(() => {
    work = tempDir("mlops-scaffold-fuzz-");
  });
  afterAll(() => work?.cleanup());

  it("never crash: a plan whose files pass their schemas, or an MlopsError saying why not", async () => {
    let n = 0;
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(randomTable, async ({ columns, rows, target, task, trainer }) => {
        const file = join(work.dir, `t${n++}.json`);
        const records = rows.map((row) => Object.fromEntries(columns.map(([name], k) => [name, row[k]])));
        writeFileSync(file, JSON.stringify(records));
        let profile: Awaited<ReturnType<typeof profileTable>>;
        try {
          profile = await profileTable(file, "data/t.json");
        } catch (err) {
          // DuckDB cannot type some random tables (a column of nulls only): an error naming the file.
          if (isMlopsError(err) && err.file === "data/t.json") return;
          throw err;
        }
        const targetName = columns[target]?.[0] ?? "";
        try {
          const plan = planPipeline({
            name: "fuzz",
            dataset: "t",
            dataPath: "t.json",
            target: targetName,
            ...(task ? { task } : {}),
            trainer,
            profile,
            schemaPath: "t.schema.yaml",
            schemaExists: false,
            pythonRequirements: "pins\n",
          });
          planned += 1;
          const text = (suffix: string) => plan.files.find((f) => f.path.endsWith(suffix))?.text ?? "";
          parseYaml(text("t.schema.yaml"), datasetSchema, "t.schema.yaml");
          parseYaml(text("features.schema.yaml"), datasetSchema, "features.schema.yaml");
          parseYaml(text("pipeline.yaml"), pipeline, "pipeline.yaml");
          parseYaml(text("params.yaml"), paramsFile, "params.yaml");
          parseYaml(text("model.yaml"), modelCard, "model.yaml");
          const inputs = [...plan.features.numeric, ...plan.features.categorical, plan.target];
          expect(new Set(inputs).size).toBe(inputs.length);
          for (const name of inputs) expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
        } catch (err) {
          if (isMlopsError(err, "usage")) return;
          throw err;
        }
      }),
      { seed: 22, numRuns: 60 },
    );
    // The generator is not so hostile that nothing ever gets planned.
    expect(planned).toBeGreaterThan(5);
  }, 120_000);
});
