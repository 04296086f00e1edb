// Nothing here loads octokit: the registry commands read the run's URL from it on every start.
import { MlopsError } from "../errors/index.js";

/** The repository a workflow runs in, from `GITHUB_REPOSITORY`. */
export function repositoryOf(env: NodeJS.ProcessEnv = process.env): { owner: string; repo: string } {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) {
    throw new MlopsError("usage", "GITHUB_REPOSITORY is not set", {
      expected: "owner/repo, as the runner sets it in every job",
    });
  }
  return { owner, repo };
}

/** The page of the run, when the runner says which run this is. */
export function runUrlOf(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
}

/** The repository's page, for image labels (`org.opencontainers.image.source`). */
export function repositoryUrlOf(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
    : undefined;
}
