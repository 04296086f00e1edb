// The servers the serving benchmark loads, in the order it runs them (one at a time). PORT in a
// command stands for the free port picked for that run.
import { join } from "node:path";
import { benchRepo, root as checkout, modelName, modelPath } from "./infer-bodies.mjs";

/**
 * How our server is started unless --ours-command says otherwise; PORT is replaced. With a bench
 * repository (MLOPS_BENCH_REPO, made by the benchmark runner) it is what a user runs: `mlops serve`
 * of the model's staging version, with its serving-schema checks, its logger and a prediction log;
 * else start-ours.mjs serves this checkout's model file directly.
 */
export const defaultOursCommand = process.env.MLOPS_BENCH_REPO
  ? `${process.execPath} ${join(checkout, "bin/mlops.js")} serve ${modelName}#staging --port PORT --prediction-log ${join(benchRepo, "predictions.jsonl")}`
  : "node scripts/bench/serve/start-ours.mjs --port PORT";

/** start-ours.mjs exits with this code when lib/serve is not there. */
export const notAvailableExitCode = 3;

/**
 * The targets; with processes > 1 every Node server runs that many copies in cluster mode (ours
 * with its own --workers, the others under cluster.mjs), and FastAPI keeps its own worker settings.
 */
export function serveTargets({ root, oursCommand = defaultOursCommand, processes = 1 }) {
  const here = join(root, "scripts/bench/serve");
  const clustered = join(here, "cluster.mjs");
  const node = (script) =>
    processes > 1
      ? [process.execPath, clustered, String(processes), join(here, script), "--port", "PORT"]
      : [process.execPath, join(here, script), "--port", "PORT"];
  const oursShell = processes > 1 ? `${oursCommand} --workers ${processes}` : oursCommand;
  const venvRun = join(root, "scripts/python/venv-run.sh");
  const requirements = join(here, "requirements-fastapi.txt");
  const uvicorn = (workers) => [
    "sh",
    venvRun,
    requirements,
    "python",
    "-m",
    "uvicorn",
    "--app-dir",
    here,
    "fastapi_server:app",
    "--host",
    "127.0.0.1",
    "--port",
    "PORT",
    "--workers",
    String(workers),
    // A request log line per request is a cost no production deployment at this rate pays.
    "--no-access-log",
    "--log-level",
    "warning",
  ];
  return [
    {
      id: "ceiling-http",
      label: "ceiling-http",
      what: "bare node:http, body read, fixed pre-serialised answer (no parsing, no inference)",
      command: node("ceiling-http.mjs"),
      // It answers the same prediction for every row: only the answer's shape is checked.
      checkValues: false,
    },
    {
      id: "ceiling-infer",
      label: "ceiling-infer",
      what: "ceiling-http plus the model: requests that arrive together share one session.run on prebuilt tensors (no parsing, no checks, no encoding)",
      command: node("ceiling-infer.mjs"),
      // Its answers are canned too; its runs are real but their outputs are not read.
      checkValues: false,
    },
    {
      id: "plain-node",
      label: "plain-node",
      what: "node:http written the obvious way: JSON.parse, tensors, session.run per request, JSON.stringify",
      command: node("plain-node.mjs"),
      checkValues: true,
    },
    {
      id: "fastapi-1w",
      label: "fastapi (1 worker)",
      what: "FastAPI + pydantic + onnxruntime (Python, default session options), uvicorn with uvloop/httptools, 1 worker",
      command: uvicorn(1),
      env: { MODEL_PATH: modelPath },
      group: "fastapi",
      checkValues: true,
    },
    {
      id: "fastapi-2w",
      label: "fastapi (2 workers)",
      what: "the same with uvicorn --workers 2 (one per core), 1 onnxruntime thread per worker",
      command: uvicorn(2),
      // Two workers with onnxruntime's default pool (a spinning thread per core each) oversubscribe
      // two cores: 180 req/s at one connection against 1,570 with one thread per worker, measured
      // here. One thread per worker is how a multi-worker deployment is configured.
      env: { MODEL_PATH: modelPath, ORT_INTRA_OP_THREADS: "1" },
      group: "fastapi",
      checkValues: true,
    },
    {
      id: "ours",
      label: "ours",
      what: `started by: ${oursShell}`,
      // exec, so that the shell is replaced and the process group is the server's.
      command: ["sh", "-c", `exec ${oursShell}`],
      // `mlops serve NAME#STAGE` reads the registry of the repository it runs in.
      cwd: benchRepo,
      checkValues: true,
    },
  ];
}
