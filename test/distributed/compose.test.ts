/**
 * The distributed deployment's life as docker-compose runs it. Seeding as its seed job does: the
 * seed CLI writes through the `*_DATABASE_URL` variables into one PostgreSQL database per system,
 * and the services, each its own process, serve what it wrote; a seed job run again finds the
 * data and exits 0, and one killed midway is redone from empty by the next run. Stopping as
 * `docker stop` does: SIGTERM to a service lets the operation in flight finish before it exits.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { join } from 'node:path';
import pg from 'pg';
import { envPrefix, SYSTEMS } from '../../platform/config.ts';
import { query } from '../graphql.ts';
import { Cluster } from './cluster.ts';
import { sleep } from '../wait.ts';

const root = join(import.meta.dirname, '..', '..');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function seed(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'seed/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the seed job of the distributed deployment', () => {
  test('seeds every system through its DATABASE_URL, the services serve it, and a second run exits 0 without writing', async () => {
    // crm is frozen below for 3 s while a request waits on it: longer than the default subgraph timeout.
    const cluster = await Cluster.start({ seedCustomers: 20, env: { CRM_TIMEOUT_MS: '10000' } });
    try {
      const first = await query<{ customers: { totalCount: number; nodes: { balance: { amount: string } }[] } }, never>(
        cluster.url(),
        'query SeededCustomers { customers(first: 3) { totalCount nodes { balance { amount } } } }',
      );
      assert.equal(first.customers.totalCount, 20);
      assert.equal(first.customers.nodes.length, 3, 'billing serves the balances of the seeded customers');
      const again = seed(['--customers', '50', '--if-empty'], cluster.env);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stderr, /^Already seeded, nothing to do: these databases hold data: crm \(/);
      const after = await query<{ customers: { totalCount: number } }, never>(cluster.url(), 'query CountCustomers { customers(first: 1) { totalCount } }');
      assert.equal(after.customers.totalCount, 20);

      // SIGTERM while an operation waits on a subgraph (frozen with SIGSTOP): the gateway stops
      // taking requests but answers the one in flight, then exits.
      await cluster.kill('crm', 'SIGSTOP');
      const inFlight = fetch(cluster.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cluster.token}` },
        body: JSON.stringify({ query: 'query InFlight { customers(first: 1) { totalCount } }' }),
      });
      await sleep(1500);
      const stopped = cluster.kill('gateway', 'SIGTERM');
      await sleep(1500);
      await cluster.kill('crm', 'SIGCONT');
      const response = await inFlight;
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { data: { customers: { totalCount: 20 } } });
      await stopped;
      assert.match(cluster.log('gateway'), /SIGTERM: shutting down/);
    } finally {
      await cluster.close();
    }
  });

  describe('killed midway', () => {
    const env: Record<string, string> = { LOG_LEVEL: 'warn' };
    const names = SYSTEMS.map((system) => `seedjob_${process.pid}_${system.replace(/-/g, '_')}`);
    const admin = new pg.Client({ connectionString: adminUrl });
    let connected = false;
    after(async () => {
      if (!connected) return;
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });

    test('is redone from empty by the next run, which says so', async () => {
      await admin.connect();
      connected = true;
      for (const [index, system] of SYSTEMS.entries()) {
        await admin.query(`DROP DATABASE IF EXISTS ${names[index]} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${names[index]}`);
        const url = new URL(adminUrl);
        url.pathname = `/${names[index]}`;
        env[`${envPrefix(system)}_DATABASE_URL`] = url.toString();
      }
      // Not a terminal: progress comes as lines; stop it with SIGTERM, as `docker stop` would, after the first batch.
      const killed = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'seed/main.ts', '--customers', '2000', '--if-empty'], { cwd: root, env: { ...process.env, ...env } });
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
          if (/^seeding customers: [1-9]0%/m.test(stderr)) child.kill('SIGTERM');
        });
        child.on('error', reject);
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      assert.notEqual(killed.code, 0, killed.stderr);

      const redone = seed(['--customers', '15', '--if-empty'], env);
      assert.equal(redone.status, 0, redone.stderr);
      assert.match(redone.stderr, /An earlier seed of these databases was interrupted: emptying every system and seeding again\./);
      assert.match(redone.stdout, /customers\s+15\n/);
      const crm = new pg.Client({ connectionString: env.CRM_DATABASE_URL });
      await crm.connect();
      try {
        assert.equal((await crm.query<{ n: string }>('SELECT count(*) AS n FROM customers')).rows[0].n, '15');
        assert.equal((await crm.query<{ n: string }>('SELECT count(*) AS n FROM seed_run')).rows[0].n, '0', 'the seed finished');
      } finally {
        await crm.end();
      }
    });
  });
});
