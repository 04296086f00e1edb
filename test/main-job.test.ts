import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/cli.js";

describe("the main job (npm start)", () => {
  it("materialises this repository's demo datasets and ignores the malformed fixtures", () => {
    const result = runCli(["run", "--json"], { cwd: repoRoot });
    expect(result.code, result.stderr).toBe(0);
    const report = result.json() as {
      data: { checkout: { datasets: { name: string; manifest: string }[] } };
    };
    expect(report.data.checkout.datasets.map((d) => d.manifest)).toEqual([
      "data/cars.dvc",
      "data/penguins.dvc",
    ]);
    const status = runCli(["data", "status", "--json"], { cwd: repoRoot });
    expect(status.code, status.stdout).toBe(0);
    expect(status.json()).toMatchObject({ clean: true });
  });
});
