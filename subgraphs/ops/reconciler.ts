import { issueDevToken, issuesOwnTokens } from '../../platform/auth/devTokens.ts';
import type { HubConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import type { BackgroundJob } from '../../platform/service/definition.ts';
import { emitter } from '../../platform/events/index.ts';
import type { Logger } from '../../platform/logger.ts';
import { Decimal } from '../../platform/money.ts';
import * as commands from './commands.ts';
import {
  compareCustomer,
  compareLedger,
  CUSTOMER_KINDS,
  LEDGER_KINDS,
  type CustomerSnapshot,
  type Difference,
  type DifferenceKind,
  type Explanations,
  type TrialBalanceLine,
} from './reconciliation.ts';
import type { ReconciliationRunRow } from './rows.ts';

/**
 * Ops's reconciliation job: reads every customer and the ledger through the gateway (GraphQL over
 * HTTP, with a caller token, page by page), compares the systems (reconciliation.ts) and records
 * what differs as owned exceptions, resolving the ones that agree again. It runs soon after the
 * service starts (for the embedded hub: after its seed), every RECONCILE_INTERVAL seconds, and on
 * demand (runReconciliation).
 */

/** Customers per page: their contracts, subscriptions, invoices and postings come along. */
const PAGE = 50;
/** Invoices read with each customer; a customer with more is paged through Query.invoices. */
const INVOICES_PER_CUSTOMER = 100;
/** Trial balances asked for in one request (one alias each). */
const PERIODS_PER_REQUEST = 24;
/** Customers re-read in one request when confirming their differences. */
const RECHECK_BATCH = 20;
/**
 * A difference may be an event still on its way (a payment ERP has not posted yet): it counts
 * only if it is still there when the customer is read again this long after.
 */
const RECHECK_DELAY_MS = 2000;
/** The first run waits this long after start, so the gateway of the same deployment is up. */
const FIRST_RUN_DELAY_MS = 3000;
const ATTEMPTS = 5;

const CUSTOMER_FIELDS = `
  id
  contracts {
    id status planCode seats billingInterval startDate endDate unitPrice { amount currency }
    subscription { id status planCode seats interval currentPeriodStart currentPeriodEnd unitPrice { amount currency } }
  }
  balance { amount currency }
  receivable { balance { amount currency } }
  invoices(first: ${INVOICES_PER_CUSTOMER}) { ...ReconciledInvoice }`;

const INVOICE_FRAGMENT = `
  fragment ReconciledInvoice on Invoice {
    id status total { amount currency } amountDue { amount currency } posting { status amount { amount currency } }
  }`;

const CUSTOMERS = `
  query ReconcileCustomers($first: Int!, $after: String) {
    customers(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${CUSTOMER_FIELDS} } }
  }
  ${INVOICE_FRAGMENT}`;

const INVOICES = `
  query ReconcileInvoices($customerId: ID!, $after: String) {
    invoices(first: 100, after: $after, filter: { customerId: $customerId }) { pageInfo { hasNextPage endCursor } nodes { ...ReconciledInvoice } }
  }
  ${INVOICE_FRAGMENT}`;

const PERIODS = `query ReconcilePeriods { accountingPeriods { id } }`;

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

class GatewayError extends Error {}

/** GraphQL over HTTP to the gateway, as a caller with a token. */
class GatewayClient {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly config: HubConfig,
    private readonly url: () => string,
    private readonly signal: AbortSignal,
  ) {}

  private async authorization(): Promise<string> {
    const configured = this.config.reconciliation.token;
    if (configured) return `Bearer ${configured}`;
    if (!issuesOwnTokens(this.config)) throw new GatewayError('RECONCILE_TOKEN is not set: with AUTH_JWKS_URL or AUTH_PUBLIC_KEY, ops needs a token to read the systems');
    if (!this.token || this.token.until < Date.now()) {
      this.token = { value: await issueDevToken(this.config, 'analyst', { sub: 'ops-reconciliation', ttl: '1h' }), until: Date.now() + 50 * 60_000 };
    }
    return `Bearer ${this.token.value}`;
  }

  /** One request; a gateway that is not up yet (connection refused, 502/503/504) is asked again, with backoff. */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.url(), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            authorization: await this.authorization(),
            'apollographql-client-name': 'ops-reconciliation',
            // Reconciliation looks for what changed without an event: never the gateway's entity cache.
            'cache-control': 'no-cache',
          },
          body: JSON.stringify({ query, variables }),
          signal: this.signal,
        });
      } catch (error) {
        if (this.signal.aborted || attempt >= ATTEMPTS) throw new GatewayError(`the gateway at ${this.url()} did not answer: ${(error as Error).message}`);
        await this.pause(attempt);
        continue;
      }
      if ([502, 503, 504].includes(response.status) && attempt < ATTEMPTS) {
        await response.body?.cancel();
        await this.pause(attempt);
        continue;
      }
      const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; serviceName?: string } }[] };
      if (body.errors?.length || !body.data) {
        const [first] = body.errors ?? [];
        const where = first?.extensions?.serviceName ? ` (${first.extensions.serviceName})` : '';
        throw new GatewayError(`the gateway answered ${response.status}${where}: ${first?.message ?? 'no data'}`);
      }
      return body.data;
    }
  }

  private pause(attempt: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
  }
}

/** Runs reconciliation for one ops service: on a schedule, and when asked. */
export class Reconciler implements BackgroundJob {
  private db: Db | null = null;
  private gatewayUrl: string;
  private timer: NodeJS.Timeout | null = null;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly config: HubConfig,
    private readonly logger: Logger,
  ) {
    this.gatewayUrl = config.reconciliation.gatewayUrl;
  }

  /** The embedded hub points reconciliation at the gateway it started (its port may be any). */
  gatewayListening(url: string): void {
    this.gatewayUrl = url;
  }

  /** Schedules the runs (none with RECONCILE_INTERVAL=0): the first soon, then every interval. */
  start(db: Db): void {
    this.db = db;
    const seconds = this.config.reconciliation.intervalSeconds;
    if (seconds === 0) return;
    const schedule = (trigger: ReconciliationRunRow['trigger'], ms: number) => {
      this.timer = setTimeout(() => {
        void this.begin(trigger).finally(() => {
          if (!this.stopping.signal.aborted) schedule('SCHEDULE', seconds * 1000);
        });
      }, ms);
      this.timer.unref();
    };
    schedule('START', Math.min(FIRST_RUN_DELAY_MS, seconds * 1000));
  }

  /** Stops the schedule and any run in progress (it ends FAILED, exceptions untouched). */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Starts a run now (or finds the one RUNNING) and executes it in the background; returns it. */
  async begin(trigger: ReconciliationRunRow['trigger']): Promise<ReconciliationRunRow> {
    const db = this.requireDb();
    const run = await db.transaction((tx) => commands.startReconciliation(tx, trigger));
    this.execute(run.id);
    return run;
  }

  /**
   * Executes a RUNNING run unless some process already does: the first to claim it. A retried
   * runReconciliation answers with the run its first call started, and this starts nothing.
   */
  execute(runId: string): void {
    const work = (async () => {
      const db = this.requireDb();
      const [claimed] = await db.query<{ id: string }>(
        `UPDATE reconciliation_runs SET claimed = true WHERE id = $1 AND status = 'RUNNING' AND NOT claimed RETURNING id`,
        [runId],
      );
      if (!claimed) return;
      try {
        const outcome = await this.reconcile(db);
        await db.transaction((tx) => commands.recordReconciliation(tx, emitter(tx, { source: 'ops', correlationId: runId, causationId: null }), runId, outcome));
        this.logger.info({ runId, customers: outcome.customers, differences: outcome.differences.length }, 'reconciliation completed');
      } catch (error) {
        const message = this.stopping.signal.aborted ? 'stopped: the service shut down' : (error as Error).message;
        if (!(error instanceof GatewayError) && !this.stopping.signal.aborted) this.logger.error({ err: error, runId }, 'reconciliation failed');
        else this.logger.warn({ runId, error: message }, 'reconciliation failed');
        await db.transaction((tx) => commands.failReconciliation(tx, runId, message)).catch(() => undefined);
      }
    })();
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private requireDb(): Db {
    if (!this.db) throw new Error('the reconciler has not been started');
    return this.db;
  }

  private async reconcile(db: Db): Promise<commands.ReconciliationOutcome> {
    const gateway = new GatewayClient(this.config, () => this.gatewayUrl, this.stopping.signal);
    const ledgerBefore = await this.trialBalances(gateway);
    let explanations = await this.explanations(db);
    const candidates = new Map<string, Difference[]>();
    const receivables = new Map<string, Decimal>();
    let customers = 0;
    let invoices = 0;
    let explained = 0;
    let after: string | null = null;
    do {
      const { customers: page }: { customers: Page<CustomerSnapshot> } = await gateway.query(CUSTOMERS, { first: PAGE, after });
      for (const customer of page.nodes) {
        await this.completeInvoices(gateway, customer);
        customers++;
        invoices += customer.invoices.length;
        if (customer.receivable) {
          const { amount, currency } = customer.receivable.balance;
          receivables.set(currency, (receivables.get(currency) ?? new Decimal(0)).plus(amount));
        }
        const result = compareCustomer(customer, explanations);
        explained += result.explained;
        if (result.differences.length > 0) candidates.set(customer.id, result.differences);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const ledgerAfter = await this.trialBalances(gateway);

    const differences: Difference[] = [];
    if (candidates.size > 0) {
      // Read again after a pause: what is still different is not an event on its way.
      await new Promise((resolve) => setTimeout(resolve, RECHECK_DELAY_MS));
      explanations = await this.explanations(db);
      const ids = [...candidates.keys()];
      for (let from = 0; from < ids.length; from += RECHECK_BATCH) {
        for (const customer of await this.customers(gateway, ids.slice(from, from + RECHECK_BATCH))) {
          const before = new Set(candidates.get(customer.id)!.map((difference) => `${difference.kind} ${difference.subject}`));
          const result = compareCustomer(customer, explanations);
          differences.push(...result.differences.filter((difference) => before.has(`${difference.kind} ${difference.subject}`)));
        }
      }
    }
    // The ledger is compared only if it did not move while the customers were read: every change
    // of a receivable writes a journal entry, so an unchanged journal means consistent reads.
    const checkedKinds: DifferenceKind[] = [...CUSTOMER_KINDS];
    if (JSON.stringify([...ledgerBefore]) === JSON.stringify([...ledgerAfter])) {
      differences.push(...compareLedger(ledgerAfter, receivables));
      checkedKinds.push(...LEDGER_KINDS);
    } else {
      this.logger.info('reconciliation: the journal moved during the run; the ledger is compared next run');
    }
    return { customers, invoices, explained, differences, checkedKinds };
  }

  /** Pages through the invoices of a customer who has more than one page of them. */
  private async completeInvoices(gateway: GatewayClient, customer: CustomerSnapshot): Promise<void> {
    if (customer.invoices.length < INVOICES_PER_CUSTOMER) return;
    const all: CustomerSnapshot['invoices'] = [];
    let after: string | null = null;
    do {
      const { invoices: page }: { invoices: Page<CustomerSnapshot['invoices'][number]> } = await gateway.query(INVOICES, { customerId: customer.id, after });
      all.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    customer.invoices = all;
  }

  /** Customers by id, one alias each. */
  private async customers(gateway: GatewayClient, ids: readonly string[]): Promise<CustomerSnapshot[]> {
    const fields = ids.map((id, index) => `c${index}: customer(id: ${JSON.stringify(id)}) { ${CUSTOMER_FIELDS} }`).join('\n');
    const data = await gateway.query<Record<string, CustomerSnapshot | null>>(`query ReconcileRecheck {\n${fields}\n}\n${INVOICE_FRAGMENT}`);
    const found = Object.values(data).filter((customer): customer is CustomerSnapshot => customer !== null);
    for (const customer of found) await this.completeInvoices(gateway, customer);
    return found;
  }

  /** Every period's trial balance, by period. */
  private async trialBalances(gateway: GatewayClient): Promise<Map<string, TrialBalanceLine[]>> {
    const { accountingPeriods } = await gateway.query<{ accountingPeriods: { id: string }[] }>(PERIODS);
    const periods = accountingPeriods.map((period) => period.id).sort();
    const balances = new Map<string, TrialBalanceLine[]>();
    for (let from = 0; from < periods.length; from += PERIODS_PER_REQUEST) {
      const slice = periods.slice(from, from + PERIODS_PER_REQUEST);
      const fields = slice.map((period, index) => `p${index}: trialBalance(period: "${period}") { account debit { amount currency } credit { amount currency } }`);
      const data = await gateway.query<Record<string, TrialBalanceLine[]>>(`query ReconcileTrialBalances {\n${fields.join('\n')}\n}`);
      slice.forEach((period, index) => balances.set(period, data[`p${index}`]));
    }
    return balances;
  }

  /** The exceptions already open that explain a difference: ops's own state. */
  private async explanations(db: Db): Promise<Explanations> {
    const rows = await db.query<{ kind: string; subject: string; customer_id: string | null }>(
      `SELECT kind, subject, customer_id FROM exceptions WHERE status = 'OPEN' AND kind IN ('POSTING_REJECTED', 'DEAD_LETTER')`,
    );
    return {
      rejectedPostings: new Set(rows.filter((row) => row.kind === 'POSTING_REJECTED').map((row) => row.subject)),
      deadLetterCustomers: new Set(rows.filter((row) => row.kind === 'DEAD_LETTER' && row.customer_id).map((row) => row.customer_id!)),
    };
  }
}
