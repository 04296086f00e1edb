export const id = 167;
export const ids = [167,264];
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


/***/ })

};
