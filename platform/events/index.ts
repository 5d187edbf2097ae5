import type { EventsConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { MemoryEventStream } from './memory-stream.ts';
import { RedisEventStream } from './redis-stream.ts';
import type { EventStream } from './stream.ts';

export type { BusinessEvent, EventOrigin, EventSource, Delivery } from './envelope.ts';
export * from './catalogue.ts';
export { defineConsumer, type ConsumerDefinition } from './consumer.ts';
export { isPermanent, PermanentEventError } from './permanent.ts';
export { emit, emitter, type Emit } from './outbox.ts';
export { StreamUnavailable, type EventStream } from './stream.ts';
export { comparePositions, liveEvents, LiveEventsOverflow, type LiveEventsOptions } from './live.ts';

/** Redis Streams when `REDIS_URL` is set, else the in-process stream; `log` gets its outages. */
export function createEventStream(config: EventsConfig, log: Logger): EventStream {
  const retentionMs = config.retentionDays * 86_400_000;
  return config.redisUrl
    ? new RedisEventStream({ ...config, redisUrl: config.redisUrl }, config.redisPrefix, retentionMs, log)
    : new MemoryEventStream(retentionMs);
}
