import type { Queryable } from '../db/db.ts';
import type { EventOf, EventType } from './catalogue.ts';
import type { Emit } from './outbox.ts';

/**
 * A consumer of the event stream: one system's reaction to other systems' events. The runner
 * (platform/events/runner.ts) delivers each matching event at least once and applies it once:
 * `handle` runs in a transaction of the consumer's own database together with the record that
 * the event was processed, and events it emits carry the handled event as their cause. The
 * event is parsed first (`parseEvent`): `handle` gets it typed, and a malformed one is
 * dead-lettered without reaching it.
 */
export interface ConsumerDefinition<T extends EventType = EventType> {
  /** Unique name, `<system>.<what it does>`, e.g. `erp.post-invoice`; also its consumer group. */
  name: string;
  /** The event types it handles; every other event is acknowledged without a look. */
  types: readonly T[];
  /** Throws to refuse the event: `isPermanent` (permanent.ts) decides between a retry and a dead letter. */
  handle(tx: Queryable, event: EventOf<T>, emit: Emit): Promise<void>;
}

/** A consumer whose `handle` receives exactly the event types it lists, typed. */
export function defineConsumer<T extends EventType>(definition: ConsumerDefinition<T>): ConsumerDefinition {
  return definition;
}
