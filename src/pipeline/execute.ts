import { spawn } from "node:child_process";
import { MlopsError } from "../errors/index.js";

export type OutputSink = (line: string, stream: "stdout" | "stderr") => void;

/** Splits a byte stream into lines, holding back a partial last line until more arrives. */
function lineSplitter(onLine: (line: string) => void): { push(chunk: Buffer): void; end(): void } {
  let pending = "";
  return {
    push(chunk) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onLine(line.replace(/\r$/, ""));
    },
    end() {
      if (pending) onLine(pending);
      pending = "";
    },
  };
}

/**
 * Runs one shell command, streaming its output line by line. Rejects with a `command-failed`
 * error that quotes the last lines the command wrote to stderr.
 */
export function runShell(
  cmd: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; onOutput: OutputSink; label: string },
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("/bin/sh", ["-c", cmd], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tail: string[] = [];
    const out = lineSplitter((line) => options.onOutput(line, "stdout"));
    const err = lineSplitter((line) => {
      tail.push(line);
      if (tail.length > 8) tail.shift();
      options.onOutput(line, "stderr");
    });
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (e) =>
      reject(new MlopsError("command-failed", `${options.label}: could not start the command: ${e.message}`)),
    );
    child.on("close", (code, signal) => {
      out.end();
      err.end();
      if (code === 0) return resolvePromise();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const last = tail.filter((l) => l.trim() !== "").slice(-4);
      reject(
        new MlopsError("command-failed", `${options.label}: \`${cmd}\` ${how}`, {
          got: last.length > 0 ? last.join("\n") : undefined,
          hint: "the previous outputs and pipeline.lock were left as they were",
        }),
      );
    });
  });
}
