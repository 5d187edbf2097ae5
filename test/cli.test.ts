/** The commands a user types: `npm start` (whole hub or one service) and `npm run seed`. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

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

  test('runs the whole hub in one process with JSON logs carrying the request id, and stops cleanly on SIGTERM', async () => {
    const ports = { GATEWAY_PORT: '0', CRM_PORT: '0', BILLING_PORT: '0', ERP_PORT: '0', CUSTOMER_SUCCESS_PORT: '0', OPS_PORT: '0' };
    const result = await run(['main.ts'], { ...ports, HUB_DATA_DIR: tempDir(), HUB_SEED_CUSTOMERS: '0', LOG_LEVEL: 'info' }, {
      // The development tokens are printed last, one line per role.
      pattern: /^ {2}admin +\S+$/m,
      then: async (stderr) => {
        const base = stderr.match(/gateway\s+(http:\/\/\S+)\/graphql/)![1];
        const ready = (await (await fetch(`${base}/readyz`)).json()) as { status: string; subgraphs: Record<string, { ok: boolean }> };
        assert.equal(ready.status, 'ready');
        assert.deepEqual(Object.keys(ready.subgraphs).sort(), ['billing', 'crm', 'customer-success', 'erp', 'ops']);
        const admin = stderr.match(/^ {2}admin +(\S+)$/m)![1];
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-request-id': 'trace-me-42', 'x-correlation-id': 'sale-77' },
          body: JSON.stringify({ query: '{ customers(first: 1) { totalCount nodes { balance { amount } } } }' }),
        });
        assert.equal(response.status, 200);
      },
    });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { service: string; reqId?: string; correlationId?: string; msg: string });
    const traced = lines.filter((line) => line.reqId === 'trace-me-42');
    assert.ok(traced.some((line) => line.service === 'gateway'), 'the gateway logged the request under its id');
    assert.ok(traced.some((line) => line.service === 'crm'), 'the subgraph it called logged under the same id');
    assert.ok(traced.every((line) => line.correlationId === 'sale-77'), 'every line of the request carries its correlation id');
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

describe('npm run seed', () => {
  test('seeds an empty data folder, refuses to seed it twice, and reseeds with --reset', async () => {
    const env = { HUB_DATA_DIR: tempDir() };
    const first = await run(['seed/main.ts', '--customers', '25'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout + first.stderr, /customers\s+25\n/);
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
