/** A git remote to reach (a remote name, a URL or a path), with a token for HTTPS remotes like GitHub. */
export interface GitRemoteTarget {
  remote: string;
  token?: string;
}

/**
 * The token travels as git config in the environment (GIT_CONFIG_COUNT), not in argv or the URL,
 * so it never shows in `ps`, in git's error messages or in the remote's reflog.
 */
export function remoteEnv(target: GitRemoteTarget): Record<string, string> {
  // Never prompt: a CI job has no one to answer, and a missing credential should fail at once.
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: "0" };
  if (!target.token) return env;
  const basic = Buffer.from(`x-access-token:${target.token}`).toString("base64");
  return {
    ...env,
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: "http.extraHeader",
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  };
}
