/**
 * The distributed deployment under faults, with real processes: every service its own
 * `npm start -- <service>` process on PostgreSQL (a database per system) and a Redis of the
 * test's own (so it can be stopped). A consumer process killed with SIGKILL mid-burst loses
 * nothing and duplicates nothing; writes made while Redis is down commit, and their events
 * arrive once it is back.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { issueDevToken } from '../../platform/auth/devTokens.ts';
import { envPrefix, loadConfig, SERVICES, SYSTEMS, type ServiceName } from '../../platform/config.ts';
import { Decimal } from '../../platform/money.ts';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from '../generated/index.ts';
import { authorizeByDefault, query } from '../graphql.ts';

const root = join(import.meta.dirname, '..', '..');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const work = mkdtempSync(join(tmpdir(), 'hub-distributed-'));
const prefix = `dist_${process.pid}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Redis server of this test's own, persisting to disk so a restart keeps the stream. */
class TestRedis {
  private process: ChildProcess | undefined;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', work, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], {
      stdio: 'ignore',
    });
    await waitFor('redis', async () => spawnSync('redis-cli', ['-p', String(this.port), 'ping']).stdout?.toString().includes('PONG') || undefined);
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process?.once('exit', resolve));
    this.process?.kill('SIGTERM');
    await exited;
  }
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let redis: TestRedis;
const env: Record<string, string> = {};
/** Running processes by label: a service name, or `<service>#2` for a second replica. */
const processes = new Map<string, ChildProcess>();
let gatewayUrl: string;
let erpReplicaPort: string;
let secondGatewayPort: string;
let adminToken: string;

function startProcess(name: ServiceName, label: string = name, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', name], {
    cwd: root,
    env: { ...process.env, ...env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.on('exit', (code) => {
    if (code) console.error(`${name} exited with ${code}: ${stderr}`);
  });
  processes.set(label, child);
  return child;
}

async function waitReady(name: ServiceName, port = name === 'gateway' ? env.GATEWAY_PORT : env[`${envPrefix(name)}_PORT`]): Promise<void> {
  await waitFor(`${name} ready`, async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined));
}

async function kill(label: string, signal: NodeJS.Signals): Promise<void> {
  const child = processes.get(label)!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

before(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const system of SYSTEMS) {
    const database = `${prefix}_${system.replace(/-/g, '_')}`;
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    env[`${envPrefix(system)}_DATABASE_URL`] = url.toString();
    const port = await freePort();
    env[`${envPrefix(system)}_PORT`] = String(port);
    env[`${envPrefix(system)}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  await admin.end();
  Object.assign(env, {
    HOST: '127.0.0.1',
    GATEWAY_PORT: String(await freePort()),
    REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    REDIS_PREFIX: prefix,
    CONSUMER_RECLAIM_IDLE_MS: '2000',
    CONSUMER_RETRY_BASE_MS: '200',
    CONSUMER_MAX_ATTEMPTS: '20',
    OUTBOX_POLL_MS: '500',
    LOG_LEVEL: 'warn',
    // Every process makes or reads the auth keys here: the gateway's subgraph-token pair and the token issuer's.
    HUB_DATA_DIR: work,
  });
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
  adminToken = await issueDevToken(loadConfig(env), 'admin');
  authorizeByDefault(gatewayUrl, () => `Bearer ${adminToken}`);
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'seed/main.ts', '--customers', '20'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.equal(seeded.status, 0, seeded.stderr);
  for (const name of SERVICES) startProcess(name);
  // A second erp replica shares erp's consumers' work through the Redis consumer groups.
  erpReplicaPort = String(await freePort());
  startProcess('erp', 'erp#2', { ERP_PORT: erpReplicaPort });
  // A second gateway: any replica serves any subscriber.
  secondGatewayPort = String(await freePort());
  authorizeByDefault(`http://127.0.0.1:${secondGatewayPort}`, () => `Bearer ${adminToken}`);
  startProcess('gateway', 'gateway#2', { GATEWAY_PORT: secondGatewayPort });
  await Promise.all([...SERVICES.map((name) => waitReady(name)), waitReady('erp', erpReplicaPort), waitReady('gateway', secondGatewayPort)]);
});

after(async () => {
  await Promise.all([...processes.keys()].map((label) => (processes.get(label)!.exitCode === null && processes.get(label)!.signalCode === null ? kill(label, 'SIGTERM') : undefined)));
  await redis?.stop();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const system of SYSTEMS) await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${system.replace(/-/g, '_')} WITH (FORCE)`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
});

const Subscriptions = graphql(/* GraphQL */ `
  query DistributedSubscriptions { customers(first: 20) { nodes { subscriptions { id status } } } }
`);

const Issue = graphql(/* GraphQL */ `
  mutation DistributedIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id issuedAt } }
`);

const EntriesOf = graphql(/* GraphQL */ `
  query DistributedEntries($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }
`);

const TrialBalance = graphql(/* GraphQL */ `
  query DistributedTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }
`);

async function activeSubscriptions(): Promise<string[]> {
  const { customers } = await query(gatewayUrl, Subscriptions, {});
  return customers.nodes.flatMap((customer) => customer.subscriptions.filter((s) => s.status === 'ACTIVE').map((s) => s.id));
}

/** Issues `count` invoices round-robin over the subscriptions, a few at a time, calling `midway` halfway. */
async function burst(count: number, tag: string, midway: () => Promise<void>): Promise<string[]> {
  const subscriptions = await activeSubscriptions();
  assert.ok(subscriptions.length >= 5);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    if (i === count / 2) await midway();
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        query(gatewayUrl, Issue, { subscription: subscriptions[(i + j) % subscriptions.length], key: `${tag}-${i + j}` }),
      ),
    );
    ids.push(...batch.map((result) => result.issueInvoice.id));
  }
  return ids;
}

async function allPostedOnce(ids: string[]): Promise<void> {
  await waitFor(
    `${ids.length} invoices posted`,
    async () => {
      const statuses = await Promise.all(
        ids.map(async (id) => (await query(gatewayUrl, EntriesOf, { source: id })).journalEntries.totalCount),
      );
      return statuses.every((count) => count >= 1) ? true : undefined;
    },
    120_000,
  );
  const counts = await Promise.all(ids.map(async (id) => (await query(gatewayUrl, EntriesOf, { source: id })).journalEntries.totalCount));
  assert.deepEqual(counts.filter((count) => count !== 1), [], 'every invoice has exactly one journal entry');
  const { trialBalance } = await query(gatewayUrl, TrialBalance, { period: new Date().toISOString().slice(0, 7) });
  const debits = trialBalance.reduce((sum, line) => sum.plus(line.debit.amount), new Decimal(0));
  const credits = trialBalance.reduce((sum, line) => sum.plus(line.credit.amount), new Decimal(0));
  assert.equal(debits.toFixed(2), credits.toFixed(2), 'the trial balance balances');
}

const OpenInvoices = graphql(/* GraphQL */ `
  query DistributedOpenInvoices { invoices(first: 5, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }
`);

const Pay = graphql(/* GraphQL */ `
  mutation DistributedPay($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }
`);

describe('subscriptions across gateway replicas', () => {
  test('a subscriber on one gateway process receives, resolved across systems, a payment written through the other', async () => {
    const { invoices } = await query(gatewayUrl, OpenInvoices, {});
    const invoice = invoices.nodes.find((node) => Number(node.amountDue.amount) >= 2)!;
    const client = createClient({ url: `ws://127.0.0.1:${secondGatewayPort}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${adminToken}` }, retryAttempts: 0 });
    const received: { eventId: string; payment: { id: string }; invoice: { number: string; posting: { status: string } }; customer: { name: string } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ paymentReceived: (typeof received)[number] }>(
        {
          query: `subscription ($c: ID) { paymentReceived(customerId: $c) { eventId payment { id } invoice { number posting { status } } customer { name } } }`,
          variables: { c: invoice.customer.id },
        },
        { next: ({ data }) => data && received.push(data.paymentReceived) && resolve(), error: reject, complete: () => undefined },
      );
    });
    // The subscription is live once the subgraph's tail has started; pay until the event arrives.
    const payments: string[] = [];
    const deadline = Date.now() + 30_000;
    while (received.length === 0 && Date.now() < deadline) {
      const { recordPayment } = await query(gatewayUrl, Pay, { input: { invoiceId: invoice.id, amount: '0.01', method: 'card' } });
      payments.push(recordPayment.id);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
    await client.dispose();
    assert.ok(received.length > 0, 'the event reached the other gateway');
    assert.ok(payments.includes(received[0].payment.id));
    assert.ok(received[0].customer.name.length > 0, 'crm fields resolved through the second gateway');
    assert.ok(['POSTED', 'PENDING', 'REJECTED'].includes(received[0].invoice.posting.status), 'erp fields resolved');
  });
});

describe('the distributed hub under faults', () => {
  test('an erp replica killed with SIGKILL in the middle of a burst of 200 invoices: the other takes over its events, every invoice is posted exactly once', async () => {
    const ids = await burst(200, 'kill', async () => {
      await kill('erp#2', 'SIGKILL');
    });
    assert.equal(new Set(ids).size, 200);
    await allPostedOnce(ids);
    startProcess('erp', 'erp#2', { ERP_PORT: erpReplicaPort });
    await waitReady('erp', erpReplicaPort);
  });

  test('erp down altogether (SIGKILL) in the middle of a burst: after restart every invoice is posted exactly once', async () => {
    const ids = await burst(200, 'all-down', async () => {
      await Promise.all([kill('erp', 'SIGKILL'), kill('erp#2', 'SIGKILL')]);
    });
    startProcess('erp');
    await waitReady('erp');
    await allPostedOnce(ids);
  });

  test('with Redis stopped for 10 s, mutations still commit and every event arrives once it is back', async () => {
    await redis.stop();
    const started = Date.now();
    const ids = await burst(20, 'redis-down', async () => undefined);
    assert.equal(ids.length, 20, 'every write committed while Redis was down');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - started))));
    await redis.start();
    await allPostedOnce(ids);
  });
});
