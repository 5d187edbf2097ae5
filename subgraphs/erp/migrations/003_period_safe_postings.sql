-- Cash received on an invoice whose posting is not POSTED (REJECTED, PENDING) is held as
-- unapplied cash (CR 2300 Unapplied Cash) and applied to the receivable once the invoice posts
-- (a CASH_APPLICATION entry: DR 2300 / CR 1200).
ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_source_check;
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_source_check
  CHECK (source IN ('INVOICE', 'PAYMENT', 'CREDIT', 'CASH_APPLICATION', 'MANUAL'));

-- One row per payment held as unapplied cash; applied_entry_id is set when it is applied.
CREATE TABLE unapplied_payments (
  payment_id text PRIMARY KEY,
  invoice_id text NOT NULL REFERENCES erp_invoices (invoice_id),
  customer_id text NOT NULL,
  currency char(3) NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  received_on date NOT NULL,
  -- null while the cash waits as unapplied cash
  applied_entry_id text REFERENCES journal_entries (id)
);
CREATE INDEX unapplied_payments_invoice_idx ON unapplied_payments (invoice_id) WHERE applied_entry_id IS NULL;
CREATE INDEX unapplied_payments_customer_idx ON unapplied_payments (customer_id) WHERE applied_entry_id IS NULL;

-- Credit notes billing issued, as posted: each lowers the customer's receivable by its total.
CREATE TABLE erp_credit_notes (
  credit_note_id text PRIMARY KEY,
  customer_id text NOT NULL,
  number text NOT NULL,
  currency char(3) NOT NULL,
  total numeric(14, 2) NOT NULL CHECK (total > 0),
  issued_on date NOT NULL,
  journal_entry_id text NOT NULL REFERENCES journal_entries (id)
);
CREATE INDEX erp_credit_notes_customer_idx ON erp_credit_notes (customer_id);
