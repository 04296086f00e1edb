export const id = 68;
export const ids = [68];
export const modules = {

/***/ 4068:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  driftExact: () => (/* reexport */ drift_driftExact),
  dropTable: () => (/* reexport */ source_dropTable),
  loadSchema: () => (/* reexport */ loadSchema),
  loadTable: () => (/* reexport */ source_loadTable),
  profileTable: () => (/* reexport */ profile_profileTable)
});

// UNUSED EXPORTS: annotationLines, appendStepSummary, chi2Sf, chi2TwoSample, driftFromProfiles, driftMarkdown, driftTargets, driftText, exactKsLimit, gammaQ, ident, inferSchema, inferSchemaFor, ks2, ksAgainstSketch, ksExactPValue, ksPValue, ksStatistic, psi, query, readProfileFile, resolveTarget, runChecks, saveReferenceProfile, serializeProfile, sketchSize, validateDatasets, validateTarget, validationMarkdown, validationText

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/source.js





function source_formatOf(path, declared) {
    if (declared)
        return declared;
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (ext === ".csv" || ext === ".tsv")
        return "csv";
    if (ext === ".json" || ext === ".jsonl" || ext === ".ndjson")
        return "json";
    if (ext === ".parquet")
        return "parquet";
    if (ext === ".arrow" || ext === ".feather" || ext === ".ipc")
        return "arrow";
    throw new errors/* MlopsError */.IC("usage", `cannot tell the format of ${path} from its extension`, {
        expected: ".csv, .json, .jsonl, .parquet or .arrow (or `format:` in the schema)",
    });
}
function source_sqlString(value) {
    return `'${value.replaceAll("'", "''")}'`;
}
function source_ident(name) {
    return `"${name.replaceAll('"', '""')}"`;
}
let instance;
/** One in-memory DuckDB per process, loaded on first use (quick verbs never pay for it). */
async function duck() {
    instance ??= (async () => {
        const { DuckDBInstance } = await import(/* webpackIgnore: true */ "@duckdb/node-api");
        const db = await DuckDBInstance.create(":memory:");
        return db.connect();
    })();
    return instance;
}
async function source_query(sql) {
    const c = await duck();
    const reader = await c.runAndReadAll(sql);
    return reader.getRowObjectsJS();
}
/** DuckDB's first error line, without its internal prefix: what a person can act on. */
function duckMessage(err) {
    const text = err instanceof Error ? err.message : String(err);
    return text
        .split("\n")
        .filter((l) => l.trim() !== "" && !/^LINE \d+:/.test(l) && !l.trim().startsWith("^"))
        .slice(0, 3)
        .join(" ")
        .replace(/\s+/g, " ");
}
function fieldCount(line) {
    let count = 1;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (ch === '"')
            quoted = !quoted;
        else if (ch === "," && !quoted)
            count++;
    }
    return count;
}
/**
 * When DuckDB cannot make sense of a CSV, the usual cause is a line with too few or too many
 * fields; finding it (streaming, line by line) gives a message that names the line.
 */
async function firstRaggedLine(path) {
    const { createReadStream } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3024, 19));
    const { createInterface } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 481, 19));
    const lines = createInterface({
        input: createReadStream(path, { encoding: "utf8" }),
        crlfDelay: Number.POSITIVE_INFINITY,
    });
    let expected;
    let n = 0;
    for await (const line of lines) {
        n++;
        if (line === "")
            continue;
        const got = fieldCount(line);
        if (expected === undefined)
            expected = got;
        else if (got !== expected) {
            lines.close();
            return { line: n, got, expected };
        }
    }
    return undefined;
}
async function arrowToJsonLines(path, display) {
    const { RecordBatchReader } = await import(/* webpackIgnore: true */ "apache-arrow");
    const { createReadStream, createWriteStream } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3024, 19));
    const out = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `mlops-arrow-${process.pid}-${Date.now()}.jsonl`);
    const sink = createWriteStream(out);
    const plain = (_, v) => typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString() : v;
    try {
        const reader = await RecordBatchReader.from(createReadStream(path));
        for await (const batch of reader) {
            let chunk = "";
            for (let i = 0; i < batch.numRows; i++)
                chunk += `${JSON.stringify(batch.get(i)?.toJSON() ?? {}, plain)}\n`;
            if (!sink.write(chunk))
                await new Promise((r) => sink.once("drain", () => r()));
        }
        await new Promise((resolveEnd, reject) => sink.end((err) => (err ? reject(err) : resolveEnd())));
        return out;
    }
    catch (err) {
        sink.destroy();
        await (0,promises_.rm)(out, { force: true });
        throw new errors/* MlopsError */.IC("invalid-file", `cannot read the Arrow IPC file: ${err.message}`, {
            file: display,
            expected: "an Arrow IPC file or stream",
        });
    }
}
let counter = 0;
/**
 * Loads a file into DuckDB (never into JavaScript): CSV, JSON (array or lines) or Parquet. A file
 * DuckDB cannot read becomes an error naming the file and DuckDB's reason.
 */
async function source_loadTable(path, options = {}) {
    const display = options.display ?? path;
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* MlopsError */.IC("not-found", "data file not found", { file: display });
    const format = source_formatOf(path, options.format);
    if ((0,external_node_fs_.statSync)(path).size === 0) {
        throw new errors/* MlopsError */.IC("invalid-file", "the file is empty", {
            file: display,
            expected: `a ${format} table`,
        });
    }
    if (format === "arrow") {
        // DuckDB's core reads no Arrow IPC (its extension is a download away), so the file is streamed
        // batch by batch into JSON lines in a temp file, which DuckDB then reads: memory stays bounded.
        const lines = await arrowToJsonLines(path, display);
        try {
            const table = await source_loadTable(lines, { display, format: "json" });
            return { ...table, format: "arrow" };
        }
        finally {
            await (0,promises_.rm)(lines, { force: true });
        }
    }
    const source = format === "csv"
        ? `read_csv(${source_sqlString(path)}, header = true, delim = ${(0,external_node_path_.extname)(path).toLowerCase() === ".tsv" ? "'\t'" : "','"}, auto_detect = true)`
        : format === "json"
            ? `read_json_auto(${source_sqlString(path)})`
            : `read_parquet(${source_sqlString(path)})`;
    counter += 1;
    const name = `t${counter}`;
    // A view reads the file on each query: right for one or two scans of a columnar file (drift,
    // profiles); validation, with many queries and row numbers, gets a table.
    const create = (from) => source_query(options.view && format === "parquet"
        ? `CREATE OR REPLACE TEMP VIEW ${name} AS SELECT * FROM ${from}`
        : `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM ${from}`);
    try {
        try {
            await create(source);
        }
        catch (first) {
            // CSV and JSON types are guessed from a sample; a value further on that does not fit makes the
            // read fail, so the file is read again with types guessed from every row.
            if (format === "parquet")
                throw first;
            await create(source.replace(/\)$/, ", sample_size = -1)"));
        }
    }
    catch (err) {
        const ragged = format === "csv" ? await firstRaggedLine(path) : undefined;
        if (ragged) {
            throw new errors/* MlopsError */.IC("invalid-file", `line ${ragged.line} has ${ragged.got} fields, expected ${ragged.expected} like the header`, {
                file: display,
                line: ragged.line,
                expected: `${ragged.expected} comma-separated fields on every line`,
            });
        }
        throw new errors/* MlopsError */.IC("invalid-file", `cannot read the ${format} table: ${duckMessage(err)}`, {
            file: display,
            expected: `a well-formed ${format} file`,
        });
    }
    const columns = (await source_query(`DESCRIBE ${name}`)).map((r) => ({
        name: String(r.column_name),
        type: String(r.column_type),
    }));
    const rows = Number((await source_query(`SELECT count(*) AS n FROM ${name}`))[0]?.n ?? 0);
    return { name, file: display, format, rows, columns };
}
async function source_dropTable(table) {
    await source_query(`DROP VIEW IF EXISTS ${table.name}`).catch(() => undefined);
    await source_query(`DROP TABLE IF EXISTS ${table.name}`).catch(() => undefined);
}
const numericTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;
function source_isNumericType(type) {
    return numericTypes.test(type);
}
function source_isIntegerType(type) {
    return integerTypes.test(type);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/checks.js

const exampleCount = 5;
function describeRows(count, rows) {
    const shown = rows.join(", ");
    return count > rows.length ? `rows ${shown}, …` : count === 1 ? `row ${shown}` : `rows ${shown}`;
}
async function offending(table, condition, valueExpr) {
    const [summary] = await query(`SELECT count(*) AS n FROM ${table.name} WHERE ${condition}`);
    const count = Number(summary?.n ?? 0);
    if (count === 0)
        return { count, rows: [] };
    const examples = await query(`SELECT rowid + 1 AS __row${valueExpr ? `, CAST(${valueExpr} AS VARCHAR) AS v` : ""} FROM ${table.name} WHERE ${condition} ORDER BY rowid LIMIT ${exampleCount}`);
    return {
        count,
        rows: examples.map((r) => Number(r.__row)),
        // Mixed-type JSON columns come back as JSON text: show "abc", not "\"abc\"".
        ...(valueExpr ? { values: examples.map((r) => String(r.v).replace(/^"(.*)"$/, "$1")) } : {}),
    };
}
function typeCondition(spec, col, duckType) {
    const c = ident(col);
    switch (spec.type) {
        case "integer":
            if (isIntegerType(duckType))
                return undefined;
            if (isNumericType(duckType))
                return `${c} IS NOT NULL AND ${c} <> floor(${c})`;
            return `${c} IS NOT NULL AND TRY_CAST(${c} AS BIGINT) IS NULL`;
        case "number":
            if (isNumericType(duckType))
                return undefined;
            return `${c} IS NOT NULL AND TRY_CAST(${c} AS DOUBLE) IS NULL`;
        case "boolean":
            if (duckType === "BOOLEAN")
                return undefined;
            return `${c} IS NOT NULL AND TRY_CAST(${c} AS BOOLEAN) IS NULL`;
        case "date":
            if (duckType === "DATE")
                return undefined;
            return `${c} IS NOT NULL AND TRY_CAST(${c} AS DATE) IS NULL`;
        case "timestamp":
            if (duckType.startsWith("TIMESTAMP"))
                return undefined;
            return `${c} IS NOT NULL AND TRY_CAST(${c} AS TIMESTAMP) IS NULL`;
        case "string":
            return undefined;
    }
}
/** The value expression range checks compare: numbers as DOUBLE, dates as DATE, text as text. */
function comparable(spec, col) {
    const c = ident(col);
    if (spec.type === "integer" || spec.type === "number")
        return `TRY_CAST(${c} AS DOUBLE)`;
    if (spec.type === "date")
        return `TRY_CAST(${c} AS DATE)`;
    if (spec.type === "timestamp")
        return `TRY_CAST(${c} AS TIMESTAMP)`;
    return `CAST(${c} AS VARCHAR)`;
}
function literal(spec, value) {
    if (typeof value === "number")
        return String(value);
    if (spec.type === "date")
        return `DATE ${sqlString(value)}`;
    if (spec.type === "timestamp")
        return `TIMESTAMP ${sqlString(value)}`;
    return sqlString(value);
}
/**
 * Every rule of the schema, run as SQL over the loaded table. Each finding says how many rows
 * break the rule, which ones (row numbers), and where the rule is written in the schema.
 */
async function checks_runChecks(table, schema, lineOf) {
    const findings = [];
    const present = new Map(table.columns.map((c) => [c.name, c.type]));
    const add = (f) => {
        const { path, ...rest } = f;
        findings.push({ ...rest, field: path.join("."), line: lineOf(path) });
    };
    if (table.rows === 0) {
        add({
            check: "row_count",
            severity: "error",
            count: 0,
            rows: [],
            message: "the table has no rows",
            path: [],
        });
    }
    const bounds = schema.row_count;
    if (bounds?.min !== undefined && table.rows < bounds.min) {
        add({
            check: "row_count",
            severity: "error",
            count: 0,
            rows: [],
            message: `${table.rows} rows, expected at least ${bounds.min}`,
            path: ["row_count", "min"],
        });
    }
    if (bounds?.max !== undefined && table.rows > bounds.max) {
        add({
            check: "row_count",
            severity: "error",
            count: 0,
            rows: [],
            message: `${table.rows} rows, expected at most ${bounds.max}`,
            path: ["row_count", "max"],
        });
    }
    const extraPolicy = schema.extra_columns ?? "error";
    if (extraPolicy !== "allow") {
        for (const name of present.keys()) {
            if (!Object.hasOwn(schema.columns, name)) {
                add({
                    check: "columns",
                    column: name,
                    severity: extraPolicy,
                    count: 0,
                    rows: [],
                    message: `column '${name}' is not in the schema`,
                    path: ["columns"],
                });
            }
        }
    }
    for (const [name, spec] of Object.entries(schema.columns)) {
        const severity = spec.severity ?? "error";
        const at = (...rest) => ["columns", name, ...rest];
        const duckType = present.get(name);
        if (duckType === undefined) {
            add({
                check: "columns",
                column: name,
                severity: "error",
                count: 0,
                rows: [],
                message: `column '${name}' is missing (the table has ${[...present.keys()].join(", ") || "no columns"})`,
                path: at(),
            });
            continue;
        }
        const c = ident(name);
        const typeCheck = typeCondition(spec, name, duckType);
        if (typeCheck) {
            const bad = await offending(table, typeCheck, c);
            if (bad.count > 0) {
                add({
                    check: "type",
                    column: name,
                    severity,
                    ...bad,
                    message: `${bad.count} values of '${name}' are not ${spec.type === "integer" ? "integers" : `${spec.type}s`}: ${bad.values?.map((v) => JSON.stringify(v)).join(", ")} (${describeRows(bad.count, bad.rows)})`,
                    path: at("type"),
                });
                continue;
            }
        }
        if (spec.nullable === false) {
            const nulls = await offending(table, `${c} IS NULL`);
            if (nulls.count > 0) {
                const drop = spec.on_null === "drop";
                add({
                    check: "nullable",
                    column: name,
                    severity: drop ? "warn" : severity,
                    ...nulls,
                    ...(drop ? { action: "dropped" } : {}),
                    message: drop
                        ? `${nulls.count} rows have no '${name}' and are dropped (${describeRows(nulls.count, nulls.rows)})`
                        : `${nulls.count} rows have no '${name}' (${describeRows(nulls.count, nulls.rows)}), and the column may not be null`,
                    path: at(drop ? "on_null" : "nullable"),
                });
            }
        }
        if (spec.max_null_fraction !== undefined && table.rows > 0) {
            const [r] = await query(`SELECT count(*) FILTER (WHERE ${c} IS NULL) AS n FROM ${table.name}`);
            const fraction = Number(r?.n ?? 0) / table.rows;
            if (fraction > spec.max_null_fraction) {
                add({
                    check: "max_null_fraction",
                    column: name,
                    severity,
                    count: Number(r?.n ?? 0),
                    rows: [],
                    message: `${(fraction * 100).toFixed(1)} % of '${name}' is null, more than the ${(spec.max_null_fraction * 100).toFixed(1)} % allowed`,
                    path: at("max_null_fraction"),
                });
            }
        }
        const value = comparable(spec, name);
        for (const side of ["min", "max"]) {
            const bound = spec[side];
            if (bound === undefined)
                continue;
            const condition = `${value} ${side === "min" ? "<" : ">"} ${literal(spec, bound)}`;
            const bad = await offending(table, condition, c);
            if (bad.count > 0) {
                add({
                    check: "range",
                    column: name,
                    severity,
                    ...bad,
                    message: `${bad.count} values of '${name}' are ${side === "min" ? "below the minimum" : "above the maximum"} ${bound}: ${bad.values?.join(", ")} (${describeRows(bad.count, bad.rows)})`,
                    path: at(side),
                });
            }
        }
        if (spec.allowed) {
            const list = spec.allowed.map((v) => sqlString(String(v))).join(", ");
            const bad = await offending(table, `${c} IS NOT NULL AND CAST(${c} AS VARCHAR) NOT IN (${list})`, c);
            if (bad.count > 0) {
                const distinct = [...new Set(bad.values)].map((v) => JSON.stringify(v)).join(", ");
                add({
                    check: "allowed",
                    column: name,
                    severity,
                    ...bad,
                    message: `${bad.count} values of '${name}' are not among the allowed ones: ${distinct} (${describeRows(bad.count, bad.rows)})`,
                    path: at("allowed"),
                });
            }
        }
        if (spec.pattern) {
            const bad = await offending(table, `${c} IS NOT NULL AND NOT regexp_full_match(CAST(${c} AS VARCHAR), ${sqlString(spec.pattern)})`, c);
            if (bad.count > 0) {
                add({
                    check: "pattern",
                    column: name,
                    severity,
                    ...bad,
                    message: `${bad.count} values of '${name}' do not match /${spec.pattern}/: ${bad.values?.map((v) => JSON.stringify(v)).join(", ")} (${describeRows(bad.count, bad.rows)})`,
                    path: at("pattern"),
                });
            }
        }
        if (spec.unique) {
            const bad = await offending(table, `${c} IS NOT NULL AND ${c} IN (SELECT ${c} FROM ${table.name} GROUP BY ${c} HAVING count(*) > 1)`, c);
            if (bad.count > 0) {
                add({
                    check: "unique",
                    column: name,
                    severity,
                    ...bad,
                    message: `${bad.count} rows repeat a value of '${name}': ${[...new Set(bad.values)].join(", ")} (${describeRows(bad.count, bad.rows)})`,
                    path: at("unique"),
                });
            }
        }
    }
    if (schema.primary_key?.every((k) => present.has(k))) {
        const cols = schema.primary_key.map(ident).join(", ");
        const bad = await offending(table, `(${cols}) IN (SELECT (${cols}) FROM ${table.name} GROUP BY ${cols} HAVING count(*) > 1)`);
        if (bad.count > 0) {
            add({
                check: "primary_key",
                severity: "error",
                ...bad,
                message: `${bad.count} rows share a primary key (${schema.primary_key.join(", ")}) with another row (${describeRows(bad.count, bad.rows)})`,
                path: ["primary_key"],
            });
        }
    }
    for (const [i, check] of (schema.checks ?? []).entries()) {
        let bad;
        try {
            bad = await offending(table, `NOT coalesce((${check.expr}), true)`);
        }
        catch (err) {
            // After a type error the expression may fail on the very values already reported.
            const typeErrors = findings.some((f) => f.check === "type");
            add({
                check: "expression",
                severity: typeErrors ? "warn" : "error",
                count: 0,
                rows: [],
                message: typeErrors
                    ? `check '${check.name}' was not run: it needs the type errors above fixed first`
                    : `check '${check.name}' is not valid SQL here: ${err.message.split("\n")[0]}`,
                path: ["checks", i, "expr"],
            });
            continue;
        }
        if (bad.count > 0) {
            add({
                check: "expression",
                severity: check.severity ?? "error",
                ...bad,
                message: `${bad.count} rows break '${check.name}' (${check.expr}) (${describeRows(bad.count, bad.rows)})`,
                path: ["checks", i],
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/profile.js

/** Quantiles kept per numeric column: the empirical CDF rebuilt from them is off by less than 1/Q. */
const sketchSize = 1000;
const histogramBins = 10;
const topK = 50;
function num(v) {
    if (v === null || v === undefined)
        return null;
    const n = typeof v === "bigint" ? Number(v) : Number(v);
    return Number.isFinite(n) ? n : null;
}
/** Numbers for numeric and date-like columns (dates as epoch days), text for the rest. */
function valueExpr(name, type) {
    const c = source_ident(name);
    if (source_isNumericType(type))
        return { expr: `CAST(${c} AS DOUBLE)`, numeric: true };
    if (type === "DATE")
        return { expr: `CAST(epoch(${c}) / 86400 AS DOUBLE)`, numeric: true };
    if (type.startsWith("TIMESTAMP"))
        return { expr: `CAST(epoch(${c}) AS DOUBLE)`, numeric: true };
    return { expr: `CAST(${c} AS VARCHAR)`, numeric: false };
}
const percentileNames = [
    ["p01", 0.01],
    ["p05", 0.05],
    ["p25", 0.25],
    ["p50", 0.5],
    ["p75", 0.75],
    ["p95", 0.95],
    ["p99", 0.99],
];
/** The largest double below v: counts of `x <= nextDown(v)` are counts of `x < v`. */
function nextDown(v) {
    if (Number.isNaN(v) || v === Number.NEGATIVE_INFINITY)
        return v;
    if (v === 0)
        return -Number.MIN_VALUE;
    const buffer = new DataView(new ArrayBuffer(8));
    buffer.setFloat64(0, v);
    const bits = buffer.getBigInt64(0);
    buffer.setBigInt64(0, v > 0 ? bits - 1n : bits + 1n);
    return buffer.getFloat64(0);
}
/** Exponent notation: DuckDB reads a plain decimal literal as DECIMAL first, which can round it. */
function sqlDouble(v) {
    return Number.isFinite(v)
        ? `${v.toExponential()}::DOUBLE`
        : v > 0
            ? "'Infinity'::DOUBLE"
            : "'-Infinity'::DOUBLE";
}
/** Counts of values in (previous bound, bound] for each bound, plus a last bin above them all. */
function histogramSql(expr, bounds) {
    return `histogram(${expr}, [${[...bounds, Number.POSITIVE_INFINITY].map(sqlDouble).join(", ")}])`;
}
/** DuckDB leaves empty bins out of the map, so counts are matched to their bounds by key. */
function binCounts(map, bounds) {
    const byKey = new Map();
    const entries = Array.isArray(map) ? map : (map?.entries ?? []);
    for (const e of entries)
        byKey.set(Number(e.key), num(e.value) ?? 0);
    return [...bounds, Number.POSITIVE_INFINITY].map((b) => byKey.get(b) ?? 0);
}
function cumulative(counts) {
    let sum = 0;
    return counts.map((c) => {
        sum += c;
        return sum;
    });
}
/**
 * The quantile sketch by one pass over the column's distinct values: cumulative counts, then an
 * ASOF join finds, for each k, the smallest value whose count reaches ceil(k·n/Q).
 */
async function sketchOf(table, expr) {
    const rows = await source_query(`
    WITH g AS (SELECT ${expr} AS __v, count(*) AS c FROM ${table.name} WHERE ${expr} IS NOT NULL GROUP BY __v),
         cum AS (SELECT __v, sum(c) OVER (ORDER BY __v) AS cc FROM g),
         tot AS (SELECT sum(c) AS n FROM g),
         ks AS (SELECT k, CAST(ceil(k * n / ${sketchSize}.0) AS HUGEINT) AS pos FROM range(1, ${sketchSize + 1}) r(k), tot)
    SELECT ks.k, cum.__v AS x FROM ks ASOF JOIN cum ON ks.pos <= cum.cc ORDER BY ks.k`);
    return rows.map((r) => num(r.x) ?? 0);
}
/**
 * Up to this many distinct sketch points, the current data is also counted just below each point,
 * which makes its CDF exact at both sides of every jump of the reference's (KS error < 1/Q). Above
 * it (continuous columns), counting at the points alone halves the work; the error bound then adds
 * the largest share of current rows between two neighbouring points, reported per column.
 */
const exactPointLimit = 400;
/** At most this many points are counted for a continuous column: the cost of binning grows with them. */
const countedPointLimit = 250;
/** The reference's sketch points the current data is counted at (every one, or evenly thinned). */
function countedPoints(reference) {
    const points = [...new Set(reference.sketch)];
    if (points.length <= exactPointLimit)
        return points;
    const stride = Math.ceil(points.length / countedPointLimit);
    // The decile edges stay in, so PSI bins are counted exactly.
    const edges = new Set(reference.histogram.edges);
    return points.filter((v, k) => k % stride === stride - 1 || k === points.length - 1 || edges.has(v));
}
function boundsFor(reference) {
    const points = countedPoints(reference);
    return points.length <= exactPointLimit && new Set(reference.sketch).size <= exactPointLimit
        ? points.flatMap((v) => [nextDown(v), v])
        : points;
}
/** Every numeric column's summary in one scan of the table. */
async function numericProfiles(table, columns, depth) {
    const out = new Map();
    if (columns.length === 0)
        return out;
    const lean = depth === "lean";
    const parts = columns.map((c, i) => {
        const e = c.expr;
        // Against a reference only counts are needed: drift uses nothing else, and each aggregate costs a pass.
        const stats = c.reference || lean
            ? `count(${e}) AS c${i}, count(*) - count(${e}) AS n${i}`
            : `count(${e}) AS c${i}, count(*) - count(${e}) AS n${i}, approx_count_distinct(${e}) AS d${i},
      min(${e}) AS lo${i}, max(${e}) AS hi${i}, avg(${e}) AS m${i}, stddev_samp(${e}) AS s${i}`;
        if (!c.reference)
            return stats;
        // Against a reference: counts below and at each of its sketch points give the current CDF
        // exactly where the reference's step CDF jumps; a lean profile counts at the decile edges only.
        const bounds = lean ? c.reference.histogram.edges : boundsFor(c.reference);
        return `${stats}, ${histogramSql(e, bounds)} AS h${i}`;
    });
    const [row] = await source_query(`SELECT ${parts.join(",\n")} FROM ${table.name}`);
    for (const [i, c] of columns.entries()) {
        const count = num(row?.[`c${i}`]) ?? 0;
        const base = {
            kind: "numeric",
            count,
            nulls: num(row?.[`n${i}`]) ?? 0,
            distinct: num(row?.[`d${i}`]) ?? 0,
            min: num(row?.[`lo${i}`]),
            max: num(row?.[`hi${i}`]),
            mean: num(row?.[`m${i}`]),
            std: num(row?.[`s${i}`]),
        };
        if (c.reference && lean) {
            const edges = c.reference.histogram.edges;
            const edgeCum = cumulative(binCounts(row?.[`h${i}`], edges)).slice(0, edges.length);
            // The same differences as below, so values outside every finite bin land in the last one alike.
            const counts = [...edgeCum, count].map((v, k) => v - (k > 0 ? edgeCum[k - 1] : 0));
            out.set(c.name, { ...base, percentiles: {}, sketch: [], histogram: { edges, counts } });
            continue;
        }
        if (c.reference) {
            const points = countedPoints(c.reference);
            const exact = new Set(c.reference.sketch).size <= exactPointLimit;
            const cum = cumulative(binCounts(row?.[`h${i}`], boundsFor(c.reference)));
            const below = exact ? points.map((_, k) => cum[2 * k] ?? 0) : undefined;
            const atOrBelow = points.map((_, k) => cum[exact ? 2 * k + 1 : k] ?? 0);
            const edges = c.reference.histogram.edges;
            const at = (edge) => atOrBelow[points.indexOf(edge)] ?? 0;
            const edgeCum = edges.map(at);
            const counts = [...edgeCum, count].map((v, k) => v - (k > 0 ? edgeCum[k - 1] : 0));
            out.set(c.name, {
                ...base,
                percentiles: {},
                sketch: [],
                histogram: { edges, counts },
                against: { points, ...(below ? { below } : {}), at_or_below: atOrBelow },
            });
            continue;
        }
        const sketch = count > 0 ? await sketchOf(table, c.expr) : [];
        const percentiles = {};
        for (const [name, p] of percentileNames)
            if (sketch.length > 0)
                percentiles[name] = sketch[Math.round(p * sketchSize) - 1];
        const edges = [
            ...new Set(Array.from({ length: histogramBins - 1 }, (_, k) => sketch[Math.round(((k + 1) * sketchSize) / histogramBins) - 1])),
        ]
            .filter((v) => v !== undefined)
            .sort((a, b) => a - b);
        out.set(c.name, { ...base, percentiles, sketch, histogram: { edges, counts: [] } });
    }
    // Bin counts of a reference profile: one more scan for all columns together.
    const needCounts = columns.filter((c) => !c.reference && (out.get(c.name)?.count ?? 0) > 0);
    if (needCounts.length > 0) {
        const [h] = await source_query(`SELECT ${needCounts.map((c, i) => `${histogramSql(c.expr, out.get(c.name)?.histogram.edges ?? [])} AS h${i}`).join(", ")} FROM ${table.name}`);
        needCounts.forEach((c, i) => {
            const p = out.get(c.name);
            if (p)
                p.histogram.counts = binCounts(h?.[`h${i}`], p.histogram.edges);
        });
    }
    return out;
}
/** Row counts of categorical columns, all in one scan: what a lean profile keeps of them. */
async function categoricalCounts(table, names) {
    const out = new Map();
    if (names.length === 0)
        return out;
    const parts = names.map((name, i) => {
        const e = `CAST(${source_ident(name)} AS VARCHAR)`;
        return `count(${e}) AS c${i}, count(*) - count(${e}) AS n${i}`;
    });
    const [row] = await source_query(`SELECT ${parts.join(", ")} FROM ${table.name}`);
    for (const [i, name] of names.entries()) {
        const count = num(row?.[`c${i}`]) ?? 0;
        out.set(name, {
            kind: "categorical",
            count,
            nulls: num(row?.[`n${i}`]) ?? 0,
            distinct: 0,
            top: [],
            other: count,
        });
    }
    return out;
}
async function categoricalProfile(table, expr, reference) {
    const [s] = await source_query(`SELECT count(${expr}) AS count, count(*) - count(${expr}) AS nulls, approx_count_distinct(${expr}) AS distinct FROM ${table.name}`);
    const count = num(s?.count) ?? 0;
    let top;
    if (reference) {
        const values = reference.top.map((t) => t.value);
        const rows = values.length === 0
            ? []
            : await source_query(`SELECT ${expr} AS value, count(*) AS n FROM ${table.name} WHERE ${expr} IN (${values.map(source_sqlString).join(", ")}) GROUP BY value`);
        const found = new Map(rows.map((r) => [String(r.value), num(r.n) ?? 0]));
        top = values.map((value) => ({ value, count: found.get(value) ?? 0 }));
    }
    else {
        const rows = await source_query(`SELECT ${expr} AS value, count(*) AS n FROM ${table.name} WHERE ${expr} IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT ${topK}`);
        top = rows.map((r) => ({ value: String(r.value), count: num(r.n) ?? 0 }));
    }
    const inTop = top.reduce((a, t) => a + t.count, 0);
    return {
        kind: "categorical",
        count,
        nulls: num(s?.nulls) ?? 0,
        distinct: num(s?.distinct) ?? 0,
        top,
        other: count - inTop,
    };
}
/**
 * Profiles every column in DuckDB. Against a reference profile, numeric histograms use the
 * reference's bin edges and categories are counted for the reference's values, so the two compare.
 * `depth: "lean"` computes only what an exact drift test reads (see ProfileDepth).
 */
async function profile_profileTable(table, options = {}) {
    const depth = options.depth ?? "full";
    const columns = {};
    const numeric = [];
    const categorical = [];
    const order = [];
    for (const col of table.columns) {
        if (options.columns && !options.columns.includes(col.name))
            continue;
        order.push(col.name);
        const { expr, numeric: isNumeric } = valueExpr(col.name, col.type);
        const ref = options.reference?.columns[col.name];
        if (isNumeric && (!ref || ref.kind === "numeric")) {
            numeric.push({ name: col.name, expr, ...(ref?.kind === "numeric" ? { reference: ref } : {}) });
        }
        else if (depth === "lean") {
            categorical.push(col.name);
        }
        else {
            columns[col.name] = await categoricalProfile(table, `CAST(${source_ident(col.name)} AS VARCHAR)`, ref?.kind === "categorical" ? ref : undefined);
        }
    }
    for (const [name, p] of await categoricalCounts(table, categorical))
        columns[name] = p;
    const numericResults = await numericProfiles(table, numeric, depth);
    for (const [name, p] of numericResults)
        columns[name] = p;
    const ordered = {};
    for (const name of order)
        if (columns[name])
            ordered[name] = columns[name];
    return {
        schema: "1",
        data: { file: table.file, ...(options.sha256 ? { sha256: options.sha256 } : {}), rows: table.rows },
        columns: ordered,
    };
}
/** Stable JSON: keys in a fixed order, one column per block, so profiles diff well in git. */
function profile_serializeProfile(profile) {
    return `${JSON.stringify(profile, null, 1)}\n`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/kstwo.js
/**
 * The distribution of the one-sample two-sided Kolmogorov–Smirnov statistic
 * D_n = sup_x |F_n(x) − F(x)| for a sample of size n, as scipy's `scipy.stats.kstwo` computes it.
 * Two-sample KS for large samples (scipy's `ks_2samp` in its default mode) takes its p-value from
 * here: P(D_n ≥ d) with n = round(n1·n2 / (n1 + n2)).
 *
 * No single method is both exact and cheap everywhere, so the (n, d) plane is split as in Simard &
 * L'Ecuyer, "Computing the Two-Sided Kolmogorov–Smirnov Distribution", J. Stat. Software 39(11),
 * 2011, with the thresholds scipy 1.17 uses (so that the two agree branch by branch, including
 * where scipy relies on an approximation). With t = n·d:
 *
 * - t ≤ 1/2: P = 1. t ≤ 1 or t ≥ n − 1: the closed forms of Ruben & Gambino (1982).
 * - d ≥ 1/2: the two one-sided events are disjoint, so P = 2 P(D_n⁺ ≥ d), the exact
 *   Smirnov (1944) / Birnbaum–Tingey (1951) sum.
 * - n ≤ 140: n·d² ≤ 0.754693 the Durbin (1968, 1973) matrix method in the form of Marsaglia, Tsang & Wang,
 *   "Evaluating Kolmogorov's Distribution", J. Stat. Software 8(18), 2003; n·d² ≤ 4 the recursion
 *   of Pomeranz, "Exact Cumulative Distribution of the Kolmogorov–Smirnov Statistic for Small
 *   Samples", CACM 17(12), 1974; beyond, 2 P(D_n⁺ ≥ d) (the chance of crossing both bounds is
 *   under 1e-10 of the total there).
 * - n > 140: n·d² ≥ 370 gives 0 and n·d² ≥ 2.2 gives 2 P(D_n⁺ ≥ d) (which overstates P by up to
 *   ~2e-6 relative at 2.2, as scipy does; the curve steps up there by that much). Below that, 1 − P(D_n ≤ d) from
 *   the Durbin matrix when n·d^1.5 ≤ 1.4 (and n ≤ 100,000), else from the asymptotic series of
 *   Pelz & Good, "Approximating the Lower Tail-areas of the Kolmogorov–Smirnov One-sample
 *   Statistic", JRSS B 38(2), 1976.
 *
 * Two departures keep every call to a few milliseconds at n up to 10⁶ while staying within about
 * 1e-9 (relative) of scipy's value:
 * - The matrix method costs O(k³ log n) for k ≈ n·d, which reaches ~50 ms at n = 10⁵. Where scipy
 *   uses it for n > 4000, P(D_n ≤ d) is below 4e-5 and the Pelz–Good series agrees with it to
 *   within 4e-10 absolute (checked against scipy), so the series is used there instead.
 * - The one-sided sum has about n(1 − d) positive terms. Those are summed one by one up to 4096
 *   terms; beyond that the summand is a smooth bump many terms wide, so every h-th term times h
 *   gives the sum to the aliasing error of the trapezoid rule, which vanishes exponentially. The
 *   sum is taken on two interleaved grids and accepted only when both agree.
 */
const LN2 = Math.LN2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI * Math.PI;
const PI4 = PI2 * PI2;
const PI6 = PI4 * PI2;
/** scipy's one-sided sum reports 0 once e^(−2nx²) falls below e^this (about half the least subnormal). */
const MIN_LOG = -745.1332191019412;
/** Largest n for which the Durbin matrix is used where scipy uses it (see the header). */
const DURBIN_MAX_N = 4000;
/** Largest number of one-sided terms summed one by one. */
const SMIRNOV_DIRECT_TERMS = 4096;
/** Samples per grid when the one-sided sum is taken on a stride. */
const SMIRNOV_GRID = 1024;
const SMALL_LOG_FACTORIAL = (() => {
    const table = new Float64Array(32);
    for (let m = 2; m < table.length; m++)
        table[m] = table[m - 1] + Math.log(m);
    return table;
})();
/**
 * ln m! − (m ln m − m + ½ ln 2πm), the remainder of Stirling's formula. Keeping it apart lets
 * callers cancel the large m ln m parts analytically instead of subtracting huge numbers.
 */
function stirlingRemainder(m) {
    if (m < SMALL_LOG_FACTORIAL.length) {
        return SMALL_LOG_FACTORIAL[m] - (m * Math.log(m) - m + LOG_SQRT_2PI + 0.5 * Math.log(m));
    }
    const r = 1 / m;
    const r2 = r * r;
    // Bernoulli-number series; at m ≥ 32 the first omitted term is below 1e-18.
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
}
/** ln(n!) − n ln n, without forming either part. */
function logFactorialOverPower(n) {
    return -n + LOG_SQRT_2PI + 0.5 * Math.log(n) + stirlingRemainder(n);
}
/** Exact floor of n·x and the fractional remainder, via Dekker's error-free product. */
function floorProduct(n, x) {
    const p = n * x;
    const split = 134217729; // 2^27 + 1
    const split1 = (a) => {
        const c = split * a;
        const hi = c - (c - a);
        return [hi, a - hi];
    };
    const [nh, nl] = split1(n);
    const [xh, xl] = split1(x);
    const err = nh * xh - p + nh * xl + nl * xh + nl * xl;
    let fl = Math.floor(p);
    let frac = p - fl + err;
    if (frac < 0) {
        fl -= 1;
        frac += 1;
    }
    else if (frac >= 1) {
        fl += 1;
        frac -= 1;
    }
    return { floor: fl, frac };
}
/**
 * P(D_n⁺ ≥ x), the one-sided Smirnov survival function (scipy.special.smirnov), from
 * x Σ_{j < n(1−x)} C(n,j) (x + j/n)^(j−1) (1 − x − j/n)^(n−j). Every term is positive, so the sum
 * is taken in scaled logs and keeps full relative precision down to the smallest doubles.
 */
function smirnovSf(n, x) {
    if (Number.isNaN(x))
        return Number.NaN;
    if (x <= 0)
        return 1;
    if (x >= 1)
        return 0;
    if (n === 1)
        return 1 - x;
    const { floor: nxFloor, frac } = floorProduct(n, x);
    if (nxFloor === 0 || (nxFloor === 1 && frac === 0))
        return 1 - x * (1 + x) ** (n - 1);
    // scipy returns 0 once e^(−2nx²) underflows; so must we to agree there.
    if (-2 * n * x * x < MIN_LOG)
        return 0;
    if (nxFloor >= n - 1)
        return (1 - x) ** n;
    if (n > 1_000_000) {
        // scipy does not sum beyond a million terms but uses Miller's approximation.
        return Math.exp(-((6 * n * x + 1) ** 2) / 18 / n);
    }
    const nx = nxFloor + frac;
    const last = n - nxFloor - 1; // largest j with 1 − x − j/n > 0
    const logX = Math.log(x);
    const remainderN = stirlingRemainder(n);
    const logTerm = (j) => {
        if (j === 0)
            return n * Math.log1p(-x);
        const rest = n - j;
        // 1 − nx/(n−j), formed from the exact integer part so terms near the top keep their precision.
        const ratio = (rest - nxFloor - frac) / rest;
        const logRatio = ratio < 0.5 ? Math.log(ratio) : Math.log1p(-nx / rest);
        return (logX -
            Math.log(x + j / n) +
            j * Math.log1p(nx / j) +
            rest * logRatio +
            0.5 * Math.log(n / (j * rest)) -
            LOG_SQRT_2PI +
            remainderN -
            stirlingRemainder(j) -
            stirlingRemainder(rest));
    };
    // Sums e^logTerm(j) for j = start, start + step, … ≤ last, as (scaled sum, log scale).
    const sumTerms = (start, step) => {
        let scale = Number.NEGATIVE_INFINITY;
        let sum = 0;
        let previous = Number.NEGATIVE_INFINITY;
        for (let j = start; j <= last; j += step) {
            const l = logTerm(j);
            if (l > scale) {
                sum = sum * Math.exp(scale - l) + 1;
                scale = l;
            }
            else {
                sum += Math.exp(l - scale);
            }
            // The terms rise then fall; once falling, stop when all that is left is negligible.
            if (l < previous && l - scale < Math.log(1e-18 * sum) - Math.log((last - j) / step + 1))
                break;
            previous = l;
        }
        return { sum, scale };
    };
    const terms = last + 1;
    if (terms > SMIRNOV_DIRECT_TERMS) {
        for (let stride = Math.floor(terms / SMIRNOV_GRID); stride >= 2; stride = Math.floor(stride / 2)) {
            const a = sumTerms(0, stride);
            const b = sumTerms(Math.floor(stride / 2), stride);
            const scale = Math.max(a.scale, b.scale);
            const sa = a.sum * Math.exp(a.scale - scale);
            const sb = b.sum * Math.exp(b.scale - scale);
            if (Math.abs(sa - sb) <= 1e-10 * (sa + sb)) {
                return Math.exp(scale + Math.log((stride * (sa + sb)) / 2));
            }
        }
    }
    const all = sumTerms(0, 1);
    return Math.exp(all.scale + Math.log(all.sum));
}
/** C = A·B for m×m row-major matrices. */
function multiply(a, b, m) {
    const c = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let k = 0; k < m; k++) {
            const aik = a[i * m + k];
            if (aik === 0)
                continue;
            const bRow = k * m;
            const cRow = i * m;
            for (let j = 0; j < m; j++)
                c[cRow + j] = c[cRow + j] + aik * b[bRow + j];
        }
    }
    return c;
}
/** Scales a matrix by a power of two so its largest entry is near 1; returns the exponent removed. */
function normalize(a) {
    let max = 0;
    for (const v of a)
        if (Math.abs(v) > max)
            max = Math.abs(v);
    if (max === 0 || !Number.isFinite(max))
        return 0;
    const e = Math.floor(Math.log2(max));
    if (e === 0)
        return 0;
    const f = 2 ** -e;
    for (let i = 0; i < a.length; i++)
        a[i] = a[i] * f;
    return e;
}
/**
 * P(D_n ≤ d) by the Durbin matrix (Marsaglia–Tsang–Wang): with k = ⌈nd⌉ and h = k − nd, it is
 * n!/n^n times the central entry of H^n for an explicit (2k−1)×(2k−1) matrix H. Powers are kept
 * in range by splitting off powers of two, so only the final product is formed in logs.
 */
function durbinCdf(n, d) {
    const k = Math.ceil(n * d);
    const h = k - n * d;
    const m = 2 * k - 1;
    const invFactorial = new Float64Array(m + 1);
    invFactorial[0] = 1;
    for (let i = 1; i <= m; i++)
        invFactorial[i] = invFactorial[i - 1] / i;
    const base = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let j = 0; j <= Math.min(i + 1, m - 1); j++)
            base[i * m + j] = invFactorial[i - j + 1];
    }
    for (let i = 0; i < m; i++) {
        base[i * m] = base[i * m] - h ** (i + 1) * invFactorial[i + 1];
        const last = (m - 1) * m + i;
        base[last] = base[last] - h ** (m - i) * invFactorial[m - i];
    }
    if (2 * h - 1 > 0) {
        base[(m - 1) * m] = base[(m - 1) * m] + (2 * h - 1) ** m * invFactorial[m];
    }
    let power = base;
    let powerExp = normalize(power);
    let result;
    let resultExp = 0;
    for (let e = n; e > 0; e = Math.floor(e / 2)) {
        if (e % 2 === 1) {
            if (result === undefined) {
                result = Float64Array.from(power);
                resultExp = powerExp;
            }
            else {
                result = multiply(result, power, m);
                resultExp += powerExp + normalize(result);
            }
        }
        if (e > 1) {
            power = multiply(power, power, m);
            powerExp = 2 * powerExp + normalize(power);
        }
    }
    const centre = result[(k - 1) * m + (k - 1)];
    if (centre <= 0)
        return 0;
    return Math.exp(Math.log(centre) + resultExp * LN2 + logFactorialOverPower(n));
}
/**
 * P(D_n < d) by Pomeranz's recursion. With t = nd and g the distance from t to the nearest integer,
 * the bounds on the count of uniform points below u ∈ [0, n] change only at u ∈ {0, n} ∪ {i ± g};
 * between consecutive breakpoints the count grows by a Poisson-like increment, and the row of
 * admissible counts is carried from one breakpoint to the next. Cost O(n·(2t)²), for n ≤ 140 only.
 */
function pomeranzCdf(n, d) {
    const t = n * d;
    const whole = Math.floor(t);
    const f = t - whole;
    const g = Math.min(f, 1 - f);
    // Breakpoints as integer part and sign of ±g, in increasing order.
    const points = [[0, 0]];
    points.push([0, 1]);
    for (let i = 1; i < n; i++)
        points.push([i, -1], [i, 1]);
    points.push([n, -1], [n, 0]);
    // The count at i + s·g lies in [floor(i + s·g − t) + 1, ceil(i + s·g + t) − 1]; the fractional
    // parts are worked out case by case since i ± g − t is often an integer up to rounding.
    const positive = f > 0 ? 1 : 0;
    const bounds = (i, s) => {
        let floorLow;
        let ceilHigh;
        if (s === 0) {
            floorLow = -positive;
            ceilHigh = positive;
        }
        else if (s === 1) {
            floorLow = f <= 0.5 ? 0 : -1;
            ceilHigh = positive;
        }
        else {
            floorLow = -positive;
            ceilHigh = f <= 0.5 ? 0 : 1;
        }
        return [Math.max(0, i - whole + floorLow + 1), Math.min(n, i + whole + ceilHigh - 1)];
    };
    const weights = (gap) => {
        const w = new Float64Array(n + 1);
        w[0] = 1;
        const step = gap / n;
        for (let j = 1; j <= n; j++)
            w[j] = (w[j - 1] * step) / j;
        return w;
    };
    const gWeights = weights(g);
    const twoGWeights = weights(2 * g);
    const restWeights = weights(1 - 2 * g);
    let row = new Float64Array(n + 1);
    let next = new Float64Array(n + 1);
    row[0] = 1;
    let [low, high] = [0, 0];
    let exponent = 0;
    for (let p = 1; p < points.length; p++) {
        const [i, s] = points[p];
        // Gaps are g at both ends and alternate 1 − 2g, 2g between; picked by position, not by value.
        const weightsHere = p === 1 || p === points.length - 1 ? gWeights : s === -1 ? restWeights : twoGWeights;
        const [newLow, newHigh] = bounds(i, s);
        next.fill(0);
        let max = 0;
        for (let j = newLow; j <= newHigh; j++) {
            let acc = 0;
            for (let q = low; q <= Math.min(j, high); q++) {
                acc += row[q] * weightsHere[j - q];
            }
            next[j] = acc;
            if (acc > max)
                max = acc;
        }
        if (max > 0 && max < 2 ** -256) {
            for (let j = newLow; j <= newHigh; j++)
                next[j] = next[j] * 2 ** 256;
            exponent -= 256;
        }
        [row, next] = [next, row];
        [low, high] = [newLow, newHigh];
    }
    const end = row[n];
    if (!(end > 0))
        return 0;
    return Math.exp(Math.log(end) + exponent * LN2 + logFactorial(n));
}
function logFactorial(n) {
    if (n < SMALL_LOG_FACTORIAL.length)
        return SMALL_LOG_FACTORIAL[n];
    return n * Math.log(n) + logFactorialOverPower(n);
}
/**
 * P(D_n ≤ d) from the Pelz–Good expansion K0 + K1/√n + K2/n + K3/n^1.5 in z = d√n, each K written
 * with the theta-function identity as sums in e^(−(2k−1)²π²/(8z²)) that converge fast for small z.
 * It is an approximation; scipy uses it over the bulk for n > 140, so it is reproduced term for term.
 */
function pelzGoodCdf(n, d) {
    if (d <= 0)
        return 0;
    if (d >= 1)
        return 1;
    const z = Math.sqrt(n) * d;
    const z2 = z * z;
    const z4 = z2 * z2;
    const z6 = z4 * z2;
    const logQ = -PI2 / 8 / z2;
    if (logQ < -708)
        return 0;
    const terms = Math.ceil((16 * z) / Math.PI);
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    // Smallest terms first, so each sum is accurate.
    for (let k = terms; k >= 1; k--) {
        const m2 = (2 * k - 1) ** 2;
        const m4 = m2 * m2;
        const m6 = m4 * m2;
        const q = Math.exp(logQ * m2);
        k0 += q;
        k1 += q * (-z2 + (PI2 / 4) * m2);
        k2 += q * (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * PI2 * m2) / 4 + (PI4 * (1 - 2 * z2) * m4) / 16);
        k3 +=
            q *
                (-30 * z6 -
                    90 * z4 * z4 +
                    (PI2 * (135 * z4 - 96 * z6) * m2) / 4 +
                    (PI4 * (-60 * z2 + 212 * z4) * m4) / 16 +
                    (PI6 * (5 - 30 * z2) * m6) / 64);
    }
    k0 *= SQRT_2PI / z;
    k1 *= SQRT_2PI / (6 * z4);
    k2 *= SQRT_2PI / (72 * z4 * z2 * z);
    k3 *= SQRT_2PI / (6480 * z6 * z4);
    // The second family of terms, over all k: e^(−π²k²/(2z²)).
    let s2 = 0;
    let s3 = 0;
    for (let k = terms; k >= 1; k--) {
        const k2sq = k * k;
        const q = Math.exp((-PI2 * k2sq) / 2 / z2);
        s2 += k2sq * q;
        s3 += (3 * z2 - PI2 * k2sq) * k2sq * q;
    }
    k2 += (s2 * PI2 * SQRT_2PI) / (-36 * z2 * z);
    k3 += (s3 * PI2 * SQRT_2PI) / (216 * z6);
    const rootN = Math.sqrt(n);
    return k0 + k1 / rootN + k2 / n + k3 / (n * rootN);
}
function clip(p) {
    return Math.min(1, Math.max(0, p));
}
function kolmogorovN(d, n, forCdf) {
    if (d >= 1)
        return { sf: 0 };
    if (d <= 0)
        return { sf: 1 };
    const t = n * d;
    if (t <= 1) {
        if (t <= 0.5)
            return { sf: 1 };
        return { cdf: Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1)) };
    }
    if (t >= n - 1)
        return { sf: 2 * (1 - d) ** n };
    if (d >= 0.5)
        return { sf: 2 * smirnovSf(n, d) };
    const nd2 = t * d;
    if (n <= 140) {
        if (nd2 <= 0.754693)
            return { cdf: durbinCdf(n, d) };
        if (nd2 <= 4)
            return { cdf: pomeranzCdf(n, d) };
        return { sf: 2 * smirnovSf(n, d) };
    }
    if (!forCdf) {
        if (nd2 >= 370)
            return { sf: 0 };
        if (nd2 >= 2.2)
            return { sf: 2 * smirnovSf(n, d) };
    }
    if (nd2 >= 18)
        return { cdf: 1 };
    // scipy's condition is n ≤ 100,000; above DURBIN_MAX_N the series stands in (see the header).
    if (n <= DURBIN_MAX_N && n * d ** 1.5 <= 1.4)
        return { cdf: durbinCdf(n, d) };
    return { cdf: pelzGoodCdf(n, d) };
}
function checkedN(n) {
    return Number.isInteger(n) && n >= 1;
}
/**
 * P(D_n ≥ d): the survival function of the two-sided one-sample Kolmogorov–Smirnov statistic for
 * sample size n (an integer ≥ 1), matching scipy's `scipy.stats.kstwo.sf(d, n)`. NaN for bad n.
 */
function kstwoSf(d, n) {
    if (Number.isNaN(d) || !checkedN(n))
        return Number.NaN;
    const side = kolmogorovN(d, n, false);
    return clip("sf" in side ? side.sf : 1 - side.cdf);
}
/**
 * P(D_n ≤ d), as scipy's `scipy.stats.kstwo.cdf(d, n)`. In the far lower tail for
 * 4000 < n ≤ 100,000 it comes from the Pelz–Good series where scipy uses the Durbin matrix; the
 * two differ by under 1e-10 absolute there, though by up to ~1e-4 relative.
 */
function kstwoCdf(d, n) {
    if (Number.isNaN(d) || !checkedN(n))
        return Number.NaN;
    const side = kolmogorovN(d, n, true);
    return clip("cdf" in side ? side.cdf : 1 - side.sf);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/stats.js
/**
 * The statistics behind drift: two-sample Kolmogorov–Smirnov with exact p-values for samples up to
 * 10,000 (as scipy's `ks_2samp` in its default mode), the chi-square test of a 2 × k table (as
 * scipy's `chi2_contingency`), and the population stability index.
 */

/** Largest sample for which the KS p-value is computed exactly (scipy's threshold too). */
const exactKsLimit = 10_000;
function gcd(a, b) {
    let x = a;
    let y = b;
    while (y)
        [x, y] = [y, x % y];
    return x;
}
/** D = sup |F1 − F2| of two samples' empirical distribution functions. */
function ksStatistic(a, b) {
    const x = Float64Array.from(a).sort();
    const y = Float64Array.from(b).sort();
    let i = 0;
    let j = 0;
    let d = 0;
    while (i < x.length && j < y.length) {
        const v = Math.min(x[i], y[j]);
        while (i < x.length && x[i] === v)
            i++;
        while (j < y.length && y[j] === v)
            j++;
        d = Math.max(d, Math.abs(i / x.length - j / y.length));
    }
    return d;
}
/**
 * P(D ≥ d) for samples of sizes m and n under the null hypothesis, exactly: the share of monotone
 * lattice paths from (0,0) to (m,n) that touch |i/m − j/n| ≥ d. A path is walked as draws without
 * replacement, so every quantity is a probability and nothing overflows.
 */
function ksExactPValue(m, n, d) {
    const g = gcd(m, n);
    const lcm = (m / g) * n;
    // d is a multiple of 1/lcm; rounding removes floating-point noise before the integer comparison.
    const h = Math.round(d * lcm);
    if (h === 0)
        return 1;
    // Inside the band: |n·i − m·j| < h·g.
    const limit = h * g;
    let column = new Float64Array(n + 1);
    let next = new Float64Array(n + 1);
    column[0] = 1;
    for (let i = 0; i <= m; i++) {
        next.fill(0);
        for (let j = 0; j <= n; j++) {
            const p = column[j];
            if (p === 0)
                continue;
            if (Math.abs(n * i - m * j) >= limit) {
                column[j] = 0;
                continue;
            }
            const left = m - i + n - j;
            if (left === 0)
                continue;
            // Step in i (a draw from the first sample) or in j (from the second).
            if (i < m)
                next[j] = next[j] + (p * (m - i)) / left;
            if (j < n)
                column[j + 1] = column[j + 1] + (p * (n - j)) / left;
        }
        if (i === m)
            break;
        [column, next] = [next, column];
    }
    const inside = Math.abs(n * m - m * n) < limit ? column[n] : 0;
    return Math.min(1, Math.max(0, 1 - inside));
}
/** Rounds half to even, as numpy's `round` does (scipy rounds the effective size that way). */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
/**
 * The p-value of D for sizes m and n, as scipy's `ks_2samp` in its default mode: exact up to 10,000
 * per sample; above, the one-sample distribution of D at the effective size round(mn/(m+n))
 * (`kstwo.sf`), which is finer than the limiting Kolmogorov distribution at every size.
 */
function stats_ksPValue(m, n, d) {
    if (Math.max(m, n) <= exactKsLimit)
        return { pvalue: ksExactPValue(m, n, d), method: "exact" };
    return { pvalue: kstwoSf(d, Math.max(1, roundHalfEven((m * n) / (m + n)))), method: "asymptotic" };
}
function ks2(a, b) {
    const statistic = ksStatistic(a, b);
    return { statistic, ...stats_ksPValue(a.length, b.length, statistic) };
}
/** ln Γ(x) by the Lanczos approximation (g = 7, 9 terms): about 15 significant digits. */
function logGamma(x) {
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let a = c[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += c[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Regularised upper incomplete gamma Q(s, x): a series below s + 1, a continued fraction above. */
function gammaQ(s, x) {
    if (x <= 0)
        return 1;
    const lead = -x + s * Math.log(x) - logGamma(s);
    if (x < s + 1) {
        let term = 1 / s;
        let sum = term;
        for (let k = 1; k < 10_000; k++) {
            term *= x / (s + k);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-16)
                break;
        }
        return Math.max(0, 1 - sum * Math.exp(lead));
    }
    // Lentz's method on the continued fraction for Γ(s, x).
    const tiny = 1e-300;
    let b = x + 1 - s;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 10_000; i++) {
        const an = -i * (i - s);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.min(1, Math.exp(lead) * h);
}
function chi2Sf(statistic, dof) {
    return gammaQ(dof / 2, statistic / 2);
}
/**
 * Pearson's chi-square test of independence on a 2 × k table (reference counts, current counts),
 * with Yates' continuity correction when there is one degree of freedom. Categories counted zero
 * on both sides are dropped first (their expected count would be zero).
 */
function chi2TwoSample(reference, current) {
    const keep = reference.map((r, i) => r + (current[i] ?? 0) > 0);
    const rows = [reference.filter((_, i) => keep[i]), current.filter((_, i) => keep[i])];
    const k = rows[0]?.length ?? 0;
    if (k < 2)
        return { statistic: 0, pvalue: 1, dof: 0 };
    const rowTotals = rows.map((r) => r.reduce((a, b) => a + b, 0));
    const total = rowTotals[0] + rowTotals[1];
    if (rowTotals.some((t) => t === 0))
        return { statistic: 0, pvalue: 1, dof: k - 1 };
    const dof = k - 1;
    let statistic = 0;
    for (let c = 0; c < k; c++) {
        const colTotal = rows[0]?.[c] + rows[1]?.[c];
        for (let r = 0; r < 2; r++) {
            const expected = (rowTotals[r] * colTotal) / total;
            let diff = Math.abs(rows[r]?.[c] - expected);
            if (dof === 1)
                diff = Math.max(0, diff - 0.5);
            statistic += (diff * diff) / expected;
        }
    }
    return { statistic, pvalue: chi2Sf(statistic, dof), dof };
}
/**
 * Population stability index Σ (c − r) · ln(c / r) over bins of shares; empty bins take a floor
 * share so one empty bin does not make the index infinite.
 */
function psi(referenceCounts, currentCounts, floor = 1e-4) {
    const rt = referenceCounts.reduce((a, b) => a + b, 0);
    const ct = currentCounts.reduce((a, b) => a + b, 0);
    if (rt === 0 || ct === 0)
        return 0;
    let sum = 0;
    referenceCounts.forEach((r, i) => {
        const p = Math.max(r / rt, floor);
        const q = Math.max((currentCounts[i] ?? 0) / ct, floor);
        sum += (q - p) * Math.log(q / p);
    });
    return sum;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/drift.js



const defaultThreshold = { ks: 0.1, psi: 0.2, chi2: 0.1 };
/**
 * KS D between the current data (its CDF at the reference's sketch points, from `against`) and the
 * reference's step CDF rebuilt from its sketch, with the bound on its distance from the exact
 * two-sample statistic: 1/Q, plus — when only at-or-below counts were taken — the largest share
 * of current rows between two neighbouring points (D is then the upper estimate).
 */
function ksAgainstSketch(reference, current) {
    const against = current.against;
    const q = reference.sketch;
    if (!against || current.count === 0 || q.length === 0)
        return { statistic: 0, maxError: 0 };
    const n = current.count;
    let d = 0;
    let widest = 0;
    let k = 0;
    let previous = 0;
    against.points.forEach((v, i) => {
        const before = k / q.length;
        while (k < q.length && q[k] <= v)
            k++;
        const at = k / q.length;
        const here = against.at_or_below[i] / n;
        if (against.below) {
            d = Math.max(d, Math.abs(against.below[i] / n - before), Math.abs(here - at));
        }
        else {
            // Just below v the current CDF lies between its values at the previous point and at v.
            d = Math.max(d, Math.abs(previous - before), Math.abs(here - before), Math.abs(here - at));
            widest = Math.max(widest, here - previous);
        }
        previous = here;
    });
    return { statistic: d, maxError: 1 / q.length + widest };
}
function ruleFor(schema, column, kind) {
    const spec = schema?.columns[column]?.drift;
    const method = spec?.method ?? schema?.drift?.method ?? (kind === "numeric" ? "ks" : "chi2");
    const usable = kind === "categorical" && method === "ks"
        ? "chi2"
        : kind === "numeric" && method === "chi2"
            ? "ks"
            : method;
    return {
        method: usable,
        threshold: spec?.threshold ?? schema?.drift?.threshold ?? defaultThreshold[usable],
    };
}
/** Columns drift is tested on: shared by both sides and not an id, a time stamp or ignored. */
function testedColumns(reference, current, schema) {
    return Object.keys(reference.columns).filter((c) => {
        const role = schema?.columns[c]?.role;
        return current.columns[c] !== undefined && role !== "id" && role !== "ignore" && role !== "time";
    });
}
function verdict(column, kind, rule, alpha, parts) {
    const statistic = rule.method === "psi"
        ? parts.psi
        : rule.method === "ks"
            ? (parts.ks?.statistic ?? 0)
            : (parts.chi2?.cramers_v ?? 0);
    const pvalue = kind === "numeric" ? (parts.ks?.pvalue ?? null) : (parts.chi2?.pvalue ?? null);
    // Both must hold: a difference too big to be chance at this sample size (p below the split
    // alpha), and large enough to matter (the statistic over its threshold). The first keeps small
    // samples from alarming on noise; the second keeps huge samples from alarming on trivia.
    const significant = pvalue === null ? true : pvalue < alpha;
    return {
        column,
        kind,
        method: rule.method,
        statistic,
        threshold: rule.threshold,
        pvalue,
        alpha,
        ...parts,
        drifted: significant && statistic >= rule.threshold,
    };
}
function drift_categoricalCounts(ref, cur) {
    const r = [...ref.top.map((t) => t.count), ref.other];
    const byValue = new Map(cur.top.map((t) => [t.value, t.count]));
    const c = [...ref.top.map((t) => byValue.get(t.value) ?? 0), cur.other];
    return { r, c };
}
function chi2Part(r, c) {
    const result = chi2TwoSample(r, c);
    const n = r.reduce((a, b) => a + b, 0) + c.reduce((a, b) => a + b, 0);
    return { ...result, cramers_v: n > 0 ? Math.sqrt(result.statistic / n) : 0 };
}
/** The verdict per column and overall, whichever way the statistics were measured. */
async function assess(reference, current, schema, mode, measures) {
    const columns = testedColumns(reference, current, schema);
    const alphaTotal = schema?.drift?.alpha ?? 0.05;
    const alpha = alphaTotal / Math.max(1, columns.length);
    const out = [];
    for (const name of columns) {
        const ref = reference.columns[name];
        const cur = current.columns[name];
        if (ref?.kind === "numeric" && cur?.kind === "numeric") {
            out.push(verdict(name, "numeric", ruleFor(schema, name, "numeric"), alpha, {
                psi: psi(ref.histogram.counts, cur.histogram.counts),
                ks: await measures.ks(name, ref, cur),
                reference_rows: ref.count,
                current_rows: cur.count,
            }));
        }
        else if (ref?.kind === "categorical" && cur?.kind === "categorical") {
            const { r, c } = await measures.counts(name, ref, cur);
            out.push(verdict(name, "categorical", ruleFor(schema, name, "categorical"), alpha, {
                psi: psi(r, c),
                chi2: chi2Part(r, c),
                reference_rows: ref.count,
                current_rows: cur.count,
            }));
        }
    }
    const drifted = out.filter((c) => c.drifted).map((c) => c.column);
    return { drifted: drifted.length > 0, mode, alpha: alphaTotal, columns: out, drifted_columns: drifted };
}
/**
 * Drift of the current data against a saved reference profile, without reading the reference data.
 * KS compares the current data with the reference's sketch (error below 1/Q); the current profile
 * must have been taken against the reference (`profileTable(…, { reference })`) so bins and
 * categories match.
 */
function drift_driftFromProfiles(reference, current, options = {}) {
    return assess(reference, current, options.schema, "profile", {
        async ks(_, ref, cur) {
            const { statistic, maxError } = ksAgainstSketch(ref, cur);
            const pvalue = ref.count > 0 && cur.count > 0 ? ksPValue(ref.count, cur.count, statistic).pvalue : 1;
            return { statistic, pvalue, method: "sketch", max_error: maxError };
        },
        async counts(_, ref, cur) {
            return drift_categoricalCounts(ref, cur);
        },
    });
}
/** The exact two-sample KS statistic, computed in DuckDB over both tables' values. */
async function exactKs(ref, cur, expr) {
    const [row] = await source_query(`
    WITH u AS (
      SELECT ${expr} AS x, 1 AS a, 0 AS b FROM ${ref.name} WHERE ${expr} IS NOT NULL
      UNION ALL
      SELECT ${expr} AS x, 0 AS a, 1 AS b FROM ${cur.name} WHERE ${expr} IS NOT NULL),
    g AS (SELECT x, sum(a) AS a, sum(b) AS b FROM u GROUP BY x),
    c AS (SELECT sum(a) OVER (ORDER BY x) AS ca, sum(b) OVER (ORDER BY x) AS cb FROM g),
    t AS (SELECT sum(a) AS na, sum(b) AS nb FROM g)
    SELECT max(abs(ca / na - cb / nb)) AS d FROM c, t`);
    return Number(row?.d ?? 0);
}
/**
 * Drift with both data sets at hand: KS with the exact statistic and p-value, chi-square over
 * every category. PSI uses bins from the reference's deciles.
 */
function drift_driftExact(reference, current, referenceProfile, currentProfile, options = {}) {
    const types = new Map(reference.columns.map((c) => [c.name, c.type]));
    return assess(referenceProfile, currentProfile, options.schema, "exact", {
        async ks(name, ref, cur) {
            const statistic = await exactKs(reference, current, valueExpr(name, types.get(name) ?? "DOUBLE").expr);
            const p = stats_ksPValue(ref.count, cur.count, statistic);
            return { statistic, pvalue: p.pvalue, method: p.method, max_error: 0 };
        },
        async counts(name) {
            const v = `CAST(${source_ident(name)} AS VARCHAR)`;
            const rows = await source_query(`
        SELECT v, sum(a) AS a, sum(b) AS b FROM (
          SELECT ${v} AS v, 1 AS a, 0 AS b FROM ${reference.name} WHERE ${source_ident(name)} IS NOT NULL
          UNION ALL
          SELECT ${v} AS v, 0 AS a, 1 AS b FROM ${current.name} WHERE ${source_ident(name)} IS NOT NULL)
        GROUP BY v ORDER BY v`);
            return { r: rows.map((x) => Number(x.a)), c: rows.map((x) => Number(x.b)) };
        },
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/github.js

function escapeData(s) {
    return s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(s) {
    return escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
/**
 * GitHub Actions workflow commands, one per finding: the runner turns each into an annotation on
 * the schema line of the rule that failed (errors as errors, warnings as warnings).
 */
function annotationLines(report) {
    return report.findings.map((f) => {
        const props = [`file=${escapeProperty(f.file ?? report.schema)}`];
        if (f.line)
            props.push(`line=${f.line}`);
        props.push(`title=${escapeProperty(`${report.file}: ${f.check}${f.column ? ` of ${f.column}` : ""}`)}`);
        return `::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeData(f.message)}`;
    });
}
/** Appends a markdown section to the job summary, when running in Actions. */
async function appendStepSummary(markdown, env = process.env) {
    const file = env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    await appendFile(file, `${markdown}\n\n`);
    return true;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/infer.js


function logicalType(c) {
    if (isIntegerType(c.type))
        return "integer";
    if (isNumericType(c.type))
        return "number";
    if (c.type === "BOOLEAN")
        return "boolean";
    if (c.type === "DATE")
        return "date";
    if (c.type.startsWith("TIMESTAMP"))
        return "timestamp";
    return "string";
}
/**
 * A first draft of a dataset schema from the data itself: types, nullability, observed ranges,
 * small category sets. Meant to be reviewed and tightened, then committed.
 */
async function infer_inferSchema(table, path) {
    const columns = {};
    for (const col of table.columns) {
        const c = ident(col.name);
        const type = logicalType(col);
        const [s] = await query(`SELECT count(*) - count(${c}) AS nulls, count(DISTINCT ${c}) AS distinct, count(${c}) AS count,
              ${type === "integer" || type === "number" ? `min(${c}) AS min, max(${c}) AS max` : "NULL AS min, NULL AS max"}
       FROM ${table.name}`);
        const spec = { type, nullable: Number(s?.nulls ?? 0) > 0 };
        if (s?.min !== null && s?.min !== undefined)
            spec.min = Number(s.min);
        if (s?.max !== null && s?.max !== undefined)
            spec.max = Number(s.max);
        const distinct = Number(s?.distinct ?? 0);
        if (type === "string" && distinct > 0 && distinct <= 20) {
            const values = await query(`SELECT DISTINCT CAST(${c} AS VARCHAR) AS v FROM ${table.name} WHERE ${c} IS NOT NULL ORDER BY v`);
            spec.allowed = values.map((v) => String(v.v));
        }
        if (type === "string" && distinct === Number(s?.count ?? -1) && distinct > 20)
            spec.unique = true;
        columns[col.name] = spec;
    }
    const draft = {
        format: formatOf(path),
        columns,
        row_count: { min: 1 },
    };
    return `# Drafted by \`mlops schema infer\` from ${table.file} (${table.rows} rows): review the ranges and
# categories, add roles (target, time, id) and drift rules, then commit.
${stringify(draft, { lineWidth: 0, flowCollectionPadding: false })}`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/profile-file.js


/**
 * Reads a profile `mlops profile` wrote (`*.profile.json`): the saved reference of `mlops drift` and
 * of a server's live drift. A module of its own so the server can read one without loading DuckDB.
 */
async function profile_file_readProfileFile(file, display = file) {
    try {
        const parsed = JSON.parse(await readFile(file, "utf8"));
        if (parsed?.schema !== "1" || typeof parsed.columns !== "object" || parsed.columns === null) {
            throw new Error('expected schema "1" and columns');
        }
        return parsed;
    }
    catch (err) {
        throw new MlopsError("invalid-file", `not a reference profile: ${err.message}`, {
            file: display,
            expected: "a profile written by `mlops profile`",
        });
    }
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(3583);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/dataset-schema.js
var dataset_schema = __webpack_require__(8261);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(7441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/run.js
















/** Repo-relative inside the repository; absolute for a file outside it. */
function shown(layout, abs) {
    const rel = (0,repo/* toRepoPath */.xD)(layout, abs);
    return rel.startsWith("..") ? abs : rel;
}
function stem(path) {
    return basename(path).replace(/\.(csv|tsv|json|jsonl|ndjson|parquet|arrow)$/i, "");
}
/** `cars` → data/cars.dvc's workspace copy and schema; anything else is taken as a file path. */
async function resolveTarget(layout, cwd, arg, schemaOverride) {
    const manifestPath = join(layout.dataDir, `${arg}.dvc`);
    if (!arg.includes("/") && !arg.includes(".") && existsSync(manifestPath)) {
        const manifest = await readYamlFile(manifestPath, dataManifest, shown(layout, manifestPath));
        const out = manifest.outs[0];
        if (!out)
            throw new MlopsError("invalid-file", "the manifest has no output", {
                file: shown(layout, manifestPath),
            });
        const file = resolve(layout.dataDir, out.path);
        if (!existsSync(file)) {
            throw new MlopsError("not-found", `dataset '${arg}' is tracked but its data is not here`, {
                file: shown(layout, file),
                hint: `run \`mlops data pull ${arg}\` (or \`mlops run\`) to fetch and verify it`,
            });
        }
        const schemaFile = schemaOverride
            ? resolve(cwd, schemaOverride)
            : manifest.schema
                ? resolve(layout.dataDir, manifest.schema)
                : join(layout.dataDir, `${arg}.schema.yaml`);
        return {
            file,
            display: shown(layout, file),
            dataset: arg,
            schemaFile: existsSync(schemaFile) || schemaOverride ? schemaFile : undefined,
            profileFile: join(layout.dataDir, `${arg}.profile.json`),
        };
    }
    const file = resolve(cwd, arg);
    if (!existsSync(file)) {
        throw new MlopsError("not-found", `no tracked dataset or file named '${arg}'`, {
            hint: `tracked datasets are data/<name>.dvc; a file path is taken relative to ${cwd}`,
        });
    }
    const sibling = join(dirname(file), `${stem(file)}.schema.yaml`);
    const schemaFile = schemaOverride
        ? resolve(cwd, schemaOverride)
        : existsSync(sibling)
            ? sibling
            : undefined;
    return {
        file,
        display: shown(layout, file),
        schemaFile,
        profileFile: join(dirname(file), `${stem(file)}.profile.json`),
    };
}
async function loadSchema(layout, file) {
    const display = shown(layout, file);
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", "schema file not found", { file: display });
    }
    const schema = (0,yaml_file/* parseYaml */.hN)(text, dataset_schema/* datasetSchema */.eS, display);
    return { schema, display, lineOf: (path) => (0,yaml_file/* lineInYaml */.RH)(text, path) };
}
/** `mlops validate`: loads the table in DuckDB and runs every rule of its schema. */
async function validateTarget(layout, target, options = {}) {
    if (!target.schemaFile) {
        throw new MlopsError("not-found", `no schema for ${target.display}`, {
            hint: target.dataset
                ? `draft one with \`mlops schema infer ${target.dataset} --out data/${target.dataset}.schema.yaml\`, review it, commit it`
                : "pass --schema FILE, or put <name>.schema.yaml beside the file (`mlops schema infer FILE` drafts one)",
        });
    }
    const loaded = await loadSchema(layout, target.schemaFile);
    const table = await loadTable(target.file, {
        display: target.display,
        format: loaded.schema.format,
    });
    try {
        const findings = (await runChecks(table, loaded.schema, loaded.lineOf)).map((f) => ({
            ...f,
            file: loaded.display,
        }));
        const failed = findings.filter((f) => f.severity === "error");
        const dropped = findings.filter((f) => f.action === "dropped").reduce((n, f) => n + f.count, 0);
        if (options.profileOut) {
            const { sha256 } = await hashFile(target.file);
            await writeFileAtomic(options.profileOut, serializeProfile(await profileTable(table, { sha256 })));
        }
        return {
            ok: failed.length === 0,
            file: target.display,
            ...(target.dataset ? { dataset: target.dataset } : {}),
            schema: loaded.display,
            rows: table.rows,
            dropped_rows: dropped,
            findings,
            failed,
        };
    }
    finally {
        await dropTable(table);
    }
}
/** Profiles the target and saves it as its reference profile (stable JSON keyed by the data hash). */
async function saveReferenceProfile(layout, target, out = target.profileFile) {
    const schema = target.schemaFile ? (await loadSchema(layout, target.schemaFile)).schema : undefined;
    const table = await loadTable(target.file, {
        display: target.display,
        format: schema?.format,
    });
    try {
        const { sha256 } = await hashFile(target.file);
        const profile = await profileTable(table, { sha256 });
        await writeFileAtomic(out, serializeProfile(profile));
        return { file: shown(layout, out), profile };
    }
    finally {
        await dropTable(table);
    }
}
/** `mlops schema infer`: a drafted schema for a tracked dataset or a data file, as YAML text. */
async function inferSchemaFor(layout, cwd, arg) {
    const target = await resolveTarget(layout, cwd, arg);
    const table = await loadTable(target.file, { display: target.display });
    try {
        return await inferSchema(table, target.file);
    }
    finally {
        await dropTable(table);
    }
}
/**
 * A drift test over no column at all would say "no drift" about tables that have nothing to compare
 * (a wrong file, a renamed export): that is a mistake to report, not a verdict.
 */
function requireTestedColumns(report, reference, current, named) {
    if (report.columns.length > 0)
        return;
    const refColumns = Object.keys(reference.columns);
    const curColumns = Object.keys(current.columns);
    const shared = refColumns.filter((c) => curColumns.includes(c));
    const list = (names) => (names.length > 0 ? names.join(", ") : "none");
    throw new MlopsError("invalid-file", shared.length === 0
        ? `nothing to compare: ${named.current} (columns ${list(curColumns)}) has no column in common with ${named.reference} (columns ${list(refColumns)})`
        : `nothing to compare: the columns ${named.current} shares with ${named.reference} (${list(shared)}) are all excluded by the schema's roles or differ in kind`, {
        file: named.current,
        expected: `at least one column of ${named.reference} (${list(refColumns)}) with the same kind`,
        got: list(curColumns),
        hint: "check that both arguments name the same kind of table",
    });
}
/**
 * `mlops drift REFERENCE CURRENT`: a reference given as a saved profile (`*.profile.json`) is used
 * as is; a reference given as data is read too, and the test is exact.
 */
async function driftTargets(layout, cwd, referenceArg, currentArg, options = {}) {
    const current = await resolveTarget(layout, cwd, currentArg, options.schema);
    const schemaFile = current.schemaFile;
    const loadedSchema = schemaFile ? await loadSchema(layout, schemaFile) : undefined;
    const schema = loadedSchema?.schema;
    const format = schema?.format;
    const profilePath = referenceArg.endsWith(".profile.json") ? resolve(cwd, referenceArg) : undefined;
    const reference = profilePath ? undefined : await resolveTarget(layout, cwd, referenceArg, options.schema);
    const useSaved = profilePath ??
        (options.useProfile && reference && existsSync(reference.profileFile)
            ? reference.profileFile
            : undefined);
    const currentTable = await loadTable(current.file, { display: current.display, format, view: true });
    try {
        if (useSaved) {
            const referenceProfile = await readProfileFile(useSaved, shown(layout, useSaved));
            const currentProfile = await profileTable(currentTable, { reference: referenceProfile });
            const report = await driftFromProfiles(referenceProfile, currentProfile, { schema });
            const named = { reference: shown(layout, useSaved), current: current.display };
            requireTestedColumns(report, referenceProfile, currentProfile, named);
            return { ...report, ...named };
        }
        const ref = reference;
        const referenceTable = await loadTable(ref.file, { display: ref.display, format, view: true });
        try {
            const referenceProfile = await profileTable(referenceTable, { depth: "lean" });
            const currentProfile = await profileTable(currentTable, { reference: referenceProfile, depth: "lean" });
            const report = await driftExact(referenceTable, currentTable, referenceProfile, currentProfile, {
                schema,
            });
            const named = { reference: ref.display, current: current.display };
            requireTestedColumns(report, referenceProfile, currentProfile, named);
            return { ...report, ...named };
        }
        finally {
            await dropTable(referenceTable);
        }
    }
    finally {
        await dropTable(currentTable);
    }
}
/**
 * The datasets named (by default every tracked dataset that has a schema), each validated in turn:
 * what a CI step validates before anything trains.
 */
async function validateDatasets(layout, names = []) {
    let selected = [...names];
    if (selected.length === 0) {
        const { selectDatasets } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
        selected = (await selectDatasets(layout, [], layout.root))
            .map((d) => d.name)
            .filter((n) => existsSync(join(layout.dataDir, `${n}.schema.yaml`)));
    }
    const reports = [];
    for (const name of selected)
        reports.push(await validateTarget(layout, await resolveTarget(layout, layout.root, name)));
    return reports;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/index.js












/***/ })

};
