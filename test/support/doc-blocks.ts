import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ShellBlock {
  /** 1-based line of the opening fence. */
  line: number;
  text: string;
}

/** Every ```sh block of a markdown file, in order: what a reader types. */
export function shellBlocks(file: string): ShellBlock[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash|shell)\s*$/.test(lines[i] ?? "")) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    blocks.push({ line: start + 1, text: body.join("\n") });
  }
  return blocks;
}

const bin = fileURLToPath(new URL("../../bin/mlops.js", import.meta.url));

/** A directory holding an `mlops` command that runs this checkout's built CLI, for PATH. */
export function mlopsOnPath(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, "mlops");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

export interface BlockRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one block as a reader's shell would, stopping at the first failing command. */
export function runBlock(block: ShellBlock, cwd: string, env: NodeJS.ProcessEnv): BlockRun {
  const r = spawnSync("bash", ["-euo", "pipefail", "-c", block.text], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts a long-running block (a server) and resolves once its output matches `ready`. */
export function startBlock(
  block: ShellBlock,
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const child = spawn("bash", ["-c", `exec ${block.text.trim()}`], { cwd, env: { ...process.env, ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = ready.exec(output);
      if (match) resolve({ child, match, output: () => output });
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.on("exit", (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
}
