export const id = 380;
export const ids = [380,167,264,353,687];
export const modules = {

/***/ 3260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

const sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex characters (a sha256)");
/** A path inside the repository: relative, `/`-separated, never climbing out with `..`. */
const repoRelativePath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, "expected a non-empty relative path")
    .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p), "expected a relative path, not an absolute one")
    .refine((p) => !p.split(/[\\/]/).includes(".."), "expected a path that stays inside the repository (no '..')");
const nameSlug = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "expected lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");


/***/ }),

/***/ 3583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UL: () => (/* binding */ dataManifest)
/* harmony export */ });
/* unused harmony exports dataSource, dataOut */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);


/** Where an imported dataset came from, so a fresh clone can always materialise it again. */
const dataSource = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        package: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected an npm package name"),
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected an exact package version"),
        path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("file or directory inside the package"),
    }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https?$/, error: "expected an http(s) URL" }),
    }),
]);
const dataOut = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("workspace copy, relative to the manifest's directory (git-ignored)"),
    hash: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz("sha256", { error: "expected 'sha256'" }),
    sha256: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[0-9a-f]{64}(\.dir)?$/, "expected a sha256 (64 lowercase hex), suffixed '.dir' for a directory"),
    size: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative("expected a size in bytes (>= 0)"),
    nfiles: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().optional().describe("directories only: number of files"),
})
    .refine((o) => (o.sha256.endsWith(".dir") ? o.nfiles !== undefined : o.nfiles === undefined), {
    message: "expected 'nfiles' exactly when the hash is a directory hash ending in '.dir'",
    path: ["nfiles"],
});
/** `data/<dataset>.dvc`: DVC's shape with sha256 instead of md5. */
const dataManifest = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    outs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(dataOut).min(1, "expected at least one output"),
    source: dataSource.optional(),
    schema: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.optional().describe("the dataset schema file, relative to the manifest"),
    desc: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    meta: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional(),
});



/***/ }),

/***/ 380:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  datasetSchema: () => (/* reexport */ datasetSchema),
  modelCard: () => (/* reexport */ model_card.modelCard),
  parseYaml: () => (/* reexport */ yaml_file/* parseYaml */.hN)
});

// UNUSED EXPORTS: checkManifestFile, checkManifests, columnSpec, columnType, command, dataManifest, dataOut, dataSource, driftMethod, driftRule, findManifests, formatFieldPath, gate, gitCommit, isoDateTime, jsonSchemaFor, kindForPath, lockEntry, lockStage, manifestKind, manifestKindNames, manifestKinds, modelVersion, nameSlug, outOptions, outPath, paramValue, paramsFile, pipeline, pipelineLock, pipelinePath, readYamlFile, regressionGate, remoteConfig, repoConfig, repoRelativePath, semverTag, sha256Hex, stage, stageAssignment, stageOut, stageParam, stringifyYaml, tensorSpec, thresholdGate, writeYamlFile

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(3583);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/dataset-schema.js

const columnType = schemas/* enum */.k5n(["integer", "number", "string", "boolean", "date", "timestamp"], {
    error: "expected one of: integer, number, string, boolean, date, timestamp",
})
    .describe("the column's logical type");
const driftMethod = schemas/* enum */.k5n(["psi", "ks", "chi2"], { error: "expected one of: psi, ks, chi2" })
    .describe("drift statistic: psi or ks for numeric columns, chi2 for categorical ones");
const severity = schemas/* enum */.k5n(["error", "warn"], { error: "expected error or warn" })
    .describe("error fails validation (and stops the pipeline); warn is reported only");
const driftRule = schemas/* strictObject */.rej({
    method: driftMethod
        .optional()
        .describe("default per column type: ks for integer/number/date/timestamp, chi2 otherwise"),
    threshold: schemas/* number */.aig({ error: "expected a number" }).positive("expected a threshold > 0").optional(),
    alpha: schemas/* number */.aig({ error: "expected a significance level" })
        .gt(0, "expected a level between 0 and 1")
        .lt(1, "expected a level between 0 and 1")
        .optional()
        .describe("family-wise significance level of the drift tests (default 0.05, split over the columns tested)"),
})
    .describe("how drift against the reference data is measured and when it alarms");
const bound = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()], {
    error: "expected a number (or an ISO date for date/timestamp columns)",
});
const columnSpec = schemas/* strictObject */.rej({
    type: columnType,
    nullable: schemas/* boolean */.zMY({ error: "expected true or false" }).optional().describe("may the column hold nulls"),
    min: bound.optional().describe("smallest allowed value"),
    max: bound.optional().describe("largest allowed value"),
    allowed: schemas/* union */.KCZ([schemas/* array */.YOg(schemas/* string */.YjP()), schemas/* array */.YOg(schemas/* number */.aig())], {
        error: "expected a list of strings or a list of numbers",
    })
        .optional()
        .describe("the only values the column may hold"),
    unique: schemas/* boolean */.zMY({ error: "expected true or false" }).optional().describe("values must not repeat"),
    pattern: schemas/* string */.YjP({ error: "expected a regular expression string" })
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
    max_null_fraction: schemas/* number */.aig({ error: "expected a fraction between 0 and 1" })
        .min(0, "expected a fraction between 0 and 1")
        .max(1, "expected a fraction between 0 and 1")
        .optional()
        .describe("largest allowed share of nulls"),
    drift: driftRule.optional().describe("per-column override of the dataset's drift rule"),
    severity: severity.optional().describe("severity of this column's checks (default error)"),
    role: schemas/* enum */.k5n(["feature", "target", "time", "id", "ignore"], {
        error: "expected feature, target, time, id or ignore",
    })
        .optional()
        .describe("what the column is for; id and ignore columns are not tested for drift"),
    on_null: schemas/* enum */.k5n(["fail", "drop"], { error: "expected fail or drop" })
        .optional()
        .describe("for a non-nullable column: fail validation (default), or report the rows as dropped"),
    desc: schemas/* string */.YjP().optional().describe("what the column means"),
})
    .refine((c) => !(typeof c.min === "number" && typeof c.max === "number" && c.min > c.max), {
    message: "expected min <= max",
    path: ["max"],
});
/** `data/<dataset>.schema.yaml`: the contract a dataset is validated against. */
const datasetSchema = schemas/* strictObject */.rej({
    format: schemas/* enum */.k5n(["json", "csv", "parquet", "arrow"], { error: "expected one of: json, csv, parquet, arrow" })
        .describe("the table's file format"),
    columns: schemas/* record */.g1P(schemas/* string */.YjP().min(1, "expected a non-empty column name"), columnSpec.describe("the column's contract"))
        .describe("every column of the table, by name"),
    row_count: schemas/* strictObject */.rej({
        min: schemas/* number */.aig().int().nonnegative("expected a row count >= 0").optional(),
        max: schemas/* number */.aig().int().nonnegative("expected a row count >= 0").optional(),
    })
        .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
        message: "expected min <= max",
        path: ["max"],
    })
        .optional()
        .describe("bounds on the number of rows"),
    primary_key: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .min(1, "expected at least one column")
        .optional()
        .describe("columns whose values together identify a row"),
    target: schemas/* string */.YjP().min(1).optional().describe("the column a model predicts"),
    drift: driftRule.optional(),
    checks: schemas/* array */.YOg(schemas/* strictObject */.rej({
        name: schemas/* string */.YjP().min(1, "expected a name for the check"),
        expr: schemas/* string */.YjP().min(1, "expected a SQL expression that holds on every row"),
        severity: severity.optional(),
    }))
        .optional()
        .describe("cross-column checks: SQL boolean expressions every row must satisfy"),
    extra_columns: schemas/* enum */.k5n(["error", "warn", "allow"], { error: "expected error, warn or allow" })
        .optional()
        .describe("what a column the schema does not declare is (default error)"),
    desc: schemas/* string */.YjP().optional().describe("what the dataset holds"),
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-card.js
var model_card = __webpack_require__(6167);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js + 1 modules
var model_version = __webpack_require__(264);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/params.js

const paramValue = schemas/* lazy */.RZV(() => schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY(), schemas/* null */.chJ(), schemas/* array */.YOg(paramValue), schemas/* record */.g1P(schemas/* string */.YjP(), paramValue)], { error: "expected a scalar, a list or a mapping" }));
/** `pipelines/<name>/params.yaml`: nested mappings of scalars and lists, read by stages. */
const paramsFile = schemas/* record */.g1P(schemas/* string */.YjP(), paramValue, { error: "expected a mapping of parameter names to values" })
    .describe("parameters; stages name them as `section.key` in their `params` list");

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js
var pipeline = __webpack_require__(655);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline-lock.js
var pipeline_lock = __webpack_require__(2687);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/repo-config.js
var repo_config = __webpack_require__(7204);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/stage-assignment.js
var stage_assignment = __webpack_require__(9353);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/kinds.js









const manifestKinds = [
    {
        kind: "data",
        schema: data_manifest/* dataManifest */.UL,
        title: "Data manifest",
        fileGlob: "data/*.dvc",
        description: "A tracked dataset: its workspace path, sha256, size, and where it came from.",
    },
    {
        kind: "dataset-schema",
        schema: datasetSchema,
        title: "Dataset schema",
        fileGlob: "data/*.schema.yaml",
        description: "The contract a dataset is validated against: format, columns, row count, drift rule.",
    },
    {
        kind: "pipeline",
        schema: pipeline/* pipeline */.Tk,
        title: "Pipeline",
        fileGlob: "pipelines/*/pipeline.yaml",
        description: "The stages of a pipeline: command, dependencies, parameters and outputs of each.",
    },
    {
        kind: "params",
        schema: paramsFile,
        title: "Pipeline parameters",
        fileGlob: "pipelines/*/params.yaml",
        description: "Parameters read by a pipeline's stages: nested mappings of scalars and lists.",
    },
    {
        kind: "lock",
        schema: pipeline_lock.pipelineLock,
        title: "Pipeline lock",
        fileGlob: "pipelines/*/pipeline.lock",
        description: "What each stage last ran with and produced: hashes of its deps, params and outs.",
    },
    {
        kind: "model",
        schema: model_card.modelCard,
        title: "Model card",
        fileGlob: "models/*/model.yaml",
        description: "A model: its task, owner, pipeline and output, gates per stage, version and monitoring policy.",
    },
    {
        kind: "version",
        schema: model_version.modelVersion,
        title: "Model version",
        fileGlob: "(annotation of git tag <model>@vX.Y.Z)",
        description: "A registered version: commit, lock and data hashes, params, metrics, signature, artifact.",
    },
    {
        kind: "stage",
        schema: stage_assignment.stageAssignment,
        title: "Stage assignment",
        fileGlob: "(annotation of git tag <model>#<stage>#<n>)",
        description: "One assignment of a version to a stage: previous version, actor, time, run, image digest.",
    },
    {
        kind: "config",
        schema: repo_config/* repoConfig */.f,
        title: "Repository config",
        fileGlob: ".mlops/config.yaml",
        description: "Remotes and defaults; .mlops/config.local.yaml (per machine) is merged over it.",
    },
];
const manifestKindNames = manifestKinds.map((k) => k.kind);
function kinds_manifestKind(kind) {
    return manifestKinds.find((k) => k.kind === kind);
}
/** The kind of a file from its repository-relative path, or undefined when it is not a manifest. */
function kinds_kindForPath(repoRelativePath) {
    const path = repoRelativePath.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (base.endsWith(".dvc"))
        return "data";
    if (base.endsWith(".schema.yaml"))
        return "dataset-schema";
    if (base === "pipeline.yaml")
        return "pipeline";
    if (base === "params.yaml")
        return "params";
    if (base === "pipeline.lock")
        return "lock";
    if (base === "model.yaml")
        return "model";
    if (/(^|\/)\.mlops\/config(\.local)?\.yaml$/.test(path))
        return "config";
    return undefined;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(7441);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/check.js





async function entries(dir) {
    try {
        const list = await readdir(dir, { withFileTypes: true });
        return list
            .map((e) => ({ name: e.name, dir: e.isDirectory() }))
            .sort((a, b) => a.name.localeCompare(b.name));
    }
    catch {
        return [];
    }
}
/** Every manifest of the repository, as sorted repository-relative `/` paths. */
async function findManifests(root) {
    const found = [];
    for (const e of await entries(join(root, "data"))) {
        if (!e.dir && (e.name.endsWith(".dvc") || e.name.endsWith(".schema.yaml")))
            found.push(`data/${e.name}`);
    }
    for (const e of await entries(join(root, "pipelines"))) {
        if (!e.dir)
            continue;
        const files = new Set((await entries(join(root, "pipelines", e.name))).map((f) => f.name));
        for (const name of ["pipeline.yaml", "params.yaml", "pipeline.lock"])
            if (files.has(name))
                found.push(`pipelines/${e.name}/${name}`);
    }
    for (const e of await entries(join(root, "models"))) {
        if (!e.dir)
            continue;
        const files = new Set((await entries(join(root, "models", e.name))).map((f) => f.name));
        if (files.has("model.yaml"))
            found.push(`models/${e.name}/model.yaml`);
    }
    const mlops = new Set((await entries(join(root, ".mlops"))).map((f) => f.name));
    for (const name of ["config.yaml", "config.local.yaml"])
        if (mlops.has(name))
            found.push(`.mlops/${name}`);
    return found;
}
/** Validates one file against its kind's schema (from its name unless `kind` is given). */
async function checkManifestFile(absolutePath, displayPath, kind) {
    const chosen = kind ?? kindForPath(displayPath.split(sep).join("/"));
    const entry = chosen ? manifestKind(chosen) : undefined;
    if (!chosen || !entry) {
        const err = new MlopsError("usage", "cannot tell which kind of manifest this is from its name", {
            file: displayPath,
            hint: "name it like the files `mlops schema --list` shows, or pass --kind KIND",
        });
        return { path: displayPath, kind: null, ok: false, error: err.toUserString(), details: err.toJSON() };
    }
    try {
        await readYamlFile(absolutePath, entry.schema, displayPath);
        return { path: displayPath, kind: chosen, ok: true };
    }
    catch (err) {
        if (!isMlopsError(err))
            throw err;
        return { path: displayPath, kind: chosen, ok: false, error: err.toUserString(), details: err.toJSON() };
    }
}
/**
 * Checks the given paths (relative to `cwd`) or, with none, every manifest under `root`. Paths are
 * shown as given; discovered files as repository-relative paths.
 */
async function checkManifests(root, cwd, paths, kind) {
    const targets = paths.length > 0
        ? paths.map((p) => ({ abs: resolve(cwd, p), display: p }))
        : (await findManifests(root)).map((p) => ({ abs: join(root, p), display: p }));
    const results = [];
    for (const t of targets) {
        // A given path is classified by where it sits in the repository when it is inside one.
        const rel = relative(root, t.abs).split(sep).join("/");
        const byName = kind ?? kindForPath(rel.startsWith("..") ? t.display : rel) ?? kindForPath(t.display);
        results.push(await checkManifestFile(t.abs, t.display, byName));
    }
    return results;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/json-schema.js


const ID_BASE = "https://gitops-mlops.invalid/schemas";
/** The JSON Schema of a kind, deterministic: `$schema`, `$id`, `title`, `description`, then zod's output. */
function jsonSchemaFor(kind) {
    const entry = manifestKind(kind);
    if (!entry)
        throw new Error(`unknown manifest kind: ${kind}`);
    const generated = z.toJSONSchema(entry.schema, { io: "input", unrepresentable: "any" });
    const { $schema, description: _zodDescription, ...rest } = generated;
    return {
        $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
        $id: `${ID_BASE}/${kind}.schema.json`,
        title: entry.title,
        description: entry.description,
        ...rest,
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/index.js
















/***/ }),

/***/ 6167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   modelCard: () => (/* binding */ modelCard)
/* harmony export */ });
/* unused harmony exports thresholdGate, regressionGate, validationGate, gate, registryName */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(264);



const thresholdGate = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    metric: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a metric name"),
    op: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n([">=", "<=", ">", "<"], { error: "expected one of: '>=', '<=', '>', '<'" }),
    value: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig({ error: "expected a number" }),
})
    .describe("the metric compared with a fixed value");
const regressionGate = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    metric: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a metric name"),
    max_regression: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig({ error: "expected a number" })
        .nonnegative("expected a regression allowance >= 0"),
    higher_is_better: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
})
    .describe("the metric may be at most this much worse than the version the stage holds now, both evaluated on the model's evaluation data");
const validationGate = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    validation: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz("passed", { error: "expected 'passed'" }),
})
    .describe("the data validation recorded with the version must have passed");
const gate = zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([thresholdGate, regressionGate, validationGate], {
    error: "expected {metric, op, value}, {metric, max_regression} or {validation: passed}",
});
/** A model or stage name GTO can read back from a tag: no dots, no trailing '-' or '_'. */
const registryName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(/^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/, "expected lowercase letters, digits, '-' or '_', starting and ending with a letter or digit");
const bumpLevel = zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(["patch", "minor", "major"], { error: "expected one of: patch, minor, major" });
const cron = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(/^(@(yearly|annually|monthly|weekly|daily|hourly)|(\S+\s+){4}\S+)$/, "expected a cron expression with five fields, like '0 6 * * 1'");
/** `models/<name>/model.yaml`: what the model is, how it is built, and what a version must meet per stage. */
const modelCard = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: registryName.describe("the model's name; tags are `<name>@vX.Y.Z` and `<name>#<stage>#<n>`"),
    description: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a description").describe("what the model predicts, for people"),
    owner: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected an owner (a GitHub user or team)").describe("who answers for it"),
    task: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(["regression", "binary-classification", "multiclass-classification"], {
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
    evaluation: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        data: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("rows both models are evaluated on, relative to the pipeline"),
        target: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("target column (default: the model's metadata)"),
    })
        .optional()
        .describe("the current test data on which a candidate and the stage's model are compared"),
    serving: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        schema: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("a dataset schema (relative to the pipeline) whose columns are the model's input features: their types, which may be null, and their allowed values"),
    })
        .optional()
        .describe("how `mlops serve` and the serving image check requests; without it every input is required and non-null"),
    stages: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(registryName)
        .min(1, "expected at least one stage")
        .default(["dev", "staging", "prod"])
        .describe("the stage order: a version enters a stage only after it has been in the one before"),
    gates: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(registryName.describe("a stage: staging, prod, or any other name"), zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(gate).describe("every gate must pass for a version to enter the stage"))
        .default({})
        .describe("per stage, the conditions a version must meet to be assigned to it"),
    version_policy: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        initial: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7.default("v1.0.0").describe("the first version registered"),
        signature: bumpLevel.default("major").describe("the bump when the ONNX inputs or outputs change"),
        data: bumpLevel.default("minor").describe("the bump when a training dataset changes"),
        params: bumpLevel.default("minor").describe("the bump when a parameter changes"),
        bump: bumpLevel
            .default("patch")
            .describe("the bump when only the artifact changes (code, a dependency)"),
    })
        .prefault({})
        .describe("how the next version number follows from what changed since the latest version"),
    monitoring: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        schedule: cron.optional().describe("when the monitoring workflow runs"),
        drift_threshold: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive("expected a threshold > 0").optional(),
        metric_decay: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
            metric: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a metric name"),
            max_drop: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().nonnegative("expected a drop >= 0"),
        })
            .optional()
            .describe("alarm when the live metric falls more than this below the registered one"),
    })
        .optional(),
    labels: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1)).optional(),
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

/***/ 2687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pipelineLock: () => (/* binding */ pipelineLock)
/* harmony export */ });
/* unused harmony exports lockEntry, lockStage */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(655);



const lockEntry = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    path: _pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelinePath */ .K0,
    sha256: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^[0-9a-f]{64}(\.dir)?$/, "expected a sha256 (64 lowercase hex), suffixed '.dir' for a directory"),
    size: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative("expected a size in bytes (>= 0)"),
    nfiles: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative().optional().describe("directories only: number of files"),
})
    .refine((o) => (o.sha256.endsWith(".dir") ? o.nfiles !== undefined : o.nfiles === undefined), {
    message: "expected 'nfiles' exactly when the hash is a directory hash ending in '.dir'",
    path: ["nfiles"],
});
const lockStage = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    cmd: _pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .command */ .G5,
    deps: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(lockEntry).default([]).describe("every dependency with its hash when the stage ran"),
    params: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelinePath */ .K0, zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()))
        .default({})
        .describe("params file → key → the value the stage ran with"),
    outs: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(lockEntry).default([]).describe("every output (outs, metrics, plots) with its hash"),
    run_key: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg.optional().describe("hash of cmd, deps and params: the run-cache key"),
    duration_ms: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().nonnegative("expected a duration in milliseconds (>= 0)").optional(),
});
/** `pipelines/<name>/pipeline.lock`: what each stage last ran with and produced. */
const pipelineLock = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz("1", { error: "expected '1' (a quoted string)" }).describe("lock file format version"),
    stages: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng, lockStage).default({}),
});


/***/ }),

/***/ 655:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   K0: () => (/* binding */ pipelinePath),
/* harmony export */   Tk: () => (/* binding */ pipeline)
/* harmony export */ });
/* unused harmony exports outOptions, stageOut, stageParam, stage, outPath, normalisePath */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);


/**
 * A path relative to the pipeline directory (`pipelines/<name>/`): it may climb to the repository
 * root with `..` (to reach `data/`), but never above it.
 */
const pipelinePath = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
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
const outOptions = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    cache: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("store the output in the cache (default true); false for small files tracked by git"),
    persist: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY({ error: "expected true or false" })
        .optional()
        .describe("keep the output in place when the stage is rerun (default false)"),
});
/** An output: a path, or `{ <path>: { cache, persist } }` as in DVC. */
const stageOut = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    pipelinePath.describe("output path, relative to the stage's working directory"),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(pipelinePath, outOptions)
        .refine((r) => Object.keys(r).length === 1, "expected exactly one path with its options"),
], { error: "expected an output path, or a mapping of one path to {cache, persist}" });
const stageParam = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a parameter key like 'train' or 'prepare.split_year'"),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(pipelinePath.describe("a params file other than params.yaml"), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1), { error: "expected a list of parameter keys" })),
], { error: "expected a parameter key, or a mapping of a params file to a list of keys" });
const command = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a non-empty command"),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a non-empty command")).min(1, "expected at least one command"),
], { error: "expected a command string or a list of command strings" });
const stage = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    cmd: command.describe("shell command(s) run in the stage's working directory"),
    wdir: pipelinePath.optional().describe("working directory, relative to the pipeline directory"),
    deps: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(pipelinePath).optional().describe("files and directories the stage reads"),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(stageParam).optional().describe("parameters the stage reads"),
    outs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(stageOut).optional().describe("files and directories the stage writes"),
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(stageOut).optional().describe("metrics files (JSON) the stage writes"),
    plots: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(stageOut).optional().describe("plot data files the stage writes"),
    desc: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe("what the stage does"),
    seed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int("expected an integer seed").optional().describe("random seed passed as MLOPS_SEED"),
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name"), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())
        .optional()
        .describe("environment variables set for the command"),
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
/** `pipelines/<name>/pipeline.yaml`: DVC's stage shape. */
const pipeline = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    vars: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J())]))
        .optional()
        .describe("values available to interpolation in commands: params files or inline mappings"),
    stages: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng, stage)
        .refine((s) => Object.keys(s).length > 0, "expected at least one stage")
        .describe("the stages, by name, in any order; the order to run them follows from deps and outs"),
})
    .superRefine((p, ctx) => {
    const seen = [];
    for (const [name, st] of Object.entries(p.stages)) {
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
                        path: ["stages", name, field, i],
                    });
                }
                else {
                    seen.push({ path, stage: name });
                }
            });
        }
    }
});


/***/ }),

/***/ 7204:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ repoConfig)
/* harmony export */ });
/* unused harmony export remoteConfig */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);


const remoteConfig = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a remote URL or directory path"),
    /** Concurrent transfers for this remote. */
    jobs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).max(64).optional(),
});
/** `.mlops/config.yaml` (tracked) and `.mlops/config.local.yaml` (per machine, merged over it). */
const repoConfig = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    remotes: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng, remoteConfig).default({}),
    defaults: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        remote: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng.optional(),
        jobs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).max(64).optional(),
    })
        .default({}),
});


/***/ }),

/***/ 9353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stageAssignment: () => (/* binding */ stageAssignment)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(264);



/** The annotation of tag `<model>#<stage>#<N>`: one assignment of a version to a stage. */
const stageAssignment = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    model: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng,
    stage: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng.describe("staging, prod, or another stage named in the model's gates"),
    version: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7,
    previous: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7.nullable().optional().describe("the version the stage held before; null if none"),
    actor: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected who made the assignment"),
    time: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .isoDateTime */ .zK,
    run: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        id: zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int()], { error: "expected a run id" }),
        url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ error: "expected a URL" }),
    })
        .optional(),
    version_tag: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .tagReference */ .Wm.optional().describe("the version's tag as it was when assigned"),
    previous_tag: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .tagReference */ .Wm
        .optional()
        .describe("the stage's previous assignment tag; null-free chain that `registry verify` walks"),
    reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("why, for a rollback or a manual promotion"),
    environment: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("the GitHub environment deployed to"),
    image_digest: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^sha256:[0-9a-f]{64}$/, "expected an image digest like 'sha256:<64 hex>'")
        .optional(),
});


/***/ }),

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   kv: () => (/* binding */ readYamlFile)
/* harmony export */ });
/* unused harmony exports formatFieldPath, stringifyYaml, writeYamlFile, lineInYaml */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9936);
/* harmony import */ var _files_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4762);




/** `columns.horsepower.range[1]`: the field path people see in messages. */
function formatFieldPath(path) {
    let out = "";
    for (const key of path) {
        if (typeof key === "number")
            out += `[${key}]`;
        else
            out += out ? `.${String(key)}` : String(key);
    }
    return out || "(top level)";
}
/** The line of the deepest node of `path` that exists in the document (a missing key points at its parent). */
function lineOf(doc, counter, path) {
    let node = doc.contents;
    let found = doc.contents ?? undefined;
    for (const key of path) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((item) => {
                const k = item.key;
                return (k && typeof k === "object" && "value" in k ? k.value : k) === key;
            });
            if (!pair)
                break;
            // The key's own line is where a person looks, even when the value is a nested block.
            found = pair.key ?? found;
            node = pair.value;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node) && !(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && node)
                found = node;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof key === "number") {
            const item = node.items[key];
            if (!item)
                break;
            found = item;
            node = item;
        }
        else {
            break;
        }
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : counter.linePos(offset).line;
}
function describeGot(doc, path) {
    const value = doc.getIn(path);
    if (value === undefined)
        return undefined;
    const json = JSON.stringify(value);
    return json === undefined ? undefined : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
/** Parses YAML text against a schema; every problem becomes an MlopsError with file, line and field. */
function parseYaml(text, schema, file) {
    const counter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    const syntax = doc.errors[0];
    if (syntax) {
        const line = counter.linePos(syntax.pos[0]).line;
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("invalid-file", `not valid YAML: ${syntax.message.split("\n")[0]}`, {
            file,
            line,
            expected: "YAML",
        });
    }
    const data = doc.toJS({ maxAliasCount: 100 });
    const result = schema.safeParse(data === undefined || data === null ? {} : data);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    if (!issue)
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("invalid-file", "does not match its schema", { file });
    const resolved = resolveIssue(issue, schema, [], data);
    const path = resolved.path;
    const present = doc.hasIn(path);
    const got = resolved.got ?? (resolved.unknownKey || !present ? undefined : describeGot(doc, path));
    let message = resolved.message;
    // zod's "expected number, received string" says less than the value itself, which failWith appends.
    if (got !== undefined)
        message = message.replace(/^(Invalid input: )?(expected [^,]+), received \w+$/, "$2");
    message = message.replace(/^Too (small|big): /, "");
    if (!present &&
        path.length > 0 &&
        (resolved.code === "invalid_type" || resolved.code === "invalid_union")) {
        const expected = message.replace(/^Invalid input: /, "").replace(/, received \w+$/, "");
        message = `missing required field (${expected})`;
    }
    return failWith(message, {
        file,
        line: lineOf(doc, counter, path) ?? 1,
        field: formatFieldPath(path),
        got,
    });
}
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);
function unwrap(schema) {
    let s = schema;
    for (let i = 0; s && i < 32; i++) {
        const def = s._zod.def;
        if (WRAPPERS.has(def.type))
            s = def.innerType;
        else if (def.type === "pipe")
            s = def.in;
        else if (def.type === "lazy" && def.getter)
            s = def.getter();
        else
            return s;
    }
    return s;
}
function childOf(schema, key) {
    const s = unwrap(schema);
    if (!s)
        return undefined;
    const def = s._zod.def;
    switch (def.type) {
        case "object":
            return typeof key === "string" ? def.shape?.[key] : undefined;
        case "record":
            return def.valueType;
        case "array":
            return typeof key === "number" ? def.element : undefined;
        case "tuple":
            return typeof key === "number" ? def.items?.[key] : undefined;
        case "union":
            for (const option of def.options ?? []) {
                const child = childOf(option, key);
                if (child)
                    return child;
            }
            return undefined;
        default:
            return undefined;
    }
}
function schemaAt(schema, path) {
    let s = schema;
    for (const key of path)
        s = childOf(s, key);
    return s;
}
function valueAt(data, path) {
    let value = data;
    for (const key of path) {
        if (value === null || typeof value !== "object")
            return undefined;
        value = value[key];
    }
    return value;
}
/** The key lists of the object schemas a value at this place may take (several for a union). */
function objectShapes(schema, depth = 0) {
    const s = unwrap(schema);
    if (!s || depth > 8)
        return [];
    const def = s._zod.def;
    if (def.type === "object")
        return [Object.keys(def.shape ?? {})];
    if (def.type === "union")
        return (def.options ?? []).flatMap((o) => objectShapes(o, depth + 1));
    return [];
}
function quoteList(values) {
    return values.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ");
}
/** A branch "made progress" when it got past the type check of the value itself. */
function branchProgress(issues) {
    return !issues.every((i) => i.path.length === 0 && i.code === "invalid_type");
}
/**
 * Turns zod's first issue into one a person can act on: unknown keys name the key and what was
 * allowed, invalid record keys carry the key's own message, and a union failure reports the branch
 * that came closest, or what any branch would have accepted.
 */
function resolveIssue(issue, schema, prefix, data) {
    const path = [...prefix, ...issue.path];
    const root = schema;
    switch (issue.code) {
        case "unrecognized_keys": {
            const key = issue.keys[0] ?? "";
            const value = valueAt(data, path);
            const present = value && typeof value === "object" ? Object.keys(value) : [];
            const shapes = objectShapes(schemaAt(root, issue.path)).filter((shape) => !issue.keys.some((k) => shape.includes(k)));
            // With several candidate shapes (a union), the one that explains most of the other keys.
            const score = (shape) => present.filter((k) => shape.includes(k)).length;
            const shape = shapes.sort((a, b) => score(b) - score(a))[0] ?? [];
            const allowed = shape.length ? ` (expected one of: ${shape.join(", ")})` : "";
            return {
                path: [...path, key],
                message: `unknown field '${key}'${allowed}`,
                code: issue.code,
                unknownKey: key,
            };
        }
        case "invalid_key": {
            const inner = issue.issues[0];
            const message = inner ? inner.message.replace(/^Invalid input: /, "") : "invalid key";
            const key = path[path.length - 1];
            return { path, message: `invalid key: ${message}`, code: issue.code, got: `'${String(key)}'` };
        }
        case "invalid_union": {
            const unionSchema = unwrap(schemaAt(root, issue.path));
            const options = unionSchema?._zod.def.type === "union" ? (unionSchema._zod.def.options ?? []) : [];
            let best;
            issue.errors.forEach((branch, index) => {
                if (!branch.length || !branchProgress(branch))
                    return;
                if (!best || branch.length < best.issues.length)
                    best = { index, issues: branch };
            });
            if (best) {
                const first = best.issues.find((i) => i.code !== "unrecognized_keys") ?? best.issues[0];
                if (first && (best.issues.length === 1 || first.path.length > 0))
                    return resolveIssue(first, options[best.index], path, data);
            }
            if (issue.message && issue.message !== "Invalid input") {
                return { path, message: issue.message, code: issue.code };
            }
            const expected = [
                ...new Set(issue.errors.flatMap((branch) => branch
                    .slice(0, 1)
                    .map((i) => i.code === "invalid_type"
                    ? `expected ${i.expected}`
                    : i.message.replace(/^Invalid input: /, "")))),
            ];
            const text = expected.length ? expected.join(" or ") : "expected a different value";
            return { path, message: text, code: issue.code };
        }
        case "invalid_value":
            return issue.message.startsWith("Invalid option")
                ? { path, message: `expected one of: ${quoteList(issue.values)}`, code: issue.code }
                : { path, message: issue.message, code: issue.code };
        default:
            return { path, message: issue.message, code: issue.code };
    }
}
function failWith(message, details) {
    const expected = message.replace(/^Invalid input: /, "");
    const got = details.got;
    const alreadySaid = got === undefined ||
        message.includes("received") ||
        (got.startsWith('"') && (message.includes(got) || message.includes(`'${got.slice(1, -1)}'`)));
    const text = alreadySaid ? expected : `${expected}, got ${got}`;
    throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("invalid-file", text, { ...details, expected });
}
async function readYamlFile(path, schema, displayPath = path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8");
    }
    catch (err) {
        const code = err.code;
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC(code === "ENOENT" ? "not-found" : "io", code === "ENOENT" ? "file not found" : String(err), {
            file: displayPath,
            cause: err,
        });
    }
    return parseYaml(text, schema, displayPath);
}
/**
 * Serialises through the schema first, so the key order is the schema's declaration order and a
 * value that would not load back is never written.
 */
function stringifyYaml(value, schema, file = "(value)") {
    const result = schema.safeParse(value);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new MlopsError("internal", `refusing to write an invalid file: ${issue?.message ?? "schema mismatch"}`, {
            file,
            field: issue ? formatFieldPath(issue.path) : undefined,
        });
    }
    return stringify(result.data, { lineWidth: 0, aliasDuplicateObjects: false });
}
async function writeYamlFile(path, schema, value) {
    await writeFileAtomic(path, stringifyYaml(value, schema, path));
}
/** The line of `path` in YAML text (its deepest existing part), for errors found after parsing. */
function lineInYaml(text, path) {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
    return lineOf(doc, counter, path);
}


/***/ })

};
