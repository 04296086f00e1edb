// Image benchmark, side by side with podman in the same run on the same machine and registry:
//   image-cold   build + push of the model-serving image to a repository that has nothing of it
//                (the base image is in the registry; podman has neither the base nor a build cache)
//   image-warm   the same again with nothing changed (our layout and podman's cache both kept)
// Ours: buildServingImage + pushImage from lib/image (daemonless, base layers mounted, not pulled).
// Baseline: `podman build` of an equivalent Containerfile (FROM the same base by digest, COPY the
// same three inputs, same labels, env, user, entrypoint) followed by `podman push`.
//
//   npx tsc -p tsconfig.build.json && node scripts/bench/image-benches.mjs
//
// Needs docker-registry and podman (run as here: `--runtime runc`). Uses the fuel-efficiency model
// (run the pipeline first) or, if it is absent, the pipeline's baseline model.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
if (!existsSync(join(root, "lib/image/index.js"))) {
  process.stderr.write("image-benches: lib/image is not built; run `npx tsc -p tsconfig.build.json` first\n");
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

const seconds = (ms) => (ms / 1000).toFixed(2);
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
  const registry = await startRegistry(work);
  const tag = `bench-${randomUUID().slice(0, 8)}`;
  const podmanRef = `${registry.host}/bench/podman:${tag}`;
  let base;
  try {
    base = (await makeBaseImage({ registry: registry.host, repo: "base/node" })).reference;

    const bundleDir = join(work, "bundle");
    mkdirSync(bundleDir);
    writeFileSync(join(bundleDir, "server.mjs"), standInServer);
    const fuel = join(root, "pipelines/fuel-efficiency/model.onnx");
    const modelFile = existsSync(fuel) ? fuel : join(root, "pipelines/fuel-efficiency/models/baseline.onnx");
    if (!existsSync(modelFile))
      throw new Error("no fuel-efficiency model: run `mlops run fuel-efficiency` first");
    const versionManifest = join(work, "version.yaml");
    writeFileSync(versionManifest, "model: fuel-efficiency\nversion: v1.0.0\n");
    const options = {
      base,
      layoutDir: join(work, "layout"),
      sourceDateEpoch: Number(sh("git", ["-C", root, "show", "-s", "--format=%ct", "HEAD"]).trim()),
      server: { bundleDir, entry: "server.mjs" },
      nodeModulesDir: join(root, "node_modules"),
      model: { name: "fuel-efficiency", version: "v1.0.0", file: modelFile, versionManifest },
      source: {
        url: "https://github.com/example/gitops-mlops",
        revision: sh("git", ["-C", root, "rev-parse", "HEAD"]).trim(),
      },
      registry: { insecure: true },
    };
    const ourRef = `${registry.host}/bench/ours:${tag}`;

    // The podman build context: the same inputs, hard-linked (only linux/x64 binaries, as ours).
    const context = join(work, "context");
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
        build: build.ms,
        push: push.ms,
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
          "--tls-verify=false",
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
      return { build: build.ms, push: push.ms };
    };

    // Cold: podman has neither the base nor a cache; our layout directory does not exist yet.
    spawnSync("podman", [...podmanArgs, "rmi", "-f", base, podmanRef], { encoding: "utf8" });
    const oursCold = await ours();
    const podmanCold = await podman(true);
    const oursWarm = await ours();
    const podmanWarm = await podman(false);

    const rows = [
      ["image-cold", oursCold, podmanCold],
      ["image-warm", oursWarm, podmanWarm],
    ];
    const lines = [
      "| benchmark | ours build | ours push | ours total | podman build | podman push | podman total | ratio (podman/ours) |",
      "|---|---|---|---|---|---|---|---|",
      ...rows.map(([name, o, p]) => {
        const ot = o.build + o.push;
        const pt = p.build + p.push;
        return `| ${name} | ${seconds(o.build)} s | ${seconds(o.push)} s | ${seconds(ot)} s | ${seconds(p.build)} s | ${seconds(p.push)} s | ${seconds(pt)} s | ${(pt / ot).toFixed(2)}× |`;
      }),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    process.stdout.write(
      `ours: ${oursCold.digest}, ${(oursCold.uploaded / 1e6).toFixed(1)} MB uploaded cold, ${oursWarm.uploaded} bytes warm; base ${base}\n`,
    );
  } finally {
    spawnSync("podman", [...podmanArgs, "rmi", "-f", podmanRef, ...(base ? [base] : [])], {
      encoding: "utf8",
    });
    registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
