import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  evaluateCondition,
  evaluateExpression,
  type RunOptions,
  runWorkflow,
  runWorkflowJob,
} from "../scripts/e2e/workflow-runner.mjs";
import { repoRoot } from "./support/cli.js";
import { startGitHttpServer } from "./support/git-http-server.js";
import { startGitHubDouble } from "./support/github-double/index.js";
import { gitIn, tempDir, tempRepo } from "./support/repo.js";

// The harness the end-to-end scenario runs our workflows with (no GitHub runner on this machine).
// Every case writes a small workflow into a temp directory and runs it for real: bash, node, git.

let work: { dir: string; cleanup: () => void };
let counter = 0;

beforeAll(() => {
  work = tempDir("mlops-runner-");
});
afterAll(() => work.cleanup());

const pushPayload = (ref = "refs/heads/main", after = "0".repeat(40)) => ({
  ref,
  after,
  repository: { full_name: "octo/models", default_branch: "main", id: 7 },
  sender: { login: "octocat" },
  commits: [],
});

/** A workflow file and a fresh workspace for it. */
function workflow(text: string): { workflowPath: string; workspace: string } {
  counter += 1;
  const dir = join(work.dir, `case-${counter}`);
  mkdirSync(join(dir, "workspace"), { recursive: true });
  const workflowPath = join(dir, "wf.yml");
  writeFileSync(workflowPath, text);
  return { workflowPath, workspace: join(dir, "workspace") };
}

/** The message a person sees (`file:line: …`) for a run that must be refused. */
async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (err) {
    return (err as { toUserString(): string }).toUserString();
  }
  throw new Error("expected the run to be refused");
}

function pushRun(text: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { ...workflow(text), event: { name: "push", payload: pushPayload() }, ...extra };
}

describe("expressions", () => {
  const scope = {
    contexts: {
      github: {
        event_name: "push",
        ref: "refs/heads/main",
        event: { pull_request: null, labels: ["A", "b"] },
      },
      env: { N: "3" },
      steps: { build: { outputs: { json: '{"a":[1,2]}' }, outcome: "failure" } },
    },
    where: "test",
  };

  it("follows GitHub's loose comparison and returns operands from && and ||", () => {
    expect(evaluateExpression("'ABC' == 'abc'", scope)).toBe(true);
    expect(evaluateExpression("env.N == 3 && env.N > 2.5", scope)).toBe(true);
    expect(evaluateExpression("github.event.pull_request.number || 'none'", scope)).toBe("none");
    expect(evaluateExpression("github.event_name == 'push' && 'yes' || 'no'", scope)).toBe("yes");
    expect(evaluateExpression("!(github.ref != 'refs/heads/main')", scope)).toBe(true);
    expect(evaluateExpression("null == 0 && '' == 0 && true == 1", scope)).toBe(true);
    expect(evaluateExpression("github['event_name']", scope)).toBe("push");
    expect(evaluateExpression("GITHUB.Event_Name", scope)).toBe("push");
  });

  it("implements the functions our workflows use", () => {
    expect(evaluateExpression("startsWith(github.ref, 'refs/HEADS/')", scope)).toBe(true);
    expect(evaluateExpression("endsWith(github.ref, '/main')", scope)).toBe(true);
    expect(evaluateExpression("contains(github.event.labels, 'a')", scope)).toBe(true);
    expect(evaluateExpression("contains('refs/tags/v1', 'tags')", scope)).toBe(true);
    expect(evaluateExpression("format('{0}-{{x}}-{1}', 'pr', 12)", scope)).toBe("pr-{x}-12");
    expect(evaluateExpression("fromJSON(steps.build.outputs.json).a[1]", scope)).toBe(2);
    expect(evaluateExpression("toJSON(fromJSON('[1]'))", scope)).toBe("[\n  1\n]");
    expect(evaluateExpression("join(github.event.labels, '+')", scope)).toBe("A+b");
  });

  it("wraps an if: without a status function in success(), as the runner does", () => {
    const failed = { success: () => false, failure: () => true, cancelled: () => false };
    const s = { ...scope, status: failed };
    expect(evaluateCondition("steps.build.outcome == 'failure'", s)).toBe(false);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(evaluateCondition("${{ failure() && steps.build.outcome == 'failure' }}", s)).toBe(true);
    expect(evaluateCondition("always()", s)).toBe(true);
  });

  it("names the place of an unknown context or function", () => {
    expect(() => evaluateExpression("secret.TOKEN", scope)).toThrow(/test: unknown context 'secret'/);
    expect(() => evaluateExpression("hashFiles('x')", scope)).toThrow(/test: unknown function 'hashFiles'/);
    expect(() => evaluateExpression("github.ref ==", scope)).toThrow(/test: unexpected the end/);
  });
});

describe("runWorkflowJob", () => {
  it("passes outputs, GITHUB_ENV and GITHUB_PATH between steps and evaluates job outputs at the end", async () => {
    const result = await runWorkflowJob({
      ...pushRun(`
on: push
env: { WHO: world }
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      greeting: \${{ steps.say.outputs.greeting }}
      notes: \${{ steps.say.outputs.notes }}
    steps:
      - id: say
        run: |
          echo "greeting=hello \${{ env.WHO }} on \${{ github.ref_name }}" >> "$GITHUB_OUTPUT"
          printf 'notes<<EOF_1\\nline one\\nline=two\\nEOF_1\\n' >> "$GITHUB_OUTPUT"
          echo "FROM_STEP=set-by-say" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool-ran\\n' > "$RUNNER_TEMP/bin/mytool"
          chmod +x "$RUNNER_TEMP/bin/mytool" && echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
          echo "## Built" >> "$GITHUB_STEP_SUMMARY"
      - id: use
        env:
          FROM_EXPR: \${{ env.FROM_STEP }}
        run: |
          echo "seen=$FROM_STEP/$FROM_EXPR/\${{ steps.say.outputs.greeting }}/$(mytool)" >> "$GITHUB_OUTPUT"
          echo "ci=$CI actions=$GITHUB_ACTIONS event=$GITHUB_EVENT_NAME sha=$GITHUB_SHA" >> "$GITHUB_OUTPUT"
          test "$(node -p 'require(process.env.GITHUB_EVENT_PATH).sender.login')" = octocat
`),
      job: "build",
    });
    expect(result.conclusion).toBe("success");
    const [say, use] = result.steps;
    expect(say?.outputs.notes).toBe("line one\nline=two");
    expect(use?.outputs.seen).toBe("set-by-say/set-by-say/hello world on main/tool-ran");
    expect(use?.outputs.ci).toBe(`true actions=true event=push sha=${"0".repeat(40)}`);
    expect(result.outputs).toEqual({ greeting: "hello world on main", notes: "line one\nline=two" });
    expect(result.summary).toContain("## Built");
    expect(say?.summary).toBe("## Built\n");
  });

  it("runs failure() and always() steps after a failure, and continue-on-error keeps the job going", async () => {
    const result = await runWorkflowJob({
      ...pushRun(`
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - id: flaky
        continue-on-error: true
        run: exit 4
      - id: after-flaky
        if: steps.flaky.outcome == 'failure'
        run: echo "still running"
      - id: broken
        run: |
          echo "::error file=data/cars.dvc,line=3,title=bad%2C really::hash mismatch%0Asecond line"
          exit 1
      - id: skipped
        run: echo "never"
      - id: on-failure
        if: failure()
        run: echo "cleanup=yes" >> "$GITHUB_OUTPUT"
      - id: always
        if: \${{ always() }}
        run: echo "status=\${{ job.status }}" >> "$GITHUB_OUTPUT"
`),
      job: "j",
    });
    const byId = Object.fromEntries(result.steps.map((s) => [s.id, s]));
    expect(byId.flaky).toMatchObject({ outcome: "failure", conclusion: "success", exitCode: 4 });
    expect(byId["after-flaky"]?.outcome).toBe("success");
    expect(byId.broken).toMatchObject({ outcome: "failure", conclusion: "failure", error: "exit code 1" });
    expect(byId.broken?.annotations).toEqual([
      {
        level: "error",
        message: "hash mismatch\nsecond line",
        file: "data/cars.dvc",
        line: 3,
        title: "bad, really",
      },
    ]);
    expect(byId.skipped?.outcome).toBe("skipped");
    expect(byId["on-failure"]?.outputs.cleanup).toBe("yes");
    expect(byId.always?.outputs.status).toBe("failure");
    expect(result.conclusion).toBe("failure");
  });

  it("masks secrets, the token and ::add-mask:: values in the captured log", async () => {
    const result = await runWorkflowJob({
      ...pushRun(`
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "secret=\${{ secrets.DEPLOY_KEY }} token=\${{ github.token }}"
          echo "::add-mask::generated-42"
          echo "later generated-42 again"
          echo "::set-output name=x::old"
`),
      job: "j",
      secrets: { DEPLOY_KEY: "s3cr3t-value" },
      token: "ghs_tokenvalue",
    });
    const log = result.steps[0]?.log ?? "";
    expect(log).toContain("secret=*** token=***");
    expect(log).toContain("later *** again");
    expect(log).not.toMatch(/s3cr3t|ghs_token|generated-42/);
    expect(result.steps[0]?.outputs).toEqual({});
    expect(result.steps[0]?.annotations[0]?.message).toMatch(/::set-output::/);
  });

  it("records permissions, environment and concurrency, and hands the permissions to the token source", async () => {
    const seen: Record<string, string>[] = [];
    const result = await runWorkflowJob({
      ...pushRun(`
on: push
permissions:
  contents: read
concurrency:
  group: promote-\${{ github.ref }}
  cancel-in-progress: false
jobs:
  promote:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write
      deployments: write
    environment:
      name: staging
      url: \${{ steps.d.outputs.url }}
    steps:
      - id: d
        run: echo "url=https://staging.example/\${{ vars.MODEL }}?k=\${{ secrets.ENV_ONLY }}" >> "$GITHUB_OUTPUT"
`),
      job: "promote",
      token: ({ permissions }) => {
        seen.push(permissions);
        return `token-for-${permissions.contents}`;
      },
      environments: { staging: { vars: { MODEL: "cars" }, secrets: { ENV_ONLY: "e" } } },
    });
    expect(result.permissions).toMatchObject({
      contents: "write",
      deployments: "write",
      packages: "none",
      metadata: "read",
    });
    expect(seen).toEqual([result.permissions]);
    expect(result.token).toBe("token-for-write");
    expect(result.environment).toEqual({ name: "staging", url: "https://staging.example/cars?k=e" });
    expect(result.concurrency.workflow).toEqual({
      group: "promote-refs/heads/main",
      cancelInProgress: false,
    });
    expect(result.timeoutMinutes).toBe(30);
  });

  it("stops a step at its timeout and fails it", async () => {
    const result = await runWorkflowJob({
      ...pushRun(`
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - timeout-minutes: 0.01
        run: sleep 30
`),
      job: "j",
    });
    expect(result.steps[0]).toMatchObject({ outcome: "failure", error: "timed out after 1 s" });
    expect(result.steps[0]?.duration_ms).toBeLessThan(10_000);
  });

  it("refuses an event the workflow does not listen to, naming the filter", async () => {
    const text = `
on:
  push:
    branches: [main, 'release/**']
    tags: ['v*']
  pull_request:
    branches: [main]
jobs:
  j: { runs-on: ubuntu-latest, steps: [{ run: "true" }] }
`;
    expect(
      await refusal(
        runWorkflowJob({
          ...workflow(text),
          job: "j",
          event: { name: "push", payload: pushPayload("refs/heads/feature") },
        }),
      ),
    ).toMatch(
      /wf\.yml:3: the push event on refs\/heads\/feature does not start this workflow: branch 'feature' does not match on\.push\.branches: \[main, release\/\*\*\]/,
    );
    await expect(
      runWorkflowJob({ ...workflow(text), job: "j", event: { name: "schedule", payload: pushPayload() } }),
    ).rejects.toThrow(/listens to push, pull_request/);
    const closed = {
      action: "closed",
      number: 5,
      pull_request: { number: 5, base: { ref: "main" }, head: { ref: "x", sha: "1".repeat(40) } },
      repository: { full_name: "o/r" },
    };
    await expect(
      runWorkflowJob({ ...workflow(text), job: "j", event: { name: "pull_request", payload: closed } }),
    ).rejects.toThrow(/activity type 'closed' is not in on\.pull_request\.types/);
    for (const ref of ["refs/tags/v1.0.0", "refs/heads/release/2024/q1"]) {
      const ok = await runWorkflowJob({
        ...workflow(text),
        job: "j",
        event: { name: "push", payload: pushPayload(ref) },
      });
      expect(ok.conclusion).toBe("success");
    }
  });

  it("names the file, line and step of an unknown context, and refuses an action it cannot replace", async () => {
    expect(
      await refusal(
        runWorkflowJob({
          ...pushRun(`
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: "true"
      - name: Report
        with:
          base: \${{ matrix.base }}-\${{ nope.x }}
        run: "true"
`),
          job: "j",
        }),
      ),
    ).toMatch(/wf\.yml:10: jobs\.j\.steps\[1\] "Report" with\.base: unknown context 'nope'/);
    expect(
      await refusal(
        runWorkflowJob({
          ...pushRun(`
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3
`),
          job: "j",
        }),
      ),
    ).toMatch(/wf\.yml:7: .*no local equivalent for docker\/login-action/);
  });

  it("runs a local node action with INPUT_* from with: and evaluated defaults, then its post step with its state", async () => {
    const run = pushRun(
      `
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - id: act
        uses: ./actions/echo
        with:
          model: cars#staging
          Extra Thing: yes
          colour: blue
      - run: echo "main done"
`,
      { token: "ghs_abc", serverUrl: "http://127.0.0.1:9", repository: "octo/models" },
    );
    const action = join(run.workspace, "actions/echo");
    mkdirSync(action, { recursive: true });
    writeFileSync(
      join(action, "action.yml"),
      `name: echo
inputs:
  model: { required: true }
  token: { default: "\${{ github.token }}" }
  source-url: { default: "\${{ github.server_url }}/\${{ github.repository }}" }
  extra thing: { default: "" }
  jobs: { default: "2" }
runs:
  using: node24
  main: index.mjs
  post: post.mjs
`,
    );
    writeFileSync(
      join(action, "index.mjs"),
      `import { appendFileSync, readFileSync } from "node:fs";
const inputs = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("INPUT_")));
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, "utf8"));
appendFileSync(process.env.GITHUB_OUTPUT, "inputs=" + JSON.stringify(inputs) + "\\n");
appendFileSync(process.env.GITHUB_OUTPUT, "cwd=" + process.cwd() + "\\nevent-ref=" + event.ref + "\\n");
appendFileSync(process.env.GITHUB_STATE, "started=" + inputs.INPUT_MODEL + "\\n");
`,
    );
    writeFileSync(join(action, "post.mjs"), `console.log("post saw " + process.env.STATE_started);\n`);
    const result = await runWorkflowJob({ ...run, job: "j" });
    expect(result.conclusion).toBe("success");
    const outputs = result.steps[0]?.outputs ?? {};
    expect(JSON.parse(outputs.inputs ?? "{}")).toEqual({
      INPUT_MODEL: "cars#staging",
      INPUT_TOKEN: "ghs_abc",
      "INPUT_SOURCE-URL": "http://127.0.0.1:9/octo/models",
      INPUT_EXTRA_THING: "yes",
      INPUT_JOBS: "2",
      INPUT_COLOUR: "blue",
    });
    expect(outputs.cwd).toBe(run.workspace);
    expect(outputs["event-ref"]).toBe("refs/heads/main");
    expect(result.steps[0]?.annotations[0]?.message).toMatch(/Unexpected input\(s\) 'colour'/);
    expect(result.steps.map((s) => s.name)).toEqual([
      "Run ./actions/echo",
      'Run echo "main done"',
      "Post Run ./actions/echo",
    ]);
    expect(result.steps[2]).toMatchObject({ post: true, outcome: "success" });
    expect(result.steps[2]?.log).toBe("post saw cars#staging");
  });
});

describe("runWorkflow", () => {
  it("runs jobs in the order of their needs, passes outputs and artifacts, and skips dependents of a failure", async () => {
    const run = pushRun(`
on: push
jobs:
  report:
    needs: [train, validate]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093 # v4.3.0
        with: { name: model, path: got }
      - run: echo "saw=\${{ needs.train.outputs.version }} $(cat got/nested/model.txt) \${{ needs.validate.result }}" >> "$GITHUB_OUTPUT"
        id: saw
    outputs:
      saw: \${{ steps.saw.outputs.saw }}
  validate:
    runs-on: ubuntu-latest
    steps: [{ run: "true" }]
  train:
    runs-on: ubuntu-latest
    outputs: { version: "\${{ steps.v.outputs.version }}" }
    steps:
      - id: v
        run: |
          mkdir -p out/nested && echo v1.0.0 > out/nested/model.txt && echo ignore > out/nested/skip.log
          echo "version=v1.0.0" >> "$GITHUB_OUTPUT"
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: model
          path: |
            out/**/*.txt
  broken:
    runs-on: ubuntu-latest
    steps: [{ run: "exit 1" }]
  after-broken:
    needs: broken
    runs-on: ubuntu-latest
    steps: [{ run: "true" }]
`);
    const result = await runWorkflow({ ...run, artifactsDir: join(run.workspace, "..", "artifacts") });
    expect(result.order.indexOf("train")).toBeLessThan(result.order.indexOf("report"));
    expect(result.order.indexOf("validate")).toBeLessThan(result.order.indexOf("report"));
    expect(result.jobs.report?.outputs.saw).toBe("v1.0.0 v1.0.0 success");
    expect(existsSync(join(run.workspace, "..", "artifacts/model/nested/model.txt"))).toBe(true);
    expect(existsSync(join(run.workspace, "..", "artifacts/model/nested/skip.log"))).toBe(false);
    expect(result.jobs["after-broken"]?.conclusion).toBe("skipped");
    expect(result.conclusion).toBe("failure");
    expect(result.jobs.train?.equivalents.map((e) => e.uses)).toEqual([
      "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02",
    ]);
  });
});

describe("the actions/upload-artifact equivalent", () => {
  it("uploads to the results service, as the real action does, when the job has one", async () => {
    const double = await startGitHubDouble();
    try {
      double.addRepo("octo", "models");
      const ghRun = double.addWorkflowRun("octo", "models", { event: "pull_request", name: "pull request" });
      const run = pushRun(
        `
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p mlops-report && echo '{"schema":"x"}' > mlops-report/report.json
      - id: up
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with: { name: mlops-report, path: mlops-report/, if-no-files-found: error }
`,
        {
          runId: ghRun.id,
          githubApiUrl: double.url,
          env: {
            ACTIONS_RESULTS_URL: double.resultsUrl,
            ACTIONS_RUNTIME_TOKEN: double.runtimeToken(ghRun.backendId, "job-1"),
          },
        },
      );
      const result = await runWorkflowJob({
        ...run,
        job: "j",
        artifactsDir: join(run.workspace, "..", "artifacts"),
      });
      expect(result.conclusion, result.steps[1]?.log).toBe("success");
      const stored = double.artifacts(ghRun.id);
      expect(stored.map((a) => [a.name, a.finalized])).toEqual([["mlops-report", true]]);
      expect(result.steps[1]?.outputs["artifact-id"]).toBe(String(stored[0]?.id));
      expect(existsSync(join(run.workspace, "..", "artifacts/mlops-report/report.json"))).toBe(true);
      expect(double.violations).toEqual([]);
    } finally {
      await double.close();
    }
  });
});

describe("the actions/checkout equivalent", () => {
  let source: { dir: string; cleanup: () => void };
  let bare: string;
  let first: string;
  let head: string;

  beforeAll(() => {
    source = tempRepo("mlops-runner-src-");
    writeFileSync(join(source.dir, "a.txt"), "one\n");
    gitIn(source.dir, "add", "a.txt");
    gitIn(source.dir, "commit", "-q", "-m", "first");
    gitIn(source.dir, "tag", "-a", "cars@v1.0.0", "-m", "version: 1.0.0");
    first = gitIn(source.dir, "rev-parse", "HEAD").trim();
    writeFileSync(join(source.dir, "a.txt"), "two\n");
    gitIn(source.dir, "commit", "-q", "-am", "second");
    head = gitIn(source.dir, "rev-parse", "HEAD").trim();
    bare = join(source.dir, "..", `${source.dir.split("/").pop()}-remote.git`);
    gitIn(source.dir, "clone", "-q", "--bare", source.dir, bare);
  });
  afterAll(() => source.cleanup());

  const checkoutWorkflow = (withBlock: string) => `
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
${withBlock}
      - id: look
        run: |
          echo "shallow=$(git rev-parse --is-shallow-repository)" >> "$GITHUB_OUTPUT"
          echo "tags=$(git tag | tr '\\n' ' ')" >> "$GITHUB_OUTPUT"
          echo "branch=$(git branch --show-current)" >> "$GITHUB_OUTPUT"
          echo "content=$(cat a.txt)" >> "$GITHUB_OUTPUT"
`;

  it("clones the event's commit shallowly by default, and all history and tags with fetch-depth 0", async () => {
    const shallow = await runWorkflowJob({
      ...workflow(checkoutWorkflow("")),
      job: "j",
      event: { name: "push", payload: pushPayload("refs/heads/main", head) },
      checkoutRemote: bare,
    });
    expect(shallow.conclusion, shallow.steps[0]?.log).toBe("success");
    expect(shallow.steps[1]?.outputs).toEqual({ shallow: "true", tags: "", branch: "main", content: "two" });
    expect(shallow.steps[0]?.outputs.commit).toBe(head);

    const full = await runWorkflowJob({
      ...workflow(checkoutWorkflow("        with:\n          fetch-depth: 0")),
      job: "j",
      event: { name: "push", payload: pushPayload("refs/heads/main", head) },
      checkoutRemote: bare,
    });
    expect(full.steps[1]?.outputs).toMatchObject({ shallow: "false", tags: "cars@v1.0.0 ", branch: "main" });
    expect(full.equivalents[0]?.equivalent).toMatch(/git clone/);
  });

  it("checks out the ref: input instead of the event's commit", async () => {
    const byTag = await runWorkflowJob({
      ...workflow(checkoutWorkflow("        with:\n          ref: cars@v1.0.0")),
      job: "j",
      event: { name: "push", payload: pushPayload("refs/heads/main", head) },
      checkoutRemote: bare,
    });
    expect(byTag.steps[0]?.outputs).toEqual({ ref: "refs/tags/cars@v1.0.0", commit: first });
    expect(byTag.steps[1]?.outputs.content).toBe("one");
  });

  it("keeps the token for a later git push over HTTP only while persist-credentials is true", async () => {
    const token = "ghs_pushtoken";
    const server = await startGitHttpServer(join(bare, ".."), token);
    try {
      const remote = `${server.url}/${bare.split("/").pop()}`;
      const pushSteps = (persist: string) => `
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: ${persist}
      - run: git push origin HEAD:refs/heads/pushed-${persist}
`;
      const persisted = await runWorkflowJob({
        ...workflow(pushSteps("true")),
        job: "j",
        event: { name: "push", payload: pushPayload("refs/heads/main", head) },
        checkoutRemote: remote,
        token,
      });
      expect(persisted.conclusion, persisted.steps[1]?.log).toBe("success");
      expect(gitIn(bare, "rev-parse", "refs/heads/pushed-true").trim()).toBe(head);

      const dropped = await runWorkflowJob({
        ...workflow(pushSteps("false")),
        job: "j",
        event: { name: "push", payload: pushPayload("refs/heads/main", head) },
        checkoutRemote: remote,
        token,
      });
      expect(dropped.steps[0]?.conclusion).toBe("success");
      expect(dropped.steps[1]?.conclusion).toBe("failure");
      expect(
        spawnSync("git", ["rev-parse", "--verify", "-q", "refs/heads/pushed-false"], { cwd: bare }).status,
      ).not.toBe(0);
      expect(dropped.steps[1]?.log).not.toContain(token);
    } finally {
      await server.close();
    }
  });
});

describe("the CLI", () => {
  it("runs a workflow from argv and prints the result as JSON with the token hidden", () => {
    const run = workflow(`
on: workflow_dispatch
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: echo "dry=\${{ inputs.dry }}" >> "$GITHUB_OUTPUT"
        id: s
`);
    const payload = join(run.workspace, "..", "event.json");
    writeFileSync(payload, JSON.stringify({ inputs: { dry: "true" }, repository: { full_name: "o/r" } }));
    const cli = join(repoRoot, "scripts/e2e/run-workflow.mjs");
    const r = spawnSync(
      process.execPath,
      [
        cli,
        "--workflow",
        run.workflowPath,
        "--event",
        "workflow_dispatch",
        "--payload",
        payload,
        "--workspace",
        run.workspace,
        "--sha",
        "a".repeat(40),
        "--token",
        "t0k",
        "--json",
        "--quiet",
      ],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.jobs.j.steps[0].outputs).toEqual({ dry: "true" });
    expect(result.jobs.j.token).toBe("***");
    expect(readFileSync(cli, "utf8")).toContain("--help");
    const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    expect(help.stdout).toMatch(/actions\/checkout\s+git clone/);
  });
});
