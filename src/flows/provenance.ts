import type { Provenance } from "../registry/register.js";

/** Who and what run a registry write comes from: the GitHub Actions run when in one, else the user. */
export function runProvenance(env: NodeJS.ProcessEnv = process.env): Provenance {
  if (env.GITHUB_ACTIONS !== "true") return env.USER ? { actor: env.USER } : {};
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
    ...(runUrl ? { runUrl } : {}),
    ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
  };
}
