import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetricHistory, PlotsDiff } from "../src/report/index.js";
import { cli, createToyRepo, runAndCommit, setParam, type ToyRepo } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";
import { requireBrowser } from "./support/tools.js";

let repo: ToyRepo;
beforeAll(() => {
  repo = createToyRepo();
  const dir = repo.dir;
  const must = (...args: string[]) => {
    const r = cli(dir, ...args);
    if (r.code !== 0) throw new Error(`mlops ${args.join(" ")}: ${r.stderr}`);
    return r;
  };
  must("register", "toy");
  must("promote", "toy", "v1.0.0", "--to", "dev");
  must("promote", "toy", "v1.0.0", "--to", "staging");
  // A worse model (heavier ridge penalty) registered as the second version.
  setParam(dir, 40);
  runAndCommit(dir, "alpha 40");
  must("register", "toy");
}, 180_000);
afterAll(() => repo?.cleanup());

describe("mlops registry history --metrics", () => {
  it("lists each version's recorded metrics oldest first and marks the best by direction", () => {
    const dir = repo.dir;
    const r = cli(dir, "registry", "history", "toy", "--metrics", "rmse,r2", "--json");
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout) as MetricHistory;
    expect(h.metrics).toEqual(["rmse", "r2"]);
    expect(h.versions.map((v) => v.version)).toEqual(["v1.0.0", "v1.1.0"]);
    // Each figure is what the version's commit measured.
    for (const v of h.versions) {
      const recorded = JSON.parse(gitIn(dir, "show", `${v.commit}:pipelines/toy/metrics.json`));
      expect(v.metrics).toEqual({ rmse: recorded.rmse, r2: recorded.r2 });
    }
    expect(h.versions[0]?.stages).toEqual(["dev", "staging"]);
    expect(h.best).toEqual({ rmse: "v1.0.0", r2: "v1.0.0" });

    const text = cli(dir, "registry", "history", "toy", "--metrics", "rmse");
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trim().split("\n");
    expect(lines[1]).toMatch(/^version\s+created\s+stages\s+rmse$/);
    expect(lines[2]).toMatch(/^v1\.0\.0 .* dev,staging .*\*$/);
    expect(lines[3]).not.toContain("*");

    const all = JSON.parse(
      cli(dir, "registry", "history", "toy", "--metrics", "--json").stdout,
    ) as MetricHistory;
    expect(all.metrics).toEqual(expect.arrayContaining(["mae", "mape", "r2", "rmse"]));
  });

  it("refuses a metric no version records, naming what there is", () => {
    const r = cli(repo.dir, "registry", "history", "toy", "--metrics", "accuracy");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no version of toy records metric 'accuracy'/);
    expect(r.stderr).toMatch(/rmse/);
  });
});

describe("mlops plots diff", () => {
  it("overlays each revision's model on the working tree's data and writes the HTML", {
    timeout: 120_000,
  }, async () => {
    const dir = repo.dir;
    const head = gitIn(dir, "rev-parse", "--short=7", "HEAD").trim();
    const before = gitIn(dir, "rev-parse", "--short=7", "HEAD~1").trim();
    const r = cli(dir, "plots", "diff", "HEAD", "HEAD~1", "--out", "plots.html", "--json");
    expect(r.code, r.stderr).toBe(0);
    const diff = JSON.parse(r.stdout) as PlotsDiff & { out: string };
    expect(diff.labels).toEqual([`HEAD (${head})`, `HEAD~1 (${before})`]);
    const set = diff.pipelines.find((p) => p.pipeline === "toy")?.curves[0];
    expect(set).toMatchObject({
      model: "toy",
      task: "regression",
      data: "pipelines/toy/test.json",
      notes: [],
    });
    const [now, then] = set?.series ?? [];
    // Same rows (the actual values agree), different models (the predictions do not).
    expect(now?.points?.length).toBe(60);
    expect(now?.points?.map(([a]) => a)).toEqual(then?.points?.map(([a]) => a));
    expect(now?.points).not.toEqual(then?.points);

    // No revisions: the working tree against HEAD, which holds the same model here.
    const plain = cli(dir, "plots", "diff", "--out", "plain.html", "--json");
    expect(plain.code, plain.stderr).toBe(0);
    const same = (JSON.parse(plain.stdout) as PlotsDiff).pipelines[0]?.curves[0]?.series ?? [];
    expect(same.map((s) => s.label)).toEqual(["workspace", `HEAD (${head})`]);
    expect(same[0]?.points).toEqual(same[1]?.points);
    expect(same[0]?.points).toEqual(now?.points);

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
      await page.goto(`file://${join(dir, "plots.html")}`, { waitUntil: "load" });
      const charts = await page.$$eval("svg.curve-chart", (svgs) =>
        svgs.map((svg) => {
          const dots = [...svg.querySelectorAll("circle.point")];
          const visible = dots.filter((d) => d.getBoundingClientRect().width > 0);
          return {
            label: svg.getAttribute("aria-label"),
            series: [...new Set(dots.map((d) => d.getAttribute("data-series")))],
            visible: visible.length,
          };
        }),
      );
      expect(charts.map((c) => c.label)).toEqual(["predicted vs actual", "residuals (actual − predicted)"]);
      for (const c of charts) {
        expect(c.series).toEqual(diff.labels);
        expect(c.visible).toBe(120);
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(readFileSync(join(dir, "plots.html"), "utf8")).toContain(
      `<title>mlops plots: HEAD (${head}) vs HEAD~1`,
    );
  });

  it("refuses an unknown revision, and says why a revision's model is not drawn", () => {
    const dir = repo.dir;
    const bad = cli(dir, "plots", "diff", "no-such-rev", "--out", "x.html");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown revision 'no-such-rev'/);
    // A revision without a lock records no model: drawn without it, and the note says so.
    gitIn(dir, "checkout", "-q", "-b", "no-lock");
    gitIn(dir, "rm", "-q", "pipelines/toy/pipeline.lock");
    gitIn(dir, "commit", "-q", "-m", "no lock");
    gitIn(dir, "checkout", "-q", "main");
    const r = cli(dir, "plots", "diff", "workspace", "no-lock", "--out", "y.html", "--json");
    expect(r.code, r.stderr).toBe(0);
    const set = (JSON.parse(r.stdout) as PlotsDiff).pipelines[0]?.curves[0];
    expect(set?.series.map((s) => s.label)).toEqual(["workspace"]);
    expect(set?.notes).toEqual([
      expect.stringMatching(/^no-lock \([0-9a-f]{7}\): the lock at [0-9a-f]{40} records no model\.onnx$/),
    ]);
  });
});
