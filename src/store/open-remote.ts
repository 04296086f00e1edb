import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MlopsError } from "../errors/index.js";
import { repoLayout } from "../repo/index.js";
import { gitBranchScheme, openGitBranchRemote } from "./git-branch-remote.js";
import { LocalRemote, type Remote, type RemoteSpec } from "./remote.js";
import { parseS3Url, s3Scheme, s3UrlExpected } from "./s3-client.js";
import { S3Remote } from "./s3-remote.js";
import { guardRemoteWrites, type RemoteEnv } from "./write-guard.js";

// Choosing a kind lives apart from the Remote contract in remote.ts: every kind imports that
// contract, so the one module that imports every kind must not be the one they import.

export interface OpenRemoteOptions {
  /**
   * Where the event name, the read-only switch, tokens and limits are read from. Defaults to the
   * process environment because both doors and every remote kind must obey the same rule; tests pass
   * their own.
   */
  env?: RemoteEnv;
}

/**
 * Resolves a configured remote; a relative path is taken from the repository root. Every kind is
 * wrapped by the write guard, so a pull-request run can read any remote and write none.
 */
export function openRemote(spec: RemoteSpec, repoRoot: string, options: OpenRemoteOptions = {}): Remote {
  const env = options.env ?? process.env;
  return guardRemoteWrites(openUnguarded(spec, repoRoot, env), env);
}

function openUnguarded(spec: RemoteSpec, repoRoot: string, env: RemoteEnv): Remote {
  const { name, url } = spec;
  if (url.startsWith("file://")) return new LocalRemote(name, url, fileURLToPath(url));
  if (url.startsWith(gitBranchScheme)) return openGitBranchRemote(spec, repoRoot, env);
  if (url.startsWith(s3Scheme)) {
    const parsed = parseS3Url(url);
    if (!parsed) {
      throw new MlopsError("usage", `remote '${name}': '${url}' is not an S3 location`, {
        field: `remotes.${name}.url`,
        expected: s3UrlExpected,
        got: url,
      });
    }
    return new S3Remote(
      name,
      url,
      {
        ...parsed,
        ...(spec.endpoint ? { endpoint: spec.endpoint } : {}),
        ...(spec.region ? { region: spec.region } : {}),
        ...(spec.pathStyle ? { pathStyle: true } : {}),
      },
      {
        ...(spec.jobs === undefined ? {} : { jobs: spec.jobs }),
        // Under .mlops/state (git-ignored): notes of multipart uploads a killed push left unfinished.
        journalDir: join(repoLayout(repoRoot).stateDir, "s3-uploads", name),
      },
    );
  }
  if (spec.endpoint || spec.region || spec.pathStyle) {
    throw new MlopsError(
      "usage",
      `remote '${name}': --endpoint, --region and --path-style apply to s3:// remotes only`,
      {
        field: `remotes.${name}`,
        got: url,
      },
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme) {
    throw new MlopsError("usage", `remote '${name}': the scheme '${scheme}://' is not supported yet`, {
      field: `remotes.${name}.url`,
      expected: "a directory path, a file:// URL, s3://BUCKET[/PREFIX] or git-branch:BRANCH[@GIT-URL]",
      got: url,
    });
  }
  return new LocalRemote(name, url, isAbsolute(url) ? url : resolve(repoRoot, url));
}
