import type { TokenTimes } from './caller.ts';

/** WebSocket close code of a connection whose access ended (graphql-ws's Forbidden): the client reconnects with a fresh token. */
export const ACCESS_ENDED = 4403;

/** setTimeout's longest delay; a token living longer is waited for in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The close reason of a connection whose token expired (a close reason holds at most 123 bytes). */
export function expiredReason(exp: number): string {
  return `Forbidden: the token expired at ${new Date(exp * 1000).toISOString()}; reconnect with a fresh token`;
}

/**
 * Calls `expired` when the token's `exp` passes (at once if it has); returns what cancels it.
 * Without token times (a caller not made from a token) it never fires.
 */
export function onExpiry(token: TokenTimes | undefined, expired: () => void): () => void {
  if (!token) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = token.exp * 1000 - Date.now();
    if (left <= 0) return expired();
    timer = setTimeout(arm, Math.min(left, MAX_DELAY_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
