import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { CATALOGUE, type EventDraft, type EventOf, type EventType } from './catalogue.ts';
import type { EventOrigin } from './envelope.ts';
import { currentTraceparent, HubAttributes, inSpan, SpanKind, tracingOn, type Span } from '../tracing.ts';

/**
 * Writes an event of the catalogue into the outbox inside the caller's transaction: it is
 * published only if the state change it describes commits, and it is never lost if that change
 * does. The draft is typed by the catalogue, so a payload that does not match its type is a
 * compile error; the event carries its type's current schema version.
 */
export function emit<T extends EventType>(tx: Queryable, origin: EventOrigin, draft: EventDraft<T>): Promise<EventOf<T>> {
  // The producer's span: the event carries its context, and every consumer's span is its child.
  if (!tracingOn()) return write(tx, origin, draft, undefined);
  const attributes = { 'messaging.operation.type': 'create', 'messaging.destination.name': draft.type, [HubAttributes.eventType]: draft.type, [HubAttributes.correlationId]: origin.correlationId ?? undefined };
  return inSpan(`${draft.type} create`, { kind: SpanKind.PRODUCER, attributes }, (span) => write(tx, origin, draft, span));
}

async function write<T extends EventType>(tx: Queryable, origin: EventOrigin, draft: EventDraft<T>, span: Span | undefined): Promise<EventOf<T>> {
  const traceparent = span && currentTraceparent();
  const event = {
    id: `evt_${randomUUID()}`,
    type: draft.type,
    version: CATALOGUE[draft.type].version,
    source: origin.source,
    subject: draft.subject,
    time: new Date().toISOString(),
    correlationId: origin.correlationId,
    causationId: origin.causationId,
    customerId: draft.customerId,
    data: draft.data,
    ...(draft.previous ? { previous: draft.previous } : {}),
    ...(traceparent ? { traceparent } : {}),
  } as EventOf<T>;
  span?.setAttribute(HubAttributes.eventId, event.id);
  await tx.query('INSERT INTO outbox (event_id, event) VALUES ($1, $2)', [event.id, JSON.stringify(event)]);
  return event;
}

/** A function that emits with a fixed origin: what commands receive. */
export type Emit = <T extends EventType>(draft: EventDraft<T>) => Promise<EventOf<T>>;

export function emitter(tx: Queryable, origin: EventOrigin): Emit {
  return (draft) => emit(tx, origin, draft);
}
