import type { Command } from "commander";
import { commandContext } from "../context.js";

interface DiffFlags {
  base?: string;
  all?: boolean;
  md?: boolean;
}

/** `mlops metrics show|diff` and `mlops params diff`: what a run measured and what changed since a revision. */
export function register(program: Command): void {
  const metrics = program
    .command("metrics")
    .description("show metrics, or compare them with another revision");
  metrics
    .command("show")
    .description("every metrics file the pipelines declare, as a table")
    .argument("[pipelines...]", "only these pipelines")
    .action(async (pipelines: string[], _flags: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { workspaceMetrics, metricsMarkdown } = await import("../../metrics/index.js");
      const files = await workspaceMetrics(repoLayout(ctx.root), pipelines);
      ctx.output({ files }, () => metricsMarkdown(files));
    });
  metrics
    .command("diff")
    .description("metrics in the working tree against a revision (default HEAD)")
    .argument("[pipelines...]", "only these pipelines")
    .option("--base <rev>", "revision to compare with", "HEAD")
    .option("--all", "list unchanged metrics too")
    .action(async (pipelines: string[], flags: DiffFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { diffMetrics, changesMarkdown } = await import("../../metrics/index.js");
      const changes = await diffMetrics(repoLayout(ctx.root), {
        base: flags.base,
        all: flags.all,
        pipelines,
      });
      ctx.output({ base: flags.base, changes }, () => changesMarkdown(changes, flags.base ?? "HEAD"));
    });

  const params = program.command("params").description("compare parameters with another revision");
  params
    .command("diff")
    .description("params files of the pipelines in the working tree against a revision (default HEAD)")
    .argument("[pipelines...]", "only these pipelines")
    .option("--base <rev>", "revision to compare with", "HEAD")
    .option("--all", "list unchanged params too")
    .action(async (pipelines: string[], flags: DiffFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { diffParams, changesMarkdown } = await import("../../metrics/index.js");
      const changes = await diffParams(repoLayout(ctx.root), { base: flags.base, all: flags.all, pipelines });
      ctx.output({ base: flags.base, changes }, () => changesMarkdown(changes, flags.base ?? "HEAD"));
    });
}
