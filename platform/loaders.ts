import DataLoader from 'dataloader';
import type { Queryable } from './db/db.ts';
import { badInput, notFound } from './errors.ts';

/**
 * The lookups of one statement by key, for every request of the process at once: the keys that
 * requests' loaders ask for before the event loop next checks (`setImmediate`) go into one query,
 * so under load concurrent requests' lookups cost one round trip instead of one each. Not cached:
 * each request's own loader is.
 */
type SharedLookup<Row> = DataLoader<string, Row[]>;

/** The process's shared lookups, per database (or transaction) and statement. */
const sharedLookups = new WeakMap<Queryable, Map<string, SharedLookup<object>>>();

function sharedLookup<Row extends object>(db: Queryable, sql: string, column: keyof Row & string): SharedLookup<Row> {
  let bySql = sharedLookups.get(db);
  if (!bySql) sharedLookups.set(db, (bySql = new Map()));
  let lookup = bySql.get(sql) as SharedLookup<Row> | undefined;
  if (!lookup) {
    lookup = new DataLoader<string, Row[]>(async (keys) => groupBy(keys, await db.query<Row>(sql, [[...new Set(keys)]]), column), {
      cache: false,
      batchScheduleFn: (run) => setImmediate(run),
    });
    bySql.set(sql, lookup as unknown as SharedLookup<object>);
  }
  return lookup;
}

/** A request's rows of `keys` from the shared lookup, its own copies: a request may not change another's. */
async function ownRows<Row extends object>(shared: SharedLookup<Row>, keys: readonly string[]): Promise<Row[][]> {
  return (await Promise.all(keys.map((key) => shared.load(key)))).map((rows) => rows.map((row) => ({ ...row })));
}

/**
 * One row per key, batched within the request and with other requests' (sharedLookup): `sql`
 * selects rows whose `column` is in `$1` (a text array). Results come back in key order, null
 * for a key with no row.
 */
export function rowLoader<Row extends object>(db: Queryable, sql: string, column: keyof Row & string): DataLoader<string, Row | null> {
  const shared = sharedLookup<Row>(db, sql, column);
  return new DataLoader(async (keys) => (await ownRows(shared, keys)).map((rows) => rows[0] ?? null));
}

/**
 * The row of `table` whose `column` is the key, batched. `table` and `column` are written into
 * the SQL as they are: names the code spells out, never a request's input.
 */
export function rowBy<Row extends object>(db: Queryable, table: string, column: keyof Row & string): DataLoader<string, Row | null> {
  return rowLoader<Row>(db, `SELECT * FROM ${table} WHERE ${column} = ANY($1)`, column);
}

/** Rows of `table` by their `id`, batched. */
export function byId<Row extends { id: string }>(db: Queryable, table: string): DataLoader<string, Row | null> {
  return rowBy<Row>(db, table, 'id');
}

/**
 * All rows per key, batched as rowLoader is: `sql` selects rows whose `column` is in `$1`, in the order each
 * list should have. Results come back in key order, an empty list for a key with no rows.
 */
export function listLoader<Row extends object>(db: Queryable, sql: string, column: keyof Row & string): DataLoader<string, Row[]> {
  const shared = sharedLookup<Row>(db, sql, column);
  return new DataLoader((keys) => ownRows(shared, keys));
}

/**
 * The rows of `table` whose `column` is the key, in `orderBy` order, batched. `table`, `column`
 * and `orderBy` are written into the SQL as they are: names the code spells out, never a request's input.
 */
export function listBy<Row extends object>(db: Queryable, table: string, column: keyof Row & string, orderBy: string): DataLoader<string, Row[]> {
  return listLoader<Row>(db, `SELECT * FROM ${table} WHERE ${column} = ANY($1) ORDER BY ${orderBy}`, column);
}

/**
 * As listBy, each row with the `currency` of the row of `parent` (by its `id`) that its `column`
 * names: for lines whose amounts are in their parent's currency. `orderBy` is over the rows'
 * columns. The names are written into the SQL as they are: names the code spells out, never a
 * request's input.
 */
export function listWithParentCurrency<Row extends { currency: string }>(
  db: Queryable,
  table: string,
  column: keyof Row & string,
  parent: string,
  orderBy: string,
): DataLoader<string, Row[]> {
  // The subquery lets the filter and the order name bare columns (`id`, not `child.id`); PostgreSQL flattens it into the join.
  const rows = `SELECT child.*, parent.currency FROM ${table} child JOIN ${parent} parent ON parent.id = child.${column}`;
  return listLoader<Row>(db, `SELECT * FROM (${rows}) AS joined WHERE ${column} = ANY($1) ORDER BY ${orderBy}`, column);
}

/** `rows` as one list per key, by their `column`, in key order (an empty list for a key with no rows). */
export function groupBy<Row extends object>(keys: readonly string[], rows: readonly Row[], column: keyof Row & string): Row[][] {
  const byKey = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(String(row[column]))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}

/** The row a loader finds for `id`, or NOT_FOUND naming the type: for ids a mutation acts on or must exist. */
export async function loadExisting<Row>(loader: { load(key: string): Promise<Row | null> }, type: string, id: string): Promise<Row> {
  const row = await loader.load(id);
  if (!row) throw notFound(type, id);
  return row;
}

/** Opaque keyset cursors: the client passes back what it got, never builds one. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** A page of rows, how many rows the filter matches in all, and whether more follow the page. */
export interface Page<Row> {
  rows: Row[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * One keyset page: the first `first` rows of `from` in `orderBy` order that match the filter's
 * `where` conditions (over `params`, $1 on) and lie past the cursor (`after`, which adds its own
 * values to the parameters it is handed), and the count of all rows the filter matches.
 */
export async function keysetPage<Row>(
  db: Queryable,
  page: { select?: string; from: string; where: readonly string[]; params: readonly unknown[]; after?: (params: unknown[]) => string; orderBy: string; first: number },
): Promise<Page<Row>> {
  const { select = '*', from, where, params, after, orderBy, first } = page;
  const whereSql = (conditions: readonly string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
  const pageParams = [...params];
  const pageWhere = after ? [...where, after(pageParams)] : where;
  const [rows, [{ count }]] = await Promise.all([
    db.query<Row>(`SELECT ${select} FROM ${from} ${whereSql(pageWhere)} ORDER BY ${orderBy} LIMIT $${pageParams.push(first + 1)}`, pageParams),
    db.query<{ count: number }>(`SELECT count(*) AS count FROM ${from} ${whereSql(where)}`, [...params]),
  ]);
  return { rows: rows.slice(0, first), totalCount: count, hasNextPage: rows.length > first };
}

/** A page as a GraphQL connection: its rows as `nodes`, and its last row's cursor as `pageInfo.endCursor`. */
export function connection<Row>(page: Page<Row>, cursorOf: (row: Row) => string) {
  const last = page.rows.at(-1);
  return { nodes: page.rows, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? cursorOf(last) : null } };
}

/** A page size argument, checked: BAD_USER_INPUT naming `first` when it is out of range. */
export function pageSize(first: number | null | undefined, max = 100, fallback = 20): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badInput('first', `must be from 0 to ${max}, got ${value}`);
  }
  return value;
}
