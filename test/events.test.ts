/**
 * Changes flow between the systems as events, through real mutations on the gateway:
 * quote-to-cash, amendments, payments, voids, a posting rejected into a closed period and
 * cleared by reopen + retry, and a poison event dead-lettered and replayed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { today } from '../platform/dates.ts';
import { Decimal } from '../platform/money.ts';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { waitFor } from './wait.ts';
import { winDeal } from './deals.ts';
import { closePeriod, reopenPeriod } from './periods.ts';
import { receivedPaymentEvent } from './payments.ts';
import { amendContract, issueInvoice, recordPayment, retryPosting, voidInvoice } from './mutations.ts';

const Workflow = graphql(/* GraphQL */ `
  query EventsWorkflow($correlationId: ID!) {
    workflow(correlationId: $correlationId) {
      kind state correlationId
      steps { name system completedAt eventId }
      exceptions { kind owner status message }
    }
  }
`);

const Funnel = graphql(/* GraphQL */ `
  query EventsFunnel { workflowFunnel { kind runs inProgress completed exception steps { name system completed } } }
`);

const Runs = graphql(/* GraphQL */ `
  query EventsRuns($kind: String, $state: WorkflowState) { workflows(kind: $kind, state: $state, first: 200) { correlationId kind state } }
`);

const CustomerView = graphql(/* GraphQL */ `
  query EventsCustomerView($id: ID!) {
    customer(id: $id) {
      id
      contracts { id quoteToCash { state } renewal { renewalDate stage } }
      subscriptions { id status seats }
      invoices(first: 20) {
        id number status total { amount currency } amountDue { amount }
        posting { status period rejectionReason journalEntry { correlationId source lines { account debit { amount } credit { amount } } } }
      }
      onboarding { status milestones { name } }
      renewals { id risk }
      events(first: 50) { type source correlationId }
      openExceptions { kind subject }
    }
  }
`);

const Exceptions = graphql(/* GraphQL */ `
  query EventsExceptions { exceptions(status: OPEN, owner: "finance-ops") { id kind subject owner status correlationId } }
`);

const Entries = graphql(/* GraphQL */ `
  query EventsEntries($source: ID!) { journalEntries(first: 10, sourceId: $source) { nodes { source correlationId lines { account debit { amount } credit { amount } } } } }
`);

const DeadLetters = graphql(/* GraphQL */ `
  query EventsDeadLetters { deadLetters { id consumer attempts error status event { id type } } }
`);

const Replay = graphql(/* GraphQL */ `
  mutation EventsReplay($id: ID!) { replayDeadLetter(id: $id) { id status } }
`);

const Health = graphql(/* GraphQL */ `
  query EventsHealth { operationsHealth { invoicesAwaitingPosting openExceptions deadLetters postingLatencySeconds syncLag { consumer pending } } }
`);

let hub: TestHub;

before(async () => {
  hub = await startHub({ seedCustomers: 40, env: { CONSUMER_MAX_ATTEMPTS: '4', CONSUMER_RETRY_BASE_MS: '300' } });
});

after(() => hub?.close());

async function sale(correlationId: string, startDate = today()) {
  const { customerId, contract, extensions } = await winDeal(hub.gatewayUrl, { name: `Flow ${correlationId}`, startDate, headers: { 'x-correlation-id': correlationId } });
  assert.equal(extensions?.correlationId, correlationId, 'the gateway returns the correlation id');
  return { customerId, contract };
}

function completedRun(correlationId: string) {
  return waitFor(`workflow ${correlationId} COMPLETED`, async () => {
    const { workflow } = await query(hub.gatewayUrl, Workflow, { correlationId });
    return workflow?.state === 'COMPLETED' ? workflow : undefined;
  });
}

describe('quote-to-cash', () => {
  test('closing an opportunity won runs through billing, erp and customer success to COMPLETED', async () => {
    const correlationId = `q2c-${randomUUID()}`;
    const { customerId, contract } = await sale(correlationId);
    const run = await completedRun(correlationId);
    assert.equal(run.kind, 'quote-to-cash');
    assert.deepEqual(
      run.steps.map((step) => [step.name, step.system, Boolean(step.completedAt)]),
      [
        ['CONTRACT_ACTIVATED', 'CRM', true],
        ['SUBSCRIPTION_CREATED', 'BILLING', true],
        ['INVOICE_ISSUED', 'BILLING', true],
        ['INVOICE_POSTED', 'ERP', true],
        ['ONBOARDING_STARTED', 'CUSTOMER_SUCCESS', true],
      ],
    );
    const { customer } = await query(hub.gatewayUrl, CustomerView, { id: customerId });
    assert.equal(customer?.contracts[0].quoteToCash?.state, 'COMPLETED');
    assert.equal(customer?.subscriptions?.length, 1);
    assert.equal(customer?.subscriptions[0].status, 'ACTIVE');
    assert.equal(customer?.invoices?.length, 1);
    const [invoice] = customer!.invoices;
    assert.equal(invoice.total.amount, '2400.00', '20 seats at 100.00 a month, plus 20% EMEA tax');
    assert.equal(invoice.posting!.status, 'POSTED');
    assert.equal(invoice.posting!.period, today().slice(0, 7));
    const entry = invoice.posting!.journalEntry!;
    assert.equal(entry.correlationId, correlationId, 'the journal entry carries the correlation id of the sale');
    const debits = entry.lines.reduce((sum, line) => sum.plus(line.debit.amount), new Decimal(0));
    const credits = entry.lines.reduce((sum, line) => sum.plus(line.credit.amount), new Decimal(0));
    assert.equal(debits.toFixed(2), credits.toFixed(2));
    assert.equal(entry.lines.find((line) => line.account.startsWith('1200'))?.debit.amount, '2400.00');
    assert.equal(customer?.onboarding?.status, 'IN_PROGRESS');
    assert.equal(customer?.onboarding?.milestones.length, 5);
    const [renewal] = customer!.contracts[0].renewal ? [customer!.contracts[0].renewal] : [];
    assert.ok(renewal, 'a renewal at the end of the contract');
    assert.ok(renewal.renewalDate > contract.endDate);
    // The event log is its own consumer in ops: the run may complete before the log has every event.
    const expected = ['customer.created', 'contract.activated', 'subscription.created', 'invoice.issued', 'invoice.posted', 'onboarding.started'];
    const events = await waitFor(`the event log has ${expected.join(', ')}`, async () => {
      const logged = (await query(hub.gatewayUrl, CustomerView, { id: customerId })).customer?.events ?? [];
      return expected.every((type) => logged.some((event) => event.type === type)) ? logged : undefined;
    });
    assert.ok(events.filter((event) => event.type !== 'customer.created' && event.type !== 'opportunity.created').every((event) => event.correlationId === correlationId));
  });

  test('the quote-to-cash funnel counts the runs that did each step; workflows lists runs, the latest first', async () => {
    const before = (await query(hub.gatewayUrl, Funnel, {})).workflowFunnel;
    const correlationId = `funnel-${randomUUID()}`;
    await sale(correlationId);
    await completedRun(correlationId);
    const after = (await query(hub.gatewayUrl, Funnel, {})).workflowFunnel;
    assert.equal(after.kind, 'quote-to-cash');
    assert.equal(after.runs, before.runs + 1);
    assert.equal(after.completed, before.completed + 1);
    assert.equal(after.runs, after.inProgress + after.completed + after.exception);
    assert.deepEqual(
      after.steps.map((step) => [step.name, step.system, step.completed - before.steps.find((b) => b.name === step.name)!.completed]),
      [
        ['CONTRACT_ACTIVATED', 'CRM', 1],
        ['SUBSCRIPTION_CREATED', 'BILLING', 1],
        ['INVOICE_ISSUED', 'BILLING', 1],
        ['INVOICE_POSTED', 'ERP', 1],
        ['ONBOARDING_STARTED', 'CUSTOMER_SUCCESS', 1],
      ],
    );
    const { workflows } = await query(hub.gatewayUrl, Runs, { kind: 'quote-to-cash', state: 'COMPLETED' });
    assert.equal(workflows[0].correlationId, correlationId);
    assert.ok(workflows.every((run) => run.kind === 'quote-to-cash' && run.state === 'COMPLETED'));
    for (const document of ['{ workflowFunnel(kind: "nope") { runs } }', '{ workflows(kind: "nope") { id } }']) {
      const refused = await request(hub.gatewayUrl, document);
      assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', document);
    }
  });

  test('a posting into a closed period becomes a finance-ops exception and clears after reopen and retry', async () => {
    const period = today().slice(0, 7);
    await closePeriod(hub.gatewayUrl, period);
    const correlationId = `closed-${randomUUID()}`;
    const { customerId } = await sale(correlationId);
    const rejected = await waitFor('the posting rejected', async () => {
      const { customer } = await query(hub.gatewayUrl, CustomerView, { id: customerId });
      const invoice = customer?.invoices?.[0];
      return invoice?.posting?.status === 'REJECTED' ? invoice : undefined;
    });
    assert.equal(rejected.posting!.rejectionReason, `period ${period} is CLOSED`);
    const exception = await waitFor('the exception', async () => {
      const { exceptions } = await query(hub.gatewayUrl, Exceptions, {});
      return exceptions.find((e) => e.subject === `Invoice:${rejected.id}`);
    });
    assert.equal(exception.kind, 'POSTING_REJECTED');
    assert.equal(exception.owner, 'finance-ops');
    assert.equal(exception.correlationId, correlationId);
    const { workflow } = await query(hub.gatewayUrl, Workflow, { correlationId });
    assert.equal(workflow?.state, 'EXCEPTION');

    await reopenPeriod(hub.gatewayUrl, period, 'late invoice');
    assert.equal(await retryPosting(hub.gatewayUrl, rejected.id), 'POSTED');
    await completedRun(correlationId);
    await waitFor('the exception resolved', async () => {
      const { exceptions } = await query(hub.gatewayUrl, Exceptions, {});
      return exceptions.some((e) => e.id === exception.id) ? undefined : true;
    });
  });

  test('an amendment bills the added seats pro rata and erp posts that invoice', async () => {
    const { customerId, contract } = await sale(`amend-base-${randomUUID()}`);
    await waitFor('the first invoice', async () => {
      const { customer } = await query(hub.gatewayUrl, CustomerView, { id: customerId });
      return customer?.invoices?.length === 1 ? true : undefined;
    });
    const correlationId = `amend-${randomUUID()}`;
    await amendContract(hub.gatewayUrl, contract.id, { seatsDelta: 10, effectiveDate: today(), reason: 'new team' }, { 'x-correlation-id': correlationId });
    const run = await completedRun(correlationId);
    assert.equal(run.kind, 'amendment');
    const { customer } = await query(hub.gatewayUrl, CustomerView, { id: customerId });
    assert.equal(customer?.subscriptions?.[0]?.seats, 30);
    assert.equal(customer?.invoices?.length, 2);
    const prorated = customer!.invoices.find((invoice) => invoice.posting!.journalEntry?.correlationId === correlationId);
    assert.ok(prorated, 'the prorated invoice was posted under the amendment');
    assert.ok(new Decimal(prorated.total.amount).greaterThan(0));
  });

  test('a payment posts a cash receipt and pays the invoice; a void reverses the posting', async () => {
    const { customerId } = await sale(`pay-${randomUUID()}`);
    const invoice = await waitFor('the posted invoice', async () => {
      const { customer } = await query(hub.gatewayUrl, CustomerView, { id: customerId });
      const first = customer?.invoices?.[0];
      return first?.posting?.status === 'POSTED' ? first : undefined;
    });
    const payment = await recordPayment(hub.gatewayUrl, { invoiceId: invoice.id, amount: invoice.amountDue.amount, method: 'wire' });
    assert.equal(payment.invoice.status, 'PAID');
    const receipt = await waitFor('the cash receipt', async () => {
      const { journalEntries } = await query(hub.gatewayUrl, Entries, { source: payment.id });
      return journalEntries.nodes.find((entry) => entry.source === 'PAYMENT');
    });
    assert.equal(receipt.lines.find((line) => line.account.startsWith('1000'))?.debit.amount, invoice.amountDue.amount);
    assert.equal(receipt.lines.find((line) => line.account.startsWith('1200'))?.credit.amount, invoice.amountDue.amount);

    const { customer } = await query(hub.gatewayUrl, CustomerView, { id: customerId });
    const second = await issueInvoice(hub.gatewayUrl, customer!.subscriptions![0].id);
    await waitFor('the second invoice posted', async () => {
      const { journalEntries } = await query(hub.gatewayUrl, Entries, { source: second.id });
      return journalEntries.nodes.length === 1 ? true : undefined;
    });
    await voidInvoice(hub.gatewayUrl, second.id);
    const reversal = await waitFor('the reversal', async () => {
      const { journalEntries } = await query(hub.gatewayUrl, Entries, { source: second.id });
      return journalEntries.nodes.find((entry) => entry.source === 'CREDIT');
    });
    assert.ok(reversal.lines.find((line) => line.account.startsWith('1200'))?.credit.amount, 'the receivable is credited back');
  });
});

const Overdue = graphql(/* GraphQL */ `
  query EventsOverdue { invoices(first: 100, filter: { overdue: true }) { nodes { id customer { id renewals { id stage } } } } }
`);

const Standing = graphql(/* GraphQL */ `
  query EventsStanding($id: ID!) {
    customer(id: $id) {
      overdueAmount { amount }
      invoices(first: 100, status: OPEN) { id dueDate amountDue { amount } }
      health { score factors { name score } }
      renewals { id stage risk riskReasons }
      events(first: 50, types: ["renewal.risk_changed", "health.changed"]) { type data }
    }
  }
`);

const Signal = graphql(/* GraphQL */ `
  mutation EventsSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id } }
`);

const Risk = graphql(/* GraphQL */ `
  mutation EventsRisk($id: ID!) { setRenewalRisk(id: $id, risk: HIGH, reason: "overdue invoices") { risk } }
`);

describe('payments and customer health', () => {
  test("paying a customer's overdue invoices moves its payment factor and its renewal risk", async () => {
    const { invoices } = await query(hub.gatewayUrl, Overdue, {});
    const owner = invoices.nodes.map((invoice) => invoice.customer).find((customer) => customer.renewals!.some((r) => r.stage === 'UPCOMING' || r.stage === 'IN_PROGRESS'));
    assert.ok(owner, 'the seed has an overdue customer with an open renewal');
    const renewal = owner.renewals!.find((r) => r.stage === 'UPCOMING' || r.stage === 'IN_PROGRESS')!;
    for (const factor of ['usage', 'support', 'engagement']) await query(hub.gatewayUrl, Signal, { input: { customerId: owner.id, factor, score: 90 } });
    await query(hub.gatewayUrl, Risk, { id: renewal.id });
    const { customer: before } = await query(hub.gatewayUrl, Standing, { id: owner.id });
    assert.ok(before!.health!.factors.find((f) => f.name === 'payment')!.score < 100, 'overdue invoices weigh on health');

    for (const invoice of before!.invoices!) {
      await recordPayment(hub.gatewayUrl, { invoiceId: invoice.id, amount: invoice.amountDue.amount, method: 'ach' });
    }
    const after = await waitFor('the risk lowered', async () => {
      const { customer } = await query(hub.gatewayUrl, Standing, { id: owner.id });
      return customer?.renewals?.find((r) => r.id === renewal.id)?.risk === 'LOW' ? customer : undefined;
    });
    assert.equal(after.overdueAmount!.amount, '0.00');
    assert.equal(after.health!.factors.find((f) => f.name === 'payment')?.score, 100);
    const changed = after.events!.find((event) => event.type === 'renewal.risk_changed');
    assert.ok(changed, 'renewal.risk_changed was emitted');
    assert.ok(after.renewals!.find((r) => r.id === renewal.id)?.riskReasons.includes('payments current'));
  });
});

describe('dead letters', () => {
  test('a poison event is dead-lettered after its retries while the events behind it flow, and replays once its cause is fixed', async () => {
    const customerId = 'cus_000001';
    const poison = receivedPaymentEvent({ id: 'pay_poison', invoiceId: 'inv_not_issued_yet', customerId, correlation: 'poison' });
    // An external producer's event for an invoice erp has not heard of: erp cannot post it yet.
    await hub.stream.publish([poison]);

    // Events behind it flow while it is retried.
    const { customerId: other } = await sale(`behind-${randomUUID()}`);
    await waitFor('a later invoice posted', async () => {
      const { customer } = await query(hub.gatewayUrl, CustomerView, { id: other });
      return customer?.invoices?.[0]?.posting?.status === 'POSTED' ? true : undefined;
    });

    const dead = await waitFor('the dead letter', async () => {
      const { deadLetters } = await query(hub.gatewayUrl, DeadLetters, {});
      return deadLetters.find((letter) => letter.event.id === poison.id);
    });
    assert.equal(dead.consumer, 'erp.payments');
    assert.equal(dead.attempts, 4);
    assert.equal(dead.status, 'DEAD');
    const { operationsHealth } = await query(hub.gatewayUrl, Health, {});
    assert.ok(operationsHealth.deadLetters >= 1);
    const consumers = operationsHealth.syncLag.map((lag) => lag.consumer);
    for (const consumer of ['billing.contracts', 'erp.invoices', 'erp.payments', 'customer-success.onboarding', 'ops.log']) {
      assert.ok(consumers.includes(consumer), `lag is reported for ${consumer}`);
    }

    // The cause is fixed: erp learns of the invoice. Then the replay posts the payment.
    await hub.stream.publish([
      {
        id: `evt_${randomUUID()}`,
        type: 'invoice.issued',
        version: 1,
        source: 'billing',
        subject: 'Invoice:inv_not_issued_yet',
        time: new Date().toISOString(),
        correlationId: poison.correlationId,
        causationId: null,
        customerId,
        data: {
          id: 'inv_not_issued_yet', number: 'INV-2026-999999', kind: 'RECURRING', customerId, subscriptionId: null, contractId: null, status: 'OPEN', currency: 'USD',
          issuedAt: new Date().toISOString(), issuedOn: today(), dueDate: today(), periodStart: today(), periodEnd: today(),
          subtotal: '10.00', tax: '0.00', total: '10.00', amountPaid: '0.00',
        },
      },
    ]);
    await waitFor('erp knows the invoice', async () => {
      const { journalEntries } = await query(hub.gatewayUrl, Entries, { source: 'inv_not_issued_yet' });
      return journalEntries.nodes.length > 0 ? true : undefined;
    });
    const { replayDeadLetter } = await query(hub.gatewayUrl, Replay, { id: dead.id });
    assert.equal(replayDeadLetter.status, 'REPLAYING');
    await waitFor('the replayed payment posted', async () => {
      const { journalEntries } = await query(hub.gatewayUrl, Entries, { source: 'pay_poison' });
      return journalEntries.nodes.some((entry) => entry.source === 'PAYMENT') ? true : undefined;
    });
    await waitFor('the dead letter replayed', async () => {
      const { deadLetters } = await query(hub.gatewayUrl, DeadLetters, {});
      return deadLetters.find((letter) => letter.id === dead.id)?.status === 'REPLAYED' ? true : undefined;
    });
    const again = await request(hub.gatewayUrl, Replay, { id: dead.id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
  });

  test('a malformed event and one of a schema version no consumer reads are dead-lettered at once, with the reason; a good event between them is applied once, as is one delivered twice', async () => {
    const customerId = 'cus_000001';
    const payment = (version: number, amount: unknown) => receivedPaymentEvent({ id: 'pay_malformed', invoiceId: 'inv_malformed', customerId, amount, version, correlation: 'malformed' });
    const malformed = payment(1, 10);
    const unknownVersion = payment(2, '10.00');
    // Published together, the three reach erp.payments in one read: the two it cannot apply cost only their own dead letters.
    let open: { id: string; customerId: string } | undefined;
    for (let n = 1; n <= 40 && !open; n++) {
      const id = `cus_${String(n).padStart(6, '0')}`;
      const { customer } = await query(hub.gatewayUrl, CustomerView, { id });
      const invoice = customer?.invoices?.find((candidate) => candidate.posting?.status === 'POSTED' && new Decimal(candidate.amountDue.amount).gte(1));
      if (invoice) open = { id: invoice.id, customerId: id };
    }
    assert.ok(open, 'a seeded invoice erp has posted, with something left to pay');
    const good = receivedPaymentEvent({ id: `pay_beside_${randomUUID()}`, invoiceId: open.id, customerId: open.customerId, amount: '1.00', correlation: 'beside' });
    await hub.stream.publish([malformed, good, unknownVersion]);

    const letters = await waitFor('both dead letters of erp.payments', async () => {
      const { deadLetters } = await query(hub.gatewayUrl, DeadLetters, {});
      const found = [malformed, unknownVersion].map((event) => deadLetters.find((letter) => letter.event.id === event.id && letter.consumer === 'erp.payments'));
      return found.every(Boolean) ? found.map((letter) => letter!) : undefined;
    });
    const [refused, unread] = letters;
    assert.equal(refused.attempts, 1, 'no retries for a malformed event');
    assert.match(refused.error, /payment\.received evt_\S+ has a malformed payload: data\.amount:/);
    assert.equal(unread.attempts, 1, 'no retries for an unknown version');
    assert.match(unread.error, /is version 2; this consumer reads payment\.received version 1 only/);

    const paymentEntries = async () => (await query(hub.gatewayUrl, Entries, { source: good.data.id })).journalEntries.nodes.filter((entry) => entry.source === 'PAYMENT');
    await waitFor('the good payment posted', async () => ((await paymentEntries()).length > 0 ? true : undefined));
    const { deadLetters } = await query(hub.gatewayUrl, DeadLetters, {});
    assert.ok(!deadLetters.some((letter) => letter.event.id === good.id), 'the good event is not dead-lettered');
    assert.equal((await paymentEntries()).length, 1, 'posted once');

    // The same event twice in one read (a producer that retried its publish): applied once.
    const twice = receivedPaymentEvent({ id: `pay_twice_${randomUUID()}`, invoiceId: open.id, customerId: open.customerId, amount: '0.01', correlation: 'twice' });
    const twiceEntries = async () => (await query(hub.gatewayUrl, Entries, { source: twice.data.id })).journalEntries.nodes.filter((entry) => entry.source === 'PAYMENT');
    await hub.stream.publish([twice, twice]);
    await waitFor('the payment published twice posted', async () => ((await twiceEntries()).length > 0 ? true : undefined));
    // Both copies are applied in one read's transaction, or one by one after it rolled back: a second posting would show by now.
    assert.equal((await twiceEntries()).length, 1, 'posted once');
  });
});
