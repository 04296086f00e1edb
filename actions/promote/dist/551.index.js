export const id = 551;
export const ids = [551];
export const modules = {

/***/ 64762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gs: () => (/* reexport */ isTempName),
  FD: () => (/* reexport */ tempPathFor),
  Zf: () => (/* reexport */ writeFileAtomic)
});

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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/files/index.js



/***/ }),

/***/ 33919:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Y: () => (/* reexport */ git),
  RL: () => (/* reexport */ gitCapture),
  Pm: () => (/* reexport */ gitRaw),
  b4: () => (/* reexport */ readBlobs)
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
/** The one way this code base runs git: no shell, output as bytes, failures as MlopsError. */
async function gitRaw(args, options) {
    const { stdout, stderr, code } = await spawnGit(args, options);
    if (code === 0 || options.okCodes?.includes(code))
        return { stdout, code };
    const message = stderr.toString("utf8").trim().split("\n").slice(-3).join("; ");
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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/git/index.js



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


/***/ })

};
