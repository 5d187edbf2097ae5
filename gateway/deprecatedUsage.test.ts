/** Counting deprecated fields and reporting them: the selection walk, the counters, the retried report. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, parse } from 'graphql';
import { createLogger } from '../platform/logger.ts';
import { Registry } from '../platform/metrics.ts';
import { DeprecatedUsage, deprecatedFieldsSelected, type DeprecatedUsageReport } from './deprecatedUsage.ts';

const schema = buildSchema(/* GraphQL */ `
  type Query { account: Account old: String @deprecated(reason: "Gone.") }
  type Account { id: ID! code: String @deprecated(reason: "Use id.") owner: Account }
`);
const log = createLogger({ logLevel: 'silent' }, 'test');

describe('deprecatedFieldsSelected', () => {
  test('finds the deprecated fields of the named operation, through its fragments', () => {
    const document = parse(`
      query A { account { owner { ...Code } } }
      query B { old account { id } }
      fragment Code on Account { code }
    `);
    assert.deepEqual(deprecatedFieldsSelected(schema, document, 'A'), ['Account.code']);
    assert.deepEqual(deprecatedFieldsSelected(schema, document, 'B'), ['Query.old']);
    assert.deepEqual(deprecatedFieldsSelected(schema, parse('{ account { id } }'), null), []);
  });
});

describe('DeprecatedUsage', () => {
  test('counts per client, operation and field on /metrics, label values escaped', async () => {
    const usage = new DeprecatedUsage(async () => undefined, log);
    const registry = new Registry();
    usage.registerMetrics(registry);
    usage.count('web "app"', 'A', ['Account.code', 'Query.old']);
    usage.count('web "app"', 'A', ['Account.code']);
    const lines = (await registry.getSingleMetricAsString('gateway_deprecated_field_usage_total')).split('\n').slice(2);
    assert.deepEqual(lines, [
      'gateway_deprecated_field_usage_total{client="web \\"app\\"",operation="A",field="Account.code"} 2',
      'gateway_deprecated_field_usage_total{client="web \\"app\\"",operation="A",field="Query.old"} 1',
    ]);
  });

  test('counts series beyond its limit as (other)', async () => {
    const usage = new DeprecatedUsage(async () => undefined, log);
    const registry = new Registry();
    usage.registerMetrics(registry);
    for (let index = 0; index < 1001; index++) usage.count(`client-${index}`, 'A', ['Account.code']);
    const lines = (await registry.getSingleMetricAsString('gateway_deprecated_field_usage_total')).split('\n').slice(2);
    assert.ok(lines.includes('gateway_deprecated_field_usage_total{client="(other)",operation="(other)",field="Account.code"} 1'));
    assert.equal(lines.length, 1001);
  });

  test('sends a report ops did not take again with the same key, and nothing twice', async () => {
    const sent: DeprecatedUsageReport[] = [];
    let fail = true;
    const usage = new DeprecatedUsage(async (report) => {
      sent.push(structuredClone(report));
      if (fail) throw new Error('ops is down');
    }, log);
    usage.count('web', 'A', ['Account.code']);
    await usage.close();
    fail = false;
    await usage.close();
    await usage.close();
    assert.equal(sent.length, 2);
    assert.equal(sent[0]!.idempotencyKey, sent[1]!.idempotencyKey);
    assert.deepEqual(sent[1]!.usage.map(({ client, operation, field, count }) => ({ client, operation, field, count })), [{ client: 'web', operation: 'A', field: 'Account.code', count: 1 }]);
  });
});
