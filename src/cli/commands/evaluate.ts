import type { Command } from "commander";
import { commandContext } from "../context.js";

interface EvaluateFlags {
  data: string;
  target?: string;
  metrics?: string;
  plots?: string;
  predictions?: string;
  report?: string;
  batchSize?: string;
  features?: string;
  task?: "regression" | "classification";
}

function fmt(v: unknown): string {
  return typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : String(v);
}

export function register(program: Command): void {
  program
    .command("evaluate")
    .description("evaluate any ONNX model on a data split: metrics, plot data, latency, size")
    .argument("<model>", "ONNX file (ours, or exported from scikit-learn, PyTorch, …)")
    .requiredOption("-d, --data <file>", "rows to evaluate on: JSON array, JSON lines or CSV")
    .option("-t, --target <column>", "target column (default: recorded in the model's metadata)")
    .option("--task <task>", "regression or classification (default: from the model)")
    .option("-m, --metrics <file>", "write the metrics as JSON (deterministic: no timings)")
    .option("--plots <dir>", "write plot series as JSON files into this directory")
    .option("--predictions <file>", "write every row's prediction as JSON")
    .option("--report <file>", "write the whole evaluation (signature, latency, metrics) as JSON")
    .option("-b, --batch-size <n>", "rows per onnxruntime call", "1024")
    .option("--features <columns>", "comma-separated columns for a model with one matrix input [N, F]")
    .addHelpText(
      "after",
      `
Each model input is fed from the data column of the same name (numbers as float, missing as NaN;
strings as they are). Regression reports rmse, mae, r2 and mape; classification reports accuracy,
macro F1, per-class precision/recall, log loss, one-vs-rest ROC AUC and the confusion matrix.`,
    )
    .action(async (model: string, flags: EvaluateFlags, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: false });
      const { MlopsError } = await import("../../errors/index.js");
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new MlopsError("usage", "--batch-size expects a whole number of at least 1", {
          got: flags.batchSize,
        });
      }
      if (flags.task && flags.task !== "regression" && flags.task !== "classification") {
        throw new MlopsError("usage", "--task expects regression or classification", { got: flags.task });
      }
      const { evaluateToFiles } = await import("../../evaluate/files.js");
      const evaluation = await evaluateToFiles(model, {
        dataFile: flags.data,
        target: flags.target,
        task: flags.task,
        batchSize,
        features: flags.features?.split(",").map((s) => s.trim()),
        metricsFile: flags.metrics,
        plotsDir: flags.plots,
        predictionsFile: flags.predictions,
        reportFile: flags.report,
      });
      const { predictions: _predictions, plots: _plots, ...summary } = evaluation;
      ctx.output(summary, () => {
        const m = evaluation.metrics as unknown as Record<string, unknown>;
        const keys =
          evaluation.task === "regression"
            ? ["rmse", "mae", "r2", "mape"]
            : ["accuracy", "macro_f1", "log_loss", "roc_auc_ovr"];
        return [
          `${evaluation.task} of '${evaluation.target}' on ${evaluation.data.rows_with_target} rows of ${flags.data}`,
          ...keys.map((k) => `  ${k.padEnd(12)} ${fmt(m[k])}`),
          `  latency      ${evaluation.latency.ms_per_row.toPrecision(3)} ms/row (${Math.round(evaluation.latency.rows_per_second)} rows/s)`,
          `  model size   ${evaluation.model.size_bytes} bytes`,
        ].join("\n");
      });
    });
}
