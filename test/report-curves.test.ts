import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classificationCurves, type Evaluation, evaluateModel } from "../src/evaluate/index.js";
import {
  type CurveSet,
  curveSeriesOf,
  maxCurvePoints,
  renderHtml,
  renderMarkdown,
  reportDocument,
} from "../src/report/index.js";
import type { Table } from "../src/table/index.js";
import { exportOnnx, trainModel, trainSpec } from "../src/train/index.js";
import { repoRoot } from "./support/cli.js";
import { tempDir } from "./support/repo.js";
import { requireBrowser } from "./support/tools.js";

/** The penguins of vega-datasets, every other row to train and the rest to test. */
function penguins(): { train: Table; test: Table } {
  const file = join(repoRoot, "node_modules", "vega-datasets", "data", "penguins.json");
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];
  const rows = raw.map((p) => ({
    species: p.Species as string,
    island: p.Island as string,
    beak_length_mm: p["Beak Length (mm)"] as number | null,
    beak_depth_mm: p["Beak Depth (mm)"] as number | null,
    flipper_length_mm: p["Flipper Length (mm)"] as number | null,
    body_mass_g: p["Body Mass (g)"] as number | null,
    sex: p.Sex === "." ? null : (p.Sex as string | null),
  }));
  const columns = Object.keys(rows[0] ?? {});
  return {
    train: { file: "train.json", columns, rows: rows.filter((_, i) => i % 2 === 0) },
    test: { file: "test.json", columns, rows: rows.filter((_, i) => i % 2 === 1) },
  };
}

const features = {
  numeric: ["beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g"],
  categorical: ["island", "sex"],
};

interface SklearnCurves {
  roc?: { fpr: number[]; tpr: number[] };
  pr?: { precision: number[]; recall: number[] };
  calibration?: { prob_true: number[]; prob_pred: number[] };
}

function sklearnCurves(cases: { y: number[]; s: number[]; bins: number }[]): SklearnCurves[] {
  const out = execFileSync(
    "sh",
    [
      "scripts/python/venv-run.sh",
      "scripts/compare/requirements.txt",
      "python3",
      "scripts/compare/sklearn-curves.py",
    ],
    { cwd: repoRoot, input: JSON.stringify(cases), encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 },
  );
  return JSON.parse(out) as SklearnCurves[];
}

let work: { dir: string; cleanup: () => void };
let test: Table;
const evaluations = new Map<string, Evaluation>();

beforeAll(async () => {
  work = tempDir("mlops-curves-");
  const split = penguins();
  test = split.test;
  // Two real classifiers of different quality, exported to ONNX and evaluated with onnxruntime.
  for (const [label, model] of [
    ["this PR", { model: "gbdt", gbdt: { trees: 12, max_depth: 3, min_samples_leaf: 5 } }],
    ["base main", { model: "logistic", alpha: 30 }],
  ] as const) {
    const spec = trainSpec.parse({ target: "species", task: "classification", features, seed: 5, ...model });
    const file = join(work.dir, `${label.replace(/ /g, "-")}.onnx`);
    writeFileSync(file, exportOnnx(trainModel(split.train, spec, { producerVersion: "test" })));
    evaluations.set(label, await evaluateModel(file, test));
  }
}, 120_000);
afterAll(() => work?.cleanup());

/** Class indices of the test rows and their probabilities, as the evaluation saw them. */
function predictionsOf(e: Evaluation): { actual: number[]; proba: number[]; classes: string[] } {
  const classes = e.predictions.classes ?? [];
  const actual: number[] = [];
  const proba: number[] = [];
  test.rows.forEach((row, i) => {
    if (row.species === null || row.species === undefined) return;
    actual.push(classes.indexOf(String(row.species)));
    proba.push(...(e.predictions.probabilities?.[i] ?? []));
  });
  return { actual, proba, classes };
}

describe("classifier curves in the report", () => {
  it("are scikit-learn's roc_curve, precision_recall_curve and calibration_curve on the models' own predictions, to 1e-9", {
    timeout: 600_000,
  }, async () => {
    const cases: { y: number[]; s: number[]; bins: number }[] = [];
    const ours: ReturnType<typeof classificationCurves>[string][] = [];
    const drawn: NonNullable<CurveSet["series"][0]["classes"]>[number][] = [];
    for (const [label, e] of evaluations) {
      const { actual, proba, classes } = predictionsOf(e);
      expect(classes).toEqual(["Adelie", "Chinstrap", "Gentoo"]);
      const full = classificationCurves(actual, proba, classes);
      const series = await curveSeriesOf(label, e, test);
      classes.forEach((name, c) => {
        cases.push({
          y: actual.map((a) => (a === c ? 1 : 0)),
          s: actual.map((_, i) => proba[i * classes.length + c] as number),
          bins: 10,
        });
        ours.push(full[name] as (typeof ours)[0]);
        drawn.push(series.classes?.[c] as (typeof drawn)[0]);
      });
    }
    const refs = sklearnCurves(cases);
    const within = (got: number[], want: number[] | undefined, what: string) => {
      expect(got.length, what).toBe(want?.length);
      got.forEach((g, i) => {
        expect(Math.abs(g - (want?.[i] as number)), `${what}[${i}]`).toBeLessThanOrEqual(1e-9);
      });
    };
    refs.forEach((ref, k) => {
      const mine = ours[k] as (typeof ours)[0];
      within(
        mine.roc.map((p) => p.fpr),
        ref.roc?.fpr,
        `curve ${k} fpr`,
      );
      within(
        mine.roc.map((p) => p.tpr),
        ref.roc?.tpr,
        `curve ${k} tpr`,
      );
      const pr = [...mine.precision_recall].reverse();
      within(
        pr.map((p) => p.precision),
        ref.pr?.precision,
        `curve ${k} precision`,
      );
      within(
        pr.map((p) => p.recall),
        ref.pr?.recall,
        `curve ${k} recall`,
      );
      within(
        mine.calibration.map((b) => b.fraction_positive),
        ref.calibration?.prob_true,
        `curve ${k} prob_true`,
      );
      within(
        mine.calibration.map((b) => b.mean_predicted),
        ref.calibration?.prob_pred,
        `curve ${k} prob_pred`,
      );
      // What the report carries is scikit-learn's curve thinned to its cap: every point is one of
      // scikit-learn's, in order, both ends kept.
      const series = drawn[k] as (typeof drawn)[0];
      expect(series.roc.length).toBeLessThanOrEqual(maxCurvePoints);
      const fpr = ref.roc?.fpr ?? [];
      const tpr = ref.roc?.tpr ?? [];
      let at = 0;
      for (const [x, y] of series.roc) {
        while (at < fpr.length && !(fpr[at] === x && tpr[at] === y)) at++;
        expect(at, `curve ${k}: drawn ROC point (${x}, ${y}) is on scikit-learn's curve`).toBeLessThan(
          fpr.length,
        );
      }
      expect(series.roc[0]).toEqual([0, 0]);
      expect(series.roc.at(-1)).toEqual([1, 1]);
      expect(series.calibration.map(([x, y]) => [x, y])).toEqual(
        mine.calibration.map((b) => [b.mean_predicted, b.fraction_positive]),
      );
    });
  });

  it("draws ROC, precision-recall and calibration per class with both models overlaid, in headless Chromium", {
    timeout: 120_000,
  }, async () => {
    const series = [];
    for (const [label, e] of evaluations) series.push(await curveSeriesOf(label, e, test));
    const set: CurveSet = {
      model: "penguins",
      task: "classification",
      data: "test.json",
      rows: test.rows.length,
      series,
      notes: ["staging v1.0.0: not in the local store"],
    };
    const doc = reportDocument.parse({
      schema: "mlops-report/1",
      head: { ref: "pr", sha: null },
      base: { ref: "main", sha: null },
      data: [],
      pipelines: [
        {
          pipeline: "penguins",
          metrics: [],
          params: [],
          gates: [],
          validation: [],
          confusion: [],
          residuals: [],
          curves: [set],
        },
      ],
    });
    // The document stays well within what the comment job accepts.
    expect(JSON.stringify(doc).length).toBeLessThan(200_000);
    const html = renderHtml(doc);
    const file = join(work.dir, "report-curves.html");
    writeFileSync(file, html);

    const { launch } = await import("puppeteer-core");
    const browser = await launch({
      executablePath: requireBrowser(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warn") problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
      await page.goto(`file://${file}`, { waitUntil: "load" });
      const charts = await page.$$eval("svg.curve-chart", (svgs) =>
        svgs.map((svg) => {
          const frame = svg.querySelector("rect");
          const at = (name: string) => Number(frame?.getAttribute(name));
          const box = svg.getBoundingClientRect();
          return {
            label: svg.getAttribute("aria-label") ?? "",
            w: box.width,
            h: box.height,
            frame: { x: at("x"), y: at("y"), w: at("width"), h: at("height") },
            lines: [...svg.querySelectorAll("polyline.curve")].map((line) => {
              const b = line.getBoundingClientRect();
              const pts = (line.getAttribute("points") ?? "")
                .trim()
                .split(/\s+/)
                .map((xy: string) => xy.split(",").map(Number));
              return { series: line.getAttribute("data-series"), pts, w: b.width, h: b.height };
            }),
            dots: svg.querySelectorAll("circle.point").length,
          };
        }),
      );
      const labels = charts.map((c) => c.label);
      for (const name of ["Adelie", "Chinstrap", "Gentoo"]) {
        for (const kind of ["ROC", "precision-recall", "calibration"])
          expect(labels, `${kind}: ${name}`).toContain(`${kind}: ${name}`);
      }
      expect(charts.length).toBe(9);
      for (const chart of charts) {
        expect(chart.w * chart.h, `${chart.label} is laid out`).toBeGreaterThan(0);
        // Both models are drawn in every chart, each as a visible line.
        expect(chart.lines.map((l) => l.series).sort(), chart.label).toEqual(["base main", "this PR"]);
        for (const line of chart.lines) expect(line.w + line.h, chart.label).toBeGreaterThan(1);
        if (chart.label.startsWith("calibration")) expect(chart.dots).toBeGreaterThan(0);
        if (chart.label.startsWith("ROC")) {
          // (0, 0) is the frame's bottom-left corner and (1, 1) its top-right: the data is on scale.
          const { x, y, w, h } = chart.frame;
          for (const line of chart.lines) {
            const [first, last] = [line.pts[0] as number[], line.pts.at(-1) as number[]];
            expect(first[0]).toBeCloseTo(x, 0);
            expect(first[1]).toBeCloseTo(y + h, 0);
            expect(last[0]).toBeCloseTo(x + w, 0);
            expect(last[1]).toBeCloseTo(y, 0);
          }
        }
      }
      expect(await page.$eval("body", (b) => b.textContent ?? "")).toContain(
        "Not drawn: staging v1.0.0: not in the local store",
      );
      const shots = join(repoRoot, "mlops-report");
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, "report-classification-curves.png"), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("curve charts under generated documents", () => {
  const label = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      "@octocat [x](https://e.x)",
    ),
  );
  const extreme = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 5e-324, -1.7976931348623157e308, 1.7976931348623157e308),
  );
  const pair = fc.tuple(extreme, extreme);
  const unitPair = fc.tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );
  const series = fc.record({
    label,
    classes: fc.array(
      fc.record({
        class: label,
        roc: fc.array(unitPair, { maxLength: 6 }),
        precision_recall: fc.array(unitPair, { maxLength: 6 }),
        calibration: fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.nat(50),
          ),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 3 },
    ),
    points: fc.array(pair, { maxLength: 8 }),
  });
  const set = fc.record({
    model: label,
    task: fc.constantFrom("classification" as const, "regression" as const),
    data: label,
    rows: fc.nat(1000),
    series: fc.array(series, { maxLength: 4 }),
    notes: fc.array(label, { maxLength: 2 }),
  });

  it("render every valid curve set with finite coordinates and every string inert", () => {
    fc.assert(
      fc.property(set, (curves) => {
        const doc = reportDocument.parse({
          schema: "mlops-report/1",
          head: { ref: "pr", sha: null },
          base: { ref: "main", sha: null },
          data: [],
          pipelines: [
            {
              pipeline: "p",
              metrics: [],
              params: [],
              gates: [],
              validation: [],
              confusion: [],
              residuals: [],
              curves: [curves],
            },
          ],
        });
        const html = renderHtml(doc);
        // No coordinate or tick overflowed or divided by zero.
        expect(html).not.toMatch(/(points|x|y|x1|y1|x2|y2|cx|cy)="[^"]*(NaN|Infinity)/);
        // Untrusted strings never become markup.
        expect(html).not.toMatch(/<script|<img/i);
        const md = renderMarkdown(doc);
        expect(md).not.toMatch(/<script|<img|\]\(https:/i);
      }),
      { seed: 21, numRuns: 400, interruptAfterTimeLimit: 30_000 },
    );
  });
});
