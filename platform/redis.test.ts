import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { Outage } from './redis.ts';

/** A logger whose lines are kept, parsed. */
function capture(): { log: pino.Logger; lines: { level: number; msg: string; reason?: string; err?: unknown }[] } {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

test('an outage is logged once when it starts, with the reason and no stack, and once when it ends', () => {
  const { log, lines } = capture();
  const outage = new Outage(log, 'event stream');
  assert.equal(outage.down, false);
  assert.equal(outage.failed(new Error('connect ECONNREFUSED 127.0.0.1:6379')), true);
  assert.equal(outage.failed(new Error('connect ECONNREFUSED 127.0.0.1:6379')), false);
  assert.equal(outage.failed(new Error('Command timed out')), false);
  assert.equal(outage.down, true);
  outage.recovered();
  outage.recovered();
  assert.equal(outage.down, false);
  assert.deepEqual(
    lines.map((line) => [line.level, line.msg, line.reason, line.err]),
    [
      [40, 'event stream: Redis unavailable; going on without it and retrying', 'connect ECONNREFUSED 127.0.0.1:6379', undefined],
      [30, 'event stream: Redis is back', undefined, undefined],
    ],
  );
});

test('a success while up logs nothing, and a new failure starts a new episode', () => {
  const { log, lines } = capture();
  const outage = new Outage(log, 'rate limit');
  outage.recovered();
  outage.failed('down');
  outage.recovered();
  outage.failed('down again');
  assert.deepEqual(
    lines.map((line) => line.msg),
    ['rate limit: Redis unavailable; going on without it and retrying', 'rate limit: Redis is back', 'rate limit: Redis unavailable; going on without it and retrying'],
  );
});
