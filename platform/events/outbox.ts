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
  return traced(draft.type, (span) => insert(tx, envelope(origin, draft, span)));
}

/** A row an event is about, inserted by the statement that writes the event. */
export interface RowInsert {
  /** A data-modifying `WITH` member named `inserted` that returns the row's `id`: `inserted AS (INSERT ... RETURNING id)`. */
  sql: string;
  params: unknown[];
  /** The event's subject before the row's id, as `AuditEntry` in `AuditEntry:42`. */
  subjectPrefix: string;
}

/**
 * Emits an event about a row the same statement inserts: one round trip writes both, so a write
 * that is only its row and its event (an audit entry on a read's path) needs no transaction of
 * its own and still commits the two together. The event's subject is `<subjectPrefix>:<row id>`.
 */
export function emitWithRow<T extends EventType>(db: Queryable, origin: EventOrigin, draft: Omit<EventDraft<T>, 'subject'>, row: RowInsert): Promise<EventOf<T>> {
  return traced(draft.type, async (span) => {
    const event = envelope(origin, { ...draft, subject: row.subjectPrefix }, span);
    const at = row.params.length;
    const [written] = await db.query<{ event: EventOf<T> }>(
      `WITH ${row.sql}
       INSERT INTO outbox (event_id, event)
       SELECT $${at + 1}, jsonb_set($${at + 2}::jsonb, '{subject}', to_jsonb($${at + 3} || ':' || inserted.id)) FROM inserted
       RETURNING event`,
      [...row.params, event.id, JSON.stringify(event), row.subjectPrefix],
    );
    return written.event;
  });
}

/** The producer's span: the event carries its context, and every consumer's span is its child. */
function traced<T>(type: EventType, write: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!tracingOn()) return write(undefined);
  const attributes = { 'messaging.operation.type': 'create', 'messaging.destination.name': type, [HubAttributes.eventType]: type };
  return inSpan(`${type} create`, { kind: SpanKind.PRODUCER, attributes }, write);
}

function envelope<T extends EventType>(origin: EventOrigin, draft: EventDraft<T>, span: Span | undefined): EventOf<T> {
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
  span?.setAttributes({ [HubAttributes.eventId]: event.id, ...(origin.correlationId ? { [HubAttributes.correlationId]: origin.correlationId } : {}) });
  return event;
}

async function insert<T extends EventType>(tx: Queryable, event: EventOf<T>): Promise<EventOf<T>> {
  await tx.query('INSERT INTO outbox (event_id, event) VALUES ($1, $2)', [event.id, JSON.stringify(event)]);
  return event;
}

/** A function that emits with a fixed origin: what commands receive. */
export type Emit = <T extends EventType>(draft: EventDraft<T>) => Promise<EventOf<T>>;

export function emitter(tx: Queryable, origin: EventOrigin): Emit {
  return (draft) => emit(tx, origin, draft);
}
