import { type FileHandle, mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { MlopsError } from "../errors/index.js";

/** The path that means standard output, where cluster log shippers collect a container's lines. */
export const standardOutputLog = "-";

export interface PredictionLogOptions {
  /** The JSONL file; lines are appended, so a restart continues it. `-` writes to standard output. */
  path: string;
  /** Fraction of requests logged, 0–1. */
  sampleRate: number;
}

/** Buffered lines are written once this much has gathered, or after `flushIntervalMs`. */
const flushBytes = 64 * 1024;
const flushIntervalMs = 1000;

/** Where the lines go: an appended file, or standard output. */
interface LogSink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

function fileSink(handle: FileHandle): LogSink {
  return {
    write: async (chunk) => {
      await handle.write(chunk);
    },
    close: () => handle.close(),
  };
}

/**
 * Standard output, one write per line: several server processes (MLOPS_WORKERS) share the
 * container's stdout pipe, and a write of at most PIPE_BUF (4 KiB on Linux) bytes to a pipe is
 * never interleaved with another process's, so lines of usual size stay whole.
 */
function standardOutputSink(): LogSink {
  const writeLine = (line: string) =>
    new Promise<void>((resolve, reject) =>
      process.stdout.write(line, (err) => (err ? reject(err) : resolve())),
    );
  return {
    write: async (chunk) => {
      for (const line of chunk.split(/(?<=\n)/)) await writeLine(line);
    },
    close: async () => {},
  };
}

/**
 * Appends a sampled fraction of requests with their inputs and outputs to a JSONL file, for
 * monitoring to compare production inputs with the training data. Lines are buffered and written
 * off the request path; a failing disk costs log lines (with a warning), never a request.
 */
export class PredictionLog {
  private buffer: string[] = [];
  private bytes = 0;
  /** Error diffusion: exactly `sampleRate` of requests, spread evenly, with no random numbers. */
  private credit = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private failed = false;
  private closed = false;

  private constructor(
    private readonly sink: LogSink,
    private readonly sampleRate: number,
    readonly path: string,
    private readonly warn: (message: string) => void,
  ) {}

  static async open(options: PredictionLogOptions, warn: (message: string) => void): Promise<PredictionLog> {
    const rate = Math.min(1, Math.max(0, options.sampleRate));
    if (options.path === standardOutputLog) {
      return new PredictionLog(standardOutputSink(), rate, "standard output", warn);
    }
    try {
      await mkdir(dirname(options.path), { recursive: true });
      const handle = await open(options.path, "a");
      return new PredictionLog(fileSink(handle), rate, options.path, warn);
    } catch (err) {
      throw new MlopsError("io", `cannot open the prediction log: ${(err as Error).message}`, {
        file: options.path,
        cause: err,
      });
    }
  }

  /** Whether this request is in the sample; call once per request. */
  sample(): boolean {
    this.credit += this.sampleRate;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }

  /** Queues one line (a JSON object without the newline). */
  append(line: string): void {
    if (this.closed) return;
    this.buffer.push(line);
    this.bytes += line.length + 1;
    if (this.bytes >= flushBytes) void this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is buffered; resolves when it (and every earlier write) is on disk. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.buffer.length > 0) {
      const chunk = `${this.buffer.join("\n")}\n`;
      this.buffer = [];
      this.bytes = 0;
      this.writing = this.writing.then(async () => {
        try {
          await this.sink.write(chunk);
          this.failed = false;
        } catch (err) {
          if (!this.failed) this.warn(`prediction log ${this.path}: lines lost: ${(err as Error).message}`);
          this.failed = true;
        }
      });
    }
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.sink.close();
  }
}
