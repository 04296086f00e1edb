// Shadow traffic's cost to the answers: p99 latency of /predict on one server process at a constant
// request rate (scripts/bench/serve/constant-rate.mjs, open loop), with no shadow against the same
// server running a shadow on every request that
//   - is slow: a real ONNX model doing a 600×600 matrix product (of a matrix filled from the input) per run (tens of ms of one core,
//     far slower than the served model, so its queue stays full and drops), or
//   - throws: a real ONNX model that onnxruntime refuses at run time on every request.
// The served model is y = x1 + x2, built here with lib/onnx/builder.js, as are the shadows.
// The bound: p99 with a shadow ≤ 1.5 × p99 without + 1 ms. The slow shadow keeps one core busy, so on
// a two-core machine shared with the load generator the slow case is the one to watch.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runConstantRate } from "./serve/constant-rate.mjs";

export const shadowBenchNames = ["serve-shadow"];

async function writeModels(root, dir) {
  const { GraphBuilder, attr } = await import(pathToFileURL(join(root, "lib/onnx/builder.js")).href);
  const model = (kind, version) => {
    const g = new GraphBuilder(kind);
    const x1 = g.input("x1", "float", ["N", 1]);
    const x2 = g.input("x2", "float", ["N", 1]);
    if (kind === "served") g.op("Add", [x1, x2], {}, "", "y");
    else if (kind === "throws") {
      const far = g.op("Gather", [x2, g.int64Constant("far", [1_000_000], [1])], { axis: attr.int(0) });
      g.op("Add", [x1, far], {}, "", "y");
    } else {
      // From the input, so onnxruntime cannot fold the product into a constant at load time.
      const seed = g.op("ReduceSum", [x1], { keepdims: attr.int(1) });
      const c = g.op("Expand", [seed, g.int64Constant("nn", [600, 600], [2])]);
      const total = g.op("ReduceSum", [g.op("MatMul", [c, c])], { keepdims: attr.int(1) });
      const nothing = g.op("Mul", [total, g.floatConstant("zero", [0], [1, 1])]);
      g.op("Add", [g.op("Add", [x1, x2]), nothing], {}, "", "y");
    }
    g.output("y", "float", ["N", 1]);
    const bytes = g.toBytes({ producerVersion: "bench", opsets: { "": 17 } });
    const onnxPath = join(dir, `${kind}.onnx`);
    writeFileSync(onnxPath, bytes);
    return { name: "adder", version, onnxPath, sha256: createHash("sha256").update(bytes).digest("hex") };
  };
  return {
    served: model("served", "v1.0.0"),
    slow: model("slow", "v2.0.0"),
    throws: model("throws", "v3.0.0"),
  };
}

function startServer(root, configFile) {
  const child = spawn(process.execPath, [join(root, "scripts/bench/serve/shadow-server.mjs"), configFile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c) => {
    stderr = (stderr + c.toString()).slice(-2000);
  });
  const ready = new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c.toString();
      if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]).url);
    });
    child.on("exit", (code) => reject(new Error(`shadow bench server exited ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      child.on("exit", resolve);
      child.kill("SIGTERM");
    });
  return { ready, stop };
}

async function metricsOf(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const pick = (outcome) =>
    Number(
      text.match(new RegExp(`mlops_serve_shadow_requests_total\\{outcome="${outcome}"\\} (\\d+)`))?.[1] ?? 0,
    );
  return { ran: pick("ran"), failed: pick("failed"), dropped: pick("dropped") };
}

export async function shadowBenches(ctx) {
  const { root, selected, opts, work, recordResult, sections, log, guard } = ctx;
  if (!selected.includes("serve-shadow")) return;
  await guard(shadowBenchNames, "p99 of answers with a shadow", async () => {
    const models = await writeModels(root, work);
    const rate = opts.quick ? 300 : 1000;
    const duration = opts.quick ? 3 : 10;
    const bodies = Array.from({ length: 64 }, (_, i) =>
      JSON.stringify({ records: [{ x1: i * 0.5, x2: (i % 7) * 1.5 }] }),
    );
    const runs = {};
    for (const [name, shadow] of [
      ["none", undefined],
      ["slow", models.slow],
      ["throws", models.throws],
    ]) {
      const config = join(work, `shadow-${name}.json`);
      writeFileSync(
        config,
        JSON.stringify({
          model: models.served,
          ...(shadow ? { shadow: { model: shadow, fraction: 1 } } : {}),
        }),
      );
      const server = startServer(root, config);
      try {
        const url = await server.ready;
        log(`serve-shadow: ${name}: ${rate} req/s for ${duration} s…`);
        const figures = await runConstantRate({ url: `${url}/predict`, bodies, rate, duration, warmup: 1 });
        runs[name] = {
          p50: figures.latency_ms.p50,
          p99: figures.latency_ms.p99,
          errors: figures.errors.total,
          ...(shadow ? await metricsOf(url) : {}),
        };
      } finally {
        await server.stop();
      }
    }
    const base = runs.none;
    for (const name of ["slow", "throws"]) {
      const r = runs[name];
      const bound = 1.5 * base.p99 + 1;
      recordResult({
        name: "serve-shadow",
        measure: `p99 of /predict at ${rate} req/s with a ${name === "slow" ? "slow" : "throwing"} shadow on every request, against no shadow`,
        ours: r.p99 / 1000,
        baseline: base.p99 / 1000,
        baselineName: "no shadow",
        ratio: base.p99 / r.p99,
        target: "≤ 1.5 × no shadow + 1 ms",
        pass: r.p99 <= bound && r.errors === 0 && base.errors === 0,
        note: `shadow ran ${r.ran}, failed ${r.failed}, dropped ${r.dropped}; errors ${r.errors}`,
      });
    }
    sections.push({
      title: "Shadow traffic (serve-shadow)",
      body: [
        `| shadow | p50 ms | p99 ms | shadow ran | failed | dropped | errors |`,
        `|---|---|---|---|---|---|---|`,
        ...Object.entries(runs).map(
          ([name, r]) =>
            `| ${name} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.ran ?? "–"} | ${r.failed ?? "–"} | ${r.dropped ?? "–"} | ${r.errors} |`,
        ),
      ].join("\n"),
    });
  });
}
