import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import type { Table } from "../src/table/index.js";
import { exportOnnx, predict, type TrainedModel, trainModel, trainSpec } from "../src/train/index.js";
import { repoRoot } from "./support/cli.js";

const datasets = join(repoRoot, "node_modules", "vega-datasets", "data");

function cars(): Table {
  const raw = JSON.parse(readFileSync(join(datasets, "cars.json"), "utf8")) as Record<string, unknown>[];
  const rows = raw
    .filter((c) => c.Miles_per_Gallon !== null)
    .map((c) => ({
      mpg: c.Miles_per_Gallon as number,
      cylinders: c.Cylinders as number,
      displacement: c.Displacement as number,
      horsepower: c.Horsepower as number | null,
      weight: c.Weight_in_lbs as number,
      acceleration: c.Acceleration as number,
      model_year: Number(String(c.Year).slice(0, 4)),
      origin: c.Origin as string,
    }));
  return { file: "cars.json", columns: Object.keys(rows[0] ?? {}), rows };
}

function penguins(): Table {
  const raw = JSON.parse(readFileSync(join(datasets, "penguins.json"), "utf8")) as Record<string, unknown>[];
  const rows = raw.map((p) => ({
    species: p.Species as string,
    island: p.Island as string,
    beak_length_mm: p["Beak Length (mm)"] as number | null,
    beak_depth_mm: p["Beak Depth (mm)"] as number | null,
    flipper_length_mm: p["Flipper Length (mm)"] as number | null,
    body_mass_g: p["Body Mass (g)"] as number | null,
    sex: p.Sex === "." ? null : (p.Sex as string | null),
  }));
  return { file: "penguins.json", columns: Object.keys(rows[0] ?? {}), rows };
}

/** Every other row trains, the rest test: a fixed split, so the test is the same every run. */
function split(table: Table): { train: Table; test: Table } {
  return {
    train: { ...table, rows: table.rows.filter((_, i) => i % 2 === 0) },
    test: { ...table, rows: table.rows.filter((_, i) => i % 2 === 1) },
  };
}

const carFeatures = {
  numeric: ["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"],
  categorical: ["origin"],
};
const penguinFeatures = {
  numeric: ["beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g"],
  categorical: ["island", "sex"],
};

async function runOnnx(
  bytes: Uint8Array,
  model: TrainedModel,
  table: Table,
): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes);
  const feeds: Record<string, ort.Tensor> = {};
  const n = table.rows.length;
  for (const f of model.pre.numeric) {
    const values = Float32Array.from(table.rows, (r) =>
      r[f.name] === null ? Number.NaN : Number(r[f.name]),
    );
    feeds[f.name] = new ort.Tensor("float32", values, [n, 1]);
  }
  for (const c of model.pre.categorical) {
    feeds[c.name] = new ort.Tensor(
      "string",
      table.rows.map((r) => (r[c.name] === null ? "" : String(r[c.name]))),
      [n, 1],
    );
  }
  const out = await session.run(feeds);
  await session.release();
  return out;
}

/** The acceptance tolerance: 1e-5 relative plus 1e-6 absolute, checked value by value. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const excess = Math.abs((actual[i] as number) - e) - (1e-5 * Math.abs(e) + 1e-6);
    worst = Math.max(worst, excess);
  }
  expect(worst).toBeLessThanOrEqual(0);
}

const cases = [
  { name: "linear regression", data: cars, spec: { target: "mpg", features: carFeatures, model: "linear" } },
  {
    name: "ridge regression",
    data: cars,
    spec: { target: "mpg", features: carFeatures, model: "ridge", alpha: 3 },
  },
  {
    name: "GBDT regression",
    data: cars,
    spec: {
      target: "mpg",
      task: "regression",
      features: carFeatures,
      model: "gbdt",
      gbdt: { trees: 80, max_depth: 4, min_samples_leaf: 5, learning_rate: 0.1 },
    },
  },
  {
    name: "softmax regression",
    data: penguins,
    spec: {
      target: "species",
      task: "classification",
      features: penguinFeatures,
      model: "logistic",
      alpha: 1,
    },
  },
  {
    name: "GBDT classification",
    data: penguins,
    spec: {
      target: "species",
      task: "classification",
      features: penguinFeatures,
      model: "gbdt",
      gbdt: { trees: 10, max_depth: 3, min_samples_leaf: 5 },
    },
  },
] as const;

describe("reference trainers exported to ONNX", () => {
  for (const c of cases) {
    it(`${c.name}: onnxruntime agrees with the trainer on the test rows, and the file is reproducible`, async () => {
      const { train, test } = split(c.data());
      const spec = trainSpec.parse({ ...c.spec, seed: 11 });
      const model = trainModel(train, spec, { producerVersion: "test" });
      const bytes = exportOnnx(model);
      const out = await runOnnx(bytes, model, test);
      const own = predict(model, test);
      if (model.task === "regression") {
        expect(out.prediction?.dims).toEqual([test.rows.length, 1]);
        expectClose(out.prediction?.data as Float32Array, own.values as Float64Array);
      } else {
        expect(out.probabilities?.dims).toEqual([test.rows.length, 3]);
        expectClose(out.probabilities?.data as Float32Array, own.probabilities as Float64Array);
        const labels = out.label?.data as string[];
        const correct = labels.filter((l, i) => l === test.rows[i]?.species).length;
        expect(correct / labels.length).toBeGreaterThan(0.9);
      }
      const again = exportOnnx(trainModel(train, spec, { producerVersion: "test" }));
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    });
  }

  it("GBDT thresholds are training values, so a row at a threshold takes the same branch in ONNX", async () => {
    const { train } = split(cars());
    const spec = trainSpec.parse({
      target: "mpg",
      features: carFeatures,
      model: "gbdt",
      gbdt: { trees: 30, max_depth: 5, min_samples_leaf: 2 },
    });
    const model = trainModel(train, spec, { producerVersion: "test" });
    const thresholds = new Set<number>();
    for (const tree of model.gbdt?.trees ?? []) {
      tree.threshold.forEach((t, n) => {
        if ((tree.feature[n] as number) >= 0) thresholds.add(t);
      });
    }
    expect(thresholds.size).toBeGreaterThan(10);
    for (const t of thresholds) expect(Math.fround(t)).toBe(t);
    // Training rows sit exactly on thresholds; both must agree on every one of them.
    const out = await runOnnx(exportOnnx(model), model, train);
    expectClose(out.prediction?.data as Float32Array, predict(model, train).values as Float64Array);
  });

  it("refuses a logistic model for a regression target and a target column that does not exist", () => {
    const table = cars();
    expect(() =>
      trainModel(
        table,
        trainSpec.parse({ target: "mpg", task: "regression", features: carFeatures, model: "logistic" }),
        {
          producerVersion: "test",
        },
      ),
    ).toThrow(/a logistic model needs a classification task/);
    expect(() =>
      trainModel(table, trainSpec.parse({ target: "kpl", features: carFeatures, model: "linear" }), {
        producerVersion: "test",
      }),
    ).toThrow(/no target column 'kpl'/);
  });
});
