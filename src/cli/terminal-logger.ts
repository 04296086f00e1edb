import { createRequire } from "node:module";
import type CliProgress from "cli-progress";
import type { Logger, Progress } from "../log/index.js";

/**
 * Progress bars only on an interactive stderr; in CI logs and pipes a bar is noise, so long work
 * reports a single line when it finishes instead.
 */
export function terminalLogger(options: { quiet: boolean; verbose: boolean }): Logger {
  const stream = process.stderr;
  const interactive = stream.isTTY === true && !options.quiet;
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    info: (m) => {
      if (!options.quiet) write(m);
    },
    warn: (m) => write(`warning: ${m}`),
    debug: (m) => {
      if (options.verbose) write(m);
    },
    progress(label, total): Progress {
      if (!interactive) {
        return { tick() {}, setTotal() {}, done() {} };
      }
      // Loaded only when a bar is shown: quick verbs and piped output never pay for it.
      const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof CliProgress;
      const bar = new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`,
          stream,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      let finished = false;
      return {
        tick: (n = 1) => bar.increment(n),
        setTotal: (t) => bar.setTotal(t),
        done: () => {
          if (finished) return;
          finished = true;
          bar.stop();
        },
      };
    },
  };
}
