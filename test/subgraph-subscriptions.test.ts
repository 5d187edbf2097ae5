/**
 * Subscription fields straight from the subgraphs over graphql-ws (no gateway): live events in
 * order, a resume with `after` that replays exactly what was missed and then goes live, filters
 * applied before anything is sent, and an unknown `after` refused with BAD_USER_INPUT. Then the
 * stream's live tail under them (`liveEvents`), on the in-process stream or on TEST_REDIS_URL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { makeCaller } from '../platform/auth/caller.ts';
import { gatewaySigningKey } from '../platform/auth/keys.ts';
import { SCOPES } from '../platform/auth/roles.ts';
import { SubgraphTokenSigner } from '../platform/auth/subgraphTokens.ts';
import type { SystemName } from '../platform/config.ts';
import { UpstreamSubscription } from '../gateway/subscriptions/upstreamSubscription.ts';
import { comparePositions, liveEvents, type BusinessEvent, type Delivery, type EventStream } from '../platform/events/index.ts';
import { MemoryEventStream } from '../platform/events/memory-stream.ts';
import { RedisEventStream } from '../platform/events/redis-stream.ts';
import { Decimal } from '../platform/money.ts';
import { createLogger } from '../platform/logger.ts';
import { graphql } from './generated/index.ts';
import { query, request, webSocketFor } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { issueInvoice, recordPayment } from './mutations.ts';

const SetRenewalRisk = graphql(/* GraphQL */ `
  mutation SubscriptionsSetRenewalRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: "test") { id risk } }
`);

const InvoiceDue = graphql(/* GraphQL */ `
  query SubscriptionsInvoiceDue($id: ID!) { invoice(id: $id) { amountDue { amount } } }
`);

const PaymentReceived = graphql(/* GraphQL */ `
  subscription SubscriptionsPaymentReceived($customerId: ID, $after: ID) {
    paymentReceived(customerId: $customerId, after: $after) { eventId occurredAt correlationId payment { id } invoice { id } customer { id } }
  }
`);

const InvoiceStatusChanged = graphql(/* GraphQL */ `
  subscription SubscriptionsInvoiceStatusChanged($customerId: ID, $after: ID) {
    invoiceStatusChanged(customerId: $customerId, after: $after) { eventId invoice { id status } previousStatus status }
  }
`);

const BusinessEvents = graphql(/* GraphQL */ `
  subscription SubscriptionsBusinessEvents($types: [String!], $customerId: ID) {
    businessEvents(types: $types, customerId: $customerId) { id type customer { id } data }
  }
`);

const RenewalRiskChanged = graphql(/* GraphQL */ `
  subscription SubscriptionsRenewalRiskChanged($customerId: ID) {
    renewalRiskChanged(customerId: $customerId) { eventId renewal { id risk } previousRisk risk customer { id } }
  }
`);

const EventLog = graphql(/* GraphQL */ `
  query SubscriptionsEventLog($types: [String!], $customerId: ID) { events(first: 200, types: $types, customerId: $customerId) { id type } }
`);

type Data = Record<string, unknown>;

/** One subscription's results as they arrive, and how it ended. */
class Received<T extends Data> {
  readonly results: FormattedExecutionResult<T, unknown>[] = [];
  errors: readonly GraphQLFormattedError[] | undefined;
  completed = false;
  private changed: () => void = () => undefined;

  push(result: FormattedExecutionResult<T, unknown>) {
    this.results.push(result);
    this.changed();
  }

  end(errors?: readonly GraphQLFormattedError[]) {
    this.errors = errors;
    this.completed = true;
    this.changed();
  }

  /** The data of the first `count` results, once they are all there. */
  async take(count: number, ms = 15_000): Promise<T[]> {
    const deadline = Date.now() + ms;
    while (this.results.length < count) {
      if (this.completed) throw new Error(`ended after ${this.results.length} of ${count} results: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out with ${this.results.length} of ${count} results`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.changed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.results.slice(0, count).map((result) => {
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      return result.data as T;
    });
  }

  async ended(ms = 15_000): Promise<readonly GraphQLFormattedError[] | undefined> {
    const deadline = Date.now() + ms;
    while (!this.completed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(this.completed, 'the subscription ended');
    return this.errors;
  }
}

let hub: TestHub;
const clients: Client[] = [];

/** A graphql-ws client straight to one subgraph, at its own /graphql. */
function connect(system: SystemName): Client {
  const client = createClient({
    url: `${hub.subgraphs[system].url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: webSocketFor(hub.subgraphs[system].url),
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

function subscribe<T extends Data>(client: Client, document: DocumentNode, variables: Record<string, unknown>): Received<T> {
  const received = new Received<T>();
  client.subscribe<T>(
    { query: print(document), variables },
    {
      next: (result) => received.push(result),
      error: (error) => received.end(Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }]),
      complete: () => received.end(),
    },
  );
  return received;
}

/**
 * A live-only subscription starts when the subgraph has handled the subscribe message, which a
 * client is not told of: give it that moment before causing events.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

async function pay(invoiceId: string, amount = '1.00'): Promise<string> {
  return (await recordPayment(hub.gatewayUrl, { invoiceId, amount, method: 'wire' })).id;
}

let customerA: string;
let customerB: string;
let invoiceId: string;
let amountDue: Decimal;

before(async () => {
  hub = await startHub({ seedCustomers: 8 });
  const [subscription] = await hub.dbs.billing.query<{ id: string; customer_id: string }>(
    `SELECT id, customer_id FROM subscriptions WHERE status <> 'CANCELED' ORDER BY id LIMIT 1`,
  );
  assert.ok(subscription, 'a seeded subscription that can be invoiced');
  customerA = subscription.customer_id;
  const [other] = await hub.dbs.crm.query<{ id: string }>('SELECT id FROM customers WHERE id <> $1 ORDER BY id LIMIT 1', [customerA]);
  customerB = other.id;
  const invoice = await issueInvoice(hub.gatewayUrl, subscription.id);
  invoiceId = invoice.id;
  amountDue = new Decimal(invoice.amountDue.amount);
  assert.ok(amountDue.greaterThan(10), 'room for several small payments');
});

after(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await hub?.close();
});

type PaymentEvent = { paymentReceived: { eventId: string; occurredAt: string; correlationId: string | null; payment: { id: string }; invoice: { id: string }; customer: { id: string } } };
type OpsEvent = { businessEvents: { id: string; type: string; customer: { id: string } | null; data: { id: string } } };

describe('subscriptions served by the subgraphs', () => {
  test('payments arrive live in order, a resume with after replays exactly what was missed, filters hold', async () => {
    const billing = connect('billing');
    const ops = connect('ops');
    const payments = subscribe<PaymentEvent>(billing, PaymentReceived, { customerId: customerA });
    const otherCustomer = subscribe<PaymentEvent>(billing, PaymentReceived, { customerId: customerB });
    const logged = subscribe<OpsEvent>(ops, BusinessEvents, { types: ['payment.received'] });
    await settle();

    const first = [await pay(invoiceId), await pay(invoiceId)];
    const live = await payments.take(2);
    assert.deepEqual(
      live.map(({ paymentReceived: event }) => [event.payment.id, event.invoice.id, event.customer.id]),
      first.map((id) => [id, invoiceId, customerA]),
    );
    for (const { paymentReceived: event } of live) {
      assert.match(event.eventId, /^evt_/);
      assert.ok(!Number.isNaN(Date.parse(event.occurredAt)), 'occurredAt is an instant');
    }
    const opsEvents = await logged.take(2);
    assert.deepEqual(
      opsEvents.map(({ businessEvents: event }) => [event.id, event.type, event.customer?.id, event.data.id]),
      live.map(({ paymentReceived: event }) => [event.eventId, 'payment.received', customerA, event.payment.id]),
      'ops sees the same events under the same ids',
    );

    // Disconnect, miss two payments, and resume after the last event received.
    await billing.dispose();
    const missed = [await pay(invoiceId), await pay(invoiceId)];
    const resumed = subscribe<PaymentEvent>(connect('billing'), PaymentReceived, { customerId: customerA, after: live[1].paymentReceived.eventId });
    const replayed = await resumed.take(2);
    assert.deepEqual(
      replayed.map(({ paymentReceived: event }) => event.payment.id),
      missed,
      'exactly the two missed payments, in order',
    );
    const next = await pay(invoiceId);
    const [, , then] = await resumed.take(3);
    assert.equal(then.paymentReceived.payment.id, next, 'then the live one');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(resumed.results.length, 3, 'nothing twice at the seam');

    assert.equal((await logged.take(5)).length, 5, 'ops saw every payment');
    assert.equal(otherCustomer.results.length, 0, 'a subscription for another customer receives nothing');
  });

  test('businessEvents serves what the event log records: a malformed event reaches neither, a valid one both', async () => {
    const logged = subscribe<OpsEvent>(connect('ops'), BusinessEvents, { types: ['health.changed'], customerId: customerB });
    await settle();
    const healthChanged = (score: unknown) => ({
      id: `evt_${randomUUID()}`,
      type: 'health.changed',
      version: 1,
      source: 'customer-success' as const,
      subject: `Customer:${customerB}`,
      time: new Date().toISOString(),
      correlationId: null,
      causationId: null,
      customerId: customerB,
      data: { customerId: customerB, factor: 'usage', score, factorScore: 80 },
    });
    const malformed = healthChanged('high');
    const valid = healthChanged(71);
    await hub.stream.publish([malformed, valid]);

    const [{ businessEvents: served }] = await logged.take(1);
    assert.equal(served.id, valid.id, 'the subscription skips the malformed event');
    const deadline = Date.now() + 15_000;
    let log: string[] = [];
    while (!log.includes(valid.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      log = (await query(hub.gatewayUrl, EventLog, { types: ['health.changed'], customerId: customerB })).events.map((event) => event.id);
    }
    assert.ok(log.includes(valid.id), 'the log records the valid event');
    assert.ok(!log.includes(malformed.id), 'the log does not record the malformed one');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(logged.results.length, 1, 'nothing else was served');
  });

  test('an invoice paid in full changes status from OPEN to PAID, replayed from after and then live', async () => {
    const billing = connect('billing');
    const ops = connect('ops');
    const logged = subscribe<OpsEvent>(ops, BusinessEvents, { types: ['payment.received'], customerId: customerA });
    await settle();
    const firstPayment = await pay(invoiceId);
    const [{ businessEvents: paid }] = await logged.take(1);
    assert.equal(paid.data.id, firstPayment);
    // After the payment's event: the issue of the invoice lies before it, so nothing is replayed.
    const changes = subscribe<{ invoiceStatusChanged: { invoice: { id: string; status: string }; previousStatus: string | null; status: string } }>(
      billing,
      InvoiceStatusChanged,
      { customerId: customerA, after: paid.id },
    );
    const { invoice } = await query(hub.gatewayUrl, InvoiceDue, { id: invoiceId });
    await pay(invoiceId, invoice!.amountDue.amount);
    const [{ invoiceStatusChanged: change }] = await changes.take(1);
    assert.deepEqual([change.invoice.id, change.previousStatus, change.status, change.invoice.status], [invoiceId, 'OPEN', 'PAID', 'PAID']);
  });

  test('customer success serves renewal risk changes on its own port', async () => {
    const [renewal] = await hub.dbs['customer-success'].query<{ id: string; customer_id: string; risk: string }>(
      'SELECT id, customer_id, risk FROM renewals ORDER BY id LIMIT 1',
    );
    assert.ok(renewal, 'a seeded renewal');
    const risks = subscribe<{ renewalRiskChanged: { renewal: { id: string; risk: string }; previousRisk: string | null; risk: string; customer: { id: string } } }>(
      connect('customer-success'),
      RenewalRiskChanged,
      { customerId: renewal.customer_id },
    );
    await settle();
    const risk = renewal.risk === 'HIGH' ? 'LOW' : 'HIGH';
    await query(hub.gatewayUrl, SetRenewalRisk, { id: renewal.id, risk });
    const [{ renewalRiskChanged: change }] = await risks.take(1);
    assert.deepEqual(
      [change.renewal.id, change.previousRisk, change.risk, change.renewal.risk, change.customer.id],
      [renewal.id, renewal.risk, risk, risk, renewal.customer_id],
    );
  });

  test('an unknown after is refused with BAD_USER_INPUT naming it', async () => {
    const refused = subscribe<PaymentEvent>(connect('billing'), PaymentReceived, { after: 'evt_unknown' });
    const errors = await refused.ended();
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(errors?.[0]?.extensions?.field, 'after');
  });

  test('a NUL character or a lone surrogate in an argument is refused with BAD_USER_INPUT naming it', async () => {
    for (const customerId of ['cus_\u0000', 'cus_\ud800']) {
      const errors = await subscribe<PaymentEvent>(connect('billing'), PaymentReceived, { customerId }).ended();
      assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(errors?.[0]?.extensions?.field, 'customerId');
    }
  });

  test('an event type the catalogue does not know is refused with BAD_USER_INPUT, by businessEvents and the event log alike', async () => {
    const refused = subscribe<OpsEvent>(connect('ops'), BusinessEvents, { types: ['payment.teleported'] });
    // Refused at subscribe: one result carrying the error, then the end.
    await refused.ended();
    const errors = refused.results[0]?.errors;
    assert.equal(refused.results.length, 1);
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(errors?.[0]?.extensions?.field, 'types');
    const log = await request(hub.gatewayUrl, EventLog, { types: ['payment.teleported'] });
    assert.equal(log.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(log.errors?.[0]?.extensions?.field, 'types');
  });
});

describe('the live tail of the event stream', () => {
  let stream: EventStream;
  let sequence = 0;
  const type = `test.live.${process.pid}`;
  const events = (count: number): BusinessEvent[] =>
    Array.from({ length: count }, () => ({
      id: `evt_live_${process.pid}_${++sequence}`,
      type,
      source: 'ops',
      subject: 'Test:1',
      time: new Date().toISOString(),
      correlationId: null,
      causationId: null,
      customerId: sequence % 2 === 0 ? 'even' : 'odd',
      data: {},
    }));
  const ids = (deliveries: (Delivery | BusinessEvent)[]) => deliveries.map((item) => ('event' in item ? item.event.id : item.id));

  before(async () => {
    const redisUrl = process.env.TEST_REDIS_URL;
    const settings = { redisUrl: redisUrl ?? '', redisConnectTimeoutMs: 2000, redisCommandTimeoutMs: 1000 };
    stream = redisUrl ? new RedisEventStream(settings, `hubtest-live-${process.pid}`, 86_400_000, createLogger({ logLevel: 'silent' }, 'test')) : new MemoryEventStream(86_400_000);
    // Redis refuses commands until connected.
    for (let tries = 0; ; tries++) {
      try {
        await stream.positionOf('evt_none');
        break;
      } catch (error) {
        if (tries > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });

  after(async () => {
    await stream?.close();
    if (process.env.TEST_REDIS_URL) {
      const { Redis } = await import('ioredis');
      const redis = new Redis(process.env.TEST_REDIS_URL);
      await redis.del(`hubtest-live-${process.pid}:events`, `hubtest-live-${process.pid}:events:index`);
      redis.disconnect();
    }
  });

  test('positions compare in stream order, in process and on Redis', () => {
    assert.ok(comparePositions('9', '10') < 0);
    assert.ok(comparePositions('1700000000000-9', '1700000000000-10') < 0);
    assert.ok(comparePositions('1700000000001-0', '1700000000000-99') > 0);
    assert.equal(comparePositions('1700000000000-3', '1700000000000-3'), 0);
  });

  test('a replay that meets live events gives each once, in order, filtered', async () => {
    const before = events(6);
    await stream.publish(before);
    const odd = (event: BusinessEvent) => event.type === type && event.customerId === 'odd';
    const iterator = liveEvents(stream, { after: before[0].id, filter: odd });
    const first = await iterator.next();
    const during = events(4);
    await stream.publish(during.slice(0, 2));
    await stream.publish(during.slice(2));
    const received = [first.value as Delivery];
    while (received.length < 4) received.push((await iterator.next()).value as Delivery);
    await iterator.return?.();
    assert.deepEqual(ids(received), ids([...before.slice(1), ...during].filter(odd)));
  });

  test('a subscriber that stops reading is ended with where to resume, and resuming there loses nothing', async () => {
    const iterator = liveEvents(stream, { filter: (event) => event.type === type, maxBuffered: 3 });
    const pending = iterator.next();
    const [given, ...rest] = events(6);
    await stream.publish([given]);
    assert.equal((await pending).value?.event.id, given.id);
    await stream.publish(rest);
    await assert.rejects(iterator.next(), (error: { extensions: { code: string; resumeAfter: string } }) => {
      assert.equal(error.extensions.code, 'SUBSCRIPTION_OVERFLOW');
      assert.equal(error.extensions.resumeAfter, given.id);
      return true;
    });
    const resumed = liveEvents(stream, { after: given.id, filter: (event) => event.type === type });
    const replayed: Delivery[] = [];
    while (replayed.length < rest.length) replayed.push((await resumed.next()).value as Delivery);
    await resumed.return?.();
    assert.deepEqual(ids(replayed), ids(rest));
  });

  test('return() ends a subscriber waiting for events at once', async () => {
    const iterator = liveEvents(stream, { filter: () => true });
    const pending = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await iterator.return?.();
    assert.deepEqual(await pending, { done: true, value: undefined });
  });
});

describe('the gateway token on a subgraph connection', () => {
  const caller = makeCaller('test:renewal', 'admin', [...SCOPES]);
  const wsUrl = () => `${hub.subgraphs.billing.url.replace(/^http/, 'ws')}/graphql`;
  const PAYMENTS = 'subscription ($after: ID) { paymentReceived(after: $after) { eventId payment { id } } }';

  test('a subgraph closes a connection with 4403 naming the expiry when the gateway token on it expires', async () => {
    const token = new SubgraphTokenSigner(gatewaySigningKey(hub.config), 2).token(caller, 'billing');
    const client = createClient({ url: wsUrl(), webSocketImpl: webSocketFor(hub.subgraphs.billing.url, { authorization: `Bearer ${token}` }), retryAttempts: 0 });
    clients.push(client);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on('closed', (event) => resolve(event as { code: number; reason: string })));
    client.subscribe({ query: PAYMENTS }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    const { code, reason } = await closed;
    assert.equal(code, 4403);
    assert.match(reason, /^Forbidden: the token expired at /);
  });

  test("the gateway's upstream renews its token before the subgraph closes the connection: no reconnect, no event lost or repeated", async () => {
    // Tokens of 6 s: each connection is replaced after 4.5 s, before the subgraph would close it at 6.
    const signer = new SubgraphTokenSigner(gatewaySigningKey(hub.config), 6);
    const received: string[] = [];
    let reconnects = 0;
    const upstream = new UpstreamSubscription({
      url: wsUrl(),
      subgraph: 'billing',
      query: PAYMENTS,
      variables: {},
      resumeQuery: PAYMENTS,
      afterVariable: 'after',
      cursorOf: (result) => (result.data?.paymentReceived as { eventId: string } | undefined)?.eventId,
      headers: () => ({ authorization: `Bearer ${signer.token(caller, 'billing')}` }),
      extensions: {},
      log: createLogger(hub.config, 'test'),
      onEvent: (result) => {
        received.push((result.data!.paymentReceived as { payment: { id: string } }).payment.id);
        return true;
      },
      onError: (errors) => assert.fail(JSON.stringify(errors)),
      onReconnect: () => (reconnects += 1),
    });
    // An invoice of its own: the tests above paid theirs in full.
    const [subscription] = await hub.dbs.billing.query<{ id: string }>(`SELECT id FROM subscriptions WHERE status <> 'CANCELED' ORDER BY id LIMIT 1`);
    const invoice = await issueInvoice(hub.gatewayUrl, subscription.id);
    upstream.start();
    try {
      await settle();
      const paid: string[] = [];
      // Payments before, across and after two renewals (at about 4.5 s and 9 s).
      for (const wait of [0, 3500, 2500, 4000]) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        paid.push(await pay(invoice.id, '0.01'));
      }
      const deadline = Date.now() + 10_000;
      while (received.length < paid.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(received, paid);
      assert.equal(reconnects, 0, 'renewed before expiry, never dropped');
    } finally {
      upstream.close();
    }
  });
});
