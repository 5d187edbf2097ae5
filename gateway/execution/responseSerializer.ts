import type { FormattedExecutionResult } from 'graphql';

/**
 * Serialises the gateway's HTTP responses so that a result shared by deduplicated requests is
 * turned into JSON, and into bytes, once rather than once per request. A result's `data` is never
 * changed after it is serialised, so the first body stays right.
 */
export class ResponseSerializer {
  /** Each shared result's body: its JSON, then its bytes once a second request shares it. */
  readonly #bodies = new WeakMap<object, string | Buffer>();

  /** Like Apollo Server's own: the result's JSON and a newline (a shared one's ready bytes). */
  readonly serialize = (result: FormattedExecutionResult): string | Buffer => {
    const { data } = result;
    // Only a bare `{ data }` is the same for every request that shares it.
    if (result.errors !== undefined || result.extensions !== undefined || data === null || typeof data !== 'object') return `${JSON.stringify(result)}\n`;
    const known = this.#bodies.get(data);
    if (known === undefined) {
      const body = `${JSON.stringify(result)}\n`;
      this.#bodies.set(data, body);
      return body;
    }
    if (typeof known !== 'string') return known;
    // Seen twice: shared, so worth keeping its bytes for the other requests that share it.
    const bytes = Buffer.from(known);
    this.#bodies.set(data, bytes);
    return bytes;
  };
}
