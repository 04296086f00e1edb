import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { type GbdtModel, type GbdtOptions, predictRaw, trainGbdt } from "../src/train/gbdt.js";
import { gbdtThreads } from "../src/train/gbdt-threads.js";
import { repoRoot } from "./support/cli.js";

interface Flight {
  date: string;
  delay: number;
  distance: number;
  origin: string;
  destination: string;
}

/** 20,000 real flights as seven numeric features: enough rows that nodes are split between threads. */
function flights() {
  const rows = JSON.parse(
    readFileSync(join(repoRoot, "node_modules/vega-datasets/data/flights-20k.json"), "utf8"),
  ) as Flight[];
  const codes = new Map<string, number>();
  const code = (s: string) => {
    if (!codes.has(s)) codes.set(s, codes.size);
    return codes.get(s) as number;
  };
  const p = 7;
  const X = new Float32Array(rows.length * p);
  const delay = new Float64Array(rows.length);
  const late = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    const [day = "", time = ""] = r.date.split(" ");
    const [, month = 0, dom = 0] = day.split("/").map(Number);
    const [hour = 0, minute = 0] = time.split(":").map(Number);
    X.set([r.distance, month, dom, hour, minute, code(r.origin), code(r.destination)], i * p);
    delay[i] = r.delay;
    late[i] = r.delay <= 0 ? 0 : r.delay <= 20 ? 1 : 2;
  });
  return { X, n: rows.length, p, delay, late };
}

const options: GbdtOptions = {
  objective: "regression",
  nTrees: 25,
  maxDepth: 6,
  learningRate: 0.1,
  maxBins: 255,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  seed: 0,
};

const bytes = (a: ArrayBufferView | undefined) =>
  a ? Buffer.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)) : Buffer.alloc(0);

function expectSameTrees(a: GbdtModel, b: GbdtModel): void {
  expect(b.baseScores).toEqual(a.baseScores);
  expect(b.trees.length).toBe(a.trees.length);
  a.trees.forEach((t, k) => {
    const u = b.trees[k];
    expect(bytes(u?.feature)).toEqual(bytes(t.feature));
    expect(bytes(u?.threshold)).toEqual(bytes(t.threshold));
    expect(bytes(u?.value)).toEqual(bytes(t.value));
  });
}

describe("GBDT training on two threads", () => {
  const data = flights();

  it("grows the single thread's trees bit for bit on 20,000 flights (squared error)", () => {
    const one = trainGbdt(data.X, data.n, data.p, data.delay, 0, { ...options, threads: 1 });
    const two = trainGbdt(data.X, data.n, data.p, data.delay, 0, { ...options, threads: 2 });
    // Deep enough to have split: the comparison is over real trees, not stumps.
    expect(one.trees[0]?.feature.filter((f) => f >= 0).length).toBeGreaterThan(20);
    expectSameTrees(one, two);
    expect(bytes(predictRaw(two, data.X, data.n))).toEqual(bytes(predictRaw(one, data.X, data.n)));
    // A second fit in the same process reuses the helper thread with new shared memory.
    const again = trainGbdt(data.X, data.n, data.p, data.delay, 0, { ...options, threads: 2 });
    expectSameTrees(one, again);
  });

  it("grows the single thread's trees bit for bit for three classes (gradients and hessians)", () => {
    const cls: GbdtOptions = { ...options, objective: "classification", nTrees: 8 };
    const one = trainGbdt(data.X, data.n, data.p, data.late, 3, { ...cls, threads: 1 });
    const two = trainGbdt(data.X, data.n, data.p, data.late, 3, { ...cls, threads: 2 });
    expect(one.trees.length).toBe(24);
    expectSameTrees(one, two);
  });

  it("reads MLOPS_THREADS, refusing what is not a number of threads", () => {
    expect(gbdtThreads(10, { MLOPS_THREADS: "1" })).toBe(1);
    expect(gbdtThreads(10, { MLOPS_THREADS: "8" })).toBe(2);
    // Small data stays on one thread unless asked.
    expect(gbdtThreads(1000, {})).toBe(1);
    for (const bad of ["0", "two", "1.5", "-2"]) {
      let error: unknown;
      try {
        gbdtThreads(10, { MLOPS_THREADS: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MlopsError);
      expect((error as MlopsError).message).toMatch(/MLOPS_THREADS/);
    }
  });
});
