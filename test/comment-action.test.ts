import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../src/report/index.js";
import { repoRoot } from "./support/cli.js";
import { type GitHubDouble, startGitHubDouble } from "./support/github-double/index.js";
import { tempDir } from "./support/repo.js";

const bundle = join(repoRoot, "actions/comment/dist/index.js");
const owner = "acme";
const repo = "models";

function report(rmse: number, extra: Partial<ReportDocument["pipelines"][number]> = {}): ReportDocument {
  return {
    schema: "mlops-report/1",
    head: { ref: "feature", sha: "a".repeat(40) },
    base: { ref: "main", sha: "b".repeat(40) },
    data: [],
    drift: [],
    pipelines: [
      {
        pipeline: "fuel-efficiency",
        metrics: [
          {
            file: "pipelines/fuel-efficiency/metrics.json",
            metric: "rmse",
            head: rmse,
            base: 2.5,
            direction: "lower",
          },
        ],
        params: [],
        gates: [],
        validation: [],
        confusion: [],
        residuals: [],
        ...extra,
      },
    ],
  };
}

interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
}

/** Runs the committed bundle as the runner does: INPUT_*, the event file, GITHUB_OUTPUT, the API URL. */
function runAction(
  work: string,
  double: GitHubDouble,
  event: { name: string; payload: Record<string, unknown> },
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const eventPath = join(work, `event-${Date.now()}-${Math.random()}.json`);
  const outputPath = join(work, `output-${Date.now()}-${Math.random()}.txt`);
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(outputPath, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: double.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "999",
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: join(work, "summary.md"),
    GITHUB_WORKSPACE: work,
    RUNNER_TEMP: work,
    ACTIONS_RESULTS_URL: double.resultsUrl,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], { cwd: work, env });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const outputs: Record<string, string> = {};
      const text = readFileSync(outputPath, "utf8");
      for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
        outputs[m[1] as string] = m[3] as string;
      resolve({ code: code ?? -1, stdout, outputs });
    });
  });
}

let double: GitHubDouble;
let work: string;
let cleanup: () => void;
beforeAll(async () => {
  double = await startGitHubDouble();
  double.addRepo(owner, repo, { defaultBranch: "main" });
  ({ dir: work, cleanup } = tempDir("mlops-comment-"));
}, 120_000);
afterAll(async () => {
  await double?.close();
  cleanup?.();
});

describe("the comment action (dist/index.js, as the runner runs it)", () => {
  it("creates one comment, edits it when the report changes, and writes nothing when it does not", {
    timeout: 120_000,
  }, async () => {
    const pr = double.addPullRequest(owner, repo, { headRef: "feature" });
    // Someone typed our marker by hand: not our comment, never edited.
    double.addComment(owner, repo, pr.number, {
      body: "<!-- mlops-report -->\nlooks good",
      author: double.accounts.user.login,
    });
    const payload = double.webhookPayload("pull_request", "synchronize", {
      owner,
      repo,
      pullRequest: pr.number,
    });
    const file = join(work, "report.json");
    const writes = () => double.requests.filter((r) => r.method === "POST" || r.method === "PATCH").length;

    writeFileSync(file, JSON.stringify(report(2.41)));
    const first = await runAction(
      work,
      double,
      { name: "pull_request", payload },
      { token: double.tokens.bot, report: file },
    );
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ action: "created", "pull-request": String(pr.number) });
    let ours = double
      .comments(owner, repo, pr.number)
      .filter((c) => c.user.login === double.accounts.bot.login);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body.startsWith("<!-- mlops-report -->\n")).toBe(true);
    expect(ours[0]?.body).toContain("| rmse ↓ | 2.41 | 2.5 |");
    // A branch of this repository: no fork notice.
    expect(ours[0]?.body).not.toMatch(/comes from the fork/);

    writeFileSync(file, JSON.stringify(report(2.2)));
    const second = await runAction(
      work,
      double,
      { name: "pull_request", payload },
      { token: double.tokens.bot, report: file },
    );
    expect(second.outputs).toMatchObject({ action: "updated", "comment-id": first.outputs["comment-id"] });
    ours = double.comments(owner, repo, pr.number).filter((c) => c.user.login === double.accounts.bot.login);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain("| rmse ↓ | 2.2 | 2.5 |");
    expect(double.comments(owner, repo, pr.number)[0]?.body).toBe("<!-- mlops-report -->\nlooks good");

    const before = writes();
    const third = await runAction(
      work,
      double,
      { name: "pull_request", payload },
      { token: double.tokens.bot, report: file },
    );
    expect(third.outputs).toMatchObject({ action: "unchanged" });
    expect(writes()).toBe(before);
    // Every call went through the OpenAPI-checked REST surface, and none broke the contract.
    const operations = new Set(double.requests.map((r) => r.operationId));
    for (const op of ["issues/list-comments", "issues/create-comment", "issues/update-comment"])
      expect(operations).toContain(op);
    expect(double.violations).toEqual([]);
  });

  it("comments a fork's PR from the workflow_run path, through the artifact, escaped", {
    timeout: 120_000,
  }, async () => {
    const pr = double.addPullRequest(owner, repo, { headRef: "patch-1", fromFork: "forker" });
    const run = double.addWorkflowRun(owner, repo, {
      event: "pull_request",
      pullRequest: pr.number,
      conclusion: "success",
    });
    const hostile = '<!-- mlops-report --> <img src=x onerror="alert(1)"> [x](https://evil.example) @octocat';
    await uploadAsPullRequestJob(
      run.backendId,
      report(2.3, { gates: [{ model: "m", stage: "prod", gate: hostile, passed: false, detail: hostile }] }),
    );
    const payload = double.webhookPayload("workflow_run", "completed", { owner, repo, runId: run.id });
    const result = await runAction(
      work,
      double,
      { name: "workflow_run", payload },
      { token: double.tokens.bot, artifact: "mlops-report" },
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ action: "created", "pull-request": String(pr.number) });
    const comments = double.comments(owner, repo, pr.number);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body.indexOf("<!--")).toBe(0);
    expect(body.lastIndexOf("<!--")).toBe(0);
    expect(body).not.toMatch(/<img|\]\(https|@octocat/);
    // Before any figure, the reader learns who computed them: the fork's own code.
    const payloadRun = payload.workflow_run as { head_repository: { full_name: string } };
    expect(payloadRun.head_repository.full_name).toBe(`forker/${repo}`);
    const notice = body.indexOf(
      "comes from the fork forker/models: the figures below were computed by the pull request's own code",
    );
    expect(notice, body.slice(0, 600)).toBeGreaterThan(0);
    expect(notice).toBeLessThan(body.indexOf("## mlops report"));
    const operations = new Set(double.requests.map((r) => r.operationId));
    for (const op of ["pulls/list", "actions/list-workflow-run-artifacts", "actions/download-artifact"])
      expect(operations).toContain(op);
    expect(double.violations).toEqual([]);
  });

  it("refuses an oversized or malformed artifact with a message and writes no comment", {
    timeout: 120_000,
  }, async () => {
    for (const [bytes, message] of [
      [Buffer.alloc(1_200_000, 32), /more than the 1000000 accepted/],
      [Buffer.from(JSON.stringify({ ...report(1), schema: "evil/9" })), /does not match mlops-report\/1/],
    ] as const) {
      const pr = double.addPullRequest(owner, repo, {
        headRef: `bad-${Math.random().toString(36).slice(2)}`,
        fromFork: "forker",
      });
      const run = double.addWorkflowRun(owner, repo, {
        event: "pull_request",
        pullRequest: pr.number,
        conclusion: "success",
      });
      await uploadAsPullRequestJob(run.backendId, bytes);
      const payload = double.webhookPayload("workflow_run", "completed", { owner, repo, runId: run.id });
      const result = await runAction(
        work,
        double,
        { name: "workflow_run", payload },
        { token: double.tokens.bot },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(message);
      expect(double.comments(owner, repo, pr.number)).toHaveLength(0);
    }
    expect(double.violations).toEqual([]);
  });
});

/** What pr.yml's upload step does: the real @actions/artifact client against the double's results service. */
async function uploadAsPullRequestJob(backendId: string, content: ReportDocument | Buffer): Promise<void> {
  const dir = join(work, `upload-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "report.json");
  writeFileSync(file, Buffer.isBuffer(content) ? content : JSON.stringify(content));
  const saved = { url: process.env.ACTIONS_RESULTS_URL, token: process.env.ACTIONS_RUNTIME_TOKEN };
  process.env.ACTIONS_RESULTS_URL = double.resultsUrl;
  process.env.ACTIONS_RUNTIME_TOKEN = double.runtimeToken(backendId, "job-1");
  try {
    const { DefaultArtifactClient } = await import("@actions/artifact");
    await new DefaultArtifactClient().uploadArtifact("mlops-report", [file], dir);
  } finally {
    if (saved.url === undefined) delete process.env.ACTIONS_RESULTS_URL;
    else process.env.ACTIONS_RESULTS_URL = saved.url;
    if (saved.token === undefined) delete process.env.ACTIONS_RUNTIME_TOKEN;
    else process.env.ACTIONS_RUNTIME_TOKEN = saved.token;
  }
}
