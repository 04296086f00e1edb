import { MlopsError } from "../errors/index.js";
import type { GitHubClient } from "./client.js";

/** What a deployment carries for whoever reads it later: the model, its version, the image digest. */
export type DeploymentPayload = Record<string, string | number | boolean | null>;

export type DeploymentOutcome = "success" | "failure" | "error";

export interface DeploymentRecord {
  owner: string;
  repo: string;
  /** The commit deployed. The deployment is created on this sha, so a branch that moved cannot change it. */
  sha: string;
  /** The branch or tag that was promoted (`main`, `v1.2.0`); kept in the payload as `ref`. */
  ref?: string;
  /** The GitHub environment: `staging`, `production`, or what the repo config maps a stage to. */
  environment: string;
  payload: DeploymentPayload;
  description?: string;
  /** The default: `success`. A failed promotion is recorded too, with `statusDescription` saying why. */
  state?: DeploymentOutcome;
  statusDescription?: string;
  /** The workflow run that deployed (shown as "View logs"). */
  logUrl?: string;
  /** Where the deployed service answers (shown as "View deployment"). */
  environmentUrl?: string;
  /** Default: GitHub's own rule, true only for an environment named `production`. */
  productionEnvironment?: boolean;
  /** Retire the environment's earlier successful deployments (default true). */
  autoInactive?: boolean;
}

export interface RecordedDeployment {
  deploymentId: number;
  statusId: number;
  state: DeploymentOutcome;
  /** False when a deployment of this sha, environment and payload already existed. */
  created: boolean;
  /** False when that deployment's latest status already said the same thing. */
  statusCreated: boolean;
}

/** GitHub cuts a deployment status description at 140 characters; we cut it ourselves, visibly. */
const maxStatusDescription = 140;

/** JSON with keys sorted at every level, so payloads compare equal whatever order they were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** GitHub returns the payload as it was sent: an object, or a string when one was sent. */
function payloadOf(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function shortDescription(text: string): string {
  return text.length <= maxStatusDescription ? text : `${text.slice(0, maxStatusDescription - 1)}…`;
}

/**
 * Records a promotion as a GitHub Deployment with one status. Re-running the same promotion (same
 * sha, environment and payload) reuses the deployment it made before, and adds a status only when the
 * outcome changed, so a re-run of the merge or release workflow leaves the deployments page as it was.
 * Put the stage assignment tag in the payload when every assignment must be its own deployment.
 */
export async function recordDeployment(
  client: GitHubClient,
  record: DeploymentRecord,
): Promise<RecordedDeployment> {
  if (!/^[0-9a-f]{40}$/.test(record.sha)) {
    throw new MlopsError("usage", `deployment sha: expected a full 40-hex commit sha, got '${record.sha}'`, {
      field: "sha",
    });
  }
  const { owner, repo } = record;
  const state = record.state ?? "success";
  const payload: DeploymentPayload =
    record.ref === undefined ? record.payload : { ref: record.ref, ...record.payload };
  const wanted = canonicalJson(payload);
  const statusDescription = shortDescription(
    record.statusDescription ?? (state === "success" ? `deployed to ${record.environment}` : `${state}`),
  );

  const existing = await client.paginate(client.rest.repos.listDeployments, {
    owner,
    repo,
    sha: record.sha,
    environment: record.environment,
    per_page: 100,
  });
  const match = existing.find(
    (d) =>
      d.sha === record.sha &&
      d.environment === record.environment &&
      canonicalJson(payloadOf(d.payload)) === wanted,
  );

  let deploymentId: number;
  if (match) {
    deploymentId = match.id;
    const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: match.id,
      per_page: 1,
    });
    const latest = statuses[0];
    if (latest && latest.state === state && latest.description === statusDescription) {
      return { deploymentId, statusId: latest.id, state, created: false, statusCreated: false };
    }
  } else {
    const { data, status } = await client.rest.repos.createDeployment({
      owner,
      repo,
      ref: record.sha,
      task: "deploy",
      environment: record.environment,
      payload,
      ...(record.description === undefined ? {} : { description: record.description }),
      ...(record.productionEnvironment === undefined
        ? {}
        : { production_environment: record.productionEnvironment }),
      transient_environment: false,
      // By default GitHub first merges the default branch into `ref` when `ref` is behind it. We deploy
      // an exact, already built commit: a merge would deploy something nobody tested (or answer 409).
      auto_merge: false,
      // By default GitHub refuses (409) unless every commit status on `ref` is success. The job that
      // records the deployment is itself one of those checks, still running, so the default always
      // fails; the gates the promotion already passed are our checks.
      required_contexts: [],
    });
    // 202 is GitHub's answer when it merged instead of deploying; with auto_merge off it means a conflict.
    if (status !== 201 || !("id" in data)) {
      throw new MlopsError("remote", `GitHub did not create a deployment of ${record.sha.slice(0, 12)}`, {
        got: "message" in data ? String(data.message) : String(status),
      });
    }
    deploymentId = data.id;
  }

  const { data: created } = await client.rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id: deploymentId,
    state,
    description: statusDescription,
    environment: record.environment,
    ...(record.logUrl === undefined ? {} : { log_url: record.logUrl }),
    ...(record.environmentUrl === undefined ? {} : { environment_url: record.environmentUrl }),
    // A successful deployment marks the earlier ones in the environment inactive, so GitHub shows one
    // live version per environment; off when several models share the environment, where it would
    // retire the other models' live versions.
    auto_inactive: record.autoInactive ?? true,
  });
  return { deploymentId, statusId: created.id, state, created: !match, statusCreated: true };
}
