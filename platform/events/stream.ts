import type { BusinessEvent, Delivery } from './envelope.ts';

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
  /** Appends events in order; resolves once they are stored. */
  publish(events: BusinessEvent[]): Promise<void>;
  /** The reader of consumer `consumer` in group `group`, created at the start of the stream when new. */
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
  /** Called for every event each registered group has acknowledged (in-process stream only). */
  onSettled?(listener: (events: BusinessEvent[]) => void): void;
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
