/**
 * The seed loads ops's tables in bulk from its history (loadOpsHistory); the rows must be the
 * ones ops's own consumer makes of the same events (applyToOps), in the seed's order and in
 * reverse, which takes the consumer's out-of-order paths.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDb, type Db } from '../platform/db/db.ts';
import type { BusinessEvent } from '../platform/events/index.ts';
import { SeedEvents } from '../seed/events.ts';
import { SeedGenerator } from '../seed/generate.ts';
import { applyToOps, loadOpsHistory } from '../seed/ops.ts';

const dirs: string[] = [];
const dbs: Db[] = [];

after(async () => {
  for (const db of dbs) await db.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function opsDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'seed-history-'));
  dirs.push(dir);
  const db = await openDb({ dataDir: dir }, join(import.meta.dirname, '../subgraphs/ops/migrations'));
  dbs.push(db);
  return db;
}

function history(customers: number): BusinessEvent[] {
  const generator = new SeedGenerator('2026-11-22', 1);
  const events = new SeedEvents('2026-11-22', 1);
  events.add(generator.batch(1, customers));
  return events.events();
}

/** Ops's rows without the ids each load draws at random: runs are known by kind and correlation id. */
async function opsRows(db: Db) {
  const run = `(SELECT r.kind || ' ' || r.correlation_id FROM workflow_runs r WHERE r.id = s.run_id)`;
  return {
    events: await db.query('SELECT * FROM events ORDER BY recorded_seq'),
    processed: await db.query('SELECT consumer, event_id FROM processed_events ORDER BY consumer, event_id'),
    runs: await db.query('SELECT kind, correlation_id, contract_id, state, started_at, updated_at FROM workflow_runs ORDER BY kind, correlation_id'),
    steps: await db.query(`SELECT ${run} AS run, name, system, position, completed_at, event_id FROM workflow_steps s ORDER BY run, position`),
    exceptions: await db.query(
      `SELECT kind, system, owner, priority, status, message, subject, correlation_id, customer_id, opened_at, resolved_at, resolution_note, difference
       FROM exceptions ORDER BY subject, kind`,
    ),
    outbox: await db.query('SELECT count(*)::int AS count FROM outbox'),
  };
}

async function compare(events: BusinessEvent[]): Promise<Awaited<ReturnType<typeof opsRows>>> {
  const [consumed, loaded] = [await opsDb(), await opsDb()];
  assert.equal(await loadOpsHistory(loaded, events), await applyToOps(consumed, events));
  const [expected, actual] = [await opsRows(consumed), await opsRows(loaded)];
  assert.deepEqual(actual, expected);
  return actual;
}

const events = history(120);

test('the bulk load of a seeded history holds the rows ops.log makes of it', async () => {
  const rows = await compare(events);
  const states = new Set(rows.runs.map((run) => `${run.kind} ${run.state}`));
  for (const expected of ['quote-to-cash COMPLETED', 'quote-to-cash EXCEPTION', 'amendment COMPLETED', 'seat-decrease COMPLETED']) {
    assert.ok(states.has(expected), `a seeded run is ${expected}`);
  }
  // A seeded seat change was billed or credited, and posted, as it is live.
  assert.deepEqual(rows.runs.filter((run) => run.kind !== 'quote-to-cash' && run.state !== 'COMPLETED'), []);
  assert.ok(rows.exceptions.some((exception) => exception.kind === 'POSTING_REJECTED'));
  assert.ok(rows.events.some((event) => event.type === 'health.changed'), 'seeded health factors are in the log');
});

test('the bulk load agrees with ops.log on events that arrive out of order', async () => {
  await compare([...events].reverse());
});
