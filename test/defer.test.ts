/**
 * `@defer` through the gateway's engine over the running hub: the initial payload first, each
 * deferred fragment (labelled or not, nested, on fields of other subgraphs) in a later payload at
 * its path, in the `incremental`/`hasNext` format; `if: false` or no `@defer` gives one result.
 * The engine runs here as the gateway runs it (the hub's subgraphs, its fetchers, a caller's
 * authorization), and through the gateway over HTTP (multipart/mixed, or one merged response)
 * and graphql-ws (one message per payload).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { makeCaller } from '../platform/auth/caller.ts';
import { gatewaySigningKey } from '../platform/auth/keys.ts';
import { SCOPES } from '../platform/auth/roles.ts';
import { SubgraphTokenSigner } from '../platform/auth/subgraphTokens.ts';
import { SYSTEMS } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { Registry } from '../platform/metrics.ts';
import { strictScalars } from '../platform/scalars.ts';
import type { GatewayContext } from '../gateway/context.ts';
import { Engine } from '../gateway/execution/engine.ts';
import { collectIncremental } from '../gateway/pipeline/incremental.ts';
import { lazyFederation } from '../gateway/execution/federation.ts';
import type { OperationOutcome, SubsequentIncrementalResult } from '../gateway/execution/operation.ts';
import { SubgraphFetcher, SubgraphTransport } from '../gateway/execution/subgraphFetcher.ts';
import { OperationAuthorizer, supergraphForGateway } from '../gateway/security/authorize.ts';
import { SUPERGRAPH_PATH } from '../gateway/server.ts';
import { createClient as createWsClient } from 'graphql-ws';
import { query, webSocketFor, withAuthorization } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

let hub: TestHub;
let transport: SubgraphTransport;
let engine: Engine;
let apiSchema: GraphQLSchema;
let authorizer: OperationAuthorizer;
let signer: SubgraphTokenSigner;
let customerId: string;

before(async () => {
  hub = await startHub({ seedCustomers: 2 });
  const supergraphSdl = supergraphForGateway(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema({ includeDefer: true });
  strictScalars(apiSchema);
  transport = new SubgraphTransport(hub.config.resilience, new Registry());
  signer = new SubgraphTokenSigner(gatewaySigningKey(hub.config));
  const probe = makeCaller('system:gateway', '', []);
  const sources = Object.fromEntries(SYSTEMS.map((system) => [system, new SubgraphFetcher(system, hub.config.systems[system].url, transport, 10_000, () => `Bearer ${signer.token(probe, system)}`)]));
  engine = new Engine({ federation: lazyFederation(supergraphSdl, hub.config.queryPlanner), apiSchema: () => apiSchema, sources, deduplicate: false });
  authorizer = new OperationAuthorizer(supergraphSdl);
  const { customers } = await query<{ customers: { nodes: { id: string }[] } }, unknown>(hub.gatewayUrl, '{ customers(first: 1) { nodes { id } } }');
  customerId = customers.nodes[0]!.id;
});

after(async () => {
  await transport?.close();
  await hub?.close();
});

/** Runs `source` through the engine as a caller with `scopes` (all by default). */
function execute(source: string, variables: Record<string, unknown> = {}, scopes: readonly string[] = SCOPES): Promise<OperationOutcome> {
  const document = parse(source);
  assert.deepEqual(validate(apiSchema, document), []);
  const caller = makeCaller('test:defer', scopes.length === SCOPES.length ? 'admin' : '', scopes);
  const queryHash = createHash('sha256').update(source).digest('hex');
  const authorization = authorizer.authorize(apiSchema, document, queryHash, undefined, caller);
  assert.equal(authorization.kind, 'allowed');
  const context: GatewayContext = { requestId: 'defer-test', correlationId: 'defer-test', log: createLogger({ logLevel: 'silent' }, 'test'), caller, subgraphTokens: signer, subgraphs: new Set() };
  return engine.execute({ document, operationName: undefined, queryHash, variables, authorization: authorization as Extract<typeof authorization, { kind: 'allowed' }>, context });
}

async function payloads(outcome: OperationOutcome): Promise<SubsequentIncrementalResult[]> {
  assert.equal(outcome.kind, 'incremental');
  const later: SubsequentIncrementalResult[] = [];
  for await (const payload of outcome.subsequent) later.push(JSON.parse(JSON.stringify(payload)) as SubsequentIncrementalResult);
  return later;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('@defer', () => {
  test('the CRM part first, the other systems’ fields later at their path, under their labels', async () => {
    const source = `query ($id: ID!) {
      customer(id: $id) {
        name
        ... @defer(label: "billing") { balance { amount currency } invoices { number posting { status } } }
        ... @defer { health { score } }
      }
    }`;
    const outcome = await execute(source, { id: customerId });
    assert.equal(outcome.kind, 'incremental');
    const initial = plain(outcome.initial) as { data: { customer: Record<string, unknown> }; hasNext: boolean };
    assert.equal(initial.hasNext, true);
    assert.deepEqual(Object.keys(initial.data.customer), ['name'], 'the initial payload has only the fields not deferred');
    const later = await payloads(outcome);
    assert.equal(later.at(-1)!.hasNext, false);
    assert.ok(later.slice(0, -1).every((payload) => payload.hasNext));
    const parts = later.flatMap((payload) => payload.incremental ?? []);
    assert.equal(parts.length, 2);
    const billing = parts.find((part) => part.label === 'billing')!;
    assert.deepEqual(billing.path, ['customer']);
    assert.deepEqual(Object.keys(billing.data!), ['balance', 'invoices']);
    assert.ok(Array.isArray(billing.data!.invoices) && (billing.data!.invoices as { posting: unknown }[]).every((invoice) => 'posting' in invoice), 'erp’s fields of billing’s invoices are in');
    const health = parts.find((part) => part.label === undefined)!;
    assert.deepEqual(health.path, ['customer']);
    assert.deepEqual(Object.keys(health.data!), ['health']);
    assert.equal(billing.errors, undefined);

    // The same answer as the query without @defer, once the parts are merged.
    const deferred = await execute(source, { id: customerId });
    assert.equal(deferred.kind, 'incremental');
    const whole = deferred.kind === 'incremental' && (await collectIncremental(deferred.initial as Parameters<typeof collectIncremental>[0], deferred.subsequent as Parameters<typeof collectIncremental>[1]));
    const single = await execute(source.replace(/@defer(\([^)]*\))?/g, ''), { id: customerId });
    assert.equal(single.kind, 'single');
    assert.deepEqual(plain(whole), plain(single.kind === 'single' && single.result));
  });

  test('a nested @defer comes after the one it is in; if: false and no @defer give one result', async () => {
    const source = `query ($id: ID!, $defer: Boolean!) {
      customer(id: $id) {
        name
        ... @defer(label: "outer", if: $defer) { health { score } ... @defer(label: "inner") { receivable { balance { amount } } } }
      }
    }`;
    const outcome = await execute(source, { id: customerId, defer: true });
    assert.equal(outcome.kind, 'incremental');
    const labels = (await payloads(outcome)).map((payload) => payload.incremental?.map((part) => part.label));
    assert.deepEqual(labels, [['outer'], ['inner']]);

    // With the outer one off, its fields are in the initial payload; the inner one is still deferred.
    const off = await execute(source, { id: customerId, defer: false });
    assert.equal(off.kind, 'incremental');
    assert.deepEqual(Object.keys((off.kind === 'incremental' && off.initial.data?.customer) as object), ['name', 'health']);
    assert.deepEqual((await payloads(off)).map((payload) => payload.incremental?.map((part) => part.label)), [['inner']]);

    const literalOff = await execute(`query ($id: ID!) { customer(id: $id) { name ... @defer(if: false) { health { score } } } }`, { id: customerId });
    assert.equal(literalOff.kind, 'single');
    assert.deepEqual(Object.keys((literalOff.kind === 'single' && literalOff.result.data?.customer) as object), ['name', 'health']);
  });

  test('a deferred field the caller may not see is null with FORBIDDEN in its own payload', async () => {
    const source = `query ($id: ID!) { customer(id: $id) { name ... @defer(label: "money") { balance { amount } } } }`;
    const scopes = SCOPES.filter((scope) => scope !== 'billing:read');
    const later = await payloads(await execute(source, { id: customerId }, scopes));
    const [part] = later.flatMap((payload) => payload.incremental ?? []);
    assert.deepEqual(part!.data, { balance: null });
    assert.deepEqual(
      part!.errors?.map((error) => [error.extensions?.code, error.path]),
      [['FORBIDDEN', ['customer', 'balance']]],
    );
  });
});

describe('@defer over the gateway', () => {
  const VIEW = `query View($id: ID!) {
    customer(id: $id) {
      name
      ... @defer(label: "billing") { balance { amount currency } }
    }
  }`;

  /** The JSON parts of a multipart/mixed body, as Apollo Client and GraphiQL read them. */
  function multipartParts(body: string): Record<string, unknown>[] {
    assert.ok(body.trimEnd().endsWith('--graphql--'), 'the body ends with the closing delimiter');
    return body
      .split('\r\n--graphql')
      .map((part) => part.split('\r\n\r\n')[1])
      .filter((json): json is string => json !== undefined && json.trim() !== '')
      .map((json) => JSON.parse(json) as Record<string, unknown>);
  }

  test('over HTTP: multipart/mixed parts when the client accepts them, one merged response when not', async () => {
    const post = (accept: string) =>
      fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: withAuthorization(hub.gatewayUrl, { 'content-type': 'application/json', accept }),
        body: JSON.stringify({ query: VIEW, variables: { id: customerId } }),
      });
    const streamed = await post('multipart/mixed;deferSpec=20220824, application/json');
    assert.equal(streamed.status, 200);
    assert.match(streamed.headers.get('content-type') ?? '', /^multipart\/mixed; boundary="graphql"; deferSpec=20220824/);
    const [initial, ...later] = multipartParts(await streamed.text()) as { data?: { customer: Record<string, unknown> }; hasNext: boolean; incremental?: { label?: string; path: unknown[]; data: Record<string, unknown> }[] }[];
    assert.deepEqual(Object.keys(initial.data!.customer), ['name']);
    assert.equal(initial.hasNext, true);
    assert.equal(later.at(-1)!.hasNext, false);
    const billing = later.flatMap((payload) => payload.incremental ?? []).find((part) => part.label === 'billing')!;
    assert.deepEqual(billing.path, ['customer']);
    assert.ok(billing.data.balance, JSON.stringify(billing));

    const whole = await post('application/json');
    assert.match(whole.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await whole.json()) as { data: { customer: Record<string, unknown> }; errors?: unknown };
    assert.equal(body.errors, undefined);
    assert.deepEqual(Object.keys(body.data.customer).sort(), ['balance', 'name']);
    assert.deepEqual(body.data.customer.balance, billing.data.balance);
  });

  test('over graphql-ws: one next message per payload, then complete', async () => {
    const client = createWsClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(hub.gatewayUrl), retryAttempts: 0 });
    try {
      const messages: { data?: { customer?: Record<string, unknown> }; hasNext?: boolean; incremental?: { label?: string }[] }[] = [];
      await new Promise<void>((resolve, reject) => {
        client.subscribe({ query: VIEW, variables: { id: customerId } }, { next: (message) => void messages.push(message as (typeof messages)[number]), error: reject, complete: resolve });
      });
      assert.ok(messages.length >= 2, JSON.stringify(messages));
      assert.deepEqual(Object.keys(messages[0].data!.customer!), ['name']);
      assert.equal(messages.at(-1)!.hasNext, false);
      assert.ok(messages.slice(1).some((message) => message.incremental?.some((part) => part.label === 'billing')));
    } finally {
      await client.dispose();
    }
  });
});
