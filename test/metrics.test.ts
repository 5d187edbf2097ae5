/**
 * `/metrics` of the gateway, of ops and of a subgraph, read over HTTP and parsed with a
 * Prometheus text-format parser: the request and subgraph-fetch histograms have their buckets, a
 * request counts under its operation name, a failing subgraph fetch counts under its code and
 * subgraph, and ops's business gauges are the figures `operationsHealth` answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { envPrefix } from '../platform/config.ts';
import { LATENCY_BUCKETS } from '../platform/metrics.ts';
import { FaultyLink } from './faultyLink.ts';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { metricFamily, parseMetrics, readMetric, samples, type MetricFamily } from './metrics.ts';
import { waitFor } from './wait.ts';

const Customers = graphql(/* GraphQL */ `
  query MetricsCustomers { customers(first: 2) { nodes { id name } } }
`);

const Health = graphql(/* GraphQL */ `
  query MetricsHealth {
    operationsHealth {
      invoicesAwaitingPosting
      postingLatencySeconds
      openExceptions
      deadLetters
      openDifferences
      syncLag { consumer pending lagSeconds }
      exceptionsByOwner { owner open oldestAgeSeconds }
      workflowRuns { kind state count }
    }
  }
`);

let hub: TestHub;
/** Between the gateway and customer-success, so a test can take customer-success away. */
let link: FaultyLink;

before(async () => {
  link = await FaultyLink.open();
  // customer-success listens on a port of its own choosing, which the link learns once it does.
  hub = await startHub({ seedCustomers: 3, env: { [`${envPrefix('customer-success')}_URL`]: link.url } });
  link.target = Number(new URL(hub.subgraphs['customer-success'].url).port);
});
after(async () => {
  await hub?.close();
  await link?.close();
});

async function scrape(base: string): Promise<MetricFamily[]> {
  const response = await fetch(`${base}/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

/** How many observations a histogram's series with `labels` has; 0 before its first. */
function observations(families: MetricFamily[], name: string, labels: Record<string, string>): number {
  return samples(metricFamily(families, name), labels).reduce((sum, sample) => sum + Number(sample.count), 0);
}

function assertHistogramWithBuckets(families: MetricFamily[], name: string, labels: Record<string, string>): void {
  const family = metricFamily(families, name);
  assert.equal(family.type, 'HISTOGRAM');
  const [series] = samples(family, labels);
  assert.ok(series, `${name} has a series for ${JSON.stringify(labels)}`);
  const bounds = Object.keys(series.buckets!).map((bound) => (bound === '+Inf' ? Infinity : Number(bound)));
  assert.deepEqual(bounds.sort((a, b) => a - b), [...LATENCY_BUCKETS, Infinity]);
  assert.equal(series.buckets!['+Inf'], series.count);
}

/** A gauge's series, as `{ "label=value,…": value }`, for comparing with an answer. */
function gauge(families: MetricFamily[], name: string, labels: string[] = []): Record<string, number> {
  const family = metricFamily(families, name);
  assert.equal(family.type, 'GAUGE', name);
  return Object.fromEntries(family.metrics.map((sample) => [labels.map((label) => `${label}=${sample.labels?.[label]}`).join(','), Number(sample.value)]));
}

describe('/metrics', () => {
  test('a request through the gateway counts in the request histogram under its operation name, and its fetches in the subgraph-fetch histogram', async () => {
    const before = await scrape(hub.gateway.url);
    const asked = observations(before, 'gateway_request_duration_seconds', { operation: 'MetricsCustomers', type: 'query' });
    const crmFetches = observations(before, 'gateway_subgraph_fetch_duration_seconds', { subgraph: 'crm' });
    await query(hub.gatewayUrl, Customers, {});
    const afterwards = await scrape(hub.gateway.url);
    assert.equal(observations(afterwards, 'gateway_request_duration_seconds', { operation: 'MetricsCustomers', type: 'query' }), asked + 1);
    assert.ok(observations(afterwards, 'gateway_subgraph_fetch_duration_seconds', { subgraph: 'crm' }) > crmFetches);
    assertHistogramWithBuckets(afterwards, 'gateway_request_duration_seconds', { operation: 'MetricsCustomers', type: 'query', service: 'gateway' });
    assertHistogramWithBuckets(afterwards, 'gateway_subgraph_fetch_duration_seconds', { subgraph: 'crm', service: 'gateway' });
    // Counters the gateway kept before prom-client keep their names; process metrics are there too.
    for (const name of ['gateway_subgraph_requests_total', 'gateway_queries_deduplicated_total', 'gateway_document_cache_total', 'graphql_requests_total']) {
      assert.equal(metricFamily(afterwards, name).type, 'COUNTER', name);
    }
    assert.ok(readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), 'process_resident_memory_bytes{service="gateway"}') > 0);
    assert.equal(metricFamily(afterwards, 'nodejs_eventloop_lag_seconds').type, 'GAUGE');
  });

  test('operations without a name count as (anonymous), refused ones as (refused): clients cannot grow the label set', async () => {
    const before = await scrape(hub.gateway.url);
    const anonymous = observations(before, 'gateway_request_duration_seconds', { operation: '(anonymous)' });
    const refused = observations(before, 'gateway_request_duration_seconds', { operation: '(refused)' });
    await query(hub.gatewayUrl, '{ customers(first: 1) { nodes { id } } }', {});
    const unparsable = await request(hub.gatewayUrl, 'query Made$Up { customers(', {});
    assert.equal(unparsable.errors?.[0]?.extensions?.code, 'GRAPHQL_PARSE_FAILED');
    const invalid = await request(hub.gatewayUrl, 'query MadeUpName { noSuchField }', {});
    assert.equal(invalid.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const afterwards = await scrape(hub.gateway.url);
    assert.equal(observations(afterwards, 'gateway_request_duration_seconds', { operation: '(anonymous)' }), anonymous + 1);
    assert.equal(observations(afterwards, 'gateway_request_duration_seconds', { operation: '(refused)' }), refused + 2);
    assert.equal(samples(metricFamily(afterwards, 'gateway_request_duration_seconds'), { operation: 'MadeUpName' }).length, 0);
  });

  test('a failing subgraph fetch counts in the errors by code and subgraph', async () => {
    const selector = 'gateway_subgraph_errors_total{subgraph="customer-success",code="SUBGRAPH_UNAVAILABLE"}';
    const errors = async () => {
      try {
        return readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), selector);
      } catch {
        return 0;
      }
    };
    const before = await errors();
    await link.down();
    try {
      const response = await request(hub.gatewayUrl, '{ customers(first: 1) { nodes { id health { score } } } }', {});
      assert.ok(response.errors?.some((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && error.extensions.serviceName === 'customer-success'), JSON.stringify(response.errors));
    } finally {
      await link.pass();
    }
    assert.ok((await errors()) >= before + 1);
    const families = await scrape(hub.gateway.url);
    assert.equal(metricFamily(families, 'gateway_subgraph_errors_total').type, 'COUNTER');
    assert.ok(readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), 'gateway_subgraph_failures_total{subgraph="customer-success",code="SUBGRAPH_UNAVAILABLE"}') >= 1);
  });

  test("ops's business gauges are the figures operationsHealth answers through the gateway", async () => {
    // Events still flow after the seed and ages tick: compare until one scrape and one answer meet.
    await waitFor('a scrape of ops equal to operationsHealth', async () => {
      const { operationsHealth: health } = await query(hub.gatewayUrl, Health, {});
      const families = await scrape(hub.subgraphs.ops.url);
      const expected = {
        awaiting: { '': health.invoicesAwaitingPosting },
        latency: { '': health.postingLatencySeconds },
        dead: { '': health.deadLetters },
        differences: { '': health.openDifferences },
        open: Object.fromEntries(health.exceptionsByOwner.map(({ owner, open }) => [`owner=${owner}`, open])),
        oldest: Object.fromEntries(health.exceptionsByOwner.map(({ owner, oldestAgeSeconds }) => [`owner=${owner}`, oldestAgeSeconds])),
        runs: Object.fromEntries(health.workflowRuns.map(({ kind, state, count }) => [`kind=${kind},state=${state}`, count])),
        lag: Object.fromEntries(health.syncLag.map(({ consumer, lagSeconds }) => [`consumer=${consumer}`, lagSeconds])),
        pending: Object.fromEntries(health.syncLag.map(({ consumer, pending }) => [`consumer=${consumer}`, pending])),
      };
      const scraped = {
        awaiting: gauge(families, 'hub_invoices_awaiting_posting'),
        latency: gauge(families, 'hub_invoice_posting_latency_p95_seconds'),
        dead: gauge(families, 'hub_dead_letters'),
        differences: gauge(families, 'hub_open_differences'),
        open: gauge(families, 'hub_open_exceptions', ['owner']),
        oldest: gauge(families, 'hub_oldest_open_exception_age_seconds', ['owner']),
        runs: gauge(families, 'hub_workflow_runs', ['kind', 'state']),
        lag: gauge(families, 'hub_event_consumer_lag_seconds', ['consumer']),
        pending: gauge(families, 'hub_event_consumer_pending_events', ['consumer']),
      };
      try {
        assert.deepEqual(scraped, expected);
      } catch (error) {
        throw new Error(`not equal yet: ${(error as Error).message}`);
      }
      // Every seeded contract has its quote-to-cash run: there are runs to count.
      assert.ok(health.workflowRuns.length > 0, 'workflow runs are counted');
      assert.ok(metricFamily(families, 'hub_workflow_runs').metrics.every((sample) => sample.labels?.service === 'ops'));
      return true;
    }, 30_000);
  });

  test("a subgraph's /metrics has its SQL counters, its outbox depth and the process metrics, all labelled with its name", async () => {
    const families = await scrape(hub.subgraphs.billing.url);
    for (const [name, type] of [
      ['sql_statements_total', 'COUNTER'],
      ['sql_background_statements_total', 'COUNTER'],
      ['graphql_requests_total', 'COUNTER'],
      ['outbox_unpublished_events', 'GAUGE'],
      ['process_resident_memory_bytes', 'GAUGE'],
    ] as const) {
      const family = metricFamily(families, name);
      assert.equal(family.type, type, name);
      assert.ok(family.metrics.length > 0 && family.metrics.every((sample) => sample.labels?.service === 'billing'), name);
    }
    assert.ok(readMetric(await (await fetch(`${hub.subgraphs.billing.url}/metrics`)).text(), 'sql_statements_total') > 0);
  });
});
