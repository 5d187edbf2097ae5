/**
 * The two multipart/mixed wire formats the gateway writes over HTTP, both with the boundary
 * `graphql` (as Apollo Router does):
 * - incremental delivery (`@defer`, `deferSpec=20220824`): the initial payload, then each later
 *   payload, each its own part; the part with `hasNext: false` closes the body with `--graphql--`;
 * - subscriptions (Apollo's multipart subscription protocol, `subscriptionSpec=1.0`): each event
 *   as `{"payload": …}`, a heartbeat as `{}`, the end closed by `--graphql--`.
 */

export const BOUNDARY = 'graphql';

export const DEFER_CONTENT_TYPE = `multipart/mixed; boundary="${BOUNDARY}"; deferSpec=20220824`;
export const SUBSCRIPTION_CONTENT_TYPE = `multipart/mixed; boundary="${BOUNDARY}"; subscriptionSpec=1.0`;

const PART_HEAD = 'content-type: application/json; charset=utf-8\r\n\r\n';

/** The body's opening delimiter: written once, before the first part. */
export const OPENING = `\r\n--${BOUNDARY}\r\n`;

/** One JSON part and the delimiter after it: the next part's, or the closing one. */
export function part(value: unknown, last: boolean): string {
  return `${PART_HEAD}${JSON.stringify(value)}\r\n--${BOUNDARY}${last ? '--' : ''}\r\n`;
}

/** The parts of an incremental result: the initial payload, then every later one, in order. */
export async function* deferParts<T extends { hasNext: boolean }>(initial: T, subsequent: AsyncIterable<{ hasNext: boolean }>): AsyncGenerator<string> {
  yield OPENING + part(initial, !initial.hasNext);
  if (!initial.hasNext) return;
  for await (const payload of subsequent) {
    yield part(payload, !payload.hasNext);
    if (!payload.hasNext) return;
  }
  // The executor ended without a payload saying so: the body still closes.
  yield part({ hasNext: false }, true);
}

/** A subscription event, wrapped as the protocol wants it. */
export function subscriptionEvent(result: unknown): string {
  return part({ payload: result }, false);
}

/** A heartbeat part: tells the client (and proxies) the stream is alive. */
export const HEARTBEAT = part({}, false);

/**
 * The last part of a subscription, closing the body: its transport-level errors when it failed,
 * else a heartbeat (every part ends with the delimiter of the next, so the end needs a part too).
 */
export function subscriptionEnd(errors?: readonly unknown[]): string {
  return part(errors && errors.length > 0 ? { payload: null, errors } : {}, true);
}
