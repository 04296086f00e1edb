/**
 * The one retry policy of the registry client: every HTTP exchange (registry or token service)
 * that fails with a connection error, a 5xx or a 429 is tried again after an exponential backoff,
 * honouring a short `Retry-After`. Anything else is an answer and goes back to the caller.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

/** Thrown by an attempt to ask for another; `final` is what the caller sees when none is left. */
export class RetryableFailure extends Error {
  constructor(
    readonly final: unknown,
    readonly retryAfterMs?: number,
  ) {
    super(final instanceof Error ? final.message : String(final));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  if (retryAfterMs !== undefined && retryAfterMs <= policy.maxDelayMs)
    return Math.max(retryAfterMs, exponential);
  // Half fixed, half jitter: clients that failed together do not all come back at once.
  return exponential / 2 + Math.random() * (exponential / 2);
}

export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  onRetry?: (n: number, reason: string) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof RetryableFailure)) throw err;
      if (n >= policy.attempts) throw err.final;
      onRetry?.(n, err.message);
      await sleep(backoffDelay(policy, n, err.retryAfterMs));
    }
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
