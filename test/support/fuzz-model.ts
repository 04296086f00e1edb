import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { GraphBuilder } from "../../src/onnx/builder.js";
import type { ServableModel } from "../../src/serve/index.js";

/**
 * A small model with the input kinds a tabular model has (two numbers, one of them nullable, and a
 * categorical string), named like the repository's model so the paths are the ones users call:
 * `y = x1 + x2` and `label = origin`.
 */
export function writeFuzzModel(dir: string): ServableModel {
  const g = new GraphBuilder("fuzz");
  const x1 = g.input("x1", "float", ["N", 1]);
  const x2 = g.input("x2", "float", ["N", 1]);
  const origin = g.input("origin", "string", ["N", 1]);
  g.op("Add", [x1, x2], {}, "", "y");
  g.op("Identity", [origin], {}, "", "label");
  g.output("y", "float", ["N", 1]);
  g.output("label", "string", ["N", 1]);
  const bytes = g.toBytes({ producerVersion: "test", opsets: { "": 17 } });
  const onnxPath = join(dir, "fuzz.onnx");
  writeFileSync(onnxPath, bytes);
  return {
    name: "fuel-efficiency",
    version: "v1.0.0",
    onnxPath,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    columns: {
      x1: { type: "number" },
      x2: { type: "integer", nullable: true },
      origin: { type: "string", allowed: ["USA", "Europe", "Japan"] },
    },
  };
}
