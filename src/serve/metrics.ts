import type { Counter, Gauge, Metric, MetricObjectWithValues, MetricValue, Registry } from "prom-client";
import { clusterDriftPsi, type ScrapedMetric } from "./live-drift.js";
import { type CounterSeries, CounterTally, type HistogramSeries, HistogramTally } from "./metric-tallies.js";

/** The route label: a fixed, small set, so a client cannot blow up the series count with URLs. */
export type Route = "infer" | "predict" | "health" | "metadata" | "metrics" | "unknown";

export interface ServeMetrics {
  readonly contentType: string;
  /** One answered request: its route, status and time from arrival to the response's end. */
  request(route: Route, status: number, seconds: number): void;
  /** A request that ended in an error, by kind ("validation", "too-large", "timeout", "inference", …). */
  error(route: Route, kind: string): void;
  /**
   * A request whose handling threw where nothing should (a bug, not a bad request): it was answered
   * 500 and the server kept serving.
   */
  unexpected(route: Route): void;
  /** A connection closed on arrival because the server already had `maxConnections` open. */
  dropped(): void;
  /** One `session.run`: its rows and duration. */
  batch(rows: number, seconds: number): void;
  /** The model now served; the previous one's series is dropped. */
  model(name: string, version: string): void;
  /** Metrics read at scrape time from another part of the server (live drift). */
  add(metrics: readonly ScrapedMetric[]): void;
  /** The Prometheus text exposition. */
  text(): Promise<string>;
  /** Every metric's values, for a cluster's primary to sum with the other workers' (`exposition`). */
  values(): Promise<MetricValues[]>;
}

/** One metric's values as a registry exports them; plain data, so it crosses process boundaries. */
export type MetricValues = MetricObjectWithValues<MetricValue<string>>;

/** Latency buckets in seconds: fine below 10 ms, where a tabular model's requests land. */
const latencyBuckets = [
  0.0002, 0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
  2.5,
];
const batchRowBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/**
 * Serving metrics on a registry of their own (never prom-client's global one, so two servers in one
 * process, or a library user's own metrics, do not collide). prom-client is imported when a server
 * starts, not when the CLI loads.
 */
export async function createServeMetrics(): Promise<ServeMetrics> {
  const prom = await import("prom-client");
  const registry: Registry = new prom.Registry();
  // What every request or batch updates is tallied outside prom-client (metric-tallies.ts says why);
  // the registry formats it with the rest.
  const requests = new CounterTally(
    "mlops_serve_requests_total",
    "HTTP requests answered, by route and status code",
  );
  const errors: Counter<"route" | "kind"> = new prom.Counter({
    name: "mlops_serve_errors_total",
    help: "Requests that ended in an error, by route and kind",
    labelNames: ["route", "kind"],
    registers: [],
  });
  const unexpected: Counter<"route"> = new prom.Counter({
    name: "mlops_serve_unexpected_errors_total",
    help: "Requests whose handling failed unexpectedly, answered 500 while the server kept serving",
    labelNames: ["route"],
    registers: [],
  });
  const dropped: Counter = new prom.Counter({
    name: "mlops_serve_dropped_connections_total",
    help: "Connections closed on arrival because the process had its maximum open",
    registers: [],
  });
  const latency = new HistogramTally(
    "mlops_serve_request_duration_seconds",
    "Time from a request's arrival to the end of its response",
    latencyBuckets,
  );
  const batchRows = new HistogramTally(
    "mlops_serve_batch_rows",
    "Rows per onnxruntime run (requests' rows batched together)",
    batchRowBuckets,
  );
  const runSeconds = new HistogramTally(
    "mlops_serve_inference_duration_seconds",
    "Time of one batch, from sending it to the model to its outputs",
    latencyBuckets,
  );
  const modelInfo: Gauge<"model" | "version"> = new prom.Gauge({
    name: "mlops_serve_model_info",
    help: "The model served: 1 for the name and version now loaded",
    labelNames: ["model", "version"],
    registers: [],
    // Summed over a cluster's workers the gauge would say 2 for one model; every worker serves it.
    aggregator: "max",
  });
  for (const metric of [requests, errors, unexpected, dropped, latency, batchRows, runSeconds, modelInfo]) {
    // The tallies carry what the registry reads of a metric; its type names only prom-client's own.
    registry.registerMetric(metric as unknown as Metric);
  }

  // A request's series, found once per route and status, so the request path only adds to them.
  const seriesByRoute = new Map<Route, { latency: HistogramSeries; byStatus: Map<number, CounterSeries> }>();
  const batchRowsSeries = batchRows.seriesOf();
  const runSecondsSeries = runSeconds.seriesOf();
  return {
    contentType: registry.contentType,
    request(route, status, seconds) {
      let series = seriesByRoute.get(route);
      if (series === undefined) {
        series = { latency: latency.seriesOf({ route }), byStatus: new Map() };
        seriesByRoute.set(route, series);
      }
      let counted = series.byStatus.get(status);
      if (counted === undefined) {
        counted = requests.seriesOf({ route, status: String(status) });
        series.byStatus.set(status, counted);
      }
      counted.value++;
      series.latency.observe(seconds);
    },
    error(route, kind) {
      errors.inc({ route, kind });
    },
    unexpected(route) {
      unexpected.inc({ route });
    },
    dropped() {
      dropped.inc();
    },
    batch(rows, seconds) {
      batchRowsSeries.observe(rows);
      runSecondsSeries.observe(seconds);
    },
    model(name, version) {
      modelInfo.reset();
      modelInfo.set({ model: name, version }, 1);
    },
    add(metrics) {
      for (const metric of metrics) registry.registerMetric(metric as unknown as Metric);
    },
    text: () => registry.metrics(),
    values: () => registry.getMetricsAsJSON() as Promise<MetricValues[]>,
  };
}

/**
 * The exposition of several processes' metrics as one: counters and histograms summed per series,
 * the model gauge by its own aggregator (prom-client's cluster aggregation), and the input drift
 * PSI recomputed from the summed windows.
 */
export async function exposition(
  perProcess: MetricValues[][],
): Promise<{ text: string; contentType: string }> {
  const prom = await import("prom-client");
  const registry = prom.AggregatorRegistry.aggregate(perProcess);
  const psi = await clusterDriftPsi(registry);
  if (psi) registry.registerMetric(psi as unknown as Metric);
  return { text: await registry.metrics(), contentType: registry.contentType };
}
