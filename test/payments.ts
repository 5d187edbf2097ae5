// payment.received events published straight onto the stream, as an external producer would, for
// tests of what consumers do with an event they cannot apply (a dead letter, and its replay).
import { randomUUID } from 'node:crypto';

export interface ReceivedPayment {
  /** The payment's id: its subject is `Payment:<id>`. */
  id: string;
  invoiceId: string;
  customerId?: string;
  /** Anything, to make a malformed payload; '10.00' by default. */
  amount?: unknown;
  version?: number;
  /** What the correlation id starts with. */
  correlation?: string;
}

/** A payment.received event of `cus_000001` (unless told otherwise) in USD by wire, received now. */
export function receivedPaymentEvent(payment: ReceivedPayment) {
  const { id, invoiceId, customerId = 'cus_000001', amount = '10.00', version = 1, correlation = 'payment' } = payment;
  return {
    id: `evt_${randomUUID()}`,
    type: 'payment.received',
    version,
    source: 'billing' as const,
    subject: `Payment:${id}`,
    time: new Date().toISOString(),
    correlationId: `${correlation}-${randomUUID()}`,
    causationId: null,
    customerId,
    data: { id, invoiceId, customerId, amount, currency: 'USD', method: 'wire', reference: null, receivedAt: new Date().toISOString() },
  };
}
