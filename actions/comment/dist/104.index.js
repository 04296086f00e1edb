export const id = 104;
export const ids = [104,990];
export const modules = {

/***/ 60104:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentReport: () => (/* reexport */ commentReport),
  createGitHubClient: () => (/* reexport */ createGitHubClient),
  downloadReportArtifact: () => (/* reexport */ downloadReportArtifact),
  findPullRequestForRun: () => (/* reexport */ findPullRequestForRun),
  forkOfEvent: () => (/* reexport */ forkOfEvent),
  requirePullRequest: () => (/* reexport */ requirePullRequest)
});

// UNUSED EXPORTS: actionsBotLogin, auditWorkflow, clientOf, composeReleaseBody, findStickyComment, openOrUpdateRetrainPullRequest, publishRelease, recordDeployment, releaseAssetName, repositoryOf, repositoryUrlOf, retrainBranch, runUrlOf, stickyMarker, tokenLogin, upsertStickyComment

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
    throw new errors/* MlopsError */.IC("not-found", `no open pull request has head ${run.head_repository?.full_name ?? "?"}:${run.head_branch ?? "?"} at ${run.head_sha.slice(0, 12)}`, { hint: "the PR was closed or received new commits since the run; the next run will comment" });
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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/untrusted.js + 1 modules
var untrusted = __webpack_require__(20990);
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
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "mlops-report-"));
    try {
        await client.downloadArtifact(artifact.id, { path: dir, findBy });
        const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(dir, "report.json")).catch(() => {
            throw new errors/* MlopsError */.IC("not-found", `artifact '${source.artifact}' of run ${source.runId} has no report.json`);
        });
        return (0,untrusted.parseUntrustedReport)(bytes, `artifact ${source.artifact}/report.json`);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/markdown.js
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
const markdown_short = (sha) => (sha ? `\`${escapeMarkdown(sha.slice(0, 10))}\`` : "—");
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
        markdown_short(d.base),
        markdown_short(d.head),
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
    const title = `## mlops report: ${escapeMarkdown(doc.head.ref)} ${markdown_short(doc.head.sha)} vs ${escapeMarkdown(doc.base.ref)} ${markdown_short(doc.base.sha)}`;
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

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/sticky-comment.js
/** The login the workflow's GITHUB_TOKEN writes as. */
const actionsBotLogin = "github-actions[bot]";
/** A hidden line that marks our comment; only a comment by our own author counts (anyone can type it). */
function stickyMarker(key = "mlops-report") {
    return `<!-- ${key.replace(/[^A-Za-z0-9_.-]/g, "-")} -->`;
}
/** Who the token acts as. An installation token (GITHUB_TOKEN) may not read /user: that is the bot. */
async function tokenLogin(client) {
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return data.login;
    }
    catch (err) {
        if (err.status === 403)
            return actionsBotLogin;
        throw err;
    }
}
/** Our comment on the issue or PR: the first one holding the marker whose author is us. */
async function findStickyComment(client, target) {
    const comments = client.paginate.iterator(client.rest.issues.listComments, {
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        per_page: 100,
    });
    for await (const page of comments) {
        for (const c of page.data) {
            if (c.user?.login === target.author && (c.body ?? "").startsWith(target.marker)) {
                return { id: c.id, body: c.body ?? "", url: c.html_url };
            }
        }
    }
    return undefined;
}
/**
 * Keeps ONE comment per PR up to date: creates it the first time, edits it in place after, and
 * writes nothing when the body would not change (so re-runs do not notify anyone).
 */
async function upsertStickyComment(client, target, content) {
    const marker = target.marker ?? stickyMarker();
    const author = target.author ?? (await tokenLogin(client));
    const body = `${marker}\n${content}`;
    const existing = await findStickyComment(client, { ...target, author, marker });
    if (existing && existing.body === body)
        return { action: "unchanged", id: existing.id, url: existing.url };
    if (existing) {
        const { data } = await client.rest.issues.updateComment({
            owner: target.owner,
            repo: target.repo,
            comment_id: existing.id,
            body,
        });
        return { action: "updated", id: data.id, url: data.html_url };
    }
    const { data } = await client.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        body,
    });
    return { action: "created", id: data.id, url: data.html_url };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/report-comment.js


/**
 * What a reader of a fork's PR must know before any figure: the pull-request run executed the PR's
 * own code (pipelines, stage commands, even the report's builder), so every number is that code's
 * claim. The privileged comment job only validated and rendered it.
 */
function forkNotice(fork) {
    return `> [!WARNING]\n> This pull request comes from the fork ${escapeMarkdown(fork)}: the figures below were computed by the pull request's own code, in a run with a read-only token and no secrets, and are shown as that run reported them. Nothing here is verified until the merge reproduces it on \`main\`.\n\n`;
}
/**
 * Renders the report ourselves (every string escaped, within GitHub's comment limit) and keeps it
 * in the PR's one sticky comment. The marker takes its share of the limit.
 */
async function commentReport(client, doc, options) {
    const marker = stickyMarker();
    const body = renderMarkdown(doc, {
        maxChars: 65_536 - marker.length - 1,
        ...(options.fullReport ? { fullReport: options.fullReport } : {}),
        ...(options.fork ? { prefix: forkNotice(options.fork) } : {}),
    });
    return upsertStickyComment(client, {
        owner: options.owner,
        repo: options.repo,
        issueNumber: options.issueNumber,
        marker,
        ...(options.author ? { author: options.author } : {}),
    }, body);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/retrain-pull-request.js

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
        throw new MlopsError("usage", `the retrain pull request body has ${options.body.length} characters`, {
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
        throw new MlopsError("remote", `GitHub refused to open a pull request from ${options.head} into ${options.base}`, {
            hint: `push the branch ${options.head} first, and check that ${options.base} exists and differs from it`,
            cause: err,
        });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/github/run-context.js
// Nothing here loads octokit: the registry commands read the run's URL from it on every start.

/** The repository a workflow runs in, from `GITHUB_REPOSITORY`. */
function repositoryOf(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo) {
        throw new MlopsError("usage", "GITHUB_REPOSITORY is not set", {
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

/***/ 20990:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseUntrustedReport: () => (/* binding */ parseUntrustedReport)
});

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/document.js

/**
 * The report as data: built by `mlops report` (and the PR workflow's unprivileged job), uploaded as
 * an artifact, and rendered by whoever shows it. The privileged comment job treats it as untrusted
 * input from PR code, so every string and list here is bounded: a report that does not fit is
 * refused, never truncated into something else.
 */
const document_text = (max) => schemas/* string */.YjP().max(max, `expected at most ${max} characters`);
const document_name = document_text(200);
const scalar = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP().max(500), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
const sha = schemas/* string */.YjP().regex(/^[0-9a-f]{7,64}(\.dir)?$/, "expected a hex hash");
const metricRow = schemas/* strictObject */.rej({
    file: document_name,
    metric: document_name,
    head: scalar,
    base: scalar.optional(),
    /** What the stages' models score, evaluated on the same data as the candidate when a model card says so. */
    staging: schemas/* number */.aig().nullable().optional(),
    prod: schemas/* number */.aig().nullable().optional(),
    direction: schemas/* enum */.k5n(["higher", "lower"]).nullable().optional(),
});
const gateRow = schemas/* strictObject */.rej({
    model: document_name,
    stage: document_name,
    gate: document_text(300),
    passed: schemas/* boolean */.zMY(),
    detail: document_text(1000),
});
const paramRow = schemas/* strictObject */.rej({
    file: document_name,
    key: document_name,
    base: scalar.optional(),
    head: scalar.optional(),
});
const dataRow = schemas/* strictObject */.rej({
    dataset: document_name,
    path: document_name,
    base: sha.nullable(),
    head: sha.nullable(),
    base_size: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    head_size: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    base_rows: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    head_rows: schemas/* number */.aig().int().nonnegative().nullable().optional(),
    /** Why a figure is missing: new data, base data not fetchable, no schema for a drift test. */
    note: document_text(300).optional(),
});
const driftColumn = schemas/* strictObject */.rej({
    column: document_name,
    method: schemas/* enum */.k5n(["ks", "psi", "chi2"]),
    statistic: schemas/* number */.aig(),
    threshold: schemas/* number */.aig(),
    pvalue: schemas/* number */.aig().nullable(),
    drifted: schemas/* boolean */.zMY(),
});
/** The head's data against the base's, for each dataset the change touched that has a schema. */
const driftSection = schemas/* strictObject */.rej({
    dataset: document_name,
    reference: document_name,
    drifted: schemas/* boolean */.zMY(),
    alpha: schemas/* number */.aig(),
    columns: schemas/* array */.YOg(driftColumn).max(100, "expected at most 100 columns per dataset"),
});
const validationRow = schemas/* strictObject */.rej({
    pipeline: document_name,
    file: document_name,
    dataset: document_name,
    ok: schemas/* boolean */.zMY(),
    rows: schemas/* number */.aig().int().nonnegative().nullable(),
    errors: schemas/* number */.aig().int().nonnegative(),
    warnings: schemas/* number */.aig().int().nonnegative(),
    findings: schemas/* array */.YOg(schemas/* strictObject */.rej({
        severity: schemas/* enum */.k5n(["error", "warn"]),
        check: document_name,
        column: document_name.nullable(),
        message: document_text(1000),
    }))
        .max(50, "expected at most 50 findings per dataset"),
});
const confusion = schemas/* strictObject */.rej({
    file: document_name,
    labels: schemas/* array */.YOg(document_name).max(100, "expected at most 100 classes"),
    matrix: schemas/* array */.YOg(schemas/* array */.YOg(schemas/* number */.aig().int().nonnegative()).max(100)).max(100),
});
const residuals = schemas/* strictObject */.rej({
    file: document_name,
    count: schemas/* number */.aig().int().nonnegative(),
    mean: schemas/* number */.aig(),
    /** Histogram of residuals: `edges` has one more entry than `counts`. */
    edges: schemas/* array */.YOg(schemas/* number */.aig()).max(101),
    counts: schemas/* array */.YOg(schemas/* number */.aig().int().nonnegative()).max(100),
});
/** The most points a curve keeps in the report; curves are thinned to this, keeping both ends. */
const maxCurvePoints = 100;
/** The most (actual, predicted) rows a regression series keeps, evenly spaced over the data. */
const maxScatterPoints = 300;
const pair = schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig()]);
/** One class's curves, one-vs-rest, for one model. */
const classCurves = schemas/* strictObject */.rej({
    class: document_name,
    /** [false positive rate, true positive rate], from (0, 0) to (1, 1); empty when the class has one side only. */
    roc: schemas/* array */.YOg(pair).max(maxCurvePoints),
    /** [recall, precision], from (0, 1) to recall 1; empty when the class has no positives. */
    precision_recall: schemas/* array */.YOg(pair).max(maxCurvePoints),
    /** [mean predicted probability, fraction positive, rows] per non-empty bin, ascending. */
    calibration: schemas/* array */.YOg(schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig(), schemas/* number */.aig().int().nonnegative()])).max(100),
});
/** One model's curves on the shared data: "this PR", "base", "staging v1.2.0", … */
const curveSeries = schemas/* strictObject */.rej({
    label: document_name,
    classes: schemas/* array */.YOg(classCurves).max(20).optional(),
    /** Regression: [actual, predicted] rows; residuals are actual − predicted of the same rows. */
    points: schemas/* array */.YOg(pair).max(maxScatterPoints).optional(),
});
/** Curves of every model a pipeline's model card compares, all evaluated on the card's evaluation data. */
const curveSet = schemas/* strictObject */.rej({
    model: document_name,
    task: schemas/* enum */.k5n(["classification", "regression"]),
    data: document_name,
    rows: schemas/* number */.aig().int().nonnegative(),
    series: schemas/* array */.YOg(curveSeries).max(6),
    /** Why a model has no series (not in the store, failed to evaluate). */
    notes: schemas/* array */.YOg(document_text(300)).max(10),
});
/** One point of a declared sweep: the values of the swept keys (in `keys` order) and its metric. */
const sweepPoint = schemas/* strictObject */.rej({
    name: document_name,
    values: schemas/* array */.YOg(scalar).max(20),
    /** The sweep's metric for this point; null when the point has none (no such metric, not a number). */
    metric: schemas/* number */.aig().nullable(),
});
/**
 * The sweep a pipeline declares, as this run ran it. The best point is not stored: whoever renders
 * it picks it from the numbers and the direction, so an artifact cannot claim a best it lacks.
 */
const sweepSection = schemas/* strictObject */.rej({
    /** pipeline.yaml, where the sweep is declared. */
    file: document_name,
    keys: schemas/* array */.YOg(document_name).max(20),
    metric: document_name.nullable(),
    direction: schemas/* enum */.k5n(["higher", "lower"]).nullable(),
    /** Points the sweep declares; fewer in `points` means some failed (the job log says why). */
    declared: schemas/* number */.aig().int().nonnegative().max(1000),
    points: schemas/* array */.YOg(sweepPoint).max(100),
});
const pipelineSection = schemas/* strictObject */.rej({
    pipeline: document_name,
    metrics: schemas/* array */.YOg(metricRow).max(500),
    params: schemas/* array */.YOg(paramRow).max(500),
    gates: schemas/* array */.YOg(gateRow).max(200),
    validation: schemas/* array */.YOg(validationRow).max(50),
    confusion: schemas/* array */.YOg(confusion).max(10),
    residuals: schemas/* array */.YOg(residuals).max(10),
    /** Absent in reports made before curves were drawn. */
    curves: schemas/* array */.YOg(curveSet).max(10).optional(),
    /** Absent when the pipeline declares no sweep (and in reports made before sweeps ran in PRs). */
    sweep: sweepSection.optional(),
});
const reportDocument = schemas/* strictObject */.rej({
    schema: schemas/* literal */.euz("mlops-report/1", { error: "expected schema 'mlops-report/1'" }),
    head: schemas/* strictObject */.rej({ ref: document_name, sha: sha.nullable() }),
    base: schemas/* strictObject */.rej({ ref: document_name, sha: sha.nullable() }),
    data: schemas/* array */.YOg(dataRow).max(200),
    drift: schemas/* array */.YOg(driftSection).max(50).default([]),
    pipelines: schemas/* array */.YOg(pipelineSection).max(50),
});
/** The largest report artifact the comment job accepts, in bytes. */
const maxReportBytes = 1_000_000;

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/untrusted.js


/**
 * A report document from an artifact that PR code produced: refused unless it is small enough,
 * valid JSON and valid against the schema (every string and list bounded). Nothing from it is
 * rendered except through the escaping renderers.
 */
function parseUntrustedReport(bytes, source) {
    if (bytes.byteLength > maxReportBytes) {
        throw new errors/* MlopsError */.IC("invalid-file", `the report is ${bytes.byteLength} bytes, more than the ${maxReportBytes} accepted`, {
            file: source,
        });
    }
    let value;
    try {
        value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `the report is not valid UTF-8 JSON: ${err.message}`, {
            file: source,
        });
    }
    const parsed = reportDocument.safeParse(value);
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
        throw new errors/* MlopsError */.IC("invalid-file", `the report does not match mlops-report/1: ${issues.join("; ")}`, {
            file: source,
            field: parsed.error.issues[0]?.path.join("."),
        });
    }
    return parsed.data;
}


/***/ })

};
