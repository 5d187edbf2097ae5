/**
 * A fuzz of malformed requests to the gateway over HTTP POST, HTTP GET and graphql-ws, made by a
 * seeded generator (the same seed, the same requests; FUZZ_SEED picks another): no answer is a
 * 5xx, a WebSocket internal-error close or INTERNAL_SERVER_ERROR; every error carries a code;
 * the hub keeps answering normal queries; and no malformed mutation changes any data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { graphql } from './generated/index.ts';
import { query, withAuthorization } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const CASES_PER_TRANSPORT = 180;
/** Every operation over WebSocket is answered (completed, refused, or its socket closed) well within this. */
const ANSWER_WITHIN_MS = 15_000;

const Setup = graphql(/* GraphQL */ `
  query FuzzSetup {
    customers(first: 1) { nodes { id } }
    invoices(first: 1, filter: { status: OPEN }) { nodes { id } }
  }
`);

// Everything a malformed mutation of this fuzz could change, read through the API.
const Snapshot = graphql(/* GraphQL */ `
  query FuzzSnapshot($customer: ID!, $invoice: ID!) {
    customers(first: 0) { totalCount }
    customer(id: $customer) {
      name domain segment region accountOwner
      opportunities { id }
      health { factors { name score } }
      onboarding { milestones { name status } }
    }
    invoice(id: $invoice) { status amountPaid { amount } payments { id } }
  }
`);

/** mulberry32: a small, well-known deterministic generator. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}
type Random = ReturnType<typeof randomFrom>;

/** What a variable of a base operation holds, which decides the values that are sure to be refused. */
type Kind = 'id' | 'text' | 'exact' | 'decimal' | 'int' | 'enum';
interface Leaf {
  path: string[];
  kind: Kind;
}
interface Base {
  /** Whatever is done to a mutation or a subscription must be refused: the mutation then changes nothing, the subscription never starts. */
  kind: 'query' | 'mutation' | 'subscription';
  query: string;
  variables: Record<string, unknown>;
  /** The variables' leaves to damage, by dotted path (`input.name`). */
  leaves: Record<string, Kind>;
}

interface FuzzRequest {
  label: string;
  /** Made from a mutation or a subscription: it must be refused. */
  mustRefuse: boolean;
  /** A POST body sent as it is (not JSON of the fields below). */
  raw?: string;
  params?: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
}

/** A list nested `depth` deep, written out by `toJson` (JSON.stringify itself overflows the stack on one). */
class DeepList {
  constructor(readonly depth: number) {}
}
const deepList = (depth: number) => new DeepList(depth);

/** JSON text of a request, DeepLists included. */
function toJson(value: unknown): string {
  const lists: DeepList[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => (inner instanceof DeepList ? `\u0000deep${lists.push(inner) - 1}\u0000` : inner));
  return text.replace(/"\\u0000deep(\d+)\\u0000"/g, (_match, index: string) => `${'['.repeat(lists[Number(index)].depth)}${']'.repeat(lists[Number(index)].depth)}`);
}
const insert = (random: Random, value: string, piece: string) => {
  const at = random.int(value.length + 1);
  return `${value.slice(0, at)}${piece}${value.slice(at)}`;
};

/** A value for a leaf of this kind that the hub must refuse; `value` is the valid one it replaces. */
function refusedValue(random: Random, kind: Kind, value: unknown): unknown {
  const text = typeof value === 'string' ? value : String(value);
  const everywhere = [
    () => insert(random, text, '\u0000'),
    () => insert(random, text, random.pick(['\ud800', '\udfff', '\udbff'])),
    () => ({ value }),
    () => [[[value]]],
    () => true,
    () => deepList(random.pick([65, 500, 300_000])),
  ];
  const byKind: Record<Kind, (() => unknown)[]> = {
    id: [() => 1.5],
    text: [() => 42],
    exact: [() => ` ${text}`, () => `${text} `, () => text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase(), () => `${text}\t`, () => '', () => 'barter'],
    decimal: [
      () => random.pick([' 1.00', '1.00 ', '\t1.00', '+1.00', '1e2', '1.0e0', '1E-2', '1,00', '0x10', 'NaN', 'Infinity', '-Infinity', '1.001']),
      () => random.pick(['', '.', '1.', '.5', '--1', '01.00', '1..0', '１.00', '1.00\n', '1_000.00', '9'.repeat(40)]),
      () => 1.5,
    ],
    int: [() => '5', () => 5.5, () => 2 ** 40, () => -(2 ** 53)],
    enum: [() => text.toLowerCase(), () => ` ${text}`, () => 'NOT_A_VALUE', () => 1],
  };
  return random.pick([...everywhere, ...byKind[kind]])();
}

function withValue(variables: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1]] = value;
  return copy;
}

/** A request made from a base: something in it is malformed; for a mutation or a subscription, always so that it is refused. */
function malformed(random: Random, base: Base): FuzzRequest {
  const { query: source, variables } = base;
  const mustRefuse = base.kind !== 'query';
  const leaves: Leaf[] = Object.entries(base.leaves).map(([path, kind]) => ({ path: path.split('.'), kind }));
  const leaf = random.pick(leaves);
  // An unknown field is refused inside an input object only: an unknown variable is ignored.
  const inputLeaf = leaves.find((candidate) => candidate.path.length > 1);
  const variants: (() => FuzzRequest)[] = [
    () => ({ label: `${leaf.path.join('.')} refused`, mustRefuse, params: { query: source, variables: withValue(variables, leaf.path, refusedValue(random, leaf.kind, leaf.path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], variables))) } }),
    () => ({ label: 'operationName not in the document', mustRefuse, params: { query: source, variables, operationName: random.pick(['Nope', '', ' ', '\u0000']) } }),
    () => ({ label: 'two operations, no operationName', mustRefuse, params: { query: `${source}\nquery Other { __typename }`, variables } }),
    () => ({ label: 'truncated document', mustRefuse, params: { query: source.slice(0, random.int(source.trimEnd().length - 1)), variables } }),
    () => ({ label: 'variables not an object', mustRefuse, params: { query: source, variables: random.pick(['{}', [variables], 7, true]) } }),
    () => ({ label: 'operationName not a string', mustRefuse, params: { query: source, variables, operationName: random.pick([7, {}, [], true]) } }),
    () => ({ label: 'no query', mustRefuse, params: { query: random.pick([undefined, null, 7, {}, ['{ __typename }']]), variables } }),
    () => ({ label: 'variables nested too deep', mustRefuse, params: { query: source, variables: { ...variables, deep: deepList(random.pick([100, 300_000])) } } }),
    () => ({ label: 'extensions nested too deep or not an object', mustRefuse, params: { query: source, variables, extensions: random.pick([deepList(1000), 'x']) } }),
  ];
  // Subscriptions over WebSocket do not go through persisted queries: a hash that is not the document's is ignored there.
  if (base.kind !== 'subscription') {
    variants.push(() => ({ label: 'persisted query hash not the document\'s', mustRefuse, params: { query: source, variables, extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } } }));
  }
  if (inputLeaf) variants.push(() => ({ label: 'unknown input field', mustRefuse, params: { query: source, variables: withValue(variables, [...inputLeaf.path.slice(0, -1), 'bogus'], 1) } }));
  // Queries change nothing, so any damage to their text is fair.
  if (base.kind === 'query') {
    variants.push(
      () => ({ label: 'a character changed', mustRefuse: false, params: { query: insert(random, source, random.pick(['{', '}', '(', ')', '$', '"', '\\', '@', '...', '#', '\u0000', '\ud800', '\u2028', 'é'])), variables } }),
      () => ({ label: 'NUL in a literal', mustRefuse: false, params: { query: `{ customer(id: "cus\\u0000${random.int(9)}") { id } }` } }),
      () => ({ label: 'bad directive', mustRefuse: false, params: { query: source.replace('{', `{ __typename @include(if: ${random.pick(['"yes"', '1', '$nope', 'null'])})`), variables } }),
      () => ({ label: 'unknown field', mustRefuse: false, params: { query: source.replace('id', random.pick(['idd', '__nope', 'id(x: 1)', 'id { id }'])), variables } }),
    );
  }
  return random.pick(variants)();
}

/** Raw POST bodies that are not GraphQL requests at all. */
function garbage(random: Random): FuzzRequest {
  const bodies = [
    () => '',
    () => '{"query": ',
    () => random.pick(['null', '[]', '"{ __typename }"', '7', 'true', '{}']),
    () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    () => `{"query": "{ __typename }", "variables": {"a": ${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}}`,
    () => Array.from({ length: 1 + random.int(40) }, () => String.fromCharCode(random.int(0x7f))).join(''),
    () => '{"query": "{ __typename }", "__proto__": {"polluted": true}}',
    () => `{"documentId": ${random.pick(['7', 'null', '"sha256:zz"', '"sha256:\\u0000"', '"md5:abc"', `"sha256:${'f'.repeat(64)}"`, '{}'])}}`,
    () => `{"query": "query ($x: Int) { customers(first: $x) { totalCount } }", "variables": {"x": ${random.pick(['1e400', '-0', '1.0', '9007199254740993', '"1"'])}}}`,
  ];
  return { label: 'not a GraphQL request', mustRefuse: false, raw: random.pick(bodies)() };
}

function generate(random: Random, bases: Base[], count: number, withGarbage: boolean): FuzzRequest[] {
  return Array.from({ length: count }, () => (withGarbage && random.int(6) === 0 ? garbage(random) : malformed(random, random.pick(bases))));
}

interface Answer {
  /** HTTP status, or the WebSocket close code when the socket was closed instead. */
  status?: number;
  closeCode?: number;
  body?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: unknown } }[] };
}

let hub: TestHub;
let bases: Base[];
let snapshotVariables: { customer: string; invoice: string };

const snapshot = () => query(hub.gatewayUrl, Snapshot, snapshotVariables);

before(async () => {
  hub = await startHub({ seedCustomers: 3 });
  const setup = await query(hub.gatewayUrl, Setup);
  const customer = setup.customers.nodes[0].id;
  const invoice = setup.invoices.nodes[0].id;
  snapshotVariables = { customer, invoice };
  bases = [
    { kind: 'query', query: 'query Customer($id: ID!) { customer(id: $id) { id name health { score } } }', variables: { id: customer }, leaves: { id: 'id' } },
    {
      kind: 'query',
      query: 'query Customers($first: Int, $filter: CustomerFilter) { customers(first: $first, filter: $filter) { totalCount nodes { id } } }',
      variables: { first: 2, filter: { segment: 'SMB', region: 'EMEA', nameContains: 'a' } },
      leaves: { first: 'int', 'filter.segment': 'enum', 'filter.nameContains': 'text' },
    },
    { kind: 'query', query: 'query Invoice($id: ID!) { invoice(id: $id) { id status amountDue { amount currency } } }', variables: { id: invoice }, leaves: { id: 'id' } },
    { kind: 'query', query: 'query Events($types: [String!], $first: Int) { events(types: $types, first: $first) { id type } }', variables: { types: ['invoice.issued'], first: 3 }, leaves: { types: 'text', first: 'int' } },
    { kind: 'query', query: 'query Trial($period: String!) { trialBalance(period: $period) { account } }', variables: { period: '2026-11' }, leaves: { period: 'exact' } },
    {
      kind: 'mutation',
      query: 'mutation CreateCustomer($input: CreateCustomerInput!, $key: String) { createCustomer(input: $input, idempotencyKey: $key) { id } }',
      variables: { input: { name: 'Fuzz Ltd', segment: 'SMB', region: 'EMEA', currency: 'EUR' }, key: 'fuzz-create' },
      leaves: { 'input.name': 'text', 'input.segment': 'enum', 'input.region': 'exact', 'input.currency': 'exact', key: 'text' },
    },
    {
      kind: 'mutation',
      query: 'mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }',
      variables: { id: customer, input: { name: 'Renamed by fuzz', region: 'APAC' } },
      leaves: { id: 'id', 'input.name': 'text', 'input.region': 'exact' },
    },
    {
      kind: 'mutation',
      query: 'mutation CreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }',
      variables: { input: { customerId: customer, name: 'Fuzz deal', amount: '1000.00', planCode: 'GROWTH', seats: 2, termMonths: 12 } },
      leaves: { 'input.customerId': 'id', 'input.name': 'text', 'input.amount': 'decimal', 'input.planCode': 'exact', 'input.seats': 'int' },
    },
    {
      kind: 'mutation',
      query: 'mutation RecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
      variables: { input: { invoiceId: invoice, amount: '1.00', method: 'card', reference: 'fuzz' } },
      leaves: { 'input.invoiceId': 'id', 'input.amount': 'decimal', 'input.method': 'exact', 'input.reference': 'text' },
    },
    {
      kind: 'mutation',
      query: 'mutation RecordHealthSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id } }',
      variables: { input: { customerId: customer, factor: 'usage', score: 40 } },
      leaves: { 'input.customerId': 'id', 'input.factor': 'exact', 'input.score': 'int' },
    },
    // Required variables, so that variables that are not an object leave one missing.
    { kind: 'subscription', query: 'subscription Payments($customer: ID!) { paymentReceived(customerId: $customer) { eventId } }', variables: { customer }, leaves: { customer: 'id' } },
    { kind: 'subscription', query: 'subscription Risks($customer: ID!) { renewalRiskChanged(customerId: $customer) { eventId } }', variables: { customer }, leaves: { customer: 'id' } },
    {
      kind: 'subscription',
      query: 'subscription Events($types: [String!]!, $customer: ID!) { businessEvents(types: $types, customerId: $customer) { id } }',
      variables: { types: ['payment.received'], customer },
      leaves: { types: 'text', customer: 'id' },
    },
  ];
});

after(async () => {
  await hub?.close();
});

/** Asserts the rules every answer keeps, with the request in the message when one fails. */
function assertAnswer(request: FuzzRequest, answer: Answer): void {
  const shown = `${request.label}: ${(request.raw ?? toJson(request.params)).slice(0, 300)} → ${answer.status ?? `close ${answer.closeCode}`} ${JSON.stringify(answer.body)?.slice(0, 400)}`;
  if (answer.status !== undefined) assert.ok(answer.status < 500, shown);
  // Only Node's HTTP parser, refusing a URL too long to read (431), answers without a GraphQL body.
  if (answer.status !== undefined && answer.body === undefined) assert.equal(answer.status, 431, shown);
  // 1011 and graphql-ws's 4500 are the server's own failures; 4400, 1007 and 1009 are the client's.
  if (answer.closeCode !== undefined) assert.ok(![1011, 4500].includes(answer.closeCode), shown);
  for (const error of answer.body?.errors ?? []) {
    assert.equal(typeof error.extensions?.code, 'string', shown);
    assert.notEqual(error.extensions?.code, 'INTERNAL_SERVER_ERROR', shown);
  }
  if (request.mustRefuse) {
    const refused = (answer.status ?? 0) >= 400 || answer.closeCode !== undefined || (answer.body?.errors?.length ?? 0) > 0;
    assert.ok(refused, `a malformed mutation was not refused: ${shown}`);
    for (const value of Object.values(answer.body?.data ?? {})) assert.equal(value, null, shown);
  }
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json ? (JSON.parse(text) as Answer['body']) : undefined };
}

async function post(request: FuzzRequest): Promise<Answer> {
  const body = request.raw ?? toJson(request.params);
  const headers = withAuthorization(hub.gatewayUrl, { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' });
  return answerOf(await fetch(hub.gatewayUrl, { method: 'POST', headers, body }));
}

async function get(request: FuzzRequest): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(request.params ?? {})) {
    if (value !== undefined) search.set(key, typeof value === 'string' ? value : toJson(value));
  }
  const headers = withAuthorization(hub.gatewayUrl, { accept: 'application/json', 'apollo-require-preflight': 'true' });
  return answerOf(await fetch(`${hub.gatewayUrl}?${search}`, { headers }));
}

/** A graphql-ws connection that answers one operation at a time, reopened after the server closes it. */
class Socket {
  private ws?: WebSocket;
  private closed?: Promise<number>;
  private counter = 0;

  private async open(): Promise<WebSocket> {
    if (this.ws?.readyState === WebSocket.OPEN) return this.ws;
    const ws = new WebSocket(hub.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: withAuthorization(hub.gatewayUrl) });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
      ws.once('message', () => resolve());
      ws.once('error', reject);
    });
    this.ws = ws;
    return ws;
  }

  /** Sends the request's fields as a subscribe payload; answers with the operation's messages or the close. */
  async send(request: FuzzRequest): Promise<Answer> {
    const ws = await this.open();
    const id = String(++this.counter);
    const errors: NonNullable<Answer['body']>['errors'] = [];
    const data: Record<string, unknown> = {};
    return new Promise((resolve) => {
      const onMessage = (raw: WebSocket.RawData) => {
        const message = JSON.parse(String(raw)) as { id?: string; type: string; payload?: unknown };
        if (message.id !== id) return;
        if (message.type === 'next') {
          const payload = message.payload as NonNullable<Answer['body']>;
          errors.push(...(payload.errors ?? []));
          Object.assign(data, payload.data ?? {});
        } else if (message.type === 'error') {
          errors.push(...(message.payload as typeof errors));
        }
        if (message.type === 'complete' || message.type === 'error') finish({ body: { data, errors } });
      };
      const finish = (answer: Answer) => {
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(answer);
      };
      ws.on('message', onMessage);
      void this.closed!.then((closeCode) => finish({ closeCode, body: { errors } }));
      // A subscription that was not refused would never end: it fails the test instead of hanging it.
      const timer = setTimeout(() => finish({ body: { errors } }), ANSWER_WITHIN_MS);
      timer.unref();
      ws.send(toJson({ id, type: 'subscribe', payload: request.params ?? {} }));
    });
  }

  close(): void {
    this.ws?.close(1000);
  }
}

/** The hub still serves a normal query. */
async function assertServing(): Promise<void> {
  const data = await query<{ customers: { totalCount: number } }, unknown>(hub.gatewayUrl, '{ customers(first: 1) { totalCount } }');
  assert.ok(data.customers.totalCount >= 3);
}

describe('fuzz', () => {
  test(`${CASES_PER_TRANSPORT * 3} malformed requests over POST, GET and graphql-ws: no 5xx, no INTERNAL_SERVER_ERROR, a code on every error, no write`, async () => {
    const random = randomFrom(SEED);
    const before = await snapshot();
    const socket = new Socket();
    const transports: [string, (request: FuzzRequest) => Promise<Answer>, boolean][] = [
      ['POST', post, true],
      ['GET', get, false],
      ['graphql-ws', (request) => socket.send(request), false],
    ];
    let sent = 0;
    for (const [, send, withGarbage] of transports) {
      for (const request of generate(random, bases, CASES_PER_TRANSPORT, withGarbage)) {
        assertAnswer(request, await send(request));
        sent++;
        if (sent % 60 === 0) await assertServing();
      }
    }
    socket.close();
    assert.ok(sent >= 500);
    await assertServing();
    assert.deepEqual(await snapshot(), before);
  });

  test('the same mutations, well formed, do write: the fuzz above refused them for their malformation alone', async () => {
    const before = await snapshot();
    for (const base of bases.filter((candidate) => candidate.kind === 'mutation')) {
      const answer = await post({ label: 'well formed', mustRefuse: false, params: { query: base.query, variables: base.variables } });
      assert.deepEqual(answer.body?.errors, undefined, base.query);
    }
    const now = await snapshot();
    assert.equal(now.customers.totalCount, before.customers.totalCount + 1);
    assert.equal(now.customer?.name, 'Renamed by fuzz');
    assert.equal(now.customer?.opportunities.length, before.customer!.opportunities.length + 1);
    assert.equal(now.invoice?.payments.length, before.invoice!.payments.length + 1);
    assert.equal(now.customer?.health?.factors.find((factor) => factor.name === 'usage')?.score, 40);
  });
});
