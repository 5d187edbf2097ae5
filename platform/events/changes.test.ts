import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEvent } from './catalogue.ts';
import { changedEntities } from './changes.ts';

const envelope = { id: 'evt_1', version: 1, source: 'billing', subject: 'Payment:pay_1', time: '2026-12-01T10:00:00.000Z', correlationId: null, causationId: null, customerId: 'cus_1' };

test('an event names its entity, the customer it concerns and what shows it', () => {
  const payment = parseEvent({
    ...envelope,
    type: 'payment.received',
    data: { id: 'pay_1', invoiceId: 'inv_1', customerId: 'cus_1', amount: '1.00', currency: 'USD', method: 'card', reference: null, receivedAt: '2026-12-01T10:00:00.000Z' },
  });
  assert.deepEqual(changedEntities(payment).sort(), ['Customer:cus_1', 'Invoice:inv_1', 'Payment:pay_1']);
});

test('a customer moved to another parent changes both parents', () => {
  const moved = parseEvent({
    ...envelope,
    source: 'crm',
    subject: 'Customer:cus_2',
    customerId: 'cus_2',
    type: 'customer.updated',
    data: { id: 'cus_2', name: 'B', domain: null, segment: 'SMB', region: 'EU', currency: 'EUR', parentId: 'cus_new', accountOwner: null },
    previous: { parentId: 'cus_old' },
  });
  assert.deepEqual(changedEntities(moved).sort(), ['Customer:cus_2', 'Customer:cus_new', 'Customer:cus_old']);
});
