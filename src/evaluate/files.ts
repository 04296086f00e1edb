import { join } from "node:path";
import { writeFileAtomic } from "../files/index.js";
import { readTable } from "../table/index.js";
import { type EvaluateOptions, type Evaluation, evaluateModel } from "./evaluate.js";

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

/** The metrics file: every figure that depends only on the model and the data (no timings). */
export function metricsDocument(e: Evaluation): Record<string, unknown> {
  return { ...e.metrics, model_size_bytes: e.model.size_bytes };
}

/** `mlops evaluate`: evaluates, then writes each requested file atomically. */
export async function evaluateToFiles(
  modelFile: string,
  options: EvaluateOptions & {
    dataFile: string;
    metricsFile?: string;
    plotsDir?: string;
    predictionsFile?: string;
    reportFile?: string;
  },
): Promise<Evaluation> {
  const table = await readTable(options.dataFile);
  const evaluation = await evaluateModel(modelFile, table, options);
  if (options.metricsFile) await writeFileAtomic(options.metricsFile, json(metricsDocument(evaluation)));
  if (options.plotsDir) {
    for (const [name, series] of Object.entries(evaluation.plots)) {
      await writeFileAtomic(join(options.plotsDir, `${name}.json`), json(series));
    }
    if ("confusion_matrix" in evaluation.metrics) {
      await writeFileAtomic(
        join(options.plotsDir, "confusion_matrix.json"),
        json(evaluation.metrics.confusion_matrix),
      );
    }
  }
  if (options.predictionsFile) await writeFileAtomic(options.predictionsFile, json(evaluation.predictions));
  if (options.reportFile) {
    const { predictions: _p, plots: _q, ...report } = evaluation;
    await writeFileAtomic(options.reportFile, json(report));
  }
  return evaluation;
}
