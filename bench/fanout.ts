/**
 * Subscription fan-out: N subscribers of `paymentReceived` spread over M customers on the
 * gateway, payments at a fixed rate through the gateway; reports delivery latency (from the
 * moment each payment's mutation is sent to each subscriber's receipt: the event often arrives
 * before the mutation's response), events lost, the gateway's peak memory (its /metrics
 * `process_resident_memory_bytes`) and its CPU time per payment (`process_cpu_seconds_total`
 * from the first payment until every event arrived or the drain ended: the payment's own work
 * and its fan-out, a figure that a busy machine stretches less than latency; in process, that of
 * the whole hub). Once per transport, one after another: graphql-ws (50 subscriptions a
 * WebSocket), Server-Sent Events (graphql-sse, a connection each) and HTTP multipart (Apollo's
 * protocol, a request each).
 *
 *   npm run bench:fanout -- --subscribers 1000 --customers 100 --rate 20 --seconds 10 --transports graphql-ws,sse
 *
 * With --gateway-url it measures a gateway that is already running (npm run bench does that, against
 * our gateway as its own process); without, it starts the whole hub in this process.
 * Payments start once the gateway's /metrics reports every subscriber streaming; an event counts as
 * lost only if it has not reached its subscriber when the drain after the last payment ends.
 */
import { parseArgs } from 'node:util';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { readMetric } from '../test/metrics.ts';
import { MULTIPART_SUBSCRIPTION_ACCEPT, readMultipartSubscription } from '../test/multipartSubscription.ts';
import { startHub } from '../test/hub.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    customers: { type: 'string', default: '100' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    transports: { type: 'string', default: 'graphql-ws,sse,multipart' },
    'gateway-url': { type: 'string' },
    // The caller's credentials, e.g. --header "authorization=Bearer …": on every POST and as graphql-ws connection params.
    header: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`usage: npm run bench:fanout -- [--subscribers 1000] [--customers 100] [--rate 20] [--seconds 10] [--transports graphql-ws,sse,multipart] [--gateway-url URL --header "authorization=Bearer …"]

Subscription fan-out: subscribers on an in-process hub (or the gateway at --gateway-url), payments
at --rate per second for --seconds, once per transport; reports for each delivery latency
p50/p95/p99 (from each payment's send), events lost and duplicated, and memory.`);
  process.exit(0);
}
const headers = Object.fromEntries(values.header.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const subscribers = Number(values.subscribers);
const customerCount = Number(values.customers);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const TRANSPORTS = ['graphql-ws', 'sse', 'multipart'] as const;
type Transport = (typeof TRANSPORTS)[number];
const transports = values.transports.split(',').map((name) => name.trim()) as Transport[];
/** How long all subscribers may take to start streaming before the run fails. */
const STREAMING_TIMEOUT_MS = 120_000;
/** How long after the last payment's response its events may still arrive. */
const DRAIN_MS = 30_000;
/** How long the gateway may take to close one transport's subscriptions before the next transport's start. */
const CLOSE_TIMEOUT_MS = 60_000;
const SUBSCRIPTIONS_PER_SOCKET = 50;
/**
 * How often the gateway's memory is read during a run. Not more often: a /metrics answer costs
 * the gateway more with every connection it holds (it counts its open file descriptors and
 * handles), and with 5,000 subscribers the bench's scrapes (memory every 500 ms, streaming every
 * 250 ms) were 7% of the gateway's CPU over a run.
 */
const RSS_SAMPLE_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function fail(message: string): never {
  console.error(`fanout: ${message}`);
  process.exit(1);
}
for (const transport of transports) if (!TRANSPORTS.includes(transport)) fail(`unknown transport ${transport} (known: ${TRANSPORTS.join(', ')})`);

const hub = values['gateway-url'] ? undefined : await startHub({ seedCustomers: Math.max(customerCount, 50), env: { SUBSCRIPTIONS_PER_CONNECTION: String(SUBSCRIPTIONS_PER_SOCKET) } });
const gatewayUrl = values['gateway-url'] ?? hub!.gatewayUrl;
if (hub) headers.authorization = `Bearer ${await hub.token('admin')}`;
const post = async (query: string, variables: Record<string, unknown>) =>
  (await (await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) })).json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
const gatewayMetric = async (name: string) => readMetric(await (await fetch(new URL('/metrics', gatewayUrl))).text(), name);

// Customers with an ACTIVE subscription, each with a fresh invoice to pay cents against.
type CustomerPage = { nodes: { id: string; subscriptions: { id: string; status: string }[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
const candidates: CustomerPage['nodes'] = [];
for (let after: string | null = null; candidates.length < customerCount; ) {
  const { data, errors } = await post(`query ($after: String) { customers(first: 100, after: $after) { nodes { id subscriptions { id status } } pageInfo { hasNextPage endCursor } } }`, { after });
  if (!data) fail(`listing customers: ${errors?.[0]?.message}`);
  const page = data.customers as CustomerPage;
  candidates.push(...page.nodes.filter((c) => c.subscriptions.some((s) => s.status === 'ACTIVE')));
  if (!page.pageInfo.hasNextPage) break;
  after = page.pageInfo.endCursor;
}
candidates.splice(customerCount);
if (candidates.length === 0) fail('no customer has an ACTIVE subscription');
const invoices = new Map<string, string>();
for (let i = 0; i < candidates.length; i += 10) {
  await Promise.all(
    candidates.slice(i, i + 10).map(async (customer) => {
      const subscription = customer.subscriptions.find((s) => s.status === 'ACTIVE')!;
      const { data, errors } = await post(`mutation ($s: ID!) { issueInvoice(subscriptionId: $s) { id } }`, { s: subscription.id });
      if (!data?.issueInvoice) fail(`issuing an invoice: ${errors?.[0]?.message}`);
      invoices.set(customer.id, (data.issueInvoice as { id: string }).id);
    }),
  );
}
const customers = [...invoices.keys()];

const SUBSCRIPTION = `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId payment { id amount { amount } } customer { name } } }`;
type PaymentEvent = { data?: { paymentReceived?: { payment: { id: string } } } | null };

/** What a subscriber is told, whatever its transport. */
interface Handlers {
  next(result: PaymentEvent): void;
  error(message: string): void;
}

/** Subscribers over one transport: `add` opens one, `close` ends them all. */
interface Subscribers {
  add(customerId: string, handlers: Handlers): void;
  close(): Promise<void>;
}

const payloadFor = (customerId: string) => ({ query: SUBSCRIPTION, variables: { c: customerId } });
const messageOf = (error: unknown) =>
  // A socket close arrives as a CloseEvent; its code and reason say why (e.g. 4408: init timeout).
  error instanceof Error ? error.message : typeof error === 'object' && error && 'code' in error ? `${(error as CloseEvent).code} ${(error as CloseEvent).reason}` : JSON.stringify(error);

/** graphql-ws: SUBSCRIPTIONS_PER_SOCKET subscriptions on each WebSocket. */
function webSocketSubscribers(): Subscribers {
  const clients: Client[] = [];
  let count = 0;
  return {
    add(customerId, handlers) {
      if (count++ % SUBSCRIPTIONS_PER_SOCKET === 0) clients.push(createWsClient({ url: gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: headers }));
      clients.at(-1)!.subscribe<PaymentEvent['data']>(payloadFor(customerId), { next: (result) => handlers.next(result), error: (error) => handlers.error(messageOf(error)), complete: () => undefined });
    },
    async close() {
      for (const client of clients) await client.dispose();
    },
  };
}

/** graphql-sse in distinct connections mode: a stream (an HTTP connection) per subscription. */
function sseSubscribers(): Subscribers {
  const client = createSseClient({ url: gatewayUrl, singleConnection: false, headers, retryAttempts: 0 });
  return {
    add(customerId, handlers) {
      client.subscribe<PaymentEvent['data']>(payloadFor(customerId), { next: (result) => handlers.next(result), error: (error) => handlers.error(messageOf(error)), complete: () => undefined });
    },
    async close() {
      client.dispose();
    },
  };
}

/** Apollo's HTTP multipart subscriptions: a POST per subscription, its answer read part by part. */
function multipartSubscribers(): Subscribers {
  const controllers: AbortController[] = [];
  return {
    add(customerId, handlers) {
      const controller = new AbortController();
      controllers.push(controller);
      void (async () => {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: MULTIPART_SUBSCRIPTION_ACCEPT, ...headers },
          body: JSON.stringify(payloadFor(customerId)),
          signal: controller.signal,
        });
        if (!response.headers.get('content-type')?.startsWith('multipart/mixed')) return handlers.error(`${response.status}: ${(await response.text()).slice(0, 200)}`);
        await readMultipartSubscription(response.body!, (part) => {
          if (part.payload) handlers.next(part.payload as PaymentEvent);
          else if (part.errors) handlers.error(messageOf(part.errors));
        });
      })().catch((error: Error) => {
        if (error.name !== 'AbortError') handlers.error(error.message);
      });
    },
    async close() {
      for (const controller of controllers) controller.abort();
    },
  };
}

const SUBSCRIBERS: Record<Transport, () => Subscribers> = { 'graphql-ws': webSocketSubscribers, sse: sseSubscribers, multipart: multipartSubscribers };

/** The fan-out over one transport: its subscribers opened, the payments sent, their events tallied, the subscribers closed. */
async function measure(transport: Transport) {
  // The gateway's resident memory, sampled from its /metrics until the end.
  let peakRss = await gatewayMetric('process_resident_memory_bytes');
  const rssSampler = setInterval(() => void gatewayMetric('process_resident_memory_bytes').then((rss) => (peakRss = Math.max(peakRss, rss)), () => undefined), RSS_SAMPLE_MS);

  // Subscribers, each keeping its receipts by payment id.
  const open = SUBSCRIBERS[transport]();
  const alreadyStreaming = await gatewayMetric('gateway_subscriptions_streaming');
  const subscriberCustomer: string[] = [];
  const receipts: Map<string, number>[] = [];
  let duplicates = 0;
  const subscriptionErrors: string[] = [];
  const subscribing = performance.now();
  for (let i = 0; i < subscribers; i++) {
    const customerId = customers[i % customers.length];
    subscriberCustomer.push(customerId);
    const mine = new Map<string, number>();
    receipts.push(mine);
    open.add(customerId, {
      next: ({ data: event }) => {
        const id = event?.paymentReceived?.payment.id;
        if (!id) return;
        if (mine.has(id)) duplicates++;
        else mine.set(id, performance.now());
      },
      error: (message) => subscriptionErrors.push(message),
    });
  }

  // Payments start only once the gateway streams every subscription: before, an event can be missed.
  for (let streaming = 0; streaming < subscribers; streaming = (await gatewayMetric('gateway_subscriptions_streaming')) - alreadyStreaming) {
    if (subscriptionErrors.length > 0) fail(`${transport}: ${subscriptionErrors.length} subscriptions failed, the first: ${subscriptionErrors[0]}`);
    if (performance.now() - subscribing > STREAMING_TIMEOUT_MS) fail(`${transport}: only ${streaming} of ${subscribers} subscriptions streaming after ${STREAMING_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
  const streamingAfterMs = performance.now() - subscribing;

  // Payments at the rate, round-robin over the customers, each on its own schedule (a slow answer
  // does not slow the rate); latency counts from the moment the mutation is sent.
  const sent = new Map<string, { at: number; customerId: string }>();
  const pending: Promise<void>[] = [];
  let paymentErrors = 0;
  /** Payment errors by extensions.code (or the failure's message): what went wrong, not just how often. */
  const paymentErrorCodes: Record<string, number> = {};
  const paymentFailed = (code: string) => {
    paymentErrors++;
    paymentErrorCodes[code] = (paymentErrorCodes[code] ?? 0) + 1;
  };
  const cpuAtStart = await gatewayMetric('process_cpu_seconds_total');
  const started = performance.now();
  for (let n = 0; n < seconds * rate; n++) {
    await sleep(started + (n * 1000) / rate - performance.now());
    const customerId = customers[n % customers.length];
    const at = performance.now();
    pending.push(
      post(`mutation ($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, { i: { invoiceId: invoices.get(customerId), amount: '0.01', method: 'card' } }).then(
        ({ data, errors }) => {
          const payment = data?.recordPayment as { id: string } | undefined;
          if (payment) sent.set(payment.id, { at, customerId });
          else paymentFailed(errors?.[0]?.extensions?.code ?? errors?.[0]?.message ?? 'no data');
        },
        (error: Error) => paymentFailed(error.message),
      ),
    );
  }
  await Promise.all(pending);

  // The events every subscriber of a paid customer should get; wait for them up to the drain.
  const subscribersOf = new Map<string, number[]>();
  for (const [index, customerId] of subscriberCustomer.entries()) subscribersOf.set(customerId, [...(subscribersOf.get(customerId) ?? []), index]);
  const expected = [...sent.values()].reduce((sum, { customerId }) => sum + (subscribersOf.get(customerId)?.length ?? 0), 0);
  /** Receipts of the recorded payments by their customer's subscribers, with latencies; anything else is unexpected. */
  function tally() {
    const latencies: number[] = [];
    let unexpected = 0;
    for (const [index, mine] of receipts.entries()) {
      for (const [id, time] of mine) {
        const payment = sent.get(id);
        if (payment?.customerId === subscriberCustomer[index]) latencies.push(time - payment.at);
        else unexpected++;
      }
    }
    return { latencies, unexpected };
  }
  const drainEnd = performance.now() + DRAIN_MS;
  while (tally().latencies.length < expected && performance.now() < drainEnd) await sleep(250);
  const cpuSeconds = (await gatewayMetric('process_cpu_seconds_total')) - cpuAtStart;
  clearInterval(rssSampler);

  const { latencies, unexpected } = tally();
  const delivered = latencies.length;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? 'n/a';

  // The next transport starts once the gateway has let go of these subscriptions.
  await open.close();
  const closing = performance.now();
  while ((await gatewayMetric('gateway_subscriptions_streaming')) > alreadyStreaming) {
    if (performance.now() - closing > CLOSE_TIMEOUT_MS) fail(`${transport}: the gateway still streams subscriptions ${CLOSE_TIMEOUT_MS / 1000} s after they were closed`);
    await sleep(250);
  }
  return {
    transport,
    subscribers,
    customers: customers.length,
    streamingAfterMs: Math.round(streamingAfterMs),
    payments: sent.size,
    paymentErrors,
    paymentErrorCodes,
    expectedDeliveries: expected,
    delivered,
    lost: expected - delivered,
    duplicates,
    unexpected,
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1)?.toFixed(1) },
    gatewayRssMiB: Math.round(peakRss / 1048576),
    gatewayCpuMsPerPayment: Number(((cpuSeconds * 1000) / (seconds * rate)).toFixed(2)),
  };
}

const results = [];
for (const transport of transports) results.push(await measure(transport));
console.log(JSON.stringify(results, null, 2));
await hub?.close();
