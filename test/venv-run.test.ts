import { spawnSync } from "node:child_process";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";
import { tempDir } from "./support/repo.js";

const script = join(repoRoot, "scripts/python/venv-run.sh");

describe("scripts/python/venv-run.sh (the Python stages' environment)", () => {
  let work: { dir: string; cleanup: () => void };
  beforeAll(() => {
    work = tempDir();
    writeFileSync(join(work.dir, "requirements.txt"), "# nothing\n");
  });
  afterAll(() => work.cleanup());

  it("says what is missing, and how to install it, when python3 is not on PATH", () => {
    const bin = join(work.dir, "bin");
    spawnSync("mkdir", [bin]);
    // A PATH with a shell and nothing else: no python3.
    symlinkSync("/bin/sh", join(bin, "sh"));
    const result = spawnSync(join(bin, "sh"), [script, "requirements.txt", "python", "-c", "print(1)"], {
      cwd: work.dir,
      env: { PATH: bin },
      encoding: "utf8",
    });
    expect(result.status).toBe(127);
    expect(result.stderr).toContain("python3 was not found on PATH");
    expect(result.stderr).toContain("apt-get install python3 python3-venv");
  });

  it("refuses a requirements file that does not exist", () => {
    const result = spawnSync("sh", [script, "nope.txt", "true"], { cwd: work.dir, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("requirements file 'nope.txt' not found");
  });
});
