import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDb } from '../test/tempDb.ts';
import type { Queryable } from './db/db.ts';
import { AuditWriter, redact, writeAudit } from './audit.ts';
import { makeCaller } from './auth/caller.ts';
import { scopesOf } from './auth/roles.ts';

const caller = makeCaller('sales@hub.local', 'sales', scopesOf(['sales']));
const origin = { source: 'crm', correlationId: 'corr-1', causationId: 'req-1' } as const;

test('an audit row and its event are written by one statement: the event names the row and carries it, redacted', async (t) => {
  const db = await tempDb(t);
  await writeAudit(db, origin, caller, 'updateCustomer', { id: 'cus_1', input: { accountOwner: 'jane@example.com' } }, 'OK');
  await writeAudit(db, origin, caller, 'createCustomer', { name: 'Acme' }, 'FORBIDDEN');
  const rows = await db.query<{ id: number; at: string; actor: string; arguments: unknown; outcome: string }>('SELECT * FROM audit_log ORDER BY id');
  const events = (await db.query<{ event: { subject: string; type: string; correlationId: string; causationId: string; data: Record<string, unknown> } }>('SELECT event FROM outbox ORDER BY seq')).map((row) => row.event);
  assert.equal(events.length, 2);
  for (const [index, row] of rows.entries()) {
    const event = events[index];
    assert.equal(event.type, 'audit.recorded');
    assert.equal(event.subject, `AuditEntry:${row.id}`);
    assert.equal(event.correlationId, 'corr-1');
    assert.equal(event.causationId, 'req-1');
    assert.deepEqual(event.data.arguments, row.arguments);
    assert.equal(event.data.at, new Date(row.at).toISOString());
    assert.equal(event.data.outcome, row.outcome);
  }
  assert.deepEqual(rows[0].arguments, redact({ id: 'cus_1', input: { accountOwner: 'jane@example.com' } }));
  assert.equal(rows[1].outcome, 'FORBIDDEN');
});

test('in a transaction that rolls back, neither the audit row nor its event is kept', async (t) => {
  const db = await tempDb(t);
  await assert.rejects(
    db.transaction(async (tx) => {
      await writeAudit(tx, origin, caller, 'createCustomer', { name: 'Acme' }, 'OK');
      throw new Error('the write failed after its audit');
    }),
    /the write failed/,
  );
  assert.deepEqual(await db.query('SELECT id FROM audit_log'), []);
  assert.deepEqual(await db.query('SELECT seq FROM outbox'), []);
});

test('entries recorded together outside a transaction go in groups; each caller waits for its own and gets its own row and event', async (t) => {
  const db = await tempDb(t);
  let statements = 0;
  const counted: Queryable = { query: (sql, params) => ((statements += 1), db.query(sql, params)) };
  const writer = new AuditWriter(counted);
  const callers = Array.from({ length: 30 }, (_, n) => makeCaller(`user${n}@hub.local`, 'sales', scopesOf(['sales'])));
  await Promise.all(callers.map((one, n) => writer.record({ ...origin, correlationId: `corr-${n}` }, one, 'readContacts', { customerIds: [`cus_${n}`] }, 'OK')));
  assert.ok(statements < callers.length, `${statements} statements for ${callers.length} entries`);
  const rows = await db.query<{ id: number; actor: string; correlation_id: string; arguments: unknown }>('SELECT * FROM audit_log ORDER BY id');
  const events = (await db.query<{ event: { subject: string; correlationId: string; data: { actor: string; arguments: unknown } } }>('SELECT event FROM outbox ORDER BY seq')).map((row) => row.event);
  assert.equal(rows.length, callers.length);
  assert.equal(new Set(rows.map((row) => row.actor)).size, callers.length);
  for (const row of rows) {
    const event = events.find((candidate) => candidate.subject === `AuditEntry:${row.id}`);
    assert.ok(event, `an event names row ${row.id}`);
    assert.equal(event.data.actor, row.actor);
    assert.equal(event.correlationId, row.correlation_id);
    assert.deepEqual(event.data.arguments, row.arguments);
  }
});

test("a group that fails to write fails each of its callers, and the next group is written", async (t) => {
  const db = await tempDb(t);
  let failNext = true;
  const flaky: Queryable = {
    query: (sql, params) => {
      if (!failNext) return db.query(sql, params);
      failNext = false;
      return Promise.reject(new Error('connection lost'));
    },
  };
  const writer = new AuditWriter(flaky);
  // The first is written alone while the other two wait: they go together after it fails.
  const first = writer.record(origin, caller, 'readContacts', {}, 'OK');
  const waiting = [writer.record(origin, caller, 'readContacts', {}, 'OK'), writer.record(origin, caller, 'readContacts', {}, 'OK')];
  await assert.rejects(first, /connection lost/);
  await Promise.all(waiting);
  assert.equal((await db.query('SELECT id FROM audit_log')).length, 2);
  assert.equal((await db.query('SELECT seq FROM outbox')).length, 2);
});
