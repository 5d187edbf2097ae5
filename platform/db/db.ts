import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inSpan, SpanKind, tracingOn } from '../tracing.ts';

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * One system's database: embedded PGlite or PostgreSQL through `pg`, the same SQL on both.
 * Dates come back as `YYYY-MM-DD` strings, instants as ISO-8601 strings, NUMERIC as exact
 * decimal strings and BIGINT as numbers, whichever driver runs.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations, bulk loads). */
  exec(sql: string): Promise<void>;
  /** SQL statements requests sent since start, for /metrics and the batching tests. */
  readonly statements: number;
  /**
   * The same database for background work (outbox relay, event consumers, live events), counted
   * apart so that request costs stay readable. On PostgreSQL requests may hold all but
   * RESERVED_FOR_BACKGROUND of the pool's connections, so a burst of requests never queues the
   * relay and live events behind it (events would reach subscribers seconds late).
   */
  background(): Db;
  close(): Promise<void>;
}

interface Counter {
  statements: number;
}

const POOL_SIZE = 10;
/** Connections of the pool requests cannot take (see Db.background). */
const RESERVED_FOR_BACKGROUND = 2;

/** At most `limit` holders at a time; the others wait in arrival order. */
class Gate {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.held >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held++;
    try {
      return await work();
    } finally {
      // The next waiter inherits the place.
      const next = this.waiting.shift();
      if (next) next();
      else this.held--;
    }
  }
}

/**
 * Runs a statement in a client span with OpenTelemetry's database attributes: the statement's
 * text, never its parameters (they hold the data, personal data included). Only inside a trace
 * (a request's, an event's): the relay's and consumers' polling would otherwise be a trace each.
 */
function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (!tracingOn()) return run();
  const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  return inSpan(operation, {
    kind: SpanKind.CLIENT,
    requireParent: true,
    attributes: { 'db.system': 'postgresql', 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': sql, 'db.statement': sql },
  }, run);
}

/** A transaction's span, its statements under it (inside a trace only, as statements are). */
function tracedTransaction<T>(run: () => Promise<T>): Promise<T> {
  if (!tracingOn()) return run();
  return inSpan('transaction', { kind: SpanKind.INTERNAL, requireParent: true, attributes: { 'db.system': 'postgresql', 'db.system.name': 'postgresql' } }, run);
}

const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;

function isoInstant(text: string): string {
  // PostgreSQL prints "2026-11-22 10:15:00.123+00"; make it ISO-8601 before Date parses it.
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`).toISOString();
}

const parsers: Record<number, (text: string) => unknown> = {
  [OID.int8]: (text) => Number(text),
  [OID.date]: (text) => text,
  [OID.timestamp]: isoInstant,
  [OID.timestamptz]: isoInstant,
  [OID.numeric]: (text) => text,
};

class PgliteDb implements Db {
  readonly kind = 'pglite';
  constructor(
    private readonly pglite: PGlite,
    private readonly counter: Counter = { statements: 0 },
    private readonly backgroundCounter: Counter = { statements: 0 },
  ) {}

  get statements(): number {
    return this.counter.statements;
  }

  background(): Db {
    return new PgliteDb(this.pglite, this.backgroundCounter, this.backgroundCounter);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    this.counter.statements++;
    return traced(sql, async () => (await this.pglite.query<Row>(sql, params)).rows);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    this.counter.statements++;
    return tracedTransaction(() =>
      this.pglite.transaction(async (tx) =>
        fn({
          query: async <Row>(sql: string, params: unknown[] = []) => {
            this.counter.statements++;
            return traced(sql, async () => (await tx.query<Row>(sql, params)).rows);
          },
        }),
      ),
    );
  }

  async exec(sql: string): Promise<void> {
    this.counter.statements++;
    await this.pglite.exec(sql);
  }

  async close(): Promise<void> {
    await this.pglite.close();
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres';
  constructor(
    private readonly pool: pg.Pool,
    /** Requests pass it; background work goes straight to the pool. */
    private readonly gate: Gate | undefined,
    private readonly counter: Counter = { statements: 0 },
    private readonly backgroundCounter: Counter = { statements: 0 },
  ) {}

  get statements(): number {
    return this.counter.statements;
  }

  background(): Db {
    return new PostgresDb(this.pool, undefined, this.backgroundCounter, this.backgroundCounter);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    this.counter.statements++;
    return this.gated(() => traced(sql, async () => (await this.pool.query(sql, params)).rows as Row[]));
  }

  private gated<T>(work: () => Promise<T>): Promise<T> {
    return this.gate ? this.gate.run(work) : work();
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.gated(() => tracedTransaction(() => this.transactionOnPool(fn)));
  }

  private async transactionOnPool<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    this.counter.statements++;
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <Row>(sql: string, params: unknown[] = []) => {
          this.counter.statements++;
          return traced(sql, async () => (await client.query(sql, params)).rows as Row[]);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    this.counter.statements++;
    await this.gated(() => this.pool.query(sql));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * PGlite's own start parameters with a smaller buffer cache. Each embedded database is a
 * PostgreSQL in its own WebAssembly memory, and the default 128 MB of shared_buffers is most of
 * what each of the hub's five costs: 16 MB cuts the embedded hub's memory by about 110 MB per
 * system. The demo's tables fit, and pages it evicts stay in the OS's file cache.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

let emptyClusterDump: Promise<Blob> | undefined;

/**
 * An empty, initialised PGlite cluster, made once per process: initdb costs seconds each time,
 * while a new data folder loaded from this dump is ready in a fraction of that.
 */
function emptyCluster(): Promise<Blob> {
  emptyClusterDump ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-pglite-'));
    try {
      const template = await PGlite.create(dir);
      const dump = await template.dumpDataDir('none');
      await template.close();
      return dump;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return emptyClusterDump;
}

/** Whether no embedded database was ever made in `dataDir` (one system's folder). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

export interface OpenDbOptions {
  /** PostgreSQL connection string; without it, PGlite persisted in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

/** Opens a system's database and applies its migrations before anything else touches it. */
export async function openDb(options: OpenDbOptions, migrationsDir: string): Promise<Db> {
  const dirs = [PLATFORM_MIGRATIONS, migrationsDir];
  let db: Db;
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: POOL_SIZE,
      types: { getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
    });
    pool.on('connect', (client) => void client.query("SET TIME ZONE 'UTC'"));
    db = new PostgresDb(pool, new Gate(POOL_SIZE - RESERVED_FOR_BACKGROUND));
  } else {
    const fresh = isNewDataDir(options.dataDir);
    mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create(options.dataDir, { parsers, startParams: PGLITE_START_PARAMS, ...(fresh ? { loadDataDir: await emptyCluster() } : {}) });
    await pglite.exec("SET TIME ZONE 'UTC'");
    db = new PgliteDb(pglite);
  }
  try {
    await migrate(db, dirs);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Tables every system has (idempotency keys); their files are numbered 000 so they run first. */
const PLATFORM_MIGRATIONS = join(import.meta.dirname, 'migrations');

/**
 * Applies every `NNN_name.sql` file of `dirs` not applied yet, in file-name order, in one
 * transaction. An advisory lock keeps replicas that start together from racing.
 */
export async function migrate(db: Db, dirs: string[]): Promise<string[]> {
  const files = dirs
    .flatMap((dir) => readdirSync(dir).filter((file) => /^\d+_.+\.sql$/.test(file)).map((file) => ({ dir, file })))
    .sort((a, b) => a.file.localeCompare(b.file));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(724001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    );
    const pending = files.filter(({ file }) => !applied.has(file));
    for (const { dir, file } of pending) {
      for (const statement of splitStatements(readFileSync(join(dir, file), 'utf8'))) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
    }
    return pending.map(({ file }) => file);
  });
}

/**
 * Splits a migration on semicolons at line ends; migrations keep one statement per `;\n`. A
 * `$$`-quoted body (a function) is one piece of its statement, whatever semicolons it holds.
 */
export function splitStatements(script: string): string[] {
  const statements = [''];
  script.split('$$').forEach((part, index) => {
    if (index % 2 === 1) {
      statements[statements.length - 1] += `$$${part}$$`;
      return;
    }
    const [first, ...rest] = part.split(/;\s*\n/);
    statements[statements.length - 1] += first;
    statements.push(...rest);
  });
  return statements.map((statement) => statement.replace(/^\s*--.*$/gm, '').trim()).filter((statement) => statement.length > 0);
}
