#!/usr/bin/env node
// Benchmarks for the data store, each run side by side with its baseline on the same files in the
// same run: `openssl dgst -sha256` (the limit for hashing) and DVC 3 (the tool a user would pick
// instead). Prints both times, the ratio and PASS/FAIL against the target; `--write` records the
// table in BENCHMARKS.md. Not part of `npm test`: timings belong here, never in unit tests.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { actionsBenches, actionsBenchNames } from "./actions-benches.mjs";
import { pipelineBenches, pipelineBenchNames } from "./pipeline-benches.mjs";
import { registryBenches, registryBenchNames } from "./registry-benches.mjs";
import {
  exitStatus,
  formatValue,
  missed,
  replaceBetween,
  resultRow,
  resultsBlock,
  verdict,
} from "./results.mjs";
import { s3Benches, s3BenchNames } from "./s3-benches.mjs";
import { shadowBenches, shadowBenchNames } from "./shadow-benches.mjs";
import { standaloneBenches, standaloneBenchNames } from "./standalone-benches.mjs";
import { sweepBenches, sweepBenchNames } from "./sweep-benches.mjs";
import { validateBenches, validateBenchNames } from "./validate-benches.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const mlops = join(root, "bin/mlops.js");
const venv = join(root, ".venv-bench");
const dvcBin = join(venv, "bin/dvc");
const requirements = join(root, "scripts/bench/requirements-dvc.txt");
const all = [
  "hash-1gib",
  "add-1gib",
  "add-70k",
  "status-100k",
  "rehash-one",
  ...pipelineBenchNames,
  ...validateBenchNames,
  ...registryBenchNames,
  ...actionsBenchNames,
  ...standaloneBenchNames,
  ...shadowBenchNames,
  ...s3BenchNames,
  ...sweepBenchNames,
];

const usage = `usage: npm run bench -- [options]

  --only NAME   run one benchmark (${all.join(", ")}); repeatable
  --quick       small sizes and one repetition: a smoke run, figures not comparable
  --reps N      repetitions per side, best kept (default 3)
  --json        print the results as JSON
  --write       write the results of this run into BENCHMARKS.md (a full run only: every row
                and table there comes from one run, so --only and --quick are refused)
  -h, --help    this text

Runs ours and the peer on the same files in the same run. DVC comes from PyPI into
.venv-bench/ (made on first use from scripts/bench/requirements-dvc.txt); the other Python peers
into .mlops/venvs/ from their pinned requirements files. Exits 1 when any target is missed or
anything selected could not be measured (the row says why).`;

function parseArgs(argv) {
  const opts = { only: [], quick: false, reps: 3, json: false, write: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") opts.only.push(argv[++i]);
    else if (a === "--quick") opts.quick = true;
    else if (a === "--reps") opts.reps = Number(argv[++i]);
    else if (a === "--json") opts.json = true;
    else if (a === "--write") opts.write = true;
    else if (a === "-h" || a === "--help") {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a}\n\n${usage}`);
      process.exit(2);
    }
  }
  for (const name of opts.only) {
    if (!all.includes(name)) {
      console.error(`bench: unknown benchmark '${name}' (expected one of ${all.join(", ")})`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.reps) || opts.reps < 1) {
    console.error("bench: --reps expects a positive integer");
    process.exit(2);
  }
  if (opts.quick) opts.reps = 1;
  if (opts.write && (opts.quick || opts.only.length > 0)) {
    console.error(
      "bench: --write records a full run only (every row of BENCHMARKS.md comes from one run); drop --only/--quick",
    );
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const selected = opts.only.length > 0 ? opts.only : all;
const log = (line) => process.stderr.write(`${line}\n`);

function run(cmd, args, cwd, env = {}, input = undefined) {
  const result = spawnSync(cmd, args, {
    cwd,
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

/** Wall time of one command in seconds; the file system is synced first so earlier writes do not bill it. */
function timed(cmd, args, cwd, env) {
  spawnSync("sync");
  const start = performance.now();
  const out = run(cmd, args, cwd, env);
  return { seconds: (performance.now() - start) / 1000, out };
}

const dvcEnv = { DVC_NO_ANALYTICS: "1", DVC_SITE_CACHE_DIR: join(tmpdir(), "mlops-bench-dvc-site") };

function ensureDvc() {
  // The marker is written last, so an interrupted install is redone rather than trusted.
  const complete = join(venv, ".complete");
  if (existsSync(complete) && existsSync(dvcBin)) return;
  log(`installing DVC into ${venv} from ${requirements} (first run only; takes a few minutes)…`);
  rmSync(venv, { recursive: true, force: true });
  run("python3", ["-m", "venv", venv], root);
  run(join(venv, "bin/pip"), ["install", "--quiet", "--require-hashes", "-r", requirements], root);
  writeFileSync(complete, "");
}

function dvcVersion() {
  return run(dvcBin, ["--version"], root, dvcEnv).trim();
}

function initGit(dir) {
  mkdirSync(dir, { recursive: true });
  run("git", ["init", "-q"], dir);
}

function initDvc(dir) {
  initGit(dir);
  run(dvcBin, ["init", "-q"], dir, dvcEnv);
  run(dvcBin, ["config", "core.analytics", "false"], dir, dvcEnv);
  run(dvcBin, ["config", "core.autostage", "false"], dir, dvcEnv);
}

function writeRandomFile(path, bytes) {
  const fd = openSync(path, "w");
  const chunk = 64 * 1024 * 1024;
  for (let written = 0; written < bytes; written += chunk)
    writeSync(fd, randomBytes(Math.min(chunk, bytes - written)));
  closeSync(fd);
}

/** `count` files of ~300 B in shards of 1,000 (like exported table partitions); same bytes every time. */
function writeSmallFiles(dir, count) {
  const filler = "x".repeat(260);
  for (let shard = 0; shard * 1000 < count; shard++) {
    const shardDir = join(dir, `part-${String(shard).padStart(3, "0")}`);
    mkdirSync(shardDir, { recursive: true });
    for (let i = shard * 1000; i < Math.min(count, (shard + 1) * 1000); i++) {
      writeFileSync(
        join(shardDir, `row-${String(i).padStart(6, "0")}.csv`),
        `id,label,text\n${i},${i % 7},${filler}\n`,
      );
    }
  }
}

const best = (values) => Math.min(...values);
const fmt = (s) => formatValue(s, "s");
const results = [];
/** The peers' and tools' versions as actually run, filled in by each benchmark as it runs them. */
const versions = {};
/** Tables of the standalone benchmarks (serving, images), written under the results table. */
const sections = [];
const runStarted = performance.now();
const loadBefore = loadavg()
  .map((v) => v.toFixed(2))
  .join(", ");

function recordResult(result) {
  const r = { unit: "s", note: "", ...result };
  results.push(r);
  log(`${verdict(r).padEnd(5)}  ${resultRow(r, "").slice(2, -4)}`);
}

/** `runs`: how many timed runs each side had when a benchmark does not use the run's --reps. */
function record(
  name,
  measure,
  ours,
  baseline,
  baselineName,
  ratio,
  target,
  pass,
  note = "",
  runs = undefined,
) {
  recordResult({ name, measure, ours, baseline, baselineName, ratio, target, pass, note, runs });
}

/** A benchmark that could not be measured: its row says why, and the run exits 1. */
function recordMissing(name, measure, target, reason) {
  recordResult({ name, measure, target, pass: false, missing: reason.split("\n")[0].slice(0, 300) });
  log(reason);
}

/** Runs one benchmark's steps; if it throws, its rows are recorded as not measured and the run goes on. */
async function guard(names, what, fn) {
  const wanted = names.filter((n) => selected.includes(n));
  if (wanted.length === 0) return;
  const before = results.length;
  try {
    await fn();
  } catch (err) {
    const done = new Set(results.slice(before).map((r) => r.name));
    for (const name of wanted.filter((n) => !done.has(n)))
      recordMissing(name, what, "–", `${name}: ${err?.message ?? err}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "mlops-bench-"));
const bigSize = opts.quick ? 64 * 1024 * 1024 : 1024 * 1024 * 1024;
const smallCount = opts.quick ? 5000 : 70_000;
const statusCount = opts.quick ? 10_000 : 100_000;
const dvcBenchNames = ["add-1gib", "add-70k", "status-100k", "rehash-one", "run-noop", ...sweepBenchNames];
const needsDvc = selected.some((n) => dvcBenchNames.includes(n));

let dvcProblem = null;
function requireDvc() {
  if (dvcProblem) throw new Error(`DVC could not be installed: ${dvcProblem}`);
}

try {
  if (needsDvc) {
    try {
      ensureDvc();
      versions.DVC = dvcVersion();
    } catch (err) {
      dvcProblem = String(err?.message ?? err).split("\n")[0];
      versions.DVC = "not installed";
      log(`DVC could not be installed: ${err?.message ?? err}`);
    }
  }
  versions.OpenSSL =
    spawnSync("openssl", ["version"], { encoding: "utf8" }).stdout.trim().split(" ")[1] ?? "?";
  const bigFile = join(work, "big.bin");
  if (selected.includes("hash-1gib") || selected.includes("add-1gib")) {
    log(`writing a ${bigSize / 1024 / 1024} MiB random file…`);
    writeRandomFile(bigFile, bigSize);
  }

  await guard(["hash-1gib"], "sha256 of the file (throughput ratio)", async () => {
    const hashUrl = pathToFileURL(join(root, "lib/store/hash.js")).href;
    const script = `const { hashFile } = await import(${JSON.stringify(hashUrl)}); const t = performance.now(); const d = await hashFile(process.argv[1]); console.log(JSON.stringify({ ms: performance.now() - t, sha256: d.sha256 }));`;
    const ours = [];
    const openssl = [];
    const digests = new Set();
    for (let r = 0; r < opts.reps; r++) {
      const o = JSON.parse(run(process.execPath, ["--input-type=module", "-e", script, bigFile], work));
      ours.push(o.ms / 1000);
      digests.add(o.sha256);
      const s = timed("openssl", ["dgst", "-sha256", "-r", bigFile], work);
      openssl.push(s.seconds);
      digests.add(s.out.split(" ")[0]);
    }
    if (digests.size !== 1)
      throw new Error(`hash-1gib: ours and openssl disagree: ${[...digests].join(" ")}`);
    const ratio = best(openssl) / best(ours);
    record(
      "hash-1gib",
      "sha256 of the file (throughput ratio)",
      best(ours),
      best(openssl),
      "openssl dgst",
      ratio,
      "≥ 0.8",
      ratio >= 0.8,
      `${(bigSize / 1024 / 1024 / best(ours)).toFixed(0)} MiB/s vs ${(bigSize / 1024 / 1024 / best(openssl)).toFixed(0)} MiB/s`,
    );
  });

  await guard(["add-1gib"], "`data add` of a 1 GiB file", async () => {
    requireDvc();
    const ours = [];
    const dvc = [];
    const openssl = [];
    for (let r = 0; r < opts.reps; r++) {
      const a = join(work, `add1g-mlops-${r}`);
      initGit(a);
      copyFileSync(bigFile, join(a, "big.bin"));
      ours.push(timed(process.execPath, [mlops, "data", "add", "big.bin"], a).seconds);
      rmSync(a, { recursive: true, force: true });
      const d = join(work, `add1g-dvc-${r}`);
      initDvc(d);
      copyFileSync(bigFile, join(d, "big.bin"));
      dvc.push(timed(dvcBin, ["add", "-q", "big.bin"], d, dvcEnv).seconds);
      rmSync(d, { recursive: true, force: true });
      openssl.push(timed("openssl", ["dgst", "-sha256", bigFile], work).seconds);
    }
    const vsOpenssl = best(openssl) / best(ours);
    record(
      "add-1gib",
      "`data add` vs hashing alone (throughput ratio)",
      best(ours),
      best(openssl),
      "openssl dgst",
      vsOpenssl,
      "≥ 0.5",
      vsOpenssl >= 0.5,
    );
    const vsDvc = best(dvc) / best(ours);
    record(
      "add-1gib",
      "`data add` vs `dvc add` (speed-up)",
      best(ours),
      best(dvc),
      "dvc add",
      vsDvc,
      "≥ 2",
      vsDvc >= 2,
    );
  });

  await guard(["add-70k"], `\`data add\` of ${smallCount} files of ~300 B (speed-up)`, async () => {
    requireDvc();
    const ours = [];
    const dvc = [];
    for (let r = 0; r < opts.reps; r++) {
      log(`add-70k: repetition ${r + 1}/${opts.reps}: writing ${smallCount} files for each tool…`);
      const a = join(work, `add70k-mlops-${r}`);
      initGit(a);
      writeSmallFiles(join(a, "rows"), smallCount);
      const d = join(work, `add70k-dvc-${r}`);
      initDvc(d);
      writeSmallFiles(join(d, "rows"), smallCount);
      ours.push(timed(process.execPath, [mlops, "data", "add", "rows"], a).seconds);
      dvc.push(timed(dvcBin, ["add", "-q", "rows"], d, dvcEnv).seconds);
      rmSync(a, { recursive: true, force: true });
      rmSync(d, { recursive: true, force: true });
    }
    const ratio = best(dvc) / best(ours);
    record(
      "add-70k",
      `\`data add\` of ${smallCount} files of ~300 B (speed-up)`,
      best(ours),
      best(dvc),
      "dvc add",
      ratio,
      "≥ 4",
      ratio >= 4,
    );
  });

  await guard(["status-100k", "rehash-one"], `\`data status\` over ${statusCount} files`, async () => {
    requireDvc();
    log(`status-100k: writing ${statusCount} files for each tool and adding them once…`);
    const a = join(work, "status-mlops");
    initGit(a);
    writeSmallFiles(join(a, "rows"), statusCount);
    run(process.execPath, [mlops, "data", "add", "rows"], a);
    const d = join(work, "status-dvc");
    initDvc(d);
    writeSmallFiles(join(d, "rows"), statusCount);
    run(dvcBin, ["add", "-q", "rows"], d, dvcEnv);
    // One untimed run each, so both measure the warm state a user sees on the second call.
    run(process.execPath, [mlops, "data", "status"], a);
    run(dvcBin, ["status", "-q"], d, dvcEnv);

    if (selected.includes("status-100k")) {
      const ours = [];
      const dvc = [];
      for (let r = 0; r < opts.reps; r++) {
        ours.push(timed(process.execPath, [mlops, "data", "status"], a).seconds);
        dvc.push(timed(dvcBin, ["status", "-q"], d, dvcEnv).seconds);
      }
      const ratio = best(dvc) / best(ours);
      record(
        "status-100k",
        `\`data status\` over ${statusCount} unchanged files (speed-up)`,
        best(ours),
        best(dvc),
        "dvc status",
        ratio,
        "≥ 10",
        ratio >= 10,
      );
      record(
        "status-100k",
        `\`data status\` over ${statusCount} unchanged files (absolute)`,
        best(ours),
        0.5,
        "the 0.5 s limit",
        0.5 / best(ours),
        "≤ 0.5 s",
        best(ours) <= 0.5,
      );
    }

    if (selected.includes("rehash-one")) {
      const index = Math.floor(statusCount * 0.4242);
      const victim = `rows/part-${String(Math.floor(index / 1000)).padStart(3, "0")}/row-${String(index).padStart(6, "0")}.csv`;
      for (const dir of [a, d]) {
        const path = join(dir, victim);
        if (!existsSync(path)) throw new Error(`rehash-one: ${path} missing`);
        const text = readFileSync(path, "utf8");
        writeFileSync(path, text.replace("xxxx", "yyyy"));
      }
      const statusRun = spawnSync(process.execPath, [mlops, "data", "status", "--json"], {
        cwd: a,
        encoding: "utf8",
      });
      const report = JSON.parse(statusRun.stdout);
      const dvcTime = (() => {
        spawnSync("sync");
        const t = performance.now();
        spawnSync(dvcBin, ["status", "-q"], { cwd: d, env: { ...process.env, ...dvcEnv } });
        return (performance.now() - t) / 1000;
      })();
      const hashed = report.hashed;
      recordResult({
        name: "rehash-one",
        measure: `files re-hashed after changing 1 of ${statusCount} (count)`,
        ours: hashed,
        unit: "count",
        baselineName: "exactly one",
        target: "= 1 file",
        pass: hashed === 1,
        note: `dvc status on the same change took ${fmt(dvcTime)}`,
      });
    }
  });
  const ctx = {
    root,
    selected,
    opts,
    work,
    record,
    recordResult,
    recordMissing,
    guard,
    requireDvc,
    versions,
    sections,
    log,
    run,
    timed,
    dvcBin,
    dvcEnv,
  };
  await pipelineBenches(ctx);
  await validateBenches(ctx);
  await guard(registryBenchNames, "registry show against GTO", () => registryBenches(ctx));
  await guard(actionsBenchNames, "action start-up", () => actionsBenches(ctx));
  await standaloneBenches(ctx);
  await shadowBenches(ctx);
  await guard(s3BenchNames, "S3 and many small files", () => s3Benches(ctx));
  await sweepBenches(ctx);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const wallSeconds = (performance.now() - runStarted) / 1000;
const machine = {
  date: new Date().toISOString().slice(0, 10),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  wall: `${Math.floor(wallSeconds / 60)} min ${Math.round(wallSeconds % 60)} s`,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
  node: process.version,
  openssl: spawnSync("openssl", ["version"], { encoding: "utf8" }).stdout.trim().split(" (")[0],
  loadBefore,
  loadAfter: loadavg()
    .map((v) => v.toFixed(2))
    .join(", "),
  note: "The machine is shared: other work ran beside this run, so absolute figures are noisy; each ratio compares both sides under the same load",
  reps: opts.reps,
  quick: opts.quick,
};

const block = resultsBlock({ machine, versions, results, sections });
if (opts.json) console.log(JSON.stringify({ machine, versions, results }, null, 2));
else console.log(`\n${block}`);

if (opts.write) {
  const file = join(root, "BENCHMARKS.md");
  const text = replaceBetween(
    readFileSync(file, "utf8"),
    "<!-- bench:start -->",
    "<!-- bench:end -->",
    block,
  );
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  log("BENCHMARKS.md written");
}

const misses = missed(results);
if (misses.length > 0)
  log(`${misses.length} target(s) missed or not measured: ${misses.map((r) => r.name).join(", ")}; exit 1`);
log(`wall time ${machine.wall}; load average now ${machine.loadAfter}`);
process.exit(exitStatus(results));
