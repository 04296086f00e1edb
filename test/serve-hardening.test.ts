// What an attacker or a careless client can do to one inference server: a body nested 30,000 deep,
// a request path that throws, connections that trickle their headers or bodies, more connections
// than the server keeps. The server answers each with a JSON error and keeps serving.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServableModel, startInferenceServer } from "../src/serve/index.js";
import { createServeMetrics } from "../src/serve/metrics.js";
import { writeFuzzModel } from "./support/fuzz-model.js";
import { type ChildServer, residentBytes, startChildServer } from "./support/serve-child.js";

let dir: string;
let model: ServableModel;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "mlops-serve-hardening-"));
  model = writeFuzzModel(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = JSON.stringify({ records: [{ x1: 1.5, x2: 3, origin: "USA" }] });

/** A POST on a connection of its own; its status, body and how long the answer took. */
function postAlone(
  url: string,
  body: string | Buffer,
  timeoutMs = 10_000,
): Promise<{ status: number; body: string; ms: number }> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent: false, signal: AbortSignal.timeout(timeoutMs) },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString("utf8");
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - began }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A metric's value in a Prometheus text page, 0 when absent. */
function metric(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** The nested-id body of the crash report: 60 KB, 30,000 levels of arrays under "id". */
const nestedId = `{"id": ${"[".repeat(30_000)}${"]".repeat(30_000)}}`;

describe("one inference server process", () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer({ model });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers the 60 KB body nesting its id 30,000 deep with a 400, five times over, and keeps serving", async () => {
    expect(nestedId.length).toBeGreaterThan(60_000);
    for (let i = 0; i < 5; i++) {
      const reply = await postAlone(`${server.url}/v2/models/fuel-efficiency/infer`, nestedId);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({
        error: "the body nests arrays and objects more than 64 levels deep",
      });
    }
    const good = await postAlone(`${server.url}/predict`, record);
    expect(JSON.parse(good.body)).toMatchObject({ predictions: [{ y: 4.5, label: "USA" }] });
    expect(server.running()).toBe(true);
    expect(server.stderr()).not.toMatch(/RangeError|Maximum call stack/);
  });
});

describe("the last-resort guard", () => {
  it("answers 500 to a request whose handling throws, counts it, and keeps serving", async () => {
    const metrics = await createServeMetrics();
    const warnings: string[] = [];
    const server = await startInferenceServer(
      { model, logger: { info() {}, warn: (m) => warnings.push(m) } },
      {
        metrics,
        // A part that throws where nothing should: the metrics page, on every scrape.
        metricsPage: () => {
          throw new Error("the page broke");
        },
      },
    );
    try {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: "internal error; the request was not processed" });
      expect(await metrics.text()).toMatch(/^mlops_serve_unexpected_errors_total\{route="unknown"\} 1$/m);
      expect(warnings.join("\n")).toMatch(
        /unexpected error answering a unknown request: Error: the page broke/,
      );
      const good = await postAlone(`${server.url}/predict`, record);
      expect(good.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

/** Connections that send a request a byte at a time, one byte per tick of a shared interval. */
function trickle(port: number, count: number, text: string, tickMs: number) {
  const sockets: Socket[] = [];
  const received: string[] = new Array(count).fill("");
  const closed = Array.from(
    { length: count },
    (_, i) =>
      new Promise<void>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        sockets.push(socket);
        socket.on("data", (c: Buffer) => {
          received[i] += c.toString("latin1");
        });
        // The server cuts them off mid-write: a reset is what the test expects.
        socket.on("error", () => {});
        socket.on("close", () => resolve());
      }),
  );
  const connected = Promise.all(sockets.map((s) => new Promise((resolve) => s.once("connect", resolve))));
  let sent = 0;
  const timer = setInterval(() => {
    if (sent >= text.length) return;
    const byte = text[sent++] as string;
    for (const s of sockets) if (!s.destroyed) s.write(byte, "latin1");
  }, tickMs);
  return {
    connected,
    /** Every connection closed (by the server). */
    allClosed: Promise.all(closed).finally(() => clearInterval(timer)),
    received,
    stop() {
      clearInterval(timer);
      for (const s of sockets) s.destroy();
    },
  };
}

describe("slow clients", () => {
  let server: ChildServer;
  beforeAll(async () => {
    // The timeouts small, so the test is quick; the connection cap above what it opens.
    server = await startChildServer({
      model,
      headersTimeoutMs: 1000,
      // Room for a normal request on a loaded machine: the stalled bodies wait this long to be cut off.
      receiveTimeoutMs: 6000,
      keepAliveTimeoutMs: 500,
      maxConnections: 1000,
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers a normal client while 200 connections trickle their headers a byte at a time, cuts those off with a 408, and stays under 40 MB more memory", async () => {
    const baseline = await residentBytes(server.pid);
    const head = "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    const slow = trickle(server.port, 200, head, 20);
    try {
      await slow.connected;
      const normal = await postAlone(`${server.url}/predict`, record, 2000);
      expect(normal.status).toBe(200);
      const during = await residentBytes(server.pid);
      await slow.allClosed;
      for (const text of slow.received) {
        expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
        expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toEqual({
          error: "the request did not arrive in time",
        });
      }
      console.log(
        `200 trickling connections: normal answer in ${Math.round(normal.ms)} ms; server RSS ${Math.round(baseline / 2 ** 20)} MB before, ${Math.round(during / 2 ** 20)} MB during`,
      );
      expect(during - baseline).toBeLessThan(40 * 2 ** 20);
    } finally {
      slow.stop();
    }
    expect(server.running()).toBe(true);
  });

  it("cuts off 200 connections that stall halfway through a 400 KB body when the receive timeout passes, answering a normal client meanwhile", async () => {
    const baseline = await residentBytes(server.pid);
    const length = 400_000;
    const sockets = Array.from({ length: 200 }, () => connect(server.port, "127.0.0.1"));
    const answers = sockets.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let text = "";
          socket.on("data", (c: Buffer) => {
            text += c.toString("latin1");
          });
          socket.on("error", () => {});
          socket.on("close", () => resolve(text));
        }),
    );
    // Headers, then half the body, then nothing.
    const half = `{"records":[{"x1":1,"x2":2,"origin":"${"x".repeat(length / 2)}`;
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) =>
            socket.write(
              `POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${length}\r\n\r\n${half}`,
              () => resolve(),
            ),
          ),
      ),
    );
    const normal = await postAlone(`${server.url}/predict`, record, 2000);
    expect(normal.status).toBe(200);
    const during = await residentBytes(server.pid);
    const texts = await Promise.all(answers);
    for (const text of texts) expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    console.log(
      `200 stalled 400 KB bodies: normal answer in ${Math.round(normal.ms)} ms; server RSS ${Math.round(baseline / 2 ** 20)} MB before, ${Math.round(during / 2 ** 20)} MB during`,
    );
    // 200 half bodies are 40 MB; the cap times the body limit (400 × 1 MiB) is the bound by design.
    expect(during - baseline).toBeLessThan(120 * 2 ** 20);
    expect(server.running()).toBe(true);
  });
});

describe("the connection cap", () => {
  it("closes a connection over --max-connections at once, counts it, and serves again once idle ones close", async () => {
    const server = await startChildServer({ model, maxConnections: 10, keepAliveTimeoutMs: 300 });
    try {
      // Ten kept-alive connections the server has accepted (each answered a request).
      const held = await Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<Socket>((resolve) => {
              const socket = connect(server.port, "127.0.0.1", () =>
                socket.write("GET /v2/health/live HTTP/1.1\r\nHost: x\r\n\r\n"),
              );
              socket.once("data", () => resolve(socket));
              socket.on("error", () => {});
            }),
        ),
      );
      const heldClosed = held.map((s) => new Promise((resolve) => s.once("close", resolve)));
      const extra = connect(server.port, "127.0.0.1", () =>
        extra.write("GET /v2/health/live HTTP/1.1\r\nHost: x\r\n\r\n"),
      );
      let extraData = "";
      extra.on("data", (c: Buffer) => {
        extraData += c.toString();
      });
      extra.on("error", () => {});
      await new Promise((resolve) => extra.once("close", resolve));
      expect(extraData).toBe("");
      // The idle ones close after the keep-alive timeout; then the server takes connections again.
      await Promise.all(heldClosed);
      const page = await fetch(`${server.url}/metrics`, { headers: { connection: "close" } });
      expect(metric(await page.text(), "mlops_serve_dropped_connections_total")).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
