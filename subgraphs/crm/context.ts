import type { BaseContext } from '../../platform/context.ts';
import type { CrmLoaders } from './store.ts';

export interface CrmContext extends BaseContext {
  loaders: CrmLoaders;
}
