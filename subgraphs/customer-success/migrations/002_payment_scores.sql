-- The payment factor as billing last reported it: payment.received carries the customer's overdue
-- amount. Health snapshots and renewal risk read it where no live overdue amount is at hand.
CREATE TABLE payment_scores (
  customer_id text PRIMARY KEY REFERENCES cs_accounts (customer_id),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  overdue_amount numeric(14, 2) NOT NULL CHECK (overdue_amount >= 0),
  currency char(3) NOT NULL,
  -- when billing reported it, so a report applied late (after a retry) never overwrites a newer one
  updated_at timestamptz NOT NULL
);
