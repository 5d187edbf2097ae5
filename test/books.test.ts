/**
 * Period-safe postings, through real mutations on the gateway: cash, voids and credit notes
 * dated in a CLOSED or LOCKED period post into the next open period with their own date kept;
 * a seat decrease is credited and ERP posts the credit note; cash on an invoice whose posting was
 * rejected waits as unapplied cash until the invoice posts. After each, billing's balance and
 * ERP's receivable agree without anyone replaying anything.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { today } from '../platform/dates.ts';
import { Decimal } from '../platform/money.ts';
import { nextPeriodId } from '../subgraphs/erp/commands.ts';
import { graphql } from './generated/index.ts';
import { query } from './graphql.ts';
import { waitFor } from './wait.ts';
import { winDeal } from './deals.ts';
import { closePeriod, reopenPeriod } from './periods.ts';
import { amendContract, issueInvoice, recordPayment, retryPosting, voidInvoice } from './mutations.ts';
import { startHub, type TestHub } from './hub.ts';

const Books = graphql(/* GraphQL */ `
  query BooksCustomer($id: ID!) {
    customer(id: $id) {
      balance { amount currency }
      receivable { balance { amount currency } aging { current { amount } } }
      unappliedCash { amount currency }
      subscriptions { seats }
      creditNotes { id number total { amount currency } subtotal { amount } tax { amount } }
      invoices(first: 20) { id status total { amount } amountDue { amount } posting { status period } }
    }
  }
`);

const Entries = graphql(/* GraphQL */ `
  query BooksEntries($source: ID!) {
    journalEntries(first: 10, sourceId: $source) { nodes { source date period lines { account debit { amount } credit { amount } } } }
  }
`);

const Payments = graphql(/* GraphQL */ `
  query BooksPayments($id: ID!) { customer(id: $id) { payments { id } subscriptions { id } } }
`);

const Workflow = graphql(/* GraphQL */ `
  query BooksWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { kind state steps { name completedAt } } }
`);

const DeadLetters = graphql(/* GraphQL */ `
  query BooksDeadLetters { deadLetters { id } }
`);

const THIS_PERIOD = today().slice(0, 7);
const NEXT_PERIOD = nextPeriodId(THIS_PERIOD);

let hub: TestHub;

before(async () => {
  hub = await startHub();
});

after(() => hub?.close());


/** A new EMEA customer (20% tax) with a won 12-month contract of 20 seats at 100.00 a month. */
async function sale() {
  const { customerId, contract } = await winDeal(hub.gatewayUrl, { name: `Books ${randomUUID()}` });
  return { customerId, contractId: contract.id };
}

function books(customerId: string) {
  return query(hub.gatewayUrl, Books, { id: customerId }).then((data) => data.customer!);
}

async function firstInvoice(customerId: string, status: 'POSTED' | 'REJECTED') {
  return waitFor(`the first invoice ${status}`, async () => {
    const invoice = (await books(customerId)).invoices?.[0];
    return invoice?.posting?.status === status ? invoice : undefined;
  });
}

/** Waits for the journal entry of `source` of one kind and returns it. */
function entryOf(sourceId: string, source: string) {
  return waitFor(`the ${source} entry of ${sourceId}`, async () => {
    const { journalEntries } = await query(hub.gatewayUrl, Entries, { source: sourceId });
    return journalEntries.nodes.find((entry) => entry.source === source);
  });
}

function line(entry: { lines: { account: string; debit: { amount: string }; credit: { amount: string } }[] }, account: string) {
  const found = entry.lines.find((candidate) => candidate.account.startsWith(account));
  assert.ok(found, `a line on account ${account}`);
  return found;
}

/** Billing's balance and ERP's receivable agree to the cent, in one currency. */
async function agreed(customerId: string, balance: string) {
  return waitFor(`billing and ERP agree on ${balance}`, async () => {
    const customer = await books(customerId);
    return customer.balance?.amount === balance && customer.receivable?.balance.amount === balance ? customer : undefined;
  });
}

/** Runs `body` with this month CLOSED (or LOCKED), reopening it afterwards whatever happens. */
async function withPeriod(status: 'CLOSED' | 'LOCKED', body: () => Promise<void>) {
  await closePeriod(hub.gatewayUrl, THIS_PERIOD, status);
  try {
    await body();
  } finally {
    await reopenPeriod(hub.gatewayUrl, THIS_PERIOD, 'test over');
  }
}

describe('closed periods', () => {
  test('a payment received in a CLOSED period posts into the next open period with its own date; billing and ERP agree', async () => {
    const { customerId } = await sale();
    const invoice = await firstInvoice(customerId, 'POSTED');
    assert.equal(invoice.total.amount, '2400.00');
    await withPeriod('CLOSED', async () => {
      const payment = await recordPayment(hub.gatewayUrl, { invoiceId: invoice.id, amount: '1000.00', method: 'wire' });
      const receipt = await entryOf(payment.id, 'PAYMENT');
      assert.equal(receipt.date, today(), 'the day the cash came is kept');
      assert.equal(receipt.period, NEXT_PERIOD, 'posted into the next open period');
      assert.equal(line(receipt, '1000').debit.amount, '1000.00');
      assert.equal(line(receipt, '1200').credit.amount, '1000.00');
      await agreed(customerId, '1400.00');
    });
    const { deadLetters } = await query(hub.gatewayUrl, DeadLetters, {});
    assert.deepEqual(deadLetters, [], 'nothing was dead-lettered');
  });

  test('a void in a LOCKED period reverses into the next open period; the receivable drops with the balance', async () => {
    const { customerId } = await sale();
    await firstInvoice(customerId, 'POSTED');
    const subscriptionId = await waitFor('the subscription', async () => {
      const { customer } = await query(hub.gatewayUrl, Payments, { id: customerId });
      return customer?.subscriptions?.[0]?.id;
    });
    const invoice = await issueInvoice(hub.gatewayUrl, subscriptionId);
    await entryOf(invoice.id, 'INVOICE');
    await agreed(customerId, '4800.00');
    await withPeriod('LOCKED', async () => {
      await voidInvoice(hub.gatewayUrl, invoice.id);
      const reversal = await entryOf(invoice.id, 'CREDIT');
      assert.equal(reversal.date, today());
      assert.equal(reversal.period, NEXT_PERIOD);
      assert.equal(line(reversal, '1200').credit.amount, '2400.00');
      await agreed(customerId, '2400.00');
    });
  });
});

describe('credit notes', () => {
  test('fewer seats issue a credit note that ERP posts, into the next open period when this one is CLOSED', async () => {
    const { customerId, contractId } = await sale();
    await firstInvoice(customerId, 'POSTED');
    await withPeriod('CLOSED', async () => {
      const correlationId = `decrease-${randomUUID()}`;
      await amendContract(hub.gatewayUrl, contractId, { seatsDelta: -5, effectiveDate: today(), reason: 'smaller team' }, { 'x-correlation-id': correlationId });
      const run = await waitFor('the seat-decrease run COMPLETED', async () => {
        const { workflow } = await query(hub.gatewayUrl, Workflow, { correlationId });
        return workflow?.state === 'COMPLETED' ? workflow : undefined;
      });
      assert.equal(run.kind, 'seat-decrease');
      assert.deepEqual(run.steps.map((step) => step.name), ['CONTRACT_AMENDED', 'CREDIT_NOTE_ISSUED', 'CREDIT_NOTE_POSTED']);
      const customer = await waitFor('the credit note', async () => {
        const found = await books(customerId);
        return found.creditNotes?.length === 1 ? found : undefined;
      });
      assert.equal(customer.subscriptions?.[0].seats, 15);
      const [note] = customer.creditNotes!;
      assert.match(note.number, /^CN-\d{4}-\d{6}$/);
      assert.equal(new Decimal(note.subtotal.amount).plus(note.tax.amount).toFixed(2), note.total.amount);
      assert.equal(new Decimal(note.tax.amount).toFixed(2), new Decimal(note.subtotal.amount).mul('0.20').toFixed(2), '20% EMEA tax credited too');
      const entry = await entryOf(note.id, 'CREDIT');
      assert.equal(entry.period, NEXT_PERIOD);
      assert.equal(line(entry, '1200').credit.amount, note.total.amount);
      assert.equal(line(entry, '2200').debit.amount, note.tax.amount);
      const expected = new Decimal('2400.00').minus(note.total.amount).toFixed(2);
      const agreedOn = await agreed(customerId, expected);
      assert.equal(agreedOn.receivable?.aging.current.amount, expected, 'the credit lowers the current bucket');
    });
  });
});

describe('unapplied cash', () => {
  test('cash on an invoice whose posting was rejected waits as unapplied cash and is applied when the invoice posts', async () => {
    let invoiceId = '';
    let customerId = '';
    await withPeriod('CLOSED', async () => {
      ({ customerId } = await sale());
      const invoice = await firstInvoice(customerId, 'REJECTED');
      invoiceId = invoice.id;
      const payment = await recordPayment(hub.gatewayUrl, { invoiceId, amount: '400.00', method: 'card' });
      const receipt = await entryOf(payment.id, 'PAYMENT');
      assert.equal(line(receipt, '2300').credit.amount, '400.00', 'held as unapplied cash, not against a receivable ERP never booked');
      assert.ok(!receipt.lines.some((candidate) => candidate.account.startsWith('1200')));
      const held = await waitFor('the unapplied cash', async () => {
        const customer = await books(customerId);
        return customer.unappliedCash?.length === 1 ? customer : undefined;
      });
      assert.deepEqual(held.unappliedCash, [{ amount: '400.00', currency: 'EUR' }]);
      assert.equal(held.receivable?.balance.amount, '0.00', 'ERP holds no receivable for an unposted invoice');
      assert.equal(held.balance?.amount, '2000.00');
    });
    assert.equal(await retryPosting(hub.gatewayUrl, invoiceId), 'POSTED');
    const customer = await agreed(customerId, '2000.00');
    assert.deepEqual(customer.unappliedCash, []);
    const { customer: paid } = await query(hub.gatewayUrl, Payments, { id: customerId });
    const application = await entryOf(paid!.payments![0].id, 'CASH_APPLICATION');
    assert.equal(line(application, '2300').debit.amount, '400.00');
    assert.equal(line(application, '1200').credit.amount, '400.00');
  });
});
