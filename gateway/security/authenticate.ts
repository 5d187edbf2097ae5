import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { makeCaller, type Caller } from '../../platform/auth/caller.ts';
import { localIssuerKeys } from '../../platform/auth/keys.ts';
import { parsePublicKey } from '../../platform/auth/parseKey.ts';
import { isRole, ROLE_NAMES, scopesOf, type Role } from '../../platform/auth/roles.ts';
import { cachedVerifier, unauthenticated } from '../../platform/auth/subgraphTokens.ts';
import type { HubConfig } from '../../platform/config.ts';

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
 * local development key; issuer and audience as configured; `exp` and `sub` required. A verified
 * token is cached until it expires, so an operation pays a map lookup, not a signature check.
 */
export function callerAuthenticator(config: HubConfig): Authenticate {
  const { jwksUrl, publicKey, issuer, audience } = config.auth;
  const key: KeyObject | JWTVerifyGetKey = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : publicKey ? parsePublicKey(publicKey) : localIssuerKeys(config).publicKey;
  return cachedVerifier('Authentication required: send a token as `Authorization: Bearer <token>` (`npm run token -- --role <role>` makes one).', async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as KeyObject, { issuer, audience, requiredClaims: ['exp', 'sub'] }));
    } catch (error) {
      throw unauthenticated(`The token was refused: ${(error as Error).message}`);
    }
    const roles = rolesOf(payload);
    const extra = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    if (roles.length === 0 && extra.length === 0) throw unauthenticated(`The token names no role; roles are ${ROLE_NAMES.join(', ')}.`);
    return { caller: makeCaller(payload.sub!, roles.join(','), scopesOf(roles, extra)), exp: payload.exp! };
  });
}
