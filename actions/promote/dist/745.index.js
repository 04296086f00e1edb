export const id = 745;
export const ids = [745];
export const modules = {

/***/ 56745:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweepSectionFor: () => (/* binding */ sweepSectionFor)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/sweep.js
var sweep = __webpack_require__(16565);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(97441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js + 12 modules
var pipeline = __webpack_require__(65602);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(20558);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/params-edit.js






function paramsPath(pipelinesDir, pipeline) {
    return join(pipelinesDir, pipeline, "params.yaml");
}
async function readParamsDocument(file) {
    const doc = parseDocument(await readFile(file, "utf8"));
    if (doc.errors.length > 0)
        throw new MlopsError("invalid-file", `cannot read params: ${doc.errors[0]?.message ?? "bad YAML"}`, {
            file,
        });
    return doc;
}
/** The dotted keys that the pipeline's params.yaml does not have (all of them when it has none). */
async function params_edit_missingParamKeys(pipelinesDir, pipeline, keys) {
    const file = paramsPath(pipelinesDir, pipeline);
    if (!existsSync(file))
        return [...keys];
    const doc = await readParamsDocument(file);
    return keys.filter((k) => !doc.hasIn(k.split(".")));
}
/**
 * Finds, for each swept key, the selected pipelines whose params.yaml already has it: a sweep
 * changes existing params, so a misspelt key is refused before anything runs.
 */
async function params_edit_resolveSweeps(pipelinesDir, pipelines, sweeps) {
    const docs = new Map();
    for (const p of pipelines) {
        const file = paramsPath(pipelinesDir, p);
        if (existsSync(file))
            docs.set(p, await readParamsDocument(file));
    }
    return sweeps.map((s) => {
        if (s.pipeline !== undefined && !pipelines.includes(s.pipeline))
            throw new MlopsError("usage", `-S ${s.pipeline}:${s.key}: '${s.pipeline}' is not a selected pipeline`, {
                expected: `one of: ${pipelines.join(", ")}`,
                got: s.pipeline,
            });
        const candidates = s.pipeline !== undefined ? [s.pipeline] : pipelines;
        const holders = candidates.filter((p) => docs.get(p)?.hasIn(s.key.split(".")) === true);
        if (holders.length === 0)
            throw new MlopsError("usage", `-S ${s.pipeline ? `${s.pipeline}:` : ""}${s.key}: no params.yaml of ${candidates.join(", ")} has this key`, {
                field: "-S",
                hint: "a sweep varies params the pipeline already reads; check the spelling against params.yaml",
            });
        return { ...s, pipelines: holders };
    });
}
/** Writes a point's values into the params.yaml files under `pipelinesDir`, keeping comments and order. */
async function params_edit_writePointParams(pipelinesDir, sweeps, point) {
    const byPipeline = new Map();
    point.forEach((assignment, i) => {
        for (const p of sweeps[i]?.pipelines ?? []) {
            const list = byPipeline.get(p) ?? [];
            list.push({ key: assignment.key, value: assignment.value });
            byPipeline.set(p, list);
        }
    });
    for (const [pipeline, assignments] of byPipeline) {
        const file = paramsPath(pipelinesDir, pipeline);
        const doc = await readParamsDocument(file);
        for (const a of assignments)
            doc.setIn(a.key.split("."), a.value);
        await writeFileAtomic(file, doc.toString());
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(75765);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/index.js + 1 modules
var src_metrics = __webpack_require__(47652);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js + 7 modules
var tracking = __webpack_require__(93002);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var src_git = __webpack_require__(51865);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/exp-refs.js


/** Experiments live under this namespace, one ref per experiment: `refs/exps/<base commit>/<name>`. */
const exp_refs_expRefPrefix = "refs/exps/";
/** The line of the commit message that carries an experiment's record. */
const recordTrailer = "mlops-experiment: ";
/** A name a ref can carry: letters, digits, `.`, `_`, `-`, not starting with `.` or `-`. */
const namePattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/;
function exp_refs_checkExperimentName(name, option = "--name") {
    if (!namePattern.test(name) || name.includes("..") || name.endsWith(".lock") || name.endsWith("."))
        throw new MlopsError("usage", `${JSON.stringify(name)} cannot name an experiment`, {
            field: option,
            expected: "letters, digits, '.', '_' and '-' (at most 100), not starting with '.' or '-'",
            got: name,
        });
}
function exp_refs_experimentRef(base, name) {
    return `${exp_refs_expRefPrefix}${base}/${name}`;
}
function exp_refs_commitMessage(record, summary) {
    return `exp ${record.name}: ${summary}\n\n${recordTrailer}${JSON.stringify(record)}\n`;
}
function parseRecord(message) {
    const line = message.split("\n").find((l) => l.startsWith(recordTrailer));
    if (!line)
        return undefined;
    try {
        const value = JSON.parse(line.slice(recordTrailer.length));
        if (typeof value.name !== "string" || !Array.isArray(value.pipelines))
            return undefined;
        return {
            name: value.name,
            pipelines: value.pipelines,
            params: value.params ?? {},
            metrics_files: value.metrics_files ?? [],
            created: String(value.created ?? ""),
        };
    }
    catch {
        return undefined;
    }
}
/**
 * Every experiment under refs/exps/ (or those of one base commit), oldest first then by name.
 * A ref whose commit carries no record (made by hand) is left out rather than failing the listing.
 */
async function exp_refs_listExperiments(cwd, base) {
    const prefix = base ? `${exp_refs_expRefPrefix}${base}/` : exp_refs_expRefPrefix;
    const refs = (await (0,src_git/* git */.$Y)(["for-each-ref", "--format=%(refname) %(objectname)", prefix], { cwd }))
        .split("\n")
        .filter(Boolean)
        .map((line) => {
        const [ref = "", commit = ""] = line.split(" ");
        return { ref, commit };
    });
    if (refs.length === 0)
        return [];
    const log = await (0,src_git/* git */.$Y)(["log", "--no-walk=unsorted", "--format=%H%x00%P%x00%B%x1e", ...new Set(refs.map((r) => r.commit))], {
        cwd,
    });
    const commits = new Map();
    for (const chunk of log.split("\x1e")) {
        const [hash, parents, message] = chunk.replace(/^\n/, "").split("\x00");
        if (!hash || message === undefined)
            continue;
        commits.set(hash, { parent: (parents ?? "").split(" ")[0] ?? "", message });
    }
    const out = [];
    for (const { ref, commit } of refs) {
        const info = commits.get(commit);
        const record = info ? parseRecord(info.message) : undefined;
        const rest = ref.slice(exp_refs_expRefPrefix.length);
        const slash = rest.indexOf("/");
        if (!info || !record || slash < 0)
            continue;
        out.push({ ...record, base: rest.slice(0, slash), name: rest.slice(slash + 1), commit, ref });
    }
    return out.sort((a, b) => a.created < b.created ? -1 : a.created > b.created ? 1 : a.name < b.name ? -1 : 1);
}
/** Finds one experiment by name (on the given base first), refusing an ambiguous or unknown name. */
async function exp_refs_findExperiment(cwd, name, base) {
    const all = await exp_refs_listExperiments(cwd);
    const onBase = base ? all.filter((e) => e.base === base && e.name === name) : [];
    const matches = onBase.length > 0 ? onBase : all.filter((e) => e.name === name || e.ref === name);
    if (matches.length === 1 && matches[0])
        return matches[0];
    if (matches.length > 1)
        throw new MlopsError("conflict", `experiment name '${name}' is on ${matches.length} base commits`, {
            expected: `one of: ${matches.map((e) => e.ref).join(", ")}`,
            hint: "name it by its full ref",
        });
    throw new MlopsError("not-found", `no experiment named '${name}'`, {
        hint: "`mlops exp show --all` lists them",
    });
}
/** Points the ref at the commit in one step (update-ref writes through a lock file and renames). */
async function exp_refs_writeExperimentRef(cwd, ref, commit) {
    await gitRaw(["update-ref", "-m", "mlops exp run", ref, commit], { cwd });
}
async function exp_refs_deleteExperimentRefs(cwd, refs) {
    if (refs.length === 0)
        return;
    // One transaction: every ref goes, or (on a failure) none does.
    const input = refs.map((r) => `delete ${r}\n`).join("");
    await gitRaw(["update-ref", "--stdin"], { cwd, input });
}
/** The commit experiments start from and are filed under; a repository with none yet is refused. */
async function exp_refs_headCommit(cwd) {
    const result = await gitRaw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], {
        cwd,
        okCodes: [1, 128],
    });
    const commit = result.stdout.toString("utf8").trim();
    if (result.code !== 0 || commit === "")
        throw new MlopsError("not-found", "experiments start from a commit, and HEAD names none", {
            hint: "commit the pipelines first (git add pipelines && git commit)",
        });
    return commit;
}
/** Paths under the pipelines that differ from HEAD: a sweep runs HEAD's files, not these. */
async function exp_refs_uncommittedPipelineChanges(cwd, pipelineDirs) {
    const out = await git(["status", "--porcelain", "--untracked-files=no", "--", ...pipelineDirs], { cwd });
    return out
        .split("\n")
        .filter(Boolean)
        .map((l) => l.slice(3));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/commit-point.js


/** Falls back to a neutral identity where git has none configured (a fresh CI machine). */
async function identityEnv(cwd) {
    const email = (await git(["config", "--get", "user.email"], { cwd, okCodes: [1] }).catch(() => "")).trim();
    if (email)
        return {};
    return {
        GIT_AUTHOR_NAME: "mlops experiments",
        GIT_AUTHOR_EMAIL: "mlops@localhost",
        GIT_COMMITTER_NAME: "mlops experiments",
        GIT_COMMITTER_EMAIL: "mlops@localhost",
    };
}
/**
 * Records a finished point as a commit on top of `base`: the base tree with the pipelines' params,
 * locks, metrics and plots as this point left them (cached outputs are git-ignored, so they stay
 * in the cache). No branch moves; only the experiment ref will name the commit.
 */
async function commit_point_commitPoint(checkoutDir, base, pipelineDirs, record, summary) {
    await git(["add", "-A", "--", ...pipelineDirs], { cwd: checkoutDir });
    const tree = (await git(["write-tree"], { cwd: checkoutDir })).trim();
    const env = await identityEnv(checkoutDir);
    return (await git(["commit-tree", tree, "-p", base, "-F", "-"], {
        cwd: checkoutDir,
        input: commitMessage(record, summary),
        env,
    })).trim();
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(41196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/point-checkout.js






/**
 * Worktree bookkeeping (add, remove, prune) one at a time: git keeps it in files under
 * .git/worktrees, and a prune or remove while another add is half-way read that add's entry before
 * its files were written ("failed to read …/commondir"), failing the sweep.
 */
let worktreeAdmin = Promise.resolve();
function oneAtATime(step) {
    const next = worktreeAdmin.then(step, step);
    worktreeAdmin = next.catch(() => undefined);
    return next;
}
/** Where checkouts live: under .mlops/tmp (git-ignored, same file system as the cache). */
function checkoutsDir(layout) {
    return join(layout.tmpDir, "exps");
}
/**
 * A detached git worktree of `base` under .mlops/tmp/exps: the point's params and outputs never
 * touch the workspace or another point. Its layout points at the workspace's cache, so objects and
 * run-cache records are shared: a stage another point (or `mlops run`) ran is restored, not rerun.
 */
async function point_checkout_createPointCheckout(layout, base, label) {
    const parent = checkoutsDir(layout);
    await mkdir(parent, { recursive: true });
    const dir = join(parent, `${label}-${randomBytes(4).toString("hex")}`);
    await oneAtATime(() => gitRaw(["worktree", "add", "--detach", "--quiet", dir, base], { cwd: layout.root }));
    // Stage commands and dataset sources resolve packages from the project's node_modules.
    const modules = join(layout.root, "node_modules");
    if (existsSync(modules) && !existsSync(join(dir, "node_modules")))
        symlinkSync(modules, join(dir, "node_modules"), "dir");
    // Machine-local settings (a personal remote, credentials) are git-ignored, so copied over.
    if (existsSync(layout.localConfigFile)) {
        await mkdir(join(dir, ".mlops"), { recursive: true });
        await copyFile(layout.localConfigFile, join(dir, ".mlops", "config.local.yaml"));
    }
    const own = repoLayout(dir);
    return {
        dir,
        layout: { ...own, cacheDir: layout.cacheDir },
        remove: async () => {
            await oneAtATime(async () => {
                await gitRaw(["worktree", "remove", "--force", dir], { cwd: layout.root, okCodes: [128] });
                await rm(dir, { recursive: true, force: true });
            });
        },
    };
}
/** Forgets checkouts a killed sweep left behind (git's own records of missing worktrees). */
async function point_checkout_pruneCheckouts(layout) {
    await oneAtATime(() => git(["worktree", "prune"], { cwd: layout.root }));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/points.js

/** Past this many points a grid is refused: a typo (`-S a=1,…,1000 -S b=…`) should not run for days. */
const maxPoints = 10_000;
function gridSize(sweeps) {
    return sweeps.reduce((n, s) => n * s.values.length, 1);
}
/** The point at `index` of the grid, the last key varying fastest (as nested loops would). */
function pointAt(sweeps, index) {
    const out = [];
    let rest = index;
    for (let i = sweeps.length - 1; i >= 0; i--) {
        const s = sweeps[i];
        out.unshift({ pipeline: s.pipeline, key: s.key, value: s.values[rest % s.values.length] });
        rest = Math.floor(rest / s.values.length);
    }
    return out;
}
/** Every combination of the swept values. */
function points_gridPoints(sweeps) {
    const size = gridSize(sweeps);
    if (size > maxPoints)
        throw new MlopsError("usage", `the grid has ${size} points, more than ${maxPoints}`, {
            hint: "sample it with --random N --seed S",
        });
    return Array.from({ length: size }, (_, i) => pointAt(sweeps, i));
}
/** A seeded 32-bit generator (mulberry32): the same seed draws the same points on every machine. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/**
 * `count` distinct points of the grid drawn with `seed` (every point when the grid is smaller),
 * in grid order so the names they get do not depend on the draw order.
 */
function points_randomPoints(sweeps, count, seed) {
    const size = gridSize(sweeps);
    if (count >= size)
        return points_gridPoints(sweeps);
    const random = seededRandom(seed);
    const chosen = new Set();
    while (chosen.size < count)
        chosen.add(Math.floor(random() * size));
    return [...chosen].sort((a, b) => a - b).map((i) => pointAt(sweeps, i));
}
/** `train.gbdt.trees=100 prepare.seed=1`: how progress lines and commit subjects name a point. */
function points_describePoint(point) {
    return point
        .map((p) => `${p.pipeline ? `${p.pipeline}:` : ""}${p.key}=${typeof p.value === "string" ? p.value : JSON.stringify(p.value)}`)
        .join(" ");
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/set-spec.js


const keyPart = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const pipelineName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const expected = "KEY=V1[,V2…] or PIPELINE:KEY=V1[,V2…], KEY a dotted params.yaml path such as train.gbdt.trees";
function usage(message, spec, extra = {}) {
    return new MlopsError("usage", `-S ${JSON.stringify(spec)}: ${message}`, {
        field: "-S",
        expected,
        got: spec,
        ...extra,
    });
}
/** A value as YAML reads it (`3` a number, `true` a boolean, `gbdt` a string); only scalars. */
function parseValue(text, spec) {
    if (text.trim() === "")
        throw usage("a value is empty", spec, { hint: "remove the stray comma" });
    let value;
    try {
        value = parseYamlScalar(text);
    }
    catch {
        throw usage(`cannot read the value ${JSON.stringify(text)}`, spec);
    }
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
        if (typeof value === "number" && !Number.isFinite(value))
            return text;
        return value;
    }
    throw usage(`the value ${JSON.stringify(text)} is not a scalar`, spec, {
        hint: "a sweep sets scalars (numbers, strings, booleans); values are separated by commas",
    });
}
/**
 * Reads `-S [pipeline:]key=v1,v2`: the key a dotted path of params.yaml, the values comma
 * separated and read as YAML scalars. Anything else is a usage error that names the option.
 */
function parseSetSpec(spec) {
    const eq = spec.indexOf("=");
    if (eq < 0)
        throw usage("no '=' between the key and its values", spec);
    const left = spec.slice(0, eq).trim();
    const right = spec.slice(eq + 1);
    const colon = left.indexOf(":");
    const pipeline = colon >= 0 ? left.slice(0, colon) : undefined;
    const key = colon >= 0 ? left.slice(colon + 1) : left;
    if (pipeline !== undefined && !pipelineName.test(pipeline))
        throw usage(`${JSON.stringify(pipeline)} is not a pipeline name`, spec);
    if (key === "")
        throw usage("the key is empty", spec);
    const parts = key.split(".");
    const bad = parts.find((p) => !keyPart.test(p));
    if (bad !== undefined)
        throw usage(`the key part ${JSON.stringify(bad)} is not a params.yaml name`, spec, {
            hint: "key parts are letters, digits, '_' and '-', joined by '.'",
        });
    if (right.trim() === "")
        throw usage("no values after '='", spec);
    const values = right.split(",").map((v) => parseValue(v.trim(), spec));
    const seen = new Set();
    const unique = values.filter((v) => {
        const id = JSON.stringify(v);
        if (seen.has(id))
            return false;
        seen.add(id);
        return true;
    });
    return { pipeline, key, values: unique };
}
/** Every `-S` option, refusing one key given twice (the grid would be ambiguous). */
function set_spec_parseSetSpecs(specs) {
    const sweeps = specs.map(parseSetSpec);
    const ids = new Set();
    for (const s of sweeps) {
        const id = `${s.pipeline ?? ""}:${s.key}`;
        if (ids.has(id))
            throw new MlopsError("usage", `-S names ${s.pipeline ? `${s.pipeline}:` : ""}${s.key} twice`, {
                field: "-S",
                hint: "give every value of one key in a single -S, comma separated",
            });
        ids.add(id);
    }
    return sweeps;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/run-sweep.js












function paramsOf(point) {
    return Object.fromEntries(point.map((p) => [`${p.pipeline ? `${p.pipeline}:` : ""}${p.key}`, p.value]));
}
/** A name that only depends on the pipelines and the values: the same point keeps its name across reruns. */
function defaultName(pipelines, point) {
    const digest = createHash("sha256")
        .update(JSON.stringify([pipelines, paramsOf(point)]))
        .digest("hex");
    return `exp-${digest.slice(0, 7)}`;
}
function seconds(ms) {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** Metrics as `exp show` keys them: `<file stem>.<key>`, the pipeline in front when several ran. */
function metricKey(pipeline, path, key, several) {
    const stem = path
        .split("/")
        .pop()
        ?.replace(/\.(json|ya?ml)$/, "") ?? path;
    return `${several ? `${pipeline}/` : ""}${stem}.${key}`;
}
/**
 * Runs a parameter sweep: every point (a grid, or a seeded sample of it) is a full reproduction
 * in its own checkout of HEAD with its params written in, sharing the workspace's cache, then is
 * kept as a commit named by `refs/exps/<HEAD>/<name>`. A failing point is reported and the
 * others go on; no ref is written for a point that did not finish.
 */
async function run_sweep_runExperiments(layout, options) {
    const logger = options.logger ?? silentLogger;
    if (options.sets.length === 0 && !options.sweeps?.length)
        throw new MlopsError("usage", "no parameter to sweep", {
            field: "-S",
            expected: "at least one -S KEY=V1,V2",
        });
    const sweeps = options.sweeps?.length ? [...options.sweeps] : parseSetSpecs(options.sets);
    const known = listPipelines(layout);
    for (const name of options.pipelines ?? [])
        if (!known.includes(name))
            throw new MlopsError("usage", `no pipeline named '${name}'`, {
                expected: `one of: ${known.join(", ") || "(no pipelines under pipelines/)"}`,
                got: name,
            });
    const pipelines = options.pipelines && options.pipelines.length > 0 ? [...options.pipelines] : known;
    if (pipelines.length === 0)
        throw new MlopsError("not-found", "no pipelines to sweep: pipelines/ holds no pipeline.yaml", {
            hint: "write pipelines/<name>/pipeline.yaml and params.yaml first",
        });
    const resolved = await resolveSweeps(layout.pipelinesDir, pipelines, sweeps);
    if (options.name !== undefined)
        checkExperimentName(options.name);
    if (options.random !== undefined && (!Number.isInteger(options.random) || options.random < 1))
        throw new MlopsError("usage", "--random expects a whole number of at least 1", {
            got: String(options.random),
        });
    const points = options.random !== undefined
        ? randomPoints(sweeps, options.random, options.seed ?? 0)
        : gridPoints(sweeps);
    const base = await headCommit(layout.root);
    const dirty = await uncommittedPipelineChanges(layout.root, pipelines.map((p) => `pipelines/${p}`));
    if (dirty.length > 0)
        logger.warn(`the sweep runs the committed files of ${base.slice(0, 7)}; uncommitted changes to ${dirty.join(", ")} are not part of it`);
    // Opened here, against the workspace: a relative remote path names the workspace's directory.
    const remote = (await resolveRemote(layout, options.remoteName))?.remote;
    await pruneCheckouts(layout);
    const several = pipelines.length > 1;
    const names = points.map((p, i) => (options.name ? `${options.name}-${i + 1}` : defaultName(pipelines, p)));
    const results = new Array(points.length);
    const progress = options.onProgress ?? (() => { });
    let finished = 0;
    const runPoint = async (index) => {
        const point = points[index];
        const name = names[index];
        const params = paramsOf(point);
        const started = performance.now();
        const elapsed = () => Math.round(performance.now() - started);
        if (options.signal?.aborted)
            return { name, params, status: "cancelled", duration_ms: 0 };
        progress(`[${name}] started: ${describePoint(point)}`);
        const checkout = await createPointCheckout(layout, base, name);
        const pointLogger = {
            info: (m) => logger.info(`[${name}] ${m}`),
            warn: (m) => logger.warn(`[${name}] ${m}`),
            debug: (m) => logger.debug(`[${name}] ${m}`),
            progress: (label, total) => logger.progress(`[${name}] ${label}`, total),
        };
        try {
            await writePointParams(checkout.layout.pipelinesDir, resolved, point);
            const stageResults = await reproduce(checkout.layout, {
                pipelines,
                jobs: 1,
                logger: pointLogger,
                ...(remote ? { remote } : {}),
                ...(options.cliEntry ? { cliEntry: options.cliEntry } : {}),
                ...(options.env ? { env: options.env } : {}),
            });
            const files = await workspaceMetrics(checkout.layout, pipelines);
            const metrics = {};
            for (const f of files)
                for (const [key, value] of Object.entries(f.values))
                    metrics[metricKey(f.pipeline, f.path, key, several)] = value;
            const count = (s) => stageResults.filter((r) => r.status === s).length;
            const commit = await commitPoint(checkout.dir, base, pipelines.map((p) => `pipelines/${p}`), {
                name,
                pipelines,
                params,
                metrics_files: files.map((f) => f.path),
                created: new Date().toISOString(),
            }, describePoint(point));
            const ref = experimentRef(base, name);
            await writeExperimentRef(layout.root, ref, commit);
            const stages = { ran: count("ran"), restored: count("restored"), skipped: count("skipped") };
            return {
                name,
                params,
                status: "succeeded",
                ref,
                commit,
                stages,
                ran: stageResults.filter((r) => r.status === "ran").map((r) => `${r.pipeline}/${r.stage}`),
                metrics,
                duration_ms: elapsed(),
            };
        }
        catch (err) {
            const got = err instanceof MlopsError && err.got ? `\n  ${err.got.split("\n").join("\n  ")}` : "";
            return { name, params, status: "failed", error: `${userMessage(err)}${got}`, duration_ms: elapsed() };
        }
        finally {
            await checkout
                .remove()
                .catch((err) => logger.warn(`could not remove ${checkout.dir}: ${userMessage(err)}`));
        }
    };
    const jobs = Math.max(1, options.jobs ?? 1);
    let next = 0;
    const worker = async () => {
        for (;;) {
            const index = next++;
            if (index >= points.length)
                return;
            const result = await runPoint(index);
            results[index] = result;
            if (result.status === "cancelled")
                continue;
            finished++;
            const where = `[${finished}/${points.length}] ${result.name}`;
            if (result.status === "succeeded") {
                const s = result.stages ?? { ran: 0, restored: 0, skipped: 0 };
                progress(`${where} done in ${seconds(result.duration_ms)}: ${s.ran} ran, ${s.restored} restored, ${s.skipped} unchanged`);
            }
            else
                progress(`${where} FAILED: ${result.error ?? "unknown error"}`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, points.length) }, worker));
    return { base, pipelines, points: results };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/declared.js








/** The names a declared sweep's points get, which the report finds them by. */
function declaredSweepPrefix(pipeline) {
    return `sweep-${pipeline}`;
}
/** True when `name` is a point of the declared sweep of `pipeline`. */
function isDeclaredSweepPoint(pipeline, name) {
    const prefix = `${declaredSweepPrefix(pipeline)}-`;
    return name.startsWith(prefix) && /^[1-9][0-9]*$/.test(name.slice(prefix.length));
}
/**
 * The sweeps the pipelines declare. pipeline.yaml's schema already bounds each (keys, values,
 * max_points); here every key must also exist in the pipeline's params.yaml, since a sweep varies
 * params the stages read and a misspelt key would otherwise sweep nothing.
 */
async function declaredSweeps(layout, pipelines) {
    const out = [];
    for (const spec of await loadPipelines(layout, pipelines)) {
        const block = spec.sweep;
        if (!block)
            continue;
        const paramsDisplay = spec.file.replace(/pipeline\.yaml$/, "params.yaml");
        const [missing] = await missingParamKeys(layout.pipelinesDir, spec.name, Object.keys(block.params));
        if (missing !== undefined) {
            const line = lineInYaml(await readFile(join(spec.dir, "pipeline.yaml"), "utf8"), [
                "sweep",
                "params",
                missing,
            ]);
            throw new MlopsError("invalid-file", `the sweep varies '${missing}', which ${paramsDisplay} does not have`, {
                file: spec.file,
                ...(line === undefined ? {} : { line }),
                field: `sweep.params.${missing}`,
                expected: `a key of ${paramsDisplay}`,
                got: missing,
                hint: "a sweep varies params the stages already read; check the spelling against params.yaml",
            });
        }
        out.push({
            pipeline: spec.name,
            file: spec.file,
            block,
            sweeps: Object.entries(block.params).map(([key, list]) => ({
                pipeline: spec.name,
                key,
                values: [...list],
            })),
            points: sweepPointCount(block),
            prefix: declaredSweepPrefix(spec.name),
        });
    }
    return out;
}
/**
 * Runs every declared sweep, one pipeline after the other, each point an experiment named
 * `sweep-<pipeline>-N` on HEAD. Nothing is pushed: refs stay in this repository, and the data
 * remote is opened through the write guard, so in a pull-request run it is only read.
 */
async function runDeclaredSweeps(layout, options = {}) {
    const declared = await declaredSweeps(layout, options.pipelines);
    const sweeps = [];
    const { pipelines: _, ...rest } = options;
    for (const d of declared) {
        const result = await runExperiments(layout, {
            ...rest,
            pipelines: [d.pipeline],
            sets: [],
            sweeps: d.sweeps,
            name: d.prefix,
            ...(d.block.random ? { random: d.block.random.points, seed: d.block.random.seed ?? 0 } : {}),
        });
        sweeps.push({ ...result, pipeline: d.pipeline, file: d.file });
        if (options.signal?.aborted)
            break;
    }
    return { sweeps };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/show.js






/** Reads each experiment's metrics files from its commit (one git process for all of them). */
async function show_readRows(cwd, exps) {
    const names = exps.flatMap((e) => e.metrics_files.map((f) => `${e.commit}:${f}`));
    const blobs = await (0,src_git/* readBlobs */.b4)(cwd, names);
    return exps.map((e) => {
        const metrics = {};
        const several = e.pipelines.length > 1;
        for (const file of e.metrics_files) {
            const bytes = blobs.get(`${e.commit}:${file}`);
            if (!bytes)
                continue;
            let parsed;
            try {
                parsed = JSON.parse(bytes.toString("utf8"));
            }
            catch {
                continue;
            }
            const pipeline = e.pipelines.find((p) => file.startsWith(`pipelines/${p}/`)) ?? "";
            const rel = file.slice(`pipelines/${pipeline}/`.length);
            for (const [key, value] of Object.entries((0,src_metrics/* flatten */.Bq)(parsed)))
                if (typeof value === "number" ||
                    typeof value === "boolean" ||
                    value === null ||
                    typeof value === "string")
                    metrics[metricKey(pipeline, rel, key, several)] = value;
        }
        return { name: e.name, base: e.base, commit: e.commit, created: e.created, params: e.params, metrics };
    });
}
function sameValue(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function varies(rows, metric) {
    return rows.some((r) => !sameValue(r.metrics[metric], rows[0]?.metrics[metric]));
}
function compareFor(metric) {
    const direction = metricDirection(metric) ?? "higher";
    return (a, b) => {
        const x = a.metrics[metric];
        const y = b.metrics[metric];
        const xn = typeof x === "number" && Number.isFinite(x);
        const yn = typeof y === "number" && Number.isFinite(y);
        if (!xn || !yn)
            return xn ? -1 : yn ? 1 : 0;
        return direction === "higher" ? y - x : x - y;
    };
}
/**
 * The base commit as one more row: the params the sweep varied as they are committed there, and
 * the metrics its own files record, so a sweep can be read against what the branch has now.
 */
async function baselineRow(cwd, base, exps) {
    const first = exps[0];
    if (!first)
        return undefined;
    const pipelines = [...new Set(exps.flatMap((e) => e.pipelines))];
    const files = [...new Set(exps.flatMap((e) => e.metrics_files))];
    const paramBlobs = await readBlobs(cwd, pipelines.map((p) => `${base}:pipelines/${p}/params.yaml`));
    const committed = new Map();
    for (const p of pipelines) {
        const bytes = paramBlobs.get(`${base}:pipelines/${p}/params.yaml`);
        if (!bytes)
            continue;
        try {
            committed.set(p, parseYamlText(bytes.toString("utf8")));
        }
        catch {
            // An unreadable params file only leaves the baseline's params blank.
        }
    }
    const params = {};
    for (const key of new Set(exps.flatMap((e) => Object.keys(e.params)))) {
        const colon = key.indexOf(":");
        const owners = colon >= 0 ? [key.slice(0, colon)] : pipelines;
        const path = (colon >= 0 ? key.slice(colon + 1) : key).split(".");
        for (const owner of owners) {
            let value = committed.get(owner);
            for (const part of path)
                value =
                    value !== null && typeof value === "object" ? value[part] : undefined;
            if (value !== undefined) {
                params[key] = value;
                break;
            }
        }
    }
    const [row] = await show_readRows(cwd, [{ ...first, pipelines, metrics_files: files, commit: base, params }]);
    return row ? { ...row, name: "HEAD", base, created: "" } : undefined;
}
/** The column a `--sort-by` names: exact, else the one column ending in `.NAME`. */
function findMetric(metrics, name) {
    if (metrics.includes(name))
        return name;
    const ends = metrics.filter((m) => m.endsWith(`.${name}`));
    if (ends.length === 1 && ends[0])
        return ends[0];
    throw new MlopsError("usage", ends.length > 1 ? `'${name}' names ${ends.length} metric columns` : `no metric column named '${name}'`, {
        field: "--sort-by",
        expected: ends.length > 1
            ? `one of: ${ends.join(", ")}`
            : metrics.length > 0
                ? `one of: ${metrics.join(", ")}`
                : "a metric (no experiment has any)",
        got: name,
    });
}
/**
 * One table of experiments: the params that vary between them, every numeric metric, and for each
 * metric whose direction the project knows (rmse lower, accuracy higher…) the best experiment.
 */
async function experimentTable(cwd, base, options = {}) {
    const exps = await listExperiments(cwd, options.all ? undefined : base);
    const rows = await show_readRows(cwd, exps);
    const baseline = options.all ? undefined : await baselineRow(cwd, base, exps);
    const paramKeys = [...new Set(rows.flatMap((r) => Object.keys(r.params)))];
    const varying = rows.length <= 1
        ? paramKeys
        : paramKeys.filter((k) => rows.some((r) => !sameValue(r.params[k], rows[0]?.params[k])));
    const metrics = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].filter((m) => rows.some((r) => typeof r.metrics[m] === "number"));
    const best = {};
    for (const m of metrics) {
        // A metric every experiment shares (the baseline's, the data's) has no best one.
        if (!metricDirection(m) || !varies(rows, m))
            continue;
        const ranked = rows.filter((r) => typeof r.metrics[m] === "number").sort(compareFor(m));
        if (ranked[0])
            best[m] = ranked[0].name;
    }
    let shown = rows;
    for (const filter of options.filters ?? [])
        shown = shown.filter(parseFilter(filter));
    let sortedBy;
    if (options.sortBy) {
        sortedBy = findMetric(metrics, options.sortBy);
        shown = [...shown].sort(compareFor(sortedBy));
    }
    return {
        base: options.all ? undefined : base,
        params: varying,
        metrics,
        rows: shown,
        ...(baseline ? { baseline } : {}),
        best,
        ...(sortedBy ? { sorted_by: sortedBy } : {}),
    };
}
/** `KEY<3`, `KEY>=0.9`, `KEY=100`: KEY a metric or param column. */
function parseFilter(filter) {
    const match = /^([^<>=!]+)(<=|>=|!=|=|<|>)(.+)$/.exec(filter);
    if (!match)
        throw new MlopsError("usage", `cannot read the filter ${JSON.stringify(filter)}`, {
            field: "--filter",
            expected: "KEY<N, KEY<=N, KEY>N, KEY>=N, KEY=V or KEY!=V",
            got: filter,
        });
    const [, key = "", op, text = ""] = match;
    const wanted = Number(text);
    return (row) => {
        const value = key in row.metrics ? row.metrics[key] : row.params[key];
        if (op === "=" || op === "!=") {
            const equal = String(value) === text || (typeof value === "number" && value === wanted);
            return op === "=" ? equal : !equal;
        }
        if (typeof value !== "number" || !Number.isFinite(wanted))
            return false;
        return op === "<"
            ? value < wanted
            : op === "<="
                ? value <= wanted
                : op === ">"
                    ? value > wanted
                    : value >= wanted;
    };
}
/** A value as the tables print it: numbers to five significant digits, `-` when absent. */
function cell(value) {
    if (value === undefined)
        return "-";
    if (typeof value === "number")
        return Number.isInteger(value) ? String(value) : value.toPrecision(5).replace(/\.?0+$/, "");
    if (typeof value === "string")
        return value;
    return JSON.stringify(value);
}
/** The table as text: one line per experiment, `*` after the best value of each metric. */
function renderTable(table) {
    if (table.rows.length === 0)
        return table.base
            ? `no experiments on ${table.base.slice(0, 7)} (mlops exp run … or --all)`
            : "no experiments";
    // The text keeps the columns that tell experiments apart; --json and --csv keep every metric.
    const metrics = table.rows.length > 1 ? table.metrics.filter((m) => varies(table.rows, m)) : table.metrics;
    const hidden = table.metrics.length - metrics.length;
    const header = ["experiment", ...(table.base ? [] : ["base"]), ...table.params, ...metrics];
    const all = table.baseline ? [table.baseline, ...table.rows] : table.rows;
    const lines = all.map((r) => [
        r.name,
        ...(table.base ? [] : [r.base.slice(0, 7)]),
        ...table.params.map((p) => cell(r.params[p])),
        ...metrics.map((m) => `${cell(r.metrics[m])}${table.best[m] === r.name ? "*" : ""}`),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
    const fmt = (cells) => cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd();
    const note = Object.keys(table.best).length > 0
        ? "\n* best by the metric's direction (lower error, higher score)"
        : "";
    const same = hidden > 0 ? `\n${hidden} metric(s) equal in every experiment not shown (see --json or --csv)` : "";
    const head = table.baseline ? "\nHEAD: what the base commit itself records, for reference" : "";
    return `${[fmt(header), ...lines.map(fmt)].join("\n")}${note}${head}${same}`;
}
function csvField(text) {
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
function renderCsv(table) {
    const header = ["experiment", "base", ...table.params, ...table.metrics];
    const all = table.baseline ? [table.baseline, ...table.rows] : table.rows;
    const lines = all.map((r) => [
        r.name,
        r.base,
        ...table.params.map((p) => (r.params[p] === undefined ? "" : cell(r.params[p]))),
        ...table.metrics.map((m) => (r.metrics[m] === undefined ? "" : String(r.metrics[m]))),
    ]);
    return [header, ...lines].map((l) => l.map(csvField).join(",")).join("\n");
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/lifecycle.js





/**
 * Brings an experiment into the workspace: its params, locks, metrics and plots from its commit,
 * then its outputs through a normal reproduction, which finds every stage in the run cache (the
 * sweep ran them) and restores it. Afterwards `mlops run` has nothing to do.
 */
async function applyExperiment(layout, name, options = {}) {
    const exp = await findExperiment(layout.root, name, await headCommit(layout.root));
    const dirs = exp.pipelines.map((p) => `pipelines/${p}`);
    const files = (await git(["diff", "--name-only", exp.base, exp.commit, "--", ...dirs], { cwd: layout.root }))
        .split("\n")
        .filter(Boolean);
    const present = (await git(["ls-tree", "-r", "--name-only", exp.commit, "--", ...files], { cwd: layout.root }))
        .split("\n")
        .filter(Boolean);
    // Only the working tree: the index stays as it was, so `git diff` shows what the experiment changed.
    if (present.length > 0)
        await gitRaw(["restore", `--source=${exp.commit}`, "--worktree", "--", ...present], { cwd: layout.root });
    const stages = await reproduce(layout, { ...options, pipelines: exp.pipelines });
    return { name: exp.name, commit: exp.commit, files: present, stages };
}
/** A branch at the experiment's commit: its parent is the base, so it is ready for a pull request. */
async function branchExperiment(root, name, branch) {
    const check = await gitRaw(["check-ref-format", "--branch", branch], { cwd: root, okCodes: [1, 128] });
    if (check.code !== 0)
        throw new MlopsError("usage", `${JSON.stringify(branch)} is not a valid branch name`, {
            field: "BRANCH",
            got: branch,
        });
    const exp = await findExperiment(root, name, await headCommit(root));
    const exists = await gitRaw(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`], {
        cwd: root,
        okCodes: [1],
    });
    if (exists.code === 0)
        throw new MlopsError("conflict", `branch '${branch}' already exists`, { hint: "pick another name" });
    await gitRaw(["branch", branch, exp.commit], { cwd: root });
    return { branch, commit: exp.commit };
}
/** Deletes experiments by name (on HEAD's base first) or every one, in one ref transaction. */
async function removeExperiments(root, names, options = {}) {
    if (!options.all && names.length === 0)
        throw new MlopsError("usage", "name the experiments to remove, or pass --all", { field: "NAME" });
    const head = await headCommit(root);
    const exps = options.all
        ? await listExperiments(root)
        : await Promise.all(names.map((n) => findExperiment(root, n, head)));
    const refs = [...new Set(exps.map((e) => e.ref))];
    await deleteExperimentRefs(root, refs);
    return refs;
}
/** True when a branch or tag contains the commit: the base is still part of the project's history. */
async function reachable(root, commit) {
    const out = await git(["for-each-ref", "--count=1", "--contains", commit, "--format=%(refname)", "refs/heads/", "refs/tags/"], {
        cwd: root,
    });
    return out.trim() !== "";
}
/**
 * Drops experiments whose base commit no branch or tag reaches any more (a rebased or deleted
 * branch), or, with `keepCurrentOnly`, every experiment not based on HEAD.
 */
async function gcExperiments(root, options = {}) {
    const exps = await listExperiments(root);
    const head = await headCommit(root);
    const verdict = new Map();
    const removed = [];
    for (const e of exps) {
        if (!verdict.has(e.base))
            verdict.set(e.base, options.keepCurrentOnly ? e.base === head : await reachable(root, e.base));
        if (!verdict.get(e.base))
            removed.push(e);
    }
    if (!options.dryRun)
        await deleteExperimentRefs(root, removed.map((e) => e.ref));
    return {
        removed: removed.map((e) => e.ref),
        kept: exps.length - removed.length,
        dry_run: options.dryRun === true,
    };
}
/** Params and metrics of two experiments side by side; params listed only where they differ. */
async function diffExperiments(root, nameA, nameB) {
    const head = await headCommit(root);
    const [a, b] = await Promise.all([findExperiment(root, nameA, head), findExperiment(root, nameB, head)]);
    const [ra, rb] = await readRows(root, [a, b]);
    if (!ra || !rb)
        throw new MlopsError("internal", "could not read the experiments");
    const paramKeys = [...new Set([...Object.keys(ra.params), ...Object.keys(rb.params)])];
    const params = paramKeys
        .filter((k) => JSON.stringify(ra.params[k]) !== JSON.stringify(rb.params[k]))
        .map((key) => ({ key, a: ra.params[key], b: rb.params[key] }));
    const metricKeys = [...new Set([...Object.keys(ra.metrics), ...Object.keys(rb.metrics)])].sort();
    const metrics = metricKeys.map((key) => {
        const x = ra.metrics[key];
        const y = rb.metrics[key];
        return { key, a: x, b: y, ...(typeof x === "number" && typeof y === "number" ? { change: y - x } : {}) };
    });
    return { a: a.name, b: b.name, params, metrics };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline-lock.js
var pipeline_lock = __webpack_require__(72687);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/run-cache.js
var run_cache = __webpack_require__(49060);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/share.js










/** The run keys an experiment's locks name: what a teammate needs to restore its outputs. */
async function runKeysOf(root, exps) {
    const names = exps.flatMap((e) => e.pipelines.map((p) => `${e.commit}:pipelines/${p}/pipeline.lock`));
    const blobs = await readBlobs(root, names);
    const keys = new Set();
    for (const [name, bytes] of blobs) {
        const lock = parseYaml(bytes.toString("utf8"), pipelineLock, name);
        for (const stage of Object.values(lock.stages))
            if (stage.run_key)
                keys.add(stage.run_key);
    }
    return keys;
}
async function gitOrFail(args, root, what) {
    const result = await gitCapture(args, { cwd: root });
    if (result.code !== 0)
        throw new MlopsError("remote", `${what} failed: ${gitStderrTail(result.stderr, 3)}`, {
            hint: "check the git remote's name or URL and that you may push to it",
        });
    return result.stdout;
}
/**
 * Shares experiments: the outputs their locks name (every remembered run, as `mlops data push`
 * sends them) go to the data remote first, then the refs go to the git remote, so whoever sees a
 * ref can restore its outputs. A re-run experiment replaces the remote's ref of the same name.
 */
async function pushExperiments(layout, names, options = {}) {
    const gitRemote = options.gitRemote ?? "origin";
    // Refused before anything moves: a pull-request run (a fork's included) runs code nobody trusted
    // yet, so it shares nothing, neither refs through git nor objects through the data remote.
    const blocked = remoteWritesBlockedBy(options.env ?? process.env);
    if (blocked !== undefined)
        throw new MlopsError("refused", `exp push is refused: remotes are read-only ${blocked}`, {
            hint: "experiments of a pull-request run stay in its job; run and push them from a trusted clone",
        });
    const head = await headCommit(layout.root);
    const exps = names.length > 0
        ? await Promise.all(names.map((n) => findExperiment(layout.root, n, head)))
        : await listExperiments(layout.root);
    if (exps.length === 0)
        return { refs: [], remote: gitRemote, data: null };
    const resolved = await resolveRemote(layout, options.dataRemote);
    let data = null;
    if (resolved) {
        const result = await pushRunCache(layout.cacheDir, new Cache(layout.cacheDir), resolved.remote, {
            ...(options.logger ? { logger: options.logger } : {}),
        });
        data = { remote: resolved.remote.name, entries: result.entries, transferred: result.transferred };
    }
    else
        options.logger?.warn("no data remote configured: only the refs are pushed, outputs stay in this cache");
    const refs = exps.map((e) => e.ref);
    await gitOrFail(["push", "--quiet", gitRemote, ...refs.map((r) => `+${r}:${r}`)], layout.root, `git push to ${gitRemote}`);
    return { refs, remote: gitRemote, data };
}
/**
 * Fetches every experiment ref from the git remote, then the run-cache records and objects their
 * locks name from the data remote (when one is configured), so `exp apply` restores offline.
 */
async function pullExperiments(layout, options = {}) {
    const logger = options.logger ?? silentLogger;
    const gitRemote = options.gitRemote ?? "origin";
    await gitOrFail(["fetch", "--quiet", gitRemote, `+${expRefPrefix}*:${expRefPrefix}*`], layout.root, `git fetch from ${gitRemote}`);
    const exps = await listExperiments(layout.root);
    const resolved = await resolveRemote(layout, options.dataRemote);
    let data = null;
    if (resolved) {
        const cache = new Cache(layout.cacheDir);
        let records = 0;
        let transferred = 0;
        for (const key of await runKeysOf(layout.root, exps)) {
            const entry = (await readRunCache(layout.cacheDir, key)) ??
                (await fetchRunCache(layout.cacheDir, resolved.remote, key));
            if (!entry)
                continue;
            records++;
            const missing = entry.outs.filter((o) => !cache.has(o.sha256));
            if (missing.length === 0)
                continue;
            const present = await resolved.remote.has(missing.map((o) => o.sha256));
            const items = missing
                .filter((o) => present.has(o.sha256))
                .map((o) => ({ oid: o.sha256, referencedBy: o.path }));
            const result = await pull(cache, resolved.remote, items, { logger });
            transferred += result.transferred;
        }
        data = { remote: resolved.remote.name, records, transferred };
    }
    return { refs: exps.map((e) => e.ref), remote: gitRemote, data };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/experiments/index.js









// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/index.js + 3 modules
var manifest = __webpack_require__(42296);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/sweep-section.js



/** A cell the report's schema accepts: scalars as they are (strings bounded), anything else as JSON. */
function scalarCell(value) {
    if (value === undefined || value === null)
        return null;
    if (typeof value === "number")
        return Number.isFinite(value) ? value : String(value);
    if (typeof value === "boolean")
        return value;
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
/**
 * The metric that ranks the points: the one the sweep names, else the first metric of the model
 * card's metrics file (or of any file) whose direction mlops knows, so the best can be marked.
 */
function chooseMetric(named, columns, card) {
    if (named)
        return named;
    const stem = card?.metrics
        ?.split("/")
        .pop()
        ?.replace(/\.(json|ya?ml)$/, "") ?? "metrics";
    const known = columns.filter((c) => (0,src_metrics/* metricDirection */.EE)(c) !== undefined);
    return known.find((c) => c.startsWith(`${stem}.`)) ?? known[0] ?? null;
}
/**
 * The declared sweep of a pipeline as this checkout ran it (`mlops exp run --declared`): its
 * points are the experiments `sweep-<pipeline>-N` on `head`. A declared sweep that did not run
 * gives a section with no points, which says so rather than hiding the declaration.
 */
async function sweepSectionFor(layout, spec, head, card) {
    const block = spec.sweep;
    if (!block)
        return undefined;
    const keys = Object.keys(block.params);
    const exps = head
        ? (await exp_refs_listExperiments(layout.root, head))
            .filter((e) => isDeclaredSweepPoint(spec.name, e.name) &&
            e.pipelines.length === 1 &&
            e.pipelines[0] === spec.name)
            .sort((a, b) => Number(a.name.slice(a.name.lastIndexOf("-") + 1)) -
            Number(b.name.slice(b.name.lastIndexOf("-") + 1)))
        : [];
    const rows = await show_readRows(layout.root, exps);
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
    const metric = chooseMetric(block.metric, columns, card);
    const direction = metric ? ((0,src_metrics/* metricDirection */.EE)(metric) ?? null) : null;
    return {
        file: spec.file,
        keys,
        metric,
        direction,
        declared: (0,manifest/* sweepPointCount */._p)(block),
        points: rows.slice(0, 100).map((r) => {
            const value = metric ? r.metrics[metric] : undefined;
            return {
                name: r.name,
                values: keys.map((k) => scalarCell(r.params[`${spec.name}:${k}`] ?? r.params[k])),
                metric: typeof value === "number" && Number.isFinite(value) ? value : null,
            };
        }),
    };
}


/***/ })

};
