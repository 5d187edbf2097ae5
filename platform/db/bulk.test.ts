import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDb } from '../../test/tempDb.ts';
import { loadBatch, type SeedTables } from './bulk.ts';

interface Batch {
  lines: { order_id: string; sku: string }[];
  orders: { id: string }[];
}

test('a seed batch loads each list into its table, in the order the tables are named, not the batch fields', async (t) => {
  const db = await tempDb(t);
  // One sequence for both tables: the numbers show which table was filled first.
  await db.query('CREATE SEQUENCE loaded');
  await db.query(`CREATE TABLE orders (id text PRIMARY KEY, loaded bigint NOT NULL DEFAULT nextval('loaded'))`);
  await db.query(`CREATE TABLE order_lines (order_id text NOT NULL REFERENCES orders, sku text NOT NULL, loaded bigint NOT NULL DEFAULT nextval('loaded'))`);
  const tables: SeedTables<Batch> = { orders: 'orders', lines: 'order_lines' };

  await loadBatch(db, tables, { lines: [{ order_id: 'o1', sku: 'a' }, { order_id: 'o2', sku: 'b' }], orders: [{ id: 'o1' }, { id: 'o2' }] });

  assert.deepEqual(await db.query('SELECT id, loaded::int FROM orders ORDER BY id'), [{ id: 'o1', loaded: 1 }, { id: 'o2', loaded: 2 }]);
  assert.deepEqual(await db.query('SELECT order_id, sku, loaded::int FROM order_lines ORDER BY sku'), [
    { order_id: 'o1', sku: 'a', loaded: 3 },
    { order_id: 'o2', sku: 'b', loaded: 4 },
  ]);
});
