export const id = 213;
export const ids = [213,196];
export const modules = {

/***/ 4762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: isTempName, tempPathFor

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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/index.js



/***/ }),

/***/ 5765:
/***/ (() => {


// UNUSED EXPORTS: memoryLogger, silentLogger

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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/log/index.js



/***/ }),

/***/ 3260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath)
/* harmony export */ });
/* unused harmony export sha256Hex */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);

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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
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

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RH: () => (/* binding */ lineInYaml),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   kv: () => (/* binding */ readYamlFile)
/* harmony export */ });
/* unused harmony exports formatFieldPath, stringifyYaml, writeYamlFile */
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
    const counter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: counter, prettyErrors: false });
    return lineOf(doc, counter, path);
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

/***/ 7908:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DC: () => (/* reexport */ hash_hashFile)
});

// UNUSED EXPORTS: Cache, HashIndex, LocalRemote, digestOf, hashBytes, hashStats, isDirId, isObjectId, listingId, objectRelPath, openRemote, parseListing, pull, push, serializeListing, walkFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 1 modules
var files = __webpack_require__(4762);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
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
function dir_listing_parseListing(bytes, oid) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString("utf8"));
    }
    catch {
        throw new MlopsError("invalid-file", `directory listing ${oid} is not JSON`, { field: oid });
    }
    const ok = Array.isArray(value) &&
        value.every((e) => e &&
            typeof e.relpath === "string" &&
            typeof e.sha256 === "string" &&
            /^[0-9a-f]{64}$/.test(e.sha256) &&
            Number.isInteger(e.size) &&
            !e.relpath.split("/").includes("..") &&
            !e.relpath.startsWith("/"));
    if (!ok) {
        throw new MlopsError("invalid-file", `directory listing ${oid} does not have the expected shape`, {
            field: oid,
            expected: '[{"relpath","sha256","size"}]',
        });
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
function object_id_objectRelPath(oid) {
    return join("sha256", oid.slice(0, 2), oid.slice(2));
}
/** The sha256 of the bytes stored under `oid` (a `.dir` object is the hash of its listing). */
function object_id_digestOf(oid) {
    return oid.slice(0, 64);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/stat-many.js



/** Below this many files a second thread costs more to start than it saves. */
const parallelThreshold = 20_000;
// Runs in a worker: stats its share of the paths and sends the numbers back in one transferable buffer.
const workerSource = (/* unused pure expression or super */ null && (`
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const paths = workerData;
const out = new Float64Array(paths.length * 3);
for (let i = 0; i < paths.length; i++) {
  const st = statSync(paths[i], { throwIfNoEntry: false });
  if (st) { out[i * 3] = st.size; out[i * 3 + 1] = st.mtimeMs; out[i * 3 + 2] = st.ino; }
  else { out[i * 3] = -1; }
}
parentPort.postMessage(out, [out.buffer]);
`));
function statRange(paths, from, to, out) {
    for (let i = from; i < to; i++) {
        const st = statSync(paths[i], { throwIfNoEntry: false });
        out[i] = st ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined;
    }
}
/**
 * Stats many files, spreading the work over the cores: for 100k files the kernel's stat calls are
 * most of `data status`, and they run in parallel on separate threads. `undefined` marks a file that
 * vanished since it was listed.
 */
async function stat_many_statMany(paths) {
    const out = new Array(paths.length);
    const threads = Math.min(availableParallelism(), 4);
    if (paths.length < parallelThreshold || threads < 2) {
        statRange(paths, 0, paths.length, out);
        return out;
    }
    const share = Math.ceil(paths.length / threads);
    const jobs = [];
    for (let t = 1; t < threads; t++) {
        const from = t * share;
        const to = Math.min(paths.length, from + share);
        if (from >= to)
            break;
        const worker = new Worker(workerSource, { eval: true, workerData: paths.slice(from, to) });
        jobs.push(new Promise((resolve, reject) => {
            worker.once("message", (numbers) => {
                for (let i = 0; i < to - from; i++) {
                    const size = numbers[i * 3];
                    out[from + i] =
                        size < 0
                            ? undefined
                            : { size, mtimeMs: numbers[i * 3 + 1], ino: numbers[i * 3 + 2] };
                }
                void worker.terminate();
                resolve();
            });
            worker.once("error", reject);
        }));
    }
    statRange(paths, 0, Math.min(share, paths.length), out);
    await Promise.all(jobs);
    return out;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/scan-tree.js







/** Below this many top-level directories the tree is walked on one thread and only stats are spread. */
const minDirsForWorkers = 2;
const minFilesForWorkers = 30_000;
// Runs in a worker: walks its share of top-level directories, stats each file, and returns the
// paths plus one transferable buffer of numbers. Mirrors walkFiles: skips .git and our temp files.
const scan_tree_workerSource = (/* unused pure expression or super */ null && (`
const { parentPort, workerData } = require("node:worker_threads");
const { readdirSync, statSync } = require("node:fs");
const relpaths = [];
const numbers = [];
const visit = (dir, prefix) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith(".") && name.endsWith(".tmp")) continue;
    if (entry.isDirectory()) {
      if (name !== ".git") visit(dir + "/" + name, prefix + name + "/");
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const st = statSync(dir + "/" + name, { throwIfNoEntry: false });
      relpaths.push(prefix + name);
      if (st) numbers.push(st.size, st.mtimeMs, st.ino); else numbers.push(-1, 0, 0);
    }
  }
};
for (const name of workerData.dirs) visit(workerData.root + "/" + name, name + "/");
const packed = Float64Array.from(numbers);
parentPort.postMessage({ relpaths, numbers: packed }, [packed.buffer]);
`));
function scanHere(root, names, into) {
    for (const name of names) {
        for (const relpath of walkFiles(`${root}/${name}`)) {
            const full = `${name}/${relpath}`;
            const st = statSync(`${root}/${full}`, { throwIfNoEntry: false });
            into.relpaths.push(full);
            into.stats.push(st ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined);
        }
    }
}
/**
 * Lists every file under `root` with its size, mtime and inode. A tree of many directories is split
 * between threads (walking and stat-ing are kernel work that runs in parallel); for 100k files this
 * is most of what `data status` costs.
 */
async function scan_tree_scanTree(root, options = {}) {
    const top = readdirSync(root, { withFileTypes: true }).filter((e) => !isTempName(e.name));
    const dirs = top.filter((e) => e.isDirectory() && e.name !== ".git").map((e) => e.name);
    const threads = Math.min(availableParallelism(), 4);
    // Starting a thread costs ~50 ms: only worth it when the last scan of this tree found many files.
    const worthThreads = (options.expectedFiles ?? 0) >= minFilesForWorkers;
    if (dirs.length < minDirsForWorkers || threads < 2 || !worthThreads) {
        const relpaths = walkFiles(root);
        return { relpaths, stats: await statMany(relpaths.map((r) => `${root}/${r}`)) };
    }
    const shares = Array.from({ length: threads }, () => []);
    for (const [i, name] of dirs.entries())
        shares[i % threads]?.push(name);
    const jobs = shares.slice(1).map((share) => new Promise((resolve, reject) => {
        const worker = new Worker(scan_tree_workerSource, { eval: true, workerData: { root, dirs: share } });
        worker.once("message", (result) => {
            const { relpaths, numbers } = result;
            const stats = relpaths.map((_, i) => {
                const size = numbers[i * 3];
                return size < 0
                    ? undefined
                    : { size, mtimeMs: numbers[i * 3 + 1], ino: numbers[i * 3 + 2] };
            });
            void worker.terminate();
            resolve({ relpaths, stats });
        });
        worker.once("error", reject);
    }));
    const here = { relpaths: [], stats: [] };
    for (const entry of top) {
        if (entry.isFile() || entry.isSymbolicLink()) {
            const st = statSync(`${root}/${entry.name}`, { throwIfNoEntry: false });
            here.relpaths.push(entry.name);
            here.stats.push(st ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined);
        }
    }
    scanHere(root, shares[0] ?? [], here);
    for (const part of await Promise.all(jobs)) {
        for (let i = 0; i < part.relpaths.length; i++) {
            here.relpaths.push(part.relpaths[i]);
            here.stats.push(part.stats[i]);
        }
    }
    return here;
}
/**
 * One hash over every path and its size, mtime and inode, in scan order. Equal fingerprints mean
 * nothing in the tree changed since it was hashed (a different scan order only costs a fallback to
 * the per-file index, never a wrong answer).
 */
function scan_tree_treeFingerprint(relpaths, stats) {
    const numbers = new Float64Array(relpaths.length * 3);
    for (let i = 0; i < stats.length; i++) {
        const st = stats[i];
        // A vanished file gets a size no real file has, so it can never match a recorded fingerprint.
        numbers[i * 3] = st ? st.size : -1;
        numbers[i * 3 + 1] = st ? st.mtimeMs : 0;
        numbers[i * 3 + 2] = st ? st.ino : 0;
    }
    return createHash("sha256")
        .update(relpaths.join("\0"))
        .update(new Uint8Array(numbers.buffer))
        .digest("hex");
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/store-many.js


/** Below this many files the second thread costs more to start than it saves. */
const store_many_parallelThreshold = 4000;
// Runs in a worker: reads, hashes and stores its share of small files exactly as Cache.putBytesSync
// does (temp file in the object's directory, then rename), and returns their sha256s in order.
const store_many_workerSource = (/* unused pure expression or super */ null && (`
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
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
    const share = Math.ceil(paths.length / threads);
    const jobs = [];
    for (let t = 1; t < threads; t++) {
        const part = paths.slice(t * share, (t + 1) * share);
        if (part.length === 0)
            break;
        const worker = new Worker(store_many_workerSource, {
            eval: true,
            workerData: { cacheRoot, paths: part, tag: `w${t}x${Math.random().toString(36).slice(2, 8)}` },
        });
        jobs.push(new Promise((resolve, reject) => {
            worker.once("message", (result) => {
                void worker.terminate();
                resolve(result);
            });
            worker.once("error", reject);
        }));
    }
    const mine = paths.slice(0, share).map(storeHere);
    const theirs = await Promise.all(jobs);
    return {
        shas: mine.concat(...theirs.map((r) => r.shas)),
        filesElsewhere: theirs.reduce((n, r) => n + r.shas.length, 0),
        bytesElsewhere: theirs.reduce((n, r) => n + r.bytesHashed, 0),
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/cache.js












/** Files up to this size are read whole: one read beats a streamed copy for the many-small-files case. */
const smallFileLimit = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
function statOf(path) {
    return statSync(path);
}
function corruptObject(oid, actual, where) {
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
    constructor(root) {
        this.root = root;
    }
    pathOf(oid) {
        return join(this.root, objectRelPath(oid));
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
                throw corruptObject(expected, digest.sha256, path);
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
            throw corruptObject(oid, actual.replace(/\.dir$/, ""), origin);
        }
        const target = this.pathOf(oid);
        await mkdir(dirname(target), { recursive: true });
        await rename(tempFile, target);
    }
    /** A scratch file name inside the store's file system, for downloads. */
    async scratchPath(oid) {
        const scratch = join(this.root, "sha256", ".incoming");
        await mkdir(scratch, { recursive: true });
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
        const { relpaths, stats } = await scanTree(dir, known === undefined ? {} : { expectedFiles: known });
        const fingerprint = treeFingerprint(relpaths, stats);
        const memo = index.lookupTree(dir, fingerprint);
        // Same paths, sizes, mtimes and inodes as when the tree was last hashed: same id, nothing to read.
        if (memo && (!store || this.has(memo.oid))) {
            return { oid: memo.oid, size: memo.size, nfiles: memo.nfiles, hashed: 0 };
        }
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
                const st = stats[i];
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
                const st = stats[i];
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
            throw corruptObject(oid, actual, "the cache");
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
    /** Copies an object out to `dest`, verifying the bytes on the way; `dest` appears whole or not at all. */
    async checkoutFile(oid, dest, index) {
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
                throw corruptObject(oid, actual, "the cache");
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
    async checkoutDirectory(oid, destDir, index, logger = silentLogger) {
        const entries = await this.readDirListing(oid);
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
                    await this.checkoutFile(entry.sha256, dest, index);
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
class HashIndex {
    stateDir;
    dirty = false;
    treesDirty = false;
    loadedEntries;
    loadedTrees;
    constructor(stateDir) {
        this.stateDir = stateDir;
    }
    static async open(stateDir) {
        return new HashIndex(stateDir);
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
        if (this.loadedTrees)
            return this.loadedTrees;
        const trees = new Map();
        for (const line of readText(join(this.stateDir, treeFileName)).split("\n")) {
            const [dir, fingerprint, oid, size, nfiles] = line.split("\t");
            if (dir && fingerprint && oid && size && nfiles && !dir.startsWith("#")) {
                trees.set(dir, { fingerprint, oid, size: Number(size), nfiles: Number(nfiles) });
            }
        }
        this.loadedTrees = trees;
        return trees;
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

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/remote.js







/** A directory on a local or mounted file system, laid out like the cache. */
class LocalRemote {
    name;
    url;
    root;
    constructor(name, url, root) {
        this.name = name;
        this.url = url;
        this.root = root;
    }
    pathOf(oid) {
        return join(this.root, objectRelPath(oid));
    }
    recordPath(relPath) {
        if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(relPath)) {
            throw new MlopsError("internal", `not a record path: ${relPath}`);
        }
        return join(this.root, relPath);
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
    async has(oids) {
        return new Set(oids.filter((oid) => existsSync(this.pathOf(oid))));
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
    async upload(oid, srcPath) {
        const target = this.pathOf(oid);
        await mkdir(dirname(target), { recursive: true });
        const temp = tempPathFor(target);
        try {
            await copyFile(srcPath, temp);
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
/** Resolves a configured remote; a relative path is taken from the repository root. */
function openRemote(spec, repoRoot) {
    const { name, url } = spec;
    if (url.startsWith("file://"))
        return new LocalRemote(name, url, fileURLToPath(url));
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
    if (scheme) {
        throw new MlopsError("usage", `remote '${name}': the scheme '${scheme}://' is not supported yet`, {
            field: `remotes.${name}.url`,
            expected: "a directory path or a file:// URL",
            got: url,
        });
    }
    return new LocalRemote(name, url, isAbsolute(url) ? url : resolve(repoRoot, url));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/transfer.js






const defaultJobs = 8;
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
/**
 * Uploads what the remote lacks. A directory's files go first and its listing last, so a remote
 * that has a listing has everything it names (pull and status rely on that).
 */
async function push(cache, remote, items, options = {}) {
    const logger = options.logger ?? silentLogger;
    const files = new Map();
    const listings = new Map();
    for (const item of items) {
        if (isDirId(item.oid)) {
            listings.set(item.oid, item);
            for (const entry of await cache
                .readDirListing(item.oid)
                .catch((err) => Promise.reject(withOwner(err, item)))) {
                if (!files.has(entry.sha256))
                    files.set(entry.sha256, { oid: entry.sha256, referencedBy: item.referencedBy });
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
        const missing = oids.filter((oid) => !present.has(oid));
        result.skipped += oids.length - missing.length;
        if (missing.length === 0)
            return;
        const progress = logger.progress(`pushing to ${remote.name}`, missing.length);
        const limit = pLimit(options.jobs ?? defaultJobs);
        try {
            await Promise.all(missing.map((oid) => limit(async () => {
                const item = group.get(oid);
                try {
                    // Verified before it leaves: a corrupt cache object must not become a corrupt remote one.
                    const check = await cache.verify(oid);
                    if (check.missing) {
                        throw new MlopsError("not-found", `object ${oid} is not in the cache, so it cannot be pushed`, {
                            field: oid,
                            hint: "run `mlops data add` or `mlops data pull` first",
                        });
                    }
                    if (!check.ok) {
                        throw new MlopsError("hash-mismatch", `object ${oid} in the cache is corrupt: its content hashes to ${check.actual}`, {
                            field: oid,
                            hint: "run `mlops data verify --repair`, then add or pull it again",
                        });
                    }
                    await remote.upload(oid, cache.pathOf(oid));
                    result.bytes += (await stat(cache.pathOf(oid))).size;
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
    return result;
}
/**
 * Downloads what the cache lacks; every object is hashed before it becomes visible in the cache,
 * and a directory's listing is adopted only after all its files are in.
 */
async function pull(cache, remote, items, options = {}) {
    const logger = options.logger ?? silentLogger;
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
            for (const entry of entries)
                if (!files.has(entry.sha256))
                    files.set(entry.sha256, { oid: entry.sha256, referencedBy: item.referencedBy });
        }
        else if (!files.has(item.oid)) {
            files.set(item.oid, item);
        }
    }
    try {
        const missing = [...files.values()].filter((item) => !cache.has(item.oid));
        result.skipped += files.size - missing.length;
        const progress = logger.progress(`pulling from ${remote.name}`, missing.length);
        try {
            await Promise.all(missing.map((item) => limit(async () => {
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









/***/ })

};
