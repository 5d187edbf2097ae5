/**
 * The entity cache across two gateway replicas sharing it in Redis, with real processes: the
 * consistency workload (test/cacheConsistency.ts) sends every write and read to either replica at
 * random for ENTITY_CACHE_TEST_SECONDS (30 s unless set), and no read misses a write whose
 * response it started after, whichever replica answered the write; both replicas answer from the
 * shared cache.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { issueDevToken } from '../../platform/auth/devTokens.ts';
import { loadConfig } from '../../platform/config.ts';
import { metric, runConsistency } from '../cacheConsistency.ts';
import { Cluster } from './cluster.ts';

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
    assert.equal(metric(metrics, 'gateway_entity_cache_stale_served_total'), 0, label);
    assert.ok(metric(metrics, 'gateway_entity_cache_hits_total') > 0, `${label} answered from the cache`);
    assert.equal(metric(metrics, 'gateway_entity_cache_serving'), 1, label);
  }
});
