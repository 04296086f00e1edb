import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { isMlopsError } from "../src/errors/index.js";
import { loadPipeline } from "../src/pipeline/index.js";
import { expandStages, pyFloatRepr } from "../src/pipeline/templating.js";
import { repoLayout } from "../src/repo/index.js";
import { repoRoot, runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/repo.js";

/** A pipeline directory with its files; returns our expansion as name → cmd. */
function ours(dir: string, files: Record<string, string>): Record<string, string> {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const text = files["pipeline.yaml"] ?? files["dvc.yaml"] ?? "";
  const stages = expandStages({
    file: "pipeline.yaml",
    text,
    dir,
    display: (abs) => abs.slice(dir.length + 1),
  });
  return Object.fromEntries(stages.map((s) => [s.name, String(s.definition.cmd)]));
}

function expandError(dir: string, files: Record<string, string>): unknown {
  try {
    ours(dir, files);
  } catch (err) {
    return err;
  }
  throw new Error("expected an error");
}

let work: { dir: string; cleanup: () => void };
let n = 0;
const fresh = () => {
  const dir = join(work.dir, `case-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};
beforeAll(() => {
  work = tempDir("mlops-templating-");
});
afterAll(() => work.cleanup());

const handCases: Record<string, Record<string, string>> = {
  "foreach over a list of scalars, a mapping, and a list of mappings": {
    "params.yaml": "lr: 0.1\nepochs: 10\nmodels:\n  us: {threshold: 10}\n  eu: {threshold: 1.0}\n",
    "pipeline.yaml": `stages:
  prep:
    foreach: [a, b, 3]
    do:
      cmd: echo \${item} \${lr} \${epochs}
  build:
    foreach: \${models}
    do:
      cmd: train --region \${key} --t \${item.threshold}
  pairs:
    foreach:
      - {x: 1, y: two}
      - {x: 2, y: three}
    do:
      cmd: echo \${item.x}-\${item.y}
`,
  },
  "matrix, vars files and inline vars, a stage's own vars, escapes and a mapping in cmd": {
    "params.yaml": "train:\n  depth: 3\n  flags: {fast: true, slow: false, name: my model, ids: [1, 2]}\n",
    "extra.yaml": "data: {path: data/x.csv}\nunused: 1\n",
    "pipeline.yaml": `vars:
  - extra.yaml:data
  - seeds: [1, 2]
    tag: v1
stages:
  grid:
    matrix:
      model: [gbdt, linear]
      seed: \${seeds}
      cfg: [{a: 1}, {a: 2}]
    cmd: fit \${item.model} --seed \${item.seed} --a \${item.cfg.a} --key \${key} \${data.path}
  plain:
    vars:
      - local: here
    cmd: run \${train.flags} \\\${HOME} \${local} \${tag} \${train.depth}
`,
  },
};

describe("DVC templating in pipeline.yaml (hand cases)", () => {
  it("expands foreach over lists and mappings to NAME@KEY stages", () => {
    const got = ours(
      fresh(),
      handCases["foreach over a list of scalars, a mapping, and a list of mappings"] ?? {},
    );
    expect(got).toEqual({
      "prep@a": "echo a 0.1 10",
      "prep@b": "echo b 0.1 10",
      "prep@3": "echo 3 0.1 10",
      "build@us": "train --region us --t 10",
      "build@eu": "train --region eu --t 1.0",
      "pairs@0": "echo 1-two",
      "pairs@1": "echo 2-three",
    });
  });

  it("expands matrix with DVC's names, and reads vars files, inline vars and a stage's own vars", () => {
    const got = ours(
      fresh(),
      handCases["matrix, vars files and inline vars, a stage's own vars, escapes and a mapping in cmd"] ?? {},
    );
    expect(Object.keys(got)).toEqual([
      "grid@gbdt-1-cfg0",
      "grid@gbdt-1-cfg1",
      "grid@gbdt-2-cfg0",
      "grid@gbdt-2-cfg1",
      "grid@linear-1-cfg0",
      "grid@linear-1-cfg1",
      "grid@linear-2-cfg0",
      "grid@linear-2-cfg1",
      "plain",
    ]);
    expect(got["grid@linear-2-cfg1"]).toBe("fit linear --seed 2 --a 2 --key linear-2-cfg1 data/x.csv");
    expect(got.plain).toBe("run --fast --name 'my model' --ids 1 2 ${HOME} here v1 3");
  });

  it("keeps the type of a value that is the whole string, and writes floats as Python does", () => {
    const dir = fresh();
    writeFileSync(join(dir, "params.yaml"), "seed: 7\n");
    const [stage] = expandStages({
      file: "pipeline.yaml",
      text: "stages:\n  s:\n    cmd: echo\n    seed: ${seed}\n",
      dir,
      display: (a) => a,
    });
    expect(stage?.definition.seed).toBe(7);
    expect([1, 0.1, 1e-5, 1e16, 123456789012345680000, 0.0001, -2.5, 1.5e300].map(pyFloatRepr)).toEqual([
      "1.0",
      "0.1",
      "1e-05",
      "1e+16",
      "1.2345678901234568e+20",
      "0.0001",
      "-2.5",
      "1.5e+300",
    ]);
  });

  it("names file, line and field for an unknown key, a redefined var, and a list inside a string", () => {
    const unknown = expandError(fresh(), {
      "params.yaml": "lr: 0.1\n",
      "pipeline.yaml": "stages:\n  t:\n    foreach: [a]\n    do:\n      cmd: echo ${nope.x}\n",
    });
    expect(isMlopsError(unknown)).toBe(true);
    expect((unknown as Error & { toUserString(): string }).toUserString()).toBe(
      "pipeline.yaml:5: stages.t@a.cmd: Could not find 'nope.x'",
    );
    const redefined = expandError(fresh(), {
      "params.yaml": "lr: 0.1\n",
      "pipeline.yaml": "vars:\n  - lr: 0.2\nstages:\n  t:\n    cmd: echo\n",
    });
    expect((redefined as Error).message).toBe(
      "cannot redefine 'lr' from 'vars[0]' as it already exists in 'params.yaml'",
    );
    expect(redefined as { line?: number; field?: string }).toMatchObject({ line: 1, field: "vars" });
    const list = expandError(fresh(), {
      "params.yaml": "xs: [1, 2]\n",
      "pipeline.yaml": "stages:\n  t:\n    cmd: echo\n    desc: all ${xs}\n",
    });
    expect((list as Error & { toUserString(): string }).toUserString()).toBe(
      "pipeline.yaml:4: stages.t.desc: Cannot interpolate data of type 'list'",
    );
  });

  it("runs a templated pipeline through the loader: names, commands and a schema error on the template's line", async () => {
    const repo = tempRepo();
    try {
      const dir = join(repo.dir, "pipelines/p");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "params.yaml"), "regions: [us, eu]\n");
      writeFileSync(
        join(dir, "pipeline.yaml"),
        "stages:\n  fit:\n    foreach: ${regions}\n    do:\n      cmd: echo ${item} > out-${item}.txt\n      outs:\n        - out-${item}.txt\n",
      );
      const spec = await loadPipeline(repoLayout(repo.dir), "p");
      expect(spec.stages.map((s) => [s.name, s.cmds, s.outs.map((o) => o.path)])).toEqual([
        ["fit@us", ["echo us > out-us.txt"], ["out-us.txt"]],
        ["fit@eu", ["echo eu > out-eu.txt"], ["out-eu.txt"]],
      ]);
      writeFileSync(
        join(dir, "pipeline.yaml"),
        "stages:\n  fit:\n    foreach: ${regions}\n    do:\n      cmd: echo\n      seed: ${item}\n",
      );
      await expect(loadPipeline(repoLayout(repo.dir), "p")).rejects.toMatchObject({
        file: "pipelines/p/pipeline.yaml",
        line: 6,
        field: "stages.fit@us.seed",
      });
    } finally {
      repo.cleanup();
    }
  });
});

describe("a templated pipeline end to end", () => {
  it("runs each generated stage, locks it under its NAME@KEY name, skips it next time, and passes mlops check", () => {
    const repo = tempRepo();
    try {
      const cwd = repo.dir;
      const dir = join(cwd, "pipelines/p");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "params.yaml"), "regions: [us, eu]\nscale: 2.0\n");
      writeFileSync(
        join(dir, "pipeline.yaml"),
        "stages:\n  fit:\n    foreach: ${regions}\n    do:\n      cmd: echo ${item} ${scale} > out-${item}.txt\n      outs:\n        - out-${item}.txt\n",
      );
      const one = runCli(["run", "--stage", "p/fit@us", "--json"], { cwd });
      expect(one.code, one.stderr).toBe(0);
      expect(readFileSync(join(dir, "out-us.txt"), "utf8")).toBe("us 2.0\n");
      const all = runCli(["run"], { cwd });
      expect(all.code, all.stderr).toBe(0);
      expect(all.stdout + all.stderr).toMatch(/1 ran, 0 restored, 1 unchanged/);
      const again = runCli(["run"], { cwd });
      expect(again.stdout + again.stderr).toMatch(/0 ran, 0 restored, 2 unchanged/);
      expect(readFileSync(join(dir, "pipeline.lock"), "utf8")).toMatch(/^ {2}fit@us:$[\s\S]*^ {2}fit@eu:$/m);
      const check = runCli(["check"], { cwd });
      expect(check.code, check.stdout + check.stderr).toBe(0);
    } finally {
      repo.cleanup();
    }
  });
});

/**
 * DVC's own expansion of each directory (a dvc.yaml there), by the pinned DVC: the first `cli`
 * directories' names from `dvc stage list` itself, the others' from the index it lists.
 */
function dvcExpand(
  dirs: string[],
  cli: number,
): Record<string, { names?: string[]; cmds?: Record<string, string>; error?: string }> {
  const out = execFileSync(
    "sh",
    [
      join(repoRoot, "scripts/python/venv-run.sh"),
      join(repoRoot, "scripts/bench/requirements-dvc.txt"),
      "python3",
      join(repoRoot, "scripts/compare/dvc-stages.py"),
      "--cli",
      String(cli),
      ...dirs,
    ],
    {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 600_000,
      maxBuffer: 1 << 26,
      env: { ...process.env, DVC_NO_ANALYTICS: "1" },
    },
  );
  // DVC prints its own notes ("Initialized DVC repository") before the script's one JSON line.
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
}

/** The same files as a DVC project: pipeline.yaml becomes dvc.yaml. */
function asDvcProject(files: Record<string, string>): string {
  const dir = fresh();
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name === "pipeline.yaml" ? "dvc.yaml" : name), text);
  return dir;
}

const scalar = fc.oneof(
  fc.constantFrom("a", "b-1", "x.y", "Z"),
  fc.integer({ min: -50, max: 500 }),
  fc.constantFrom(0.5, 1.0, 2.25, 1e-5, 100.0),
  fc.boolean(),
);

/** A random templated pipeline and its params: foreach over lists and mappings, matrix, vars. */
const templatedProject = fc
  .record({
    list: fc.uniqueArray(scalar, { minLength: 1, maxLength: 4, selector: (v) => `${typeof v}:${String(v)}` }),
    map: fc.dictionary(fc.constantFrom("us", "eu", "k1", "k2", "k3"), scalar, { minKeys: 1, maxKeys: 3 }),
    dimA: fc.uniqueArray(fc.constantFrom("m1", "m2", "m3"), { minLength: 1, maxLength: 3 }),
    dimB: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }),
    inline: scalar,
    listInline: fc.boolean(),
  })
  .map((r) => {
    const params = { list: r.list, map: r.map, dimb: r.dimB, num: 1.0 };
    const floatsKept = stringify(params).replace(/^num: 1$/m, "num: 1.0");
    const stages = [
      "stages:",
      "  each:",
      `    foreach: ${r.listInline ? JSON.stringify(r.list) : "${list}"}`,
      "    do:",
      "      cmd: run ${item} ${num} ${inline}",
      "  bykey:",
      "    foreach: ${map}",
      "    do:",
      "      cmd: go ${key} ${item}",
      "  grid:",
      "    matrix:",
      `      a: ${JSON.stringify(r.dimA)}`,
      "      b: ${dimb}",
      "    cmd: fit ${item.a} ${item.b} ${key}",
    ];
    return {
      "params.yaml": floatsKept,
      "pipeline.yaml": `vars:\n  - inline: ${JSON.stringify(r.inline)}\n${stages.join("\n")}\n`,
    };
  });

describe("the same expansion as DVC 3.67 (`dvc stage list`, pinned, hash-locked)", () => {
  it("gives the stage names and commands DVC gives, on the hand cases and on generated pipelines", {
    timeout: 900_000,
  }, () => {
    const generated = fc.sample(templatedProject, { seed: 2207, numRuns: 30 });
    const projects = [...Object.values(handCases), ...generated];
    const dirs = projects.map(asDvcProject);
    const theirs = dvcExpand(dirs, Object.keys(handCases).length);
    projects.forEach((files, i) => {
      const dir = dirs[i] as string;
      const dvc = theirs[dir];
      expect(dvc?.error, JSON.stringify(files)).toBeUndefined();
      const mine = ours(fresh(), files);
      expect(Object.keys(mine), JSON.stringify(files)).toEqual(dvc?.names);
      expect(mine, JSON.stringify(files)).toEqual(dvc?.cmds);
    });
  });
});

describe("templating fuzz", () => {
  it("never throws anything but a located MlopsError, on any generated pipeline", () => {
    const junk = fc.oneof(
      fc.string(),
      fc.constantFrom("${", "${}", "${a.}", "${a[x]}", "\\${a}", "${list[9]}", "${map}"),
    );
    fc.assert(
      fc.property(templatedProject, junk, (files, extra) => {
        const dir = fresh();
        const text = `${files["pipeline.yaml"]}  odd:\n    cmd: ${JSON.stringify(`x ${extra}`)}\n`;
        try {
          ours(dir, { ...files, "pipeline.yaml": text });
        } catch (err) {
          if (!isMlopsError(err)) throw err;
          expect(err.file).toBe("pipeline.yaml");
          expect(err.field).toMatch(/^stages\.odd/);
          expect(err.line).toBeGreaterThan(0);
        }
      }),
      { seed: 22, numRuns: 200 },
    );
  });
});
