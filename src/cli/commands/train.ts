import type { Command } from "commander";
import { commandContext } from "../context.js";

interface TrainFlags {
  params: string;
  section: string;
  data: string;
  out: string;
  seed?: string;
}

export function register(program: Command): void {
  program
    .command("train")
    .description("train a reference model (linear, ridge, logistic, gbdt) and export it to ONNX")
    .requiredOption("-d, --data <file>", "training rows: JSON array of objects, JSON lines or CSV")
    .requiredOption("-o, --out <file>", "where to write the ONNX model")
    .option("-p, --params <file>", "params file holding the training section", "params.yaml")
    .option("-s, --section <key>", "section of the params file (dotted for nested)", "train")
    .option(
      "--seed <n>",
      "override the seed (default: $MLOPS_SEED when a stage sets one, else the section's seed)",
    )
    .addHelpText(
      "after",
      `
The section names the target, the feature columns and the model, e.g.
  train:
    target: mpg
    features: { numeric: [weight, horsepower], categorical: [origin] }
    model: gbdt            # linear | ridge | logistic | gbdt
    gbdt: { trees: 200, max_depth: 4, learning_rate: 0.05, max_bins: 255, min_samples_leaf: 10, l2: 0 }
    seed: 7
Preprocessing (median imputation, scaling for linear models, one-hot of categoricals) is part of
the exported graph: the ONNX model takes one input per raw column, named after it.`,
    )
    .action(async (flags: TrainFlags, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: false });
      const { trainFromFiles } = await import("../../train/run.js");
      const seed = flags.seed ?? process.env.MLOPS_SEED;
      const summary = await trainFromFiles({
        paramsFile: flags.params,
        section: flags.section,
        dataFile: flags.data,
        outFile: flags.out,
        seed: seed === undefined ? undefined : Number(seed),
        logger: ctx.logger,
      });
      ctx.output(
        summary,
        () =>
          `trained ${summary.model} (${summary.task}) on ${summary.rows} rows × ${summary.features} features in ${summary.train_ms} ms → ${flags.out} (${summary.size_bytes} bytes, sha256 ${summary.sha256.slice(0, 12)})`,
      );
    });
}
