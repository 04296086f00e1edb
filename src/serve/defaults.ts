// No imports: the CLI reads these for its help text on every start.
/** What an option left out means; the CLI's help and the image's environment show the same. */
export const serveDefaults = {
  maxBatchRows: 64,
  maxBatchDelayMs: 1,
  maxRequestRows: 1024,
  bodyLimitBytes: 1024 * 1024,
  requestTimeoutMs: 10_000,
  intraOpThreads: 1,
  sampleRate: 0.01,
  // Slow or idle clients. Node's own defaults (headers 60 s, whole request 300 s, no connection cap)
  // let a few hundred connections that trickle bytes hold a body's worth of memory each for minutes.
  /** A request's headers must all arrive within this long of its first byte. */
  headersTimeoutMs: 10_000,
  /** The whole request, headers and body, must arrive within this long. */
  receiveTimeoutMs: 30_000,
  /** An idle kept-alive connection is closed after this long. */
  keepAliveTimeoutMs: 5_000,
  /**
   * Open connections per server process; more are closed at once. With the body limit, this bounds
   * what bodies being received can hold in memory (512 × 1 MiB).
   */
  maxConnections: 512,
} as const;
