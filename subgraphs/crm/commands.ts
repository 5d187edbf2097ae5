/** The writes CRM owns. Each runs inside the caller's transaction and returns the entity's id. */
import type { Queryable } from '../../platform/db/db.ts';
import { addMonths, addDays, daysBetween, today } from '../../platform/dates.ts';
import { badInput, conflict, notFound } from '../../platform/errors.ts';
import type { DataOf, Emit } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { Decimal, toAmount } from '../../platform/money.ts';
import * as check from '../../platform/validate.ts';
import type {
  AmendContractInput,
  CreateCustomerInput,
  CreateOpportunityInput,
  UpdateCustomerInput,
} from './generated/resolvers.ts';
import type { ContractRow, CustomerRow, OpportunityRow } from './rows.ts';

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export const PLANS = ['STARTER', 'GROWTH', 'SCALE', 'ENTERPRISE'] as const;

/** A customer as events carry it (docs/events.md). */
export function customerData(row: CustomerRow): DataOf<'customer.created'> {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    segment: row.segment,
    region: row.region,
    currency: row.currency,
    parentId: row.parent_id,
    accountOwner: row.account_owner,
  };
}

/** A contract as events carry it (docs/events.md). */
export function contractData(row: ContractRow): DataOf<'contract.activated'> {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    opportunityId: row.opportunity_id,
    status: row.status,
    planCode: row.plan_code,
    seats: row.seats,
    startDate: row.start_date,
    endDate: row.end_date,
    termMonths: row.term_months,
    billingInterval: row.billing_interval,
    unitPrice: row.unit_price,
    value: row.value,
    currency: row.currency,
  };
}

async function lockCustomer(tx: Queryable, id: string): Promise<CustomerRow | undefined> {
  const [row] = await tx.query<CustomerRow>('SELECT * FROM customers WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

async function requireParent(tx: Queryable, parentId: string | null | undefined, childId?: string): Promise<string | null> {
  if (parentId === null || parentId === undefined) return null;
  if (parentId === childId) throw badInput('input.parentId', 'a customer cannot be its own parent');
  const [parent] = await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = $1', [parentId]);
  if (!parent) throw badInput('input.parentId', `customer ${parentId} does not exist`);
  if (childId) {
    const [cycle] = await tx.query<{ id: string }>(
      `WITH RECURSIVE ancestors(id, parent_id) AS (
         SELECT id, parent_id FROM customers WHERE id = $1
         UNION SELECT c.id, c.parent_id FROM customers c JOIN ancestors a ON c.id = a.parent_id)
       SELECT id FROM ancestors WHERE id = $2`,
      [parentId, childId],
    );
    if (cycle) throw badInput('input.parentId', `${parentId} is a descendant of ${childId}; hierarchies cannot loop`);
  }
  return parentId;
}

export async function createCustomer(tx: Queryable, emit: Emit, input: CreateCustomerInput): Promise<string> {
  const id = newId('cus');
  const parentId = await requireParent(tx, input.parentId);
  const [customer] = await tx.query<CustomerRow>(
    `INSERT INTO customers (id, name, domain, segment, region, currency, parent_id, account_owner)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      id,
      check.text('input.name', input.name),
      check.domain('input.domain', input.domain),
      input.segment,
      check.oneOf('input.region', input.region, REGIONS),
      check.currency('input.currency', input.currency),
      parentId,
      check.email('input.accountOwner', input.accountOwner),
    ],
  );
  await emit({ type: 'customer.created', subject: `Customer:${id}`, customerId: id, data: customerData(customer) });
  return id;
}

export async function updateCustomer(tx: Queryable, emit: Emit, id: string, input: UpdateCustomerInput): Promise<string> {
  const current = await lockCustomer(tx, id);
  if (!current) throw notFound('Customer', id);
  const next = {
    name: input.name == null ? current.name : check.text('input.name', input.name),
    domain: input.domain === undefined ? current.domain : check.domain('input.domain', input.domain),
    segment: input.segment ?? current.segment,
    region: input.region == null ? current.region : check.oneOf('input.region', input.region, REGIONS),
    parentId: input.parentId === undefined ? current.parent_id : await requireParent(tx, input.parentId, id),
    accountOwner: input.accountOwner === undefined ? current.account_owner : check.email('input.accountOwner', input.accountOwner),
  };
  const [updated] = await tx.query<CustomerRow>(
    `UPDATE customers SET name = $2, domain = $3, segment = $4, region = $5, parent_id = $6, account_owner = $7, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, next.name, next.domain, next.segment, next.region, next.parentId, next.accountOwner],
  );
  const before = customerData(current);
  const after = customerData(updated);
  const previous = Object.fromEntries(Object.entries(before).filter(([key, value]) => after[key as keyof typeof after] !== value));
  await emit({ type: 'customer.updated', subject: `Customer:${id}`, customerId: id, data: after, previous });
  return id;
}

export async function createOpportunity(tx: Queryable, emit: Emit, input: CreateOpportunityInput): Promise<string> {
  const [customer] = await tx.query<CustomerRow>('SELECT * FROM customers WHERE id = $1', [input.customerId]);
  if (!customer) throw badInput('input.customerId', `customer ${input.customerId} does not exist`);
  const termMonths = check.integer('input.termMonths', input.termMonths, 1, 60);
  const interval = input.billingInterval ?? 'MONTHLY';
  if (interval === 'ANNUAL' && termMonths % 12 !== 0) {
    throw badInput('input.billingInterval', `ANNUAL billing needs a term in whole years, got ${termMonths} months`);
  }
  const id = newId('opp');
  const [opportunity] = await tx.query<OpportunityRow>(
    `INSERT INTO opportunities (id, customer_id, name, stage, amount, currency, plan_code, seats, term_months, billing_interval)
     VALUES ($1, $2, $3, 'PROSPECTING', $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      id,
      customer.id,
      check.text('input.name', input.name),
      toAmount(check.amount('input.amount', input.amount, { min: '0.01' })),
      customer.currency,
      check.oneOf('input.planCode', input.planCode, PLANS),
      check.integer('input.seats', input.seats, 1, 100_000),
      termMonths,
      interval,
    ],
  );
  await emit({
    type: 'opportunity.created',
    subject: `Opportunity:${id}`,
    customerId: customer.id,
    data: {
      id,
      customerId: customer.id,
      name: opportunity.name,
      stage: opportunity.stage,
      amount: opportunity.amount,
      currency: opportunity.currency,
      planCode: opportunity.plan_code,
      seats: opportunity.seats,
      termMonths: opportunity.term_months,
      billingInterval: opportunity.billing_interval,
    },
  });
  return id;
}

export async function closeOpportunityWon(tx: Queryable, emit: Emit, id: string, startDate: string): Promise<string> {
  const [opportunity] = await tx.query<OpportunityRow>('SELECT * FROM opportunities WHERE id = $1 FOR UPDATE', [id]);
  if (!opportunity) throw notFound('Opportunity', id);
  if (opportunity.stage === 'CLOSED_WON' || opportunity.stage === 'CLOSED_LOST') {
    throw conflict(`opportunity ${id} is already ${opportunity.stage}`, { stage: opportunity.stage });
  }
  const contractId = newId('ctr');
  const [{ seq }] = await tx.query<{ seq: number }>("SELECT nextval('contract_number_seq') AS seq");
  const endDate = addDays(addMonths(startDate, opportunity.term_months), -1);
  const unitPrice = new Decimal(opportunity.amount).div(opportunity.seats * opportunity.term_months);
  const [contract] = await tx.query<ContractRow>(
    `INSERT INTO contracts (id, number, customer_id, opportunity_id, status, plan_code, seats, start_date, end_date,
                            term_months, billing_interval, unit_price, value, currency)
     VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    [
      contractId,
      `CT-${String(seq).padStart(6, '0')}`,
      opportunity.customer_id,
      id,
      opportunity.plan_code,
      opportunity.seats,
      startDate,
      endDate,
      opportunity.term_months,
      opportunity.billing_interval,
      toAmount(unitPrice),
      opportunity.amount,
      opportunity.currency,
    ],
  );
  await tx.query(
    `UPDATE opportunities SET stage = 'CLOSED_WON', close_date = $2, contract_id = $3, updated_at = now() WHERE id = $1`,
    [id, today(), contractId],
  );
  await emit({ type: 'contract.activated', subject: `Contract:${contractId}`, customerId: contract.customer_id, data: contractData(contract) });
  return contractId;
}

async function lockActiveContract(tx: Queryable, id: string): Promise<ContractRow> {
  const [contract] = await tx.query<ContractRow>('SELECT * FROM contracts WHERE id = $1 FOR UPDATE', [id]);
  if (!contract) throw notFound('Contract', id);
  if (contract.status !== 'ACTIVE') throw conflict(`contract ${contract.number} is ${contract.status}, not ACTIVE`, { status: contract.status });
  return contract;
}

/**
 * Value changes pro rata: the seat change times the monthly seat price, over the share of the
 * term left from the effective date (by days, so a mid-month amendment is fair to the day).
 */
export function amendmentValue(contract: Pick<ContractRow, 'unit_price' | 'term_months' | 'start_date' | 'end_date'>, seatsDelta: number, effectiveDate: string): Decimal {
  const termDays = daysBetween(contract.start_date, contract.end_date) + 1;
  const remainingDays = daysBetween(effectiveDate, contract.end_date) + 1;
  return new Decimal(contract.unit_price).mul(seatsDelta).mul(contract.term_months).mul(remainingDays).div(termDays);
}

export async function amendContract(tx: Queryable, emit: Emit, id: string, input: AmendContractInput): Promise<string> {
  const contract = await lockActiveContract(tx, id);
  const seatsDelta = check.integer('input.seatsDelta', input.seatsDelta, -100_000, 100_000);
  if (seatsDelta === 0) throw badInput('input.seatsDelta', 'must not be zero');
  if (contract.seats + seatsDelta < 1) throw badInput('input.seatsDelta', `would leave ${contract.seats + seatsDelta} seats; a contract keeps at least 1`);
  if (input.effectiveDate < contract.start_date || input.effectiveDate > contract.end_date) {
    throw badInput('input.effectiveDate', `must be within the contract term ${contract.start_date} to ${contract.end_date}`);
  }
  const valueDelta = toAmount(amendmentValue(contract, seatsDelta, input.effectiveDate));
  const reason = check.text('input.reason', input.reason, 1000);
  const amendmentId = newId('amd');
  await tx.query(
    `INSERT INTO contract_amendments (id, contract_id, effective_date, seats_delta, value_delta, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
    [amendmentId, id, input.effectiveDate, seatsDelta, valueDelta, reason],
  );
  const [amended] = await tx.query<ContractRow>(
    'UPDATE contracts SET seats = seats + $2, value = value + $3, updated_at = now() WHERE id = $1 RETURNING *',
    [id, seatsDelta, valueDelta],
  );
  await emit({
    type: 'contract.amended',
    subject: `Contract:${id}`,
    customerId: amended.customer_id,
    data: { ...contractData(amended), amendment: { id: amendmentId, effectiveDate: input.effectiveDate, seatsDelta, valueDelta, reason } },
    previous: { seats: contract.seats, value: contract.value },
  });
  return id;
}

export async function terminateContract(tx: Queryable, emit: Emit, id: string, reason: string): Promise<string> {
  const contract = await lockActiveContract(tx, id);
  const [terminated] = await tx.query<ContractRow>(
    `UPDATE contracts SET status = 'TERMINATED', termination_reason = $2, terminated_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, check.text('reason', reason, 1000)],
  );
  await emit({
    type: 'contract.terminated',
    subject: `Contract:${id}`,
    customerId: contract.customer_id,
    data: { ...contractData(terminated), reason: terminated.termination_reason },
    previous: { status: contract.status },
  });
  return id;
}
