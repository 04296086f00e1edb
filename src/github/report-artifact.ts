import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import type { ReportDocument } from "../report/document.js";
import { parseUntrustedReport } from "../report/untrusted.js";

export interface ReportArtifactSource {
  /** Token with `actions: read` on the repository. */
  token: string;
  /** `owner/name`. */
  repository: string;
  /** The pull-request run that uploaded the artifact. */
  runId: number;
  artifact: string;
}

/**
 * The report another run uploaded, by run id (`@actions/artifact`, through the REST API): unpacked
 * into a temp dir, read, and parsed as untrusted input (size, UTF-8, schema). The files are removed.
 */
export async function downloadReportArtifact(source: ReportArtifactSource): Promise<ReportDocument> {
  const { DefaultArtifactClient } = await import("@actions/artifact");
  const [owner = "", repo = ""] = source.repository.split("/");
  const findBy = {
    token: source.token,
    workflowRunId: source.runId,
    repositoryOwner: owner,
    repositoryName: repo,
  };
  const client = new DefaultArtifactClient();
  const { artifact } = await client.getArtifact(source.artifact, { findBy });
  const dir = await mkdtemp(join(tmpdir(), "mlops-report-"));
  try {
    await client.downloadArtifact(artifact.id, { path: dir, findBy });
    const bytes = await readFile(join(dir, "report.json")).catch(() => {
      throw new MlopsError(
        "not-found",
        `artifact '${source.artifact}' of run ${source.runId} has no report.json`,
      );
    });
    return parseUntrustedReport(bytes, `artifact ${source.artifact}/report.json`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
