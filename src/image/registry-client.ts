import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { registryApiHost } from "./reference.js";
import {
  defaultRetryPolicy,
  parseRetryAfter,
  RetryableFailure,
  type RetryPolicy,
  withRetry,
} from "./retry.js";

/**
 * Credentials for a registry. `username` + `password` (a password, a personal access token, or
 * GITHUB_TOKEN for ghcr.io) go to the token service named in the registry's `WWW-Authenticate`
 * challenge, or straight to a registry that asks for Basic auth. A `token` is a registry bearer
 * token already exchanged elsewhere, sent as it is.
 */
export type RegistryAuth = { username: string; password: string } | { token: string };

export interface RegistryOptions {
  auth?: RegistryAuth;
  /**
   * Plain HTTP instead of HTTPS (a CI service container). Unset, a loopback registry (localhost,
   * 127.0.0.0/8, [::1]) is spoken to over HTTP and every other over HTTPS, as docker does.
   */
  insecure?: boolean;
  retry?: RetryPolicy;
  logger?: Logger;
}

/** A token scope of the distribution auth spec: `repository:<name>:pull,push`. */
export function repositoryScope(repository: string, actions: readonly ("pull" | "push")[]): string {
  return `repository:${repository}:${actions.join(",")}`;
}

/**
 * One scope per resource with the union of its actions, sorted: the challenge of a HEAD asks for
 * `pull` where the push needs `pull,push`, and one token should cover both.
 */
export function mergeScopes(scopes: readonly string[]): string[] {
  const byResource = new Map<string, Set<string>>();
  for (const scope of scopes) {
    const last = scope.lastIndexOf(":");
    if (last <= 0) continue;
    const resource = scope.slice(0, last);
    const actions = byResource.get(resource) ?? new Set<string>();
    for (const a of scope.slice(last + 1).split(",")) if (a) actions.add(a);
    byResource.set(resource, actions);
  }
  return [...byResource.entries()]
    .map(([resource, actions]) => `${resource}:${[...actions].sort().join(",")}`)
    .sort();
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` (RFC 7235). */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const m of (match[2] ?? "").matchAll(pattern)) {
    params[(m[1] ?? "").toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}

/** The words of a registry's error body (`{"errors":[{"code","message"}]}`), or its status line. */
export async function registryErrorText(res: Response): Promise<string> {
  let text = "";
  try {
    text = await res.text();
  } catch {
    // The body may already be gone (HEAD, or a connection cut); the status says enough.
  }
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[]; details?: string };
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      return body.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
    }
    if (typeof body.details === "string") return body.details;
  } catch {
    // Not JSON: fall through to the text itself.
  }
  const trimmed = text.trim().slice(0, 300);
  return trimmed || `${res.status} ${res.statusText}`.trim();
}

export async function discardBody(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // Nothing to release.
  }
}

const retryableNetworkCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

function networkCode(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return err instanceof Error ? err.message : String(err);
}

export interface RegistryRequest {
  method: "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** A path under the registry (`/v2/…`) or an absolute URL from a `Location` header. */
  url: string;
  /** The token scopes the request needs; requests with the same scopes share a cached token. */
  scopes: readonly string[];
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** Statuses the caller handles itself; any other becomes an MlopsError. */
  ok: readonly number[];
  /** What the request does, for messages: "push blob sha256:… to apps/fuel". */
  what: string;
}

/**
 * One registry's API with its credentials: token or Basic auth on demand, a token cache per
 * scope, and the retry policy on every exchange. Credentials never reach a log line or a message.
 */
export class RegistryClient {
  readonly registry: string;
  readonly origin: string;
  private readonly auth: RegistryAuth | undefined;
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private readonly tokens = new Map<string, string>();
  private useBasic = false;

  constructor(registry: string, options: RegistryOptions = {}) {
    this.registry = registry;
    const insecure = options.insecure ?? isLoopbackRegistry(registry);
    this.origin = `${insecure ? "http" : "https"}://${registryApiHost(registry)}`;
    this.auth = options.auth;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.logger = options.logger ?? silentLogger;
  }

  async request(spec: RegistryRequest): Promise<Response> {
    const key = spec.scopes.join(" ");
    const url = new URL(spec.url, this.origin);
    let res = await this.exchange(spec.method, url, this.headersFor(key, spec.headers), spec.body, spec.what);
    if (res.status === 401 && !("token" in (this.auth ?? {}))) {
      const challenge = parseChallenge(res.headers.get("www-authenticate"));
      const refusal = await registryErrorText(res);
      if (await this.authenticate(challenge, spec.scopes, key, spec.what, refusal)) {
        res = await this.exchange(spec.method, url, this.headersFor(key, spec.headers), spec.body, spec.what);
      } else {
        throw this.authFailure(401, spec.what, refusal);
      }
    }
    if (spec.ok.includes(res.status)) return res;
    throw await this.failure(res, spec.what);
  }

  private headersFor(key: string, extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    const auth = this.auth;
    if (auth && "token" in auth) headers.authorization = `Bearer ${auth.token}`;
    else if (this.tokens.has(key)) headers.authorization = `Bearer ${this.tokens.get(key)}`;
    else if (this.useBasic && auth) headers.authorization = basicAuthorization(auth);
    return headers;
  }

  /** Answers a 401: fetches a bearer token for the scopes, or switches to Basic. False when nothing can help. */
  private async authenticate(
    challenge: Challenge | undefined,
    scopes: readonly string[],
    key: string,
    what: string,
    refusal: string,
  ): Promise<boolean> {
    const auth = this.auth;
    if (challenge?.scheme === "basic") {
      if (!auth || this.useBasic) return false;
      this.useBasic = true;
      return true;
    }
    if (challenge?.scheme !== "bearer" || !challenge.params.realm) return false;
    if (this.tokens.has(key)) {
      // A token we already hold was refused: fetching the same again would not change the answer.
      if (/insufficient_scope/.test(challenge.params.error ?? "")) throw this.authFailure(403, what, refusal);
      this.tokens.delete(key);
    }
    const challenged = (challenge.params.scope ?? "").split(" ").filter(Boolean);
    this.tokens.set(
      key,
      await this.fetchToken(challenge.params, mergeScopes([...scopes, ...challenged]), what),
    );
    return true;
  }

  private async fetchToken(params: Record<string, string>, scopes: string[], what: string): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm ?? "");
    } catch {
      throw new MlopsError("remote", `the registry ${this.registry} named an invalid token service`, {
        got: params.realm,
      });
    }
    if (params.service) realm.searchParams.set("service", params.service);
    for (const scope of scopes) realm.searchParams.append("scope", scope);
    const headers: Record<string, string> = {};
    if (this.auth && "username" in this.auth) headers.authorization = basicAuthorization(this.auth);
    const res = await this.exchange("GET", realm, headers, undefined, `get a token for: ${what}`);
    if (!res.ok) {
      const message = await registryErrorText(res);
      throw new MlopsError(
        "remote",
        `the token service of ${this.registry} (${realm.origin}) refused to issue a token for ${what}: ${message}`,
        {
          got: String(res.status),
          hint: this.auth
            ? "check the username and password or token, and that they may access this repository"
            : "this registry needs credentials: pass a username and password or token",
        },
      );
    }
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) {
      throw new MlopsError("remote", `the token service of ${this.registry} answered without a token`, {
        expected: "a JSON body with `token` or `access_token`",
      });
    }
    this.logger.debug(`registry ${this.registry}: token issued for ${scopes.join(" ")}`);
    return token;
  }

  /** One HTTP exchange under the retry policy: connection errors, 5xx and 429 are tried again. */
  private exchange(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: Uint8Array | undefined,
    what: string,
  ): Promise<Response> {
    return withRetry(
      this.retry,
      async () => {
        let res: Response;
        try {
          res = await fetch(url, { method, headers, body, redirect: "follow" });
        } catch (err) {
          const failure = this.unreachable(url, err);
          if (retryableNetworkCodes.has(networkCode(err))) throw new RetryableFailure(failure);
          throw failure;
        }
        this.logger.debug(`${method} ${url.pathname} → ${res.status}`);
        if ((res.status >= 500 && res.status !== 501) || res.status === 429) {
          const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
          throw new RetryableFailure(await this.failure(res, what), retryAfter);
        }
        return res;
      },
      (n, reason) => this.logger.debug(`retrying ${what} after attempt ${n}: ${reason}`),
    );
  }

  private unreachable(url: URL, err: unknown): MlopsError {
    const code = networkCode(err);
    const tlsMismatch = /SSL|TLS|EPROTO/i.test(code);
    return new MlopsError("remote", `cannot reach the registry ${this.registry} at ${url.origin}: ${code}`, {
      got: code,
      hint: tlsMismatch
        ? "the server does not speak HTTPS here; for a plain-HTTP registry (loopback, CI service) set insecure"
        : "check that the registry is running and the host and port are right",
      cause: err,
    });
  }

  private authFailure(status: number, what: string, message: string): MlopsError {
    if (status === 403) {
      return new MlopsError("remote", `the registry ${this.registry} denied ${what}: ${message}`, {
        got: "403",
        hint: "the credentials are valid but may not do this; for ghcr.io the token needs write:packages",
      });
    }
    return new MlopsError("remote", `the registry ${this.registry} refused ${what} (401): ${message}`, {
      got: "401",
      hint: this.auth
        ? "check the username and password or token, and that they may access this repository"
        : "this registry needs credentials: pass a username and password or token",
    });
  }

  private async failure(res: Response, what: string): Promise<MlopsError> {
    const message = await registryErrorText(res);
    if (res.status === 401 || res.status === 403) return this.authFailure(res.status, what, message);
    if (res.status === 404) {
      return new MlopsError("not-found", `${what}: not found on ${this.registry}: ${message}`, {
        got: "404",
      });
    }
    return new MlopsError(
      "remote",
      `the registry ${this.registry} answered ${res.status} to ${what}: ${message}`,
      {
        got: String(res.status),
      },
    );
  }
}

export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:\d+$/, "");
  return host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";
}

function basicAuthorization(auth: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}`;
}
