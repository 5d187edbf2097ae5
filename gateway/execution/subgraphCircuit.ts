// One circuit breaker per subgraph: after `failures` consecutive failed attempts the gateway stops
// calling that subgraph and fails its fetches at once, probes it with `{ __typename }` every
// `openMs`, and calls it again once a probe answers.
import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';

/**
 * Why an attempt to reach a subgraph got no answer worth reading: it is down or refused the
 * connection, answered 502/503/504, did not answer in time, or its circuit is open.
 */
export class SubgraphFailure extends Error {
  constructor(
    readonly kind: 'unavailable' | 'timeout',
    message: string,
    /** Worth another attempt of a query: a connection failure or a 502/503/504. */
    readonly retryable: boolean,
    /** What the subgraph's `Retry-After` asked for, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SubgraphFailure';
  }
}

export type CircuitStateName = 'closed' | 'open' | 'half-open';

export interface CircuitSettings {
  /** Consecutive failed attempts that open the circuit. */
  failures: number;
  /** How long the circuit stays open before a probe (half-open). */
  openMs: number;
}

export class SubgraphCircuit {
  readonly #policy: CircuitBreakerPolicy;
  #probeTimer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Aborted when the circuit opens: the attempts still waiting on the subgraph then fail at once. */
  #opening = new AbortController();
  /** Fetches failed at once because the circuit was not closed, for `/metrics`. */
  rejected = 0;

  /** `probe` resolves when the subgraph answers and throws a SubgraphFailure when it does not. */
  constructor(
    readonly name: string,
    private readonly settings: CircuitSettings,
    private readonly probe: () => Promise<void>,
  ) {
    this.#policy = circuitBreaker(
      handleWhen((error) => error instanceof SubgraphFailure),
      { halfOpenAfter: settings.openMs, breaker: new ConsecutiveBreaker(settings.failures) },
    );
    this.#policy.onBreak(() => {
      this.#opening.abort();
      this.#opening = new AbortController();
      this.#scheduleProbe();
    });
  }

  get state(): CircuitStateName {
    switch (this.#policy.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half-open';
      default:
        return 'open';
    }
  }

  /**
   * Runs one attempt through the breaker. While the circuit is open or half-open it fails at once:
   * only the gateway's own probe calls the subgraph then, so no client request waits for a probe
   * (cockatiel would hold calls made while half-open until its test call settles). `opening` is
   * aborted when the circuit opens while the attempt is in flight; an attempt that heeds it fails
   * then as if it had met the open circuit, instead of waiting out its timeout on a subgraph that
   * has stopped answering (and so does every operation sharing its answer). Without `heedsOpening`
   * (a mutation: only the subgraph knows whether it applied) the attempt gets no signal and keeps
   * its own outcome, a timeout included, rather than being reported as never sent.
   */
  run<T>(attempt: (opening?: AbortSignal) => Promise<T>, heedsOpening = true): Promise<T> {
    if (this.#policy.state !== CircuitState.Closed) {
      this.rejected += 1;
      return Promise.reject(this.#openFailure());
    }
    const opening = heedsOpening ? this.#opening.signal : undefined;
    return this.#policy.execute(() => attempt(opening)).catch((error: unknown) => {
      throw opening?.aborted ? this.#openFailure() : error;
    });
  }

  #openFailure(): SubgraphFailure {
    return new SubgraphFailure('unavailable', `Subgraph ${this.name} is unavailable (circuit open)`, false);
  }

  /** Stops probing; for shutdown. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#probeTimer);
  }

  #scheduleProbe(): void {
    // Attempts in flight when the circuit opened may open it again; one probe timer is enough.
    clearTimeout(this.#probeTimer);
    if (this.#closed) return;
    this.#probeTimer = setTimeout(() => {
      // Open and past `openMs`, the breaker turns half-open and lets this call through; a failure opens it again.
      this.#policy.execute(this.probe).catch(() => undefined);
    }, this.settings.openMs + 1);
    this.#probeTimer.unref();
  }
}
