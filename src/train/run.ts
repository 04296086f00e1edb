import { readFile } from "node:fs/promises";
import { z } from "zod";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { parseYaml } from "../manifest/yaml-file.js";
import { hashBytes } from "../store/index.js";
import { readTable } from "../table/index.js";
import { featureCount } from "./features.js";
import { exportOnnx, trainModel, trainSpec } from "./index.js";

export interface TrainSummary {
  model: string;
  task: string;
  target: string;
  rows: number;
  features: number;
  classes?: string[];
  seed: number;
  train_ms: number;
  sha256: string;
  size_bytes: number;
}

const producerVersion = "0.1.0";

function sectionSchema(path: string[]): z.ZodType {
  let schema: z.ZodType = trainSpec;
  for (const key of [...path].reverse()) schema = z.looseObject({ [key]: schema });
  return schema;
}

/** `mlops train`: params section → model → ONNX file, written atomically. */
export async function trainFromFiles(options: {
  paramsFile: string;
  section: string;
  dataFile: string;
  outFile: string;
  seed?: number;
  logger?: Logger;
}): Promise<TrainSummary> {
  const logger = options.logger ?? silentLogger;
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new MlopsError("usage", "--seed expects an integer", { got: String(options.seed) });
  }
  let text: string;
  try {
    text = await readFile(options.paramsFile, "utf8");
  } catch {
    throw new MlopsError("not-found", "params file not found", { file: options.paramsFile });
  }
  const path = options.section.split(".");
  let parsed: unknown = parseYaml(text, sectionSchema(path), options.paramsFile);
  for (const key of path) parsed = (parsed as Record<string, unknown>)[key];
  const spec = trainSpec.parse(parsed);
  if (options.seed !== undefined) spec.seed = options.seed;
  const table = await readTable(options.dataFile);
  const started = performance.now();
  const trees = spec.model === "gbdt" ? spec.gbdt.trees : 0;
  const progress = trees > 0 ? logger.progress(`training ${spec.model}`, trees) : undefined;
  let model: ReturnType<typeof trainModel>;
  try {
    model = trainModel(table, spec, { producerVersion, onProgress: () => progress?.tick() });
  } catch (err) {
    if (err instanceof MlopsError && !err.file && err.field) {
      throw new MlopsError(err.code, err.message, {
        file: options.paramsFile,
        field: `${options.section}.${err.field}`,
        expected: err.expected,
        got: err.got,
      });
    }
    throw err;
  } finally {
    progress?.done();
  }
  const trainMs = Math.round(performance.now() - started);
  const bytes = exportOnnx(model);
  await writeFileAtomic(options.outFile, bytes);
  return {
    model: model.kind,
    task: model.task,
    target: model.target,
    rows: table.rows.filter((r) => r[spec.target] !== null && r[spec.target] !== undefined).length,
    features: featureCount(model.pre),
    ...(model.task === "classification" ? { classes: model.classes } : {}),
    seed: spec.seed,
    train_ms: trainMs,
    sha256: hashBytes(bytes),
    size_bytes: bytes.byteLength,
  };
}
