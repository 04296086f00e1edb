export const id = 411;
export const ids = [411,264];
export const modules = {

/***/ 9411:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  modelCard: () => (/* binding */ modelCard)
});

// UNUSED EXPORTS: gate, metricDecayRule, monitoringDrift, monitoringRule, registryName, regressionGate, thresholdGate, validationGate

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/deploy-settings.js
var deploy_settings = __webpack_require__(7102);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js + 1 modules
var model_version = __webpack_require__(264);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js + 1 modules
var pipeline = __webpack_require__(9226);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/model-card.js






const thresholdGate = schemas/* strictObject */.rej({
    metric: schemas/* string */.YjP().min(1, "expected a metric name"),
    op: schemas/* enum */.k5n([">=", "<=", ">", "<"], { error: "expected one of: '>=', '<=', '>', '<'" }),
    value: schemas/* number */.aig({ error: "expected a number" }),
})
    .describe("the metric compared with a fixed value");
const regressionGate = schemas/* strictObject */.rej({
    metric: schemas/* string */.YjP().min(1, "expected a metric name"),
    max_regression: schemas/* number */.aig({ error: "expected a number" })
        .nonnegative("expected a regression allowance >= 0"),
    higher_is_better: schemas/* boolean */.zMY({ error: "expected true or false" })
        .optional()
        .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
})
    .describe("the metric may be at most this much worse than the version the stage holds now, both evaluated on the model's evaluation data");
const validationGate = schemas/* strictObject */.rej({
    validation: schemas/* literal */.euz("passed", { error: "expected 'passed'" }),
})
    .describe("the data validation recorded with the version must have passed");
const gate = schemas/* union */.KCZ([thresholdGate, regressionGate, validationGate], {
    error: "expected {metric, op, value}, {metric, max_regression} or {validation: passed}",
});
/** A model or stage name GTO can read back from a tag: no dots, no trailing '-' or '_'. */
const registryName = schemas/* string */.YjP()
    .regex(/^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/, "expected lowercase letters, digits, '-' or '_', starting and ending with a letter or digit");
const bumpLevel = schemas/* enum */.k5n(["patch", "minor", "major"], { error: "expected one of: patch, minor, major" });
const cron = schemas/* string */.YjP()
    .regex(/^(@(yearly|annually|monthly|weekly|daily|hourly)|(\S+\s+){4}\S+)$/, "expected a cron expression with five fields, like '0 6 * * 1'");
/**
 * Drift of a production snapshot from the training data: every monitored column is tested as
 * `mlops drift` tests it (a column drifts when its test is significant after splitting `alpha` over
 * the columns and its statistic reaches `threshold`), and the rule fires when the share of columns
 * that drifted is above `max_drifted_share`.
 */
const monitoringDrift = driftRule
    .extend({
    max_drifted_share: schemas/* number */.aig({ error: "expected a share between 0 and 1" })
        .min(0, "expected a share between 0 and 1")
        .max(1, "expected a share between 0 and 1")
        .default(0)
        .describe("fire when more than this share of the monitored columns drifted: 0 (default) fires on any drifted column, 1 never fires (report only)"),
    columns: schemas/* array */.YOg(schemas/* string */.YjP().min(1, "expected a column name"))
        .min(1, "expected at least one column")
        .optional()
        .describe("the columns to test (default: the model's input features and its target)"),
})
    .describe("how drift is measured and how much of it fires the rule");
/** How much worse a metric may get on production data than the version's recorded figure. */
const metricDecayRule = schemas/* strictObject */.rej({
    metric: schemas/* string */.YjP().min(1, "expected a metric name, like rmse or accuracy"),
    absolute: schemas/* number */.aig({ error: "expected a number" })
        .nonnegative("expected a decay >= 0")
        .optional()
        .describe("fire when the metric is worse than the recorded one by more than this, in its own units"),
    relative: schemas/* number */.aig({ error: "expected a number" })
        .nonnegative("expected a decay >= 0")
        .optional()
        .describe("fire when the metric is worse by more than this share of the recorded one (0.1 = 10%)"),
    higher_is_better: schemas/* boolean */.zMY({ error: "expected true or false" })
        .optional()
        .describe("needed only for a metric mlops does not know (it knows rmse, mae, r2, accuracy, …)"),
})
    .refine((d) => d.absolute !== undefined || d.relative !== undefined, {
    message: "expected 'absolute', 'relative' or both",
})
    .describe("compares the metric measured on a labelled production snapshot with the one recorded in the version's manifest");
const monitoringRule = schemas/* strictObject */.rej({
    schedule: cron.optional().describe("when the monitoring workflow runs"),
    current: common/* nameSlug */.Ng
        .optional()
        .describe("the tracked dataset (data/<name>.dvc) of recent production rows monitored by default, shaped like the training data"),
    reference: pipeline/* pipelinePath */.K0
        .optional()
        .describe("the training data drift is measured against, relative to the pipeline, read at the version's commit (default: the table the stage writing the model reads)"),
    drift: monitoringDrift.prefault({}),
    max_metric_decay: metricDecayRule.optional(),
    max_age_days: schemas/* number */.aig({ error: "expected a number of days" })
        .positive("expected a number of days > 0")
        .optional()
        .describe("fire when the version was registered longer ago than this"),
});
/** `models/<name>/model.yaml`: what the model is, how it is built, and what a version must meet per stage. */
const modelCard = schemas/* strictObject */.rej({
    name: registryName.describe("the model's name; tags are `<name>@vX.Y.Z` and `<name>#<stage>#<n>`"),
    description: schemas/* string */.YjP().min(1, "expected a description").describe("what the model predicts, for people"),
    owner: schemas/* string */.YjP().min(1, "expected an owner (a GitHub user or team)").describe("who answers for it"),
    task: schemas/* enum */.k5n(["regression", "binary-classification", "multiclass-classification"], {
        error: "expected one of: regression, binary-classification, multiclass-classification",
    })
        .describe("the kind of prediction, which picks the metrics and the validation"),
    pipeline: common/* nameSlug */.Ng.describe("the pipeline under pipelines/ that builds the model"),
    output: common/* repoRelativePath */.e9.describe("the ONNX file the pipeline writes, relative to the pipeline directory"),
    metrics: common/* repoRelativePath */.e9
        .optional()
        .describe("the pipeline's metrics file for this model (relative to the pipeline), recorded with each version"),
    validation: common/* repoRelativePath */.e9
        .optional()
        .describe("the pipeline's validation result (`mlops validate --json`), recorded with each version"),
    evaluation: schemas/* strictObject */.rej({
        data: common/* repoRelativePath */.e9.describe("rows both models are evaluated on, relative to the pipeline"),
        target: schemas/* string */.YjP().min(1).optional().describe("target column (default: the model's metadata)"),
    })
        .optional()
        .describe("the current test data on which a candidate and the stage's model are compared"),
    serving: schemas/* strictObject */.rej({
        schema: common/* repoRelativePath */.e9.describe("a dataset schema (relative to the pipeline) whose columns are the model's input features: their types, which may be null, and their allowed values"),
    })
        .optional()
        .describe("how `mlops serve` and the serving image check requests; without it every input is required and non-null"),
    stages: schemas/* array */.YOg(registryName)
        .min(1, "expected at least one stage")
        .default(["dev", "staging", "prod"])
        .describe("the stage order: a version enters a stage only after it has been in the one before"),
    gates: schemas/* record */.g1P(registryName.describe("a stage: staging, prod, or any other name"), schemas/* array */.YOg(gate).describe("every gate must pass for a version to enter the stage"))
        .default({})
        .describe("per stage, the conditions a version must meet to be assigned to it"),
    version_policy: schemas/* strictObject */.rej({
        initial: model_version/* semverTag */.F7.default("v1.0.0").describe("the first version registered"),
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
    shadow: schemas/* strictObject */.rej({
        min_requests: schemas/* number */.aig({ error: "expected a number of requests" })
            .int("expected a whole number of requests")
            .positive("expected at least 1 request")
            .describe("shadowed requests, with their answer in the log, the candidate must have run on"),
        min_agreement: schemas/* number */.aig({ error: "expected a share 0–1" })
            .min(0, "expected a share 0–1")
            .max(1, "expected a share 0–1")
            .describe("share of rows on which the candidate must have agreed with prod's answer (0.95 = 95%)"),
    })
        .optional()
        .describe("a shadow period a release requires: the staging version must have run in the shadow of prod (`mlops serve NAME#prod --shadow NAME@vX.Y.Z`), summed up by `mlops report --shadow LOG --json` and given to the release flow"),
    deploy: deploy_settings/* modelDeploySettings */.CW
        .optional()
        .describe("how the model runs in Kubernetes (`mlops deploy render`): replicas, resources, server settings, the prediction log"),
    labels: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
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
