import { type FileHandle, mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { MlopsError } from "../errors/index.js";

export interface PredictionLogOptions {
  /** The JSONL file; lines are appended, so a restart continues it. */
  path: string;
  /** Fraction of requests logged, 0–1. */
  sampleRate: number;
}

/** Buffered lines are written once this much has gathered, or after `flushIntervalMs`. */
const flushBytes = 64 * 1024;
const flushIntervalMs = 1000;

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
    private readonly handle: FileHandle,
    private readonly sampleRate: number,
    readonly path: string,
    private readonly warn: (message: string) => void,
  ) {}

  static async open(options: PredictionLogOptions, warn: (message: string) => void): Promise<PredictionLog> {
    try {
      await mkdir(dirname(options.path), { recursive: true });
      const handle = await open(options.path, "a");
      return new PredictionLog(handle, Math.min(1, Math.max(0, options.sampleRate)), options.path, warn);
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
          await this.handle.write(chunk);
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
    await this.handle.close();
  }
}
