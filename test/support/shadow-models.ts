import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { attr, GraphBuilder } from "../../src/onnx/builder.js";
import type { ServableModel } from "../../src/serve/index.js";

/**
 * Real ONNX models for shadow tests, all taking x1 and x2 (float [N, 1]) and answering y [N, 1]:
 * - `served`: y = x1 + x2
 * - `candidate`: y = x1 + 1.1·x2, within 5% of `served` only where x2 is small next to x1
 * - `throws`: reads row 1,000,000 of x2, which onnxruntime refuses at run time on every request
 * - `slow`: y = x1 + x2 + 0·sum(C·C) for a 700×700 C filled with sum(x1), tens of milliseconds per run
 */
export type ShadowModelKind = "served" | "candidate" | "throws" | "slow";

export function writeShadowModel(dir: string, kind: ShadowModelKind, version = "v1.0.0"): ServableModel {
  const g = new GraphBuilder(kind);
  const x1 = g.input("x1", "float", ["N", 1]);
  const x2 = g.input("x2", "float", ["N", 1]);
  if (kind === "served") g.op("Add", [x1, x2], {}, "", "y");
  else if (kind === "candidate") {
    const scaled = g.op("Mul", [x2, g.floatConstant("k", [1.1], [1, 1])]);
    g.op("Add", [x1, scaled], {}, "", "y");
  } else if (kind === "throws") {
    const far = g.op("Gather", [x2, g.int64Constant("far", [1_000_000], [1])], { axis: attr.int(0) });
    g.op("Add", [x1, far], {}, "", "y");
  } else {
    const n = 700;
    // Built from the input, so onnxruntime cannot fold it into a constant when it loads the model.
    const seed = g.op("ReduceSum", [x1], { keepdims: attr.int(1) });
    const c = g.op("Expand", [seed, g.int64Constant("nn", [n, n], [2])]);
    const square = g.op("MatMul", [c, c]);
    const total = g.op("ReduceSum", [square], { keepdims: attr.int(1) });
    const nothing = g.op("Mul", [total, g.floatConstant("zero", [0], [1, 1])]);
    g.op("Add", [g.op("Add", [x1, x2]), nothing], {}, "", "y");
  }
  g.output("y", "float", ["N", 1]);
  const bytes = g.toBytes({
    producerVersion: "test",
    opsets: { "": 17 },
    metadata: { "mlops.task": "regression" },
  });
  const onnxPath = join(dir, `${kind}.onnx`);
  writeFileSync(onnxPath, bytes);
  return {
    name: "adder",
    version,
    onnxPath,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    columns: { x1: { type: "number" }, x2: { type: "number" } },
  };
}
