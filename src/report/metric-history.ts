import { MlopsError } from "../errors/index.js";
import { metricDirection } from "../metrics/index.js";
import { buildState, readRegistryRefs, readVersionManifests } from "../registry/index.js";
import type { RepoLayout } from "../repo/index.js";

export interface MetricHistoryRow {
  version: string;
  created: string;
  commit: string;
  /** Stages that hold this version now. */
  stages: string[];
  metrics: Record<string, number | null>;
}

export interface MetricHistory {
  name: string;
  metrics: string[];
  /** Per metric, the version with the best value by the metric's known direction (absent when unknown). */
  best: Record<string, string>;
  versions: MetricHistoryRow[];
}

/**
 * A model's metrics across its registered versions, oldest first, as each version's manifest
 * recorded them at registration. `metrics` picks names (default: every metric any version has).
 */
export async function metricHistory(
  layout: RepoLayout,
  name: string,
  options: { metrics?: string[] } = {},
): Promise<MetricHistory> {
  const state = buildState(await readRegistryRefs(layout.root, { model: name })).models.get(name);
  if (!state) {
    throw new MlopsError("not-found", `no model named '${name}' in the registry`, {
      hint: "`mlops registry ls` lists the models",
    });
  }
  const live = state.versions.filter((v) => !v.deregistered);
  const manifests = await readVersionManifests(
    layout.root,
    live.map((v) => v.ref),
  );
  const all = new Set<string>();
  for (const m of manifests.values()) for (const k of Object.keys(m.metrics)) all.add(k);
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
  const versions = live.map((v): MetricHistoryRow => {
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
  const best: Record<string, string> = {};
  for (const k of metrics) {
    const direction = metricDirection(k);
    if (!direction) continue;
    let winner: MetricHistoryRow | undefined;
    for (const row of versions) {
      const v = row.metrics[k];
      if (typeof v !== "number") continue;
      const w = winner?.metrics[k] as number | undefined;
      if (w === undefined || (direction === "higher" ? v > w : v < w)) winner = row;
    }
    if (winner) best[k] = winner.version;
  }
  return { name, metrics, best, versions };
}
