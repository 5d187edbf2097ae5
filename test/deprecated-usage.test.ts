/**
 * Deprecated-field usage at run time: over a supergraph that deprecates `Customer.accountOwner`,
 * the gateway counts per client and operation the executions that select it, on `/metrics`, and
 * reports them to ops, whose `deprecatedUsage` query (ops:read) serves the totals.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import { SUPERGRAPH_PATH } from '../gateway/server.ts';
import { graphql } from './generated/index.ts';
import { query, request, webSocketFor } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { metricFamily, samples, type Sample } from './metrics.ts';

const Owners = graphql(/* GraphQL */ `
  query DeprecatedOwners { customers(first: 2) { nodes { id accountOwner } } }
`);

const OwnersByFragment = graphql(/* GraphQL */ `
  query DeprecatedOwnersByFragment { customers(first: 1) { nodes { ...DeprecatedOwner } } }
  fragment DeprecatedOwner on Customer { accountOwner }
`);

const Names = graphql(/* GraphQL */ `
  query DeprecatedNone { customers(first: 1) { nodes { name } } }
`);

const Usage = graphql(/* GraphQL */ `
  query DeprecatedUsage($field: String) { deprecatedUsage(field: $field) { client operation field count firstSeenAt lastSeenAt } }
`);

const folder = mkdtempSync(join(tmpdir(), 'hub-deprecated-'));
let hub: TestHub;

before(async () => {
  const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const deprecated = supergraph.replace('  accountOwner: String @join__field(graph: CRM)\n', '  accountOwner: String @join__field(graph: CRM) @deprecated(reason: "Use owner.")\n');
  assert.notEqual(deprecated, supergraph);
  writeFileSync(join(folder, 'supergraph.graphql'), deprecated);
  hub = await startHub({ seedCustomers: 2, env: { SUPERGRAPH_PATH: join(folder, 'supergraph.graphql') } });
});
after(async () => {
  await hub?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function metrics(): Promise<string> {
  return (await fetch(`${hub.gateway.url}/metrics`)).text();
}

/** Deprecated-usage series as their labels and count, by client and operation. */
function usageSeries(series: Sample[]): Record<string, string | number>[] {
  const labelled: Record<string, string | number>[] = series.map((sample) => ({ ...sample.labels, count: Number(sample.value) }));
  return labelled.sort((a, b) => `${a.client} ${a.operation}`.localeCompare(`${b.client} ${b.operation}`));
}

describe('deprecated-field usage', () => {
  test('is counted per client and operation on /metrics and reported to ops', async () => {
    const webApp = { 'apollographql-client-name': 'web-app' };
    await query(hub.gatewayUrl, Owners, {}, webApp);
    await query(hub.gatewayUrl, Owners, {}, webApp);
    await query(hub.gatewayUrl, OwnersByFragment);
    await query(hub.gatewayUrl, Names, {}, webApp);

    const family = metricFamily(await metrics(), 'gateway_deprecated_field_usage_total');
    assert.equal(family.type, 'COUNTER');
    assert.deepEqual(
      usageSeries(family.metrics),
      [
        { client: 'unknown', operation: 'DeprecatedOwnersByFragment', field: 'Customer.accountOwner', service: 'gateway', count: 1 },
        { client: 'web-app', operation: 'DeprecatedOwners', field: 'Customer.accountOwner', service: 'gateway', count: 2 },
      ],
    );

    // The gateway reports a couple of seconds after counting; ops sums the reports.
    const analyst = { authorization: `Bearer ${await hub.token('analyst')}` };
    const deadline = Date.now() + 30_000;
    let usage: { client: string; operation: string; field: string; count: number; firstSeenAt: string; lastSeenAt: string }[] = [];
    while (Date.now() < deadline) {
      usage = (await query(hub.gatewayUrl, Usage, { field: 'Customer.accountOwner' }, analyst)).deprecatedUsage;
      if (usage.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.deepEqual(
      usage.map(({ client, operation, field, count }) => ({ client, operation, field, count })),
      [
        { client: 'unknown', operation: 'DeprecatedOwnersByFragment', field: 'Customer.accountOwner', count: 1 },
        { client: 'web-app', operation: 'DeprecatedOwners', field: 'Customer.accountOwner', count: 2 },
      ],
    );
    for (const entry of usage) assert.ok(Date.parse(entry.firstSeenAt) <= Date.parse(entry.lastSeenAt));
  });

  test('over WebSocket too: queries and subscriptions count for the client the connection names', async () => {
    const url = hub.gatewayUrl.replace('http', 'ws');
    const client = createClient({ url, webSocketImpl: webSocketFor(hub.gatewayUrl), connectionParams: { 'apollographql-client-name': 'cs-console' }, retryAttempts: 0 });
    try {
      for await (const result of client.iterate({ query: 'query WsOwners { customers(first: 1) { nodes { accountOwner } } }' })) assert.equal(result.errors, undefined);
      const subscription = client.iterate({ query: 'subscription WsPayments { paymentReceived { customer { accountOwner } } }' });
      void subscription.next();
      const wanted = [
        { client: 'cs-console', operation: 'WsOwners', field: 'Customer.accountOwner', service: 'gateway', count: 1 },
        { client: 'cs-console', operation: 'WsPayments', field: 'Customer.accountOwner', service: 'gateway', count: 1 },
      ];
      const deadline = Date.now() + 10_000;
      let series: ReturnType<typeof usageSeries> = [];
      while (Date.now() < deadline) {
        series = usageSeries(samples(metricFamily(await metrics(), 'gateway_deprecated_field_usage_total'), { client: 'cs-console' }));
        if (series.length === wanted.length) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.deepEqual(series, wanted);
      await subscription.return?.();
    } finally {
      await client.dispose();
    }
  });

  test('is served only to callers with ops:read', async () => {
    const sales = { authorization: `Bearer ${await hub.token('sales')}` };
    const response = await request(hub.gatewayUrl, Usage, {}, sales);
    assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(response.errors?.[0]?.extensions?.requiredScopes, [['ops:read']]);
  });

  test('cannot be reported by clients: the reporting mutation is not in the API schema', async () => {
    const response = await request(hub.gatewayUrl, 'mutation { recordDeprecatedUsage(usage: [], idempotencyKey: "k") }');
    assert.equal(response.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(response.errors?.[0]?.message ?? '', /Cannot query field "recordDeprecatedUsage" on type "Mutation"/);
  });
});
