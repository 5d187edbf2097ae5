import { SignJWT } from 'jose';
import type { HubConfig } from '../config.ts';
import { durationSeconds } from '../dates.ts';
import { localIssuerKeys } from './keys.ts';
import { isRole, ROLE_NAMES } from './roles.ts';

export interface DevTokenOptions {
  /** The token's subject; "<role>@hub.local" unless given. */
  sub?: string;
  /** Lifetime as a number and a unit (s, m, h, d), e.g. "12h"; at most AUTH_REVOCATION_TTL. */
  ttl?: string;
}

/** True when callers' tokens are checked against the hub's own key, so it can issue them. */
export function issuesOwnTokens(config: HubConfig): boolean {
  return !config.auth.jwksUrl && !config.auth.publicKey;
}

/**
 * A caller token for one role, signed with the hub's local development key (made under
 * `$HUB_DATA_DIR/auth/` on first use), with the configured issuer and audience.
 */
export async function issueDevToken(config: HubConfig, role: string, options: DevTokenOptions = {}): Promise<string> {
  if (!isRole(role)) throw new Error(`Unknown role "${role}". Roles: ${ROLE_NAMES.join(', ')}.`);
  if (!issuesOwnTokens(config)) throw new Error('AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set: tokens come from that identity provider, not from the hub.');
  // 12 hours, or as long as a revocation is kept if that is shorter: the gateway refuses longer-lived tokens.
  const ttl = options.ttl ?? (config.auth.revocationTtlSeconds < 43_200 ? `${config.auth.revocationTtlSeconds}s` : '12h');
  const seconds = durationSeconds(ttl);
  if (seconds === undefined) throw new Error(`--ttl must be a number and a unit (s, m, h or d), e.g. 12h; got "${ttl}".`);
  if (seconds > config.auth.revocationTtlSeconds) throw new Error(`--ttl ${ttl} is longer than AUTH_REVOCATION_TTL (${config.auth.revocationTtlSeconds} s): the gateway would refuse the token.`);
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(options.sub ?? `${role}@hub.local`)
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(localIssuerKeys(config).privateKey);
}
