import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonCopy, setOwn } from './jsonData.ts';

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
