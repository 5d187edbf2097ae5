/**
 * Live subscriptions through the gateway over graphql-ws, with the whole hub running: an event
 * carries any field of any system, a client resumes with `after`, a client that stops reading
 * is ended without slowing the others, and billing restarting under an open subscription loses
 * and repeats nothing. The hub runs with SUBSCRIPTION_BUFFER=5 so a small backlog overflows.
 *
 * Operations are plain strings (not `graphql()` documents): subscriptions are not run over HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import { buildSubgraph } from '../hub.ts';
import { readMetric } from './metrics.ts';
import { query, webSocketFor } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { postedDeal } from './deals.ts';
import { waitFor } from './wait.ts';

const PAYMENTS = `
  subscription ($c: ID, $after: ID) {
    paymentReceived(customerId: $c, after: $after) {
      eventId
      payment { id amount { amount currency } method }
      invoice { number status amountDue { amount } posting { status } }
      customer { name health { score grade } renewals { risk renewalDate } }
    }
  }
`;

interface PaymentEvent {
  eventId: string;
  payment: { id: string; amount: { amount: string; currency: string }; method: string };
  invoice: { number: string; status: string; amountDue: { amount: string }; posting: { status: string } };
  customer: { name: string; health: { score: number; grade: string }; renewals: { risk: string; renewalDate: string }[] };
}

interface Result {
  data?: { paymentReceived: PaymentEvent } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

let hub: TestHub;
let hubClosed = false;
let customerId: string;
let invoiceId: string;
const clients: Client[] = [];

function wsUrl(): string {
  return hub.gatewayUrl.replace(/^http/, 'ws');
}

function connect(): Client {
  // The gateway's clients resubscribe themselves, with `after`; graphql-ws would repeat the first `after`.
  const client = createClient({ url: wsUrl(), webSocketImpl: webSocketFor(hub.gatewayUrl), retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** A subscription's results as they come, and how it ended. */
function collect(client: Client, variables: Record<string, unknown>, document = PAYMENTS) {
  const results: Result[] = [];
  const state: { error?: unknown; complete: boolean } = { complete: false };
  const stop = client.subscribe<Result['data'] & object>(
    { query: document, variables },
    {
      next: (result) => results.push(result as Result),
      error: (error) => (state.error = error),
      complete: () => (state.complete = true),
    },
  );
  const events = () => results.map((result) => result.data!.paymentReceived);
  return { results, state, stop, events, paymentIds: () => events().map((event) => event.payment.id) };
}

async function pay(amount = '1.00'): Promise<string> {
  const { recordPayment } = await query<{ recordPayment: { id: string } }, unknown>(
    hub.gatewayUrl,
    'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
    { input: { invoiceId, amount, method: 'wire' } },
  );
  return recordPayment.id;
}

async function metric(name: string): Promise<number> {
  const response = await fetch(`${hub.gateway.url}/metrics`);
  return readMetric(await response.text(), name);
}

/** Subscriptions whose stream from the owning subgraph is up: events made from then on reach them. */
function streaming(): Promise<number> {
  return metric('gateway_subscriptions_streaming');
}

/** Waits until `count` more subscriptions than `from` stream, so payments made next reach them. */
function streamingMore(from: number, count = 1) {
  return waitFor(`${count} more subscriptions streaming`, async () => ((await streaming()) >= from + count ? true : undefined));
}

/** Subscribes and waits until the subscription streams. */
async function open(client: Client, variables: Record<string, unknown>, document = PAYMENTS) {
  const from = await streaming();
  const subscription = collect(client, variables, document);
  await streamingMore(from);
  return subscription;
}

before(async () => {
  // The overflow test pads each event with 2,000 aliased fields, above the default MAX_ALIASES and MAX_QUERY_FIELDS.
  hub = await startHub({ env: { SUBSCRIPTION_BUFFER: '5', SUBSCRIPTIONS_PER_CONNECTION: '3', MAX_ALIASES: '5000', MAX_QUERY_FIELDS: '5000' } });
  const url = hub.gatewayUrl;
  ({ customerId, invoiceId } = await postedDeal(url, 'Live Payments Ltd', { amount: '24000.00', seats: 20 }));
});

after(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  if (!hubClosed) await hub?.close();
});

test("a payment arrives with every system's fields, as a query made right after shows them", async () => {
  const subscription = await open(connect(), { c: customerId });
  const paymentId = await pay('12.34');
  await waitFor('the event', () => (subscription.results.length > 0 ? true : undefined));
  const [result] = subscription.results;
  assert.equal(result.errors, undefined);
  assert.ok(typeof result.extensions?.correlationId === 'string', 'each event carries the correlation id');
  const event = result.data!.paymentReceived;

  const now = await query<{ payment: PaymentEvent['payment'] & { invoice: PaymentEvent['invoice'] }; customer: PaymentEvent['customer'] }, unknown>(
    hub.gatewayUrl,
    `query ($payment: ID!, $customer: ID!) {
      payment(id: $payment) { id amount { amount currency } method invoice { number status amountDue { amount } posting { status } } }
      customer(id: $customer) { name health { score grade } renewals { risk renewalDate } }
    }`,
    { payment: paymentId, customer: customerId },
  );
  const { invoice, ...payment } = now.payment;
  assert.match(event.eventId, /\S/);
  assert.deepEqual(event.payment, payment, 'billing: the payment');
  assert.deepEqual(event.invoice, invoice, 'billing and erp: the invoice after the payment, and its posting');
  assert.deepEqual(event.customer, now.customer, 'crm and customer success: the customer, its health and renewals');
  assert.equal(event.payment.amount.amount, '12.34');
  subscription.stop();
});

test('live subscribers of the same events share one upstream subscription, and each receives every payment', async () => {
  const document = `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId payment { id method } customer { name } } }`;
  const shared = await metric('gateway_subscription_upstreams_shared');
  const first = await open(connect(), { c: customerId }, document);
  const second = await open(connect(), { c: customerId }, document);
  assert.equal(await metric('gateway_subscription_upstreams_shared'), shared + 1, 'one upstream for both');
  const paymentId = await pay('2.00');
  await waitFor('the event on both', () => (first.results.length > 0 && second.results.length > 0 ? true : undefined));
  assert.deepEqual(second.results[0]!.data, first.results[0]!.data);
  assert.equal(first.paymentIds()[0], paymentId);
  first.stop();
  second.stop();
  await waitFor('the shared upstream closed', async () => ((await metric('gateway_subscription_upstreams_shared')) === shared ? true : undefined));
});

test('a client that reconnects with after gets exactly the payments it missed, in order, then live ones', async () => {
  const first = connect();
  const before = await open(first, { c: customerId });
  await pay();
  const [seen] = await waitFor('the first event', () => (before.events().length === 1 ? before.events() : undefined));
  await first.dispose();
  await waitFor('the subscription gone', async () => ((await metric('gateway_subscriptions_active')) === 0 ? true : undefined));

  const missed = [await pay(), await pay()];
  const resumed = collect(connect(), { c: customerId, after: seen.eventId });
  await waitFor('the replay', () => (resumed.events().length >= 2 ? true : undefined));
  const live = await pay();
  await waitFor('the live payment', () => (resumed.events().length >= 3 ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(resumed.paymentIds(), [...missed, live]);
  resumed.stop();
});

test('a subscription the graph cannot serve is refused with a GraphQL error', async () => {
  const client = connect();
  const refusal = async (document: string, variables: Record<string, unknown> = {}) => {
    const subscription = collect(client, variables, document);
    await waitFor('the refusal', () => subscription.state.error ?? undefined);
    return (subscription.state.error as { extensions?: { code?: string } }[])[0];
  };
  assert.equal((await refusal('subscription { paymentReceived { eventId nope } }')).extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  assert.equal((await refusal('subscription { paymentReceived { eventId } renewalRiskChanged { eventId } }')).extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  assert.equal((await refusal('subscription ($c: ID!) { paymentReceived(customerId: $c) { eventId } }')).extensions?.code, 'BAD_USER_INPUT');
  assert.equal((await refusal(PAYMENTS, { after: 'evt_unknown' })).extensions?.code, 'BAD_USER_INPUT');

  const held = [];
  for (let i = 0; i < 3; i++) held.push(await open(client, { c: customerId }));
  const tooMany = await refusal(PAYMENTS, { c: customerId });
  assert.equal(tooMany.extensions?.code, 'TOO_MANY_SUBSCRIPTIONS');
  for (const subscription of held) subscription.stop();
});

test('a client that stops reading is ended with SUBSCRIPTION_BUFFER_OVERFLOW while another keeps receiving', async () => {
  const steady = await open(connect(), { c: customerId });
  const from = await streaming();
  // Large events, so the socket's kernel buffers (some MB) fill after tens of payments, not thousands.
  const padding = Array.from({ length: 2000 }, (_, i) => `a${i}: eventId`).join(' ');
  const stalled = new (webSocketFor(hub.gatewayUrl))(wsUrl(), 'graphql-transport-ws');
  const messages: { id?: string; type: string; payload?: unknown }[] = [];
  stalled.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve) => stalled.once('open', resolve));
  stalled.send(JSON.stringify({ type: 'connection_init' }));
  await waitFor('the ack', () => (messages.some((m) => m.type === 'connection_ack') ? true : undefined));
  stalled.send(
    JSON.stringify({
      id: 'stalled',
      type: 'subscribe',
      payload: { query: `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId ${padding} } }`, variables: { c: customerId } },
    }),
  );
  await streamingMore(from);
  stalled.pause();

  const overflowsBefore = await metric('gateway_subscription_overflows_total');
  const paid: string[] = [];
  while ((await metric('gateway_subscription_overflows_total')) === overflowsBefore) {
    assert.ok(paid.length < 300, 'the stalled client overflowed');
    paid.push(await pay());
  }
  await waitFor('the steady client has every payment', () => (steady.events().length === paid.length ? true : undefined));
  assert.deepEqual(steady.paymentIds(), paid, 'the steady client was not held back');

  stalled.resume();
  const ended = await waitFor('the overflow error', () => messages.find((m) => m.type === 'error'));
  const [error] = ended.payload as { message: string; extensions: { code: string; lastEventId: string } }[];
  const delivered = messages.filter((m) => m.type === 'next').map((m) => (m.payload as Result).data!.paymentReceived.eventId);
  assert.equal(error.extensions.code, 'SUBSCRIPTION_BUFFER_OVERFLOW');
  assert.equal(error.extensions.lastEventId, delivered.at(-1));
  assert.ok(error.message.includes(`after: "${delivered.at(-1)}"`), error.message);
  assert.deepEqual(delivered, steady.events().slice(0, delivered.length).map((event) => event.eventId), 'what it got, it got in order');
  stalled.close();

  // Resuming where the error says gives the rest, a longer replay than the buffer holds, whole and in order.
  const resumed = collect(connect(), { c: customerId, after: error.extensions.lastEventId });
  const rest = steady.events().slice(delivered.length).map((event) => event.eventId);
  assert.ok(rest.length > 5, `${rest.length} events to replay through a buffer of 5`);
  await waitFor('the rest', () => (resumed.events().length >= rest.length ? true : undefined));
  assert.deepEqual(resumed.events().map((event) => event.eventId), rest);
  resumed.stop();
  steady.stop();
});

test('billing restarting under an open subscription loses and repeats no payment', async () => {
  const subscription = await open(connect(), { c: customerId });
  const paid = [await pay()];
  await waitFor('the first payment', () => (subscription.events().length === 1 ? true : undefined));

  const running = hub.subgraphs.billing;
  const { port } = new URL(running.url);
  await running.service.close();
  const restarted = await buildSubgraph('billing', hub.config, hub.stream);
  // hub.close() closes the service it started; that is now the restarted one.
  running.service.close = () => restarted.close();
  await restarted.start();
  // Paid before billing listens again, so the gateway cannot have resubscribed yet: only `after` brings these.
  for (let i = 0; i < 2; i++) {
    const response = await restarted.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: hub.subgraphAuthorization('billing') },
      payload: { query: 'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', variables: { input: { invoiceId, amount: '1.00', method: 'ach' } } },
    });
    paid.push((response.json() as { data: { recordPayment: { id: string } } }).data.recordPayment.id);
  }
  await restarted.app.listen({ host: '127.0.0.1', port: Number(port) });
  await waitFor('the missed payments', () => (subscription.events().length >= 3 ? true : undefined), 30_000);
  paid.push(await pay());
  await waitFor('a live payment', () => (subscription.events().length >= 4 ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(subscription.paymentIds(), paid);
  assert.equal(subscription.state.error, undefined);
  assert.ok((await metric('gateway_subscription_upstream_reconnects_total')) > 0);
  subscription.stop();
});

test('closing the gateway tells subscribers to reconnect (1012 Service Restart)', async () => {
  const client = connect();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on('closed', (event) => resolve(event as { code: number; reason: string })));
  await open(client, { c: customerId });
  hubClosed = true;
  await hub.close();
  const { code, reason } = await closed;
  assert.equal(code, 1012);
  assert.equal(reason, 'Service Restart');
});
