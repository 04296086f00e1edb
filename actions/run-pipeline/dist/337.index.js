export const id = 337;
export const ids = [337,196];
export const modules = {

/***/ 558:
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
/* harmony export */   Fy: () => (/* binding */ npmPackageNamePattern),
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   gu: () => (/* binding */ exactSemverPattern),
/* harmony export */   pU: () => (/* binding */ imageRepositoryName),
/* harmony export */   r3: () => (/* binding */ npmPackageName),
/* harmony export */   u6: () => (/* binding */ exactSemver)
/* harmony export */ });
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

/***/ 2687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ lockEntry),
/* harmony export */   pipelineLock: () => (/* binding */ pipelineLock)
/* harmony export */ });
/* unused harmony export lockStage */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9226);



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

/***/ 9226:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G5: () => (/* binding */ command),
  qJ: () => (/* binding */ expandedPipeline),
  qb: () => (/* binding */ normalisePath),
  Ib: () => (/* binding */ outPath),
  Tk: () => (/* binding */ pipeline),
  K0: () => (/* binding */ pipelinePath),
  J_: () => (/* binding */ reservedVariable)
});

// UNUSED EXPORTS: RUNNER_SET_VARIABLES, outOptions, passEnv, stage, stageOut, stageParam

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/sweep.js

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
const sweepValue = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP().max(200, "expected at most 200 characters"), schemas/* boolean */.zMY()], {
    error: "expected a scalar value: a number, a string or true/false",
});
const valueList = schemas/* array */.YOg(sweepValue, { error: "expected a list of values, e.g. [100, 300]" })
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
const sweepBlock = schemas/* strictObject */.rej({
    params: schemas/* record */.g1P(schemas/* string */.YjP().regex(sweepKey, "expected a dotted params.yaml key such as train.gbdt.trees"), valueList, { error: "expected a mapping of params.yaml keys to lists of values" })
        .refine((p) => Object.keys(p).length > 0, "expected at least one key to vary")
        .refine((p) => Object.keys(p).length <= maxSweepKeys, `expected at most ${maxSweepKeys} keys to vary in one sweep`)
        .describe("params.yaml keys (dotted, e.g. train.gbdt.trees) → the values to try"),
    random: schemas/* strictObject */.rej({
        points: schemas/* number */.aig({ error: "expected a whole number of points" })
            .int("expected a whole number of points")
            .min(1, "expected at least 1 point"),
        seed: schemas/* number */.aig({ error: "expected a whole number seed" })
            .int("expected a whole number seed")
            .min(0, "expected a seed >= 0")
            .max(2 ** 32 - 1, "expected a seed below 2^32")
            .optional(),
    })
        .optional()
        .describe("run `points` distinct points of the grid drawn with `seed` (default 0) instead of all"),
    max_points: schemas/* number */.aig({ error: "expected a whole number" })
        .int("expected a whole number")
        .min(1, "expected at least 1")
        .max(maxSweepPoints, `expected at most ${maxSweepPoints} (the ceiling of a pull-request sweep)`)
        .optional()
        .describe(`the most points the sweep may run (default ${defaultSweepMaxPoints}, at most ${maxSweepPoints})`),
    metric: schemas/* string */.YjP({ error: "expected a metric name" })
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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js



/**
 * A path relative to the pipeline directory (`pipelines/<name>/`): it may climb to the repository
 * root with `..` (to reach `data/`), but never above it.
 */
const pipelinePath = schemas/* string */.YjP()
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
const outOptions = schemas/* strictObject */.rej({
    cache: schemas/* boolean */.zMY({ error: "expected true or false" })
        .optional()
        .describe("store the output in the cache (default true); false for small files tracked by git"),
    persist: schemas/* boolean */.zMY({ error: "expected true or false" })
        .optional()
        .describe("keep the output in place when the stage is rerun (default false)"),
});
/** An output: a path, or `{ <path>: { cache, persist } }` as in DVC. */
const stageOut = schemas/* union */.KCZ([
    pipelinePath.describe("output path, relative to the stage's working directory"),
    schemas/* record */.g1P(pipelinePath, outOptions)
        .refine((r) => Object.keys(r).length === 1, "expected exactly one path with its options"),
], { error: "expected an output path, or a mapping of one path to {cache, persist}" });
const stageParam = schemas/* union */.KCZ([
    schemas/* string */.YjP().min(1, "expected a parameter key like 'train' or 'prepare.split_year'"),
    schemas/* record */.g1P(pipelinePath.describe("a params file other than params.yaml"), schemas/* array */.YOg(schemas/* string */.YjP().min(1), { error: "expected a list of parameter keys" })),
], { error: "expected a parameter key, or a mapping of a params file to a list of keys" });
const command = schemas/* union */.KCZ([
    schemas/* string */.YjP().min(1, "expected a non-empty command"),
    schemas/* array */.YOg(schemas/* string */.YjP().min(1, "expected a non-empty command")).min(1, "expected at least one command"),
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
const variableName = schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name");
/**
 * Variables of the runner's environment a pipeline lets its stage commands see, by name. Stage
 * commands otherwise start from an allow-list (src/pipeline/stage-env.ts).
 */
const passEnv = schemas/* array */.YOg(variableName.superRefine((name, ctx) => {
    const why = reservedVariable(name);
    if (why)
        ctx.addIssue({
            code: "custom",
            message: `expected a variable a stage may see, but ${name} cannot be passed: ${why}`,
        });
}), { error: "expected a list of environment variable names" })
    .describe("environment variables passed from the runner to the commands by name (stage commands otherwise see only an allow-list: PATH, HOME, locale, CA bundles, the run's public facts)");
const stage = schemas/* strictObject */.rej({
    cmd: command.describe("shell command(s) run in the stage's working directory"),
    wdir: pipelinePath.optional().describe("working directory, relative to the pipeline directory"),
    deps: schemas/* array */.YOg(pipelinePath).optional().describe("files and directories the stage reads"),
    params: schemas/* array */.YOg(stageParam).optional().describe("parameters the stage reads"),
    outs: schemas/* array */.YOg(stageOut).optional().describe("files and directories the stage writes"),
    metrics: schemas/* array */.YOg(stageOut).optional().describe("metrics files (JSON) the stage writes"),
    plots: schemas/* array */.YOg(stageOut).optional().describe("plot data files the stage writes"),
    desc: schemas/* string */.YjP().optional().describe("what the stage does"),
    seed: schemas/* number */.aig().int("expected an integer seed").optional().describe("random seed passed as MLOPS_SEED"),
    env: schemas/* record */.g1P(variableName, schemas/* string */.YjP()).optional().describe("environment variables set for the command"),
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
const vars = schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())], {
    error: "expected a params file (optionally `file:key1,key2`) or a mapping of values",
}))
    .describe("values for `${…}` interpolation: params files (`file` or `file:key1,key2`) or inline mappings");
/** DVC's `foreach`: one stage per item of a list or entry of a mapping, named `NAME@KEY`. */
const foreachStage = schemas/* strictObject */.rej({
    foreach: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* unknown */.L5J()), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())], {
        error: "expected a list, a mapping, or a `${…}` naming one",
    })
        .describe("the items: a list, a mapping, or `${…}` naming one"),
    do: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).describe("the stage written once, with `${item}` (and `${key}`)"),
});
/** DVC's `matrix`: one stage per combination of the named lists, named `NAME@V1-V2…`. */
const matrixStage = schemas/* looseObject */._H3({
    matrix: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* unknown */.L5J())]), {
        error: "expected a mapping of names to lists (or `${…}` naming a list)",
    })
        .describe("name → list of values; `${item.NAME}` in the stage"),
});
/**
 * A stage as written: plain, `foreach`/`do`, or `matrix`. Templated stages are checked in full
 * once expanded (src/pipeline/templating.ts); here only their shape.
 */
const stageDefinition = schemas/* unknown */.L5J().superRefine((value, ctx) => {
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
const pipeline = schemas/* strictObject */.rej({
    vars: vars.optional(),
    pass_env: passEnv.optional(),
    sweep: sweepBlock
        .optional()
        .describe("a parameter sweep the pull-request workflow runs (`mlops exp run --declared`), within max_points"),
    stages: schemas/* record */.g1P(common/* nameSlug */.Ng, stageDefinition)
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
const expandedPipeline = schemas/* strictObject */.rej({
    pass_env: passEnv.optional(),
    stages: schemas/* record */.g1P(common/* stageName */.CT, stage)
        .refine((s) => Object.keys(s).length > 0, "expected at least one stage"),
})
    .superRefine((p, ctx) => checkOutputs(p.stages, ctx, ["stages"]));


/***/ }),

/***/ 7441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RH: () => (/* binding */ lineInYaml),
/* harmony export */   dd: () => (/* binding */ parsedYaml),
/* harmony export */   fv: () => (/* binding */ stringifyYaml),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   kv: () => (/* binding */ readYamlFile)
/* harmony export */ });
/* unused harmony exports formatFieldPath, writeYamlFile */
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
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("internal", `refusing to write an invalid file: ${issue?.message ?? "schema mismatch"}`, {
            file,
            field: issue ? formatFieldPath(issue.path) : undefined,
        });
    }
    return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(result.data, { lineWidth: 0, aliasDuplicateObjects: false });
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

/***/ 5337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reproduce: () => (/* reexport */ reproduce)
});

// UNUSED EXPORTS: buildGraph, commitStages, expandStages, listPipelines, listRunCache, loadPipeline, loadPipelines, pushDatasetsAndRuns, pushRunCache, readLock, runCacheRelPath, runKeyOf, runPipelines, runsTrainer, selectParam, serializeLock, stableJson, withUpstream, writeLock

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 18 modules
var store = __webpack_require__(2912);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/manifests.js
var manifests = __webpack_require__(4799);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/digest.js

/** What a path hashes to now, as a lock entry; undefined when nothing is there. */
async function digest_digestPath(cache, index, abs, path, options) {
    let isDir;
    try {
        isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
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
                throw new errors/* MlopsError */.IC("invalid-file", `'${out.repoPath}' is written by two stages: ${clash.stage.id} and ${stage.id}`, {
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
                        throw new errors/* MlopsError */.IC("invalid-file", `stage '${stage.name}' depends on its own output '${dep.path}'`, {
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
            throw new errors/* MlopsError */.IC("invalid-file", `the stages form a cycle: ${cycle}`, {
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
function withUpstream(graph, targets) {
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
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/params.js

const paramValue = schemas/* lazy */.RZV(() => schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY(), schemas/* null */.chJ(), schemas/* array */.YOg(paramValue), schemas/* record */.g1P(schemas/* string */.YjP(), paramValue)], { error: "expected a scalar, a list or a mapping" }));
/** `pipelines/<name>/params.yaml`: nested mappings of scalars and lists, read by stages. */
const paramsFile = schemas/* record */.g1P(schemas/* string */.YjP(), paramValue, { error: "expected a mapping of parameter names to values" })
    .describe("parameters; stages name them as `section.key` in their `params` list");

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js + 1 modules
var pipeline = __webpack_require__(9226);
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
    const { doc } = (0,yaml_file/* parsedYaml */.dd)(text);
    const walk = (node) => {
        if (node === null || node === undefined)
            return null;
        if ((0,dist/* isMap */.jh)(node)) {
            const out = {};
            for (const pair of node.items) {
                const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key;
                out[String(key)] = walk(pair.value);
            }
            return out;
        }
        if ((0,dist/* isSeq */.oP)(node))
            return node.items.map(walk);
        if ((0,dist/* isScalar */.jn)(node)) {
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
class TemplateError extends Error {
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
    const abs = (0,external_node_path_.normalize)((0,external_node_path_.join)(wdir, path));
    const already = ctx.imports.get(abs);
    if (ctx.imports.has(abs)) {
        if (selected === null && already === null)
            return;
        if (selected === null || already === null || selected.some((k) => already?.includes(k)))
            throw new TemplateError(`cannot load '${item}' as it's ${selected === null ? "partially loaded already" : already === null ? "already loaded" : "partially loaded already"}`);
    }
    if (!(0,external_node_fs_.existsSync)(abs))
        throw new TemplateError(`'${show(abs)}' does not exist`);
    if ((0,external_node_fs_.statSync)(abs).isDirectory())
        throw new TemplateError(`'${show(abs)}' is a directory`);
    const text = (0,external_node_fs_.readFileSync)(abs, "utf8");
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
function expandStages(source) {
    const doc = yamlToValue(source.text);
    if (!isMapping(doc))
        return [];
    const fail = (err, yamlPath, field) => {
        if (!(err instanceof TemplateError))
            throw err;
        throw new errors/* MlopsError */.IC("invalid-file", err.message, {
            file: source.file,
            line: (0,yaml_file/* lineInYaml */.RH)(source.text, yamlPath) ?? (0,yaml_file/* lineInYaml */.RH)(source.text, yamlPath.slice(0, -1)),
            field,
        });
    };
    const ctx = { values: {}, sources: new Map(), imports: new Map() };
    try {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(source.dir, "params.yaml")))
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
                wdir = (0,external_node_path_.join)(source.dir, toText(resolveString(rest.wdir, base.values, "wdir")));
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
function listPipelines(layout) {
    if (!(0,external_node_fs_.existsSync)(layout.pipelinesDir))
        return [];
    return (0,external_node_fs_.readdirSync)(layout.pipelinesDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(layout.pipelinesDir, e.name, "pipeline.yaml")))
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
        const display = (0,repo/* toRepoPath */.xD)(this.layout, abs);
        let text;
        try {
            text = await (0,promises_.readFile)(abs, "utf8");
        }
        catch {
            throw new errors/* MlopsError */.IC("not-found", "params file not found", {
                file: display,
                hint: "create it, or remove the `params` entries that name it",
            });
        }
        const values = (0,yaml_file/* parseYaml */.hN)(text, paramsFile, display);
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
    const dir = (0,external_node_path_.join)(layout.pipelinesDir, name);
    const fileAbs = (0,external_node_path_.join)(dir, "pipeline.yaml");
    const file = (0,repo/* toRepoPath */.xD)(layout, fileAbs);
    let text;
    try {
        text = await (0,promises_.readFile)(fileAbs, "utf8");
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", `no pipeline named '${name}'`, {
            file,
            expected: `one of: ${listPipelines(layout).join(", ") || "(no pipelines)"}`,
        });
    }
    // The file as written (shape, with its templating), then each stage as expanded.
    const written = (0,yaml_file/* parseYaml */.hN)(text, pipeline/* pipeline */.Tk, file);
    const expanded = expandStages({ file, text, dir, display: (abs) => (0,repo/* toRepoPath */.xD)(layout, abs) });
    const parsed = validateExpanded(written.pass_env, expanded, file, text);
    const yamlPaths = new Map(expanded.map((e) => [e.name, e.yamlPath]));
    const params = new ParamsFiles(layout);
    const stages = [];
    for (const [stageName, stage] of Object.entries(parsed.stages)) {
        const at = (...path) => (0,yaml_file/* lineInYaml */.RH)(text, [...(yamlPaths.get(stageName) ?? ["stages", stageName]), ...path]);
        const wdir = (0,external_node_path_.resolve)(dir, stage.wdir ?? ".");
        const resolvePath = (p) => {
            const abs = (0,external_node_path_.resolve)(wdir, p);
            return { path: (0,pipeline/* normalisePath */.qb)(p), abs, repoPath: (0,repo/* toRepoPath */.xD)(layout, abs) };
        };
        const stageParams = [];
        for (const [i, entry] of (stage.params ?? []).entries()) {
            const groups = typeof entry === "string" ? [["params.yaml", [entry]]] : Object.entries(entry);
            for (const [paramsPath, keys] of groups) {
                const abs = (0,external_node_path_.resolve)(wdir, paramsPath);
                const values = await params.read(abs);
                for (const key of keys) {
                    const value = selectParam(values, key);
                    if (value === undefined) {
                        throw new errors/* MlopsError */.IC("invalid-file", `stage '${stageName}' names unknown parameter '${key}'`, {
                            file,
                            line: at("params", i),
                            field: `stages.${stageName}.params[${i}]`,
                            expected: `a key of ${(0,repo/* toRepoPath */.xD)(layout, abs)}: ${describeKeys(values, key)}`,
                            got: key,
                        });
                    }
                    stageParams.push({ file: (0,pipeline/* normalisePath */.qb)(paramsPath), key, value });
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
                    ...resolvePath((0,pipeline/* outPath */.Ib)(out)),
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
            wdirPath: (0,repo/* toRepoPath */.xD)(layout, wdir),
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
        lockFile: (0,external_node_path_.join)(dir, "pipeline.lock"),
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
    const result = pipeline/* expandedPipeline */.qJ.safeParse(candidate);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const path = (issue?.path ?? []);
    const stage = path[0] === "stages" && path.length > 1 ? expanded.find((e) => e.name === path[1]) : undefined;
    const yamlPath = stage ? [...stage.yamlPath, ...path.slice(2)] : path;
    const line = (0,yaml_file/* lineInYaml */.RH)(text, yamlPath) ?? (stage ? (0,yaml_file/* lineInYaml */.RH)(text, stage.yamlPath) : undefined);
    throw new errors/* MlopsError */.IC("invalid-file", issue?.message ?? "invalid pipeline", {
        file,
        ...(line === undefined ? {} : { line }),
        field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join(""),
    });
}
async function load_loadPipelines(layout, names) {
    const all = listPipelines(layout);
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
    if (!(0,external_node_fs_.existsSync)(pipeline.lockFile))
        return { schema: "1", stages: {} };
    const text = await (0,promises_.readFile)(pipeline.lockFile, "utf8");
    return (0,yaml_file/* parseYaml */.hN)(text, pipeline_lock.pipelineLock, (0,repo/* toRepoPath */.xD)(layout, pipeline.lockFile));
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
    return (0,yaml_file/* stringifyYaml */.fv)({ schema: "1", stages }, pipeline_lock.pipelineLock, pipeline.lockFile);
}
/** Writes the lock atomically; stages of the lock no longer in the pipeline are dropped. */
async function lock_writeLock(pipeline, lock) {
    const kept = {
        schema: "1",
        stages: Object.fromEntries(Object.entries(lock.stages).filter(([name]) => pipeline.stages.some((s) => s.name === name))),
    };
    await (0,files/* writeFileAtomic */.Zf)(pipeline.lockFile, serializeLock(pipeline, kept));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/run-cache.js








/**
 * One remembered run: the outputs a stage produced from inputs whose hash is `run_key`. Entries live
 * at `.mlops/cache/runs/ab/<run_key>.json`; gc keeps every object they name.
 */
const runCacheEntry = schemas/* strictObject */.rej({
    schema: schemas/* literal */.euz("1"),
    run_key: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
    stage: schemas/* string */.YjP(),
    outs: schemas/* array */.YOg(pipeline_lock/* lockEntry */.K),
    duration_ms: schemas/* number */.aig().nonnegative().optional(),
});
/** Where an entry lives, relative to a cache or remote root. */
function runCacheRelPath(runKey) {
    return `runs/${runKey.slice(0, 2)}/${runKey}.json`;
}
function runCachePath(cacheDir, runKey) {
    return (0,external_node_path_.join)(cacheDir, runCacheRelPath(runKey));
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
        await run_cache_writeRunCache(cacheDir, entry);
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
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    // A damaged entry only costs a rerun, so it is ignored rather than fatal.
    return parseRunCacheEntry(await (0,promises_.readFile)(path, "utf8"), runKey);
}
async function run_cache_writeRunCache(cacheDir, entry) {
    await (0,files/* writeFileAtomic */.Zf)(runCachePath(cacheDir, entry.run_key), `${JSON.stringify(entry, null, 1)}\n`);
}
/**
 * Sends every local run-cache entry whose outputs are all in the cache to the remote: the objects
 * first, the entry last, so a reader never finds an entry whose outputs are missing. A read-only
 * remote (a pull-request run) is skipped, not an error: such runs may read the run cache, never fill it.
 */
async function run_cache_pushRunCache(cacheDir, cache, remote, options = {}) {
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/train/version.js
/**
 * The version of the project's own trainer (`mlops train`): part of the run key of every stage that
 * runs it, so a change to what the trainer computes retrains those stages instead of restoring the
 * old model. Bump it in the same commit as any change to src/train that can change a trained model
 * (features, split of work, numeric code, ONNX export); refactors that keep the bytes keep it.
 *
 * A constant rather than a hash of the trainer's sources: a hash would change with every comment
 * or refactor and retrain every user's models on each upgrade, and depends on how the code was
 * built; a number a person bumps is deterministic everywhere and says why the key changed.
 */
const version_trainerVersion = 1;

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
function runShell(cmd, options) {
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_.spawn)("/bin/sh", ["-c", cmd], {
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
        child.on("error", (e) => reject(new errors/* MlopsError */.IC("command-failed", `${options.label}: could not start the command: ${e.message}`)));
        child.on("close", (code, signal) => {
            out.end();
            err.end();
            if (code === 0)
                return resolvePromise();
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            const last = tail.filter((l) => l.trim() !== "").slice(-4);
            reject(new errors/* MlopsError */.IC("command-failed", `${options.label}: \`${cmd}\` ${how}`, {
                got: last.length > 0 ? last.join("\n") : undefined,
                hint: "the previous outputs and pipeline.lock were left as they were",
            }));
        });
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/stable-json.js
// No imports: the registry compares params with it without loading the pipeline runner.
/** JSON with sorted keys, so equal values always give equal text (and equal run keys). */
function stable_json_stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stable_json_stableJson).join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable_json_stableJson(v)}`).join(",")}}`;
    }
    return JSON.stringify(value);
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
function stageEnvironment(parent, stage, runnerSet) {
    const out = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined)
            continue;
        if (SAFE_NAMES.has(name) || SAFE_PATTERN.test(name))
            out[name] = value;
    }
    for (const name of stage.passEnv) {
        if ((0,pipeline/* reservedVariable */.J_)(name))
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
function runner_runKeyOf(stage, deps, trainer = version_trainerVersion) {
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
    return (0,external_node_crypto_.createHash)("sha256").update(stable_json_stableJson(material)).digest("hex");
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
            if (stable_json_stableJson(locked.params[file]?.[key]) !== stable_json_stableJson(value))
                changedParams.push(key);
        }
    }
    if (changedParams.length > 0)
        return `params changed: ${changedParams.join(", ")}`;
    if (stable_json_stableJson(locked.cmd) !== stable_json_stableJson(runner_lockedCommand(stage)))
        return "command changed";
    if (locked.run_key !== runKey)
        return runsTrainer(stage)
            ? "the trainer's version or the stage definition changed"
            : "stage definition changed";
    return "outputs changed or missing";
}
function defaultCliEntry() {
    return (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), "..", "..", "bin", "mlops.js");
}
/** A `mlops` on PATH for stage commands, pointing at the CLI that is running them. */
function shimDir(layout, cliEntry) {
    const dir = (0,external_node_path_.join)(layout.tmpDir, "bin");
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const script = `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliEntry)} "$@"\n`;
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, "mlops"), script, { mode: 0o755 });
    return dir;
}
/** Moves (or, for persistent outputs, copies) the current outputs aside so a failure can put them back. */
async function backUpOutputs(layout, stage) {
    const dir = (0,external_node_path_.join)(layout.tmpDir, `stage-backup-${(0,external_node_crypto_.randomBytes)(6).toString("hex")}`);
    const backups = [];
    for (const [i, out] of stage.outs.entries()) {
        if (!(0,external_node_fs_.existsSync)(out.abs)) {
            backups.push({ abs: out.abs, saved: undefined });
            continue;
        }
        await (0,promises_.mkdir)(dir, { recursive: true });
        const saved = (0,external_node_path_.join)(dir, String(i));
        if (out.persist)
            await (0,promises_.cp)(out.abs, saved, { recursive: true });
        else
            await (0,promises_.rename)(out.abs, saved);
        backups.push({ abs: out.abs, saved });
    }
    for (const out of stage.outs)
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(out.abs), { recursive: true });
    return backups;
}
async function restoreBackups(backups) {
    for (const b of backups) {
        await (0,promises_.rm)(b.abs, { recursive: true, force: true });
        if (b.saved)
            await (0,promises_.rename)(b.saved, b.abs);
    }
}
async function dropBackups(backups) {
    for (const b of backups)
        if (b.saved)
            await (0,promises_.rm)((0,external_node_path_.dirname)(b.saved), { recursive: true, force: true });
}
function findStage(graph, pipelines, spec) {
    const matches = spec.includes("/")
        ? graph.order.filter((s) => s.id === spec)
        : graph.order.filter((s) => s.name === spec && pipelines.some((p) => p.name === s.pipeline));
    if (matches.length === 1 && matches[0])
        return matches[0];
    const all = graph.order.map((s) => s.id).join(", ");
    if (matches.length > 1) {
        throw new errors/* MlopsError */.IC("usage", `stage name '${spec}' is ambiguous`, {
            expected: `one of: ${matches.map((s) => s.id).join(", ")}`,
        });
    }
    throw new errors/* MlopsError */.IC("usage", `no stage named '${spec}'`, { expected: `one of: ${all}`, got: spec });
}
/**
 * Reproduces pipelines the way `dvc repro` does: every selected stage whose inputs or outputs
 * differ from its lock entry is restored from the run cache when the same inputs ran before, else
 * run; independent stages run side by side. A failing stage puts its previous outputs back and
 * leaves its lock entry untouched.
 */
async function runPipelines(layout, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const named = options.pipelines ?? [];
    const names = listPipelines(layout);
    for (const name of named) {
        if (!names.includes(name)) {
            throw new errors/* MlopsError */.IC("usage", `no pipeline named '${name}'`, {
                expected: `one of: ${names.join(", ") || "(no pipelines under pipelines/)"}`,
                got: name,
            });
        }
    }
    const all = await load_loadPipelines(layout);
    const selected = named.length > 0 ? all.filter((p) => named.includes(p.name)) : all;
    const graph = graph_buildGraph(all);
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
    const absent = external.filter((e) => !(0,external_node_fs_.existsSync)(e.dep.abs));
    if (absent.length > 0 && options.materialise) {
        await options.materialise([...new Set(absent.map((e) => e.dep.repoPath))]);
    }
    const stillAbsent = absent.find((e) => !(0,external_node_fs_.existsSync)(e.dep.abs));
    if (stillAbsent) {
        const { stage, dep } = stillAbsent;
        throw new errors/* MlopsError */.IC("not-found", `stage '${stage.name}' depends on '${dep.path}', which does not exist`, {
            file: stage.file,
            line: stage.line,
            field: `stages.${stage.name}.deps[${stage.deps.indexOf(dep)}]`,
            expected: "a file or directory in the repository, a tracked dataset, or the output of another stage",
            got: dep.repoPath,
        });
    }
    await (0,manifests/* ensureStateIgnored */.Wv)(layout);
    const cache = new store.Cache(layout.cacheDir);
    const index = await store/* HashIndex */.xn.open(layout.stateDir);
    const pipelinesByName = new Map(all.map((p) => [p.name, p]));
    const locks = new Map();
    for (const name of new Set(plan.map((s) => s.pipeline))) {
        const p = pipelinesByName.get(name);
        if (p)
            locks.set(name, await lock_readLock(layout, p));
    }
    const lockWrites = new Map();
    const saveLockEntry = (stage, entry) => {
        const pipeline = pipelinesByName.get(stage.pipeline);
        const lock = locks.get(stage.pipeline);
        if (!pipeline || !lock)
            return Promise.resolve();
        lock.stages[stage.name] = entry;
        const previous = lockWrites.get(stage.pipeline) ?? Promise.resolve();
        const next = previous.then(() => lock_writeLock(pipeline, lock));
        lockWrites.set(stage.pipeline, next);
        return next;
    };
    const bin = shimDir(layout, options.cliEntry ?? defaultCliEntry());
    const parentEnv = options.env ?? process.env;
    const pathVar = [bin, (0,external_node_path_.join)(layout.root, "node_modules", ".bin"), parentEnv.PATH ?? ""].join(":");
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
            const digest = await digest_digestPath(cache, index, dep.abs, dep.path, { store: false });
            if (!digest) {
                if (options.dry && graph.producerOf(dep.repoPath)) {
                    deps.push({ path: dep.path, sha256: "0".repeat(64), size: 0 });
                    continue;
                }
                throw new errors/* MlopsError */.IC("not-found", `stage '${stage.name}' depends on '${dep.path}', which does not exist`, {
                    file: stage.file,
                    line: stage.line,
                    field: `stages.${stage.name}.deps`,
                    hint: "the stage that should write it did not",
                });
            }
            deps.push(digest);
        }
        const runKey = runner_runKeyOf(stage, deps, options.trainerVersion ?? version_trainerVersion);
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
                const now = await digest_digestPath(cache, index, out.abs, out.path, { store: false });
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
                        (0,store/* assertWriteInside */.uV)(layout.root, out.abs, out.repoPath);
                        if ((0,store/* isDirId */.XV)(entry.sha256))
                            await cache.checkoutDirectory(entry.sha256, out.abs, index, log/* silentLogger */.qq, layout.root);
                        else {
                            await (0,promises_.rm)(out.abs, { recursive: true, force: true });
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
                const digest = await digest_digestPath(cache, index, out.abs, out.path, { store: out.cache });
                if (!digest) {
                    throw new errors/* MlopsError */.IC("command-failed", `stage '${stage.name}' did not write its output '${out.path}'`, {
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
            await run_cache_writeRunCache(layout.cacheDir, {
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
    const jobs = Math.max(1, options.jobs ?? Math.min(2, (0,external_node_os_.availableParallelism)()));
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
            await (0,manifests/* ignoreInGit */.es)(out.abs);
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
        await (0,store/* pull */.a$)(cache, remote, missing.map((o) => ({ oid: o.sha256, referencedBy: o.path })), { logger });
    }
    for (const out of outs) {
        if (!(0,store/* isDirId */.XV)(out.sha256))
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js + 9 modules
var tracking = __webpack_require__(1226);
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
    const resolved = remote ? { remote } : await (0,tracking.resolveRemote)(layout, remoteName);
    const logger = options.logger;
    const materialise = async (repoPaths) => {
        if (!pull)
            return;
        const datasets = await (0,tracking.datasetsCovering)(layout, repoPaths);
        if (datasets.length === 0)
            return;
        logger?.info(`materialising ${datasets.map((d) => d.name).join(", ")}`);
        await (0,tracking/* pullDatasets */.zU)(layout, datasets, resolved?.remote, logger ? { logger } : {});
    };
    const everything = (options.pipelines ?? []).length === 0 && !(options.stages ?? []).length;
    if (everything && pull && !options.dry) {
        const datasets = await (0,tracking/* selectDatasets */.Ck)(layout);
        if (datasets.length > 0) {
            logger?.info(`materialising ${datasets.length} datasets`);
            await (0,tracking/* pullDatasets */.zU)(layout, datasets, resolved?.remote, logger ? { logger } : {});
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
    const { loadModelCards } = await __webpack_require__.e(/* import() */ 913).then(__webpack_require__.bind(__webpack_require__, 1294));
    const cards = await loadModelCards(layout);
    return cards.map((card) => external_node_path_.posix.join("pipelines", card.pipeline, card.output));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js












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

/***/ 2912:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cache: () => (/* reexport */ Cache),
  xn: () => (/* reexport */ hash_index_HashIndex),
  uV: () => (/* reexport */ assertWriteInside),
  qo: () => (/* reexport */ createS3Client),
  hashBytes: () => (/* reexport */ hashBytes),
  XV: () => (/* reexport */ isDirId),
  wl: () => (/* reexport */ isS3NotFound),
  objectRelPath: () => (/* reexport */ objectRelPath),
  d3: () => (/* reexport */ openRemote),
  a$: () => (/* reexport */ pull),
  push: () => (/* reexport */ push),
  lv: () => (/* reexport */ s3Failure)
});

// UNUSED EXPORTS: GitBranchRemote, LocalRemote, ReadOnlyRemote, S3Remote, defaultMaxObjectBytes, digestOf, gitBranchScheme, guardRemoteWrites, hashFile, hashStats, isObjectId, isReadOnlyRemote, listingId, parseGitBranchUrl, parseListing, parseS3Url, remoteWritesAllowed, remoteWritesBlockedBy, serializeListing, walkFiles

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
        return (0,external_node_fs_.readFileSync)(file, "utf8");
    }
    catch (err) {
        if (err.code === "ENOENT")
            return "";
        throw err;
    }
}
function readTrees(stateDir) {
    const trees = new Map();
    for (const line of readText((0,external_node_path_.join)(stateDir, treeFileName)).split("\n")) {
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
        const text = readText((0,external_node_path_.join)(this.stateDir, indexFileName));
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
            await (0,files/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.stateDir, indexFileName), `${lines.join("\n")}\n`);
            this.dirty = false;
        }
        if (this.treesDirty && this.loadedTrees) {
            const lines = ["# mlops tree memo v1: dir\tfingerprint\toid\tsize\tnfiles"];
            for (const [dir, m] of this.loadedTrees)
                lines.push(`${dir}\t${m.fingerprint}\t${m.oid}\t${m.size}\t${m.nfiles}`);
            await (0,files/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.stateDir, treeFileName), `${lines.join("\n")}\n`);
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/write-guard.js
var write_guard = __webpack_require__(4862);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/open-remote.js









/**
 * Resolves a configured remote; a relative path is taken from the repository root. Every kind is
 * wrapped by the write guard, so a pull-request run can read any remote and write none.
 */
function openRemote(spec, repoRoot, options = {}) {
    const env = options.env ?? process.env;
    return (0,write_guard/* guardRemoteWrites */.Ux)(openUnguarded(spec, repoRoot, env), env);
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

/***/ 1226:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  datasetsCovering: () => (/* reexport */ manifests/* datasetsCovering */.J_),
  zU: () => (/* reexport */ pullDatasets),
  resolveRemote: () => (/* reexport */ resolveRemote),
  Ck: () => (/* reexport */ manifests/* selectDatasets */.Ck),
  storedObject: () => (/* reexport */ storedObject)
});

// UNUSED EXPORTS: addData, addRemote, checkoutDatasets, collectGarbage, datasetStatus, describeSource, effectiveConfig, findManifestFiles, gcRoots, importData, listRemotes, loadDataset, materialiseFromSource, parseImportSpec, pushDatasets, removeRemote, verifyDatasets

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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 18 modules
var store = __webpack_require__(2912);
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
            throw new errors/* MlopsError */.IC("usage", `'${spec}' is not an S3 object or prefix`, {
                expected: "s3://BUCKET/KEY or s3://BUCKET/PREFIX/ (BUCKET: 3-63 lowercase letters, digits, '.' or '-')",
            });
        }
        return { s3: spec };
    }
    const match = packagePattern.exec(spec);
    if (!match) {
        throw new errors/* MlopsError */.IC("usage", `'${spec}' is neither an http(s) or data: URL nor an npm package path`, {
            expected: packageExpected,
        });
    }
    const [, pkg, version, path] = match;
    // Only a registry package at an exact version: a git, file:, tarball or alias spec would have
    // `npm pack` fetch (and build, running its scripts) code from wherever the spec points.
    if (pkg.length > 214 || !common/* npmPackageNamePattern */.Fy.test(pkg)) {
        throw new errors/* MlopsError */.IC("usage", `refusing the npm source '${spec}': '${pkg}' is not a registry package name`, {
            expected: "PACKAGE@VERSION/PATH with a registry package name (lowercase, optionally @scope/name); git, file: and URL specs are refused",
            got: spec,
        });
    }
    if (version !== undefined && !common/* exactSemverPattern */.gu.test(version)) {
        throw new errors/* MlopsError */.IC("usage", `refusing the npm source '${spec}': the version of ${pkg} is not exact`, {
            expected: "an exact version such as 3.2.1; git, file:, URL, range and tag specs are refused",
            got: spec,
        });
    }
    const normal = external_node_path_.posix.normalize(path);
    if (normal.startsWith("..") || normal.startsWith("/")) {
        throw new errors/* MlopsError */.IC("usage", `the path inside the package must stay inside it, got '${path}'`);
    }
    return version === undefined ? { package: pkg, path: normal } : { package: pkg, version, path: normal };
}
async function installedVersion(layout, pkg) {
    const manifest = (0,external_node_path_.join)(layout.root, "node_modules", pkg, "package.json");
    if (!(0,external_node_fs_.existsSync)(manifest))
        return undefined;
    const parsed = JSON.parse(await (0,promises_.readFile)(manifest, "utf8"));
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
            throw new errors/* MlopsError */.IC("remote", `could not download ${source.url}`, { cause });
        }
        if (!response.ok || !response.body) {
            throw new errors/* MlopsError */.IC("remote", `downloading ${source.url} failed: HTTP ${response.status}`);
        }
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), (0,external_node_fs_.createWriteStream)(dest, { flags: "wx" }));
        return;
    }
    // Manifests are schema-checked on load; this guards every other caller the same way.
    source_parseImportSpec(`${source.package}@${source.version}/${source.path}`);
    const installed = await installedVersion(layout, source.package);
    if (installed === source.version) {
        const from = (0,external_node_path_.join)(layout.root, "node_modules", source.package, source.path);
        if ((0,external_node_fs_.existsSync)(from)) {
            await (0,promises_.cp)(from, dest, { recursive: (0,external_node_fs_.statSync)(from).isDirectory(), errorOnExist: true, force: false });
            return;
        }
    }
    await (0,promises_.mkdir)(layout.tmpDir, { recursive: true });
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(layout.tmpDir, "pack-"));
    try {
        const spec = `${source.package}@${source.version}`;
        let tarball;
        try {
            // Scripts disabled: a registry tarball needs none to be unpacked, and none may run in a trusted job.
            const { stdout } = await execFileAsync("npm", ["pack", spec, "--ignore-scripts", "--json", "--pack-destination", scratch], {
                cwd: scratch,
            });
            const parsed = JSON.parse(stdout);
            tarball = (0,external_node_path_.join)(scratch, parsed[0]?.filename ?? "");
        }
        catch (cause) {
            throw new errors/* MlopsError */.IC("remote", `could not fetch ${spec} from the npm registry`, { cause });
        }
        const inside = `package/${source.path}`;
        const tar = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 8697));
        await tar.x({ file: tarball, cwd: scratch, filter: (p) => p === inside || p.startsWith(`${inside}/`) });
        const extracted = (0,external_node_path_.join)(scratch, inside);
        if (!(0,external_node_fs_.existsSync)(extracted)) {
            throw new errors/* MlopsError */.IC("not-found", `${spec} has no '${source.path}'`);
        }
        await (0,promises_.cp)(extracted, dest, { recursive: true, errorOnExist: true, force: false });
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
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
        throw new errors/* MlopsError */.IC("usage", `'${source.s3}' is not an S3 object or prefix`);
    const where = `${source.s3}${source.endpoint ? ` at ${source.endpoint}` : ""}`;
    const client = await (0,store/* createS3Client */.qo)({
        bucket: parsed.bucket,
        prefix: "",
        ...(source.endpoint ? { endpoint: source.endpoint } : {}),
        ...(source.region ? { region: source.region } : {}),
        ...(source.pathStyle ? { pathStyle: true } : {}),
    });
    const { GetObjectCommand, ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const getTo = async (key, path) => {
        const response = await client.send(new GetObjectCommand({ Bucket: parsed.bucket, Key: key }));
        await (0,external_node_stream_promises_.pipeline)(response.Body, (0,external_node_fs_.createWriteStream)(path, { flags: "wx" }));
    };
    try {
        if (!parsed.isPrefix) {
            try {
                await getTo(parsed.key, dest);
                return;
            }
            catch (err) {
                if (!(0,store/* isS3NotFound */.wl)(err))
                    throw err;
                await (0,promises_.rm)(dest, { force: true });
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
            throw new errors/* MlopsError */.IC("not-found", `${where} is neither an object nor a prefix holding objects`);
        }
        await (0,promises_.mkdir)(dest);
        for (const key of keys) {
            const rel = key.slice(prefix.length);
            const normal = external_node_path_.posix.normalize(rel);
            if (normal !== rel || normal.startsWith("../") || normal.startsWith("/")) {
                throw new errors/* MlopsError */.IC("refused", `${where}: the key '${key}' does not map to a path inside the dataset`);
            }
            const target = (0,external_node_path_.join)(dest, ...normal.split("/"));
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
            await getTo(key, target);
        }
    }
    catch (err) {
        throw (0,store/* s3Failure */.lv)(err, `downloading ${source.s3}`, where, parsed.bucket);
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/deploy-settings.js
var deploy_settings = __webpack_require__(7102);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/repo-config.js



const repo_config_remoteConfig = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1, "expected a remote URL or directory path"),
    /** Concurrent transfers for this remote. */
    jobs: schemas/* number */.aig().int().min(1).max(64).optional(),
    /** s3:// remotes: an S3-compatible endpoint (MinIO, Cloudflare R2, Ceph…). Never credentials. */
    endpoint: schemas/* url */.OZ5({ protocol: /^https?$/, error: "expected an http(s) endpoint URL" }).optional(),
    /** s3:// remotes: the bucket's region. */
    region: schemas/* string */.YjP()
        .regex(/^[a-z0-9-]{2,32}$/, "expected a region name like eu-west-1 (or auto for R2)")
        .optional(),
    /** s3:// remotes: path-style addressing (endpoint/bucket/key). */
    pathStyle: schemas/* boolean */.zMY().optional(),
});
/**
 * Where a stage deploys: the GitHub environment its deployments are recorded in (so that
 * environment's protection rules, such as required reviewers, apply to the job that promotes to it)
 * and the URL people reach it at. Targets are configuration: a team whose ladder is dev → preprod →
 * prod maps `staging` to `preprod` here, without touching a workflow.
 */
const stageTarget = schemas/* strictObject */.rej({
    environment: schemas/* string */.YjP().min(1, "expected a GitHub environment name").max(255),
    url: schemas/* url */.OZ5({ error: "expected the environment's URL" }).optional(),
});
/** The serving images: where they are pushed (the model name is appended) and what they are built on. */
const imagesConfig = schemas/* strictObject */.rej({
    repository: common/* imageRepositoryName */.pU.optional(),
    base: schemas/* string */.YjP()
        .regex(/@sha256:[0-9a-f]{64}$/, "expected a base image pinned by digest (…@sha256:<64 hex>)")
        .optional(),
});
/** `.mlops/config.yaml` (tracked) and `.mlops/config.local.yaml` (per machine, merged over it). */
const repo_config_repoConfig = schemas/* strictObject */.rej({
    remotes: schemas/* record */.g1P(common/* nameSlug */.Ng, repo_config_remoteConfig).default({}),
    defaults: schemas/* strictObject */.rej({
        remote: common/* nameSlug */.Ng.optional(),
        jobs: schemas/* number */.aig().int().min(1).max(64).optional(),
    })
        .default({}),
    stages: schemas/* record */.g1P(common/* nameSlug */.Ng, stageTarget).optional(),
    images: imagesConfig.optional(),
    deploy: deploy_settings/* repoDeploySettings */.Zj.optional(),
});
/** Stage → GitHub environment when the config names none: the two names GitHub users expect. */
const defaultStageEnvironments = {
    staging: "staging",
    prod: "production",
};

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/config.js








function fileFor(layout, scope) {
    return scope === "local" ? layout.localConfigFile : layout.configFile;
}
async function readConfigFile(layout, scope) {
    const file = fileFor(layout, scope);
    if (!(0,external_node_fs_.existsSync)(file))
        return repo_config_repoConfig.parse({});
    return (0,yaml_file/* readYamlFile */.kv)(file, repo_config_repoConfig, (0,external_node_path_.relative)(layout.root, file));
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
async function datasetStatus(layout, datasets, options = {}) {
    const cache = new store.Cache(layout.cacheDir);
    const index = await store/* HashIndex */.xn.open(layout.stateDir);
    let hashed = 0;
    const out = [];
    const remoteHas = options.remote
        ? await options.remote.has(datasets.map((d) => d.manifest.outs[0]?.sha256 ?? ""))
        : undefined;
    for (const dataset of datasets) {
        const expected = dataset.manifest.outs[0]?.sha256 ?? "";
        let workspace = "missing";
        let actual;
        if ((0,external_node_fs_.existsSync)(dataset.outPath)) {
            const isDir = (0,external_node_fs_.statSync)(dataset.outPath).isDirectory();
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
            ...(source ? { source: source_describeSource(source) } : {}),
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
    const logger = options.logger ?? log/* silentLogger */.qq;
    const status = await datasetStatus(layout, datasets, { logger });
    const modified = status.datasets.filter((d) => d.workspace === "modified");
    if (modified.length > 0 && !options.force) {
        throw new errors/* MlopsError */.IC("conflict", `refusing to overwrite changed workspace copies: ${modified.map((d) => d.path).join(", ")}`, {
            file: modified[0]?.manifest,
            hint: "`mlops data add` them to keep the changes, or pass --force to discard them",
        });
    }
    const cache = new store.Cache(layout.cacheDir);
    const index = await store/* HashIndex */.xn.open(layout.stateDir);
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
                (0,store/* assertWriteInside */.uV)(layout.root, dataset.outPath, (0,repo/* toRepoPath */.xD)(layout, dataset.outPath));
                if ((0,store/* isDirId */.XV)(oid)) {
                    if ((0,external_node_fs_.existsSync)(dataset.outPath) && !(0,external_node_fs_.statSync)(dataset.outPath).isDirectory())
                        await (0,promises_.rm)(dataset.outPath);
                    const result = await cache.checkoutDirectory(oid, dataset.outPath, index, logger, layout.root);
                    report.datasets.push({
                        name: dataset.name,
                        manifest: dataset.file,
                        action: "written",
                        files: result.written,
                    });
                }
                else {
                    if ((0,external_node_fs_.existsSync)(dataset.outPath) && (0,external_node_fs_.statSync)(dataset.outPath).isDirectory()) {
                        await (0,promises_.rm)(dataset.outPath, { recursive: true });
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
    if (err instanceof errors/* MlopsError */.IC && !err.file) {
        return new errors/* MlopsError */.IC(err.code, `${err.message} (referenced by ${dataset.file})`, {
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
async function materialiseFromSource(layout, dataset, logger = log/* silentLogger */.qq) {
    const source = dataset.manifest.source;
    const expected = dataset.manifest.outs[0]?.sha256 ?? "";
    if (!source) {
        throw new errors/* MlopsError */.IC("not-found", `${dataset.name} (${expected}) is in neither the cache nor a remote, and has no recorded source`, {
            file: dataset.file,
            hint: "configure the remote it was pushed to with `mlops remote add`, then pull again",
        });
    }
    const described = source_describeSource(source);
    logger.info(`materialising ${dataset.name} from ${described}`);
    await (0,promises_.mkdir)(layout.tmpDir, { recursive: true });
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(layout.tmpDir, "source-"));
    try {
        const landing = (0,external_node_path_.join)(scratch, "data");
        await source_fetchFromSource(layout, source, landing);
        const cache = new store.Cache(layout.cacheDir);
        // A throwaway index: these scratch paths must not linger in the real one.
        const index = await store/* HashIndex */.xn.open((0,external_node_path_.join)(scratch, "state"));
        const actual = (0,external_node_fs_.statSync)(landing).isDirectory()
            ? (await cache.addDirectory(landing, index)).oid
            : (await cache.addFile(landing)).sha256;
        if (actual !== expected) {
            throw new errors/* MlopsError */.IC("hash-mismatch", `the recorded source of ${dataset.name} no longer matches its manifest`, {
                file: dataset.file,
                field: "outs[0].sha256",
                expected,
                got: actual,
                hint: `the bytes at ${described} changed; import the new version deliberately with \`mlops data import --force\``,
            });
        }
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/**
 * Brings every selected dataset into the cache (from the remote, else from its recorded source),
 * then checks the workspace copies out.
 */
async function pullDatasets(layout, datasets, remote, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    await (0,manifests/* ensureStateIgnored */.Wv)(layout);
    const cache = new store.Cache(layout.cacheDir);
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
        const result = await (0,store/* pull */.a$)(cache, remote, itemsOf(onRemote), options);
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
/* harmony export */   Wv: () => (/* binding */ ensureStateIgnored),
/* harmony export */   es: () => (/* binding */ ignoreInGit)
/* harmony export */ });
/* unused harmony exports findManifestFiles, loadDataset, saveManifest */
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
                if (excluded.has((0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__/* .toRepoPath */ .xD)(layout, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name))))
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
    const file = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__/* .toRepoPath */ .xD)(layout, abs);
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
        const out = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_7__/* .toRepoPath */ .xD)(layout, d.outPath);
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
    const ignoreFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(workspacePath), ".gitignore");
    const line = `/${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(workspacePath)}`;
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(ignoreFile) ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(ignoreFile, "utf8") : "";
    if (text.split("\n").includes(line))
        return;
    await (0,_files_index_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(ignoreFile, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${line}\n`);
}
const mlopsIgnore = `# Written by mlops: machine-local state never belongs in git.
/cache/
/state/
/tmp/
/venvs/
/config.local.yaml
`;
/** Makes sure `.mlops/.gitignore` keeps the cache, state and local config out of commits. */
async function ensureStateIgnored(layout) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.mlopsDir, ".gitignore");
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        await (0,_files_index_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(file, mlopsIgnore);
}


/***/ })

};
