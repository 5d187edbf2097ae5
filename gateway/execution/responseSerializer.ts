import { LRUCache } from 'lru-cache';
import type { FormattedExecutionResult } from 'graphql';

/** How many recent shared response bodies keep their bytes ready. */
const SHARED_BODIES = 8;

/**
 * Serialises the gateway's HTTP responses so that a result shared by
 * deduplicated requests is turned into JSON, and into bytes, once rather than once per request.
 * A result's `data` is never changed after it is serialised, so the first string stays right.
 */
export class ResponseSerializer {
  readonly #bodies = new WeakMap<object, string>();
  readonly #bytes = new LRUCache<string, Buffer>({ max: SHARED_BODIES });

  /** Like Apollo Server's own: the result's JSON and a newline. */
  readonly stringify = (result: FormattedExecutionResult): string => {
    const { data } = result;
    // Only a bare `{ data }` is the same for every request that shares it.
    if (result.errors !== undefined || result.extensions !== undefined || data === null || typeof data !== 'object') return `${JSON.stringify(result)}\n`;
    const known = this.#bodies.get(data);
    if (known === undefined) {
      const body = `${JSON.stringify(result)}\n`;
      this.#bodies.set(data, body);
      return body;
    }
    // Seen twice: shared, so worth keeping its bytes for the other requests that share it.
    if (!this.#bytes.has(known)) {
      this.#bytes.set(known, Buffer.from(known));
    }
    return known;
  };

  /** For the HTTP layer's `onSend`: a shared body's ready bytes instead of encoding the string again. */
  bytes(payload: unknown): unknown {
    return typeof payload === 'string' ? (this.#bytes.get(payload) ?? payload) : payload;
  }
}
