import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";
import { tempDir } from "./support/repo.js";
import { requireTool } from "./support/tools.js";

const script = join(repoRoot, "scripts/ci/find-browser.sh");
const bash = requireTool("bash", "bash");

/**
 * Runs the lookup with PATH holding only `bin` and the few tools the script calls, so a browser
 * installed on this machine (or on GitHub's runner) cannot answer instead of the ones a test plants.
 */
function lookup(work: string, bin: string, env: Record<string, string> = {}) {
  const tools = join(work, "tools");
  if (!existsSync(tools)) {
    mkdirSync(tools);
    for (const tool of ["readlink", "head", "grep"]) {
      const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
      symlinkSync(found, join(tools, tool));
    }
  }
  return spawnSync(bash, [script], { encoding: "utf8", env: { PATH: `${bin}:${tools}`, ...env } });
}

function executable(path: string, text: string): string {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
  return path;
}

describe("the browser lookup shared by the install script and the tests (scripts/ci/find-browser.sh)", () => {
  it("prefers CHROME_BIN (GitHub's runner sets it), then Google Chrome, then Chromium", () => {
    const work = tempDir("mlops-browser-");
    try {
      const bin = join(work.dir, "bin");
      mkdirSync(bin);
      expect(lookup(work.dir, bin).status).toBe(1);
      const chromium = executable(join(bin, "chromium"), "#!/bin/sh\nexit 0\n");
      expect(lookup(work.dir, bin).stdout).toBe(`${chromium}\n`);
      // Google's own launcher is a shell script too; only one that starts a snap is refused.
      const chrome = executable(
        join(bin, "google-chrome"),
        '#!/bin/bash\nexec /opt/google/chrome/chrome "$@"\n',
      );
      expect(lookup(work.dir, bin).stdout).toBe(`${chrome}\n`);
      const pinned = executable(join(work.dir, "my-chrome"), "#!/bin/sh\nexit 0\n");
      expect(lookup(work.dir, bin, { CHROME_BIN: pinned }).stdout).toBe(`${pinned}\n`);
      // A CHROME_BIN that is not there falls through to the rest of the order.
      expect(lookup(work.dir, bin, { CHROME_BIN: join(work.dir, "absent") }).stdout).toBe(`${chrome}\n`);
    } finally {
      work.cleanup();
    }
  });

  it("refuses Ubuntu's snap Chromium: the stub script that starts the snap, and a link to a snap", () => {
    const work = tempDir("mlops-browser-");
    try {
      const bin = join(work.dir, "bin");
      mkdirSync(bin);
      executable(join(bin, "chromium-browser"), '#!/bin/sh\nexec /snap/bin/chromium "$@"\n');
      symlinkSync("/snap/bin/chromium", join(bin, "chromium"));
      const none = lookup(work.dir, bin);
      expect(none.status).toBe(1);
      expect(none.stdout).toBe("");
    } finally {
      work.cleanup();
    }
  });
});
