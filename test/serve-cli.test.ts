import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** What onnxruntime itself predicts for the rows with the model file as it is now. */
async function expected(modelFile: string, data: Row[]): Promise<number[]> {
  const session = await InferenceSession.create(modelFile);
  const feed = (name: "x1" | "x2") =>
    new Tensor("float32", Float32Array.from(data.map((r) => r[name])), [data.length, 1]);
  const out = await session.run({ x1: feed("x1"), x2: feed("x2") });
  await session.release();
  return Array.from(Object.values(out)[0]?.data as Float32Array);
}

function startServe(dir: string, ...args: string[]) {
  const child = spawn(process.execPath, [bin, "serve", ...args, "--port", "0", "--json"], { cwd: dir });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const ready = new Promise<{ url: string; version: string }>((resolve, reject) => {
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

    const seen = new Set<string>();
    const failures: string[] = [];
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const batch = await Promise.all(
          Array.from({ length: 4 }, () =>
            predict(url, rows.slice(0, 5)).catch((e: Error) => ({ status: 0, body: { error: e.message } })),
          ),
        );
        for (const b of batch) {
          if (b.status !== 200) failures.push(JSON.stringify(b));
          else seen.add(String((b.body as Record<string, unknown>).version));
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill("SIGHUP");
    const deadline = Date.now() + 60_000;
    while (!seen.has("v1.1.0") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await load;
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(["v1.0.0", "v1.1.0"]);
    const after = await predict(url, rows);
    expect(after.body.version).toBe("v1.1.0");
    (after.body.predictions as number[]).forEach((p, i) => {
      expect(p).toBeCloseTo(newWant[i] as number, 4);
    });

    // A request sent before SIGTERM is still answered, and the process exits 0. (A fresh connection:
    // fetch would reuse a keep-alive socket the server is entitled to close while idle.)
    const body = JSON.stringify({ records: rows.map(({ x1, x2 }) => ({ x1, x2 })) });
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = request(`${url}/predict`, { method: "POST", agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body, () => setTimeout(() => server.child.kill("SIGTERM"), 5));
    });
    expect(await inFlight).toBe(200);
    expect(await server.exited).toBe(0);
  });

  it("refuses a stage that holds nothing, with the stages held", () => {
    const r = cli(repo.dir, "serve", "toy#prod", "--port", "0");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds no version in stage 'prod'/);
  });
});
