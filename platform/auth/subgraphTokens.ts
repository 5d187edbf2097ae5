import { sign, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { ErrorCode, HubError } from '../errors.ts';
import { makeCaller, tokenTimes, type Caller } from './caller.ts';

/** The `iss` of every token the gateway signs for a subgraph. */
const GATEWAY_ISSUER = 'hub-gateway';
/** Lifetime of a subgraph token: short, so a leaked one is soon useless. */
const TTL_SECONDS = 60;
/** A cached token is replaced this long before it expires, so none expires in flight. */
const RENEW_BEFORE_SECONDS = 20;
/** Entries each cache holds at most, the least recently used dropped first; callers are far fewer in practice. */
const CACHE_LIMIT = 10_000;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = base64url({ alg: 'EdDSA', typ: 'JWT' });

/**
 * Signs the tokens the gateway sends each subgraph (`aud` the subgraph's name) with the caller's
 * identity and scopes. Synchronous and cached per (caller, subgraph): an operation's fetches
 * reuse one token until it nears expiry, so signing is not per request.
 */
export class SubgraphTokenSigner {
  private readonly cache = new LRUCache<string, string>({ max: CACHE_LIMIT });

  /** `ttlSeconds` other than the default is for tools that hand a token to another gateway (the benchmark). */
  constructor(
    private readonly key: KeyObject,
    private readonly ttlSeconds = TTL_SECONDS,
  ) {}

  token(caller: Caller, subgraph: string): string {
    const cacheKey = `${caller.fingerprint}\n${subgraph}`;
    const now = Math.floor(Date.now() / 1000);
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const payload = base64url({ iss: GATEWAY_ISSUER, aud: subgraph, sub: caller.sub, role: caller.role, scope: caller.scopes.join(' '), iat: now, exp: now + this.ttlSeconds });
    const token = `${HEADER}.${payload}.${sign(null, Buffer.from(`${HEADER}.${payload}`), this.key).toString('base64url')}`;
    const fresh = (this.ttlSeconds - RENEW_BEFORE_SECONDS) * 1000;
    if (fresh > 0) this.cache.set(cacheKey, token, { ttl: fresh });
    return token;
  }
}

export function unauthenticated(message: string): HubError {
  return new HubError(ErrorCode.Unauthenticated, message);
}

/** A GraphQL-shaped 401 body, as a subgraph answers requests without a valid gateway token. */
export function unauthenticatedBody(error: Error): string {
  return JSON.stringify({ errors: [{ message: error.message, extensions: { code: ErrorCode.Unauthenticated } }] });
}

/** The token of an `Authorization: Bearer <token>` value (or of a bare token), if any. */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(?:Bearer\s+)?(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/**
 * A bearer-token check with its verified tokens cached until they expire, so a caller's requests
 * after the first cost a map lookup. `verify` throws UNAUTHENTICATED for a token it refuses.
 */
export function cachedVerifier(missing: string, verify: (token: string) => Promise<{ caller: Caller; exp: number }>): (authorization: unknown) => Promise<Caller> {
  const cache = new LRUCache<string, Caller>({ max: CACHE_LIMIT });
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated(missing);
    const cached = cache.get(token);
    if (cached) return cached;
    const verified = await verify(token);
    const ttl = verified.exp * 1000 - Date.now();
    if (ttl > 0) cache.set(token, verified.caller, { ttl });
    return verified.caller;
  };
}

/** Verifies the gateway's tokens for one subgraph: signed by the gateway's key, for this subgraph, not expired. */
export function subgraphTokenVerifier(publicKey: KeyObject, subgraph: string): (authorization: unknown) => Promise<Caller> {
  return cachedVerifier('Subgraphs serve the gateway only: this request carries no gateway token.', async (token) => {
    try {
      const { payload } = await jwtVerify(token, publicKey, { issuer: GATEWAY_ISSUER, audience: subgraph, algorithms: ['EdDSA', 'Ed25519'], requiredClaims: ['exp', 'sub'] });
      return { caller: makeCaller(String(payload.sub), String(payload.role ?? ''), String(payload.scope ?? '').split(' ').filter(Boolean), tokenTimes(payload)), exp: payload.exp! };
    } catch (error) {
      throw unauthenticated(`The gateway token was refused: ${(error as Error).message}`);
    }
  });
}
