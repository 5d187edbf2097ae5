import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenAtPath } from './planData.ts';

const users = {
  users: [
    { id: '1', reviews: [{ product: { upc: 'a', tags: ['x', 'y'] } }, { product: null }] },
    { id: '2', reviews: [] },
    { id: '3' },
    null,
  ],
};

test('a Flatten path reaches every object under its lists, in order, lists of lists as one list', () => {
  assert.deepEqual(flattenAtPath(users, ['users', '@', 'reviews', '@', 'product']), [{ upc: 'a', tags: ['x', 'y'] }, null, undefined, null]);
  assert.deepEqual(flattenAtPath(users, ['users', '@', 'id']), ['1', '2', '3', null]);
  assert.deepEqual(flattenAtPath(users, ['users', '@']), users.users);
  assert.equal(flattenAtPath(users, []), users);
  assert.equal(flattenAtPath(null, ['users', '@']), null);
});

test('a list at the end of the path is spread once, as flat-mapping each level does', () => {
  assert.deepEqual(flattenAtPath(users, ['users', '@', 'reviews', '@', 'product', 'tags']), ['x', 'y', null, undefined, null]);
  assert.deepEqual(flattenAtPath({ grid: [[[1], [2]], [[3]]] }, ['grid', '@']), [[1], [2], [3]]);
});

test('a type condition on the path keeps the objects of those types and leaves undefined for the others', () => {
  const data = { items: [{ __typename: 'Book', id: 1 }, { __typename: 'Film', id: 2 }, { __typename: 'Song', id: 3 }] };
  assert.deepEqual(flattenAtPath(data, ['items', '@', '|[Book,Song]']), [data.items[0], undefined, data.items[2]]);
  assert.deepEqual(flattenAtPath(data, ['items', '@', '|[Book,Song]', 'id']), [1, undefined, 3]);
  assert.equal(flattenAtPath(data.items[1], ['|[Book]', 'id']), undefined);
});

test('a path that does not fit the data fails', () => {
  assert.throws(() => flattenAtPath({ users: [[{ id: '1' }]] }, ['users', '@', 'id']), /Unexpected path element id/);
  assert.throws(() => flattenAtPath({ users: { id: '1' } }, ['users', '@']), TypeError);
});
