export const id = 529;
export const ids = [529,196];
export const modules = {

/***/ 55762:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "fe522462c16fc21893a4.js?../../";

/***/ }),

/***/ 20558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gs: () => (/* reexport */ isTempName),
  hI: () => (/* reexport */ splitAcrossWorkers),
  lx: () => (/* reexport */ startEvalWorker),
  FD: () => (/* reexport */ tempPathFor),
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: packageRoot, splitIntoShares

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/package-root.js

/**
 * The installed package's root directory (where package.json is). Every compiled module sits two
 * levels below it, in lib/<folder>/, and so do the chunks of the command-line bundle in lib/bundle/:
 * paths to files the package ships are taken from here, never from the calling module's own place,
 * which differs between the two.
 */
const packageRoot = (0,external_node_url_.fileURLToPath)(new URL(/* asset import */ __webpack_require__(55762), __webpack_require__.b));

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
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

/***/ 51865:
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
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
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

/***/ 97441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RH: () => (/* binding */ lineInYaml),
/* harmony export */   dd: () => (/* binding */ parsedYaml),
/* harmony export */   fv: () => (/* binding */ stringifyYaml),
/* harmony export */   parseYaml: () => (/* binding */ parseYaml),
/* harmony export */   readYamlFile: () => (/* binding */ readYamlFile),
/* harmony export */   writeYamlFile: () => (/* binding */ writeYamlFile)
/* harmony export */ });
/* unused harmony export formatFieldPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99936);
/* harmony import */ var _files_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20558);




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
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("internal", `refusing to write an invalid file: ${issue?.message ?? "schema mismatch"}`, {
            file,
            field: issue ? formatFieldPath(issue.path) : undefined,
        });
    }
    return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(result.data, { lineWidth: 0, aliasDuplicateObjects: false });
}
async function writeYamlFile(path, schema, value) {
    await (0,_files_index_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, stringifyYaml(value, schema, path));
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

/***/ 68600:
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

/***/ 43487:
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

/***/ 87514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ stableJson)
/* harmony export */ });
// No imports: the registry compares params with it without loading the pipeline runner.
/** JSON with sorted keys, so equal values always give equal text (and equal run keys). */
function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
    }
    return JSON.stringify(value);
}


/***/ }),

/***/ 12529:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qk: () => (/* reexport */ registry_state/* buildState */.qk),
  P7: () => (/* reexport */ checkGates),
  Qd: () => (/* reexport */ evaluateOnCurrentData),
  loadModelCard: () => (/* reexport */ model_files/* loadModelCard */.uW),
  loadModelCards: () => (/* reexport */ model_files/* loadModelCards */.rr),
  modelObjectPath: () => (/* reexport */ modelObjectPath),
  zo: () => (/* reexport */ model_state/* modelState */.z),
  parseSelector: () => (/* reexport */ parseSelector),
  IH: () => (/* reexport */ promoteModel),
  Uw: () => (/* reexport */ readMetrics),
  Gk: () => (/* reexport */ registry_refs/* readRegistryRefs */.Gk),
  Bc: () => (/* reexport */ readSignature),
  Qo: () => (/* reexport */ readValidation),
  TY: () => (/* reexport */ model_files/* readVersionManifests */.TY),
  $R: () => (/* reexport */ registerModel),
  resolveTagRemote: () => (/* reexport */ publish/* resolveTagRemote */.fq),
  UK: () => (/* reexport */ rollbackModel),
  showRegistry: () => (/* reexport */ showRegistry)
});

// UNUSED EXPORTS: buildVersionManifest, compareSemver, declaredModels, diffVersions, fetchModelTags, listModels, parseRegistryTag, registryHistory, requiredBump, stageTagName, verifyRegistry, versionManifest, versionTagName

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/direction.js
var direction = __webpack_require__(68600);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/signature.js
/** The differences a client would notice: inputs and outputs added, removed or retyped. */
function signature_signatureChanges(before, after) {
    const changes = [];
    for (const side of ["inputs", "outputs"]) {
        const old = new Map(before[side].map((t) => [t.name, t]));
        const now = new Map(after[side].map((t) => [t.name, t]));
        for (const [name, t] of old) {
            const n = now.get(name);
            if (!n)
                changes.push(`${side.slice(0, -1)} '${name}' removed`);
            else if (n.dtype !== t.dtype || JSON.stringify(n.shape) !== JSON.stringify(t.shape)) {
                changes.push(`${side.slice(0, -1)} '${name}' ${t.dtype}${fmtShape(t.shape)} → ${n.dtype}${fmtShape(n.shape)}`);
            }
        }
        for (const name of now.keys())
            if (!old.has(name))
                changes.push(`${side.slice(0, -1)} '${name}' added`);
    }
    return changes;
}
function fmtShape(shape) {
    return `[${shape.map((d) => (d === null ? "?" : String(d))).join(", ")}]`;
}

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
async function checkGates(stage, ctx) {
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
            const known = (0,direction/* metricDirection */.E)(g.metric);
            const higher = g.higher_is_better ?? (known === undefined ? undefined : known === "higher");
            if (higher === undefined) {
                throw new errors/* MlopsError */.IC("invalid-file", `mlops does not know whether a higher '${g.metric}' is better`, {
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
        const changes = signature_signatureChanges(current.signature, candidate.signature);
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
    const { readTable } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 50333));
    const { evaluateModel } = await Promise.all(/* import() */[__webpack_require__.e(487), __webpack_require__.e(520), __webpack_require__.e(860)]).then(__webpack_require__.bind(__webpack_require__, 45479));
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
    const { storedObject } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(520), __webpack_require__.e(2), __webpack_require__.e(370)]).then(__webpack_require__.bind(__webpack_require__, 93002));
    const name = `${version.model}@${version.version}`;
    return storedObject(layout, version.artifact.sha256, { what: `the model of ${name}`, referencedBy: name });
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/model-files.js
var model_files = __webpack_require__(28396);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/model-state.js
var model_state = __webpack_require__(9718);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(97441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/publish.js
var publish = __webpack_require__(63336);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/refs.js
var registry_refs = __webpack_require__(79949);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/state.js
var registry_state = __webpack_require__(1574);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/tag-names.js
var tag_names = __webpack_require__(25006);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/registry/promote.js









async function freshState(layout, name, remote) {
    const state = await (0,model_state/* modelState */.z)(layout, name, remote);
    if (!state?.versions.length) {
        throw new errors/* MlopsError */.IC("not-found", `model '${name}' has no registered versions`, {
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
    const card = await (0,model_files/* loadModelCard */.uW)(layout, name);
    const order = card.stages;
    const index = order.indexOf(stage);
    if (index < 0) {
        throw new errors/* MlopsError */.IC("usage", `'${stage}' is not a stage of ${name}`, {
            expected: `one of: ${order.join(", ")}`,
            file: `models/${name}/model.yaml`,
            field: "stages",
        });
    }
    const evaluations = options.evaluations ?? new Map();
    return assignWithRetry(layout, name, stage, options, async (state) => {
        const candidate = await (0,model_state/* versionManifest */.K)(layout, state, version);
        const before = order[index - 1];
        if (before &&
            !(state.stages.get(before) ?? []).some((e) => e.action === "assign" && e.version === version)) {
            throw new errors/* MlopsError */.IC("conflict", `${name}@${version} has never been in ${before}; stages go ${order.join(" → ")}`, {
                hint: `promote it to ${before} first: mlops promote ${name} ${version} --to ${before}`,
            });
        }
        const held = state.current.get(stage);
        const current = held && held !== version ? await (0,model_state/* versionManifest */.K)(layout, state, held) : undefined;
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
            throw new errors/* MlopsError */.IC("refused", `${name}@${version} may not enter ${stage}: ${failed.map((g) => `${g.gate} (${g.detail})`).join("; ")}`);
        }
        return { version, gates, versionRef: state.versions.find((v) => v.version === version)?.ref };
    });
}
/** Assigns the stage's previous version again, as a new tag; history is never rewritten. */
async function rollbackModel(layout, name, stage, options = {}) {
    await (0,model_files/* loadModelCard */.uW)(layout, name);
    return assignWithRetry(layout, name, stage, { ...options, reason: options.reason ?? "rollback" }, async (state) => {
        const events = state.stages.get(stage) ?? [];
        const held = state.current.get(stage);
        if (!held)
            throw new errors/* MlopsError */.IC("conflict", `${name} holds nothing in ${stage}; there is nothing to roll back`);
        const last = [...events].reverse().find((e) => e.action === "assign" && e.version === held);
        const target = last?.previous;
        if (!target) {
            throw new errors/* MlopsError */.IC("conflict", `${stage} has held only ${held}; there is no earlier version to go back to`);
        }
        await (0,model_state/* versionManifest */.K)(layout, state, target); // refuses a deregistered version
        // The stage goes back to the bytes it ran: the image its last assignment of that version recorded.
        const earlier = [...events].reverse().find((e) => e.action === "assign" && e.version === target);
        const text = earlier
            ? (await (0,registry_refs/* readAnnotations */.ti)(layout.root, [earlier.ref.object])).get(earlier.ref.object)
            : undefined;
        const earlierAssignment = earlier && text !== undefined ? await (0,model_files/* parseStageAnnotation */.PO)(earlier.ref, text) : undefined;
        const imageDigest = options.imageDigest ?? earlierAssignment?.image_digest;
        // Tags from before repositories were recorded fall back to the one the caller knows (config).
        const imageRepository = options.imageDigest
            ? options.imageRepository
            : (earlierAssignment?.image_repository ?? options.imageRepository);
        if (options.requireImageDigest && !imageDigest) {
            throw new errors/* MlopsError */.IC("refused", `${name} ${stage} would go back to ${target}, whose assignment${earlier ? ` (${earlier.ref.tag})` : ""} records no image digest, so its manifests could not pin an image; nothing was rolled back`, {
                hint: `assign it with an image: mlops promote ${name} ${target} --to ${stage} --image-digest sha256:…`,
            });
        }
        if (options.requireImageDigest && !imageRepository) {
            throw new errors/* MlopsError */.IC("refused", `${name} ${stage} would go back to ${target}, whose assignment${earlier ? ` (${earlier.ref.tag})` : ""} records no image repository and none is configured, so its manifests could not name the image; nothing was rolled back`, {
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
            throw new errors/* MlopsError */.IC("internal", `no tag for ${name}@${version}`);
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
        const counter = (0,registry_state/* lastStageCounter */.rk)(state, stage) + 1;
        const tag = (0,tag_names/* stageTagName */.QX)(name, stage, counter);
        // GTO orders events by tagger time in whole seconds; keeping it strictly increasing across the
        // model's tags makes GTO's order and ours the same.
        const time = Math.max(options.now ?? Math.floor(Date.now() / 1000), (0,registry_state/* latestTagTime */.f8)(state) + 1);
        const annotation = {
            model: name,
            stage,
            version,
            previous,
            actor: options.actor ?? "mlops",
            time: (0,registry_refs/* isoSeconds */.nE)(time),
            ...(options.run ? { run: options.run } : {}),
            version_tag: { tag: versionRef.tag, object: versionRef.object },
            ...(last ? { previous_tag: { tag: last.ref.tag, object: last.ref.object } } : {}),
            ...(options.reason ? { reason: options.reason } : {}),
            ...(options.environment ? { environment: options.environment } : {}),
            ...(imageDigest ? { image_digest: imageDigest } : {}),
            ...(imageDigest && imageRepository ? { image_repository: imageRepository } : {}),
        };
        const { stageAssignment } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 19353));
        const message = (0,yaml_file/* stringifyYaml */.fv)(annotation, stageAssignment, `tag ${tag}`);
        await (0,publish/* createAnnotatedTag */.Bw)(layout.root, {
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
        if ((await (0,publish/* pushTag */.lj)(layout.root, options.tagRemote, tag)) === "pushed") {
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
        await (0,publish/* deleteLocalTag */.dd)(layout.root, tag);
    }
    throw new errors/* MlopsError */.IC("conflict", `could not assign ${stage} of ${name}: ${maxAttempts} attempts lost the race`);
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var src_git = __webpack_require__(51865);
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
        const parsed = (0,tag_names/* parseRegistryTag */.$5)(tag);
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
    const stageTags = await (0,registry_refs/* readTagObjects */.Tr)(cwd, [...last.values()].map((e) => e.object));
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
    const versionTags = await (0,registry_refs/* readTagObjects */.Tr)(cwd, [
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
        const ordered = (0,registry_state/* sortEvents */.kD)(refs);
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
        const refs = await (0,registry_refs/* readRegistryRefs */.Gk)(layout.root, { model: name, timesFor: [] });
        if (refs.some((r) => r.action === "deregister" ||
            ((r.action === "assign" || r.action === "unassign") && r.counter === undefined))) {
            const timed = await (0,registry_refs/* readRegistryRefs */.Gk)(layout.root, {
                model: name,
                timesFor: [`refs/tags/${name}#*`, `refs/tags/${name}@*!*`],
            });
            return { refs: timed, state: (0,registry_state/* buildState */.qk)(timed) };
        }
        return { refs, state: (0,registry_state/* buildState */.qk)(refs) };
    }
    const refs = await (0,registry_refs/* readRegistryRefs */.Gk)(layout.root, name ? { model: name } : {});
    const until = await resolveAsOf(layout, refs, at);
    return { refs, state: (0,registry_state/* buildState */.qk)(refs, until) };
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
            const manifest = (0,model_files/* parseVersionForDisplay */.Rx)({ tag: fast.versionTag.tag }, fast.versionTag.header.message);
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
                    time: (0,registry_refs/* isoSeconds */.nE)(fast.assignment.header.time),
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
        stages: (0,registry_state/* stagesHeldBy */.iC)(model, v.version),
        commit: v.ref.commit,
        registered: (0,registry_refs/* isoSeconds */.nE)(v.ref.time),
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
    const objects = await (0,registry_refs/* readTagObjects */.Tr)(layout.root, [
        record.ref.object,
        ...(stageRef ? [stageRef.object] : []),
    ]);
    const manifest = (0,model_files/* parseVersionForDisplay */.Rx)(record.ref, objects.get(record.ref.object)?.message ?? "");
    if (stageRef) {
        const tag = objects.get(stageRef.object);
        assignment = {
            tag: stageRef.tag,
            time: (0,registry_refs/* isoSeconds */.nE)(tag?.time ?? stageRef.time),
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/flatten.js
var metrics_flatten = __webpack_require__(43487);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/stable-json.js
var stable_json = __webpack_require__(87514);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(41196);
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
    const changes = signature_signatureChanges(latest.signature, candidate.signature);
    if (changes.length)
        raise(policy.signature, `signature changed: ${changes.join("; ")}`);
    const dataKey = (v) => v.data
        .map((d) => `${d.name}=${d.data_sha256 ?? d.sha256}`)
        .sort()
        .join(",");
    if (dataKey(latest) !== dataKey(candidate))
        raise(policy.data, "training data changed");
    if ((0,stable_json/* stableJson */._)(latest.params) !== (0,stable_json/* stableJson */._)(candidate.params))
        raise(policy.params, "params changed");
    if (!reasons.length)
        reasons.push("artifact changed");
    return { level, reasons };
}
function bumpLevelBetween(from, to) {
    const a = (0,tag_names/* parseSemver */.kf)(from);
    const b = (0,tag_names/* parseSemver */.kf)(to);
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
    const pipelineDir = (0,external_node_path_.join)(layout.pipelinesDir, card.pipeline);
    const lockFile = (0,external_node_path_.join)(pipelineDir, "pipeline.lock");
    const lockDisplay = (0,repo.toRepoPath)(layout, lockFile);
    if (!(0,external_node_fs_.existsSync)(lockFile)) {
        throw new errors/* MlopsError */.IC("not-found", `pipeline '${card.pipeline}' has no lock: it has not run`, {
            file: lockDisplay,
            hint: `run \`mlops run ${card.pipeline}\` and commit ${lockDisplay}`,
        });
    }
    const { hashBytes, objectRelPath } = await Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { datasetsCovering } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(520), __webpack_require__.e(2), __webpack_require__.e(370)]).then(__webpack_require__.bind(__webpack_require__, 93002));
    const { pipelineLock } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(687)]).then(__webpack_require__.bind(__webpack_require__, 72687));
    const { modelVersion } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(264)]).then(__webpack_require__.bind(__webpack_require__, 90264));
    const lockBytes = await (0,promises_.readFile)(lockFile);
    const lock = (0,yaml_file.parseYaml)(lockBytes.toString("utf8"), pipelineLock, lockDisplay);
    // A version names a commit; the lock at that commit must be the one that built the model.
    const committed = await (0,src_git/* gitRaw */.Pm)(["show", `HEAD:${lockDisplay}`], { cwd: layout.root, okCodes: [128] });
    if (committed.code !== 0 || !committed.stdout.equals(lockBytes)) {
        throw new errors/* MlopsError */.IC("conflict", `${lockDisplay} has changes that are not committed`, {
            file: lockDisplay,
            hint: "commit the lock first: a registered version must be reproducible from its commit",
        });
    }
    const commit = (await (0,src_git/* git */.$Y)(["rev-parse", "HEAD"], { cwd: layout.root })).trim();
    const producing = producingStages(lock, card.output, lockDisplay);
    const outEntry = producing.entry;
    const modelFile = (0,external_node_path_.join)(pipelineDir, card.output);
    if (!(0,external_node_fs_.existsSync)(modelFile)) {
        throw new errors/* MlopsError */.IC("not-found", `the model file ${(0,repo.toRepoPath)(layout, modelFile)} is not in the workspace`, {
            hint: `run \`mlops run ${card.pipeline}\` to restore it from the run cache`,
        });
    }
    const bytes = await (0,promises_.readFile)(modelFile);
    const artifact = hashBytes(bytes);
    if (artifact !== outEntry.sha256) {
        throw new errors/* MlopsError */.IC("conflict", `${(0,repo.toRepoPath)(layout, modelFile)} is not the file the lock records`, {
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
            depPaths.add((0,repo.toRepoPath)(layout, (0,external_node_path_.join)(pipelineDir, dep.path)));
    }
    const datasets = await datasetsCovering(layout, [...depPaths]);
    const data = await Promise.all(datasets
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(async (d) => ({
        name: d.name,
        sha256: hashBytes(await (0,promises_.readFile)((0,external_node_path_.join)(layout.root, d.file))),
        path: d.file,
        ...(d.manifest.outs[0] ? { data_sha256: d.manifest.outs[0].sha256 } : {}),
    })));
    const metrics = card.metrics ? await readMetrics(layout, pipelineDir, card.metrics) : {};
    const validation = card.validation ? await readValidation(layout, pipelineDir, card.validation) : undefined;
    const signature = await readSignature(modelFile, (0,repo.toRepoPath)(layout, modelFile));
    const manifest = modelVersion.parse({
        version,
        model: card.name,
        created: (0,registry_refs/* isoSeconds */.nE)(now),
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
    const want = external_node_path_.posix.normalize(output);
    const writer = new Map();
    for (const [name, stage] of Object.entries(lock.stages))
        for (const o of stage.outs)
            writer.set(external_node_path_.posix.normalize(o.path), name);
    const first = writer.get(want);
    if (!first) {
        throw new errors/* MlopsError */.IC("not-found", `no stage in the lock writes '${output}'`, {
            file: lockDisplay,
            hint: "check `output` in model.yaml against the pipeline's outs, then run the pipeline",
        });
    }
    const entry = lock.stages[first]?.outs.find((o) => external_node_path_.posix.normalize(o.path) === want);
    const seen = new Set();
    const queue = [first];
    while (queue.length) {
        const name = queue.pop();
        if (seen.has(name))
            continue;
        seen.add(name);
        for (const dep of lock.stages[name]?.deps ?? []) {
            const upstream = writer.get(external_node_path_.posix.normalize(dep.path));
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
    const { openModel } = await Promise.all(/* import() */[__webpack_require__.e(487), __webpack_require__.e(520), __webpack_require__.e(860)]).then(__webpack_require__.bind(__webpack_require__, 45479));
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
    const card = await (0,model_files/* loadModelCard */.uW)(layout, name);
    const now = options.now ?? Math.floor(Date.now() / 1000);
    if (options.tagRemote)
        await (0,publish/* fetchModelTags */.l4)(layout.root, options.tagRemote, name);
    // What was built does not change between attempts: read the lock, files and signature once.
    const built = await buildVersionManifest(layout, card, "v0.0.0", now, options.provenance);
    let storedUri;
    for (let attempt = 0; attempt < 20; attempt++) {
        const refs = await (0,registry_refs/* readRegistryRefs */.Gk)(layout.root, { model: name });
        const state = (0,registry_state/* buildState */.qk)(refs).models.get(name);
        const versionRefs = (state?.versions ?? []).map((v) => v.ref);
        const manifests = await (0,model_files/* readVersionManifests */.TY)(layout.root, versionRefs);
        // Strictly after every earlier tag of the model: GTO orders events by this time (whole seconds).
        const time = Math.max(now, (0,registry_state/* latestTagTime */.f8)(state) + 1);
        const same = [...manifests.values()].find((m) => m.artifact.sha256 === built.manifest.artifact.sha256);
        if (same) {
            if (options.version && options.version !== same.version) {
                throw new errors/* MlopsError */.IC("conflict", `this artifact is already registered as ${name}@${same.version}`, {
                    hint: "a version names one artifact; retrain or change something to register a new one",
                });
            }
            await storeModel(layout, built.modelFile, same.artifact.sha256, options);
            return {
                model: name,
                version: same.version,
                tag: (0,tag_names/* versionTagName */.ap)(name, same.version),
                created: false,
                pushed: false,
                bump: "existing",
                reasons: ["the same artifact is already registered"],
                manifest: same,
            };
        }
        const atCommit = [...manifests.values()].find((m) => m.commit === built.manifest.commit);
        if (atCommit) {
            throw new errors/* MlopsError */.IC("conflict", `${name}@${atCommit.version} is registered at commit ${built.manifest.commit.slice(0, 12)} with a different artifact`, {
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
                if (!(0,tag_names/* parseSemver */.kf)(given)) {
                    throw new errors/* MlopsError */.IC("usage", `'${given}' is not a version`, {
                        expected: "vMAJOR.MINOR.PATCH, like v1.4.0",
                    });
                }
                if ((0,tag_names/* compareSemver */.mU)(given, latest.version) <= 0) {
                    throw new errors/* MlopsError */.IC("conflict", `${given} is not after the latest version ${latest.version}`, {
                        hint: `the next version by the policy is ${(0,tag_names/* bumpVersion */.Bx)(latest.version, required.level)}`,
                    });
                }
                const level = bumpLevelBetween(latest.version, given);
                if (levelRank[level] < levelRank[required.level]) {
                    throw new errors/* MlopsError */.IC("conflict", `${given} is a ${level} bump from ${latest.version}, but the version policy requires a ${required.level} bump: ${required.reasons.join("; ")}`, { hint: `use ${(0,tag_names/* bumpVersion */.Bx)(latest.version, required.level)} or leave --version out` });
                }
                version = given;
                bump = "explicit";
            }
            else {
                version = (0,tag_names/* bumpVersion */.Bx)(latest.version, required.level);
                bump = required.level;
            }
        }
        if (state?.versions.some((v) => v.version === version)) {
            throw new errors/* MlopsError */.IC("conflict", `${name}@${version} already exists for a different artifact`);
        }
        const parentRef = [...(state?.versions ?? [])].sort((a, b) => a.ref.time - b.ref.time).at(-1)?.ref;
        const manifest = {
            ...built.manifest,
            artifact: { ...built.manifest.artifact },
            created: (0,registry_refs/* isoSeconds */.nE)(time),
            version,
            ...(parentRef ? { parent: { tag: parentRef.tag, object: parentRef.object } } : {}),
        };
        storedUri ??= await storeModel(layout, built.modelFile, manifest.artifact.sha256, options);
        manifest.artifact.uri = storedUri;
        const tag = (0,tag_names/* versionTagName */.ap)(name, version);
        const { modelVersion } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(264)]).then(__webpack_require__.bind(__webpack_require__, 90264));
        const message = (0,yaml_file/* stringifyYaml */.fv)(manifest, modelVersion, `tag ${tag}`);
        await (0,publish/* createAnnotatedTag */.Bw)(layout.root, {
            tag,
            commit: manifest.commit,
            message,
            time,
            tagger: options.tagger,
        });
        if (!options.tagRemote) {
            return { model: name, version, tag, created: true, pushed: false, bump, reasons, manifest };
        }
        const pushed = await (0,publish/* pushTag */.lj)(layout.root, options.tagRemote, tag);
        if (pushed === "pushed")
            return { model: name, version, tag, created: true, pushed: true, bump, reasons, manifest };
        // Someone registered the same number first: take their tags and decide again.
        options.logger?.info(`${tag} was registered elsewhere meanwhile; fetching and retrying`);
        await (0,publish/* deleteLocalTag */.dd)(layout.root, tag);
        await (0,publish/* fetchModelTags */.l4)(layout.root, options.tagRemote, name);
    }
    throw new errors/* MlopsError */.IC("conflict", `could not register ${name}: the remote kept changing (20 attempts)`);
}
/** Puts the model into the local store and, when one is configured, the data remote; returns its URI. */
async function storeModel(layout, modelFile, sha256, options) {
    // The store and the remotes load only when a version is written: reading the registry stays light.
    const { Cache, objectRelPath, push: pushObjects } = await Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { resolveRemote } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(520), __webpack_require__.e(2), __webpack_require__.e(370)]).then(__webpack_require__.bind(__webpack_require__, 93002));
    const cache = new Cache(layout.cacheDir);
    if (!cache.has(sha256))
        await cache.addFile(modelFile);
    const resolved = await resolveRemote(layout, options.dataRemote);
    if (!resolved)
        return `mlops:${objectRelPath(sha256)}`;
    await pushObjects(cache, resolved.remote, [{ oid: sha256, referencedBy: (0,external_node_path_.relative)(layout.root, modelFile) }], {
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
    const { Cache } = await Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { resolveRemote } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(520), __webpack_require__.e(2), __webpack_require__.e(370)]).then(__webpack_require__.bind(__webpack_require__, 93002));
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

/***/ 28396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PO: () => (/* binding */ parseStageAnnotation),
/* harmony export */   Rx: () => (/* binding */ parseVersionForDisplay),
/* harmony export */   TY: () => (/* binding */ readVersionManifests),
/* harmony export */   rr: () => (/* binding */ loadModelCards),
/* harmony export */   uW: () => (/* binding */ loadModelCard)
/* harmony export */ });
/* unused harmony exports modelCardPath, declaredModels, parseVersionAnnotation */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99936);
/* harmony import */ var _manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97441);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79949);






function modelCardPath(layout, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.modelsDir, name, "model.yaml");
}
/** The models declared in the repository: folders under models/ holding a model.yaml, sorted. */
function declaredModels(layout) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(layout.modelsDir))
        return [];
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(layout.modelsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.modelsDir, e.name, "model.yaml")))
        .map((e) => e.name)
        .sort();
}
/** Every declared model's card, each read and checked once. */
async function loadModelCards(layout) {
    return Promise.all(declaredModels(layout).map((name) => loadModelCard(layout, name)));
}
async function loadModelCard(layout, name) {
    const file = modelCardPath(layout, name);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("not-found", `no model named '${name}'`, {
            file: `models/${name}/model.yaml`,
            hint: "a model is declared by models/<name>/model.yaml (see `mlops registry ls`)",
        });
    }
    const { modelCard } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(167), __webpack_require__.e(29)]).then(__webpack_require__.bind(__webpack_require__, 86167));
    const card = await (0,_manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__.readYamlFile)(file, modelCard, `models/${name}/model.yaml`);
    if (card.name !== name) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("invalid-file", `expected name '${name}' (the folder's name), got '${card.name}'`, {
            file: `models/${name}/model.yaml`,
            field: "name",
        });
    }
    return card;
}
/** Parses a version tag's annotation; a tag that is not ours (written by hand or by GTO) says so. */
async function parseVersionAnnotation(ref, text) {
    const { modelVersion } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(264)]).then(__webpack_require__.bind(__webpack_require__, 90264));
    return (0,_manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__.parseYaml)(text, modelVersion, `tag ${ref.tag}`);
}
async function parseStageAnnotation(ref, text) {
    const { stageAssignment } = await Promise.all(/* import() */[__webpack_require__.e(857), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 19353));
    return (0,_manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__.parseYaml)(text, stageAssignment, `tag ${ref.tag}`);
}
/**
 * For display only: the annotation as YAML with the fields `show` prints checked by hand, so
 * reading one version does not load every schema. Anything that acts on a manifest (promote,
 * gates, diff, verify) parses it through the schema.
 */
function parseVersionForDisplay(ref, text) {
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text);
    }
    catch (err) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("invalid-file", `the annotation is not YAML: ${err.message}`, {
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
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("invalid-file", "the annotation is not an mlops version manifest", {
            file: `tag ${ref.tag}`,
            hint: "`mlops registry verify` names what is wrong with it",
        });
    }
    return v;
}
/** The manifests of several version tags, in one git process. */
async function readVersionManifests(cwd, refs, options = {}) {
    const texts = await (0,_refs_js__WEBPACK_IMPORTED_MODULE_5__/* .readAnnotations */ .ti)(cwd, refs.map((r) => r.object));
    const result = new Map();
    for (const ref of refs) {
        const text = texts.get(ref.object);
        if (text === undefined)
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .IC("not-found", `tag object of ${ref.tag} is missing`);
        result.set(ref.tag, options.forDisplay ? parseVersionForDisplay(ref, text) : await parseVersionAnnotation(ref, text));
    }
    return result;
}


/***/ }),

/***/ 9718:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ versionManifest),
/* harmony export */   z: () => (/* binding */ modelState)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);
/* harmony import */ var _model_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28396);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63336);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79949);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1574);





/** A model's registry state, fetched from the tag remote first when there is one; undefined without tags. */
async function modelState(layout, model, tagRemote) {
    if (tagRemote)
        await (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchModelTags */ .l4)(layout.root, tagRemote, model);
    const refs = await (0,_refs_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegistryRefs */ .Gk)(layout.root, { model });
    return (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .buildState */ .qk)(refs).models.get(model);
}
/** The manifest of a registered, not deregistered, version of the model. */
async function versionManifest(layout, state, version) {
    const record = state.versions.find((v) => v.version === version);
    if (!record) {
        const known = state.versions.map((v) => v.version).slice(-5);
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("not-found", `${state.name}@${version} is not registered`, {
            hint: known.length ? `latest versions: ${known.join(", ")}` : undefined,
        });
    }
    if (record.deregistered)
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("conflict", `${state.name}@${version} was deregistered`);
    return (await (0,_model_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readVersionManifests */ .TY)(layout.root, [record.ref])).get(record.ref.tag);
}


/***/ }),

/***/ 63336:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bw: () => (/* binding */ createAnnotatedTag),
/* harmony export */   dd: () => (/* binding */ deleteLocalTag),
/* harmony export */   fq: () => (/* binding */ resolveTagRemote),
/* harmony export */   l4: () => (/* binding */ fetchModelTags),
/* harmony export */   lj: () => (/* binding */ pushTag)
/* harmony export */ });
/* unused harmony export remoteModelTags */
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51865);


/**
 * Creates an annotated tag whose tagger time is `time` (seconds): GTO orders events by that time,
 * so callers keep it strictly increasing along a stage's assignments.
 */
async function createAnnotatedTag(cwd, options) {
    const env = { GIT_COMMITTER_DATE: `${options.time} +0000` };
    const tagger = options.tagger ?? (await defaultTagger(cwd));
    if (tagger) {
        env.GIT_COMMITTER_NAME = tagger.name;
        env.GIT_COMMITTER_EMAIL = tagger.email;
    }
    const result = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitCapture */ .RL)(["tag", "-a", "--cleanup=verbatim", "-F", "-", options.tag, options.commit], { cwd, input: options.message, env });
    if (result.code !== 0) {
        if (result.stderr.includes("already exists")) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("conflict", `tag '${options.tag}' already exists in this repository`);
        }
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("command-failed", `git tag failed: ${result.stderr.trim()}`);
    }
    return (await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .git */ .$Y)(["rev-parse", `refs/tags/${options.tag}`], { cwd })).trim();
}
/** The configured identity, else a fixed one: a CI checkout often has no user.name. */
async function defaultTagger(cwd) {
    const ident = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitRaw */ .Pm)(["var", "GIT_COMMITTER_IDENT"], { cwd, okCodes: [128] });
    if (ident.code === 0)
        return undefined;
    return { name: "mlops", email: "mlops@localhost" };
}
async function deleteLocalTag(cwd, tag) {
    await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitRaw */ .Pm)(["tag", "-d", tag], { cwd, okCodes: [1] });
}
/**
 * Pushes one tag. Creating a ref on a remote is atomic, so when two writers race for the same tag
 * exactly one wins; the loser gets "exists" and retries with fresh state.
 */
async function pushTag(cwd, target, tag) {
    const ref = `refs/tags/${tag}`;
    const env = (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteEnv */ ._D)(target);
    const result = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitCapture */ .RL)(["push", "--porcelain", target.remote, `${ref}:${ref}`], {
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
    throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("remote", `could not push ${tag} to ${target.remote}: ${(0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitStderrTail */ .jP)(result.stderr)}`, {
        hint: target.token
            ? undefined
            : "for an HTTPS remote, pass a token (GITHUB_TOKEN) or configure credentials",
    });
}
/** Brings the remote's tags of one model into the local repository, replacing any that differ. */
async function fetchModelTags(cwd, target, model) {
    const env = (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteEnv */ ._D)(target);
    const specs = [`+refs/tags/${model}@*:refs/tags/${model}@*`, `+refs/tags/${model}#*:refs/tags/${model}#*`];
    const result = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitCapture */ .RL)(["fetch", "--quiet", "--no-tags", target.remote, ...specs], {
        cwd,
        env,
    });
    if (result.code !== 0) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("remote", `could not fetch tags from ${target.remote}: ${(0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gitStderrTail */ .jP)(result.stderr)}`);
    }
}
/** Tag name → tag object id on the remote, for the registry tags of one model. */
async function remoteModelTags(cwd, target, model) {
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
    const remotes = (await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_1__/* .git */ .$Y)(["remote"], { cwd })).split("\n").filter(Boolean);
    return remotes.includes("origin") ? { remote: "origin", ...(token ? { token } : {}) } : undefined;
}


/***/ }),

/***/ 79949:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ readRegistryRefs),
/* harmony export */   Tr: () => (/* binding */ readTagObjects),
/* harmony export */   nE: () => (/* binding */ isoSeconds),
/* harmony export */   ti: () => (/* binding */ readAnnotations)
/* harmony export */ });
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51865);
/* harmony import */ var _tag_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25006);


/**
 * The registry's tags in two cheap passes: `git show-ref -d` gives names, tag objects and the
 * commits they point at (from packed-refs' peeled lines, without opening objects), and one
 * `git for-each-ref` reads tagger time and name for the tags that need ordering.
 */
async function readRegistryRefs(cwd, options = {}) {
    const prefix = "refs/tags/";
    const model = options.model;
    const patterns = options.timesFor ?? (model !== undefined ? (0,_tag_names_js__WEBPACK_IMPORTED_MODULE_1__/* .modelRefPatterns */ .CQ)(model) : [prefix]);
    // Both passes at once: they are separate git processes and neither needs the other's answer.
    const [listing, times] = await Promise.all([
        (0,_git_index_js__WEBPACK_IMPORTED_MODULE_0__/* .git */ .$Y)(["show-ref", "-d", "--tags"], { cwd, okCodes: [1] }),
        patterns.length
            ? (0,_git_index_js__WEBPACK_IMPORTED_MODULE_0__/* .git */ .$Y)([
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
        const parsed = (0,_tag_names_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRegistryTag */ .$5)(tag);
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
async function readAnnotations(cwd, objects) {
    const tags = await readTagObjects(cwd, objects);
    return new Map([...tags].map(([object, tag]) => [object, tag.message]));
}
/**
 * Tag objects read whole in one `git cat-file --batch`. The header lines end at the first empty
 * line; a trailing PGP signature is not part of the message.
 */
async function readTagObjects(cwd, objects) {
    const blobs = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readBlobs */ .b4)(cwd, [...new Set(objects)]);
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
function isoSeconds(seconds) {
    return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}


/***/ }),

/***/ 1574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f8: () => (/* binding */ latestTagTime),
/* harmony export */   iC: () => (/* binding */ stagesHeldBy),
/* harmony export */   kD: () => (/* binding */ sortEvents),
/* harmony export */   qk: () => (/* binding */ buildState),
/* harmony export */   rk: () => (/* binding */ lastStageCounter)
/* harmony export */ });
/* harmony import */ var _tag_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25006);

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
function buildState(refs, until) {
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
        m.versions = (0,_tag_names_js__WEBPACK_IMPORTED_MODULE_0__/* .sortBySemver */ .Wg)(m.versions, (v) => v.version);
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
function lastStageCounter(model, stage) {
    let last = 0;
    for (const e of model?.stages.get(stage) ?? [])
        last = Math.max(last, e.counter ?? 0);
    return last;
}
/** The newest tagger time among the model's tags (0 when it has none). */
function latestTagTime(model) {
    let t = 0;
    for (const r of model?.refs ?? [])
        t = Math.max(t, r.time);
    return t;
}


/***/ }),

/***/ 25006:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $5: () => (/* binding */ parseRegistryTag),
/* harmony export */   Bx: () => (/* binding */ bumpVersion),
/* harmony export */   CQ: () => (/* binding */ modelRefPatterns),
/* harmony export */   QX: () => (/* binding */ stageTagName),
/* harmony export */   Wg: () => (/* binding */ sortBySemver),
/* harmony export */   ap: () => (/* binding */ versionTagName),
/* harmony export */   kf: () => (/* binding */ parseSemver),
/* harmony export */   mU: () => (/* binding */ compareSemver)
/* harmony export */ });
/* unused harmony exports matchesTagGrammar, isRegistryName, assertRegistryName */
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);

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
function parseRegistryTag(tag) {
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
function versionTagName(model, version) {
    return `${model}@${version}`;
}
function stageTagName(model, stage, counter) {
    return `${model}#${stage}#${counter}`;
}
/** The ref globs that hold every tag of one model (one `git for-each-ref` answers them all). */
function modelRefPatterns(model) {
    return [`refs/tags/${model}@*`, `refs/tags/${model}#*`];
}
const semverOnly = new RegExp(`^v${semverPattern}$`);
const plainVersion = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const noPrerelease = [];
function parseSemver(version) {
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
function compareSemver(a, b) {
    const x = parseSemver(a);
    const y = parseSemver(b);
    if (!x || !y)
        return a < b ? -1 : a > b ? 1 : 0;
    return compareParsed(x, y);
}
/** Sorts by semantic version, parsing each version once (thousands of versions sort in a blink). */
function sortBySemver(items, version) {
    const keyed = items.map((item) => ({ item, v: parseSemver(version(item)) }));
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
function bumpVersion(version, level) {
    const v = parseSemver(version);
    if (!v)
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("internal", `not a version: ${version}`);
    if (level === "major")
        return `v${v.major + 1}.0.0`;
    if (level === "minor")
        return `v${v.major}.${v.minor + 1}.0`;
    return `v${v.major}.${v.minor}.${v.patch + 1}`;
}


/***/ }),

/***/ 41196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  repoLayout: () => (/* reexport */ repoLayout),
  toRepoPath: () => (/* reexport */ toRepoPath)
});

// UNUSED EXPORTS: findRepoRoot, findRepoRootOr

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
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



/***/ })

};
