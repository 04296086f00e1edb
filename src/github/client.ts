import { Octokit } from "octokit";

export type GitHubClient = InstanceType<typeof Octokit>;

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL` (GitHub Enterprise, or the test double); default api.github.com. */
  baseUrl?: string;
  /** Retries after a rate limit before giving up (default 2). */
  rateLimitRetries?: number;
}

/**
 * The one way this code base talks to GitHub's REST API: octokit with its retry plugin (transient
 * 5xx) and throttling (primary and secondary rate limits, honouring `retry-after`).
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.rateLimitRetries ?? 2;
  return new Octokit({
    auth: options.token,
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
    userAgent: "mlops",
    throttle: {
      onRateLimit: (_after: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < retries,
      onSecondaryRateLimit: (_after: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < retries,
    },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** A client for the API this run talks to (`GITHUB_API_URL`: GitHub Enterprise, or the test double). */
export function clientOf(token: string, env: NodeJS.ProcessEnv = process.env): GitHubClient {
  return createGitHubClient({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
}
