// The `deploy` action's door: the promote action's results in, one GitHub Deployment per model out.
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";

// Loaded after the first log line (below): a job shows the step started before the bundle is parsed.
let core: typeof Core;

interface Promoted {
  model: string;
  version: string;
  stage: string;
  environment: string;
  environment_url?: string;
  status: string;
  commit: string;
  tag?: string;
  image_digest?: string;
  image_reference?: string;
}

function parseResults(text: string): Promoted[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("input 'results' is not JSON: pass the promote action's results output");
  }
  if (!Array.isArray(parsed)) throw new Error("input 'results': expected a JSON array");
  return parsed.map((entry, i) => {
    const e = entry as Partial<Promoted>;
    for (const key of ["model", "version", "stage", "environment", "status", "commit"] as const) {
      if (typeof e[key] !== "string" || !e[key]) {
        throw new Error(`input 'results'[${i}].${key}: expected a non-empty string`);
      }
    }
    return e as Promoted;
  });
}

export async function run(): Promise<void> {
  try {
    const { createGitHubClient, recordDeployment } = await import("../../src/github/index.js");
    const token = core.getInput("token", { required: true });
    core.setSecret(token);
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo) throw new Error("GITHUB_REPOSITORY is not set");
    const client = createGitHubClient({
      token,
      ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
    });
    const ref = core.getInput("ref");
    const runUrl =
      process.env.GITHUB_SERVER_URL && process.env.GITHUB_RUN_ID
        ? `${process.env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
        : undefined;
    // A refused model was not promoted: nothing was deployed for it.
    const live = parseResults(core.getInput("results", { required: true })).filter(
      (r) => r.status === "promoted" || r.status === "unchanged",
    );
    const shared = new Map<string, number>();
    for (const r of live) shared.set(r.environment, (shared.get(r.environment) ?? 0) + 1);
    const out = [];
    const rows = [];
    for (const r of live) {
      const recorded = await recordDeployment(client, {
        owner,
        repo,
        sha: r.commit,
        ...(ref ? { ref } : {}),
        environment: r.environment,
        payload: {
          model: r.model,
          version: r.version,
          stage: r.stage,
          stage_tag: r.tag ?? null,
          image_digest: r.image_digest ?? null,
          image: r.image_reference ?? null,
        },
        description: `${r.model} ${r.version} to ${r.stage}`,
        statusDescription: `${r.model} ${r.version}${r.image_digest ? ` (${r.image_digest.slice(0, 19)}…)` : ""}`,
        ...(runUrl ? { logUrl: runUrl } : {}),
        ...(r.environment_url ? { environmentUrl: r.environment_url } : {}),
        // Several models live in one environment: one model's deployment must not retire another's.
        autoInactive: (shared.get(r.environment) ?? 0) <= 1,
      });
      out.push({
        model: r.model,
        version: r.version,
        environment: r.environment,
        deployment_id: recorded.deploymentId,
        status_id: recorded.statusId,
        created: recorded.created,
      });
      rows.push(
        `| ${r.model} | ${r.version} | ${r.environment} | ${recorded.deploymentId} | ${recorded.created ? "recorded" : "already recorded"} |`,
      );
    }
    core.setOutput("deployments", JSON.stringify(out));
    await core.summary
      .addRaw(
        [
          "### Deployments",
          "",
          "| model | version | environment | deployment | |",
          "|---|---|---|---|---|",
          ...rows,
          "",
        ].join("\n"),
      )
      .write();
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops deploy\n");
core = await import("@actions/core");
await run();
