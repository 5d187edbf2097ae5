import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { BusinessEvent, EventSource } from './envelope.ts';
import type { EventStream } from './stream.ts';

const BATCH = 200;
const MAX_BACKOFF_MS = 10_000;

/**
 * Publishes a system's outbox to the event stream, in `seq` order. It runs when told a write
 * committed (`kick`), every `pollMs` as a safety net, and after a failure with backoff, so events
 * written while the stream was down all arrive once it is back. One relay per database publishes
 * at a time (an advisory lock), which keeps the order across replicas.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly source: EventSource,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly log: Logger,
    private readonly pollMs: number,
  ) {}

  async start(): Promise<void> {
    if (!this.stream.durable) {
      // The in-process stream forgets on restart: publish again what no consumer had settled.
      await this.db.query('UPDATE outbox SET published_at = NULL WHERE published_at IS NOT NULL AND settled_at IS NULL');
      this.stream.onSettled?.((events) => void this.settle(events));
    }
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
      this.failures = 0;
    } catch (error) {
      this.failures++;
      delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
      this.log.warn({ err: error, retryInMs: delay }, 'outbox relay could not publish; will retry');
    }
    if (!this.closed) this.timer = setTimeout(() => this.kick(), delay);
  }

  private publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(724002) AS locked');
      if (!lock.locked) return 0;
      const rows = await tx.query<{ seq: number; event: BusinessEvent }>(
        'SELECT seq, event FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [BATCH],
      );
      if (rows.length === 0) return 0;
      await this.stream.publish(rows.map((row) => row.event));
      await tx.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1)', [rows.map((row) => row.seq)]);
      return rows.length;
    });
  }

  private async settle(events: BusinessEvent[]): Promise<void> {
    const ids = events.filter((event) => event.source === this.source).map((event) => event.id);
    if (ids.length === 0) return;
    try {
      await this.db.query('UPDATE outbox SET settled_at = now() WHERE event_id = ANY($1) AND settled_at IS NULL', [ids]);
    } catch (error) {
      if (!this.closed) this.log.warn({ err: error }, 'could not mark outbox events settled');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
