import type { HubConfig } from '../../platform/config.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { createApolloSubgraph, type SubgraphService } from '../../platform/subgraph.ts';
import { consumers } from './consumers.ts';
import type { ErpContext } from './context.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The erp subgraph, built and ready to listen. */
export function createErpServer(config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  return createApolloSubgraph<ErpContext>(
    {
      name: 'erp',
      dir: import.meta.dirname,
      resolvers,
      consumers,
      createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
    },
    config,
    stream,
  );
}
