import { parse as parseYamlScalar } from "yaml";
import { MlopsError } from "../errors/index.js";
import type { ParamValue } from "../manifest/params.js";

/** One `-S` option: a params.yaml key and the values a sweep tries for it. */
export interface ParamSweep {
  /** The pipeline whose params.yaml holds the key, when written `pipeline:key`. */
  pipeline: string | undefined;
  /** Dotted path inside params.yaml, e.g. `train.gbdt.trees`. */
  key: string;
  values: ParamValue[];
}

const keyPart = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const pipelineName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const expected =
  "KEY=V1[,V2…] or PIPELINE:KEY=V1[,V2…], KEY a dotted params.yaml path such as train.gbdt.trees";

function usage(message: string, spec: string, extra: { hint?: string } = {}): MlopsError {
  return new MlopsError("usage", `-S ${JSON.stringify(spec)}: ${message}`, {
    field: "-S",
    expected,
    got: spec,
    ...extra,
  });
}

/** A value as YAML reads it (`3` a number, `true` a boolean, `gbdt` a string); only scalars. */
function parseValue(text: string, spec: string): ParamValue {
  if (text.trim() === "") throw usage("a value is empty", spec, { hint: "remove the stray comma" });
  let value: unknown;
  try {
    value = parseYamlScalar(text);
  } catch {
    throw usage(`cannot read the value ${JSON.stringify(text)}`, spec);
  }
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
    if (typeof value === "number" && !Number.isFinite(value)) return text;
    return value as ParamValue;
  }
  throw usage(`the value ${JSON.stringify(text)} is not a scalar`, spec, {
    hint: "a sweep sets scalars (numbers, strings, booleans); values are separated by commas",
  });
}

/**
 * Reads `-S [pipeline:]key=v1,v2`: the key a dotted path of params.yaml, the values comma
 * separated and read as YAML scalars. Anything else is a usage error that names the option.
 */
export function parseSetSpec(spec: string): ParamSweep {
  const eq = spec.indexOf("=");
  if (eq < 0) throw usage("no '=' between the key and its values", spec);
  const left = spec.slice(0, eq).trim();
  const right = spec.slice(eq + 1);
  const colon = left.indexOf(":");
  const pipeline = colon >= 0 ? left.slice(0, colon) : undefined;
  const key = colon >= 0 ? left.slice(colon + 1) : left;
  if (pipeline !== undefined && !pipelineName.test(pipeline))
    throw usage(`${JSON.stringify(pipeline)} is not a pipeline name`, spec);
  if (key === "") throw usage("the key is empty", spec);
  const parts = key.split(".");
  const bad = parts.find((p) => !keyPart.test(p));
  if (bad !== undefined)
    throw usage(`the key part ${JSON.stringify(bad)} is not a params.yaml name`, spec, {
      hint: "key parts are letters, digits, '_' and '-', joined by '.'",
    });
  if (right.trim() === "") throw usage("no values after '='", spec);
  const values = right.split(",").map((v) => parseValue(v.trim(), spec));
  const seen = new Set<string>();
  const unique = values.filter((v) => {
    const id = JSON.stringify(v);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { pipeline, key, values: unique };
}

/** Every `-S` option, refusing one key given twice (the grid would be ambiguous). */
export function parseSetSpecs(specs: readonly string[]): ParamSweep[] {
  const sweeps = specs.map(parseSetSpec);
  const ids = new Set<string>();
  for (const s of sweeps) {
    const id = `${s.pipeline ?? ""}:${s.key}`;
    if (ids.has(id))
      throw new MlopsError("usage", `-S names ${s.pipeline ? `${s.pipeline}:` : ""}${s.key} twice`, {
        field: "-S",
        hint: "give every value of one key in a single -S, comma separated",
      });
    ids.add(id);
  }
  return sweeps;
}
