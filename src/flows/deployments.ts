import type { GitHubClient } from "../github/client.js";
import { recordDeployment } from "../github/deployment.js";
import type { PromotionLine } from "./promotion-lines.js";

export interface RecordedPromotion {
  model: string;
  version: string;
  environment: string;
  deployment_id: number;
  status_id: number;
  created: boolean;
}

/**
 * One GitHub Deployment per model a promotion put in (or found in) its stage, on the commit the
 * version was built from, with the stage tag and image in the payload. A refused model was not
 * deployed. Several models in one environment do not retire each other's deployments.
 */
export async function recordPromotionDeployments(
  client: GitHubClient,
  options: { owner: string; repo: string; ref?: string; runUrl?: string; lines: PromotionLine[] },
): Promise<RecordedPromotion[]> {
  const live = options.lines.filter((r) => r.status === "promoted" || r.status === "unchanged");
  const perEnvironment = new Map<string, number>();
  for (const r of live) perEnvironment.set(r.environment, (perEnvironment.get(r.environment) ?? 0) + 1);
  const out: RecordedPromotion[] = [];
  for (const r of live) {
    const recorded = await recordDeployment(client, {
      owner: options.owner,
      repo: options.repo,
      sha: r.commit,
      ...(options.ref ? { ref: options.ref } : {}),
      environment: r.environment,
      payload: {
        model: r.model,
        version: r.version,
        stage: r.stage,
        stage_tag: r.tag ?? null,
        image_digest: r.image_digest ?? null,
        image: r.image_reference ?? null,
        // The desired state Argo CD or Flux syncs: the environments-branch commit with the manifests.
        manifests_commit: r.manifests?.commit ?? null,
        manifests_branch: r.manifests?.branch ?? null,
        manifests_path: r.manifests?.directory ?? null,
      },
      description: `${r.model} ${r.version} to ${r.stage}`,
      statusDescription: `${r.model} ${r.version}${r.image_digest ? ` (${r.image_digest.slice(0, 19)}…)` : ""}`,
      ...(options.runUrl ? { logUrl: options.runUrl } : {}),
      ...(r.environment_url ? { environmentUrl: r.environment_url } : {}),
      autoInactive: (perEnvironment.get(r.environment) ?? 0) <= 1,
    });
    out.push({
      model: r.model,
      version: r.version,
      environment: r.environment,
      deployment_id: recorded.deploymentId,
      status_id: recorded.statusId,
      created: recorded.created,
    });
  }
  return out;
}
