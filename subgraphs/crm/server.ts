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
  createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
};
