/**
 * Live input drift: per-feature histograms of the rows a server is sent, in the bins of the
 * reference profile the model was trained with (`mlops profile` of its training data), and the
 * population stability index of the last `windowRows` rows against that reference, computed by
 * the same `psi` that `mlops drift` uses (src/validate/stats.ts) on the same bins:
 *
 * - a numeric feature's bins are (−∞, e1], (e1, e2], …, (ek, ∞) with the profile's decile edges, as
 *   `profileTable(…, { reference })` counts them;
 * - a categorical feature's bins are the profile's top values and one for every other value.
 *
 * A missing value (null, NaN, the model's null string) is in no bin, as DuckDB's histogram leaves
 * nulls out. So on the same rows the exported PSI equals `mlops drift`'s up to floating-point
 * summation order (test/live-drift.test.ts measures it). One difference is by design: a float32
 * model input holds the value rounded to float32, so a value within float32 rounding of an edge is
 * compared with the edge rounded the same way (the comparison is exact for values that were
 * float32-representable, which covers data with a few decimals).
 *
 * Memory is bounded: per feature one ring of `windowRows` bin indices and a few counts per bin.
 * The request path does one binary search per feature and row and allocates nothing.
 */
import type { CategoricalProfile, NumericProfile, Profile } from "../validate/profile.js";
import { psi } from "../validate/stats.js";
import { featureColumnsOf, type LoadedModel } from "./model.js";
import type { Column } from "./session-worker.js";

export const defaultDriftWindowRows = 1000;

export interface LiveDriftOptions {
  /** The reference profile (a `*.profile.json` written by `mlops profile` of the training data). */
  reference: Profile;
  /** Rows the PSI window holds, per server process (default 1000). */
  windowRows?: number;
}

/** The metric names, in one place for the server, the rules, the dashboard and the docs. */
export const driftMetricNames = {
  psi: "mlops_serve_input_drift_psi",
  windowRows: "mlops_serve_input_drift_window_rows",
  referenceRows: "mlops_serve_input_drift_reference_rows",
  values: "mlops_serve_input_values_total",
} as const;

/** The bin label of a categorical feature's values outside the reference's top values. */
export const otherBin = "(other)";

interface MetricValue {
  value: number;
  labels: Record<string, string | number>;
}

/** What a prom-client registry reads of a registered metric (metric-tallies.ts says why). */
export interface ScrapedMetric {
  name: string;
  help: string;
  type: string;
  aggregator: string;
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: MetricValue[] }>;
}

class FeatureTrack {
  readonly bins: number;
  /** Bin indices of the last rows, -1 for a missing value or a slot not yet filled. */
  readonly ring: Int32Array;
  readonly window: Float64Array;
  readonly total: Float64Array;
  readonly edges: Float64Array;
  /** The edges rounded to float32, for float32 inputs. */
  readonly edges32: Float64Array;
  readonly categories: Map<string, number> | undefined;
  readonly labels: string[];
  readonly referenceCounts: number[];

  constructor(
    readonly name: string,
    profile: NumericProfile | CategoricalProfile,
    windowRows: number,
  ) {
    if (profile.kind === "numeric") {
      const edges = profile.histogram.edges;
      this.edges = Float64Array.from(edges);
      this.edges32 = Float64Array.from(edges, (e) => Math.fround(e));
      this.categories = undefined;
      this.labels = [...edges.map((e) => String(e)), "+Inf"];
      this.referenceCounts = profile.histogram.counts.slice();
    } else {
      this.edges = new Float64Array(0);
      this.edges32 = this.edges;
      this.categories = new Map(profile.top.map((t, i) => [t.value, i]));
      this.labels = [...profile.top.map((t) => t.value), otherBin];
      this.referenceCounts = [...profile.top.map((t) => t.count), profile.other];
    }
    this.bins = this.labels.length;
    this.ring = new Int32Array(windowRows).fill(-1);
    this.window = new Float64Array(this.bins);
    this.total = new Float64Array(this.bins);
  }

  /** The bin of a number: the first edge it is at or below, else the last bin. */
  numericBin(v: number, edges: Float64Array): number {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v <= (edges[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  put(slot: number, bin: number): void {
    const old = this.ring[slot] as number;
    if (old >= 0) this.window[old] = (this.window[old] as number) - 1;
    this.ring[slot] = bin;
    if (bin >= 0) {
      this.window[bin] = (this.window[bin] as number) + 1;
      this.total[bin] = (this.total[bin] as number) + 1;
    }
  }

  psi(): number {
    return psi(this.referenceCounts, Array.from(this.window));
  }
}

/** Where one tracked feature sits in a model's feeds. */
interface Binding {
  track: FeatureTrack;
  input: number;
  offset: number;
  stride: number;
  /** 0 number, 1 bigint, 2 string. */
  kind: number;
  edges: Float64Array;
  nullString: string;
}

/** The features a model's feeds carry, by name: its width-1 inputs, or one matrix's named columns. */
function featurePositions(model: LoadedModel): { name: string; input: number; offset: number }[] {
  const { inputs } = model;
  const only = inputs[0];
  const names = featureColumnsOf(model.metadata);
  if (inputs.length === 1 && only !== undefined && only.width > 1 && names?.length === only.width) {
    return names.map((name, offset) => ({ name, input: 0, offset }));
  }
  return inputs.flatMap((input, k) => (input.width === 1 ? [{ name: input.name, input: k, offset: 0 }] : []));
}

export class LiveDrift {
  private readonly tracks: FeatureTrack[];
  private readonly byName: Map<string, FeatureTrack>;
  private readonly windowRows: number;
  private slot = 0;
  private boundTo: LoadedModel | undefined;
  private bindings: Binding[] = [];

  constructor(options: LiveDriftOptions) {
    this.windowRows = options.windowRows ?? defaultDriftWindowRows;
    this.tracks = Object.entries(options.reference.columns).map(
      ([name, profile]) => new FeatureTrack(name, profile, this.windowRows),
    );
    this.byName = new Map(this.tracks.map((t) => [t.name, t]));
  }

  /**
   * Tracks the features `model`'s inputs carry that the reference profiles (the server calls it when
   * it starts serving a model); returns their names.
   */
  use(model: LoadedModel): string[] {
    this.bind(model);
    return this.bindings.map((b) => b.track.name);
  }

  /** The tracks exported: those of the model served last. */
  private exported(): FeatureTrack[] {
    return this.bindings.map((b) => b.track);
  }

  private bind(model: LoadedModel): void {
    if (this.boundTo === model) return;
    this.boundTo = model;
    this.bindings = [];
    for (const p of featurePositions(model)) {
      const track = this.byName.get(p.name);
      const input = model.inputs[p.input];
      if (!track || !input) continue;
      const kind = input.type === "string" ? 2 : input.type === "int64" ? 1 : 0;
      // A numeric reference against a string input (or the reverse) cannot be binned the same way.
      if ((track.categories === undefined) === (kind === 2)) continue;
      this.bindings.push({
        track,
        input: p.input,
        offset: p.offset,
        stride: input.width,
        kind,
        edges: input.type === "float32" ? track.edges32 : track.edges,
        nullString: model.nullString,
      });
    }
  }

  /** Counts a request's decoded rows (the columns in `model`'s input order). */
  observe(model: LoadedModel, columns: readonly Column[], rows: number): void {
    if (this.boundTo !== model) this.bind(model);
    const bindings = this.bindings;
    for (let r = 0; r < rows; r++) {
      const slot = this.slot;
      this.slot = slot + 1 === this.windowRows ? 0 : slot + 1;
      for (let k = 0; k < bindings.length; k++) {
        const b = bindings[k] as Binding;
        const column = columns[b.input] as Column;
        const at = r * b.stride + b.offset;
        let bin = -1;
        if (b.kind === 2) {
          const v = (column as string[])[at];
          if (v !== undefined && v !== b.nullString) bin = b.track.categories?.get(v) ?? b.track.bins - 1;
        } else {
          const v =
            b.kind === 1 ? Number((column as BigInt64Array)[at]) : ((column as Float64Array)[at] as number);
          if (!Number.isNaN(v)) bin = b.track.numericBin(v, b.edges);
        }
        b.track.put(slot, bin);
      }
    }
  }

  /** The PSI of the window per tracked feature (empty window: 0, as `psi` gives). */
  psiByFeature(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.exported()) out[t.name] = t.psi();
    return out;
  }

  /** The metrics a server registers, read at scrape time. */
  metrics(): ScrapedMetric[] {
    const tracks = () => this.exported();
    const perBin = (pick: (t: FeatureTrack) => ArrayLike<number>) => (): MetricValue[] =>
      tracks().flatMap((t) => {
        const values = pick(t);
        return t.labels.map((bin, i) => ({ value: values[i] as number, labels: { feature: t.name, bin } }));
      });
    return [
      metric(
        driftMetricNames.psi,
        "Population stability index of the feature over the window of recent rows against the training reference",
        "gauge",
        // A cluster's primary recomputes it from the summed window (clusterDriftPsi); PSIs do not add.
        "omit",
        () => tracks().map((t) => ({ value: t.psi(), labels: { feature: t.name } })),
      ),
      metric(
        driftMetricNames.windowRows,
        "Rows in the window of recent rows per feature and reference bin (missing values in none)",
        "gauge",
        "sum",
        perBin((t) => t.window),
      ),
      metric(
        driftMetricNames.referenceRows,
        "Rows of the training reference per feature and bin (the bins the window is counted in)",
        "gauge",
        "first",
        perBin((t) => t.referenceCounts),
      ),
      metric(
        driftMetricNames.values,
        "Input values seen since the server started, per feature and reference bin",
        "counter",
        "sum",
        perBin((t) => t.total),
      ),
    ];
  }
}

function metric(
  name: string,
  help: string,
  type: string,
  aggregator: string,
  values: () => MetricValue[],
): ScrapedMetric {
  return {
    name,
    help,
    type,
    aggregator,
    get: async () => ({ name, help, type, aggregator, values: values() }),
  };
}

/** What a registry's metric gives (prom-client's aggregated registry holds such objects). */
interface Gettable {
  get(): Promise<{ values: MetricValue[] }> | { values: MetricValue[] };
}

/**
 * The PSI per feature of a cluster's summed windows (every worker's last rows together) against the
 * reference, as a metric for the primary's aggregated registry; undefined when no worker tracks drift.
 */
export async function clusterDriftPsi(registry: {
  getSingleMetric(name: string): unknown;
}): Promise<ScrapedMetric | undefined> {
  const window = registry.getSingleMetric(driftMetricNames.windowRows) as Gettable | undefined;
  const reference = registry.getSingleMetric(driftMetricNames.referenceRows) as Gettable | undefined;
  if (!window || !reference) return undefined;
  const group = (values: MetricValue[]) => {
    const byFeature = new Map<string, Map<string, number>>();
    for (const v of values) {
      const feature = String(v.labels.feature);
      let bins = byFeature.get(feature);
      if (!bins) {
        bins = new Map();
        byFeature.set(feature, bins);
      }
      bins.set(String(v.labels.bin), v.value);
    }
    return byFeature;
  };
  const current = group((await window.get()).values);
  const ref = group((await reference.get()).values);
  const values: MetricValue[] = [...ref].map(([feature, bins]) => {
    const labels = [...bins.keys()];
    const cur = current.get(feature);
    return {
      value: psi(
        labels.map((l) => bins.get(l) ?? 0),
        labels.map((l) => cur?.get(l) ?? 0),
      ),
      labels: { feature },
    };
  });
  return metric(
    driftMetricNames.psi,
    "Population stability index of the feature over the window of recent rows against the training reference",
    "gauge",
    "omit",
    () => values,
  );
}
