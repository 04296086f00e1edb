import type { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The shadow's series on `/metrics`; names start `mlops_serve_shadow_`. */
export interface ShadowMetrics {
  info(model: string, version: string, fraction: number): void;
  /** One request the shadow ran: its run time and how many rows agreed with the served answer. */
  ran(seconds: number, agreeRows: number, disagreeRows: number): void;
  /** One request the shadow could not run (its model failed). */
  failed(): void;
  /** One sampled request dropped because the queue was full (or the server stopped). */
  dropped(): void;
  queued(depth: number): void;
  readonly contentType: string;
  text(): Promise<string>;
}

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A registry of its own, appended to the server's page: the serving metrics stay untouched. */
export async function createShadowMetrics(): Promise<ShadowMetrics> {
  const prom = await import("prom-client");
  const registry: Registry = new prom.Registry();
  const requests: Counter<"outcome"> = new prom.Counter({
    name: "mlops_serve_shadow_requests_total",
    help: "Sampled requests offered to the shadow version, by outcome: ran, failed (its model threw), dropped (queue full)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const rows: Counter<"agreement"> = new prom.Counter({
    name: "mlops_serve_shadow_rows_total",
    help: "Rows the shadow predicted, by whether it agreed with the served answer (agree, disagree)",
    labelNames: ["agreement"],
    registers: [registry],
  });
  const latency: Histogram = new prom.Histogram({
    name: "mlops_serve_shadow_duration_seconds",
    help: "Time of one shadow run, off the request path",
    buckets: latencyBuckets,
    registers: [registry],
  });
  const depth: Gauge = new prom.Gauge({
    name: "mlops_serve_shadow_queue_depth",
    help: "Sampled requests waiting for the shadow",
    registers: [registry],
  });
  const info: Gauge<"model" | "version"> = new prom.Gauge({
    name: "mlops_serve_shadow_info",
    help: "The shadow version run on a sample of requests; the value is the sampled fraction",
    labelNames: ["model", "version"],
    registers: [registry],
  });
  for (const outcome of ["ran", "failed", "dropped"]) requests.inc({ outcome }, 0);
  for (const agreement of ["agree", "disagree"]) rows.inc({ agreement }, 0);
  return {
    info: (model, version, fraction) => info.set({ model, version }, fraction),
    ran(seconds, agreeRows, disagreeRows) {
      requests.inc({ outcome: "ran" });
      latency.observe(seconds);
      if (agreeRows) rows.inc({ agreement: "agree" }, agreeRows);
      if (disagreeRows) rows.inc({ agreement: "disagree" }, disagreeRows);
    },
    failed: () => requests.inc({ outcome: "failed" }),
    dropped: () => requests.inc({ outcome: "dropped" }),
    queued: (n) => depth.set(n),
    contentType: registry.contentType,
    text: () => registry.metrics(),
  };
}
