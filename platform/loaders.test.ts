import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphQLError } from 'graphql';
import type { Queryable } from './db/db.ts';
import { tempDb } from '../test/tempDb.ts';
import { connection, decodeCursor, encodeCursor, keysetPage, listBy, listWithParentCurrency, pageSize, rowBy } from './loaders.ts';

test('a cursor is opaque, URL-safe, and decodes to what was encoded', () => {
  const position = JSON.stringify(['Ünïcode & Co', 'cus_000042']);
  const cursor = encodeCursor(position);
  assert.match(cursor, /^[\w-]+$/);
  assert.doesNotMatch(cursor, /cus_/);
  assert.equal(decodeCursor(cursor), position);
});

test('a page size is the given one, the default, or BAD_USER_INPUT naming `first`', () => {
  assert.equal(pageSize(undefined), 20);
  assert.equal(pageSize(null, 50, 5), 5);
  assert.equal(pageSize(0), 0);
  assert.equal(pageSize(100), 100);
  for (const bad of [101, -1, 2.5]) {
    assert.throws(
      () => pageSize(bad),
      (error: GraphQLError) => error.extensions.code === 'BAD_USER_INPUT' && error.extensions.field === 'first',
    );
  }
});

test('a keyset page holds the rows past the cursor that match the filter, and counts all that match it', async (t) => {
  const db = await tempDb(t);
  await db.query('CREATE TABLE items (id text PRIMARY KEY, colour text NOT NULL)');
  await db.query("INSERT INTO items VALUES ('a', 'red'), ('b', 'blue'), ('c', 'red'), ('d', 'red'), ('e', 'red')");
  const reds = (first: number, after: string | null) =>
    keysetPage<{ id: string }>(db, {
      select: 'id',
      from: 'items',
      where: ['colour = $1'],
      params: ['red'],
      after: after ? (params) => `id > $${params.push(after)}` : undefined,
      orderBy: 'id',
      first,
    });
  assert.deepEqual(await reds(2, null), { rows: [{ id: 'a' }, { id: 'c' }], totalCount: 4, hasNextPage: true });
  assert.deepEqual(await reds(2, 'c'), { rows: [{ id: 'd' }, { id: 'e' }], totalCount: 4, hasNextPage: false });
  assert.deepEqual(await reds(0, null), { rows: [], totalCount: 4, hasNextPage: true });
});

test("a connection's end cursor is its last row's, and null for an empty page", () => {
  const cursorOf = (row: { id: string }) => `after ${row.id}`;
  assert.deepEqual(connection({ rows: [{ id: 'a' }, { id: 'b' }], totalCount: 3, hasNextPage: true }, cursorOf), {
    nodes: [{ id: 'a' }, { id: 'b' }],
    totalCount: 3,
    pageInfo: { hasNextPage: true, endCursor: 'after b' },
  });
  assert.deepEqual(connection({ rows: [], totalCount: 3, hasNextPage: false }, cursorOf).pageInfo, { hasNextPage: false, endCursor: null });
});

test("loaders by a column answer each key with its row, its rows in order, or its rows with their parent's currency", async (t) => {
  const db = await tempDb(t);
  await db.query('CREATE TABLE orders (id text PRIMARY KEY, currency text NOT NULL, created_at integer NOT NULL)');
  await db.query('CREATE TABLE order_lines (order_id text NOT NULL REFERENCES orders (id), id text NOT NULL, position integer NOT NULL)');
  await db.query("INSERT INTO orders VALUES ('o1', 'EUR', 1), ('o2', 'USD', 2)");
  await db.query("INSERT INTO order_lines VALUES ('o1', 'b', 2), ('o1', 'a', 1), ('o2', 'c', 1)");
  type Line = { order_id: string; id: string; position: number };
  assert.deepEqual(await rowBy<{ id: string; currency: string; created_at: number }>(db, 'orders', 'currency').loadMany(['USD', 'GBP']), [
    { id: 'o2', currency: 'USD', created_at: 2 },
    null,
  ]);
  assert.deepEqual(await listBy<Line>(db, 'order_lines', 'order_id', 'position DESC').loadMany(['o1', 'none']), [
    [
      { order_id: 'o1', id: 'b', position: 2 },
      { order_id: 'o1', id: 'a', position: 1 },
    ],
    [],
  ]);
  // The parent's own id and created_at neither clash with the lines' nor take part in their order.
  assert.deepEqual(await listWithParentCurrency<Line & { currency: string }>(db, 'order_lines', 'order_id', 'orders', 'id').loadMany(['o2', 'o1']), [
    [{ order_id: 'o2', id: 'c', position: 1, currency: 'USD' }],
    [
      { order_id: 'o1', id: 'a', position: 1, currency: 'EUR' },
      { order_id: 'o1', id: 'b', position: 2, currency: 'EUR' },
    ],
  ]);
});

test("concurrent requests' loaders of one statement share one query, and each gets its own rows to change", async (t) => {
  const db = await tempDb(t);
  await db.query('CREATE TABLE notes (id text PRIMARY KEY, owner text NOT NULL, body text NOT NULL)');
  await db.query("INSERT INTO notes VALUES ('n1', 'ann', 'one'), ('n2', 'bob', 'two'), ('n3', 'ann', 'three')");
  const statements: unknown[][] = [];
  const counted: Queryable = { query: (sql, params = []) => (statements.push(params), db.query(sql, params)) };
  type Note = { id: string; owner: string; body: string };
  // Two requests, each with its own loaders, asking in the same turn.
  const [first, second] = [rowBy<Note>(counted, 'notes', 'id'), rowBy<Note>(counted, 'notes', 'id')];
  const [mine, theirs] = await Promise.all([first.loadMany(['n1', 'n2']), second.loadMany(['n2', 'missing'])]);
  assert.equal(statements.length, 1, 'one query for both');
  assert.deepEqual(statements[0], [['n1', 'n2', 'missing']]);
  assert.deepEqual(mine, [{ id: 'n1', owner: 'ann', body: 'one' }, { id: 'n2', owner: 'bob', body: 'two' }]);
  assert.deepEqual(theirs, [{ id: 'n2', owner: 'bob', body: 'two' }, null]);
  (mine[1] as Note).body = 'changed by the first request';
  assert.equal((theirs[0] as Note).body, 'two', "a request's change is its own");

  const lists = [listBy<Note>(counted, 'notes', 'owner', 'id'), listBy<Note>(counted, 'notes', 'owner', 'id')];
  const [anns, bobs] = await Promise.all([lists[0]!.load('ann'), lists[1]!.load('bob')]);
  assert.equal(statements.length, 2);
  assert.deepEqual(anns.map((note) => note.id), ['n1', 'n3']);
  assert.deepEqual(bobs.map((note) => note.id), ['n2']);

  // Asked in later turns, each is a query of its own.
  await first.clearAll().load('n3');
  await second.clearAll().load('n3');
  assert.equal(statements.length, 4);
});

test('a shared query that fails fails every request that waited on it, and the next one runs', async (t) => {
  const db = await tempDb(t);
  await db.query('CREATE TABLE tags (id text PRIMARY KEY)');
  await db.query("INSERT INTO tags VALUES ('t1')");
  let fail = true;
  const flaky: Queryable = { query: (sql, params) => (fail ? ((fail = false), Promise.reject(new Error('connection lost'))) : db.query(sql, params)) };
  const loaders = [rowBy<{ id: string }>(flaky, 'tags', 'id'), rowBy<{ id: string }>(flaky, 'tags', 'id')];
  const results = await Promise.allSettled(loaders.map((loader) => loader.load('t1')));
  assert.deepEqual(results.map((result) => result.status), ['rejected', 'rejected']);
  assert.deepEqual(await loaders[0]!.clearAll().load('t1'), { id: 't1' });
});
