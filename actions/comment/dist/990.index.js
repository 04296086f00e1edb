export const id = 990;
export const ids = [990];
export const modules = {

/***/ 20990:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseUntrustedReport: () => (/* binding */ parseUntrustedReport)
});

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/document.js

/**
 * The report as data: built by `mlops report` (and the PR workflow's unprivileged job), uploaded as
 * an artifact, and rendered by whoever shows it. The privileged comment job treats it as untrusted
 * input from PR code, so every string and list here is bounded: a report that does not fit is
 * refused, never truncated into something else.
 */
const document_text = (max) => schemas/* string */.YjP().max(max, `expected at most ${max} characters`);
const document_name = document_text(200);
const scalar = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP().max(500), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
const sha = schemas/* string */.YjP().regex(/^[0-9a-f]{7,64}(\.dir)?$/, "expected a hex hash");
const metricRow = schemas/* strictObject */.rej({
    file: document_name,
    metric: document_name,
    head: scalar,
    base: scalar.optional(),
    /** What the stages' models score, evaluated on the same data as the candidate when a model card says so. */
    staging: schemas/* number */.aig().nullable().optional(),
    prod: schemas/* number */.aig().nullable().optional(),
    direction: schemas/* enum */.k5n(["higher", "lower"]).nullable().optional(),
});
const gateRow = schemas/* strictObject */.rej({
    model: document_name,
    stage: document_name,
    gate: document_text(300),
    passed: schemas/* boolean */.zMY(),
    detail: document_text(1000),
});
const paramRow = schemas/* strictObject */.rej({
    file: document_name,
    key: document_name,
    base: scalar.optional(),
    head: scalar.optional(),
});
const dataRow = schemas/* strictObject */.rej({
    dataset: document_name,
    path: document_name,
    base: sha.nullable(),
    head: sha.nullable(),
    base_size: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    head_size: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    base_rows: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    head_rows: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    /** Why a figure is missing: new data, base data not fetchable, no schema for a drift test. */
    note: document_text(300).optional(),
});
const driftColumn = schemas/* strictObject */.rej({
    column: document_name,
    method: schemas/* enum */.k5n(["ks", "psi", "chi2"]),
    statistic: schemas/* number */.aig(),
    threshold: schemas/* number */.aig(),
    pvalue: schemas/* number */.aig().nullable(),
    drifted: schemas/* boolean */.zMY(),
});
/** The head's data against the base's, for each dataset the change touched that has a schema. */
const driftSection = schemas/* strictObject */.rej({
    dataset: document_name,
    reference: document_name,
    drifted: schemas/* boolean */.zMY(),
    alpha: schemas/* number */.aig(),
    columns: schemas/* array */.YOg(driftColumn).max(100, "expected at most 100 columns per dataset"),
});
const validationRow = schemas/* strictObject */.rej({
    pipeline: document_name,
    file: document_name,
    dataset: document_name,
    ok: schemas/* boolean */.zMY(),
    rows: schemas/* number */.aig().int().nonnegative().nullable(),
    errors: schemas/* number */.aig().int().nonnegative(),
    warnings: schemas/* number */.aig().int().nonnegative(),
    findings: schemas/* array */.YOg(schemas/* strictObject */.rej({
        severity: schemas/* enum */.k5n(["error", "warn"]),
        check: document_name,
        column: document_name.nullable(),
        message: document_text(1000),
    }))
        .max(50, "expected at most 50 findings per dataset"),
});
const confusion = schemas/* strictObject */.rej({
    file: document_name,
    labels: schemas/* array */.YOg(document_name).max(100, "expected at most 100 classes"),
    matrix: schemas/* array */.YOg(schemas/* array */.YOg(schemas/* number */.aig().int().nonnegative()).max(100)).max(100),
});
const residuals = schemas/* strictObject */.rej({
    file: document_name,
    count: schemas/* number */.aig().int().nonnegative(),
    mean: schemas/* number */.aig(),
    /** Histogram of residuals: `edges` has one more entry than `counts`. */
    edges: schemas/* array */.YOg(schemas/* number */.aig()).max(101),
    counts: schemas/* array */.YOg(schemas/* number */.aig().int().nonnegative()).max(100),
});
/** The most points a curve keeps in the report; curves are thinned to this, keeping both ends. */
const maxCurvePoints = 100;
/** The most (actual, predicted) rows a regression series keeps, evenly spaced over the data. */
const maxScatterPoints = 300;
const pair = schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig()]);
/** One class's curves, one-vs-rest, for one model. */
const classCurves = schemas/* strictObject */.rej({
    class: document_name,
    /** [false positive rate, true positive rate], from (0, 0) to (1, 1); empty when the class has one side only. */
    roc: schemas/* array */.YOg(pair).max(maxCurvePoints),
    /** [recall, precision], from (0, 1) to recall 1; empty when the class has no positives. */
    precision_recall: schemas/* array */.YOg(pair).max(maxCurvePoints),
    /** [mean predicted probability, fraction positive, rows] per non-empty bin, ascending. */
    calibration: schemas/* array */.YOg(schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig(), schemas/* number */.aig().int().nonnegative()])).max(100),
});
/** One model's curves on the shared data: "this PR", "base", "staging v1.2.0", … */
const curveSeries = schemas/* strictObject */.rej({
    label: document_name,
    classes: schemas/* array */.YOg(classCurves).max(20).optional(),
    /** Regression: [actual, predicted] rows; residuals are actual − predicted of the same rows. */
    points: schemas/* array */.YOg(pair).max(maxScatterPoints).optional(),
});
/** Curves of every model a pipeline's model card compares, all evaluated on the card's evaluation data. */
const curveSet = schemas/* strictObject */.rej({
    model: document_name,
    task: schemas/* enum */.k5n(["classification", "regression"]),
    data: document_name,
    rows: schemas/* number */.aig().int().nonnegative(),
    series: schemas/* array */.YOg(curveSeries).max(6),
    /** Why a model has no series (not in the store, failed to evaluate). */
    notes: schemas/* array */.YOg(document_text(300)).max(10),
});
/** One point of a declared sweep: the values of the swept keys (in `keys` order) and its metric. */
const sweepPoint = schemas/* strictObject */.rej({
    name: document_name,
    values: schemas/* array */.YOg(scalar).max(20),
    /** The sweep's metric for this point; null when the point has none (no such metric, not a number). */
    metric: schemas/* number */.aig().nullable(),
});
/**
 * The sweep a pipeline declares, as this run ran it. The best point is not stored: whoever renders
 * it picks it from the numbers and the direction, so an artifact cannot claim a best it lacks.
 */
const sweepSection = schemas/* strictObject */.rej({
    /** pipeline.yaml, where the sweep is declared. */
    file: document_name,
    keys: schemas/* array */.YOg(document_name).max(20),
    metric: document_name.nullable(),
    direction: schemas/* enum */.k5n(["higher", "lower"]).nullable(),
    /** Points the sweep declares; fewer in `points` means some failed (the job log says why). */
    declared: schemas/* number */.aig().int().nonnegative().max(1000),
    points: schemas/* array */.YOg(sweepPoint).max(100),
});
const pipelineSection = schemas/* strictObject */.rej({
    pipeline: document_name,
    metrics: schemas/* array */.YOg(metricRow).max(500),
    params: schemas/* array */.YOg(paramRow).max(500),
    gates: schemas/* array */.YOg(gateRow).max(200),
    validation: schemas/* array */.YOg(validationRow).max(50),
    confusion: schemas/* array */.YOg(confusion).max(10),
    residuals: schemas/* array */.YOg(residuals).max(10),
    /** Absent in reports made before curves were drawn. */
    curves: schemas/* array */.YOg(curveSet).max(10).optional(),
    /** Absent when the pipeline declares no sweep (and in reports made before sweeps ran in PRs). */
    sweep: sweepSection.optional(),
});
const reportDocument = schemas/* strictObject */.rej({
    schema: schemas/* literal */.euz("mlops-report/1", { error: "expected schema 'mlops-report/1'" }),
    head: schemas/* strictObject */.rej({ ref: document_name, sha: sha.nullable() }),
    base: schemas/* strictObject */.rej({ ref: document_name, sha: sha.nullable() }),
    data: schemas/* array */.YOg(dataRow).max(200),
    drift: schemas/* array */.YOg(driftSection).max(50).default([]),
    pipelines: schemas/* array */.YOg(pipelineSection).max(50),
});
/** The largest report artifact the comment job accepts, in bytes. */
const maxReportBytes = 1_000_000;

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/untrusted.js


/**
 * A report document from an artifact that PR code produced: refused unless it is small enough,
 * valid JSON and valid against the schema (every string and list bounded). Nothing from it is
 * rendered except through the escaping renderers.
 */
function parseUntrustedReport(bytes, source) {
    if (bytes.byteLength > maxReportBytes) {
        throw new errors/* MlopsError */.IC("invalid-file", `the report is ${bytes.byteLength} bytes, more than the ${maxReportBytes} accepted`, {
            file: source,
        });
    }
    let value;
    try {
        value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `the report is not valid UTF-8 JSON: ${err.message}`, {
            file: source,
        });
    }
    const parsed = reportDocument.safeParse(value);
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
        throw new errors/* MlopsError */.IC("invalid-file", `the report does not match mlops-report/1: ${issues.join("; ")}`, {
            file: source,
            field: parsed.error.issues[0]?.path.join("."),
        });
    }
    return parsed.data;
}


/***/ })

};
