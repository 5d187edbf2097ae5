import type { HubConfig } from '../../platform/config.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { createApolloSubgraph, type SubgraphService } from '../../platform/subgraph.ts';
import type { CrmContext } from './context.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The crm subgraph, built and ready to listen. */
export function createCrmServer(config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  return createApolloSubgraph<CrmContext>(
    {
      name: 'crm',
      dir: import.meta.dirname,
      resolvers,
      createContext: (base) => ({ ...base, loaders: createLoaders(base.db) }),
    },
    config,
    stream,
  );
}
