import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "../../support/github-double/index.js";
import { BLOB_PREFIX, TWIRP_PREFIX } from "../../support/github-double/results-service.js";

/**
 * The GITHUB_TOKEN of each job, with exactly the permissions its workflow gives it, as GitHub mints
 * one per job. The REST double knows one bot token (github-actions[bot]); `startScopedApi` puts a
 * gate in front of it that checks each call against the calling job's permissions and forwards it
 * as the bot, and the git server asks `mayPush`/`mayRead` the same way.
 */

export type Level = "read" | "write" | "none";

export interface JobToken {
  token: string;
  job: string;
  permissions: Record<string, Level | string>;
}

export class JobTokens {
  private readonly byToken = new Map<string, JobToken>();

  mint(job: string, permissions: Record<string, string>): string {
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    this.byToken.set(token, { token, job, permissions });
    return token;
  }

  lookup(token: string | undefined): JobToken | undefined {
    return token === undefined ? undefined : this.byToken.get(token);
  }

  /** A push needs `contents: write`, as on GitHub. */
  mayPush(token: string | undefined): boolean {
    return this.lookup(token)?.permissions.contents === "write";
  }
}

function allows(granted: string | undefined, needed: "read" | "write"): boolean {
  return needed === "read" ? granted === "read" || granted === "write" : granted === "write";
}

/**
 * The scopes GitHub checks for a repository REST call, by the path segment after /repos/{o}/{r}/
 * (https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps). Comments on
 * a pull request go through the issues API and accept either scope.
 */
const SCOPES_BY_SEGMENT: Record<string, string[]> = {
  issues: ["issues", "pull-requests"],
  pulls: ["pull-requests"],
  deployments: ["deployments"],
  releases: ["contents"],
  git: ["contents"],
  contents: ["contents"],
  commits: ["contents"],
  branches: ["contents"],
  tags: ["contents"],
  compare: ["contents"],
  actions: ["actions"],
};

/** Why a call is refused, or undefined when the job's permissions allow it. */
export function refusal(
  method: string,
  path: string,
  permissions: Record<string, string>,
): string | undefined {
  const segment = /^\/repos\/[^/]+\/[^/]+\/([^/?]+)/.exec(path)?.[1];
  const scopes = segment ? SCOPES_BY_SEGMENT[segment] : undefined;
  if (!scopes) return undefined;
  const needed = method === "GET" || method === "HEAD" ? "read" : "write";
  if (scopes.some((scope) => allows(permissions[scope], needed))) return undefined;
  return `${method} ${path} needs ${scopes.map((s) => `${s}: ${needed}`).join(" or ")}`;
}

export interface ScopedApi {
  url: string;
  /** Every call refused for lack of a permission: `<job>: <why>`. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A loopback gate in front of the REST double: a job token is checked against its permissions and
 * replaced by the bot token; REST answers have the double's address rewritten to the gate's, so
 * follow-up calls (a release's upload_url) come back through it. The results service and its blobs
 * pass through untouched (their tokens and signed URLs are not GITHUB_TOKENs).
 */
export async function startScopedApi(
  doubleUrl: string,
  botToken: string,
  tokens: JobTokens,
): Promise<ScopedApi> {
  const refused: string[] = [];
  const target = new URL(doubleUrl);
  let selfUrl = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = req.url ?? "/";
      const isRest = !path.startsWith(TWIRP_PREFIX) && !path.startsWith(BLOB_PREFIX);
      const headers = { ...req.headers, host: target.host };
      const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
      const job = tokens.lookup(auth?.[1]);
      if (isRest && job) {
        const why = refusal(req.method ?? "GET", path.split("?")[0] ?? path, job.permissions);
        if (why) {
          refused.push(`${job.job}: ${why}`);
          res.writeHead(403, { "content-type": "application/json; charset=utf-8" });
          res.end(
            JSON.stringify({
              message: "Resource not accessible by integration",
              documentation_url: "https://docs.github.com/rest",
              status: "403",
            }),
          );
          return;
        }
        headers.authorization = `token ${botToken}`;
      }
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path, headers },
        (answer) => {
          void (async () => {
            const raw = await readBody(answer);
            const out = { ...answer.headers };
            let payload = raw;
            const type = String(answer.headers["content-type"] ?? "");
            if (isRest && type.includes("json")) {
              payload = Buffer.from(raw.toString("utf8").split(doubleUrl).join(selfUrl));
            }
            delete out["transfer-encoding"];
            out["content-length"] = String(payload.length);
            res.writeHead(answer.statusCode ?? 502, out);
            res.end(payload);
          })();
        },
      );
      upstream.on("error", (error) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`scoped API gate: ${error.message}`);
      });
      upstream.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  selfUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: selfUrl,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
