import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from '../../platform/money.ts';
import { compareCustomer, compareLedger, RECEIVABLE_ACCOUNT, type CustomerSnapshot, type Explanations } from './reconciliation.ts';

const NOTHING: Explanations = { rejectedPostings: new Set(), deadLetterCustomers: new Set() };
const eur = (amount: string) => ({ amount, currency: 'EUR' });

function customer(changes: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return {
    id: 'cus_1',
    contracts: [
      {
        id: 'ctr_1',
        status: 'ACTIVE',
        planCode: 'GROWTH',
        seats: 20,
        unitPrice: eur('100.00'),
        billingInterval: 'ANNUAL',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        subscription: {
          id: 'sub_1',
          status: 'ACTIVE',
          planCode: 'GROWTH',
          seats: 20,
          unitPrice: eur('1200.00'),
          interval: 'ANNUAL',
          currentPeriodStart: '2026-01-01',
          currentPeriodEnd: '2026-12-31',
        },
      },
    ],
    balance: eur('2400.00'),
    receivable: { balance: eur('0.00') },
    invoices: [
      { id: 'inv_1', status: 'PAID', total: eur('28800.00'), amountDue: eur('0.00'), posting: { status: 'POSTED', amount: eur('28800.00') } },
      { id: 'inv_2', status: 'OPEN', total: eur('2400.00'), amountDue: eur('2400.00'), posting: { status: 'REJECTED', amount: null } },
    ],
    ...changes,
  };
}

test('an annual subscription at twelve times the monthly price agrees with its contract', () => {
  const result = compareCustomer(customer(), { ...NOTHING, rejectedPostings: new Set(['Invoice:inv_2']) });
  assert.deepEqual(result.differences, []);
  assert.equal(result.explained, 1, 'the rejected posting is explained by its open exception, and so is the balance it leaves');
});

test('a rejected posting without an exception is INVOICE_NOT_POSTED, owned by finance-ops', () => {
  const { differences } = compareCustomer(customer(), NOTHING);
  assert.deepEqual(
    differences.map((difference) => [difference.kind, difference.subject]),
    [['INVOICE_NOT_POSTED', 'Invoice:inv_2']],
  );
});

test('seats and price that differ are one CONTRACT_MISMATCH with both monthly values', () => {
  const base = customer();
  const contract = { ...base.contracts[0], subscription: { ...base.contracts[0].subscription!, seats: 21 } };
  const { differences } = compareCustomer({ ...base, contracts: [contract] }, { ...NOTHING, rejectedPostings: new Set(['Invoice:inv_2']) });
  assert.equal(differences.length, 1);
  assert.equal(differences[0].kind, 'CONTRACT_MISMATCH');
  assert.equal(differences[0].left.amount, '2000.00');
  assert.equal(differences[0].right.amount, '2100.00');
  assert.deepEqual(differences[0].subjectIds, ['ctr_1', 'sub_1']);
});

test('a terminated contract whose subscription still runs differs; a canceled one does not', () => {
  const base = customer({ invoices: [], balance: eur('0.00') });
  const terminated = { ...base.contracts[0], status: 'TERMINATED' };
  assert.equal(compareCustomer({ ...base, contracts: [terminated] }, NOTHING).differences[0]?.kind, 'CONTRACT_MISMATCH');
  const canceled = { ...terminated, subscription: { ...terminated.subscription!, status: 'CANCELED' } };
  assert.deepEqual(compareCustomer({ ...base, contracts: [canceled] }, NOTHING).differences, []);
});

test('a balance that ERP does not explain is BALANCE_MISMATCH; a posted amount that differs is POSTING_AMOUNT_MISMATCH', () => {
  const base = customer({ balance: eur('2399.99') });
  base.invoices[0] = { ...base.invoices[0], posting: { status: 'POSTED', amount: eur('28800.01') } };
  const { differences } = compareCustomer(base, { ...NOTHING, rejectedPostings: new Set(['Invoice:inv_2']) });
  assert.deepEqual(differences.map((difference) => difference.kind).sort(), ['BALANCE_MISMATCH', 'POSTING_AMOUNT_MISMATCH']);
  const balance = differences.find((difference) => difference.kind === 'BALANCE_MISMATCH')!;
  assert.equal(balance.left.amount, '2399.99');
  assert.equal(balance.right.amount, '0.00');
});

test('a customer with an open dead letter has every difference explained', () => {
  const result = compareCustomer(customer({ balance: eur('1.00') }), { ...NOTHING, deadLetterCustomers: new Set(['cus_1']) });
  assert.deepEqual(result.differences, []);
  assert.equal(result.explained, 2);
});

test('the ledger: an unbalanced period, and a receivable account that differs from the receivables', () => {
  const line = (account: string, debit: string, credit: string) => ({ account, debit: eur(debit), credit: eur(credit) });
  const balances = new Map([
    ['2026-10', [line(RECEIVABLE_ACCOUNT, '100.00', '40.00'), line('4000 Revenue', '0.00', '100.00'), line('1000 Cash', '40.00', '0.00')]],
    ['2026-11', [line(RECEIVABLE_ACCOUNT, '10.00', '0.00'), line('4000 Revenue', '0.00', '9.99')]],
  ]);
  assert.deepEqual(compareLedger(balances, new Map([['EUR', new Decimal('70.00')]])).map((difference) => difference.kind), ['TRIAL_BALANCE_UNBALANCED']);
  const differences = compareLedger(balances, new Map([['EUR', new Decimal('60.00')]]));
  assert.deepEqual(
    differences.map((difference) => [difference.kind, difference.subject, difference.left.amount, difference.right.amount]),
    [
      ['TRIAL_BALANCE_UNBALANCED', 'AccountingPeriod:2026-11:EUR', '10.00', '9.99'],
      ['RECEIVABLE_LEDGER_MISMATCH', `Account:${RECEIVABLE_ACCOUNT}:EUR`, '70.00', '60.00'],
    ],
  );
});
