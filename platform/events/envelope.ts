/** The systems events come from: the four systems of record and the hub's own ops. */
export type EventSource = 'crm' | 'billing' | 'erp' | 'customer-success' | 'ops';

/**
 * A business event, CloudEvents-shaped. `id` is its identity (consumers dedupe on it); where it
 * sits in the stream is a separate thing, its position, assigned by the stream.
 */
export interface BusinessEvent<Data = Record<string, unknown>> {
  id: string;
  /** What happened, e.g. `invoice.issued`. */
  type: string;
  source: EventSource;
  /** The entity it is about, e.g. `Invoice:inv_123`. */
  subject: string;
  /** When it happened (ISO-8601). */
  time: string;
  /** Shared by every event one request caused, downstream too. */
  correlationId: string | null;
  /** The event (or request id) that caused this one. */
  causationId: string | null;
  /** The customer it concerns, for filtering; null when none. */
  customerId: string | null;
  /** The entity's new state. */
  data: Data;
  /** Old values of the fields an update changed. */
  previous?: Record<string, unknown>;
}

/** What a command says about an event; the envelope's identity and lineage are filled in for it. */
export interface EventDraft<Data = Record<string, unknown>> {
  type: string;
  subject: string;
  customerId: string | null;
  data: Data;
  previous?: Record<string, unknown>;
}

/** Where events a piece of work emits come from and what caused them. */
export interface EventOrigin {
  source: EventSource;
  correlationId: string | null;
  causationId: string | null;
}

/** An event as delivered from the stream: the event and its position there. */
export interface Delivery {
  position: string;
  event: BusinessEvent;
}
