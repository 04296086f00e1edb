import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driftPsiThreshold } from "../src/deploy/observability.js";
import type { ColumnInfo, ServableModel } from "../src/serve/index.js";
import { type RunningServer, startServing } from "../src/serve/index.js";
import { driftMetricNames, LiveDrift, otherBin } from "../src/serve/live-drift.js";
import type { LoadedModel } from "../src/serve/model.js";
import { type Profile, psi, readProfileFile } from "../src/validate/index.js";
import type { NumericProfile } from "../src/validate/profile.js";
import { runCli } from "./support/cli.js";
import { parseExposition, sampleValue } from "./support/exposition.js";
import { fuelEfficiencyFeatures, trainPipelines } from "./support/trained-pipelines.js";

type Row = Record<string, string | number | null>;

// The real fuel-efficiency model and its splits of vega-datasets' cars.json, reproduced in a clone:
// train.json holds the cars up to 1979, future.json the 1980–82 cars prepare.mjs keeps apart.
const trained = trainPipelines(["fuel-efficiency"]);
const dir = (p: string) => trained.path(`pipelines/fuel-efficiency/${p}`);
const features = fuelEfficiencyFeatures;
const columns: Record<string, ColumnInfo> = {
  cylinders: { type: "integer", allowed: [3, 4, 5, 6, 8] },
  displacement: { type: "number" },
  horsepower: { type: "integer", nullable: true },
  weight: { type: "integer" },
  acceleration: { type: "number" },
  model_year: { type: "integer" },
  origin: { type: "string", allowed: ["USA", "Europe", "Japan"] },
};
const workerScript = fileURLToPath(new URL("../lib/serve/cluster-worker-main.js", import.meta.url));

/**
 * The stated tolerance: the server bins with the profile's own edges and computes PSI with the same
 * function as `mlops drift`, so the two differ only by the order floating-point sums are taken in.
 */
const tolerance = 1e-12;

let model: ServableModel;
let reference: Profile;
let referenceFile: string;
let future: Row[];
let trainSample: Row[];

function read(file: string): Row[] {
  return JSON.parse(readFileSync(file, "utf8")) as Row[];
}

/** Every other training row: a sample of the training years, in the data's own order. */
function sampleOf(rows: Row[]): Row[] {
  return rows.filter((_, i) => i % 2 === 0);
}

beforeAll(async () => {
  const onnxPath = dir("model.onnx");
  model = {
    name: "fuel-efficiency",
    version: "v1.0.0",
    onnxPath,
    sha256: createHash("sha256").update(readFileSync(onnxPath)).digest("hex"),
    columns,
  };
  // The reference profile as a user saves it: `mlops profile` of the training split.
  const profiled = runCli(["profile", dir("data/train.json"), "--json"], { cwd: trained.dir });
  expect(profiled.code, profiled.stderr).toBe(0);
  referenceFile = dir("data/train.profile.json");
  reference = await readProfileFile(referenceFile);
  future = read(dir("data/future.json"));
  trainSample = sampleOf(read(dir("data/train.json")));
});

afterAll(() => trained.cleanup());

async function serve(options: { workers?: number; windowRows?: number } = {}): Promise<RunningServer> {
  return startServing({
    model,
    liveDrift: { reference, ...(options.windowRows ? { windowRows: options.windowRows } : {}) },
    ...(options.workers ? { workers: options.workers, workerScript } : {}),
  });
}

/**
 * Sends the rows' features to /predict, `batch` rows a request, each on a new connection (a cluster
 * hands connections to its workers in turn, so every worker gets some).
 */
async function send(url: string, rows: Row[], batch = 7): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const records = rows
      .slice(i, i + batch)
      .map((r) => Object.fromEntries(features.map((f) => [f, r[f] ?? null])));
    const { status, body } = await post(`${url}/predict`, JSON.stringify({ records }));
    expect(status, body).toBe(200);
  }
}

function post(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function exportedPsi(url: string): Promise<Record<string, number>> {
  const page = parseExposition(await (await fetch(`${url}/metrics`)).text());
  return Object.fromEntries(
    features.map((f) => [f, sampleValue(page, driftMetricNames.psi, { feature: f })]),
  );
}

/** `mlops drift` of the same rows against the same saved reference profile: PSI per column. */
function driftPsi(rows: Row[], name: string): Record<string, number> {
  const file = trained.path(`${name}.json`);
  writeFileSync(file, JSON.stringify(rows));
  const drift = runCli(["drift", referenceFile, file, "--json"], { cwd: trained.dir });
  expect(drift.code, drift.stderr).toBe(0);
  const report = drift.json() as { columns: { column: string; psi: number }[] };
  return Object.fromEntries(report.columns.map((c) => [c.column, c.psi]));
}

function expectSame(exported: Record<string, number>, cli: Record<string, number>): void {
  if (process.env.MLOPS_SHOW_DRIFT_ERROR) {
    const worst = Math.max(...features.map((f) => Math.abs((exported[f] as number) - (cli[f] as number))));
    process.stderr.write(`live drift: largest |PSI - mlops drift PSI| = ${worst}\n`);
  }
  for (const f of features) {
    expect(cli[f], f).toBeDefined();
    expect(Math.abs((exported[f] as number) - (cli[f] as number)), f).toBeLessThanOrEqual(tolerance);
  }
}

describe("live input drift in mlops serve", () => {
  it("raises the PSI of the shifted features above the alert threshold for the 1980–82 cars, equal to mlops drift's", async () => {
    const server = await serve();
    try {
      await send(server.url, future);
      const exported = await exportedPsi(server.url);
      const cli = driftPsi(future, "future-sent");
      expectSame(exported, cli);
      const shifted = features.filter((f) => (cli[f] as number) >= driftPsiThreshold);
      // The later cars are newer, lighter and smaller-engined than the training years'.
      expect(shifted).toEqual(expect.arrayContaining(["model_year", "weight", "displacement"]));
      for (const f of shifted) expect(exported[f], f).toBeGreaterThanOrEqual(driftPsiThreshold);
      // The window's bin counts are the rows sent (horsepower has missing values, counted in no bin).
      const page = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
      const yearRows = page.samples
        .filter((s) => s.name === driftMetricNames.windowRows && s.labels.feature === "model_year")
        .reduce((a, s) => a + s.value, 0);
      expect(yearRows).toBe(future.length);
    } finally {
      await server.close();
    }
  });

  it("keeps every feature's PSI below the threshold for a sample of the training years, equal to mlops drift's", async () => {
    const server = await serve();
    try {
      await send(server.url, trainSample);
      const exported = await exportedPsi(server.url);
      expectSame(exported, driftPsi(trainSample, "train-sample-sent"));
      for (const f of features) expect(exported[f], f).toBeLessThan(driftPsiThreshold);
    } finally {
      await server.close();
    }
  });

  it("forgets rows older than the window: after the window's worth of training rows the PSI is theirs alone", async () => {
    const windowRows = 60;
    const server = await serve({ windowRows });
    try {
      await send(server.url, future);
      const drifted = await exportedPsi(server.url);
      expect(drifted.model_year).toBeGreaterThan(driftPsiThreshold);
      const recent = trainSample.slice(0, windowRows);
      await send(server.url, recent);
      expectSame(await exportedPsi(server.url), driftPsi(recent, "window-sent"));
    } finally {
      await server.close();
    }
  });

  it("sums the workers' windows under --workers and exports the PSI of all their rows", async () => {
    const server = await serve({ workers: 2 });
    try {
      // Connections are handed to the workers in turn: each request on a new connection.
      await send(server.url, future, 5);
      const exported = await exportedPsi(server.url);
      expectSame(exported, driftPsi(future, "future-cluster-sent"));
    } finally {
      await server.close();
    }
  });

  it("refuses a drift reference that is not a profile, naming the file", async () => {
    const bad = trained.path("not-a-profile.json");
    writeFileSync(bad, JSON.stringify({ rows: 3 }));
    await expect(readProfileFile(bad)).rejects.toThrow(/not a reference profile/);
    const served = runCli(["serve", "fuel-efficiency", "--drift-reference", bad], { cwd: trained.dir });
    expect(served.code).not.toBe(0);
    expect(served.stderr).toMatch(/not-a-profile\.json.*not a reference profile|not a reference profile/);
  });
});

describe("the live drift window, fuzzed", () => {
  const numeric = (edges: number[]): NumericProfile => ({
    kind: "numeric",
    count: 10,
    nulls: 0,
    distinct: 10,
    min: null,
    max: null,
    mean: null,
    std: null,
    percentiles: {},
    sketch: [],
    histogram: { edges, counts: [...edges.map(() => 1), 1] },
  });
  const fakeModel = (type: "float64" | "string") =>
    ({
      inputs: [{ name: "x", type, width: 1, shape: [-1, 1], datatype: "" }],
      metadata: {},
      nullString: "",
    }) as unknown as LoadedModel;

  it("holds exactly the bins of the last rows, counted as `value <= edge` like DuckDB's histogram", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 9 }),
        fc.array(fc.array(fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }), { maxLength: 20 }), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 40 }),
        async (rawEdges, requests, windowRows) => {
          const edges = [...rawEdges].sort((a, b) => a - b);
          const drift = new LiveDrift({
            reference: { schema: "1", data: { file: "r", rows: 10 }, columns: { x: numeric(edges) } },
            windowRows,
          });
          const model = fakeModel("float64");
          drift.use(model);
          const all: (number | null)[] = [];
          for (const rows of requests) {
            drift.observe(model, [Float64Array.from(rows, (v) => v ?? Number.NaN)], rows.length);
            all.push(...rows);
          }
          const expected = new Array(edges.length + 1).fill(0);
          for (const v of all.slice(Math.max(0, all.length - windowRows))) {
            if (v === null) continue;
            const bin = edges.findIndex((e) => v <= e);
            expected[bin < 0 ? edges.length : bin]++;
          }
          const metric = drift.metrics().find((m) => m.name === driftMetricNames.windowRows);
          const got = await metric?.get();
          expect(got?.values.map((v) => v.value)).toEqual(expected);
          expect(drift.psiByFeature().x).toBe(psi([...edges.map(() => 1), 1], expected));
        },
      ),
      { seed: 2401, numRuns: 300 },
    );
  });

  it("puts categories outside the reference's top values in (other), and skips the null string", async () => {
    const drift = new LiveDrift({
      reference: {
        schema: "1",
        data: { file: "r", rows: 3 },
        columns: {
          x: {
            kind: "categorical",
            count: 3,
            nulls: 0,
            distinct: 2,
            top: [{ value: "a", count: 2 }],
            other: 1,
          },
        },
      },
    });
    const model = fakeModel("string");
    drift.use(model);
    drift.observe(model, [["a", "b", "", "c", "a"]], 5);
    const metric = drift.metrics().find((m) => m.name === driftMetricNames.windowRows);
    const got = await metric?.get();
    expect(got?.values).toEqual([
      { value: 2, labels: { feature: "x", bin: "a" } },
      { value: 2, labels: { feature: "x", bin: otherBin } },
    ]);
  });
});
