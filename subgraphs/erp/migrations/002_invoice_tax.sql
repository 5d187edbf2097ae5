-- The sales tax part of an invoice's total: its posting credits it to 2200 Sales Tax Payable
-- and only the rest to revenue.
ALTER TABLE erp_invoices ADD COLUMN tax numeric(14, 2) NOT NULL DEFAULT 0 CHECK (tax >= 0);
