export const id = 412;
export const ids = [412];
export const modules = {

/***/ 3583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S$: () => (/* binding */ isDvcOwnFile),
/* harmony export */   UL: () => (/* binding */ dataManifest)
/* harmony export */ });
/* unused harmony exports dataSource, dataOut */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);


/** Where an imported dataset came from, so a fresh clone can always materialise it again. */
const dataSource = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        package: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .npmPackageName */ .r3,
        version: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .exactSemver */ .u6,
        path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .repoRelativePath */ .e9.describe("file or directory inside the package"),
    }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        // An object or a prefix (a directory) of S3 or an S3-compatible store; credentials come from the
        // AWS SDK's chain at fetch time and are never recorded.
        s3: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, "expected s3://BUCKET/KEY or s3://BUCKET/PREFIX/"),
        endpoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https?$/, error: "expected an http(s) endpoint URL" }).optional(),
        region: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^[a-z0-9-]{2,32}$/, "expected a region name like eu-west-1")
            .optional(),
        pathStyle: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        // data: carries a few bytes inline, for a dataset whose first state has no home yet (an empty
        // production snapshot), so a fresh clone can still materialise it.
        url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^(https?|data)$/, error: "expected an http(s) URL or a data: URL" }),
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

/**
 * A `.dvc` file DVC itself wrote (md5 hashes, no sha256). mlops leaves such files to DVC instead of
 * rejecting them, so a project can run both tools while it moves over (`mlops import dvc`).
 */
function isDvcOwnFile(text) {
    return /^\s*-?\s*md5:\s*[0-9a-f]{32}/m.test(text) && !/^\s*-?\s*sha256:/m.test(text);
}


/***/ }),

/***/ 9412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  datasetSchema: () => (/* reexport */ dataset_schema/* datasetSchema */.eS),
  modelCard: () => (/* reexport */ model_card.modelCard),
  parseYaml: () => (/* reexport */ yaml_file/* parseYaml */.hN)
});

// UNUSED EXPORTS: checkManifestFile, checkManifests, columnSpec, columnType, command, cpuMillicores, dataManifest, dataOut, dataSource, defaultSweepMaxPoints, driftMethod, driftRule, findManifests, formatFieldPath, gate, gitCommit, isDvcOwnFile, isoDateTime, jsonSchemaFor, kindForPath, lockEntry, lockStage, manifestKind, manifestKindNames, manifestKinds, maxSweepKeys, maxSweepPoints, memoryBytes, modelDeploySettings, modelVersion, nameSlug, outOptions, outPath, paramValue, paramsFile, pipeline, pipelineLock, pipelinePath, readYamlFile, regressionGate, remoteConfig, repoConfig, repoDeploySettings, repoRelativePath, semverTag, sha256Hex, stage, stageAssignment, stageOut, stageParam, stringifyYaml, sweepBlock, sweepGridSize, sweepPointCount, tensorSpec, thresholdGate, writeYamlFile

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(3583);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/dataset-schema.js
var dataset_schema = __webpack_require__(8261);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-card.js
var model_card = __webpack_require__(6167);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js + 1 modules
var model_version = __webpack_require__(264);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
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
        schema: dataset_schema/* datasetSchema */.eS,
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
        schema: repo_config/* repoConfig */.fm,
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
        if (e.dir || !(e.name.endsWith(".dvc") || e.name.endsWith(".schema.yaml")))
            continue;
        if (e.name.endsWith(".dvc") && isDvcOwnFile(await readFile(join(root, "data", e.name), "utf8")))
            continue;
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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/deploy-settings.js
var deploy_settings = __webpack_require__(7102);
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/sweep.js
var sweep = __webpack_require__(6565);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/index.js


















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
    stages: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .stageName */ .CT, lockStage).default({}),
});


/***/ }),

/***/ 7204:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fm: () => (/* binding */ repoConfig)
/* harmony export */ });
/* unused harmony exports remoteConfig, stageTarget, imagesConfig, defaultStageEnvironments */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _deploy_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7102);



const remoteConfig = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    url: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a remote URL or directory path"),
    /** Concurrent transfers for this remote. */
    jobs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(64).optional(),
    /** s3:// remotes: an S3-compatible endpoint (MinIO, Cloudflare R2, Ceph…). Never credentials. */
    endpoint: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ protocol: /^https?$/, error: "expected an http(s) endpoint URL" }).optional(),
    /** s3:// remotes: the bucket's region. */
    region: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^[a-z0-9-]{2,32}$/, "expected a region name like eu-west-1 (or auto for R2)")
        .optional(),
    /** s3:// remotes: path-style addressing (endpoint/bucket/key). */
    pathStyle: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
});
/**
 * Where a stage deploys: the GitHub environment its deployments are recorded in (so that
 * environment's protection rules, such as required reviewers, apply to the job that promotes to it)
 * and the URL people reach it at. Targets are configuration: a team whose ladder is dev → preprod →
 * prod maps `staging` to `preprod` here, without touching a workflow.
 */
const stageTarget = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    environment: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected a GitHub environment name").max(255),
    url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ error: "expected the environment's URL" }).optional(),
});
/** The serving images: where they are pushed (the model name is appended) and what they are built on. */
const imagesConfig = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    repository: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .imageRepositoryName */ .pU.optional(),
    base: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/@sha256:[0-9a-f]{64}$/, "expected a base image pinned by digest (…@sha256:<64 hex>)")
        .optional(),
});
/** `.mlops/config.yaml` (tracked) and `.mlops/config.local.yaml` (per machine, merged over it). */
const repoConfig = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    remotes: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng, remoteConfig).default({}),
    defaults: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        remote: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng.optional(),
        jobs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(64).optional(),
    })
        .default({}),
    stages: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng, stageTarget).optional(),
    images: imagesConfig.optional(),
    deploy: _deploy_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .repoDeploySettings */ .Zj.optional(),
});
/** Stage → GitHub environment when the config names none: the two names GitHub users expect. */
const defaultStageEnvironments = {
    staging: "staging",
    prod: "production",
};


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
    image_repository: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .imageRepositoryName */ .pU
        .optional()
        .describe("where the image was pushed (the model name follows): a rollback or a release names it from here"),
});


/***/ }),

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   kv: () => (/* binding */ readYamlFile)
/* harmony export */ });
/* unused harmony exports formatFieldPath, stringifyYaml, writeYamlFile, lineInYaml, parsedYaml */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9936);
/* harmony import */ var _files_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(558);




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
/** Deeper than any file the repo keeps; deep enough nesting would overflow the stack of a recursive walk. */
const maxNesting = 256;
/**
 * The line where flow brackets (`[`, `{`) or block sequence dashes on one line nest deeper than
 * `maxNesting`, or undefined. Quotes are not tracked: a bracket inside a string only makes the
 * estimate larger, and no real manifest comes near the bound.
 */
function tooDeepAt(text) {
    let depth = 0;
    let line = 1;
    let lineStart = true;
    let dashes = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
            line++;
            lineStart = true;
            dashes = 0;
            continue;
        }
        if (c === 91 || c === 123)
            depth++;
        else if ((c === 93 || c === 125) && depth > 0)
            depth--;
        if (lineStart &&
            (c === 45 || c === 63) &&
            (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9))
            dashes++;
        else if (c !== 32 && c !== 9)
            lineStart = false;
        if (depth > maxNesting || dashes > maxNesting)
            return line;
    }
    return undefined;
}
function parseYaml(text, schema, file) {
    const deep = tooDeepAt(text);
    if (deep !== undefined) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("invalid-file", `nesting deeper than ${maxNesting} levels`, {
            file,
            line: deep,
            expected: `YAML nested at most ${maxNesting} levels deep`,
        });
    }
    try {
        return parseYamlBounded(text, schema, file);
    }
    catch (err) {
        if (err instanceof _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC)
            throw err;
        // The YAML library's own guards (alias expansion) and a last-resort stack overflow: still a bad file.
        const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("invalid-file", `not a usable YAML document: ${reason}`, {
            file,
            line: 1,
            expected: "YAML without alias bombs or extreme nesting",
            cause: err,
        });
    }
}
function parseYamlBounded(text, schema, file) {
    const { doc, counter } = parsedYaml(text);
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
    // A file is checked once per command: zod's eval-compiled fast path costs more to build than the
    // one parse it would speed up.
    const result = schema.safeParse(data === undefined || data === null ? {} : data, { jitless: true });
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
    const { doc, counter } = parsedYaml(text);
    return lineOf(doc, counter, path);
}
// Loading a pipeline reads the same text as a schema'd file, as DVC-style templating and for the
// line of every stage: parsing it each time was a third of a no-op `mlops run`. The few most recent
// texts stay parsed; callers only read the documents.
const recentlyParsed = new Map();
const parsedKept = 8;
/** The YAML document of `text` with its line counter, parsed once for the loaders that share it. */
function parsedYaml(text) {
    const hit = recentlyParsed.get(text);
    if (hit)
        return hit;
    const counter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    if (recentlyParsed.size >= parsedKept) {
        const oldest = recentlyParsed.keys().next().value;
        if (oldest !== undefined)
            recentlyParsed.delete(oldest);
    }
    const entry = { doc, counter };
    recentlyParsed.set(text, entry);
    return entry;
}


/***/ })

};
