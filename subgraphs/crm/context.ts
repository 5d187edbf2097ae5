import type { BaseContext } from '../../platform/context.ts';
import type { CrmLoaders } from './store.ts';

export interface CrmContext extends BaseContext {
  loaders: CrmLoaders;
  /** Customers whose contacts' e-mails or phones this response shows whole (pii:read): audited once it is sent. */
  personalDataShown: Set<string>;
}
