import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";

describe("README", () => {
  it("carries the CLI reference generated from the commands themselves (run `npm run docs` when this fails)", async () => {
    const { cliReference, END, START } = (await import(join(repoRoot, "scripts/docs/cli-reference.mjs"))) as {
      cliReference: () => string;
      START: string;
      END: string;
    };
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
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
});
