/**
 * The gateway's entity cache: repeated reads are answered from it, `x-cache-debug: 1` shows what
 * it did, masked and whole personal data are kept apart, and it is exact: concurrent random writes
 * and reads on every entity type for ENTITY_CACHE_TEST_SECONDS (20 s unless set; 30 or more for a
 * full run) find no read that missed a write whose response it started after, and every derived
 * change (a subscription's seats after an amendment, health after a payment) is seen by every read
 * started after its event was delivered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CacheCustomers, CacheCustomerView, CacheRename, runConsistency } from './cacheConsistency.ts';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';
import { readMetric } from './metrics.ts';

const SECONDS = Number(process.env.ENTITY_CACHE_TEST_SECONDS ?? 20);

const CacheInvoicePosting = graphql(/* GraphQL */ `
  query CacheInvoicePosting($id: ID!) {
    invoice(id: $id) { id posting { status } }
  }
`);

const CacheContacts = graphql(/* GraphQL */ `
  query CacheContacts($id: ID!) {
    customer(id: $id) { contacts { email } }
  }
`);

describe('entity cache', () => {
  let hub: TestHub;
  let analyst: Record<string, string>;

  before(async () => {
    hub = await startHub({ seedCustomers: 12 });
    analyst = { authorization: `Bearer ${await hub.token('analyst')}` };
  });
  after(() => hub.close());

  test('answers a repeated read from the cache and says so under x-cache-debug', async () => {
    const { customers } = await query(hub.gatewayUrl, CacheCustomers);
    const id = customers.nodes[0]!.id;
    const debug = { ...analyst, 'x-cache-debug': '1' };
    const first = await request(hub.gatewayUrl, CacheCustomerView, { id }, debug);
    const second = await request(hub.gatewayUrl, CacheCustomerView, { id }, debug);
    assert.deepEqual(second.data, first.data);
    const [before, again] = [first, second].map((response) => response.extensions?.cache as { hits: number; misses: number; entries: { subgraph: string; hit: boolean }[] });
    assert.ok(before!.misses > 0 && again!.hits === before!.misses && again!.misses === 0, JSON.stringify({ before, again }));
    assert.deepEqual(new Set(again!.entries.map((entry) => entry.subgraph)), new Set(['crm', 'billing', 'customer-success']));
    const plain = await request(hub.gatewayUrl, CacheCustomerView, { id }, analyst);
    assert.equal(plain.extensions?.cache, undefined);
  });

  test('a read sent after a write\'s response sees the write', async () => {
    const { customers } = await query(hub.gatewayUrl, CacheCustomers);
    const id = customers.nodes[1]!.id;
    await query(hub.gatewayUrl, CacheCustomerView, { id }, analyst);
    await query(hub.gatewayUrl, CacheRename, { id, input: { name: 'Renamed While Cached' } });
    const { customer } = await query(hub.gatewayUrl, CacheCustomerView, { id }, analyst);
    assert.equal(customer?.name, 'Renamed While Cached');
  });

  test('masked contact e-mails are not served to a caller with pii:read, nor the reverse', async () => {
    const { customers } = await query(hub.gatewayUrl, CacheCustomers);
    const id = customers.nodes[2]!.id;
    const masked = (email: string | null | undefined) => String(email).includes('•••');
    for (let round = 0; round < 2; round++) {
      const seenByAnalyst = await query(hub.gatewayUrl, CacheContacts, { id }, analyst);
      const seenByAdmin = await query(hub.gatewayUrl, CacheContacts, { id });
      assert.ok(seenByAnalyst.customer!.contacts.length > 0);
      assert.ok(seenByAnalyst.customer!.contacts.every((contact) => masked(contact.email)));
      assert.ok(seenByAdmin.customer!.contacts.every((contact) => !masked(contact.email)));
    }
  });

  test('a field a subgraph refuses a role is not served to it from another role\'s entry', async () => {
    const { customers } = await query(hub.gatewayUrl, CacheCustomers);
    const id = customers.nodes.flatMap((customer) => customer.invoices ?? [])[0]!.id;
    const admin = await request(hub.gatewayUrl, CacheInvoicePosting, { id });
    assert.equal(admin.errors, undefined);
    assert.ok(admin.data?.invoice?.posting, 'the admin sees the posting');
    const sales = await request(hub.gatewayUrl, CacheInvoicePosting, { id }, { authorization: `Bearer ${await hub.token('sales')}` });
    assert.equal(sales.data?.invoice?.posting, null);
    assert.ok(sales.errors?.some((error) => error.path?.includes('posting')), JSON.stringify(sales.errors));
  });

  test(`concurrent random writes and reads on every entity type for ${SECONDS} s: no stale read, derived changes seen once delivered`, { timeout: (SECONDS + 120) * 1000 }, async () => {
    const { observations, stale } = await runConsistency({ urls: [hub.gatewayUrl], analyst, seconds: SECONDS, stream: hub.stream });
    assert.ok(observations > 100, `${observations} values read`);
    assert.deepEqual(stale.slice(0, 10), []);
    const metrics = await (await fetch(`${hub.gateway.url}/metrics`)).text();
    assert.equal(readMetric(metrics, 'gateway_entity_cache_stale_served_total'), 0);
    assert.ok(readMetric(metrics, 'gateway_entity_cache_hits_total') > 0, 'some reads were answered from the cache');
    // In one process an event usually reaches the gateway before its write's answer does.
    assert.ok(readMetric(metrics, 'gateway_entity_cache_evictions_total{reason="event"}') + readMetric(metrics, 'gateway_entity_cache_evictions_total{reason="mutation"}') > 0, 'writes evicted');
    const lag = readMetric(metrics, 'gateway_entity_cache_stream_lag_seconds');
    assert.ok(Number.isFinite(lag) && lag >= 0 && lag < 10, `stream lag ${lag} s`);
  });
});
