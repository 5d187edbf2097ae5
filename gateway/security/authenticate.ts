import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { makeCaller, tokenTimes, type Caller } from '../../platform/auth/caller.ts';
import { localIssuerKeys } from '../../platform/auth/keys.ts';
import { parsePublicKey } from '../../platform/auth/parseKey.ts';
import { isRole, ROLE_NAMES, scopesOf, type Role } from '../../platform/auth/roles.ts';
import { cachedVerifier, unauthenticated } from '../../platform/auth/subgraphTokens.ts';
import type { HubConfig } from '../../platform/config.ts';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import type { Revocations } from './revocations.ts';

/** Turns an `Authorization` value into the caller it names, or throws UNAUTHENTICATED. */
export type Authenticate = (authorization: unknown) => Promise<Caller>;

/** The roles a token names: `roles` (a list) or `role` (one name). */
function rolesOf(payload: JWTPayload): Role[] {
  const claimed = Array.isArray(payload.roles) ? payload.roles : payload.role === undefined ? [] : [payload.role];
  const unknown = claimed.filter((role) => typeof role !== 'string' || !isRole(role));
  if (unknown.length > 0) throw unauthenticated(`The token names unknown role ${unknown.map(String).join(', ')}; roles are ${ROLE_NAMES.join(', ')}.`);
  return claimed as Role[];
}

/**
 * Verifies callers' bearer tokens: signed by AUTH_JWKS_URL's keys, AUTH_PUBLIC_KEY, or the hub's
 * local development key; issuer and audience as configured; `exp` and `sub` required; living no
 * longer than AUTH_REVOCATION_TTL (a revocation must outlive every token it refuses). A verified
 * token is cached until it expires, so an operation pays a map lookup, not a signature check;
 * whether its caller's access was revoked since is asked on every use.
 */
export function callerAuthenticator(config: HubConfig, revocations: Revocations): Authenticate {
  const { jwksUrl, publicKey, issuer, audience, revocationTtlSeconds } = config.auth;
  const key: KeyObject | JWTVerifyGetKey = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : publicKey ? parsePublicKey(publicKey) : localIssuerKeys(config).publicKey;
  const verified = cachedVerifier('Authentication required: send a token as `Authorization: Bearer <token>` (`npm run token -- --role <role>` makes one).', async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as KeyObject, { issuer, audience, requiredClaims: ['exp', 'sub'] }));
    } catch (error) {
      throw unauthenticated(`The token was refused: ${(error as Error).message}`);
    }
    const roles = rolesOf(payload);
    const extra = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    if (roles.length === 0 && extra.length === 0) throw unauthenticated(`The token names no role; roles are ${ROLE_NAMES.join(', ')}.`);
    const lifetime = payload.exp! - (payload.iat ?? Math.floor(Date.now() / 1000));
    if (lifetime > revocationTtlSeconds) {
      throw unauthenticated(`The token lives ${lifetime} s, longer than AUTH_REVOCATION_TTL (${revocationTtlSeconds} s) allows: a revocation would end before it; issue tokens that expire sooner.`);
    }
    return { caller: makeCaller(payload.sub!, roles.join(','), scopesOf(roles, extra), tokenTimes(payload)), exp: payload.exp! };
  });
  return async (authorization) => {
    const caller = await verified(authorization);
    const revocation = revocations.refusing(caller);
    if (revocation) {
      const at = new Date(revocation.revokedAt).toISOString();
      throw new HubError(ErrorCode.Unauthenticated, `The access of ${caller.sub} was revoked at ${at} (${revocation.reason}): tokens issued before then are refused; get a new one.`, { revokedAt: at });
    }
    return caller;
  };
}
