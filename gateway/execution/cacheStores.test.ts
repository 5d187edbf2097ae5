import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { MemoryEntries, RedisEntries, type EntryStore } from './cacheStores.ts';

const item = (key: string, ...deps: string[]) => ({ key, deps });

async function read(store: EntryStore, key: string, ...deps: string[]) {
  const [found] = await store.lookup([item(key, ...deps)]);
  return found!;
}

// The machine's Redis (CI starts it), under a prefix of this run's own.
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-cache-stores-${randomUUID()}`;
const clients: Redis[] = [];
after(async () => {
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
  for (const client of clients) client.disconnect();
});

const stores: [string, () => EntryStore][] = [
  ['in process', () => new MemoryEntries(1_000_000, 60_000)],
  [
    'in Redis',
    () => {
      const [redis, evictions] = [new Redis(redisUrl), new Redis(redisUrl)];
      clients.push(redis, evictions);
      return new RedisEntries(redis, evictions, `${prefix}:${randomUUID()}`, 60_000);
    },
  ],
];

for (const [where, open] of stores) {
  test(`${where}: an entry is found until one of the entities it shows is evicted`, async () => {
    const store = open();
    await store.put(item('a', 'Customer:1'), '"Acme"', (await read(store, 'a', 'Customer:1')).guard);
    assert.equal((await read(store, 'a', 'Customer:1')).json, '"Acme"');
    await store.evict(['Invoice:9']);
    assert.equal((await read(store, 'a', 'Customer:1')).json, '"Acme"');
    await store.evict(['Customer:1']);
    assert.equal((await read(store, 'a', 'Customer:1')).json, undefined);
  });

  test(`${where}: an answer fetched while one of its entities was evicted is not stored`, async () => {
    const store = open();
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

  test(`${where}: after a clear nothing is found, and a lookup from before it stores nothing`, async () => {
    const store = open();
    const { guard } = await read(store, 'a', 'Customer:1');
    await store.put(item('b', 'Customer:2'), '2', guard);
    await store.clear();
    assert.equal((await read(store, 'b', 'Customer:2')).json, undefined);
    await store.put(item('a', 'Customer:1'), '1', guard);
    assert.equal((await read(store, 'a', 'Customer:1')).json, undefined);
  });

  test(`${where}: one lookup of many entries sharing dependencies answers and guards each on its own`, async () => {
    const store = open();
    const items = [item('c1', 'Customer:1', 'Invoice:*'), item('c2', 'Customer:2', 'Invoice:*'), item('c3', 'Customer:3')];
    const first = await store.lookup(items);
    assert.deepEqual(first.map(({ json }) => json), [undefined, undefined, undefined]);
    await Promise.all(items.map((entry, index) => store.put(entry, `"${entry.key}"`, first[index]!.guard)));
    assert.deepEqual((await store.lookup(items)).map(({ json }) => json), ['"c1"', '"c2"', '"c3"']);

    await store.evict(['Customer:2']);
    const second = await store.lookup(items);
    assert.deepEqual(second.map(({ json }) => json), ['"c1"', undefined, '"c3"'], 'only the entry showing the evicted entity misses');
    await store.put(items[1]!, '"c2 again"', second[1]!.guard);
    assert.equal((await read(store, 'c2', 'Customer:2', 'Invoice:*')).json, '"c2 again"');

    await store.evict(['Invoice:*']);
    assert.deepEqual((await store.lookup(items)).map(({ json }) => json), [undefined, undefined, '"c3"'], 'a type-wide eviction reaches every entry that shows the type');
  });
}

test('in process: evictions and clears count the entries they removed', async () => {
  const store = new MemoryEntries(1_000_000, 60_000);
  await store.put(item('a', 'Customer:1'), '"Acme"', (await read(store, 'a', 'Customer:1')).guard);
  assert.equal(await store.evict(['Invoice:9']), 0);
  assert.equal(await store.evict(['Customer:1']), 1);
  await store.put(item('b', 'Customer:2'), '2', (await read(store, 'b', 'Customer:2')).guard);
  assert.equal(await store.clear(), 1);
});

test('the least recently used entries go first past the size limit', async () => {
  const store = new MemoryEntries(2_000, 60_000);
  for (let index = 0; index < 20; index++) await store.put(item(`k${index}`, `Customer:${index}`), `"${'x'.repeat(100)}"`, (await read(store, `k${index}`)).guard);
  assert.ok(store.size().bytes <= 2_000, `${store.size().bytes} bytes`);
  assert.ok(store.counts().size > 0);
  assert.equal((await read(store, 'k0')).json, undefined);
  assert.ok((await read(store, 'k19')).json);
});
