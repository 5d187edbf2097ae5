import type { SubgraphDefinition } from '../../platform/service/definition.ts';
import { consumers } from './consumers.ts';
import type { OpsContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The ops subgraph. */
export const ops: SubgraphDefinition<OpsContext, Resolvers> = {
  name: 'ops',
  dir: import.meta.dirname,
  resolvers,
  consumers,
  createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
};
