import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDARY, deferParts, HEARTBEAT, OPENING, subscriptionEnd, subscriptionEvent } from './multipart.ts';

async function* payloads<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Splits a multipart body as a client does: the parts between delimiters, each with its headers and JSON. */
function readParts(body: string): { headers: string; json: unknown }[] {
  assert.ok(body.startsWith(OPENING), 'the body opens with a delimiter');
  assert.ok(body.endsWith(`\r\n--${BOUNDARY}--\r\n`), 'the body ends with the closing delimiter');
  const inner = body.slice(OPENING.length, body.length - `\r\n--${BOUNDARY}--\r\n`.length);
  return inner.split(`\r\n--${BOUNDARY}\r\n`).map((raw) => {
    const [headers, json] = raw.split('\r\n\r\n');
    return { headers, json: JSON.parse(json) };
  });
}

test('an incremental result is one part per payload, each JSON, the last closing the body', async () => {
  const initial = { data: { customer: { id: 'cus_1' } }, hasNext: true };
  const later = [
    { incremental: [{ data: { health: { score: 80 } }, path: ['customer'], label: 'health' }], hasNext: true },
    { incremental: [{ data: { balance: null }, path: ['customer'], errors: [{ message: 'down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }], hasNext: false },
  ];
  let body = '';
  for await (const chunk of deferParts(initial, payloads(later))) body += chunk;
  const parts = readParts(body);
  assert.deepEqual(parts.map((p) => p.json), [initial, ...later]);
  for (const p of parts) assert.equal(p.headers, 'content-type: application/json; charset=utf-8');
  assert.equal(body.match(/--graphql--/g)?.length, 1, 'closed once, after the last part');
});

test('an initial payload without more closes at once; an executor that stops early still closes the body', async () => {
  let single = '';
  for await (const chunk of deferParts({ data: {}, hasNext: false }, payloads([{ hasNext: true }]))) single += chunk;
  assert.deepEqual(readParts(single).map((p) => p.json), [{ data: {}, hasNext: false }]);
  let cut = '';
  for await (const chunk of deferParts({ data: {}, hasNext: true }, payloads<{ hasNext: boolean }>([]))) cut += chunk;
  assert.deepEqual(readParts(cut).map((p) => p.json), [{ data: {}, hasNext: true }, { hasNext: false }]);
});

test('a subscription is events as {payload}, heartbeats as {}, and an end that may carry errors', () => {
  const event = { data: { paymentReceived: { eventId: 'evt_1' } } };
  const ok = OPENING + HEARTBEAT + subscriptionEvent(event) + subscriptionEnd();
  assert.deepEqual(readParts(ok).map((p) => p.json), [{}, { payload: event }, {}]);
  const failed = OPENING + subscriptionEvent(event) + subscriptionEnd([{ message: 'gone', extensions: { code: 'SUBSCRIPTION_BUFFER_OVERFLOW' } }]);
  assert.deepEqual(readParts(failed).map((p) => p.json), [{ payload: event }, { payload: null, errors: [{ message: 'gone', extensions: { code: 'SUBSCRIPTION_BUFFER_OVERFLOW' } }] }]);
});
