// Parameter-sweep benchmarks, side by side with DVC in the same run:
//   exp-sweep        a 16-point grid over the fuel-efficiency training (trees × max_depth), 2 points
//                    at a time: `mlops exp run -j 2` vs `dvc exp run --queue` ×16 + `dvc queue start -j 2`
//                    on an equivalent dvc.yaml running the same commands, end to end
//   exp-sweep-rerun  the same sweep again, where every point ran before (both restore from their
//                    run caches)
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { writeMlopsShim } from "./mlops-shim.mjs";

export const sweepBenchNames = ["exp-sweep", "exp-sweep-rerun"];

const trees = [50, 100, 150, 200];
const depths = [2, 3, 4, 5];

/** A synchronous pause while polling DVC's queue (the bench drives commands with spawnSync). */
function pause(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export async function sweepBenches(ctx) {
  const { root, work, record, guard, requireDvc, log, run, opts } = ctx;
  const { dvcBin, dvcEnv } = ctx;
  await guard(sweepBenchNames, "a 16-point sweep against `dvc exp run --queue`", () => {
    requireDvc();
    const ours = join(work, "sweep-mlops");
    const theirs = join(work, "sweep-dvc");
    for (const dir of [ours, theirs]) {
      cpSync(join(root, "data"), join(dir, "data"), {
        recursive: true,
        filter: (src) => src === join(root, "data") || /\.(dvc|ya?ml)$|\.gitignore$/.test(src),
      });
      cpSync(join(root, "pipelines/fuel-efficiency"), join(dir, "pipelines/fuel-efficiency"), {
        recursive: true,
        filter: (src) =>
          !/pipeline\.lock$|\.gitignore$|\/(data|models|plots)$|\.onnx$|metrics\.json$|validation\.json$/.test(
            src,
          ),
      });
      cpSync(join(root, ".mlops/config.yaml"), join(dir, ".mlops/config.yaml"));
      // prepare.mjs imports yaml; the shim gives stages `mlops`.
      cpSync(join(root, "node_modules/yaml"), join(dir, "node_modules/yaml"), { recursive: true });
      writeFileSync(join(dir, ".gitignore"), "node_modules/\n.mlops/cache/\n.mlops/state/\n.mlops/tmp/\n");
      run("git", ["init", "-q", "-b", "main"], dir);
      run("git", ["config", "user.email", "bench@example.invalid"], dir);
      run("git", ["config", "user.name", "bench"], dir);
    }
    const shim = writeMlopsShim(join(work, "bin"), root);
    // DVC's queue starts its workers as `dvc` from PATH: the venv's bin must be on it.
    const env = { ...dvcEnv, PATH: `${shim}:${dirname(dvcBin)}:${process.env.PATH}` };
    const mlops = (args, cwd) => run("node", [join(root, "bin/mlops.js"), ...args], cwd, env);

    // Untimed: both sides reproduce the committed params once, so each starts with a warm cache of
    // the stages every point shares (validate, prepare, the baseline) and a clean commit.
    mlops(["remote", "add", "none", join(work, "sweep-remote"), "--default", "--local"], ours);
    mlops(["run", "-q", "fuel-efficiency"], ours);
    run("git", ["add", "-A"], ours);
    run("git", ["commit", "-q", "-m", "base"], ours);
    // DVC's queue runs each point in a copy of the commit: the data it reads is committed there.
    for (const name of ["cars.json", "cars-recent.json"])
      cpSync(join(ours, "data", name), join(theirs, "data", name));
    writeFileSync(join(theirs, "data/.gitignore"), "");
    const spec = parse(readFileSync(join(theirs, "pipelines/fuel-efficiency/pipeline.yaml"), "utf8"));
    const stages = {};
    for (const [stage, s] of Object.entries(spec.stages)) {
      const { desc: _desc, seed: _seed, ...rest } = s;
      stages[stage] = rest;
    }
    writeFileSync(join(theirs, "pipelines/fuel-efficiency/dvc.yaml"), stringify({ stages }));
    run(dvcBin, ["init", "-q"], theirs, env);
    // data/*.dvc are mlops's manifests (sha256), which `mlops validate` reads; DVC must not parse them.
    writeFileSync(join(theirs, ".dvcignore"), "/data/*.dvc\n");
    run(dvcBin, ["config", "core.analytics", "false"], theirs, env);
    run(dvcBin, ["repro", "pipelines/fuel-efficiency/dvc.yaml"], theirs, env);
    run("git", ["add", "-A"], theirs);
    run("git", ["commit", "-q", "-m", "base"], theirs);

    const sets = [
      "-S",
      `train.gbdt.trees=${trees.join(",")}`,
      "-S",
      `train.gbdt.max_depth=${depths.join(",")}`,
    ];
    const oursSweep = () => {
      const start = performance.now();
      const out = JSON.parse(mlops(["exp", "run", "fuel-efficiency", ...sets, "-j", "2", "--json"], ours));
      const seconds = (performance.now() - start) / 1000;
      if (out.points.length !== 16 || out.points.some((p) => p.status !== "succeeded"))
        throw new Error(
          `exp-sweep: mlops finished ${out.points.filter((p) => p.status === "succeeded").length} of 16 points`,
        );
      return { seconds, ran: out.points.reduce((n, p) => n + p.stages.ran, 0) };
    };
    const theirSweep = () => {
      const start = performance.now();
      for (const t of trees)
        for (const d of depths)
          run(
            dvcBin,
            [
              "exp",
              "run",
              "--queue",
              "pipelines/fuel-efficiency/dvc.yaml",
              "-S",
              `pipelines/fuel-efficiency/params.yaml:train.gbdt.trees=${t}`,
              "-S",
              `pipelines/fuel-efficiency/params.yaml:train.gbdt.max_depth=${d}`,
            ],
            theirs,
            env,
          );
      run(dvcBin, ["queue", "start", "-j", "2"], theirs, env);
      const deadline = performance.now() + 60 * 60 * 1000;
      for (;;) {
        if (performance.now() > deadline) throw new Error("exp-sweep: dvc's queue still busy after an hour");
        const status = run(dvcBin, ["queue", "status"], theirs, env);
        if (!/\b(Queued|Running)\b/.test(status)) {
          if (/\bFailed\b/.test(status)) throw new Error(`exp-sweep: a dvc point failed:\n${status}`);
          break;
        }
        pause(250);
      }
      const seconds = (performance.now() - start) / 1000;
      // The workers exit by themselves once the queue is empty; a `dvc queue stop` here left a flag
      // that made the next round's workers quit after one task each, hanging that round.
      return { seconds };
    };

    log("exp-sweep: 16 points with mlops, then with dvc's queue…");
    const a = oursSweep();
    const b = theirSweep();
    record(
      "exp-sweep",
      "16-point sweep of the fuel-efficiency training, 2 at a time (mlops exp run -j 2 vs dvc exp run --queue + dvc queue start -j 2)",
      a.seconds,
      b.seconds,
      "dvc exp run --queue, queue start -j 2",
      b.seconds / a.seconds,
      "≥ 3 × faster",
      b.seconds / a.seconds >= 3,
    );
    log("exp-sweep-rerun: the same 16 points again…");
    const again = [];
    const theirAgain = [];
    for (let r = 0; r < opts.reps; r++) {
      const x = oursSweep();
      if (x.ran !== 0) throw new Error(`exp-sweep-rerun: mlops ran ${x.ran} stages the first sweep had run`);
      again.push(x.seconds);
      theirAgain.push(theirSweep().seconds);
    }
    const c = Math.min(...again);
    const d = Math.min(...theirAgain);
    record(
      "exp-sweep-rerun",
      "the same 16-point sweep again, every point run before (both restore from their run cache)",
      c,
      d,
      "dvc exp run --queue, queue start -j 2",
      d / c,
      "≥ 10 × faster",
      d / c >= 10,
    );
  });
}
