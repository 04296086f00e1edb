import type { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The route label: a fixed, small set, so a client cannot blow up the series count with URLs. */
export type Route = "infer" | "predict" | "health" | "metadata" | "metrics" | "unknown";

export interface ServeMetrics {
  readonly contentType: string;
  /** One answered request: its route, status and time from arrival to the response's end. */
  request(route: Route, status: number, seconds: number): void;
  /** A request that ended in an error, by kind ("validation", "too-large", "timeout", "inference", …). */
  error(route: Route, kind: string): void;
  /** One `session.run`: its rows and duration. */
  batch(rows: number, seconds: number): void;
  /** The model now served; the previous one's series is dropped. */
  model(name: string, version: string): void;
  /** The Prometheus text exposition. */
  text(): Promise<string>;
}

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
  const registers = [registry];
  const requests: Counter<"route" | "status"> = new prom.Counter({
    name: "mlops_serve_requests_total",
    help: "HTTP requests answered, by route and status code",
    labelNames: ["route", "status"],
    registers,
  });
  const errors: Counter<"route" | "kind"> = new prom.Counter({
    name: "mlops_serve_errors_total",
    help: "Requests that ended in an error, by route and kind",
    labelNames: ["route", "kind"],
    registers,
  });
  const latency: Histogram<"route"> = new prom.Histogram({
    name: "mlops_serve_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response",
    labelNames: ["route"],
    buckets: latencyBuckets,
    registers,
  });
  const batchRows: Histogram = new prom.Histogram({
    name: "mlops_serve_batch_rows",
    help: "Rows per onnxruntime run (requests' rows batched together)",
    buckets: batchRowBuckets,
    registers,
  });
  const runSeconds: Histogram = new prom.Histogram({
    name: "mlops_serve_inference_duration_seconds",
    help: "Time of one batch, from sending it to the model to its outputs",
    buckets: latencyBuckets,
    registers,
  });
  const modelInfo: Gauge<"model" | "version"> = new prom.Gauge({
    name: "mlops_serve_model_info",
    help: "The model served: 1 for the name and version now loaded",
    labelNames: ["model", "version"],
    registers,
  });

  // Label objects are reused: a request costs two prom-client calls and no allocation for labels.
  const labelsByRoute = new Map<
    Route,
    { route: { route: Route }; byStatus: Map<number, { route: Route; status: string }> }
  >();
  return {
    contentType: registry.contentType,
    request(route, status, seconds) {
      let labels = labelsByRoute.get(route);
      if (labels === undefined) {
        labels = { route: { route }, byStatus: new Map() };
        labelsByRoute.set(route, labels);
      }
      let withStatus = labels.byStatus.get(status);
      if (withStatus === undefined) {
        withStatus = { route, status: String(status) };
        labels.byStatus.set(status, withStatus);
      }
      requests.inc(withStatus);
      latency.observe(labels.route, seconds);
    },
    error(route, kind) {
      errors.inc({ route, kind });
    },
    batch(rows, seconds) {
      batchRows.observe(rows);
      runSeconds.observe(seconds);
    },
    model(name, version) {
      modelInfo.reset();
      modelInfo.set({ model: name, version }, 1);
    },
    text: () => registry.metrics(),
  };
}
