/** The policy's verdicts on small schemas, beside the CLI test that runs it on the hub's own. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, parse } from 'graphql';
import { checkSchema, type CheckReport } from './policy.ts';
import type { RegisteredOperation } from './operations.ts';

const RELEASED = /* GraphQL */ `
  type Query {
    account(id: ID!, legacy: Boolean @deprecated(reason: "Ignored.")): Account
    accounts(status: Status): [Account!]!
  }
  type Account { id: ID! name: String! code: String @deprecated(reason: "Use id.") plan: String legacy: Legacy @deprecated(reason: "Use plan.") }
  type Legacy { tier: String }
  enum Status { OPEN CLOSED }
`;

const operation = (name: string, source: string): RegisteredOperation => ({ client: 'web', name, source: 'web.json', document: parse(source) });
const OPERATIONS = [operation('Account', 'query Account { account(id: "a") { id name } }'), operation('Open', 'query Open { accounts(status: OPEN) { id } }')];

function check(proposed: string, operations = OPERATIONS): Promise<CheckReport> {
  return checkSchema({
    released: buildSchema(RELEASED),
    proposed: buildSchema(proposed),
    owners: { released: () => ['old'], proposed: () => ['new'] },
    operations,
    baseline: 'released',
  });
}

describe('schema policy', () => {
  test('passes an unchanged schema', async () => {
    const report = await check(RELEASED);
    assert.deepEqual({ verdict: report.verdict, changes: report.changes, brokenOperations: report.brokenOperations }, { verdict: 'pass', changes: [], brokenOperations: [] });
  });

  test('fails a field made nullable that an operation selects, saying how to release it', async () => {
    const report = await check(RELEASED.replace('name: String!', 'name: String'));
    assert.equal(report.verdict, 'fail');
    assert.deepEqual(report.changes[0]?.operations, [{ client: 'web', name: 'Account', source: 'web.json' }]);
    assert.match(report.changes[0]!.reason, /^breaks 1 registered operation: the field may now be null, and they select it; release it deliberately \(npm run schema:release -- --accept-breaking "<why>"\)/);
  });

  test('warns on an unused deprecated argument removed, and names the released owner', async () => {
    const report = await check(RELEASED.replace(', legacy: Boolean @deprecated(reason: "Ignored.")', ''));
    assert.equal(report.verdict, 'warn');
    assert.deepEqual(
      report.changes.map(({ type, verdict, subgraphs, reason }) => ({ type, verdict, subgraphs, reason })),
      [{ type: 'FIELD_ARGUMENT_REMOVED', verdict: 'warn', subgraphs: ['old'], reason: 'removed after its deprecation ("Ignored."); no registered operation uses it' }],
    );
  });

  test('warns on a type removed with the deprecated field that returned it', async () => {
    const report = await check(RELEASED.replace(' legacy: Legacy @deprecated(reason: "Use plan.")', '').replace('type Legacy { tier: String }', ''));
    assert.equal(report.verdict, 'warn');
    assert.deepEqual(
      report.changes.map(({ type, verdict }) => ({ type, verdict })).sort((a, b) => a.type.localeCompare(b.type)),
      [
        { type: 'FIELD_REMOVED', verdict: 'warn' },
        { type: 'TYPE_REMOVED', verdict: 'warn' },
      ],
    );
  });

  test('fails an enum value removed that an operation writes', async () => {
    const report = await check(RELEASED.replace('enum Status { OPEN CLOSED }', 'enum Status { CLOSED }'));
    assert.equal(report.verdict, 'fail');
    assert.deepEqual(report.changes[0]?.operations.map((op) => op.name), ['Open']);
    assert.deepEqual(report.brokenOperations.map((op) => op.errors), [['Value "OPEN" does not exist in "Status" enum.']]);
  });

  test('warns on a dangerous change, and passes a safe one', async () => {
    const dangerous = await check(RELEASED.replace('enum Status { OPEN CLOSED }', 'enum Status { OPEN CLOSED PAUSED }'));
    assert.deepEqual(dangerous.changes.map(({ level, verdict }) => ({ level, verdict })), [{ level: 'dangerous', verdict: 'warn' }]);
    assert.equal(dangerous.verdict, 'warn');
    const safe = await check(RELEASED.replace('plan: String', 'plan: String seats: Int'));
    assert.deepEqual(safe.changes.map(({ level, verdict, subgraphs }) => ({ level, verdict, subgraphs })), [{ level: 'safe', verdict: 'ok', subgraphs: ['new'] }]);
    assert.equal(safe.verdict, 'pass');
  });

  test('lists the deprecated elements registered operations still use', async () => {
    const report = await check(RELEASED, [...OPERATIONS, operation('Codes', 'query Codes { accounts { code } }')]);
    assert.deepEqual(report.deprecatedInUse, [{ coordinate: 'Account.code', reason: 'Use id.', operations: [{ client: 'web', name: 'Codes', source: 'web.json' }] }]);
  });
});
