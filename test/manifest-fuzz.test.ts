import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { manifestKinds, parseYaml } from "../src/manifest/index.js";

/**
 * Every manifest kind's loader, fed generated documents: each either loads or fails with an
 * MlopsError naming the file and a line (and the field, when the YAML parsed but the shape is
 * wrong), never a RangeError, a stack overflow or another crash.
 */
const oddKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "outs",
  "stages",
  "cmd",
  "",
  "a.b",
);
const oddNumber = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1, 1e-320, Number.MAX_SAFE_INTEGER);
const leaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  oddNumber,
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(oddKey, fc.string({ maxLength: 8 })), tie("value"), { maxKeys: 4 }),
  ),
}));

/** Fragments YAML treats specially: anchors, aliases, tags, directives, document markers, merges. */
const oddity = fc.constantFrom(
  "&a [1, 2]\n",
  "*a\n",
  "b: &x {c: *x}\n",
  "!!binary aGVsbG8=\n",
  "!!python/object:os.system x\n",
  "%YAML 1.1\n---\n",
  "---\na: 1\n---\nb: 2\n",
  "a: 1\na: 2\n",
  "<<: {a: 1}\n",
  "? [a, b]\n: c\n",
  "a: 0x1F\nb: .inf\nc: .nan\nd: 1_000\n",
  "a: '\\uD800'\n",
  '"\\x00\\xff"\n',
  "\t- tab\n",
  "outs:\n  - path: ../../etc/passwd\n",
  "a: !!str\n",
  "{a: [b, {c: [d",
  "\uFEFFa: 1\n",
);
const longString = fc.integer({ min: 10_000, max: 200_000 }).map((n) => `desc: ${"x".repeat(n)}\n`);
const billionLaughs = fc.constant(
  [
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
    "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
    "",
  ].join("\n"),
);
const invalidUtf8 = fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("utf8"));

const document = fc.oneof(
  { arbitrary: value.map((v) => JSON.stringify(v) ?? "null"), weight: 5 },
  { arbitrary: fc.array(oddity, { maxLength: 4 }).map((parts) => parts.join("")), weight: 4 },
  { arbitrary: fc.tuple(value, oddity).map(([v, o]) => `${o}${JSON.stringify({ k: v })}\n`), weight: 2 },
  { arbitrary: invalidUtf8, weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }), weight: 2 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: billionLaughs, weight: 1 },
);

function expectNamedFailure(err: unknown, file: string): void {
  if (!(err instanceof MlopsError)) throw err;
  expect(err.file).toBe(file);
  expect(err.line).toBeGreaterThanOrEqual(1);
  // A document that parsed but has the wrong shape names the field; a syntax error names the line.
  if (!/^(not valid YAML|not a usable YAML document|nesting deeper)/.test(err.message))
    expect(err.field ?? "(root)").toBeTruthy();
}

describe("manifest loaders under generated documents", () => {
  it.each(manifestKinds.map((k) => [k.kind, k] as const))(
    "%s: 10,000 documents load or fail naming file and line",
    (kind, entry) => {
      const file = `fuzz/${kind}.yaml`;
      fc.assert(
        fc.property(document, (text) => {
          try {
            parseYaml(text, entry.schema, file);
          } catch (err) {
            expectNamedFailure(err, file);
          }
        }),
        { seed: 17, numRuns: 10_000, interruptAfterTimeLimit: 120_000 },
      );
    },
    180_000,
  );

  it.each([
    ["flow sequences", (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`],
    ["flow mappings", (n: number) => `${"{a: ".repeat(n)}1${"}".repeat(n)}`],
    ["block sequences on one line", (n: number) => `${"- ".repeat(n)}x\n`],
    ["unclosed brackets", (n: number) => "[".repeat(n)],
  ])("refuses %s nested 100,000 deep with a line, without overflowing the stack", (_what, make) => {
    for (const entry of manifestKinds) {
      let caught: unknown;
      try {
        parseYaml(`stages:\n  ${make(100_000)}`, entry.schema, "deep.yaml");
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(MlopsError);
      expect((caught as MlopsError).message).toMatch(/nesting deeper than 256 levels/);
      expect((caught as MlopsError).line).toBe(2);
    }
  });

  it("refuses an alias bomb (billion laughs) as a bad file", () => {
    const bomb = fc.sample(billionLaughs, 1)[0] as string;
    for (const entry of manifestKinds) {
      let caught: unknown;
      try {
        parseYaml(bomb, entry.schema, "bomb.yaml");
      } catch (err) {
        caught = err;
      }
      expect(caught, entry.kind).toBeInstanceOf(MlopsError);
      expect((caught as MlopsError).file).toBe("bomb.yaml");
    }
  });
});
