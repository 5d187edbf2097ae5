import type { SubgraphDefinition } from '../../platform/service/definition.ts';
import { consumers } from './consumers.ts';
import { ERP_ERROR_CODES } from './errors.ts';
import type { ErpContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The erp subgraph. */
export const erp: SubgraphDefinition<ErpContext, Resolvers> = {
  name: 'erp',
  dir: import.meta.dirname,
  resolvers,
  consumers,
  errorCodes: ERP_ERROR_CODES,
  createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
};
