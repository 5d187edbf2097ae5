import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs } from './backoff.ts';

test('the first wait is the base, and each further failure doubles it', () => {
  assert.deepEqual([1, 2, 3, 4].map((failures) => backoffMs(failures, 100, 10_000)), [100, 200, 400, 800]);
});

test('the wait never passes the cap, not even after a very long outage', () => {
  assert.equal(backoffMs(7, 250, 10_000), 10_000);
  assert.equal(backoffMs(5_000, 250, 10_000), 10_000);
});

test('jitter spreads the wait over half to one and a half times, within the cap', () => {
  assert.equal(backoffMs(3, 100, 10_000, 0), 200);
  assert.equal(backoffMs(3, 100, 10_000, 0.999), 600);
  assert.equal(backoffMs(10, 100, 1_000, 0.999), 1_000);
});

test('zero or negative failures count as the first', () => {
  assert.equal(backoffMs(0, 100, 10_000), 100);
  assert.equal(backoffMs(-3, 100, 10_000), 100);
});
