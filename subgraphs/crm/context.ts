import type { BaseContext } from '../../platform/subgraph.ts';
import type { CrmLoaders } from './store.ts';

export interface CrmContext extends BaseContext {
  loaders: CrmLoaders;
}
