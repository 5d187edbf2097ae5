// Every system's definition, and the server framework each is served with.
import type { SystemName } from '../platform/config.ts';
import { apolloAdapter } from '../platform/service/apollo.ts';
import type { SubgraphDefinition } from '../platform/service/definition.ts';
import { mercuriusAdapter } from '../platform/service/mercurius.ts';
import type { SubgraphAdapter } from '../platform/service/subgraph.ts';
import { billing } from './billing/server.ts';
import { crm } from './crm/server.ts';
import { customerSuccess } from './customer-success/server.ts';
import { erp } from './erp/server.ts';
import { ops } from './ops/server.ts';

export interface Subgraph {
  definition: SubgraphDefinition;
  adapter: SubgraphAdapter;
}

export const SUBGRAPHS: Record<SystemName, Subgraph> = {
  crm: { definition: crm, adapter: apolloAdapter },
  billing: { definition: billing, adapter: apolloAdapter },
  erp: { definition: erp, adapter: apolloAdapter },
  // One system on mercurius keeps the kernel framework-neutral: both adapters answer alike.
  'customer-success': { definition: customerSuccess, adapter: mercuriusAdapter },
  ops: { definition: ops, adapter: apolloAdapter },
};

/** Every system's own error codes: the gateway lets them through as the subgraphs answer them. */
export const DOMAIN_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(SUBGRAPHS).flatMap(({ definition }) => definition.errorCodes ?? []));
