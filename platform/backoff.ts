/**
 * Exponential backoff, shared by everything that retries: the consumer's retries of a failing
 * event, the relay after a failed publish, the Redis reconnects, the gateway's reconnects to a
 * subgraph's subscription stream.
 */

/**
 * The wait after the `failures`-th failure in a row (1 for the first): `baseMs`, doubled for each
 * failure after the first, at most `maxMs`. With `random` (a draw in [0, 1), e.g. Math.random())
 * the wait is spread over half to one and a half times that, so retries of many clients do not
 * arrive together; the cap holds after the spread too.
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random?: number): number {
  // 2 ** 30 is already past any cap; the bound keeps a long outage from overflowing to Infinity.
  const doubled = baseMs * 2 ** Math.min(Math.max(failures, 1) - 1, 30);
  const spread = random === undefined ? doubled : doubled * (0.5 + random);
  return Math.min(maxMs, Math.round(spread));
}
