import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema, graphql, type GraphQLFieldResolver, type GraphQLObjectType } from 'graphql';
import { resolveColumns, snakeCase } from './columns.ts';

test('a camelCase name in snake_case; a name without capitals stays as it is', () => {
  assert.equal(snakeCase('issuedAt'), 'issued_at');
  assert.equal(snakeCase('cancelAtPeriodEnd'), 'cancel_at_period_end');
  assert.equal(snakeCase('days1to30'), 'days1to30');
  assert.equal(snakeCase('id'), 'id');
});

test("a field without a resolver reads the source's own property first, then its snake_case column", async () => {
  const schema = buildSchema(`
    type Query { invoices: [Invoice!]! }
    type Invoice { id: ID!, issuedAt: String, dueDate: String, voidReason: String, shortName: String }
  `);
  const invoice = schema.getType('Invoice') as GraphQLObjectType;
  const shortName: GraphQLFieldResolver<{ id: string }, unknown> = (row) => `inv ${row.id}`;
  invoice.getFields().shortName!.resolve = shortName;
  resolveColumns(schema);
  assert.equal(invoice.getFields().shortName!.resolve, shortName, 'a resolver of its own is kept');
  const rootValue = {
    invoices: [
      { id: 'a', issued_at: '2026-01-01', due_date: '2026-02-01', void_reason: null },
      // A property of the field's own name wins, even a null one; a function is called, as graphql-js does.
      { id: 'b', issuedAt: '2026-03-01', issued_at: 'not read', dueDate: () => '2026-04-01', voidReason: null, void_reason: 'not read' },
      { id: 'c', short_name: 'not read' },
    ],
  };
  const result = await graphql({ schema, source: '{ invoices { id issuedAt dueDate voidReason shortName } }', rootValue });
  assert.deepEqual(JSON.parse(JSON.stringify(result)), {
    data: {
      invoices: [
        { id: 'a', issuedAt: '2026-01-01', dueDate: '2026-02-01', voidReason: null, shortName: 'inv a' },
        { id: 'b', issuedAt: '2026-03-01', dueDate: '2026-04-01', voidReason: null, shortName: 'inv b' },
        { id: 'c', issuedAt: null, dueDate: null, voidReason: null, shortName: 'inv c' },
      ],
    },
  });
});
