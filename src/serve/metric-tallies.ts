/**
 * Counters and histograms for the request path, counted in plain fields and typed arrays, that a
 * prom-client registry formats at scrape time. prom-client's own Counter and Histogram hash their
 * label object into a string key and validate it on every call: about 4 µs a request on the serving
 * benchmark, 13 % of its throughput at 64 connections. Here a series is looked up once, when its
 * label values first appear, and the request path only adds to it.
 *
 * A registry reads a registered metric through `name`, `help`, `type`, `aggregator` and `get()`
 * (prom-client 15, lib/registry.js), so these carry exactly those.
 */

export interface MetricValue {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

interface Exported {
  name: string;
  help: string;
  type: string;
  aggregator: string;
  values: MetricValue[];
}

/** The series of these label values in `table`, made by `make` the first time they appear. */
function seriesIn<S>(table: Map<string, S>, labels: Record<string, string>, make: () => S): S {
  const key = JSON.stringify(labels);
  let found = table.get(key);
  if (found === undefined) {
    found = make();
    table.set(key, found);
  }
  return found;
}

export class CounterSeries {
  value = 0;
  constructor(readonly labels: Record<string, string>) {}
}

export class CounterTally {
  readonly type = "counter";
  readonly aggregator = "sum";
  private readonly series = new Map<string, CounterSeries>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** The series of these label values, made on first use; keep it and add to its `value`. */
  seriesOf(labels: Record<string, string>): CounterSeries {
    return seriesIn(this.series, labels, () => new CounterSeries(labels));
  }

  async get(): Promise<Exported> {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: [...this.series.values()].map((s) => ({ value: s.value, labels: s.labels })),
    };
  }
}

export class HistogramSeries {
  /** Observations per bucket, not cumulative; the last one is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Record<string, string>,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const bounds = this.bounds;
    // A bucket counts values less than or equal to its bound (`le`).
    let i = 0;
    while (i < bounds.length && value > (bounds[i] as number)) i++;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.sum += value;
    this.count++;
  }
}

export class HistogramTally {
  readonly type = "histogram";
  readonly aggregator = "sum";
  private readonly series = new Map<string, HistogramSeries>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
  ) {}

  /** The series of these label values, made on first use; keep it and call its `observe`. */
  seriesOf(labels: Record<string, string> = {}): HistogramSeries {
    return seriesIn(this.series, labels, () => new HistogramSeries(labels, this.bounds));
  }

  async get(): Promise<Exported> {
    const values: MetricValue[] = [];
    for (const s of this.series.values()) {
      let cumulative = 0;
      for (let i = 0; i <= this.bounds.length; i++) {
        cumulative += s.counts[i] as number;
        const le = i < this.bounds.length ? (this.bounds[i] as number) : "+Inf";
        values.push({ value: cumulative, labels: { ...s.labels, le }, metricName: `${this.name}_bucket` });
      }
      values.push({ value: s.sum, labels: s.labels, metricName: `${this.name}_sum` });
      values.push({ value: s.count, labels: s.labels, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
