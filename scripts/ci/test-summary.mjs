#!/usr/bin/env node
// Reads the JSON report vitest writes and prints the one plain line CI readers look for:
//   unit: 812 passed, 0 failed
// It fails (exit 1) when a test failed, when a file failed before its tests ran (an import error
// shows as a failed file with no failed test), when no test ran at all, and, under CI=true, when any
// test was skipped or left as a todo: a skip in CI hides exactly what CI is for, so each one is named.
//
//   node scripts/ci/test-summary.mjs [--label NAME] REPORT.json
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * @typedef {object} AssertionResult
 * @property {string} [fullName]
 * @property {string} [title]
 * @property {string} status   passed, failed, skipped, pending, todo or disabled
 */

/**
 * @typedef {object} FileResult
 * @property {string} name     the test file's absolute path
 * @property {string} [status]
 * @property {string} [message]
 * @property {AssertionResult[]} [assertionResults]
 */

/**
 * @typedef {object} VitestJsonReport
 * @property {number} [numPassedTests]
 * @property {number} [numFailedTests]
 * @property {FileResult[]} [testResults]
 */

const notRun = new Set(["skipped", "pending", "todo", "disabled"]);

/**
 * The summary line and every reason the run is not green.
 * @param {VitestJsonReport} report
 * @param {{ label: string, ci: boolean, root?: string }} options
 * @returns {{ line: string, problems: string[] }}
 */
export function summarise(report, { label, ci, root = process.cwd() }) {
  const files = report.testResults ?? [];
  /** @type {string[]} */
  const problems = [];
  let passed = 0;
  let failed = 0;
  /** @type {string[]} */
  const skipped = [];
  for (const file of files) {
    const where = relative(root, file.name) || file.name;
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === "passed") passed++;
      else if (t.status === "failed") failed++;
      else if (notRun.has(t.status))
        skipped.push(`${where} > ${t.fullName ?? t.title ?? "(unnamed)"} (${t.status})`);
    }
    if (file.status === "failed" && !tests.some((t) => t.status === "failed")) {
      const first = (file.message ?? "").split("\n")[0] || "no message";
      problems.push(`${where} failed before its tests ran: ${first}`);
    }
  }
  // Trust the report's own totals when they are larger (they count tests of files that crashed).
  passed = Math.max(passed, report.numPassedTests ?? 0);
  failed = Math.max(failed, report.numFailedTests ?? 0);
  if (failed > 0) problems.push(`${failed} test${failed === 1 ? "" : "s"} failed`);
  if (passed + failed === 0) problems.push("no test ran");
  if (ci && skipped.length > 0) {
    problems.push(
      `${skipped.length} test${skipped.length === 1 ? " was" : "s were"} not run under CI=true (no test may skip in CI: make it fail when what it needs is missing):`,
      ...skipped.map((s) => `  ${s}`),
    );
  }
  const skippedPart = skipped.length > 0 ? `, ${skipped.length} skipped` : "";
  return { line: `${label}: ${passed} passed, ${failed} failed${skippedPart}`, problems };
}

/** @param {string[]} argv */
function main(argv) {
  let label = "tests";
  /** @type {string | undefined} */
  let file;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--label") label = argv[++i] ?? label;
    else file = argv[i];
  }
  if (!file) {
    console.error("usage: node scripts/ci/test-summary.mjs [--label NAME] REPORT.json");
    return 2;
  }
  /** @type {VitestJsonReport} */
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    console.error(
      `${label}: cannot read the vitest JSON report ${file}: ${/** @type {Error} */ (err).message}`,
    );
    return 1;
  }
  const { line, problems } = summarise(report, { label, ci: process.env.CI === "true" });
  console.log(line);
  for (const p of problems) console.error(`${label}: ${p}`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
