/** The commands a user types: `npm start` (whole hub or one service), `npm run seed` and the scripts. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDb } from '../platform/db/db.ts';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
  dirs.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script with tsx; resolves when it exits, or when `until` matches its stderr (then stops it). */
function run(args: string[], env: Record<string, string>, until?: { pattern: RegExp; then: (stderr: string) => Promise<void> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    let triggered = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (until && !triggered && until.pattern.test(stderr)) {
        triggered = true;
        until.then(stderr).then(() => child.kill('SIGTERM'), (error) => {
          child.kill('SIGKILL');
          reject(error);
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start', () => {
  test('refuses an unknown service with the list of services', async () => {
    const result = await run(['main.ts', 'warehouse'], {});
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Unknown service "warehouse". Run one of: gateway, crm, billing, erp, customer-success/);
  });

  test('refuses a bad configuration, naming every problem, before starting anything', async () => {
    const result = await run(['main.ts'], { GATEWAY_PORT: '99999', CRM_DATABASE_URL: 'mysql://localhost/crm', GATEWAY_DEDUPLICATION: 'maybe' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Invalid configuration/);
    assert.match(result.stderr, /GATEWAY_DEDUPLICATION must be on or off, got 'maybe'/);
    assert.match(result.stderr, /GATEWAY_PORT must be an integer from 0 to 65535, got '99999'/);
    assert.match(result.stderr, /CRM_DATABASE_URL must be a postgres: or postgresql:\/\/ URL/);
  });

  test('runs the whole hub in one process with JSON logs carrying the request id, one info line per operation, and stops cleanly on SIGTERM', async () => {
    const ports = { GATEWAY_PORT: '0', CRM_PORT: '0', BILLING_PORT: '0', ERP_PORT: '0', CUSTOMER_SUCCESS_PORT: '0', OPS_PORT: '0' };
    // A few customers, so that the query reaches billing for their balances.
    const result = await run(['main.ts'], { ...ports, HUB_DATA_DIR: tempDir(), HUB_SEED_CUSTOMERS: '3', LOG_LEVEL: 'debug' }, {
      // The development tokens are printed last, one line per role.
      pattern: /^ {2}admin +\S+$/m,
      then: async (stderr) => {
        const base = stderr.match(/gateway\s+(http:\/\/\S+)\/graphql/)![1];
        const ready = (await (await fetch(`${base}/readyz`)).json()) as { status: string; subgraphs: Record<string, { ok: boolean }> };
        assert.equal(ready.status, 'ready');
        assert.deepEqual(Object.keys(ready.subgraphs).sort(), ['billing', 'crm', 'customer-success', 'erp', 'ops']);
        const admin = stderr.match(/^ {2}admin +(\S+)$/m)![1];
        const send = (requestId: string, query: string) =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-request-id': requestId, 'x-correlation-id': 'sale-77' },
            body: JSON.stringify({ query }),
          });
        assert.equal((await send('trace-me-42', 'query FirstCustomer { customers(first: 1) { totalCount nodes { balance { amount } } } }')).status, 200);
        await send('bad-query-43', 'query Broken { customers(first: 1) { noSuchField } }');
      },
    });
    assert.equal(result.code, 0, result.stderr);
    type Line = { service: string; level: number; reqId?: string; correlationId?: string; msg: string; operationName?: string; outcome?: string; subgraphs?: string[]; ms?: number };
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Line);
    const traced = lines.filter((line) => line.reqId === 'trace-me-42');
    assert.ok(traced.some((line) => line.service === 'gateway'), 'the gateway logged the request under its id');
    assert.ok(traced.some((line) => line.service === 'crm'), 'the subgraph it called logged under the same id');
    assert.ok(traced.every((line) => line.correlationId === 'sale-77'), 'every line of the request carries its correlation id');
    const requestLines = lines.filter((line) => line.msg === 'incoming request' || line.msg === 'request completed');
    assert.ok(requestLines.length > 0);
    assert.ok(requestLines.every((line) => line.level === 20), "Fastify's request lines are at debug");

    const operations = lines.filter((line) => line.service === 'gateway' && line.level === 30 && line.operationName !== undefined);
    const ok = operations.filter((line) => line.reqId === 'trace-me-42');
    assert.equal(ok.length, 1, 'one line for the operation');
    assert.equal(ok[0].operationName, 'FirstCustomer');
    assert.equal(ok[0].outcome, 'OK');
    assert.ok(ok[0].subgraphs!.includes('crm') && ok[0].subgraphs!.includes('billing'), `the subgraphs it called: ${ok[0].subgraphs}`);
    assert.equal(typeof ok[0].ms, 'number');
    const failed = operations.filter((line) => line.reqId === 'bad-query-43');
    assert.equal(failed.length, 1);
    assert.equal(failed[0].operationName, 'Broken');
    assert.equal(failed[0].outcome, 'GRAPHQL_VALIDATION_FAILED');
    assert.deepEqual(failed[0].subgraphs, []);
  });

  test('runs one service alone for the distributed deployment, and stops cleanly on SIGTERM', async () => {
    const result = await run(['main.ts', 'crm'], { CRM_PORT: '0', HUB_DATA_DIR: tempDir() }, {
      pattern: /crm\s+(http:\/\/\S+)\/graphql/,
      then: async (stderr) => {
        const base = stderr.match(/crm\s+(http:\/\/\S+)\/graphql/)![1];
        assert.equal((await fetch(`${base}/healthz`)).status, 200);
        const ready = (await (await fetch(`${base}/readyz`)).json()) as { status: string };
        assert.equal(ready.status, 'ready');
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
        });
        // Subgraphs serve the gateway only.
        assert.equal(response.status, 401);
        assert.equal(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code, 'UNAUTHENTICATED');
      },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /SIGTERM: shutting down/);
  });
  test('stops the gateway with one line naming the file when a persisted-query manifest is not JSON', async () => {
    const documents = tempDir();
    const manifest = join(documents, 'web-app.json');
    // What `npm run documents -- … > persisted/web-app.json` writes without `-s`: npm's banner, then the manifest.
    writeFileSync(manifest, `\n> operational-data-hub@0.1.0 documents\n> tsx scripts/documents.ts app.graphql\n\n{"format":"apollo-persisted-query-manifest","version":1,"operations":[]}\n`);
    const result = await run(['main.ts', 'gateway'], { GATEWAY_PORT: '0', HUB_DATA_DIR: tempDir(), PERSISTED_DOCUMENTS_DIR: documents });
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /PERSISTED_DOCUMENTS_DIR: .*web-app\.json is not JSON .*npm run -s documents/);
  });
});

const ALL_PORTS_FREE = { GATEWAY_PORT: '0', CRM_PORT: '0', BILLING_PORT: '0', ERP_PORT: '0', CUSTOMER_SUCCESS_PORT: '0', OPS_PORT: '0' };

/** A start failure is one line of stderr (a trailing newline aside), and no stack frame. */
function assertOneLine(result: Run): string {
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
  return lines[0];
}

describe('every command', () => {
  for (const [command, script] of [
    ['npm start', 'main.ts'],
    ['npm run seed', 'seed/main.ts'],
    ['npm run token', 'scripts/token.ts'],
    ['npm run documents', 'scripts/documents.ts'],
    ['npm run compose', 'scripts/compose.ts'],
    ['npm run bench:fanout', 'bench/fanout.ts'],
  ]) {
    test(`${command} --help prints its usage and exits 0, doing nothing else`, async () => {
      const dir = tempDir();
      const result = await run([script, '--help'], { HUB_DATA_DIR: dir });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^usage: npm /);
      assert.ok(result.stdout.split('\n').length > 2, 'says more than the synopsis');
      assert.equal(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout, '', 'touched no data');
    });
  }
});

describe('a start that cannot succeed says why in one line', () => {
  test('an unreachable PostgreSQL, naming the variable and the system', async () => {
    const line = assertOneLine(await run(['main.ts'], { ...ALL_PORTS_FREE, BILLING_DATABASE_URL: 'postgres://hub:secret@127.0.0.1:1/billing', HUB_DATA_DIR: tempDir(), HUB_SEED_CUSTOMERS: '0' }));
    assert.match(line, /^Cannot reach PostgreSQL at BILLING_DATABASE_URL \(postgres:\/\/hub:\*\*\*@127\.0\.0\.1:1\/billing\) of the billing system: .*ECONNREFUSED.*\. Start PostgreSQL there, or fix BILLING_DATABASE_URL\.$/);
  });

  test('a database that does not exist, naming the variable, the system and how to make it', async () => {
    const name = `hub_missing_${process.pid}`;
    const line = assertOneLine(await run(['main.ts'], { ...ALL_PORTS_FREE, ERP_DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, HUB_DATA_DIR: tempDir(), HUB_SEED_CUSTOMERS: '0' }));
    assert.match(line, new RegExp(`^The database ERP_DATABASE_URL \\(postgres://postgres@127\\.0\\.0\\.1:5432/${name}\\) of the erp system does not exist: create it \\(CREATE DATABASE ${name}\\), or fix ERP_DATABASE_URL\\.$`));
  });

  test('a supergraph file that is not there, naming SUPERGRAPH_PATH', async () => {
    const line = assertOneLine(await run(['main.ts', 'gateway'], { GATEWAY_PORT: '0', HUB_DATA_DIR: tempDir(), SUPERGRAPH_PATH: '/nonexistent/supergraph.graphql' }));
    assert.match(line, /^SUPERGRAPH_PATH \/nonexistent\/supergraph\.graphql cannot be read \(ENOENT\): the gateway cannot start\. Point SUPERGRAPH_PATH at/);
  });

  test('a port in use, naming its variable', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const line = assertOneLine(await run(['main.ts', 'gateway'], { HOST: '127.0.0.1', GATEWAY_PORT: String(port), HUB_DATA_DIR: tempDir() }));
      assert.match(line, new RegExp(`^GATEWAY_PORT=${port}: port ${port} on 127\\.0\\.0\\.1 is in use .*set GATEWAY_PORT to a free port`));
    } finally {
      blocker.close();
    }
  });

  test('a data folder that cannot be made, naming HUB_DATA_DIR', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const line = assertOneLine(await run(['main.ts'], { ...ALL_PORTS_FREE, HUB_DATA_DIR: join(file, 'data'), HUB_SEED_CUSTOMERS: '0' }));
    assert.match(line, /^HUB_DATA_DIR .*a-file\/data cannot be made \(ENOTDIR\)/);
  });
});

describe('the data folder', () => {
  test('is refused at once to a second hub, naming the process that holds it; the seed CLI is refused too', async () => {
    const dir = tempDir();
    let holder = 0;
    const first = await run(['main.ts'], { ...ALL_PORTS_FREE, HUB_DATA_DIR: dir, HUB_SEED_CUSTOMERS: '0' }, {
      pattern: /^ {2}admin +\S+$/m,
      then: async () => {
        const second = await run(['main.ts'], { ...ALL_PORTS_FREE, HUB_DATA_DIR: dir, HUB_SEED_CUSTOMERS: '0' });
        const line = assertOneLine(second);
        const match = /^HUB_DATA_DIR (\S+) is in use: process (\d+) \(npm start\) holds its crm database\. Stop that process first, or set HUB_DATA_DIR to another folder\.$/.exec(line);
        assert.ok(match, line);
        holder = Number(match[2]);
        assert.equal(match[1], dir);
        const seed = assertOneLine(await run(['seed/main.ts', '--customers', '5'], { HUB_DATA_DIR: dir }));
        assert.match(seed, new RegExp(`process ${holder} \\(npm start\\)`));
      },
    });
    assert.equal(first.code, 0, first.stderr);
    assert.ok(holder > 0);
    // The first hub released it on exit: the folder is free again.
    const seeded = await run(['seed/main.ts', '--customers', '5', '--reset'], { HUB_DATA_DIR: dir });
    assert.equal(seeded.code, 0, seeded.stderr);
  });

  test('held by a process that is gone is taken over', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(gone.stdout.trim());
    for (const system of ['crm', 'billing', 'erp', 'customer-success', 'ops']) {
      writeFileSync(join(dir, `${system}.lock`), JSON.stringify({ pid, host: hostname(), command: 'npm start' }));
    }
    const result = await run(['seed/main.ts', '--customers', '5'], { HUB_DATA_DIR: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /customers\s+5\n/);
  });
});

describe('the first-start seed', () => {
  test('interrupted by SIGTERM, is redone from empty at the next start, which says so', async () => {
    const dir = tempDir();
    // Not a terminal: progress comes as plain lines, the first after the first batch of customers.
    const interrupted = await run(['main.ts'], { ...ALL_PORTS_FREE, HUB_DATA_DIR: dir, HUB_SEED_CUSTOMERS: '2000' }, {
      pattern: /^Seeding demo data: customers: [1-9]0% \(\d[\d,]* of 2,000 customers\)$/m,
      then: async () => undefined,
    });
    assert.notEqual(interrupted.code, 0, 'killed mid-seed');
    assert.doesNotMatch(interrupted.stderr, /Operational data hub is up/);

    const restarted = await run(['main.ts'], { ...ALL_PORTS_FREE, HUB_DATA_DIR: dir, HUB_SEED_CUSTOMERS: '30' }, {
      pattern: /^ {2}admin +\S+$/m,
      then: async (stderr) => {
        const base = stderr.match(/gateway\s+(http:\/\/\S+)\/graphql/)![1];
        const admin = stderr.match(/^ {2}admin +(\S+)$/m)![1];
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
        });
        const body = (await response.json()) as { data: { customers: { totalCount: number } } };
        // Only the new seed's customers: the interrupted seed's are gone.
        assert.equal(body.data.customers.totalCount, 30);
      },
    });
    assert.equal(restarted.code, 0, restarted.stderr);
    assert.match(restarted.stderr, /The first-start seed of this data folder was interrupted: its partial data is being removed and the seed redone\./);
    assert.match(restarted.stderr, /^Seeding demo data: events: 100%/m);
  });
});

describe('npm run seed', () => {
  test('seeds an empty data folder, refuses to seed it twice, and reseeds with --reset', async () => {
    const env = { HUB_DATA_DIR: tempDir() };
    const first = await run(['seed/main.ts', '--customers', '25'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout + first.stderr, /customers\s+25\n/);
    // The bulk load is analyzed: the planner has statistics for what it loaded, autovacuum or not.
    const billing = await openDb({ dataDir: join(env.HUB_DATA_DIR, 'billing') }, join(import.meta.dirname, '../subgraphs/billing/migrations'));
    try {
      const analyzed = await billing.query<{ tablename: string }>(`SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = 'public' AND tablename IN ('invoices', 'payments')`);
      assert.deepEqual(analyzed.map((row) => row.tablename).sort(), ['invoices', 'payments']);
    } finally {
      await billing.close();
    }
    const again = await run(['seed/main.ts', '--customers', '25'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /--reset/);
    const reset = await run(['seed/main.ts', '--customers', '10', '--reset'], env);
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout + reset.stderr, /customers\s+10\n/);
  });

  test('refuses a bad customer count', async () => {
    const result = await run(['seed/main.ts', '--customers', 'many'], { HUB_DATA_DIR: tempDir() });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--customers must be a positive integer/);
  });
});
