import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db.ts';
import type { BusinessEvent, EventDraft, EventOrigin } from './envelope.ts';

/**
 * Writes an event into the outbox inside the caller's transaction: it is published only if the
 * state change it describes commits, and it is never lost if that change does.
 */
export async function emit<Data extends object>(tx: Queryable, origin: EventOrigin, draft: EventDraft<Data>): Promise<BusinessEvent<Data>> {
  const event: BusinessEvent<Data> = {
    id: `evt_${randomUUID()}`,
    type: draft.type,
    source: origin.source,
    subject: draft.subject,
    time: new Date().toISOString(),
    correlationId: origin.correlationId,
    causationId: origin.causationId,
    customerId: draft.customerId,
    data: draft.data,
    ...(draft.previous ? { previous: draft.previous } : {}),
  };
  await tx.query('INSERT INTO outbox (event_id, event) VALUES ($1, $2)', [event.id, JSON.stringify(event)]);
  return event;
}

/** A function that emits with a fixed origin: what commands receive. */
export type Emit = <Data extends object>(draft: EventDraft<Data>) => Promise<BusinessEvent<Data>>;

export function emitter(tx: Queryable, origin: EventOrigin): Emit {
  return (draft) => emit(tx, origin, draft);
}
