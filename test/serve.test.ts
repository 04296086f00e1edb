import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import onnxProto from "onnx-proto";
import type { Tensor } from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { loadOrt } from "../src/evaluate/index.js";
import { GraphBuilder, readModelInfo } from "../src/onnx/builder.js";
import {
  type ColumnInfo,
  type InferenceServer,
  type ServableModel,
  type ServeOptions,
  startInferenceServer,
} from "../src/serve/index.js";
import { trainPipelines } from "./support/trained-pipelines.js";

type Row = Record<string, string | number | null>;

// Real trained models and their test splits, reproduced in a clone (a fresh checkout has neither).
const trained = trainPipelines(["fuel-efficiency", "penguins"]);
const fuelModel = trained.path("pipelines/fuel-efficiency/model.onnx");
const penguinsModel = trained.path("pipelines/penguins/model.onnx");

// The columns of the rows the models are trained on (prepare.mjs's output), as a dataset schema says.
const fuelColumns: Record<string, ColumnInfo> = {
  cylinders: { type: "integer", allowed: [3, 4, 5, 6, 8] },
  displacement: { type: "number" },
  horsepower: { type: "integer", nullable: true },
  weight: { type: "integer" },
  acceleration: { type: "number" },
  model_year: { type: "integer" },
  origin: { type: "string", allowed: ["USA", "Europe", "Japan"] },
};
const penguinColumns: Record<string, ColumnInfo> = {
  island: { type: "string", allowed: ["Biscoe", "Dream", "Torgersen"] },
  beak_length_mm: { type: "number", nullable: true },
  beak_depth_mm: { type: "number", nullable: true },
  flipper_length_mm: { type: "integer", nullable: true },
  body_mass_g: { type: "integer", nullable: true },
  sex: { type: "string", nullable: true, allowed: ["MALE", "FEMALE"] },
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function readRows(path: string): Promise<Row[]> {
  return JSON.parse(await readFile(path, "utf8")) as Row[];
}

async function servable(path: string, name: string, version: string, columns?: Record<string, ColumnInfo>) {
  const model: ServableModel = { name, version, onnxPath: path, sha256: sha256(await readFile(path)) };
  if (columns) model.columns = columns;
  return model;
}

/**
 * The reference: one `session.run` in this process on the same rows, fed the way the evaluator feeds
 * a table (NaN for a missing number, the model's null string for a missing string), with the server's
 * session options. They matter: with one thread a row's trees are summed in the same order whatever
 * the batch, so batching cannot change a bit; with onnxruntime's default threads it can (1 ulp).
 */
async function directRun(path: string, rows: Row[]): Promise<Record<string, Tensor>> {
  const ort = await loadOrt();
  const bytes = await readFile(path);
  const nullString = readModelInfo(bytes).metadata["mlops.null_string"] ?? "";
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  try {
    const feeds: Record<string, Tensor> = {};
    for (const input of session.inputMetadata) {
      if (!input.isTensor) throw new Error("unexpected non-tensor input");
      const dims = [rows.length, 1];
      feeds[input.name] =
        input.type === "string"
          ? new ort.Tensor(
              "string",
              rows.map((r) => (r[input.name] ?? nullString) as string),
              dims,
            )
          : new ort.Tensor(
              "float32",
              Float32Array.from(rows, (r) => (r[input.name] ?? Number.NaN) as number),
              dims,
            );
    }
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/**
 * Sends every request on its own connection, all written in one go, so the server finds them
 * waiting together: a fetch loop in this process would trickle them in, each alone, and a server
 * accepts new connections one per turn of its event loop, so each connection first carries a health
 * check (and is accepted) before the requests are written. Each then carries one request and closes.
 */
async function sendTogether(
  base: string,
  requests: { path: string; body: unknown }[],
): Promise<{ status: number; body: Record<string, unknown> }[]> {
  const { hostname, port } = new URL(base);
  const sockets = await Promise.all(
    requests.map(
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => {
            socket.write(`GET /v2/health/live HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
          });
          let seen = "";
          const warm = (chunk: Buffer) => {
            seen += chunk.toString();
            if (!seen.endsWith('{"live":true}')) return;
            socket.off("data", warm);
            resolve(socket);
          };
          socket.on("data", warm);
          socket.once("error", reject);
        }),
    ),
  );
  const replies = sockets.map(
    (socket) =>
      new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
        const chunks: Buffer[] = [];
        socket.on("data", (chunk: Buffer) => chunks.push(chunk));
        socket.on("error", reject);
        socket.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const split = text.indexOf("\r\n\r\n");
          resolve({ status: Number(text.split(" ")[1]), body: JSON.parse(text.slice(split + 4)) });
        });
      }),
  );
  requests.forEach((r, i) => {
    const body = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
    (sockets[i] as Socket).write(
      `POST ${r.path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return Promise.all(replies);
}

async function get(url: string): Promise<Reply> {
  const response = await fetch(url);
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers };
}

const fuelInputs = [
  ["cylinders", "FP32"],
  ["displacement", "FP32"],
  ["horsepower", "FP32"],
  ["weight", "FP32"],
  ["acceleration", "FP32"],
  ["model_year", "FP32"],
  ["origin", "BYTES"],
] as const;

/** An Open Inference Protocol request carrying `rows` as one [N, 1] tensor per input. */
function inferRequest(rows: Row[], id?: string) {
  return {
    ...(id ? { id } : {}),
    inputs: fuelInputs.map(([name, datatype]) => ({
      name,
      shape: [rows.length, 1],
      datatype,
      data: rows.map((r) => r[name] ?? null),
    })),
  };
}

/** Splits rows into requests of 1 to 7 rows, so concurrent requests of different sizes share batches. */
function chunks<T>(items: T[]): { start: number; items: T[] }[] {
  const out: { start: number; items: T[] }[] = [];
  for (let start = 0, size = 1; start < items.length; start += size, size = (size % 7) + 1) {
    out.push({ start, items: items.slice(start, start + size) });
  }
  return out;
}

/** A value of the Prometheus text exposition, by metric name and labels. */
function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

// Read now, not in a hook: the table of bad requests below is built from it when the file loads.
const fuelRows = JSON.parse(
  readFileSync(trained.path("pipelines/fuel-efficiency/data/test.json"), "utf8"),
) as Row[];
let dir: string;
let fuelExpected: number[];
const servers: InferenceServer[] = [];

async function start(options: ServeOptions): Promise<InferenceServer> {
  const server = await startInferenceServer(options);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mlops-serve-"));
  fuelExpected = Array.from((await directRun(fuelModel, fuelRows)).prediction?.data as Float32Array);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
  trained.cleanup();
});

describe("inference server on the fuel-efficiency model", () => {
  let server: InferenceServer;
  let infer: string;
  beforeAll(async () => {
    server = await start({
      model: await servable(fuelModel, "fuel-efficiency", "v1.0.0", fuelColumns),
      maxRequestRows: 100,
      bodyLimitBytes: 64 * 1024,
    });
    infer = `${server.url}/v2/models/fuel-efficiency/infer`;
  });

  it("answers v2 infer like a direct session.run, each of many concurrent requests with its own rows", async () => {
    const before = await (await fetch(`${server.url}/metrics`)).text();
    const parts = chunks(fuelRows);
    const replies = await sendTogether(
      server.url,
      parts.map((part, i) => ({
        path: "/v2/models/fuel-efficiency/infer",
        body: inferRequest(part.items, `req-${i}`),
      })),
    );
    replies.forEach((reply, i) => {
      const part = parts[i] as (typeof parts)[number];
      expect(reply.status).toBe(200);
      expect(reply.body.model_name).toBe("fuel-efficiency");
      expect(reply.body.model_version).toBe("v1.0.0");
      expect(reply.body.id).toBe(`req-${i}`);
      expect(reply.body.outputs).toEqual([
        {
          name: "prediction",
          datatype: "FP32",
          shape: [part.items.length, 1],
          data: fuelExpected.slice(part.start, part.start + part.items.length),
        },
      ]);
    });
    const after = await (await fetch(`${server.url}/metrics`)).text();
    const runs =
      metric(after, "mlops_serve_batch_rows_count") - metric(before, "mlops_serve_batch_rows_count");
    const rows = metric(after, "mlops_serve_batch_rows_sum") - metric(before, "mlops_serve_batch_rows_sum");
    expect(rows).toBe(fuelRows.length);
    // Concurrent requests shared runs.
    expect(runs).toBeLessThan(parts.length);
  });

  it("answers /predict records (and a bare array) like a direct session.run, ignoring extra fields", async () => {
    const parts = chunks(fuelRows);
    const replies = await sendTogether(
      server.url,
      parts.map((part, i) => ({ path: "/predict", body: i % 2 ? part.items : { records: part.items } })),
    );
    replies.forEach((reply, i) => {
      const part = parts[i] as (typeof parts)[number];
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        model: "fuel-efficiency",
        version: "v1.0.0",
        predictions: fuelExpected.slice(part.start, part.start + part.items.length),
      });
    });
  });

  it("feeds a nullable feature that is null or absent as NaN, as the model imputes it", async () => {
    const car = { ...(fuelRows[0] as Row) };
    const withNull = { ...car, horsepower: null };
    const { horsepower: _, ...absent } = car;
    const expected = Array.from((await directRun(fuelModel, [withNull])).prediction?.data as Float32Array);
    expect(expected[0]).not.toBe(fuelExpected[0]);
    const records = await post(`${server.url}/predict`, { records: [withNull, absent] });
    expect(records.status).toBe(200);
    expect(records.body.predictions).toEqual([expected[0], expected[0]]);
    const tensor = await post(infer, inferRequest([withNull]));
    expect(tensor.status).toBe(200);
    expect((tensor.body.outputs as { data: number[] }[])[0]?.data).toEqual(expected);
    // A tensor request may leave out an input whose every value may be null.
    const omitted = inferRequest([car]);
    omitted.inputs = omitted.inputs.filter((i) => i.name !== "horsepower");
    const withoutInput = await post(infer, omitted);
    expect(withoutInput.status).toBe(200);
    expect((withoutInput.body.outputs as { data: number[] }[])[0]?.data).toEqual(expected);
  });

  const car = (changes: Row): Row => ({ ...(fuelRows[0] as Row), ...changes });
  const tensorWith = (name: string, changes: Record<string, unknown>) => {
    const body = inferRequest([fuelRows[0] as Row]) as { inputs: Record<string, unknown>[] };
    body.inputs = body.inputs.map((i) => (i.name === name ? { ...i, ...changes } : i));
    return body;
  };
  const badRequests: { what: string; path: string; body: unknown; status: number; message: RegExp }[] = [
    {
      what: "malformed JSON",
      path: "/predict",
      body: '{"records": [{"weight": 1',
      status: 400,
      message: /not valid JSON/,
    },
    {
      what: "malformed JSON (v2)",
      path: "/v2/models/fuel-efficiency/infer",
      body: "{inputs:",
      status: 400,
      message: /not valid JSON/,
    },
    {
      what: "a string where a number is expected",
      path: "/predict",
      body: { records: [car({}), car({ weight: "heavy" })] },
      status: 400,
      message: /^records\[1\]\.weight: expected an integer, got "heavy"$/,
    },
    {
      what: "a fraction where the schema says integer",
      path: "/predict",
      body: [car({ weight: 3500.5 })],
      status: 400,
      message: /^records\[0\]\.weight: expected an integer, got 3500\.5$/,
    },
    {
      what: "a missing required feature",
      path: "/predict",
      body: [Object.fromEntries(Object.entries(car({})).filter(([k]) => k !== "acceleration"))],
      status: 400,
      message: /^records\[0\]: missing feature "acceleration" \(expected a number\)$/,
    },
    {
      what: "null where the feature is not nullable",
      path: "/predict",
      body: [car({ displacement: null })],
      status: 400,
      message: /^records\[0\]\.displacement: expected a number, got null$/,
    },
    {
      what: 'a "NaN" string',
      path: "/predict",
      body: [car({ horsepower: "NaN" })],
      status: 400,
      message: /^records\[0\]\.horsepower: expected an integer or null, got "NaN"$/,
    },
    {
      what: "Infinity (1e999 in JSON)",
      path: "/predict",
      body: '[{"cylinders": 4, "displacement": 1e999}]',
      status: 400,
      message: /^records\[0\]\.displacement: expected a number, got Infinity$/,
    },
    {
      what: "a value outside the schema's allowed values",
      path: "/predict",
      body: [car({ origin: "Mars" })],
      status: 400,
      message: /^records\[0\]\.origin: expected one of "USA", "Europe", "Japan", got "Mars"$/,
    },
    {
      what: "a record that is not an object",
      path: "/predict",
      body: { records: [car({}), 42] },
      status: 400,
      message: /^records\[1\]: expected an object of features, got 42$/,
    },
    {
      what: "more records than maxRequestRows",
      path: "/predict",
      body: { records: Array.from({ length: 101 }, () => car({})) },
      status: 413,
      message: /101 records is more than the limit of 100 rows per request/,
    },
    {
      what: "a v2 value of the wrong type",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("weight", { data: ["heavy"] }),
      status: 400,
      message: /^inputs\[3\] \(weight\)\.data\[0\]: expected an integer, got "heavy"$/,
    },
    {
      what: "a v2 null where not nullable",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("model_year", { data: [null] }),
      status: 400,
      message: /^inputs\[5\] \(model_year\)\.data\[0\]: expected an integer, got null$/,
    },
    {
      what: "an unknown datatype",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("weight", { datatype: "FP128" }),
      status: 400,
      message: /^inputs\[3\] \(weight\)\.datatype: unknown datatype "FP128"; expected FP32 for this input$/,
    },
    {
      what: "a datatype the input does not take",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("origin", { datatype: "FP32" }),
      status: 400,
      message: /^inputs\[6\] \(origin\)\.datatype: expected BYTES, got FP32$/,
    },
    {
      what: "a shape of the wrong rank",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("weight", { shape: [1] }),
      status: 400,
      message: /^inputs\[3\] \(weight\)\.shape: expected 2 dimensions like \[-1, 1\]/,
    },
    {
      what: "a fixed dimension of the wrong size",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("weight", { shape: [1, 2], data: [1, 2] }),
      status: 400,
      message: /^inputs\[3\] \(weight\)\.shape\[1\]: expected 1, got 2$/,
    },
    {
      what: "shape and data length that disagree",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("cylinders", { shape: [2, 1] }),
      status: 400,
      message: /^inputs\[0\] \(cylinders\)\.data: shape \[2, 1\] holds 2 values, data has 1$/,
    },
    {
      what: "inputs with different row counts",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("weight", { shape: [2, 1], data: [3000, 3100] }),
      status: 400,
      message:
        /^inputs\[3\] \(weight\)\.shape\[0\]: every input must have the same rows; got 2, earlier inputs 1$/,
    },
    {
      what: "a missing v2 input",
      path: "/v2/models/fuel-efficiency/infer",
      body: { inputs: inferRequest([car({})]).inputs.filter((i) => i.name !== "origin") },
      status: 400,
      message: /^inputs: missing input origin \(BYTES \[-1, 1\]\)$/,
    },
    {
      what: "an input the model does not have",
      path: "/v2/models/fuel-efficiency/infer",
      body: tensorWith("weight", { name: "mass" }),
      status: 400,
      message: /^inputs\[3\]\.name: the model has no input "mass" \(its inputs: cylinders, /,
    },
    {
      what: "an output the model does not have",
      path: "/v2/models/fuel-efficiency/infer",
      body: { ...inferRequest([car({})]), outputs: [{ name: "mpg" }] },
      status: 400,
      message: /^outputs\[0\]\.name: expected one of the model's outputs \(prediction\), got "mpg"$/,
    },
    {
      what: "more rows than maxRequestRows (v2)",
      path: "/v2/models/fuel-efficiency/infer",
      body: inferRequest(Array.from({ length: 101 }, () => car({}))),
      status: 413,
      message: /shape\[0\]: 101 rows is more than the limit of 100 rows per request/,
    },
    {
      what: "an unknown model",
      path: "/v2/models/penguins/infer",
      body: inferRequest([car({})]),
      status: 404,
      message: /^unknown model "penguins"; this server serves "fuel-efficiency"$/,
    },
    {
      what: "a version not served",
      path: "/v2/models/fuel-efficiency/versions/v9.9.9/infer",
      body: inferRequest([car({})]),
      status: 404,
      message: /has no version "v9\.9\.9" here; it serves version "v1\.0\.0"/,
    },
  ];

  for (const bad of badRequests) {
    it(`answers ${bad.status} naming the field for ${bad.what}, and keeps serving`, async () => {
      const reply = await post(`${server.url}${bad.path}`, bad.body);
      expect(reply.status).toBe(bad.status);
      expect(reply.body.error).toMatch(bad.message);
      const good = await post(
        `${server.url}/v2/models/fuel-efficiency/versions/v1.0.0/infer`,
        inferRequest([car({})]),
      );
      expect(good.status).toBe(200);
      expect((good.body.outputs as { data: number[] }[])[0]?.data).toEqual([fuelExpected[0]]);
    });
  }

  it("answers 413 to a body declared over the limit without reading it, and to one that grows over it", async () => {
    const { hostname, port } = new URL(server.url);
    const attempt = (declared: boolean) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({
          host: hostname,
          port,
          method: "POST",
          path: "/predict",
          headers: declared
            ? { "content-length": String(10 * 1024 * 1024) }
            : { "transfer-encoding": "chunked" },
        });
        req.on("response", (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        // The declared one sends no body byte: the answer must come before any.
        if (declared) req.flushHeaders();
        else for (let i = 0; i < 40; i++) req.write("x".repeat(4096));
      });
    for (const declared of [true, false]) {
      const reply = await attempt(declared);
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).error).toBe("the request body is larger than the limit of 65536 bytes");
    }
    const good = await post(`${server.url}/predict`, [car({})]);
    expect(good.status).toBe(200);
  });

  it("echoes the client's x-request-id, and makes one up otherwise", async () => {
    const given = await post(infer, inferRequest([car({})]), { "x-request-id": "trace-123" });
    expect(given.headers.get("x-request-id")).toBe("trace-123");
    expect(given.body.id).toBe("trace-123");
    const made = await post(`${server.url}/predict`, [car({})]);
    const a = made.headers.get("x-request-id");
    const b = (await post(`${server.url}/predict`, [car({})])).headers.get("x-request-id");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    expect(b).not.toBe(a);
  });

  it("answers the protocol's health and metadata endpoints", async () => {
    expect(await get(`${server.url}/v2/health/live`)).toMatchObject({ status: 200, body: { live: true } });
    expect(await get(`${server.url}/v2/health/ready`)).toMatchObject({ status: 200, body: { ready: true } });
    expect((await get(`${server.url}/v2`)).body).toMatchObject({ name: "mlops", extensions: [] });
    expect(await get(`${server.url}/v2/models/fuel-efficiency/ready`)).toMatchObject({
      status: 200,
      body: { name: "fuel-efficiency", ready: true },
    });
    const metadata = await get(`${server.url}/v2/models/fuel-efficiency/versions/v1.0.0`);
    expect(metadata.body).toEqual({
      name: "fuel-efficiency",
      versions: ["v1.0.0"],
      platform: "onnxruntime",
      inputs: fuelInputs.map(([name, datatype]) => ({ name, datatype, shape: [-1, 1] })),
      outputs: [{ name: "prediction", datatype: "FP32", shape: [-1, 1] }],
    });
    expect((await get(`${server.url}/v2/models/other`)).status).toBe(404);
    expect((await get(`${server.url}/nothing-here`)).status).toBe(404);
  });

  it("returns only the outputs a v2 request asks for", async () => {
    const reply = await post(infer, { ...inferRequest([car({})]), outputs: [{ name: "prediction" }] });
    expect((reply.body.outputs as { name: string }[]).map((o) => o.name)).toEqual(["prediction"]);
  });

  it("counts requests, errors and batches in /metrics", async () => {
    const scrape = async () => {
      const response = await fetch(`${server.url}/metrics`);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      return response.text();
    };
    const before = await scrape();
    await post(infer, inferRequest([car({})]));
    await post(infer, inferRequest([car({})]));
    await post(`${server.url}/predict`, [car({ weight: "heavy" })]);
    const after = await scrape();
    const ok = { route: "infer", status: "200" };
    expect(
      metric(after, "mlops_serve_requests_total", ok) - metric(before, "mlops_serve_requests_total", ok),
    ).toBe(2);
    const bad = { route: "predict", kind: "validation" };
    expect(
      metric(after, "mlops_serve_errors_total", bad) - metric(before, "mlops_serve_errors_total", bad),
    ).toBe(1);
    expect(
      metric(after, "mlops_serve_batch_rows_count") - metric(before, "mlops_serve_batch_rows_count"),
    ).toBeGreaterThanOrEqual(2);
    const latency = { route: "infer" };
    expect(
      metric(after, "mlops_serve_request_duration_seconds_count", latency) -
        metric(before, "mlops_serve_request_duration_seconds_count", latency),
    ).toBe(2);
    expect(
      metric(after, "mlops_serve_request_duration_seconds_bucket", { route: "infer", le: "0.005" }),
    ).toBeGreaterThan(0);
    expect(metric(after, "mlops_serve_model_info", { model: "fuel-efficiency", version: "v1.0.0" })).toBe(1);
  });
});

describe("inference server on the penguins classifier", () => {
  it("answers each row's label and per-class probabilities like a direct session.run", async () => {
    const rows = await readRows(trained.path("pipelines/penguins/data/test.json"));
    expect(rows.some((r) => Object.values(r).includes(null))).toBe(true);
    const expected = await directRun(penguinsModel, rows);
    const labels = expected.label?.data as string[];
    const probabilities = expected.probabilities?.data as Float32Array;
    const classes = JSON.parse(
      readModelInfo(await readFile(penguinsModel)).metadata["mlops.classes"] as string,
    );
    expect(classes).toEqual(["Adelie", "Chinstrap", "Gentoo"]);
    const server = await start({
      model: await servable(penguinsModel, "penguins", "v2.1.0", penguinColumns),
    });
    const parts = chunks(rows);
    const replies = await sendTogether(
      server.url,
      parts.map((part) => ({ path: "/predict", body: { records: part.items } })),
    );
    replies.forEach((reply, i) => {
      const part = parts[i] as (typeof parts)[number];
      expect(reply.status).toBe(200);
      expect(reply.body.predictions).toEqual(
        part.items.map((_, j) => {
          const r = part.start + j;
          return {
            label: labels[r],
            probabilities: Object.fromEntries(
              classes.map((c: string, k: number) => [c, probabilities[r * 3 + k]]),
            ),
          };
        }),
      );
    });
    const tensor = await post(`${server.url}/v2/models/penguins/infer`, {
      inputs: [
        ["beak_length_mm", "FP32"],
        ["beak_depth_mm", "FP32"],
        ["flipper_length_mm", "FP32"],
        ["body_mass_g", "FP32"],
        ["island", "BYTES"],
        ["sex", "BYTES"],
      ].map(([name, datatype]) => ({
        name,
        datatype,
        shape: [2, 1],
        data: rows.slice(0, 2).map((r) => r[name as string]),
      })),
    });
    expect(tensor.body.outputs).toEqual([
      { name: "label", datatype: "BYTES", shape: [2], data: labels.slice(0, 2) },
      { name: "probabilities", datatype: "FP32", shape: [2, 3], data: Array.from(probabilities.slice(0, 6)) },
    ]);
  });
});

describe("model loading", () => {
  it("refuses a model file whose sha256 is not the manifest's, naming the file, expected and got", async () => {
    const bytes = await readFile(fuelModel);
    const corrupted = Buffer.from(bytes);
    const at = Math.floor(corrupted.length / 2);
    corrupted[at] = (corrupted[at] as number) ^ 0xff;
    const path = join(dir, "corrupted.onnx");
    await writeFile(path, corrupted);
    const model = { name: "fuel-efficiency", version: "v1.0.0", onnxPath: path, sha256: sha256(bytes) };
    const err = await startInferenceServer({ model }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MlopsError);
    expect(err).toMatchObject({
      code: "hash-mismatch",
      file: path,
      expected: sha256(bytes),
      got: sha256(corrupted),
    });
    // A swap to it is refused the same way, and the server keeps its model.
    const server = await start({ model: await servable(fuelModel, "fuel-efficiency", "v1.0.0") });
    await expect(server.swap({ ...model, version: "v1.0.1" })).rejects.toMatchObject({
      code: "hash-mismatch",
    });
    const reply = await post(`${server.url}/predict`, [fuelRows[0]]);
    expect(reply.body).toMatchObject({ version: "v1.0.0", predictions: [fuelExpected[0]] });
  });

  it("answers 500 for the requests of a run that fails, and keeps serving", async () => {
    // y = x reshaped to [-1, 2] and back: onnxruntime fails on an odd number of rows.
    const g = new GraphBuilder("odd-fails");
    const x = g.input("x", "float", ["N", 1]);
    const pairs = g.op("Reshape", [x, g.int64Constant("pairs", [-1, 2], [2])]);
    g.op("Reshape", [pairs, g.int64Constant("column", [-1, 1], [2])], {}, "", "y");
    g.output("y", "float", ["N", 1]);
    const path = join(dir, "odd-fails.onnx");
    await writeFile(path, g.toBytes({ producerVersion: "test", opsets: { "": 17 } }));
    const server = await start({ model: await servable(path, "odd-fails", "v1") });
    const infer = (data: number[]) =>
      post(`${server.url}/v2/models/odd-fails/infer`, {
        inputs: [{ name: "x", datatype: "FP32", shape: [data.length, 1], data }],
      });
    const failed = await infer([1]);
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatch(/^inference failed: /);
    const ok = await infer([1, 2]);
    expect(ok.status).toBe(200);
    expect((ok.body.outputs as { data: number[] }[])[0]?.data).toEqual([1, 2]);
  });
});

/** Another file of the fuel model: the same graph with `docString`, so another sha256. */
async function otherFuelFile(name: string, docString: string): Promise<string> {
  const { onnx } = onnxProto;
  const decoded = onnx.ModelProto.decode(await readFile(fuelModel));
  decoded.docString = docString;
  const path = join(dir, name);
  await writeFile(path, onnx.ModelProto.encode(decoded).finish());
  return path;
}

describe("operations", () => {
  it("answers 503 to requests that waited longer than requestTimeoutMs for the model", async () => {
    const server = await start({
      model: await servable(fuelModel, "fuel-efficiency", "v1.0.0"),
      requestTimeoutMs: 1,
      maxBatchRows: 1024,
    });
    const big = { records: Array.from({ length: 1000 }, (_, i) => fuelRows[i % fuelRows.length]) };
    const replies = await sendTogether(
      server.url,
      Array.from({ length: 12 }, () => ({ path: "/predict", body: big })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    const timedOut = replies.find((r) => r.status === 503);
    expect(timedOut?.body.error).toBe("timed out after 1 ms waiting for the model");
    expect((await post(`${server.url}/predict`, [fuelRows[0]])).status).toBe(200);
  });

  it("lets a request in flight finish when closed, and accepts no new connection", async () => {
    const server = await startInferenceServer({
      model: await servable(fuelModel, "fuel-efficiency", "v1.0.0"),
    });
    const { hostname, port } = new URL(server.url);
    const body = JSON.stringify({ records: fuelRows.slice(0, 10) });
    const req = httpRequest({
      host: hostname,
      port,
      method: "POST",
      path: "/predict",
      // The server answers 100 once its handler has the request: then it is in flight for sure.
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        expect: "100-continue",
      },
    });
    const seen = new Promise((resolve) => req.once("continue", resolve));
    req.flushHeaders();
    const answered = new Promise<{ status: number; body: string; connection: string | undefined }>(
      (resolve, reject) => {
        req.on("response", (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
          );
        });
        req.on("error", reject);
      },
    );
    await seen;
    req.write(body.slice(0, 30));
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await expect(fetch(`${server.url}/v2/health/live`)).rejects.toThrow();
    expect(closed).toBe(false);
    req.end(body.slice(30));
    const reply = await answered;
    expect(reply.status).toBe(200);
    expect(reply.connection).toBe("close");
    expect(JSON.parse(reply.body).predictions).toEqual(fuelExpected.slice(0, 10));
    await closing;
    expect(closed).toBe(true);
  });

  it("swaps between two versions under a steady stream of requests without failing any", async () => {
    // Version 2 is a different file: the same graph with another doc string.
    const otherPath = await otherFuelFile("fuel-v2.onnx", "fuel-efficiency, re-registered for the swap test");
    const v1 = await servable(fuelModel, "fuel-efficiency", "v1.0.0", fuelColumns);
    const v2 = await servable(otherPath, "fuel-efficiency", "v2.0.0", fuelColumns);
    expect(v2.sha256).not.toBe(v1.sha256);
    const server = await start({ model: v1 });

    let stop = false;
    const seen = new Set<string>();
    const failures: string[] = [];
    let answered = 0;
    // Each round waits for this many more answers (not for a time): the stream is steady whatever
    // the machine's load.
    let waiting: { target: number; resolve: () => void } | undefined;
    const moreAnswers = (n: number) =>
      new Promise<void>((resolve) => {
        waiting = { target: answered + n, resolve };
      });
    const client = async (k: number) => {
      for (let i = 0; !stop; i++) {
        const start = (k * 7 + i) % (fuelRows.length - 3);
        const rows = fuelRows.slice(start, start + 1 + (i % 3));
        const reply = await post(`${server.url}/v2/models/fuel-efficiency/infer`, inferRequest(rows));
        const data = (reply.body.outputs as { data: number[] }[] | undefined)?.[0]?.data;
        if (reply.status !== 200) failures.push(`${reply.status} ${JSON.stringify(reply.body)}`);
        else if (JSON.stringify(data) !== JSON.stringify(fuelExpected.slice(start, start + rows.length)))
          failures.push(`wrong predictions from ${reply.body.model_version}`);
        else seen.add(reply.body.model_version as string);
        answered++;
        if (waiting && answered >= waiting.target) {
          waiting.resolve();
          waiting = undefined;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, k) => client(k));
    for (let round = 0; round < 6; round++) {
      await moreAnswers(10);
      await server.swap(round % 2 === 0 ? v2 : v1);
    }
    await moreAnswers(10);
    stop = true;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(seen).toEqual(new Set(["v1.0.0", "v2.0.0"]));
    expect(answered).toBeGreaterThan(50);
    expect((await get(`${server.url}/v2/models/fuel-efficiency`)).body.versions).toEqual(["v1.0.0"]);
  });

  it("holds a prepared swap until commit, keeps the old version on abort, and closes with one pending", async () => {
    const otherPath = await otherFuelFile(
      "fuel-v3.onnx",
      "fuel-efficiency, prepared for the two-step swap test",
    );
    const v1 = await servable(fuelModel, "fuel-efficiency", "v1.0.0", fuelColumns);
    const v3 = await servable(otherPath, "fuel-efficiency", "v3.0.0", fuelColumns);
    const server = await start({ model: v1 });
    const version = async () =>
      (await post(`${server.url}/v2/models/fuel-efficiency/infer`, inferRequest(fuelRows.slice(0, 2)))).body
        .model_version;

    const aborted = await server.prepareSwap(v3);
    expect(await version()).toBe("v1.0.0");
    await aborted.abort();
    expect(await version()).toBe("v1.0.0");
    expect(() => aborted.commit()).toThrow(/committed or aborted already/);

    const committed = await server.prepareSwap(v3);
    // A second swap waits for the first to be committed or aborted.
    let secondDone = false;
    const second = server.swap(v1).then(() => {
      secondDone = true;
    });
    // A request answered meanwhile gives the second swap every chance to finish, were it not held.
    expect(await version()).toBe("v1.0.0");
    expect(secondDone).toBe(false);
    committed.commit();
    expect(await version()).toBe("v3.0.0");
    await second;
    expect(await version()).toBe("v1.0.0");

    // Closing lets go of a prepared swap nobody committed.
    await server.prepareSwap(v3);
    await server.close();
  });

  it("writes a sampled fraction of requests to the prediction log, flushed on close", async () => {
    const log = join(dir, "logs", "predictions.jsonl");
    const server = await startInferenceServer({
      model: await servable(fuelModel, "fuel-efficiency", "v1.0.0", fuelColumns),
      predictionLog: { path: log, sampleRate: 0.5 },
    });
    for (let i = 0; i < 10; i++) {
      const rows = fuelRows.slice(i, i + 2);
      if (i % 2) await post(`${server.url}/predict`, rows, { "x-request-id": `log-${i}` });
      else
        await post(`${server.url}/v2/models/fuel-efficiency/infer`, inferRequest(rows), {
          "x-request-id": `log-${i}`,
        });
    }
    await server.close();
    const lines = (await readFile(log, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const i = Number(/^log-(\d+)$/.exec(line.request_id)?.[1]);
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(line).toMatchObject({ model: "fuel-efficiency", version: "v1.0.0" });
      const features = fuelInputs.map(([name]) => name);
      expect(line.inputs).toEqual(
        fuelRows.slice(i, i + 2).map((r) => Object.fromEntries(features.map((f) => [f, r[f]]))),
      );
      expect(line.outputs).toEqual(fuelExpected.slice(i, i + 2));
    }
  });
});
