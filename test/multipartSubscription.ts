/** Apollo's multipart subscription protocol, read as its client reads it (the transports test and the fan-out bench). */

/** The `Accept` of a subscription over HTTP multipart, as Apollo Client sends it. */
export const MULTIPART_SUBSCRIPTION_ACCEPT = 'multipart/mixed;subscriptionSpec="1.0", application/json';

/** One part: an event's result under `payload`, `errors` (with a null payload) when it failed, neither for a heartbeat. */
export interface SubscriptionPart {
  payload?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Hands each part between `--graphql` delimiters to `onPart`, in order; resolves at the closing `--graphql--` or the body's end. */
export async function readMultipartSubscription(body: ReadableStream<Uint8Array>, onPart: (part: SubscriptionPart) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) return;
    buffer += decoder.decode(chunk, { stream: true });
    for (;;) {
      const start = buffer.indexOf('\r\n\r\n');
      const end = buffer.indexOf('\r\n--graphql', start);
      if (start < 0 || end < 0) break;
      onPart(JSON.parse(buffer.slice(start + 4, end)) as SubscriptionPart);
      buffer = buffer.slice(end + '\r\n--graphql'.length);
      if (buffer.startsWith('--')) return;
    }
  }
}
