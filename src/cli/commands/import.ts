import { resolve } from "node:path";
import type { Command } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

export function register(program: Command): void {
  const imports = program
    .command("import")
    .description("bring a project of another tool in: `mlops import dvc`");

  imports
    .command("dvc")
    .description(
      "turn a DVC project's tracked data, dvc.yaml and dvc.lock into mlops manifests, a pipeline and its lock, taking the bytes from DVC's cache or local remote through an md5 check",
    )
    .argument("[path]", "the DVC project's directory, holding .dvc/ (default: the repository root)")
    .option("--pipeline <name>", "the pipeline dvc.yaml becomes: pipelines/NAME/ (default: dvc)")
    .option("--dry-run", "check every object and print what would be written, write nothing")
    .addHelpText(
      "after",
      "\nWhat has no equivalent here (a cloud remote, frozen stages, top-level plots, a modified workspace file) is listed, not dropped silently.\nThen `mlops run` skips every stage whose dvc.lock entry still matches.",
    )
    .action(async (path: string | undefined, opts: { pipeline?: string; dryRun?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { importDvc } = await import("../../import-dvc/index.js");
      const result = await importDvc(repoLayout(ctx.root), {
        project: path === undefined ? ctx.root : resolve(process.cwd(), path),
        ...(opts.pipeline ? { pipeline: opts.pipeline } : {}),
        dryRun: opts.dryRun === true,
      });
      ctx.output({ ok: true, ...result }, () =>
        [
          `bytes from ${result.sources.join(", ")} (md5-checked)`,
          ...result.written.map((w) => `${result.dryRun ? "would write" : "wrote"} ${w}`),
          ...result.restored.map((r) => `${result.dryRun ? "would restore" : "restored"} ${r}`),
          ...result.locked.map((s) => `locked ${s}: \`mlops run\` skips it`),
          ...result.rerun.map((r) => `will run ${r.stage}: ${r.reason}`),
          ...(result.notCarried.length > 0 ? ["not carried over:"] : []),
          ...result.notCarried.map((n) => `  ${n.file}: ${n.field}: ${n.what}`),
        ].join("\n"),
      );
    });
}
