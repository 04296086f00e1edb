import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/cli.js";

const dir = join(repoRoot, "test/fixtures/datasets");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
  string,
  { code: number; stdout?: string; stderr?: string }
>;

/** Broken datasets, each checked against the corpus schema: every one must be caught, precisely. */
describe("mlops validate on the broken-dataset corpus", () => {
  it("has an expectation for every fixture", () => {
    const files = readdirSync(dir).filter((f) => /\.(json|csv)$/.test(f) && f !== "expected.json");
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: exit ${want.code}${(want.stdout ?? want.stderr) ? `, "${want.stdout ?? want.stderr}"` : ""}`, () => {
      const schema = file.endsWith(".csv") ? "cars-small-csv.schema.yaml" : "cars-small.schema.yaml";
      const result = runCli(["validate", file, "--schema", schema], { cwd: dir });
      expect(result.code, result.stdout + result.stderr).toBe(want.code);
      if (want.stdout) expect(result.stdout).toContain(want.stdout);
      if (want.stderr) expect(result.stderr).toContain(want.stderr);
      if (want.code === 0) expect(result.stdout).toMatch(/^ok: /);
    });
  }

  it("in GitHub Actions, annotates the schema line of each finding and writes the job summary", () => {
    const summary = join(tmpdir(), `mlops-summary-${process.pid}.md`);
    try {
      const result = runCli(["validate", "unknown-category.json", "--schema", "cars-small.schema.yaml"], {
        cwd: dir,
        env: { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary },
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        "::error file=test/fixtures/datasets/cars-small.schema.yaml,line=22,title=test/fixtures/datasets/unknown-category.json%3A allowed of origin::1 values of 'origin' are not among the allowed ones",
      );
      const text = readFileSync(summary, "utf8");
      expect(text).toContain("### Data validation: ❌ failed");
      expect(text).toContain("| error | origin | allowed | 1 |");
    } finally {
      rmSync(summary, { force: true });
    }
  });

  it("reports failures as JSON with ok and the failed checks", () => {
    const result = runCli(["validate", "duplicates.json", "--schema", "cars-small.schema.yaml", "--json"], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    const report = result.json() as {
      ok: boolean;
      failed: { check: string; column: string; rows: number[]; line: number }[];
    };
    expect(report.ok).toBe(false);
    expect(report.failed).toEqual([
      expect.objectContaining({ check: "unique", column: "id", rows: [2, 5], line: 7 }),
    ]);
  });
});
