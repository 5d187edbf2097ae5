/**
 * Authentication and authorization through the public interfaces: callers' tokens at the
 * gateway (HTTP and graphql-ws), each role's allowed and refused reads, writes and
 * subscriptions, analysts' masked contact details, and subgraphs that serve the gateway only.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import { gatewaySigningKey, localIssuerKeys } from '../platform/auth/keys.ts';
import { SYSTEMS } from '../platform/config.ts';
import { graphql } from './generated/index.ts';
import { ANONYMOUS, query, request, webSocketFor, type GraphQLResponse } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { waitFor } from './wait.ts';

const Customers = graphql(/* GraphQL */ `
  query AuthCustomers { customers(first: 1) { totalCount } }
`);
const Periods = graphql(/* GraphQL */ `
  query AuthPeriods { accountingPeriods { id } }
`);
const Renewals = graphql(/* GraphQL */ `
  query AuthRenewals { renewalsDue(withinDays: 3650) { id } }
`);
const Exceptions = graphql(/* GraphQL */ `
  query AuthExceptions { exceptions(first: 1) { id } }
`);
const Invoices = graphql(/* GraphQL */ `
  query AuthInvoices { invoices(first: 1) { totalCount } }
`);
const EventData = graphql(/* GraphQL */ `
  query AuthEventData { events(first: 1) { id data } }
`);
const Mixed = graphql(/* GraphQL */ `
  query AuthMixed {
    customers(first: 2) { nodes { id ...Renewing } }
    accountingPeriods { id }
  }
  fragment Renewing on Customer { name renewals { id } }
`);
const Contacts = graphql(/* GraphQL */ `
  query AuthContacts { customers(first: 5) { nodes { contacts { email phone } } } }
`);
const OpenInvoice = graphql(/* GraphQL */ `
  query AuthOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id } } }
`);
const CreateCustomer = graphql(/* GraphQL */ `
  mutation AuthCreateCustomer($name: String!) { createCustomer(input: { name: $name, segment: SMB, region: "EMEA", currency: "EUR" }) { id } }
`);
const CustomersNamed = graphql(/* GraphQL */ `
  query AuthCustomersNamed($name: String!) { customers(filter: { nameContains: $name }) { totalCount } }
`);
const RecordPayment = graphql(/* GraphQL */ `
  mutation AuthRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: "0.01", method: "ach" }) { id } }
`);
const ClosePeriod = graphql(/* GraphQL */ `
  mutation AuthClosePeriod($id: String!) { closePeriod(id: $id) { id status } }
`);
const SetRisk = graphql(/* GraphQL */ `
  mutation AuthSetRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: "auth test") { id } }
`);
const ResolveException = graphql(/* GraphQL */ `
  mutation AuthResolveException { resolveException(id: "exc_missing", note: "auth test") { id } }
`);

const AuditTrail = graphql(/* GraphQL */ `
  query AuthAuditTrail($filter: AuditFilter) {
    auditTrail(first: 10, filter: $filter) { nodes { id system actor role correlationId operation arguments outcome at } pageInfo { hasNextPage endCursor } }
  }
`);
const UpdateOwner = graphql(/* GraphQL */ `
  mutation AuthUpdateOwner($id: ID!, $owner: String!) { updateCustomer(id: $id, input: { accountOwner: $owner }) { id } }
`);

const PAYMENTS = /* GraphQL */ `subscription { paymentReceived { eventId } }`;
const RISKS = /* GraphQL */ `subscription { renewalRiskChanged { eventId } }`;
const CREATED = /* GraphQL */ `subscription { businessEvents(types: ["customer.created"]) { id type } }`;
const CREATED_DATA = /* GraphQL */ `subscription { businessEvents(types: ["customer.created"]) { id type data } }`;

let hub: TestHub;
const tokens: Record<string, string> = {};
const clients: Client[] = [];
let invoiceId: string;
let renewalId: string;
let risk = 0;
let created = 0;

const as = (role: string) => ({ authorization: `Bearer ${tokens[role]}` });

before(async () => {
  hub = await startHub({ seedCustomers: 6 });
  for (const role of ['sales', 'billing', 'finance', 'cs', 'ops', 'analyst', 'admin']) tokens[role] = await hub.token(role);
  invoiceId = (await query(hub.gatewayUrl, OpenInvoice)).invoices.nodes[0].id;
  renewalId = (await query(hub.gatewayUrl, Renewals)).renewalsDue[0].id;
});

after(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await hub?.close();
});

function assertForbidden(response: GraphQLResponse<unknown>, scope: string): void {
  const error = response.errors?.find((candidate) => candidate.extensions?.code === 'FORBIDDEN');
  assert.ok(error, `FORBIDDEN expected, got ${JSON.stringify(response)}`);
  assert.match(error.message, new RegExp(`Requires scopes? .*${scope}`));
  assert.ok(JSON.stringify(error.extensions?.requiredScopes).includes(scope));
}

/** Let through: data, or (for an unknown id) the owning system's own NOT_FOUND. */
function assertAllowed(response: GraphQLResponse<unknown>): void {
  assert.equal(response.status, 200);
  assert.ok(response.errors?.every((error) => error.extensions?.code === 'NOT_FOUND') ?? true, JSON.stringify(response.errors));
}

/** What each role is let and not let do: reads, writes and subscriptions, one each way. */
interface RoleCase {
  read: [allowed: Parameters<typeof request>[1], refused: Parameters<typeof request>[1], scope: string];
  /** The allowed write (absent for the read-only analyst) and a refused one with the scope it lacks. */
  write: { allowed?: () => Promise<GraphQLResponse<unknown>>; refused: () => Promise<GraphQLResponse<unknown>>; scope: string; noEffect?: () => Promise<void> };
  subscription: { allowed: string; trigger: () => Promise<unknown>; refused?: [string, string] };
}

const createRefused = (role: string) => async () => {
  const response = await request(hub.gatewayUrl, CreateCustomer, { name: `Refused for ${role}` }, as(role));
  return response;
};
const noCustomerFor = (role: string) => async () => {
  assert.equal((await query(hub.gatewayUrl, CustomersNamed, { name: `Refused for ${role}` })).customers.totalCount, 0);
};
const pay = () => query(hub.gatewayUrl, RecordPayment, { invoice: invoiceId });
const moveRisk = () => query(hub.gatewayUrl, SetRisk, { id: renewalId, risk: ['LOW', 'HIGH'][risk++ % 2] as 'LOW' | 'HIGH' });
const createCustomer = () => query(hub.gatewayUrl, CreateCustomer, { name: `Created ${created++}` });

const ROLE_CASES: Record<string, RoleCase> = {
  sales: {
    read: [Customers, Periods, 'erp:read'],
    write: {
      allowed: () => request(hub.gatewayUrl, CreateCustomer, { name: 'Sold by sales' }, as('sales')),
      refused: () => request(hub.gatewayUrl, ClosePeriod, { id: '2033-01' }, as('sales')),
      scope: 'erp:write',
    },
    subscription: { allowed: PAYMENTS, trigger: pay, refused: [CREATED, 'ops:read'] },
  },
  billing: {
    read: [Invoices, Renewals, 'cs:read'],
    write: { allowed: () => request(hub.gatewayUrl, RecordPayment, { invoice: invoiceId }, as('billing')), refused: createRefused('billing'), scope: 'crm:write', noEffect: noCustomerFor('billing') },
    subscription: { allowed: PAYMENTS, trigger: pay, refused: [RISKS, 'cs:read'] },
  },
  finance: {
    read: [Periods, Renewals, 'cs:read'],
    write: { allowed: () => request(hub.gatewayUrl, ClosePeriod, { id: '2033-02' }, as('finance')), refused: createRefused('finance'), scope: 'crm:write', noEffect: noCustomerFor('finance') },
    subscription: { allowed: PAYMENTS, trigger: pay, refused: [RISKS, 'cs:read'] },
  },
  cs: {
    read: [Renewals, Periods, 'erp:read'],
    write: { allowed: () => request(hub.gatewayUrl, SetRisk, { id: renewalId, risk: 'MEDIUM' }, as('cs')), refused: createRefused('cs'), scope: 'crm:write', noEffect: noCustomerFor('cs') },
    subscription: { allowed: RISKS, trigger: moveRisk, refused: [CREATED, 'ops:read'] },
  },
  ops: {
    read: [Exceptions, Renewals, 'cs:read'],
    // The exception is unknown: NOT_FOUND shows the mutation was let through to ops.
    write: { allowed: () => request(hub.gatewayUrl, ResolveException, {}, as('ops')), refused: createRefused('ops'), scope: 'crm:write', noEffect: noCustomerFor('ops') },
    subscription: { allowed: CREATED, trigger: createCustomer, refused: [RISKS, 'cs:read'] },
  },
  analyst: {
    read: [Periods, EventData, 'pii:read'],
    write: { refused: createRefused('analyst'), scope: 'crm:write', noEffect: noCustomerFor('analyst') },
    subscription: { allowed: CREATED, trigger: createCustomer, refused: [CREATED_DATA, 'pii:read'] },
  },
  admin: {
    read: [EventData, EventData, ''],
    write: { allowed: () => request(hub.gatewayUrl, CreateCustomer, { name: 'Made by admin' }, as('admin')), refused: async () => ({ status: 0 }), scope: '' },
    subscription: { allowed: CREATED_DATA, trigger: createCustomer },
  },
};

/** A graphql-ws client to the gateway with a role's token (or none) in its connection params. */
function connect(token: string | undefined): Client {
  const client = createClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(hub.gatewayUrl, ANONYMOUS), connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** Subscribes and waits for the first event (triggering until it comes) or the refusal. */
async function firstResult(token: string, subscription: string, trigger?: () => Promise<unknown>): Promise<{ data?: unknown; errors?: GraphQLResponse<unknown>['errors'] }> {
  const client = connect(token);
  type Outcome = { data?: unknown; errors?: GraphQLResponse<unknown>['errors'] };
  let outcome = undefined as Outcome | undefined;
  const stop = client.subscribe(
    { query: subscription },
    {
      next: (result) => (outcome ??= result as Outcome),
      error: (error) => (outcome ??= { errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
      complete: () => undefined,
    },
  );
  for (let attempt = 0; !outcome && attempt < 100; attempt++) {
    if (trigger && attempt % 5 === 4) await trigger();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  assert.ok(outcome, 'the subscription answered');
  return outcome;
}

for (const [role, cases] of Object.entries(ROLE_CASES)) {
  describe(`role ${role}`, () => {
    test('reads what its scopes allow; a field it may not see is null with FORBIDDEN naming the scope', async () => {
      const [allowed, refused, scope] = cases.read;
      assertAllowed(await request(hub.gatewayUrl, allowed, {}, as(role)));
      if (scope) assertForbidden(await request(hub.gatewayUrl, refused, {}, as(role)), scope);
    });

    test('writes what its scopes allow; a mutation it may not call is refused with FORBIDDEN and has no effect', async () => {
      if (cases.write.allowed) assertAllowed(await cases.write.allowed());
      if (!cases.write.scope) return;
      const refused = await cases.write.refused();
      assertForbidden(refused, cases.write.scope);
      assert.equal(refused.data ?? null, null);
      await cases.write.noEffect?.();
    });

    test('subscribes to what its scopes allow; other subscriptions are refused with FORBIDDEN', async () => {
      const allowed = await firstResult(tokens[role], cases.subscription.allowed, cases.subscription.trigger);
      assert.equal(allowed.errors, undefined, JSON.stringify(allowed.errors));
      assert.ok(allowed.data);
      if (!cases.subscription.refused) return;
      const [subscription, scope] = cases.subscription.refused;
      const refused = await firstResult(tokens[role], subscription);
      assertForbidden(refused as GraphQLResponse<unknown>, scope);
    });
  });
}

describe('authorization at the gateway', () => {
  test('a field the caller may not see is null with its error, its null propagated like any other; the rest of the response is intact (fragments too)', async () => {
    // accountingPeriods is non-null: its null nulls its nearest nullable parent, here the whole data.
    const response = await request(hub.gatewayUrl, Mixed, {}, as('sales'));
    assert.equal(response.data, null);
    assertForbidden(response, 'erp:read');
    assert.deepEqual(response.errors?.map((error) => error.path), [['accountingPeriods']]);

    const billing = await request(hub.gatewayUrl, Mixed, {}, as('billing'));
    assert.ok(billing.data?.accountingPeriods);
    assert.deepEqual(billing.data?.customers.nodes.map((customer) => customer.renewals), [null, null]);
    assert.deepEqual(billing.errors?.map((error) => error.path), [['customers', 'nodes', 0, 'renewals'], ['customers', 'nodes', 1, 'renewals']]);
    assert.ok(billing.data?.customers.nodes.every((customer) => customer.name));
  });

  test('analysts see contact e-mails and phone numbers masked; others see them whole', async () => {
    const contactsOf = async (role: string) => (await query(hub.gatewayUrl, Contacts, {}, as(role))).customers.nodes.flatMap((customer) => customer.contacts);
    const whole = await contactsOf('sales');
    const masked = await contactsOf('analyst');
    assert.ok(whole.length > 0);
    assert.equal(masked.length, whole.length);
    for (const [index, contact] of masked.entries()) {
      assert.equal(contact.email, `${whole[index].email[0]}•••${whole[index].email.slice(whole[index].email.indexOf('@'))}`);
      if (whole[index].phone) assert.match(contact.phone!, /^.{2}•••••.{2}$/);
      assert.ok(whole[index].email.includes('@') && !whole[index].email.includes('•'));
    }
  });
});

describe('audit trail', () => {
  async function entries(filter: Record<string, unknown>, count: number) {
    return waitFor(`${count} audit entries like ${JSON.stringify(filter)}`, async () => {
      const nodes = (await query(hub.gatewayUrl, AuditTrail, { filter })).auditTrail.nodes;
      return nodes.length >= count ? nodes : undefined;
    }, 10_000);
  }

  test('every mutation is recorded by its system with actor, role, correlation id, redacted arguments and outcome', async () => {
    const created = await request(hub.gatewayUrl, CreateCustomer, { name: 'Audited Ltd' }, { ...as('sales'), 'x-correlation-id': 'audit-me-1' });
    const id = (created.data as { createCustomer: { id: string } }).createCustomer.id;
    await query(hub.gatewayUrl, UpdateOwner, { id, owner: 'jane.doe@example.com' }, { ...as('sales'), 'x-correlation-id': 'audit-me-2' });
    const [ok] = await entries({ actor: 'sales@hub.local', operation: 'createCustomer', system: 'CRM' }, 1);
    assert.equal(ok.role, 'sales');
    assert.equal(ok.outcome, 'OK');
    const [update] = await entries({ operation: 'updateCustomer', actor: 'sales@hub.local' }, 1);
    assert.equal(update.correlationId, 'audit-me-2');
    assert.deepEqual(update.arguments, { id, input: { accountOwner: '[redacted]' } });
    assert.ok(!JSON.stringify(update.arguments).includes('jane.doe'));

    // A failed mutation is recorded with its error code, by its own system.
    await request(hub.gatewayUrl, ResolveException, {}, as('ops'));
    const [failed] = await entries({ operation: 'resolveException', outcome: 'NOT_FOUND' }, 1);
    assert.equal(failed.system, 'OPS');
    assert.equal(failed.actor, 'ops@hub.local');
  });

  test('admin and ops read the audit trail; others are refused for lack of audit:read', async () => {
    for (const role of ['admin', 'ops']) assertAllowed(await request(hub.gatewayUrl, AuditTrail, {}, as(role)));
    for (const role of ['sales', 'billing', 'finance', 'cs', 'analyst']) assertForbidden(await request(hub.gatewayUrl, AuditTrail, {}, as(role)), 'audit:read');
  });
});

describe('authentication at the gateway', () => {
  const signed = (key: Parameters<SignJWT['sign']>[0], claims: { exp?: number; iss?: string; aud?: string; role?: string }) =>
    new SignJWT({ role: claims.role ?? 'admin' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('someone')
      .setIssuer(claims.iss ?? hub.config.auth.issuer)
      .setAudience(claims.aud ?? hub.config.auth.audience)
      .setExpirationTime(claims.exp ?? '1h')
      .sign(key);

  test('refuses operations and introspection without a valid token with 401 UNAUTHENTICATED', async () => {
    const own = localIssuerKeys(hub.config).privateKey;
    const other = generateKeyPairSync('ed25519').privateKey;
    const refusals = {
      none: ANONYMOUS,
      garbage: { authorization: 'Bearer not-a-token' },
      expired: { authorization: `Bearer ${await signed(own, { exp: Math.floor(Date.now() / 1000) - 60 })}` },
      'other key': { authorization: `Bearer ${await signed(other, {})}` },
      'wrong issuer': { authorization: `Bearer ${await signed(own, { iss: 'someone-else' })}` },
      'wrong audience': { authorization: `Bearer ${await signed(own, { aud: 'another-api' })}` },
      'unknown role': { authorization: `Bearer ${await signed(own, { role: 'janitor' })}` },
    };
    for (const [why, headers] of Object.entries(refusals)) {
      for (const document of [Customers, '{ __schema { queryType { name } } }']) {
        const response = await request(hub.gatewayUrl, document, {}, headers);
        assert.equal(response.status, 401, `${why}: ${JSON.stringify(response)}`);
        assert.equal(response.errors?.[0].extensions?.code, 'UNAUTHENTICATED', why);
        assert.equal(response.data, undefined);
      }
    }
    const unknownRole = await request(hub.gatewayUrl, Customers, {}, refusals['unknown role']);
    assert.match(unknownRole.errors![0].message, /janitor.*sales, billing, finance, cs, ops, analyst, admin/);
    assert.equal((await request(hub.gatewayUrl, '{ __schema { queryType { name } } }', {}, as('analyst'))).status, 200);
  });

  test('closes a graphql-ws connection without a valid token with 4401', async () => {
    const client = connect(undefined);
    const closed = new Promise<{ code: number }>((resolve) => client.on('closed', (event) => resolve(event as { code: number })));
    client.subscribe({ query: PAYMENTS }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    assert.equal((await closed).code, 4401);
  });
});

describe('every subgraph answers request errors alike, whichever framework serves it', () => {
  // crm is served by Apollo Server, customer-success by mercurius (subgraphs/index.ts).
  const post = async (system: (typeof SYSTEMS)[number], body: Record<string, unknown>) => {
    const response = await fetch(`${hub.subgraphs[system].url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: hub.subgraphAuthorization(system) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return [response.status, answer.errors?.map((error) => error.extensions?.code)] as const;
  };
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['a syntax error', { query: '{ __typename ' }, 400, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ noSuchField }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', { query: 'query ($id: ID!) { _entities(representations: [{ __typename: "Customer", id: $id }]) { __typename } }', variables: { id: { no: 1 } } }, 400, 'BAD_USER_INPUT'],
    ['a missing required variable', { query: 'query ($id: ID!) { _entities(representations: [{ __typename: "Customer", id: $id }]) { __typename } }' }, 400, 'BAD_USER_INPUT'],
    ['an operationName that names none', { query: 'query A { __typename }', operationName: 'B' }, 400, 'OPERATION_NOT_FOUND'],
    ['several operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 400, 'OPERATION_NAME_REQUIRED'],
  ];
  for (const [what, body, status, code] of cases) {
    test(`${what}: ${status} ${code} from Apollo Server and mercurius`, async () => {
      assert.deepEqual(await post('crm', body), [status, [code]], 'crm (Apollo Server)');
      assert.deepEqual(await post('customer-success', body), [status, [code]], 'customer-success (mercurius)');
    });
  }
});

describe('subgraphs serve the gateway only', () => {
  const gatewayKey = () => gatewaySigningKey(hub.config);
  const subgraphToken = (key: Parameters<SignJWT['sign']>[0], system: string, exp: number | string) =>
    new SignJWT({ role: 'admin', scope: 'crm:read' }).setProtectedHeader({ alg: 'EdDSA' }).setSubject('intruder').setIssuer('hub-gateway').setAudience(system).setExpirationTime(exp).sign(key);

  for (const system of SYSTEMS) {
    test(`${system} refuses a request with no token, an expired token or one signed by another key with 401`, async () => {
      const url = `${hub.subgraphs[system].url}/graphql`;
      const other = generateKeyPairSync('ed25519').privateKey;
      const refusals = {
        'no token': ANONYMOUS,
        expired: { authorization: `Bearer ${await subgraphToken(gatewayKey(), system, Math.floor(Date.now() / 1000) - 5)}` },
        'another key': { authorization: `Bearer ${await subgraphToken(other, system, '1m')}` },
        'another subgraph': { authorization: `Bearer ${await subgraphToken(gatewayKey(), system === 'crm' ? 'billing' : 'crm', '1m')}` },
      };
      for (const [why, headers] of Object.entries(refusals)) {
        const response = await request(url, '{ __typename }', {}, headers);
        assert.equal(response.status, 401, `${why}: ${JSON.stringify(response)}`);
        assert.equal(response.errors?.[0].extensions?.code, 'UNAUTHENTICATED', why);
      }
      assert.equal((await request(url, '{ __typename }', {}, { authorization: hub.subgraphAuthorization(system) })).status, 200);
      assert.equal((await fetch(`${hub.subgraphs[system].url}/healthz`)).status, 200);
    });
  }

  test('a subgraph refuses a WebSocket upgrade without the gateway token with 401, and checks scopes itself', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new (webSocketFor(hub.subgraphs.ops.url, ANONYMOUS))(`${hub.subgraphs.ops.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    assert.equal(status, 401);
    // A gateway token without erp:read: the erp subgraph refuses the field too.
    const response = await request(`${hub.subgraphs.erp.url}/graphql`, '{ accountingPeriods { id } }', {}, { authorization: hub.subgraphAuthorization('erp', ['crm:read']) });
    assertForbidden(response, 'erp:read');
  });
});
