import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { parseImportSpec } from "../src/tracking/index.js";
import { runCli } from "./support/cli.js";
import { tempRepo } from "./support/repo.js";

/**
 * `npm pack` of a git or `file:` spec clones or reads that code and runs its `prepare` scripts, so
 * a data source may only name a registry package at an exact version; nothing is packed otherwise.
 */
describe("npm data sources", () => {
  let repo: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    mkdirSync(join(repo.dir, "data"), { recursive: true });
  });
  afterEach(() => repo.cleanup());

  it.each([
    [
      "a git spec",
      "vega-datasets@github:vega/vega-datasets/data/cars.json",
      /version of vega-datasets is not exact/,
    ],
    [
      "a git+https spec",
      "vega-datasets@git+https://github.com/vega/vega-datasets.git/data/cars.json",
      /not exact/,
    ],
    ["a file: spec", "evil@file:../evil/data.json", /version of evil is not exact/],
    ["a range", "vega-datasets@^3.2.1/data/cars.json", /not exact/],
    ["a dist-tag", "vega-datasets@latest/data/cars.json", /not exact/],
    ["a name with a protocol", "github:vega/vega-datasets/data/cars.json", /not a registry package name/],
    ["an upper-case name", "Vega-Datasets@3.2.1/data/cars.json", /not a registry package name/],
  ])("data import refuses %s before running npm", (_what, spec, why) => {
    const result = runCli(["data", "import", spec, "data/cars.json"], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`refusing the npm source '${spec}'`);
    expect(result.stderr).toMatch(why);
    expect(existsSync(join(repo.dir, "data/cars.json"))).toBe(false);
    expect(existsSync(join(repo.dir, ".mlops/tmp"))).toBe(false);
  });

  it.each([
    ["a git spec", "version", '"git+ssh://git@github.com/evil/evil.git"', 8, /expected an exact version/],
    ["a file: spec", "version", '"file:../evil"', 8, /expected an exact version/],
    ["a git name", "package", '"github:evil/evil"', 7, /expected an npm package name/],
  ])(
    "data pull refuses a manifest whose source is %s, naming file, line and field",
    (_what, field, value, line, why) => {
      const source = { package: "evil", version: "1.0.0", [field]: value };
      writeFileSync(
        join(repo.dir, "data/evil.dvc"),
        [
          "outs:",
          "  - path: evil.json",
          "    hash: sha256",
          `    sha256: ${"a".repeat(64)}`,
          "    size: 8",
          "source:",
          `  package: ${source.package}`,
          `  version: ${source.version}`,
          "  path: data.json",
          "",
        ].join("\n"),
      );
      const result = runCli(["data", "pull"], { cwd: repo.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`data/evil.dvc:${line}: source.${field}:`);
      expect(result.stderr).toMatch(why);
      expect(existsSync(join(repo.dir, "data/evil.json"))).toBe(false);
    },
  );

  it("keeps exact registry specs, scoped ones included", () => {
    expect(parseImportSpec("vega-datasets@3.2.1/data/cars.json")).toEqual({
      package: "vega-datasets",
      version: "3.2.1",
      path: "data/cars.json",
    });
    expect(parseImportSpec("@scope/pkg@1.0.0-rc.1+build.5/dir")).toEqual({
      package: "@scope/pkg",
      version: "1.0.0-rc.1+build.5",
      path: "dir",
    });
    expect(parseImportSpec("vega-datasets/data/cars.json")).toEqual({
      package: "vega-datasets",
      path: "data/cars.json",
    });
    expect(() => parseImportSpec("pkg@1.0/x")).toThrow(MlopsError);
  });
});
