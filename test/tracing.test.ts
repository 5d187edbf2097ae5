/**
 * Tracing end to end: `npm start` as users run it, pointed by OTEL_EXPORTER_OTLP_ENDPOINT at an
 * OTLP/HTTP receiver of the test's own, sends one trace for a `closeOpportunityWon` that spans the
 * gateway, crm and, across the event stream, billing, erp, customer success and ops. The hub runs
 * as its own process: the SDK is process-wide, started once by the entry point.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { waitFor } from './wait.ts';
import { winDeal } from './deals.ts';

const Workflow = graphql(/* GraphQL */ `
  query TracingWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { state } }
`);

/** OTLP/JSON's span kinds. */
const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

type AnyValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };

/** One exported span, flattened with its resource's `service.name`. */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean | undefined>;
}

interface OtlpExport {
  resourceSpans: { resource: { attributes: KeyValue[] }; scopeSpans: { spans: (Omit<ExportedSpan, 'service' | 'attributes'> & { attributes?: KeyValue[] })[] }[] }[];
}

function valueOf(value: AnyValue): string | number | boolean | undefined {
  return value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.boolValue ?? value.doubleValue;
}

function attributesOf(list: KeyValue[] = []): ExportedSpan['attributes'] {
  return Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));
}

/** An OTLP/HTTP trace receiver (JSON encoding) on a free port: what a collector would get. */
async function otlpReceiver(): Promise<{ server: Server; url: string; spans: ExportedSpan[]; contentTypes: Set<string> }> {
  const spans: ExportedSpan[] = [];
  const contentTypes = new Set<string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      contentTypes.add(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.method !== 'POST' || req.url !== '/v1/traces') return void res.writeHead(404).end();
      const exported = JSON.parse(body) as OtlpExport;
      for (const { resource, scopeSpans } of exported.resourceSpans) {
        const service = String(attributesOf(resource.attributes)['service.name']);
        for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ ...span, service, attributes: attributesOf(span.attributes) });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, contentTypes };
}

const ALL_PORTS_FREE = { GATEWAY_PORT: '0', CRM_PORT: '0', BILLING_PORT: '0', ERP_PORT: '0', CUSTOMER_SUCCESS_PORT: '0', OPS_PORT: '0' };

describe('tracing', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let hub: ChildProcess;
  let gatewayUrl: string;
  let authorization: string;
  let stderr = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-tracing-'));

  before(async () => {
    receiver = await otlpReceiver();
    hub = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: {
        ...process.env,
        ...ALL_PORTS_FREE,
        HUB_DATA_DIR: dataDir,
        HUB_SEED_CUSTOMERS: '0',
        RECONCILE_INTERVAL: '0',
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    });
    hub.stderr!.on('data', (chunk) => (stderr += chunk));
    hub.stdout!.resume();
    // The development tokens are printed last, one line per role.
    const admin = await waitFor('the hub to start', () => (hub.exitCode !== null ? Promise.reject(new Error(`the hub exited: ${stderr}`)) : /^ {2}admin +(\S+)$/m.exec(stderr)?.[1]), 120_000);
    authorization = `Bearer ${admin}`;
    gatewayUrl = `${/gateway\s+(http:\/\/\S+\/graphql)/.exec(stderr)![1]}`;
  });

  after(async () => {
    if (hub && hub.exitCode === null) {
      const exited = new Promise((resolve) => hub.once('exit', resolve));
      hub.kill('SIGTERM');
      await exited;
    }
    receiver?.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('one trace follows closeOpportunityWon from the gateway through crm and the event stream to billing, erp, customer success and ops', async () => {
    const correlationId = `trace-${randomUUID()}`;
    const customerName = `Traced Customer ${randomUUID()}`;
    const headers = { authorization, 'x-correlation-id': correlationId };
    // The caller's own trace context: the gateway continues it.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const { opportunityId } = await winDeal(gatewayUrl, { name: customerName, headers, closeHeaders: { traceparent: `00-${traceId}-${callerSpanId}-01` } });
    await waitFor('the quote-to-cash run to complete', async () => ((await query(gatewayUrl, Workflow, { correlationId }, { authorization })).workflow?.state === 'COMPLETED' ? true : undefined));

    const systems = ['gateway', 'crm', 'billing', 'erp', 'customer-success', 'ops'];
    const consumed = (service: string, type: string) => receiver.spans.find((span) => span.traceId === traceId && span.service === service && span.name === `${type} process`);
    const trace = await waitFor('spans of every system in the trace', () => {
      const spans = receiver.spans.filter((span) => span.traceId === traceId);
      const services = new Set(spans.map((span) => span.service));
      // Spans arrive in each service's batches, a parent often after its children.
      const gatewayRequest = spans.find((span) => span.service === 'gateway' && span.parentSpanId === callerSpanId);
      const complete = gatewayRequest && systems.every((system) => services.has(system)) && consumed('erp', 'invoice.issued') && consumed('customer-success', 'contract.activated') && consumed('ops', 'invoice.posted');
      return complete ? spans : undefined;
    });
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const parentOf = (span: ExportedSpan) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined);

    // The gateway's operation, under its HTTP request, which continues the caller's trace.
    const operation = trace.find((span) => span.service === 'gateway' && span.name === 'mutation DealCloseWon');
    assert.ok(operation, `the gateway's operation span is in the trace: ${trace.map((span) => `${span.service}:${span.name}`).join(', ')}`);
    assert.equal(operation.attributes['graphql.operation.type'], 'mutation');
    assert.equal(operation.attributes['graphql.operation.name'], 'DealCloseWon');
    assert.equal(operation.attributes['hub.correlation_id'], correlationId);
    const gatewayRequest = parentOf(operation)!;
    assert.equal(gatewayRequest.kind, KIND.server);
    assert.equal(gatewayRequest.parentSpanId, callerSpanId);
    for (const stage of ['graphql.parse', 'graphql.validate', 'graphql.plan']) {
      assert.equal(parentOf(trace.find((span) => span.name === stage)!)?.spanId, operation.spanId, `${stage} is a step of the operation`);
    }

    // The fetch to crm, and crm's request continuing it (traceparent over HTTP).
    const fetch = trace.find((span) => span.service === 'gateway' && span.name === 'fetch crm')!;
    assert.equal(fetch.kind, KIND.client);
    assert.equal(parentOf(fetch)?.spanId, operation.spanId);
    const crmRequest = trace.find((span) => span.service === 'crm' && span.kind === KIND.server)!;
    assert.equal(crmRequest.parentSpanId, fetch.spanId);
    assert.equal(crmRequest.attributes['graphql.operation.type'], 'mutation');
    assert.equal(crmRequest.attributes['hub.correlation_id'], correlationId);
    const resolver = trace.find((span) => span.service === 'crm' && span.name === 'Mutation.closeOpportunityWon')!;
    assert.equal(parentOf(resolver)?.spanId, crmRequest.spanId);

    // Its SQL: statement text only.
    const statements = trace.filter((span) => span.service === 'crm' && span.attributes['db.system'] === 'postgresql' && span.kind === KIND.client);
    assert.ok(statements.length > 0, 'crm traces its SQL statements');
    for (const statement of statements) assert.equal(statement.attributes['db.query.text'], statement.attributes['db.statement']);
    assert.ok(statements.some((span) => String(span.attributes['db.query.text']).includes('$1')), 'statements are traced with their placeholders');

    // Across the event stream: each consumer's span is a child of the span that wrote the event.
    const written = (service: string, type: string) => trace.find((span) => span.service === service && span.name === `${type} create`);
    const activated = written('crm', 'contract.activated')!;
    assert.equal(activated.kind, KIND.producer);
    const published = trace.find((span) => span.service === 'crm' && span.name === 'contract.activated publish');
    assert.equal(published?.parentSpanId, activated.spanId, "the relay's publish is in the trace, after the write");
    for (const [service, type, producer] of [
      ['billing', 'contract.activated', 'crm'],
      ['customer-success', 'contract.activated', 'crm'],
      ['ops', 'contract.activated', 'crm'],
      ['erp', 'invoice.issued', 'billing'],
      ['ops', 'invoice.issued', 'billing'],
      ['ops', 'invoice.posted', 'erp'],
    ] as const) {
      const consumer = consumed(service, type);
      assert.ok(consumer, `${service} handles ${type} in the trace`);
      assert.equal(consumer.kind, KIND.consumer);
      assert.equal(consumer.attributes['hub.correlation_id'], correlationId);
      assert.equal(consumer.parentSpanId, written(producer, type)?.spanId, `${service}'s ${type} span is a child of ${producer}'s write`);
    }
    // Billing's own write happens inside its handling of contract.activated.
    let ancestor = parentOf(written('billing', 'invoice.issued')!);
    while (ancestor && ancestor.name !== 'contract.activated process') ancestor = parentOf(ancestor);
    assert.equal(ancestor?.service, 'billing');

    // No personal data and no variables, in any span of any trace.
    for (const span of receiver.spans) {
      for (const [key, value] of Object.entries(span.attributes)) {
        for (const secret of [customerName, opportunityId, '24000.00']) assert.ok(!String(value).includes(secret), `${span.service}:${span.name} ${key} holds no value a caller sent`);
      }
    }
  });
});
