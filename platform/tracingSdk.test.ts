import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceName, startTracing } from './tracingSdk.ts';
import { tracingOn } from './tracing.ts';

test('without an OTLP endpoint no SDK starts and nothing is traced', async () => {
  assert.equal(await startTracing({ enabled: false, protocol: 'http/protobuf' }, ['gateway', 'crm']), undefined);
  assert.equal(tracingOn(), false);
});

test("a process running one service names its spans OTEL_SERVICE_NAME, or the service's name", () => {
  assert.equal(serviceName('billing', 1, undefined), 'billing');
  assert.equal(serviceName('billing', 1, 'billing-eu'), 'billing-eu');
});

test("the embedded hub names each service's spans after it, with OTEL_SERVICE_NAME in front when set", () => {
  assert.equal(serviceName('customer-success', 6, undefined), 'customer-success');
  assert.equal(serviceName('customer-success', 6, 'hub-staging'), 'hub-staging-customer-success');
});
