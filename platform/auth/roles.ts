/**
 * Who may do what: every scope the schemas name and the scopes each role grants. The README's
 * table of roles is this map; a token's `scope` claim may add scopes to its role's.
 */

export const SCOPES = [
  'crm:read',
  'crm:write',
  'billing:read',
  'billing:write',
  'erp:read',
  'erp:write',
  'cs:read',
  'cs:write',
  'ops:read',
  'ops:write',
  'audit:read',
  'pii:read',
  'access:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ROLES = {
  /** Account executives: customers, deals and contracts. */
  sales: ['crm:read', 'crm:write', 'billing:read', 'cs:read', 'pii:read'],
  /** Billing team: subscriptions, invoices, payments. */
  billing: ['crm:read', 'billing:read', 'billing:write', 'erp:read', 'pii:read'],
  /** Finance: the ledger, accounting periods and posting retries. */
  finance: ['crm:read', 'billing:read', 'erp:read', 'erp:write'],
  /** Customer success managers: health, onboarding, renewals. */
  cs: ['crm:read', 'billing:read', 'cs:read', 'cs:write', 'pii:read'],
  /** Integration operators: replay dead letters, resolve exceptions, read events whole and the audit trail. */
  ops: ['crm:read', 'billing:read', 'erp:read', 'ops:read', 'ops:write', 'audit:read', 'pii:read'],
  /** Read-only reporting over every system; contact e-mails and phones come back masked. */
  analyst: ['crm:read', 'billing:read', 'erp:read', 'cs:read', 'ops:read'],
  /** Everything. */
  admin: [...SCOPES],
} as const satisfies Record<string, readonly Scope[]>;
export type Role = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(name: string): name is Role {
  return Object.hasOwn(ROLES, name);
}

/** The scopes of some roles plus extra ones, sorted and without repeats. */
export function scopesOf(roles: readonly Role[], extra: readonly string[] = []): string[] {
  return [...new Set([...roles.flatMap((role) => ROLES[role]), ...extra])].sort();
}
