/**
 * The distributed hub when the broker fails, with real processes (test/distributed/cluster.ts)
 * and a Redis of the test's own: killed and restarted with its data, frozen with SIGSTOP,
 * restarted empty mid-burst, and absent when the services start. Each case puts 200 writes in
 * flight (invoices issued, and opportunities closed won, which run quote-to-cash) and checks that
 * every write's downstream effects exist exactly once, no dead letter was raised, the trial
 * balance balances and ops's event log holds every event of every outbox. Each prints a
 * one-line summary of what it measured.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { envPrefix, SERVICES, SYSTEMS } from '../../platform/config.ts';
import { readMetric } from '../metrics.ts';
import { Decimal } from '../../platform/money.ts';
import { graphql } from '../generated/index.ts';
import { query } from '../graphql.ts';
import { Cluster } from './cluster.ts';
import { sleep, waitFor } from '../wait.ts';

/** Writes each case puts in flight: invoices issued, and opportunities closed won (each a quote-to-cash run). */
const INVOICES = 180;
const SALES = 20;
/** How long Redis stays killed or frozen. */
const FAULT_MS = 10_000;
/** What a read through the gateway may take while Redis is frozen. */
const READ_BUDGET_MS = 1000;

let cluster: Cluster;
let gatewayUrl: string;

before(async () => {
  // Two erp replicas share erp's consumer groups, so one can be killed while the other takes over.
  cluster = await Cluster.start({ seedCustomers: 20, replicas: { erp: 1 } });
  gatewayUrl = cluster.url();
});

after(async () => {
  await cluster?.close();
});

const Customers = graphql(/* GraphQL */ `
  query BrokerCustomers { customers(first: 20) { nodes { id subscriptions { id status } } } }
`);

const FirstCustomer = graphql(/* GraphQL */ `
  query BrokerFirstCustomer { customers(first: 1) { nodes { id name } } }
`);

const CustomerView = graphql(/* GraphQL */ `
  query BrokerCustomerView($id: ID!) {
    customer(id: $id) {
      id
      name
      subscriptions { id status }
      invoices(first: 5) { id status posting { status } }
      balance { amount }
      receivable { balance { amount } }
      health { score }
    }
  }
`);

const Issue = graphql(/* GraphQL */ `
  mutation BrokerIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id } }
`);

const OpenDeal = graphql(/* GraphQL */ `
  mutation BrokerOpenDeal($input: CreateOpportunityInput!, $key: String) { createOpportunity(input: $input, idempotencyKey: $key) { id } }
`);

const CloseWon = graphql(/* GraphQL */ `
  mutation BrokerCloseWon($id: ID!, $startDate: Date!, $key: String) { closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id } }
`);

const InvoiceEffects = graphql(/* GraphQL */ `
  query BrokerInvoiceEffects($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }
`);

const SaleEffects = graphql(/* GraphQL */ `
  query BrokerSaleEffects($id: ID!) {
    contract(id: $id) {
      quoteToCash { state }
      subscription { invoices { id posting { status } } }
    }
  }
`);

const DeadLetters = graphql(/* GraphQL */ `
  query BrokerDeadLetters { deadLetters(first: 200) { id consumer error } }
`);

const TrialBalance = graphql(/* GraphQL */ `
  query BrokerTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }
`);

/** The writes of one case, as they committed. */
interface Writes {
  invoices: string[];
  contracts: string[];
}

/** What one case measured, printed as its summary line. */
interface Figures {
  writes: number;
  lost: number;
  duplicates: number;
  falseDeadLetters: number;
  recoverMs: number;
  readMaxMs: number | null;
  reads: number;
}

/** Reads through the gateway, one after another, while it runs: the slowest answer, and how many. */
class ReadProbe {
  private running = true;
  private readonly done: Promise<void>;
  maxMs = 0;
  count = 0;

  constructor(customerId: string) {
    this.done = (async () => {
      while (this.running) {
        for (const read of [() => query(gatewayUrl, FirstCustomer, {}), () => query(gatewayUrl, CustomerView, { id: customerId })]) {
          const started = performance.now();
          await read();
          this.maxMs = Math.max(this.maxMs, performance.now() - started);
          this.count++;
        }
        await sleep(50);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

async function activeSubscriptions(): Promise<string[]> {
  const { customers } = await query(gatewayUrl, Customers, {});
  return customers.nodes.flatMap((customer) => (customer.subscriptions ?? []).filter((s) => s.status === 'ACTIVE').map((s) => s.id));
}

async function someCustomer(): Promise<string> {
  const { customers } = await query(gatewayUrl, FirstCustomer, {});
  return customers.nodes[0].id;
}

/** Opportunities to close won during the case, opened before the fault. */
async function openDeals(tag: string): Promise<string[]> {
  const { customers } = await query(gatewayUrl, Customers, {});
  return Promise.all(
    Array.from({ length: SALES }, async (_, i) => {
      const input = { customerId: customers.nodes[i % customers.nodes.length].id, name: `${tag} deal ${i}`, amount: '12000.00', planCode: 'GROWTH', seats: 10, termMonths: 12 };
      return (await query(gatewayUrl, OpenDeal, { input, key: `${tag}-deal-${i}` })).createOpportunity.id;
    }),
  );
}

/** Sends the case's 200 writes, ten at a time, a sale among every ten; calls `midway` after half. */
async function burst(tag: string, deals: string[], midway: () => Promise<void>): Promise<Writes> {
  const subscriptions = await activeSubscriptions();
  assert.ok(subscriptions.length >= 5);
  const writes: Writes = { invoices: [], contracts: [] };
  const startDate = new Date().toISOString().slice(0, 10);
  const total = INVOICES + SALES;
  for (let i = 0; i < total; i += 10) {
    if (i === total / 2) await midway();
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        const n = i + j;
        if (j === 0) {
          const deal = deals[n / 10];
          writes.contracts.push((await query(gatewayUrl, CloseWon, { id: deal, startDate, key: `${tag}-close-${n}` })).closeOpportunityWon.id);
        } else {
          writes.invoices.push((await query(gatewayUrl, Issue, { subscription: subscriptions[n % subscriptions.length], key: `${tag}-invoice-${n}` })).issueInvoice.id);
        }
      }),
    );
  }
  assert.equal(writes.invoices.length, INVOICES, 'every invoice was issued');
  assert.equal(writes.contracts.length, SALES, 'every opportunity was closed won');
  return writes;
}

/** Runs `work` on a system's database. */
async function onDatabase<T>(system: (typeof SYSTEMS)[number], work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.env[`${envPrefix(system)}_DATABASE_URL`] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Events in some system's outbox that ops did not record: business events in its event log, audit events in its audit trail. */
async function eventsMissingFromLog(): Promise<number> {
  const outboxes = await Promise.all(
    SYSTEMS.map((system) => onDatabase(system, async (client) => (await client.query<{ event_id: string }>('SELECT event_id FROM outbox')).rows.map((row) => row.event_id))),
  );
  const ids = outboxes.flat();
  const recorded = await onDatabase('ops', async (client) => {
    const { rows } = await client.query<{ n: string }>(
      'SELECT (SELECT count(*) FROM events WHERE id = ANY($1)) + (SELECT count(*) FROM audit_trail WHERE event_id = ANY($1)) AS n',
      [ids],
    );
    return Number(rows[0].n);
  });
  return ids.length - recorded;
}

async function deadLetterIds(): Promise<string[]> {
  return (await query(gatewayUrl, DeadLetters, {})).deadLetters.map((letter) => letter.id);
}

/** How many of the writes' downstream effects exist so far: posted invoices, completed sales (each with its one invoice posted). */
async function effects(writes: Writes): Promise<{ done: number; duplicates: number }> {
  const entries = await Promise.all(writes.invoices.map(async (id) => (await query(gatewayUrl, InvoiceEffects, { source: id })).journalEntries.totalCount));
  const sales = await Promise.all(
    writes.contracts.map(async (id) => {
      const { contract } = await query(gatewayUrl, SaleEffects, { id });
      const invoices = contract?.subscription?.invoices ?? [];
      const entryCounts = await Promise.all(invoices.map(async (invoice) => (await query(gatewayUrl, InvoiceEffects, { source: invoice.id })).journalEntries.totalCount));
      const complete = contract?.quoteToCash?.state === 'COMPLETED' && invoices.length === 1 && invoices[0].posting?.status === 'POSTED' && entryCounts[0] === 1;
      return { complete, duplicates: Math.max(0, invoices.length - 1) + entryCounts.filter((count) => count > 1).length };
    }),
  );
  return {
    done: entries.filter((count) => count >= 1).length + sales.filter((sale) => sale.complete).length,
    duplicates: entries.filter((count) => count > 1).length + sales.reduce((sum, sale) => sum + sale.duplicates, 0),
  };
}

/**
 * Waits until every write's effects exist and ops's log holds every outbox event, then checks
 * the rest; returns the figures of the case.
 */
async function settle(writes: Writes, deadLettersBefore: string[], healedAt: number, reads: ReadProbe | undefined): Promise<Figures> {
  const total = writes.invoices.length + writes.contracts.length;
  let last = { done: 0, duplicates: 0 };
  let missing = -1;
  await waitFor(
    `the downstream effects of ${total} writes and a complete event log`,
    async () => {
      last = await effects(writes);
      if (last.done < total) return undefined;
      missing = await eventsMissingFromLog();
      return missing === 0 ? true : undefined;
    },
    180_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message} (effects ${last.done}/${total}, events missing from the log: ${missing})`);
  });
  const recoverMs = Date.now() - healedAt;
  const falseDeadLetters = (await deadLetterIds()).filter((id) => !deadLettersBefore.includes(id)).length;
  const { trialBalance } = await query(gatewayUrl, TrialBalance, { period: new Date().toISOString().slice(0, 7) });
  const debits = trialBalance.reduce((sum, line) => sum.plus(line.debit.amount), new Decimal(0));
  const credits = trialBalance.reduce((sum, line) => sum.plus(line.credit.amount), new Decimal(0));
  assert.equal(last.duplicates, 0, 'no downstream effect exists twice');
  assert.equal(falseDeadLetters, 0, 'no event was dead-lettered');
  assert.equal(debits.toFixed(2), credits.toFixed(2), 'the trial balance balances');
  return { writes: total, lost: missing, duplicates: last.duplicates, falseDeadLetters, recoverMs, readMaxMs: reads ? Math.round(reads.maxMs) : null, reads: reads?.count ?? 0 };
}

/** Requests the gateway let through without a rate-limit check because Redis did not answer. */
async function failedOpen(): Promise<number> {
  return readMetric(await (await fetch(`${cluster.origin('gateway')}/metrics`)).text(), 'gateway_rate_limit_fail_open_total');
}

function report(fault: string, figures: Figures): void {
  console.log(
    `broker fault: ${fault} | writes in flight ${figures.writes} | events lost ${figures.lost} | duplicates ${figures.duplicates} | false dead letters ${figures.falseDeadLetters} | ` +
      `time to recover ${(figures.recoverMs / 1000).toFixed(1)} s | slowest read during the fault ${figures.readMaxMs ?? '-'} ms (${figures.reads} reads)`,
  );
}

/** Runs one case: deals opened, 200 writes with `inject` halfway, `heal` once the fault lasted FAULT_MS; returns the figures. */
async function faultCase(tag: string, inject: () => Promise<void>, heal: () => Promise<void>): Promise<{ figures: Figures; reads: ReadProbe }> {
  const deals = await openDeals(tag);
  const deadLettersBefore = await deadLetterIds();
  const customer = await someCustomer();
  let reads: ReadProbe | undefined;
  let faultAt = 0;
  const writes = await burst(tag, deals, async () => {
    await inject();
    faultAt = Date.now();
    reads = new ReadProbe(customer);
  });
  await sleep(Math.max(0, FAULT_MS - (Date.now() - faultAt)));
  await reads!.stop();
  await heal();
  const healedAt = Date.now();
  return { figures: await settle(writes, deadLettersBefore, healedAt, reads), reads: reads! };
}

describe('the distributed hub when a consumer replica dies', () => {
  test('an erp replica killed (SIGKILL) mid-burst: the other takes over its unfinished events, every effect exactly once, no dead letter', async () => {
    const { figures } = await faultCase(
      'replica',
      () => cluster.kill('erp#2', 'SIGKILL'),
      async () => {
        cluster.startProcess('erp#2');
        await cluster.waitReady('erp#2');
      },
    );
    report('erp replica SIGKILL, restarted after 10 s', figures);
  });
});

describe('the distributed hub when Redis fails', () => {
  test('Redis killed (SIGKILL) mid-burst and restarted with its data: every effect exactly once, no dead letter', async () => {
    const { figures } = await faultCase(
      'killed',
      () => cluster.redis.stop('SIGKILL'),
      () => cluster.redis.start(),
    );
    report('Redis SIGKILL 10 s, restarted with its data', figures);
  });

  test('Redis frozen (SIGSTOP) for 10 s mid-burst: reads through the gateway answer within 1 s meanwhile, and every effect arrives once after', async () => {
    const failedOpenBefore = await failedOpen();
    const { figures, reads } = await faultCase(
      'frozen',
      async () => cluster.redis.freeze(),
      async () => cluster.redis.thaw(),
    );
    report('Redis SIGSTOP 10 s', figures);
    assert.ok(reads.count >= 4, 'reads ran during the freeze');
    assert.ok(reads.maxMs < READ_BUDGET_MS, `the slowest read took ${Math.round(reads.maxMs)} ms`);
    assert.ok((await failedOpen()) > failedOpenBefore, 'the gateway let requests through unlimited, and counted them');
  });

  test('Redis restarted empty mid-burst (a failover to a fresh replica): the relays publish again what was lost, consumers make their groups again', async () => {
    const { figures } = await faultCase(
      'emptied',
      () => cluster.redis.restartEmpty(),
      async () => undefined,
    );
    report('Redis restarted empty mid-burst', figures);
  });

  test('services started while Redis is down: ready but degraded, no stack in their logs, and they catch up once Redis comes', async () => {
    const deals = await openDeals('late');
    const deadLettersBefore = await deadLetterIds();
    await cluster.redis.stop();
    await Promise.all(SERVICES.map((label) => cluster.kill(label)));
    for (const label of SERVICES) cluster.startProcess(label);
    await Promise.all(SERVICES.map((label) => cluster.waitReady(label, 120_000)));
    for (const system of SYSTEMS) {
      const ready = (await (await fetch(`${cluster.origin(system)}/readyz`)).json()) as { status: string; events: string };
      assert.deepEqual([ready.status, ready.events], ['degraded', 'down'], `${system} serves, and says its event stream is down`);
    }
    const gatewayReady = (await (await fetch(`${cluster.origin('gateway')}/readyz`)).json()) as { status: string };
    assert.equal(gatewayReady.status, 'degraded');
    const reads = new ReadProbe(await someCustomer());
    const downAt = Date.now();
    const writes = await burst('late', deals, async () => undefined);
    await sleep(Math.max(0, FAULT_MS - (Date.now() - downAt)));
    await reads.stop();
    await cluster.redis.start();
    const figures = await settle(writes, deadLettersBefore, Date.now(), reads);
    report('services started while Redis was down', figures);
    for (const label of SERVICES) {
      const lines = cluster.log(label).split('\n').filter((line) => line.startsWith('{'));
      const redisLines = lines.map((line) => JSON.parse(line) as { msg?: string; err?: unknown }).filter((line) => /redis|stream/i.test(line.msg ?? ''));
      assert.deepEqual(redisLines.filter((line) => line.err !== undefined), [], `${label} logs no stack for a broker that is not there yet`);
      assert.ok(redisLines.length <= 2, `${label} logs the outage once, not on every retry: ${redisLines.length} lines`);
    }
    for (const system of SYSTEMS) {
      await waitFor(`${system} says its event stream is up`, async () => {
        const ready = (await (await fetch(`${cluster.origin(system)}/readyz`)).json()) as { status: string };
        return ready.status === 'ready' || undefined;
      });
    }
  });
});
