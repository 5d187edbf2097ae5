import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal, money, toAmount } from './money.ts';

test('amounts have exactly two places, rounded half to even', () => {
  assert.equal(toAmount('1250'), '1250.00');
  assert.equal(toAmount('0.125'), '0.12');
  assert.equal(toAmount('0.135'), '0.14');
  assert.equal(toAmount('-2.5'), '-2.50');
});

test('arithmetic is exact where floats are not', () => {
  assert.equal(0.1 + 0.2 === 0.3, false);
  assert.equal(toAmount(new Decimal('0.1').plus('0.2')), '0.30');
  assert.ok(new Decimal('0.1').plus('0.2').equals('0.3'));
  // Amounts past a double's 15-16 significant digits stay exact (NUMERIC(14,2) holds 12 before the point).
  assert.equal(toAmount(new Decimal('999999999999.99').plus('0.01')), '1000000000000.00');
  assert.equal(toAmount(new Decimal('100').dividedBy(3).times(3)), '100.00');
});

test('money carries its currency', () => {
  assert.deepEqual(money('12.5', 'EUR'), { amount: '12.50', currency: 'EUR' });
});
