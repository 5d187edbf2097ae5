-- Each period's debits and credits per account and currency, kept up to date by the journal's
-- own triggers in the writing transaction: a period's trial balance is a few rows to read, not
-- every line of the period to sum (at 10,000 customers that took seconds a period).
CREATE TABLE ledger_balances (
  period text NOT NULL REFERENCES accounting_periods (id),
  account text NOT NULL,
  currency char(3) NOT NULL,
  debit numeric(20, 2) NOT NULL,
  credit numeric(20, 2) NOT NULL,
  PRIMARY KEY (period, account, currency)
);

-- Lines written add to the balances, lines changed or removed (by hand: the hub only appends)
-- take back what they added. Rows are upserted in key order, so two postings at once lock the
-- balances they share in the same order and never deadlock on them.
CREATE FUNCTION ledger_balances_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sources text[] := CASE TG_OP WHEN 'INSERT' THEN '{new_lines}' WHEN 'DELETE' THEN '{old_lines}' ELSE '{old_lines,new_lines}' END;
  source text;
BEGIN
  FOREACH source IN ARRAY sources LOOP
    EXECUTE format(
      $sql$INSERT INTO ledger_balances (period, account, currency, debit, credit)
      SELECT e.period, l.account, e.currency, %1$s * sum(l.debit), %1$s * sum(l.credit)
      FROM %2$I l JOIN journal_entries e ON e.id = l.journal_entry_id
      GROUP BY e.period, l.account, e.currency
      ORDER BY e.period, l.account, e.currency
      ON CONFLICT (period, account, currency) DO UPDATE
      SET debit = ledger_balances.debit + EXCLUDED.debit, credit = ledger_balances.credit + EXCLUDED.credit$sql$,
      CASE source WHEN 'old_lines' THEN -1 ELSE 1 END, source);
  END LOOP;
  RETURN NULL;
END
$$;

-- A trigger with transition tables takes one event, hence three.
CREATE TRIGGER journal_lines_inserted AFTER INSERT ON journal_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_balances_apply();
CREATE TRIGGER journal_lines_updated AFTER UPDATE ON journal_lines
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_balances_apply();
CREATE TRIGGER journal_lines_deleted AFTER DELETE ON journal_lines
  REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_balances_apply();
-- The seed's bulk load skips triggers (session_replication_role = replica); these must not be skipped.
ALTER TABLE journal_lines ENABLE ALWAYS TRIGGER journal_lines_inserted;
ALTER TABLE journal_lines ENABLE ALWAYS TRIGGER journal_lines_updated;
ALTER TABLE journal_lines ENABLE ALWAYS TRIGGER journal_lines_deleted;

INSERT INTO ledger_balances (period, account, currency, debit, credit)
SELECT e.period, l.account, e.currency, sum(l.debit), sum(l.credit)
FROM journal_lines l JOIN journal_entries e ON e.id = l.journal_entry_id
GROUP BY e.period, l.account, e.currency;
