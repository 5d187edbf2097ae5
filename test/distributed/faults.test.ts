/**
 * The distributed deployment under faults, with real processes (test/distributed/cluster.ts):
 * a consumer process killed with SIGKILL mid-burst loses nothing and duplicates nothing; writes
 * made while Redis is down commit, and their events arrive once it is back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Decimal } from '../../platform/money.ts';
import { graphql } from '../generated/index.ts';
import { query } from '../graphql.ts';
import { Cluster } from './cluster.ts';
import { waitFor } from '../wait.ts';

let cluster: Cluster;
let gatewayUrl: string;

before(async () => {
  // A second erp replica shares erp's consumers' work through the Redis consumer groups; a second gateway serves any subscriber.
  cluster = await Cluster.start({ seedCustomers: 20, replicas: { erp: 1, gateway: 1 } });
  gatewayUrl = cluster.url();
});

after(async () => {
  await cluster?.close();
});

const Subscriptions = graphql(/* GraphQL */ `
  query DistributedSubscriptions { customers(first: 20) { nodes { subscriptions { id status } } } }
`);

const Issue = graphql(/* GraphQL */ `
  mutation DistributedIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id issuedAt } }
`);

const EntriesOf = graphql(/* GraphQL */ `
  query DistributedEntries($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }
`);

const TrialBalance = graphql(/* GraphQL */ `
  query DistributedTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }
`);

async function activeSubscriptions(): Promise<string[]> {
  const { customers } = await query(gatewayUrl, Subscriptions, {});
  return customers.nodes.flatMap((customer) => customer.subscriptions!.filter((s) => s.status === 'ACTIVE').map((s) => s.id));
}

/** Issues `count` invoices round-robin over the subscriptions, a few at a time, calling `midway` halfway. */
async function burst(count: number, tag: string, midway: () => Promise<void>): Promise<string[]> {
  const subscriptions = await activeSubscriptions();
  assert.ok(subscriptions.length >= 5);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    if (i === count / 2) await midway();
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        query(gatewayUrl, Issue, { subscription: subscriptions[(i + j) % subscriptions.length], key: `${tag}-${i + j}` }),
      ),
    );
    ids.push(...batch.map((result) => result.issueInvoice.id));
  }
  return ids;
}

async function allPostedOnce(ids: string[]): Promise<void> {
  await waitFor(
    `${ids.length} invoices posted`,
    async () => {
      const statuses = await Promise.all(
        ids.map(async (id) => (await query(gatewayUrl, EntriesOf, { source: id })).journalEntries.totalCount),
      );
      return statuses.every((count) => count >= 1) ? true : undefined;
    },
    120_000,
  );
  const counts = await Promise.all(ids.map(async (id) => (await query(gatewayUrl, EntriesOf, { source: id })).journalEntries.totalCount));
  assert.deepEqual(counts.filter((count) => count !== 1), [], 'every invoice has exactly one journal entry');
  const { trialBalance } = await query(gatewayUrl, TrialBalance, { period: new Date().toISOString().slice(0, 7) });
  const debits = trialBalance.reduce((sum, line) => sum.plus(line.debit.amount), new Decimal(0));
  const credits = trialBalance.reduce((sum, line) => sum.plus(line.credit.amount), new Decimal(0));
  assert.equal(debits.toFixed(2), credits.toFixed(2), 'the trial balance balances');
}

const OpenInvoices = graphql(/* GraphQL */ `
  query DistributedOpenInvoices { invoices(first: 5, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }
`);

const Pay = graphql(/* GraphQL */ `
  mutation DistributedPay($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }
`);

describe('subscriptions across gateway replicas', () => {
  test('a subscriber on one gateway process receives, resolved across systems, a payment written through the other', async () => {
    const { invoices } = await query(gatewayUrl, OpenInvoices, {});
    const invoice = invoices.nodes.find((node) => Number(node.amountDue.amount) >= 2)!;
    const client = createClient({ url: cluster.url('gateway#2').replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${cluster.token}` }, retryAttempts: 0 });
    const received: { eventId: string; payment: { id: string }; invoice: { number: string; posting: { status: string } }; customer: { name: string } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ paymentReceived: (typeof received)[number] }>(
        {
          query: `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId payment { id } invoice { number posting { status } } customer { name } } }`,
          variables: { c: invoice.customer.id },
        },
        { next: ({ data }) => data && received.push(data.paymentReceived) && resolve(), error: reject, complete: () => undefined },
      );
    });
    // The subscription is live once the subgraph's tail has started; pay until the event arrives.
    const payments: string[] = [];
    const deadline = Date.now() + 30_000;
    while (received.length === 0 && Date.now() < deadline) {
      const { recordPayment } = await query(gatewayUrl, Pay, { input: { invoiceId: invoice.id, amount: '0.01', method: 'card' } });
      payments.push(recordPayment.id);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
    await client.dispose();
    assert.ok(received.length > 0, 'the event reached the other gateway');
    assert.ok(payments.includes(received[0].payment.id));
    assert.ok(received[0].customer.name.length > 0, 'crm fields resolved through the second gateway');
    assert.ok(['POSTED', 'PENDING', 'REJECTED'].includes(received[0].invoice.posting.status), 'erp fields resolved');
  });
});

describe('the distributed hub under faults', () => {
  test('an erp replica killed with SIGKILL in the middle of a burst of 200 invoices: the other takes over its events, every invoice is posted exactly once', async () => {
    const ids = await burst(200, 'kill', async () => {
      await cluster.kill('erp#2', 'SIGKILL');
    });
    assert.equal(new Set(ids).size, 200);
    await allPostedOnce(ids);
    cluster.startProcess('erp#2');
    await cluster.waitReady('erp#2');
  });

  test('erp down altogether (SIGKILL) in the middle of a burst: after restart every invoice is posted exactly once', async () => {
    const ids = await burst(200, 'all-down', async () => {
      await Promise.all([cluster.kill('erp', 'SIGKILL'), cluster.kill('erp#2', 'SIGKILL')]);
    });
    cluster.startProcess('erp');
    await cluster.waitReady('erp');
    await allPostedOnce(ids);
  });

  test('with Redis stopped for 10 s, mutations still commit and every event arrives once it is back', async () => {
    await cluster.redis.stop();
    const started = Date.now();
    const ids = await burst(20, 'redis-down', async () => undefined);
    assert.equal(ids.length, 20, 'every write committed while Redis was down');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - started))));
    await cluster.redis.start();
    await allPostedOnce(ids);
  });
});
