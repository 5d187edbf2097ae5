// ERP's own error codes: the rules of the books that clients may switch on, besides the kernel's.
import { domainErrorCode } from '../../platform/errors.ts';

/** A payment posting more than is left open on its invoice. */
export const OVERPAYMENT = domainErrorCode('OVERPAYMENT');

export const ERP_ERROR_CODES = [OVERPAYMENT] as const;
