import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonCopy, sameJson, setOwn } from './jsonData.ts';

test('a JSON copy equals another parse of the text and shares nothing with the original', () => {
  const text = '{"a":[1,"two",{"b":null,"c":true}],"d":{"e":[[]]},"__proto__":{"f":1}}';
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const copy = jsonCopy(parsed) as Record<string, unknown>;
  assert.deepEqual(copy, JSON.parse(text));
  assert.equal(JSON.stringify(copy), text);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.notEqual(copy.a, parsed.a);
  assert.notEqual((copy.a as unknown[])[2], (parsed.a as unknown[])[2]);
  assert.notEqual(copy.d, parsed.d);
});

test('setOwn sets __proto__ as a field, not the prototype', () => {
  const object: Record<string, unknown> = {};
  setOwn(object, '__proto__', { polluted: true });
  setOwn(object, 'name', 'x');
  assert.equal(Object.getPrototypeOf(object), Object.prototype);
  assert.equal((object as { polluted?: boolean }).polluted, undefined);
  assert.deepEqual(Object.keys(object), ['__proto__', 'name']);
  assert.equal(JSON.stringify(object), '{"__proto__":{"polluted":true},"name":"x"}');
});

test('sameJson: equal values with keys in the same order are the same JSON', () => {
  const representation = { __typename: 'Product', upc: '1', price: 899, dimensions: { size: [1, 2.5] }, inStock: true, note: null };
  assert.ok(sameJson(representation, JSON.parse(JSON.stringify(representation))));
  assert.ok(sameJson(representation, jsonCopy(representation)));
  assert.ok(sameJson(Object.assign(Object.create(null), { id: '1' }), { id: '1' }));
  assert.ok(sameJson(0, -0));
});

test('sameJson says no when the JSON differs, and when it is not sure', () => {
  assert.ok(!sameJson({ upc: '1', __typename: 'Product' }, { __typename: 'Product', upc: '1' }), 'keys in another order serialise differently');
  assert.ok(!sameJson({ upc: '1' }, { upc: 1 }));
  assert.ok(!sameJson({ upc: '1' }, { upc: '1', extra: null }));
  assert.ok(!sameJson([1, 2], [1, 2, 3]));
  assert.ok(!sameJson([1], { 0: 1 }));
  assert.ok(!sameJson({ a: undefined }, { a: undefined }), 'undefined is left out of JSON: not compared');
  assert.ok(!sameJson(Number.NaN, Number.NaN));
  assert.ok(!sameJson(new Date(0), new Date(0)), 'toJSON: not compared');
  assert.ok(!sameJson(null, {}));
});

test('sameJson never says yes for values whose JSON differs', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const leaves = [null, true, false, 0, 1, 1.5, '', 'a', '1', undefined];
  const value = (depth: number): unknown => {
    const roll = random();
    if (depth > 2 || roll < 0.5) return leaves[Math.floor(random() * leaves.length)];
    if (roll < 0.7) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (const key of ['a', 'b', 'c']) if (random() < 0.5) object[key] = value(depth + 1);
    return object;
  };
  let same = 0;
  for (let run = 0; run < 20_000; run++) {
    const a = value(0);
    const b = value(0);
    if (sameJson(a, b)) {
      same += 1;
      assert.equal(JSON.stringify(a), JSON.stringify(b));
    }
  }
  assert.ok(same > 100, `only ${same} equal pairs drawn`);
});
