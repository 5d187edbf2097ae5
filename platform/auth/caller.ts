import { createHash } from 'node:crypto';

/** Who a request is for, as a verified token says: the gateway's caller, and the subgraphs' too. */
export interface Caller {
  /** The token's subject, e.g. "ada@example.com" or "system:gateway". */
  sub: string;
  /** The caller's roles, comma-separated ("" when the token names scopes only). */
  role: string;
  /** Every scope the caller holds, sorted. */
  scopes: readonly string[];
  /** Stable for one sub, role and scopes: keys caches of signed tokens and of deduplicated fetches. */
  fingerprint: string;
  /** The verified token's lifetime, when the caller comes from one: live connections end with it. */
  token?: TokenTimes;
}

/** A token's `exp` and `iat` claims, in seconds since the epoch (`iat` is optional in JWTs). */
export interface TokenTimes {
  exp: number;
  iat?: number;
}

/** The times of a verified JWT's claims. */
export function tokenTimes(claims: { exp?: number; iat?: number }): TokenTimes {
  return { exp: claims.exp!, ...(claims.iat === undefined ? {} : { iat: claims.iat }) };
}

export function makeCaller(sub: string, role: string, scopes: readonly string[], token?: TokenTimes): Caller {
  const sorted = [...new Set(scopes)].sort();
  // The token's times stay out of the fingerprint: a caller's fresh token shares its caches.
  const fingerprint = createHash('sha256').update(`${sub}\n${role}\n${sorted.join(' ')}`).digest('base64url').slice(0, 22);
  return { sub, role, scopes: sorted, fingerprint, ...(token ? { token } : {}) };
}

/**
 * What a field or type asks of its caller, read from `@authenticated` and `@requiresScopes`:
 * `scopes` is Federation's list of alternatives, each a list of scopes all needed.
 */
export interface AccessRequirement {
  authenticated: boolean;
  scopes: readonly (readonly string[])[];
}

/** True when the caller holds every scope of at least one alternative (or none is asked). */
export function satisfies(scopes: readonly string[], requirement: AccessRequirement): boolean {
  return requirement.scopes.length === 0 || requirement.scopes.some((all) => all.every((scope) => scopes.includes(scope)));
}

/** "Requires scope erp:read", "Requires scopes ops:read and pii:read", "... or ...". */
export function requirementMessage(requirement: AccessRequirement): string {
  const alternatives = requirement.scopes.map((all) => all.join(' and '));
  const plural = requirement.scopes.length > 1 || (requirement.scopes[0]?.length ?? 0) > 1;
  return `Requires scope${plural ? 's' : ''} ${alternatives.join(' or ')}`;
}
