import { backoffMs } from '../backoff.ts';
import type { Db, Queryable } from '../db/db.ts';
import type { Logger } from '../logger.ts';
import type { BusinessEvent, EventSource } from './envelope.ts';
import { contextFromTraceparent, failSpan, HubAttributes, SpanKind, startSpan, tracingOn, type Span } from '../tracing.ts';
import { StreamUnavailable, type EventStream } from './stream.ts';

const BATCH = 200;
/** The longest pause between publishing attempts while the stream is down: a try costs one command, and it bounds the delay after recovery. */
const MAX_BACKOFF_MS = 2000;
/** How often the relay asks the stream which published events are settled or lost. */
const SETTLE_EVERY_MS = 2000;
/** Published, unsettled events asked about at once. */
const SETTLE_BATCH = 1000;
/** How often rows past the retention are deleted. */
const PRUNE_EVERY_MS = 3_600_000;
/** The advisory lock one relay per database holds while it publishes or settles. */
const RELAY_LOCK = 724002;

/**
 * Publishes a system's outbox to the event stream, in `seq` order, and keeps each row until it
 * is settled. The outbox, not the stream, is the source of truth: every row keeps where it was
 * published (`stream_position`), and every few seconds the relay asks the stream about the rows
 * not settled yet — settled when every consumer group the stream ever had acknowledged them;
 * lost when the stream no longer holds them (Redis restarted empty, failed over to a replica
 * that lagged, the stream or a group deleted, or trimmed), and then they are published again
 * (consumers dedupe on the event id, so an event published twice is applied once). Rows are
 * deleted once past the retention (EVENT_RETENTION_DAYS), settled or not.
 *
 * It runs when told a write committed (`kick`), every `pollMs` as a safety net, and after a
 * failure with backoff, so events written while the stream was down all arrive once it is back.
 * One relay per database publishes at a time (an advisory lock), which keeps the order across
 * replicas.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private closed = false;
  private lastSettle = 0;
  /** Settling pages through the unsettled rows, so rows stuck pending at the front never hide lost ones behind. */
  private settleAfter = 0;
  private lastPrune = 0;

  constructor(
    /** The system whose outbox it publishes (its spans' service). */
    private readonly source: EventSource,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly log: Logger,
    private readonly pollMs: number,
    private readonly retentionDays: number,
  ) {}

  async start(): Promise<void> {
    this.kick();
  }

  /** Publishes soon; calls while a run is under way coalesce into one more run. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async run(): Promise<void> {
    clearTimeout(this.timer);
    let delay = this.pollMs;
    try {
      while (!this.closed && (await this.publishBatch()) === BATCH);
      if (!this.closed && Date.now() - this.lastSettle >= SETTLE_EVERY_MS) {
        this.lastSettle = Date.now();
        if ((await this.settle()) > 0) this.again = true;
      }
      if (!this.closed && Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.prune();
      }
      this.failures = 0;
    } catch (error) {
      this.failures++;
      delay = backoffMs(this.failures, 250, MAX_BACKOFF_MS);
      // The stream logs its own outages, once each.
      if (!(error instanceof StreamUnavailable)) this.log.warn({ err: error, retryInMs: delay }, 'outbox relay could not publish; will retry');
    }
    if (!this.closed) this.timer = setTimeout(() => this.kick(), delay);
  }

  /** Runs `work` holding the relay lock, or returns `idle` when another relay of this database holds it. */
  private locked<T>(idle: T, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK]);
      return lock.locked ? work(tx) : idle;
    });
  }

  private publishBatch(): Promise<number> {
    return this.locked(0, async (tx) => {
      const rows = await tx.query<{ seq: number; event: BusinessEvent }>(
        'SELECT seq, event FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const positions = await this.publish(rows.map((row) => row.event));
      await tx.query(
        `UPDATE outbox SET published_at = now(), stream_position = published.position
         FROM unnest($1::bigint[], $2::text[]) AS published(seq, position) WHERE outbox.seq = published.seq`,
        [rows.map((row) => row.seq), positions],
      );
      return rows.length;
    });
  }

  /**
   * Publishes a batch; with tracing, each event that carries a trace context gets a publish span
   * in its own trace (a child of the span that wrote it), so the relay's hop shows in every trace.
   */
  private async publish(events: BusinessEvent[]): Promise<string[]> {
    if (!tracingOn()) return this.stream.publish(events);
    const spans = events.flatMap((event): Span[] => {
      if (!event.traceparent) return [];
      const started = startSpan(`${event.type} publish`, {
        kind: SpanKind.PRODUCER,
        parent: contextFromTraceparent(event.traceparent),
        service: this.source,
        attributes: { 'messaging.operation.type': 'send', 'messaging.destination.name': event.type, 'messaging.batch.message_count': events.length, [HubAttributes.eventId]: event.id, [HubAttributes.eventType]: event.type, [HubAttributes.correlationId]: event.correlationId ?? undefined },
      });
      return started ? [started.span] : [];
    });
    try {
      return await this.stream.publish(events);
    } catch (error) {
      for (const span of spans) failSpan(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  /**
   * Asks the stream where the published, unsettled rows stand: marks the settled ones, and sets
   * the lost ones to be published again. Returns how many are to be published again.
   */
  private settle(): Promise<number> {
    return this.locked(0, async (tx) => {
      const rows = await tx.query<{ seq: number; event_id: string; stream_position: string | null }>(
        'SELECT seq, event_id, stream_position FROM outbox WHERE published_at IS NOT NULL AND settled_at IS NULL AND seq > $1 ORDER BY seq LIMIT $2',
        [this.settleAfter, SETTLE_BATCH],
      );
      this.settleAfter = rows.length === SETTLE_BATCH ? Number(rows[rows.length - 1].seq) : 0;
      if (rows.length === 0) return 0;
      // Every group the stream ever had: one that vanished with a reset must catch up before a row it lacks is settled.
      const known = (await tx.query<{ name: string }>('SELECT name FROM stream_groups')).map((row) => row.name);
      const { states, groups } = await this.stream.settlement(
        rows.map((row) => ({ id: row.event_id, position: row.stream_position })),
        this.stream.durable ? known : [],
      );
      const fresh = groups.filter((name) => !known.includes(name));
      if (fresh.length > 0) await tx.query('INSERT INTO stream_groups (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [fresh]);
      const settled = rows.filter((_, i) => states[i] === 'settled').map((row) => row.seq);
      const lost = rows.filter((_, i) => states[i] === 'lost').map((row) => row.seq);
      if (settled.length > 0) await tx.query('UPDATE outbox SET settled_at = now() WHERE seq = ANY($1)', [settled]);
      if (lost.length > 0) {
        await tx.query('UPDATE outbox SET published_at = NULL, stream_position = NULL WHERE seq = ANY($1)', [lost]);
        this.log.warn({ events: lost.length }, 'the event stream lost events it had not delivered to every consumer (reset, emptied or failed over); publishing them again');
      }
      return lost.length;
    });
  }

  private async prune(): Promise<void> {
    await this.db.query('DELETE FROM outbox WHERE created_at < now() - make_interval(days => $1)', [this.retentionDays]);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
