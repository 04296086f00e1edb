import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";

describe("docs/cli.md", () => {
  it("carries the CLI reference generated from the commands themselves (run `npm run docs` when this fails)", async () => {
    const { cliReference, END, START } = (await import(join(repoRoot, "scripts/docs/cli-reference.mjs"))) as {
      cliReference: () => string;
      START: string;
      END: string;
    };
    const page = readFileSync(join(repoRoot, "docs/cli.md"), "utf8");
    expect(page.indexOf(START)).toBeGreaterThan(0);
    const section = page.slice(page.indexOf(START) + START.length, page.indexOf(END)).trim();
    expect(section).toBe(cliReference());
    for (const verb of [
      "run",
      "data add",
      "data import",
      "data pull",
      "remote add",
      "gc",
      "schema",
      "check",
    ]) {
      expect(section).toContain(`### \`mlops ${verb}`);
    }
  });

  it("is linked from the README, which no longer carries a copy", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(readme).toContain("(docs/cli.md)");
    expect(readme).not.toContain("cli-reference:start");
  });
});
