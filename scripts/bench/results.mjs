// The pure part of the benchmark runner: how a result row reads, the table and header written to
// BENCHMARKS.md, and the exit status. No timing, no processes, no files: test/bench-results.test.ts
// runs it without running any benchmark.
//
// A result is { name, measure, ours, baseline, baselineName, ratio, target, pass, note, unit }:
//   unit      how ours and baseline read: "s" (seconds, the default), "ms", "rps" (requests/s),
//             "count" (a plain number)
//   pass      true or false against its target; null for a figure shown beside a judged one
//             (labelled "shown beside"), which never decides the exit status
//   missing   a reason when the benchmark could not be measured (a tool would not install, a step
//             failed): the row says so and counts as missed

/** How a figure reads in the table. */
export function formatValue(value, unit = "s") {
  if (value == null || Number.isNaN(value)) return "–";
  switch (unit) {
    case "count":
      return String(value);
    case "rps":
      return `${Math.round(value).toLocaleString("en-US")} req/s`;
    case "ms":
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    default:
      return value < 1 ? `${(value * 1000).toFixed(0)} ms` : `${value.toFixed(2)} s`;
  }
}

/** The result column of a row. */
export function verdict(result) {
  if (result.missing) return `FAIL: not measured (${result.missing})`;
  if (result.pass === null || result.pass === undefined) return "shown beside";
  return result.pass ? "pass" : "FAIL";
}

/** One row of the results table; `stamp` says when and how often (e.g. "2026-12-07, best of 3"). */
export function resultRow(r, rowsStamp) {
  // A benchmark with its own repetition count says so instead of the run's "best of N".
  const stamp =
    r.runs === undefined
      ? rowsStamp
      : rowsStamp.replace(/best of \d+/, r.runs === 1 ? "one run each" : `best of ${r.runs}`);
  const what = `${r.measure}${r.note ? ` (${r.note})` : ""}`;
  if (r.missing)
    return `| ${r.name} | ${what} | not measured | – | – | ${r.target} | ${verdict(r)} | ${stamp} |`;
  const ours = formatValue(r.ours, r.unit);
  const baseline = r.baselineName
    ? r.baseline == null
      ? r.baselineName
      : `${r.baselineName}: ${formatValue(r.baseline, r.unit)}`
    : "–";
  const ratio = r.ratio == null || !Number.isFinite(r.ratio) ? "–" : `${r.ratio.toFixed(2)}×`;
  return `| ${r.name} | ${what} | ${ours} | ${baseline} | ${ratio} | ${r.target ?? "–"} | ${verdict(r)} | ${stamp} |`;
}

export const tableHeader = [
  "| benchmark | what | ours | baseline | ratio | target | result | measured |",
  "|---|---|---|---|---|---|---|---|",
];

export function resultsTable(results, stamp) {
  return [...tableHeader, ...results.map((r) => resultRow(r, stamp))].join("\n");
}

/** The results that decide a non-zero exit: every judged miss and everything not measured. */
export function missed(results) {
  return results.filter((r) => r.missing || r.pass === false);
}

/** 0 when every judged target holds and everything selected was measured, else 1. */
export function exitStatus(results) {
  if (results.length === 0) return 1;
  return missed(results).length > 0 ? 1 : 0;
}

/** "DVC 3.67.1, GTO 1.10.1, …" from { tool: version }, in insertion order; unmeasured ones say so. */
export function versionsLine(versions) {
  const parts = Object.entries(versions).map(([tool, v]) => `${tool} ${v}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

/** The block BENCHMARKS.md holds between its markers: header, table and the sections' tables. */
export function resultsBlock({ machine, versions, results, sections = [] }) {
  const stamp = `${machine.date}, best of ${machine.reps}${machine.quick ? ", quick" : ""}`;
  const failed = missed(results);
  const lines = [
    `Measured on ${machine.date} by \`${machine.command}\` in one run (${machine.wall}): ${machine.cpus}, Node ${machine.node}, ${machine.openssl}.`,
    `Load average (1, 5, 15 min) at the start: ${machine.loadBefore}; at the end: ${machine.loadAfter}${machine.note ? `. ${machine.note}` : ""}.`,
    "",
    `Peers and tools as run: ${versionsLine(versions)}.`,
    "",
    failed.length === 0
      ? "Every target was met; the run exited 0."
      : `Missed or not measured (the run exited 1): ${failed.map((r) => `${r.name}${r.missing ? " (not measured)" : ""}`).join(", ")}.`,
    "",
    resultsTable(results, stamp),
  ];
  for (const section of sections) lines.push("", `### ${section.title}`, "", section.body.trimEnd());
  return lines.join("\n");
}

/** Replaces what lies between the two markers (kept) with `content`; throws naming what is missing. */
export function replaceBetween(text, start, end, content, file = "BENCHMARKS.md") {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} lacks the ${start} … ${end} markers (in that order)`);
  return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}
