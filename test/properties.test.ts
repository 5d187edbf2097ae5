/**
 * Property-based: random sequences of writes through the gateway (payments whole and partial,
 * amendments up and down, voids, new invoices and sales, the current period closed, locked and
 * reopened, posting retries, and any of them sent twice with its idempotency key), and after
 * each sequence, once the events have settled:
 * - every period's trial balance balances, per currency;
 * - billing's open balance equals ERP's receivable for every customer, except by what an open
 *   exception explains (a rejected posting, a difference reconciliation reported);
 * - every amount is an exact decimal string, never a float;
 * - every won contract's quote-to-cash run is COMPLETED, or in EXCEPTION with an owned open exception.
 * A failing sequence is shrunk by fast-check and printed. `npm test` runs a few sequences within
 * 60 s; PROPERTY_RUNS=200 (say) runs that many, without the time bound, for a nightly job.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { today } from '../platform/dates.ts';
import { Decimal } from '../platform/money.ts';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { winDeal } from './deals.ts';

const NIGHTLY_RUNS = process.env.PROPERTY_RUNS ? Number(process.env.PROPERTY_RUNS) : null;
const PERIOD = today().slice(0, 7);

const Pay = graphql(/* GraphQL */ `
  mutation PropPay($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id amount { amount currency } } }
`);
const Amend = graphql(/* GraphQL */ `
  mutation PropAmend($id: ID!, $input: AmendContractInput!, $key: String) { amendContract(id: $id, input: $input, idempotencyKey: $key) { id seats } }
`);
const Void = graphql(/* GraphQL */ `
  mutation PropVoid($id: ID!, $key: String) { voidInvoice(id: $id, reason: "property test", idempotencyKey: $key) { id status } }
`);
const Issue = graphql(/* GraphQL */ `
  mutation PropIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id total { amount currency } } }
`);
const Close = graphql(/* GraphQL */ `
  mutation PropClose($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status } }
`);
const Lock = graphql(/* GraphQL */ `
  mutation PropLock($id: String!, $key: String) { lockPeriod(id: $id, idempotencyKey: $key) { id status } }
`);
const Reopen = graphql(/* GraphQL */ `
  mutation PropReopen($id: String!, $key: String) { reopenPeriod(id: $id, reason: "property test", idempotencyKey: $key) { id status } }
`);
const Retry = graphql(/* GraphQL */ `
  mutation PropRetry($invoice: ID!, $key: String) { retryPosting(invoiceId: $invoice, idempotencyKey: $key) { id posting { status } } }
`);
const Reconcile = graphql(/* GraphQL */ `
  mutation PropReconcile { runReconciliation { id } }
`);
const Runs = graphql(/* GraphQL */ `
  query PropRuns { reconciliation { lastRuns { id status error } } }
`);
const Lag = graphql(/* GraphQL */ `
  query PropLag { operationsHealth { syncLag { consumer pending } } }
`);
const Ledger = graphql(/* GraphQL */ `
  query PropLedger { accountingPeriods { id } }
`);
const TrialBalance = graphql(/* GraphQL */ `
  query PropTrialBalance($period: String!) { trialBalance(period: $period) { account debit { amount currency } credit { amount currency } } }
`);
const Customer = graphql(/* GraphQL */ `
  query PropCustomer($id: ID!) {
    customer(id: $id) {
      id
      balance { amount currency }
      receivable { balance { amount currency } }
      unappliedCash { amount currency }
      creditNotes { total { amount currency } }
      subscriptions { id status }
      contracts { id seats quoteToCash { state exceptions { status owner kind } } }
      invoices(first: 100) { id status total { amount currency } amountDue { amount currency } amountPaid { amount currency } posting { status amount { amount currency } } }
      openExceptions { kind owner subject }
    }
  }
`);

type Action =
  | { kind: 'pay'; customer: number; percent: number; twice: boolean }
  | { kind: 'amend'; customer: number; seats: number; twice: boolean }
  | { kind: 'void' | 'issue' | 'retry'; customer: number; twice: boolean }
  | { kind: 'period'; to: 'close' | 'lock' | 'reopen'; twice: boolean }
  | { kind: 'sale' };

const customerIndex = fc.nat({ max: 20 });
const twice = fc.boolean();
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), customer: customerIndex, percent: fc.integer({ min: 1, max: 100 }), twice }),
  fc.record({ kind: fc.constant('amend' as const), customer: customerIndex, seats: fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0), twice }),
  fc.record({ kind: fc.constantFrom('void' as const, 'issue' as const, 'retry' as const), customer: customerIndex, twice }),
  fc.record({ kind: fc.constant('period' as const), to: fc.constantFrom('close' as const, 'lock' as const, 'reopen' as const), twice }),
  fc.record({ kind: fc.constant('sale' as const) }),
);

/** What a refused write may answer: the rules of the systems, never a failure of the hub. */
const REFUSALS = new Set(['CONFLICT', 'OVERPAYMENT', 'BAD_USER_INPUT', 'NOT_FOUND']);

let hub: TestHub;
const customers: string[] = [];

before(async () => {
  hub = await startHub();
  for (let n = 0; n < 3; n++) customers.push(await sale());
});

after(() => hub?.close());

async function sale(): Promise<string> {
  const [region, currency] = customers.length % 2 ? ['EMEA', 'EUR'] : ['NA', 'USD'];
  const deal = { segment: 'SMB', region, currency, amount: '12000.00', planCode: 'STARTER', seats: 10 } as const;
  const { customerId } = await winDeal(hub.gatewayUrl, { name: `Property ${randomUUID()}`, ...deal });
  return customerId;
}

/** Sends a write (twice with one key when asked: the second must answer the same); a refusal is fine, anything else fails. */
async function write<Data, Variables extends { key?: string | null }>(document: Parameters<typeof request<Data, Variables>>[1], variables: Variables, repeat: boolean) {
  const key = randomUUID();
  const first = await request<Data, Variables>(hub.gatewayUrl, document, { ...variables, key });
  const code = first.errors?.[0]?.extensions?.code;
  if (first.errors?.length) assert.ok(code && REFUSALS.has(code), `refused with ${code}: ${JSON.stringify(first.errors)}`);
  if (repeat) {
    const again = await request<Data, Variables>(hub.gatewayUrl, document, { ...variables, key });
    assert.deepEqual(again.data ?? null, first.data ?? null, 'a retry with the same idempotency key answers the same');
  }
}

async function customerView(id: string) {
  const { customer } = await query(hub.gatewayUrl, Customer, { id });
  assert.ok(customer);
  return customer;
}

async function perform(step: Action): Promise<void> {
  if (step.kind === 'sale') {
    customers.push(await sale());
    return;
  }
  if (step.kind === 'period') return write(step.to === 'close' ? Close : step.to === 'lock' ? Lock : Reopen, { id: PERIOD }, step.twice);
  const view = await customerView(customers[step.customer % customers.length]);
  const open = (view.invoices ?? []).filter((invoice) => invoice.status === 'OPEN');
  switch (step.kind) {
    case 'pay': {
      const invoice = open[0];
      if (!invoice) return;
      const due = new Decimal(invoice.amountDue.amount);
      const amount = Decimal.max(new Decimal('0.01'), due.mul(step.percent).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN));
      return write(Pay, { input: { invoiceId: invoice.id, amount: amount.toFixed(2), method: 'wire' } }, step.twice);
    }
    case 'amend': {
      const contract = view.contracts[0];
      return write(Amend, { id: contract.id, input: { seatsDelta: step.seats, effectiveDate: today(), reason: 'property test' } }, step.twice);
    }
    case 'void': {
      const unpaid = open.find((invoice) => invoice.amountPaid.amount === '0.00');
      if (!unpaid) return;
      return write(Void, { id: unpaid.id }, step.twice);
    }
    case 'issue': {
      const subscription = view.subscriptions?.find((candidate) => candidate.status !== 'CANCELED');
      if (!subscription) return;
      return write(Issue, { subscription: subscription.id }, step.twice);
    }
    case 'retry': {
      const rejected = (view.invoices ?? []).find((invoice) => invoice.posting?.status === 'REJECTED' && invoice.status !== 'VOID');
      if (!rejected) return;
      return write(Retry, { invoice: rejected.id }, step.twice);
    }
  }
}

/** Until every consumer has processed every event (seen twice in a row, the relay having run). */
async function settled(): Promise<void> {
  let quiet = 0;
  const deadline = Date.now() + 60_000;
  while (quiet < 2) {
    assert.ok(Date.now() < deadline, 'the events settle');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const { operationsHealth } = await query(hub.gatewayUrl, Lag, {});
    quiet = operationsHealth.syncLag.every((lag) => lag.pending === 0) ? quiet + 1 : 0;
  }
}

async function reconciled(): Promise<void> {
  const { runReconciliation } = await query(hub.gatewayUrl, Reconcile, {});
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { reconciliation } = await query(hub.gatewayUrl, Runs, {});
    const run = reconciliation.lastRuns.find((candidate) => candidate.id === runReconciliation.id);
    if (run?.status === 'COMPLETED') return;
    assert.notEqual(run?.status, 'FAILED', run?.error ?? '');
    assert.ok(Date.now() < deadline, 'reconciliation ends');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every amount anywhere in an answer is an exact decimal string with two places. */
function exactMoney(value: unknown, path = 'data'): void {
  if (Array.isArray(value)) return value.forEach((item, index) => exactMoney(item, `${path}.${index}`));
  if (value === null || typeof value !== 'object') return;
  if ('currency' in value && 'amount' in value) {
    const { amount } = value;
    assert.ok(typeof amount === 'string' && /^-?\d+\.\d{2}$/.test(amount), `${path}.amount is an exact decimal string, got ${JSON.stringify(amount)}`);
    return;
  }
  for (const [key, field] of Object.entries(value)) exactMoney(field, `${path}.${key}`);
}

async function checkInvariants(): Promise<void> {
  await settled();
  await reconciled();
  const { accountingPeriods } = await query(hub.gatewayUrl, Ledger, {});
  for (const { id } of accountingPeriods) {
    const { trialBalance } = await query(hub.gatewayUrl, TrialBalance, { period: id });
    exactMoney(trialBalance);
    const sums = new Map<string, Decimal>();
    for (const line of trialBalance) sums.set(line.debit.currency, (sums.get(line.debit.currency) ?? new Decimal(0)).plus(line.debit.amount).minus(line.credit.amount));
    for (const [currency, net] of sums) assert.ok(net.isZero(), `period ${id} balances in ${currency} (off by ${net.toFixed(2)})`);
  }
  for (const id of customers) {
    const view = await customerView(id);
    exactMoney(view);
    const open = new Set(view.openExceptions?.map((exception) => `${exception.kind} ${exception.subject}`));
    const unexplained = (view.invoices ?? [])
      .filter((invoice) => invoice.status === 'OPEN' && invoice.posting?.status !== 'POSTED' && open.has(`POSTING_REJECTED Invoice:${invoice.id}`))
      .reduce((sum, invoice) => sum.plus(invoice.amountDue.amount), new Decimal(0));
    const agrees = new Decimal(view.balance!.amount).equals(new Decimal(view.receivable!.balance.amount).plus(unexplained));
    assert.ok(
      agrees || open.has(`BALANCE_MISMATCH Customer:${id}`),
      `customer ${id}: billing's balance ${view.balance!.amount} and ERP's receivable ${view.receivable!.balance.amount} differ and no open exception reports it`,
    );
    for (const contract of view.contracts) {
      const run = contract.quoteToCash;
      assert.ok(run, `contract ${contract.id} has its quote-to-cash run`);
      const owned = run.exceptions.some((exception) => exception.status === 'OPEN' && exception.owner !== '');
      assert.ok(run.state === 'COMPLETED' || (run.state === 'EXCEPTION' && owned), `contract ${contract.id}: run ${run.state} without an owned open exception`);
    }
  }
}

test('random writes keep the books balanced, billing and ERP agreeing, money exact and every sale accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions) => {
      for (const step of actions) await perform(step);
      await checkInvariants();
    }),
    NIGHTLY_RUNS === null ? { numRuns: 20, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false, includeErrorInReport: true }
      : { numRuns: NIGHTLY_RUNS, includeErrorInReport: true },
  );
});
