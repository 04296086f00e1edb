import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Tests that drive the CLI run `bin/mlops.js`, which loads the compiled `lib/`. Compiling once
 * before any test (incremental, so quick when little changed) keeps them from testing stale code.
 * Type errors do not stop the run: tsc still emits, and `npm run typecheck` is what reports them.
 */
export default function buildOnce(): void {
  // CI runs the tests on pull_request, where remotes are read-only by design (a PR run must not
  // write objects or the run cache); the tests that exercise that rule set these themselves.
  delete process.env.GITHUB_EVENT_NAME;
  delete process.env.MLOPS_REMOTE_READ_ONLY;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const result = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (result.status !== 0)
    process.stderr.write(`tsc reported problems while building lib/:\n${result.stdout}`);
}
