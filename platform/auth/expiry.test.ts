import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiredReason, onExpiry } from './expiry.ts';

test('fires once the token expires, at once for an expired one, never without times or once cancelled', async () => {
  const fired: string[] = [];
  const now = Date.now() / 1000;
  onExpiry({ exp: now - 1 }, () => fired.push('past'));
  assert.deepEqual(fired, ['past']);
  onExpiry({ exp: now + 0.1 }, () => fired.push('soon'));
  const cancel = onExpiry({ exp: now + 0.1 }, () => fired.push('cancelled'));
  cancel();
  onExpiry(undefined, () => fired.push('never'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(fired, ['past', 'soon']);
});

test('the close reason names the expiry and fits a WebSocket close frame', () => {
  const reason = expiredReason(1_800_000_000);
  assert.match(reason, /expired at 2027-01-15T08:00:00\.000Z/);
  assert.ok(Buffer.byteLength(reason) <= 123);
});
