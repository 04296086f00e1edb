import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireTool } from "./tools.js";

export interface S3Server {
  endpoint: string;
  /** The directory s3s-fs serves: `root/BUCKET/KEY` is the object's bytes. */
  root: string;
  accessKey: string;
  secretKey: string;
  /** Creates a bucket (s3s-fs keeps one directory per bucket). */
  makeBucket(name: string): void;
  /** The environment the AWS SDK's default chain reads: these keys, and nothing from this machine. */
  env(overrides?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** `s3s-fs` on PATH or where `scripts/ci/install-s3-server.sh` caches it; on CI a missing one fails the file. */
export function findS3Server(): string | undefined {
  const cached = join(process.env.HOME ?? "/root", ".cache/mlops-ci/s3s-fs-0.14.1/bin/s3s-fs");
  return requireTool("s3s-fs (scripts/ci/install-s3-server.sh)", "s3s-fs", cached);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the port accepts a connection, or rejects when the process exits first. */
function acceptsConnections(port: number, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const onExit = (code: number | null) => {
      if (!settled) {
        settled = true;
        reject(new Error(`s3s-fs exited (${code}) before listening on ${port}`));
      }
    };
    child.once("exit", onExit);
    const attempt = () => {
      if (settled) return;
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        settled = true;
        child.off("exit", onExit);
        resolve();
      });
      // Not listening yet: try again on the next turn of the event loop's timers.
      socket.once("error", () => setImmediate(attempt));
    };
    attempt();
  });
}

/** An S3 server on loopback over a fresh directory; it checks signatures and SHA-256 checksums. */
export async function startS3Server(binary: string): Promise<S3Server> {
  const root = mkdtempSync(join(tmpdir(), "mlops-s3s-"));
  const accessKey = "mlopstestkey";
  const secretKey = "mlops-test-secret-0123456789";
  const port = await freePort();
  const child = spawn(
    binary,
    [
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--access-key",
      accessKey,
      "--secret-key",
      secretKey,
      root,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  try {
    await acceptsConnections(port, child);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}: ${stderr}`);
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    root,
    accessKey,
    secretKey,
    makeBucket: (name) => mkdirSync(join(root, name), { recursive: true }),
    env: (overrides = {}) => ({
      AWS_ACCESS_KEY_ID: accessKey,
      AWS_SECRET_ACCESS_KEY: secretKey,
      AWS_SESSION_TOKEN: "",
      AWS_PROFILE: "",
      AWS_REGION: "",
      AWS_DEFAULT_REGION: "",
      AWS_CONFIG_FILE: join(root, "no-aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(root, "no-aws-credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_WEB_IDENTITY_TOKEN_FILE: "",
      AWS_ROLE_ARN: "",
      ...overrides,
    }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          rmSync(root, { recursive: true, force: true });
          resolve();
          return;
        }
        child.once("exit", () => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
