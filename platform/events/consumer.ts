import type { Queryable } from '../db.ts';
import type { BusinessEvent } from './envelope.ts';
import type { Emit } from './outbox.ts';

/**
 * A consumer of the event stream: one system's reaction to other systems' events. The runner
 * (platform/events/runner.ts) delivers each matching event at least once and applies it once:
 * `handle` runs in a transaction of the consumer's own database together with the record that
 * the event was processed, and events it emits carry the handled event as their cause.
 */
export interface ConsumerDefinition {
  /** Unique name, `<system>.<what it does>`, e.g. `erp.post-invoice`; also its consumer group. */
  name: string;
  /** The event types it handles; every other event is acknowledged without a look. */
  types: readonly string[];
  handle(tx: Queryable, event: BusinessEvent, emit: Emit): Promise<void>;
}

/** Thrown by a handler for an event that can never succeed as it is: dead-lettered at once, no retries. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
