import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import type { UpstreamEvent } from './resolveEvent.ts';

/** Events completed ahead of the client: enough to hide subgraph latency, few enough to stay cheap. */
const RESOLVE_AHEAD = 4;

/** The upstream stream as the subscription drives it (see UpstreamSubscription). */
export interface EventSource {
  readonly streaming: boolean;
  start(): void;
  stop(): void;
  close(): void;
}

export interface GatewaySubscriptionOptions {
  /** Events held for the client, received but not yet sent, before it counts as not reading. */
  buffer: number;
  /** Completes one event with the other subgraphs' fields. */
  resolve(event: UpstreamEvent): Promise<ExecutionResult>;
  /** Whether the client's socket still holds unsent bytes, i.e. the client is not reading. */
  clientBacklogged(): boolean;
  /** The event id the client subscribed `after`, the resume point until an event is sent. */
  after?: string;
  onOverflow?(): void;
  onClose?(): void;
}

interface Pending {
  event: UpstreamEvent;
  cursor?: string;
  result?: Promise<ExecutionResult>;
}

/**
 * One client's subscription: events from the owning subgraph, completed across the other
 * subgraphs in order, handed to graphql-ws one at a time as it sends them. Memory is bounded by
 * `buffer` events: when the gateway is behind, the upstream is dropped and resumed `after` the
 * last event once the backlog halves; when the client is behind (its socket is full) the
 * subscription ends with SUBSCRIPTION_BUFFER_OVERFLOW naming the event to resume after.
 */
export class GatewaySubscription implements AsyncIterableIterator<ExecutionResult> {
  private source?: EventSource;
  private readonly pending: Pending[] = [];
  private wake?: () => void;
  private ending?: { error?: GraphQLError };
  private done = false;
  /** Between handing an event to graphql-ws and its next pull: the event is being sent. */
  private sending = false;
  private suspended = false;
  private lastSent?: string;

  constructor(private readonly options: GatewaySubscriptionOptions) {
    this.lastSent = options.after;
  }

  /** Starts streaming from `source`; events arrive through `push`, a refusal through `fail`. */
  attach(source: EventSource): void {
    this.source = source;
    source.start();
  }

  /** Whether events made now reach this subscription: its upstream is connected. */
  get streaming(): boolean {
    return !this.done && (this.source?.streaming ?? false);
  }

  /** Takes an event from the upstream; false when it is not taken and must be sent again on resume. */
  push(event: UpstreamEvent, cursor: string | undefined): boolean {
    if (this.done || this.ending || this.suspended) return false;
    if (this.pending.length >= this.options.buffer) {
      if (this.sending && this.options.clientBacklogged()) {
        this.overflow();
      } else {
        // Replay faster than the other subgraphs answer: take the rest later, after the last one kept.
        this.suspended = true;
        this.source?.stop();
      }
      return false;
    }
    this.pending.push({ event, cursor });
    this.resolveAhead();
    this.wake?.();
    return true;
  }

  /** Ends the subscription with the owning subgraph's errors, after the events already received. */
  fail(errors: readonly GraphQLFormattedError[]): void {
    const [first] = errors;
    this.end(new GraphQLError(first?.message ?? 'The subscription failed upstream.', { extensions: first?.extensions }));
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    this.sending = false;
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      const head = this.pending[0];
      if (head) {
        const value = await this.resolving(head);
        if (this.done) return { done: true, value: undefined };
        this.pending.shift();
        if (head.cursor !== undefined) this.lastSent = head.cursor;
        this.resolveAhead();
        if (this.suspended && this.pending.length <= this.options.buffer / 2) {
          this.suspended = false;
          this.source?.start();
        }
        this.sending = true;
        return { done: false, value };
      }
      if (this.ending) {
        const { error } = this.ending;
        this.finish();
        if (error) throw error;
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private overflow(): void {
    const after = this.lastSent;
    const resume = after === undefined ? 'subscribe again' : `subscribe again with after: "${after}"`;
    this.pending.length = 0;
    this.options.onOverflow?.();
    this.end(
      new HubError(
        ErrorCode.SubscriptionBufferOverflow,
        `More than ${this.options.buffer} events waited for this client to read them; ${resume} to receive the rest.`,
        { lastEventId: after ?? null },
      ),
    );
  }

  private end(error?: GraphQLError): void {
    if (this.done || this.ending) return;
    this.ending = { error };
    this.source?.close();
    this.wake?.();
  }

  private resolveAhead(): void {
    for (const item of this.pending.slice(0, RESOLVE_AHEAD)) void this.resolving(item);
  }

  private resolving(item: Pending): Promise<ExecutionResult> {
    if (!item.result) {
      item.result = this.options.resolve(item.event);
      // Awaited when its turn comes; an event dropped before then must not be an unhandled rejection.
      item.result.catch(() => undefined);
    }
    return item.result;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.pending.length = 0;
    this.source?.close();
    this.wake?.();
    this.options.onClose?.();
  }
}
