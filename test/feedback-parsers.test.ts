import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import {
  joinOutcomes,
  type LoggedPrediction,
  type Outcome,
  parseOutcomes,
  parsePredictionLog,
  parseWindow,
} from "../src/feedback/index.js";
import { parseShadowSummary, shadowGateProblem } from "../src/flows/index.js";
import type { ModelCard } from "../src/manifest/index.js";

const jsonl = { display: "outcomes.jsonl", format: "jsonl" as const, target: "mpg" };
const csv = { display: "outcomes.csv", format: "csv" as const, target: "mpg" };

/** Whatever the text, a parser returns outcomes or throws an MlopsError that names a line. */
function parsesOrNamesLine(text: string, source: typeof jsonl | typeof csv): void {
  try {
    const out = parseOutcomes(text, source);
    for (const o of out) {
      expect(typeof o.request_id).toBe("string");
      expect(Number.isSafeInteger(o.row) && o.row >= 0).toBe(true);
      expect(o.line).toBeGreaterThanOrEqual(1);
    }
  } catch (err) {
    expect(err).toBeInstanceOf(MlopsError);
    const e = err as MlopsError;
    expect(e.file).toBe(source.display);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(text.split("\n").length);
  }
}

const id = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[\n\r]/.test(s));
const value = fc.oneof(
  // JSON has no -0; a label that reads as a number is a number in CSV.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
  fc
    .string({ minLength: 1, maxLength: 10 })
    .filter((s) => !/[\n\r]/.test(s) && !/^\s*[-+]?(\d|\.\d)/.test(s)),
);
const time = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
const outcome = fc.record(
  { request_id: id, mpg: value, row: fc.nat({ max: 1000 }), time },
  { requiredKeys: ["request_id", "mpg"] },
);

function csvCell(text: string): string {
  return /[",]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

describe("outcome parsers (fast-check)", () => {
  it("never crash on arbitrary text: outcomes, or an MlopsError naming the file and line", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.oneof(fc.json(), fc.string({ maxLength: 40 })), { maxLength: 8 }).map((l) => l.join("\n")),
      fc
        .array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }), { maxLength: 6 })
        .map((rows) => ["request_id,mpg,row,time", ...rows.map((r) => r.join(","))].join("\n")),
    );
    fc.assert(
      fc.property(text, (t) => {
        parsesOrNamesLine(t, jsonl);
        parsesOrNamesLine(t, csv);
      }),
      { numRuns: 400 },
    );
  });

  it("read back what JSON lines and CSV writers produce", () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 20 }), (records) => {
        const expected = records.map((r, i) => ({
          request_id: r.request_id,
          row: r.row ?? 0,
          value: r.mpg,
          ...(r.time !== undefined ? { time: Date.parse(r.time) } : {}),
          line: i + 1,
        }));
        const fromJson = parseOutcomes(records.map((r) => JSON.stringify(r)).join("\n"), jsonl);
        expect(fromJson).toEqual(expected);

        const lines = records.map((r) =>
          [
            csvCell(r.request_id),
            csvCell(String(r.mpg)),
            r.row === undefined ? "" : String(r.row),
            r.time ?? "",
          ].join(","),
        );
        const fromCsv = parseOutcomes(["request_id,mpg,row,time", ...lines].join("\r\n"), csv);
        expect(fromCsv.map((o) => ({ ...o, value: String(o.value) }))).toEqual(
          expected.map((o) => ({ ...o, value: String(o.value), line: o.line + 1 })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("names the line and field of what is wrong", () => {
    const fails = (text: string, source: typeof jsonl | typeof csv) => {
      try {
        parseOutcomes(text, source);
      } catch (err) {
        return (err as MlopsError).toUserString();
      }
      throw new Error("expected an error");
    };
    expect(fails('{"request_id":"a","mpg":1}\n\n{"request_id":"b"}', jsonl)).toMatch(
      /^outcomes.jsonl:3: mpg: expected a field 'mpg'/,
    );
    expect(fails('{"request_id":"a","mpg":1,"outcome":2}', jsonl)).toMatch(
      /^outcomes.jsonl:1: outcome: give the outcome once/,
    );
    expect(fails('{"request_id":"a","mpg":1,"row":-1}', jsonl)).toMatch(/^outcomes.jsonl:1: row: /);
    expect(fails('{"request_id":"a","mpg":1,"time":"2026-01-01T00:00:00"}', jsonl)).toMatch(
      /^outcomes.jsonl:1: time: /,
    );
    expect(fails("[1,2]", jsonl)).toMatch(/^outcomes.jsonl:1: expected a JSON object per line/);
    expect(fails("mpg,time\n1,", csv)).toMatch(
      /^outcomes.csv:1: request_id: the header has no request_id column/,
    );
    expect(fails('request_id,mpg\n"a,1', csv)).toMatch(/^outcomes.csv:2: unclosed or misplaced quote/);
    expect(fails("request_id,mpg\na,1,2", csv)).toMatch(/^outcomes.csv:2: expected 2 cells/);
    expect(fails("request_id,mpg\na,", csv)).toMatch(/^outcomes.csv:2: mpg: expected the observed mpg/);
    expect(parseOutcomes("request_id,outcome\na,setosa\n", csv)).toEqual([
      { request_id: "a", row: 0, value: "setosa", line: 2 },
    ]);
  });

  it("parses windows and refuses what is not one", () => {
    expect(parseWindow("90s")).toBe(90_000);
    expect(parseWindow("1.5h")).toBe(5_400_000);
    expect(parseWindow("7d")).toBe(7 * 86_400_000);
    for (const bad of ["", "7", "0d", "-1h", "1w", "soon"])
      expect(() => parseWindow(bad)).toThrow(/--window/);
  });
});

describe("prediction log reader and join", () => {
  const line = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      time: "2026-12-01T10:00:00.000Z",
      request_id: id,
      model: "m",
      version: "v1.0.0",
      inputs: [{ x: 1 }, { x: 2 }],
      outputs: [10, 20],
      ...extra,
    });

  it("skips a last line cut short and refuses any other broken line", () => {
    const { rows, truncated } = parsePredictionLog(`${line("a")}\n${line("b")}\n{"time":"20`, "log.jsonl");
    expect(rows.map((r) => r.request_id)).toEqual(["a", "b"]);
    expect(truncated).toBe(1);
    expect(() => parsePredictionLog(`${line("a")}\n{"time":\n${line("b")}\n`, "log.jsonl")).toThrow(
      expect.objectContaining({ file: "log.jsonl", line: 2 }),
    );
    expect(() => parsePredictionLog(`${line("a", { outputs: [1] })}\n`, "log.jsonl")).toThrow(
      expect.objectContaining({ line: 1, field: "outputs" }),
    );
  });

  it("counts each outcome once: joined, duplicate, unknown, ambiguous, late or before its prediction", () => {
    const { rows: logged } = parsePredictionLog(
      [
        line("a"),
        line("b"),
        line("twice"),
        line("twice"),
        line("a", { shadow: true, version: "v2.0.0" }),
      ].join("\n"),
      "log.jsonl",
    );
    const at = (iso: string) => Date.parse(iso);
    const outcomes: Outcome[] = [
      { request_id: "a", row: 0, value: 11, line: 1 },
      { request_id: "a", row: 1, value: 21, line: 2, time: at("2026-12-01T11:00:00Z") },
      { request_id: "a", row: 0, value: 12, line: 3 },
      { request_id: "a", row: 2, value: 1, line: 4 },
      { request_id: "zzz", row: 0, value: 1, line: 5 },
      { request_id: "twice", row: 0, value: 1, line: 6 },
      { request_id: "b", row: 0, value: 1, line: 7, time: at("2026-12-09T10:00:00Z") },
      { request_id: "b", row: 1, value: 1, line: 8, time: at("2026-11-30T10:00:00Z") },
    ];
    const joined = joinOutcomes(logged as LoggedPrediction[], outcomes, {
      target: "y",
      windowMs: 86_400_000,
    });
    expect(joined.counts).toEqual({
      outcomes: 8,
      joined: 2,
      duplicate: 1,
      unknown: 2,
      ambiguous: 1,
      late: 1,
      before_prediction: 1,
      unlabelled: 8 - 2,
    });
    expect(joined.rows.map((r) => r.row)).toEqual([
      { x: 1, y: 11 },
      { x: 2, y: 21 },
    ]);
    expect(joined.rows.map((r) => r.served)).toEqual([10, 20]);
    expect(joined.examples.unknown).toEqual(["a row 2", "zzz"]);
    // Without a window nothing is late.
    expect(joinOutcomes(logged, outcomes, { target: "y" }).counts.late).toBe(0);
  });
});

describe("the release's shadow gate", () => {
  const card = (shadow?: { min_requests: number; min_agreement: number }) =>
    ({ name: "m", ...(shadow ? { shadow } : {}) }) as unknown as ModelCard;
  const summary = (requests: number, agreement: number, version = "v1.1.0") =>
    parseShadowSummary(
      JSON.stringify({
        log: "l",
        candidates: [{ model: "m", version, requests, agreement, rows: requests }],
      }),
      "s.json",
    );

  it("passes a card without a shadow rule, and a version that ran long enough agreeing enough", () => {
    expect(shadowGateProblem(card(), "v1.1.0", [])).toBeUndefined();
    const rule = { min_requests: 100, min_agreement: 0.9 };
    expect(shadowGateProblem(card(rule), "v1.1.0", [summary(20, 1), summary(100, 0.9)])).toBeUndefined();
  });

  it("refuses no summary of the version, too few requests, or too little agreement", () => {
    const rule = { min_requests: 100, min_agreement: 0.9 };
    expect(shadowGateProblem(card(rule), "v1.1.0", [summary(500, 1, "v1.0.9")])).toMatch(
      /no shadow summary covers v1.1.0/,
    );
    expect(shadowGateProblem(card(rule), "v1.1.0", [summary(99, 1)])).toMatch(
      /on 99 requests, fewer than the 100/,
    );
    expect(shadowGateProblem(card(rule), "v1.1.0", [summary(100, 0.8)])).toMatch(
      /agreed with prod on 80.0% .* less than the 90.0%/,
    );
    expect(() => parseShadowSummary("{", "s.json")).toThrow(/not valid JSON/);
    expect(() =>
      parseShadowSummary(
        '{"log":"l","candidates":[{"model":"m","version":"v","requests":1,"agreement":2}]}',
        "s.json",
      ),
    ).toThrow(expect.objectContaining({ field: "candidates.0.agreement" }));
  });
});

describe("the prediction log and shadow summary readers (fast-check)", () => {
  it("read any text as lines or an MlopsError naming the file and line (or field)", () => {
    const logLine = fc.oneof(
      fc.json(),
      fc
        .record({
          time: fc.oneof(fc.constant("2026-12-01T10:00:00Z"), fc.string({ maxLength: 12 })),
          request_id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
          model: fc.constantFrom("m", ""),
          version: fc.constantFrom("v1.0.0", ""),
          inputs: fc.array(fc.oneof(fc.object({ maxDepth: 1 }), fc.integer()), { maxLength: 3 }),
          outputs: fc.array(fc.json(), { maxLength: 3 }),
          shadow: fc.boolean(),
        })
        .map((r) => JSON.stringify(r)),
    );
    fc.assert(
      fc.property(fc.array(logLine, { maxLength: 6 }), (lines) => {
        const text = lines.join("\n");
        try {
          const { rows } = parsePredictionLog(text, "log.jsonl");
          for (const r of rows) expect(r.outputs).toHaveLength(r.inputs.length);
        } catch (err) {
          expect(err).toBeInstanceOf(MlopsError);
          expect((err as MlopsError).file).toBe("log.jsonl");
          expect((err as MlopsError).line).toBeGreaterThanOrEqual(1);
        }
        try {
          parseShadowSummary(text, "s.json");
        } catch (err) {
          expect(err).toBeInstanceOf(MlopsError);
          expect((err as MlopsError).file).toBe("s.json");
        }
      }),
      { numRuns: 300 },
    );
  });
});
