import { isMlopsError, MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import type { DatasetSchema } from "../manifest/dataset-schema.js";
import type { ModelCard, MonitoringRule } from "../manifest/model-card.js";
import type { ModelVersion } from "../manifest/model-version.js";
import { metricDirection } from "../metrics/direction.js";
import { metadataList } from "../onnx/builder.js";
import type { RepoLayout } from "../repo/index.js";
import type { ColumnDrift } from "../validate/index.js";
import { currentSnapshot, openScratch, type TableFile, trainingReference } from "./snapshot.js";

export interface MonitorOptions {
  /** `name#stage` (what a stage holds now, like `fuel-efficiency#prod`) or `name@vX.Y.Z`. */
  selector: string;
  /** A tracked dataset (`data/<name>.dvc`): a snapshot of recent production rows. */
  current?: string;
  /** The moment the model's age is measured at (default: now). */
  now?: Date;
  logger?: Logger;
}

export interface DriftCheck {
  /** Family-wise significance level, split over the columns tested. */
  alpha: number;
  max_drifted_share: number;
  /** Columns tested: the model's features and target (or the rule's `columns`) present on both sides. */
  tested: number;
  drifted: string[];
  share: number;
  fires: boolean;
  /** Every tested column, drifted ones first, then by statistic / threshold. */
  columns: ColumnDrift[];
}

export interface DecayCheck {
  metric: string;
  direction: "higher" | "lower";
  /** The figure the version's manifest records (measured on the pipeline's test data). */
  recorded: number;
  /** The figure on the current snapshot; null when the snapshot has no labels. */
  current: number | null;
  /** How much worse the current figure is (negative: better), in the metric's units and as a share. */
  worse_by: number | null;
  relative_worse_by: number | null;
  allowed: { absolute?: number; relative?: number };
  fires: boolean;
}

export interface MonitorResult {
  model: string;
  version: string;
  /** The stage asked about; null when a version was named. */
  stage: string | null;
  /** The commit the version was built from. */
  commit: string;
  registered: string;
  checked_at: string;
  current: {
    dataset: string;
    manifest: string;
    path: string;
    sha256: string;
    rows: number;
    labelled: boolean;
  };
  reference: { path: string; version_tag: string; sha256: string; rows: number; source: TableFile["source"] };
  drift: DriftCheck;
  /** The version's model evaluated on the snapshot, when the snapshot has the target column. */
  metrics: { target: string; rows: number; values: Record<string, number> } | null;
  decay: DecayCheck | null;
  age: { days: number; max_days: number | null; fires: boolean };
  fires: boolean;
  /** Why it fired, one sentence per part of the rule that fired; empty when it did not. */
  reasons: string[];
  /** What could not be measured and why (no labels, a metric the rule does not name, …). */
  notes: string[];
}

const dayMs = 86_400_000;

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

/** A share as people read it: 0.25 → 25%. */
export function percent(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}

/** The selector split and checked against the card: a stage must be one the card declares. */
async function resolveSelector(
  layout: RepoLayout,
  selector: string,
): Promise<{ card: ModelCard; stage: string | null; version: ModelVersion }> {
  const { loadModelCard, parseSelector, showRegistry } = await import("../registry/index.js");
  const sel = parseSelector(selector);
  if (
    !sel.name ||
    (sel.stage === undefined && sel.version === undefined) ||
    sel.stage === "" ||
    sel.version === ""
  ) {
    throw new MlopsError(
      "usage",
      `'${selector}' names no stage or version: expected name#stage (what the stage holds, like fuel-efficiency#prod) or name@vX.Y.Z`,
      {
        expected: "name#stage or name@vX.Y.Z",
      },
    );
  }
  const card = await loadModelCard(layout, sel.name);
  if (sel.stage !== undefined && !card.stages.includes(sel.stage)) {
    throw new MlopsError(
      "usage",
      `${sel.name} has no stage '${sel.stage}': expected one of ${card.stages.join(", ")}`,
      {
        file: `models/${sel.name}/model.yaml`,
        field: "stages",
        expected: `one of: ${card.stages.join(", ")}`,
      },
    );
  }
  let shown: Awaited<ReturnType<typeof showRegistry>>;
  try {
    shown = await showRegistry(layout, selector);
  } catch (err) {
    const stage = sel.stage;
    if (stage === undefined || !isMlopsError(err, "not-found")) throw err;
    // Say what the stage should hold rather than only that it holds nothing.
    const summary = await showRegistry(layout, sel.name).catch(() => undefined);
    if (!summary || "manifest" in summary || summary.stages[stage] !== undefined) throw err;
    const held = Object.entries(summary.stages).map(([s, v]) => `${s} = ${v}`);
    throw new MlopsError(
      "not-found",
      `${sel.name}#${stage} holds no version: expected a version promoted to ${stage} (stages held now: ${held.join(", ") || "none"})`,
      { hint: `promote one with \`mlops promote ${sel.name} vX.Y.Z --to ${stage}\`` },
    );
  }
  if (!("manifest" in shown)) throw new MlopsError("internal", `no version manifest for ${selector}`);
  // `show` reads manifests for display only; acting on one means checking it against its schema.
  const { modelVersion } = await import("../manifest/model-version.js");
  const parsed = modelVersion.safeParse(shown.manifest);
  if (!parsed.success) {
    throw new MlopsError("invalid-file", "the version's annotation is not a valid version manifest", {
      file: `tag ${shown.name}@${shown.version}`,
      hint: "`mlops registry verify` names what is wrong with it",
    });
  }
  return { card, stage: sel.stage ?? null, version: parsed.data };
}

/** The rule as it applies: the card's, with every default filled in. */
async function ruleOf(card: ModelCard): Promise<MonitoringRule> {
  if (card.monitoring) return card.monitoring;
  const { monitoringRule } = await import("../manifest/model-card.js");
  return monitoringRule.parse({});
}

function sortColumns(columns: readonly ColumnDrift[]): ColumnDrift[] {
  const ratio = (c: ColumnDrift) => (c.threshold > 0 ? c.statistic / c.threshold : 0);
  return [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || ratio(b) - ratio(a));
}

function decayOf(
  card: ModelCard,
  rule: NonNullable<MonitoringRule["max_metric_decay"]>,
  version: ModelVersion,
  measured: Record<string, number> | null,
): DecayCheck {
  const known = metricDirection(rule.metric);
  const higher = rule.higher_is_better ?? (known === undefined ? undefined : known === "higher");
  if (higher === undefined) {
    throw new MlopsError("invalid-file", `mlops does not know whether a higher '${rule.metric}' is better`, {
      file: `models/${card.name}/model.yaml`,
      field: "monitoring.max_metric_decay",
      hint: "add `higher_is_better: true` or `false`",
    });
  }
  const recorded = version.metrics[rule.metric];
  if (recorded === undefined) {
    const recorded = Object.keys(version.metrics).join(", ") || "none";
    throw new MlopsError(
      "not-found",
      `${version.model}@${version.version} records no metric '${rule.metric}' (it records: ${recorded})`,
      {
        file: `models/${card.name}/model.yaml`,
        field: "monitoring.max_metric_decay.metric",
        expected: `one of: ${Object.keys(version.metrics).join(", ") || "(the version records no metrics)"}`,
      },
    );
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
  const fires =
    (rule.absolute !== undefined && worse > rule.absolute) ||
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

function allowedText(allowed: DecayCheck["allowed"]): string {
  const parts = [
    ...(allowed.absolute !== undefined ? [fmt(allowed.absolute)] : []),
    ...(allowed.relative !== undefined ? [percent(allowed.relative)] : []),
  ];
  return parts.join(" or ");
}

function driftReason(drift: DriftCheck, dataset: string, reference: string): string {
  const listed = drift.columns
    .filter((c) => c.drifted)
    .map(
      (c) =>
        `${c.column} (${c.method} ${fmt(c.statistic)} ≥ ${fmt(c.threshold)}${c.pvalue === null ? "" : `, p ${fmt(c.pvalue)}`})`,
    )
    .join(", ");
  const allowance =
    drift.max_drifted_share === 0
      ? "the rule allows none"
      : `the rule allows ${percent(drift.max_drifted_share)}`;
  return `${drift.drifted.length} of ${drift.tested} monitored columns of ${dataset} drifted from the training data ${reference} (${percent(drift.share)}) and ${allowance}: ${listed}.`;
}

/** An empty JSON array (a snapshot that has not been filled yet), read without loading the table. */
async function holdsNoRows(file: string): Promise<boolean> {
  const { stat, readFile } = await import("node:fs/promises");
  if ((await stat(file)).size > 64) return false;
  return (await readFile(file, "utf8")).trim() === "[]";
}

/**
 * `mlops monitor`: the version a stage holds (or a named version) against a snapshot of production
 * data. Drift is measured against the version's own training data, read at its commit by hash; where
 * the snapshot carries the target, the version's model is evaluated on it and compared with the
 * figure its manifest records; its age is measured from its registration. The card's `monitoring`
 * rule decides whether any of it fires. Nothing is written.
 */
export async function monitorModel(layout: RepoLayout, options: MonitorOptions): Promise<MonitorResult> {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? new Date();
  const { card, stage, version } = await resolveSelector(layout, options.selector);
  const rule = await ruleOf(card);
  const tag = `${version.model}@${version.version}`;
  const scratch = await openScratch(layout);
  try {
    const dataset = options.current ?? rule.current;
    if (!dataset) {
      throw new MlopsError("usage", `no snapshot to monitor ${version.model} on`, {
        file: `models/${version.model}/model.yaml`,
        field: "monitoring.current",
        expected: "a tracked dataset name there, or --current <dataset>",
      });
    }
    const current = await currentSnapshot(layout, scratch, dataset);
    const reference = await trainingReference(layout, scratch, card, version);
    logger.info(`monitoring ${tag}: ${current.path} against ${reference.display}`);

    const { modelObjectPath } = await import("../registry/index.js");
    const { openModel } = await import("../evaluate/index.js");
    const model = await openModel(await modelObjectPath(layout, version), tag);
    try {
      const target = card.evaluation?.target ?? model.metadata["mlops.target"];
      const features = featureColumns(version, model.metadata);
      const { dropTable, driftExact, loadTable, profileTable } = await import("../validate/index.js");
      const format = current.format as "csv" | "json" | "parquet" | "arrow" | undefined;
      if (await holdsNoRows(current.file)) {
        throw new MlopsError(
          "refused",
          `${current.path} holds no rows: there is no production data to monitor yet`,
          {
            hint: `refresh the snapshot first (mlops data import <url> ${current.path} --force)`,
          },
        );
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
            throw new MlopsError(
              "invalid-file",
              `the training data has no column ${unknown.map((c) => `'${c}'`).join(", ")}: expected some of ${[...referenceNames].join(", ")}`,
              {
                file: `models/${card.name}/model.yaml`,
                field: "monitoring.drift.columns",
                expected: `columns of ${reference.display}: ${[...referenceNames].join(", ")}`,
              },
            );
          }
          const columns = monitored.filter((c) => referenceNames.has(c));
          const missing = columns.filter((c) => c !== target && !currentNames.has(c));
          if (missing.length) {
            throw new MlopsError(
              "invalid-file",
              `the snapshot has no column ${missing.map((c) => `'${c}'`).join(", ")} that ${tag} was trained on: expected rows shaped like ${reference.path} (${columns.join(", ")})`,
              {
                file: current.path,
                expected: `rows shaped like the training data ${reference.path}: ${columns.join(", ")}`,
                got: `columns ${[...currentNames].join(", ")}`,
              },
            );
          }
          const referenceProfile = await profileTable(referenceTable, { columns, depth: "lean" });
          const currentProfile = await profileTable(currentTable, {
            reference: referenceProfile,
            columns,
            depth: "lean",
          });
          const schema: DatasetSchema = {
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
          const drift: DriftCheck = {
            alpha: report.alpha,
            max_drifted_share: rule.drift.max_drifted_share,
            tested,
            drifted: report.drifted_columns,
            share,
            fires: report.drifted_columns.length > 0 && share > rule.drift.max_drifted_share,
            columns: sortColumns(report.columns),
          };

          const notes: string[] = [];
          let metrics: MonitorResult["metrics"] = null;
          const labelled = target !== undefined && currentNames.has(target);
          if (!target) notes.push(`${tag} records no target column, so no metric was measured.`);
          else if (!labelled)
            notes.push(
              `${current.dataset} has no '${target}' column (no labels), so no metric was measured.`,
            );
          else if (format === "parquet" || format === "arrow" || /\.(parquet|arrow)$/i.test(current.path))
            notes.push(
              `${current.dataset} is not CSV or JSON, which evaluation reads, so no metric was measured.`,
            );
          else {
            const { readTable } = await import("../table/index.js");
            const { evaluateLoaded } = await import("../evaluate/index.js");
            const { flatten } = await import("../metrics/flatten.js");
            const table = await readTable(current.file, current.path);
            const evaluation = await evaluateLoaded(model, table, { target });
            const values: Record<string, number> = {};
            for (const [k, v] of Object.entries(flatten(evaluation.metrics)))
              if (typeof v === "number" && Number.isFinite(v)) values[k] = v;
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
          const reasons: string[] = [];
          if (drift.fires) reasons.push(driftReason(drift, current.dataset, referenceLabel));
          if (decay?.fires && decay.current !== null && decay.worse_by !== null) {
            reasons.push(
              `${decay.metric} of ${tag} on ${current.dataset} is ${fmt(decay.current)} against the ${fmt(decay.recorded)} its manifest records: ${fmt(decay.worse_by)} worse${decay.relative_worse_by === null ? "" : ` (${percent(decay.relative_worse_by)})`}, more than the ${allowedText(decay.allowed)} the rule allows.`,
            );
          }
          if (age.fires && maxDays !== null) {
            reasons.push(
              `${tag} was registered ${Math.floor(days)} days ago (${version.created}), more than the ${fmt(maxDays)} days the rule allows.`,
            );
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
        } finally {
          await dropTable(referenceTable);
        }
      } finally {
        await dropTable(currentTable);
      }
    } finally {
      await model.session.release();
    }
  } finally {
    await scratch.release();
  }
}

/**
 * The columns the model reads: its ONNX inputs by name, or for a single matrix input the feature
 * columns its metadata lists (how scikit-learn exports record them).
 */
function featureColumns(version: ModelVersion, metadata: Record<string, string>): string[] {
  const listed = metadataList(metadata, "mlops.feature_columns");
  if (listed && version.signature.inputs.length === 1) return listed;
  return version.signature.inputs.map((i) => i.name);
}
