/**
 * Abusive and malformed input to the gateway, over HTTP and WebSocket: every request gets a
 * clear refusal (a 4xx with a GraphQL-shaped body, a GraphQL error with a code, or a WebSocket
 * close code), never a 500 or a hang, and after each one a normal query still answers.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { query, withAuthorization } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

let hub: TestHub;

before(async () => {
  hub = await startHub({ seedCustomers: 2, env: { WS_CONNECTION_INIT_TIMEOUT_MS: '300' } });
});

after(async () => {
  await hub?.close();
});

// The gateway is still up and answers a normal query right after every abusive request.
afterEach(async () => {
  const data = await query<{ customers: { nodes: { id: string }[] } }, unknown>(hub.gatewayUrl, '{ customers(first: 1) { nodes { id } } }');
  assert.equal(data.customers.nodes.length, 1);
});

interface Refusal {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };
}

/** The one place raw HTTP requests are made: whatever headers every request needs go here. */
async function raw(init: RequestInit & { search?: string }): Promise<Refusal> {
  const headers = withAuthorization(hub.gatewayUrl, init.headers as Record<string, string> | undefined);
  const response = await fetch(`${hub.gatewayUrl}${init.search ?? ''}`, { method: 'POST', ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Refusal['body'] };
}

const JSON_REQUEST = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

function post(body: unknown, headers: Record<string, string> = JSON_REQUEST): Promise<Refusal> {
  return raw({ headers, body: typeof body === 'string' || body instanceof Buffer ? (body as BodyInit) : JSON.stringify(body) });
}

/** Asserts a refusal: the status and the first error's code, and no internals in the message. */
function assertRefused(response: Refusal, status: number, code: string): void {
  assert.equal(response.status, status, JSON.stringify(response.body));
  const error = response.body.errors?.[0];
  assert.equal(error?.extensions?.code, code, JSON.stringify(response.body));
  assert.doesNotMatch(error!.message, /\bat .*\.(ts|js):\d+|SELECT |127\.0\.0\.1|localhost/);
  assert.equal(response.body.data ?? undefined, undefined);
}

describe('HTTP', () => {
  test('malformed JSON is a 400 BAD_REQUEST', async () => {
    assertRefused(await post('{"query": '), 400, 'BAD_REQUEST');
  });

  test('an empty body and a body without a query are 400 BAD_REQUEST', async () => {
    assertRefused(await post(''), 400, 'BAD_REQUEST');
    assertRefused(await post({}), 400, 'BAD_REQUEST');
    assertRefused(await post({ query: 42 }), 400, 'BAD_REQUEST');
  });

  test('a batch (array) is refused: batching is off', async () => {
    assertRefused(await post([{ query: '{ __typename }' }]), 400, 'BAD_REQUEST');
  });

  test('unsupported content types are 415', async () => {
    assertRefused(await post('<query/>', { 'content-type': 'application/xml' }), 415, 'BAD_REQUEST');
    assertRefused(await post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'BAD_REQUEST');
  });

  test('a text/plain POST (a CSRF simple request) is refused', async () => {
    const response = await post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' });
    assertRefused(response, 400, 'BAD_REQUEST');
    assert.match(response.body.errors![0].message, /Cross-Site Request Forgery/);
  });

  test('variables that are not an object are 400 BAD_REQUEST', async () => {
    assertRefused(await post({ query: 'query ($id: ID!) { customer(id: $id) { id } }', variables: '{"id":"x"}' }), 400, 'BAD_REQUEST');
  });

  test('missing and invalid variables are BAD_USER_INPUT', async () => {
    assertRefused(await post({ query: 'query ($id: ID!) { customer(id: $id) { id } }' }), 400, 'BAD_USER_INPUT');
    assertRefused(await post({ query: 'query ($n: Int) { customers(first: $n) { totalCount } }', variables: { n: 'ten' } }), 400, 'BAD_USER_INPUT');
  });

  test('huge numbers are refused as literals and as variables', async () => {
    assertRefused(await post({ query: '{ customers(first: 99999999999999999999999) { totalCount } }' }), 400, 'GRAPHQL_VALIDATION_FAILED');
    const infinite = '{"query":"query ($n: Int) { customers(first: $n) { totalCount } }","variables":{"n":1e400}}';
    assertRefused(await post(infinite), 400, 'BAD_USER_INPUT');
  });

  test('a huge string argument is answered, not crashed on', async () => {
    const response = await post({ query: `{ customer(id: "${'x'.repeat(900_000)}") { id } }` });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.data, { customer: null });
  });

  test('a 10 MB body is 413 REQUEST_TOO_LARGE', async () => {
    assertRefused(await post({ query: '{ __typename }', padding: 'x'.repeat(10_000_000) }), 413, 'REQUEST_TOO_LARGE');
  });

  test('invalid UTF-8 is a parse error', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ __typename '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' }"}')]);
    assertRefused(await post(body), 400, 'GRAPHQL_PARSE_FAILED');
  });

  test('1,000-deep nesting is QUERY_TOO_DEEP, and 10,000-deep is refused before parsing', async () => {
    const deep = `{ customers(first: 1) { nodes { ${'invoices { customer { '.repeat(500)} id ${'} } '.repeat(500)} } } }`;
    assertRefused(await post({ query: deep }), 400, 'QUERY_TOO_DEEP');
    const tooDeepToParse = await post({ query: `{ ${'a { '.repeat(10_000)} b ${'} '.repeat(10_000)} }` });
    assertRefused(tooDeepToParse, 400, 'QUERY_TOO_DEEP');
    assert.match(tooDeepToParse.headers.get('content-type')!, /^application\/graphql-response\+json/);
  });

  test('10,000 aliases are TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ');
    assertRefused(await post({ query: `{ ${aliases} }` }), 400, 'TOO_MANY_ALIASES');
  });

  test('fragment cycles are a validation error', async () => {
    const cycle = 'query { ...A } fragment A on Query { __typename ...B } fragment B on Query { __typename ...A }';
    assertRefused(await post({ query: cycle }), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  test('GET serves queries only: a mutation over GET is 405 with Allow: POST', async () => {
    const headers = { 'apollo-require-preflight': 'true', accept: 'application/json' };
    const ok = await raw({ method: 'GET', headers, search: `?query=${encodeURIComponent('{ __typename }')}` });
    assert.deepEqual(ok.body.data, { __typename: 'Query' });
    const mutation = await raw({ method: 'GET', headers, search: `?query=${encodeURIComponent('mutation { __typename }')}` });
    assertRefused(mutation, 405, 'BAD_REQUEST');
    assert.equal(mutation.headers.get('allow'), 'POST');
  });

  test('a GET without a preflight-forcing header is refused (CSRF)', async () => {
    const response = await raw({ method: 'GET', headers: { accept: 'application/json' }, search: `?query=${encodeURIComponent('{ __typename }')}` });
    assertRefused(response, 400, 'BAD_REQUEST');
  });

  test('other methods are 405 with the allowed ones', async () => {
    const response = await raw({ method: 'PUT', headers: JSON_REQUEST, body: JSON.stringify({ query: '{ __typename }' }) });
    assertRefused(response, 405, 'BAD_REQUEST');
    assert.equal(response.headers.get('allow'), 'GET, POST');
  });

  test('an Accept the gateway cannot answer is 406', async () => {
    assertRefused(await post({ query: '{ __typename }' }, { 'content-type': 'application/json', accept: 'application/xml' }), 406, 'BAD_REQUEST');
  });

  test('media types: graphql-response+json keeps 4xx for request errors, application/json answers 200', async () => {
    const strict = await post({ query: '{ nope }' });
    assertRefused(strict, 400, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(strict.headers.get('content-type')!, /^application\/graphql-response\+json/);
    const legacy = await post({ query: '{ nope }' }, { 'content-type': 'application/json', accept: 'application/json' });
    assert.equal(legacy.status, 200);
    assert.equal(legacy.body.errors?.[0].extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(legacy.headers.get('content-type')!, /^application\/json/);
  });
});

/** What became of a raw WebSocket: the messages it got and how it was closed (or refused). */
interface SocketEnd {
  messages: Record<string, unknown>[];
  closeCode?: number;
  httpStatus?: number;
}

/**
 * The one place raw WebSockets are opened: runs `script` once open and resolves when the socket
 * ends; it is closed by the test once `answers` operations have completed or failed.
 */
function socket(protocols: string | string[] | undefined, script: (ws: WebSocket) => void, answers = 0): Promise<SocketEnd> {
  return new Promise((resolve) => {
    const ws = new WebSocket(hub.gatewayUrl.replace(/^http/, 'ws'), protocols, { headers: withAuthorization(hub.gatewayUrl) });
    const end: SocketEnd = { messages: [] };
    ws.on('open', () => script(ws));
    ws.on('message', (data) => {
      end.messages.push(JSON.parse(String(data)) as Record<string, unknown>);
      // Done once every operation sent has its answer.
      if (end.messages.filter((message) => message.type === 'complete' || message.type === 'error').length === answers) ws.close(1000);
    });
    ws.on('unexpected-response', (_request, response) => {
      end.httpStatus = response.statusCode;
      ws.terminate();
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => resolve({ ...end, closeCode: end.httpStatus === undefined ? code : undefined }));
  });
}

const PROTOCOL = 'graphql-transport-ws';

/** Initialises the connection, then sends one subscribe message per payload. */
function operations(payloads: Record<string, unknown>[]): (ws: WebSocket) => void {
  return (ws) => {
    ws.send(JSON.stringify({ type: 'connection_init' }));
    ws.once('message', () => payloads.forEach((payload, i) => ws.send(JSON.stringify({ id: String(i), type: 'subscribe', payload }))));
  };
}

describe('WebSocket', () => {
  test('a subscribe before connection_init closes the socket with 4401', async () => {
    const end = await socket(PROTOCOL, (ws) => ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } })));
    assert.equal(end.closeCode, 4401);
  });

  test('no connection_init in time closes the socket with 4408', async () => {
    assert.equal((await socket(PROTOCOL, () => undefined)).closeCode, 4408);
  });

  test('a wrong subprotocol is refused in the handshake; none at all closes with 4406', async () => {
    assert.equal((await socket('graphql-ws', () => undefined)).httpStatus, 400);
    assert.equal((await socket('bogus', () => undefined)).httpStatus, 400);
    assert.equal((await socket(undefined, (ws) => ws.send(JSON.stringify({ type: 'connection_init' })))).closeCode, 4406);
  });

  test('malformed and binary messages close the socket with 4400', async () => {
    assert.equal((await socket(PROTOCOL, (ws) => ws.send('{"type":'))).closeCode, 4400);
    assert.equal((await socket(PROTOCOL, (ws) => ws.send(Buffer.from([1, 2, 3]), { binary: true }))).closeCode, 4400);
  });

  test('invalid UTF-8 closes the socket with 1007', async () => {
    assert.equal((await socket(PROTOCOL, (ws) => ws.send(Buffer.from([0x7b, 0xff, 0xfe]), { binary: false }))).closeCode, 1007);
  });

  test('a message over WS_MAX_MESSAGE_BYTES closes the socket with 1009', async () => {
    assert.equal((await socket(PROTOCOL, (ws) => ws.send('x'.repeat(2_000_000)))).closeCode, 1009);
  });

  test('operations over the limits are refused with their codes; the connection keeps serving', async () => {
    const deep = `{ customers(first: 1) { nodes { ${'invoices { customer { '.repeat(500)} id ${'} } '.repeat(500)} } } }`;
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const payloads = [
      { query: deep },
      { query: `{ ${aliases} }` },
      { query: 'query ($id: ID!) { customer(id: $id) { id } }' },
      { query: '{ customers(first: 1) { nodes { id } } }' },
    ];
    const end = await socket(PROTOCOL, operations(payloads), payloads.length);
    const byId = (id: string) => end.messages.filter((message) => message.id === id);
    const code = (id: string) => ((byId(id)[0]?.payload as { extensions?: { code?: string } }[])?.[0]?.extensions?.code);
    assert.equal(code('0'), 'QUERY_TOO_DEEP');
    assert.equal(code('1'), 'TOO_MANY_ALIASES');
    assert.equal(code('2'), 'BAD_USER_INPUT');
    assert.deepEqual((byId('3')[0]?.payload as { data?: unknown }).data, { customers: { nodes: [{ id: 'cus_000001' }] } });
    assert.equal(end.closeCode, 1000);
  });
});
