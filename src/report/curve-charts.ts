import type { CurveSet } from "./document.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./markdown.js";

/** One colour per model, in legend order; the same model keeps its colour in every chart of a set. */
const palette = ["#2f6fdd", "#d9822b", "#2a9d5c", "#b8336a", "#7a4fd0", "#555555"];

type Pair = readonly [number, number];

interface Line {
  label: string;
  color: string;
  points: readonly Pair[];
  /** "line" joins the points in order; "points" draws each one; "both" does both (calibration bins). */
  mode: "line" | "points" | "both";
}

interface Plot {
  title: string;
  xLabel: string;
  yLabel: string;
  x: Pair;
  y: Pair;
  /** A dashed guide: chance for ROC, perfect calibration, predicted = actual, zero residual. */
  reference?: readonly [Pair, Pair];
  lines: Line[];
}

const width = 300;
const height = 270;
const pad = { left: 48, right: 12, top: 24, bottom: 40 };
const plotW = width - pad.left - pad.right;
const plotH = height - pad.top - pad.bottom;

/** Five ticks across a range, ends included. */
function ticks([lo, hi]: Pair): number[] {
  // A weighted mean of the ends never leaves the range, so it cannot overflow as lo + step·i can.
  return Array.from({ length: 5 }, (_, i) => lo * (1 - i / 4) + hi * (i / 4));
}

/** The largest finite double: ranges and residuals are clamped to it so no coordinate overflows. */
const big = Number.MAX_VALUE;
const clamp = (v: number) => Math.min(big, Math.max(-big, v));

/**
 * A range with room around its data; a single value gets a range around it so nothing divides by 0.
 * Halves before differences: the span of -1e308 and 1e308 overflows a double, its half does not.
 */
function paddedRange(values: number[]): Pair {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const halfSpan = hi / 2 - lo / 2;
  const room = halfSpan > 0 ? halfSpan * 0.1 : Math.max(0.5, Math.abs(lo) * 0.1);
  lo = clamp(lo - room);
  hi = clamp(hi + room);
  return [lo, hi];
}

/** Where `v` falls between `lo` and `hi`, from 0 to 1, without overflowing on extreme ranges. */
const fraction = (v: number, [lo, hi]: Pair) => (v / 2 - lo / 2) / (hi / 2 - lo / 2);

/** An SVG line or scatter chart: axes, ticks, a dashed reference, and one polyline or dot set per model. */
function plotSvg(p: Plot): string {
  const sx = (v: number) => pad.left + fraction(v, p.x) * plotW;
  const sy = (v: number) => pad.top + plotH - fraction(v, p.y) * plotH;
  const xy = ([a, b]: Pair) => `${sx(a).toFixed(1)},${sy(b).toFixed(1)}`;
  const axes = [
    `<rect x="${pad.left}" y="${pad.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#bbb"/>`,
    ...ticks(p.x).map(
      (t) =>
        `<text x="${sx(t).toFixed(1)}" y="${pad.top + plotH + 13}" font-size="9" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`,
    ),
    ...ticks(p.y).map(
      (t) =>
        `<text x="${pad.left - 4}" y="${(sy(t) + 3).toFixed(1)}" font-size="9" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`,
    ),
    `<text x="${pad.left + plotW / 2}" y="${height - 6}" font-size="10" text-anchor="middle">${escapeHtml(p.xLabel)}</text>`,
    `<text transform="translate(11 ${pad.top + plotH / 2}) rotate(-90)" font-size="10" text-anchor="middle">${escapeHtml(p.yLabel)}</text>`,
  ];
  const reference = p.reference
    ? `<line class="reference" x1="${sx(p.reference[0][0]).toFixed(1)}" y1="${sy(p.reference[0][1]).toFixed(1)}" x2="${sx(p.reference[1][0]).toFixed(1)}" y2="${sy(p.reference[1][1]).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`
    : "";
  const marks = p.lines.map((l) => {
    const label = escapeHtml(l.label);
    const parts: string[] = [];
    if (l.mode !== "points" && l.points.length > 1) {
      parts.push(
        `<polyline class="curve" data-series="${label}" data-value="${l.points.length}" fill="none" stroke="${l.color}" stroke-width="1.6" points="${l.points.map(xy).join(" ")}"><title>${label}</title></polyline>`,
      );
    }
    if (l.mode !== "line" || l.points.length === 1) {
      for (const pt of l.points) {
        parts.push(
          `<circle class="point" data-series="${label}" cx="${sx(pt[0]).toFixed(1)}" cy="${sy(pt[1]).toFixed(1)}" r="${l.mode === "points" ? 2 : 3}" fill="${l.color}" fill-opacity="${l.mode === "points" ? 0.55 : 0.9}"><title>${label}: ${escapeHtml(formatNumber(pt[0]))}, ${escapeHtml(formatNumber(pt[1]))}</title></circle>`,
        );
      }
    }
    return parts.join("");
  });
  return `<svg class="curve-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(p.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="15" font-size="12" text-anchor="middle">${escapeHtml(p.title)}</text>${axes.join("")}${reference}${marks.join("")}</svg>`;
}

function legend(labels: string[]): string {
  return `<p class="legend">${labels
    .map((l, i) => `<span style="color:${palette[i % palette.length]}">&#9632;</span> ${escapeHtml(l)}`)
    .join(" &nbsp; ")}</p>`;
}

const unit: Pair = [0, 1];
const diagonal: readonly [Pair, Pair] = [
  [0, 0],
  [1, 1],
];

function figure(plots: Plot[]): string {
  return `<div class="charts">${plots.map((p) => `<figure>${plotSvg(p)}</figure>`).join("")}</div>`;
}

function classificationHtml(set: CurveSet): string {
  const colors = new Map(set.series.map((s, i) => [s.label, palette[i % palette.length] as string]));
  const names = [...new Set(set.series.flatMap((s) => (s.classes ?? []).map((c) => c.class)))];
  return names
    .map((name) => {
      const of =
        (pick: (c: NonNullable<(typeof set.series)[0]["classes"]>[0]) => readonly Pair[]) =>
        (mode: Line["mode"]): Line[] =>
          set.series.flatMap((s) => {
            const c = s.classes?.find((x) => x.class === name);
            const points = c ? pick(c) : [];
            return points.length
              ? [{ label: s.label, color: colors.get(s.label) as string, points, mode }]
              : [];
          });
      const roc = of((c) => c.roc)("line");
      const pr = of((c) => c.precision_recall)("line");
      const calibration = of((c) => c.calibration.map(([x, y]) => [x, y] as const))("both");
      const plots: Plot[] = [];
      if (roc.length) {
        plots.push({
          title: `ROC: ${name}`,
          xLabel: "false positive rate",
          yLabel: "true positive rate",
          x: unit,
          y: unit,
          reference: diagonal,
          lines: roc,
        });
      }
      if (pr.length) {
        plots.push({
          title: `precision-recall: ${name}`,
          xLabel: "recall",
          yLabel: "precision",
          x: unit,
          y: unit,
          lines: pr,
        });
      }
      if (calibration.length) {
        plots.push({
          title: `calibration: ${name}`,
          xLabel: "mean predicted probability",
          yLabel: "fraction positive",
          x: unit,
          y: unit,
          reference: diagonal,
          lines: calibration,
        });
      }
      const heading = `<h4>Class ${escapeHtml(name)}</h4>`;
      return plots.length
        ? `${heading}${figure(plots)}`
        : `${heading}<p>No curve: the data holds only one side of this class.</p>`;
    })
    .join("\n");
}

function regressionHtml(set: CurveSet): string {
  const lines = set.series
    .map((s, i) => ({ label: s.label, color: palette[i % palette.length] as string, points: s.points ?? [] }))
    .filter((l) => l.points.length > 0);
  if (!lines.length) return "";
  const all = lines.flatMap((l) => l.points.flat());
  const range = paddedRange(all);
  const residuals = lines.map((l) => ({
    ...l,
    points: l.points.map(([a, p]): Pair => [p, clamp(a - p)]),
  }));
  const predictedRange = paddedRange(residuals.flatMap((l) => l.points.map(([p]) => p)));
  const worst = clamp(
    Math.max(...residuals.flatMap((l) => l.points.map(([, r]) => Math.abs(r))), 1e-12) * 1.05,
  );
  return figure([
    {
      title: "predicted vs actual",
      xLabel: "actual",
      yLabel: "predicted",
      x: range,
      y: range,
      reference: [
        [range[0], range[0]],
        [range[1], range[1]],
      ],
      lines: lines.map((l) => ({ ...l, mode: "points" })),
    },
    {
      title: "residuals (actual − predicted)",
      xLabel: "predicted",
      yLabel: "residual",
      x: predictedRange,
      y: [-worst, worst],
      reference: [
        [predictedRange[0], 0],
        [predictedRange[1], 0],
      ],
      lines: residuals.map((l) => ({ ...l, mode: "points" })),
    },
  ]);
}

/**
 * A model's curves as inline SVG, every model of the set overlaid in its own colour: ROC,
 * precision-recall and calibration per class for a classifier; predicted against actual and
 * residuals against predicted for a regressor.
 */
export function curvesHtml(set: CurveSet): string {
  const parts = [
    `<h3>Curves: ${escapeHtml(set.model)}</h3>`,
    `<p>Every model evaluated on the same ${set.rows} rows of <code>${escapeHtml(set.data)}</code>.</p>`,
  ];
  if (set.series.length) parts.push(legend(set.series.map((s) => s.label)));
  parts.push(set.task === "regression" ? regressionHtml(set) : classificationHtml(set));
  for (const note of set.notes) parts.push(`<p class="note">Not drawn: ${escapeHtml(note)}</p>`);
  return parts.join("\n");
}
