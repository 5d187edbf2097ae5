/**
 * Access that ends when it should, through the public interfaces: a graphql-ws connection is
 * closed with 4403 when its token expires or its caller's access is revoked, and the client
 * resumes with a fresh token and `after` without losing an event; `revokeAccess` refuses the
 * caller's older tokens; every refusal, and every read of contacts' personal data, is in the
 * audit trail; the gateway's pages carry the headers a security review expects.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { localIssuerKeys } from '../platform/auth/keys.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { readMetric } from './metrics.ts';
import { graphql } from './generated/index.ts';
import { query, request, type GraphQLResponse } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { waitFor } from './wait.ts';

const OpenInvoice = graphql(/* GraphQL */ `
  query AccessOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id customer { id } } } }
`);
const RecordPayment = graphql(/* GraphQL */ `
  mutation AccessRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: "0.01", method: "ach" }) { id } }
`);
const RevokeAccess = graphql(/* GraphQL */ `
  mutation AccessRevoke($sub: String!, $reason: String!, $key: String) {
    revokeAccess(sub: $sub, reason: $reason, idempotencyKey: $key) { sub reason revokedBy revokedAt expiresAt }
  }
`);
const Customers = graphql(/* GraphQL */ `
  query AccessCustomers { customers(first: 1) { totalCount } }
`);
const CreateCustomer = graphql(/* GraphQL */ `
  mutation AccessCreateCustomer { createCustomer(input: { name: "Refused Ltd", segment: SMB, region: "EMEA", currency: "EUR" }) { id } }
`);
const AuditTrail = graphql(/* GraphQL */ `
  query AccessAuditTrail($filter: AuditFilter) {
    auditTrail(first: 50, filter: $filter) { nodes { system actor role correlationId operation arguments outcome at } }
  }
`);

const Contacts = graphql(/* GraphQL */ `
  query AccessContacts { customers(first: 2) { nodes { id contacts { email phone } } } }
`);

const PAYMENTS = /* GraphQL */ `
  subscription AccessPayments($c: ID, $after: ID) { paymentReceived(customerId: $c, after: $after) { eventId payment { id } } }
`;

interface Payment {
  paymentReceived: { eventId: string; payment: { id: string } };
}

interface Closed {
  code: number;
  reason: string;
}

let hub: TestHub;
let invoiceId: string;
let customerId: string;
const clients: Client[] = [];

before(async () => {
  // Small limits, so that one request of each kind is refused; a persisted-only client with no manifest.
  hub = await startHub({ seedCustomers: 3, env: { MAX_ALIASES: '20', PERSISTED_ONLY_CLIENTS: 'kiosk' } });
  const [invoice] = (await query(hub.gatewayUrl, OpenInvoice)).invoices.nodes;
  invoiceId = invoice.id;
  customerId = invoice.customer.id;
});

after(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await hub?.close();
});

async function metric(name: string): Promise<number> {
  return readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), name);
}

/** A graphql-ws client with this token in its connection params, and how its connection closed. */
function connect(token: string) {
  const client = createClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  const closed = new Promise<Closed>((resolve) => client.on('closed', (event) => resolve(event as Closed)));
  return { client, closed };
}

/** Subscribes to payments and waits until the stream is up, so payments made next reach it. */
async function subscribe(client: Client, variables: Record<string, unknown>) {
  const from = await metric('gateway_subscriptions_streaming');
  const payments: Payment['paymentReceived'][] = [];
  const ended: { error?: unknown } = {};
  client.subscribe<Payment>(
    { query: PAYMENTS, variables },
    { next: (result) => result.data && payments.push(result.data.paymentReceived), error: (error) => (ended.error = error), complete: () => undefined },
  );
  await waitFor('the subscription streaming', async () => ((await metric('gateway_subscriptions_streaming')) > from ? true : undefined));
  return { payments, ended };
}

const pay = async () => (await query(hub.gatewayUrl, RecordPayment, { invoice: invoiceId })).recordPayment.id;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function gatewayAudit(filter: Record<string, unknown>, count = 1) {
  return waitFor(`${count} gateway audit entries like ${JSON.stringify(filter)}`, async () => {
    const { nodes } = (await query(hub.gatewayUrl, AuditTrail, { filter: { system: 'GATEWAY', ...filter } })).auditTrail;
    return nodes.length >= count ? nodes : undefined;
  });
}

describe('live connections end with their access', () => {
  test('a subscription whose token expires is closed with 4403 naming the expiry; the client resumes with a fresh token and after, losing nothing', async () => {
    const sub = 'expiring@example.com';
    const expiring = await hub.token('cs', { sub, ttl: '5s' });
    const { client, closed } = connect(expiring);
    const first = await subscribe(client, { c: customerId });
    const before = await pay();
    await waitFor('the payment before the expiry', () => (first.payments.length === 1 ? true : undefined));
    assert.equal(first.payments[0].payment.id, before);

    const { code, reason } = await closed;
    assert.equal(code, 4403);
    assert.match(reason, /^Forbidden: the token expired at \d{4}-\d\d-\d\dT[\d:.]+Z; reconnect with a fresh token$/);
    const missed = await pay();

    const resumed = connect(await hub.token('cs', { sub }));
    const second = await subscribe(resumed.client, { c: customerId, after: first.payments[0].eventId });
    await waitFor('the payment made while disconnected', () => (second.payments.length >= 1 ? true : undefined));
    assert.deepEqual(
      second.payments.map((payment) => payment.payment.id),
      [missed],
    );
    // Over HTTP the expired token is refused like any other.
    assert.equal((await request(hub.gatewayUrl, Customers, {}, bearer(expiring))).status, 401);
  });

  test('revokeAccess refuses the caller\'s older tokens at once, closes its subscriptions with 4403, and lets newer tokens in', async () => {
    const sub = 'leaver@example.com';
    const token = await hub.token('cs', { sub });
    const { client, closed } = connect(token);
    await subscribe(client, { c: customerId });
    assert.equal((await request(hub.gatewayUrl, Customers, {}, bearer(token))).status, 200);

    const started = Date.now();
    const { revokeAccess } = await query(hub.gatewayUrl, RevokeAccess, { sub, reason: 'left the company', key: 'revoke-leaver' });
    const { code, reason } = await closed;
    const closedAfterMs = Date.now() - started;
    assert.equal(code, 4403);
    assert.match(reason, /^Forbidden: access revoked at .*: left the company$/);
    assert.ok(closedAfterMs < 1000, `closed ${closedAfterMs} ms after the revocation`);
    assert.equal(revokeAccess.sub, sub);
    assert.equal(revokeAccess.revokedBy, 'admin@hub.local');
    assert.equal(Date.parse(revokeAccess.expiresAt) - Date.parse(revokeAccess.revokedAt), 24 * 3600 * 1000);

    const refused = await request(hub.gatewayUrl, Customers, {}, bearer(token));
    assert.equal(refused.status, 401);
    assert.equal(refused.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    assert.match(refused.errors![0].message, /access of leaver@example\.com was revoked at .* \(left the company\)/);
    // Connecting again with it is refused like any invalid token.
    const reconnect = connect(token);
    reconnect.client.subscribe({ query: PAYMENTS }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    const refusedAgain = await reconnect.closed;
    assert.equal(refusedAgain.code, 4401);
    assert.match(refusedAgain.reason, /revoked/);

    // The same key and arguments answer the first revocation; other arguments are refused.
    const again = await query(hub.gatewayUrl, RevokeAccess, { sub, reason: 'left the company', key: 'revoke-leaver' });
    assert.deepEqual(again.revokeAccess, revokeAccess);
    const reused = await request(hub.gatewayUrl, RevokeAccess, { sub: 'someone@example.com', reason: 'other', key: 'revoke-leaver' });
    assert.equal(reused.errors?.[0].extensions?.code, 'IDEMPOTENCY_KEY_REUSED');

    // A token issued after the revocation (in a later second) is let in.
    const nextSecond = Math.ceil(Date.parse(revokeAccess.revokedAt) / 1000) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextSecond - Date.now()) + 20));
    assert.equal((await request(hub.gatewayUrl, Customers, {}, bearer(await hub.token('cs', { sub })))).status, 200);

    const [audited] = await gatewayAudit({ operation: 'revokeAccess', outcome: 'OK' });
    assert.equal(audited.actor, 'admin@hub.local');
    assert.deepEqual(audited.arguments, { sub, reason: 'left the company' });
    await gatewayAudit({ operation: 'revokeAccess', outcome: 'IDEMPOTENCY_KEY_REUSED' });
  });

  test('only admins revoke access', async () => {
    const response = await request(hub.gatewayUrl, RevokeAccess, { sub: 'anyone@example.com', reason: 'not mine to revoke' }, bearer(await hub.token('ops')));
    assert.equal(response.errors?.[0].extensions?.code, 'FORBIDDEN');
    assert.deepEqual(response.errors?.[0].extensions?.requiredScopes, [['access:admin']]);
    assert.equal((await request(hub.gatewayUrl, Customers, {}, bearer(await hub.token('cs', { sub: 'anyone@example.com' })))).status, 200);
  });

  test('a token living longer than AUTH_REVOCATION_TTL is refused: no revocation could outlive it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('long-lived')
      .setIssuer(hub.config.auth.issuer)
      .setAudience(hub.config.auth.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 25 * 3600)
      .sign(localIssuerKeys(hub.config).privateKey);
    const response = await request(hub.gatewayUrl, Customers, {}, bearer(token));
    assert.equal(response.status, 401);
    assert.match(response.errors![0].message, /longer than AUTH_REVOCATION_TTL \(86400 s\)/);
    await assert.rejects(hub.token('admin', { ttl: '2d' }), /longer than AUTH_REVOCATION_TTL/);
  });

  test('AUTH_REVOCATION_TTL is a duration of at least a minute', () => {
    assert.equal(loadConfig({ AUTH_REVOCATION_TTL: '2h' }).auth.revocationTtlSeconds, 7200);
    for (const bad of ['30s', '12', 'forever']) {
      assert.throws(() => loadConfig({ AUTH_REVOCATION_TTL: bad }), (error: unknown) => error instanceof ConfigError && /AUTH_REVOCATION_TTL must be a number and a unit/.test(error.message));
    }
  });
});

describe('every refusal is in the audit trail', () => {
  test('scopes, limits and trusted documents: caller, role, operation, code, missing scopes, correlation id and time', async () => {
    const forbidden: GraphQLResponse<unknown> = await request(hub.gatewayUrl, CreateCustomer, {}, { ...bearer(await hub.token('analyst')), 'x-correlation-id': 'refused-1' });
    assert.equal(forbidden.errors?.[0].extensions?.code, 'FORBIDDEN');
    const aliases = `query AccessAliases { ${Array.from({ length: 21 }, (_, index) => `a${index}: __typename`).join(' ')} }`;
    assert.equal((await request(hub.gatewayUrl, aliases, {}, { ...bearer(await hub.token('finance')), 'x-correlation-id': 'refused-2' })).errors?.[0].extensions?.code, 'TOO_MANY_ALIASES');
    const kiosk = await request(hub.gatewayUrl, Customers, {}, { ...bearer(await hub.token('sales')), 'apollographql-client-name': 'kiosk', 'x-correlation-id': 'refused-3' });
    assert.equal(kiosk.errors?.[0].extensions?.code, 'PERSISTED_QUERY_NOT_ALLOWED');

    const [scopes] = await gatewayAudit({ actor: 'analyst@hub.local', outcome: 'FORBIDDEN' });
    assert.equal(scopes.role, 'analyst');
    assert.equal(scopes.operation, 'AccessCreateCustomer');
    assert.equal(scopes.correlationId, 'refused-1');
    assert.deepEqual((scopes.arguments as { missingScopes: string[][] }).missingScopes, [['crm:write']]);
    assert.ok(Math.abs(Date.parse(scopes.at) - Date.now()) < 60_000);
    const [limit] = await gatewayAudit({ actor: 'finance@hub.local', outcome: 'TOO_MANY_ALIASES' });
    assert.equal(limit.operation, 'AccessAliases');
    assert.equal(limit.correlationId, 'refused-2');
    const [trusted] = await gatewayAudit({ actor: 'sales@hub.local', outcome: 'PERSISTED_QUERY_NOT_ALLOWED' });
    assert.equal(trusted.operation, 'AccessCustomers');
    assert.equal(trusted.correlationId, 'refused-3');
    assert.ok((await metric('gateway_refusals_total{code="FORBIDDEN"}')) >= 1);
  });

  test('a subscription refused for its scopes over graphql-ws, and a field taken out of a query', async () => {
    const { client } = connect(await hub.token('finance', { sub: 'no-cs@example.com' }));
    const refused = await new Promise<unknown>((resolve) =>
      client.subscribe({ query: 'subscription AccessRisks { renewalRiskChanged { eventId } }' }, { next: () => undefined, error: resolve, complete: () => resolve(undefined) }),
    );
    assert.equal((refused as { extensions?: { code?: string } }[])[0].extensions?.code, 'FORBIDDEN');
    const [entry] = await gatewayAudit({ actor: 'no-cs@example.com', operation: 'AccessRisks' });
    assert.equal(entry.outcome, 'FORBIDDEN');
    assert.deepEqual((entry.arguments as { missingScopes: string[][] }).missingScopes, [['cs:read']]);

    const partial = await request(hub.gatewayUrl, 'query AccessPartial { customers(first: 1) { totalCount } renewalsDue(withinDays: 30) { id } }', {}, bearer(await hub.token('finance', { sub: 'partial@example.com' })));
    assert.equal(partial.errors?.[0].extensions?.code, 'FORBIDDEN');
    const [field] = await gatewayAudit({ actor: 'partial@example.com' });
    assert.equal(field.operation, 'AccessPartial');
    assert.deepEqual((field.arguments as { fields: string[] }).fields, ['renewalsDue']);
  });
});

describe('reading personal data is audited', () => {
  test('a response with contacts\' e-mails or phones whole (pii:read) is recorded with the customers it showed; a masked one is not', async () => {
    // The masked read first: crm's trail travels in order, so once the reader's entry is in, an analyst's would be too.
    const masked = await query(hub.gatewayUrl, Contacts, {}, bearer(await hub.token('analyst', { sub: 'masked@example.com' })));
    assert.ok(masked.customers.nodes.flatMap((customer) => customer.contacts).every((contact) => contact.email === null || contact.email.includes('•')));

    const { customers } = await query(hub.gatewayUrl, Contacts, {}, { ...bearer(await hub.token('cs', { sub: 'reader@example.com' })), 'x-correlation-id': 'pii-1' });
    const shown = customers.nodes.filter((customer) => customer.contacts.some((contact) => contact.email !== null || contact.phone !== null)).map((customer) => customer.id);
    assert.ok(shown.length > 0, 'seeded contacts with e-mails');
    const [read] = await waitFor('the PII read in the trail', async () => {
      const { nodes } = (await query(hub.gatewayUrl, AuditTrail, { filter: { system: 'CRM', actor: 'reader@example.com', operation: 'readContacts' } })).auditTrail;
      return nodes.length > 0 ? nodes : undefined;
    });
    assert.equal(read.role, 'cs');
    assert.equal(read.correlationId, 'pii-1');
    assert.deepEqual((read.arguments as { customerIds: string[] }).customerIds, [...shown].sort());
    assert.deepEqual((await query(hub.gatewayUrl, AuditTrail, { filter: { actor: 'masked@example.com' } })).auditTrail.nodes, []);
  });
});

describe('the gateway\'s pages', () => {
  test('GraphiQL and the ops console cannot be framed and carry a strict CSP, no sniffing and no referrer', async () => {
    for (const url of [hub.gatewayUrl, new URL('/ops', hub.gatewayUrl).href]) {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      assert.equal(response.status, 200, url);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      // Every script and stylesheet the page links is served by the gateway itself, by hash.
      const html = await response.text();
      const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\?v=[0-9a-f]+)"/g)].map((m) => m[1]);
      assert.equal(assets.length, 2, url);
      for (const asset of assets) {
        const served = await fetch(new URL(asset, hub.gatewayUrl));
        assert.equal(served.status, 200, asset);
        assert.match(served.headers.get('cache-control') ?? '', /immutable/);
        await served.arrayBuffer();
      }
    }
  });
});
