import type { DriftReport } from "./drift.js";
import type { ValidationReport } from "./run.js";

function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return "—";
  if (v !== 0 && Math.abs(v) < 10 ** -digits) return v.toExponential(1);
  return Number(v.toFixed(digits)).toString();
}

/** Terminal text: one line per finding, `schema:line: column: message`, errors first. */
export function validationText(r: ValidationReport): string {
  const head = `${r.ok ? "ok" : "FAILED"}: ${r.file} against ${r.schema}: ${r.rows} rows, ${r.failed.length} errors, ${
    r.findings.length - r.failed.length
  } warnings${r.dropped_rows ? `, ${r.dropped_rows} rows dropped` : ""}`;
  const lines = [...r.findings]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
    .map(
      (f) =>
        `  ${f.severity === "error" ? "error" : "warn "} ${f.file ?? r.schema}${f.line ? `:${f.line}` : ""}: ${f.message}`,
    );
  return [head, ...lines].join("\n");
}

/** A markdown section for the pull-request report. */
export function validationMarkdown(r: ValidationReport): string {
  const title = `### Data validation: ${r.ok ? "✅ passed" : "❌ failed"} — \`${r.file}\` (${r.rows} rows)`;
  if (r.findings.length === 0) return `${title}\n\nEvery check of \`${r.schema}\` holds.`;
  const rows = r.findings.map(
    (f) =>
      `| ${f.severity} | ${f.column ?? "—"} | ${f.check} | ${f.count || ""} | ${f.message.replaceAll("|", "\\|")} | \`${f.file ?? r.schema}${f.line ? `:${f.line}` : ""}\` |`,
  );
  return [
    title,
    "",
    "| severity | column | check | rows | finding | rule |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

export function driftText(r: DriftReport & { reference: string; current: string }): string {
  const head = `${r.drifted ? "DRIFT" : "no drift"}: ${r.current} against ${r.reference} (${r.mode}; family-wise alpha ${r.alpha} over ${r.columns.length} columns)`;
  const width = Math.max(6, ...r.columns.map((c) => c.column.length));
  const lines = r.columns.map(
    (c) =>
      `  ${c.drifted ? "DRIFT" : "ok   "} ${c.column.padEnd(width)} ${c.method.padEnd(4)} ${fmt(c.statistic).padStart(7)} (threshold ${fmt(
        c.threshold,
      )})  p ${fmt(c.pvalue, 4).padStart(8)}  psi ${fmt(c.psi)}  n ${c.reference_rows}/${c.current_rows}`,
  );
  return [head, ...lines].join("\n");
}

export function driftMarkdown(r: DriftReport & { reference: string; current: string }): string {
  const title = `### Drift: ${r.drifted ? `⚠️ ${r.drifted_columns.join(", ")}` : "✅ none"} — \`${r.current}\` vs \`${r.reference}\``;
  const rows = r.columns.map(
    (c) =>
      `| ${c.column} | ${c.method} | ${fmt(c.statistic)} | ${fmt(c.threshold)} | ${fmt(c.pvalue, 4)} | ${fmt(c.psi)} | ${c.drifted ? "drift" : ""} |`,
  );
  return [
    title,
    "",
    "| column | test | statistic | threshold | p-value | PSI | |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
