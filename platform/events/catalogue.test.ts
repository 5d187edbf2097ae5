// parseEvent against the catalogue: what it accepts, what it refuses, and that every refusal is
// permanent (a consumer dead-letters it at once with the message as the reason).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATALOGUE, EVENT_TYPES, MalformedEventError, parseEvent, type HubEvent } from './catalogue.ts';
import { isPermanent } from './permanent.ts';

function paymentReceived(changes: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'evt_1',
    type: 'payment.received',
    version: 1,
    source: 'billing',
    subject: 'Payment:pay_1',
    time: '2026-11-22T10:15:00.000Z',
    correlationId: 'corr-1',
    causationId: null,
    customerId: 'cus_1',
    data: {
      id: 'pay_1',
      invoiceId: 'inv_1',
      customerId: 'cus_1',
      amount: '125.00',
      currency: 'USD',
      method: 'wire',
      reference: null,
      receivedAt: '2026-11-22T10:15:00.000Z',
      invoice: { status: 'PAID', amountPaid: '125.00', amountDue: '0.00' },
      customer: { balance: '0.00', overdueAmount: '0.00' },
      ...data,
    },
    ...changes,
  };
}

function refusal(raw: unknown): MalformedEventError {
  try {
    parseEvent(raw);
  } catch (error) {
    assert.ok(error instanceof MalformedEventError, `refused with a MalformedEventError, got ${String(error)}`);
    assert.ok(isPermanent(error), 'the refusal is permanent');
    return error;
  }
  assert.fail('the event was accepted');
}

describe('parseEvent', () => {
  test('accepts a valid event and types its payload by its type', () => {
    const event: HubEvent = parseEvent(paymentReceived());
    assert.equal(event.type, 'payment.received');
    if (event.type !== 'payment.received') return;
    assert.equal(event.data.amount, '125.00');
    assert.equal(event.data.customer?.overdueAmount, '0.00');
    assert.equal(event.version, 1);
  });

  test('reads an event written before versioning as version 1', () => {
    const { version: _version, ...legacy } = paymentReceived();
    assert.equal(parseEvent(legacy).version, 1);
  });

  test('refuses a malformed envelope, naming the field', () => {
    assert.match(refusal(paymentReceived({ time: 'yesterday' })).message, /payment\.received evt_1 has a malformed envelope: time:/);
    assert.match(refusal(paymentReceived({ source: 'mainframe' })).message, /malformed envelope: source:/);
    assert.match(refusal(paymentReceived({ data: 'not an object' })).message, /malformed envelope: data:/);
    assert.match(refusal('not an event').message, /^event has a malformed envelope/);
  });

  test('refuses a malformed payload, naming the field and what was expected', () => {
    assert.match(refusal(paymentReceived({}, { amount: 125 })).message, /has a malformed payload: data\.amount:/);
    assert.match(refusal(paymentReceived({}, { amount: '1,25' })).message, /data\.amount: expected a non-negative decimal string/);
    assert.match(refusal(paymentReceived({}, { customer: { balance: '0.00', overdueAmount: 3 } })).message, /data\.customer\.overdueAmount:/);
    const { invoiceId: _invoiceId, ...withoutInvoice } = paymentReceived().data as Record<string, unknown>;
    assert.match(refusal(paymentReceived({ data: withoutInvoice })).message, /data\.invoiceId:/);
  });

  test('refuses an event type the catalogue does not know', () => {
    assert.match(refusal(paymentReceived({ type: 'payment.teleported' })).message, /payment\.teleported evt_1 is of an unknown type "payment\.teleported"/);
  });

  test('refuses a schema version it does not read, saying which it reads', () => {
    assert.match(refusal(paymentReceived({ version: 2 })).message, /payment\.received evt_1 is version 2; this consumer reads payment\.received version 1 only/);
    assert.match(refusal(paymentReceived({ version: 'one' })).message, /malformed envelope: version:/);
  });

  test('keeps the envelope and drops payload fields the schema does not define', () => {
    const event = parseEvent(paymentReceived({ previous: { amount: '100.00' } }, { surplus: true }));
    assert.deepEqual(event.previous, { amount: '100.00' });
    assert.equal('surplus' in event.data, false);
  });

  test('refuses a previous whose old values are not what data defines', () => {
    assert.match(refusal(paymentReceived({ previous: { amount: 100 } })).message, /has a malformed previous: previous\.amount:/);
  });

  test('every catalogue entry has a schema version and a summary', () => {
    assert.ok(EVENT_TYPES.length >= 30);
    for (const type of EVENT_TYPES) {
      assert.ok(Number.isInteger(CATALOGUE[type].version) && CATALOGUE[type].version >= 1, type);
      assert.ok(CATALOGUE[type].summary.length > 0, type);
    }
  });
});
