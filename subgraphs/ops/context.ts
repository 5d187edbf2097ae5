import type { BaseContext } from '../../platform/context.ts';
import type { Reconciler } from './reconciler.ts';
import type { OpsLoaders } from './store.ts';

export interface OpsContext extends BaseContext {
  loaders: OpsLoaders;
  reconciler: Reconciler;
}
