import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import {
  type AlertTiming,
  alertNames,
  alertRuleGroups,
  dashboardQueries,
  defaultAlertTiming,
  grafanaDashboard,
  type ModelDeployment,
  renderModel,
  rulesFile,
} from "../src/deploy/index.js";
import { modelDeploySettings } from "../src/manifest/index.js";
import { type InferenceServer, startInferenceServer } from "../src/serve/index.js";
import { readProfileFile } from "../src/validate/profile-file.js";
import { runCli } from "./support/cli.js";
import { freePort } from "./support/doc-blocks.js";
import { parseExposition, parseSampleLine } from "./support/exposition.js";
import { promqlMetricNames } from "./support/promql.js";
import { requireTool } from "./support/tools.js";
import { fuelEfficiencyFeatures, trainPipelines } from "./support/trained-pipelines.js";

const work = mkdtempSync(join(tmpdir(), "mlops-observability-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const deployment: ModelDeployment = {
  model: "fuel-efficiency",
  version: "v1.2.0",
  stage: "prod",
  environment: "production",
  image: `127.0.0.1:5000/fuel-efficiency@sha256:${"a".repeat(64)}`,
  kind: "deployment",
  settings: modelDeploySettings.parse({}),
};

/** Labels every series of the model carries (the PodMonitor's relabelings, and a target's own). */
const target =
  'mlops_model="fuel-efficiency",mlops_environment="production",job="mlops",instance="10.0.0.7:8080"';

function promtool(...args: string[]): { code: number; output: string } {
  const tool = requireTool("promtool (Debian's prometheus package)", "promtool");
  const run = spawnSync(tool, args, { cwd: work, encoding: "utf8", timeout: 60_000 });
  return { code: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

/** The rendered annotations with Go's template fields filled in as Prometheus renders them here. */
function annotationsOf(alert: string, values: Record<string, string>): Record<string, string> {
  const rule = alertRuleGroups(deployment)
    .flatMap((g) => g.rules)
    .find((r) => r.alert === alert);
  return Object.fromEntries(
    Object.entries(rule?.annotations ?? {}).map(([k, v]) => [
      k,
      v.replace(/\{\{ ([^}]+) \}\}/g, (whole, field: string) => values[field] ?? whole),
    ]),
  );
}

const pageLabels = {
  severity: "page",
  stage: "prod",
  mlops_model: "fuel-efficiency",
  mlops_environment: "production",
};
const ticketLabels = { ...pageLabels, severity: "ticket" };

interface UnitTest {
  name: string;
  series: Record<string, string>;
  eval: string;
  alert: string;
  fires?: { labels: Record<string, string>; annotations: Record<string, string> }[];
}

/** For each alert, synthetic series that make it fire, and others that keep it quiet. */
const unitTests: UnitTest[] = [
  {
    name: "a quarter of requests answered 400 fires the error-ratio alert",
    series: {
      [`mlops_serve_requests_total{${target},route="predict",status="200"}`]: "0+30x40",
      [`mlops_serve_requests_total{${target},route="predict",status="400"}`]: "0+10x40",
    },
    eval: "15m",
    alert: alertNames.errorRatio,
    fires: [
      {
        labels: pageLabels,
        annotations: annotationsOf(alertNames.errorRatio, { "$value | humanizePercentage": "25%" }),
      },
    ],
  },
  {
    name: "one request in a hundred failing keeps the error-ratio alert quiet",
    series: {
      [`mlops_serve_requests_total{${target},route="predict",status="200"}`]: "0+99x40",
      [`mlops_serve_requests_total{${target},route="predict",status="503"}`]: "0+1x40",
    },
    eval: "15m",
    alert: alertNames.errorRatio,
  },
  {
    name: "errors on /metrics alone keep the error-ratio alert quiet",
    series: {
      [`mlops_serve_requests_total{${target},route="predict",status="200"}`]: "0+99x40",
      [`mlops_serve_requests_total{${target},route="metrics",status="500"}`]: "0+50x40",
    },
    eval: "15m",
    alert: alertNames.errorRatio,
  },
  {
    name: "requests between 250 and 500 ms fire the latency alert",
    series: {
      [`mlops_serve_request_duration_seconds_bucket{${target},route="predict",le="0.25"}`]: "0+0x40",
      [`mlops_serve_request_duration_seconds_bucket{${target},route="predict",le="0.5"}`]: "0+100x40",
      [`mlops_serve_request_duration_seconds_bucket{${target},route="predict",le="+Inf"}`]: "0+100x40",
    },
    eval: "20m",
    alert: alertNames.latency,
    fires: [
      {
        labels: pageLabels,
        annotations: annotationsOf(alertNames.latency, { "$value | humanizeDuration": "497.5ms" }),
      },
    ],
  },
  {
    name: "requests under 100 ms keep the latency alert quiet",
    series: {
      [`mlops_serve_request_duration_seconds_bucket{${target},route="predict",le="0.1"}`]: "0+100x40",
      [`mlops_serve_request_duration_seconds_bucket{${target},route="predict",le="0.25"}`]: "0+100x40",
      [`mlops_serve_request_duration_seconds_bucket{${target},route="predict",le="+Inf"}`]: "0+100x40",
    },
    eval: "20m",
    alert: alertNames.latency,
  },
  {
    name: "a server up with no inference requests fires the no-traffic alert",
    series: {
      [`mlops_serve_model_info{${target},model="fuel-efficiency",version="v1.2.0"}`]: "1x60",
      [`mlops_serve_requests_total{${target},route="metrics",status="200"}`]: "0+4x60",
    },
    eval: "30m",
    alert: alertNames.noTraffic,
    fires: [{ labels: ticketLabels, annotations: annotationsOf(alertNames.noTraffic, {}) }],
  },
  {
    name: "a server answering predictions keeps the no-traffic alert quiet",
    series: {
      [`mlops_serve_model_info{${target},model="fuel-efficiency",version="v1.2.0"}`]: "1x60",
      [`mlops_serve_requests_total{${target},route="infer",status="200"}`]: "0+5x60",
    },
    eval: "30m",
    alert: alertNames.noTraffic,
  },
  {
    name: "a server on another version than the stage's fires the wrong-version alert",
    series: {
      [`mlops_serve_model_info{${target},model="fuel-efficiency",version="v1.1.0"}`]: "1x60",
    },
    eval: "20m",
    alert: alertNames.wrongVersion,
    fires: [
      {
        labels: { ...pageLabels, model: "fuel-efficiency", version: "v1.1.0" },
        annotations: annotationsOf(alertNames.wrongVersion, {
          "$labels.model": "fuel-efficiency",
          "$labels.version": "v1.1.0",
        }),
      },
    ],
  },
  {
    name: "a server on the stage's version keeps the wrong-version alert quiet",
    series: {
      [`mlops_serve_model_info{${target},model="fuel-efficiency",version="v1.2.0"}`]: "1x60",
    },
    eval: "20m",
    alert: alertNames.wrongVersion,
  },
  {
    name: "a feature's PSI above the threshold over a full window fires the drift alert",
    series: {
      [`mlops_serve_input_drift_psi{${target},feature="model_year"}`]: "2.5x60",
      [`mlops_serve_input_drift_psi{${target},feature="weight"}`]: "0.05x60",
      [`mlops_serve_input_drift_window_rows{${target},feature="model_year",bin="1978"}`]: "40x60",
      [`mlops_serve_input_drift_window_rows{${target},feature="model_year",bin="+Inf"}`]: "80x60",
      [`mlops_serve_input_drift_window_rows{${target},feature="weight",bin="+Inf"}`]: "120x60",
    },
    eval: "30m",
    alert: alertNames.inputDrift,
    fires: [
      {
        labels: { ...ticketLabels, feature: "model_year" },
        annotations: annotationsOf(alertNames.inputDrift, { "$labels.feature": "model_year", $value: "2.5" }),
      },
    ],
  },
  {
    name: "a PSI above the threshold over too few rows keeps the drift alert quiet",
    series: {
      [`mlops_serve_input_drift_psi{${target},feature="model_year"}`]: "2.5x60",
      [`mlops_serve_input_drift_window_rows{${target},feature="model_year",bin="+Inf"}`]: "50x60",
    },
    eval: "30m",
    alert: alertNames.inputDrift,
  },
  {
    name: "PSIs below the threshold keep the drift alert quiet",
    series: {
      [`mlops_serve_input_drift_psi{${target},feature="model_year"}`]: "0.1x60",
      [`mlops_serve_input_drift_window_rows{${target},feature="model_year",bin="+Inf"}`]: "500x60",
    },
    eval: "30m",
    alert: alertNames.inputDrift,
  },
];

function unitTestFile(tests: UnitTest[]): string {
  return stringify({
    rule_files: ["rules.yaml"],
    evaluation_interval: "1m",
    tests: tests.map((t) => ({
      name: t.name,
      interval: "1m",
      input_series: Object.entries(t.series).map(([series, values]) => ({ series, values })),
      alert_rule_test: [
        {
          eval_time: t.eval,
          alertname: t.alert,
          exp_alerts: (t.fires ?? []).map((f) => ({ exp_labels: f.labels, exp_annotations: f.annotations })),
        },
      ],
    })),
  });
}

describe("rendered Prometheus rules", () => {
  it("are rendered beside the manifests, the same bytes every time, and pass promtool check rules", () => {
    const files = renderModel(deployment);
    expect(renderModel(deployment)).toEqual(files);
    const paths = files.map((f) => f.path).filter((p) => p.includes("/observability/"));
    expect(paths.sort()).toEqual([
      "fuel-efficiency/observability/dashboard.yaml",
      "fuel-efficiency/observability/kustomization.yaml",
      "fuel-efficiency/observability/podmonitor.yaml",
      "fuel-efficiency/observability/prometheusrule.yaml",
      "fuel-efficiency/observability/rules.yaml",
    ]);
    const rules = files.find((f) => f.path.endsWith("/rules.yaml"))?.text as string;
    writeFileSync(join(work, "rules.yaml"), rules);
    const checked = promtool("check", "rules", "rules.yaml");
    expect(checked.code, checked.output).toBe(0);
    expect(checked.output).toContain("SUCCESS: 9 rules found");
    // The PrometheusRule holds the same groups, for the Operator.
    const operator = parse(files.find((f) => f.path.endsWith("/prometheusrule.yaml"))?.text as string);
    expect(operator.kind).toBe("PrometheusRule");
    expect(operator.spec.groups).toEqual(parse(rules).groups);
    // Without the Operator, the model's kustomization leaves them out; with it, they are in.
    const kustomization = (fs: typeof files) =>
      parse(fs.find((f) => f.path === "fuel-efficiency/kustomization.yaml")?.text as string).resources;
    expect(kustomization(files)).not.toContain("observability");
    const withOperator = renderModel({
      ...deployment,
      settings: modelDeploySettings.parse({ alerts: { prometheus_operator: true } }),
    });
    expect(kustomization(withOperator)).toContain("observability");
    // The check can fail: a broken expression is refused.
    writeFileSync(join(work, "broken.yaml"), rules.replace("> 0.05", "> > 0.05"));
    expect(promtool("check", "rules", "broken.yaml").code).not.toBe(0);
  });

  it("make each alert fire on synthetic series and stay quiet on others (promtool test rules)", () => {
    writeFileSync(join(work, "rules.yaml"), rulesFile(deployment));
    writeFileSync(join(work, "rules.test.yaml"), unitTestFile(unitTests));
    const tested = promtool("test", "rules", "rules.test.yaml");
    expect(tested.code, tested.output).toBe(0);
    // Every alert has a firing case and a quiet one.
    for (const alert of Object.values(alertNames)) {
      expect(unitTests.some((t) => t.alert === alert && t.fires)).toBe(true);
      expect(unitTests.some((t) => t.alert === alert && !t.fires)).toBe(true);
    }
    // The unit tests can fail: a firing case expected quiet is reported.
    const wrong = unitTests.filter((t) => t.fires).map((t) => ({ ...t, fires: undefined }));
    writeFileSync(join(work, "wrong.test.yaml"), unitTestFile(wrong));
    const failed = promtool("test", "rules", "wrong.test.yaml");
    expect(failed.code).not.toBe(0);
    for (const alert of Object.values(alertNames)) expect(failed.output).toContain(alert);
  });

  it("are accepted by promtool whatever valid thresholds, model, environment and version the card and registry give", () => {
    const settingsArb = fc.record({
      latency_p99_ms: fc.double({ min: 0.001, max: 60_000, noNaN: true }),
      error_ratio: fc.double({ min: 1e-6, max: 1, noNaN: true }),
      drift_psi: fc.double({ min: 1e-6, max: 50, noNaN: true }),
      drift_min_rows: fc.integer({ min: 1, max: 1_000_000 }),
      no_traffic_minutes: fc.integer({ min: 1, max: 10_000 }),
    });
    const nameArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    const samples = fc.sample(
      fc.record({
        alerts: settingsArb,
        model: nameArb,
        environment: nameArb,
        version: fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map((v) => `v${v.join(".")}`),
      }),
      { seed: 243, numRuns: 40 },
    );
    const files = samples.map((s, i) => {
      const file = `fuzz-${i}.yaml`;
      const d: ModelDeployment = {
        ...deployment,
        model: s.model,
        environment: s.environment,
        version: s.version,
        settings: modelDeploySettings.parse({ alerts: s.alerts }),
      };
      const text = rulesFile(d);
      expect(rulesFile(d)).toBe(text);
      writeFileSync(join(work, file), text);
      return file;
    });
    const checked = promtool("check", "rules", ...files);
    expect(checked.code, checked.output).toBe(0);
    expect(checked.output.match(/SUCCESS: 9 rules found/g)).toHaveLength(samples.length);
  });

  it("take the card's thresholds", () => {
    const strict = {
      ...deployment,
      settings: modelDeploySettings.parse({
        alerts: { latency_p99_ms: 40, error_ratio: 0.01, drift_psi: 0.5 },
      }),
    };
    const text = rulesFile(strict);
    expect(text).toContain(':p99{mlops_model="fuel-efficiency",mlops_environment="production"} > 0.04');
    expect(text).toContain(
      ':ratio_rate{mlops_model="fuel-efficiency",mlops_environment="production"} > 0.01',
    );
    expect(text).toContain(':max{mlops_model="fuel-efficiency",mlops_environment="production"} > 0.5');
    expect(() => modelDeploySettings.parse({ alerts: { error_ratio: 2 } })).toThrow(
      /expected a fraction 0–1/,
    );
  });
});

// ---- a real Prometheus scraping a real server ---------------------------------------------------

const trained = trainPipelines(["fuel-efficiency"]);
afterAll(() => trained.cleanup());
let server: InferenceServer;
let prometheus: ChildProcess | undefined;
let prometheusUrl = "";
let prometheusLog = "";

/** Seconds-scale timing, so the test sees alerts come and go within a few scrapes. */
const quick: AlertTiming = {
  rateWindow: "5s",
  for: Object.fromEntries(Object.keys(defaultAlertTiming.for).map((a) => [a, "1s"])) as AlertTiming["for"],
};

const features = fuelEfficiencyFeatures;
const good = JSON.parse(readFileSync(trained.path("pipelines/fuel-efficiency/data/test.json"), "utf8")).map(
  (r: Record<string, unknown>) => Object.fromEntries(features.map((f) => [f, r[f] ?? null])),
) as Record<string, unknown>[];

async function predict(records: unknown[]): Promise<number> {
  const res = await fetch(`${server.url}/predict`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ records }),
  });
  await res.text();
  return res.status;
}

/** Polls `check` until it holds, doing `between` each round; fails after `seconds`. */
async function until(
  what: string,
  seconds: number,
  between: () => Promise<unknown>,
  check: () => Promise<boolean>,
) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    await between();
    if (await check()) return;
  }
  throw new Error(`${what}: not within ${seconds} s\n${prometheusLog.slice(-3000)}`);
}

async function alertStates(name: string): Promise<string[]> {
  const res = await fetch(`${prometheusUrl}/api/v1/alerts`);
  const body = (await res.json()) as { data: { alerts: { labels: { alertname: string }; state: string }[] } };
  return body.data.alerts.filter((a) => a.labels.alertname === name).map((a) => a.state);
}

describe("a real Prometheus scraping mlops serve", () => {
  beforeAll(async () => {
    const binary = requireTool("prometheus (Debian's prometheus package)", "prometheus");
    const onnxPath = trained.path("pipelines/fuel-efficiency/model.onnx");
    const profiled = runCli(["profile", "pipelines/fuel-efficiency/data/train.json", "--json"], {
      cwd: trained.dir,
    });
    expect(profiled.code, profiled.stderr).toBe(0);
    server = await startInferenceServer({
      model: {
        name: "fuel-efficiency",
        version: "v1.2.0",
        onnxPath,
        sha256: createHash("sha256").update(readFileSync(onnxPath)).digest("hex"),
        columns: { cylinders: { type: "integer", allowed: [3, 4, 5, 6, 8] } },
      },
      liveDrift: {
        reference: await readProfileFile(trained.path("pipelines/fuel-efficiency/data/train.profile.json")),
      },
    });
    const dir = join(work, "prometheus");
    writeFileSync(join(work, "quick-rules.yaml"), rulesFile(deployment, quick));
    writeFileSync(
      join(work, "prometheus.yml"),
      stringify({
        global: { scrape_interval: "1s", evaluation_interval: "1s" },
        rule_files: [join(work, "quick-rules.yaml")],
        scrape_configs: [
          {
            job_name: "mlops",
            static_configs: [
              {
                targets: [new URL(server.url).host],
                labels: { mlops_model: "fuel-efficiency", mlops_environment: "production" },
              },
            ],
          },
        ],
      }),
    );
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      binary,
      [
        `--config.file=${join(work, "prometheus.yml")}`,
        `--storage.tsdb.path=${dir}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    prometheus.stderr?.on("data", (chunk: Buffer) => {
      prometheusLog += chunk.toString("utf8");
    });
    await until(
      "Prometheus ready",
      60,
      () => new Promise((r) => setTimeout(r, 100)),
      async () => {
        if (prometheus?.exitCode !== null) throw new Error(`prometheus exited:\n${prometheusLog}`);
        return fetch(`${prometheusUrl}/-/ready`).then(
          (r) => r.ok,
          () => false,
        );
      },
    );
  }, 180_000);

  afterAll(async () => {
    if (prometheus?.pid && prometheus.exitCode === null) {
      const exited = new Promise((r) => prometheus?.once("exit", r));
      prometheus.kill("SIGTERM");
      await exited;
    }
    await server?.close();
  });

  it("has the error-ratio alert pending or firing after a burst of bad requests, and not after normal traffic", async () => {
    // Bad requests: a cylinder count the serving schema does not allow, answered 400.
    const bad = good.slice(0, 3).map((r) => ({ ...r, cylinders: 7 }));
    await until(
      "the error-ratio alert pending or firing",
      60,
      async () => {
        for (let i = 0; i < 20; i++) expect(await predict(bad)).toBe(400);
        await new Promise((r) => setTimeout(r, 200));
      },
      async () => (await alertStates(alertNames.errorRatio)).some((s) => s === "pending" || s === "firing"),
    );
    await until(
      "the error-ratio alert gone",
      60,
      async () => {
        for (let i = 0; i < 20; i++) expect(await predict(good.slice(i, i + 3))).toBe(200);
        await new Promise((r) => setTimeout(r, 200));
      },
      async () => (await alertStates(alertNames.errorRatio)).length === 0,
    );
  });

  it("runs every dashboard query without error, and every metric it names is in the server's /metrics", async () => {
    expect(await predict(good.slice(0, 5))).toBe(200);
    expect(await predict([{ ...good[0], cylinders: 7 }])).toBe(400);
    const page = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    const exported = new Set([...page.samples.map((s) => s.name), ...page.types.keys()]);
    const queries = dashboardQueries(grafanaDashboard(deployment));
    expect(queries.length).toBeGreaterThan(8);
    for (const expr of queries) {
      const names = promqlMetricNames(expr);
      expect(names.length, expr).toBeGreaterThan(0);
      for (const name of names) expect(exported.has(name), `${name} in ${expr}`).toBe(true);
      // And Prometheus runs it (Grafana's $__rate_interval is its own; a scrape-scale range here).
      const query = expr.replaceAll("$__rate_interval", "5s");
      const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
      const body = (await res.json()) as { status: string; error?: string };
      expect(body.status, `${expr}: ${body.error}`).toBe("success");
    }
    // The recording rules and the alerts name only exported metrics too.
    for (const rule of alertRuleGroups(deployment).flatMap((g) => g.rules)) {
      for (const name of promqlMetricNames(rule.expr)) {
        if (name.startsWith("mlops_model:")) continue;
        expect(exported.has(name), `${name} in ${rule.expr}`).toBe(true);
      }
    }
  });
});

describe("test parsers, fuzzed", () => {
  const labelValue = fc.string({ maxLength: 12 });
  const name = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,12}$/);
  const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/);
  const escapeLabel = (v: string) =>
    v.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");

  it("reads back any sample line as written, and refuses a mangled one without crashing", () => {
    fc.assert(
      fc.property(
        name,
        fc.dictionary(labelName, labelValue, { maxKeys: 4 }),
        fc.double({ noNaN: true }),
        (n, labels, value) => {
          const body = Object.entries(labels)
            .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
            .join(",");
          const text = `${n}${body ? `{${body}}` : ""} ${Number.isFinite(value) ? String(value) : value > 0 ? "+Inf" : "-Inf"}`;
          const sample = parseSampleLine(text);
          expect(sample.name).toBe(n);
          expect(sample.labels).toEqual(labels);
          expect(Object.is(sample.value, value) || sample.value === value).toBe(true);
        },
      ),
      { seed: 240, numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (line) => {
        try {
          const s = parseSampleLine(line);
          expect(typeof s.name).toBe("string");
        } catch (err) {
          expect((err as Error).message).toMatch(
            /^(no metric name|unclosed|bad |expected|trailing|not a sample)/,
          );
        }
      }),
      { seed: 241, numRuns: 1000 },
    );
  });

  it("finds exactly the metrics of generated PromQL, not its functions, labels, ranges or strings", () => {
    const metric = fc
      .stringMatching(/^[a-z][a-z0-9_]{0,10}(_total|_bucket)?$/)
      .filter(
        (m) =>
          ![
            "by",
            "on",
            "or",
            "and",
            "bool",
            "unless",
            "offset",
            "without",
            "ignoring",
            "inf",
            "nan",
          ].includes(m),
      );
    const selectorOf = (m: string, l: string, v: string) => `${m}{${l}="${escapeLabel(v)}"}`;
    const expr = fc.letrec<{ e: { text: string; names: string[] } }>((tie) => ({
      e: fc.oneof(
        { depthSize: "small" },
        fc
          .tuple(metric, labelName, labelValue)
          .map(([m, l, v]) => ({ text: selectorOf(m, l, v), names: [m] })),
        fc.tuple(metric, fc.constantFrom("5m", "1h", "$__rate_interval")).map(([m, w]) => ({
          text: `rate(${m}[${w}])`,
          names: [m],
        })),
        fc.tuple(tie("e"), fc.array(labelName, { minLength: 1, maxLength: 3 })).map(([e, ls]) => ({
          text: `sum by (${ls.join(", ")}) (${e.text})`,
          names: e.names,
        })),
        fc.tuple(tie("e"), tie("e"), fc.constantFrom("/", "and", "unless", "or", "+")).map(([a, b, op]) => ({
          text: `${a.text} ${op} on (le) ${b.text}`,
          names: [...a.names, ...b.names],
        })),
        fc.tuple(tie("e"), fc.double({ min: 0, max: 10, noNaN: true })).map(([e, x]) => ({
          text: `histogram_quantile(${x}, ${e.text}) > ${x}`,
          names: e.names,
        })),
      ),
    })).e;
    fc.assert(
      fc.property(expr, ({ text, names }) => {
        expect(promqlMetricNames(text)).toEqual([...new Set(names)].sort());
      }),
      { seed: 242, numRuns: 500 },
    );
  });
});
