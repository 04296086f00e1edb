import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

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
});
