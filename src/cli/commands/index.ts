import type { Command } from "commander";
import { register as registerCheck } from "./check.js";
import { register as registerData } from "./data.js";
import { register as registerDeploy } from "./deploy.js";
import { register as registerDoctor } from "./doctor.js";
import { register as registerEvaluate } from "./evaluate.js";
import { register as registerExp } from "./exp.js";
import { register as registerFeedback } from "./feedback.js";
import { register as registerFlow } from "./flow.js";
import { register as registerGc } from "./gc.js";
import { register as registerImage } from "./image.js";
import { register as registerImport } from "./import.js";
import { register as registerMetrics } from "./metrics.js";
import { register as registerMonitor } from "./monitor.js";
import { register as registerNew } from "./new.js";
import { register as registerPlots } from "./plots.js";
import { register as registerRegistry } from "./registry.js";
import { register as registerRemote } from "./remote.js";
import { register as registerReport } from "./report.js";
import { register as registerRun } from "./run.js";
import { register as registerSchema } from "./schema.js";
import { register as registerServe } from "./serve.js";
import { register as registerTrain } from "./train.js";
import { register as registerValidate } from "./validate.js";

/**
 * Every verb registers itself here. Command files import their domain code lazily inside the action,
 * so `mlops --help` and quick verbs do not pay for onnxruntime or DuckDB.
 */
export function registerCommands(program: Command): void {
  registerRun(program);
  registerExp(program);
  registerValidate(program);
  registerTrain(program);
  registerEvaluate(program);
  registerMetrics(program);
  registerPlots(program);
  registerRegistry(program);
  registerMonitor(program);
  registerFeedback(program);
  registerReport(program);
  registerFlow(program);
  registerServe(program);
  registerImage(program);
  registerDeploy(program);
  registerData(program);
  registerRemote(program);
  registerGc(program);
  registerCheck(program);
  registerDoctor(program);
  registerSchema(program);
  registerNew(program);
  registerImport(program);
}
