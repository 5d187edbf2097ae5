import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, getOperationAST, Kind, parse, type DirectiveNode, type FragmentDefinitionNode } from 'graphql';
import { denialTree, Shaper, type ShapeOptions } from './shape.ts';

const schema = buildSchema(`
  type Query { customer: Customer, customers: [Customer!], node: Node }
  interface Node { id: ID! }
  type Customer implements Node { id: ID! name: String! balance: Money, invoices: [Invoice!]!, owner: User! }
  type Money { amount: String! }
  type Invoice implements Node { id: ID! total: Int! }
  type User { name: String }
`);

const READ = { authenticated: true, scopes: [['crm:read']] };

function shape(query: string, input: Record<string, unknown>, options: Partial<ShapeOptions> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const shaper = new Shaper({
    schema,
    fragments,
    variables: {},
    denials: undefined,
    deferring: false,
    deferLabel: (directive: DirectiveNode) => (directive.arguments?.find((arg) => arg.name.value === 'label')?.value as { value?: string } | undefined)?.value,
    ...options,
  });
  return shaper.result(shaper.object(operation.selectionSet, schema.getQueryType()!, true, input, [], options.denials));
}

describe('result shaping', () => {
  it('keeps the client’s fields, aliases and order, and nothing the subgraphs added', () => {
    const shaped = shape('{ customer { who: name id __typename } }', { customer: { __typename: 'Customer', id: '1', who: 'Acme', hubCursor_: 'x' } });
    assert.deepEqual(JSON.parse(JSON.stringify(shaped.data)), { customer: { who: 'Acme', id: '1', __typename: 'Customer' } });
    assert.equal(JSON.stringify(shaped.data), '{"customer":{"who":"Acme","id":"1","__typename":"Customer"}}');
  });

  it('answers an alias __proto__ as a field of its own, every time the selection is shaped', () => {
    const query = '{ customer { __proto__: balance { amount } id } }';
    for (let run = 0; run < 2; run++) {
      const missing = shape(query, { customer: { id: '1' } });
      assert.equal(JSON.stringify(missing.data), '{"customer":{"__proto__":null,"id":"1"}}');
      const given = shape(query, JSON.parse('{"customer":{"id":"1","__proto__":{"amount":"2.00"}}}'));
      assert.equal(JSON.stringify(given.data), '{"customer":{"__proto__":{"amount":"2.00"},"id":"1"}}');
      assert.equal(Object.getPrototypeOf(given.data!.customer), Object.prototype);
    }
  });

  it('nulls the nearest nullable parent of a missing non-null field, with one completion error', () => {
    const shaped = shape('{ customer { id name balance { amount } } }', { customer: { id: '1', balance: { amount: '1.00' } } });
    assert.equal(shaped.data!.customer, null);
    assert.equal(shaped.completionErrors.length, 1);
    assert.deepEqual(shaped.completionErrors[0]!.path, ['customer', 'name']);
    assert.match(shaped.completionErrors[0]!.message, /Cannot return null for non-nullable field Customer\.name/);
  });

  it('propagates through a list of non-null elements to the list, and stops at a nullable element', () => {
    const listNulled = shape('{ customers { id name } }', { customers: [{ id: '1', name: 'A' }, { id: '2', name: null }] });
    assert.equal(listNulled.data!.customers, null);
    const elementNulled = shape('{ customer { invoices { id total } } }', { customer: { invoices: [{ id: 'i1', total: 3 }, { id: 'i2' }] } });
    // invoices is [Invoice!]!: the null element nulls the list, which nulls the customer.
    assert.equal(elementNulled.data!.customer, null);
    assert.deepEqual(elementNulled.completionErrors[0]!.path, ['customer', 'invoices', 1, 'total']);
  });

  it('answers a denied nullable field with null and FORBIDDEN at each place it is', () => {
    const denials = denialTree([{ path: ['customers', 'balance'], requirement: READ }]);
    const shaped = shape('{ customers { id balance { amount } } }', { customers: [{ id: '1' }, { id: '2' }] }, { denials });
    assert.deepEqual(JSON.parse(JSON.stringify(shaped.data)), { customers: [{ id: '1', balance: null }, { id: '2', balance: null }] });
    assert.deepEqual(shaped.errors.map((error) => [error.extensions.code, error.path]), [
      ['FORBIDDEN', ['customers', 0, 'balance']],
      ['FORBIDDEN', ['customers', 1, 'balance']],
    ]);
    assert.equal(shaped.completionErrors.length, 0);
  });

  it('propagates a denied non-null field’s null to its nearest nullable parent, with FORBIDDEN at the field', () => {
    const denials = denialTree([{ path: ['customer', 'owner'], requirement: READ }]);
    const shaped = shape('{ customer { id owner { name } } }', { customer: { id: '1' } }, { denials });
    assert.equal(shaped.data!.customer, null);
    assert.deepEqual(shaped.errors.map((error) => [error.extensions.code, error.path]), [['FORBIDDEN', ['customer', 'owner']]]);
    assert.equal(shaped.completionErrors.length, 0, 'the FORBIDDEN error explains the null');
  });

  it('reads @skip and @include with the variables', () => {
    const input = { customer: { id: '1', name: 'Acme' } };
    const query = 'query($s: Boolean!, $i: Boolean!) { customer { id @skip(if: $s) name @include(if: $i) } }';
    assert.deepEqual(JSON.parse(JSON.stringify(shape(query, input, { variables: { s: true, i: true } }).data)), { customer: { name: 'Acme' } });
    assert.deepEqual(JSON.parse(JSON.stringify(shape(query, input, { variables: { s: false, i: false } }).data)), { customer: { id: '1' } });
  });

  it('applies fragments by the object’s __typename', () => {
    const query = '{ node { id ... on Customer { name } ...I } } fragment I on Invoice { total }';
    const customer = shape(query, { node: { __typename: 'Customer', id: '1', name: 'Acme' } });
    assert.deepEqual(JSON.parse(JSON.stringify(customer.data)), { node: { id: '1', name: 'Acme' } });
    const invoice = shape(query, { node: { __typename: 'Invoice', id: 'i', total: 5 } });
    assert.deepEqual(JSON.parse(JSON.stringify(invoice.data)), { node: { id: 'i', total: 5 } });
  });

  it('rejects a value of the wrong kind for a built-in scalar', () => {
    const shaped = shape('{ customer { id invoices { total } } }', { customer: { id: '1', invoices: [{ total: 'three' }] } });
    assert.equal(shaped.data!.customer, null);
    assert.match(shaped.completionErrors[0]!.message, /Invalid value found for field Invoice\.total/);
  });

  it('splits out an active @defer with the object it applies to, and reads an inactive one in line', () => {
    const query = 'query($d: Boolean!) { customer { id ... @defer(label: "money") { balance { amount } } ... @defer(if: $d) { name } } }';
    const input = { customer: { id: '1', name: 'Acme', balance: { amount: '2.00' } } };
    const deferred = shape(query, input, { deferring: true, variables: { d: false } });
    assert.deepEqual(JSON.parse(JSON.stringify(deferred.data)), { customer: { id: '1', name: 'Acme' } });
    assert.equal(deferred.deferred.length, 1);
    assert.equal(deferred.deferred[0]!.label, 'money');
    assert.deepEqual(deferred.deferred[0]!.path, ['customer']);
    assert.equal(deferred.deferred[0]!.input, input.customer);
    const inline = shape(query, input, { deferring: false, variables: { d: true } });
    assert.deepEqual(JSON.parse(JSON.stringify(inline.data)), { customer: { id: '1', balance: { amount: '2.00' }, name: 'Acme' } });
    assert.equal(inline.deferred.length, 0);
  });
});
