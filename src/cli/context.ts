import type { Command } from "commander";
import type { Logger } from "../log/index.js";
import { findRepoRoot } from "../repo/index.js";
import { terminalLogger } from "./terminal-logger.js";

/** Options every verb accepts; read once here so command files never touch process state. */
export interface GlobalOptions {
  repo?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export interface CommandContext {
  root: string;
  json: boolean;
  logger: Logger;
  /** Writes the result: JSON on stdout with --json, else the human text. */
  output(result: unknown, human: () => string): void;
}

export function commandContext(command: Command, options: { needsRepo?: boolean } = {}): CommandContext {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const json = opts.json === true;
  const cwd = opts.repo ?? process.cwd();
  const root = options.needsRepo === false ? cwd : findRepoRoot(cwd);
  // With --json stdout carries exactly one document, so chatter is quieted to warnings on stderr.
  const logger = terminalLogger({ quiet: opts.quiet === true || json, verbose: opts.verbose === true });
  return {
    root,
    json,
    logger,
    output(result, human) {
      if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const text = human();
        if (text) process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
      }
    },
  };
}
