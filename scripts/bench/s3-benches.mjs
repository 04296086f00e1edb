#!/usr/bin/env node
// Transfer benchmarks, side by side in one run against the same local S3 server (s3s-fs on loopback,
// scripts/ci/install-s3-server.sh) with the same parallelism (-j / --transfers 8):
//   s3-push-10k / s3-pull-10k    10,000 files of 1 KiB: `mlops data push|pull` vs `dvc push|pull`
//                                 (dvc-s3, scripts/bench/requirements-dvc-s3.txt) and `rclone copy`
//   s3-push-1gib / s3-pull-1gib  one 1 GiB file, the same three
//   dir-push-10k / dir-pull-10k  10,000 files of 1 KiB to a directory remote vs dvc to a local remote
// Goals (issue 19): ≥ 3× DVC on small files, ≥ 1.5× on the large one, within 1.3× of rclone;
// ≥ 4× DVC on the directory remote. Run alone: `node scripts/bench/s3-benches.mjs [--quick]`, or as
// targets of scripts/bench/run.mjs.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createServer } from "node:net";
import { homedir, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const s3BenchNames = [
  "s3-push-10k",
  "s3-pull-10k",
  "s3-push-1gib",
  "s3-pull-1gib",
  "dir-push-10k",
  "dir-pull-10k",
];

const jobs = 8;
const accessKey = "benchkey";
const secretKey = "bench-secret-0123456789";
const here = fileURLToPath(new URL(".", import.meta.url));

function findS3sFs() {
  const cached = join(homedir(), ".cache/mlops-ci/s3s-fs-0.14.1/bin/s3s-fs");
  if (existsSync(cached)) return cached;
  const found = spawnSync("sh", ["-c", "command -v s3s-fs"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  throw new Error("s3s-fs is not installed: run scripts/ci/install-s3-server.sh");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer(dir) {
  const port = await freePort();
  const child = spawn(
    findS3sFs(),
    [
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--access-key",
      accessKey,
      "--secret-key",
      secretKey,
      dir,
    ],
    // The server's own log beside the store, to see why if it stops mid-run.
    { stdio: ["ignore", "ignore", openSync(join(dir, "..", "s3s-fs.log"), "w")] },
  );
  await waitUntilUp(`http://127.0.0.1:${port}`, child, "s3s-fs");
  // Every client reaches the server through the same pass-through (s3-prefix-proxy.mjs says why).
  const proxyPort = await freePort();
  const proxy = spawn(
    process.execPath,
    [join(here, "s3-prefix-proxy.mjs"), String(proxyPort), String(port), dir],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const endpoint = `http://127.0.0.1:${proxyPort}`;
  await waitUntilUp(endpoint, proxy, "the S3 pass-through");
  return {
    endpoint,
    stop: () => {
      proxy.kill("SIGTERM");
      child.kill("SIGTERM");
    },
  };
}

async function waitUntilUp(endpoint, child, name) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode})`);
    const up = await fetch(endpoint).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function writeRandomFile(path, bytes) {
  const fd = openSync(path, "w");
  const chunk = 64 * 1024 * 1024;
  for (let written = 0; written < bytes; written += chunk)
    writeSync(fd, randomBytes(Math.min(chunk, bytes - written)));
  closeSync(fd);
}

/** `count` distinct files of 1 KiB in 10 directories. */
function writeSmallFiles(dir, count) {
  for (let d = 0; d < 10; d++) mkdirSync(join(dir, `part-${d}`), { recursive: true });
  for (let i = 0; i < count; i++) {
    const head = `${i}\n`;
    writeFileSync(
      join(dir, `part-${i % 10}`, `f-${String(i).padStart(6, "0")}.txt`),
      head + "x".repeat(1024 - head.length),
    );
  }
}

/**
 * Runs the selected benchmarks. `ctx` is run.mjs's: record(name, measure, ours, baseline, baselineName,
 * ratio, target, pass, note), run, timed, log, work, opts ({ quick }).
 */
export async function s3Benches(ctx) {
  const { root, selected, opts, work, record, log, run, timed } = ctx;
  const wanted = s3BenchNames.filter((n) => selected.includes(n));
  if (wanted.length === 0) return;
  const mlops = join(root, "bin/mlops.js");
  const venv = join(root, ".venv-bench-s3");
  const dvc = join(venv, "bin/dvc");
  if (!existsSync(dvc)) {
    const requirements = join(root, "scripts/bench/requirements-dvc-s3.txt");
    log(`installing dvc and dvc-s3 into ${venv} from ${requirements} (first run only)…`);
    run("python3", ["-m", "venv", venv], root);
    run(join(venv, "bin/pip"), ["install", "--quiet", "--require-hashes", "-r", requirements], root);
  }
  const rclone = spawnSync("sh", ["-c", "command -v rclone"], { encoding: "utf8" }).stdout.trim();
  if (!rclone) throw new Error("rclone is not installed: run scripts/ci/install-s3-server.sh");
  const base = join(work, "s3-bench");
  mkdirSync(join(base, "store"), { recursive: true });
  for (const bucket of ["ours", "dvc", "rclone"]) mkdirSync(join(base, "store", bucket));
  const server = await startServer(join(base, "store"));
  log(
    `s3s-fs at ${server.endpoint}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const awsEnv = {
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: secretKey,
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    GITHUB_EVENT_NAME: "",
    MLOPS_REMOTE_READ_ONLY: "",
  };
  const dvcEnv = { ...awsEnv, DVC_NO_ANALYTICS: "1", DVC_SITE_CACHE_DIR: join(base, "dvc-site") };
  const rcloneEnv = {
    RCLONE_CONFIG: join(base, "rclone.conf"),
    RCLONE_S3_PROVIDER: "Other",
    RCLONE_S3_ENDPOINT: server.endpoint,
    RCLONE_S3_ACCESS_KEY_ID: accessKey,
    RCLONE_S3_SECRET_ACCESS_KEY: secretKey,
    RCLONE_S3_FORCE_PATH_STYLE: "true",
    RCLONE_S3_REGION: "us-east-1",
    // rclone's S3 client fails on any AWS_CA_BUNDLE ("HTTPClient's transport unsupported type"),
    // and the server here is plain HTTP on loopback, so a machine-wide bundle is dropped for it.
    AWS_CA_BUNDLE: "",
  };
  writeFileSync(rcloneEnv.RCLONE_CONFIG, "");
  const smallCount = opts.quick ? 1000 : 10_000;
  const bigSize = opts.quick ? 128 * 1024 * 1024 : 1024 * 1024 * 1024;

  // Empties a cache or workspace before a timed pull by renaming it away, not deleting it: on ext4
  // without a journal, for ~30 s after many files are deleted every new file's inode allocation
  // scans past the recently freed ones (ext4's recently_deleted), ~0.5 ms a file here, which would
  // time the harness's deletions and penalise whichever tool runs first. `work` goes at the end.
  let asideCount = 0;
  const moveAside = (path) => {
    if (!existsSync(path)) return;
    mkdirSync(join(base, "aside"), { recursive: true });
    asideCount += 1;
    renameSync(path, join(base, "aside", String(asideCount)));
  };

  /** A repo for ours and one for DVC holding the same files at data/set; returns their paths. */
  const prepare = (label, fill) => {
    const ours = join(base, `${label}-ours`);
    const peer = join(base, `${label}-dvc`);
    for (const dir of [ours, peer]) {
      mkdirSync(join(dir, "data"), { recursive: true });
      run("git", ["init", "-q"], dir);
    }
    fill(join(ours, "data/set"));
    cpSync(join(ours, "data/set"), join(peer, "data/set"), { recursive: true });
    run(process.execPath, [mlops, "data", "add", "data/set"], ours, awsEnv);
    run(dvc, ["init", "-q"], peer, dvcEnv);
    run(dvc, ["config", "core.analytics", "false"], peer, dvcEnv);
    run(dvc, ["add", "-q", "data/set"], peer, dvcEnv);
    return { ours, peer };
  };

  const compare = (name, measure, ours, peers, runs = 1) => {
    for (const [peer, seconds, goal] of peers) {
      if (peer === "rclone") {
        // Within 1.3× of rclone: ours / rclone ≤ 1.3.
        const ratio = ours / seconds;
        record(
          name,
          measure,
          ours,
          seconds,
          "rclone copy",
          ratio,
          "≤ 1.3× rclone's time",
          ratio <= 1.3,
          "",
          runs,
        );
      } else {
        const ratio = seconds / ours;
        record(name, measure, ours, seconds, peer, ratio, `≥ ${goal}× faster`, ratio >= goal, "", runs);
      }
    }
  };

  const s3Round = (label, sizeNote, fill, goal) => {
    const pushName = `s3-push-${label}`;
    const pullName = `s3-pull-${label}`;
    if (!wanted.includes(pushName) && !wanted.includes(pullName)) return;
    log(`${label}: writing ${sizeNote}…`);
    const { ours, peer } = prepare(`s3-${label}`, fill);
    run(
      process.execPath,
      [
        mlops,
        "remote",
        "add",
        "s3",
        "s3://ours/repo",
        "--endpoint",
        server.endpoint,
        "--path-style",
        "--default",
      ],
      ours,
      awsEnv,
    );
    run(dvc, ["remote", "add", "-d", "s3", "s3://dvc/repo"], peer, dvcEnv);
    run(dvc, ["remote", "modify", "s3", "endpointurl", server.endpoint], peer, dvcEnv);
    const oursPush = timed(
      process.execPath,
      [mlops, "data", "push", "-j", String(jobs)],
      ours,
      awsEnv,
    ).seconds;
    const dvcPush = timed(dvc, ["push", "-j", String(jobs)], peer, dvcEnv).seconds;
    const rclonePush = timed(
      rclone,
      [
        "copy",
        join(ours, "data/set"),
        ":s3:rclone/set",
        "--transfers",
        String(jobs),
        "--checkers",
        String(jobs),
        "--s3-chunk-size",
        "16M",
        "--s3-upload-concurrency",
        String(jobs),
        "--s3-upload-cutoff",
        "16M",
      ],
      base,
      rcloneEnv,
    ).seconds;
    if (wanted.includes(pushName))
      compare(pushName, `push ${sizeNote}`, oursPush, [
        ["dvc push (dvc-s3)", dvcPush, goal],
        ["rclone", rclonePush],
      ]);
    // Pull into an empty cache and workspace.
    for (const tree of [".mlops/cache", "data/set"]) moveAside(join(ours, tree));
    for (const tree of [".dvc/cache", "data/set"]) moveAside(join(peer, tree));
    const oursPull = timed(
      process.execPath,
      [mlops, "data", "pull", "-j", String(jobs)],
      ours,
      awsEnv,
    ).seconds;
    const dvcPull = timed(dvc, ["pull", "-j", String(jobs)], peer, dvcEnv).seconds;
    const rclonePull = timed(
      rclone,
      [
        "copy",
        ":s3:rclone/set",
        join(base, `${label}-rclone-pulled`),
        "--transfers",
        String(jobs),
        "--checkers",
        String(jobs),
        "--multi-thread-streams",
        "4",
      ],
      base,
      rcloneEnv,
    ).seconds;
    if (wanted.includes(pullName))
      compare(pullName, `pull ${sizeNote}`, oursPull, [
        ["dvc pull (dvc-s3)", dvcPull, goal],
        ["rclone", rclonePull],
      ]);
    rmSync(ours, { recursive: true, force: true });
    rmSync(peer, { recursive: true, force: true });
  };

  try {
    s3Round("10k", `${smallCount} files of 1 KiB`, (dir) => writeSmallFiles(dir, smallCount), 3);
    s3Round(
      "1gib",
      `one ${bigSize / 1024 / 1024} MiB file`,
      (dir) => {
        mkdirSync(dir, { recursive: true });
        writeRandomFile(join(dir, "big.bin"), bigSize);
      },
      1.5,
    );
    if (wanted.includes("dir-push-10k") || wanted.includes("dir-pull-10k")) {
      log(`directory remote: writing ${smallCount} files of 1 KiB…`);
      const { ours, peer } = prepare("dir", (dir) => writeSmallFiles(dir, smallCount));
      const oursRemote = join(base, "dir-remote-ours");
      const dvcRemote = join(base, "dir-remote-dvc");
      run(process.execPath, [mlops, "remote", "add", "local", oursRemote, "--default"], ours, awsEnv);
      run(dvc, ["remote", "add", "-d", "local", dvcRemote], peer, dvcEnv);
      // Fast enough to repeat: best of `dirRuns` each, the order alternating so that neither side
      // always runs first, every run from the same state (an empty remote; an empty cache and
      // workspace) by moving the previous run's trees aside.
      const dirRuns = 3;
      const timePair = (reset, timeOurs, timeDvc) => {
        const oursTimes = [];
        const dvcTimes = [];
        for (let r = 0; r < dirRuns; r++) {
          reset();
          if (r % 2 === 0) {
            oursTimes.push(timeOurs());
            dvcTimes.push(timeDvc());
          } else {
            dvcTimes.push(timeDvc());
            oursTimes.push(timeOurs());
          }
        }
        const list = (times) => times.map((t) => t.toFixed(2)).join(", ");
        log(`  runs: ours ${list(oursTimes)} s; dvc ${list(dvcTimes)} s`);
        return { ours: Math.min(...oursTimes), dvc: Math.min(...dvcTimes) };
      };
      const push = timePair(
        () => {
          moveAside(oursRemote);
          moveAside(dvcRemote);
        },
        () => timed(process.execPath, [mlops, "data", "push", "-j", String(jobs)], ours, awsEnv).seconds,
        () => timed(dvc, ["push", "-j", String(jobs)], peer, dvcEnv).seconds,
      );
      if (wanted.includes("dir-push-10k"))
        compare(
          "dir-push-10k",
          `push ${smallCount} files of 1 KiB to a directory`,
          push.ours,
          [["dvc push (local remote)", push.dvc, 4]],
          dirRuns,
        );
      const pull = timePair(
        () => {
          for (const tree of [".mlops/cache", "data/set"]) moveAside(join(ours, tree));
          for (const tree of [".dvc/cache", "data/set"]) moveAside(join(peer, tree));
        },
        () => timed(process.execPath, [mlops, "data", "pull", "-j", String(jobs)], ours, awsEnv).seconds,
        () => timed(dvc, ["pull", "-j", String(jobs)], peer, dvcEnv).seconds,
      );
      if (wanted.includes("dir-pull-10k"))
        compare(
          "dir-pull-10k",
          `pull ${smallCount} files of 1 KiB from a directory`,
          pull.ours,
          [["dvc pull (local remote)", pull.dvc, 4]],
          dirRuns,
        );
    }
  } finally {
    server.stop();
  }
}

// Run alone: prints each comparison and a markdown table for BENCHMARKS.md.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const argv = process.argv.slice(2);
  const quick = argv.includes("--quick");
  const only = argv.flatMap((a, i) => (argv[i - 1] === "--only" ? [a] : []));
  const log = (line) => process.stderr.write(`${line}\n`);
  const run = (cmd, args, cwd, env = {}) => {
    const result = spawnSync(cmd, args, {
      cwd,
      encoding: "utf8",
      env: { ...process.env, ...env },
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    if (result.status !== 0)
      throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${result.status}):\n${result.stderr}`);
    return result.stdout;
  };
  const timed = (cmd, args, cwd, env) => {
    spawnSync("sync");
    const start = performance.now();
    const out = run(cmd, args, cwd, env);
    return { seconds: (performance.now() - start) / 1000, out };
  };
  const fmt = (s) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
  const rows = [];
  const record = (name, measure, ours, baseline, baselineName, ratio, target, pass, _note, runs = 1) => {
    rows.push(
      `| ${name} | ${measure} | ${fmt(ours)} | ${baselineName}: ${fmt(baseline)} | ${ratio.toFixed(2)}× | ${target} | ${pass ? "pass" : "FAIL"} |`,
    );
    log(
      `${pass ? "PASS" : "FAIL"}  ${name}: ${measure}: ours ${fmt(ours)} vs ${baselineName} ${fmt(baseline)} → ${ratio.toFixed(2)}× (${target}; ${runs === 1 ? "one run each" : `best of ${runs}`})`,
    );
  };
  const work = mkdtempSync(join(tmpdir(), "s3bench-"));
  const uptime = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
  try {
    await s3Benches({
      root,
      selected: only.length ? only : s3BenchNames,
      opts: { quick },
      work,
      record,
      log,
      run,
      timed,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const after = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
  console.log(
    [
      `uptime before: ${uptime}`,
      `uptime after: ${after}`,
      "",
      "| benchmark | what | ours | peer | ratio | goal | result |",
      "|---|---|---|---|---|---|---|",
      ...rows,
    ].join("\n"),
  );
}
