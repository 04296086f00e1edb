export const id = 924;
export const ids = [924];
export const modules = {

/***/ 60924:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  clientOf: () => (/* reexport */ clientOf),
  repositoryOf: () => (/* reexport */ run_context/* repositoryOf */._M),
  runUrlOf: () => (/* reexport */ run_context/* runUrlOf */.Qm)
});

// UNUSED EXPORTS: actionsBotLogin, auditWorkflow, commentReport, composeReleaseBody, createGitHubClient, downloadReportArtifact, findPullRequestForRun, findStickyComment, forkOfEvent, openOrUpdateRetrainPullRequest, publishRelease, recordDeployment, releaseAssetName, repositoryUrlOf, requirePullRequest, retrainBranch, stickyMarker, tokenLogin, upsertStickyComment

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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/deployment.js
var deployment = __webpack_require__(80268);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/release.js
var release = __webpack_require__(55358);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/run-context.js
var run_context = __webpack_require__(50384);
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













/***/ })

};
