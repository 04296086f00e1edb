import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestResult, ShadowReport } from "../src/feedback/index.js";
import type { MonitorResult } from "../src/monitor/index.js";
import { type CliResult, repoRoot, runCli } from "./support/cli.js";
import { gitIn, tempDir } from "./support/repo.js";
import {
  fuelEfficiencyFeatures,
  type TrainedPipelines,
  trainPipelines,
} from "./support/trained-pipelines.js";

/**
 * The feedback loop on real parts: fuel-efficiency trained on the vega-datasets cars in a clone of
 * this repository, registered and promoted to prod, served by `mlops serve` with a prediction log;
 * outcomes for the answered requests are joined back with `mlops feedback ingest`, and the labelled
 * snapshot goes to `mlops monitor`, whose metric-decay rule (the project's card: rmse may be 20%
 * worse than recorded) fires on the 1980–82 cars and stays quiet on the training years.
 */
const bin = fileURLToPath(new URL("../bin/mlops.js", import.meta.url));
const features = fuelEfficiencyFeatures;

type Car = Record<string, string | number | null>;

let trained: TrainedPipelines;
let scratch: { dir: string; cleanup: () => void };
let dir: string;
let log: string;
let recent: Car[];
let fresh: Car[];
/** v1.0.0's ONNX file, kept aside: the pipeline's output is retrained later. */
let prodModel: string;

function mlops(cwd: string, ...args: string[]): CliResult {
  return runCli(args, { cwd, env: { GITHUB_ACTIONS: "", CI: process.env.CI ?? "" } });
}

function must(cwd: string, ...args: string[]): CliResult {
  const r = mlops(cwd, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")} failed (${r.code}): ${r.stderr}`);
  return r;
}

function startServe(cwd: string, ...args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [bin, "serve", ...args, "--port", "0", "--json"],
    { cwd },
  );
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const ready = new Promise<{ url: string }>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(JSON.parse(line));
    });
    child.on("exit", (code) => reject(new Error(`mlops serve exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, ready, exited };
}

async function predict(url: string, requestId: string, cars: Car[]): Promise<void> {
  const records = cars.map((c) => Object.fromEntries(features.map((f) => [f, c[f] ?? null])));
  const res = await fetch(`${url}/predict`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify({ records }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("x-request-id")).toBe(requestId);
  await res.arrayBuffer();
}

function jsonl(rows: unknown[]): string {
  return `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
}

function ingest(...args: string[]): CliResult {
  return mlops(dir, "feedback", "ingest", ...args);
}

beforeAll(async () => {
  trained = trainPipelines(["fuel-efficiency"]);
  scratch = tempDir("mlops-feedback-");
  dir = trained.dir;
  const remote = join(scratch.dir, "remote.git");
  gitIn(scratch.dir, "init", "-q", "--bare", "-b", "main", remote);
  gitIn(dir, "remote", "set-url", "origin", remote);
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  copyFileSync(
    join(repoRoot, "models/fuel-efficiency/model.yaml"),
    join(dir, "models/fuel-efficiency/model.yaml"),
  );
  gitIn(dir, "add", "models");
  gitIn(dir, "commit", "-q", "--allow-empty", "-m", "the project's model card");
  gitIn(dir, "push", "-q", "origin", "HEAD:main");
  must(dir, "register", "fuel-efficiency");
  for (const stage of ["dev", "staging", "prod"])
    must(dir, "promote", "fuel-efficiency", "v1.0.0", "--to", stage);
  const split = (f: string) =>
    JSON.parse(readFileSync(trained.path(`pipelines/fuel-efficiency/data/${f}`), "utf8"));
  prodModel = join(scratch.dir, "prod.onnx");
  copyFileSync(trained.path("pipelines/fuel-efficiency/model.onnx"), prodModel);
  recent = split("future.json");
  fresh = split("test.json");

  log = join(scratch.dir, "predictions.jsonl");
  const server = startServe(dir, "fuel-efficiency#prod", "--prediction-log", log, "--sample-rate", "1");
  try {
    const { url } = await server.ready;
    // One request per car, as a client scoring cars one at a time would; then one three-car request.
    await Promise.all(recent.map((car, i) => predict(url, `recent-${i}`, [car])));
    await Promise.all(fresh.map((car, i) => predict(url, `fresh-${i}`, [car])));
    await predict(url, "fleet-1", fresh.slice(0, 3));
  } finally {
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }
}, 180_000);

afterAll(() => {
  trained?.cleanup();
  scratch?.cleanup();
});

/** `mlops evaluate` of the version prod serves (v1.0.0) on a file, flattened to its top-level numbers. */
function evaluateOn(file: string): Record<string, number> {
  const r = must(dir, "evaluate", prodModel, "--data", file, "--json");
  const metrics = (r.json() as { metrics: Record<string, unknown> }).metrics;
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => typeof v === "number")) as Record<
    string,
    number
  >;
}

describe("mlops feedback ingest", () => {
  it("joins outcomes of a served batch into live metrics equal to mlops evaluate on the same rows, counting what it leaves out", () => {
    const outcomes = [
      ...recent.map((car, i) => ({ request_id: `recent-${i}`, mpg: car.mpg })),
      // the same outcome sent twice, an id the server never answered, one observed a year later, one
      // observed before the prediction was made
      { request_id: "recent-0", mpg: 99 },
      { request_id: "never-served", mpg: 20 },
      { request_id: "fresh-0", mpg: fresh[0]?.mpg, time: "2099-01-01T00:00:00Z" },
      { request_id: "fresh-1", mpg: fresh[1]?.mpg, time: "2000-01-01T00:00:00Z" },
    ];
    writeFileSync(join(dir, "outcomes.jsonl"), jsonl(outcomes));
    const r = ingest(
      "outcomes.jsonl",
      "--log",
      log,
      "--out",
      "data/cars-live.json",
      "--window",
      "7d",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const result = r.json() as IngestResult;
    expect(result.counts).toEqual({
      outcomes: recent.length + 4,
      joined: recent.length,
      duplicate: 1,
      unknown: 1,
      ambiguous: 0,
      late: 1,
      before_prediction: 1,
      unlabelled: recent.length + fresh.length + 3 - recent.length,
    });
    expect(result.examples).toMatchObject({
      duplicate: ["recent-0"],
      unknown: ["never-served"],
      late: ["fresh-0"],
      before_prediction: ["fresh-1"],
    });
    expect(result.window_seconds).toBe(7 * 86400);
    const snapshot = JSON.parse(readFileSync(join(dir, "data/cars-live.json"), "utf8")) as Car[];
    expect(snapshot).toHaveLength(recent.length);
    expect(snapshot.map((row) => row.mpg)).toEqual(recent.map((car) => car.mpg));
    expect(result.live).toHaveLength(1);
    const live = result.live[0];
    expect(live).toMatchObject({
      model: "fuel-efficiency",
      version: "v1.0.0",
      target: "mpg",
      rows: recent.length,
    });
    // The same cars, with their true mpg, straight from the pipeline's split.
    writeFileSync(join(dir, "recent-direct.json"), JSON.stringify(recent));
    const expected = evaluateOn("recent-direct.json");
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["rmse", "mae", "r2", "mape", "n"]));
    expect(expected.rmse).toBeGreaterThan(0);
    for (const key of ["rmse", "mae", "r2", "mape", "n"]) expect(live?.metrics[key], key).toBe(expected[key]);
  });

  it("reads outcomes from a URL, and from a data manifest whose recorded source it fetches afresh", async () => {
    // A real HTTP server in its own process (the CLI runs synchronously here), serving files on loopback.
    const served = join(scratch.dir, "served");
    mkdirSync(served, { recursive: true });
    const server = spawn(
      process.execPath,
      [
        "-e",
        `const http = require("node:http"); const fs = require("node:fs"); const path = require("node:path");
         const s = http.createServer((q, a) => fs.readFile(path.join(${JSON.stringify(served)}, path.basename(q.url)),
           (e, b) => { if (e) { a.statusCode = 404; a.end(); } else a.end(b); }));
         s.listen(0, "127.0.0.1", () => console.log(s.address().port));`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const [chunk] = (await once(server.stdout, "data")) as [Buffer];
      const base = `http://127.0.0.1:${Number(chunk.toString().trim())}`;
      const all = recent.map((car, i) => ({ request_id: `recent-${i}`, mpg: car.mpg }));
      writeFileSync(join(served, "labels.jsonl"), jsonl(all));

      const fromUrl = ingest(`${base}/labels.jsonl`, "--log", log, "--out", "data/from-url.json", "--json");
      expect(fromUrl.code, fromUrl.stderr).toBe(0);
      const byUrl = fromUrl.json() as IngestResult;
      expect(byUrl.outcomes).toMatchObject({ source: `${base}/labels.jsonl`, format: "jsonl" });
      expect(byUrl.counts.joined).toBe(recent.length);

      // Imported once, the manifest records the URL; later labels land at the source.
      const imported = mlops(dir, "data", "import", `${base}/labels.jsonl`, "data/labels.jsonl");
      expect(imported.code, imported.stderr).toBe(0);
      const half = all.slice(0, Math.ceil(all.length / 2));
      writeFileSync(join(served, "labels.jsonl"), jsonl(half));
      const fromManifest = ingest(
        "data/labels.dvc",
        "--log",
        log,
        "--out",
        "data/from-manifest.json",
        "--json",
      );
      expect(fromManifest.code, fromManifest.stderr).toBe(0);
      const byManifest = fromManifest.json() as IngestResult;
      expect(byManifest.outcomes.source).toBe(`data/labels.dvc (${base}/labels.jsonl)`);
      // What the source holds now, not the workspace copy made at import.
      expect(byManifest.counts.joined).toBe(half.length);

      // A manifest that records no source says so, naming its field, and writes nothing.
      writeFileSync(join(dir, "data/kept-labels.jsonl"), jsonl(half));
      const added = mlops(dir, "data", "add", "data/kept-labels.jsonl");
      expect(added.code, added.stderr).toBe(0);
      const none = ingest("data/kept-labels.dvc", "--log", log, "--out", "data/none.json");
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/kept-labels\.dvc.*source/s);
      expect(existsSync(join(dir, "data/none.json"))).toBe(false);
    } finally {
      server.kill();
    }
  });

  it("reads CSV from standard input and joins a row of a multi-row request", () => {
    const csv = [
      "request_id,row,mpg",
      ...[0, 1, 2].map((row) => `fleet-1,${row},${fresh[row]?.mpg}`),
      `fleet-1,3,20`,
      ...fresh.slice(3).map((car, i) => `fresh-${i + 3},,${car.mpg}`),
    ].join("\n");
    const r = spawnSync(
      process.execPath,
      [
        bin,
        "feedback",
        "ingest",
        "-",
        "--format",
        "csv",
        "--log",
        log,
        "--out",
        "data/cars-fresh-live.json",
        "--json",
      ],
      { cwd: dir, input: csv, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as IngestResult;
    expect(result.counts).toMatchObject({ joined: fresh.length, unknown: 1 });
    expect(result.examples.unknown).toEqual(["fleet-1 row 3"]);
    expect(result.outcomes).toMatchObject({ source: "standard input", format: "csv" });
    const rows = [...fresh.slice(0, 3), ...fresh.slice(3)];
    writeFileSync(join(dir, "fresh-direct.json"), JSON.stringify(rows));
    const expected = evaluateOn("fresh-direct.json");
    expect(expected.rmse).toBeGreaterThan(0);
    expect(result.live[0]?.metrics.rmse).toBe(expected.rmse);
  });

  it("refuses malformed outcomes with file:line: field, exit 1, and writes nothing", () => {
    writeFileSync(
      join(dir, "bad.jsonl"),
      `${jsonl([
        { request_id: "recent-0", mpg: 20 },
        { request_id: "recent-1", mpg: 21 },
      ])}{"request_id": 7, "mpg": 3}\n`,
    );
    const r = ingest("bad.jsonl", "--log", log, "--out", "data/never.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.jsonl:3: request_id: expected the request id");
    expect(existsSync(join(dir, "data/never.json"))).toBe(false);

    writeFileSync(
      join(dir, "bad.csv"),
      "request_id,mpg,time\nrecent-0,20,\nrecent-1,abc-but-fine,yesterday\n",
    );
    const c = ingest("bad.csv", "--log", log, "--out", "data/never.json");
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("bad.csv:3: time: expected an ISO 8601 time with a zone");
    expect(existsSync(join(dir, "data/never.json"))).toBe(false);

    writeFileSync(join(dir, "nomatch.jsonl"), jsonl([{ request_id: "nobody", mpg: 1 }]));
    const n = ingest("nomatch.jsonl", "--log", log, "--out", "data/never.json", "--json");
    expect(n.code).toBe(1);
    expect(n.stderr).toContain("1 unknown");
    expect(existsSync(join(dir, "data/never.json"))).toBe(false);

    const w = ingest("nomatch.jsonl", "--log", log, "--out", "data/never.json", "--window", "soon");
    expect(w.code).toBe(2);
    expect(w.stderr).toContain("--window: expected a duration");
  });

  it("feeds the monitor: the metric-decay rule fires on the 1980–82 cars' outcomes and not on the training years'", () => {
    must(dir, "data", "add", "data/cars-live.json");
    must(dir, "data", "add", "data/cars-fresh-live.json");
    const monitor = (current: string) => {
      const r = mlops(dir, "monitor", "fuel-efficiency#prod", "--current", current, "--json");
      expect(r.code, r.stderr).toBe(0);
      return r.json() as MonitorResult;
    };
    const ingested = JSON.parse(
      ingest("outcomes.jsonl", "--log", log, "--out", "data/cars-live.json", "--window", "7d", "--json")
        .stdout,
    ) as IngestResult;
    const decayed = monitor("cars-live");
    expect(decayed.decay).toMatchObject({ metric: "rmse", fires: true });
    expect(decayed.decay?.current).toBe(ingested.live[0]?.metrics.rmse);
    expect(decayed.fires).toBe(true);
    expect(decayed.reasons.join(" ")).toContain("rmse of fuel-efficiency@v1.0.0 on cars-live");
    const steady = monitor("cars-fresh-live");
    expect(steady.decay?.fires).toBe(false);
    expect(steady.decay?.current).not.toBeNull();
  });

  it("explains itself in --help", () => {
    const r = mlops(dir, "feedback", "ingest", "--help");
    expect(r.code).toBe(0);
    for (const word of [
      "--log",
      "--out",
      "--window",
      "duplicate",
      "unknown",
      "late",
      "before_prediction",
      "X-Request-Id",
    ])
      expect(r.stdout).toContain(word);
  });
});

describe("shadow traffic of a candidate version on the served cars", () => {
  let shadowLog: string;
  let sampled: string[];
  let candidateModel: string;

  beforeAll(async () => {
    // A candidate: the same pipeline with fewer trees, registered as v1.1.0 and promoted to staging.
    const params = trained.path("pipelines/fuel-efficiency/params.yaml");
    writeFileSync(params, readFileSync(params, "utf8").replace("trees: 300", "trees: 60"));
    must(dir, "run", "fuel-efficiency");
    gitIn(dir, "add", "-A", "pipelines");
    gitIn(dir, "commit", "-q", "-m", "fewer trees");
    gitIn(dir, "push", "-q", "origin", "HEAD:main");
    must(dir, "register", "fuel-efficiency");
    for (const stage of ["dev", "staging"]) must(dir, "promote", "fuel-efficiency", "v1.1.0", "--to", stage);
    candidateModel = join(scratch.dir, "candidate.onnx");
    copyFileSync(trained.path("pipelines/fuel-efficiency/model.onnx"), candidateModel);

    shadowLog = join(scratch.dir, "shadow.jsonl");
    const { inShadowSample } = await import("../src/serve/index.js");
    sampled = fresh.map((_, i) => `shadowed-${i}`).filter((id) => inShadowSample(id, 0.5));
    const server = startServe(
      dir,
      "fuel-efficiency#prod",
      "--shadow",
      "fuel-efficiency@v1.1.0",
      "--shadow-fraction",
      "0.5",
      "--prediction-log",
      shadowLog,
      "--sample-rate",
      "1",
    );
    try {
      const { url } = await server.ready;
      await Promise.all(fresh.map((car, i) => predict(url, `shadowed-${i}`, [car])));
    } finally {
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  }, 180_000);

  it("logs the candidate's predictions on its sample, equal to mlops evaluate of that version on the same rows", () => {
    const lines = readFileSync(shadowLog, "utf8")
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            request_id: string;
            version: string;
            shadow?: boolean;
            inputs: Car[];
            outputs: number[];
          },
      );
    const answers = lines.filter((l) => !l.shadow);
    const shadows = lines.filter((l) => l.shadow);
    expect(answers).toHaveLength(fresh.length);
    expect(answers.every((l) => l.version === "v1.0.0")).toBe(true);
    expect(shadows.map((l) => l.request_id).sort()).toEqual([...sampled].sort());
    expect(shadows.every((l) => l.version === "v1.1.0")).toBe(true);
    const rows = shadows.flatMap((l) => l.inputs.map((row) => ({ ...row, mpg: 0 })));
    writeFileSync(join(dir, "shadowed-rows.json"), JSON.stringify(rows));
    const predictions = join(scratch.dir, "candidate-predictions.json");
    must(dir, "evaluate", candidateModel, "--data", "shadowed-rows.json", "--predictions", predictions);
    const evaluated = (JSON.parse(readFileSync(predictions, "utf8")) as { values: number[] }).values;
    expect(evaluated).toHaveLength(sampled.length);
    expect(shadows.flatMap((l) => l.outputs.map((v) => Math.fround(v)))).toEqual(evaluated);
  });

  it("mlops report --shadow sums up agreement and latency, and with outcomes evaluates both versions on the shadowed rows", () => {
    writeFileSync(
      join(dir, "shadow-outcomes.jsonl"),
      jsonl(fresh.map((car, i) => ({ request_id: `shadowed-${i}`, mpg: car.mpg }))),
    );
    const r = mlops(dir, "report", "--shadow", shadowLog, "--outcomes", "shadow-outcomes.jsonl", "--json");
    expect(r.code, r.stderr).toBe(0);
    const report = r.json() as ShadowReport;
    expect(report.candidates).toHaveLength(1);
    const c = report.candidates[0] as ShadowReport["candidates"][number];
    expect(c).toMatchObject({
      model: "fuel-efficiency",
      version: "v1.1.0",
      served: [{ model: "fuel-efficiency", version: "v1.0.0" }],
      requests: sampled.length,
      rows: sampled.length,
      unpaired: 0,
    });
    expect(c.agreement).toBeGreaterThan(0.5);
    expect(c.latency_seconds.p99).toBeGreaterThan(0);
    expect(c.outcomes?.rows).toBe(sampled.length);
    const shadowedCars = fresh.filter((_, i) => sampled.includes(`shadowed-${i}`));
    writeFileSync(join(dir, "shadowed-cars.json"), JSON.stringify(shadowedCars));
    const candidate = must(
      dir,
      "evaluate",
      candidateModel,
      "--data",
      "shadowed-cars.json",
      "--json",
    ).json() as {
      metrics: { rmse: number };
    };
    expect(c.outcomes?.shadow.rmse).toBe(candidate.metrics.rmse);
    expect(c.outcomes?.served.rmse).toBe(evaluateOn("shadowed-cars.json").rmse);
    writeFileSync(join(scratch.dir, "shadow-summary.json"), r.stdout);

    const human = mlops(dir, "report", "--shadow", shadowLog);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain("shadow fuel-efficiency v1.1.0 against fuel-efficiency v1.0.0");
  });

  it("a card asking for a shadow period refuses a release whose candidate ran on too few requests", () => {
    const card = join(dir, "models/fuel-efficiency/model.yaml");
    writeFileSync(card, `${readFileSync(card, "utf8")}shadow:\n  min_requests: 1000\n  min_agreement: 0.5\n`);
    gitIn(dir, "commit", "-q", "-am", "a shadow period before prod");
    gitIn(dir, "tag", "v9.0.0");
    const summary = join(scratch.dir, "shadow-summary.json");
    const refused = mlops(dir, "flow", "release", "v9.0.0", "--main", "HEAD", "--shadow-summary", summary);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `fuel-efficiency: v1.1.0 ran in the shadow on ${sampled.length} requests, fewer than the 1000 the card asks for`,
    );
    const none = mlops(dir, "flow", "release", "v9.0.0", "--main", "HEAD");
    expect(none.stderr).toContain("no shadow summary covers v1.1.0");
    writeFileSync(join(scratch.dir, "bad-summary.json"), '{"log": "x", "candidates": [{"model": "m"}]}');
    const bad = mlops(
      dir,
      "flow",
      "release",
      "v9.0.0",
      "--main",
      "HEAD",
      "--shadow-summary",
      join(scratch.dir, "bad-summary.json"),
    );
    expect(bad.stderr).toContain("bad-summary.json: candidates.0.version: not a shadow summary");
  });

  it("refuses --shadow with several workers", () => {
    const r = mlops(
      dir,
      "serve",
      "fuel-efficiency#prod",
      "--shadow",
      "fuel-efficiency@v1.1.0",
      "--workers",
      "2",
      "--port",
      "0",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--shadow runs in one server process");
  });
});
