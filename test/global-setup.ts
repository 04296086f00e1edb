import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Tests that drive the CLI run `bin/mlops.js`, which loads the compiled `lib/`. Compiling once
 * before any test (file by file, without type checking: a few seconds) keeps them from testing
 * stale code. Type errors are `npm run typecheck`'s to report.
 */
export default function buildOnce(): void {
  // CI runs the tests on pull_request, where remotes are read-only by design (a PR run must not
  // write objects or the run cache); the tests that exercise that rule set these themselves.
  delete process.env.GITHUB_EVENT_NAME;
  delete process.env.MLOPS_REMOTE_READ_ONLY;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const result = spawnSync(process.execPath, ["scripts/build-lib.mjs"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) process.stderr.write(`building lib/ failed:\n${result.stderr}`);
}
