import type { HubConfig } from '../../platform/config.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { createApolloSubgraph, type SubgraphService } from '../../platform/subgraph.ts';
import { consumers } from './consumers.ts';
import type { OpsContext } from './context.ts';
import { Reconciler } from './reconciler.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The ops subgraph, built and ready to listen, with its reconciliation job. */
export async function createOpsServer(config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  const reconciler = new Reconciler(config, createLogger(config, 'ops'));
  const service = await createApolloSubgraph<OpsContext>(
    {
      name: 'ops',
      dir: import.meta.dirname,
      resolvers,
      consumers,
      createContext: (base) => ({ ...base, loaders: createLoaders(base.db), reconciler }),
    },
    config,
    stream,
  );
  return {
    ...service,
    async start() {
      await service.start();
      reconciler.start(service.db);
    },
    gatewayListening: (url) => reconciler.useGateway(url),
    async close() {
      await reconciler.stop();
      await service.close();
    },
  };
}
