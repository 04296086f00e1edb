import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAlone, postOnceSeen } from "./support/http.js";
import {
  addServingSchema,
  cli,
  createToyRepo,
  runAndCommit,
  setParam,
  type ToyRepo,
} from "./support/registry-repo.js";

const bin = fileURLToPath(new URL("../bin/mlops.js", import.meta.url));

interface Row {
  x1: number;
  x2: number;
  y: number;
}

let repo: ToyRepo;
let rows: Row[];

function mustCli(dir: string, ...args: string[]): void {
  const r = cli(dir, ...args);
  if (r.code !== 0) throw new Error(`mlops ${args.join(" ")}: ${r.stderr}`);
}

beforeAll(() => {
  repo = createToyRepo();
  const dir = repo.dir;
  // The card names a serving schema, so requests are checked against the feature columns.
  addServingSchema(
    dir,
    "format: json\ncolumns:\n  x1: { type: number, nullable: false }\n  x2: { type: number, nullable: false }\n  y: { type: number, nullable: true, role: target }\n",
  );
  for (const args of [
    ["register", "toy"],
    ["promote", "toy", "v1.0.0", "--to", "dev"],
    ["promote", "toy", "v1.0.0", "--to", "staging"],
  ])
    mustCli(dir, ...args);
  rows = JSON.parse(readFileSync(join(dir, "pipelines/toy/test.json"), "utf8"));
}, 180_000);
afterAll(() => repo?.cleanup());

/** The body of the crash report: 60 KB, its id 30,000 arrays deep. */
const nestedId = `{"id": ${"[".repeat(30_000)}${"]".repeat(30_000)}}`;

/** What onnxruntime itself predicts for the rows with the model file as it is now. */
async function expected(modelFile: string, data: Row[]): Promise<number[]> {
  const session = await InferenceSession.create(modelFile);
  const feed = (name: "x1" | "x2") =>
    new Tensor("float32", Float32Array.from(data.map((r) => r[name])), [data.length, 1]);
  const out = await session.run({ x1: feed("x1"), x2: feed("x2") });
  await session.release();
  return Array.from(Object.values(out)[0]?.data as Float32Array);
}

interface ServeInfo {
  url: string;
  version: string;
  workers: number;
  pids: number[];
}

function startServe(dir: string, ...args: string[]) {
  const child = spawn(process.execPath, [bin, "serve", ...args, "--port", "0", "--json"], { cwd: dir });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const ready = new Promise<ServeInfo>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(JSON.parse(line));
    });
    child.on("exit", (code) => reject(new Error(`mlops serve exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, ready, exited, stderr: () => stderr };
}

async function predict(url: string, data: Row[]): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/predict`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ records: data.map(({ x1, x2 }) => ({ x1, x2 })) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Sends requests four at a time until stopped, keeping the versions that answered and every
 * answer that was not a 200.
 */
function steadyLoad(send: () => Promise<{ status: number; body: Record<string, unknown> }>) {
  const seen = new Set<string>();
  const failures: string[] = [];
  let stopped = false;
  let answered = 0;
  const waiting: { holds: () => boolean; resolve: () => void }[] = [];
  const running = (async () => {
    while (!stopped) {
      const batch = await Promise.all(
        Array.from({ length: 4 }, () =>
          send().catch((e: Error) => ({ status: 0, body: { error: e.message } as Record<string, unknown> })),
        ),
      );
      for (const b of batch) {
        if (b.status !== 200) failures.push(JSON.stringify(b));
        else seen.add(String(b.body.version));
      }
      answered += batch.length;
      for (const w of waiting.splice(0)) {
        if (w.holds()) w.resolve();
        else waiting.push(w);
      }
    }
  })();
  /** Resolves after the batch of answers that makes `holds` true. */
  const when = (holds: () => boolean) =>
    new Promise<void>((resolve) => {
      if (holds()) resolve();
      else waiting.push({ holds, resolve });
    });
  return {
    seen,
    failures,
    /** Resolves once `n` more requests have been answered. */
    answers: (n: number) => {
      const target = answered + n;
      return when(() => answered >= target);
    },
    when,
    stop: () => {
      stopped = true;
      return running;
    },
  };
}

describe("mlops serve", () => {
  let server: ReturnType<typeof startServe> & { child: ChildProcessWithoutNullStreams };

  it("serves the version staging holds, predicting what onnxruntime predicts", {
    timeout: 60_000,
  }, async () => {
    server = startServe(repo.dir, "toy#staging");
    const { url, version } = await server.ready;
    expect(version).toBe("v1.0.0");
    const r = await predict(url, rows);
    expect(r.status).toBe(200);
    expect(r.body.version).toBe("v1.0.0");
    const want = await expected(join(repo.dir, "pipelines/toy/model.onnx"), rows);
    expect((r.body.predictions as number[]).length).toBe(rows.length);
    (r.body.predictions as number[]).forEach((p, i) => {
      expect(p).toBeCloseTo(want[i] as number, 4);
    });
  });

  it("checks records against the serving schema from the version's commit", async () => {
    const { url } = await server.ready;
    const res = await fetch(`${url}/predict`, {
      method: "POST",
      body: JSON.stringify({
        records: [
          { x1: 1, x2: 2 },
          { x1: null, x2: 2 },
        ],
      }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/x1/);
    expect((await predict(url, rows.slice(0, 2))).status).toBe(200);
  });

  it("answers the 60 KB body nesting its id 30,000 deep with a 400, five times over, and keeps serving", async () => {
    const { url } = await server.ready;
    for (let i = 0; i < 5; i++) {
      const reply = await postAlone(`${url}/v2/models/toy/infer`, nestedId);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.text).error).toBe("the body nests arrays and objects more than 64 levels deep");
    }
    expect(server.child.exitCode).toBe(null);
    expect((await predict(url, rows.slice(0, 2))).status).toBe(200);
  });

  it("switches to the new staging version on SIGHUP without failing a request, then drains on SIGTERM", {
    timeout: 180_000,
  }, async () => {
    const { url } = await server.ready;
    const dir = repo.dir;
    setParam(dir, 40);
    runAndCommit(dir, "alpha 40");
    for (const args of [
      ["register", "toy"],
      ["promote", "toy", "v1.1.0", "--to", "dev"],
      ["promote", "toy", "v1.1.0", "--to", "staging"],
    ])
      mustCli(dir, ...args);
    const newWant = await expected(join(dir, "pipelines/toy/model.onnx"), rows);

    const load = steadyLoad(() => predict(url, rows.slice(0, 5)));
    const { seen, failures } = load;
    // Under way before the signal, and still after the switch: so many answers each side of it.
    await load.answers(12);
    server.child.kill("SIGHUP");
    await load.when(() => seen.has("v1.1.0"));
    await load.answers(12);
    await load.stop();
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(["v1.0.0", "v1.1.0"]);
    const after = await predict(url, rows);
    expect(after.body.version).toBe("v1.1.0");
    (after.body.predictions as number[]).forEach((p, i) => {
      expect(p).toBeCloseTo(newWant[i] as number, 4);
    });

    // A request the server has in hand when SIGTERM comes is still answered, and the process exits 0.
    // (A fresh connection: fetch would reuse a keep-alive socket the server may close while idle.)
    const body = JSON.stringify({ records: rows.map(({ x1, x2 }) => ({ x1, x2 })) });
    const inFlight = postOnceSeen(`${url}/predict`, body, () => server.child.kill("SIGTERM"));
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);
  });

  it("refuses a stage that holds nothing, with the stages held", () => {
    const r = cli(repo.dir, "serve", "toy#prod", "--port", "0");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds no version in stage 'prod'/);
  });
});

/** A POST /predict on a connection of its own, so that a cluster's primary hands it to the next worker. */
async function predictAlone(
  url: string,
  data: Row[],
): Promise<{ status: number; requestId: string; body: Record<string, unknown> }> {
  const res = await postAlone(
    `${url}/predict`,
    JSON.stringify({ records: data.map(({ x1, x2 }) => ({ x1, x2 })) }),
  );
  return { status: res.status, requestId: res.requestId, body: JSON.parse(res.text) };
}

/** The process that answered: a server's request ids are `<its random prefix>-<counter>`. */
const answeredBy = (requestId: string) => requestId.split("-")[0] as string;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Live worker processes of `mlops serve --workers` on this machine (only this file starts them). */
function workerProcesses(): string[] {
  const r = spawnSync("pgrep", ["-f", "serve/cluster-worker-main.js"], { encoding: "utf8" });
  return r.stdout.split("\n").filter(Boolean);
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function metricValue(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

describe("mlops serve --workers 2", () => {
  let server: ReturnType<typeof startServe>;
  let info: ServeInfo;
  let logFile: string;
  // A failed test must not leave its cluster running (the primary's exit stops its workers).
  afterAll(() => {
    server?.child.kill("SIGTERM");
  });

  it("runs two processes on one port that predict what onnxruntime predicts, with one /metrics and one prediction log", {
    timeout: 120_000,
  }, async () => {
    logFile = join(repo.dir, "logs/predictions.jsonl");
    server = startServe(
      repo.dir,
      "toy#staging",
      "--workers",
      "2",
      "--prediction-log",
      logFile,
      "--sample-rate",
      "1",
    );
    info = await server.ready;
    expect(info.workers).toBe(2);
    expect(new Set(info.pids).size).toBe(2);
    expect(info.pids).not.toContain(server.child.pid);
    for (const pid of info.pids) expect(alive(pid)).toBe(true);

    const want = await expected(join(repo.dir, "pipelines/toy/model.onnx"), rows);
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await predictAlone(info.url, rows));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.version).toBe(info.version);
      (a.body.predictions as number[]).forEach((p, i) => {
        expect(p).toBeCloseTo(want[i] as number, 4);
      });
    }
    // Connections are handed out in turn, so both processes answered.
    expect(new Set(answers.map((a) => answeredBy(a.requestId))).size).toBe(2);

    // Whichever worker gets the scrape, it counts every worker's requests.
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${info.url}/metrics`, { headers: { connection: "close" } });
      const text = await res.text();
      expect(metricValue(text, 'mlops_serve_requests_total{route="predict",status="200"}')).toBe(40);
      expect(metricValue(text, `mlops_serve_model_info{model="toy",version="${info.version}"}`)).toBe(1);
    }

    // Both workers append whole lines to the one log (each flushes within a second).
    await until("the prediction log's 40 lines", () => {
      try {
        return readFileSync(logFile, "utf8").split("\n").filter(Boolean).length >= 40;
      } catch {
        return false;
      }
    });
    const lines = readFileSync(logFile, "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(40);
    const logged = lines.map((l) => JSON.parse(l) as { request_id: string; version: string });
    expect(new Set(logged.map((l) => l.request_id))).toEqual(new Set(answers.map((a) => a.requestId)));
    expect(logged.every((l) => l.version === info.version)).toBe(true);
  });

  it("answers the 60 KB body nesting its id 30,000 deep with a 400 in every worker, six times over, with no worker lost", {
    timeout: 60_000,
  }, async () => {
    // More than the crash limit (5 in a minute): before the fix, each one ended the worker it reached.
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await postAlone(`${info.url}/v2/models/toy/infer`, nestedId));
    for (const reply of replies) {
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.text).error).toBe("the body nests arrays and objects more than 64 levels deep");
    }
    // Connections go to the workers in turn: both had some.
    expect(new Set(replies.map((r) => answeredBy(r.requestId))).size).toBe(2);
    for (const pid of info.pids) expect(alive(pid)).toBe(true);
    expect(server.stderr()).not.toMatch(/exited|starting another/);
    expect((await predictAlone(info.url, rows)).status).toBe(200);
  });

  it("switches both workers on SIGHUP without failing a request, replaces a killed worker, and drains on SIGTERM", {
    timeout: 240_000,
  }, async () => {
    const dir = repo.dir;
    setParam(dir, 55);
    runAndCommit(dir, "alpha 55");
    const registered = cli(dir, "register", "toy", "--json");
    expect(registered.code).toBe(0);
    const next = (registered.json() as { version: string }).version;
    expect(next).not.toBe(info.version);
    mustCli(dir, "promote", "toy", next, "--to", "dev");
    mustCli(dir, "promote", "toy", next, "--to", "staging");
    const newWant = await expected(join(dir, "pipelines/toy/model.onnx"), rows);

    const load = steadyLoad(() => predictAlone(info.url, rows.slice(0, 5)));
    const { seen, failures } = load;
    await load.answers(12);
    server.child.kill("SIGHUP");
    await load.when(() => seen.has(next));
    await load.answers(12);
    await load.stop();
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual([info.version, next].sort());
    // Every worker switched: no connection lands on the old version any more.
    const after = await Promise.all(Array.from({ length: 10 }, () => predictAlone(info.url, rows)));
    expect(new Set(after.map((a) => answeredBy(a.requestId))).size).toBe(2);
    for (const a of after) {
      expect(a.body.version).toBe(next);
      (a.body.predictions as number[]).forEach((p, i) => {
        expect(p).toBeCloseTo(newWant[i] as number, 4);
      });
    }
    const before = new Set(after.map((a) => answeredBy(a.requestId)));

    // A worker killed outright is replaced, on the version now served.
    const [victim, survivor] = info.pids as [number, number];
    process.kill(victim, "SIGKILL");
    await until("the replacement worker", () => /exited \(SIGKILL\); starting another/.test(server.stderr()));
    // Until the replacement listens the survivor answers everything; then both answer again.
    const replaced: Awaited<ReturnType<typeof predictAlone>>[] = [];
    const prefixes = new Set<string>();
    const deadline = Date.now() + 60_000;
    while (prefixes.size < 2 && Date.now() < deadline) {
      const a = await predictAlone(info.url, rows);
      replaced.push(a);
      prefixes.add(answeredBy(a.requestId));
    }
    expect(alive(survivor)).toBe(true);
    for (const a of replaced) {
      expect(a.status).toBe(200);
      expect(a.body.version).toBe(next);
    }
    expect(prefixes.size).toBe(2);
    expect([...prefixes].filter((p) => !before.has(p))).toHaveLength(1);

    // SIGTERM: a request a worker has in hand is answered, then the primary and its workers are gone.
    const inFlight = postOnceSeen(
      `${info.url}/predict`,
      JSON.stringify({ records: rows.map(({ x1, x2 }) => ({ x1, x2 })) }),
      () => server.child.kill("SIGTERM"),
    );
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);
    await until("the workers to exit", () => workerProcesses().length === 0);
  });

  it("stops with exit code 1 when workers keep dying, and says so", { timeout: 120_000 }, async () => {
    const crashing = startServe(repo.dir, "toy#staging", "--workers", "2");
    await crashing.ready;
    const primary = crashing.child.pid as number;
    let exitCode: number | null | undefined;
    void crashing.exited.then((code) => {
      exitCode = code;
    });
    for (let kills = 0; kills < 5 && exitCode === undefined; kills++) {
      const restarts = () => crashing.stderr().split("starting another").length - 1;
      const before = restarts();
      const children = spawnSync("pgrep", ["-P", String(primary)], { encoding: "utf8" })
        .stdout.split("\n")
        .filter(Boolean)
        .map(Number);
      expect(children.length).toBeGreaterThan(0);
      process.kill(children[0] as number, "SIGKILL");
      await until("the primary to react", () => restarts() > before || exitCode !== undefined);
      // The next kill may find the replacement still loading: that counts as much as a crash.
      await until(
        "the replacement",
        () =>
          exitCode !== undefined ||
          spawnSync("pgrep", ["-P", String(primary)], { encoding: "utf8" })
            .stdout.split("\n")
            .filter(Boolean).length === 2,
      );
    }
    expect(await crashing.exited).toBe(1);
    expect(crashing.stderr()).toMatch(/workers exited or failed to start 5 times in 60 s/);
    await until("the workers to exit", () => workerProcesses().length === 0);
  });

  it("refuses to start, naming the address, when the port is taken, and leaves no worker behind", {
    timeout: 60_000,
  }, async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = cli(repo.dir, "serve", "toy#staging", "--workers", "2", "--port", String(port));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
      expect(workerProcesses()).toEqual([]);
    } finally {
      taken.close();
    }
  });
});
