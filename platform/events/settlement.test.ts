import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settlementOf, type GroupProgress } from './settlement.ts';

const group = (name: string, lastDelivered: string, oldestPending: string | null = null): GroupProgress => ({ name, lastDelivered, oldestPending });

test('an event every group was given and acknowledged is settled', () => {
  assert.equal(settlementOf(true, '1700-5', [group('erp', '1700-9'), group('ops', '1700-5')], ['erp', 'ops']), 'settled');
});

test('an event a group has not been given yet is pending', () => {
  assert.equal(settlementOf(true, '1700-5', [group('erp', '1700-9'), group('ops', '1700-4')], ['erp', 'ops']), 'pending');
});

test('an event at or after a group\'s oldest unacknowledged entry is pending', () => {
  assert.equal(settlementOf(true, '1700-5', [group('erp', '1700-9', '1700-5')], ['erp']), 'pending');
  assert.equal(settlementOf(true, '1700-6', [group('erp', '1700-9', '1700-5')], ['erp']), 'pending');
  assert.equal(settlementOf(true, '1700-4', [group('erp', '1700-9', '1700-5')], ['erp']), 'settled');
});

test('positions compare as numbers, not as text', () => {
  assert.equal(settlementOf(true, '999-0', [group('erp', '1000-0')], ['erp']), 'settled');
  assert.equal(settlementOf(true, '1000-10', [group('erp', '1000-9')], ['erp']), 'pending');
  assert.equal(settlementOf(true, '12', [group('erp', '9')], ['erp']), 'pending');
});

test('while a group the stream had is missing (reset, not made again yet), nothing is settled', () => {
  assert.equal(settlementOf(true, '1700-5', [group('erp', '1700-9')], ['erp', 'ops']), 'pending');
});

test('a group the caller did not know of yet counts too', () => {
  assert.equal(settlementOf(true, '1700-5', [group('erp', '1700-9'), group('new', '0-0')], ['erp']), 'pending');
});

test('an event the stream no longer holds is lost, whatever the groups say', () => {
  assert.equal(settlementOf(false, '1700-5', [group('erp', '1700-9')], ['erp']), 'lost');
  assert.equal(settlementOf(false, '1700-5', [], []), 'lost');
});

test('with no consumer group at all, a stored event is settled', () => {
  assert.equal(settlementOf(true, '1700-5', [], []), 'settled');
});
