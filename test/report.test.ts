import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Marked } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMlopsError } from "../src/errors/index.js";
import {
  parseUntrustedReport,
  type ReportDocument,
  renderHtml,
  renderMarkdown,
  reportDocument,
} from "../src/report/index.js";
import { Cache } from "../src/store/index.js";
import { cli, createToyRepo, runAndCommit, setParam, type ToyRepo } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";
import { requireBrowser } from "./support/tools.js";

const gfm = new Marked({ gfm: true });

/** The rows of every table in rendered HTML, as cell texts. */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] as string).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...(r[1] as string).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] as string),
    ),
  );
}

let repo: ToyRepo;
beforeAll(() => {
  repo = createToyRepo();
  const dir = repo.dir;
  for (const args of [
    ["register", "toy"],
    ["promote", "toy", "v1.0.0", "--to", "dev"],
    ["promote", "toy", "v1.0.0", "--to", "staging"],
    ["promote", "toy", "v1.0.0", "--to", "prod"],
  ]) {
    const r = cli(dir, ...args);
    if (r.code !== 0) throw new Error(`mlops ${args.join(" ")}: ${r.stderr}`);
  }
  // The pull request: a branch with another alpha, run but not merged.
  gitIn(dir, "checkout", "-q", "-b", "pr");
  setParam(dir, 40);
  runAndCommit(dir, "alpha 40");
}, 180_000);
afterAll(() => repo?.cleanup());

describe("the pull-request report", () => {
  it("compares the PR with main, staging and prod on the same data, with gates and params", {
    timeout: 120_000,
  }, () => {
    const dir = repo.dir;
    const r = cli(
      dir,
      "report",
      "--base",
      "main",
      "--out",
      "report.json",
      "--html",
      "report.html",
      "--markdown",
      "report.md",
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = reportDocument.parse(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")));
    expect(doc.base.sha).toBe(gitIn(dir, "rev-parse", "main").trim());
    const toy = doc.pipelines.find((p) => p.pipeline === "toy");
    const metrics = JSON.parse(readFileSync(join(dir, "pipelines/toy/metrics.json"), "utf8"));
    const mainMetrics = JSON.parse(gitIn(dir, "show", "main:pipelines/toy/metrics.json"));
    const rmse = toy?.metrics.find((m) => m.metric === "rmse");
    // prod holds v1.0.0, built on main: evaluated on the same test data, it scores main's rmse.
    expect(rmse).toMatchObject({ head: metrics.rmse, base: mainMetrics.rmse, direction: "lower" });
    expect(rmse?.prod).toBeCloseTo(mainMetrics.rmse, 5);
    expect(rmse?.staging).toBeCloseTo(mainMetrics.rmse, 5);
    expect(metrics.rmse).toBeGreaterThan(mainMetrics.rmse);
    expect(toy?.params).toEqual([
      { file: "pipelines/toy/params.yaml", key: "train.alpha", base: 1, head: 40 },
    ]);
    const prodGate = toy?.gates.find((g) => g.stage === "prod" && g.gate.startsWith("rmse"));
    expect(prodGate?.passed).toBe(false);
    expect(prodGate?.detail).toMatch(/more than the 0\.01 allowed/);
    expect(toy?.validation[0]).toMatchObject({ dataset: "points", ok: true, errors: 0 });

    const md = readFileSync(join(dir, "report.md"), "utf8");
    const html = gfm.parse(md) as string;
    const [, metricTable, gateTable] = tables(html);
    expect(metricTable?.[0]).toEqual([
      "metric",
      "this PR",
      "base",
      "Δ base",
      "staging",
      "Δ staging",
      "prod",
      "Δ prod",
    ]);
    const rmseRow = metricTable?.find((row) => row[0]?.startsWith("rmse"));
    expect(rmseRow?.[1]).toBe(String(Number(metrics.rmse.toPrecision(4))));
    expect(rmseRow?.[7]).toContain("🔴");
    expect(gateTable?.some((row) => row.includes("❌ fail") && row[1] === "prod")).toBe(true);
    expect(md).toContain("```mermaid\nxychart-beta");
    expect(md).toContain(
      "#### Curves: toy\n\npredicted vs actual and residuals of this PR, base main, staging v1.0.0, prod v1.0.0, on the same",
    );
    const page = readFileSync(join(dir, "report.html"), "utf8");
    expect(page).toMatch(/<svg[^>]*aria-label="residuals/);

    // Curves: every model on the same test rows. prod and staging hold main's model, so their
    // points are main's row for row; this PR's model predicts differently on the same actual values.
    const curves = toy?.curves?.[0];
    expect(curves).toMatchObject({ model: "toy", task: "regression", notes: [] });
    const points = new Map(curves?.series.map((s) => [s.label, s.points ?? []]));
    expect([...points.keys()]).toEqual(["this PR", "base main", "staging v1.0.0", "prod v1.0.0"]);
    expect(points.get("prod v1.0.0")).toEqual(points.get("base main"));
    expect(points.get("staging v1.0.0")).toEqual(points.get("base main"));
    expect(points.get("this PR")?.map(([actual]) => actual)).toEqual(
      points.get("base main")?.map(([actual]) => actual),
    );
    expect(points.get("this PR")).not.toEqual(points.get("base main"));
    expect(page).toMatch(/<svg class="curve-chart"[^>]*aria-label="predicted vs actual"/);

    // Like with like: one chart per metric, its bars the models, and one metrics table per file.
    const rmseChart = /<svg[^>]*aria-label="rmse ↓"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? "";
    const bars = [...rmseChart.matchAll(/<title>([^:<]+):/g)].map((m) => m[1]);
    expect(bars).toEqual(["this PR", "base", "staging", "prod"]);
    expect(page).not.toContain("metrics of this PR");
    expect(page).toContain('<h4 class="metrics-file">pipelines/toy/metrics.json</h4>');
  });

  it("renders hostile strings inert: no HTML, links, mentions, forged markers or broken tables", () => {
    const evil =
      '<!-- mlops-report --> [click](https://evil.example) @octocat | x | <img src=x onerror="alert(1)"> **bold** `code`';
    const doc: ReportDocument = {
      schema: "mlops-report/1",
      head: { ref: evil, sha: null },
      base: { ref: "main", sha: null },
      data: [{ dataset: evil, path: "data/x.dvc", base: null, head: null, note: evil }],
      drift: [
        {
          dataset: evil,
          reference: evil,
          drifted: true,
          alpha: 0.05,
          columns: [
            { column: evil, method: "ks", statistic: 0.5, threshold: 0.1, pvalue: 0.001, drifted: true },
          ],
        },
      ],
      pipelines: [
        {
          pipeline: evil,
          metrics: [{ file: evil, metric: evil, head: evil, base: 1, direction: null }],
          params: [{ file: "p.yaml", key: evil, base: evil, head: 2 }],
          gates: [{ model: evil, stage: "prod", gate: evil, passed: false, detail: evil }],
          validation: [],
          confusion: [
            {
              file: "c.json",
              labels: [evil, "b"],
              matrix: [
                [1, 0],
                [0, 1],
              ],
            },
          ],
          residuals: [],
        },
      ],
    };
    const md = renderMarkdown(reportDocument.parse(doc));
    const html = gfm.parse(md) as string;
    expect(html).not.toMatch(/<img|<a |<!--|<strong>bold|<code>code/);
    expect(md).not.toContain("@octocat");
    for (const t of tables(html)) {
      const width = t[0]?.length;
      for (const row of t) expect(row.length).toBe(width);
    }
    const page = renderHtml(doc);
    expect(page).not.toMatch(/<img|<!-- mlops|onerror="/);
  });

  it("keeps a comment under GitHub's limit and says what was left out", () => {
    const metrics = Array.from({ length: 400 }, (_, i) => ({
      file: "m.json",
      metric: `metric_${i}`,
      head: i,
      base: i - 1,
      direction: null,
    }));
    const pipelines = Array.from({ length: 8 }, (_, k) => ({
      pipeline: `p${k}`,
      metrics,
      params: [],
      gates: [],
      validation: [],
      confusion: [],
      residuals: [],
    }));
    const doc = reportDocument.parse({
      schema: "mlops-report/1",
      head: { ref: "pr", sha: null },
      base: { ref: "main", sha: null },
      data: [],
      pipelines,
    });
    const md = renderMarkdown(doc, { fullReport: "the artifact 'mlops-report'" });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toMatch(
      /more sections? did not fit in a comment; the full report is the artifact 'mlops-report'/,
    );
    expect(md).toContain("### Pipeline p0");
  });

  it("refuses a malformed or oversized report document with the field", () => {
    const bad = reportDocument.safeParse({
      schema: "mlops-report/1",
      head: { ref: "x".repeat(201), sha: null },
      base: { ref: "main", sha: "zz" },
      data: [],
      pipelines: [],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["head.ref", "base.sha"]));
  });

  it("refuses an artifact report that is oversized, not JSON or off-schema, naming the field", () => {
    const ok = {
      schema: "mlops-report/1",
      head: { ref: "pr", sha: null },
      base: { ref: "main", sha: null },
      data: [],
      pipelines: [],
    };
    expect(parseUntrustedReport(Buffer.from(JSON.stringify(ok)), "report.json").head.ref).toBe("pr");
    const refused = (bytes: Buffer) => {
      try {
        parseUntrustedReport(bytes, "report.json");
      } catch (err) {
        expect(isMlopsError(err, "invalid-file")).toBe(true);
        return (err as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused(Buffer.alloc(1_000_001, 32))).toMatch(/1000001 bytes, more than the 1000000 accepted/);
    expect(refused(Buffer.from("{not json"))).toMatch(/not valid UTF-8 JSON/);
    expect(refused(Buffer.from([0xff, 0xfe, 0x7b]))).toMatch(/not valid UTF-8 JSON/);
    expect(refused(Buffer.from(JSON.stringify({ ...ok, extra: 1 })))).toMatch(
      /does not match mlops-report\/1/,
    );
    expect(
      refused(Buffer.from(JSON.stringify({ ...ok, pipelines: [{ pipeline: "p", metrics: "x" }] }))),
    ).toMatch(/pipelines\.0\.metrics/);
  });

  it("shows a data change as rows on both sides and the drift of the new data, fetching the base data", {
    timeout: 120_000,
  }, () => {
    const dir = repo.dir;
    gitIn(dir, "checkout", "-q", "-b", "pr-data", "main");
    // What the merge flow does for main's data: it is on the data remote.
    expect(cli(dir, "data", "push").code).toBe(0);
    const before = JSON.parse(readFileSync(join(dir, "data/points.json"), "utf8")) as {
      x1: number;
      x2: number;
      y: number;
    }[];
    // 60 more rows, and x1 shifted: a change a reviewer must see as drift.
    const after = [...before, ...before.slice(0, 60)].map((r) => ({ ...r, x1: r.x1 + 4 }));
    writeFileSync(join(dir, "data/points.json"), `${JSON.stringify(after)}\n`);
    expect(cli(dir, "data", "add", "data/points.json").code).toBe(0);
    runAndCommit(dir, "more points, shifted");
    // The base data only on the data remote, as on a fresh CI runner: the report fetches it.
    const baseSha = /sha256: ([0-9a-f]{64})/.exec(gitIn(dir, "show", "main:data/points.dvc"))?.[1] ?? "";
    const cached = new Cache(join(dir, ".mlops/cache")).pathOf(baseSha);
    expect(existsSync(cached)).toBe(true);
    rmSync(cached);

    const r = cli(
      dir,
      "report",
      "--base",
      "main",
      "--no-stages",
      "--out",
      "data-report.json",
      "--markdown",
      "data-report.md",
      "--html",
      "data-report.html",
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = reportDocument.parse(JSON.parse(readFileSync(join(dir, "data-report.json"), "utf8")));
    const points = doc.data.find((d) => d.dataset === "points");
    expect(points, JSON.stringify(points)).toMatchObject({ base: baseSha, base_rows: 200, head_rows: 260 });
    expect(points?.head).not.toBe(baseSha);
    const drift = doc.drift.find((d) => d.dataset === "points");
    expect(drift?.drifted).toBe(true);
    const byColumn = new Map(drift?.columns.map((c) => [c.column, c]));
    expect(byColumn.get("x1")?.drifted).toBe(true);
    expect(byColumn.get("x1")?.method).toBe("ks");
    // x2 only gained repeats of its own rows: its distribution barely moves.
    expect(byColumn.get("x2")?.drifted).toBe(false);

    const html = gfm.parse(readFileSync(join(dir, "data-report.md"), "utf8")) as string;
    const dataTable = tables(html).find((t) => t[0]?.[0] === "dataset");
    const row = dataTable?.find((cells) => cells[0] === "points");
    expect(row?.[4]).toBe("200 → 260 (+60)");
    const driftTable = tables(html).find((t) => t[0]?.[0] === "column");
    expect(driftTable?.find((cells) => cells[0] === "x1")?.[5]).toContain("drifted");
    expect(html).toContain("drifted from the base data");
  });

  it("draws every chart of the HTML report with data in headless Chromium, without console errors", {
    timeout: 120_000,
  }, async () => {
    const browserPath = requireBrowser();
    const { launch } = await import("puppeteer-core");
    // The data-change report holds metric, residual and drift charts; a classification report from
    // the penguins pipeline's real confusion matrix adds the heat map.
    const confusion = JSON.parse(readFileSync("pipelines/penguins/plots/confusion_matrix.json", "utf8"));
    const classification = renderHtml(
      reportDocument.parse({
        schema: "mlops-report/1",
        head: { ref: "pr", sha: null },
        base: { ref: "main", sha: null },
        data: [],
        pipelines: [
          {
            pipeline: "penguins",
            metrics: [
              { file: "metrics.json", metric: "accuracy", head: 0.97, base: 0.95, direction: "higher" },
            ],
            params: [],
            gates: [],
            validation: [],
            confusion: [
              { file: "plots/confusion_matrix.json", labels: confusion.labels, matrix: confusion.matrix },
            ],
            residuals: [],
          },
        ],
      }),
    );
    const pages = [
      {
        name: "report-regression-drift",
        html: readFileSync(join(repo.dir, "data-report.html"), "utf8"),
        // One chart per metric of metrics.json (mae, mape, r2, rmse), residuals, drift, and the
        // curves: predicted vs actual and residuals, this PR's model over main's.
        charts: 8,
      },
      { name: "report-classification", html: classification, charts: 2 },
    ];
    const shots = join(process.cwd(), "mlops-report");
    mkdirSync(shots, { recursive: true });
    const browser = await launch({
      executablePath: browserPath,
      headless: true,
      // Root in a container has no user namespace for Chromium's sandbox; the page is our own file.
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      for (const { name, html, charts } of pages) {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warn") problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
        page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
        const file = join(repo.dir, `${name}.html`);
        writeFileSync(file, html);
        await page.goto(`file://${file}`, { waitUntil: "load" });
        const drawn = await page.$$eval("figure svg", (svgs) =>
          svgs.map((svg) => {
            const box = svg.getBoundingClientRect();
            const marks = [...svg.querySelectorAll("rect.bar, rect.cell, polyline.curve, circle.point")].map(
              (r) => {
                const b = r.getBoundingClientRect();
                // A dot of a scatter stands for a row, not a value: it counts as one.
                const value = r.tagName === "circle" ? 1 : Number(r.getAttribute("data-value"));
                return { value, w: b.width, h: b.height, series: r.getAttribute("data-series") };
              },
            );
            return { label: svg.getAttribute("aria-label") ?? "", w: box.width, h: box.height, marks };
          }),
        );
        expect(drawn.length, name).toBe(charts);
        if (name === "report-regression-drift") {
          const scatter = drawn.find((c) => c.label === "predicted vs actual");
          expect(new Set(scatter?.marks.map((m) => m.series))).toEqual(new Set(["this PR", "base main"]));
        }
        for (const chart of drawn) {
          expect(chart.w * chart.h, `${name}: ${chart.label} is laid out`).toBeGreaterThan(0);
          expect(chart.marks.length, `${name}: ${chart.label} has marks`).toBeGreaterThan(0);
          // Drawn with data: some mark is visible, and every visible mark stands for a non-zero value.
          const visible = chart.marks.filter((m) => m.w > 0 && m.h > 0);
          expect(visible.length, `${name}: ${chart.label} shows data`).toBeGreaterThan(0);
          for (const m of chart.marks)
            if (m.h > 0.5 && !chart.label.includes("confusion")) expect(m.value).not.toBe(0);
        }
        await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
        expect(problems, name).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
