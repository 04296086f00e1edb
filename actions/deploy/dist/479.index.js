export const id = 479;
export const ids = [479,333];
export const modules = {

/***/ 45479:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  classificationCurves: () => (/* reexport */ classificationCurves),
  evaluateLoaded: () => (/* reexport */ evaluateLoaded),
  evaluateModel: () => (/* reexport */ evaluateModel),
  openModel: () => (/* reexport */ openModel),
  regressionPlots: () => (/* reexport */ regressionPlots)
});

// UNUSED EXPORTS: argmaxRows, calibrationCurve, classificationMetrics, classificationPlots, loadOrt, precisionRecallCurve, prepareFeeds, probabilityColumn, regressionMetrics, requireClassIndices, requireFinite, requireProbabilityRows, requireRows, rocAuc, rocCurve, signatureOf, thinCurve

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/onnx/builder.js
var builder = __webpack_require__(81996);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/table/index.js + 1 modules
var src_table = __webpack_require__(50333);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/evaluate/metrics.js
/**
 * Evaluation metrics as pure functions of arrays, with scikit-learn's definitions so a figure here
 * can be checked against `sklearn.metrics`. Nothing is rounded: callers round for display.
 */

/** scikit-learn's long-standing `log_loss` clip (newer releases clip at the dtype's epsilon instead). */
const LOG_LOSS_EPS = 1e-15;
/** Throws unless `got` (the length of `field`) equals `expected` (the row count) and there is a row. */
function requireRows(what, expected, got, field) {
    if (got !== expected) {
        throw new errors/* MlopsError */.IC("usage", `${what}: expected ${expected} ${field}, one per row, got ${got}`, {
            field,
            expected: String(expected),
            got: String(got),
        });
    }
    if (expected === 0) {
        throw new errors/* MlopsError */.IC("usage", `${what}: expected at least one row, got none`, {
            expected: "at least one row",
            got: "0",
        });
    }
}
/** Throws at the first NaN or ±Infinity, naming the row: one bad prediction would otherwise poison every figure. */
function requireFinite(what, values, field, width = 1) {
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isFinite(v)) {
            const where = width === 1 ? `row ${i}` : `row ${Math.floor(i / width)}, column ${i % width}`;
            throw new errors/* MlopsError */.IC("usage", `${what}: expected finite ${field}, got ${v} at ${where}`, {
                field,
                expected: "a finite number",
                got: String(v),
            });
        }
    }
}
/** Throws unless every entry is an integer class index in 0..k−1. */
function requireClassIndices(what, values, k, field) {
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isInteger(v) || v < 0 || v >= k) {
            throw new errors/* MlopsError */.IC("usage", `${what}: expected ${field} to be a class index 0..${k - 1}, got ${v} at row ${i}`, {
                field,
                expected: `an integer in 0..${k - 1}`,
                got: String(v),
            });
        }
    }
}
/** Throws unless `proba` holds n rows of k values and there are at least two classes. */
function requireProbabilityRows(what, n, proba, k) {
    if (k < 2) {
        throw new errors/* MlopsError */.IC("usage", `${what}: expected at least 2 classes, got ${k}`, {
            field: "classes",
            expected: "at least 2 classes",
            got: String(k),
        });
    }
    if (n === 0)
        requireRows(what, 0, 0, "actual values");
    if (proba.length !== n * k) {
        const rows = proba.length / k;
        const got = Number.isInteger(rows)
            ? `${rows} rows`
            : `${proba.length} values, not a whole number of rows`;
        throw new errors/* MlopsError */.IC("usage", `${what}: expected ${n} rows of ${k} probabilities (${n * k} values, row-major), got ${got}`, { field: "proba", expected: `${n * k} values`, got: String(proba.length) });
    }
    requireFinite(what, proba, "probabilities", k);
}
function regressionMetrics(actual, predicted) {
    const what = "regression metrics";
    requireRows(what, actual.length, predicted.length, "predictions");
    requireFinite(what, actual, "actual values");
    requireFinite(what, predicted, "predictions");
    const n = actual.length;
    let mean = 0;
    for (let i = 0; i < n; i++)
        mean += actual[i];
    mean /= n;
    let sse = 0;
    let sae = 0;
    let sst = 0;
    let ape = 0;
    let apeRows = 0;
    for (let i = 0; i < n; i++) {
        const a = actual[i];
        const e = a - predicted[i];
        sse += e * e;
        sae += Math.abs(e);
        // Two passes (mean first) so SS_tot does not lose precision to cancellation on large targets.
        sst += (a - mean) ** 2;
        if (a !== 0) {
            ape += Math.abs(e) / Math.abs(a);
            apeRows++;
        }
    }
    const r2 = sst === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / sst;
    return { n, rmse: Math.sqrt(sse / n), mae: sae / n, r2, mape: apeRows > 0 ? ape / apeRows : Number.NaN };
}
/**
 * Area under the ROC curve as the Mann–Whitney statistic: the chance that a random positive scores
 * above a random negative, a tie counting one half (each tied group gets its average rank). Null when
 * there are no positives or no negatives, where the area is undefined.
 */
function rocAuc(scores, positive) {
    const what = "ROC AUC";
    requireRows(what, scores.length, positive.length, "labels");
    requireFinite(what, scores, "scores");
    const n = scores.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
    let positives = 0;
    let rankSum = 0;
    for (let start = 0; start < n;) {
        const score = scores[order[start]];
        let end = start;
        while (end + 1 < n && scores[order[end + 1]] === score)
            end++;
        // Ranks are 1-based; the group start..end shares the mean of ranks start+1..end+1.
        const averageRank = (start + end) / 2 + 1;
        for (let j = start; j <= end; j++) {
            if (positive[order[j]]) {
                positives++;
                rankSum += averageRank;
            }
        }
        start = end + 1;
    }
    const negatives = n - positives;
    if (positives === 0 || negatives === 0)
        return null;
    return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
/** Index of the largest value in each row of k; the first column wins a tie, as numpy's argmax. */
function argmaxRows(proba, k) {
    const n = Math.floor(proba.length / k);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < k; c++)
            if (proba[i * k + c] > proba[i * k + best])
                best = c;
        out[i] = best;
    }
    return out;
}
/** Column c of a row-major n × k matrix. */
function probabilityColumn(proba, k, c) {
    const n = Math.floor(proba.length / k);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = proba[i * k + c];
    return out;
}
/**
 * `actual` and `predicted` hold a class index per row (positions in `classes`); `proba` is n × k
 * row-major with columns in `classes` order. `predicted` defaults to the argmax of each row; pass the
 * model's own labels when it has them, since a model may threshold differently from argmax.
 */
function classificationMetrics(actual, proba, classes, predicted) {
    const what = "classification metrics";
    const k = classes.length;
    const n = actual.length;
    requireProbabilityRows(what, n, proba, k);
    requireClassIndices(what, actual, k, "actual");
    const pred = predicted ?? argmaxRows(proba, k);
    if (predicted !== undefined) {
        requireRows(what, n, predicted.length, "predicted labels");
        requireClassIndices(what, predicted, k, "predicted");
    }
    const matrix = classes.map(() => new Array(k).fill(0));
    let correct = 0;
    let logLoss = 0;
    for (let i = 0; i < n; i++) {
        const a = actual[i];
        const p = pred[i];
        const row = matrix[a];
        row[p] = row[p] + 1;
        if (a === p)
            correct++;
        const q = Math.min(Math.max(proba[i * k + a], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
        logLoss -= Math.log(q);
    }
    const perClass = {};
    let f1Sum = 0;
    const aucs = [];
    classes.forEach((name, c) => {
        const tp = matrix[c][c];
        const support = matrix[c].reduce((s, v) => s + v, 0);
        const predictedCount = matrix.reduce((s, row) => s + row[c], 0);
        // scikit-learn's zero_division=0: a ratio with an empty denominator counts as 0.
        const precision = predictedCount > 0 ? tp / predictedCount : 0;
        const recall = support > 0 ? tp / support : 0;
        const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
        const positive = Array.from({ length: n }, (_, i) => actual[i] === c);
        const auc = rocAuc(probabilityColumn(proba, k, c), positive);
        if (auc !== null)
            aucs.push(auc);
        perClass[name] = { precision, recall, f1, support, roc_auc: auc };
        f1Sum += f1;
    });
    return {
        n,
        accuracy: correct / n,
        macro_f1: f1Sum / k,
        log_loss: logLoss / n,
        roc_auc_ovr: aucs.length > 0 ? aucs.reduce((s, v) => s + v, 0) / aucs.length : null,
        per_class: perClass,
        confusion_matrix: { labels: [...classes], matrix },
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/evaluate/plots.js
/** Plot data as JSON series: what the report draws, small enough to commit and to diff. */


function requireCount(what, name, value, min) {
    if (value === undefined)
        return;
    if (!Number.isInteger(value) || value < min) {
        throw new errors/* MlopsError */.IC("usage", `${what}: expected ${name} to be an integer >= ${min}, got ${value}`, {
            field: name,
            expected: `an integer >= ${min}`,
            got: String(value),
        });
    }
}
/** Evenly spaced row indices, never random, so the same data gives the same plot file. */
function sampleIndices(n, maxPoints) {
    if (maxPoints === undefined || n <= maxPoints)
        return Array.from({ length: n }, (_, i) => i);
    return Array.from({ length: maxPoints }, (_, j) => Math.floor((j * n) / maxPoints));
}
/** With `maxPoints` and more rows than that, keeps evenly spaced rows (the same rows in both series). */
function regressionPlots(actual, predicted, options = {}) {
    const what = "regression plots";
    requireRows(what, actual.length, predicted.length, "predictions");
    requireCount(what, "maxPoints", options.maxPoints, 1);
    const rows = sampleIndices(actual.length, options.maxPoints);
    return {
        predicted_vs_actual: rows.map((i) => ({
            actual: actual[i],
            predicted: predicted[i],
        })),
        residuals: rows.map((i) => ({
            predicted: predicted[i],
            residual: actual[i] - predicted[i],
        })),
    };
}
/**
 * scikit-learn's `roc_curve(drop_intermediate=False)`: one point per distinct score, highest first,
 * from (0, 0) to (1, 1). Rows that tie move together, so a tie is a diagonal step.
 */
function rocCurve(scores, positive) {
    const n = scores.length;
    let positives = 0;
    for (let i = 0; i < n; i++)
        if (positive[i])
            positives++;
    const negatives = n - positives;
    if (positives === 0 || negatives === 0)
        return [];
    const order = byScoreDescending(scores);
    const points = [{ fpr: 0, tpr: 0, threshold: null }];
    let tp = 0;
    let fp = 0;
    for (let j = 0; j < n; j++) {
        const i = order[j];
        if (positive[i])
            tp++;
        else
            fp++;
        const next = order[j + 1];
        if (next === undefined || scores[next] !== scores[i]) {
            points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: scores[i] });
        }
    }
    return points;
}
/** At most `maxPoints` points, evenly spaced along the curve, always keeping the first and the last. */
function thinCurve(curve, maxPoints) {
    if (maxPoints === undefined || curve.length <= maxPoints)
        return curve;
    const last = curve.length - 1;
    const kept = new Set();
    for (let j = 0; j < maxPoints; j++)
        kept.add(Math.round((j * last) / (maxPoints - 1)));
    return [...kept].map((i) => curve[i]);
}
/**
 * Bin of probability `s` among `bins` equal-width bins. A value exactly on an interior edge goes to the
 * lower bin and the edges are `j * (1 / bins)`, as scikit-learn's `calibration_curve` (numpy's
 * `linspace` then `searchsorted`), so 0.3 with 10 bins lands in bin 2 as it does there.
 */
function binOf(s, bins) {
    const width = 1 / bins;
    let b = Math.min(bins - 1, Math.max(0, Math.ceil(s * bins) - 1));
    while (b > 0 && !(b * width < s))
        b--;
    while (b < bins - 1 && (b + 1) * width < s)
        b++;
    return b;
}
/** Row indices ordered by score, highest first; a comparison, not a subtraction, so extreme scores cannot overflow. */
function byScoreDescending(scores) {
    return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => {
        const x = scores[a];
        const y = scores[b];
        return x > y ? -1 : x < y ? 1 : 0;
    });
}
/**
 * scikit-learn's `precision_recall_curve` (drop_intermediate=False), read from its end: the
 * (recall 0, precision 1) point that calls nothing positive, then one point per distinct score,
 * highest first. Precision counts as 0 where nothing is called positive (it never is here, since each
 * point calls at least one row). Empty when there are no positives, where recall is undefined.
 */
function precisionRecallCurve(scores, positive) {
    const n = scores.length;
    let positives = 0;
    for (let i = 0; i < n; i++)
        if (positive[i])
            positives++;
    if (positives === 0)
        return [];
    const order = byScoreDescending(scores);
    const points = [{ recall: 0, precision: 1, threshold: null }];
    let tp = 0;
    let called = 0;
    for (let j = 0; j < n; j++) {
        const i = order[j];
        if (positive[i])
            tp++;
        called++;
        const next = order[j + 1];
        if (next === undefined || scores[next] !== scores[i]) {
            points.push({ recall: tp / positives, precision: tp / called, threshold: scores[i] });
        }
    }
    return points;
}
/**
 * scikit-learn's `calibration_curve(strategy="uniform")` for one class: `bins` equal-width bins over
 * [0, 1], in ascending order, empty bins omitted. Scores must lie in [0, 1].
 */
function calibrationCurve(scores, positive, bins = 10) {
    const sums = new Float64Array(bins);
    const hits = new Float64Array(bins);
    const counts = new Float64Array(bins);
    for (let i = 0; i < scores.length; i++) {
        const s = scores[i];
        const b = binOf(s, bins);
        sums[b] = sums[b] + s;
        hits[b] = hits[b] + (positive[i] ? 1 : 0);
        counts[b] = counts[b] + 1;
    }
    const table = [];
    for (let b = 0; b < bins; b++) {
        const count = counts[b];
        if (count === 0)
            continue;
        table.push({
            mean_predicted: sums[b] / count,
            fraction_positive: hits[b] / count,
            count,
        });
    }
    return table;
}
/**
 * ROC curves and calibration tables, one-vs-rest for each class. `actual` holds class indices,
 * `proba` is n × k row-major in `classes` order. `bins` (default 10) sets the calibration bins;
 * `maxPoints` caps the points of each ROC curve.
 */
function classificationPlots(actual, proba, classes, options = {}) {
    const what = "classification plots";
    const k = classes.length;
    const n = actual.length;
    requireProbabilityRows(what, n, proba, k);
    requireClassIndices(what, actual, k, "actual");
    requireCount(what, "bins", options.bins, 1);
    requireCount(what, "maxPoints", options.maxPoints, 2);
    for (let i = 0; i < proba.length; i++) {
        const v = proba[i];
        if (v < 0 || v > 1) {
            throw new errors/* MlopsError */.IC("usage", `${what}: expected probabilities in [0, 1], got ${v} at row ${Math.floor(i / k)}, column ${i % k}`, { field: "proba", expected: "a number in [0, 1]", got: String(v) });
        }
    }
    const bins = options.bins ?? 10;
    const roc = {};
    const calibration = {};
    classes.forEach((name, c) => {
        const scores = probabilityColumn(proba, k, c);
        const positive = Array.from({ length: n }, (_, i) => actual[i] === c);
        roc[name] = thinCurve(rocCurve(scores, positive), options.maxPoints);
        calibration[name] = calibrationCurve(scores, positive, bins);
    });
    return { roc, calibration };
}
/**
 * ROC, precision-recall and calibration curves one-vs-rest for each class, with the inputs
 * `classificationPlots` takes: what the report overlays for several models on the same rows.
 */
function classificationCurves(actual, proba, classes, options = {}) {
    const plots = classificationPlots(actual, proba, classes, options);
    const k = classes.length;
    const out = {};
    classes.forEach((name, c) => {
        const scores = probabilityColumn(proba, k, c);
        const positive = Array.from({ length: actual.length }, (_, i) => actual[i] === c);
        out[name] = {
            roc: plots.roc[name] ?? [],
            precision_recall: thinCurve(precisionRecallCurve(scores, positive), options.maxPoints),
            calibration: plots.calibration[name] ?? [],
        };
    });
    return out;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/evaluate/evaluate.js







let ortModule;
/** onnxruntime is loaded on first use: verbs that never evaluate do not pay for the native library. */
function loadOrt() {
    // webpackIgnore: bundled actions load the native package from the repo's node_modules, on first use.
    ortModule ??= import(/* webpackIgnore: true */ "onnxruntime-node");
    return ortModule;
}
function signatureOf(session, metadata) {
    const describe = (m) => m.isTensor
        ? { name: m.name, type: m.type, shape: [...m.shape] }
        : { name: m.name, type: "non-tensor", shape: [] };
    return {
        inputs: session.inputMetadata.map(describe),
        outputs: session.outputMetadata.map(describe),
        metadata,
    };
}
function describeInput(s) {
    return `${s.name} (${s.type} [${s.shape.join(", ")}])`;
}
function columnFeed(table, input, nullString, label) {
    const type = input.type;
    const rank = input.shape.length;
    if (type === "string") {
        const data = table.rows.map((r) => {
            const v = r[input.name];
            return v === null || v === undefined ? nullString : String(v);
        });
        return { name: input.name, type: "string", width: 1, rank, data };
    }
    if (type !== "float32" && type !== "float64" && type !== "int64") {
        throw new errors/* MlopsError */.IC("invalid-file", `model input ${describeInput(input)} has a type this evaluator cannot feed`, {
            file: label,
            expected: "float, double, int64 or string inputs",
        });
    }
    const values = (0,src_table.numericColumn)(table, input.name);
    const data = type === "float32"
        ? Float32Array.from(values)
        : type === "float64"
            ? values
            : BigInt64Array.from(values, (v) => BigInt(Number.isNaN(v) ? 0 : Math.round(v)));
    return { name: input.name, type, width: 1, rank, data };
}
/** Matches every model input to the data: a column of the same name, or one matrix of feature columns. */
function buildFeeds(table, signature, options, label) {
    const nullString = signature.metadata["mlops.null_string"] ?? "";
    const missing = signature.inputs.filter((i) => !table.columns.includes(i.name));
    if (missing.length === 0)
        return signature.inputs.map((i) => columnFeed(table, i, nullString, label));
    const only = signature.inputs[0];
    const declared = options.features ?? (0,builder/* metadataList */.Kw)(signature.metadata, "mlops.feature_columns");
    if (signature.inputs.length === 1 && only && only.shape.length === 2 && declared) {
        const width = declared.length;
        const fixed = only.shape[1];
        if (typeof fixed === "number" && fixed !== width) {
            throw new errors/* MlopsError */.IC("invalid-file", `model input ${describeInput(only)} takes ${fixed} features, got ${width}`, {
                file: label,
                expected: `${fixed} feature columns`,
                got: declared.join(", "),
            });
        }
        if (only.type !== "float32" && only.type !== "float64") {
            throw new errors/* MlopsError */.IC("invalid-file", `model input ${describeInput(only)} is not a numeric matrix`, {
                file: label,
            });
        }
        const n = table.rows.length;
        const data = only.type === "float32" ? new Float32Array(n * width) : new Float64Array(n * width);
        declared.forEach((column, j) => {
            const values = (0,src_table.numericColumn)(table, column);
            for (let i = 0; i < n; i++)
                data[i * width + j] = values[i];
        });
        return [{ name: only.name, type: only.type, width, rank: 2, data }];
    }
    const first = missing[0];
    throw new errors/* MlopsError */.IC("invalid-file", `the data has no column for model input ${describeInput(first)}`, {
        file: table.file,
        expected: `columns named like the model's inputs: ${signature.inputs.map((i) => i.name).join(", ")}`,
        got: `columns ${table.columns.join(", ")}`,
        hint: signature.inputs.length === 1
            ? "for a model with one matrix input, pass the feature columns in order with --features"
            : "rename the columns in the data, or export the model with inputs named after them",
    });
}
function sliceFeed(ort, feed, start, end) {
    const rows = end - start;
    const shape = feed.rank === 1 ? [rows] : [rows, feed.width];
    // Typed columns are viewed, not copied; strings have no view.
    const data = (Array.isArray(feed.data)
        ? feed.data.slice(start * feed.width, end * feed.width)
        : feed.data.subarray(start * feed.width, end * feed.width));
    return new ort.Tensor(feed.type, data, shape);
}
function pickOutputs(signature) {
    const outs = signature.outputs.filter((o) => o.type !== "non-tensor");
    const probabilities = outs.find((o) => /prob/i.test(o.name) && o.shape.length === 2) ??
        outs.find((o) => o.type.startsWith("float") &&
            o.shape.length === 2 &&
            typeof o.shape[1] === "number" &&
            o.shape[1] > 1);
    const label = outs.find((o) => /label/i.test(o.name) && o !== probabilities);
    const scores = outs.find((o) => o !== probabilities && o !== label && o.type.startsWith("float"));
    return { scores: scores?.name, probabilities: probabilities?.name, label: label?.name };
}
async function openModel(modelPath, label = modelPath) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(modelPath);
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", "model file not found", { file: label });
    }
    let metadata;
    try {
        metadata = (0,builder/* readModelInfo */.c_)(bytes).metadata;
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", "not an ONNX model", { file: label, cause: err });
    }
    const ort = await loadOrt();
    let session;
    try {
        session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: "all" });
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `onnxruntime cannot load the model: ${err.message.split("\n")[0]}`, {
            file: label,
        });
    }
    return { label, bytes, metadata, session, signature: signatureOf(session, metadata) };
}
/** The model's inputs as columns of the table: the data preparation part of an evaluation. */
function prepareFeeds(model, table, options = {}) {
    return buildFeeds(table, model.signature, options, model.label);
}
/**
 * Evaluates any ONNX model on a table: runs it in batches with onnxruntime, then computes the task's
 * metrics, plot series and latency per row. The model's inputs are matched to columns by name.
 */
async function evaluateModel(modelPath, table, options = {}) {
    const model = await openModel(modelPath, options.modelLabel ?? modelPath);
    try {
        return await evaluateLoaded(model, table, options);
    }
    finally {
        await model.session.release();
    }
}
/** `evaluateModel` on a model already loaded, optionally with its feeds already prepared. */
async function evaluateLoaded(model, table, options = {}, prepared) {
    const { label, bytes, metadata, session } = model;
    const ort = await loadOrt();
    const signature = model.signature;
    const outputs = pickOutputs(signature);
    const task = options.task ??
        metadata["mlops.task"] ??
        (outputs.probabilities ? "classification" : "regression");
    const target = options.target ?? metadata["mlops.target"];
    if (!target) {
        throw new errors/* MlopsError */.IC("usage", "which column is the target?", {
            file: label,
            hint: "pass --target COLUMN (the model records none in its metadata)",
        });
    }
    if (!table.columns.includes(target)) {
        throw new errors/* MlopsError */.IC("invalid-file", `the data has no target column '${target}'`, {
            file: table.file,
            expected: `one of: ${table.columns.join(", ")}`,
        });
    }
    const feeds = prepared ?? buildFeeds(table, signature, options, label);
    const n = table.rows.length;
    const batchSize = Math.max(1, options.batchSize ?? 1024);
    const wanted = task === "regression"
        ? [outputs.scores ?? outputs.probabilities]
        : [outputs.probabilities, outputs.label];
    const fetch = wanted.filter((w) => w !== undefined);
    if (task === "classification" && !outputs.probabilities) {
        throw new errors/* MlopsError */.IC("invalid-file", "a classification model needs a probabilities output [N, K]", {
            file: label,
            got: signature.outputs.map(describeInput).join(", "),
        });
    }
    if (fetch.length === 0) {
        throw new errors/* MlopsError */.IC("invalid-file", "the model has no numeric output to evaluate", { file: label });
    }
    const collected = {};
    let runMs = 0;
    let batches = 0;
    for (let start = 0; start < n; start += batchSize) {
        const end = Math.min(n, start + batchSize);
        const input = {};
        for (const feed of feeds)
            input[feed.name] = sliceFeed(ort, feed, start, end);
        const t0 = performance.now();
        let result;
        try {
            result = await session.run(input, fetch);
        }
        catch (err) {
            throw new errors/* MlopsError */.IC("invalid-file", `the model failed on rows ${start}–${end - 1}: ${err.message.split("\n")[0]}`, {
                file: label,
            });
        }
        runMs += performance.now() - t0;
        batches++;
        for (const name of fetch) {
            const tensor = result[name];
            const width = tensor.dims.length >= 2 ? Number(tensor.dims[tensor.dims.length - 1]) : 1;
            collected[name] ??= [];
            collected[name].push({ data: tensor.data, width });
        }
    }
    /** One output's batches joined: numbers into a Float64Array, anything else (labels) into an array. */
    const flatten = (name) => {
        const parts = collected[name] ?? [];
        const total = parts.reduce((sum, part) => sum + part.data.length, 0);
        const numeric = parts.every((part) => ArrayBuffer.isView(part.data) && !(part.data instanceof BigInt64Array));
        if (numeric) {
            const values = new Float64Array(total);
            let offset = 0;
            for (const part of parts) {
                values.set(part.data, offset);
                offset += part.data.length;
            }
            return { values, width: parts[0]?.width ?? 1 };
        }
        const values = [];
        for (const part of parts)
            for (let i = 0; i < part.data.length; i++)
                values.push(part.data[i]);
        return { values, width: parts[0]?.width ?? 1 };
    };
    const base = {
        task,
        target,
        model: { file: label, sha256: (0,store.hashBytes)(bytes), size_bytes: bytes.byteLength, signature },
        latency: {
            batch_size: batchSize,
            batches,
            ms_per_row: n > 0 ? runMs / n : 0,
            rows_per_second: runMs > 0 ? (n * 1000) / runMs : 0,
        },
    };
    const maxPoints = options.maxPlotPoints ?? 1000;
    if (task === "regression") {
        const { values, width } = flatten(fetch[0]);
        const predicted = new Float64Array(n);
        for (let i = 0; i < n; i++)
            predicted[i] = Number(values[i * width]);
        const actualAll = (0,src_table.numericColumn)(table, target);
        const actual = new Float64Array(n);
        const kept = new Float64Array(n);
        let m = 0;
        for (let i = 0; i < n; i++) {
            const a = actualAll[i];
            if (Number.isNaN(a))
                continue;
            actual[m] = a;
            kept[m] = predicted[i];
            m++;
        }
        const keep = { length: m };
        return {
            ...base,
            data: { file: table.file, rows: n, rows_with_target: keep.length },
            metrics: regressionMetrics(actual.subarray(0, m), kept.subarray(0, m)),
            plots: regressionPlots(actual.subarray(0, m), kept.subarray(0, m), { maxPoints }),
            predictions: { values: Array.from(predicted) },
        };
    }
    const probs = flatten(outputs.probabilities);
    const k = probs.width;
    const labels = outputs.label ? Array.from(flatten(outputs.label).values, String) : undefined;
    const classes = classesOf(metadata, labels, probs.values, k, label);
    const position = new Map(classes.map((c, i) => [c, i]));
    const keep = [];
    const actual = [];
    table.rows.forEach((row, i) => {
        const v = row[target];
        if (v === null || v === undefined)
            return;
        const index = position.get(String(v));
        if (index === undefined) {
            throw new errors/* MlopsError */.IC("invalid-file", `target value '${String(v)}' is not one of the model's classes`, {
                file: table.file,
                field: `[${i}].${target}`,
                expected: classes.join(", "),
            });
        }
        keep.push(i);
        actual.push(index);
    });
    const proba = new Float64Array(keep.length * k);
    keep.forEach((row, j) => {
        for (let c = 0; c < k; c++)
            proba[j * k + c] = Number(probs.values[row * k + c]);
    });
    const predicted = labels
        ? Int32Array.from(keep, (row) => position.get(labels[row]) ?? 0)
        : undefined;
    const probabilities = [];
    for (let i = 0; i < n; i++)
        probabilities.push(Array.from({ length: k }, (_, c) => Number(probs.values[i * k + c])));
    return {
        ...base,
        data: { file: table.file, rows: n, rows_with_target: keep.length },
        metrics: classificationMetrics(actual, proba, classes, predicted),
        plots: classificationPlots(actual, proba, classes, { maxPoints }),
        predictions: { classes, probabilities, labels },
    };
}
/** Class names in probability-column order: the model's metadata, else what its label output says. */
function classesOf(metadata, labels, proba, k, file) {
    const recorded = (0,builder/* metadataList */.Kw)(metadata, "mlops.classes");
    if (recorded?.length === k)
        return recorded;
    if (labels) {
        const best = argmaxRows(proba, k);
        const byColumn = new Map(labels.map((l, i) => [best[i], l]));
        if (byColumn.size === k)
            return Array.from({ length: k }, (_, c) => byColumn.get(c));
    }
    throw new errors/* MlopsError */.IC("invalid-file", "cannot tell which class each probability column is", {
        file,
        hint: "add metadata_props 'mlops.classes' (a JSON list of class names in column order) to the model",
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/evaluate/index.js





/***/ }),

/***/ 50333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  numericColumn: () => (/* reexport */ numericColumn),
  readTable: () => (/* reexport */ readTable)
});

// UNUSED EXPORTS: stringColumn

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/table/read.js



function parseCsvLine(line) {
    const cells = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                cell += ch;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === ",") {
            cells.push(cell);
            cell = "";
        }
        else
            cell += ch;
    }
    cells.push(cell);
    return cells;
}
function csvCell(text) {
    if (text === "" || text === "NA" || text === "null")
        return null;
    const n = Number(text);
    return Number.isFinite(n) && /^\s*[-+]?(\d|\.\d)/.test(text) ? n : text;
}
function fromCsv(file, text) {
    const lines = text.split(/\r?\n/).filter((l) => l !== "");
    const header = lines[0];
    if (header === undefined)
        throw new errors/* MlopsError */.IC("invalid-file", "empty CSV file", { file, expected: "a header line" });
    const columns = parseCsvLine(header);
    const rows = lines.slice(1).map((line, i) => {
        const cells = parseCsvLine(line);
        if (cells.length !== columns.length) {
            throw new errors/* MlopsError */.IC("invalid-file", `expected ${columns.length} cells, got ${cells.length}`, {
                file,
                line: i + 2,
            });
        }
        const row = {};
        columns.forEach((c, j) => {
            row[c] = csvCell(cells[j] ?? "");
        });
        return row;
    });
    return { file, columns, rows };
}
function fromRecords(file, records) {
    const columns = [];
    const seen = new Set();
    records.forEach((record, i) => {
        if (record === null || typeof record !== "object" || Array.isArray(record)) {
            throw new errors/* MlopsError */.IC("invalid-file", "expected every row to be an object of column values", {
                file,
                field: `[${i}]`,
                got: JSON.stringify(record)?.slice(0, 60),
            });
        }
        for (const key of Object.keys(record)) {
            if (!seen.has(key)) {
                seen.add(key);
                columns.push(key);
            }
        }
    });
    return { file, columns, rows: records };
}
/** Reads a JSON array of row objects, JSON lines (`.jsonl`, `.ndjson`) or CSV with a header. */
async function readTable(path, display = path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, "utf8");
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", "data file not found", { file: display });
    }
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (ext === ".csv")
        return fromCsv(display, text);
    if (ext === ".jsonl" || ext === ".ndjson") {
        const records = text
            .split("\n")
            .map((l, i) => ({ l, i }))
            .filter(({ l }) => l.trim() !== "")
            .map(({ l, i }) => {
            try {
                return JSON.parse(l);
            }
            catch {
                throw new errors/* MlopsError */.IC("invalid-file", "not valid JSON", { file: display, line: i + 1 });
            }
        });
        return fromRecords(display, records);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `not valid JSON: ${err.message}`, {
            file: display,
            expected: "a JSON array of row objects, JSON lines (.jsonl) or CSV (.csv)",
        });
    }
    if (!Array.isArray(parsed)) {
        throw new errors/* MlopsError */.IC("invalid-file", "expected a JSON array of row objects", { file: display });
    }
    return fromRecords(display, parsed);
}
/** A column as numbers, NaN for missing; anything else that is not a number is an error. */
function numericColumn(table, column) {
    if (!table.columns.includes(column)) {
        throw new errors/* MlopsError */.IC("invalid-file", `no column '${column}'`, {
            file: table.file,
            expected: `one of: ${table.columns.join(", ")}`,
        });
    }
    const rows = table.rows;
    const out = new Float64Array(rows.length);
    // A plain loop: this runs once per column per evaluation, over every row.
    for (let i = 0; i < rows.length; i++) {
        const v = rows[i][column];
        if (typeof v === "number")
            out[i] = v;
        else if (v === null || v === undefined)
            out[i] = Number.NaN;
        else if (typeof v === "boolean")
            out[i] = v ? 1 : 0;
        else {
            throw new errors/* MlopsError */.IC("invalid-file", `column '${column}' holds a non-number`, {
                file: table.file,
                field: `[${i}].${column}`,
                expected: "a number or null",
                got: JSON.stringify(v),
            });
        }
    }
    return out;
}
/** A column as strings, null for missing (numbers become their text). */
function stringColumn(table, column) {
    if (!table.columns.includes(column)) {
        throw new MlopsError("invalid-file", `no column '${column}'`, {
            file: table.file,
            expected: `one of: ${table.columns.join(", ")}`,
        });
    }
    return table.rows.map((row) => {
        const v = row[column];
        return v === null || v === undefined ? null : String(v);
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/table/index.js



/***/ })

};
