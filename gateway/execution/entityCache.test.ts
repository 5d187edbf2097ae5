import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema } from 'graphql';
import { makeCaller } from '../../platform/auth/caller.ts';
import { CacheRules, EntityCache } from './entityCache.ts';

const schema = buildSchema('type Query { x: Int }');
const newCache = (maxBytes = 1_000_000) => new EntityCache({ spec: 'on', maxBytes, ttlSeconds: 60 }, () => schema);

test('an entry is served until one of the entities it shows is evicted', () => {
  const cache = newCache();
  cache.set('a', ['Customer:1'], { name: 'Acme' }, cache.begin());
  assert.deepEqual(cache.get('a'), { name: 'Acme' });
  cache.evict(['Invoice:9'], 'event');
  assert.deepEqual(cache.get('a'), { name: 'Acme' });
  cache.evict(['Customer:1'], 'mutation');
  assert.equal(cache.get('a'), undefined);
  const stats = cache.stats();
  assert.equal(stats.hits, 2);
  assert.equal(stats.misses, 1);
  assert.equal(stats.evictions.mutation, 1);
  assert.equal(stats.staleServed, 0);
});

test('each reader gets its own copy of an entry', () => {
  const cache = newCache();
  cache.set('a', ['Customer:1'], { name: 'Acme' }, cache.begin());
  (cache.get('a') as { name: string }).name = 'changed by the engine';
  assert.deepEqual(cache.get('a'), { name: 'Acme' });
});

test('an answer fetched before an eviction of its entity is not stored', () => {
  const cache = newCache();
  const started = cache.begin();
  cache.evict(['Customer:1'], 'event');
  cache.set('a', ['Customer:1'], { name: 'old' }, started);
  assert.equal(cache.get('a'), undefined);
  // Another entity's eviction does not hold it back.
  const again = cache.begin();
  cache.evict(['Customer:2'], 'event');
  cache.set('a', ['Customer:1'], { name: 'new' }, again);
  assert.deepEqual(cache.get('a'), { name: 'new' });
});

test('an entry that shows any entity of a type is evicted by every change of that type', () => {
  const cache = newCache();
  cache.set('contract', ['Contract:1', 'Customer:*'], { customer: { name: 'Acme' } }, cache.begin());
  cache.evict(['Customer:7'], 'event');
  assert.equal(cache.get('contract'), undefined);
});

test('while the stream is lost nothing is served or stored, and the cache starts empty after', () => {
  const cache = newCache();
  cache.set('a', ['Customer:1'], 1, cache.begin());
  const started = cache.begin();
  cache.suspend();
  assert.equal(cache.serving, false);
  assert.equal(cache.get('a'), undefined);
  cache.set('b', ['Customer:2'], 2, cache.begin());
  cache.resume();
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('b'), undefined);
  // A fetch that started before the outage may have missed its evictions.
  cache.set('c', ['Customer:3'], 3, started);
  assert.equal(cache.get('c'), undefined);
  assert.equal(cache.stats().evictions.stream, 1);
});

test('the least recently used entries go first past the size limit', () => {
  const cache = newCache(2_000);
  for (let index = 0; index < 20; index++) cache.set(`k${index}`, [`Customer:${index}`], 'x'.repeat(100), cache.begin());
  const stats = cache.stats();
  assert.ok(stats.bytes <= 2_000, `${stats.bytes} bytes`);
  assert.ok(stats.evictions.size > 0);
  assert.equal(cache.get('k0'), undefined);
  assert.ok(cache.get('k19'));
});

test('entries are kept apart by the scopes that change an answer', () => {
  const cache = newCache();
  assert.equal(cache.scopeOf(makeCaller('a', 'analyst', ['crm:read'])), '');
  assert.equal(cache.scopeOf(makeCaller('b', 'admin', ['crm:read', 'pii:read', 'ops:read'])), 'pii:read');
  assert.equal(cache.scopeOf(makeCaller('c', 'sales', ['pii:read', 'crm:write'])), 'pii:read');
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
