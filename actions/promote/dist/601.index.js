export const id = 601;
export const ids = [601];
export const modules = {

/***/ 80268:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ recordDeployment)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);

/** GitHub cuts a deployment status description at 140 characters; we cut it ourselves, visibly. */
const maxStatusDescription = 140;
/** JSON with keys sorted at every level, so payloads compare equal whatever order they were written in. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(",")}]`;
    if (value && typeof value === "object") {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
    }
    return JSON.stringify(value);
}
/** GitHub returns the payload as it was sent: an object, or a string when one was sent. */
function payloadOf(raw) {
    if (typeof raw !== "string")
        return raw;
    try {
        return JSON.parse(raw);
    }
    catch {
        return raw;
    }
}
function shortDescription(text) {
    return text.length <= maxStatusDescription ? text : `${text.slice(0, maxStatusDescription - 1)}…`;
}
/**
 * Records a promotion as a GitHub Deployment with one status. Re-running the same promotion (same
 * sha, environment and payload) reuses the deployment it made before, and adds a status only when the
 * outcome changed, so a re-run of the merge or release workflow leaves the deployments page as it was.
 * Put the stage assignment tag in the payload when every assignment must be its own deployment.
 */
async function recordDeployment(client, record) {
    if (!/^[0-9a-f]{40}$/.test(record.sha)) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("usage", `deployment sha: expected a full 40-hex commit sha, got '${record.sha}'`, {
            field: "sha",
        });
    }
    const { owner, repo } = record;
    const state = record.state ?? "success";
    const payload = record.ref === undefined ? record.payload : { ref: record.ref, ...record.payload };
    const wanted = canonicalJson(payload);
    const statusDescription = shortDescription(record.statusDescription ?? (state === "success" ? `deployed to ${record.environment}` : `${state}`));
    const existing = await client.paginate(client.rest.repos.listDeployments, {
        owner,
        repo,
        sha: record.sha,
        environment: record.environment,
        per_page: 100,
    });
    const match = existing.find((d) => d.sha === record.sha &&
        d.environment === record.environment &&
        canonicalJson(payloadOf(d.payload)) === wanted);
    let deploymentId;
    if (match) {
        deploymentId = match.id;
        const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: match.id,
            per_page: 1,
        });
        const latest = statuses[0];
        if (latest && latest.state === state && latest.description === statusDescription) {
            return { deploymentId, statusId: latest.id, state, created: false, statusCreated: false };
        }
    }
    else {
        const { data, status } = await client.rest.repos.createDeployment({
            owner,
            repo,
            ref: record.sha,
            task: "deploy",
            environment: record.environment,
            payload,
            ...(record.description === undefined ? {} : { description: record.description }),
            ...(record.productionEnvironment === undefined
                ? {}
                : { production_environment: record.productionEnvironment }),
            transient_environment: false,
            // By default GitHub first merges the default branch into `ref` when `ref` is behind it. We deploy
            // an exact, already built commit: a merge would deploy something nobody tested (or answer 409).
            auto_merge: false,
            // By default GitHub refuses (409) unless every commit status on `ref` is success. The job that
            // records the deployment is itself one of those checks, still running, so the default always
            // fails; the gates the promotion already passed are our checks.
            required_contexts: [],
        });
        // 202 is GitHub's answer when it merged instead of deploying; with auto_merge off it means a conflict.
        if (status !== 201 || !("id" in data)) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("remote", `GitHub did not create a deployment of ${record.sha.slice(0, 12)}`, {
                got: "message" in data ? String(data.message) : String(status),
            });
        }
        deploymentId = data.id;
    }
    const { data: created } = await client.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: statusDescription,
        environment: record.environment,
        ...(record.logUrl === undefined ? {} : { log_url: record.logUrl }),
        ...(record.environmentUrl === undefined ? {} : { environment_url: record.environmentUrl }),
        // A successful deployment marks the earlier ones in the environment inactive, so GitHub shows one
        // live version per environment; off when several models share the environment, where it would
        // retire the other models' live versions.
        auto_inactive: record.autoInactive ?? true,
    });
    return { deploymentId, statusId: created.id, state, created: !match, statusCreated: true };
}


/***/ }),

/***/ 31302:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ composeReleaseBody)
/* harmony export */ });
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50293);
// The report's markdown module, not report/index: the index pulls in DuckDB and onnxruntime, which
// the release action's bundle does not need.

function code(text) {
    // A backtick inside would end the code span; none of our names or digests contain one.
    return `\`${text.replace(/`/g, "'")}\``;
}
function modelSection(model) {
    const lines = [
        `## ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(model.name)} ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(model.version)}`,
        "",
        model.description.trim(),
        "",
    ];
    const facts = [];
    if (model.task)
        facts.push(`- task: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(model.task)}`);
    // escapeMarkdown turns '@' into an entity: naming the owner must not notify them on every release.
    if (model.owner)
        facts.push(`- owner: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(model.owner)}`);
    if (model.previousVersion !== undefined) {
        facts.push(`- replaces: ${model.previousVersion ? (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(model.previousVersion) : "nothing (first release)"}`);
    }
    if (model.image)
        facts.push(`- image: ${code(model.image)}`);
    if (model.imageDigest && !model.image?.endsWith(model.imageDigest)) {
        facts.push(`- image digest: ${code(model.imageDigest)}`);
    }
    if (model.assets && model.assets.length > 0)
        facts.push(`- assets: ${model.assets.map(code).join(", ")}`);
    if (facts.length > 0)
        lines.push(...facts, "");
    const metrics = Object.entries(model.metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (metrics.length > 0) {
        lines.push("| metric | value |", "|---|---:|");
        for (const [name, value] of metrics)
            lines.push(`| ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(name)} | ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(value)} |`);
        lines.push("");
    }
    return lines.join("\n");
}
/**
 * The body of the GitHub Release a `v*` tag publishes: a section per model with its card, version,
 * metrics and image. Models and metrics are sorted by name, so the same release always reads the same
 * and a re-run finds the body unchanged.
 */
function composeReleaseBody(notes) {
    const models = [...notes.models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const at = notes.commit ? ` at ${code(notes.commit.slice(0, 12))}` : "";
    const intro = models.length === 1
        ? `Release ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(notes.tag)}${at} promotes one model to prod.`
        : `Release ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(notes.tag)}${at} promotes ${models.length} models to prod.`;
    return `${[intro, "", ...models.map(modelSection)].join("\n").trimEnd()}\n`;
}


/***/ }),

/***/ 55358:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ publishRelease),
/* harmony export */   W: () => (/* binding */ releaseAssetName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99936);



/** GitHub's limit on a release body. */
const maxReleaseBody = 125_000;
/**
 * GitHub renames asset names with characters outside letters, digits, `.`, `-` and `_`, in a way it
 * does not document (https://docs.github.com/rest/releases/assets#upload-a-release-asset). A renamed
 * asset could not be found again by name, so publishing would upload it again on every re-run: names
 * are made safe here, before GitHub sees them. `fuel-efficiency@v1.0.0.yaml` → `fuel-efficiency-v1.0.0.yaml`.
 */
function releaseAssetName(name) {
    return name
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/\.{2,}/g, ".")
        .replace(/^[.-]+|[.-]+$/g, "");
}
function checkAssetNames(assets) {
    const seen = new Set();
    for (const [index, asset] of assets.entries()) {
        if (!asset.name || releaseAssetName(asset.name) !== asset.name) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("usage", `release asset '${asset.name}' has a name GitHub would rename`, {
                field: `assets[${index}].name`,
                expected: "letters, digits, '.', '-' and '_', not starting or ending with '.'",
                hint: `use releaseAssetName(): '${releaseAssetName(asset.name)}'`,
            });
        }
        if (seen.has(asset.name)) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("usage", `two release assets are named '${asset.name}'`, {
                field: `assets[${index}].name`,
            });
        }
        seen.add(asset.name);
    }
}
function statusOf(err) {
    const status = err.status;
    return typeof status === "number" ? status : undefined;
}
async function releaseByTag(client, owner, repo, tag) {
    try {
        return (await client.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
    }
    catch (err) {
        if (statusOf(err) === 404)
            return undefined;
        throw err;
    }
}
/**
 * Where uploads go, from the release's `upload_url` hypermedia template: uploads.github.com on
 * github.com, `<host>/api/uploads` on GitHub Enterprise Server. Octokit's default would be wrong on GHES.
 */
function uploadBaseUrl(uploadUrl) {
    const base = uploadUrl
        .replace(/\{[^}]*\}$/, "")
        .replace(/\/repos\/[^/]+\/[^/]+\/releases\/\d+\/assets$/, "");
    if (base === uploadUrl.replace(/\{[^}]*\}$/, "")) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("remote", `GitHub returned an upload_url of an unexpected shape: ${uploadUrl}`);
    }
    return base;
}
/**
 * Publishes the release of an existing tag with its assets. Safe to re-run: the release is found by
 * its tag (its name and body are updated when they changed), and an asset already there with the same
 * name and content is not uploaded again. An asset of the same name with other content is refused, not
 * replaced: people may have downloaded the released file. An upload that GitHub left unfinished (state
 * other than `uploaded`) is deleted and uploaded again.
 */
async function publishRelease(client, options) {
    const { owner, repo, tag } = options;
    checkAssetNames(options.assets);
    if (options.body.length > maxReleaseBody) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("usage", `the release body of ${tag} has ${options.body.length} characters`, {
            field: "body",
            expected: `at most ${maxReleaseBody} characters (GitHub's limit)`,
        });
    }
    let release = await releaseByTag(client, owner, repo, tag);
    let created = false;
    if (!release) {
        try {
            const { data } = await client.rest.repos.createRelease({
                owner,
                repo,
                tag_name: tag,
                name: options.name,
                body: options.body,
                draft: false,
                prerelease: false,
            });
            release = data;
            created = true;
        }
        catch (err) {
            // Another run of the same release got there first: take its release.
            if (statusOf(err) !== 422)
                throw err;
            release = await releaseByTag(client, owner, repo, tag);
            if (!release)
                throw err;
        }
    }
    if (!created && (release.name !== options.name || (release.body ?? "") !== options.body)) {
        const { data } = await client.rest.repos.updateRelease({
            owner,
            repo,
            release_id: release.id,
            name: options.name,
            body: options.body,
        });
        release = data;
    }
    const existing = await client.paginate(client.rest.repos.listReleaseAssets, {
        owner,
        repo,
        release_id: release.id,
        per_page: 100,
    });
    const baseUrl = uploadBaseUrl(release.upload_url);
    const uploaded = [];
    for (const asset of options.assets) {
        let bytes;
        try {
            bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(asset.path);
        }
        catch (err) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("not-found", `cannot read release asset ${asset.path}`, {
                file: asset.path,
                cause: err,
            });
        }
        const digest = `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(bytes).digest("hex")}`;
        const present = existing.find((candidate) => candidate.name === asset.name);
        if (present && present.state === "uploaded") {
            // Assets uploaded before GitHub reported digests carry none; then the size is what can be compared.
            const same = present.size === bytes.length && (!present.digest || present.digest === digest);
            if (same)
                continue;
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("conflict", `release ${tag} already has an asset '${asset.name}' with other content`, {
                file: asset.path,
                expected: `${bytes.length} bytes, ${digest}`,
                got: `${present.size} bytes${present.digest ? `, ${present.digest}` : ""}`,
                hint: "a released file is not replaced; publish a new version instead, or delete the asset by hand",
            });
        }
        if (present)
            await client.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: present.id });
        await client.rest.repos.uploadReleaseAsset({
            owner,
            repo,
            release_id: release.id,
            name: asset.name,
            baseUrl,
            headers: { "content-type": asset.contentType, "content-length": bytes.length },
            // Octokit's type says string, but it sends any body as given; a Buffer keeps binary files intact.
            data: bytes,
        });
        uploaded.push(asset.name);
    }
    return {
        id: release.id,
        url: release.html_url,
        created,
        assets: options.assets.map((asset) => asset.name),
        uploaded,
    };
}


/***/ }),

/***/ 19392:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ openOrUpdateRetrainPullRequest),
/* harmony export */   y: () => (/* binding */ retrainBranch)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);

/** The one branch a model's retraining goes to: a later run adds a commit to it. */
function retrainBranch(model) {
    return `retrain/${model}`;
}
/** GitHub's limit on a pull request body. */
const maxBody = 65_536;
async function openPullFromHead(client, options) {
    const pulls = await client.paginate(client.rest.pulls.list, {
        owner: options.owner,
        repo: options.repo,
        head: `${options.owner}:${options.head}`,
        state: "open",
        per_page: 100,
    });
    // The head filter already names the branch; the repository check keeps a fork's same-named branch out.
    return pulls.find((p) => p.head.ref === options.head &&
        p.head.repo?.full_name.toLowerCase() === `${options.owner}/${options.repo}`.toLowerCase());
}
/**
 * Keeps at most one open retrain pull request per model: the open one from `head` gets the new title
 * and body (the latest monitoring report), otherwise one is opened. The branch itself is pushed by git
 * before this is called. A PR opened with the workflow's GITHUB_TOKEN starts no workflows, so its
 * checks run only when the client holds a GitHub App or personal token.
 */
async function openOrUpdateRetrainPullRequest(client, options) {
    if (options.body.length > maxBody) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("usage", `the retrain pull request body has ${options.body.length} characters`, {
            field: "body",
            expected: `at most ${maxBody} characters (GitHub's limit)`,
        });
    }
    const update = async (number, title, body, url) => {
        if (title === options.title && (body ?? "") === options.body) {
            return { action: "unchanged", number, url };
        }
        const { data } = await client.rest.pulls.update({
            owner: options.owner,
            repo: options.repo,
            pull_number: number,
            title: options.title,
            body: options.body,
        });
        return { action: "updated", number: data.number, url: data.html_url };
    };
    const open = await openPullFromHead(client, options);
    if (open)
        return update(open.number, open.title, open.body, open.html_url);
    try {
        const { data } = await client.rest.pulls.create({
            owner: options.owner,
            repo: options.repo,
            head: options.head,
            base: options.base,
            title: options.title,
            body: options.body,
        });
        return { action: "created", number: data.number, url: data.html_url };
    }
    catch (err) {
        if (err.status !== 422)
            throw err;
        // Another run opened it between our look and our create: update that one instead.
        const raced = await openPullFromHead(client, options);
        if (raced)
            return update(raced.number, raced.title, raced.body, raced.html_url);
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("remote", `GitHub refused to open a pull request from ${options.head} into ${options.base}`, {
            hint: `push the branch ${options.head} first, and check that ${options.base} exists and differs from it`,
            cause: err,
        });
    }
}


/***/ }),

/***/ 50384:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qm: () => (/* binding */ runUrlOf),
/* harmony export */   ZN: () => (/* binding */ repositoryUrlOf),
/* harmony export */   _M: () => (/* binding */ repositoryOf)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);
// Nothing here loads octokit: the registry commands read the run's URL from it on every start.

/** The repository a workflow runs in, from `GITHUB_REPOSITORY`. */
function repositoryOf(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("usage", "GITHUB_REPOSITORY is not set", {
            expected: "owner/repo, as the runner sets it in every job",
        });
    }
    return { owner, repo };
}
/** The page of the run, when the runner says which run this is. */
function runUrlOf(env = process.env) {
    return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
}
/** The repository's page, for image labels (`org.opencontainers.image.source`). */
function repositoryUrlOf(env = process.env) {
    return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
        : undefined;
}


/***/ }),

/***/ 25965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KR: () => (/* binding */ maxReportBytes),
/* harmony export */   KT: () => (/* binding */ maxScatterPoints),
/* harmony export */   V5: () => (/* binding */ maxCurvePoints),
/* harmony export */   ce: () => (/* binding */ reportDocument)
/* harmony export */ });
/* unused harmony exports metricRow, gateRow, paramRow, dataRow, driftColumn, driftSection, validationRow, confusion, residuals, classCurves, curveSeries, curveSet, sweepPoint, sweepSection, pipelineSection */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

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

/***/ 50293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ reportBlocks),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   ZV: () => (/* binding */ formatNumber)
/* harmony export */ });
/* unused harmony exports maxCommentChars, bestSweepPoint, sweepTable */
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
function formatNumber(v) {
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
    return `${d > 0 ? "+" : ""}${formatNumber(d)}${mark}`;
}
function markdownTable(header, rows) {
    return [
        `| ${header.join(" | ")} |`,
        `|${header.map(() => "---").join("|")}|`,
        ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
}
const short = (sha) => (sha ? `\`${escapeMarkdown(sha.slice(0, 10))}\`` : "—");
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
            formatNumber(m.head),
            formatNumber(m.base),
            delta(m.head, m.base, m.direction),
            ...(withStages
                ? [
                    formatNumber(m.staging),
                    delta(m.head, m.staging, m.direction),
                    formatNumber(m.prod),
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
        formatNumber(x.base),
        formatNumber(x.head),
    ]);
    return `#### Params changed\n\n${markdownTable(["file", "param", "base", "this PR"], rows)}`;
}
/**
 * The best point of a sweep: the highest or lowest finite metric by the known direction, the first
 * on a tie; undefined when the direction is unknown or no point has a number.
 */
function bestSweepPoint(points, direction) {
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
        return formatNumber(value);
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
    const best = bestSweepPoint(s.points, s.direction);
    const rows = s.points.map((p, i) => [
        sweepCell(p.name),
        ...s.keys.map((_, j) => sweepCell(p.values[j] ?? null)),
        formatNumber(p.metric),
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
        const labels = r.counts.map((_, i) => `"${mermaidLabel(formatNumber(((r.edges[i] ?? 0) + (r.edges[i + 1] ?? 0)) / 2))}"`);
        const chart = [
            "```mermaid",
            "xychart-beta",
            '  title "Residuals (actual - predicted)"',
            `  x-axis [${labels.join(", ")}]`,
            '  y-axis "rows"',
            `  bar [${r.counts.join(", ")}]`,
            "```",
        ].join("\n");
        return `#### Residuals\n\n${r.count} rows, mean ${formatNumber(r.mean)}\n\n${chart}`;
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
        return formatNumber(head);
    const change = head === null ? "" : ` (${head - base > 0 ? "+" : ""}${head - base})`;
    return `${formatNumber(base)} → ${formatNumber(head)}${change}`;
}
function dataBlock(doc) {
    if (!doc.data.length)
        return "";
    const rows = doc.data.map((d) => [
        escapeMarkdown(d.dataset),
        short(d.base),
        short(d.head),
        d.base === d.head ? "unchanged" : d.base === null ? "new" : "**changed**",
        rowsCell(d),
        formatNumber(d.head_size ?? null),
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
            formatNumber(c.statistic),
            formatNumber(c.threshold),
            formatNumber(c.pvalue),
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
            `${verdict} (${escapeMarkdown(d.reference)}, family-wise α = ${formatNumber(d.alpha)})`,
            markdownTable(["column", "test", "statistic", "threshold", "p-value", ""], rows),
            chart,
        ];
        return parts.filter((p) => p !== "").join("\n\n");
    });
}
/** Every block of the report in order: the renderer keeps as many whole blocks as fit. */
function reportBlocks(doc, fullReport) {
    const title = `## mlops report: ${escapeMarkdown(doc.head.ref)} ${short(doc.head.sha)} vs ${escapeMarkdown(doc.base.ref)} ${short(doc.base.sha)}`;
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


/***/ }),

/***/ 61304:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ parseUntrustedReport)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25965);


/**
 * A report document from an artifact that PR code produced: refused unless it is small enough,
 * valid JSON and valid against the schema (every string and list bounded). Nothing from it is
 * rendered except through the escaping renderers.
 */
function parseUntrustedReport(bytes, source) {
    if (bytes.byteLength > _document_js__WEBPACK_IMPORTED_MODULE_1__/* .maxReportBytes */ .KR) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("invalid-file", `the report is ${bytes.byteLength} bytes, more than the ${_document_js__WEBPACK_IMPORTED_MODULE_1__/* .maxReportBytes */ .KR} accepted`, {
            file: source,
        });
    }
    let value;
    try {
        value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    }
    catch (err) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("invalid-file", `the report is not valid UTF-8 JSON: ${err.message}`, {
            file: source,
        });
    }
    const parsed = _document_js__WEBPACK_IMPORTED_MODULE_1__/* .reportDocument */ .ce.safeParse(value);
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .IC("invalid-file", `the report does not match mlops-report/1: ${issues.join("; ")}`, {
            file: source,
            field: parsed.error.issues[0]?.path.join("."),
        });
    }
    return parsed.data;
}


/***/ })

};
