import { join, resolve } from "node:path";
import type { Command } from "commander";
import { MlopsError } from "../../errors/index.js";
import { commandContext } from "../context.js";

export function register(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of a manifest kind, or write every kind's schema to a directory")
    .argument(
      "[kind]",
      "data, dataset-schema, pipeline, params, lock, model, version, stage or config; or `infer`",
    )
    .argument("[dataset]", "with `infer`: the tracked dataset or data file to draft a dataset schema from")
    .option("-o, --out <dir>", "write <kind>.schema.json files into DIR (all kinds unless one is named)")
    .option("-l, --list", "list the kinds with the files they describe")
    .addHelpText(
      "after",
      "\n`mlops schema infer DATASET [--out FILE]` drafts data/<dataset>.schema.yaml from the data.",
    )
    .action(
      async (
        kind: string | undefined,
        dataset: string | undefined,
        opts: { out?: string; list?: boolean },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd, { needsRepo: false });
        if (kind === "infer") {
          if (!dataset) throw new MlopsError("usage", "`mlops schema infer` needs a dataset or a data file");
          const { findRepoRootOr, repoLayout } = await import("../../repo/index.js");
          const { inferSchemaFor } = await import("../../validate/index.js");
          const text = await inferSchemaFor(repoLayout(findRepoRootOr(ctx.root)), process.cwd(), dataset);
          if (opts.out) {
            const { writeFileAtomic } = await import("../../files/index.js");
            await writeFileAtomic(resolve(process.cwd(), opts.out), text);
            ctx.output({ ok: true, written: opts.out }, () => `wrote ${opts.out}`);
          } else {
            ctx.output({ ok: true, schema: text }, () => text);
          }
          return;
        }
        const { jsonSchemaFor, manifestKind, manifestKinds, manifestKindNames } = await import(
          "../../manifest/index.js"
        );
        if (kind !== undefined && !manifestKind(kind)) {
          throw new MlopsError("usage", `unknown manifest kind '${kind}'`, {
            expected: manifestKindNames.join(", "),
            hint: `expected one of: ${manifestKindNames.join(", ")}`,
          });
        }
        if (opts.list || (kind === undefined && opts.out === undefined)) {
          const kinds = manifestKinds.map(({ kind: k, title, fileGlob, description }) => ({
            kind: k,
            title,
            fileGlob,
            description,
          }));
          const width = Math.max(...kinds.map((k) => k.kind.length));
          ctx.output({ ok: true, kinds }, () =>
            kinds.map((k) => `${k.kind.padEnd(width)}  ${k.fileGlob}\t${k.title}`).join("\n"),
          );
          return;
        }
        if (opts.out !== undefined) {
          const { writeFileAtomic } = await import("../../files/index.js");
          const dir = resolve(ctx.root, opts.out);
          const chosen = kind === undefined ? manifestKinds : manifestKinds.filter((k) => k.kind === kind);
          const written: string[] = [];
          for (const k of chosen) {
            const file = join(dir, `${k.kind}.schema.json`);
            await writeFileAtomic(file, `${JSON.stringify(jsonSchemaFor(k.kind), null, 2)}\n`);
            written.push(file);
          }
          ctx.output({ ok: true, written }, () => written.map((f) => `wrote ${f}`).join("\n"));
          return;
        }
        const entry = manifestKind(kind ?? "");
        if (!entry) throw new MlopsError("usage", "expected a manifest kind");
        // The schema is itself the JSON document, with or without --json.
        process.stdout.write(`${JSON.stringify(jsonSchemaFor(entry.kind), null, 2)}\n`);
      },
    );
}
