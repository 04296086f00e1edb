export const id = 29;
export const ids = [29];
export const modules = {

/***/ 43260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ stageName),
/* harmony export */   Fy: () => (/* binding */ npmPackageNamePattern),
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   gu: () => (/* binding */ exactSemverPattern),
/* harmony export */   pU: () => (/* binding */ imageRepositoryName),
/* harmony export */   r3: () => (/* binding */ npmPackageName),
/* harmony export */   u6: () => (/* binding */ exactSemver)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

const sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex characters (a sha256)");
/** A path inside the repository: relative, `/`-separated, never climbing out with `..`. */
const repoRelativePath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, "expected a non-empty relative path")
    .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p), "expected a relative path, not an absolute one")
    .refine((p) => !p.split(/[\\/]/).includes(".."), "expected a path that stays inside the repository (no '..')");
/** Where serving images are pushed, without the model name: `host/path` like ghcr.io/owner/repo. */
const imageRepositoryName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9.:-]+(\/[a-z0-9._-]+)+$/, "expected host/path like ghcr.io/owner/repo");
const nameSlug = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "expected lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
/**
 * An npm package name as the registry accepts new ones: lowercase, URL-safe, at most 214
 * characters, optionally scoped. Anything else (a git URL, `file:`, a tarball path, an alias) would
 * make `npm pack` fetch and possibly build code from somewhere other than the registry.
 */
const npmPackageNamePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
/** An exact semantic version (semver.org 2.0.0): no range, tag, URL or path. */
const exactSemverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const npmPackageName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .max(214, "expected an npm package name of at most 214 characters")
    .regex(npmPackageNamePattern, "expected an npm package name (lowercase, optionally @scope/name)");
const exactSemver = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .max(256, "expected an exact version such as 3.2.1")
    .regex(exactSemverPattern, "expected an exact version such as 3.2.1 (no range, tag, git or file: spec)");
/** A stage's name once templating is expanded: `NAME`, or `NAME@KEY` for one made by `foreach`/`matrix`. */
const stageName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9._-]*(@[A-Za-z0-9._+-]+)?$/, "expected lowercase letters, digits, '.', '_' or '-' (and after '@' a key of letters, digits, '.', '_', '+' or '-')");


/***/ }),

/***/ 47102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ modelDeploySettings),
/* harmony export */   O9: () => (/* binding */ cpuMillicores),
/* harmony export */   ZY: () => (/* binding */ memoryBytes),
/* harmony export */   Zj: () => (/* binding */ repoDeploySettings)
/* harmony export */ });
/* unused harmony exports cpuQuantity, minimumMemoryBytes, memoryQuantity, resourceSettings, deployKind */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

/**
 * Kubernetes resource quantities as mlops accepts them: CPU in cores or millicores (`2`, `0.5`,
 * `250m`), memory in bytes with a binary or decimal suffix (`512Mi`, `1Gi`, `500M`). A subset of
 * the API's quantity grammar (no exponents, no `n`/`u` suffixes), so every accepted value means
 * the same thing here and in the cluster, and can be compared with its limit.
 */
const cpuPattern = /^(\d+(\.\d{1,3})?|\d+m)$/;
const memoryPattern = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const memoryFactor = {
    "": 1,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
};
/** Millicores of a CPU quantity accepted by `cpuQuantity`. */
function cpuMillicores(text) {
    return text.endsWith("m") ? Number(text.slice(0, -1)) : Math.round(Number(text) * 1000);
}
/** Bytes of a memory quantity accepted by `memoryQuantity`. */
function memoryBytes(text) {
    const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text);
    return Number(match?.[1]) * (memoryFactor[match?.[2] ?? ""] ?? Number.NaN);
}
// YAML reads `cpu: 1` as a number; the quantity is its text either way.
const quantityText = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).transform((v) => String(v));
const cpuQuantity = quantityText
    .refine((v) => cpuPattern.test(v), "expected CPU as cores or millicores, like 0.5, 2 or 250m")
    .refine((v) => !cpuPattern.test(v) || cpuMillicores(v) > 0, "expected more than zero CPU")
    .refine((v) => !cpuPattern.test(v) || cpuMillicores(v) <= 512_000, "expected at most 512 cores (no node has more)");
/** The server (Node.js with onnxruntime and the model) does not start in less. */
const minimumMemoryBytes = 64 * 2 ** 20;
const memoryQuantity = quantityText
    .refine((v) => memoryPattern.test(v), "expected memory in bytes with a suffix, like 256Mi, 1Gi or 500M")
    .refine((v) => !memoryPattern.test(v) || memoryBytes(v) >= minimumMemoryBytes, "expected at least 64Mi: the server (Node.js, onnxruntime and the model) needs that much to start")
    .refine((v) => !memoryPattern.test(v) || memoryBytes(v) <= 2 ** 50, "expected at most 1Pi");
const resourceAmounts = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    cpu: cpuQuantity.optional(),
    memory: memoryQuantity.optional(),
});
const resourceSettings = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    requests: resourceAmounts
        .prefault({})
        .describe("what the scheduler reserves per pod (default cpu 250m, memory 256Mi)"),
    limits: resourceAmounts
        .prefault({})
        .describe("what a pod may use at most (default cpu 1, memory 512Mi); at least the request"),
})
    .describe("Kubernetes resource requests and limits of the serving container");
const deployKind = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["deployment", "kserve"], { error: "expected one of: deployment, kserve" })
    .describe("deployment: a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget; kserve: one KServe InferenceService (V2 protocol)");
const positiveInt = (what) => zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);
/** `deploy:` in a model card: how `mlops deploy render` runs the model's serving image. */
const modelDeploySettings = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    kind: deployKind.optional().describe("overrides deploy.kind of .mlops/config.yaml for this model"),
    replicas: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        min: positiveInt("a whole number of pods >= 1").default(1),
        max: positiveInt("a whole number of pods >= 1").default(3),
    })
        .prefault({})
        .describe("the autoscaler's range of pods"),
    target_cpu_utilization: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a percentage" })
        .int("expected a whole percentage")
        .min(1, "expected a percentage 1–100")
        .max(100, "expected a percentage 1–100")
        .default(70)
        .describe("the average CPU use (percent of the request) the autoscaler keeps pods at"),
    resources: resourceSettings.prefault({}),
    port: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a port number" })
        .int("expected a port number")
        .min(1024, "expected a port 1024–65535 (the server runs as a non-root user)")
        .max(65535, "expected a port 1024–65535 (the server runs as a non-root user)")
        .default(8080)
        .describe("the port the server listens on in the pod (PORT)"),
    workers: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a whole number of processes" })
        .int("expected a whole number of processes")
        .min(1, "expected 1–64 processes")
        .max(64, "expected 1–64 processes")
        .default(1)
        .describe("server processes per pod (MLOPS_WORKERS)"),
    max_batch: positiveInt("a positive number of rows").optional().describe("MLOPS_MAX_BATCH"),
    max_delay_ms: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected milliseconds" })
        .min(0, "expected 0 ms or more")
        .optional()
        .describe("MLOPS_MAX_DELAY_MS"),
    threads: positiveInt("a positive number of threads").optional().describe("MLOPS_THREADS"),
    prediction_log: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        sample_rate: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a fraction 0–1" })
            .min(0, "expected a fraction 0–1")
            .max(1, "expected a fraction 0–1")
            .default(0.01),
        claim: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "expected a PersistentVolumeClaim name (lowercase letters, digits, '-')")
            .optional()
            .describe("write the log to /var/log/mlops/predictions.jsonl on this PersistentVolumeClaim instead of standard output"),
    })
        .prefault({})
        .describe("sampled requests as JSON lines: on standard output (the default) or on a volume"),
    alerts: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        latency_p99_ms: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected milliseconds" })
            .positive("expected a positive number of milliseconds")
            .default(250)
            .describe("the latency target: alert when the p99 of inference requests stays above it"),
        error_ratio: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a fraction 0–1" })
            .positive("expected a fraction above 0")
            .max(1, "expected a fraction 0–1")
            .default(0.05)
            .describe("alert when this share of inference requests is not answered 2xx"),
        drift_psi: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a PSI" })
            .positive("expected a PSI above 0")
            .default(0.2)
            .describe("alert when a feature's live input drift PSI stays above this"),
        drift_min_rows: positiveInt("a positive number of rows")
            .default(100)
            .describe("rows a feature's drift window must hold before its PSI can alert"),
        no_traffic_minutes: positiveInt("a whole number of minutes")
            .default(15)
            .describe("alert when a serving model got no inference request for this long"),
        prometheus_operator: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY({ error: "expected true or false" })
            .default(false)
            .describe("add the PrometheusRule, PodMonitor and Grafana dashboard ConfigMap to the model's kustomization (the cluster needs the Prometheus Operator's CRDs)"),
    })
        .prefault({})
        .describe("Prometheus alerts and the Grafana dashboard rendered beside the manifests"),
})
    .superRefine((d, ctx) => {
    if (d.replicas.min > d.replicas.max) {
        ctx.addIssue({
            code: "custom",
            path: ["replicas", "min"],
            message: `expected at most replicas.max (${d.replicas.max}), got ${d.replicas.min}`,
        });
    }
    const { requests, limits } = d.resources;
    if (requests.cpu && limits.cpu && cpuMillicores(requests.cpu) > cpuMillicores(limits.cpu)) {
        ctx.addIssue({
            code: "custom",
            path: ["resources", "requests", "cpu"],
            message: `expected at most the limit (${limits.cpu}), got ${requests.cpu}`,
        });
    }
    if (requests.memory && limits.memory && memoryBytes(requests.memory) > memoryBytes(limits.memory)) {
        ctx.addIssue({
            code: "custom",
            path: ["resources", "requests", "memory"],
            message: `expected at most the limit (${limits.memory}), got ${requests.memory}`,
        });
    }
})
    .describe("how the model runs in Kubernetes: `mlops deploy render` and the environments branch");
/** `deploy:` in .mlops/config.yaml: where each environment's manifests are committed. */
const repoDeploySettings = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    branch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "expected a branch name of letters, digits, '.', '_', '-' and '/'")
        .refine((b) => b !== "main" && b !== "master", "expected a branch other than main: the flows push to it")
        .default("environments")
        .describe("the branch holding every environment's manifests (never main)"),
    path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "expected a relative directory like deploy")
        .refine((p) => !p.split("/").includes(".."), "expected a directory inside the branch")
        .default("deploy")
        .describe("the directory in that branch: <path>/<environment>/kustomization.yaml"),
    repository: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .min(1, "expected a git URL or path")
        .optional()
        .describe("another git repository holding the branch (default: the repository's origin)"),
    kind: deployKind.default("deployment"),
    namespace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "expected a Kubernetes namespace name")
        .optional()
        .describe("the namespace each environment's kustomization sets"),
})
    .describe("GitOps deployment: the flows commit each environment's manifests to this branch");


/***/ })

};
