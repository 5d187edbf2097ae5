import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryEntries } from './cacheStores.ts';

const item = (key: string, ...deps: string[]) => ({ key, deps });

async function read(store: MemoryEntries, key: string, ...deps: string[]) {
  const [found] = await store.lookup([item(key, ...deps)]);
  return found!;
}

test('an entry is found until one of the entities it shows is evicted', async () => {
  const store = new MemoryEntries(1_000_000, 60_000);
  await store.put(item('a', 'Customer:1'), '"Acme"', (await read(store, 'a', 'Customer:1')).guard);
  assert.equal((await read(store, 'a', 'Customer:1')).json, '"Acme"');
  assert.equal(await store.evict(['Invoice:9']), 0);
  assert.equal((await read(store, 'a', 'Customer:1')).json, '"Acme"');
  assert.equal(await store.evict(['Customer:1']), 1);
  assert.equal((await read(store, 'a', 'Customer:1')).json, undefined);
});

test('an answer fetched while one of its entities was evicted is not stored', async () => {
  const store = new MemoryEntries(1_000_000, 60_000);
  const { guard } = await read(store, 'a', 'Customer:1');
  await store.evict(['Customer:1']);
  await store.put(item('a', 'Customer:1'), '"old"', guard);
  assert.equal((await read(store, 'a', 'Customer:1')).json, undefined);
  // Another entity's eviction does not hold it back.
  const again = await read(store, 'a', 'Customer:1');
  await store.evict(['Customer:2']);
  await store.put(item('a', 'Customer:1'), '"new"', again.guard);
  assert.equal((await read(store, 'a', 'Customer:1')).json, '"new"');
});

test('after a clear nothing is found, and a lookup from before it stores nothing', async () => {
  const store = new MemoryEntries(1_000_000, 60_000);
  const { guard } = await read(store, 'a', 'Customer:1');
  await store.put(item('b', 'Customer:2'), '2', guard);
  assert.equal(await store.clear(), 1);
  assert.equal((await read(store, 'b', 'Customer:2')).json, undefined);
  await store.put(item('a', 'Customer:1'), '1', guard);
  assert.equal((await read(store, 'a', 'Customer:1')).json, undefined);
});

test('the least recently used entries go first past the size limit', async () => {
  const store = new MemoryEntries(2_000, 60_000);
  for (let index = 0; index < 20; index++) await store.put(item(`k${index}`, `Customer:${index}`), `"${'x'.repeat(100)}"`, (await read(store, `k${index}`)).guard);
  assert.ok(store.size().bytes <= 2_000, `${store.size().bytes} bytes`);
  assert.ok(store.counts().size > 0);
  assert.equal((await read(store, 'k0')).json, undefined);
  assert.ok((await read(store, 'k19')).json);
});
