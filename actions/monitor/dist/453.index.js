export const id = 453;
export const ids = [453,196];
export const modules = {

/***/ 558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gs: () => (/* reexport */ isTempName),
  hI: () => (/* reexport */ splitAcrossWorkers),
  lx: () => (/* reexport */ startEvalWorker),
  FD: () => (/* reexport */ tempPathFor)
});

// UNUSED EXPORTS: packageRoot, splitIntoShares, writeFileAtomic

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/atomic-write.js



/**
 * A temp name in the target's own directory, so the final rename never crosses a file system and is
 * atomic. The leading dot and `.tmp` suffix let cleanup and listings recognise leftovers of a kill.
 */
function tempPathFor(target) {
    tempCounter += 1;
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_path_.basename)(target)}.${process.pid}.${processTag}${tempCounter}.tmp`);
}
// A random tag per process plus a counter: unique like fresh random bytes, without their cost per file.
const processTag = (0,external_node_crypto_.randomBytes)(3).toString("hex");
let tempCounter = 0;
function isTempName(name) {
    return name.startsWith(".") && name.endsWith(".tmp");
}
/** Writes `data` so that readers see either the old file or the whole new one, never a part. */
async function writeFileAtomic(target, data) {
    await mkdir(dirname(target), { recursive: true });
    const temp = tempPathFor(target);
    try {
        await writeFile(temp, data);
        await rename(temp, target);
    }
    catch (err) {
        await rm(temp, { force: true });
        throw err;
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/package-root.js

/**
 * The installed package's root directory (where package.json is). Every compiled module sits two
 * levels below it, in lib/<folder>/, and so do the chunks of the command-line bundle in lib/bundle/:
 * paths to files the package ships are taken from here, never from the calling module's own place,
 * which differs between the two.
 */
const packageRoot = (0,external_node_url_.fileURLToPath)(new URL(/* asset import */ __webpack_require__(5762), __webpack_require__.b));

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/worker-threads.js

/**
 * Starts a worker thread on `source`, a CommonJS program given as text (run with `eval`, so the
 * bundled CLI needs no separate worker file). The program reaches modules through
 * `module.require`: a bundler rewrites a bare `require(…)` in our sources into a helper the worker
 * lacks. A worker that is never waited for (it found no work, or the caller failed first) is
 * terminated, which rejects its reply: that rejection is marked handled here.
 */
function startEvalWorker(source, workerData) {
    const worker = new external_node_worker_threads_.Worker(source, { eval: true, workerData });
    const reply = new Promise((resolve, reject) => {
        worker.once("message", (message) => {
            void worker.terminate();
            resolve(message);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`a worker thread stopped before answering (exit ${code})`)));
    });
    reply.catch(() => { });
    return { worker, reply };
}
/** Cuts `items` into at most `threads` consecutive shares of nearly equal length, none empty. */
function splitIntoShares(items, threads) {
    const size = Math.ceil(items.length / Math.max(1, threads));
    const shares = [];
    for (let offset = 0; offset < items.length; offset += size)
        shares.push({ offset, items: items.slice(offset, offset + size) });
    return shares;
}
/**
 * Cuts `items` into shares, one per thread: the first is done here by `here` while each other share
 * goes to a worker running `source`, which gets `workerData(share)` and answers with its result.
 * Resolves with every share's result, in the order of the shares.
 */
async function splitAcrossWorkers(items, threads, work) {
    const [first, ...rest] = splitIntoShares(items, threads);
    if (!first)
        return [];
    const workers = rest.map((share, t) => startEvalWorker(work.source, work.workerData(share, t + 1)));
    try {
        const mine = work.here(first);
        const theirs = await Promise.all(workers.map((w) => w.reply));
        return [{ share: first, result: mine }, ...rest.map((share, t) => ({ share, result: theirs[t] }))];
    }
    finally {
        for (const { worker } of workers)
            void worker.terminate();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/index.js





/***/ }),

/***/ 1865:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Y: () => (/* reexport */ git),
  RL: () => (/* reexport */ gitCapture),
  Pm: () => (/* reexport */ gitRaw),
  jP: () => (/* reexport */ gitStderrTail),
  b4: () => (/* reexport */ readBlobs),
  _D: () => (/* reexport */ remoteEnv)
});

// UNUSED EXPORTS: isGitRepo

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/git/git.js


/** Runs git with no shell and collects both streams as bytes; the exit code is the caller's to judge. */
function spawnGit(args, options) {
    return new Promise((resolvePromise, reject) => {
        const input = options.input;
        const child = (0,external_node_child_process_.spawn)("git", args, {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
        });
        const out = [];
        const err = [];
        child.stdout?.on("data", (chunk) => out.push(chunk));
        child.stderr?.on("data", (chunk) => err.push(chunk));
        child.on("error", (cause) => reject(new errors/* MlopsError */.IC("command-failed", "could not run git", { cause, hint: "is git installed?" })));
        child.on("close", (code) => resolvePromise({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code: code ?? 1 }));
        if (input !== undefined && child.stdin) {
            // git may exit before reading everything (e.g. on a bad object name); the exit code reports that.
            child.stdin.on("error", () => { });
            child.stdin.end(input);
        }
    });
}
/** The end of what git said on stderr, on one line: where it says why it refused. */
function gitStderrTail(stderr, lines = 2) {
    return stderr.trim().split("\n").slice(-lines).join("; ");
}
/** The one way this code base runs git: no shell, output as bytes, failures as MlopsError. */
async function gitRaw(args, options) {
    const { stdout, stderr, code } = await spawnGit(args, options);
    if (code === 0 || options.okCodes?.includes(code))
        return { stdout, code };
    const message = gitStderrTail(stderr.toString("utf8"), 3);
    throw new errors/* MlopsError */.IC("command-failed", `git ${args[0]} failed (exit ${code}): ${message}`);
}
/** Runs git and keeps stderr: for commands whose refusal (a rejected push) is an answer to read. */
async function gitCapture(args, options) {
    const { stdout, stderr, code } = await spawnGit(args, options);
    return { stdout: stdout.toString("utf8"), stderr: stderr.toString("utf8"), code };
}
async function git(args, options) {
    return (await gitRaw(args, options)).stdout.toString("utf8");
}
async function isGitRepo(cwd) {
    const result = await gitRaw(["rev-parse", "--git-dir"], { cwd, okCodes: [128] });
    return result.code === 0;
}
/**
 * Reads many blobs in one `git cat-file --batch` process; returns their contents by object name.
 * One process for thousands of blobs instead of one each.
 */
async function readBlobs(cwd, objectNames) {
    const result = new Map();
    if (objectNames.length === 0)
        return result;
    const { stdout } = await gitRaw(["cat-file", "--batch"], { cwd, input: `${objectNames.join("\n")}\n` });
    let offset = 0;
    for (const name of objectNames) {
        const newline = stdout.indexOf(0x0a, offset);
        if (newline < 0)
            break;
        const header = stdout.subarray(offset, newline).toString("utf8");
        offset = newline + 1;
        const [, type, sizeText] = header.split(" ");
        if (type === undefined || sizeText === undefined || header.endsWith(" missing"))
            continue;
        const size = Number(sizeText);
        result.set(name, stdout.subarray(offset, offset + size));
        offset += size + 1;
    }
    return result;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/git/remote-env.js
/**
 * The token travels as git config in the environment (GIT_CONFIG_COUNT), not in argv or the URL,
 * so it never shows in `ps`, in git's error messages or in the remote's reflog.
 */
function remoteEnv(target) {
    // Never prompt: a CI job has no one to answer, and a missing credential should fail at once.
    const env = { GIT_TERMINAL_PROMPT: "0" };
    if (!target.token)
        return env;
    const basic = Buffer.from(`x-access-token:${target.token}`).toString("base64");
    return {
        ...env,
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "http.extraHeader",
        GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/git/index.js




/***/ }),

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

/***/ 2296:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SC: () => (/* reexport */ pipeline_lock.pipelineLock),
  _p: () => (/* reexport */ sweep/* sweepPointCount */._p)
});

// UNUSED EXPORTS: checkManifestFile, checkManifests, columnSpec, columnType, command, cpuMillicores, dataManifest, dataOut, dataSource, datasetSchema, defaultSweepMaxPoints, driftMethod, driftRule, findManifests, formatFieldPath, gate, gitCommit, isDvcOwnFile, isoDateTime, jsonSchemaFor, kindForPath, lockEntry, lockStage, manifestKind, manifestKindNames, manifestKinds, maxSweepKeys, maxSweepPoints, memoryBytes, modelCard, modelDeploySettings, modelVersion, nameSlug, outOptions, outPath, paramValue, paramsFile, parseYaml, pipeline, pipelinePath, readYamlFile, regressionGate, remoteConfig, repoConfig, repoDeploySettings, repoRelativePath, semverTag, sha256Hex, stage, stageAssignment, stageOut, stageParam, stringifyYaml, sweepBlock, sweepGridSize, tensorSpec, thresholdGate, writeYamlFile

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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js
var model_version = __webpack_require__(7833);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/params.js
var params = __webpack_require__(6363);
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
        schema: params/* paramsFile */.p,
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

/***/ 6167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   modelCard: () => (/* binding */ modelCard),
/* harmony export */   monitoringRule: () => (/* binding */ monitoringRule)
/* harmony export */ });
/* unused harmony exports thresholdGate, regressionGate, validationGate, gate, registryName, monitoringDrift, metricDecayRule */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _dataset_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8261);
/* harmony import */ var _deploy_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7102);
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7833);
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

/***/ 7833:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ semverTag),
/* harmony export */   Wm: () => (/* binding */ tagReference),
/* harmony export */   modelVersion: () => (/* binding */ modelVersion),
/* harmony export */   zK: () => (/* binding */ isoDateTime)
/* harmony export */ });
/* unused harmony exports gitCommit, tensorSpec */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4377);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);


/** `v1.4.0`, optionally with a pre-release or build suffix. */
const semverTag = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: "expected a version like 'v1.4.0'" })
    .regex(/^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, "expected a version like 'v1.4.0'");
const isoDateTime = zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$({
    offset: true,
    error: "expected an ISO 8601 date and time, like '2024-05-01T12:00:00Z'",
});
const gitCommit = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[0-9a-f]{40}$/, "expected a full git commit id (40 lowercase hex)");
const tensorSpec = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a tensor name"),
    dtype: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a dtype such as 'float32'"),
    shape: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* ["null"] */ .chJ()], {
        error: "expected an integer, a symbolic dimension name, or null",
    }))
        .describe("dimensions; a string or null is a dynamic dimension"),
});
/** Another registry tag by name and tag object id: a tag deleted and re-created gets a new id. */
const tagReference = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    tag: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected a tag name"),
    object: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id"),
});
/** The annotation of tag `<model>@vX.Y.Z`: everything needed to trust and reproduce the version. */
const modelVersion = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    version: semverTag,
    model: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng,
    created: isoDateTime,
    commit: gitCommit.describe("the commit the version was built from"),
    pipeline: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        name: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng,
        lock_sha256: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg.describe("hash of pipeline.lock at that commit"),
    }),
    data: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        name: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng,
        sha256: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg.describe("hash of the data manifest"),
        path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional().describe("the data manifest, relative to the repository"),
        data_sha256: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^[0-9a-f]{64}(\.dir)?$/, "expected a sha256, suffixed '.dir' for a directory")
            .optional()
            .describe("hash of the data itself, as the manifest records it"),
    }))
        .default([]),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).default({}),
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: "expected a number" })).default({}),
    validation: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        ok: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY({ error: "expected true or false" }),
        summary: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    })
        .optional(),
    signature: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        inputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(tensorSpec),
        outputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(tensorSpec),
    }),
    artifact: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        sha256: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .fg,
        size: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative("expected a size in bytes (>= 0)"),
        uri: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "expected where the artifact is stored"),
    }),
    parent: tagReference
        .optional()
        .describe("the model's previous registration, so a re-created tag breaks the chain and `registry verify` sees it"),
    provenance: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        run_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int()]).optional(),
        run_url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ error: "expected a URL" }).optional(),
        actor: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        workflow: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    })
        .optional(),
});


/***/ }),

/***/ 6363:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ paramsFile)
/* harmony export */ });
/* unused harmony export paramValue */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

const paramValue = zod__WEBPACK_IMPORTED_MODULE_0__/* .lazy */ .RZV(() => zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(paramValue), zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), paramValue)], { error: "expected a scalar, a list or a mapping" }));
/** `pipelines/<name>/params.yaml`: nested mappings of scalars and lists, read by stages. */
const paramsFile = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), paramValue, { error: "expected a mapping of parameter names to values" })
    .describe("parameters; stages name them as `section.key` in their `params` list");


/***/ }),

/***/ 2687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ lockEntry),
/* harmony export */   pipelineLock: () => (/* binding */ pipelineLock)
/* harmony export */ });
/* unused harmony export lockStage */
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
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7833);



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

/***/ 6565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ sweepBlock),
/* harmony export */   _p: () => (/* binding */ sweepPointCount)
/* harmony export */ });
/* unused harmony exports maxSweepPoints, defaultSweepMaxPoints, maxSweepKeys, sweepGridSize */
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


/***/ }),

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RH: () => (/* binding */ lineInYaml),
/* harmony export */   kv: () => (/* binding */ readYamlFile),
/* harmony export */   parseYaml: () => (/* binding */ parseYaml)
/* harmony export */ });
/* unused harmony exports formatFieldPath, stringifyYaml, writeYamlFile, parsedYaml */
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


/***/ }),

/***/ 8600:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ metricDirection)
/* harmony export */ });
/** Metrics whose direction mlops knows: `true` when higher is better. Anything else is unknown. */
const higherIsBetter = {
    rmse: false,
    mae: false,
    mape: false,
    mse: false,
    log_loss: false,
    r2: true,
    accuracy: true,
    macro_f1: true,
    f1: true,
    roc_auc_ovr: true,
    roc_auc: true,
    precision: true,
    recall: true,
};
/** Direction of a metric by its last name part (`test.rmse` is an rmse); undefined when unknown. */
function metricDirection(metric) {
    const last = metric.split(".").at(-1) ?? metric;
    const higher = higherIsBetter[last];
    return higher === undefined ? undefined : higher ? "higher" : "lower";
}


/***/ }),

/***/ 3487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   flatten: () => (/* binding */ flatten)
/* harmony export */ });
// No imports: the registry's read path uses this without loading the pipeline code behind compare.ts.
/**
 * `{a: {b: 1}}` → `{"a.b": 1}`. Lists are left out (a confusion matrix is not a metric) unless
 * `keepLists`, which keeps each list whole under its key (a list param such as `features`).
 */
function flatten(value, prefix = "", out = {}, keepLists = false) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value))
            flatten(v, prefix ? `${prefix}.${k}` : k, out, keepLists);
    }
    else if ((keepLists || !Array.isArray(value)) && prefix) {
        out[prefix] = value;
    }
    return out;
}


/***/ }),

/***/ 7652:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bq: () => (/* reexport */ metrics_flatten.flatten),
  EE: () => (/* reexport */ direction/* metricDirection */.E)
});

// UNUSED EXPORTS: changesMarkdown, diffMetrics, diffParams, metricsMarkdown, workspaceMetrics

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var git = __webpack_require__(1865);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js + 11 modules
var pipeline = __webpack_require__(3633);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/metrics/compare.js








/** Every metrics file the pipelines declare, with the values in the working tree (missing files are skipped). */
async function workspaceMetrics(layout, pipelines, loaded) {
    const specs = loaded ?? (await loadPipelines(layout, pipelines));
    const files = [];
    for (const p of specs) {
        for (const stage of p.stages) {
            for (const out of stage.outs.filter((o) => o.kind === "metrics")) {
                if (!existsSync(out.abs))
                    continue;
                files.push({
                    pipeline: p.name,
                    path: out.repoPath,
                    values: await parseMetrics(out.repoPath, await readFile(out.abs, "utf8")),
                });
            }
        }
    }
    return files;
}
async function parseMetrics(path, text) {
    try {
        return flatten(path.endsWith(".json") ? JSON.parse(text) : parseYamlText(text));
    }
    catch (err) {
        throw new MlopsError("invalid-file", `cannot read metrics: ${err.message}`, {
            file: path,
            expected: "JSON (or YAML) metrics",
        });
    }
}
async function filesAt(layout, rev, paths) {
    const blobs = await readBlobs(layout.root, paths.map((p) => `${rev}:${p}`));
    const out = new Map();
    for (const p of paths) {
        const blob = blobs.get(`${rev}:${p}`);
        if (blob)
            out.set(p, blob.toString("utf8"));
    }
    return out;
}
function compare(path, base, current, all) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(current)])].sort();
    const changes = [];
    for (const key of keys) {
        const b = base[key];
        const c = current[key];
        if (!all && b === c)
            continue;
        changes.push({
            path,
            key,
            base: b,
            current: c,
            ...(typeof b === "number" && typeof c === "number" ? { change: c - b } : {}),
        });
    }
    return changes;
}
/** Metrics in the working tree against the same files at `rev` (default HEAD). */
async function diffMetrics(layout, options = {}) {
    const rev = options.base ?? "HEAD";
    const specs = await loadPipelines(layout, options.pipelines);
    const current = await workspaceMetrics(layout, options.pipelines, specs);
    const declared = specs.flatMap((p) => p.stages.flatMap((s) => s.outs.filter((o) => o.kind === "metrics").map((o) => o.repoPath)));
    const before = await filesAt(layout, rev, declared);
    const changes = [];
    for (const path of declared) {
        const now = current.find((f) => f.path === path)?.values ?? {};
        const text = before.get(path);
        const then = text === undefined ? {} : await parseMetrics(`${rev}:${path}`, text);
        changes.push(...compare(path, then, now, options.all === true));
    }
    return changes;
}
/** Params of every pipeline in the working tree against `rev`. */
async function diffParams(layout, options = {}) {
    const rev = options.base ?? "HEAD";
    const specs = await loadPipelines(layout, options.pipelines);
    const files = [
        ...new Set(specs.flatMap((p) => p.stages.flatMap((s) => s.params.map((q) => join(s.wdirPath, q.file))))),
    ].sort();
    const before = await filesAt(layout, rev, files);
    const changes = [];
    for (const file of files) {
        const abs = join(layout.root, file);
        const now = existsSync(abs) ? paramValues(parseYamlText(await readFile(abs, "utf8"))) : {};
        const text = before.get(file);
        const then = text === undefined ? {} : paramValues(parseYamlText(text));
        changes.push(...compare(file, then, now, options.all === true));
    }
    return changes;
}
/** Params flattened with their lists kept, each list as JSON text so a changed list compares unequal. */
function paramValues(doc) {
    const flat = flatten(doc ?? {}, "", {}, true);
    for (const [k, v] of Object.entries(flat))
        if (Array.isArray(v))
            flat[k] = JSON.stringify(v);
    return flat;
}
function cell(v) {
    if (v === undefined)
        return "—";
    if (typeof v === "number")
        return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
    return String(v);
}
function signed(n) {
    const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3)));
    return n > 0 ? `+${text}` : text;
}
/** A markdown table: what a pull-request comment or a terminal shows. */
function changesMarkdown(changes, baseLabel) {
    if (changes.length === 0)
        return `No changes against ${baseLabel}.`;
    const rows = changes.map((c) => {
        const pct = c.change !== undefined && typeof c.base === "number" && c.base !== 0
            ? ` (${signed((100 * c.change) / Math.abs(c.base))} %)`
            : "";
        return `| ${c.path} | ${c.key} | ${cell(c.base)} | ${cell(c.current)} | ${c.change === undefined ? "" : `${signed(c.change)}${pct}`} |`;
    });
    return [`| file | key | ${baseLabel} | workspace | change |`, "|---|---|---|---|---|", ...rows].join("\n");
}
function metricsMarkdown(files) {
    if (files.length === 0)
        return "No metrics files yet: run `mlops run` first.";
    const rows = files.flatMap((f) => Object.entries(f.values).map(([k, v]) => `| ${f.path} | ${k} | ${cell(v)} |`));
    return ["| file | metric | value |", "|---|---|---|", ...rows].join("\n");
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/direction.js
var direction = __webpack_require__(8600);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/flatten.js
var metrics_flatten = __webpack_require__(3487);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/metrics/index.js





/***/ }),

/***/ 1453:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  monitorMarkdown: () => (/* reexport */ monitorMarkdown),
  monitorModel: () => (/* reexport */ monitorModel)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var git = __webpack_require__(1865);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/index.js + 1 modules
var metrics = __webpack_require__(7652);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js + 11 modules
var pipeline = __webpack_require__(3633);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/index.js + 12 modules
var registry = __webpack_require__(3859);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/index.js + 3 modules
var manifest = __webpack_require__(2296);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js + 8 modules
var tracking = __webpack_require__(6874);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/data-diff.js







/** Columns shown per drifted dataset: the report is bounded, and the worst columns come first. */
const maxDriftColumns = 100;
/**
 * Per tracked dataset: its hash, size and row count on both sides and, where it changed and a
 * schema says how, the drift of the new data against the old. The base side's data is read from the
 * local store (fetched from the data remote when missing); when it cannot be had, the row count and
 * drift say so instead of failing the whole report.
 */
async function data_diff_diffData(layout, baseRev, logger, baseLabel = baseRev) {
    const files = findManifestFiles(layout).map((f) => toRepoPath(layout, resolve(layout.root, f)));
    const before = await readBlobs(layout.root, files.map((f) => `${baseRev}:${f}`));
    const data = [];
    const drift = [];
    for (const file of files) {
        const manifest = parseYaml(await readFile(join(layout.root, file), "utf8"), dataManifest, file);
        const now = manifest.outs[0];
        const thenText = before.get(`${baseRev}:${file}`);
        const then = thenText
            ? parseYaml(thenText.toString("utf8"), dataManifest, `${baseRev}:${file}`).outs[0]
            : undefined;
        const dataset = basename(file).replace(/\.dvc$/, "");
        const compared = await compareTables(layout, file, manifest, now, then, baseRev, baseLabel, logger);
        data.push({
            dataset,
            path: file,
            base: then?.sha256 ?? null,
            head: now?.sha256 ?? null,
            base_size: then?.size ?? null,
            head_size: now?.size ?? null,
            base_rows: compared.baseRows,
            head_rows: compared.headRows,
            ...(compared.note ? { note: compared.note } : {}),
        });
        if (compared.drift)
            drift.push({ dataset, ...compared.drift });
    }
    return { data, drift };
}
async function compareTables(layout, manifestFile, manifest, now, then, baseRev, baseLabel, logger) {
    if (!now || now.sha256.endsWith(".dir"))
        return { baseRows: null, headRows: null };
    const { dropTable, loadTable, loadSchema, profileTable, driftExact } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 4068));
    const dir = dirname(resolve(layout.root, manifestFile));
    const headFile = resolve(dir, now.path);
    const schemaFile = manifest.schema
        ? resolve(dir, manifest.schema)
        : join(dir, `${basename(manifestFile).replace(/\.dvc$/, "")}.schema.yaml`);
    const schema = existsSync(schemaFile) ? (await loadSchema(layout, schemaFile)).schema : undefined;
    const format = schema?.format;
    if (!existsSync(headFile)) {
        return { baseRows: null, headRows: null, note: "the data is not in the working tree" };
    }
    const head = await loadTable(headFile, {
        display: toRepoPath(layout, headFile),
        format: format ?? formatFromPath(now.path),
        view: true,
    });
    try {
        if (!then)
            return { baseRows: null, headRows: head.rows, note: "new in this change" };
        if (then.sha256 === now.sha256)
            return { baseRows: head.rows, headRows: head.rows };
        if (then.sha256.endsWith(".dir"))
            return { baseRows: null, headRows: head.rows };
        const basePath = await baseObject(layout, then.sha256, `${baseRev}:${manifestFile}`, logger);
        if (typeof basePath !== "string")
            return { baseRows: null, headRows: head.rows, note: basePath.note };
        const base = await loadTable(basePath, {
            display: `${baseRev}:${then.path}`,
            format: format ?? formatFromPath(then.path),
            view: true,
        });
        try {
            if (!schema)
                return { baseRows: base.rows, headRows: head.rows, note: "no schema, so no drift test" };
            const baseProfile = await profileTable(base, { depth: "lean" });
            const headProfile = await profileTable(head, { reference: baseProfile, depth: "lean" });
            const report = await driftExact(base, head, baseProfile, headProfile, { schema });
            const columns = [...report.columns]
                .sort((a, b) => Number(b.drifted) - Number(a.drifted) || b.statistic / b.threshold - a.statistic / a.threshold)
                .slice(0, maxDriftColumns)
                .map((c) => ({
                column: c.column,
                method: c.method,
                statistic: c.statistic,
                threshold: c.threshold,
                pvalue: c.pvalue,
                drifted: c.drifted,
            }));
            return {
                baseRows: base.rows,
                headRows: head.rows,
                drift: {
                    reference: `${toRepoPath(layout, resolve(dir, then.path))} at ${baseLabel}`.slice(0, 200),
                    drifted: report.drifted,
                    alpha: report.alpha,
                    columns,
                },
            };
        }
        finally {
            await dropTable(base);
        }
    }
    finally {
        await dropTable(head);
    }
}
function formatFromPath(path) {
    const ext = path.toLowerCase().replace(/^.*\./, "");
    if (ext === "csv" || ext === "tsv")
        return "csv";
    if (ext === "json" || ext === "jsonl" || ext === "ndjson")
        return "json";
    if (ext === "parquet")
        return "parquet";
    if (ext === "arrow" || ext === "feather")
        return "arrow";
    return undefined;
}
/** The base side's data file in the local store, pulled from the data remote if it is missing there. */
async function baseObject(layout, oid, referencedBy, logger) {
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    try {
        return await storedObject(layout, oid, { what: `the base data of ${referencedBy}`, referencedBy });
    }
    catch (err) {
        // The report still renders without the base side; it says why in the dataset's note.
        const reason = err.message;
        logger?.warn(`could not read the base data of ${referencedBy}: ${reason}`);
        return { note: `the base data could not be read: ${reason}`.slice(0, 300) };
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/build.js









async function revParse(layout, rev) {
    const r = await gitRaw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
        cwd: layout.root,
        okCodes: [1, 128],
    });
    return r.code === 0 ? r.stdout.toString("utf8").trim() : null;
}
async function headRef(layout) {
    const r = await gitRaw(["rev-parse", "--abbrev-ref", "HEAD"], { cwd: layout.root, okCodes: [128] });
    return r.code === 0 ? r.stdout.toString("utf8").trim() : "HEAD";
}
/** A validation result written by `mlops validate --json`, told apart from ordinary metrics by shape. */
function asValidation(value) {
    if (!value || typeof value !== "object")
        return undefined;
    const v = value;
    return typeof v.ok === "boolean" && Array.isArray(v.findings) ? v : undefined;
}
/** A param value bounded the way the report's schema bounds strings (a long list param is cut). */
function clip(value) {
    return typeof value === "string" && value.length > 500 ? `${value.slice(0, 499)}…` : value;
}
async function readJson(path) {
    try {
        return JSON.parse(await readFile(path, "utf8"));
    }
    catch {
        return undefined;
    }
}
function histogram(values, bins = 20) {
    if (values.length === 0)
        return { edges: [], counts: [] };
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (lo === hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    const width = (hi - lo) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
    const counts = new Array(bins).fill(0);
    for (const v of values) {
        const i = Math.min(bins - 1, Math.floor((v - lo) / width));
        counts[i] = (counts[i] ?? 0) + 1;
    }
    return { edges, counts };
}
/**
 * The pull-request report of the working tree against `base`: per pipeline the metrics (head,
 * base, and what staging and prod score on the same data), gate results for the candidate, changed
 * params, validation results, and the confusion matrix or residuals; per dataset its hash on both sides.
 */
async function buildReport(layout, options = {}) {
    const base = options.base ?? "main";
    const baseSha = await revParse(layout, base);
    const baseRev = baseSha ?? "HEAD";
    const headSha = await revParse(layout, "HEAD");
    const specs = await loadPipelines(layout);
    const pipelines = [];
    // Every model card read once; each pipeline's section takes the cards that name it. The curves
    // need the cards (their evaluation data) even when the stages are not compared.
    const cards = await loadModelCards(layout);
    const baseLabel = baseSha ? `base ${base}` : "base HEAD";
    for (const spec of specs) {
        const mine = cards.filter((c) => c.pipeline === spec.name);
        const section = await pipelineSection(layout, spec, baseRev, options.stages === false ? [] : mine, options);
        const { curvesFor } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1252));
        const curves = [];
        for (const card of mine) {
            const set = await curvesFor(layout, spec, card, {
                sources: [{ label: "this PR" }, { label: baseLabel, rev: baseRev }],
                stages: options.stages !== false,
                ...(options.logger ? { logger: options.logger } : {}),
            });
            if (set)
                curves.push(set);
        }
        if (curves.length)
            section.curves = curves;
        const { sweepSectionFor } = await __webpack_require__.e(/* import() */ 745).then(__webpack_require__.bind(__webpack_require__, 6745));
        const sweep = await sweepSectionFor(layout, spec, headSha, mine[0]);
        if (sweep)
            section.sweep = sweep;
        pipelines.push(section);
    }
    return {
        schema: "mlops-report/1",
        head: { ref: await headRef(layout), sha: headSha },
        base: { ref: base, sha: baseSha },
        ...(await diffData(layout, baseRev, options.logger, baseSha ? `${base} (${baseSha.slice(0, 10)})` : base)),
        pipelines,
    };
}
async function pipelineSection(layout, spec, baseRev, cards, _options) {
    const section = {
        pipeline: spec.name,
        metrics: [],
        params: [],
        gates: [],
        validation: [],
        confusion: [],
        residuals: [],
    };
    const metricOuts = spec.stages.flatMap((s) => s.outs.filter((o) => o.kind === "metrics"));
    const validationFiles = new Set();
    for (const out of metricOuts) {
        const v = asValidation(await readJson(out.abs));
        if (!v)
            continue;
        validationFiles.add(out.repoPath);
        const findings = (v.findings ?? []);
        section.validation.push({
            pipeline: spec.name,
            file: out.repoPath,
            dataset: String(v.dataset ?? out.repoPath),
            ok: v.ok,
            rows: typeof v.rows === "number" ? v.rows : null,
            errors: findings.filter((f) => f.severity === "error").length,
            warnings: findings.filter((f) => f.severity === "warn").length,
            findings: findings.slice(0, 50).map((f) => ({
                severity: f.severity === "error" ? "error" : "warn",
                check: String(f.check ?? "check").slice(0, 200),
                column: f.column ? String(f.column).slice(0, 200) : null,
                message: String(f.message ?? "").slice(0, 1000),
            })),
        });
    }
    const changes = await diffMetrics(layout, { base: baseRev, all: true, pipelines: [spec.name] });
    for (const c of changes) {
        if (validationFiles.has(c.path))
            continue;
        if (c.current === undefined)
            continue;
        section.metrics.push({
            file: c.path,
            metric: c.key,
            head: c.current ?? null,
            ...(c.base !== undefined ? { base: c.base } : {}),
            direction: metricDirection(c.key) ?? null,
        });
    }
    for (const p of await diffParams(layout, { base: baseRev, pipelines: [spec.name] })) {
        section.params.push({
            file: p.path,
            key: p.key,
            ...(p.base !== undefined ? { base: clip(p.base) } : {}),
            ...(p.current !== undefined ? { head: clip(p.current) } : {}),
        });
    }
    for (const stage of spec.stages) {
        for (const out of stage.outs.filter((o) => o.kind === "plots")) {
            for (const [file, kind] of [
                [join(out.abs, "confusion_matrix.json"), "confusion"],
                [join(out.abs, "residuals.json"), "residuals"],
            ]) {
                const value = await readJson(file);
                if (!value)
                    continue;
                const display = toRepoPath(layout, file);
                if (kind === "confusion") {
                    const c = value;
                    if (Array.isArray(c.labels) && Array.isArray(c.matrix)) {
                        section.confusion.push({
                            file: display,
                            labels: c.labels.map(String),
                            matrix: c.matrix,
                        });
                    }
                }
                else if (Array.isArray(value)) {
                    const r = value.map((x) => Number(x.residual)).filter(Number.isFinite);
                    const h = histogram(r);
                    section.residuals.push({
                        file: display,
                        count: r.length,
                        mean: r.length ? r.reduce((a, b) => a + b, 0) / r.length : 0,
                        ...h,
                    });
                }
            }
        }
    }
    if (cards.length)
        await compareWithStages(layout, spec, section, cards);
    return section;
}
/** Staging and prod columns, and the gates the candidate would meet, for each model of the pipeline. */
async function compareWithStages(layout, spec, section, cards) {
    const { candidateManifest, stageManifest, evaluateOnData } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1319));
    for (const card of cards) {
        const modelFile = join(spec.dir, card.output);
        if (!existsSync(modelFile))
            continue;
        const refs = await readRegistryRefs(layout.root, { model: card.name });
        const state = buildState(refs).models.get(card.name);
        const candidate = await candidateManifest(layout, card, spec.dir, modelFile);
        const evaluations = new Map();
        const metricsFile = card.metrics ? toRepoPath(layout, join(spec.dir, card.metrics)) : undefined;
        for (const stage of ["staging", "prod"]) {
            const held = state?.current.get(stage);
            const current = held && state ? await stageManifest(layout, state, held) : undefined;
            if (current && metricsFile) {
                const scores = card.evaluation
                    ? await evaluateOnData(layout, card, current, evaluations)
                    : current.metrics;
                for (const row of section.metrics)
                    if (row.file === metricsFile)
                        row[stage] = scores[row.metric] ?? null;
            }
            if (!card.gates[stage])
                continue;
            const results = await checkGates(stage, { layout, card, candidate, current, evaluations });
            for (const r of results)
                section.gates.push({ model: card.name, stage, ...r });
        }
    }
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/curves.js
var curves = __webpack_require__(1252);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/document.js
var report_document = __webpack_require__(5965);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/curve-charts.js


/** One colour per model, in legend order; the same model keeps its colour in every chart of a set. */
const palette = (/* unused pure expression or super */ null && (["#2f6fdd", "#d9822b", "#2a9d5c", "#b8336a", "#7a4fd0", "#555555"]));
const width = 300;
const height = 270;
const pad = { left: 48, right: 12, top: 24, bottom: 40 };
const plotW = width - pad.left - pad.right;
const plotH = height - pad.top - pad.bottom;
/** Five ticks across a range, ends included. */
function ticks([lo, hi]) {
    // A weighted mean of the ends never leaves the range, so it cannot overflow as lo + step·i can.
    return Array.from({ length: 5 }, (_, i) => lo * (1 - i / 4) + hi * (i / 4));
}
/** The largest finite double: ranges and residuals are clamped to it so no coordinate overflows. */
const big = Number.MAX_VALUE;
const clamp = (v) => Math.min(big, Math.max(-big, v));
/**
 * A range with room around its data; a single value gets a range around it so nothing divides by 0.
 * Halves before differences: the span of -1e308 and 1e308 overflows a double, its half does not.
 */
function paddedRange(values) {
    if (values.length === 0)
        return [0, 1];
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const halfSpan = hi / 2 - lo / 2;
    const room = halfSpan > 0 ? halfSpan * 0.1 : Math.max(0.5, Math.abs(lo) * 0.1);
    lo = clamp(lo - room);
    hi = clamp(hi + room);
    return [lo, hi];
}
/** Where `v` falls between `lo` and `hi`, from 0 to 1, without overflowing on extreme ranges. */
const fraction = (v, [lo, hi]) => (v / 2 - lo / 2) / (hi / 2 - lo / 2);
/** An SVG line or scatter chart: axes, ticks, a dashed reference, and one polyline or dot set per model. */
function plotSvg(p) {
    const sx = (v) => pad.left + fraction(v, p.x) * plotW;
    const sy = (v) => pad.top + plotH - fraction(v, p.y) * plotH;
    const xy = ([a, b]) => `${sx(a).toFixed(1)},${sy(b).toFixed(1)}`;
    const axes = [
        `<rect x="${pad.left}" y="${pad.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#bbb"/>`,
        ...ticks(p.x).map((t) => `<text x="${sx(t).toFixed(1)}" y="${pad.top + plotH + 13}" font-size="9" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`),
        ...ticks(p.y).map((t) => `<text x="${pad.left - 4}" y="${(sy(t) + 3).toFixed(1)}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`),
        `<text x="${pad.left + plotW / 2}" y="${height - 6}" font-size="10" text-anchor="middle">${escapeHtml(p.xLabel)}</text>`,
        `<text transform="translate(11 ${pad.top + plotH / 2}) rotate(-90)" font-size="10" text-anchor="middle">${escapeHtml(p.yLabel)}</text>`,
    ];
    const reference = p.reference
        ? `<line class="reference" x1="${sx(p.reference[0][0]).toFixed(1)}" y1="${sy(p.reference[0][1]).toFixed(1)}" x2="${sx(p.reference[1][0]).toFixed(1)}" y2="${sy(p.reference[1][1]).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`
        : "";
    const marks = p.lines.map((l) => {
        const label = escapeHtml(l.label);
        const parts = [];
        if (l.mode !== "points" && l.points.length > 1) {
            parts.push(`<polyline class="curve" data-series="${label}" data-value="${l.points.length}" fill="none" stroke="${l.color}" stroke-width="1.6" points="${l.points.map(xy).join(" ")}"><title>${label}</title></polyline>`);
        }
        if (l.mode !== "line" || l.points.length === 1) {
            for (const pt of l.points) {
                parts.push(`<circle class="point" data-series="${label}" cx="${sx(pt[0]).toFixed(1)}" cy="${sy(pt[1]).toFixed(1)}" r="${l.mode === "points" ? 2 : 3}" fill="${l.color}" fill-opacity="${l.mode === "points" ? 0.55 : 0.9}"><title>${label}: ${escapeHtml(formatNumber(pt[0]))}, ${escapeHtml(formatNumber(pt[1]))}</title></circle>`);
            }
        }
        return parts.join("");
    });
    return `<svg class="curve-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(p.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="15" font-size="12" text-anchor="middle">${escapeHtml(p.title)}</text>${axes.join("")}${reference}${marks.join("")}</svg>`;
}
function legend(labels) {
    return `<p class="legend">${labels
        .map((l, i) => `<span style="color:${palette[i % palette.length]}">&#9632;</span> ${escapeHtml(l)}`)
        .join(" &nbsp; ")}</p>`;
}
const unit = (/* unused pure expression or super */ null && ([0, 1]));
const diagonal = (/* unused pure expression or super */ null && ([
    [0, 0],
    [1, 1],
]));
function figure(plots) {
    return `<div class="charts">${plots.map((p) => `<figure>${plotSvg(p)}</figure>`).join("")}</div>`;
}
function classificationHtml(set) {
    const colors = new Map(set.series.map((s, i) => [s.label, palette[i % palette.length]]));
    const names = [...new Set(set.series.flatMap((s) => (s.classes ?? []).map((c) => c.class)))];
    return names
        .map((name) => {
        const of = (pick) => (mode) => set.series.flatMap((s) => {
            const c = s.classes?.find((x) => x.class === name);
            const points = c ? pick(c) : [];
            return points.length
                ? [{ label: s.label, color: colors.get(s.label), points, mode }]
                : [];
        });
        const roc = of((c) => c.roc)("line");
        const pr = of((c) => c.precision_recall)("line");
        const calibration = of((c) => c.calibration.map(([x, y]) => [x, y]))("both");
        const plots = [];
        if (roc.length) {
            plots.push({
                title: `ROC: ${name}`,
                xLabel: "false positive rate",
                yLabel: "true positive rate",
                x: unit,
                y: unit,
                reference: diagonal,
                lines: roc,
            });
        }
        if (pr.length) {
            plots.push({
                title: `precision-recall: ${name}`,
                xLabel: "recall",
                yLabel: "precision",
                x: unit,
                y: unit,
                lines: pr,
            });
        }
        if (calibration.length) {
            plots.push({
                title: `calibration: ${name}`,
                xLabel: "mean predicted probability",
                yLabel: "fraction positive",
                x: unit,
                y: unit,
                reference: diagonal,
                lines: calibration,
            });
        }
        const heading = `<h4>Class ${escapeHtml(name)}</h4>`;
        return plots.length
            ? `${heading}${figure(plots)}`
            : `${heading}<p>No curve: the data holds only one side of this class.</p>`;
    })
        .join("\n");
}
function regressionHtml(set) {
    const lines = set.series
        .map((s, i) => ({ label: s.label, color: palette[i % palette.length], points: s.points ?? [] }))
        .filter((l) => l.points.length > 0);
    if (!lines.length)
        return "";
    const all = lines.flatMap((l) => l.points.flat());
    const range = paddedRange(all);
    const residuals = lines.map((l) => ({
        ...l,
        points: l.points.map(([a, p]) => [p, clamp(a - p)]),
    }));
    const predictedRange = paddedRange(residuals.flatMap((l) => l.points.map(([p]) => p)));
    const worst = clamp(Math.max(...residuals.flatMap((l) => l.points.map(([, r]) => Math.abs(r))), 1e-12) * 1.05);
    return figure([
        {
            title: "predicted vs actual",
            xLabel: "actual",
            yLabel: "predicted",
            x: range,
            y: range,
            reference: [
                [range[0], range[0]],
                [range[1], range[1]],
            ],
            lines: lines.map((l) => ({ ...l, mode: "points" })),
        },
        {
            title: "residuals (actual − predicted)",
            xLabel: "predicted",
            yLabel: "residual",
            x: predictedRange,
            y: [-worst, worst],
            reference: [
                [predictedRange[0], 0],
                [predictedRange[1], 0],
            ],
            lines: residuals.map((l) => ({ ...l, mode: "points" })),
        },
    ]);
}
/**
 * A model's curves as inline SVG, every model of the set overlaid in its own colour: ROC,
 * precision-recall and calibration per class for a classifier; predicted against actual and
 * residuals against predicted for a regressor.
 */
function curve_charts_curvesHtml(set) {
    const parts = [
        `<h3>Curves: ${escapeHtml(set.model)}</h3>`,
        `<p>Every model evaluated on the same ${set.rows} rows of <code>${escapeHtml(set.data)}</code>.</p>`,
    ];
    if (set.series.length)
        parts.push(legend(set.series.map((s) => s.label)));
    parts.push(set.task === "regression" ? regressionHtml(set) : classificationHtml(set));
    for (const note of set.notes)
        parts.push(`<p class="note">Not drawn: ${escapeHtml(note)}</p>`);
    return parts.join("\n");
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/html.js




const num = (v) => escapeHtml(typeof v === "number" ? formatNumber(v) : (v ?? "—"));
/**
 * A bar chart as inline SVG: one bar per value, labels under the bars, the value in each bar's
 * tooltip. Bars grow from zero, downwards for a negative value (an r2 below 0 stays below 0).
 */
function barChart(title, labels, values, color = "#2f6fdd", size = { width: 640, height: 240 }) {
    const { width, height } = size;
    const pad = { left: 40, right: 10, top: 28, bottom: 44 };
    const hi = Math.max(0, ...values);
    const lo = Math.min(0, ...values);
    const span = Math.max(hi - lo, 1e-12);
    const bw = (width - pad.left - pad.right) / Math.max(values.length, 1);
    const plotH = height - pad.top - pad.bottom;
    const zero = pad.top + (hi / span) * plotH;
    const bars = values
        .map((v, i) => {
        const h = (Math.abs(v) / span) * plotH;
        const x = pad.left + i * bw + bw * 0.1;
        const y = v >= 0 ? zero - h : zero;
        return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}" data-value="${escapeHtml(v)}"><title>${escapeHtml(labels[i])}: ${escapeHtml(formatNumber(v))}</title></rect>`;
    })
        .join("");
    // Crowded axes keep every k-th label so the labels never overlap.
    const every = Math.ceil(labels.length / 12);
    const ticks = labels
        .map((l, i) => i % every !== 0
        ? ""
        : `<text x="${(pad.left + i * bw + bw / 2).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(l.slice(0, 14))}</text>`)
        .join("");
    const scale = `<text x="${pad.left - 4}" y="${pad.top + 4}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(hi))}</text>${lo < 0 ? `<text x="${pad.left - 4}" y="${pad.top + plotH + 4}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(lo))}</text>` : ""}`;
    return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="16" font-size="13" text-anchor="middle">${escapeHtml(title)}</text><line x1="${pad.left}" y1="${zero.toFixed(1)}" x2="${width - pad.right}" y2="${zero.toFixed(1)}" stroke="#888"/>${scale}${bars}${ticks}</svg></figure>`;
}
/** The confusion matrix as an SVG heat map: darker cells hold more rows. */
function heatMap(labels, matrix) {
    const cell = 44;
    const left = 90;
    const top = 40;
    const n = labels.length;
    const max = Math.max(1, ...matrix.flat());
    const cells = matrix
        .flatMap((row, i) => row.map((v, j) => {
        const shade = Math.round(255 - (v / max) * 200);
        return `<rect class="cell" x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="rgb(${shade},${shade},255)" data-value="${v}"/><text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 4}" font-size="12" text-anchor="middle">${v}</text>`;
    }))
        .join("");
    const rowLabels = labels
        .map((l, i) => `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" font-size="11" text-anchor="end">${escapeHtml(l)}</text>`)
        .join("");
    const colLabels = labels
        .map((l, j) => `<text x="${left + j * cell + cell / 2}" y="${top - 8}" font-size="11" text-anchor="middle">${escapeHtml(l.slice(0, 8))}</text>`)
        .join("");
    const size = left + n * cell + 10;
    return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="confusion matrix" width="${size}" height="${top + n * cell + 10}">${colLabels}${rowLabels}${cells}</svg><figcaption>rows: actual, columns: predicted</figcaption></figure>`;
}
function table(header, rows) {
    return `<table><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
}
/** The columns a metric row has a number in, in the order the tables show them. */
const metricColumns = (/* unused pure expression or super */ null && ([
    ["head", "this PR"],
    ["base", "base"],
    ["staging", "staging"],
    ["prod", "prod"],
]));
/**
 * One table per metrics file, as the markdown groups them (a baseline's file and the model's file
 * are different models), and one small chart per metric comparing this PR with base, staging and
 * prod: only values of the same metric share an axis.
 */
function metricsHtml(p) {
    const files = [...new Set(p.metrics.map((m) => m.file))];
    return files
        .map((file) => {
        const rows = p.metrics.filter((m) => m.file === file);
        const withStages = rows.some((m) => m.staging !== undefined || m.prod !== undefined);
        const columns = metricColumns.filter(([key]) => withStages || (key !== "staging" && key !== "prod"));
        const charts = rows
            .filter((m) => typeof m.head === "number" && m.direction)
            .map((m) => {
            const shown = columns.filter(([key]) => typeof m[key] === "number");
            const arrow = m.direction === "higher" ? "↑" : "↓";
            return barChart(`${m.metric} ${arrow}`, shown.map(([, label]) => label), shown.map(([key]) => m[key]), "#2f6fdd", { width: 220, height: 170 });
        });
        return [
            `<h4 class="metrics-file">${escapeHtml(file)}</h4>`,
            table(["metric", ...columns.map(([, label]) => label)], rows.map((m) => [
                `${escapeHtml(m.metric)}${m.direction ? (m.direction === "higher" ? " ↑" : " ↓") : ""}`,
                ...columns.map(([key]) => num(m[key])),
            ])),
            charts.length ? `<div class="charts">${charts.join("")}</div>` : "",
        ].join("\n");
    })
        .join("\n");
}
function pipelineHtml(p) {
    const parts = [`<h2>Pipeline ${escapeHtml(p.pipeline)}</h2>`];
    if (p.metrics.length)
        parts.push("<h3>Metrics</h3>", metricsHtml(p));
    if (p.gates.length) {
        parts.push("<h3>Gates</h3>", table(["model", "stage", "gate", "result", "detail"], p.gates.map((g) => [
            escapeHtml(g.model),
            escapeHtml(g.stage),
            escapeHtml(g.gate),
            g.passed ? "pass" : "<strong>fail</strong>",
            escapeHtml(g.detail),
        ])));
    }
    if (p.params.length) {
        parts.push("<h3>Params changed</h3>", table(["file", "param", "base", "this PR"], p.params.map((x) => [escapeHtml(x.file), escapeHtml(x.key), num(x.base), num(x.head)])));
    }
    if (p.sweep) {
        const s = p.sweep;
        const best = bestSweepPoint(s.points, s.direction);
        parts.push(`<h3>Sweep</h3><p>${s.points.length} of ${s.declared} points finished (declared in ${escapeHtml(s.file)})${s.metric && s.direction ? `, ranked by ${escapeHtml(s.metric)} (${s.direction} is better)` : ""}.</p>`, table(["point", ...s.keys, s.metric ?? "metric", ""], s.points.map((pt, i) => [
            escapeHtml(pt.name),
            ...s.keys.map((_, j) => num(pt.values[j] ?? null)),
            num(pt.metric),
            i === best ? "<strong>best</strong>" : "",
        ])));
    }
    for (const v of p.validation) {
        parts.push(`<h3>Validation: ${escapeHtml(v.dataset)} ${v.ok ? "passed" : "<strong>failed</strong>"}</h3>`, `<p>${v.rows ?? "?"} rows, ${v.errors} errors, ${v.warnings} warnings</p>`);
        if (v.findings.length) {
            parts.push(table(["severity", "check", "column", "finding"], v.findings.map((f) => [
                f.severity,
                escapeHtml(f.check),
                escapeHtml(f.column ?? ""),
                escapeHtml(f.message),
            ])));
        }
    }
    for (const c of p.confusion)
        parts.push("<h3>Confusion matrix</h3>", heatMap(c.labels, c.matrix));
    for (const r of p.residuals) {
        const labels = r.counts.map((_, i) => formatNumber(((r.edges[i] ?? 0) + (r.edges[i + 1] ?? 0)) / 2));
        parts.push(`<h3>Residuals</h3><p>${r.count} rows, mean ${num(r.mean)}</p>`, barChart("residuals (actual − predicted)", labels, r.counts, "#d9822b"));
    }
    for (const set of p.curves ?? [])
        parts.push(curvesHtml(set));
    return parts.join("\n");
}
function driftHtml(d) {
    const verdict = d.drifted ? "<strong>drifted</strong> from the base data" : "no drift from the base data";
    const columns = d.columns.slice(0, 40);
    return [
        `<h2>Drift: ${escapeHtml(d.dataset)}</h2>`,
        `<p>${escapeHtml(d.dataset)}: ${verdict} (${escapeHtml(d.reference)}, family-wise α = ${num(d.alpha)})</p>`,
        table(["column", "test", "statistic", "threshold", "p-value", "verdict"], d.columns.map((c) => [
            escapeHtml(c.column),
            escapeHtml(c.method),
            num(c.statistic),
            num(c.threshold),
            num(c.pvalue),
            c.drifted ? "<strong>drifted</strong>" : "ok",
        ])),
        columns.length
            ? barChart(`${d.dataset}: drift statistic / threshold`, columns.map((c) => c.column), columns.map((c) => (c.threshold > 0 ? c.statistic / c.threshold : 0)), "#7a4fd0")
            : "",
    ].join("\n");
}
/** The whole report as one self-contained HTML file (inline CSS and SVG; no scripts, no fetches). */
function renderHtml(doc) {
    const data = doc.data.length
        ? `<h2>Data</h2>${table(["dataset", "base", "this PR", "rows (base)", "rows (this PR)", "bytes", "note"], doc.data.map((d) => [
            escapeHtml(d.dataset),
            escapeHtml(d.base?.slice(0, 10) ?? "—"),
            escapeHtml(d.head?.slice(0, 10) ?? "—"),
            num(d.base_rows ?? null),
            num(d.head_rows ?? null),
            num(d.head_size ?? null),
            escapeHtml(d.note ?? ""),
        ]))}`
        : "";
    const drift = doc.drift.map(driftHtml).join("\n");
    return htmlPage(`mlops report: ${escapeHtml(doc.head.ref)} vs ${escapeHtml(doc.base.ref)}`, `<h1>mlops report: ${escapeHtml(doc.head.ref)} <code>${escapeHtml(doc.head.sha?.slice(0, 10) ?? "")}</code> vs ${escapeHtml(doc.base.ref)} <code>${escapeHtml(doc.base.sha?.slice(0, 10) ?? "")}</code></h1>
${data}
${drift}
${doc.pipelines.map(pipelineHtml).join("\n")}`);
}
/** A self-contained page: inline CSS and SVG, and a policy that forbids scripts and fetches. */
function htmlPage(title, body) {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}.charts{display:flex;flex-wrap:wrap;gap:4px 12px}.charts figure{margin:.3em 0}.legend span{font-size:16px}</style>
</head><body>
${body}
</body></html>
`;
}
/** `mlops plots diff`: the curves of several revisions' models, per pipeline, on one page. */
function renderPlotsHtml(sections, labels) {
    const title = `mlops plots: ${labels.map(escapeHtml).join(" vs ")}`;
    const body = sections
        .map((p) => `<h2>Pipeline ${escapeHtml(p.pipeline)}</h2>\n${p.curves.map(curvesHtml).join("\n")}`)
        .join("\n");
    return htmlPage(title, `<h1>${title}</h1>\n${body || "<p>No model card with evaluation data.</p>"}`);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/markdown.js
/** GitHub's limit on a comment body. */
const maxCommentChars = 65_536;
/**
 * Text from the report made inert in GitHub markdown: no HTML (so no forged marker comments), no
 * links, images, emphasis, tables broken by `|`, or @-mentions. The report can come from PR code,
 * so every string goes through here; only numbers we format ourselves are written as they are.
 */
function escapeMarkdown(value) {
    return (String(value)
        .replace(/[\r\n]+/g, " ")
        // Markdown punctuation first, so the entities added below keep their own '#' and ';'.
        .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
        .replace(/^([-=.])/g, "\\$1")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        // No mentions, no e-mail autolinks, and no bare-URL autolinks (GFM links `https://…` and `www.…`).
        .replace(/@/g, "&#64;")
        .replace(/:\/\//g, "&#58;//")
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}&#46;`));
}
/** Labels inside a Mermaid block, which has its own syntax: only plain characters survive. */
function mermaidLabel(value) {
    return value.replace(/[^A-Za-z0-9 _.-]/g, "_").slice(0, 40) || "_";
}
function markdown_formatNumber(v) {
    if (typeof v !== "number")
        return v === null || v === undefined ? "—" : escapeMarkdown(v);
    if (!Number.isFinite(v))
        return String(v);
    if (Number.isInteger(v))
        return String(v);
    const abs = Math.abs(v);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}
function delta(head, other, direction) {
    if (typeof head !== "number" || typeof other !== "number")
        return "";
    const d = head - other;
    if (d === 0)
        return "±0";
    const better = direction ? (direction === "higher" ? d > 0 : d < 0) : undefined;
    const mark = better === undefined ? "" : better ? " 🟢" : " 🔴";
    return `${d > 0 ? "+" : ""}${markdown_formatNumber(d)}${mark}`;
}
function markdownTable(header, rows) {
    return [
        `| ${header.join(" | ")} |`,
        `|${header.map(() => "---").join("|")}|`,
        ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
}
const markdown_short = (sha) => (sha ? `\`${escapeMarkdown(sha.slice(0, 10))}\`` : "—");
function metricsBlock(p) {
    if (!p.metrics.length)
        return "";
    const files = [...new Set(p.metrics.map((m) => m.file))];
    const tables = files.map((file) => {
        const metrics = p.metrics.filter((m) => m.file === file);
        const withStages = metrics.some((m) => m.staging !== undefined || m.prod !== undefined);
        const header = [
            "metric",
            "this PR",
            "base",
            "Δ base",
            ...(withStages ? ["staging", "Δ staging", "prod", "Δ prod"] : []),
        ];
        const rows = metrics.map((m) => [
            `${escapeMarkdown(m.metric)}${m.direction ? (m.direction === "higher" ? " ↑" : " ↓") : ""}`,
            markdown_formatNumber(m.head),
            markdown_formatNumber(m.base),
            delta(m.head, m.base, m.direction),
            ...(withStages
                ? [
                    markdown_formatNumber(m.staging),
                    delta(m.head, m.staging, m.direction),
                    markdown_formatNumber(m.prod),
                    delta(m.head, m.prod, m.direction),
                ]
                : []),
        ]);
        // Not a code span: escapes do not apply inside one, so untrusted text stays plain and escaped.
        return `${files.length > 1 ? `${escapeMarkdown(file)}:\n\n` : ""}${markdownTable(header, rows)}`;
    });
    return `#### Metrics\n\n${tables.join("\n\n")}\n\n<sub>↑ higher is better, ↓ lower is better; staging and prod are evaluated on the same data as this PR's model.</sub>`;
}
function gatesBlock(p) {
    if (!p.gates.length)
        return "";
    const rows = p.gates.map((g) => [
        escapeMarkdown(g.model),
        escapeMarkdown(g.stage),
        escapeMarkdown(g.gate),
        g.passed ? "✅ pass" : "❌ fail",
        escapeMarkdown(g.detail),
    ]);
    return `#### Gates\n\n${markdownTable(["model", "stage", "gate", "result", "detail"], rows)}`;
}
function paramsBlock(p) {
    if (!p.params.length)
        return "";
    const rows = p.params.map((x) => [
        escapeMarkdown(x.file),
        escapeMarkdown(x.key),
        markdown_formatNumber(x.base),
        markdown_formatNumber(x.head),
    ]);
    return `#### Params changed\n\n${markdownTable(["file", "param", "base", "this PR"], rows)}`;
}
/**
 * The best point of a sweep: the highest or lowest finite metric by the known direction, the first
 * on a tie; undefined when the direction is unknown or no point has a number.
 */
function markdown_bestSweepPoint(points, direction) {
    if (!direction)
        return undefined;
    let best;
    points.forEach((p, i) => {
        const v = p.metric;
        if (typeof v !== "number" || !Number.isFinite(v))
            return;
        const b = best === undefined ? undefined : points[best]?.metric;
        if (typeof b !== "number" || (direction === "higher" ? v > b : v < b))
            best = i;
    });
    return best;
}
/** The most characters of one param value the sweep table shows: the table stays compact. */
const sweepCellChars = 40;
function sweepCell(value) {
    if (typeof value !== "string")
        return markdown_formatNumber(value);
    // Cut before escaping, so an entity or a backslash escape is never cut in half.
    return escapeMarkdown(value.length > sweepCellChars ? `${value.slice(0, sweepCellChars - 1)}…` : value);
}
/** The declared sweep's points as one table, the best marked by the metric's direction. */
function sweepTable(s) {
    const arrow = s.direction === "higher" ? " ↑" : s.direction === "lower" ? " ↓" : "";
    const header = [
        "point",
        ...s.keys.map((k) => sweepCell(k)),
        s.metric ? `${sweepCell(s.metric)}${arrow}` : "metric",
        "",
    ];
    const best = markdown_bestSweepPoint(s.points, s.direction);
    const rows = s.points.map((p, i) => [
        sweepCell(p.name),
        ...s.keys.map((_, j) => sweepCell(p.values[j] ?? null)),
        markdown_formatNumber(p.metric),
        i === best ? "⭐ best" : "",
    ]);
    const finished = `${s.points.length} of ${s.declared} point${s.declared === 1 ? "" : "s"} finished`;
    const ranked = s.metric
        ? s.direction
            ? `, ranked by ${sweepCell(s.metric)} (${s.direction} is better)`
            : `; no direction is known for ${sweepCell(s.metric)}, so no point is marked best`
        : "; no metric with a known direction to rank them";
    const intro = `${finished} (declared in ${escapeMarkdown(s.file)})${ranked}.`;
    if (s.points.length === 0)
        return `${intro} The sweep runs with \`mlops exp run --declared\`.`;
    return `${intro}\n\n${markdownTable(header, rows)}`;
}
function sweepBlock(p) {
    return p.sweep ? `#### Sweep\n\n${sweepTable(p.sweep)}` : "";
}
function validationBlock(p) {
    if (!p.validation.length)
        return "";
    const parts = p.validation.map((v) => {
        const head = `${v.ok ? "✅" : "❌"} **${escapeMarkdown(v.dataset)}**: ${v.rows ?? "?"} rows, ${v.errors} errors, ${v.warnings} warnings`;
        if (!v.findings.length)
            return head;
        const rows = v.findings.map((f) => [
            f.severity,
            escapeMarkdown(f.check),
            escapeMarkdown(f.column ?? ""),
            escapeMarkdown(f.message),
        ]);
        return `${head}\n\n${markdownTable(["severity", "check", "column", "finding"], rows)}`;
    });
    return `#### Validation\n\n${parts.join("\n\n")}`;
}
function confusionBlock(p) {
    return p.confusion
        .map((c) => {
        const header = ["actual \\ predicted", ...c.labels.map(escapeMarkdown)];
        const rows = c.matrix.map((row, i) => [escapeMarkdown(c.labels[i] ?? ""), ...row.map(String)]);
        return `#### Confusion matrix\n\n${markdownTable(header, rows)}`;
    })
        .join("\n\n");
}
function residualsBlock(p) {
    return p.residuals
        .map((r) => {
        const labels = r.counts.map((_, i) => `"${mermaidLabel(markdown_formatNumber(((r.edges[i] ?? 0) + (r.edges[i + 1] ?? 0)) / 2))}"`);
        const chart = [
            "```mermaid",
            "xychart-beta",
            '  title "Residuals (actual - predicted)"',
            `  x-axis [${labels.join(", ")}]`,
            '  y-axis "rows"',
            `  bar [${r.counts.join(", ")}]`,
            "```",
        ].join("\n");
        return `#### Residuals\n\n${r.count} rows, mean ${markdown_formatNumber(r.mean)}\n\n${chart}`;
    })
        .join("\n\n");
}
/**
 * Which models the HTML report's curves overlay, and which it could not draw: the curves themselves
 * are too many points for a comment, so it says where they are.
 */
function curvesBlock(p, fullReport) {
    return (p.curves ?? [])
        .map((set) => {
        const kinds = set.task === "regression"
            ? "predicted vs actual and residuals"
            : "ROC, precision-recall and calibration per class";
        const where = fullReport ? escapeMarkdown(fullReport) : "the HTML report (workflow run artifacts)";
        const drawn = set.series.map((s) => escapeMarkdown(s.label)).join(", ") || "no model";
        const notes = set.notes.map((n) => `\n- not drawn: ${escapeMarkdown(n)}`).join("");
        return `#### Curves: ${escapeMarkdown(set.model)}\n\n${kinds} of ${drawn}, on the same ${set.rows} rows of ${escapeMarkdown(set.data)}: in ${where}.${notes}`;
    })
        .join("\n\n");
}
function rowsCell(d) {
    const base = d.base_rows ?? null;
    const head = d.head_rows ?? null;
    if (base === null && head === null)
        return "—";
    if (base === null || base === head)
        return markdown_formatNumber(head);
    const change = head === null ? "" : ` (${head - base > 0 ? "+" : ""}${head - base})`;
    return `${markdown_formatNumber(base)} → ${markdown_formatNumber(head)}${change}`;
}
function dataBlock(doc) {
    if (!doc.data.length)
        return "";
    const rows = doc.data.map((d) => [
        escapeMarkdown(d.dataset),
        markdown_short(d.base),
        markdown_short(d.head),
        d.base === d.head ? "unchanged" : d.base === null ? "new" : "**changed**",
        rowsCell(d),
        markdown_formatNumber(d.head_size ?? null),
        d.note ? escapeMarkdown(d.note) : "",
    ]);
    return `### Data\n\n${markdownTable(["dataset", "base", "this PR", "", "rows", "bytes", "note"], rows)}`;
}
function driftBlocks(doc) {
    return doc.drift.map((d) => {
        const verdict = d.drifted
            ? `🔴 **${escapeMarkdown(d.dataset)}** drifted from the base data`
            : `🟢 **${escapeMarkdown(d.dataset)}**: no drift from the base data`;
        const rows = d.columns.map((c) => [
            escapeMarkdown(c.column),
            c.method,
            markdown_formatNumber(c.statistic),
            markdown_formatNumber(c.threshold),
            markdown_formatNumber(c.pvalue),
            c.drifted ? "🔴 drifted" : "ok",
        ]);
        const shown = d.columns.slice(0, 30);
        const chart = shown.length
            ? [
                "```mermaid",
                "xychart-beta",
                '  title "Drift statistic / threshold per column"',
                `  x-axis [${shown.map((c) => `"${mermaidLabel(c.column)}"`).join(", ")}]`,
                '  y-axis "statistic / threshold"',
                `  bar [${shown.map((c) => (c.threshold > 0 ? c.statistic / c.threshold : 0).toFixed(3)).join(", ")}]`,
                "```",
            ].join("\n")
            : "";
        const parts = [
            `### Drift: ${escapeMarkdown(d.dataset)}`,
            `${verdict} (${escapeMarkdown(d.reference)}, family-wise α = ${markdown_formatNumber(d.alpha)})`,
            markdownTable(["column", "test", "statistic", "threshold", "p-value", ""], rows),
            chart,
        ];
        return parts.filter((p) => p !== "").join("\n\n");
    });
}
/** Every block of the report in order: the renderer keeps as many whole blocks as fit. */
function reportBlocks(doc, fullReport) {
    const title = `## mlops report: ${escapeMarkdown(doc.head.ref)} ${markdown_short(doc.head.sha)} vs ${escapeMarkdown(doc.base.ref)} ${markdown_short(doc.base.sha)}`;
    const blocks = [title, dataBlock(doc), ...driftBlocks(doc)];
    for (const p of doc.pipelines) {
        // The heading travels with the pipeline's first section, so a cut never leaves it dangling.
        const sections = [
            metricsBlock(p),
            gatesBlock(p),
            paramsBlock(p),
            sweepBlock(p),
            validationBlock(p),
            confusionBlock(p),
            residualsBlock(p),
            curvesBlock(p, fullReport),
        ].filter((b) => b !== "");
        const heading = `### Pipeline ${escapeMarkdown(p.pipeline)}`;
        blocks.push(sections.length ? `${heading}\n\n${sections[0]}` : heading, ...sections.slice(1));
    }
    return blocks.filter((b) => b !== "");
}
/**
 * The report as GitHub-flavoured markdown, at most `maxChars` long: whole blocks are kept in order
 * and, when they do not all fit, a last line says what was left out and where the full report is.
 */
function renderMarkdown(doc, options = {}) {
    const max = options.maxChars ?? maxCommentChars;
    const prefix = options.prefix ?? "";
    const blocks = reportBlocks(doc, options.fullReport);
    const note = (left) => `\n\n> ✂️ ${left} more section${left === 1 ? "" : "s"} did not fit in a comment; the full report is ${options.fullReport ? escapeMarkdown(options.fullReport) : "in the workflow run's artifacts"}.`;
    let out = prefix;
    for (let i = 0; i < blocks.length; i++) {
        const next = `${out}${out === prefix ? "" : "\n\n"}${blocks[i]}`;
        const reserve = i < blocks.length - 1 ? note(blocks.length - i).length : 0;
        if (next.length + reserve > max)
            return `${out}${note(blocks.length - i)}`.slice(0, max);
        out = next;
    }
    return `${out}\n`;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/metric-history.js



/**
 * A model's metrics across its registered versions, oldest first, as each version's manifest
 * recorded them at registration. `metrics` picks names (default: every metric any version has).
 */
async function metricHistory(layout, name, options = {}) {
    const state = buildState(await readRegistryRefs(layout.root, { model: name })).models.get(name);
    if (!state) {
        throw new MlopsError("not-found", `no model named '${name}' in the registry`, {
            hint: "`mlops registry ls` lists the models",
        });
    }
    const live = state.versions.filter((v) => !v.deregistered);
    const manifests = await readVersionManifests(layout.root, live.map((v) => v.ref));
    const all = new Set();
    for (const m of manifests.values())
        for (const k of Object.keys(m.metrics))
            all.add(k);
    const metrics = options.metrics?.length ? options.metrics : [...all].sort();
    const unknown = metrics.filter((m) => !all.has(m));
    if (options.metrics?.length && unknown.length) {
        throw new MlopsError("usage", `no version of ${name} records metric '${unknown[0]}'`, {
            field: "--metrics",
            expected: [...all].sort().join(", "),
            got: unknown.join(", "),
            hint: `recorded: ${[...all].sort().join(", ")}`,
        });
    }
    const versions = live.map((v) => {
        const m = manifests.get(v.ref.tag);
        return {
            version: v.version,
            created: m?.created ?? "",
            commit: v.ref.commit,
            stages: [...state.current]
                .filter(([, held]) => held === v.version)
                .map(([stage]) => stage)
                .sort(),
            metrics: Object.fromEntries(metrics.map((k) => [k, m?.metrics[k] ?? null])),
        };
    });
    const best = {};
    for (const k of metrics) {
        const direction = metricDirection(k);
        if (!direction)
            continue;
        let winner;
        for (const row of versions) {
            const v = row.metrics[k];
            if (typeof v !== "number")
                continue;
            const w = winner?.metrics[k];
            if (w === undefined || (direction === "higher" ? v > w : v < w))
                winner = row;
        }
        if (winner)
            best[k] = winner.version;
    }
    return { name, metrics, best, versions };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/plots-diff.js





/** The name that means the working tree, as in `dvc plots diff`. */
const workspaceRevision = "workspace";
/**
 * The curves of each revision's models, overlaid per pipeline: every model evaluated on the
 * evaluation data in the working tree, so the curves differ only by model. No revisions means the
 * working tree against HEAD; `workspace` names the working tree among revisions.
 */
async function plotsDiff(layout, options = {}) {
    const revisions = options.revisions?.length ? options.revisions : [workspaceRevision, "HEAD"];
    const sources = [];
    for (const rev of revisions) {
        if (rev === workspaceRevision) {
            sources.push({ label: workspaceRevision });
            continue;
        }
        const r = await gitRaw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
            cwd: layout.root,
            okCodes: [1, 128],
        });
        if (r.code !== 0) {
            throw new MlopsError("usage", `unknown revision '${rev}'`, {
                expected: `a git revision (branch, tag, commit) or '${workspaceRevision}'`,
                got: rev,
            });
        }
        const sha = r.stdout.toString("utf8").trim();
        sources.push({ label: `${rev} (${sha.slice(0, 7)})`, rev: sha });
    }
    const specs = await loadPipelines(layout);
    const wanted = options.pipelines?.length ? new Set(options.pipelines) : undefined;
    for (const name of wanted ?? []) {
        if (!specs.some((s) => s.name === name)) {
            throw new MlopsError("not-found", `no pipeline named '${name}'`, {
                expected: specs.map((s) => s.name).join(", "),
            });
        }
    }
    const cards = await loadModelCards(layout);
    const pipelines = [];
    for (const spec of specs) {
        if (wanted && !wanted.has(spec.name))
            continue;
        const curves = [];
        for (const card of cards.filter((c) => c.pipeline === spec.name)) {
            const set = await curvesFor(layout, spec, card, {
                sources,
                stages: options.stages === true,
                ...(options.logger ? { logger: options.logger } : {}),
            });
            if (set)
                curves.push(set);
        }
        if (curves.length)
            pipelines.push({ pipeline: spec.name, curves });
    }
    return { labels: sources.map((s) => s.label), pipelines };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/untrusted.js


/**
 * A report document from an artifact that PR code produced: refused unless it is small enough,
 * valid JSON and valid against the schema (every string and list bounded). Nothing from it is
 * rendered except through the escaping renderers.
 */
function parseUntrustedReport(bytes, source) {
    if (bytes.byteLength > maxReportBytes) {
        throw new MlopsError("invalid-file", `the report is ${bytes.byteLength} bytes, more than the ${maxReportBytes} accepted`, {
            file: source,
        });
    }
    let value;
    try {
        value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    }
    catch (err) {
        throw new MlopsError("invalid-file", `the report is not valid UTF-8 JSON: ${err.message}`, {
            file: source,
        });
    }
    const parsed = reportDocument.safeParse(value);
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
        throw new MlopsError("invalid-file", `the report does not match mlops-report/1: ${issues.join("; ")}`, {
            file: source,
            field: parsed.error.issues[0]?.path.join("."),
        });
    }
    return parsed.data;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/index.js









// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/direction.js
var direction = __webpack_require__(8600);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/onnx/builder.js
var builder = __webpack_require__(1996);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/snapshot.js





async function openScratch(layout) {
    const { mkdir } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19));
    await mkdir(layout.tmpDir, { recursive: true });
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(layout.tmpDir, "monitor-"));
    return { dir, release: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}
const tableExtension = /\.(csv|tsv|json|jsonl|ndjson|parquet|arrow|feather|ipc)$/i;
/**
 * The bytes of `sha256` as a file named like `path`: the working-tree copy when it still has that
 * hash, else the local store's object (fetched from the data remote when missing), each verified.
 * Store objects have no extension, and the table readers tell a format by it, so a cached object is
 * linked into the scratch directory under the table's own name.
 */
async function materialise(layout, scratch, wanted) {
    const { hashFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { path, sha256, display } = wanted;
    if (sha256.endsWith(".dir")) {
        throw new errors/* MlopsError */.IC("invalid-file", `${display} is a directory; monitoring compares one table file`, {
            expected: "a CSV, JSON or Parquet file",
        });
    }
    const workspace = (0,external_node_path_.join)(layout.root, path);
    if ((0,external_node_fs_.existsSync)(workspace) && (await hashFile(workspace)).sha256 === sha256) {
        return { display, path, sha256, source: "workspace", file: workspace };
    }
    const { Cache } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const source = new Cache(layout.cacheDir).has(sha256) ? "cache" : "remote";
    const stored = await storedObject(layout, sha256, { what: display, referencedBy: wanted.referencedBy });
    const file = (0,external_node_path_.join)(scratch.dir, `${sha256.slice(0, 12)}-${(0,external_node_path_.basename)(path)}`);
    if (!(0,external_node_fs_.existsSync)(file))
        await (0,promises_.symlink)(stored, file);
    return { display, path, sha256, source, file };
}
/** The current snapshot: a tracked dataset, `data/<name>.dvc`, read at the hash its manifest records. */
async function currentSnapshot(layout, scratch, dataset) {
    const manifestFile = (0,external_node_path_.join)(layout.dataDir, `${dataset}.dvc`);
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(dataset) || !(0,external_node_fs_.existsSync)(manifestFile)) {
        throw new errors/* MlopsError */.IC("not-found", `no tracked dataset named '${dataset}': expected data/${dataset}.dvc, a snapshot of recent production rows shaped like the training data`, {
            file: `data/${dataset}.dvc`,
            expected: "the name of a dataset tracked by data/<name>.dvc (a snapshot of recent production rows)",
            hint: "track a snapshot with `mlops data add data/<name>.json` and commit its manifest",
        });
    }
    const { loadDataset } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const { toRepoPath } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1196));
    const tracked = await loadDataset(layout, manifestFile);
    const out = tracked.manifest.outs[0];
    if (!out)
        throw new errors/* MlopsError */.IC("invalid-file", "the manifest has no output", { file: tracked.file });
    const path = toRepoPath(layout, tracked.outPath);
    const format = await declaredFormat(layout, tracked.manifest.schema, dataset);
    if (!format && !tableExtension.test(path)) {
        throw new errors/* MlopsError */.IC("invalid-file", `cannot tell the format of ${path}`, {
            file: tracked.file,
            expected: "a .csv, .json, .jsonl or .parquet file (or `format:` in the dataset's schema)",
        });
    }
    const table = await materialise(layout, scratch, {
        path,
        sha256: out.sha256,
        display: path,
        referencedBy: tracked.file,
    });
    return { ...table, dataset, manifest: tracked.file, ...(format ? { format } : {}) };
}
async function declaredFormat(layout, schema, dataset) {
    const file = schema ? (0,external_node_path_.join)(layout.dataDir, schema) : (0,external_node_path_.join)(layout.dataDir, `${dataset}.schema.yaml`);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const { loadSchema } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 4068));
    return (await loadSchema(layout, file)).schema.format;
}
const tabular = /\.(csv|tsv|json|jsonl|ndjson|parquet|arrow)$/i;
/**
 * What the version was trained on: the pipeline's lock at the version's commit (checked against the
 * lock hash the manifest records) names the stage writing the model and the hash of every file that
 * stage read. The reference is the card's `monitoring.reference` or, by default, the one table among
 * those inputs that is not the pipeline's validation or metrics file — for a pipeline that splits
 * its data, the training split exactly as the model saw it.
 */
async function trainingReference(layout, scratch, card, version) {
    const { hashBytes } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { parseYaml } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7441));
    const { pipelineLock } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2687));
    const pipeline = version.pipeline.name;
    const lockPath = `pipelines/${pipeline}/pipeline.lock`;
    const at = `${version.commit}:${lockPath}`;
    const tag = `${version.model}@${version.version}`;
    const bytes = (await (0,git/* readBlobs */.b4)(layout.root, [at])).get(at);
    if (!bytes) {
        throw new errors/* MlopsError */.IC("not-found", `${lockPath} is not in commit ${version.commit.slice(0, 10)} of ${tag}`, {
            hint: "fetch the full history (`git fetch --unshallow`): the reference is read at the version's commit",
        });
    }
    if (hashBytes(bytes) !== version.pipeline.lock_sha256) {
        throw new errors/* MlopsError */.IC("hash-mismatch", `${lockPath} at ${version.commit.slice(0, 10)} is not the lock ${tag} records`, {
            expected: version.pipeline.lock_sha256,
            got: hashBytes(bytes),
        });
    }
    const lock = parseYaml(bytes.toString("utf8"), pipelineLock, at);
    const output = external_node_path_.posix.normalize(card.output);
    const producing = Object.entries(lock.stages).find(([, s]) => s.outs.some((o) => external_node_path_.posix.normalize(o.path) === output));
    const entries = Object.values(lock.stages).flatMap((s) => [...s.deps, ...s.outs]);
    const hashOf = (path) => entries.find((e) => external_node_path_.posix.normalize(e.path) === path)?.sha256;
    let chosen;
    const explicit = card.monitoring?.reference;
    if (explicit) {
        chosen = external_node_path_.posix.normalize(explicit);
        if (!hashOf(chosen)) {
            throw new errors/* MlopsError */.IC("not-found", `the lock of ${tag} records no file '${explicit}': expected a file a stage reads or writes, relative to the pipeline`, {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.reference",
                expected: "a dependency or output of a stage, relative to the pipeline (like data/train.json)",
                got: [...new Set(entries.map((e) => e.path))].filter((p) => tabular.test(p)).join(", "),
            });
        }
    }
    else {
        if (!producing) {
            throw new errors/* MlopsError */.IC("not-found", `no stage of ${lockPath} at ${tag} writes ${card.output}`, {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.reference",
                hint: "name the training data with `monitoring.reference`",
            });
        }
        const skip = new Set([card.validation, card.metrics].filter((p) => p !== undefined).map(external_node_path_.posix.normalize));
        const candidates = producing[1].deps
            .map((d) => external_node_path_.posix.normalize(d.path))
            .filter((p) => tabular.test(p) && !skip.has(p));
        if (candidates.length !== 1) {
            throw new errors/* MlopsError */.IC("usage", `cannot tell which input of stage '${producing[0]}' is the training data (${candidates.join(", ") || "none is a table"}): expected \`monitoring.reference\` naming it`, {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.reference",
                expected: "the training table, relative to the pipeline (like data/train.json)",
            });
        }
        chosen = candidates[0];
    }
    const path = external_node_path_.posix.normalize(external_node_path_.posix.join("pipelines", pipeline, chosen));
    return materialise(layout, scratch, {
        path,
        sha256: hashOf(chosen),
        display: `${path} at ${tag}`,
        referencedBy: `the training data of ${tag}`,
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/monitor.js





const dayMs = 86_400_000;
function fmt(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (Number.isInteger(x))
        return String(x);
    const abs = Math.abs(x);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}
/** A share as people read it: 0.25 → 25%. */
function percent(x) {
    return `${Number((x * 100).toPrecision(3))}%`;
}
/** The selector split and checked against the card: a stage must be one the card declares. */
async function resolveSelector(layout, selector) {
    const { loadModelCard, parseSelector, showRegistry } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3859));
    const sel = parseSelector(selector);
    if (!sel.name ||
        (sel.stage === undefined && sel.version === undefined) ||
        sel.stage === "" ||
        sel.version === "") {
        throw new errors/* MlopsError */.IC("usage", `'${selector}' names no stage or version: expected name#stage (what the stage holds, like fuel-efficiency#prod) or name@vX.Y.Z`, {
            expected: "name#stage or name@vX.Y.Z",
        });
    }
    const card = await loadModelCard(layout, sel.name);
    if (sel.stage !== undefined && !card.stages.includes(sel.stage)) {
        throw new errors/* MlopsError */.IC("usage", `${sel.name} has no stage '${sel.stage}': expected one of ${card.stages.join(", ")}`, {
            file: `models/${sel.name}/model.yaml`,
            field: "stages",
            expected: `one of: ${card.stages.join(", ")}`,
        });
    }
    let shown;
    try {
        shown = await showRegistry(layout, selector);
    }
    catch (err) {
        const stage = sel.stage;
        if (stage === undefined || !(0,errors/* isMlopsError */.s8)(err, "not-found"))
            throw err;
        // Say what the stage should hold rather than only that it holds nothing.
        const summary = await showRegistry(layout, sel.name).catch(() => undefined);
        if (!summary || "manifest" in summary || summary.stages[stage] !== undefined)
            throw err;
        const held = Object.entries(summary.stages).map(([s, v]) => `${s} = ${v}`);
        throw new errors/* MlopsError */.IC("not-found", `${sel.name}#${stage} holds no version: expected a version promoted to ${stage} (stages held now: ${held.join(", ") || "none"})`, { hint: `promote one with \`mlops promote ${sel.name} vX.Y.Z --to ${stage}\`` });
    }
    if (!("manifest" in shown))
        throw new errors/* MlopsError */.IC("internal", `no version manifest for ${selector}`);
    // `show` reads manifests for display only; acting on one means checking it against its schema.
    const { modelVersion } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7833));
    const parsed = modelVersion.safeParse(shown.manifest);
    if (!parsed.success) {
        throw new errors/* MlopsError */.IC("invalid-file", "the version's annotation is not a valid version manifest", {
            file: `tag ${shown.name}@${shown.version}`,
            hint: "`mlops registry verify` names what is wrong with it",
        });
    }
    return { card, stage: sel.stage ?? null, version: parsed.data };
}
/** The rule as it applies: the card's, with every default filled in. */
async function ruleOf(card) {
    if (card.monitoring)
        return card.monitoring;
    const { monitoringRule } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6167));
    return monitoringRule.parse({});
}
function sortColumns(columns) {
    const ratio = (c) => (c.threshold > 0 ? c.statistic / c.threshold : 0);
    return [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || ratio(b) - ratio(a));
}
function decayOf(card, rule, version, measured) {
    const known = (0,direction/* metricDirection */.E)(rule.metric);
    const higher = rule.higher_is_better ?? (known === undefined ? undefined : known === "higher");
    if (higher === undefined) {
        throw new errors/* MlopsError */.IC("invalid-file", `mlops does not know whether a higher '${rule.metric}' is better`, {
            file: `models/${card.name}/model.yaml`,
            field: "monitoring.max_metric_decay",
            hint: "add `higher_is_better: true` or `false`",
        });
    }
    const recorded = version.metrics[rule.metric];
    if (recorded === undefined) {
        const recorded = Object.keys(version.metrics).join(", ") || "none";
        throw new errors/* MlopsError */.IC("not-found", `${version.model}@${version.version} records no metric '${rule.metric}' (it records: ${recorded})`, {
            file: `models/${card.name}/model.yaml`,
            field: "monitoring.max_metric_decay.metric",
            expected: `one of: ${Object.keys(version.metrics).join(", ") || "(the version records no metrics)"}`,
        });
    }
    const allowed = {
        ...(rule.absolute !== undefined ? { absolute: rule.absolute } : {}),
        ...(rule.relative !== undefined ? { relative: rule.relative } : {}),
    };
    const current = measured?.[rule.metric];
    if (current === undefined || !Number.isFinite(current)) {
        return {
            metric: rule.metric,
            direction: higher ? "higher" : "lower",
            recorded,
            current: null,
            worse_by: null,
            relative_worse_by: null,
            allowed,
            fires: false,
        };
    }
    const worse = higher ? recorded - current : current - recorded;
    const relative = recorded !== 0 ? worse / Math.abs(recorded) : null;
    const fires = (rule.absolute !== undefined && worse > rule.absolute) ||
        (rule.relative !== undefined && relative !== null && relative > rule.relative);
    return {
        metric: rule.metric,
        direction: higher ? "higher" : "lower",
        recorded,
        current,
        worse_by: worse,
        relative_worse_by: relative,
        allowed,
        fires,
    };
}
function allowedText(allowed) {
    const parts = [
        ...(allowed.absolute !== undefined ? [fmt(allowed.absolute)] : []),
        ...(allowed.relative !== undefined ? [percent(allowed.relative)] : []),
    ];
    return parts.join(" or ");
}
function driftReason(drift, dataset, reference) {
    const listed = drift.columns
        .filter((c) => c.drifted)
        .map((c) => `${c.column} (${c.method} ${fmt(c.statistic)} ≥ ${fmt(c.threshold)}${c.pvalue === null ? "" : `, p ${fmt(c.pvalue)}`})`)
        .join(", ");
    const allowance = drift.max_drifted_share === 0
        ? "the rule allows none"
        : `the rule allows ${percent(drift.max_drifted_share)}`;
    return `${drift.drifted.length} of ${drift.tested} monitored columns of ${dataset} drifted from the training data ${reference} (${percent(drift.share)}) and ${allowance}: ${listed}.`;
}
/** An empty JSON array (a snapshot that has not been filled yet), read without loading the table. */
async function holdsNoRows(file) {
    const { stat, readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19));
    if ((await stat(file)).size > 64)
        return false;
    return (await readFile(file, "utf8")).trim() === "[]";
}
/**
 * `mlops monitor`: the version a stage holds (or a named version) against a snapshot of production
 * data. Drift is measured against the version's own training data, read at its commit by hash; where
 * the snapshot carries the target, the version's model is evaluated on it and compared with the
 * figure its manifest records; its age is measured from its registration. The card's `monitoring`
 * rule decides whether any of it fires. Nothing is written.
 */
async function monitorModel(layout, options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const now = options.now ?? new Date();
    const { card, stage, version } = await resolveSelector(layout, options.selector);
    const rule = await ruleOf(card);
    const tag = `${version.model}@${version.version}`;
    const scratch = await openScratch(layout);
    try {
        const dataset = options.current ?? rule.current;
        if (!dataset) {
            throw new errors/* MlopsError */.IC("usage", `no snapshot to monitor ${version.model} on`, {
                file: `models/${version.model}/model.yaml`,
                field: "monitoring.current",
                expected: "a tracked dataset name there, or --current <dataset>",
            });
        }
        const current = await currentSnapshot(layout, scratch, dataset);
        const reference = await trainingReference(layout, scratch, card, version);
        logger.info(`monitoring ${tag}: ${current.path} against ${reference.display}`);
        const { modelObjectPath } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3859));
        const { openModel } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 5479));
        const model = await openModel(await modelObjectPath(layout, version), tag);
        try {
            const target = card.evaluation?.target ?? model.metadata["mlops.target"];
            const features = featureColumns(version, model.metadata);
            const { dropTable, driftExact, loadTable, profileTable } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 4068));
            const format = current.format;
            if (await holdsNoRows(current.file)) {
                throw new errors/* MlopsError */.IC("refused", `${current.path} holds no rows: there is no production data to monitor yet`, {
                    hint: `refresh the snapshot first (mlops data import <url> ${current.path} --force)`,
                });
            }
            const currentTable = await loadTable(current.file, { display: current.path, format, view: true });
            try {
                const referenceTable = await loadTable(reference.file, { display: reference.display, view: true });
                try {
                    const referenceNames = new Set(referenceTable.columns.map((c) => c.name));
                    const currentNames = new Set(currentTable.columns.map((c) => c.name));
                    const explicit = rule.drift.columns;
                    const monitored = [...new Set(explicit ?? [...features, ...(target ? [target] : [])])];
                    const unknown = monitored.filter((c) => !referenceNames.has(c));
                    if (explicit && unknown.length) {
                        throw new errors/* MlopsError */.IC("invalid-file", `the training data has no column ${unknown.map((c) => `'${c}'`).join(", ")}: expected some of ${[...referenceNames].join(", ")}`, {
                            file: `models/${card.name}/model.yaml`,
                            field: "monitoring.drift.columns",
                            expected: `columns of ${reference.display}: ${[...referenceNames].join(", ")}`,
                        });
                    }
                    const columns = monitored.filter((c) => referenceNames.has(c));
                    const missing = columns.filter((c) => c !== target && !currentNames.has(c));
                    if (missing.length) {
                        throw new errors/* MlopsError */.IC("invalid-file", `the snapshot has no column ${missing.map((c) => `'${c}'`).join(", ")} that ${tag} was trained on: expected rows shaped like ${reference.path} (${columns.join(", ")})`, {
                            file: current.path,
                            expected: `rows shaped like the training data ${reference.path}: ${columns.join(", ")}`,
                            got: `columns ${[...currentNames].join(", ")}`,
                        });
                    }
                    const referenceProfile = await profileTable(referenceTable, { columns, depth: "lean" });
                    const currentProfile = await profileTable(currentTable, {
                        reference: referenceProfile,
                        columns,
                        depth: "lean",
                    });
                    const schema = {
                        format: "json",
                        columns: {},
                        drift: {
                            ...(rule.drift.method ? { method: rule.drift.method } : {}),
                            ...(rule.drift.threshold !== undefined ? { threshold: rule.drift.threshold } : {}),
                            ...(rule.drift.alpha !== undefined ? { alpha: rule.drift.alpha } : {}),
                        },
                    };
                    const report = await driftExact(referenceTable, currentTable, referenceProfile, currentProfile, {
                        schema,
                    });
                    const tested = report.columns.length;
                    const share = tested > 0 ? report.drifted_columns.length / tested : 0;
                    const drift = {
                        alpha: report.alpha,
                        max_drifted_share: rule.drift.max_drifted_share,
                        tested,
                        drifted: report.drifted_columns,
                        share,
                        fires: report.drifted_columns.length > 0 && share > rule.drift.max_drifted_share,
                        columns: sortColumns(report.columns),
                    };
                    const notes = [];
                    let metrics = null;
                    const labelled = target !== undefined && currentNames.has(target);
                    if (!target)
                        notes.push(`${tag} records no target column, so no metric was measured.`);
                    else if (!labelled)
                        notes.push(`${current.dataset} has no '${target}' column (no labels), so no metric was measured.`);
                    else if (format === "parquet" || format === "arrow" || /\.(parquet|arrow)$/i.test(current.path))
                        notes.push(`${current.dataset} is not CSV or JSON, which evaluation reads, so no metric was measured.`);
                    else {
                        const { readTable } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 333));
                        const { evaluateLoaded } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 5479));
                        const { flatten } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3487));
                        const table = await readTable(current.file, current.path);
                        const evaluation = await evaluateLoaded(model, table, { target });
                        const values = {};
                        for (const [k, v] of Object.entries(flatten(evaluation.metrics)))
                            if (typeof v === "number" && Number.isFinite(v))
                                values[k] = v;
                        metrics = { target, rows: evaluation.data.rows_with_target, values };
                    }
                    const decay = rule.max_metric_decay
                        ? decayOf(card, rule.max_metric_decay, version, metrics?.values ?? null)
                        : null;
                    if (decay && decay.current === null && labelled && metrics)
                        notes.push(`the evaluation gives no '${decay.metric}'.`);
                    const created = Date.parse(version.created);
                    const days = (now.getTime() - created) / dayMs;
                    const maxDays = rule.max_age_days ?? null;
                    const age = { days, max_days: maxDays, fires: maxDays !== null && days > maxDays };
                    const referenceLabel = `${reference.path} at ${tag}`;
                    const reasons = [];
                    if (drift.fires)
                        reasons.push(driftReason(drift, current.dataset, referenceLabel));
                    if (decay?.fires && decay.current !== null && decay.worse_by !== null) {
                        reasons.push(`${decay.metric} of ${tag} on ${current.dataset} is ${fmt(decay.current)} against the ${fmt(decay.recorded)} its manifest records: ${fmt(decay.worse_by)} worse${decay.relative_worse_by === null ? "" : ` (${percent(decay.relative_worse_by)})`}, more than the ${allowedText(decay.allowed)} the rule allows.`);
                    }
                    if (age.fires && maxDays !== null) {
                        reasons.push(`${tag} was registered ${Math.floor(days)} days ago (${version.created}), more than the ${fmt(maxDays)} days the rule allows.`);
                    }
                    return {
                        model: version.model,
                        version: version.version,
                        stage,
                        commit: version.commit,
                        registered: version.created,
                        checked_at: now.toISOString(),
                        current: {
                            dataset: current.dataset,
                            manifest: current.manifest,
                            path: current.path,
                            sha256: current.sha256,
                            rows: currentTable.rows,
                            labelled,
                        },
                        reference: {
                            path: reference.path,
                            version_tag: tag,
                            sha256: reference.sha256,
                            rows: referenceTable.rows,
                            source: reference.source,
                        },
                        drift,
                        metrics,
                        decay,
                        age,
                        fires: reasons.length > 0,
                        reasons,
                        notes,
                    };
                }
                finally {
                    await dropTable(referenceTable);
                }
            }
            finally {
                await dropTable(currentTable);
            }
        }
        finally {
            await model.session.release();
        }
    }
    finally {
        await scratch.release();
    }
}
/**
 * The columns the model reads: its ONNX inputs by name, or for a single matrix input the feature
 * columns its metadata lists (how scikit-learn exports record them).
 */
function featureColumns(version, metadata) {
    const listed = (0,builder/* metadataList */.Kw)(metadata, "mlops.feature_columns");
    if (listed && version.signature.inputs.length === 1)
        return listed;
    return version.signature.inputs.map((i) => i.name);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/markdown.js


const verdict = (fires) => (fires ? "🔴 fired" : "ok");
function checksTable(r) {
    const dataset = escapeMarkdown(r.current.dataset);
    const rows = [
        [
            "drift",
            `${r.drift.drifted.length} of ${r.drift.tested} columns drifted (${percent(r.drift.share)})`,
            r.drift.max_drifted_share === 0
                ? "no drifted column"
                : r.drift.max_drifted_share >= 1
                    ? "report only"
                    : `at most ${percent(r.drift.max_drifted_share)} of columns`,
            verdict(r.drift.fires),
        ],
    ];
    if (r.decay) {
        const d = r.decay;
        const allowed = [
            ...(d.allowed.absolute !== undefined ? [markdown_formatNumber(d.allowed.absolute)] : []),
            ...(d.allowed.relative !== undefined ? [percent(d.allowed.relative)] : []),
        ].join(" or ");
        rows.push([
            `${escapeMarkdown(d.metric)} ${d.direction === "higher" ? "↑" : "↓"} on ${dataset}`,
            d.current === null
                ? `not measured; ${markdown_formatNumber(d.recorded)} recorded`
                : `${markdown_formatNumber(d.current)} vs ${markdown_formatNumber(d.recorded)} recorded${d.worse_by === null ? "" : ` (${d.worse_by > 0 ? `${markdown_formatNumber(d.worse_by)} worse` : `${markdown_formatNumber(-d.worse_by)} better`})`}`,
            `at most ${allowed} worse`,
            d.current === null ? "—" : verdict(d.fires),
        ]);
    }
    else if (r.metrics) {
        const shown = Object.entries(r.metrics.values)
            .filter(([k]) => !k.includes("."))
            .slice(0, 4)
            .map(([k, v]) => `${escapeMarkdown(k)} ${markdown_formatNumber(v)}`)
            .join(", ");
        rows.push([`metrics on ${dataset}`, shown || "—", "no decay rule", "—"]);
    }
    rows.push([
        "age",
        `${Math.floor(r.age.days)} days since registration`,
        r.age.max_days === null ? "no age rule" : `at most ${markdown_formatNumber(r.age.max_days)} days`,
        r.age.max_days === null ? "—" : verdict(r.age.fires),
    ]);
    return markdownTable(["check", "measured", "rule", ""], rows);
}
/**
 * The monitoring report as GitHub markdown, for a job summary and the body of a retraining pull
 * request: the verdict and its reasons, the checks against the rule, and the drift section as the
 * pull-request report renders it. Names and reasons are escaped: a column name is data.
 */
function monitorMarkdown(r) {
    const subject = `${r.model}${r.stage ? `#${r.stage}` : ""} (${r.version})`;
    const who = `${escapeMarkdown(r.model)} ${escapeMarkdown(r.version)}`;
    const head = r.fires
        ? `🔴 **The monitoring rule fired**: ${who} should be retrained.`
        : `🟢 **Nothing fired**: ${who} holds up on this snapshot.`;
    const reasons = r.reasons.map((x) => `- ${escapeMarkdown(x)}`).join("\n");
    const notes = r.notes.map((x) => `- ${escapeMarkdown(x)}`).join("\n");
    const sources = `Current snapshot: **${escapeMarkdown(r.current.dataset)}** (${escapeMarkdown(r.current.path)}, ${r.current.rows} rows, sha256 \`${r.current.sha256.slice(0, 12)}\`). ` +
        `Reference: the training data of ${escapeMarkdown(r.reference.version_tag)}, ${escapeMarkdown(r.reference.path)} (${r.reference.rows} rows, sha256 \`${r.reference.sha256.slice(0, 12)}\`, commit \`${r.commit.slice(0, 10)}\`). Checked ${escapeMarkdown(r.checked_at)}.`;
    // The pull-request report's own drift rendering, so both read alike; its first block is the
    // report's title, which a monitoring report does not have.
    const document = {
        schema: "mlops-report/1",
        head: { ref: r.current.dataset, sha: null },
        base: { ref: r.reference.version_tag, sha: null },
        data: [],
        drift: [
            {
                dataset: r.current.dataset.slice(0, 200),
                reference: `${r.reference.path} at ${r.reference.version_tag}`.slice(0, 200),
                drifted: r.drift.drifted.length > 0,
                alpha: r.drift.alpha,
                columns: r.drift.columns.slice(0, 100).map((c) => ({
                    column: c.column.slice(0, 200),
                    method: c.method,
                    statistic: c.statistic,
                    threshold: c.threshold,
                    pvalue: c.pvalue,
                    drifted: c.drifted,
                })),
            },
        ],
        pipelines: [],
    };
    const driftSection = reportBlocks(document).slice(1);
    return `${[
        `## Monitoring ${escapeMarkdown(subject)}`,
        head,
        reasons,
        checksTable(r),
        notes ? `Not measured:\n\n${notes}` : "",
        sources,
        ...driftSection,
    ]
        .filter((b) => b !== "")
        .join("\n\n")}\n`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/index.js




/***/ }),

/***/ 1996:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ metadataList),
/* harmony export */   c_: () => (/* binding */ readModelInfo)
/* harmony export */ });
/* unused harmony exports attr, GraphBuilder */
/* harmony import */ var onnx_proto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9070);

const { onnx } = onnx_proto__WEBPACK_IMPORTED_MODULE_0__;
const elementCodes = {
    float: onnx.TensorProto.DataType.FLOAT,
    double: onnx.TensorProto.DataType.DOUBLE,
    int64: onnx.TensorProto.DataType.INT64,
    string: onnx.TensorProto.DataType.STRING,
};
/** Typed attribute constructors: ONNX tells a float 1 from an int 1, JavaScript does not. */
const attr = {
    float: (value) => ({ kind: "float", value }),
    int: (value) => ({ kind: "int", value }),
    string: (value) => ({ kind: "string", value }),
    floats: (value) => ({ kind: "floats", value }),
    ints: (value) => ({ kind: "ints", value }),
    strings: (value) => ({ kind: "strings", value }),
};
const utf8 = new TextEncoder();
function toAttribute(name, a) {
    const T = onnx.AttributeProto.AttributeType;
    switch (a.kind) {
        case "float":
            return { name, type: T.FLOAT, f: a.value };
        case "int":
            return { name, type: T.INT, i: a.value };
        case "string":
            return { name, type: T.STRING, s: utf8.encode(a.value) };
        case "floats":
            return { name, type: T.FLOATS, floats: [...a.value] };
        case "ints":
            return { name, type: T.INTS, ints: [...a.value] };
        case "strings":
            return { name, type: T.STRINGS, strings: a.value.map((s) => utf8.encode(s)) };
    }
}
function valueInfo(name, type, shape) {
    return {
        name,
        type: {
            tensorType: {
                elemType: elementCodes[type],
                shape: { dim: shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
            },
        },
    };
}
/**
 * Builds one ONNX graph node by node. Names are generated in a fixed order and nothing depends on
 * time or randomness, so the same model always serialises to the same bytes.
 */
class GraphBuilder {
    graphName;
    inputs = [];
    outputs = [];
    nodes = [];
    initializers = [];
    counter = 0;
    constructor(graphName) {
        this.graphName = graphName;
    }
    fresh(prefix) {
        this.counter += 1;
        return `${prefix}_${this.counter}`;
    }
    input(name, type, shape) {
        this.inputs.push(valueInfo(name, type, shape));
        return name;
    }
    output(name, type, shape) {
        this.outputs.push(valueInfo(name, type, shape));
    }
    /** Adds a node and returns the names of its outputs (fresh names unless given). */
    node(opType, inputs, options = {}) {
        const outputs = options.outputs ? [...options.outputs] : [this.fresh(opType.toLowerCase())];
        this.nodes.push({
            opType,
            domain: options.domain ?? "",
            name: this.fresh(`n_${opType}`),
            input: [...inputs],
            output: outputs,
            attribute: Object.entries(options.attributes ?? {}).map(([k, v]) => toAttribute(k, v)),
        });
        return outputs;
    }
    /** One-output convenience for `node`. */
    op(opType, inputs, attributes = {}, domain = "", output) {
        const [out] = this.node(opType, inputs, { attributes, domain, outputs: output ? [output] : undefined });
        return out;
    }
    floatConstant(prefix, values, dims) {
        const name = this.fresh(prefix);
        this.initializers.push({ name, dataType: elementCodes.float, dims: [...dims], floatData: [...values] });
        return name;
    }
    int64Constant(prefix, values, dims) {
        const name = this.fresh(prefix);
        this.initializers.push({ name, dataType: elementCodes.int64, dims: [...dims], int64Data: [...values] });
        return name;
    }
    stringConstant(prefix, values, dims) {
        const name = this.fresh(prefix);
        this.initializers.push({
            name,
            dataType: elementCodes.string,
            dims: [...dims],
            stringData: values.map((v) => utf8.encode(v)),
        });
        return name;
    }
    toBytes(options) {
        const model = onnx.ModelProto.create({
            irVersion: 8,
            producerName: "gitops-mlops",
            producerVersion: options.producerVersion,
            docString: options.docString ?? "",
            opsetImport: Object.entries(options.opsets).map(([domain, version]) => ({ domain, version })),
            metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
            graph: {
                name: this.graphName,
                node: this.nodes,
                input: this.inputs,
                output: this.outputs,
                initializer: this.initializers,
            },
        });
        return onnx.ModelProto.encode(model).finish();
    }
}
/**
 * A list our exporters record in a model's metadata as JSON (`mlops.classes`, `mlops.feature_columns`):
 * its entries as strings, or undefined when the key is absent or not a JSON list.
 */
function metadataList(metadata, key) {
    const raw = metadata[key];
    if (!raw)
        return undefined;
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.map(String) : undefined;
    }
    catch {
        return undefined;
    }
}
/** Reads the metadata and the declared inputs and outputs of a model file, without running it. */
function readModelInfo(bytes) {
    const model = onnx.ModelProto.decode(bytes);
    const metadata = {};
    for (const p of model.metadataProps)
        metadata[p.key ?? ""] = p.value ?? "";
    const opsets = {};
    for (const o of model.opsetImport)
        opsets[o.domain || "ai.onnx"] = Number(o.version);
    return { metadata, producer: `${model.producerName} ${model.producerVersion}`.trim(), opsets };
}


/***/ }),

/***/ 3633:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __webpack_require__) => {


// UNUSED EXPORTS: buildGraph, commitStages, expandStages, listPipelines, listRunCache, loadPipeline, loadPipelines, pushDatasetsAndRuns, pushRunCache, readLock, reproduce, runCacheRelPath, runKeyOf, runPipelines, runsTrainer, selectParam, serializeLock, stableJson, withUpstream, writeLock

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/manifests.js
var manifests = __webpack_require__(4799);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/digest.js

/** What a path hashes to now, as a lock entry; undefined when nothing is there. */
async function digest_digestPath(cache, index, abs, path, options) {
    let isDir;
    try {
        isDir = statSync(abs).isDirectory();
    }
    catch {
        return undefined;
    }
    if (isDir) {
        const tree = options.store
            ? await cache.addDirectory(abs, index)
            : await cache.statusOfDirectory(abs, index);
        return { path, sha256: tree.oid, size: tree.size, nfiles: tree.nfiles };
    }
    const file = options.store ? await cache.addFile(abs, index) : await cache.statusOfFile(abs, index);
    return { path, sha256: file.sha256, size: file.size };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/graph.js

function covers(outer, inner) {
    return outer === inner || inner.startsWith(`${outer}/`);
}
function graph_buildGraph(pipelines) {
    const stages = pipelines.flatMap((p) => p.stages);
    const outputs = [];
    for (const stage of stages) {
        for (const out of stage.outs) {
            const clash = outputs.find((o) => covers(o.repoPath, out.repoPath) || covers(out.repoPath, o.repoPath));
            if (clash && clash.stage !== stage) {
                throw new MlopsError("invalid-file", `'${out.repoPath}' is written by two stages: ${clash.stage.id} and ${stage.id}`, {
                    file: stage.file,
                    line: stage.line,
                    field: `stages.${stage.name}.${out.kind}`,
                    expected: "each output written by exactly one stage",
                });
            }
            outputs.push({ repoPath: out.repoPath, stage });
        }
    }
    const producerOf = (repoPath) => outputs.find((o) => covers(o.repoPath, repoPath) || covers(repoPath, o.repoPath))?.stage;
    const upstream = new Map();
    for (const stage of stages) {
        const ups = [];
        for (const dep of stage.deps) {
            for (const o of outputs) {
                if ((covers(o.repoPath, dep.repoPath) || covers(dep.repoPath, o.repoPath)) &&
                    !ups.includes(o.stage)) {
                    if (o.stage === stage) {
                        throw new MlopsError("invalid-file", `stage '${stage.name}' depends on its own output '${dep.path}'`, {
                            file: stage.file,
                            line: stage.line,
                            field: `stages.${stage.name}.deps`,
                            expected: "deps that other stages (or nobody) write",
                            hint: "mark the output `persist: true` and drop the dep if the stage updates it in place",
                        });
                    }
                    ups.push(o.stage);
                }
            }
        }
        upstream.set(stage.id, ups);
    }
    const order = [];
    const state = new Map();
    const visit = (stage, trail) => {
        const seen = state.get(stage.id);
        if (seen === "done")
            return;
        if (seen === "visiting") {
            const cycle = [...trail.slice(trail.indexOf(stage)), stage].map((s) => s.id).join(" → ");
            throw new MlopsError("invalid-file", `the stages form a cycle: ${cycle}`, {
                file: stage.file,
                line: stage.line,
                field: `stages.${stage.name}.deps`,
                expected: "a graph without cycles: no stage may depend, directly or not, on its own outputs",
            });
        }
        state.set(stage.id, "visiting");
        for (const up of upstream.get(stage.id) ?? [])
            visit(up, [...trail, stage]);
        state.set(stage.id, "done");
        order.push(stage);
    };
    for (const stage of stages)
        visit(stage, []);
    return { order, upstream, producerOf };
}
/** The named stages plus everything upstream of them, in graph order. */
function graph_withUpstream(graph, targets) {
    const wanted = new Set();
    const add = (stage) => {
        if (wanted.has(stage.id))
            return;
        wanted.add(stage.id);
        for (const up of graph.upstream.get(stage.id) ?? [])
            add(up);
    };
    for (const t of targets)
        add(t);
    return graph.order.filter((s) => wanted.has(s.id));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/params.js
var params = __webpack_require__(6363);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js
var pipeline = __webpack_require__(655);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(7441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/templating.js





/**
 * DVC's templating of dvc.yaml, applied to pipeline.yaml with DVC's semantics (dvc/parsing in DVC
 * 3.x; checked against `dvc stage list` by test/pipeline-templating.test.ts):
 * - the context is `params.yaml` beside the pipeline (when present), then each `vars` item in
 *   order: a file (`file` or `file:key1,key2`, relative to the pipeline) or an inline mapping;
 *   mappings merge recursively and redefining a value is an error;
 * - `${a.b[0]}` is replaced in every string of a stage, mapping keys included; a string that is
 *   exactly one `${…}` takes the value with its type; inside a longer string a value is written as
 *   Python writes it (`true`, `1.0`, `None`), a mapping only in `cmd` (as `--key value` arguments),
 *   a list nowhere; `\${` stays a literal `${`;
 * - `foreach` (a list, a mapping or `${…}`) with `do` makes `NAME@KEY` stages with `${item}` (and
 *   `${key}` for a mapping); the key is the item itself for a list of scalars, its index for a list
 *   holding lists or mappings;
 * - `matrix` makes one stage per combination, `NAME@K1-K2…`, each part the value, or `NAMEi` for a
 *   list or mapping value; `${item.NAME}` and `${key}` inside;
 * - a stage's own `vars` are loaded for it alone.
 */
/** A YAML float, kept apart from integers so `1.0` is written `1.0` as DVC (Python) writes it. */
class PyFloat {
    value;
    constructor(value) {
        this.value = value;
    }
}
const floatSyntax = /^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
function isMapping(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof PyFloat);
}
/** A YAML document as DVC reads it: floats stay floats even when whole. */
function yamlToValue(text) {
    const { doc } = parsedYaml(text);
    const walk = (node) => {
        if (node === null || node === undefined)
            return null;
        if (isMap(node)) {
            const out = {};
            for (const pair of node.items) {
                const key = isScalar(pair.key) ? pair.key.value : pair.key;
                out[String(key)] = walk(pair.value);
            }
            return out;
        }
        if (isSeq(node))
            return node.items.map(walk);
        if (isScalar(node)) {
            const v = node.value;
            if (typeof v === "number") {
                const source = node.source ?? "";
                const isFloat = node.tag === "tag:yaml.org,2002:float" ||
                    (!/^[-+]?0[xo]/.test(source) && floatSyntax.test(source) && /[.eEn]/.test(source));
                return isFloat ? new PyFloat(v) : v;
            }
            if (typeof v === "bigint")
                return Number(v);
            if (v === null || typeof v === "boolean" || typeof v === "string")
                return v;
            return String(v);
        }
        return node.toJSON();
    };
    return walk(doc.contents);
}
/** Python's `repr` of a float: shortest round trip, `1.0`, `1e-05`, `1e+16`, `inf`, `nan`. */
function pyFloatRepr(x) {
    if (Number.isNaN(x))
        return "nan";
    if (!Number.isFinite(x))
        return x > 0 ? "inf" : "-inf";
    if (x === 0)
        return Object.is(x, -0) ? "-0.0" : "0.0";
    const [mantissa = "", exp = "0"] = x.toExponential().split("e");
    const e = Number(exp);
    const sign = mantissa.startsWith("-") ? "-" : "";
    const digits = mantissa.replace("-", "").replace(".", "");
    if (e < -4 || e >= 16) {
        const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        return `${sign}${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    }
    if (e < 0)
        return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
    const intPart = digits.slice(0, e + 1).padEnd(e + 1, "0");
    const frac = digits.slice(e + 1);
    return `${sign}${intPart}.${frac || "0"}`;
}
/** The value with floats as plain numbers: what the schema and the runner see. */
function plain(v) {
    if (v instanceof PyFloat)
        return v.value;
    if (Array.isArray(v))
        return v.map(plain);
    if (isMapping(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
}
const interpolation = /(?<!\\)\$\{(.*?)\}/g;
class TemplateError extends (/* unused pure expression or super */ null && (Error)) {
}
function typeName(v) {
    if (v === null)
        return "NoneType";
    if (Array.isArray(v))
        return "list";
    if (v instanceof PyFloat)
        return "float";
    if (isMapping(v))
        return "dict";
    if (typeof v === "number")
        return "int";
    if (typeof v === "boolean")
        return "bool";
    return "str";
}
/** `a.b[0]` → `["a", "b", "0"]`, refusing what DVC's grammar refuses (empty parts, stray brackets). */
function parseExpression(inner) {
    const parts = [];
    let i = 0;
    const word = () => {
        const start = i;
        while (i < inner.length && !".[]".includes(inner[i]))
            i++;
        if (i === start)
            throw new TemplateError(`'\${${inner}}' is not a valid expression: expected a key at position ${start + 1}`);
        return inner.slice(start, i);
    };
    parts.push(word());
    while (i < inner.length) {
        if (inner[i] === ".") {
            i++;
            parts.push(word());
        }
        else if (inner[i] === "[") {
            i++;
            parts.push(word());
            if (inner[i] !== "]")
                throw new TemplateError(`'\${${inner}}' is not a valid expression: expected ']'`);
            i++;
        }
        else {
            throw new TemplateError(`'\${${inner}}' is not a valid expression: unexpected '${inner[i]}'`);
        }
    }
    return parts;
}
function templating_select(context, inner) {
    const parts = parseExpression(inner);
    let node = context;
    for (const raw of parts) {
        const part = raw.trim();
        if (Array.isArray(node)) {
            if (!/^[-+]?\d+$/.test(part))
                throw new TemplateError(`Could not find '${inner}'`);
            let index = Number(part);
            if (index < 0)
                index += node.length;
            if (index < 0 || index >= node.length)
                throw new TemplateError(`Could not find '${inner}'`);
            node = node[index];
        }
        else if (isMapping(node)) {
            if (!Object.hasOwn(node, part))
                throw new TemplateError(`Could not find '${inner}'`);
            node = node[part];
        }
        else {
            throw new TemplateError(`Could not find '${inner}'`);
        }
    }
    return node;
}
/** POSIX shell quoting as Python's shlex.quote does it. */
function shellQuote(s) {
    if (s === "")
        return "''";
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s))
        return s;
    return `'${s.replaceAll("'", `'"'"'`)}'`;
}
function flatten(m, prefix = "", out = []) {
    for (const [k, v] of Object.entries(m)) {
        if (isMapping(v))
            flatten(v, `${prefix}${k}.`, out);
        else
            out.push([`${prefix}${k}`, v]);
    }
    return out;
}
/** A value inside a longer string, as DVC writes it. */
function toText(v) {
    if (v === null)
        return "None";
    if (typeof v === "boolean")
        return v ? "true" : "false";
    if (v instanceof PyFloat)
        return pyFloatRepr(v.value);
    if (typeof v === "number")
        return String(v);
    if (typeof v === "string")
        return v;
    if (isMapping(v)) {
        // A mapping in `cmd` becomes command-line arguments (DVC's default: store_true booleans, nargs lists).
        const parts = [];
        for (const [k, x] of flatten(v)) {
            if (typeof x === "boolean") {
                if (x)
                    parts.push(`--${k}`);
            }
            else if (typeof x === "string")
                parts.push(`--${k} ${shellQuote(x)}`);
            else if (Array.isArray(x)) {
                const items = x.map((i) => {
                    if (Array.isArray(i) || isMapping(i))
                        throw new TemplateError(`Cannot interpolate nested iterable in '${k}'`);
                    return typeof i === "string" ? shellQuote(i) : toText(i);
                });
                if (items.length > 0)
                    parts.push(`--${k} ${items.join(" ")}`);
            }
            else
                parts.push(`--${k} ${toText(x)}`);
        }
        return parts.join(" ");
    }
    throw new TemplateError(`Cannot interpolate data of type '${typeName(v)}'`);
}
/**
 * A generated stage's key for a scalar. DVC writes a value written in the list itself as it
 * writes one into a string (`true`), but one taken from the context (`${list}`, or an item
 * `${flag}`) by Python's `str()` of its wrapper (`True`).
 */
function keyText(v, literal) {
    if (typeof v === "boolean" && !literal)
        return v ? "True" : "False";
    return toText(v);
}
function isExactInterpolation(v) {
    if (typeof v !== "string")
        return false;
    const matches = [...v.matchAll(interpolation)];
    return matches.length === 1 && matches[0]?.[0] === v;
}
/** For a list as written: which items were written literally (not taken from the context). */
function literalItems(raw, count) {
    if (!Array.isArray(raw))
        return new Array(count).fill(false);
    return raw.map((item) => !isExactInterpolation(item));
}
function checkValue(v, field) {
    const composite = Array.isArray(v) || isMapping(v);
    if (composite && field !== undefined && !field.includes("foreach")) {
        if (isMapping(v) && field === "cmd")
            return;
        throw new TemplateError(`Cannot interpolate data of type '${typeName(v)}'`);
    }
}
function resolveString(s, context, field) {
    const matches = [...s.matchAll(interpolation)];
    if (matches.length === 1 && matches[0]?.[0] === s) {
        const value = templating_select(context, matches[0][1]);
        checkValue(value, field);
        return value;
    }
    let out = "";
    let at = 0;
    for (const m of matches) {
        const value = templating_select(context, m[1]);
        checkValue(value, field);
        out += s.slice(at, m.index) + toText(value);
        at = m.index + m[0].length;
    }
    return (out + s.slice(at)).replaceAll("\\${", "${");
}
function resolveDeep(v, context, field) {
    if (typeof v === "string")
        return resolveString(v, context, field);
    if (Array.isArray(v))
        return v.map((x) => resolveDeep(x, context, field));
    if (isMapping(v)) {
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            const key = resolveString(k, context, field);
            out[typeof key === "string" ? key : toText(key)] = resolveDeep(x, context, field);
        }
        return out;
    }
    return v;
}
function hasInterpolation(v) {
    if (typeof v === "string")
        return /(?<!\\)\$\{/.test(v);
    if (Array.isArray(v))
        return v.some(hasInterpolation);
    if (isMapping(v))
        return Object.entries(v).some(([k, x]) => hasInterpolation(k) || hasInterpolation(x));
    return false;
}
function clone(v) {
    if (Array.isArray(v))
        return v.map(clone);
    if (isMapping(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
    return v;
}
/** DVC's merge: mappings merge key by key; any other value already there is a conflict. */
function merge(into, update, source, sources, path = "") {
    for (const [k, v] of Object.entries(update)) {
        const here = path ? `${path}.${k}` : k;
        const existing = into[k];
        if (isMapping(existing) && isMapping(v)) {
            merge(existing, v, source, sources, here);
        }
        else {
            if (Object.hasOwn(into, k))
                throw new TemplateError(`cannot redefine '${here}' from '${source}' as it already exists in '${sources.get(here) ?? sources.get(here.split(".")[0]) ?? "the context"}'`);
            into[k] = clone(v);
            sources.set(here, source);
        }
    }
}
function loadVarsFile(item, wdir, ctx, show) {
    const colon = item.indexOf(":");
    const path = colon < 0 ? item : item.slice(0, colon);
    const keys = colon < 0
        ? null
        : item
            .slice(colon + 1)
            .split(",")
            .filter(Boolean);
    const selected = keys && keys.length > 0 ? keys : null;
    const abs = normalize(join(wdir, path));
    const already = ctx.imports.get(abs);
    if (ctx.imports.has(abs)) {
        if (selected === null && already === null)
            return;
        if (selected === null || already === null || selected.some((k) => already?.includes(k)))
            throw new TemplateError(`cannot load '${item}' as it's ${selected === null ? "partially loaded already" : already === null ? "already loaded" : "partially loaded already"}`);
    }
    if (!existsSync(abs))
        throw new TemplateError(`'${show(abs)}' does not exist`);
    if (statSync(abs).isDirectory())
        throw new TemplateError(`'${show(abs)}' is a directory`);
    const text = readFileSync(abs, "utf8");
    const data = abs.endsWith(".json") ? jsonToValue(JSON.parse(text)) : yamlToValue(text);
    if (!isMapping(data))
        throw new TemplateError(`expected a dictionary, got '${typeName(data)}' in file '${show(abs)}'`);
    let chosen = data;
    if (selected) {
        chosen = {};
        for (const k of selected) {
            if (!Object.hasOwn(data, k))
                throw new TemplateError(`could not find '${k}' in '${show(abs)}'`);
            chosen[k] = data[k];
        }
    }
    merge(ctx.values, chosen, show(abs), ctx.sources);
    ctx.imports.set(abs, selected ? [...(already ?? []), ...selected] : null);
}
function jsonToValue(v) {
    if (typeof v === "number")
        return Number.isInteger(v) ? v : new PyFloat(v);
    if (Array.isArray(v))
        return v.map(jsonToValue);
    if (v !== null && typeof v === "object")
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonToValue(x)]));
    return v;
}
function loadVars(items, wdir, ctx, show, stage) {
    if (!Array.isArray(items))
        throw new TemplateError("expected `vars` to be a list");
    items.forEach((item, index) => {
        if (typeof item === "string")
            loadVarsFile(item, wdir, ctx, show);
        else if (isMapping(item))
            merge(ctx.values, item, `${stage ? `${stage}.` : ""}vars[${index}]`, ctx.sources);
        else
            throw new TemplateError(`expected a file name or a mapping in vars[${index}]`);
    });
}
function cloneContext(ctx) {
    return {
        values: clone(ctx.values),
        sources: new Map(ctx.sources),
        imports: new Map(ctx.imports),
    };
}
function isComposite(v) {
    return Array.isArray(v) || isMapping(v);
}
/** Expands every stage of a parsed pipeline.yaml (its `stages` mapping) in file order. */
function templating_expandStages(source) {
    const doc = yamlToValue(source.text);
    if (!isMapping(doc))
        return [];
    const fail = (err, yamlPath, field) => {
        if (!(err instanceof TemplateError))
            throw err;
        throw new MlopsError("invalid-file", err.message, {
            file: source.file,
            line: lineInYaml(source.text, yamlPath) ?? lineInYaml(source.text, yamlPath.slice(0, -1)),
            field,
        });
    };
    const ctx = { values: {}, sources: new Map(), imports: new Map() };
    try {
        if (existsSync(join(source.dir, "params.yaml")))
            loadVarsFile("params.yaml", source.dir, ctx, source.display);
    }
    catch (err) {
        fail(err, ["vars"], "vars");
    }
    const topVars = doc.vars ?? [];
    if (hasInterpolation(topVars))
        fail(new TemplateError("interpolating is not allowed in vars"), ["vars"], "vars");
    try {
        loadVars(topVars, source.dir, ctx, source.display);
    }
    catch (err) {
        fail(err, ["vars"], "vars");
    }
    const stages = isMapping(doc.stages) ? doc.stages : {};
    const out = [];
    const resolveStage = (name, template, definition, base, yamlPath) => {
        let context = base;
        const { vars: stageVars, ...rest } = definition;
        let wdir = source.dir;
        if (typeof rest.wdir === "string") {
            try {
                wdir = join(source.dir, toText(resolveString(rest.wdir, base.values, "wdir")));
            }
            catch (err) {
                fail(err, [...yamlPath, "wdir"], `stages.${name}.wdir`);
            }
        }
        if (stageVars !== undefined) {
            if (hasInterpolation(stageVars))
                fail(new TemplateError("interpolating is not allowed in vars"), [...yamlPath, "vars"], `stages.${name}.vars`);
            context = cloneContext(base);
            try {
                loadVars(stageVars, wdir, context, source.display, name);
            }
            catch (err) {
                fail(err, [...yamlPath, "vars"], `stages.${name}.vars`);
            }
        }
        const resolved = {};
        for (const [field, value] of Object.entries(rest)) {
            try {
                resolved[field] = plain(resolveDeep(value, context.values, field));
            }
            catch (err) {
                fail(err, [...yamlPath, field], `stages.${name}.${field}`);
            }
        }
        out.push({ name, template, definition: resolved, yamlPath });
    };
    /** `item` (and `key`) for one generated stage, over whatever the context held under those names. */
    const withIteration = (set) => {
        const next = { values: { ...ctx.values, ...set }, sources: ctx.sources, imports: ctx.imports };
        return next;
    };
    for (const [name, raw] of Object.entries(stages)) {
        if (!isMapping(raw)) {
            out.push({
                name,
                template: name,
                definition: plain(raw),
                yamlPath: ["stages", name],
            });
            continue;
        }
        if (Object.hasOwn(raw, "foreach")) {
            let items = null;
            try {
                items = resolveDeep(raw.foreach, ctx.values, undefined);
            }
            catch (err) {
                fail(err, ["stages", name, "foreach"], `stages.${name}.foreach`);
            }
            if (!isComposite(items))
                fail(new TemplateError(`expected list/dictionary, got ${typeName(items)}`), ["stages", name, "foreach"], `stages.${name}.foreach`);
            const body = raw.do;
            if (!isMapping(body))
                fail(new TemplateError("expected `do` with the stage to repeat"), ["stages", name], `stages.${name}.do`);
            const keyed = new Map();
            if (Array.isArray(items)) {
                const byIndex = items.some(isComposite);
                const literal = literalItems(raw.foreach, items.length);
                items.forEach((item, i) => {
                    keyed.set(byIndex ? String(i) : keyText(item, literal[i] ?? false), { item });
                });
            }
            else {
                for (const [k, item] of Object.entries(items))
                    keyed.set(k, { item, key: k });
            }
            for (const [key, { item, key: mapKey }] of keyed) {
                const set = { item };
                if (mapKey !== undefined)
                    set.key = mapKey;
                resolveStage(`${name}@${key}`, name, body, withIteration(set), ["stages", name, "do"]);
            }
            continue;
        }
        if (Object.hasOwn(raw, "matrix")) {
            const { matrix, ...body } = raw;
            let dims = null;
            try {
                dims = resolveDeep(matrix, ctx.values, undefined);
            }
            catch (err) {
                fail(err, ["stages", name, "matrix"], `stages.${name}.matrix`);
            }
            if (!isMapping(dims))
                fail(new TemplateError(`expected a mapping of lists, got ${typeName(dims)}`), ["stages", name, "matrix"], `stages.${name}.matrix`);
            const entries = Object.entries(dims);
            for (const [dim, values] of entries) {
                if (!Array.isArray(values))
                    fail(new TemplateError(`expected a list for '${dim}', got ${typeName(values)}`), ["stages", name, "matrix", dim], `stages.${name}.matrix.${dim}`);
            }
            let combos = [{ item: {}, parts: [] }];
            const written = isMapping(matrix) ? matrix : {};
            for (const [dim, values] of entries) {
                const next = [];
                const literal = literalItems(written[dim] ?? null, values.length);
                for (const c of combos)
                    values.forEach((v, i) => {
                        next.push({
                            item: { ...c.item, [dim]: v },
                            parts: [...c.parts, isComposite(v) ? `${dim}${i}` : keyText(v, literal[i] ?? false)],
                        });
                    });
                combos = next;
            }
            const keyed = new Map();
            for (const c of combos)
                keyed.set(c.parts.join("-"), c.item);
            for (const [key, item] of keyed)
                resolveStage(`${name}@${key}`, name, body, withIteration({ item, key }), ["stages", name]);
            continue;
        }
        resolveStage(name, name, raw, ctx, ["stages", name]);
    }
    return out;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/load.js









/** Pipeline names under `pipelines/`, sorted: each directory holding a pipeline.yaml. */
function load_listPipelines(layout) {
    if (!existsSync(layout.pipelinesDir))
        return [];
    return readdirSync(layout.pipelinesDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(layout.pipelinesDir, e.name, "pipeline.yaml")))
        .map((e) => e.name)
        .sort();
}
/** Selects `a.b.c` from a params mapping; undefined when any part is missing. */
function selectParam(params, key) {
    let value = params;
    for (const part of key.split(".")) {
        if (value === null || typeof value !== "object" || Array.isArray(value))
            return undefined;
        if (!Object.hasOwn(value, part))
            return undefined;
        value = value[part];
    }
    return value;
}
class ParamsFiles {
    layout;
    loaded = new Map();
    constructor(layout) {
        this.layout = layout;
    }
    async read(abs) {
        const hit = this.loaded.get(abs);
        if (hit)
            return hit;
        const display = toRepoPath(this.layout, abs);
        let text;
        try {
            text = await readFile(abs, "utf8");
        }
        catch {
            throw new MlopsError("not-found", "params file not found", {
                file: display,
                hint: "create it, or remove the `params` entries that name it",
            });
        }
        const values = parseYaml(text, paramsFile, display);
        this.loaded.set(abs, values);
        return values;
    }
}
function describeKeys(values, key) {
    const parent = key.includes(".") ? key.slice(0, key.lastIndexOf(".")) : "";
    const scope = parent ? selectParam(values, parent) : values;
    if (scope && typeof scope === "object" && !Array.isArray(scope)) {
        const keys = Object.keys(scope);
        if (keys.length > 0)
            return keys.map((k) => (parent ? `${parent}.${k}` : k)).join(", ");
    }
    return "(none)";
}
/** Reads and resolves one pipeline: paths, params (every named key must exist) and commands. */
async function loadPipeline(layout, name) {
    const dir = join(layout.pipelinesDir, name);
    const fileAbs = join(dir, "pipeline.yaml");
    const file = toRepoPath(layout, fileAbs);
    let text;
    try {
        text = await readFile(fileAbs, "utf8");
    }
    catch {
        throw new MlopsError("not-found", `no pipeline named '${name}'`, {
            file,
            expected: `one of: ${load_listPipelines(layout).join(", ") || "(no pipelines)"}`,
        });
    }
    // The file as written (shape, with its templating), then each stage as expanded.
    const written = parseYaml(text, pipelineSchema, file);
    const expanded = expandStages({ file, text, dir, display: (abs) => toRepoPath(layout, abs) });
    const parsed = validateExpanded(written.pass_env, expanded, file, text);
    const yamlPaths = new Map(expanded.map((e) => [e.name, e.yamlPath]));
    const params = new ParamsFiles(layout);
    const stages = [];
    for (const [stageName, stage] of Object.entries(parsed.stages)) {
        const at = (...path) => lineInYaml(text, [...(yamlPaths.get(stageName) ?? ["stages", stageName]), ...path]);
        const wdir = resolve(dir, stage.wdir ?? ".");
        const resolvePath = (p) => {
            const abs = resolve(wdir, p);
            return { path: normalise(p), abs, repoPath: toRepoPath(layout, abs) };
        };
        const stageParams = [];
        for (const [i, entry] of (stage.params ?? []).entries()) {
            const groups = typeof entry === "string" ? [["params.yaml", [entry]]] : Object.entries(entry);
            for (const [paramsPath, keys] of groups) {
                const abs = resolve(wdir, paramsPath);
                const values = await params.read(abs);
                for (const key of keys) {
                    const value = selectParam(values, key);
                    if (value === undefined) {
                        throw new MlopsError("invalid-file", `stage '${stageName}' names unknown parameter '${key}'`, {
                            file,
                            line: at("params", i),
                            field: `stages.${stageName}.params[${i}]`,
                            expected: `a key of ${toRepoPath(layout, abs)}: ${describeKeys(values, key)}`,
                            got: key,
                        });
                    }
                    stageParams.push({ file: normalise(paramsPath), key, value });
                }
            }
        }
        // `${…}` was replaced by expandStages, from params.yaml and `vars` as DVC does.
        const cmds = typeof stage.cmd === "string" ? [stage.cmd] : stage.cmd;
        const outs = [];
        for (const kind of ["outs", "metrics", "plots"]) {
            for (const out of stage[kind] ?? []) {
                const options = typeof out === "string" ? {} : (Object.values(out)[0] ?? {});
                outs.push({
                    ...resolvePath(outPath(out)),
                    kind,
                    cache: options.cache ?? true,
                    persist: options.persist ?? false,
                });
            }
        }
        stages.push({
            pipeline: name,
            name: stageName,
            id: `${name}/${stageName}`,
            file,
            line: at(),
            wdir,
            wdirPath: toRepoPath(layout, wdir),
            cmds,
            deps: (stage.deps ?? []).map(resolvePath),
            params: stageParams,
            outs,
            env: stage.env ?? {},
            passEnv: [...new Set([...(parsed.pass_env ?? []), ...(stage.pass_env ?? [])])],
            seed: stage.seed,
        });
    }
    return {
        name,
        dir,
        file,
        lockFile: join(dir, "pipeline.lock"),
        stages,
        ...(written.sweep ? { sweep: written.sweep } : {}),
    };
}
/**
 * The expanded stages against the stage schema; an issue in a generated stage is reported on the
 * line of the template it came from.
 */
function validateExpanded(passEnv, expanded, file, text) {
    const candidate = {
        ...(passEnv === undefined ? {} : { pass_env: passEnv }),
        stages: Object.fromEntries(expanded.map((e) => [e.name, e.definition])),
    };
    const result = expandedPipeline.safeParse(candidate);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const path = (issue?.path ?? []);
    const stage = path[0] === "stages" && path.length > 1 ? expanded.find((e) => e.name === path[1]) : undefined;
    const yamlPath = stage ? [...stage.yamlPath, ...path.slice(2)] : path;
    const line = lineInYaml(text, yamlPath) ?? (stage ? lineInYaml(text, stage.yamlPath) : undefined);
    throw new MlopsError("invalid-file", issue?.message ?? "invalid pipeline", {
        file,
        ...(line === undefined ? {} : { line }),
        field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join(""),
    });
}
async function load_loadPipelines(layout, names) {
    const all = load_listPipelines(layout);
    const wanted = names && names.length > 0 ? names : all;
    const out = [];
    for (const name of wanted)
        out.push(await loadPipeline(layout, name));
    return out;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline-lock.js
var pipeline_lock = __webpack_require__(2687);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/lock.js






async function lock_readLock(layout, pipeline) {
    if (!existsSync(pipeline.lockFile))
        return { schema: "1", stages: {} };
    const text = await readFile(pipeline.lockFile, "utf8");
    return parseYaml(text, pipelineLock, toRepoPath(layout, pipeline.lockFile));
}
function sortedEntries(entries) {
    return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function sortedKeys(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/**
 * The lock text: stages in pipeline order, deps and params sorted, one scalar per line, so two
 * branches that touched different stages merge without conflicts.
 */
function serializeLock(pipeline, lock) {
    const stages = {};
    const names = [
        ...pipeline.stages.map((s) => s.name).filter((n) => lock.stages[n]),
        ...Object.keys(lock.stages)
            .filter((n) => !pipeline.stages.some((s) => s.name === n))
            .sort(),
    ];
    for (const name of names) {
        const entry = lock.stages[name];
        if (!entry)
            continue;
        stages[name] = {
            ...entry,
            deps: sortedEntries(entry.deps),
            params: sortedKeys(Object.fromEntries(Object.entries(entry.params).map(([f, v]) => [f, sortedKeys(v)]))),
        };
    }
    return stringifyYaml({ schema: "1", stages }, pipelineLock, pipeline.lockFile);
}
/** Writes the lock atomically; stages of the lock no longer in the pipeline are dropped. */
async function lock_writeLock(pipeline, lock) {
    const kept = {
        schema: "1",
        stages: Object.fromEntries(Object.entries(lock.stages).filter(([name]) => pipeline.stages.some((s) => s.name === name))),
    };
    await writeFileAtomic(pipeline.lockFile, serializeLock(pipeline, kept));
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/run-cache.js
var run_cache = __webpack_require__(9060);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/execute.js


/** Splits a byte stream into lines, holding back a partial last line until more arrives. */
function lineSplitter(onLine) {
    let pending = "";
    return {
        push(chunk) {
            pending += chunk.toString("utf8");
            const lines = pending.split("\n");
            pending = lines.pop() ?? "";
            for (const line of lines)
                onLine(line.replace(/\r$/, ""));
        },
        end() {
            if (pending)
                onLine(pending);
            pending = "";
        },
    };
}
/**
 * Runs one shell command, streaming its output line by line. Rejects with a `command-failed`
 * error that quotes the last lines the command wrote to stderr.
 */
function execute_runShell(cmd, options) {
    return new Promise((resolvePromise, reject) => {
        const child = spawn("/bin/sh", ["-c", cmd], {
            cwd: options.cwd,
            env: options.env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        const tail = [];
        const out = lineSplitter((line) => options.onOutput(line, "stdout"));
        const err = lineSplitter((line) => {
            tail.push(line);
            if (tail.length > 8)
                tail.shift();
            options.onOutput(line, "stderr");
        });
        child.stdout.on("data", (c) => out.push(c));
        child.stderr.on("data", (c) => err.push(c));
        child.on("error", (e) => reject(new MlopsError("command-failed", `${options.label}: could not start the command: ${e.message}`)));
        child.on("close", (code, signal) => {
            out.end();
            err.end();
            if (code === 0)
                return resolvePromise();
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            const last = tail.filter((l) => l.trim() !== "").slice(-4);
            reject(new MlopsError("command-failed", `${options.label}: \`${cmd}\` ${how}`, {
                got: last.length > 0 ? last.join("\n") : undefined,
                hint: "the previous outputs and pipeline.lock were left as they were",
            }));
        });
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/stage-env.js

/**
 * The environment a stage command starts with. It is built from an allow-list, not by removing
 * known secrets from everything the runner has: a CI job's environment holds credentials under
 * names nobody can enumerate (GITHUB_TOKEN, MLOPS_GIT_TOKEN, a GitHub App token arriving as
 * INPUT_TOKEN, ACTIONS_RUNTIME_TOKEN and ACTIONS_ID_TOKEN_REQUEST_*, registry passwords, cloud keys,
 * whatever a team adds to `env:`), and a deny-list misses the one it did not foresee. What passes
 * is what tools need to run (PATH, HOME, locale, temp dirs, CA bundles, package caches), the
 * non-secret facts about the run (GITHUB_SHA, GITHUB_EVENT_NAME, …), and the mlops settings that
 * are not credentials. Anything else a stage needs, its pipeline names in `pass_env`.
 */
/** Variables passed as they are, when set. */
const SAFE_NAMES = new Set([
    // Tools and the shell.
    "HOME",
    "USER",
    "LOGNAME",
    "SHELL",
    "LANG",
    "LANGUAGE",
    "TZ",
    "TERM",
    "TMPDIR",
    "TMP",
    "TEMP",
    "CI",
    "NO_COLOR",
    "FORCE_COLOR",
    // Trust roots (paths to certificates, not secrets): stages that download need them behind a
    // TLS-inspecting proxy.
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "NODE_EXTRA_CA_CERTS",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    "GIT_SSL_CAINFO",
    "PIP_CERT",
    // Package installers' settings a Python or npm stage reads (no credentials among them).
    "PIP_CACHE_DIR",
    "PIP_NO_CACHE_DIR",
    "PIP_FIND_LINKS",
    "PIP_DEFAULT_TIMEOUT",
    "PIP_DISABLE_PIP_VERSION_CHECK",
    "PIP_NO_INPUT",
    "PIP_PROGRESS_BAR",
    "npm_config_cache",
    "npm_config_offline",
    "npm_config_prefer_offline",
    // Determinism and CPU sharing.
    "PYTHONHASHSEED",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONUNBUFFERED",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    // The run, as GitHub describes it: public facts, no credentials, and none of the files through
    // which a step talks to the runner (GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE,
    // GITHUB_STEP_SUMMARY): a stage writing to GITHUB_ENV could set variables for a later step that
    // holds a token.
    "GITHUB_ACTIONS",
    "GITHUB_WORKSPACE",
    "GITHUB_REPOSITORY",
    "GITHUB_REPOSITORY_OWNER",
    "GITHUB_SERVER_URL",
    "GITHUB_SHA",
    "GITHUB_REF",
    "GITHUB_REF_NAME",
    "GITHUB_REF_TYPE",
    "GITHUB_HEAD_REF",
    "GITHUB_BASE_REF",
    "GITHUB_EVENT_NAME",
    "GITHUB_WORKFLOW",
    "GITHUB_JOB",
    "GITHUB_RUN_ID",
    "GITHUB_RUN_NUMBER",
    "GITHUB_RUN_ATTEMPT",
    "GITHUB_ACTOR",
    "RUNNER_OS",
    "RUNNER_ARCH",
    "RUNNER_TEMP",
    "RUNNER_DEBUG",
    // mlops settings that are not credentials. MLOPS_REMOTE_READ_ONLY (with GITHUB_EVENT_NAME) keeps
    // a pull-request run's `mlops` calls inside stages read-only, as the runner itself is.
    "MLOPS_REMOTE_READ_ONLY",
    "MLOPS_DEBUG",
    "MLOPS_THREADS",
    "MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES",
]);
/** Locale categories (LC_ALL, LC_CTYPE, …). */
const SAFE_PATTERN = /^LC_[A-Z]+$/;
/**
 * The environment of one stage's commands: the allow-listed variables of `parent`, the ones the
 * pipeline passes by name (`passEnv`), the stage's own literal `env`, then what the runner sets.
 */
function stage_env_stageEnvironment(parent, stage, runnerSet) {
    const out = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined)
            continue;
        if (SAFE_NAMES.has(name) || SAFE_PATTERN.test(name))
            out[name] = value;
    }
    for (const name of stage.passEnv) {
        if (reservedVariable(name))
            continue;
        const value = parent[name];
        if (value !== undefined)
            out[name] = value;
    }
    return { ...out, ...stage.env, ...runnerSet };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/runner.js



















/** The command as the lock records it: a string for one command, the list for several. */
function runner_lockedCommand(stage) {
    return stage.cmds.length === 1 ? stage.cmds[0] : stage.cmds;
}
function runner_paramsRecord(stage) {
    const out = {};
    for (const p of stage.params) {
        out[p.file] ??= {};
        out[p.file][p.key] = p.value;
    }
    return out;
}
/** `mlops train …` or `node …/bin/mlops.js train …`, global flags allowed in between. */
const trainerCommand = /(?:^|[\s;&|(/])mlops(?:\.js)?(?:\s+-\S+)*\s+train(?:\s|$)/;
/** True when one of the stage's commands runs this project's own trainer. */
function runsTrainer(stage) {
    return stage.cmds.some((cmd) => trainerCommand.test(cmd));
}
/**
 * Everything that decides what a stage produces: the run-cache key. A stage that runs the project's
 * own trainer also depends on the trainer's code, which is not one of its deps: the trainer's
 * version stands for it. Version 1 is the trainer as it was before keys carried a version, so it
 * adds nothing and the locks written then stay valid; every later version changes the key.
 */
function runner_runKeyOf(stage, deps, trainer = trainerVersion) {
    const material = {
        cmd: stage.cmds,
        wdir: stage.wdirPath,
        deps: deps.map((d, i) => ({ path: stage.deps[i]?.repoPath ?? d.path, sha256: d.sha256 })),
        params: runner_paramsRecord(stage),
        outs: stage.outs.map((o) => o.repoPath),
        env: stage.env,
        seed: stage.seed,
        ...(runsTrainer(stage) && trainer !== 1 ? { trainer } : {}),
    };
    return createHash("sha256").update(stableJson(material)).digest("hex");
}
function describeChange(stage, locked, deps, runKey) {
    if (!locked)
        return "never ran";
    const changedDeps = deps
        .filter((d) => {
        const before = locked.deps.find((l) => l.path === d.path);
        return !before || before.sha256 !== d.sha256;
    })
        .map((d) => d.path);
    if (changedDeps.length > 0)
        return `deps changed: ${changedDeps.join(", ")}`;
    const now = runner_paramsRecord(stage);
    const changedParams = [];
    for (const [file, values] of Object.entries(now)) {
        for (const [key, value] of Object.entries(values)) {
            if (stableJson(locked.params[file]?.[key]) !== stableJson(value))
                changedParams.push(key);
        }
    }
    if (changedParams.length > 0)
        return `params changed: ${changedParams.join(", ")}`;
    if (stableJson(locked.cmd) !== stableJson(runner_lockedCommand(stage)))
        return "command changed";
    if (locked.run_key !== runKey)
        return runsTrainer(stage)
            ? "the trainer's version or the stage definition changed"
            : "stage definition changed";
    return "outputs changed or missing";
}
function defaultCliEntry() {
    return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "mlops.js");
}
/** A `mlops` on PATH for stage commands, pointing at the CLI that is running them. */
function shimDir(layout, cliEntry) {
    const dir = join(layout.tmpDir, "bin");
    mkdirSync(dir, { recursive: true });
    const script = `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliEntry)} "$@"\n`;
    writeFileSync(join(dir, "mlops"), script, { mode: 0o755 });
    return dir;
}
/** Moves (or, for persistent outputs, copies) the current outputs aside so a failure can put them back. */
async function backUpOutputs(layout, stage) {
    const dir = join(layout.tmpDir, `stage-backup-${randomBytes(6).toString("hex")}`);
    const backups = [];
    for (const [i, out] of stage.outs.entries()) {
        if (!existsSync(out.abs)) {
            backups.push({ abs: out.abs, saved: undefined });
            continue;
        }
        await mkdir(dir, { recursive: true });
        const saved = join(dir, String(i));
        if (out.persist)
            await cp(out.abs, saved, { recursive: true });
        else
            await rename(out.abs, saved);
        backups.push({ abs: out.abs, saved });
    }
    for (const out of stage.outs)
        await mkdir(dirname(out.abs), { recursive: true });
    return backups;
}
async function restoreBackups(backups) {
    for (const b of backups) {
        await rm(b.abs, { recursive: true, force: true });
        if (b.saved)
            await rename(b.saved, b.abs);
    }
}
async function dropBackups(backups) {
    for (const b of backups)
        if (b.saved)
            await rm(dirname(b.saved), { recursive: true, force: true });
}
function findStage(graph, pipelines, spec) {
    const matches = spec.includes("/")
        ? graph.order.filter((s) => s.id === spec)
        : graph.order.filter((s) => s.name === spec && pipelines.some((p) => p.name === s.pipeline));
    if (matches.length === 1 && matches[0])
        return matches[0];
    const all = graph.order.map((s) => s.id).join(", ");
    if (matches.length > 1) {
        throw new MlopsError("usage", `stage name '${spec}' is ambiguous`, {
            expected: `one of: ${matches.map((s) => s.id).join(", ")}`,
        });
    }
    throw new MlopsError("usage", `no stage named '${spec}'`, { expected: `one of: ${all}`, got: spec });
}
/**
 * Reproduces pipelines the way `dvc repro` does: every selected stage whose inputs or outputs
 * differ from its lock entry is restored from the run cache when the same inputs ran before, else
 * run; independent stages run side by side. A failing stage puts its previous outputs back and
 * leaves its lock entry untouched.
 */
async function runner_runPipelines(layout, options = {}) {
    const logger = options.logger ?? silentLogger;
    const named = options.pipelines ?? [];
    const names = listPipelines(layout);
    for (const name of named) {
        if (!names.includes(name)) {
            throw new MlopsError("usage", `no pipeline named '${name}'`, {
                expected: `one of: ${names.join(", ") || "(no pipelines under pipelines/)"}`,
                got: name,
            });
        }
    }
    const all = await loadPipelines(layout);
    const selected = named.length > 0 ? all.filter((p) => named.includes(p.name)) : all;
    const graph = buildGraph(all);
    const targets = options.stages && options.stages.length > 0
        ? options.stages.map((s) => findStage(graph, selected, s))
        : graph.order.filter((s) => selected.some((p) => p.name === s.pipeline));
    const plan = withUpstream(graph, targets);
    // The stages a registered model depends on, which a trusted run computes itself.
    const producers = (options.recompute ?? [])
        .map((path) => graph.producerOf(path))
        .filter((s) => s !== undefined && plan.includes(s));
    const recomputed = new Set(withUpstream(graph, producers).map((s) => s.id));
    // Inputs nobody writes must exist before anything runs (tracked datasets may be pulled for that).
    const external = plan.flatMap((s) => s.deps.filter((d) => !graph.producerOf(d.repoPath)).map((d) => ({ stage: s, dep: d })));
    const absent = external.filter((e) => !existsSync(e.dep.abs));
    if (absent.length > 0 && options.materialise) {
        await options.materialise([...new Set(absent.map((e) => e.dep.repoPath))]);
    }
    const stillAbsent = absent.find((e) => !existsSync(e.dep.abs));
    if (stillAbsent) {
        const { stage, dep } = stillAbsent;
        throw new MlopsError("not-found", `stage '${stage.name}' depends on '${dep.path}', which does not exist`, {
            file: stage.file,
            line: stage.line,
            field: `stages.${stage.name}.deps[${stage.deps.indexOf(dep)}]`,
            expected: "a file or directory in the repository, a tracked dataset, or the output of another stage",
            got: dep.repoPath,
        });
    }
    await ensureStateIgnored(layout);
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    const pipelinesByName = new Map(all.map((p) => [p.name, p]));
    const locks = new Map();
    for (const name of new Set(plan.map((s) => s.pipeline))) {
        const p = pipelinesByName.get(name);
        if (p)
            locks.set(name, await readLock(layout, p));
    }
    const lockWrites = new Map();
    const saveLockEntry = (stage, entry) => {
        const pipeline = pipelinesByName.get(stage.pipeline);
        const lock = locks.get(stage.pipeline);
        if (!pipeline || !lock)
            return Promise.resolve();
        lock.stages[stage.name] = entry;
        const previous = lockWrites.get(stage.pipeline) ?? Promise.resolve();
        const next = previous.then(() => writeLock(pipeline, lock));
        lockWrites.set(stage.pipeline, next);
        return next;
    };
    const bin = shimDir(layout, options.cliEntry ?? defaultCliEntry());
    const parentEnv = options.env ?? process.env;
    const pathVar = [bin, join(layout.root, "node_modules", ".bin"), parentEnv.PATH ?? ""].join(":");
    const results = [];
    const dryChanged = new Set();
    // No timings in the lock: it is committed, and a rerun that changes nothing must leave it byte-identical.
    const lockEntryFor = (stage, deps, outs, runKey) => ({
        cmd: runner_lockedCommand(stage),
        deps,
        params: runner_paramsRecord(stage),
        outs,
        run_key: runKey,
    });
    const processStage = async (stage) => {
        const started = performance.now();
        const deps = [];
        for (const dep of stage.deps) {
            const digest = await digestPath(cache, index, dep.abs, dep.path, { store: false });
            if (!digest) {
                if (options.dry && graph.producerOf(dep.repoPath)) {
                    deps.push({ path: dep.path, sha256: "0".repeat(64), size: 0 });
                    continue;
                }
                throw new MlopsError("not-found", `stage '${stage.name}' depends on '${dep.path}', which does not exist`, {
                    file: stage.file,
                    line: stage.line,
                    field: `stages.${stage.name}.deps`,
                    hint: "the stage that should write it did not",
                });
            }
            deps.push(digest);
        }
        const runKey = runner_runKeyOf(stage, deps, options.trainerVersion ?? trainerVersion);
        const mustRun = recomputed.has(stage.id);
        const locked = locks.get(stage.pipeline)?.stages[stage.name];
        const upstreamChanged = (graph.upstream.get(stage.id) ?? []).some((u) => dryChanged.has(u.id));
        const result = (status, reason) => ({
            pipeline: stage.pipeline,
            stage: stage.name,
            status,
            reason,
            duration_ms: Math.round(performance.now() - started),
            run_key: runKey,
        });
        // The run key covers the command, deps, params and outputs: equal keys mean the same definition.
        const sameDefinition = locked !== undefined && locked.run_key === runKey;
        if (!options.force && !mustRun && sameDefinition && !upstreamChanged) {
            let outsMatch = true;
            for (const out of stage.outs) {
                const now = await digestPath(cache, index, out.abs, out.path, { store: false });
                const before = locked.outs.find((o) => o.path === out.path);
                if (!now || !before || now.sha256 !== before.sha256) {
                    outsMatch = false;
                    break;
                }
            }
            if (outsMatch)
                return result("skipped", "unchanged");
        }
        const reason = options.force
            ? "forced"
            : mustRun
                ? "a trusted run computes what it registers"
                : upstreamChanged
                    ? "an upstream stage would change"
                    : describeChange(stage, locked, deps, runKey);
        if (!options.force && !mustRun && !upstreamChanged) {
            const remembered = (await readRunCache(layout.cacheDir, runKey)) ??
                (options.remote ? await fetchRunCache(layout.cacheDir, options.remote, runKey) : undefined);
            if (remembered && stage.outs.every((o) => o.cache)) {
                const restorable = await ensureObjects(cache, remembered.outs, options.remote, logger);
                if (restorable) {
                    if (options.dry)
                        return result("would-restore", reason);
                    for (const out of stage.outs) {
                        const entry = remembered.outs.find((o) => o.path === out.path);
                        if (!entry)
                            continue;
                        assertWriteInside(layout.root, out.abs, out.repoPath);
                        if (isDirId(entry.sha256))
                            await cache.checkoutDirectory(entry.sha256, out.abs, index, silentLogger, layout.root);
                        else {
                            await rm(out.abs, { recursive: true, force: true });
                            await cache.checkoutFile(entry.sha256, out.abs, index, layout.root);
                        }
                    }
                    await ignoreOutputs(stage);
                    await saveLockEntry(stage, lockEntryFor(stage, deps, remembered.outs, runKey));
                    return result("restored", reason);
                }
            }
        }
        if (options.dry) {
            dryChanged.add(stage.id);
            return result("would-run", reason);
        }
        logger.info(`running ${stage.id} (${reason})`);
        const backups = await backUpOutputs(layout, stage);
        // No token, no INPUT_*, no ACTIONS_*: an allow-list of the parent's variables (stage-env.ts).
        const env = stageEnvironment(parentEnv, stage, {
            PATH: pathVar,
            MLOPS_REPO_ROOT: layout.root,
            MLOPS_PIPELINE: stage.pipeline,
            MLOPS_STAGE: stage.name,
            ...(stage.seed === undefined ? {} : { MLOPS_SEED: String(stage.seed) }),
        });
        const sink = (line, stream) => options.onOutput?.(stage, line, stream);
        let outs;
        try {
            for (const cmd of stage.cmds) {
                await runShell(cmd, {
                    cwd: stage.wdir,
                    env,
                    onOutput: sink,
                    label: `${stage.file}: stage '${stage.name}'`,
                });
            }
            outs = [];
            for (const out of stage.outs) {
                const digest = await digestPath(cache, index, out.abs, out.path, { store: out.cache });
                if (!digest) {
                    throw new MlopsError("command-failed", `stage '${stage.name}' did not write its output '${out.path}'`, {
                        file: stage.file,
                        line: stage.line,
                        field: `stages.${stage.name}.${out.kind}`,
                        hint: "the previous outputs and pipeline.lock were left as they were",
                    });
                }
                outs.push(digest);
            }
        }
        catch (err) {
            await restoreBackups(backups);
            throw err;
        }
        await dropBackups(backups);
        const duration = performance.now() - started;
        if (stage.outs.every((o) => o.cache)) {
            await writeRunCache(layout.cacheDir, {
                schema: "1",
                run_key: runKey,
                stage: stage.id,
                outs,
                duration_ms: Math.round(duration),
            });
        }
        if (mustRun)
            await reportDisagreements(stage, runKey, outs, locked, options.remote, logger);
        await ignoreOutputs(stage);
        await saveLockEntry(stage, lockEntryFor(stage, deps, outs, runKey));
        return result("ran", reason);
    };
    const jobs = Math.max(1, options.jobs ?? Math.min(2, availableParallelism()));
    const pending = [...plan];
    const done = new Set();
    const running = new Map();
    let failure;
    try {
        while ((pending.length > 0 || running.size > 0) && failure === undefined) {
            while (running.size < jobs && failure === undefined) {
                const readyIndex = pending.findIndex((s) => (graph.upstream.get(s.id) ?? []).every((u) => done.has(u.id) || !plan.includes(u)));
                if (readyIndex < 0)
                    break;
                const [stage] = pending.splice(readyIndex, 1);
                if (!stage)
                    break;
                const task = processStage(stage).then((r) => {
                    results.push(r);
                    done.add(stage.id);
                    options.onResult?.(r);
                }, (err) => {
                    failure ??= err;
                });
                running.set(stage.id, task.finally(() => running.delete(stage.id)));
            }
            if (running.size === 0)
                break;
            await Promise.race(running.values());
        }
        await Promise.all(running.values());
    }
    finally {
        await Promise.all(lockWrites.values()).catch(() => undefined);
        await index.save();
    }
    if (failure !== undefined)
        throw failure;
    return results;
}
function differences(expected, computed) {
    const out = [];
    for (const c of computed) {
        const e = expected.find((o) => o.path === c.path);
        if (e && e.sha256 !== c.sha256)
            out.push(`${c.path}: recorded ${e.sha256.slice(0, 12)}, computed ${c.sha256.slice(0, 12)}`);
    }
    return out;
}
/**
 * After a trusted run computed a stage, says where others claimed different bytes for the same
 * inputs: the committed lock (what the pull request reported) and the data remote's run-cache
 * record (which anyone able to push there may have forged). Neither was used; the record is
 * replaced when the run cache is pushed.
 */
async function reportDisagreements(stage, runKey, outs, locked, remote, logger) {
    if (locked && locked.run_key === runKey) {
        const diff = differences(locked.outs, outs);
        if (diff.length > 0)
            logger.warn(`${stage.id}: this trusted run computed other outputs than ${stage.file.replace(/pipeline\.yaml$/, "pipeline.lock")} records for the same inputs (${diff.join("; ")}); the computed ones are used`);
    }
    if (!remote)
        return;
    const bytes = await remote.readRecord(runCacheRelPath(runKey)).catch(() => undefined);
    if (!bytes)
        return;
    const record = parseRunCacheEntry(bytes.toString("utf8"), runKey);
    const diff = record ? differences(record.outs, outs) : ["the record is not a valid run-cache entry"];
    if (diff.length > 0)
        logger.warn(`${stage.id}: run-cache record ${runKey.slice(0, 12)} on ${remote.name} disagrees with this trusted run (${diff.join("; ")}); it was not used, and pushing the run cache replaces it`);
}
/** Cached outputs stay out of git, as tracked datasets do; metrics and plots are meant to be committed. */
async function ignoreOutputs(stage) {
    for (const out of stage.outs)
        if (out.kind === "outs" && out.cache)
            await ignoreInGit(out.abs);
}
/** True when every object the outputs need is in the cache, pulling what is missing from the remote. */
async function ensureObjects(cache, outs, remote, logger) {
    const missing = outs.filter((o) => !cache.has(o.sha256));
    if (missing.length > 0) {
        if (!remote)
            return false;
        const present = await remote.has(missing.map((o) => o.sha256));
        if (missing.some((o) => !present.has(o.sha256)))
            return false;
        await pull(cache, remote, missing.map((o) => ({ oid: o.sha256, referencedBy: o.path })), { logger });
    }
    for (const out of outs) {
        if (!isDirId(out.sha256))
            continue;
        const entries = await cache.readDirListing(out.sha256);
        if (entries.some((e) => !cache.has(e.sha256)))
            return remote !== undefined && missing.length > 0;
    }
    return true;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/commit.js









/**
 * Records stages as if they had just run, from what the workspace holds now (DVC's `dvc commit`):
 * their outputs go into the cache, a run-cache record and a lock entry are written. For outputs made
 * elsewhere, say by another tool, whose bytes were checked before this is called.
 */
async function commitStages(layout, pipelineName, stageNames) {
    const all = await loadPipelines(layout);
    const pipeline = all.find((p) => p.name === pipelineName);
    if (!pipeline)
        return [];
    const graph = buildGraph(all);
    await ensureStateIgnored(layout);
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    const lock = await readLock(layout, pipeline);
    const results = [];
    try {
        for (const stage of graph.order.filter((s) => s.pipeline === pipelineName && stageNames.includes(s.name))) {
            const deps = [];
            const outs = [];
            const missing = [];
            for (const dep of stage.deps) {
                const d = await digestPath(cache, index, dep.abs, dep.path, { store: false });
                if (d)
                    deps.push(d);
                else
                    missing.push(dep.path);
            }
            for (const out of stage.outs) {
                const d = await digestPath(cache, index, out.abs, out.path, { store: out.cache });
                if (d)
                    outs.push(d);
                else
                    missing.push(out.path);
            }
            const runKey = runKeyOf(stage, deps, trainerVersion);
            results.push({ stage: stage.name, run_key: runKey, missing });
            if (missing.length > 0)
                continue;
            for (const out of stage.outs)
                if (out.kind === "outs" && out.cache)
                    await ignoreInGit(out.abs);
            if (stage.outs.every((o) => o.cache))
                await writeRunCache(layout.cacheDir, { schema: "1", run_key: runKey, stage: stage.id, outs });
            lock.stages[stage.name] = {
                cmd: lockedCommand(stage),
                deps,
                params: paramsRecord(stage),
                outs,
                run_key: runKey,
            };
        }
        await writeLock(pipeline, lock);
    }
    finally {
        await index.save();
    }
    return results;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js + 8 modules
var tracking = __webpack_require__(6874);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/publish-outputs.js



/**
 * What a trusted run sends to the data remote: the datasets' objects, then every pipeline run with
 * its outputs, so a teammate, CI or a pull request restores outputs instead of rerunning stages.
 */
async function pushDatasetsAndRuns(layout, datasets, remote, options = {}) {
    const result = await pushDatasets(layout, datasets, remote, options);
    const runs = await pushRunCache(layout.cacheDir, new Cache(layout.cacheDir), remote, options);
    return { ...result, runs };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/reproduce.js



/**
 * The main job, for the CLI and the run-pipeline action alike: makes the tracked datasets present
 * (every one when the whole repository runs, else those the stages read), then reproduces the
 * pipelines, skipping stages whose lock matches and restoring those whose inputs ran before.
 */
async function reproduce(layout, options = {}) {
    const { remoteName, pull = true, trusted = false, remote, ...run } = options;
    const resolved = remote ? { remote } : await resolveRemote(layout, remoteName);
    const logger = options.logger;
    const materialise = async (repoPaths) => {
        if (!pull)
            return;
        const datasets = await datasetsCovering(layout, repoPaths);
        if (datasets.length === 0)
            return;
        logger?.info(`materialising ${datasets.map((d) => d.name).join(", ")}`);
        await pullDatasets(layout, datasets, resolved?.remote, logger ? { logger } : {});
    };
    const everything = (options.pipelines ?? []).length === 0 && !(options.stages ?? []).length;
    if (everything && pull && !options.dry) {
        const datasets = await selectDatasets(layout);
        if (datasets.length > 0) {
            logger?.info(`materialising ${datasets.length} datasets`);
            await pullDatasets(layout, datasets, resolved?.remote, logger ? { logger } : {});
        }
    }
    const recompute = trusted ? await registeredOutputs(layout) : [];
    if (recompute.length > 0)
        logger?.info(`trusted run: computing what ${recompute.join(", ")} depend on, without the run cache`);
    return runPipelines(layout, {
        ...run,
        ...(resolved ? { remote: resolved.remote } : {}),
        ...(recompute.length > 0 ? { recompute } : {}),
        materialise,
    });
}
/** The model files the registry registers: each card's pipeline output, as a repository path. */
async function registeredOutputs(layout) {
    const { loadModelCards } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3859));
    const cards = await loadModelCards(layout);
    return cards.map((card) => posix.join("pipelines", card.pipeline, card.output));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js












/***/ }),

/***/ 9060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports runCacheEntry, runCacheRelPath, runCachePath, parseRunCacheEntry, fetchRunCache, listRunCache, readRunCache, writeRunCache, pushRunCache */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2857);
/* harmony import */ var _files_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(558);
/* harmony import */ var _manifest_pipeline_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2687);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1520);








/**
 * One remembered run: the outputs a stage produced from inputs whose hash is `run_key`. Entries live
 * at `.mlops/cache/runs/ab/<run_key>.json`; gc keeps every object they name.
 */
const runCacheEntry = zod__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz("1"),
    run_key: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/),
    stage: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    outs: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(_manifest_pipeline_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .lockEntry */ .K),
    duration_ms: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nonnegative().optional(),
});
/** Where an entry lives, relative to a cache or remote root. */
function runCacheRelPath(runKey) {
    return `runs/${runKey.slice(0, 2)}/${runKey}.json`;
}
function runCachePath(cacheDir, runKey) {
    return join(cacheDir, runCacheRelPath(runKey));
}
/** An entry read as text, or undefined when it is damaged or filed under another key. */
function parseRunCacheEntry(text, runKey) {
    try {
        const parsed = runCacheEntry.safeParse(JSON.parse(text));
        return parsed.success && parsed.data.run_key === runKey ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
/** An entry from the remote, copied into the local run cache when it is sound. */
async function fetchRunCache(cacheDir, remote, runKey) {
    const bytes = await remote.readRecord(runCacheRelPath(runKey));
    const entry = bytes ? parseRunCacheEntry(bytes.toString("utf8"), runKey) : undefined;
    if (entry)
        await writeRunCache(cacheDir, entry);
    return entry;
}
/** Every local entry: what `data push` sends so teammates and CI can restore instead of rerun. */
async function listRunCache(cacheDir) {
    const base = join(cacheDir, "runs");
    if (!existsSync(base))
        return [];
    const out = [];
    for (const prefix of readdirSync(base).sort()) {
        for (const name of readdirSync(join(base, prefix)).sort()) {
            const key = name.replace(/\.json$/, "");
            if (!/^[0-9a-f]{64}$/.test(key))
                continue;
            const entry = await readRunCache(cacheDir, key);
            if (entry)
                out.push(entry);
        }
    }
    return out;
}
async function readRunCache(cacheDir, runKey) {
    const path = runCachePath(cacheDir, runKey);
    if (!existsSync(path))
        return undefined;
    // A damaged entry only costs a rerun, so it is ignored rather than fatal.
    return parseRunCacheEntry(await readFile(path, "utf8"), runKey);
}
async function writeRunCache(cacheDir, entry) {
    await writeFileAtomic(runCachePath(cacheDir, entry.run_key), `${JSON.stringify(entry, null, 1)}\n`);
}
/**
 * Sends every local run-cache entry whose outputs are all in the cache to the remote: the objects
 * first, the entry last, so a reader never finds an entry whose outputs are missing. A read-only
 * remote (a pull-request run) is skipped, not an error: such runs may read the run cache, never fill it.
 */
async function pushRunCache(cacheDir, cache, remote, options = {}) {
    let entries = 0;
    let transferred = 0;
    let bytes = 0;
    if (isReadOnlyRemote(remote))
        return { entries, transferred, bytes };
    for (const entry of await listRunCache(cacheDir)) {
        if (!entry.outs.every((o) => cache.has(o.sha256)))
            continue;
        // A record that already maps the key to the same outputs stays (a rerun differs only in its
        // timing); one that maps it elsewhere (stale or forged) is replaced by what this run computed.
        const existing = await remote.readRecord(runCacheRelPath(entry.run_key));
        const there = existing ? parseRunCacheEntry(existing.toString("utf8"), entry.run_key) : undefined;
        if (there && stableJson(there.outs) === stableJson(entry.outs))
            continue;
        const result = await push(cache, remote, entry.outs.map((o) => ({ oid: o.sha256, referencedBy: `run cache entry of ${entry.stage}` })), options);
        transferred += result.transferred;
        bytes += result.bytes;
        await remote.writeRecord(runCacheRelPath(entry.run_key), Buffer.from(`${JSON.stringify(entry, null, 1)}\n`));
        entries++;
    }
    await remote.flush?.();
    return { entries, transferred, bytes };
}


/***/ }),

/***/ 3859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qk: () => (/* reexport */ state_buildState),
  Qd: () => (/* reexport */ evaluateOnCurrentData),
  loadModelCard: () => (/* reexport */ model_files_loadModelCard),
  loadModelCards: () => (/* reexport */ loadModelCards),
  modelObjectPath: () => (/* reexport */ modelObjectPath),
  parseSelector: () => (/* reexport */ parseSelector),
  Uw: () => (/* reexport */ readMetrics),
  Gk: () => (/* reexport */ refs_readRegistryRefs),
  Bc: () => (/* reexport */ readSignature),
  Qo: () => (/* reexport */ readValidation),
  TY: () => (/* reexport */ model_files_readVersionManifests),
  showRegistry: () => (/* reexport */ showRegistry)
});

// UNUSED EXPORTS: buildVersionManifest, checkGates, compareSemver, declaredModels, diffVersions, fetchModelTags, listModels, modelState, parseRegistryTag, promoteModel, registerModel, registryHistory, requiredBump, resolveTagRemote, rollbackModel, stageTagName, verifyRegistry, versionManifest, versionTagName

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/direction.js
var direction = __webpack_require__(8600);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/gates.js




function fmt(x) {
    return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}
function describeGate(g) {
    if ("validation" in g)
        return "validation passed";
    if ("op" in g)
        return `${g.metric} ${g.op} ${g.value}`;
    return `${g.metric} no worse than the stage's model by more than ${g.max_regression}`;
}
/** Checks every gate of a stage plus signature compatibility with what the stage runs now. */
async function gates_checkGates(stage, ctx) {
    const results = [];
    const { candidate, current } = ctx;
    for (const g of ctx.card.gates[stage] ?? []) {
        const name = describeGate(g);
        if ("validation" in g) {
            const v = candidate.validation;
            results.push({
                gate: name,
                passed: v?.ok === true,
                detail: v
                    ? `validation ${v.summary ?? (v.ok ? "passed" : "failed")}`
                    : "no validation result was recorded",
            });
        }
        else if ("op" in g) {
            const value = candidate.metrics[g.metric];
            if (value === undefined) {
                results.push({
                    gate: name,
                    passed: false,
                    detail: `${candidate.version} has no metric '${g.metric}'`,
                });
                continue;
            }
            const passed = g.op === ">="
                ? value >= g.value
                : g.op === "<="
                    ? value <= g.value
                    : g.op === ">"
                        ? value > g.value
                        : value < g.value;
            results.push({
                gate: name,
                passed,
                detail: `${g.metric} ${fmt(value)} ${passed ? "" : "not "}${g.op} ${g.value}`.replace("  ", " "),
            });
        }
        else {
            const known = metricDirection(g.metric);
            const higher = g.higher_is_better ?? (known === undefined ? undefined : known === "higher");
            if (higher === undefined) {
                throw new MlopsError("invalid-file", `mlops does not know whether a higher '${g.metric}' is better`, {
                    file: `models/${ctx.card.name}/model.yaml`,
                    field: `gates.${stage}`,
                    hint: "add `higher_is_better: true` or `false` to the gate",
                });
            }
            if (!current) {
                results.push({
                    gate: name,
                    passed: true,
                    detail: `the stage holds no version yet; nothing to compare`,
                });
                continue;
            }
            const [cand, cur] = await Promise.all([
                evaluateOnCurrentData(ctx, candidate),
                evaluateOnCurrentData(ctx, current),
            ]);
            const a = cand[g.metric];
            const b = cur[g.metric];
            if (a === undefined || b === undefined) {
                results.push({ gate: name, passed: false, detail: `the evaluation gives no metric '${g.metric}'` });
                continue;
            }
            const worse = higher ? b - a : a - b;
            const passed = worse <= g.max_regression;
            results.push({
                gate: name,
                passed,
                detail: `${g.metric} ${fmt(a)} (${candidate.version}) vs ${fmt(b)} (${current.version}) on ${ctx.card.evaluation?.data}: ` +
                    (worse > 0 ? `${fmt(worse)} worse` : `${fmt(-worse)} better`) +
                    (passed ? `, within ${g.max_regression}` : `, more than the ${g.max_regression} allowed`),
            });
        }
    }
    if (current && !ctx.allowSignatureChange) {
        const changes = signatureChanges(current.signature, candidate.signature);
        results.push({
            gate: "signature compatible with the stage's model",
            passed: changes.length === 0,
            detail: changes.length
                ? `${candidate.version} vs ${current.version}: ${changes.join("; ")} (pass --allow-signature-change to accept)`
                : `same inputs and outputs as ${current.version}`,
        });
    }
    return results;
}
/** The version's model evaluated on the card's evaluation data (cached by artifact hash). */
async function evaluateOnCurrentData(ctx, version) {
    const cached = ctx.evaluations?.get(version.artifact.sha256);
    if (cached)
        return cached;
    const evaluation = ctx.card.evaluation;
    if (!evaluation)
        throw new errors/* MlopsError */.IC("internal", "a regression gate without evaluation data");
    const modelPath = await modelObjectPath(ctx.layout, version);
    const { readTable } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 333));
    const { evaluateModel } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 5479));
    const dataFile = (0,external_node_path_.join)(ctx.layout.pipelinesDir, ctx.card.pipeline, evaluation.data);
    const display = `pipelines/${ctx.card.pipeline}/${evaluation.data}`;
    const table = await readTable(dataFile, display).catch((err) => {
        throw new errors/* MlopsError */.IC("not-found", "the evaluation data is not in the workspace", {
            file: display,
            hint: `run \`mlops run ${ctx.card.pipeline}\` first`,
            cause: err,
        });
    });
    const result = await evaluateModel(modelPath, table, {
        modelLabel: `${version.model}@${version.version}`,
        ...(evaluation.target ? { target: evaluation.target } : {}),
    });
    const metrics = {};
    for (const [k, v] of Object.entries(result.metrics))
        if (typeof v === "number")
            metrics[k] = v;
    ctx.evaluations?.set(version.artifact.sha256, metrics);
    return metrics;
}
/** The version's model file in the local store, fetched from the data remote when missing. */
async function modelObjectPath(layout, version) {
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const name = `${version.model}@${version.version}`;
    return storedObject(layout, version.artifact.sha256, { what: `the model of ${name}`, referencedBy: name });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(7441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var src_git = __webpack_require__(1865);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/tag-names.js

/** A model or stage name as GTO accepts it: letters, digits, '-', '_', '/', not at either end. */
const namePattern = "[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?";
const semverPattern = "(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)" +
    "(?:-(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?" +
    "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?";
const tagPattern = new RegExp(`^(?<model>(?:[a-zA-Z0-9_./-]+=)?${namePattern})` +
    `(?:(?:#(?<stage>${namePattern})|@(?<version>v${semverPattern}))(?<cancel>!?)|@(?<deprecated>deprecated|created))` +
    "(?:#(?<counter>[0-9]+))?$");
const nameOnly = new RegExp(`^${namePattern}$`);
const fullName = new RegExp(`^(?:[a-zA-Z0-9_./-]+=)?${namePattern}$`);
const versionOnly = new RegExp(`^v${semverPattern}$`);
/**
 * The parsed name of a registry tag, or undefined for any other tag (release tags, `v1.2.3`, …).
 * Split by hand at the first '@' or '#' (neither can occur in a name) and each part checked with
 * a small pattern: thousands of tags parse in a few milliseconds. `tagPattern` is the whole grammar
 * in one expression and decides the rare shapes.
 */
function tag_names_parseRegistryTag(tag) {
    const at = tag.indexOf("@");
    const hash = tag.indexOf("#");
    const split = at < 0 ? hash : hash < 0 ? at : Math.min(at, hash);
    if (split <= 0)
        return undefined;
    const name = tag.slice(0, split);
    if (!fullName.test(name))
        return undefined;
    const model = name.includes("=") ? name.replace("=", ":") : name;
    let rest = tag.slice(split + 1);
    let counter;
    const counterAt = rest.lastIndexOf("#");
    if (counterAt >= 0) {
        const digits = rest.slice(counterAt + 1);
        if (!/^[0-9]+$/.test(digits))
            return undefined;
        counter = Number(digits);
        rest = rest.slice(0, counterAt);
    }
    const cancel = rest.endsWith("!");
    if (cancel)
        rest = rest.slice(0, -1);
    let parsed;
    if (tag[split] === "#") {
        if (!nameOnly.test(rest))
            return undefined;
        parsed = { tag, model, action: cancel ? "unassign" : "assign", stage: rest };
    }
    else if (!cancel && rest === "deprecated")
        parsed = { tag, model, action: "deprecate" };
    else if (!cancel && rest === "created")
        return undefined; // `@created` carries no state GTO or we act on
    else if (plainVersion.test(rest) || versionOnly.test(rest)) {
        parsed = { tag, model, action: cancel ? "deregister" : "register", version: rest };
    }
    else
        return undefined;
    if (counter !== undefined)
        parsed.counter = counter;
    return parsed;
}
/** The grammar as one expression, for tests that compare it with the fast parser. */
function matchesTagGrammar(tag) {
    return tagPattern.test(tag);
}
function isRegistryName(name) {
    return nameOnly.test(name);
}
function assertRegistryName(name, what) {
    if (!isRegistryName(name)) {
        throw new MlopsError("usage", `'${name}' is not a valid ${what} name for a registry tag`, {
            expected: "letters, digits, '-', '_' or '/', starting and ending with a letter or digit",
        });
    }
}
function tag_names_versionTagName(model, version) {
    return `${model}@${version}`;
}
function tag_names_stageTagName(model, stage, counter) {
    return `${model}#${stage}#${counter}`;
}
/** The ref globs that hold every tag of one model (one `git for-each-ref` answers them all). */
function modelRefPatterns(model) {
    return [`refs/tags/${model}@*`, `refs/tags/${model}#*`];
}
const semverOnly = new RegExp(`^v${semverPattern}$`);
const plainVersion = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const noPrerelease = [];
function tag_names_parseSemver(version) {
    // Nearly every version is plain vX.Y.Z: one match, no splitting (thousands are sorted per read).
    const plain = plainVersion.exec(version);
    if (plain) {
        return {
            major: Number(plain[1]),
            minor: Number(plain[2]),
            patch: Number(plain[3]),
            prerelease: noPrerelease,
        };
    }
    if (!semverOnly.test(version))
        return undefined;
    const [core = "", pre] = version.slice(1).split("+")[0]?.split(/-(.*)/s) ?? [];
    const [major, minor, patch] = core.split(".").map(Number);
    return {
        major: major,
        minor: minor,
        patch: patch,
        prerelease: pre ? pre.split(".") : [],
    };
}
/** Semantic-version precedence (semver.org §11): negative when a < b. Build metadata is ignored. */
function tag_names_compareSemver(a, b) {
    const x = tag_names_parseSemver(a);
    const y = tag_names_parseSemver(b);
    if (!x || !y)
        return a < b ? -1 : a > b ? 1 : 0;
    return compareParsed(x, y);
}
/** Sorts by semantic version, parsing each version once (thousands of versions sort in a blink). */
function sortBySemver(items, version) {
    const keyed = items.map((item) => ({ item, v: tag_names_parseSemver(version(item)) }));
    keyed.sort((a, b) => {
        if (a.v && b.v)
            return compareParsed(a.v, b.v);
        return a.v ? 1 : b.v ? -1 : 0;
    });
    return keyed.map((k) => k.item);
}
function compareParsed(x, y) {
    const core = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
    if (core)
        return core;
    if (!x.prerelease.length || !y.prerelease.length)
        return y.prerelease.length - x.prerelease.length;
    for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
        const p = x.prerelease[i];
        const q = y.prerelease[i];
        if (p === undefined)
            return -1;
        if (q === undefined)
            return 1;
        const pn = /^\d+$/.test(p);
        const qn = /^\d+$/.test(q);
        if (pn && qn) {
            const d = Number(p) - Number(q);
            if (d)
                return d;
        }
        else if (pn !== qn)
            return pn ? -1 : 1;
        else if (p !== q)
            return p < q ? -1 : 1;
    }
    return 0;
}
function tag_names_bumpVersion(version, level) {
    const v = tag_names_parseSemver(version);
    if (!v)
        throw new MlopsError("internal", `not a version: ${version}`);
    if (level === "major")
        return `v${v.major + 1}.0.0`;
    if (level === "minor")
        return `v${v.major}.${v.minor + 1}.0`;
    return `v${v.major}.${v.minor}.${v.patch + 1}`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/refs.js


/**
 * The registry's tags in two cheap passes: `git show-ref -d` gives names, tag objects and the
 * commits they point at (from packed-refs' peeled lines, without opening objects), and one
 * `git for-each-ref` reads tagger time and name for the tags that need ordering.
 */
async function refs_readRegistryRefs(cwd, options = {}) {
    const prefix = "refs/tags/";
    const model = options.model;
    const patterns = options.timesFor ?? (model !== undefined ? modelRefPatterns(model) : [prefix]);
    // Both passes at once: they are separate git processes and neither needs the other's answer.
    const [listing, times] = await Promise.all([
        (0,src_git/* git */.$Y)(["show-ref", "-d", "--tags"], { cwd, okCodes: [1] }),
        patterns.length
            ? (0,src_git/* git */.$Y)([
                "for-each-ref",
                "--format=%(refname:lstrip=2)%00%(taggerdate:raw)%00%(taggername) %(taggeremail)",
                ...patterns,
            ], { cwd })
            : Promise.resolve(""),
    ]);
    const byTag = new Map();
    for (const line of listing.split("\n")) {
        const space = line.indexOf(" ");
        if (space < 0)
            continue;
        const nameAt = space + 1 + prefix.length;
        if (model !== undefined) {
            // Other models' tags are skipped before anything is sliced out of the line.
            const after = line.charCodeAt(nameAt + model.length);
            if ((after !== 64 && after !== 35) || !line.startsWith(model, nameAt))
                continue; // '@' or '#'
        }
        const object = line.slice(0, space);
        let tag = line.slice(nameAt);
        if (tag.endsWith("^{}")) {
            tag = tag.slice(0, -3);
            const ref = byTag.get(tag);
            if (ref) {
                ref.commit = object;
                ref.annotated = true;
            }
            continue;
        }
        const parsed = tag_names_parseRegistryTag(tag);
        if (!parsed || (model !== undefined && parsed.model !== model))
            continue;
        // One literal with every field, not a spread: thousands of refs share one shape (a spread of
        // parsed names with differing optional fields made this loop ten times slower).
        byTag.set(tag, {
            tag: parsed.tag,
            model: parsed.model,
            action: parsed.action,
            version: parsed.version,
            stage: parsed.stage,
            counter: parsed.counter,
            object,
            commit: object,
            time: 0,
            tagger: "",
            annotated: false,
        });
    }
    for (const line of times.split("\n")) {
        const [tag = "", date = "", tagger = ""] = line.split("\0");
        const ref = byTag.get(tag);
        if (!ref)
            continue;
        ref.time = Number(date.slice(0, date.indexOf(" ")));
        ref.tagger = tagger.trim();
    }
    return [...byTag.values()];
}
/** The annotation text of each tag object (its message, without header or signature). */
async function refs_readAnnotations(cwd, objects) {
    const tags = await readTagObjects(cwd, objects);
    return new Map([...tags].map(([object, tag]) => [object, tag.message]));
}
/**
 * Tag objects read whole in one `git cat-file --batch`. The header lines end at the first empty
 * line; a trailing PGP signature is not part of the message.
 */
async function readTagObjects(cwd, objects) {
    const blobs = await (0,src_git/* readBlobs */.b4)(cwd, [...new Set(objects)]);
    const result = new Map();
    for (const [object, bytes] of blobs) {
        const text = bytes.toString("utf8");
        const end = text.indexOf("\n\n");
        const header = end < 0 ? text : text.slice(0, end);
        let message = end < 0 ? "" : text.slice(end + 2);
        const signature = message.indexOf("-----BEGIN PGP SIGNATURE-----");
        if (signature >= 0)
            message = message.slice(0, signature);
        const m = /^tagger (.*) (\d+) [+-]\d{4}$/m.exec(header);
        const target = /^object ([0-9a-f]+)$/m.exec(header)?.[1] ?? "";
        result.set(object, { target, tagger: m?.[1] ?? "", time: m ? Number(m[2]) : 0, message });
    }
    return result;
}
/** A tagger time (seconds) as ISO 8601 without milliseconds, the form annotations and output use. */
function refs_isoSeconds(seconds) {
    return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/model-files.js






function modelCardPath(layout, name) {
    return (0,external_node_path_.join)(layout.modelsDir, name, "model.yaml");
}
/** The models declared in the repository: folders under models/ holding a model.yaml, sorted. */
function model_files_declaredModels(layout) {
    if (!(0,external_node_fs_.existsSync)(layout.modelsDir))
        return [];
    return (0,external_node_fs_.readdirSync)(layout.modelsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(layout.modelsDir, e.name, "model.yaml")))
        .map((e) => e.name)
        .sort();
}
/** Every declared model's card, each read and checked once. */
async function loadModelCards(layout) {
    return Promise.all(model_files_declaredModels(layout).map((name) => model_files_loadModelCard(layout, name)));
}
async function model_files_loadModelCard(layout, name) {
    const file = modelCardPath(layout, name);
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new errors/* MlopsError */.IC("not-found", `no model named '${name}'`, {
            file: `models/${name}/model.yaml`,
            hint: "a model is declared by models/<name>/model.yaml (see `mlops registry ls`)",
        });
    }
    const { modelCard } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6167));
    const card = await (0,yaml_file/* readYamlFile */.kv)(file, modelCard, `models/${name}/model.yaml`);
    if (card.name !== name) {
        throw new errors/* MlopsError */.IC("invalid-file", `expected name '${name}' (the folder's name), got '${card.name}'`, {
            file: `models/${name}/model.yaml`,
            field: "name",
        });
    }
    return card;
}
/** Parses a version tag's annotation; a tag that is not ours (written by hand or by GTO) says so. */
async function model_files_parseVersionAnnotation(ref, text) {
    const { modelVersion } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7833));
    return (0,yaml_file.parseYaml)(text, modelVersion, `tag ${ref.tag}`);
}
async function model_files_parseStageAnnotation(ref, text) {
    const { stageAssignment } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9353));
    return parseYaml(text, stageAssignment, `tag ${ref.tag}`);
}
/**
 * For display only: the annotation as YAML with the fields `show` prints checked by hand, so
 * reading one version does not load every schema. Anything that acts on a manifest (promote,
 * gates, diff, verify) parses it through the schema.
 */
function parseVersionForDisplay(ref, text) {
    let value;
    try {
        value = (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `the annotation is not YAML: ${err.message}`, {
            file: `tag ${ref.tag}`,
        });
    }
    const v = value;
    const shaped = v !== null &&
        typeof v === "object" &&
        typeof v.version === "string" &&
        typeof v.commit === "string" &&
        typeof v.artifact?.sha256 === "string" &&
        typeof v.metrics === "object" &&
        Array.isArray(v.signature?.inputs) &&
        Array.isArray(v.data);
    if (!shaped) {
        throw new errors/* MlopsError */.IC("invalid-file", "the annotation is not an mlops version manifest", {
            file: `tag ${ref.tag}`,
            hint: "`mlops registry verify` names what is wrong with it",
        });
    }
    return v;
}
/** The manifests of several version tags, in one git process. */
async function model_files_readVersionManifests(cwd, refs, options = {}) {
    const texts = await refs_readAnnotations(cwd, refs.map((r) => r.object));
    const result = new Map();
    for (const ref of refs) {
        const text = texts.get(ref.object);
        if (text === undefined)
            throw new errors/* MlopsError */.IC("not-found", `tag object of ${ref.tag} is missing`);
        result.set(ref.tag, options.forDisplay ? parseVersionForDisplay(ref, text) : await model_files_parseVersionAnnotation(ref, text));
    }
    return result;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/publish.js


/**
 * Creates an annotated tag whose tagger time is `time` (seconds): GTO orders events by that time,
 * so callers keep it strictly increasing along a stage's assignments.
 */
async function publish_createAnnotatedTag(cwd, options) {
    const env = { GIT_COMMITTER_DATE: `${options.time} +0000` };
    const tagger = options.tagger ?? (await defaultTagger(cwd));
    if (tagger) {
        env.GIT_COMMITTER_NAME = tagger.name;
        env.GIT_COMMITTER_EMAIL = tagger.email;
    }
    const result = await gitCapture(["tag", "-a", "--cleanup=verbatim", "-F", "-", options.tag, options.commit], { cwd, input: options.message, env });
    if (result.code !== 0) {
        if (result.stderr.includes("already exists")) {
            throw new MlopsError("conflict", `tag '${options.tag}' already exists in this repository`);
        }
        throw new MlopsError("command-failed", `git tag failed: ${result.stderr.trim()}`);
    }
    return (await git(["rev-parse", `refs/tags/${options.tag}`], { cwd })).trim();
}
/** The configured identity, else a fixed one: a CI checkout often has no user.name. */
async function defaultTagger(cwd) {
    const ident = await gitRaw(["var", "GIT_COMMITTER_IDENT"], { cwd, okCodes: [128] });
    if (ident.code === 0)
        return undefined;
    return { name: "mlops", email: "mlops@localhost" };
}
async function publish_deleteLocalTag(cwd, tag) {
    await gitRaw(["tag", "-d", tag], { cwd, okCodes: [1] });
}
/**
 * Pushes one tag. Creating a ref on a remote is atomic, so when two writers race for the same tag
 * exactly one wins; the loser gets "exists" and retries with fresh state.
 */
async function publish_pushTag(cwd, target, tag) {
    const ref = `refs/tags/${tag}`;
    const env = remoteEnv(target);
    const result = await gitCapture(["push", "--porcelain", target.remote, `${ref}:${ref}`], {
        cwd,
        env,
    });
    if (result.code === 0)
        return "pushed";
    const rejected = result.stdout
        .split("\n")
        .some((line) => line.startsWith("!") && line.includes(ref) && /already exists|rejected|fetch first/.test(line));
    if (rejected)
        return "exists";
    throw new MlopsError("remote", `could not push ${tag} to ${target.remote}: ${gitStderrTail(result.stderr)}`, {
        hint: target.token
            ? undefined
            : "for an HTTPS remote, pass a token (GITHUB_TOKEN) or configure credentials",
    });
}
/** Brings the remote's tags of one model into the local repository, replacing any that differ. */
async function publish_fetchModelTags(cwd, target, model) {
    const env = remoteEnv(target);
    const specs = [`+refs/tags/${model}@*:refs/tags/${model}@*`, `+refs/tags/${model}#*:refs/tags/${model}#*`];
    const result = await gitCapture(["fetch", "--quiet", "--no-tags", target.remote, ...specs], {
        cwd,
        env,
    });
    if (result.code !== 0) {
        throw new MlopsError("remote", `could not fetch tags from ${target.remote}: ${gitStderrTail(result.stderr)}`);
    }
}
/** Tag name → tag object id on the remote, for the registry tags of one model. */
async function publish_remoteModelTags(cwd, target, model) {
    const env = remoteEnv(target);
    const result = await gitCapture(["ls-remote", "--tags", target.remote, `refs/tags/${model}@*`, `refs/tags/${model}#*`], { cwd, env });
    if (result.code !== 0) {
        throw new MlopsError("remote", `could not list tags on ${target.remote}: ${gitStderrTail(result.stderr)}`);
    }
    const tags = new Map();
    for (const line of result.stdout.split("\n")) {
        const [object, ref] = line.split("\t");
        if (!object || !ref || ref.endsWith("^{}"))
            continue;
        tags.set(ref.replace(/^refs\/tags\//, ""), object);
    }
    return tags;
}
/** The remote to push to: the one named, else `origin` when the repository has it, else none. */
async function resolveTagRemote(cwd, requested, token) {
    if (requested === false)
        return undefined;
    if (requested)
        return { remote: requested, ...(token ? { token } : {}) };
    const remotes = (await git(["remote"], { cwd })).split("\n").filter(Boolean);
    return remotes.includes("origin") ? { remote: "origin", ...(token ? { token } : {}) } : undefined;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/state.js

/** Whether `a` happened before `b`: tagger time, then registrations first, then the counter. */
function eventOrder(a, b) {
    const rank = (r) => (r.action === "register" ? 0 : r.action === "deregister" ? 2 : 1);
    return (a.time - b.time || rank(a) - rank(b) || (a.counter ?? 0) - (b.counter ?? 0) || (a.tag < b.tag ? -1 : 1));
}
function sortEvents(refs) {
    return refs.filter((r) => r.annotated).sort(eventOrder);
}
/**
 * Folds the tags, in the order they happened, into the registry's state. `until` cuts history after
 * the given event (inclusive), which is how the state as of any moment is asked.
 */
function state_buildState(refs, until) {
    const ordered = sortEvents(refs);
    const models = new Map();
    const model = (name) => {
        let m = models.get(name);
        if (!m) {
            m = { name, refs: [], versions: [], stages: new Map(), current: new Map(), deprecated: false };
            models.set(name, m);
        }
        return m;
    };
    // GTO names a stage tag's version by the version registered at the same commit; so do we, using
    // every registration (an assignment never precedes its version in our history, but GTO's may).
    const versionAt = new Map();
    for (const r of ordered)
        if (r.action === "register")
            versionAt.set(`${r.model}\0${r.commit}`, r.version);
    for (const ref of ordered) {
        if (until && !until(ref))
            break;
        const m = model(ref.model);
        m.refs.push(ref);
        switch (ref.action) {
            case "register":
                m.versions.push({ model: ref.model, version: ref.version, ref, deregistered: false });
                break;
            case "deregister": {
                const v = m.versions.find((x) => x.version === ref.version);
                if (v)
                    v.deregistered = true;
                for (const [stage, held] of m.current)
                    if (held === ref.version)
                        m.current.delete(stage);
                break;
            }
            case "assign":
            case "unassign": {
                const stage = ref.stage;
                const version = versionAt.get(`${ref.model}\0${ref.commit}`) ?? ref.commit;
                const previous = m.current.get(stage) ?? null;
                const events = m.stages.get(stage) ?? [];
                events.push({
                    model: ref.model,
                    stage,
                    action: ref.action,
                    version,
                    previous,
                    counter: ref.counter,
                    ref,
                });
                m.stages.set(stage, events);
                if (ref.action === "assign")
                    m.current.set(stage, version);
                else if (previous === version)
                    m.current.delete(stage);
                break;
            }
            case "deprecate":
                m.deprecated = true;
                break;
        }
    }
    for (const m of models.values())
        m.versions = sortBySemver(m.versions, (v) => v.version);
    return { models };
}
/** The stages a version holds now. */
function stagesHeldBy(model, version) {
    return [...model.current]
        .filter(([, v]) => v === version)
        .map(([stage]) => stage)
        .sort();
}
/** The highest counter used by any tag of a stage: the next assignment takes the one after it. */
function state_lastStageCounter(model, stage) {
    let last = 0;
    for (const e of model?.stages.get(stage) ?? [])
        last = Math.max(last, e.counter ?? 0);
    return last;
}
/** The newest tagger time among the model's tags (0 when it has none). */
function state_latestTagTime(model) {
    let t = 0;
    for (const r of model?.refs ?? [])
        t = Math.max(t, r.time);
    return t;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/model-state.js





/** A model's registry state, fetched from the tag remote first when there is one; undefined without tags. */
async function model_state_modelState(layout, model, tagRemote) {
    if (tagRemote)
        await fetchModelTags(layout.root, tagRemote, model);
    const refs = await readRegistryRefs(layout.root, { model });
    return buildState(refs).models.get(model);
}
/** The manifest of a registered, not deregistered, version of the model. */
async function model_state_versionManifest(layout, state, version) {
    const record = state.versions.find((v) => v.version === version);
    if (!record) {
        const known = state.versions.map((v) => v.version).slice(-5);
        throw new MlopsError("not-found", `${state.name}@${version} is not registered`, {
            hint: known.length ? `latest versions: ${known.join(", ")}` : undefined,
        });
    }
    if (record.deregistered)
        throw new MlopsError("conflict", `${state.name}@${version} was deregistered`);
    return (await readVersionManifests(layout.root, [record.ref])).get(record.ref.tag);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/promote.js









async function freshState(layout, name, remote) {
    const state = await modelState(layout, name, remote);
    if (!state?.versions.length) {
        throw new MlopsError("not-found", `model '${name}' has no registered versions`, {
            hint: `register one with \`mlops register ${name}\``,
        });
    }
    return state;
}
/**
 * Assigns a registered version to a stage: checks stage order and gates, then creates
 * `<name>#<stage>#<N>` and pushes it. When another promotion took `N` first, fetches, re-checks
 * the gates against the new state and tries `N + 1`. Refuses with every failed gate's numbers.
 */
async function promoteModel(layout, name, version, stage, options = {}) {
    const card = await loadModelCard(layout, name);
    const order = card.stages;
    const index = order.indexOf(stage);
    if (index < 0) {
        throw new MlopsError("usage", `'${stage}' is not a stage of ${name}`, {
            expected: `one of: ${order.join(", ")}`,
            file: `models/${name}/model.yaml`,
            field: "stages",
        });
    }
    const evaluations = options.evaluations ?? new Map();
    return assignWithRetry(layout, name, stage, options, async (state) => {
        const candidate = await versionManifest(layout, state, version);
        const before = order[index - 1];
        if (before &&
            !(state.stages.get(before) ?? []).some((e) => e.action === "assign" && e.version === version)) {
            throw new MlopsError("conflict", `${name}@${version} has never been in ${before}; stages go ${order.join(" → ")}`, {
                hint: `promote it to ${before} first: mlops promote ${name} ${version} --to ${before}`,
            });
        }
        const held = state.current.get(stage);
        const current = held && held !== version ? await versionManifest(layout, state, held) : undefined;
        const gates = await checkGates(stage, {
            layout,
            card,
            candidate,
            current,
            evaluations,
            ...(options.allowSignatureChange ? { allowSignatureChange: true } : {}),
        });
        const failed = gates.filter((g) => !g.passed);
        if (failed.length) {
            throw new MlopsError("refused", `${name}@${version} may not enter ${stage}: ${failed.map((g) => `${g.gate} (${g.detail})`).join("; ")}`);
        }
        return { version, gates, versionRef: state.versions.find((v) => v.version === version)?.ref };
    });
}
/** Assigns the stage's previous version again, as a new tag; history is never rewritten. */
async function rollbackModel(layout, name, stage, options = {}) {
    await loadModelCard(layout, name);
    return assignWithRetry(layout, name, stage, { ...options, reason: options.reason ?? "rollback" }, async (state) => {
        const events = state.stages.get(stage) ?? [];
        const held = state.current.get(stage);
        if (!held)
            throw new MlopsError("conflict", `${name} holds nothing in ${stage}; there is nothing to roll back`);
        const last = [...events].reverse().find((e) => e.action === "assign" && e.version === held);
        const target = last?.previous;
        if (!target) {
            throw new MlopsError("conflict", `${stage} has held only ${held}; there is no earlier version to go back to`);
        }
        await versionManifest(layout, state, target); // refuses a deregistered version
        // The stage goes back to the bytes it ran: the image its last assignment of that version recorded.
        const earlier = [...events].reverse().find((e) => e.action === "assign" && e.version === target);
        const text = earlier
            ? (await readAnnotations(layout.root, [earlier.ref.object])).get(earlier.ref.object)
            : undefined;
        const earlierAssignment = earlier && text !== undefined ? await parseStageAnnotation(earlier.ref, text) : undefined;
        const imageDigest = options.imageDigest ?? earlierAssignment?.image_digest;
        // Tags from before repositories were recorded fall back to the one the caller knows (config).
        const imageRepository = options.imageDigest
            ? options.imageRepository
            : (earlierAssignment?.image_repository ?? options.imageRepository);
        if (options.requireImageDigest && !imageDigest) {
            throw new MlopsError("refused", `${name} ${stage} would go back to ${target}, whose assignment${earlier ? ` (${earlier.ref.tag})` : ""} records no image digest, so its manifests could not pin an image; nothing was rolled back`, {
                hint: `assign it with an image: mlops promote ${name} ${target} --to ${stage} --image-digest sha256:…`,
            });
        }
        if (options.requireImageDigest && !imageRepository) {
            throw new MlopsError("refused", `${name} ${stage} would go back to ${target}, whose assignment${earlier ? ` (${earlier.ref.tag})` : ""} records no image repository and none is configured, so its manifests could not name the image; nothing was rolled back`, {
                file: ".mlops/config.yaml",
                field: "images.repository",
                expected: "host/path like ghcr.io/owner/repo",
            });
        }
        return {
            version: target,
            gates: [],
            versionRef: state.versions.find((v) => v.version === target)?.ref,
            ...(imageDigest ? { imageDigest } : {}),
            ...(imageDigest && imageRepository ? { imageRepository } : {}),
        };
    });
}
async function assignWithRetry(layout, name, stage, options, decide) {
    const maxAttempts = 50;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const state = await freshState(layout, name, options.tagRemote);
        const decided = await decide(state);
        const { version, gates, versionRef } = decided;
        const imageDigest = options.imageDigest ?? decided.imageDigest;
        const imageRepository = options.imageDigest ? options.imageRepository : decided.imageRepository;
        if (!versionRef)
            throw new MlopsError("internal", `no tag for ${name}@${version}`);
        const previous = state.current.get(stage) ?? null;
        const events = state.stages.get(stage) ?? [];
        const last = events.at(-1);
        if (previous === version) {
            return {
                model: name,
                stage,
                version,
                previous,
                tag: last?.ref.tag ?? "",
                counter: last?.counter ?? 0,
                created: false,
                pushed: false,
                attempts: attempt,
                gates,
            };
        }
        const counter = lastStageCounter(state, stage) + 1;
        const tag = stageTagName(name, stage, counter);
        // GTO orders events by tagger time in whole seconds; keeping it strictly increasing across the
        // model's tags makes GTO's order and ours the same.
        const time = Math.max(options.now ?? Math.floor(Date.now() / 1000), latestTagTime(state) + 1);
        const annotation = {
            model: name,
            stage,
            version,
            previous,
            actor: options.actor ?? "mlops",
            time: isoSeconds(time),
            ...(options.run ? { run: options.run } : {}),
            version_tag: { tag: versionRef.tag, object: versionRef.object },
            ...(last ? { previous_tag: { tag: last.ref.tag, object: last.ref.object } } : {}),
            ...(options.reason ? { reason: options.reason } : {}),
            ...(options.environment ? { environment: options.environment } : {}),
            ...(imageDigest ? { image_digest: imageDigest } : {}),
            ...(imageDigest && imageRepository ? { image_repository: imageRepository } : {}),
        };
        const { stageAssignment } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9353));
        const message = stringifyYaml(annotation, stageAssignment, `tag ${tag}`);
        await createAnnotatedTag(layout.root, {
            tag,
            commit: versionRef.commit,
            message,
            time,
            tagger: options.tagger,
        });
        if (!options.tagRemote) {
            return {
                model: name,
                stage,
                version,
                previous,
                tag,
                counter,
                created: true,
                pushed: false,
                attempts: attempt,
                gates,
            };
        }
        if ((await pushTag(layout.root, options.tagRemote, tag)) === "pushed") {
            return {
                model: name,
                stage,
                version,
                previous,
                tag,
                counter,
                created: true,
                pushed: true,
                attempts: attempt,
                gates,
            };
        }
        options.logger?.info(`${tag} was taken by another promotion; fetching and retrying`);
        await deleteLocalTag(layout.root, tag);
    }
    throw new MlopsError("conflict", `could not assign ${stage} of ${name}: ${maxAttempts} attempts lost the race`);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/stage-lookup.js



/**
 * What every stage of a model holds, and the tags behind the asked stage, without listing peeled
 * commits or opening more than one tag per stage: names and tag objects come from one
 * `git for-each-ref` (no object is read), each stage's last assignment by counter is opened, and
 * the version it names (mlops writes it in the annotation) is confirmed by its tag pointing at the
 * same commit. Returns undefined whenever that shortcut does not apply (a deregistration, a
 * counter-less or unassigning last tag, an annotation not written by mlops), and the caller falls
 * back to folding every tag.
 */
async function lookupStage(cwd, model, stage) {
    const out = await (0,src_git/* git */.$Y)([
        "for-each-ref",
        "--format=%(refname:lstrip=2) %(objectname) %(objecttype)",
        `refs/tags/${model}@*`,
        `refs/tags/${model}#*`,
    ], { cwd });
    const versions = new Map();
    const last = new Map();
    for (const line of out.split("\n")) {
        if (!line)
            continue;
        const [tag = "", object = "", type] = line.split(" ");
        const parsed = tag_names_parseRegistryTag(tag);
        if (!parsed || parsed.model !== model)
            continue;
        if (type !== "tag" || parsed.action === "deregister" || parsed.action === "deprecate")
            return undefined;
        if (parsed.action === "register")
            versions.set(parsed.version, object);
        else {
            if (parsed.counter === undefined)
                return undefined;
            const s = parsed.stage;
            const seen = last.get(s);
            if (!seen || parsed.counter > seen.counter) {
                last.set(s, { counter: parsed.counter, tag, object, assign: parsed.action === "assign" });
            }
        }
    }
    const mine = last.get(stage);
    if (!mine)
        return undefined;
    if ([...last.values()].some((e) => !e.assign))
        return undefined;
    const stageTags = await readTagObjects(cwd, [...last.values()].map((e) => e.object));
    const current = new Map();
    const named = new Map();
    for (const [s, e] of last) {
        const header = stageTags.get(e.object);
        const version = header ? /^version: (v\S+)$/m.exec(header.message)?.[1] : undefined;
        if (!header || !version || !versions.has(version))
            return undefined;
        current.set(s, version);
        named.set(s, { version, commit: header.target });
    }
    const held = named.get(stage);
    const versionObject = versions.get(held.version);
    const versionTags = await readTagObjects(cwd, [
        ...new Set([...named.values()].map((n) => versions.get(n.version))),
    ]);
    // GTO names a stage's version by the commit its tag points at: the annotation must agree.
    for (const n of named.values()) {
        if (versionTags.get(versions.get(n.version))?.target !== n.commit)
            return undefined;
    }
    return {
        current,
        assignment: { tag: mine.tag, object: mine.object, header: stageTags.get(mine.object) },
        versionTag: {
            tag: `${model}@${held.version}`,
            object: versionObject,
            header: versionTags.get(versionObject),
        },
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/query.js









function parseSelector(text) {
    const at = text.indexOf("@");
    if (at > 0)
        return { name: text.slice(0, at), version: text.slice(at + 1) };
    const hash = text.indexOf("#");
    if (hash > 0)
        return { name: text.slice(0, hash), stage: text.slice(hash + 1) };
    return { name: text };
}
/**
 * A cut-off in history: a registry tag (the state right after it), an ISO time, or any git
 * revision (the state when that commit was made).
 */
async function resolveAsOf(layout, refs, at) {
    if (!at)
        return undefined;
    const tagged = refs.find((r) => r.tag === at);
    if (tagged) {
        const ordered = sortEvents(refs);
        const index = ordered.indexOf(tagged);
        const allowed = new Set(ordered.slice(0, index + 1));
        return (r) => allowed.has(r);
    }
    let time;
    if (/^\d{4}-\d{2}-\d{2}/.test(at) && !Number.isNaN(Date.parse(at)))
        time = Math.floor(Date.parse(at) / 1000);
    else {
        const result = await (0,src_git/* gitRaw */.Pm)(["log", "-1", "--format=%ct", at, "--"], {
            cwd: layout.root,
            okCodes: [128],
        });
        if (result.code !== 0) {
            throw new errors/* MlopsError */.IC("usage", `'${at}' is neither a registry tag, a date nor a git revision`, {
                expected: "a tag like name#prod#3, a time like 2026-11-01T12:00:00Z, or a revision like main~3",
            });
        }
        time = Number(result.stdout.toString("utf8").trim());
    }
    return (r) => r.time <= time;
}
async function loadState(layout, name, at, focused = false) {
    if (name && focused && !at) {
        // What a stage or a version holds needs no tag opened: a stage's assignments are ordered by
        // their counter (which mlops and GTO both keep increasing per model), and the versions' commits
        // come from the ref store. Only tags without a counter, or deregistrations, need their times.
        const refs = await refs_readRegistryRefs(layout.root, { model: name, timesFor: [] });
        if (refs.some((r) => r.action === "deregister" ||
            ((r.action === "assign" || r.action === "unassign") && r.counter === undefined))) {
            const timed = await refs_readRegistryRefs(layout.root, {
                model: name,
                timesFor: [`refs/tags/${name}#*`, `refs/tags/${name}@*!*`],
            });
            return { refs: timed, state: state_buildState(timed) };
        }
        return { refs, state: state_buildState(refs) };
    }
    const refs = await refs_readRegistryRefs(layout.root, name ? { model: name } : {});
    const until = await resolveAsOf(layout, refs, at);
    return { refs, state: state_buildState(refs, until) };
}
function requireModel(state, name) {
    const m = state.models.get(name);
    if (!m) {
        throw new errors/* MlopsError */.IC("not-found", `the registry has no model '${name}'`, {
            hint: "see `mlops registry ls`; tags may need fetching (`git fetch --tags`)",
        });
    }
    return m;
}
async function listModels(layout, at) {
    const { state } = await loadState(layout, undefined, at);
    const declared = declaredModels(layout);
    const names = [...new Set([...state.models.keys(), ...declared])].sort();
    return names.map((name) => {
        const m = state.models.get(name);
        const live = m?.versions.filter((v) => !v.deregistered) ?? [];
        return {
            name,
            latest: live.at(-1)?.version ?? null,
            versions: live.length,
            stages: Object.fromEntries([...(m?.current ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))),
            deprecated: m?.deprecated ?? false,
            declared: declared.includes(name),
        };
    });
}
async function showRegistry(layout, selector, at) {
    const sel = parseSelector(selector);
    if (sel.stage && !at) {
        // The common question, "what does prod run?", answered from a handful of tags.
        const fast = await lookupStage(layout.root, sel.name, sel.stage);
        if (fast) {
            const version = fast.current.get(sel.stage);
            const manifest = parseVersionForDisplay({ tag: fast.versionTag.tag }, fast.versionTag.header.message);
            return {
                name: sel.name,
                version,
                stages: [...fast.current]
                    .filter(([, v]) => v === version)
                    .map(([s]) => s)
                    .sort(),
                commit: fast.versionTag.header.target,
                registered: manifest.created,
                deregistered: false,
                stage: sel.stage,
                manifest,
                assignment: {
                    tag: fast.assignment.tag,
                    time: refs_isoSeconds(fast.assignment.header.time),
                    by: fast.assignment.header.tagger,
                },
            };
        }
    }
    const focused = sel.stage !== undefined || sel.version !== undefined;
    const { state } = await loadState(layout, sel.name, at, focused);
    const model = requireModel(state, sel.name);
    const view = (v) => ({
        name: model.name,
        version: v.version,
        stages: stagesHeldBy(model, v.version),
        commit: v.ref.commit,
        registered: refs_isoSeconds(v.ref.time),
        deregistered: v.deregistered,
    });
    if (!sel.version && !sel.stage) {
        return {
            name: model.name,
            latest: model.versions.filter((v) => !v.deregistered).at(-1)?.version ?? null,
            stages: Object.fromEntries([...model.current].sort(([a], [b]) => (a < b ? -1 : 1))),
            versions: [...model.versions].reverse().map(view),
        };
    }
    let version = sel.version;
    let assignment;
    let stageRef;
    if (sel.stage) {
        version = model.current.get(sel.stage);
        if (!version) {
            throw new errors/* MlopsError */.IC("not-found", `${model.name} holds no version in stage '${sel.stage}'`, {
                hint: `stages held now: ${[...model.current.keys()].join(", ") || "none"}`,
            });
        }
        const event = [...(model.stages.get(sel.stage) ?? [])].reverse().find((e) => e.action === "assign");
        if (event)
            stageRef = event.ref;
    }
    const record = model.versions.find((v) => v.version === version);
    if (!record)
        throw new errors/* MlopsError */.IC("not-found", `${model.name}@${version} is not registered`);
    // The version's manifest and the assigning tag's header, in one git process.
    const objects = await readTagObjects(layout.root, [
        record.ref.object,
        ...(stageRef ? [stageRef.object] : []),
    ]);
    const manifest = parseVersionForDisplay(record.ref, objects.get(record.ref.object)?.message ?? "");
    if (stageRef) {
        const tag = objects.get(stageRef.object);
        assignment = {
            tag: stageRef.tag,
            time: refs_isoSeconds(tag?.time ?? stageRef.time),
            by: tag?.tagger ?? stageRef.tagger,
        };
    }
    return {
        ...view(record),
        registered: manifest.created,
        ...(sel.stage ? { stage: sel.stage } : {}),
        manifest,
        ...(assignment ? { assignment } : {}),
    };
}
async function registryHistory(layout, name, options = {}) {
    const { state } = await loadState(layout, name, options.at);
    const model = requireModel(state, name);
    const events = [];
    const base = (ref) => ({
        time: isoSeconds(ref.time),
        tag: ref.tag,
        model: name,
        commit: ref.commit,
        by: ref.tagger,
    });
    for (const v of model.versions) {
        events.push({ ref: v.ref, e: { ...base(v.ref), event: "registration", version: v.version } });
    }
    for (const [stage, list] of model.stages) {
        for (const s of list) {
            events.push({
                ref: s.ref,
                e: {
                    ...base(s.ref),
                    event: s.action === "assign" ? "assignment" : "unassignment",
                    version: s.version,
                    stage,
                    ...(s.counter !== undefined ? { counter: s.counter } : {}),
                    previous: s.previous,
                },
            });
        }
    }
    // The fold already put the model's tags in the order they happened.
    const rank = new Map(model.refs.map((r, i) => [r, i]));
    return events
        .sort((a, b) => (rank.get(a.ref) ?? 0) - (rank.get(b.ref) ?? 0))
        .map((x) => x.e)
        .filter((e) => !options.stage || e.stage === options.stage);
}
async function diffVersions(layout, name, from, to) {
    const { state } = await loadState(layout, name, undefined);
    const model = requireModel(state, name);
    const pick = (v) => {
        const r = model.versions.find((x) => x.version === v);
        if (!r)
            throw new MlopsError("not-found", `${name}@${v} is not registered`);
        return r.ref;
    };
    const [a, b] = [pick(from), pick(to)];
    const manifests = await readVersionManifests(layout.root, [a, b]);
    const x = manifests.get(a.tag);
    const y = manifests.get(b.tag);
    const px = flatten(x.params, "", {}, true);
    const py = flatten(y.params, "", {}, true);
    const params = [...new Set([...Object.keys(px), ...Object.keys(py)])]
        .sort()
        .filter((k) => JSON.stringify(px[k]) !== JSON.stringify(py[k]))
        .map((key) => ({ key, from: px[key] ?? null, to: py[key] ?? null }));
    const metrics = [...new Set([...Object.keys(x.metrics), ...Object.keys(y.metrics)])].sort().map((m) => {
        const f = x.metrics[m] ?? null;
        const t = y.metrics[m] ?? null;
        return { name: m, from: f, to: t, delta: f !== null && t !== null ? t - f : null };
    });
    const dx = new Map(x.data.map((d) => [d.name, d.data_sha256 ?? d.sha256]));
    const dy = new Map(y.data.map((d) => [d.name, d.data_sha256 ?? d.sha256]));
    const data = [...new Set([...dx.keys(), ...dy.keys()])]
        .sort()
        .filter((d) => dx.get(d) !== dy.get(d))
        .map((d) => ({ name: d, from: dx.get(d) ?? null, to: dy.get(d) ?? null }));
    return {
        name,
        from,
        to,
        commits: { from: x.commit, to: y.commit },
        params,
        metrics,
        data,
        signature: signatureChanges(x.signature, y.signature),
        artifact: {
            from: x.artifact.sha256,
            to: y.artifact.sha256,
            size_from: x.artifact.size,
            size_to: y.artifact.size,
        },
    };
}
/** For `registry ls` and friends: every model name with tags, without reading annotations. */
async function registryModelNames(layout) {
    const out = await git(["for-each-ref", "--format=%(refname:lstrip=2)", "refs/tags/"], { cwd: layout.root });
    const names = new Set();
    for (const tag of out.split("\n")) {
        const parsed = tag ? parseRegistryTag(tag) : undefined;
        if (parsed)
            names.add(parsed.model);
    }
    return [...names].sort();
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/flatten.js
var metrics_flatten = __webpack_require__(3487);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/register.js















const levelRank = { patch: 0, minor: 1, major: 2 };
/** What a new version's number must at least bump, and why, compared with the latest version. */
function requiredBump(card, latest, candidate) {
    const policy = card.version_policy;
    const reasons = [];
    let level = policy.bump;
    const raise = (to, why) => {
        reasons.push(why);
        if (levelRank[to] > levelRank[level])
            level = to;
    };
    const changes = signatureChanges(latest.signature, candidate.signature);
    if (changes.length)
        raise(policy.signature, `signature changed: ${changes.join("; ")}`);
    const dataKey = (v) => v.data
        .map((d) => `${d.name}=${d.data_sha256 ?? d.sha256}`)
        .sort()
        .join(",");
    if (dataKey(latest) !== dataKey(candidate))
        raise(policy.data, "training data changed");
    if (stableJson(latest.params) !== stableJson(candidate.params))
        raise(policy.params, "params changed");
    if (!reasons.length)
        reasons.push("artifact changed");
    return { level, reasons };
}
function bumpLevelBetween(from, to) {
    const a = parseSemver(from);
    const b = parseSemver(to);
    if (!a || !b || b.major !== a.major)
        return "major";
    return b.minor !== a.minor ? "minor" : "patch";
}
/**
 * The version manifest for what the pipeline's committed lock says it built: the stage writing the
 * model and every stage upstream of it give the params and data; the files give metrics, validation
 * and the ONNX signature; git gives the commit.
 */
async function buildVersionManifest(layout, card, version, now, provenance) {
    const pipelineDir = join(layout.pipelinesDir, card.pipeline);
    const lockFile = join(pipelineDir, "pipeline.lock");
    const lockDisplay = toRepoPath(layout, lockFile);
    if (!existsSync(lockFile)) {
        throw new MlopsError("not-found", `pipeline '${card.pipeline}' has no lock: it has not run`, {
            file: lockDisplay,
            hint: `run \`mlops run ${card.pipeline}\` and commit ${lockDisplay}`,
        });
    }
    const { hashBytes, objectRelPath } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { datasetsCovering } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const { pipelineLock } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2687));
    const { modelVersion } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7833));
    const lockBytes = await readFile(lockFile);
    const lock = parseYaml(lockBytes.toString("utf8"), pipelineLock, lockDisplay);
    // A version names a commit; the lock at that commit must be the one that built the model.
    const committed = await gitRaw(["show", `HEAD:${lockDisplay}`], { cwd: layout.root, okCodes: [128] });
    if (committed.code !== 0 || !committed.stdout.equals(lockBytes)) {
        throw new MlopsError("conflict", `${lockDisplay} has changes that are not committed`, {
            file: lockDisplay,
            hint: "commit the lock first: a registered version must be reproducible from its commit",
        });
    }
    const commit = (await git(["rev-parse", "HEAD"], { cwd: layout.root })).trim();
    const producing = producingStages(lock, card.output, lockDisplay);
    const outEntry = producing.entry;
    const modelFile = join(pipelineDir, card.output);
    if (!existsSync(modelFile)) {
        throw new MlopsError("not-found", `the model file ${toRepoPath(layout, modelFile)} is not in the workspace`, {
            hint: `run \`mlops run ${card.pipeline}\` to restore it from the run cache`,
        });
    }
    const bytes = await readFile(modelFile);
    const artifact = hashBytes(bytes);
    if (artifact !== outEntry.sha256) {
        throw new MlopsError("conflict", `${toRepoPath(layout, modelFile)} is not the file the lock records`, {
            expected: `sha256 ${outEntry.sha256.slice(0, 12)}…`,
            got: `sha256 ${artifact.slice(0, 12)}…`,
            hint: `run \`mlops run ${card.pipeline}\` so workspace and lock agree`,
        });
    }
    const params = {};
    const depPaths = new Set();
    for (const name of producing.stages) {
        const stage = lock.stages[name];
        if (!stage)
            continue;
        for (const [file, values] of Object.entries(stage.params)) {
            for (const [key, value] of Object.entries(values))
                params[file === "params.yaml" ? key : `${file}:${key}`] = value;
        }
        for (const dep of stage.deps)
            depPaths.add(toRepoPath(layout, join(pipelineDir, dep.path)));
    }
    const datasets = await datasetsCovering(layout, [...depPaths]);
    const data = await Promise.all(datasets
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(async (d) => ({
        name: d.name,
        sha256: hashBytes(await readFile(join(layout.root, d.file))),
        path: d.file,
        ...(d.manifest.outs[0] ? { data_sha256: d.manifest.outs[0].sha256 } : {}),
    })));
    const metrics = card.metrics ? await readMetrics(layout, pipelineDir, card.metrics) : {};
    const validation = card.validation ? await readValidation(layout, pipelineDir, card.validation) : undefined;
    const signature = await readSignature(modelFile, toRepoPath(layout, modelFile));
    const manifest = modelVersion.parse({
        version,
        model: card.name,
        created: isoSeconds(now),
        commit,
        pipeline: { name: card.pipeline, lock_sha256: hashBytes(lockBytes) },
        data,
        params,
        metrics,
        ...(validation ? { validation } : {}),
        signature,
        artifact: { sha256: artifact, size: bytes.length, uri: `mlops:${objectRelPath(artifact)}` },
        ...(provenance && Object.keys(provenance).length
            ? {
                provenance: {
                    ...(provenance.runId !== undefined ? { run_id: provenance.runId } : {}),
                    ...(provenance.runUrl ? { run_url: provenance.runUrl } : {}),
                    ...(provenance.actor ? { actor: provenance.actor } : {}),
                    ...(provenance.workflow ? { workflow: provenance.workflow } : {}),
                },
            }
            : {}),
    });
    return { manifest, modelFile };
}
/** The lock stage writing `output`, and every stage upstream of it in the same lock. */
function producingStages(lock, output, lockDisplay) {
    const want = posix.normalize(output);
    const writer = new Map();
    for (const [name, stage] of Object.entries(lock.stages))
        for (const o of stage.outs)
            writer.set(posix.normalize(o.path), name);
    const first = writer.get(want);
    if (!first) {
        throw new MlopsError("not-found", `no stage in the lock writes '${output}'`, {
            file: lockDisplay,
            hint: "check `output` in model.yaml against the pipeline's outs, then run the pipeline",
        });
    }
    const entry = lock.stages[first]?.outs.find((o) => posix.normalize(o.path) === want);
    const seen = new Set();
    const queue = [first];
    while (queue.length) {
        const name = queue.pop();
        if (seen.has(name))
            continue;
        seen.add(name);
        for (const dep of lock.stages[name]?.deps ?? []) {
            const upstream = writer.get(posix.normalize(dep.path));
            if (upstream)
                queue.push(upstream);
        }
    }
    return { entry: entry, stages: [...seen].sort() };
}
async function readJsonFile(layout, file) {
    const display = (0,repo.toRepoPath)(layout, file);
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", "file not found", { file: display, hint: "run the pipeline first" });
    }
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `not valid JSON: ${err.message}`, { file: display });
    }
}
/** Numeric metrics, nested objects flattened to `a.b` (arrays, like confusion matrices, are left out). */
async function readMetrics(layout, dir, path) {
    const value = await readJsonFile(layout, (0,external_node_path_.join)(dir, path));
    const out = {};
    for (const [k, v] of Object.entries((0,metrics_flatten.flatten)(value)))
        if (typeof v === "number" && Number.isFinite(v))
            out[k] = v;
    return out;
}
async function readValidation(layout, dir, path) {
    const file = (0,external_node_path_.join)(dir, path);
    const value = (await readJsonFile(layout, file));
    if (typeof value?.ok !== "boolean") {
        throw new errors/* MlopsError */.IC("invalid-file", "expected a validation result with a boolean 'ok'", {
            file: (0,repo.toRepoPath)(layout, file),
            field: "ok",
            hint: "write it with `mlops validate DATASET --json > FILE`",
        });
    }
    const findings = Array.isArray(value.findings) ? value.findings : [];
    const count = (s) => findings.filter((f) => f?.severity === s).length;
    const summary = value.ok
        ? `passed (${count("warn")} warnings)`
        : `failed (${count("error")} errors, ${count("warn")} warnings)`;
    return { ok: value.ok, summary };
}
/** Inputs and outputs as onnxruntime reads them from the file itself (ONNX is the contract). */
async function readSignature(modelFile, label) {
    const { openModel } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 5479));
    const model = await openModel(modelFile, label);
    try {
        const spec = (v) => ({
            name: v.name,
            dtype: v.type,
            shape: v.shape.map((d) => typeof d === "number" && d >= 0 ? d : typeof d === "string" && d ? d : null),
        });
        return { inputs: model.signature.inputs.map(spec), outputs: model.signature.outputs.map(spec) };
    }
    finally {
        await model.session.release();
    }
}
/**
 * Registers what the pipeline built as a new version of the model: an annotated tag `<name>@vX.Y.Z`
 * whose annotation is the version manifest, the model object in the store (and the data remote),
 * and the tag pushed when a git remote is given. The number follows the version policy; the same
 * artifact registered again returns its existing version.
 */
async function registerModel(layout, name, options = {}) {
    const card = await loadModelCard(layout, name);
    const now = options.now ?? Math.floor(Date.now() / 1000);
    if (options.tagRemote)
        await fetchModelTags(layout.root, options.tagRemote, name);
    // What was built does not change between attempts: read the lock, files and signature once.
    const built = await buildVersionManifest(layout, card, "v0.0.0", now, options.provenance);
    let storedUri;
    for (let attempt = 0; attempt < 20; attempt++) {
        const refs = await readRegistryRefs(layout.root, { model: name });
        const state = buildState(refs).models.get(name);
        const versionRefs = (state?.versions ?? []).map((v) => v.ref);
        const manifests = await readVersionManifests(layout.root, versionRefs);
        // Strictly after every earlier tag of the model: GTO orders events by this time (whole seconds).
        const time = Math.max(now, latestTagTime(state) + 1);
        const same = [...manifests.values()].find((m) => m.artifact.sha256 === built.manifest.artifact.sha256);
        if (same) {
            if (options.version && options.version !== same.version) {
                throw new MlopsError("conflict", `this artifact is already registered as ${name}@${same.version}`, {
                    hint: "a version names one artifact; retrain or change something to register a new one",
                });
            }
            await storeModel(layout, built.modelFile, same.artifact.sha256, options);
            return {
                model: name,
                version: same.version,
                tag: versionTagName(name, same.version),
                created: false,
                pushed: false,
                bump: "existing",
                reasons: ["the same artifact is already registered"],
                manifest: same,
            };
        }
        const atCommit = [...manifests.values()].find((m) => m.commit === built.manifest.commit);
        if (atCommit) {
            throw new MlopsError("conflict", `${name}@${atCommit.version} is registered at commit ${built.manifest.commit.slice(0, 12)} with a different artifact`, {
                hint: "GTO resolves a stage to the version at its commit, so one commit holds one version; commit the new lock first",
            });
        }
        const latestRef = state?.versions.at(-1);
        const latest = latestRef ? manifests.get(latestRef.ref.tag) : undefined;
        let version;
        let bump;
        let reasons;
        if (!latest || !latestRef) {
            version = options.version ?? card.version_policy.initial;
            bump = options.version ? "explicit" : "initial";
            reasons = ["first version"];
        }
        else {
            const required = requiredBump(card, latest, built.manifest);
            reasons = required.reasons;
            if (options.version) {
                const given = options.version;
                if (!parseSemver(given)) {
                    throw new MlopsError("usage", `'${given}' is not a version`, {
                        expected: "vMAJOR.MINOR.PATCH, like v1.4.0",
                    });
                }
                if (compareSemver(given, latest.version) <= 0) {
                    throw new MlopsError("conflict", `${given} is not after the latest version ${latest.version}`, {
                        hint: `the next version by the policy is ${bumpVersion(latest.version, required.level)}`,
                    });
                }
                const level = bumpLevelBetween(latest.version, given);
                if (levelRank[level] < levelRank[required.level]) {
                    throw new MlopsError("conflict", `${given} is a ${level} bump from ${latest.version}, but the version policy requires a ${required.level} bump: ${required.reasons.join("; ")}`, { hint: `use ${bumpVersion(latest.version, required.level)} or leave --version out` });
                }
                version = given;
                bump = "explicit";
            }
            else {
                version = bumpVersion(latest.version, required.level);
                bump = required.level;
            }
        }
        if (state?.versions.some((v) => v.version === version)) {
            throw new MlopsError("conflict", `${name}@${version} already exists for a different artifact`);
        }
        const parentRef = [...(state?.versions ?? [])].sort((a, b) => a.ref.time - b.ref.time).at(-1)?.ref;
        const manifest = {
            ...built.manifest,
            artifact: { ...built.manifest.artifact },
            created: isoSeconds(time),
            version,
            ...(parentRef ? { parent: { tag: parentRef.tag, object: parentRef.object } } : {}),
        };
        storedUri ??= await storeModel(layout, built.modelFile, manifest.artifact.sha256, options);
        manifest.artifact.uri = storedUri;
        const tag = versionTagName(name, version);
        const { modelVersion } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7833));
        const message = stringifyYaml(manifest, modelVersion, `tag ${tag}`);
        await createAnnotatedTag(layout.root, {
            tag,
            commit: manifest.commit,
            message,
            time,
            tagger: options.tagger,
        });
        if (!options.tagRemote) {
            return { model: name, version, tag, created: true, pushed: false, bump, reasons, manifest };
        }
        const pushed = await pushTag(layout.root, options.tagRemote, tag);
        if (pushed === "pushed")
            return { model: name, version, tag, created: true, pushed: true, bump, reasons, manifest };
        // Someone registered the same number first: take their tags and decide again.
        options.logger?.info(`${tag} was registered elsewhere meanwhile; fetching and retrying`);
        await deleteLocalTag(layout.root, tag);
        await fetchModelTags(layout.root, options.tagRemote, name);
    }
    throw new MlopsError("conflict", `could not register ${name}: the remote kept changing (20 attempts)`);
}
/** Puts the model into the local store and, when one is configured, the data remote; returns its URI. */
async function storeModel(layout, modelFile, sha256, options) {
    // The store and the remotes load only when a version is written: reading the registry stays light.
    const { Cache, objectRelPath, push: pushObjects } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { resolveRemote } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const cache = new Cache(layout.cacheDir);
    if (!cache.has(sha256))
        await cache.addFile(modelFile);
    const resolved = await resolveRemote(layout, options.dataRemote);
    if (!resolved)
        return `mlops:${objectRelPath(sha256)}`;
    await pushObjects(cache, resolved.remote, [{ oid: sha256, referencedBy: relative(layout.root, modelFile) }], {
        ...(resolved.jobs ? { jobs: resolved.jobs } : {}),
    });
    const url = resolved.remote.url.replace(/\/+$/, "");
    // A URL with a scheme (s3://, git-branch:…) names the object as it is; a bare path becomes file://.
    const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url);
    return `${hasScheme ? url : `file://${url}`}/${objectRelPath(sha256)}`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/verify.js






/**
 * Checks that the registry is what was written: every annotation parses and agrees with its tag
 * name and commit; every tag a later tag refers to (a version's parent, an assignment's version and
 * previous assignment) still has the object id it had then, so a tag deleted and re-created shows;
 * the remote holds the same tag objects; and every stored model still hashes to its recorded sha256.
 */
async function verifyRegistry(layout, options = {}) {
    const refs = (await readRegistryRefs(layout.root, options.model ? { model: options.model } : {})).filter((r) => r.annotated);
    const state = buildState(refs);
    const problems = [];
    const warnings = [];
    const byTag = new Map(refs.map((r) => [r.tag, r]));
    const texts = await readAnnotations(layout.root, refs.map((r) => r.object));
    const checkReference = (from, what, ref) => {
        if (!ref)
            return;
        const now = byTag.get(ref.tag);
        if (!now)
            problems.push({ tag: from.tag, problem: `its ${what} ${ref.tag} no longer exists` });
        else if (now.object !== ref.object) {
            problems.push({
                tag: ref.tag,
                problem: `was re-created: ${from.tag} recorded tag object ${ref.object.slice(0, 12)}, it is now ${now.object.slice(0, 12)}`,
            });
        }
    };
    const manifests = [];
    let assignments = 0;
    for (const ref of refs) {
        const text = texts.get(ref.object) ?? "";
        try {
            if (ref.action === "register") {
                const m = await parseVersionAnnotation(ref, text);
                manifests.push(m);
                if (m.model !== ref.model || m.version !== ref.version) {
                    problems.push({ tag: ref.tag, problem: `its annotation describes ${m.model}@${m.version}` });
                }
                if (m.commit !== ref.commit) {
                    problems.push({
                        tag: ref.tag,
                        problem: `points at ${ref.commit.slice(0, 12)} but its annotation says commit ${m.commit.slice(0, 12)}`,
                    });
                }
                checkReference(ref, "parent", m.parent);
            }
            else if (ref.action === "assign") {
                assignments++;
                const a = await parseStageAnnotation(ref, text);
                const event = state.models
                    .get(ref.model)
                    ?.stages.get(ref.stage)
                    ?.find((e) => e.ref === ref);
                if (a.model !== ref.model || a.stage !== ref.stage) {
                    problems.push({ tag: ref.tag, problem: `its annotation describes ${a.model}#${a.stage}` });
                }
                if (event && event.version !== a.version) {
                    problems.push({
                        tag: ref.tag,
                        problem: `its commit holds ${event.version} but its annotation assigns ${a.version}`,
                    });
                }
                checkReference(ref, "version tag", a.version_tag);
                checkReference(ref, "previous assignment", a.previous_tag);
            }
        }
        catch (err) {
            // Tags written by GTO or by hand carry free text; that is GTO's format, not an error.
            if (isMlopsError(err, "invalid-file") &&
                !text.trim().startsWith("version:") &&
                !text.trim().startsWith("model:")) {
                warnings.push({
                    tag: ref.tag,
                    problem: "annotation is not an mlops manifest (written by another tool?)",
                });
            }
            else
                problems.push({ tag: ref.tag, problem: userMessage(err) });
        }
    }
    let remoteTags = 0;
    if (options.tagRemote) {
        for (const model of state.models.keys()) {
            const remote = await remoteModelTags(layout.root, options.tagRemote, model);
            remoteTags += remote.size;
            for (const ref of refs.filter((r) => r.model === model)) {
                const there = remote.get(ref.tag);
                if (there === undefined)
                    warnings.push({ tag: ref.tag, problem: `not pushed to ${options.tagRemote.remote}` });
                else if (there !== ref.object) {
                    problems.push({
                        tag: ref.tag,
                        problem: `differs from ${options.tagRemote.remote}: local object ${ref.object.slice(0, 12)}, remote ${there.slice(0, 12)} (deleted and re-created on one side)`,
                    });
                }
            }
            for (const tag of remote.keys())
                if (!byTag.has(tag))
                    warnings.push({ tag, problem: "on the remote only; fetch it" });
        }
    }
    const { Cache } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { resolveRemote } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const cache = new Cache(layout.cacheDir);
    const dataRemote = await resolveRemote(layout).catch(() => undefined);
    let objects = 0;
    for (const m of manifests) {
        const tag = `${m.model}@${m.version}`;
        const oid = m.artifact.sha256;
        if (cache.has(oid)) {
            objects++;
            const check = await cache.verify(oid);
            if (!check.ok) {
                problems.push({
                    tag,
                    problem: `model object ${oid.slice(0, 12)}… in the local store hashes to ${(check.actual ?? "nothing").slice(0, 12)}…`,
                });
            }
            else if ((await stat(cache.pathOf(oid))).size !== m.artifact.size) {
                problems.push({
                    tag,
                    problem: `model object size differs from the recorded ${m.artifact.size} bytes`,
                });
            }
        }
        else if (dataRemote) {
            const has = await dataRemote.remote.has([oid]);
            if (!has.has(oid))
                problems.push({ tag, problem: `model object ${oid.slice(0, 12)}… is missing from the data remote` });
        }
        else
            warnings.push({ tag, problem: "model object not in the local store and no data remote to check" });
    }
    return {
        ok: problems.length === 0,
        models: [...state.models.keys()].sort(),
        checked: { versions: manifests.length, assignments, objects, remote_tags: remoteTags },
        problems,
        warnings,
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/index.js













/***/ }),

/***/ 1196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  repoLayout: () => (/* reexport */ repoLayout),
  toRepoPath: () => (/* reexport */ toRepoPath)
});

// UNUSED EXPORTS: findRepoRoot, findRepoRootOr

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/repo/layout.js



function repoLayout(root) {
    const abs = (0,external_node_path_.resolve)(root);
    const mlopsDir = (0,external_node_path_.join)(abs, ".mlops");
    return {
        root: abs,
        mlopsDir,
        configFile: (0,external_node_path_.join)(mlopsDir, "config.yaml"),
        localConfigFile: (0,external_node_path_.join)(mlopsDir, "config.local.yaml"),
        cacheDir: (0,external_node_path_.join)(mlopsDir, "cache"),
        stateDir: (0,external_node_path_.join)(mlopsDir, "state"),
        tmpDir: (0,external_node_path_.join)(mlopsDir, "tmp"),
        dataDir: (0,external_node_path_.join)(abs, "data"),
        pipelinesDir: (0,external_node_path_.join)(abs, "pipelines"),
        modelsDir: (0,external_node_path_.join)(abs, "models"),
    };
}
/** The nearest directory at or above `start` holding `.mlops/` or `.git`. */
function findRepoRoot(start) {
    let dir = resolve(start);
    for (;;) {
        if (existsSync(join(dir, ".mlops")) || existsSync(join(dir, ".git")))
            return dir;
        const parent = dirname(dir);
        if (parent === dir) {
            throw new MlopsError("not-found", `no repository found at or above ${start}`, {
                hint: "run inside a git checkout, or pass --repo DIR",
            });
        }
        dir = parent;
    }
}
/** A path as messages and manifests show it: relative to the repository root, `/`-separated. */
function toRepoPath(layout, abs) {
    return (0,external_node_path_.relative)(layout.root, abs).split(external_node_path_.sep).join("/");
}
/** The repository holding `start`, or `start` itself: data files need no repository. */
function findRepoRootOr(start) {
    try {
        return findRepoRoot(start);
    }
    catch {
        return resolve(start);
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/repo/index.js



/***/ }),

/***/ 1319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   candidateManifest: () => (/* binding */ candidateManifest),
/* harmony export */   evaluateOnData: () => (/* binding */ evaluateOnData),
/* harmony export */   stageManifest: () => (/* binding */ stageManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3859);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1196);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1520);




/**
 * What the working tree would register, without registering it: enough of a version manifest for
 * the gates (metrics, validation, signature, and the artifact put into the local store so the
 * regression gates can evaluate it).
 */
async function candidateManifest(layout, card, pipelineDir, modelFile) {
    const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(modelFile);
    const sha256 = (0,_store_index_js__WEBPACK_IMPORTED_MODULE_3__.hashBytes)(bytes);
    const cache = new _store_index_js__WEBPACK_IMPORTED_MODULE_3__.Cache(layout.cacheDir);
    if (!cache.has(sha256))
        await cache.addFile(modelFile);
    const validation = card.validation ? await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readValidation */ .Qo)(layout, pipelineDir, card.validation) : undefined;
    return {
        version: "this PR",
        model: card.name,
        created: new Date(0).toISOString(),
        commit: "0".repeat(40),
        pipeline: { name: card.pipeline, lock_sha256: "0".repeat(64) },
        data: [],
        params: {},
        metrics: card.metrics ? await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readMetrics */ .Uw)(layout, pipelineDir, card.metrics) : {},
        ...(validation ? { validation } : {}),
        signature: await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readSignature */ .Bc)(modelFile, (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.toRepoPath)(layout, modelFile)),
        artifact: { sha256, size: bytes.length, uri: "workspace" },
    };
}
async function stageManifest(layout, state, version) {
    const record = state.versions.find((v) => v.version === version);
    if (!record)
        return undefined;
    return (await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readVersionManifests */ .TY)(layout.root, [record.ref])).get(record.ref.tag);
}
function evaluateOnData(layout, card, version, evaluations) {
    return (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateOnCurrentData */ .Qd)({ layout, card, evaluations }, version);
}


/***/ }),

/***/ 1252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   curvesFor: () => (/* binding */ curvesFor)
/* harmony export */ });
/* unused harmony export curveSeriesOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1865);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2296);
/* harmony import */ var _manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7441);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3859);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1196);
/* harmony import */ var _candidate_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1319);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5965);









/** The sha256 the base revision's lock records for `output`, or undefined when it has none. */
async function baseOutputHash(layout, spec, output, baseRev) {
    const lockPath = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, spec.lockFile);
    const r = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .gitRaw */ .Pm)(["show", `${baseRev}:${lockPath}`], { cwd: layout.root, okCodes: [128] });
    if (r.code !== 0)
        return undefined;
    const lock = (0,_manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__.parseYaml)(r.stdout.toString("utf8"), _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .pipelineLock */ .SC, `${baseRev}:${lockPath}`);
    for (const stage of Object.values(lock.stages)) {
        const out = stage.outs.find((o) => o.path === output);
        if (out)
            return out.sha256;
    }
    return undefined;
}
/** Rows of the table that have a target, as the evaluator keeps them. */
function classIndices(table, target, classes) {
    const position = new Map(classes.map((c, i) => [c, i]));
    const actual = [];
    for (const row of table.rows) {
        const v = row[target];
        if (v === null || v === undefined)
            continue;
        actual.push(position.get(String(v)) ?? -1);
    }
    return actual;
}
/** One model's series for the report from its evaluation on the shared table (the rows with a target). */
async function curveSeriesOf(label, e, table) {
    const { classificationCurves, regressionPlots } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 5479));
    const { numericColumn } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 333));
    if (e.task === "regression") {
        const all = numericColumn(table, e.target);
        const values = e.predictions.values ?? [];
        const actual = [];
        const predicted = [];
        all.forEach((a, i) => {
            if (Number.isNaN(a))
                return;
            actual.push(a);
            predicted.push(values[i]);
        });
        const plots = regressionPlots(actual, predicted, { maxPoints: _document_js__WEBPACK_IMPORTED_MODULE_8__/* .maxScatterPoints */ .KT });
        return { label, points: plots.predicted_vs_actual.map((p) => [p.actual, p.predicted]) };
    }
    const classes = (e.predictions.classes ?? []).slice(0, 20);
    const k = e.predictions.classes?.length ?? 0;
    const rows = e.predictions.probabilities ?? [];
    const proba = [];
    table.rows.forEach((row, i) => {
        const v = row[e.target];
        if (v !== null && v !== undefined)
            proba.push(...(rows[i] ?? []));
    });
    const actual = classIndices(table, e.target, e.predictions.classes ?? []);
    // Many classes share the report's size budget: fewer points per curve, still both ends.
    const maxPoints = k > 5 ? 30 : _document_js__WEBPACK_IMPORTED_MODULE_8__/* .maxCurvePoints */ .V5;
    const curves = classificationCurves(actual, proba, e.predictions.classes ?? [], { maxPoints });
    return {
        label,
        classes: classes.map((name) => {
            const c = curves[name];
            return {
                class: name,
                roc: (c?.roc ?? []).map((p) => [p.fpr, p.tpr]),
                precision_recall: (c?.precision_recall ?? []).map((p) => [p.recall, p.precision]),
                calibration: (c?.calibration ?? []).map((b) => [
                    b.mean_predicted,
                    b.fraction_positive,
                    b.count,
                ]),
            };
        }),
    };
}
const short = (message) => (message.length > 280 ? `${message.slice(0, 279)}…` : message);
/**
 * Curves of the models a card compares, all evaluated on the card's evaluation data in the working
 * tree so the curves compare like with like: each source's model (the working tree's file, or the
 * one a revision's lock records, from the store) and, with `stages`, the models staging and prod
 * hold. A model that cannot be found or evaluated is left out with a note; undefined when the card
 * names no evaluation data or the data is not in the workspace.
 */
async function curvesFor(layout, spec, card, options) {
    if (!card.evaluation)
        return undefined;
    const dataFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(spec.dir, card.evaluation.data);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dataFile))
        return undefined;
    const { readTable } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 333));
    const { evaluateModel } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 5479));
    const display = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, dataFile);
    const table = await readTable(dataFile, display);
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6874));
    const contenders = options.sources.map(({ label, rev }) => ({
        label,
        locate: async () => {
            if (rev === undefined) {
                const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(spec.dir, card.output);
                if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
                    throw new Error(`no ${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, file)} in the working tree`);
                return file;
            }
            const oid = await baseOutputHash(layout, spec, card.output, rev);
            if (!oid)
                throw new Error(`the lock at ${rev} records no ${card.output}`);
            return storedObject(layout, oid, {
                what: `${card.output} at ${rev}`,
                referencedBy: `${rev}:${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, spec.lockFile)}`,
            });
        },
    }));
    if (options.stages) {
        const refs = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .readRegistryRefs */ .Gk)(layout.root, { model: card.name });
        const state = (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .buildState */ .qk)(refs).models.get(card.name);
        for (const stage of ["staging", "prod"]) {
            const held = state?.current.get(stage);
            if (!held || !state)
                continue;
            contenders.push({
                label: `${stage} ${held}`,
                locate: async () => {
                    const version = await (0,_candidate_js__WEBPACK_IMPORTED_MODULE_7__.stageManifest)(layout, state, held);
                    if (!version)
                        throw new Error(`no manifest for ${card.name}@${held}`);
                    return (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__.modelObjectPath)(layout, version);
                },
            });
        }
    }
    const evaluated = new Map();
    const series = [];
    const notes = [];
    let task = card.task === "regression" ? "regression" : "classification";
    for (const c of contenders) {
        try {
            const path = await c.locate();
            let e = evaluated.get(path);
            if (!e) {
                e = await evaluateModel(path, table, {
                    modelLabel: c.label,
                    maxPlotPoints: 2,
                    ...(card.evaluation.target ? { target: card.evaluation.target } : {}),
                });
                evaluated.set(path, e);
            }
            task = e.task;
            series.push(await curveSeriesOf(c.label, e, table));
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            options.logger?.warn(`curves: ${c.label} of ${card.name} left out: ${message}`);
            notes.push(short(`${c.label}: ${message}`));
        }
    }
    if (series.length === 0 && notes.length === 0)
        return undefined;
    return { model: card.name, task, data: display, rows: table.rows.length, series, notes };
}


/***/ }),

/***/ 5965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KT: () => (/* binding */ maxScatterPoints),
/* harmony export */   V5: () => (/* binding */ maxCurvePoints)
/* harmony export */ });
/* unused harmony exports metricRow, gateRow, paramRow, dataRow, driftColumn, driftSection, validationRow, confusion, residuals, classCurves, curveSeries, curveSet, sweepPoint, sweepSection, pipelineSection, reportDocument, maxReportBytes */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

/**
 * The report as data: built by `mlops report` (and the PR workflow's unprivileged job), uploaded as
 * an artifact, and rendered by whoever shows it. The privileged comment job treats it as untrusted
 * input from PR code, so every string and list here is bounded: a report that does not fit is
 * refused, never truncated into something else.
 */
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(max, `expected at most ${max} characters`);
const name = text(200);
const scalar = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(500), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ()]);
const sha = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{7,64}(\.dir)?$/, "expected a hex hash");
const metricRow = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    file: name,
    metric: name,
    head: scalar,
    base: scalar.optional(),
    /** What the stages' models score, evaluated on the same data as the candidate when a model card says so. */
    staging: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable().optional(),
    prod: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable().optional(),
    direction: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["higher", "lower"]).nullable().optional(),
});
const gateRow = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    model: name,
    stage: name,
    gate: text(300),
    passed: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    detail: text(1000),
});
const paramRow = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    file: name,
    key: name,
    base: scalar.optional(),
    head: scalar.optional(),
});
const dataRow = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    dataset: name,
    path: name,
    base: sha.nullable(),
    head: sha.nullable(),
    base_size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().nullable().optional(),
    head_size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().nullable().optional(),
    base_rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().nullable().optional(),
    head_rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().nullable().optional(),
    /** Why a figure is missing: new data, base data not fetchable, no schema for a drift test. */
    note: text(300).optional(),
});
const driftColumn = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    column: name,
    method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["ks", "psi", "chi2"]),
    statistic: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    pvalue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    drifted: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
});
/** The head's data against the base's, for each dataset the change touched that has a schema. */
const driftSection = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    dataset: name,
    reference: name,
    drifted: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    alpha: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(driftColumn).max(100, "expected at most 100 columns per dataset"),
});
const validationRow = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    pipeline: name,
    file: name,
    dataset: name,
    ok: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().nullable(),
    errors: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    warnings: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    findings: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["error", "warn"]),
        check: name,
        column: name.nullable(),
        message: text(1000),
    }))
        .max(50, "expected at most 50 findings per dataset"),
});
const confusion = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    file: name,
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(name).max(100, "expected at most 100 classes"),
    matrix: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative()).max(100)).max(100),
});
const residuals = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    file: name,
    count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    mean: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    /** Histogram of residuals: `edges` has one more entry than `counts`. */
    edges: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()).max(101),
    counts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative()).max(100),
});
/** The most points a curve keeps in the report; curves are thinned to this, keeping both ends. */
const maxCurvePoints = 100;
/** The most (actual, predicted) rows a regression series keeps, evenly spaced over the data. */
const maxScatterPoints = 300;
const pair = zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]);
/** One class's curves, one-vs-rest, for one model. */
const classCurves = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    class: name,
    /** [false positive rate, true positive rate], from (0, 0) to (1, 1); empty when the class has one side only. */
    roc: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pair).max(maxCurvePoints),
    /** [recall, precision], from (0, 1) to recall 1; empty when the class has no positives. */
    precision_recall: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pair).max(maxCurvePoints),
    /** [mean predicted probability, fraction positive, rows] per non-empty bin, ascending. */
    calibration: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative()])).max(100),
});
/** One model's curves on the shared data: "this PR", "base", "staging v1.2.0", … */
const curveSeries = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    label: name,
    classes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(classCurves).max(20).optional(),
    /** Regression: [actual, predicted] rows; residuals are actual − predicted of the same rows. */
    points: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pair).max(maxScatterPoints).optional(),
});
/** Curves of every model a pipeline's model card compares, all evaluated on the card's evaluation data. */
const curveSet = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    model: name,
    task: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["classification", "regression"]),
    data: name,
    rows: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    series: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(curveSeries).max(6),
    /** Why a model has no series (not in the store, failed to evaluate). */
    notes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(text(300)).max(10),
});
/** One point of a declared sweep: the values of the swept keys (in `keys` order) and its metric. */
const sweepPoint = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name,
    values: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(scalar).max(20),
    /** The sweep's metric for this point; null when the point has none (no such metric, not a number). */
    metric: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
});
/**
 * The sweep a pipeline declares, as this run ran it. The best point is not stored: whoever renders
 * it picks it from the numbers and the direction, so an artifact cannot claim a best it lacks.
 */
const sweepSection = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    /** pipeline.yaml, where the sweep is declared. */
    file: name,
    keys: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(name).max(20),
    metric: name.nullable(),
    direction: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["higher", "lower"]).nullable(),
    /** Points the sweep declares; fewer in `points` means some failed (the job log says why). */
    declared: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().max(1000),
    points: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(sweepPoint).max(100),
});
const pipelineSection = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    pipeline: name,
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(metricRow).max(500),
    params: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(paramRow).max(500),
    gates: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(gateRow).max(200),
    validation: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(validationRow).max(50),
    confusion: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(confusion).max(10),
    residuals: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(residuals).max(10),
    /** Absent in reports made before curves were drawn. */
    curves: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(curveSet).max(10).optional(),
    /** Absent when the pipeline declares no sweep (and in reports made before sweeps ran in PRs). */
    sweep: sweepSection.optional(),
});
const reportDocument = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("mlops-report/1", { error: "expected schema 'mlops-report/1'" }),
    head: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ ref: name, sha: sha.nullable() }),
    base: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ ref: name, sha: sha.nullable() }),
    data: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(dataRow).max(200),
    drift: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(driftSection).max(50).default([]),
    pipelines: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pipelineSection).max(50),
});
/** The largest report artifact the comment job accepts, in bytes. */
const maxReportBytes = 1_000_000;


/***/ }),

/***/ 1520:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cache: () => (/* reexport */ Cache),
  hashBytes: () => (/* reexport */ hashBytes),
  hashFile: () => (/* reexport */ hashFile),
  objectRelPath: () => (/* reexport */ objectRelPath),
  d3: () => (/* reexport */ openRemote),
  a$: () => (/* reexport */ pull),
  push: () => (/* reexport */ push)
});

// UNUSED EXPORTS: GitBranchRemote, HashIndex, LocalRemote, ReadOnlyRemote, S3Remote, assertWriteInside, createS3Client, defaultMaxObjectBytes, digestOf, gitBranchScheme, guardRemoteWrites, hashStats, isDirId, isObjectId, isReadOnlyRemote, isS3NotFound, listingId, parseGitBranchUrl, parseListing, parseS3Url, remoteWritesAllowed, remoteWritesBlockedBy, s3Failure, serializeListing, walkFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_fs_, 2);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/cache-errors.js

/** A cache object whose bytes no longer hash to its name: it must not travel anywhere. */
function corruptInCache(oid, actual) {
    return new errors/* MlopsError */.IC("hash-mismatch", `object ${oid} in the cache is corrupt: its content hashes to ${actual}`, {
        field: oid,
        hint: "run `mlops data verify --repair`, then add or pull it again",
    });
}
function notInCache(oid) {
    return new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache, so it cannot be pushed`, {
        field: oid,
        hint: "run `mlops data add` or `mlops data pull` first",
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/confine.js



/**
 * The real directory a new path would be created in: the realpath of its nearest existing ancestor,
 * with the missing components appended. A symlinked directory committed in the repository
 * (`data/x -> ~/.ssh`) resolves to where it points, which is what `mkdir -p` and `rename` would
 * write through.
 */
function realDestination(path) {
    const missing = [];
    let at = (0,external_node_path_.resolve)(path);
    for (;;) {
        try {
            (0,external_node_fs_.lstatSync)(at);
            break;
        }
        catch {
            const parent = (0,external_node_path_.dirname)(at);
            if (parent === at)
                break;
            missing.unshift((0,external_node_path_.basename)(at));
            at = parent;
        }
    }
    // The path itself may be a symlink: `rename` over it replaces the link, but `mkdir -p` or a
    // directory checkout writes into its target, so the target is what must stay inside.
    return (0,external_node_path_.resolve)((0,external_node_fs_.realpathSync)(at), ...missing);
}
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === "" || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== ".." && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Refuses a write whose real destination lies outside `root` (the repository), before anything is
 * created: every workspace write (checkout, run-cache restore) calls this first.
 */
function assertWriteInside(root, dest, shown = dest) {
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const real = realDestination(dest);
    if (!inside(realRoot, real)) {
        throw new errors/* MlopsError */.IC("refused", `refusing to write ${shown}: it resolves to ${real}, outside the repository`, {
            expected: `a destination inside ${realRoot}`,
            got: real,
            hint: "a directory on the way is a symbolic link that leaves the repository; replace it with a real directory",
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_crypto_, 2);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/hash.js


/**
 * Process-wide counters. Tests assert on them ("one changed file re-hashes exactly one file"), and
 * `--verbose` prints them, so nobody has to guess whether the index did its job.
 */
const hashStats = { filesHashed: 0, bytesHashed: 0 };
/** Large reads keep the syscall count low; 4 MiB measured as fast as any larger size here. */
const chunkSize = 4 * 1024 * 1024;
function hashBytes(bytes) {
    hashStats.filesHashed += 1;
    hashStats.bytesHashed += bytes.byteLength;
    return (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
}
/**
 * Streams a file through sha256 without holding it in memory. Two buffers alternate so the next read
 * runs on the thread pool while this thread hashes the previous one; that overlap is what makes this
 * faster than `openssl dgst` on the same file (see BENCHMARKS.md).
 */
async function hashFile(path) {
    const handle = await (0,promises_.open)(path, "r");
    try {
        const { size: statSize } = await handle.stat();
        // Small files: one read into a right-sized buffer; big buffers per file would dominate the cost.
        if (statSize <= chunkSize) {
            const bytes = await handle.readFile();
            return { sha256: hashBytes(bytes), size: bytes.byteLength };
        }
        const hash = (0,external_node_crypto_.createHash)("sha256");
        const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)];
        let current = 0;
        let size = 0;
        let pending = handle.read(buffers[0], 0, chunkSize, null);
        for (;;) {
            const { bytesRead } = await pending;
            if (bytesRead === 0)
                break;
            const filled = buffers[current];
            current = current === 0 ? 1 : 0;
            pending = handle.read(buffers[current], 0, chunkSize, null);
            hash.update(filled.subarray(0, bytesRead));
            size += bytesRead;
        }
        hashStats.filesHashed += 1;
        hashStats.bytesHashed += size;
        return { sha256: hash.digest("hex"), size };
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/copy-hashing.js



const copy_hashing_chunkSize = 4 * 1024 * 1024;
/**
 * Copies `src` to `dest` and hashes the bytes on the way, in one read of the source: the hash is of
 * exactly the bytes written, so a file that changes during the copy cannot slip in under an old hash.
 * Three buffers rotate so that reading the next chunk, hashing this one and writing the previous
 * one all overlap (reads and writes run on the thread pool while this thread hashes).
 */
async function copyHashing(src, dest) {
    const input = await (0,promises_.open)(src, "r");
    try {
        const output = await (0,promises_.open)(dest, "wx");
        try {
            const hash = (0,external_node_crypto_.createHash)("sha256");
            const buffers = [
                Buffer.allocUnsafe(copy_hashing_chunkSize),
                Buffer.allocUnsafe(copy_hashing_chunkSize),
                Buffer.allocUnsafe(copy_hashing_chunkSize),
            ];
            const writes = [undefined, undefined, undefined];
            let current = 0;
            let size = 0;
            let pending = input.read(buffers[0], 0, copy_hashing_chunkSize, null);
            try {
                for (;;) {
                    const { bytesRead } = await pending;
                    if (bytesRead === 0)
                        break;
                    const next = (current + 1) % 3;
                    // The next buffer may still be on its way to disk from two chunks ago.
                    await writes[next];
                    pending = input.read(buffers[next], 0, copy_hashing_chunkSize, null);
                    const filled = buffers[current].subarray(0, bytesRead);
                    hash.update(filled);
                    // Explicit positions: writes in flight at the same time must not depend on a shared offset.
                    writes[current] = output.write(filled, 0, bytesRead, size);
                    size += bytesRead;
                    current = next;
                }
            }
            finally {
                await Promise.allSettled(writes);
            }
            await Promise.all(writes);
            hashStats.filesHashed += 1;
            hashStats.bytesHashed += size;
            return { sha256: hash.digest("hex"), size };
        }
        finally {
            await output.close();
        }
    }
    finally {
        await input.close();
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/copy-many.js




/** Below this many files a second thread costs more to start than it saves (unless one is running already). */
const parallelThreshold = 2000;
/** With a worker started ahead of time (startCopyWorkers), sharing pays from this many files. */
const warmThreshold = 256;
/** Files per unit when files are not grouped by directory (or their directory exists). */
const filesPerUnit = 128;
function maxThreads() {
    return Math.min((0,external_node_os_.availableParallelism)(), 4);
}
// Runs on this thread and, stringified, in workers: it must use only its parameters (no imports,
// no bare `require`). Synchronous calls on a few threads beat thousands of promises through libuv's
// pool for files of a few KiB: each costs an open, a read, a write, a close, and the rename that
// makes it visible (one per directory for a directory filled under a temp name).
function claimAndCopy(work, me, tag, fsm, cryptom) {
    const { jobs, order, starts, staged, atomic, owners, stats, reserved } = work;
    const units = starts.length - 1;
    const made = new Set();
    let buffer = Buffer.allocUnsafe(64 * 1024);
    // crypto.hash (Node ≥ 20.12) skips a Hash object per file: a third less time and garbage for 1 KiB.
    const oneShot = cryptom.hash;
    let bytes = 0;
    let counter = 0;
    // Reading a file just written would otherwise update its access time: an inode write per file.
    let noAtime = fsm.constants.O_NOATIME ?? 0;
    const ensureDir = (dir) => {
        if (made.has(dir))
            return;
        fsm.mkdirSync(dir, { recursive: true });
        made.add(dir);
    };
    const failed = (failure) => {
        Atomics.store(owners, units, 1);
        return { bytes, failure };
    };
    /** Reads a whole file into `buffer`; returns how many bytes it holds. */
    const readWhole = (path, expected) => {
        let fd;
        try {
            fd = fsm.openSync(path, fsm.constants.O_RDONLY | noAtime);
        }
        catch (err) {
            // O_NOATIME is refused (EPERM) on files another user owns: a shared remote directory.
            if (noAtime === 0 || err.code !== "EPERM")
                throw err;
            noAtime = 0;
            fd = fsm.openSync(path, fsm.constants.O_RDONLY);
        }
        try {
            if (buffer.length <= expected)
                buffer = Buffer.allocUnsafe(expected + 1);
            let filled = 0;
            for (;;) {
                if (filled === buffer.length) {
                    const bigger = Buffer.allocUnsafe(buffer.length * 2);
                    buffer.copy(bigger, 0, 0, filled);
                    buffer = bigger;
                }
                const n = fsm.readSync(fd, buffer, filled, buffer.length - filled, null);
                if (n === 0)
                    break;
                filled += n;
                // Exactly the size expected: the hash decides whether these are the right bytes, and only
                // bytes that hash right are ever written, so nothing is lost by not reading on to the end.
                if (filled === expected)
                    break;
            }
            return filled;
        }
        finally {
            fsm.closeSync(fd);
        }
    };
    let claimed = false;
    for (let u = 0; u < units; u++) {
        if (Atomics.load(owners, units) !== 0)
            break;
        if (u < reserved && u !== me - 1)
            continue;
        if (Atomics.compareExchange(owners, u, 0, me) !== 0)
            continue;
        if (!claimed) {
            claimed = true;
            Atomics.add(owners, units + 1, 1);
            if (reserved > 0)
                Atomics.notify(owners, units + 1);
        }
        const first = starts[u];
        const end = starts[u + 1];
        // A directory that did not exist is filled as `.name.<tag>.tmp` beside it and renamed into place.
        let stage;
        let stageDir = "";
        let stagedFiles = 0;
        if (staged[u] === 1) {
            const dest = jobs[order[first]].dest;
            stageDir = dest.slice(0, Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\")));
            const cut = Math.max(stageDir.lastIndexOf("/"), stageDir.lastIndexOf("\\"));
            counter += 1;
            stage = `${stageDir.slice(0, cut)}/.${stageDir.slice(cut + 1)}.${tag}${counter}.tmp`;
            try {
                ensureDir(stageDir.slice(0, cut));
                fsm.mkdirSync(stage);
            }
            catch (err) {
                return failed({ index: order[first], kind: "error", message: String(err) });
            }
        }
        let failure;
        for (let k = first; k < end && !failure; k++) {
            const i = order[k];
            const job = jobs[i];
            let filled;
            try {
                filled = readWhole(job.src, job.size ?? -1);
            }
            catch (err) {
                const code = err.code;
                failure = { index: i, kind: code === "ENOENT" ? "missing" : "error", message: String(err) };
                break;
            }
            const data = buffer.subarray(0, filled);
            const actual = oneShot
                ? oneShot("sha256", data)
                : cryptom.createHash("sha256").update(data).digest("hex");
            if (actual !== job.sha256) {
                failure = { index: i, kind: "corrupt", actual };
                break;
            }
            const dest = job.dest;
            const slash = Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\"));
            const dir = dest.slice(0, slash);
            let target = dest;
            if (stage)
                target = `${stage}/${dest.slice(slash + 1)}`;
            else if (atomic) {
                counter += 1;
                target = `${dir}/.${dest.slice(slash + 1)}.${tag}${counter}.tmp`;
            }
            try {
                if (!stage)
                    ensureDir(dir);
                const fd = fsm.openSync(target, "wx");
                try {
                    let written = 0;
                    while (written < filled)
                        written += fsm.writeSync(fd, data, written, filled - written);
                    if (stats) {
                        const st = fsm.fstatSync(fd);
                        stats[i * 3] = st.size;
                        stats[i * 3 + 1] = st.mtimeMs;
                        stats[i * 3 + 2] = st.ino;
                    }
                }
                finally {
                    fsm.closeSync(fd);
                }
                if (atomic && !stage)
                    fsm.renameSync(target, dest);
            }
            catch (err) {
                if (atomic)
                    fsm.rmSync(target, { force: true });
                if (stats)
                    stats.fill(Number.NaN, i * 3, i * 3 + 3);
                failure = { index: i, kind: "error", message: String(err) };
                break;
            }
            if (stage)
                stagedFiles += 1;
            bytes += filled;
        }
        if (stage) {
            // Whatever the staged directory holds is whole and verified: it goes into place even when a
            // later file failed, as files copied one by one before a failure stay.
            try {
                if (stagedFiles === 0)
                    fsm.rmdirSync(stage);
                else
                    publishStaged(stage, stageDir);
            }
            catch (err) {
                failure ??= { index: order[first], kind: "error", message: String(err) };
            }
        }
        if (failure)
            return failed(failure);
    }
    return { bytes };
    // The directory appeared meanwhile (another push, or a directory another unit of this one placed):
    // its files are moved in one by one, each rename atomic, then the temp directory goes.
    function publishStaged(from, to) {
        try {
            fsm.renameSync(from, to);
            return;
        }
        catch (err) {
            const code = err.code;
            // ENOTEMPTY/EEXIST on POSIX; Windows refuses to rename a directory over one with EPERM.
            if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM")
                throw err;
        }
        for (const name of fsm.readdirSync(from))
            fsm.renameSync(`${from}/${name}`, `${to}/${name}`);
        fsm.rmdirSync(from);
    }
}
// A worker waits for its work (it may be started ahead of time, see startCopyWorkers), copies what
// it can claim and answers.
const workerSource = `
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const claimAndCopy = ${String(claimAndCopy)};
parentPort.once("message", ({ work, packed, me, tag }) => {
  const srcs = packed.srcs.split("\\0");
  const dests = packed.dests.split("\\0");
  const shas = packed.shas.split("\\0");
  const jobs = srcs.map((src, i) => ({ src, dest: dests[i], sha256: shas[i], size: Number.isNaN(packed.sizes[i]) ? undefined : packed.sizes[i] }));
  parentPort.postMessage(claimAndCopy({ ...work, jobs }, me, tag, load("node:fs"), load("node:crypto")));
});
`;
/** Workers started ahead of time, taken by the next copy that shares its work. */
const warm = [];
/**
 * Starts the workers a bulk copy would use, so that their start-up (~40 ms of a core, more on a
 * busy machine) overlaps what the caller does before copying (reading listings, asking the remote
 * what it has) instead of the copy. An unused worker costs a few ms of another core and does not
 * keep the process alive.
 */
function startCopyWorkers() {
    for (let k = warm.length; k < maxThreads() - 1; k++) {
        const started = (0,files/* startEvalWorker */.lx)(workerSource);
        started.worker.unref();
        warm.push(started);
    }
}
/**
 * Units: with `atomic`, the jobs grouped by destination directory, a directory that does not exist
 * yet being one unit filled under a temp name; otherwise (and in directories that exist) runs of
 * `filesPerUnit` jobs.
 */
function planUnits(jobs, atomic) {
    const order = new Int32Array(jobs.length);
    const starts = [];
    const staged = [];
    if (!atomic) {
        for (let i = 0; i < jobs.length; i++)
            order[i] = i;
        for (let at = 0; at < jobs.length; at += filesPerUnit) {
            starts.push(at);
            staged.push(0);
        }
    }
    else {
        const byDir = new Map();
        for (let i = 0; i < jobs.length; i++) {
            const dest = jobs[i].dest;
            const dir = dest.slice(0, Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\")));
            const group = byDir.get(dir);
            if (group)
                group.push(i);
            else
                byDir.set(dir, [i]);
        }
        let at = 0;
        for (const [dir, group] of byDir) {
            const fresh = !external_node_fs_.existsSync(dir);
            for (let from = 0; from < group.length; from += fresh ? group.length : filesPerUnit) {
                starts.push(at);
                staged.push(fresh ? 1 : 0);
                for (const i of group.slice(from, fresh ? group.length : from + filesPerUnit))
                    order[at++] = i;
            }
        }
    }
    starts.push(jobs.length);
    return { order, starts: Int32Array.from(starts), staged: Uint8Array.from(staged) };
}
/**
 * Copies many small files, checking each one's sha256 on the way (one read, hashed in memory,
 * written once), shared between this thread and a few workers unit by unit: the cost for thousands
 * of files is the kernel's work creating them, which runs in parallel on separate cores. Stops at
 * the first failure (the other threads finish the unit they hold) and reports the failure with the
 * lowest index among those found; files copied before it stay (each is whole and verified).
 */
async function copyVerifiedMany(jobs, options) {
    const { order, starts, staged } = planUnits(jobs, options.atomic);
    const units = starts.length - 1;
    const cap = options.holdMainThread ? 4 : maxThreads();
    const wanted = Math.max(1, Math.min(options.threads ?? 4, cap, units));
    const threads = jobs.length >= parallelThreshold || (warm.length > 0 && jobs.length >= warmThreshold) ? wanted : 1;
    const shared = threads > 1;
    const slots = Int32Array.BYTES_PER_ELEMENT * (units + 2);
    const owners = new Int32Array(shared ? new SharedArrayBuffer(slots) : new ArrayBuffer(slots));
    let stats;
    if (options.stats) {
        const size = Float64Array.BYTES_PER_ELEMENT * jobs.length * 3;
        stats = new Float64Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size)).fill(Number.NaN);
    }
    const work = {
        jobs,
        order,
        starts,
        staged,
        atomic: options.atomic,
        owners,
        stats,
        reserved: shared && options.holdMainThread ? threads : 0,
    };
    const tag = `${process.pid}.${external_node_crypto_.randomBytes(3).toString("hex")}`;
    const workers = [];
    if (shared) {
        // Strings cross threads far faster joined than as thousands of objects.
        const packed = {
            srcs: jobs.map((j) => j.src).join("\0"),
            dests: jobs.map((j) => j.dest).join("\0"),
            shas: jobs.map((j) => j.sha256).join("\0"),
            sizes: Float64Array.from(jobs, (j) => j.size ?? Number.NaN),
        };
        const { jobs: _, ...rest } = work;
        for (let me = 2; me <= threads; me++) {
            const taken = warm.shift() ?? (0,files/* startEvalWorker */.lx)(workerSource);
            taken.worker.ref();
            taken.worker.postMessage({ work: rest, packed, me, tag: `${tag}w${me}x` });
            workers.push(taken);
        }
    }
    try {
        if (work.reserved > 0) {
            for (let seen = 0; seen < workers.length; seen = Atomics.load(owners, units + 1))
                if (Atomics.wait(owners, units + 1, seen, 10_000) === "timed-out")
                    break;
        }
        // This thread honours no reservation: a worker that never claimed its unit leaves it to this one.
        const results = [claimAndCopy({ ...work, reserved: 0 }, 1, `${tag}m`, external_node_fs_namespaceObject, external_node_crypto_namespaceObject)];
        // This thread tried every unit, so each has an owner now and a worker that owns none (still
        // starting, or it found nothing left) is not waited for. After a failure stopped the claiming,
        // units may be left that a worker is just claiming: then every worker is waited for.
        const stopped = Atomics.load(owners, units) !== 0;
        const waited = [];
        for (const [k, { worker, reply }] of workers.entries()) {
            if (stopped || owners.subarray(0, units).includes(k + 2))
                waited.push(reply);
            else
                void worker.terminate();
        }
        results.push(...(await Promise.all(waited)));
        const outcome = { bytes: 0, threadsUsed: Math.max(1, Atomics.load(owners, units + 1)) };
        if (stats)
            outcome.stats = stats;
        for (const result of results) {
            outcome.bytes += result.bytes;
            if (result.failure && (!outcome.failure || result.failure.index < outcome.failure.index))
                outcome.failure = result.failure;
        }
        return outcome;
    }
    finally {
        for (const { worker } of workers)
            void worker.terminate();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/dir-listing.js





/** Byte order of the UTF-8 paths; equals UTF-16 order unless a path holds astral characters. */
function compareRelpaths(a, b) {
    if (/[\ud800-\udfff]/.test(a) || /[\ud800-\udfff]/.test(b))
        return Buffer.compare(Buffer.from(a), Buffer.from(b));
    return a < b ? -1 : a > b ? 1 : 0;
}
function sortEntries(entries) {
    return entries.sort((a, b) => compareRelpaths(a.relpath, b.relpath));
}
/**
 * The canonical bytes of a listing: sorted by path, `JSON.stringify` with no whitespace and keys in
 * the order relpath, sha256, size. Same tree, same bytes, same id on every machine.
 */
function serializeListing(entries) {
    const sorted = sortEntries(entries.map((e) => ({ relpath: e.relpath, sha256: e.sha256, size: e.size })));
    return Buffer.from(JSON.stringify(sorted));
}
function listingId(bytes) {
    return `${(0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex")}.dir`;
}
/**
 * Why a listing's relpath cannot be written under a directory, or undefined when it can: only plain
 * `/`-separated segments are allowed, so no reading of it (POSIX or Windows) leaves the directory.
 */
function unsafeRelpath(relpath) {
    if (relpath === "")
        return "it is empty";
    if (relpath.includes("\0"))
        return "it contains a NUL character";
    if (relpath.includes("\\"))
        return "it contains a backslash";
    if (relpath.startsWith("/"))
        return "it is absolute";
    if (/^[a-z]:/i.test(relpath))
        return "it starts with a drive letter";
    for (const segment of relpath.split("/")) {
        if (segment === "")
            return "it has an empty segment";
        if (segment === "." || segment === "..")
            return `it has a '${segment}' segment`;
    }
    return undefined;
}
/**
 * Names of word characters, dots and dashes, none starting with a dot, joined by single slashes: a
 * subset of what unsafeRelpath accepts (no empty, `.` or `..` segment, no backslash, drive letter,
 * NUL or leading slash), tested in one go; anything else gets the full check.
 */
const plainRelpath = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
function parseListing(bytes, oid) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString("utf8"));
    }
    catch {
        throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} is not JSON`, { field: oid });
    }
    const expected = '[{"relpath","sha256","size"}]';
    if (!Array.isArray(value)) {
        throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} does not have the expected shape`, {
            field: oid,
            expected,
        });
    }
    for (const [i, e] of value.entries()) {
        const ok = e !== null &&
            typeof e === "object" &&
            typeof e.relpath === "string" &&
            typeof e.sha256 === "string" &&
            sha256Pattern.test(e.sha256) &&
            Number.isSafeInteger(e.size) &&
            e.size >= 0;
        if (!ok) {
            throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} does not have the expected shape`, {
                field: `${oid}[${i}]`,
                expected,
            });
        }
        const unsafe = plainRelpath.test(e.relpath) ? undefined : unsafeRelpath(e.relpath);
        if (unsafe) {
            throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} names a path outside its directory`, {
                field: `${oid}[${i}].relpath`,
                expected: "a relative path of plain '/'-separated names (no '..', '.', empty segment, backslash, drive letter or NUL)",
                got: `${JSON.stringify(e.relpath).slice(0, 200)} (${unsafe})`,
            });
        }
    }
    return value;
}
/** Every regular file under `root` as `/`-separated relative paths; skips `.git` and our temp files. */
function walkFiles(root) {
    const out = [];
    const visit = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const name = entry.name;
            if ((0,files/* isTempName */.Gs)(name))
                continue;
            if (entry.isDirectory()) {
                if (name === ".git")
                    continue;
                visit((0,external_node_path_.join)(dir, name), `${prefix}${name}/`);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                out.push(`${prefix}${name}`);
            }
        }
    };
    visit(root, "");
    return out;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/object-id.js

const objectIdPattern = /^[0-9a-f]{64}(\.dir)?$/;
function isObjectId(value) {
    return objectIdPattern.test(value);
}
function isDirId(oid) {
    return oid.endsWith(".dir");
}
/** `sha256/ab/cdef…[.dir]`: the same relative place in a cache and in every remote. */
function objectRelPath(oid) {
    return (0,external_node_path_.join)("sha256", oid.slice(0, 2), oid.slice(2));
}
/**
 * The object's path under `objectsDir` (a store's `…/sha256`, already joined): the same as
 * join(root, objectRelPath(oid)) without join's normalising, which a bulk transfer paid 20,000 times.
 */
function objectPathIn(objectsDir, oid) {
    return `${objectsDir}${external_node_path_.sep}${oid.slice(0, 2)}${external_node_path_.sep}${oid.slice(2)}`;
}
/** The sha256 of the bytes stored under `oid` (a `.dir` object is the hash of its listing). */
function digestOf(oid) {
    return oid.slice(0, 64);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/hash-index.js



const indexFileName = "hash-index.v2.tsv";
const header = "# mlops hash index v2: path\tsize\tmtime_ms\tinode\tsha256";
/** `size\tmtime\tinode\t`: the part of a line that must match for the recorded hash to be trusted. */
function statKey(stat) {
    // mtimeMs is a double carrying sub-microsecond precision; its shortest decimal form round-trips exactly.
    return `${stat.size}\t${stat.mtimeMs}\t${stat.ino}\t`;
}
const treeFileName = "trees.v1.tsv";
function readText(file) {
    try {
        return readFileSync(file, "utf8");
    }
    catch (err) {
        if (err.code === "ENOENT")
            return "";
        throw err;
    }
}
function readTrees(stateDir) {
    const trees = new Map();
    for (const line of readText(join(stateDir, treeFileName)).split("\n")) {
        const [dir, fingerprint, oid, size, nfiles] = line.split("\t");
        if (dir && fingerprint && oid && size && nfiles && !dir.startsWith("#")) {
            trees.set(dir, { fingerprint, oid, size: Number(size), nfiles: Number(nfiles) });
        }
    }
    return trees;
}
/**
 * Remembers the sha256 of every file hashed, keyed by path, size, mtime and inode, so a file whose
 * stat is unchanged is never read again. Rebuildable state: deleting it only costs time.
 * Stored as tab-separated text and kept in memory as `path → "size\tmtime\tinode\tsha256"` strings:
 * loading 100k entries is one split per line, and a lookup is one string comparison.
 *
 * It also remembers, per tracked directory, a fingerprint of every file's path and stat together
 * with the directory's id: when a tree's fingerprint is unchanged its id is known without a single
 * per-file lookup, and the per-file table (the big file) is not even read.
 */
class hash_index_HashIndex {
    stateDir;
    dirty = false;
    treesDirty = false;
    loadedEntries;
    loadedTrees;
    constructor(stateDir) {
        this.stateDir = stateDir;
    }
    static async open(stateDir) {
        return new hash_index_HashIndex(stateDir);
    }
    get entries() {
        if (this.loadedEntries)
            return this.loadedEntries;
        const text = readText(join(this.stateDir, indexFileName));
        const entries = new Map();
        let start = 0;
        while (start < text.length) {
            let end = text.indexOf("\n", start);
            if (end < 0)
                end = text.length;
            const tab = text.indexOf("\t", start);
            // A damaged line (no tab, or not ending in a sha256) is dropped: the file is hashed again instead.
            if (text.charCodeAt(start) !== 35 && tab > start && tab < end && end - tab > 64) {
                entries.set(text.slice(start, tab), text.slice(tab + 1, end));
            }
            start = end + 1;
        }
        this.loadedEntries = entries;
        return entries;
    }
    get trees() {
        this.loadedTrees ??= readTrees(this.stateDir);
        return this.loadedTrees;
    }
    /** The most files any remembered tree held when last hashed (0 when none is remembered). */
    static largestTree(stateDir) {
        let largest = 0;
        for (const memo of readTrees(stateDir).values())
            largest = Math.max(largest, memo.nfiles);
        return largest;
    }
    /** The recorded sha256 when the file's size, mtime and inode are what they were when hashed. */
    lookup(absPath, stat) {
        const entry = this.entries.get(absPath);
        if (entry === undefined)
            return undefined;
        const key = statKey(stat);
        if (entry.length !== key.length + 64 || !entry.startsWith(key))
            return undefined;
        return entry.slice(key.length);
    }
    record(absPath, stat, sha256) {
        // Paths with tabs or newlines cannot be represented; such files are simply hashed every time.
        if (/[\t\n]/.test(absPath))
            return;
        const entry = statKey(stat) + sha256;
        if (this.entries.get(absPath) === entry)
            return;
        this.entries.set(absPath, entry);
        this.dirty = true;
    }
    /** The directory's id if its fingerprint (every path and stat in it) is the one recorded with it. */
    lookupTree(absDir, fingerprint) {
        const memo = this.trees.get(absDir);
        return memo && memo.fingerprint === fingerprint ? memo : undefined;
    }
    /** How many files the directory held when last hashed, if it ever was. */
    knownFileCount(absDir) {
        return this.trees.get(absDir)?.nfiles;
    }
    recordTree(absDir, memo) {
        if (/[\t\n]/.test(absDir))
            return;
        const previous = this.trees.get(absDir);
        if (previous && previous.fingerprint === memo.fingerprint && previous.oid === memo.oid)
            return;
        this.trees.set(absDir, memo);
        this.treesDirty = true;
    }
    async save() {
        if (this.dirty && this.loadedEntries) {
            const lines = [header];
            for (const [path, entry] of this.loadedEntries)
                lines.push(`${path}\t${entry}`);
            await writeFileAtomic(join(this.stateDir, indexFileName), `${lines.join("\n")}\n`);
            this.dirty = false;
        }
        if (this.treesDirty && this.loadedTrees) {
            const lines = ["# mlops tree memo v1: dir\tfingerprint\toid\tsize\tnfiles"];
            for (const [dir, m] of this.loadedTrees)
                lines.push(`${dir}\t${m.fingerprint}\t${m.oid}\t${m.size}\t${m.nfiles}`);
            await writeFileAtomic(join(this.stateDir, treeFileName), `${lines.join("\n")}\n`);
            this.treesDirty = false;
        }
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/scan-tree.js





/** The stat of the tree's `i`th file, or `undefined` when it vanished between listing and stat. */
function statAt(tree, i) {
    const size = tree.numbers[i * 3];
    if (size < 0)
        return undefined;
    return { size, mtimeMs: tree.numbers[i * 3 + 1], ino: tree.numbers[i * 3 + 2] };
}
/** Files directly in one directory are stat-ed in batches of this many, so a flat tree is shared too. */
const namesPerUnit = 2048;
/** Directories are opened up into their contents until there are this many units (or no directory is left). */
const wantedUnits = 32;
/** Starting a thread costs ~40 ms of a core: only worth it when the last scan of this tree found many files. */
const minFilesForWorkers = 30_000;
/**
 * Claims units one at a time and scans them. It runs on the main thread and, as source text, in the
 * workers, so it is self-contained: no imports, no module scope, fs and crypto passed in. A unit is claimed by
 * swapping its owner slot from 0 to this thread's number, so every unit is scanned exactly once,
 * threads that start late simply find fewer units left (no fixed share leaves the main thread
 * waiting for a worker still booting), and once the main thread has tried every slot the owners say
 * which workers hold results. Mirrors walkFiles: skips `.git` and our temp files (`.*.tmp`).
 */
function claimAndScan(root, units, owners, me, io, reserved = 0) {
    const statOptions = { throwIfNoEntry: false };
    const results = [];
    let relpaths = [];
    let numbers = [];
    const add = (abs, relpath) => {
        const st = io.statSync(abs, statOptions);
        relpaths.push(relpath);
        if (st)
            numbers.push(st.size, st.mtimeMs, st.ino);
        else
            numbers.push(-1, 0, 0);
    };
    const walk = (abs, prefix) => {
        for (const entry of io.readdirSync(abs, { withFileTypes: true })) {
            const name = entry.name;
            if (name.startsWith(".") && name.endsWith(".tmp"))
                continue;
            if (entry.isDirectory()) {
                if (name !== ".git")
                    walk(`${abs}/${name}`, `${prefix}${name}/`);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                add(`${abs}/${name}`, prefix + name);
            }
        }
    };
    for (let i = 0; i < units.length; i++) {
        // Unit k < reserved belongs to thread k + 1 (tests only): whoever starts first cannot take it.
        if (i < reserved && i !== me - 1)
            continue;
        if (Atomics.compareExchange(owners, i, 0, me) !== 0)
            continue;
        if (results.length === 0) {
            // The slot after the units counts threads that have claimed something (see holdMainThread).
            Atomics.add(owners, units.length, 1);
            Atomics.notify(owners, units.length);
        }
        const unit = units[i];
        const abs = unit.dir === "" ? root : `${root}/${unit.dir.slice(0, -1)}`;
        if (unit.names)
            for (const name of unit.names)
                add(`${abs}/${name}`, unit.dir + name);
        else
            walk(abs, unit.dir);
        const packed = Float64Array.from(numbers);
        const paths = relpaths.join("\0");
        const digest = io.createHash("sha256").update(paths).update(new Uint8Array(packed.buffer)).digest("hex");
        results.push({ unit: i, paths, numbers: packed, digest });
        relpaths = [];
        numbers = [];
    }
    return results;
}
// The worker: waits for one job, scans what it can claim and sends the results back, the numbers as
// transferred buffers. The eval'd worker is a CommonJS module; its require is reached through
// `module` because a bundler rewrites a bare `require(…)` into a helper the worker lacks.
const scan_tree_workerSource = `
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const { readdirSync, statSync } = load("node:fs");
const { createHash } = load("node:crypto");
parentPort.once("message", ({ root, units, owners, me, reserved }) => {
  const io = { readdirSync, statSync, createHash };
  const results = (${String(claimAndScan)})(root, units, new Int32Array(owners), me, io, reserved);
  parentPort.postMessage(results, results.map((r) => r.numbers.buffer));
});
`;
function spawnScanWorker() {
    return (0,files/* startEvalWorker */.lx)(scan_tree_workerSource);
}
/** Workers started ahead of time by startScanWorkers, taken by the next scan that shares its work. */
const scan_tree_warm = [];
function defaultThreads() {
    return Math.min((0,external_node_os_.availableParallelism)(), 4);
}
/**
 * Starts the workers a large scan would use, so that their ~40 ms (more on a busy machine) of
 * start-up overlaps whatever the caller does before scanning (the CLI: loading modules and reading
 * manifests) instead of the scan itself. Only when the hash index in `stateDir` remembers a tree
 * large enough to be shared: an unused worker costs ~10 ms. Unused workers do not keep the process alive.
 */
function startScanWorkers(stateDir) {
    if (HashIndex.largestTree(stateDir) < minFilesForWorkers)
        return;
    for (let k = scan_tree_warm.length; k < defaultThreads() - 1; k++) {
        const started = spawnScanWorker();
        started.worker.unref();
        scan_tree_warm.push(started);
    }
}
/**
 * Cuts the tree into units in an order that depends only on the tree: the root's own files (in
 * batches) first, then its directories; while there are fewer units than `wanted`, directories are
 * opened up in place into their own file batches and subdirectories.
 */
function scan_tree_planUnits(root, wanted) {
    const list = (prefix) => {
        const abs = prefix === "" ? root : `${root}/${prefix.slice(0, -1)}`;
        const files = [];
        const dirs = [];
        for (const entry of (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true })) {
            const name = entry.name;
            if (name.startsWith(".") && name.endsWith(".tmp"))
                continue;
            if (entry.isDirectory()) {
                if (name !== ".git")
                    dirs.push({ dir: `${prefix}${name}/` });
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                files.push(name);
            }
        }
        const batches = [];
        for (let i = 0; i < files.length; i += namesPerUnit)
            batches.push({ dir: prefix, names: files.slice(i, i + namesPerUnit) });
        return [...batches, ...dirs];
    };
    let units = list("");
    // Open up directories breadth first while the work is in too few pieces to share; each opened
    // directory is read once, here, and its contents take its place.
    for (let opened = true; opened && units.length < wanted;) {
        opened = false;
        const next = [];
        for (const [i, unit] of units.entries()) {
            // next.length + what is left of this pass is the count if nothing more were opened.
            if (!unit.names && next.length + units.length - i < wanted) {
                next.push(...list(unit.dir));
                opened = true;
            }
            else
                next.push(unit);
        }
        units = next;
    }
    return units;
}
/**
 * Lists every file under `root` with its size, mtime and inode, in an order that depends only on the
 * tree. For 100k files the stat calls are most of what `data status` costs; they are kernel work that
 * runs in parallel, so a large tree is shared between the main thread and workers, unit by unit.
 * `threads` (default: the cores, at most 4) is fixed in tests; workers are started only when the last
 * scan found at least `expectedFiles` ≥ 30,000 (or when `threads` is given). `holdMainThread` (for
 * tests) reserves one of the first units for each thread and starts the main thread only once every
 * worker has claimed its own, so the work is certainly shared however the threads are scheduled.
 */
async function scanTree(root, options = {}) {
    const threads = options.threads ?? ((options.expectedFiles ?? 0) >= minFilesForWorkers ? defaultThreads() : 1);
    // The units depend on the tree only (never on `threads`), so the scan order, and with it the
    // fingerprint, is the same however many threads share the work.
    const units = scan_tree_planUnits(root, wantedUnits);
    const owners = new Int32Array(new SharedArrayBuffer(4 * (units.length + 1)));
    const workers = [];
    const used = Math.max(1, Math.min(threads, units.length));
    const reserved = options.holdMainThread ? used : 0;
    for (let me = 2; me <= used; me++) {
        const taken = scan_tree_warm.shift() ?? spawnScanWorker();
        taken.worker.ref();
        taken.worker.postMessage({ root, units, owners: owners.buffer, me, reserved });
        workers.push(taken);
    }
    try {
        const parts = new Array(units.length);
        if (options.holdMainThread) {
            for (let seen = 0; seen < workers.length; seen = Atomics.load(owners, units.length))
                if (Atomics.wait(owners, units.length, seen, 10_000) === "timed-out")
                    break;
        }
        for (const r of claimAndScan(root, units, owners, 1, { readdirSync: external_node_fs_.readdirSync, statSync: external_node_fs_.statSync, createHash: external_node_crypto_.createHash }, reserved))
            parts[r.unit] = r;
        // Every slot has an owner now (this thread tried them all); wait only for workers that own some.
        const waited = [];
        for (const [k, { worker, reply }] of workers.entries()) {
            if (ownsAny(owners, k + 2))
                waited.push(reply);
            else
                void worker.terminate();
        }
        for (const results of await Promise.all(waited))
            for (const r of results)
                parts[r.unit] = r;
        return mergeInUnitOrder(parts, Atomics.load(owners, units.length));
    }
    finally {
        for (const { worker } of workers)
            void worker.terminate();
    }
}
function ownsAny(owners, me) {
    for (let i = 0; i < owners.length - 1; i++)
        if (Atomics.load(owners, i) === me)
            return true;
    return false;
}
function mergeInUnitOrder(parts, threadsUsed) {
    const done = parts.filter((p) => p !== undefined);
    if (done.length !== parts.length)
        throw new Error("internal: a scan unit has no result");
    let count = 0;
    for (const p of done)
        count += p.numbers.length / 3;
    const numbers = new Float64Array(count * 3);
    const fingerprint = (0,external_node_crypto_.createHash)("sha256");
    let at = 0;
    for (const p of done) {
        numbers.set(p.numbers, at);
        at += p.numbers.length;
        fingerprint.update(p.digest);
    }
    let relpaths;
    return {
        numbers,
        fingerprint: fingerprint.digest("hex"),
        threadsUsed,
        get relpaths() {
            relpaths ??= splitPaths(done, count);
            return relpaths;
        },
    };
}
function splitPaths(parts, count) {
    const relpaths = new Array(count);
    let at = 0;
    for (const p of parts) {
        if (p.numbers.length === 0)
            continue;
        for (const relpath of p.paths.split("\0"))
            relpaths[at++] = relpath;
    }
    return relpaths;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/store-many.js


/** Below this many files the second thread costs more to start than it saves. */
const store_many_parallelThreshold = 4000;
// Runs in a worker: reads, hashes and stores its share of small files exactly as Cache.putBytesSync
// does (temp file in the object's directory, then rename), and returns their sha256s in order.
const store_many_workerSource = `
const load = module.require.bind(module);
const { parentPort, workerData } = load("node:worker_threads");
const { createHash } = load("node:crypto");
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = load("node:fs");
const { cacheRoot, paths, tag } = workerData;
const made = new Set();
let counter = 0;
const shas = [];
let bytesHashed = 0;
for (const path of paths) {
  const bytes = readFileSync(path);
  const sha = createHash("sha256").update(bytes).digest("hex");
  bytesHashed += bytes.byteLength;
  const dir = cacheRoot + "/sha256/" + sha.slice(0, 2);
  const target = dir + "/" + sha.slice(2);
  if (!existsSync(target)) {
    if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
    counter += 1;
    const temp = dir + "/." + sha.slice(2) + "." + process.pid + "." + tag + counter + ".tmp";
    try {
      writeFileSync(temp, bytes, { flag: "wx" });
      renameSync(temp, target);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }
  shas.push(sha);
}
parentPort.postMessage({ shas, bytesHashed });
`;
/**
 * Hashes and stores many small files, part of them on a second thread: for tens of thousands of
 * files the cost is creating the cache files, kernel work that runs in parallel on separate cores.
 * `storeHere` does one file on this thread (the cache's own code path) and returns its sha256.
 */
async function storeManySmallFiles(cacheRoot, paths, storeHere) {
    const threads = Math.min((0,external_node_os_.availableParallelism)(), 4);
    if (paths.length < store_many_parallelThreshold || threads < 2) {
        return { shas: paths.map(storeHere), filesElsewhere: 0, bytesElsewhere: 0 };
    }
    const parts = await (0,files/* splitAcrossWorkers */.hI)(paths, threads, {
        source: store_many_workerSource,
        workerData: (share, t) => ({
            cacheRoot,
            paths: share.items,
            tag: `w${t}x${Math.random().toString(36).slice(2, 8)}`,
        }),
        here: (share) => ({ shas: share.items.map(storeHere), bytesHashed: 0 }),
    });
    const theirs = parts.slice(1).map((p) => p.result);
    return {
        shas: parts.flatMap((p) => p.result.shas),
        filesElsewhere: theirs.reduce((n, r) => n + r.shas.length, 0),
        bytesElsewhere: theirs.reduce((n, r) => n + r.bytesHashed, 0),
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/cache.js















/** From this many files on, a directory checked out where nothing exists yet is built in bulk. */
const bulkCheckoutThreshold = 256;
/** Files up to this size are read whole: one read beats a streamed copy for the many-small-files case. */
const smallFileLimit = 4 * 1024 * 1024;
function statOf(path) {
    return (0,external_node_fs_.statSync)(path);
}
/** Names a corrupt object, where it was found, and what its bytes hash to. */
function corruptObject(oid, actual, where) {
    return new errors/* MlopsError */.IC("hash-mismatch", `object ${oid} in ${where} is corrupt: its content hashes to ${actual}`, {
        field: oid,
        expected: digestOf(oid),
        got: actual,
        hint: "run `mlops data verify --repair` to drop corrupt objects, then `mlops data pull` to fetch good copies",
    });
}
/**
 * The content-addressed store under `.mlops/cache`: every object lives at `sha256/ab/cdef…`, is
 * written through a temp file and a rename, and is hashed again whenever it is read back out.
 */
class Cache {
    root;
    madeDirs = new Set();
    objectsDir;
    constructor(root) {
        this.root = root;
        this.objectsDir = (0,external_node_path_.join)(root, "sha256");
    }
    pathOf(oid) {
        return objectPathIn(this.objectsDir, oid);
    }
    has(oid) {
        return (0,external_node_fs_.existsSync)(this.pathOf(oid));
    }
    ensureDirSync(dir) {
        if (this.madeDirs.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
    /** Writes bytes already known to hash to `oid`; a no-op when the object exists. */
    putBytesSync(oid, bytes) {
        const target = this.pathOf(oid);
        if ((0,external_node_fs_.existsSync)(target))
            return;
        this.ensureDirSync((0,external_node_path_.dirname)(target));
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            (0,external_node_fs_.writeFileSync)(temp, bytes, { flag: "wx" });
            (0,external_node_fs_.renameSync)(temp, target);
        }
        catch (err) {
            (0,external_node_fs_.rmSync)(temp, { force: true });
            throw err;
        }
    }
    addBytes(bytes) {
        const sha256 = hashBytes(bytes);
        this.putBytesSync(sha256, bytes);
        return { sha256, size: bytes.byteLength };
    }
    /**
     * Stores one file. The index is asked first, so an unchanged file that is already stored costs
     * one stat; a new file is copied and hashed in a single pass.
     */
    async addFile(path, index) {
        const before = statOf(path);
        const known = index?.lookup(path, before);
        if (known && this.has(known))
            return { sha256: known, size: Number(before.size), hashed: false };
        let digest;
        if (before.size <= smallFileLimit) {
            const bytes = (0,external_node_fs_.readFileSync)(path);
            digest = { sha256: hashBytes(bytes), size: bytes.byteLength };
            this.putBytesSync(digest.sha256, bytes);
        }
        else {
            digest = await this.copyInHashing(path);
        }
        index?.record(path, before, digest.sha256);
        return { ...digest, hashed: true };
    }
    async copyInHashing(path, expected) {
        const scratch = (0,external_node_path_.join)(this.root, "sha256", ".incoming");
        await (0,promises_.mkdir)(scratch, { recursive: true });
        const temp = (0,files/* tempPathFor */.FD)((0,external_node_path_.join)(scratch, "object"));
        try {
            const digest = await copyHashing(path, temp);
            if (expected !== undefined && digest.sha256 !== expected) {
                throw corruptObject(expected, digest.sha256, path);
            }
            const target = this.pathOf(digest.sha256);
            if ((0,external_node_fs_.existsSync)(target)) {
                await (0,promises_.rm)(temp, { force: true });
            }
            else {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
                await (0,promises_.rename)(temp, target);
            }
            return digest;
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
    }
    /**
     * Moves a file that was written elsewhere (a download) into the store after checking its bytes
     * hash to `oid`; a mismatch deletes it and names the object and where it came from.
     */
    async adoptVerified(oid, tempFile, origin) {
        const digest = (await hashFile(tempFile)).sha256;
        const actual = isDirId(oid) ? `${digest}.dir` : digest;
        if (actual !== oid) {
            await (0,promises_.rm)(tempFile, { force: true });
            throw corruptObject(oid, actual.replace(/\.dir$/, ""), origin);
        }
        const target = this.pathOf(oid);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.rename)(tempFile, target);
    }
    /**
     * Stores downloaded bytes after checking they hash to `oid` (temp file + rename, so the object
     * appears whole or not at all); a mismatch stores nothing and names the object and its origin.
     */
    async adoptVerifiedBytes(oid, bytes, origin) {
        const digest = hashBytes(bytes);
        if (digest !== digestOf(oid))
            throw corruptObject(oid, digest, origin);
        const target = this.pathOf(oid);
        const dir = (0,external_node_path_.dirname)(target);
        if (!this.madeDirs.has(dir)) {
            await (0,promises_.mkdir)(dir, { recursive: true });
            this.madeDirs.add(dir);
        }
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            await (0,promises_.writeFile)(temp, bytes, { flag: "wx" });
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
    }
    /** Reads a small object once and checks it, for a push that sends the same bytes it verified. */
    async readForPush(oid) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.pathOf(oid));
        }
        catch (err) {
            if (err.code === "ENOENT")
                return undefined;
            throw err;
        }
        return this.checkedForPush(oid, bytes);
    }
    /**
     * `readForPush` for an object known to be small: a blocking read of a few KiB costs a few
     * microseconds, the promise and thread-pool round trips of four async calls cost more than that.
     */
    readSmallForPush(oid) {
        let bytes;
        try {
            bytes = (0,external_node_fs_.readFileSync)(this.pathOf(oid));
        }
        catch (err) {
            if (err.code === "ENOENT")
                return undefined;
            throw err;
        }
        return this.checkedForPush(oid, bytes);
    }
    checkedForPush(oid, bytes) {
        const digest = hashBytes(bytes);
        if (digest !== digestOf(oid))
            throw corruptInCache(oid, digest);
        return bytes;
    }
    scratchReady = false;
    /** A scratch file name inside the store's file system, for downloads. */
    async scratchPath(oid) {
        const scratch = (0,external_node_path_.join)(this.root, "sha256", ".incoming");
        if (!this.scratchReady) {
            await (0,promises_.mkdir)(scratch, { recursive: true });
            this.scratchReady = true;
        }
        return (0,files/* tempPathFor */.FD)((0,external_node_path_.join)(scratch, oid));
    }
    /** Hashes (where the index cannot vouch) and stores every file of a tree, then its listing. */
    async addDirectory(dir, index, logger = log/* silentLogger */.qq) {
        return this.digestTree(dir, index, logger, true);
    }
    /** The tree's id as `addDirectory` would compute it, without writing to the store. */
    async statusOfDirectory(dir, index, logger = log/* silentLogger */.qq) {
        return this.digestTree(dir, index, logger, false);
    }
    async digestTree(dir, index, logger, store) {
        const known = index.knownFileCount(dir);
        const tree = await scanTree(dir, known === undefined ? {} : { expectedFiles: known });
        const { fingerprint } = tree;
        const memo = index.lookupTree(dir, fingerprint);
        // Same paths, sizes, mtimes and inodes as when the tree was last hashed: same id, nothing to read.
        if (memo && (!store || this.has(memo.oid))) {
            return { oid: memo.oid, size: memo.size, nfiles: memo.nfiles, hashed: 0 };
        }
        const { relpaths } = tree;
        const entries = [];
        let hashed = 0;
        let size = 0;
        const progress = logger.progress(store ? `adding ${dir}` : `checking ${dir}`, relpaths.length);
        // New small files are stored in bulk first (on two threads when there are many); the loop below
        // then only assembles the listing.
        const stored = new Map();
        if (store) {
            const fresh = [];
            for (const [i, relpath] of relpaths.entries()) {
                const st = statAt(tree, i);
                if (st && st.size <= smallFileLimit && index.lookup(`${dir}/${relpath}`, st) === undefined)
                    fresh.push(i);
            }
            const result = await storeManySmallFiles(this.root, fresh.map((i) => `${dir}/${relpaths[i]}`), (path) => {
                const bytes = (0,external_node_fs_.readFileSync)(path);
                const sha256 = hashBytes(bytes);
                this.putBytesSync(sha256, bytes);
                return sha256;
            });
            hashStats.filesHashed += result.filesElsewhere;
            hashStats.bytesHashed += result.bytesElsewhere;
            for (const [k, i] of fresh.entries())
                stored.set(i, result.shas[k]);
        }
        try {
            for (const [i, relpath] of relpaths.entries()) {
                const abs = `${dir}/${relpath}`;
                const st = statAt(tree, i);
                if (st === undefined) {
                    throw new errors/* MlopsError */.IC("conflict", `${abs} disappeared while ${dir} was being read`, {
                        hint: "run again once nothing else is writing to it",
                    });
                }
                const storedNow = stored.get(i);
                let sha256 = storedNow ?? index.lookup(abs, st);
                if (storedNow !== undefined) {
                    hashed += 1;
                    index.record(abs, st, storedNow);
                }
                else if (sha256 === undefined) {
                    hashed += 1;
                    if (st.size <= smallFileLimit) {
                        const bytes = (0,external_node_fs_.readFileSync)(abs);
                        sha256 = hashBytes(bytes);
                        if (store)
                            this.putBytesSync(sha256, bytes);
                    }
                    else {
                        sha256 = store ? (await this.copyInHashing(abs)).sha256 : (await hashFile(abs)).sha256;
                    }
                    index.record(abs, st, sha256);
                }
                else if (store && !this.has(sha256)) {
                    await this.addFile(abs);
                }
                if (sha256 === undefined)
                    throw new errors/* MlopsError */.IC("internal", `no hash for ${abs}`);
                entries.push({ relpath, sha256, size: Number(st.size) });
                size += Number(st.size);
                progress.tick();
            }
        }
        finally {
            progress.done();
        }
        // Entries were built with keys in listing order, so sorting them is all canonical form needs.
        sortEntries(entries);
        const listing = Buffer.from(JSON.stringify(entries));
        const oid = listingId(listing);
        // The listing goes in last: its presence promises that every file it names is stored too.
        if (store)
            this.putBytesSync(oid, listing);
        index.recordTree(dir, { fingerprint, oid, size, nfiles: entries.length });
        return { oid, size, nfiles: entries.length, hashed };
    }
    /** A single file's digest, read only when the index cannot vouch for it. */
    async statusOfFile(path, index) {
        const st = statOf(path);
        const known = index.lookup(path, st);
        if (known)
            return { sha256: known, size: Number(st.size), hashed: false };
        const digest = await hashFile(path);
        index.record(path, st, digest.sha256);
        return { ...digest, hashed: true };
    }
    /** The object's bytes, refused unless they hash to its id. */
    async readVerified(oid) {
        const bytes = await (0,promises_.readFile)(this.pathOf(oid)).catch((err) => {
            if (err.code === "ENOENT")
                throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache`, { field: oid });
            throw err;
        });
        const actual = hashBytes(bytes);
        if (actual !== digestOf(oid))
            throw corruptObject(oid, actual, "the cache");
        return bytes;
    }
    async readDirListing(oid) {
        return parseListing(await this.readVerified(oid), oid);
    }
    /** Hashes the stored object again. */
    async verify(oid) {
        const path = this.pathOf(oid);
        if (!(0,external_node_fs_.existsSync)(path))
            return { ok: false, missing: true };
        const { sha256 } = await hashFile(path);
        return sha256 === digestOf(oid) ? { ok: true } : { ok: false, actual: sha256 };
    }
    /**
     * Copies an object out to `dest`, verifying the bytes on the way; `dest` appears whole or not at all.
     * With `within` (the repository root), a destination whose real path leaves it is refused first.
     */
    async checkoutFile(oid, dest, index, within) {
        if (within !== undefined)
            assertWriteInside(within, dest);
        const source = this.pathOf(oid);
        if (!(0,external_node_fs_.existsSync)(source)) {
            throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache`, {
                field: oid,
                hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
            });
        }
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
        const temp = (0,files/* tempPathFor */.FD)(dest);
        try {
            const size = (await (0,promises_.stat)(source)).size;
            let actual;
            if (size <= smallFileLimit) {
                const bytes = (0,external_node_fs_.readFileSync)(source);
                actual = hashBytes(bytes);
                if (actual === oid)
                    (0,external_node_fs_.writeFileSync)(temp, bytes, { flag: "wx" });
            }
            else {
                actual = (await copyHashing(source, temp)).sha256;
            }
            if (actual !== oid)
                throw corruptObject(oid, actual, "the cache");
            await (0,promises_.rename)(temp, dest);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
        index?.record(dest, statOf(dest), oid);
    }
    /**
     * Makes `destDir` hold exactly the tree `oid` names: files already matching (by the index or by
     * hash) stay, others are written verified, and files not in the listing are removed.
     */
    async checkoutDirectory(oid, destDir, index, logger = log/* silentLogger */.qq, within) {
        const entries = await this.readDirListing(oid);
        // The directory itself first: a symlink to elsewhere would have its files removed and replaced.
        if (within !== undefined)
            assertWriteInside(within, destDir);
        if (entries.length >= bulkCheckoutThreshold && !(0,external_node_fs_.existsSync)(destDir)) {
            return this.checkoutFreshDirectory(entries, destDir, index, logger);
        }
        const wanted = new Set(entries.map((e) => e.relpath));
        const result = { written: 0, unchanged: 0, removed: 0 };
        const present = (0,external_node_fs_.existsSync)(destDir) ? walkFiles(destDir) : [];
        for (const relpath of present) {
            if (!wanted.has(relpath)) {
                await (0,promises_.rm)((0,external_node_path_.join)(destDir, relpath), { force: true });
                result.removed += 1;
            }
        }
        const progress = logger.progress(`checking out ${destDir}`, entries.length);
        try {
            for (const entry of entries) {
                const dest = (0,external_node_path_.join)(destDir, entry.relpath);
                if ((0,external_node_fs_.existsSync)(dest) && index.lookup(dest, statOf(dest)) === entry.sha256) {
                    result.unchanged += 1;
                }
                else {
                    await this.checkoutFile(entry.sha256, dest, index, within);
                    result.written += 1;
                }
                progress.tick();
            }
        }
        finally {
            progress.done();
        }
        return result;
    }
    /**
     * Builds a tree that does not exist yet inside a temp directory beside it and renames that into
     * place once every file is in and verified: the tree appears whole or not at all, so its files need
     * no temp name and rename each, and nothing inside it can be a symbolic link leading elsewhere.
     */
    async checkoutFreshDirectory(entries, destDir, index, logger) {
        const temp = (0,files/* tempPathFor */.FD)(destDir);
        const progress = logger.progress(`checking out ${destDir}`, entries.length);
        const small = entries.filter((e) => e.size <= smallFileLimit);
        const large = entries.filter((e) => e.size > smallFileLimit);
        let stats;
        try {
            await (0,promises_.mkdir)(temp, { recursive: true });
            const outcome = await copyVerifiedMany(small.map((e) => ({ src: this.pathOf(e.sha256), dest: (0,external_node_path_.join)(temp, e.relpath), sha256: e.sha256 })), { atomic: false, stats: true });
            const failed = outcome.failure;
            if (failed) {
                const oid = small[failed.index].sha256;
                if (failed.kind === "corrupt")
                    throw corruptObject(oid, failed.actual ?? "", "the cache");
                if (failed.kind === "missing") {
                    throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache`, {
                        field: oid,
                        hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
                    });
                }
                throw new errors/* MlopsError */.IC("internal", `could not check ${oid} out into ${destDir}: ${failed.message}`, {
                    field: oid,
                });
            }
            stats = outcome.stats;
            progress.tick(small.length);
            for (const entry of large) {
                await this.checkoutFile(entry.sha256, (0,external_node_path_.join)(temp, entry.relpath));
                progress.tick();
            }
            await (0,promises_.rename)(temp, destDir);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { recursive: true, force: true });
            throw err;
        }
        finally {
            progress.done();
        }
        // The rename kept every file's inode and mtime, so what the copy measured is what the index keys on.
        for (const [i, entry] of small.entries()) {
            const at = i * 3;
            const st = { size: stats?.[at] ?? 0, mtimeMs: stats?.[at + 1] ?? 0, ino: stats?.[at + 2] ?? 0 };
            index.record((0,external_node_path_.join)(destDir, entry.relpath), st, entry.sha256);
        }
        for (const entry of large) {
            const dest = (0,external_node_path_.join)(destDir, entry.relpath);
            index.record(dest, statOf(dest), entry.sha256);
        }
        return { written: entries.length, unchanged: 0, removed: 0 };
    }
    /** Every object in the store (temp files and scratch space are not objects). */
    listObjects() {
        const base = (0,external_node_path_.join)(this.root, "sha256");
        if (!(0,external_node_fs_.existsSync)(base))
            return [];
        const out = [];
        for (const prefix of (0,external_node_fs_.readdirSync)(base)) {
            if (!/^[0-9a-f]{2}$/.test(prefix))
                continue;
            for (const rest of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(base, prefix))) {
                if ((0,files/* isTempName */.Gs)(rest))
                    continue;
                const oid = prefix + rest;
                if (isObjectId(oid))
                    out.push(oid);
            }
        }
        return out.sort();
    }
    async remove(oid) {
        await (0,promises_.rm)(this.pathOf(oid), { force: true });
    }
    /** Leftovers of killed writes: temp files are never objects, so removing them is always safe. */
    async removeLeftovers() {
        const base = (0,external_node_path_.join)(this.root, "sha256");
        if (!(0,external_node_fs_.existsSync)(base))
            return 0;
        let removed = 0;
        for (const sub of (0,external_node_fs_.readdirSync)(base)) {
            const dir = (0,external_node_path_.join)(base, sub);
            // A fan-out directory a killed bulk copy was filling under a temp name (copy-many.ts).
            if ((0,files/* isTempName */.Gs)(sub)) {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
                removed += 1;
                continue;
            }
            for (const name of (0,external_node_fs_.readdirSync)(dir)) {
                if ((0,files/* isTempName */.Gs)(name)) {
                    await (0,promises_.rm)((0,external_node_path_.join)(dir, name), { force: true });
                    removed += 1;
                }
            }
        }
        return removed;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var git = __webpack_require__(1865);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/record-path.js

/** Record paths are the one shape the run cache writes (`runs/ab/<key>.json`); anything else is a bug. */
function checkRecordPath(relPath) {
    if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(relPath)) {
        throw new errors/* MlopsError */.IC("internal", `not a record path: ${relPath}`);
    }
    return relPath;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/git-branch-remote.js












const gitBranchScheme = "git-branch:";
/**
 * GitHub refuses a push holding a file over 100 MiB
 * (https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github),
 * so such an object is refused before anything is sent. `MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES` lowers
 * (or, for a git server without that rule, raises) it.
 */
const defaultMaxObjectBytes = 100 * 1024 * 1024;
/** GitHub refuses a push over 2 GiB; objects are split across commits well below that. */
const maxBatchBytes = 1024 * 1024 * 1024;
/** A racing writer makes our push non-fast-forward; each retry starts from the tip it pushed. */
const maxPushAttempts = 6;
const tipRef = "refs/mlops/tip";
const emptyBlobLine = "0 0000000000000000000000000000000000000000";
const identity = {
    GIT_AUTHOR_NAME: "mlops",
    GIT_AUTHOR_EMAIL: "mlops@localhost",
    GIT_COMMITTER_NAME: "mlops",
    GIT_COMMITTER_EMAIL: "mlops@localhost",
};
/**
 * `git-branch:BRANCH` (a branch of the repository's `origin`) or `git-branch:BRANCH@GIT-URL` (a
 * branch of any git URL or path; a relative path is taken from the repository root). BRANCH cannot
 * contain `@`, so the first `@` always ends it.
 */
function parseGitBranchUrl(name, url, repoRoot) {
    const rest = url.slice(gitBranchScheme.length);
    const at = rest.indexOf("@");
    const branch = at < 0 ? rest : rest.slice(0, at);
    const location = at < 0 ? undefined : rest.slice(at + 1);
    if (!isPlainBranchName(branch) || location === "") {
        const expected = "git-branch:BRANCH or git-branch:BRANCH@GIT-URL, BRANCH made of letters, digits, '.', '_', '-' and '/'";
        throw new errors/* MlopsError */.IC("usage", `remote '${name}': '${url}' is not a git-branch remote: expected ${expected}`, {
            field: `remotes.${name}.url`,
            expected,
            got: url,
        });
    }
    return { branch, gitUrl: location === undefined ? undefined : absoluteGitUrl(location, repoRoot) };
}
/** A safe subset of git's ref-name rules: enough for an objects branch, and never an option. */
function isPlainBranchName(branch) {
    return (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) &&
        !branch.includes("..") &&
        !branch.includes("//") &&
        !branch.endsWith("/") &&
        !branch.endsWith(".") &&
        !branch.endsWith(".lock"));
}
/** URLs (`scheme://`, scp-like `user@host:path`) pass unchanged; a path is made absolute. */
function absoluteGitUrl(location, base) {
    if (location.includes("://") || /^[^/]+:/.test(location))
        return location;
    return (0,external_node_path_.isAbsolute)(location) ? location : (0,external_node_path_.resolve)(base, location);
}
function openGitBranchRemote(spec, repoRoot, env) {
    const { branch, gitUrl } = parseGitBranchUrl(spec.name, spec.url, repoRoot);
    const limitText = env.MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES?.trim();
    const maxObjectBytes = limitText ? Number(limitText) : defaultMaxObjectBytes;
    if (!Number.isSafeInteger(maxObjectBytes) || maxObjectBytes < 1) {
        throw new errors/* MlopsError */.IC("usage", "MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES must be a positive whole number of bytes", {
            got: limitText,
        });
    }
    const token = env.MLOPS_GIT_TOKEN || env.GITHUB_TOKEN || undefined;
    return new GitBranchRemote(spec.name, spec.url, {
        branch,
        gitUrl,
        repoRoot,
        mirrorDir: (0,external_node_path_.join)((0,repo.repoLayout)(repoRoot).stateDir, "git-branch", `${spec.name}.git`),
        maxObjectBytes,
        ...(token ? { token } : {}),
    });
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} bytes`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
/** The cache's layout with git's separators, whatever the platform's. */
function objectPath(oid) {
    return `sha256/${oid.slice(0, 2)}/${oid.slice(2)}`;
}
/**
 * Objects kept as files on a dedicated orphan branch of a git repository, laid out like the cache,
 * run-cache records at their record paths. Reachable with nothing but a workflow token that may push
 * (contents: write), and `actions/checkout` fetches only the ref it checks out, so clones of the
 * project never download it.
 *
 * Writes are staged in a private bare mirror and published by `flush()` as one commit on top of the
 * fetched tip; a racing writer makes that push non-fast-forward, and the loser fetches, re-applies
 * its changes to the new tip and pushes again.
 */
class GitBranchRemote {
    name;
    url;
    settings;
    snapshotPromise;
    mirrorPromise;
    targetPromise;
    staged = new Map();
    flushing = Promise.resolve();
    constructor(name, url, settings) {
        this.name = name;
        this.url = url;
        this.settings = settings;
    }
    async has(oids) {
        const snapshot = await this.snapshot();
        return new Set(oids.filter((oid) => this.blobAt(snapshot, objectPath(oid)) !== undefined));
    }
    async list() {
        const snapshot = await this.snapshot();
        const paths = new Set([...snapshot.files.keys(), ...this.staged.keys()]);
        const out = [];
        for (const path of paths) {
            const match = /^sha256\/([0-9a-f]{2})\/([^/]+)$/.exec(path);
            if (!match)
                continue;
            const oid = `${match[1]}${match[2]}`;
            if (isObjectId(oid) && this.blobAt(snapshot, path) !== undefined)
                out.push(oid);
        }
        return out.sort();
    }
    async upload(oid, srcPath) {
        const { size } = await (0,promises_.stat)(srcPath);
        if (size > this.settings.maxObjectBytes) {
            throw new errors/* MlopsError */.IC("refused", `object ${oid} is ${formatSize(size)}, over the ${formatSize(this.settings.maxObjectBytes)} a file may have on the git-branch remote '${this.name}' (GitHub refuses pushes of files over 100 MiB)`, {
                field: oid,
                hint: "keep large data on a directory remote (`mlops remote add NAME PATH --default`); MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES sets this limit for other git servers",
            });
        }
        const mirror = await this.mirror();
        const blob = (await (0,git/* git */.$Y)(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--", srcPath], { cwd: mirror })).trim();
        this.staged.set(objectPath(oid), { blob, size });
    }
    /**
     * Hashes many objects into the mirror with one `git hash-object --stdin-paths` instead of a
     * process each; staged like `upload`, so nothing is visible before `flush`.
     */
    async uploadMany(items) {
        const batch = [];
        for (const { oid, srcPath } of items) {
            const { size } = await (0,promises_.stat)(srcPath);
            // The one-object path refuses an object over the limit, saying why; and a path holding a
            // newline cannot go on a line of --stdin-paths.
            if (size > this.settings.maxObjectBytes || srcPath.includes("\n"))
                await this.upload(oid, srcPath);
            else
                batch.push({ oid, srcPath, size });
        }
        if (batch.length === 0)
            return;
        const mirror = await this.mirror();
        const out = await (0,git/* git */.$Y)(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--stdin-paths"], {
            cwd: mirror,
            input: Buffer.from(`${batch.map((i) => i.srcPath).join("\n")}\n`),
        });
        const blobs = out.split("\n").filter((line) => line !== "");
        if (blobs.length !== batch.length) {
            throw new errors/* MlopsError */.IC("remote", `git hash-object answered ${blobs.length} ids for ${batch.length} objects on remote '${this.name}'`);
        }
        for (const [i, { oid, size }] of batch.entries()) {
            this.staged.set(objectPath(oid), { blob: blobs[i], size });
        }
    }
    /** Many small objects' bytes through one `git cat-file --batch`; the caller verifies each. */
    async downloadManyBytes(oids) {
        const snapshot = await this.snapshot();
        const blobs = oids.map((oid) => {
            const blob = this.blobAt(snapshot, objectPath(oid));
            if (blob === undefined) {
                throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
                    field: oid,
                });
            }
            return blob;
        });
        const mirror = await this.mirror();
        const contents = await (0,git/* readBlobs */.b4)(mirror, blobs);
        const out = new Map();
        for (const [i, oid] of oids.entries()) {
            const bytes = contents.get(blobs[i]);
            if (bytes === undefined) {
                throw new errors/* MlopsError */.IC("remote", `object ${oid} could not be read from remote '${this.name}' (${this.url})`, {
                    field: oid,
                });
            }
            out.set(oid, bytes);
        }
        return out;
    }
    async download(oid, destPath) {
        const blob = this.blobAt(await this.snapshot(), objectPath(oid));
        if (blob === undefined) {
            throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
                field: oid,
            });
        }
        await this.catBlobToFile(blob, destPath, oid);
    }
    async remove(oid) {
        const path = objectPath(oid);
        const snapshot = await this.snapshot();
        if (snapshot.files.has(path))
            this.staged.set(path, null);
        else
            this.staged.delete(path);
    }
    async readRecord(relPath) {
        const blob = this.blobAt(await this.snapshot(), checkRecordPath(relPath));
        if (blob === undefined)
            return undefined;
        const mirror = await this.mirror();
        return (await (0,git/* gitRaw */.Pm)(["--git-dir", mirror, "cat-file", "blob", blob], { cwd: mirror })).stdout;
    }
    async writeRecord(relPath, bytes) {
        const path = checkRecordPath(relPath);
        const snapshot = await this.snapshot();
        const mirror = await this.mirror();
        const blob = (await (0,git/* git */.$Y)(["--git-dir", mirror, "hash-object", "-w", "--stdin"], {
            cwd: mirror,
            input: Buffer.from(bytes),
        })).trim();
        // An unchanged record stages nothing, so pushing the same runs again makes no commit.
        if (this.blobAt(snapshot, path) === blob)
            return;
        this.staged.set(path, { blob, size: bytes.byteLength });
    }
    /** Publishes everything staged: one commit per batch (usually one in all), none when nothing changed. */
    flush() {
        const next = this.flushing.then(() => this.flushStaged());
        this.flushing = next.catch(() => { });
        return next;
    }
    async flushStaged() {
        for (const batch of this.batches())
            await this.publish(batch);
    }
    /**
     * Removals first, then objects in the order they were staged, records last: a run-cache record
     * never lands in a commit before the outputs it names.
     */
    batches() {
        const changes = [...this.staged.entries()];
        const ordered = [
            ...changes.filter(([, change]) => change === null),
            ...changes.filter(([path, change]) => change !== null && path.startsWith("sha256/")),
            ...changes.filter(([path, change]) => change !== null && !path.startsWith("sha256/")),
        ];
        const out = [];
        let current = [];
        let bytes = 0;
        for (const entry of ordered) {
            const size = entry[1]?.size ?? 0;
            if (current.length > 0 && bytes + size > maxBatchBytes) {
                out.push(current);
                current = [];
                bytes = 0;
            }
            current.push(entry);
            bytes += size;
        }
        if (current.length > 0)
            out.push(current);
        return out;
    }
    async publish(changes) {
        const mirror = await this.mirror();
        const { url, env } = await this.target();
        let lastRefusal = "";
        for (let attempt = 1; attempt <= maxPushAttempts; attempt++) {
            const base = await this.snapshot();
            const tree = await this.buildTree(base, changes);
            if (tree === base.tree) {
                // Everything is already there (someone pushed the same objects): nothing to commit.
                this.settle(changes, base, base.commit, tree);
                return;
            }
            const commit = (await (0,git/* git */.$Y)(["--git-dir", mirror, "commit-tree", tree, ...(base.commit ? ["-p", base.commit] : [])], {
                cwd: mirror,
                input: commitMessage(changes),
                env: identity,
            })).trim();
            const result = await (0,git/* gitCapture */.RL)(["--git-dir", mirror, "push", "--porcelain", url, `${commit}:refs/heads/${this.settings.branch}`], { cwd: mirror, env });
            if (result.code === 0) {
                await (0,git/* git */.$Y)(["--git-dir", mirror, "update-ref", tipRef, commit], { cwd: mirror });
                this.settle(changes, base, commit, tree);
                return;
            }
            const refusal = result.stdout.split("\n").find((line) => line.startsWith("!"));
            if (!refusal ||
                !/fetch first|non-fast-forward|stale info|failed to (update|lock)|cannot lock|expected/.test(refusal)) {
                throw new errors/* MlopsError */.IC("remote", `could not push to branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${(0,git/* gitStderrTail */.jP)(refusal ?? result.stderr)}`, {
                    hint: this.settings.token
                        ? "check that the token may push (a workflow needs `permissions: contents: write`)"
                        : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
                });
            }
            lastRefusal = refusal;
            // Someone else moved the branch: take their tip and re-apply our changes on top of it.
            this.snapshotPromise = this.fetchSnapshot();
            await (0,external_node_timers_promises_.setTimeout)(50 * attempt + Math.floor(Math.random() * 100));
        }
        throw new errors/* MlopsError */.IC("conflict", `could not push to branch '${this.settings.branch}' for remote '${this.name}': it kept moving (${maxPushAttempts} attempts; last: ${lastRefusal.trim()})`, { hint: "run the push again" });
    }
    /** After a publish: the branch now holds these changes, so they are no longer staged. */
    settle(changes, base, commit, tree) {
        const files = new Map(base.files);
        for (const [path, change] of changes) {
            if (change === null)
                files.delete(path);
            else
                files.set(path, change.blob);
            if (this.staged.get(path) === change)
                this.staged.delete(path);
        }
        this.snapshotPromise = Promise.resolve({ commit, tree, files });
    }
    /** Applies `changes` to `base`'s tree in a private index, so the staging never touches a work tree. */
    async buildTree(base, changes) {
        const mirror = await this.mirror();
        const index = (0,external_node_path_.join)(mirror, `mlops-index-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
        const env = { GIT_INDEX_FILE: index };
        try {
            await (0,git/* git */.$Y)(["--git-dir", mirror, "read-tree", ...(base.tree ? [base.tree] : ["--empty"])], {
                cwd: mirror,
                env,
            });
            const lines = changes.map(([path, change]) => change === null ? `${emptyBlobLine}\t${path}` : `100644 blob ${change.blob}\t${path}`);
            await (0,git/* git */.$Y)(["--git-dir", mirror, "update-index", "--index-info"], {
                cwd: mirror,
                env,
                input: `${lines.join("\n")}\n`,
            });
            return (await (0,git/* git */.$Y)(["--git-dir", mirror, "write-tree"], { cwd: mirror, env })).trim();
        }
        finally {
            await (0,promises_.rm)(index, { force: true });
        }
    }
    blobAt(snapshot, path) {
        if (this.staged.has(path))
            return this.staged.get(path)?.blob;
        return snapshot.files.get(path);
    }
    snapshot() {
        this.snapshotPromise ??= this.fetchSnapshot();
        return this.snapshotPromise;
    }
    /** Fetches only the branch's tip (depth 1: old commits hold nothing the tip lacks but removed objects). */
    async fetchSnapshot() {
        // The committed config names origin's branch; a clone with no origin (a scratch copy, a git
        // worktree) has had nothing pushed, so it reads as empty, and pull falls back to each dataset's
        // recorded source. Writing still needs the origin (publish asks for its URL and says so).
        if (this.settings.gitUrl === undefined && !(await this.hasOrigin())) {
            return { commit: undefined, tree: undefined, files: new Map() };
        }
        const mirror = await this.mirror();
        const { url, env } = await this.target();
        const fetched = await (0,git/* gitCapture */.RL)([
            "--git-dir",
            mirror,
            "fetch",
            "--quiet",
            "--no-tags",
            "--depth=1",
            url,
            `+refs/heads/${this.settings.branch}:${tipRef}`,
        ], { cwd: mirror, env });
        if (fetched.code !== 0) {
            if (/couldn't find remote ref/i.test(fetched.stderr)) {
                // No branch yet: the first flush creates it as an orphan.
                await (0,git/* gitRaw */.Pm)(["--git-dir", mirror, "update-ref", "-d", tipRef], { cwd: mirror, okCodes: [1] });
                return { commit: undefined, tree: undefined, files: new Map() };
            }
            throw new errors/* MlopsError */.IC("remote", `could not fetch branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${(0,git/* gitStderrTail */.jP)(fetched.stderr)}`, {
                hint: this.settings.token
                    ? "check the token and the repository URL"
                    : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
            });
        }
        const commit = (await (0,git/* git */.$Y)(["--git-dir", mirror, "rev-parse", `${tipRef}^{commit}`], { cwd: mirror })).trim();
        const tree = (await (0,git/* git */.$Y)(["--git-dir", mirror, "rev-parse", `${commit}^{tree}`], { cwd: mirror })).trim();
        const listing = await (0,git/* git */.$Y)(["--git-dir", mirror, "ls-tree", "-r", "-z", "--full-tree", tree], {
            cwd: mirror,
        });
        const files = new Map();
        for (const record of listing.split("\0")) {
            const tab = record.indexOf("\t");
            if (tab < 0)
                continue;
            const [, type, blob] = record.slice(0, tab).split(" ");
            if (type === "blob" && blob)
                files.set(record.slice(tab + 1), blob);
        }
        return { commit, tree, files };
    }
    mirror() {
        this.mirrorPromise ??= (async () => {
            const dir = this.settings.mirrorDir;
            if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, "HEAD"))) {
                await (0,promises_.mkdir)(dir, { recursive: true });
                await (0,git/* git */.$Y)(["init", "--quiet", "--bare", dir], { cwd: dir });
            }
            return dir;
        })();
        return this.mirrorPromise;
    }
    /**
     * The URL and the environment to reach it with. A token (MLOPS_GIT_TOKEN / GITHUB_TOKEN) goes the
     * registry's way; without one, the mirror borrows the work tree's `http.*.extraheader` settings,
     * which is where `actions/checkout` keeps the workflow token, since the mirror has no config of its own.
     */
    target() {
        this.targetPromise ??= (async () => {
            const url = this.settings.gitUrl ?? (await this.originUrl());
            const isHttp = /^https?:\/\//i.test(url);
            if (this.settings.token && isHttp)
                return { url, env: (0,git/* remoteEnv */._D)({ remote: url, token: this.settings.token }) };
            const env = { ...(0,git/* remoteEnv */._D)({ remote: url }), ...(await this.borrowedHeaders()) };
            return { url, env };
        })();
        return this.targetPromise;
    }
    async hasOrigin() {
        const result = await (0,git/* gitCapture */.RL)(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
        return result.code === 0 && result.stdout.trim() !== "";
    }
    async originUrl() {
        const result = await (0,git/* gitCapture */.RL)(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
        const url = result.stdout.trim();
        if (result.code !== 0 || !url) {
            throw new errors/* MlopsError */.IC("not-found", `remote '${this.name}' (${this.url}) uses the repository's 'origin', and ${this.settings.repoRoot} has none`, { hint: `name the repository: git-branch:${this.settings.branch}@URL` });
        }
        return absoluteGitUrl(url, this.settings.repoRoot);
    }
    async borrowedHeaders() {
        const result = await (0,git/* gitRaw */.Pm)(["config", "--local", "--includes", "--null", "--get-regexp", "^http\\..*extraheader$"], { cwd: this.settings.repoRoot, okCodes: [1, 128] });
        if (result.code !== 0)
            return {};
        const env = {};
        let count = 0;
        for (const item of result.stdout.toString("utf8").split("\0")) {
            const newline = item.indexOf("\n");
            if (newline < 0)
                continue;
            env[`GIT_CONFIG_KEY_${count}`] = item.slice(0, newline);
            env[`GIT_CONFIG_VALUE_${count}`] = item.slice(newline + 1);
            count++;
        }
        if (count > 0)
            env.GIT_CONFIG_COUNT = String(count);
        return env;
    }
    /** Credentials never belong in a message: strip any `user:pass@` from a URL before showing it. */
    describeTarget(url) {
        return url.replace(/\/\/[^/@]*@/, "//");
    }
    /**
     * Streams the blob into `destPath`: objects run to 100 MiB and several download at once, so they
     * are not held in memory as the git wrapper's captured output would be.
     */
    async catBlobToFile(blob, destPath, oid) {
        const mirror = await this.mirror();
        const child = (0,external_node_child_process_.spawn)("git", ["--git-dir", mirror, "cat-file", "blob", blob], {
            cwd: mirror,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => {
            stderr += chunk.toString("utf8");
        });
        const exited = new Promise((resolveExit, reject) => {
            child.on("error", reject);
            child.on("close", (code) => resolveExit(code ?? 1));
        });
        try {
            const [, code] = await Promise.all([(0,external_node_stream_promises_.pipeline)(child.stdout, (0,external_node_fs_.createWriteStream)(destPath)), exited]);
            if (code !== 0)
                throw new Error((0,git/* gitStderrTail */.jP)(stderr));
        }
        catch (err) {
            throw new errors/* MlopsError */.IC("remote", `object ${oid} could not be read from remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
}
function commitMessage(changes) {
    const objects = changes.filter(([path, change]) => change !== null && path.startsWith("sha256/")).length;
    const records = changes.filter(([path, change]) => change !== null && !path.startsWith("sha256/")).length;
    const removed = changes.filter(([, change]) => change === null).length;
    const parts = [
        objects ? `${objects} object(s)` : "",
        records ? `${records} record(s)` : "",
        removed ? `${removed} removal(s)` : "",
    ].filter(Boolean);
    return `mlops: ${parts.join(", ")}\n`;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/remote.js







/** From this many objects on, `has` lists prefix directories instead of looking each object up. */
const listingThreshold = 64;
/** A directory on a local or mounted file system, laid out like the cache. */
class LocalRemote {
    name;
    url;
    root;
    objectsDir;
    constructor(name, url, root) {
        this.name = name;
        this.url = url;
        this.root = root;
        this.objectsDir = (0,external_node_path_.join)(root, "sha256");
    }
    pathOf(oid) {
        return objectPathIn(this.objectsDir, oid);
    }
    localReadPath(oid) {
        return this.pathOf(oid);
    }
    localWritePath(oid) {
        return this.pathOf(oid);
    }
    recordPath(relPath) {
        return (0,external_node_path_.join)(this.root, checkRecordPath(relPath));
    }
    async readRecord(relPath) {
        const path = this.recordPath(relPath);
        return (0,external_node_fs_.existsSync)(path) ? (0,promises_.readFile)(path) : undefined;
    }
    async writeRecord(relPath, bytes) {
        const target = this.recordPath(relPath);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            await (0,promises_.writeFile)(temp, bytes);
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw new errors/* MlopsError */.IC("remote", `could not write ${relPath} to remote '${this.name}' (${this.url})`, {
                cause: err,
            });
        }
    }
    /**
     * Asks the file system once per object for a few, and reads each prefix directory once for many:
     * 10,000 objects spread over at most 256 directories, so a listing costs a fraction of the lookups.
     */
    async has(oids) {
        if (oids.length < listingThreshold)
            return new Set(oids.filter((oid) => (0,external_node_fs_.existsSync)(this.pathOf(oid))));
        const byPrefix = new Map();
        for (const oid of oids) {
            const prefix = oid.slice(0, 2);
            const group = byPrefix.get(prefix);
            if (group)
                group.push(oid);
            else
                byPrefix.set(prefix, [oid]);
        }
        const present = new Set();
        try {
            // Which prefix directories exist, first: a fresh remote answers with one call, not 256
            // that each fail. Synchronous: a few hundred small listings cost less than their promises.
            const base = this.objectsDir;
            const prefixes = new Set((0,external_node_fs_.existsSync)(base) ? (0,external_node_fs_.readdirSync)(base) : []);
            for (const [prefix, group] of byPrefix) {
                if (!prefixes.has(prefix))
                    continue;
                const names = new Set((0,external_node_fs_.readdirSync)((0,external_node_path_.join)(base, prefix)));
                for (const oid of group)
                    if (names.has(oid.slice(2)))
                        present.add(oid);
            }
        }
        catch (err) {
            // Removed meanwhile (a gc): asked again one at a time.
            if (err.code === "ENOENT")
                return new Set(oids.filter((oid) => (0,external_node_fs_.existsSync)(this.pathOf(oid))));
            throw new errors/* MlopsError */.IC("remote", `could not list remote '${this.name}' (${this.url})`, { cause: err });
        }
        return present;
    }
    async list() {
        const base = (0,external_node_path_.join)(this.root, "sha256");
        if (!(0,external_node_fs_.existsSync)(base))
            return [];
        const out = [];
        for (const prefix of (0,external_node_fs_.readdirSync)(base)) {
            if (!/^[0-9a-f]{2}$/.test(prefix))
                continue;
            for (const rest of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(base, prefix))) {
                if (!(0,files/* isTempName */.Gs)(rest) && isObjectId(prefix + rest))
                    out.push(prefix + rest);
            }
        }
        return out.sort();
    }
    madeDirs = new Set();
    async ensureDir(dir) {
        if (this.madeDirs.has(dir))
            return;
        await (0,promises_.mkdir)(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
    async uploadBytes(oid, bytes) {
        await this.place(oid, (temp) => (0,promises_.writeFile)(temp, bytes, { flag: "wx" }));
    }
    /** Writes an object under a temporary name and renames it into place, so it appears whole or not at all. */
    async place(oid, write) {
        const target = this.pathOf(oid);
        await this.ensureDir((0,external_node_path_.dirname)(target));
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            await write(temp);
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw new errors/* MlopsError */.IC("remote", `could not upload ${oid} to remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
    async downloadBytes(oid) {
        try {
            return await (0,promises_.readFile)(this.pathOf(oid));
        }
        catch (err) {
            const missing = err.code === "ENOENT";
            throw new errors/* MlopsError */.IC(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`, { cause: err, field: oid });
        }
    }
    async upload(oid, srcPath) {
        await this.place(oid, (temp) => (0,promises_.copyFile)(srcPath, temp));
    }
    async download(oid, destPath) {
        try {
            await (0,promises_.copyFile)(this.pathOf(oid), destPath);
        }
        catch (err) {
            const missing = err.code === "ENOENT";
            throw new errors/* MlopsError */.IC(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
    async remove(oid) {
        await (0,promises_.rm)(this.pathOf(oid), { force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/s3-client.js

const s3Scheme = "s3://";
/**
 * Bucket names follow S3's rules for new buckets (3–63 characters of lowercase letters, digits,
 * '.' and '-', starting and ending with a letter or digit); the prefix may not climb (`..`) or
 * hold empty segments, so a key is always `prefix + relative path`.
 */
function parseS3Url(url) {
    if (!url.startsWith(s3Scheme))
        return undefined;
    const rest = url.slice(s3Scheme.length);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? "" : rest.slice(slash + 1);
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes(".."))
        return undefined;
    const segments = path.split("/").filter((s, i, all) => !(s === "" && i === all.length - 1));
    if (path !== "" && segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0]/.test(s)))
        return undefined;
    return { bucket, prefix: path === "" ? "" : `${segments.join("/")}/` };
}
const s3UrlExpected = "s3://BUCKET or s3://BUCKET/PREFIX (BUCKET: 3-63 lowercase letters, digits, '.' or '-')";
/**
 * The SDK's own client with its standard credential chain (environment, shared config and
 * profiles, the web-identity token file an OIDC role provides, container and instance metadata):
 * nothing here reads or stores a secret. Loaded on first use so commands that never touch S3 do
 * not pay for the SDK's import.
 */
async function createS3Client(location, options = {}) {
    const { S3Client: Client } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const client = new Client({
        ...(location.region ? { region: location.region } : location.endpoint ? { region: "us-east-1" } : {}),
        ...(location.endpoint ? { endpoint: location.endpoint } : {}),
        forcePathStyle: location.pathStyle === true,
        // The SDK's standard strategy: exponential backoff with jitter on throttling, 5xx and
        // connection errors; client errors (4xx) are not retried.
        maxAttempts: 5,
        // Checksums are sent where we ask for them (ChecksumSHA256 on every upload) rather than the
        // SDK's default CRC32 trailers, which several S3-compatible stores do not understand; downloads
        // are verified against their sha256 by the caller, so the SDK need not hash them again.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        requestHandler: {
            httpAgent: { keepAlive: true, maxSockets: options.maxSockets ?? 64 },
            httpsAgent: { keepAlive: true, maxSockets: options.maxSockets ?? 64 },
        },
        // Each command's middleware chain is built once, not on every request: a tenth of a push of
        // 10,000 small objects went to rebuilding it. Every middleware of ours is added before the
        // first request, so none is missed.
        cacheMiddleware: true,
    });
    // A request that carries its body's SHA-256 as a checksum (every upload here) signs that same
    // digest as its payload hash, instead of the SDK hashing every byte once more to sign it: the
    // server still checks the body against the signature before it keeps anything, and a digest that
    // did not match the body would fail that check.
    client.middlewareStack.add((next) => async (args) => {
        const headers = args.request.headers;
        const checksum = headers?.[sha256ChecksumHeader];
        if (headers && checksum && headers[payloadHashHeader] === undefined)
            headers[payloadHashHeader] = Buffer.from(checksum, "base64").toString("hex");
        return next(args);
    }, { step: "build", name: "mlopsSignTheChecksum" });
    return client;
}
const sha256ChecksumHeader = "x-amz-checksum-sha256";
const payloadHashHeader = "x-amz-content-sha256";
/** The S3 error code of an SDK error (its name for modelled errors, `Code` otherwise). */
function s3ErrorCode(err) {
    const e = err;
    return e?.Code ?? e?.name;
}
function s3Status(err) {
    return err?.$metadata?.httpStatusCode;
}
function isS3NotFound(err) {
    const code = s3ErrorCode(err);
    return code === "NoSuchKey" || code === "NotFound" || (s3Status(err) === 404 && code !== "NoSuchBucket");
}
/**
 * One clear message for what a person can fix (credentials, the bucket, the endpoint), naming the
 * remote; anything else keeps the server's words. Secrets never appear: the SDK's messages name
 * the access key id at most.
 */
function s3Failure(err, what, where, bucket) {
    if (err instanceof errors/* MlopsError */.IC)
        return err;
    const code = s3ErrorCode(err);
    const status = s3Status(err);
    const detail = err?.message ?? String(err);
    if (code === "CredentialsProviderError" || /Could not load credentials/i.test(detail)) {
        return new errors/* MlopsError */.IC("remote", `${where}: no AWS credentials were found while ${what}`, {
            cause: err,
            hint: "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or use an OIDC role (aws-actions/configure-aws-credentials) in a workflow",
        });
    }
    if (code === "InvalidAccessKeyId" ||
        code === "SignatureDoesNotMatch" ||
        code === "InvalidToken" ||
        code === "ExpiredToken") {
        return new errors/* MlopsError */.IC("remote", `${where} refused the credentials (${code}) while ${what}`, {
            cause: err,
            hint: "check the access key and secret (or the role) the AWS SDK picks up: environment, AWS_PROFILE, or the web-identity token",
        });
    }
    if (code === "NoSuchBucket") {
        return new errors/* MlopsError */.IC("not-found", `${where}: the bucket '${bucket}' does not exist`, {
            cause: err,
            hint: "create it first, or fix the bucket name (and --endpoint / --region) with `mlops remote add NAME s3://BUCKET/PREFIX --force`",
        });
    }
    if (code === "AccessDenied" || code === "Forbidden" || status === 403) {
        return new errors/* MlopsError */.IC("refused", `${where} denied access while ${what} (${code ?? "403"})`, {
            cause: err,
            hint: "the identity needs s3:ListBucket on the bucket and s3:GetObject, s3:PutObject (and for gc s3:DeleteObject, s3:AbortMultipartUpload) on the prefix",
        });
    }
    if (code === "BadDigest" ||
        code === "XAmzContentChecksumMismatch" ||
        code === "XAmzContentSHA256Mismatch" ||
        code === "InvalidDigest") {
        return new errors/* MlopsError */.IC("hash-mismatch", `${where} refused the bytes sent while ${what}: their checksum did not match (${code})`, {
            cause: err,
        });
    }
    const reason = err?.code ?? code;
    if (reason === "ECONNREFUSED" ||
        reason === "ENOTFOUND" ||
        reason === "ETIMEDOUT" ||
        reason === "ECONNRESET") {
        return new errors/* MlopsError */.IC("remote", `${where} could not be reached while ${what} (${reason})`, {
            cause: err,
            hint: "check --endpoint (and the network); the request was retried with backoff",
        });
    }
    if (code === "Region is missing" || /Region is missing/.test(detail)) {
        return new errors/* MlopsError */.IC("usage", `${where}: no AWS region is configured`, {
            cause: err,
            hint: "pass --region to `mlops remote add`, or set AWS_REGION",
        });
    }
    return new errors/* MlopsError */.IC("remote", `${where}: ${what} failed: ${code ?? ""}${status ? ` (HTTP ${status})` : ""} ${detail}`
        .replace(/\s+/g, " ")
        .trim(), {
        cause: err,
    });
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/s3-remote.js










/**
 * Objects at or below this size go up in one PutObject carrying their sha256 (already known: it is
 * the object's name), which S3 checks before the object exists. Larger ones go up in parts.
 */
const multipartThreshold = 16 * 1024 * 1024;
/** 16 MiB parts: a 1 GiB object is 64 parts, far below S3's 10,000, and each part is retried alone. */
const partSize = 16 * 1024 * 1024;
/**
 * Parts in flight at once, across every large object this remote is sending: memory stays at
 * `partsInFlight × partSize` (128 MiB) however many large objects `-j` sends side by side.
 */
const partsInFlight = 8;
/** One listing request covers up to 1,000 keys; one HEAD covers one. */
const keysPerListing = 1000;
/** Fills `into` from `file` at `position`; a file that ends early changed under us. */
async function readFully(file, into, position, path) {
    let filled = 0;
    while (filled < into.byteLength) {
        const { bytesRead } = await file.read(into, filled, into.byteLength - filled, position + filled);
        if (bytesRead === 0) {
            throw new errors/* MlopsError */.IC("io", `${path} became shorter while it was being uploaded`, {
                hint: "something changed the cache object mid-push: run `mlops data verify --repair`",
            });
        }
        filled += bytesRead;
    }
}
/** Writes a response body into `file` from `position` on, chunk by chunk as it arrives. */
async function writeBodyAt(file, body, position) {
    let at = position;
    for await (const chunk of body) {
        let written = 0;
        while (written < chunk.byteLength) {
            const { bytesWritten } = await file.write(chunk, written, chunk.byteLength - written, at + written);
            written += bytesWritten;
        }
        at += chunk.byteLength;
    }
}
function base64OfHex(hex) {
    return Buffer.from(hex, "hex").toString("base64");
}
/**
 * A bucket (and prefix) of S3 or of any store that speaks its protocol, laid out like the cache:
 * `PREFIX/sha256/ab/cdef…[.dir]` and run-cache records at `PREFIX/runs/ab/<key>.json`.
 *
 * Every upload carries its SHA-256, which the server checks before the object exists; a PUT and a
 * completed multipart upload are atomic on S3, so a reader sees an object whole or not at all.
 */
class S3Remote {
    name;
    url;
    location;
    clientPromise;
    where;
    limit;
    journalDir;
    partSlots = (0,p_limit/* default */.A)(partsInFlight);
    /** Part buffers not in use, kept for the next part rather than allocated and collected each time. */
    partBuffers = [];
    cleanupPromise;
    constructor(name, url, location, options = {}) {
        this.name = name;
        this.url = url;
        this.location = location;
        this.journalDir = options.journalDir;
        this.where = `remote '${name}' (${url}${location.endpoint ? ` at ${location.endpoint}` : ""})`;
        // Existence checks fan out through here; transfers are limited by their caller's -j.
        this.limit = (0,p_limit/* default */.A)(options.jobs ?? 16);
    }
    /**
     * The client, after one listing request that proves the bucket exists and the credentials work:
     * a wrong secret or a missing bucket is then one clear error before any transfer starts, rather
     * than one per object.
     */
    client() {
        this.clientPromise ??= (async () => {
            const client = await createS3Client(this.location);
            // Every multipart upload is journaled before its first part is sent, so a push killed midway
            // leaves a note the next push uses to abort it (stores without ListMultipartUploads included).
            client.middlewareStack.add((next, context) => async (args) => {
                const result = await next(args);
                if (context.commandName === "CreateMultipartUploadCommand") {
                    const input = args.input;
                    const uploadId = result.output.UploadId;
                    if (input.Key && uploadId)
                        this.journal(input.Key, uploadId);
                }
                return result;
            }, { step: "initialize", name: "mlopsJournalMultipart" });
            const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            try {
                await client.send(new ListObjectsV2Command({
                    Bucket: this.location.bucket,
                    Prefix: this.location.prefix,
                    MaxKeys: 1,
                }));
            }
            catch (err) {
                client.destroy();
                throw s3Failure(err, "checking the bucket", this.where, this.location.bucket);
            }
            return client;
        })();
        // A failed check is not cached: the next call (after the person fixed the cause) tries again.
        this.clientPromise.catch(() => {
            this.clientPromise = undefined;
        });
        return this.clientPromise;
    }
    journalPath(uploadId) {
        return this.journalDir
            ? (0,external_node_path_.join)(this.journalDir, `${uploadId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`)
            : undefined;
    }
    journal(key, uploadId) {
        const path = this.journalPath(uploadId);
        if (!path)
            return;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, JSON.stringify({ bucket: this.location.bucket, key, uploadId }));
    }
    unjournal(uploadId) {
        const path = uploadId ? this.journalPath(uploadId) : undefined;
        if (path)
            (0,external_node_fs_.rmSync)(path, { force: true });
    }
    /** Once per process before the first write: abort the uploads earlier pushes journaled and never finished. */
    cleanUpInterrupted() {
        this.cleanupPromise ??= (async () => {
            if (!this.journalDir || !(0,external_node_fs_.existsSync)(this.journalDir))
                return;
            const client = await this.client();
            const { AbortMultipartUploadCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            for (const name of (0,external_node_fs_.readdirSync)(this.journalDir)) {
                if (!name.endsWith(".json"))
                    continue;
                const path = (0,external_node_path_.join)(this.journalDir, name);
                let note;
                try {
                    note = JSON.parse((0,external_node_fs_.readFileSync)(path, "utf8"));
                }
                catch {
                    (0,external_node_fs_.rmSync)(path, { force: true });
                    continue;
                }
                if (note.bucket !== this.location.bucket || !note.key || !note.uploadId)
                    continue;
                try {
                    await client.send(new AbortMultipartUploadCommand({ Bucket: note.bucket, Key: note.key, UploadId: note.uploadId }));
                }
                catch (err) {
                    // Already completed or aborted: nothing is left to clean.
                    if (!isS3NotFound(err) && s3ErrorCode(err) !== "NoSuchUpload")
                        throw this.fail(err, `aborting an unfinished upload of ${note.key}`);
                }
                (0,external_node_fs_.rmSync)(path, { force: true });
            }
        })();
        return this.cleanupPromise;
    }
    keyOf(oid) {
        return `${this.location.prefix}sha256/${oid.slice(0, 2)}/${oid.slice(2)}`;
    }
    oidOfKey(key) {
        const rest = key.slice(this.location.prefix.length);
        const match = /^sha256\/([0-9a-f]{2})\/([^/]+)$/.exec(rest);
        if (!match)
            return undefined;
        const oid = `${match[1]}${match[2]}`;
        return isObjectId(oid) ? oid : undefined;
    }
    fail(err, what, oid) {
        const failure = s3Failure(err, what, this.where, this.location.bucket);
        return oid && !failure.field
            ? new errors/* MlopsError */.IC(failure.code, failure.message, {
                field: oid,
                ...(failure.hint ? { hint: failure.hint } : {}),
                cause: failure.cause,
            })
            : failure;
    }
    /**
     * Keys under one `sha256/ab/` prefix come back sorted, so the ones asked about are found by listing
     * from just before the first to past the last: one request per 1,000 keys in that range instead of
     * one per object. A sparse question about a crowded prefix is answered by HEAD instead.
     */
    async has(oids) {
        const client = await this.client();
        const { HeadObjectCommand, ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const groups = new Map();
        for (const oid of new Set(oids)) {
            const key = this.keyOf(oid);
            const dir = key.slice(0, key.lastIndexOf("/") + 1);
            const group = groups.get(dir);
            if (group)
                group.push(key);
            else
                groups.set(dir, [key]);
        }
        const found = new Set();
        const head = async (key) => {
            try {
                await client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
                const oid = this.oidOfKey(key);
                if (oid)
                    found.add(oid);
            }
            catch (err) {
                if (!isS3NotFound(err))
                    throw this.fail(err, `checking ${key}`);
            }
        };
        const listRange = async (dir, keys) => {
            keys.sort();
            const wanted = new Set(keys);
            const last = keys[keys.length - 1];
            let token;
            let pages = 0;
            let unseen = keys.length;
            let lastListed = "";
            do {
                // Cheaper to ask about the rest one by one than to keep paging through a crowded prefix.
                if (pages > 0 && pages * 2 >= unseen) {
                    const rest = keys.filter((k) => k > lastListed);
                    const one = (0,p_limit/* default */.A)(4);
                    await Promise.all(rest.map((k) => one(() => head(k))));
                    return;
                }
                let page;
                try {
                    page = await client.send(new ListObjectsV2Command({
                        Bucket: this.location.bucket,
                        Prefix: dir,
                        // A strict prefix of the first key sorts just before it.
                        ...(token ? { ContinuationToken: token } : { StartAfter: keys[0].slice(0, -1) }),
                        MaxKeys: keysPerListing,
                    }));
                }
                catch (err) {
                    throw this.fail(err, `listing ${dir}`);
                }
                pages += 1;
                let pastLast = false;
                for (const entry of page.Contents ?? []) {
                    const key = entry.Key ?? "";
                    if (wanted.has(key)) {
                        const oid = this.oidOfKey(key);
                        if (oid)
                            found.add(oid);
                        unseen -= 1;
                    }
                    if (key >= last)
                        pastLast = true;
                    lastListed = key;
                }
                if (pastLast || !page.IsTruncated)
                    return;
                token = page.NextContinuationToken;
            } while (token);
        };
        await Promise.all([...groups].map(([dir, keys]) => keys.length <= 2
            ? Promise.all(keys.map((key) => this.limit(() => head(key))))
            : this.limit(() => listRange(dir, keys))));
        return found;
    }
    async list() {
        const client = await this.client();
        const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        // The 256 `sha256/ab/` prefixes are listed side by side: a big remote lists in 1/16 of the time.
        const hex = [..."0123456789abcdef"];
        const dirs = hex.flatMap((a) => hex.map((b) => `${this.location.prefix}sha256/${a}${b}/`));
        const out = [];
        await Promise.all(dirs.map((dir) => this.limit(async () => {
            let token;
            do {
                let page;
                try {
                    page = await client.send(new ListObjectsV2Command({
                        Bucket: this.location.bucket,
                        Prefix: dir,
                        ...(token ? { ContinuationToken: token } : {}),
                    }));
                }
                catch (err) {
                    throw this.fail(err, `listing ${dir}`);
                }
                for (const entry of page.Contents ?? []) {
                    const oid = this.oidOfKey(entry.Key ?? "");
                    if (oid)
                        out.push(oid);
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
        })));
        return out.sort();
    }
    /** Every upload here checks what it sends (see `uploadChecked`): it reads every byte anyway. */
    upload(oid, srcPath) {
        return this.uploadChecked(oid, srcPath);
    }
    async uploadChecked(oid, srcPath) {
        const client = await this.client();
        await this.cleanUpInterrupted();
        const key = this.keyOf(oid);
        const { size } = await (0,promises_.stat)(srcPath);
        if (size > multipartThreshold)
            return this.uploadInParts(client, oid, key, srcPath, size);
        const bytes = await (0,promises_.readFile)(srcPath);
        const digest = (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
        if (digest !== digestOf(oid))
            throw corruptInCache(oid, digest);
        await this.uploadBytes(oid, bytes);
    }
    /**
     * Parts go up side by side, each read straight from the file into a part buffer. They are read
     * in order, one at a time (quick, next to sending them), so the object's SHA-256 follows the very
     * bytes that leave; the upload completes, and the object appears, only if that matches its name.
     * Each part carries its own SHA-256, which the server checks (and which signs the part, see
     * createS3Client). Afterwards any other unfinished upload of the same key (one a killed push left behind)
     * is aborted, so its parts stop costing storage: the key now holds the whole object.
     *
     * The SDK's commands are used directly rather than lib-storage's `Upload`: that helper copies
     * each part out of a stream into a fresh buffer and hashes it again through the SDK's checksum
     * path, which made a 1 GiB push cost 2.5 s more CPU here (scripts/bench, s3-push-1gib), and it
     * could not check the whole object's hash before completing.
     */
    async uploadInParts(client, oid, key, srcPath, size) {
        const { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, UploadPartCommand, } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const Bucket = this.location.bucket;
        const file = await (0,promises_.open)(srcPath, "r");
        let uploadId;
        try {
            try {
                const created = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ChecksumAlgorithm: "SHA256" }));
                uploadId = created.UploadId;
            }
            catch (err) {
                throw this.fail(err, `uploading ${oid}`, oid);
            }
            if (!uploadId) {
                throw new errors/* MlopsError */.IC("remote", `${this.where} started no multipart upload for ${oid} (no UploadId)`, {
                    field: oid,
                });
            }
            const UploadId = uploadId;
            const count = Math.ceil(size / partSize);
            const parts = new Array(count);
            const whole = (0,external_node_crypto_.createHash)("sha256");
            let reading = Promise.resolve();
            const sendPart = async (index) => {
                const buffer = this.partBuffers.pop() ?? Buffer.allocUnsafe(partSize);
                try {
                    const start = index * partSize;
                    const body = buffer.subarray(0, Math.min(partSize, size - start));
                    // Slots start parts in index order, so chaining the reads keeps them in file order.
                    reading = reading.then(async () => {
                        await readFully(file, body, start, srcPath);
                        whole.update(body);
                    });
                    await reading;
                    const checksum = (0,external_node_crypto_.createHash)("sha256").update(body).digest("base64");
                    const answer = await client.send(new UploadPartCommand({
                        Bucket,
                        Key: key,
                        UploadId,
                        PartNumber: index + 1,
                        Body: body,
                        ContentLength: body.byteLength,
                        ChecksumSHA256: checksum,
                    }));
                    parts[index] = { PartNumber: index + 1, ETag: answer.ETag, ChecksumSHA256: checksum };
                }
                finally {
                    this.partBuffers.push(buffer);
                }
            };
            try {
                await this.inPartSlots(count, sendPart);
                const digest = whole.digest("hex");
                if (digest !== digestOf(oid))
                    throw corruptInCache(oid, digest);
                await client.send(new CompleteMultipartUploadCommand({
                    Bucket,
                    Key: key,
                    UploadId,
                    MultipartUpload: { Parts: parts },
                }));
            }
            catch (err) {
                // Our parts stop costing storage now; if even that fails, the journal lets the next push try.
                const aborted = await client
                    .send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId }))
                    .then(() => true, (abortErr) => s3ErrorCode(abortErr) === "NoSuchUpload");
                if (aborted)
                    this.unjournal(UploadId);
                // A racing push of the same object may have completed it and aborted ours: the key is whole.
                if (!(err instanceof errors/* MlopsError */.IC) && (await this.exists(client, key)))
                    return;
                throw this.fail(err, `uploading ${oid}`, oid);
            }
        }
        finally {
            await file.close();
        }
        this.unjournal(uploadId);
        await this.abortUnfinishedUploads(key);
    }
    /**
     * Runs `task(0 … count-1)` through the part slots (uploads' parts and downloads' ranges share
     * them). After the first failure no further task starts; the ones running are waited for, so
     * none still writes when the caller cleans up, and the first failure is thrown.
     */
    async inPartSlots(count, task) {
        let failed = false;
        const settled = await Promise.allSettled(Array.from({ length: count }, (_, index) => this.partSlots(async () => {
            if (failed)
                return;
            try {
                await task(index);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        })));
        const rejected = settled.find((outcome) => outcome.status === "rejected");
        if (rejected)
            throw rejected.reason;
    }
    async exists(client, key) {
        const { HeadObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            await client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
            return true;
        }
        catch {
            return false;
        }
    }
    /**
     * Aborts unfinished multipart uploads under `keyPrefix` (one key, or the whole remote for gc);
     * returns how many. An upload started by a push that is still running is aborted too when it is
     * the same key: that push then finds the key whole and succeeds (S3 objects here are immutable).
     */
    async abortUnfinishedUploads(keyPrefix = this.location.prefix) {
        const client = await this.client();
        await this.cleanUpInterrupted();
        const { AbortMultipartUploadCommand, ListMultipartUploadsCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        let aborted = 0;
        let keyMarker;
        let uploadIdMarker;
        for (;;) {
            let page;
            try {
                page = await client.send(new ListMultipartUploadsCommand({
                    Bucket: this.location.bucket,
                    Prefix: keyPrefix,
                    ...(keyMarker ? { KeyMarker: keyMarker } : {}),
                    ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
                }));
            }
            catch (err) {
                // Some stores (s3s-fs among them) cannot list uploads; the journal still cleans ours.
                if (s3ErrorCode(err) === "NotImplemented" || s3Status(err) === 501)
                    return aborted;
                throw this.fail(err, "listing unfinished uploads");
            }
            for (const item of page.Uploads ?? []) {
                if (!item.Key || !item.UploadId)
                    continue;
                try {
                    await client.send(new AbortMultipartUploadCommand({
                        Bucket: this.location.bucket,
                        Key: item.Key,
                        UploadId: item.UploadId,
                    }));
                    aborted += 1;
                }
                catch (err) {
                    // Finished or aborted by someone else meanwhile: either way it is gone.
                    if (!isS3NotFound(err) && err.name !== "NoSuchUpload")
                        throw err;
                }
            }
            if (!page.IsTruncated)
                return aborted;
            keyMarker = page.NextKeyMarker;
            uploadIdMarker = page.NextUploadIdMarker;
        }
    }
    async uploadBytes(oid, bytes) {
        const client = await this.client();
        await this.cleanUpInterrupted();
        const { PutObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            await client.send(new PutObjectCommand({
                Bucket: this.location.bucket,
                Key: this.keyOf(oid),
                Body: bytes,
                ContentLength: bytes.byteLength,
                ChecksumSHA256: base64OfHex(digestOf(oid)),
            }));
        }
        catch (err) {
            throw this.fail(err, `uploading ${oid}`, oid);
        }
    }
    async downloadBytes(oid) {
        return this.readObject(oid, async (body) => Buffer.from(await body.transformToByteArray()));
    }
    /**
     * The first `partSize` bytes come with the object's size; the rest, if any, come down in ranges
     * of that size, `partsInFlight` at once (shared with uploads' parts), each written at its place
     * in the scratch file. Objects are immutable here, so ranges cannot mix two versions.
     */
    async download(oid, destPath) {
        const file = await (0,promises_.open)(destPath, "w");
        try {
            const first = await this.readObject(oid, async (body, total) => {
                await writeBodyAt(file, body, 0);
                return total;
            }, { start: 0, end: partSize - 1 });
            const rest = Math.max(0, Math.ceil(first / partSize) - 1);
            await this.inPartSlots(rest, (index) => {
                const start = (index + 1) * partSize;
                return this.readObject(oid, (body) => writeBodyAt(file, body, start), {
                    start,
                    end: Math.min(start + partSize, first) - 1,
                });
            });
        }
        finally {
            await file.close();
        }
    }
    /**
     * Gets the object (or a range of it) and hands its body and the whole object's size to
     * `consume`; a missing object is a not-found error. An empty object has no first byte to ask
     * for, so a refused range (416) is asked again whole.
     */
    async readObject(oid, consume, range) {
        const client = await this.client();
        const { GetObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            let response;
            try {
                response = await client.send(new GetObjectCommand({
                    Bucket: this.location.bucket,
                    Key: this.keyOf(oid),
                    ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
                }));
            }
            catch (err) {
                if (range?.start !== 0 || s3Status(err) !== 416)
                    throw err;
                response = await client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(oid) }));
            }
            // "bytes 0-15/1024": the size after the slash; a whole-object answer has its length.
            const total = Number(/\/(\d+)$/.exec(response.ContentRange ?? "")?.[1] ?? response.ContentLength ?? 0);
            return await consume(response.Body, total);
        }
        catch (err) {
            if (isS3NotFound(err)) {
                throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not on ${this.where}`, {
                    cause: err,
                    field: oid,
                });
            }
            throw this.fail(err, `downloading ${oid}`, oid);
        }
    }
    async remove(oid) {
        await this.removeMany([oid]);
    }
    /** DeleteObjects takes up to 1,000 keys a request. */
    async removeMany(oids, onRemoved) {
        if (oids.length === 0)
            return;
        const client = await this.client();
        const { DeleteObjectsCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        for (let i = 0; i < oids.length; i += 1000) {
            const batch = oids.slice(i, i + 1000);
            let failed = [];
            try {
                const response = await client.send(new DeleteObjectsCommand({
                    Bucket: this.location.bucket,
                    Delete: { Objects: batch.map((oid) => ({ Key: this.keyOf(oid) })), Quiet: true },
                }));
                failed = response.Errors ?? [];
            }
            catch (err) {
                throw this.fail(err, `removing ${batch.length} objects`);
            }
            if (failed.length > 0) {
                const first = failed[0];
                throw new errors/* MlopsError */.IC("remote", `${this.where}: ${failed.length} of ${batch.length} objects could not be removed (first: ${first?.Key}: ${first?.Code} ${first?.Message ?? ""})`.trim());
            }
            onRemoved?.(batch.length);
        }
    }
    async readRecord(relPath) {
        const client = await this.client();
        const { GetObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            const response = await client.send(new GetObjectCommand({
                Bucket: this.location.bucket,
                Key: this.location.prefix + checkRecordPath(relPath),
            }));
            return Buffer.from(await response.Body.transformToByteArray());
        }
        catch (err) {
            if (isS3NotFound(err))
                return undefined;
            throw this.fail(err, `reading ${relPath}`);
        }
    }
    async writeRecord(relPath, bytes) {
        const client = await this.client();
        const { PutObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7598, 19));
        try {
            await client.send(new PutObjectCommand({
                Bucket: this.location.bucket,
                Key: this.location.prefix + checkRecordPath(relPath),
                Body: bytes,
                ContentLength: bytes.byteLength,
                ChecksumSHA256: createHash("sha256").update(bytes).digest("base64"),
            }));
        }
        catch (err) {
            throw this.fail(err, `writing ${relPath}`);
        }
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/write-guard.js

/**
 * Events whose runs execute code nobody trusted has merged yet: every `pull_request*` event (forks
 * included) and the merge queue, whose temporary branch is PR code too. Their results are
 * recomputed by the push to `main` that follows, so nothing is lost by keeping them read-only.
 */
function isUntrustedEvent(event) {
    return event.startsWith("pull_request") || event === "merge_group";
}
/**
 * Why writes to remotes are refused in this environment (worded to follow "read-only"), or
 * undefined when they are allowed.
 */
function remoteWritesBlockedBy(env) {
    const forced = env.MLOPS_REMOTE_READ_ONLY?.trim().toLowerCase();
    if (forced && !["0", "false", "no", "off"].includes(forced))
        return "(MLOPS_REMOTE_READ_ONLY is set)";
    const event = env.GITHUB_EVENT_NAME?.trim();
    if (event && isUntrustedEvent(event))
        return `in pull-request runs (GITHUB_EVENT_NAME=${event})`;
    return undefined;
}
function remoteWritesAllowed(env) {
    return remoteWritesBlockedBy(env) === undefined;
}
/** A remote whose reads pass through and whose every write throws, naming the remote and the reason. */
class ReadOnlyRemote {
    inner;
    reason;
    constructor(inner, reason) {
        this.inner = inner;
        this.reason = reason;
    }
    get name() {
        return this.inner.name;
    }
    get url() {
        return this.inner.url;
    }
    refuse(what) {
        throw new errors/* MlopsError */.IC("refused", `remote '${this.name}' is read-only ${this.reason}: ${what} is refused`, {
            hint: "only trusted runs (pushes to main, releases, the schedule) write objects and run-cache entries; pull-request runs only read",
        });
    }
    has(oids) {
        return this.inner.has(oids);
    }
    list() {
        return this.inner.list();
    }
    download(oid, destPath) {
        return this.inner.download(oid, destPath);
    }
    readRecord(relPath) {
        return this.inner.readRecord(relPath);
    }
    get downloadBytes() {
        const inner = this.inner;
        return inner.downloadBytes
            ? (oid) => inner.downloadBytes(oid)
            : undefined;
    }
    get downloadManyBytes() {
        const inner = this.inner;
        return inner.downloadManyBytes
            ? (oids) => inner.downloadManyBytes(oids)
            : undefined;
    }
    get localReadPath() {
        const inner = this.inner;
        return inner.localReadPath ? (oid) => inner.localReadPath(oid) : undefined;
    }
    async uploadBytes(oid) {
        this.refuse(`uploading ${oid}`);
    }
    async upload(oid) {
        this.refuse(`uploading ${oid}`);
    }
    async remove(oid) {
        this.refuse(`removing ${oid}`);
    }
    async removeMany(oids) {
        this.refuse(`removing ${oids.length} objects`);
    }
    async abortUnfinishedUploads() {
        this.refuse("aborting unfinished uploads");
    }
    async writeRecord(relPath) {
        this.refuse(`writing ${relPath}`);
    }
    // Refused even with nothing staged: a PR workflow that pushes is misconfigured whether or not
    // this particular run happened to have new objects, and it should hear so every time.
    async flush() {
        this.refuse("publishing");
    }
}
/** `remote` itself when writes are allowed here, else a read-only view of it. */
function guardRemoteWrites(remote, env) {
    const reason = remoteWritesBlockedBy(env);
    return reason === undefined ? remote : new ReadOnlyRemote(remote, reason);
}
/** For callers that write opportunistically (the run cache): skip rather than fail. */
function isReadOnlyRemote(remote) {
    return remote instanceof ReadOnlyRemote;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/open-remote.js









/**
 * Resolves a configured remote; a relative path is taken from the repository root. Every kind is
 * wrapped by the write guard, so a pull-request run can read any remote and write none.
 */
function openRemote(spec, repoRoot, options = {}) {
    const env = options.env ?? process.env;
    return guardRemoteWrites(openUnguarded(spec, repoRoot, env), env);
}
function openUnguarded(spec, repoRoot, env) {
    const { name, url } = spec;
    if (url.startsWith("file://"))
        return new LocalRemote(name, url, (0,external_node_url_.fileURLToPath)(url));
    if (url.startsWith(gitBranchScheme))
        return openGitBranchRemote(spec, repoRoot, env);
    if (url.startsWith(s3Scheme)) {
        const parsed = parseS3Url(url);
        if (!parsed) {
            throw new errors/* MlopsError */.IC("usage", `remote '${name}': '${url}' is not an S3 location`, {
                field: `remotes.${name}.url`,
                expected: s3UrlExpected,
                got: url,
            });
        }
        return new S3Remote(name, url, {
            ...parsed,
            ...(spec.endpoint ? { endpoint: spec.endpoint } : {}),
            ...(spec.region ? { region: spec.region } : {}),
            ...(spec.pathStyle ? { pathStyle: true } : {}),
        }, {
            ...(spec.jobs === undefined ? {} : { jobs: spec.jobs }),
            // Under .mlops/state (git-ignored): notes of multipart uploads a killed push left unfinished.
            journalDir: (0,external_node_path_.join)((0,repo.repoLayout)(repoRoot).stateDir, "s3-uploads", name),
        });
    }
    if (spec.endpoint || spec.region || spec.pathStyle) {
        throw new errors/* MlopsError */.IC("usage", `remote '${name}': --endpoint, --region and --path-style apply to s3:// remotes only`, {
            field: `remotes.${name}`,
            got: url,
        });
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
    if (scheme) {
        throw new errors/* MlopsError */.IC("usage", `remote '${name}': the scheme '${scheme}://' is not supported yet`, {
            field: `remotes.${name}.url`,
            expected: "a directory path, a file:// URL, s3://BUCKET[/PREFIX] or git-branch:BRANCH[@GIT-URL]",
            got: url,
        });
    }
    return new LocalRemote(name, url, (0,external_node_path_.isAbsolute)(url) ? url : (0,external_node_path_.resolve)(repoRoot, url));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/transfer.js









const defaultJobs = 8;
/** Objects up to this size move through memory (one read, one write) when the remote can. */
const smallObjectBytes = 1024 * 1024;
/** Objects the listing says are this small are read without leaving the thread (see readSmallForPush). */
const syncReadBytes = 64 * 1024;
function withOwner(err, item) {
    if (err instanceof errors/* MlopsError */.IC && !err.file) {
        return new errors/* MlopsError */.IC(err.code, `${err.message} (referenced by ${item.referencedBy})`, {
            file: item.referencedBy,
            field: err.field,
            expected: err.expected,
            got: err.got,
            hint: err.hint,
            cause: err.cause,
        });
    }
    return err;
}
/** From this many small objects on, a remote on this machine's file system is copied to or from in bulk. */
const bulkThreshold = 256;
/** The error a bulk copy to a remote stopped on, worded as the one-object path words it. */
function pushFailure(oid, failure, remote) {
    if (failure.kind === "missing")
        return notInCache(oid);
    if (failure.kind === "corrupt")
        return corruptInCache(oid, failure.actual ?? "");
    return new errors/* MlopsError */.IC("remote", `could not upload ${oid} to remote '${remote.name}' (${remote.url})`, {
        field: oid,
        cause: failure.message,
    });
}
/** The error a bulk copy from a remote stopped on, worded as the one-object path words it. */
function pullFailure(oid, failure, remote) {
    if (failure.kind === "corrupt")
        return corruptObject(oid, failure.actual ?? "", `remote '${remote.name}'`);
    const missing = failure.kind === "missing";
    return new errors/* MlopsError */.IC(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${remote.name}' (${remote.url})`, { field: oid, cause: failure.message });
}
/**
 * Copies the small ones among `missing` in bulk between the cache and a remote directory on this
 * machine (each verified on the way and placed atomically), counting them into `result` and
 * `progress`; returns the ones left for the other paths (too large, or too few to be worth it).
 * The first failure is thrown, worded by `failure` as the one-object path words it.
 */
async function copySmallInBulk(missing, how) {
    const small = missing.filter((item) => (how.size(item) ?? Number.POSITIVE_INFINITY) <= smallObjectBytes);
    if (small.length < bulkThreshold)
        return [...missing];
    const outcome = await copyVerifiedMany(small.map(how.job), { atomic: true, threads: how.threads });
    how.result.bytes += outcome.bytes;
    const failed = outcome.failure;
    const done = failed ? failed.index : small.length;
    how.result.transferred += done;
    how.progress.tick(done);
    if (failed)
        throw how.failure(small[failed.index], failed);
    const copied = new Set(small);
    return missing.filter((item) => !copied.has(item));
}
/** From this many objects on, a remote that takes many in one call (the objects branch) gets them so. */
const batchThreshold = 16;
/** Bytes held in memory at once by a batched download. */
const batchBytes = 64 * 1024 * 1024;
function* batchesBySize(items, sizes) {
    let batch = [];
    let held = 0;
    for (const item of items) {
        const size = sizes.get(item.oid) ?? 0;
        if (batch.length > 0 && held + size > batchBytes) {
            yield batch;
            batch = [];
            held = 0;
        }
        batch.push(item);
        held += size;
    }
    if (batch.length > 0)
        yield batch;
}
/**
 * Uploads what the remote lacks. A directory's files go first and its listing last, so a remote
 * that has a listing has everything it names (pull and status rely on that).
 */
async function push(cache, remote, items, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    // A directory's files to a directory remote go in bulk, on threads started now so that they are
    // ready once the listings are read and the remote has said what it lacks.
    if (remote.localWritePath && items.some((item) => isDirId(item.oid)))
        startCopyWorkers();
    // A directory's files share its listing's owner: one object for 10,000 files, not one each.
    const files = new Map();
    const listings = new Map();
    const sizes = new Map();
    for (const item of items) {
        if (isDirId(item.oid)) {
            listings.set(item.oid, item);
            for (const entry of await cache
                .readDirListing(item.oid)
                .catch((err) => Promise.reject(withOwner(err, item)))) {
                sizes.set(entry.sha256, entry.size);
                if (!files.has(entry.sha256))
                    files.set(entry.sha256, item);
            }
        }
        else {
            files.set(item.oid, item);
        }
    }
    const result = { transferred: 0, skipped: 0, bytes: 0 };
    const upload = async (group) => {
        const oids = [...group.keys()];
        const present = await remote.has(oids);
        let missing = oids.filter((oid) => !present.has(oid));
        result.skipped += oids.length - missing.length;
        if (missing.length === 0)
            return;
        const progress = logger.progress(`pushing to ${remote.name}`, missing.length);
        const limit = (0,p_limit/* default */.A)(options.jobs ?? defaultJobs);
        try {
            const writePath = remote.localWritePath?.bind(remote);
            if (writePath) {
                missing = await copySmallInBulk(missing, {
                    size: (oid) => sizes.get(oid),
                    job: (oid) => ({
                        src: cache.pathOf(oid),
                        dest: writePath(oid),
                        sha256: digestOf(oid),
                        size: sizes.get(oid),
                    }),
                    failure: (oid, failed) => withOwner(pushFailure(oid, failed, remote), group.get(oid)),
                    threads: options.jobs ?? defaultJobs,
                    result,
                    progress,
                });
            }
            if (remote.uploadMany && missing.length >= batchThreshold) {
                // Verified before they leave, as one at a time would be; then one call sends them all.
                let bytes = 0;
                await Promise.all(missing.map((oid) => limit(async () => {
                    try {
                        const check = await cache.verify(oid);
                        if (check.missing)
                            throw notInCache(oid);
                        if (!check.ok)
                            throw corruptInCache(oid, check.actual ?? "");
                        // Read first, added after: `bytes += await …` would lose what other checks added meanwhile.
                        const size = (await (0,promises_.stat)(cache.pathOf(oid))).size;
                        bytes += size;
                    }
                    catch (err) {
                        throw withOwner(err, group.get(oid));
                    }
                })));
                await remote.uploadMany(missing.map((oid) => ({ oid, srcPath: cache.pathOf(oid) })));
                result.bytes += bytes;
                result.transferred += missing.length;
                progress.tick(missing.length);
                return;
            }
            await Promise.all(missing.map((oid) => limit(async () => {
                const item = group.get(oid);
                try {
                    // A directory's listing already says how big its files are.
                    const size = sizes.get(oid) ??
                        (await (0,promises_.stat)(cache.pathOf(oid)).then((st) => st.size, () => undefined));
                    if (size !== undefined && size <= smallObjectBytes && remote.uploadBytes) {
                        // One read serves both the check and the upload.
                        const bytes = size <= syncReadBytes && sizes.has(oid)
                            ? cache.readSmallForPush(oid)
                            : await cache.readForPush(oid);
                        if (bytes) {
                            await remote.uploadBytes(oid, bytes);
                            result.bytes += bytes.byteLength;
                            result.transferred += 1;
                            progress.tick();
                            return;
                        }
                    }
                    // Verified before it leaves: a corrupt cache object must not become a corrupt remote one.
                    if (remote.uploadChecked) {
                        // The remote hashes what it reads as it sends, and publishes nothing that differs.
                        await remote.uploadChecked(oid, cache.pathOf(oid)).catch((err) => {
                            throw err?.code === "ENOENT" ? notInCache(oid) : err;
                        });
                    }
                    else {
                        const check = await cache.verify(oid);
                        if (check.missing)
                            throw notInCache(oid);
                        if (!check.ok)
                            throw corruptInCache(oid, check.actual ?? "");
                        await remote.upload(oid, cache.pathOf(oid));
                    }
                    // Measured before it is added: `result.bytes += await …` would read the total before
                    // the await and write it back after, losing what the other uploads added meanwhile.
                    const sent = (await (0,promises_.stat)(cache.pathOf(oid))).size;
                    result.bytes += sent;
                    result.transferred += 1;
                    progress.tick();
                }
                catch (err) {
                    throw withOwner(err, item);
                }
            })));
        }
        finally {
            progress.done();
        }
    };
    await upload(files);
    await upload(listings);
    // A batching remote (the objects branch) publishes here; nothing pushed is visible before.
    await remote.flush?.();
    return result;
}
/**
 * Downloads what the cache lacks; every object is hashed before it becomes visible in the cache,
 * and a directory's listing is adopted only after all its files are in.
 */
async function pull(cache, remote, items, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    if (remote.localReadPath && items.some((item) => isDirId(item.oid) && !cache.has(item.oid)))
        startCopyWorkers();
    const result = { transferred: 0, skipped: 0, bytes: 0 };
    const limit = (0,p_limit/* default */.A)(options.jobs ?? defaultJobs);
    const fetchOne = async (item) => {
        const temp = await cache.scratchPath(item.oid);
        try {
            await remote.download(item.oid, temp);
            return temp;
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw withOwner(err, item);
        }
    };
    const files = new Map();
    const sizes = new Map();
    const pendingListings = [];
    for (const item of items) {
        if (isDirId(item.oid)) {
            if (cache.has(item.oid)) {
                result.skipped += 1;
                continue;
            }
            const temp = await fetchOne(item);
            const bytes = await (0,promises_.readFile)(temp);
            const entries = parseListing(bytes, item.oid);
            pendingListings.push({ item, temp });
            for (const entry of entries) {
                sizes.set(entry.sha256, entry.size);
                if (!files.has(entry.sha256))
                    files.set(entry.sha256, { oid: entry.sha256, referencedBy: item.referencedBy });
            }
        }
        else if (!files.has(item.oid)) {
            files.set(item.oid, item);
        }
    }
    try {
        let missing = [...files.values()].filter((item) => !cache.has(item.oid));
        result.skipped += files.size - missing.length;
        const progress = logger.progress(`pulling from ${remote.name}`, missing.length);
        try {
            const readPath = remote.localReadPath?.bind(remote);
            if (readPath) {
                // Each object is hashed as it is read and enters the cache whole or not at all: the same
                // promise as `adoptVerifiedBytes`, without a promise per file.
                missing = await copySmallInBulk(missing, {
                    size: (item) => sizes.get(item.oid),
                    job: (item) => ({
                        src: readPath(item.oid),
                        dest: cache.pathOf(item.oid),
                        sha256: item.oid,
                        size: sizes.get(item.oid),
                    }),
                    failure: (item, failed) => withOwner(pullFailure(item.oid, failed, remote), item),
                    threads: options.jobs ?? defaultJobs,
                    result,
                    progress,
                });
            }
            if (remote.downloadManyBytes) {
                const small = missing.filter((item) => (sizes.get(item.oid) ?? Number.POSITIVE_INFINITY) <= smallObjectBytes);
                if (small.length >= batchThreshold) {
                    // In batches of a bounded size: the bytes are held in memory until each is verified and stored.
                    for (const batch of batchesBySize(small, sizes)) {
                        const got = await remote.downloadManyBytes(batch.map((item) => item.oid));
                        for (const item of batch) {
                            try {
                                const bytes = got.get(item.oid);
                                if (bytes === undefined)
                                    throw pullFailure(item.oid, { index: 0, kind: "missing" }, remote);
                                await cache.adoptVerifiedBytes(item.oid, bytes, `remote '${remote.name}'`);
                                result.bytes += bytes.byteLength;
                            }
                            catch (err) {
                                throw withOwner(err, item);
                            }
                            result.transferred += 1;
                            progress.tick();
                        }
                    }
                    const fetched = new Set(small);
                    missing = missing.filter((item) => !fetched.has(item));
                }
            }
            await Promise.all(missing.map((item) => limit(async () => {
                const known = sizes.get(item.oid);
                if (known !== undefined && known <= smallObjectBytes && remote.downloadBytes) {
                    try {
                        const bytes = await remote.downloadBytes(item.oid);
                        await cache.adoptVerifiedBytes(item.oid, bytes, `remote '${remote.name}'`);
                        result.bytes += bytes.byteLength;
                    }
                    catch (err) {
                        throw withOwner(err, item);
                    }
                    result.transferred += 1;
                    progress.tick();
                    return;
                }
                const temp = await fetchOne(item);
                const size = (await (0,promises_.stat)(temp)).size;
                try {
                    await cache.adoptVerified(item.oid, temp, `remote '${remote.name}'`);
                }
                catch (err) {
                    throw withOwner(err, item);
                }
                result.transferred += 1;
                result.bytes += size;
                progress.tick();
            })));
        }
        finally {
            progress.done();
        }
        for (const { item, temp } of pendingListings) {
            try {
                await cache.adoptVerified(item.oid, temp, `remote '${remote.name}'`);
            }
            catch (err) {
                throw withOwner(err, item);
            }
            result.transferred += 1;
        }
    }
    finally {
        for (const { temp } of pendingListings)
            await (0,promises_.rm)(temp, { force: true });
    }
    return result;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/index.js















/***/ }),

/***/ 6874:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  datasetsCovering: () => (/* reexport */ manifests/* datasetsCovering */.J_),
  loadDataset: () => (/* reexport */ manifests/* loadDataset */.Zh),
  resolveRemote: () => (/* reexport */ resolveRemote),
  selectDatasets: () => (/* reexport */ manifests/* selectDatasets */.Ck),
  storedObject: () => (/* reexport */ storedObject)
});

// UNUSED EXPORTS: addData, addRemote, checkoutDatasets, collectGarbage, datasetStatus, describeSource, effectiveConfig, findManifestFiles, gcRoots, importData, listRemotes, materialiseFromSource, parseImportSpec, pullDatasets, pushDatasets, removeRemote, verifyDatasets

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(3583);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(7441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/manifests.js
var manifests = __webpack_require__(4799);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/source.js










const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** `name[@version]/path`: the name and version are checked on their own below, for a clear message. */
const packagePattern = /^((?:@[^/@]+\/)?[^/@]+)(?:@([^/]*))?\/(.+)$/;
const packageExpected = "PACKAGE[@VERSION]/PATH (e.g. vega-datasets@3.2.1/data/cars.json) or https://…";
/** How a person reads a recorded source: its URL, `s3://…` location, or `package@version/path`. */
function source_describeSource(source) {
    if ("url" in source)
        return source.url;
    if ("s3" in source)
        return source.s3;
    return `${source.package}@${source.version}/${source.path}`;
}
function source_parseImportSpec(spec) {
    if (/^https?:\/\//.test(spec) || /^data:/.test(spec))
        return { url: spec };
    if (spec.startsWith("s3://")) {
        if (!parseS3Object(spec)) {
            throw new MlopsError("usage", `'${spec}' is not an S3 object or prefix`, {
                expected: "s3://BUCKET/KEY or s3://BUCKET/PREFIX/ (BUCKET: 3-63 lowercase letters, digits, '.' or '-')",
            });
        }
        return { s3: spec };
    }
    const match = packagePattern.exec(spec);
    if (!match) {
        throw new MlopsError("usage", `'${spec}' is neither an http(s) or data: URL nor an npm package path`, {
            expected: packageExpected,
        });
    }
    const [, pkg, version, path] = match;
    // Only a registry package at an exact version: a git, file:, tarball or alias spec would have
    // `npm pack` fetch (and build, running its scripts) code from wherever the spec points.
    if (pkg.length > 214 || !npmPackageNamePattern.test(pkg)) {
        throw new MlopsError("usage", `refusing the npm source '${spec}': '${pkg}' is not a registry package name`, {
            expected: "PACKAGE@VERSION/PATH with a registry package name (lowercase, optionally @scope/name); git, file: and URL specs are refused",
            got: spec,
        });
    }
    if (version !== undefined && !exactSemverPattern.test(version)) {
        throw new MlopsError("usage", `refusing the npm source '${spec}': the version of ${pkg} is not exact`, {
            expected: "an exact version such as 3.2.1; git, file:, URL, range and tag specs are refused",
            got: spec,
        });
    }
    const normal = posix.normalize(path);
    if (normal.startsWith("..") || normal.startsWith("/")) {
        throw new MlopsError("usage", `the path inside the package must stay inside it, got '${path}'`);
    }
    return version === undefined ? { package: pkg, path: normal } : { package: pkg, version, path: normal };
}
async function installedVersion(layout, pkg) {
    const manifest = join(layout.root, "node_modules", pkg, "package.json");
    if (!existsSync(manifest))
        return undefined;
    const parsed = JSON.parse(await readFile(manifest, "utf8"));
    return typeof parsed.version === "string" ? parsed.version : undefined;
}
/** The exact version to record: the one asked for, else the one installed, else the registry's latest. */
async function source_resolvePackageVersion(layout, spec) {
    if (spec.version)
        return spec.version;
    if (!spec.version) {
        const installed = await installedVersion(layout, spec.package);
        if (installed)
            return installed;
    }
    const wanted = spec.version ? `${spec.package}@${spec.version}` : spec.package;
    try {
        const { stdout } = await execFileAsync("npm", ["view", wanted, "version", "--json"], {
            cwd: layout.root,
        });
        const parsed = JSON.parse(stdout);
        const version = Array.isArray(parsed) ? parsed.at(-1) : parsed;
        if (typeof version === "string" && exactSemverPattern.test(version))
            return version;
    }
    catch (cause) {
        throw new MlopsError("remote", `could not resolve a version of ${wanted} from the npm registry`, {
            cause,
        });
    }
    throw new MlopsError("not-found", `no version of ${wanted} on the npm registry`);
}
/**
 * Writes the source's bytes to `dest` (a file or a directory, which must not exist yet). A package
 * comes from `node_modules` when the installed version is the recorded one, else from `npm pack`
 * of that exact version; the caller verifies the bytes against the manifest's hash.
 */
async function source_fetchFromSource(layout, source, dest) {
    if ("s3" in source) {
        await fetchFromS3(source, dest);
        return;
    }
    if ("url" in source) {
        let response;
        try {
            response = await fetch(source.url);
        }
        catch (cause) {
            throw new MlopsError("remote", `could not download ${source.url}`, { cause });
        }
        if (!response.ok || !response.body) {
            throw new MlopsError("remote", `downloading ${source.url} failed: HTTP ${response.status}`);
        }
        await pipeline(Readable.fromWeb(response.body), createWriteStream(dest, { flags: "wx" }));
        return;
    }
    // Manifests are schema-checked on load; this guards every other caller the same way.
    source_parseImportSpec(`${source.package}@${source.version}/${source.path}`);
    const installed = await installedVersion(layout, source.package);
    if (installed === source.version) {
        const from = join(layout.root, "node_modules", source.package, source.path);
        if (existsSync(from)) {
            await cp(from, dest, { recursive: statSync(from).isDirectory(), errorOnExist: true, force: false });
            return;
        }
    }
    await mkdir(layout.tmpDir, { recursive: true });
    const scratch = await mkdtemp(join(layout.tmpDir, "pack-"));
    try {
        const spec = `${source.package}@${source.version}`;
        let tarball;
        try {
            // Scripts disabled: a registry tarball needs none to be unpacked, and none may run in a trusted job.
            const { stdout } = await execFileAsync("npm", ["pack", spec, "--ignore-scripts", "--json", "--pack-destination", scratch], {
                cwd: scratch,
            });
            const parsed = JSON.parse(stdout);
            tarball = join(scratch, parsed[0]?.filename ?? "");
        }
        catch (cause) {
            throw new MlopsError("remote", `could not fetch ${spec} from the npm registry`, { cause });
        }
        const inside = `package/${source.path}`;
        const tar = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 8697));
        await tar.x({ file: tarball, cwd: scratch, filter: (p) => p === inside || p.startsWith(`${inside}/`) });
        const extracted = join(scratch, inside);
        if (!existsSync(extracted)) {
            throw new MlopsError("not-found", `${spec} has no '${source.path}'`);
        }
        await cp(extracted, dest, { recursive: true, errorOnExist: true, force: false });
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}
/** `s3://BUCKET/KEY` (an object, or a prefix when it ends in `/` or holds no such object). */
function parseS3Object(url) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(url);
    if (!match)
        return undefined;
    const [, bucket, path] = match;
    const key = path.replace(/\/+$/, "");
    const segments = key.split("/");
    if (key === "" || segments.some((s) => s === "" || s === "." || s === ".."))
        return undefined;
    return { bucket, key, isPrefix: path.endsWith("/") };
}
/**
 * Downloads one object to `dest`, or every object under a prefix into the directory `dest`
 * (keys become relative paths; a key that would climb out is refused). The caller hashes the result
 * against the manifest.
 */
async function fetchFromS3(source, dest) {
    const parsed = parseS3Object(source.s3);
    if (!parsed)
        throw new MlopsError("usage", `'${source.s3}' is not an S3 object or prefix`);
    const where = `${source.s3}${source.endpoint ? ` at ${source.endpoint}` : ""}`;
    const client = await createS3Client({
        bucket: parsed.bucket,
        prefix: "",
        ...(source.endpoint ? { endpoint: source.endpoint } : {}),
        ...(source.region ? { region: source.region } : {}),
        ...(source.pathStyle ? { pathStyle: true } : {}),
    });
    const { GetObjectCommand, ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const getTo = async (key, path) => {
        const response = await client.send(new GetObjectCommand({ Bucket: parsed.bucket, Key: key }));
        await pipeline(response.Body, createWriteStream(path, { flags: "wx" }));
    };
    try {
        if (!parsed.isPrefix) {
            try {
                await getTo(parsed.key, dest);
                return;
            }
            catch (err) {
                if (!isS3NotFound(err))
                    throw err;
                await rm(dest, { force: true });
            }
        }
        const prefix = `${parsed.key}/`;
        const keys = [];
        let token;
        do {
            const page = await client.send(new ListObjectsV2Command({
                Bucket: parsed.bucket,
                Prefix: prefix,
                ...(token ? { ContinuationToken: token } : {}),
            }));
            for (const entry of page.Contents ?? [])
                if (entry.Key && !entry.Key.endsWith("/"))
                    keys.push(entry.Key);
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        if (keys.length === 0) {
            throw new MlopsError("not-found", `${where} is neither an object nor a prefix holding objects`);
        }
        await mkdir(dest);
        for (const key of keys) {
            const rel = key.slice(prefix.length);
            const normal = posix.normalize(rel);
            if (normal !== rel || normal.startsWith("../") || normal.startsWith("/")) {
                throw new MlopsError("refused", `${where}: the key '${key}' does not map to a path inside the dataset`);
            }
            const target = join(dest, ...normal.split("/"));
            await mkdir(dirname(target), { recursive: true });
            await getTo(key, target);
        }
    }
    catch (err) {
        throw s3Failure(err, `downloading ${source.s3}`, where, parsed.bucket);
    }
    finally {
        client.destroy();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/add.js












function defaultName(path) {
    const base = basename(path);
    const ext = extname(base);
    return (ext && ext !== base ? base.slice(0, -ext.length) : base).toLowerCase();
}
/** Hashes a file or directory into the cache and writes its manifest next to it; git ignores the bytes. */
async function addData(layout, path, options = {}) {
    const abs = resolve(options.cwd ?? process.cwd(), path);
    const shown = toRepoPath(layout, abs);
    if (shown.startsWith("..") || abs === layout.root) {
        throw new MlopsError("usage", `${path} is not inside the repository ${layout.root}`);
    }
    if (shown === ".mlops" || shown.startsWith(".mlops/") || shown.split("/").includes(".git")) {
        throw new MlopsError("usage", `${shown} is the repository's own state and cannot be tracked`);
    }
    if (!existsSync(abs))
        throw new MlopsError("not-found", `${shown} does not exist`, { file: shown });
    const name = options.name ?? defaultName(abs);
    if (!nameSlug.safeParse(name).success) {
        throw new MlopsError("usage", `'${name}' is not a valid dataset name`, {
            expected: "lowercase letters, digits, '.', '_' or '-'",
            hint: "pass --name NAME",
        });
    }
    const manifestPath = join(dirname(abs), `${name}.dvc`);
    const manifestShown = toRepoPath(layout, manifestPath);
    let previous;
    if (existsSync(manifestPath)) {
        previous = await readYamlFile(manifestPath, dataManifest, manifestShown);
        const tracked = previous.outs[0]?.path;
        if (tracked !== undefined && resolve(dirname(manifestPath), tracked) !== abs) {
            throw new MlopsError("conflict", `${manifestShown} already tracks ${tracked}, not ${basename(abs)}`, {
                file: manifestShown,
                hint: "pick another --name",
            });
        }
    }
    await ensureStateIgnored(layout);
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    const logger = options.logger ?? silentLogger;
    let out;
    let hashed;
    const outPath = relative(dirname(manifestPath), abs).split("\\").join("/");
    if (statSync(abs).isDirectory()) {
        const tree = await cache.addDirectory(abs, index, logger);
        out = { path: outPath, hash: "sha256", sha256: tree.oid, size: tree.size, nfiles: tree.nfiles };
        hashed = tree.hashed;
    }
    else {
        const file = await cache.addFile(abs, index);
        out = { path: outPath, hash: "sha256", sha256: file.sha256, size: file.size };
        hashed = file.hashed ? 1 : 0;
    }
    await index.save();
    const source = options.source ?? previous?.source;
    const manifest = {
        outs: [out],
        ...(source ? { source } : {}),
        ...(previous?.schema ? { schema: previous.schema } : {}),
        ...(previous?.desc ? { desc: previous.desc } : {}),
        ...(previous?.meta ? { meta: previous.meta } : {}),
    };
    await saveManifest(manifestPath, manifest);
    await ignoreInGit(abs);
    return {
        name,
        manifest: manifestShown,
        path: shown,
        sha256: out.sha256,
        size: out.size,
        ...(out.nfiles === undefined ? {} : { nfiles: out.nfiles }),
        hashed,
    };
}
/**
 * Copies a dataset from an npm package or a URL into the workspace and tracks it with its source
 * recorded, so a clone that has neither cache nor remote can fetch the same bytes again.
 */
async function importData(layout, spec, path, options = {}) {
    const parsed = parseImportSpec(spec);
    let source;
    if ("url" in parsed) {
        source = { url: parsed.url };
    }
    else if ("s3" in parsed) {
        source = { s3: parsed.s3 };
    }
    else {
        const pkg = parsed;
        source = { package: pkg.package, version: await resolvePackageVersion(layout, pkg), path: pkg.path };
    }
    const defaultDest = join(layout.dataDir, basename("url" in source
        ? new URL(source.url).pathname
        : "s3" in source
            ? source.s3.replace(/\/+$/, "")
            : source.path));
    const dest = path === undefined ? defaultDest : resolve(options.cwd ?? process.cwd(), path);
    if ("s3" in source) {
        const manifest = join(dirname(dest), `${options.name ?? defaultName(dest)}.dvc`);
        source = { ...source, ...(options.s3 ?? (await recordedS3Settings(manifest, source.s3))) };
    }
    if (existsSync(dest) && !options.force) {
        throw new MlopsError("conflict", `${toRepoPath(layout, dest)} already exists`, {
            hint: "pass --force to replace it",
        });
    }
    await mkdir(dirname(dest), { recursive: true });
    const temp = tempPathFor(dest);
    options.logger?.info(`fetching ${describeSource(source)}`);
    try {
        await fetchFromSource(layout, source, temp);
        await rm(dest, { recursive: true, force: true });
        await rename(temp, dest);
    }
    catch (err) {
        await rm(temp, { recursive: true, force: true });
        throw err;
    }
    const added = await addData(layout, dest, { ...options, source });
    return { ...added, source };
}
/** The endpoint settings a manifest already records for this S3 URL: a refresh reaches the same store. */
async function recordedS3Settings(manifestPath, url) {
    if (!existsSync(manifestPath))
        return {};
    const recorded = (await readYamlFile(manifestPath, dataManifest, manifestPath)).source;
    if (!recorded || !("s3" in recorded) || recorded.s3 !== url)
        return {};
    const { s3: _url, ...settings } = recorded;
    return settings;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/repo-config.js
var repo_config = __webpack_require__(7204);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/config.js








function fileFor(layout, scope) {
    return scope === "local" ? layout.localConfigFile : layout.configFile;
}
async function readConfigFile(layout, scope) {
    const file = fileFor(layout, scope);
    if (!(0,external_node_fs_.existsSync)(file))
        return repo_config/* repoConfig */.fm.parse({});
    return (0,yaml_file/* readYamlFile */.kv)(file, repo_config/* repoConfig */.fm, (0,external_node_path_.relative)(layout.root, file));
}
async function writeConfigFile(layout, scope, config) {
    await ensureStateIgnored(layout);
    await writeYamlFile(fileFor(layout, scope), repoConfig, config);
}
/** The tracked config with the machine-local one laid over it (a local remote of the same name wins). */
async function effectiveConfig(layout) {
    const shared = await readConfigFile(layout, "repo");
    const local = await readConfigFile(layout, "local");
    const scopes = {};
    for (const name of Object.keys(shared.remotes))
        scopes[name] = "repo";
    for (const name of Object.keys(local.remotes))
        scopes[name] = "local";
    return {
        remotes: { ...shared.remotes, ...local.remotes },
        defaults: { ...shared.defaults, ...local.defaults },
        stages: { ...shared.stages, ...local.stages },
        images: { ...shared.images, ...local.images },
        ...(shared.deploy || local.deploy
            ? { deploy: { ...shared.deploy, ...local.deploy } }
            : {}),
        scopes,
    };
}
function s3SettingsOf(remote) {
    return {
        ...(remote.endpoint === undefined ? {} : { endpoint: remote.endpoint }),
        ...(remote.region === undefined ? {} : { region: remote.region }),
        ...(remote.pathStyle ? { pathStyle: true } : {}),
    };
}
async function listRemotes(layout) {
    const config = await effectiveConfig(layout);
    return Object.entries(config.remotes)
        .map(([name, remote]) => ({
        name,
        url: remote.url,
        scope: config.scopes[name] ?? "repo",
        default: config.defaults.remote === name,
        ...(remote.jobs === undefined ? {} : { jobs: remote.jobs }),
        ...s3SettingsOf(remote),
    }))
        .sort((a, b) => a.name.localeCompare(b.name));
}
async function addRemote(layout, name, url, options = {}) {
    const scope = options.scope ?? "repo";
    if (!nameSlug.safeParse(name).success) {
        throw new MlopsError("usage", `'${name}' is not a valid remote name`, {
            expected: "lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
        });
    }
    const config = await readConfigFile(layout, scope);
    if (config.remotes[name] && !options.force) {
        throw new MlopsError("conflict", `remote '${name}' already exists (${config.remotes[name].url})`, {
            hint: "pass --force to replace it, or `mlops remote remove` it first",
        });
    }
    const s3 = s3SettingsOf(options);
    const entry = remoteConfig.safeParse({
        url,
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        ...s3,
    });
    if (!entry.success) {
        const issue = entry.error.issues[0];
        throw new MlopsError("usage", `remote '${name}': ${issue?.path.join(".") || "url"}: ${issue?.message}`, {
            field: `remotes.${name}.${issue?.path.join(".") ?? ""}`,
        });
    }
    // Validates the URL and refuses schemes we cannot talk to yet (no request is made).
    openRemote({ name, url, ...s3 }, layout.root);
    config.remotes[name] = entry.data;
    const everyRemote = await effectiveConfig(layout);
    if (options.makeDefault ||
        (Object.keys(everyRemote.remotes).length === 0 && !everyRemote.defaults.remote)) {
        config.defaults.remote = name;
    }
    await writeConfigFile(layout, scope, config);
    const listed = (await listRemotes(layout)).find((r) => r.name === name);
    return listed ?? { name, url, scope, default: config.defaults.remote === name };
}
async function removeRemote(layout, name) {
    for (const scope of ["local", "repo"]) {
        const config = await readConfigFile(layout, scope);
        if (!config.remotes[name])
            continue;
        delete config.remotes[name];
        if (config.defaults.remote === name)
            delete config.defaults.remote;
        await writeConfigFile(layout, scope, config);
        return { name, scope };
    }
    throw new MlopsError("not-found", `no remote named '${name}'`, { hint: "see `mlops remote list`" });
}
/** The remote named, else the default one, else the only one; `undefined` when none is configured. */
async function resolveRemote(layout, name) {
    const config = await effectiveConfig(layout);
    const names = Object.keys(config.remotes);
    const chosen = name ?? config.defaults.remote ?? (names.length === 1 ? names[0] : undefined);
    if (chosen === undefined) {
        if (names.length > 1) {
            throw new errors/* MlopsError */.IC("usage", `several remotes are configured (${names.join(", ")}) and none is the default`, {
                hint: "pass --remote NAME or run `mlops remote add NAME URL --default --force`",
            });
        }
        return undefined;
    }
    const spec = config.remotes[chosen];
    if (!spec)
        throw new errors/* MlopsError */.IC("not-found", `no remote named '${chosen}'`, { hint: "see `mlops remote list`" });
    const jobs = spec.jobs ?? config.defaults.jobs;
    return {
        remote: (0,store/* openRemote */.d3)({ name: chosen, url: spec.url, ...s3SettingsOf(spec), ...(jobs === undefined ? {} : { jobs }) }, layout.root),
        ...(jobs === undefined ? {} : { jobs }),
    };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var src_git = __webpack_require__(1865);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/gc.js







const objectIdInText = /\b[0-9a-f]{64}(?:\.dir)?\b/g;
/** Files whose text names objects: data manifests and pipeline locks (and later, anything like them). */
function namesObjects(path) {
    return path.endsWith(".dvc") || path.endsWith("pipeline.lock");
}
function collectIds(text, into) {
    for (const match of text.matchAll(objectIdInText))
        into.add(match[0]);
}
/**
 * Everything that must survive a gc: objects named by the working tree's manifests, by manifests
 * and locks at the tip of every branch and tag (or in every commit with `allCommits`), by tag
 * annotations (registered model versions), and by the run cache.
 */
async function gcRoots(layout, options = {}) {
    const ids = new Set();
    for (const file of findManifestFiles(layout))
        collectIds(readFileSync(file, "utf8"), ids);
    const pipelines = layout.pipelinesDir;
    if (existsSync(pipelines)) {
        for (const name of readdirSync(pipelines)) {
            const lock = join(pipelines, name, "pipeline.lock");
            if (existsSync(lock))
                collectIds(readFileSync(lock, "utf8"), ids);
        }
    }
    const runs = join(layout.cacheDir, "runs");
    if (existsSync(runs)) {
        const visit = (dir) => {
            for (const name of readdirSync(dir)) {
                const path = join(dir, name);
                if (statSync(path).isDirectory())
                    visit(path);
                else
                    collectIds(readFileSync(path, "utf8"), ids);
            }
        };
        visit(runs);
    }
    let commits = 0;
    if (await isGitRepo(layout.root)) {
        const cwd = layout.root;
        const refs = (await git(["for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname)"], { cwd }))
            .split("\n")
            .filter(Boolean);
        const tips = new Set();
        for (const line of refs) {
            const [name, type, peeled] = line.split(" ");
            if (type === "commit" && name)
                tips.add(name);
            if (type === "tag" && peeled)
                tips.add(peeled);
        }
        const head = (await git(["rev-parse", "--verify", "--quiet", "HEAD"], { cwd, okCodes: [1] })).trim();
        if (head)
            tips.add(head);
        let commitList = [...tips];
        if (options.allCommits && commitList.length > 0) {
            commitList = (await git(["rev-list", ...commitList], { cwd })).split("\n").filter(Boolean);
        }
        commits = commitList.length;
        const blobs = new Set();
        for (const commit of commitList) {
            const tree = await git(["ls-tree", "-r", "-z", commit], { cwd });
            for (const record of tree.split("\0")) {
                const tab = record.indexOf("\t");
                if (tab < 0)
                    continue;
                const [, type, blob] = record.slice(0, tab).split(" ");
                if (type === "blob" && blob && namesObjects(record.slice(tab + 1)))
                    blobs.add(blob);
            }
        }
        for (const content of (await readBlobs(cwd, [...blobs])).values())
            collectIds(content.toString("utf8"), ids);
        // Annotated tags carry registered versions and stage assignments, which name model artifacts.
        collectIds(await git(["for-each-ref", "refs/tags", "--format=%(contents)"], { cwd }), ids);
    }
    return { commits, ids };
}
async function expandDirs(ids, readListing) {
    for (const oid of [...ids]) {
        if (!isDirId(oid))
            continue;
        const bytes = await readListing(oid);
        if (!bytes)
            continue;
        for (const entry of parseListing(bytes, oid))
            ids.add(entry.sha256);
    }
}
/**
 * Lists (and with `yes`, removes) objects nothing references. Without `yes` it is a dry run: the
 * same list, nothing deleted.
 */
async function collectGarbage(layout, options = {}) {
    const logger = options.logger ?? silentLogger;
    const roots = await gcRoots(layout, options);
    const cache = new Cache(layout.cacheDir);
    const keep = new Set(roots.ids);
    await expandDirs(keep, async (oid) => (cache.has(oid) ? cache.readVerified(oid) : undefined));
    const plans = [];
    const cacheObjects = cache.listObjects();
    const unreferenced = cacheObjects.filter((oid) => !keep.has(oid));
    if (options.yes) {
        for (const oid of unreferenced)
            await cache.remove(oid);
        await cache.removeLeftovers();
    }
    plans.push({
        where: "cache",
        unreferenced,
        kept: cacheObjects.length - unreferenced.length,
        removed: options.yes === true,
    });
    if (options.remote) {
        const remote = options.remote;
        const remoteKeep = new Set(keep);
        await expandDirs(remoteKeep, async (oid) => {
            if (cache.has(oid))
                return cache.readVerified(oid);
            const temp = await cache.scratchPath(oid);
            try {
                await remote.download(oid, temp);
                return readFileSync(temp);
            }
            catch {
                return undefined;
            }
            finally {
                await rm(temp, { force: true });
            }
        });
        const listed = await remote.list();
        const gone = listed.filter((oid) => !remoteKeep.has(oid));
        if (options.yes) {
            const progress = logger.progress(`removing from ${remote.name}`, gone.length);
            try {
                if (remote.removeMany) {
                    await remote.removeMany(gone, (n) => progress.tick(n));
                }
                else {
                    for (const oid of gone) {
                        await remote.remove(oid);
                        progress.tick();
                    }
                }
                // A remote that batches writes (a git branch) publishes the removals here.
                await remote.flush?.();
            }
            finally {
                progress.done();
            }
            // Parts of uploads a killed push never finished are invisible garbage too.
            const aborted = (await remote.abortUnfinishedUploads?.()) ?? 0;
            if (aborted > 0)
                logger.info(`aborted ${aborted} unfinished upload(s) on ${remote.name}`);
        }
        plans.push({
            where: `remote:${remote.name}`,
            unreferenced: gone,
            kept: listed.length - gone.length,
            removed: options.yes === true,
        });
    }
    return { roots: roots.ids.size, commits: roots.commits, plans };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/status.js



/**
 * Compares each workspace copy with its manifest. The hash index makes this cost one stat per
 * unchanged file; a directory counts as cached when its listing object is stored (which the store
 * writes only after every file it names).
 */
async function status_datasetStatus(layout, datasets, options = {}) {
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    let hashed = 0;
    const out = [];
    const remoteHas = options.remote
        ? await options.remote.has(datasets.map((d) => d.manifest.outs[0]?.sha256 ?? ""))
        : undefined;
    for (const dataset of datasets) {
        const expected = dataset.manifest.outs[0]?.sha256 ?? "";
        let workspace = "missing";
        let actual;
        if (existsSync(dataset.outPath)) {
            const isDir = statSync(dataset.outPath).isDirectory();
            if (isDir !== expected.endsWith(".dir")) {
                workspace = "modified";
            }
            else if (isDir) {
                const tree = await cache.statusOfDirectory(dataset.outPath, index, options.logger);
                hashed += tree.hashed;
                actual = tree.oid;
            }
            else {
                const file = await cache.statusOfFile(dataset.outPath, index);
                hashed += file.hashed ? 1 : 0;
                actual = file.sha256;
            }
            if (actual !== undefined)
                workspace = actual === expected ? "ok" : "modified";
        }
        const source = dataset.manifest.source;
        out.push({
            name: dataset.name,
            manifest: dataset.file,
            path: dataset.manifest.outs[0]?.path ?? "",
            sha256: expected,
            workspace,
            ...(workspace === "modified" && actual ? { actual } : {}),
            inCache: cache.has(expected),
            ...(remoteHas ? { onRemote: remoteHas.has(expected) } : {}),
            ...(source ? { source: describeSource(source) } : {}),
        });
    }
    await index.save();
    return {
        datasets: out,
        hashed,
        clean: out.every((d) => d.workspace === "ok" && d.inCache && d.onRemote !== false),
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/stored-object.js



/**
 * The path of an object in the local store, pulled from the default data remote when it is not there,
 * and verified either way: what a model file, a training split or a base dataset is read from.
 * `what` names the object in errors ("the model of fuel-efficiency@v1.2.0").
 */
async function storedObject(layout, oid, options) {
    const cache = new store.Cache(layout.cacheDir);
    if (!cache.has(oid)) {
        const resolved = await resolveRemote(layout);
        if (!resolved) {
            throw new errors/* MlopsError */.IC("not-found", `${options.what} (sha256 ${oid.slice(0, 12)}…) is not in the local store`, {
                hint: "configure the data remote it was pushed to (`mlops remote add`), or run `mlops data pull`",
            });
        }
        try {
            await (0,store/* pull */.a$)(cache, resolved.remote, [{ oid, referencedBy: options.referencedBy }]);
        }
        catch (err) {
            throw new errors/* MlopsError */.IC("not-found", `${options.what} could not be fetched from the data remote`, {
                expected: `object sha256 ${oid}`,
                hint: "a trusted run pushes pipeline outputs and datasets with `mlops data push`",
                cause: err,
            });
        }
    }
    const check = await cache.verify(oid);
    if (!check.ok) {
        throw new errors/* MlopsError */.IC("hash-mismatch", `the stored copy of ${options.what} is corrupt`, {
            expected: oid,
            got: check.actual ?? "unreadable",
            hint: "`mlops data verify --repair` removes it so the next pull fetches a good copy",
        });
    }
    return cache.pathOf(oid);
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/sync.js










function itemsOf(datasets) {
    return datasets.map((d) => ({ oid: d.manifest.outs[0]?.sha256 ?? "", referencedBy: d.file }));
}
async function pushDatasets(layout, datasets, remote, options = {}) {
    const cache = new Cache(layout.cacheDir);
    for (const dataset of datasets) {
        const oid = dataset.manifest.outs[0]?.sha256 ?? "";
        if (!cache.has(oid)) {
            throw new MlopsError("not-found", `${dataset.name} (${oid}) is not in the cache, so it cannot be pushed`, {
                file: dataset.file,
                hint: "run `mlops data add` on its workspace copy, or `mlops data pull` it first",
            });
        }
    }
    return pushObjects(cache, remote, itemsOf(datasets), options);
}
/**
 * Restores workspace copies from the cache, verifying every byte. A workspace copy that differs
 * from its manifest is someone's unsaved work: it is replaced only with `force`.
 */
async function checkoutDatasets(layout, datasets, options = {}) {
    const logger = options.logger ?? silentLogger;
    const status = await datasetStatus(layout, datasets, { logger });
    const modified = status.datasets.filter((d) => d.workspace === "modified");
    if (modified.length > 0 && !options.force) {
        throw new MlopsError("conflict", `refusing to overwrite changed workspace copies: ${modified.map((d) => d.path).join(", ")}`, {
            file: modified[0]?.manifest,
            hint: "`mlops data add` them to keep the changes, or pass --force to discard them",
        });
    }
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    const report = { datasets: [] };
    try {
        for (const [i, dataset] of datasets.entries()) {
            const state = status.datasets[i];
            const oid = dataset.manifest.outs[0]?.sha256 ?? "";
            if (state?.workspace === "ok") {
                report.datasets.push({ name: dataset.name, manifest: dataset.file, action: "unchanged" });
                continue;
            }
            try {
                // Before anything is removed or created: the workspace copy must really be in the repository.
                assertWriteInside(layout.root, dataset.outPath, toRepoPath(layout, dataset.outPath));
                if (isDirId(oid)) {
                    if (existsSync(dataset.outPath) && !statSync(dataset.outPath).isDirectory())
                        await rm(dataset.outPath);
                    const result = await cache.checkoutDirectory(oid, dataset.outPath, index, logger, layout.root);
                    report.datasets.push({
                        name: dataset.name,
                        manifest: dataset.file,
                        action: "written",
                        files: result.written,
                    });
                }
                else {
                    if (existsSync(dataset.outPath) && statSync(dataset.outPath).isDirectory()) {
                        await rm(dataset.outPath, { recursive: true });
                    }
                    await cache.checkoutFile(oid, dataset.outPath, index, layout.root);
                    report.datasets.push({ name: dataset.name, manifest: dataset.file, action: "written", files: 1 });
                }
            }
            catch (err) {
                throw nameManifest(err, dataset);
            }
        }
    }
    finally {
        await index.save();
    }
    return report;
}
function nameManifest(err, dataset) {
    if (err instanceof MlopsError && !err.file) {
        return new MlopsError(err.code, `${err.message} (referenced by ${dataset.file})`, {
            file: dataset.file,
            field: err.field,
            expected: err.expected,
            got: err.got,
            hint: err.hint,
            cause: err.cause,
        });
    }
    return err;
}
/**
 * Fetches an imported dataset again from its recorded source and stores it, refusing bytes whose
 * hash is not the manifest's: the source may have changed since it was recorded.
 */
async function materialiseFromSource(layout, dataset, logger = silentLogger) {
    const source = dataset.manifest.source;
    const expected = dataset.manifest.outs[0]?.sha256 ?? "";
    if (!source) {
        throw new MlopsError("not-found", `${dataset.name} (${expected}) is in neither the cache nor a remote, and has no recorded source`, {
            file: dataset.file,
            hint: "configure the remote it was pushed to with `mlops remote add`, then pull again",
        });
    }
    const described = describeSource(source);
    logger.info(`materialising ${dataset.name} from ${described}`);
    await mkdir(layout.tmpDir, { recursive: true });
    const scratch = await mkdtemp(join(layout.tmpDir, "source-"));
    try {
        const landing = join(scratch, "data");
        await fetchFromSource(layout, source, landing);
        const cache = new Cache(layout.cacheDir);
        // A throwaway index: these scratch paths must not linger in the real one.
        const index = await HashIndex.open(join(scratch, "state"));
        const actual = statSync(landing).isDirectory()
            ? (await cache.addDirectory(landing, index)).oid
            : (await cache.addFile(landing)).sha256;
        if (actual !== expected) {
            throw new MlopsError("hash-mismatch", `the recorded source of ${dataset.name} no longer matches its manifest`, {
                file: dataset.file,
                field: "outs[0].sha256",
                expected,
                got: actual,
                hint: `the bytes at ${described} changed; import the new version deliberately with \`mlops data import --force\``,
            });
        }
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}
/**
 * Brings every selected dataset into the cache (from the remote, else from its recorded source),
 * then checks the workspace copies out.
 */
async function pullDatasets(layout, datasets, remote, options = {}) {
    const logger = options.logger ?? silentLogger;
    await ensureStateIgnored(layout);
    const cache = new Cache(layout.cacheDir);
    const missing = datasets.filter((d) => !cache.has(d.manifest.outs[0]?.sha256 ?? ""));
    let fromRemote = {
        transferred: 0,
        skipped: datasets.length - missing.length,
        bytes: 0,
    };
    let remaining = missing;
    if (remote && missing.length > 0) {
        const present = await remote.has(missing.map((d) => d.manifest.outs[0]?.sha256 ?? ""));
        const onRemote = missing.filter((d) => present.has(d.manifest.outs[0]?.sha256 ?? ""));
        const result = await pullObjects(cache, remote, itemsOf(onRemote), options);
        fromRemote = { ...result, skipped: result.skipped + fromRemote.skipped, remote: remote.name };
        remaining = missing.filter((d) => !present.has(d.manifest.outs[0]?.sha256 ?? ""));
    }
    const fromSource = [];
    for (const dataset of remaining) {
        await materialiseFromSource(layout, dataset, logger);
        fromSource.push(dataset.name);
    }
    const checkout = await checkoutDatasets(layout, datasets, options);
    return { fromRemote, fromSource, checkout };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/verify.js



/**
 * Hashes every object the manifests reference, in the cache and optionally on a remote, and names
 * each bad one with the manifest that needs it. `repair` drops corrupt cache objects so the next
 * pull fetches good copies.
 */
async function verifyDatasets(layout, datasets, options = {}) {
    const logger = options.logger ?? silentLogger;
    const cache = new Cache(layout.cacheDir);
    const wanted = new Map();
    const problems = [];
    for (const dataset of datasets) {
        const oid = dataset.manifest.outs[0]?.sha256 ?? "";
        wanted.set(oid, dataset.file);
        if (isDirId(oid) && cache.has(oid)) {
            try {
                for (const entry of await cache.readDirListing(oid))
                    if (!wanted.has(entry.sha256))
                        wanted.set(entry.sha256, dataset.file);
            }
            catch {
                // Reported below when the listing itself is hashed.
            }
        }
    }
    const progress = logger.progress("verifying cache", wanted.size);
    try {
        for (const [oid, manifest] of wanted) {
            const result = await cache.verify(oid);
            if (result.missing)
                problems.push({ oid, manifest, where: "cache", problem: "missing" });
            else if (!result.ok) {
                const problem = {
                    oid,
                    manifest,
                    where: "cache",
                    problem: "corrupt",
                    ...(result.actual ? { actual: result.actual } : {}),
                };
                if (options.repair) {
                    await cache.remove(oid);
                    problem.repaired = true;
                }
                problems.push(problem);
            }
            progress.tick();
        }
    }
    finally {
        progress.done();
    }
    let checked = wanted.size;
    const remote = options.remote;
    if (remote) {
        const remoteWanted = new Map();
        for (const dataset of datasets)
            remoteWanted.set(dataset.manifest.outs[0]?.sha256 ?? "", dataset.file);
        const where = `remote:${remote.name}`;
        const check = async (oid, manifest) => {
            const present = await remote.has([oid]);
            if (!present.has(oid)) {
                problems.push({ oid, manifest, where, problem: "missing" });
                return undefined;
            }
            const temp = await cache.scratchPath(oid);
            try {
                await remote.download(oid, temp);
                const { sha256 } = await hashFile(temp);
                if (sha256 !== digestOf(oid)) {
                    problems.push({ oid, manifest, where, problem: "corrupt", actual: sha256 });
                    return undefined;
                }
                return isDirId(oid) ? await readFile(temp) : undefined;
            }
            finally {
                await rm(temp, { force: true });
            }
        };
        for (const [oid, manifest] of [...remoteWanted]) {
            const listing = await check(oid, manifest);
            checked += 1;
            if (listing) {
                for (const entry of parseListing(listing, oid)) {
                    await check(entry.sha256, manifest);
                    checked += 1;
                }
            }
        }
    }
    return { checked, problems, ok: problems.every((p) => p.problem !== "corrupt") };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js











/***/ }),

/***/ 4799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ selectDatasets),
/* harmony export */   J_: () => (/* binding */ datasetsCovering),
/* harmony export */   Zh: () => (/* binding */ loadDataset)
/* harmony export */ });
/* unused harmony exports findManifestFiles, saveManifest, ignoreInGit, ensureStateIgnored */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9936);
/* harmony import */ var _files_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(558);
/* harmony import */ var _manifest_data_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3583);
/* harmony import */ var _manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7441);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1196);





// Only the schemas this module needs: loading every kind's schema would cost each quick verb ~0.1 s.



const skippedDirs = new Set(["node_modules", ".git", ".mlops", "lib", "dist", "coverage"]);

/** Every `*.dvc` manifest under the repository, skipping dependency and build folders. */
/** Names a `.gitignore` excludes with a rooted `/name` line: workspace copies that `data add` wrote there. */
function ignoredHere(dir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, ".gitignore");
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return new Set();
    const names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => /^\/[^/*?[\]!]+\/?$/.test(line))
        .map((line) => line.replace(/^\//, "").replace(/\/$/, ""));
    return new Set(names);
}
/**
 * Directories listed in `.mlopsignore` at the repository root (one repo-relative path per line, `#`
 * comments): manifests under them are not the repository's datasets, e.g. test fixtures.
 */
function excludedDirs(layout) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.root, ".mlopsignore");
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return new Set();
    return new Set((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8")
        .split("\n")
        .map((line) => line.trim().replace(/^\/+/, "").replace(/\/+$/, ""))
        .filter((line) => line !== "" && !line.startsWith("#")));
}
/**
 * Every `*.dvc` manifest under the repository, skipping dependency and build folders and the
 * workspace copies of tracked directories (which can hold 100k files and never hold manifests).
 */
function findManifestFiles(layout) {
    const out = [];
    const excluded = excludedDirs(layout);
    const visit = (dir) => {
        const ignored = ignoredHere(dir);
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.isDirectory()) {
                if (skippedDirs.has(entry.name) || entry.name.startsWith(".venv") || ignored.has(entry.name))
                    continue;
                if (excluded.has((0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__.toRepoPath)(layout, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name))))
                    continue;
                visit((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name));
            }
            else if (entry.isFile() && entry.name.endsWith(".dvc")) {
                if ((0,_manifest_data_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .isDvcOwnFile */ .S$)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name), "utf8")))
                    continue;
                out.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name));
            }
        }
    };
    visit(layout.root);
    return out.sort();
}
async function loadDataset(layout, manifestPath) {
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(layout.root, manifestPath);
    const file = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__.toRepoPath)(layout, abs);
    const manifest = await (0,_manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readYamlFile */ .kv)(abs, _manifest_data_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .dataManifest */ .UL, file);
    const out = manifest.outs[0];
    if (!out)
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("invalid-file", "expected at least one output", { file, field: "outs" });
    return { file, name: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(abs, ".dvc"), manifest, outPath: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(abs), out.path) };
}
/**
 * The datasets named by `targets` (a manifest path, a workspace path, or a dataset name), or every
 * dataset when none is given.
 */
async function selectDatasets(layout, targets = [], cwd = process.cwd()) {
    const all = await Promise.all(findManifestFiles(layout).map((f) => loadDataset(layout, f)));
    if (targets.length === 0)
        return all;
    return targets.map((target) => {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, target);
        const found = all.find((d) => d.name === target ||
            (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(layout.root, d.file) === abs ||
            d.outPath === abs ||
            (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(layout.root, d.file) === `${abs}.dvc`);
        if (!found) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("not-found", `'${target}' is not a tracked dataset`, {
                hint: "name a dataset, its .dvc manifest or its workspace path; `mlops data status` lists them",
            });
        }
        return found;
    });
}
/** The tracked datasets whose workspace copy is, or holds, one of these repo-relative paths. */
async function datasetsCovering(layout, repoPaths) {
    return (await selectDatasets(layout)).filter((d) => {
        const out = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__.toRepoPath)(layout, d.outPath);
        return repoPaths.some((p) => p === out || p.startsWith(`${out}/`));
    });
}
async function saveManifest(absPath, manifest) {
    await writeYamlFile(absPath, dataManifest, manifest);
}
/**
 * Adds `/<name>` to the `.gitignore` next to a workspace copy, as DVC does, so the bytes never get
 * committed while the manifest does.
 */
async function ignoreInGit(workspacePath) {
    const ignoreFile = join(dirname(workspacePath), ".gitignore");
    const line = `/${basename(workspacePath)}`;
    const text = existsSync(ignoreFile) ? await readFile(ignoreFile, "utf8") : "";
    if (text.split("\n").includes(line))
        return;
    await writeFileAtomic(ignoreFile, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${line}\n`);
}
const mlopsIgnore = (/* unused pure expression or super */ null && (`# Written by mlops: machine-local state never belongs in git.
/cache/
/state/
/tmp/
/venvs/
/config.local.yaml
`));
/** Makes sure `.mlops/.gitignore` keeps the cache, state and local config out of commits. */
async function ensureStateIgnored(layout) {
    const file = join(layout.mlopsDir, ".gitignore");
    if (!existsSync(file))
        await writeFileAtomic(file, mlopsIgnore);
}


/***/ })

};
