// What a step says back to the runner: the file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE,
// GITHUB_PATH) and the workflow commands in its output (`::error file=a,line=3::text`, `::add-mask::`),
// parsed as the runner does:
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands

import { spawn } from "node:child_process";

/**
 * `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks, in order; a later name wins.
 * @param {string} text @param {string} fileLabel names the file in errors (GITHUB_OUTPUT, …)
 * @returns {Record<string, string>}
 */
export function parseFileCommand(text, fileLabel) {
  /** @type {Record<string, string>} */
  const values = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = /** @type {string} */ (lines[i]);
    if (line === "") continue;
    const eq = line.indexOf("=");
    const heredoc = line.indexOf("<<");
    if (eq > 0 && (heredoc < 0 || eq < heredoc)) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc > 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (delimiter === "") throw new Error(`${fileLabel}: '${line}' has an empty delimiter`);
      const body = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        body.push(lines[i]);
      }
      if (!closed) throw new Error(`${fileLabel}: the value of '${name}' is not closed by '${delimiter}'`);
      values[name] = body.join("\n");
      continue;
    }
    throw new Error(`${fileLabel}: '${line}' is neither 'name=value' nor 'name<<DELIMITER'`);
  }
  return values;
}

/** @param {string} text */
function unescapeData(text) {
  return text.replace(/%0D/gi, "\r").replace(/%0A/gi, "\n").replace(/%25/g, "%");
}

/** @param {string} text */
function unescapeProperty(text) {
  return unescapeData(text).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

/**
 * @typedef {object} Annotation
 * @property {"error" | "warning" | "notice"} level
 * @property {string} message
 * @property {string} [file]
 * @property {number} [line]
 * @property {number} [col]
 * @property {string} [title]
 */

/**
 * Reads a step's output line by line: collects annotations and masks, hides masked values, and
 * honours `::stop-commands::` so a step can print text that looks like commands.
 */
export class StepOutputReader {
  /** @param {Set<string>} masks shared by the whole job: a mask added by one step hides the value in later ones */
  constructor(masks) {
    this.masks = masks;
    /** @type {Annotation[]} */
    this.annotations = [];
    /** @type {string[]} */
    this.ignored = [];
    /** @type {string | null} */
    this.stopToken = null;
  }

  /** Replaces every masked value in a line; longer values first so a prefix does not leave a tail. @param {string} line */
  mask(line) {
    let out = line;
    const values = [...this.masks].filter((m) => m !== "").sort((a, b) => b.length - a.length);
    for (const value of values) out = out.split(value).join("***");
    return out;
  }

  /**
   * One line of stdout/stderr; returns the line as it goes to the log (masked).
   * @param {string} line
   */
  read(line) {
    const match = /^\s*::([A-Za-z-]+)(?:\s+([^:]*))?::(.*)$/.exec(line);
    if (!match) return this.mask(line);
    const [, command = "", props = "", rawData = ""] = match;
    if (this.stopToken !== null) {
      if (command === this.stopToken) this.stopToken = null;
      return this.mask(line);
    }
    const data = unescapeData(rawData);
    /** @type {Record<string, string>} */
    const properties = {};
    for (const pair of props.split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    switch (command) {
      case "add-mask":
        // A multi-line secret is masked line by line too, as the runner does.
        for (const part of [data, ...data.split(/\r?\n/)]) if (part.trim() !== "") this.masks.add(part);
        return "::add-mask::***";
      case "error":
      case "warning":
      case "notice": {
        /** @type {Annotation} */
        const annotation = { level: command, message: this.mask(data) };
        if (properties.file) annotation.file = properties.file;
        if (properties.line) annotation.line = Number(properties.line);
        if (properties.col) annotation.col = Number(properties.col);
        if (properties.title) annotation.title = this.mask(properties.title);
        this.annotations.push(annotation);
        return this.mask(line);
      }
      case "stop-commands":
        this.stopToken = data;
        return this.mask(line);
      case "set-output":
      case "save-state":
      case "set-env":
      case "add-path":
        // Disabled on GitHub since 2022/2023 (file commands replaced them): a step relying on them is broken.
        this.ignored.push(command);
        return this.mask(line);
      default:
        return this.mask(line);
    }
  }
}

/**
 * @typedef {object} ProcessResult
 * @property {number | null} exitCode
 * @property {string | null} signal
 * @property {boolean} timedOut
 */

/**
 * Runs a command without blocking this process (a test may serve the GitHub double or a git
 * server from it), handing every output line to `onLine`. The child gets its own process group so
 * a timeout can stop everything it started, as the runner does when a step times out.
 * @param {object} options
 * @param {string} options.command
 * @param {string[]} options.args
 * @param {string} options.cwd
 * @param {Record<string, string | undefined>} options.env
 * @param {number} [options.timeoutMs]
 * @param {(line: string, stream: "stdout" | "stderr") => void} options.onLine
 * @returns {Promise<ProcessResult>}
 */
export function runProcess({ command, args, cwd, env, timeoutMs, onLine }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let timedOut = false;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    /** @type {NodeJS.Timeout | undefined} */
    let killer;
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      timer = setTimeout(() => {
        timedOut = true;
        signalGroup(child.pid, "SIGTERM");
        killer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 5000);
      }, timeoutMs);
    }
    for (const stream of /** @type {const} */ (["stdout", "stderr"])) {
      let pending = "";
      const source = child[stream];
      source.setEncoding("utf8");
      source.on("data", (/** @type {string} */ chunk) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) onLine(line.replace(/\r$/, ""), stream);
      });
      source.on("end", () => {
        if (pending !== "") onLine(pending, stream);
        pending = "";
      });
    }
    child.on("error", (err) => {
      onLine(`cannot start ${command}: ${err.message}`, "stderr");
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      resolve({ exitCode: code, signal, timedOut });
    });
  });
}

/** @param {number | undefined} pid @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
