export const id = 687;
export const ids = [687];
export const modules = {

/***/ 43260:
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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

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

/***/ 72687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ lockEntry),
/* harmony export */   pipelineLock: () => (/* binding */ pipelineLock)
/* harmony export */ });
/* unused harmony export lockStage */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43260);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70655);



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

/***/ 70655:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   Ib: () => (/* binding */ outPath),
/* harmony export */   J_: () => (/* binding */ reservedVariable),
/* harmony export */   K0: () => (/* binding */ pipelinePath),
/* harmony export */   Tk: () => (/* binding */ pipeline),
/* harmony export */   qJ: () => (/* binding */ expandedPipeline),
/* harmony export */   qb: () => (/* binding */ normalisePath)
/* harmony export */ });
/* unused harmony exports outOptions, stageOut, stageParam, RUNNER_SET_VARIABLES, passEnv, stage */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43260);
/* harmony import */ var _sweep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16565);



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

/***/ 16565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ sweepBlock),
/* harmony export */   _p: () => (/* binding */ sweepPointCount)
/* harmony export */ });
/* unused harmony exports maxSweepPoints, defaultSweepMaxPoints, maxSweepKeys, sweepGridSize */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

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


/***/ })

};
