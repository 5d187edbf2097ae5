import type { HubConfig } from '../../platform/config.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { today } from '../../platform/dates.ts';
import { createApolloSubgraph, type SubgraphService } from '../../platform/subgraph.ts';
import { consumers } from './consumers.ts';
import type { BillingContext } from './context.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The billing subgraph, built and ready to listen. */
export function createBillingServer(config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  return createApolloSubgraph<BillingContext>(
    {
      name: 'billing',
      dir: import.meta.dirname,
      resolvers,
      consumers,
      createContext: (base) => {
        // One "today" per request, so a customer's overdue amount and an overdue filter agree.
        const day = today();
        return { ...base, today: day, loaders: createLoaders(base.db, day) };
      },
    },
    config,
    stream,
  );
}
