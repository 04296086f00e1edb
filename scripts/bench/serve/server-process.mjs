// Starting, probing and stopping one server under test. Each runs in its own process group (uvicorn
// with --workers forks), writes its output to a log file (so a chatty server never blocks on a full
// pipe while the harness waits on wrk), and is stopped with SIGTERM, then SIGKILL, to the group.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A TCP port nothing listens on now (the kernel's pick, released at once). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `command` (argv array) with its output going to `logFile`. */
export function startServer({ command, cwd, env, logFile }) {
  const log = openSync(logFile, "w");
  const child = spawn(command[0], command.slice(1), {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  const state = { child, exited: null, error: null };
  child.on("exit", (code, signal) => {
    state.exited = { code, signal };
  });
  child.on("error", (err) => {
    state.error = err;
    state.exited ??= { code: null, signal: null };
  });
  return state;
}

/** The last lines of a server's log, for an error message. */
export function logTail(logFile, lines = 12) {
  try {
    return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Polls `url` until it answers 200. Resolves { ready: true } or { ready: false, exited } when the
 * process ended first, or { ready: false, timedOut: true } after `timeoutMs`.
 */
export async function waitReady(state, url, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (state.exited) return { ready: false, exited: state.exited, error: state.error };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return { ready: true };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { ready: false, timedOut: true };
}

/** SIGTERM to the server's process group, SIGKILL after `graceMs` if it is still there. */
export async function stopServer(state, graceMs = 5000) {
  const { child } = state;
  if (state.exited || child.pid === undefined) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const deadline = performance.now() + graceMs;
  while (!state.exited && performance.now() < deadline) await sleep(50);
  // Forked workers may outlive their parent: the group gets SIGKILL either way.
  signalGroup("SIGKILL");
  while (!state.exited) await sleep(20);
}
