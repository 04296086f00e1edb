export const id = 511;
export const ids = [511];
export const modules = {

/***/ 88511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  clientOf: () => (/* reexport */ clientOf),
  repositoryOf: () => (/* reexport */ repositoryOf)
});

// UNUSED EXPORTS: actionsBotLogin, auditWorkflow, commentReport, composeReleaseBody, createGitHubClient, downloadReportArtifact, findPullRequestForRun, findStickyComment, forkOfEvent, openOrUpdateRetrainPullRequest, publishRelease, recordDeployment, releaseAssetName, repositoryUrlOf, requirePullRequest, retrainBranch, runUrlOf, stickyMarker, tokenLogin, upsertStickyComment

// EXTERNAL MODULE: ./node_modules/octokit/dist-bundle/index.js + 19 modules
var dist_bundle = __webpack_require__(98048);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/client.js

/**
 * The one way this code base talks to GitHub's REST API: octokit with its retry plugin (transient
 * 5xx) and throttling (primary and secondary rate limits, honouring `retry-after`).
 */
function createGitHubClient(options) {
    const retries = options.rateLimitRetries ?? 2;
    return new dist_bundle/* Octokit */.Eg({
        auth: options.token,
        ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
        userAgent: "mlops",
        throttle: {
            onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < retries,
            onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < retries,
        },
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}
/** A client for the API this run talks to (`GITHUB_API_URL`: GitHub Enterprise, or the test double). */
function clientOf(token, env = process.env) {
    return createGitHubClient({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/deployment.js

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
        throw new MlopsError("usage", `deployment sha: expected a full 40-hex commit sha, got '${record.sha}'`, {
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
            throw new MlopsError("remote", `GitHub did not create a deployment of ${record.sha.slice(0, 12)}`, {
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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/pull-request.js

/**
 * The open PR a `workflow_run` ran for, found from the run's head repository and branch and
 * confirmed by its head sha. `workflow_run.pull_requests` is empty for PRs from forks, and a number
 * inside an artifact is PR-controlled, so neither is trusted.
 */
async function findPullRequestForRun(client, run) {
    const [owner = "", repo = ""] = run.repository.full_name.split("/");
    if (!run.head_branch || !run.head_repository)
        return undefined;
    const head = `${run.head_repository.owner.login}:${run.head_branch}`;
    const pulls = await client.paginate(client.rest.pulls.list, {
        owner,
        repo,
        head,
        state: "open",
        per_page: 100,
    });
    const match = pulls.find((p) => p.head.sha === run.head_sha && p.head.repo?.full_name === run.head_repository?.full_name);
    if (!match)
        return undefined;
    return { number: match.number, headSha: match.head.sha };
}
function requirePullRequest(found, run) {
    if (found)
        return found;
    throw new MlopsError("not-found", `no open pull request has head ${run.head_repository?.full_name ?? "?"}:${run.head_branch ?? "?"} at ${run.head_sha.slice(0, 12)}`, { hint: "the PR was closed or received new commits since the run; the next run will comment" });
}
function fullName(value) {
    if (value === null || typeof value !== "object")
        return undefined;
    const name = value.full_name;
    return typeof name === "string" ? name : undefined;
}
/**
 * The repository a pull request's code came from when it is not the base repository (a fork), read
 * from the event that started the run: `workflow_run.head_repository` against the run's repository,
 * or `pull_request.head.repo` against `pull_request.base.repo`. Undefined for a branch of the same
 * repository. A head repository GitHub no longer knows (a deleted fork) counts as a fork.
 */
function forkOfEvent(eventName, event) {
    let head;
    let base;
    if (eventName === "workflow_run") {
        const run = (event.workflow_run ?? {});
        head = run.head_repository;
        base = run.repository ?? event.repository;
    }
    else if (eventName === "pull_request" || eventName === "pull_request_target") {
        const pull = (event.pull_request ?? {});
        head = pull.head?.repo;
        base = pull.base?.repo;
    }
    else
        return undefined;
    const baseName = fullName(base);
    const headName = fullName(head);
    if (!baseName)
        return undefined;
    if (!headName)
        return "a fork that no longer exists";
    return headName.toLowerCase() === baseName.toLowerCase() ? undefined : headName;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/release.js



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
            throw new MlopsError("usage", `release asset '${asset.name}' has a name GitHub would rename`, {
                field: `assets[${index}].name`,
                expected: "letters, digits, '.', '-' and '_', not starting or ending with '.'",
                hint: `use releaseAssetName(): '${releaseAssetName(asset.name)}'`,
            });
        }
        if (seen.has(asset.name)) {
            throw new MlopsError("usage", `two release assets are named '${asset.name}'`, {
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
        throw new MlopsError("remote", `GitHub returned an upload_url of an unexpected shape: ${uploadUrl}`);
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
        throw new MlopsError("usage", `the release body of ${tag} has ${options.body.length} characters`, {
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
            bytes = await readFile(asset.path);
        }
        catch (err) {
            throw new MlopsError("not-found", `cannot read release asset ${asset.path}`, {
                file: asset.path,
                cause: err,
            });
        }
        const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
        const present = existing.find((candidate) => candidate.name === asset.name);
        if (present && present.state === "uploaded") {
            // Assets uploaded before GitHub reported digests carry none; then the size is what can be compared.
            const same = present.size === bytes.length && (!present.digest || present.digest === digest);
            if (same)
                continue;
            throw new MlopsError("conflict", `release ${tag} already has an asset '${asset.name}' with other content`, {
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/untrusted.js
var untrusted = __webpack_require__(61304);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/report-artifact.js





/**
 * The report another run uploaded, by run id (`@actions/artifact`, through the REST API): unpacked
 * into a temp dir, read, and parsed as untrusted input (size, UTF-8, schema). The files are removed.
 */
async function downloadReportArtifact(source) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(659), __webpack_require__.e(228)]).then(__webpack_require__.bind(__webpack_require__, 50228));
    const [owner = "", repo = ""] = source.repository.split("/");
    const findBy = {
        token: source.token,
        workflowRunId: source.runId,
        repositoryOwner: owner,
        repositoryName: repo,
    };
    const client = new DefaultArtifactClient();
    const { artifact } = await client.getArtifact(source.artifact, { findBy });
    const dir = await mkdtemp(join(tmpdir(), "mlops-report-"));
    try {
        await client.downloadArtifact(artifact.id, { path: dir, findBy });
        const bytes = await readFile(join(dir, "report.json")).catch(() => {
            throw new MlopsError("not-found", `artifact '${source.artifact}' of run ${source.runId} has no report.json`);
        });
        return parseUntrustedReport(bytes, `artifact ${source.artifact}/report.json`);
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/retrain-pull-request.js
var retrain_pull_request = __webpack_require__(19392);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/run-context.js
// Nothing here loads octokit: the registry commands read the run's URL from it on every start.

/** The repository a workflow runs in, from `GITHUB_REPOSITORY`. */
function repositoryOf(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo) {
        throw new errors/* MlopsError */.IC("usage", "GITHUB_REPOSITORY is not set", {
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/workflow-audit.js

/** Events whose runs hold a write token or secrets while the code under test may come from a PR. */
const privilegedEvents = new Set([
    "workflow_run",
    "pull_request_target",
    "issue_comment",
    "push",
    "schedule",
    "release",
]);
function get(map, key) {
    return isMap(map) ? map.get(key, true) : undefined;
}
/**
 * Our security rules for GitHub workflows, beyond what actionlint checks: least-privilege
 * `permissions` declared at the top, no `pull_request_target`, no `${{ github.event.* }}` expanded
 * inside a `run:` script (script injection), third-party actions pinned to a full commit SHA, and no
 * checkout of PR code (a head ref or sha from the event) in a privileged workflow.
 */
function auditWorkflow(file, text) {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter });
    const findings = [];
    const lineOf = (node) => (node?.range ? counter.linePos(node.range[0]).line : 1);
    const add = (node, rule, message) => findings.push({ file, line: lineOf(node), rule, message });
    const root = doc.contents;
    const on = get(root, "on");
    const events = new Set();
    if (isScalar(on))
        events.add(String(on.value));
    else if (isSeq(on))
        for (const e of on.items)
            events.add(String(e.value));
    else if (isMap(on))
        for (const p of on.items)
            events.add(String(p.key.value));
    if (events.has("pull_request_target")) {
        add(on, "pull-request-target", "pull_request_target runs with a write token in the context of PR code; use pull_request plus a workflow_run follow-up");
    }
    const privileged = [...events].some((e) => privilegedEvents.has(e));
    const permissions = get(root, "permissions");
    if (!permissions)
        add(root, "permissions", "no top-level `permissions:`; the default token may be read-write");
    else if (isScalar(permissions) && String(permissions.value) === "write-all") {
        add(permissions, "permissions", "`permissions: write-all`; grant only the scopes the jobs need");
    }
    const jobs = get(root, "jobs");
    if (!isMap(jobs))
        return findings;
    for (const jobPair of jobs.items) {
        const job = jobPair.value;
        const jobPermissions = get(job, "permissions");
        if (isScalar(jobPermissions) && String(jobPermissions.value) === "write-all") {
            add(jobPermissions, "permissions", "`permissions: write-all` on a job");
        }
        const steps = get(job, "steps");
        if (!isSeq(steps))
            continue;
        for (const step of steps.items) {
            const run = get(step, "run");
            if (isScalar(run) && /\$\{\{\s*github\.event\./.test(String(run.value))) {
                add(run, "event-in-run", "`${{ github.event.* }}` inside `run:` lets event text become shell; pass it through `env:` instead");
            }
            const uses = get(step, "uses");
            if (isScalar(uses)) {
                const ref = String(uses.value);
                if (!ref.startsWith("./") && !ref.startsWith("docker://") && !/@[0-9a-f]{40}$/.test(ref)) {
                    add(uses, "unpinned-action", `'${ref}' is not pinned to a full commit SHA`);
                }
                if (ref.startsWith("actions/checkout@")) {
                    const withMap = get(step, "with");
                    const checkoutRef = get(withMap, "ref");
                    const repository = get(withMap, "repository");
                    const refText = isScalar(checkoutRef) ? String(checkoutRef.value) : "";
                    if (privileged &&
                        (/head_sha|head_ref|head\.sha|head\.ref|pull_requests|refs\/pull/.test(refText) ||
                            isScalar(repository))) {
                        add(checkoutRef ?? repository, "untrusted-checkout", "a privileged workflow checks out PR code; check out the default branch only");
                    }
                    const persist = get(withMap, "persist-credentials");
                    if (!(isScalar(persist) && persist.value === false)) {
                        add(uses, "credentials", "checkout keeps the token in .git/config; set `persist-credentials: false`");
                    }
                }
            }
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/index.js













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

/***/ 25965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KT: () => (/* binding */ maxScatterPoints),
/* harmony export */   V5: () => (/* binding */ maxCurvePoints)
/* harmony export */ });
/* unused harmony exports metricRow, gateRow, paramRow, dataRow, driftColumn, driftSection, validationRow, confusion, residuals, classCurves, curveSeries, curveSet, sweepPoint, sweepSection, pipelineSection, reportDocument, maxReportBytes */
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

/***/ 61304:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* unused harmony export parseUntrustedReport */
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99936);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25965);


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


/***/ })

};
