export const id = 923;
export const ids = [923];
export const modules = {

/***/ 80923:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assignOptions: () => (/* reexport */ assignOptions),
  commitOf: () => (/* reexport */ commitOf),
  currentAssignment: () => (/* reexport */ currentAssignment),
  defaultImageRepository: () => (/* reexport */ defaultImageRepository),
  describeShadowSources: () => (/* reexport */ describeShadowSources),
  githubContainerRegistry: () => (/* reexport */ githubContainerRegistry),
  imagePublisher: () => (/* reexport */ imagePublisher),
  imageReference: () => (/* reexport */ imageReference),
  imageSettings: () => (/* reexport */ imageSettings),
  isAncestor: () => (/* reexport */ isAncestor),
  modelState: () => (/* reexport */ model_state/* modelState */.z),
  parsePromotionLines: () => (/* reexport */ parsePromotionLines),
  parseShadowSummary: () => (/* reexport */ parseShadowSummary),
  promoteMerged: () => (/* reexport */ promoteMerged),
  promotionLine: () => (/* reexport */ promotionLine),
  promotionSummary: () => (/* reexport */ promotionSummary),
  publishReleasePage: () => (/* reexport */ publishReleasePage),
  readShadowSummaries: () => (/* reexport */ readShadowSummaries),
  recordPromotionDeployments: () => (/* reexport */ recordPromotionDeployments),
  releaseToProd: () => (/* reexport */ releaseToProd),
  retrainAndOpenPullRequest: () => (/* reexport */ retrainAndOpenPullRequest),
  retrainOnDrift: () => (/* reexport */ retrainOnDrift),
  retrainTitle: () => (/* reexport */ retrainTitle),
  rollbackStage: () => (/* reexport */ rollbackStage),
  runProvenance: () => (/* reexport */ runProvenance),
  shadowGateProblem: () => (/* reexport */ shadowGateProblem),
  stageTarget: () => (/* reexport */ stageTarget),
  versionManifest: () => (/* reexport */ model_state/* versionManifest */.K)
});

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/deployment.js
var deployment = __webpack_require__(80268);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/deployments.js

/**
 * One GitHub Deployment per model a promotion put in (or found in) its stage, on the commit the
 * version was built from, with the stage tag and image in the payload. A refused model was not
 * deployed. Several models in one environment do not retire each other's deployments.
 */
async function recordPromotionDeployments(client, options) {
    const live = options.lines.filter((r) => r.status === "promoted" || r.status === "unchanged");
    const perEnvironment = new Map();
    for (const r of live)
        perEnvironment.set(r.environment, (perEnvironment.get(r.environment) ?? 0) + 1);
    const out = [];
    for (const r of live) {
        const recorded = await (0,deployment/* recordDeployment */.d)(client, {
            owner: options.owner,
            repo: options.repo,
            sha: r.commit,
            ...(options.ref ? { ref: options.ref } : {}),
            environment: r.environment,
            payload: {
                model: r.model,
                version: r.version,
                stage: r.stage,
                stage_tag: r.tag ?? null,
                image_digest: r.image_digest ?? null,
                image: r.image_reference ?? null,
                // The desired state Argo CD or Flux syncs: the environments-branch commit with the manifests.
                manifests_commit: r.manifests?.commit ?? null,
                manifests_branch: r.manifests?.branch ?? null,
                manifests_path: r.manifests?.directory ?? null,
            },
            description: `${r.model} ${r.version} to ${r.stage}`,
            statusDescription: `${r.model} ${r.version}${r.image_digest ? ` (${r.image_digest.slice(0, 19)}…)` : ""}`,
            ...(options.runUrl ? { logUrl: options.runUrl } : {}),
            ...(r.environment_url ? { environmentUrl: r.environment_url } : {}),
            autoInactive: (perEnvironment.get(r.environment) ?? 0) <= 1,
        });
        out.push({
            model: r.model,
            version: r.version,
            environment: r.environment,
            deployment_id: recorded.deploymentId,
            status_id: recorded.statusId,
            created: recorded.created,
        });
    }
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var src_git = __webpack_require__(51865);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/branch.js







/** A racing writer makes our push non-fast-forward; each retry renders again on the new tip. */
const maxPushAttempts = 8;
const identity = {
    GIT_AUTHOR_NAME: "mlops",
    GIT_AUTHOR_EMAIL: "mlops@localhost",
    GIT_COMMITTER_NAME: "mlops",
    GIT_COMMITTER_EMAIL: "mlops@localhost",
};
/** URLs (`scheme://`, scp-like `user@host:path`) pass unchanged; a path is made absolute. */
function absoluteGitUrl(location, base) {
    if (location.includes("://") || /^[^/]+:/.test(location))
        return location;
    return (0,external_node_path_.isAbsolute)(location) ? location : (0,external_node_path_.resolve)(base, location);
}
/** The environments branch the config names: in `deploy.repository`, else in the repository's origin. */
async function branch_environmentsBranch(layout, config, token) {
    let url;
    if (config.settings.repository)
        url = absoluteGitUrl(config.settings.repository, layout.root);
    else {
        const origin = await (0,src_git/* gitCapture */.RL)(["remote", "get-url", "origin"], { cwd: layout.root });
        if (origin.code !== 0 || !origin.stdout.trim()) {
            throw new errors/* MlopsError */.IC("not-found", `the environments branch '${config.settings.branch}' lives in the repository's origin, and ${layout.root} has none`, {
                file: ".mlops/config.yaml",
                field: "deploy.repository",
                hint: "name the repository in deploy.repository",
            });
        }
        url = absoluteGitUrl(origin.stdout.trim(), layout.root);
    }
    const isHttp = /^https?:\/\//i.test(url);
    const key = (0,external_node_crypto_.createHash)("sha256").update(`${url}\n${config.settings.branch}`).digest("hex").slice(0, 16);
    return {
        branch: config.settings.branch,
        path: config.settings.path,
        url,
        env: (0,src_git/* remoteEnv */._D)({ remote: url, ...(token && isHttp ? { token } : {}) }),
        mirrorDir: (0,external_node_path_.join)(layout.stateDir, "environments", `${key}.git`),
    };
}
async function mirror(target) {
    const dir = target.mirrorDir;
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, "HEAD"))) {
        await (0,promises_.mkdir)(dir, { recursive: true });
        await (0,src_git/* git */.$Y)(["init", "--quiet", "--bare", dir], { cwd: dir });
    }
    return dir;
}
function describe(url) {
    return url.replace(/\/\/[^/@]*@/, "//");
}
/** Fetches the branch's tip into a ref of its own (several writers may share the mirror). */
async function fetchTip(target, dir) {
    const ref = `refs/mlops/env-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`;
    const fetched = await (0,src_git/* gitCapture */.RL)([
        "--git-dir",
        dir,
        "fetch",
        "--quiet",
        "--no-tags",
        "--depth=1",
        target.url,
        `+refs/heads/${target.branch}:${ref}`,
    ], { cwd: dir, env: target.env });
    if (fetched.code !== 0) {
        if (/couldn't find remote ref/i.test(fetched.stderr))
            return { commit: undefined, tree: undefined };
        throw new errors/* MlopsError */.IC("remote", `could not fetch the environments branch '${target.branch}' of ${describe(target.url)}: ${(0,src_git/* gitStderrTail */.jP)(fetched.stderr)}`, { hint: "check the repository URL and that the token may read it (MLOPS_GIT_TOKEN)" });
    }
    try {
        const commit = (await (0,src_git/* git */.$Y)(["--git-dir", dir, "rev-parse", `${ref}^{commit}`], { cwd: dir })).trim();
        const tree = (await (0,src_git/* git */.$Y)(["--git-dir", dir, "rev-parse", `${commit}^{tree}`], { cwd: dir })).trim();
        return { commit, tree };
    }
    finally {
        await (0,src_git/* gitRaw */.Pm)(["--git-dir", dir, "update-ref", "-d", ref], { cwd: dir, okCodes: [1] });
    }
}
/** The tip's tree with `<path>/<environment>/` replaced by the rendering, built in a private index. */
async function stageTree(target, dir, base, rendered) {
    const prefix = `${target.path}/${rendered.environment}/`;
    const index = (0,external_node_path_.join)(dir, `mlops-index-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
    const env = { GIT_INDEX_FILE: index };
    try {
        await (0,src_git/* git */.$Y)(["--git-dir", dir, "read-tree", ...(base.tree ? [base.tree] : ["--empty"])], { cwd: dir, env });
        const lines = [];
        if (base.tree) {
            const listing = await (0,src_git/* git */.$Y)(["--git-dir", dir, "ls-tree", "-r", "-z", "--name-only", base.tree, "--", prefix], {
                cwd: dir,
            });
            for (const path of listing.split("\0").filter(Boolean)) {
                lines.push(`0 0000000000000000000000000000000000000000\t${path}`);
            }
        }
        for (const file of rendered.files) {
            const blob = (await (0,src_git/* git */.$Y)(["--git-dir", dir, "hash-object", "-w", "--stdin"], { cwd: dir, input: file.text })).trim();
            lines.push(`100644 blob ${blob}\t${prefix}${file.path}`);
        }
        await (0,src_git/* git */.$Y)(["--git-dir", dir, "update-index", "--index-info"], {
            cwd: dir,
            env,
            input: `${lines.join("\n")}\n`,
        });
        return (await (0,src_git/* git */.$Y)(["--git-dir", dir, "write-tree"], { cwd: dir, env })).trim();
    }
    finally {
        await (0,promises_.rm)(index, { force: true });
    }
}
function commitMessage(rendered, reason) {
    const models = rendered.models.map((m) => `${m.model} ${m.version}`).join(", ") || "no models";
    const body = rendered.models.map((m) => `- ${m.model} ${m.version}: ${m.image} (${m.tag})`);
    return [
        `${rendered.environment}: ${models}`,
        "",
        `Rendered by mlops from the registry (stage ${rendered.stage})${reason ? `: ${reason}` : ""}.`,
        ...(body.length ? ["", ...body] : []),
        "",
    ].join("\n");
}
/**
 * Commits an environment's manifests to the environments branch as one commit on top of its tip,
 * without a work tree: `render` gives the desired state, which replaces `<path>/<environment>/`
 * wholly; the same state as the tip commits nothing. A racing writer makes the push
 * non-fast-forward (pushing a ref is atomic, so exactly one wins); the loser fetches the new tip,
 * renders again from the registry as it is now, and pushes again, so neither write is lost and a
 * stale rendering never overwrites a newer one.
 */
async function publishEnvironment(target, render, options = {}) {
    const dir = await mirror(target);
    let lastRefusal = "";
    for (let attempt = 1; attempt <= maxPushAttempts; attempt++) {
        const rendered = await render();
        const base = await fetchTip(target, dir);
        const tree = await stageTree(target, dir, base, rendered);
        const result = {
            environment: rendered.environment,
            stage: rendered.stage,
            branch: target.branch,
            directory: `${target.path}/${rendered.environment}`,
            attempts: attempt,
            models: rendered.models,
        };
        if (tree === base.tree)
            return { ...result, commit: base.commit, created: false };
        const commit = (await (0,src_git/* git */.$Y)(["--git-dir", dir, "commit-tree", tree, ...(base.commit ? ["-p", base.commit] : [])], {
            cwd: dir,
            input: commitMessage(rendered, options.reason),
            env: identity,
        })).trim();
        await options.beforePush?.(attempt);
        // Not forced: the commit's parent is the tip we read, so the push fails unless that is still the tip.
        const pushed = await (0,src_git/* gitCapture */.RL)(["--git-dir", dir, "push", "--porcelain", target.url, `${commit}:refs/heads/${target.branch}`], { cwd: dir, env: target.env });
        if (pushed.code === 0) {
            options.logger?.info(`${result.directory}: committed ${commit.slice(0, 12)} to ${target.branch}`);
            return { ...result, commit, created: true };
        }
        const refusal = pushed.stdout.split("\n").find((line) => line.startsWith("!"));
        if (!refusal ||
            !/fetch first|non-fast-forward|stale info|failed to (update|lock)|cannot lock|expected/.test(refusal)) {
            throw new errors/* MlopsError */.IC("remote", `could not push the environments branch '${target.branch}' to ${describe(target.url)}: ${(0,src_git/* gitStderrTail */.jP)(refusal ?? pushed.stderr)}`, { hint: "check that the token may push (a workflow needs `permissions: contents: write`)" });
        }
        lastRefusal = refusal;
        options.logger?.info(`${target.branch} moved while committing ${result.directory}; rendering again on its tip`);
        await (0,external_node_timers_promises_.setTimeout)(25 * attempt + Math.floor(Math.random() * 50));
    }
    throw new errors/* MlopsError */.IC("conflict", `could not commit to the environments branch '${target.branch}': it kept moving (${maxPushAttempts} attempts; last: ${lastRefusal.trim()})`, { hint: "run the flow again: it renders from the registry, so a rerun completes the work" });
}
/** What the next commit for this environment would change on the branch; nothing is pushed. */
async function branch_diffEnvironment(target, rendered) {
    const dir = await mirror(target);
    const base = await fetchTip(target, dir);
    const tree = await stageTree(target, dir, base, rendered);
    const directory = `${target.path}/${rendered.environment}`;
    const from = base.tree ?? (await git(["--git-dir", dir, "mktree"], { cwd: dir, input: "" })).trim();
    const names = await git(["--git-dir", dir, "diff-tree", "-r", "--name-status", "-z", from, tree, "--", `${directory}/`], {
        cwd: dir,
    });
    const parts = names.split("\0").filter(Boolean);
    const files = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
        const status = parts[i] === "A" ? "added" : parts[i] === "D" ? "deleted" : "modified";
        files.push({ path: parts[i + 1], status });
    }
    const patch = await git(["--git-dir", dir, "diff-tree", "-p", "--no-color", from, tree, "--", `${directory}/`], {
        cwd: dir,
    });
    return {
        environment: rendered.environment,
        stage: rendered.stage,
        branch: target.branch,
        directory,
        base: base.commit,
        changed: files.length > 0,
        files,
        patch,
    };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/index.js + 3 modules
var manifest = __webpack_require__(42296);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/repo-config.js
var repo_config = __webpack_require__(17204);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/index.js + 7 modules
var registry = __webpack_require__(12529);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/model-files.js
var model_files = __webpack_require__(28396);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/refs.js
var refs = __webpack_require__(79949);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/config.js
var tracking_config = __webpack_require__(87699);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/observability.js
/**
 * Alerts and dashboards as code, rendered per model and environment beside its manifests
 * (`<model>/observability/`): Prometheus recording and alerting rules in the plain rules-file form
 * `promtool` and a bare Prometheus read (`rules.yaml`), the same groups as a PrometheusRule for the
 * Prometheus Operator, a PodMonitor that scrapes the server's /metrics and labels its series with
 * the model and environment the rules select on, and a Grafana dashboard (a ConfigMap in the shape
 * Grafana's dashboard sidecar loads) whose every panel queries a metric the server exports.
 *
 * Every series is selected by the two target labels the PodMonitor sets, `mlops_model` and
 * `mlops_environment`; a Prometheus scraping the server some other way sets them in its scrape
 * config (docs/serving.md shows one).
 */

/** render.ts's YAML layout (that module imports this one, so the one-liner is repeated, not imported). */
function manifestYaml(value) {
    return (0,dist/* stringify */.As)(value, { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false });
}
/** The default PSI above which a feature's live input drift alerts (`mlops drift`'s PSI threshold). */
const driftPsiThreshold = 0.2;
const alertNames = {
    errorRatio: "MlopsModelErrorRatioHigh",
    latency: "MlopsModelLatencyP99High",
    noTraffic: "MlopsModelNoTraffic",
    wrongVersion: "MlopsModelWrongVersion",
    inputDrift: "MlopsModelInputDrift",
};
/** What a cluster gets: rates over 5 minutes, and conditions that must last before they page. */
const defaultAlertTiming = {
    rateWindow: "5m",
    for: {
        MlopsModelErrorRatioHigh: "5m",
        MlopsModelLatencyP99High: "10m",
        MlopsModelNoTraffic: "5m",
        MlopsModelWrongVersion: "10m",
        MlopsModelInputDrift: "15m",
    },
};
/** The target labels the PodMonitor adds to every scraped series, which every rule selects on. */
const targetLabels = { model: "mlops_model", environment: "mlops_environment" };
/** The recording rules' names (level:metric:operations, Prometheus' naming convention). */
const recordNames = {
    requestRate: "mlops_model:inference_requests:rate",
    errorRatio: "mlops_model:inference_errors:ratio_rate",
    latencyP99: "mlops_model:inference_latency_seconds:p99",
    driftPsi: "mlops_model:input_drift_psi:max",
};
/** A share as people read it: 0.05 → 5%, 0.000123 → 0.0123%. */
function percent(x) {
    return `${Number((x * 100).toPrecision(3))}%`;
}
function selector(d, extra = "") {
    const base = `${targetLabels.model}="${d.model}",${targetLabels.environment}="${d.environment}"`;
    return `{${base}${extra ? `,${extra}` : ""}}`;
}
const inference = 'route=~"infer|predict"';
const by = `${targetLabels.model}, ${targetLabels.environment}`;
/** The recording and alerting rules of one model in one environment. */
function alertRuleGroups(d, timing = defaultAlertTiming) {
    const a = d.settings.alerts;
    const w = timing.rateWindow;
    const s = selector(d);
    // The series carry mlops_model and mlops_environment already; `model` and `version` are the
    // served model's own labels (the wrong-version alert shows them), so the rule does not set them.
    const labels = { severity: "page", stage: d.stage };
    const ticket = { ...labels, severity: "ticket" };
    const where = `${d.model} in ${d.environment}`;
    const latencySeconds = a.latency_p99_ms / 1000;
    const recording = [
        {
            record: recordNames.requestRate,
            expr: `sum by (${by}) (rate(mlops_serve_requests_total${selector(d, inference)}[${w}]))`,
        },
        {
            record: recordNames.errorRatio,
            expr: `sum by (${by}) (rate(mlops_serve_requests_total${selector(d, `${inference},status!~"2.."`)}[${w}])) / sum by (${by}) (rate(mlops_serve_requests_total${selector(d, inference)}[${w}]))`,
        },
        {
            record: recordNames.latencyP99,
            expr: `histogram_quantile(0.99, sum by (${by}, le) (rate(mlops_serve_request_duration_seconds_bucket${selector(d, inference)}[${w}])))`,
        },
        {
            record: recordNames.driftPsi,
            // Each pod has its own window; the worst pod's PSI per feature, where its window is full enough.
            expr: `max by (${by}, feature) (mlops_serve_input_drift_psi${s}) and on (${by}, feature) sum by (${by}, feature) (mlops_serve_input_drift_window_rows${s}) >= ${a.drift_min_rows}`,
        },
    ];
    const alerts = [
        {
            alert: alertNames.errorRatio,
            expr: `${recordNames.errorRatio}${s} > ${a.error_ratio}`,
            for: timing.for.MlopsModelErrorRatioHigh,
            labels,
            annotations: {
                summary: `${where}: more than ${percent(a.error_ratio)} of inference requests fail`,
                description: `{{ $value | humanizePercentage }} of ${d.model}'s inference requests in ${d.environment} were not answered 2xx over the last ${w} (alert above ${percent(a.error_ratio)}).`,
            },
        },
        {
            alert: alertNames.latency,
            expr: `${recordNames.latencyP99}${s} > ${latencySeconds}`,
            for: timing.for.MlopsModelLatencyP99High,
            labels,
            annotations: {
                summary: `${where}: p99 latency above the ${a.latency_p99_ms} ms target`,
                description: `The p99 of ${d.model}'s inference requests in ${d.environment} is {{ $value | humanizeDuration }} over the last ${w}; the model card's target is ${a.latency_p99_ms} ms.`,
            },
        },
        {
            alert: alertNames.noTraffic,
            // Up and serving (its model gauge is there) but not one inference request in the window.
            expr: `max by (${by}) (mlops_serve_model_info${s}) unless on (${by}) sum by (${by}) (increase(mlops_serve_requests_total${selector(d, inference)}[${a.no_traffic_minutes}m])) > 0`,
            for: timing.for.MlopsModelNoTraffic,
            labels: ticket,
            annotations: {
                summary: `${where}: no inference requests for ${a.no_traffic_minutes} minutes`,
                description: `${d.model} in ${d.environment} is up but answered no inference request in the last ${a.no_traffic_minutes} minutes: check the clients and the routing in front of it.`,
            },
        },
        {
            alert: alertNames.wrongVersion,
            expr: `count by (${by}, model, version) (mlops_serve_model_info${s} unless mlops_serve_model_info${selector(d, `model="${d.model}",version="${d.version}"`)}) > 0`,
            for: timing.for.MlopsModelWrongVersion,
            labels,
            annotations: {
                summary: `${where} serves a version other than ${d.stage}'s ${d.version}`,
                description: `A server of ${d.model} in ${d.environment} serves {{ $labels.model }} {{ $labels.version }}, but stage ${d.stage} holds ${d.version}: a rollout is stuck or the cluster drifted from the environments branch.`,
            },
        },
        {
            alert: alertNames.inputDrift,
            expr: `${recordNames.driftPsi}${s} > ${a.drift_psi}`,
            for: timing.for.MlopsModelInputDrift,
            labels: ticket,
            annotations: {
                summary: `${where}: input drift on {{ $labels.feature }}`,
                description: `The PSI of ${d.model}'s recent '{{ $labels.feature }}' inputs in ${d.environment} against the training reference is {{ $value }} (alert above ${a.drift_psi}). \`mlops monitor ${d.model}#${d.stage}\` tests a snapshot for retraining.`,
            },
        },
    ];
    return [
        { name: `mlops-${d.model}-${d.environment}-recording`, rules: recording },
        { name: `mlops-${d.model}-${d.environment}-alerts`, rules: alerts },
    ];
}
/** The rules in the file form `promtool check rules` and Prometheus' `rule_files` read. */
function rulesFile(d, timing = defaultAlertTiming) {
    return manifestYaml({ groups: alertRuleGroups(d, timing) });
}
const stableLabels = (d) => ({
    "app.kubernetes.io/name": d.model,
    "app.kubernetes.io/component": "model-server",
    "app.kubernetes.io/managed-by": "mlops",
});
function prometheusRule(d) {
    return {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PrometheusRule",
        metadata: { name: d.model, labels: stableLabels(d) },
        spec: { groups: alertRuleGroups(d) },
    };
}
/**
 * A PodMonitor, not a ServiceMonitor: it finds the server's pods whether a Deployment or KServe
 * runs them (KServe makes its own Services), by the pod port named `http`.
 */
function podMonitor(d) {
    const pods = d.kind === "kserve"
        ? { "serving.kserve.io/inferenceservice": d.model }
        : { "app.kubernetes.io/name": d.model, "app.kubernetes.io/component": "model-server" };
    return {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name: d.model, labels: stableLabels(d) },
        spec: {
            selector: { matchLabels: pods },
            podMetricsEndpoints: [
                {
                    port: "http",
                    path: "/metrics",
                    interval: "15s",
                    relabelings: [
                        { targetLabel: targetLabels.model, replacement: d.model },
                        { targetLabel: targetLabels.environment, replacement: d.environment },
                    ],
                },
            ],
        },
    };
}
/** The dashboard's panels: each queries metrics `mlops serve` exports (test/observability.test.ts checks). */
function panels(d) {
    const s = selector(d);
    const w = "$__rate_interval";
    const inf = selector(d, inference);
    return [
        {
            title: "Inference requests per second",
            description: "Answered requests by route and status code",
            unit: "reqps",
            queries: [
                {
                    expr: `sum by (route, status) (rate(mlops_serve_requests_total${inf}[${w}]))`,
                    legend: "{{route}} {{status}}",
                },
            ],
        },
        {
            title: "Error ratio",
            description: `Share of inference requests not answered 2xx (alert above ${percent(d.settings.alerts.error_ratio)})`,
            unit: "percentunit",
            queries: [
                {
                    expr: `sum(rate(mlops_serve_requests_total${selector(d, `${inference},status!~"2.."`)}[${w}])) / sum(rate(mlops_serve_requests_total${inf}[${w}]))`,
                    legend: "error ratio",
                },
            ],
        },
        {
            title: "Latency",
            description: `p50 and p99 of inference requests (target p99 ${d.settings.alerts.latency_p99_ms} ms)`,
            unit: "s",
            queries: [0.5, 0.99].map((q) => ({
                expr: `histogram_quantile(${q}, sum by (le) (rate(mlops_serve_request_duration_seconds_bucket${inf}[${w}])))`,
                legend: `p${q * 100}`,
            })),
        },
        {
            title: "Errors by kind",
            description: "Requests that ended in an error, by route and kind (validation, too-large, timeout, …)",
            unit: "reqps",
            queries: [
                {
                    expr: `sum by (route, kind) (rate(mlops_serve_errors_total${s}[${w}]))`,
                    legend: "{{route}} {{kind}}",
                },
            ],
        },
        {
            title: "Model runs",
            description: "p99 time of one onnxruntime batch and the mean rows per batch",
            unit: "s",
            queries: [
                {
                    expr: `histogram_quantile(0.99, sum by (le) (rate(mlops_serve_inference_duration_seconds_bucket${s}[${w}])))`,
                    legend: "p99 batch time",
                },
                {
                    expr: `sum(rate(mlops_serve_batch_rows_sum${s}[${w}])) / sum(rate(mlops_serve_batch_rows_count${s}[${w}]))`,
                    legend: "rows per batch",
                },
            ],
        },
        {
            title: "Version served",
            description: `Pods per model version (stage ${d.stage} holds ${d.version})`,
            unit: "short",
            queries: [
                { expr: `count by (model, version) (mlops_serve_model_info${s})`, legend: "{{model}} {{version}}" },
            ],
        },
        {
            title: "Input drift (PSI)",
            description: `PSI of each feature's recent inputs against the training reference (alert above ${d.settings.alerts.drift_psi})`,
            unit: "short",
            queries: [{ expr: `max by (feature) (mlops_serve_input_drift_psi${s})`, legend: "{{feature}}" }],
        },
        {
            title: "Input window by bin",
            description: "Rows of the drift window per feature and reference bin, beside the reference's",
            unit: "short",
            kind: "table",
            queries: [
                { expr: `sum by (feature, bin) (mlops_serve_input_drift_window_rows${s})`, legend: "window" },
                { expr: `max by (feature, bin) (mlops_serve_input_drift_reference_rows${s})`, legend: "reference" },
            ],
        },
        {
            title: "Input values per second",
            description: "Values seen per feature (missing values in no bin)",
            unit: "short",
            queries: [
                { expr: `sum by (feature) (rate(mlops_serve_input_values_total${s}[${w}]))`, legend: "{{feature}}" },
            ],
        },
        {
            title: "Refused and failed connections",
            description: "Connections dropped at the limit and requests that failed unexpectedly (500)",
            unit: "short",
            queries: [
                { expr: `sum(increase(mlops_serve_dropped_connections_total${s}[${w}]))`, legend: "dropped" },
                { expr: `sum(increase(mlops_serve_unexpected_errors_total${s}[${w}]))`, legend: "unexpected" },
            ],
        },
    ];
}
/** A Grafana dashboard (schema 39) over a Prometheus data source picked from a variable. */
function grafanaDashboard(d) {
    // Grafana's own variable syntax, not a template literal.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana substitutes ${datasource} itself.
    const datasource = { type: "prometheus", uid: "${datasource}" };
    return {
        title: `mlops: ${d.model} (${d.environment})`,
        uid: `mlops-${d.model}-${d.environment}`.slice(0, 40),
        tags: ["mlops", d.model, d.environment],
        timezone: "utc",
        schemaVersion: 39,
        version: 1,
        editable: false,
        refresh: "30s",
        time: { from: "now-6h", to: "now" },
        templating: {
            list: [{ name: "datasource", type: "datasource", query: "prometheus", label: "Prometheus" }],
        },
        panels: panels(d).map((p, i) => ({
            id: i + 1,
            type: p.kind ?? "timeseries",
            title: p.title,
            description: p.description,
            datasource,
            gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
            fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
            targets: p.queries.map((q, k) => ({
                refId: String.fromCharCode(65 + k),
                datasource,
                expr: q.expr,
                legendFormat: q.legend,
                ...(p.kind === "table" ? { format: "table", instant: true } : {}),
            })),
        })),
    };
}
/** Every PromQL expression the dashboard runs. */
function dashboardQueries(dashboard) {
    const list = (dashboard.panels ?? []);
    return list.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ""));
}
function dashboardConfigMap(d) {
    return {
        apiVersion: "v1",
        kind: "ConfigMap",
        // Grafana's dashboard sidecar (kube-prometheus-stack, the grafana chart) loads ConfigMaps so labelled.
        metadata: { name: `${d.model}-dashboard`, labels: { ...stableLabels(d), grafana_dashboard: "1" } },
        data: { [`${d.model}.json`]: `${JSON.stringify(grafanaDashboard(d), null, 2)}\n` },
    };
}
const header = (d) => `# ${d.model} in ${d.environment} (stage ${d.stage}): alerts and dashboard, rendered by mlops from the model card.\n# Do not edit: the next promotion or rollback rewrites it.\n`;
/**
 * The model's observability files, under `<model>/observability/`. Its kustomization lists the
 * Operator's objects and the dashboard; the model's own kustomization includes that directory only
 * when the card sets `deploy.alerts.prometheus_operator` (a cluster without the Operator's CRDs
 * would refuse a PrometheusRule).
 */
function renderObservability(d) {
    const dir = `${d.model}/observability`;
    const objects = [
        ["prometheusrule.yaml", prometheusRule(d)],
        ["podmonitor.yaml", podMonitor(d)],
        ["dashboard.yaml", dashboardConfigMap(d)],
    ];
    return [
        { path: `${dir}/rules.yaml`, text: header(d) + rulesFile(d) },
        ...objects.map(([name, object]) => ({ path: `${dir}/${name}`, text: header(d) + manifestYaml(object) })),
        {
            path: `${dir}/kustomization.yaml`,
            text: header(d) +
                manifestYaml({
                    apiVersion: "kustomize.config.k8s.io/v1beta1",
                    kind: "Kustomization",
                    resources: objects.map(([name]) => name),
                }),
        },
    ];
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/render.js



/** The numeric user the serving image runs as (src/image/serving-image.ts). */
const servingUser = 10001;
/** The path a prediction log on a volume is written to. */
const predictionLogMount = "/var/log/mlops";
const defaultRequests = { cpu: "250m", memory: "256Mi" };
const defaultLimits = { cpu: "1", memory: "512Mi" };
/** Settings as a card without `deploy:` gets them. */
function defaultDeploySettings() {
    return manifest/* modelDeploySettings */.CW.parse({});
}
/**
 * The container's resources: the card's, else the defaults; a limit left out is at least its
 * request (a request of 1Gi with no limit gets a limit of 1Gi, not the 512Mi default below it).
 */
function containerResources(settings) {
    const { requests, limits } = settings.resources;
    const cpu = requests.cpu ?? defaultRequests.cpu;
    const memory = requests.memory ?? defaultRequests.memory;
    return {
        requests: { cpu, memory },
        limits: {
            cpu: limits.cpu ?? ((0,manifest/* cpuMillicores */.O9)(cpu) > (0,manifest/* cpuMillicores */.O9)(defaultLimits.cpu) ? cpu : defaultLimits.cpu),
            memory: limits.memory ??
                ((0,manifest/* memoryBytes */.ZY)(memory) > (0,manifest/* memoryBytes */.ZY)(defaultLimits.memory) ? memory : defaultLimits.memory),
        },
    };
}
/** The labels every object of the model carries; the version only where the pods are. */
function render_stableLabels(model) {
    return {
        "app.kubernetes.io/name": model,
        "app.kubernetes.io/component": "model-server",
        "app.kubernetes.io/managed-by": "mlops",
    };
}
function podLabels(d) {
    return { ...render_stableLabels(d.model), "app.kubernetes.io/version": d.version };
}
/** The server's settings (src/serve/container-main.ts reads them) as container env. */
function serverEnv(d) {
    const s = d.settings;
    const env = [
        { name: "PORT", value: String(s.port) },
        { name: "MLOPS_WORKERS", value: String(s.workers) },
    ];
    if (s.max_batch !== undefined)
        env.push({ name: "MLOPS_MAX_BATCH", value: String(s.max_batch) });
    if (s.max_delay_ms !== undefined)
        env.push({ name: "MLOPS_MAX_DELAY_MS", value: String(s.max_delay_ms) });
    if (s.threads !== undefined)
        env.push({ name: "MLOPS_THREADS", value: String(s.threads) });
    env.push({
        name: "MLOPS_PREDICTION_LOG",
        value: s.prediction_log.claim ? `${predictionLogMount}/predictions.jsonl` : "-",
    });
    env.push({ name: "MLOPS_SAMPLE_RATE", value: String(s.prediction_log.sample_rate) });
    // KServe reads the protocol a custom predictor speaks from this variable (v1 when unset).
    if (d.kind === "kserve")
        env.push({ name: "PROTOCOL", value: "v2" });
    return env;
}
function podSecurityContext() {
    return {
        runAsNonRoot: true,
        runAsUser: servingUser,
        runAsGroup: servingUser,
        seccompProfile: { type: "RuntimeDefault" },
    };
}
function containerSecurityContext() {
    return {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: servingUser,
        runAsGroup: servingUser,
        capabilities: { drop: ["ALL"] },
    };
}
/** The Open Inference Protocol's health routes, which the server answers (src/serve/server.ts). */
function probes(port) {
    return {
        readinessProbe: {
            httpGet: { path: "/v2/health/ready", port },
            periodSeconds: 5,
            timeoutSeconds: 2,
            failureThreshold: 3,
        },
        livenessProbe: {
            httpGet: { path: "/v2/health/live", port },
            initialDelaySeconds: 10,
            periodSeconds: 10,
            timeoutSeconds: 2,
            failureThreshold: 3,
        },
    };
}
function logVolume(d) {
    const claim = d.settings.prediction_log.claim;
    return claim
        ? {
            mounts: [{ name: "prediction-log", mountPath: predictionLogMount }],
            volumes: [{ name: "prediction-log", persistentVolumeClaim: { claimName: claim } }],
        }
        : undefined;
}
function container(d, name, probePort) {
    const volume = logVolume(d);
    return {
        name,
        image: d.image,
        imagePullPolicy: "IfNotPresent",
        ports: [{ name: "http", containerPort: d.settings.port, protocol: "TCP" }],
        env: serverEnv(d),
        resources: containerResources(d.settings),
        ...probes(probePort),
        securityContext: containerSecurityContext(),
        ...(volume ? { volumeMounts: volume.mounts } : {}),
    };
}
function render_deployment(d) {
    const volume = logVolume(d);
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: d.model, labels: podLabels(d) },
        // No `replicas`: the HorizontalPodAutoscaler owns the count, and a GitOps agent syncing a fixed
        // number would undo its scaling on every sync.
        spec: {
            revisionHistoryLimit: 5,
            selector: { matchLabels: { "app.kubernetes.io/name": d.model } },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
            template: {
                metadata: { labels: podLabels(d) },
                spec: {
                    automountServiceAccountToken: false,
                    enableServiceLinks: false,
                    securityContext: podSecurityContext(),
                    terminationGracePeriodSeconds: 30,
                    containers: [container(d, "server", "http")],
                    ...(volume ? { volumes: volume.volumes } : {}),
                },
            },
        },
    };
}
function service(d) {
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: d.model, labels: render_stableLabels(d.model) },
        spec: {
            type: "ClusterIP",
            selector: { "app.kubernetes.io/name": d.model },
            ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
        },
    };
}
function autoscaler(d) {
    return {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        metadata: { name: d.model, labels: render_stableLabels(d.model) },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: d.model },
            minReplicas: d.settings.replicas.min,
            maxReplicas: d.settings.replicas.max,
            metrics: [
                {
                    type: "Resource",
                    resource: {
                        name: "cpu",
                        target: { type: "Utilization", averageUtilization: d.settings.target_cpu_utilization },
                    },
                },
            ],
        },
    };
}
function disruptionBudget(d) {
    return {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: { name: d.model, labels: render_stableLabels(d.model) },
        // At most one pod down at a time for a drain; with one replica a drain may still proceed.
        spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": d.model } } },
    };
}
function inferenceService(d) {
    const volume = logVolume(d);
    return {
        apiVersion: "serving.kserve.io/v1beta1",
        kind: "InferenceService",
        metadata: { name: d.model, labels: podLabels(d) },
        spec: {
            predictor: {
                minReplicas: d.settings.replicas.min,
                maxReplicas: d.settings.replicas.max,
                scaleMetric: "cpu",
                scaleTarget: d.settings.target_cpu_utilization,
                automountServiceAccountToken: false,
                securityContext: podSecurityContext(),
                // KServe's custom predictor: the container it routes to must be named kserve-container;
                // Knative probes the container's one port, so the probes name it by number.
                containers: [container(d, "kserve-container", d.settings.port)],
                ...(volume ? { volumes: volume.volumes } : {}),
            },
        },
    };
}
const render_header = (d) => `# ${d.model} in ${d.environment} (stage ${d.stage}), rendered by mlops from the registry.\n# Do not edit: the next promotion or rollback rewrites it.\n`;
/** YAML with a fixed layout: keys in the order the objects list them, no line folding. */
function render_manifestYaml(value) {
    return (0,dist/* stringify */.As)(value, { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false });
}
/**
 * One model's manifests in one environment, each object in its own file, with a kustomization
 * listing them, and its alerts and dashboard under `observability/`. The same inputs give the same bytes; a new version changes the image line and the
 * version labels, nothing else.
 */
function renderModel(d) {
    const objects = d.kind === "kserve"
        ? [["inferenceservice.yaml", inferenceService(d)]]
        : [
            ["deployment.yaml", render_deployment(d)],
            ["service.yaml", service(d)],
            ["hpa.yaml", autoscaler(d)],
            ["pdb.yaml", disruptionBudget(d)],
        ];
    const files = objects.map(([name, object]) => ({
        path: `${d.model}/${name}`,
        text: render_header(d) + render_manifestYaml(object),
    }));
    // Alerts and the dashboard are always rendered; kustomize applies them only where the cluster
    // has the Prometheus Operator (observability.ts).
    const resources = objects.map(([name]) => name);
    if (d.settings.alerts.prometheus_operator)
        resources.push("observability");
    files.push({
        path: `${d.model}/kustomization.yaml`,
        text: render_header(d) +
            render_manifestYaml({
                apiVersion: "kustomize.config.k8s.io/v1beta1",
                kind: "Kustomization",
                resources,
            }),
    });
    files.push(...renderObservability(d));
    return files;
}
/** The environment's kustomization: every model directory, so `kubectl apply -k` deploys them all. */
function render_renderEnvironmentKustomization(environment, models, namespace) {
    return {
        path: "kustomization.yaml",
        text: `# Every model in ${environment}, rendered by mlops from the registry: kubectl apply -k deploys them all.\n# Do not edit: the next promotion or rollback rewrites it.\n` +
            render_manifestYaml({
                apiVersion: "kustomize.config.k8s.io/v1beta1",
                kind: "Kustomization",
                ...(namespace ? { namespace } : {}),
                resources: [...models].sort(),
            }),
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/environment.js








/**
 * `imageRepository` is where the flow that calls this pushed the images when the config names no
 * repository (on GitHub, the container registry under the repository's own name).
 */
async function environment_deployConfig(layout, imageRepository) {
    const config = await (0,tracking_config/* effectiveConfig */.k3)(layout);
    return {
        enabled: config.deploy !== undefined,
        settings: manifest/* repoDeploySettings */.Zj.parse(config.deploy ?? {}),
        imageRepository: config.images?.repository ?? (imageRepository || undefined),
    };
}
/**
 * The environment a stage deploys to, as a directory name: the GitHub environment the config maps
 * the stage to (`stages.<stage>.environment`), else `staging` / `production`, else the stage.
 */
async function environmentOf(layout, stage) {
    const config = await (0,tracking_config/* effectiveConfig */.k3)(layout);
    const environment = config.stages?.[stage]?.environment ?? repo_config/* defaultStageEnvironments */.eb[stage] ?? stage;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
        throw new errors/* MlopsError */.IC("usage", `environment '${environment}' of stage ${stage} cannot name a directory of manifests`, {
            file: ".mlops/config.yaml",
            field: `stages.${stage}.environment`,
            expected: "letters, digits, '.', '_' and '-'",
        });
    }
    return environment;
}
async function stageHolding(layout, model, stage, tagRemote) {
    const state = await (0,registry/* modelState */.zo)(layout, model, tagRemote);
    const version = state?.current.get(stage);
    const last = state?.stages.get(stage)?.at(-1);
    if (!version || last?.action !== "assign")
        return undefined;
    const text = (await (0,refs/* readAnnotations */.ti)(layout.root, [last.ref.object])).get(last.ref.object);
    if (text === undefined)
        throw new errors/* MlopsError */.IC("not-found", `tag object of ${last.ref.tag} is missing`);
    const assignment = await (0,model_files/* parseStageAnnotation */.PO)(last.ref, text);
    return {
        model,
        version,
        tag: last.ref.tag,
        imageDigest: assignment.image_digest,
        imageRepository: assignment.image_repository,
    };
}
function deploymentOf(card, holding, stage, environment, config) {
    if (!holding.imageDigest) {
        throw new errors/* MlopsError */.IC("refused", `${card.name} ${stage} holds ${holding.version} (tag ${holding.tag}), which records no image digest: its manifests cannot pin an image; nothing was rendered or committed`, {
            hint: "set images.repository in .mlops/config.yaml so the merge flow builds and pushes the image, or assign with `mlops promote … --image-digest sha256:…`",
        });
    }
    // The tag's own record wins: a digest only exists in the repository it was pushed to.
    const repository = holding.imageRepository ?? config.imageRepository;
    if (!repository) {
        throw new errors/* MlopsError */.IC("usage", "the manifests name the serving image, and no image repository is set", {
            file: ".mlops/config.yaml",
            field: "images.repository",
            expected: "host/path like ghcr.io/owner/repo",
        });
    }
    return {
        model: card.name,
        version: holding.version,
        stage,
        environment,
        image: `${repository}/${card.name}@${holding.imageDigest}`,
        kind: card.deploy?.kind ?? config.settings.kind,
        settings: card.deploy ?? defaultDeploySettings(),
    };
}
/**
 * An environment's desired state, from the registry alone: for every model whose stage holds a
 * version, its manifests pinned to the image digest the stage tag records, and a kustomization
 * listing every model. A model named in `models` that holds nothing, or any holding without an
 * image digest, refuses the whole rendering.
 */
async function environment_renderEnvironment(layout, stage, options = {}) {
    const config = await environment_deployConfig(layout, options.imageRepository);
    const environment = await environmentOf(layout, stage);
    const cards = options.models
        ? await Promise.all(options.models.map((name) => (0,registry.loadModelCard)(layout, name)))
        : (await (0,registry.loadModelCards)(layout)).filter((card) => card.stages.includes(stage));
    const models = [];
    const files = [];
    for (const card of [...cards].sort((a, b) => a.name.localeCompare(b.name))) {
        if (!card.stages.includes(stage)) {
            throw new errors/* MlopsError */.IC("usage", `'${stage}' is not a stage of ${card.name}`, {
                file: `models/${card.name}/model.yaml`,
                field: "stages",
                expected: `one of: ${card.stages.join(", ")}`,
            });
        }
        const holding = await stageHolding(layout, card.name, stage, options.tagRemote);
        if (!holding) {
            if (options.models) {
                throw new errors/* MlopsError */.IC("not-found", `${card.name} holds nothing in ${stage}; there is nothing to render`, {
                    hint: `promote a version first: mlops promote ${card.name} vX.Y.Z --to ${stage}`,
                });
            }
            continue;
        }
        const deployment = deploymentOf(card, holding, stage, environment, config);
        models.push({ ...holding, image: deployment.image });
        files.push(...renderModel(deployment));
    }
    files.push(render_renderEnvironmentKustomization(environment, models.map((m) => m.model), config.settings.namespace));
    return { stage, environment, models, files };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/publish.js



/**
 * What the flows call after changing a stage: commits the stage's environment, rendered from the
 * registry, to the environments branch. Undefined when the repo config has no `deploy:` (the repo
 * does not keep manifests). Each attempt renders from the registry as the tag remote has it then.
 */
async function commitEnvironment(layout, stage, options = {}) {
    const config = await environment_deployConfig(layout, options.imageRepository);
    if (!config.enabled)
        return undefined;
    const target = await branch_environmentsBranch(layout, config, options.token ?? options.tagRemote?.token);
    return publishEnvironment(target, () => environment_renderEnvironment(layout, stage, {
        ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
        ...(options.imageRepository ? { imageRepository: options.imageRepository } : {}),
    }), {
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.beforePush ? { beforePush: options.beforePush } : {}),
    });
}
/** `mlops deploy diff`: what committing the stage's environment now would change. */
async function stageDiff(layout, stage, options = {}) {
    const config = await deployConfig(layout);
    const target = await environmentsBranch(layout, config, options.token ?? options.tagRemote?.token);
    const rendered = await renderEnvironment(layout, stage, options.tagRemote ? { tagRemote: options.tagRemote } : {});
    return diffEnvironment(target, rendered);
}
/**
 * A flow about to change a stage checks first that the environment's manifests can follow: with
 * `deploy:` configured, the stage's versions need image digests, which a merge gets only from an
 * image repository. Refusing here leaves the registry and the branch as they were.
 */
async function requireDeployable(layout, what) {
    const config = await environment_deployConfig(layout, what.imageRepository);
    if (!config.enabled)
        return;
    if (!what.imagesConfigured || !config.imageRepository) {
        throw new errors/* MlopsError */.IC("usage", `${what.stage}'s manifests pin the serving image by digest, and no image repository is set: nothing was registered, promoted or committed`, {
            file: ".mlops/config.yaml",
            field: "images.repository",
            expected: "host/path like ghcr.io/owner/repo (deploy: is set, so every stage change commits manifests)",
        });
    }
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(20558);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/write.js





/**
 * Writes a rendering under `<outDir>/<environment>/`, each file by temp + rename. When only some
 * models were rendered, the environment's kustomization lists every model directory there, so
 * models rendered before stay deployed.
 */
async function writeEnvironment(outDir, rendered, options) {
    const directory = join(outDir, rendered.environment);
    let files = rendered.files;
    if (options.partial) {
        const present = new Set(rendered.models.map((m) => m.model));
        if (existsSync(directory)) {
            for (const entry of await readdir(directory, { withFileTypes: true })) {
                if (entry.isDirectory() && existsSync(join(directory, entry.name, "kustomization.yaml")))
                    present.add(entry.name);
            }
        }
        files = [
            ...files.filter((f) => f.path !== "kustomization.yaml"),
            renderEnvironmentKustomization(rendered.environment, [...present], options.namespace),
        ];
    }
    for (const file of files) {
        const path = join(directory, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, file.text);
    }
    return { environment: rendered.environment, directory, files: files.map((f) => join(directory, f.path)) };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/deploy/index.js







// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(75765);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/run-context.js
var run_context = __webpack_require__(50384);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/provenance.js

/** Who and what run a registry write comes from: the GitHub Actions run when in one, else the user. */
function runProvenance(env = process.env) {
    if (env.GITHUB_ACTIONS !== "true")
        return env.USER ? { actor: env.USER } : {};
    const runUrl = (0,run_context/* runUrlOf */.Qm)(env);
    return {
        ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
        ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
        ...(runUrl ? { runUrl } : {}),
        ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
    };
}
/** What a flow's stage assignments record and where they go: the run's actor and URL, the tag remote. */
function assignOptions(options) {
    const { tagRemote, provenance, now, logger } = options;
    return {
        ...(tagRemote ? { tagRemote } : {}),
        ...(provenance?.actor ? { actor: provenance.actor } : {}),
        ...(provenance?.runId !== undefined && provenance.runUrl
            ? { run: { id: provenance.runId, url: provenance.runUrl } }
            : {}),
        ...(now !== undefined ? { now } : {}),
        logger,
    };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/registry/model-state.js
var model_state = __webpack_require__(9718);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/registry-view.js




/** The annotation of the tag that put the stage's current version there. */
async function currentAssignment(layout, state, stage) {
    const last = state.stages.get(stage)?.at(-1);
    if (last?.action !== "assign")
        return undefined;
    const text = (await (0,refs/* readAnnotations */.ti)(layout.root, [last.ref.object])).get(last.ref.object);
    if (text === undefined)
        throw new errors/* MlopsError */.IC("not-found", `tag object of ${last.ref.tag} is missing`);
    return { tag: last.ref.tag, assignment: await (0,model_files/* parseStageAnnotation */.PO)(last.ref, text) };
}
/** Whether `ancestor` is `descendant` or one of its ancestors. */
async function isAncestor(cwd, ancestor, descendant) {
    const result = await (0,src_git/* gitRaw */.Pm)(["merge-base", "--is-ancestor", ancestor, descendant], { cwd, okCodes: [1] });
    return result.code === 0;
}
/** The commit a revision names, or a clear error naming the revision. */
async function commitOf(cwd, revision) {
    try {
        return (await (0,src_git/* git */.$Y)(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], { cwd })).trim();
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", `'${revision}' does not name a commit in this repository`, {
            hint: "fetch it first (actions/checkout with fetch-depth: 0 fetches every branch and tag)",
        });
    }
}


;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/targets.js


/**
 * The deployment target of a stage: the GitHub environment named for it in `.mlops/config.yaml`
 * (`stages.<stage>.environment`), else GitHub's usual name (`staging`, `production`), else the
 * stage's own name.
 */
async function stageTarget(layout, stage) {
    const config = await (0,tracking_config/* effectiveConfig */.k3)(layout);
    const configured = config.stages?.[stage];
    if (configured)
        return configured;
    return { environment: repo_config/* defaultStageEnvironments */.eb[stage] ?? stage };
}
/** The image repository and base image the config names (either may be missing). */
async function imageSettings(layout) {
    return (await (0,tracking_config/* effectiveConfig */.k3)(layout)).images ?? {};
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/serving-images.js


/** The reference a version's image is pushed under, with its digest: the same whoever built it. */
function imageReference(repository, model, version, digest) {
    return `${repository}/${model}:${version}@${digest}`;
}
const githubContainerRegistry = "ghcr.io";
/**
 * `ghcr.io/<owner>/<repo>`, lower-cased because the registry only takes lower-case repository
 * names (https://docs.github.com/en/packages/working-with-a-github-packages-registry/working-with-the-container-registry).
 */
function defaultImageRepository(githubRepository, host = githubContainerRegistry) {
    const [owner, repo, ...more] = githubRepository.split("/");
    if (!owner || !repo || more.length > 0 || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(repo)) {
        throw new errors/* MlopsError */.IC("usage", `'${githubRepository}' is not a GitHub repository name`, {
            expected: "owner/repo, as GITHUB_REPOSITORY gives it",
            got: githubRepository,
        });
    }
    return `${host}/${owner}/${repo}`.toLowerCase();
}
/**
 * The image publisher the given settings and the repo config describe; undefined when no image
 * repository is given, configured, or implied by a GitHub repository (a merge then assigns stages
 * without images).
 */
async function imagePublisher(layout, options) {
    const config = await imageSettings(layout);
    const repository = options.repository ||
        config.repository ||
        (options.githubRepository
            ? defaultImageRepository(options.githubRepository, options.containerRegistryHost || undefined)
            : undefined);
    const base = options.base || config.base;
    if (!repository)
        return undefined;
    if (!base) {
        throw new errors/* MlopsError */.IC("usage", `images go to ${repository} but no base image is set`, {
            expected: "a base image pinned by digest (…@sha256:<64 hex>): images.base in .mlops/config.yaml",
        });
    }
    return {
        repository,
        async publish(model, version) {
            const { publishModelImage } = await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 65632));
            const { image } = await publishModelImage(layout, {
                selector: `${model}@${version}`,
                base,
                serverBundleDir: options.serverBundleDir,
                nodeModulesDir: options.nodeModulesDir,
                ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
                pushTo: `${repository}/${model}:${version}`,
                ...(options.registry ? { registry: options.registry } : {}),
                ...(options.logger ? { logger: options.logger } : {}),
            });
            return image.build.manifestDigest;
        },
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/promote-merged.js








function manifestsOf(commit) {
    return commit
        ? {
            manifests: {
                branch: commit.branch,
                directory: commit.directory,
                commit: commit.commit,
                created: commit.created,
            },
        }
        : {};
}
/**
 * What a push to `main` does for every model: register what the pipeline built (an artifact
 * registered before gives its existing version), and when the stage does not already hold that
 * version, check the stage's gates, pass through the stages before it (`dev`) when the version has
 * never been there, build the image and assign the stage with the image's digest.
 *
 * It acts on the state of the tree, not on one commit's diff: a run at the tip handles everything
 * merged since the last promotion, so a queued run that GitHub's concurrency cancels loses nothing,
 * and running again for the same commit registers and assigns nothing new.
 */
async function promoteMerged(layout, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const stage = options.stage ?? "staging";
    const names = options.models ?? (await (0,registry.loadModelCards)(layout)).map((card) => card.name);
    const target = await stageTarget(layout, stage);
    // Before anything is registered: manifests need image digests, which only an image build gives.
    await requireDeployable(layout, {
        stage,
        imagesConfigured: options.images !== undefined,
        ...(options.images ? { imageRepository: options.images.repository } : {}),
    });
    const results = [];
    for (const name of names) {
        const card = await (0,registry.loadModelCard)(layout, name);
        const order = card.stages;
        if (!order.includes(stage)) {
            throw new errors/* MlopsError */.IC("usage", `'${stage}' is not a stage of ${name}`, {
                file: `models/${name}/model.yaml`,
                field: "stages",
                expected: `one of: ${order.join(", ")}`,
            });
        }
        const registered = await (0,registry/* registerModel */.$R)(layout, name, {
            ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
            ...(options.provenance ? { provenance: options.provenance } : {}),
            ...(options.now !== undefined ? { now: options.now } : {}),
            logger,
        });
        const version = registered.version;
        const state = await (0,model_state/* modelState */.z)(layout, name, undefined);
        if (!state)
            throw new errors/* MlopsError */.IC("internal", `${name} has no registry state after registering`);
        const held = state.current.get(stage) ?? null;
        // An image the stage already holds is named as a fresh push would name it, so a rerun reports
        // (and deploys) exactly what the first run did.
        const withImage = (digest) => digest
            ? {
                imageDigest: digest,
                ...(options.images
                    ? { imageReference: imageReference(options.images.repository, name, version, digest) }
                    : {}),
            }
            : {};
        const base = {
            model: name,
            version,
            stage,
            environment: target.environment,
            ...(target.url ? { environmentUrl: target.url } : {}),
            commit: registered.manifest.commit,
            registered: registered.created,
            previous: held,
        };
        if (held === version) {
            const current = await currentAssignment(layout, state, stage);
            results.push({
                ...base,
                status: "unchanged",
                ...(current ? { tag: current.tag } : {}),
                ...withImage(current?.assignment.image_digest),
                gates: [],
                message: `${name} ${stage} already holds ${version}`,
            });
            continue;
        }
        // Gates first: a refused version costs no image build and leaves every stage as it was.
        const candidate = registered.manifest;
        const current = held ? await (0,model_state/* versionManifest */.K)(layout, state, held) : undefined;
        // promoteModel checks them again under its lock-free retry; the evaluations are not repeated.
        const evaluations = new Map();
        const gates = await (0,registry/* checkGates */.P7)(stage, { layout, card, candidate, current, evaluations });
        const failed = gates.filter((g) => !g.passed);
        if (failed.length) {
            results.push({
                ...base,
                status: "refused",
                gates,
                message: `${name}@${version} may not enter ${stage}: ${failed.map((g) => `${g.gate} (${g.detail})`).join("; ")}; ${stage} still holds ${held ?? "nothing"}`,
            });
            continue;
        }
        const assign = assignOptions({ ...options, logger });
        for (const earlier of order.slice(0, order.indexOf(stage))) {
            const been = (state.stages.get(earlier) ?? []).some((e) => e.action === "assign" && e.version === version);
            if (!been)
                await (0,registry/* promoteModel */.IH)(layout, name, version, earlier, { ...assign, reason: `on its way to ${stage}` });
        }
        const digest = options.images ? await options.images.publish(name, version) : undefined;
        const promoted = await (0,registry/* promoteModel */.IH)(layout, name, version, stage, {
            ...assign,
            evaluations,
            environment: target.environment,
            ...(digest && options.images
                ? { imageDigest: digest, imageRepository: options.images.repository }
                : {}),
            reason: "merged to main",
        });
        results.push({
            ...base,
            status: promoted.created ? "promoted" : "unchanged",
            tag: promoted.tag,
            ...withImage(digest),
            gates: promoted.gates,
            message: promoted.created
                ? `${name} ${stage}: ${held ?? "nothing"} → ${version}`
                : `${name} ${stage} already holds ${version}`,
        });
    }
    // The environment follows the registry: one commit for the whole stage, none when it is unchanged.
    if (results.some((r) => r.status !== "refused")) {
        const manifests = manifestsOf(await commitEnvironment(layout, stage, {
            ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
            ...(options.gitToken ? { token: options.gitToken } : {}),
            reason: "merged to main",
            ...(options.images ? { imageRepository: options.images.repository } : {}),
            logger,
        }));
        return results.map((r) => (r.status === "refused" ? r : { ...r, ...manifests }));
    }
    return results;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/markdown.js
var markdown = __webpack_require__(50293);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/promotion-lines.js

// The markdown module, not report/index, which loads DuckDB and onnxruntime.

function promotionLine(r) {
    return {
        model: r.model,
        version: r.version,
        stage: r.stage,
        environment: r.environment,
        ...(r.environmentUrl ? { environment_url: r.environmentUrl } : {}),
        status: r.status,
        commit: "commit" in r ? r.commit : r.manifest.commit,
        previous: r.previous,
        ...(r.tag ? { tag: r.tag } : {}),
        ...(r.imageDigest ? { image_digest: r.imageDigest } : {}),
        ...("imageReference" in r && r.imageReference ? { image_reference: r.imageReference } : {}),
        ...(r.manifests ? { manifests: r.manifests } : {}),
        message: r.message,
    };
}
/** Reads promotion lines back (the deploy action's input), naming what is wrong with them. */
function parsePromotionLines(text, what = "results") {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new errors/* MlopsError */.IC("usage", `${what} is not JSON`, { expected: "the promote action's results output" });
    }
    if (!Array.isArray(parsed))
        throw new errors/* MlopsError */.IC("usage", `${what}: expected a JSON array`);
    return parsed.map((entry, i) => {
        const e = (entry ?? {});
        for (const key of ["model", "version", "stage", "environment", "status", "commit"]) {
            if (typeof e[key] !== "string" || !e[key]) {
                throw new errors/* MlopsError */.IC("usage", `${what}[${i}].${key}: expected a non-empty string`);
            }
        }
        return e;
    });
}
/** The job summary of a promotion: one row per model. */
function promotionSummary(title, lines) {
    const rows = lines.map((r) => [
        (0,markdown/* escapeMarkdown */.FV)(r.model),
        (0,markdown/* escapeMarkdown */.FV)(r.version),
        r.status,
        (0,markdown/* escapeMarkdown */.FV)(r.previous ?? "—"),
        (0,markdown/* escapeMarkdown */.FV)(r.environment),
        r.image_digest ? `\`${r.image_digest.slice(0, 19)}…\`` : "—",
        (0,markdown/* escapeMarkdown */.FV)(r.message),
    ]);
    const manifests = lines.find((l) => l.manifests)?.manifests;
    const committed = manifests
        ? `\nManifests: \`${(0,markdown/* escapeMarkdown */.FV)(manifests.directory)}\` on branch \`${(0,markdown/* escapeMarkdown */.FV)(manifests.branch)}\` at \`${manifests.commit?.slice(0, 12) ?? "—"}\` (${manifests.created ? "committed by this run" : "unchanged"})\n`
        : "";
    return `### ${(0,markdown/* escapeMarkdown */.FV)(title)}\n\n${(0,markdown/* markdownTable */.Qj)(["model", "version", "status", "was", "environment", "image", ""], rows)}\n${committed}`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/shadow-gate.js




/** What the gate reads of `mlops report --shadow LOG --json`; the file is checked, not trusted. */
const shadowSummaryFile = schemas/* object */.Ikc({
    log: schemas/* string */.YjP(),
    candidates: schemas/* array */.YOg(schemas/* object */.Ikc({
        model: schemas/* string */.YjP().min(1),
        version: schemas/* string */.YjP().min(1),
        requests: schemas/* number */.aig().int().min(0),
        agreement: schemas/* number */.aig().min(0).max(1),
    })),
});
/** A summary file's JSON, checked; a bad one names the file and the field. */
function parseShadowSummary(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `not valid JSON: ${err.message}`, {
            file,
            expected: "the output of `mlops report --shadow LOG --json`",
        });
    }
    const parsed = shadowSummaryFile.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new errors/* MlopsError */.IC("invalid-file", `not a shadow summary: ${issue?.message ?? "invalid"}`, {
            file,
            field: (issue?.path ?? []).map(String).join("."),
            expected: "the output of `mlops report --shadow LOG --json`",
        });
    }
    return parsed.data;
}
/**
 * The shadow summaries at `paths` (relative to `root`, as a workflow names them): a file is read, a
 * directory gives every `*.json` directly in it (by name), and a path that does not exist gives
 * nothing and is listed in `missing`. A release workflow can so always name the directory a team
 * commits its summaries to (`shadow/`): a card that asks for no shadow period never needs one, and
 * one that does is refused by {@link shadowGateProblem}, naming what was looked at.
 */
async function readShadowSummaries(root, paths) {
    const found = { summaries: [], files: [], missing: [] };
    const shown = (file) => {
        const rel = (0,external_node_path_.relative)(root, file);
        return rel && !rel.startsWith("..") && !(0,external_node_path_.isAbsolute)(rel) ? rel : file;
    };
    for (const path of paths) {
        const full = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(root, path);
        const info = await (0,promises_.stat)(full).catch(() => undefined);
        if (!info) {
            found.missing.push(path);
            continue;
        }
        const files = info.isDirectory()
            ? (await (0,promises_.readdir)(full, { withFileTypes: true }))
                .filter((e) => e.isFile() && e.name.endsWith(".json"))
                .map((e) => (0,external_node_path_.join)(full, e.name))
                .sort()
            : [full];
        for (const file of files) {
            const name = shown(file);
            found.summaries.push(parseShadowSummary(await (0,promises_.readFile)(file, "utf8"), name));
            found.files.push(name);
        }
    }
    return found;
}
/** "read a.json, b.json; shadow/ does not exist": where a release looked for shadow summaries. */
function describeShadowSources(found) {
    const parts = [
        found.files.length ? `read ${found.files.join(", ")}` : "no summary file read",
        ...(found.missing.length ? [`${found.missing.join(", ")} does not exist`] : []),
    ];
    return parts.join("; ");
}
/**
 * The card's shadow gate for `version`: undefined when it passes (or the card asks for none), else
 * why not. Of the summaries naming the version, the one with the most requests counts.
 */
function shadowGateProblem(card, version, summaries, 
/** Where the summaries came from ({@link describeShadowSources}), for the refusal's message. */
sources) {
    const rule = card.shadow;
    if (!rule)
        return undefined;
    const runs = summaries
        .flatMap((s) => s.candidates)
        .filter((c) => c.model === card.name && c.version === version)
        .sort((a, b) => b.requests - a.requests);
    const best = runs[0];
    if (!best) {
        return `${card.name}: the card asks for a shadow period and no shadow summary covers ${version}${sources ? ` (${sources})` : ""}: serve prod with --shadow ${card.name}@${version}, then give the release the output of \`mlops report --shadow LOG --json\` (\`mlops flow release --shadow-summary FILE\`, or the promote action's shadow-summary input)`;
    }
    if (best.requests < rule.min_requests) {
        return `${card.name}: ${version} ran in the shadow on ${best.requests} requests, fewer than the ${rule.min_requests} the card asks for`;
    }
    if (best.agreement < rule.min_agreement) {
        return `${card.name}: ${version} agreed with prod on ${(best.agreement * 100).toPrecision(3)}% of shadowed rows, less than the ${(rule.min_agreement * 100).toPrecision(3)}% the card asks for`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/release.js













const releaseTagPattern = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;
/**
 * What a release tag does: for every model, the version `from` (staging) holds goes to `to` (prod)
 * with the image digest staging recorded, so prod runs the bytes staging ran (no retraining, no
 * rebuild). Every check is made for every model before anything is written: a tag off `main`, a stage
 * holding nothing, or a version built after the tagged commit refuses the whole release.
 */
async function releaseToProd(layout, options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const from = options.from ?? "staging";
    const to = options.to ?? "prod";
    if (!releaseTagPattern.test(options.tag)) {
        throw new errors/* MlopsError */.IC("usage", `release tag '${options.tag}' is not a version`, {
            expected: "vMAJOR.MINOR.PATCH, like v1.0.0",
        });
    }
    const tagCommit = await commitOf(layout.root, options.tag);
    const mainRef = options.mainRef ?? (await defaultMainRef(layout.root));
    const mainCommit = await commitOf(layout.root, mainRef);
    if (!(await isAncestor(layout.root, tagCommit, mainCommit))) {
        throw new errors/* MlopsError */.IC("refused", `release tag ${options.tag} points at ${tagCommit.slice(0, 12)}, which is not on ${mainRef}; nothing was promoted`, { hint: "tag a commit of main (git tag vX.Y.Z origin/main) and push that tag" });
    }
    const cards = (await (0,registry.loadModelCards)(layout)).filter((c) => !options.models || options.models.includes(c.name));
    const target = await stageTarget(layout, to);
    const plans = [];
    const problems = [];
    let shadowRefused = 0;
    const deploying = (await environment_deployConfig(layout)).enabled;
    for (const card of cards) {
        const state = await (0,model_state/* modelState */.z)(layout, card.name, options.tagRemote);
        const version = state?.current.get(from);
        if (!state || !version) {
            problems.push(`${card.name}: ${from} holds nothing`);
            continue;
        }
        const manifest = await (0,model_state/* versionManifest */.K)(layout, state, version);
        if (!(await isAncestor(layout.root, manifest.commit, tagCommit))) {
            problems.push(`${card.name}: ${from} holds ${version}, built from ${manifest.commit.slice(0, 12)}, which is not ${options.tag} or an ancestor of it`);
            continue;
        }
        const shadowProblem = shadowGateProblem(card, version, options.shadowSummaries ?? [], options.shadowSources);
        if (shadowProblem) {
            problems.push(shadowProblem);
            shadowRefused += 1;
            continue;
        }
        const assignment = await currentAssignment(layout, state, from);
        if (deploying && !assignment?.assignment.image_digest) {
            problems.push(`${card.name}: ${from} holds ${version}${assignment ? ` (${assignment.tag})` : ""} with no image digest, so its ${to} manifests could not pin an image`);
            continue;
        }
        plans.push({
            card,
            state,
            version,
            manifest,
            digest: assignment?.assignment.image_digest,
            repository: assignment?.assignment.image_repository ?? options.imageRepository,
        });
    }
    if (problems.length) {
        throw new errors/* MlopsError */.IC("refused", `release ${options.tag} refused, nothing was promoted: ${problems.join("; ")}`, {
            hint: shadowRefused === problems.length
                ? `run the ${from} version in ${to}'s shadow (mlops serve NAME#${to} --shadow NAME@VERSION) until its card's shadow period is met, give the release \`mlops report --shadow LOG --json\` of that log, then run the release again`
                : `merge to main so promote.yml fills ${from}, then tag again`,
        });
    }
    const results = [];
    for (const plan of plans) {
        const { card, state, version, manifest } = plan;
        const held = state.current.get(to) ?? null;
        const promoted = await (0,registry/* promoteModel */.IH)(layout, card.name, version, to, {
            ...assignOptions({ ...options, logger }),
            environment: target.environment,
            ...(plan.digest ? { imageDigest: plan.digest } : {}),
            ...(plan.digest && plan.repository ? { imageRepository: plan.repository } : {}),
            reason: `release ${options.tag}`,
        });
        const manifestFile = await writeVersionManifest(layout, state, version);
        results.push({
            model: card.name,
            version,
            stage: to,
            environment: target.environment,
            ...(target.url ? { environmentUrl: target.url } : {}),
            status: promoted.created ? "promoted" : "unchanged",
            previous: held,
            tag: promoted.tag,
            ...(plan.digest ? { imageDigest: plan.digest } : {}),
            card,
            manifest,
            assets: [
                {
                    name: `${card.name}-${version}.onnx`,
                    path: await (0,registry.modelObjectPath)(layout, manifest),
                    contentType: "application/octet-stream",
                },
                { name: `${card.name}-${version}.yaml`, path: manifestFile, contentType: "application/yaml" },
            ],
            message: promoted.created
                ? `${card.name} ${to}: ${held ?? "nothing"} → ${version}`
                : `${card.name} ${to} already holds ${version}`,
        });
    }
    const manifests = manifestsOf(await commitEnvironment(layout, to, {
        ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
        ...(options.gitToken ? { token: options.gitToken } : {}),
        // Prod's manifests name the images where the merge flow pushed them, as staging's do.
        ...(options.imageRepository ? { imageRepository: options.imageRepository } : {}),
        reason: `release ${options.tag}`,
        logger,
    }));
    return results.map((r) => ({ ...r, ...manifests }));
}
/** The version's manifest as its tag holds it, as a file a release can attach. */
async function writeVersionManifest(layout, state, version) {
    const record = state.versions.find((v) => v.version === version);
    const text = record
        ? (await (0,refs/* readAnnotations */.ti)(layout.root, [record.ref.object])).get(record.ref.object)
        : undefined;
    if (text === undefined)
        throw new errors/* MlopsError */.IC("not-found", `the annotation of ${state.name}@${version} is missing`);
    const file = (0,external_node_path_.join)(layout.mlopsDir, "tmp", "release", `${state.name}-${version}.yaml`);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,files/* writeFileAtomic */.Zf)(file, text);
    return file;
}
async function defaultMainRef(cwd) {
    try {
        await commitOf(cwd, "origin/main");
        return "origin/main";
    }
    catch {
        return "main";
    }
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/release.js
var release = __webpack_require__(55358);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/release-notes.js
var release_notes = __webpack_require__(31302);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/release-page.js


/** The GitHub Release of a release tag: each model's card in the body, its ONNX file and manifest as assets. */
async function publishReleasePage(client, options) {
    const { released } = options;
    const body = (0,release_notes/* composeReleaseBody */.A)({
        tag: options.tag,
        commit: options.commit,
        models: released.map((r) => ({
            name: r.model,
            version: r.version,
            description: r.card.description,
            task: r.card.task,
            owner: r.card.owner,
            metrics: r.manifest.metrics,
            ...(r.imageDigest ? { imageDigest: r.imageDigest } : {}),
            previousVersion: r.previous,
            assets: r.assets.map((a) => a.name),
        })),
    });
    return (0,release/* publishRelease */.D)(client, {
        owner: options.owner,
        repo: options.repo,
        tag: options.tag,
        name: options.tag,
        body,
        assets: released.flatMap((r) => r.assets),
    });
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/github/retrain-pull-request.js
var retrain_pull_request = __webpack_require__(19392);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/index.js + 1 modules
var metrics = __webpack_require__(47652);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js + 12 modules
var pipeline = __webpack_require__(65602);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(41196);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js + 7 modules
var tracking = __webpack_require__(93002);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/data-diff.js







/** Columns shown per drifted dataset: the report is bounded, and the worst columns come first. */
const maxDriftColumns = 100;
/**
 * Per tracked dataset: its hash, size and row count on both sides and, where it changed and a
 * schema says how, the drift of the new data against the old. The base side's data is read from the
 * local store (fetched from the data remote when missing); when it cannot be had, the row count and
 * drift say so instead of failing the whole report.
 */
async function data_diff_diffData(layout, baseRev, logger, baseLabel = baseRev) {
    const files = findManifestFiles(layout).map((f) => toRepoPath(layout, resolve(layout.root, f)));
    const before = await readBlobs(layout.root, files.map((f) => `${baseRev}:${f}`));
    const data = [];
    const drift = [];
    for (const file of files) {
        const manifest = parseYaml(await readFile(join(layout.root, file), "utf8"), dataManifest, file);
        const now = manifest.outs[0];
        const thenText = before.get(`${baseRev}:${file}`);
        const then = thenText
            ? parseYaml(thenText.toString("utf8"), dataManifest, `${baseRev}:${file}`).outs[0]
            : undefined;
        const dataset = basename(file).replace(/\.dvc$/, "");
        const compared = await compareTables(layout, file, manifest, now, then, baseRev, baseLabel, logger);
        data.push({
            dataset,
            path: file,
            base: then?.sha256 ?? null,
            head: now?.sha256 ?? null,
            base_size: then?.size ?? null,
            head_size: now?.size ?? null,
            base_rows: compared.baseRows,
            head_rows: compared.headRows,
            ...(compared.note ? { note: compared.note } : {}),
        });
        if (compared.drift)
            drift.push({ dataset, ...compared.drift });
    }
    return { data, drift };
}
async function compareTables(layout, manifestFile, manifest, now, then, baseRev, baseLabel, logger) {
    if (!now || now.sha256.endsWith(".dir"))
        return { baseRows: null, headRows: null };
    const { dropTable, loadTable, loadSchema, profileTable, driftExact } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 84068));
    const dir = dirname(resolve(layout.root, manifestFile));
    const headFile = resolve(dir, now.path);
    const schemaFile = manifest.schema
        ? resolve(dir, manifest.schema)
        : join(dir, `${basename(manifestFile).replace(/\.dvc$/, "")}.schema.yaml`);
    const schema = existsSync(schemaFile) ? (await loadSchema(layout, schemaFile)).schema : undefined;
    const format = schema?.format;
    if (!existsSync(headFile)) {
        return { baseRows: null, headRows: null, note: "the data is not in the working tree" };
    }
    const head = await loadTable(headFile, {
        display: toRepoPath(layout, headFile),
        format: format ?? formatFromPath(now.path),
        view: true,
    });
    try {
        if (!then)
            return { baseRows: null, headRows: head.rows, note: "new in this change" };
        if (then.sha256 === now.sha256)
            return { baseRows: head.rows, headRows: head.rows };
        if (then.sha256.endsWith(".dir"))
            return { baseRows: null, headRows: head.rows };
        const basePath = await baseObject(layout, then.sha256, `${baseRev}:${manifestFile}`, logger);
        if (typeof basePath !== "string")
            return { baseRows: null, headRows: head.rows, note: basePath.note };
        const base = await loadTable(basePath, {
            display: `${baseRev}:${then.path}`,
            format: format ?? formatFromPath(then.path),
            view: true,
        });
        try {
            if (!schema)
                return { baseRows: base.rows, headRows: head.rows, note: "no schema, so no drift test" };
            const baseProfile = await profileTable(base, { depth: "lean" });
            const headProfile = await profileTable(head, { reference: baseProfile, depth: "lean" });
            const report = await driftExact(base, head, baseProfile, headProfile, { schema });
            const columns = [...report.columns]
                .sort((a, b) => Number(b.drifted) - Number(a.drifted) || b.statistic / b.threshold - a.statistic / a.threshold)
                .slice(0, maxDriftColumns)
                .map((c) => ({
                column: c.column,
                method: c.method,
                statistic: c.statistic,
                threshold: c.threshold,
                pvalue: c.pvalue,
                drifted: c.drifted,
            }));
            return {
                baseRows: base.rows,
                headRows: head.rows,
                drift: {
                    reference: `${toRepoPath(layout, resolve(dir, then.path))} at ${baseLabel}`.slice(0, 200),
                    drifted: report.drifted,
                    alpha: report.alpha,
                    columns,
                },
            };
        }
        finally {
            await dropTable(base);
        }
    }
    finally {
        await dropTable(head);
    }
}
function formatFromPath(path) {
    const ext = path.toLowerCase().replace(/^.*\./, "");
    if (ext === "csv" || ext === "tsv")
        return "csv";
    if (ext === "json" || ext === "jsonl" || ext === "ndjson")
        return "json";
    if (ext === "parquet")
        return "parquet";
    if (ext === "arrow" || ext === "feather")
        return "arrow";
    return undefined;
}
/** The base side's data file in the local store, pulled from the data remote if it is missing there. */
async function baseObject(layout, oid, referencedBy, logger) {
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    try {
        return await storedObject(layout, oid, { what: `the base data of ${referencedBy}`, referencedBy });
    }
    catch (err) {
        // The report still renders without the base side; it says why in the dataset's note.
        const reason = err.message;
        logger?.warn(`could not read the base data of ${referencedBy}: ${reason}`);
        return { note: `the base data could not be read: ${reason}`.slice(0, 300) };
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/build.js









async function revParse(layout, rev) {
    const r = await gitRaw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
        cwd: layout.root,
        okCodes: [1, 128],
    });
    return r.code === 0 ? r.stdout.toString("utf8").trim() : null;
}
async function headRef(layout) {
    const r = await gitRaw(["rev-parse", "--abbrev-ref", "HEAD"], { cwd: layout.root, okCodes: [128] });
    return r.code === 0 ? r.stdout.toString("utf8").trim() : "HEAD";
}
/** A validation result written by `mlops validate --json`, told apart from ordinary metrics by shape. */
function asValidation(value) {
    if (!value || typeof value !== "object")
        return undefined;
    const v = value;
    return typeof v.ok === "boolean" && Array.isArray(v.findings) ? v : undefined;
}
/** A param value bounded the way the report's schema bounds strings (a long list param is cut). */
function clip(value) {
    return typeof value === "string" && value.length > 500 ? `${value.slice(0, 499)}…` : value;
}
async function readJson(path) {
    try {
        return JSON.parse(await readFile(path, "utf8"));
    }
    catch {
        return undefined;
    }
}
function histogram(values, bins = 20) {
    if (values.length === 0)
        return { edges: [], counts: [] };
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (lo === hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    const width = (hi - lo) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
    const counts = new Array(bins).fill(0);
    for (const v of values) {
        const i = Math.min(bins - 1, Math.floor((v - lo) / width));
        counts[i] = (counts[i] ?? 0) + 1;
    }
    return { edges, counts };
}
/**
 * The pull-request report of the working tree against `base`: per pipeline the metrics (head,
 * base, and what staging and prod score on the same data), gate results for the candidate, changed
 * params, validation results, and the confusion matrix or residuals; per dataset its hash on both sides.
 */
async function buildReport(layout, options = {}) {
    const base = options.base ?? "main";
    const baseSha = await revParse(layout, base);
    const baseRev = baseSha ?? "HEAD";
    const headSha = await revParse(layout, "HEAD");
    const specs = await loadPipelines(layout);
    const pipelines = [];
    // Every model card read once; each pipeline's section takes the cards that name it. The curves
    // need the cards (their evaluation data) even when the stages are not compared.
    const cards = await loadModelCards(layout);
    const baseLabel = baseSha ? `base ${base}` : "base HEAD";
    for (const spec of specs) {
        const mine = cards.filter((c) => c.pipeline === spec.name);
        const section = await pipelineSection(layout, spec, baseRev, options.stages === false ? [] : mine, options);
        const { curvesFor } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 71252));
        const curves = [];
        for (const card of mine) {
            const set = await curvesFor(layout, spec, card, {
                sources: [{ label: "this PR" }, { label: baseLabel, rev: baseRev }],
                stages: options.stages !== false,
                ...(options.logger ? { logger: options.logger } : {}),
            });
            if (set)
                curves.push(set);
        }
        if (curves.length)
            section.curves = curves;
        const { sweepSectionFor } = await __webpack_require__.e(/* import() */ 745).then(__webpack_require__.bind(__webpack_require__, 56745));
        const sweep = await sweepSectionFor(layout, spec, headSha, mine[0]);
        if (sweep)
            section.sweep = sweep;
        pipelines.push(section);
    }
    return {
        schema: "mlops-report/1",
        head: { ref: await headRef(layout), sha: headSha },
        base: { ref: base, sha: baseSha },
        ...(await diffData(layout, baseRev, options.logger, baseSha ? `${base} (${baseSha.slice(0, 10)})` : base)),
        pipelines,
    };
}
async function pipelineSection(layout, spec, baseRev, cards, _options) {
    const section = {
        pipeline: spec.name,
        metrics: [],
        params: [],
        gates: [],
        validation: [],
        confusion: [],
        residuals: [],
    };
    const metricOuts = spec.stages.flatMap((s) => s.outs.filter((o) => o.kind === "metrics"));
    const validationFiles = new Set();
    for (const out of metricOuts) {
        const v = asValidation(await readJson(out.abs));
        if (!v)
            continue;
        validationFiles.add(out.repoPath);
        const findings = (v.findings ?? []);
        section.validation.push({
            pipeline: spec.name,
            file: out.repoPath,
            dataset: String(v.dataset ?? out.repoPath),
            ok: v.ok,
            rows: typeof v.rows === "number" ? v.rows : null,
            errors: findings.filter((f) => f.severity === "error").length,
            warnings: findings.filter((f) => f.severity === "warn").length,
            findings: findings.slice(0, 50).map((f) => ({
                severity: f.severity === "error" ? "error" : "warn",
                check: String(f.check ?? "check").slice(0, 200),
                column: f.column ? String(f.column).slice(0, 200) : null,
                message: String(f.message ?? "").slice(0, 1000),
            })),
        });
    }
    const changes = await diffMetrics(layout, { base: baseRev, all: true, pipelines: [spec.name] });
    for (const c of changes) {
        if (validationFiles.has(c.path))
            continue;
        if (c.current === undefined)
            continue;
        section.metrics.push({
            file: c.path,
            metric: c.key,
            head: c.current ?? null,
            ...(c.base !== undefined ? { base: c.base } : {}),
            direction: metricDirection(c.key) ?? null,
        });
    }
    for (const p of await diffParams(layout, { base: baseRev, pipelines: [spec.name] })) {
        section.params.push({
            file: p.path,
            key: p.key,
            ...(p.base !== undefined ? { base: clip(p.base) } : {}),
            ...(p.current !== undefined ? { head: clip(p.current) } : {}),
        });
    }
    for (const stage of spec.stages) {
        for (const out of stage.outs.filter((o) => o.kind === "plots")) {
            for (const [file, kind] of [
                [join(out.abs, "confusion_matrix.json"), "confusion"],
                [join(out.abs, "residuals.json"), "residuals"],
            ]) {
                const value = await readJson(file);
                if (!value)
                    continue;
                const display = toRepoPath(layout, file);
                if (kind === "confusion") {
                    const c = value;
                    if (Array.isArray(c.labels) && Array.isArray(c.matrix)) {
                        section.confusion.push({
                            file: display,
                            labels: c.labels.map(String),
                            matrix: c.matrix,
                        });
                    }
                }
                else if (Array.isArray(value)) {
                    const r = value.map((x) => Number(x.residual)).filter(Number.isFinite);
                    const h = histogram(r);
                    section.residuals.push({
                        file: display,
                        count: r.length,
                        mean: r.length ? r.reduce((a, b) => a + b, 0) / r.length : 0,
                        ...h,
                    });
                }
            }
        }
    }
    if (cards.length)
        await compareWithStages(layout, spec, section, cards);
    return section;
}
/** Staging and prod columns, and the gates the candidate would meet, for each model of the pipeline. */
async function compareWithStages(layout, spec, section, cards) {
    const { candidateManifest, stageManifest, evaluateOnData } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 71319));
    for (const card of cards) {
        const modelFile = join(spec.dir, card.output);
        if (!existsSync(modelFile))
            continue;
        const refs = await readRegistryRefs(layout.root, { model: card.name });
        const state = buildState(refs).models.get(card.name);
        const candidate = await candidateManifest(layout, card, spec.dir, modelFile);
        const evaluations = new Map();
        const metricsFile = card.metrics ? toRepoPath(layout, join(spec.dir, card.metrics)) : undefined;
        for (const stage of ["staging", "prod"]) {
            const held = state?.current.get(stage);
            const current = held && state ? await stageManifest(layout, state, held) : undefined;
            if (current && metricsFile) {
                const scores = card.evaluation
                    ? await evaluateOnData(layout, card, current, evaluations)
                    : current.metrics;
                for (const row of section.metrics)
                    if (row.file === metricsFile)
                        row[stage] = scores[row.metric] ?? null;
            }
            if (!card.gates[stage])
                continue;
            const results = await checkGates(stage, { layout, card, candidate, current, evaluations });
            for (const r of results)
                section.gates.push({ model: card.name, stage, ...r });
        }
    }
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/curves.js
var curves = __webpack_require__(71252);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/document.js
var report_document = __webpack_require__(25965);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/curve-charts.js


/** One colour per model, in legend order; the same model keeps its colour in every chart of a set. */
const palette = (/* unused pure expression or super */ null && (["#2f6fdd", "#d9822b", "#2a9d5c", "#b8336a", "#7a4fd0", "#555555"]));
const width = 300;
const height = 270;
const pad = { left: 48, right: 12, top: 24, bottom: 40 };
const plotW = width - pad.left - pad.right;
const plotH = height - pad.top - pad.bottom;
/** Five ticks across a range, ends included. */
function ticks([lo, hi]) {
    // A weighted mean of the ends never leaves the range, so it cannot overflow as lo + step·i can.
    return Array.from({ length: 5 }, (_, i) => lo * (1 - i / 4) + hi * (i / 4));
}
/** The largest finite double: ranges and residuals are clamped to it so no coordinate overflows. */
const big = Number.MAX_VALUE;
const clamp = (v) => Math.min(big, Math.max(-big, v));
/**
 * A range with room around its data; a single value gets a range around it so nothing divides by 0.
 * Halves before differences: the span of -1e308 and 1e308 overflows a double, its half does not.
 */
function paddedRange(values) {
    if (values.length === 0)
        return [0, 1];
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const halfSpan = hi / 2 - lo / 2;
    const room = halfSpan > 0 ? halfSpan * 0.1 : Math.max(0.5, Math.abs(lo) * 0.1);
    lo = clamp(lo - room);
    hi = clamp(hi + room);
    return [lo, hi];
}
/** Where `v` falls between `lo` and `hi`, from 0 to 1, without overflowing on extreme ranges. */
const fraction = (v, [lo, hi]) => (v / 2 - lo / 2) / (hi / 2 - lo / 2);
/** An SVG line or scatter chart: axes, ticks, a dashed reference, and one polyline or dot set per model. */
function plotSvg(p) {
    const sx = (v) => pad.left + fraction(v, p.x) * plotW;
    const sy = (v) => pad.top + plotH - fraction(v, p.y) * plotH;
    const xy = ([a, b]) => `${sx(a).toFixed(1)},${sy(b).toFixed(1)}`;
    const axes = [
        `<rect x="${pad.left}" y="${pad.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#bbb"/>`,
        ...ticks(p.x).map((t) => `<text x="${sx(t).toFixed(1)}" y="${pad.top + plotH + 13}" font-size="9" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`),
        ...ticks(p.y).map((t) => `<text x="${pad.left - 4}" y="${(sy(t) + 3).toFixed(1)}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`),
        `<text x="${pad.left + plotW / 2}" y="${height - 6}" font-size="10" text-anchor="middle">${escapeHtml(p.xLabel)}</text>`,
        `<text transform="translate(11 ${pad.top + plotH / 2}) rotate(-90)" font-size="10" text-anchor="middle">${escapeHtml(p.yLabel)}</text>`,
    ];
    const reference = p.reference
        ? `<line class="reference" x1="${sx(p.reference[0][0]).toFixed(1)}" y1="${sy(p.reference[0][1]).toFixed(1)}" x2="${sx(p.reference[1][0]).toFixed(1)}" y2="${sy(p.reference[1][1]).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`
        : "";
    const marks = p.lines.map((l) => {
        const label = escapeHtml(l.label);
        const parts = [];
        if (l.mode !== "points" && l.points.length > 1) {
            parts.push(`<polyline class="curve" data-series="${label}" data-value="${l.points.length}" fill="none" stroke="${l.color}" stroke-width="1.6" points="${l.points.map(xy).join(" ")}"><title>${label}</title></polyline>`);
        }
        if (l.mode !== "line" || l.points.length === 1) {
            for (const pt of l.points) {
                parts.push(`<circle class="point" data-series="${label}" cx="${sx(pt[0]).toFixed(1)}" cy="${sy(pt[1]).toFixed(1)}" r="${l.mode === "points" ? 2 : 3}" fill="${l.color}" fill-opacity="${l.mode === "points" ? 0.55 : 0.9}"><title>${label}: ${escapeHtml(formatNumber(pt[0]))}, ${escapeHtml(formatNumber(pt[1]))}</title></circle>`);
            }
        }
        return parts.join("");
    });
    return `<svg class="curve-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(p.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="15" font-size="12" text-anchor="middle">${escapeHtml(p.title)}</text>${axes.join("")}${reference}${marks.join("")}</svg>`;
}
function legend(labels) {
    return `<p class="legend">${labels
        .map((l, i) => `<span style="color:${palette[i % palette.length]}">&#9632;</span> ${escapeHtml(l)}`)
        .join(" &nbsp; ")}</p>`;
}
const unit = (/* unused pure expression or super */ null && ([0, 1]));
const diagonal = (/* unused pure expression or super */ null && ([
    [0, 0],
    [1, 1],
]));
function figure(plots) {
    return `<div class="charts">${plots.map((p) => `<figure>${plotSvg(p)}</figure>`).join("")}</div>`;
}
function classificationHtml(set) {
    const colors = new Map(set.series.map((s, i) => [s.label, palette[i % palette.length]]));
    const names = [...new Set(set.series.flatMap((s) => (s.classes ?? []).map((c) => c.class)))];
    return names
        .map((name) => {
        const of = (pick) => (mode) => set.series.flatMap((s) => {
            const c = s.classes?.find((x) => x.class === name);
            const points = c ? pick(c) : [];
            return points.length
                ? [{ label: s.label, color: colors.get(s.label), points, mode }]
                : [];
        });
        const roc = of((c) => c.roc)("line");
        const pr = of((c) => c.precision_recall)("line");
        const calibration = of((c) => c.calibration.map(([x, y]) => [x, y]))("both");
        const plots = [];
        if (roc.length) {
            plots.push({
                title: `ROC: ${name}`,
                xLabel: "false positive rate",
                yLabel: "true positive rate",
                x: unit,
                y: unit,
                reference: diagonal,
                lines: roc,
            });
        }
        if (pr.length) {
            plots.push({
                title: `precision-recall: ${name}`,
                xLabel: "recall",
                yLabel: "precision",
                x: unit,
                y: unit,
                lines: pr,
            });
        }
        if (calibration.length) {
            plots.push({
                title: `calibration: ${name}`,
                xLabel: "mean predicted probability",
                yLabel: "fraction positive",
                x: unit,
                y: unit,
                reference: diagonal,
                lines: calibration,
            });
        }
        const heading = `<h4>Class ${escapeHtml(name)}</h4>`;
        return plots.length
            ? `${heading}${figure(plots)}`
            : `${heading}<p>No curve: the data holds only one side of this class.</p>`;
    })
        .join("\n");
}
function regressionHtml(set) {
    const lines = set.series
        .map((s, i) => ({ label: s.label, color: palette[i % palette.length], points: s.points ?? [] }))
        .filter((l) => l.points.length > 0);
    if (!lines.length)
        return "";
    const all = lines.flatMap((l) => l.points.flat());
    const range = paddedRange(all);
    const residuals = lines.map((l) => ({
        ...l,
        points: l.points.map(([a, p]) => [p, clamp(a - p)]),
    }));
    const predictedRange = paddedRange(residuals.flatMap((l) => l.points.map(([p]) => p)));
    const worst = clamp(Math.max(...residuals.flatMap((l) => l.points.map(([, r]) => Math.abs(r))), 1e-12) * 1.05);
    return figure([
        {
            title: "predicted vs actual",
            xLabel: "actual",
            yLabel: "predicted",
            x: range,
            y: range,
            reference: [
                [range[0], range[0]],
                [range[1], range[1]],
            ],
            lines: lines.map((l) => ({ ...l, mode: "points" })),
        },
        {
            title: "residuals (actual − predicted)",
            xLabel: "predicted",
            yLabel: "residual",
            x: predictedRange,
            y: [-worst, worst],
            reference: [
                [predictedRange[0], 0],
                [predictedRange[1], 0],
            ],
            lines: residuals.map((l) => ({ ...l, mode: "points" })),
        },
    ]);
}
/**
 * A model's curves as inline SVG, every model of the set overlaid in its own colour: ROC,
 * precision-recall and calibration per class for a classifier; predicted against actual and
 * residuals against predicted for a regressor.
 */
function curve_charts_curvesHtml(set) {
    const parts = [
        `<h3>Curves: ${escapeHtml(set.model)}</h3>`,
        `<p>Every model evaluated on the same ${set.rows} rows of <code>${escapeHtml(set.data)}</code>.</p>`,
    ];
    if (set.series.length)
        parts.push(legend(set.series.map((s) => s.label)));
    parts.push(set.task === "regression" ? regressionHtml(set) : classificationHtml(set));
    for (const note of set.notes)
        parts.push(`<p class="note">Not drawn: ${escapeHtml(note)}</p>`);
    return parts.join("\n");
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/html.js




const num = (v) => escapeHtml(typeof v === "number" ? formatNumber(v) : (v ?? "—"));
/**
 * A bar chart as inline SVG: one bar per value, labels under the bars, the value in each bar's
 * tooltip. Bars grow from zero, downwards for a negative value (an r2 below 0 stays below 0).
 */
function barChart(title, labels, values, color = "#2f6fdd", size = { width: 640, height: 240 }) {
    const { width, height } = size;
    const pad = { left: 40, right: 10, top: 28, bottom: 44 };
    const hi = Math.max(0, ...values);
    const lo = Math.min(0, ...values);
    const span = Math.max(hi - lo, 1e-12);
    const bw = (width - pad.left - pad.right) / Math.max(values.length, 1);
    const plotH = height - pad.top - pad.bottom;
    const zero = pad.top + (hi / span) * plotH;
    const bars = values
        .map((v, i) => {
        const h = (Math.abs(v) / span) * plotH;
        const x = pad.left + i * bw + bw * 0.1;
        const y = v >= 0 ? zero - h : zero;
        return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}" data-value="${escapeHtml(v)}"><title>${escapeHtml(labels[i])}: ${escapeHtml(formatNumber(v))}</title></rect>`;
    })
        .join("");
    // Crowded axes keep every k-th label so the labels never overlap.
    const every = Math.ceil(labels.length / 12);
    const ticks = labels
        .map((l, i) => i % every !== 0
        ? ""
        : `<text x="${(pad.left + i * bw + bw / 2).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(l.slice(0, 14))}</text>`)
        .join("");
    const scale = `<text x="${pad.left - 4}" y="${pad.top + 4}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(hi))}</text>${lo < 0 ? `<text x="${pad.left - 4}" y="${pad.top + plotH + 4}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(lo))}</text>` : ""}`;
    return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="16" font-size="13" text-anchor="middle">${escapeHtml(title)}</text><line x1="${pad.left}" y1="${zero.toFixed(1)}" x2="${width - pad.right}" y2="${zero.toFixed(1)}" stroke="#888"/>${scale}${bars}${ticks}</svg></figure>`;
}
/** The confusion matrix as an SVG heat map: darker cells hold more rows. */
function heatMap(labels, matrix) {
    const cell = 44;
    const left = 90;
    const top = 40;
    const n = labels.length;
    const max = Math.max(1, ...matrix.flat());
    const cells = matrix
        .flatMap((row, i) => row.map((v, j) => {
        const shade = Math.round(255 - (v / max) * 200);
        return `<rect class="cell" x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="rgb(${shade},${shade},255)" data-value="${v}"/><text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 4}" font-size="12" text-anchor="middle">${v}</text>`;
    }))
        .join("");
    const rowLabels = labels
        .map((l, i) => `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" font-size="11" text-anchor="end">${escapeHtml(l)}</text>`)
        .join("");
    const colLabels = labels
        .map((l, j) => `<text x="${left + j * cell + cell / 2}" y="${top - 8}" font-size="11" text-anchor="middle">${escapeHtml(l.slice(0, 8))}</text>`)
        .join("");
    const size = left + n * cell + 10;
    return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="confusion matrix" width="${size}" height="${top + n * cell + 10}">${colLabels}${rowLabels}${cells}</svg><figcaption>rows: actual, columns: predicted</figcaption></figure>`;
}
function table(header, rows) {
    return `<table><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
}
/** The columns a metric row has a number in, in the order the tables show them. */
const metricColumns = (/* unused pure expression or super */ null && ([
    ["head", "this PR"],
    ["base", "base"],
    ["staging", "staging"],
    ["prod", "prod"],
]));
/**
 * One table per metrics file, as the markdown groups them (a baseline's file and the model's file
 * are different models), and one small chart per metric comparing this PR with base, staging and
 * prod: only values of the same metric share an axis.
 */
function metricsHtml(p) {
    const files = [...new Set(p.metrics.map((m) => m.file))];
    return files
        .map((file) => {
        const rows = p.metrics.filter((m) => m.file === file);
        const withStages = rows.some((m) => m.staging !== undefined || m.prod !== undefined);
        const columns = metricColumns.filter(([key]) => withStages || (key !== "staging" && key !== "prod"));
        const charts = rows
            .filter((m) => typeof m.head === "number" && m.direction)
            .map((m) => {
            const shown = columns.filter(([key]) => typeof m[key] === "number");
            const arrow = m.direction === "higher" ? "↑" : "↓";
            return barChart(`${m.metric} ${arrow}`, shown.map(([, label]) => label), shown.map(([key]) => m[key]), "#2f6fdd", { width: 220, height: 170 });
        });
        return [
            `<h4 class="metrics-file">${escapeHtml(file)}</h4>`,
            table(["metric", ...columns.map(([, label]) => label)], rows.map((m) => [
                `${escapeHtml(m.metric)}${m.direction ? (m.direction === "higher" ? " ↑" : " ↓") : ""}`,
                ...columns.map(([key]) => num(m[key])),
            ])),
            charts.length ? `<div class="charts">${charts.join("")}</div>` : "",
        ].join("\n");
    })
        .join("\n");
}
function pipelineHtml(p) {
    const parts = [`<h2>Pipeline ${escapeHtml(p.pipeline)}</h2>`];
    if (p.metrics.length)
        parts.push("<h3>Metrics</h3>", metricsHtml(p));
    if (p.gates.length) {
        parts.push("<h3>Gates</h3>", table(["model", "stage", "gate", "result", "detail"], p.gates.map((g) => [
            escapeHtml(g.model),
            escapeHtml(g.stage),
            escapeHtml(g.gate),
            g.passed ? "pass" : "<strong>fail</strong>",
            escapeHtml(g.detail),
        ])));
    }
    if (p.params.length) {
        parts.push("<h3>Params changed</h3>", table(["file", "param", "base", "this PR"], p.params.map((x) => [escapeHtml(x.file), escapeHtml(x.key), num(x.base), num(x.head)])));
    }
    if (p.sweep) {
        const s = p.sweep;
        const best = bestSweepPoint(s.points, s.direction);
        parts.push(`<h3>Sweep</h3><p>${s.points.length} of ${s.declared} points finished (declared in ${escapeHtml(s.file)})${s.metric && s.direction ? `, ranked by ${escapeHtml(s.metric)} (${s.direction} is better)` : ""}.</p>`, table(["point", ...s.keys, s.metric ?? "metric", ""], s.points.map((pt, i) => [
            escapeHtml(pt.name),
            ...s.keys.map((_, j) => num(pt.values[j] ?? null)),
            num(pt.metric),
            i === best ? "<strong>best</strong>" : "",
        ])));
    }
    for (const v of p.validation) {
        parts.push(`<h3>Validation: ${escapeHtml(v.dataset)} ${v.ok ? "passed" : "<strong>failed</strong>"}</h3>`, `<p>${v.rows ?? "?"} rows, ${v.errors} errors, ${v.warnings} warnings</p>`);
        if (v.findings.length) {
            parts.push(table(["severity", "check", "column", "finding"], v.findings.map((f) => [
                f.severity,
                escapeHtml(f.check),
                escapeHtml(f.column ?? ""),
                escapeHtml(f.message),
            ])));
        }
    }
    for (const c of p.confusion)
        parts.push("<h3>Confusion matrix</h3>", heatMap(c.labels, c.matrix));
    for (const r of p.residuals) {
        const labels = r.counts.map((_, i) => formatNumber(((r.edges[i] ?? 0) + (r.edges[i + 1] ?? 0)) / 2));
        parts.push(`<h3>Residuals</h3><p>${r.count} rows, mean ${num(r.mean)}</p>`, barChart("residuals (actual − predicted)", labels, r.counts, "#d9822b"));
    }
    for (const set of p.curves ?? [])
        parts.push(curvesHtml(set));
    return parts.join("\n");
}
function driftHtml(d) {
    const verdict = d.drifted ? "<strong>drifted</strong> from the base data" : "no drift from the base data";
    const columns = d.columns.slice(0, 40);
    return [
        `<h2>Drift: ${escapeHtml(d.dataset)}</h2>`,
        `<p>${escapeHtml(d.dataset)}: ${verdict} (${escapeHtml(d.reference)}, family-wise α = ${num(d.alpha)})</p>`,
        table(["column", "test", "statistic", "threshold", "p-value", "verdict"], d.columns.map((c) => [
            escapeHtml(c.column),
            escapeHtml(c.method),
            num(c.statistic),
            num(c.threshold),
            num(c.pvalue),
            c.drifted ? "<strong>drifted</strong>" : "ok",
        ])),
        columns.length
            ? barChart(`${d.dataset}: drift statistic / threshold`, columns.map((c) => c.column), columns.map((c) => (c.threshold > 0 ? c.statistic / c.threshold : 0)), "#7a4fd0")
            : "",
    ].join("\n");
}
/** The whole report as one self-contained HTML file (inline CSS and SVG; no scripts, no fetches). */
function renderHtml(doc) {
    const data = doc.data.length
        ? `<h2>Data</h2>${table(["dataset", "base", "this PR", "rows (base)", "rows (this PR)", "bytes", "note"], doc.data.map((d) => [
            escapeHtml(d.dataset),
            escapeHtml(d.base?.slice(0, 10) ?? "—"),
            escapeHtml(d.head?.slice(0, 10) ?? "—"),
            num(d.base_rows ?? null),
            num(d.head_rows ?? null),
            num(d.head_size ?? null),
            escapeHtml(d.note ?? ""),
        ]))}`
        : "";
    const drift = doc.drift.map(driftHtml).join("\n");
    return htmlPage(`mlops report: ${escapeHtml(doc.head.ref)} vs ${escapeHtml(doc.base.ref)}`, `<h1>mlops report: ${escapeHtml(doc.head.ref)} <code>${escapeHtml(doc.head.sha?.slice(0, 10) ?? "")}</code> vs ${escapeHtml(doc.base.ref)} <code>${escapeHtml(doc.base.sha?.slice(0, 10) ?? "")}</code></h1>
${data}
${drift}
${doc.pipelines.map(pipelineHtml).join("\n")}`);
}
/** A self-contained page: inline CSS and SVG, and a policy that forbids scripts and fetches. */
function htmlPage(title, body) {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}.charts{display:flex;flex-wrap:wrap;gap:4px 12px}.charts figure{margin:.3em 0}.legend span{font-size:16px}</style>
</head><body>
${body}
</body></html>
`;
}
/** `mlops plots diff`: the curves of several revisions' models, per pipeline, on one page. */
function renderPlotsHtml(sections, labels) {
    const title = `mlops plots: ${labels.map(escapeHtml).join(" vs ")}`;
    const body = sections
        .map((p) => `<h2>Pipeline ${escapeHtml(p.pipeline)}</h2>\n${p.curves.map(curvesHtml).join("\n")}`)
        .join("\n");
    return htmlPage(title, `<h1>${title}</h1>\n${body || "<p>No model card with evaluation data.</p>"}`);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/metric-history.js



/**
 * A model's metrics across its registered versions, oldest first, as each version's manifest
 * recorded them at registration. `metrics` picks names (default: every metric any version has).
 */
async function metricHistory(layout, name, options = {}) {
    const state = buildState(await readRegistryRefs(layout.root, { model: name })).models.get(name);
    if (!state) {
        throw new MlopsError("not-found", `no model named '${name}' in the registry`, {
            hint: "`mlops registry ls` lists the models",
        });
    }
    const live = state.versions.filter((v) => !v.deregistered);
    const manifests = await readVersionManifests(layout.root, live.map((v) => v.ref));
    const all = new Set();
    for (const m of manifests.values())
        for (const k of Object.keys(m.metrics))
            all.add(k);
    const metrics = options.metrics?.length ? options.metrics : [...all].sort();
    const unknown = metrics.filter((m) => !all.has(m));
    if (options.metrics?.length && unknown.length) {
        throw new MlopsError("usage", `no version of ${name} records metric '${unknown[0]}'`, {
            field: "--metrics",
            expected: [...all].sort().join(", "),
            got: unknown.join(", "),
            hint: `recorded: ${[...all].sort().join(", ")}`,
        });
    }
    const versions = live.map((v) => {
        const m = manifests.get(v.ref.tag);
        return {
            version: v.version,
            created: m?.created ?? "",
            commit: v.ref.commit,
            stages: [...state.current]
                .filter(([, held]) => held === v.version)
                .map(([stage]) => stage)
                .sort(),
            metrics: Object.fromEntries(metrics.map((k) => [k, m?.metrics[k] ?? null])),
        };
    });
    const best = {};
    for (const k of metrics) {
        const direction = metricDirection(k);
        if (!direction)
            continue;
        let winner;
        for (const row of versions) {
            const v = row.metrics[k];
            if (typeof v !== "number")
                continue;
            const w = winner?.metrics[k];
            if (w === undefined || (direction === "higher" ? v > w : v < w))
                winner = row;
        }
        if (winner)
            best[k] = winner.version;
    }
    return { name, metrics, best, versions };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/plots-diff.js





/** The name that means the working tree, as in `dvc plots diff`. */
const workspaceRevision = "workspace";
/**
 * The curves of each revision's models, overlaid per pipeline: every model evaluated on the
 * evaluation data in the working tree, so the curves differ only by model. No revisions means the
 * working tree against HEAD; `workspace` names the working tree among revisions.
 */
async function plotsDiff(layout, options = {}) {
    const revisions = options.revisions?.length ? options.revisions : [workspaceRevision, "HEAD"];
    const sources = [];
    for (const rev of revisions) {
        if (rev === workspaceRevision) {
            sources.push({ label: workspaceRevision });
            continue;
        }
        const r = await gitRaw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
            cwd: layout.root,
            okCodes: [1, 128],
        });
        if (r.code !== 0) {
            throw new MlopsError("usage", `unknown revision '${rev}'`, {
                expected: `a git revision (branch, tag, commit) or '${workspaceRevision}'`,
                got: rev,
            });
        }
        const sha = r.stdout.toString("utf8").trim();
        sources.push({ label: `${rev} (${sha.slice(0, 7)})`, rev: sha });
    }
    const specs = await loadPipelines(layout);
    const wanted = options.pipelines?.length ? new Set(options.pipelines) : undefined;
    for (const name of wanted ?? []) {
        if (!specs.some((s) => s.name === name)) {
            throw new MlopsError("not-found", `no pipeline named '${name}'`, {
                expected: specs.map((s) => s.name).join(", "),
            });
        }
    }
    const cards = await loadModelCards(layout);
    const pipelines = [];
    for (const spec of specs) {
        if (wanted && !wanted.has(spec.name))
            continue;
        const curves = [];
        for (const card of cards.filter((c) => c.pipeline === spec.name)) {
            const set = await curvesFor(layout, spec, card, {
                sources,
                stages: options.stages === true,
                ...(options.logger ? { logger: options.logger } : {}),
            });
            if (set)
                curves.push(set);
        }
        if (curves.length)
            pipelines.push({ pipeline: spec.name, curves });
    }
    return { labels: sources.map((s) => s.label), pipelines };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/report/untrusted.js
var untrusted = __webpack_require__(61304);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/report/index.js









// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/direction.js
var direction = __webpack_require__(68600);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/onnx/builder.js
var builder = __webpack_require__(81996);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/snapshot.js





async function openScratch(layout) {
    const { mkdir } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 19));
    await mkdir(layout.tmpDir, { recursive: true });
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(layout.tmpDir, "monitor-"));
    return { dir, release: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}
const tableExtension = /\.(csv|tsv|json|jsonl|ndjson|parquet|arrow|feather|ipc)$/i;
/**
 * The bytes of `sha256` as a file named like `path`: the working-tree copy when it still has that
 * hash, else the local store's object (fetched from the data remote when missing), each verified.
 * Store objects have no extension, and the table readers tell a format by it, so a cached object is
 * linked into the scratch directory under the table's own name.
 */
async function materialise(layout, scratch, wanted) {
    const { hashFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { path, sha256, display } = wanted;
    if (sha256.endsWith(".dir")) {
        throw new errors/* MlopsError */.IC("invalid-file", `${display} is a directory; monitoring compares one table file`, {
            expected: "a CSV, JSON or Parquet file",
        });
    }
    const workspace = (0,external_node_path_.join)(layout.root, path);
    if ((0,external_node_fs_.existsSync)(workspace) && (await hashFile(workspace)).sha256 === sha256) {
        return { display, path, sha256, source: "workspace", file: workspace };
    }
    const { Cache } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    const source = new Cache(layout.cacheDir).has(sha256) ? "cache" : "remote";
    const stored = await storedObject(layout, sha256, { what: display, referencedBy: wanted.referencedBy });
    const file = (0,external_node_path_.join)(scratch.dir, `${sha256.slice(0, 12)}-${(0,external_node_path_.basename)(path)}`);
    if (!(0,external_node_fs_.existsSync)(file))
        await (0,promises_.symlink)(stored, file);
    return { display, path, sha256, source, file };
}
/** The current snapshot: a tracked dataset, `data/<name>.dvc`, read at the hash its manifest records. */
async function currentSnapshot(layout, scratch, dataset) {
    const manifestFile = (0,external_node_path_.join)(layout.dataDir, `${dataset}.dvc`);
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(dataset) || !(0,external_node_fs_.existsSync)(manifestFile)) {
        throw new errors/* MlopsError */.IC("not-found", `no tracked dataset named '${dataset}': expected data/${dataset}.dvc, a snapshot of recent production rows shaped like the training data`, {
            file: `data/${dataset}.dvc`,
            expected: "the name of a dataset tracked by data/<name>.dvc (a snapshot of recent production rows)",
            hint: "track a snapshot with `mlops data add data/<name>.json` and commit its manifest",
        });
    }
    const { loadDataset } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    const { toRepoPath } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 41196));
    const tracked = await loadDataset(layout, manifestFile);
    const out = tracked.manifest.outs[0];
    if (!out)
        throw new errors/* MlopsError */.IC("invalid-file", "the manifest has no output", { file: tracked.file });
    const path = toRepoPath(layout, tracked.outPath);
    const format = await declaredFormat(layout, tracked.manifest.schema, dataset);
    if (!format && !tableExtension.test(path)) {
        throw new errors/* MlopsError */.IC("invalid-file", `cannot tell the format of ${path}`, {
            file: tracked.file,
            expected: "a .csv, .json, .jsonl or .parquet file (or `format:` in the dataset's schema)",
        });
    }
    const table = await materialise(layout, scratch, {
        path,
        sha256: out.sha256,
        display: path,
        referencedBy: tracked.file,
    });
    return { ...table, dataset, manifest: tracked.file, ...(format ? { format } : {}) };
}
async function declaredFormat(layout, schema, dataset) {
    const file = schema ? (0,external_node_path_.join)(layout.dataDir, schema) : (0,external_node_path_.join)(layout.dataDir, `${dataset}.schema.yaml`);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const { loadSchema } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 84068));
    return (await loadSchema(layout, file)).schema.format;
}
const tabular = /\.(csv|tsv|json|jsonl|ndjson|parquet|arrow)$/i;
/**
 * What the version was trained on: the pipeline's lock at the version's commit (checked against the
 * lock hash the manifest records) names the stage writing the model and the hash of every file that
 * stage read. The reference is the card's `monitoring.reference` or, by default, the one table among
 * those inputs that is not the pipeline's validation or metrics file — for a pipeline that splits
 * its data, the training split exactly as the model saw it.
 */
async function trainingReference(layout, scratch, card, version) {
    const { hashBytes } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const { parseYaml } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 97441));
    const { pipelineLock } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 72687));
    const pipeline = version.pipeline.name;
    const lockPath = `pipelines/${pipeline}/pipeline.lock`;
    const at = `${version.commit}:${lockPath}`;
    const tag = `${version.model}@${version.version}`;
    const bytes = (await (0,src_git/* readBlobs */.b4)(layout.root, [at])).get(at);
    if (!bytes) {
        throw new errors/* MlopsError */.IC("not-found", `${lockPath} is not in commit ${version.commit.slice(0, 10)} of ${tag}`, {
            hint: "fetch the full history (`git fetch --unshallow`): the reference is read at the version's commit",
        });
    }
    if (hashBytes(bytes) !== version.pipeline.lock_sha256) {
        throw new errors/* MlopsError */.IC("hash-mismatch", `${lockPath} at ${version.commit.slice(0, 10)} is not the lock ${tag} records`, {
            expected: version.pipeline.lock_sha256,
            got: hashBytes(bytes),
        });
    }
    const lock = parseYaml(bytes.toString("utf8"), pipelineLock, at);
    const output = external_node_path_.posix.normalize(card.output);
    const producing = Object.entries(lock.stages).find(([, s]) => s.outs.some((o) => external_node_path_.posix.normalize(o.path) === output));
    const entries = Object.values(lock.stages).flatMap((s) => [...s.deps, ...s.outs]);
    const hashOf = (path) => entries.find((e) => external_node_path_.posix.normalize(e.path) === path)?.sha256;
    let chosen;
    const explicit = card.monitoring?.reference;
    if (explicit) {
        chosen = external_node_path_.posix.normalize(explicit);
        if (!hashOf(chosen)) {
            throw new errors/* MlopsError */.IC("not-found", `the lock of ${tag} records no file '${explicit}': expected a file a stage reads or writes, relative to the pipeline`, {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.reference",
                expected: "a dependency or output of a stage, relative to the pipeline (like data/train.json)",
                got: [...new Set(entries.map((e) => e.path))].filter((p) => tabular.test(p)).join(", "),
            });
        }
    }
    else {
        if (!producing) {
            throw new errors/* MlopsError */.IC("not-found", `no stage of ${lockPath} at ${tag} writes ${card.output}`, {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.reference",
                hint: "name the training data with `monitoring.reference`",
            });
        }
        const skip = new Set([card.validation, card.metrics].filter((p) => p !== undefined).map(external_node_path_.posix.normalize));
        const candidates = producing[1].deps
            .map((d) => external_node_path_.posix.normalize(d.path))
            .filter((p) => tabular.test(p) && !skip.has(p));
        if (candidates.length !== 1) {
            throw new errors/* MlopsError */.IC("usage", `cannot tell which input of stage '${producing[0]}' is the training data (${candidates.join(", ") || "none is a table"}): expected \`monitoring.reference\` naming it`, {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.reference",
                expected: "the training table, relative to the pipeline (like data/train.json)",
            });
        }
        chosen = candidates[0];
    }
    const path = external_node_path_.posix.normalize(external_node_path_.posix.join("pipelines", pipeline, chosen));
    return materialise(layout, scratch, {
        path,
        sha256: hashOf(chosen),
        display: `${path} at ${tag}`,
        referencedBy: `the training data of ${tag}`,
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/monitor.js





const dayMs = 86_400_000;
function fmt(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (Number.isInteger(x))
        return String(x);
    const abs = Math.abs(x);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}
/** A share as people read it: 0.25 → 25%. */
function monitor_percent(x) {
    return `${Number((x * 100).toPrecision(3))}%`;
}
/** The selector split and checked against the card: a stage must be one the card declares. */
async function resolveSelector(layout, selector) {
    const { loadModelCard, parseSelector, showRegistry } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 12529));
    const sel = parseSelector(selector);
    if (!sel.name ||
        (sel.stage === undefined && sel.version === undefined) ||
        sel.stage === "" ||
        sel.version === "") {
        throw new errors/* MlopsError */.IC("usage", `'${selector}' names no stage or version: expected name#stage (what the stage holds, like fuel-efficiency#prod) or name@vX.Y.Z`, {
            expected: "name#stage or name@vX.Y.Z",
        });
    }
    const card = await loadModelCard(layout, sel.name);
    if (sel.stage !== undefined && !card.stages.includes(sel.stage)) {
        throw new errors/* MlopsError */.IC("usage", `${sel.name} has no stage '${sel.stage}': expected one of ${card.stages.join(", ")}`, {
            file: `models/${sel.name}/model.yaml`,
            field: "stages",
            expected: `one of: ${card.stages.join(", ")}`,
        });
    }
    let shown;
    try {
        shown = await showRegistry(layout, selector);
    }
    catch (err) {
        const stage = sel.stage;
        if (stage === undefined || !(0,errors/* isMlopsError */.s8)(err, "not-found"))
            throw err;
        // Say what the stage should hold rather than only that it holds nothing.
        const summary = await showRegistry(layout, sel.name).catch(() => undefined);
        if (!summary || "manifest" in summary || summary.stages[stage] !== undefined)
            throw err;
        const held = Object.entries(summary.stages).map(([s, v]) => `${s} = ${v}`);
        throw new errors/* MlopsError */.IC("not-found", `${sel.name}#${stage} holds no version: expected a version promoted to ${stage} (stages held now: ${held.join(", ") || "none"})`, { hint: `promote one with \`mlops promote ${sel.name} vX.Y.Z --to ${stage}\`` });
    }
    if (!("manifest" in shown))
        throw new errors/* MlopsError */.IC("internal", `no version manifest for ${selector}`);
    // `show` reads manifests for display only; acting on one means checking it against its schema.
    const { modelVersion } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 90264));
    const parsed = modelVersion.safeParse(shown.manifest);
    if (!parsed.success) {
        throw new errors/* MlopsError */.IC("invalid-file", "the version's annotation is not a valid version manifest", {
            file: `tag ${shown.name}@${shown.version}`,
            hint: "`mlops registry verify` names what is wrong with it",
        });
    }
    return { card, stage: sel.stage ?? null, version: parsed.data };
}
/** The rule as it applies: the card's, with every default filled in. */
async function ruleOf(card) {
    if (card.monitoring)
        return card.monitoring;
    const { monitoringRule } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 86167));
    return monitoringRule.parse({});
}
function sortColumns(columns) {
    const ratio = (c) => (c.threshold > 0 ? c.statistic / c.threshold : 0);
    return [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || ratio(b) - ratio(a));
}
function decayOf(card, rule, version, measured) {
    const known = (0,direction/* metricDirection */.E)(rule.metric);
    const higher = rule.higher_is_better ?? (known === undefined ? undefined : known === "higher");
    if (higher === undefined) {
        throw new errors/* MlopsError */.IC("invalid-file", `mlops does not know whether a higher '${rule.metric}' is better`, {
            file: `models/${card.name}/model.yaml`,
            field: "monitoring.max_metric_decay",
            hint: "add `higher_is_better: true` or `false`",
        });
    }
    const recorded = version.metrics[rule.metric];
    if (recorded === undefined) {
        const recorded = Object.keys(version.metrics).join(", ") || "none";
        throw new errors/* MlopsError */.IC("not-found", `${version.model}@${version.version} records no metric '${rule.metric}' (it records: ${recorded})`, {
            file: `models/${card.name}/model.yaml`,
            field: "monitoring.max_metric_decay.metric",
            expected: `one of: ${Object.keys(version.metrics).join(", ") || "(the version records no metrics)"}`,
        });
    }
    const allowed = {
        ...(rule.absolute !== undefined ? { absolute: rule.absolute } : {}),
        ...(rule.relative !== undefined ? { relative: rule.relative } : {}),
    };
    const current = measured?.[rule.metric];
    if (current === undefined || !Number.isFinite(current)) {
        return {
            metric: rule.metric,
            direction: higher ? "higher" : "lower",
            recorded,
            current: null,
            worse_by: null,
            relative_worse_by: null,
            allowed,
            fires: false,
        };
    }
    const worse = higher ? recorded - current : current - recorded;
    const relative = recorded !== 0 ? worse / Math.abs(recorded) : null;
    const fires = (rule.absolute !== undefined && worse > rule.absolute) ||
        (rule.relative !== undefined && relative !== null && relative > rule.relative);
    return {
        metric: rule.metric,
        direction: higher ? "higher" : "lower",
        recorded,
        current,
        worse_by: worse,
        relative_worse_by: relative,
        allowed,
        fires,
    };
}
function allowedText(allowed) {
    const parts = [
        ...(allowed.absolute !== undefined ? [fmt(allowed.absolute)] : []),
        ...(allowed.relative !== undefined ? [monitor_percent(allowed.relative)] : []),
    ];
    return parts.join(" or ");
}
function driftReason(drift, dataset, reference) {
    const listed = drift.columns
        .filter((c) => c.drifted)
        .map((c) => `${c.column} (${c.method} ${fmt(c.statistic)} ≥ ${fmt(c.threshold)}${c.pvalue === null ? "" : `, p ${fmt(c.pvalue)}`})`)
        .join(", ");
    const allowance = drift.max_drifted_share === 0
        ? "the rule allows none"
        : `the rule allows ${monitor_percent(drift.max_drifted_share)}`;
    return `${drift.drifted.length} of ${drift.tested} monitored columns of ${dataset} drifted from the training data ${reference} (${monitor_percent(drift.share)}) and ${allowance}: ${listed}.`;
}
/** An empty JSON array (a snapshot that has not been filled yet), read without loading the table. */
async function holdsNoRows(file) {
    const { stat, readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 19));
    if ((await stat(file)).size > 64)
        return false;
    return (await readFile(file, "utf8")).trim() === "[]";
}
/**
 * `mlops monitor`: the version a stage holds (or a named version) against a snapshot of production
 * data. Drift is measured against the version's own training data, read at its commit by hash; where
 * the snapshot carries the target, the version's model is evaluated on it and compared with the
 * figure its manifest records; its age is measured from its registration. The card's `monitoring`
 * rule decides whether any of it fires. Nothing is written.
 */
async function monitorModel(layout, options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const now = options.now ?? new Date();
    const { card, stage, version } = await resolveSelector(layout, options.selector);
    const rule = await ruleOf(card);
    const tag = `${version.model}@${version.version}`;
    const scratch = await openScratch(layout);
    try {
        const dataset = options.current ?? rule.current;
        if (!dataset) {
            throw new errors/* MlopsError */.IC("usage", `no snapshot to monitor ${version.model} on`, {
                file: `models/${version.model}/model.yaml`,
                field: "monitoring.current",
                expected: "a tracked dataset name there, or --current <dataset>",
            });
        }
        const current = await currentSnapshot(layout, scratch, dataset);
        const reference = await trainingReference(layout, scratch, card, version);
        logger.info(`monitoring ${tag}: ${current.path} against ${reference.display}`);
        const { modelObjectPath } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 12529));
        const { openModel } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 45479));
        const model = await openModel(await modelObjectPath(layout, version), tag);
        try {
            const target = card.evaluation?.target ?? model.metadata["mlops.target"];
            const features = featureColumns(version, model.metadata);
            const { dropTable, driftExact, loadTable, profileTable } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 84068));
            const format = current.format;
            if (await holdsNoRows(current.file)) {
                throw new errors/* MlopsError */.IC("refused", `${current.path} holds no rows: there is no production data to monitor yet`, {
                    hint: `refresh the snapshot first (mlops data import <url> ${current.path} --force)`,
                });
            }
            const currentTable = await loadTable(current.file, { display: current.path, format, view: true });
            try {
                const referenceTable = await loadTable(reference.file, { display: reference.display, view: true });
                try {
                    const referenceNames = new Set(referenceTable.columns.map((c) => c.name));
                    const currentNames = new Set(currentTable.columns.map((c) => c.name));
                    const explicit = rule.drift.columns;
                    const monitored = [...new Set(explicit ?? [...features, ...(target ? [target] : [])])];
                    const unknown = monitored.filter((c) => !referenceNames.has(c));
                    if (explicit && unknown.length) {
                        throw new errors/* MlopsError */.IC("invalid-file", `the training data has no column ${unknown.map((c) => `'${c}'`).join(", ")}: expected some of ${[...referenceNames].join(", ")}`, {
                            file: `models/${card.name}/model.yaml`,
                            field: "monitoring.drift.columns",
                            expected: `columns of ${reference.display}: ${[...referenceNames].join(", ")}`,
                        });
                    }
                    const columns = monitored.filter((c) => referenceNames.has(c));
                    const missing = columns.filter((c) => c !== target && !currentNames.has(c));
                    if (missing.length) {
                        throw new errors/* MlopsError */.IC("invalid-file", `the snapshot has no column ${missing.map((c) => `'${c}'`).join(", ")} that ${tag} was trained on: expected rows shaped like ${reference.path} (${columns.join(", ")})`, {
                            file: current.path,
                            expected: `rows shaped like the training data ${reference.path}: ${columns.join(", ")}`,
                            got: `columns ${[...currentNames].join(", ")}`,
                        });
                    }
                    const referenceProfile = await profileTable(referenceTable, { columns, depth: "lean" });
                    const currentProfile = await profileTable(currentTable, {
                        reference: referenceProfile,
                        columns,
                        depth: "lean",
                    });
                    const schema = {
                        format: "json",
                        columns: {},
                        drift: {
                            ...(rule.drift.method ? { method: rule.drift.method } : {}),
                            ...(rule.drift.threshold !== undefined ? { threshold: rule.drift.threshold } : {}),
                            ...(rule.drift.alpha !== undefined ? { alpha: rule.drift.alpha } : {}),
                        },
                    };
                    const report = await driftExact(referenceTable, currentTable, referenceProfile, currentProfile, {
                        schema,
                    });
                    const tested = report.columns.length;
                    const share = tested > 0 ? report.drifted_columns.length / tested : 0;
                    const drift = {
                        alpha: report.alpha,
                        max_drifted_share: rule.drift.max_drifted_share,
                        tested,
                        drifted: report.drifted_columns,
                        share,
                        fires: report.drifted_columns.length > 0 && share > rule.drift.max_drifted_share,
                        columns: sortColumns(report.columns),
                    };
                    const notes = [];
                    let metrics = null;
                    const labelled = target !== undefined && currentNames.has(target);
                    if (!target)
                        notes.push(`${tag} records no target column, so no metric was measured.`);
                    else if (!labelled)
                        notes.push(`${current.dataset} has no '${target}' column (no labels), so no metric was measured.`);
                    else if (format === "parquet" || format === "arrow" || /\.(parquet|arrow)$/i.test(current.path))
                        notes.push(`${current.dataset} is not CSV or JSON, which evaluation reads, so no metric was measured.`);
                    else {
                        const { readTable } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 50333));
                        const { evaluateLoaded } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 45479));
                        const { flatten } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 43487));
                        const table = await readTable(current.file, current.path);
                        const evaluation = await evaluateLoaded(model, table, { target });
                        const values = {};
                        for (const [k, v] of Object.entries(flatten(evaluation.metrics)))
                            if (typeof v === "number" && Number.isFinite(v))
                                values[k] = v;
                        metrics = { target, rows: evaluation.data.rows_with_target, values };
                    }
                    const decay = rule.max_metric_decay
                        ? decayOf(card, rule.max_metric_decay, version, metrics?.values ?? null)
                        : null;
                    if (decay && decay.current === null && labelled && metrics)
                        notes.push(`the evaluation gives no '${decay.metric}'.`);
                    const created = Date.parse(version.created);
                    const days = (now.getTime() - created) / dayMs;
                    const maxDays = rule.max_age_days ?? null;
                    const age = { days, max_days: maxDays, fires: maxDays !== null && days > maxDays };
                    const referenceLabel = `${reference.path} at ${tag}`;
                    const reasons = [];
                    if (drift.fires)
                        reasons.push(driftReason(drift, current.dataset, referenceLabel));
                    if (decay?.fires && decay.current !== null && decay.worse_by !== null) {
                        reasons.push(`${decay.metric} of ${tag} on ${current.dataset} is ${fmt(decay.current)} against the ${fmt(decay.recorded)} its manifest records: ${fmt(decay.worse_by)} worse${decay.relative_worse_by === null ? "" : ` (${monitor_percent(decay.relative_worse_by)})`}, more than the ${allowedText(decay.allowed)} the rule allows.`);
                    }
                    if (age.fires && maxDays !== null) {
                        reasons.push(`${tag} was registered ${Math.floor(days)} days ago (${version.created}), more than the ${fmt(maxDays)} days the rule allows.`);
                    }
                    return {
                        model: version.model,
                        version: version.version,
                        stage,
                        commit: version.commit,
                        registered: version.created,
                        checked_at: now.toISOString(),
                        current: {
                            dataset: current.dataset,
                            manifest: current.manifest,
                            path: current.path,
                            sha256: current.sha256,
                            rows: currentTable.rows,
                            labelled,
                        },
                        reference: {
                            path: reference.path,
                            version_tag: tag,
                            sha256: reference.sha256,
                            rows: referenceTable.rows,
                            source: reference.source,
                        },
                        drift,
                        metrics,
                        decay,
                        age,
                        fires: reasons.length > 0,
                        reasons,
                        notes,
                    };
                }
                finally {
                    await dropTable(referenceTable);
                }
            }
            finally {
                await dropTable(currentTable);
            }
        }
        finally {
            await model.session.release();
        }
    }
    finally {
        await scratch.release();
    }
}
/**
 * The columns the model reads: its ONNX inputs by name, or for a single matrix input the feature
 * columns its metadata lists (how scikit-learn exports record them).
 */
function featureColumns(version, metadata) {
    const listed = (0,builder/* metadataList */.Kw)(metadata, "mlops.feature_columns");
    if (listed && version.signature.inputs.length === 1)
        return listed;
    return version.signature.inputs.map((i) => i.name);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/markdown.js


const verdict = (fires) => (fires ? "🔴 fired" : "ok");
function checksTable(r) {
    const dataset = (0,markdown/* escapeMarkdown */.FV)(r.current.dataset);
    const rows = [
        [
            "drift",
            `${r.drift.drifted.length} of ${r.drift.tested} columns drifted (${monitor_percent(r.drift.share)})`,
            r.drift.max_drifted_share === 0
                ? "no drifted column"
                : r.drift.max_drifted_share >= 1
                    ? "report only"
                    : `at most ${monitor_percent(r.drift.max_drifted_share)} of columns`,
            verdict(r.drift.fires),
        ],
    ];
    if (r.decay) {
        const d = r.decay;
        const allowed = [
            ...(d.allowed.absolute !== undefined ? [(0,markdown/* formatNumber */.ZV)(d.allowed.absolute)] : []),
            ...(d.allowed.relative !== undefined ? [monitor_percent(d.allowed.relative)] : []),
        ].join(" or ");
        rows.push([
            `${(0,markdown/* escapeMarkdown */.FV)(d.metric)} ${d.direction === "higher" ? "↑" : "↓"} on ${dataset}`,
            d.current === null
                ? `not measured; ${(0,markdown/* formatNumber */.ZV)(d.recorded)} recorded`
                : `${(0,markdown/* formatNumber */.ZV)(d.current)} vs ${(0,markdown/* formatNumber */.ZV)(d.recorded)} recorded${d.worse_by === null ? "" : ` (${d.worse_by > 0 ? `${(0,markdown/* formatNumber */.ZV)(d.worse_by)} worse` : `${(0,markdown/* formatNumber */.ZV)(-d.worse_by)} better`})`}`,
            `at most ${allowed} worse`,
            d.current === null ? "—" : verdict(d.fires),
        ]);
    }
    else if (r.metrics) {
        const shown = Object.entries(r.metrics.values)
            .filter(([k]) => !k.includes("."))
            .slice(0, 4)
            .map(([k, v]) => `${(0,markdown/* escapeMarkdown */.FV)(k)} ${(0,markdown/* formatNumber */.ZV)(v)}`)
            .join(", ");
        rows.push([`metrics on ${dataset}`, shown || "—", "no decay rule", "—"]);
    }
    rows.push([
        "age",
        `${Math.floor(r.age.days)} days since registration`,
        r.age.max_days === null ? "no age rule" : `at most ${(0,markdown/* formatNumber */.ZV)(r.age.max_days)} days`,
        r.age.max_days === null ? "—" : verdict(r.age.fires),
    ]);
    return (0,markdown/* markdownTable */.Qj)(["check", "measured", "rule", ""], rows);
}
/**
 * The monitoring report as GitHub markdown, for a job summary and the body of a retraining pull
 * request: the verdict and its reasons, the checks against the rule, and the drift section as the
 * pull-request report renders it. Names and reasons are escaped: a column name is data.
 */
function monitorMarkdown(r) {
    const subject = `${r.model}${r.stage ? `#${r.stage}` : ""} (${r.version})`;
    const who = `${(0,markdown/* escapeMarkdown */.FV)(r.model)} ${(0,markdown/* escapeMarkdown */.FV)(r.version)}`;
    const head = r.fires
        ? `🔴 **The monitoring rule fired**: ${who} should be retrained.`
        : `🟢 **Nothing fired**: ${who} holds up on this snapshot.`;
    const reasons = r.reasons.map((x) => `- ${(0,markdown/* escapeMarkdown */.FV)(x)}`).join("\n");
    const notes = r.notes.map((x) => `- ${(0,markdown/* escapeMarkdown */.FV)(x)}`).join("\n");
    const sources = `Current snapshot: **${(0,markdown/* escapeMarkdown */.FV)(r.current.dataset)}** (${(0,markdown/* escapeMarkdown */.FV)(r.current.path)}, ${r.current.rows} rows, sha256 \`${r.current.sha256.slice(0, 12)}\`). ` +
        `Reference: the training data of ${(0,markdown/* escapeMarkdown */.FV)(r.reference.version_tag)}, ${(0,markdown/* escapeMarkdown */.FV)(r.reference.path)} (${r.reference.rows} rows, sha256 \`${r.reference.sha256.slice(0, 12)}\`, commit \`${r.commit.slice(0, 10)}\`). Checked ${(0,markdown/* escapeMarkdown */.FV)(r.checked_at)}.`;
    // The pull-request report's own drift rendering, so both read alike; its first block is the
    // report's title, which a monitoring report does not have.
    const document = {
        schema: "mlops-report/1",
        head: { ref: r.current.dataset, sha: null },
        base: { ref: r.reference.version_tag, sha: null },
        data: [],
        drift: [
            {
                dataset: r.current.dataset.slice(0, 200),
                reference: `${r.reference.path} at ${r.reference.version_tag}`.slice(0, 200),
                drifted: r.drift.drifted.length > 0,
                alpha: r.drift.alpha,
                columns: r.drift.columns.slice(0, 100).map((c) => ({
                    column: c.column.slice(0, 200),
                    method: c.method,
                    statistic: c.statistic,
                    threshold: c.threshold,
                    pvalue: c.pvalue,
                    drifted: c.drifted,
                })),
            },
        ],
        pipelines: [],
    };
    const driftSection = (0,markdown/* reportBlocks */.Dt)(document).slice(1);
    return `${[
        `## Monitoring ${(0,markdown/* escapeMarkdown */.FV)(subject)}`,
        head,
        reasons,
        checksTable(r),
        notes ? `Not measured:\n\n${notes}` : "",
        sources,
        ...driftSection,
    ]
        .filter((b) => b !== "")
        .join("\n\n")}\n`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/monitor/index.js



;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/retrain.js












const identityEnv = {
    GIT_AUTHOR_NAME: "mlops",
    GIT_AUTHOR_EMAIL: "mlops@localhost",
    GIT_COMMITTER_NAME: "mlops",
    GIT_COMMITTER_EMAIL: "mlops@localhost",
};
function snapshotDataset(card) {
    const current = card.monitoring?.current;
    if (!current) {
        throw new errors/* MlopsError */.IC("invalid-file", `${card.name} names no snapshot of production data to retrain on`, {
            file: `models/${card.name}/model.yaml`,
            field: "monitoring.current",
            expected: "the name of a tracked dataset (data/<name>.dvc) holding recent production rows",
        });
    }
    return current;
}
async function saveSnapshot(layout, dataset, options) {
    const { loadDataset } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    const manifestFile = (0,external_node_path_.join)(layout.dataDir, `${dataset}.dvc`);
    if (!(0,external_node_fs_.existsSync)(manifestFile)) {
        throw new errors/* MlopsError */.IC("not-found", `no tracked dataset named '${dataset}' to refresh`, {
            file: `data/${dataset}.dvc`,
            expected: "the snapshot the card's monitoring.current names, tracked by data/<name>.dvc",
            hint: "track a first snapshot with `mlops data import <url> data/<name>.json` and commit its manifest",
        });
    }
    const tracked = await loadDataset(layout, manifestFile);
    const workspaceFile = tracked.outPath;
    if ((0,external_node_fs_.existsSync)(workspaceFile) && (0,external_node_fs_.statSync)(workspaceFile).isDirectory()) {
        throw new errors/* MlopsError */.IC("invalid-file", `${(0,repo.toRepoPath)(layout, workspaceFile)} is a directory`, {
            file: tracked.file,
            expected: "a snapshot that is one table file (CSV, JSON or Parquet)",
        });
    }
    const ignoreFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(manifestFile), ".gitignore");
    const manifest = await (0,promises_.readFile)(manifestFile);
    const ignore = (0,external_node_fs_.existsSync)(ignoreFile) ? await (0,promises_.readFile)(ignoreFile) : null;
    let aside;
    if (options.moveAside && (0,external_node_fs_.existsSync)(workspaceFile)) {
        await (0,promises_.mkdir)(layout.tmpDir, { recursive: true });
        aside = (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(layout.tmpDir, "snapshot-")), (0,external_node_path_.basename)(workspaceFile));
        await (0,promises_.rename)(workspaceFile, aside);
    }
    return {
        manifestFile,
        workspaceFile,
        ignoreFile,
        manifest,
        ignore,
        restore: async () => {
            if (!options.moveAside)
                return;
            await (0,promises_.writeFile)(manifestFile, manifest);
            if (ignore === null)
                await (0,promises_.rm)(ignoreFile, { force: true });
            else
                await (0,promises_.writeFile)(ignoreFile, ignore);
            await (0,promises_.rm)(workspaceFile, { force: true });
            if (aside) {
                await (0,promises_.rename)(aside, workspaceFile);
                await (0,promises_.rm)((0,external_node_path_.dirname)(aside), { recursive: true, force: true });
            }
        },
    };
}
/** A local file the source names, or undefined when it is a URL or an npm spec. */
function localFile(layout, source) {
    if (/^(https?|data):/i.test(source))
        return undefined;
    const url = source.startsWith("file://");
    const path = url ? (0,external_node_url_.fileURLToPath)(source) : (0,external_node_path_.isAbsolute)(source) ? source : (0,external_node_path_.resolve)(layout.root, source);
    if ((0,external_node_fs_.existsSync)(path))
        return path;
    // Spelled as a path, it is not an npm spec whatever it matches: say the file is missing.
    if (url || /^(\.{1,2}\/|\/)/.test(source)) {
        throw new errors/* MlopsError */.IC("not-found", `the snapshot source ${source} does not exist`, {
            expected: "a file (relative to the repository root), an https:// or data: URL, or PACKAGE[@VERSION]/PATH",
        });
    }
    return undefined;
}
/**
 * Replaces the snapshot's bytes: a URL or npm spec is imported (the manifest records it as the
 * source, so a clone can fetch the same bytes again); a local file is copied in and added, and the
 * manifest drops the earlier source, which no longer gives these bytes.
 */
async function refreshSnapshot(layout, saved, dataset, source, logger) {
    const { addData, importData } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    const { readYamlFile, writeYamlFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 97441));
    const { dataManifest } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 13583));
    const shown = (0,repo.toRepoPath)(layout, saved.manifestFile);
    const before = await readYamlFile(saved.manifestFile, dataManifest, shown);
    const previous = before.outs[0]?.sha256 ?? null;
    const file = localFile(layout, source);
    if (file) {
        if (!(0,external_node_fs_.statSync)(file).isFile()) {
            throw new errors/* MlopsError */.IC("usage", `the snapshot source ${source} is not a file`, {
                expected: "a table file (CSV, JSON or Parquet), a URL or an npm spec",
            });
        }
        logger.info(`refreshing ${dataset} from ${file}`);
        await (0,promises_.copyFile)(file, saved.workspaceFile);
        const { source: _stale, ...rest } = before;
        await writeYamlFile(saved.manifestFile, dataManifest, rest);
        const added = await addData(layout, saved.workspaceFile, { name: dataset, logger });
        return {
            dataset,
            manifest: added.manifest,
            path: added.path,
            previous,
            sha256: added.sha256,
            size: added.size,
            source: { file },
        };
    }
    logger.info(`refreshing ${dataset} from ${source.length > 120 ? `${source.slice(0, 120)}…` : source}`);
    const imported = await importData(layout, source, saved.workspaceFile, {
        name: dataset,
        force: true,
        logger,
    });
    return {
        dataset,
        manifest: imported.manifest,
        path: imported.path,
        previous,
        sha256: imported.sha256,
        size: imported.size,
        source: imported.source,
    };
}
/** `snapshotSource` value that re-fetches the snapshot from the source its manifest records. */
const recordedSource = "recorded";
/** The source a dataset manifest records, as an import spec: where the cron fetches production rows. */
async function recordedSnapshotSource(manifestFile, shown) {
    const { readYamlFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 97441));
    const { dataManifest } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 13583));
    const manifest = await readYamlFile(manifestFile, dataManifest, shown);
    const source = manifest.source;
    if (!source) {
        throw new errors/* MlopsError */.IC("usage", `${shown} records no source to refresh the snapshot from`, {
            file: shown,
            field: "source",
            expected: "a source (mlops data import <url> …) or an explicit snapshot source",
        });
    }
    return "s3" in source
        ? source.s3
        : "url" in source
            ? source.url
            : `${source.package}@${source.version}/${source.path}`;
}
/** Lines `after` has that `before` had not: what the refresh added to a .gitignore. */
function addedLines(before, after) {
    const had = new Set((before?.toString("utf8") ?? "").split("\n"));
    return (after?.toString("utf8") ?? "").split("\n").filter((l) => l.trim() !== "" && !had.has(l));
}
function describeSource(source) {
    if ("file" in source)
        return `the file ${(0,external_node_path_.basename)(source.file)}`;
    if ("url" in source) {
        if (source.url.startsWith("data:"))
            return "an inline data: URL";
        return source.url;
    }
    if ("s3" in source)
        return source.s3;
    return `${source.package}@${source.version}/${source.path}`;
}
function firedParts(m) {
    return [
        // Columns in the report's order: the most drifted first.
        ...(m.drift.fires
            ? [
                `drift in ${m.drift.columns
                    .filter((c) => c.drifted)
                    .slice(0, 3)
                    .map((c) => c.column)
                    .join(", ")}`,
            ]
            : []),
        ...(m.decay?.fires ? [`${m.decay.metric} decay`] : []),
        ...(m.age.fires ? ["age"] : []),
    ];
}
function retrainTitle(m) {
    const parts = firedParts(m);
    const why = parts.length ? `: ${parts.join(", ")}` : "";
    return `Retrain ${m.model}${why} on ${m.current.dataset}`;
}
function retrainBody(m, card, snapshot, branch, base) {
    const subject = `${m.model}${m.stage ? `#${m.stage}` : ""} (${m.version})`;
    const data = snapshot
        ? `This branch refreshes the snapshot \`${snapshot.dataset}\` (\`${snapshot.manifest}\`, ${m.current.rows} rows, sha256 \`${snapshot.sha256.slice(0, 12)}\`, from ${describeSource(snapshot.source)}) and reproduces the \`${card.pipeline}\` pipeline on it.`
        : `This branch reproduces the \`${card.pipeline}\` pipeline on the snapshot \`${m.current.dataset}\` (${m.current.rows} rows, sha256 \`${m.current.sha256.slice(0, 12)}\`).`;
    const header = [
        `# Retraining ${m.model}`,
        `The monitoring rule in \`models/${m.model}/model.yaml\` fired for ${subject}: ${firedParts(m).join(", ") || "see below"}. ${data}`,
        `**How to review.** This pull request's checks reproduce the pipeline from \`${branch}\` and post the usual report: the retrained model's metrics against the models staging and prod hold, on the same data. Merging into \`${base}\` registers it and promotes it to staging when its gates pass; a release tag takes it to prod. A later monitoring run that fires again adds a commit to this branch.`,
    ].join("\n\n");
    return `${header}\n\n${monitorMarkdown(m)}`;
}
function retrain_commitMessage(m, snapshot) {
    const lines = [retrainTitle(m), "", ...m.reasons.map((r) => `- ${r}`)];
    if (snapshot) {
        lines.push("", `Snapshot ${snapshot.dataset}: sha256 ${snapshot.sha256} (${snapshot.size} bytes) from ${describeSource(snapshot.source)}.`);
    }
    return `${lines.join("\n")}\n`;
}
async function lsRemoteHeads(root, remote, env, branches) {
    const result = await (0,src_git/* gitCapture */.RL)(["ls-remote", "--heads", remote, ...branches.map((b) => `refs/heads/${b}`)], {
        cwd: root,
        env,
    });
    if (result.code !== 0) {
        throw new errors/* MlopsError */.IC("remote", `could not list branches of ${remote}: ${(0,src_git/* gitStderrTail */.jP)(result.stderr)}`);
    }
    const heads = new Map();
    for (const line of result.stdout.split("\n")) {
        const [sha, ref] = line.split("\t");
        if (sha && ref)
            heads.set(ref.replace(/^refs\/heads\//, ""), sha);
    }
    return heads;
}
/** A committer for machines without one (a CI checkout has no user.name). */
async function retrain_identity(root) {
    const ident = await (0,src_git/* gitRaw */.Pm)(["var", "GIT_COMMITTER_IDENT"], { cwd: root, okCodes: [128] });
    return ident.code === 0 ? {} : identityEnv;
}
/**
 * The worktree reads and writes the caller's content store, hash index and machine-local config, so
 * objects already fetched are not fetched again and the data remote configured for this machine
 * applies. It lives under the caller's `.mlops/tmp`, so stage code resolves packages from the
 * caller's node_modules by walking up, as it does in the checkout itself.
 */
async function shareState(layout, worktree) {
    await (0,promises_.mkdir)(worktree.mlopsDir, { recursive: true });
    await (0,promises_.mkdir)(layout.cacheDir, { recursive: true });
    await (0,promises_.mkdir)(layout.stateDir, { recursive: true });
    const links = [
        [layout.cacheDir, worktree.cacheDir],
        [layout.stateDir, worktree.stateDir],
        ...((0,external_node_fs_.existsSync)(layout.localConfigFile)
            ? [[layout.localConfigFile, worktree.localConfigFile]]
            : []),
    ];
    for (const [target, path] of links) {
        await (0,promises_.rm)(path, { recursive: true, force: true });
        await (0,promises_.symlink)(target, path);
    }
}
/**
 * The fired half: on a worktree of `retrain/<model>` (its remote tip, or the base branch's when the
 * branch is new or already merged), the refreshed manifest is applied, the pipeline reproduced, and
 * the manifest, lock and the pipeline's changed tracked files committed; the data and run cache go to
 * the data remote before the branch is pushed, so the pull request's run finds them.
 *
 * A worktree rather than switching the caller's checkout: the caller's files (tracked, and the
 * git-ignored workspace copies that match its own lock) are never touched, and a failure halfway
 * leaves nothing to undo there.
 */
async function proposeRetrain(layout, options, proposal) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const { card, monitor, snapshot, dataset } = proposal;
    const root = layout.root;
    const remote = options.gitRemote ?? "origin";
    const env = (0,src_git/* remoteEnv */._D)({ remote, ...(options.token ? { token: options.token } : {}) });
    const branch = (0,retrain_pull_request/* retrainBranch */.y)(card.name);
    const base = options.baseBranch ?? "main";
    const { resolveRemote, loadDataset } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    const { isReadOnlyRemote } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1520));
    const data = await resolveRemote(layout);
    if (data && isReadOnlyRemote(data.remote)) {
        throw new errors/* MlopsError */.IC("refused", `the data remote '${data.remote.name}' is read-only here`, {
            hint: "retraining pushes the snapshot and the pipeline's outputs; run it from a trusted workflow (schedule or workflow_dispatch), not a pull request",
        });
    }
    const heads = await lsRemoteHeads(root, remote, env, [base, branch]);
    const baseTip = heads.get(base);
    if (!baseTip) {
        throw new errors/* MlopsError */.IC("not-found", `the git remote ${remote} has no branch '${base}' to start ${branch} from`, {
            expected: "the repository's default branch",
        });
    }
    const branchTip = heads.get(branch);
    const privateRefs = {
        base: `refs/mlops/retrain/${card.name}/base`,
        head: `refs/mlops/retrain/${card.name}/head`,
    };
    const fetched = await (0,src_git/* gitCapture */.RL)([
        "fetch",
        "--quiet",
        "--no-tags",
        remote,
        `+refs/heads/${base}:${privateRefs.base}`,
        ...(branchTip ? [`+refs/heads/${branch}:${privateRefs.head}`] : []),
    ], { cwd: root, env });
    if (fetched.code !== 0) {
        throw new errors/* MlopsError */.IC("remote", `could not fetch ${base} from ${remote}: ${(0,src_git/* gitStderrTail */.jP)(fetched.stderr)}`);
    }
    // A branch whose pull request was merged (and not deleted) is behind base: start afresh from base,
    // which is still a fast-forward of the branch.
    const start = branchTip && !(await isAncestor(root, branchTip, baseTip)) ? branchTip : baseTip;
    // The pipeline is always reproduced from base's definitions (pipeline.yaml, params, stage code):
    // this trusted run holds a write token and pushes run-cache entries, and the branch's tip is
    // writable by anyone who can push a branch, unreviewed. Its commits only carry the history.
    logger.info(`${branch}: reproducing ${base} ${baseTip.slice(0, 10)}${start === branchTip ? `, committing on the branch's tip ${start.slice(0, 10)}` : ""}`);
    await (0,promises_.mkdir)(layout.tmpDir, { recursive: true });
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(layout.tmpDir, "retrain-"));
    try {
        await (0,src_git/* git */.$Y)(["worktree", "add", "--quiet", "--detach", dir, baseTip], { cwd: root });
        const worktree = (0,repo.repoLayout)(dir);
        await shareState(layout, worktree);
        const manifestRel = `data/${dataset}.dvc`;
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, manifestRel), proposal.manifest);
        const ignoreRel = "data/.gitignore";
        let ignoreChanged = false;
        if (proposal.ignoreLines.length) {
            const file = (0,external_node_path_.join)(dir, ignoreRel);
            const text = (0,external_node_fs_.existsSync)(file) ? await (0,promises_.readFile)(file, "utf8") : "";
            const have = new Set(text.split("\n"));
            const missing = proposal.ignoreLines.filter((l) => !have.has(l));
            if (missing.length) {
                await (0,promises_.writeFile)(file, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${missing.join("\n")}\n`);
                ignoreChanged = true;
            }
        }
        const { reproduce } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 65602));
        const stages = await reproduce(worktree, {
            pipelines: [card.pipeline],
            // It pushes its run-cache entries and its model goes to review: computed here, not restored.
            trusted: true,
            logger,
            ...(options.cliEntry ? { cliEntry: options.cliEntry } : {}),
            onResult: (r) => logger.info(`${r.status.padEnd(9)} ${r.pipeline}/${r.stage}  ${r.reason}`),
        });
        // The pipeline's tracked files (lock, metrics, validation, plots) as the run left them; outputs
        // git ignores stay out. The lock is named too: a pipeline's first run creates it.
        const pipelineDir = `pipelines/${card.pipeline}`;
        await (0,src_git/* git */.$Y)(["add", "--", manifestRel, `${pipelineDir}/pipeline.lock`, ...(ignoreChanged ? [ignoreRel] : [])], { cwd: dir });
        await (0,src_git/* git */.$Y)(["add", "--update", "--", pipelineDir], { cwd: dir });
        // The new tree is base's plus this run's files; it is committed on the branch's tip (keeping the
        // branch a fast-forward), with base as a second parent when the tip does not contain it yet, so
        // the pull request's diff against base is exactly this run's files.
        const tree = (await (0,src_git/* git */.$Y)(["write-tree"], { cwd: dir })).trim();
        const staged = (await (0,src_git/* git */.$Y)(["diff-tree", "-r", "--name-only", "-z", start, tree], { cwd: dir }))
            .split("\0")
            .filter(Boolean);
        const parents = start === baseTip || (await isAncestor(root, baseTip, start)) ? [start] : [start, baseTip];
        const title = retrainTitle(monitor);
        const body = retrainBody(monitor, card, snapshot, branch, base);
        const result = {
            fired: true,
            monitor,
            ...(snapshot ? { snapshot } : {}),
            branch,
            base,
            stages,
            title,
            body,
        };
        if (staged.length === 0) {
            logger.info(`${branch} already holds this retraining: no commit`);
            return { ...result, commit: start, created: false, pushed: start === branchTip, changed: [] };
        }
        const commit = (await (0,src_git/* git */.$Y)(["commit-tree", tree, ...parents.flatMap((p) => ["-p", p]), "-F", "-"], {
            cwd: dir,
            input: retrain_commitMessage(monitor, snapshot),
            env: await retrain_identity(dir),
        })).trim();
        // Objects before the branch: the pull request's run restores the snapshot and the stages' outputs
        // from the data remote as soon as the branch exists.
        if (data) {
            const tracked = await loadDataset(worktree, (0,external_node_path_.join)(dir, manifestRel));
            const { pushDatasetsAndRuns } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 65602));
            const pushed = await pushDatasetsAndRuns(layout, [tracked], data.remote, {
                logger,
                ...(data.jobs ? { jobs: data.jobs } : {}),
            });
            logger.info(`pushed ${pushed.transferred} data object(s) and ${pushed.runs.entries} pipeline run(s) to ${data.remote.name}`);
        }
        else {
            logger.warn("no data remote is configured: the pull request's run can only fetch the snapshot from its recorded source, and reruns every stage");
        }
        const push = await (0,src_git/* gitCapture */.RL)(["push", "--porcelain", remote, `${commit}:refs/heads/${branch}`], {
            cwd: root,
            env,
        });
        if (push.code !== 0) {
            const rejected = /\[rejected\]|non-fast-forward|fetch first/.test(push.stdout + push.stderr);
            throw new errors/* MlopsError */.IC(rejected ? "conflict" : "remote", rejected
                ? `${branch} moved on ${remote} while this run retrained; nothing was pushed`
                : `could not push ${branch} to ${remote}: ${(0,src_git/* gitStderrTail */.jP)(push.stderr)}`, {
                hint: rejected
                    ? "run the retraining again: it continues from the branch's new tip"
                    : options.token
                        ? "check that the token may push branches (contents: write)"
                        : "for an HTTPS remote, pass a token or configure git credentials",
            });
        }
        logger.info(`pushed ${branch} at ${commit.slice(0, 10)} (${staged.join(", ")})`);
        return { ...result, commit, created: true, pushed: true, changed: staged };
    }
    finally {
        await (0,src_git/* gitRaw */.Pm)(["worktree", "remove", "--force", dir], { cwd: root, okCodes: [128] });
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await (0,src_git/* gitRaw */.Pm)(["worktree", "prune"], { cwd: root, okCodes: [128] });
        for (const ref of Object.values(privateRefs))
            await (0,src_git/* gitRaw */.Pm)(["update-ref", "-d", ref], { cwd: root, okCodes: [1] });
    }
}
/**
 * The scheduled retraining: refresh the card's snapshot of production data, monitor the stage's
 * model on it, and when the rule fires, commit the refreshed manifest with the retrained pipeline's
 * lock to `retrain/<model>` and push it, for a pull request to propose. The caller's checkout ends
 * exactly as it began either way (the refreshed manifest lives on the branch); when the rule does not
 * fire, nothing is written to git or to the data remote.
 */
async function retrainOnDrift(layout, options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const stage = options.stage ?? "prod";
    const card = await (0,registry.loadModelCard)(layout, options.model);
    const dataset = snapshotDataset(card);
    const saved = await saveSnapshot(layout, dataset, { moveAside: options.snapshotSource !== undefined });
    try {
        const source = options.snapshotSource === recordedSource
            ? await recordedSnapshotSource(saved.manifestFile, (0,repo.toRepoPath)(layout, saved.manifestFile))
            : options.snapshotSource;
        const snapshot = source === undefined ? undefined : await refreshSnapshot(layout, saved, dataset, source, logger);
        const monitor = await monitorModel(layout, {
            selector: `${card.name}#${stage}`,
            current: dataset,
            ...(options.now ? { now: options.now } : {}),
            logger,
        });
        if (!monitor.fires) {
            logger.info(`${card.name}#${stage}: the monitoring rule did not fire; nothing is written`);
            return { fired: false, monitor, ...(snapshot ? { snapshot } : {}) };
        }
        const manifest = await (0,promises_.readFile)(saved.manifestFile);
        const ignore = (0,external_node_fs_.existsSync)(saved.ignoreFile) ? await (0,promises_.readFile)(saved.ignoreFile) : null;
        return await proposeRetrain(layout, options, {
            card,
            monitor,
            snapshot,
            dataset,
            manifest,
            ignoreLines: addedLines(saved.ignore, ignore),
        });
    }
    finally {
        await saved.restore();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/retrain-pull-request.js



/**
 * `retrain.yml`'s job: retrain on drift, then keep the model's one retrain pull request in step with
 * the branch: opened on the first firing, its title and body (the latest monitoring report) updated
 * on later ones. When the rule does not fire, GitHub is not called at all.
 */
async function retrainAndOpenPullRequest(layout, client, options) {
    const { owner, repo, ...retrainOptions } = options;
    const retrain = await retrainOnDrift(layout, retrainOptions);
    if (!retrain.fired) {
        return {
            fired: false,
            branch: null,
            pullRequest: null,
            action: "none",
            retrain,
            summary: monitorMarkdown(retrain.monitor),
        };
    }
    if (!retrain.pushed) {
        return {
            fired: true,
            branch: retrain.branch,
            pullRequest: null,
            action: "none",
            retrain,
            summary: `${retrain.body}\n---\n\nThe retrained pipeline is identical to \`${retrain.base}\`: there is nothing to propose, so no pull request was opened.\n`,
        };
    }
    const pull = await (0,retrain_pull_request/* openOrUpdateRetrainPullRequest */.I)(client, {
        owner,
        repo,
        head: retrain.branch,
        base: retrain.base,
        title: retrain.title,
        body: retrain.body,
    });
    const commitLine = retrain.created
        ? `Commit \`${retrain.commit.slice(0, 10)}\` on \`${retrain.branch}\` changes ${retrain.changed.map((f) => `\`${f}\``).join(", ")}.`
        : `\`${retrain.branch}\` already held this retraining (\`${retrain.commit.slice(0, 10)}\`): no new commit.`;
    return {
        fired: true,
        branch: retrain.branch,
        pullRequest: { number: pull.number, url: pull.url },
        action: pull.action,
        retrain,
        summary: `${retrain.body}\n---\n\nPull request [#${pull.number}](${pull.url}) ${pull.action}. ${commitLine}\n`,
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/rollback.js



/**
 * `mlops rollback`: the stage's previous version again (a new tag carrying the image digest that
 * version ran with), then, when the repo keeps manifests, the environment's commit with that digest
 * back in it. With manifests kept, a version that recorded no image is refused before any tag.
 */
async function rollbackStage(layout, model, stage, options = {}) {
    const { gitToken, ...assign } = options;
    const config = await environment_deployConfig(layout);
    const result = await (0,registry/* rollbackModel */.UK)(layout, model, stage, {
        ...assign,
        requireImageDigest: config.enabled,
        ...(config.imageRepository && !assign.imageRepository ? { imageRepository: config.imageRepository } : {}),
    });
    const manifests = manifestsOf(await commitEnvironment(layout, stage, {
        ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
        ...(gitToken ? { token: gitToken } : {}),
        reason: `rollback of ${model} to ${result.version}`,
        ...(options.logger ? { logger: options.logger } : {}),
    }));
    return { ...result, ...manifests };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/flows/index.js















/***/ }),

/***/ 42296:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O9: () => (/* reexport */ deploy_settings/* cpuMillicores */.O9),
  datasetSchema: () => (/* reexport */ dataset_schema/* datasetSchema */.eS),
  ZY: () => (/* reexport */ deploy_settings/* memoryBytes */.ZY),
  modelCard: () => (/* reexport */ model_card.modelCard),
  CW: () => (/* reexport */ deploy_settings/* modelDeploySettings */.CW),
  parseYaml: () => (/* reexport */ yaml_file.parseYaml),
  SC: () => (/* reexport */ pipeline_lock.pipelineLock),
  Zj: () => (/* reexport */ deploy_settings/* repoDeploySettings */.Zj),
  _p: () => (/* reexport */ sweep/* sweepPointCount */._p)
});

// UNUSED EXPORTS: checkManifestFile, checkManifests, columnSpec, columnType, command, dataManifest, dataOut, dataSource, defaultSweepMaxPoints, driftMethod, driftRule, findManifests, formatFieldPath, gate, gitCommit, isDvcOwnFile, isoDateTime, jsonSchemaFor, kindForPath, lockEntry, lockStage, manifestKind, manifestKindNames, manifestKinds, maxSweepKeys, maxSweepPoints, modelVersion, nameSlug, outOptions, outPath, paramValue, paramsFile, pipeline, pipelinePath, readYamlFile, regressionGate, remoteConfig, repoConfig, repoRelativePath, semverTag, sha256Hex, stage, stageAssignment, stageOut, stageParam, stringifyYaml, sweepBlock, sweepGridSize, tensorSpec, thresholdGate, writeYamlFile

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(13583);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/dataset-schema.js
var dataset_schema = __webpack_require__(88261);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-card.js
var model_card = __webpack_require__(86167);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js + 1 modules
var model_version = __webpack_require__(90264);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/params.js
var params = __webpack_require__(6363);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js
var pipeline = __webpack_require__(70655);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline-lock.js
var pipeline_lock = __webpack_require__(72687);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/repo-config.js
var repo_config = __webpack_require__(17204);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/stage-assignment.js
var stage_assignment = __webpack_require__(19353);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/kinds.js









const manifestKinds = [
    {
        kind: "data",
        schema: data_manifest.dataManifest,
        title: "Data manifest",
        fileGlob: "data/*.dvc",
        description: "A tracked dataset: its workspace path, sha256, size, and where it came from.",
    },
    {
        kind: "dataset-schema",
        schema: dataset_schema/* datasetSchema */.eS,
        title: "Dataset schema",
        fileGlob: "data/*.schema.yaml",
        description: "The contract a dataset is validated against: format, columns, row count, drift rule.",
    },
    {
        kind: "pipeline",
        schema: pipeline/* pipeline */.Tk,
        title: "Pipeline",
        fileGlob: "pipelines/*/pipeline.yaml",
        description: "The stages of a pipeline: command, dependencies, parameters and outputs of each.",
    },
    {
        kind: "params",
        schema: params/* paramsFile */.p,
        title: "Pipeline parameters",
        fileGlob: "pipelines/*/params.yaml",
        description: "Parameters read by a pipeline's stages: nested mappings of scalars and lists.",
    },
    {
        kind: "lock",
        schema: pipeline_lock.pipelineLock,
        title: "Pipeline lock",
        fileGlob: "pipelines/*/pipeline.lock",
        description: "What each stage last ran with and produced: hashes of its deps, params and outs.",
    },
    {
        kind: "model",
        schema: model_card.modelCard,
        title: "Model card",
        fileGlob: "models/*/model.yaml",
        description: "A model: its task, owner, pipeline and output, gates per stage, version and monitoring policy.",
    },
    {
        kind: "version",
        schema: model_version.modelVersion,
        title: "Model version",
        fileGlob: "(annotation of git tag <model>@vX.Y.Z)",
        description: "A registered version: commit, lock and data hashes, params, metrics, signature, artifact.",
    },
    {
        kind: "stage",
        schema: stage_assignment.stageAssignment,
        title: "Stage assignment",
        fileGlob: "(annotation of git tag <model>#<stage>#<n>)",
        description: "One assignment of a version to a stage: previous version, actor, time, run, image digest.",
    },
    {
        kind: "config",
        schema: repo_config/* repoConfig */.fm,
        title: "Repository config",
        fileGlob: ".mlops/config.yaml",
        description: "Remotes and defaults; .mlops/config.local.yaml (per machine) is merged over it.",
    },
];
const manifestKindNames = manifestKinds.map((k) => k.kind);
function kinds_manifestKind(kind) {
    return manifestKinds.find((k) => k.kind === kind);
}
/** The kind of a file from its repository-relative path, or undefined when it is not a manifest. */
function kinds_kindForPath(repoRelativePath) {
    const path = repoRelativePath.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (base.endsWith(".dvc"))
        return "data";
    if (base.endsWith(".schema.yaml"))
        return "dataset-schema";
    if (base === "pipeline.yaml")
        return "pipeline";
    if (base === "params.yaml")
        return "params";
    if (base === "pipeline.lock")
        return "lock";
    if (base === "model.yaml")
        return "model";
    if (/(^|\/)\.mlops\/config(\.local)?\.yaml$/.test(path))
        return "config";
    return undefined;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(97441);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/check.js






async function entries(dir) {
    try {
        const list = await readdir(dir, { withFileTypes: true });
        return list
            .map((e) => ({ name: e.name, dir: e.isDirectory() }))
            .sort((a, b) => a.name.localeCompare(b.name));
    }
    catch {
        return [];
    }
}
/** Every manifest of the repository, as sorted repository-relative `/` paths. */
async function findManifests(root) {
    const found = [];
    for (const e of await entries(join(root, "data"))) {
        if (e.dir || !(e.name.endsWith(".dvc") || e.name.endsWith(".schema.yaml")))
            continue;
        if (e.name.endsWith(".dvc") && isDvcOwnFile(await readFile(join(root, "data", e.name), "utf8")))
            continue;
        found.push(`data/${e.name}`);
    }
    for (const e of await entries(join(root, "pipelines"))) {
        if (!e.dir)
            continue;
        const files = new Set((await entries(join(root, "pipelines", e.name))).map((f) => f.name));
        for (const name of ["pipeline.yaml", "params.yaml", "pipeline.lock"])
            if (files.has(name))
                found.push(`pipelines/${e.name}/${name}`);
    }
    for (const e of await entries(join(root, "models"))) {
        if (!e.dir)
            continue;
        const files = new Set((await entries(join(root, "models", e.name))).map((f) => f.name));
        if (files.has("model.yaml"))
            found.push(`models/${e.name}/model.yaml`);
    }
    const mlops = new Set((await entries(join(root, ".mlops"))).map((f) => f.name));
    for (const name of ["config.yaml", "config.local.yaml"])
        if (mlops.has(name))
            found.push(`.mlops/${name}`);
    return found;
}
/** Validates one file against its kind's schema (from its name unless `kind` is given). */
async function checkManifestFile(absolutePath, displayPath, kind) {
    const chosen = kind ?? kindForPath(displayPath.split(sep).join("/"));
    const entry = chosen ? manifestKind(chosen) : undefined;
    if (!chosen || !entry) {
        const err = new MlopsError("usage", "cannot tell which kind of manifest this is from its name", {
            file: displayPath,
            hint: "name it like the files `mlops schema --list` shows, or pass --kind KIND",
        });
        return { path: displayPath, kind: null, ok: false, error: err.toUserString(), details: err.toJSON() };
    }
    try {
        await readYamlFile(absolutePath, entry.schema, displayPath);
        return { path: displayPath, kind: chosen, ok: true };
    }
    catch (err) {
        if (!isMlopsError(err))
            throw err;
        return { path: displayPath, kind: chosen, ok: false, error: err.toUserString(), details: err.toJSON() };
    }
}
/**
 * Checks the given paths (relative to `cwd`) or, with none, every manifest under `root`. Paths are
 * shown as given; discovered files as repository-relative paths.
 */
async function checkManifests(root, cwd, paths, kind) {
    const targets = paths.length > 0
        ? paths.map((p) => ({ abs: resolve(cwd, p), display: p }))
        : (await findManifests(root)).map((p) => ({ abs: join(root, p), display: p }));
    const results = [];
    for (const t of targets) {
        // A given path is classified by where it sits in the repository when it is inside one.
        const rel = relative(root, t.abs).split(sep).join("/");
        const byName = kind ?? kindForPath(rel.startsWith("..") ? t.display : rel) ?? kindForPath(t.display);
        results.push(await checkManifestFile(t.abs, t.display, byName));
    }
    return results;
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(43260);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/deploy-settings.js
var deploy_settings = __webpack_require__(47102);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/json-schema.js


const ID_BASE = "https://gitops-mlops.invalid/schemas";
/** The JSON Schema of a kind, deterministic: `$schema`, `$id`, `title`, `description`, then zod's output. */
function jsonSchemaFor(kind) {
    const entry = manifestKind(kind);
    if (!entry)
        throw new Error(`unknown manifest kind: ${kind}`);
    const generated = z.toJSONSchema(entry.schema, { io: "input", unrepresentable: "any" });
    const { $schema, description: _zodDescription, ...rest } = generated;
    return {
        $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
        $id: `${ID_BASE}/${kind}.schema.json`,
        title: entry.title,
        description: entry.description,
        ...rest,
    };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/sweep.js
var sweep = __webpack_require__(16565);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/index.js


















/***/ }),

/***/ 6363:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ paramsFile)
/* harmony export */ });
/* unused harmony export paramValue */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

const paramValue = zod__WEBPACK_IMPORTED_MODULE_0__/* .lazy */ .RZV(() => zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(paramValue), zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), paramValue)], { error: "expected a scalar, a list or a mapping" }));
/** `pipelines/<name>/params.yaml`: nested mappings of scalars and lists, read by stages. */
const paramsFile = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), paramValue, { error: "expected a mapping of parameter names to values" })
    .describe("parameters; stages name them as `section.key` in their `params` list");


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

/***/ 19353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stageAssignment: () => (/* binding */ stageAssignment)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43260);
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90264);



/** The annotation of tag `<model>#<stage>#<N>`: one assignment of a version to a stage. */
const stageAssignment = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    model: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng,
    stage: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng.describe("staging, prod, or another stage named in the model's gates"),
    version: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7,
    previous: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7.nullable().optional().describe("the version the stage held before; null if none"),
    actor: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected who made the assignment"),
    time: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .isoDateTime */ .zK,
    run: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        id: zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int()], { error: "expected a run id" }),
        url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ error: "expected a URL" }),
    })
        .optional(),
    version_tag: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .tagReference */ .Wm.optional().describe("the version's tag as it was when assigned"),
    previous_tag: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .tagReference */ .Wm
        .optional()
        .describe("the stage's previous assignment tag; null-free chain that `registry verify` walks"),
    reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("why, for a rollback or a manual promotion"),
    environment: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("the GitHub environment deployed to"),
    image_digest: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^sha256:[0-9a-f]{64}$/, "expected an image digest like 'sha256:<64 hex>'")
        .optional(),
    image_repository: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .imageRepositoryName */ .pU
        .optional()
        .describe("where the image was pushed (the model name follows): a rollback or a release names it from here"),
});


/***/ }),

/***/ 47652:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bq: () => (/* reexport */ metrics_flatten.flatten),
  EE: () => (/* reexport */ direction/* metricDirection */.E)
});

// UNUSED EXPORTS: changesMarkdown, diffMetrics, diffParams, metricsMarkdown, workspaceMetrics

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var git = __webpack_require__(51865);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js + 12 modules
var pipeline = __webpack_require__(65602);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/metrics/compare.js








/** Every metrics file the pipelines declare, with the values in the working tree (missing files are skipped). */
async function workspaceMetrics(layout, pipelines, loaded) {
    const specs = loaded ?? (await loadPipelines(layout, pipelines));
    const files = [];
    for (const p of specs) {
        for (const stage of p.stages) {
            for (const out of stage.outs.filter((o) => o.kind === "metrics")) {
                if (!existsSync(out.abs))
                    continue;
                files.push({
                    pipeline: p.name,
                    path: out.repoPath,
                    values: await parseMetrics(out.repoPath, await readFile(out.abs, "utf8")),
                });
            }
        }
    }
    return files;
}
async function parseMetrics(path, text) {
    try {
        return flatten(path.endsWith(".json") ? JSON.parse(text) : parseYamlText(text));
    }
    catch (err) {
        throw new MlopsError("invalid-file", `cannot read metrics: ${err.message}`, {
            file: path,
            expected: "JSON (or YAML) metrics",
        });
    }
}
async function filesAt(layout, rev, paths) {
    const blobs = await readBlobs(layout.root, paths.map((p) => `${rev}:${p}`));
    const out = new Map();
    for (const p of paths) {
        const blob = blobs.get(`${rev}:${p}`);
        if (blob)
            out.set(p, blob.toString("utf8"));
    }
    return out;
}
function compare(path, base, current, all) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(current)])].sort();
    const changes = [];
    for (const key of keys) {
        const b = base[key];
        const c = current[key];
        if (!all && b === c)
            continue;
        changes.push({
            path,
            key,
            base: b,
            current: c,
            ...(typeof b === "number" && typeof c === "number" ? { change: c - b } : {}),
        });
    }
    return changes;
}
/** Metrics in the working tree against the same files at `rev` (default HEAD). */
async function diffMetrics(layout, options = {}) {
    const rev = options.base ?? "HEAD";
    const specs = await loadPipelines(layout, options.pipelines);
    const current = await workspaceMetrics(layout, options.pipelines, specs);
    const declared = specs.flatMap((p) => p.stages.flatMap((s) => s.outs.filter((o) => o.kind === "metrics").map((o) => o.repoPath)));
    const before = await filesAt(layout, rev, declared);
    const changes = [];
    for (const path of declared) {
        const now = current.find((f) => f.path === path)?.values ?? {};
        const text = before.get(path);
        const then = text === undefined ? {} : await parseMetrics(`${rev}:${path}`, text);
        changes.push(...compare(path, then, now, options.all === true));
    }
    return changes;
}
/** Params of every pipeline in the working tree against `rev`. */
async function diffParams(layout, options = {}) {
    const rev = options.base ?? "HEAD";
    const specs = await loadPipelines(layout, options.pipelines);
    const files = [
        ...new Set(specs.flatMap((p) => p.stages.flatMap((s) => s.params.map((q) => join(s.wdirPath, q.file))))),
    ].sort();
    const before = await filesAt(layout, rev, files);
    const changes = [];
    for (const file of files) {
        const abs = join(layout.root, file);
        const now = existsSync(abs) ? paramValues(parseYamlText(await readFile(abs, "utf8"))) : {};
        const text = before.get(file);
        const then = text === undefined ? {} : paramValues(parseYamlText(text));
        changes.push(...compare(file, then, now, options.all === true));
    }
    return changes;
}
/** Params flattened with their lists kept, each list as JSON text so a changed list compares unequal. */
function paramValues(doc) {
    const flat = flatten(doc ?? {}, "", {}, true);
    for (const [k, v] of Object.entries(flat))
        if (Array.isArray(v))
            flat[k] = JSON.stringify(v);
    return flat;
}
function cell(v) {
    if (v === undefined)
        return "—";
    if (typeof v === "number")
        return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
    return String(v);
}
function signed(n) {
    const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3)));
    return n > 0 ? `+${text}` : text;
}
/** A markdown table: what a pull-request comment or a terminal shows. */
function changesMarkdown(changes, baseLabel) {
    if (changes.length === 0)
        return `No changes against ${baseLabel}.`;
    const rows = changes.map((c) => {
        const pct = c.change !== undefined && typeof c.base === "number" && c.base !== 0
            ? ` (${signed((100 * c.change) / Math.abs(c.base))} %)`
            : "";
        return `| ${c.path} | ${c.key} | ${cell(c.base)} | ${cell(c.current)} | ${c.change === undefined ? "" : `${signed(c.change)}${pct}`} |`;
    });
    return [`| file | key | ${baseLabel} | workspace | change |`, "|---|---|---|---|---|", ...rows].join("\n");
}
function metricsMarkdown(files) {
    if (files.length === 0)
        return "No metrics files yet: run `mlops run` first.";
    const rows = files.flatMap((f) => Object.entries(f.values).map(([k, v]) => `| ${f.path} | ${k} | ${cell(v)} |`));
    return ["| file | metric | value |", "|---|---|---|", ...rows].join("\n");
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/direction.js
var direction = __webpack_require__(68600);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/metrics/flatten.js
var metrics_flatten = __webpack_require__(43487);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/metrics/index.js





/***/ }),

/***/ 81996:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ metadataList),
/* harmony export */   c_: () => (/* binding */ readModelInfo)
/* harmony export */ });
/* unused harmony exports attr, GraphBuilder */
/* harmony import */ var onnx_proto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59070);

const { onnx } = onnx_proto__WEBPACK_IMPORTED_MODULE_0__;
const elementCodes = {
    float: onnx.TensorProto.DataType.FLOAT,
    double: onnx.TensorProto.DataType.DOUBLE,
    int64: onnx.TensorProto.DataType.INT64,
    string: onnx.TensorProto.DataType.STRING,
};
/** Typed attribute constructors: ONNX tells a float 1 from an int 1, JavaScript does not. */
const attr = {
    float: (value) => ({ kind: "float", value }),
    int: (value) => ({ kind: "int", value }),
    string: (value) => ({ kind: "string", value }),
    floats: (value) => ({ kind: "floats", value }),
    ints: (value) => ({ kind: "ints", value }),
    strings: (value) => ({ kind: "strings", value }),
};
const utf8 = new TextEncoder();
function toAttribute(name, a) {
    const T = onnx.AttributeProto.AttributeType;
    switch (a.kind) {
        case "float":
            return { name, type: T.FLOAT, f: a.value };
        case "int":
            return { name, type: T.INT, i: a.value };
        case "string":
            return { name, type: T.STRING, s: utf8.encode(a.value) };
        case "floats":
            return { name, type: T.FLOATS, floats: [...a.value] };
        case "ints":
            return { name, type: T.INTS, ints: [...a.value] };
        case "strings":
            return { name, type: T.STRINGS, strings: a.value.map((s) => utf8.encode(s)) };
    }
}
function valueInfo(name, type, shape) {
    return {
        name,
        type: {
            tensorType: {
                elemType: elementCodes[type],
                shape: { dim: shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
            },
        },
    };
}
/**
 * Builds one ONNX graph node by node. Names are generated in a fixed order and nothing depends on
 * time or randomness, so the same model always serialises to the same bytes.
 */
class GraphBuilder {
    graphName;
    inputs = [];
    outputs = [];
    nodes = [];
    initializers = [];
    counter = 0;
    constructor(graphName) {
        this.graphName = graphName;
    }
    fresh(prefix) {
        this.counter += 1;
        return `${prefix}_${this.counter}`;
    }
    input(name, type, shape) {
        this.inputs.push(valueInfo(name, type, shape));
        return name;
    }
    output(name, type, shape) {
        this.outputs.push(valueInfo(name, type, shape));
    }
    /** Adds a node and returns the names of its outputs (fresh names unless given). */
    node(opType, inputs, options = {}) {
        const outputs = options.outputs ? [...options.outputs] : [this.fresh(opType.toLowerCase())];
        this.nodes.push({
            opType,
            domain: options.domain ?? "",
            name: this.fresh(`n_${opType}`),
            input: [...inputs],
            output: outputs,
            attribute: Object.entries(options.attributes ?? {}).map(([k, v]) => toAttribute(k, v)),
        });
        return outputs;
    }
    /** One-output convenience for `node`. */
    op(opType, inputs, attributes = {}, domain = "", output) {
        const [out] = this.node(opType, inputs, { attributes, domain, outputs: output ? [output] : undefined });
        return out;
    }
    floatConstant(prefix, values, dims) {
        const name = this.fresh(prefix);
        this.initializers.push({ name, dataType: elementCodes.float, dims: [...dims], floatData: [...values] });
        return name;
    }
    int64Constant(prefix, values, dims) {
        const name = this.fresh(prefix);
        this.initializers.push({ name, dataType: elementCodes.int64, dims: [...dims], int64Data: [...values] });
        return name;
    }
    stringConstant(prefix, values, dims) {
        const name = this.fresh(prefix);
        this.initializers.push({
            name,
            dataType: elementCodes.string,
            dims: [...dims],
            stringData: values.map((v) => utf8.encode(v)),
        });
        return name;
    }
    toBytes(options) {
        const model = onnx.ModelProto.create({
            irVersion: 8,
            producerName: "gitops-mlops",
            producerVersion: options.producerVersion,
            docString: options.docString ?? "",
            opsetImport: Object.entries(options.opsets).map(([domain, version]) => ({ domain, version })),
            metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
            graph: {
                name: this.graphName,
                node: this.nodes,
                input: this.inputs,
                output: this.outputs,
                initializer: this.initializers,
            },
        });
        return onnx.ModelProto.encode(model).finish();
    }
}
/**
 * A list our exporters record in a model's metadata as JSON (`mlops.classes`, `mlops.feature_columns`):
 * its entries as strings, or undefined when the key is absent or not a JSON list.
 */
function metadataList(metadata, key) {
    const raw = metadata[key];
    if (!raw)
        return undefined;
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.map(String) : undefined;
    }
    catch {
        return undefined;
    }
}
/** Reads the metadata and the declared inputs and outputs of a model file, without running it. */
function readModelInfo(bytes) {
    const model = onnx.ModelProto.decode(bytes);
    const metadata = {};
    for (const p of model.metadataProps)
        metadata[p.key ?? ""] = p.value ?? "";
    const opsets = {};
    for (const o of model.opsetImport)
        opsets[o.domain || "ai.onnx"] = Number(o.version);
    return { metadata, producer: `${model.producerName} ${model.producerVersion}`.trim(), opsets };
}


/***/ }),

/***/ 65602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushDatasetsAndRuns: () => (/* reexport */ pushDatasetsAndRuns),
  reproduce: () => (/* reexport */ reproduce)
});

// UNUSED EXPORTS: buildGraph, commitStages, expandStages, listPipelines, listRunCache, loadPipeline, loadPipelines, pushRunCache, readLock, runCacheRelPath, runKeyOf, runPipelines, runsTrainer, selectParam, serializeLock, stableJson, withUpstream, writeLock

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/manifests.js
var manifests = __webpack_require__(94799);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
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
var errors = __webpack_require__(99936);
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
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/params.js
var params = __webpack_require__(6363);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline.js
var pipeline = __webpack_require__(70655);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(97441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(41196);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
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
        const display = (0,repo.toRepoPath)(this.layout, abs);
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
        const values = (0,yaml_file.parseYaml)(text, params/* paramsFile */.p, display);
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
    const file = (0,repo.toRepoPath)(layout, fileAbs);
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
    const written = (0,yaml_file.parseYaml)(text, pipeline/* pipeline */.Tk, file);
    const expanded = expandStages({ file, text, dir, display: (abs) => (0,repo.toRepoPath)(layout, abs) });
    const parsed = validateExpanded(written.pass_env, expanded, file, text);
    const yamlPaths = new Map(expanded.map((e) => [e.name, e.yamlPath]));
    const params = new ParamsFiles(layout);
    const stages = [];
    for (const [stageName, stage] of Object.entries(parsed.stages)) {
        const at = (...path) => (0,yaml_file/* lineInYaml */.RH)(text, [...(yamlPaths.get(stageName) ?? ["stages", stageName]), ...path]);
        const wdir = (0,external_node_path_.resolve)(dir, stage.wdir ?? ".");
        const resolvePath = (p) => {
            const abs = (0,external_node_path_.resolve)(wdir, p);
            return { path: (0,pipeline/* normalisePath */.qb)(p), abs, repoPath: (0,repo.toRepoPath)(layout, abs) };
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
                            expected: `a key of ${(0,repo.toRepoPath)(layout, abs)}: ${describeKeys(values, key)}`,
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
            wdirPath: (0,repo.toRepoPath)(layout, wdir),
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
var files = __webpack_require__(20558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/pipeline-lock.js
var pipeline_lock = __webpack_require__(72687);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/lock.js






async function lock_readLock(layout, pipeline) {
    if (!(0,external_node_fs_.existsSync)(pipeline.lockFile))
        return { schema: "1", stages: {} };
    const text = await (0,promises_.readFile)(pipeline.lockFile, "utf8");
    return (0,yaml_file.parseYaml)(text, pipeline_lock.pipelineLock, (0,repo.toRepoPath)(layout, pipeline.lockFile));
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/run-cache.js
var run_cache = __webpack_require__(49060);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(75765);
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
var external_node_child_process_ = __webpack_require__(31421);
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/stable-json.js
var stable_json = __webpack_require__(87514);
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
    return (0,external_node_crypto_.createHash)("sha256").update((0,stable_json/* stableJson */._)(material)).digest("hex");
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
            if ((0,stable_json/* stableJson */._)(locked.params[file]?.[key]) !== (0,stable_json/* stableJson */._)(value))
                changedParams.push(key);
        }
    }
    if (changedParams.length > 0)
        return `params changed: ${changedParams.join(", ")}`;
    if ((0,stable_json/* stableJson */._)(locked.cmd) !== (0,stable_json/* stableJson */._)(runner_lockedCommand(stage)))
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
            const remembered = (await (0,run_cache/* readRunCache */.yy)(layout.cacheDir, runKey)) ??
                (options.remote ? await (0,run_cache/* fetchRunCache */.Im)(layout.cacheDir, options.remote, runKey) : undefined);
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
            await (0,run_cache/* writeRunCache */.rV)(layout.cacheDir, {
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
    const bytes = await remote.readRecord((0,run_cache/* runCacheRelPath */.C2)(runKey)).catch(() => undefined);
    if (!bytes)
        return;
    const record = (0,run_cache/* parseRunCacheEntry */.n0)(bytes.toString("utf8"), runKey);
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

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js + 7 modules
var tracking = __webpack_require__(93002);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/publish-outputs.js



/**
 * What a trusted run sends to the data remote: the datasets' objects, then every pipeline run with
 * its outputs, so a teammate, CI or a pull request restores outputs instead of rerunning stages.
 */
async function pushDatasetsAndRuns(layout, datasets, remote, options = {}) {
    const result = await (0,tracking/* pushDatasets */.e2)(layout, datasets, remote, options);
    const runs = await (0,run_cache/* pushRunCache */.yK)(layout.cacheDir, new store.Cache(layout.cacheDir), remote, options);
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
        const datasets = await (0,tracking.selectDatasets)(layout);
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
    const { loadModelCards } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 12529));
    const cards = await loadModelCards(layout);
    return cards.map((card) => external_node_path_.posix.join("pipelines", card.pipeline, card.output));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/pipeline/index.js












/***/ }),

/***/ 49060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ runCacheRelPath),
/* harmony export */   Im: () => (/* binding */ fetchRunCache),
/* harmony export */   n0: () => (/* binding */ parseRunCacheEntry),
/* harmony export */   rV: () => (/* binding */ writeRunCache),
/* harmony export */   yK: () => (/* binding */ pushRunCache),
/* harmony export */   yy: () => (/* binding */ readRunCache)
/* harmony export */ });
/* unused harmony exports runCacheEntry, runCachePath, listRunCache */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(92857);
/* harmony import */ var _files_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20558);
/* harmony import */ var _manifest_pipeline_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72687);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1520);
/* harmony import */ var _stable_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(87514);








/**
 * One remembered run: the outputs a stage produced from inputs whose hash is `run_key`. Entries live
 * at `.mlops/cache/runs/ab/<run_key>.json`; gc keeps every object they name.
 */
const runCacheEntry = zod__WEBPACK_IMPORTED_MODULE_6__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz("1"),
    run_key: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/),
    stage: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    outs: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(_manifest_pipeline_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .lockEntry */ .K),
    duration_ms: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().nonnegative().optional(),
});
/** Where an entry lives, relative to a cache or remote root. */
function runCacheRelPath(runKey) {
    return `runs/${runKey.slice(0, 2)}/${runKey}.json`;
}
function runCachePath(cacheDir, runKey) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, runCacheRelPath(runKey));
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
        await writeRunCache(cacheDir, entry);
    return entry;
}
/** Every local entry: what `data push` sends so teammates and CI can restore instead of rerun. */
async function listRunCache(cacheDir) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cacheDir, "runs");
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(base))
        return [];
    const out = [];
    for (const prefix of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(base).sort()) {
        for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(base, prefix)).sort()) {
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
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return undefined;
    // A damaged entry only costs a rerun, so it is ignored rather than fatal.
    return parseRunCacheEntry(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, "utf8"), runKey);
}
async function writeRunCache(cacheDir, entry) {
    await (0,_files_index_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(runCachePath(cacheDir, entry.run_key), `${JSON.stringify(entry, null, 1)}\n`);
}
/**
 * Sends every local run-cache entry whose outputs are all in the cache to the remote: the objects
 * first, the entry last, so a reader never finds an entry whose outputs are missing. A read-only
 * remote (a pull-request run) is skipped, not an error: such runs may read the run cache, never fill it.
 */
async function pushRunCache(cacheDir, cache, remote, options = {}) {
    let entries = 0;
    let transferred = 0;
    let bytes = 0;
    if ((0,_store_index_js__WEBPACK_IMPORTED_MODULE_5__.isReadOnlyRemote)(remote))
        return { entries, transferred, bytes };
    for (const entry of await listRunCache(cacheDir)) {
        if (!entry.outs.every((o) => cache.has(o.sha256)))
            continue;
        // A record that already maps the key to the same outputs stays (a rerun differs only in its
        // timing); one that maps it elsewhere (stale or forged) is replaced by what this run computed.
        const existing = await remote.readRecord(runCacheRelPath(entry.run_key));
        const there = existing ? parseRunCacheEntry(existing.toString("utf8"), entry.run_key) : undefined;
        if (there && (0,_stable_json_js__WEBPACK_IMPORTED_MODULE_7__/* .stableJson */ ._)(there.outs) === (0,_stable_json_js__WEBPACK_IMPORTED_MODULE_7__/* .stableJson */ ._)(entry.outs))
            continue;
        const result = await (0,_store_index_js__WEBPACK_IMPORTED_MODULE_5__.push)(cache, remote, entry.outs.map((o) => ({ oid: o.sha256, referencedBy: `run cache entry of ${entry.stage}` })), options);
        transferred += result.transferred;
        bytes += result.bytes;
        await remote.writeRecord(runCacheRelPath(entry.run_key), Buffer.from(`${JSON.stringify(entry, null, 1)}\n`));
        entries++;
    }
    await remote.flush?.();
    return { entries, transferred, bytes };
}


/***/ }),

/***/ 71319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   candidateManifest: () => (/* binding */ candidateManifest),
/* harmony export */   evaluateOnData: () => (/* binding */ evaluateOnData),
/* harmony export */   stageManifest: () => (/* binding */ stageManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12529);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41196);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1520);




/**
 * What the working tree would register, without registering it: enough of a version manifest for
 * the gates (metrics, validation, signature, and the artifact put into the local store so the
 * regression gates can evaluate it).
 */
async function candidateManifest(layout, card, pipelineDir, modelFile) {
    const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(modelFile);
    const sha256 = (0,_store_index_js__WEBPACK_IMPORTED_MODULE_3__.hashBytes)(bytes);
    const cache = new _store_index_js__WEBPACK_IMPORTED_MODULE_3__.Cache(layout.cacheDir);
    if (!cache.has(sha256))
        await cache.addFile(modelFile);
    const validation = card.validation ? await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readValidation */ .Qo)(layout, pipelineDir, card.validation) : undefined;
    return {
        version: "this PR",
        model: card.name,
        created: new Date(0).toISOString(),
        commit: "0".repeat(40),
        pipeline: { name: card.pipeline, lock_sha256: "0".repeat(64) },
        data: [],
        params: {},
        metrics: card.metrics ? await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readMetrics */ .Uw)(layout, pipelineDir, card.metrics) : {},
        ...(validation ? { validation } : {}),
        signature: await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readSignature */ .Bc)(modelFile, (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.toRepoPath)(layout, modelFile)),
        artifact: { sha256, size: bytes.length, uri: "workspace" },
    };
}
async function stageManifest(layout, state, version) {
    const record = state.versions.find((v) => v.version === version);
    if (!record)
        return undefined;
    return (await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readVersionManifests */ .TY)(layout.root, [record.ref])).get(record.ref.tag);
}
function evaluateOnData(layout, card, version, evaluations) {
    return (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateOnCurrentData */ .Qd)({ layout, card, evaluations }, version);
}


/***/ }),

/***/ 71252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   curvesFor: () => (/* binding */ curvesFor)
/* harmony export */ });
/* unused harmony export curveSeriesOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51865);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42296);
/* harmony import */ var _manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97441);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12529);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(41196);
/* harmony import */ var _candidate_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(71319);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(25965);









/** The sha256 the base revision's lock records for `output`, or undefined when it has none. */
async function baseOutputHash(layout, spec, output, baseRev) {
    const lockPath = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, spec.lockFile);
    const r = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .gitRaw */ .Pm)(["show", `${baseRev}:${lockPath}`], { cwd: layout.root, okCodes: [128] });
    if (r.code !== 0)
        return undefined;
    const lock = (0,_manifest_yaml_file_js__WEBPACK_IMPORTED_MODULE_4__.parseYaml)(r.stdout.toString("utf8"), _manifest_index_js__WEBPACK_IMPORTED_MODULE_3__/* .pipelineLock */ .SC, `${baseRev}:${lockPath}`);
    for (const stage of Object.values(lock.stages)) {
        const out = stage.outs.find((o) => o.path === output);
        if (out)
            return out.sha256;
    }
    return undefined;
}
/** Rows of the table that have a target, as the evaluator keeps them. */
function classIndices(table, target, classes) {
    const position = new Map(classes.map((c, i) => [c, i]));
    const actual = [];
    for (const row of table.rows) {
        const v = row[target];
        if (v === null || v === undefined)
            continue;
        actual.push(position.get(String(v)) ?? -1);
    }
    return actual;
}
/** One model's series for the report from its evaluation on the shared table (the rows with a target). */
async function curveSeriesOf(label, e, table) {
    const { classificationCurves, regressionPlots } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 45479));
    const { numericColumn } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 50333));
    if (e.task === "regression") {
        const all = numericColumn(table, e.target);
        const values = e.predictions.values ?? [];
        const actual = [];
        const predicted = [];
        all.forEach((a, i) => {
            if (Number.isNaN(a))
                return;
            actual.push(a);
            predicted.push(values[i]);
        });
        const plots = regressionPlots(actual, predicted, { maxPoints: _document_js__WEBPACK_IMPORTED_MODULE_8__/* .maxScatterPoints */ .KT });
        return { label, points: plots.predicted_vs_actual.map((p) => [p.actual, p.predicted]) };
    }
    const classes = (e.predictions.classes ?? []).slice(0, 20);
    const k = e.predictions.classes?.length ?? 0;
    const rows = e.predictions.probabilities ?? [];
    const proba = [];
    table.rows.forEach((row, i) => {
        const v = row[e.target];
        if (v !== null && v !== undefined)
            proba.push(...(rows[i] ?? []));
    });
    const actual = classIndices(table, e.target, e.predictions.classes ?? []);
    // Many classes share the report's size budget: fewer points per curve, still both ends.
    const maxPoints = k > 5 ? 30 : _document_js__WEBPACK_IMPORTED_MODULE_8__/* .maxCurvePoints */ .V5;
    const curves = classificationCurves(actual, proba, e.predictions.classes ?? [], { maxPoints });
    return {
        label,
        classes: classes.map((name) => {
            const c = curves[name];
            return {
                class: name,
                roc: (c?.roc ?? []).map((p) => [p.fpr, p.tpr]),
                precision_recall: (c?.precision_recall ?? []).map((p) => [p.recall, p.precision]),
                calibration: (c?.calibration ?? []).map((b) => [
                    b.mean_predicted,
                    b.fraction_positive,
                    b.count,
                ]),
            };
        }),
    };
}
const short = (message) => (message.length > 280 ? `${message.slice(0, 279)}…` : message);
/**
 * Curves of the models a card compares, all evaluated on the card's evaluation data in the working
 * tree so the curves compare like with like: each source's model (the working tree's file, or the
 * one a revision's lock records, from the store) and, with `stages`, the models staging and prod
 * hold. A model that cannot be found or evaluated is left out with a note; undefined when the card
 * names no evaluation data or the data is not in the workspace.
 */
async function curvesFor(layout, spec, card, options) {
    if (!card.evaluation)
        return undefined;
    const dataFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(spec.dir, card.evaluation.data);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dataFile))
        return undefined;
    const { readTable } = await __webpack_require__.e(/* import() */ 333).then(__webpack_require__.bind(__webpack_require__, 50333));
    const { evaluateModel } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 45479));
    const display = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, dataFile);
    const table = await readTable(dataFile, display);
    const { storedObject } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 93002));
    const contenders = options.sources.map(({ label, rev }) => ({
        label,
        locate: async () => {
            if (rev === undefined) {
                const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(spec.dir, card.output);
                if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
                    throw new Error(`no ${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, file)} in the working tree`);
                return file;
            }
            const oid = await baseOutputHash(layout, spec, card.output, rev);
            if (!oid)
                throw new Error(`the lock at ${rev} records no ${card.output}`);
            return storedObject(layout, oid, {
                what: `${card.output} at ${rev}`,
                referencedBy: `${rev}:${(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__.toRepoPath)(layout, spec.lockFile)}`,
            });
        },
    }));
    if (options.stages) {
        const refs = await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .readRegistryRefs */ .Gk)(layout.root, { model: card.name });
        const state = (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .buildState */ .qk)(refs).models.get(card.name);
        for (const stage of ["staging", "prod"]) {
            const held = state?.current.get(stage);
            if (!held || !state)
                continue;
            contenders.push({
                label: `${stage} ${held}`,
                locate: async () => {
                    const version = await (0,_candidate_js__WEBPACK_IMPORTED_MODULE_7__.stageManifest)(layout, state, held);
                    if (!version)
                        throw new Error(`no manifest for ${card.name}@${held}`);
                    return (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__.modelObjectPath)(layout, version);
                },
            });
        }
    }
    const evaluated = new Map();
    const series = [];
    const notes = [];
    let task = card.task === "regression" ? "regression" : "classification";
    for (const c of contenders) {
        try {
            const path = await c.locate();
            let e = evaluated.get(path);
            if (!e) {
                e = await evaluateModel(path, table, {
                    modelLabel: c.label,
                    maxPlotPoints: 2,
                    ...(card.evaluation.target ? { target: card.evaluation.target } : {}),
                });
                evaluated.set(path, e);
            }
            task = e.task;
            series.push(await curveSeriesOf(c.label, e, table));
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            options.logger?.warn(`curves: ${c.label} of ${card.name} left out: ${message}`);
            notes.push(short(`${c.label}: ${message}`));
        }
    }
    if (series.length === 0 && notes.length === 0)
        return undefined;
    return { model: card.name, task, data: display, rows: table.rows.length, series, notes };
}


/***/ })

};
