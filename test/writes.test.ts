/**
 * Writes through the gateway: each reaches its system of record, bad input gets a clear error
 * code naming the field and changes nothing, and idempotency keys hold under concurrent retries.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Decimal } from '../platform/money.ts';
import { graphql } from './generated/index.ts';
import { query, request, type GraphQLResponse } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

const CreateCustomer = graphql(/* GraphQL */ `
  mutation CreateCustomer($input: CreateCustomerInput!, $key: String) {
    createCustomer(input: $input, idempotencyKey: $key) { id name domain segment region currency accountOwner }
  }
`);

const UpdateCustomer = graphql(/* GraphQL */ `
  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) { id name parent { id } }
  }
`);

const CreateOpportunity = graphql(/* GraphQL */ `
  mutation CreateOpportunity($input: CreateOpportunityInput!, $key: String) {
    createOpportunity(input: $input, idempotencyKey: $key) { id stage amount { amount currency } }
  }
`);

const CloseWon = graphql(/* GraphQL */ `
  mutation CloseWon($id: ID!, $startDate: Date!, $key: String) {
    closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id number status startDate endDate seats value { amount } customer { id name } }
  }
`);

const Amend = graphql(/* GraphQL */ `
  mutation Amend($id: ID!, $input: AmendContractInput!) {
    amendContract(id: $id, input: $input) { id seats value { amount } amendments { seatsDelta valueDelta { amount } } }
  }
`);

const Terminate = graphql(/* GraphQL */ `
  mutation Terminate($id: ID!, $reason: String!) {
    terminateContract(id: $id, reason: $reason) { id status terminationReason }
  }
`);

const CustomerCount = graphql(/* GraphQL */ `
  query CustomerCount($name: String) { customers(first: 0, filter: { nameContains: $name }) { totalCount } }
`);

const Opportunities = graphql(/* GraphQL */ `
  query Opportunities($id: ID!) { customer(id: $id) { opportunities { id } } }
`);

const Billable = graphql(/* GraphQL */ `
  query Billable {
    customers(first: 20) {
      nodes {
        id
        subscriptions { id status seats unitPrice { amount } }
        invoices(first: 50) { id status amountPaid { amount } amountDue { amount } }
      }
    }
  }
`);

const IssueInvoice = graphql(/* GraphQL */ `
  mutation IssueInvoice($subscription: ID!, $key: String) {
    issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id number status total { amount currency } amountDue { amount } lines { quantity amount { amount } } }
  }
`);

const RecordPayment = graphql(/* GraphQL */ `
  mutation RecordPayment($input: RecordPaymentInput!, $key: String) {
    recordPayment(input: $input, idempotencyKey: $key) { id amount { amount } status invoice { id status amountPaid { amount } amountDue { amount } } }
  }
`);

const InvoiceState = graphql(/* GraphQL */ `
  query InvoiceState($id: ID!) { invoice(id: $id) { id status total { amount } amountPaid { amount } amountDue { amount } payments { id amount { amount } } } }
`);

const VoidInvoice = graphql(/* GraphQL */ `
  mutation VoidInvoice($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { id status } }
`);

const CancelSubscription = graphql(/* GraphQL */ `
  mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { id status } }
`);

const ClosePeriod = graphql(/* GraphQL */ `
  mutation ClosePeriod($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status closedAt } }
`);

const ReopenPeriod = graphql(/* GraphQL */ `
  mutation ReopenPeriod($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { id status } }
`);

const RecordHealthSignal = graphql(/* GraphQL */ `
  mutation RecordHealthSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id health { factors { name score } } } }
`);

const SetRenewalRisk = graphql(/* GraphQL */ `
  mutation SetRenewalRisk($id: ID!, $risk: RenewalRisk!, $reason: String!) { setRenewalRisk(id: $id, risk: $risk, reason: $reason) { id risk riskReasons } }
`);

const CompleteMilestone = graphql(/* GraphQL */ `
  mutation CompleteMilestone($customer: ID!, $name: String!) { completeMilestone(customerId: $customer, name: $name) { status milestones { name status } } }
`);

const Renewals = graphql(/* GraphQL */ `
  query Renewals { renewalsDue(withinDays: 3650) { id customer { id } } }
`);

let hub: TestHub;

before(async () => {
  hub = await startHub({ seedCustomers: 20 });
});

after(() => hub?.close());

function codeOf(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

function assertRefused(response: GraphQLResponse<unknown>, code: string, field?: string): void {
  assert.notEqual(response.status, 500, 'never a 500');
  assert.equal(codeOf(response), code, JSON.stringify(response.errors));
  if (field) assert.equal(response.errors?.[0]?.extensions?.field, field);
}

const acme = { name: 'Acme Robotics', domain: 'acme-robotics.com', segment: 'MID_MARKET', region: 'EMEA', currency: 'EUR', accountOwner: 'ae@hub.example' } as const;

describe('crm writes', () => {
  test('createCustomer stores the account and a retry with the same key returns it without a second one', async () => {
    const first = await query(hub.gatewayUrl, CreateCustomer, { input: acme, key: 'create-acme' });
    const retry = await query(hub.gatewayUrl, CreateCustomer, { input: acme, key: 'create-acme' });
    assert.equal(retry.createCustomer.id, first.createCustomer.id);
    assert.equal(first.createCustomer.currency, 'EUR');
    const { customers } = await query(hub.gatewayUrl, CustomerCount, { name: 'Acme Robotics' });
    assert.equal(customers.totalCount, 1);
  });

  test('identical mutations sent at once each run: the gateway shares only queries', async () => {
    const input = { ...acme, name: 'Twice At Once' };
    const created = await Promise.all([1, 2, 3].map(() => query(hub.gatewayUrl, CreateCustomer, { input })));
    assert.equal(new Set(created.map((result) => result.createCustomer.id)).size, 3);
    assert.equal((await query(hub.gatewayUrl, CustomerCount, { name: 'Twice At Once' })).customers.totalCount, 3);
  });

  test('the same key with other arguments is refused with IDEMPOTENCY_KEY_REUSED', async () => {
    await query(hub.gatewayUrl, CreateCustomer, { input: { ...acme, name: 'Key Owner' }, key: 'reused-key' });
    const reused = await request(hub.gatewayUrl, CreateCustomer, { input: { ...acme, name: 'Someone Else' }, key: 'reused-key' });
    assertRefused(reused, 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
    assert.equal((await query(hub.gatewayUrl, CustomerCount, { name: 'Someone Else' })).customers.totalCount, 0);
  });

  test('ten concurrent retries with one key create exactly one customer', async () => {
    const input = { ...acme, name: 'Concurrent Retry Co' };
    const results = await Promise.all(Array.from({ length: 10 }, () => query(hub.gatewayUrl, CreateCustomer, { input, key: 'concurrent-key' })));
    assert.equal(new Set(results.map((result) => result.createCustomer.id)).size, 1);
    assert.equal((await query(hub.gatewayUrl, CustomerCount, { name: 'Concurrent Retry Co' })).customers.totalCount, 1);
  });

  test('bad input is refused naming the field, and nothing is written', async () => {
    assertRefused(await request(hub.gatewayUrl, CreateCustomer, { input: { ...acme, name: '  ' } }), 'BAD_USER_INPUT', 'input.name');
    assertRefused(await request(hub.gatewayUrl, CreateCustomer, { input: { ...acme, currency: 'XYZ' } }), 'BAD_USER_INPUT', 'input.currency');
    assertRefused(await request(hub.gatewayUrl, CreateCustomer, { input: { ...acme, accountOwner: 'not-an-email' } }), 'BAD_USER_INPUT', 'input.accountOwner');
    assertRefused(await request(hub.gatewayUrl, CreateCustomer, { input: { ...acme, parentId: 'cus_missing' } }), 'BAD_USER_INPUT', 'input.parentId');
    assertRefused(await request(hub.gatewayUrl, UpdateCustomer, { id: 'cus_missing', input: { name: 'x' } }), 'NOT_FOUND');

    const { createCustomer: customer } = await query(hub.gatewayUrl, CreateCustomer, { input: { ...acme, name: 'Validation Target' } });
    assertRefused(await request(hub.gatewayUrl, UpdateCustomer, { id: customer.id, input: { parentId: customer.id } }), 'BAD_USER_INPUT', 'input.parentId');
    const opportunity = { customerId: customer.id, name: 'Expansion', amount: '12000.00', planCode: 'GROWTH', seats: 10, termMonths: 12 };
    assertRefused(await request(hub.gatewayUrl, CreateOpportunity, { input: { ...opportunity, planCode: 'GOLD' } }), 'BAD_USER_INPUT', 'input.planCode');
    assertRefused(await request(hub.gatewayUrl, CreateOpportunity, { input: { ...opportunity, amount: '12.345' } }), 'BAD_USER_INPUT', 'input.amount');
    assertRefused(await request(hub.gatewayUrl, CreateOpportunity, { input: { ...opportunity, seats: 0 } }), 'BAD_USER_INPUT', 'input.seats');
    assertRefused(
      await request(hub.gatewayUrl, CreateOpportunity, { input: { ...opportunity, termMonths: 18, billingInterval: 'ANNUAL' } }),
      'BAD_USER_INPUT',
      'input.billingInterval',
    );
    const { customer: unchanged } = await query(hub.gatewayUrl, Opportunities, { id: customer.id });
    assert.deepEqual(unchanged?.opportunities, []);
  });

  test('a float where money belongs is refused, never rounded', async () => {
    const response = await request(
      hub.gatewayUrl,
      `mutation { createOpportunity(input: { customerId: "cus_000001", name: "Float", amount: 12.5, planCode: "GROWTH", seats: 1, termMonths: 12 }) { id } }`,
    );
    assert.notEqual(response.status, 500);
    assert.ok(response.errors?.length);
    assert.match(JSON.stringify(response.errors), /Decimal/);
  });

  test('an opportunity closes won into an ACTIVE contract once; amendments and termination follow the contract rules', async () => {
    const { createCustomer: customer } = await query(hub.gatewayUrl, CreateCustomer, { input: { ...acme, name: 'Lifecycle Ltd' } });
    const { createOpportunity: opportunity } = await query(hub.gatewayUrl, CreateOpportunity, {
      input: { customerId: customer.id, name: 'Initial deal', amount: '12000.00', planCode: 'GROWTH', seats: 10, termMonths: 12 },
    });
    assert.equal(opportunity.amount.currency, 'EUR');
    const { closeOpportunityWon: contract } = await query(hub.gatewayUrl, CloseWon, { id: opportunity.id, startDate: '2026-01-01', key: 'close-lifecycle' });
    assert.equal(contract.status, 'ACTIVE');
    assert.equal(contract.endDate, '2026-12-31');
    assert.equal(contract.customer.name, 'Lifecycle Ltd');
    assert.match(contract.number, /^CT-\d{6}$/);
    const retried = await query(hub.gatewayUrl, CloseWon, { id: opportunity.id, startDate: '2026-01-01', key: 'close-lifecycle' });
    assert.equal(retried.closeOpportunityWon.id, contract.id);
    assertRefused(await request(hub.gatewayUrl, CloseWon, { id: opportunity.id, startDate: '2026-01-01' }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, CloseWon, { id: 'opp_missing', startDate: '2026-01-01' }), 'NOT_FOUND');

    // Half the term left: 5 more seats at 100.00 a seat-month for 184 of 365 days.
    const { amendContract: amended } = await query(hub.gatewayUrl, Amend, { id: contract.id, input: { seatsDelta: 5, effectiveDate: '2026-07-01', reason: 'team grew' } });
    assert.equal(amended.seats, 15);
    assert.equal(amended.amendments[0].valueDelta.amount, new Decimal(100).mul(5).mul(12).mul(184).div(365).toFixed(2));
    assert.equal(amended.value.amount, new Decimal('12000').plus(amended.amendments[0].valueDelta.amount).toFixed(2));
    assertRefused(await request(hub.gatewayUrl, Amend, { id: contract.id, input: { seatsDelta: 0, effectiveDate: '2026-07-01', reason: 'x' } }), 'BAD_USER_INPUT', 'input.seatsDelta');
    assertRefused(await request(hub.gatewayUrl, Amend, { id: contract.id, input: { seatsDelta: 1, effectiveDate: '2027-07-01', reason: 'x' } }), 'BAD_USER_INPUT', 'input.effectiveDate');
    assertRefused(await request(hub.gatewayUrl, Amend, { id: contract.id, input: { seatsDelta: -15, effectiveDate: '2026-07-01', reason: 'x' } }), 'BAD_USER_INPUT', 'input.seatsDelta');

    const { terminateContract: terminated } = await query(hub.gatewayUrl, Terminate, { id: contract.id, reason: 'acquired' });
    assert.equal(terminated.status, 'TERMINATED');
    assertRefused(await request(hub.gatewayUrl, Terminate, { id: contract.id, reason: 'again' }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, Amend, { id: contract.id, input: { seatsDelta: 1, effectiveDate: '2026-07-01', reason: 'x' } }), 'CONFLICT');
  });
});

describe('billing writes', () => {
  async function activeSubscription(): Promise<string> {
    const { customers } = await query(hub.gatewayUrl, Billable, {});
    const subscription = customers.nodes.flatMap((customer) => customer.subscriptions).find((s) => s!.status === 'ACTIVE');
    assert.ok(subscription, 'the seed has an active subscription');
    return subscription.id;
  }

  test('twenty concurrent payments on one invoice never pay more than its amount due', async () => {
    const { issueInvoice: invoice } = await query(hub.gatewayUrl, IssueInvoice, { subscription: await activeSubscription(), key: 'issue-for-race' });
    assert.equal(invoice.status, 'OPEN');
    const due = new Decimal(invoice.amountDue.amount);
    // Seven parts fit, an eighth does not: the invoice stays OPEN and every refusal is an overpayment.
    const part = due.mul(2).div(15).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(hub.gatewayUrl, RecordPayment, { input: { invoiceId: invoice.id, amount: part.toFixed(2), method: 'card', reference: `race-${i}` } }),
      ),
    );
    const accepted = responses.filter((response) => !response.errors);
    for (const response of responses.filter((r) => r.errors)) assertRefused(response, 'OVERPAYMENT');
    assert.equal(accepted.length, 7);
    const { invoice: state } = await query(hub.gatewayUrl, InvoiceState, { id: invoice.id });
    assert.equal(state?.status, 'OPEN');
    assert.equal(state?.amountPaid.amount, part.mul(7).toFixed(2));
    assert.ok(new Decimal(state!.amountPaid.amount).lessThanOrEqualTo(due));
    assert.equal(state?.payments.length, 7);
  });

  test('a payment retried with its key is recorded once; paying the rest marks the invoice PAID', async () => {
    const { issueInvoice: invoice } = await query(hub.gatewayUrl, IssueInvoice, { subscription: await activeSubscription() });
    const input = { invoiceId: invoice.id, amount: invoice.amountDue.amount, method: 'wire', reference: 'WIRE-1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => query(hub.gatewayUrl, RecordPayment, { input, key: 'pay-once' })));
    assert.equal(new Set(results.map((result) => result.recordPayment.id)).size, 1);
    const { invoice: state } = await query(hub.gatewayUrl, InvoiceState, { id: invoice.id });
    assert.equal(state?.status, 'PAID');
    assert.equal(state?.payments.length, 1);
    assert.equal(state?.amountDue.amount, '0.00');
    assertRefused(await request(hub.gatewayUrl, RecordPayment, { input: { ...input, amount: '1.00' } }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, VoidInvoice, { id: invoice.id, reason: 'too late' }), 'CONFLICT');
  });

  test('payment input is checked: amount, method, overpayment, unknown invoice', async () => {
    const { issueInvoice: invoice } = await query(hub.gatewayUrl, IssueInvoice, { subscription: await activeSubscription() });
    const input = { invoiceId: invoice.id, amount: '10.00', method: 'card' };
    assertRefused(await request(hub.gatewayUrl, RecordPayment, { input: { ...input, amount: '-5.00' } }), 'BAD_USER_INPUT', 'input.amount');
    assertRefused(await request(hub.gatewayUrl, RecordPayment, { input: { ...input, amount: '1.001' } }), 'BAD_USER_INPUT', 'input.amount');
    assertRefused(await request(hub.gatewayUrl, RecordPayment, { input: { ...input, method: 'barter' } }), 'BAD_USER_INPUT', 'input.method');
    const over = await request(hub.gatewayUrl, RecordPayment, { input: { ...input, amount: new Decimal(invoice.amountDue.amount).plus('0.01').toFixed(2) } });
    assertRefused(over, 'OVERPAYMENT');
    assertRefused(await request(hub.gatewayUrl, RecordPayment, { input: { ...input, invoiceId: 'inv_missing' } }), 'NOT_FOUND');
    const { invoice: state } = await query(hub.gatewayUrl, InvoiceState, { id: invoice.id });
    assert.equal(state?.payments.length, 0, 'no refused payment was written');
    const { voidInvoice } = await query(hub.gatewayUrl, VoidInvoice, { id: invoice.id, reason: 'issued in error' });
    assert.equal(voidInvoice.status, 'VOID');
  });

  test('a subscription cancels once', async () => {
    const id = await activeSubscription();
    const { cancelSubscription } = await query(hub.gatewayUrl, CancelSubscription, { id, atPeriodEnd: false });
    assert.equal(cancelSubscription.status, 'CANCELED');
    assertRefused(await request(hub.gatewayUrl, CancelSubscription, { id, atPeriodEnd: false }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, IssueInvoice, { subscription: id }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, CancelSubscription, { id: 'sub_missing' }), 'NOT_FOUND');
  });
});

describe('erp and customer-success writes', () => {
  test('periods close and reopen, idempotently', async () => {
    const { closePeriod } = await query(hub.gatewayUrl, ClosePeriod, { id: '2031-05', key: 'close-2031-05' });
    assert.equal(closePeriod.status, 'CLOSED');
    assert.equal((await query(hub.gatewayUrl, ClosePeriod, { id: '2031-05', key: 'close-2031-05' })).closePeriod.closedAt, closePeriod.closedAt);
    assertRefused(await request(hub.gatewayUrl, ClosePeriod, { id: '2031-05' }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, ClosePeriod, { id: 'May 2031' }), 'BAD_USER_INPUT', 'id');
    assert.equal((await query(hub.gatewayUrl, ReopenPeriod, { id: '2031-05', reason: 'late accrual' })).reopenPeriod.status, 'OPEN');
    assertRefused(await request(hub.gatewayUrl, ReopenPeriod, { id: '2031-05', reason: 'again' }), 'CONFLICT');
    assertRefused(await request(hub.gatewayUrl, ReopenPeriod, { id: '2040-01', reason: 'x' }), 'NOT_FOUND');
  });

  test('health signals, renewal risk and milestones are checked and stored', async () => {
    const { renewalsDue } = await query(hub.gatewayUrl, Renewals, {});
    const renewal = renewalsDue[0];
    assert.ok(renewal, 'the seed has renewals');
    const { recordHealthSignal } = await query(hub.gatewayUrl, RecordHealthSignal, { input: { customerId: renewal.customer.id, factor: 'usage', score: 12 } });
    assert.equal(recordHealthSignal.health!.factors.find((factor) => factor.name === 'usage')?.score, 12);
    assertRefused(await request(hub.gatewayUrl, RecordHealthSignal, { input: { customerId: renewal.customer.id, factor: 'mood', score: 1 } }), 'BAD_USER_INPUT', 'input.factor');
    assertRefused(await request(hub.gatewayUrl, RecordHealthSignal, { input: { customerId: renewal.customer.id, factor: 'usage', score: 101 } }), 'BAD_USER_INPUT', 'input.score');
    const { setRenewalRisk } = await query(hub.gatewayUrl, SetRenewalRisk, { id: renewal.id, risk: 'HIGH', reason: 'champion left' });
    assert.equal(setRenewalRisk.risk, 'HIGH');
    assert.ok(setRenewalRisk.riskReasons.includes('champion left'));
    assertRefused(await request(hub.gatewayUrl, SetRenewalRisk, { id: 'ren_missing', risk: 'LOW', reason: 'x' }), 'NOT_FOUND');
    assertRefused(await request(hub.gatewayUrl, CompleteMilestone, { customer: renewal.customer.id, name: 'No such milestone' }), 'NOT_FOUND');
  });
});
