import { defineConfig } from "vitest/config";

// As in vitest.config.ts: CI asks for a JSON report too (scripts/ci/test-summary.mjs reads it).
const jsonReport = process.env.VITEST_JSON_REPORT;

// `npm run e2e`: the lifecycle scenario (test/e2e), one file at a time, each step a real workflow run
// with `npm ci` and the pipelines in it, so minutes rather than seconds.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/global-setup.ts"],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: jsonReport ? ["default", "json"] : ["default"],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
