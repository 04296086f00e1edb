import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";
import {
  type DocsRepo,
  docsPages,
  docsRepo,
  type PagePlan,
  planPage,
  runPage,
} from "./support/docs-pages.js";

/**
 * Every page of docs/, executed: each page's shell blocks run in page order in a fresh clone of this
 * repository with its own bare origin, its YAML blocks must parse, and a block is left out only by a
 * marker giving the reason (docs/development.md, "How the docs are tested").
 */
const pages = docsPages();
const plans: PagePlan[] = pages.map((p) => planPage(p));

describe("docs/ pages", () => {
  it("are all linked from the README, which stays short", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(pages.length).toBeGreaterThanOrEqual(12);
    // The README stays a front page: what it is, the quickstart, the flows, where to read on.
    expect(readme.split("\n").length).toBeLessThan(300);
    for (const page of pages)
      expect(readme, relative(repoRoot, page)).toContain(`](${relative(repoRoot, page)})`);
  });

  it("link only to files and headings that exist", () => {
    const slugs = (file: string) =>
      new Set(
        [...readFileSync(file, "utf8").matchAll(/^#+\s+(.*)$/gm)].map((m) =>
          (m[1] ?? "")
            .trim()
            .toLowerCase()
            .replace(/[^\w\- ]/g, "")
            .replaceAll(" ", "-"),
        ),
      );
    const broken: string[] = [];
    for (const file of [join(repoRoot, "README.md"), ...pages]) {
      for (const m of readFileSync(file, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1] ?? "";
        if (/^[a-z]+:/.test(link)) continue;
        const [path = "", anchor] = link.split("#");
        const target = path ? join(dirname(file), path) : file;
        if (!existsSync(target)) broken.push(`${relative(repoRoot, file)}: ${link}`);
        else if (anchor && target.endsWith(".md") && !slugs(target).has(anchor))
          broken.push(`${relative(repoRoot, file)}: ${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("leave blocks out only with a marker and a reason, and hand whole pages only to tests that exist and name them", () => {
    for (const plan of plans) {
      for (const block of plan.blocks)
        if (block.kind === "not-run")
          expect(block.reason.length, `${plan.page}:${block.line}`).toBeGreaterThan(10);
      if (plan.testedBy) {
        const test = join(repoRoot, plan.testedBy);
        expect(existsSync(test), `${plan.page} names ${plan.testedBy}`).toBe(true);
        expect(readFileSync(test, "utf8")).toContain(plan.page);
      }
    }
    // What needs GitHub runs against the double: `mlops doctor` reads a repository's settings.
    const github = plans.flatMap((p) => p.blocks.filter((b) => b.kind === "sh" && b.github));
    expect(github.map((b) => b.text).join("\n")).toContain("mlops doctor");
    // The pages with commands run them here, or in their own test; none is silently empty.
    const shellPages = plans.filter((p) => p.blocks.some((b) => b.kind === "sh"));
    expect(shellPages.map((p) => p.page)).toEqual(
      expect.arrayContaining([
        "docs/tracking-data.md",
        "docs/flows.md",
        "docs/pipelines.md",
        "docs/registry.md",
        "docs/serving-and-deployment.md",
      ]),
    );
  });

  for (const plan of plans.filter((p) => !p.testedBy && p.blocks.length > 0)) {
    describe(plan.page, () => {
      let repo: DocsRepo | undefined;
      beforeAll(() => {
        if (plan.blocks.some((b) => b.kind === "sh")) repo = docsRepo();
      });
      afterAll(() => repo?.cleanup());

      it("runs every shell block as written, in order, and every YAML block parses", async () => {
        const result = await runPage(plan, repo ?? { dir: tmpdir(), env: {}, cleanup: () => {} });
        expect(result.failure).toBeUndefined();
        for (const n of result.notRun) console.log(`not run: ${n.where}: ${n.reason}`);
        expect(result.ran + result.parsed + result.notRun.length).toBe(plan.blocks.length);
      }, 240_000);
    });
  }
});

describe("the docs harness", () => {
  let scratch: string;
  let repo: DocsRepo;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "mlops-docs-planted-"));
    repo = docsRepo();
  });
  afterAll(() => {
    repo?.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("fails on a wrong flag planted in a copy of a page, naming the page and line of the block", async () => {
    const page = join(scratch, "docs", "validation-and-drift.md");
    const original = join(repoRoot, "docs/validation-and-drift.md");
    rmSync(join(scratch, "docs"), { recursive: true, force: true });
    mkdirSync(join(scratch, "docs"));
    copyFileSync(original, page);
    const lines = readFileSync(page, "utf8").split("\n");
    const at = lines.findIndex((l) => l.startsWith("```sh"));
    lines.splice(at, 0, "```sh", "mlops data add --no-such-flag x", "```", "");
    writeFileSync(page, lines.join("\n"));
    const plan = { ...planPage(page), page: "docs/validation-and-drift.md" };
    const result = await runPage(plan, repo);
    expect(result.failure).toMatch(new RegExp(`^docs/validation-and-drift\\.md:${at + 1}: exit [12]\\n`));
    expect(result.failure).toContain("mlops data add --no-such-flag x");
    expect(result.failure).toMatch(/no-such-flag/);
    expect(result.ran).toBe(0);
  });

  it("refuses a not-run marker with no reason, naming its line", () => {
    const page = join(scratch, "bare-marker.md");
    writeFileSync(page, "# x\n\n<!-- docs: not-run -->\n```sh\nfalse\n```\n");
    expect(() => planPage(page)).toThrow(/bare-marker\.md:3: a not-run marker must give its reason/);
  });
});
