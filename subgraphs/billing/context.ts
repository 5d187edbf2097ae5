import type { BaseContext } from '../../platform/context.ts';
import type { BillingLoaders } from './store.ts';

export interface BillingContext extends BaseContext {
  /** The request's calendar date (UTC): what "overdue" is measured against. */
  today: string;
  loaders: BillingLoaders;
}
