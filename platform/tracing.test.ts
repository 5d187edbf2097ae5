import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { buildSchema, graphql, parse, type OperationDefinitionNode } from 'graphql';
import { HubError, ErrorCode } from './errors.ts';
import {
  contextFromTraceparent,
  currentTraceparent,
  graphqlOperation,
  inSpan,
  injectTraceHeaders,
  SpanKind,
  traceRootResolvers,
  tracingOn,
  useTracerProviders,
} from './tracing.ts';

const SDL = 'type Query { hello(name: String): String }';

// The tests without the SDK run first: installing it is for the rest of this process.
describe('tracing off (no SDK started)', () => {
  test('runs the work without a span, and writes no trace context anywhere', async () => {
    assert.equal(tracingOn(), false);
    assert.equal(await inSpan('work', {}, async (span) => span), undefined);
    assert.equal(currentTraceparent(), undefined);
    const headers: Record<string, string> = {};
    injectTraceHeaders(headers);
    assert.deepEqual(headers, {});
  });

  test('leaves a schema\'s resolvers as they are', () => {
    const schema = buildSchema(SDL);
    const resolve = () => 'hi';
    schema.getQueryType()!.getFields().hello!.resolve = resolve;
    assert.equal(traceRootResolvers(schema).getQueryType()!.getFields().hello!.resolve, resolve);
  });
});

describe('tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = (service: string) => new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
  before(() => {
    const crm = provider('crm');
    crm.register();
    useTracerProviders(new Map([['crm', crm], ['billing', provider('billing')]]), 'crm');
  });
  const finished = () => exporter.getFinishedSpans();

  test('an event\'s traceparent makes its consumer\'s span a child of the producer\'s, under the consumer\'s own service', async () => {
    exporter.reset();
    const traceparent = await inSpan('contract.activated create', { kind: SpanKind.PRODUCER, service: 'crm' }, async () => currentTraceparent());
    assert.match(traceparent!, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await inSpan('contract.activated process', { kind: SpanKind.CONSUMER, parent: contextFromTraceparent(traceparent), service: 'billing' }, async () => undefined);
    const [produced, consumed] = finished();
    assert.equal(consumed!.spanContext().traceId, produced!.spanContext().traceId);
    assert.equal(consumed!.parentSpanContext?.spanId, produced!.spanContext().spanId);
    assert.equal(produced!.resource.attributes['service.name'], 'crm');
    assert.equal(consumed!.resource.attributes['service.name'], 'billing');
  });

  test('outgoing headers carry the active span\'s context', async () => {
    const headers: Record<string, string> = {};
    await inSpan('fetch crm', { kind: SpanKind.CLIENT }, async (span) => {
      injectTraceHeaders(headers);
      assert.equal(headers.traceparent, `00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`);
    });
  });

  test('a span that requires a parent is not started outside a trace', async () => {
    exporter.reset();
    assert.equal(await inSpan('SELECT', { requireParent: true }, async (span) => span), undefined);
    await inSpan('request', {}, () => inSpan('SELECT', { requireParent: true }, async () => undefined));
    assert.deepEqual(finished().map((span) => span.name), ['SELECT', 'request']);
  });

  test('a failed span names the error\'s code, never its message', async () => {
    exporter.reset();
    await assert.rejects(inSpan('write', {}, async () => {
      throw new HubError(ErrorCode.Conflict, 'Customer ada@example.com is closed');
    }));
    const [span] = finished();
    assert.equal(span!.attributes['error.type'], 'CONFLICT');
    assert.equal(span!.status.message, 'CONFLICT');
    assert.doesNotMatch(JSON.stringify({ attributes: span!.attributes, events: span!.events }), /ada@example\.com/);
  });

  test('root fields resolve in spans of their own, without their arguments', async () => {
    exporter.reset();
    const schema = buildSchema(SDL);
    schema.getQueryType()!.getFields().hello!.resolve = (_source, args: { name: string }) => `hi ${args.name}`;
    const result = await graphql({ schema: traceRootResolvers(schema), source: '{ hello(name: "Ada") }' });
    assert.deepEqual({ ...result.data }, { hello: 'hi Ada' });
    const [span] = finished();
    assert.equal(span!.name, 'Query.hello');
    assert.deepEqual(span!.attributes, { 'graphql.field.name': 'hello', 'graphql.field.type': 'String' });
  });

  test('an operation is named and described by OpenTelemetry\'s GraphQL conventions', () => {
    const named = parse('mutation CloseWon($id: ID!) { closeOpportunityWon(id: $id) { id } }').definitions[0] as OperationDefinitionNode;
    assert.deepEqual(graphqlOperation(named), { name: 'mutation CloseWon', attributes: { 'graphql.operation.type': 'mutation', 'graphql.operation.name': 'CloseWon' } });
    const anonymous = parse('{ customers { id } }').definitions[0] as OperationDefinitionNode;
    assert.deepEqual(graphqlOperation(anonymous), { name: 'query', attributes: { 'graphql.operation.type': 'query' } });
  });
});
