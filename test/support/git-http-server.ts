import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What a request asks of a repository, for an `authorize` callback. */
export interface GitHttpRequest {
  /** The token of `Authorization: Basic` (any user, the token as password); undefined when anonymous. */
  token: string | undefined;
  /** `git-receive-pack` writes (a push); `git-upload-pack` reads (clone, fetch, ls-remote). */
  service: "git-upload-pack" | "git-receive-pack";
  /** The repository's path under the project root, like `/acme/models.git`. */
  repository: string;
}

export interface GitHttpServerOptions {
  /**
   * Replaces the one-token check: answers whether the request may go on, as GitHub decides from the
   * token's permissions (a push needs `contents: write`, reading a public repository needs nothing).
   * A refused request gets 401 when it carried no token (git then asks for one) and 403 otherwise.
   */
  authorize?: (request: GitHttpRequest) => boolean;
  /** Called after each push that git accepted, before its response ends (GitHub's view of the refs follows a push). */
  onPush?: (repository: string) => void | Promise<void>;
}

export interface GitHttpRequestRecord {
  authorized: boolean;
  service?: GitHttpRequest["service"];
  repository?: string;
}

function requestToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? "";
  const basic = /^basic\s+(\S+)$/i.exec(header);
  if (!basic?.[1]) return undefined;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

function requestService(url: URL): { service: GitHttpRequest["service"]; repository: string } {
  const path = decodeURIComponent(url.pathname);
  const asked = url.searchParams.get("service") ?? /\/(git-[a-z-]+)$/.exec(path)?.[1] ?? "";
  const service = asked === "git-receive-pack" ? "git-receive-pack" : "git-upload-pack";
  const repository = path.replace(/\/(info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.*)$/, "");
  return { service, repository };
}

/**
 * Git's smart HTTP protocol on loopback, served by `git http-backend` (the CGI program git ships),
 * behind the check GitHub makes: every request must carry `Authorization: Basic` with the token as
 * password (user `x-access-token`), else 401. Lets a test push tags "to GitHub" with a token. With
 * `options.authorize`, the decision is the caller's, per token and service (see GitHttpServerOptions).
 */
export async function startGitHttpServer(
  projectRoot: string,
  token: string,
  options: GitHttpServerOptions = {},
): Promise<{ url: string; requests: GitHttpRequestRecord[]; close: () => Promise<void> }> {
  const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
  const requests: GitHttpRequestRecord[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const { service, repository } = requestService(url);
    const given = requestToken(req);
    const authorized = options.authorize
      ? options.authorize({ token: given, service, repository })
      : (req.headers.authorization ?? "").toLowerCase() === expected.toLowerCase();
    requests.push({ authorized, service, repository });
    if (!authorized) {
      if (options.authorize && given !== undefined) {
        res.writeHead(403, { "content-type": "text/plain" });
        res.end(
          `Permission to ${repository} denied: the token may not ${service === "git-receive-pack" ? "push" : "read"}\n`,
        );
        return;
      }
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="GitHub"' });
      res.end("Authentication required\n");
      return;
    }
    const isPush = service === "git-receive-pack" && req.method === "POST";
    const cgi = spawn("git", ["http-backend"], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: "1",
        REMOTE_USER: "x-access-token",
        REQUEST_METHOD: req.method ?? "GET",
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        ...(req.headers["content-encoding"]
          ? { HTTP_CONTENT_ENCODING: req.headers["content-encoding"] }
          : {}),
        GIT_PROTOCOL: String(req.headers["git-protocol"] ?? ""),
      },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
        const colon = line.indexOf(":");
        const key = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (key.toLowerCase() === "status") status = Number(value.split(" ")[0]);
        else headers[key] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.on("close", (code) => {
      // The refs are updated once http-backend exits; report them before the client hears back.
      if (isPush && code === 0 && options.onPush) {
        Promise.resolve(options.onPush(repository)).then(
          () => res.end(),
          () => res.end(),
        );
      } else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
