import type { BusinessEvent, Delivery } from './envelope.ts';

/**
 * The stream did not answer (the broker is down, frozen or not reachable yet): nothing was done,
 * or it is unknown whether it was. Retry later; it says nothing about the events involved. The
 * stream has logged the outage already (one line per episode), so callers need not.
 */
export class StreamUnavailable extends Error {
  constructor(cause: unknown) {
    super(`event stream unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StreamUnavailable';
  }
}

/** An event a relay published, as its outbox row records it. */
export interface PublishedEvent {
  id: string;
  /** Where the relay put it; null when it does not know (a row published before positions were kept). */
  position: string | null;
}

/**
 * Where a published event stands: every consumer group acknowledged it (`settled`), some have
 * not yet (`pending`), or the stream no longer holds it although not every group had it (`lost`:
 * the stream was reset, emptied, failed over to a replica that lagged, or trimmed) and it must be
 * published again.
 */
export type Settlement = 'settled' | 'pending' | 'lost';

/** How a consumer group reads: which consumer of the group it is and how it is told of events. */
export interface GroupReader {
  /** Waits up to `blockMs` for new deliveries for this consumer, at most `count`. */
  read(count: number, blockMs: number): Promise<Delivery[]>;
  /** Takes over deliveries another consumer of the group left unacknowledged for `idleMs`. */
  reclaim(idleMs: number, count: number): Promise<Delivery[]>;
  /** Acknowledges deliveries; they are not delivered again. */
  ack(positions: string[]): Promise<void>;
}

/** How far a consumer group is behind the stream. */
export interface GroupLag {
  group: string;
  /** Events not yet acknowledged by the group: never delivered, or delivered and still pending. */
  pending: number;
  /** Age of the oldest of those events, 0 when there are none. */
  lagSeconds: number;
}

/**
 * The event stream, one interface over Redis Streams (distributed) and an in-process log
 * (embedded): ordered, retained for replay, read by consumer groups with at-least-once delivery.
 */
export interface EventStream {
  readonly kind: 'memory' | 'redis';
  /** True when published events survive a restart of this process (Redis); see the relay. */
  readonly durable: boolean;
  /** Appends events in order; resolves once they are stored, with their positions. */
  publish(events: BusinessEvent[]): Promise<string[]>;
  /**
   * The reader of consumer `consumer` in group `group`. The group is made (from the start of the
   * stream) on the first read, and made again when it vanished; this call does not wait for the broker.
   */
  group(group: string, consumer: string): Promise<GroupReader>;
  /** Events after `position` (from the start when null), oldest first, for replay. */
  readAfter(position: string | null, count: number): Promise<Delivery[]>;
  /** The position of an event by its id, or null when it is not (or no longer) in the stream. */
  positionOf(eventId: string): Promise<string | null>;
  /**
   * Live tail, no consumer group: `listener` gets every event stored from now on, in stream order,
   * in batches, as do all other listeners of this process. `onReady` is called once the tail has
   * its starting point (at once in process; for Redis once the shared tail knows the stream's
   * last id): every event stored after that reaches the listener. Returns the unsubscribe.
   */
  subscribe(listener: (deliveries: Delivery[]) => void, onReady?: () => void): () => void;
  /** Every consumer group's lag. */
  lag(): Promise<GroupLag[]>;
  /**
   * Where each of `events` stands (same order), and the consumer groups the stream has now. A
   * durable stream counts an event settled only when every group of `expectedGroups` (the groups
   * it ever had, as the caller remembers them) and of its own acknowledged it.
   */
  settlement(events: PublishedEvent[], expectedGroups: readonly string[]): Promise<{ states: Settlement[]; groups: string[] }>;
  /** Whether the broker answers; `down` while it does not (a stream in process is always up). */
  health(): { status: 'up' | 'down' };
  close(): Promise<void>;
}

/** Hands deliveries to every live listener; one that throws does not keep them from the others. */
export function notify(listeners: Iterable<(deliveries: Delivery[]) => void>, deliveries: Delivery[]): void {
  for (const listener of [...listeners]) {
    try {
      listener(deliveries);
    } catch {
      // A listener's failure is its own; the stream and the other listeners go on.
    }
  }
}
