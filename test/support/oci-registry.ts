import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, createPrivateKey, type KeyObject, randomUUID, sign, X509Certificate } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { genSaltSync, hashSync } from "bcryptjs";

/**
 * A real OCI registry for tests: Debian's `docker-registry` (CNCF distribution 2.8) on a free
 * loopback port with its storage in a temp dir, optionally behind token auth served by a tiny
 * token service here that signs JWTs the way distribution expects, or behind htpasswd Basic auth.
 */

/**
 * Fails (never skips) when a tool is missing, naming every missing one: a test that needs the
 * registry or podman calls this where it starts, so a machine without them fails loudly.
 */
export function requireTools(tools: readonly string[]): void {
  const missing = tools.filter((t) => spawnSync("sh", ["-c", `command -v ${t}`]).status !== 0);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(", ")} required, not on PATH (bash scripts/ci/install-system-deps.sh installs them)`,
    );
  }
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface TokenGrant {
  /** Actions the user gets on every repository it asks for (default pull and push). */
  actions?: string[];
}

export interface TokenService {
  url: string;
  service: string;
  issuer: string;
  /** Every token request: who asked (undefined for anonymous) and for which scopes. */
  requests: { user?: string; scopes: string[] }[];
  close(): Promise<void>;
}

export interface RunningRegistry {
  /** `127.0.0.1:PORT`, as written in image references. */
  host: string;
  url: string;
  storageDir: string;
  token?: TokenService;
  /** The registry's own log, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

export type RegistryAuthSetup =
  | { kind: "none" }
  | { kind: "token"; users: Record<string, { password: string } & TokenGrant> }
  | { kind: "htpasswd"; users: Record<string, string> };

const base64url = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64url");

/**
 * The key id distribution 2.8 (through docker/libtrust) derives from a public key: SHA-256 of its
 * DER (PKIX) form, first 240 bits, base32 without padding, in 12 groups of 4 joined by ':'. The
 * registry trusts a token whose `kid` is the id of a key in its rootcertbundle.
 */
export function libtrustKeyId(publicKeyDer: Buffer): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bytes = createHash("sha256").update(publicKeyDer).digest().subarray(0, 30);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return (out.match(/.{4}/g) ?? []).join(":");
}

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "RS256", kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
}

async function startTokenService(
  dir: string,
  users: Record<string, { password: string } & TokenGrant>,
): Promise<{ service: TokenService; certPath: string }> {
  run(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"],
      ...["-keyout", "token-key.pem", "-out", "token-cert.pem", "-subj", "/CN=mlops test token issuer"],
    ],
    dir,
  );
  const key = createPrivateKey(readFileSync(join(dir, "token-key.pem")));
  const cert = new X509Certificate(readFileSync(join(dir, "token-cert.pem")));
  const kid = libtrustKeyId(cert.publicKey.export({ type: "spki", format: "der" }));
  const serviceName = "mlops-test-registry";
  const issuer = "mlops-test-token-issuer";
  const requests: TokenService["requests"] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://token");
    const scopes = url.searchParams.getAll("scope").flatMap((s) => s.split(" ").filter(Boolean));
    let user: string | undefined;
    const header = req.headers.authorization ?? "";
    if (header.startsWith("Basic ")) {
      const [name, ...rest] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
      const known = users[name ?? ""];
      if (!known || known.password !== rest.join(":")) {
        requests.push({ user: name, scopes });
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ details: "incorrect username or password" }));
        return;
      }
      user = name;
    }
    requests.push({ user, scopes });
    const grant = user ? (users[user]?.actions ?? ["pull", "push"]) : [];
    const access = scopes
      .map((scope) => {
        const [type, name, actions] = [scope.split(":")[0], scope.split(":")[1], scope.split(":")[2] ?? ""];
        return { type, name, actions: actions.split(",").filter((a) => grant.includes(a)) };
      })
      .filter((a) => a.type === "repository" && a.actions.length > 0);
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(key, kid, {
      iss: issuer,
      sub: user ?? "",
      aud: url.searchParams.get("service") ?? "",
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access,
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    certPath: join(dir, "token-cert.pem"),
    service: {
      url: `http://127.0.0.1:${port}/token`,
      service: serviceName,
      issuer,
      requests,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    },
  };
}

function bcrypt(password: string): string {
  // distribution's htpasswd accepts bcrypt only. bcryptjs is plain JavaScript, so every platform
  // has it (Python's crypt module, used before, is gone from Python 3.13). Cost 4 (16 rounds)
  // because the registry checks the hash on every request.
  return hashSync(password, genSaltSync(4));
}

export async function startRegistry(auth: RegistryAuthSetup = { kind: "none" }): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "mlops-registry-"));
  const storageDir = join(dir, "storage");
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  let token: TokenService | undefined;
  let authYaml = "";
  if (auth.kind === "token") {
    const started = await startTokenService(dir, auth.users);
    token = started.service;
    authYaml = [
      "auth:",
      "  token:",
      `    realm: ${token.url}`,
      `    service: ${token.service}`,
      `    issuer: ${token.issuer}`,
      `    rootcertbundle: ${started.certPath}`,
    ].join("\n");
  } else if (auth.kind === "htpasswd") {
    const lines = Object.entries(auth.users).map(([u, p]) => `${u}:${bcrypt(p)}`);
    writeFileSync(join(dir, "htpasswd"), `${lines.join("\n")}\n`);
    authYaml = ["auth:", "  htpasswd:", "    realm: mlops-test", `    path: ${join(dir, "htpasswd")}`].join(
      "\n",
    );
  }
  const config = [
    "version: 0.1",
    "log:",
    "  level: info",
    "  accesslog:",
    "    disabled: true",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${storageDir}`,
    "  delete:",
    "    enabled: true",
    "http:",
    `  addr: ${host}`,
    `  secret: ${randomUUID()}`,
    authYaml,
    "",
  ].join("\n");
  const configPath = join(dir, "config.yml");
  writeFileSync(configPath, config);
  const logPath = join(dir, "registry.log");
  const logFd = openSync(logPath, "a");
  const child: ChildProcess = spawn("docker-registry", ["serve", configPath], {
    stdio: ["ignore", logFd, logFd],
  });
  const log = () => {
    try {
      return readFileSync(logPath, "utf8");
    } catch {
      return "";
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await token?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = log();
      await stop();
      throw new Error(`docker-registry exited at start:\n${text}`);
    }
    try {
      const res = await fetch(`http://${host}/v2/`);
      if (res.status === 200 || res.status === 401) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`docker-registry did not answer on ${host}:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { host, url: `http://${host}`, storageDir, token, log, stop };
}
