import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, parse, print } from 'graphql';
import { readAccessPolicy } from '../../platform/auth/policy.ts';
import { authorizeOperation } from './authorize.ts';

const SDL = /* GraphQL */ `
  directive @authenticated on FIELD_DEFINITION | OBJECT
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  type Query {
    customers: [Customer!]!
    periods: [Period!]! @requiresScopes(scopes: [["erp:read"]])
  }
  type Mutation {
    rename(name: String!): Customer @requiresScopes(scopes: [["crm:write"]])
    ping: String
  }
  type Subscription {
    changed: Customer
  }
  type Customer {
    id: ID!
    name: String!
    email: String @requiresScopes(scopes: [["pii:read"], ["admin"]])
    balance: Money @requiresScopes(scopes: [["billing:read"]])
  }
  type Money @requiresScopes(scopes: [["finance:read"]]) {
    amount: String!
  }
  type Period {
    id: ID!
  }
`;
const schema = buildSchema(SDL);
const policy = readAccessPolicy(SDL);
const authorize = (source: string, scopes: string[]) => authorizeOperation(schema, parse(source), undefined, policy, scopes);

describe('authorizeOperation', () => {
  test('an operation the scopes cover is planned as it came', () => {
    const document = parse('{ customers { id email } }');
    const decision = authorizeOperation(schema, document, undefined, policy, ['pii:read']);
    assert.equal(decision.kind, 'allowed');
    assert.equal(decision.kind === 'allowed' && decision.document, document);
    assert.deepEqual(decision.kind === 'allowed' && decision.denials, []);
  });

  test('any one alternative of a requirement is enough', () => {
    for (const scopes of [['admin'], ['pii:read']]) {
      const decision = authorize('{ customers { email } }', scopes);
      assert.deepEqual(decision.kind === 'allowed' && decision.denials, [], scopes.join());
    }
  });

  test('a field the scopes do not cover is taken out, with the path and the scopes it needs', () => {
    const decision = authorize('{ customers { id email } }', []);
    assert.equal(decision.kind, 'allowed');
    if (decision.kind !== 'allowed') return;
    assert.equal(print(decision.document).replace(/\s+/g, ' ').trim(), '{ customers { id } }');
    assert.deepEqual(decision.denials, [{ path: ['customers', 'email'], requirement: { authenticated: true, scopes: [['pii:read'], ['admin']] } }]);
  });

  test("a field's requirement and its type's are both needed", () => {
    const onlyField = authorize('{ customers { balance { amount } } }', ['billing:read']);
    assert.equal(onlyField.kind === 'allowed' && onlyField.denials[0]?.requirement.scopes.join('|'), 'billing:read,finance:read');
    const both = authorize('{ customers { balance { amount } } }', ['billing:read', 'finance:read']);
    assert.deepEqual(both.kind === 'allowed' && both.denials, []);
  });

  test('fields denied through a fragment are denied where it is spread, under its alias', () => {
    const decision = authorize('{ customers { ...C } } fragment C on Customer { id mail: email }', []);
    assert.deepEqual(decision.kind === 'allowed' && decision.denials.map((denial) => denial.path), [['customers', 'mail']]);
  });

  test('a selection left empty keeps a stand-in, so the planned document stays valid', () => {
    const decision = authorize('{ customers { email } }', []);
    assert.equal(decision.kind, 'allowed');
    if (decision.kind !== 'allowed') return;
    assert.deepEqual(decision.placeholders, [['customers']]);
    assert.deepEqual(decision.denials.map((denial) => denial.path), [['customers', 'email']]);
    assert.match(print(parse(decision.source!)), /customers \{\s+_authorizationPlaceholder: __typename\s+\}/);
  });

  test('a mutation field it may not call refuses the whole operation; a subscription with any denied field too', () => {
    const mutation = authorize('mutation { ping rename(name: "x") { id } }', []);
    assert.equal(mutation.kind, 'refused');
    assert.deepEqual(mutation.kind === 'refused' && mutation.errors.map((error) => [error.path, error.extensions.code]), [[['rename'], 'FORBIDDEN']]);
    assert.equal(authorize('subscription { changed { id email } }', []).kind, 'refused');
    assert.equal(authorize('subscription { changed { id } }', []).kind, 'allowed');
  });

  test('a denied field inside a mutation answer is taken out, the mutation runs', () => {
    const decision = authorize('mutation { rename(name: "x") { id email } }', ['crm:write']);
    assert.deepEqual(decision.kind === 'allowed' && decision.denials.map((denial) => denial.path), [['rename', 'email']]);
  });
});
