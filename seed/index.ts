import { SYSTEMS, type SystemName } from '../platform/config.ts';
import type { Db } from '../platform/db/db.ts';
import { today } from '../platform/dates.ts';
import { BILLING_SEED_TABLES, finishBillingSeed } from '../subgraphs/billing/seed.ts';
import { CRM_SEED_TABLES, finishCrmSeed } from '../subgraphs/crm/seed.ts';
import { CS_SEED_TABLES } from '../subgraphs/customer-success/seed.ts';
import { ERP_SEED_TABLES, finishErpSeed, writeErpPeriods } from '../subgraphs/erp/seed.ts';
import { insertOutboxHistory, loadBatch, truncateAll } from '../platform/db/bulk.ts';
import { SeedEvents } from './events.ts';
import { SeedGenerator } from './generate.ts';
import type { SeedBatch } from './model.ts';
import { loadOpsHistory } from './ops.ts';

export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
}

export interface SeedOptions {
  customers: number;
  /** YYYY-MM-DD, the day the data describes; default today (UTC). */
  asOf?: string;
  /** PRNG seed, default 1: the same options always make the same data. */
  seed?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedSummary {
  customers: number;
  contacts: number;
  opportunities: number;
  contracts: number;
  subscriptions: number;
  invoices: number;
  payments: number;
  journalEntries: number;
  renewals: number;
  /** Events of the recent history, in the event log and the outboxes. */
  events: number;
  ms: number;
}

/** Customers made and written at a time: bounds memory, and each system gets few large statements. */
const BATCH_SIZE = 500;

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** Writes one batch: one transaction per system. */
function write(dbs: Record<SystemName, Db>, batch: SeedBatch): Promise<unknown> {
  return Promise.all([
    loadBatch(dbs.crm, CRM_SEED_TABLES, batch.crm),
    loadBatch(dbs.billing, BILLING_SEED_TABLES, batch.billing),
    loadBatch(dbs.erp, ERP_SEED_TABLES, batch.erp),
    loadBatch(dbs['customer-success'], CS_SEED_TABLES, batch.cs),
  ]);
}

/** What the systems' databases hold, as far as seeding goes. */
export type SeedState =
  /** No customers and no invoices: a seed may run. */
  | 'empty'
  /** A seed began and did not finish (the process was stopped or killed): the data is partial. */
  | 'interrupted'
  /** Data, from a finished seed or written through the API. */
  | 'filled';

/** Reads the seed state of the systems' databases (see platform/migrations/002_seed_run.sql). */
export async function seedState(dbs: Record<SystemName, Db>): Promise<SeedState> {
  const runs = await Promise.all(Object.values(dbs).map((db) => db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM seed_run) AS any')));
  if (runs.some(([row]) => row.any)) return 'interrupted';
  const [crm] = await dbs.crm.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM customers) AS any');
  const [billing] = await dbs.billing.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM invoices) AS any');
  return crm.any || billing.any ? 'filled' : 'empty';
}

/** Empties every table of every system and restarts their sequences. */
export async function resetAll(dbs: Record<SystemName, Db>): Promise<void> {
  await Promise.all(Object.values(dbs).map((db) => truncateAll(db)));
}

/** The systems of record: where events come from. */
const SOURCES = SYSTEMS.filter((system) => system !== 'ops');

/**
 * Fills the systems' (empty) databases with consistent demo data: customers with contacts,
 * opportunities and contracts in CRM; subscriptions, invoices and payments in billing; their
 * receivables, postings and journal entries in ERP; health, onboarding and renewals in customer
 * success. Each batch is one transaction per system. Then the events of the recent history (and
 * of every rejected posting) go into each source's outbox as history and through ops's own
 * consumer, so the event log, the quote-to-cash runs and the open exceptions match the data.
 *
 * All or nothing across restarts: a `seed_run` row in every database marks the seed as running
 * until all of it committed, so a seed that is stopped midway reads as 'interrupted' (seedState).
 */
export async function seedHub(dbs: Record<SystemName, Db>, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (!Number.isSafeInteger(options.customers) || options.customers < 1) throw new Error('customers must be a positive integer');
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf)) throw new Error(`asOf must be a date like 2026-11-22, got "${asOf}"`);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error('seed must be an integer');

  const total = options.customers;
  const progress = (phase: string, done: number) => options.onProgress?.({ phase, done, total });
  const generator = new SeedGenerator(asOf, seed);
  const history = new SeedEvents(asOf, seed);
  const summary: SeedSummary = {
    customers: 0,
    contacts: 0,
    opportunities: 0,
    contracts: 0,
    subscriptions: 0,
    invoices: 0,
    payments: 0,
    journalEntries: 0,
    renewals: 0,
    events: 0,
    ms: 0,
  };

  progress('customers', 0);
  const databases = Object.values(dbs);
  await Promise.all(databases.map((db) => db.query('INSERT INTO seed_run DEFAULT VALUES')));
  await writeErpPeriods(dbs.erp, generator.periods());
  // The next batch is made while the previous one is written, which overlaps on PostgreSQL.
  let writing: Promise<unknown> = Promise.resolve();
  for (let from = 1; from <= total; from += BATCH_SIZE) {
    const to = Math.min(total, from + BATCH_SIZE - 1);
    const batch = generator.batch(from, to);
    history.add(batch);
    summary.customers += batch.crm.customers.length;
    summary.contacts += batch.crm.contacts.length;
    summary.opportunities += batch.crm.opportunities.length;
    summary.contracts += batch.crm.contracts.length;
    summary.subscriptions += batch.billing.subscriptions.length;
    summary.invoices += batch.billing.invoices.length;
    summary.payments += batch.billing.payments.length;
    summary.journalEntries += batch.erp.entries.length;
    summary.renewals += batch.cs.renewals.length;
    await writing;
    progress('customers', from - 1);
    writing = write(dbs, batch);
  }
  await writing;
  progress('customers', total);

  const { counters } = generator;
  await Promise.all([
    finishCrmSeed(dbs.crm, counters.contract),
    finishBillingSeed(dbs.billing, counters.invoice, counters.creditNote),
    finishErpSeed(dbs.erp, counters.journal),
  ]);

  const events = history.events();
  summary.events = events.length;
  progress('events', 0);
  await Promise.all([
    ...SOURCES.map((source) => insertOutboxHistory(dbs[source], events.filter((event) => event.source === source))),
    loadOpsHistory(dbs.ops, events),
  ]);
  progress('events', total);
  // A bulk load leaves the planner without statistics until autovacuum analyzes the tables (never
  // where it is off): without them it reads every OPEN invoice to sum one customer's standing.
  await Promise.all(databases.map((db) => db.exec('ANALYZE')));
  await Promise.all(databases.map((db) => db.query('DELETE FROM seed_run')));
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
