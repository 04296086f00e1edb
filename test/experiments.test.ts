import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { MlopsError } from "../src/errors/index.js";
import { gridPoints, parseSetSpec, randomPoints } from "../src/experiments/index.js";
import { repoRoot, runCli } from "./support/cli.js";
import { gitIn } from "./support/repo.js";

interface PointJson {
  name: string;
  params: Record<string, unknown>;
  status: "succeeded" | "failed" | "cancelled";
  ref?: string;
  stages?: { ran: number; restored: number; skipped: number };
  ran?: string[];
  metrics?: Record<string, unknown>;
  error?: string;
}
interface SweepJson {
  ok: boolean;
  base: string;
  points: PointJson[];
}
interface TableJson {
  params: string[];
  metrics: string[];
  rows: { name: string; params: Record<string, unknown>; metrics: Record<string, unknown> }[];
  best: Record<string, string>;
  baseline?: { name: string; params: Record<string, unknown>; metrics: Record<string, unknown> };
}

const scratch = mkdtempSync(join(tmpdir(), "mlops-exp-"));
const bare = join(scratch, "origin.git");
const store = join(scratch, "store");
const bin = fileURLToPath(new URL("../bin/mlops.js", import.meta.url));

/** A clone of this repository's HEAD (or of `from`) with node_modules linked and the shared data remote. */
function cloneRepo(name: string, from: string): string {
  const dir = join(scratch, name);
  gitIn(scratch, "clone", "-q", "--no-hardlinks", from, dir);
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  const added = runCli(["remote", "add", "store", store, "--default", "--local"], { cwd: dir });
  if (added.code !== 0) throw new Error(added.stderr);
  return dir;
}

function mlops(cwd: string, ...args: string[]) {
  return runCli(args, { cwd });
}

/** Writes values into a checkout's fuel-efficiency params.yaml, as a person would by hand. */
function setParams(dir: string, values: Record<string, unknown>): void {
  const file = join(dir, "pipelines/fuel-efficiency/params.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  for (const [key, value] of Object.entries(values)) doc.setIn(key.split("."), value);
  writeFileSync(file, doc.toString());
}

const grid = ["-S", "train.gbdt.trees=20,40", "-S", "train.gbdt.max_depth=2,3,4"];
let a: string;
let first: SweepJson;

beforeAll(() => {
  gitIn(scratch, "init", "-q", "--bare", "-b", "main", bare);
  a = cloneRepo("a", repoRoot);
  gitIn(a, "remote", "set-url", "origin", bare);
  gitIn(a, "push", "-q", "origin", "HEAD:refs/heads/main");
  const run = mlops(a, "exp", "run", "fuel-efficiency", ...grid, "-j", "2", "--json");
  if (run.code !== 0) throw new Error(`exp run failed (${run.code}):\n${run.stderr}`);
  first = run.json() as SweepJson;
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("mlops exp run", () => {
  it("runs a 2×3 grid as six experiments, each a ref on HEAD, leaving the workspace as it was", () => {
    expect(first.ok).toBe(true);
    expect(first.points).toHaveLength(6);
    expect(first.points.every((p) => p.status === "succeeded")).toBe(true);
    const head = gitIn(a, "rev-parse", "HEAD").trim();
    expect(first.base).toBe(head);
    const refs = gitIn(a, "for-each-ref", "--format=%(refname)", `refs/exps/${head}/`)
      .split("\n")
      .filter(Boolean);
    expect(refs.sort()).toEqual(first.points.map((p) => p.ref).sort());
    // Each point's commit holds its own params on top of the base.
    const point = first.points.find(
      (p) => p.params["train.gbdt.trees"] === 40 && p.params["train.gbdt.max_depth"] === 4,
    );
    const params = gitIn(a, "show", `${point?.ref}:pipelines/fuel-efficiency/params.yaml`);
    expect(params).toMatch(/trees: 40\b/);
    expect(params).toMatch(/max_depth: 4\b/);
    expect(gitIn(a, "rev-parse", `${point?.ref}^`).trim()).toBe(head);
    // Only the node_modules link the test made is new: no params, lock or output changed.
    expect(gitIn(a, "status", "--porcelain").trim()).toBe("?? node_modules");
    expect(gitIn(a, "worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  it("gives the metrics of separate `mlops run`s with the same params (checked on two points)", () => {
    const table = mlops(a, "exp", "show", "--json").json() as TableJson;
    // A clone of its own, with its own cache: the training there really runs.
    const separate = join(scratch, "separate");
    gitIn(scratch, "clone", "-q", "--no-hardlinks", repoRoot, separate);
    symlinkSync(join(repoRoot, "node_modules"), join(separate, "node_modules"), "dir");
    // An empty data remote of its own: no run record from anywhere can stand in for the training.
    expect(
      mlops(separate, "remote", "add", "empty", join(scratch, "empty"), "--default", "--local").code,
    ).toBe(0);
    expect(table.params.sort()).toEqual(["train.gbdt.max_depth", "train.gbdt.trees"]);
    for (const values of [
      { "train.gbdt.trees": 20, "train.gbdt.max_depth": 2 },
      { "train.gbdt.trees": 40, "train.gbdt.max_depth": 4 },
    ]) {
      setParams(separate, values);
      const run = mlops(separate, "run", "fuel-efficiency", "--json");
      expect(run.code, run.stderr).toBe(0);
      const train = run.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { stage: string; status: string })
        .find((r) => r.stage === "train");
      expect(train?.status).toBe("ran");
      const metrics = JSON.parse(
        readFileSync(join(separate, "pipelines/fuel-efficiency/metrics.json"), "utf8"),
      );
      const row = table.rows.find(
        (r) =>
          r.params["train.gbdt.trees"] === values["train.gbdt.trees"] &&
          r.params["train.gbdt.max_depth"] === values["train.gbdt.max_depth"],
      );
      expect(row).toBeDefined();
      for (const key of ["rmse", "mae", "r2", "mape"])
        expect(row?.metrics[`metrics.${key}`]).toBe(metrics[key]);
    }
    // The best row by rmse (lower is better) is the one with the smallest rmse.
    const rmse = table.rows.map((r) => [r.name, r.metrics["metrics.rmse"] as number] as const);
    const lowest = [...rmse].sort((x, y) => x[1] - y[1])[0]?.[0];
    expect(table.best["metrics.rmse"]).toBe(lowest);
    const highestR2 = [...table.rows].sort(
      (x, y) => (y.metrics["metrics.r2"] as number) - (x.metrics["metrics.r2"] as number),
    )[0];
    expect(table.best["metrics.r2"]).toBe(highestR2?.name);
    // HEAD's own committed params and metrics come along for reference.
    const committed = JSON.parse(gitIn(a, "show", "HEAD:pipelines/fuel-efficiency/metrics.json"));
    expect(table.baseline?.params).toEqual({ "train.gbdt.trees": 300, "train.gbdt.max_depth": 3 });
    expect(table.baseline?.metrics["metrics.rmse"]).toBe(committed.rmse);
    const sorted = mlops(a, "exp", "show", "--sort-by", "metrics.rmse", "--json").json() as TableJson;
    expect(sorted.rows[0]?.name).toBe(lowest);
    const median = [...rmse].map((r) => r[1]).sort((x, y) => x - y)[3] ?? 0;
    const filtered = mlops(
      a,
      "exp",
      "show",
      "--filter",
      `metrics.rmse<${median}`,
      "--json",
    ).json() as TableJson;
    expect(filtered.rows.map((r) => r.name).sort()).toEqual(
      rmse
        .filter((r) => r[1] < median)
        .map((r) => r[0])
        .sort(),
    );
    expect(filtered.rows).toHaveLength(3);
    expect(mlops(a, "exp", "show", "--filter", "rmse~3").stderr).toContain("cannot read the filter");
    const text = mlops(a, "exp", "show").stdout;
    expect(text).toContain(`${lowest}`);
    expect(text).toMatch(/\*/);
    const csv = mlops(a, "exp", "show", "--csv").stdout.trim().split("\n");
    expect(csv).toHaveLength(8);
    expect(csv[1]?.startsWith("HEAD,")).toBe(true);
    expect(csv[0]).toContain("metrics.rmse");
  }, 120_000);

  it("trains nothing when the same sweep runs again: every stage is restored or unchanged", () => {
    const again = mlops(a, "exp", "run", "fuel-efficiency", ...grid, "-j", "2", "--json");
    expect(again.code, again.stderr).toBe(0);
    const result = again.json() as SweepJson;
    expect(result.points.map((p) => p.name).sort()).toEqual(first.points.map((p) => p.name).sort());
    for (const p of result.points) {
      expect(p.ran).toEqual([]);
      expect(p.stages?.ran).toBe(0);
      expect((p.stages?.restored ?? 0) + (p.stages?.skipped ?? 0)).toBe(6);
      const before = first.points.find((q) => q.name === p.name);
      expect(p.metrics).toEqual(before?.metrics);
    }
  }, 120_000);

  it("reports a failing point clearly and keeps the others", () => {
    // An uncommitted edit is not part of a sweep, which says so.
    const params = join(a, "pipelines/fuel-efficiency/params.yaml");
    writeFileSync(params, `${readFileSync(params, "utf8")}# an uncommitted note\n`);
    const run = mlops(
      a,
      "exp",
      "run",
      "fuel-efficiency",
      "-S",
      "train.gbdt.max_depth=2,0",
      "--name",
      "depth",
      "--json",
    );
    gitIn(a, "checkout", "--", "pipelines/fuel-efficiency/params.yaml");
    expect(run.stderr).toContain(
      "uncommitted changes to pipelines/fuel-efficiency/params.yaml are not part of it",
    );
    expect(run.code).toBe(1);
    const result = run.json() as SweepJson;
    const good = result.points.find((p) => p.name === "depth-1");
    const bad = result.points.find((p) => p.name === "depth-2");
    expect(good?.status).toBe("succeeded");
    expect(bad?.status).toBe("failed");
    expect(bad?.error).toMatch(/stage 'train'/);
    expect(bad?.error).toMatch(/depth of at least 1/);
    expect(bad?.ref).toBeUndefined();
    expect(run.stderr).toMatch(/depth-2 FAILED/);
    const refs = gitIn(a, "for-each-ref", "--format=%(refname)", "refs/exps/").split("\n");
    expect(refs.some((r) => r.endsWith("/depth-1"))).toBe(true);
    expect(refs.some((r) => r.endsWith("/depth-2"))).toBe(false);
    expect(gitIn(a, "worktree", "list").trim().split("\n")).toHaveLength(1);
    mlops(a, "exp", "remove", "depth-1");
  }, 120_000);

  it("refuses a repository without pipelines, saying what is missing", () => {
    const empty = join(scratch, "empty-repo");
    gitIn(scratch, "init", "-q", empty);
    const noPipelines = mlops(empty, "exp", "run", "-S", "train.seed=1,2");
    expect(noPipelines.code).toBe(1);
    expect(noPipelines.stderr).toContain("no pipelines to sweep");
    const noCommit = mlops(empty, "exp", "show");
    expect(noCommit.code).toBe(1);
    expect(noCommit.stderr).toContain("experiments start from a commit, and HEAD names none");
  });

  it("refuses a key params.yaml lacks before running anything", () => {
    const run = mlops(a, "exp", "run", "fuel-efficiency", "-S", "train.gbdt.tres=1,2");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("-S train.gbdt.tres: no params.yaml of fuel-efficiency has this key");
  });

  it("stops on Ctrl-C: no new point starts, every finished point has its ref and no other does", async () => {
    const child = spawn(
      process.execPath,
      [
        bin,
        "exp",
        "run",
        "fuel-efficiency",
        // Points the sweep above ran: each is restored, so the test waits seconds, not minutes.
        "-S",
        "train.gbdt.trees=20,40",
        "-S",
        "train.gbdt.max_depth=2,3",
        "--name",
        "stop",
        "--json",
      ],
      { cwd: a },
    );
    let stdout = "";
    let stderr = "";
    let signalled = false;
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
      if (!signalled && /\[1\/4\] stop-\d done/.test(stderr)) {
        signalled = true;
        child.kill("SIGINT");
      }
    });
    const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
    expect(code).toBe(130);
    expect(stderr).toContain("interrupted");
    const result = JSON.parse(stdout) as SweepJson;
    const refs = gitIn(a, "for-each-ref", "--format=%(refname)", "refs/exps/")
      .split("\n")
      .filter((r) => r.includes("/stop-"));
    const succeeded = result.points.filter((p) => p.status === "succeeded");
    expect(refs.sort()).toEqual(succeeded.map((p) => p.ref).sort());
    expect(result.points.filter((p) => p.status === "cancelled").length).toBeGreaterThan(0);
    expect(gitIn(a, "worktree", "list").trim().split("\n")).toHaveLength(1);
    expect(mlops(a, "exp", "remove", ...succeeded.map((p) => p.name)).code).toBe(0);
  }, 120_000);
});

describe("sharing and using experiments", () => {
  it("gives the same `exp show --json` in another clone after exp push and exp pull", () => {
    const pushed = mlops(a, "exp", "push", "origin", "--json");
    expect(pushed.code, pushed.stderr).toBe(0);
    expect((pushed.json() as { refs: string[] }).refs).toHaveLength(6);
    const b = cloneRepo("b", bare);
    const pulled = mlops(b, "exp", "pull", "origin", "--json");
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(mlops(b, "exp", "show", "--json").json()).toEqual(mlops(a, "exp", "show", "--json").json());
    // The outputs came through the data remote: applying an experiment there trains nothing.
    const name = first.points[0]?.name ?? "";
    const applied = mlops(b, "exp", "apply", name, "--json");
    expect(applied.code, applied.stderr).toBe(0);
    const stages = (applied.json() as { stages: { status: string }[] }).stages;
    expect(stages.filter((s) => s.status === "ran")).toEqual([]);
  }, 120_000);

  it("applies an experiment so that `mlops run` then skips every stage", () => {
    const point = first.points.find(
      (p) => p.params["train.gbdt.trees"] === 20 && p.params["train.gbdt.max_depth"] === 3,
    );
    const applied = mlops(a, "exp", "apply", point?.name ?? "", "--json");
    expect(applied.code, applied.stderr).toBe(0);
    expect(readFileSync(join(a, "pipelines/fuel-efficiency/params.yaml"), "utf8")).toMatch(/trees: 20\b/);
    const run = mlops(a, "run", "fuel-efficiency", "--json");
    expect(run.code, run.stderr).toBe(0);
    const statuses = run.stdout
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { status: string }).status);
    expect(statuses.length).toBe(6);
    expect(new Set(statuses)).toEqual(new Set(["skipped"]));
    const metrics = JSON.parse(readFileSync(join(a, "pipelines/fuel-efficiency/metrics.json"), "utf8"));
    expect(metrics.rmse).toBe(point?.metrics?.["metrics.rmse"]);
    gitIn(a, "checkout", "--", ".");
  }, 120_000);

  it("branches an experiment into a PR whose report shows the applied params and runs its declared sweep read-only", () => {
    const point = first.points.find(
      (p) => p.params["train.gbdt.trees"] === 40 && p.params["train.gbdt.max_depth"] === 4,
    );
    expect(mlops(a, "exp", "branch", point?.name ?? "", "pr-from-exp").code).toBe(0);
    gitIn(a, "push", "-q", "origin", "pr-from-exp");
    const pr = cloneRepo("pr", bare);
    gitIn(pr, "checkout", "-q", "pr-from-exp");
    // The author declares a 2-point sweep next to the params it varies.
    const pipelineFile = join(pr, "pipelines/fuel-efficiency/pipeline.yaml");
    writeFileSync(
      pipelineFile,
      `${readFileSync(pipelineFile, "utf8")}sweep:\n  params:\n    train.gbdt.trees: [20, 40]\n  max_points: 2\n`,
    );
    gitIn(pr, "commit", "-q", "-am", "fuel-efficiency: sweep the number of trees");
    const refsBefore = gitIn(bare, "for-each-ref");

    // What pr.yml runs, as a pull-request run: reproduce, the declared sweep, the report.
    const env = { GITHUB_EVENT_NAME: "pull_request" };
    const run = runCli(["run", "fuel-efficiency"], { cwd: pr, env });
    expect(run.code, run.stderr).toBe(0);
    const sweep = runCli(["exp", "run", "--declared", "--json"], { cwd: pr, env });
    expect(sweep.code, sweep.stderr).toBe(0);
    const swept = (sweep.json() as { sweeps: { points: PointJson[] }[] }).sweeps[0]?.points ?? [];
    expect(swept.map((p) => [p.name, p.params["fuel-efficiency:train.gbdt.trees"]])).toEqual([
      ["sweep-fuel-efficiency-1", 20],
      ["sweep-fuel-efficiency-2", 40],
    ]);
    const out = join(scratch, "pr-report.json");
    const md = join(scratch, "pr-report.md");
    const report = runCli(
      ["report", "--base", "origin/main", "--no-stages", "--out", out, "--markdown", md],
      {
        cwd: pr,
        env,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(out, "utf8")) as {
      pipelines: {
        pipeline: string;
        params: { key: string; base?: unknown; head?: unknown }[];
        sweep?: {
          keys: string[];
          metric: string;
          points: { name: string; values: unknown[]; metric: number }[];
        };
      }[];
    };
    const fuel = doc.pipelines.find((p) => p.pipeline === "fuel-efficiency");
    // The applied params, against the base the PR targets.
    expect(fuel?.params).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "train.gbdt.trees", base: 300, head: 40 }),
        expect.objectContaining({ key: "train.gbdt.max_depth", base: 3, head: 4 }),
      ]),
    );
    const markdown = readFileSync(md, "utf8");
    expect(markdown).toMatch(/#### Params changed[\s\S]*\| train\.gbdt\.trees \| 300 \| 40 \|/);
    expect(markdown).toMatch(/\| train\.gbdt\.max\\_depth \| 3 \| 4 \|/);
    // The sweep's points score what the earlier grid's points with the same params scored.
    const rmseOf = (trees: number) =>
      first.points.find(
        (p) => p.params["train.gbdt.trees"] === trees && p.params["train.gbdt.max_depth"] === 4,
      )?.metrics?.["metrics.rmse"] as number;
    expect(fuel?.sweep?.metric).toBe("metrics.rmse");
    expect(fuel?.sweep?.points.map((p) => [p.values, p.metric])).toEqual([
      [[20], rmseOf(20)],
      [[40], rmseOf(40)],
    ]);
    const best = rmseOf(20) < rmseOf(40) ? 1 : 2;
    expect(markdown).toContain("#### Sweep");
    expect(markdown).toMatch(
      new RegExp(`\\| sweep-fuel-efficiency-${best} \\| [0-9]+ \\| [0-9.]+ \\| ⭐ best \\|`),
    );
    // Read-only: the sweep's refs stayed in the job, and exp push refuses to share them.
    const push = runCli(["exp", "push", "origin"], { cwd: pr, env });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/read-only in pull-request runs/);
    expect(gitIn(bare, "for-each-ref")).toBe(refsBefore);
  }, 180_000);

  it("branches, diffs, garbage-collects and removes experiments", () => {
    const [x, y] = first.points;
    const branched = mlops(a, "exp", "branch", x?.name ?? "", "try-it");
    expect(branched.code, branched.stderr).toBe(0);
    expect(gitIn(a, "rev-parse", "try-it").trim()).toBe(gitIn(a, "rev-parse", x?.ref ?? "").trim());
    expect(mlops(a, "exp", "branch", x?.name ?? "", "try-it").stderr).toContain("already exists");
    const diff = mlops(a, "exp", "diff", x?.name ?? "", y?.name ?? "", "--json").json() as {
      params: { key: string }[];
      metrics: { key: string }[];
    };
    expect(diff.params.map((p) => p.key)).toContain("train.gbdt.max_depth");
    expect(diff.metrics.map((m) => m.key)).toContain("metrics.rmse");
    // Every base is on main: nothing to collect; only HEAD's experiments would survive --keep-current-only.
    expect((mlops(a, "exp", "gc", "--dry-run", "--json").json() as { removed: string[] }).removed).toEqual(
      [],
    );
    gitIn(a, "commit", "-q", "--allow-empty", "-m", "move HEAD");
    const dry = mlops(a, "exp", "gc", "--dry-run", "--keep-current-only", "--json").json() as {
      removed: string[];
    };
    expect(dry.removed).toHaveLength(6);
    expect(gitIn(a, "for-each-ref", "refs/exps/").trim().split("\n")).toHaveLength(6);
    expect(mlops(a, "exp", "show", "--json").json()).toMatchObject({ rows: [] });
    expect((mlops(a, "exp", "show", "--all", "--json").json() as TableJson).rows).toHaveLength(6);
    expect(mlops(a, "exp", "remove", "--all").code).toBe(0);
    expect(gitIn(a, "for-each-ref", "refs/exps/").trim()).toBe("");
  }, 60_000);
});

describe("the -S parser", () => {
  it("reads keys, pipelines and YAML scalar values", () => {
    expect(parseSetSpec("train.gbdt.trees=100,300")).toEqual({
      pipeline: undefined,
      key: "train.gbdt.trees",
      values: [100, 300],
    });
    expect(parseSetSpec("penguins:train.model=gbdt, linear,true")).toEqual({
      pipeline: "penguins",
      key: "train.model",
      values: ["gbdt", "linear", true],
    });
    expect(parseSetSpec("a=1,1,2").values).toEqual([1, 2]);
  });

  it.each([
    ["trees", "no '=' between the key and its values"],
    ["a=", "no values after '='"],
    ["a=1,,2", "a value is empty"],
    ["=1", "the key is empty"],
    ["a..b=1", 'the key part "" is not a params.yaml name'],
    ["a=[1", "cannot read the value"],
    ["a={x: 1}", "is not a scalar"],
  ])("refuses %s with a message naming the option", (spec, message) => {
    expect(() => parseSetSpec(spec)).toThrow(message);
    try {
      parseSetSpec(spec);
    } catch (err) {
      expect(err).toBeInstanceOf(MlopsError);
      expect((err as MlopsError).code).toBe("usage");
      expect((err as MlopsError).message.startsWith(`-S ${JSON.stringify(spec)}`)).toBe(true);
    }
  });

  it("never crashes on arbitrary text: a sweep or a usage error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (spec) => {
        try {
          const sweep = parseSetSpec(spec);
          expect(sweep.values.length).toBeGreaterThan(0);
          expect(sweep.key.length).toBeGreaterThan(0);
        } catch (err) {
          if (!(err instanceof MlopsError) || err.code !== "usage") throw err;
        }
      }),
      { seed: 21, numRuns: 3000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(fc.integer(), fc.constantFrom("gbdt", "linear", "true", "null", "x-y")), {
          minLength: 1,
          maxLength: 5,
        }),
        (parts, values) => {
          const sweep = parseSetSpec(`${parts.join(".")}=${values.join(",")}`);
          expect(sweep.key).toBe(parts.join("."));
          expect(sweep.values.length).toBe(new Set(values.map(String)).size);
        },
      ),
      { seed: 21, numRuns: 500 },
    );
  });

  it("draws the same distinct random points for the same seed, within the grid", () => {
    const sweeps = [parseSetSpec("a=1,2,3,4"), parseSetSpec("b=x,y,z")];
    const all = gridPoints(sweeps).map((p) => JSON.stringify(p));
    expect(all).toHaveLength(12);
    const drawn = randomPoints(sweeps, 5, 7).map((p) => JSON.stringify(p));
    expect(drawn).toEqual(randomPoints(sweeps, 5, 7).map((p) => JSON.stringify(p)));
    expect(new Set(drawn).size).toBe(5);
    for (const p of drawn) expect(all).toContain(p);
    expect(randomPoints(sweeps, 50, 1)).toHaveLength(12);
  });
});
