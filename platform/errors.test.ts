import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { clientError, domainErrorCode, ErrorCode, HubError, requestError } from './errors.ts';

function capture() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  return { lines, where: { log: { error: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) } as never, requestId: 'req-1' } };
}

test("the hub's codes reach the client as raised, with their details and path, and nothing is logged", () => {
  const { lines, where } = capture();
  const raised = new HubError(ErrorCode.BadUserInput, 'amount: too much', { field: 'amount' });
  assert.deepEqual(clientError(raised, where), { message: 'amount: too much', extensions: { code: 'BAD_USER_INPUT', field: 'amount' } });
  // As graphql-js hands it on from a resolver: located, the HubError as its original.
  const located = new GraphQLError(raised.message, { path: ['recordPayment'], originalError: raised, extensions: raised.extensions });
  assert.deepEqual(clientError(located, where), { message: 'amount: too much', path: ['recordPayment'], extensions: { code: 'BAD_USER_INPUT', field: 'amount' } });
  assert.equal(lines.length, 0);
});

test('anything unexpected is masked, keeps its path and the subgraph it came from, and is logged whole with the request id', () => {
  const { lines, where } = capture();
  const cause = new Error('connect ECONNREFUSED 10.0.0.7:5432');
  const shown = clientError(new GraphQLError(cause.message, { path: ['customer', 'balance'], originalError: cause, extensions: { serviceName: 'billing' } }), where);
  assert.deepEqual(shown, { message: 'Internal server error', path: ['customer', 'balance'], extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'billing' } });
  assert.equal(lines.length, 1);
  assert.equal(lines[0].fields.err, cause);
  assert.equal(lines[0].fields.requestId, 'req-1');
});

test('a thrown value that is no error at all is masked too', () => {
  const { lines, where } = capture();
  assert.equal(clientError('boom', where).extensions?.code, 'INTERNAL_SERVER_ERROR');
  assert.equal(clientError(new GraphQLError('SELECT * FROM secrets', { extensions: { code: 'SOMETHING_ELSE' } }), where).message, 'Internal server error');
  assert.equal(lines.length, 2);
});

test("a server's own classification of a request error is its code; the raised code wins over it", () => {
  assert.equal(clientError(new GraphQLError('Syntax Error: Unexpected <EOF>.'), { code: 'GRAPHQL_PARSE_FAILED' }).extensions?.code, 'GRAPHQL_PARSE_FAILED');
  assert.equal(clientError(new HubError(ErrorCode.NotFound, 'gone'), { code: 'GRAPHQL_VALIDATION_FAILED' }).extensions?.code, 'NOT_FOUND');
});

test('a 4xx without a code is BAD_REQUEST; the status stays the server\'s, never in the answer', () => {
  const refused = requestError(ErrorCode.RateLimited, 'slow down', { retryAfter: 3 }, 429);
  assert.deepEqual(clientError(refused).extensions, { code: 'RATE_LIMITED', retryAfter: 3 });
  assert.deepEqual(clientError(new GraphQLError('hash mismatch', { extensions: { http: { status: 400 } } })).extensions, { code: 'BAD_REQUEST' });
});

test('an error a subgraph answered (already formatted) is judged by the same rule', () => {
  const { lines, where } = capture();
  const answered = { message: 'Requires scope erp:read', path: ['customer', 'receivable'], extensions: { code: 'FORBIDDEN', requiredScopes: [['erp:read']] } };
  assert.deepEqual(clientError(answered, where), answered);
  const leaked = { message: 'relation "postings" does not exist', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'erp' } };
  assert.deepEqual(clientError(leaked, where), { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'erp' } });
  assert.equal(lines.length, 1);
  assert.equal(lines[0].fields.err, leaked);
});

test("a system's domain code passes where that system's codes are declared, and is masked where they are not", () => {
  const { lines, where } = capture();
  const overpayment = domainErrorCode('REFUND_TOO_LARGE');
  const raised = new HubError(overpayment, 'input.amount: 90.00 exceeds the 50.00 paid', { field: 'amount' });
  assert.deepEqual(clientError(raised, { ...where, domainCodes: new Set([overpayment]) }).extensions, { code: 'REFUND_TOO_LARGE', field: 'amount' });
  // The gateway lets through what the subgraphs declared, as they answered it.
  const answered = { message: raised.message, extensions: { code: 'REFUND_TOO_LARGE', serviceName: 'billing' } };
  assert.deepEqual(clientError(answered, { ...where, domainCodes: new Set([overpayment]) }), answered);
  assert.equal(lines.length, 0);
  assert.equal(clientError(answered, where).extensions?.code, 'INTERNAL_SERVER_ERROR');
  assert.equal(lines.length, 1);
  assert.throws(() => domainErrorCode('NOT_FOUND'), /kernel/);
  assert.throws(() => domainErrorCode('overpayment'), /SCREAMING_SNAKE_CASE/);
});
