import {
  escapeMarkdown,
  formatNumber,
  markdownTable,
  type ReportDocument,
  reportBlocks,
} from "../report/index.js";
import { type MonitorResult, percent } from "./monitor.js";

const verdict = (fires: boolean) => (fires ? "🔴 fired" : "ok");

function checksTable(r: MonitorResult): string {
  const dataset = escapeMarkdown(r.current.dataset);
  const rows: string[][] = [
    [
      "drift",
      `${r.drift.drifted.length} of ${r.drift.tested} columns drifted (${percent(r.drift.share)})`,
      r.drift.max_drifted_share === 0
        ? "no drifted column"
        : r.drift.max_drifted_share >= 1
          ? "report only"
          : `at most ${percent(r.drift.max_drifted_share)} of columns`,
      verdict(r.drift.fires),
    ],
  ];
  if (r.decay) {
    const d = r.decay;
    const allowed = [
      ...(d.allowed.absolute !== undefined ? [formatNumber(d.allowed.absolute)] : []),
      ...(d.allowed.relative !== undefined ? [percent(d.allowed.relative)] : []),
    ].join(" or ");
    rows.push([
      `${escapeMarkdown(d.metric)} ${d.direction === "higher" ? "↑" : "↓"} on ${dataset}`,
      d.current === null
        ? `not measured; ${formatNumber(d.recorded)} recorded`
        : `${formatNumber(d.current)} vs ${formatNumber(d.recorded)} recorded${d.worse_by === null ? "" : ` (${d.worse_by > 0 ? `${formatNumber(d.worse_by)} worse` : `${formatNumber(-d.worse_by)} better`})`}`,
      `at most ${allowed} worse`,
      d.current === null ? "—" : verdict(d.fires),
    ]);
  } else if (r.metrics) {
    const shown = Object.entries(r.metrics.values)
      .filter(([k]) => !k.includes("."))
      .slice(0, 4)
      .map(([k, v]) => `${escapeMarkdown(k)} ${formatNumber(v)}`)
      .join(", ");
    rows.push([`metrics on ${dataset}`, shown || "—", "no decay rule", "—"]);
  }
  rows.push([
    "age",
    `${Math.floor(r.age.days)} days since registration`,
    r.age.max_days === null ? "no age rule" : `at most ${formatNumber(r.age.max_days)} days`,
    r.age.max_days === null ? "—" : verdict(r.age.fires),
  ]);
  return markdownTable(["check", "measured", "rule", ""], rows);
}

/**
 * The monitoring report as GitHub markdown, for a job summary and the body of a retraining pull
 * request: the verdict and its reasons, the checks against the rule, and the drift section as the
 * pull-request report renders it. Names and reasons are escaped: a column name is data.
 */
export function monitorMarkdown(r: MonitorResult): string {
  const subject = `${r.model}${r.stage ? `#${r.stage}` : ""} (${r.version})`;
  const who = `${escapeMarkdown(r.model)} ${escapeMarkdown(r.version)}`;
  const head = r.fires
    ? `🔴 **The monitoring rule fired**: ${who} should be retrained.`
    : `🟢 **Nothing fired**: ${who} holds up on this snapshot.`;
  const reasons = r.reasons.map((x) => `- ${escapeMarkdown(x)}`).join("\n");
  const notes = r.notes.map((x) => `- ${escapeMarkdown(x)}`).join("\n");
  const sources =
    `Current snapshot: **${escapeMarkdown(r.current.dataset)}** (${escapeMarkdown(r.current.path)}, ${r.current.rows} rows, sha256 \`${r.current.sha256.slice(0, 12)}\`). ` +
    `Reference: the training data of ${escapeMarkdown(r.reference.version_tag)}, ${escapeMarkdown(r.reference.path)} (${r.reference.rows} rows, sha256 \`${r.reference.sha256.slice(0, 12)}\`, commit \`${r.commit.slice(0, 10)}\`). Checked ${escapeMarkdown(r.checked_at)}.`;
  // The pull-request report's own drift rendering, so both read alike; its first block is the
  // report's title, which a monitoring report does not have.
  const document: ReportDocument = {
    schema: "mlops-report/1",
    head: { ref: r.current.dataset, sha: null },
    base: { ref: r.reference.version_tag, sha: null },
    data: [],
    drift: [
      {
        dataset: r.current.dataset.slice(0, 200),
        reference: `${r.reference.path} at ${r.reference.version_tag}`.slice(0, 200),
        drifted: r.drift.drifted.length > 0,
        alpha: r.drift.alpha,
        columns: r.drift.columns.slice(0, 100).map((c) => ({
          column: c.column.slice(0, 200),
          method: c.method,
          statistic: c.statistic,
          threshold: c.threshold,
          pvalue: c.pvalue,
          drifted: c.drifted,
        })),
      },
    ],
    pipelines: [],
  };
  const driftSection = reportBlocks(document).slice(1);
  return `${[
    `## Monitoring ${escapeMarkdown(subject)}`,
    head,
    reasons,
    checksTable(r),
    notes ? `Not measured:\n\n${notes}` : "",
    sources,
    ...driftSection,
  ]
    .filter((b) => b !== "")
    .join("\n\n")}\n`;
}
