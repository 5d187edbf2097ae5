/**
 * The input rules every service shares (platform/input.ts) and the Decimal scalar's canonical
 * form, as pure functions: what passes, what is refused and with which code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GraphQLError, parse } from 'graphql';
import { guardInputDepth, guardRequestDepth, MAX_INPUT_DEPTH, resolveOperation, unstorable } from './input.ts';
import { DecimalScalar } from './scalars.ts';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions?.code;
  }
  return undefined;
}

describe('input depth', () => {
  test(`values nested up to ${MAX_INPUT_DEPTH} levels pass; one more is INPUT_TOO_DEEP`, () => {
    guardInputDepth(nested(MAX_INPUT_DEPTH), 'variables');
    guardInputDepth({ a: [{ b: [1, 'x', null] }] }, 'variables');
    assert.equal(codeOf(() => guardInputDepth(nested(MAX_INPUT_DEPTH + 1), 'variables')), 'INPUT_TOO_DEEP');
  });

  test('a 300,000-deep list is measured without overflowing the stack', () => {
    assert.equal(codeOf(() => guardInputDepth(nested(300_000), 'variables')), 'INPUT_TOO_DEEP');
  });

  test('GET parameters are read as the JSON text they are; text that is not JSON is left to the server', () => {
    assert.equal(codeOf(() => guardRequestDepth({ variables: JSON.stringify(nested(100)) })), 'INPUT_TOO_DEEP');
    assert.equal(codeOf(() => guardRequestDepth({ extensions: nested(100) })), 'INPUT_TOO_DEEP');
    assert.equal(codeOf(() => guardRequestDepth({ variables: '{"id":' })), undefined);
  });
});

describe('operation resolution', () => {
  const two = parse('query A { __typename } query B { __typename }');

  test('the named operation, or the only one', () => {
    assert.equal(resolveOperation(two, 'B').name?.value, 'B');
    assert.equal(resolveOperation(parse('{ __typename }'), undefined).operation, 'query');
  });

  test('an unknown name is OPERATION_NOT_FOUND, no name among several OPERATION_NAME_REQUIRED', () => {
    assert.equal(codeOf(() => resolveOperation(two, 'C')), 'OPERATION_NOT_FOUND');
    assert.equal(codeOf(() => resolveOperation(parse('{ __typename }'), 'A')), 'OPERATION_NOT_FOUND');
    assert.equal(codeOf(() => resolveOperation(two, undefined)), 'OPERATION_NAME_REQUIRED');
    assert.equal(codeOf(() => resolveOperation(two, null)), 'OPERATION_NAME_REQUIRED');
  });
});

describe('unstorable strings', () => {
  test('a NUL character and lone surrogates of either half are found', () => {
    assert.match(unstorable('a\u0000b')!, /NUL/);
    assert.match(unstorable('a\ud800')!, /U\+D800/);
    assert.match(unstorable('\udc00a')!, /U\+DC00/);
    assert.match(unstorable('\ude00\ud83d')!, /surrogate/);
  });

  test('ordinary text, emoji (surrogate pairs) and other control characters pass', () => {
    for (const value of ['', 'Acme GmbH', 'Zoë 😀 日本', '\t\n\u2028', '\ud83d\ude00']) assert.equal(unstorable(value), undefined, value);
  });
});

describe('Decimal', () => {
  test('the canonical form is read exactly', () => {
    assert.equal(DecimalScalar.parseValue('1250.00'), '1250');
    assert.equal(DecimalScalar.parseValue('0.5'), '0.5');
    assert.equal(DecimalScalar.parseValue('-3'), '-3');
    assert.equal(DecimalScalar.parseValue(12), '12');
  });

  test('spaces, +, exponents, leading zeros and floats are BAD_USER_INPUT', () => {
    for (const value of [' 1.00', '1.00 ', '\t1', '+1.00', '1e2', '1E-2', '01.00', '1.', '.5', '1,00', '１', '', 1.5, '0x10']) {
      assert.equal(codeOf(() => DecimalScalar.parseValue(value)), 'BAD_USER_INPUT', JSON.stringify(value));
    }
  });
});
