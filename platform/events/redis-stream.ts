import { ReplyError, type Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { createRedis, Outage, type RedisSettings } from '../redis.ts';
import type { BusinessEvent, Delivery } from './envelope.ts';
import { settlementOf, type GroupProgress } from './settlement.ts';
import { notify, StreamUnavailable, type EventStream, type GroupLag, type GroupReader, type PublishedEvent, type Settlement } from './stream.ts';

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

/** XINFO's flat `[name, value, name, value, …]` reply as an object. */
function fieldsOf(reply: (string | number)[]): Record<string, string | number | null> {
  const info: Record<string, string | number | null> = {};
  for (let i = 0; i < reply.length; i += 2) info[String(reply[i])] = reply[i + 1];
  return info;
}

/** A Redis error saying the consumer group (or the whole stream) is not there: Redis was emptied or failed over. */
function isMissingGroup(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOGROUP');
}

/**
 * Redis Streams: one stream of all events, a consumer group per consumer, the pending entries of
 * a consumer that died taken over with XAUTOCLAIM, trimmed by age. Every command answers or fails
 * within the command timeout (platform/redis.ts); a failure to reach Redis is thrown as
 * StreamUnavailable and logged once per outage, here. A consumer group that vanished (Redis
 * restarted empty, failed over) is made again on the next read.
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
  private readonly outage: Outage;

  constructor(
    private readonly settings: RedisSettings,
    prefix: string,
    private readonly retentionMs: number,
    log: Logger,
  ) {
    this.key = `${prefix}:events`;
    this.index = `${prefix}:events:index`;
    this.outage = new Outage(log, 'event stream');
    this.commands = createRedis(settings, this.outage);
  }

  /**
   * Runs Redis commands: an answer ends an outage; no answer (down, frozen, not reachable yet)
   * is an outage and StreamUnavailable. An error Redis answered with (NOGROUP, …) is Redis up.
   */
  private async call<T>(commands: () => Promise<T>): Promise<T> {
    try {
      const result = await commands();
      this.outage.recovered();
      return result;
    } catch (error) {
      if (error instanceof ReplyError) {
        this.outage.recovered();
        throw error;
      }
      this.outage.failed(error);
      throw new StreamUnavailable(error);
    }
  }

  health(): { status: 'up' | 'down' } {
    return { status: this.outage.down ? 'down' : 'up' };
  }

  async publish(events: BusinessEvent[]): Promise<string[]> {
    return this.call(async () => {
      const pipeline = this.commands.multi();
      for (const event of events) pipeline.xadd(this.key, '*', 'event', JSON.stringify(event));
      const results = (await pipeline.exec()) ?? [];
      const positions = results.map(([error, id]) => {
        if (error) throw error;
        return String(id);
      });
      if (positions.length > 0) await this.commands.hset(this.index, ...events.flatMap((event, i) => [event.id, positions[i]]));
      if (Date.now() - this.lastTrim > TRIM_EVERY_MS) {
        this.lastTrim = Date.now();
        await this.commands.xtrim(this.key, 'MINID', '~', `${Date.now() - this.retentionMs}-0`);
      }
      return positions;
    });
  }

  /** Makes the group (and the stream) unless it exists; from the stream's start, so it misses nothing. */
  private async createGroup(group: string): Promise<void> {
    try {
      await this.commands.xgroup('CREATE', this.key, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof ReplyError && String((error as Error).message).startsWith('BUSYGROUP'))) throw error;
    }
  }

  async group(group: string, consumer: string): Promise<GroupReader> {
    // XREADGROUP BLOCK holds its connection, so every reader gets its own.
    const blocking = createRedis(this.settings, this.outage, { blocking: true });
    this.readers.push(blocking);
    let created = false;
    /** Runs a group command; a group that vanished is made again and the command tried once more. */
    const withGroup = <T>(command: () => Promise<T>): Promise<T> =>
      this.call(async () => {
        try {
          if (!created) await this.createGroup(group);
          created = true;
          return await command();
        } catch (error) {
          if (!isMissingGroup(error)) throw error;
          await this.createGroup(group);
          return command();
        }
      });
    return {
      read: (count, blockMs) =>
        withGroup(async () => {
          const result = (await blocking.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', this.key, '>')) as
            | [string, StreamEntry[]][]
            | null;
          return result?.[0]?.[1].map(toDelivery) ?? [];
        }),
      reclaim: (idleMs, count) =>
        withGroup(async () => {
          const [, entries] = (await this.commands.xautoclaim(this.key, group, consumer, idleMs, '0-0', 'COUNT', count)) as [string, StreamEntry[]];
          // Entries trimmed away while pending come back as null fields.
          return entries.filter(([, fields]) => Array.isArray(fields)).map(toDelivery);
        }),
      ack: async (positions) => {
        if (positions.length === 0) return;
        await this.call(async () => {
          try {
            await this.commands.xack(this.key, group, ...positions);
          } catch (error) {
            // The group vanished, and with it what it had pending: nothing is left to acknowledge.
            if (!isMissingGroup(error)) throw error;
          }
        });
      },
    };
  }

  /** Every group's progress, or none when the stream itself is gone. */
  private async groupProgress(): Promise<GroupProgress[]> {
    const groups = ((await this.commands.xinfo('GROUPS', this.key).catch((error) => {
      if (error instanceof ReplyError && /no such key/i.test(String((error as Error).message))) return [];
      throw error;
    })) as (string | number)[][]).map(fieldsOf);
    if (groups.length === 0) return [];
    const pipeline = this.commands.pipeline();
    for (const info of groups) pipeline.xpending(this.key, String(info.name));
    const pending = (await pipeline.exec()) ?? [];
    return groups.map((info, i) => {
      const [error, summary] = pending[i];
      if (error) throw error;
      const [, oldest] = summary as [number, string | null];
      return { name: String(info.name), lastDelivered: String(info['last-delivered-id']), oldestPending: oldest ?? null };
    });
  }

  async settlement(events: PublishedEvent[], expectedGroups: readonly string[]): Promise<{ states: Settlement[]; groups: string[] }> {
    return this.call(async () => {
      const groups = await this.groupProgress();
      const pipeline = this.commands.pipeline();
      for (const event of events) if (event.position) pipeline.xrange(this.key, event.position, event.position);
      const found = (await pipeline.exec()) ?? [];
      let next = 0;
      const states = events.map((event) => {
        if (!event.position) return 'lost';
        const [error, entries] = found[next++];
        // A position Redis refuses (one the in-process stream gave, before REDIS_URL was set) holds nothing.
        const [entry] = error ? [] : (entries as StreamEntry[]);
        const stored = entry !== undefined && toDelivery(entry).event.id === event.id;
        return settlementOf(stored, event.position, groups, expectedGroups);
      });
      return { states, groups: groups.map((group) => group.name) };
    });
  }

  async lag(): Promise<GroupLag[]> {
    const groups = (await this.commands.xinfo('GROUPS', this.key).catch(() => [])) as (string | number)[][];
    return Promise.all(
      groups.map(async (fields) => {
        const info = fieldsOf(fields);
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
    const blocking = createRedis(this.settings, this.outage, { blocking: true });
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
