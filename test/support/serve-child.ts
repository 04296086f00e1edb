import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ServeOptions } from "../../src/serve/index.js";

const script = fileURLToPath(new URL("./serve-child.mjs", import.meta.url));

export interface ChildServer {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  stderr(): string;
  /** Whether the process is still the one started (it has not exited). */
  running(): boolean;
  /** Resolves with the next stderr text matching `pattern` (already logged counts). */
  logged(pattern: RegExp): Promise<string>;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/** Starts test/support/serve-child.mjs: the real inference server, alone in a process. */
export function startChildServer(options: Omit<ServeOptions, "logger">): Promise<ChildServer> {
  const child = spawn(process.execPath, [script, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const watchers: { pattern: RegExp; resolve: (s: string) => void }[] = [];
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
    for (const w of watchers.splice(0)) {
      const m = w.pattern.exec(stderr);
      if (m) w.resolve(m[0]);
      else watchers.push(w);
    }
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const newline = out.indexOf("\n");
      if (newline < 0) return;
      const { url, pid } = JSON.parse(out.slice(0, newline)) as { url: string; pid: number };
      resolve({
        url,
        port: Number(new URL(url).port),
        pid,
        child,
        stderr: () => stderr,
        running: () => exitCode === undefined,
        logged: (pattern) =>
          new Promise((found) => {
            const m = pattern.exec(stderr);
            if (m) found(m[0]);
            else watchers.push({ pattern, resolve: found });
          }),
        stop: () => {
          if (exitCode === undefined) child.kill("SIGTERM");
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
}

/** Resident memory of a process, in bytes (Linux /proc). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}
