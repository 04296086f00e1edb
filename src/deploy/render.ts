import { stringify } from "yaml";
import {
  cpuMillicores,
  type ModelDeploySettings,
  memoryBytes,
  modelDeploySettings,
} from "../manifest/index.js";
import { renderObservability } from "./observability.js";

/** What one model's manifests in one environment are made from: all of it read from the registry. */
export interface ModelDeployment {
  model: string;
  version: string;
  stage: string;
  /** The environment's directory name (`staging`, `production`, …). */
  environment: string;
  /** The serving image pinned by digest: `host/path/model@sha256:…`. */
  image: string;
  kind: "deployment" | "kserve";
  /** The model card's `deploy:` section with defaults filled in. */
  settings: ModelDeploySettings;
}

/** One file of an environment's tree, relative to the environment's directory. */
export interface RenderedFile {
  path: string;
  text: string;
}

/** The numeric user the serving image runs as (src/image/serving-image.ts). */
export const servingUser = 10001;
/** The path a prediction log on a volume is written to. */
export const predictionLogMount = "/var/log/mlops";

const defaultRequests = { cpu: "250m", memory: "256Mi" };
const defaultLimits = { cpu: "1", memory: "512Mi" };

/** Settings as a card without `deploy:` gets them. */
export function defaultDeploySettings(): ModelDeploySettings {
  return modelDeploySettings.parse({});
}

/**
 * The container's resources: the card's, else the defaults; a limit left out is at least its
 * request (a request of 1Gi with no limit gets a limit of 1Gi, not the 512Mi default below it).
 */
export function containerResources(settings: ModelDeploySettings): {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
} {
  const { requests, limits } = settings.resources;
  const cpu = requests.cpu ?? defaultRequests.cpu;
  const memory = requests.memory ?? defaultRequests.memory;
  return {
    requests: { cpu, memory },
    limits: {
      cpu: limits.cpu ?? (cpuMillicores(cpu) > cpuMillicores(defaultLimits.cpu) ? cpu : defaultLimits.cpu),
      memory:
        limits.memory ??
        (memoryBytes(memory) > memoryBytes(defaultLimits.memory) ? memory : defaultLimits.memory),
    },
  };
}

/** The labels every object of the model carries; the version only where the pods are. */
function stableLabels(model: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": model,
    "app.kubernetes.io/component": "model-server",
    "app.kubernetes.io/managed-by": "mlops",
  };
}

function podLabels(d: ModelDeployment): Record<string, string> {
  return { ...stableLabels(d.model), "app.kubernetes.io/version": d.version };
}

/** The server's settings (src/serve/container-main.ts reads them) as container env. */
function serverEnv(d: ModelDeployment): { name: string; value: string }[] {
  const s = d.settings;
  const env: { name: string; value: string }[] = [
    { name: "PORT", value: String(s.port) },
    { name: "MLOPS_WORKERS", value: String(s.workers) },
  ];
  if (s.max_batch !== undefined) env.push({ name: "MLOPS_MAX_BATCH", value: String(s.max_batch) });
  if (s.max_delay_ms !== undefined) env.push({ name: "MLOPS_MAX_DELAY_MS", value: String(s.max_delay_ms) });
  if (s.threads !== undefined) env.push({ name: "MLOPS_THREADS", value: String(s.threads) });
  env.push({
    name: "MLOPS_PREDICTION_LOG",
    value: s.prediction_log.claim ? `${predictionLogMount}/predictions.jsonl` : "-",
  });
  env.push({ name: "MLOPS_SAMPLE_RATE", value: String(s.prediction_log.sample_rate) });
  // KServe reads the protocol a custom predictor speaks from this variable (v1 when unset).
  if (d.kind === "kserve") env.push({ name: "PROTOCOL", value: "v2" });
  return env;
}

function podSecurityContext() {
  return {
    runAsNonRoot: true,
    runAsUser: servingUser,
    runAsGroup: servingUser,
    seccompProfile: { type: "RuntimeDefault" },
  };
}

function containerSecurityContext() {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: servingUser,
    runAsGroup: servingUser,
    capabilities: { drop: ["ALL"] },
  };
}

/** The Open Inference Protocol's health routes, which the server answers (src/serve/server.ts). */
function probes(port: number | string) {
  return {
    readinessProbe: {
      httpGet: { path: "/v2/health/ready", port },
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
    },
    livenessProbe: {
      httpGet: { path: "/v2/health/live", port },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
    },
  };
}

function logVolume(d: ModelDeployment) {
  const claim = d.settings.prediction_log.claim;
  return claim
    ? {
        mounts: [{ name: "prediction-log", mountPath: predictionLogMount }],
        volumes: [{ name: "prediction-log", persistentVolumeClaim: { claimName: claim } }],
      }
    : undefined;
}

function container(d: ModelDeployment, name: string, probePort: number | string) {
  const volume = logVolume(d);
  return {
    name,
    image: d.image,
    imagePullPolicy: "IfNotPresent",
    ports: [{ name: "http", containerPort: d.settings.port, protocol: "TCP" }],
    env: serverEnv(d),
    resources: containerResources(d.settings),
    ...probes(probePort),
    securityContext: containerSecurityContext(),
    ...(volume ? { volumeMounts: volume.mounts } : {}),
  };
}

function deployment(d: ModelDeployment) {
  const volume = logVolume(d);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: d.model, labels: podLabels(d) },
    // No `replicas`: the HorizontalPodAutoscaler owns the count, and a GitOps agent syncing a fixed
    // number would undo its scaling on every sync.
    spec: {
      revisionHistoryLimit: 5,
      selector: { matchLabels: { "app.kubernetes.io/name": d.model } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: podLabels(d) },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurityContext(),
          terminationGracePeriodSeconds: 30,
          containers: [container(d, "server", "http")],
          ...(volume ? { volumes: volume.volumes } : {}),
        },
      },
    },
  };
}

function service(d: ModelDeployment) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: d.model, labels: stableLabels(d.model) },
    spec: {
      type: "ClusterIP",
      selector: { "app.kubernetes.io/name": d.model },
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
    },
  };
}

function autoscaler(d: ModelDeployment) {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: d.model, labels: stableLabels(d.model) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: d.model },
      minReplicas: d.settings.replicas.min,
      maxReplicas: d.settings.replicas.max,
      metrics: [
        {
          type: "Resource",
          resource: {
            name: "cpu",
            target: { type: "Utilization", averageUtilization: d.settings.target_cpu_utilization },
          },
        },
      ],
    },
  };
}

function disruptionBudget(d: ModelDeployment) {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: d.model, labels: stableLabels(d.model) },
    // At most one pod down at a time for a drain; with one replica a drain may still proceed.
    spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": d.model } } },
  };
}

function inferenceService(d: ModelDeployment) {
  const volume = logVolume(d);
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name: d.model, labels: podLabels(d) },
    spec: {
      predictor: {
        minReplicas: d.settings.replicas.min,
        maxReplicas: d.settings.replicas.max,
        scaleMetric: "cpu",
        scaleTarget: d.settings.target_cpu_utilization,
        automountServiceAccountToken: false,
        securityContext: podSecurityContext(),
        // KServe's custom predictor: the container it routes to must be named kserve-container;
        // Knative probes the container's one port, so the probes name it by number.
        containers: [container(d, "kserve-container", d.settings.port)],
        ...(volume ? { volumes: volume.volumes } : {}),
      },
    },
  };
}

const header = (d: ModelDeployment) =>
  `# ${d.model} in ${d.environment} (stage ${d.stage}), rendered by mlops from the registry.\n# Do not edit: the next promotion or rollback rewrites it.\n`;

/** YAML with a fixed layout: keys in the order the objects list them, no line folding. */
export function manifestYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false });
}

/**
 * One model's manifests in one environment, each object in its own file, with a kustomization
 * listing them, and its alerts and dashboard under `observability/`. The same inputs give the same bytes; a new version changes the image line and the
 * version labels, nothing else.
 */
export function renderModel(d: ModelDeployment): RenderedFile[] {
  const objects: [string, unknown][] =
    d.kind === "kserve"
      ? [["inferenceservice.yaml", inferenceService(d)]]
      : [
          ["deployment.yaml", deployment(d)],
          ["service.yaml", service(d)],
          ["hpa.yaml", autoscaler(d)],
          ["pdb.yaml", disruptionBudget(d)],
        ];
  const files = objects.map(([name, object]) => ({
    path: `${d.model}/${name}`,
    text: header(d) + manifestYaml(object),
  }));
  // Alerts and the dashboard are always rendered; kustomize applies them only where the cluster
  // has the Prometheus Operator (observability.ts).
  const resources = objects.map(([name]) => name);
  if (d.settings.alerts.prometheus_operator) resources.push("observability");
  files.push({
    path: `${d.model}/kustomization.yaml`,
    text:
      header(d) +
      manifestYaml({
        apiVersion: "kustomize.config.k8s.io/v1beta1",
        kind: "Kustomization",
        resources,
      }),
  });
  files.push(...renderObservability(d));
  return files;
}

/** The environment's kustomization: every model directory, so `kubectl apply -k` deploys them all. */
export function renderEnvironmentKustomization(
  environment: string,
  models: readonly string[],
  namespace: string | undefined,
): RenderedFile {
  return {
    path: "kustomization.yaml",
    text:
      `# Every model in ${environment}, rendered by mlops from the registry: kubectl apply -k deploys them all.\n# Do not edit: the next promotion or rollback rewrites it.\n` +
      manifestYaml({
        apiVersion: "kustomize.config.k8s.io/v1beta1",
        kind: "Kustomization",
        ...(namespace ? { namespace } : {}),
        resources: [...models].sort(),
      }),
  };
}
