import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitParts } from './defer.ts';

const part = (json: string) => `\r\n--graphql\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${json}`;

test('splitParts returns each part once its closing delimiter has arrived', () => {
  const first = part('{"data":{"customer":{"id":"cus_000001"}},"hasNext":true}');
  const second = part('{"incremental":[{"data":{"balance":null},"path":["customer"]}],"hasNext":false}');
  const body = `${first}${second}\r\n--graphql--\r\n`;

  // The first part's text is there but its closing delimiter is not: nothing is complete yet.
  const early = splitParts(first, 'graphql');
  assert.deepEqual(early.parts, []);

  const middle = splitParts(`${first}\r\n--graph`, 'graphql');
  assert.deepEqual(middle.parts, []);

  const withSecond = splitParts(`${first}${second}`, 'graphql');
  assert.deepEqual(withSecond.parts, ['{"data":{"customer":{"id":"cus_000001"}},"hasNext":true}']);

  // Fed again with what was left, the rest yields the second part and nothing twice.
  const rest = splitParts(withSecond.rest + body.slice(`${first}${second}`.length), 'graphql');
  assert.deepEqual(rest.parts, ['{"incremental":[{"data":{"balance":null},"path":["customer"]}],"hasNext":false}']);
});

test('splitParts skips empty keep-alive parts', () => {
  const { parts } = splitParts(`${part('{}')}${part('{"hasNext":false}')}\r\n--graphql--`, 'graphql');
  assert.deepEqual(parts, ['{"hasNext":false}']);
});
