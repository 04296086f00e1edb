import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanInferBody } from "../src/serve/infer-body-scan.js";

// The scan is a fast path in front of JSON.parse: whenever it answers, the answer must be the value
// JSON.parse gives for the same bytes; whenever the bytes are not JSON it must stand aside.

const parsedOrError = (bytes: Buffer): { value: unknown } | { error: true } => {
  try {
    return { value: JSON.parse(bytes.toString("utf8")) };
  } catch {
    return { error: true };
  }
};

function agreesWithJsonParse(bytes: Buffer): void {
  const scanned = scanInferBody(bytes);
  if (scanned === undefined) return;
  const parsed = parsedOrError(bytes);
  expect(parsed).not.toHaveProperty("error");
  expect(scanned).toStrictEqual((parsed as { value: unknown }).value);
}

const whitespace = fc.constantFrom("", " ", "\n", "\t", "\r\n ", "  ");
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.constantFrom("-0", "0.0", "1e3", "1E+3", "2.5e-7", "-12.75", "1e999", "123456789012345678", "0e0"),
);
/** Strings JSON.stringify writes without an escape: what the fast path reads. */
const plainStringText = fc
  .oneof(
    fc.constantFrom("USA", "Europe", "Japan", "", "FP32", "BYTES", "é", "日本"),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 6 }),
  )
  .map((s) => JSON.stringify(s))
  .filter((text) => !text.slice(1, -1).includes("\\"));
/** Any string, escapes included: the fast path stands aside for these. */
const anyStringText = fc
  .oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 }))
  .map((s) => JSON.stringify(s));

/** The members of an object, each as `"key": value`, with whitespace, joined in the given order. */
const objectText = (members: [string, string][], ws: string[]): string =>
  `{${members.map(([k, v], i) => `${ws[i % ws.length]}${JSON.stringify(k)}${ws[(i + 1) % ws.length]}:${v}`).join(",")}}`;

const bodyTextOf = (stringText: fc.Arbitrary<string>): fc.Arbitrary<string> => {
  const scalarText = fc.oneof(numberText, stringText, fc.constantFrom("true", "false", "null"));
  const tensorText = fc
    .record({
      name: stringText,
      shape: fc.array(numberText, { maxLength: 3 }).map((a) => `[${a.join(",")}]`),
      datatype: stringText,
      data: fc.array(scalarText, { maxLength: 8 }).map((a) => `[${a.join(", ")}]`),
      order: fc.shuffledSubarray(["name", "shape", "datatype", "data"], { minLength: 4 }),
      ws: fc.array(whitespace, { minLength: 1, maxLength: 4 }),
    })
    .map((t) =>
      objectText(
        t.order.map((k) => [k, t[k as "name" | "shape" | "datatype" | "data"]]),
        t.ws,
      ),
    );

  return fc
    .record({
      inputs: fc.array(tensorText, { maxLength: 4 }).map((a) => `[${a.join(",")}]`),
      id: fc.option(stringText, { nil: undefined }),
      outputs: fc.option(
        fc
          .array(stringText, { maxLength: 3 })
          .map((names) => `[${names.map((n) => `{"name":${n}}`).join(",")}]`),
        { nil: undefined },
      ),
      ws: fc.array(whitespace, { minLength: 1, maxLength: 4 }),
    })
    .map((b) => {
      const members: [string, string][] = [["inputs", b.inputs]];
      if (b.id !== undefined) members.push(["id", b.id]);
      if (b.outputs !== undefined) members.push(["outputs", b.outputs]);
      return `${b.ws[0]}${objectText(members, b.ws)}${b.ws[b.ws.length - 1]}`;
    });
};
const bodyText = bodyTextOf(plainStringText);
const bodyTextWithEscapes = bodyTextOf(fc.oneof(plainStringText, anyStringText));

describe("scanInferBody", () => {
  it("reads a client's body as JSON.parse does, with strings and numbers of every kind", () => {
    const body = Buffer.from(
      '{"id":"r-1","inputs":[{"name":"weight","shape":[1,1],"datatype":"FP32","data":[4440.5]},' +
        '{"name":"origin","shape":[2],"datatype":"BYTES","data":["USA",null,true,false,-0,1e-3,"日本"]}],' +
        '"outputs":[{"name":"variable"}]}',
    );
    const scanned = scanInferBody(body);
    expect(scanned).toStrictEqual(JSON.parse(body.toString("utf8")));
    expect(Object.is(scanned?.inputs?.[1]?.data[4], -0)).toBe(true);
  });

  it("reads every body of the common shape, whatever its whitespace, order and values", () => {
    fc.assert(
      fc.property(bodyText, (text) => {
        const bytes = Buffer.from(text);
        const scanned = scanInferBody(bytes);
        // These bodies have no escapes and no other keys: the fast path must take them all.
        expect(scanned).not.toBeUndefined();
        expect(scanned).toStrictEqual(JSON.parse(text));
      }),
      { seed: 31, numRuns: 1500 },
    );
  });

  it("stands aside for anything else, so the general way gives its answer or its 400", () => {
    const aside = [
      "",
      " ",
      "[]",
      "null",
      '{"inputs":[],"parameters":{}}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[1],"parameters":{}}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[[1]]}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32"}]}',
      '{"inputs":[{"name":"a\\u0062","shape":[1],"datatype":"FP32","data":[1]}]}',
      '{"inputs":[],"inputs":[]}',
      '{"inputs":[{"name":"a","name":"b","shape":[1],"datatype":"FP32","data":[1]}]}',
      '{"inputs":[{"name":"a","shape":[01],"datatype":"FP32","data":[1]}]}',
      '{"inputs":[{"name":"a","shape":[1.],"datatype":"FP32","data":[1]}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[+1]}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[.5]}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[1e]}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[1,]}]}',
      '{"inputs":[{"name":"a","shape":[1],"datatype":"FP32","data":[tru]}]}',
      '{"inputs":[{"name":"a\tb","shape":[1],"datatype":"FP32","data":[1]}]}',
      '{"inputs":[]} x',
      '{"inputs":[]',
      '{"outputs":[{}]}',
      '{"outputs":[{"name":"a","x":1}]}',
      "\ufeff{}",
    ];
    for (const text of aside) {
      expect(scanInferBody(Buffer.from(text)), text).toBeUndefined();
    }
  });

  it("never throws and never disagrees with JSON.parse on damaged or arbitrary bytes", () => {
    const damaged = fc
      .tuple(
        bodyTextWithEscapes,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.nat(),
      )
      .map(([text, flips, cut]) => {
        const bytes = Buffer.from(text);
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        return cut % 4 === 0 ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes;
      });
    fc.assert(fc.property(damaged, agreesWithJsonParse), { seed: 32, numRuns: 3000 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => agreesWithJsonParse(Buffer.from(raw))),
      { seed: 33, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.json(), (text) => agreesWithJsonParse(Buffer.from(text))),
      { seed: 34, numRuns: 2000 },
    );
  });
});
