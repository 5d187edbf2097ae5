import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema } from 'graphql';
import { makeCaller } from '../../platform/auth/caller.ts';
import { MemoryEventStream } from '../../platform/events/memory-stream.ts';
import { createLogger } from '../../platform/logger.ts';
import { receivedPaymentEvent } from '../../test/payments.ts';
import { CacheRules } from './cacheShape.ts';
import { MemoryEntries } from './cacheStores.ts';
import { EntityCache, followStream } from './entityCache.ts';

const schema = buildSchema('type Query { x: Int }');
const newCache = () => new EntityCache({ spec: 'on', maxBytes: 1_000_000, ttlSeconds: 60 }, new MemoryEntries(1_000_000, 60_000), () => schema);

test('a hit is the caller\'s own copy, and hits and misses are counted', async () => {
  const cache = newCache();
  const item = { key: 'a', deps: ['Customer:1'] };
  const [miss] = await cache.lookup([item]);
  await cache.put(item, { name: 'Acme' }, miss!.guard);
  const [hit] = await cache.lookup([item]);
  (hit!.value as { name: string }).name = 'changed by the engine';
  const [again] = await cache.lookup([item]);
  assert.deepEqual(again!.value, { name: 'Acme' });
  assert.deepEqual({ hits: cache.stats().hits, misses: cache.stats().misses }, { hits: 2, misses: 1 });
});

test('an entry that shows any entity of a type is evicted by every change of that type', async () => {
  const cache = newCache();
  const item = { key: 'contract', deps: ['Contract:1', 'Customer:*'] };
  await cache.put(item, { customer: { name: 'Acme' } }, (await cache.lookup([item]))[0]!.guard);
  await cache.evict(['Customer:7'], 'event');
  assert.equal((await cache.lookup([item]))[0]!.value, undefined);
  assert.equal(cache.stats().evictions.event, 1);
});

test('the events of one read of the stream are evicted at once, before the next listener gets them', async () => {
  const store = new MemoryEntries(1_000_000, 60_000);
  const evictions: string[][] = [];
  const evict = store.evict.bind(store);
  store.evict = (deps) => {
    evictions.push([...deps]);
    return evict(deps);
  };
  const cache = new EntityCache({ spec: 'on', maxBytes: 1_000_000, ttlSeconds: 60 }, store, () => schema);
  const stream = new MemoryEventStream(60_000);
  const stop = followStream(cache, stream, createLogger({ logLevel: 'silent' }, 'test'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(cache.serving, true);
  const item = { key: 'invoice', deps: ['Invoice:inv_1'] };
  await cache.put(item, { status: 'OPEN' }, (await cache.lookup([item]))[0]!.guard);
  let seenByTheNext: Promise<unknown> | undefined;
  stream.subscribe(() => (seenByTheNext ??= cache.lookup([item]).then(([found]) => found?.value)));
  await stream.publish([receivedPaymentEvent({ id: 'pay_1', invoiceId: 'inv_1' }), receivedPaymentEvent({ id: 'pay_2', invoiceId: 'inv_1' })]);
  assert.equal(await seenByTheNext, undefined);
  assert.deepEqual(
    evictions.map((deps) => [...deps].sort()),
    [['Customer:*', 'Customer:cus_000001', 'Invoice:*', 'Invoice:inv_1', 'Payment:*', 'Payment:pay_1', 'Payment:pay_2']],
  );
  stop();
});

test('while the stream is lost nothing is served or stored, and the cache starts empty after', async () => {
  const cache = newCache();
  const item = { key: 'a', deps: ['Customer:1'] };
  await cache.put(item, 1, (await cache.lookup([item]))[0]!.guard);
  cache.suspend();
  assert.equal(cache.serving, false);
  assert.deepEqual(await cache.lookup([item]), [undefined]);
  await cache.resume();
  assert.equal((await cache.lookup([item]))[0]!.value, undefined);
  assert.equal(cache.stats().evictions.stream, 1);
});

test('entries are kept apart by the caller\'s scopes, not by who the caller is', () => {
  const cache = newCache();
  assert.equal(cache.scopeOf(makeCaller('a', 'analyst', ['crm:read'])), 'crm:read');
  assert.equal(cache.scopeOf(makeCaller('b', 'analyst', ['crm:read'])), 'crm:read');
  assert.equal(cache.scopeOf(makeCaller('c', 'admin', ['pii:read', 'crm:read', 'ops:read'])), 'crm:read ops:read pii:read');
});

test('ENTITY_CACHE picks subgraphs and types', () => {
  const on = new CacheRules('on');
  assert.ok(on.allows('crm', 'Customer'));
  assert.ok(!on.allows('ops', 'Customer'));
  assert.ok(new CacheRules('off').none);
  const some = new CacheRules('crm,billing,-billing.Invoice,ops.Customer');
  assert.ok(some.allows('crm', 'Contract'));
  assert.ok(some.allows('billing', 'Customer'));
  assert.ok(!some.allows('billing', 'Invoice'));
  assert.ok(!some.allows('erp', 'Invoice'));
  assert.ok(some.allows('ops', 'Customer'));
  assert.ok(some.mayCache('ops'));
  assert.ok(!some.mayCache('erp'));
});
