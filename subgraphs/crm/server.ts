import type { SubgraphDefinition } from '../../platform/service/definition.ts';
import type { CrmContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The crm subgraph. */
export const crm: SubgraphDefinition<CrmContext, Resolvers> = {
  name: 'crm',
  dir: import.meta.dirname,
  resolvers,
  createContext: (base) => ({ ...base, loaders: createLoaders(base.db), personalDataShown: new Set() }),
  // Reading personal data is audited: a response that showed contacts' e-mails or phones whole
  // is recorded (operation "readContacts", the customers whose contacts it showed) before it is sent.
  async beforeResponse(context, operationName) {
    if (context.personalDataShown.size === 0) return;
    const customerIds = [...context.personalDataShown].sort();
    await context.audit.record('readContacts', { customerIds, operationName: operationName ?? '(anonymous)' }, 'OK');
  },
};
