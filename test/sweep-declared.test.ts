import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { MlopsError, userMessage } from "../src/errors/index.js";
import { declaredSweeps, pushExperiments } from "../src/experiments/index.js";
import { maxSweepPoints, parseYaml, pipeline } from "../src/manifest/index.js";
import { repoLayout } from "../src/repo/index.js";
import {
  bestSweepPoint,
  parseUntrustedReport,
  renderHtml,
  renderMarkdown,
  type SweepSection,
  sweepTable,
} from "../src/report/index.js";
import { repoRoot, runCli } from "./support/cli.js";
import { gitIn } from "./support/repo.js";

const file = "pipelines/demo/pipeline.yaml";
const stages = "stages:\n  train:\n    cmd: echo hi\n    params: [train]\n";

function load(sweep: string): unknown {
  return parseYaml(`${stages}sweep:\n${sweep}`, pipeline, file);
}

function failure(run: () => unknown): MlopsError {
  try {
    run();
  } catch (err) {
    if (err instanceof MlopsError) return err;
    throw err;
  }
  throw new Error("expected an MlopsError, got none");
}

const scratch = mkdtempSync(join(tmpdir(), "mlops-sweep-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the sweep: block of pipeline.yaml", () => {
  it("reads a grid, a seeded sample and the bounds", () => {
    const parsed = load(
      "  params:\n    train.gbdt.trees: [20, 40]\n    train.model: [gbdt, linear]\n  random: { points: 3, seed: 7 }\n  max_points: 3\n  metric: metrics.rmse\n",
    ) as { sweep: unknown };
    expect(parsed.sweep).toEqual({
      params: { "train.gbdt.trees": [20, 40], "train.model": ["gbdt", "linear"] },
      random: { points: 3, seed: 7 },
      max_points: 3,
      metric: "metrics.rmse",
    });
  });

  it("refuses a grid larger than max_points, naming the file, the line and sweep.params", () => {
    const err = failure(() => load("  params:\n    a: [1, 2, 3]\n    b: [1, 2, 3]\n"));
    expect(err.file).toBe(file);
    expect(err.field).toBe("sweep.params");
    expect(err.line).toBe(6);
    expect(userMessage(err)).toContain(
      `${file}:6: sweep.params: expected at most 8 points (max_points), but the grid has 9 (3 × 3)`,
    );
    // Raising the bound lets it through; a sample within the bound does too.
    expect(() => load("  params:\n    a: [1, 2, 3]\n    b: [1, 2, 3]\n  max_points: 9\n")).not.toThrow();
    expect(() =>
      load("  params:\n    a: [1, 2, 3]\n    b: [1, 2, 3]\n  random: { points: 4 }\n"),
    ).not.toThrow();
  });

  it("refuses a sample or a bound past the ceiling, naming their fields", () => {
    const sample = failure(() =>
      load("  params:\n    a: [1, 2, 3]\n    b: [1, 2, 3]\n  random: { points: 9 }\n"),
    );
    expect(sample.field).toBe("sweep.random.points");
    expect(sample.message).toContain("random.points asks for 9");
    const ceiling = failure(() => load(`  params:\n    a: [1]\n  max_points: ${maxSweepPoints + 1}\n`));
    expect(ceiling.field).toBe("sweep.max_points");
    const huge = failure(() =>
      load(
        `  params:\n${Array.from({ length: 8 }, (_, i) => `    k${i}: [${Array.from({ length: 100 }, (_, j) => j)}]`).join("\n")}\n  max_points: 64\n`,
      ),
    );
    expect(huge.field).toBe("sweep.params");
    expect(huge.message).toContain("more than");
  });

  it("refuses bad keys, repeated values and values that are not scalars", () => {
    expect(failure(() => load("  params:\n    'train..x': [1]\n")).field).toMatch(/^sweep\.params/);
    const repeated = failure(() => load("  params:\n    a: [1, 2, 1]\n"));
    expect(repeated.field).toBe("sweep.params.a[2]");
    expect(repeated.message).toContain("repeats");
    expect(failure(() => load("  params:\n    a: [[1]]\n")).field).toBe("sweep.params.a[0]");
    expect(failure(() => load("  params:\n    a: [.inf]\n")).field).toBe("sweep.params.a[0]");
    expect(failure(() => load("  params: {}\n")).field).toBe("sweep.params");
    expect(failure(() => load("  params:\n    a: [1]\n  extra: 1\n")).field).toMatch(/^sweep/);
  });

  it("never crashes on generated blocks: each loads or fails with the file and a sweep field", () => {
    const leaf = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("__proto__", "constructor", "a.b", "", "| <b>x</b>", 1e308, -0),
    );
    const values = fc.oneof(fc.array(leaf, { maxLength: 12 }), leaf, fc.dictionary(fc.string(), leaf));
    const block = fc.oneof(
      fc.record(
        {
          params: fc.oneof(
            fc.dictionary(
              fc.oneof(fc.constantFrom("a", "train.gbdt.trees", "b_c", "__proto__", "x..y"), fc.string()),
              values,
              { maxKeys: 10 },
            ),
            leaf,
          ),
          random: fc.oneof(fc.record({ points: leaf, seed: leaf }, { requiredKeys: [] }), leaf),
          max_points: leaf,
          metric: leaf,
          other: leaf,
        },
        { requiredKeys: [] },
      ),
      leaf,
      fc.array(leaf),
    );
    fc.assert(
      fc.property(block, (sweep) => {
        const text = `${stages}${stringify({ sweep })}`;
        try {
          parseYaml(text, pipeline, file);
        } catch (err) {
          expect(err).toBeInstanceOf(MlopsError);
          const e = err as MlopsError;
          expect(e.file).toBe(file);
          expect(e.field ?? "").toMatch(/^sweep/);
          expect(userMessage(e)).toContain(`${file}:`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("refuses a key params.yaml lacks, naming pipeline.yaml, its line and the field", async () => {
    const root = join(scratch, "repo");
    mkdirSync(join(root, "pipelines/demo"), { recursive: true });
    writeFileSync(join(root, "pipelines/demo/params.yaml"), "train:\n  gbdt:\n    trees: 300\n");
    writeFileSync(
      join(root, "pipelines/demo/pipeline.yaml"),
      `${stages}sweep:\n  params:\n    train.gbdt.trees: [20, 40]\n    train.gbdt.tres: [1, 2]\n  max_points: 4\n`,
    );
    const err = await declaredSweeps(repoLayout(root)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MlopsError);
    expect(userMessage(err)).toContain(
      `${file}:8: sweep.params.train.gbdt.tres: the sweep varies 'train.gbdt.tres', which pipelines/demo/params.yaml does not have`,
    );
    writeFileSync(
      join(root, "pipelines/demo/pipeline.yaml"),
      `${stages}sweep:\n  params:\n    train.gbdt.trees: [20, 40]\n  random: { points: 1, seed: 3 }\n`,
    );
    const [declared] = await declaredSweeps(repoLayout(root));
    expect(declared).toMatchObject({
      pipeline: "demo",
      file,
      points: 1,
      prefix: "sweep-demo",
      sweeps: [{ pipeline: "demo", key: "train.gbdt.trees", values: [20, 40] }],
    });
  });
});

describe("the sweep example of docs/pipelines.md", () => {
  it("loads after fuel-efficiency's stages, and without its sample fails with the message the page quotes", () => {
    const page = readFileSync(join(repoRoot, "docs/pipelines.md"), "utf8");
    const section = page.slice(page.indexOf("### A sweep the pull request runs"));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const quoted = /`(pipelines\/fuel-efficiency\/pipeline\.yaml:\d+: sweep\.params: [^`]*)`/.exec(
      section,
    )?.[1];
    const real = readFileSync(join(repoRoot, "pipelines/fuel-efficiency/pipeline.yaml"), "utf8");
    const yaml = block.replace(/^#.*\n/, "");
    const parsed = parseYaml(`${real}${yaml}`, pipeline, "pipelines/fuel-efficiency/pipeline.yaml") as {
      sweep?: { params: Record<string, unknown[]> };
    };
    expect(Object.keys(parsed.sweep?.params ?? {})).toEqual(["train.gbdt.trees", "train.gbdt.max_depth"]);
    const err = failure(() =>
      parseYaml(
        `${real}${yaml.replace(/^ {2}random:.*\n/m, "")}`,
        pipeline,
        "pipelines/fuel-efficiency/pipeline.yaml",
      ),
    );
    expect(quoted).toBeDefined();
    expect(userMessage(err)).toContain(quoted);
  });
});

describe("exp push in a pull-request run", () => {
  it("is refused before any ref or object leaves, and works from a trusted clone", () => {
    const bare = join(scratch, "origin.git");
    const clone = join(scratch, "clone");
    gitIn(scratch, "init", "-q", "--bare", "-b", "main", bare);
    gitIn(scratch, "init", "-q", "-b", "main", clone);
    gitIn(clone, "config", "user.email", "test@example.invalid");
    gitIn(clone, "config", "user.name", "mlops test");
    writeFileSync(join(clone, "README.md"), "x\n");
    gitIn(clone, "add", "-A");
    gitIn(clone, "commit", "-q", "-m", "base");
    gitIn(clone, "remote", "add", "origin", bare);
    const base = gitIn(clone, "rev-parse", "HEAD").trim();
    const record = { name: "sweep-demo-1", pipelines: ["demo"], params: {}, metrics_files: [], created: "x" };
    const tree = gitIn(clone, "rev-parse", "HEAD^{tree}").trim();
    const commit = gitCommitTree(clone, tree, base, record);
    gitIn(clone, "update-ref", `refs/exps/${base}/sweep-demo-1`, commit);

    for (const env of [
      { GITHUB_EVENT_NAME: "pull_request" },
      { GITHUB_EVENT_NAME: "pull_request_target" },
      { MLOPS_REMOTE_READ_ONLY: "1" },
    ]) {
      const refused = runCli(["exp", "push"], { cwd: clone, env });
      expect(refused.code, refused.stdout).not.toBe(0);
      expect(refused.stderr).toMatch(/exp push is refused: remotes are read-only/);
      expect(gitIn(bare, "for-each-ref").trim()).toBe("");
    }
    const pushed = runCli(["exp", "push"], { cwd: clone, env: { GITHUB_EVENT_NAME: "push" } });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(gitIn(bare, "for-each-ref", "--format=%(refname)").trim()).toBe(`refs/exps/${base}/sweep-demo-1`);
  });

  it("refuses in the domain function too, whatever the caller", async () => {
    await expect(
      pushExperiments(repoLayout(scratch), [], { env: { GITHUB_EVENT_NAME: "pull_request" } }),
    ).rejects.toThrow(/read-only in pull-request runs/);
  });
});

function gitCommitTree(cwd: string, tree: string, parent: string, record: object): string {
  return gitIn(
    cwd,
    "commit-tree",
    tree,
    "-p",
    parent,
    "-m",
    `exp x\n\nmlops-experiment: ${JSON.stringify(record)}`,
  ).trim();
}

const section = (over: Partial<SweepSection> = {}): SweepSection => ({
  file: "pipelines/fuel-efficiency/pipeline.yaml",
  keys: ["train.gbdt.trees", "train.gbdt.max_depth"],
  metric: "metrics.rmse",
  direction: "lower",
  declared: 3,
  points: [
    { name: "sweep-fuel-efficiency-1", values: [20, 2], metric: 3.5 },
    { name: "sweep-fuel-efficiency-2", values: [40, 2], metric: 2.75 },
    { name: "sweep-fuel-efficiency-3", values: [40, 3], metric: 3.1 },
  ],
  ...over,
});

describe("the sweep table of the comment", () => {
  it("lists every point with its values and metric, and marks the lowest rmse best", () => {
    const table = sweepTable(section());
    expect(table).toContain(
      "3 of 3 points finished (declared in pipelines/fuel-efficiency/pipeline.yaml), ranked by metrics.rmse (lower is better).",
    );
    const lines = table.split("\n").filter((l) => l.startsWith("|"));
    expect(lines[0]).toBe("| point | train.gbdt.trees | train.gbdt.max\\_depth | metrics.rmse ↓ |  |");
    expect(lines.slice(2)).toEqual([
      "| sweep-fuel-efficiency-1 | 20 | 2 | 3.5 |  |",
      "| sweep-fuel-efficiency-2 | 40 | 2 | 2.75 | ⭐ best |",
      "| sweep-fuel-efficiency-3 | 40 | 3 | 3.1 |  |",
    ]);
  });

  it("marks the highest accuracy best for a metric where higher is better", () => {
    const s = section({ metric: "metrics.accuracy", direction: "higher" });
    expect(bestSweepPoint(s.points, "higher")).toBe(0);
    expect(bestSweepPoint(s.points, "lower")).toBe(1);
    const best = sweepTable(s)
      .split("\n")
      .filter((l) => l.includes("⭐ best"));
    expect(best).toHaveLength(1);
    expect(best[0]).toContain("| 20 | 2 | 3.5 |");
    expect(sweepTable(s)).toContain("metrics.accuracy ↑");
  });

  it("marks nothing without a direction or a number, and says why", () => {
    expect(sweepTable(section({ direction: null }))).not.toContain("⭐");
    expect(sweepTable(section({ direction: null }))).toContain("no direction is known for metrics.rmse");
    const none = section({ points: section().points.map((p) => ({ ...p, metric: null })) });
    expect(sweepTable(none)).not.toContain("⭐");
    expect(sweepTable(section({ points: [] }))).toContain("0 of 3 points finished");
  });

  it("renders hostile values inert: NaN and infinities, huge strings, markdown and HTML in values", () => {
    const hostile = section({
      keys: ["train.model", "x|y"],
      points: [
        {
          name: "a",
          values: ["| <img src=x onerror=alert(1)> [click](https://evil.example) @admin", 1],
          metric: Number.NaN,
        },
        { name: "b", values: ["x".repeat(100_000), 2], metric: Number.POSITIVE_INFINITY },
        { name: "c", values: ["`code` **bold** <!-- mlops-report -->\n# heading", 3], metric: 2 },
        { name: "d<script>", values: [null, true], metric: Number.NEGATIVE_INFINITY },
      ],
    });
    const table = sweepTable(hostile);
    const rows = table.split("\n").filter((l) => l.startsWith("|"));
    // Every row keeps the header's cells: no `|` from a value opens a new one.
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    for (const r of rows) expect(cells(r)).toBe(cells(rows[0] ?? ""));
    expect(table).not.toMatch(/<img|<script|<!--|\]\(https?:|@admin/);
    expect(table).not.toContain("x".repeat(41));
    // Only finite numbers compete: the NaN and the infinities are never best.
    expect(table.split("\n").find((l) => l.includes("⭐"))).toMatch(/^\| c \|/);
    expect(table).toContain("| NaN |");
    expect(table.length).toBeLessThan(2_000);
  });

  it("comes from a validated report only: a huge value or a non-number metric is refused", () => {
    const doc = {
      schema: "mlops-report/1",
      head: { ref: "pr", sha: null },
      base: { ref: "main", sha: null },
      data: [],
      pipelines: [
        {
          pipeline: "fuel-efficiency",
          metrics: [],
          params: [],
          gates: [],
          validation: [],
          confusion: [],
          residuals: [],
          sweep: section(),
        },
      ],
    };
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const parsed = parseUntrustedReport(bytes(doc), "report.json");
    expect(renderMarkdown(parsed)).toContain("#### Sweep");
    expect(renderMarkdown(parsed)).toContain("| 2.75 | ⭐ best |");
    const html = renderHtml(parsed);
    expect(html).toContain("<h3>Sweep</h3>");
    expect(html).toMatch(
      /<td>sweep-fuel-efficiency-2<\/td><td>40<\/td><td>2<\/td><td>2\.75<\/td><td><strong>best<\/strong><\/td>/,
    );
    const hostile = structuredClone(doc);
    (hostile.pipelines[0] as { sweep: SweepSection }).sweep = section({
      points: [{ name: "<script>x</script>", values: ["<img src=x>", 1], metric: 1 }],
    });
    const hostileHtml = renderHtml(parseUntrustedReport(bytes(hostile), "report.json"));
    expect(hostileHtml).not.toMatch(/<script>x|<img src/);
    const bad = (point: object) =>
      bytes({ ...doc, pipelines: [{ ...doc.pipelines[0], sweep: section({ points: [point as never] }) }] });
    expect(() =>
      parseUntrustedReport(bad({ name: "a", values: ["x".repeat(501)], metric: 1 }), "report.json"),
    ).toThrow(/pipelines\.0\.sweep\.points\.0\.values\.0/);
    expect(() => parseUntrustedReport(bad({ name: "a", values: [], metric: "1e9" }), "report.json")).toThrow(
      /metric/,
    );
    expect(() =>
      parseUntrustedReport(bad({ name: "a", values: [], metric: 1, best: true }), "report.json"),
    ).toThrow(/does not match/);
  });
});
