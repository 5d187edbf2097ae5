import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendPoint, exceptionsByOwnerAndAge, formatAge, graphiqlLink, HISTORY_POINTS, tokenClaims } from './figures.ts';

function jwt(payload: object): string {
  return `eyJhbGciOiJFZERTQSJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
}

test('a token\'s claims give its roles\' scopes plus its scope claim, as the gateway reads them', () => {
  const analyst = tokenClaims(jwt({ sub: 'ana@hub.local', role: 'analyst' }));
  assert.equal(analyst?.sub, 'ana@hub.local');
  assert.ok(analyst?.scopes.includes('ops:read'));
  assert.ok(!analyst?.scopes.includes('ops:write'));
  const ops = tokenClaims(`Bearer ${jwt({ sub: 'o', roles: ['ops', 'nobody'] })}`);
  assert.deepEqual(ops?.roles, ['ops']);
  assert.ok(ops?.scopes.includes('ops:write'));
  assert.deepEqual(tokenClaims(jwt({ sub: 's', scope: 'ops:read erp:read' }))?.scopes, ['erp:read', 'ops:read']);
  assert.equal(tokenClaims(jwt({ sub: 'f', role: 'finance' }))?.scopes.includes('ops:read'), false);
  assert.equal(tokenClaims('not a token'), null);
  assert.equal(tokenClaims('a.!!!.c'), null);
});

test('open exceptions are counted by owner and age class', () => {
  const { owners, counts } = exceptionsByOwnerAndAge([
    { owner: 'finance-ops', ageSeconds: 10 },
    { owner: 'finance-ops', ageSeconds: 3_600 },
    { owner: 'billing-ops', ageSeconds: 8 * 86_400 },
    { owner: 'finance-ops', ageSeconds: 3_599 },
  ]);
  assert.deepEqual(owners, ['billing-ops', 'finance-ops']);
  assert.deepEqual(counts, [
    [0, 0, 0, 1],
    [2, 1, 0, 0],
  ]);
});

test('ages read in their largest whole unit', () => {
  assert.deepEqual([5, 61, 7_300, 200_000].map(formatAge), ['5 s', '1 min', '2 h', '2 d']);
});

test('a GraphiQL link carries the operation and its variables in the fragment', () => {
  const link = graphiqlLink('/graphql', 'query Q($id: ID!) { workflow(correlationId: $id) { state } }', { id: 'c&1' });
  assert.ok(link.startsWith('/graphql#'));
  const params = new URLSearchParams(link.slice(link.indexOf('#') + 1));
  assert.equal(params.get('query'), 'query Q($id: ID!) { workflow(correlationId: $id) { state } }');
  assert.deepEqual(JSON.parse(params.get('variables')!), { id: 'c&1' });
});

test('a series keeps the latest points only', () => {
  const series: number[] = [];
  for (let i = 0; i < HISTORY_POINTS + 5; i++) appendPoint(series, i);
  assert.equal(series.length, HISTORY_POINTS);
  assert.equal(series[0], 5);
});
