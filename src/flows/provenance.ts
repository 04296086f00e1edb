import { runUrlOf } from "../github/run-context.js";
import type { Logger } from "../log/index.js";
import type { AssignOptions, TagRemote } from "../registry/index.js";
import type { Provenance } from "../registry/register.js";

/** Who and what run a registry write comes from: the GitHub Actions run when in one, else the user. */
export function runProvenance(env: NodeJS.ProcessEnv = process.env): Provenance {
  if (env.GITHUB_ACTIONS !== "true") return env.USER ? { actor: env.USER } : {};
  const runUrl = runUrlOf(env);
  return {
    ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
    ...(runUrl ? { runUrl } : {}),
    ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
  };
}

/** What a flow's stage assignments record and where they go: the run's actor and URL, the tag remote. */
export function assignOptions(options: {
  tagRemote?: TagRemote | undefined;
  provenance?: Provenance | undefined;
  now?: number | undefined;
  logger: Logger;
}): AssignOptions {
  const { tagRemote, provenance, now, logger } = options;
  return {
    ...(tagRemote ? { tagRemote } : {}),
    ...(provenance?.actor ? { actor: provenance.actor } : {}),
    ...(provenance?.runId !== undefined && provenance.runUrl
      ? { run: { id: provenance.runId, url: provenance.runUrl } }
      : {}),
    ...(now !== undefined ? { now } : {}),
    logger,
  };
}
