/**
 * The entity cache's consistency workload, for one gateway or several replicas: concurrent random
 * writes (one writer per field, so each field's values are ordered) and reads on every entity type
 * (Customer in crm, billing and customer success; Contract, Invoice, Renewal, BillingSubscription),
 * each read checked against the writes whose responses it started after. With the stream the
 * subgraphs publish on, derived changes (a subscription's seats after an amendment, the payment
 * factor of health, a renewal's risk) are checked too: a read sent after one's event was delivered
 * here (after the gateway, in one process) must see it.
 */
import assert from 'node:assert/strict';
import { parseEvent } from '../platform/events/catalogue.ts';
import type { EventStream } from '../platform/events/stream.ts';
import { graphql } from './generated/index.ts';
import { query } from './graphql.ts';
import { today } from '../platform/dates.ts';

export const CacheCustomers = graphql(/* GraphQL */ `
  query CacheCustomers {
    customers(first: 20) {
      nodes {
        id
        name
        contracts { id status seats startDate endDate renewal { id risk } }
        invoices(first: 20) { id status amountDue { amount } }
      }
    }
  }
`);

export const CacheCustomerView = graphql(/* GraphQL */ `
  query CacheCustomerView($id: ID!) {
    customer(id: $id) {
      name
      contracts { id seats renewal { id risk } }
      invoices(first: 50) { id amountPaid { amount } }
      subscriptions { id seats }
      health { factors { name score } }
      renewals { id risk }
    }
  }
`);

const CacheContract = graphql(/* GraphQL */ `
  query CacheContract($id: ID!) {
    contract(id: $id) { id seats customer { id name } renewal { id risk } subscription { id seats } }
  }
`);

const CacheInvoice = graphql(/* GraphQL */ `
  query CacheInvoice($id: ID!) {
    invoice(id: $id) { id amountPaid { amount } customer { id name } }
  }
`);

const CacheRenewal = graphql(/* GraphQL */ `
  query CacheRenewal($id: ID!) {
    renewal(id: $id) { id risk customer { id name } }
  }
`);

export const CacheRename = graphql(/* GraphQL */ `
  mutation CacheRename($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { name } }
`);

const CacheAmend = graphql(/* GraphQL */ `
  mutation CacheAmend($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }
`);

const CachePay = graphql(/* GraphQL */ `
  mutation CachePay($input: RecordPaymentInput!) { recordPayment(input: $input) { invoice { amountPaid { amount } } } }
`);

const CacheSignal = graphql(/* GraphQL */ `
  mutation CacheSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { health { factors { name score } } } }
`);

/** One change of a value as a write's response (or a derived change's delivered event) stated it. */
interface Change {
  value: string;
  started: number;
  ended: number;
}

/** A value a read saw, and when the read was sent and answered. */
interface Observation {
  field: string;
  value: string;
  started: number;
  ended: number;
}

/**
 * What a read may see of a field changed by one writer at a time: the value of the last change
 * answered (or delivered) before the read was sent, or of a change made while the read ran.
 */
export function staleReads(initial: ReadonlyMap<string, string>, changes: ReadonlyMap<string, Change[]>, observations: readonly Observation[]): string[] {
  const stale: string[] = [];
  for (const seen of observations) {
    const history = changes.get(seen.field) ?? [];
    // An entity made during the run (an amendment's invoice) is not followed.
    if (!initial.has(seen.field) && history.length === 0) continue;
    const done = history.filter((change) => change.ended < seen.started);
    const allowed = new Set([done.at(-1)?.value ?? initial.get(seen.field), ...history.filter((change) => change.ended >= seen.started && change.started < seen.ended).map((change) => change.value)]);
    if (!allowed.has(seen.value)) stale.push(`${seen.field}: saw ${seen.value}, expected one of ${[...allowed].join(', ')}`);
  }
  return stale;
}


export interface ConsistencyOptions {
  /** Gateway endpoints; each request goes to one of them at random. */
  urls: readonly string[];
  /** Headers of a caller without `pii:read` (half the reads; the others are an admin's). */
  analyst: Record<string, string>;
  seconds: number;
  /** The stream the gateway follows in this process: derived changes are checked when given. */
  stream?: EventStream;
}

/** Runs the workload; the stale reads it found (none expected) and how many values it read. */
export async function runConsistency(options: ConsistencyOptions): Promise<{ observations: number; stale: string[] }> {
  const url = () => options.urls[Math.floor(Math.random() * options.urls.length)]!;
    const { customers } = await query(url(), CacheCustomers);
    // Customers with an active contract (with its renewal and subscription) and an invoice with cents to pay.
    const chosen = customers.nodes
      .map((customer) => ({
        customer,
        contract: customer.contracts.find((contract) => contract.status === 'ACTIVE' && contract.renewal && contract.startDate <= today() && today() <= contract.endDate),
        invoice: (customer.invoices ?? []).find((invoice) => invoice.status === 'OPEN' && Number(invoice.amountDue.amount) >= 5),
      }))
      .filter((entry) => entry.contract && entry.invoice)
      .slice(0, 3);
    assert.ok(chosen.length >= 2, 'the seed has customers to write to');

    const initial = new Map<string, string>();
    const changes = new Map<string, Change[]>();
    const observations: Observation[] = [];
    const record = (field: string, change: Change) => {
      let history = changes.get(field);
      if (!history) changes.set(field, (history = []));
      history.push(change);
    };
    // Derived changes, as the stream delivers them (this listener runs after the gateway's): a
    // read sent after the delivery must see it; one sent before may have seen it already.
    const unsubscribe = options.stream?.subscribe((deliveries) => {
      const derived = (field: string, value: string) => record(field, { value, started: 0, ended: performance.now() });
      for (const { event } of deliveries) {
        const parsed = parseEvent(event);
        if (parsed.type === 'subscription.updated') derived(`BillingSubscription:${parsed.data.id}.seats`, String(parsed.data.seats));
        if (parsed.type === 'health.changed' && parsed.data.factor === 'payment') derived(`Customer:${parsed.data.customerId}.payment`, String(parsed.data.factorScore));
        if (parsed.type === 'renewal.risk_changed') derived(`Renewal:${parsed.data.id}.risk`, parsed.data.risk);
      }
    });

    const observeView = (id: string, view: NonNullable<Awaited<ReturnType<typeof viewOf>>>, started: number, ended: number) => {
      const seen = (field: string, value: string) => observations.push({ field, value, started, ended });
      seen(`Customer:${id}.name`, view.name);
      for (const contract of view.contracts) {
        seen(`Contract:${contract.id}.seats`, String(contract.seats));
        if (contract.renewal) seen(`Renewal:${contract.renewal.id}.risk`, contract.renewal.risk);
      }
      for (const invoice of view.invoices ?? []) seen(`Invoice:${invoice.id}.amountPaid`, invoice.amountPaid.amount);
      for (const subscription of view.subscriptions ?? []) seen(`BillingSubscription:${subscription.id}.seats`, String(subscription.seats));
      for (const renewal of view.renewals ?? []) seen(`Renewal:${renewal.id}.risk`, renewal.risk);
      for (const factor of view.health?.factors ?? []) if (factor.name === 'usage' || factor.name === 'payment') seen(`Customer:${id}.${factor.name}`, String(factor.score));
    };
    const viewOf = async (id: string, headers: Record<string, string>) => (await query(url(), CacheCustomerView, { id }, headers)).customer;

    // What every field is before the first write.
    for (const { customer } of chosen) {
      const length = observations.length;
      observeView(customer.id, (await viewOf(customer.id, options.analyst))!, 0, 0);
      for (const seen of observations.splice(length)) initial.set(seen.field, seen.value);
    }

    const deadline = performance.now() + options.seconds * 1000;
    const running = () => performance.now() < deadline;
    const write = async (field: string, send: () => Promise<string>) => {
      const started = performance.now();
      const value = await send();
      record(field, { value, started, ended: performance.now() });
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    const writers = chosen.flatMap(({ customer, contract, invoice }) => [
      (async () => {
        for (let n = 1; running(); n++, await pause()) {
          await write(`Customer:${customer.id}.name`, async () => (await query(url(), CacheRename, { id: customer.id, input: { name: `${customer.name} #${n}` } })).updateCustomer.name);
        }
      })(),
      (async () => {
        // An amendment reaches billing, erp and customer success: a few are enough.
        for (; running(); await new Promise((resolve) => setTimeout(resolve, 1000))) {
          await write(`Contract:${contract!.id}.seats`, async () => String((await query(url(), CacheAmend, { id: contract!.id, input: { seatsDelta: 1, effectiveDate: today(), reason: 'cache test' } })).amendContract.seats));
        }
      })(),
      (async () => {
        for (; running(); await pause()) {
          await write(`Invoice:${invoice!.id}.amountPaid`, async () => (await query(url(), CachePay, { input: { invoiceId: invoice!.id, amount: '0.01', method: 'card' } })).recordPayment.invoice.amountPaid.amount);
        }
      })(),
      (async () => {
        for (let n = 1; running(); n++, await pause()) {
          await write(`Customer:${customer.id}.usage`, async () => {
            const { recordHealthSignal } = await query(url(), CacheSignal, { input: { customerId: customer.id, factor: 'usage', score: n % 101 } });
            return String(recordHealthSignal.health?.factors.find((factor) => factor.name === 'usage')?.score);
          });
        }
      })(),
    ]);
    const admin = {};
    const readers = Array.from({ length: 4 }, (_, reader) =>
      (async () => {
        while (running()) {
          const { customer, contract, invoice } = chosen[Math.floor(Math.random() * chosen.length)]!;
          const headers = reader % 2 === 0 ? options.analyst : admin;
          const started = performance.now();
          const seen = (field: string, value: string) => observations.push({ field, value, started, ended: performance.now() });
          switch (Math.floor(Math.random() * 4)) {
            case 0: {
              const view = await viewOf(customer.id, headers);
              observeView(customer.id, view!, started, performance.now());
              break;
            }
            case 1: {
              const found = (await query(url(), CacheContract, { id: contract!.id }, headers)).contract!;
              seen(`Contract:${found.id}.seats`, String(found.seats));
              seen(`Customer:${found.customer.id}.name`, found.customer.name);
              if (found.renewal) seen(`Renewal:${found.renewal.id}.risk`, found.renewal.risk);
              if (found.subscription) seen(`BillingSubscription:${found.subscription.id}.seats`, String(found.subscription.seats));
              break;
            }
            case 2: {
              const found = (await query(url(), CacheInvoice, { id: invoice!.id }, headers)).invoice!;
              seen(`Invoice:${found.id}.amountPaid`, found.amountPaid.amount);
              seen(`Customer:${found.customer.id}.name`, found.customer.name);
              break;
            }
            default: {
              const found = (await query(url(), CacheRenewal, { id: contract!.renewal!.id }, headers)).renewal!;
              seen(`Renewal:${found.id}.risk`, found.risk);
              seen(`Customer:${found.customer.id}.name`, found.customer.name);
            }
          }
        }
      })(),
    );
    await Promise.all([...writers, ...readers]);
    unsubscribe?.();

    // Without the stream, derived changes are not known here: only written fields are checked.
    const derived = (field: string) => field.startsWith('BillingSubscription:') || field.startsWith('Renewal:') || field.endsWith('.payment');
    const checked = options.stream ? observations : observations.filter((seen) => !derived(seen.field));
    return { observations: checked.length, stale: staleReads(initial, changes, checked) };
}
