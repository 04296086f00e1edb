#!/usr/bin/env node
// Serving benchmark: our inference server (lib/serve) against the HTTP ceiling (canned answers), the
// same ceiling plus the model's batched runs (the bound of any inference server on this stack), a
// plain node:http server and FastAPI + uvicorn, all answering the same Open Inference Protocol (KServe v2) infer
// requests of one row for pipelines/fuel-efficiency/model.onnx, measured in the same run, one server
// at a time: wrk's closed loop at 1, 16 and 64 connections, then an open loop at a constant rate
// (scripts/bench/serve/constant-rate.mjs). Also times bare session.run in process, the inference
// ceiling, and reads from /proc what each request costs each server in CPU. Prints the tables and the
// ratios the goals are stated in; --json prints everything.
// Exits 1 when our server was measured and missed a goal; a missing lib/serve is reported and skipped.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { benchRows, inferBodies, inferPath, modelName, readyPath, root } from "./serve/infer-bodies.mjs";
import { evaluateGoals, formatReport } from "./serve/report.mjs";
import { freePort, logTail, startServer, stopServer, waitReady } from "./serve/server-process.mjs";
import { defaultOursCommand, notAvailableExitCode, serveTargets } from "./serve/targets.mjs";
import { runWrk, writeWrkScript } from "./serve/wrk.mjs";

const targetIds = ["ceiling-http", "ceiling-infer", "plain-node", "fastapi-1w", "fastapi-2w", "ours"];
const onlyNames = ["raw-session", ...targetIds, "fastapi"];

const usage = `usage: node scripts/bench/serve-benches.mjs [options]

  --duration S        seconds of each measured run: wrk at each concurrency and the
                      constant-rate run (default 8; about 40 s per server in all)
  --only NAME         run only these (repeatable): ${onlyNames.join(", ")}
                      (fastapi = both uvicorn configurations)
  --concurrency LIST  wrk connection counts (default 1,16,64)
  --rate N            requests/s of the open-loop run (default 5000)
  --processes N       run each Node server (ceilings, plain-node, ours) as N processes in
                      cluster mode sharing the port (default 1): ours with its own --workers N,
                      the others under scripts/bench/serve/cluster.mjs; FastAPI keeps its settings
  --ours-command CMD  how to start our server; PORT is replaced, and --workers N is appended
                      when --processes N > 1 (default: ${defaultOursCommand})
  --json              print one JSON document with every figure instead of the tables
  -h, --help          this text

Needs wrk (apt-get install wrk) and python3 with venv; FastAPI, uvicorn and onnxruntime come
from PyPI into .mlops/venvs/ on first use (pins: scripts/bench/serve/requirements-fastapi.txt).
Run it on an idle machine: it warns when the load average is above 0.5.`;

function parseArgs(argv) {
  const opts = {
    duration: 8,
    only: [],
    concurrency: [1, 16, 64],
    rate: 5000,
    processes: 1,
    oursCommand: defaultOursCommand,
    json: false,
  };
  const fail = (message) => {
    console.error(`serve-benches: ${message}\n\n${usage}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--duration") opts.duration = Number(argv[++i]);
    else if (a === "--only") opts.only.push(argv[++i]);
    else if (a === "--concurrency") opts.concurrency = String(argv[++i]).split(",").map(Number);
    else if (a === "--rate") opts.rate = Number(argv[++i]);
    else if (a === "--processes") opts.processes = Number(argv[++i]);
    else if (a === "--ours-command") opts.oursCommand = argv[++i];
    else if (a === "--json") opts.json = true;
    else if (a === "-h" || a === "--help") {
      console.log(usage);
      process.exit(0);
    } else fail(`unknown option ${a}`);
  }
  for (const name of opts.only) if (!onlyNames.includes(name)) fail(`unknown name '${name}'`);
  if (!(opts.duration >= 1)) fail("--duration expects a number of seconds ≥ 1");
  if (!(opts.rate > 0)) fail("--rate expects a positive number");
  if (!opts.concurrency.every((c) => Number.isInteger(c) && c >= 1))
    fail("--concurrency expects e.g. 1,16,64");
  if (!opts.oursCommand?.includes("PORT")) fail("--ours-command must contain PORT");
  if (!(Number.isInteger(opts.processes) && opts.processes >= 1))
    fail("--processes expects a whole number ≥ 1");
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const log = (line) => process.stderr.write(`${line}\n`);
const selected = (name) =>
  opts.only.length === 0 ||
  opts.only.includes(name) ||
  (name.startsWith("fastapi-") && opts.only.includes("fastapi"));

const clockTicks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/**
 * CPU time so far of every process in the server's process group (uvicorn's workers included), and
 * of the whole machine, from /proc. Read around a wrk run, it says what a request costs the server
 * and whether the machine had any CPU left: on two cores shared with wrk, a server whose cores are
 * all busy is bound by its CPU per request, not by waiting.
 */
function cpuSample(pgid) {
  let serverTicks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone since the listing
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    serverTicks += Number(fields[11]) + Number(fields[12]);
  }
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { serverTicks, idle, total };
}

function cpuUse(before, after, requests) {
  const serverSeconds = (after.serverTicks - before.serverTicks) / clockTicks;
  const total = after.total - before.total;
  return {
    server_cpu_us_per_request: requests > 0 ? (serverSeconds * 1e6) / requests : null,
    machine_busy: total > 0 ? 1 - (after.idle - before.idle) / total : null,
  };
}

/** Runs a node script to completion and parses the JSON it prints. */
function nodeJson(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${script} exited ${code}:\n${err}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`${script} printed no JSON:\n${out}\n${err}`));
      }
    });
  });
}

/** Sends each bench body once and compares the answers with bare session.run's. */
async function checkAnswers(base, bodies, expected, checkValues) {
  const problems = [];
  let version = null;
  for (let i = 0; i < bodies.length; i++) {
    let res;
    let text;
    try {
      res = await fetch(`${base}${inferPath}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: bodies[i],
        signal: AbortSignal.timeout(5000),
      });
      text = await res.text();
    } catch (err) {
      problems.push(`row ${i}: ${err.message}`);
      continue;
    }
    if (res.status !== 200) {
      problems.push(`row ${i}: HTTP ${res.status}: ${text.slice(0, 200)}`);
      continue;
    }
    let answer;
    try {
      answer = JSON.parse(text);
    } catch {
      problems.push(`row ${i}: answer is not JSON: ${text.slice(0, 200)}`);
      continue;
    }
    version = answer.model_version ?? version;
    const out = answer.outputs?.find((o) => o.name === "prediction");
    if (answer.model_name !== modelName)
      problems.push(`row ${i}: model_name ${JSON.stringify(answer.model_name)}`);
    if (!out) {
      problems.push(`row ${i}: no "prediction" output in ${text.slice(0, 200)}`);
      continue;
    }
    if (out.datatype !== "FP32" || JSON.stringify(out.shape) !== "[1,1]" || out.data?.length !== 1) {
      problems.push(
        `row ${i}: prediction is ${out.datatype} ${JSON.stringify(out.shape)} with ${out.data?.length} values`,
      );
      continue;
    }
    const got = Number(out.data[0]);
    if (checkValues && !(Math.abs(got - expected[i]) <= 1e-4 * Math.max(1, Math.abs(expected[i])))) {
      problems.push(`row ${i}: predicted ${got}, session.run gives ${expected[i]}`);
    }
  }
  return {
    ok: problems.length === 0,
    model_version: version,
    problems: problems.slice(0, 5),
    problem_count: problems.length,
  };
}

async function measureTarget(target, { work, bodies, bodiesFile, luaFile, expected }) {
  const result = {
    id: target.id,
    label: target.label,
    what: target.what,
    status: "ok",
    wrk: [],
    constant_rate: null,
  };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = join(work, `${target.id}.log`);
  const command = target.command.map((arg) => arg.replaceAll("PORT", String(port)));
  log(`${target.label}: starting on ${base}…`);
  const server = startServer({ command, cwd: target.cwd ?? root, env: target.env, logFile });
  current = server;
  try {
    const started = performance.now();
    const ready = await waitReady(server, `${base}${readyPath}`);
    if (!ready.ready) {
      const tail = logTail(logFile);
      if (ready.exited?.code === notAvailableExitCode) {
        result.status = "unavailable";
        result.reason = tail.split("\n").find((l) => l.includes("not available")) ?? tail;
      } else {
        result.status = "failed";
        const how = ready.timedOut
          ? "not ready within 60 s"
          : `${ready.error?.message ?? (ready.exited.signal ? `killed by ${ready.exited.signal}` : `exited with code ${ready.exited.code}`)} before it was ready`;
        result.reason = how;
        result.log_tail = tail;
      }
      log(
        `${target.label}: ${result.status}: ${result.reason}${result.log_tail ? `; its output ends:\n${result.log_tail}` : ""}`,
      );
      return result;
    }
    result.ready_after_ms = performance.now() - started;
    result.check = await checkAnswers(base, bodies, expected, target.checkValues);
    if (!result.check.ok) log(`${target.label}: WRONG ANSWERS: ${result.check.problems.join("; ")}`);

    const warmup = Math.min(2, opts.duration);
    log(`${target.label}: warm-up, wrk -c16 for ${warmup} s…`);
    await runWrk({ url: base, script: luaFile, connections: 16, seconds: warmup });
    for (const connections of opts.concurrency) {
      log(`${target.label}: wrk -c${connections} for ${opts.duration} s…`);
      const before = cpuSample(server.child.pid);
      const run = await runWrk({ url: base, script: luaFile, connections, seconds: opts.duration });
      Object.assign(run, cpuUse(before, cpuSample(server.child.pid), run.requests));
      result.wrk.push(run);
      if (run.errors.total > 0)
        log(
          `${target.label}: ⚠ ${run.errors.total} errors at c=${connections}: ${JSON.stringify(run.errors)}`,
        );
    }
    log(`${target.label}: constant ${opts.rate} req/s for ${opts.duration} s (after 1 s warm-up)…`);
    result.constant_rate = await nodeJson(join(root, "scripts/bench/serve/constant-rate.mjs"), [
      "--url",
      `${base}${inferPath}`,
      "--bodies",
      bodiesFile,
      "--rate",
      String(opts.rate),
      "--duration",
      String(opts.duration),
      "--warmup",
      "1",
    ]);
    if (result.constant_rate.errors.total > 0)
      log(
        `${target.label}: ⚠ ${result.constant_rate.errors.total} errors at ${opts.rate} req/s: ${result.constant_rate.errors.samples.join("; ")}`,
      );
    return result;
  } catch (err) {
    result.status = "failed";
    result.reason = err.message;
    result.log_tail = logTail(logFile);
    log(`${target.label}: failed: ${result.reason}; its output ends:\n${result.log_tail}`);
    return result;
  } finally {
    await stopServer(server);
    current = null;
  }
}

function ensureFastapiVenv() {
  log("fastapi: making sure the Python environment exists (first run installs from PyPI, about 30 s)…");
  const r = spawnSync(
    "sh",
    [
      join(root, "scripts/python/venv-run.sh"),
      join(root, "scripts/bench/serve/requirements-fastapi.txt"),
      "python",
      "-c",
      "import sys, fastapi, uvicorn, onnxruntime; print(sys.version.split()[0], fastapi.__version__, uvicorn.__version__, onnxruntime.__version__)",
    ],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (r.status !== 0)
    return { ok: false, reason: `the Python environment could not be made (exit ${r.status})` };
  const [python, fastapi, uvicorn, onnxruntime] = r.stdout.trim().split(" ");
  return { ok: true, python, fastapi, uvicorn, onnxruntime };
}

let current = null;
const work = mkdtempSync(join(tmpdir(), "mlops-bench-serve-"));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (current) await stopServer(current, 1000);
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

const wrkVersion = spawnSync("wrk", ["-v"], { encoding: "utf8" });
if (wrkVersion.error) {
  console.error("serve-benches: wrk not found on PATH (Debian/Ubuntu: apt-get install wrk)");
  process.exit(2);
}
const load = loadavg();
const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
  node: process.version,
  wrk: `${wrkVersion.stdout}${wrkVersion.stderr}`.split("\n")[0].split(" [")[0].trim(),
  loadavg_before: load.map((v) => Number(v.toFixed(2))),
};
log(`load average before starting: ${machine.loadavg_before.join(", ")} (1, 5, 15 min)`);
if (load[0] > 0.5)
  log(`⚠ the 1-minute load average is ${load[0].toFixed(2)}, above 0.5: figures will be noisy`);

const doc = {
  machine,
  settings: {
    duration_s: opts.duration,
    warmup_s: Math.min(2, opts.duration),
    concurrency: opts.concurrency,
    wrk_threads: "min(2, connections)",
    rate: opts.rate,
    processes: opts.processes,
    ours_command: opts.oursCommand,
    request: `POST ${inferPath}, one row, 16 different rows in turn`,
  },
  raw_session: null,
  targets: [],
};

try {
  const rows = benchRows(16);
  const bodies = inferBodies(rows);
  const bodiesFile = join(work, "bodies.json");
  const luaFile = join(work, "body.lua");
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  writeWrkScript(luaFile, inferPath, bodies);

  const rawScript = join(root, "scripts/bench/serve/raw-session.mjs");
  if (selected("raw-session")) {
    log("raw-session: bare session.run, 1 intra-op thread, batches of 1, 16 and 64…");
    doc.raw_session = await nodeJson(rawScript, ["--seconds", "2"]);
  }
  const reference = doc.raw_session ?? (await nodeJson(rawScript, ["--expected-only"]));
  const expected = reference.expected;
  machine.onnxruntime_node = reference.onnxruntime;

  const targets = serveTargets({ root, oursCommand: opts.oursCommand, processes: opts.processes }).filter(
    (t) => selected(t.id),
  );
  let fastapiEnv = null;
  for (const target of targets) {
    if (target.group === "fastapi") {
      fastapiEnv ??= ensureFastapiVenv();
      machine.fastapi = fastapiEnv;
      if (!fastapiEnv.ok) {
        doc.targets.push({
          id: target.id,
          label: target.label,
          what: target.what,
          status: "failed",
          reason: fastapiEnv.reason,
        });
        continue;
      }
    }
    doc.targets.push(await measureTarget(target, { work, bodies, bodiesFile, luaFile, expected }));
  }
  machine.loadavg_after = loadavg().map((v) => Number(v.toFixed(2)));
} finally {
  rmSync(work, { recursive: true, force: true });
}

doc.goals = evaluateGoals(doc, opts);
if (opts.json) console.log(JSON.stringify(doc, null, 2));
else console.log(formatReport(doc, opts));

const ours = doc.targets.find((t) => t.id === "ours");
const missed = doc.goals.some((g) => g.judged !== false && g.pass === false);
process.exit(ours?.status === "failed" || missed ? 1 : 0);
