/**
 * The events the seeded history would have produced, built with the producers' own data
 * builders so they read exactly like live ones: every customer's creation, every contract's
 * quote-to-cash (activation, subscription, first invoice and its posting, onboarding, renewal)
 * and termination, so ops holds a run for each; of the recurring billing only the recent past
 * (two years of monthly invoices and payments would dwarf the rest of the seed), plus every
 * posting still REJECTED, so the open exceptions of the seeded data exist.
 */
import { createHash } from 'node:crypto';
import { addDays, periodOf } from '../platform/dates.ts';
import { CATALOGUE, type BusinessEvent, type EventDraft, type EventSource, type EventType } from '../platform/events/index.ts';
import { Decimal, toAmount } from '../platform/money.ts';
import { creditNoteData, invoiceData, invoiceStatusData, invoiceVoidedData, paymentReceivedData, subscriptionData } from '../subgraphs/billing/commands.ts';
import type { InvoiceRow, SubscriptionRow } from '../subgraphs/billing/rows.ts';
import type { CreditNoteSeed, InvoiceSeed, PaymentSeed, SubscriptionSeed } from '../subgraphs/billing/seed.ts';
import { contractData, customerData } from '../subgraphs/crm/commands.ts';
import type { CrmAmendmentSeed, CrmContractSeed } from '../subgraphs/crm/seed.ts';
import { renewalData } from '../subgraphs/customer-success/commands.ts';
import { onboardingStartedData } from '../subgraphs/customer-success/consumers.ts';
import { healthScore, paymentScore } from '../subgraphs/customer-success/health.ts';
import { invoicePostedData, invoiceReversedData, paymentPostedData, postingRejectedData } from '../subgraphs/erp/commands.ts';
import type { ErpCreditNoteSeed, JournalEntrySeed, PostingSeed } from '../subgraphs/erp/seed.ts';
import { at, EVENT_WINDOW_DAYS, type SeedBatch } from './model.ts';

interface Lineage {
  correlationId: string | null;
  causationId: string | null;
}

/** An event of the catalogue as the seed makes it: typed like a producer's draft, with its origin and time. */
type SeedDraft = { [T in EventType]: EventDraft<T> }[EventType] & {
  source: EventSource;
  /** Seeded business time; never earlier than the event that caused it. */
  time: string;
  /** What the id is derived from, with the type: unique within one seed. */
  entity: string;
};

type Draft = SeedDraft & Lineage;

/** Instants as toISOString writes them, so they compare as strings. */
function iso(instant: string): string {
  return new Date(instant).toISOString();
}

function latest(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

/**
 * A stable event id: the same seed and day always give the same ids, so a reseed is
 * reproducible; shaped like a (version 5) UUID.
 */
function eventId(seed: number, asOf: string, entity: string, type: string): string {
  const hex = createHash('sha1').update(`${seed}/${asOf}/${entity}/${type}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `evt_${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A billing invoice row as the builders expect it. */
function invoiceRow(invoice: InvoiceSeed, changes: Partial<InvoiceRow> = {}): InvoiceRow {
  return { ...invoice, ...changes };
}

/** A contract's seats and value before its amendment, if it has one: as it was activated. */
function beforeAmendment(contract: CrmContractSeed, amendment: CrmAmendmentSeed | undefined): { seats: number; value: string } {
  return {
    seats: contract.seats - (amendment?.seats_delta ?? 0),
    value: toAmount(new Decimal(contract.value).minus(amendment?.value_delta ?? 0)),
  };
}

/**
 * What billing's subscription.created and subscription.updated say of a subscription: as it was
 * while active with `seats`, in the billing period of `invoice` (without one, its own current period).
 */
function activeSubscriptionDraft(subscription: SubscriptionSeed, seats: number, invoice: InvoiceSeed | undefined) {
  const row: SubscriptionRow = {
    ...subscription,
    status: 'ACTIVE',
    seats,
    current_period_start: invoice?.period_start ?? subscription.current_period_start,
    current_period_end: invoice?.period_end ?? subscription.current_period_end,
    cancel_at_period_end: false,
    canceled_at: null,
  };
  return { source: 'billing', subject: `BillingSubscription:${subscription.id}`, customerId: subscription.customer_id, data: subscriptionData(row) } as const;
}

/** The batch's rows looked up the ways the events need them. */
class BatchIndex {
  readonly subscriptionByContract = new Map<string, SubscriptionSeed>();
  readonly subscriptionById = new Map<string, SubscriptionSeed>();
  readonly invoicesBySubscription = new Map<string, InvoiceSeed[]>();
  readonly invoicesByCustomer = new Map<string, InvoiceSeed[]>();
  readonly invoiceById = new Map<string, InvoiceSeed>();
  readonly paymentsByInvoice = new Map<string, PaymentSeed[]>();
  readonly postingByInvoice = new Map<string, PostingSeed>();
  readonly entryBySource = new Map<string, JournalEntrySeed>();
  readonly prorationBySubscription = new Map<string, InvoiceSeed>();
  readonly creditNoteBySubscription = new Map<string, CreditNoteSeed>();
  readonly erpCreditNotes = new Map<string, ErpCreditNoteSeed>();
  /** When each replayed invoice.issued happened, so nothing about the invoice is logged before it. */
  readonly issuedAt = new Map<string, string>();

  constructor(readonly batch: SeedBatch) {
    for (const subscription of batch.billing.subscriptions) {
      this.subscriptionByContract.set(subscription.contract_id, subscription);
      this.subscriptionById.set(subscription.id, subscription);
    }
    for (const invoice of batch.billing.invoices) {
      if (invoice.kind === 'PRORATION') this.prorationBySubscription.set(invoice.subscription_id, invoice);
      else push(this.invoicesBySubscription, invoice.subscription_id, invoice);
      push(this.invoicesByCustomer, invoice.customer_id, invoice);
      this.invoiceById.set(invoice.id, invoice);
    }
    for (const payment of batch.billing.payments) if (payment.status === 'SUCCEEDED') push(this.paymentsByInvoice, payment.invoice_id, payment);
    for (const list of this.paymentsByInvoice.values()) list.sort((a, b) => iso(a.received_at).localeCompare(iso(b.received_at)));
    for (const posting of batch.erp.postings) this.postingByInvoice.set(posting.invoice_id, posting);
    for (const entry of batch.erp.entries) this.entryBySource.set(`${entry.source}:${entry.source_id}`, entry);
    for (const note of batch.billing.creditNotes) this.creditNoteBySubscription.set(note.subscription_id, note);
    for (const note of batch.erp.creditNotes) this.erpCreditNotes.set(note.credit_note_id, note);
  }

  /** What was paid on an invoice by `instant`, that instant's payments included. */
  paidBy(invoiceId: string, instant: string): Decimal {
    let paid = new Decimal(0);
    for (const payment of this.paymentsByInvoice.get(invoiceId) ?? []) if (iso(payment.received_at) <= instant) paid = paid.plus(payment.amount);
    return paid;
  }

  /** The customer's open balance (less its credit notes) and overdue part at an instant, as billing works them out. */
  standing(customerId: string, instant: string): { balance: string; overdueAmount: string } {
    const day = instant.slice(0, 10);
    let balance = new Decimal(0);
    let overdue = new Decimal(0);
    for (const invoice of this.invoicesByCustomer.get(customerId) ?? []) {
      if (iso(invoice.issued_at) > instant || (invoice.voided_at !== null && iso(invoice.voided_at) <= instant)) continue;
      const due = new Decimal(invoice.total).minus(this.paidBy(invoice.id, instant));
      if (due.lte(0)) continue;
      balance = balance.plus(due);
      if (invoice.due_date < day) overdue = overdue.plus(due);
    }
    for (const note of this.batch.billing.creditNotes) {
      if (note.customer_id === customerId && iso(note.issued_at) <= instant) balance = balance.minus(note.total);
    }
    return { balance: toAmount(balance), overdueAmount: toAmount(overdue) };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Collects the events of the seeded history batch by batch. Journal entries of replayed
 * postings get their event's correlation id, as ERP records it for live ones.
 */
export class SeedEvents {
  private readonly drafts: Draft[] = [];
  /** The first instant of the window of recurring billing replayed. */
  private readonly from: string;

  constructor(
    private readonly asOf: string,
    private readonly seed: number,
  ) {
    this.from = iso(at(addDays(asOf, -EVENT_WINDOW_DAYS), 0));
  }

  /** Adds the events of one batch; every row of a customer is in the same batch. */
  add(batch: SeedBatch): void {
    const index = new BatchIndex(batch);
    for (const customer of batch.crm.customers) {
      this.event({ correlationId: `seed-${customer.id}`, causationId: null }, {
        source: 'crm',
        type: 'customer.created',
        subject: `Customer:${customer.id}`,
        customerId: customer.id,
        data: customerData(customer),
        time: customer.created_at,
        entity: customer.id,
      });
    }
    const sold = new Set<string>();
    for (const contract of batch.crm.contracts) {
      const first = this.sale(index, contract);
      if (first) sold.add(first);
      const amendment = index.batch.crm.amendments.find((row) => row.contract_id === contract.id);
      if (amendment) {
        const billed = this.amendment(index, contract, amendment);
        if (billed) sold.add(billed);
      }
      if (contract.status === 'TERMINATED') this.termination(contract);
    }
    for (const invoice of batch.billing.invoices) {
      if (sold.has(invoice.id)) continue;
      const posting = index.postingByInvoice.get(invoice.id);
      const recent = iso(invoice.issued_at) >= this.from || (invoice.voided_at !== null && iso(invoice.voided_at) >= this.from);
      // Invoices billed later than the sale carry no correlation id: ops's workflow tracking
      // would take a RECURRING invoice.issued with one for the start of a new quote-to-cash run.
      if (recent || posting?.status === 'REJECTED') this.invoice(index, invoice, { correlationId: null, causationId: null });
    }
    for (const payment of batch.billing.payments) {
      if (payment.status === 'SUCCEEDED' && iso(payment.received_at) >= this.from) this.payment(index, payment);
    }
    this.healthSignals(index);
  }

  /**
   * The health factors customer success holds, as the signals that reported them: each a request
   * of its own, scored the way recordHealthSignal scores it (the factors reported so far, the
   * payment factor from what was overdue then).
   */
  private healthSignals(index: BatchIndex): void {
    const stored = new Map<string, Parameters<typeof healthScore>[0]['stored'][number][]>();
    for (const factor of index.batch.cs.factors) {
      const reported = stored.get(factor.customer_id) ?? [];
      stored.set(factor.customer_id, [...reported, factor]);
      const time = iso(factor.updated_at);
      const payment = paymentScore(index.standing(factor.customer_id, time).overdueAmount);
      this.event({ correlationId: `seed-health-${factor.customer_id}-${factor.factor}`, causationId: null }, {
        source: 'customer-success',
        type: 'health.changed',
        subject: `Customer:${factor.customer_id}`,
        customerId: factor.customer_id,
        data: { customerId: factor.customer_id, factor: factor.factor, score: healthScore({ stored: [...reported, factor], payment, baseline: null }).score, factorScore: factor.score },
        time,
        entity: `${factor.customer_id}/health/${factor.factor}`,
      });
    }
  }

  /**
   * Every event in the order it happened (ties keep the order they were made in: causes first),
   * with stable ids. Consumes the collector.
   */
  events(): BusinessEvent[] {
    const drafts = this.drafts.splice(0);
    drafts.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    return drafts.map(
      (draft): BusinessEvent => ({
        id: eventId(this.seed, this.asOf, draft.entity, draft.type),
        type: draft.type,
        version: CATALOGUE[draft.type].version,
        source: draft.source,
        subject: draft.subject,
        time: draft.time,
        correlationId: draft.correlationId,
        causationId: draft.causationId,
        customerId: draft.customerId,
        data: draft.data,
        ...(draft.previous ? { previous: draft.previous } : {}),
      }),
    );
  }

  /** Records an event and returns the lineage of what it causes. */
  private event(lineage: Lineage, draft: SeedDraft): Lineage & { time: string } {
    const time = iso(draft.time);
    this.drafts.push({ ...draft, ...lineage, time });
    return { correlationId: lineage.correlationId, causationId: eventId(this.seed, this.asOf, draft.entity, draft.type), time };
  }

  /**
   * A sale's quote-to-cash, one correlation id: CRM activates the contract; billing subscribes it
   * and issues the first invoice; ERP posts (or rejects) that invoice; customer success starts
   * onboarding and opens the renewal. Returns the first invoice's id.
   */
  private sale(index: BatchIndex, contract: CrmContractSeed): string | null {
    const asActivated = beforeAmendment(contract, index.batch.crm.amendments.find((row) => row.contract_id === contract.id));
    const activated = this.event({ correlationId: `seed-q2c-${contract.id}`, causationId: null }, {
      source: 'crm',
      type: 'contract.activated',
      subject: `Contract:${contract.id}`,
      customerId: contract.customer_id,
      // As activated: an amendment came later.
      data: contractData({ ...contract, status: 'ACTIVE', ...asActivated }),
      time: contract.created_at,
      entity: contract.id,
    });

    const subscription = index.subscriptionByContract.get(contract.id);
    const first = subscription ? index.invoicesBySubscription.get(subscription.id)?.[0] : undefined;
    if (subscription && first) {
      this.event(activated, {
        type: 'subscription.created',
        ...activeSubscriptionDraft(subscription, asActivated.seats, first),
        time: latest(iso(subscription.created_at), activated.time),
        entity: subscription.id,
      });
      this.invoice(index, first, activated);
    }

    // Customer success keeps the onboarding of a customer's latest recent contract only; every
    // contract's activation started one when it happened, as it does live.
    const onboarding = index.batch.cs.onboardings.find((row) => row.contract_id === contract.id);
    const opened = latest(iso(onboarding?.started_at ?? at(contract.start_date, 9)), activated.time);
    this.event(activated, {
      source: 'customer-success',
      type: 'onboarding.started',
      subject: `Onboarding:${contract.customer_id}`,
      customerId: contract.customer_id,
      data: onboardingStartedData(contract.customer_id, contract.id, contract.start_date),
      time: opened,
      entity: contract.id,
    });
    const renewal = index.batch.cs.renewals.find((row) => row.contract_id === contract.id);
    if (renewal) {
      this.event(activated, {
        source: 'customer-success',
        type: 'renewal.created',
        subject: `Renewal:${renewal.id}`,
        customerId: renewal.customer_id,
        data: renewalData(renewal),
        time: opened,
        entity: renewal.id,
      });
    }
    return first?.id ?? null;
  }

  /**
   * A seat change, one correlation id as amendContract makes it: CRM amends the contract; billing
   * changes the subscription's seats and bills the increase (a PRORATION invoice, which ERP posts)
   * or credits the decrease (a credit note, which ERP posts). Returns the proration invoice's id.
   */
  private amendment(index: BatchIndex, contract: CrmContractSeed, amendment: CrmAmendmentSeed): string | null {
    const active: CrmContractSeed = { ...contract, status: 'ACTIVE', termination_reason: null, terminated_at: null };
    const before = beforeAmendment(contract, amendment);
    const amended = this.event({ correlationId: `seed-${amendment.id}`, causationId: null }, {
      source: 'crm',
      type: 'contract.amended',
      subject: `Contract:${contract.id}`,
      customerId: contract.customer_id,
      data: {
        ...contractData(active),
        amendment: {
          id: amendment.id,
          effectiveDate: amendment.effective_date,
          seatsDelta: amendment.seats_delta,
          valueDelta: toAmount(amendment.value_delta),
          reason: amendment.reason,
        },
      },
      previous: before,
      time: amendment.created_at,
      entity: amendment.id,
    });
    const subscription = index.subscriptionByContract.get(contract.id);
    if (!subscription) return null;
    // The period the subscription was in: the latest recurring one begun by then.
    const day = amended.time.slice(0, 10);
    const current = (index.invoicesBySubscription.get(subscription.id) ?? []).filter((invoice) => invoice.period_start <= day).at(-1);
    this.event(amended, {
      type: 'subscription.updated',
      ...activeSubscriptionDraft(subscription, contract.seats, current),
      previous: { seats: before.seats },
      time: amended.time,
      entity: `${amendment.id}/${subscription.id}`,
    });
    const proration = index.prorationBySubscription.get(subscription.id);
    if (proration) {
      this.invoice(index, proration, amended);
      return proration.id;
    }
    const note = index.creditNoteBySubscription.get(subscription.id);
    if (!note) return null;
    const issued = this.event(amended, {
      source: 'billing',
      type: 'credit_note.issued',
      subject: `CreditNote:${note.id}`,
      customerId: note.customer_id,
      data: creditNoteData(note, contract.id),
      time: latest(iso(note.issued_at), amended.time),
      entity: note.id,
    });
    const posted = index.erpCreditNotes.get(note.id);
    const entry = index.entryBySource.get(`CREDIT:${note.id}`);
    if (!posted || !entry) return null;
    this.posting(issued, entry, {
      source: 'erp',
      type: 'credit_note.posted',
      subject: `CreditNote:${note.id}`,
      customerId: note.customer_id,
      data: { creditNoteId: note.id, customerId: note.customer_id, journalEntryId: entry.id, period: entry.period },
      time: latest(iso(entry.created_at), issued.time),
      entity: note.id,
    });
    return null;
  }

  /**
   * An event of ERP's posting for `cause`: the journal entry it made, if any, takes the cause's
   * correlation id, as ERP records it for live ones.
   */
  private posting(cause: Lineage & { time: string }, entry: JournalEntrySeed | undefined, draft: SeedDraft): void {
    if (entry) entry.correlation_id = cause.correlationId;
    this.event(cause, draft);
  }

  /** A contract terminated early: a request of its own, so a chain of its own. */
  private termination(contract: CrmContractSeed): void {
    if (!contract.terminated_at) return;
    this.event({ correlationId: `seed-${contract.id}-terminated`, causationId: null }, {
      source: 'crm',
      type: 'contract.terminated',
      subject: `Contract:${contract.id}`,
      customerId: contract.customer_id,
      data: { ...contractData(contract), reason: contract.termination_reason },
      previous: { status: 'ACTIVE' },
      time: contract.terminated_at,
      entity: `${contract.id}/TERMINATED`,
    });
  }

  /** An invoice issued, ERP's posting of it, and a void (with ERP's reversal) if it was voided. */
  private invoice(index: BatchIndex, invoice: InvoiceSeed, cause: Lineage & { time?: string }): void {
    const subscription = index.subscriptionById.get(invoice.subscription_id);
    const about = { subject: `Invoice:${invoice.id}`, customerId: invoice.customer_id };
    const issued = this.event(cause, {
      source: 'billing',
      type: 'invoice.issued',
      ...about,
      data: invoiceData({ ...invoiceRow(invoice, { status: 'OPEN', amount_paid: '0.00' }), contract_id: subscription?.contract_id ?? null }),
      time: latest(iso(invoice.issued_at), cause.time),
      entity: invoice.id,
    });
    index.issuedAt.set(invoice.id, issued.time);
    const erpInvoice = { invoice_id: invoice.id, customer_id: invoice.customer_id };
    const posting = index.postingByInvoice.get(invoice.id);
    if (posting?.status === 'POSTED' && posting.posted_at && posting.journal_entry_id) {
      const entry = index.entryBySource.get(`INVOICE:${invoice.id}`);
      this.posting(issued, entry, {
        source: 'erp',
        type: 'invoice.posted',
        ...about,
        data: invoicePostedData(erpInvoice, posting.period, { id: posting.journal_entry_id, number: entry?.number ?? '' }, posting),
        time: latest(iso(posting.posted_at), issued.time),
        entity: invoice.id,
      });
    } else if (posting?.status === 'REJECTED') {
      this.event(issued, {
        source: 'erp',
        type: 'invoice.posting_rejected',
        ...about,
        data: postingRejectedData(erpInvoice, posting.period, posting.rejection_reason ?? `period ${posting.period} is CLOSED`, posting.attempts),
        time: latest(iso(posting.updated_at), issued.time),
        entity: invoice.id,
      });
    }
    if (invoice.status !== 'VOID' || !invoice.voided_at) return;

    // Voiding is a request of its own, so it starts a chain of its own.
    const voided = this.event({ correlationId: `seed-${invoice.id}`, causationId: null }, {
      source: 'billing',
      type: 'invoice.voided',
      ...about,
      data: invoiceVoidedData(invoiceRow(invoice)),
      time: latest(iso(invoice.voided_at), issued.time),
      entity: invoice.id,
    });
    this.event({ correlationId: voided.correlationId, causationId: null }, {
      source: 'billing',
      type: 'invoice.status_changed',
      ...about,
      data: invoiceStatusData(invoiceRow(invoice)),
      previous: { status: 'OPEN' },
      time: voided.time,
      entity: `${invoice.id}/VOID`,
    });
    const reversal = index.entryBySource.get(`CREDIT:${invoice.id}`);
    this.posting(voided, reversal, {
      source: 'erp',
      type: 'invoice.reversed',
      ...about,
      data: invoiceReversedData(erpInvoice, reversal?.id ?? null),
      time: latest(iso(reversal?.created_at ?? invoice.voided_at), voided.time),
      entity: invoice.id,
    });
  }

  /** A payment received in billing (and the invoice paid by it), and ERP's cash receipt for it. */
  private payment(index: BatchIndex, payment: PaymentSeed): void {
    const invoice = index.invoiceById.get(payment.invoice_id);
    if (!invoice) return;
    const instant = iso(payment.received_at);
    const paid = index.paidBy(invoice.id, instant);
    const before = paid.minus(payment.amount);
    const status = paid.gte(invoice.total) ? 'PAID' : 'OPEN';
    const after = invoiceRow(invoice, { status, amount_paid: toAmount(paid), voided_at: null, void_reason: null });
    const lineage = { correlationId: `seed-${payment.id}`, causationId: null };
    const received = this.event(lineage, {
      source: 'billing',
      type: 'payment.received',
      subject: `Payment:${payment.id}`,
      customerId: payment.customer_id,
      data: paymentReceivedData(payment, after, index.standing(invoice.customer_id, instant)),
      time: latest(instant, index.issuedAt.get(invoice.id)),
      entity: payment.id,
    });
    if (status === 'PAID' && before.lt(invoice.total)) {
      this.event(lineage, {
        source: 'billing',
        type: 'invoice.status_changed',
        subject: `Invoice:${invoice.id}`,
        customerId: invoice.customer_id,
        data: invoiceStatusData(after),
        previous: { status: 'OPEN' },
        time: received.time,
        entity: `${invoice.id}/PAID`,
      });
    }
    const entry = index.entryBySource.get(`PAYMENT:${payment.id}`);
    if (!entry) return;
    this.posting(received, entry, {
      source: 'erp',
      type: 'payment.posted',
      subject: `Payment:${payment.id}`,
      customerId: payment.customer_id,
      data: paymentPostedData(payment.id, { invoice_id: invoice.id, customer_id: invoice.customer_id }, entry.id, periodOf(entry.date)),
      time: latest(iso(entry.created_at), received.time),
      entity: payment.id,
    });
  }
}
