/**
 * The gateway's transports through their public interfaces: subscriptions over Server-Sent
 * Events (graphql-sse's client) and HTTP multipart (Apollo's protocol) receive a payment as
 * graphql-ws does, resume `after` an event and are held to the same limits; persisted documents
 * by id over GET carry Cache-Control; and a refusal has the same code over HTTP, graphql-ws and SSE.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { readMetric } from './metrics.ts';
import { MULTIPART_SUBSCRIPTION_ACCEPT, readMultipartSubscription } from './multipartSubscription.ts';
import { query, webSocketFor, withAuthorization } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { postedDeal } from './deals.ts';
import { waitFor } from './wait.ts';

const PAYMENTS = `subscription ($c: ID, $after: ID) { paymentReceived(customerId: $c, after: $after) { eventId payment { id amount { amount } } customer { name } } }`;

interface Result {
  data?: { paymentReceived?: { eventId: string; payment: { id: string; amount: { amount: string } }; customer: { name: string } } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let hub: TestHub;
let documents: string;
let customerId: string;
let invoiceId: string;
let persistedId: string;

async function streaming(): Promise<number> {
  return readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), 'gateway_subscriptions_streaming');
}

async function pay(amount: string): Promise<string> {
  const { recordPayment } = await query<{ recordPayment: { id: string } }, unknown>(
    hub.gatewayUrl,
    'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
    { input: { invoiceId, amount, method: 'wire' } },
  );
  return recordPayment.id;
}

/** A subscription over one transport: its results as they come, and how to stop it. */
interface Live {
  results: Result[];
  done: Promise<void>;
  stop(): void;
}

function sseSubscribe(payload: Record<string, unknown>, headers?: Record<string, string>): Live {
  const client = createSseClient({ url: hub.gatewayUrl, singleConnection: false, headers: () => withAuthorization(hub.gatewayUrl, headers), retryAttempts: 0 });
  const results: Result[] = [];
  let stop = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    stop = client.subscribe(payload as { query: string }, { next: (result) => results.push(result as Result), error: reject, complete: resolve });
  }).finally(() => client.dispose());
  return { results, done, stop: () => stop() };
}

/** Apollo's multipart subscription protocol, read as its client reads it: parts between `--graphql` delimiters. */
function multipartSubscribe(payload: Record<string, unknown>, headers?: Record<string, string>): Live & { heartbeats: () => number; contentType: Promise<string | null> } {
  const controller = new AbortController();
  const results: Result[] = [];
  let heartbeats = 0;
  let resolveType: (type: string | null) => void = () => undefined;
  const contentType = new Promise<string | null>((resolve) => (resolveType = resolve));
  const done = (async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: withAuthorization(hub.gatewayUrl, { 'content-type': 'application/json', accept: MULTIPART_SUBSCRIPTION_ACCEPT, ...headers }),
      body: JSON.stringify(payload),
      signal: controller.signal,
    });
    resolveType(response.headers.get('content-type'));
    if (!response.headers.get('content-type')?.startsWith('multipart/mixed')) {
      results.push((await response.json()) as Result);
      return;
    }
    await readMultipartSubscription(response.body!, (part) => {
      if (part.payload) results.push(part.payload as Result);
      else if (part.errors) results.push({ errors: part.errors });
      else heartbeats += 1;
    });
  })().catch((error: unknown) => {
    if ((error as Error).name !== 'AbortError') throw error;
  });
  return { results, done, stop: () => controller.abort(), heartbeats: () => heartbeats, contentType };
}

before(async () => {
  documents = mkdtempSync(join(tmpdir(), 'hub-transports-'));
  writeFileSync(join(documents, 'app.graphql'), 'query CustomerTotal { customers(first: 1) { totalCount } }\n');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/documents.ts', join(documents, 'app.graphql')]);
  writeFileSync(join(documents, 'app.json'), stdout);
  persistedId = (JSON.parse(stdout) as { operations: { id: string }[] }).operations[0].id;
  hub = await startHub({ seedCustomers: 2, env: { PERSISTED_DOCUMENTS_DIR: documents, PERSISTED_ONLY_CLIENTS: 'kiosk', MAX_ALIASES: '20' } });
  const url = hub.gatewayUrl;
  ({ customerId, invoiceId } = await postedDeal(url, 'Streams Ltd', { amount: '12000.00', seats: 10 }));
});

after(async () => {
  await hub?.close();
  rmSync(documents, { recursive: true, force: true });
});

for (const [transport, subscribe] of [
  ['SSE', sseSubscribe],
  ['HTTP multipart', multipartSubscribe],
] as const) {
  describe(`subscriptions over ${transport}`, () => {
    test('a payment arrives with every system’s fields; a client resumes after the event it saw', async () => {
      const from = await streaming();
      const live = subscribe({ query: PAYMENTS, variables: { c: customerId } });
      await waitFor('the subscription streaming', async () => ((await streaming()) > from ? true : undefined));
      const first = await pay('3.21');
      const second = await pay('4.32');
      await waitFor('both payments', () => (live.results.length >= 2 ? true : undefined));
      live.stop();
      const [a, b] = live.results;
      assert.equal(a.errors, undefined, JSON.stringify(a));
      assert.deepEqual([a.data?.paymentReceived?.payment.id, b.data?.paymentReceived?.payment.id], [first, second]);
      assert.equal(a.data?.paymentReceived?.payment.amount.amount, '3.21');
      assert.equal(a.data?.paymentReceived?.customer.name, 'Streams Ltd');

      // Resumed after the first: the second is replayed, then live payments follow.
      const resumed = subscribe({ query: PAYMENTS, variables: { c: customerId, after: a.data!.paymentReceived!.eventId } });
      await waitFor('the replayed payment', () => (resumed.results.length >= 1 ? true : undefined));
      assert.equal(resumed.results[0].data?.paymentReceived?.payment.id, second);
      resumed.stop();
      await waitFor('subscriptions ended', async () => ((await streaming()) <= from ? true : undefined));
    });

    test('a subscription over the limits is refused with its code; an unknown field with the validation code', async () => {
      const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: eventId`).join(' ');
      const tooMany = subscribe({ query: `subscription { paymentReceived { ${aliases} } }` });
      await tooMany.done.catch(() => undefined);
      assert.equal(tooMany.results[0]?.errors?.[0].extensions?.code, 'TOO_MANY_ALIASES', JSON.stringify(tooMany.results));
      const unknown = subscribe({ query: 'subscription { paymentReceived { nope } }' });
      await unknown.done.catch(() => undefined);
      assert.equal(unknown.results[0]?.errors?.[0].extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    });

    test('a subscription whose token expires ends with UNAUTHENTICATED naming the expiry', async () => {
      const token = await hub.token('cs', { sub: `expiring-${transport.replace(/\W/g, '-')}@example.com`, ttl: '3s' });
      const from = await streaming();
      const live = subscribe({ query: PAYMENTS, variables: { c: customerId } }, { authorization: `Bearer ${token}` });
      await waitFor('the subscription streaming', async () => ((await streaming()) > from ? true : undefined));
      await live.done.catch(() => undefined);
      const last = live.results.at(-1);
      assert.equal(last?.errors?.[0].extensions?.code, 'UNAUTHENTICATED', JSON.stringify(live.results));
      assert.match(last!.errors![0].message, /the token expired at \d{4}-\d\d-\d\dT[\d:.]+Z; reconnect with a fresh token/);
      await waitFor('the subscription ended', async () => ((await streaming()) <= from ? true : undefined));
    });
  });
}

test('the multipart subscription answer is multipart/mixed with subscriptionSpec and opens with a heartbeat', async () => {
  const live = multipartSubscribe({ query: PAYMENTS, variables: { c: customerId } });
  assert.match((await live.contentType) ?? '', /^multipart\/mixed; boundary="graphql"; subscriptionSpec=1\.0/);
  await waitFor('the first heartbeat', () => (live.heartbeats() > 0 ? true : undefined));
  live.stop();
});

describe('persisted documents by id over GET', () => {
  const get = (search: string) => fetch(`${hub.gatewayUrl}?${search}`, { headers: withAuthorization(hub.gatewayUrl, { 'apollo-require-preflight': 'true' }) });

  test('?documentId= and APQ extensions answer the query, cached privately per caller', async () => {
    for (const search of [`documentId=sha256:${persistedId}`, `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: persistedId } }))}`]) {
      const response = await get(search);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { data: { customers: { totalCount: number } } }).data.customers.totalCount > 0, true);
      assert.equal(response.headers.get('cache-control'), 'private, max-age=60');
      assert.match(response.headers.get('vary') ?? '', /Authorization/i);
    }
  });

  test('an unknown id is PERSISTED_QUERY_NOT_FOUND and not cached; a query sent as text gets no cache header', async () => {
    const missing = await get(`documentId=sha256:${'a'.repeat(64)}`);
    assert.equal(((await missing.json()) as Result).errors?.[0].extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');
    assert.match(missing.headers.get('cache-control') ?? '', /no-cache|no-store/);
    const typed = await get(`query=${encodeURIComponent('{ customers(first: 1) { totalCount } }')}`);
    assert.equal(typed.headers.get('cache-control'), null);
  });

  test('by id over SSE and graphql-ws too', async () => {
    const sse = sseSubscribe({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: persistedId } } });
    await sse.done;
    assert.ok((sse.results[0].data as { customers?: unknown } | undefined)?.customers, JSON.stringify(sse.results));
    const ws = createWsClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(hub.gatewayUrl), retryAttempts: 0 });
    const result = await new Promise<Result>((resolve, reject) => {
      ws.subscribe({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: persistedId } } }, { next: (value) => resolve(value as Result), error: reject, complete: () => undefined });
    });
    await ws.dispose();
    assert.ok((result.data as { customers?: unknown } | undefined)?.customers, JSON.stringify(result));
  });
});

describe('a refusal has the same code on every transport', () => {
  const deep = `{ customers(first: 1) { nodes { ${'invoices { customer { '.repeat(20)} id ${'} } '.repeat(20)} } } }`;
  const costly = '{ customers(first: 100) { nodes { invoices { customer { invoices { customer { invoices { customer { invoices { number lines { description } } } } } } } } } } }';
  const createCustomer = 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
  const cases: { name: string; payload: Record<string, unknown>; role?: string; client?: string; code: string }[] = [
    { name: 'syntax error', payload: { query: '{ customers(' }, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'unknown field', payload: { query: '{ nope }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'bad variable', payload: { query: 'query ($n: Int) { customers(first: $n) { totalCount } }', variables: { n: 'ten' } }, code: 'BAD_USER_INPUT' },
    { name: 'too deep', payload: { query: deep }, code: 'QUERY_TOO_DEEP' },
    { name: 'too costly', payload: { query: costly }, code: 'QUERY_TOO_COSTLY' },
    { name: 'persisted-only client sends text', payload: { query: '{ customers(first: 1) { totalCount } }' }, client: 'kiosk', code: 'PERSISTED_QUERY_NOT_ALLOWED' },
    {
      name: 'mutation the caller may not call',
      payload: { query: createCustomer, variables: { input: { name: 'Nope Ltd', segment: 'SMB', region: 'EMEA', currency: 'EUR' } } },
      role: 'analyst',
      code: 'FORBIDDEN',
    },
  ];

  async function overHttp(payload: Record<string, unknown>, headers: Record<string, string>): Promise<string | undefined> {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: withAuthorization(hub.gatewayUrl, { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }),
      body: JSON.stringify(payload),
    });
    return ((await response.json()) as Result).errors?.[0].extensions?.code;
  }

  async function overSse(payload: Record<string, unknown>, headers: Record<string, string>): Promise<string | undefined> {
    const live = sseSubscribe(payload, headers);
    await live.done.catch(() => undefined);
    return live.results[0]?.errors?.[0].extensions?.code;
  }

  async function overWs(payload: Record<string, unknown>, headers: Record<string, string>): Promise<string | undefined> {
    const client = createWsClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(hub.gatewayUrl, headers), retryAttempts: 0 });
    try {
      return await new Promise<string | undefined>((resolve) => {
        client.subscribe(payload as { query: string }, {
          next: (result) => resolve(result.errors?.[0]?.extensions?.code as string | undefined),
          error: (errors) => resolve((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code),
          complete: () => resolve(undefined),
        });
      });
    } finally {
      await client.dispose();
    }
  }

  for (const { name, payload, role, client, code } of cases) {
    test(name, async () => {
      const headers = { ...(role ? { authorization: `Bearer ${await hub.token(role)}` } : {}), ...(client ? { 'apollographql-client-name': client } : {}) };
      assert.deepEqual(
        { http: await overHttp(payload, headers), sse: await overSse(payload, headers), ws: await overWs(payload, headers) },
        { http: code, sse: code, ws: code },
      );
    });
  }

  test('unauthenticated: UNAUTHENTICATED over HTTP and SSE, the socket closed with 4401', async () => {
    const headers = { authorization: 'Bearer not-a-token' };
    const payload = { query: '{ __typename }' };
    assert.equal(await overHttp(payload, headers), 'UNAUTHENTICATED');
    const response = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(payload) });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as Result).errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    const closed = await new Promise<number>((resolve) => {
      const client = createWsClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(hub.gatewayUrl, headers), retryAttempts: 0, on: { closed: (event) => resolve((event as { code: number }).code) } });
      client.subscribe(payload, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    assert.equal(closed, 4401);
  });
});
