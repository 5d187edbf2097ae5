/**
 * The gateway's access control over time, in one place for whatever pipeline serves requests:
 * callers' tokens verified and checked against revocations, live connections watched until
 * their access ends, and every refusal and revocation in the audit trail.
 */
import { GraphQLError } from 'graphql';
import { redact } from '../../platform/audit.ts';
import { ErrorCode } from '../../platform/errors.ts';
import * as check from '../../platform/validate.ts';
import type { HubConfig } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { AccessWatcher } from './access.ts';
import { GatewayAudit, type GatewayAuditEntry, type RefusalContext } from './auditTrail.ts';
import { callerAuthenticator, type Authenticate } from './authenticate.ts';
import { Revocations } from './revocations.ts';
import type { Registry } from '../../platform/metrics.ts';

/** What `revokeAccess` answers. */
export interface AccessRevocation {
  sub: string;
  reason: string;
  revokedBy: string;
  revokedAt: string;
  expiresAt: string;
}

export interface GatewaySecurity {
  authenticate: Authenticate;
  access: AccessWatcher;
  audit: GatewayAudit;
  /** Revokes `sub`'s access (see revocations.ts), audited whether it succeeds or not. */
  revokeAccess(context: RefusalContext, args: { sub: string; reason: string; idempotencyKey?: string | null }): Promise<AccessRevocation>;
  /** Registers the access watcher's and the audit trail's metrics. */
  registerMetrics(registry: Registry): void;
  close(): Promise<void>;
}

/** `sendAudit` delivers one batch of audit entries to ops (ops' `recordGatewayAudit`), throwing unless ops recorded it. */
export async function createGatewaySecurity(
  config: HubConfig,
  log: Logger,
  sendAudit: (entries: GatewayAuditEntry[], idempotencyKey: string) => Promise<void>,
): Promise<GatewaySecurity> {
  const { events } = config;
  const revocations = new Revocations({
    ttlSeconds: config.auth.revocationTtlSeconds,
    redis: events.redisUrl ? { ...events, redisUrl: events.redisUrl, prefix: events.redisPrefix } : undefined,
    log,
  });
  await revocations.start();
  const audit = new GatewayAudit(sendAudit, log);
  const access = new AccessWatcher(revocations);
  return {
    authenticate: callerAuthenticator(config, revocations),
    access,
    audit,
    async revokeAccess(context, given) {
      const entry = (outcome: string, at: Date): GatewayAuditEntry => ({
        actor: context.caller.sub,
        role: context.caller.role,
        correlationId: context.correlationId,
        operation: 'revokeAccess',
        // The revoked caller is named whole: it is what the entry is about, as `actor` is.
        arguments: { sub: given.sub, reason: redact(given.reason) },
        outcome,
        at: at.toISOString(),
      });
      let revocation;
      try {
        const sub = check.text('sub', given.sub);
        const reason = check.text('reason', given.reason, 500);
        revocation = await revocations.revoke(sub, reason, context.caller.sub, given.idempotencyKey ?? undefined);
      } catch (error) {
        audit.record(entry(error instanceof GraphQLError ? String(error.extensions.code) : ErrorCode.InternalServerError, new Date()));
        throw error;
      }
      audit.record(entry('OK', new Date(revocation.revokedAt)));
      log.warn({ actor: context.caller.sub, sub: revocation.sub, reason: revocation.reason }, 'access revoked');
      const { sub, reason, by, revokedAt } = revocation;
      return { sub, reason, revokedBy: by, revokedAt: new Date(revokedAt).toISOString(), expiresAt: revocations.expiresAt(revocation).toISOString() };
    },
    registerMetrics: (registry) => {
      access.registerMetrics(registry);
      audit.registerMetrics(registry);
    },
    async close() {
      await audit.close();
      await revocations.close();
    },
  };
}
