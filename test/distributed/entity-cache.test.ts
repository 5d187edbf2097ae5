/**
 * The entity cache across two gateway replicas sharing it in Redis, with real processes: the
 * consistency workload (test/cacheConsistency.ts) sends every write and read to either replica at
 * random for ENTITY_CACHE_TEST_SECONDS (30 s unless set), and no read misses a write whose
 * response it started after, whichever replica answered the write; both replicas answer from the
 * shared cache. With Redis down they serve nothing from it, and start over once it is back.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { issueDevToken } from '../../platform/auth/devTokens.ts';
import { loadConfig } from '../../platform/config.ts';
import { runConsistency } from '../cacheConsistency.ts';
import { Cluster } from './cluster.ts';
import { waitFor } from '../wait.ts';
import { readMetric } from '../metrics.ts';

const SECONDS = Number(process.env.ENTITY_CACHE_TEST_SECONDS ?? 30);

let cluster: Cluster;

before(async () => {
  // A loaded machine must not turn a slow answer into an error the workload stops on.
  cluster = await Cluster.start({ seedCustomers: 12, replicas: { gateway: 1 }, env: { SUBGRAPH_TIMEOUT_MS: '10000' } });
});

after(async () => {
  await cluster?.close();
});

test(`two replicas on one Redis cache: concurrent random writes and reads for ${SECONDS} s find no stale read`, { timeout: (SECONDS + 180) * 1000 }, async () => {
  const analyst = { authorization: `Bearer ${await issueDevToken(loadConfig(cluster.env), 'analyst')}` };
  const { observations, stale } = await runConsistency({ urls: [cluster.url('gateway'), cluster.url('gateway#2')], analyst, seconds: SECONDS });
  assert.ok(observations > 100, `${observations} values read`);
  assert.deepEqual(stale.slice(0, 10), []);
  for (const label of ['gateway', 'gateway#2']) {
    const metrics = await (await fetch(`${cluster.origin(label)}/metrics`)).text();
    assert.equal(readMetric(metrics, 'gateway_entity_cache_stale_served_total'), 0, label);
    assert.ok(readMetric(metrics, 'gateway_entity_cache_hits_total') > 0, `${label} answered from the cache`);
    assert.equal(readMetric(metrics, 'gateway_entity_cache_serving'), 1, label);
  }
});

test('with Redis down the replicas serve nothing from the cache, and start it over once Redis is back', { timeout: 180_000 }, async () => {
  const analyst = { authorization: `Bearer ${await issueDevToken(loadConfig(cluster.env), 'analyst')}` };
  const view = '{ customers(first: 1) { nodes { id } } }';
  const id = ((await (await post(cluster.url('gateway'), view, analyst)).json()) as { data: { customers: { nodes: { id: string }[] } } }).data.customers.nodes[0]!.id;
  const customer = `{ customer(id: "${id}") { name health { score } } }`;
  const cache = async (label: string) => ((await (await post(cluster.url(label), customer, { ...analyst, 'x-cache-debug': '1' })).json()) as { extensions: { cache: { hits: number; bypassed?: string } } }).extensions.cache;
  await cache('gateway');
  assert.ok((await cache('gateway#2')).hits > 0, 'the other replica answers from the shared cache');
  const serving = async (label: string) => readMetric(await (await fetch(`${cluster.origin(label)}/metrics`)).text(), 'gateway_entity_cache_serving');
  await cluster.redis.stop('SIGKILL');
  try {
    for (const label of ['gateway', 'gateway#2']) await waitFor(`${label} to stop serving from the cache`, async () => ((await serving(label)) === 0 ? true : undefined), 30_000);
    assert.match((await cache('gateway')).bypassed ?? '', /event stream/);
  } finally {
    await cluster.redis.start();
  }
  for (const label of ['gateway', 'gateway#2']) await waitFor(`${label} to serve from the cache again`, async () => ((await serving(label)) === 1 ? true : undefined), 60_000);
  // Started over: what was cached before the outage is not served.
  assert.equal((await cache('gateway')).hits, 0);
  assert.ok((await cache('gateway#2')).hits > 0);
});

function post(url: string, query: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
}
