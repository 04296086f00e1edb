import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/cli.js";

const scratch = mkdtempSync(join(tmpdir(), "mlops-schema-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const kinds = ["data", "dataset-schema", "pipeline", "params", "lock", "model", "version", "stage", "config"];
const good = "test/fixtures/manifests/good";
const bad = "test/fixtures/manifests/bad";

describe("mlops schema", () => {
  it("lists the kinds", () => {
    const r = runCli(["schema", "--list"], { cwd: scratch });
    expect(r.code).toBe(0);
    for (const kind of kinds) expect(r.stdout).toContain(kind);
    const j = runCli(["--json", "schema", "--list"], { cwd: scratch });
    expect(j.code).toBe(0);
    expect((j.json() as { kinds: { kind: string }[] }).kinds.map((k) => k.kind)).toEqual(kinds);
  });

  it("prints the JSON schema of a data manifest", () => {
    const r = runCli(["schema", "data"], { cwd: scratch });
    expect(r.code).toBe(0);
    const schema = r.json() as { properties: Record<string, unknown>; $id: string };
    expect(schema.properties.outs).toBeDefined();
    expect(schema.$id).toMatch(/data\.schema\.json$/);
  });

  it("exits 2 on an unknown kind", () => {
    const r = runCli(["schema", "no-such-kind"], { cwd: scratch });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown manifest kind");
  });

  it("writes every schema into a directory, the same bytes every time", () => {
    const out = join(scratch, "schemas");
    expect(runCli(["schema", "--out", out], { cwd: scratch }).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(kinds.map((k) => `${k}.schema.json`).sort());
    const first = readFileSync(join(out, "pipeline.schema.json"), "utf8");
    expect(runCli(["schema", "--out", out], { cwd: scratch }).code).toBe(0);
    expect(readFileSync(join(out, "pipeline.schema.json"), "utf8")).toBe(first);
    expect(JSON.parse(first).properties.stages).toBeDefined();
  });
});

describe("mlops check", () => {
  it("passes a valid file", () => {
    const r = runCli(["check", `${good}/data/cars.dvc`], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ok  ${good}/data/cars.dvc`);
  });

  it("fails a malformed file and says where", () => {
    const r = runCli(["check", `${good}/data/cars.dvc`, `${bad}/data-bad-hash.dvc`], { cwd: repoRoot });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`ok  ${good}/data/cars.dvc`);
    expect(r.stdout).toContain(`${bad}/data-bad-hash.dvc:4: outs[0].sha256: expected a sha256`);
  });

  it("checks a file as the kind given with --kind and reports JSON", () => {
    const r = runCli(["--json", "check", "--kind", "pipeline", `${bad}/pipeline-overlapping-outs.yaml`], {
      cwd: repoRoot,
    });
    expect(r.code).toBe(1);
    const result = r.json() as {
      ok: boolean;
      files: { path: string; kind: string; ok: boolean; error: string }[];
    };
    expect(result.ok).toBe(false);
    expect(result.files[0]).toMatchObject({ kind: "pipeline", ok: false });
    expect(result.files[0]?.error).toMatch(/pipeline-overlapping-outs\.yaml:10: stages\.split\.outs\[0\]: /);
  });

  it("finds and passes every manifest of a repository when given no paths", () => {
    const r = runCli(["--json", "-C", join(repoRoot, good), "check"], { cwd: scratch });
    expect(r.code).toBe(0);
    const result = r.json() as { ok: boolean; files: { path: string; kind: string }[] };
    expect(result.ok).toBe(true);
    expect(result.files.map((f) => f.kind).sort()).toEqual(
      ["config", "data", "dataset-schema", "lock", "model", "params", "pipeline"].sort(),
    );
  });

  it("exits 2 on an unknown --kind", () => {
    expect(runCli(["check", "--kind", "nope", `${good}/data/cars.dvc`], { cwd: repoRoot }).code).toBe(2);
  });
});
