-- What an invoice bills: a subscription's period (RECURRING) or a mid-term seat change
-- (PRORATION, issued on contract.amended). Only RECURRING invoices say how far a subscription is
-- billed: a proration invoice runs to the contract's end and must not push the next period's
-- invoice past it. Existing invoices are all recurring.
ALTER TABLE invoices ADD COLUMN kind text NOT NULL DEFAULT 'RECURRING' CHECK (kind IN ('RECURRING', 'PRORATION'));
