import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse, parseAllDocuments } from "yaml";
import { repoRoot } from "./cli.js";

/** The Kubernetes version whose API schemas the rendered manifests are checked against. */
export const kubernetesVersion = "1.32.0";

const requirements = join(repoRoot, "scripts/deploy/requirements-kubernetes-validate.txt");

/**
 * Runs PyPI's kubernetes-validate (pinned with hashes, in its own venv) in strict mode, which
 * rejects unknown fields as well as wrong types and missing required ones. Returns its exit code
 * and what it said.
 */
export function kubernetesValidate(files: string[]): { code: number; output: string } {
  const run = spawnSync(
    "sh",
    [
      join(repoRoot, "scripts/python/venv-run.sh"),
      requirements,
      "kubernetes-validate",
      "--strict",
      "-k",
      kubernetesVersion,
      ...files,
    ],
    { cwd: repoRoot, encoding: "utf8", timeout: 600_000 },
  );
  return { code: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

/** `kubectl kustomize DIR`: what `kubectl apply -k DIR` would send, built offline. */
export function kustomize(dir: string): { code: number; stdout: string; stderr: string } {
  const run = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

export function yamlDocuments(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text).map((d) => d.toJSON() as Record<string, unknown>);
}

type Schema = Record<string, unknown>;

/**
 * KServe's CRD schema as an API server applies it, made strict the way kubernetes-validate is:
 * an object schema that lists its properties admits no others (the API server would silently
 * drop them; here a misspelt field is an error). Kubernetes' own extensions are left to ajv to
 * ignore, except int-or-string, which has no `type`.
 */
function strictSchema(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, strictSchema(v)]),
      );
    } else if ((key === "items" || key === "additionalProperties") && value && typeof value === "object") {
      out[key] = strictSchema(value as Schema);
    } else out[key] = value;
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out["x-kubernetes-preserve-unknown-fields"]
  )
    out.additionalProperties = false;
  return out;
}

/** A validator for InferenceService objects from the vendored KServe CRD. */
export function inferenceServiceValidator(): (object: unknown) => string[] {
  const crd = parse(
    readFileSync(join(repoRoot, "test/fixtures/kserve/inferenceservice-crd-v0.20.0.yaml"), "utf8"),
  ) as { spec: { versions: { name: string; schema: { openAPIV3Schema: Schema } }[] } };
  const version = crd.spec.versions.find((v) => v.name === "v1beta1");
  if (!version) throw new Error("the vendored CRD has no v1beta1");
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(strictSchema(version.schema.openAPIV3Schema));
  return (object) =>
    validate(object)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
