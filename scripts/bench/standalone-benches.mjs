// Benchmarks that run as their own scripts (they start servers, registries and containers) and
// report to the runner as JSON; the runner turns their goals into rows of the results table and
// their tables into sections of BENCHMARKS.md, and every goal feeds its exit status.
//   serve-http   scripts/bench/serve-benches.mjs, one process per server: wrk at c=1/16/64 and an
//                open loop at a constant 5,000 req/s on the fuel-efficiency model; ours is
//                `mlops serve fuel-efficiency#staging` with its prediction log, against
//                ceiling-infer (the same HTTP stack and batching running only session.run), the
//                canned-response ceiling, a plain node:http server and FastAPI + uvicorn
//   serve-2proc  the same with two processes: ours with --workers 2, the ceilings under
//                scripts/bench/serve/cluster.mjs, at c=64
//   image-build  scripts/bench/image-benches.mjs: build + push of the serving image, ours against
//                `podman build` + `podman push` of the same Containerfile, both from the same state
// Both serving runs and the image run use one repository made here: a clone of this checkout
// where the fuel-efficiency pipeline was run and its model registered and promoted to staging.
import { spawnSync } from "node:child_process";
import { appendFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { writeMlopsShim } from "./mlops-shim.mjs";
import { evaluateGoals, formatReport } from "./serve/report.mjs";

export const standaloneBenchNames = ["serve-http", "serve-2proc", "image-build"];

/** Runs a bench script with --json; its progress goes to our stderr, its JSON comes back. */
function runJson(root, script, args, env) {
  const r = spawnSync(process.execPath, [join(root, "scripts/bench", script), ...args, "--json"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  try {
    return { doc: JSON.parse(r.stdout), status: r.status };
  } catch {
    throw new Error(
      `${script} exited ${r.status} without its JSON report${r.stdout ? `: ${r.stdout.slice(-300)}` : ""}`,
    );
  }
}

/**
 * A clone of this checkout where a user's steps were taken: the fuel-efficiency pipeline run, the
 * result committed, the model registered and promoted to dev and staging. Returns its path.
 */
function makeServingRepo({ root, work, run, log }) {
  const dir = join(work, "serving-repo");
  log("serving: cloning this checkout, running fuel-efficiency, registering and promoting its model…");
  run("git", ["clone", "-q", root, dir], work);
  run("git", ["config", "user.email", "bench@example.invalid"], dir);
  run("git", ["config", "user.name", "mlops bench"], dir);
  // The stages call `mlops` and prepare.mjs imports yaml: this checkout's build and node_modules.
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  // .gitignore's `node_modules/` does not match a symlink: keep it out of the commit below.
  appendFileSync(join(dir, ".git/info/exclude"), "/node_modules\n");
  const shim = writeMlopsShim(join(work, "serving-bin"), root);
  const env = { PATH: `${shim}:${process.env.PATH}` };
  const mlops = (...args) => run(process.execPath, [join(root, "bin/mlops.js"), ...args], dir, env);
  mlops("remote", "add", "store", join(work, "serving-store"), "--default");
  mlops("run", "fuel-efficiency", "-q");
  run("git", ["add", "-A"], dir);
  // Nothing may have changed (the committed lock already matches): commit only when something did.
  if (run("git", ["status", "--porcelain"], dir).trim() !== "")
    run("git", ["commit", "-q", "-m", "bench: fuel-efficiency run"], dir);
  const version = JSON.parse(mlops("register", "fuel-efficiency", "--json")).version;
  mlops("promote", "fuel-efficiency", version, "--to", "dev");
  mlops("promote", "fuel-efficiency", version, "--to", "staging");
  return { dir, version };
}

function recordServeGoals(ctx, name, doc, judgedGoals) {
  const { recordResult } = ctx;
  for (const g of doc.goals) {
    if (g.goal === "p99-at-rate") continue;
    if (g.concurrency !== 64 || !judgedGoals.includes(g.goal)) continue;
    const missing = g.ratio == null ? (g.note ?? "not measured") : undefined;
    recordResult({
      name,
      measure: `${g.text} at c=64, wrk closed loop${g.note && !missing ? `; ${g.note}` : ""}`,
      ours: g.ours_rps,
      baseline: g.baseline_rps,
      baselineName: g.baseline,
      unit: "rps",
      ratio: g.ratio,
      target: g.min == null ? "–" : `≥ ${g.min}`,
      pass: g.min == null ? null : g.pass === true,
      ...(missing && g.min != null ? { missing } : {}),
    });
  }
}

/**
 * wrk drives the serving benchmarks. A machine without it (a new CI machine has none: the test
 * suite does not need it) gets it from apt as root or through passwordless sudo, as the install
 * scripts do for the tests' packages; otherwise the serving rows say why they were not measured.
 */
function ensureWrk(log) {
  if (!spawnSync("wrk", ["-v"]).error) return;
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync("sudo", ["-n", "true"]).status === 0;
  if (!root && !sudo) return;
  log("wrk is not installed: installing it with apt-get (the serving benchmarks need it)…");
  const asRoot = (args) =>
    spawnSync(root ? args[0] : "sudo", root ? args.slice(1) : ["-n", ...args], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (asRoot(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"]).status !== 0) {
    asRoot(["apt-get", "update", "-qq"]);
    asRoot(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"]);
  }
}

export async function standaloneBenches(ctx) {
  const { root, selected, opts, guard, versions, sections } = ctx;
  const wanted = standaloneBenchNames.filter((n) => selected.includes(n));
  if (wanted.length === 0) return;
  let repo = null;
  await guard(wanted, "the serving repository (clone, run, register, promote)", () => {
    repo = makeServingRepo(ctx);
  });
  if (!repo) return;
  const env = { MLOPS_BENCH_REPO: repo.dir };
  if (wanted.some((n) => n.startsWith("serve-"))) ensureWrk(ctx.log);
  const duration = opts.quick ? "2" : "8";

  await guard(["serve-http"], "serving, one process per server", () => {
    const args = ["--duration", duration];
    const { doc } = runJson(root, "serve-benches.mjs", args, env);
    const sopts = {
      duration: Number(duration),
      concurrency: doc.settings.concurrency,
      rate: doc.settings.rate,
    };
    doc.goals ??= evaluateGoals(doc, sopts);
    versions.wrk = doc.machine.wrk.replace(/^wrk\s*/, "");
    if (doc.machine.onnxruntime_node) versions["onnxruntime-node"] = doc.machine.onnxruntime_node;
    const fa = doc.machine.fastapi;
    if (fa?.ok) {
      versions.Python = fa.python;
      versions.FastAPI = fa.fastapi;
      versions.uvicorn = fa.uvicorn;
      versions["onnxruntime (Python)"] = fa.onnxruntime;
    } else versions.FastAPI = `not installed (${fa?.reason ?? "not run"})`;
    recordServeGoals(ctx, "serve-http", doc, ["vs-ceiling-infer", "vs-plain", "vs-fastapi", "vs-ceiling"]);
    const p99 = doc.goals.find((g) => g.goal === "p99-at-rate");
    ctx.recordResult({
      name: "serve-http",
      measure: `ours p99 latency at a constant ${doc.settings.rate} req/s, open loop, from each request's intended send time${p99.note ? `; ${p99.note}` : ""}`,
      ours: p99.ours_p99_ms,
      baseline: 2,
      baselineName: "limit",
      unit: "ms",
      ratio: p99.ours_p99_ms ? 2 / p99.ours_p99_ms : null,
      target: "≤ 2 ms",
      pass: p99.pass === true,
      ...(p99.ours_p99_ms == null ? { missing: p99.note ?? "not measured" } : {}),
    });
    for (const t of doc.targets.filter((t) => t.status !== "ok"))
      ctx.recordMissing(
        "serve-http",
        `serving target ${t.label}`,
        "measured",
        `${t.label}: ${t.status}: ${t.reason}`,
      );
    sections.push({
      title: "Serving, one process per server (serve-http)",
      body: `${doc.targets.map((t) => `- **${t.label}**: ${t.what}`).join("\n")}\n\n${formatReport(doc, sopts)}`,
    });
  });

  await guard(["serve-2proc"], "serving, two processes per Node server", () => {
    const args = ["--duration", duration, "--processes", "2", "--concurrency", "64"];
    for (const id of ["ceiling-http", "ceiling-infer", "ours"]) args.push("--only", id);
    const { doc } = runJson(root, "serve-benches.mjs", args, env);
    const sopts = {
      duration: Number(duration),
      concurrency: doc.settings.concurrency,
      rate: doc.settings.rate,
    };
    recordServeGoals(ctx, "serve-2proc", doc, ["vs-ceiling-infer", "vs-ceiling"]);
    for (const t of doc.targets.filter((t) => t.status !== "ok"))
      ctx.recordMissing(
        "serve-2proc",
        `serving target ${t.label}`,
        "measured",
        `${t.label}: ${t.status}: ${t.reason}`,
      );
    sections.push({
      title: "Serving, two processes per Node server (serve-2proc)",
      body: formatReport(doc, sopts),
    });
  });

  await guard(["image-build"], "image build + push against podman", () => {
    const { doc } = runJson(root, "image-benches.mjs", ["--reps", String(Math.max(opts.reps, 1))], env);
    versions.podman = doc.podman_version;
    versions["docker-registry"] = doc.registry_version;
    for (const row of doc.rows) {
      ctx.recordResult({
        name: row.name,
        measure: `${row.what}; build + push, best of ${doc.reps} each (ours build ${row.ours.build.toFixed(2)} s + push ${row.ours.push.toFixed(2)} s; podman ${row.podman.build.toFixed(2)} s + ${row.podman.push.toFixed(2)} s)`,
        ours: row.ours.total,
        baseline: row.podman.total,
        baselineName: "podman build + push",
        ratio: row.podman.total / row.ours.total,
        target: "≥ 1 × (faster than podman)",
        pass: row.podman.total / row.ours.total >= 1,
      });
    }
    sections.push({ title: "Image build and push (image-build)", body: doc.markdown });
  });
}
