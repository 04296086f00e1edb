import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMlopsError } from "../src/errors/index.js";
import {
  jsonSchemaFor,
  kindForPath,
  type ManifestKindName,
  manifestKind,
  manifestKinds,
  parseYaml,
  readYamlFile,
  stringifyYaml,
} from "../src/manifest/index.js";
import { repoRoot } from "./support/cli.js";

const badDir = join(repoRoot, "test/fixtures/manifests/bad");
const goodDir = join(repoRoot, "test/fixtures/manifests/good");

interface Expectation {
  kind: ManifestKindName;
  line: number;
  field: string | null;
  message_contains: string;
}

const table = JSON.parse(readFileSync(join(badDir, "expected.json"), "utf8")) as Record<string, Expectation>;
const badFiles = readdirSync(badDir).filter((f) => f !== "expected.json");

function schemaOf(kind: ManifestKindName) {
  const entry = manifestKind(kind);
  if (!entry) throw new Error(`no such kind ${kind}`);
  return entry.schema;
}

describe("the corpus of malformed manifests", () => {
  it("has an expectation for every file and a file for every expectation", () => {
    expect(badFiles.sort()).toEqual(Object.keys(table).sort());
    expect(badFiles.length).toBeGreaterThanOrEqual(20);
  });

  it("covers every kind of manifest", () => {
    const kinds = new Set(Object.values(table).map((e) => e.kind));
    for (const k of manifestKinds) expect(kinds, k.kind).toContain(k.kind);
  });

  it.each(Object.entries(table))("%s is rejected at the right place", async (name, expected) => {
    const display = `bad/${name}`;
    let caught: unknown;
    try {
      await readYamlFile(join(badDir, name), schemaOf(expected.kind), display);
    } catch (err) {
      caught = err;
    }
    expect(isMlopsError(caught, "invalid-file"), String(caught)).toBe(true);
    if (!isMlopsError(caught)) return;
    expect(caught.file).toBe(display);
    expect(caught.line).toBe(expected.line);
    expect(caught.field ?? null).toBe(expected.field);
    expect(caught.message).toContain(expected.message_contains);
    expect(caught.toUserString()).toMatch(
      new RegExp(`^bad/${name.replace(/\./g, "\\.")}:${expected.line}: `),
    );
  });
});

const goodFiles: { path: string; kind: ManifestKindName }[] = [
  { path: "data/cars.dvc", kind: "data" },
  { path: "data/cars.schema.yaml", kind: "dataset-schema" },
  { path: "pipelines/fuel-efficiency/pipeline.yaml", kind: "pipeline" },
  { path: "pipelines/fuel-efficiency/params.yaml", kind: "params" },
  { path: "pipelines/fuel-efficiency/pipeline.lock", kind: "lock" },
  { path: "models/fuel-efficiency/model.yaml", kind: "model" },
  { path: "tags/version.yaml", kind: "version" },
  { path: "tags/stage.yaml", kind: "stage" },
  { path: ".mlops/config.yaml", kind: "config" },
];

describe("valid manifests", () => {
  it("has one example of every kind", () => {
    expect(new Set(goodFiles.map((f) => f.kind)).size).toBe(manifestKinds.length);
  });

  it.each(goodFiles)("$path loads and round-trips", async ({ path, kind }) => {
    const schema = schemaOf(kind);
    const value = await readYamlFile(join(goodDir, path), schema, path);
    const text = stringifyYaml(value, schema, path);
    const again = parseYaml(text, schema, path);
    expect(again).toEqual(value);
    expect(stringifyYaml(again, schema, path)).toBe(text);
  });

  it("tells the kind from the file name", () => {
    for (const { path, kind } of goodFiles) {
      if (path.startsWith("tags/")) expect(kindForPath(path)).toBeUndefined();
      else expect(kindForPath(path)).toBe(kind);
    }
    expect(kindForPath(".mlops/config.local.yaml")).toBe("config");
    expect(kindForPath("README.md")).toBeUndefined();
  });
});

describe("JSON schemas", () => {
  it.each(manifestKinds.map((k) => k.kind))("%s has a deterministic JSON schema", (kind) => {
    const first = JSON.stringify(jsonSchemaFor(kind));
    expect(JSON.stringify(jsonSchemaFor(kind))).toBe(first);
    const schema = JSON.parse(first) as Record<string, unknown>;
    expect(schema.$id).toContain(`${kind}.schema.json`);
    expect(schema.title).toBeTruthy();
  });
});
