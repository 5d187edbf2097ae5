import type { HubConfig } from '../../platform/config.ts';
import { createApolloSubgraph, type SubgraphService } from '../../platform/subgraph.ts';
import type { ErpContext } from './context.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The erp subgraph, built and ready to listen. */
export function createErpServer(config: HubConfig): Promise<SubgraphService> {
  return createApolloSubgraph<ErpContext>(
    {
      name: 'erp',
      dir: import.meta.dirname,
      resolvers,
      createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
    },
    config,
  );
}
