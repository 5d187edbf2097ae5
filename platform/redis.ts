/**
 * The one way the hub connects to Redis (event stream, live tail, rate limit, APQ documents):
 * every connection has a connect timeout and a command timeout, reconnects with capped backoff,
 * and follows one error policy — a connection's errors are not logged one by one; an Outage
 * writes one warn line when Redis stops answering and one info line when it answers again.
 */
import { Redis } from 'ioredis';
import { backoffMs } from './backoff.ts';
import type { EventsConfig } from './config.ts';
import type { Logger } from './logger.ts';

/** The longest pause between two attempts to reconnect. */
const MAX_RECONNECT_MS = 2000;

export type RedisSettings = Pick<EventsConfig, 'redisConnectTimeoutMs' | 'redisCommandTimeoutMs'> & { redisUrl: string };

export interface RedisClientOptions {
  /**
   * For XREAD / XREADGROUP with BLOCK: the command timeout is added to the command's own wait
   * instead of replacing it.
   */
  blocking?: boolean;
  /** Overrides the command timeout (the gateway's shorter budget). */
  commandTimeoutMs?: number;
}

/**
 * Whether Redis answers, as seen by one user of it (a stream, the gateway's limits): one warn
 * line when it first fails, one info line when it answers again, nothing in between.
 */
export class Outage {
  private downSince: number | undefined;

  constructor(
    private readonly log: Logger,
    /** What is affected, in the log lines: "event stream", "rate limit". */
    private readonly what: string,
  ) {}

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** Records a failure; true when it starts an episode (and was logged). */
  failed(error: unknown): boolean {
    if (this.downSince !== undefined) return false;
    this.downSince = Date.now();
    // The reason alone: a broker that is not there yet is no bug, and its stack says nothing.
    this.log.warn({ reason: error instanceof Error ? error.message : String(error) }, `${this.what}: Redis unavailable; going on without it and retrying`);
    return true;
  }

  /** Records a success; ends an episode. */
  recovered(): void {
    if (this.downSince === undefined) return;
    const downMs = Date.now() - this.downSince;
    this.downSince = undefined;
    this.log.info({ downMs }, `${this.what}: Redis is back`);
  }
}

/**
 * A Redis connection with the hub's timeouts. Commands sent while it connects wait for the
 * connection, at most the command timeout, then fail: no command ever waits longer. Connection
 * errors go to `outage` (and nowhere else); a connection that becomes ready ends the outage.
 */
export function createRedis(settings: RedisSettings, outage: Outage, options: RedisClientOptions = {}): Redis {
  const commandTimeout = options.commandTimeoutMs ?? settings.redisCommandTimeoutMs;
  const redis = new Redis(settings.redisUrl, {
    connectTimeout: settings.redisConnectTimeoutMs,
    // A blocking read has its own wait; ioredis's blockingTimeout adds the grace to that wait.
    ...(options.blocking ? { blockingTimeout: commandTimeout, blockingTimeoutGrace: commandTimeout } : { commandTimeout }),
    maxRetriesPerRequest: 1,
    // Commands sent in one turn of the event loop share one socket write: under load a write per
    // command costs more CPU (loopback included) than the commands do. A blocking read has its own connection.
    enableAutoPipelining: !options.blocking,
    retryStrategy: (attempts) => backoffMs(attempts, 100, MAX_RECONNECT_MS),
  });
  redis.on('error', (error) => outage.failed(error));
  redis.on('ready', () => outage.recovered());
  return redis;
}

/** Runs a Lua script: its keys, then its other arguments; answers what the script returns. */
export type RedisScript<T> = (keys: readonly string[], args: readonly string[]) => Promise<T>;

/**
 * A Lua script on `redis`, run as one command (EVALSHA, the script sent again if Redis does not
 * know it): atomic, and one round trip however many keys it touches.
 */
export function redisScript<T>(redis: Redis, name: string, lua: string): RedisScript<T> {
  redis.defineCommand(name, { lua });
  const command = (redis as unknown as Record<string, (keyCount: number, ...keysAndArgs: string[]) => Promise<T>>)[name];
  return (keys, args) => command.call(redis, keys.length, ...keys, ...args);
}
