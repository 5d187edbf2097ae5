import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { CATALOGUE, type EventDraft, type EventOf, type EventType } from './catalogue.ts';
import type { BusinessEvent, EventOrigin } from './envelope.ts';
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

/** An event and the row it is about, which one statement inserts together (`insertWithRows`). */
export interface RowEvent {
  event: BusinessEvent;
  /** The row's fields, as the table's `inserted` member reads them from `row` (jsonb). */
  row: Record<string, unknown>;
}

/** How `insertWithRows` inserts rows into one table. */
export interface RowsInsert {
  /** The table, whose own sequence numbers the rows (its `id`). */
  table: string;
  /**
   * A data-modifying `WITH` member named `inserted` that inserts the rows of `rows`: columns
   * `id` (the row's id, taken from the table's sequence), `row` (jsonb) and `ord` (their order).
   */
  sql: string;
  /** The event's subject before the row's id, as `AuditEntry` in `AuditEntry:42`. */
  subjectPrefix: string;
}

/**
 * Builds an event about a row that is not written yet (its subject gets the row's id when it is)
 * in its producer span, so it carries the caller's trace, and hands it to `write`, which may send
 * it later with others (`insertWithRows`).
 */
export function emitAboutRow<T extends EventType, R>(origin: EventOrigin, draft: Omit<EventDraft<T>, 'subject'>, subjectPrefix: string, write: (event: BusinessEvent) => Promise<R>): Promise<R> {
  return traced(draft.type, (span) => write(envelope(origin, { ...draft, subject: subjectPrefix } as EventDraft<T>, span)));
}

/**
 * Inserts rows and the events about them in one statement: so a write that is only its rows and
 * their events (audit entries on a read's path) needs no transaction of its own and still commits
 * each row with its event. Each event's subject becomes `<subjectPrefix>:<row id>`.
 */
export async function insertWithRows(db: Queryable, insert: RowsInsert, items: readonly RowEvent[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `WITH rows AS MATERIALIZED (
       SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id, item->'row' AS row, item->'event' AS event, ord
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS items(item, ord)
     ), ${insert.sql}
     INSERT INTO outbox (event_id, event)
     SELECT event->>'id', jsonb_set(event, '{subject}', to_jsonb($3::text || ':' || id)) FROM rows ORDER BY ord`,
    [insert.table, JSON.stringify(items), insert.subjectPrefix],
  );
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
