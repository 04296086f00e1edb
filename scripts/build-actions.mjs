#!/usr/bin/env node
// Rebuilds every action's committed bundle: compiles actions/*/main.ts (and the src/ they import)
// with tsc, then bundles each with ncc into actions/<name>/dist. Native packages (onnxruntime-node,
// DuckDB) stay out of the bundles and resolve from the repository's node_modules, which workflows
// install with `npm ci` first. The serving image's server (src/serve/container-main.ts) is bundled the
// same way into actions/build-image/server, the file every image built by `mlops image build` runs.
// `--check` rebuilds into a temp dir and fails when a committed dist
// differs: what CI runs so a stale bundle never lands.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const externals = ["onnxruntime-node", "@duckdb/node-api", "apache-arrow"];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) {
    console.error(`build-actions: ${cmd} ${args.join(" ")} failed`);
    process.exit(1);
  }
}

const actions = readdirSync(join(root, "actions"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, "actions", e.name, "main.ts")))
  .map((e) => e.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const bundles = actions.map((name) => ({
  name,
  entry: join(root, ".mlops/tmp/actions-build/actions", name, "main.js"),
  committed: join(root, "actions", name, "dist"),
}));
if (only.length === 0 || only.includes("server")) {
  bundles.push({
    name: "server",
    entry: join(root, ".mlops/tmp/actions-build/src/serve/container-main.js"),
    committed: join(root, "actions/build-image/server"),
  });
}

run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.actions.json"]);
const stale = [];
for (const { name, entry, committed } of bundles) {
  const out = check ? mkdtempSync(join(tmpdir(), `mlops-dist-${name}-`)) : committed;
  // A fresh directory: ncc leaves chunks of earlier builds behind otherwise.
  if (!check) rmSync(committed, { recursive: true, force: true });
  process.stderr.write(`bundling ${name}…\n`);
  run(process.execPath, [
    join(root, "node_modules/@vercel/ncc/dist/ncc/cli.js"),
    "build",
    entry,
    "-o",
    out,
    "-q",
    ...externals.flatMap((e) => ["-e", e]),
  ]);
  if (check) {
    const files = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
    const a = files(out);
    const b = files(committed);
    const same =
      a.length === b.length &&
      a.every((f, i) => f === b[i] && readFileSync(join(out, f)).equals(readFileSync(join(committed, f))));
    if (!same) stale.push(name);
    rmSync(out, { recursive: true, force: true });
  }
}
if (stale.length) {
  console.error(
    `build-actions: dist/ is stale for ${stale.join(", ")}: run \`npm run build\` and commit actions/*/dist`,
  );
  process.exit(1);
}
process.stderr.write(
  check
    ? `every bundle is up to date (${bundles.map((b) => b.name).join(", ")})\n`
    : `built ${bundles.map((b) => b.name).join(", ")}\n`,
);
