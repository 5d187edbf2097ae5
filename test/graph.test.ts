/**
 * The read side through the gateway, on a seeded hub: the unified customer view spans all four
 * systems, every contract field resolves to real data, the seeded systems agree with each other,
 * and batching keeps the SQL cost of a page independent of its size.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kind, type SelectionSetNode } from 'graphql';
import { readMetric } from './metrics.ts';
import { Decimal } from '../platform/money.ts';
import { SYSTEMS, type SystemName } from '../platform/config.ts';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

const CustomerPage = graphql(/* GraphQL */ `
  query CustomerPage($first: Int!, $after: String) {
    customers(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id name domain segment region currency accountOwner createdAt updatedAt
        parent { id name }
        children { id name }
        contacts { id name email phone title primary customer { id } }
        opportunities { id name stage amount { amount currency } planCode seats termMonths billingInterval closeDate contract { id } customer { id } }
        contracts {
          id number status planCode seats startDate endDate termMonths billingInterval terminationReason
          unitPrice { amount currency } value { amount currency }
          amendments { id effectiveDate seatsDelta valueDelta { amount currency } reason createdAt }
          opportunity { id }
          customer { id }
          subscription { id }
          renewal { id }
          quoteToCash { id kind state correlationId startedAt updatedAt steps { name system completedAt eventId } exceptions { id } }
        }
        subscriptions {
          id planCode seats status interval currentPeriodStart currentPeriodEnd
          unitPrice { amount currency } mrr { amount currency }
          customer { id } contract { id } invoices { id }
        }
        invoices(first: 100) {
          id number status issuedAt dueDate
          subtotal { amount currency } tax { amount currency } total { amount currency }
          amountPaid { amount currency } amountDue { amount currency }
          lines { description quantity unitPrice { amount currency } amount { amount currency } periodStart periodEnd }
          payments { id }
          customer { id }
          subscription { id }
          posting {
            status period postedAt rejectionReason attempts
            journalEntry { id number date period source sourceId correlationId lines { account debit { amount currency } credit { amount currency } } }
          }
        }
        payments(first: 100) { id amount { amount currency } method reference status receivedAt invoice { id } customer { id } }
        balance { amount currency }
        creditNotes { total { amount } }
        overdueAmount { amount currency }
        mrr { amount currency }
        receivable {
          balance { amount currency }
          aging { current { amount currency } days1to30 { amount currency } days31to60 { amount currency } days61to90 { amount currency } over90 { amount currency } }
        }
        creditLimit { amount currency }
        csm
        health { score grade trend updatedAt factors { name score weight } }
        renewals { id renewalDate stage risk riskReasons forecastArr { amount currency } customer { id } contract { id } }
        onboarding { status milestones { name status dueDate completedAt } }
        events(first: 5) { id type source subject occurredAt correlationId causationId data customer { id } }
        openExceptions { id kind system owner priority status message subject correlationId openedAt ageSeconds }
      }
    }
  }
`);

const RootFields = graphql(/* GraphQL */ `
  query RootFields($customer: ID!, $contract: ID!, $opportunity: ID!, $invoice: ID!, $subscription: ID!, $payment: ID!, $renewal: ID!, $period: String!) {
    customer(id: $customer) { id name }
    contract(id: $contract) { id number }
    opportunity(id: $opportunity) { id name }
    invoice(id: $invoice) { id number customer { name } posting { status } }
    subscription(id: $subscription) { id planCode }
    payment(id: $payment) { id method }
    renewal(id: $renewal) { id risk }
    renewalsDue(withinDays: 365) { id renewalDate stage risk customer { name } contract { number } }
    invoices(first: 5, filter: { overdue: true }) { totalCount pageInfo { hasNextPage endCursor } nodes { id number dueDate amountDue { amount currency } status } }
    journalEntries(first: 5, period: $period) { totalCount pageInfo { hasNextPage endCursor } nodes { id number period lines { account debit { amount } credit { amount } } } }
    accountingPeriods { id status closedAt }
    trialBalance(period: $period) { account debit { amount currency } credit { amount currency } }
  }
`);

type PageData = Awaited<ReturnType<typeof loadPage>>;
type Customer = PageData['customers']['nodes'][number];

let hub: TestHub;
let customers: Customer[];

function loadPage(first: number, after?: string | null) {
  return query(hub.gatewayUrl, CustomerPage, { first, after });
}

/** Every leaf path a selection set asks for, e.g. `customers.nodes.contracts.value.amount`. */
function leafPaths(selectionSet: SelectionSetNode, prefix = ''): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const path = prefix + (selection.alias ?? selection.name).value;
    return selection.selectionSet ? leafPaths(selection.selectionSet, `${path}.`) : [path];
  });
}

/** The leaf paths that hold a non-null value somewhere in a response (a JSON leaf may be an object). */
function filledPaths(value: unknown, prefix: string, leaves: Set<string>, into: Set<string>): Set<string> {
  if (value === null || value === undefined) return into;
  if (Array.isArray(value)) value.forEach((item) => filledPaths(item, prefix, leaves, into));
  else if (leaves.has(prefix)) into.add(prefix);
  else if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) filledPaths(child, prefix ? `${prefix}.${key}` : key, leaves, into);
  }
  return into;
}

before(async () => {
  // A 100-customer page of every field is costlier than the default MAX_QUERY_COST allows.
  // These tests count what the gateway sends the subgraphs: with the entity cache on, repeated reads would not be sent.
  hub = await startHub({ seedCustomers: 120, env: { MAX_QUERY_COST: '5000000', ENTITY_CACHE: 'off' } });
  const pages = [await loadPage(100)];
  customers = [...pages[0].customers.nodes, ...(await loadPage(100, pages[0].customers.pageInfo.endCursor)).customers.nodes];
});

after(() => hub?.close());

describe('the unified customer view', () => {
  test('pages through every seeded customer with cursors', () => {
    assert.equal(customers.length, 120);
    assert.equal(new Set(customers.map((customer) => customer.id)).size, 120);
  });

  test('every field of the contract resolves to real data on some customer', () => {
    const definition = CustomerPage.definitions[0];
    assert.equal(definition.kind, Kind.OPERATION_DEFINITION);
    const expected = leafPaths(definition.selectionSet).filter((path) => !path.startsWith('customers.totalCount') && !path.includes('pageInfo'));
    const filled = filledPaths({ customers: { nodes: customers } }, '', new Set(expected), new Set());
    // Data legitimately null on every seeded customer: no seeded contract carries a correlation id
    // before events land, and termination reasons exist only on terminated contracts.
    const mayBeEmpty = new Set(['customers.nodes.invoices.posting.journalEntry.correlationId']);
    const missing = expected.filter((path) => !filled.has(path) && !mayBeEmpty.has(path));
    assert.deepEqual(missing, []);
  });

  test('every root query field answers with data', async () => {
    const customer = customers.find((c) => c.contracts.length > 0 && c.payments!.length > 0 && c.renewals!.length > 0)!;
    const contract = customer.contracts[0];
    const invoice = customer.invoices![0];
    const [, period] = [null, invoice.posting!.period ?? invoice.issuedAt!.slice(0, 7)];
    const data = await query(hub.gatewayUrl, RootFields, {
      customer: customer.id,
      contract: contract.id,
      opportunity: contract.opportunity!.id,
      invoice: invoice.id,
      subscription: customer.subscriptions![0].id,
      payment: customer.payments![0].id,
      renewal: customer.renewals![0].id,
      period,
    });
    assert.equal(data.customer?.name, customer.name);
    assert.equal(data.contract?.number, contract.number);
    assert.equal(data.invoice?.customer.name, customer.name);
    assert.ok(data.opportunity && data.subscription && data.payment && data.renewal);
    assert.ok(data.renewalsDue.length > 0);
    assert.ok(data.invoices.totalCount > 0 && data.invoices.nodes.every((node) => node.status === 'OPEN'));
    assert.ok(data.journalEntries.totalCount > 0);
    assert.ok(data.accountingPeriods.some((p) => p.status === 'OPEN') && data.accountingPeriods.some((p) => p.status === 'CLOSED'));
    const debits = data.trialBalance.reduce((sum, line) => sum.plus(line.debit.amount), new Decimal(0));
    const credits = data.trialBalance.reduce((sum, line) => sum.plus(line.credit.amount), new Decimal(0));
    assert.ok(debits.greaterThan(0));
    assert.equal(debits.toFixed(2), credits.toFixed(2), 'the trial balance balances');
  });
});

describe('the seeded systems agree', () => {
  test('every invoice billing holds has its posting in erp, some rejected into a closed period', () => {
    const invoices = customers.flatMap((customer) => customer.invoices);
    assert.ok(invoices.length > 500, `a realistic history (${invoices.length} invoices)`);
    for (const invoice of invoices) assert.ok(['POSTED', 'REJECTED', 'PENDING'].includes(invoice!.posting!.status));
    const posted = invoices.filter((invoice) => invoice!.posting!.status === 'POSTED');
    assert.ok(posted.length > invoices.length * 0.9);
    for (const invoice of posted) {
      const lines = invoice!.posting!.journalEntry!.lines;
      const debit = lines.reduce((sum, line) => sum.plus(line.debit.amount), new Decimal(0));
      const credit = lines.reduce((sum, line) => sum.plus(line.credit.amount), new Decimal(0));
      assert.equal(debit.toFixed(2), credit.toFixed(2), `${invoice!.number} balances`);
      assert.equal(debit.toFixed(2), invoice!.total.amount, `${invoice!.number} posts its total`);
    }
    const rejected = invoices.filter((invoice) => invoice!.posting!.status === 'REJECTED');
    assert.ok(rejected.length > 0, 'some postings were rejected');
    for (const invoice of rejected) assert.match(invoice!.posting!.rejectionReason ?? '', /^period \d{4}-\d{2} is (CLOSED|LOCKED)$/);
  });

  test("billing's balance is erp's receivable plus what erp has not posted", () => {
    for (const customer of customers) {
      const unposted = customer.invoices!
        .filter((invoice) => invoice.status === 'OPEN' && invoice.posting!.status !== 'POSTED')
        .reduce((sum, invoice) => sum.plus(invoice.amountDue.amount), new Decimal(0));
      assert.equal(
        new Decimal(customer.receivable!.balance.amount).plus(unposted).toFixed(2),
        customer.balance!.amount,
        `${customer.id}: receivable ${customer.receivable!.balance.amount} + unposted ${unposted} = balance ${customer.balance!.amount}`,
      );
      // The balance is what OPEN invoices leave due, less the customer's credit notes (seat decreases).
      const due = customer.invoices!.filter((invoice) => invoice.status === 'OPEN').reduce((sum, invoice) => sum.plus(invoice.amountDue.amount), new Decimal(0));
      const credited = customer.creditNotes!.reduce((sum, note) => sum.plus(note.total.amount), new Decimal(0));
      assert.equal(due.minus(credited).toFixed(2), customer.balance!.amount);
    }
  });

  test('payments, health and renewals reflect the history', () => {
    const statuses = new Set(customers.flatMap((customer) => customer.payments!.map((payment) => payment.status)));
    assert.ok(statuses.has('SUCCEEDED') && statuses.has('FAILED'));
    const invoiceStatuses = new Set(customers.flatMap((customer) => customer.invoices!.map((invoice) => invoice.status)));
    assert.ok(invoiceStatuses.has('PAID') && invoiceStatuses.has('OPEN'));
    assert.ok(customers.some((customer) => new Decimal(customer.overdueAmount!.amount).greaterThan(0)), 'some customers are overdue');
    assert.ok(customers.some((customer) => customer.parent !== null), 'account hierarchies');
    for (const customer of customers) {
      assert.equal(customer.health!.factors.reduce((sum, factor) => sum + factor.weight, 0), 100);
      const active = customer.contracts.filter((contract) => contract.status === 'ACTIVE');
      for (const contract of active) assert.ok(contract.renewal, `${contract.number} has a renewal`);
      for (const contract of customer.contracts) assert.ok(contract.subscription, `${contract.number} has a subscription`);
    }
    const grades = new Set(customers.map((customer) => customer.health!.grade));
    assert.ok(grades.size >= 2, `health varies (${[...grades].join(', ')})`);
  });
});

describe('batching', () => {
  async function statements(): Promise<Record<SystemName, number>> {
    const entries = await Promise.all(
      SYSTEMS.map(async (system) => [system, readMetric(await (await fetch(`${hub.subgraphs[system].url}/metrics`)).text(), 'sql_statements_total')] as const),
    );
    return Object.fromEntries(entries) as Record<SystemName, number>;
  }

  async function cost(first: number): Promise<{ sql: Record<SystemName, number>; subgraphRequests: number }> {
    const before = await statements();
    const requestsBefore = await gatewayMetric('gateway_subgraph_requests_total');
    const response = await request(hub.gatewayUrl, CustomerPage, { first });
    assert.equal(response.errors, undefined);
    assert.equal(response.data?.customers.nodes.length, first);
    const after = await statements();
    const sql = Object.fromEntries(SYSTEMS.map((system) => [system, after[system] - before[system]])) as Record<SystemName, number>;
    return { sql, subgraphRequests: (await gatewayMetric('gateway_subgraph_requests_total')) - requestsBefore };
  }

  test('a page of 50 customers with every field costs the same SQL statements per subgraph and subgraph requests as a page of 10', async () => {
    const ten = await cost(10);
    const fifty = await cost(50);
    assert.deepEqual(fifty, ten);
    for (const system of SYSTEMS) assert.ok(ten.sql[system] > 0, `${system} was asked`);
  });
});

async function gatewayMetric(name: string): Promise<number> {
  return readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), name);
}

describe('deduplication', () => {
  test('identical queries sent at once share one execution, and each gets the whole answer', async () => {
    const before = await gatewayMetric('gateway_queries_deduplicated_total');
    const alone = await request(hub.gatewayUrl, CustomerPage, { first: 20 });
    const together = await Promise.all(Array.from({ length: 8 }, () => request(hub.gatewayUrl, CustomerPage, { first: 20 })));
    const ids = (response: typeof alone) => response.data?.customers.nodes.map((customer) => customer.id);
    for (const response of together) {
      assert.equal(response.errors, undefined);
      assert.deepEqual(ids(response), ids(alone));
    }
    // Eight requests posted together arrive while the first still waits on the subgraphs.
    assert.ok((await gatewayMetric('gateway_queries_deduplicated_total')) > before, 'some requests joined a running execution');
  });

  test('queries that differ only in their variables are not shared', async () => {
    const [ten, eleven] = await Promise.all([request(hub.gatewayUrl, CustomerPage, { first: 10 }), request(hub.gatewayUrl, CustomerPage, { first: 11 })]);
    assert.equal(ten.data?.customers.nodes.length, 10);
    assert.equal(eleven.data?.customers.nodes.length, 11);
  });
});

const Customer360 = graphql(/* GraphQL */ `
  query Customer360($id: ID!) {
    customer(id: $id) {
      id name
      contracts { number renewal { renewalDate risk } }
      subscriptions { planCode status }
      invoices(first: 5) { number amountDue { amount } posting { status period } }
      overdueAmount { amount }
      health { score grade }
      renewals { renewalDate risk }
    }
  }
`);

describe('cross-request batching', () => {
  /** Each customer's view asked alone, then all asked at once: the answers (data and errors) must not change. */
  async function alonesAndTogether(headers: Record<string, string>) {
    const ids = (await query(hub.gatewayUrl, CustomerPage, { first: 12 })).customers.nodes.map((customer) => customer.id);
    const alone = [];
    for (const id of ids) alone.push(await request(hub.gatewayUrl, Customer360, { id }, headers));
    const batchedBefore = await gatewayMetric('gateway_subgraph_fetches_batched_total');
    const together = await Promise.all(ids.map((id) => request(hub.gatewayUrl, Customer360, { id }, headers)));
    return { alone, together, batched: (await gatewayMetric('gateway_subgraph_fetches_batched_total')) - batchedBefore };
  }

  test("different operations' entity fetches share subgraph requests, and each gets exactly its own entities", async () => {
    const { alone, together, batched } = await alonesAndTogether({});
    assert.ok(batched > 0, 'some entity fetches went out inside another operation’s request');
    for (const [index, response] of together.entries()) {
      assert.equal(response.errors, undefined);
      assert.deepEqual(response.data, alone[index]!.data);
    }
  });

  test('entity errors go back to the operation and the place they belong to', async () => {
    // Sales may read invoices but not the ledger: every posting fails on its own invoice.
    const { alone, together, batched } = await alonesAndTogether({ authorization: `Bearer ${await hub.token('sales')}` });
    assert.ok(batched > 0, 'some entity fetches went out inside another operation’s request');
    let errors = 0;
    for (const [index, response] of together.entries()) {
      assert.deepEqual(response.data, alone[index]!.data);
      const invoices = response.data?.customer?.invoices?.length ?? 0;
      assert.deepEqual(response.errors?.map((error) => [error.path, error.extensions?.code]), alone[index]!.errors?.map((error) => [error.path, error.extensions?.code]));
      assert.equal(response.errors?.length ?? 0, invoices, 'one error per invoice of this customer');
      errors += invoices;
    }
    assert.ok(errors > 0, 'some customers have invoices');
  });
});
