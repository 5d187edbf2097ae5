import type { SubgraphDefinition } from '../../platform/service/definition.ts';
import { consumers } from './consumers.ts';
import type { CustomerSuccessContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The customer-success subgraph (served by mercurius, see subgraphs/index.ts). */
export const customerSuccess: SubgraphDefinition<CustomerSuccessContext, Resolvers> = {
  name: 'customer-success',
  dir: import.meta.dirname,
  resolvers,
  consumers,
  createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
};
