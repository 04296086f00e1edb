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
import { stringify } from "yaml";
import type { ModelDeployment, RenderedFile } from "./render.js";

/** render.ts's YAML layout (that module imports this one, so the one-liner is repeated, not imported). */
function manifestYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false });
}

/** The default PSI above which a feature's live input drift alerts (`mlops drift`'s PSI threshold). */
export const driftPsiThreshold = 0.2;

export const alertNames = {
  errorRatio: "MlopsModelErrorRatioHigh",
  latency: "MlopsModelLatencyP99High",
  noTraffic: "MlopsModelNoTraffic",
  wrongVersion: "MlopsModelWrongVersion",
  inputDrift: "MlopsModelInputDrift",
} as const;

export type AlertName = (typeof alertNames)[keyof typeof alertNames];

/** How long a condition must hold, and the window rates are taken over. */
export interface AlertTiming {
  /** The range of `rate()` and the latency quantile, e.g. "5m". */
  rateWindow: string;
  for: Record<AlertName, string>;
}

/** What a cluster gets: rates over 5 minutes, and conditions that must last before they page. */
export const defaultAlertTiming: AlertTiming = {
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
export const targetLabels = { model: "mlops_model", environment: "mlops_environment" } as const;

export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: Rule[];
}

/** The recording rules' names (level:metric:operations, Prometheus' naming convention). */
export const recordNames = {
  requestRate: "mlops_model:inference_requests:rate",
  errorRatio: "mlops_model:inference_errors:ratio_rate",
  latencyP99: "mlops_model:inference_latency_seconds:p99",
  driftPsi: "mlops_model:input_drift_psi:max",
} as const;

/** A share as people read it: 0.05 → 5%, 0.000123 → 0.0123%. */
function percent(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}

function selector(d: ModelDeployment, extra = ""): string {
  const base = `${targetLabels.model}="${d.model}",${targetLabels.environment}="${d.environment}"`;
  return `{${base}${extra ? `,${extra}` : ""}}`;
}

const inference = 'route=~"infer|predict"';
const by = `${targetLabels.model}, ${targetLabels.environment}`;

/** The recording and alerting rules of one model in one environment. */
export function alertRuleGroups(d: ModelDeployment, timing: AlertTiming = defaultAlertTiming): RuleGroup[] {
  const a = d.settings.alerts;
  const w = timing.rateWindow;
  const s = selector(d);
  // The series carry mlops_model and mlops_environment already; `model` and `version` are the
  // served model's own labels (the wrong-version alert shows them), so the rule does not set them.
  const labels = { severity: "page", stage: d.stage };
  const ticket = { ...labels, severity: "ticket" };
  const where = `${d.model} in ${d.environment}`;
  const latencySeconds = a.latency_p99_ms / 1000;
  const recording: Rule[] = [
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
  const alerts: Rule[] = [
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
export function rulesFile(d: ModelDeployment, timing: AlertTiming = defaultAlertTiming): string {
  return manifestYaml({ groups: alertRuleGroups(d, timing) });
}

const stableLabels = (d: ModelDeployment) => ({
  "app.kubernetes.io/name": d.model,
  "app.kubernetes.io/component": "model-server",
  "app.kubernetes.io/managed-by": "mlops",
});

function prometheusRule(d: ModelDeployment) {
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
function podMonitor(d: ModelDeployment) {
  const pods =
    d.kind === "kserve"
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

interface Panel {
  title: string;
  description: string;
  unit: string;
  queries: { expr: string; legend: string }[];
  kind?: "timeseries" | "table";
}

/** The dashboard's panels: each queries metrics `mlops serve` exports (test/observability.test.ts checks). */
function panels(d: ModelDeployment): Panel[] {
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
export function grafanaDashboard(d: ModelDeployment): Record<string, unknown> {
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
export function dashboardQueries(dashboard: Record<string, unknown>): string[] {
  const list = (dashboard.panels ?? []) as { targets?: { expr?: string }[] }[];
  return list.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ""));
}

function dashboardConfigMap(d: ModelDeployment) {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    // Grafana's dashboard sidecar (kube-prometheus-stack, the grafana chart) loads ConfigMaps so labelled.
    metadata: { name: `${d.model}-dashboard`, labels: { ...stableLabels(d), grafana_dashboard: "1" } },
    data: { [`${d.model}.json`]: `${JSON.stringify(grafanaDashboard(d), null, 2)}\n` },
  };
}

const header = (d: ModelDeployment) =>
  `# ${d.model} in ${d.environment} (stage ${d.stage}): alerts and dashboard, rendered by mlops from the model card.\n# Do not edit: the next promotion or rollback rewrites it.\n`;

/**
 * The model's observability files, under `<model>/observability/`. Its kustomization lists the
 * Operator's objects and the dashboard; the model's own kustomization includes that directory only
 * when the card sets `deploy.alerts.prometheus_operator` (a cluster without the Operator's CRDs
 * would refuse a PrometheusRule).
 */
export function renderObservability(d: ModelDeployment): RenderedFile[] {
  const dir = `${d.model}/observability`;
  const objects: [string, unknown][] = [
    ["prometheusrule.yaml", prometheusRule(d)],
    ["podmonitor.yaml", podMonitor(d)],
    ["dashboard.yaml", dashboardConfigMap(d)],
  ];
  return [
    { path: `${dir}/rules.yaml`, text: header(d) + rulesFile(d) },
    ...objects.map(([name, object]) => ({ path: `${dir}/${name}`, text: header(d) + manifestYaml(object) })),
    {
      path: `${dir}/kustomization.yaml`,
      text:
        header(d) +
        manifestYaml({
          apiVersion: "kustomize.config.k8s.io/v1beta1",
          kind: "Kustomization",
          resources: objects.map(([name]) => name),
        }),
    },
  ];
}
