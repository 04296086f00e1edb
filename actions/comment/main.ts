// The `comment` action's door: inputs and event in, one call into src/, outputs and summary out.
import { readFile } from "node:fs/promises";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import type { WorkflowRunHead } from "../../src/github/index.js";
import type { ReportDocument } from "../../src/report/document.js";

// Loaded after the first log line (below): a job shows the step started before ~1 MB of bundle is parsed.
let core: typeof Core;

interface Settings {
  token: string;
  report: string;
  artifact: string;
  eventName: string;
  event: Record<string, unknown>;
  repository: string;
  apiUrl: string;
  runUrl: string | undefined;
}

async function readSettings(): Promise<Settings> {
  const token = core.getInput("token", { required: true });
  core.setSecret(token);
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath)
    throw new Error("GITHUB_EVENT_PATH is not set: this action runs inside a GitHub Actions job");
  const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const repository = process.env.GITHUB_REPOSITORY ?? "";
  return {
    token,
    report: core.getInput("report") || "mlops-report/report.json",
    artifact: core.getInput("artifact") || "mlops-report",
    eventName: process.env.GITHUB_EVENT_NAME ?? "",
    event: JSON.parse(await readFile(eventPath, "utf8")) as Record<string, unknown>,
    repository,
    apiUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    runUrl: process.env.GITHUB_RUN_ID
      ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}`
      : undefined,
  };
}

export async function run(): Promise<void> {
  try {
    const {
      commentReport,
      createGitHubClient,
      downloadReportArtifact,
      findPullRequestForRun,
      forkOfEvent,
      requirePullRequest,
    } = await import("../../src/github/index.js");
    const { parseUntrustedReport } = await import("../../src/report/untrusted.js");
    const settings = await readSettings();
    const [owner = "", repo = ""] = settings.repository.split("/");
    const client = createGitHubClient({ token: settings.token, baseUrl: settings.apiUrl });
    let issueNumber: number;
    let doc: ReportDocument;
    let fullReport = settings.runUrl;
    if (settings.eventName === "workflow_run") {
      const wr = settings.event.workflow_run as WorkflowRunHead & { id: number; html_url?: string };
      issueNumber = requirePullRequest(await findPullRequestForRun(client, wr), wr).number;
      doc = await downloadReportArtifact({
        token: settings.token,
        repository: settings.repository,
        runId: wr.id,
        artifact: settings.artifact,
      });
      fullReport = wr.html_url ?? fullReport;
    } else if (settings.eventName === "pull_request") {
      issueNumber = (settings.event.pull_request as { number: number }).number;
      doc = parseUntrustedReport(await readFile(settings.report), settings.report);
    } else {
      throw new Error(`expected a pull_request or workflow_run event, got '${settings.eventName}'`);
    }
    const fork = forkOfEvent(settings.eventName, settings.event);
    const result = await commentReport(client, doc, {
      owner,
      repo,
      issueNumber,
      ...(fork ? { fork } : {}),
      ...(fullReport ? { fullReport: `in the artifact '${settings.artifact}' of ${fullReport}` } : {}),
    });
    core.setOutput("action", result.action);
    core.setOutput("comment-id", String(result.id));
    core.setOutput("comment-url", result.url);
    core.setOutput("pull-request", String(issueNumber));
    core.info(`report comment ${result.action}: ${result.url}`);
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops comment\n");
core = await import("@actions/core");
await run();
