// Open-loop load generator: sends POST requests on a fixed schedule (request i is due at
// start + i / rate) over a pool of keep-alive connections, whatever the server's answers do, and
// measures each latency from the request's *intended* send time. A closed-loop tool (wrk) waits for
// an answer before sending the next request, so a server that stalls for 100 ms is sent nothing during
// the stall and the stall shows up in one sample instead of in the hundred requests it delayed
// ("coordinated omission"). Here those requests queue up and each is billed its wait.
//
// Two choices keep the generator's own cost out of the figures:
// - Node's timers fire on a millisecond grid, which would bill up to 1 ms of the generator's own
//   lateness to every request at 1,000 req/s. A worker thread keeps the schedule instead: it sleeps
//   with Atomics.wait (sub-millisecond timeouts) and wakes the main thread for each due request.
// - Requests go over raw sockets as pre-serialised bytes, and answers are framed by a small reader
//   (Content-Length or chunked). On this VM node:http's client costs about 180 µs of CPU per request
//   against about 55 µs for raw sockets, and the generator shares two cores with the server.
// How late each send was, and the CPU the generator used, are reported so its overhead is visible.
//
//   node scripts/bench/serve/constant-rate.mjs --url URL --bodies FILE.json [--rate 1000]
//     [--duration 10] [--warmup 1] [--connections 32] [--timeout 2000]
// FILE.json is an array of request bodies (strings), sent in turn. Prints one JSON object.
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

/** Milliseconds since the epoch with sub-millisecond precision, comparable across threads. */
const clock = () => performance.timeOrigin + performance.now();

const tickerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { start, intervalMs, total } = workerData;
const clock = () => performance.timeOrigin + performance.now();
const sleeper = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; i < total; i++) {
  const wait = start + i * intervalMs - clock();
  if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
  parentPort.postMessage(i);
}
`;

const CRLF = Buffer.from("\r\n");
const headEnd = Buffer.from("\r\n\r\n");

/**
 * Frames the first HTTP/1.1 response in `buf`: its status and byte length, or null while incomplete.
 * Handles Content-Length and chunked bodies, the two a keep-alive server can use; a body without
 * either runs to the end of the connection (`untilClose`).
 */
export function frameResponse(buf) {
  const end = buf.indexOf(headEnd);
  if (end < 0) return null;
  const head = buf.toString("latin1", 0, end).toLowerCase();
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection: *close/.test(head);
  const bodyStart = end + 4;
  const cl = /\r\ncontent-length: *(\d+)/.exec(head);
  if (cl) {
    const length = bodyStart + Number(cl[1]);
    return buf.length >= length ? { status, length, close } : null;
  }
  if (/\r\ntransfer-encoding:[^\r]*chunked/.test(head)) {
    let pos = bodyStart;
    for (;;) {
      const lineEnd = buf.indexOf(CRLF, pos);
      if (lineEnd < 0) return null;
      const size = Number.parseInt(buf.toString("latin1", pos, lineEnd), 16);
      pos = lineEnd + 2;
      if (size === 0) {
        if (buf.length < pos + 2) return null;
        if (buf[pos] === 13 && buf[pos + 1] === 10) return { status, length: pos + 2, close };
        const trailerEnd = buf.indexOf(headEnd, pos);
        return trailerEnd < 0 ? null : { status, length: trailerEnd + 4, close };
      }
      pos += size + 2;
      if (pos > buf.length) return null;
    }
  }
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
    return { status, length: bodyStart, close };
  }
  return { status, length: -1, close: true, untilClose: true };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
}

/**
 * Runs the schedule and resolves with the figures (times in ms). The connections are opened before
 * the schedule starts. Requests due in the first `warmup` seconds warm the server; they are sent on
 * the same schedule but not counted.
 */
export async function runConstantRate({
  url,
  bodies,
  rate = 1000,
  duration = 10,
  warmup = 1,
  connections = 32,
  timeoutMs = 2000,
}) {
  const target = new URL(url);
  const port = Number(target.port || 80);
  const host = target.hostname;
  const requests = bodies.map((body) =>
    Buffer.from(
      `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    ),
  );
  const intervalMs = 1000 / rate;
  const warmupCount = Math.round(warmup * rate);
  const total = warmupCount + Math.round(duration * rate);
  const latency = new Float64Array(total);
  const sendLag = new Float64Array(total);
  const sentAt = new Float64Array(total);
  const fromSend = new Float64Array(total);
  const errors = { status: 0, socket: 0, timeout: 0 };
  const errorSamples = [];
  const intended = (i) => start + i * intervalMs;

  let start = 0;
  let completed = 0;
  let lastCompletion = 0;
  let stopped = false;
  let resolveFinished;
  const finished = new Promise((resolve) => {
    resolveFinished = resolve;
  });

  const settle = (i, error) => {
    const now = clock();
    // Every request gets a latency, failed ones too: a timed-out request left out of the
    // percentiles would hide exactly the stall this tool exists to show.
    latency[i] = now - intended(i);
    fromSend[i] = now - (sentAt[i] || intended(i));
    lastCompletion = now;
    completed++;
    if (error && i >= warmupCount) {
      errors[error.kind]++;
      if (errorSamples.length < 5) errorSamples.push(error.message);
    }
    if (completed === total) resolveFinished();
  };

  /** Requests due but waiting for a free connection, oldest first. */
  const queue = [];
  let queueHead = 0;
  /** Idle connections, used in turn so that load spreads over all of them (and a multi-worker server's workers). */
  const idle = [];

  const dispatch = (conn) => {
    while (queueHead < queue.length) {
      const i = queue[queueHead++];
      if (i < 0) continue; // timed out while queued
      sentAt[i] = clock();
      conn.inFlight = i;
      conn.socket.write(requests[i % requests.length]);
      return;
    }
    conn.inFlight = -1;
    idle.push(conn);
  };

  const open = () =>
    new Promise((resolve) => {
      const conn = { socket: null, inFlight: -1, buf: Buffer.alloc(0), dead: false };
      const socket = connect({ host, port, noDelay: true });
      conn.socket = socket;
      socket.on("connect", () => resolve(conn));
      socket.on("data", (chunk) => {
        conn.buf = conn.buf.length === 0 ? chunk : Buffer.concat([conn.buf, chunk]);
        for (;;) {
          const frame = frameResponse(conn.buf);
          if (!frame || frame.untilClose) return;
          conn.buf = conn.buf.subarray(frame.length);
          const i = conn.inFlight;
          if (i < 0) continue; // an answer nobody asked for on this connection: dropped
          const ok = frame.status >= 200 && frame.status <= 299;
          settle(i, ok ? undefined : { kind: "status", message: `HTTP ${frame.status}` });
          if (frame.close) {
            conn.inFlight = -1;
            socket.destroy();
            return;
          }
          dispatch(conn);
        }
      });
      const lost = (err) => {
        if (conn.dead) return;
        conn.dead = true;
        const at = idle.indexOf(conn);
        if (at >= 0) idle.splice(at, 1);
        const i = conn.inFlight;
        conn.inFlight = -1;
        if (i >= 0) {
          const frame = frameResponse(conn.buf);
          if (frame?.untilClose)
            settle(
              i,
              frame.status >= 200 && frame.status <= 299
                ? undefined
                : { kind: "status", message: `HTTP ${frame.status}` },
            );
          else settle(i, { kind: "socket", message: err?.message ?? "connection closed by the server" });
        }
        resolve(null);
        if (!stopped) setTimeout(reopen, 10);
      };
      socket.on("error", lost);
      socket.on("close", () => lost());
    });

  const reopen = async () => {
    const conn = await open();
    if (!conn) return;
    pool.push(conn);
    if (stopped) conn.socket.destroy();
    else dispatch(conn);
  };

  const pool = (await Promise.all(Array.from({ length: connections }, open))).filter(Boolean);
  if (pool.length === 0) {
    stopped = true;
    throw new Error(`could not connect to ${host}:${port}`);
  }
  for (const conn of pool) idle.push(conn);

  const send = (i) => {
    if (i === warmupCount) measure.begin();
    sendLag[i] = clock() - intended(i);
    const conn = idle.shift();
    if (conn) {
      sentAt[i] = clock();
      conn.inFlight = i;
      conn.socket.write(requests[i % requests.length]);
    } else queue.push(i);
  };

  const measure = {
    cpu: null,
    start: 0,
    begin() {
      this.cpu = process.cpuUsage();
      this.start = clock();
    },
  };

  // Timeouts: a request unanswered `timeoutMs` after its intended time fails; its connection is
  // dropped (and reopened), since a late answer would otherwise be taken for the next request's.
  const sweep = setInterval(() => {
    const now = clock();
    for (let q = queueHead; q < queue.length; q++) {
      const i = queue[q];
      if (i >= 0 && now - intended(i) > timeoutMs) {
        queue[q] = -1;
        settle(i, { kind: "timeout", message: `no connection free within ${timeoutMs} ms` });
      }
    }
    for (const conn of pool) {
      const i = conn.inFlight;
      if (i >= 0 && !conn.dead && now - intended(i) > timeoutMs) {
        conn.inFlight = -1;
        settle(i, { kind: "timeout", message: `no answer within ${timeoutMs} ms` });
        conn.socket.destroy();
      }
    }
  }, 50);

  start = clock() + 50;
  const ticker = new Worker(tickerSource, { eval: true, workerData: { start, intervalMs, total } });
  ticker.on("message", send);
  await finished;
  stopped = true;
  clearInterval(sweep);
  const cpu = process.cpuUsage(measure.cpu);
  const wall = (lastCompletion - measure.start) / 1000;
  for (const conn of pool) conn.socket.destroy();

  const sent = total - warmupCount;
  const failed = errors.status + errors.socket + errors.timeout;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    rate,
    duration,
    warmup,
    connections,
    sent,
    ok: sent - failed,
    achieved_rate: wall > 0 ? (sent - failed) / wall : 0,
    errors: { ...errors, total: failed, samples: errorSamples },
    latency_ms: summarise(latency.subarray(warmupCount)),
    // From the moment the bytes were written: what the server and the loopback took, without the
    // generator's lateness and without the wait for a free connection. For reading, not for goals.
    latency_from_write_ms: summarise(fromSend.subarray(warmupCount)),
    generator: {
      cpu_ms: cpuMs,
      cpu_percent_of_one_core: (100 * cpuMs) / (wall * 1000),
      cpu_us_per_request: (cpuMs * 1000) / sent,
      send_lag_ms: summarise(sendLag.subarray(warmupCount)),
    },
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      bodies: { type: "string" },
      rate: { type: "string", default: "1000" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "1" },
      connections: { type: "string", default: "32" },
      timeout: { type: "string", default: "2000" },
    },
  });
  if (!values.url || !values.bodies) {
    console.error("usage: constant-rate.mjs --url URL --bodies FILE.json [--rate N] [--duration S] …");
    process.exit(2);
  }
  const result = await runConstantRate({
    url: values.url,
    bodies: JSON.parse(readFileSync(values.bodies, "utf8")),
    rate: Number(values.rate),
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    timeoutMs: Number(values.timeout),
  });
  console.log(JSON.stringify(result));
  process.exit(0);
}
