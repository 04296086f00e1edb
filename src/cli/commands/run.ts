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
  trusted?: boolean;
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
    .option(
      "--trusted",
      "as the merge flow: compute every stage a declared model depends on, never from the run cache",
    )
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
      const { reproduce } = await import("../../pipeline/index.js");
      const layout = repoLayout(ctx.root);
      const quiet = cmd.optsWithGlobals<{ quiet?: boolean }>().quiet === true;
      const results = await reproduce(layout, {
        pipelines,
        stages: flags.stage,
        force: flags.force,
        dry: flags.dry,
        jobs,
        logger: ctx.logger,
        ...(flags.remote ? { remoteName: flags.remote } : {}),
        pull: flags.pull !== false,
        trusted: flags.trusted === true,
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
