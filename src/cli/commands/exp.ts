import { type Command, InvalidArgumentError } from "commander";
import { MlopsError } from "../../errors/index.js";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

function wholeNumber(option: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${option} expects a whole number of at least ${min}, got '${value}'`);
    return n;
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function show(value: unknown): string {
  return value === undefined ? "-" : typeof value === "string" ? value : JSON.stringify(value);
}

interface RunFlags {
  setParam?: string[];
  random?: number;
  seed?: number;
  jobs?: number;
  name?: string;
  remote?: string;
  declared?: boolean;
}

/** `mlops exp …`: parameter sweeps kept as git refs, compared, applied and shared (`dvc exp`'s counterpart). */
export function register(program: Command): void {
  const exp = program
    .command("exp")
    .description("experiments: run parameter sweeps, compare, apply and share them (kept as refs/exps/…)");

  exp
    .command("run")
    .description("run a grid (or a seeded random sample) of params, each point in its own checkout")
    .argument("[pipelines...]", "pipelines to reproduce (default: every pipeline)")
    .option(
      "-S, --set-param <spec>",
      "KEY=V1,V2 or PIPELINE:KEY=V1,V2 over params.yaml (repeatable)",
      collect,
    )
    .option("--random <n>", "run N points drawn from the grid instead of all", wholeNumber("--random", 1))
    .option("--seed <s>", "seed of the --random draw (default 0)", wholeNumber("--seed", 0))
    .option("-j, --jobs <n>", "points run side by side (default 1)", wholeNumber("--jobs", 1))
    .option("--name <prefix>", "name the points PREFIX-1, PREFIX-2, … in grid order")
    .option(
      "--declared",
      "run the sweeps the pipelines declare (`sweep:` in pipeline.yaml) instead of -S; points are named sweep-PIPELINE-N",
    )
    .option(
      "-r, --remote <name>",
      "data remote for datasets and run-cache objects (default: the default remote)",
    )
    .addHelpText(
      "after",
      `
Each point is a full reproduction in a throwaway git worktree of HEAD (under .mlops/tmp/exps) with
its values written into params.yaml; the workspace is never touched. Points share the workspace's
cache and run cache, so a stage any point (or \`mlops run\`) ever ran with the same inputs is
restored, not run again. A finished point becomes a commit on top of HEAD holding its params,
pipeline.lock, metrics and plots, named by refs/exps/<HEAD>/<name>; re-running a point replaces its
ref. Without --name a point is named exp- and a hash of its values, so the same point keeps its name.
A failing point is reported and the others go on; the exit code is then 1. Ctrl-C starts no new
point and writes no ref for an unfinished one. Progress lines go to stderr.

--declared runs, for each selected pipeline whose pipeline.yaml has a \`sweep:\` block, its grid
(or seeded random sample) within its max_points; this is what the pull-request workflow runs, and
its report shows the points in a table. Nothing is pushed; in a pull-request run the data remote
is only read.

Examples:
  mlops exp run fuel-efficiency -S train.gbdt.trees=100,300 -S train.gbdt.max_depth=2,3,4 -j 2
  mlops exp run -S train.gbdt.learning_rate=0.01,0.05,0.1,0.2 -S train.gbdt.l2=0,1,10 --random 5 --seed 7
  mlops exp run --declared`,
    )
    .action(async (pipelines: string[], flags: RunFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { runExperiments } = await import("../../experiments/index.js");
      const controller = new AbortController();
      const onInterrupt = () => {
        process.stderr.write(
          "mlops exp run: interrupted; waiting for the running points, starting no new one\n",
        );
        controller.abort();
        // A second Ctrl-C ends the process at once (the default behaviour).
        process.removeListener("SIGINT", onInterrupt);
      };
      process.on("SIGINT", onInterrupt);
      const quiet = cmd.optsWithGlobals<{ quiet?: boolean }>().quiet === true;
      try {
        const common = {
          ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
          ...(flags.remote ? { remoteName: flags.remote } : {}),
          ...(process.argv[1] ? { cliEntry: process.argv[1] } : {}),
          logger: ctx.logger,
          signal: controller.signal,
          onProgress: (line: string) => {
            if (!quiet) process.stderr.write(`${line}\n`);
          },
        };
        if (flags.declared) {
          const given = ["setParam", "random", "seed", "name"].filter(
            (k) => flags[k as keyof RunFlags] !== undefined,
          );
          if (given.length > 0)
            throw new MlopsError("usage", "--declared takes its keys, sample and names from pipeline.yaml", {
              field: "--declared",
              hint: `drop ${given.map((k) => `--${k === "setParam" ? "set-param" : k}`).join(", ")}`,
            });
          const { runDeclaredSweeps } = await import("../../experiments/index.js");
          const declared = await runDeclaredSweeps(repoLayout(ctx.root), { pipelines, ...common });
          const all = declared.sweeps.flatMap((s) => s.points);
          const failed = all.filter((p) => p.status === "failed");
          ctx.output({ ok: failed.length === 0, ...declared }, () =>
            declared.sweeps.length === 0
              ? "no pipeline declares a sweep (a `sweep:` block in pipeline.yaml)"
              : declared.sweeps
                  .map((s) => {
                    const ok = s.points.filter((p) => p.status === "succeeded").length;
                    const lines = s.points.map(
                      (p) =>
                        `${p.status.padEnd(10)} ${p.name.padEnd(16)} ${Object.entries(p.params)
                          .map(([k, v]) => `${k}=${show(v)}`)
                          .join(" ")}${p.error ? `\n  ${p.error}` : ""}`,
                    );
                    return [`${s.file}: ${ok} of ${s.points.length} points succeeded`, ...lines].join("\n");
                  })
                  .join("\n\n"),
          );
          if (controller.signal.aborted) process.exitCode = 130;
          else if (failed.length > 0) process.exitCode = 1;
          return;
        }
        const result = await runExperiments(repoLayout(ctx.root), {
          pipelines,
          sets: flags.setParam ?? [],
          ...(flags.random !== undefined ? { random: flags.random } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...common,
        });
        const failed = result.points.filter((p) => p.status === "failed");
        const cancelled = result.points.filter((p) => p.status === "cancelled");
        ctx.output({ ok: failed.length === 0 && cancelled.length === 0, ...result }, () => {
          const ok = result.points.filter((p) => p.status === "succeeded");
          const lines = result.points.map(
            (p) =>
              `${p.status.padEnd(10)} ${p.name.padEnd(16)} ${Object.entries(p.params)
                .map(([k, v]) => `${k}=${show(v)}`)
                .join(" ")}`,
          );
          lines.push(
            `${ok.length} succeeded, ${failed.length} failed${cancelled.length ? `, ${cancelled.length} not started` : ""} on ${result.base.slice(0, 7)}; compare with \`mlops exp show\``,
          );
          for (const f of failed) lines.push(`\n${f.name} failed: ${f.error ?? ""}`);
          return lines.join("\n");
        });
        if (controller.signal.aborted) process.exitCode = 130;
        else if (failed.length > 0) process.exitCode = 1;
      } finally {
        process.removeListener("SIGINT", onInterrupt);
      }
    });

  exp
    .command("show")
    .description("one table of the experiments on HEAD: the params that vary, metrics, the best marked")
    .option("-A, --all", "experiments of every base commit, not only HEAD's")
    .option("--sort-by <metric>", "best first by this metric (its direction decides: rmse up, accuracy down)")
    .option("--filter <expr>", "keep rows where METRIC<N, >=N, PARAM=V… holds (repeatable)", collect)
    .option("--csv", "print CSV instead of the table")
    .addHelpText(
      "after",
      `
A metric whose direction mlops knows (rmse, mae, mape, log_loss lower; r2, accuracy, f1, roc_auc
higher) marks its best experiment with * (and lists it under "best" with --json).`,
    )
    .action(
      async (flags: { all?: boolean; sortBy?: string; filter?: string[]; csv?: boolean }, cmd: Command) => {
        const ctx = commandContext(cmd);
        const { experimentTable, headCommit, renderCsv, renderTable } = await import(
          "../../experiments/index.js"
        );
        const table = await experimentTable(ctx.root, await headCommit(ctx.root), {
          all: flags.all === true,
          ...(flags.sortBy ? { sortBy: flags.sortBy } : {}),
          ...(flags.filter ? { filters: flags.filter } : {}),
        });
        if (flags.csv && !ctx.json) process.stdout.write(`${renderCsv(table)}\n`);
        else ctx.output(table, () => renderTable(table));
      },
    );

  exp
    .command("diff")
    .description("params and metrics of two experiments side by side")
    .argument("<a>", "experiment name (or full ref)")
    .argument("<b>", "experiment name (or full ref)")
    .action(async (a: string, b: string, _flags: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { diffExperiments, formatCell } = await import("../../experiments/index.js");
      const diff = await diffExperiments(ctx.root, a, b);
      ctx.output(diff, () => {
        const changed = diff.metrics.filter((m) => JSON.stringify(m.a) !== JSON.stringify(m.b));
        const rows = [
          ["", diff.a, diff.b, "change"],
          ...diff.params.map((p) => [p.key, formatCell(p.a), formatCell(p.b), ""]),
          ...changed.map((m) => [
            m.key,
            formatCell(m.a),
            formatCell(m.b),
            m.change === undefined ? "" : formatCell(m.change),
          ]),
        ];
        const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
        const lines = rows.map((r) =>
          r
            .map((c, i) => c.padEnd(widths[i] ?? 0))
            .join("  ")
            .trimEnd(),
        );
        const same = diff.metrics.length - changed.length;
        if (same > 0) lines.push(`${same} metric(s) equal in both not shown (see --json)`);
        return lines.join("\n");
      });
    });

  exp
    .command("apply")
    .description("put an experiment's params, lock and metrics in the workspace and restore its outputs")
    .argument("<name>", "experiment name (or full ref)")
    .option("-r, --remote <name>", "data remote to restore outputs from (default: the default remote)")
    .addHelpText(
      "after",
      `
The files the experiment changed under its pipelines are written into the working tree (the index
is left alone), then its outputs are restored from the run cache, so \`mlops run\` afterwards
skips every stage. Commit the result, or use \`mlops exp branch\`, to keep it.`,
    )
    .action(async (name: string, flags: { remote?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { applyExperiment } = await import("../../experiments/index.js");
      const result = await applyExperiment(repoLayout(ctx.root), name, {
        logger: ctx.logger,
        ...(flags.remote ? { remoteName: flags.remote } : {}),
        ...(process.argv[1] ? { cliEntry: process.argv[1] } : {}),
      });
      ctx.output(result, () => {
        const count = (s: string) => result.stages.filter((r) => r.status === s).length;
        return `applied ${result.name}: ${result.files.join(", ") || "no file changed"}\n${count("restored")} stages restored, ${count("skipped")} unchanged, ${count("ran")} ran`;
      });
    });

  exp
    .command("branch")
    .description("create a git branch at an experiment's commit, ready for a pull request")
    .argument("<name>", "experiment name (or full ref)")
    .argument("<branch>", "new branch name")
    .action(async (name: string, branch: string, _flags: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { branchExperiment } = await import("../../experiments/index.js");
      const result = await branchExperiment(ctx.root, name, branch);
      ctx.output(
        result,
        () => `branch ${result.branch} at ${result.commit.slice(0, 7)} (experiment ${name})`,
      );
    });

  exp
    .command("remove")
    .description("delete experiments")
    .argument("[names...]", "experiment names (or full refs)")
    .option("--all", "every experiment, of every base commit")
    .action(async (names: string[], flags: { all?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { removeExperiments } = await import("../../experiments/index.js");
      const removed = await removeExperiments(ctx.root, names, { all: flags.all === true });
      ctx.output({ removed }, () => `removed ${removed.length} experiment(s)`);
    });

  exp
    .command("gc")
    .description("delete experiments whose base commit no branch or tag reaches any more")
    .option("--dry-run", "list what would be deleted, delete nothing")
    .option("--keep-current-only", "delete every experiment not based on HEAD")
    .action(async (flags: { dryRun?: boolean; keepCurrentOnly?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { gcExperiments } = await import("../../experiments/index.js");
      const result = await gcExperiments(ctx.root, {
        dryRun: flags.dryRun === true,
        keepCurrentOnly: flags.keepCurrentOnly === true,
      });
      ctx.output(result, () =>
        [
          ...result.removed.map((r) => `${result.dry_run ? "would remove" : "removed"} ${r}`),
          `${result.removed.length} ${result.dry_run ? "would be" : ""} removed, ${result.kept} kept`.replace(
            "  ",
            " ",
          ),
        ].join("\n"),
      );
    });

  exp
    .command("push")
    .description("share experiments: refs to the git remote, their outputs to the data remote")
    .argument("[remote]", "git remote (default origin)")
    .argument("[names...]", "experiments to push (default: every one)")
    .option("-r, --data-remote <name>", "data remote for the outputs (default: the default remote)")
    .action(
      async (remote: string | undefined, names: string[], flags: { dataRemote?: string }, cmd: Command) => {
        const ctx = commandContext(cmd);
        const { pushExperiments } = await import("../../experiments/index.js");
        const result = await pushExperiments(repoLayout(ctx.root), names, {
          ...(remote ? { gitRemote: remote } : {}),
          ...(flags.dataRemote ? { dataRemote: flags.dataRemote } : {}),
          logger: ctx.logger,
        });
        ctx.output(result, () =>
          [
            `pushed ${result.refs.length} experiment ref(s) to ${result.remote}`,
            result.data
              ? `pushed ${result.data.entries} run record(s) with ${result.data.transferred} object(s) to ${result.data.remote}`
              : "no data remote: outputs stay in this cache",
          ].join("\n"),
        );
      },
    );

  exp
    .command("pull")
    .description("fetch experiments: refs from the git remote, their outputs from the data remote")
    .argument("[remote]", "git remote (default origin)")
    .option("-r, --data-remote <name>", "data remote for the outputs (default: the default remote)")
    .action(async (remote: string | undefined, flags: { dataRemote?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { pullExperiments } = await import("../../experiments/index.js");
      const result = await pullExperiments(repoLayout(ctx.root), {
        ...(remote ? { gitRemote: remote } : {}),
        ...(flags.dataRemote ? { dataRemote: flags.dataRemote } : {}),
        logger: ctx.logger,
      });
      ctx.output(result, () =>
        [
          `${result.refs.length} experiment ref(s) from ${result.remote}`,
          result.data
            ? `${result.data.records} run record(s), ${result.data.transferred} object(s) fetched from ${result.data.remote}`
            : "no data remote: outputs not fetched",
        ].join("\n"),
      );
    });
}
