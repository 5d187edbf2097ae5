import type { Queryable } from '../../platform/db/db.ts';
import { byId, keysetPage, listLoader, type Page } from '../../platform/loaders.ts';
import type { ContactRow, ContractAmendmentRow, ContractRow, CustomerRow, OpportunityRow } from './rows.ts';

/** One set per request, so every entity reference and per-parent list is one batched query. */
export function createLoaders(db: Queryable) {
  return {
    customer: byId<CustomerRow>(db, 'customers'),
    children: listLoader<CustomerRow>(db, 'SELECT * FROM customers WHERE parent_id = ANY($1) ORDER BY name, id', 'parent_id'),
    contact: byId<ContactRow>(db, 'contacts'),
    contactsByCustomer: listLoader<ContactRow>(
      db,
      'SELECT * FROM contacts WHERE customer_id = ANY($1) ORDER BY is_primary DESC, name, id',
      'customer_id',
    ),
    opportunity: byId<OpportunityRow>(db, 'opportunities'),
    opportunitiesByCustomer: listLoader<OpportunityRow>(
      db,
      'SELECT * FROM opportunities WHERE customer_id = ANY($1) ORDER BY created_at DESC, id',
      'customer_id',
    ),
    contract: byId<ContractRow>(db, 'contracts'),
    contractsByCustomer: listLoader<ContractRow>(
      db,
      'SELECT * FROM contracts WHERE customer_id = ANY($1) ORDER BY start_date DESC, id',
      'customer_id',
    ),
    amendments: listLoader<ContractAmendmentRow>(
      db,
      `SELECT a.*, c.currency FROM contract_amendments a JOIN contracts c ON c.id = a.contract_id
       WHERE a.contract_id = ANY($1) ORDER BY a.created_at, a.id`,
      'contract_id',
    ),
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
