import type { Queryable } from '../../platform/db/db.ts';
import { byId, keysetPage, listBy, listWithParentCurrency, type Page } from '../../platform/loaders.ts';
import type { ContactRow, ContractAmendmentRow, ContractRow, CustomerRow, OpportunityRow } from './rows.ts';

/** One set per request, so every entity reference and per-parent list is one batched query. */
export function createLoaders(db: Queryable) {
  return {
    customer: byId<CustomerRow>(db, 'customers'),
    children: listBy<CustomerRow>(db, 'customers', 'parent_id', 'name, id'),
    contact: byId<ContactRow>(db, 'contacts'),
    contactsByCustomer: listBy<ContactRow>(db, 'contacts', 'customer_id', 'is_primary DESC, name, id'),
    opportunity: byId<OpportunityRow>(db, 'opportunities'),
    opportunitiesByCustomer: listBy<OpportunityRow>(db, 'opportunities', 'customer_id', 'created_at DESC, id'),
    contract: byId<ContractRow>(db, 'contracts'),
    contractsByCustomer: listBy<ContractRow>(db, 'contracts', 'customer_id', 'start_date DESC, id'),
    amendments: listWithParentCurrency<ContractAmendmentRow>(db, 'contract_amendments', 'contract_id', 'contracts', 'created_at, id'),
  };
}

export type CrmLoaders = ReturnType<typeof createLoaders>;

export interface CustomerFilterArgs {
  segment?: string | null;
  region?: string | null;
  nameContains?: string | null;
}

/** A page of customers ordered by (name, id), after the keyset cursor `after`. */
export async function customerPage(db: Queryable, first: number, after: { name: string; id: string } | null, filter: CustomerFilterArgs): Promise<Page<CustomerRow>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.segment) where.push(`segment = $${params.push(filter.segment)}`);
  if (filter.region) where.push(`region = $${params.push(filter.region)}`);
  if (filter.nameContains) where.push(`name ILIKE $${params.push(`%${filter.nameContains.replace(/[\\%_]/g, '\\$&')}%`)}`);
  return keysetPage<CustomerRow>(db, {
    from: 'customers',
    where,
    params,
    after: after ? (page) => `(name, id) > ($${page.push(after.name)}, $${page.push(after.id)})` : undefined,
    orderBy: 'name, id',
    first,
  });
}
