import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const installHint = "bash scripts/ci/install-system-deps.sh installs it";

/** The first of `names` found on PATH (or given as an absolute path), else undefined. */
export function findTool(...names: string[]): string | undefined {
  for (const name of names) {
    if (name.startsWith("/")) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * A tool a test needs, or an error naming it and how to install it. Tests never skip for a missing
 * tool (a skipped test in CI hides a broken setup): call this where the test or its `beforeAll`
 * starts, so a missing tool fails exactly the tests that need it.
 */
export function requireTool(what: string, ...names: string[]): string {
  const found = findTool(...names);
  if (!found)
    throw new Error(`${what} is required, but none of ${names.join(", ")} is on PATH (${installHint})`);
  return found;
}

/**
 * The Chrome or Chromium headless tests launch, from scripts/ci/find-browser.sh: the same lookup
 * the install script uses to decide whether to install one (Google Chrome on GitHub's runner, where
 * Chromium would be a snap; Debian's chromium elsewhere).
 */
export function findBrowser(): string | undefined {
  const script = fileURLToPath(new URL("../../scripts/ci/find-browser.sh", import.meta.url));
  const found = spawnSync("bash", [script], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

export function requireBrowser(): string {
  const found = findBrowser();
  if (!found) {
    throw new Error(
      `Chrome or Chromium is required, but scripts/ci/find-browser.sh found none (set CHROME_BIN, or ${installHint})`,
    );
  }
  return found;
}
