import { Counter, Histogram, type Metric, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { CounterTally, HistogramTally } from "../src/serve/metric-tallies.js";

/** Prometheus text as sample → value, with each sample's labels sorted, so label order is moot. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels = (match[2] ?? "").split(",").filter(Boolean).sort().join(",");
    out.set(`${match[1]}{${labels}}`, Number(match[3]));
  }
  return out;
}

const bounds = [0.001, 0.005, 0.01, 0.1, 1];
// Below, on and above bounds, past the last one, and zero.
const observations: [string, number][] = [
  ["infer", 0],
  ["infer", 0.001],
  ["infer", 0.0010001],
  ["infer", 0.005],
  ["infer", 0.02],
  ["infer", 0.1],
  ["infer", 3.5],
  ["predict", 0.004],
  ["predict", 1],
  ["predict", 1.0000001],
];

describe("metric tallies", () => {
  it("expose a histogram exactly as prom-client's Histogram does for the same observations", async () => {
    const theirs = new Registry();
    const histogram = new Histogram({
      name: "t_seconds",
      help: "h",
      labelNames: ["route"],
      buckets: bounds,
      registers: [theirs],
    });
    const ours = new Registry();
    const tally = new HistogramTally("t_seconds", "h", bounds);
    ours.registerMetric(tally as unknown as Metric);
    for (const [route, value] of observations) {
      histogram.observe({ route }, value);
      tally.seriesOf({ route }).observe(value);
    }
    const expected = samples(await theirs.metrics());
    expect(expected.size).toBe(2 * (bounds.length + 3));
    expect(samples(await ours.metrics())).toEqual(expected);
    // The header lines too: one HELP and one TYPE histogram.
    expect((await ours.metrics()).split("\n").slice(0, 2)).toEqual([
      "# HELP t_seconds h",
      "# TYPE t_seconds histogram",
    ]);
  });

  it("expose an unlabelled histogram with zeros before its first observation, as prom-client does", async () => {
    const theirs = new Registry();
    new Histogram({ name: "rows", help: "r", buckets: [1, 2, 4], registers: [theirs] });
    const ours = new Registry();
    const tally = new HistogramTally("rows", "r", [1, 2, 4]);
    tally.seriesOf();
    ours.registerMetric(tally as unknown as Metric);
    expect(samples(await ours.metrics())).toEqual(samples(await theirs.metrics()));
  });

  it("expose a counter exactly as prom-client's Counter does, one series per label set", async () => {
    const theirs = new Registry();
    const counter = new Counter({
      name: "t_total",
      help: "c",
      labelNames: ["route", "status"],
      registers: [theirs],
    });
    const ours = new Registry();
    const tally = new CounterTally("t_total", "c");
    ours.registerMetric(tally as unknown as Metric);
    const calls: [string, string][] = [
      ["infer", "200"],
      ["infer", "200"],
      ["infer", "400"],
      ["predict", "200"],
    ];
    for (const [route, status] of calls) {
      counter.inc({ route, status });
      tally.seriesOf({ route, status }).value++;
    }
    const got = samples(await ours.metrics());
    expect(got).toEqual(samples(await theirs.metrics()));
    expect(got.get('t_total{route="infer",status="200"}')).toBe(2);
    // The same label values give the same series, not a second one.
    expect(tally.seriesOf({ route: "infer", status: "200" }).value).toBe(2);
  });
});
