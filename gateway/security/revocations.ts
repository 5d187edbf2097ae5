/**
 * Revoked callers: `revokeAccess` refuses every token of a caller issued before the revocation.
 * A revocation is kept for AUTH_REVOCATION_TTL, past which every token issued before it has
 * expired (tokens may not live longer: see authenticate.ts). With Redis, every gateway replica
 * shares them: a hash holds them (a replica that starts later reads it) and a channel announces
 * each one (the others apply it at once); without Redis they live in this process.
 */
import type { Redis } from 'ioredis';
import type { Caller } from '../../platform/auth/caller.ts';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { createRedis, Outage, type RedisSettings } from '../../platform/redis.ts';

export interface Revocation {
  /** The caller whose tokens are refused: the tokens' `sub`. */
  sub: string;
  reason: string;
  /** Who revoked it (the admin's `sub`). */
  by: string;
  /** Milliseconds since the epoch. */
  revokedAt: number;
  /** The revoking request's idempotency key, if it had one. */
  idempotencyKey?: string;
}

export interface RevocationsOptions {
  /** How long a revocation is kept (AUTH_REVOCATION_TTL). */
  ttlSeconds: number;
  /** Shared through this Redis; in-process without. */
  redis?: RedisSettings & { prefix: string };
  log: Logger;
}

/** A token is refused when issued before its caller's revocation: `iat` in an earlier second (or none). */
export function revokes(revocation: Revocation, caller: Caller): boolean {
  const iat = caller.token?.iat;
  return iat === undefined || iat < Math.ceil(revocation.revokedAt / 1000);
}

export class Revocations {
  readonly #bySub = new Map<string, Revocation>();
  readonly #byKey = new Map<string, Revocation>();
  readonly #listeners = new Set<(revocation: Revocation) => void>();
  readonly #redis?: Redis;
  readonly #subscriber?: Redis;
  readonly #hash: string;
  readonly #channel: string;

  constructor(private readonly options: RevocationsOptions) {
    this.#hash = `${options.redis?.prefix}:gateway:revocations`;
    this.#channel = this.#hash;
    if (!options.redis) return;
    const outage = new Outage(options.log, 'access revocations');
    this.#redis = createRedis(options.redis, outage);
    this.#subscriber = createRedis(options.redis, outage);
    this.#subscriber.on('message', (_channel, message: string) => this.#apply(JSON.parse(message) as Revocation));
    // After every (re)connection: what was announced while this replica did not listen is in the hash.
    this.#subscriber.on('ready', () => void this.#load());
  }

  /** Starts listening and reads the stored revocations; a Redis that does not answer yet is read once it does. */
  async start(): Promise<void> {
    if (!this.#subscriber) return;
    await this.#subscriber.subscribe(this.#channel).catch(() => undefined);
    await this.#load();
  }

  /** Calls `listener` with every revocation this replica learns of, its own and the other replicas'. */
  onRevoked(listener: (revocation: Revocation) => void): void {
    this.#listeners.add(listener);
  }

  /** The revocation that refuses this caller's token, if any. */
  refusing(caller: Caller): Revocation | undefined {
    const revocation = this.#bySub.get(caller.sub);
    if (!revocation) return undefined;
    if (revocation.revokedAt + this.options.ttlSeconds * 1000 <= Date.now()) {
      this.#bySub.delete(caller.sub);
      return undefined;
    }
    return revokes(revocation, caller) ? revocation : undefined;
  }

  /**
   * Revokes every token of `sub` issued until now. The same idempotency key with the same
   * arguments answers the first revocation; with other arguments, IDEMPOTENCY_KEY_REUSED.
   */
  async revoke(sub: string, reason: string, by: string, idempotencyKey?: string): Promise<Revocation> {
    if (idempotencyKey !== undefined) {
      const first = this.#byKey.get(idempotencyKey) ?? (await this.#stored(`key:${idempotencyKey}`));
      if (first && (first.sub !== sub || first.reason !== reason)) {
        throw new HubError(ErrorCode.IdempotencyKeyReused, `Idempotency key ${idempotencyKey} was used for another revocation (of ${first.sub}).`);
      }
      if (first) return first;
    }
    const revocation: Revocation = { sub, reason, by, revokedAt: Date.now(), ...(idempotencyKey === undefined ? {} : { idempotencyKey }) };
    if (this.#redis) {
      const json = JSON.stringify(revocation);
      await this.#redis
        .multi()
        .hset(this.#hash, `sub:${sub}`, json, ...(idempotencyKey === undefined ? [] : [`key:${idempotencyKey}`, json]))
        .publish(this.#channel, json)
        .exec();
    }
    this.#apply(revocation);
    return revocation;
  }

  expiresAt(revocation: Revocation): Date {
    return new Date(revocation.revokedAt + this.options.ttlSeconds * 1000);
  }

  async close(): Promise<void> {
    this.#subscriber?.disconnect();
    this.#redis?.disconnect();
  }

  #apply(revocation: Revocation): void {
    if (revocation.idempotencyKey !== undefined) this.#byKey.set(revocation.idempotencyKey, revocation);
    const known = this.#bySub.get(revocation.sub);
    if (known && known.revokedAt >= revocation.revokedAt) return;
    this.#bySub.set(revocation.sub, revocation);
    for (const listener of this.#listeners) listener(revocation);
  }

  async #stored(field: string): Promise<Revocation | undefined> {
    const json = await this.#redis?.hget(this.#hash, field);
    return json ? (JSON.parse(json) as Revocation) : undefined;
  }

  /** Reads every stored revocation, and drops from the hash those older than the TTL. */
  async #load(): Promise<void> {
    if (!this.#redis) return;
    let stored: Record<string, string>;
    try {
      stored = await this.#redis.hgetall(this.#hash);
    } catch (error) {
      this.options.log.warn({ reason: (error as Error).message }, 'access revocations: could not read the stored revocations; reading them again when Redis answers');
      return;
    }
    const oldest = Date.now() - this.options.ttlSeconds * 1000;
    const expired: string[] = [];
    for (const [field, json] of Object.entries(stored)) {
      const revocation = JSON.parse(json) as Revocation;
      if (revocation.revokedAt <= oldest) expired.push(field);
      else this.#apply(revocation);
    }
    if (expired.length > 0) await this.#redis.hdel(this.#hash, ...expired).catch(() => undefined);
  }
}
