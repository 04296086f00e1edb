import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

function oneOf<T extends string>(flag: string, values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`${flag} expects one of ${values.join(", ")}, got '${value}'`);
    return value as T;
  };
}

export function register(program: Command): void {
  const create = program
    .command("new")
    .description("scaffold new files from your data: `mlops new pipeline`");

  create
    .command("pipeline")
    .description(
      "write a pipeline (validate, prepare, train, evaluate), its params, a dataset schema drafted from the data and a model card with gates and a monitoring rule",
    )
    .argument("<name>", "the pipeline's and the model's name (pipelines/NAME, models/NAME)")
    .requiredOption("--data <manifest>", "the tracked dataset to learn from: data/<name>.dvc")
    .requiredOption("--target <column>", "the column to predict")
    .option(
      "--task <task>",
      "regression or classification (default: regression for a numeric target, else classification)",
      oneOf("--task", ["regression", "classification"] as const),
    )
    .option(
      "--trainer <trainer>",
      "gbdt (default) or linear, trained by mlops; or python: a scikit-learn train.py with pinned, hashed requirements and skl2onnx export",
      oneOf("--trainer", ["gbdt", "linear", "python"] as const),
    )
    .option("--dry-run", "print what would be written, write nothing")
    .addHelpText(
      "after",
      "\nNothing is overwritten: when any file to write exists, the command names it and writes nothing.\nThen: `mlops run NAME`, `mlops register NAME`, `mlops promote NAME vX.Y.Z staging`.",
    )
    .action(
      async (
        name: string,
        opts: {
          data: string;
          target: string;
          task?: "regression" | "classification";
          trainer?: "gbdt" | "linear" | "python";
          dryRun?: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { newPipeline } = await import("../../scaffold/index.js");
        const result = await newPipeline(repoLayout(ctx.root), {
          name,
          manifest: resolve(process.cwd(), opts.data),
          target: opts.target,
          ...(opts.task ? { task: opts.task } : {}),
          ...(opts.trainer ? { trainer: opts.trainer } : {}),
          dryRun: opts.dryRun === true,
        });
        ctx.output({ ok: true, ...result }, () => {
          const lines = [
            `${result.task} of ${result.target} (${result.cardTask}); features: ${[...result.features.numeric, ...result.features.categorical].join(", ")}`,
            ...result.skipped.map((s) => `  left out ${s.column}: ${s.reason}`),
            ...result.kept.map((k) => `kept ${k}`),
          ];
          if (result.dryRun) {
            for (const f of result.files) lines.push(`--- would write ${f.path}`, f.text.trimEnd());
          } else {
            lines.push(...result.written.map((w) => `wrote ${w}`));
            lines.push(`next: mlops run ${name}`);
          }
          return lines.join("\n");
        });
      },
    );
}
