import type { ApolloServerPlugin } from '@apollo/server';
import type { HubConfig } from '../../platform/config.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { createApolloSubgraph, type SubgraphService } from '../../platform/subgraph.ts';
import type { CrmContext } from './context.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/**
 * Reading personal data is audited: a response that showed contacts' e-mails or phones whole is
 * recorded (operation "readContacts", the customers whose contacts it showed) before it is sent.
 */
const personalDataAudit: ApolloServerPlugin<CrmContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName }) {
        if (contextValue.personalDataShown.size === 0) return;
        const customerIds = [...contextValue.personalDataShown].sort();
        await contextValue.audit.record('readContacts', { customerIds, operationName: operationName ?? '(anonymous)' }, 'OK');
      },
    };
  },
};

/** The crm subgraph, built and ready to listen. */
export function createCrmServer(config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  return createApolloSubgraph<CrmContext>(
    {
      name: 'crm',
      dir: import.meta.dirname,
      resolvers,
      createContext: (base) => ({ ...base, loaders: createLoaders(base.db), personalDataShown: new Set() }),
      plugins: [personalDataAudit],
    },
    config,
    stream,
  );
}
