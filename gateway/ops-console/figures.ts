/**
 * The ops console's pure logic, apart from the DOM so unit tests cover it: who the token says
 * the caller is, how open exceptions group by owner and age, and links into GraphiQL.
 */
import { isRole, scopesOf, type Role } from '../../platform/auth/roles.ts';

/** What a token claims, read the way the gateway reads it (gateway/security/authenticate.ts). */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  /** The scopes of its roles plus its `scope` claim, sorted. */
  scopes: string[];
}

/**
 * The claims of a bearer token, or null when it is not a JWT. Only to show or hide actions:
 * the signature is not checked here; the gateway checks it on every request and is the one
 * that refuses.
 */
export function tokenClaims(token: string): TokenClaims | null {
  const part = token.trim().replace(/^Bearer\s+/i, '').split('.')[1];
  if (!part) return null;
  let payload: { sub?: unknown; role?: unknown; roles?: unknown; scope?: unknown };
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    payload = JSON.parse(new TextDecoder().decode(bytes)) as typeof payload;
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const claimed = Array.isArray(payload.roles) ? payload.roles : payload.role === undefined ? [] : [payload.role];
  const roles = claimed.filter((role): role is Role => typeof role === 'string' && isRole(role));
  const extra = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  return { sub: typeof payload.sub === 'string' ? payload.sub : '', roles, scopes: scopesOf(roles, extra) };
}

/** The age classes of the exceptions chart, youngest first. */
export const AGE_BUCKETS = [
  { label: 'under 1 h', below: 3_600 },
  { label: '1–24 h', below: 86_400 },
  { label: '1–7 days', below: 7 * 86_400 },
  { label: 'over 7 days', below: Infinity },
] as const;

/** Open exceptions counted by owner (sorted) and age class: `counts[owner][bucket]`. */
export function exceptionsByOwnerAndAge(exceptions: readonly { owner: string; ageSeconds: number }[]): { owners: string[]; counts: number[][] } {
  const owners = [...new Set(exceptions.map((e) => e.owner))].sort();
  const counts = owners.map(() => AGE_BUCKETS.map(() => 0));
  for (const exception of exceptions) {
    const bucket = AGE_BUCKETS.findIndex((b) => exception.ageSeconds < b.below);
    counts[owners.indexOf(exception.owner)][bucket] += 1;
  }
  return { owners, counts };
}

/** "45 s", "12 min", "3 h", "2 d": an age in its largest whole unit. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** A link that opens GraphiQL (at `endpoint`) with this operation in a tab; see gateway/graphiql/app.tsx. */
export function graphiqlLink(endpoint: string, query: string, variables?: Record<string, unknown>): string {
  const params = new URLSearchParams({ query });
  if (variables) params.set('variables', JSON.stringify(variables, null, 2));
  return `${endpoint}#${params.toString()}`;
}

/** The number of points a live chart keeps: at one read per event (at most a few a second), minutes of history. */
export const HISTORY_POINTS = 240;

/** Appends a point to a series, dropping the oldest beyond HISTORY_POINTS. */
export function appendPoint<T>(series: T[], point: T): T[] {
  series.push(point);
  if (series.length > HISTORY_POINTS) series.splice(0, series.length - HISTORY_POINTS);
  return series;
}
