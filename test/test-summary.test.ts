import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarise } from "../scripts/ci/test-summary.mjs";
import { repoRoot } from "./support/cli.js";
import { tempDir } from "./support/repo.js";

const summaryScript = join(repoRoot, "scripts/ci/test-summary.mjs");
const vitestBin = join(repoRoot, "node_modules/vitest/vitest.mjs");

function file(name: string, tests: { fullName: string; status: string }[], status = "passed") {
  return { name: `/repo/${name}`, status, message: "", assertionResults: tests };
}

describe("the CI test summary (scripts/ci/test-summary.mjs)", () => {
  it("prints one plain line and finds nothing wrong in a green run", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        file("test/a.test.ts", [
          { fullName: "a one", status: "passed" },
          { fullName: "a two", status: "passed" },
        ]),
        file("test/b.test.ts", [{ fullName: "b one", status: "passed" }]),
      ],
    };
    expect(summarise(report, { label: "unit", ci: true, root: "/repo" })).toEqual({
      line: "unit: 3 passed, 0 failed",
      problems: [],
    });
  });

  it("fails a CI run with a skipped or todo test, naming each with its file", () => {
    const report = {
      testResults: [
        file("test/a.test.ts", [
          { fullName: "a one", status: "passed" },
          { fullName: "image needs podman", status: "skipped" },
          { fullName: "later", status: "todo" },
        ]),
      ],
    };
    const ci = summarise(report, { label: "unit", ci: true, root: "/repo" });
    expect(ci.line).toBe("unit: 1 passed, 0 failed, 2 skipped");
    expect(ci.problems.join("\n")).toContain("2 tests were not run under CI=true");
    expect(ci.problems).toContain("  test/a.test.ts > image needs podman (skipped)");
    expect(ci.problems).toContain("  test/a.test.ts > later (todo)");
    // On a developer's machine the skips are counted in the line, not failed.
    expect(summarise(report, { label: "unit", ci: false, root: "/repo" }).problems).toEqual([]);
  });

  it("fails on a file that broke before its tests ran, and on a run where nothing ran", () => {
    const broken = {
      numFailedTests: 0,
      testResults: [
        file("test/a.test.ts", [{ fullName: "a", status: "passed" }]),
        { name: "/repo/test/e2e/x.e2e.ts", status: "failed", message: "Error: git is required\n  at …" },
      ],
    };
    expect(summarise(broken, { label: "e2e", ci: true, root: "/repo" }).problems).toEqual([
      "test/e2e/x.e2e.ts failed before its tests ran: Error: git is required",
    ]);
    expect(summarise({ testResults: [] }, { label: "e2e", ci: false }).problems).toEqual(["no test ran"]);
    const failed = summarise(
      { testResults: [file("test/a.test.ts", [{ fullName: "a", status: "failed" }], "failed")] },
      { label: "unit", ci: false, root: "/repo" },
    );
    expect(failed.line).toBe("unit: 0 passed, 1 failed");
    expect(failed.problems).toEqual(["1 test failed"]);
  });

  it("reads a real vitest JSON report: a planted skip in a CI run exits 1 and is named", () => {
    const work = tempDir("mlops-summary-");
    try {
      // The planted file is written here, not kept under test/, so the repository itself never
      // holds a skipping test.
      const modifier = ["sk", "ip"].join("");
      writeFileSync(
        join(work.dir, "planted.test.js"),
        [
          'it("counts", () => expect(1 + 1).toBe(2));',
          `it.${modifier}("needs a tool this machine lacks", () => {});`,
        ].join("\n"),
      );
      const reportPath = join(work.dir, "report.json");
      const run = spawnSync(
        process.execPath,
        [vitestBin, "run", "--root", work.dir, "--globals", "--reporter=json", `--outputFile=${reportPath}`],
        { encoding: "utf8", env: { ...process.env, CI: "true", VITEST_JSON_REPORT: "" } },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(readFileSync(reportPath, "utf8")).numPendingTests).toBe(1);

      const summary = spawnSync(process.execPath, [summaryScript, "--label", "unit", reportPath], {
        encoding: "utf8",
        cwd: work.dir,
        env: { ...process.env, CI: "true" },
      });
      expect(summary.status).toBe(1);
      expect(summary.stdout).toBe("unit: 1 passed, 0 failed, 1 skipped\n");
      expect(summary.stderr).toContain("planted.test.js > needs a tool this machine lacks (skipped)");

      const local = spawnSync(process.execPath, [summaryScript, reportPath], {
        encoding: "utf8",
        env: { ...process.env, CI: "false" },
      });
      expect(local.status).toBe(0);
    } finally {
      work.cleanup();
    }
  });
});
