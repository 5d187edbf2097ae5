// Billing's own error codes: the rules of billing that clients may switch on, besides the kernel's.
import { domainErrorCode } from '../../platform/errors.ts';

/** A payment larger than what is due on its invoice; `extensions.amountDue` says what is. */
export const OVERPAYMENT = domainErrorCode('OVERPAYMENT');

export const BILLING_ERROR_CODES = [OVERPAYMENT] as const;
