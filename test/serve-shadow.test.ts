// Shadow traffic on one inference server: a candidate version runs off the request path on a
// sample of requests. Whatever the shadow does (agree, disagree, throw, crawl), the answers are the
// ones the server gives without it, byte for byte.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateModel } from "../src/evaluate/index.js";
import { parsePredictionLog } from "../src/feedback/index.js";
import { type ServableModel, startInferenceServer, startServing } from "../src/serve/index.js";
import { inShadowSample, predictionsAgree } from "../src/serve/shadow.js";
import { writeShadowModel } from "./support/shadow-models.js";

let dir: string;
let served: ServableModel;
const requests = 300;
const ids = Array.from({ length: requests }, (_, i) => `req-${i}`);
/** Rows per request: 1 to 3, so multi-row requests are shadowed too. */
const bodies = ids.map((_, i) =>
  JSON.stringify({
    records: Array.from({ length: 1 + (i % 3) }, (_, r) => ({
      x1: i * 0.37 - r,
      x2: ((i * 7 + r) % 17) * 1.3,
    })),
  }),
);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "mlops-serve-shadow-"));
  served = writeShadowModel(dir, "served");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every request sent, 16 at a time; the answers' bodies by request id. */
async function load(url: string): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < requests) {
        const i = next++;
        const res = await fetch(`${url}/predict`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": ids[i] as string },
          body: bodies[i],
        });
        answers.set(ids[i] as string, `${res.status} ${await res.text()}`);
      }
    }),
  );
  return answers;
}

/** The value of one series of the exposition (0 when absent). */
async function series(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

const ran = 'mlops_serve_shadow_requests_total{outcome="ran"}';
const failed = 'mlops_serve_shadow_requests_total{outcome="failed"}';
const dropped = 'mlops_serve_shadow_requests_total{outcome="dropped"}';

let baseline: Map<string, string>;

describe("mlops serve --shadow", () => {
  beforeAll(async () => {
    const server = await startInferenceServer({ model: served, maxBatchDelayMs: 1 });
    try {
      baseline = await load(server.url);
    } finally {
      await server.close();
    }
    expect([...baseline.values()].every((a) => a.startsWith("200 "))).toBe(true);
  });

  it("samples by request id: the same ids on every run, about the fraction asked", () => {
    const picked = ids.filter((id) => inShadowSample(id, 0.5));
    expect(ids.filter((id) => inShadowSample(id, 0.5))).toEqual(picked);
    expect(picked.length).toBeGreaterThan(requests * 0.35);
    expect(picked.length).toBeLessThan(requests * 0.65);
    expect(ids.every((id) => inShadowSample(id, 1))).toBe(true);
    expect(ids.some((id) => inShadowSample(id, 0))).toBe(false);
    expect(predictionsAgree(100, 104.9, 0.05)).toBe(true);
    expect(predictionsAgree(100, 106, 0.05)).toBe(false);
    expect(
      predictionsAgree({ label: "a", probabilities: [1] }, { label: "a", probabilities: [0.6] }, 0),
    ).toBe(true);
    expect(predictionsAgree({ label: "a" }, { label: "b" }, 1)).toBe(false);
  });

  it("answers bit-identically under load while the candidate's predictions, equal to evaluate's, go to the log", async () => {
    const candidate = writeShadowModel(dir, "candidate", "v1.1.0");
    const log = join(dir, "shadow.jsonl");
    const server = await startInferenceServer({
      model: served,
      maxBatchDelayMs: 1,
      predictionLog: { path: log, sampleRate: 1 },
      shadow: { model: candidate, fraction: 0.5, queueLimit: requests },
    });
    const sampled = ids.filter((id) => inShadowSample(id, 0.5));
    try {
      expect(await load(server.url)).toEqual(baseline);
      await expect.poll(() => series(server.url, ran), { timeout: 10_000 }).toBe(sampled.length);
      expect(await series(server.url, failed)).toBe(0);
      expect(await series(server.url, dropped)).toBe(0);
      const agree = await series(server.url, 'mlops_serve_shadow_rows_total{agreement="agree"}');
      const disagree = await series(server.url, 'mlops_serve_shadow_rows_total{agreement="disagree"}');
      expect(agree).toBeGreaterThan(0);
      expect(disagree).toBeGreaterThan(0);
      expect(await series(server.url, 'mlops_serve_shadow_info{model="adder",version="v1.1.0"}')).toBe(0.5);
    } finally {
      await server.close();
    }
    const { rows } = parsePredictionLog(readFileSync(log, "utf8"), log);
    const shadowRows = rows.filter((r) => r.shadow);
    expect(rows.filter((r) => !r.shadow)).toHaveLength(requests);
    expect(shadowRows.map((r) => r.request_id).sort()).toEqual([...sampled].sort());
    expect(shadowRows.every((r) => r.version === "v1.1.0" && typeof r.latency_seconds === "number")).toBe(
      true,
    );
    // The candidate evaluated on the very rows the log holds, as `mlops evaluate` does.
    const inputs = shadowRows.flatMap((r) => r.inputs.map((row) => ({ ...row, y: 0 })));
    const evaluation = await evaluateModel(
      candidate.onnxPath,
      { file: "shadow rows", columns: ["x1", "x2", "y"], rows: inputs },
      { target: "y" },
    );
    expect(shadowRows.flatMap((r) => r.outputs.map((v) => Math.fround(v as number)))).toEqual(
      evaluation.predictions.values,
    );
  });

  it("answers bit-identically when the shadow throws on every request, and counts the failures", async () => {
    const server = await startInferenceServer({
      model: served,
      maxBatchDelayMs: 1,
      shadow: { model: writeShadowModel(dir, "throws", "v9.0.0"), queueLimit: requests },
    });
    try {
      expect(await load(server.url)).toEqual(baseline);
      await expect.poll(() => series(server.url, failed), { timeout: 10_000 }).toBe(requests);
      expect(await series(server.url, ran)).toBe(0);
      expect((await fetch(`${server.url}/v2/health/ready`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("answers bit-identically when the shadow is slow, dropping and counting what its queue cannot hold", async () => {
    const server = await startInferenceServer({
      model: served,
      maxBatchDelayMs: 1,
      shadow: { model: writeShadowModel(dir, "slow", "v9.1.0"), queueLimit: 4 },
    });
    try {
      expect(await load(server.url)).toEqual(baseline);
      await expect
        .poll(async () => (await series(server.url, ran)) + (await series(server.url, dropped)), {
          timeout: 20_000,
        })
        .toBe(requests);
      expect(await series(server.url, dropped)).toBeGreaterThan(0);
      expect(await series(server.url, "mlops_serve_shadow_duration_seconds_count")).toBe(
        await series(server.url, ran),
      );
    } finally {
      await server.close();
    }
  });

  it("refuses a shadow that takes other inputs, and a shadow with several workers", async () => {
    const other = writeShadowModel(dir, "served");
    const { GraphBuilder } = await import("../src/onnx/builder.js");
    const g = new GraphBuilder("one-input");
    g.op("Identity", [g.input("x1", "float", ["N", 1])], {}, "", "y");
    g.output("y", "float", ["N", 1]);
    const bytes = g.toBytes({ producerVersion: "test", opsets: { "": 17 } });
    const { writeFileSync } = await import("node:fs");
    const { createHash } = await import("node:crypto");
    const onnxPath = join(dir, "one-input.onnx");
    writeFileSync(onnxPath, bytes);
    const narrow: ServableModel = {
      name: "adder",
      version: "v2.0.0",
      onnxPath,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
    await expect(startInferenceServer({ model: served, shadow: { model: narrow } })).rejects.toThrow(
      /takes other inputs than the served adder v1.0.0/,
    );
    await expect(
      startServing({ model: served, shadow: { model: other }, workers: 2, workerScript: "unused.js" }),
    ).rejects.toThrow(/--shadow runs in one server process/);
  });
});
