import type { Command } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

export function register(program: Command): void {
  program
    .command("gc")
    .description(
      "remove cached (and with --remote, remote) objects that no branch, tag, working tree or run cache references; a dry run unless --yes",
    )
    .option("-r, --remote [name]", "clean the remote too (default remote if no name)")
    .option("-y, --yes", "delete; without it, only list what would go")
    .option("--all-commits", "keep objects referenced anywhere in history, not just at branch and tag tips")
    .action(
      async (opts: { remote?: string | boolean; yes?: boolean; allCommits?: boolean }, cmd: Command) => {
        const ctx = commandContext(cmd);
        const { collectGarbage, resolveRemote } = await import("../../tracking/index.js");
        const layout = repoLayout(ctx.root);
        const remote = opts.remote
          ? await resolveRemote(layout, typeof opts.remote === "string" ? opts.remote : undefined)
          : undefined;
        const result = await collectGarbage(layout, {
          logger: ctx.logger,
          yes: opts.yes === true,
          allCommits: opts.allCommits === true,
          ...(remote ? { remote: remote.remote } : {}),
        });
        ctx.output({ ok: true, dryRun: opts.yes !== true, ...result }, () => {
          const lines: string[] = [];
          for (const plan of result.plans) {
            const verb = plan.removed ? "removed" : "would remove";
            lines.push(`${plan.where}: ${verb} ${plan.unreferenced.length} objects, keeping ${plan.kept}`);
            if (!plan.removed) for (const oid of plan.unreferenced) lines.push(`  ${oid}`);
          }
          if (opts.yes !== true) lines.push("dry run: nothing deleted; rerun with --yes to delete");
          return lines.join("\n");
        });
      },
    );
}
