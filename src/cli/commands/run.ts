import type { Command } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

/**
 * The main job (`npm start`). For now it makes every tracked dataset present and verified in the
 * workspace; the pipelines issue adds reproducing every pipeline after that.
 */
export function register(program: Command): void {
  program
    .command("run")
    .description(
      "the main job: materialise every tracked dataset (then run the pipelines, once there are any)",
    )
    .option("-r, --remote <name>", "remote to pull from (default: the default remote)")
    .action(async (opts: { remote?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { pullDatasets, resolveRemote, selectDatasets } = await import("../../tracking/index.js");
      const layout = repoLayout(ctx.root);
      const resolved = await resolveRemote(layout, opts.remote);
      const datasets = await selectDatasets(layout);
      ctx.logger.info(`materialising ${datasets.length} datasets`);
      const report = await pullDatasets(layout, datasets, resolved?.remote, { logger: ctx.logger });
      ctx.output({ ok: true, data: report }, () =>
        report.checkout.datasets
          .map((d) => `${d.action === "written" ? "restored " : "up to date"}\t${d.name}\t${d.manifest}`)
          .join("\n"),
      );
    });
}
