/**
 * How domain code tells a person what is going on without knowing where the words go: the CLI
 * prints to stderr (a progress bar on a TTY, nothing while quiet), an action writes to the job log.
 */
export interface Progress {
  /** Adds `n` finished units (default 1); `bytes` feeds a throughput figure where shown. */
  tick(n?: number): void;
  /** Grows the total when work is discovered on the way. */
  setTotal(total: number): void;
  done(): void;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Starts a unit of long work; the returned handle must be `done()` whether it ends well or not. */
  progress(label: string, total: number): Progress;
}

const noProgress: Progress = { tick() {}, setTotal() {}, done() {} };

/** For tests and for callers that want silence. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  debug() {},
  progress: () => noProgress,
};

/** Collects messages; tests assert on what a person would have read. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warning: ${m}`),
    debug() {},
    progress: () => noProgress,
  };
}

/**
 * A logger over an action's line writers (`@actions/core` itself: `info`, `warning`, `debug`): where
 * a bar cannot redraw, progress is one line when the work starts.
 */
export function lineLogger(write: {
  info(m: string): void;
  warning(m: string): void;
  debug(m: string): void;
}): Logger {
  return {
    info: (m) => write.info(m),
    warn: (m) => write.warning(m),
    debug: (m) => write.debug(m),
    progress: (label, total) => {
      write.info(`${label} (${total})…`);
      return noProgress;
    },
  };
}
