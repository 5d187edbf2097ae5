/**
 * The gateway's entries in the hub's audit trail (`auditTrail(filter: { system: GATEWAY })`):
 * each operation it refuses (it never reaches a system, so no system records it) and its own
 * mutations (`revokeAccess`). Entries are sent to ops in batches; a batch ops did not confirm is
 * sent again with its idempotency key, so it is recorded once. Whatever transport refused an
 * operation calls `recordRefusal` with the errors it answers.
 */
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { redact } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Logger } from '../../platform/logger.ts';
import { mirroredCounter, mirroredGauge, type Registry } from '../../platform/metrics.ts';
import { OpsReports } from '../opsReports.ts';

/** One entry as ops' `recordGatewayAudit` takes it. */
export interface GatewayAuditEntry {
  actor: string;
  role: string;
  correlationId: string;
  /** The operation's name ("(anonymous)" without one), or the gateway's mutation. */
  operation: string;
  arguments: Record<string, unknown>;
  /** "OK", or the refusal's code. */
  outcome: string;
  at: string;
}

/** One report to ops: sent again with the same key until ops confirms it. */
export interface GatewayAuditReport {
  entries: GatewayAuditEntry[];
  idempotencyKey: string;
}

export const RECORD_GATEWAY_AUDIT = /* GraphQL */ `
  mutation RecordGatewayAudit($entries: [GatewayAuditInput!]!, $idempotencyKey: String!) {
    recordGatewayAudit(entries: $entries, idempotencyKey: $idempotencyKey)
  }
`;

/** What a refusal is recorded with: who asked, and the request's correlation id. */
export interface RefusalContext {
  caller: Caller;
  correlationId: string;
}

export type RecordRefusal = (context: RefusalContext, operationName: string | null | undefined, errors: readonly (GraphQLError | GraphQLFormattedError)[]) => void;

/** How long entries wait before they are sent: one report per interval, however many refusals. */
const REPORT_DELAY_MS = 500;
/** Entries one report carries (ops takes at most 1000). */
const REPORT_SIZE = 500;
/** Entries held while ops does not answer; older ones are dropped beyond it, and counted. */
const MAX_PENDING = 10_000;
/** Refusals of one caller within BURST_WINDOW_MS that make a denial burst. */
const BURST_REFUSALS = 20;
const BURST_WINDOW_MS = 60_000;
/** Callers whose refusals are counted at once; the least recently refused are forgotten first. */
const BURST_CALLERS = 10_000;

export class GatewayAudit {
  #pending: GatewayAuditEntry[] = [];
  readonly #reports: OpsReports<GatewayAuditEntry[]>;
  readonly #refusals = new Map<string, number>();
  #dropped = 0;
  #bursts = 0;
  /** Each caller's refusals in its current window, by sub. */
  readonly #windows = new LRUCache<string, { start: number; count: number }>({ max: BURST_CALLERS });

  /** `send` delivers one report to ops and throws unless ops recorded it. */
  constructor(
    send: (entries: GatewayAuditEntry[], idempotencyKey: string) => Promise<void>,
    private readonly log: Logger,
  ) {
    this.#reports = new OpsReports({
      delayMs: REPORT_DELAY_MS,
      waiting: () => this.#pending.length > 0,
      take: () => this.#pending.splice(0, REPORT_SIZE),
      send,
      log,
      failure: 'gateway audit entries not sent to ops; retrying',
    });
  }

  record(entry: GatewayAuditEntry): void {
    this.#pending.push(entry);
    if (this.#pending.length > MAX_PENDING) this.#dropped += this.#pending.splice(0, this.#pending.length - MAX_PENDING).length;
    this.#reports.due();
  }

  /** Records one refused operation: its caller, the refusal's code, the scopes it lacked and the fields refused. */
  recordRefusal: RecordRefusal = (context, operationName, errors) => {
    const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
    const missingScopes = errors.flatMap((error) => (error.extensions?.requiredScopes as string[][] | undefined) ?? []);
    const fields = errors.flatMap((error) => (error.path ? [error.path.join('.')] : []));
    const code = codes[0] ?? 'UNKNOWN';
    this.#refusals.set(code, (this.#refusals.get(code) ?? 0) + 1);
    this.#countBurst(context.caller.sub);
    this.record({
      actor: context.caller.sub,
      role: context.caller.role,
      correlationId: context.correlationId,
      operation: operationName || '(anonymous)',
      arguments: {
        codes,
        ...(missingScopes.length > 0 ? { missingScopes: uniqueLists(missingScopes) } : {}),
        ...(fields.length > 0 ? { fields } : {}),
        message: redact(errors[0]?.message ?? ''),
      },
      outcome: code,
      at: new Date().toISOString(),
    });
  };

  registerMetrics(registry: Registry): void {
    mirroredCounter({
      registry,
      name: 'gateway_refusals_total',
      help: 'Operations the gateway refused, by refusal code (each one is in the audit trail).',
      labelNames: ['code'],
      read: () => [...this.#refusals].map(([code, count]) => [{ code }, count] as const),
    });
    mirroredCounter({
      registry,
      name: 'gateway_denial_bursts_total',
      help: `Times a caller was refused ${BURST_REFUSALS} times or more within ${BURST_WINDOW_MS / 1000} s (each logged with the caller).`,
      read: () => this.#bursts,
    });
    mirroredGauge({
      registry,
      name: 'gateway_callers_in_denial_burst',
      help: `Callers refused ${BURST_REFUSALS} times or more within the last ${BURST_WINDOW_MS / 1000} s.`,
      read: () => [...this.#windows.values()].filter((window) => window.count >= BURST_REFUSALS && Date.now() - window.start < BURST_WINDOW_MS).length,
    });
    mirroredCounter({ registry, name: 'gateway_audit_dropped_total', help: 'Gateway audit entries dropped because ops did not take them for too long.', read: () => this.#dropped });
  }

  /** Sends what is not sent yet, once more. */
  close(): Promise<void> {
    return this.#reports.close();
  }

  #countBurst(sub: string): void {
    const now = Date.now();
    let window = this.#windows.get(sub);
    if (!window || now - window.start >= BURST_WINDOW_MS) {
      this.#windows.set(sub, (window = { start: now, count: 0 }));
    }
    window.count += 1;
    if (window.count === BURST_REFUSALS) {
      this.#bursts += 1;
      this.log.warn({ actor: sub, refusals: window.count, windowMs: BURST_WINDOW_MS }, 'denial burst: one caller refused again and again');
    }
  }
}

function uniqueLists(lists: readonly string[][]): string[][] {
  return [...new Map(lists.map((list) => [list.join(' '), list])).values()];
}
