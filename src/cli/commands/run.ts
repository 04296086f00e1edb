import type { Command } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

interface RunFlags {
  remote?: string;
  stage?: string[];
  force?: boolean;
  dry?: boolean;
  jobs?: string;
  pull?: boolean;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The main job (`npm start`) and `dvc repro`'s counterpart: makes the tracked datasets present,
 * then reproduces the pipelines, skipping stages whose lock still matches and restoring those
 * whose inputs ran before.
 */
export function register(program: Command): void {
  program
    .command("run")
    .description("reproduce pipelines: run changed stages, skip unchanged ones, restore remembered runs")
    .argument("[pipelines...]", "pipelines to run (default: every pipeline under pipelines/)")
    .option(
      "-s, --stage <stage...>",
      "run only these stages (`stage` or `pipeline/stage`) and what they need",
    )
    .option("-f, --force", "run the selected stages even when nothing changed")
    .option("--dry", "show what would run, run nothing")
    .option("-j, --jobs <n>", "stages to run side by side when independent (default 2)")
    .option("-r, --remote <name>", "remote for datasets and run-cache objects (default: the default remote)")
    .option("--no-pull", "do not fetch datasets; fail if a dependency is missing")
    .addHelpText(
      "after",
      `
With --json, one JSON object per stage is printed on its own line as the stage finishes:
  {"pipeline":"penguins","stage":"train","status":"ran","reason":"params changed: train.l2","duration_ms":812,...}
status is ran, skipped or restored (would-run or would-restore with --dry). Stage output goes to stderr.`,
    )
    .action(async (pipelines: string[], flags: RunFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
      const { MlopsError } = await import("../../errors/index.js");
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
        throw new MlopsError("usage", "--jobs expects a whole number of at least 1", {
          got: String(flags.jobs),
        });
      }
      const { datasetsCovering, pullDatasets, resolveRemote, selectDatasets } = await import(
        "../../tracking/index.js"
      );
      const { runPipelines } = await import("../../pipeline/index.js");
      const layout = repoLayout(ctx.root);
      const resolved = await resolveRemote(layout, flags.remote);
      const quiet = cmd.optsWithGlobals<{ quiet?: boolean }>().quiet === true;

      const materialise = async (repoPaths: string[]) => {
        if (flags.pull === false) return;
        const datasets = await datasetsCovering(layout, repoPaths);
        if (datasets.length === 0) return;
        ctx.logger.info(`materialising ${datasets.map((d) => d.name).join(", ")}`);
        await pullDatasets(layout, datasets, resolved?.remote, { logger: ctx.logger });
      };
      if (pipelines.length === 0 && !flags.stage && flags.pull !== false && !flags.dry) {
        // The main job makes every tracked dataset present, not only those a pipeline reads.
        const datasets = await selectDatasets(layout);
        if (datasets.length > 0) {
          ctx.logger.info(`materialising ${datasets.length} datasets`);
          await pullDatasets(layout, datasets, resolved?.remote, { logger: ctx.logger });
        }
      }
      const results = await runPipelines(layout, {
        pipelines,
        stages: flags.stage,
        force: flags.force,
        dry: flags.dry,
        jobs,
        logger: ctx.logger,
        remote: resolved?.remote,
        materialise,
        cliEntry: process.argv[1],
        onOutput: (stage, line) => {
          if (!quiet) process.stderr.write(`[${stage.id}] ${line}\n`);
        },
        onResult: (r) => {
          if (ctx.json) process.stdout.write(`${JSON.stringify(r)}\n`);
          else
            process.stdout.write(
              `${r.status.padEnd(13)} ${`${r.pipeline}/${r.stage}`.padEnd(32)} ${seconds(r.duration_ms).padStart(8)}  ${r.reason}\n`,
            );
        },
      });
      if (!ctx.json) {
        const count = (s: string) => results.filter((r) => r.status === s).length;
        ctx.logger.info(
          flags.dry
            ? `${count("would-run")} would run, ${count("would-restore")} would be restored, ${count("skipped")} unchanged`
            : `${count("ran")} ran, ${count("restored")} restored, ${count("skipped")} unchanged`,
        );
      }
    });
}
