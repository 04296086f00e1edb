import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { freePort, type RunningRegistry, requireTools, startRegistry } from "./support/oci-registry.js";
import { cli, createToyRepo, type ToyRepo, toyModelCard } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";

const exec = promisify(execFile);

interface Row {
  x1: number;
  x2: number;
  y: number;
}

let repo: ToyRepo;
let registry: RunningRegistry;
let port: number;
let containersConf: string;

function must(...args: string[]) {
  const r = cli(repo.dir, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")}: ${r.stderr}`);
  return r;
}

/**
 * `podman kube play` has no --runtime or --ulimit flags: the settings this machine needs (runc;
 * ulimits within the hard limits) come from a containers.conf named by CONTAINERS_CONF.
 */
const podman = (...args: string[]) =>
  exec("podman", args, {
    encoding: "utf8",
    maxBuffer: 16 << 20,
    env: { ...process.env, CONTAINERS_CONF: containersConf },
  });

beforeAll(async () => {
  requireTools(["docker-registry", "skopeo", "podman", "runc", "catatonit"]);
  repo = createToyRepo();
  port = await freePort();
  containersConf = join(repo.root, "containers.conf");
  writeFileSync(
    containersConf,
    '[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=1000:1000"]\n\n[engine]\nruntime = "runc"\n',
  );
  registry = await startRegistry();
  const { makeBaseImage } = await import("../scripts/image/make-base-image.mjs" as string);
  const base = (await makeBaseImage({ registry: registry.host, repo: "base/node" })).reference;
  // The pod shares the host's network (no CNI here): the server listens on a free port, and every
  // request is logged to standard output.
  writeFileSync(
    join(repo.dir, "models/toy/model.yaml"),
    `${toyModelCard}deploy:\n  port: ${port}\n  resources:\n    limits: { memory: 1Gi }\n  prediction_log: { sample_rate: 1 }\n`,
  );
  const config = join(repo.dir, ".mlops/config.yaml");
  writeFileSync(
    config,
    `${readFileSync(config, "utf8")}images:\n  repository: ${registry.host}/models\n  base: ${base}\ndeploy: {}\n`,
  );
  gitIn(repo.dir, "add", "-A");
  gitIn(repo.dir, "commit", "-q", "-m", "deploy settings");
  gitIn(repo.dir, "push", "-q", "origin", "main");
}, 300_000);
afterAll(async () => {
  await registry?.stop();
  repo?.cleanup();
});

describe("the rendered Deployment, run by podman kube play", () => {
  it("serves the staging version from its pinned image and predicts what `mlops evaluate` predicts; kube down cleans up", {
    timeout: 600_000,
  }, async () => {
    // The merge flow builds and pushes the image, assigns staging with its digest and commits the
    // manifests to the environments branch.
    const [merged] = must("flow", "merge", "--json").json() as {
      imageDigest: string;
      manifests: { commit: string; created: boolean };
    }[];
    expect(merged?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(merged?.manifests.created).toBe(true);
    const out = join(repo.root, "deploy");
    must("deploy", "render", "toy", "--stage", "staging", "--out", out);
    const file = join(out, "staging/toy/deployment.yaml");
    const deployment = parse(readFileSync(file, "utf8"));
    expect(deployment.spec.template.spec.containers[0].image).toBe(
      `${registry.host}/models/toy@${merged?.imageDigest}`,
    );
    // What the environments branch holds is what render wrote.
    expect(gitIn(repo.remote, "show", "environments:deploy/staging/toy/deployment.yaml")).toBe(
      readFileSync(file, "utf8"),
    );

    const evaluated = join(repo.root, "predictions.json");
    must(
      ...["evaluate", "pipelines/toy/model.onnx", "--data", "pipelines/toy/test.json"],
      ...["--predictions", evaluated],
    );
    const want = (JSON.parse(readFileSync(evaluated, "utf8")) as { values: number[] }).values;
    const rows = JSON.parse(readFileSync(join(repo.dir, "pipelines/toy/test.json"), "utf8")) as Row[];

    // podman 4.3 turns a containerPort into a host port mapping, which it refuses on the host's
    // network (later versions ignore ports there, as Kubernetes never publishes them); the copy it
    // plays leaves out only the container's ports list.
    const played = join(repo.root, "deployment.podman.yaml");
    const copy = structuredClone(deployment);
    delete copy.spec.template.spec.containers[0].ports;
    writeFileSync(played, stringify(copy));
    const play = await podman("kube", "play", "--network", "host", "--tls-verify=false", played);
    // It prints "Pod:", the pod's id, "Container:", the container's id.
    const printed = play.stdout.split("\n").map((l) => l.trim());
    const podId = printed[printed.indexOf("Pod:") + 1] as string;
    const server = printed[printed.indexOf("Container:") + 1] as string;
    try {
      expect(podId).toMatch(/^[0-9a-f]{64}$/);
      expect(server).toMatch(/^[0-9a-f]{64}$/);
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 120_000;
      for (;;) {
        const ready = await fetch(`${url}/v2/health/ready`).catch(() => undefined);
        if (ready?.ok) break;
        if (Date.now() > deadline) {
          const logs = await podman("logs", server).catch((e) => ({
            stdout: "",
            stderr: String(e),
          }));
          throw new Error(`the pod did not become ready:\n${logs.stdout}${logs.stderr}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      // The restricted security context holds inside the pod.
      const inspect = JSON.parse((await podman("inspect", server)).stdout) as {
        Config: { User: string };
        HostConfig: { ReadonlyRootfs: boolean; CapDrop: string[]; SecurityOpt: string[] };
      }[];
      expect(inspect[0]?.Config.User).toMatch(/^10001/);
      expect(inspect[0]?.HostConfig.ReadonlyRootfs).toBe(true);
      expect(inspect[0]?.HostConfig.SecurityOpt).toContain("no-new-privileges");

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
      expect(v2.outputs[0]?.data).toHaveLength(want.length);
      v2.outputs[0]?.data.forEach((p, i) => {
        expect(p).toBeCloseTo(want[i] as number, 4);
      });

      // The prediction log goes to the container's standard output as JSON lines (flushed within a second).
      let logged: Record<string, unknown>[] = [];
      const logDeadline = Date.now() + 30_000;
      while (logged.length === 0 && Date.now() < logDeadline) {
        const { stdout } = await podman("logs", server);
        logged = stdout
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        if (logged.length === 0) await new Promise((r) => setTimeout(r, 250));
      }
      expect(logged.length).toBeGreaterThan(0);
      expect(JSON.stringify(logged[0])).toContain("x1");
    } finally {
      await podman("kube", "down", played);
    }
    const pods = await podman("pod", "ps", "--filter", `id=${podId}`, "--quiet");
    expect(pods.stdout.trim()).toBe("");
    const containers = await podman("ps", "-a", "--filter", `id=${server}`, "--quiet");
    expect(containers.stdout.trim()).toBe("");
  });
});
