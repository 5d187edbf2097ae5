/**
 * A system that is down or slow costs only its own fields. The gateway reaches each subgraph
 * through a link the test breaks (test/faultyLink.ts): down (connections refused), frozen
 * (nothing answers, as after SIGSTOP), or answering 503 or 500. Answers keep every other
 * system's fields, name the failing system in `extensions.serviceName`, come within the
 * system's timeout, and at once while its circuit is open; queries are retried, mutations not.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import { envPrefix, SYSTEMS, type SystemName } from '../platform/config.ts';
import { readMetric } from './metrics.ts';
import { waitFor } from './wait.ts';
import { FaultyLink, httpResponse } from './faultyLink.ts';
import { query, request, webSocketFor, type GraphQLResponse } from './graphql.ts';
import { CUSTOMER_VIEW, without, type View } from './customerView.ts';
import { startHub, type TestHub } from './hub.ts';

const OVERDUE_INVOICES = /* GraphQL */ `
  { invoices(first: 20, filter: { overdue: true }) { totalCount nodes { number dueDate amountDue { amount currency } customer { name accountOwner } posting { status } } } }
`;

let hub: TestHub;
const links = {} as Record<SystemName, FaultyLink>;
let healthyView: View;

async function customerView(): Promise<GraphQLResponse<{ customer: View | null }> & { ms: number }> {
  const started = performance.now();
  const response = await request<{ customer: View | null }, unknown>(hub.gatewayUrl, CUSTOMER_VIEW);
  return { ...response, ms: performance.now() - started };
}

async function metrics(): Promise<string> {
  return (await fetch(`${hub.gateway.url}/metrics`)).text();
}

async function circuit(system: SystemName): Promise<string> {
  const body = (await (await fetch(`${hub.gateway.url}/readyz`)).json()) as { subgraphs: Record<string, { circuit: string }> };
  return body.subgraphs[system]!.circuit;
}

/** A subgraph's circuit as `operationsHealth` reports it (the gateway adds it to ops' answer). */
async function circuitInOperationsHealth(system: SystemName): Promise<string> {
  const { operationsHealth } = await query<{ operationsHealth: { subgraphs: { name: string; state: string }[] } }, unknown>(
    hub.gatewayUrl,
    '{ operationsHealth { openExceptions subgraphs { name state } } }',
  );
  return operationsHealth.subgraphs.find((subgraph) => subgraph.name === system)!.state;
}

/** Every error names `system` with `code`. */
function assertErrorsName(response: GraphQLResponse<unknown>, system: SystemName, code: string): void {
  assert.ok(response.errors?.length, `errors for ${system}`);
  for (const error of response.errors!) {
    assert.equal(error.extensions?.serviceName, system, JSON.stringify(error));
    assert.equal(error.extensions?.code, code, JSON.stringify(error));
  }
}

before(async () => {
  const env: Record<string, string> = {
    // Every system gets 10 s, erp its own 1.5 s: a frozen erp must answer by erp's timeout.
    SUBGRAPH_TIMEOUT_MS: '10000',
    ERP_TIMEOUT_MS: '1500',
    SUBGRAPH_CIRCUIT_FAILURES: '3',
    SUBGRAPH_CIRCUIT_OPEN_MS: '500',
    // These tests are about fetches that fail: with the entity cache, what a down system answered
    // before is answered from it (test/entity-cache.test.ts).
    ENTITY_CACHE: 'off',
  };
  // The gateway reaches each system through its link; the systems listen on ports of their own
  // choosing (a port picked free beforehand may be taken by then), which the links learn after.
  for (const system of SYSTEMS) {
    links[system] = await FaultyLink.open();
    env[`${envPrefix(system)}_URL`] = links[system].url;
  }
  hub = await startHub({ seedCustomers: 6, env });
  for (const system of SYSTEMS) links[system].target = Number(new URL(hub.subgraphs[system].url).port);
  const healthy = await customerView();
  assert.equal(healthy.errors, undefined);
  healthyView = healthy.data!.customer!;
  assert.ok(healthyView.invoices.length > 0 && healthyView.contracts.length > 0, 'the seeded customer has invoices and contracts');
});

afterEach(async () => {
  // Every link back, and every circuit closed again, before the next test.
  for (const system of SYSTEMS) await links[system].pass();
  for (const system of SYSTEMS) await waitFor(`${system}'s circuit closed`, async () => ((await circuit(system)) === 'closed' ? true : undefined));
});

after(async () => {
  await hub?.close();
  for (const link of Object.values(links)) await link.close();
});

describe('partial answers', () => {
  for (const system of ['billing', 'erp', 'customer-success', 'ops'] as const) {
    test(`with ${system} down, the customer view keeps every other system's fields, ${system}'s null, with SUBGRAPH_UNAVAILABLE errors naming it`, async () => {
      await links[system].down();
      const response = await customerView();
      assert.deepEqual(response.data?.customer, without(system, healthyView));
      assertErrorsName(response, system, 'SUBGRAPH_UNAVAILABLE');
    });
  }

  test('with crm down, the customer (crm owns it) is null with one error naming crm', async () => {
    await links.crm.down();
    const response = await customerView();
    assert.deepEqual(response.data, { customer: null });
    assert.equal(response.errors?.length, 1);
    assertErrorsName(response, 'crm', 'SUBGRAPH_UNAVAILABLE');
  });

  test('with erp down, the overdue invoices list keeps billing and crm fields, postings null', async () => {
    const healthy = await query<{ invoices: { nodes: Record<string, unknown>[] } }, unknown>(hub.gatewayUrl, OVERDUE_INVOICES);
    assert.ok(healthy.invoices.nodes.length > 0, 'the seeded hub has overdue invoices');
    await links.erp.down();
    const response = await request<{ invoices: { nodes: Record<string, unknown>[] } }, unknown>(hub.gatewayUrl, OVERDUE_INVOICES);
    assert.deepEqual(response.data, { invoices: { ...healthy.invoices, nodes: healthy.invoices.nodes.map((node) => ({ ...node, posting: null })) } });
    assertErrorsName(response, 'erp', 'SUBGRAPH_UNAVAILABLE');
  });

  test('an error the gateway masks (a 500 from erp) still names erp', async () => {
    links.erp.reply(httpResponse(500, { 'content-type': 'text/plain' }, 'boom'), 1);
    const response = await customerView();
    const masked = response.errors?.find((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
    assert.ok(masked, JSON.stringify(response.errors));
    assert.equal(masked.message, 'Internal server error');
    assert.equal(masked.extensions?.serviceName, 'erp');
    assert.equal(response.data?.customer?.name, healthyView.name);
  });
});

describe('timeouts and the circuit breaker', () => {
  test("a frozen erp costs at most erp's own timeout (ERP_TIMEOUT_MS), with SUBGRAPH_TIMEOUT errors naming it", async () => {
    links.erp.freeze();
    const response = await customerView();
    assert.ok(response.ms >= 1500 && response.ms < 10_000, `answered in ${Math.round(response.ms)} ms: after erp's 1.5 s, before the 10 s of the others`);
    assert.deepEqual(response.data?.customer, without('erp', healthyView));
    assertErrorsName(response, 'erp', 'SUBGRAPH_TIMEOUT');
    assert.match(response.errors![0]!.message, /within 1500 ms/);
  });

  test('after repeated failures the circuit opens: erp is not called, its fields are null at once; a probe closes it when erp answers again', async () => {
    links.erp.freeze();
    await waitFor('the circuit open', async () => {
      await customerView();
      // Open, or half-open while the gateway's probe waits for the frozen erp: either way clients are answered at once.
      return ['open', 'half-open'].includes(await circuit('erp')) ? true : undefined;
    });
    assert.ok(readMetric(await metrics(), 'gateway_subgraph_circuit_state{subgraph="erp"}') >= 1, 'open (2) or half-open (1) in /metrics');
    assert.ok(['OPEN', 'HALF_OPEN'].includes(await circuitInOperationsHealth('erp')), 'and in operationsHealth');
    const timedOut = readMetric(await metrics(), 'gateway_subgraph_failures_total{subgraph="erp",code="SUBGRAPH_TIMEOUT"}');
    const rejected = readMetric(await metrics(), 'gateway_subgraph_circuit_rejections_total{subgraph="erp"}');
    for (let i = 0; i < 3; i++) {
      const response = await customerView();
      assert.ok(response.ms < 1500, `answered in ${Math.round(response.ms)} ms, without waiting for erp's 1.5 s timeout`);
      assert.deepEqual(response.data?.customer, without('erp', healthyView));
      assertErrorsName(response, 'erp', 'SUBGRAPH_UNAVAILABLE');
      assert.match(response.errors![0]!.message, /circuit open/);
    }
    assert.ok(readMetric(await metrics(), 'gateway_subgraph_circuit_rejections_total{subgraph="erp"}') >= rejected + 3);
    const stillTimedOut = readMetric(await metrics(), 'gateway_subgraph_failures_total{subgraph="erp",code="SUBGRAPH_TIMEOUT"}');
    assert.equal(stillTimedOut, timedOut, 'no fetch went to erp while its circuit was open (only the gateway\'s probes)');

    await links.erp.pass();
    await waitFor('the circuit closed by a probe', async () => ((await circuit('erp')) === 'closed' ? true : undefined), 5000);
    const recovered = await customerView();
    assert.equal(recovered.errors, undefined);
    assert.deepEqual(recovered.data?.customer, healthyView);
    assert.equal(await circuitInOperationsHealth('erp'), 'CLOSED');
  });
});

describe('retries', () => {
  test("a query fetch answered 503 is retried after the subgraph's Retry-After", async () => {
    const retries = readMetric(await metrics(), 'gateway_subgraph_retries_total{subgraph="erp"}');
    links.erp.reply(httpResponse(503, { 'retry-after': '1' }), 1);
    const response = await customerView();
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.deepEqual(response.data?.customer, healthyView);
    assert.ok(response.ms >= 1000, `waited the Retry-After second (${Math.round(response.ms)} ms)`);
    assert.equal(readMetric(await metrics(), 'gateway_subgraph_retries_total{subgraph="erp"}'), retries + 1);
  });

  test('a mutation is never retried: a 503 fails it with SUBGRAPH_UNAVAILABLE, and billing down fails it at once; a keyed retry after recovery has one effect', async () => {
    const { invoices } = await query<{ invoices: { nodes: { id: string; amountDue: { amount: string }; payments: { id: string }[] }[] } }, unknown>(
      hub.gatewayUrl,
      '{ invoices(first: 20, filter: { status: OPEN }) { nodes { id amountDue { amount } payments { id } } } }',
    );
    const invoice = invoices.nodes.find((node) => Number(node.amountDue.amount) >= 1)!;
    const pay = (key: string) =>
      request<{ recordPayment: { id: string } }, unknown>(
        hub.gatewayUrl,
        'mutation ($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id } }',
        { input: { invoiceId: invoice.id, amount: '0.50', method: 'wire', reference: key }, key },
      );

    links.billing.reply(httpResponse(503), 1);
    const refused = await pay('partial-503');
    assertErrorsName(refused, 'billing', 'SUBGRAPH_UNAVAILABLE');
    assert.equal(refused.data, null);

    await links.billing.down();
    const down = await pay('partial-down');
    assertErrorsName(down, 'billing', 'SUBGRAPH_UNAVAILABLE');
    await links.billing.pass();
    await waitFor("billing's circuit closed", async () => ((await circuit('billing')) === 'closed' ? true : undefined));

    const first = await pay('partial-down');
    const again = await pay('partial-down');
    assert.equal(first.errors, undefined);
    assert.equal(again.data?.recordPayment.id, first.data?.recordPayment.id, 'the same key answers the first result');
    const { invoice: after } = await query<{ invoice: { payments: { id: string; reference: string | null }[] } }, unknown>(
      hub.gatewayUrl,
      'query ($id: ID!) { invoice(id: $id) { payments { id reference } } }',
      { id: invoice.id },
    );
    assert.deepEqual(
      after.payments.filter((payment) => payment.reference?.startsWith('partial-')).map((payment) => payment.reference),
      ['partial-down'],
      'one payment: none from the refused attempts, one from the keyed retries',
    );
  });
});

describe('subscriptions', () => {
  test('with erp down, a payment event still arrives with every other field, the posting null and an error naming erp', async () => {
    const { invoices } = await query<{ invoices: { nodes: { id: string; customer: { id: string }; amountDue: { amount: string } }[] } }, unknown>(
      hub.gatewayUrl,
      '{ invoices(first: 20, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }',
    );
    const invoice = invoices.nodes.find((node) => Number(node.amountDue.amount) >= 1)!;
    const client = createClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: webSocketFor(hub.gatewayUrl), retryAttempts: 0 });
    const results: { data?: { paymentReceived: Record<string, Record<string, unknown>> }; errors?: GraphQLResponse<unknown>['errors'] }[] = [];
    const streaming = readMetric(await metrics(), 'gateway_subscriptions_streaming');
    const stop = client.subscribe(
      {
        query: `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId payment { id } invoice { number posting { status } } customer { name health { score } } } }`,
        variables: { c: invoice.customer.id },
      },
      { next: (result) => void results.push(result as (typeof results)[number]), error: () => undefined, complete: () => undefined },
    );
    try {
      await waitFor('the subscription streaming', async () => (readMetric(await metrics(), 'gateway_subscriptions_streaming') > streaming ? true : undefined));
      await links.erp.down();
      const { recordPayment } = await query<{ recordPayment: { id: string } }, unknown>(
        hub.gatewayUrl,
        'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
        { input: { invoiceId: invoice.id, amount: '0.25', method: 'card' } },
      );
      const [event] = await waitFor('the event', async () => (results.length > 0 ? results : undefined));
      const received = event!.data!.paymentReceived;
      assert.equal(received.payment!.id, recordPayment.id);
      assert.equal(received.invoice!.posting, null);
      assert.ok(typeof received.invoice!.number === 'string', 'billing fields kept');
      assert.ok(typeof received.customer!.name === 'string', 'crm fields kept');
      assert.ok(received.customer!.health !== null, 'customer-success fields kept');
      assertErrorsName(event as GraphQLResponse<unknown>, 'erp', 'SUBGRAPH_UNAVAILABLE');
    } finally {
      stop();
      await client.dispose();
    }
  });
});
