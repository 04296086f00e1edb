// The benchmark runner's pure part (scripts/bench/results.mjs): the rows and block it writes to
// BENCHMARKS.md and its exit status, checked without running any benchmark.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BenchResult,
  exitStatus,
  formatValue,
  missed,
  replaceBetween,
  resultRow,
  resultsBlock,
  versionsLine,
} from "../scripts/bench/results.mjs";

const base: BenchResult = {
  name: "status-100k",
  measure: "`data status` over 100000 unchanged files (absolute)",
  ours: 0.62,
  baseline: 0.5,
  baselineName: "the 0.5 s limit",
  ratio: 0.5 / 0.62,
  target: "≤ 0.5 s",
  pass: false,
  note: "",
  unit: "s",
};

const machine = {
  date: "2026-12-07",
  command: "npm run bench -- --write",
  wall: "41 min 3 s",
  cpus: "2 × Test CPU",
  node: "v20.0.0",
  openssl: "OpenSSL 3.0.19",
  loadBefore: "1.00, 1.00, 1.00",
  loadAfter: "2.00, 2.00, 2.00",
  reps: 3,
  quick: false,
};

describe("bench results: exit status", () => {
  it("is 1 when a judged target is missed, a serving or image one included", () => {
    const serving: BenchResult = {
      ...base,
      name: "serve-http",
      unit: "rps",
      ours: 30_000,
      baseline: 40_000,
      pass: false,
    };
    expect(exitStatus([{ ...base, pass: true }, serving])).toBe(1);
    expect(
      exitStatus([
        { ...base, pass: true },
        { ...serving, name: "image-cold", pass: false },
      ]),
    ).toBe(1);
    expect(missed([{ ...base, pass: true }, serving]).map((r) => r.name)).toEqual(["serve-http"]);
  });

  it("is 1 when something could not be measured, and when nothing was measured at all", () => {
    expect(exitStatus([{ ...base, pass: false, missing: "DVC could not be installed" }])).toBe(1);
    expect(exitStatus([])).toBe(1);
  });

  it("is 0 when every judged target holds; figures shown beside do not decide it", () => {
    expect(
      exitStatus([
        { ...base, pass: true },
        { ...base, name: "gbdt-lightgbm", pass: null },
      ]),
    ).toBe(0);
  });

  it("is 1 exactly when some row failed or is missing (property)", () => {
    const row = fc.record({
      pass: fc.constantFrom(true, false, null),
      missing: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const results = rows.map((r) => ({ ...base, ...r }));
        const expected = results.some((r) => r.pass === false || r.missing) ? 1 : 0;
        expect(exitStatus(results)).toBe(expected);
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});

describe("bench results: rows and the written block", () => {
  it("writes a missed row as FAIL with its figures, date and repetitions", () => {
    const row = resultRow(base, "2026-12-07, best of 3");
    expect(row).toBe(
      "| status-100k | `data status` over 100000 unchanged files (absolute) | 620 ms | the 0.5 s limit: 500 ms | 0.81× | ≤ 0.5 s | FAIL | 2026-12-07, best of 3 |",
    );
  });

  it("says 'not measured' and why, instead of dropping the row", () => {
    const row = resultRow({ ...base, missing: "Evidently would not install" }, "2026-12-07, best of 3");
    expect(row).toContain("| not measured |");
    expect(row).toContain("FAIL: not measured (Evidently would not install)");
  });

  it("formats requests/s, milliseconds and counts", () => {
    expect(formatValue(29264.4, "rps")).toBe("29,264 req/s");
    expect(formatValue(0.712, "ms")).toBe("0.71 ms");
    expect(formatValue(1, "count")).toBe("1");
    expect(formatValue(1.5)).toBe("1.50 s");
    expect(formatValue(null)).toBe("–");
  });

  it("stamps every row with the run's date and names the peers' versions in the header", () => {
    const results = [
      { ...base, pass: true },
      { ...base, name: "registry-show", pass: true },
      { ...base, name: "gbdt-lightgbm", pass: null },
    ];
    const block = resultsBlock({
      machine,
      versions: { DVC: "3.67.1", GTO: "1.10.1", podman: "4.3.1" },
      results,
      sections: [{ title: "Serving", body: "| a |\n|---|\n| 1 |\n" }],
    });
    const rows = block
      .split("\n")
      .filter((l) => /^\| [a-z0-9-]+ \|/.test(l) && !l.startsWith("| benchmark |"));
    expect(rows.filter((l) => l.includes("2026-12-07, best of 3"))).toHaveLength(3);
    expect(block).toContain("Peers and tools as run: DVC 3.67.1, GTO 1.10.1, podman 4.3.1.");
    expect(block).toContain("Every target was met; the run exited 0.");
    expect(block).toContain("### Serving\n\n| a |");
    expect(block).toContain("shown beside");
    expect(block).not.toContain("not run");
    const failing = resultsBlock({ machine, versions: {}, results: [base] });
    expect(failing).toContain("Missed or not measured (the run exited 1): status-100k.");
    expect(versionsLine({})).toBe("none");
  });

  it("replaces only what lies between the markers, and refuses a file without them", () => {
    const text = "# Benchmarks\nintro\n<!-- bench:start -->\nold table\n<!-- bench:end -->\n## After\n";
    const out = replaceBetween(text, "<!-- bench:start -->", "<!-- bench:end -->", "new");
    expect(out).toBe("# Benchmarks\nintro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\n## After\n");
    expect(() => replaceBetween("no markers", "<!-- bench:start -->", "<!-- bench:end -->", "x")).toThrow(
      /lacks the <!-- bench:start --> … <!-- bench:end --> markers/,
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, after, content) => {
        const start = "<!-- bench:start -->";
        const end = "<!-- bench:end -->";
        fc.pre(!before.includes(start) && !before.includes(end) && !content.includes(end));
        const written = replaceBetween(`${before}${start}\nold\n${end}${after}`, start, end, content);
        expect(written).toBe(`${before}${start}\n${content}\n${end}${after}`);
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});
