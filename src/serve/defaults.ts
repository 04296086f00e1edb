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
} as const;
