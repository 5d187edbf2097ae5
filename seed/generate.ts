import { addDays, addMonths, daysBetween, periodOf } from '../platform/dates.ts';
import { Decimal, toAmount } from '../platform/money.ts';
import { amendmentValue } from '../subgraphs/crm/commands.ts';
import type { CrmContactSeed, CrmOpportunitySeed } from '../subgraphs/crm/seed.ts';
import type { AccountingPeriodSeed } from '../subgraphs/erp/seed.ts';
import { billContract, type LedgerContext } from './invoicing.ts';
import {
  at,
  Counters,
  emptyBatch,
  EVENT_WINDOW_DAYS,
  id,
  maxDate,
  minDate,
  pad,
  type ContractPlan,
  type CustomerPlan,
  type Interval,
  type Payer,
  type SeedBatch,
  type Segment,
} from './model.ts';
import { ACCOUNT_OWNERS, ENTITIES, FIRST_NAMES, LAST_NAMES, NAME_HEADS, NAME_KINDS, NAME_TAILS, STAFF_DOMAIN, TITLES, slug } from './names.ts';
import { Quota, Rng, streamSeed } from './random.ts';
import { customerSuccess } from './success.ts';

/** Price of one seat for one month, per plan (the same figure in every currency, for simplicity). */
export const PLAN_PRICES: Record<string, number> = { STARTER: 25, GROWTH: 60, SCALE: 120, ENTERPRISE: 200 };
const PLAN_ORDER = ['STARTER', 'GROWTH', 'SCALE', 'ENTERPRISE'] as const;

const PLANS_BY_SEGMENT: Record<Segment, Record<string, number>> = {
  SMB: { STARTER: 60, GROWTH: 35, SCALE: 5 },
  MID_MARKET: { GROWTH: 45, SCALE: 45, ENTERPRISE: 10 },
  ENTERPRISE: { SCALE: 40, ENTERPRISE: 60 },
};

const TERMS_BY_SEGMENT: Record<Segment, Record<'12' | '24' | '36', number>> = {
  SMB: { '12': 60, '24': 25, '36': 15 },
  MID_MARKET: { '12': 40, '24': 35, '36': 25 },
  ENTERPRISE: { '12': 20, '24': 35, '36': 45 },
};

const OPEN_STAGES = { PROSPECTING: 35, QUALIFICATION: 25, PROPOSAL: 25, NEGOTIATION: 15 } as const;

const TERMINATION_REASONS = ['budget cuts', 'moved to a competitor', 'company acquired', 'consolidating tools', 'project cancelled'];
const GROWTH_REASONS = ['added seats for a new team', 'expansion to another department', 'hiring growth'];
const SHRINK_REASONS = ['headcount reduction', 'team reorganisation', 'unused seats removed'];

const PHONE_PREFIX: Record<string, string> = { NA: '+1 555 010 ', EMEA: '+44 20 7946 ', APAC: '+61 2 5550 ', LATAM: '+55 11 5550 ' };

function seatsFor(rng: Rng, segment: Segment): number {
  if (segment === 'SMB') return rng.int(5, 50);
  if (segment === 'MID_MARKET') return 5 * rng.int(10, 60);
  return 25 * rng.int(12, 80);
}

/** The month before `date`'s month: "2026-04" for any day of May 2026. */
function previousMonth(date: string): string {
  return periodOf(addMonths(`${periodOf(date)}-01`, -1));
}

/**
 * Makes the demo data customer by customer. State that spans customers (id counters, the names
 * taken, earlier customers that can parent a subsidiary) lives here, so batches can be made one
 * after the other and the result does not depend on the batch size.
 */
export class SeedGenerator {
  readonly counters = new Counters();
  private readonly names = new Set<string>();
  private readonly domains = new Set<string>();
  private readonly parents: { id: string; name: string; slug: string }[] = [];
  /** About 3% of contracts running for three months or more were terminated early. */
  private readonly terminations = new Quota(33);
  private readonly rejections = new Quota(33);
  private readonly saleRejections = new Quota(20);

  constructor(
    private readonly asOf: string,
    private readonly seed: number,
  ) {}

  /** Every month from 25 months before asOf's month, closed on the 5th of the next, and asOf's month open. */
  periods(): AccountingPeriodSeed[] {
    const first = `${periodOf(this.asOf)}-01`;
    const periods: AccountingPeriodSeed[] = [];
    for (let back = 25; back >= 0; back--) {
      const month = addMonths(first, -back);
      const closedOn = minDate(addDays(addMonths(month, 1), 4), this.asOf);
      periods.push(
        back === 0 ? { id: periodOf(month), status: 'OPEN', closed_at: null } : { id: periodOf(month), status: 'CLOSED', closed_at: at(closedOn, 6) },
      );
    }
    return periods;
  }

  /** Customers number `from` to `to` (1-based, both included), for all four systems. */
  batch(from: number, to: number): SeedBatch {
    const batch = emptyBatch();
    const ledger: LedgerContext = {
      asOf: this.asOf,
      rejectPeriod: previousMonth(this.asOf),
      rejections: this.rejections,
      eventsFrom: addDays(this.asOf, -EVENT_WINDOW_DAYS),
      saleRejections: this.saleRejections,
      counters: this.counters,
      batch,
    };
    for (let n = from; n <= to; n++) this.customer(n, batch, ledger);
    return batch;
  }

  private customer(n: number, batch: SeedBatch, ledger: LedgerContext): void {
    const rng = new Rng(streamSeed(this.seed, n));
    const customerId = id('cus', n);
    this.counters.customer = n;
    const segment = rng.weighted<Segment>({ SMB: 60, MID_MARKET: 30, ENTERPRISE: 10 });
    const identity = this.identity(rng, customerId, segment);
    const payer = rng.weighted<Payer>({ GOOD: 65, SLOW: 20, FAILING: 8, POOR: 7 });
    const customer: CustomerPlan = {
      id: customerId,
      name: identity.name,
      segment,
      region: identity.region,
      currency: identity.currency,
      payer,
      method: this.method(rng, segment, identity.region, payer),
      paymentTermsDays: Number(rng.weighted(segment === 'ENTERPRISE' ? { 30: 50, 45: 50 } : { 30: 85, 15: 10, 45: 5 })),
      taxRate: identity.region === 'EMEA' ? '0.2000' : '0.0000',
    };

    const contracts = this.contracts(rng, customer);
    const opportunities: CrmOpportunitySeed[] = [];
    let overdue = false;
    for (const contract of contracts) {
      opportunities.push(this.contractRows(rng, customer, contract, batch));
      if (billContract(ledger, rng, customer, contract).overdue) overdue = true;
    }
    opportunities.push(...this.pipeline(rng, customer, contracts));
    batch.crm.opportunities.push(...opportunities);

    const firstTouch = opportunities.reduce((earliest, opportunity) => minDate(earliest, opportunity.created_at.slice(0, 10)), this.asOf);
    const createdAt = at(addDays(firstTouch, -rng.int(0, 30)), 9, rng.int(0, 59));
    batch.crm.customers.push({
      id: customerId,
      name: customer.name,
      domain: identity.domain,
      segment,
      region: customer.region,
      currency: customer.currency,
      parent_id: identity.parentId,
      account_owner: `${rng.pick(ACCOUNT_OWNERS[customer.region])}@${STAFF_DOMAIN}`,
      created_at: createdAt,
      updated_at: at(contracts[contracts.length - 1].startDate, 10),
    });
    batch.crm.contacts.push(...this.contacts(rng, customerId, identity.domain, customer.region));

    batch.billing.accounts.push({
      customer_id: customerId,
      currency: customer.currency,
      payment_terms_days: customer.paymentTermsDays,
      tax_rate: customer.taxRate,
      created_at: at(contracts[0].startDate, 5),
    });
    batch.erp.customers.push({
      customer_id: customerId,
      currency: customer.currency,
      credit_limit: segment === 'SMB' ? null : toAmount(segment === 'MID_MARKET' ? 5_000 * rng.int(5, 20) : 50_000 * rng.int(5, 20)),
    });
    customerSuccess(ledger, rng, customer, contracts, overdue);
  }

  /** A company name and domain not used before; about one in ten is a subsidiary of an earlier customer. */
  private identity(rng: Rng, customerId: string, segment: Segment) {
    if (this.parents.length > 0 && rng.chance(0.1)) {
      const parent = rng.pick(this.parents);
      for (let attempt = 0; attempt < 4; attempt++) {
        const entity = rng.pick(ENTITIES);
        const name = `${parent.name} ${entity.suffix}`;
        const domain = `${parent.slug}.${entity.tld}`;
        if (this.names.has(name) || this.domains.has(domain)) continue;
        this.names.add(name);
        this.domains.add(domain);
        return { name, domain, region: entity.region, currency: entity.currency, parentId: parent.id };
      }
    }
    let name = '';
    for (let attempt = 0; attempt < 6 && (name === '' || this.names.has(name)); attempt++) {
      name = `${rng.pick(NAME_HEADS)}${rng.pick(NAME_TAILS)} ${rng.pick(NAME_KINDS)}`;
    }
    // Tens of thousands of combinations; past that, a qualifier and finally the number keep names apart.
    if (this.names.has(name)) name = `${name} ${rng.pick(['Group', 'Holdings', 'International', 'Global', 'Worldwide'])}`;
    if (this.names.has(name)) name = `${name} ${pad(Number(customerId.slice(4)))}`;
    const nameSlug = slug(name);
    let domain = `${nameSlug}.com`;
    if (this.domains.has(domain)) domain = `${nameSlug}${customerId.slice(4)}.com`;
    this.names.add(name);
    this.domains.add(domain);
    if (segment !== 'SMB' || rng.chance(0.3)) this.parents.push({ id: customerId, name, slug: nameSlug });
    const region = rng.weighted({ NA: 45, EMEA: 30, APAC: 15, LATAM: 10 });
    const currency =
      region === 'EMEA' ? (rng.chance(0.7) ? 'EUR' : 'GBP') : region === 'APAC' ? (rng.chance(0.5) ? 'AUD' : 'USD') : 'USD';
    return { name, domain, region, currency, parentId: null };
  }

  private method(rng: Rng, segment: Segment, region: string, payer: Payer): string {
    const local = region === 'NA' ? 'ach' : region === 'EMEA' ? 'sepa' : 'wire';
    if (payer === 'FAILING' || (segment === 'SMB' && rng.chance(0.7))) return 'card';
    if (segment === 'ENTERPRISE') return region === 'NA' && rng.chance(0.2) ? 'check' : 'wire';
    return rng.chance(0.6) ? local : 'wire';
  }

  /** One contract, sometimes followed by its renewal, sometimes with an add-on running beside it. */
  private contracts(rng: Rng, customer: CustomerPlan): ContractPlan[] {
    const first = this.contract(rng, customer, {
      start: addDays(this.asOf, -rng.int(0, 729)),
      plan: rng.weighted(PLANS_BY_SEGMENT[customer.segment]),
      seats: seatsFor(rng, customer.segment),
      term: Number(rng.weighted(TERMS_BY_SEGMENT[customer.segment])),
      interval: rng.chance(0.3) ? 'ANNUAL' : 'MONTHLY',
    });
    const contracts = [first];
    if (first.status === 'EXPIRED' && rng.chance(0.7)) {
      const upgrade = rng.chance(0.2) && first.planCode !== 'ENTERPRISE';
      contracts.push(
        this.contract(rng, customer, {
          start: addDays(first.endDate, 1),
          plan: upgrade ? PLAN_ORDER[PLAN_ORDER.indexOf(first.planCode as (typeof PLAN_ORDER)[number]) + 1] : first.planCode,
          seats: Math.max(1, Math.round(first.finalSeats * (0.8 + rng.next() * 0.6))),
          term: rng.chance(0.6) ? 12 : 24,
          interval: first.interval,
        }),
      );
    } else if (first.status === 'ACTIVE' && daysBetween(first.startDate, this.asOf) > 90 && rng.chance(0.08)) {
      const others = PLAN_ORDER.filter((plan) => plan !== first.planCode);
      contracts.push(
        this.contract(rng, customer, {
          start: addDays(first.startDate, rng.int(60, daysBetween(first.startDate, this.asOf))),
          plan: rng.pick(others),
          seats: Math.max(5, Math.round(first.seats * (0.1 + rng.next() * 0.3))),
          term: 12,
          interval: 'MONTHLY',
        }),
      );
    }
    return contracts;
  }

  private contract(
    rng: Rng,
    customer: CustomerPlan,
    terms: { start: string; plan: string; seats: number; term: number; interval: Interval },
  ): ContractPlan {
    const n = ++this.counters.contract;
    const endDate = addDays(addMonths(terms.start, terms.term), -1);
    const contract: ContractPlan = {
      id: id('ctr', n),
      number: `CT-${pad(n)}`,
      subscriptionId: id('sub', n),
      customerId: customer.id,
      planCode: terms.plan,
      monthlyPrice: toAmount(PLAN_PRICES[terms.plan]),
      seats: terms.seats,
      finalSeats: terms.seats,
      amendment: null,
      startDate: terms.start,
      endDate,
      termMonths: terms.term,
      interval: terms.interval,
      status: endDate < this.asOf ? 'EXPIRED' : 'ACTIVE',
      terminatedOn: null,
      terminationReason: null,
    };
    const running = daysBetween(terms.start, this.asOf);
    if (contract.status === 'ACTIVE' && running > 90 && this.terminations.take()) {
      contract.status = 'TERMINATED';
      contract.terminatedOn = addDays(terms.start, rng.int(60, running - 1));
      contract.terminationReason = rng.pick(TERMINATION_REASONS);
    }
    this.amend(rng, contract);
    return contract;
  }

  /**
   * About 15% of contracts change seats once, effective at the start of a billing period that has
   * begun by asOf, so invoices switch to the new seat count cleanly from that period on.
   */
  private amend(rng: Rng, contract: ContractPlan): void {
    if (!rng.chance(0.19)) return;
    const step = contract.interval === 'ANNUAL' ? 12 : 1;
    const lastDay = minDate(addDays(this.asOf, -1), contract.terminatedOn ?? contract.endDate);
    const starts: string[] = [];
    for (let k = 1; ; k++) {
      const start = addMonths(contract.startDate, k * step);
      if (start > lastDay) break;
      starts.push(start);
    }
    if (starts.length === 0) return;
    const grow = rng.chance(0.7);
    const seatsDelta = grow
      ? Math.max(1, Math.round(contract.seats * (0.1 + rng.next() * 0.3)))
      : -Math.min(contract.seats - 1, Math.max(1, Math.round(contract.seats * (0.05 + rng.next() * 0.15))));
    if (seatsDelta === 0) return;
    const effectiveDate = rng.pick(starts);
    const valueDelta = toAmount(
      amendmentValue(
        { unit_price: contract.monthlyPrice, term_months: contract.termMonths, start_date: contract.startDate, end_date: contract.endDate },
        seatsDelta,
        effectiveDate,
      ),
    );
    contract.amendment = { effectiveDate, seatsDelta, valueDelta, madeAt: '' };
    contract.finalSeats = contract.seats + seatsDelta;
  }

  /** CRM's rows of a contract: the won opportunity, the contract and its amendment. Returns the opportunity. */
  private contractRows(rng: Rng, customer: CustomerPlan, contract: ContractPlan, batch: SeedBatch): CrmOpportunitySeed {
    const closeDate = addDays(contract.startDate, -rng.int(0, 14));
    const closedAt = at(closeDate, 10, rng.int(0, 59));
    const originalValue = new Decimal(contract.monthlyPrice).mul(contract.seats).mul(contract.termMonths);
    const opportunity: CrmOpportunitySeed = {
      id: id('opp', ++this.counters.opportunity),
      customer_id: customer.id,
      name: `${customer.name}: ${contract.planCode.toLowerCase()} plan, ${contract.seats} seats`,
      stage: 'CLOSED_WON',
      amount: toAmount(originalValue),
      currency: customer.currency,
      plan_code: contract.planCode,
      seats: contract.seats,
      term_months: contract.termMonths,
      billing_interval: contract.interval,
      close_date: closeDate,
      contract_id: contract.id,
      created_at: at(addDays(closeDate, -rng.int(20, 120)), 14, rng.int(0, 59)),
      updated_at: closedAt,
    };
    let value = originalValue;
    let updatedAt = closedAt;
    if (contract.amendment) {
      const { effectiveDate, seatsDelta, valueDelta } = contract.amendment;
      value = value.plus(valueDelta);
      updatedAt = at(addDays(effectiveDate, -rng.int(1, 10)), 11, rng.int(0, 59));
      if (updatedAt < closedAt) updatedAt = closedAt;
      contract.amendment.madeAt = updatedAt;
      batch.crm.amendments.push({
        id: id('amd', ++this.counters.amendment),
        contract_id: contract.id,
        effective_date: effectiveDate,
        seats_delta: seatsDelta,
        value_delta: valueDelta,
        reason: rng.pick(seatsDelta > 0 ? GROWTH_REASONS : SHRINK_REASONS),
        created_at: updatedAt,
      });
    }
    const terminatedAt = contract.terminatedOn ? at(contract.terminatedOn, 15) : null;
    batch.crm.contracts.push({
      id: contract.id,
      number: contract.number,
      customer_id: customer.id,
      opportunity_id: opportunity.id,
      status: contract.status,
      plan_code: contract.planCode,
      seats: contract.finalSeats,
      start_date: contract.startDate,
      end_date: contract.endDate,
      term_months: contract.termMonths,
      billing_interval: contract.interval,
      unit_price: contract.monthlyPrice,
      value: toAmount(value),
      currency: customer.currency,
      termination_reason: contract.terminationReason,
      terminated_at: terminatedAt,
      created_at: closedAt,
      updated_at: terminatedAt ?? updatedAt,
    });
    return opportunity;
  }

  /** Open deals (expansion or new business) and the odd lost one. */
  private pipeline(rng: Rng, customer: CustomerPlan, contracts: ContractPlan[]): CrmOpportunitySeed[] {
    const deals: CrmOpportunitySeed[] = [];
    const latest = contracts[contracts.length - 1];
    const deal = (stage: CrmOpportunitySeed['stage'], label: string, createdOn: string, closeDate: string): CrmOpportunitySeed => {
      const plan = rng.weighted(PLANS_BY_SEGMENT[customer.segment]);
      const seats = Math.max(5, Math.round(seatsFor(rng, customer.segment) * 0.5));
      const term = Number(rng.weighted(TERMS_BY_SEGMENT[customer.segment]));
      const createdAt = at(createdOn, 13, rng.int(0, 59));
      return {
        id: id('opp', ++this.counters.opportunity),
        customer_id: customer.id,
        name: `${customer.name}: ${label}`,
        stage,
        amount: toAmount(new Decimal(PLAN_PRICES[plan]).mul(seats).mul(term)),
        currency: customer.currency,
        plan_code: plan,
        seats,
        term_months: term,
        billing_interval: rng.chance(0.3) ? 'ANNUAL' : 'MONTHLY',
        close_date: closeDate,
        contract_id: null,
        created_at: createdAt,
        updated_at: stage === 'CLOSED_LOST' ? at(closeDate, 16) : at(maxDate(createdOn, addDays(this.asOf, -rng.int(0, 14))), 15),
      };
    };
    if (rng.chance(0.3)) {
      const stage = rng.weighted(OPEN_STAGES);
      const label = latest.status === 'ACTIVE' ? 'expansion' : 'win-back';
      deals.push(deal(stage, label, addDays(this.asOf, -rng.int(5, 90)), addDays(this.asOf, rng.int(10, 120))));
    }
    if (rng.chance(0.12)) {
      const createdOn = addDays(this.asOf, -rng.int(60, 600));
      deals.push(deal('CLOSED_LOST', rng.pick(['upsell', 'add-on module', 'additional region']), createdOn, minDate(addDays(createdOn, rng.int(20, 90)), this.asOf)));
    }
    return deals;
  }

  private contacts(rng: Rng, customerId: string, domain: string, region: string): CrmContactSeed[] {
    const count = Number(rng.weighted({ 1: 25, 2: 35, 3: 25, 4: 15 }));
    const emails = new Set<string>();
    const contacts: CrmContactSeed[] = [];
    for (let index = 0; index < count; index++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      let email = `${slug(first)}.${slug(last)}@${domain}`;
      if (emails.has(email)) email = `${slug(first)}.${slug(last)}${index + 1}@${domain}`;
      emails.add(email);
      const primary = index === 0;
      contacts.push({
        id: id('con', ++this.counters.contact),
        customer_id: customerId,
        name: `${first} ${last}`,
        email,
        phone: primary || rng.chance(0.5) ? `${PHONE_PREFIX[region]}${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
        title: primary || rng.chance(0.8) ? rng.pick(TITLES) : null,
        is_primary: primary,
      });
    }
    return contacts;
  }
}
