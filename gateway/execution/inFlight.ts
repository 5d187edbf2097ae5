/**
 * Identical work started while the same work is still running joins it instead of running again:
 * the first caller runs `work`, every caller with the same key until it settles gets its promise.
 * Nothing is kept once it settles, so this never serves an old answer.
 */
export class InFlight<T> {
  readonly #running = new Map<string, Promise<T>>();
  /** Callers that joined work already running, for `/metrics`. */
  joined = 0;

  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) {
      this.joined += 1;
      return running;
    }
    const started = work().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }
}

/** JSON with object keys sorted, so equal values give equal keys whatever order a client sent them in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
