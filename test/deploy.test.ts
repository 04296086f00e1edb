import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commitEnvironment, type ModelDeployment, renderModel } from "../src/deploy/index.js";
import { cpuMillicores, memoryBytes, modelDeploySettings } from "../src/manifest/index.js";
import { repoLayout } from "../src/repo/index.js";
import {
  inferenceServiceValidator,
  kubernetesValidate,
  kustomize,
  yamlDocuments,
} from "./support/kubernetes.js";
import { requireTools } from "./support/oci-registry.js";
import {
  cli,
  createToyRepo,
  remoteTags,
  runAndCommit,
  setParam,
  type ToyRepo,
  toyModelCard,
} from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";

requireTools(["kubectl", "python3"]);

const digestA = `sha256:${"a1".repeat(32)}`;
const digestB = `sha256:${"b2".repeat(32)}`;
const imageRepository = "registry.example.com/acme/models";
const deploySection = `deploy:
  replicas: { min: 2, max: 5 }
  target_cpu_utilization: 60
  resources:
    requests: { cpu: 500m, memory: 256Mi }
    limits: { cpu: 2, memory: 1Gi }
  workers: 2
  max_batch: 32
  prediction_log: { sample_rate: 0.1 }
`;

let repo: ToyRepo;
let cardFile: string;

function must(...args: string[]) {
  const r = cli(repo.dir, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")}: ${r.stderr}`);
  return r;
}

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

/** The environments branch as the bare remote holds it. */
const branchLog = () =>
  gitIn(repo.remote, "log", "--format=%s", "environments").trim().split("\n").filter(Boolean);
const branchFile = (path: string) => gitIn(repo.remote, "show", `environments:${path}`);
const branchTip = () => gitIn(repo.remote, "rev-parse", "environments").trim();

beforeAll(() => {
  repo = createToyRepo();
  cardFile = join(repo.dir, "models/toy/model.yaml");
  writeFileSync(cardFile, `${toyModelCard}${deploySection}`);
  const config = join(repo.dir, ".mlops/config.yaml");
  writeFileSync(
    config,
    `${readFileSync(config, "utf8")}images:\n  repository: ${imageRepository}\ndeploy:\n  branch: environments\n  path: deploy\n`,
  );
  gitIn(repo.dir, "add", "-A");
  gitIn(repo.dir, "commit", "-q", "-m", "deploy settings");
  gitIn(repo.dir, "push", "-q", "origin", "main");
  must("register", "toy");
  must("promote", "toy", "v1.0.0", "--to", "dev");
  must("promote", "toy", "v1.0.0", "--to", "staging", "--image-digest", digestA);
  must("promote", "toy", "v1.0.0", "--to", "prod", "--image-digest", digestA);
}, 300_000);
afterAll(() => repo?.cleanup());

describe("mlops deploy render", () => {
  it("writes a Deployment pinned by digest with probes, resources, a restricted security context and the server's settings; twice gives the same bytes", () => {
    const out = join(repo.root, "render-a");
    const first = must("deploy", "render", "toy", "--stage", "staging", "--out", out, "--json").json() as {
      environment: string;
      models: { image: string }[];
    };
    expect(first.environment).toBe("staging");
    expect(first.models).toEqual([
      { model: "toy", version: "v1.0.0", image: `${imageRepository}/toy@${digestA}`, tag: "toy#staging#1" },
    ]);
    const files = tree(out);
    expect([...files.keys()].sort()).toEqual([
      "staging/kustomization.yaml",
      "staging/toy/deployment.yaml",
      "staging/toy/hpa.yaml",
      "staging/toy/kustomization.yaml",
      "staging/toy/observability/dashboard.yaml",
      "staging/toy/observability/kustomization.yaml",
      "staging/toy/observability/podmonitor.yaml",
      "staging/toy/observability/prometheusrule.yaml",
      "staging/toy/observability/rules.yaml",
      "staging/toy/pdb.yaml",
      "staging/toy/service.yaml",
    ]);
    const deployment = parse(files.get("staging/toy/deployment.yaml") as string);
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(container.image).toBe(`${imageRepository}/toy@${digestA}`);
    expect(container.readinessProbe.httpGet).toEqual({ path: "/v2/health/ready", port: "http" });
    expect(container.livenessProbe.httpGet).toEqual({ path: "/v2/health/live", port: "http" });
    expect(container.resources).toEqual({
      requests: { cpu: "500m", memory: "256Mi" },
      limits: { cpu: "2", memory: "1Gi" },
    });
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(
      Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value])),
    ).toEqual({
      PORT: "8080",
      MLOPS_WORKERS: "2",
      MLOPS_MAX_BATCH: "32",
      MLOPS_PREDICTION_LOG: "-",
      MLOPS_SAMPLE_RATE: "0.1",
    });
    expect(deployment.spec.replicas).toBeUndefined();
    const hpa = parse(files.get("staging/toy/hpa.yaml") as string);
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 5 });
    expect(hpa.spec.metrics[0].resource.target.averageUtilization).toBe(60);
    expect(parse(files.get("staging/kustomization.yaml") as string).resources).toEqual(["toy"]);

    const out2 = join(repo.root, "render-a2");
    must("deploy", "render", "--stage", "staging", "--out", out2);
    expect(tree(out2)).toEqual(files);
  });

  it("every manifest, and what kubectl kustomize builds of each environment, validates against Kubernetes 1.32's schemas", {
    timeout: 600_000,
  }, () => {
    const out = join(repo.root, "render-valid");
    must("deploy", "render", "--stage", "staging", "--out", out);
    must("deploy", "render", "--stage", "prod", "--out", out);
    const files = [...tree(out).keys()]
      // The Operator's objects and the rules file are checked by test/observability.test.ts.
      .filter((f) => !f.endsWith("kustomization.yaml") && !f.includes("/observability/"))
      .map((f) => join(out, f));
    expect(files).toHaveLength(8);
    const direct = kubernetesValidate(files);
    expect(direct.code, direct.output).toBe(0);
    for (const environment of ["staging", "production"]) {
      const built = kustomize(join(out, environment));
      expect(built.code, built.stderr).toBe(0);
      const kinds = yamlDocuments(built.stdout).map((d) => d.kind);
      expect(kinds.sort()).toEqual([
        "Deployment",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "Service",
      ]);
      const file = join(repo.root, `kustomized-${environment}.yaml`);
      writeFileSync(file, built.stdout);
      const checked = kubernetesValidate([file]);
      expect(checked.code, checked.output).toBe(0);
    }
    // The check can fail: a misspelt field is refused.
    const bad = join(repo.root, "bad-deployment.yaml");
    writeFileSync(
      bad,
      readFileSync(files[0] as string, "utf8").replace("readinessProbe:", "readynessProbe:"),
    );
    const refused = kubernetesValidate([bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("readynessProbe");
  });

  it("renders a KServe InferenceService speaking the V2 protocol that validates against KServe's CRD", () => {
    const original = readFileSync(cardFile, "utf8");
    try {
      writeFileSync(cardFile, original.replace("deploy:\n", "deploy:\n  kind: kserve\n"));
      const out = join(repo.root, "render-kserve");
      must("deploy", "render", "--stage", "prod", "--out", out);
      const files = tree(out);
      expect([...files.keys()].sort()).toEqual([
        "production/kustomization.yaml",
        "production/toy/inferenceservice.yaml",
        "production/toy/kustomization.yaml",
        "production/toy/observability/dashboard.yaml",
        "production/toy/observability/kustomization.yaml",
        "production/toy/observability/podmonitor.yaml",
        "production/toy/observability/prometheusrule.yaml",
        "production/toy/observability/rules.yaml",
      ]);
      const service = parse(files.get("production/toy/inferenceservice.yaml") as string);
      const validate = inferenceServiceValidator();
      expect(validate(service)).toEqual([]);
      const [container] = service.spec.predictor.containers;
      expect(container.name).toBe("kserve-container");
      expect(container.image).toBe(`${imageRepository}/toy@${digestA}`);
      expect(container.env).toContainEqual({ name: "PROTOCOL", value: "v2" });
      expect(service.spec.predictor).toMatchObject({ minReplicas: 2, maxReplicas: 5 });
      // The schema check can fail.
      const broken = structuredClone(service);
      broken.spec.predictor.minReplicas = "two";
      broken.spec.predictor.containers[0].imagePullPolicy2 = "Always";
      const errors = validate(broken).join("\n");
      expect(errors).toContain("/spec/predictor/minReplicas must be integer");
      expect(errors).toContain('"additionalProperty":"imagePullPolicy2"');
      const built = kustomize(join(out, "production"));
      expect(built.code, built.stderr).toBe(0);
      expect(yamlDocuments(built.stdout).map((d) => validate(d))).toEqual([[]]);
    } finally {
      writeFileSync(cardFile, original);
    }
  });

  it("a new version changes only the image and version lines (and the version the alerts expect)", {
    timeout: 300_000,
  }, () => {
    const before = tree(join(repo.root, "render-a"));
    setParam(repo.dir, 2);
    runAndCommit(repo.dir, "alpha 2");
    gitIn(repo.dir, "push", "-q", "origin", "main");
    must("register", "toy");
    must("promote", "toy", "v1.1.0", "--to", "dev");
    must("promote", "toy", "v1.1.0", "--to", "staging", "--image-digest", digestB);
    const out = join(repo.root, "render-b");
    must("deploy", "render", "--stage", "staging", "--out", out);
    const after = tree(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed: string[] = [];
    const alerting: string[] = [];
    for (const [path, text] of after) {
      const old = (before.get(path) as string).split("\n");
      const now = text.split("\n");
      expect(now.length, path).toBe(old.length);
      now.forEach((line, i) => {
        if (line === old[i]) return;
        // The wrong-version alert and the dashboard name the version the stage holds.
        if (path.includes("/observability/")) alerting.push(line);
        else changed.push(`${path}: ${line.trim()}`);
      });
    }
    expect(alerting.length).toBeGreaterThan(0);
    for (const line of alerting) expect(line).toContain("v1.1.0");
    expect(changed).toEqual([
      "staging/toy/deployment.yaml: app.kubernetes.io/version: v1.1.0",
      "staging/toy/deployment.yaml: app.kubernetes.io/version: v1.1.0",
      `staging/toy/deployment.yaml: image: ${imageRepository}/toy@${digestB}`,
    ]);
  });
});

describe("the environments branch", () => {
  it("commits an environment once, retries a racing writer instead of losing it, and a rerun commits nothing", async () => {
    const layout = repoLayout(repo.dir);
    const tagRemote = { remote: "origin" };
    let raced = 0;
    const staging = await commitEnvironment(layout, "staging", {
      tagRemote,
      reason: "test",
      beforePush: async (attempt) => {
        if (attempt !== 1) return;
        // Another writer (the release of prod) commits between our render and our push.
        const other = await commitEnvironment(layout, "prod", { tagRemote, reason: "racing writer" });
        raced = other?.created ? 1 : 0;
      },
    });
    expect(raced).toBe(1);
    expect(staging).toMatchObject({
      environment: "staging",
      created: true,
      attempts: 2,
      branch: "environments",
    });
    expect(branchLog()).toEqual(["staging: toy v1.1.0", "production: toy v1.0.0"]);
    expect(branchFile("deploy/staging/toy/deployment.yaml")).toContain(digestB);
    expect(branchFile("deploy/production/toy/deployment.yaml")).toContain(digestA);
    expect(staging?.commit).toBe(branchTip());

    const again = await commitEnvironment(layout, "staging", { tagRemote });
    expect(again).toMatchObject({ created: false, commit: branchTip() });
    const prodAgain = await commitEnvironment(layout, "prod", { tagRemote });
    expect(prodAgain).toMatchObject({ created: false });
    expect(branchLog()).toHaveLength(2);
    const diff = must("deploy", "diff", "--stage", "staging", "--json").json() as { changed: boolean };
    expect(diff.changed).toBe(false);
  });

  it("mlops deploy diff shows the next commit; mlops rollback commits the previous digest back", () => {
    must("promote", "toy", "v1.0.0", "--to", "staging", "--image-digest", digestA, "--no-push");
    const diff = must("deploy", "diff", "--stage", "staging", "--no-push", "--json").json() as {
      changed: boolean;
      files: { path: string; status: string }[];
      patch: string;
    };
    expect(diff.changed).toBe(true);
    expect(diff.files).toEqual(
      [
        "deployment.yaml",
        "observability/dashboard.yaml",
        "observability/prometheusrule.yaml",
        "observability/rules.yaml",
      ].map((f) => ({ path: `deploy/staging/toy/${f}`, status: "modified" })),
    );
    expect(diff.patch).toContain(`-          image: ${imageRepository}/toy@${digestB}`);
    expect(diff.patch).toContain(`+          image: ${imageRepository}/toy@${digestA}`);
    // That assignment stays local: the registry on the remote still says v1.1.0.
    gitIn(repo.dir, "tag", "-d", "toy#staging#3");
    expect(branchLog()).toHaveLength(2);

    const rolled = must("rollback", "toy", "--stage", "staging", "--json").json() as {
      version: string;
      tag: string;
      manifests: { commit: string; created: boolean; directory: string };
    };
    expect(rolled).toMatchObject({
      version: "v1.0.0",
      manifests: { created: true, directory: "deploy/staging" },
    });
    expect(rolled.manifests.commit).toBe(branchTip());
    expect(branchFile("deploy/staging/toy/deployment.yaml")).toContain(`toy@${digestA}`);
    expect(gitIn(repo.dir, "cat-file", "-p", rolled.tag)).toContain(`image_digest: ${digestA}`);
    expect(branchLog()).toHaveLength(3);
    const after = must("deploy", "diff", "--stage", "staging").stdout;
    expect(after).toContain("no change");
  });

  it("refuses a model card asking for an impossible resource, with file, line and field, and commits nothing", () => {
    const original = readFileSync(cardFile, "utf8");
    const tip = branchTip();
    const tags = remoteTags(repo.dir);
    try {
      writeFileSync(cardFile, original.replace("memory: 256Mi", "memory: 2Gi"));
      const render = cli(
        repo.dir,
        "deploy",
        "render",
        "--stage",
        "staging",
        "--out",
        join(repo.root, "never"),
      );
      expect(render.code).not.toBe(0);
      const line = original.split("\n").findIndex((l) => l.includes("memory: 256Mi")) + 1;
      expect(render.stderr).toContain(
        `models/toy/model.yaml:${line}: deploy.resources.requests.memory: expected at most the limit (1Gi), got 2Gi`,
      );
      const rollback = cli(repo.dir, "rollback", "toy", "--stage", "staging");
      expect(rollback.code).not.toBe(0);
      expect(rollback.stderr).toContain("expected at most the limit (1Gi), got 2Gi");
      writeFileSync(cardFile, original.replace("cpu: 500m", "cpu: 0m"));
      const zero = cli(repo.dir, "deploy", "render", "--stage", "staging", "--out", join(repo.root, "never"));
      expect(zero.stderr).toMatch(
        /model\.yaml:\d+: deploy\.resources\.requests\.cpu: expected more than zero CPU/,
      );
      writeFileSync(cardFile, original.replace("memory: 1Gi", "memory: 16Ki"));
      const tiny = cli(repo.dir, "deploy", "render", "--stage", "staging", "--out", join(repo.root, "never"));
      expect(tiny.stderr).toMatch(/deploy\.resources\.limits\.memory: expected at least 64Mi/);
      expect(branchTip()).toBe(tip);
      expect(remoteTags(repo.dir)).toEqual(tags);
    } finally {
      writeFileSync(cardFile, original);
    }
  });

  it("refuses a stage whose version has no image digest, and rolls nothing back", () => {
    const tip = branchTip();
    const tags = remoteTags(repo.dir);
    const render = cli(repo.dir, "deploy", "render", "--stage", "dev", "--out", join(repo.root, "never"));
    expect(render.code).not.toBe(0);
    expect(render.stderr).toContain(
      "toy dev holds v1.1.0 (tag toy#dev#2), which records no image digest: its manifests cannot pin an image; nothing was rendered or committed",
    );
    const rollback = cli(repo.dir, "rollback", "toy", "--stage", "dev");
    expect(rollback.code).not.toBe(0);
    expect(rollback.stderr).toContain(
      "toy dev would go back to v1.0.0, whose assignment (toy#dev#1) records no image digest",
    );
    expect(remoteTags(repo.dir)).toEqual(tags);
    expect(branchTip()).toBe(tip);
    const merge = cli(repo.dir, "flow", "merge");
    expect(merge.code).not.toBe(0);
    expect(merge.stderr).toMatch(/no base image is set|no image repository is set/);
    expect(remoteTags(repo.dir)).toEqual(tags);
  });
});

describe("a rollback by a person", () => {
  it("names the image its tag recorded when the config names no repository, and refuses before tagging when nothing names one", () => {
    const config = join(repo.dir, ".mlops/config.yaml");
    const original = readFileSync(config, "utf8");
    const pushedTo = "other.example.org/team/images";
    try {
      // As in a repository whose workflows pass the image repository on the command line.
      writeFileSync(config, original.replace(`images:\n  repository: ${imageRepository}\n`, ""));
      expect(readFileSync(config, "utf8")).not.toContain("images:");
      const lonely = cli(
        repo.dir,
        "promote",
        "toy",
        "v1.1.0",
        "--to",
        "staging",
        "--image-repository",
        pushedTo,
      );
      expect(lonely.code).not.toBe(0);
      expect(lonely.stderr).toContain("--image-repository names where the --image-digest image was pushed");

      const promote = (version: string, digest: string) =>
        must(
          "promote",
          "toy",
          version,
          "--to",
          "staging",
          "--image-digest",
          digest,
          "--image-repository",
          pushedTo,
        );
      // v1.0.0 assigned with a digest alone (as before repositories were recorded), then v1.1.0.
      must("promote", "toy", "v1.1.0", "--to", "staging", "--image-digest", digestB);
      must("promote", "toy", "v1.0.0", "--to", "staging", "--image-digest", digestA);
      promote("v1.1.0", digestB);
      const tip = branchTip();
      const tags = remoteTags(repo.dir);
      const refused = cli(repo.dir, "rollback", "toy", "--stage", "staging");
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("records no image repository and none is configured");
      expect(remoteTags(repo.dir)).toEqual(tags);
      expect(branchTip()).toBe(tip);

      promote("v1.0.0", digestA);
      promote("v1.1.0", digestB);
      const rolled = must("rollback", "toy", "--stage", "staging", "--json").json() as {
        version: string;
        tag: string;
        manifests: { commit: string; created: boolean };
      };
      expect(rolled).toMatchObject({ version: "v1.0.0", manifests: { created: true } });
      expect(gitIn(repo.dir, "cat-file", "-p", rolled.tag)).toContain(`image_repository: ${pushedTo}`);
      expect(rolled.manifests.commit).toBe(branchTip());
      expect(branchFile("deploy/staging/toy/deployment.yaml")).toContain(`image: ${pushedTo}/toy@${digestA}`);
    } finally {
      writeFileSync(config, original);
    }
  });
});

describe("deploy settings and rendering, fuzzed", () => {
  const settingsArb = fc.record({
    replicas: fc
      .integer({ min: 1, max: 5 })
      .chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 20 }) })),
    workers: fc.integer({ min: 1, max: 64 }),
    port: fc.integer({ min: 1024, max: 65535 }),
    target_cpu_utilization: fc.integer({ min: 1, max: 100 }),
    resources: fc.record({
      requests: fc.record({ cpu: fc.integer({ min: 1, max: 4000 }).map((m) => `${m}m`) }),
      limits: fc.record({ memory: fc.integer({ min: 64, max: 4096 }).map((m) => `${m}Mi`) }),
    }),
  });

  it("renders any valid settings to YAML that reads back as the same objects, the same bytes every time", () => {
    fc.assert(
      fc.property(settingsArb, fc.constantFrom("deployment", "kserve"), (raw, kind) => {
        const settings = modelDeploySettings.parse(raw);
        const d: ModelDeployment = {
          model: "m",
          version: "v1.2.3",
          stage: "prod",
          environment: "production",
          image: `${imageRepository}/m@${digestA}`,
          kind: kind as "deployment" | "kserve",
          settings,
        };
        const first = renderModel(d);
        expect(renderModel(d)).toEqual(first);
        for (const file of first) {
          const object = parse(file.text);
          // The plain rules file is Prometheus', not a Kubernetes object.
          if (file.path.endsWith("/observability/rules.yaml")) expect(object.groups).toHaveLength(2);
          else expect(object.kind).toBeTruthy();
        }
        const text = first.map((f) => f.text).join("\n");
        expect(text).toContain(`containerPort: ${raw.port}`);
        expect(text).toContain(`value: "${raw.workers}"`);
      }),
      { seed: 20, numRuns: 150 },
    );
  });

  it("accepts a quantity exactly when it means the same number here and in the cluster", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (cpu, memory) => {
        const parsed = modelDeploySettings.safeParse({
          resources: { requests: { cpu, memory }, limits: { cpu: "512", memory: "1Pi" } },
        });
        if (parsed.success) {
          expect(cpuMillicores(cpu)).toBeGreaterThan(0);
          expect(memoryBytes(memory)).toBeGreaterThanOrEqual(64 * 2 ** 20);
        } else {
          expect(parsed.error.issues[0]?.message).toMatch(/^expected /);
        }
      }),
      { seed: 21, numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512_000 }), fc.integer({ min: 64, max: 100_000 }), (m, mi) => {
        expect(cpuMillicores(`${m}m`)).toBe(m);
        expect(memoryBytes(`${mi}Mi`)).toBe(mi * 2 ** 20);
        const parsed = modelDeploySettings.parse({
          resources: { requests: { cpu: `${m}m`, memory: `${mi}Mi` }, limits: { cpu: "512", memory: "1Pi" } },
        });
        expect(parsed.resources.requests).toEqual({ cpu: `${m}m`, memory: `${mi}Mi` });
      }),
      { seed: 22, numRuns: 200 },
    );
  });
});
