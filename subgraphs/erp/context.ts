import type { BaseContext } from '../../platform/context.ts';
import type { ErpLoaders } from './store.ts';

export interface ErpContext extends BaseContext {
  loaders: ErpLoaders;
}
