/** The embedded default keeps every write across a restart of the hub. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { graphql } from './generated/index.ts';
import { query } from './graphql.ts';
import { startHub } from './hub.ts';

const Create = graphql(/* GraphQL */ `
  mutation PersistCreate($input: CreateCustomerInput!) { createCustomer(input: $input, idempotencyKey: "persist-1") { id } }
`);

const Read = graphql(/* GraphQL */ `
  query PersistRead($id: ID!) { customer(id: $id) { id name balance { amount currency } health { score } } }
`);

test('a restart of the embedded hub keeps the data and the idempotency keys', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-persist-'));
  const input = { name: 'Durable GmbH', segment: 'SMB' as const, region: 'EMEA', currency: 'EUR' };
  try {
    const first = await startHub({ dataDir, seedCustomers: 3 });
    const { createCustomer } = await query(first.gatewayUrl, Create, { input });
    await first.close();

    const second = await startHub({ dataDir, seedCustomers: 3 });
    try {
      const { customer } = await query(second.gatewayUrl, Read, { id: createCustomer.id });
      assert.equal(customer?.name, 'Durable GmbH');
      assert.equal(customer?.balance?.amount, '0.00');
      const retry = await query(second.gatewayUrl, Create, { input });
      assert.equal(retry.createCustomer.id, createCustomer.id, 'the key survived the restart');
      const { customer: seeded } = await query(second.gatewayUrl, Read, { id: 'cus_000001' });
      assert.ok(seeded, 'seeded data survived, and was not seeded twice');
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
