// Registry benchmark, side by side with GTO in the same run on the same repository:
//   registry-show  `mlops registry show bench#prod` on a repo with 5,000 versions and 2,000 stage
//                  changes vs `gto show bench#prod` (GTO 1.10.1 from scripts/compare/requirements-gto.txt)
// The repository is written with `git fast-import` (5,000 commits, 7,000 annotated tags with
// realistic manifests) and its refs packed, as a clone has them.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const registryBenchNames = ["registry-show"];

const sha = (s) => createHash("sha256").update(s).digest("hex");

function versionManifest(i, commit, time) {
  const v = `v1.${i}.0`;
  return `version: ${v}
model: bench
created: ${new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, "Z")}
commit: ${commit}
pipeline:
  name: bench
  lock_sha256: ${sha(`lock${i}`)}
data:
  - name: cars
    sha256: ${sha(`manifest${i}`)}
    path: data/cars.dvc
    data_sha256: ${sha(`data${i}`)}
params:
  train:
    target: mpg
    task: regression
    features:
      numeric: [cylinders, displacement, horsepower, weight, acceleration, model_year]
      categorical: [origin]
    model: gbdt
    gbdt:
      trees: ${100 + (i % 300)}
      max_depth: 3
      learning_rate: 0.05
metrics:
  n: 62
  rmse: ${(2 + (i % 97) / 100).toFixed(6)}
  mae: ${(1.5 + (i % 89) / 100).toFixed(6)}
  r2: ${(0.8 + (i % 13) / 100).toFixed(6)}
validation:
  ok: true
  summary: passed (1 warnings)
signature:
  inputs:
${["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year", "origin"]
  .map((n) => `    - name: ${n}\n      dtype: ${n === "origin" ? "string" : "float32"}\n      shape: [N, 1]`)
  .join("\n")}
  outputs:
    - name: prediction
      dtype: float32
      shape: [N, 1]
artifact:
  sha256: ${sha(`model${i}`)}
  size: ${80000 + i}
  uri: file:///srv/store/sha256/${sha(`model${i}`).slice(0, 2)}/${sha(`model${i}`).slice(2)}
`;
}

/** Writes the repository through one fast-import stream; returns nothing, leaves refs packed. */
export function writeRegistryRepo(dir, versions, stageChanges, run) {
  mkdirSync(dir, { recursive: true });
  run("git", ["init", "-q", "-b", "main"], dir);
  const chunks = [];
  const start = 1_700_000_000;
  const data = (text) => {
    const bytes = Buffer.byteLength(text);
    chunks.push(`data ${bytes}\n${text}\n`);
  };
  for (let i = 1; i <= versions; i++) {
    chunks.push(
      `commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.invalid> ${start + i} +0000\n`,
    );
    data(`change ${i}`);
    chunks.push(`M 644 inline params.yaml\n`);
    data(`alpha: ${i}\n`);
  }
  // The tags name their commits by mark; the manifests need the real ids, so a first pass
  // writes the commits and the tags come in a second stream.
  run("git", ["fast-import", "--quiet"], dir, {}, chunks.join(""));
  const ids = run("git", ["rev-list", "--reverse", "main"], dir).trim().split("\n");
  const tags = [];
  let time = start + versions + 10;
  for (let i = 1; i <= versions; i++) {
    time++;
    tags.push(
      `tag bench@v1.${i}.0\nfrom ${ids[i - 1]}\ntagger Bench <bench@example.invalid> ${time} +0000\n`,
    );
    const text = versionManifest(i, ids[i - 1], time);
    tags.push(`data ${Buffer.byteLength(text)}\n${text}\n`);
  }
  const stages = ["dev", "staging", "prod"];
  const counter = { dev: 0, staging: 0, prod: 0 };
  const held = { dev: null, staging: null, prod: null };
  for (let k = 0; k < stageChanges; k++) {
    const stage = stages[k % 3];
    const i = Math.min(versions, Math.floor((k / stageChanges) * versions) + 1 + (k % 3));
    counter[stage]++;
    time++;
    const text = `model: bench\nstage: ${stage}\nversion: v1.${i}.0\nprevious: ${held[stage] ?? "null"}\nactor: bench\ntime: ${new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, "Z")}\n`;
    held[stage] = `v1.${i}.0`;
    tags.push(
      `tag bench#${stage}#${counter[stage]}\nfrom ${ids[i - 1]}\ntagger Bench <bench@example.invalid> ${time} +0000\n`,
    );
    tags.push(`data ${Buffer.byteLength(text)}\n${text}\n`);
  }
  run("git", ["fast-import", "--quiet"], dir, {}, tags.join(""));
  run("git", ["pack-refs", "--all"], dir);
  return held.prod;
}

export function registryBenches({
  root,
  selected,
  opts,
  work,
  record,
  versions: toolVersions,
  log,
  run,
  timed,
}) {
  if (!selected.includes("registry-show")) return;
  const versions = opts.quick ? 500 : 5000;
  const changes = opts.quick ? 200 : 2000;
  const dir = join(work, "registry");
  log(`registry-show: writing ${versions} versions and ${changes} stage changes…`);
  const prod = writeRegistryRepo(dir, versions, changes, run);
  const gtoRequirements = join(root, "scripts/compare/requirements-gto.txt");
  const prefix = run(
    "sh",
    [
      join(root, "scripts/python/venv-run.sh"),
      gtoRequirements,
      "python3",
      "-c",
      "import sys; print(sys.prefix)",
    ],
    root,
  ).trim();
  const gto = join(prefix, "bin/gto");
  toolVersions.GTO = run(gto, ["--version"], root).trim().split(/\s+/).pop();
  const mlops = join(root, "bin/mlops.js");
  // Ours is a sub-second command, so it is timed 10 times (at least) and the best kept.
  const best = (fn) => Math.min(...Array.from({ length: Math.max(opts.reps, 10) }, fn));
  let ourVersion = "";
  const ours = best(() => {
    const t = timed("node", [mlops, "registry", "show", "bench#prod", "--json"], dir);
    ourVersion = JSON.parse(t.out).version;
    return t.seconds;
  });
  // GTO opens every tag and takes minutes here, so it runs once; its time hardly varies.
  log("registry-show: gto show (minutes)…");
  const t = timed(gto, ["show", "bench#prod", "--json"], dir);
  const theirVersion = JSON.parse(t.out)[0]?.version;
  const theirs = t.seconds;
  if (ourVersion !== prod || theirVersion !== prod) {
    throw new Error(
      `registry-show: prod should be ${prod}; mlops says ${ourVersion}, gto says ${theirVersion}`,
    );
  }
  // Bare Node's start-up, measured in the same run, tells how fast this machine is right now.
  const bare = best(() => timed("node", ["-e", ""], dir).seconds);
  record(
    "registry-show",
    `registry show NAME#prod with ${versions} versions and ${changes} stage changes (both answer ${prod})`,
    ours,
    theirs,
    "gto show",
    theirs / ours,
    "≤ 300 ms and ≥ 20 × GTO",
    ours <= 0.3 && theirs / ours >= 20,
    `node -e '' took ${Math.round(bare * 1000)} ms in this run`,
  );
}
