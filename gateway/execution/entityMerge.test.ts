import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, print } from 'graphql';
import { mergedVariables, mergeEntityQueries, splitMergedAnswer } from './entityMerge.ts';

const PRICES = 'query Shop__stock__1($representations:[_Any!]!,$currency:String){_entities(representations:$representations){...on Product{price(currency:$currency)}}}';
const STOCK = 'query Shop__stock__2($representations:[_Any!]!){_entities(representations:$representations){...Stock}} fragment Stock on Product{inStock}';

test('fetches merge into one operation: an aliased _entities field each, variables and fragments renamed apart', () => {
  const merged = mergeEntityQueries([PRICES, STOCK]);
  assert.ok(merged);
  assert.equal(merged.operationName, 'Shop__stock__1');
  assert.equal(
    merged.query,
    print(
      parse(`query Shop__stock__1($representations__0: [_Any!]!, $currency__0: String, $representations__1: [_Any!]!) {
        _0_entities: _entities(representations: $representations__0) { ... on Product { price(currency: $currency__0) } }
        _1_entities: _entities(representations: $representations__1) { ...Stock__1 }
      }
      fragment Stock__1 on Product { inStock }`),
    ),
  );
  assert.deepEqual(merged.variableNames, [['representations', 'currency'], ['representations']]);
  assert.deepEqual(
    { ...mergedVariables(merged, [{ representations: [{ upc: '1' }], currency: 'EUR' }, { representations: [{ upc: '2' }] }]) },
    { representations__0: [{ upc: '1' }], currency__0: 'EUR', representations__1: [{ upc: '2' }] },
  );
});

test('a variable already ending in __<n> stays apart from another fetch\'s', () => {
  const merged = mergeEntityQueries([
    'query($representations:[_Any!]!,$a__1:Int){_entities(representations:$representations){...on T{f(x:$a__1)}}}',
    'query($representations:[_Any!]!,$a:Int){_entities(representations:$representations){...on T{f(x:$a)}}}',
  ]);
  assert.ok(merged);
  const names = merged.variableNames.flatMap((names, index) => names.map((name) => `${name}__${index}`));
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(merged.variableNames, [['representations', 'a__1'], ['representations', 'a']]);
});

test('only plain _entities queries merge', () => {
  assert.equal(mergeEntityQueries([PRICES, '{ products { upc } }']), null);
  assert.equal(mergeEntityQueries([PRICES, 'query($r:[_Any!]!){_entities(representations:$r){__typename} other: _entities(representations:$r){__typename}}']), null);
  assert.equal(mergeEntityQueries([PRICES, 'query($r:[_Any!]!){e: _entities(representations:$r){__typename}}']), null);
  assert.equal(mergeEntityQueries([PRICES, 'query($r:[_Any!]!) @x {_entities(representations:$r){__typename}}']), null);
  assert.equal(mergeEntityQueries([PRICES, 'query($r:[_Any!]!){_entities(representations:$r){__typename}}{_service{sdl}}']), null);
  assert.equal(mergeEntityQueries([PRICES, 'query {']), null);
});

test('the answer splits per fetch: its own field, its own errors with their path renamed, request errors to all', () => {
  const parts = splitMergedAnswer(
    {
      data: { _0_entities: [{ price: 1 }, null], _1_entities: [{ inStock: true }] },
      errors: [
        { message: 'no product 2', path: ['_0_entities', 1] },
        { message: 'no price', path: ['_1_entities', 0, 'price'], extensions: { code: 'X' } },
        { message: 'slow down' },
      ],
      extensions: { cacheable: false },
    },
    2,
  );
  assert.deepEqual(parts, [
    {
      data: { _entities: [{ price: 1 }, null] },
      errors: [{ message: 'no product 2', path: ['_entities', 1] }, { message: 'slow down' }],
      extensions: { cacheable: false },
    },
    {
      data: { _entities: [{ inStock: true }] },
      errors: [{ message: 'no price', path: ['_entities', 0, 'price'], extensions: { code: 'X' } }, { message: 'slow down' }],
      extensions: { cacheable: false },
    },
  ]);
  assert.deepEqual(splitMergedAnswer({ data: { _0_entities: [], _1_entities: [] } }, 2), [{ data: { _entities: [] } }, { data: { _entities: [] } }]);
});

test('an answer without data (the operation refused as a whole) does not split', () => {
  assert.equal(splitMergedAnswer({ errors: [{ message: 'too many root fields' }] }, 2), undefined);
  assert.equal(splitMergedAnswer({ data: null, errors: [{ message: 'non-null _entities was null', path: ['_1_entities'] }] }, 2), undefined);
});
