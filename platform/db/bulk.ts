import type { Db, Queryable } from './db.ts';
import type { BusinessEvent } from '../events/index.ts';

/**
 * Inserts rows with one statement: the rows travel as one JSON parameter and
 * json_populate_recordset turns them into the table's row type. On PGlite this is about as fast
 * as COPY, and unlike COPY it is the same SQL on PostgreSQL through pg. The column list comes
 * from the rows, so columns they leave out keep their defaults.
 */
export async function insertRows(tx: Queryable, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).map((column) => `"${column}"`).join(', ');
  await tx.query(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    [JSON.stringify(rows)],
  );
}

const superusers = new WeakMap<Db, boolean>();

/**
 * A transaction for loading seed rows. As a superuser (PGlite always; PostgreSQL usually for a
 * seed) it skips triggers, foreign-key checks included, like pg_restore --disable-triggers: the
 * generator makes every reference point at a row it wrote, and per-row checks would cost about
 * a third of the load. Without the privilege the checks simply run.
 */
async function loadTransaction(db: Db, fn: (tx: Queryable) => Promise<void>): Promise<void> {
  let superuser = superusers.get(db);
  if (superuser === undefined) {
    const [row] = await db.query<{ on: boolean }>(`SELECT current_setting('is_superuser') = 'on' AS on`);
    superuser = row.on;
    superusers.set(db, superuser);
  }
  await db.transaction(async (tx) => {
    if (superuser) await tx.query(`SET LOCAL session_replication_role = replica`);
    await fn(tx);
  });
}

/**
 * Loads rows into several tables in one loadTransaction, in the order given: parents before
 * children, for the foreign keys a non-superuser load still checks.
 */
export async function loadTables(db: Db, tables: readonly (readonly [table: string, rows: readonly object[]])[]): Promise<void> {
  await loadTransaction(db, async (tx) => {
    for (const [table, rows] of tables) await insertRows(tx, table, rows);
  });
}

/**
 * Where each list of a seed batch goes: the table it fills, keyed by the batch's field for it. The
 * keys' order is the load order (parents before children, for the foreign keys); the type makes a
 * batch field without a table an error rather than rows silently left out.
 */
export type SeedTables<Batch> = { readonly [Field in keyof Batch]: string };

/** Loads every list of a seed batch into its table (see SeedTables), in one loadTransaction. */
export async function loadBatch<Batch extends { [Field in keyof Batch]: readonly object[] }>(
  db: Db,
  tables: SeedTables<Batch>,
  batch: Batch,
): Promise<void> {
  const fields = Object.keys(tables) as (keyof Batch)[];
  await loadTables(db, fields.map((field) => [tables[field], batch[field]]));
}

/** Moves a sequence past the numbers the seed used, so later writes do not collide with them. */
export async function setSequence(db: Queryable, sequence: string, lastUsed: number): Promise<void> {
  if (lastUsed > 0) await db.query('SELECT setval($1::regclass, $2, true)', [sequence, lastUsed]);
}

/** Every table of a system's database except the migration log. */
async function tables(db: Db): Promise<string[]> {
  const rows = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  return rows.map((row) => row.tablename);
}

/** The tables of a system's database that hold at least one row. */
export async function tablesWithData(db: Db): Promise<string[]> {
  const names = await tables(db);
  if (names.length === 0) return [];
  const rows = await db.query<{ name: string }>(
    names.map((name, index) => `SELECT $${index + 1}::text AS name WHERE EXISTS (SELECT 1 FROM "${name}")`).join(' UNION ALL '),
    names,
  );
  return rows.map((row) => row.name);
}

/** Empties every table (idempotency keys too) and restarts every sequence of a system's database. */
export async function truncateAll(db: Db): Promise<void> {
  const names = await tables(db);
  await db.transaction(async (tx) => {
    if (names.length > 0) await tx.query(`TRUNCATE ${names.map((name) => `"${name}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await tx.query(
      `SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) FROM pg_sequences WHERE schemaname = current_schema()`,
    );
  });
}

/** Rows of one outbox insert: bounds the size of the JSON parameter. */
const OUTBOX_CHUNK = 5000;

/**
 * Writes events into a system's outbox as history: published and settled when they happened,
 * so the relay never publishes them (again), on either stream.
 */
export async function insertOutboxHistory(db: Db, events: readonly BusinessEvent[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (let from = 0; from < events.length; from += OUTBOX_CHUNK) {
      const rows = events.slice(from, from + OUTBOX_CHUNK).map((event) => ({
        event_id: event.id,
        event,
        created_at: event.time,
        published_at: event.time,
        settled_at: event.time,
      }));
      await insertRows(tx, 'outbox', rows);
    }
  });
}
