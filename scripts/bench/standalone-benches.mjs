// Benchmarks that run as their own scripts (they start servers, registries and containers, and
// print their own side-by-side tables): `npm run bench -- --only serve-http` runs one of them.
//   serve-http   scripts/bench/serve-benches.mjs: wrk at c=1/16/64 and a constant 1,000 req/s on
//                the fuel-efficiency model, ours against a canned-response ceiling, the same ceiling
//                plus the model's batched runs, raw session.run, a plain node:http server and
//                FastAPI + uvicorn + onnxruntime
//   image-build  scripts/bench/image-benches.mjs: build + push of the serving image, ours against
//                `podman build` + `podman push` of the same Containerfile
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const standaloneBenchNames = ["serve-http", "image-build"];

const scripts = { "serve-http": "serve-benches.mjs", "image-build": "image-benches.mjs" };

export function standaloneBenches({ root, selected, log }) {
  for (const name of standaloneBenchNames) {
    if (!selected.includes(name)) continue;
    log(`${name}: node scripts/bench/${scripts[name]}`);
    const r = spawnSync(process.execPath, [join(root, "scripts/bench", scripts[name])], {
      cwd: root,
      stdio: "inherit",
    });
    if (r.status !== 0) log(`${name}: exited ${r.status} (a goal missed or a tool is missing; see above)`);
  }
}
