import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
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

  // pip's --require-hashes: a pin without a hash stops the install before anything is downloaded.
  // (A file whose bytes differ from a listed hash is refused by pip in any case once hashes are
  // there; what the flag adds is that a requirement cannot go without one.)
  it("refuses a requirement pinned without a hash", () => {
    writeFileSync(join(work.dir, "unhashed.txt"), "six==1.17.0\n");
    const result = spawnSync("sh", [script, "unhashed.txt", "python", "-c", "import six"], {
      cwd: work.dir,
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Hashes are required in --require-hashes mode/);
  });
});

describe("the repository's requirements files", () => {
  const files = execFileSync("git", ["ls-files", "*requirements*.txt"], { cwd: repoRoot, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);

  it("are found", () => {
    expect(files).toContain("scripts/compare/requirements.txt");
  });

  // What --require-hashes needs, checked without a network: each requirement (a line joined with its
  // `\` continuations) is `name==version` with at least one sha256.
  it.each(files)("%s pins every package with == and its sha256 hashes", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8").replace(/\\\n/g, " ");
    const requirements = text
      .split("\n")
      .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
      .filter(Boolean);
    expect(requirements.length, `${file} has no requirement`).toBeGreaterThan(0);
    for (const line of requirements) {
      expect(line, `${file}: ${line.split(" ")[0]}`).toMatch(
        /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[^\s]+(\s+--hash=sha256:[0-9a-f]{64})+$/,
      );
    }
  });
});
