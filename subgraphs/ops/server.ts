import type { SubgraphDefinition } from '../../platform/service/definition.ts';
import { consumers } from './consumers.ts';
import type { OpsContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { registerOpsMetrics } from './metrics.ts';
import { Reconciler } from './reconciler.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

/** The ops subgraph, with its reconciliation job. */
export const ops: SubgraphDefinition<OpsContext, Resolvers, Reconciler> = {
  name: 'ops',
  dir: import.meta.dirname,
  resolvers,
  consumers,
  background: (config, log) => new Reconciler(config, log),
  metrics: registerOpsMetrics,
  createContext: (base, reconciler) => ({ ...base, loaders: createLoaders(base.db), reconciler: reconciler! }),
};
