// Image benchmark, side by side with podman in the same run on the same machine and registry:
//   image-cold   build + push of the model-serving image to a registry that holds only the base
//                image: both sides have the base (podman pulled it, untimed; ours reads it from the
//                registry, where it is) and neither has a build cache (ours a new layout directory,
//                podman --no-cache); each repetition starts a fresh registry
//   image-warm   the same again with nothing changed (our layout and podman's cache both kept)
// Both sides run the same number of times (--reps, default 3), alternating; the best of each is kept.
// Ours: buildServingImage + pushImage from lib/image (daemonless, base layers mounted, not pulled).
// Baseline: `podman build` of an equivalent Containerfile (FROM the same base by digest, COPY the
// same three inputs, same labels, env, user, entrypoint) followed by `podman push`.
//
//   npm run build:lib && node scripts/bench/image-benches.mjs [--reps N] [--json]
//
// Needs docker-registry and podman (run as here: `--runtime runc`). Uses the fuel-efficiency model
// of MLOPS_BENCH_REPO or this checkout (run the pipeline first) or, if it is absent, the pipeline's
// baseline model.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../..", import.meta.url));
const benchRepo = process.env.MLOPS_BENCH_REPO || root;
const { values: cli } = parseArgs({ options: { reps: { type: "string" }, json: { type: "boolean" } } });
const reps = Number(cli.reps ?? 3);
if (!Number.isInteger(reps) || reps < 1) {
  process.stderr.write("image-benches: --reps expects a positive integer\n");
  process.exit(2);
}
const log = (line) => process.stderr.write(`image-benches: ${line}\n`);
if (!existsSync(join(root, "lib/image/index.js"))) {
  process.stderr.write("image-benches: lib/image is not built; run `npm run build:lib` first\n");
  process.exit(2);
}
const { buildServingImage, onnxruntimeInputs, pushImage, servingImageBuild } = await import(
  join(root, "lib/image/index.js")
);
const { makeBaseImage } = await import(join(root, "scripts/image/make-base-image.mjs"));

const podmanArgs = ["--runtime", "runc"];

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRegistry(dir) {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(dir, "registry.yml");
  writeFileSync(
    config,
    `version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${join(dir, "registry-storage")}
  delete:
    enabled: true
http:
  addr: ${host}
  secret: ${randomUUID()}
`,
  );
  const log = openSync(join(dir, "registry.log"), "a");
  const child = spawn("docker-registry", ["serve", config], { stdio: ["ignore", log, log] });
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { host, stop: () => child.kill("SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGTERM");
  throw new Error("docker-registry did not start");
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const standInServer = `import { createServer } from "node:http";
import ort from "onnxruntime-node";
const session = await ort.InferenceSession.create(process.env.MODEL_PATH);
createServer((req, res) => res.end(JSON.stringify({ inputs: session.inputNames }))).listen(Number(process.env.PORT ?? 8080));
`;

/** The Containerfile podman builds: the same image our builder writes, step for step. */
function containerfile(base, build) {
  const c = build.config;
  const q = (s) => JSON.stringify(s);
  return [
    `FROM ${base}`,
    "COPY node_modules/onnxruntime-node /app/node_modules/onnxruntime-node",
    "COPY node_modules/onnxruntime-common /app/node_modules/onnxruntime-common",
    "COPY bundle /app/server",
    "COPY model /app/model",
    ...Object.entries(c.env).map(([k, v]) => `ENV ${k}=${q(v)}`),
    ...Object.entries(build.labels).map(([k, v]) => `LABEL ${q(k)}=${q(v)}`),
    `WORKDIR ${c.workingDir}`,
    ...c.exposedPorts.map((p) => `EXPOSE ${p}`),
    `USER ${c.user}`,
    `ENTRYPOINT ${JSON.stringify(c.entrypoint)}`,
    "",
  ].join("\n");
}

async function main() {
  for (const tool of ["docker-registry", "podman"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
      process.stderr.write(`image-benches: ${tool} is not installed\n`);
      process.exit(2);
    }
  }
  const work = mkdtempSync(join(tmpdir(), "mlops-image-bench-"));
  const tag = `bench-${randomUUID().slice(0, 8)}`;
  const fuel = join(benchRepo, "pipelines/fuel-efficiency/model.onnx");
  const modelFile = existsSync(fuel)
    ? fuel
    : join(benchRepo, "pipelines/fuel-efficiency/models/baseline.onnx");
  if (!existsSync(modelFile))
    throw new Error("no fuel-efficiency model: run `mlops run fuel-efficiency` first");
  const bundleDir = join(work, "bundle");
  mkdirSync(bundleDir);
  writeFileSync(join(bundleDir, "server.mjs"), standInServer);
  const versionManifest = join(work, "version.yaml");
  writeFileSync(versionManifest, "model: fuel-efficiency\nversion: v1.0.0\n");
  const sourceDateEpoch = Number(sh("git", ["-C", root, "show", "-s", "--format=%ct", "HEAD"]).trim());
  const revision = sh("git", ["-C", root, "rev-parse", "HEAD"]).trim();
  const pulled = new Set();
  let registry = null;
  const runs = { "image-cold": { ours: [], podman: [] }, "image-warm": { ours: [], podman: [] } };
  let digest = null;
  let uploadedCold = null;
  let uploadedWarm = null;
  try {
    for (let r = 0; r < reps; r++) {
      // A fresh registry holding only the base, so every cold push uploads the image's own layers.
      registry?.stop();
      mkdirSync(join(work, `registry-${r}`));
      registry = await startRegistry(join(work, `registry-${r}`));
      const base = (await makeBaseImage({ registry: registry.host, repo: "base/node" })).reference;
      const podmanRef = `${registry.host}/bench/podman:${tag}`;
      const ourRef = `${registry.host}/bench/ours:${tag}`;
      const options = {
        base,
        layoutDir: join(work, `layout-${r}`),
        sourceDateEpoch,
        server: { bundleDir, entry: "server.mjs" },
        nodeModulesDir: join(root, "node_modules"),
        model: { name: "fuel-efficiency", version: "v1.0.0", file: modelFile, versionManifest },
        source: { url: "https://github.com/example/gitops-mlops", revision },
        registry: { insecure: true },
      };
      // The podman build context: the same inputs, hard-linked (only linux/x64 binaries, as ours).
      const context = join(work, `context-${r}`);
      mkdirSync(join(context, "node_modules"), { recursive: true });
      for (const input of await onnxruntimeInputs(options.nodeModulesDir)) {
        const dest = join(context, "node_modules", input.from.split("/").pop());
        sh("cp", ["-al", input.from, dest]);
        for (const ex of input.exclude ?? []) rmSync(join(dest, ex), { recursive: true, force: true });
      }
      cpSync(bundleDir, join(context, "bundle"), { recursive: true });
      mkdirSync(join(context, "model"));
      cpSync(modelFile, join(context, "model/model.onnx"));
      cpSync(versionManifest, join(context, "model/version.yaml"));
      writeFileSync(join(context, "Containerfile"), containerfile(base, await servingImageBuild(options)));

      const ours = async () => {
        const build = await timed(() => buildServingImage(options));
        const push = await timed(() =>
          pushImage({ layoutDir: options.layoutDir, reference: ourRef, insecure: true }),
        );
        return {
          build: build.ms / 1000,
          push: push.ms / 1000,
          total: (build.ms + push.ms) / 1000,
          uploaded: push.value.bytesUploaded,
          digest: push.value.digest,
        };
      };
      const podman = async (cold) => {
        const build = await timed(async () =>
          sh("podman", [
            ...podmanArgs,
            "build",
            "--quiet",
            "--pull=never",
            ...(cold ? ["--no-cache"] : []),
            "-t",
            podmanRef,
            "-f",
            join(context, "Containerfile"),
            context,
          ]),
        );
        const push = await timed(async () =>
          sh("podman", [...podmanArgs, "push", "--quiet", "--tls-verify=false", podmanRef]),
        );
        return { build: build.ms / 1000, push: push.ms / 1000, total: (build.ms + push.ms) / 1000 };
      };

      // The same starting state for both: the base present (podman pulls it now, untimed; ours reads
      // it from the registry, where it is), no image and no build cache on either side.
      sh("podman", [...podmanArgs, "pull", "--quiet", "--tls-verify=false", base]);
      pulled.add(base);
      spawnSync("podman", [...podmanArgs, "rmi", "-f", podmanRef], { encoding: "utf8" });
      // Alternate which side goes first, so neither always runs on the warmer machine.
      log(`repetition ${r + 1}/${reps}: cold, then warm`);
      const order = r % 2 === 0 ? ["ours", "podman"] : ["podman", "ours"];
      for (const side of order) {
        if (side === "ours") {
          const o = await ours();
          runs["image-cold"].ours.push(o);
          digest = o.digest;
          uploadedCold = o.uploaded;
        } else runs["image-cold"].podman.push(await podman(true));
      }
      for (const side of order) {
        if (side === "ours") {
          const o = await ours();
          runs["image-warm"].ours.push(o);
          uploadedWarm = o.uploaded;
        } else runs["image-warm"].podman.push(await podman(false));
      }
      spawnSync("podman", [...podmanArgs, "rmi", "-f", podmanRef], { encoding: "utf8" });
    }

    const bestOf = (list) => list.reduce((a, b) => (b.total < a.total ? b : a));
    const what = {
      "image-cold":
        "serving image to a fresh registry holding only the base; base present on both sides, no build cache",
      "image-warm": "the same again, nothing changed (our layout and podman's cache kept)",
    };
    const rows = Object.entries(runs).map(([name, sides]) => ({
      name,
      what: what[name],
      ours: bestOf(sides.ours),
      podman: bestOf(sides.podman),
      runs: sides,
    }));
    const lines = [
      `Best of ${reps} of each side, alternating which goes first; every repetition starts a fresh registry holding only the base image, pulled by podman beforehand (untimed).`,
      "",
      "| benchmark | ours build | ours push | ours total | podman build | podman push | podman total | ratio (podman/ours) | every run, ours / podman |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows.map(({ name, ours: o, podman: p, runs: all }) => {
        const every = all.ours
          .map((x, i) => `${x.total.toFixed(2)} / ${all.podman[i].total.toFixed(2)} s`)
          .join("; ");
        return `| ${name} | ${o.build.toFixed(2)} s | ${o.push.toFixed(2)} s | ${o.total.toFixed(2)} s | ${p.build.toFixed(2)} s | ${p.push.toFixed(2)} s | ${p.total.toFixed(2)} s | ${(p.total / o.total).toFixed(2)}× | ${every} |`;
      }),
      "",
      `Ours: ${digest}, ${(uploadedCold / 1e6).toFixed(1)} MB uploaded cold, ${uploadedWarm} bytes warm.`,
    ];
    const podmanVersion = sh("podman", ["--version"])
      .trim()
      .replace(/^podman version\s*/, "");
    const registryVersion = sh("docker-registry", ["--version"]).trim().split(/\s+/).pop();
    if (cli.json) {
      process.stdout.write(
        `${JSON.stringify({ reps, podman_version: podmanVersion, registry_version: registryVersion, rows, markdown: lines.join("\n") })}\n`,
      );
    } else process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    spawnSync("podman", [...podmanArgs, "rmi", "-f", ...pulled], { encoding: "utf8" });
    registry?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
