import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { tempRepo } from "./support/repo.js";

interface StageLine {
  pipeline: string;
  stage: string;
  status: string;
  reason: string;
}

/** `mlops run --json` prints one object per line, one line per stage. */
function stagesOf(stdout: string): Record<string, StageLine> {
  const out: Record<string, StageLine> = {};
  for (const line of stdout.split("\n").filter((l) => l.trim() !== "")) {
    const r = JSON.parse(line) as StageLine;
    out[r.stage] = r;
  }
  return out;
}

/**
 * A three-stage pipeline of shell commands: `prep` reads a param, `double` reads prep's output,
 * `other` reads only its own param. Every real execution appends the stage name to ../../ran.log,
 * which no stage declares, so the test can tell "ran" from "restored" or "skipped" without timing.
 */
const pipelineYaml = `stages:
  prep:
    cmd: echo prep >> ../../ran.log && mkdir -p out && echo "\${prep.n}" > out/a.txt
    deps: [input.txt]
    params: [prep.n]
    outs: [out/a.txt]
  double:
    cmd: echo double >> ../../ran.log && cat out/a.txt out/a.txt > b.txt
    deps: [out/a.txt]
    outs: [b.txt]
  other:
    cmd: echo other >> ../../ran.log && printf '{"score":%s}' \${other.k} > metrics.json
    params: [other]
    metrics: [metrics.json]
`;

describe("mlops run", () => {
  let repo: { dir: string; cleanup: () => void };
  let dir: string;
  const ranLog = () =>
    existsSync(join(repo.dir, "ran.log"))
      ? readFileSync(join(repo.dir, "ran.log"), "utf8").split("\n").filter(Boolean)
      : [];
  const run = (...args: string[]) => runCli(["run", "--json", ...args], { cwd: repo.dir });
  const lockText = () => readFileSync(join(dir, "pipeline.lock"), "utf8");

  beforeEach(() => {
    repo = tempRepo();
    dir = join(repo.dir, "pipelines", "demo");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "pipeline.yaml"), pipelineYaml);
    writeFileSync(join(dir, "params.yaml"), "prep:\n  n: 3\nother:\n  k: 1\n");
    writeFileSync(join(dir, "input.txt"), "hello\n");
  });
  afterEach(() => repo.cleanup());

  it("runs every stage once, then skips them all while nothing changes", () => {
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    expect(Object.values(stagesOf(first.stdout)).map((s) => s.status)).toEqual(["ran", "ran", "ran"]);
    expect(ranLog().sort()).toEqual(["double", "other", "prep"]);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("3\n3\n");
    const lock = lockText();
    expect(lock).toContain("prep.n: 3");

    const second = run();
    expect(second.code, second.stderr).toBe(0);
    expect(Object.values(stagesOf(second.stdout)).map((s) => s.status)).toEqual([
      "skipped",
      "skipped",
      "skipped",
    ]);
    expect(ranLog()).toHaveLength(3);
    expect(lockText()).toBe(lock);
    // Outputs stay out of git; metrics are meant to be committed.
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toContain("/b.txt");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).not.toContain("metrics.json");
  });

  it("reruns only the stages that depend on a changed param", () => {
    expect(run().code).toBe(0);
    writeFileSync(join(dir, "params.yaml"), "prep:\n  n: 3\nother:\n  k: 2\n");
    const result = run();
    expect(result.code, result.stderr).toBe(0);
    const stages = stagesOf(result.stdout);
    expect(stages.other?.status).toBe("ran");
    expect(stages.other?.reason).toContain("other");
    expect(stages.prep?.status).toBe("skipped");
    expect(stages.double?.status).toBe("skipped");
    expect(ranLog().filter((s) => s === "other")).toHaveLength(2);
    expect(ranLog().filter((s) => s === "prep")).toHaveLength(1);
    expect(lockText()).toContain("k: 2");
  });

  it("restores deleted outputs from the run cache without running the commands", () => {
    expect(run().code).toBe(0);
    const lock = lockText();
    rmSync(join(dir, "out"), { recursive: true });
    rmSync(join(dir, "b.txt"));
    const result = run();
    expect(result.code, result.stderr).toBe(0);
    const stages = stagesOf(result.stdout);
    expect(stages.prep?.status).toBe("restored");
    expect(stages.double?.status).toBe("restored");
    expect(stages.other?.status).toBe("skipped");
    expect(ranLog()).toHaveLength(3);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("3\n3\n");
    expect(lockText()).toBe(lock);
  });

  it("restores from the remote's run cache on a machine that never ran the stages", () => {
    expect(run().code).toBe(0);
    const remote = join(repo.dir, "..", `${repo.dir.split("/").pop()}-remote`);
    expect(runCli(["remote", "add", "shared", remote, "--default"], { cwd: repo.dir }).code).toBe(0);
    const pushed = runCli(["data", "push", "--json"], { cwd: repo.dir });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.json()).toMatchObject({ runs: { entries: 3 } });
    // A new machine: no cache, no outputs, only the committed files and the remote.
    rmSync(join(repo.dir, ".mlops", "cache"), { recursive: true });
    rmSync(join(repo.dir, ".mlops", "state"), { recursive: true });
    rmSync(join(dir, "out"), { recursive: true });
    rmSync(join(dir, "b.txt"));
    rmSync(join(dir, "metrics.json"));
    const result = run();
    expect(result.code, result.stderr).toBe(0);
    expect(Object.values(stagesOf(result.stdout)).map((s) => s.status)).toEqual([
      "restored",
      "restored",
      "restored",
    ]);
    expect(ranLog()).toHaveLength(3);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("3\n3\n");
    rmSync(remote, { recursive: true, force: true });
  });

  it("restores an earlier result when a param goes back to a value that ran before", () => {
    expect(run().code).toBe(0);
    writeFileSync(join(dir, "params.yaml"), "prep:\n  n: 4\nother:\n  k: 1\n");
    expect(run().code).toBe(0);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("4\n4\n");
    writeFileSync(join(dir, "params.yaml"), "prep:\n  n: 3\nother:\n  k: 1\n");
    const result = run();
    const stages = stagesOf(result.stdout);
    expect(stages.prep?.status).toBe("restored");
    expect(stages.double?.status).toBe("restored");
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("3\n3\n");
    expect(ranLog().filter((s) => s === "prep")).toHaveLength(2);
  });

  it("--force runs again, --dry runs nothing, --stage runs a stage and what it needs", () => {
    expect(run().code).toBe(0);
    const dry = run("--dry", "--force");
    expect(Object.values(stagesOf(dry.stdout)).map((s) => s.status)).toEqual([
      "would-run",
      "would-run",
      "would-run",
    ]);
    expect(ranLog()).toHaveLength(3);

    writeFileSync(join(dir, "input.txt"), "changed\n");
    const dryChanged = stagesOf(run("--dry").stdout);
    expect(dryChanged.prep?.status).toBe("would-run");
    expect(dryChanged.double?.status).toBe("would-run");
    expect(dryChanged.other?.status).toBe("skipped");
    expect(ranLog()).toHaveLength(3);

    const only = run("--stage", "prep");
    expect(Object.keys(stagesOf(only.stdout))).toEqual(["prep"]);
    expect(ranLog()).toHaveLength(4);

    const forced = run("--force", "--stage", "demo/other");
    expect(stagesOf(forced.stdout).other?.status).toBe("ran");
    expect(ranLog()).toHaveLength(5);
  });

  it("runs independent stages side by side", () => {
    // Each stage waits (up to 20 s) for the other to have started: run one at a time, the first times out.
    writeFileSync(
      join(dir, "pipeline.yaml"),
      `stages:
  left:
    cmd: touch ../../left.started && for i in $(seq 200); do [ -e ../../right.started ] && break; sleep 0.1; done && [ -e ../../right.started ] && echo ok > left.txt
    outs: [left.txt]
  right:
    cmd: touch ../../right.started && for i in $(seq 200); do [ -e ../../left.started ] && break; sleep 0.1; done && [ -e ../../left.started ] && echo ok > right.txt
    outs: [right.txt]
`,
    );
    const result = run("--jobs", "2");
    expect(result.code, result.stderr).toBe(0);
    expect(Object.values(stagesOf(result.stdout)).map((s) => s.status)).toEqual(["ran", "ran"]);
  });

  it("a failing stage keeps the previous outputs and lock, and says which stage failed", () => {
    expect(run().code).toBe(0);
    const lock = lockText();
    writeFileSync(join(dir, "params.yaml"), "prep:\n  n: 5\nother:\n  k: 1\n");
    writeFileSync(
      join(dir, "pipeline.yaml"),
      pipelineYaml.replace(
        "cat out/a.txt out/a.txt > b.txt",
        'echo partial > b.txt && echo "disk full, giving up" >&2 && exit 3',
      ),
    );
    const result = runCli(["run"], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("pipelines/demo/pipeline.yaml: stage 'double'");
    expect(result.stderr).toContain("exited with code 3");
    expect(result.stderr).toContain("disk full, giving up");
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("3\n3\n");
    const after = lockText();
    // prep succeeded and is recorded; double's entry is exactly what it was.
    expect(after).toContain("prep.n: 5");
    const doubleEntry = (text: string) => text.slice(text.indexOf("  double:"), text.indexOf("  other:"));
    expect(doubleEntry(after)).toBe(doubleEntry(lock));
  });

  it("refuses a missing dependency, a cycle and an unknown param before running anything", () => {
    writeFileSync(
      join(dir, "pipeline.yaml"),
      pipelineYaml.replace("deps: [input.txt]", "deps: [nowhere.csv]"),
    );
    const missing = runCli(["run"], { cwd: repo.dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /pipelines\/demo\/pipeline\.yaml:\d+: stages\.prep\.deps\[0\]: stage 'prep' depends on 'nowhere.csv', which does not exist/,
    );

    writeFileSync(
      join(dir, "pipeline.yaml"),
      `stages:
  a:
    cmd: cp b.txt a.txt
    deps: [b.txt]
    outs: [a.txt]
  b:
    cmd: cp a.txt b.txt
    deps: [a.txt]
    outs: [b.txt]
`,
    );
    const cycle = runCli(["run"], { cwd: repo.dir });
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toMatch(/the stages form a cycle: demo\/(a|b) → demo\/(a|b) → demo\/(a|b)/);

    writeFileSync(join(dir, "pipeline.yaml"), pipelineYaml.replace("params: [prep.n]", "params: [prep.m]"));
    const unknown = runCli(["run"], { cwd: repo.dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /pipelines\/demo\/pipeline\.yaml:5: stages\.prep\.params\[0\]: stage 'prep' names unknown parameter 'prep\.m'/,
    );
    expect(ranLog()).toEqual([]);
    expect(existsSync(join(dir, "pipeline.lock"))).toBe(false);

    const noPipeline = runCli(["run", "nope"], { cwd: repo.dir });
    expect(noPipeline.code).toBe(2);
    expect(noPipeline.stderr).toContain("no pipeline named 'nope'");
  });

  it("a stage that does not write a declared output fails and leaves the lock alone", () => {
    writeFileSync(
      join(dir, "pipeline.yaml"),
      pipelineYaml.replace("cat out/a.txt out/a.txt > b.txt", "true"),
    );
    const result = runCli(["run"], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("stage 'double' did not write its output 'b.txt'");
    expect(lockText()).not.toContain("double:");
  });
});
