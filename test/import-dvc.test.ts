import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { isMlopsError } from "../src/errors/index.js";
import { convertDvcYaml, dvcFile, dvcLock } from "../src/import-dvc/index.js";
import { parseYaml } from "../src/manifest/index.js";
import { repoRoot, runCli } from "./support/cli.js";
import { mlopsOnPath, runBlock, shellBlocks } from "./support/doc-blocks.js";
import { gitIn, tempDir } from "./support/repo.js";

/** Runs the pinned DVC (scripts/bench/requirements-dvc.txt, hash-locked) in `cwd`. */
function dvc(cwd: string, ...args: string[]): string {
  return execFileSync(
    "sh",
    [
      join(repoRoot, "scripts/python/venv-run.sh"),
      join(repoRoot, "scripts/bench/requirements-dvc.txt"),
      "dvc",
      ...args,
    ],
    { cwd, encoding: "utf8", timeout: 600_000, env: { ...process.env, DVC_NO_ANALYTICS: "1" } },
  );
}

const dvcYaml = `stages:
  split:
    foreach: \${regions}
    do:
      cmd: python3 split.py \${item} \${scale}
      deps: [split.py, data/weather.csv]
      params: [scale]
      outs:
        - out/\${item}.txt
  score:
    cmd: python3 score.py
    deps: [score.py, out/north.txt, out/south.txt]
    metrics:
      - metrics.json:
          cache: false
`;

/**
 * A real DVC project made by DVC itself: a tracked table (`dvc add`), a `foreach` stage over params,
 * a metrics file, reproduced (`dvc repro`) and pushed to a local remote (`dvc push`).
 */
function buildDvcProject(dir: string, remote: string): void {
  gitIn(dir, "init", "-q", "-b", "main");
  gitIn(dir, "config", "user.email", "test@example.invalid");
  gitIn(dir, "config", "user.name", "mlops test");
  dvc(dir, "init", "-q");
  mkdirSync(join(dir, "data"));
  mkdirSync(join(dir, "out"));
  copyFileSync(
    join(repoRoot, "node_modules/vega-datasets/data/seattle-weather.csv"),
    join(dir, "data/weather.csv"),
  );
  dvc(dir, "add", "-q", "data/weather.csv");
  mkdirSync(join(dir, "data/notes/2012"), { recursive: true });
  writeFileSync(join(dir, "data/notes/readme.txt"), "daily weather, Seattle\n");
  writeFileSync(join(dir, "data/notes/2012/jan.txt"), "wet\n");
  dvc(dir, "add", "-q", "data/notes");
  writeFileSync(join(dir, "params.yaml"), "regions: [north, south]\nscale: 2\n");
  writeFileSync(
    join(dir, "split.py"),
    'import sys\nregion, scale = sys.argv[1], int(sys.argv[2])\nrows = open("data/weather.csv").read().splitlines()[1:]\nwith open(f"out/{region}.txt", "w") as f:\n    f.write(f"{region} {len(rows) * scale}\\n")\n',
  );
  writeFileSync(
    join(dir, "score.py"),
    'import json\ntotal = sum(int(open(f"out/{r}.txt").read().split()[1]) for r in ["north", "south"])\njson.dump({"total": total, "acc": 0.875, "per_region": {"north": 0.9, "south": 0.85}}, open("metrics.json", "w"))\n',
  );
  writeFileSync(join(dir, "dvc.yaml"), dvcYaml);
  dvc(dir, "remote", "add", "-d", "local", remote);
  dvc(dir, "repro", "-q");
  dvc(dir, "push", "-q");
  gitIn(dir, "add", "-A");
  gitIn(dir, "commit", "-q", "-m", "a DVC project");
}

function dotted(value: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v))
      Object.assign(out, dotted(v as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

interface ImportResult {
  ok: boolean;
  written: string[];
  restored: string[];
  locked: string[];
  rerun: { stage: string; reason: string }[];
  notCarried: { file: string; field: string; what: string }[];
}

describe("mlops import dvc, on a project DVC 3.67 built", () => {
  let work: { dir: string; cleanup: () => void };
  let pristine: string;
  let dvcMetrics: Record<string, unknown>;
  /** A fresh copy of the DVC project (its local remote is shared, outside the copies). */
  let copies = 0;
  const copy = () => {
    const dir = join(work.dir, `copy-${copies++}`);
    cpSync(pristine, dir, { recursive: true });
    return dir;
  };

  beforeAll(() => {
    work = tempDir("mlops-import-dvc-");
    pristine = join(work.dir, "project");
    mkdirSync(pristine);
    buildDvcProject(pristine, join(work.dir, "remote"));
    const shown = JSON.parse(dvc(pristine, "metrics", "show", "--json")) as Record<
      string,
      { data: Record<string, { data: Record<string, unknown> }> }
    >;
    dvcMetrics = shown[""]?.data["metrics.json"]?.data ?? {};
  }, 600_000);
  afterAll(() => work?.cleanup());

  it("--dry-run checks every object and lists what it would write, writing nothing", () => {
    const dir = copy();
    const r = runCli(["import", "dvc", "--dry-run", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as ImportResult;
    expect(out.written).toEqual([
      "data/notes.dvc",
      "data/weather.dvc",
      "pipelines/dvc/pipeline.yaml",
      "pipelines/dvc/pipeline.lock",
    ]);
    expect(out.locked.sort()).toEqual(["score", "split@north", "split@south"]);
    expect(existsSync(join(dir, "pipelines"))).toBe(false);
    expect(existsSync(join(dir, "data/weather.dvc"))).toBe(false);
    // DVC's own data/notes.dvc, which the import would replace, is untouched by a dry run.
    expect(readFileSync(join(dir, "data/notes.dvc"), "utf8")).toContain("md5:");
  });

  it("imports data, pipeline and lock so that mlops run skips every stage and metrics show equals dvc metrics show", () => {
    const dir = copy();
    const r = runCli(["import", "dvc", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as ImportResult;
    expect(out.rerun).toEqual([]);
    expect(out.locked.sort()).toEqual(["score", "split@north", "split@south"]);
    const manifest = readFileSync(join(dir, "data/weather.dvc"), "utf8");
    expect(manifest).toContain("sha256: 0845078a290b48e3149ab8639966824110a251db4e06fc144c06ebb534af23be");

    const run = runCli(["run", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const stages = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { stage: string; status: string; reason: string });
    expect(stages.map((s) => `${s.stage} ${s.status} ${s.reason}`).sort()).toEqual([
      "score skipped unchanged",
      "split@north skipped unchanged",
      "split@south skipped unchanged",
    ]);
    const metrics = runCli(["metrics", "show", "--json"], { cwd: dir });
    expect(metrics.code, metrics.stderr).toBe(0);
    const files = (metrics.json() as { files: { path: string; values: unknown }[] }).files;
    // Nested metrics read as dotted keys, as DVC's own table prints them (per_region.north).
    expect(files.find((f) => f.path === "metrics.json")?.values).toEqual(dotted(dvcMetrics));
    expect(dvcMetrics).toEqual({ total: 5844, acc: 0.875, per_region: { north: 0.9, south: 0.85 } });

    // The stages still run under mlops: a changed param reruns both foreach stages and the scorer.
    writeFileSync(join(dir, "params.yaml"), "regions: [north, south]\nscale: 3\n");
    const again = runCli(["run", "--json"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8")).total).toBe(1461 * 3 * 2);
    // And both tools can still live side by side: DVC's own .dvc files are left to DVC.
    expect(runCli(["data", "status"], { cwd: dir }).code).toBe(0);
    expect(runCli(["check"], { cwd: dir }).code).toBe(0);
  });

  it("docs/migrating-from-dvc.md runs as written: every shell block, in order", () => {
    const dir = copy();
    const env = { PATH: `${mlopsOnPath(join(work.dir, "bin"))}:${process.env.PATH}` };
    const blocks = shellBlocks(join(repoRoot, "docs/migrating-from-dvc.md"));
    expect(blocks.map((b) => b.text).join("\n")).toMatch(
      /mlops import dvc --dry-run[\s\S]*mlops import dvc\n[\s\S]*mlops run/,
    );
    const outputs: string[] = [];
    for (const block of blocks) {
      const r = runBlock(block, dir, env);
      expect(r.code, `docs/migrating-from-dvc.md:${block.line}\n${block.text}\n${r.stderr}`).toBe(0);
      outputs.push(r.stdout);
    }
    expect(outputs.join("")).toMatch(/skipped +dvc\/split@north .* unchanged/);
    expect(outputs.join("")).toMatch(/skipped +dvc\/score .* unchanged/);
    expect(outputs.join("")).toContain("| metrics.json | total | 5844 |");
    expect(gitIn(dir, "ls-files", "data", "pipelines")).toBe(
      "data/.gitignore\ndata/notes.dvc\ndata/weather.dvc\npipelines/dvc/pipeline.lock\npipelines/dvc/pipeline.yaml\n",
    );
  });

  it("takes the bytes from the local remote when the cache and the workspace lack them", () => {
    const dir = copy();
    rmSync(join(dir, ".dvc/cache"), { recursive: true, force: true });
    rmSync(join(dir, "out"), { recursive: true, force: true });
    rmSync(join(dir, "data/weather.csv"));
    rmSync(join(dir, "data/notes"), { recursive: true });
    const r = runCli(["import", "dvc", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as ImportResult;
    expect(out.restored.sort()).toEqual(["data/notes", "data/weather.csv", "out/north.txt", "out/south.txt"]);
    expect(readFileSync(join(dir, "out/north.txt"), "utf8")).toBe("north 2922\n");
    // A directory DVC tracked (data/notes.dvc): its listing and files, md5-checked, under our manifest of the same name.
    expect(readFileSync(join(dir, "data/notes/2012/jan.txt"), "utf8")).toBe("wet\n");
    expect(readFileSync(join(dir, "data/notes.dvc"), "utf8")).toMatch(
      /hash: sha256\n\s+sha256: [0-9a-f]{64}\.dir\n\s+size: 27\n\s+nfiles: 2/,
    );
    const run = runCli(["run", "--json"], { cwd: dir });
    expect(run.stdout).not.toContain('"ran"');
  });

  it("names a corrupted object of the DVC cache and the entry recording it, and writes nothing", () => {
    const dir = copy();
    const object = ".dvc/cache/files/md5/a0/ed4d00f823a74a73798d4520e26874";
    chmodSync(join(dir, object), 0o644);
    writeFileSync(join(dir, object), "date,weather\n2012-01-01,sun\n");
    const r = runCli(["import", "dvc"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`DVC object ${object} holds bytes whose md5 is`);
    expect(r.stderr).toContain(
      "not the a0ed4d00f823a74a73798d4520e26874 that data/weather.csv.dvc records at outs[0].md5",
    );
    expect(existsSync(join(dir, "pipelines"))).toBe(false);
    expect(existsSync(join(dir, "data/weather.dvc"))).toBe(false);
  });

  it("lists what it cannot carry over: a cloud remote, frozen stages, unknown output options, top-level plots, a modified file", () => {
    const dir = copy();
    writeFileSync(
      join(dir, ".dvc/config"),
      "[core]\n    remote = cloud\n['remote \"cloud\"']\n    url = s3://bucket/path\n",
    );
    writeFileSync(
      join(dir, "dvc.yaml"),
      dvcYaml
        .replace("  score:\n", "  score:\n    frozen: true\n")
        .replace("          cache: false\n", "          cache: false\n          remote: other\n")
        .concat("plots:\n  - metrics.json\n"),
    );
    writeFileSync(join(dir, "out/south.txt"), "south 0\n");
    const r = runCli(["import", "dvc", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = r.json() as ImportResult;
    const listed = out.notCarried.map((n) => `${n.file}: ${n.field}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        '.dvc/config: remote "cloud".url',
        "dvc.yaml: plots",
        "dvc.yaml: stages.score.frozen",
        "dvc.yaml: stages.score.metrics[0].remote",
      ]),
    );
    expect(out.rerun).toEqual(
      expect.arrayContaining([
        {
          stage: "split@south",
          reason:
            "out/south.txt in the workspace differs from what DVC recorded (`dvc status` shows it modified): not imported",
        },
      ]),
    );
    expect(out.locked.sort()).toEqual(["split@north"]);
  });
}, 900_000);

describe("the DVC file parsers", () => {
  const entry = fc.record(
    {
      path: fc.oneof(fc.constantFrom("data/x.csv", "out"), fc.string(), fc.integer()),
      md5: fc.oneof(
        fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 32, maxLength: 32 }),
        fc.string({ maxLength: 40 }),
        fc.constant(`${"0".repeat(32)}.dir`),
      ),
      size: fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 }), fc.string({ maxLength: 3 })),
      hash: fc.constantFrom("md5", "sha256"),
    },
    { requiredKeys: [] },
  );
  const anything = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.constant(null),
    fc.array(entry, { maxLength: 2 }),
  );

  it("read random .dvc files and dvc.lock files, or say file: field: what was expected", () => {
    fc.assert(
      fc.property(
        fc.record(
          { outs: fc.oneof(fc.array(entry, { maxLength: 3 }), anything), deps: anything },
          { requiredKeys: [] },
        ),
        fc.record(
          {
            schema: fc.constantFrom("2.0", "1.0", 2),
            stages: fc.oneof(
              fc.dictionary(
                fc.constantFrom("a", "b@x"),
                fc.record(
                  { cmd: fc.oneof(fc.string(), fc.integer()), deps: anything, outs: anything },
                  { requiredKeys: [] },
                ),
              ),
              anything,
            ),
          },
          { requiredKeys: [] },
        ),
        (dotDvc, lock) => {
          for (const [value, schema, file] of [
            [dotDvc, dvcFile, "data/x.csv.dvc"],
            [lock, dvcLock, "dvc.lock"],
          ] as const) {
            try {
              parseYaml(stringify(value), schema, file);
            } catch (err) {
              expect(isMlopsError(err), String(err)).toBe(true);
              expect((err as { file?: string }).file).toBe(file);
              expect((err as Error).message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { seed: 22, numRuns: 400 },
    );
  });

  it("names the field of a bad md5 in dvc.lock", () => {
    const text =
      "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    outs:\n    - path: model.pkl\n      md5: nothex\n";
    try {
      parseYaml(text, dvcLock, "dvc.lock");
      throw new Error("expected an error");
    } catch (err) {
      expect(isMlopsError(err)).toBe(true);
      expect((err as Error & { toUserString(): string }).toUserString()).toMatch(
        /^dvc\.lock:7: stages\.train\.outs\[0\]\.md5: .*expected an md5/,
      );
    }
  });

  it("convert any dvc.yaml text or refuse it with the file named", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .record(
              {
                stages: fc.dictionary(
                  fc.constantFrom("s", "t"),
                  fc.oneof(
                    anything,
                    fc.record(
                      {
                        cmd: fc.string(),
                        frozen: fc.boolean(),
                        foreach: anything,
                        do: anything,
                        wdir: fc.constantFrom("sub", "."),
                      },
                      { requiredKeys: [] },
                    ),
                  ),
                ),
                vars: anything,
                plots: anything,
              },
              { requiredKeys: [] },
            )
            .map((v) => stringify(v)),
        ),
        (text) => {
          try {
            const out = convertDvcYaml(text, {
              shown: "dvc.yaml",
              toProject: "../..",
              paramsYamlExists: true,
            });
            expect(typeof out.text).toBe("string");
          } catch (err) {
            expect(isMlopsError(err), String(err)).toBe(true);
            expect((err as { file?: string }).file).toBe("dvc.yaml");
          }
        },
      ),
      { seed: 22, numRuns: 300 },
    );
  });
});
