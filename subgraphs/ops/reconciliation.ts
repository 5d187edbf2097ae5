import { Decimal, toAmount } from '../../platform/money.ts';
import type { DifferenceSideRecord, SystemValue } from './rows.ts';

/**
 * What reconciliation compares, as pure functions over what it read through the gateway: per
 * customer, CRM's contracts with billing's subscriptions, billing's invoices with ERP's postings
 * and billing's open balance with ERP's receivable; then ERP's journal (its trial balances) with
 * itself and with the customers' receivables. A difference an open exception already explains
 * (a rejected posting, a dead letter of the customer) is counted, not raised again.
 */

/** Every kind of difference and the team that owns it. */
export const DIFFERENCE_OWNERS = {
  CONTRACT_MISMATCH: 'revops',
  INVOICE_NOT_POSTED: 'finance-ops',
  POSTING_AMOUNT_MISMATCH: 'billing-ops',
  BALANCE_MISMATCH: 'billing-ops',
  TRIAL_BALANCE_UNBALANCED: 'finance-ops',
  RECEIVABLE_LEDGER_MISMATCH: 'finance-ops',
} as const;
export type DifferenceKind = keyof typeof DIFFERENCE_OWNERS;
export const DIFFERENCE_KINDS = Object.keys(DIFFERENCE_OWNERS) as DifferenceKind[];

/** The kinds found per customer; the others come from the ledger as a whole. */
export const CUSTOMER_KINDS: readonly DifferenceKind[] = ['CONTRACT_MISMATCH', 'INVOICE_NOT_POSTED', 'POSTING_AMOUNT_MISMATCH', 'BALANCE_MISMATCH'];
export const LEDGER_KINDS: readonly DifferenceKind[] = ['TRIAL_BALANCE_UNBALANCED', 'RECEIVABLE_LEDGER_MISMATCH'];

export interface Difference {
  kind: DifferenceKind;
  /** What the exception is about: one open exception per subject and kind. */
  subject: string;
  customerId: string | null;
  left: DifferenceSideRecord;
  right: DifferenceSideRecord;
  subjectIds: string[];
  message: string;
}

export interface MoneyValue {
  amount: string;
  currency: string;
}

/** A customer as the reconciliation query reads it through the gateway. */
export interface CustomerSnapshot {
  id: string;
  contracts: {
    id: string;
    status: string;
    planCode: string;
    seats: number;
    unitPrice: MoneyValue;
    billingInterval: string;
    startDate: string;
    endDate: string;
    subscription: {
      id: string;
      status: string;
      planCode: string;
      seats: number;
      unitPrice: MoneyValue;
      interval: string;
      currentPeriodStart: string;
      currentPeriodEnd: string;
    } | null;
  }[];
  balance: MoneyValue | null;
  receivable: { balance: MoneyValue } | null;
  invoices: {
    id: string;
    status: string;
    total: MoneyValue;
    amountDue: MoneyValue;
    posting: { status: string; amount: MoneyValue | null } | null;
  }[];
}

/** What explains a difference: exceptions already open in ops. */
export interface Explanations {
  /** Subjects (`Invoice:<id>`) with an open POSTING_REJECTED exception. */
  rejectedPostings: ReadonlySet<string>;
  /** Customers with an open DEAD_LETTER exception: an event of theirs did not get through. */
  deadLetterCustomers: ReadonlySet<string>;
}

export interface CustomerResult {
  differences: Difference[];
  explained: number;
}

function side(system: SystemValue, value: string, money?: { amount: Decimal | string; currency: string } | null): DifferenceSideRecord {
  return { system, value, amount: money ? toAmount(money.amount) : null, currency: money?.currency ?? null };
}

function moneyText(value: { amount: Decimal | string; currency: string }): string {
  return `${toAmount(value.amount)} ${value.currency}`;
}

const MONTHS_PER_INTERVAL: Record<string, number> = { MONTHLY: 1, ANNUAL: 12 };

/** A contract's or subscription's terms in words, and its monthly value (seats × price of a month). */
function terms(status: string, plan: string, seats: number, monthly: Decimal, currency: string, interval: string, dates: string) {
  const mrr = monthly.mul(seats);
  return { text: `${status}, ${plan}, ${seats} seats at ${toAmount(monthly)} ${currency} a month, ${interval}, ${dates}`, mrr: { amount: mrr, currency } };
}

function compareContracts(customer: CustomerSnapshot): Difference[] {
  const found: Difference[] = [];
  for (const contract of customer.contracts) {
    if (contract.status === 'DRAFT') continue;
    const subscription = contract.subscription;
    const crm = terms(
      contract.status,
      contract.planCode,
      contract.seats,
      new Decimal(contract.unitPrice.amount),
      contract.unitPrice.currency,
      contract.billingInterval,
      `${contract.startDate} to ${contract.endDate}`,
    );
    const problems: string[] = [];
    if (contract.status === 'ACTIVE') {
      if (!subscription) problems.push('no subscription');
      else {
        if (subscription.status === 'CANCELED') problems.push('subscription CANCELED');
        if (subscription.planCode !== contract.planCode) problems.push('plan');
        if (subscription.seats !== contract.seats) problems.push('seats');
        if (subscription.interval !== contract.billingInterval) problems.push('interval');
        const perInterval = new Decimal(contract.unitPrice.amount).mul(MONTHS_PER_INTERVAL[contract.billingInterval] ?? 1);
        if (!perInterval.equals(subscription.unitPrice.amount) || subscription.unitPrice.currency !== contract.unitPrice.currency) problems.push('price');
        if (subscription.currentPeriodStart < contract.startDate || subscription.currentPeriodEnd > contract.endDate) problems.push('dates');
      }
    } else if (subscription && subscription.status !== 'CANCELED') {
      problems.push(`subscription ${subscription.status} for a ${contract.status} contract`);
    }
    if (problems.length === 0) continue;
    const billing = subscription
      ? terms(
          subscription.status,
          subscription.planCode,
          subscription.seats,
          new Decimal(subscription.unitPrice.amount).div(MONTHS_PER_INTERVAL[subscription.interval] ?? 1),
          subscription.unitPrice.currency,
          subscription.interval,
          `period ${subscription.currentPeriodStart} to ${subscription.currentPeriodEnd}`,
        )
      : null;
    found.push({
      kind: 'CONTRACT_MISMATCH',
      subject: `Contract:${contract.id}`,
      customerId: customer.id,
      left: side('CRM', crm.text, crm.mrr),
      right: side('BILLING', billing?.text ?? 'no subscription', billing?.mrr ?? null),
      subjectIds: subscription ? [contract.id, subscription.id] : [contract.id],
      message: `contract ${contract.id} and its subscription differ: ${problems.join(', ')}`,
    });
  }
  return found;
}

/** Compares one customer across CRM, billing and ERP. */
export function compareCustomer(customer: CustomerSnapshot, explanations: Explanations): CustomerResult {
  const candidates: Difference[] = [...compareContracts(customer)];
  let explained = 0;
  // What billing counts as owed and ERP cannot, yet: invoices ERP has not posted.
  let unposted = new Decimal(0);
  for (const invoice of customer.invoices) {
    if (invoice.status === 'DRAFT' || invoice.status === 'VOID') continue;
    const posting = invoice.posting;
    const subject = `Invoice:${invoice.id}`;
    if (posting?.status === 'POSTED') {
      const booked = posting.amount;
      if (!booked || !new Decimal(booked.amount).equals(invoice.total.amount) || booked.currency !== invoice.total.currency) {
        candidates.push({
          kind: 'POSTING_AMOUNT_MISMATCH',
          subject,
          customerId: customer.id,
          left: side('BILLING', `total ${moneyText(invoice.total)}`, invoice.total),
          right: side('ERP', booked ? `posted ${moneyText(booked)}` : 'posted without a receivable line', booked),
          subjectIds: [invoice.id],
          message: `invoice ${invoice.id}: billing's total ${moneyText(invoice.total)}, ERP posted ${booked ? moneyText(booked) : 'nothing to receivable'}`,
        });
      }
      continue;
    }
    if (invoice.status === 'OPEN') unposted = unposted.plus(invoice.amountDue.amount);
    if (explanations.rejectedPostings.has(subject)) {
      explained++;
      continue;
    }
    candidates.push({
      kind: 'INVOICE_NOT_POSTED',
      subject,
      customerId: customer.id,
      left: side('BILLING', `issued, ${invoice.status}, total ${moneyText(invoice.total)}`, invoice.total),
      right: side('ERP', `posting ${posting?.status ?? 'unknown'}, no open posting exception`, { amount: '0', currency: invoice.total.currency }),
      subjectIds: [invoice.id],
      message: `invoice ${invoice.id} is issued but not posted (${posting?.status ?? 'no posting'}) and no exception says why`,
    });
  }
  const { balance, receivable } = customer;
  if (balance && receivable) {
    const expected = new Decimal(receivable.balance.amount).plus(unposted);
    if (balance.currency !== receivable.balance.currency || !expected.equals(balance.amount)) {
      candidates.push({
        kind: 'BALANCE_MISMATCH',
        subject: `Customer:${customer.id}`,
        customerId: customer.id,
        left: side('BILLING', `open balance ${moneyText(balance)}${unposted.isZero() ? '' : ` (${toAmount(unposted)} of it on invoices ERP has not posted)`}`, balance),
        right: side('ERP', `receivable ${moneyText(receivable.balance)}`, receivable.balance),
        subjectIds: [customer.id],
        message: `customer ${customer.id}: billing's open balance ${moneyText(balance)}, ERP's receivable ${moneyText(receivable.balance)}`,
      });
    }
  }
  if (explanations.deadLetterCustomers.has(customer.id)) return { differences: [], explained: explained + candidates.length };
  return { differences: candidates, explained };
}

/** One trial balance line, as ERP's trialBalance query answers it. */
export interface TrialBalanceLine {
  account: string;
  debit: MoneyValue;
  credit: MoneyValue;
}

export const RECEIVABLE_ACCOUNT = '1200 Accounts Receivable';

/**
 * The journal against itself and the receivables: each period's debits equal its credits per
 * currency, and the receivable account's balance over every period equals the customers'
 * receivables summed per currency.
 */
export function compareLedger(trialBalances: ReadonlyMap<string, readonly TrialBalanceLine[]>, receivables: ReadonlyMap<string, Decimal>): Difference[] {
  const found: Difference[] = [];
  const ledger = new Map<string, Decimal>();
  for (const [period, lines] of trialBalances) {
    const totals = new Map<string, { debit: Decimal; credit: Decimal }>();
    for (const line of lines) {
      const currency = line.debit.currency;
      const total = totals.get(currency) ?? { debit: new Decimal(0), credit: new Decimal(0) };
      total.debit = total.debit.plus(line.debit.amount);
      total.credit = total.credit.plus(line.credit.amount);
      totals.set(currency, total);
      if (line.account === RECEIVABLE_ACCOUNT) ledger.set(currency, (ledger.get(currency) ?? new Decimal(0)).plus(line.debit.amount).minus(line.credit.amount));
    }
    for (const [currency, total] of totals) {
      if (total.debit.equals(total.credit)) continue;
      found.push({
        kind: 'TRIAL_BALANCE_UNBALANCED',
        subject: `AccountingPeriod:${period}:${currency}`,
        customerId: null,
        left: side('ERP', `debits ${moneyText({ amount: total.debit, currency })}`, { amount: total.debit, currency }),
        right: side('ERP', `credits ${moneyText({ amount: total.credit, currency })}`, { amount: total.credit, currency }),
        subjectIds: [period],
        message: `period ${period} does not balance in ${currency}: debits ${toAmount(total.debit)}, credits ${toAmount(total.credit)}`,
      });
    }
  }
  for (const currency of new Set([...ledger.keys(), ...receivables.keys()])) {
    const booked = ledger.get(currency) ?? new Decimal(0);
    const owed = receivables.get(currency) ?? new Decimal(0);
    if (booked.equals(owed)) continue;
    found.push({
      kind: 'RECEIVABLE_LEDGER_MISMATCH',
      subject: `Account:${RECEIVABLE_ACCOUNT}:${currency}`,
      customerId: null,
      left: side('ERP', `journal balance of ${RECEIVABLE_ACCOUNT} ${moneyText({ amount: booked, currency })}`, { amount: booked, currency }),
      right: side('ERP', `customers' receivables ${moneyText({ amount: owed, currency })}`, { amount: owed, currency }),
      subjectIds: [RECEIVABLE_ACCOUNT],
      message: `${RECEIVABLE_ACCOUNT} holds ${moneyText({ amount: booked, currency })}, the customers' receivables sum to ${moneyText({ amount: owed, currency })}`,
    });
  }
  return found;
}
