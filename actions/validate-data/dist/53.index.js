export const id = 53;
export const ids = [53,196];
export const modules = {

/***/ 558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: isTempName, packageRoot, splitAcrossWorkers, splitIntoShares, startEvalWorker, tempPathFor

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
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
    const temp = tempPathFor(target);
    try {
        await (0,promises_.writeFile)(temp, data);
        await (0,promises_.rename)(temp, target);
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true });
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
    const worker = new Worker(source, { eval: true, workerData });
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

/***/ 3919:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __webpack_require__) => {


// UNUSED EXPORTS: git, gitCapture, gitRaw, gitStderrTail, isGitRepo, readBlobs, remoteEnv

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/git/git.js


/** Runs git with no shell and collects both streams as bytes; the exit code is the caller's to judge. */
function spawnGit(args, options) {
    return new Promise((resolvePromise, reject) => {
        const input = options.input;
        const child = spawn("git", args, {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
        });
        const out = [];
        const err = [];
        child.stdout?.on("data", (chunk) => out.push(chunk));
        child.stderr?.on("data", (chunk) => err.push(chunk));
        child.on("error", (cause) => reject(new MlopsError("command-failed", "could not run git", { cause, hint: "is git installed?" })));
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
    throw new MlopsError("command-failed", `git ${args[0]} failed (exit ${code}): ${message}`);
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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/git/index.js




/***/ }),

/***/ 5765:
/***/ (() => {


// UNUSED EXPORTS: lineLogger, memoryLogger, silentLogger

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/log/logger.js
const noProgress = { tick() { }, setTotal() { }, done() { } };
/** For tests and for callers that want silence. */
const silentLogger = {
    info() { },
    warn() { },
    debug() { },
    progress: () => noProgress,
};
/** Collects messages; tests assert on what a person would have read. */
function memoryLogger() {
    const lines = [];
    return {
        lines,
        info: (m) => lines.push(m),
        warn: (m) => lines.push(`warning: ${m}`),
        debug() { },
        progress: () => noProgress,
    };
}
/**
 * A logger over an action's line writers (`@actions/core` itself: `info`, `warning`, `debug`): where
 * a bar cannot redraw, progress is one line when the work starts.
 */
function lineLogger(write) {
    return {
        info: (m) => write.info(m),
        warn: (m) => write.warning(m),
        debug: (m) => write.debug(m),
        progress: (label, total) => {
            write.info(`${label} (${total})…`);
            return noProgress;
        },
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/log/index.js



/***/ }),

/***/ 3260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   pU: () => (/* binding */ imageRepositoryName),
/* harmony export */   r3: () => (/* binding */ npmPackageName),
/* harmony export */   u6: () => (/* binding */ exactSemver)
/* harmony export */ });
/* unused harmony exports sha256Hex, npmPackageNamePattern, exactSemverPattern, stageName */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);

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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
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

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RH: () => (/* binding */ lineInYaml),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   kv: () => (/* binding */ readYamlFile)
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

/***/ 1196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  repoLayout: () => (/* reexport */ repoLayout),
  xD: () => (/* reexport */ toRepoPath)
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

/***/ 1520:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DC: () => (/* reexport */ hash_hashFile)
});

// UNUSED EXPORTS: Cache, GitBranchRemote, HashIndex, LocalRemote, ReadOnlyRemote, S3Remote, assertWriteInside, createS3Client, defaultMaxObjectBytes, digestOf, gitBranchScheme, guardRemoteWrites, hashBytes, hashStats, isDirId, isObjectId, isReadOnlyRemote, isS3NotFound, listingId, objectRelPath, openRemote, parseGitBranchUrl, parseListing, parseS3Url, pull, push, remoteWritesAllowed, remoteWritesBlockedBy, s3Failure, serializeListing, walkFiles

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
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/cache-errors.js

/** A cache object whose bytes no longer hash to its name: it must not travel anywhere. */
function cache_errors_corruptInCache(oid, actual) {
    return new MlopsError("hash-mismatch", `object ${oid} in the cache is corrupt: its content hashes to ${actual}`, {
        field: oid,
        hint: "run `mlops data verify --repair`, then add or pull it again",
    });
}
function cache_errors_notInCache(oid) {
    return new MlopsError("not-found", `object ${oid} is not in the cache, so it cannot be pushed`, {
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
    let at = resolve(path);
    for (;;) {
        try {
            lstatSync(at);
            break;
        }
        catch {
            const parent = dirname(at);
            if (parent === at)
                break;
            missing.unshift(basename(at));
            at = parent;
        }
    }
    // The path itself may be a symlink: `rename` over it replaces the link, but `mkdir -p` or a
    // directory checkout writes into its target, so the target is what must stay inside.
    return resolve(realpathSync(at), ...missing);
}
function inside(root, path) {
    const rel = relative(root, path);
    return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
/**
 * Refuses a write whose real destination lies outside `root` (the repository), before anything is
 * created: every workspace write (checkout, run-cache restore) calls this first.
 */
function confine_assertWriteInside(root, dest, shown = dest) {
    const realRoot = realpathSync(root);
    const real = realDestination(dest);
    if (!inside(realRoot, real)) {
        throw new MlopsError("refused", `refusing to write ${shown}: it resolves to ${real}, outside the repository`, {
            expected: `a destination inside ${realRoot}`,
            got: real,
            hint: "a directory on the way is a symbolic link that leaves the repository; replace it with a real directory",
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/hash.js


/**
 * Process-wide counters. Tests assert on them ("one changed file re-hashes exactly one file"), and
 * `--verbose` prints them, so nobody has to guess whether the index did its job.
 */
const hash_hashStats = { filesHashed: 0, bytesHashed: 0 };
/** Large reads keep the syscall count low; 4 MiB measured as fast as any larger size here. */
const chunkSize = 4 * 1024 * 1024;
function hash_hashBytes(bytes) {
    hash_hashStats.filesHashed += 1;
    hash_hashStats.bytesHashed += bytes.byteLength;
    return (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
}
/**
 * Streams a file through sha256 without holding it in memory. Two buffers alternate so the next read
 * runs on the thread pool while this thread hashes the previous one; that overlap is what makes this
 * faster than `openssl dgst` on the same file (see BENCHMARKS.md).
 */
async function hash_hashFile(path) {
    const handle = await (0,promises_.open)(path, "r");
    try {
        const { size: statSize } = await handle.stat();
        // Small files: one read into a right-sized buffer; big buffers per file would dominate the cost.
        if (statSize <= chunkSize) {
            const bytes = await handle.readFile();
            return { sha256: hash_hashBytes(bytes), size: bytes.byteLength };
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
        hash_hashStats.filesHashed += 1;
        hash_hashStats.bytesHashed += size;
        return { sha256: hash.digest("hex"), size };
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/copy-hashing.js



const copy_hashing_chunkSize = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
/**
 * Copies `src` to `dest` and hashes the bytes on the way, in one read of the source: the hash is of
 * exactly the bytes written, so a file that changes during the copy cannot slip in under an old hash.
 * Three buffers rotate so that reading the next chunk, hashing this one and writing the previous
 * one all overlap (reads and writes run on the thread pool while this thread hashes).
 */
async function copy_hashing_copyHashing(src, dest) {
    const input = await open(src, "r");
    try {
        const output = await open(dest, "wx");
        try {
            const hash = createHash("sha256");
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
    return Math.min(availableParallelism(), 4);
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
const workerSource = (/* unused pure expression or super */ null && (`
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
`));
/** Workers started ahead of time, taken by the next copy that shares its work. */
const warm = (/* unused pure expression or super */ null && ([]));
/**
 * Starts the workers a bulk copy would use, so that their start-up (~40 ms of a core, more on a
 * busy machine) overlaps what the caller does before copying (reading listings, asking the remote
 * what it has) instead of the copy. An unused worker costs a few ms of another core and does not
 * keep the process alive.
 */
function copy_many_startCopyWorkers() {
    for (let k = warm.length; k < maxThreads() - 1; k++) {
        const started = startEvalWorker(workerSource);
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
            const fresh = !fs.existsSync(dir);
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
async function copy_many_copyVerifiedMany(jobs, options) {
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
    const tag = `${process.pid}.${crypto.randomBytes(3).toString("hex")}`;
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
            const taken = warm.shift() ?? startEvalWorker(workerSource);
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
        const results = [claimAndCopy({ ...work, reserved: 0 }, 1, `${tag}m`, fs, crypto)];
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
function dir_listing_sortEntries(entries) {
    return entries.sort((a, b) => compareRelpaths(a.relpath, b.relpath));
}
/**
 * The canonical bytes of a listing: sorted by path, `JSON.stringify` with no whitespace and keys in
 * the order relpath, sha256, size. Same tree, same bytes, same id on every machine.
 */
function serializeListing(entries) {
    const sorted = dir_listing_sortEntries(entries.map((e) => ({ relpath: e.relpath, sha256: e.sha256, size: e.size })));
    return Buffer.from(JSON.stringify(sorted));
}
function dir_listing_listingId(bytes) {
    return `${createHash("sha256").update(bytes).digest("hex")}.dir`;
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
function dir_listing_parseListing(bytes, oid) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString("utf8"));
    }
    catch {
        throw new MlopsError("invalid-file", `directory listing ${oid} is not JSON`, { field: oid });
    }
    const expected = '[{"relpath","sha256","size"}]';
    if (!Array.isArray(value)) {
        throw new MlopsError("invalid-file", `directory listing ${oid} does not have the expected shape`, {
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
            throw new MlopsError("invalid-file", `directory listing ${oid} does not have the expected shape`, {
                field: `${oid}[${i}]`,
                expected,
            });
        }
        const unsafe = plainRelpath.test(e.relpath) ? undefined : unsafeRelpath(e.relpath);
        if (unsafe) {
            throw new MlopsError("invalid-file", `directory listing ${oid} names a path outside its directory`, {
                field: `${oid}[${i}].relpath`,
                expected: "a relative path of plain '/'-separated names (no '..', '.', empty segment, backslash, drive letter or NUL)",
                got: `${JSON.stringify(e.relpath).slice(0, 200)} (${unsafe})`,
            });
        }
    }
    return value;
}
/** Every regular file under `root` as `/`-separated relative paths; skips `.git` and our temp files. */
function dir_listing_walkFiles(root) {
    const out = [];
    const visit = (dir, prefix) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const name = entry.name;
            if (isTempName(name))
                continue;
            if (entry.isDirectory()) {
                if (name === ".git")
                    continue;
                visit(join(dir, name), `${prefix}${name}/`);
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
function object_id_isObjectId(value) {
    return objectIdPattern.test(value);
}
function object_id_isDirId(oid) {
    return oid.endsWith(".dir");
}
/** `sha256/ab/cdef…[.dir]`: the same relative place in a cache and in every remote. */
function objectRelPath(oid) {
    return join("sha256", oid.slice(0, 2), oid.slice(2));
}
/**
 * The object's path under `objectsDir` (a store's `…/sha256`, already joined): the same as
 * join(root, objectRelPath(oid)) without join's normalising, which a bulk transfer paid 20,000 times.
 */
function object_id_objectPathIn(objectsDir, oid) {
    return `${objectsDir}${sep}${oid.slice(0, 2)}${sep}${oid.slice(2)}`;
}
/** The sha256 of the bytes stored under `oid` (a `.dir` object is the hash of its listing). */
function object_id_digestOf(oid) {
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
function scan_tree_statAt(tree, i) {
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
const scan_tree_workerSource = (/* unused pure expression or super */ null && (`
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const { readdirSync, statSync } = load("node:fs");
const { createHash } = load("node:crypto");
parentPort.once("message", ({ root, units, owners, me, reserved }) => {
  const io = { readdirSync, statSync, createHash };
  const results = (${String(claimAndScan)})(root, units, new Int32Array(owners), me, io, reserved);
  parentPort.postMessage(results, results.map((r) => r.numbers.buffer));
});
`));
function spawnScanWorker() {
    return startEvalWorker(scan_tree_workerSource);
}
/** Workers started ahead of time by startScanWorkers, taken by the next scan that shares its work. */
const scan_tree_warm = (/* unused pure expression or super */ null && ([]));
function defaultThreads() {
    return Math.min(availableParallelism(), 4);
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
        for (const entry of readdirSync(abs, { withFileTypes: true })) {
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
async function scan_tree_scanTree(root, options = {}) {
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
        for (const r of claimAndScan(root, units, owners, 1, { readdirSync, statSync, createHash }, reserved))
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
    const fingerprint = createHash("sha256");
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
const store_many_workerSource = (/* unused pure expression or super */ null && (`
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
`));
/**
 * Hashes and stores many small files, part of them on a second thread: for tens of thousands of
 * files the cost is creating the cache files, kernel work that runs in parallel on separate cores.
 * `storeHere` does one file on this thread (the cache's own code path) and returns its sha256.
 */
async function store_many_storeManySmallFiles(cacheRoot, paths, storeHere) {
    const threads = Math.min(availableParallelism(), 4);
    if (paths.length < store_many_parallelThreshold || threads < 2) {
        return { shas: paths.map(storeHere), filesElsewhere: 0, bytesElsewhere: 0 };
    }
    const parts = await splitAcrossWorkers(paths, threads, {
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
const smallFileLimit = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
function statOf(path) {
    return statSync(path);
}
/** Names a corrupt object, where it was found, and what its bytes hash to. */
function cache_corruptObject(oid, actual, where) {
    return new MlopsError("hash-mismatch", `object ${oid} in ${where} is corrupt: its content hashes to ${actual}`, {
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
        this.objectsDir = join(root, "sha256");
    }
    pathOf(oid) {
        return objectPathIn(this.objectsDir, oid);
    }
    has(oid) {
        return existsSync(this.pathOf(oid));
    }
    ensureDirSync(dir) {
        if (this.madeDirs.has(dir))
            return;
        mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
    /** Writes bytes already known to hash to `oid`; a no-op when the object exists. */
    putBytesSync(oid, bytes) {
        const target = this.pathOf(oid);
        if (existsSync(target))
            return;
        this.ensureDirSync(dirname(target));
        const temp = tempPathFor(target);
        try {
            writeFileSync(temp, bytes, { flag: "wx" });
            renameSync(temp, target);
        }
        catch (err) {
            rmSync(temp, { force: true });
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
            const bytes = readFileSync(path);
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
        const scratch = join(this.root, "sha256", ".incoming");
        await mkdir(scratch, { recursive: true });
        const temp = tempPathFor(join(scratch, "object"));
        try {
            const digest = await copyHashing(path, temp);
            if (expected !== undefined && digest.sha256 !== expected) {
                throw cache_corruptObject(expected, digest.sha256, path);
            }
            const target = this.pathOf(digest.sha256);
            if (existsSync(target)) {
                await rm(temp, { force: true });
            }
            else {
                await mkdir(dirname(target), { recursive: true });
                await rename(temp, target);
            }
            return digest;
        }
        catch (err) {
            await rm(temp, { force: true });
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
            await rm(tempFile, { force: true });
            throw cache_corruptObject(oid, actual.replace(/\.dir$/, ""), origin);
        }
        const target = this.pathOf(oid);
        await mkdir(dirname(target), { recursive: true });
        await rename(tempFile, target);
    }
    /**
     * Stores downloaded bytes after checking they hash to `oid` (temp file + rename, so the object
     * appears whole or not at all); a mismatch stores nothing and names the object and its origin.
     */
    async adoptVerifiedBytes(oid, bytes, origin) {
        const digest = hashBytes(bytes);
        if (digest !== digestOf(oid))
            throw cache_corruptObject(oid, digest, origin);
        const target = this.pathOf(oid);
        const dir = dirname(target);
        if (!this.madeDirs.has(dir)) {
            await mkdir(dir, { recursive: true });
            this.madeDirs.add(dir);
        }
        const temp = tempPathFor(target);
        try {
            await writeFile(temp, bytes, { flag: "wx" });
            await rename(temp, target);
        }
        catch (err) {
            await rm(temp, { force: true });
            throw err;
        }
    }
    /** Reads a small object once and checks it, for a push that sends the same bytes it verified. */
    async readForPush(oid) {
        let bytes;
        try {
            bytes = await readFile(this.pathOf(oid));
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
            bytes = readFileSync(this.pathOf(oid));
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
        const scratch = join(this.root, "sha256", ".incoming");
        if (!this.scratchReady) {
            await mkdir(scratch, { recursive: true });
            this.scratchReady = true;
        }
        return tempPathFor(join(scratch, oid));
    }
    /** Hashes (where the index cannot vouch) and stores every file of a tree, then its listing. */
    async addDirectory(dir, index, logger = silentLogger) {
        return this.digestTree(dir, index, logger, true);
    }
    /** The tree's id as `addDirectory` would compute it, without writing to the store. */
    async statusOfDirectory(dir, index, logger = silentLogger) {
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
                const bytes = readFileSync(path);
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
                    throw new MlopsError("conflict", `${abs} disappeared while ${dir} was being read`, {
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
                        const bytes = readFileSync(abs);
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
                    throw new MlopsError("internal", `no hash for ${abs}`);
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
        const bytes = await readFile(this.pathOf(oid)).catch((err) => {
            if (err.code === "ENOENT")
                throw new MlopsError("not-found", `object ${oid} is not in the cache`, { field: oid });
            throw err;
        });
        const actual = hashBytes(bytes);
        if (actual !== digestOf(oid))
            throw cache_corruptObject(oid, actual, "the cache");
        return bytes;
    }
    async readDirListing(oid) {
        return parseListing(await this.readVerified(oid), oid);
    }
    /** Hashes the stored object again. */
    async verify(oid) {
        const path = this.pathOf(oid);
        if (!existsSync(path))
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
        if (!existsSync(source)) {
            throw new MlopsError("not-found", `object ${oid} is not in the cache`, {
                field: oid,
                hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
            });
        }
        await mkdir(dirname(dest), { recursive: true });
        const temp = tempPathFor(dest);
        try {
            const size = (await stat(source)).size;
            let actual;
            if (size <= smallFileLimit) {
                const bytes = readFileSync(source);
                actual = hashBytes(bytes);
                if (actual === oid)
                    writeFileSync(temp, bytes, { flag: "wx" });
            }
            else {
                actual = (await copyHashing(source, temp)).sha256;
            }
            if (actual !== oid)
                throw cache_corruptObject(oid, actual, "the cache");
            await rename(temp, dest);
        }
        catch (err) {
            await rm(temp, { force: true });
            throw err;
        }
        index?.record(dest, statOf(dest), oid);
    }
    /**
     * Makes `destDir` hold exactly the tree `oid` names: files already matching (by the index or by
     * hash) stay, others are written verified, and files not in the listing are removed.
     */
    async checkoutDirectory(oid, destDir, index, logger = silentLogger, within) {
        const entries = await this.readDirListing(oid);
        // The directory itself first: a symlink to elsewhere would have its files removed and replaced.
        if (within !== undefined)
            assertWriteInside(within, destDir);
        if (entries.length >= bulkCheckoutThreshold && !existsSync(destDir)) {
            return this.checkoutFreshDirectory(entries, destDir, index, logger);
        }
        const wanted = new Set(entries.map((e) => e.relpath));
        const result = { written: 0, unchanged: 0, removed: 0 };
        const present = existsSync(destDir) ? walkFiles(destDir) : [];
        for (const relpath of present) {
            if (!wanted.has(relpath)) {
                await rm(join(destDir, relpath), { force: true });
                result.removed += 1;
            }
        }
        const progress = logger.progress(`checking out ${destDir}`, entries.length);
        try {
            for (const entry of entries) {
                const dest = join(destDir, entry.relpath);
                if (existsSync(dest) && index.lookup(dest, statOf(dest)) === entry.sha256) {
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
        const temp = tempPathFor(destDir);
        const progress = logger.progress(`checking out ${destDir}`, entries.length);
        const small = entries.filter((e) => e.size <= smallFileLimit);
        const large = entries.filter((e) => e.size > smallFileLimit);
        let stats;
        try {
            await mkdir(temp, { recursive: true });
            const outcome = await copyVerifiedMany(small.map((e) => ({ src: this.pathOf(e.sha256), dest: join(temp, e.relpath), sha256: e.sha256 })), { atomic: false, stats: true });
            const failed = outcome.failure;
            if (failed) {
                const oid = small[failed.index].sha256;
                if (failed.kind === "corrupt")
                    throw cache_corruptObject(oid, failed.actual ?? "", "the cache");
                if (failed.kind === "missing") {
                    throw new MlopsError("not-found", `object ${oid} is not in the cache`, {
                        field: oid,
                        hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
                    });
                }
                throw new MlopsError("internal", `could not check ${oid} out into ${destDir}: ${failed.message}`, {
                    field: oid,
                });
            }
            stats = outcome.stats;
            progress.tick(small.length);
            for (const entry of large) {
                await this.checkoutFile(entry.sha256, join(temp, entry.relpath));
                progress.tick();
            }
            await rename(temp, destDir);
        }
        catch (err) {
            await rm(temp, { recursive: true, force: true });
            throw err;
        }
        finally {
            progress.done();
        }
        // The rename kept every file's inode and mtime, so what the copy measured is what the index keys on.
        for (const [i, entry] of small.entries()) {
            const at = i * 3;
            const st = { size: stats?.[at] ?? 0, mtimeMs: stats?.[at + 1] ?? 0, ino: stats?.[at + 2] ?? 0 };
            index.record(join(destDir, entry.relpath), st, entry.sha256);
        }
        for (const entry of large) {
            const dest = join(destDir, entry.relpath);
            index.record(dest, statOf(dest), entry.sha256);
        }
        return { written: entries.length, unchanged: 0, removed: 0 };
    }
    /** Every object in the store (temp files and scratch space are not objects). */
    listObjects() {
        const base = join(this.root, "sha256");
        if (!existsSync(base))
            return [];
        const out = [];
        for (const prefix of readdirSync(base)) {
            if (!/^[0-9a-f]{2}$/.test(prefix))
                continue;
            for (const rest of readdirSync(join(base, prefix))) {
                if (isTempName(rest))
                    continue;
                const oid = prefix + rest;
                if (isObjectId(oid))
                    out.push(oid);
            }
        }
        return out.sort();
    }
    async remove(oid) {
        await rm(this.pathOf(oid), { force: true });
    }
    /** Leftovers of killed writes: temp files are never objects, so removing them is always safe. */
    async removeLeftovers() {
        const base = join(this.root, "sha256");
        if (!existsSync(base))
            return 0;
        let removed = 0;
        for (const sub of readdirSync(base)) {
            const dir = join(base, sub);
            // A fan-out directory a killed bulk copy was filling under a temp name (copy-many.ts).
            if (isTempName(sub)) {
                await rm(dir, { recursive: true, force: true });
                removed += 1;
                continue;
            }
            for (const name of readdirSync(dir)) {
                if (isTempName(name)) {
                    await rm(join(dir, name), { force: true });
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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 1 modules
var src_git = __webpack_require__(3919);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/record-path.js

/** Record paths are the one shape the run cache writes (`runs/ab/<key>.json`); anything else is a bug. */
function record_path_checkRecordPath(relPath) {
    if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(relPath)) {
        throw new MlopsError("internal", `not a record path: ${relPath}`);
    }
    return relPath;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/git-branch-remote.js












const git_branch_remote_gitBranchScheme = "git-branch:";
/**
 * GitHub refuses a push holding a file over 100 MiB
 * (https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github),
 * so such an object is refused before anything is sent. `MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES` lowers
 * (or, for a git server without that rule, raises) it.
 */
const defaultMaxObjectBytes = (/* unused pure expression or super */ null && (100 * 1024 * 1024));
/** GitHub refuses a push over 2 GiB; objects are split across commits well below that. */
const maxBatchBytes = (/* unused pure expression or super */ null && (1024 * 1024 * 1024));
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
    const rest = url.slice(git_branch_remote_gitBranchScheme.length);
    const at = rest.indexOf("@");
    const branch = at < 0 ? rest : rest.slice(0, at);
    const location = at < 0 ? undefined : rest.slice(at + 1);
    if (!isPlainBranchName(branch) || location === "") {
        const expected = "git-branch:BRANCH or git-branch:BRANCH@GIT-URL, BRANCH made of letters, digits, '.', '_', '-' and '/'";
        throw new MlopsError("usage", `remote '${name}': '${url}' is not a git-branch remote: expected ${expected}`, {
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
    return isAbsolute(location) ? location : resolve(base, location);
}
function git_branch_remote_openGitBranchRemote(spec, repoRoot, env) {
    const { branch, gitUrl } = parseGitBranchUrl(spec.name, spec.url, repoRoot);
    const limitText = env.MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES?.trim();
    const maxObjectBytes = limitText ? Number(limitText) : defaultMaxObjectBytes;
    if (!Number.isSafeInteger(maxObjectBytes) || maxObjectBytes < 1) {
        throw new MlopsError("usage", "MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES must be a positive whole number of bytes", {
            got: limitText,
        });
    }
    const token = env.MLOPS_GIT_TOKEN || env.GITHUB_TOKEN || undefined;
    return new GitBranchRemote(spec.name, spec.url, {
        branch,
        gitUrl,
        repoRoot,
        mirrorDir: join(repoLayout(repoRoot).stateDir, "git-branch", `${spec.name}.git`),
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
        const { size } = await stat(srcPath);
        if (size > this.settings.maxObjectBytes) {
            throw new MlopsError("refused", `object ${oid} is ${formatSize(size)}, over the ${formatSize(this.settings.maxObjectBytes)} a file may have on the git-branch remote '${this.name}' (GitHub refuses pushes of files over 100 MiB)`, {
                field: oid,
                hint: "keep large data on a directory remote (`mlops remote add NAME PATH --default`); MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES sets this limit for other git servers",
            });
        }
        const mirror = await this.mirror();
        const blob = (await git(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--", srcPath], { cwd: mirror })).trim();
        this.staged.set(objectPath(oid), { blob, size });
    }
    /**
     * Hashes many objects into the mirror with one `git hash-object --stdin-paths` instead of a
     * process each; staged like `upload`, so nothing is visible before `flush`.
     */
    async uploadMany(items) {
        const batch = [];
        for (const { oid, srcPath } of items) {
            const { size } = await stat(srcPath);
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
        const out = await git(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--stdin-paths"], {
            cwd: mirror,
            input: Buffer.from(`${batch.map((i) => i.srcPath).join("\n")}\n`),
        });
        const blobs = out.split("\n").filter((line) => line !== "");
        if (blobs.length !== batch.length) {
            throw new MlopsError("remote", `git hash-object answered ${blobs.length} ids for ${batch.length} objects on remote '${this.name}'`);
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
                throw new MlopsError("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
                    field: oid,
                });
            }
            return blob;
        });
        const mirror = await this.mirror();
        const contents = await readBlobs(mirror, blobs);
        const out = new Map();
        for (const [i, oid] of oids.entries()) {
            const bytes = contents.get(blobs[i]);
            if (bytes === undefined) {
                throw new MlopsError("remote", `object ${oid} could not be read from remote '${this.name}' (${this.url})`, {
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
            throw new MlopsError("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
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
        return (await gitRaw(["--git-dir", mirror, "cat-file", "blob", blob], { cwd: mirror })).stdout;
    }
    async writeRecord(relPath, bytes) {
        const path = checkRecordPath(relPath);
        const snapshot = await this.snapshot();
        const mirror = await this.mirror();
        const blob = (await git(["--git-dir", mirror, "hash-object", "-w", "--stdin"], {
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
            const commit = (await git(["--git-dir", mirror, "commit-tree", tree, ...(base.commit ? ["-p", base.commit] : [])], {
                cwd: mirror,
                input: commitMessage(changes),
                env: identity,
            })).trim();
            const result = await gitCapture(["--git-dir", mirror, "push", "--porcelain", url, `${commit}:refs/heads/${this.settings.branch}`], { cwd: mirror, env });
            if (result.code === 0) {
                await git(["--git-dir", mirror, "update-ref", tipRef, commit], { cwd: mirror });
                this.settle(changes, base, commit, tree);
                return;
            }
            const refusal = result.stdout.split("\n").find((line) => line.startsWith("!"));
            if (!refusal ||
                !/fetch first|non-fast-forward|stale info|failed to (update|lock)|cannot lock|expected/.test(refusal)) {
                throw new MlopsError("remote", `could not push to branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${gitStderrTail(refusal ?? result.stderr)}`, {
                    hint: this.settings.token
                        ? "check that the token may push (a workflow needs `permissions: contents: write`)"
                        : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
                });
            }
            lastRefusal = refusal;
            // Someone else moved the branch: take their tip and re-apply our changes on top of it.
            this.snapshotPromise = this.fetchSnapshot();
            await sleep(50 * attempt + Math.floor(Math.random() * 100));
        }
        throw new MlopsError("conflict", `could not push to branch '${this.settings.branch}' for remote '${this.name}': it kept moving (${maxPushAttempts} attempts; last: ${lastRefusal.trim()})`, { hint: "run the push again" });
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
        const index = join(mirror, `mlops-index-${process.pid}-${randomBytes(4).toString("hex")}`);
        const env = { GIT_INDEX_FILE: index };
        try {
            await git(["--git-dir", mirror, "read-tree", ...(base.tree ? [base.tree] : ["--empty"])], {
                cwd: mirror,
                env,
            });
            const lines = changes.map(([path, change]) => change === null ? `${emptyBlobLine}\t${path}` : `100644 blob ${change.blob}\t${path}`);
            await git(["--git-dir", mirror, "update-index", "--index-info"], {
                cwd: mirror,
                env,
                input: `${lines.join("\n")}\n`,
            });
            return (await git(["--git-dir", mirror, "write-tree"], { cwd: mirror, env })).trim();
        }
        finally {
            await rm(index, { force: true });
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
        const fetched = await gitCapture([
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
                await gitRaw(["--git-dir", mirror, "update-ref", "-d", tipRef], { cwd: mirror, okCodes: [1] });
                return { commit: undefined, tree: undefined, files: new Map() };
            }
            throw new MlopsError("remote", `could not fetch branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${gitStderrTail(fetched.stderr)}`, {
                hint: this.settings.token
                    ? "check the token and the repository URL"
                    : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
            });
        }
        const commit = (await git(["--git-dir", mirror, "rev-parse", `${tipRef}^{commit}`], { cwd: mirror })).trim();
        const tree = (await git(["--git-dir", mirror, "rev-parse", `${commit}^{tree}`], { cwd: mirror })).trim();
        const listing = await git(["--git-dir", mirror, "ls-tree", "-r", "-z", "--full-tree", tree], {
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
            if (!existsSync(join(dir, "HEAD"))) {
                await mkdir(dir, { recursive: true });
                await git(["init", "--quiet", "--bare", dir], { cwd: dir });
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
                return { url, env: remoteEnv({ remote: url, token: this.settings.token }) };
            const env = { ...remoteEnv({ remote: url }), ...(await this.borrowedHeaders()) };
            return { url, env };
        })();
        return this.targetPromise;
    }
    async hasOrigin() {
        const result = await gitCapture(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
        return result.code === 0 && result.stdout.trim() !== "";
    }
    async originUrl() {
        const result = await gitCapture(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
        const url = result.stdout.trim();
        if (result.code !== 0 || !url) {
            throw new MlopsError("not-found", `remote '${this.name}' (${this.url}) uses the repository's 'origin', and ${this.settings.repoRoot} has none`, { hint: `name the repository: git-branch:${this.settings.branch}@URL` });
        }
        return absoluteGitUrl(url, this.settings.repoRoot);
    }
    async borrowedHeaders() {
        const result = await gitRaw(["config", "--local", "--includes", "--null", "--get-regexp", "^http\\..*extraheader$"], { cwd: this.settings.repoRoot, okCodes: [1, 128] });
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
        const child = spawn("git", ["--git-dir", mirror, "cat-file", "blob", blob], {
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
            const [, code] = await Promise.all([pipeline(child.stdout, createWriteStream(destPath)), exited]);
            if (code !== 0)
                throw new Error(gitStderrTail(stderr));
        }
        catch (err) {
            throw new MlopsError("remote", `object ${oid} could not be read from remote '${this.name}' (${this.url})`, {
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
class remote_LocalRemote {
    name;
    url;
    root;
    objectsDir;
    constructor(name, url, root) {
        this.name = name;
        this.url = url;
        this.root = root;
        this.objectsDir = join(root, "sha256");
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
        return join(this.root, checkRecordPath(relPath));
    }
    async readRecord(relPath) {
        const path = this.recordPath(relPath);
        return existsSync(path) ? readFile(path) : undefined;
    }
    async writeRecord(relPath, bytes) {
        const target = this.recordPath(relPath);
        await mkdir(dirname(target), { recursive: true });
        const temp = tempPathFor(target);
        try {
            await writeFile(temp, bytes);
            await rename(temp, target);
        }
        catch (err) {
            await rm(temp, { force: true });
            throw new MlopsError("remote", `could not write ${relPath} to remote '${this.name}' (${this.url})`, {
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
            return new Set(oids.filter((oid) => existsSync(this.pathOf(oid))));
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
            const prefixes = new Set(existsSync(base) ? readdirSync(base) : []);
            for (const [prefix, group] of byPrefix) {
                if (!prefixes.has(prefix))
                    continue;
                const names = new Set(readdirSync(join(base, prefix)));
                for (const oid of group)
                    if (names.has(oid.slice(2)))
                        present.add(oid);
            }
        }
        catch (err) {
            // Removed meanwhile (a gc): asked again one at a time.
            if (err.code === "ENOENT")
                return new Set(oids.filter((oid) => existsSync(this.pathOf(oid))));
            throw new MlopsError("remote", `could not list remote '${this.name}' (${this.url})`, { cause: err });
        }
        return present;
    }
    async list() {
        const base = join(this.root, "sha256");
        if (!existsSync(base))
            return [];
        const out = [];
        for (const prefix of readdirSync(base)) {
            if (!/^[0-9a-f]{2}$/.test(prefix))
                continue;
            for (const rest of readdirSync(join(base, prefix))) {
                if (!isTempName(rest) && isObjectId(prefix + rest))
                    out.push(prefix + rest);
            }
        }
        return out.sort();
    }
    madeDirs = new Set();
    async ensureDir(dir) {
        if (this.madeDirs.has(dir))
            return;
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
    async uploadBytes(oid, bytes) {
        await this.place(oid, (temp) => writeFile(temp, bytes, { flag: "wx" }));
    }
    /** Writes an object under a temporary name and renames it into place, so it appears whole or not at all. */
    async place(oid, write) {
        const target = this.pathOf(oid);
        await this.ensureDir(dirname(target));
        const temp = tempPathFor(target);
        try {
            await write(temp);
            await rename(temp, target);
        }
        catch (err) {
            await rm(temp, { force: true });
            throw new MlopsError("remote", `could not upload ${oid} to remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
    async downloadBytes(oid) {
        try {
            return await readFile(this.pathOf(oid));
        }
        catch (err) {
            const missing = err.code === "ENOENT";
            throw new MlopsError(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`, { cause: err, field: oid });
        }
    }
    async upload(oid, srcPath) {
        await this.place(oid, (temp) => copyFile(srcPath, temp));
    }
    async download(oid, destPath) {
        try {
            await copyFile(this.pathOf(oid), destPath);
        }
        catch (err) {
            const missing = err.code === "ENOENT";
            throw new MlopsError(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
    async remove(oid) {
        await rm(this.pathOf(oid), { force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/s3-client.js

const s3_client_s3Scheme = "s3://";
/**
 * Bucket names follow S3's rules for new buckets (3–63 characters of lowercase letters, digits,
 * '.' and '-', starting and ending with a letter or digit); the prefix may not climb (`..`) or
 * hold empty segments, so a key is always `prefix + relative path`.
 */
function s3_client_parseS3Url(url) {
    if (!url.startsWith(s3_client_s3Scheme))
        return undefined;
    const rest = url.slice(s3_client_s3Scheme.length);
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
const s3_client_s3UrlExpected = "s3://BUCKET or s3://BUCKET/PREFIX (BUCKET: 3-63 lowercase letters, digits, '.' or '-')";
/**
 * The SDK's own client with its standard credential chain (environment, shared config and
 * profiles, the web-identity token file an OIDC role provides, container and instance metadata):
 * nothing here reads or stores a secret. Loaded on first use so commands that never touch S3 do
 * not pay for the SDK's import.
 */
async function s3_client_createS3Client(location, options = {}) {
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
function s3_client_s3ErrorCode(err) {
    const e = err;
    return e?.Code ?? e?.name;
}
function s3_client_s3Status(err) {
    return err?.$metadata?.httpStatusCode;
}
function s3_client_isS3NotFound(err) {
    const code = s3_client_s3ErrorCode(err);
    return code === "NoSuchKey" || code === "NotFound" || (s3_client_s3Status(err) === 404 && code !== "NoSuchBucket");
}
/**
 * One clear message for what a person can fix (credentials, the bucket, the endpoint), naming the
 * remote; anything else keeps the server's words. Secrets never appear: the SDK's messages name
 * the access key id at most.
 */
function s3_client_s3Failure(err, what, where, bucket) {
    if (err instanceof MlopsError)
        return err;
    const code = s3_client_s3ErrorCode(err);
    const status = s3_client_s3Status(err);
    const detail = err?.message ?? String(err);
    if (code === "CredentialsProviderError" || /Could not load credentials/i.test(detail)) {
        return new MlopsError("remote", `${where}: no AWS credentials were found while ${what}`, {
            cause: err,
            hint: "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or use an OIDC role (aws-actions/configure-aws-credentials) in a workflow",
        });
    }
    if (code === "InvalidAccessKeyId" ||
        code === "SignatureDoesNotMatch" ||
        code === "InvalidToken" ||
        code === "ExpiredToken") {
        return new MlopsError("remote", `${where} refused the credentials (${code}) while ${what}`, {
            cause: err,
            hint: "check the access key and secret (or the role) the AWS SDK picks up: environment, AWS_PROFILE, or the web-identity token",
        });
    }
    if (code === "NoSuchBucket") {
        return new MlopsError("not-found", `${where}: the bucket '${bucket}' does not exist`, {
            cause: err,
            hint: "create it first, or fix the bucket name (and --endpoint / --region) with `mlops remote add NAME s3://BUCKET/PREFIX --force`",
        });
    }
    if (code === "AccessDenied" || code === "Forbidden" || status === 403) {
        return new MlopsError("refused", `${where} denied access while ${what} (${code ?? "403"})`, {
            cause: err,
            hint: "the identity needs s3:ListBucket on the bucket and s3:GetObject, s3:PutObject (and for gc s3:DeleteObject, s3:AbortMultipartUpload) on the prefix",
        });
    }
    if (code === "BadDigest" ||
        code === "XAmzContentChecksumMismatch" ||
        code === "XAmzContentSHA256Mismatch" ||
        code === "InvalidDigest") {
        return new MlopsError("hash-mismatch", `${where} refused the bytes sent while ${what}: their checksum did not match (${code})`, {
            cause: err,
        });
    }
    const reason = err?.code ?? code;
    if (reason === "ECONNREFUSED" ||
        reason === "ENOTFOUND" ||
        reason === "ETIMEDOUT" ||
        reason === "ECONNRESET") {
        return new MlopsError("remote", `${where} could not be reached while ${what} (${reason})`, {
            cause: err,
            hint: "check --endpoint (and the network); the request was retried with backoff",
        });
    }
    if (code === "Region is missing" || /Region is missing/.test(detail)) {
        return new MlopsError("usage", `${where}: no AWS region is configured`, {
            cause: err,
            hint: "pass --region to `mlops remote add`, or set AWS_REGION",
        });
    }
    return new MlopsError("remote", `${where}: ${what} failed: ${code ?? ""}${status ? ` (HTTP ${status})` : ""} ${detail}`
        .replace(/\s+/g, " ")
        .trim(), {
        cause: err,
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/s3-remote.js










/**
 * Objects at or below this size go up in one PutObject carrying their sha256 (already known: it is
 * the object's name), which S3 checks before the object exists. Larger ones go up in parts.
 */
const multipartThreshold = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
/** 16 MiB parts: a 1 GiB object is 64 parts, far below S3's 10,000, and each part is retried alone. */
const partSize = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
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
            throw new MlopsError("io", `${path} became shorter while it was being uploaded`, {
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
class s3_remote_S3Remote {
    name;
    url;
    location;
    clientPromise;
    where;
    limit;
    journalDir;
    partSlots = pLimit(partsInFlight);
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
        this.limit = pLimit(options.jobs ?? 16);
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
            ? join(this.journalDir, `${uploadId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`)
            : undefined;
    }
    journal(key, uploadId) {
        const path = this.journalPath(uploadId);
        if (!path)
            return;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, JSON.stringify({ bucket: this.location.bucket, key, uploadId }));
    }
    unjournal(uploadId) {
        const path = uploadId ? this.journalPath(uploadId) : undefined;
        if (path)
            rmSync(path, { force: true });
    }
    /** Once per process before the first write: abort the uploads earlier pushes journaled and never finished. */
    cleanUpInterrupted() {
        this.cleanupPromise ??= (async () => {
            if (!this.journalDir || !existsSync(this.journalDir))
                return;
            const client = await this.client();
            const { AbortMultipartUploadCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            for (const name of readdirSync(this.journalDir)) {
                if (!name.endsWith(".json"))
                    continue;
                const path = join(this.journalDir, name);
                let note;
                try {
                    note = JSON.parse(readFileSync(path, "utf8"));
                }
                catch {
                    rmSync(path, { force: true });
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
                rmSync(path, { force: true });
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
            ? new MlopsError(failure.code, failure.message, {
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
                    const one = pLimit(4);
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
        const { size } = await stat(srcPath);
        if (size > multipartThreshold)
            return this.uploadInParts(client, oid, key, srcPath, size);
        const bytes = await readFile(srcPath);
        const digest = createHash("sha256").update(bytes).digest("hex");
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
        const file = await open(srcPath, "r");
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
                throw new MlopsError("remote", `${this.where} started no multipart upload for ${oid} (no UploadId)`, {
                    field: oid,
                });
            }
            const UploadId = uploadId;
            const count = Math.ceil(size / partSize);
            const parts = new Array(count);
            const whole = createHash("sha256");
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
                    const checksum = createHash("sha256").update(body).digest("base64");
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
                if (!(err instanceof MlopsError) && (await this.exists(client, key)))
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
        const file = await open(destPath, "w");
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
                throw new MlopsError("not-found", `object ${oid} is not on ${this.where}`, {
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
                throw new MlopsError("remote", `${this.where}: ${failed.length} of ${batch.length} objects could not be removed (first: ${first?.Key}: ${first?.Code} ${first?.Message ?? ""})`.trim());
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
        throw new MlopsError("refused", `remote '${this.name}' is read-only ${this.reason}: ${what} is refused`, {
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
function write_guard_guardRemoteWrites(remote, env) {
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
        return new LocalRemote(name, url, fileURLToPath(url));
    if (url.startsWith(gitBranchScheme))
        return openGitBranchRemote(spec, repoRoot, env);
    if (url.startsWith(s3Scheme)) {
        const parsed = parseS3Url(url);
        if (!parsed) {
            throw new MlopsError("usage", `remote '${name}': '${url}' is not an S3 location`, {
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
            journalDir: join(repoLayout(repoRoot).stateDir, "s3-uploads", name),
        });
    }
    if (spec.endpoint || spec.region || spec.pathStyle) {
        throw new MlopsError("usage", `remote '${name}': --endpoint, --region and --path-style apply to s3:// remotes only`, {
            field: `remotes.${name}`,
            got: url,
        });
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
    if (scheme) {
        throw new MlopsError("usage", `remote '${name}': the scheme '${scheme}://' is not supported yet`, {
            field: `remotes.${name}.url`,
            expected: "a directory path, a file:// URL, s3://BUCKET[/PREFIX] or git-branch:BRANCH[@GIT-URL]",
            got: url,
        });
    }
    return new LocalRemote(name, url, isAbsolute(url) ? url : resolve(repoRoot, url));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/transfer.js









const defaultJobs = 8;
/** Objects up to this size move through memory (one read, one write) when the remote can. */
const smallObjectBytes = (/* unused pure expression or super */ null && (1024 * 1024));
/** Objects the listing says are this small are read without leaving the thread (see readSmallForPush). */
const syncReadBytes = (/* unused pure expression or super */ null && (64 * 1024));
function withOwner(err, item) {
    if (err instanceof MlopsError && !err.file) {
        return new MlopsError(err.code, `${err.message} (referenced by ${item.referencedBy})`, {
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
    return new MlopsError("remote", `could not upload ${oid} to remote '${remote.name}' (${remote.url})`, {
        field: oid,
        cause: failure.message,
    });
}
/** The error a bulk copy from a remote stopped on, worded as the one-object path words it. */
function pullFailure(oid, failure, remote) {
    if (failure.kind === "corrupt")
        return corruptObject(oid, failure.actual ?? "", `remote '${remote.name}'`);
    const missing = failure.kind === "missing";
    return new MlopsError(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${remote.name}' (${remote.url})`, { field: oid, cause: failure.message });
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
const batchBytes = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
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
    const logger = options.logger ?? silentLogger;
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
        const limit = pLimit(options.jobs ?? defaultJobs);
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
                        const size = (await stat(cache.pathOf(oid))).size;
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
                        (await stat(cache.pathOf(oid)).then((st) => st.size, () => undefined));
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
                    const sent = (await stat(cache.pathOf(oid))).size;
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
    const logger = options.logger ?? silentLogger;
    if (remote.localReadPath && items.some((item) => isDirId(item.oid) && !cache.has(item.oid)))
        startCopyWorkers();
    const result = { transferred: 0, skipped: 0, bytes: 0 };
    const limit = pLimit(options.jobs ?? defaultJobs);
    const fetchOne = async (item) => {
        const temp = await cache.scratchPath(item.oid);
        try {
            await remote.download(item.oid, temp);
            return temp;
        }
        catch (err) {
            await rm(temp, { force: true });
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
            const bytes = await readFile(temp);
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
                const size = (await stat(temp)).size;
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
            await rm(temp, { force: true });
    }
    return result;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/index.js















/***/ }),

/***/ 5053:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  annotationLines: () => (/* reexport */ annotationLines),
  validateDatasets: () => (/* reexport */ validateDatasets),
  validationMarkdown: () => (/* reexport */ validationMarkdown)
});

// UNUSED EXPORTS: appendStepSummary, chi2Sf, chi2TwoSample, driftExact, driftFromProfiles, driftMarkdown, driftTargets, driftText, dropTable, exactKsLimit, gammaQ, ident, inferSchema, inferSchemaFor, ks2, ksAgainstSketch, ksExactPValue, ksPValue, ksStatistic, loadSchema, loadTable, profileTable, psi, query, readProfileFile, resolveTarget, runChecks, saveReferenceProfile, serializeProfile, sketchSize, validateTarget, validationText

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
function sqlString(value) {
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
        ? `read_csv(${sqlString(path)}, header = true, delim = ${(0,external_node_path_.extname)(path).toLowerCase() === ".tsv" ? "'\t'" : "','"}, auto_detect = true)`
        : format === "json"
            ? `read_json_auto(${sqlString(path)})`
            : `read_parquet(${sqlString(path)})`;
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
    const [summary] = await source_query(`SELECT count(*) AS n FROM ${table.name} WHERE ${condition}`);
    const count = Number(summary?.n ?? 0);
    if (count === 0)
        return { count, rows: [] };
    const examples = await source_query(`SELECT rowid + 1 AS __row${valueExpr ? `, CAST(${valueExpr} AS VARCHAR) AS v` : ""} FROM ${table.name} WHERE ${condition} ORDER BY rowid LIMIT ${exampleCount}`);
    return {
        count,
        rows: examples.map((r) => Number(r.__row)),
        // Mixed-type JSON columns come back as JSON text: show "abc", not "\"abc\"".
        ...(valueExpr ? { values: examples.map((r) => String(r.v).replace(/^"(.*)"$/, "$1")) } : {}),
    };
}
function typeCondition(spec, col, duckType) {
    const c = source_ident(col);
    switch (spec.type) {
        case "integer":
            if (source_isIntegerType(duckType))
                return undefined;
            if (source_isNumericType(duckType))
                return `${c} IS NOT NULL AND ${c} <> floor(${c})`;
            return `${c} IS NOT NULL AND TRY_CAST(${c} AS BIGINT) IS NULL`;
        case "number":
            if (source_isNumericType(duckType))
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
    const c = source_ident(col);
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
async function runChecks(table, schema, lineOf) {
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
        const c = source_ident(name);
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
            const [r] = await source_query(`SELECT count(*) FILTER (WHERE ${c} IS NULL) AS n FROM ${table.name}`);
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
        const cols = schema.primary_key.map(source_ident).join(", ");
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
function profile_valueExpr(name, type) {
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
            : await source_query(`SELECT ${expr} AS value, count(*) AS n FROM ${table.name} WHERE ${expr} IN (${values.map(sqlString).join(", ")}) GROUP BY value`);
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
        const { expr, numeric: isNumeric } = profile_valueExpr(col.name, col.type);
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
const MIN_LOG = (/* unused pure expression or super */ null && (-745.1332191019412));
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
function kstwo_kstwoSf(d, n) {
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
function stats_chi2TwoSample(reference, current) {
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
function stats_psi(referenceCounts, currentCounts, floor = 1e-4) {
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
    const [row] = await query(`
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
            const p = ksPValue(ref.count, cur.count, statistic);
            return { statistic, pvalue: p.pvalue, method: p.method, max_error: 0 };
        },
        async counts(name) {
            const v = `CAST(${ident(name)} AS VARCHAR)`;
            const rows = await query(`
        SELECT v, sum(a) AS a, sum(b) AS b FROM (
          SELECT ${v} AS v, 1 AS a, 0 AS b FROM ${reference.name} WHERE ${ident(name)} IS NOT NULL
          UNION ALL
          SELECT ${v} AS v, 0 AS a, 1 AS b FROM ${current.name} WHERE ${ident(name)} IS NOT NULL)
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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/report.js
function fmt(v, digits = 3) {
    if (v === null || v === undefined)
        return "—";
    if (v !== 0 && Math.abs(v) < 10 ** -digits)
        return v.toExponential(1);
    return Number(v.toFixed(digits)).toString();
}
/** Terminal text: one line per finding, `schema:line: column: message`, errors first. */
function validationText(r) {
    const head = `${r.ok ? "ok" : "FAILED"}: ${r.file} against ${r.schema}: ${r.rows} rows, ${r.failed.length} errors, ${r.findings.length - r.failed.length} warnings${r.dropped_rows ? `, ${r.dropped_rows} rows dropped` : ""}`;
    const lines = [...r.findings]
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
        .map((f) => `  ${f.severity === "error" ? "error" : "warn "} ${f.file ?? r.schema}${f.line ? `:${f.line}` : ""}: ${f.message}`);
    return [head, ...lines].join("\n");
}
/** A markdown section for the pull-request report. */
function validationMarkdown(r) {
    const title = `### Data validation: ${r.ok ? "✅ passed" : "❌ failed"} — \`${r.file}\` (${r.rows} rows)`;
    if (r.findings.length === 0)
        return `${title}\n\nEvery check of \`${r.schema}\` holds.`;
    const rows = r.findings.map((f) => `| ${f.severity} | ${f.column ?? "—"} | ${f.check} | ${f.count || ""} | ${f.message.replaceAll("|", "\\|")} | \`${f.file ?? r.schema}${f.line ? `:${f.line}` : ""}\` |`);
    return [
        title,
        "",
        "| severity | column | check | rows | finding | rule |",
        "|---|---|---|---|---|---|",
        ...rows,
    ].join("\n");
}
function driftText(r) {
    const head = `${r.drifted ? "DRIFT" : "no drift"}: ${r.current} against ${r.reference} (${r.mode}; family-wise alpha ${r.alpha} over ${r.columns.length} columns)`;
    const width = Math.max(6, ...r.columns.map((c) => c.column.length));
    const lines = r.columns.map((c) => `  ${c.drifted ? "DRIFT" : "ok   "} ${c.column.padEnd(width)} ${c.method.padEnd(4)} ${fmt(c.statistic).padStart(7)} (threshold ${fmt(c.threshold)})  p ${fmt(c.pvalue, 4).padStart(8)}  psi ${fmt(c.psi)}  n ${c.reference_rows}/${c.current_rows}`);
    return [head, ...lines].join("\n");
}
function driftMarkdown(r) {
    const title = `### Drift: ${r.drifted ? `⚠️ ${r.drifted_columns.join(", ")}` : "✅ none"} — \`${r.current}\` vs \`${r.reference}\``;
    const rows = r.columns.map((c) => `| ${c.column} | ${c.method} | ${fmt(c.statistic)} | ${fmt(c.threshold)} | ${fmt(c.pvalue, 4)} | ${fmt(c.psi)} | ${c.drifted ? "drift" : ""} |`);
    return [
        title,
        "",
        "| column | test | statistic | threshold | p-value | PSI | |",
        "|---|---|---|---|---|---|---|",
        ...rows,
    ].join("\n");
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(3583);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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
    return (0,external_node_path_.basename)(path).replace(/\.(csv|tsv|json|jsonl|ndjson|parquet|arrow)$/i, "");
}
/** `cars` → data/cars.dvc's workspace copy and schema; anything else is taken as a file path. */
async function resolveTarget(layout, cwd, arg, schemaOverride) {
    const manifestPath = (0,external_node_path_.join)(layout.dataDir, `${arg}.dvc`);
    if (!arg.includes("/") && !arg.includes(".") && (0,external_node_fs_.existsSync)(manifestPath)) {
        const manifest = await (0,yaml_file/* readYamlFile */.kv)(manifestPath, data_manifest/* dataManifest */.UL, shown(layout, manifestPath));
        const out = manifest.outs[0];
        if (!out)
            throw new errors/* MlopsError */.IC("invalid-file", "the manifest has no output", {
                file: shown(layout, manifestPath),
            });
        const file = (0,external_node_path_.resolve)(layout.dataDir, out.path);
        if (!(0,external_node_fs_.existsSync)(file)) {
            throw new errors/* MlopsError */.IC("not-found", `dataset '${arg}' is tracked but its data is not here`, {
                file: shown(layout, file),
                hint: `run \`mlops data pull ${arg}\` (or \`mlops run\`) to fetch and verify it`,
            });
        }
        const schemaFile = schemaOverride
            ? (0,external_node_path_.resolve)(cwd, schemaOverride)
            : manifest.schema
                ? (0,external_node_path_.resolve)(layout.dataDir, manifest.schema)
                : (0,external_node_path_.join)(layout.dataDir, `${arg}.schema.yaml`);
        return {
            file,
            display: shown(layout, file),
            dataset: arg,
            schemaFile: (0,external_node_fs_.existsSync)(schemaFile) || schemaOverride ? schemaFile : undefined,
            profileFile: (0,external_node_path_.join)(layout.dataDir, `${arg}.profile.json`),
        };
    }
    const file = (0,external_node_path_.resolve)(cwd, arg);
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new errors/* MlopsError */.IC("not-found", `no tracked dataset or file named '${arg}'`, {
            hint: `tracked datasets are data/<name>.dvc; a file path is taken relative to ${cwd}`,
        });
    }
    const sibling = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `${stem(file)}.schema.yaml`);
    const schemaFile = schemaOverride
        ? (0,external_node_path_.resolve)(cwd, schemaOverride)
        : (0,external_node_fs_.existsSync)(sibling)
            ? sibling
            : undefined;
    return {
        file,
        display: shown(layout, file),
        schemaFile,
        profileFile: (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `${stem(file)}.profile.json`),
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
    const schema = (0,yaml_file/* parseYaml */.hN)(text, datasetSchema, display);
    return { schema, display, lineOf: (path) => (0,yaml_file/* lineInYaml */.RH)(text, path) };
}
/** `mlops validate`: loads the table in DuckDB and runs every rule of its schema. */
async function validateTarget(layout, target, options = {}) {
    if (!target.schemaFile) {
        throw new errors/* MlopsError */.IC("not-found", `no schema for ${target.display}`, {
            hint: target.dataset
                ? `draft one with \`mlops schema infer ${target.dataset} --out data/${target.dataset}.schema.yaml\`, review it, commit it`
                : "pass --schema FILE, or put <name>.schema.yaml beside the file (`mlops schema infer FILE` drafts one)",
        });
    }
    const loaded = await loadSchema(layout, target.schemaFile);
    const table = await source_loadTable(target.file, {
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
            const { sha256 } = await (0,store/* hashFile */.DC)(target.file);
            await (0,files/* writeFileAtomic */.Zf)(options.profileOut, profile_serializeProfile(await profile_profileTable(table, { sha256 })));
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
        await source_dropTable(table);
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
        const { selectDatasets } = await __webpack_require__.e(/* import() */ 369).then(__webpack_require__.bind(__webpack_require__, 5369));
        selected = (await selectDatasets(layout, [], layout.root))
            .map((d) => d.name)
            .filter((n) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(layout.dataDir, `${n}.schema.yaml`)));
    }
    const reports = [];
    for (const name of selected)
        reports.push(await validateTarget(layout, await resolveTarget(layout, layout.root, name)));
    return reports;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/validate/index.js












/***/ })

};
