import type { Command } from "commander";
import { MlopsError } from "../../errors/index.js";
import { commandContext } from "../context.js";
import { EXIT_FAILURE } from "../exit-codes.js";

export function register(program: Command): void {
  program
    .command("check")
    .description("validate manifests against their schemas (all of the repository's when no path is given)")
    .argument("[paths...]", "files to check; the kind comes from the file name")
    .option("-k, --kind <kind>", "check every given file as this kind (for tag annotations saved to files)")
    .action(async (paths: string[], opts: { kind?: string }, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: paths.length === 0 });
      const { checkManifests, manifestKind, manifestKindNames } = await import("../../manifest/index.js");
      const kind = opts.kind === undefined ? undefined : manifestKind(opts.kind)?.kind;
      if (opts.kind !== undefined && kind === undefined) {
        throw new MlopsError("usage", `unknown manifest kind '${opts.kind}'`, {
          hint: `expected one of: ${manifestKindNames.join(", ")}`,
        });
      }
      let root = ctx.root;
      if (paths.length > 0) {
        const { findRepoRoot } = await import("../../repo/index.js");
        try {
          root = findRepoRoot(ctx.root);
        } catch {
          root = ctx.root;
        }
      }
      const files = await checkManifests(root, paths.length > 0 ? ctx.root : root, paths, kind);
      const ok = files.every((f) => f.ok);
      ctx.output(
        {
          ok,
          files: files.map(({ path, kind: k, ok: fileOk, error, details }) => ({
            path,
            kind: k,
            ok: fileOk,
            ...(error === undefined ? {} : { error, details }),
          })),
        },
        () => {
          if (files.length === 0) return "no manifests found";
          const lines = files.map((f) => (f.ok ? `ok  ${f.path}` : (f.error ?? `failed  ${f.path}`)));
          const failed = files.filter((f) => !f.ok).length;
          lines.push(failed ? `${failed} of ${files.length} files failed` : `${files.length} files ok`);
          return lines.join("\n");
        },
      );
      if (!ok) process.exitCode = EXIT_FAILURE;
    });
}
