import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMlopsError, type MlopsError } from "../src/errors/index.js";
import {
  type BuildImageResult,
  buildImage,
  buildServingImage,
  type ImageManifest,
  mediaTypes,
  modelLabels,
  parseImageReference,
  pullManifest,
  pushImage,
  readLayoutImage,
  resolveDigest,
  type ServingImageOptions,
  sha256Digest,
} from "../src/image/index.js";
import { GraphBuilder } from "../src/onnx/builder.js";
import { repoRoot } from "./support/cli.js";
import { freePort, type RunningRegistry, requireTools, startRegistry } from "./support/oci-registry.js";
import { gitIn, tempDir } from "./support/repo.js";

const exec = promisify(execFile);
const podman = (...args: string[]) =>
  exec("podman", ["--runtime", "runc", ...args], { encoding: "utf8", maxBuffer: 16 << 20 });

const tools = ["docker-registry", "skopeo", "podman", "openssl"];

/** One car from the fuel-efficiency test split: what a client would POST to the server. */
const car = {
  cylinders: 4,
  displacement: 97,
  horsepower: 88,
  weight: 2130,
  acceleration: 14.5,
  model_year: 1971,
  origin: "Japan",
};

/**
 * A stand-in for the real inference server (src/serve): loads onnxruntime-node from the image's
 * /app/node_modules, runs the model at MODEL_PATH on one JSON row per request, answers JSON.
 */
const standInServer = `import { createServer, request as httpRequest } from "node:http";
import ort from "onnxruntime-node";

const session = await ort.InferenceSession.create(process.env.MODEL_PATH);
const metadata = session.inputMetadata;

function feeds(row) {
  const out = {};
  for (const meta of metadata) {
    const value = row[meta.name];
    out[meta.name] =
      meta.type === "string"
        ? new ort.Tensor("string", [String(value)], [1, 1])
        : new ort.Tensor("float32", Float32Array.from([Number(value)]), [1, 1]);
  }
  return out;
}

createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ model: process.env.MODEL_NAME, version: process.env.MODEL_VERSION, uid: process.getuid() }));
    return;
  }
  let body = "";
  for await (const chunk of req) body += chunk;
  try {
    const result = await session.run(feeds(JSON.parse(body)));
    const outputs = Object.fromEntries(Object.entries(result).map(([k, t]) => [k, Array.from(t.data)]));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ outputs }));
  } catch (err) {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: String(err) }));
  }
}).listen(Number(process.env.PORT ?? 8080), "0.0.0.0");
`;

/** A linear model with the fuel-efficiency signature (the string input is declared, not used). */
function linearCarModel(weights: number[], bias: number): Uint8Array {
  const g = new GraphBuilder("linear_cars");
  const numeric = ["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"];
  for (const name of numeric) g.input(name, "float", ["N", 1]);
  g.input("origin", "string", ["N", 1]);
  const x = g.op("Concat", numeric, { axis: { kind: "int", value: 1 } });
  const w = g.floatConstant("w", weights, [numeric.length, 1]);
  const b = g.floatConstant("b", [bias], [1]);
  g.op("Add", [g.op("MatMul", [x, w]), b], {}, "", "prediction");
  g.output("prediction", "float", ["N", 1]);
  return g.toBytes({ producerVersion: "test", opsets: { "": 17 } });
}

async function directPrediction(modelPath: string): Promise<number[]> {
  const session = await ort.InferenceSession.create(modelPath);
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of session.inputNames) {
    const value = car[name as keyof typeof car];
    feeds[name] =
      typeof value === "string"
        ? new ort.Tensor("string", [value], [1, 1])
        : new ort.Tensor("float32", Float32Array.from([value]), [1, 1]);
  }
  const out = await session.run(feeds);
  return Array.from(out.prediction?.data as Float32Array);
}

async function caught(promise: Promise<unknown>): Promise<MlopsError> {
  try {
    await promise;
  } catch (err) {
    if (isMlopsError(err)) return err;
    throw err;
  }
  throw new Error("expected an MlopsError");
}

/** Uploads a small blob in one request (POST then PUT with the body), for hand-made test manifests. */
async function putBlob(host: string, repo: string, bytes: Buffer): Promise<string> {
  const digest = sha256Digest(bytes);
  const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: "POST" });
  const location = new URL(start.headers.get("location") as string, `http://${host}`);
  location.searchParams.set("digest", digest);
  const put = await fetch(location, { method: "PUT", body: bytes });
  expect(put.status).toBe(201);
  return digest;
}

async function putManifest(host: string, repo: string, tag: string, mediaType: string, doc: unknown) {
  const bytes = Buffer.from(JSON.stringify(doc));
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {
    method: "PUT",
    headers: { "content-type": mediaType },
    body: bytes,
  });
  expect(res.status, await res.text()).toBe(201);
  return { digest: sha256Digest(bytes), size: bytes.length };
}

describe("daemonless image build and push", () => {
  let registry: RunningRegistry;
  let work: { dir: string; cleanup: () => void };
  let base: string;
  let options: ServingImageOptions;
  let first: BuildImageResult;
  let modelPath: string;
  const fuelModel = join(repoRoot, "pipelines/fuel-efficiency/model.onnx");
  const appRef = () => `${registry.host}/apps/fuel-efficiency:v1.0.0`;

  beforeAll(async () => {
    requireTools(tools);
    registry = await startRegistry();
    work = tempDir("mlops-image-");
    const made = await exec(
      process.execPath,
      [
        join(repoRoot, "scripts/image/make-base-image.mjs"),
        "--registry",
        registry.host,
        "--repo",
        "base/node",
      ],
      { encoding: "utf8" },
    );
    base = made.stdout.trim();

    const bundleDir = join(work.dir, "bundle");
    mkdirSync(bundleDir);
    writeFileSync(join(bundleDir, "server.mjs"), standInServer);
    // The pipeline's model when it has been built here; otherwise one with the same signature.
    modelPath = join(work.dir, "model.onnx");
    if (existsSync(fuelModel)) cpSync(fuelModel, modelPath);
    else writeFileSync(modelPath, linearCarModel([-0.5, -0.01, -0.03, -0.005, 0.1, 0.7], -10));
    writeFileSync(join(work.dir, "version.yaml"), "model: fuel-efficiency\nversion: v1.0.0\n");
    const head = gitIn(repoRoot, "rev-parse", "HEAD").trim();
    options = {
      base,
      layoutDir: join(work.dir, "layout-a"),
      sourceDateEpoch: Number(gitIn(repoRoot, "show", "-s", "--format=%ct", "HEAD").trim()),
      server: { bundleDir, entry: "server.mjs" },
      nodeModulesDir: join(repoRoot, "node_modules"),
      model: {
        name: "fuel-efficiency",
        version: "v1.0.0",
        file: modelPath,
        versionManifest: join(work.dir, "version.yaml"),
      },
      source: { url: "https://github.com/example/gitops-mlops", revision: head },
      tag: "v1.0.0",
      registry: { insecure: true },
    };
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
    work?.cleanup();
  });

  it("makes the base image from this machine, pinned by digest", async () => {
    expect(base).toMatch(
      new RegExp(`^${registry.host.replace(/\./g, "\\.")}/base/node@sha256:[0-9a-f]{64}$`),
    );
    const pulled = await pullManifest(base, { insecure: true });
    expect(pulled.manifestDigest).toBe(parseImageReference(base).digest);
    expect(pulled.manifest.layers).toHaveLength(1);
    // Made twice, the base is the same image: the script pushes nothing new.
    const again = await exec(
      process.execPath,
      [join(repoRoot, "scripts/image/make-base-image.mjs"), "--registry", registry.host, "--json"],
      { encoding: "utf8" },
    );
    const second = JSON.parse(again.stdout) as { reference: string; uploaded: string[] };
    expect(second.reference).toBe(base);
    expect(second.uploaded).toEqual([]);
  });

  it("builds the same manifest digest twice from a clean state", async () => {
    first = await buildServingImage(options);
    const second = await buildServingImage({ ...options, layoutDir: join(work.dir, "layout-b") });
    expect(second.manifestDigest).toBe(first.manifestDigest);
    expect(second.configDigest).toBe(first.configDigest);
    expect(second.layers).toEqual(first.layers);
    expect(first.layers.map((l) => l.origin)).toEqual(["base", "built", "built", "built"]);
    expect(first.layers.every((l) => !l.reused)).toBe(true);

    const image = await readLayoutImage(options.layoutDir);
    expect(image.manifest.mediaType).toBe(mediaTypes.ociManifest);
    expect(image.manifest.annotations?.["org.opencontainers.image.base.digest"]).toBe(
      parseImageReference(base).digest,
    );
    const config = image.config;
    expect(config.created).toBe(new Date(options.sourceDateEpoch * 1000).toISOString().replace(".000Z", "Z"));
    expect(config.config?.User).toBe("10001:10001");
    expect(config.config?.Entrypoint).toEqual(["node", "/app/server/server.mjs"]);
    expect(config.config?.ExposedPorts).toEqual({ "8080/tcp": {} });
    expect(config.history?.map((h) => h.comment)).toEqual([
      expect.stringMatching(/^node v\d+/),
      expect.stringMatching(/^onnxruntime-node \d+\.\d+\.\d+ \(linux\/x64\)$/),
      "server bundle",
      "model fuel-efficiency v1.0.0",
    ]);

    // skopeo reads the layout as an OCI image, with the same digest.
    const { stdout } = await exec("skopeo", ["inspect", `oci:${options.layoutDir}`], { encoding: "utf8" });
    const inspected = JSON.parse(stdout) as { Digest: string; Labels: Record<string, string> };
    expect(inspected.Digest).toBe(first.manifestDigest);
    expect(inspected.Labels[modelLabels.sha256]).toBe(sha256Digest(readFileSync(modelPath)).slice(7));
  });

  it("pushes with the base layer mounted, and a rebuild with no change uploads no blob", async () => {
    const pushed = await pushImage({
      layoutDir: options.layoutDir,
      reference: appRef(),
      insecure: true,
      chunkSize: 4 << 20,
    });
    expect(pushed.digest).toBe(first.manifestDigest);
    const [baseLayer, ...built] = first.layers;
    expect(pushed.mounted).toEqual([baseLayer?.digest]);
    expect(pushed.uploaded).toEqual([...built.map((l) => l.digest), first.configDigest]);
    expect(pushed.skipped).toEqual([]);

    const rebuilt = await buildServingImage(options);
    expect(rebuilt.manifestDigest).toBe(first.manifestDigest);
    expect(rebuilt.layers.filter((l) => l.origin === "built").every((l) => l.reused)).toBe(true);
    const again = await pushImage({ layoutDir: options.layoutDir, reference: appRef(), insecure: true });
    expect(again.uploaded).toEqual([]);
    expect(again.mounted).toEqual([]);
    expect(again.skipped).toHaveLength(first.layers.length + 1);
    expect(await resolveDigest(appRef(), { insecure: true })).toBe(first.manifestDigest);
  });

  it("shows the labels and the same digest to skopeo", async () => {
    const { stdout } = await exec("skopeo", ["inspect", "--tls-verify=false", `docker://${appRef()}`], {
      encoding: "utf8",
    });
    const inspected = JSON.parse(stdout) as {
      Digest: string;
      Labels: Record<string, string>;
      Layers: string[];
    };
    expect(inspected.Digest).toBe(first.manifestDigest);
    expect(inspected.Layers).toEqual(first.layers.map((l) => l.digest));
    expect(inspected.Labels).toMatchObject({
      "org.opencontainers.image.source": "https://github.com/example/gitops-mlops",
      "org.opencontainers.image.revision": options.source?.revision,
      "org.opencontainers.image.version": "v1.0.0",
      "org.opencontainers.image.created": new Date(options.sourceDateEpoch * 1000)
        .toISOString()
        .replace(".000Z", "Z"),
      [modelLabels.name]: "fuel-efficiency",
      [modelLabels.version]: "v1.0.0",
    });
  });

  it("runs in podman and answers with the model's prediction", { timeout: 120_000 }, async () => {
    const expected = await directPrediction(modelPath);
    const name = `mlops-image-test-${randomUUID().slice(0, 8)}`;
    const port = await freePort();
    await podman("pull", "--quiet", "--tls-verify=false", appRef());
    try {
      await podman(
        ...["run", "-d", "--name", name, "--network", "host"],
        ...["--ulimit", "nofile=20000:20000", "--ulimit", "nproc=1000:1000", "-e", `PORT=${port}`, appRef()],
      );
      let health: Response | undefined;
      const deadline = Date.now() + 60_000;
      while (!health?.ok) {
        if (Date.now() > deadline) {
          const logs = await podman("logs", name).catch((e) => ({ stdout: "", stderr: String(e) }));
          throw new Error(`the container did not answer:\n${logs.stdout}${logs.stderr}`);
        }
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (!health?.ok) await new Promise((r) => setTimeout(r, 200));
      }
      expect(await health.json()).toEqual({ model: "fuel-efficiency", version: "v1.0.0", uid: 10001 });
      const res = await fetch(`http://127.0.0.1:${port}/predict`, {
        method: "POST",
        body: JSON.stringify(car),
      });
      const body = (await res.json()) as { outputs: { prediction: number[] } };
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.outputs.prediction).toEqual(expected);
    } finally {
      await podman("rm", "-f", name).catch(() => undefined);
      await podman("rmi", "-f", appRef()).catch(() => undefined);
    }
  });

  it("changes only the last layer when only the model changes", async () => {
    const otherModel = join(work.dir, "model-2.onnx");
    writeFileSync(otherModel, linearCarModel([-1, -0.02, -0.05, -0.004, 0.2, 0.6], -5));
    const next = await buildServingImage({
      ...options,
      model: { ...options.model, file: otherModel, version: "v1.1.0" },
    });
    const before = first.layers;
    const after = next.layers;
    expect(after.slice(0, -1)).toEqual(
      before.slice(0, -1).map((l) => (l.origin === "built" ? { ...l, reused: true } : l)),
    );
    expect(after.at(-1)?.digest).not.toBe(before.at(-1)?.digest);
    const pushed = await pushImage({
      layoutDir: options.layoutDir,
      reference: `${registry.host}/apps/fuel-efficiency:v1.1.0`,
      insecure: true,
    });
    expect(pushed.uploaded).toEqual([after.at(-1)?.digest, next.configDigest]);
    expect(pushed.skipped).toEqual(after.slice(0, -1).map((l) => l.digest));
  });

  it("builds from an OCI index or a Docker manifest list by choosing linux/amd64", async () => {
    const host = registry.host;
    const pulled = await pullManifest(base, { insecure: true });
    const baseManifest = pulled.manifest;
    // An arm64 image to choose against: a config and no layers.
    const armConfig = Buffer.from(
      JSON.stringify({ architecture: "arm64", os: "linux", rootfs: { type: "layers", diff_ids: [] } }),
    );
    const armConfigDigest = await putBlob(host, "base/node", armConfig);
    const arm = await putManifest(host, "base/node", "arm64", mediaTypes.ociManifest, {
      schemaVersion: 2,
      mediaType: mediaTypes.ociManifest,
      config: { mediaType: mediaTypes.ociConfig, digest: armConfigDigest, size: armConfig.length },
      layers: [],
    });
    const index = await putManifest(host, "base/node", "multi", mediaTypes.ociIndex, {
      schemaVersion: 2,
      mediaType: mediaTypes.ociIndex,
      manifests: [
        { mediaType: mediaTypes.ociManifest, ...arm, platform: { os: "linux", architecture: "arm64" } },
        {
          mediaType: mediaTypes.ociManifest,
          digest: pulled.manifestDigest,
          size: pulled.manifestSize,
          platform: { os: "linux", architecture: "amd64" },
        },
      ],
    });
    // The same base as Docker v2 schema 2, in a Docker manifest list.
    const dockerManifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: mediaTypes.dockerManifest,
      config: { ...baseManifest.config, mediaType: mediaTypes.dockerConfig },
      layers: baseManifest.layers.map((l) => ({ ...l, mediaType: mediaTypes.dockerLayerGzip })),
    };
    const docker = await putManifest(host, "base/node", "docker", mediaTypes.dockerManifest, dockerManifest);
    const list = await putManifest(host, "base/node", "docker-list", mediaTypes.dockerManifestList, {
      schemaVersion: 2,
      mediaType: mediaTypes.dockerManifestList,
      manifests: [
        { mediaType: mediaTypes.dockerManifest, ...docker, platform: { os: "linux", architecture: "amd64" } },
      ],
    });

    for (const [digest, chosen] of [
      [index.digest, pulled.manifestDigest],
      [list.digest, docker.digest],
    ] as const) {
      // A copy of the first layout lends its layers: only the base and the manifest are new.
      const layoutDir = join(work.dir, `layout-${digest.slice(7, 15)}`);
      cpSync(options.layoutDir, layoutDir, { recursive: true });
      const built = await buildServingImage({ ...options, base: `${host}/base/node@${digest}`, layoutDir });
      expect(built.base).toEqual({ reference: `${host}/base/node`, digest, manifestDigest: chosen });
      expect(built.layers.map((l) => [l.digest, l.diffId, l.mediaType])).toEqual(
        first.layers.map((l) => [l.digest, l.diffId, mediaTypes.ociLayerGzip]),
      );
    }
  });

  it("retries 5xx answers and reset connections with backoff, and the push still completes", async () => {
    // A proxy in front of the registry that answers 503 to every third request and cuts one connection.
    let seen = 0;
    const failures = { unavailable: 0, reset: 0 };
    const proxy = createServer((req, res) => {
      seen += 1;
      if (seen === 4) {
        failures.reset += 1;
        req.socket.destroy();
        return;
      }
      if (seen % 3 === 0) {
        failures.unavailable += 1;
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ code: "UNAVAILABLE", message: "try again" }] }));
        return;
      }
      const [host, port] = registry.host.split(":");
      const upstream = httpRequest(
        { host, port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxyHost = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const pushed = await pushImage({
        layoutDir: options.layoutDir,
        reference: `${proxyHost}/apps/flaky:1`,
        insecure: true,
        chunkSize: 8 << 20,
        concurrency: 1,
        retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
      });
      // The proxy is another registry than the base's: the base layer was streamed across, not mounted.
      expect(pushed.uploaded).toContain(first.layers[0]?.digest);
      expect(pushed.mounted).toEqual([]);
      expect(failures.unavailable).toBeGreaterThan(2);
      expect(failures.reset).toBe(1);
      expect(await resolveDigest(`${registry.host}/apps/flaky:1`, { insecure: true })).toBe(pushed.digest);
    } finally {
      proxy.close();
    }
  });

  it("says what is wrong: unpinned base, missing input, unreachable registry, digest mismatch", async () => {
    const unpinned = await caught(
      buildServingImage({ ...options, base: `${registry.host}/base/node:latest` }),
    );
    expect(unpinned.code).toBe("usage");
    expect(unpinned.message).toMatch(/is not pinned to a digest/);
    expect(unpinned.field).toBe("base");

    const missing = join(work.dir, "no-such-bundle");
    const noInput = await caught(
      buildServingImage({ ...options, server: { bundleDir: missing, entry: "server.mjs" } }),
    );
    expect(noInput.code).toBe("not-found");
    expect(noInput.file).toBe(missing);
    expect(noInput.message).toBe(`image input ${missing} does not exist`);

    const closed = await freePort();
    const quickRetry = { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 };
    const unreachable = await caught(
      pushImage({
        layoutDir: options.layoutDir,
        reference: `127.0.0.1:${closed}/apps/x:1`,
        insecure: true,
        retry: quickRetry,
      }),
    );
    expect(unreachable.code).toBe("remote");
    expect(unreachable.message).toMatch(
      new RegExp(`cannot reach the registry 127\\.0\\.0\\.1:${closed} .*ECONNREFUSED`),
    );

    // A registry that serves other bytes than the digest names.
    const liar = createServer((_req, res) => {
      res.writeHead(200, { "content-type": mediaTypes.ociManifest });
      res.end(
        JSON.stringify({ schemaVersion: 2, mediaType: mediaTypes.ociManifest, config: {}, layers: [] }),
      );
    });
    await new Promise<void>((resolve) => liar.listen(0, "127.0.0.1", resolve));
    const liarHost = `127.0.0.1:${(liar.address() as AddressInfo).port}`;
    try {
      const wanted = `sha256:${"ab".repeat(32)}`;
      const mismatch = await caught(
        buildServingImage({ ...options, base: `${liarHost}/base/node@${wanted}` }),
      );
      expect(mismatch.code).toBe("hash-mismatch");
      expect(mismatch.expected).toBe(wanted);
      expect(mismatch.message).toMatch(/does not match its digest/);
    } finally {
      liar.close();
    }
  });

  it("writes deterministic tar layers: sorted, fixed mtime and owners, explicit parents, kept symlinks", async () => {
    const src = join(work.dir, "tree");
    mkdirSync(join(src, "b/c"), { recursive: true });
    writeFileSync(join(src, "b/c/z.txt"), "z");
    writeFileSync(join(src, "a.sh"), "#!/bin/sh\n", { mode: 0o700 });
    symlinkSync("b/c/z.txt", join(src, "link"));
    const long = `${"d".repeat(60)}/${"n".repeat(120)}.txt`;
    mkdirSync(join(src, "d".repeat(60)));
    writeFileSync(join(src, long), "long");
    writeFileSync(join(src, "café.txt"), "é");
    const layout = join(work.dir, "layout-tree");
    const built = await buildImage({
      base: "scratch",
      layoutDir: layout,
      sourceDateEpoch: 1_700_000_000,
      layers: [{ comment: "tree", files: [{ from: src, to: "/opt/tree" }] }],
    });
    const layer = built.layers[0];
    const { stdout } = await exec(
      "tar",
      ["-tvzf", join(layout, "blobs/sha256", (layer?.digest ?? "").slice(7))],
      {
        encoding: "utf8",
      },
    );
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => l.replace(/\s+/g, " "));
    // GNU tar reads the PAX records: the long path and the UTF-8 name come back whole.
    expect(lines).toEqual([
      "drwxr-xr-x 0/0 0 2023-11-14 22:13 opt/",
      "drwxr-xr-x 0/0 0 2023-11-14 22:13 opt/tree/",
      "-rwxr-xr-x 0/0 10 2023-11-14 22:13 opt/tree/a.sh",
      "drwxr-xr-x 0/0 0 2023-11-14 22:13 opt/tree/b/",
      "drwxr-xr-x 0/0 0 2023-11-14 22:13 opt/tree/b/c/",
      "-rw-r--r-- 0/0 1 2023-11-14 22:13 opt/tree/b/c/z.txt",
      "-rw-r--r-- 0/0 2 2023-11-14 22:13 opt/tree/café.txt",
      `drwxr-xr-x 0/0 0 2023-11-14 22:13 opt/tree/${"d".repeat(60)}/`,
      `-rw-r--r-- 0/0 4 2023-11-14 22:13 opt/tree/${long}`,
      "lrwxrwxrwx 0/0 0 2023-11-14 22:13 opt/tree/link -> b/c/z.txt",
    ]);
  });
});

describe("registry credentials", () => {
  let work: { dir: string; cleanup: () => void };
  let layout: string;

  beforeAll(async () => {
    requireTools(tools);
    work = tempDir("mlops-image-auth-");
    layout = join(work.dir, "layout");
    const src = join(work.dir, "files");
    mkdirSync(src);
    writeFileSync(join(src, "hello.txt"), "hello\n");
    await buildImage({
      base: "scratch",
      layoutDir: layout,
      sourceDateEpoch: 0,
      layers: [{ comment: "hello", files: [{ from: src, to: "/hello" }] }],
    });
  });
  afterAll(() => work?.cleanup());

  it("gets bearer tokens from the registry's token service, caches them per scope, and reports refusals", async () => {
    const registry = await startRegistry({
      kind: "token",
      users: { ci: { password: "s3cret" }, reader: { password: "r3ad", actions: ["pull"] } },
    });
    try {
      const token = registry.token;
      if (!token) throw new Error("no token service");
      const reference = `${registry.host}/team/hello:1`;
      const pushed = await pushImage({
        layoutDir: layout,
        reference,
        insecure: true,
        auth: { username: "ci", password: "s3cret" },
      });
      expect(pushed.uploaded).toHaveLength(2);
      // One token for the repository's pull,push scope, shared by every request of the push.
      expect(token.requests).toEqual([{ user: "ci", scopes: ["repository:team/hello:pull,push"] }]);

      // Cross-repository mount under token auth: the token covers both repositories.
      const image = await readLayoutImage(layout);
      const mounted = await buildImage({
        base: `${reference.replace(/:1$/, "")}@${image.descriptor.digest}`,
        layoutDir: join(work.dir, "layout-on-top"),
        sourceDateEpoch: 0,
        layers: [],
        registry: { insecure: true, auth: { username: "reader", password: "r3ad" } },
      });
      const second = await pushImage({
        layoutDir: mounted.layoutDir,
        reference: `${registry.host}/team/other:1`,
        insecure: true,
        auth: { username: "ci", password: "s3cret" },
      });
      expect(second.mounted).toEqual([image.manifest.layers[0]?.digest]);
      expect(token.requests.at(-1)?.scopes.sort()).toEqual([
        "repository:team/hello:pull",
        "repository:team/other:pull,push",
      ]);

      const wrong = await caught(
        pushImage({
          layoutDir: layout,
          reference,
          insecure: true,
          auth: { username: "ci", password: "nope" },
        }),
      );
      expect(wrong.code).toBe("remote");
      expect(wrong.message).toMatch(
        /token service of 127\.0\.0\.1:\d+ .* refused .*incorrect username or password/,
      );
      expect(wrong.message).not.toContain("nope");

      const readOnly = await caught(
        pushImage({
          layoutDir: layout,
          reference,
          insecure: true,
          auth: { username: "reader", password: "r3ad" },
        }),
      );
      expect(readOnly.message).toMatch(/denied|refused/);
      expect(readOnly.message).toMatch(/UNAUTHORIZED|DENIED|insufficient/i);

      const anonymous = await caught(pullManifest(reference, { insecure: true }));
      expect(anonymous.code).toBe("remote");
      expect(anonymous.message).toMatch(/refused pull manifest team\/hello:1 \(401\): UNAUTHORIZED/);
      expect(anonymous.hint).toMatch(/needs credentials/);
    } catch (err) {
      throw new Error(`${String(err)}\nregistry log:\n${registry.log().slice(-3000)}`);
    } finally {
      await registry.stop();
    }
  });

  it("uses Basic auth when the registry asks for it", async () => {
    const registry = await startRegistry({ kind: "htpasswd", users: { ci: "b4sic" } });
    try {
      const reference = `${registry.host}/team/hello:1`;
      const pushed = await pushImage({
        layoutDir: layout,
        reference,
        insecure: true,
        auth: { username: "ci", password: "b4sic" },
      });
      expect(pushed.uploaded).toHaveLength(2);
      const anonymous = await caught(pullManifest(reference, { insecure: true }));
      expect(anonymous.message).toMatch(/\(401\)/);
      const wrong = await caught(
        pullManifest(reference, { insecure: true, auth: { username: "ci", password: "x" } }),
      );
      expect(wrong.message).toMatch(/refused pull manifest .*\(401\)/);
      expect(wrong.hint).toMatch(/check the username/);
    } finally {
      await registry.stop();
    }
  });
});

describe("image references", () => {
  it("reads references the way docker does, and refuses malformed ones by field", () => {
    const digest = `sha256:${"0a".repeat(32)}`;
    expect(parseImageReference("ghcr.io/acme/fuel-efficiency:v1.2.0")).toEqual({
      registry: "ghcr.io",
      repository: "acme/fuel-efficiency",
      tag: "v1.2.0",
    });
    expect(parseImageReference(`127.0.0.1:5000/base/node:20@${digest}`)).toEqual({
      registry: "127.0.0.1:5000",
      repository: "base/node",
      tag: "20",
      digest,
    });
    expect(parseImageReference("node")).toEqual({ registry: "docker.io", repository: "library/node" });
    expect(parseImageReference("localhost/model:1")).toEqual({
      registry: "localhost",
      repository: "model",
      tag: "1",
    });
    expect(() => parseImageReference("ghcr.io/Acme/x:1", "base")).toThrow(/lowercase/);
    const bad = (() => {
      try {
        parseImageReference("ghcr.io/acme/x@sha256:abc", "base");
      } catch (err) {
        return err as MlopsError;
      }
    })();
    expect(bad).toMatchObject({ code: "usage", field: "base", got: "sha256:abc" });
  });
});
