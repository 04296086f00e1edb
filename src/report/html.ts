import { curvesHtml } from "./curve-charts.js";
import type { CurveSet, DriftSection, PipelineSection, ReportDocument } from "./document.js";
import { escapeHtml } from "./escape-html.js";
import { bestSweepPoint, formatNumber } from "./markdown.js";

export { escapeHtml };

const num = (v: unknown) => escapeHtml(typeof v === "number" ? formatNumber(v) : (v ?? "—"));

/**
 * A bar chart as inline SVG: one bar per value, labels under the bars, the value in each bar's
 * tooltip. Bars grow from zero, downwards for a negative value (an r2 below 0 stays below 0).
 */
function barChart(
  title: string,
  labels: string[],
  values: number[],
  color = "#2f6fdd",
  size: { width: number; height: number } = { width: 640, height: 240 },
): string {
  const { width, height } = size;
  const pad = { left: 40, right: 10, top: 28, bottom: 44 };
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const span = Math.max(hi - lo, 1e-12);
  const bw = (width - pad.left - pad.right) / Math.max(values.length, 1);
  const plotH = height - pad.top - pad.bottom;
  const zero = pad.top + (hi / span) * plotH;
  const bars = values
    .map((v, i) => {
      const h = (Math.abs(v) / span) * plotH;
      const x = pad.left + i * bw + bw * 0.1;
      const y = v >= 0 ? zero - h : zero;
      return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}" data-value="${escapeHtml(v)}"><title>${escapeHtml(labels[i])}: ${escapeHtml(formatNumber(v))}</title></rect>`;
    })
    .join("");
  // Crowded axes keep every k-th label so the labels never overlap.
  const every = Math.ceil(labels.length / 12);
  const ticks = labels
    .map((l, i) =>
      i % every !== 0
        ? ""
        : `<text x="${(pad.left + i * bw + bw / 2).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(l.slice(0, 14))}</text>`,
    )
    .join("");
  const scale = `<text x="${pad.left - 4}" y="${pad.top + 4}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(hi))}</text>${lo < 0 ? `<text x="${pad.left - 4}" y="${pad.top + plotH + 4}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(lo))}</text>` : ""}`;
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="16" font-size="13" text-anchor="middle">${escapeHtml(title)}</text><line x1="${pad.left}" y1="${zero.toFixed(1)}" x2="${width - pad.right}" y2="${zero.toFixed(1)}" stroke="#888"/>${scale}${bars}${ticks}</svg></figure>`;
}

/** The confusion matrix as an SVG heat map: darker cells hold more rows. */
function heatMap(labels: string[], matrix: number[][]): string {
  const cell = 44;
  const left = 90;
  const top = 40;
  const n = labels.length;
  const max = Math.max(1, ...matrix.flat());
  const cells = matrix
    .flatMap((row, i) =>
      row.map((v, j) => {
        const shade = Math.round(255 - (v / max) * 200);
        return `<rect class="cell" x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="rgb(${shade},${shade},255)" data-value="${v}"/><text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 4}" font-size="12" text-anchor="middle">${v}</text>`;
      }),
    )
    .join("");
  const rowLabels = labels
    .map(
      (l, i) =>
        `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" font-size="11" text-anchor="end">${escapeHtml(l)}</text>`,
    )
    .join("");
  const colLabels = labels
    .map(
      (l, j) =>
        `<text x="${left + j * cell + cell / 2}" y="${top - 8}" font-size="11" text-anchor="middle">${escapeHtml(l.slice(0, 8))}</text>`,
    )
    .join("");
  const size = left + n * cell + 10;
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="confusion matrix" width="${size}" height="${top + n * cell + 10}">${colLabels}${rowLabels}${cells}</svg><figcaption>rows: actual, columns: predicted</figcaption></figure>`;
}

function table(header: string[], rows: string[][]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

/** The columns a metric row has a number in, in the order the tables show them. */
const metricColumns = [
  ["head", "this PR"],
  ["base", "base"],
  ["staging", "staging"],
  ["prod", "prod"],
] as const;

/**
 * One table per metrics file, as the markdown groups them (a baseline's file and the model's file
 * are different models), and one small chart per metric comparing this PR with base, staging and
 * prod: only values of the same metric share an axis.
 */
function metricsHtml(p: PipelineSection): string {
  const files = [...new Set(p.metrics.map((m) => m.file))];
  return files
    .map((file) => {
      const rows = p.metrics.filter((m) => m.file === file);
      const withStages = rows.some((m) => m.staging !== undefined || m.prod !== undefined);
      const columns = metricColumns.filter(([key]) => withStages || (key !== "staging" && key !== "prod"));
      const charts = rows
        .filter((m) => typeof m.head === "number" && m.direction)
        .map((m) => {
          const shown = columns.filter(([key]) => typeof m[key] === "number");
          const arrow = m.direction === "higher" ? "↑" : "↓";
          return barChart(
            `${m.metric} ${arrow}`,
            shown.map(([, label]) => label),
            shown.map(([key]) => m[key] as number),
            "#2f6fdd",
            { width: 220, height: 170 },
          );
        });
      return [
        `<h4 class="metrics-file">${escapeHtml(file)}</h4>`,
        table(
          ["metric", ...columns.map(([, label]) => label)],
          rows.map((m) => [
            `${escapeHtml(m.metric)}${m.direction ? (m.direction === "higher" ? " ↑" : " ↓") : ""}`,
            ...columns.map(([key]) => num(m[key])),
          ]),
        ),
        charts.length ? `<div class="charts">${charts.join("")}</div>` : "",
      ].join("\n");
    })
    .join("\n");
}

function pipelineHtml(p: PipelineSection): string {
  const parts = [`<h2>Pipeline ${escapeHtml(p.pipeline)}</h2>`];
  if (p.metrics.length) parts.push("<h3>Metrics</h3>", metricsHtml(p));
  if (p.gates.length) {
    parts.push(
      "<h3>Gates</h3>",
      table(
        ["model", "stage", "gate", "result", "detail"],
        p.gates.map((g) => [
          escapeHtml(g.model),
          escapeHtml(g.stage),
          escapeHtml(g.gate),
          g.passed ? "pass" : "<strong>fail</strong>",
          escapeHtml(g.detail),
        ]),
      ),
    );
  }
  if (p.params.length) {
    parts.push(
      "<h3>Params changed</h3>",
      table(
        ["file", "param", "base", "this PR"],
        p.params.map((x) => [escapeHtml(x.file), escapeHtml(x.key), num(x.base), num(x.head)]),
      ),
    );
  }
  if (p.sweep) {
    const s = p.sweep;
    const best = bestSweepPoint(s.points, s.direction);
    parts.push(
      `<h3>Sweep</h3><p>${s.points.length} of ${s.declared} points finished (declared in ${escapeHtml(s.file)})${
        s.metric && s.direction ? `, ranked by ${escapeHtml(s.metric)} (${s.direction} is better)` : ""
      }.</p>`,
      table(
        ["point", ...s.keys, s.metric ?? "metric", ""],
        s.points.map((pt, i) => [
          escapeHtml(pt.name),
          ...s.keys.map((_, j) => num(pt.values[j] ?? null)),
          num(pt.metric),
          i === best ? "<strong>best</strong>" : "",
        ]),
      ),
    );
  }
  for (const v of p.validation) {
    parts.push(
      `<h3>Validation: ${escapeHtml(v.dataset)} ${v.ok ? "passed" : "<strong>failed</strong>"}</h3>`,
      `<p>${v.rows ?? "?"} rows, ${v.errors} errors, ${v.warnings} warnings</p>`,
    );
    if (v.findings.length) {
      parts.push(
        table(
          ["severity", "check", "column", "finding"],
          v.findings.map((f) => [
            f.severity,
            escapeHtml(f.check),
            escapeHtml(f.column ?? ""),
            escapeHtml(f.message),
          ]),
        ),
      );
    }
  }
  for (const c of p.confusion) parts.push("<h3>Confusion matrix</h3>", heatMap(c.labels, c.matrix));
  for (const r of p.residuals) {
    const labels = r.counts.map((_, i) => formatNumber(((r.edges[i] ?? 0) + (r.edges[i + 1] ?? 0)) / 2));
    parts.push(
      `<h3>Residuals</h3><p>${r.count} rows, mean ${num(r.mean)}</p>`,
      barChart("residuals (actual − predicted)", labels, r.counts, "#d9822b"),
    );
  }
  for (const set of p.curves ?? []) parts.push(curvesHtml(set));
  return parts.join("\n");
}

function driftHtml(d: DriftSection): string {
  const verdict = d.drifted ? "<strong>drifted</strong> from the base data" : "no drift from the base data";
  const columns = d.columns.slice(0, 40);
  return [
    `<h2>Drift: ${escapeHtml(d.dataset)}</h2>`,
    `<p>${escapeHtml(d.dataset)}: ${verdict} (${escapeHtml(d.reference)}, family-wise α = ${num(d.alpha)})</p>`,
    table(
      ["column", "test", "statistic", "threshold", "p-value", "verdict"],
      d.columns.map((c) => [
        escapeHtml(c.column),
        escapeHtml(c.method),
        num(c.statistic),
        num(c.threshold),
        num(c.pvalue),
        c.drifted ? "<strong>drifted</strong>" : "ok",
      ]),
    ),
    columns.length
      ? barChart(
          `${d.dataset}: drift statistic / threshold`,
          columns.map((c) => c.column),
          columns.map((c) => (c.threshold > 0 ? c.statistic / c.threshold : 0)),
          "#7a4fd0",
        )
      : "",
  ].join("\n");
}

/** The whole report as one self-contained HTML file (inline CSS and SVG; no scripts, no fetches). */
export function renderHtml(doc: ReportDocument): string {
  const data = doc.data.length
    ? `<h2>Data</h2>${table(
        ["dataset", "base", "this PR", "rows (base)", "rows (this PR)", "bytes", "note"],
        doc.data.map((d) => [
          escapeHtml(d.dataset),
          escapeHtml(d.base?.slice(0, 10) ?? "—"),
          escapeHtml(d.head?.slice(0, 10) ?? "—"),
          num(d.base_rows ?? null),
          num(d.head_rows ?? null),
          num(d.head_size ?? null),
          escapeHtml(d.note ?? ""),
        ]),
      )}`
    : "";
  const drift = doc.drift.map(driftHtml).join("\n");
  return htmlPage(
    `mlops report: ${escapeHtml(doc.head.ref)} vs ${escapeHtml(doc.base.ref)}`,
    `<h1>mlops report: ${escapeHtml(doc.head.ref)} <code>${escapeHtml(doc.head.sha?.slice(0, 10) ?? "")}</code> vs ${escapeHtml(doc.base.ref)} <code>${escapeHtml(doc.base.sha?.slice(0, 10) ?? "")}</code></h1>
${data}
${drift}
${doc.pipelines.map(pipelineHtml).join("\n")}`,
  );
}

/** A self-contained page: inline CSS and SVG, and a policy that forbids scripts and fetches. */
function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}.charts{display:flex;flex-wrap:wrap;gap:4px 12px}.charts figure{margin:.3em 0}.legend span{font-size:16px}</style>
</head><body>
${body}
</body></html>
`;
}

/** `mlops plots diff`: the curves of several revisions' models, per pipeline, on one page. */
export function renderPlotsHtml(
  sections: { pipeline: string; curves: CurveSet[] }[],
  labels: string[],
): string {
  const title = `mlops plots: ${labels.map(escapeHtml).join(" vs ")}`;
  const body = sections
    .map((p) => `<h2>Pipeline ${escapeHtml(p.pipeline)}</h2>\n${p.curves.map(curvesHtml).join("\n")}`)
    .join("\n");
  return htmlPage(title, `<h1>${title}</h1>\n${body || "<p>No model card with evaluation data.</p>"}`);
}
