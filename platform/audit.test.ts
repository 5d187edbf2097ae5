import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDb } from '../test/tempDb.ts';
import { redact, writeAudit } from './audit.ts';
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
