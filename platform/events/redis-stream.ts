import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { BusinessEvent, Delivery } from './envelope.ts';
import { notify, type EventStream, type GroupLag, type GroupReader } from './stream.ts';

const TRIM_EVERY_MS = 60_000;
/** How long one read of the live tail waits for new entries before it asks again. */
const TAIL_BLOCK_MS = 1000;
/** Entries one read of the live tail takes at most. */
const TAIL_BATCH = 500;
/** Pause after a failed read of the live tail (Redis down) before the next try. */
const TAIL_RETRY_MS = 500;

type StreamEntry = [id: string, fields: string[]];

function toDelivery([id, fields]: StreamEntry): Delivery {
  const at = fields.indexOf('event');
  return { position: id, event: JSON.parse(fields[at + 1]) as BusinessEvent };
}

/**
 * Redis Streams: one stream of all events, a consumer group per consumer, the pending entries of
 * a consumer that died taken over with XAUTOCLAIM, trimmed by age. Commands fail fast while Redis
 * is down (no offline queue), so the outbox relay keeps events and retries instead of waiting.
 */
export class RedisEventStream implements EventStream {
  readonly kind = 'redis';
  readonly durable = true;
  private readonly commands: Redis;
  private readonly readers: Redis[] = [];
  private lastTrim = 0;
  private readonly liveListeners = new Set<(deliveries: Delivery[]) => void>();
  /** Told once the live tail has its starting id; empty from then on. */
  private tailWaiters: (() => void)[] = [];
  private tailAnchored = false;
  private tail: Promise<void> | undefined;
  private closed = false;
  private readonly key: string;
  private readonly index: string;

  constructor(
    private readonly url: string,
    prefix: string,
    private readonly retentionMs: number,
  ) {
    this.key = `${prefix}:events`;
    this.index = `${prefix}:events:index`;
    this.commands = this.connect();
  }

  private connect(queueWhileConnecting = false): Redis {
    const redis = new Redis(this.url, { enableOfflineQueue: queueWhileConnecting, maxRetriesPerRequest: 1, lazyConnect: false });
    // Errors surface on each command; the connection's own error events would only repeat them.
    redis.on('error', () => undefined);
    return redis;
  }

  async publish(events: BusinessEvent[]): Promise<void> {
    const pipeline = this.commands.multi();
    for (const event of events) pipeline.xadd(this.key, '*', 'event', JSON.stringify(event));
    const results = (await pipeline.exec()) ?? [];
    const index: string[] = [];
    results.forEach(([error, id], i) => {
      if (error) throw error;
      index.push(events[i].id, String(id));
    });
    if (index.length > 0) await this.commands.hset(this.index, ...index);
    if (Date.now() - this.lastTrim > TRIM_EVERY_MS) {
      this.lastTrim = Date.now();
      await this.commands.xtrim(this.key, 'MINID', '~', `${Date.now() - this.retentionMs}-0`);
    }
  }

  async group(group: string, consumer: string): Promise<GroupReader> {
    // A service may start before its Redis connection is up; without the offline queue the
    // first command would fail and stop the start, so wait for the connection (ioredis retries).
    if (this.commands.status !== 'ready') await once(this.commands, 'ready');
    try {
      await this.commands.xgroup('CREATE', this.key, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    // XREADGROUP BLOCK holds its connection, so every reader gets its own.
    const blocking = this.connect();
    this.readers.push(blocking);
    return {
      read: async (count, blockMs) => {
        const result = (await blocking.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', this.key, '>')) as
          | [string, StreamEntry[]][]
          | null;
        return result?.[0]?.[1].map(toDelivery) ?? [];
      },
      reclaim: async (idleMs, count) => {
        const [, entries] = (await this.commands.xautoclaim(this.key, group, consumer, idleMs, '0-0', 'COUNT', count)) as [string, StreamEntry[]];
        // Entries trimmed away while pending come back as null fields.
        return entries.filter(([, fields]) => Array.isArray(fields)).map(toDelivery);
      },
      ack: async (positions) => {
        if (positions.length > 0) await this.commands.xack(this.key, group, ...positions);
      },
    };
  }

  async lag(): Promise<GroupLag[]> {
    const groups = (await this.commands.xinfo('GROUPS', this.key).catch(() => [])) as (string | number)[][];
    return Promise.all(
      groups.map(async (fields) => {
        const info = Object.fromEntries(fields.reduce<[string, string | number][]>((pairs, value, i) => (i % 2 === 0 ? [...pairs, [String(value), fields[i + 1]]] : pairs), []));
        const group = String(info.name);
        const [pendingCount, oldestPending] = (await this.commands.xpending(this.key, group)) as [number, string | null];
        const [next] = (await this.commands.xrange(this.key, `(${info['last-delivered-id']}`, '+', 'COUNT', 1)) as StreamEntry[];
        const undelivered = Number(info.lag ?? 0);
        // A stream entry id starts with the millisecond it was added.
        const oldest = Math.min(oldestPending ? Number(oldestPending.split('-')[0]) : Infinity, next ? Number(next[0].split('-')[0]) : Infinity);
        return { group, pending: Number(pendingCount) + undelivered, lagSeconds: Number.isFinite(oldest) ? Math.max(0, Date.now() - oldest) / 1000 : 0 };
      }),
    );
  }

  async readAfter(position: string | null, count: number): Promise<Delivery[]> {
    const entries = (await this.commands.xrange(this.key, position === null ? '-' : `(${position}`, '+', 'COUNT', count)) as StreamEntry[];
    return entries.map(toDelivery);
  }

  async positionOf(eventId: string): Promise<string | null> {
    const position = await this.commands.hget(this.index, eventId);
    if (position === null) return null;
    // The index outlives entries XTRIM removed: an event trimmed away is no longer in the stream.
    const [entry] = (await this.commands.xrange(this.key, position, position)) as StreamEntry[];
    if (entry) return position;
    await this.commands.hdel(this.index, eventId);
    return null;
  }

  subscribe(listener: (deliveries: Delivery[]) => void, onReady?: () => void): () => void {
    this.liveListeners.add(listener);
    if (onReady) {
      if (this.tailAnchored) onReady();
      else this.tailWaiters.push(onReady);
    }
    this.tail ??= this.runTail();
    return () => {
      this.liveListeners.delete(listener);
    };
  }

  /**
   * The one live tail of this stream instance, shared by every listener: XREAD BLOCK on a
   * connection of its own, from the stream's last id when it starts and from the last id it
   * read after that, so a Redis outage costs a delay but no entry. It runs until close(): a
   * later listener then joins a tail that is already reading.
   */
  private async runTail(): Promise<void> {
    // Queues its first command until connected, instead of failing it at once.
    const blocking = this.connect(true);
    this.readers.push(blocking);
    let last: string | null = null;
    while (!this.closed) {
      try {
        if (last === null) {
          // '$' as a concrete id: an XREAD on '$' that times out would move the start on.
          const [newest] = (await blocking.xrevrange(this.key, '+', '-', 'COUNT', 1)) as StreamEntry[];
          last = newest?.[0] ?? '0-0';
          this.tailAnchored = true;
          for (const ready of this.tailWaiters.splice(0)) ready();
        }
        const result = (await blocking.xread('COUNT', TAIL_BATCH, 'BLOCK', TAIL_BLOCK_MS, 'STREAMS', this.key, last)) as [string, StreamEntry[]][] | null;
        const entries = result?.[0]?.[1] ?? [];
        if (entries.length === 0) continue;
        const deliveries = entries.map(toDelivery);
        last = deliveries[deliveries.length - 1].position;
        notify(this.liveListeners, deliveries);
      } catch {
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, TAIL_RETRY_MS));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.liveListeners.clear();
    for (const reader of this.readers) reader.disconnect();
    this.commands.disconnect();
    await this.tail;
  }
}
