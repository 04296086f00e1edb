#!/usr/bin/env node
// The part of actions/upload-artifact and actions/download-artifact that talks to the Actions
// results service, run as its own process so `@actions/artifact` reads the step's environment
// (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, GITHUB_*) exactly as inside the real action.
//   upload NAME ROOT RETENTION_DAYS FILE…   prints {"id", "size", "digest"}
//   download NAME DEST [RUN_ID TOKEN]       prints {"id", "path"}
import { DefaultArtifactClient } from "@actions/artifact";

const [command, name, ...rest] = process.argv.slice(2);
const client = new DefaultArtifactClient();

try {
  if (command === "upload" && name) {
    const [root = ".", retention = "", ...files] = rest;
    const options = retention === "" ? {} : { retentionDays: Number(retention) };
    const result = await client.uploadArtifact(name, files, root, options);
    process.stdout.write(`${JSON.stringify({ id: result.id, size: result.size, digest: result.digest })}\n`);
  } else if (command === "download" && name) {
    const [dest = ".", runId = "", token = ""] = rest;
    const [owner = "", repo = ""] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
    const findBy =
      runId !== "" && token !== ""
        ? { token, workflowRunId: Number(runId), repositoryOwner: owner, repositoryName: repo }
        : undefined;
    const found = await client.getArtifact(name, findBy ? { findBy } : {});
    const result = await client.downloadArtifact(found.artifact.id, {
      path: dest,
      ...(findBy ? { findBy } : {}),
    });
    process.stdout.write(`${JSON.stringify({ id: found.artifact.id, path: result.downloadPath ?? dest })}\n`);
  } else {
    process.stderr.write(
      "usage: artifact-service.mjs upload NAME ROOT RETENTION FILE… | download NAME DEST [RUN_ID TOKEN]\n",
    );
    process.exit(2);
  }
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
