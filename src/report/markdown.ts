import type { PipelineSection, ReportDocument, SweepSection } from "./document.js";

/** GitHub's limit on a comment body. */
export const maxCommentChars = 65_536;

/**
 * Text from the report made inert in GitHub markdown: no HTML (so no forged marker comments), no
 * links, images, emphasis, tables broken by `|`, or @-mentions. The report can come from PR code,
 * so every string goes through here; only numbers we format ourselves are written as they are.
 */
export function escapeMarkdown(value: unknown): string {
  return (
    String(value)
      .replace(/[\r\n]+/g, " ")
      // Markdown punctuation first, so the entities added below keep their own '#' and ';'.
      .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
      .replace(/^([-=.])/g, "\\$1")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // No mentions, no e-mail autolinks, and no bare-URL autolinks (GFM links `https://…` and `www.…`).
      .replace(/@/g, "&#64;")
      .replace(/:\/\//g, "&#58;//")
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}&#46;`)
  );
}

/** Labels inside a Mermaid block, which has its own syntax: only plain characters survive. */
function mermaidLabel(value: string): string {
  return value.replace(/[^A-Za-z0-9 _.-]/g, "_").slice(0, 40) || "_";
}

export function formatNumber(v: unknown): string {
  if (typeof v !== "number") return v === null || v === undefined ? "—" : escapeMarkdown(v);
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

function delta(head: unknown, other: unknown, direction: "higher" | "lower" | null | undefined): string {
  if (typeof head !== "number" || typeof other !== "number") return "";
  const d = head - other;
  if (d === 0) return "±0";
  const better = direction ? (direction === "higher" ? d > 0 : d < 0) : undefined;
  const mark = better === undefined ? "" : better ? " 🟢" : " 🔴";
  return `${d > 0 ? "+" : ""}${formatNumber(d)}${mark}`;
}

export function markdownTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

const short = (sha: string | null | undefined) => (sha ? `\`${escapeMarkdown(sha.slice(0, 10))}\`` : "—");

function metricsBlock(p: PipelineSection): string {
  if (!p.metrics.length) return "";
  const files = [...new Set(p.metrics.map((m) => m.file))];
  const tables = files.map((file) => {
    const metrics = p.metrics.filter((m) => m.file === file);
    const withStages = metrics.some((m) => m.staging !== undefined || m.prod !== undefined);
    const header = [
      "metric",
      "this PR",
      "base",
      "Δ base",
      ...(withStages ? ["staging", "Δ staging", "prod", "Δ prod"] : []),
    ];
    const rows = metrics.map((m) => [
      `${escapeMarkdown(m.metric)}${m.direction ? (m.direction === "higher" ? " ↑" : " ↓") : ""}`,
      formatNumber(m.head),
      formatNumber(m.base),
      delta(m.head, m.base, m.direction),
      ...(withStages
        ? [
            formatNumber(m.staging),
            delta(m.head, m.staging, m.direction),
            formatNumber(m.prod),
            delta(m.head, m.prod, m.direction),
          ]
        : []),
    ]);
    // Not a code span: escapes do not apply inside one, so untrusted text stays plain and escaped.
    return `${files.length > 1 ? `${escapeMarkdown(file)}:\n\n` : ""}${markdownTable(header, rows)}`;
  });
  return `#### Metrics\n\n${tables.join("\n\n")}\n\n<sub>↑ higher is better, ↓ lower is better; staging and prod are evaluated on the same data as this PR's model.</sub>`;
}

function gatesBlock(p: PipelineSection): string {
  if (!p.gates.length) return "";
  const rows = p.gates.map((g) => [
    escapeMarkdown(g.model),
    escapeMarkdown(g.stage),
    escapeMarkdown(g.gate),
    g.passed ? "✅ pass" : "❌ fail",
    escapeMarkdown(g.detail),
  ]);
  return `#### Gates\n\n${markdownTable(["model", "stage", "gate", "result", "detail"], rows)}`;
}

function paramsBlock(p: PipelineSection): string {
  if (!p.params.length) return "";
  const rows = p.params.map((x) => [
    escapeMarkdown(x.file),
    escapeMarkdown(x.key),
    formatNumber(x.base),
    formatNumber(x.head),
  ]);
  return `#### Params changed\n\n${markdownTable(["file", "param", "base", "this PR"], rows)}`;
}

/**
 * The best point of a sweep: the highest or lowest finite metric by the known direction, the first
 * on a tie; undefined when the direction is unknown or no point has a number.
 */
export function bestSweepPoint(
  points: readonly { metric: number | null }[],
  direction: "higher" | "lower" | null,
): number | undefined {
  if (!direction) return undefined;
  let best: number | undefined;
  points.forEach((p, i) => {
    const v = p.metric;
    if (typeof v !== "number" || !Number.isFinite(v)) return;
    const b = best === undefined ? undefined : points[best]?.metric;
    if (typeof b !== "number" || (direction === "higher" ? v > b : v < b)) best = i;
  });
  return best;
}

/** The most characters of one param value the sweep table shows: the table stays compact. */
const sweepCellChars = 40;

function sweepCell(value: unknown): string {
  if (typeof value !== "string") return formatNumber(value);
  // Cut before escaping, so an entity or a backslash escape is never cut in half.
  return escapeMarkdown(value.length > sweepCellChars ? `${value.slice(0, sweepCellChars - 1)}…` : value);
}

/** The declared sweep's points as one table, the best marked by the metric's direction. */
export function sweepTable(s: SweepSection): string {
  const arrow = s.direction === "higher" ? " ↑" : s.direction === "lower" ? " ↓" : "";
  const header = [
    "point",
    ...s.keys.map((k) => sweepCell(k)),
    s.metric ? `${sweepCell(s.metric)}${arrow}` : "metric",
    "",
  ];
  const best = bestSweepPoint(s.points, s.direction);
  const rows = s.points.map((p, i) => [
    sweepCell(p.name),
    ...s.keys.map((_, j) => sweepCell(p.values[j] ?? null)),
    formatNumber(p.metric),
    i === best ? "⭐ best" : "",
  ]);
  const finished = `${s.points.length} of ${s.declared} point${s.declared === 1 ? "" : "s"} finished`;
  const ranked = s.metric
    ? s.direction
      ? `, ranked by ${sweepCell(s.metric)} (${s.direction} is better)`
      : `; no direction is known for ${sweepCell(s.metric)}, so no point is marked best`
    : "; no metric with a known direction to rank them";
  const intro = `${finished} (declared in ${escapeMarkdown(s.file)})${ranked}.`;
  if (s.points.length === 0) return `${intro} The sweep runs with \`mlops exp run --declared\`.`;
  return `${intro}\n\n${markdownTable(header, rows)}`;
}

function sweepBlock(p: PipelineSection): string {
  return p.sweep ? `#### Sweep\n\n${sweepTable(p.sweep)}` : "";
}

function validationBlock(p: PipelineSection): string {
  if (!p.validation.length) return "";
  const parts = p.validation.map((v) => {
    const head = `${v.ok ? "✅" : "❌"} **${escapeMarkdown(v.dataset)}**: ${v.rows ?? "?"} rows, ${v.errors} errors, ${v.warnings} warnings`;
    if (!v.findings.length) return head;
    const rows = v.findings.map((f) => [
      f.severity,
      escapeMarkdown(f.check),
      escapeMarkdown(f.column ?? ""),
      escapeMarkdown(f.message),
    ]);
    return `${head}\n\n${markdownTable(["severity", "check", "column", "finding"], rows)}`;
  });
  return `#### Validation\n\n${parts.join("\n\n")}`;
}

function confusionBlock(p: PipelineSection): string {
  return p.confusion
    .map((c) => {
      const header = ["actual \\ predicted", ...c.labels.map(escapeMarkdown)];
      const rows = c.matrix.map((row, i) => [escapeMarkdown(c.labels[i] ?? ""), ...row.map(String)]);
      return `#### Confusion matrix\n\n${markdownTable(header, rows)}`;
    })
    .join("\n\n");
}

function residualsBlock(p: PipelineSection): string {
  return p.residuals
    .map((r) => {
      const labels = r.counts.map(
        (_, i) => `"${mermaidLabel(formatNumber(((r.edges[i] ?? 0) + (r.edges[i + 1] ?? 0)) / 2))}"`,
      );
      const chart = [
        "```mermaid",
        "xychart-beta",
        '  title "Residuals (actual - predicted)"',
        `  x-axis [${labels.join(", ")}]`,
        '  y-axis "rows"',
        `  bar [${r.counts.join(", ")}]`,
        "```",
      ].join("\n");
      return `#### Residuals\n\n${r.count} rows, mean ${formatNumber(r.mean)}\n\n${chart}`;
    })
    .join("\n\n");
}

/**
 * Which models the HTML report's curves overlay, and which it could not draw: the curves themselves
 * are too many points for a comment, so it says where they are.
 */
function curvesBlock(p: PipelineSection, fullReport: string | undefined): string {
  return (p.curves ?? [])
    .map((set) => {
      const kinds =
        set.task === "regression"
          ? "predicted vs actual and residuals"
          : "ROC, precision-recall and calibration per class";
      const where = fullReport ? escapeMarkdown(fullReport) : "the HTML report (workflow run artifacts)";
      const drawn = set.series.map((s) => escapeMarkdown(s.label)).join(", ") || "no model";
      const notes = set.notes.map((n) => `\n- not drawn: ${escapeMarkdown(n)}`).join("");
      return `#### Curves: ${escapeMarkdown(set.model)}\n\n${kinds} of ${drawn}, on the same ${set.rows} rows of ${escapeMarkdown(set.data)}: in ${where}.${notes}`;
    })
    .join("\n\n");
}

function rowsCell(d: ReportDocument["data"][number]): string {
  const base = d.base_rows ?? null;
  const head = d.head_rows ?? null;
  if (base === null && head === null) return "—";
  if (base === null || base === head) return formatNumber(head);
  const change = head === null ? "" : ` (${head - base > 0 ? "+" : ""}${head - base})`;
  return `${formatNumber(base)} → ${formatNumber(head)}${change}`;
}

function dataBlock(doc: ReportDocument): string {
  if (!doc.data.length) return "";
  const rows = doc.data.map((d) => [
    escapeMarkdown(d.dataset),
    short(d.base),
    short(d.head),
    d.base === d.head ? "unchanged" : d.base === null ? "new" : "**changed**",
    rowsCell(d),
    formatNumber(d.head_size ?? null),
    d.note ? escapeMarkdown(d.note) : "",
  ]);
  return `### Data\n\n${markdownTable(["dataset", "base", "this PR", "", "rows", "bytes", "note"], rows)}`;
}

function driftBlocks(doc: ReportDocument): string[] {
  return doc.drift.map((d) => {
    const verdict = d.drifted
      ? `🔴 **${escapeMarkdown(d.dataset)}** drifted from the base data`
      : `🟢 **${escapeMarkdown(d.dataset)}**: no drift from the base data`;
    const rows = d.columns.map((c) => [
      escapeMarkdown(c.column),
      c.method,
      formatNumber(c.statistic),
      formatNumber(c.threshold),
      formatNumber(c.pvalue),
      c.drifted ? "🔴 drifted" : "ok",
    ]);
    const shown = d.columns.slice(0, 30);
    const chart = shown.length
      ? [
          "```mermaid",
          "xychart-beta",
          '  title "Drift statistic / threshold per column"',
          `  x-axis [${shown.map((c) => `"${mermaidLabel(c.column)}"`).join(", ")}]`,
          '  y-axis "statistic / threshold"',
          `  bar [${shown.map((c) => (c.threshold > 0 ? c.statistic / c.threshold : 0).toFixed(3)).join(", ")}]`,
          "```",
        ].join("\n")
      : "";
    const parts = [
      `### Drift: ${escapeMarkdown(d.dataset)}`,
      `${verdict} (${escapeMarkdown(d.reference)}, family-wise α = ${formatNumber(d.alpha)})`,
      markdownTable(["column", "test", "statistic", "threshold", "p-value", ""], rows),
      chart,
    ];
    return parts.filter((p) => p !== "").join("\n\n");
  });
}

/** Every block of the report in order: the renderer keeps as many whole blocks as fit. */
export function reportBlocks(doc: ReportDocument, fullReport?: string): string[] {
  const title = `## mlops report: ${escapeMarkdown(doc.head.ref)} ${short(doc.head.sha)} vs ${escapeMarkdown(doc.base.ref)} ${short(doc.base.sha)}`;
  const blocks = [title, dataBlock(doc), ...driftBlocks(doc)];
  for (const p of doc.pipelines) {
    // The heading travels with the pipeline's first section, so a cut never leaves it dangling.
    const sections = [
      metricsBlock(p),
      gatesBlock(p),
      paramsBlock(p),
      sweepBlock(p),
      validationBlock(p),
      confusionBlock(p),
      residualsBlock(p),
      curvesBlock(p, fullReport),
    ].filter((b) => b !== "");
    const heading = `### Pipeline ${escapeMarkdown(p.pipeline)}`;
    blocks.push(sections.length ? `${heading}\n\n${sections[0]}` : heading, ...sections.slice(1));
  }
  return blocks.filter((b) => b !== "");
}

/**
 * The report as GitHub-flavoured markdown, at most `maxChars` long: whole blocks are kept in order
 * and, when they do not all fit, a last line says what was left out and where the full report is.
 */
export function renderMarkdown(
  doc: ReportDocument,
  options: { maxChars?: number; fullReport?: string; prefix?: string } = {},
): string {
  const max = options.maxChars ?? maxCommentChars;
  const prefix = options.prefix ?? "";
  const blocks = reportBlocks(doc, options.fullReport);
  const note = (left: number) =>
    `\n\n> ✂️ ${left} more section${left === 1 ? "" : "s"} did not fit in a comment; the full report is ${options.fullReport ? escapeMarkdown(options.fullReport) : "in the workflow run's artifacts"}.`;
  let out = prefix;
  for (let i = 0; i < blocks.length; i++) {
    const next = `${out}${out === prefix ? "" : "\n\n"}${blocks[i]}`;
    const reserve = i < blocks.length - 1 ? note(blocks.length - i).length : 0;
    if (next.length + reserve > max) return `${out}${note(blocks.length - i)}`.slice(0, max);
    out = next;
  }
  return `${out}\n`;
}
