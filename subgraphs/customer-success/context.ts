import type { BaseContext } from '../../platform/context.ts';
import type { CustomerSuccessLoaders } from './store.ts';

export interface CustomerSuccessContext extends BaseContext {
  loaders: CustomerSuccessLoaders;
}
