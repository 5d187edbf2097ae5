/**
 * Per-client rate limit: a fixed one-minute window per client, counted in process, or in Redis
 * when REDIS_URL is set so that every gateway replica counts against the same budget.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { redisScript, type RedisScript } from '../../platform/redis.ts';
import type { Authenticate } from '../security/authenticate.ts';

const WINDOW_MS = 60_000;

/**
 * Counts one request in a window and keeps the count two windows, in one command (a request's
 * only round trip to Redis for its budget). KEYS: the window's count. ARGV: its TTL (ms).
 */
const TAKE_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return count
`;

/** How many requests a client may still send in this window, or when it may send again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Who is calling, for the rate limit: the verified caller's `sub`, so one caller's tokens share
 * one budget; a request without a valid token counts against its peer address (it is refused
 * with 401 anyway, and rotating made-up tokens must not buy a fresh budget).
 */
export async function clientKey(request: IncomingMessage, authenticate: Authenticate): Promise<string> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const caller = await authenticate(authorization).catch(() => undefined);
    if (caller) return `sub:${createHash('sha256').update(caller.sub).digest('hex').slice(0, 32)}`;
  }
  return `ip:${request.socket.remoteAddress ?? 'unknown'}`;
}

export interface RateLimiterOptions {
  perMinute: number;
  redis?: Redis;
  redisPrefix: string;
}

export class RateLimiter {
  /** In-process counts of the current window; the whole map is dropped when the window turns. */
  private counts = new Map<string, number>();
  private window = 0;

  /** The count of a window in Redis, one command. */
  private readonly takeInRedis: RedisScript<number> | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    this.takeInRedis = options.redis && redisScript<number>(options.redis, 'hubRateLimitTake', TAKE_SCRIPT);
  }

  get enabled(): boolean {
    return this.options.perMinute > 0;
  }

  async take(client: string): Promise<RateDecision> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    const count = this.takeInRedis ? await this.takeInRedis([`${this.options.redisPrefix}:ratelimit:${window}:${client}`], [String(WINDOW_MS * 2)]) : this.countInProcess(client, window);
    if (count <= this.options.perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)) };
  }

  private countInProcess(client: string, window: number): number {
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count;
  }
}
