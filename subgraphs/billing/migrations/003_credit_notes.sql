-- What billing owes back: a mid-term seat decrease (contract.amended with a negative value) is
-- credited at once, for the value CRM removed from the rest of the term, tax included. A credit
-- note is the customer's credit, netted against what the customer owes (Customer.balance).
CREATE SEQUENCE credit_note_number_seq;

CREATE TABLE credit_notes (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  customer_id text NOT NULL REFERENCES billing_accounts (customer_id),
  subscription_id text REFERENCES subscriptions (id),
  currency char(3) NOT NULL,
  reason text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  period_start date,
  period_end date,
  subtotal numeric(14, 2) NOT NULL CHECK (subtotal > 0),
  tax numeric(14, 2) NOT NULL CHECK (tax >= 0),
  total numeric(14, 2) NOT NULL,
  CHECK (total = subtotal + tax)
);
CREATE INDEX credit_notes_customer_idx ON credit_notes (customer_id, issued_at DESC);
