export const id = 167;
export const ids = [167,264];
export const modules = {

/***/ 3260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ stageName),
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   pU: () => (/* binding */ imageRepositoryName),
/* harmony export */   r3: () => (/* binding */ npmPackageName),
/* harmony export */   u6: () => (/* binding */ exactSemver)
/* harmony export */ });
/* unused harmony exports npmPackageNamePattern, exactSemverPattern */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

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

/***/ 8261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eN: () => (/* binding */ driftRule),
/* harmony export */   eS: () => (/* binding */ datasetSchema)
/* harmony export */ });
/* unused harmony exports columnType, driftMethod, severity, columnSpec */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

const columnType = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["integer", "number", "string", "boolean", "date", "timestamp"], {
    error: "expected one of: integer, number, string, boolean, date, timestamp",
})
    .describe("the column's logical type");
const driftMethod = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["psi", "ks", "chi2"], { error: "expected one of: psi, ks, chi2" })
    .describe("drift statistic: psi or ks for numeric columns, chi2 for categorical ones");
const severity = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["error", "warn"], { error: "expected error or warn" })
    .describe("error fails validation (and stops the pipeline); warn is reported only");
const driftRule = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    method: driftMethod
        .optional()
        .describe("default per column type: ks for integer/number/date/timestamp, chi2 otherwise"),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a number" }).positive("expected a threshold > 0").optional(),
    alpha: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a significance level" })
        .gt(0, "expected a level between 0 and 1")
        .lt(1, "expected a level between 0 and 1")
        .optional()
        .describe("family-wise significance level of the drift tests (default 0.05, split over the columns tested)"),
})
    .describe("how drift against the reference data is measured and when it alarms");
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()], {
    error: "expected a number (or an ISO date for date/timestamp columns)",
});
const columnSpec = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    type: columnType,
    nullable: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY({ error: "expected true or false" }).optional().describe("may the column hold nulls"),
    min: bound.optional().describe("smallest allowed value"),
    max: bound.optional().describe("largest allowed value"),
    allowed: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig())], {
        error: "expected a list of strings or a list of numbers",
    })
        .optional()
        .describe("the only values the column may hold"),
    unique: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY({ error: "expected true or false" }).optional().describe("values must not repeat"),
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP({ error: "expected a regular expression string" })
        .refine((p) => {
        try {
            new RegExp(p);
            return true;
        }
        catch {
            return false;
        }
    }, "expected a valid regular expression")
        .optional()
        .describe("regular expression every string value must match"),
    max_null_fraction: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a fraction between 0 and 1" })
        .min(0, "expected a fraction between 0 and 1")
        .max(1, "expected a fraction between 0 and 1")
        .optional()
        .describe("largest allowed share of nulls"),
    drift: driftRule.optional().describe("per-column override of the dataset's drift rule"),
    severity: severity.optional().describe("severity of this column's checks (default error)"),
    role: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["feature", "target", "time", "id", "ignore"], {
        error: "expected feature, target, time, id or ignore",
    })
        .optional()
        .describe("what the column is for; id and ignore columns are not tested for drift"),
    on_null: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["fail", "drop"], { error: "expected fail or drop" })
        .optional()
        .describe("for a non-nullable column: fail validation (default), or report the rows as dropped"),
    desc: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe("what the column means"),
})
    .refine((c) => !(typeof c.min === "number" && typeof c.max === "number" && c.min > c.max), {
    message: "expected min <= max",
    path: ["max"],
});
/** `data/<dataset>.schema.yaml`: the contract a dataset is validated against. */
const datasetSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    format: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["json", "csv", "parquet", "arrow"], { error: "expected one of: json, csv, parquet, arrow" })
        .describe("the table's file format"),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, "expected a non-empty column name"), columnSpec.describe("the column's contract"))
        .describe("every column of the table, by name"),
    row_count: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative("expected a row count >= 0").optional(),
        max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative("expected a row count >= 0").optional(),
    })
        .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
        message: "expected min <= max",
        path: ["max"],
    })
        .optional()
        .describe("bounds on the number of rows"),
    primary_key: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1))
        .min(1, "expected at least one column")
        .optional()
        .describe("columns whose values together identify a row"),
    target: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe("the column a model predicts"),
    drift: driftRule.optional(),
    checks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, "expected a name for the check"),
        expr: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, "expected a SQL expression that holds on every row"),
        severity: severity.optional(),
    }))
        .optional()
        .describe("cross-column checks: SQL boolean expressions every row must satisfy"),
    extra_columns: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["error", "warn", "allow"], { error: "expected error, warn or allow" })
        .optional()
        .describe("what a column the schema does not declare is (default error)"),
    desc: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe("what the dataset holds"),
})
    .superRefine((s, ctx) => {
    const names = new Set(Object.keys(s.columns));
    s.primary_key?.forEach((col, i) => {
        if (!names.has(col))
            ctx.addIssue({
                code: "custom",
                message: "expected one of the declared columns",
                path: ["primary_key", i],
            });
    });
    if (s.target !== undefined && !names.has(s.target))
        ctx.addIssue({
            code: "custom",
            message: "expected one of the declared columns",
            path: ["target"],
        });
});


/***/ }),

/***/ 7102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ modelDeploySettings),
/* harmony export */   Zj: () => (/* binding */ repoDeploySettings)
/* harmony export */ });
/* unused harmony exports cpuMillicores, memoryBytes, cpuQuantity, minimumMemoryBytes, memoryQuantity, resourceSettings, deployKind */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

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


/***/ }),

/***/ 6167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   modelCard: () => (/* binding */ modelCard)
/* harmony export */ });
/* unused harmony exports thresholdGate, regressionGate, validationGate, gate, registryName, monitoringDrift, metricDecayRule, monitoringRule */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _dataset_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8261);
/* harmony import */ var _deploy_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7102);
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(264);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(655);






const thresholdGate = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    metric: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, "expected a metric name"),
    op: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n([">=", "<=", ">", "<"], { error: "expected one of: '>=', '<=', '>', '<'" }),
    value: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number" }),
})
    .describe("the metric compared with a fixed value");
const regressionGate = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    metric: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, "expected a metric name"),
    max_regression: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number" })
        .nonnegative("expected a regression allowance >= 0"),
    higher_is_better: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
})
    .describe("the metric may be at most this much worse than the version the stage holds now, both evaluated on the model's evaluation data");
const validationGate = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    validation: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz("passed", { error: "expected 'passed'" }),
})
    .describe("the data validation recorded with the version must have passed");
const gate = zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([thresholdGate, regressionGate, validationGate], {
    error: "expected {metric, op, value}, {metric, max_regression} or {validation: passed}",
});
/** A model or stage name GTO can read back from a tag: no dots, no trailing '-' or '_'. */
const registryName = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
    .regex(/^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/, "expected lowercase letters, digits, '-' or '_', starting and ending with a letter or digit");
const bumpLevel = zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["patch", "minor", "major"], { error: "expected one of: patch, minor, major" });
const cron = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
    .regex(/^(@(yearly|annually|monthly|weekly|daily|hourly)|(\S+\s+){4}\S+)$/, "expected a cron expression with five fields, like '0 6 * * 1'");
/**
 * Drift of a production snapshot from the training data: every monitored column is tested as
 * `mlops drift` tests it (a column drifts when its test is significant after splitting `alpha` over
 * the columns and its statistic reaches `threshold`), and the rule fires when the share of columns
 * that drifted is above `max_drifted_share`.
 */
const monitoringDrift = _dataset_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .driftRule */ .eN
    .extend({
    max_drifted_share: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a share between 0 and 1" })
        .min(0, "expected a share between 0 and 1")
        .max(1, "expected a share between 0 and 1")
        .default(0)
        .describe("fire when more than this share of the monitored columns drifted: 0 (default) fires on any drifted column, 1 never fires (report only)"),
    columns: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, "expected a column name"))
        .min(1, "expected at least one column")
        .optional()
        .describe("the columns to test (default: the model's input features and its target)"),
})
    .describe("how drift is measured and how much of it fires the rule");
/** How much worse a metric may get on production data than the version's recorded figure. */
const metricDecayRule = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    metric: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, "expected a metric name, like rmse or accuracy"),
    absolute: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number" })
        .nonnegative("expected a decay >= 0")
        .optional()
        .describe("fire when the metric is worse than the recorded one by more than this, in its own units"),
    relative: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number" })
        .nonnegative("expected a decay >= 0")
        .optional()
        .describe("fire when the metric is worse by more than this share of the recorded one (0.1 = 10%)"),
    higher_is_better: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
})
    .refine((d) => d.absolute !== undefined || d.relative !== undefined, {
    message: "expected 'absolute', 'relative' or both",
})
    .describe("compares the metric measured on a labelled production snapshot with the one recorded in the version's manifest");
const monitoringRule = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    schedule: cron.optional().describe("when the monitoring workflow runs"),
    current: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng
        .optional()
        .describe("the tracked dataset (data/<name>.dvc) of recent production rows monitored by default, shaped like the training data"),
    reference: _pipeline_js__WEBPACK_IMPORTED_MODULE_4__/* .pipelinePath */ .K0
        .optional()
        .describe("the training data drift is measured against, relative to the pipeline, read at the version's commit (default: the table the stage writing the model reads)"),
    drift: monitoringDrift.prefault({}),
    max_metric_decay: metricDecayRule.optional(),
    max_age_days: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number of days" })
        .positive("expected a number of days > 0")
        .optional()
        .describe("fire when the version was registered longer ago than this"),
});
/** `models/<name>/model.yaml`: what the model is, how it is built, and what a version must meet per stage. */
const modelCard = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    name: registryName.describe("the model's name; tags are `<name>@vX.Y.Z` and `<name>#<stage>#<n>`"),
    description: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, "expected a description").describe("what the model predicts, for people"),
    owner: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, "expected an owner (a GitHub user or team)").describe("who answers for it"),
    task: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["regression", "binary-classification", "multiclass-classification"], {
        error: "expected one of: regression, binary-classification, multiclass-classification",
    })
        .describe("the kind of prediction, which picks the metrics and the validation"),
    pipeline: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng.describe("the pipeline under pipelines/ that builds the model"),
    output: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("the ONNX file the pipeline writes, relative to the pipeline directory"),
    metrics: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9
        .optional()
        .describe("the pipeline's metrics file for this model (relative to the pipeline), recorded with each version"),
    validation: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9
        .optional()
        .describe("the pipeline's validation result (`mlops validate --json`), recorded with each version"),
    evaluation: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        data: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("rows both models are evaluated on, relative to the pipeline"),
        target: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1).optional().describe("target column (default: the model's metadata)"),
    })
        .optional()
        .describe("the current test data on which a candidate and the stage's model are compared"),
    serving: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        schema: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("a dataset schema (relative to the pipeline) whose columns are the model's input features: their types, which may be null, and their allowed values"),
    })
        .optional()
        .describe("how `mlops serve` and the serving image check requests; without it every input is required and non-null"),
    stages: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(registryName)
        .min(1, "expected at least one stage")
        .default(["dev", "staging", "prod"])
        .describe("the stage order: a version enters a stage only after it has been in the one before"),
    gates: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(registryName.describe("a stage: staging, prod, or any other name"), zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(gate).describe("every gate must pass for a version to enter the stage"))
        .default({})
        .describe("per stage, the conditions a version must meet to be assigned to it"),
    version_policy: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        initial: _model_version_js__WEBPACK_IMPORTED_MODULE_3__/* .semverTag */ .F7.default("v1.0.0").describe("the first version registered"),
        signature: bumpLevel.default("major").describe("the bump when the ONNX inputs or outputs change"),
        data: bumpLevel.default("minor").describe("the bump when a training dataset changes"),
        params: bumpLevel.default("minor").describe("the bump when a parameter changes"),
        bump: bumpLevel
            .default("patch")
            .describe("the bump when only the artifact changes (code, a dependency)"),
    })
        .prefault({})
        .describe("how the next version number follows from what changed since the latest version"),
    monitoring: monitoringRule
        .optional()
        .describe("when `mlops monitor` says the model needs retraining: drift of a production snapshot from the training data, decay of a metric, age"),
    shadow: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        min_requests: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number of requests" })
            .int("expected a whole number of requests")
            .positive("expected at least 1 request")
            .describe("shadowed requests, with their answer in the log, the candidate must have run on"),
        min_agreement: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a share 0–1" })
            .min(0, "expected a share 0–1")
            .max(1, "expected a share 0–1")
            .describe("share of rows on which the candidate must have agreed with prod's answer (0.95 = 95%)"),
    })
        .optional()
        .describe("a shadow period a release requires: the staging version must have run in the shadow of prod (`mlops serve NAME#prod --shadow NAME@vX.Y.Z`), summed up by `mlops report --shadow LOG --json` and given to the release flow"),
    deploy: _deploy_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .modelDeploySettings */ .CW
        .optional()
        .describe("how the model runs in Kubernetes (`mlops deploy render`): replicas, resources, server settings, the prediction log"),
    labels: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1)).optional(),
})
    .superRefine((card, ctx) => {
    for (const [stage, gates] of Object.entries(card.gates)) {
        if (!card.stages.includes(stage)) {
            ctx.addIssue({
                code: "custom",
                path: ["gates", stage],
                message: `expected a stage listed in 'stages' (${card.stages.join(", ")})`,
            });
        }
        gates.forEach((g, i) => {
            if ("max_regression" in g && !card.evaluation) {
                ctx.addIssue({
                    code: "custom",
                    path: ["gates", stage, i],
                    message: "expected an 'evaluation' section: a regression gate compares both models on its data",
                });
            }
        });
    }
});


/***/ }),

/***/ 264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zK: () => (/* binding */ isoDateTime),
  modelVersion: () => (/* binding */ modelVersion),
  F7: () => (/* binding */ semverTag),
  Wm: () => (/* binding */ tagReference)
});

// UNUSED EXPORTS: gitCommit, tensorSpec

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function datetime(params) {
    return api/* _isoDateTime */.G1(schemas/* ZodISODateTime */.You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js


/** `v1.4.0`, optionally with a pre-release or build suffix. */
const semverTag = schemas/* string */.YjP({ error: "expected a version like 'v1.4.0'" })
    .regex(/^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, "expected a version like 'v1.4.0'");
const isoDateTime = datetime({
    offset: true,
    error: "expected an ISO 8601 date and time, like '2024-05-01T12:00:00Z'",
});
const gitCommit = schemas/* string */.YjP()
    .regex(/^[0-9a-f]{40}$/, "expected a full git commit id (40 lowercase hex)");
const tensorSpec = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1, "expected a tensor name"),
    dtype: schemas/* string */.YjP().min(1, "expected a dtype such as 'float32'"),
    shape: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* number */.aig().int(), schemas/* string */.YjP(), schemas/* null */.chJ()], {
        error: "expected an integer, a symbolic dimension name, or null",
    }))
        .describe("dimensions; a string or null is a dynamic dimension"),
});
/** Another registry tag by name and tag object id: a tag deleted and re-created gets a new id. */
const tagReference = schemas/* strictObject */.rej({
    tag: schemas/* string */.YjP().min(1, "expected a tag name"),
    object: schemas/* string */.YjP().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id"),
});
/** The annotation of tag `<model>@vX.Y.Z`: everything needed to trust and reproduce the version. */
const modelVersion = schemas/* strictObject */.rej({
    version: semverTag,
    model: common/* nameSlug */.Ng,
    created: isoDateTime,
    commit: gitCommit.describe("the commit the version was built from"),
    pipeline: schemas/* strictObject */.rej({
        name: common/* nameSlug */.Ng,
        lock_sha256: common/* sha256Hex */.fg.describe("hash of pipeline.lock at that commit"),
    }),
    data: schemas/* array */.YOg(schemas/* strictObject */.rej({
        name: common/* nameSlug */.Ng,
        sha256: common/* sha256Hex */.fg.describe("hash of the data manifest"),
        path: schemas/* string */.YjP().min(1).optional().describe("the data manifest, relative to the repository"),
        data_sha256: schemas/* string */.YjP()
            .regex(/^[0-9a-f]{64}(\.dir)?$/, "expected a sha256, suffixed '.dir' for a directory")
            .optional()
            .describe("hash of the data itself, as the manifest records it"),
    }))
        .default([]),
    params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).default({}),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig({ error: "expected a number" })).default({}),
    validation: schemas/* strictObject */.rej({
        ok: schemas/* boolean */.zMY({ error: "expected true or false" }),
        summary: schemas/* string */.YjP().optional(),
    })
        .optional(),
    signature: schemas/* strictObject */.rej({
        inputs: schemas/* array */.YOg(tensorSpec),
        outputs: schemas/* array */.YOg(tensorSpec),
    }),
    artifact: schemas/* strictObject */.rej({
        sha256: common/* sha256Hex */.fg,
        size: schemas/* number */.aig().int().nonnegative("expected a size in bytes (>= 0)"),
        uri: schemas/* string */.YjP().min(1, "expected where the artifact is stored"),
    }),
    parent: tagReference
        .optional()
        .describe("the model's previous registration, so a re-created tag breaks the chain and `registry verify` sees it"),
    provenance: schemas/* strictObject */.rej({
        run_id: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig().int()]).optional(),
        run_url: schemas/* url */.OZ5({ error: "expected a URL" }).optional(),
        actor: schemas/* string */.YjP().optional(),
        workflow: schemas/* string */.YjP().optional(),
    })
        .optional(),
});


/***/ }),

/***/ 655:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   K0: () => (/* binding */ pipelinePath),
/* harmony export */   Tk: () => (/* binding */ pipeline)
/* harmony export */ });
/* unused harmony exports outOptions, stageOut, stageParam, RUNNER_SET_VARIABLES, reservedVariable, passEnv, stage, outPath, normalisePath, expandedPipeline */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _sweep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6565);



/**
 * A path relative to the pipeline directory (`pipelines/<name>/`): it may climb to the repository
 * root with `..` (to reach `data/`), but never above it.
 */
const pipelinePath = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .min(1, "expected a non-empty relative path")
    .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p), "expected a relative path, not an absolute one")
    .refine((p) => {
    let depth = 2;
    for (const part of p.split(/[\\/]/)) {
        if (part === "..")
            depth -= 1;
        else if (part !== "." && part !== "")
            depth += 1;
        if (depth < 0)
            return false;
    }
    return true;
}, "expected a path that stays inside the repository (at most two '..' from pipelines/<name>/)");
const outOptions = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    cache: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("store the output in the cache (default true); false for small files tracked by git"),
    persist: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("keep the output in place when the stage is rerun (default false)"),
});
/** An output: a path, or `{ <path>: { cache, persist } }` as in DVC. */
const stageOut = zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([
    pipelinePath.describe("output path, relative to the stage's working directory"),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(pipelinePath, outOptions)
        .refine((r) => Object.keys(r).length === 1, "expected exactly one path with its options"),
], { error: "expected an output path, or a mapping of one path to {cache, persist}" });
const stageParam = zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a parameter key like 'train' or 'prepare.split_year'"),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(pipelinePath.describe("a params file other than params.yaml"), zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1), { error: "expected a list of parameter keys" })),
], { error: "expected a parameter key, or a mapping of a params file to a list of keys" });
const command = zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a non-empty command"),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a non-empty command")).min(1, "expected at least one command"),
], { error: "expected a command string or a list of command strings" });
/** Set by the runner for every stage; a pipeline cannot pass or override them. */
const RUNNER_SET_VARIABLES = [
    "PATH",
    "MLOPS_REPO_ROOT",
    "MLOPS_PIPELINE",
    "MLOPS_STAGE",
    "MLOPS_SEED",
];
/**
 * Names `pass_env` refuses, with the reason: the runner's credentials and its control channels,
 * which no stage needs and which would undo the point of the allow-list if one line could let
 * them through. (Other secrets, such as a cloud key a training stage needs, may be passed by
 * name: that is a reviewed decision written in pipeline.yaml.)
 */
function reservedVariable(name) {
    const upper = name.toUpperCase();
    if (RUNNER_SET_VARIABLES.includes(upper))
        return "the runner sets it for every stage";
    if (upper === "GITHUB_TOKEN" || (upper.startsWith("MLOPS_") && /TOKEN|PASSWORD|SECRET/.test(upper)))
        return "it is a credential the runner holds for pushing, never for stage commands";
    if (upper.startsWith("INPUT_"))
        return "it is an action's input, which may carry a token";
    if (upper.startsWith("ACTIONS_"))
        return "it is a credential or setting of the Actions runner";
    if (["GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"].includes(upper))
        return "it lets a command change later steps of the job, which may hold tokens";
    return undefined;
}
/** An environment variable's name, as POSIX shells accept it. */
const variableName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name");
/**
 * Variables of the runner's environment a pipeline lets its stage commands see, by name. Stage
 * commands otherwise start from an allow-list (src/pipeline/stage-env.ts).
 */
const passEnv = zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(variableName.superRefine((name, ctx) => {
    const why = reservedVariable(name);
    if (why)
        ctx.addIssue({
            code: "custom",
            message: `expected a variable a stage may see, but ${name} cannot be passed: ${why}`,
        });
}), { error: "expected a list of environment variable names" })
    .describe("environment variables passed from the runner to the commands by name (stage commands otherwise see only an allow-list: PATH, HOME, locale, CA bundles, the run's public facts)");
const stage = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    cmd: command.describe("shell command(s) run in the stage's working directory"),
    wdir: pipelinePath.optional().describe("working directory, relative to the pipeline directory"),
    deps: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(pipelinePath).optional().describe("files and directories the stage reads"),
    params: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(stageParam).optional().describe("parameters the stage reads"),
    outs: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(stageOut).optional().describe("files and directories the stage writes"),
    metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(stageOut).optional().describe("metrics files (JSON) the stage writes"),
    plots: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(stageOut).optional().describe("plot data files the stage writes"),
    desc: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().describe("what the stage does"),
    seed: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int("expected an integer seed").optional().describe("random seed passed as MLOPS_SEED"),
    env: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(variableName, zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional().describe("environment variables set for the command"),
    pass_env: passEnv.optional(),
});
function outPath(out) {
    return typeof out === "string" ? out : (Object.keys(out)[0] ?? "");
}
/** `./a\\b/` → `a/b`: the form paths are compared in. */
function normalisePath(p) {
    return p
        .replace(/\\/g, "/")
        .replace(/^(\.\/)+/, "")
        .replace(/\/+$/, "");
}
function overlaps(a, b) {
    return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
const vars = zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J())], {
    error: "expected a params file (optionally `file:key1,key2`) or a mapping of values",
}))
    .describe("values for `${…}` interpolation: params files (`file` or `file:key1,key2`) or inline mappings");
/** DVC's `foreach`: one stage per item of a list or entry of a mapping, named `NAME@KEY`. */
const foreachStage = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    foreach: zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()), zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J())], {
        error: "expected a list, a mapping, or a `${…}` naming one",
    })
        .describe("the items: a list, a mapping, or `${…}` naming one"),
    do: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()).describe("the stage written once, with `${item}` (and `${key}`)"),
});
/** DVC's `matrix`: one stage per combination of the named lists, named `NAME@V1-V2…`. */
const matrixStage = zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
    matrix: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J())]), {
        error: "expected a mapping of names to lists (or `${…}` naming a list)",
    })
        .describe("name → list of values; `${item.NAME}` in the stage"),
});
/**
 * A stage as written: plain, `foreach`/`do`, or `matrix`. Templated stages are checked in full
 * once expanded (src/pipeline/templating.ts); here only their shape.
 */
const stageDefinition = zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().superRefine((value, ctx) => {
    const isMapping = value !== null && typeof value === "object" && !Array.isArray(value);
    const schema = isMapping && "foreach" in value ? foreachStage : isMapping && "matrix" in value ? matrixStage : stage;
    const result = schema.safeParse(value);
    if (result.success)
        return;
    for (const issue of result.error.issues) {
        if (issue.code === "unrecognized_keys") {
            // The loader cannot see through this dispatch to list the allowed keys, so the issue says them.
            const key = issue.keys[0] ?? "";
            ctx.addIssue({
                code: "custom",
                message: `unknown field '${key}' (expected one of: ${Object.keys(schema.shape).join(", ")})`,
                path: [...issue.path, key],
            });
            continue;
        }
        // Passed on whole (code, expected…), so the loader reports them as it reports any issue.
        ctx.addIssue({ ...issue });
    }
});
/** Every output belongs to one stage, once: no two outputs may be the same path or nest. */
function checkOutputs(stages, ctx, at) {
    const seen = [];
    for (const [name, st] of Object.entries(stages)) {
        for (const field of ["outs", "metrics", "plots"]) {
            st[field]?.forEach((out, i) => {
                const path = normalisePath(outPath(out));
                const clash = seen.find((s) => overlaps(s.path, path));
                if (clash) {
                    ctx.addIssue({
                        code: "custom",
                        message: clash.stage === name
                            ? `expected each output once, but '${path}' overlaps '${clash.path}'`
                            : `expected outputs owned by one stage, but '${path}' overlaps '${clash.path}' of stage '${clash.stage}'`,
                        path: [...at, name, field, i],
                    });
                }
                else {
                    seen.push({ path, stage: name });
                }
            });
        }
    }
}
/** `pipelines/<name>/pipeline.yaml` as written: DVC's stage shape with its templating. */
const pipeline = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    vars: vars.optional(),
    pass_env: passEnv.optional(),
    sweep: _sweep_js__WEBPACK_IMPORTED_MODULE_1__/* .sweepBlock */ .MT
        .optional()
        .describe("a parameter sweep the pull-request workflow runs (`mlops exp run --declared`), within max_points"),
    stages: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng, stageDefinition)
        .refine((s) => Object.keys(s).length > 0, "expected at least one stage")
        .describe("the stages, by name, in any order; the order to run them follows from deps and outs"),
})
    .superRefine((p, ctx) => {
    // Templated stages are checked once expanded; the plain ones already here.
    const plain = {};
    for (const [name, value] of Object.entries(p.stages)) {
        const parsed = stage.safeParse(value);
        if (parsed.success)
            plain[name] = parsed.data;
    }
    checkOutputs(plain, ctx, ["stages"]);
});
/** A pipeline with its templating expanded: what the runner reads. */
const expandedPipeline = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    pass_env: passEnv.optional(),
    stages: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .stageName */ .CT, stage)
        .refine((s) => Object.keys(s).length > 0, "expected at least one stage"),
})
    .superRefine((p, ctx) => checkOutputs(p.stages, ctx, ["stages"]));


/***/ }),

/***/ 6565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ sweepBlock)
/* harmony export */ });
/* unused harmony exports maxSweepPoints, defaultSweepMaxPoints, maxSweepKeys, sweepGridSize, sweepPointCount */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

/**
 * The hard ceiling of a declared sweep: every point is a full reproduction inside the pull-request
 * run, and the comment shows one row per point, so no `max_points` may go above this.
 */
const maxSweepPoints = 64;
/** The bound when a sweep does not set `max_points`: enough for a small grid, cheap in a PR run. */
const defaultSweepMaxPoints = 8;
/** Keys one sweep may vary (each is a column of the comment's table). */
const maxSweepKeys = 8;
const keyPart = "[A-Za-z_][A-Za-z0-9_-]*";
const sweepKey = new RegExp(`^${keyPart}(\\.${keyPart})*$`);
const sweepValue = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(200, "expected at most 200 characters"), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()], {
    error: "expected a scalar value: a number, a string or true/false",
});
const valueList = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(sweepValue, { error: "expected a list of values, e.g. [100, 300]" })
    .min(1, "expected at least one value")
    .max(100, "expected at most 100 values for one key")
    .superRefine((values, ctx) => {
    const seen = new Set();
    values.forEach((v, i) => {
        const id = JSON.stringify(v);
        if (seen.has(id))
            ctx.addIssue({ code: "custom", message: `expected each value once, but ${id} repeats`, path: [i] });
        seen.add(id);
    });
});
/** Grid size, stopping once past `limit` (a product of many long lists must not overflow). */
function sweepGridSize(params, limit = Number.MAX_SAFE_INTEGER) {
    let size = 1;
    for (const values of Object.values(params)) {
        size *= values.length;
        if (size > limit)
            return size;
    }
    return size;
}
/** How many points a sweep runs: the grid, or the sample of it `random` draws. */
function sweepPointCount(block) {
    const grid = sweepGridSize(block.params, maxSweepPoints * 1000);
    return block.random ? Math.min(block.random.points, grid) : grid;
}
/**
 * A pipeline's declared sweep (`sweep:` in pipeline.yaml): params.yaml keys with the values to try,
 * as a grid or a seeded random sample of it, run by the pull-request workflow within `max_points`.
 */
const sweepBlock = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    params: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(sweepKey, "expected a dotted params.yaml key such as train.gbdt.trees"), valueList, { error: "expected a mapping of params.yaml keys to lists of values" })
        .refine((p) => Object.keys(p).length > 0, "expected at least one key to vary")
        .refine((p) => Object.keys(p).length <= maxSweepKeys, `expected at most ${maxSweepKeys} keys to vary in one sweep`)
        .describe("params.yaml keys (dotted, e.g. train.gbdt.trees) → the values to try"),
    random: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        points: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a whole number of points" })
            .int("expected a whole number of points")
            .min(1, "expected at least 1 point"),
        seed: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a whole number seed" })
            .int("expected a whole number seed")
            .min(0, "expected a seed >= 0")
            .max(2 ** 32 - 1, "expected a seed below 2^32")
            .optional(),
    })
        .optional()
        .describe("run `points` distinct points of the grid drawn with `seed` (default 0) instead of all"),
    max_points: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig({ error: "expected a whole number" })
        .int("expected a whole number")
        .min(1, "expected at least 1")
        .max(maxSweepPoints, `expected at most ${maxSweepPoints} (the ceiling of a pull-request sweep)`)
        .optional()
        .describe(`the most points the sweep may run (default ${defaultSweepMaxPoints}, at most ${maxSweepPoints})`),
    metric: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP({ error: "expected a metric name" })
        .regex(/^[^\s]{1,200}$/, "expected a metric as `exp show` names it, e.g. metrics.rmse")
        .optional()
        .describe("the metric that picks the best point, e.g. metrics.rmse (default the model's first metric with a known direction)"),
})
    .superRefine((block, ctx) => {
    const max = block.max_points ?? defaultSweepMaxPoints;
    const count = sweepPointCount(block);
    if (count <= max)
        return;
    const grid = Object.values(block.params)
        .map((v) => v.length)
        .join(" × ");
    ctx.addIssue({
        code: "custom",
        message: block.random
            ? `expected at most ${max} points (max_points), but random.points asks for ${count}`
            : `expected at most ${max} points (max_points), but the grid has ${count > maxSweepPoints * 1000 ? `more than ${maxSweepPoints * 1000}` : count} (${grid}); raise max_points (at most ${maxSweepPoints}) or sample it with random: { points: N }`,
        path: block.random ? ["random", "points"] : ["params"],
    });
});


/***/ })

};
