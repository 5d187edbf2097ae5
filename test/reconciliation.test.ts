/**
 * Reconciliation through the API: a freshly seeded hub reconciles with no unexplained difference;
 * each kind of difference, made by changing one system's data behind the others' backs (the
 * drift reconciliation exists to catch), opens one owned exception with both sides and the
 * subject ids, and the next run after the data is put right resolves it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { graphql } from './generated/index.ts';
import { query, request } from './graphql.ts';
import { waitFor } from './wait.ts';
import { startHub, type TestHub } from './hub.ts';

const Reconciliation = graphql(/* GraphQL */ `
  query ReconciliationState {
    reconciliation(runs: 20) {
      lastRuns { id trigger status customers invoices explained differences opened resolved error differencesByKind { kind owner count } }
      openByKind { kind owner count }
      trend { at differences }
      openDifferences(first: 200) {
        id kind owner status subject
        difference { kind customer { id } left { system value amount currency } right { system value amount currency } subjectIds runId }
      }
    }
    operationsHealth { openDifferences }
  }
`);

const Run = graphql(/* GraphQL */ `
  mutation ReconciliationRun($key: String) { runReconciliation(idempotencyKey: $key) { id status trigger } }
`);

const ResolvedExceptions = graphql(/* GraphQL */ `
  query ReconciliationResolved { exceptions(status: RESOLVED, first: 200) { id kind resolutionNote } }
`);

const SeededRuns = graphql(/* GraphQL */ `
  query ReconciliationSeededRuns($after: String) {
    customers(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id contracts { id status quoteToCash { state exceptions { status owner } } } }
    }
  }
`);

let hub: TestHub;

before(async () => {
  hub = await startHub({ seedCustomers: 200, env: { RECONCILE_INTERVAL: '3600' } });
});

after(() => hub?.close());

const state = () => query(hub.gatewayUrl, Reconciliation, {});

/** Runs reconciliation now and waits for the run to end. */
async function reconcile() {
  const { runReconciliation } = await query(hub.gatewayUrl, Run, {});
  assert.equal(runReconciliation.trigger, 'MANUAL');
  return waitFor(`run ${runReconciliation.id} to end`, async () => {
    const current = await state();
    const run = current.reconciliation.lastRuns.find((candidate) => candidate.id === runReconciliation.id);
    return run && run.status !== 'RUNNING' ? { run, state: current } : undefined;
  }, 120_000);
}

test('a freshly seeded hub reconciles with no unexplained difference, from the run at start', async () => {
  const run = await waitFor('the run at start', async () => {
    const found = (await state()).reconciliation.lastRuns.find((candidate) => candidate.trigger === 'START');
    return found && found.status !== 'RUNNING' ? found : undefined;
  }, 120_000);
  assert.equal(run.error, null);
  assert.equal(run.status, 'COMPLETED');
  assert.equal(run.customers, 200);
  assert.ok(run.invoices > 1000, `every invoice compared, got ${run.invoices}`);
  assert.ok(run.explained > 0, 'the seeded rejected postings are explained by their open exceptions');
  assert.deepEqual(run.differencesByKind, []);
  assert.equal(run.differences, 0);
  const { operationsHealth } = await state();
  assert.equal(operationsHealth.openDifferences, 0);
});

test("every contract of the seed has its quote-to-cash run in ops: completed, or stopped at an owned open exception", async () => {
  const runs: { contract: string; state: string; exception: boolean }[] = [];
  for (let after: string | null | undefined; ; ) {
    const { customers } = await query(hub.gatewayUrl, SeededRuns, { after });
    for (const customer of customers.nodes) {
      for (const contract of customer.contracts) {
        const run = contract.quoteToCash;
        runs.push({ contract: contract.id, state: run?.state ?? 'NONE', exception: run?.exceptions.some((exception) => exception.status === 'OPEN' && exception.owner !== '') ?? false });
      }
    }
    if (!customers.pageInfo.hasNextPage) break;
    after = customers.pageInfo.endCursor;
  }
  assert.ok(runs.length > 200, `contracts read: ${runs.length}`);
  assert.deepEqual(runs.filter((run) => !(run.state === 'COMPLETED' || (run.state === 'EXCEPTION' && run.exception))), []);
  assert.ok(runs.some((run) => run.state === 'EXCEPTION'), 'the seeded rejected postings stop their runs');
});

const SeatChangeFunnel = graphql(/* GraphQL */ `
  query ReconciliationSeatChangeFunnel($kind: String!) { workflowFunnel(kind: $kind) { runs completed } }
`);

test('every seat change of the seed has its run in ops, completed: billed or credited, and posted', async () => {
  const [changes] = await hub.dbs.crm.query<{ more: number; fewer: number }>(
    'SELECT count(*) FILTER (WHERE seats_delta > 0)::int AS more, count(*) FILTER (WHERE seats_delta < 0)::int AS fewer FROM contract_amendments',
  );
  assert.ok(changes.more > 0 && changes.fewer > 0, `seeded seat changes: ${JSON.stringify(changes)}`);
  const amendment = (await query(hub.gatewayUrl, SeatChangeFunnel, { kind: 'amendment' })).workflowFunnel;
  const decrease = (await query(hub.gatewayUrl, SeatChangeFunnel, { kind: 'seat-decrease' })).workflowFunnel;
  assert.deepEqual(amendment, { runs: changes.more, completed: changes.more });
  assert.deepEqual(decrease, { runs: changes.fewer, completed: changes.fewer });
});

test('runReconciliation with the same idempotency key answers with the same run', async () => {
  const first = await query(hub.gatewayUrl, Run, { key: 'reconcile-once' });
  const again = await query(hub.gatewayUrl, Run, { key: 'reconcile-once' });
  assert.equal(again.runReconciliation.id, first.runReconciliation.id);
  await waitFor('the run to end', async () => {
    const run = (await state()).reconciliation.lastRuns.find((candidate) => candidate.id === first.runReconciliation.id);
    return run?.status === 'COMPLETED' ? run : undefined;
  });
});

test('runReconciliation needs ops:write', async () => {
  const response = await request(hub.gatewayUrl, Run, {}, { authorization: `Bearer ${await hub.token('analyst')}` });
  assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN');
});

test('each kind of difference opens an owned exception with both sides, and closes when the data is right again', async () => {
  const { billing, erp } = hub.dbs;
  // Six different customers, so each change makes exactly its own difference.
  const [subscription] = await billing.query<{ id: string; contract_id: string }>(
    `SELECT id, contract_id FROM subscriptions WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`,
  );
  const paid = await billing.query<{ id: string; customer_id: string }>(
    `SELECT id, customer_id FROM invoices WHERE status = 'PAID' AND customer_id <> (SELECT customer_id FROM subscriptions WHERE id = $1) ORDER BY id LIMIT 400`,
    [subscription.id],
  );
  const postedPaid = await erp.query<{ invoice_id: string; customer_id: string }>(
    `SELECT p.invoice_id, i.customer_id FROM postings p JOIN erp_invoices i USING (invoice_id) WHERE p.status = 'POSTED' AND p.invoice_id = ANY($1)`,
    [paid.map((row) => row.id)],
  );
  const amountInvoice = postedPaid[0];
  const unpostedInvoice = postedPaid.find((row) => row.customer_id !== amountInvoice.customer_id)!;
  const used = [amountInvoice.customer_id, unpostedInvoice.customer_id];
  const openPosted = await erp.query<{ invoice_id: string; customer_id: string }>(
    `SELECT p.invoice_id, i.customer_id FROM postings p JOIN erp_invoices i USING (invoice_id)
     WHERE p.status = 'POSTED' AND i.status = 'OPEN' AND i.amount_paid + 1 <= i.total AND NOT (i.customer_id = ANY($1)) ORDER BY invoice_id LIMIT 1`,
    [used],
  );
  const balanceInvoice = openPosted[0];
  const [revenueLine] = await erp.query<{ journal_entry_id: string; line_no: number; period: string }>(
    `SELECT l.journal_entry_id, l.line_no, e.period FROM journal_lines l JOIN journal_entries e ON e.id = l.journal_entry_id
     WHERE l.account LIKE '4000%' AND l.credit > 0 ORDER BY l.journal_entry_id LIMIT 1`,
  );
  const [currency] = await erp.query<{ currency: string; period: string }>(`SELECT currency, period FROM journal_entries ORDER BY id LIMIT 1`);

  const drift = async (sign: 1 | -1) => {
    await billing.query('UPDATE subscriptions SET seats = seats + $2 WHERE id = $1', [subscription.id, sign]);
    await billing.query('UPDATE invoices SET subtotal = subtotal + $2, total = total + $2, amount_paid = amount_paid + $2 WHERE id = $1', [amountInvoice.invoice_id, sign]);
    await erp.query(`UPDATE postings SET status = $2 WHERE invoice_id = $1`, [unpostedInvoice.invoice_id, sign === 1 ? 'PENDING' : 'POSTED']);
    await billing.query('UPDATE invoices SET amount_paid = amount_paid + $2 WHERE id = $1', [balanceInvoice.invoice_id, sign]);
    await erp.query('UPDATE journal_lines SET credit = credit + $3 WHERE journal_entry_id = $1 AND line_no = $2', [revenueLine.journal_entry_id, revenueLine.line_no, sign]);
    if (sign === 1) {
      await erp.query(
        `INSERT INTO journal_entries (id, number, date, period, source, source_id, customer_id, currency, memo)
         VALUES ('je_drift', 'JE-DRIFT-1', $1::date, $2, 'MANUAL', 'drift', NULL, $3, 'entered by hand')`,
        [`${currency.period}-01`, currency.period, currency.currency],
      );
      await erp.query(
        `INSERT INTO journal_lines (journal_entry_id, line_no, account, debit, credit) VALUES
         ('je_drift', 1, '1200 Accounts Receivable', 10, 0), ('je_drift', 2, '4000 Revenue', 0, 10)`,
      );
    } else {
      await erp.query(`DELETE FROM journal_lines WHERE journal_entry_id = 'je_drift'`);
      await erp.query(`DELETE FROM journal_entries WHERE id = 'je_drift'`);
    }
  };

  await drift(1);
  const found = await reconcile();
  assert.equal(found.run.status, 'COMPLETED', found.run.error ?? '');
  const open = found.state.reconciliation.openDifferences;
  const byKind = Object.fromEntries(open.map((exception) => [exception.kind, exception]));
  assert.deepEqual(Object.keys(byKind).sort(), [
    'BALANCE_MISMATCH',
    'CONTRACT_MISMATCH',
    'INVOICE_NOT_POSTED',
    'POSTING_AMOUNT_MISMATCH',
    'RECEIVABLE_LEDGER_MISMATCH',
    'TRIAL_BALANCE_UNBALANCED',
  ]);
  assert.equal(open.length, 6, 'one exception per difference');
  assert.equal(found.state.operationsHealth.openDifferences, 6);
  assert.deepEqual(
    found.state.reconciliation.openByKind.map((entry) => [entry.kind, entry.owner, entry.count]),
    [
      ['BALANCE_MISMATCH', 'billing-ops', 1],
      ['CONTRACT_MISMATCH', 'revops', 1],
      ['INVOICE_NOT_POSTED', 'finance-ops', 1],
      ['POSTING_AMOUNT_MISMATCH', 'billing-ops', 1],
      ['RECEIVABLE_LEDGER_MISMATCH', 'finance-ops', 1],
      ['TRIAL_BALANCE_UNBALANCED', 'finance-ops', 1],
    ],
  );
  for (const exception of open) {
    assert.equal(exception.difference?.kind, exception.kind);
    assert.equal(exception.difference?.runId, found.run.id);
  }

  const contract = byKind.CONTRACT_MISMATCH.difference!;
  assert.equal(byKind.CONTRACT_MISMATCH.subject, `Contract:${subscription.contract_id}`);
  assert.deepEqual(contract.subjectIds, [subscription.contract_id, subscription.id]);
  assert.equal(contract.left.system, 'CRM');
  assert.equal(contract.right.system, 'BILLING');
  assert.notEqual(contract.left.amount, contract.right.amount, 'one more seat in billing is more monthly value');

  const balance = byKind.BALANCE_MISMATCH.difference!;
  assert.equal(balance.customer?.id, balanceInvoice.customer_id);
  assert.equal(balance.left.system, 'BILLING');
  assert.equal(balance.right.system, 'ERP');
  assert.match(balance.left.amount!, /^-?\d+\.\d{2}$/, 'amounts are exact decimals');
  assert.equal((Number(balance.right.amount) * 100 - Number(balance.left.amount) * 100).toFixed(0), '100', 'billing shows 1.00 less owed');

  assert.deepEqual(byKind.POSTING_AMOUNT_MISMATCH.difference!.subjectIds, [amountInvoice.invoice_id]);
  assert.deepEqual(byKind.INVOICE_NOT_POSTED.difference!.subjectIds, [unpostedInvoice.invoice_id]);
  assert.deepEqual(byKind.TRIAL_BALANCE_UNBALANCED.difference!.subjectIds, [revenueLine.period]);
  const ledger = byKind.RECEIVABLE_LEDGER_MISMATCH.difference!;
  assert.equal(ledger.left.currency, currency.currency);

  // A second run that finds the same differences keeps the same exceptions open.
  const again = await reconcile();
  assert.equal(again.run.opened, 0);
  assert.deepEqual(again.state.reconciliation.openDifferences.map((exception) => exception.id).sort(), open.map((exception) => exception.id).sort());

  await drift(-1);
  const fixed = await reconcile();
  assert.equal(fixed.run.status, 'COMPLETED');
  assert.equal(fixed.run.differences, 0);
  assert.equal(fixed.run.resolved, 6);
  assert.deepEqual(fixed.state.reconciliation.openDifferences, []);
  assert.equal(fixed.state.operationsHealth.openDifferences, 0);
  const { exceptions } = await query(hub.gatewayUrl, ResolvedExceptions, {});
  for (const exception of open) {
    assert.equal(exceptions.find((candidate) => candidate.id === exception.id)?.resolutionNote, 'reconciled: the systems agree again');
  }
  const trend = fixed.state.reconciliation.trend.map((point) => point.differences);
  assert.deepEqual(trend.slice(-3), [6, 6, 0], 'the trend shows the differences come and go');
});
