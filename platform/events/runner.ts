import { backoffMs } from '../backoff.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../logger.ts';
import type { EventsConfig } from '../config.ts';
import { parseEvent } from './catalogue.ts';
import type { ConsumerDefinition } from './consumer.ts';
import { isPermanent } from './permanent.ts';
import type { BusinessEvent, Delivery, EventSource } from './envelope.ts';
import { emit, emitter, type Emit } from './outbox.ts';
import { StreamUnavailable, type EventStream, type GroupReader } from './stream.ts';
import { contextFromTraceparent, failSpan, HubAttributes, inSpan, SpanKind, tracingOn, type Span } from '../tracing.ts';

/** What a delivery asks the consumer to apply: the event itself, or a replayed dead letter's. */
interface Target {
  event: BusinessEvent;
  deadLetterId?: string;
}

interface Retry {
  delivery: Delivery;
  attempts: number;
  dueAt: number;
}

export interface ConsumerRunnerOptions {
  source: EventSource;
  db: Db;
  stream: EventStream;
  log: Logger;
  /** This process's name among the group's consumers. */
  instance: string;
  config: Pick<EventsConfig, 'maxAttempts' | 'retryBaseMs' | 'reclaimIdleMs'>;
  /** Called after a transaction that emitted events commits, so the relay publishes them. */
  emitted: () => void;
}

const READ_COUNT = 50;
/** How long a batch of events waits for a row lock before it is applied one event at a time. */
const BATCH_LOCK_TIMEOUT_MS = 50;
const BLOCK_MS = 500;
/** Pauses after the stream failed to answer: from the first to the longest. */
const STREAM_RETRY_MS = 250;
const MAX_STREAM_RETRY_MS = 2000;

/**
 * Runs one consumer: reads its group, applies each event once in a transaction of the system's
 * database (recorded in processed_events), retries a failing event with exponential backoff and
 * jitter while the events behind it flow on, and after `maxAttempts` dead-letters it
 * (`event.dead_lettered`, which ops records) and moves on.
 *
 * Only the event's own processing counts as an attempt. The broker's trouble never does: a read
 * that fails is tried again after a pause, and an acknowledgement that fails is kept and sent
 * again (until then the event may be delivered again, which the processed_events record makes
 * harmless). It starts without waiting for the broker and catches up once it answers.
 */
export class ConsumerRunner {
  private closed = false;
  private loop: Promise<void> | undefined;
  private readonly retries: Retry[] = [];
  /** Positions whose processing is done and committed, not yet acknowledged to the stream. */
  private unacknowledged: string[] = [];
  private lastReclaim = 0;
  private streamFailures = 0;

  constructor(
    private readonly definition: ConsumerDefinition,
    private readonly options: ConsumerRunnerOptions,
  ) {}

  async start(): Promise<void> {
    const reader = await this.options.stream.group(this.definition.name, this.options.instance);
    this.loop = this.run(reader);
  }

  private async run(reader: GroupReader): Promise<void> {
    const { log } = this.options;
    while (!this.closed) {
      try {
        await this.acknowledge(reader);
        await this.retryDue(reader);
        if (Date.now() - this.lastReclaim > this.options.config.reclaimIdleMs / 2) {
          const reclaimed = await reader.reclaim(this.options.config.reclaimIdleMs, READ_COUNT);
          // A full batch may have more behind it (reads a frozen broker answered after the client gave up on them): go on at once.
          if (reclaimed.length < READ_COUNT) this.lastReclaim = Date.now();
          // Its own entries waiting for a retry are idle too: they keep their attempt count.
          const waiting = new Set(this.retries.map((retry) => retry.delivery.position));
          await this.attemptAll(reclaimed.filter((delivery) => !waiting.has(delivery.position)));
        }
        const wait = this.retries.length > 0 ? Math.max(1, Math.min(BLOCK_MS, this.retries[0].dueAt - Date.now())) : BLOCK_MS;
        await this.attemptAll(await reader.read(READ_COUNT, wait));
        await this.acknowledge(reader);
        this.streamFailures = 0;
      } catch (error) {
        if (this.closed) break;
        // The stream logs its own outages, once each; anything else is worth a line here.
        if (!(error instanceof StreamUnavailable)) log.warn({ err: error, consumer: this.definition.name }, 'event consumer failed; retrying');
        await sleep(backoffMs(++this.streamFailures, STREAM_RETRY_MS, MAX_STREAM_RETRY_MS, Math.random()));
      }
    }
  }

  /** Acknowledges what was applied; on failure the positions stay for the next try. */
  private async acknowledge(reader: GroupReader): Promise<void> {
    if (this.unacknowledged.length === 0) return;
    const positions = this.unacknowledged;
    this.unacknowledged = [];
    try {
      await reader.ack(positions);
    } catch (error) {
      this.unacknowledged = [...positions, ...this.unacknowledged];
      throw error;
    }
  }

  private async retryDue(reader: GroupReader): Promise<void> {
    this.retries.sort((a, b) => a.dueAt - b.dueAt);
    while (this.retries.length > 0 && this.retries[0].dueAt <= Date.now() && !this.closed) {
      const retry = this.retries.shift()!;
      await this.attempt(retry.delivery, retry.attempts + 1);
    }
    await this.acknowledge(reader);
  }

  /** The event this delivery asks the consumer to apply: the event itself, or a replayed dead letter. */
  private target(event: BusinessEvent): Target | null {
    if (event.type === 'event.replay_requested') {
      const data = event.data as { consumer?: string; deadLetterId?: string; event?: BusinessEvent };
      return data.consumer === this.definition.name && data.event ? { event: data.event, deadLetterId: data.deadLetterId } : null;
    }
    return (this.definition.types as readonly string[]).includes(event.type) ? { event } : null;
  }

  /**
   * Applies what one read delivered: together in one transaction when that commits (under load a
   * read brings many events, and a transaction each was most of their cost); else, or when one of
   * them fails, each on its own, where a failure is retried or dead-lettered as `attempt` does.
   * Being applied in a batch that rolled back does not count as an attempt.
   */
  private async attemptAll(deliveries: readonly Delivery[]): Promise<void> {
    const batch: { delivery: Delivery; target: Target }[] = [];
    for (const delivery of deliveries) {
      const target = this.target(delivery.event);
      if (!target) this.unacknowledged.push(delivery.position);
      else batch.push({ delivery, target });
    }
    if (batch.length > 1 && !batch.some(({ target }) => target.deadLetterId) && (await this.applyBatch(batch))) return;
    for (const { delivery } of batch) {
      if (this.closed) return;
      await this.attempt(delivery, 1);
    }
  }

  /** Applies every event of `batch` in one transaction; false if it rolled back (nothing of it applied). */
  private async applyBatch(batch: readonly { delivery: Delivery; target: Target }[]): Promise<boolean> {
    const { db, log, source } = this.options;
    const events = [...new Map(batch.map(({ target }) => [target.event.id, target.event])).values()];
    try {
      const emittedAny = await db.transaction(async (tx) => {
        // A batch locks the rows of many events in their order, which a request's write may meet
        // in another: rather than wait (and deadlock, which could fail the request), it gives up
        // and its events are applied one by one, each locking what a request would.
        await tx.query(`SET LOCAL lock_timeout = '${BATCH_LOCK_TIMEOUT_MS}ms'`);
        const claimed = await tx.query<{ event_id: string }>(
          'INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id',
          [this.definition.name, events.map((event) => event.id)],
        );
        const fresh = new Set(claimed.map((row) => row.event_id));
        let emitted = false;
        for (const event of events) {
          if (!fresh.has(event.id)) continue;
          const emitOwn = emitter(tx, { source, correlationId: event.correlationId, causationId: event.id });
          const handle = () => this.definition.handle(tx, parseEvent(event), (draft) => ((emitted = true), emitOwn(draft)));
          await (tracingOn() ? inSpan(`${event.type} process`, { kind: SpanKind.CONSUMER, parent: contextFromTraceparent(event.traceparent), service: source, attributes: this.spanAttributes(event, 1) }, handle) : handle());
        }
        return emitted;
      });
      if (emittedAny) this.options.emitted();
    } catch (error) {
      log.debug({ err: error, consumer: this.definition.name, events: events.length }, 'event batch rolled back; applying its events one by one');
      return false;
    }
    for (const { delivery } of batch) this.unacknowledged.push(delivery.position);
    return true;
  }

  private spanAttributes(event: BusinessEvent, attempts: number) {
    return {
      'messaging.operation.type': 'process',
      'messaging.destination.name': event.type,
      'messaging.consumer.group.name': this.definition.name,
      [HubAttributes.eventId]: event.id,
      [HubAttributes.eventType]: event.type,
      [HubAttributes.correlationId]: event.correlationId ?? undefined,
      'hub.event.attempt': attempts,
    };
  }

  /**
   * Applies one delivery, or schedules its retry, or dead-letters it; never throws. What it
   * settled (applied, skipped, dead-lettered) joins the positions to acknowledge.
   */
  private async attempt(delivery: Delivery, attempts: number): Promise<void> {
    const target = this.target(delivery.event);
    if (!target) {
      this.unacknowledged.push(delivery.position);
      return;
    }
    if (!tracingOn()) return this.apply(delivery, target, attempts, undefined);
    // The consumer's span continues the trace of the span that wrote the event (its `traceparent`).
    const parent = contextFromTraceparent(target.event.traceparent);
    return inSpan(`${target.event.type} process`, { kind: SpanKind.CONSUMER, parent, service: this.options.source, attributes: this.spanAttributes(target.event, attempts) }, (span) => this.apply(delivery, target, attempts, span));
  }

  private async apply(delivery: Delivery, target: Target, attempts: number, span: Span | undefined): Promise<void> {
    const { db, log, source, config } = this.options;
    const eventLog = log.child({ consumer: this.definition.name, eventId: target.event.id, type: target.event.type, correlationId: target.event.correlationId });
    try {
      const emittedAny = await db.transaction(async (tx) => {
        const claimed = await tx.query(
          'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
          [this.definition.name, target.event.id],
        );
        const origin = { source, correlationId: target.event.correlationId, causationId: target.event.id };
        let emitted = false;
        const emitOwn = emitter(tx, origin);
        const emitTracked: Emit = (draft) => ((emitted = true), emitOwn(draft));
        // A malformed event throws here, permanently: it is dead-lettered with parseEvent's reason.
        if (claimed.length > 0) await this.definition.handle(tx, parseEvent(target.event), emitTracked);
        if (target.deadLetterId) {
          emitted = true;
          await emit(tx, { ...origin, causationId: delivery.event.id }, {
            type: 'event.replayed',
            subject: `DeadLetter:${target.deadLetterId}`,
            customerId: target.event.customerId,
            data: { deadLetterId: target.deadLetterId, consumer: this.definition.name, eventId: target.event.id },
          });
        }
        return emitted;
      });
      // Most events change state without emitting: waking the relay for them costs a transaction each.
      if (emittedAny) this.options.emitted();
      this.unacknowledged.push(delivery.position);
      eventLog.debug('event applied');
    } catch (error) {
      if (span) failSpan(span, error);
      const permanent = isPermanent(error);
      if (!permanent && attempts < config.maxAttempts) {
        const delay = backoffMs(attempts, config.retryBaseMs, Number.MAX_SAFE_INTEGER, Math.random());
        eventLog.warn({ err: error, attempts, retryInMs: delay }, 'event failed; will retry');
        this.retries.push({ delivery, attempts, dueAt: Date.now() + delay });
        return;
      }
      await this.deadLetter(delivery, target.event, error as Error, attempts);
    }
  }

  private async deadLetter(delivery: Delivery, event: BusinessEvent, error: Error, attempts: number): Promise<void> {
    const { db, log, source, config } = this.options;
    const eventLog = log.child({ consumer: this.definition.name, eventId: event.id, type: event.type, correlationId: event.correlationId });
    try {
      await db.transaction((tx) =>
        emit(tx, { source, correlationId: event.correlationId ?? null, causationId: event.id }, {
          type: 'event.dead_lettered',
          // A malformed event may lack these; the dead letter's own envelope must still be valid.
          subject: typeof event.subject === 'string' && event.subject !== '' ? event.subject : `Event:${event.id}`,
          customerId: typeof event.customerId === 'string' ? event.customerId : null,
          data: { consumer: this.definition.name, error: error.message, attempts, event },
        }),
      );
    } catch (recordError) {
      // Not recorded: the event stays unacknowledged and tries this again later, attempts unchanged.
      eventLog.warn({ err: recordError }, 'could not record a dead letter; will try again');
      this.retries.push({ delivery, attempts: attempts - 1, dueAt: Date.now() + config.retryBaseMs });
      return;
    }
    eventLog.error({ err: error, attempts }, 'event dead-lettered');
    this.options.emitted();
    this.unacknowledged.push(delivery.position);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.loop;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
