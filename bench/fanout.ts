/**
 * Subscription fan-out: N graphql-ws subscribers of `paymentReceived` spread over M customers on
 * the gateway, payments at a fixed rate through the gateway; reports delivery latency (from the
 * mutation's response to each subscriber's receipt), events lost and the hub's memory.
 *
 *   npm run bench:fanout -- --subscribers 1000 --customers 100 --rate 20 --seconds 10
 *
 * With --gateway-url it measures a gateway that is already running (npm run bench does that, against
 * our gateway as its own process); without, it starts the whole hub in this process.
 */
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startHub } from '../test/hub.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    customers: { type: 'string', default: '100' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    'gateway-url': { type: 'string' },
    // The caller's credentials, e.g. --header "authorization=Bearer …": on every POST and as graphql-ws connection params.
    header: { type: 'string', multiple: true, default: [] },
  },
});
const headers = Object.fromEntries(values.header.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const subscribers = Number(values.subscribers);
const customerCount = Number(values.customers);
const rate = Number(values.rate);
const seconds = Number(values.seconds);

const hub = values['gateway-url'] ? undefined : await startHub({ seedCustomers: Math.max(customerCount, 50), env: { SUBSCRIPTIONS_PER_CONNECTION: '1000' } });
const gatewayUrl = values['gateway-url'] ?? hub!.gatewayUrl;
if (hub) headers.authorization = `Bearer ${await hub.token('admin')}`;
const post = async (query: string, variables: Record<string, unknown>) =>
  (await (await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) })).json()) as {
    data: Record<string, unknown>;
  };

// Customers with an ACTIVE subscription, each with a fresh invoice to pay cents against.
type CustomerPage = { nodes: { id: string; subscriptions: { id: string; status: string }[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
const candidates: CustomerPage['nodes'] = [];
for (let after: string | null = null; candidates.length < customerCount; ) {
  const { data } = await post(`query ($after: String) { customers(first: 100, after: $after) { nodes { id subscriptions { id status } } pageInfo { hasNextPage endCursor } } }`, { after });
  const page = data.customers as CustomerPage;
  candidates.push(...page.nodes.filter((c) => c.subscriptions.some((s) => s.status === 'ACTIVE')));
  if (!page.pageInfo.hasNextPage) break;
  after = page.pageInfo.endCursor;
}
candidates.splice(customerCount);
const invoices = new Map<string, string>();
for (const customer of candidates) {
  const subscription = customer.subscriptions.find((s) => s.status === 'ACTIVE')!;
  const issued = await post(`mutation ($s: ID!) { issueInvoice(subscriptionId: $s) { id } }`, { s: subscription.id });
  invoices.set(customer.id, (issued.data.issueInvoice as { id: string }).id);
}
const customers = [...invoices.keys()];

// Subscribers, 50 subscriptions per WebSocket connection.
const received = new Map<string, number[]>(); // payment id -> receipt times
const perCustomer = new Map<string, number>();
const clients: Client[] = [];
let ready = 0;
for (let i = 0; i < subscribers; i++) {
  if (i % 50 === 0) clients.push(createClient({ url: gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: headers }));
  const customerId = customers[i % customers.length];
  perCustomer.set(customerId, (perCustomer.get(customerId) ?? 0) + 1);
  clients.at(-1)!.subscribe<{ paymentReceived: { payment: { id: string } } }>(
    { query: `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId payment { id amount { amount } } customer { name } } }`, variables: { c: customerId } },
    {
      next: ({ data: event }) => {
        if (!event) return;
        const id = event.paymentReceived.payment.id;
        received.set(id, [...(received.get(id) ?? []), performance.now()]);
      },
      // A socket close arrives as a CloseEvent; its code and reason say why (e.g. 4408: init timeout).
      error: (error) => console.error('subscription error', error instanceof Error ? error.message : `${(error as CloseEvent).code} ${(error as CloseEvent).reason}`),
      complete: () => undefined,
    },
  );
  ready++;
}
await new Promise((resolve) => setTimeout(resolve, 3000));

// Payments at the rate, each to a random customer; latency counts from the mutation's response.
const sent = new Map<string, { at: number; customerId: string }>();
const started = performance.now();
let n = 0;
while (performance.now() - started < seconds * 1000) {
  const customerId = customers[n++ % customers.length];
  void post(`mutation ($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, { i: { invoiceId: invoices.get(customerId), amount: '0.01', method: 'card' } }).then((result) => {
    const payment = result.data?.recordPayment as { id: string } | undefined;
    if (payment) sent.set(payment.id, { at: performance.now(), customerId });
  });
  await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
}
await new Promise((resolve) => setTimeout(resolve, 5000));

const latencies: number[] = [];
let expected = 0;
let delivered = 0;
for (const [id, { at, customerId }] of sent) {
  expected += perCustomer.get(customerId) ?? 0;
  const times = received.get(id) ?? [];
  delivered += times.length;
  for (const time of times) latencies.push(Math.max(0, time - at));
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? 'n/a';
console.log(
  JSON.stringify(
    {
      subscribers: ready,
      customers: customers.length,
      payments: sent.size,
      expectedDeliveries: expected,
      delivered,
      lost: expected - delivered,
      latencyMs: { p50: pct(50), p99: pct(99), max: latencies.at(-1)?.toFixed(1) },
      ...(hub ? { hubRssMiB: Math.round(process.memoryUsage().rss / 1048576) } : {}),
    },
    null,
    2,
  ),
);
for (const client of clients) await client.dispose();
await hub?.close();
