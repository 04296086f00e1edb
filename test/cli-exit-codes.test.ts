import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/cli.js";

const outside = mkdtempSync(join(tmpdir(), "mlops-cli-"));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe("the mlops command line", () => {
  it("prints help and exits 0", () => {
    const r = runCli(["--help"], { cwd: outside });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: mlops");
  });

  it("exits 2 on an unknown verb and says how to get usage", () => {
    const r = runCli(["no-such-verb"], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--help/);
  });

  it("exits 2 with a JSON error on stdout when --json is given and the usage is wrong", () => {
    const r = runCli(["--json", "--no-such-flag"], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ ok: false, error: { code: "usage" } });
  });

  it("ends quietly with SIGPIPE's status when the reader of its output goes away (mlops … | head)", async () => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/mlops.js"), "--help"], {
      cwd: outside,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Closed before the process has started up, so its first write finds no reader.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, "close")) as [number | null];
    expect(stderr).toBe("");
    expect(code).toBe(141);
  });
});
