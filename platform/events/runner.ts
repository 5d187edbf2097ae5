import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { EventsConfig } from '../config.ts';
import { parseEvent } from './catalogue.ts';
import type { ConsumerDefinition } from './consumer.ts';
import { isPermanent } from './permanent.ts';
import type { BusinessEvent, Delivery, EventSource } from './envelope.ts';
import { emit, emitter } from './outbox.ts';
import type { EventStream, GroupReader } from './stream.ts';

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
const BLOCK_MS = 500;

/**
 * Runs one consumer: reads its group, applies each event once in a transaction of the system's
 * database (recorded in processed_events), retries a failing event with exponential backoff and
 * jitter while the events behind it flow on, and after `maxAttempts` dead-letters it
 * (`event.dead_lettered`, which ops records) and moves on.
 */
export class ConsumerRunner {
  private closed = false;
  private loop: Promise<void> | undefined;
  private readonly retries: Retry[] = [];
  private lastReclaim = 0;

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
        await this.retryDue(reader);
        if (Date.now() - this.lastReclaim > this.options.config.reclaimIdleMs / 2) {
          this.lastReclaim = Date.now();
          for (const delivery of await reader.reclaim(this.options.config.reclaimIdleMs, READ_COUNT)) await this.attempt(reader, delivery, 1);
        }
        const wait = this.retries.length > 0 ? Math.max(1, Math.min(BLOCK_MS, this.retries[0].dueAt - Date.now())) : BLOCK_MS;
        for (const delivery of await reader.read(READ_COUNT, wait)) {
          if (this.closed) break;
          await this.attempt(reader, delivery, 1);
        }
      } catch (error) {
        if (this.closed) break;
        log.warn({ err: error, consumer: this.definition.name }, 'event stream unavailable; retrying');
        await sleep(1000);
      }
    }
  }

  private async retryDue(reader: GroupReader): Promise<void> {
    this.retries.sort((a, b) => a.dueAt - b.dueAt);
    while (this.retries.length > 0 && this.retries[0].dueAt <= Date.now() && !this.closed) {
      const retry = this.retries.shift()!;
      await this.attempt(reader, retry.delivery, retry.attempts + 1);
    }
  }

  /** The event this delivery asks the consumer to apply: the event itself, or a replayed dead letter. */
  private target(event: BusinessEvent): { event: BusinessEvent; deadLetterId?: string } | null {
    if (event.type === 'event.replay_requested') {
      const data = event.data as { consumer?: string; deadLetterId?: string; event?: BusinessEvent };
      return data.consumer === this.definition.name && data.event ? { event: data.event, deadLetterId: data.deadLetterId } : null;
    }
    return (this.definition.types as readonly string[]).includes(event.type) ? { event } : null;
  }

  private async attempt(reader: GroupReader, delivery: Delivery, attempts: number): Promise<void> {
    const { db, log, source, config } = this.options;
    const target = this.target(delivery.event);
    if (!target) {
      await reader.ack([delivery.position]);
      return;
    }
    const eventLog = log.child({ consumer: this.definition.name, eventId: target.event.id, type: target.event.type, correlationId: target.event.correlationId });
    try {
      await db.transaction(async (tx) => {
        const claimed = await tx.query(
          'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
          [this.definition.name, target.event.id],
        );
        const origin = { source, correlationId: target.event.correlationId, causationId: target.event.id };
        // A malformed event throws here, permanently: it is dead-lettered with parseEvent's reason.
        if (claimed.length > 0) await this.definition.handle(tx, parseEvent(target.event), emitter(tx, origin));
        if (target.deadLetterId) {
          await emit(tx, { ...origin, causationId: delivery.event.id }, {
            type: 'event.replayed',
            subject: `DeadLetter:${target.deadLetterId}`,
            customerId: target.event.customerId,
            data: { deadLetterId: target.deadLetterId, consumer: this.definition.name, eventId: target.event.id },
          });
        }
      });
      this.options.emitted();
      await reader.ack([delivery.position]);
      eventLog.debug('event applied');
    } catch (error) {
      const permanent = isPermanent(error);
      if (!permanent && attempts < config.maxAttempts) {
        const delay = config.retryBaseMs * 2 ** (attempts - 1) * (0.5 + Math.random());
        eventLog.warn({ err: error, attempts, retryInMs: Math.round(delay) }, 'event failed; will retry');
        this.retries.push({ delivery, attempts, dueAt: Date.now() + delay });
        return;
      }
      eventLog.error({ err: error, attempts }, 'event dead-lettered');
      await db.transaction((tx) =>
        emit(tx, { source, correlationId: target.event.correlationId ?? null, causationId: target.event.id }, {
          type: 'event.dead_lettered',
          // A malformed event may lack these; the dead letter's own envelope must still be valid.
          subject: typeof target.event.subject === 'string' && target.event.subject !== '' ? target.event.subject : `Event:${target.event.id}`,
          customerId: typeof target.event.customerId === 'string' ? target.event.customerId : null,
          data: { consumer: this.definition.name, error: (error as Error).message, attempts, event: target.event },
        }),
      );
      this.options.emitted();
      await reader.ack([delivery.position]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.loop;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
