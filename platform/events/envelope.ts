import type { SystemName } from '../config.ts';

/** The systems events come from: every system (config.ts's SYSTEMS). */
export type EventSource = SystemName;

/**
 * A business event as it travels, CloudEvents-shaped and not yet validated: what the stream
 * delivers. `parseEvent` (catalogue.ts) turns it into a typed HubEvent. `id` is its identity
 * (consumers dedupe on it); where it sits in the stream is a separate thing, its position.
 */
export type BusinessEvent = {
  id: string;
  /** What happened, e.g. `invoice.issued`. */
  type: string;
  /** The schema version of `data` for its type (the catalogue's); absent on events written before versioning, which are version 1. */
  version?: number;
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
  data: Record<string, unknown>;
  /** Old values of the fields an update changed. */
  previous?: Record<string, unknown>;
  /**
   * The W3C trace context of the span that wrote it (tracing on), so its consumers' spans join the
   * producer's trace; absent on events written without tracing, and on older events.
   */
  traceparent?: string;
};

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
