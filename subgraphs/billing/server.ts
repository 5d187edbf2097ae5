import { today } from '../../platform/dates.ts';
import type { SubgraphDefinition } from '../../platform/service/definition.ts';
import { consumers } from './consumers.ts';
import { BILLING_ERROR_CODES } from './errors.ts';
import type { BillingContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The billing subgraph. */
export const billing: SubgraphDefinition<BillingContext, Resolvers> = {
  name: 'billing',
  dir: import.meta.dirname,
  resolvers,
  consumers,
  errorCodes: BILLING_ERROR_CODES,
  createContext: (base) => {
    // One "today" per request, so a customer's overdue amount and an overdue filter agree.
    const day = today();
    return { ...base, today: day, loaders: createLoaders(base.db, day) };
  },
};
