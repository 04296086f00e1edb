import { spawn } from "node:child_process";
import { MlopsError } from "../errors/index.js";

export interface GitOptions {
  cwd: string;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (e.g. 1 from `git diff --quiet`). */
  okCodes?: readonly number[];
  /** Extra environment, e.g. a committer date or credentials passed as config (never in argv). */
  env?: Readonly<Record<string, string>>;
}

export interface GitResult {
  stdout: Buffer;
  code: number;
}

/** Runs git with no shell and collects both streams as bytes; the exit code is the caller's to judge. */
function spawnGit(
  args: readonly string[],
  options: GitOptions,
): Promise<{ stdout: Buffer; stderr: Buffer; code: number }> {
  return new Promise((resolvePromise, reject) => {
    const input = options.input;
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (cause) =>
      reject(new MlopsError("command-failed", "could not run git", { cause, hint: "is git installed?" })),
    );
    child.on("close", (code) =>
      resolvePromise({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code: code ?? 1 }),
    );
    if (input !== undefined && child.stdin) {
      // git may exit before reading everything (e.g. on a bad object name); the exit code reports that.
      child.stdin.on("error", () => {});
      child.stdin.end(input);
    }
  });
}

/** The end of what git said on stderr, on one line: where it says why it refused. */
export function gitStderrTail(stderr: string, lines = 2): string {
  return stderr.trim().split("\n").slice(-lines).join("; ");
}

/** The one way this code base runs git: no shell, output as bytes, failures as MlopsError. */
export async function gitRaw(args: readonly string[], options: GitOptions): Promise<GitResult> {
  const { stdout, stderr, code } = await spawnGit(args, options);
  if (code === 0 || options.okCodes?.includes(code)) return { stdout, code };
  const message = gitStderrTail(stderr.toString("utf8"), 3);
  throw new MlopsError("command-failed", `git ${args[0]} failed (exit ${code}): ${message}`);
}

/** Runs git and keeps stderr: for commands whose refusal (a rejected push) is an answer to read. */
export async function gitCapture(
  args: readonly string[],
  options: GitOptions,
): Promise<{ stdout: string; stderr: string; code: number }> {
  const { stdout, stderr, code } = await spawnGit(args, options);
  return { stdout: stdout.toString("utf8"), stderr: stderr.toString("utf8"), code };
}

export async function git(args: readonly string[], options: GitOptions): Promise<string> {
  return (await gitRaw(args, options)).stdout.toString("utf8");
}

export async function isGitRepo(cwd: string): Promise<boolean> {
  const result = await gitRaw(["rev-parse", "--git-dir"], { cwd, okCodes: [128] });
  return result.code === 0;
}

/**
 * Reads many blobs in one `git cat-file --batch` process; returns their contents by object name.
 * One process for thousands of blobs instead of one each.
 */
export async function readBlobs(cwd: string, objectNames: readonly string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  if (objectNames.length === 0) return result;
  const { stdout } = await gitRaw(["cat-file", "--batch"], { cwd, input: `${objectNames.join("\n")}\n` });
  let offset = 0;
  for (const name of objectNames) {
    const newline = stdout.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = stdout.subarray(offset, newline).toString("utf8");
    offset = newline + 1;
    const [, type, sizeText] = header.split(" ");
    if (type === undefined || sizeText === undefined || header.endsWith(" missing")) continue;
    const size = Number(sizeText);
    result.set(name, stdout.subarray(offset, offset + size));
    offset += size + 1;
  }
  return result;
}
