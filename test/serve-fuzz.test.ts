// Property-based fuzzing of every request path of the inference server: thousands of generated
// requests per entry point against the real server in a process of its own, which must answer each
// with a 4xx and a JSON error (or the right 2xx when the request happens to be valid) and still be
// the same process, answering correctly, at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServableModel } from "../src/serve/index.js";
import { writeFuzzModel } from "./support/fuzz-model.js";
import { PipelinedConnection, type WireRequest, type WireResponse } from "./support/pipelined-http.js";
import { type ChildServer, startChildServer } from "./support/serve-child.js";

const seed = 20261207;
/** Requests per property run, written pipelined on one connection. */
const batch = 100;
/** Property runs per entry point: batch × runs requests each. */
const runs = 100;

let dir: string;
let model: ServableModel;
let server: ChildServer;
let connection: PipelinedConnection | undefined;
let requestIdPrefix: string;

const infer = "/v2/models/fuel-efficiency/infer";
const methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;
const validRequest = {
  inputs: [
    { name: "x1", shape: [2, 1], datatype: "FP32", data: [1.5, 2] },
    { name: "x2", shape: [2, 1], datatype: "FP32", data: [3, null] },
    { name: "origin", shape: [2, 1], datatype: "BYTES", data: ["USA", "Japan"] },
  ],
};

async function send(requests: WireRequest[]): Promise<WireResponse[]> {
  if (!connection?.usable) connection = await PipelinedConnection.open(server.port);
  return connection.send(requests);
}

/** The one valid request, with what it must answer: 1.5 + 3, and 2 + NaN (null in JSON). */
async function answersCorrectly(): Promise<void> {
  const [reply] = await send([
    { method: "POST", path: infer, body: Buffer.from(JSON.stringify({ id: "check", ...validRequest })) },
  ]);
  expect(reply?.status).toBe(200);
  expect(JSON.parse(String(reply?.body))).toEqual({
    model_name: "fuel-efficiency",
    model_version: "v1.0.0",
    id: "check",
    outputs: [
      { name: "y", datatype: "FP32", shape: [2, 1], data: [4.5, null] },
      { name: "label", datatype: "BYTES", shape: [2, 1], data: ["USA", "Japan"] },
    ],
  });
  requestIdPrefix ??= String(reply?.headers.get("x-request-id")).split("-")[0] as string;
  // The request ids' random prefix is drawn once per process: the same prefix, the same process.
  expect(String(reply?.headers.get("x-request-id")).split("-")[0]).toBe(requestIdPrefix);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mlops-serve-fuzz-"));
  model = writeFuzzModel(dir);
  server = await startChildServer({ model, maxRequestRows: 100 });
  await answersCorrectly();
});

afterAll(async () => {
  connection?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// ---- What is generated -------------------------------------------------------------------------

const utf8 = (text: string) => Buffer.from(text, "utf8");

const oddNumber = fc.oneof(
  fc.constantFrom(
    "1e400",
    "-1e400",
    "-0",
    "0",
    "1e-400",
    "5e-324",
    "1.7976931348623157e308",
    "123456789012345678901234567890",
    "-9007199254740993",
    "2147483648",
    "0.1",
    "3",
    "1E5",
  ),
  fc.double().map((d) => (Number.isFinite(d) ? String(d) : "1e999")),
  fc.integer().map(String),
);
const oddString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }).map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '"NaN"',
    '"Infinity"',
    '"-0"',
    '"1e400"',
    '"USA"',
    '"Japan"',
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\u0000"',
    '"FP32"',
    '"BYTES"',
    '"x1"',
    '"origin"',
    '"__proto__"',
  ),
);
const oddKey = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "id",
    "inputs",
    "outputs",
    "name",
    "shape",
    "datatype",
    "data",
    "records",
    "x1",
    "x2",
    "origin",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
);
/** Any JSON value as text, with the odd numbers, strings and keys above. */
const jsonText = fc.letrec((tie) => ({
  value: fc.oneof(
    // Shallow trees: the deep ones come from deepBody, and big trees cost time to generate.
    { depthSize: "small", maxDepth: 3 },
    oddNumber,
    oddString,
    fc.constantFrom("true", "false", "null"),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${(items as string[]).join(",")}]`),
  object: fc
    .array(fc.tuple(oddKey, tie("value")), { maxLength: 4 })
    .map(
      (entries) =>
        `{${(entries as [string, string][]).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`,
    ),
})).value as fc.Arbitrary<string>;

/** Sometimes the right thing, sometimes any value in its place. */
const either = (right: fc.Arbitrary<string>, rightWeight = 4) =>
  fc.oneof({ arbitrary: right, weight: rightWeight }, { arbitrary: jsonText, weight: 1 });

const number = fc.oneof(
  { arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String), weight: 6 },
  { arbitrary: oddNumber, weight: 1 },
  { arbitrary: fc.constant("null"), weight: 1 },
);
const category = fc.oneof(
  { arbitrary: fc.constantFrom('"USA"', '"Europe"', '"Japan"'), weight: 6 },
  { arbitrary: oddString, weight: 1 },
);

/** A v2 infer body near a valid one: the right tensors, each part sometimes replaced or left out. */
const inferBody = fc
  .record(
    {
      rows: fc.integer({ min: 0, max: 120 }).chain((n) => fc.constant(n <= 100 ? (n % 4) + 1 : n)),
      order: fc.shuffledSubarray(["x1", "x2", "origin"] as const, { minLength: 1, maxLength: 3 }),
      id: either(fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s))),
      outputs: either(fc.constantFrom('[{"name":"y"}]', '[{"name":"label"},{"name":"y"}]', "[]")),
      withId: fc.boolean(),
      withOutputs: fc.boolean(),
      proto: fc.constantFrom("", '"__proto__":{"inputs":[]},', '"constructor":{"prototype":1},'),
      shapeOf: fc.array(either(fc.constant("")), { minLength: 3, maxLength: 3 }),
      datatypeOf: fc.array(either(fc.constant("")), { minLength: 3, maxLength: 3 }),
      values: fc.array(fc.tuple(number, number, category), { minLength: 4, maxLength: 4 }),
      nested: fc.boolean(),
    },
    { noNullPrototype: true },
  )
  .map((b) => {
    const tensors = b.order.map((name, k) => {
      const k2 = name === "x1" ? 0 : name === "x2" ? 1 : 2;
      // Four generated rows, repeated when the body asks for more (over the row limit: a 413).
      const column = Array.from({ length: b.rows }, (_, r) => (b.values[r % 4] as string[])[k2] as string);
      const data = b.nested ? `[${column.map((v) => `[${v}]`).join(",")}]` : `[${column.join(",")}]`;
      const shape = b.shapeOf[k] || `[${b.rows},1]`;
      const datatype = b.datatypeOf[k] || (name === "origin" ? '"BYTES"' : '"FP32"');
      return `{"name":"${name}","shape":${shape},"datatype":${datatype},"data":${data}}`;
    });
    const id = b.withId ? `"id":${b.id},` : "";
    const outputs = b.withOutputs ? `,"outputs":${b.outputs}` : "";
    return `{${b.proto}${id}"inputs":[${tensors.join(",")}]${outputs}}`;
  });

/** A /predict body near a valid one: records with the features, sometimes odd. */
const recordsBody = fc
  .record(
    {
      records: fc.array(
        fc.record(
          {
            x1: number,
            x2: number,
            origin: category,
            extra: fc.constantFrom("", ',"__proto__":{"x1":1}', ',"constructor":1'),
          },
          { noNullPrototype: true },
        ),
        { minLength: 0, maxLength: 6 },
      ),
      bare: fc.boolean(),
    },
    { noNullPrototype: true },
  )
  .map(({ records, bare }) => {
    const list = `[${records.map((r) => `{"x1":${r.x1},"x2":${r.x2},"origin":${r.origin}${r.extra}}`).join(",")}]`;
    return bare ? list : `{"records":${list}}`;
  });

/** Arrays and objects nested up to 100,000 deep, closed or not, where a field is expected. */
const deepBody = fc
  .record(
    {
      depth: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 200 }), weight: 3 },
        { arbitrary: fc.integer({ min: 200, max: 100_000 }), weight: 1 },
      ),
      kind: fc.constantFrom("array", "object", "mixed"),
      where: fc.constantFrom("id", "inputs", "data", "records", "bare"),
      closed: fc.boolean(),
    },
    { noNullPrototype: true },
  )
  .map(({ depth, kind, where, closed }) => {
    // Two levels per unit when mixed; String.repeat keeps 100,000 levels cheap to build.
    const [open, close] =
      kind === "array" ? ["[", "]"] : kind === "object" ? ['{"a":', "}"] : ['[{"a":', "}]"];
    const times = kind === "mixed" ? Math.ceil(depth / 2) : depth;
    const nest = `${open.repeat(times)}1${closed ? close.repeat(times) : ""}`;
    if (where === "id") return `{"id":${nest}}`;
    if (where === "inputs") return `{"inputs":${nest}}`;
    if (where === "data") return `{"inputs":[{"name":"x1","shape":[1,1],"datatype":"FP32","data":${nest}}]}`;
    if (where === "records") return `{"records":[{"x1":${nest}}]}`;
    return nest;
  });

/** Strings up to 900,000 characters long, in the fields a message may quote. */
const longBody = fc
  .record({
    length: fc.oneof(
      { arbitrary: fc.integer({ min: 1000, max: 20_000 }), weight: 4 },
      { arbitrary: fc.integer({ min: 20_000, max: 900_000 }), weight: 1 },
    ),
    where: fc.constantFrom("id", "name", "key", "record"),
  })
  .map(({ length, where }) => {
    const long = "x".repeat(length);
    if (where === "id") return `{"id":"${long}","inputs":[]}`;
    if (where === "name") return `{"inputs":[{"name":"${long}"}]}`;
    if (where === "key") return `{"${long}":1}`;
    return `{"records":[{"x1":1,"x2":2,"origin":"${long}"}]}`;
  });

/** Bytes that are not UTF-8, alone or inside a JSON string. */
const invalidUtf8 = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .uint8Array({ minLength: 1, maxLength: 40 })
    .map((bytes) =>
      Buffer.concat([utf8('{"id":"'), Buffer.from(bytes.map((b) => b | 0x80)), utf8('","inputs":[]}')]),
    ),
);

/** A body for the inference routes, as bytes. */
function bodyFor(valid: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  const truncated = fc
    .tuple(valid, fc.nat())
    .map(([text, cut]) => text.slice(0, cut % Math.max(1, text.length)));
  return fc.oneof(
    { arbitrary: valid.map(utf8), weight: 16 },
    { arbitrary: jsonText.map(utf8), weight: 8 },
    { arbitrary: deepBody.map(utf8), weight: 4 },
    { arbitrary: truncated.map(utf8), weight: 4 },
    { arbitrary: invalidUtf8, weight: 4 },
    { arbitrary: longBody.map(utf8), weight: 1 },
    { arbitrary: fc.constantFrom("", " ", "null", "[]", "{}", "\ufeff{}").map(utf8), weight: 2 },
  );
}

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "*/*",
  "garbage",
);

/** A query string, sometimes: the server routes on the path alone. */
const query = fc.oneof(
  fc.constant(""),
  fc.constantFrom("?", "?a=1", "?__proto__[x]=1&constructor=2", "?%ZZ", "?id=%00"),
);

/** Text as a path segment: every byte of its UTF-8 percent-encoded, so any text fits a request target. */
const segment = fc
  .string({ unit: "binary", maxLength: 16 })
  .map((s) => [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""));
const rawSegment = fc.oneof(
  segment,
  fc.constantFrom(
    "",
    ".",
    "..",
    "%",
    "%zz",
    "%C0%AF",
    "%ED%A0%80",
    "__proto__",
    "constructor",
    "v1.0.0",
    "infer",
    "ready",
  ),
);

interface Case {
  request: WireRequest;
  /** The answer a valid request gets; undefined: any 4xx with a JSON error (or a 200 where `ok` allows). */
  expected?: { status: number; body?: string };
  /** For the inference routes: what a 200 must hold. */
  ok?: (body: unknown) => boolean;
}

const fuelOutputs = (body: unknown) => {
  const b = body as { model_name?: unknown; outputs?: { name: string }[] };
  // `"outputs": []` asks for none of them.
  return b.model_name === "fuel-efficiency" && Array.isArray(b.outputs);
};
const predictions = (body: unknown) => {
  const b = body as { model?: unknown; predictions?: unknown[] };
  return b.model === "fuel-efficiency" && Array.isArray(b.predictions) && b.predictions.length > 0;
};

const inferCase = fc
  .record(
    {
      path: fc.constantFrom(infer, "/v2/models/fuel-efficiency/versions/v1.0.0/infer", `${infer}?x=1`),
      type: contentType,
      body: bodyFor(inferBody),
    },
    { noNullPrototype: true },
  )
  .map(
    ({ path, type, body }): Case => ({
      request: { method: "POST", path, headers: type ? { "content-type": type } : {}, body },
      ok: fuelOutputs,
    }),
  );

const predictCase = fc
  .record({ type: contentType, body: bodyFor(recordsBody), q: query }, { noNullPrototype: true })
  .map(
    ({ type, body, q }): Case => ({
      request: { method: "POST", path: `/predict${q}`, headers: type ? { "content-type": type } : {}, body },
      ok: predictions,
    }),
  );

/** A GET-style route: right method and path answer exactly `body`; anything else a 4xx. */
function getCase(
  paths: { path: string; body: () => string }[],
  variants: fc.Arbitrary<string>,
): fc.Arbitrary<Case> {
  return fc
    .record(
      {
        route: fc.constantFrom(...paths),
        method: fc.oneof(
          { arbitrary: fc.constantFrom("GET", "HEAD"), weight: 3 },
          { arbitrary: fc.constantFrom(...methods), weight: 1 },
        ),
        variant: fc.oneof({ arbitrary: fc.constant(""), weight: 3 }, { arbitrary: variants, weight: 2 }),
        q: query,
        type: contentType,
        // Not read by these routes, but a body must not confuse the connection's next request.
        body: fc.oneof(
          { arbitrary: fc.constant(new Uint8Array(0)), weight: 4 },
          { arbitrary: jsonText.map(utf8), weight: 2 },
          { arbitrary: invalidUtf8, weight: 1 },
          { arbitrary: deepBody.map(utf8), weight: 1 },
        ),
      },
      { noNullPrototype: true },
    )
    .map(({ route, method, variant, q, type, body }): Case => {
      const path = `${route.path}${variant}`;
      const request: WireRequest = {
        method,
        path: `${path}${q}`,
        headers: type ? { "content-type": type } : {},
        body,
      };
      const right = variant === "" && (method === "GET" || method === "HEAD");
      return right ? { request, expected: { status: 200, body: route.body() } } : { request };
    });
}

const metadataBody = () =>
  JSON.stringify({
    name: "fuel-efficiency",
    versions: ["v1.0.0"],
    platform: "onnxruntime",
    inputs: [
      { name: "x1", datatype: "FP32", shape: [-1, 1] },
      { name: "x2", datatype: "FP32", shape: [-1, 1] },
      { name: "origin", datatype: "BYTES", shape: [-1, 1] },
    ],
    outputs: [
      { name: "y", datatype: "FP32", shape: [-1, 1] },
      { name: "label", datatype: "BYTES", shape: [-1, 1] },
    ],
  });
const readyBody = () => JSON.stringify({ name: "fuel-efficiency", ready: true });

/** Wrong suffixes of a model path: other actions, versions, encodings. */
const modelVariants = fc
  .array(rawSegment, { minLength: 1, maxLength: 3 })
  .map((parts) => `/${parts.join("/")}`)
  .filter((v) => !["/", "/ready", "/versions/v1.0.0", "/versions/v1.0.0/ready"].includes(v));

const metadataCase = getCase(
  [
    { path: "/v2/models/fuel-efficiency", body: metadataBody },
    { path: "/v2/models/fuel-efficiency/versions/v1.0.0", body: metadataBody },
  ],
  modelVariants,
);
const readyCase = getCase(
  [
    { path: "/v2/models/fuel-efficiency/ready", body: readyBody },
    { path: "/v2/models/fuel-efficiency/versions/v1.0.0/ready", body: readyBody },
  ],
  modelVariants,
);
const healthCase = getCase(
  [
    { path: "/v2/health/live", body: () => '{"live":true}' },
    { path: "/v2/health/ready", body: () => '{"ready":true}' },
  ],
  fc.array(rawSegment, { minLength: 1, maxLength: 2 }).map((parts) => `/${parts.join("/")}`),
);

const knownPaths = new Set(["/v2", "/v2/", "/metrics", "/predict", "/v2/health/live", "/v2/health/ready"]);
const unknownCase = fc
  .record(
    {
      method: fc.constantFrom(...methods),
      path: fc.oneof(
        fc.array(rawSegment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join("/")}`),
        fc.array(rawSegment, { minLength: 1, maxLength: 3 }).map((parts) => `/v2/models/${parts.join("/")}`),
        fc.constantFrom("*", "/v2//models", "//", "/v2/models", "/V2/health/live", "/predict/", "/metrics/x"),
      ),
      q: query,
      type: contentType,
      body: fc.oneof(fc.constant(new Uint8Array(0)), jsonText.map(utf8), invalidUtf8),
    },
    { noNullPrototype: true },
  )
  .filter(({ path }) => !knownPaths.has(path) && !path.startsWith("/v2/models/fuel-efficiency"))
  .map(
    ({ method, path, q, type, body }): Case => ({
      request: { method, path: `${path}${q}`, headers: type ? { "content-type": type } : {}, body },
    }),
  );

// ---- What is checked -------------------------------------------------------------------------

const show = (c: Case) => {
  const body = Buffer.from(c.request.body ?? []);
  return `${c.request.method} ${c.request.path} (${body.length} bytes: ${JSON.stringify(body.subarray(0, 80).toString("latin1"))})`;
};

/** Why an answer is wrong for its request, or undefined when it is right. */
function wrong(c: Case, r: WireResponse): string | undefined {
  const head = c.request.method === "HEAD";
  if (r.headers.get("content-type") !== "application/json")
    return `content-type ${r.headers.get("content-type")}`;
  if (c.expected) {
    if (r.status !== c.expected.status) return `status ${r.status}, expected ${c.expected.status}: ${r.body}`;
    if (!head && c.expected.body !== undefined && r.body.toString("utf8") !== c.expected.body)
      return `body ${r.body}, expected ${c.expected.body}`;
    return undefined;
  }
  if (head) return r.status >= 400 && r.status < 500 ? undefined : `status ${r.status} for HEAD`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.body.toString("utf8"));
  } catch {
    return `a body that is not JSON: ${r.body.subarray(0, 200)}`;
  }
  if (r.status === 200 && c.ok) return c.ok(parsed) ? undefined : `a 200 without the right fields: ${r.body}`;
  if (r.status < 400 || r.status >= 500) return `status ${r.status}: ${r.body.subarray(0, 200)}`;
  const error = (parsed as { error?: unknown } | null)?.error;
  return typeof error === "string" && error.length > 0
    ? undefined
    : `no error message: ${r.body.subarray(0, 200)}`;
}

/** Sends `runs` batches of `batch` generated requests; returns how many were answered, by status. */
async function fuzz(cases: fc.Arbitrary<Case>): Promise<{ answered: number; statuses: Map<number, number> }> {
  let answered = 0;
  const statuses = new Map<number, number>();
  const details = await fc.check(
    fc.asyncProperty(fc.array(cases, { minLength: batch, maxLength: batch }), async (generated) => {
      const replies = await send(generated.map((c) => c.request));
      replies.forEach((r, i) => {
        const c = generated[i] as Case;
        const problem = wrong(c, r);
        if (problem) throw new Error(`${show(c)}: ${problem}`);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      });
      answered += replies.length;
    }),
    // No shrinking: the error names the one request that was answered wrongly.
    { seed, numRuns: runs, endOnFailure: true },
  );
  // Only the one wrong answer: fast-check's report would print the whole batch of bodies.
  if (details.failed) throw details.errorInstance ?? new Error(`fuzzing failed after ${answered} answers`);
  return { answered, statuses };
}

describe("the inference server under generated requests", () => {
  const entryPoints: [string, fc.Arbitrary<Case>][] = [
    [`POST ${infer}`, inferCase],
    ["POST /predict", predictCase],
    ["GET /v2/models/fuel-efficiency", metadataCase],
    ["GET /v2/models/fuel-efficiency/ready", readyCase],
    ["GET /v2/health/live and /ready", healthCase],
    ["unknown routes and methods", unknownCase],
  ];
  for (const [name, cases] of entryPoints) {
    it(`answers ${batch * runs} generated requests to ${name} with a 4xx JSON error or the right answer`, {
      timeout: 120_000,
    }, async () => {
      const began = performance.now();
      const { answered, statuses } = await fuzz(cases);
      console.log(
        `${name}: ${answered} answers in ${Math.round(performance.now() - began)} ms`,
        Object.fromEntries(statuses),
      );
      expect(answered).toBe(batch * runs);
      // Generated bodies reach both kinds of answer where a valid one exists.
      expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
      if (name !== "unknown routes and methods") expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
      expect(server.running()).toBe(true);
      await answersCorrectly();
    });
  }

  it("is the same process afterwards, answering correctly, with nothing unexpected logged", async () => {
    expect(server.running()).toBe(true);
    expect(server.child.pid).toBe(server.pid);
    await answersCorrectly();
    expect(server.stderr()).not.toMatch(/unexpected error|Unhandled|Uncaught|RangeError|TypeError/);
  });
});
