import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageSize } from './loaders.ts';

test('a cursor is opaque, URL-safe, and decodes to what was encoded', () => {
  const position = JSON.stringify(['Ünïcode & Co', 'cus_000042']);
  const cursor = encodeCursor(position);
  assert.match(cursor, /^[\w-]+$/);
  assert.doesNotMatch(cursor, /cus_/);
  assert.equal(decodeCursor(cursor), position);
});

test('a page size is the given one, the default, or BAD_USER_INPUT naming `first`', () => {
  assert.equal(pageSize(undefined), 20);
  assert.equal(pageSize(null, 50, 5), 5);
  assert.equal(pageSize(0), 0);
  assert.equal(pageSize(100), 100);
  for (const bad of [101, -1, 2.5]) {
    assert.throws(
      () => pageSize(bad),
      (error: GraphQLError) => error.extensions.code === 'BAD_USER_INPUT' && error.extensions.field === 'first',
    );
  }
});
