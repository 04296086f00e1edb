import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAlone } from "./support/http.js";
import { freePort, type RunningRegistry, requireTools, startRegistry } from "./support/oci-registry.js";
import { addServingSchema, cli, createToyRepo, type ToyRepo } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";
import { runBundle } from "./support/run-action.js";

const exec = promisify(execFile);
const podman = (...args: string[]) =>
  exec("podman", ["--runtime", "runc", ...args], { encoding: "utf8", maxBuffer: 16 << 20 });
const sourceUrl = "https://github.com/example/toy";

interface Row {
  x1: number | null;
  x2: number;
  y: number;
}

let repo: ToyRepo;
let registry: RunningRegistry;
let base: string;
let rows: Row[];

/** Runs the image detached on the host's network and waits until it says it is ready. */
async function startContainer(
  image: string,
  name: string,
  port: number,
  env: string[] = [],
): Promise<string> {
  await podman(
    ...["run", "-d", "--name", name, "--network", "host"],
    ...["--ulimit", "nofile=20000:20000", "--ulimit", "nproc=1000:1000", "-e", `PORT=${port}`],
    ...env.flatMap((e) => ["-e", e]),
    image,
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/v2/health/ready`).catch(() => undefined);
    if (ready?.ok) return url;
    if (Date.now() > deadline) {
      const logs = await podman("logs", name).catch((e) => ({ stdout: "", stderr: String(e) }));
      throw new Error(`the container did not become ready:\n${logs.stdout}${logs.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stoppedWith(name: string): Promise<string> {
  await podman("stop", "-t", "20", name);
  const { stdout } = await podman("inspect", "--format", "{{.State.ExitCode}}", name);
  return stdout.trim();
}

function mustCli(dir: string, ...args: string[]) {
  const r = cli(dir, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")}: ${r.stderr}`);
  return r;
}

beforeAll(async () => {
  requireTools(["docker-registry", "skopeo", "podman"]);
  repo = createToyRepo();
  const dir = repo.dir;
  // x1 may be null in requests: the model's own imputation handles it, the schema lets it through.
  addServingSchema(
    dir,
    "format: json\ncolumns:\n  x1: { type: number, nullable: true }\n  x2: { type: number, nullable: false }\n",
  );
  mustCli(dir, "register", "toy");
  rows = JSON.parse(readFileSync(join(dir, "pipelines/toy/test.json"), "utf8"));
  registry = await startRegistry();
  const { makeBaseImage } = await import("../scripts/image/make-base-image.mjs" as string);
  base = (await makeBaseImage({ registry: registry.host, repo: "base/node" })).reference;
}, 300_000);
afterAll(async () => {
  await registry?.stop();
  repo?.cleanup();
});

describe("mlops image", () => {
  let digest = "";
  const ref = () => `${registry.host}/models/toy:v1.0.0`;

  it("builds a registered version's image and pushes it; a second clean build has the same digest and uploads nothing", {
    timeout: 240_000,
  }, () => {
    const first = mustCli(
      repo.dir,
      "image",
      "build",
      "toy@v1.0.0",
      ...["--base", base, "--source-url", sourceUrl],
      ...["--push", ref(), "--json"],
    ).json() as {
      digest: string;
      push: { digest: string; uploaded: string[]; skipped: string[] };
      layers: unknown[];
    };
    digest = first.digest;
    expect(first.push.digest).toBe(digest);
    expect(first.push.uploaded.length).toBeGreaterThan(0);
    const again = mustCli(
      repo.dir,
      ...["image", "build", "toy@v1.0.0", "--base", base, "--source-url", sourceUrl],
      ...["--layout", join(repo.root, "fresh-layout")],
      ...["--push", ref(), "--json"],
    ).json() as { digest: string; push: { uploaded: string[]; skipped: string[] } };
    expect(again.digest).toBe(digest);
    expect(again.push.uploaded).toEqual([]);
    expect(again.push.skipped.length).toBeGreaterThan(0);
  });

  it("the build-image action, run as the runner runs it, builds and pushes the same digest", {
    timeout: 240_000,
  }, () => {
    const run = runBundle("build-image", repo.dir, {
      model: "toy@v1.0.0",
      base,
      push: `${registry.host}/models/toy:from-action`,
      "registry-username": "",
      "registry-password": "",
      "source-url": sourceUrl,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("mlops build-image");
    expect(run.outputs.digest).toBe(digest);
    expect(run.outputs.version).toBe("v1.0.0");
    expect(run.outputs.reference).toBe(`${registry.host}/models/toy:from-action@${digest}`);
    expect(run.summary).toContain(digest);
    // Every blob was already in the repository: the action uploaded nothing.
    expect(run.summary).toMatch(/0 blobs uploaded/);
  });

  it("labels the image with its source commit and model version, as skopeo reads them", {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await exec("skopeo", ["inspect", "--tls-verify=false", `docker://${ref()}`]);
    const inspected = JSON.parse(stdout) as { Digest: string; Labels: Record<string, string> };
    expect(inspected.Digest).toBe(digest);
    const commit = gitIn(repo.dir, "rev-list", "-n", "1", "toy@v1.0.0").trim();
    expect(inspected.Labels).toMatchObject({
      "io.mlops.model.name": "toy",
      "io.mlops.model.version": "v1.0.0",
      "org.opencontainers.image.revision": commit,
      "org.opencontainers.image.source": sourceUrl,
    });
  });

  it("runs in podman and predicts what `mlops evaluate` predicts for the same rows, with one process or MLOPS_WORKERS=2", {
    timeout: 180_000,
  }, async () => {
    const evaluated = join(repo.root, "predictions.json");
    mustCli(
      repo.dir,
      ...["evaluate", "pipelines/toy/model.onnx", "--data", "pipelines/toy/test.json"],
      ...["--predictions", evaluated],
    );
    const want = (JSON.parse(readFileSync(evaluated, "utf8")) as { values: number[] }).values;
    const name = `mlops-image-cli-${randomUUID().slice(0, 8)}`;
    const clustered = `${name}-workers`;
    await podman("pull", "--quiet", "--tls-verify=false", ref());
    try {
      const url = await startContainer(ref(), name, await freePort());
      const predict = await fetch(`${url}/predict`, {
        method: "POST",
        body: JSON.stringify({ records: rows.map(({ x1, x2 }) => ({ x1, x2 })) }),
      });
      const body = (await predict.json()) as { version: string; predictions: number[] };
      expect(predict.status, JSON.stringify(body)).toBe(200);
      expect(body.version).toBe("v1.0.0");
      body.predictions.forEach((p, i) => {
        expect(p).toBeCloseTo(want[i] as number, 4);
      });

      const infer = await fetch(`${url}/v2/models/toy/infer`, {
        method: "POST",
        body: JSON.stringify({
          inputs: (["x1", "x2"] as const).map((n) => ({
            name: n,
            shape: [rows.length, 1],
            datatype: "FP32",
            data: rows.map((r) => r[n]),
          })),
        }),
      });
      const v2 = (await infer.json()) as { model_version: string; outputs: { data: number[] }[] };
      expect(infer.status, JSON.stringify(v2)).toBe(200);
      expect(v2.model_version).toBe("v1.0.0");
      v2.outputs[0]?.data.forEach((p, i) => {
        expect(p).toBeCloseTo(want[i] as number, 4);
      });

      // A nullable feature may be null; a non-nullable one may not, and the server keeps serving.
      const nullable = await fetch(`${url}/predict`, {
        method: "POST",
        body: JSON.stringify({ records: [{ x1: null, x2: 1 }] }),
      });
      expect(nullable.status).toBe(200);
      const refused = await fetch(`${url}/predict`, {
        method: "POST",
        body: JSON.stringify({ records: [{ x1: 1 }] }),
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toMatch(/x2/);

      // SIGTERM (podman stop) drains and exits 0.
      expect(await stoppedWith(name)).toBe("0");

      // Two server processes: each connection goes to the next one that listens (the second may
      // still be loading its model when the first answers), and both predict the same.
      const workersUrl = await startContainer(ref(), clustered, await freePort(), ["MLOPS_WORKERS=2"]);
      const answeredBy = new Set<string>();
      const records = JSON.stringify({ records: rows.map(({ x1, x2 }) => ({ x1, x2 })) });
      const deadline = Date.now() + 30_000;
      while (answeredBy.size < 2 && Date.now() < deadline) {
        const res = await postAlone(`${workersUrl}/predict`, records);
        const answer = JSON.parse(res.text) as { predictions: number[] };
        expect(res.status, res.text).toBe(200);
        answer.predictions.forEach((p, j) => {
          expect(p).toBeCloseTo(want[j] as number, 4);
        });
        answeredBy.add(res.requestId.split("-")[0] as string);
      }
      expect(answeredBy.size).toBe(2);
      expect(await stoppedWith(clustered)).toBe("0");
    } finally {
      await podman("rm", "-f", name).catch(() => undefined);
      await podman("rm", "-f", clustered).catch(() => undefined);
      await podman("rmi", "-f", ref()).catch(() => undefined);
    }
  });
});
