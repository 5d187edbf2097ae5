import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, getOperationAST, GraphQLError, parse } from 'graphql';
import { enforceLimits, guardNesting, measureOperation, OperationLimits } from './operationLimits.ts';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    customers(first: Int): CustomerConnection!
    recent(first: Int = 4): [Customer!]!
    tags: [String!]!
  }
  type CustomerConnection {
    nodes: [Customer!]!
    totalCount: Int!
  }
  type Customer {
    id: ID!
    name: String!
    invoices: [Invoice!]!
  }
  type Invoice {
    id: ID!
  }
`);
const LIST_SIZE = 10;

function measure(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  return measureOperation(schema, document, getOperationAST(document)!, variables, LIST_SIZE);
}

const codeOf = (fn: () => void): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
  return undefined;
};

describe('measureOperation', () => {
  test('depth, fields and aliases, fragments counted where they are spread', () => {
    const { size } = measure('{ customers(first: 1) { nodes { ...C } } } fragment C on Customer { id n: name }');
    assert.deepEqual({ depth: size.depth, fields: size.fields, aliases: size.aliases }, { depth: 3, fields: 4, aliases: 1 });
  });

  test("a connection's `first` sizes the list inside it, which does not multiply again", () => {
    // customers 5 × (1 + nodes (1 + id + name) + totalCount) = 5 × 5
    assert.equal(measure('{ customers(first: 5) { nodes { id name } totalCount } }').size.cost, 25);
  });

  test('an unbounded list counts QUERY_COST_LIST_SIZE, and nested lists multiply', () => {
    assert.equal(measure('{ tags }').size.cost, LIST_SIZE);
    // customers 2 × (1 + nodes (1 + invoices 10 × (1 + id)))
    assert.equal(measure('{ customers(first: 2) { nodes { invoices { id } } } }').size.cost, 2 * (1 + 1 + LIST_SIZE * 2));
  });

  test("a list field's own `first` and its default size it", () => {
    assert.equal(measure('{ recent(first: 3) { id } }').size.cost, 3 * 2);
    assert.equal(measure('{ recent { id } }').size.cost, 4 * 2);
  });

  test('a `first` from a variable is read from the variables, or its default, and marks the cost as variable', () => {
    const source = 'query ($n: Int = 3) { customers(first: $n) { totalCount } }';
    assert.deepEqual(measure(source), { size: { depth: 2, aliases: 0, fields: 2, cost: 3 * 2 }, variableCost: true });
    assert.equal(measure(source, { n: 7 }).size.cost, 7 * 2);
    assert.equal(measure('{ customers(first: 1) { totalCount } }').variableCost, false);
  });

  test('a `first` that is no valid size is estimated as an unbounded list', () => {
    assert.equal(measure('query ($n: Int) { customers(first: $n) { totalCount } }', { n: -5 }).size.cost, LIST_SIZE * 2);
  });

  test('a fragment bomb is measured without expanding it', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Customer { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const { size } = measure(`{ customers(first: 1) { nodes { ...F0 } } } ${levels} fragment F30 on Customer { id }`);
    assert.equal(size.fields, 2 + 2 ** 30);
  });
});

describe('enforceLimits', () => {
  const limits = { depth: 3, aliases: 1, fields: 10, cost: 100, listSize: LIST_SIZE };
  test('at each limit passes; one over is refused with its own code, the limit and the measure', () => {
    assert.doesNotThrow(() => enforceLimits({ depth: 3, aliases: 1, fields: 10, cost: 100 }, limits));
    assert.equal(codeOf(() => enforceLimits({ depth: 4, aliases: 0, fields: 1, cost: 1 }, limits)), 'QUERY_TOO_DEEP');
    assert.equal(codeOf(() => enforceLimits({ depth: 1, aliases: 2, fields: 1, cost: 1 }, limits)), 'TOO_MANY_ALIASES');
    assert.equal(codeOf(() => enforceLimits({ depth: 1, aliases: 0, fields: 11, cost: 1 }, limits)), 'TOO_MANY_FIELDS');
    try {
      enforceLimits({ depth: 1, aliases: 0, fields: 1, cost: 101 }, limits);
      assert.fail('a cost over the limit is refused');
    } catch (error) {
      assert.deepEqual((error as GraphQLError).extensions, { code: 'QUERY_TOO_COSTLY', limit: 100, cost: 101, http: { status: 400 } });
    }
  });

  test('OperationLimits measures a cost that depends on variables per request, not once per document', () => {
    const document = parse('query ($n: Int) { customers(first: $n) { nodes { id } } }');
    const operation = getOperationAST(document)!;
    const check = new OperationLimits(limits);
    // customers n × (1 + nodes (1 + id))
    assert.equal(check.check(schema, document, operation, { n: 30 }).cost, 90);
    assert.equal(codeOf(() => check.check(schema, document, operation, { n: 40 })), 'QUERY_TOO_COSTLY');
  });
});

describe('guardNesting', () => {
  test('brackets past the depth limit (and the room left for input literals) are refused before parsing', () => {
    assert.doesNotThrow(() => guardNesting('{'.repeat(2 + 64), 2));
    assert.equal(codeOf(() => guardNesting('{'.repeat(2 + 65), 2)), 'QUERY_TOO_DEEP');
  });

  test('brackets in strings, block strings and comments do not count', () => {
    const hidden = '{'.repeat(200);
    assert.doesNotThrow(() => guardNesting(`{ a(s: "${hidden}", t: """${hidden}""") # ${hidden}\n }`, 2));
  });
});
