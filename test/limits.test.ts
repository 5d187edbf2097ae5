/**
 * The gateway's limits and access rules, each on a gateway of its own over one hub's subgraphs:
 * the defaults let real operations through (GraphiQL's examples and introspection, a 50-customer
 * page, the benchmark-sized nesting) and refuse costly ones; tighter settings refuse depth,
 * aliases, fields and cost with their codes; the per-client rate limit (shared through Redis
 * when TEST_REDIS_URL is set); the request deadline; trusted documents and APQ; CORS.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { HubConfig } from '../platform/config.ts';
import { DEFAULT_EXAMPLES } from '../gateway/graphiql/index.ts';
import { startService, type RunningService } from '../hub.ts';
import { authorizeByDefault, query, request, webSocketFor, withAuthorization } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

let hub: TestHub;
const gateways: { close(): Promise<void> }[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

before(async () => {
  hub = await startHub({ seedCustomers: 50 });
});

after(async () => {
  for (const gateway of gateways) await gateway.close();
  await hub?.close();
  for (const cleanup of cleanups) await cleanup();
});

/** Another gateway over the hub's subgraphs, with some settings changed; its GraphQL URL. */
async function gateway(change: (config: HubConfig) => HubConfig): Promise<string> {
  const running: RunningService & { close(): Promise<void> } = await startService('gateway', change({ ...hub.config, gatewayPort: 0 }));
  gateways.push(running);
  // It trusts the hub's keys, so the hub's admin token serves it too.
  authorizeByDefault(running.url, () => withAuthorization(hub.gatewayUrl).authorization!);
  return `${running.url}/graphql`;
}

/** The one place raw HTTP requests are made: whatever headers every request needs go here. */
async function raw(url: string, init: RequestInit): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, { ...init, headers: withAuthorization(url, init.headers as Record<string, string> | undefined) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const CUSTOMER_PAGE = `query Page($n: Int) {
  customers(first: $n) {
    totalCount
    nodes {
      id name segment
      contracts { id status value { amount currency } }
      subscriptions { id status planCode seats }
      invoices(first: 3) { number status amountDue { amount } posting { status } }
      health { score grade }
    }
  }
}`;

describe('default limits', () => {
  test("GraphiQL's example tabs and its introspection query run", async () => {
    for (const example of DEFAULT_EXAMPLES) {
      const response = await request(hub.gatewayUrl, example.query, example.variables ? JSON.parse(example.variables) : undefined);
      assert.equal(response.errors, undefined, `${example.name}: ${JSON.stringify(response.errors)}`);
    }
    const introspection = await request(hub.gatewayUrl, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    assert.equal(introspection.errors, undefined, JSON.stringify(introspection.errors));
  });

  test('a 50-customer page with contracts, subscriptions, 3 invoices, posting and health runs', async () => {
    const data = await query<{ customers: { nodes: unknown[] } }, { n: number }>(hub.gatewayUrl, CUSTOMER_PAGE, { n: 50 });
    assert.equal(data.customers.nodes.length, 50);
  });

  test('nested unbounded lists under a large page are QUERY_TOO_COSTLY, with the estimate', async () => {
    const costly = `{ customers(first: 100) { nodes { invoices { customer { invoices { customer { invoices { customer { invoices { number lines { description } } } } } } } } } } }`;
    const response = await request(hub.gatewayUrl, costly);
    assert.equal(response.status, 400);
    assert.equal(response.errors?.[0].extensions?.code, 'QUERY_TOO_COSTLY');
    assert.ok((response.errors?.[0].extensions?.cost as number) > (response.errors?.[0].extensions?.limit as number));
  });
});

describe('tighter limits', () => {
  let url: string;
  before(async () => {
    url = await gateway((config) => ({ ...config, limits: { ...config.limits, depth: 3, aliases: 2, fields: 12, cost: 60, listSize: 10 } }));
  });

  const code = async (document: string, variables?: Record<string, unknown>) => (await request(url, document, variables)).errors?.[0].extensions?.code;

  test('depth: three levels pass, four are QUERY_TOO_DEEP, fragments counted where spread', async () => {
    assert.equal(await code('{ customers(first: 1) { nodes { id } } }'), undefined);
    assert.equal(await code('{ customers(first: 1) { nodes { health { score } } } }'), 'QUERY_TOO_DEEP');
    assert.equal(await code('query { customers(first: 1) { ...Page } } fragment Page on CustomerConnection { nodes { health { score } } }'), 'QUERY_TOO_DEEP');
  });

  test('aliases: two pass, three are TOO_MANY_ALIASES', async () => {
    assert.equal(await code('{ a: __typename b: __typename }'), undefined);
    assert.equal(await code('{ a: __typename b: __typename c: __typename }'), 'TOO_MANY_ALIASES');
  });

  test('fields: a fragment counts wherever it is spread', async () => {
    const fragments = 'fragment F on CustomerConnection { totalCount nodes { ...N } } fragment N on Customer { id name segment region currency }';
    assert.equal(await code(`query { customers(first: 1) { ...F } } ${fragments}`), undefined);
    assert.equal(await code(`query { customers(first: 1) { ...F nodes { ...N } } } ${fragments}`), 'TOO_MANY_FIELDS');
  });

  test('cost counts `first`, from a literal or a variable, and a default size for unbounded lists', async () => {
    const page = 'query ($n: Int) { customers(first: $n) { nodes { id name } } }';
    assert.equal(await code(page, { n: 5 }), undefined);
    const refused = await request(url, page, { n: 50 });
    assert.equal(refused.errors?.[0].extensions?.code, 'QUERY_TOO_COSTLY');
    // 50 customers, each counted with its `nodes` entry, `id` and `name`.
    assert.equal(refused.errors?.[0].extensions?.cost, 50 * (1 + 3));
    // An unbounded list counts as 10: 1 + 10 contracts × (1 + 4 fields) = 51; with a fifth field, 61.
    assert.equal(await code('{ customer(id: "cus_000001") { contracts { id number status seats } } }'), undefined);
    assert.equal(await code('{ customer(id: "cus_000001") { contracts { id number status seats startDate } } }'), 'QUERY_TOO_COSTLY');
  });
});

describe('rate limit', () => {
  const PER_MINUTE = 5;
  let urls: string[];
  before(async () => {
    const limited = (config: HubConfig): HubConfig => ({ ...config, limits: { ...config.limits, ratePerMinute: PER_MINUTE } });
    // With Redis (TEST_REDIS_URL), two replicas share one budget per client.
    urls = hub.config.events.redisUrl ? [await gateway(limited), await gateway(limited)] : [await gateway(limited)];
    // The budget is per minute: keep the requests of this test inside one minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
  });

  test(`a client gets ${PER_MINUTE} requests a minute, then 429 RATE_LIMITED with Retry-After, whichever of its tokens it sends; other clients are not affected`, async () => {
    const tokens = {
      'client-a': `Bearer ${await hub.token('admin', { sub: 'client-a' })}`,
      // The same caller with another token (another lifetime, so other bytes): the same budget.
      'client-a-again': `Bearer ${await hub.token('analyst', { sub: 'client-a', ttl: '1h' })}`,
      'client-b': `Bearer ${await hub.token('admin', { sub: 'client-b' })}`,
    };
    const as = (client: keyof typeof tokens, url: string) =>
      raw(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: tokens[client] }, body: '{"query":"{ __typename }"}' });
    for (let i = 0; i < PER_MINUTE; i++) assert.equal((await as('client-a', urls[i % urls.length])).status, 200);
    for (const url of urls) {
      const refused = await as('client-a', url);
      assert.equal(refused.status, 429);
      assert.equal((refused.body.errors as { extensions: { code: string } }[])[0].extensions.code, 'RATE_LIMITED');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    }
    assert.equal((await as('client-a-again', urls[0])).status, 429);
    assert.equal((await as('client-b', urls[0])).status, 200);
    // A WebSocket connection counts too: over budget, the upgrade is refused.
    const upgrade = await new Promise<number | undefined>((resolve) => {
      const socket = new WebSocket(urls[0].replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { authorization: tokens['client-a'] } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('open', () => resolve(undefined));
      socket.on('error', () => undefined);
    });
    assert.equal(upgrade, 429);
  });
});

describe('request timeout', () => {
  test('an operation past REQUEST_TIMEOUT_MS is REQUEST_TIMEOUT (504), and the gateway keeps serving', async () => {
    const url = await gateway((config) => ({ ...config, limits: { ...config.limits, requestTimeoutMs: 1 } }));
    const response = await request(url, CUSTOMER_PAGE, { n: 50 });
    assert.equal(response.status, 504);
    assert.equal(response.errors?.[0].extensions?.code, 'REQUEST_TIMEOUT');
    assert.deepEqual((await request(url, '{ __typename }')).data, { __typename: 'Query' });
  });
});

describe('trusted documents', () => {
  let url: string;
  let manifest: { operations: { id: string; name: string; body: string }[] };
  const persisted = (body: Record<string, unknown>, client?: string) =>
    raw(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(client ? { 'apollographql-client-name': client } : {}) },
      body: JSON.stringify(body),
    });
  const errorCode = (body: Record<string, unknown>) => (body.errors as { extensions: { code: string } }[] | undefined)?.[0].extensions.code;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-documents-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'app.graphql'), 'query CustomerCount { customers(first: 1) { ...Total } }\nfragment Total on CustomerConnection { totalCount }\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/documents.ts', join(dir, 'app.graphql')]);
    writeFileSync(join(dir, 'app.json'), stdout);
    manifest = JSON.parse(stdout) as typeof manifest;
    url = await gateway((config) => ({ ...config, access: { ...config.access, persistedDocumentsDir: dir, persistedOnlyClients: ['mobile'] } }));
  });

  test('`npm run documents` writes a manifest a gateway serves by id, as documentId or persistedQuery', async () => {
    const [operation] = manifest.operations;
    assert.equal(operation.name, 'CustomerCount');
    const byDocumentId = await persisted({ documentId: `sha256:${operation.id}` });
    assert.deepEqual(byDocumentId.body.data, { customers: { totalCount: 50 } });
    const byExtension = await persisted({ extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } } });
    assert.deepEqual(byExtension.body.data, { customers: { totalCount: 50 } });
  });

  test('a persisted-only client may send manifest operations and nothing else', async () => {
    const [operation] = manifest.operations;
    assert.deepEqual((await persisted({ documentId: `sha256:${operation.id}` }, 'mobile')).body.data, { customers: { totalCount: 50 } });
    const typed = await persisted({ query: '{ customers(first: 1) { totalCount } }' }, 'mobile');
    assert.equal(typed.status, 403);
    assert.equal(errorCode(typed.body), 'PERSISTED_QUERY_NOT_ALLOWED');
    assert.equal(typed.body.data, undefined);
  });

  test('over WebSocket too, a persisted-only client may send manifest operations only', async () => {
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(url), retryAttempts: 0, connectionParams: { 'apollographql-client-name': 'mobile' } });
    try {
      const run = async (text: string): Promise<{ data?: unknown; errors?: readonly { extensions?: { code?: unknown } }[] } | undefined> => {
        try {
          for await (const result of client.iterate({ query: text })) return result;
        } catch (errors) {
          return { errors: errors as { extensions?: { code?: unknown } }[] };
        }
      };
      assert.deepEqual((await run(manifest.operations[0].body))?.data, { customers: { totalCount: 50 } });
      assert.equal((await run('{ customers(first: 1) { totalCount } }'))?.errors?.[0].extensions?.code, 'PERSISTED_QUERY_NOT_ALLOWED');
    } finally {
      await client.dispose();
    }
  });

  test('automatic persisted queries: an unknown hash is PERSISTED_QUERY_NOT_FOUND until the client registers it', async () => {
    const text = '{ customers(first: 2) { nodes { id } } }';
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(text).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    assert.equal(errorCode((await persisted({ extensions })).body), 'PERSISTED_QUERY_NOT_FOUND');
    assert.equal(errorCode((await persisted({ query: text, extensions }, 'mobile')).body), 'PERSISTED_QUERY_NOT_ALLOWED');
    assert.equal((await persisted({ query: text, extensions })).status, 200);
    const hit = await persisted({ extensions });
    assert.equal((hit.body.data as { customers: { nodes: unknown[] } }).customers.nodes.length, 2);
    assert.equal(errorCode((await persisted({ extensions }, 'mobile')).body), 'PERSISTED_QUERY_NOT_ALLOWED');
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  test('no CORS_ORIGINS: no cross-origin access', async () => {
    const response = await preflight(hub.gatewayUrl, 'https://app.example.com');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('CORS_ORIGINS lets the listed origins in and no others', async () => {
    const url = await gateway((config) => ({ ...config, access: { ...config.access, corsOrigins: ['https://app.example.com'] } }));
    const allowed = await preflight(url, 'https://app.example.com');
    assert.ok(allowed.status < 300);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    const refused = await preflight(url, 'https://evil.example.com');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const post = await raw(url, { method: 'POST', headers: { origin: 'https://app.example.com', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    assert.equal(post.headers.get('access-control-allow-origin'), 'https://app.example.com');
  });
});
